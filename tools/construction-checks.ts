/**
 * Checks over what a program would create, for the GCP errors this package prevents by construction
 * (no option exists that could cause them). Each check returns the violations it finds, as text.
 * The coverage map (components/rules/coverage.ts) names one of these for every "by-construction" row;
 * tests run every check over every scheme and every program in programs/.
 */
import { GCP_NAME_MAX, GCP_NAME_PATTERN } from "../components/naming";
import { replacementPolicies, ReplacementMode } from "../components/replacement";

/** The part of a recorded resource the checks read (the plan's JSON has the same shape). */
export interface PlannedResource {
    type: string;
    name: string;
    /** `<type>::<name>` of the parent; the package's resources have a `cloudrun-lb:` parent. */
    parent?: string;
    inputs: Record<string, unknown>;
    /** URNs this resource depends on (recorder only). */
    dependencies?: string[];
    urn?: string;
    options?: { deleteBeforeReplace?: boolean; retainOnDelete?: boolean };
    /** The import id of a live resource the program adopts (it keeps its live name). */
    import?: string;
}

export interface ConstructionCheck {
    /** What the package guarantees. */
    guarantee: string;
    check(resources: PlannedResource[]): string[];
}

const BACKEND_SERVICE_TYPES = [
    "gcp:compute/backendService:BackendService",
    "gcp:compute/regionBackendService:RegionBackendService",
];
const FORWARDING_RULE_TYPES = [
    "gcp:compute/forwardingRule:ForwardingRule",
    "gcp:compute/globalForwardingRule:GlobalForwardingRule",
];
const SERVERLESS_NEG = "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup";
const SUBNETWORK = "gcp:compute/subnetwork:Subnetwork";

/** The resources this package created (a program's own resources are the program's business). */
export function packageResources(resources: PlannedResource[]): PlannedResource[] {
    return resources.filter((r) => r.parent?.startsWith("cloudrun-lb:") ?? false);
}

function ofTypes(resources: PlannedResource[], types: string[]): PlannedResource[] {
    return packageResources(resources).filter((r) => types.includes(r.type));
}

/** Backend services with a serverless NEG of the same plan among their backends (matched by NEG name). */
function serverlessBackendServices(resources: PlannedResource[]): PlannedResource[] {
    const negNames = resources
        .filter((r) => r.type === SERVERLESS_NEG && (r.inputs.networkEndpointType ?? "SERVERLESS") === "SERVERLESS")
        .map((r) => r.inputs.name)
        .filter((n): n is string => typeof n === "string");
    return ofTypes(resources, BACKEND_SERVICE_TYPES).filter((r) =>
        backendsOf(r).some(
            (b) => typeof b.group === "string" && negNames.some((n) => (b.group as string).endsWith(`/${n}`)),
        ),
    );
}

function backendsOf(r: PlannedResource): Record<string, unknown>[] {
    return Array.isArray(r.inputs.backends) ? (r.inputs.backends as Record<string, unknown>[]) : [];
}

