import type { OutlierDetectionArgs } from "../backends/backend-service";
import type { ServerlessBackendArgs } from "../backends/serverless";
import { Scheme, schemeProfile, supports } from "../schemes";
import { Finding, known, Rule } from "../validation";
import { regionFinding, SchemeOption, schemeOptionFindings } from "./common";

/** Cloud Run service names and traffic tags: RFC 1035 labels (gcp-facts §1.1). */
export const RFC1035_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

function labelFinding(field: string, what: string, value: string | undefined): Finding[] {
    if (value === undefined || RFC1035_LABEL.test(value)) {
        return [];
    }
    return [
        {
            field,
            message: `"${value}" is not a valid Cloud Run ${what}: it must be 1–63 lowercase letters, digits or hyphens, start with a letter and not end with a hyphen`,
        },
    ];
}

export const serverlessRules: Rule<ServerlessBackendArgs>[] = [
    {
        id: "cloud-run-target",
        component: "ServerlessBackend",
        summary: "A Cloud Run backend names exactly one of a service or a URL mask",
        prevents:
            "a serverless NEG with no target, or an ambiguous one (API: the service must be given explicitly or via the URL mask)",
        fix: 'set cloudRun.service (e.g. "orders") or cloudRun.urlMask (e.g. "example.com/<service>"), not both',
        check: (args) => {
            const hasService = args.cloudRun.service !== undefined;
            const hasMask = args.cloudRun.urlMask !== undefined;
            if (hasService && hasMask) {
                return [{ field: "cloudRun", message: "both service and urlMask are set" }];
            }
            if (!hasService && !hasMask) {
                return [{ field: "cloudRun", message: "neither service nor urlMask is set" }];
            }
            return [];
        },
    },
    {
        id: "cloud-run-names",
        component: "ServerlessBackend",
        summary: "Cloud Run service names and tags are RFC 1035 labels",
        prevents: "`Invalid value for field 'resource.cloudRun.service'` at apply",
        fix: "use the service's name exactly as Cloud Run shows it (lowercase, digits, hyphens)",
        check: (args) => [
            ...labelFinding("cloudRun.service", "service name", known(args.cloudRun.service)),
            ...labelFinding("cloudRun.tag", "traffic tag", known(args.cloudRun.tag)),
        ],
    },
    {
        id: "url-mask-placeholder",
        component: "ServerlessBackend",
        summary: "A URL mask contains a <service> or <tag> placeholder and no scheme",
        prevents: "a NEG that cannot pick a service from the request URL",
        fix: 'write the mask as the URL without "https://", with <service> (and optionally <tag>) in place of the names, e.g. "example.com/<service>"',
        check: (args) => {
            const mask = args.cloudRun.urlMask;
            if (mask === undefined) {
                return [];
            }
            const findings: Finding[] = [];
            if (/^[a-z]+:\/\//i.test(mask)) {
                findings.push({ field: "cloudRun.urlMask", message: `"${mask}" starts with a URL scheme` });
            }
            if (!mask.includes("<service>") && !mask.includes("<tag>")) {
                findings.push({
                    field: "cloudRun.urlMask",
                    message: `"${mask}" has no <service> or <tag> placeholder`,
                });
            }
            const unknownPlaceholder = /<(?!service>|tag>)[^>]*>/.exec(mask);
            if (unknownPlaceholder) {
                findings.push({
                    field: "cloudRun.urlMask",
                    message: `"${mask}" uses ${unknownPlaceholder[0]}; Cloud Run masks know only <service> and <tag>`,
                });
            }
            return findings;
        },
    },
    {
        id: "serverless-region",
        component: "ServerlessBackend",
        summary: "A Cloud Run backend has a region (the NEG must be in the service's region)",
        prevents: "`Invalid value for field 'region'`, or a NEG in a region where the service does not run",
        fix: 'set cloudRun.region (or the load balancer\'s region), e.g. "europe-west1"',
        check: (args) => {
            if (args.cloudRun.regions && args.cloudRun.regions.length > 0) {
                return args.cloudRun.regions.flatMap((r, i) => regionFinding(`cloudRun.regions[${i}]`, r));
            }
            return regionFinding("cloudRun.region", args.cloudRun.region ?? args.region);
        },
    },
    {
        id: "serverless-negs-per-backend",
        component: "ServerlessBackend",
        summary: "Regional schemes take one serverless NEG per backend service; global ones at most one per region",
        prevents:
            "GCP's rule: a regional backend service has exactly one serverless NEG; a global one at most one per region",
        fix: "list each region once; for several regions use scheme global-external or cross-region-internal",
        check: (args) => {
            const regions = args.cloudRun.regions;
            if (regions === undefined) {
                return [];
            }
            const findings: Finding[] = [];
            if (args.cloudRun.region !== undefined) {
                findings.push({
                    field: "cloudRun.regions",
                    message: "both cloudRun.region and cloudRun.regions are set",
                    fix: "keep one: region for one region, regions for several",
                });
            }
            const duplicates = regions.filter((r, i) => regions.indexOf(r) !== i);
            if (duplicates.length > 0) {
                findings.push({
                    field: "cloudRun.regions",
                    message: `${[...new Set(duplicates)].join(", ")} listed more than once; a backend service takes at most one serverless NEG per region`,
                });
            }
            if (regions.length > 1 && !supports(args.scheme, "multiRegionServerless")) {
                findings.push({
                    field: "cloudRun.regions",
                    message: `${regions.length} regions given, but a ${schemeProfile(args.scheme).title} takes exactly one serverless NEG per backend service`,
                    fix: "use scheme global-external or cross-region-internal for one service in several regions, or one load balancer per region",
                });
            }
            return findings;
        },
    },
];

