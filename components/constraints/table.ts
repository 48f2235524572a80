/**
 * The GCP field constraint table: one row per field of a GCP resource that this package sets from a
 * user's value — the pulumi-gcp type token(s), the field (Pulumi input path), the Args path(s) that feed
 * it (the provenance messages name), the constraint, and the source it comes from.
 *
 * Data, not code. `checkConstraints` (./check) enforces every row whose constraint is an enum, range,
 * length, format, ordering or count and that no named rule enforces; rows that point to a rule are
 * enforced by that rule in components/rules/ (same constraint, with the context the rule needs). A test
 * (tests/validation/constraint-table.spec.ts) plans every program and a spread of Args under mocks and
 * fails when an emitted user-fed field has no row. docs/validation.md renders the table (`npm run readme`).
 *
 * Paths: `[]` is each element of a list, `*` any map key; a field starting `**.` matches at any depth
 * (URL map actions appear under defaultRouteAction, pathRules[].routeAction and routeRules[].routeAction).
 */
import { COMPUTE_MESSAGES, compute, mm } from "../sources";
import type { FormatName } from "./formats";

export type Constraint =
    | { kind: "enum"; values: readonly string[] }
    | { kind: "range"; min: number; max: number; integer?: boolean; unit?: string }
    | { kind: "length"; min: number; max: number }
    | { kind: "format"; format: FormatName; describe: string }
    /** The value is at most the sibling Args field `other` (both set). */
    | { kind: "atMost"; other: string; describe: string }
    /** A list of at most `max` elements (the whole list feeds one GCP object). */
    | { kind: "count"; max: number; describe: string }
    /** Enforced by a named rule of components/rules (cross-field, scheme or context dependent). */
    | { kind: "rule"; describe: string }
    /** GCP documents no constraint beyond the type the shape check enforces. */
    | { kind: "unconstrained"; reason: string }
    /** The package builds the value from the user's (a name, a link); valid by construction. */
    | { kind: "derived"; how: string };

export interface ConstraintRow {
    /** pulumi-gcp type tokens of the resources that carry the field. */
    resources: readonly string[];
    /** Pulumi input path of the field. */
    field: string;
    /** ApplicationLoadBalancerArgs paths whose values feed the field; named in messages. */
    args: readonly string[];
    constraint: Constraint;
    /** Rule id(s) in components/rules that enforce the row (the generic checker then skips it). */
    rule?: string;
    /** Where the constraint is stated: Google's API reference or docs page, or the provider's field definition. */
    source: string;
    /** The row's values may be Outputs; the same check runs when they resolve (`checkResolved`). */
    atApply?: boolean;
}

export const T = {
    backendService: "gcp:compute/backendService:BackendService",
    regionBackendService: "gcp:compute/regionBackendService:RegionBackendService",
    backendBucket: "gcp:compute/backendBucket:BackendBucket",
    urlMap: "gcp:compute/uRLMap:URLMap",
    regionUrlMap: "gcp:compute/regionUrlMap:RegionUrlMap",
    regionNeg: "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
    globalNeg: "gcp:compute/globalNetworkEndpointGroup:GlobalNetworkEndpointGroup",
    globalEndpoint: "gcp:compute/globalNetworkEndpoint:GlobalNetworkEndpoint",
    zonalNeg: "gcp:compute/networkEndpointGroup:NetworkEndpointGroup",
    zonalEndpoint: "gcp:compute/networkEndpoint:NetworkEndpoint",
    regionHealthCheck: "gcp:compute/regionHealthCheck:RegionHealthCheck",
    forwardingRule: "gcp:compute/forwardingRule:ForwardingRule",
    globalForwardingRule: "gcp:compute/globalForwardingRule:GlobalForwardingRule",
    address: "gcp:compute/address:Address",
    globalAddress: "gcp:compute/globalAddress:GlobalAddress",
    sslPolicy: "gcp:compute/sSLPolicy:SSLPolicy",
    regionSslPolicy: "gcp:compute/regionSslPolicy:RegionSslPolicy",
    sslCertificate: "gcp:compute/sSLCertificate:SSLCertificate",
    regionSslCertificate: "gcp:compute/regionSslCertificate:RegionSslCertificate",
    managedSslCertificate: "gcp:compute/managedSslCertificate:ManagedSslCertificate",
    targetHttpsProxy: "gcp:compute/targetHttpsProxy:TargetHttpsProxy",
    regionTargetHttpsProxy: "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
    subnetwork: "gcp:compute/subnetwork:Subnetwork",
    securityPolicy: "gcp:compute/securityPolicy:SecurityPolicy",
    regionSecurityPolicy: "gcp:compute/regionSecurityPolicy:RegionSecurityPolicy",
    cmCertificate: "gcp:certificatemanager/certificate:Certificate",
    cmDnsAuthorization: "gcp:certificatemanager/dnsAuthorization:DnsAuthorization",
    cmMapEntry: "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry",
    recordSet: "gcp:dns/recordSet:RecordSet",
    bucket: "gcp:storage/bucket:Bucket",
    iapMember: "gcp:iap/webBackendServiceIamMember:WebBackendServiceIamMember",
    iapRegionMember: "gcp:iap/webRegionBackendServiceIamMember:WebRegionBackendServiceIamMember",
    regionBackendServiceMember: "gcp:compute/regionBackendServiceIamMember:RegionBackendServiceIamMember",
    backendServiceMember: "gcp:compute/backendServiceIamMember:BackendServiceIamMember",
    runInvoker: "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
    serviceAttachment: "gcp:compute/serviceAttachment:ServiceAttachment",
    trustConfig: "gcp:certificatemanager/trustConfig:TrustConfig",
    serverTlsPolicy: "gcp:networksecurity/serverTlsPolicy:ServerTlsPolicy",
    authzPolicy: "gcp:networksecurity/authzPolicy:AuthzPolicy",
} as const;

const BACKEND_SERVICES = [T.backendService, T.regionBackendService];
const URL_MAPS = [T.urlMap, T.regionUrlMap];
const SSL_POLICIES = [T.sslPolicy, T.regionSslPolicy];
const FORWARDING_RULES = [T.forwardingRule, T.globalForwardingRule];
const ADDRESSES = [T.address, T.globalAddress];
const HTTPS_PROXIES = [T.targetHttpsProxy, T.regionTargetHttpsProxy];
const SECURITY_POLICIES = [T.securityPolicy, T.regionSecurityPolicy];
const CDN_CARRIERS = [T.backendService, T.backendBucket];

/**
 * The features an SSL policy with profile CUSTOM may list (sslPolicies.listAvailableFeatures).
 * @see https://cloud.google.com/load-balancing/docs/ssl-policies-concepts#defining_an_ssl_policy
 */
export const SSL_CUSTOM_FEATURES = [
    "TLS_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_RSA_WITH_AES_256_GCM_SHA384",
    "TLS_RSA_WITH_AES_128_CBC_SHA",
    "TLS_RSA_WITH_AES_256_CBC_SHA",
    "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
    "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    // TLS 1.3 suites: always on in every profile; accepted in the list so nothing GCP takes is refused.
    "TLS_AES_128_GCM_SHA256",
    "TLS_AES_256_GCM_SHA384",
    "TLS_CHACHA20_POLY1305_SHA256",
] as const;

/** The largest Cloud CDN TTL: 31,622,400 s (one year). */
export const CDN_TTL_MAX = 31_622_400;
const CDN_TTLS = "https://cloud.google.com/cdn/docs/using-ttl-overrides";
const IAM_PRINCIPALS = "https://cloud.google.com/iam/docs/principal-identifiers";
const MTLS_DOC = "https://cloud.google.com/load-balancing/docs/mtls";
const AUTHZ_DOC = "https://cloud.google.com/load-balancing/docs/auth-policy/auth-policy-overview";
const AUTHZ_PROTO =
    "https://github.com/googleapis/googleapis/blob/master/google/cloud/networksecurity/v1/authz_policy.proto";
/** Both lists of `authorization`, each rule's `field` (an Args path pattern). */
const bothLists = (field: string) => [`authorization.deny[].${field}`, `authorization.allow[].${field}`];
const TCP_PORT = { kind: "range", min: 1, max: 65535, integer: true } as const;

const cdn = (field: string, arg: string, constraint: Constraint, source: string, rule?: string): ConstraintRow => ({
    resources: CDN_CARRIERS,
    field: `cdnPolicy.${field}`,
    args: [`backends.*.cdn.${arg}`],
    constraint,
    source,
    ...(rule ? { rule } : {}),
});

