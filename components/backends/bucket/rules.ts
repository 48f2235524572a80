import type { RoutingContext } from "../../routing/context";
import { featureSupport, supports } from "../../schemes";
import { Finding, known, Rule } from "../../validation";
import type { BackendSettingsContext } from "../shared/rules";
import { linkMismatch, unsupportedFinding } from "../../rules/common";
import { bucketNameRuleBroken } from "../../constraints/formats";

/** A zone such as `europe-west1-b`, which is no bucket location. */
const ZONE = /^[a-z]+-[a-z]+[0-9]+-[a-z]$/i;

/**
 * Why a bucket name is not one Cloud Storage accepts, or undefined: 3–63 characters (up to 222 with dots,
 * each dot-separated part at most 63) of lowercase letters, digits, `-`, `_` and `.`, starting and ending
 * with a letter or digit, no IP address, no "goog" prefix or "google".
 * @see https://cloud.google.com/storage/docs/buckets#naming
 */
export const invalidBucketNameReason = bucketNameRuleBroken;

/** Backend-service settings a backend bucket does not have. */
const SERVICE_ONLY_SETTINGS = [
    "securityPolicy",
    "outlierDetection",
    "customRequestHeaders",
    "logging",
    "loadBalancerServiceUsers",
] as const;

export const bucketRules: Rule<BackendSettingsContext>[] = [
    {
        id: "bucket-scheme",
        component: "ApplicationLoadBalancer",
        summary:
            "Bucket backends on global external, classic and cross-region internal (regional backend buckets cannot be referenced by pulumi-gcp's RegionUrlMap)",
        prevents:
            "a regional URL map whose backend bucket reference the provider rewrites to a backend service link (`… was not found` at apply)",
        fix: "use scheme global-external or cross-region-internal",
        check: ({ scheme, backend }) =>
            backend.bucket !== undefined && !supports(scheme, "backendBucket")
                ? [unsupportedFinding(scheme, "backendBucket", "bucket", "A Cloud Storage bucket backend")]
                : [],
    },
    {
        id: "bucket-target",
        component: "ApplicationLoadBalancer",
        summary:
            "A bucket backend names exactly one of an existing bucket, a bucket to create, or an existing backend bucket",
        prevents: "a backend bucket with no bucket, or an ambiguous one",
        fix: 'set bucket.name (an existing bucket), bucket.create (e.g. { location: "EU" }) or bucket.existing (a backend bucket), exactly one',
        check: ({ backend }) => {
            const bucket = backend.bucket;
            if (bucket === undefined) {
                return [];
            }
            const set = (["name", "create", "existing"] as const).filter((k) => bucket[k] !== undefined);
            return set.length === 1
                ? []
                : [
                      {
                          field: "bucket",
                          message: set.length === 0 ? "names no bucket" : `sets ${set.join(", ")} together`,
                      },
                  ];
        },
    },
    {
        id: "bucket-names",
        component: "ApplicationLoadBalancer",
        summary:
            "Bucket names are valid Cloud Storage names (dots, underscores and leading digits allowed; up to 222 characters with dots); locations are not zones",
        prevents: "`Invalid bucket name` / `Invalid location constraint` from Cloud Storage at apply",
        fix: 'use a name of lowercase letters, digits and hyphens such as "shop-assets", and a location such as "EU" or "europe-west1"',
        check: ({ backend }) => {
            const bucket = backend.bucket;
            const findings: Finding[] = [];
            const existingName = known(bucket?.name);
            const nameReason = existingName !== undefined ? invalidBucketNameReason(existingName) : undefined;
            if (nameReason) {
                findings.push({
                    field: "bucket.name",
                    message: `"${existingName}" is not a bucket name: ${nameReason}`,
                    fix: "give the name of the existing bucket exactly as Cloud Storage shows it (gcloud storage buckets list), or use bucket.create",
                });
            }
            const create = bucket?.create;
            if (create?.name !== undefined) {
                // A created bucket's name is only a bucket name (the backend bucket has its own GCP name).
                const reason = invalidBucketNameReason(create.name);
                if (reason) {
                    findings.push({
                        field: "bucket.create.name",
                        message: `"${create.name}" is not a bucket name: ${reason}`,
                        fix: 'use lowercase letters, digits, hyphens, underscores or dots, e.g. "shop-assets" (or omit it for a generated name)',
                    });
                }
            }
            if (create !== undefined && (create.location === "" || ZONE.test(create.location))) {
                findings.push({
                    field: "bucket.create.location",
                    message:
                        create.location === ""
                            ? "is empty"
                            : `"${create.location}" is a zone; buckets live in a region, dual-region or multi-region`,
                    fix: 'use a multi-region such as "EU" or "US", or a region such as "europe-west1"',
                });
            }
            return findings;
        },
    },
    {
        id: "bucket-existing-link",
        component: "ApplicationLoadBalancer",
        summary: "An existing backend bucket is referenced by its global backendBuckets id or self link",
        prevents: "`… was not found` when a URL map references something that is not a global backend bucket",
        fix: "reference projects/<project>/global/backendBuckets/<name>",
        check: ({ backend }) => {
            const text = known(backend.bucket?.existing);
            const problem =
                text === undefined ? undefined : linkMismatch(text, "backendBuckets", "a backend bucket", undefined);
            return problem ? [{ field: "bucket.existing", message: problem }] : [];
        },
    },
    {
        id: "bucket-settings",
        component: "ApplicationLoadBalancer",
        summary:
            "A bucket backend takes no backend-service settings (Cloud Armor only as an edge policy), and an existing backend bucket neither CDN settings nor an edge policy",
        prevents:
            "settings that silently never reach a backend bucket (it has no IAP, backend Cloud Armor policy, logging or outlier detection: 'Only edge security policies can be applied to backend buckets')",
        fix: "remove the setting from this backend; a backend bucket has only Cloud CDN settings (cdn) and an edge security policy (edgeSecurityPolicy)",
        check: ({ backend }) => {
            if (backend.bucket === undefined) {
                return [];
            }
            const findings: Finding[] = [];
            const set = SERVICE_ONLY_SETTINGS.filter((k) => backend[k] !== undefined);
            if (set.length > 0) {
                findings.push({
                    field: "bucket",
                    message: `is a backend bucket, which has no ${set.join(", ")}`,
                    ...(set.includes("securityPolicy")
                        ? {
                              fix: "remove them from this backend; for Cloud Armor set edgeSecurityPolicy, the edge policy (IP, geo and rate-limit rules) a backend bucket takes",
                          }
                        : {}),
                });
            }
            if (backend.bucket.existing !== undefined) {
                for (const [setting, what] of [
                    ["cdn", "Cloud CDN"],
                    ["edgeSecurityPolicy", "its edge security policy"],
                ] as const) {
                    if (backend[setting] !== undefined) {
                        findings.push({
                            field: setting,
                            message:
                                "cannot be applied to an existing backend bucket (bucket.existing), which this package does not manage",
                            fix: `configure ${what} where that backend bucket is defined, or drop ${setting}`,
                        });
                    }
                }
            }
            return findings;
        },
    },
];

