import type { OutlierDetectionArgs } from "../args/backend-service";
import type { HybridBackendArgs } from "../args/hybrid";
import type { InternetBackendArgs } from "../args/internet";
import type { ServerlessBackendArgs } from "../args/serverless";
import { urlMaskPlaceholders } from "../routing/url-mask";
import { cloudRunServiceNameProblem, excerpt } from "../constraints/formats";
import { Scheme, schemeProfile, supports } from "../schemes";
import { Finding, known, Rule, runRules } from "../validation";
import { IPV4, linkMismatch, portFinding, regionFinding, SchemeOption, schemeOptionFindings } from "./common";

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

/** A service name, or a plainly wrong kind of value (a run.app URL, a resource path) named as such. */
function serviceNameFinding(value: string | undefined): Finding[] {
    const wrongKind = value === undefined ? undefined : cloudRunServiceNameProblem(value);
    return wrongKind
        ? [{ field: "cloudRun.service", message: `${excerpt(value!)} ${wrongKind.reason}`, fix: wrongKind.fix }]
        : labelFinding("cloudRun.service", "service name", value);
}

export const serverlessRules: Rule<ServerlessBackendArgs>[] = [
    {
        id: "cloud-run-target",
        component: "ServerlessBackend",
        summary:
            "A Cloud Run backend names its service once (cloudRun.service or <service> in the URL mask) and its tag at most once (cloudRun.tag or <tag>)",
        prevents:
            "a serverless NEG with no service, or with the service or tag given twice (Compute API, NetworkEndpointGroupCloudRun: the service must be provided explicitly or in the URL mask; the tag is optional, explicitly or in the URL mask)",
        fix: 'set cloudRun.service (e.g. "orders"), or a URL mask with <service> (e.g. "example.com/<service>")',
        check: (args) => {
            const mask = args.cloudRun.urlMask;
            const placeholders = mask === undefined ? [] : urlMaskPlaceholders(mask);
            const hasService = args.cloudRun.service !== undefined;
            if (mask === undefined) {
                return hasService ? [] : [{ field: "cloudRun", message: "neither service nor urlMask is set" }];
            }
            const findings: Finding[] = [];
            if (hasService && placeholders.includes("service")) {
                findings.push({
                    field: "cloudRun.urlMask",
                    message: `"${mask}" picks the service with <service>, and cloudRun.service names one too; the service is given either explicitly or in the mask`,
                    fix: "drop cloudRun.service to let the mask pick the service, or keep it and take <service> out of the mask (a mask may hold <tag> alone)",
                });
            }
            if (!hasService && !placeholders.includes("service")) {
                findings.push({
                    field: "cloudRun.service",
                    message: `is not set, and the URL mask "${mask}" has no <service> placeholder, so no Cloud Run service is named`,
                    fix: 'set cloudRun.service to the service whose tags the mask selects (e.g. "login"), or add <service> to the mask',
                });
            }
            if (args.cloudRun.tag !== undefined && placeholders.includes("tag")) {
                findings.push({
                    field: "cloudRun.tag",
                    message:
                        "is set, and the URL mask picks the tag with <tag> too; the tag is given either explicitly or in the mask",
                    fix: "drop cloudRun.tag to let the mask pick the tag, or take <tag> out of the mask",
                });
            }
            return findings;
        },
    },
    {
        id: "cloud-run-names",
        component: "ServerlessBackend",
        summary: "Cloud Run service names and tags are RFC 1035 labels",
        prevents: "`Invalid value for field 'resource.cloudRun.service'` at apply",
        fix: "use the service's name exactly as Cloud Run shows it (lowercase, digits, hyphens)",
        check: (args) => [
            ...serviceNameFinding(known(args.cloudRun.service)),
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
/** GCP zone names: `europe-west1-b`. */
export const ZONE_PATTERN = /^[a-z]+-[a-z]+[0-9]+-[a-z]$/;

/** The region a zone belongs to: `europe-west1-b` → `europe-west1`. */
export function zoneRegion(zone: string): string {
    return zone.replace(/-[a-z]$/, "");
}

export const hybridRules: Rule<HybridBackendArgs>[] = [
    {
        id: "hybrid-endpoints",
        component: "HybridBackend",
        summary: "A hybrid backend has at least one distinct IPv4:port endpoint",
        prevents:
            "`Invalid value for field 'resource.ipAddress'` / a port-less NON_GCP_PRIVATE_IP_PORT endpoint at apply, or a backend service with nothing to send to",
        fix: 'list endpoints as { ipAddress: "192.168.10.21", port: 443 } (or set hybrid.defaultPort)',
        check: (args) => {
            const target = args.hybrid;
            const endpoints = target.endpoints ?? [];
            if (endpoints.length === 0) {
                return [{ field: "hybrid.endpoints", message: "no endpoint is given" }];
            }
            const findings: Finding[] = [];
            if (target.defaultPort !== undefined) {
                findings.push(...portFinding("hybrid.defaultPort", target.defaultPort));
            }
            const seen = new Set<string>();
            endpoints.forEach((endpoint, i) => {
                const field = `hybrid.endpoints[${i}]`;
                if (!IPV4.test(endpoint.ipAddress)) {
                    findings.push({
                        field: `${field}.ipAddress`,
                        message: `"${endpoint.ipAddress}" is not an IPv4 address; hybrid NEG endpoints are private IP:port pairs, not host names`,
                        fix: "give the endpoint's private IPv4 address (for a host name use an internet NEG: backends.<key>.internet)",
                    });
                }
                const port = endpoint.port ?? target.defaultPort;
                if (port === undefined) {
                    findings.push({
                        field: `${field}.port`,
                        message: "no port is set and hybrid.defaultPort is unset",
                    });
                } else if (endpoint.port !== undefined) {
                    findings.push(...portFinding(`${field}.port`, endpoint.port));
                }
                const key = `${endpoint.ipAddress}:${port}`;
                if (seen.has(key)) {
                    findings.push({
                        field,
                        message: `${key} is listed more than once; a NEG holds each endpoint once`,
                        fix: "remove the duplicate endpoint",
                    });
                }
                seen.add(key);
            });
            return findings;
        },
    },
    {
        id: "hybrid-zone",
        component: "HybridBackend",
        summary: "A hybrid NEG's zone is a zone, in the load balancer's region for regional schemes",
        prevents:
            "a zonal NEG that cannot be created, or one regional load balancers never forward to (hybrid connectivity must be in the load balancer's region)",
        fix: 'set hybrid.zone to a zone of the region where the VPN or Interconnect lands, e.g. "europe-west1-b"',
        check: (args) => {
            const zone = args.hybrid.zone;
            if (zone === undefined || !ZONE_PATTERN.test(zone)) {
                return [
                    {
                        field: "hybrid.zone",
                        message:
                            zone === undefined
                                ? "no zone is set"
                                : `"${zone}" is not a GCP zone name (e.g. "europe-west1-b")`,
                    },
                ];
            }
            const profile = schemeProfile(args.scheme);
            if (profile.scope === "regional" && args.region !== undefined && zoneRegion(zone) !== args.region) {
                return [
                    {
                        field: "hybrid.zone",
                        message: `"${zone}" is not in ${args.region}, the region of this ${profile.title}`,
                        fix: `use a zone of ${args.region}, where the load balancer and its hybrid connectivity must be`,
                    },
                ];
            }
            return [];
        },
    },
    {
        id: "hybrid-network",
        component: "HybridBackend",
        summary: "A hybrid NEG names the VPC its hybrid connectivity is attached to",
        prevents: "a hybrid NEG in the wrong (or a nonexistent `default`) network, unreachable from the endpoints",
        fix: 'set hybrid.network to the self link of the VPC with the VPN or Interconnect, e.g. "projects/net/global/networks/hybrid"',
        check: (args) =>
            args.hybrid.network === undefined && args.network === undefined
                ? [
                      {
                          field: "hybrid.network",
                          message: `is not set, and the ${schemeProfile(args.scheme).title} has no VPC of its own to default to`,
                      },
                  ]
                : [],
    },
    {
        id: "hybrid-balancing",
        component: "HybridBackend",
        summary: "A hybrid backend's rate and health-check timings are positive and consistent",
        prevents:
            "`Invalid value for field 'resource.backends[0].maxRatePerEndpoint'` and health checks whose timeout exceeds their interval",
        fix: "use a positive maxRatePerEndpoint and a health-check timeoutSec no greater than checkIntervalSec",
        check: (args) => {
            const findings: Finding[] = [];
            const rate = args.hybrid.maxRatePerEndpoint;
            if (rate !== undefined && !(rate > 0)) {
                findings.push({
                    field: "hybrid.maxRatePerEndpoint",
                    message: `${rate} is not a positive rate; hybrid NEGs use the RATE balancing mode, which needs one`,
                });
            }
            const check = args.hybrid.healthCheck;
            if (check?.port !== undefined) {
                findings.push(...portFinding("hybrid.healthCheck.port", check.port));
            }
            const interval = check?.checkIntervalSec ?? 5;
            const timeout = check?.timeoutSec ?? 5;
            if (timeout > interval) {
                findings.push({
                    field: "hybrid.healthCheck.timeoutSec",
                    message: `${timeout} s is longer than checkIntervalSec (${interval} s)`,
                });
            }
            return findings;
        },
    },
];

/** Most endpoints a regional internet NEG holds (gcp-facts §8). */
export const REGIONAL_INTERNET_NEG_MAX_ENDPOINTS = 256;

/** Why Cloud Run behind an internet NEG needs ingress "all" (gcp-facts §2.1, UNCONFIRMED inference). */
export const INTERNET_NEG_INGRESS_NOTE =
    'traffic reaching *.run.app through an internet NEG counts as internet traffic for Cloud Run ingress, so the service needs ingress "all" (UNCONFIRMED: inferred from the ingress definitions)';

const PRIVATE_IPV4 = /^(10\.|192\.168\.|172\.(1[6-9]|2[0-9]|3[01])\.|127\.)/;
const FQDN = /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z][-a-z0-9]{0,61}[a-z0-9]$/i;

export const internetRules: Rule<InternetBackendArgs>[] = [
    {
        id: "internet-scheme",
        component: "InternetBackend",
        summary: "Internet NEGs exist for global external, classic, regional external and regional internal",
        prevents: "an internet NEG the load balancer cannot use (cross-region internal has none)",
        fix: "use scheme global-external (global internet NEG) or regional-internal/regional-external (regional internet NEG)",
        check: (args) =>
            supports(args.scheme, "globalInternetNeg") || supports(args.scheme, "regionalInternetNeg")
                ? []
                : [
                      {
                          field: "internet",
                          message: `an internet NEG is not supported by the ${schemeProfile(args.scheme).title} (scheme "${args.scheme}")`,
                      },
                  ],
    },
    {
        id: "internet-endpoint",
        component: "InternetBackend",
        summary:
            "An internet backend names one FQDN or public IP (global), or up to 256 endpoints of one type (regional)",
        prevents:
            "GCP's limits: 1 endpoint per global internet NEG, 256 per regional one, one endpoint type per NEG, no private IPs",
        fix: 'set exactly one of internet.fqdn (e.g. "hello-abc123-ew.a.run.app"), internet.ipAddress or internet.endpoints (regional schemes)',
        check: (args) => {
            const target = args.internet;
            const given = [
                target.fqdn !== undefined ? "fqdn" : undefined,
                target.ipAddress !== undefined ? "ipAddress" : undefined,
                target.endpoints !== undefined ? "endpoints" : undefined,
            ].filter((k): k is string => k !== undefined);
            if (given.length !== 1) {
                return [
                    {
                        field: "internet",
                        message:
                            given.length === 0
                                ? "names no endpoint"
                                : `names ${given.join(" and ")}; exactly one is allowed`,
                    },
                ];
            }
            const findings: Finding[] = [];
            const regional = schemeProfile(args.scheme).scope === "regional";
            const endpoints = target.endpoints ?? [{ fqdn: target.fqdn, ipAddress: target.ipAddress }];
            const field = (i: number, key: string) =>
                target.endpoints !== undefined ? `internet.endpoints[${i}].${key}` : `internet.${key}`;
            if (target.endpoints !== undefined) {
                if (!regional && target.endpoints.length > 1) {
                    findings.push({
                        field: "internet.endpoints",
                        message: `${target.endpoints.length} endpoints given, but a global internet NEG holds exactly one`,
                        fix: "give one endpoint (internet.fqdn), or one backend per endpoint",
                    });
                }
                if (target.endpoints.length === 0) {
                    findings.push({ field: "internet.endpoints", message: "no endpoint is given" });
                }
                if (target.endpoints.length > REGIONAL_INTERNET_NEG_MAX_ENDPOINTS) {
                    findings.push({
                        field: "internet.endpoints",
                        message: `${target.endpoints.length} endpoints given; a regional internet NEG holds at most ${REGIONAL_INTERNET_NEG_MAX_ENDPOINTS}`,
                        fix: "split the endpoints over several backends",
                    });
                }
                const kinds = new Set(endpoints.map((e) => (e.ipAddress !== undefined ? "ip" : "fqdn")));
                if (kinds.size > 1) {
                    findings.push({
                        field: "internet.endpoints",
                        message: "mixes FQDN and IP endpoints; a NEG holds endpoints of one type",
                        fix: "use one backend for the FQDN endpoints and another for the IP endpoints",
                    });
                }
            }
            endpoints.forEach((e, i) => {
                if ((e.fqdn === undefined) === (e.ipAddress === undefined)) {
                    findings.push({
                        field: `internet.endpoints[${i}]`,
                        message: "needs exactly one of fqdn and ipAddress",
                    });
                    return;
                }
                const fqdn = known(e.fqdn);
                if (fqdn !== undefined && !FQDN.test(fqdn)) {
                    findings.push({
                        field: field(i, "fqdn"),
                        message: `"${fqdn}" is not a fully qualified domain name (no scheme, path or port)`,
                        fix: 'give the host name only, e.g. "hello-abc123-ew.a.run.app" for https://hello-abc123-ew.a.run.app/',
                    });
                }
                if (e.ipAddress !== undefined) {
                    if (!IPV4.test(e.ipAddress)) {
                        findings.push({
                            field: field(i, "ipAddress"),
                            message: `"${e.ipAddress}" is not an IPv4 address`,
                        });
                    } else if (PRIVATE_IPV4.test(e.ipAddress)) {
                        findings.push({
                            field: field(i, "ipAddress"),
                            message: `${e.ipAddress} is a private address; internet NEGs take public IPs only`,
                            fix: "for on-premises private endpoints use a hybrid backend (backends.<key>.hybrid)",
                        });
                    }
                }
                const port = (target.endpoints?.[i] as { port?: number } | undefined)?.port;
                if (port !== undefined) {
                    findings.push(...portFinding(field(i, "port"), port));
                }
            });
            if (target.port !== undefined) {
                findings.push(...portFinding("internet.port", target.port));
            }
            return findings;
        },
    },
    {
        id: "internet-neg-scope",
        component: "InternetBackend",
        summary:
            "An internet NEG given by id has the backend service's scope: global on global external and classic, regional in the load balancer's region otherwise",
        prevents:
            "a regional backend service whose group is a global internet NEG (global internet NEGs serve only the global external and classic Application Load Balancers; regional ones the regional schemes)",
        fix: "pass a NEG of the scheme's scope (compute.GlobalNetworkEndpointGroup for global-external and classic, compute.RegionNetworkEndpointGroup in the load balancer's region otherwise), or omit neg to let the backend create one",
        check: (args) => {
            const neg = known(args.neg);
            if (neg === undefined) {
                return [];
            }
            const profile = schemeProfile(args.scheme);
            const region = profile.scope === "regional" ? args.region : undefined;
            if (profile.scope === "regional" && region === undefined) {
                return [];
            }
            const problem = linkMismatch(neg, "networkEndpointGroups", "an internet NEG", region);
            return problem ? [{ field: "neg", message: `${problem} by the ${profile.title}` }] : [];
        },
    },
    {
        id: "internet-host-override",
        component: "InternetBackend",
        summary:
            "internet.hostOverride (a backend-service header) only on global external and classic; other schemes set Host with routes[].rewrite.host",
        prevents:
            "a Host override that never reaches the endpoint, so Cloud Run (routed by Host) answers 404: RegionBackendService has no customRequestHeaders field (pulumi-gcp), and backend custom headers serve only global external and classic (gcp-facts §2.1)",
        fix: "drop internet.hostOverride and set the Host in the routes that reach this backend with routes[].rewrite.host (the URL map's urlRewrite.hostRewrite, which regional and cross-region URL maps have), or reach the Cloud Run service in another project with cross-project service referencing (backends.<key>.backendService, or cloudRun with project)",
        check: (args) =>
            args.internet.hostOverride !== undefined && !supports(args.scheme, "backendCustomHeaders")
                ? [
                      {
                          field: "internet.hostOverride",
                          message: `is a custom request header of the backend service, and the ${schemeProfile(args.scheme).title} has no backend-service custom headers; note that ${INTERNET_NEG_INGRESS_NOTE}`,
                      },
                  ]
                : [],
    },
];

export function validateServerlessBackendArgs(args: ServerlessBackendArgs) {
    return [
        ...runRules(serverlessRules, args),
        ...runRules(backendServiceRules, { scheme: args.scheme, outlierDetection: args.settings?.outlierDetection }),
    ];
}

export function validateHybridBackendArgs(args: HybridBackendArgs) {
    return runRules(hybridRules, args);
}

export function validateInternetBackendArgs(args: InternetBackendArgs) {
    return runRules(internetRules, args);
}
