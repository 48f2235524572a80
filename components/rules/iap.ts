/**
 * Where Identity-Aware Proxy can be turned on: only behind HTTPS, never on a backend bucket, and never
 * both on a Cloud Run service and on the load balancer in front of it.
 */
import type { ApplicationLoadBalancerArgs, BackendArgs } from "../args/load-balancer";
import { ACCESS_LEVEL_NAME } from "../backends/shared/args";
import { Finding, quoteValue, Rule } from "../validation";
import { backendKinds } from "../backends";
import { backendKindField, backendKindsSet } from "../backends/kinds";

function iapBackends(args: ApplicationLoadBalancerArgs): [string, BackendArgs][] {
    return Object.entries(args.backends ?? {}).filter(([, backend]) => backend.iap?.enabled === true);
}

export const iapRules: Rule<ApplicationLoadBalancerArgs>[] = [
    {
        id: "iap-https",
        component: "ApplicationLoadBalancer",
        summary: "IAP is only enabled on a load balancer that serves HTTPS",
        prevents:
            "IAP sign-in (OAuth redirects, the IAP session cookie) over plain HTTP: IAP is an authorization layer for applications accessed by HTTPS",
        fix: "serve HTTPS (set https with a certificate), or turn IAP off on this backend",
        check: (args) =>
            args.https === undefined
                ? iapBackends(args).map(([key]): Finding => ({
                      field: `backends.${key}.iap`,
                      message: "IAP is enabled, but the load balancer serves plain HTTP (no https)",
                  }))
                : [],
    },
    {
        id: "iap-backend-kind",
        component: "ApplicationLoadBalancer",
        summary: "IAP is not enabled on a backend bucket",
        prevents: "GCP: backend buckets aren't supported with IAP",
        fix: "serve the bucket from a backend without IAP (or behind a Cloud Run service that has it)",
        check: (args) =>
            iapBackends(args).flatMap(([key, backend]) =>
                backendKindsSet(backend)
                    .filter((kind) => !backendKinds[kind].iap)
                    .map((kind): Finding => ({
                        field: `backends.${key}.iap`,
                        message: `IAP is enabled on a ${backendKindField[kind]} backend; GCP does not support IAP on backend buckets`,
                    })),
            ),
    },
    {
        id: "iap-access-levels",
        component: "ApplicationLoadBalancer",
        summary:
            "IAP access levels are full Access Context Manager names (accessPolicies/<number>/accessLevels/<name>), listed once, on a backend with IAP members to attach them to",
        prevents:
            "an IAM condition that never matches (a short or misspelled level name denies everyone), and access levels silently unused",
        fix: 'write each level as "accessPolicies/<policy number>/accessLevels/<name>" (gcloud access-context-manager levels list --policy <number> --format="value(name)")',
        check: (args) =>
            Object.entries(args.backends ?? {}).flatMap(([key, backend]): Finding[] => {
                const levels = backend.iap?.accessLevels ?? [];
                const findings: Finding[] = [];
                levels.forEach((level, i) => {
                    const field = `backends.${key}.iap.accessLevels[${i}]`;
                    if (!ACCESS_LEVEL_NAME.test(level)) {
                        findings.push({
                            field,
                            message: `"${level}" is not an access level name (accessPolicies/<number>/accessLevels/<name>: a letter, then letters, digits or _, at most 50)`,
                        });
                    } else if (levels.indexOf(level) !== i) {
                        findings.push({
                            field,
                            message: `"${level}" is listed more than once`,
                            fix: "list each level once",
                        });
                    }
                });
                if (levels.length > 0 && (backend.iap?.enabled !== true || (backend.iap.members ?? []).length === 0)) {
                    findings.push({
                        field: `backends.${key}.iap.accessLevels`,
                        message:
                            backend.iap?.enabled !== true
                                ? "are set but IAP is off on this backend"
                                : "are set but iap.members is empty: the levels are conditions on the members' grants, so they would apply to no one",
                        fix:
                            backend.iap?.enabled !== true
                                ? "set iap.enabled: true, or remove accessLevels"
                                : "list the principals in iap.members (the levels then apply to each), or set the condition on your own grants",
                    });
                }
                return findings;
            }),
    },
];

/** One resource of a planned program, as the offline plan records it. */
export interface PlannedResourceView {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

/** What the program-wide rules see: every resource the program would create. */
export interface ProgramContext {
    resources: PlannedResourceView[];
}

const CLOUD_RUN_SERVICE = "gcp:cloudrunv2/service:Service";
const SERVERLESS_NEG = "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup";
const BACKEND_SERVICES = [
    "gcp:compute/backendService:BackendService",
    "gcp:compute/regionBackendService:RegionBackendService",
];

/** `project/location/name` of a Cloud Run service, the project blank when the provider's is used. */
function serviceKey(project: unknown, location: unknown, name: unknown): string {
    return `${typeof project === "string" ? project : ""}/${String(location)}/${String(name)}`;
}

/**
 * Cloud Run services created with `iapEnabled: true` that an IAP-enabled backend service also fronts.
 * The load balancer only sees a service's name, so this runs over the whole program (the offline plan).
 */
function iapTwice(context: ProgramContext): Finding[] {
    const withIap = new Map<string, string>();
    for (const service of context.resources.filter((r) => r.type === CLOUD_RUN_SERVICE)) {
        if (service.inputs.iapEnabled === true) {
            const name = service.inputs.name ?? service.name;
            withIap.set(serviceKey(service.inputs.project, service.inputs.location, name), String(name));
        }
    }
    if (withIap.size === 0) {
        return [];
    }
    // NEG name → the IAP-enabled Cloud Run service it targets.
    const negTargets = new Map<string, string>();
    for (const neg of context.resources.filter((r) => r.type === SERVERLESS_NEG)) {
        const cloudRun = neg.inputs.cloudRun as { service?: unknown } | undefined;
        const target = withIap.get(serviceKey(neg.inputs.project, neg.inputs.region, cloudRun?.service));
        if (target !== undefined) {
            negTargets.set(String(neg.inputs.name), target);
        }
    }
    const findings: Finding[] = [];
    for (const backend of context.resources.filter((r) => BACKEND_SERVICES.includes(r.type))) {
        if ((backend.inputs.iap as { enabled?: unknown } | undefined)?.enabled !== true) {
            continue;
        }
        const groups = ((backend.inputs.backends as { group?: unknown }[] | undefined) ?? []).map((b) =>
            String(b.group),
        );
        for (const [negName, service] of negTargets) {
            if (groups.some((group) => group.endsWith(`/${negName}`))) {
                findings.push({
                    field: `backend service ${String(backend.inputs.name ?? backend.name)}`,
                    message: `IAP is enabled on it and on the Cloud Run service ${quoteValue(service)} it fronts (iapEnabled); GCP does not support IAP on both`,
                });
            }
        }
    }
    return findings;
}

export const programRules: Rule<ProgramContext>[] = [
    {
        id: "iap-cloud-run-and-lb",
        component: "program (offline plan)",
        summary: "IAP is enabled either on a Cloud Run service or on the load balancer in front of it, not both",
        prevents: "GCP: IAP can't be used on both Cloud Run services and the load balancer",
        fix: "keep IAP in one place: drop iapEnabled from the Cloud Run service, or iap from the load balancer's backend",
        check: iapTwice,
    },
];
