import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { buildBucketBackend, createdBucketName } from "../../components/backends/bucket";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs, BackendArgs } from "../../components/load-balancer";
import { isSignedUrlKey } from "../../components/backends/shared/rules";
import { invalidBucketNameReason } from "../../components/backends/bucket/rules";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { Scheme } from "../../components/schemes";
import { formatProblems, Problem } from "../../components/validation";
import { installMocks, Recorder, settle, valueOf } from "../../components/testing/mocks";

const EU = "europe-west1";
const KEY = "nZtRohdNF9m3cKM24IcK4w"; // 16 bytes, base64url
const T = {
    bucket: "gcp:storage/bucket:Bucket",
    publicRead: "gcp:storage/bucketIAMMember:BucketIAMMember",
    backendBucket: "gcp:compute/backendBucket:BackendBucket",
    regionBackendBucket: "gcp:compute/regionBackendBucket:RegionBackendBucket",
    bucketKey: "gcp:compute/backendBucketSignedUrlKey:BackendBucketSignedUrlKey",
    serviceKey: "gcp:compute/backendServiceSignedUrlKey:BackendServiceSignedUrlKey",
    backendService: "gcp:compute/backendService:BackendService",
    urlMap: "gcp:compute/uRLMap:URLMap",
};

function lb(scheme: Scheme, backends: Record<string, BackendArgs>, extra: Partial<ApplicationLoadBalancerArgs> = {}) {
    return {
        scheme,
        region: scheme.startsWith("regional") ? EU : undefined,
        regions: scheme === "cross-region-internal" ? [EU] : undefined,
        backends,
        defaultBackend: Object.keys(backends)[0],
        ...extra,
    } as ApplicationLoadBalancerArgs;
}

function problems(args: ApplicationLoadBalancerArgs): Problem[] {
    return validateLoadBalancerArgs(args);
}

function onlyProblem(args: ApplicationLoadBalancerArgs): Problem {
    const found = problems(args);
    assert.strictEqual(found.length, 1, `expected one problem, got:\n${formatProblems("args", found)}`);
    return found[0];
}

describe("bucket backend: a created bucket with website, public read and Cloud CDN (global external)", () => {
    let recorder: Recorder;
    let created: ApplicationLoadBalancer;

    before(async () => {
        recorder = installMocks();
        created = new ApplicationLoadBalancer("shop", {
            scheme: "global-external",
            backends: {
                site: {
                    bucket: {
                        create: {
                            location: "EU",
                            website: { mainPageSuffix: "index.html", notFoundPage: "404.html" },
                            publicRead: true,
                        },
                    },
                    cdn: {
                        enabled: true,
                        cacheMode: "CACHE_ALL_STATIC",
                        defaultTtl: 3600,
                        clientTtl: 600,
                        negativeCaching: true,
                        negativeCachingTtls: [{ code: 404, ttl: 60 }],
                        cacheKey: { queryParameters: ["v"] },
                        signedUrlKeys: [{ name: "key-1", value: KEY }],
                    },
                },
                api: { cloudRun: { service: "api", region: EU } },
            },
            routes: [{ paths: ["/api/*"], backend: "api" }],
            defaultBackend: "site",
        });
        await settle();
    });

    it("creates the bucket with uniform access and the website pages, named per project and location", () => {
        const bucket = recorder.get(T.bucket, "shop-site-bucket").inputs;
        assert.deepStrictEqual(bucket, {
            // No gcp:project config under the mocks: the hash covers the project the program names.
            name: createdBucketName("shop-site", undefined, "EU"),
            location: "EU",
            uniformBucketLevelAccess: true,
            forceDestroy: false,
            website: { mainPageSuffix: "index.html", notFoundPage: "404.html" },
        });
        assert.match(bucket.name as string, /^shop-site-[0-9a-f]{8}$/);
        assert.notStrictEqual(createdBucketName("shop-site", "other-project", "EU"), bucket.name);
        assert.notStrictEqual(createdBucketName("shop-site", undefined, "US"), bucket.name);
    });

    it("grants allUsers object read only because publicRead is on", () => {
        assert.deepStrictEqual(recorder.get(T.publicRead, "shop-site-public-read").inputs, {
            bucket: recorder.get(T.bucket, "shop-site-bucket").inputs.name,
            role: "roles/storage.objectViewer",
            member: "allUsers",
        });
    });

    it("creates a global backend bucket with Cloud CDN and its policy, and the signed URL key as a secret", () => {
        const backend = recorder.get(T.backendBucket, "shop-site-backend-bucket").inputs;
        assert.deepStrictEqual(backend, {
            name: "shop-site-bucket",
            bucketName: recorder.get(T.bucket, "shop-site-bucket").inputs.name,
            enableCdn: true,
            cdnPolicy: {
                cacheMode: "CACHE_ALL_STATIC",
                defaultTtl: 3600,
                clientTtl: 600,
                negativeCaching: true,
                negativeCachingPolicies: [{ code: 404, ttl: 60 }],
                cacheKeyPolicy: { queryStringWhitelists: ["v"] },
            },
        });
        const key = recorder.get(T.bucketKey, "shop-site-signed-url-key-key-1");
        assert.deepStrictEqual(key.inputs, { name: "key-1", backendBucket: "shop-site-bucket", keyValue: "[secret]" });
        assert.strictEqual(key.rawInputs.keyValue, KEY);
    });

    it("routes to the backend bucket by its id, and reports it among the backend ids", async () => {
        const map = recorder.get(T.urlMap, "shop-url-map").inputs;
        assert.strictEqual(map.defaultService, "projects/mock-project/global/backendBuckets/shop-site-bucket");
        assert.deepStrictEqual(await valueOf(created.backendServiceIds), {
            api: "projects/mock-project/global/backendServices/shop-api-backend-26bea6f5",
            site: "projects/mock-project/global/backendBuckets/shop-site-bucket",
        });
    });
});