/** Routes that would send traffic to a bucket where GCP takes only backend services. */
export const bucketRoutingRules: Rule<RoutingContext>[] = [
    {
        id: "bucket-not-in-split",
        component: "ApplicationLoadBalancer",
        summary: "A bucket backend is not a weighted split target or a mirror target",
        prevents:
            "a weightedBackendServices or requestMirrorPolicy entry naming a backend bucket, where the API documents backend services only (UNCONFIRMED, rejected to be safe)",
        fix: featureSupport("bucketInSplit").alternative,
        check: (context) =>
            context.routes.flatMap((route, i): Finding[] => {
                const isBucket = (key: string) => context.backendKinds?.[key] === "bucket";
                const findings: Finding[] = [];
                (route.split ?? []).forEach((w, k) => {
                    if (isBucket(w.backend)) {
                        findings.push({
                            field: `routes[${i}].split[${k}].backend`,
                            message: `"${w.backend}" is a bucket backend; GCP splits traffic only between backend services`,
                        });
                    }
                });
                if (route.mirror !== undefined && isBucket(route.mirror.backend)) {
                    findings.push({
                        field: `routes[${i}].mirror.backend`,
                        message: `"${route.mirror.backend}" is a bucket backend; GCP mirrors requests only to backend services`,
                    });
                }
                return findings;
            }),
    },
];
