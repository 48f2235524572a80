/**
 * A catalogue of inputs written from GCP's documentation and API definitions, not from this package's rules:
 * each case is a whole program's Args, what GCP does with it (accepts it, or refuses it, and which of our fields
 * that is), and where GCP says so. Every case is planned under mocks: an accepted one builds without a problem,
 * a refused one throws one ConfigurationError whose problem names the field, says why and how to fix it (the
 * fix never repeats the bad value).
 */
import * as assert from "assert";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { ConfigurationError, formatProblems, Problem } from "../../components/validation";
import { installMocks, Recorder, settle } from "../../components/testing/mocks";
import { isIpv6 } from "../../components/rules/common";
import { CERT, KEY } from "../support/fixtures";

type Args = ApplicationLoadBalancerArgs;

/** The outcome GCP gives: accepted, or refused with a problem on one of our fields. */
type Expected =
    | "accept"
    | {
          field: string;
          rule?: string;
          message?: string;
          fix?: string;
          /** The value that is wrong, which the fix must not repeat. */
          bad?: string;
      };

interface Case {
    id: string;
    title: string;
    args: Args;
    expect: Expected;
    /** Where GCP says so. */
    source: string;
    /** A warning the accepted configuration is expected to log (exact), when GCP accepts it with a caveat. */
    warning?: Problem;
    /** Why the case is a documented known gap (the test is skipped). */
    gap?: string;
}

const EU = "europe-west1";
const US = "us-central1";
const HTTPS = { certificate: { certificate: CERT, privateKey: KEY } };

// Sources, by subject.
const SRC = {
    labels: "https://cloud.google.com/compute/docs/labeling-resources#requirements",
    names: "https://cloud.google.com/compute/docs/naming-resources#resource-name-format",
    subnets: "https://cloud.google.com/vpc/docs/subnets#valid-ranges",
    subnetSize: "https://cloud.google.com/vpc/docs/subnets#ipv4-ranges (a primary IPv4 range is /29 or larger)",
    reserved: "https://cloud.google.com/vpc/docs/subnets#unusable-ip-addresses-in-every-subnet",
    proxyOnly: "https://cloud.google.com/load-balancing/docs/proxy-only-subnets#proxy_only_subnet_size",
    ports: "https://cloud.google.com/load-balancing/docs/forwarding-rule-concepts#port_specifications",
    principals: "https://cloud.google.com/iam/docs/principal-identifiers",
    buckets: "https://cloud.google.com/storage/docs/buckets#naming",
    dnsZone: "Cloud DNS API ManagedZone.name (1-63, begins with a letter, ends with a letter or digit)",
    dnsNames: "https://cloud.google.com/dns/docs/records-overview (RFC 1035 names: labels of 1-63 octets)",
    cmDomains: "https://cloud.google.com/certificate-manager/docs/domain-authorization",
    managedCerts: "https://cloud.google.com/load-balancing/docs/ssl-certificates/google-managed-certs",
    sslPolicies: "https://cloud.google.com/load-balancing/docs/ssl-policies-concepts",
    sslPolicyApi:
        'https://cloud.google.com/compute/docs/reference/rest/v1/sslPolicies (minTlsVersion: "When set to TLS_1_3, the profile field must be set to RESTRICTED"; profile: "If using FIPS_202205, the min_tls_version field must be set to TLS_1_2"); magic-modules mmv1/products/compute/SslPolicy.yaml',
    cdnApi: "Compute API BackendServiceCdnPolicy (defaultTtl, maxTtl, clientTtl, negativeCachingPolicy: codes 300, 301, 302, 307, 308, 404, 405, 410, 421, 451, 501)",
    negativeCaching:
        "https://cloud.google.com/cdn/docs/using-negative-caching (HTTP 302 and 307: temporary redirects, not cached by default)",
    cdnModes: "https://cloud.google.com/cdn/docs/using-cache-modes",
    cdnTtls: "https://cloud.google.com/cdn/docs/using-ttl-overrides",
    signedKeys:
        "magic-modules mmv1/products/compute/BackendServiceSignedUrlKey.yaml (keyName regex, 128-bit base64url)",
    cdnSchemes: "https://cloud.google.com/cdn/docs/overview (global external and classic Application Load Balancers)",
    logging: "Compute API BackendServiceLogConfig.sampleRate (must be in [0, 1])",
    redirect:
        "Compute API HttpRedirectAction (hostRedirect 1-255, pathRedirect/prefixRedirect 1-1024, httpsRedirect only on TargetHttpProxy)",
    rewrite:
        "Compute API UrlRewrite (hostRewrite 1-255, pathPrefixRewrite 1-1024, pathTemplateRewrite needs pathTemplateMatch)",
    headersGlobal: "https://cloud.google.com/load-balancing/docs/https/custom-headers-global",
    headersUrlMap: "https://cloud.google.com/load-balancing/docs/l7-internal/custom-headers",
    re2: "https://github.com/google/re2/wiki/Syntax; https://cloud.google.com/load-balancing/docs/url-map-concepts",
    paths: "Compute API PathRule.paths (must start with /, * only at the end after a /, no ? or #)",
    hosts: "Compute API HostRule.hosts (* first, then - or .)",
    pathTemplate: "Compute API HttpRouteRuleMatch.pathTemplateMatch (leading /, at most 5 operators)",
    weights:
        "Compute API WeightedBackendService.weight (0-1000); HttpRouteAction.weightedBackendServices (one non-zero)",
    retry: "Compute API HttpRetryPolicy (numRetries > 0, non-zero perTryTimeout, retryConditions list)",
    classic:
        "https://cloud.google.com/load-balancing/docs/features#routing-traffic-management (classic: urlRewrite only)",
    timeout: "Compute API HttpRouteAction.timeout (Duration)",
    fault: "Compute API HttpFaultAbort/HttpFaultDelay (httpStatus 200-599, percentage 0.0-100.0)",
    cors: "Compute API CorsPolicy",
    armorLanguage: "https://cloud.google.com/armor/docs/rules-language-reference",
    armorPriority: "Compute API SecurityPolicyRule.priority (0-2147483647; 2147483647 is the default rule's)",
    armorRate: "https://cloud.google.com/armor/docs/rate-limiting-overview",
    armorWaf: "https://cloud.google.com/armor/docs/waf-rules",
    armorAdaptive:
        "https://cloud.google.com/armor/docs/adaptive-protection-overview (global backend security policies)",
    armorSchemes: "https://cloud.google.com/armor/docs/security-policy-overview#policy-types",
    armorIpv6: "https://cloud.google.com/armor/docs/security-policy-overview (IPv4 and IPv6 source ranges)",
    tiers: "https://cloud.google.com/network-tiers/docs/overview#resources",
    ipv6Regional: "https://cloud.google.com/load-balancing/docs/ipv6",
    internetNeg: "https://cloud.google.com/load-balancing/docs/negs/internet-neg-concepts",
    hybridNeg: "https://cloud.google.com/load-balancing/docs/negs/hybrid-neg-concepts",
    healthChecks: "Compute API HealthCheck.timeoutSec (must not be greater than checkIntervalSec)",
    cloudRunNeg: "Compute API NetworkEndpointGroupCloudRun (service and tag: 1-63 characters, RFC 1035)",
    regions: "https://cloud.google.com/compute/docs/regions-zones",
    shape: "the package's Args types (components/args, components/routing/types.ts)",
};

function internal(over: Partial<Args> = {}): Args {
    return { scheme: "regional-internal", region: EU, backends: { web: { cloudRun: { service: "web" } } }, ...over };
}
function regionalExternal(over: Partial<Args> = {}): Args {
    return { scheme: "regional-external", region: EU, backends: { web: { cloudRun: { service: "web" } } }, ...over };
}
function global(over: Partial<Args> = {}): Args {
    return { scheme: "global-external", backends: { web: { cloudRun: { service: "web", region: EU } } }, ...over };
}
function classic(over: Partial<Args> = {}): Args {
    return { ...global(over), scheme: "classic" };
}
/** A global external load balancer with two Cloud Run backends and the given routes. */
function routed(routes: unknown[], over: Partial<Args> = {}): Args {
    return global({
        backends: {
            web: { cloudRun: { service: "web", region: EU } },
            api: { cloudRun: { service: "api", region: EU } },
        },
        defaultBackend: "web",
        routes: routes as Args["routes"],
        ...over,
    });
}
/** The same routes on a regional internal load balancer (regex, Host headers). */
function routedInternal(routes: unknown[], over: Partial<Args> = {}): Args {
    return internal({
        backends: { web: { cloudRun: { service: "web" } }, api: { cloudRun: { service: "api" } } },
        defaultBackend: "web",
        routes: routes as Args["routes"],
        ...over,
    });
}
function routedClassic(routes: unknown[]): Args {
    return { ...routed(routes), scheme: "classic" };
}
/** A global external load balancer whose `web` backend has these extra settings. */
function webBackend(settings: Record<string, unknown>, over: Partial<Args> = {}): Args {
    return global({
        backends: { web: { cloudRun: { service: "web", region: EU }, ...settings } } as Args["backends"],
        ...over,
    });
}
/** A global external HTTPS load balancer whose `web` backend has IAP with these members. */
function iap(members: string[]): Args {
    return webBackend({ iap: { enabled: true, members } }, { https: HTTPS });
}
function armor(create: Record<string, unknown>): Args {
    return webBackend({ securityPolicy: { create } });
}
function cdn(settings: Record<string, unknown>): Args {
    return webBackend({ cdn: { enabled: true, ...settings } });
}
/** A global external load balancer with a bucket backend `site`. */
function bucket(target: Record<string, unknown>): Args {
    return global({
        backends: { web: { cloudRun: { service: "web", region: EU } }, site: { bucket: target } } as Args["backends"],
        defaultBackend: "web",
    });
}
function internet(target: Record<string, unknown>, base: (over: Partial<Args>) => Args = global): Args {
    return base({
        backends: {
            web: base === global ? { cloudRun: { service: "web", region: EU } } : { cloudRun: { service: "web" } },
            partner: { internet: target },
        } as Args["backends"],
        defaultBackend: "web",
    });
}
function hybrid(target: Record<string, unknown>, base: (over: Partial<Args>) => Args = internal): Args {
    return base({
        backends: {
            web: { cloudRun: { service: "web" } },
            legacy: { hybrid: { zone: "europe-west1-b", defaultPort: 443, ...target } },
        } as unknown as Args["backends"],
        defaultBackend: "web",
    });
}
function cloudRun(target: Record<string, unknown>): Args {
    return internal({ backends: { web: { cloudRun: { service: "web", ...target } } } as Args["backends"] });
}
function wrong(args: Record<string, unknown>): Args {
    return args as unknown as Args;
}
function refuse(field: string, bad?: string): Expected {
    return bad === undefined ? { field } : { field, bad };
}
/** A refusal asserted exactly: the rule, the field, the reason and the fix (for the cases this catalogue fixed). */
function exact(rule: string, field: string, message: string, fix: string, bad?: string): Expected {
    return { rule, field, message, fix, ...(bad === undefined ? {} : { bad }) };
}
const long = (n: number, c = "a") => c.repeat(n);