describe("bucket backend: existing buckets and backend buckets, classic and cross-region internal", () => {
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer(
            "classic",
            lb("classic", { assets: { bucket: { name: "shop-assets" }, cdn: { enabled: true } } }),
        );
        new ApplicationLoadBalancer(
            "shared",
            lb("global-external", { shared: { bucket: { existing: "projects/p/global/backendBuckets/assets" } } }),
        );
        new ApplicationLoadBalancer(
            "internal",
            lb(
                "cross-region-internal",
                { docs: { bucket: { name: "internal-docs" } } },
                {
                    https: { certificateManagerCertificates: ["projects/p/locations/global/certificates/c"] },
                },
            ),
        );
        await settle();
    });

    it("serves an existing bucket by name without creating a bucket or granting anything", () => {
        assert.deepStrictEqual(recorder.get(T.backendBucket, "classic-assets-backend-bucket").inputs, {
            name: "classic-assets-bucket",
            bucketName: "shop-assets",
            enableCdn: true,
            cdnPolicy: { cacheMode: "CACHE_ALL_STATIC" },
        });
        assert.deepStrictEqual(recorder.byType(T.bucket), []);
        assert.deepStrictEqual(recorder.byType(T.publicRead), []);
    });

    it("references an existing backend bucket (bucket.existing) and creates nothing for it", () => {
        assert.strictEqual(
            recorder.get(T.urlMap, "shared-url-map").inputs.defaultService,
            "projects/p/global/backendBuckets/assets",
        );
        assert.deepStrictEqual(
            recorder
                .byType(T.backendBucket)
                .map((r) => r.name)
                .sort(),
            ["classic-assets-backend-bucket", "internal-docs-backend-bucket"],
        );
    });

    it("makes the cross-region internal backend bucket INTERNAL_MANAGED, without CDN", () => {
        assert.deepStrictEqual(recorder.get(T.backendBucket, "internal-docs-backend-bucket").inputs, {
            name: "internal-docs-bucket",
            bucketName: "internal-docs",
            loadBalancingScheme: "INTERNAL_MANAGED",
        });
    });
});

describe("bucket backend builder on a regional scheme (compute.RegionBackendBucket)", () => {
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        class Parent extends pulumi.ComponentResource {
            constructor() {
                super("test:index:Parent", "parent", {});
                buildBucketBackend(
                    "parent-site",
                    { namePrefix: "shop-site", scheme: "regional-external", region: EU, bucket: { name: "eu-site" } },
                    { parent: this },
                );
            }
        }
        new Parent();
        await settle();
    });

    it("creates a regional backend bucket in the load balancer's region with the scheme's loadBalancingScheme", () => {
        assert.deepStrictEqual(recorder.get(T.regionBackendBucket, "parent-site-backend-bucket").inputs, {
            name: "shop-site-bucket",
            region: EU,
            bucketName: "eu-site",
            loadBalancingScheme: "EXTERNAL_MANAGED",
        });
        assert.deepStrictEqual(recorder.byType(T.backendBucket), []);
    });
});

