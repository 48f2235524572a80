import * as pulumi from "@pulumi/pulumi";
import type { ApplicationLoadBalancerArgs } from "../args/load-balancer";
import { defaultBackendKey, loadBalancerRegions, loadBalancerSubnets, routingContext } from "../args/load-balancer";
import { defaultProxyOnlyCidr, resolvedCidrs } from "../args/network";
import { serverlessRegions } from "../args/serverless";
import { gcpName, invalidNameReason } from "../naming";
import { cidrSize, formatIpv4, parseCidr, parseIpv4, usableRange } from "../cidr";
import { allSchemes, isScheme, regionalFrontend, schemeProfile } from "../schemes";
import { Finding, known, nestProblems, Problem, redactProblem, Rule, runRules } from "../validation";
import { safeMaps, shapeProblems } from "../shape";
import {
    backendServiceRules,
    serverlessRules,
    validateHybridBackendArgs,
    validateInternetBackendArgs,
} from "./backends";
import { validateFrontendArgs } from "./frontend";
import { frontendSettings } from "../args/frontend";
import { validateNetworkArgs } from "./network";
import { backendSettingsRules } from "./backend-settings";
import { iapRules } from "./iap";
import { linkMismatch, parseComputeLink, regionFinding } from "./common";
import { bucketRoutingRules, bucketRules } from "./buckets";
import { errorResponseRules } from "./error-responses";
import { validateRoutes } from "./routing";

const NAME_PREFIX_MAX = 40;

/** The IP requested for each region's VIP (internal schemes), as the frontend will read it. */
function requestedIps(args: ApplicationLoadBalancerArgs, regions: string[]): [string, string, string][] {
    const address = args.address;
    if (!address) {
        return [];
    }
    return regions.flatMap((region): [string, string, string][] => {
        if (address.ips?.[region] !== undefined) {
            return [[`address.ips.${region}`, region, address.ips[region]]];
        }
        return regions.length === 1 && address.ip !== undefined ? [["address.ip", region, address.ip]] : [];
    });
}

/**
 * The finding for a backend bucket given where a backend service belongs, or undefined. Also used when
 * an output resolves (the component checks the value then), so it is a plain function of the text.
 */
export function backendBucketGivenAsService(text: string): Finding | undefined {
    return parseComputeLink(text)?.collection === "backendBuckets"
        ? {
              field: "backendService",
              message: `"${text}" is a backend bucket, not a backend service`,
              fix: "give an existing backend bucket as bucket: { existing: <its id or self link> }",
          }
        : undefined;
}

