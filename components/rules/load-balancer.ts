import * as pulumi from "@pulumi/pulumi";
import type { ApplicationLoadBalancerArgs } from "../args/load-balancer";
import { defaultBackendKey, loadBalancerRegions, loadBalancerSubnets, routingContext } from "../args/load-balancer";
import { defaultProxyOnlyCidr, resolvedCidrs } from "../args/network";
import { gcpName, invalidNameReason } from "../naming";
import { cidrSize, formatIpv4, parseCidr, parseIpv4, usableRange } from "../cidr";
import { allSchemes, featureSupport, isScheme, regionalFrontend, schemeProfile, supports } from "../schemes";
import { MigrationStage } from "../migration";
import { Finding, known, nestProblems, Problem, redactProblem, Rule, runRules } from "../validation";
import { safeMaps, shapeProblems } from "../shape";
import { backendKindModules, backendKinds } from "../backends";
import type { BackendContext } from "../backends/kind";
import { allBackendKinds, backendKindField, backendKindsSet } from "../backends/kinds";
import { validateBackendSettings } from "../backends/shared/settings";
import { frontendRulesInLoadBalancer } from "./frontend";
import { clientCertificateHeaderRules } from "./mtls";
import { frontendSettings } from "../args/frontend";
import { networkRulesInLoadBalancer } from "./network";
import { iapRules } from "./iap";
import { parseComputeLink, regionFinding, unsupportedFinding } from "./common";
import { errorResponseRules } from "./error-responses";
import { validateRoutes } from "./routing";
import { constraintRules, neverServesRules } from "./constraints";
import { pscRules } from "./psc";
import { authorizationRules } from "./authorization";

const NAME_PREFIX_MAX = 40;