export const constraintTable: readonly ConstraintRow[] = [
    // Names and labels
    {
        resources: ["*"],
        field: "name",
        args: [],
        constraint: {
            kind: "derived",
            how: "from the component's name, the backend key and a hash of replacement inputs; naming.ts keeps every name [a-z]([-a-z0-9]*[a-z0-9])? and at most 63 characters",
        },
        source: compute("backendServices", "BackendService.FIELDS.name"),
    },
    {
        resources: [...FORWARDING_RULES, ...ADDRESSES],
        field: "labels.*",
        args: ["labels.*"],
        constraint: {
            kind: "rule",
            describe:
                "at most 64 labels; keys 1–63 lowercase letters, digits, _ or -, starting with a letter; values 0–63 of the same",
        },
        rule: "frontend-labels",
        source: "https://cloud.google.com/compute/docs/labeling-resources#requirements",
    },
    {
        resources: ["*"],
        field: "project",
        args: ["project", "backends.*.project", "dns.project"],
        constraint: {
            kind: "format",
            format: "projectId",
            describe: "a project ID: 6–30 lowercase letters, digits or hyphens",
        },
        source: "https://cloud.google.com/resource-manager/docs/creating-managing-projects#before_you_begin",
        atApply: true,
    },
    {
        resources: [...BACKEND_SERVICES, T.securityPolicy],
        field: "description",
        args: ["backends.*.description"],
        constraint: { kind: "unconstrained", reason: "free text; the Compute API reference states no limit" },
        source: compute("backendServices", "BackendService.FIELDS.description"),
    },
    {
        resources: ["*"],
        field: "region",
        args: ["region", "regions[]", "backends.*.cloudRun.region", "backends.*.cloudRun.regions[]"],
        constraint: { kind: "rule", describe: "a GCP region name (not a zone) the scheme allows" },
        rule: "lb-region, serverless-region, lb-backend-region",
        source: "https://cloud.google.com/compute/docs/regions-zones",
    },
    {
        resources: ["*"],
        field: "location",
        args: ["region", "regions[]", "backends.*.cloudRun.region", "backends.*.cloudRun.regions[]"],
        constraint: { kind: "rule", describe: "a GCP region name (not a zone) the scheme allows" },
        rule: "lb-region, serverless-region, lb-backend-region",
        source: "https://cloud.google.com/compute/docs/regions-zones",
    },
    // CIDRs
    {
        resources: [T.subnetwork],
        field: "ipCidrRange",
        args: [
            "network.create.subnetCidr",
            "network.create.proxyOnlyCidr",
            "network.create.regions.*.subnetCidr",
            "network.create.regions.*.proxyOnlyCidr",
        ],
        constraint: {
            kind: "format",
            format: "subnetRange",
            describe:
                "outside the prohibited ranges 0.0.0.0/8, 127.0.0.0/8, 169.254.0.0/16, 224.0.0.0/4, 255.255.255.255/32, 199.36.153.4/30, 199.36.153.8/30",
        },
        source: "https://cloud.google.com/vpc/docs/subnets#prohibited-ipv4-ranges",
    },
    {
        resources: [T.subnetwork],
        field: "ipCidrRange",
        args: ["network.create.subnetCidr", "network.create.regions.*.subnetCidr"],
        constraint: {
            kind: "rule",
            describe: "an IPv4 CIDR on its boundary, /29 or larger, not overlapping the other ranges",
        },
        rule: "network-cidr-syntax, subnet-size, network-cidr-overlap",
        source: "https://cloud.google.com/vpc/docs/subnets#valid-ranges; https://cloud.google.com/vpc/docs/subnets#ipv4-ranges (primary IPv4 ranges: /29 or larger)",
    },
    {
        resources: [T.subnetwork],
        field: "ipCidrRange",
        args: [
            "network.create.proxyOnlyCidr",
            "network.create.regions.*.proxyOnlyCidr",
            "network.existing.proxyOnlyCidrs.*",
        ],
        constraint: { kind: "rule", describe: "a proxy-only subnet is /26 or larger (/23 recommended)" },
        rule: "proxy-only-subnet-size",
        source: "https://cloud.google.com/load-balancing/docs/proxy-only-subnets#proxy_only_subnet_size",
    },
    // Ports
    {
        resources: FORWARDING_RULES,
        field: "portRange",
        args: ["https.port", "httpPort"],
        constraint: {
            kind: "rule",
            describe: "1–65535; HTTP and HTTPS on distinct ports; HTTPS on 443 when HTTP redirects",
        },
        rule: "frontend-ports, https-redirect",
        source: compute("forwardingRules", "ForwardingRule.FIELDS.port_range"),
    },
    {
        resources: [T.globalNeg, T.zonalNeg, T.regionNeg, T.globalEndpoint, T.zonalEndpoint],
        field: "defaultPort",
        args: ["backends.*.internet.port", "backends.*.hybrid.defaultPort"],
        constraint: TCP_PORT,
        rule: "internet-endpoint, hybrid-endpoints",
        source: compute("networkEndpointGroups", "NetworkEndpointGroup.FIELDS.default_port"),
    },
    {
        resources: [T.globalEndpoint, T.zonalEndpoint, "gcp:compute/regionNetworkEndpoint:RegionNetworkEndpoint"],
        field: "port",
        args: ["backends.*.internet.endpoints[].port", "backends.*.hybrid.endpoints[].port"],
        constraint: TCP_PORT,
        rule: "internet-endpoint, hybrid-endpoints",
        source: compute("networkEndpointGroups/attachNetworkEndpoints", "NetworkEndpoint.FIELDS.port"),
    },
    {
        resources: [T.regionHealthCheck],
        field: "*HealthCheck.port",
        args: ["backends.*.hybrid.healthCheck.port"],
        constraint: TCP_PORT,
        rule: "hybrid-balancing",
        source: compute("regionHealthChecks", "HealthCheck.FIELDS.https_health_check.port"),
    },
    // Health checks
    {
        resources: [T.regionHealthCheck],
        field: "checkIntervalSec",
        args: ["backends.*.hybrid.healthCheck.checkIntervalSec"],
        constraint: { kind: "range", min: 1, max: 300, integer: true, unit: " s" },
        source: mm("compute/RegionHealthCheck.yaml"),
    },
    {
        resources: [T.regionHealthCheck],
        field: "timeoutSec",
        args: ["backends.*.hybrid.healthCheck.timeoutSec"],
        constraint: { kind: "rule", describe: "1–300 s and not greater than checkIntervalSec" },
        rule: "hybrid-balancing",
        source: `${mm("compute/RegionHealthCheck.yaml")}; ${COMPUTE_MESSAGES} (HealthCheck.timeoutSec)`,
    },
    {
        resources: [T.regionHealthCheck],
        field: "*HealthCheck.requestPath",
        args: ["backends.*.hybrid.healthCheck.requestPath"],
        constraint: {
            kind: "unconstrained",
            reason: 'an RFC 3986 path (the API: "Must comply with RFC3986"); default "/"',
        },
        source: `${compute("regionHealthChecks", "HealthCheck.FIELDS.https_health_check.request_path")}; ${COMPUTE_MESSAGES}`,
    },
    {
        resources: [T.regionHealthCheck],
        field: "*HealthCheck.portSpecification",
        args: [],
        constraint: { kind: "derived", how: "USE_SERVING_PORT unless a port is given" },
        source: compute("regionHealthChecks"),
    },
    // Endpoints
    {
        resources: [T.globalEndpoint, T.zonalEndpoint],
        field: "ipAddress",
        args: [
            "backends.*.internet.ipAddress",
            "backends.*.internet.endpoints[].ipAddress",
            "backends.*.hybrid.endpoints[].ipAddress",
        ],
        constraint: {
            kind: "rule",
            describe: "an IPv4 address; public for internet NEGs, RFC 1918 reachable through the VPC for hybrid NEGs",
        },
        rule: "internet-endpoint, hybrid-endpoints",
        source: compute("networkEndpointGroups", "NetworkEndpointGroup.FIELDS.network_endpoint_type"),
    },
    {
        resources: [T.globalEndpoint, "gcp:compute/regionNetworkEndpoint:RegionNetworkEndpoint"],
        field: "fqdn",
        args: ["backends.*.internet.fqdn", "backends.*.internet.endpoints[].fqdn"],
        constraint: { kind: "rule", describe: "a fully qualified domain name, without scheme or path" },
        rule: "internet-endpoint",
        source: compute("networkEndpointGroups/attachNetworkEndpoints", "NetworkEndpoint.FIELDS.fqdn"),
    },
    {
        resources: [T.zonalNeg, T.zonalEndpoint],
        field: "zone",
        args: ["backends.*.hybrid.zone"],
        constraint: { kind: "rule", describe: "a zone (region-letter) in the load balancer's region" },
        rule: "hybrid-zone",
        source: "https://cloud.google.com/compute/docs/regions-zones",
    },
    {
        resources: [T.zonalNeg, T.globalNeg, T.regionNeg],
        field: "networkEndpointType",
        args: ["backends.*.internet.fqdn", "backends.*.internet.ipAddress", "backends.*.internet.endpoints[].*"],
        constraint: {
            kind: "rule",
            describe:
                "an internet NEG kind and scope the scheme supports (global FQDN/IP NEGs on global external and classic, regional FQDN NEGs on regional schemes; schemes.ts)",
        },
        rule: "internet-scheme, internet-neg-scope",
        source: compute("networkEndpointGroups", "NetworkEndpointGroup.FIELDS.network_endpoint_type"),
    },
    // Cloud Run
    {
        resources: [T.regionNeg, T.runInvoker],
        field: "cloudRun.service",
        args: ["backends.*.cloudRun.service"],
        constraint: {
            kind: "format",
            format: "cloudRunServiceName",
            describe: "a service name (RFC 1035 label, 1–63), not a run.app URL or resource path",
        },
        rule: "cloud-run-names",
        source: "https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services#Service",
        atApply: true,
    },
    {
        resources: [T.runInvoker],
        field: "name",
        args: ["backends.*.cloudRun.service"],
        constraint: { kind: "rule", describe: "the Cloud Run service's name (as cloudRun.service)" },
        rule: "cloud-run-names",
        source: "https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services#Service",
    },
    {
        resources: [T.regionNeg],
        field: "cloudRun.tag",
        args: ["backends.*.cloudRun.tag"],
        constraint: { kind: "rule", describe: "an RFC 1035 label, 1–63 characters" },
        rule: "cloud-run-names",
        source: compute("regionNetworkEndpointGroups", "NetworkEndpointGroup.FIELDS.cloud_run.tag"),
    },
    {
        resources: [T.regionNeg],
        field: "cloudRun.urlMask",
        args: ["backends.*.cloudRun.urlMask"],
        constraint: { kind: "rule", describe: "a host and/or path pattern with <service> and optionally <tag>" },
        rule: "url-mask-placeholder, cloud-run-target",
        source: compute("regionNetworkEndpointGroups", "NetworkEndpointGroup.FIELDS.cloud_run.url_mask"),
    },
    // IAM members
    {
        resources: [T.iapMember, T.iapRegionMember],
        field: "member",
        args: ["backends.*.iap.members[]"],
        constraint: {
            kind: "format",
            format: "iamMember",
            describe:
                "user:, group:, serviceAccount:, domain:, principal://, principalSet://, allUsers or allAuthenticatedUsers",
        },
        source: IAM_PRINCIPALS,
    },
    {
        resources: [T.regionBackendServiceMember, T.backendServiceMember],
        field: "member",
        args: ["backends.*.loadBalancerServiceUsers[]"],
        constraint: {
            kind: "format",
            format: "iamMember",
            describe:
                "user:, group:, serviceAccount:, domain:, principal://, principalSet://, allUsers or allAuthenticatedUsers",
        },
        source: IAM_PRINCIPALS,
    },
    // Buckets
    {
        resources: [T.backendBucket],
        field: "bucketName",
        args: ["backends.*.bucket.name"],
        constraint: {
            kind: "format",
            format: "bucketName",
            describe: "3–63 characters (222 with dots, each part ≤ 63) of a–z 0–9 - _ ., no IP address, no goog prefix",
        },
        rule: "bucket-names",
        source: "https://cloud.google.com/storage/docs/buckets#naming",
        atApply: true,
    },
    {
        resources: [T.bucket, T.backendBucket],
        field: "name",
        args: ["backends.*.bucket.create.name"],
        constraint: {
            kind: "format",
            format: "bucketName",
            describe: "3–63 characters (222 with dots, each part ≤ 63) of a–z 0–9 - _ ., no IP address, no goog prefix",
        },
        rule: "bucket-names",
        source: "https://cloud.google.com/storage/docs/buckets#naming",
    },
    {
        resources: [T.bucket],
        field: "location",
        args: ["backends.*.bucket.create.location"],
        constraint: { kind: "rule", describe: "a multi-region, dual-region or region; never a zone" },
        rule: "bucket-names",
        source: "https://cloud.google.com/storage/docs/locations",
    },
    {
        resources: [T.bucket],
        field: "website.*",
        args: ["backends.*.bucket.create.website.mainPageSuffix", "backends.*.bucket.create.website.notFoundPage"],
        constraint: { kind: "length", min: 1, max: 1024 },
        source: "https://cloud.google.com/storage/docs/objects#naming",
    },
    {
        resources: ["gcp:storage/bucketIAMMember:BucketIAMMember"],
        field: "bucket",
        args: ["backends.*.bucket.create.name"],
        constraint: { kind: "derived", how: "the created bucket's name" },
        source: "https://cloud.google.com/storage/docs/buckets#naming",
    },
    // DNS
    {
        resources: [T.recordSet],
        field: "managedZone",
        args: ["dns.zone", "dns.authorizationZone"],
        constraint: {
            kind: "format",
            format: "managedZoneName",
            describe: "a managed zone's name (1–63 of a–z 0–9 -, starting with a letter), not its DNS name",
        },
        source: "https://cloud.google.com/dns/docs/reference/rest/v1/managedZones#ManagedZone.FIELDS.name",
        atApply: true,
    },
    {
        resources: [T.recordSet],
        field: "name",
        args: ["dns.names[]"],
        constraint: {
            kind: "rule",
            describe: "fully qualified names (a leading *. allowed; a trailing dot allowed, added when missing)",
        },
        rule: "dns-records",
        source: "https://cloud.google.com/dns/docs/records",
    },
    {
        resources: [T.recordSet],
        field: "ttl",
        args: ["dns.ttl"],
        constraint: { kind: "range", min: 0, max: 2_147_483_647, integer: true, unit: " s" },
        rule: "dns-records",
        source: "https://cloud.google.com/dns/docs/reference/rest/v1/resourceRecordSets#ResourceRecordSet.FIELDS.ttl",
    },
    {
        resources: [T.recordSet],
        field: "rrdatas[]",
        args: ["address.ip", "address.ips.*"],
        constraint: {
            kind: "derived",
            how: "the load balancer's own addresses (and the DNS authorization CNAME targets)",
        },
        source: "https://cloud.google.com/dns/docs/records",
    },
    // Certificates
    {
        resources: [T.cmCertificate],
        field: "managed.dnsAuthorizations[]",
        args: [],
        constraint: {
            kind: "derived",
            how: "links to the DNS authorizations and certificates the package creates for https.managedCertificate.domains (names from the domains, hashed)",
        },
        source: mm("certificatemanager/Certificate.yaml"),
    },
    {
        resources: [T.cmMapEntry],
        field: "certificates[]",
        args: [],
        constraint: {
            kind: "derived",
            how: "links to the DNS authorizations and certificates the package creates for https.managedCertificate.domains (names from the domains, hashed)",
        },
        source: mm("certificatemanager/Certificate.yaml"),
    },
    {
        resources: [T.managedSslCertificate],
        field: "managed.domains[]",
        args: ["https.managedDomains[]"],
        constraint: {
            kind: "rule",
            describe:
                "lowercase FQDNs (absolute ones with a trailing dot too), no wildcards, no duplicates, at most 100; the first at most 64 characters",
        },
        rule: "managed-domains",
        source: `${compute("sslCertificates", "SslCertificate.FIELDS.managed.domains")}; ${mm("compute/ManagedSslCertificate.yaml")} (domains: AbsoluteDomainSuppress)`,
    },
    {
        resources: [T.cmCertificate, T.cmDnsAuthorization, T.cmMapEntry],
        field: "managed.domains[]",
        args: ["https.managedCertificate.domains[]"],
        constraint: {
            kind: "rule",
            describe: "FQDNs of at most 253 characters, a wildcard only as *. with DNS authorization, at most 100",
        },
        rule: "managed-certificate",
        source: mm("certificatemanager/Certificate.yaml"),
    },
    {
        resources: [T.cmDnsAuthorization],
        field: "domain",
        args: ["https.managedCertificate.domains[]"],
        constraint: { kind: "rule", describe: "the certificate's domain without its *." },
        rule: "managed-certificate",
        source: mm("certificatemanager/DnsAuthorization.yaml"),
    },
    {
        resources: [T.cmMapEntry],
        field: "hostname",
        args: ["https.managedCertificate.domains[]"],
        constraint: { kind: "rule", describe: "the certificate's domain" },
        rule: "managed-certificate",
        source: mm("certificatemanager/CertificateMapEntry.yaml"),
    },
    {
        resources: [T.cmDnsAuthorization],
        field: "type",
        args: ["https.managedCertificate.dnsAuthorizationType"],
        constraint: { kind: "enum", values: ["FIXED_RECORD", "PER_PROJECT_RECORD"] },
        source: mm("certificatemanager/DnsAuthorization.yaml"),
    },
    {
        resources: [T.cmDnsAuthorization],
        field: "type",
        args: ["https.managedCertificate.dnsAuthorizationType"],
        constraint: { kind: "rule", describe: "regional and internal certificates take PER_PROJECT_RECORD only" },
        rule: "managed-certificate",
        source: "https://cloud.google.com/certificate-manager/docs/dns-authorizations",
    },
    {
        resources: [T.sslCertificate, T.regionSslCertificate],
        field: "certificate",
        args: ["https.certificate.certificate"],
        constraint: { kind: "rule", describe: "PEM; never quoted in a message" },
        rule: "certificate-pem",
        source: compute("sslCertificates", "SslCertificate.FIELDS.certificate"),
    },
    {
        resources: [T.sslCertificate, T.regionSslCertificate],
        field: "privateKey",
        args: ["https.certificate.privateKey"],
        constraint: { kind: "rule", describe: "PEM private key, kept secret; never quoted in a message" },
        rule: "certificate-pem",
        source: compute("sslCertificates", "SslCertificate.FIELDS.private_key"),
    },
    {
        resources: HTTPS_PROXIES,
        field: "sslCertificates[]",
        args: ["https.certificates[]"],
        constraint: { kind: "rule", describe: "sslCertificates links of the load balancer's scope, at most 15" },
        rule: "certificate-links",
        source: compute("targetHttpsProxies", "TargetHttpsProxy.FIELDS.ssl_certificates"),
    },
    {
        resources: HTTPS_PROXIES,
        field: "certificateManagerCertificates[]",
        args: ["https.certificateManagerCertificates[]"],
        constraint: { kind: "rule", describe: "Certificate Manager certificates of the scheme's location and scope" },
        rule: "certificate-manager-scope",
        source: compute("targetHttpsProxies", "TargetHttpsProxy.FIELDS.certificate_manager_certificates"),
    },
    {
        resources: [T.targetHttpsProxy],
        field: "certificateMap",
        args: ["https.certificateMap"],
        constraint: { kind: "rule", describe: "a certificate map, on global external and classic only" },
        rule: "certificate-manager-scope",
        source: compute("targetHttpsProxies", "TargetHttpsProxy.FIELDS.certificate_map"),
    },
    {
        resources: HTTPS_PROXIES,
        field: "quicOverride",
        args: ["https.quic"],
        constraint: { kind: "enum", values: ["NONE", "ENABLE", "DISABLE"] },
        source: compute("targetHttpsProxies", "TargetHttpsProxy.FIELDS.quic_override"),
    },
    {
        resources: HTTPS_PROXIES,
        field: "sslPolicy",
        args: ["https.sslPolicy.existing"],
        constraint: { kind: "rule", describe: "an sslPolicies link of the load balancer's scope" },
        rule: "ssl-policy",
        source: compute("targetHttpsProxies", "TargetHttpsProxy.FIELDS.ssl_policy"),
    },
    // SSL policies
    {
        resources: SSL_POLICIES,
        field: "profile",
        args: ["https.sslPolicy.profile"],
        constraint: { kind: "enum", values: ["COMPATIBLE", "MODERN", "RESTRICTED", "CUSTOM", "FIPS_202205"] },
        source: compute("sslPolicies", "SslPolicy.FIELDS.profile"),
    },
    {
        resources: SSL_POLICIES,
        field: "minTlsVersion",
        args: ["https.sslPolicy.minTlsVersion"],
        constraint: { kind: "enum", values: ["TLS_1_0", "TLS_1_1", "TLS_1_2", "TLS_1_3"] },
        source: compute("sslPolicies", "SslPolicy.FIELDS.min_tls_version"),
    },
    {
        resources: SSL_POLICIES,
        field: "minTlsVersion",
        args: ["https.sslPolicy.minTlsVersion", "https.sslPolicy.profile"],
        constraint: {
            kind: "rule",
            describe: "TLS_1_3 only with profile RESTRICTED; profile FIPS_202205 only with TLS_1_2",
        },
        rule: "ssl-policy",
        source: `${compute("sslPolicies", "SslPolicy.FIELDS.min_tls_version")} ("When set to TLS_1_3, the profile field must be set to RESTRICTED"); ${compute("sslPolicies", "SslPolicy.FIELDS.profile")} ("If using FIPS_202205, the min_tls_version field must be set to TLS_1_2")`,
    },
    {
        resources: SSL_POLICIES,
        field: "customFeatures[]",
        args: ["https.sslPolicy.customFeatures[]"],
        constraint: {
            kind: "enum",
            values: SSL_CUSTOM_FEATURES,
        },
        rule: "ssl-policy",
        source: "https://cloud.google.com/load-balancing/docs/ssl-policies-concepts#defining_an_ssl_policy (sslPolicies.listAvailableFeatures)",
    },
    {
        resources: SSL_POLICIES,
        field: "customFeatures[]",
        args: ["https.sslPolicy.customFeatures[]"],
        constraint: { kind: "rule", describe: "set exactly when the profile is CUSTOM" },
        rule: "ssl-policy",
        source: compute("sslPolicies", "SslPolicy.FIELDS.custom_features"),
    },
    // Frontend
    {
        resources: [...FORWARDING_RULES, ...ADDRESSES],
        field: "networkTier",
        args: ["networkTier"],
        constraint: {
            kind: "rule",
            describe: "PREMIUM or STANDARD; Standard only on regional external (and classic), IPv4 only, one region",
        },
        rule: "frontend-scheme-options, ipv6-premium-tier, lb-multi-region-premium",
        source: "https://cloud.google.com/network-tiers/docs/overview#resources",
    },
    {
        resources: ADDRESSES,
        field: "address",
        args: ["address.ip", "address.ips.*"],
        constraint: { kind: "rule", describe: "an IPv4 address inside the subnet of its region (internal schemes)" },
        rule: "frontend-address, address-in-subnet",
        source: compute("addresses", "Address.FIELDS.address"),
    },
    {
        resources: FORWARDING_RULES,
        field: "ipAddress",
        args: ["address.existing"],
        constraint: { kind: "rule", describe: "an address of the load balancer's scope and region" },
        rule: "address-scope",
        source: compute("forwardingRules", "ForwardingRule.FIELDS.ip_address"),
    },
    {
        resources: [T.globalAddress],
        field: "ipVersion",
        args: [],
        constraint: {
            kind: "derived",
            how: "IPV4, and IPV6 for the ipv6 frontend; each forwarding rule takes the address of its own IP version",
        },
        source: compute("globalAddresses", "Address.FIELDS.ip_version"),
    },
    {
        resources: [T.forwardingRule],
        field: "allowGlobalAccess",
        args: ["allowGlobalAccess"],
        constraint: { kind: "rule", describe: "regional internal only" },
        rule: "frontend-scheme-options",
        source: compute("forwardingRules", "ForwardingRule.FIELDS.allow_global_access"),
    },
    // Backend services
    {
        resources: BACKEND_SERVICES,
        field: "logConfig.sampleRate",
        args: ["backends.*.logging.sampleRate"],
        constraint: { kind: "range", min: 0, max: 1 },
        source: `${compute("backendServices", "BackendServiceLogConfig.FIELDS.sample_rate")}; ${COMPUTE_MESSAGES} (BackendServiceLogConfig.sampleRate: "must be in [0, 1]")`,
    },
    {
        resources: BACKEND_SERVICES,
        field: "logConfig.enable",
        args: ["backends.*.logging.enabled"],
        constraint: { kind: "unconstrained", reason: "a boolean" },
        source: compute("backendServices", "BackendServiceLogConfig.FIELDS.enable"),
    },
    {
        resources: BACKEND_SERVICES,
        field: "protocol",
        args: ["backends.*.internet.protocol", "backends.*.hybrid.protocol"],
        constraint: { kind: "enum", values: ["HTTP", "HTTPS"] },
        source: compute("backendServices", "BackendService.FIELDS.protocol"),
    },
    {
        resources: BACKEND_SERVICES,
        field: "customRequestHeaders[]",
        args: ["backends.*.customRequestHeaders[]"],
        constraint: {
            kind: "rule",
            describe: 'global schemes; "Name:value"; not a reserved header; at most 16',
        },
        rule: "backend-custom-headers",
        source: "https://cloud.google.com/load-balancing/docs/https/custom-headers",
    },
    {
        resources: BACKEND_SERVICES,
        field: "customRequestHeaders[]",
        args: ["backends.*.internet.hostOverride"],
        constraint: { kind: "rule", describe: "a host name, on schemes with custom request headers" },
        rule: "internet-host-override",
        source: "https://cloud.google.com/load-balancing/docs/https/custom-headers",
    },
    {
        resources: BACKEND_SERVICES,
        field: "iap.*",
        args: ["backends.*.iap.enabled", "backends.*.iap.oauth2ClientId", "backends.*.iap.oauth2ClientSecret"],
        constraint: {
            kind: "rule",
            describe: "not with Cloud CDN or outlier detection; client id and secret together",
        },
        rule: "backend-iap",
        source: compute("backendServices", "BackendService.FIELDS.iap"),
    },
    {
        resources: BACKEND_SERVICES,
        field: "securityPolicy",
        args: ["backends.*.securityPolicy.existing"],
        constraint: { kind: "rule", describe: "a securityPolicies link of the scheme's scope" },
        rule: "backend-security-policy",
        source: compute("backendServices/setSecurityPolicy"),
    },
    {
        resources: [T.backendService, T.backendBucket],
        field: "edgeSecurityPolicy",
        args: ["backends.*.edgeSecurityPolicy.existing"],
        constraint: {
            kind: "rule",
            describe:
                "a global securityPolicies link (an edge policy, type CLOUD_ARMOR_EDGE), on global external and classic",
        },
        rule: "backend-edge-security-policy",
        source: `${compute("backendBuckets/setEdgeSecurityPolicy")}; ${compute("backendServices/setEdgeSecurityPolicy")}; https://cloud.google.com/armor/docs/security-policy-overview#edge-policies`,
    },
    {
        resources: BACKEND_SERVICES,
        field: "outlierDetection.*",
        args: ["backends.*.outlierDetection.*"],
        constraint: {
            kind: "rule",
            describe: "ranges per field (e.g. maxEjectionPercent 0–100); not on serverless NEGs",
        },
        rule: "outlier-detection, internet-outlier-detection",
        source: compute("backendServices", "OutlierDetection"),
    },
    {
        resources: [T.regionBackendService],
        field: "backends[].maxRatePerEndpoint",
        args: ["backends.*.hybrid.maxRatePerEndpoint"],
        constraint: { kind: "rule", describe: "a positive rate (RATE balancing mode of hybrid NEGs)" },
        rule: "hybrid-balancing",
        source: compute("regionBackendServices", "Backend.FIELDS.max_rate_per_endpoint"),
    },
    // Cloud CDN
    cdn(
        "cacheMode",
        "cacheMode",
        { kind: "enum", values: ["CACHE_ALL_STATIC", "USE_ORIGIN_HEADERS", "FORCE_CACHE_ALL"] },
        compute("backendServices", "BackendServiceCdnPolicy.FIELDS.cache_mode"),
    ),
    cdn("defaultTtl", "defaultTtl", { kind: "range", min: 0, max: CDN_TTL_MAX, integer: true, unit: " s" }, CDN_TTLS),
    cdn("maxTtl", "maxTtl", { kind: "range", min: 0, max: CDN_TTL_MAX, integer: true, unit: " s" }, CDN_TTLS),
    cdn("clientTtl", "clientTtl", { kind: "range", min: 0, max: CDN_TTL_MAX, integer: true, unit: " s" }, CDN_TTLS),
    cdn("defaultTtl", "defaultTtl", { kind: "atMost", other: "maxTtl", describe: "defaultTtl ≤ maxTtl" }, CDN_TTLS),
    cdn("clientTtl", "clientTtl", { kind: "atMost", other: "maxTtl", describe: "clientTtl ≤ maxTtl" }, CDN_TTLS),
    cdn(
        "defaultTtl",
        "defaultTtl",
        { kind: "rule", describe: "not with USE_ORIGIN_HEADERS" },
        `${CDN_TTLS}; API error "default_ttl cannot be specified with USE_ORIGIN_HEADERS cache_mode" (hashicorp/terraform-provider-google#18860)`,
        "backend-cdn",
    ),
    cdn(
        "maxTtl",
        "maxTtl",
        { kind: "rule", describe: "only with CACHE_ALL_STATIC" },
        `${CDN_TTLS} (max TTL: used when cache mode = CACHE_ALL_STATIC); API error "max_ttl must be specified with CACHE_ALL_STATIC cache_mode only" (hashicorp/terraform-provider-google#16935)`,
        "backend-cdn",
    ),
    cdn(
        "clientTtl",
        "clientTtl",
        { kind: "rule", describe: "not with USE_ORIGIN_HEADERS" },
        `${CDN_TTLS} (client TTL: used with FORCE_CACHE_ALL and CACHE_ALL_STATIC)`,
        "backend-cdn",
    ),
    cdn(
        "negativeCaching",
        "negativeCaching",
        { kind: "unconstrained", reason: "a boolean" },
        compute("backendServices", "BackendServiceCdnPolicy.FIELDS.negative_caching"),
    ),
    cdn(
        "negativeCachingPolicies[].*",
        "negativeCachingTtls[].*",
        {
            kind: "rule",
            describe: "codes 300, 301, 302, 307, 308, 404, 405, 410, 421, 451, 501, each once; TTL ≤ 1800 s",
        },
        compute("backendServices", "BackendServiceCdnPolicy.FIELDS.negative_caching_policy"),
        "backend-cdn-policy",
    ),
    cdn(
        "signedUrlCacheMaxAgeSec",
        "signedUrlCacheMaxAgeSeconds",
        { kind: "range", min: 0, max: CDN_TTL_MAX, integer: true, unit: " s" },
        compute("backendServices", "BackendServiceCdnPolicy.FIELDS.signed_url_cache_max_age_sec"),
    ),
    cdn(
        "cacheKeyPolicy.*",
        "cacheKey.*",
        { kind: "unconstrained", reason: "query parameter and header names; GCP documents no format beyond HTTP's" },
        compute("backendServices", "CacheKeyPolicy"),
    ),
    {
        resources: CDN_CARRIERS,
        field: "enableCdn",
        args: ["backends.*.cdn.enabled"],
        constraint: { kind: "rule", describe: "global external and classic only" },
        rule: "backend-cdn",
        source: "https://cloud.google.com/cdn/docs/overview",
    },
    {
        resources: [
            "gcp:compute/backendServiceSignedUrlKey:BackendServiceSignedUrlKey",
            "gcp:compute/backendBucketSignedUrlKey:BackendBucketSignedUrlKey",
        ],
        field: "*",
        args: ["backends.*.cdn.signedUrlKeys[].name", "backends.*.cdn.signedUrlKeys[].value"],
        constraint: { kind: "rule", describe: "GCP names, each once; 128-bit base64url keys (never quoted)" },
        rule: "backend-cdn-policy",
        source: compute("backendServices/addSignedUrlKey"),
    },
    // Cloud Armor
    {
        resources: SECURITY_POLICIES,
        field: "rules[].match.expr.expression",
        args: ["backends.*.securityPolicy.create.allowIpRanges", "backends.*.edgeSecurityPolicy.create.allowIpRanges"],
        constraint: {
            kind: "count",
            max: 5,
            describe: "the allow list becomes one expression of inIpRange() sub-expressions: at most 5",
        },
        source: "https://cloud.google.com/armor/docs/rules-language-reference (an expression has up to five subexpressions)",
    },
    {
        resources: SECURITY_POLICIES,
        field: "rules[].match.config.srcIpRanges[]",
        args: ["backends.*.securityPolicy.create.denyIpRanges", "backends.*.edgeSecurityPolicy.create.denyIpRanges"],
        constraint: { kind: "count", max: 10, describe: "a basic match condition holds at most 10 IP ranges" },
        source: "https://cloud.google.com/armor/quotas#limits (IP addresses or ranges per rule: 10)",
    },
    {
        resources: SECURITY_POLICIES,
        field: "rules[].match.*",
        args: [
            "backends.*.securityPolicy.create.allowIpRanges[]",
            "backends.*.securityPolicy.create.denyIpRanges[]",
            "backends.*.securityPolicy.create.preconfiguredWaf[]",
            "backends.*.edgeSecurityPolicy.create.allowIpRanges[]",
            "backends.*.edgeSecurityPolicy.create.denyIpRanges[]",
        ],
        constraint: {
            kind: "rule",
            describe: "IP addresses or CIDRs; preconfigured WAF rule set names (backend policies only)",
        },
        rule: "backend-security-policy, backend-edge-security-policy",
        source: "https://cloud.google.com/armor/docs/waf-rules",
    },
    {
        resources: SECURITY_POLICIES,
        field: "rules[].match.expr.expression",
        args: [
            "backends.*.securityPolicy.create.rules[].expression",
            "backends.*.securityPolicy.create.geo.allow[]",
            "backends.*.securityPolicy.create.geo.deny[]",
            "backends.*.securityPolicy.create.rateLimits[].paths[]",
            "backends.*.edgeSecurityPolicy.create.rules[].expression",
            "backends.*.edgeSecurityPolicy.create.geo.allow[]",
            "backends.*.edgeSecurityPolicy.create.geo.deny[]",
        ],
        constraint: {
            kind: "rule",
            describe:
                "custom rules language: at most 2048 characters and 5 sub-expressions, closed quotes, balanced brackets, known attributes (in edge policies origin.ip and origin.region_code only); region codes of two uppercase letters; path prefixes starting with /",
        },
        rule: "backend-security-policy, backend-edge-security-policy",
        source: "https://cloud.google.com/armor/docs/rules-language-reference (up to five subexpressions; attributes edge policies support); https://cloud.google.com/armor/docs/security-policy-overview (edge policies: HTTP filtering and client ASN Media CDN only); https://cloud.google.com/armor/quotas (expression length)",
    },
    {
        resources: SECURITY_POLICIES,
        field: "rules[].priority",
        args: [
            "backends.*.securityPolicy.create.rules[].priority",
            "backends.*.edgeSecurityPolicy.create.rules[].priority",
        ],
        constraint: {
            kind: "rule",
            describe:
                "0 to 2147483646 (2147483647 is the default rule's), unique in the policy, none of the policy's own rules",
        },
        rule: "backend-security-policy, backend-edge-security-policy",
        source: `${compute("securityPolicies", "SecurityPolicyRule")} (priority: between 0 and 2147483647, the lowest)`,
    },
    {
        resources: SECURITY_POLICIES,
        field: "rules[].action",
        args: [
            "backends.*.securityPolicy.create.rules[].action",
            "backends.*.edgeSecurityPolicy.create.rules[].action",
        ],
        constraint: {
            kind: "rule",
            describe:
                "allow, deny(403), deny(404), deny(502) or redirect (global backend policies only; not in edge policies)",
        },
        rule: "backend-security-policy, backend-edge-security-policy",
        source: compute("securityPolicies", "SecurityPolicyRule"),
    },
    {
        resources: [T.securityPolicy],
        field: "rules[].redirectOptions.*",
        args: [
            "backends.*.securityPolicy.create.rules[].redirect.type",
            "backends.*.securityPolicy.create.rules[].redirect.target",
        ],
        constraint: {
            kind: "rule",
            describe:
                "with action redirect only; GOOGLE_RECAPTCHA (no target) or EXTERNAL_302 with an absolute http(s) URL target; global backend policies only",
        },
        rule: "backend-security-policy",
        source: `${compute("securityPolicies", "SecurityPolicyRuleRedirectOptions")} (target 'required if the type is EXTERNAL_302 and cannot be specified for GOOGLE_RECAPTCHA'; redirectOptions 'only supported in Global Security Policies of type CLOUD_ARMOR'); gcloud --redirect-target 'URL target for the redirect action' (an absolute URL: relative ones UNCONFIRMED, refused to be safe)`,
    },
    {
        resources: SECURITY_POLICIES,
        field: "rules[].description",
        args: [
            "backends.*.securityPolicy.create.rules[].description",
            "backends.*.edgeSecurityPolicy.create.rules[].description",
        ],
        constraint: { kind: "rule", describe: "at most 64 characters" },
        rule: "backend-security-policy, backend-edge-security-policy",
        source: "https://github.com/pulumi/pulumi-gcp/blob/master/sdk/nodejs/types/input.ts (SecurityPolicyRule.description: Max size is 64)",
    },
    {
        resources: SECURITY_POLICIES,
        field: "rules[].rateLimitOptions.*",
        args: [
            "backends.*.securityPolicy.create.rateLimit.*",
            "backends.*.securityPolicy.create.rateLimits[].*",
            "backends.*.edgeSecurityPolicy.create.rateLimit.*",
        ],
        constraint: {
            kind: "rule",
            describe:
                "a count from 1 to 1,000,000; interval 10, 30, 60, 120, 180, 240, 300, 600, 900, 1200, 1800, 2700 or 3600 s; per-path limits in backend policies only",
        },
        rule: "backend-security-policy, backend-edge-security-policy",
        source: `${compute("securityPolicies", "SecurityPolicyRuleRateLimitOptions")}; https://cloud.google.com/armor/docs/rate-limiting-overview (rate_limit_threshold_count: minimum 1, maximum 1,000,000)`,
    },
    {
        resources: SECURITY_POLICIES,
        field: "adaptiveProtectionConfig.*",
        args: [
            "backends.*.securityPolicy.create.adaptiveProtection",
            "backends.*.edgeSecurityPolicy.create.adaptiveProtection",
        ],
        constraint: { kind: "rule", describe: "global backend policies only (not edge policies)" },
        rule: "backend-security-policy, backend-edge-security-policy",
        source: "https://cloud.google.com/armor/docs/adaptive-protection-overview",
    },
    // URL maps
    {
        resources: URL_MAPS,
        field: "hostRules[].hosts[]",
        args: ["routes[].hosts[]"],
        constraint: {
            kind: "rule",
            describe: "host names or *-wildcards, lowercase, no IP addresses; host:port off classic",
        },
        rule: "route-hosts",
        source: compute("urlMaps", "HostRule.FIELDS.hosts"),
    },
    {
        resources: URL_MAPS,
        field: "**.paths[]",
        args: ["routes[].paths[]"],
        constraint: { kind: "rule", describe: 'start with "/", at most 1024 characters, * only at the end after "/"' },
        rule: "route-paths",
        source: compute("urlMaps", "PathRule.FIELDS.paths"),
    },
    {
        resources: URL_MAPS,
        field: "**.matchRules[].*",
        args: [
            "routes[].paths[]",
            "routes[].pathTemplate",
            "routes[].regex",
            "routes[].ignoreCase",
            "routes[].headers[].*",
            "routes[].queryParameters[].*",
        ],
        constraint: {
            kind: "rule",
            describe: "prefix/full/template/regex matches, header and query matches GCP accepts",
        },
        rule: "route-paths, route-path-template, route-regex, route-matches",
        source: compute("urlMaps", "HttpRouteRuleMatch"),
    },
    {
        resources: URL_MAPS,
        field: "**.weightedBackendServices[].weight",
        args: ["routes[].split[].weight"],
        constraint: { kind: "rule", describe: "whole numbers 0–1000, not all zero" },
        rule: "route-split-weights",
        source: compute("urlMaps", "WeightedBackendService.FIELDS.weight"),
    },
    {
        resources: URL_MAPS,
        field: "**.*rlRedirect.hostRedirect",
        args: ["routes[].redirect.host"],
        constraint: { kind: "length", min: 1, max: 255 },
        source: `${compute("urlMaps", "HttpRedirectAction.FIELDS.host_redirect")}; ${COMPUTE_MESSAGES} (HttpRedirectAction.hostRedirect: "from 1 to 255 characters")`,
    },
    {
        resources: URL_MAPS,
        field: "**.*rlRedirect.pathRedirect",
        args: ["routes[].redirect.path"],
        constraint: { kind: "length", min: 1, max: 1024 },
        source: `${compute("urlMaps", "HttpRedirectAction.FIELDS.path_redirect")}; ${COMPUTE_MESSAGES} (HttpRedirectAction.pathRedirect: "from 1 to 1024 characters")`,
    },
    {
        resources: URL_MAPS,
        field: "**.*rlRedirect.prefixRedirect",
        args: ["routes[].redirect.prefix"],
        constraint: { kind: "length", min: 1, max: 1024 },
        source: `${compute("urlMaps", "HttpRedirectAction.FIELDS.prefix_redirect")}; ${COMPUTE_MESSAGES} (HttpRedirectAction.prefixRedirect: "from 1 to 1024 characters")`,
    },
    {
        resources: URL_MAPS,
        field: "**.*rlRedirect.httpsRedirect",
        args: ["routes[].redirect.https"],
        constraint: {
            kind: "rule",
            describe: "false on a URL map behind an HTTPS proxy (the load balancer's own map when https is set)",
        },
        rule: "route-https-redirect",
        source: `${compute("urlMaps", "HttpRedirectAction.FIELDS.https_redirect")} ("Setting this true for TargetHttpsProxy is not permitted")`,
    },
    {
        resources: URL_MAPS,
        field: "**.*rlRedirect.redirectResponseCode",
        args: ["routes[].redirect.code"],
        constraint: {
            kind: "enum",
            values: ["MOVED_PERMANENTLY_DEFAULT", "FOUND", "SEE_OTHER", "TEMPORARY_REDIRECT", "PERMANENT_REDIRECT"],
        },
        rule: "route-redirect",
        source: compute("urlMaps", "HttpRedirectAction.FIELDS.redirect_response_code"),
    },
    {
        resources: URL_MAPS,
        field: "**.*rlRedirect.stripQuery",
        args: ["routes[].redirect.stripQuery"],
        constraint: { kind: "unconstrained", reason: "a boolean" },
        source: compute("urlMaps", "HttpRedirectAction.FIELDS.strip_query"),
    },
    {
        resources: URL_MAPS,
        field: "**.urlRewrite.pathPrefixRewrite",
        args: ["routes[].rewrite.pathPrefix"],
        constraint: { kind: "rule", describe: "1–1024 characters; not with pathTemplateRewrite" },
        rule: "route-rewrite",
        source: `${compute("urlMaps", "UrlRewrite.FIELDS.path_prefix_rewrite")}; ${COMPUTE_MESSAGES} (UrlRewrite.pathPrefixRewrite)`,
    },
    {
        resources: URL_MAPS,
        field: "**.urlRewrite.pathTemplateRewrite",
        args: ["routes[].rewrite.pathTemplate"],
        constraint: {
            kind: "rule",
            describe: 'starts with "/", at most 255 characters, only the match template\'s variables',
        },
        rule: "route-path-template",
        source: compute("urlMaps", "UrlRewrite.FIELDS.path_template_rewrite"),
    },
    {
        resources: URL_MAPS,
        field: "**.urlRewrite.hostRewrite",
        args: ["routes[].rewrite.host"],
        constraint: { kind: "rule", describe: "a host of 1–255 characters" },
        rule: "route-rewrite",
        source: compute("urlMaps", "UrlRewrite.FIELDS.host_rewrite"),
    },
    {
        resources: URL_MAPS,
        field: "**.headerAction.*",
        args: [
            "requestHeaders.*",
            "responseHeaders.*",
            "routes[].requestHeaders.*",
            "routes[].responseHeaders.*",
            "routes[].split[].requestHeaders.*",
            "routes[].split[].responseHeaders.*",
        ],
        constraint: {
            kind: "rule",
            describe: "HTTP token names that GCP lets a map change, values without line breaks, within GCP's counts",
        },
        rule: "route-header-actions",
        source: "https://cloud.google.com/load-balancing/docs/https/custom-headers",
    },
    {
        resources: URL_MAPS,
        field: "**.routeAction.retryPolicy.*",
        args: ["routes[].retry.*"],
        constraint: {
            kind: "rule",
            describe: "numRetries > 0; conditions from GCP's list; per-try timeout a duration",
        },
        rule: "route-policies",
        source: `${compute("urlMaps", "HttpRetryPolicy")}; ${COMPUTE_MESSAGES} (HttpRetryPolicy.numRetries: "must be > 0")`,
    },
    {
        resources: URL_MAPS,
        field: "**.routeAction.timeout.*",
        args: ["routes[].timeoutSeconds"],
        constraint: { kind: "rule", describe: "a positive duration the scheme allows" },
        rule: "route-policies",
        source: compute("urlMaps", "HttpRouteAction.FIELDS.timeout"),
    },
    {
        resources: URL_MAPS,
        field: "**.routeAction.corsPolicy.*",
        args: ["routes[].cors.*"],
        constraint: { kind: "rule", describe: "origins, methods and headers as GCP takes them; maxAge ≥ 0" },
        rule: "route-policies",
        source: compute("urlMaps", "CorsPolicy"),
    },
    {
        resources: URL_MAPS,
        field: "**.routeAction.faultInjectionPolicy.*",
        args: ["routes[].faultInjection.*", "defaultStatus"],
        constraint: { kind: "rule", describe: "percentages 0–100; abort status 200–599; a delay duration" },
        rule: "route-policies, lb-default-status",
        source: compute("urlMaps", "HttpFaultInjection"),
    },
    {
        resources: URL_MAPS,
        field: "**.routeAction.requestMirrorPolicy.*",
        args: ["routes[].mirror.*"],
        constraint: { kind: "rule", describe: "a backend service of the scheme that allows mirroring" },
        rule: "route-mirror",
        source: compute("urlMaps", "RequestMirrorPolicy"),
    },
    {
        resources: URL_MAPS,
        field: "**.*ustomErrorResponsePolicy.*",
        args: ["customErrorResponses.*", "routes[].customErrorResponses.*"],
        constraint: {
            kind: "rule",
            describe: "status classes or codes 400–599, paths 1–1024 characters, a bucket error service",
        },
        rule: "error-responses-rules, error-responses-bucket, error-responses-scheme",
        source: compute("urlMaps", "CustomErrorResponsePolicy"),
    },
    {
        resources: URL_MAPS,
        field: "tests[].*",
        args: ["tests[].*"],
        constraint: {
            kind: "rule",
            describe:
                "a host, a path starting with /, and the expected backend or redirect; the map's own routing agrees",
        },
        rule: "route-test",
        source: compute("urlMaps", "UrlMapTest"),
    },
    {
        resources: URL_MAPS,
        field: "**.*ervice",
        args: [
            "routes[].backend",
            "routes[].split[].backend",
            "defaultBackend",
            "backends.*.backendService",
            "backends.*.bucket.existing",
        ],
        constraint: {
            kind: "rule",
            describe: "a backend service or bucket of the map's scope (links by output, or a checked self link)",
        },
        rule: "route-backends, lb-default-backend, backend-service-links, bucket-existing-link",
        source: compute("urlMaps", "PathMatcher.FIELDS.default_service"),
    },
    // Private Service Connect (publish)
    {
        resources: [T.subnetwork],
        field: "ipCidrRange",
        args: ["publish.natCidr", "publish.natCidrs.*"],
        constraint: {
            kind: "format",
            format: "subnetRange",
            describe:
                "outside the prohibited ranges 0.0.0.0/8, 127.0.0.0/8, 169.254.0.0/16, 224.0.0.0/4, 255.255.255.255/32, 199.36.153.4/30, 199.36.153.8/30",
        },
        source: "https://cloud.google.com/vpc/docs/subnets#prohibited-ipv4-ranges",
    },
    {
        resources: [T.subnetwork],
        field: "ipCidrRange",
        args: ["publish.natCidr", "publish.natCidrs.*"],
        constraint: {
            kind: "rule",
            describe:
                "an IPv4 CIDR on its boundary, /29 or larger, keyed by a load balancer region, overlapping no other subnet",
        },
        rule: "psc-nat-subnet",
        source: "https://cloud.google.com/vpc/docs/subnets#valid-ranges",
    },
    {
        resources: [T.serviceAttachment],
        field: "connectionPreference",
        args: ["publish.connectionPreference"],
        constraint: {
            kind: "rule",
            describe: "ACCEPT_AUTOMATIC or ACCEPT_MANUAL; accept lists only with ACCEPT_MANUAL",
        },
        rule: "psc-connection-policy",
        source: mm("compute/ServiceAttachment.yaml"),
    },
    {
        resources: [T.serviceAttachment],
        field: "consumerAcceptLists[].*",
        args: [
            "publish.consumerAcceptLists[].project",
            "publish.consumerAcceptLists[].network",
            "publish.consumerAcceptLists[].connectionLimit",
        ],
        constraint: {
            kind: "rule",
            describe: "one of a project ID/number or a network URL, with a positive integer connection limit",
        },
        rule: "psc-consumers",
        source: mm("compute/ServiceAttachment.yaml"),
    },
    {
        resources: [T.serviceAttachment],
        field: "consumerRejectLists[]",
        args: ["publish.consumerRejectLists[]"],
        constraint: { kind: "rule", describe: "project IDs or numbers" },
        rule: "psc-consumers",
        source: mm("compute/ServiceAttachment.yaml"),
    },
    {
        resources: [T.serviceAttachment],
        field: "domainNames[]",
        args: ["publish.domainNames[]"],
        constraint: { kind: "rule", describe: "at most one DNS name, ending in a dot" },
        rule: "psc-domain-names",
        source: mm("compute/ServiceAttachment.yaml"),
    },
    {
        resources: [T.serviceAttachment],
        field: "enableProxyProtocol",
        args: ["publish.enableProxyProtocol"],
        constraint: { kind: "unconstrained", reason: "a boolean (rule psc-proxy-protocol warns when it is on)" },
        source: mm("compute/ServiceAttachment.yaml"),
    },
    {
        resources: [T.serviceAttachment],
        field: "reconcileConnections",
        args: ["publish.reconcileConnections"],
        constraint: { kind: "unconstrained", reason: "a boolean" },
        source: mm("compute/ServiceAttachment.yaml"),
    },
    // Authorization policies (authorization)
    {
        resources: [T.authzPolicy],
        field: "description",
        args: [],
        constraint: { kind: "derived", how: "the package's own description of the policy's list (deny or allow)" },
        source: mm("networksecurity/AuthzPolicy.yaml"),
    },
    {
        resources: [T.authzPolicy],
        field: "action",
        args: [],
        constraint: { kind: "derived", how: "DENY for authorization.deny, ALLOW for authorization.allow" },
        source: `${AUTHZ_DOC}; ${mm("networksecurity/AuthzPolicy.yaml")}`,
    },
    {
        resources: [T.authzPolicy],
        field: "target.loadBalancingScheme",
        args: [],
        constraint: {
            kind: "derived",
            how: "the scheme's: EXTERNAL_MANAGED (global and regional external) or INTERNAL_MANAGED (regional and cross-region internal); classic is refused (authorization-scheme)",
        },
        source: `${AUTHZ_PROTO} (AuthzPolicy.Target.load_balancing_scheme)`,
    },
    {
        resources: [T.authzPolicy],
        field: "target.resources[]",
        args: [],
        constraint: {
            kind: "derived",
            how: "the self link of every forwarding rule the package creates for the load balancer, by output",
        },
        source: `${AUTHZ_PROTO} (AuthzPolicy.Target.resources)`,
    },
    {
        resources: [T.authzPolicy],
        field: "httpRules[].from.sources[].ipBlocks[].*",
        args: bothLists("ipRanges[]"),
        constraint: {
            kind: "rule",
            describe:
                "an IPv4 or IPv6 address or CIDR range by its first address; at most 10 IP blocks per policy (ipRanges and notIpRanges of all its rules)",
        },
        rule: "authorization-ip-ranges, authorization-limits",
        source: `${AUTHZ_PROTO} (AuthzRule.IpBlock, RequestSource.ip_blocks: 'Limited to 10 ip_blocks per Authorization Policy')`,
    },
    {
        resources: [T.authzPolicy],
        field: "httpRules[].from.notSources[].ipBlocks[].*",
        args: bothLists("notIpRanges[]"),
        constraint: {
            kind: "rule",
            describe:
                "an IPv4 or IPv6 address or CIDR range by its first address; alone in its rule (no sources beside it); counted in the policy's 10 IP blocks",
        },
        rule: "authorization-ip-ranges, authorization-rules, authorization-limits",
        source: `${AUTHZ_PROTO} (AuthzRule.From.not_sources)`,
    },
    {
        resources: [T.authzPolicy],
        field: "httpRules[].from.sources[].principals[].principal.exact",
        args: [
            ...bothLists("principals[].uriSan"),
            ...bothLists("principals[].dnsNameSan"),
            ...bothLists("principals[].commonName"),
        ],
        constraint: {
            kind: "rule",
            describe:
                "a non-empty identity, one per principal, exact match only; only with frontend mTLS, not on global external; at most 50 per policy",
        },
        rule: "authorization-principals, authorization-limits",
        source: `${AUTHZ_PROTO} (AuthzRule.Principal, RequestSource.principals)`,
    },
    {
        resources: [T.authzPolicy],
        field: "httpRules[].from.sources[].principals[].principalSelector",
        args: [],
        constraint: {
            kind: "derived",
            how: "from the principal's field: uriSan → CLIENT_CERT_URI_SAN, dnsNameSan → CLIENT_CERT_DNS_NAME_SAN, commonName → CLIENT_CERT_COMMON_NAME",
        },
        source: `${AUTHZ_PROTO} (AuthzRule.Principal.PrincipalSelector)`,
    },
    {
        resources: [T.authzPolicy],
        field: "httpRules[].to.operations[].hosts[].*",
        args: bothLists("hosts[]"),
        constraint: {
            kind: "rule",
            describe:
                "a non-empty exact, prefix, suffix or contains match (ignoreCase always true: hosts are case-insensitive); at most 10 per policy",
        },
        rule: "authorization-hosts-paths, authorization-limits",
        source: `${AUTHZ_PROTO} (RequestOperation.hosts, StringMatch: 'empty prefix is not allowed')`,
    },
    {
        resources: [T.authzPolicy],
        field: "httpRules[].to.operations[].paths[].*",
        args: bothLists("paths[]"),
        constraint: {
            kind: "rule",
            describe:
                'a non-empty exact, prefix, suffix or contains match; exact and prefix start with "/"; the query string is part of the path; at most 10 per policy',
        },
        rule: "authorization-hosts-paths, authorization-limits, authorization-deny-exact-path",
        source: `${AUTHZ_PROTO} (RequestOperation.paths: 'this path match includes the query parameters')`,
    },
    {
        resources: [T.authzPolicy],
        field: "httpRules[].to.operations[].methods[]",
        args: bothLists("methods[]"),
        constraint: {
            kind: "rule",
            describe: "GET, PUT, POST, HEAD, PATCH, DELETE or OPTIONS, exact and case sensitive; at most 10 per policy",
        },
        rule: "authorization-methods, authorization-limits",
        source: `${AUTHZ_PROTO} (RequestOperation.methods)`,
    },
    {
        resources: [T.authzPolicy],
        field: "httpRules[].to.operations[].headerSet.headers[].name",
        args: bothLists("headers[].name"),
        constraint: { kind: "rule", describe: "an HTTP header name (a token); at most 10 headers per policy" },
        rule: "authorization-headers, authorization-limits",
        source: `${AUTHZ_PROTO} (RequestOperation.HeaderSet: 'Limited to 10 headers per Authorization Policy')`,
    },
    {
        resources: [T.authzPolicy],
        field: "httpRules[].to.operations[].headerSet.headers[].value.*",
        args: [
            ...bothLists("headers[].exact"),
            ...bothLists("headers[].prefix"),
            ...bothLists("headers[].suffix"),
            ...bothLists("headers[].contains"),
            ...bothLists("headers[].ignoreCase"),
        ],
        constraint: {
            kind: "rule",
            describe: "exactly one of exact, prefix, suffix and contains; prefix, suffix and contains not empty",
        },
        rule: "authorization-headers",
        source: `${AUTHZ_PROTO} (AuthzRule.HeaderMatch, StringMatch)`,
    },
    // Frontend mTLS
    {
        resources: [T.trustConfig, T.serverTlsPolicy],
        field: "description",
        args: [],
        constraint: { kind: "derived", how: "the package's own description of the load balancer's mTLS resources" },
        source: `${mm("certificatemanager/TrustConfig.yaml")}; ${mm("networksecurity/ServerTlsPolicy.yaml")}`,
    },
    {
        resources: [T.trustConfig],
        field: "trustStores[].trustAnchors[].pemCertificate",
        args: ["https.clientCertificates.trustAnchors[]"],
        constraint: { kind: "rule", describe: "one PEM certificate per entry, at most 5 kB, never echoed in messages" },
        rule: "client-certificates",
        source: `${MTLS_DOC}; ${mm("certificatemanager/TrustConfig.yaml")}`,
    },
    {
        resources: [T.trustConfig],
        field: "trustStores[].intermediateCas[].pemCertificate",
        args: ["https.clientCertificates.intermediates[]"],
        constraint: { kind: "rule", describe: "one PEM certificate per entry, at most 5 kB, never echoed in messages" },
        rule: "client-certificates",
        source: `${MTLS_DOC}; ${mm("certificatemanager/TrustConfig.yaml")}`,
    },
    {
        resources: [T.trustConfig],
        field: "allowlistedCertificates[].pemCertificate",
        args: ["https.clientCertificates.allowlisted[]"],
        constraint: { kind: "rule", describe: "one PEM certificate per entry, at most 5 kB, never echoed in messages" },
        rule: "client-certificates",
        source: `${MTLS_DOC}; ${mm("certificatemanager/TrustConfig.yaml")}`,
    },
    {
        resources: [T.serverTlsPolicy],
        field: "mtlsPolicy.clientValidationMode",
        args: ["https.clientCertificates.validation"],
        constraint: {
            kind: "enum",
            values: ["REJECT_INVALID", "ALLOW_INVALID_OR_MISSING_CLIENT_CERT"],
        },
        source: `${MTLS_DOC}; ${mm("networksecurity/ServerTlsPolicy.yaml")}`,
    },
    {
        resources: [T.serverTlsPolicy],
        field: "mtlsPolicy.clientValidationTrustConfig",
        args: [],
        constraint: { kind: "derived", how: "the trust config the package creates, by its output id" },
        source: mm("networksecurity/ServerTlsPolicy.yaml"),
    },
    {
        resources: [T.serverTlsPolicy],
        field: "allowOpen",
        args: [],
        constraint: { kind: "derived", how: "always false: the proxy never accepts plain-text on the mTLS port" },
        source: mm("networksecurity/ServerTlsPolicy.yaml"),
    },
    {
        resources: HTTPS_PROXIES,
        field: "serverTlsPolicy",
        args: [],
        constraint: { kind: "derived", how: "the server TLS policy the package creates, by its output id" },
        source: `${MTLS_DOC}; ${mm("compute/TargetHttpsProxy.yaml")}`,
    },
];