export const loadBalancerRules: Rule<ApplicationLoadBalancerArgs>[] = [
    {
        id: "lb-region",
        component: "ApplicationLoadBalancer",
        summary: "Regional schemes have a region; cross-region internal has at least one",
        prevents: "regional resources with no region",
        fix: 'set region, e.g. region: "europe-west1" (cross-region internal: regions: ["europe-west1", "us-central1"])',
        check: (args) => {
            const profile = schemeProfile(args.scheme);
            if (regionalFrontend(args.scheme, args.networkTier)) {
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
                    backend.bucket !== undefined ? "bucket" : undefined,
                    backend.backendService !== undefined ? "backendService" : undefined,
                ].filter((k): k is string => k !== undefined);
                if (kinds.length !== 1) {
                    findings.push({
                        field: `backends.${key}`,
                        message:
                            kinds.length === 0
                                ? "names no backend kind"
                                : `names ${kinds.length} backend kinds (${kinds.join(", ")})`,
                        fix: "set exactly one of cloudRun, hybrid, internet, bucket or backendService",
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
        summary:
            "A regional load balancer's Cloud Run backends are in its region (classic in Standard Tier: in its forwarding rule's region)",
        prevents:
            "a regional backend service and NEG in another region than the URL map (regional load balancers reach only services in their own region); classic in Standard Tier 'can distribute traffic to backends in a single region only' (kept to the forwarding rule's region, UNCONFIRMED)",
        fix: "deploy the service in the load balancer's region, or use a global scheme",
        check: (args) => {
            const profile = schemeProfile(args.scheme);
            if (!regionalFrontend(args.scheme, args.networkTier) || args.region === undefined) {
                return [];
            }
            const standardClassic = profile.scope === "global";
            return Object.entries(args.backends ?? {}).flatMap(([key, backend]) => {
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
                .filter(([, backend]) => new Set(backend.cloudRun?.regions ?? []).size > 1)
                .map(([key, backend]) => ({
                    field: "networkTier",
                    message: `is "STANDARD", but backends.${key} runs in ${new Set(backend.cloudRun!.regions).size} regions; routing to the closest region needs the Premium tier`,
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
    {
        id: "backend-service-links",
        component: "ApplicationLoadBalancer",
        summary:
            "An existing backend service has the URL map's scope: a regional one in the load balancer's region for regional schemes, a global one otherwise",
        prevents:
            "`Invalid value for field 'resource.defaultService'` / `… was not found` when a URL map references a backend service of the other scope or region",
        fix: "reference projects/<project>/regions/<region>/backendServices/<name> for regional schemes, projects/<project>/global/backendServices/<name> for global ones",
        check: (args) => {
            if (!isScheme(args.scheme)) {
                return [];
            }
            const profile = schemeProfile(args.scheme);
            const region = profile.scope === "regional" ? args.region : undefined;
            if (profile.scope === "regional" && region === undefined) {
                return [];
            }
            return Object.entries(args.backends ?? {}).flatMap(([key, backend]) => {
                const text = known(backend.backendService);
                const bucketMistake = text === undefined ? undefined : backendBucketGivenAsService(text);
                if (bucketMistake) {
                    return [{ ...bucketMistake, field: `backends.${key}.backendService` }];
                }
                const problem =
                    text === undefined ? undefined : linkMismatch(text, "backendServices", "a backend service", region);
                return problem
                    ? [{ field: `backends.${key}.backendService`, message: `${problem} by the ${profile.title}` }]
                    : [];
            });
        },
    },
    {
        id: "address-in-subnet",
        component: "ApplicationLoadBalancer",
        summary: "A requested internal VIP is a usable address of the subnet created for its region",
        prevents:
            "`Requested internal IP address is outside the subnetwork's range` / `IP address is reserved` at apply",
        fix: "pick an address inside the region's subnet, or omit address.ip to let GCP choose",
        check: (args) => {
            if (!isScheme(args.scheme)) {
                return [];
            }
            const profile = schemeProfile(args.scheme);
            const findings: Finding[] = [];
            // External VIPs: the frontend's own rules decide whether an IP may be requested at all.
            if (!profile.internal || args.network?.existing) {
                return findings;
            }
            const regions = loadBalancerRegions(args);
            const networkArgs = { regions, create: args.network?.create ?? {} };
            for (const [field, region, text] of requestedIps(args, regions)) {
                const ip = parseIpv4(text);
                const subnet = parseCidr(resolvedCidrs(networkArgs, region).subnetCidr);
                if (ip === undefined || subnet === undefined) {
                    continue;
                }
                const usable = usableRange(subnet);
                const range = `${formatIpv4(usable.first)}–${formatIpv4(usable.last)}`;
                if (ip < subnet.start || ip >= subnet.start + cidrSize(subnet)) {
                    findings.push({
                        field,
                        message: `"${text}" is outside ${subnet.text}, the subnet of ${region} the VIP is reserved in`,
                        fix: `pick an address in ${range}, or omit it to let GCP choose`,
                    });
                } else if (ip < usable.first || ip > usable.last) {
                    findings.push({
                        field,
                        message: `"${text}" is reserved by GCP in ${subnet.text} (the network, gateway, second-to-last and broadcast addresses)`,
                        fix: `pick an address in ${range}`,
                    });
                }
            }
            return findings;
        },
    },
    {
        id: "existing-vpc-proxy-only-subnet",
        component: "ApplicationLoadBalancer",
        severity: "warning",
        summary:
            "Warns when a proxy-only subnet will be created in an existing VPC (GCP allows one ACTIVE per purpose, region and VPC)",
        prevents:
            "a failed subnet creation when the existing VPC already has an ACTIVE proxy-only subnet of that purpose in the region (one per purpose, region and VPC)",
        fix: "if the VPC already has one, adopt it with network.existing.proxyOnlySubnetworks",
        check: (args) => {
            if (!isScheme(args.scheme) || !args.network?.existing) {
                return [];
            }
            const profile = schemeProfile(args.scheme);
            if (!profile.proxyOnlySubnetPurpose) {
                return [];
            }
            const regions = loadBalancerRegions(args);
            return regions
                .filter((region) => args.network?.existing?.proxyOnlySubnetworks?.[region] === undefined)
                .map((region) => ({
                    field: `network.existing.proxyOnlySubnetworks.${region}`,
                    message: `no proxy-only subnet is given for ${region}, so one (${args.network?.existing?.proxyOnlyCidrs?.[region] ?? defaultProxyOnlyCidr(regions.indexOf(region))}, ${profile.proxyOnlySubnetPurpose}) will be created in the existing VPC; that fails if the VPC already has an ACTIVE ${profile.proxyOnlySubnetPurpose} subnet in ${region}`,
                    fix: `if it has one, pass its self link as network.existing.proxyOnlySubnetworks["${region}"]`,
                }));
        },
    },
];

/**
 * Every problem with a load balancer's arguments, its parts' included, with fields as the user wrote
 * them. Nothing is created and nothing thrown.
 */
export function validateLoadBalancerArgs(given: ApplicationLoadBalancerArgs): Problem[] {
    // Shape first: the rules below read only well-shaped args, with safe maps (see components/shape.ts).
    const shape = shapeProblems("ApplicationLoadBalancerArgs", given);
    if (shape.length > 0) {
        return shape.map(redactProblem);
    }
    const args = safeMaps("ApplicationLoadBalancerArgs", given);
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
    const problems = [...runRules(loadBalancerRules, args), ...runRules(iapRules, args)];
    // Routes, their limits and the route tests (route tests run only once the table itself is sound).
    const routing = routingContext(args);
    problems.push(...validateRoutes(routing));
    const profile = schemeProfile(args.scheme);
    const regions = loadBalancerRegions(args);
    // With the region missing (already reported), ranges are still checked, under a stand-in region.
    const checkedRegions = regions.length > 0 ? regions : ["(region)"];
    if (profile.proxyOnlySubnetPurpose) {
        const networkProblems = validateNetworkArgs({
            regions: checkedRegions,
            proxyOnlyPurpose: profile.proxyOnlySubnetPurpose,
            subnets: loadBalancerSubnets(args).subnets,
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
            // The backend service rules run below, once for every backend kind.
            const found = runRules(serverlessRules, backendArgs);
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
                ...runRules(bucketRules, settingsContext),
            ]),
        );
    }
    problems.push(...runRules(bucketRoutingRules, routing));
    problems.push(
        ...runRules(errorResponseRules, {
            scheme: args.scheme,
            customErrorResponses: args.customErrorResponses,
            routes: args.routes ?? [],
            bucketBackends: Object.fromEntries(
                Object.entries(args.backends ?? {}).map(([key, backend]) => [key, backend.bucket !== undefined]),
            ),
        }),
    );
    problems.push(
        ...validateFrontendArgs({
            scheme: args.scheme,
            regions: checkedRegions,
            urlMap: "",
            ...frontendSettings(args),
        }).filter((p) => p.rule !== "frontend-region"),
    );
    return problems;
}