/** Keyed by the id the coverage map names. */
export const constructionChecks: Record<string, ConstructionCheck> = {
    "serverless-backend-fields": {
        guarantee:
            "no backend service with a serverless NEG has timeoutSec, healthChecks, portName, sessionAffinity, localityLbPolicy, or a backend with balancingMode, maxUtilization, maxRate or maxConnections",
        check: (resources) =>
            serverlessBackendServices(resources).flatMap((r) => {
                const violations: string[] = [];
                for (const field of ["timeoutSec", "healthChecks", "portName", "sessionAffinity", "localityLbPolicy"]) {
                    if (r.inputs[field] !== undefined) {
                        violations.push(`${r.type} ${r.name} sets ${field}`);
                    }
                }
                backendsOf(r).forEach((backend, i) => {
                    for (const field of [
                        "balancingMode",
                        "maxUtilization",
                        "maxRate",
                        "maxRatePerInstance",
                        "maxRatePerEndpoint",
                        "maxConnections",
                    ]) {
                        if (backend[field] !== undefined) {
                            violations.push(`${r.type} ${r.name} backends[${i}] sets ${field}`);
                        }
                    }
                });
                return violations;
            }),
    },
    "backend-service-scheme": {
        guarantee:
            "every backend service and forwarding rule sets loadBalancingScheme explicitly (never the provider defaults INTERNAL / EXTERNAL by omission), and all of one plan's agree",
        check: (resources) => {
            const violations: string[] = [];
            const all = ofTypes(resources, [...BACKEND_SERVICE_TYPES, ...FORWARDING_RULE_TYPES]);
            for (const r of all) {
                const scheme = r.inputs.loadBalancingScheme;
                if (!["INTERNAL_MANAGED", "EXTERNAL_MANAGED", "EXTERNAL"].includes(scheme as string)) {
                    violations.push(`${r.type} ${r.name} has loadBalancingScheme ${JSON.stringify(scheme)}`);
                }
            }
            return violations;
        },
    },
    "capacity-scaler": {
        guarantee:
            "capacityScaler is set (to 1) on every backend of a regional EXTERNAL_MANAGED backend service and on no other regional backend service",
        check: (resources) =>
            ofTypes(resources, ["gcp:compute/regionBackendService:RegionBackendService"]).flatMap((r) =>
                backendsOf(r).flatMap((backend, i) => {
                    const managedExternal = r.inputs.loadBalancingScheme === "EXTERNAL_MANAGED";
                    if (managedExternal && backend.capacityScaler !== 1) {
                        return [`${r.name} backends[${i}] lacks capacityScaler 1 (regional EXTERNAL_MANAGED)`];
                    }
                    if (!managedExternal && backend.capacityScaler !== undefined) {
                        return [`${r.name} backends[${i}] sets capacityScaler on ${r.inputs.loadBalancingScheme}`];
                    }
                    return [];
                }),
            ),
    },
    "proxy-only-subnet-active": {
        guarantee: "every proxy-only subnet the package creates is ACTIVE (it never creates a BACKUP one)",
        check: (resources) =>
            ofTypes(resources, [SUBNETWORK])
                .filter(
                    (r) => r.inputs.purpose === "REGIONAL_MANAGED_PROXY" || r.inputs.purpose === "GLOBAL_MANAGED_PROXY",
                )
                .filter((r) => r.inputs.role !== "ACTIVE")
                .map((r) => `${r.name} has role ${JSON.stringify(r.inputs.role)}`),
    },
    "forwarding-rule-after-proxy-only-subnet": {
        guarantee:
            "every forwarding rule of an Envoy-based scheme depends on the proxy-only subnets created with it, so it is created after them and deleted before them",
        check: (resources) => {
            const proxyOnly = ofTypes(resources, [SUBNETWORK]).filter(
                (r) => r.inputs.purpose === "REGIONAL_MANAGED_PROXY" || r.inputs.purpose === "GLOBAL_MANAGED_PROXY",
            );
            if (proxyOnly.length === 0) {
                return [];
            }
            return ofTypes(resources, FORWARDING_RULE_TYPES)
                .filter((rule) => rule.dependencies !== undefined)
                .flatMap((rule) =>
                    proxyOnly
                        .filter((subnet) => subnet.urn !== undefined && !rule.dependencies!.includes(subnet.urn))
                        .map((subnet) => `${rule.name} does not depend on the proxy-only subnet ${subnet.name}`),
                );
        },
    },
    "no-firewall-rules": {
        guarantee: "the package creates no firewall rule (serverless NEGs are reached outside the VPC)",
        check: (resources) => ofTypes(resources, ["gcp:compute/firewall:Firewall"]).map((r) => `firewall ${r.name}`),
    },
    "valid-names": {
        guarantee:
            "every named resource the package creates has an explicit name matching [a-z]([-a-z0-9]*[a-z0-9])?, ≤ 63 (endpoints, grants and policy rules have no name)",
        check: (resources) =>
            packageResources(resources)
                .filter((r) => r.type.startsWith("gcp:"))
                .filter((r) => replacementPolicies.find((p) => p.type === r.type)?.naming !== "none")
                .flatMap((r) => {
                    const name = r.inputs.name;
                    if (typeof name !== "string") {
                        return [`${r.type} ${r.name} has no explicit name`];
                    }
                    return name.length <= GCP_NAME_MAX && GCP_NAME_PATTERN.test(name)
                        ? []
                        : [`${r.type} ${r.name} has the invalid name ${JSON.stringify(name)}`];
                }),
    },
    "replacement-options": {
        guarantee:
            "every resource is created with the deleteBeforeReplace of its kind's replacement policy: false (create-before-delete) for hash-named and name-only-replaced kinds, true for forwarding rules, subnets and IAM grants",
        check: (resources) =>
            packageResources(resources)
                .filter((r) => r.options !== undefined && r.type.startsWith("gcp:"))
                .flatMap((r) => {
                    const policy = replacementPolicies.find((p) => p.type === r.type);
                    if (!policy) {
                        return [`${r.type} ${r.name} has no replacement policy in components/replacement.ts`];
                    }
                    const expected = policy.mode === ReplacementMode.DeleteBeforeReplace;
                    return r.options?.deleteBeforeReplace === expected
                        ? []
                        : [`${r.type} ${r.name} has deleteBeforeReplace ${r.options?.deleteBeforeReplace}`];
                }),
    },
    "hash-names": {
        guarantee:
            "resources GCP can only replace while referenced (NEGs, certificates, addresses, backend services) end in an 8-hex-digit hash of their replacement inputs — except adopted (imported) ones, which keep their live names",
        check: (resources) =>
            packageResources(resources)
                .filter((r) => r.import === undefined)
                .filter((r) => replacementPolicies.some((p) => p.type === r.type && p.naming === "hash"))
                .filter((r) => typeof r.inputs.name === "string" && !/-[0-9a-f]{8}$/.test(r.inputs.name as string))
                .map((r) => `${r.type} ${r.name} is named ${JSON.stringify(r.inputs.name)} without a hash`),
    },
    "certificate-scope": {
        guarantee:
            "a load balancer with regional proxies gets only regional certificates (RegionSslCertificate), never a global or Google-managed one",
        check: (resources) => {
            const regionalProxies = ofTypes(resources, [
                "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
                "gcp:compute/regionTargetHttpProxy:RegionTargetHttpProxy",
            ]);
            if (regionalProxies.length === 0) {
                return [];
            }
            return ofTypes(resources, [
                "gcp:compute/sSLCertificate:SSLCertificate",
                "gcp:compute/managedSslCertificate:ManagedSslCertificate",
            ]).map((r) => `${r.type} ${r.name} next to a regional proxy`);
        },
    },
    "certificate-manager-placement": {
        guarantee:
            "Certificate Manager certificates the package creates have the location and scope their proxy needs (regional in the proxy's region, global ALL_REGIONS for cross-region internal, global DEFAULT in a certificate map for global external and classic), each DNS authorization is in its certificate's location (PER_PROJECT_RECORD when regional), and proxies only reference Certificate Manager resources",
        check: (resources) => {
            const problems: string[] = [];
            const certificates = ofTypes(resources, ["gcp:certificatemanager/certificate:Certificate"]);
            const authorizations = ofTypes(resources, ["gcp:certificatemanager/dnsAuthorization:DnsAuthorization"]);
            const byName = (list: PlannedResource[], name: string) => list.find((r) => r.inputs.name === name);
            const location = (r: PlannedResource) => (r.inputs.location as string | undefined) ?? "global";
            const lastSegment = (ref: string) => ref.split("/").pop() ?? "";
            for (const certificate of certificates) {
                const managed = certificate.inputs.managed as { dnsAuthorizations?: string[] } | undefined;
                for (const ref of managed?.dnsAuthorizations ?? []) {
                    const authorization = byName(authorizations, lastSegment(ref));
                    if (!authorization || location(authorization) !== location(certificate)) {
                        problems.push(
                            `${certificate.name} uses a DNS authorization outside its location ${location(certificate)}`,
                        );
                    } else if (
                        location(certificate) !== "global" &&
                        authorization.inputs.type !== "PER_PROJECT_RECORD"
                    ) {
                        problems.push(
                            `${certificate.name} is regional but its DNS authorization is not PER_PROJECT_RECORD`,
                        );
                    }
                }
            }
            const proxies = ofTypes(resources, [
                "gcp:compute/targetHttpsProxy:TargetHttpsProxy",
                "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
            ]);
            for (const proxy of proxies) {
                const direct = proxy.inputs.certificateManagerCertificates;
                const map = proxy.inputs.certificateMap;
                if (
                    !(direct === undefined || (Array.isArray(direct) && direct.every((c) => typeof c === "string"))) ||
                    !(map === undefined || typeof map === "string")
                ) {
                    problems.push(`${proxy.name} holds Certificate Manager values that are not references`);
                    continue;
                }
                const regional = proxy.type.includes("regionTargetHttpsProxy");
                for (const ref of (direct as string[] | undefined) ?? []) {
                    const certificate = byName(certificates, lastSegment(ref));
                    if (!certificate) continue;
                    const expected = regional ? [proxy.inputs.region, "DEFAULT"] : ["global", "ALL_REGIONS"];
                    const actual = [location(certificate), certificate.inputs.scope ?? "DEFAULT"];
                    if (actual[0] !== expected[0] || actual[1] !== expected[1]) {
                        problems.push(
                            `${certificate.name} (${actual.join(", ")}) is referenced by ${proxy.name}, which needs ${expected.join(", ")}`,
                        );
                    }
                }
            }
            const mapped = ofTypes(resources, [
                "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry",
            ]).flatMap((entry) => ((entry.inputs.certificates as string[] | undefined) ?? []).map(lastSegment));
            for (const name of mapped) {
                const certificate = byName(certificates, name);
                if (
                    certificate &&
                    (location(certificate) !== "global" || (certificate.inputs.scope ?? "DEFAULT") !== "DEFAULT")
                ) {
                    problems.push(
                        `${certificate.name} is in a certificate map but is not a global DEFAULT-scope certificate`,
                    );
                }
            }
            return problems;
        },
    },
    "one-target-per-neg": {
        guarantee:
            "every serverless NEG names its Cloud Run service exactly once: explicitly or as <service> in its URL mask (one endpoint)",
        check: (resources) =>
            ofTypes(resources, [SERVERLESS_NEG])
                .filter((r) => (r.inputs.networkEndpointType ?? "SERVERLESS") === "SERVERLESS")
                .flatMap((r) => {
                    const cloudRun = r.inputs.cloudRun as { service?: unknown; urlMask?: unknown } | undefined;
                    const maskNamesService =
                        typeof cloudRun?.urlMask === "string" && cloudRun.urlMask.includes("<service>");
                    const targets = [cloudRun?.service !== undefined, maskNamesService].filter(Boolean).length;
                    const platforms = ["cloudRun", "appEngine", "cloudFunction", "serverlessDeployment"].filter(
                        (p) => r.inputs[p] !== undefined,
                    ).length;
                    return targets === 1 && platforms === 1
                        ? []
                        : [`${r.name} has ${targets} targets on ${platforms} platforms`];
                }),
    },
    "shared-internal-vip": {
        guarantee:
            "every internal VIP is reserved with purpose SHARED_LOADBALANCER_VIP, whether or not the HTTP→HTTPS redirect shares it, so toggling the redirect never replaces the address",
        check: (resources) =>
            ofTypes(resources, ["gcp:compute/address:Address"])
                .filter((r) => r.inputs.addressType === "INTERNAL")
                .flatMap((r) =>
                    r.inputs.purpose === "SHARED_LOADBALANCER_VIP"
                        ? []
                        : [`${r.name} is an internal address with purpose ${String(r.inputs.purpose)}`],
                ),
    },
    "one-ssl-policy": {
        guarantee: "a target HTTPS proxy has at most one SSL policy and regional proxies carry no global-only fields",
        check: (resources) =>
            ofTypes(resources, [
                "gcp:compute/targetHttpsProxy:TargetHttpsProxy",
                "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
            ]).flatMap((r) => {
                const violations: string[] = [];
                if (r.inputs.sslPolicy !== undefined && typeof r.inputs.sslPolicy !== "string") {
                    violations.push(`${r.name} has sslPolicy ${JSON.stringify(r.inputs.sslPolicy)}`);
                }
                if (r.type.includes("regionTargetHttpsProxy")) {
                    for (const field of ["certificateMap", "quicOverride", "tlsEarlyData"]) {
                        if (r.inputs[field] !== undefined) {
                            violations.push(`${r.name} (regional) sets ${field}`);
                        }
                    }
                }
                return violations;
            }),
    },
    "internal-premium-tier": {
        guarantee: "internal forwarding rules are Premium tier (or leave the tier to the PREMIUM default)",
        check: (resources) =>
            ofTypes(resources, FORWARDING_RULE_TYPES)
                .filter((r) => r.inputs.loadBalancingScheme === "INTERNAL_MANAGED")
                .filter((r) => r.inputs.networkTier !== undefined && r.inputs.networkTier !== "PREMIUM")
                .map((r) => `${r.name} has networkTier ${JSON.stringify(r.inputs.networkTier)}`),
    },
    "no-cloud-run-services": {
        guarantee: "the package creates no Cloud Run service (programs do, with deletionProtection: false)",
        check: (resources) =>
            resources
                .filter((r) => r.type === "gcp:cloudrunv2/service:Service")
                .filter((r) => packageResources([r]).length > 0 || r.inputs.deletionProtection !== false)
                .map((r) => `${r.name}: created by the package, or without deletionProtection: false`),
    },
};