describe("Cloud CDN settings on a backend service: cache key and signed URL keys", () => {
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer(
            "media",
            lb("global-external", {
                media: {
                    cloudRun: { service: "media", region: EU },
                    cdn: {
                        enabled: true,
                        cacheKey: { queryParameters: ["w"], headers: ["accept"] },
                        signedUrlKeys: [{ name: "k1", value: KEY }],
                        signedUrlCacheMaxAgeSeconds: 600,
                    },
                },
            }),
        );
        await settle();
    });

    it("keeps host, protocol and query string in the key, and adds the signed URL key to the backend service", () => {
        const service = recorder.get(T.backendService, "media-media-backend").inputs;
        assert.deepStrictEqual(service.cdnPolicy, {
            cacheMode: "CACHE_ALL_STATIC",
            signedUrlCacheMaxAgeSec: 600,
            cacheKeyPolicy: {
                includeHost: true,
                includeProtocol: true,
                includeQueryString: true,
                queryStringWhitelists: ["w"],
                includeHttpHeaders: ["accept"],
            },
        });
        const key = recorder.get(T.serviceKey, "media-media-backend-signed-url-key-k1");
        assert.deepStrictEqual(key.inputs, { name: "k1", backendService: service.name, keyValue: "[secret]" });
    });
});