/** The fields that select a backend's kind, in the order messages list them. */
const KIND_FIELDS = allBackendKinds.map((kind) => backendKindField[kind]);

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
                const kinds = backendKindsSet(backend).map((kind) => backendKindField[kind]);
                if (kinds.length !== 1) {
                    findings.push({
                        field: `backends.${key}`,
                        message:
                            kinds.length === 0
                                ? "names no backend kind"
                                : `names ${kinds.length} backend kinds (${kinds.join(", ")})`,
                        fix: `set exactly one of ${KIND_FIELDS.slice(0, -1).join(", ")} or ${KIND_FIELDS[KIND_FIELDS.length - 1]}`,
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
        fix: "set defaultBackend to one of the keys in backends, or defaultStatus (e.g. 404) to answer unmatched requests from the load balancer",
        check: (args) => {
            const keys = Object.keys(args.backends ?? {});
            const key = defaultBackendKey(args);
            if (keys.length === 0) {
                return [];
            }
            if (key === undefined && args.defaultStatus !== undefined) {
                return [
                    {
                        field: "defaultStatus",
                        message:
                            "needs a backend service for the default route action to name, and every backend is a bucket (a backend bucket cannot be a weighted target)",
                        fix: "set defaultBackend to a bucket backend instead: Cloud Storage answers 404 for a path it has no object for",
                    },
                ];
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
        id: "lb-default-status",
        component: "ApplicationLoadBalancer",
        summary:
            "defaultStatus is an HTTP status from 200 to 599, not combined with defaultBackend, on a scheme whose default route action takes fault injection",
        prevents:
            "`Invalid value for field 'resource.defaultRouteAction.faultInjectionPolicy.abort.httpStatus'` at apply, an ambiguous default, and classic URL maps refusing a default fault injection ('URL maps for classic Application Load Balancers only support the urlRewrite action within defaultRouteAction')",
        fix: "use a status such as 404, and either defaultStatus or defaultBackend",
        check: (args) => {
            const status = args.defaultStatus;
            if (status === undefined) return [];
            if (args.defaultBackend !== undefined) {
                return [
                    {
                        field: "defaultStatus",
                        message:
                            "is set together with defaultBackend: an unmatched request either goes to a backend or gets a status",
                        fix: "remove defaultBackend to answer unmatched requests with the status, or defaultStatus to send them to the backend",
                    },
                ];
            }
            if (!Number.isInteger(status) || status < 200 || status > 599) {
                return [
                    {
                        field: "defaultStatus",
                        message: `${status} is not an HTTP status from 200 to 599 (the range of a fault injection abort)`,
                        fix: "use a status such as 404",
                    },
                ];
            }
            return supports(args.scheme, "defaultStatus")
                ? []
                : [
                      unsupportedFinding(
                          args.scheme,
                          "defaultStatus",
                          "defaultStatus",
                          featureSupport("defaultStatus").title,
                      ),
                  ];
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
            // The subnet is created in the network's project (network.ts): with a Shared VPC, the host project,
            // where creating subnets takes Compute Network Admin (https://cloud.google.com/vpc/docs/shared-vpc,
            // https://cloud.google.com/load-balancing/docs/l7-internal/l7-internal-shared-vpc).
            const link = known(args.network.existing.network);
            const hostProject = link === undefined ? undefined : parseComputeLink(link)?.project;
            const where =
                hostProject !== undefined
                    ? `in the network's project "${hostProject}"`
                    : "in the project that owns the network";
            const roles = `${hostProject !== undefined ? `project "${hostProject}"` : "that project"} (a Shared VPC's host project)`;
            return regions
                .filter((region) => args.network?.existing?.proxyOnlySubnetworks?.[region] === undefined)
                .map((region) => ({
                    field: `network.existing.proxyOnlySubnetworks.${region}`,
                    message: `no proxy-only subnet is given for ${region}, so one (${args.network?.existing?.proxyOnlyCidrs?.[region] ?? defaultProxyOnlyCidr(regions.indexOf(region))}, ${profile.proxyOnlySubnetPurpose}) will be created in the existing VPC, ${where}: the identity that runs pulumi up needs roles/compute.networkAdmin on ${roles}; that fails if the VPC already has an ACTIVE ${profile.proxyOnlySubnetPurpose} subnet in ${region}`,
                    fix: `if it has one, or the host project's network admins create it, pass its self link as network.existing.proxyOnlySubnetworks["${region}"]`,
                }));
        },
    },
    {
        id: "migration-stage",
        component: "ApplicationLoadBalancer",
        summary:
            "migrationStage prepare / test-by-percentage / test-all-traffic only on classic, migrated only on global external; never with the Standard tier",
        prevents:
            "GCP's refusal of migration states on a backend service that is not EXTERNAL, and a global external load balancer on the Standard tier, which it does not offer (migrate-to-global: Standard Network Tier is classic only)",
        fix: 'walk the stages on scheme "classic", then set scheme "global-external" with migrationStage "migrated"',
        check: (args) => {
            const stage = args.migrationStage;
            if (stage === undefined) return [];
            const stages = Object.values(MigrationStage) as string[];
            if (!stages.includes(stage)) {
                return [
                    {
                        field: "migrationStage",
                        message: `"${String(stage)}" is not a migration stage`,
                        fix: `use one of ${stages.map((s) => `"${s}"`).join(", ")}`,
                    },
                ];
            }
            if (stage === "migrated" ? args.scheme !== "global-external" : args.scheme !== "classic") {
                return [
                    {
                        field: "migrationStage",
                        message:
                            stage === "migrated"
                                ? `"migrated" marks a global external load balancer that was classic, but scheme is "${args.scheme}"`
                                : `the canary stage "${stage}" migrates a classic load balancer, but scheme is "${args.scheme}"`,
                        fix:
                            stage === "migrated"
                                ? 'set scheme "global-external" (after the test-all-traffic stage), or remove migrationStage'
                                : 'set scheme "classic" while walking the stages, or remove migrationStage',
                    },
                ];
            }
            if (args.networkTier === "STANDARD") {
                return [
                    {
                        field: "networkTier",
                        message:
                            "the global external Application Load Balancer has no Standard tier (Google's migration overview lists it as classic only)",
                        fix: 'move the frontend to networkTier "PREMIUM" (a new IP address) before migrating',
                    },
                ];
            }
            return [];
        },
    },
    {
        id: "migration-percentage",
        component: "ApplicationLoadBalancer",
        summary: "migrationTestingPercentage is set, 0–100, exactly with migrationStage test-by-percentage",
        prevents:
            "GCP's 400 on externalManagedMigrationTestingPercentage outside [0, 100] or without TEST_BY_PERCENTAGE (Compute API BackendService)",
        fix: 'set migrationStage "test-by-percentage" with migrationTestingPercentage between 0 and 100',
        check: (args) => {
            const percentage = args.migrationTestingPercentage;
            if (args.migrationStage === "test-by-percentage") {
                if (percentage === undefined) {
                    return [
                        {
                            field: "migrationTestingPercentage",
                            message: "test-by-percentage needs the share of requests to test",
                            fix: "set migrationTestingPercentage, e.g. 10",
                        },
                    ];
                }
                if (typeof percentage !== "number" || !(percentage >= 0 && percentage <= 100)) {
                    return [
                        {
                            field: "migrationTestingPercentage",
                            message: `${String(percentage)} is not a percentage between 0 and 100`,
                            fix: "set migrationTestingPercentage between 0 and 100, e.g. 10",
                        },
                    ];
                }
                return [];
            }
            return percentage === undefined
                ? []
                : [
                      {
                          field: "migrationTestingPercentage",
                          message: `it only applies to migrationStage "test-by-percentage", not ${args.migrationStage === undefined ? "without a stage" : `"${args.migrationStage}"`}`,
                          fix: "remove migrationTestingPercentage",
                      },
                  ];
        },
    },
    ...clientCertificateHeaderRules,
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
    const problems = [
        ...runRules(loadBalancerRules, args),
        ...runRules(iapRules, args),
        ...runRules(constraintRules, args),
        ...runRules(neverServesRules, args),
    ];
    // Routes, their limits and the route tests (route tests run only once the table itself is sound, and
    // only once the authorization rules, whose verdict they meet first, are).
    const routing = routingContext(args);
    const authorizationProblems = runRules(authorizationRules, args);
    const authorizationSound = authorizationProblems.every((p) => p.severity === "warning");
    problems.push(...validateRoutes(authorizationSound ? routing : { ...routing, tests: undefined }));
    const profile = schemeProfile(args.scheme);
    const regions = loadBalancerRegions(args);
    // The regions are the load balancer's own (rule lb-region); with the region missing, ranges are still
    // checked, under a stand-in region.
    const checkedRegions = regions.length > 0 ? regions : ["(region)"];
    if (profile.proxyOnlySubnetPurpose) {
        const networkProblems = runRules(networkRulesInLoadBalancer, {
            regions: checkedRegions,
            proxyOnlyPurpose: profile.proxyOnlySubnetPurpose,
            subnets: loadBalancerSubnets(args).subnets,
            create: args.network?.existing ? undefined : (args.network?.create ?? {}),
            existing: args.network?.existing,
        });
        problems.push(...nestProblems("network", networkProblems));
    }
    const lbProject = known(args.project) ?? new pulumi.Config("gcp").get("project");
    for (const [key, backend] of Object.entries(args.backends ?? {})) {
        const context: BackendContext = { key, backend, args, profile, regions, lbProject };
        for (const kind of backendKindsSet(backend)) {
            problems.push(...backendKinds[kind].validate(context));
        }
        problems.push(...validateBackendSettings(context));
    }
    for (const kind of backendKindModules()) {
        problems.push(...runRules(kind.routingRules, routing));
    }
    problems.push(
        ...runRules(errorResponseRules, {
            scheme: args.scheme,
            customErrorResponses: args.customErrorResponses,
            routes: args.routes ?? [],
            bucketBackends: Object.fromEntries(
                Object.entries(args.backends ?? {}).map(([key, backend]) => [
                    key,
                    backendKindsSet(backend).some((kind) => backendKinds[kind].servesErrorPages),
                ]),
            ),
        }),
    );
    problems.push(
        ...runRules(frontendRulesInLoadBalancer, {
            scheme: args.scheme,
            regions: checkedRegions,
            urlMap: "",
            ...frontendSettings(args),
        }),
    );
    problems.push(...runRules(pscRules, args));
    problems.push(...authorizationProblems);
    return problems;
}
