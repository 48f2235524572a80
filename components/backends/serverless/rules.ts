import type { ServerlessBackendArgs } from "./args";
import type { BackendContext } from "../kind";
import { regionalFrontend } from "../../schemes";
import { urlMaskPlaceholders } from "../../routing/url-mask";
import { schemeProfile, supports } from "../../schemes";
import { Finding, known, Rule, runRules } from "../../validation";
import { regionFinding } from "../../rules/common";
import { cloudRunServiceNameProblem, excerpt } from "../../constraints/formats";
import { backendServiceRuleContext, backendServiceRules } from "../shared/rules";

/** Cloud Run service names and traffic tags: RFC 1035 labels (Compute API NetworkEndpointGroupCloudRun, https://cloud.google.com/compute/docs/reference/rest/v1/networkEndpointGroups). */
export const RFC1035_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

function labelFinding(field: string, what: string, value: string | undefined): Finding[] {
    if (value === undefined || RFC1035_LABEL.test(value)) {
        return [];
    }
    return [
        {
            field,
            message: `"${value}" is not a valid Cloud Run ${what}: it must be 1–63 lowercase letters, digits or hyphens, start with a letter and not end with a hyphen`,
            fix: `use the ${what} exactly as Cloud Run shows it (lowercase, digits, hyphens)`,
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

/** What the serverless rules read: the backend's args, and inside a load balancer who reports its region. */
export interface ServerlessRuleContext extends ServerlessBackendArgs {
    /**
     * Set inside a regional load balancer: a backend without a region of its own takes the load balancer's,
     * whose absence or invalidity the load balancer's `lb-region` rule reports.
     */
    regionReportedByLoadBalancer?: boolean;
}

export const serverlessRules: Rule<ServerlessRuleContext>[] = [
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
            if (args.cloudRun.region === undefined && args.regionReportedByLoadBalancer) {
                return [];
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

export function validateServerlessBackendArgs(args: ServerlessBackendArgs) {
    return [...runRules(serverlessRules, args), ...runRules(backendServiceRules, backendServiceRuleContext(args))];
}

/** The rules over a Cloud Run backend that need the load balancer around it (paths from its args). */
export const serverlessInLoadBalancerRules: Rule<BackendContext>[] = [
    {
        id: "lb-backend-region",
        component: "ApplicationLoadBalancer",
        summary:
            "A regional load balancer's Cloud Run backends are in its region (classic in Standard Tier: in its forwarding rule's region)",
        prevents:
            "a regional backend service and NEG in another region than the URL map (regional load balancers reach only services in their own region); classic in Standard Tier 'can distribute traffic to backends in a single region only' (kept to the forwarding rule's region, UNCONFIRMED)",
        fix: "deploy the service in the load balancer's region, or use a global scheme",
        check: ({ key, backend, args, profile }) => {
            if (!regionalFrontend(args.scheme, args.networkTier) || args.region === undefined) {
                return [];
            }
            const standardClassic = profile.scope === "global";
            const region = backend.cloudRun?.region;
            if (region === undefined || region === args.region) {
                return [];
            }
            return [
                {
                    field: `backends.${key}.cloudRun.region`,
                    message: standardClassic
                        ? `"${region}" is not "${args.region}", the region of the Standard-tier forwarding rule: a classic Application Load Balancer in Standard Tier serves backends in one region (taken to be the forwarding rule's, UNCONFIRMED)`
                        : `"${region}" is not the load balancer's region "${args.region}": a ${profile.title} reaches only Cloud Run services in its own region`,
                    fix: standardClassic
                        ? `deploy the service in ${args.region}, or remove networkTier (Premium serves every region)`
                        : `deploy the service in ${args.region}, or use scheme ${profile.internal ? "cross-region-internal" : "global-external"} to reach other regions`,
                },
            ];
        },
    },
    {
        id: "lb-multi-region-premium",
        component: "ApplicationLoadBalancer",
        summary: "One service in several regions needs the Premium network tier",
        prevents:
            "serverless NEGs in several regions behind a Standard-tier frontend (GCP: multi-region serverless NEGs require Premium tier)",
        fix: 'remove networkTier (Premium is the default) or set it to "PREMIUM"',
        check: ({ key, backend, args }) => {
            const regions = new Set(backend.cloudRun?.regions ?? []);
            if (args.networkTier !== "STANDARD" || regions.size <= 1) {
                return [];
            }
            return [
                {
                    field: "networkTier",
                    message: `is "STANDARD", but backends.${key} runs in ${regions.size} regions; routing to the closest region needs the Premium tier`,
                },
            ];
        },
    },
];