describe("bucket backends: validation", () => {
    const alternative =
        "use scheme global-external (cross-region-internal for internal clients), or serve the files from Cloud Run: GCP has regional backend buckets, but pulumi-gcp's RegionUrlMap turns every backend reference into a backend service link, so a regional URL map cannot reach one";

    for (const [scheme, title] of [
        ["regional-internal", "regional internal Application Load Balancer"],
        ["regional-external", "regional external Application Load Balancer"],
    ] as const) {
        it(`rejects a bucket on ${scheme}, naming the alternative`, () => {
            assert.deepStrictEqual(onlyProblem(lb(scheme, { site: { bucket: { name: "eu-site" } } })), {
                rule: "bucket-scheme",
                field: "backends.site.bucket",
                message: `A Cloud Storage bucket backend is not supported by the ${title} (scheme "${scheme}")`,
                fix: alternative,
            });
        });
    }

    it("accepts a bucket on global external, classic and cross-region internal", () => {
        for (const scheme of ["global-external", "classic", "cross-region-internal"] as const) {
            assert.deepStrictEqual(problems(lb(scheme, { site: { bucket: { name: "eu-site" } } })), [], scheme);
        }
    });

    it("rejects CDN on a cross-region internal bucket (INTERNAL_MANAGED backend buckets have no CDN)", () => {
        assert.deepStrictEqual(
            onlyProblem(lb("cross-region-internal", { site: { bucket: { name: "docs" }, cdn: { enabled: true } } })),
            {
                rule: "backend-cdn",
                field: "backends.site.cdn",
                message:
                    'Cloud CDN is not supported by the cross-region internal Application Load Balancer (scheme "cross-region-internal")',
                fix: "use scheme global-external",
            },
        );
    });

    it("bucket-target: exactly one of name, create and existing", () => {
        const fix =
            'set bucket.name (an existing bucket), bucket.create (e.g. { location: "EU" }) or bucket.existing (a backend bucket), exactly one';
        assert.deepStrictEqual(onlyProblem(lb("global-external", { site: { bucket: {} } })), {
            rule: "bucket-target",
            field: "backends.site.bucket",
            message: "names no bucket",
            fix,
        });
        assert.deepStrictEqual(
            onlyProblem(
                lb("global-external", {
                    site: { bucket: { name: "a-b", create: { location: "EU", publicRead: true } } },
                }),
            ),
            { rule: "bucket-target", field: "backends.site.bucket", message: "sets name, create together", fix },
        );
    });

    it("lb-backends: a bucket is one more backend kind", () => {
        assert.deepStrictEqual(
            onlyProblem(
                lb("global-external", { site: { bucket: { name: "a-b" }, cloudRun: { service: "x", region: EU } } }),
            ),
            {
                rule: "lb-backends",
                field: "backends.site",
                message: "names 2 backend kinds (cloudRun, bucket)",
                fix: "set exactly one of cloudRun, hybrid, internet, bucket or backendService",
            },
        );
    });

    it("bucket-names: Cloud Storage names, GCP names for created buckets, no zone as location", () => {
        assert.deepStrictEqual(onlyProblem(lb("global-external", { site: { bucket: { name: "My_Bucket" } } })), {
            rule: "bucket-names",
            field: "backends.site.bucket.name",
            message:
                '"My_Bucket" is not a bucket name: bucket names are 3–63 lowercase letters, digits, hyphens, underscores or dots, starting and ending with a letter or digit',
            fix: "give the name of the existing bucket exactly as Cloud Storage shows it (gcloud storage buckets list), or use bucket.create",
        });
        assert.strictEqual(
            onlyProblem(lb("global-external", { site: { bucket: { name: "google-assets" } } })).message,
            '"google-assets" is not a bucket name: bucket names cannot start with "goog" or contain "google"',
        );
        // Underscores, dots and leading digits are valid Cloud Storage names, for created buckets too.
        for (const name of [
            "site_assets",
            "assets.example.com",
            "1-assets",
            `${"a".repeat(63)}.${"b".repeat(63)}.example`,
        ]) {
            assert.deepStrictEqual(
                problems(
                    lb("global-external", { site: { bucket: { create: { location: "EU", name, publicRead: true } } } }),
                ),
                [],
                name,
            );
            assert.deepStrictEqual(problems(lb("global-external", { site: { bucket: { name } } })), [], name);
        }
        assert.deepStrictEqual(
            onlyProblem(
                lb("global-external", {
                    site: { bucket: { create: { location: "EU", name: "Site_Assets", publicRead: true } } },
                }),
            ),
            {
                rule: "bucket-names",
                field: "backends.site.bucket.create.name",
                message:
                    '"Site_Assets" is not a bucket name: bucket names are 3–63 lowercase letters, digits, hyphens, underscores or dots, starting and ending with a letter or digit',
                fix: 'use lowercase letters, digits, hyphens, underscores or dots, e.g. "shop-assets" (or omit it for a generated name)',
            },
        );
        assert.strictEqual(
            invalidBucketNameReason(`${"a".repeat(64)}.example`),
            "each dot-separated part of a bucket name is 1–63 characters",
        );
        assert.strictEqual(
            invalidBucketNameReason(`${"a".repeat(60)}.`.repeat(4) + "example"),
            "bucket names with dots are at most 222 characters; this one has 251",
        );
        assert.strictEqual(
            invalidBucketNameReason("192.168.5.4"),
            "a bucket name cannot be an IP address in dotted-decimal notation",
        );
        assert.deepStrictEqual(
            onlyProblem(
                lb("global-external", {
                    site: { bucket: { create: { location: "europe-west1-b", publicRead: true } } },
                }),
            ),
            {
                rule: "bucket-names",
                field: "backends.site.bucket.create.location",
                message: '"europe-west1-b" is a zone; buckets live in a region, dual-region or multi-region',
                fix: 'use a multi-region such as "EU" or "US", or a region such as "europe-west1"',
            },
        );
        assert.strictEqual(invalidBucketNameReason("assets.example.com"), undefined);
        assert.strictEqual(invalidBucketNameReason("ab"), invalidBucketNameReason("-ab-"));
    });

    it("bucket-existing-link: an existing backend bucket is a global backendBuckets link", () => {
        assert.deepStrictEqual(
            onlyProblem(
                lb("global-external", {
                    site: { bucket: { existing: "projects/p/global/backendServices/assets" } },
                }),
            ),
            {
                rule: "bucket-existing-link",
                field: "backends.site.bucket.existing",
                message:
                    '"projects/p/global/backendServices/assets" is not a backend bucket self link or id (projects/<project>/global/backendBuckets/<name>)',
                fix: "reference projects/<project>/global/backendBuckets/<name>",
            },
        );
        assert.strictEqual(
            onlyProblem(
                lb("global-external", { site: { bucket: { existing: "projects/p/regions/eu/backendBuckets/a" } } }),
            ).message,
            '"projects/p/regions/eu/backendBuckets/a" is a regional backend bucket in eu, but a global one is needed',
        );
    });

    it("bucket-settings: no backend-service settings on a bucket, no CDN on an existing backend bucket", () => {
        assert.deepStrictEqual(
            onlyProblem(
                lb("global-external", {
                    site: { bucket: { name: "a-b" }, logging: { sampleRate: 0.5 }, customRequestHeaders: ["x:y"] },
                }),
            ),
            {
                rule: "bucket-settings",
                field: "backends.site.bucket",
                message: "is a backend bucket, which has no customRequestHeaders, logging",
                fix: "remove the setting from this backend; a backend bucket has only Cloud CDN settings (cdn) and an edge security policy (edgeSecurityPolicy)",
            },
        );
        assert.deepStrictEqual(
            onlyProblem(
                lb("global-external", {
                    site: { bucket: { existing: "projects/p/global/backendBuckets/a" }, cdn: { enabled: true } },
                }),
            ),
            {
                rule: "bucket-settings",
                field: "backends.site.cdn",
                message:
                    "cannot be applied to an existing backend bucket (bucket.existing), which this package does not manage",
                fix: "configure Cloud CDN where that backend bucket is defined, or drop cdn",
            },
        );
    });

    it("backend-service-links: a backend bucket given as backendService points to bucket.existing", () => {
        assert.deepStrictEqual(
            onlyProblem(lb("global-external", { site: { backendService: "projects/p/global/backendBuckets/assets" } })),
            {
                rule: "backend-service-links",
                field: "backends.site.backendService",
                message: '"projects/p/global/backendBuckets/assets" is a backend bucket, not a backend service',
                fix: "give an existing backend bucket as bucket: { existing: <its id or self link> }",
            },
        );
    });

    it("backend-cdn-policy: every status the API lists for negative caching is taken, 302 and 307 included", () => {
        const codes = [300, 301, 302, 307, 308, 404, 405, 410, 421, 451, 501];
        assert.deepStrictEqual(
            problems(
                lb("global-external", {
                    site: {
                        bucket: { name: "a-b" },
                        cdn: {
                            enabled: true,
                            negativeCaching: true,
                            negativeCachingTtls: codes.map((code) => ({ code, ttl: 60 })),
                        },
                    },
                }),
            ),
            [],
        );
    });

    it("backend-cdn-policy: negative-caching statuses and TTLs, signed URL key names and values (never echoed)", () => {
        const secret = "not-a-key-but-secret";
        const found = problems(
            lb("global-external", {
                site: {
                    bucket: { name: "a-b" },
                    cdn: {
                        enabled: true,
                        negativeCachingTtls: [
                            { code: 404, ttl: 60 },
                            { code: 404, ttl: 30 },
                            { code: 500, ttl: 3600 },
                        ],
                        signedUrlKeys: [
                            { name: "Key_1", value: KEY },
                            { name: "k2", value: secret },
                            { name: "k2", value: KEY },
                        ],
                    },
                },
            }),
        );
        assert.deepStrictEqual(
            found.map((p) => [p.field, p.message, p.fix]),
            [
                [
                    "backends.site.cdn.negativeCachingTtls",
                    "is set but negativeCaching is not on",
                    "set cdn.negativeCaching: true, or drop negativeCachingTtls",
                ],
                ["backends.site.cdn.negativeCachingTtls[1].code", "404 is given twice", "keep one TTL per status"],
                [
                    "backends.site.cdn.negativeCachingTtls[2].code",
                    "500 is not a status Cloud CDN negative caching takes (300, 301, 302, 307, 308, 404, 405, 410, 421, 451, 501)",
                    "use one of those statuses",
                ],
                [
                    "backends.site.cdn.negativeCachingTtls[2].ttl",
                    "3600 is outside 0–1800 seconds",
                    "use at most 1800 seconds (30 minutes)",
                ],
                [
                    "backends.site.cdn.signedUrlKeys[0].name",
                    '"Key_1" is not usable: GCP names must start with a lowercase letter, contain only lowercase letters, digits and hyphens, and not end with a hyphen',
                    'use a name such as "key-2026-11"',
                ],
                [
                    "backends.site.cdn.signedUrlKeys[1].value",
                    "is not a 128-bit key in base64url (16 bytes: 22 characters of A–Z, a–z, 0–9, - and _, optionally followed by ==)",
                    "generate one with `head -c 16 /dev/urandom | base64 | tr +/ -_` and pass it as a secret (pulumi config set --secret)",
                ],
                ["backends.site.cdn.signedUrlKeys[2].name", '"k2" is used by two keys', "give each key its own name"],
            ],
        );
        assert.ok(!formatProblems("lb", found).includes(secret), "the secret key value is never echoed");
        assert.strictEqual(isSignedUrlKey(`${KEY}==`), true);
        assert.strictEqual(isSignedUrlKey("nZtRohdNF9m3cKM24IcK4x"), false, "22 characters but not 128 bits");
    });
});

