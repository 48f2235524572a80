import * as pulumi from "@pulumi/pulumi";
import { validateHybridBackendArgs } from "../backends/hybrid";
import { validateInternetBackendArgs } from "../backends/internet";
import { serverlessRegions, validateServerlessBackendArgs } from "../backends/serverless";
import { validateFrontendArgs } from "../frontend";
import type { ApplicationLoadBalancerArgs } from "../load-balancer";
import { defaultBackendKey, loadBalancerRegions, routingContext } from "../load-balancer";
import { gcpName, invalidNameReason } from "../naming";
import { validateNetworkArgs } from "../network";
import { allSchemes, isScheme, schemeProfile } from "../schemes";
import { Finding, known, nestProblems, Problem, Rule, runRules } from "../validation";
import { backendServiceRules } from "./backends";
import { backendSettingsRules } from "./backend-settings";
import { regionFinding } from "./common";
import { validateRoutes } from "./routing";

const NAME_PREFIX_MAX = 40;

export const loadBalancerRules: Rule<ApplicationLoadBalancerArgs>[] = [
    {
        id: "lb-region",
        component: "ApplicationLoadBalancer",
        summary: "Regional schemes have a region; cross-region internal has at least one",
        prevents: "regional resources with no region",
        fix: 'set region, e.g. region: "europe-west1" (cross-region internal: regions: ["europe-west1", "us-central1"])',
        check: (args) => {
            const profile = schemeProfile(args.scheme);
            if (profile.scope === "regional") {
                return regionFinding("region", args.region);
            }
            if (profile.internal) {
                const regions = loadBalancerRegions(args);
                if (regions.length === 0) {
                    return [{ field: "regions", message: "no region is set" }];
                }
                return regions.flatMap((r, i) => regionFinding(`regions[${i}]`, r));
            }
            return args.region !== undefined ? regionFinding("region", args.region) : [];
        },
    },
    {
        id: "lb-backends",
        component: "ApplicationLoadBalancer",
        summary: "There is at least one backend, and each names exactly one kind",
        prevents: "a URL map with no backend service to route to",
        fix: 'add a backend, e.g. backends: { web: { cloudRun: { service: "web" } } }',
        check: (args) => {
            const entries = Object.entries(args.backends ?? {});
            if (entries.length === 0) {
                return [{ field: "backends", message: "no backend is given" }];
            }
            const findings: Finding[] = [];
            for (const [key, backend] of entries) {
                const kinds = [
                    backend.cloudRun !== undefined ? "cloudRun" : undefined,
                    backend.hybrid !== undefined ? "hybrid" : undefined,
                    backend.internet !== undefined ? "internet" : undefined,
                    backend.backendService !== undefined ? "backendService" : undefined,
                ].filter((k): k is string => k !== undefined);
                if (kinds.length !== 1) {
                    findings.push({
                        field: `backends.${key}`,
                        message:
                            kinds.length === 0
                                ? "names no backend kind"
                                : `names ${kinds.length} backend kinds (${kinds.join(", ")})`,
                        fix: "set exactly one of cloudRun, hybrid, internet or backendService",
                    });
                }
            }
            return findings;
        },
    },
    {
        id: "lb-backend-keys",
        component: "ApplicationLoadBalancer",
        summary: "Backend keys stay distinct once made GCP-valid",
        prevents: "two backends getting the same physical names (`already exists` at apply)",
        fix: "rename one of the backends",
        check: (args) => {
            const seen = new Map<string, string>();
            const findings: Finding[] = [];
            for (const key of Object.keys(args.backends ?? {})) {
                const physical = gcpName(key);
                const other = seen.get(physical);
                if (other !== undefined) {
                    findings.push({
                        field: `backends.${key}`,
                        message: `"${key}" and "${other}" both become "${physical}" in GCP names`,
                    });
                }
                seen.set(physical, key);
            }
            return findings;
        },
    },
    {
        id: "lb-default-backend",
        component: "ApplicationLoadBalancer",
        summary: "The default backend is one of the backends",
        prevents: "a URL map without a default service (GCP requires one)",
        fix: "set defaultBackend to one of the keys in backends",
        check: (args) => {
            const keys = Object.keys(args.backends ?? {});
            const key = defaultBackendKey(args);
            if (keys.length === 0) {
                return [];
            }
            if (key === undefined) {
                return [
                    {
                        field: "defaultBackend",
                        message: `is not set and there are ${keys.length} backends (${keys.join(", ")})`,
                    },
                ];
            }
            return keys.includes(key)
                ? []
                : [{ field: "defaultBackend", message: `"${key}" is not a backend (have: ${keys.join(", ")})` }];
        },
    },
    {
        id: "lb-backend-region",
        component: "ApplicationLoadBalancer",
        summary: "A regional load balancer's Cloud Run backends are in its region",
        prevents:
            "a regional backend service and NEG in another region than the URL map (regional load balancers reach only services in their own region)",
        fix: "deploy the service in the load balancer's region, or use a global scheme",
        check: (args) => {
            const profile = schemeProfile(args.scheme);
            if (profile.scope !== "regional" || args.region === undefined) {
                return [];
            }
            return Object.entries(args.backends ?? {}).flatMap(([key, backend]) => {
                const region = backend.cloudRun?.region;
                if (region === undefined || region === args.region) {
                    return [];
                }
                return [
                    {
                        field: `backends.${key}.cloudRun.region`,
                        message: `"${region}" is not the load balancer's region "${args.region}": a ${profile.title} reaches only Cloud Run services in its own region`,
                        fix: `deploy the service in ${args.region}, or use scheme ${profile.internal ? "cross-region-internal" : "global-external"} to reach other regions`,
                    },
                ];
            });
        },
    },
    {
        id: "lb-multi-region-premium",
        component: "ApplicationLoadBalancer",
        summary: "One service in several regions needs the Premium network tier",
        prevents:
            "serverless NEGs in several regions behind a Standard-tier frontend (GCP: multi-region serverless NEGs require Premium tier)",
        fix: 'remove networkTier (Premium is the default) or set it to "PREMIUM"',
        check: (args) => {
            if (args.networkTier !== "STANDARD") {
                return [];
            }
            return Object.entries(args.backends ?? {})
                .filter(([, backend]) => (backend.cloudRun?.regions?.length ?? 0) > 1)
                .map(([key, backend]) => ({
                    field: "networkTier",
                    message: `is "STANDARD", but backends.${key} runs in ${backend.cloudRun!.regions!.length} regions; routing to the closest region needs the Premium tier`,
                }));
        },
    },
    {
        id: "lb-name-prefix",
        component: "ApplicationLoadBalancer",
        summary: `A name prefix is a valid GCP name of at most ${NAME_PREFIX_MAX} characters`,
        prevents: "`Invalid value for field 'resource.name'` at apply",
        fix: `use lowercase letters, digits and hyphens, starting with a letter, at most ${NAME_PREFIX_MAX} characters (or omit namePrefix)`,
        check: (args) => {
            if (args.namePrefix === undefined) {
                return [];
            }
            const reason =
                args.namePrefix.length > NAME_PREFIX_MAX
                    ? `it is ${args.namePrefix.length} characters long; the prefix leaves room for suffixes only up to ${NAME_PREFIX_MAX}`
                    : invalidNameReason(args.namePrefix);
            return reason ? [{ field: "namePrefix", message: `"${args.namePrefix}" is not usable: ${reason}` }] : [];
        },
    },
];