/**
 * What the backend-service rules read. Every backend kind's args (serverless, internet, hybrid) satisfy
 * it, so options of the backend service itself — outlier detection, and the options that exclude each
 * other (IAP, CDN, outlier detection) — are checked in one place whatever the NEG kind.
 */
export interface BackendServiceRuleContext {
    scheme: Scheme;
    outlierDetection?: OutlierDetectionArgs;
}

function wholeNumberFinding(field: string, value: number | undefined, min: number, max?: number): Finding[] {
    if (value === undefined || (Number.isInteger(value) && value >= min && (max === undefined || value <= max))) {
        return [];
    }
    const range = max === undefined ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`;
    return [{ field, message: `${value} is not ${range}`, fix: `use ${range}` }];
}

/** Backend-service options some schemes lack (see `featureTable`). */
export const backendServiceOptions: SchemeOption<BackendServiceRuleContext>[] = [
    { feature: "outlierDetection", field: "outlierDetection", isSet: (args) => args.outlierDetection !== undefined },
];

export const backendServiceRules: Rule<BackendServiceRuleContext>[] = [
    {
        id: "outlier-detection",
        component: "BackendService",
        summary:
            "Outlier detection only on schemes that have it with serverless NEGs (global external, cross-region internal), with valid counts and times",
        prevents:
            "outlier detection GCP does not apply to serverless NEGs on classic and regional backend services, and `Invalid value for field 'resource.outlierDetection…'` at apply",
        fix: "remove outlierDetection, or use scheme global-external or cross-region-internal",
        check: (args) => {
            const outlier = args.outlierDetection;
            if (outlier === undefined) {
                return [];
            }
            const unsupported = schemeOptionFindings(args.scheme, backendServiceOptions, args);
            if (unsupported.length > 0) {
                return unsupported;
            }
            return [
                ...wholeNumberFinding("outlierDetection.consecutiveErrors", outlier.consecutiveErrors, 1),
                ...wholeNumberFinding("outlierDetection.consecutiveGatewayErrors", outlier.consecutiveGatewayErrors, 1),
                ...wholeNumberFinding("outlierDetection.intervalSeconds", outlier.intervalSeconds, 1),
                ...wholeNumberFinding("outlierDetection.baseEjectionTimeSeconds", outlier.baseEjectionTimeSeconds, 1),
                ...wholeNumberFinding("outlierDetection.maxEjectionPercent", outlier.maxEjectionPercent, 0, 100),
            ];
        },
    },
];