describe("a backend bucket's self link given as backendService through an output", () => {
    it("fails the deployment with the preview message once the value is known", async () => {
        installMocks();
        const bucket = new compute.BackendBucket("assets", { name: "assets", bucketName: "assets" });
        const balancer = new ApplicationLoadBalancer(
            "mixed",
            lb("global-external", { site: { backendService: bucket.selfLink } }),
        );
        // Output.promise() (internal, but stable since 1.0) is what rejects when an apply throws. The URL map
        // refers to the same output, so the SDK may have prefixed where it met the error first (as a deployment shows).
        const ids = (balancer.backendServiceIds as unknown as { promise(): Promise<unknown> }).promise();
        await assert.rejects(ids, (error: Error) => {
            assert.strictEqual(
                error.message.replace(/^error serializing property "defaultService": /, ""),
                'ApplicationLoadBalancer "mixed" has 1 configuration problem:\n' +
                    '  1. backends.site.backendService: "https://www.googleapis.com/compute/v1/projects/mock-project/global/backendBuckets/assets" is a backend bucket, not a backend service\n' +
                    "     Fix: give an existing backend bucket as bucket: { existing: <its id or self link> } [backend-service-links]",
            );
            return true;
        });
    });
});

describe("bucket backends in routes: validation", () => {
    const backends = {
        site: { bucket: { name: "site-files" } },
        api: { cloudRun: { service: "api", region: EU } },
    };

    it("bucket-not-in-split: no bucket in a weighted split or as a mirror target", () => {
        const found = problems(
            lb("global-external", backends, {
                routes: [
                    {
                        paths: ["/a/*"],
                        split: [
                            { backend: "api", weight: 90 },
                            { backend: "site", weight: 10 },
                        ],
                    },
                    { paths: ["/b/*"], backend: "api", mirror: { backend: "site" } },
                ],
            }),
        );
        const fix =
            "route the bucket's paths to it with routes[].backend, and split or mirror only between backend services";
        assert.deepStrictEqual(found, [
            {
                rule: "bucket-not-in-split",
                field: "routes[0].split[1].backend",
                message: '"site" is a bucket backend; GCP splits traffic only between backend services',
                fix,
            },
            {
                rule: "bucket-not-in-split",
                field: "routes[1].mirror.backend",
                message: '"site" is a bucket backend; GCP mirrors requests only to backend services',
                fix,
            },
        ]);
    });
});