const cases: Case[] = [
    // ---------------------------------------------------------------- names and labels
    {
        id: "name-1",
        title: "a name prefix that is a GCP name",
        args: internal({ namePrefix: "orders-prod" }),
        expect: "accept",
        source: SRC.names,
    },
    {
        id: "name-2",
        title: "a name prefix starting with a digit",
        args: internal({ namePrefix: "1orders" }),
        expect: refuse("namePrefix", "1orders"),
        source: SRC.names,
    },
    {
        id: "name-3",
        title: "a name prefix ending with a hyphen",
        args: internal({ namePrefix: "orders-" }),
        expect: refuse("namePrefix", "orders-"),
        source: SRC.names,
    },
    {
        id: "label-1",
        title: "labels with an empty value and underscores",
        args: internal({ labels: { team: "platform", cost_center: "", env: "prod-1" } }),
        expect: "accept",
        source: SRC.labels,
    },
    {
        id: "label-2",
        title: "labels with international lowercase characters",
        args: internal({ labels: { équipe: "données" } }),
        expect: "accept",
        source: SRC.labels,
    },
    {
        id: "label-3",
        title: "a label key with an uppercase letter",
        args: internal({ labels: { Team: "platform" } }),
        expect: refuse("labels.Team"),
        source: SRC.labels,
    },
    {
        id: "label-4",
        title: "a label key starting with a digit",
        args: internal({ labels: { "1team": "platform" } }),
        expect: refuse("labels.1team"),
        source: SRC.labels,
    },
    {
        id: "label-5",
        title: "a label value with an uppercase letter",
        args: internal({ labels: { team: "Platform" } }),
        expect: refuse("labels.team", "Platform"),
        source: SRC.labels,
    },
    {
        id: "label-6",
        title: "a label value of 64 characters",
        args: internal({ labels: { team: long(64) } }),
        expect: refuse("labels.team"),
        source: SRC.labels,
    },
    {
        id: "label-7",
        title: "a label key of 64 characters",
        args: internal({ labels: { [long(64, "k")]: "x" } }),
        expect: refuse(`labels.${long(64, "k")}`),
        source: SRC.labels,
    },
    {
        id: "label-8",
        title: "a label value with a dot",
        args: internal({ labels: { team: "platform.v2" } }),
        expect: refuse("labels.team", "platform.v2"),
        source: SRC.labels,
    },
    {
        id: "label-9",
        title: "65 labels",
        args: internal({ labels: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, "v"])) }),
        expect: exact(
            "frontend-labels",
            "labels",
            "65 labels; GCP allows at most 64",
            "remove 1 of them (at most 64 labels per resource)",
        ),
        source: SRC.labels,
    },

    // ---------------------------------------------------------------- CIDRs
    {
        id: "cidr-1",
        title: "a /26 proxy-only subnet (the smallest)",
        args: internal({ network: { create: { proxyOnlyCidr: "10.129.0.0/26" } } }),
        expect: "accept",
        source: SRC.proxyOnly,
    },
    {
        id: "cidr-2",
        title: "a /27 proxy-only subnet",
        args: internal({ network: { create: { proxyOnlyCidr: "10.129.0.0/27" } } }),
        expect: refuse("network.create.proxyOnlyCidr"),
        source: SRC.proxyOnly,
    },
    {
        id: "cidr-3",
        title: "a proxy-only subnet outside RFC 1918 (shared address space)",
        args: internal({ network: { create: { proxyOnlyCidr: "100.64.0.0/23" } } }),
        expect: "accept",
        source: SRC.proxyOnly,
    },
    {
        id: "cidr-4",
        title: "a subnet in 240.0.0.0/4 (class E, valid)",
        args: internal({ network: { create: { subnetCidr: "240.0.0.0/24" } } }),
        expect: "accept",
        source: SRC.subnets,
    },
    {
        id: "cidr-5",
        title: "a subnet in 127.0.0.0/8",
        args: internal({ network: { create: { subnetCidr: "127.0.0.0/24" } } }),
        expect: refuse("network.create.subnetCidr"),
        source: SRC.subnets,
    },
    {
        id: "cidr-6",
        title: "a subnet in 169.254.0.0/16",
        args: internal({ network: { create: { subnetCidr: "169.254.0.0/24" } } }),
        expect: refuse("network.create.subnetCidr"),
        source: SRC.subnets,
    },
    {
        id: "cidr-7",
        title: "a subnet in 224.0.0.0/4",
        args: internal({ network: { create: { subnetCidr: "224.0.0.0/24" } } }),
        expect: refuse("network.create.subnetCidr"),
        source: SRC.subnets,
    },
    {
        id: "cidr-8",
        title: "a subnet in 0.0.0.0/8",
        args: internal({ network: { create: { subnetCidr: "0.0.0.0/24" } } }),
        expect: refuse("network.create.subnetCidr"),
        source: SRC.subnets,
    },
    {
        id: "cidr-9",
        title: "a /30 subnet (smaller than /29)",
        args: internal({ network: { create: { subnetCidr: "10.1.2.0/30" } } }),
        expect: exact(
            "subnet-size",
            "network.create.subnetCidr",
            '"10.1.2.0/30" is a /30: a subnet\'s primary range has at least 8 addresses (/29)',
            'use a /29 or larger range (4 of its addresses are reserved), e.g. "10.1.2.0/24"',
        ),
        source: SRC.subnetSize,
    },
    {
        id: "cidr-10",
        title: "a /29 subnet (the smallest)",
        args: internal({ network: { create: { subnetCidr: "10.1.2.0/29" } } }),
        expect: "accept",
        source: SRC.subnetSize,
    },
    {
        id: "cidr-11",
        title: "a privately used public range",
        args: internal({ network: { create: { subnetCidr: "11.0.0.0/24" } } }),
        expect: "accept",
        source: SRC.subnets,
    },
    {
        id: "cidr-12",
        title: "a /33 prefix",
        args: internal({ network: { create: { subnetCidr: "10.1.2.0/33" } } }),
        expect: refuse("network.create.subnetCidr"),
        source: SRC.subnets,
    },
    {
        id: "cidr-13",
        title: "an IPv6 range as the subnet's range",
        args: internal({ network: { create: { subnetCidr: "fd00::/64" } } }),
        expect: exact(
            "network-cidr-syntax",
            "network.create.subnetCidr",
            '"fd00::/64" is an IPv6 range; a subnet\'s range here is an IPv4 CIDR',
            'write an IPv4 range as a.b.c.d/n, e.g. "10.1.2.0/24"',
        ),
        source: "Compute API Subnetwork.ipCidrRange (only IPv4 is supported)",
    },
    {
        id: "cidr-14",
        title: "two regions' subnets overlapping in one VPC",
        args: {
            scheme: "cross-region-internal",
            regions: [EU, US],
            backends: { web: { cloudRun: { service: "web", regions: [EU, US] } } },
            network: {
                create: { regions: { [EU]: { subnetCidr: "10.1.0.0/16" }, [US]: { subnetCidr: "10.1.2.0/24" } } },
            },
            https: { certificateManagerCertificates: ["projects/p/locations/global/certificates/c"] },
        },
        expect: refuse(`network.create.regions.${US}.subnetCidr`),
        source: "Compute API Subnetwork.ipCidrRange (ranges must be unique and non-overlapping within a network)",
    },
    {
        id: "cidr-15",
        title: "a /28 proxy-only range for an existing VPC",
        args: internal({
            network: {
                existing: {
                    network: "projects/host/global/networks/shared",
                    subnetworks: { [EU]: "projects/host/regions/europe-west1/subnetworks/apps" },
                    proxyOnlyCidrs: { [EU]: "10.129.0.0/28" },
                },
            },
        }),
        expect: refuse(`network.existing.proxyOnlyCidrs.${EU}`),
        source: SRC.proxyOnly,
    },
    {
        id: "cidr-16",
        title: "Cloud Armor IPv6 source ranges",
        args: armor({ allowIpRanges: ["2001:db8::/32", "203.0.113.0/24"] }),
        expect: "accept",
        source: SRC.armorIpv6,
    },
    {
        id: "cidr-17",
        title: "a Cloud Armor range with an octet over 255",
        args: armor({ denyIpRanges: ["300.1.1.1/32"] }),
        expect: exact(
            "backend-security-policy",
            "backends.web.securityPolicy.create.denyIpRanges[0]",
            '"300.1.1.1/32" is not an IP address or CIDR range',
            'use ranges such as "203.0.113.0/24"',
            "300.1.1.1/32",
        ),
        source: SRC.armorIpv6,
    },

    // ---------------------------------------------------------------- ports
    {
        id: "port-1",
        title: "HTTPS on 8443 on global external",
        args: global({ https: { ...HTTPS, redirectHttp: false, port: 8443 } }),
        expect: "accept",
        source: SRC.ports,
    },
    {
        id: "port-2",
        title: "HTTPS on 8443 on classic (every port since 2023)",
        args: classic({ https: { ...HTTPS, redirectHttp: false, port: 8443 } }),
        expect: "accept",
        source: `${SRC.ports}; hashicorp/terraform-provider-google#16241 ("all frontend ports of Application Load Balancers, now globally available"); GoogleCloudPlatform/cloud-foundation-fabric#2973`,
    },
    {
        id: "port-3",
        title: "HTTP on 8080 on classic",
        args: classic({ httpPort: 8080 }),
        expect: "accept",
        source: SRC.ports,
    },
    {
        id: "port-4",
        title: "HTTP port 0",
        args: internal({ httpPort: 0 }),
        expect: refuse("httpPort"),
        source: SRC.ports,
    },
    {
        id: "port-5",
        title: "HTTP port 65536",
        args: internal({ httpPort: 65536 }),
        expect: refuse("httpPort"),
        source: SRC.ports,
    },
    {
        id: "port-6",
        title: "a fractional port",
        args: internal({ httpPort: 80.5 }),
        expect: refuse("httpPort"),
        source: SRC.ports,
    },
    {
        id: "port-7",
        title: "a hybrid endpoint port over 65535",
        args: hybrid({ endpoints: [{ ipAddress: "192.168.10.21", port: 70000 }] }),
        expect: refuse("backends.legacy.hybrid.endpoints[0].port"),
        source: SRC.hybridNeg,
    },
    {
        id: "port-8",
        title: "a regional internet endpoint on port 65535",
        args: internet({ endpoints: [{ fqdn: "a.partner.example", port: 65535 }] }, regionalExternal),
        expect: "accept",
        source: SRC.internetNeg,
    },

    // ---------------------------------------------------------------- IAM members
    {
        id: "iam-1",
        title: "user, group, service account and domain members",
        args: iap([
            "user:alice@example.com",
            "group:staff@example.com",
            "serviceAccount:ci@p.iam.gserviceaccount.com",
            "domain:example.com",
        ]),
        expect: "accept",
        source: SRC.principals,
    },
    {
        id: "iam-2",
        title: "a workforce identity subject (principal://)",
        args: iap([
            "principal://iam.googleapis.com/locations/global/workforcePools/staff-pool/subject/alice@example.com",
        ]),
        expect: "accept",
        source: SRC.principals,
    },
    {
        id: "iam-3",
        title: "a workload identity pool attribute set (principalSet://)",
        args: iap([
            "principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/ci-pool/attribute.team/eng",
        ]),
        expect: "accept",
        source: SRC.principals,
    },
    {
        id: "iam-4",
        title: "deleted user, service account and group members",
        args: iap([
            "deleted:user:alice@example.com?uid=123456789012345678901",
            "deleted:serviceAccount:ci@p.iam.gserviceaccount.com?uid=123456789012345678901",
            "deleted:group:staff@example.com?uid=123456789012345678901",
        ]),
        expect: "accept",
        source: SRC.principals,
    },
    {
        id: "iam-5",
        title: "allAuthenticatedUsers through IAP",
        args: iap(["allAuthenticatedUsers"]),
        expect: "accept",
        source: SRC.principals,
    },
    {
        id: "iam-6",
        title: "an email without a member prefix",
        args: iap(["alice@example.com"]),
        expect: refuse("backends.web.iap.members[0]", "alice@example.com"),
        source: SRC.principals,
    },
    {
        id: "iam-7",
        title: "a prefix without an email",
        args: iap(["user:"]),
        expect: refuse("backends.web.iap.members[0]"),
        source: SRC.principals,
    },
    {
        id: "iam-8",
        title: "a workforce pool group as a load balancer service user",
        args: webBackend({
            loadBalancerServiceUsers: [
                "principalSet://iam.googleapis.com/locations/global/workforcePools/staff-pool/group/lb-admins",
            ],
        }),
        expect: "accept",
        source: SRC.principals,
    },

    // ---------------------------------------------------------------- Cloud Storage bucket names
    {
        id: "bucket-1",
        title: "a bucket name with underscores",
        args: bucket({ create: { location: "EU", publicRead: true, name: "shop_site_assets" } }),
        expect: "accept",
        source: SRC.buckets,
    },
    {
        id: "bucket-2",
        title: "a bucket name with dots (a domain)",
        args: bucket({ create: { location: "EU", publicRead: true, name: "assets.example.com" } }),
        expect: "accept",
        source: SRC.buckets,
    },
    {
        id: "bucket-3",
        title: "a 2-character bucket name",
        args: bucket({ create: { location: "EU", publicRead: true, name: "ab" } }),
        expect: refuse("backends.site.bucket.create.name", "ab"),
        source: SRC.buckets,
    },
    {
        id: "bucket-4",
        title: "a 64-character bucket name without dots",
        args: bucket({ create: { location: "EU", publicRead: true, name: long(64, "b") } }),
        expect: refuse("backends.site.bucket.create.name"),
        source: SRC.buckets,
    },
    {
        id: "bucket-5",
        title: "a dotted bucket name of 222 characters, each part at most 63",
        args: bucket({
            create: {
                location: "EU",
                publicRead: true,
                name: [long(63, "a"), long(63, "b"), long(63, "c"), long(30, "d")].join("."),
            },
        }),
        expect: "accept",
        source: SRC.buckets,
    },
    {
        id: "bucket-6",
        title: "a dotted bucket name of 223 characters",
        args: bucket({
            create: {
                location: "EU",
                publicRead: true,
                name: [long(63, "a"), long(63, "b"), long(63, "c"), long(31, "d")].join("."),
            },
        }),
        expect: refuse("backends.site.bucket.create.name"),
        source: SRC.buckets,
    },
    {
        id: "bucket-7",
        title: "a dotted bucket name with a 64-character part",
        args: bucket({ create: { location: "EU", publicRead: true, name: `${long(64, "a")}.example.com` } }),
        expect: refuse("backends.site.bucket.create.name"),
        source: SRC.buckets,
    },
    {
        id: "bucket-8",
        title: 'a bucket name starting with "goog"',
        args: bucket({ create: { location: "EU", publicRead: true, name: "goog-assets" } }),
        expect: refuse("backends.site.bucket.create.name", "goog-assets"),
        source: SRC.buckets,
    },
    {
        id: "bucket-9",
        title: 'a bucket name containing "google"',
        args: bucket({ create: { location: "EU", publicRead: true, name: "my-google-assets" } }),
        expect: refuse("backends.site.bucket.create.name", "my-google-assets"),
        source: SRC.buckets,
    },
    {
        id: "bucket-10",
        title: "a bucket name that is an IP address",
        args: bucket({ create: { location: "EU", publicRead: true, name: "192.168.5.4" } }),
        expect: refuse("backends.site.bucket.create.name", "192.168.5.4"),
        source: SRC.buckets,
    },
    {
        id: "bucket-11",
        title: "a bucket name ending with a hyphen",
        args: bucket({ create: { location: "EU", publicRead: true, name: "assets-" } }),
        expect: refuse("backends.site.bucket.create.name", "assets-"),
        source: SRC.buckets,
    },
    {
        id: "bucket-12",
        title: "a bucket name with an uppercase letter",
        args: bucket({ create: { location: "EU", publicRead: true, name: "Assets" } }),
        expect: refuse("backends.site.bucket.create.name", "Assets"),
        source: SRC.buckets,
    },
    {
        id: "bucket-13",
        title: "an existing bucket with underscores",
        args: bucket({ name: "legacy_site_assets" }),
        expect: "accept",
        source: SRC.buckets,
    },
    {
        id: "bucket-14",
        title: 'an existing bucket named with "goog" (cannot exist)',
        args: bucket({ name: "goog-assets" }),
        expect: exact(
            "bucket-names",
            "backends.site.bucket.name",
            '"goog-assets" is not a bucket name: bucket names cannot start with "goog" or contain "google"',
            "give the name of the existing bucket exactly as Cloud Storage shows it (gcloud storage buckets list), or use bucket.create",
            "goog-assets",
        ),
        source: SRC.buckets,
    },

    // ---------------------------------------------------------------- Cloud DNS
    {
        id: "dns-1",
        title: "a record with a one-day TTL",
        args: global({ dns: { zone: "example-com", names: ["api.example.com"], ttl: 86400 } }),
        expect: "accept",
        source: SRC.dnsNames,
    },
    {
        id: "dns-2",
        title: "an absolute name (trailing dot)",
        args: global({ dns: { zone: "example-com", names: ["api.example.com."] } }),
        expect: "accept",
        source: SRC.dnsNames,
    },
    {
        id: "dns-3",
        title: "a wildcard name",
        args: global({ dns: { zone: "example-com", names: ["*.example.com"] } }),
        expect: "accept",
        source: SRC.dnsNames,
    },
    {
        id: "dns-4",
        title: "an empty label",
        args: global({ dns: { zone: "example-com", names: ["api..example.com"] } }),
        expect: refuse("dns.names[0]", "api..example.com"),
        source: SRC.dnsNames,
    },
    {
        id: "dns-5",
        title: "a 64-character label",
        args: global({ dns: { zone: "example-com", names: [`${long(64)}.example.com`] } }),
        expect: refuse("dns.names[0]"),
        source: SRC.dnsNames,
    },
    {
        id: "dns-6",
        title: "a negative TTL",
        args: global({ dns: { zone: "example-com", names: ["api.example.com"], ttl: -1 } }),
        expect: refuse("dns.ttl"),
        source: SRC.dnsNames,
    },
    {
        id: "dns-7",
        title: "a fractional TTL",
        args: global({ dns: { zone: "example-com", names: ["api.example.com"], ttl: 1.5 } }),
        expect: refuse("dns.ttl"),
        source: SRC.dnsNames,
    },
    {
        id: "dns-8",
        title: "a managed zone name with an underscore and capitals",
        args: global({ dns: { zone: "Example_Com", names: ["api.example.com"] } }),
        expect: refuse("dns.zone", "Example_Com"),
        source: SRC.dnsZone,
    },

    // ---------------------------------------------------------------- Certificate Manager and Google-managed domains
    {
        id: "cert-1",
        title: "a wildcard and its parent",
        args: global({ https: { managedCertificate: { domains: ["*.example.com", "example.com"] } } }),
        expect: "accept",
        source: SRC.cmDomains,
    },
    {
        id: "cert-2",
        title: "a two-level wildcard",
        args: global({ https: { managedCertificate: { domains: ["*.*.example.com"] } } }),
        expect: refuse("https.managedCertificate.domains[0]", "*.*.example.com"),
        source: SRC.cmDomains,
    },
    {
        id: "cert-3",
        title: "a wildcard that is not the first label",
        args: global({ https: { managedCertificate: { domains: ["api.*.example.com"] } } }),
        expect: refuse("https.managedCertificate.domains[0]", "api.*.example.com"),
        source: SRC.cmDomains,
    },
    {
        id: "cert-4",
        title: "an internationalized domain in punycode",
        args: global({ https: { managedCertificate: { domains: ["xn--bcher-kva.example"] } } }),
        expect: "accept",
        source: SRC.cmDomains,
    },
    {
        id: "cert-5",
        title: "an internationalized domain in Unicode",
        args: global({ https: { managedCertificate: { domains: ["bücher.example"] } } }),
        expect: exact(
            "managed-certificate",
            "https.managedCertificate.domains[0]",
            '"bücher.example" is not a fully qualified domain name or a wildcard such as "*.example.com"',
            'write an internationalized name in punycode, its ASCII form starting "xn--" (e.g. "xn--mnchen-3ya.example" for "münchen.example")',
        ),
        source: `${SRC.managedCerts} (RFC 5890 A-labels)`,
    },
    {
        id: "cert-6",
        title: "101 Google-managed domains",
        args: global({ https: { managedDomains: Array.from({ length: 101 }, (_, i) => `d${i}.example.com`) } }),
        expect: refuse("https.managedDomains"),
        source: `${SRC.managedCerts}; magic-modules ManagedSslCertificate.yaml max_size 100`,
    },
    {
        id: "cert-7",
        title: "a wildcard Google-managed (Compute) domain",
        args: global({ https: { managedDomains: ["*.example.com"] } }),
        expect: refuse("https.managedDomains[0]", "*.example.com"),
        source: SRC.managedCerts,
    },
    {
        id: "cert-8",
        title: "a Google-managed domain written absolute (trailing dot)",
        args: global({ https: { managedDomains: ["shop.example.com."] } }),
        expect: "accept",
        source: "magic-modules ManagedSslCertificate.yaml (domains: AbsoluteDomainSuppress)",
    },
    {
        id: "cert-9",
        title: "no managed certificate domains",
        args: global({ https: { managedCertificate: { domains: [] } } }),
        expect: refuse("https.managedCertificate.domains"),
        source: SRC.cmDomains,
    },

    // ---------------------------------------------------------------- SSL policies
    {
        id: "ssl-1",
        title: "CUSTOM without features",
        args: global({ https: { ...HTTPS, sslPolicy: { profile: "CUSTOM" } } }),
        expect: refuse("https.sslPolicy.customFeatures"),
        source: SRC.sslPolicyApi,
    },
    {
        id: "ssl-2",
        title: "features with MODERN",
        args: global({
            https: {
                ...HTTPS,
                sslPolicy: { profile: "MODERN", customFeatures: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"] },
            },
        }),
        expect: refuse("https.sslPolicy.customFeatures"),
        source: SRC.sslPolicyApi,
    },
    {
        id: "ssl-3",
        title: "CUSTOM with two ECDHE GCM suites",
        args: global({
            https: {
                ...HTTPS,
                sslPolicy: {
                    profile: "CUSTOM",
                    customFeatures: [
                        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    ],
                },
            },
        }),
        expect: "accept",
        source: SRC.sslPolicies,
    },
    {
        id: "ssl-4",
        title: "CUSTOM with a TLS 1.3 suite (not configurable)",
        args: global({
            https: { ...HTTPS, sslPolicy: { profile: "CUSTOM", customFeatures: ["TLS_AES_128_GCM_SHA256"] } },
        }),
        expect: refuse("https.sslPolicy.customFeatures[0]", "TLS_AES_128_GCM_SHA256"),
        source: SRC.sslPolicies,
        gap: "unconfirmed: the package accepts the TLS 1.3 suite names in customFeatures (components/constraints/table.ts SSL_CUSTOM_FEATURES) so nothing GCP takes is refused; the docs say a custom profile selects TLS 1.2-and-earlier suites, but no source seen says the API refuses TLS 1.3 names",
    },
    {
        id: "ssl-5",
        title: "CUSTOM with a suite that does not exist",
        args: global({
            https: {
                ...HTTPS,
                sslPolicy: { profile: "CUSTOM", customFeatures: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA999"] },
            },
        }),
        expect: refuse("https.sslPolicy.customFeatures[0]", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA999"),
        source: SRC.sslPolicies,
    },
    {
        id: "ssl-6",
        title: "RESTRICTED with TLS 1.3 minimum",
        args: global({ https: { ...HTTPS, sslPolicy: { profile: "RESTRICTED", minTlsVersion: "TLS_1_3" } } }),
        expect: "accept",
        source: SRC.sslPolicyApi,
    },
    {
        id: "ssl-7",
        title: "MODERN with TLS 1.3 minimum",
        args: global({ https: { ...HTTPS, sslPolicy: { profile: "MODERN", minTlsVersion: "TLS_1_3" } } }),
        expect: exact(
            "ssl-policy",
            "https.sslPolicy.minTlsVersion",
            '"TLS_1_3" needs profile "RESTRICTED", and the profile is "MODERN"',
            'set profile: "RESTRICTED", or use minTlsVersion "TLS_1_2"',
        ),
        source: SRC.sslPolicyApi,
    },
    {
        id: "ssl-8",
        title: "FIPS_202205 with TLS 1.0 minimum",
        args: global({ https: { ...HTTPS, sslPolicy: { profile: "FIPS_202205", minTlsVersion: "TLS_1_0" } } }),
        expect: exact(
            "ssl-policy",
            "https.sslPolicy.minTlsVersion",
            'is "TLS_1_0", but profile "FIPS_202205" takes only "TLS_1_2"',
            'set minTlsVersion: "TLS_1_2", or leave it out (its default)',
        ),
        source: SRC.sslPolicyApi,
    },
    {
        id: "ssl-9",
        title: "FIPS_202205 with the default (TLS 1.2) minimum",
        args: global({ https: { ...HTTPS, sslPolicy: { profile: "FIPS_202205" } } }),
        expect: "accept",
        source: SRC.sslPolicyApi,
    },
    {
        id: "ssl-11",
        title: "a TLS 1.3 minimum with the default profile (MODERN)",
        args: global({ https: { ...HTTPS, sslPolicy: { minTlsVersion: "TLS_1_3" } } }),
        expect: exact(
            "ssl-policy",
            "https.sslPolicy.minTlsVersion",
            '"TLS_1_3" needs profile "RESTRICTED", and the profile is "MODERN"',
            'set profile: "RESTRICTED", or use minTlsVersion "TLS_1_2"',
        ),
        source: SRC.sslPolicyApi,
    },
    {
        id: "ssl-12",
        title: "CUSTOM with a TLS 1.3 minimum",
        args: global({
            https: {
                ...HTTPS,
                sslPolicy: {
                    profile: "CUSTOM",
                    minTlsVersion: "TLS_1_3",
                    customFeatures: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"],
                },
            },
        }),
        expect: exact(
            "ssl-policy",
            "https.sslPolicy.minTlsVersion",
            '"TLS_1_3" needs profile "RESTRICTED", and the profile is "CUSTOM"',
            'set profile: "RESTRICTED", or use minTlsVersion "TLS_1_2"',
        ),
        source: SRC.sslPolicyApi,
    },
    {
        id: "ssl-10",
        title: "a lowercase profile",
        args: wrong({ ...global(), https: { ...HTTPS, sslPolicy: { profile: "modern" } } }),
        expect: refuse("https.sslPolicy.profile", "modern"),
        source: SRC.sslPolicyApi,
    },

    // ---------------------------------------------------------------- Cloud CDN
    {
        id: "cdn-1",
        title: "a default TTL with USE_ORIGIN_HEADERS",
        args: cdn({ cacheMode: "USE_ORIGIN_HEADERS", defaultTtl: 300 }),
        expect: exact(
            "backend-cdn",
            "backends.web.cdn.defaultTtl",
            "is set with cacheMode USE_ORIGIN_HEADERS, which takes every lifetime from the origin's headers",
            'drop defaultTtl, or use cacheMode "CACHE_ALL_STATIC"',
        ),
        source: `${SRC.cdnModes}; API error "default_ttl cannot be specified with USE_ORIGIN_HEADERS cache_mode" (hashicorp/terraform-provider-google#18860)`,
    },
    {
        id: "cdn-2",
        title: "a default TTL above the max TTL",
        args: cdn({ defaultTtl: 7200, maxTtl: 3600 }),
        expect: refuse("backends.web.cdn.defaultTtl"),
        source: SRC.cdnApi,
    },
    {
        id: "cdn-3",
        title: "a default TTL equal to the max TTL",
        args: cdn({ defaultTtl: 3600, maxTtl: 3600 }),
        expect: "accept",
        source: SRC.cdnApi,
    },
    {
        id: "cdn-4",
        title: "a max TTL of one year (the maximum)",
        args: cdn({ maxTtl: 31622400 }),
        expect: "accept",
        source: SRC.cdnApi,
    },
    {
        id: "cdn-5",
        title: "a max TTL above one year",
        args: cdn({ maxTtl: 31622401 }),
        expect: refuse("backends.web.cdn.maxTtl"),
        source: SRC.cdnApi,
    },
    {
        id: "cdn-6",
        title: 'a default TTL of 0 ("always revalidate")',
        args: cdn({ defaultTtl: 0 }),
        expect: "accept",
        source: SRC.cdnApi,
    },
    {
        id: "cdn-7",
        title: "a client TTL above one year",
        args: cdn({ clientTtl: 31622401 }),
        expect: refuse("backends.web.cdn.clientTtl"),
        source: SRC.cdnApi,
    },
    {
        id: "cdn-8",
        title: "negative caching of a 302 and a 307",
        args: cdn({
            negativeCaching: true,
            negativeCachingTtls: [
                { code: 302, ttl: 60 },
                { code: 307, ttl: 60 },
            ],
        }),
        expect: "accept",
        source: `${SRC.cdnApi}; ${SRC.negativeCaching}`,
    },
    {
        id: "cdn-9",
        title: "negative caching of a 500",
        args: cdn({ negativeCaching: true, negativeCachingTtls: [{ code: 500, ttl: 60 }] }),
        expect: refuse("backends.web.cdn.negativeCachingTtls[0].code"),
        source: SRC.cdnApi,
    },
    {
        id: "cdn-10",
        title: "a negative caching TTL above 1800",
        args: cdn({ negativeCaching: true, negativeCachingTtls: [{ code: 404, ttl: 1801 }] }),
        expect: refuse("backends.web.cdn.negativeCachingTtls[0].ttl"),
        source: SRC.cdnApi,
    },
    {
        id: "cdn-11",
        title: "a status cached twice",
        args: cdn({
            negativeCaching: true,
            negativeCachingTtls: [
                { code: 404, ttl: 60 },
                { code: 404, ttl: 120 },
            ],
        }),
        expect: refuse("backends.web.cdn.negativeCachingTtls[1].code"),
        source: SRC.cdnApi,
    },
    {
        id: "cdn-12",
        title: "negative caching TTLs without negative caching",
        args: cdn({ negativeCachingTtls: [{ code: 404, ttl: 60 }] }),
        expect: refuse("backends.web.cdn.negativeCachingTtls"),
        source: SRC.cdnApi,
    },
    {
        id: "cdn-13",
        title: "a signed URL key name with capitals and an underscore",
        args: cdn({ signedUrlKeys: [{ name: "Key_1", value: "nZtRohdNF9m3cKM24IcK4w" }] }),
        expect: refuse("backends.web.cdn.signedUrlKeys[0].name", "Key_1"),
        source: SRC.signedKeys,
    },
    {
        id: "cdn-14",
        title: "a signed URL key of 128 bits, base64url",
        args: cdn({ signedUrlKeys: [{ name: "key-2026-11", value: "nZtRohdNF9m3cKM24IcK4w" }] }),
        expect: "accept",
        source: SRC.signedKeys,
    },
    {
        id: "cdn-15",
        title: "a signed URL key that is not base64url",
        args: cdn({ signedUrlKeys: [{ name: "key-2026-11", value: "not+base64/at-all!" }] }),
        expect: refuse("backends.web.cdn.signedUrlKeys[0].value", "not+base64/at-all!"),
        source: SRC.signedKeys,
    },
    {
        id: "cdn-16",
        title: "Cloud CDN on a regional external load balancer",
        args: regionalExternal({ backends: { web: { cloudRun: { service: "web" }, cdn: { enabled: true } } } }),
        expect: refuse("backends.web.cdn"),
        source: SRC.cdnSchemes,
    },
    {
        id: "cdn-17",
        title: "a negative signed URL max age",
        args: cdn({ signedUrlCacheMaxAgeSeconds: -1 }),
        expect: refuse("backends.web.cdn.signedUrlCacheMaxAgeSeconds"),
        source: SRC.cdnApi,
    },
    {
        id: "cdn-18",
        title: "a max TTL with FORCE_CACHE_ALL",
        args: cdn({ cacheMode: "FORCE_CACHE_ALL", maxTtl: 3600 }),
        expect: exact(
            "backend-cdn",
            "backends.web.cdn.maxTtl",
            "is set with cacheMode FORCE_CACHE_ALL; GCP takes a max TTL only with CACHE_ALL_STATIC (FORCE_CACHE_ALL caches for defaultTtl)",
            'drop maxTtl (set the lifetime with defaultTtl), or use cacheMode "CACHE_ALL_STATIC"',
        ),
        source: `${SRC.cdnTtls} (max TTL used with CACHE_ALL_STATIC only); API error "max_ttl must be specified with CACHE_ALL_STATIC cache_mode only" (hashicorp/terraform-provider-google#16935)`,
    },
    {
        id: "cdn-19",
        title: "a client TTL above the max TTL",
        args: cdn({ clientTtl: 7200, maxTtl: 3600 }),
        expect: refuse("backends.web.cdn.clientTtl"),
        source: `${SRC.cdnTtls} (client TTL: must be less than or equal to the max TTL)`,
    },
    {
        id: "cdn-20",
        title: "a client TTL with USE_ORIGIN_HEADERS",
        args: cdn({ cacheMode: "USE_ORIGIN_HEADERS", clientTtl: 600 }),
        expect: exact(
            "backend-cdn",
            "backends.web.cdn.clientTtl",
            "is set with cacheMode USE_ORIGIN_HEADERS, which takes every lifetime from the origin's headers",
            'drop clientTtl, or use cacheMode "CACHE_ALL_STATIC"',
        ),
        source: `${SRC.cdnTtls} (client TTL used with FORCE_CACHE_ALL and CACHE_ALL_STATIC)`,
    },
    {
        id: "cdn-21",
        title: "a default and a client TTL with FORCE_CACHE_ALL",
        args: cdn({ cacheMode: "FORCE_CACHE_ALL", defaultTtl: 600, clientTtl: 60 }),
        expect: "accept",
        source: SRC.cdnTtls,
    },

    // ---------------------------------------------------------------- logging
    {
        id: "log-1",
        title: "a sample rate of 0",
        args: webBackend({ logging: { sampleRate: 0 } }),
        expect: "accept",
        source: SRC.logging,
    },
    {
        id: "log-2",
        title: "a sample rate of 1.5",
        args: webBackend({ logging: { sampleRate: 1.5 } }),
        expect: refuse("backends.web.logging.sampleRate"),
        source: SRC.logging,
    },
    {
        id: "log-3",
        title: "a negative sample rate",
        args: webBackend({ logging: { sampleRate: -0.1 } }),
        expect: refuse("backends.web.logging.sampleRate"),
        source: SRC.logging,
    },

    // ---------------------------------------------------------------- URL redirects
    {
        id: "redirect-1",
        title: "a redirect host of 256 characters",
        args: routed([{ paths: ["/old"], redirect: { host: `${long(63)}.${long(63)}.${long(63)}.${long(63)}.com` } }]),
        expect: refuse("routes[0].redirect.host"),
        source: SRC.redirect,
    },
    {
        id: "redirect-2",
        title: "a redirect path of 1025 characters",
        args: routed([{ paths: ["/old"], redirect: { path: `/${long(1024)}` } }]),
        expect: refuse("routes[0].redirect.path"),
        source: SRC.redirect,
    },
    {
        id: "redirect-3",
        title: "an HTTPS redirect in the URL map of an HTTPS proxy",
        args: routed([{ paths: ["/old"], redirect: { https: true } }], { https: HTTPS }),
        expect: refuse("routes[0].redirect.https"),
        source: SRC.redirect,
    },
    {
        id: "redirect-4",
        title: "an HTTPS redirect on a plain HTTP load balancer",
        args: routed([{ paths: ["/old"], redirect: { https: true } }]),
        expect: "accept",
        source: SRC.redirect,
    },
    {
        id: "redirect-5",
        title: "a redirect with both path and prefix",
        args: routed([{ paths: ["/old/*"], redirect: { path: "/new", prefix: "/new/" } }]),
        expect: refuse("routes[0].redirect"),
        source: SRC.redirect,
    },
    {
        id: "redirect-6",
        title: 'a redirect code given as "301"',
        args: routed([{ paths: ["/old"], redirect: { host: "www.example.com", code: "301" } }]),
        expect: refuse("routes[0].redirect.code", "301"),
        source: SRC.redirect,
    },

    // ---------------------------------------------------------------- URL rewrites
    {
        id: "rewrite-1",
        title: "a host rewrite of 256 characters",
        args: routed([
            {
                paths: ["/api/*"],
                backend: "api",
                rewrite: { host: `${long(63)}.${long(63)}.${long(63)}.${long(63)}.com` },
            },
        ]),
        expect: exact(
            "route-rewrite",
            "routes[0].rewrite.host",
            'a value of 259 characters starting "aaaaaaaaaaaaaaaaaaaaaaaa…" must be a host of 1–255 characters',
            'give the host name alone (no scheme or path), at most 255 characters, e.g. "orders.internal.example.com"',
        ),
        source: SRC.rewrite,
    },
    {
        id: "rewrite-2",
        title: "a path prefix rewrite of 1025 characters",
        args: routed([{ paths: ["/api/*"], backend: "api", rewrite: { pathPrefix: `/${long(1024)}` } }]),
        expect: exact(
            "route-rewrite",
            "routes[0].rewrite.pathPrefix",
            "is 1025 characters long; GCP takes 1–1024",
            "shorten it to at most 1024 characters",
        ),
        source: SRC.rewrite,
    },
    {
        id: "rewrite-3",
        title: "an empty path prefix rewrite",
        args: routed([{ paths: ["/api/*"], backend: "api", rewrite: { pathPrefix: "" } }]),
        expect: exact(
            "route-rewrite",
            "routes[0].rewrite.pathPrefix",
            "is empty; GCP takes 1–1024 characters",
            'give the prefix that replaces the matched one, e.g. "/" (or remove pathPrefix)',
        ),
        source: SRC.rewrite,
    },
    {
        id: "rewrite-4",
        title: "a path template rewrite without a path template match",
        args: routed([{ paths: ["/api/*"], backend: "api", rewrite: { pathTemplate: "/v2/{id}" } }]),
        expect: refuse("routes[0].rewrite.pathTemplate"),
        source: SRC.rewrite,
    },
    {
        id: "rewrite-5",
        title: "a path template rewrite with a variable the match does not capture",
        args: routed([{ pathTemplate: "/v1/{id}", backend: "api", rewrite: { pathTemplate: "/v2/{nope}" } }]),
        expect: refuse("routes[0].rewrite.pathTemplate"),
        source: SRC.rewrite,
    },
    {
        id: "rewrite-6",
        title: "the documented static/{format=**} rewrite",
        args: routed([
            { pathTemplate: "/static/{format=**}", backend: "api", rewrite: { pathTemplate: "/content/{format}" } },
        ]),
        expect: "accept",
        source: SRC.rewrite,
    },
    {
        id: "rewrite-7",
        title: "a path prefix rewrite on classic (its only route action)",
        args: routedClassic([{ paths: ["/api/*"], backend: "api", rewrite: { pathPrefix: "/" } }]),
        expect: "accept",
        source: SRC.classic,
    },

    // ---------------------------------------------------------------- headers
    {
        id: "header-1",
        title: "adding an X-Goog- header",
        args: global({ requestHeaders: { add: [{ name: "X-Goog-Foo", value: "1" }] } }),
        expect: refuse("requestHeaders.add[0].name", "X-Goog-Foo"),
        source: SRC.headersUrlMap,
    },
    {
        id: "header-2",
        title: "adding Host on a regional internal URL map",
        args: routedInternal([
            { paths: ["/api/*"], backend: "api", requestHeaders: { add: [{ name: "Host", value: "api.internal" }] } },
        ]),
        expect: refuse("routes[0].requestHeaders.add[0].name"),
        source: SRC.headersUrlMap,
    },
    {
        id: "header-3",
        title: "a header name with a space",
        args: global({ responseHeaders: { add: [{ name: "x bad", value: "1" }] } }),
        expect: refuse("responseHeaders.add[0].name", "x bad"),
        source: SRC.headersUrlMap,
    },
    {
        id: "header-4",
        title: "17 headers added at one level",
        args: global({
            requestHeaders: { add: Array.from({ length: 17 }, (_, i) => ({ name: `x-h${i}`, value: "1" })) },
        }),
        expect: refuse("requestHeaders.add"),
        source: SRC.headersUrlMap,
    },
    {
        id: "header-5",
        title: "a backend service header with a variable",
        args: webBackend({ customRequestHeaders: ["X-Client-Region:{client_region}"] }),
        expect: "accept",
        source: SRC.headersGlobal,
    },
    {
        id: "header-6",
        title: "a backend service header without a colon",
        args: webBackend({ customRequestHeaders: ["X-Bad"] }),
        expect: refuse("backends.web.customRequestHeaders[0]"),
        source: SRC.headersGlobal,
    },
    {
        id: "header-7",
        title: "a hop-by-hop backend service header",
        args: webBackend({ customRequestHeaders: ["Connection:close"] }),
        expect: refuse("backends.web.customRequestHeaders[0]"),
        source: SRC.headersGlobal,
    },
    {
        id: "header-8",
        title: "a CDN-Loop backend service header",
        args: webBackend({ customRequestHeaders: ["CDN-Loop:x"] }),
        expect: refuse("backends.web.customRequestHeaders[0]"),
        source: SRC.headersGlobal,
    },
    {
        id: "header-9",
        title: "an X-User-IP backend service header",
        args: webBackend({ customRequestHeaders: ["X-User-IP:1.2.3.4"] }),
        expect: refuse("backends.web.customRequestHeaders[0]"),
        source: SRC.headersGlobal,
    },
    {
        id: "header-10",
        title: "backend service headers on regional external",
        args: regionalExternal({
            backends: { web: { cloudRun: { service: "web" }, customRequestHeaders: ["X-Env:prod"] } },
        }),
        expect: refuse("backends.web.customRequestHeaders"),
        source: "Compute API RegionBackendService (no customRequestHeaders; https://cloud.google.com/load-balancing/docs/https/custom-headers-regional)",
    },
    {
        id: "header-11",
        title: "an HSTS response header",
        args: global({
            responseHeaders: {
                add: [{ name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
            },
        }),
        expect: "accept",
        source: SRC.headersUrlMap,
    },
    {
        id: "header-12",
        title: "adding an X-GFE header on a route",
        args: routed([
            { paths: ["/api/*"], backend: "api", requestHeaders: { add: [{ name: "X-GFE-Foo", value: "1" }] } },
        ]),
        expect: refuse("routes[0].requestHeaders.add[0].name", "X-GFE-Foo"),
        source: SRC.headersUrlMap,
    },
    {
        id: "header-13",
        title: "adding an X-Amz- header",
        args: global({ requestHeaders: { add: [{ name: "X-Amz-Date", value: "1" }] } }),
        expect: refuse("requestHeaders.add[0].name", "X-Amz-Date"),
        source: SRC.headersUrlMap,
    },

    // ---------------------------------------------------------------- RE2 route regexes
    {
        id: "re2-1",
        title: "a path regex on regional internal",
        args: routedInternal([{ regex: "^/v[0-9]+/items$", backend: "api" }]),
        expect: "accept",
        source: SRC.re2,
    },
    {
        id: "re2-2",
        title: "a lookahead (not RE2)",
        args: routedInternal([{ regex: "^/(?=admin)", backend: "api" }]),
        expect: refuse("routes[0].regex"),
        source: SRC.re2,
    },
    {
        id: "re2-3",
        title: "a backreference (not RE2)",
        args: routedInternal([{ regex: "^/(a)\\1$", backend: "api" }]),
        expect: refuse("routes[0].regex"),
        source: SRC.re2,
    },
    {
        id: "re2-4",
        title: "an unclosed class",
        args: routedInternal([{ regex: "^/[a", backend: "api" }]),
        expect: refuse("routes[0].regex"),
        source: SRC.re2,
    },
    {
        id: "re2-5",
        title: "a case-insensitive header regex",
        args: routedInternal([{ headers: [{ name: "x-channel", regex: "(?i)^beta$" }], backend: "api" }]),
        expect: "accept",
        source: SRC.re2,
    },
    {
        id: "re2-6",
        title: "an RE2 named group",
        args: routedInternal([{ regex: "^/v(?P<version>[0-9]+)/.*$", backend: "api" }]),
        expect: "accept",
        source: SRC.re2,
    },
    {
        id: "re2-7",
        title: "a path regex on classic",
        args: routedClassic([{ regex: "^/v[0-9]+$", backend: "api" }]),
        expect: refuse("routes[0].regex"),
        source: SRC.re2,
    },
    {
        id: "re2-8",
        title: "a CORS origin regex with a lookahead",
        args: routedInternal([
            { paths: ["/api/*"], backend: "api", cors: { allowOriginRegexes: ["https://(?!evil).*"] } },
        ]),
        expect: exact(
            "route-regex",
            "routes[0].cors.allowOriginRegexes[0]",
            '"https://(?!evil).*" is not an RE2 regular expression, which GCP requires (invalid or unsupported Perl syntax: `(?!`)',
            "rewrite it in RE2 syntax (https://github.com/google/re2/wiki/Syntax): no backreferences (\\1), lookahead ((?=, (?!) or lookbehind; match the alternatives explicitly or with separate routes",
        ),
        source: SRC.re2,
    },

    // ---------------------------------------------------------------- paths and hosts
    {
        id: "path-1",
        title: "a path without a leading slash",
        args: routed([{ paths: ["api"], backend: "api" }]),
        expect: refuse("routes[0].paths[0]", "api"),
        source: SRC.paths,
    },
    {
        id: "path-2",
        title: "a * in the middle of a path",
        args: routed([{ paths: ["/api/*/x"], backend: "api" }]),
        expect: refuse("routes[0].paths[0]", "/api/*/x"),
        source: SRC.paths,
    },
    {
        id: "path-3",
        title: "a * not after a slash",
        args: routed([{ paths: ["/api*"], backend: "api" }]),
        expect: refuse("routes[0].paths[0]", "/api*"),
        source: SRC.paths,
    },
    {
        id: "path-4",
        title: "a path with a query",
        args: routed([{ paths: ["/search?q=1"], backend: "api" }]),
        expect: refuse("routes[0].paths[0]", "/search?q=1"),
        source: SRC.paths,
    },
    {
        id: "path-5",
        title: "a path with a fragment",
        args: routed([{ paths: ["/a#b"], backend: "api" }]),
        expect: refuse("routes[0].paths[0]", "/a#b"),
        source: SRC.paths,
    },
    {
        id: "path-6",
        title: "the root and everything",
        args: routed([{ paths: ["/", "/*"], backend: "api" }]),
        expect: "accept",
        source: SRC.paths,
    },
    {
        id: "host-1",
        title: "a *- host wildcard",
        args: routed([{ hosts: ["*-api.example.com"], backend: "api" }]),
        expect: "accept",
        source: SRC.hosts,
    },
    {
        id: "host-2",
        title: "a * inside a host",
        args: routed([{ hosts: ["api.*.com"], backend: "api" }]),
        expect: refuse("routes[0].hosts[0]", "api.*.com"),
        source: SRC.hosts,
    },
    {
        id: "host-3",
        title: "a * followed by a letter",
        args: routed([{ hosts: ["*example.com"], backend: "api" }]),
        expect: refuse("routes[0].hosts[0]", "*example.com"),
        source: SRC.hosts,
    },
    {
        id: "host-4",
        title: "a host with a port on global external",
        args: routed([{ hosts: ["api.example.com:8080"], backend: "api" }]),
        expect: "accept",
        source: SRC.hosts,
    },
    {
        id: "tmpl-1",
        title: "a path template with six operators",
        args: routed([{ pathTemplate: "/{a}/{b}/{c}/{d}/{e}/{f}", backend: "api" }]),
        expect: refuse("routes[0].pathTemplate"),
        source: SRC.pathTemplate,
    },
    {
        id: "tmpl-2",
        title: "a path template without a leading slash",
        args: routed([{ pathTemplate: "users/{id}", backend: "api" }]),
        expect: refuse("routes[0].pathTemplate", "users/{id}"),
        source: SRC.pathTemplate,
    },

    // ---------------------------------------------------------------- weighted splits
    {
        id: "split-1",
        title: "all weights zero",
        args: routed([
            {
                paths: ["/api/*"],
                split: [
                    { backend: "web", weight: 0 },
                    { backend: "api", weight: 0 },
                ],
            },
        ]),
        expect: refuse("routes[0].split"),
        source: SRC.weights,
    },
    {
        id: "split-2",
        title: "a weight of 1001",
        args: routed([
            {
                paths: ["/api/*"],
                split: [
                    { backend: "web", weight: 1001 },
                    { backend: "api", weight: 1 },
                ],
            },
        ]),
        expect: refuse("routes[0].split[0].weight"),
        source: SRC.weights,
    },
    {
        id: "split-3",
        title: "a negative weight",
        args: routed([
            {
                paths: ["/api/*"],
                split: [
                    { backend: "web", weight: -1 },
                    { backend: "api", weight: 1 },
                ],
            },
        ]),
        expect: refuse("routes[0].split[0].weight"),
        source: SRC.weights,
    },
    {
        id: "split-4",
        title: "two weights of 1000 (the sum is free)",
        args: routed([
            {
                paths: ["/api/*"],
                split: [
                    { backend: "web", weight: 1000 },
                    { backend: "api", weight: 1000 },
                ],
            },
        ]),
        expect: "accept",
        source: SRC.weights,
    },
    {
        id: "split-5",
        title: "a fractional weight",
        args: routed([
            {
                paths: ["/api/*"],
                split: [
                    { backend: "web", weight: 2.5 },
                    { backend: "api", weight: 1 },
                ],
            },
        ]),
        expect: refuse("routes[0].split[0].weight"),
        source: SRC.weights,
    },
    {
        id: "split-6",
        title: "a weight of zero next to a non-zero one",
        args: routed([
            {
                paths: ["/api/*"],
                split: [
                    { backend: "web", weight: 0 },
                    { backend: "api", weight: 100 },
                ],
            },
        ]),
        expect: "accept",
        source: SRC.weights,
    },
    {
        id: "split-7",
        title: "a split on classic",
        args: routedClassic([
            {
                paths: ["/api/*"],
                split: [
                    { backend: "web", weight: 1 },
                    { backend: "api", weight: 1 },
                ],
            },
        ]),
        expect: refuse("routes[0].split"),
        source: SRC.classic,
    },

    // ---------------------------------------------------------------- retries and timeouts
    {
        id: "retry-1",
        title: 'the "internal" retry condition',
        args: routed([{ paths: ["/api/*"], backend: "api", retry: { attempts: 2, conditions: ["internal"] } }]),
        expect: "accept",
        source: SRC.retry,
    },
    {
        id: "retry-2",
        title: "every other documented retry condition",
        args: routed([
            {
                paths: ["/api/*"],
                backend: "api",
                retry: {
                    attempts: 2,
                    conditions: [
                        "5xx",
                        "gateway-error",
                        "connect-failure",
                        "retriable-4xx",
                        "refused-stream",
                        "cancelled",
                        "deadline-exceeded",
                        "resource-exhausted",
                        "unavailable",
                    ],
                },
            },
        ]),
        expect: "accept",
        source: SRC.retry,
    },
    {
        id: "retry-3",
        title: "a status code as a retry condition",
        args: routed([{ paths: ["/api/*"], backend: "api", retry: { attempts: 2, conditions: ["502"] } }]),
        expect: refuse("routes[0].retry.conditions[0]", "502"),
        source: SRC.retry,
    },
    {
        id: "retry-4",
        title: "zero retries",
        args: routed([{ paths: ["/api/*"], backend: "api", retry: { attempts: 0 } }]),
        expect: refuse("routes[0].retry.attempts"),
        source: SRC.retry,
    },
    {
        id: "retry-5",
        title: "a zero per-try timeout",
        args: routed([{ paths: ["/api/*"], backend: "api", retry: { attempts: 2, perTryTimeoutSeconds: 0 } }]),
        expect: refuse("routes[0].retry.perTryTimeoutSeconds"),
        source: SRC.retry,
    },
    {
        id: "retry-6",
        title: "retries on classic",
        args: routedClassic([{ paths: ["/api/*"], backend: "api", retry: { attempts: 2 } }]),
        expect: refuse("routes[0].retry"),
        source: SRC.classic,
    },
    {
        id: "timeout-1",
        title: "a half-second route timeout",
        args: routed([{ paths: ["/api/*"], backend: "api", timeoutSeconds: 0.5 }]),
        expect: "accept",
        source: SRC.timeout,
    },
    {
        id: "timeout-2",
        title: "a negative route timeout",
        args: routed([{ paths: ["/api/*"], backend: "api", timeoutSeconds: -1 }]),
        expect: refuse("routes[0].timeoutSeconds"),
        source: SRC.timeout,
    },
    {
        id: "timeout-3",
        title: "a route timeout on classic",
        args: routedClassic([{ paths: ["/api/*"], backend: "api", timeoutSeconds: 30 }]),
        expect: refuse("routes[0].timeoutSeconds"),
        source: SRC.classic,
    },

    // ---------------------------------------------------------------- fault injection
    {
        id: "fault-1",
        title: "aborting 12.5 %",
        args: routed([
            { paths: ["/api/*"], backend: "api", faultInjection: { abort: { httpStatus: 503, percentage: 12.5 } } },
        ]),
        expect: "accept",
        source: SRC.fault,
    },
    {
        id: "fault-2",
        title: "aborting 100.5 %",
        args: routed([
            { paths: ["/api/*"], backend: "api", faultInjection: { abort: { httpStatus: 503, percentage: 100.5 } } },
        ]),
        expect: refuse("routes[0].faultInjection.abort.percentage"),
        source: SRC.fault,
    },
    {
        id: "fault-3",
        title: "aborting with status 199",
        args: routed([
            { paths: ["/api/*"], backend: "api", faultInjection: { abort: { httpStatus: 199, percentage: 5 } } },
        ]),
        expect: refuse("routes[0].faultInjection.abort.httpStatus"),
        source: SRC.fault,
    },
    {
        id: "fault-4",
        title: "aborting with status 600",
        args: routed([
            { paths: ["/api/*"], backend: "api", faultInjection: { abort: { httpStatus: 600, percentage: 5 } } },
        ]),
        expect: refuse("routes[0].faultInjection.abort.httpStatus"),
        source: SRC.fault,
    },
    {
        id: "fault-5",
        title: "delaying a negative share",
        args: routed([
            { paths: ["/api/*"], backend: "api", faultInjection: { delay: { seconds: 1, percentage: -1 } } },
        ]),
        expect: refuse("routes[0].faultInjection.delay.percentage"),
        source: SRC.fault,
    },
    {
        id: "fault-6",
        title: "fault injection with neither delay nor abort",
        args: routed([{ paths: ["/api/*"], backend: "api", faultInjection: {} }]),
        expect: refuse("routes[0].faultInjection"),
        source: SRC.fault,
    },
    {
        id: "fault-7",
        title: "aborting 0 %",
        args: routed([
            { paths: ["/api/*"], backend: "api", faultInjection: { abort: { httpStatus: 503, percentage: 0 } } },
        ]),
        expect: "accept",
        source: SRC.fault,
    },

    // ---------------------------------------------------------------- CORS
    {
        id: "cors-1",
        title: "a full CORS policy",
        args: routed([
            {
                paths: ["/api/*"],
                backend: "api",
                cors: {
                    allowOrigins: ["https://app.example.com"],
                    allowMethods: ["GET", "PATCH"],
                    allowHeaders: ["authorization"],
                    exposeHeaders: ["x-request-id"],
                    maxAgeSeconds: 86400,
                    allowCredentials: true,
                },
            },
        ]),
        expect: "accept",
        source: SRC.cors,
    },
    {
        id: "cors-2",
        title: "CORS on classic",
        args: routedClassic([
            { paths: ["/api/*"], backend: "api", cors: { allowOrigins: ["https://app.example.com"] } },
        ]),
        expect: refuse("routes[0].cors"),
        source: SRC.classic,
    },

    // ---------------------------------------------------------------- Cloud Armor
    {
        id: "armor-1",
        title: "an expression of 2049 characters",
        args: armor({
            rules: [
                { expression: `request.path.startsWith('/${long(2049 - "request.path.startsWith('/')".length)}')` },
            ],
        }),
        expect: refuse("backends.web.securityPolicy.create.rules[0].expression"),
        source: SRC.armorLanguage,
    },
    {
        id: "armor-2",
        title: "six sub-expressions",
        args: armor({
            rules: [
                {
                    expression: ["a", "b", "c", "d", "e", "f"]
                        .map((p) => `request.path.startsWith('/${p}')`)
                        .join(" || "),
                },
            ],
        }),
        expect: refuse("backends.web.securityPolicy.create.rules[0].expression"),
        source: SRC.armorLanguage,
    },
    {
        id: "armor-3",
        title: "five sub-expressions",
        args: armor({
            rules: [
                { expression: ["a", "b", "c", "d", "e"].map((p) => `request.path.startsWith('/${p}')`).join(" || ") },
            ],
        }),
        expect: "accept",
        source: SRC.armorLanguage,
    },
    {
        id: "armor-4",
        title: "the default rule's priority",
        args: armor({ rules: [{ priority: 2147483647, expression: "request.path.startsWith('/admin')" }] }),
        expect: refuse("backends.web.securityPolicy.create.rules[0].priority"),
        source: SRC.armorPriority,
    },
    {
        id: "armor-5",
        title: "a negative priority",
        args: armor({ rules: [{ priority: -1, expression: "request.path.startsWith('/admin')" }] }),
        expect: refuse("backends.web.securityPolicy.create.rules[0].priority"),
        source: SRC.armorPriority,
    },
    {
        id: "armor-6",
        title: "priority 0",
        args: armor({ rules: [{ priority: 0, action: "allow", expression: "origin.region_code == 'CH'" }] }),
        expect: "accept",
        source: SRC.armorPriority,
    },
    {
        id: "armor-7",
        title: "two rules with one priority",
        args: armor({
            rules: [
                { priority: 10, expression: "request.path.startsWith('/a')" },
                { priority: 10, expression: "request.path.startsWith('/b')" },
            ],
        }),
        expect: refuse("backends.web.securityPolicy.create.rules[1].priority"),
        source: SRC.armorPriority,
    },
    {
        id: "armor-8",
        title: "a rate limit of 0 requests",
        args: armor({ rateLimit: { count: 0 } }),
        expect: exact(
            "backend-security-policy",
            "backends.web.securityPolicy.create.rateLimit.count",
            "0 is not a whole number of requests from 1 to 1,000,000",
            "set count to the requests one client IP may send per interval, from 1 to 1,000,000, e.g. 100",
        ),
        source: SRC.armorRate,
    },
    {
        id: "armor-9",
        title: "a throttle of 1,000,000 requests (the maximum)",
        args: armor({ rateLimit: { count: 1000000 } }),
        expect: "accept",
        source: SRC.armorRate,
    },
    {
        id: "armor-10",
        title: "a throttle of 1,000,001 requests",
        args: armor({ rateLimit: { count: 1000001 } }),
        expect: exact(
            "backend-security-policy",
            "backends.web.securityPolicy.create.rateLimit.count",
            "1,000,001 is not a whole number of requests from 1 to 1,000,000",
            "set count to the requests one client IP may send per interval, from 1 to 1,000,000, e.g. 100",
        ),
        source: SRC.armorRate,
    },
    {
        id: "armor-11",
        title: "a rate-based ban over 10,000 requests",
        args: armor({ rateLimit: { action: "ban", count: 20000 } }),
        expect: refuse("backends.web.securityPolicy.create.rateLimit.count"),
        source: SRC.armorRate,
        gap: "contested: the 10,000 maximum is quoted from the rate-limiting overview only second-hand, and may be ban_threshold's (which the package does not set) rather than rate_limit_threshold's; 1,000,000 (the throttle maximum) is enforced for both actions",
    },
    {
        id: "armor-12",
        title: "a 45-second interval",
        args: armor({ rateLimit: { count: 100, intervalSec: 45 } }),
        expect: refuse("backends.web.securityPolicy.create.rateLimit.intervalSec"),
        source: SRC.armorRate,
    },
    {
        id: "armor-13",
        title: "10-second and one-hour intervals",
        args: armor({
            rateLimit: { count: 100, intervalSec: 3600 },
            rateLimits: [{ paths: ["/login"], count: 10, intervalSec: 10 }],
        }),
        expect: "accept",
        source: SRC.armorRate,
    },
    {
        id: "armor-14",
        title: "a ban duration on a throttle",
        args: armor({ rateLimit: { action: "throttle", count: 100, banDurationSec: 300 } }),
        expect: refuse("backends.web.securityPolicy.create.rateLimit.banDurationSec"),
        source: "Compute API SecurityPolicyRuleRateLimitOptions.banDurationSec (only with rate_based_ban)",
    },
    {
        id: "armor-15",
        title: "a lowercase region code",
        args: armor({ geo: { allow: ["de"] } }),
        expect: refuse("backends.web.securityPolicy.create.geo.allow[0]", "de"),
        source: `${SRC.armorLanguage} (origin.region_code: ISO 3166-1 alpha 2, uppercase)`,
    },
    {
        id: "armor-16",
        title: "denying two regions",
        args: armor({ geo: { deny: ["KP", "IR"] } }),
        expect: "accept",
        source: SRC.armorLanguage,
    },
    {
        id: "armor-17",
        title: "stable and canary WAF rule sets",
        args: armor({ preconfiguredWaf: ["sqli-v33-stable", "xss-v33-canary"] }),
        expect: "accept",
        source: SRC.armorWaf,
    },
    {
        id: "armor-18",
        title: "a WAF rule set that does not exist",
        args: armor({ preconfiguredWaf: ["foo-v33-stable"] }),
        expect: refuse("backends.web.securityPolicy.create.preconfiguredWaf[0]", "foo-v33-stable"),
        source: SRC.armorWaf,
        gap: "the package checks the form <name>-v<NN>-stable|canary, not the name: the list of rule sets grows with each WAF release, so a closed list would refuse the next one; that the API refuses an unknown name in evaluatePreconfiguredWaf() is unconfirmed",
    },
    {
        id: "armor-19",
        title: "Adaptive Protection on a regional policy",
        args: regionalExternal({
            backends: {
                web: { cloudRun: { service: "web" }, securityPolicy: { create: { adaptiveProtection: true } } },
            },
        }),
        expect: refuse("backends.web.securityPolicy.create.adaptiveProtection"),
        source: SRC.armorAdaptive,
    },
    {
        id: "armor-20",
        title: "a rule description of 65 characters",
        args: armor({ rules: [{ expression: "request.path.startsWith('/admin')", description: long(65, "d") }] }),
        expect: refuse("backends.web.securityPolicy.create.rules[0].description"),
        source: "Compute API SecurityPolicyRule.description (Cloud Armor: at most 64 characters)",
    },

    // ---------------------------------------------------------------- network tiers
    {
        id: "tier-1",
        title: "Standard Tier on regional external",
        args: regionalExternal({ networkTier: "STANDARD" }),
        expect: "accept",
        source: SRC.tiers,
    },
    {
        id: "tier-2",
        title: "Standard Tier on global external",
        args: global({ networkTier: "STANDARD" }),
        expect: refuse("networkTier"),
        source: SRC.tiers,
    },
    {
        id: "tier-3",
        title: "Standard Tier on classic (a regional frontend)",
        args: classic({ networkTier: "STANDARD", region: EU }),
        expect: "accept",
        source: SRC.tiers,
    },
    {
        id: "tier-4",
        title: "a tier on an internal load balancer",
        args: internal({ networkTier: "STANDARD" }),
        expect: refuse("networkTier"),
        source: SRC.tiers,
    },
    {
        id: "tier-5",
        title: "a lowercase tier",
        args: wrong({ ...regionalExternal(), networkTier: "standard" }),
        expect: refuse("networkTier", "standard"),
        source: SRC.tiers,
    },

    // ---------------------------------------------------------------- addresses
    {
        id: "ip-1",
        title: "the subnet's first usable address",
        args: internal({ address: { ip: "10.1.2.2" } }),
        expect: "accept",
        source: SRC.reserved,
    },
    {
        id: "ip-2",
        title: "the subnet's gateway address",
        args: internal({ address: { ip: "10.1.2.1" } }),
        expect: refuse("address.ip", "10.1.2.1"),
        source: SRC.reserved,
    },
    {
        id: "ip-3",
        title: "the subnet's second-to-last address",
        args: internal({ address: { ip: "10.1.2.254" } }),
        expect: refuse("address.ip", "10.1.2.254"),
        source: SRC.reserved,
    },
    {
        id: "ip-4",
        title: "the subnet's broadcast address",
        args: internal({ address: { ip: "10.1.2.255" } }),
        expect: refuse("address.ip", "10.1.2.255"),
        source: SRC.reserved,
    },
    {
        id: "ip-5",
        title: "an address outside the subnet",
        args: internal({ address: { ip: "10.9.9.9" } }),
        expect: refuse("address.ip", "10.9.9.9"),
        source: "Compute API Address.address (an internal address must be in the subnet's range)",
    },
    {
        id: "ip-6",
        title: "an address with an octet over 255",
        args: internal({ address: { ip: "10.1.2.300" } }),
        expect: refuse("address.ip", "10.1.2.300"),
        source: "Compute API Address.address",
    },
    {
        id: "ip-7",
        title: "IPv6 on regional external",
        args: regionalExternal({ ipv6: true }),
        expect: "accept",
        source: SRC.ipv6Regional,
    },
    {
        id: "ip-8",
        title: "an existing address given as a literal IP",
        args: global({ address: { existing: "203.0.113.5" } }),
        expect: "accept",
        source: "Compute API ForwardingRule.IPAddress (an IP address or a reference)",
    },

    // ---------------------------------------------------------------- internet and hybrid NEG endpoints
    {
        id: "neg-1",
        title: "an RFC 1918 address as an internet endpoint",
        args: internet({ ipAddress: "10.0.0.1" }),
        expect: refuse("backends.partner.internet.ipAddress", "10.0.0.1"),
        source: SRC.internetNeg,
    },
    {
        id: "neg-2",
        title: "a public IP internet endpoint",
        args: internet({ ipAddress: "203.0.113.7" }),
        expect: "accept",
        source: SRC.internetNeg,
    },
    {
        id: "neg-3",
        title: "a URL as the FQDN",
        args: internet({ fqdn: "https://legacy.example.com" }),
        expect: refuse("backends.partner.internet.fqdn", "https://legacy.example.com"),
        source: SRC.internetNeg,
    },
    {
        id: "neg-4",
        title: "an internet endpoint on port 0",
        args: internet({ fqdn: "legacy.example.com", port: 0 }),
        expect: refuse("backends.partner.internet.port"),
        source: SRC.internetNeg,
    },
    {
        id: "neg-5",
        title: "257 endpoints in a regional internet NEG",
        args: internet(
            { endpoints: Array.from({ length: 257 }, (_, i) => ({ fqdn: `e${i}.partner.example` })) },
            regionalExternal,
        ),
        expect: refuse("backends.partner.internet.endpoints"),
        source: SRC.internetNeg,
    },
    {
        id: "neg-6",
        title: "two endpoints in a global internet NEG",
        args: internet({ endpoints: [{ fqdn: "a.partner.example" }, { fqdn: "b.partner.example" }] }),
        expect: refuse("backends.partner.internet.endpoints"),
        source: SRC.internetNeg,
    },
    {
        id: "neg-7",
        title: "shared address space (not public) as an internet endpoint",
        args: internet({ ipAddress: "100.64.0.1" }),
        expect: refuse("backends.partner.internet.ipAddress", "100.64.0.1"),
        source: SRC.internetNeg,
        gap: "unconfirmed which non-RFC 1918 special-purpose ranges (100.64.0.0/10, documentation ranges such as 203.0.113.0/24) the Compute API refuses for INTERNET_IP_PORT; the package refuses RFC 1918 addresses only",
    },
    {
        id: "neg-8",
        title: "a region as a hybrid NEG's zone",
        args: hybrid({ zone: "europe-west1", endpoints: [{ ipAddress: "192.168.10.21" }] }),
        expect: refuse("backends.legacy.hybrid.zone", "europe-west1"),
        source: SRC.hybridNeg,
    },
    {
        id: "neg-9",
        title: "a hybrid NEG in another region than a regional load balancer",
        args: hybrid({ zone: "us-central1-a", endpoints: [{ ipAddress: "192.168.10.21" }] }),
        expect: refuse("backends.legacy.hybrid.zone"),
        source: SRC.hybridNeg,
    },
    {
        id: "neg-10",
        title: "a hybrid endpoint address with an octet over 255",
        args: hybrid({ endpoints: [{ ipAddress: "192.168.10.300" }] }),
        expect: refuse("backends.legacy.hybrid.endpoints[0].ipAddress", "192.168.10.300"),
        source: SRC.hybridNeg,
    },
    {
        id: "neg-11",
        title: "a hybrid endpoint without a port and no default port",
        args: hybrid({ defaultPort: undefined, endpoints: [{ ipAddress: "192.168.10.21" }] }),
        expect: refuse("backends.legacy.hybrid.endpoints[0].port"),
        source: SRC.hybridNeg,
    },
    {
        id: "neg-12",
        title: "a health check timeout above its interval",
        args: hybrid({
            endpoints: [{ ipAddress: "192.168.10.21" }],
            healthCheck: { checkIntervalSec: 5, timeoutSec: 10 },
        }),
        expect: refuse("backends.legacy.hybrid.healthCheck.timeoutSec"),
        source: SRC.healthChecks,
    },
    {
        id: "neg-13",
        title: "a hybrid endpoint in shared address space",
        args: hybrid({ endpoints: [{ ipAddress: "100.64.1.10" }] }),
        expect: "accept",
        source: SRC.hybridNeg,
    },

    // ---------------------------------------------------------------- Cloud Run names and tags
    {
        id: "run-1",
        title: "a service name with an uppercase letter",
        args: cloudRun({ service: "Orders" }),
        expect: refuse("backends.web.cloudRun.service", "Orders"),
        source: SRC.cloudRunNeg,
    },
    {
        id: "run-2",
        title: "a service name ending with a hyphen",
        args: cloudRun({ service: "orders-" }),
        expect: refuse("backends.web.cloudRun.service", "orders-"),
        source: SRC.cloudRunNeg,
    },
    {
        id: "run-3",
        title: "a service name starting with a digit",
        args: cloudRun({ service: "1orders" }),
        expect: refuse("backends.web.cloudRun.service", "1orders"),
        source: SRC.cloudRunNeg,
    },
    {
        id: "run-4",
        title: "a 63-character service name",
        args: cloudRun({ service: `s${long(62, "x")}` }),
        expect: "accept",
        source: SRC.cloudRunNeg,
    },
    {
        id: "run-5",
        title: "a 64-character service name",
        args: cloudRun({ service: `s${long(63, "x")}` }),
        expect: refuse("backends.web.cloudRun.service"),
        source: SRC.cloudRunNeg,
    },
    { id: "run-6", title: "a tag", args: cloudRun({ tag: "canary" }), expect: "accept", source: SRC.cloudRunNeg },
    {
        id: "run-7",
        title: "a tag with a dot",
        args: cloudRun({ tag: "v1.2" }),
        expect: exact(
            "cloud-run-names",
            "backends.web.cloudRun.tag",
            '"v1.2" is not a valid Cloud Run traffic tag: it must be 1–63 lowercase letters, digits or hyphens, start with a letter and not end with a hyphen',
            "use the traffic tag exactly as Cloud Run shows it (lowercase, digits, hyphens)",
            "v1.2",
        ),
        source: SRC.cloudRunNeg,
    },
    {
        id: "run-8",
        title: "a tag with an uppercase letter",
        args: cloudRun({ tag: "Canary" }),
        expect: exact(
            "cloud-run-names",
            "backends.web.cloudRun.tag",
            '"Canary" is not a valid Cloud Run traffic tag: it must be 1–63 lowercase letters, digits or hyphens, start with a letter and not end with a hyphen',
            "use the traffic tag exactly as Cloud Run shows it (lowercase, digits, hyphens)",
            "Canary",
        ),
        source: SRC.cloudRunNeg,
    },

    // ---------------------------------------------------------------- regions and zones
    {
        id: "region-1",
        title: "a region opened in 2025 (europe-north2)",
        args: internal({ region: "europe-north2" }),
        expect: "accept",
        source: SRC.regions,
    },
    {
        id: "region-2",
        title: "northamerica-south1",
        args: regionalExternal({ region: "northamerica-south1" }),
        expect: "accept",
        source: SRC.regions,
    },
    {
        id: "region-3",
        title: "a region without its number",
        args: internal({ region: "europe-west" }),
        expect: refuse("region", "europe-west"),
        source: SRC.regions,
    },
    {
        id: "region-4",
        title: "a region in capitals",
        args: internal({ region: "Europe-West1" }),
        expect: refuse("region", "Europe-West1"),
        source: SRC.regions,
    },
    {
        id: "region-5",
        title: "a multi-region as a region",
        args: internal({ region: "EU" }),
        expect: refuse("region", "EU"),
        source: SRC.regions,
    },
    {
        id: "region-6",
        title: "a zone as a Cloud Run region",
        args: global({ backends: { web: { cloudRun: { service: "web", region: "us-central1-a" } } } }),
        expect: refuse("backends.web.cloudRun.region", "us-central1-a"),
        source: SRC.regions,
    },
    {
        id: "region-7",
        title: "zone f of us-central1 for a hybrid NEG",
        args: hybrid({ zone: "us-central1-f", endpoints: [{ ipAddress: "192.168.10.21" }] }, (over) =>
            internal({ ...over, region: US }),
        ),
        expect: "accept",
        source: SRC.regions,
    },

    // ---------------------------------------------------------------- valid but unusual (second batch)
    {
        id: "odd-1",
        title: "a 40-character name prefix",
        args: internal({ namePrefix: `o${long(39, "x")}` }),
        expect: "accept",
        source: SRC.names,
    },
    {
        id: "odd-2",
        title: "a 63-character label key and value",
        args: internal({ labels: { [`k${long(62)}`]: long(63, "v") } }),
        expect: "accept",
        source: SRC.labels,
    },
    {
        id: "odd-3",
        title: "a bucket name starting with a digit",
        args: bucket({ create: { location: "EU", publicRead: true, name: "1st-assets" } }),
        expect: "accept",
        source: SRC.buckets,
    },
    {
        id: "odd-4",
        title: "a short dotted bucket name",
        args: bucket({ create: { location: "EU", publicRead: true, name: "a.b" } }),
        expect: "accept",
        source: SRC.buckets,
    },
    {
        id: "odd-5",
        title: "an internationalized DNS name in punycode",
        args: global({ dns: { zone: "example-com", names: ["xn--bcher-kva.example"] } }),
        expect: "accept",
        source: SRC.dnsNames,
    },
    { id: "odd-6", title: "HTTP on port 1", args: internal({ httpPort: 1 }), expect: "accept", source: SRC.ports },
    {
        id: "odd-7",
        title: "africa-south1 and me-central2",
        args: {
            scheme: "cross-region-internal",
            regions: ["africa-south1", "me-central2"],
            backends: { web: { cloudRun: { service: "web", regions: ["africa-south1", "me-central2"] } } },
        },
        expect: "accept",
        source: SRC.regions,
    },
    {
        id: "odd-8",
        title: "a CORS max age of 0",
        args: routed([{ paths: ["/api/*"], backend: "api", cors: { allowOrigins: ["*"], maxAgeSeconds: 0 } }]),
        expect: "accept",
        source: SRC.cors,
    },
    {
        id: "odd-9",
        title: "a half-second fault delay and a quarter-second per-try timeout",
        args: routed([
            {
                paths: ["/api/*"],
                backend: "api",
                faultInjection: { delay: { seconds: 0.5, percentage: 1 } },
                retry: { attempts: 1, perTryTimeoutSeconds: 0.25 },
            },
        ]),
        expect: "accept",
        source: `${SRC.fault}; ${SRC.retry}`,
    },
    {
        id: "odd-10",
        title: "a header name with an underscore (an RFC 7230 token)",
        args: global({ requestHeaders: { add: [{ name: "x_custom", value: "1" }] } }),
        expect: "accept",
        source: SRC.headersUrlMap,
    },
    {
        id: "odd-11",
        title: "a backend service header with two variables and a space after the colon",
        args: webBackend({ customRequestHeaders: ["X-Client-Geo: {client_region},{client_city}"] }),
        expect: "accept",
        source: SRC.headersGlobal,
    },
    {
        id: "odd-12",
        title: "Cloud Armor expressions from the rules language reference",
        args: armor({
            rules: [
                { priority: 10, expression: "request.headers['cookie'].contains('80=BLAH')" },
                {
                    priority: 11,
                    expression:
                        "has(request.headers['user-agent']) && request.headers['user-agent'].contains('Godzilla')",
                },
                { priority: 12, expression: "request.path.matches('/bad_path/') && request.method == 'POST'" },
                { priority: 13, expression: "origin.asn == 64512 || origin.region_code == 'AU'" },
                { priority: 14, expression: "request.headers['x-forwarded-for'].lower().contains('10.')" },
                { priority: 15, expression: "evaluateThreatIntelligence('iplist-known-malicious-ips')" },
            ],
        }),
        expect: "accept",
        source: SRC.armorLanguage,
    },
    {
        id: "odd-13",
        title: "a path with percent-encoded characters",
        args: routed([{ paths: ["/caf%C3%A9/*"], backend: "api" }]),
        expect: "accept",
        source: SRC.paths,
    },
    {
        id: "odd-14",
        title: "a wildcard host and a bare *",
        args: routed([{ hosts: ["*.example.com", "*"], backend: "api" }]),
        expect: "accept",
        source: SRC.hosts,
        warning: {
            rule: "route-hosts-any",
            field: "routes[0].hosts",
            message:
                'lists "*" with 1 other host(s); "*" matches every host, so the route serves all of them and any other host',
            fix: 'keep only "*" to match every host, or drop "*" to match only the hosts listed',
            severity: "warning",
        },
    },
    {
        id: "odd-15",
        title: "a Cloud Armor range of one address without a prefix length",
        args: armor({ denyIpRanges: ["198.51.100.7", "2001:db8::1"] }),
        expect: "accept",
        source: SRC.armorIpv6,
    },
    {
        id: "odd-16",
        title: "a hybrid endpoint in a privately used public range",
        args: hybrid({ endpoints: [{ ipAddress: "11.0.0.5" }] }),
        expect: "accept",
        source: SRC.hybridNeg,
    },

    // ---------------------------------------------------------------- wrong JavaScript types
    {
        id: "type-1",
        title: 'redirectHttp: "false"',
        args: wrong({ ...global(), https: { ...HTTPS, redirectHttp: "false" } }),
        expect: refuse("https.redirectHttp"),
        source: SRC.shape,
    },
    {
        id: "type-2",
        title: "backends as a list",
        args: wrong({ scheme: "global-external", backends: [{ cloudRun: { service: "web", region: EU } }] }),
        expect: refuse("backends"),
        source: SRC.shape,
    },
    {
        id: "type-3",
        title: "routes as an object",
        args: wrong({ ...global(), routes: { paths: ["/api/*"], backend: "web" } }),
        expect: refuse("routes"),
        source: SRC.shape,
    },
    {
        id: "type-4",
        title: "backends: null",
        args: wrong({ scheme: "global-external", backends: null }),
        expect: refuse("backends"),
        source: SRC.shape,
    },
    {
        id: "type-5",
        title: "an unknown backend key",
        args: wrong({
            ...global(),
            backends: { web: { cloudRun: { service: "web", region: EU }, healthcheck: { path: "/" } } },
        }),
        expect: refuse("backends.web.healthcheck"),
        source: SRC.shape,
    },
    {
        id: "type-6",
        title: "a misspelt top-level key",
        args: wrong({ ...internal(), regoin: US }),
        expect: refuse("regoin"),
        source: SRC.shape,
    },
    {
        id: "type-7",
        title: "a number as the scheme",
        args: wrong({ ...global(), scheme: 1 }),
        expect: refuse("scheme"),
        source: SRC.shape,
    },
    {
        id: "type-8",
        title: "labels as a list",
        args: wrong({ ...internal(), labels: ["team"] }),
        expect: refuse("labels"),
        source: SRC.shape,
    },
    {
        id: "type-9",
        title: "a NaN TTL",
        args: wrong({ ...global(), dns: { zone: "example-com", names: ["api.example.com"], ttl: NaN } }),
        expect: refuse("dns.ttl"),
        source: SRC.shape,
    },
    {
        id: "type-10",
        title: "an infinite sample rate",
        args: webBackend({ logging: { sampleRate: Infinity } }),
        expect: refuse("backends.web.logging.sampleRate"),
        source: SRC.shape,
    },
    {
        id: "type-11",
        title: 'cdn: "true"',
        args: webBackend({ cdn: "true" }),
        expect: refuse("backends.web.cdn"),
        source: SRC.shape,
    },
    {
        id: "type-12",
        title: "route paths as a string",
        args: routed([{ paths: "/api/*", backend: "api" }]),
        expect: refuse("routes[0].paths"),
        source: SRC.shape,
    },
    {
        id: "type-13",
        title: "IAP members as a string",
        args: webBackend({ iap: { enabled: true, members: "user:alice@example.com" } }, { https: HTTPS }),
        expect: refuse("backends.web.iap.members"),
        source: SRC.shape,
    },
    {
        id: "type-14",
        title: 'a weight written "50"',
        args: routed([
            {
                paths: ["/api/*"],
                split: [
                    { backend: "web", weight: "50" },
                    { backend: "api", weight: 50 },
                ],
            },
        ]),
        expect: refuse("routes[0].split[0].weight"),
        source: SRC.shape,
    },
    {
        id: "type-15",
        title: 'a port written "8080"',
        args: wrong({ ...internal(), httpPort: "8080" }),
        expect: refuse("httpPort"),
        source: SRC.shape,
    },
    {
        id: "type-16",
        title: 'a rate limit count written "100"',
        args: armor({ rateLimit: { count: "100" } }),
        expect: refuse("backends.web.securityPolicy.create.rateLimit.count"),
        source: SRC.shape,
    },
    {
        id: "type-17",
        title: 'a sample rate written "0.5"',
        args: webBackend({ logging: { sampleRate: "0.5" } }),
        expect: refuse("backends.web.logging.sampleRate"),
        source: SRC.shape,
    },
    {
        id: "type-18",
        title: "ipv6: null",
        args: wrong({ ...global(), ipv6: null }),
        expect: refuse("ipv6"),
        source: SRC.shape,
    },
];

/** The errors (not warnings) a configuration has. */
function errors(found: readonly Problem[]): Problem[] {
    return found.filter((p) => p.severity !== "warning");
}

describe("catalogue: inputs from GCP's documentation, planned under mocks", () => {
    let recorder: Recorder;
    before(() => {
        recorder = installMocks();
    });
    /** The resources of one case's load balancer, of one type. */
    const planned = (id: string, type: string) => recorder.byType(type).filter((r) => r.name.startsWith(`cat-${id}-`));

    it("has unique case ids, and a source for every case", () => {
        const ids = cases.map((c) => c.id);
        assert.deepStrictEqual(
            ids.filter((id, i) => ids.indexOf(id) !== i),
            [],
        );
        assert.deepStrictEqual(
            cases.filter((c) => !c.source).map((c) => c.id),
            [],
        );
    });

    for (const c of cases) {
        const run = c.gap ? it.skip : it;
        run(
            `${c.id}: ${c.title} — ${c.expect === "accept" ? "accepted" : `refused at ${c.expect.field}`} (${c.source})`,
            async () => {
                const found = validateLoadBalancerArgs(c.args);
                let thrown: unknown;
                try {
                    new ApplicationLoadBalancer(`cat-${c.id}`, c.args);
                } catch (error) {
                    thrown = error;
                }
                if (thrown !== undefined && !ConfigurationError.isInstance(thrown)) {
                    assert.fail(`${c.id} threw ${String((thrown as Error)?.stack ?? thrown)}`);
                }
                if (c.expect === "accept") {
                    assert.deepStrictEqual(found, c.warning ? [c.warning] : [], formatProblems(c.id, found));
                    assert.strictEqual(thrown, undefined);
                    await settle();
                    return;
                }
                const expected = c.expect;
                const refused = errors(found);
                assert.deepStrictEqual(
                    refused.map((p) => p.field),
                    [expected.field],
                    formatProblems(c.id, found),
                );
                assert.ok(ConfigurationError.isInstance(thrown), "the component throws a ConfigurationError");
                assert.deepStrictEqual((thrown as ConfigurationError).problems, refused);
                const [problem] = refused;
                if (expected.rule !== undefined) {
                    assert.deepStrictEqual(problem, {
                        rule: expected.rule,
                        field: expected.field,
                        message: expected.message,
                        fix: expected.fix,
                    });
                }
                if (expected.bad !== undefined) {
                    assert.ok(
                        !problem.fix.includes(JSON.stringify(expected.bad)),
                        `the fix repeats the bad value: ${problem.fix}`,
                    );
                }
            },
        );
    }

    // What the newly accepted inputs become (the cases above planned them).
    it("dns-2: records an absolute name once, with its one trailing dot", () => {
        const records = planned("dns-2", "gcp:dns/recordSet:RecordSet");
        assert.deepStrictEqual(
            records.map((r) => [r.inputs.name, r.inputs.type]),
            [["api.example.com.", "A"]],
        );
    });

    it("cert-8: sends an absolute Google-managed domain as written (GCP takes both forms)", () => {
        const certificates = planned("cert-8", "gcp:compute/managedSslCertificate:ManagedSslCertificate");
        assert.deepStrictEqual(
            certificates.map((c) => c.inputs.managed),
            [{ domains: ["shop.example.com."] }],
        );
    });

    it('retry-1: emits the "internal" retry condition', () => {
        const [map] = planned("retry-1", "gcp:compute/uRLMap:URLMap");
        const [rule] = (map.inputs as any).pathMatchers[0].pathRules;
        assert.deepStrictEqual(rule.routeAction, { retryPolicy: { numRetries: 2, retryConditions: ["internal"] } });
    });

    it("cdn-8: sends the 302 and 307 negative-caching TTLs", () => {
        const [service] = planned("cdn-8", "gcp:compute/backendService:BackendService");
        assert.deepStrictEqual((service.inputs as any).cdnPolicy.negativeCachingPolicies, [
            { code: 302, ttl: 60 },
            { code: 307, ttl: 60 },
        ]);
    });
});

describe("isIpv6 (Cloud Armor IPv6 source ranges)", () => {
    it("takes RFC 4291 text forms and nothing else", () => {
        const valid = [
            "::",
            "::1",
            "2001:db8::1",
            "fe80::1:2:3:4",
            "2001:0db8:0000:0000:0000:ff00:0042:8329",
            "::ffff:192.0.2.1",
            "1:2:3:4:5:6:7::",
        ];
        const invalid = [
            ":1",
            "1:::2",
            "2001:db8::1::2",
            "12345::",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7",
            "g::1",
            "::ffff:300.0.0.1",
            "",
            "1.2.3.4",
        ];
        assert.deepStrictEqual(
            valid.filter((t) => !isIpv6(t)),
            [],
        );
        assert.deepStrictEqual(
            invalid.filter((t) => isIpv6(t)),
            [],
        );
    });
});