/**
 * Every problem with a load balancer's arguments, its parts' included, with fields as the user wrote
 * them. Nothing is created and nothing thrown.
 */
export function validateLoadBalancerArgs(args: ApplicationLoadBalancerArgs): Problem[] {
    if (!isScheme(args.scheme)) {
        return [
            {
                rule: "lb-scheme",
                field: "scheme",
                message: `"${String(args.scheme)}" is not a load balancer scheme`,
                fix: `use one of ${allSchemes.map((s) => `"${s}"`).join(", ")}`,
            },
        ];
    }
    const problems = runRules(loadBalancerRules, args);
    // Routes, their limits and the route tests (route tests run only once the table itself is sound).
    problems.push(...validateRoutes(routingContext(args)));
    const profile = schemeProfile(args.scheme);
    const regions = loadBalancerRegions(args);
    // With the region missing (already reported), ranges are still checked, under a stand-in region.
    const checkedRegions = regions.length > 0 ? regions : ["(region)"];
    if (profile.proxyOnlySubnetPurpose) {
        const networkProblems = validateNetworkArgs({
            regions: checkedRegions,
            proxyOnlyPurpose: profile.proxyOnlySubnetPurpose,
            subnets: profile.addressFromSubnet,
            create: args.network?.existing ? undefined : (args.network?.create ?? {}),
            existing: args.network?.existing,
        }).filter((p) => p.rule !== "network-region");
        problems.push(...nestProblems("network", networkProblems));
    }
    for (const [key, backend] of Object.entries(args.backends ?? {})) {
        if (backend.cloudRun !== undefined) {
            const backendArgs = {
                scheme: args.scheme,
                cloudRun: backend.cloudRun,
                region: args.region ?? regions[0],
            };
            const found = validateServerlessBackendArgs(backendArgs);
            // A missing region is reported once, on the load balancer, when the backend has none of its own.
            const own = serverlessRegions({ cloudRun: backend.cloudRun }).length > 0;
            problems.push(
                ...nestProblems(
                    `backends.${key}`,
                    found.filter((p) => own || p.rule !== "serverless-region" || profile.scope === "global"),
                ),
            );
        }
        if (backend.hybrid !== undefined) {
            const found = validateHybridBackendArgs({
                scheme: args.scheme,
                hybrid: backend.hybrid,
                // Envoy-based schemes bring their own VPC, which the hybrid NEG defaults to.
                network: profile.proxyOnlySubnetPurpose ? "(the load balancer's VPC)" : undefined,
                region: profile.scope === "regional" ? args.region : undefined,
            });
            problems.push(...nestProblems(`backends.${key}`, found));
        }
        if (backend.internet !== undefined) {
            const found = validateInternetBackendArgs({
                scheme: args.scheme,
                internet: backend.internet,
                network: profile.proxyOnlySubnetPurpose ? "(the load balancer's VPC)" : undefined,
                region: profile.scope === "regional" ? args.region : undefined,
            });
            problems.push(...nestProblems(`backends.${key}`, found));
        }
        const settingsContext = {
            scheme: args.scheme,
            backend,
            lbProject: known(args.project) ?? new pulumi.Config("gcp").get("project"),
            existingNetwork: args.network?.existing !== undefined,
        };
        problems.push(
            ...nestProblems(`backends.${key}`, [
                ...runRules(backendServiceRules, { scheme: args.scheme, outlierDetection: backend.outlierDetection }),
                ...runRules(backendSettingsRules, settingsContext),
            ]),
        );
    }
    problems.push(
        ...validateFrontendArgs({
            scheme: args.scheme,
            regions: checkedRegions,
            urlMap: "",
            https: args.https,
            httpPort: args.httpPort,
            address: args.address,
            ipv6: args.ipv6,
            allowGlobalAccess: args.allowGlobalAccess,
            networkTier: args.networkTier,
            labels: args.labels,
        }).filter((p) => p.rule !== "frontend-region"),
    );
    return problems;
}