describe("custom error responses: validation", () => {
    const backends = {
        site: { bucket: { name: "site-files" } },
        api: { cloudRun: { service: "api", region: EU } },
    };
    const policy = { backend: "site", rules: [{ statusCodes: ["404"], path: "/404.html" }] };

    it("is accepted on global external, at the load balancer and on routes", () => {
        assert.deepStrictEqual(
            problems(
                lb("global-external", backends, {
                    customErrorResponses: policy,
                    routes: [
                        {
                            paths: ["/api/*"],
                            backend: "api",
                            customErrorResponses: { rules: [{ statusCodes: ["5xx"], path: "/api.json" }] },
                        },
                    ],
                }),
            ),
            [],
        );
    });

    for (const [scheme, title] of [
        ["classic", "classic Application Load Balancer"],
        ["cross-region-internal", "cross-region internal Application Load Balancer"],
    ] as const) {
        it(`error-responses-scheme: rejected on ${scheme}, naming global external`, () => {
            assert.deepStrictEqual(onlyProblem(lb(scheme, backends, { customErrorResponses: policy })), {
                rule: "error-responses-scheme",
                field: "customErrorResponses",
                message: `Custom error responses is not supported by the ${title} (scheme "${scheme}")`,
                fix: "use scheme global-external, or let the backend serve its own error pages",
            });
        });
    }

    it("error-responses-scheme: on regional schemes too, at the route level", () => {
        const regional = lb(
            "regional-external",
            { api: { cloudRun: { service: "api" } } },
            { routes: [{ paths: ["/x"], backend: "api", customErrorResponses: { rules: policy.rules } }] },
        );
        assert.deepStrictEqual(onlyProblem(regional), {
            rule: "error-responses-scheme",
            field: "routes[0].customErrorResponses",
            message:
                'Custom error responses is not supported by the regional external Application Load Balancer (scheme "regional-external")',
            fix: "use scheme global-external, or let the backend serve its own error pages",
        });
    });

    it("error-responses-bucket: the pages come from a bucket backend of this load balancer", () => {
        const fix =
            "add a bucket backend (backends.<key>.bucket) holding the pages and name its key in customErrorResponses.backend";
        assert.deepStrictEqual(
            onlyProblem(lb("global-external", backends, { customErrorResponses: { ...policy, backend: "api" } })),
            {
                rule: "error-responses-bucket",
                field: "customErrorResponses.backend",
                message: '"api" is not a bucket backend; GCP serves error pages only from a backend bucket',
                fix,
            },
        );
        assert.deepStrictEqual(
            onlyProblem(lb("global-external", backends, { customErrorResponses: { ...policy, backend: "pages" } })),
            {
                rule: "error-responses-bucket",
                field: "customErrorResponses.backend",
                message: '"pages" is not a backend (have: site, api)',
                fix,
            },
        );
        assert.deepStrictEqual(
            onlyProblem(
                lb("global-external", backends, {
                    routes: [{ paths: ["/x"], backend: "api", customErrorResponses: { rules: policy.rules } }],
                }),
            ),
            {
                rule: "error-responses-bucket",
                field: "routes[0].customErrorResponses.backend",
                message: "is not set, and no load balancer-level customErrorResponses.backend applies",
                fix,
            },
        );
    });

    it("error-responses-rules: statuses, uniqueness, object paths and override statuses", () => {
        const found = problems(
            lb("global-external", backends, {
                customErrorResponses: {
                    backend: "site",
                    rules: [
                        { statusCodes: ["404", "3xx"], path: "errors/404.html" },
                        { statusCodes: ["404", "600"], path: "/errors/", overrideStatus: 99 },
                        { statusCodes: [], path: "/ok.html" },
                    ],
                },
            }),
        );
        assert.deepStrictEqual(
            found.map((p) => [p.rule, p.field, p.message, p.fix]),
            [
                [
                    "error-responses-rules",
                    "customErrorResponses.rules[0].statusCodes",
                    '"3xx" is neither an error status 400–599 nor "4xx" / "5xx"',
                    'use statuses such as "404" or "503", or a class "4xx" / "5xx"',
                ],
                [
                    "error-responses-rules",
                    "customErrorResponses.rules[0].path",
                    '"errors/404.html" is not an object path: it must start with "/", not end with "/", and be at most 1024 characters',
                    'give the page\'s path in the bucket, e.g. "/errors/404.html"',
                ],
                [
                    "error-responses-rules",
                    "customErrorResponses.rules[1].statusCodes",
                    '"404" appears in more than one rule of this policy (GCP requires each value once)',
                    "keep each status or class in one rule",
                ],
                [
                    "error-responses-rules",
                    "customErrorResponses.rules[1].statusCodes",
                    '"600" is neither an error status 400–599 nor "4xx" / "5xx"',
                    'use statuses such as "404" or "503", or a class "4xx" / "5xx"',
                ],
                [
                    "error-responses-rules",
                    "customErrorResponses.rules[1].path",
                    '"/errors/" is not an object path: it must start with "/", not end with "/", and be at most 1024 characters',
                    'give the page\'s path in the bucket, e.g. "/errors/404.html"',
                ],
                [
                    "error-responses-rules",
                    "customErrorResponses.rules[1].overrideStatus",
                    "99 is not an HTTP status 200–599",
                    "use e.g. 200 (serve the page as a success) or 404, or omit it to keep the original status",
                ],
                [
                    "error-responses-rules",
                    "customErrorResponses.rules[2].statusCodes",
                    "is empty",
                    'list statuses such as "404", or a class "4xx" / "5xx"',
                ],
            ],
        );
    });

    it("error-responses-redirect: a redirect route has no error pages", () => {
        assert.deepStrictEqual(
            onlyProblem(
                lb("global-external", backends, {
                    customErrorResponses: policy,
                    routes: [
                        { paths: ["/old"], redirect: { path: "/new" }, customErrorResponses: { rules: policy.rules } },
                    ],
                }),
            ),
            {
                rule: "error-responses-redirect",
                field: "routes[0].customErrorResponses",
                message: "is set on a redirect route",
                fix: "move customErrorResponses to the load balancer, or to the route the redirect leads to",
            },
        );
    });
});
