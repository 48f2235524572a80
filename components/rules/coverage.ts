/**
 * The catalogue's completeness, as data: every GCP error and constraint of our research
 * (reference/gcp-facts.md §12, and the constraint lists of §1.4, §3, §8 and §11) mapped to what
 * prevents it — a validation rule (by id), a guarantee of construction (no option exists that could
 * cause it; a named check in tools/construction-checks.ts proves it over every scheme and program),
 * docs/SAFE-UPDATES.md for what only a change across two deployments can cause, or the reason it is a
 * runtime condition no configuration causes. Tests check every rule id and check id exists; the
 * README's "What we reject at preview, and why" renders this table.
 */

/** How a GCP error is kept from reaching `pulumi up`. */
export const Prevention = {
    /** A validation rule rejects (or warns about) the configuration at preview. */
    Rule: "rule",
    /** The package never produces the configuration; a construction check proves it. */
    ByConstruction: "by-construction",
    /** Only a change between deployments can cause it; docs/SAFE-UPDATES.md gives the safe procedure. */
    Documented: "documented",
    /** A runtime condition (quota, traffic, DNS) that no configuration of this package causes. */
    Runtime: "runtime",
} as const;
export type Prevention = (typeof Prevention)[keyof typeof Prevention];

export interface GcpErrorCoverage {
    /** The error text or constraint, as GCP or the provider states it. */
    error: string;
    /** Where it is recorded (gcp-facts section). */
    source: string;
    prevention: Prevention;
    /** Rule id in allRules() (prevention "rule"). */
    rule?: string;
    /** Construction check id in tools/construction-checks.ts (prevention "by-construction"). */
    check?: string;
    /** How, in one sentence. */
    how: string;
}

const rule = (error: string, source: string, id: string, how: string): GcpErrorCoverage => ({
    error,
    source,
    prevention: Prevention.Rule,
    rule: id,
    how,
});
const built = (error: string, source: string, check: string, how: string): GcpErrorCoverage => ({
    error,
    source,
    prevention: Prevention.ByConstruction,
    check,
    how,
});
const documented = (error: string, source: string, how: string): GcpErrorCoverage => ({
    error,
    source,
    prevention: Prevention.Documented,
    how,
});
const runtime = (error: string, source: string, how: string): GcpErrorCoverage => ({
    error,
    source,
    prevention: Prevention.Runtime,
    how,
});

export const gcpErrorCoverage: GcpErrorCoverage[] = [
    // §12 Common errors
    built(
        "Invalid value for field 'resource.timeoutSec': '300'. Timeout sec is not supported for a backend service with Serverless network endpoint groups.",
        "§12, §1.4",
        "serverless-backend-fields",
        "no option sets timeoutSec on a backend service; the backend service builder never sends it",
    ),
    built(
        "Invalid value for field 'resource.backends[0].balancingMode': 'RATE'. Balancing mode is not supported for Serverless network endpoint groups.",
        "§12, §1.4",
        "serverless-backend-fields",
        "backends carry only the NEG (and capacityScaler where the provider demands it); no balancing mode option exists",
    ),
    built(
        "Invalid value for field 'resource.backends[0].maxUtilization': '0.8'. Max utilization is not supported for Serverless network endpoint groups.",
        "§12, §1.4",
        "serverless-backend-fields",
        "no option sets maxUtilization, maxRate or maxConnections",
    ),
    built(
        "Invalid load balancing scheme for regional backend service with Serverless network endpoint group.",
        "§12",
        "backend-service-scheme",
        "loadBalancingScheme comes from the scheme's profile on every backend service and forwarding rule, never the provider default INTERNAL/EXTERNAL",
    ),
    built(
        "capacity_scaler is required for each backend in managed backend service (provider, plan time)",
        "§12, §1.4",
        "capacity-scaler",
        "regional EXTERNAL_MANAGED backend services get capacityScaler 1 on every backend",
    ),
    built(
        '"capacity_scaler" cannot be set for non-managed backend service / Capacity scaler must not be set for an INTERNAL backend service',
        "§12",
        "capacity-scaler",
        "capacityScaler is set on regional EXTERNAL_MANAGED backend services only",
    ),
    built(
        "The url_map resource '…/urlMaps/X' is already being used by '…/targetHttpsProxies/Y', resourceInUseByAnotherResource",
        "§12, §11",
        "replacement-options",
        "URL maps keep one name and update in place; the only replacement (a new name prefix) is create-before-delete, so the proxy is repointed before the old map is deleted",
    ),
    built(
        "The network_endpoint_group resource '…/networkEndpointGroups/…' is already being used by … (resourceInUseByAnotherResource)",
        "§12, §11",
        "hash-names",
        "serverless NEG names carry a hash of every input that forces replacement, and NEGs are create-before-delete: the new NEG exists before the backend service is repointed and the old one deleted",
    ),
    rule(
        "Invalid value for field 'urlMap.tests': ''. Test failure: Expect URL 'HOST/PATH' to map to service 'EXPECTED', but actually mapped to 'ACTUAL'.",
        "§12, §7",
        "route-test",
        "route tests run through the URL map simulator at preview, against the URL map actually emitted",
    ),
    built(
        "Invalid resource usage: Cannot delete ACTIVE subnetwork because a BACKUP subnetwork exists.",
        "§12, §3.1",
        "proxy-only-subnet-active",
        "the package only creates ACTIVE proxy-only subnets; resizing with a BACKUP subnet is the manual procedure in docs/SAFE-UPDATES.md",
    ),
    built(
        "An active proxy-only subnetwork is required in the same region and VPC as the forwarding rule",
        "§12, §3.1",
        "forwarding-rule-after-proxy-only-subnet",
        "Envoy-based schemes create (or adopt) a proxy-only subnet per region, and forwarding rules read it, so they are created after it",
    ),
    rule(
        "Regional Google-managed certificates are not supported.",
        "§12, §3.3, §4",
        "frontend-scheme-options",
        "https.managedDomains exists only on global external and classic (the feature table); regional schemes are told to use a self-managed or Certificate Manager certificate",
    ),
    built(
        "A regional target HTTPS proxy takes only regional SSL certificates",
        "§3.3, §4",
        "certificate-scope",
        "next to a regional proxy the package creates only RegionSslCertificate, never a global or Google-managed one",
    ),
    rule(
        "The resource '…/regions/<r>/sslCertificates/<name>' was not found (global certificate referenced from a regional proxy)",
        "§12, §3.3",
        "certificate-links",
        "https.certificates must be regional certificates in the load balancer's region on regional schemes and global ones otherwise",
    ),
    built(
        "INVALID_ARGUMENT: dns authorization doesn't exist - field: managed.dns_authorizations[0]",
        "§12, §3.3",
        "certificate-manager-placement",
        "https.managedCertificate creates each DNS authorization in its certificate's location (regional ones PER_PROJECT_RECORD); Compute managed certificates (https.managedDomains) take no DNS authorization and reject wildcards",
    ),
    built(
        "Certificate Manager certificates, maps and DNS authorizations must exist before a proxy references them, with the scope and location the proxy needs",
        "§3.3, §5",
        "certificate-manager-placement",
        "certificates the package creates are referenced through their outputs (so Pulumi creates them first), regional for regional proxies, global ALL_REGIONS for cross-region internal, global DEFAULT in a certificate map for global external and classic",
    ),
    rule(
        "FIXED_RECORD DNS authorization for a regional Google-managed certificate",
        "§3.3",
        "frontend-scheme-options",
        "https.managedCertificate.dnsAuthorizationType FIXED_RECORD is rejected on regional schemes (feature fixedRecordDnsAuthorization)",
    ),
    built(
        "Invalid value for field 'resource.healthChecks' (health check on a serverless NEG backend service)",
        "§12, §1.4",
        "serverless-backend-fields",
        "no option attaches a health check to a backend service",
    ),
    runtime(
        "HTTP 413 Request Entity Too Large (API quota exceeded)",
        "§12, §8",
        "a project quota; raise it in the console",
    ),
    documented(
        "502 failed_to_connect_to_backend (switching a backend to or from an internet NEG)",
        "§12, §2",
        "a transient 30–90 s while GCP switches backend kinds; docs/SAFE-UPDATES.md says to expect it",
    ),
    // §1.4 What a backend service with serverless NEG backends may not have
    built(
        "portName on a serverless NEG backend service (reported rejected together with timeoutSec; UNCONFIRMED)",
        "§1.4",
        "serverless-backend-fields",
        "portName is never set",
    ),
    built(
        "Session affinity and locality load-balancing policy are not supported with serverless NEGs",
        "§1.4",
        "serverless-backend-fields",
        "sessionAffinity and localityLbPolicy are never set",
    ),
    rule(
        "Cannot mix serverless NEGs with other NEG or instance-group types in one backend service",
        "§1.4",
        "lb-backends",
        "each backend names exactly one kind and gets its own backend service",
    ),
    rule(
        "A regional backend service takes exactly one serverless NEG; a global one at most one per region",
        "§1.5, §8",
        "serverless-negs-per-backend",
        "regions are checked per scheme and for duplicates",
    ),
    rule(
        "The serverless NEG must be in the Cloud Run service's region",
        "§1.3",
        "serverless-region",
        "every Cloud Run backend has a valid region for its NEG",
    ),
    rule(
        "Serverless NEG target: the service must be provided explicitly or in the URL mask; the tag, if any, explicitly or in the URL mask",
        "§1.1, §1.2, §13 (Compute API NetworkEndpointGroupCloudRun)",
        "cloud-run-target",
        "the service once (cloudRun.service or <service>), the tag at most once (cloudRun.tag or <tag>)",
    ),
    rule(
        "Cloud Run service and tag names are 1–63 character RFC 1035 labels",
        "§1.1",
        "cloud-run-names",
        "known service names and tags are checked",
    ),
    rule(
        "A URL mask for Cloud Run uses <service> and/or <tag> and no URL scheme",
        "§1.2",
        "url-mask-placeholder",
        "placeholders and scheme are checked",
    ),
    // §3 Proxy-only subnets, forwarding rules, certificates
    rule(
        "A proxy-only subnet must have at least 64 addresses (/26 or larger)",
        "§3.1, §8",
        "proxy-only-subnet-size",
        "created proxy-only ranges are checked",
    ),
    rule(
        "Only one ACTIVE proxy-only subnet per purpose, region and VPC",
        "§3.1",
        "existing-vpc-proxy-only-subnet",
        "a new VPC gets exactly one per region; in an existing VPC a warning says to adopt the one that exists",
    ),
    rule(
        "Subnet ranges in one VPC must not overlap (Invalid IPCidrRange … conflicts with existing subnetwork)",
        "§3.1",
        "network-cidr-overlap",
        "every range the package creates is checked against the others",
    ),
    rule(
        "Subnet ranges must be valid CIDRs (Invalid IPCidrRange)",
        "§3.1",
        "network-cidr-syntax",
        "each range is parsed",
    ),
    rule(
        "A subnet's primary IPv4 range is /29 or larger (Invalid IPCidrRange)",
        "§3.1",
        "subnet-size",
        "the prefix length of every regular subnet range the package creates is checked",
    ),
    documented(
        "Proxy-only subnets cannot be expanded; resizing needs a BACKUP subnet, a role swap and a drain",
        "§3.1",
        "docs/SAFE-UPDATES.md gives the procedure; a preview cannot see the range already deployed",
    ),
    documented(
        "Legacy purpose INTERNAL_HTTPS_LOAD_BALANCER must be migrated to REGIONAL_MANAGED_PROXY first",
        "§3.1",
        "applies to existing VPCs only: docs/SAFE-UPDATES.md gives the in-place migration command",
    ),
    built(
        "An ACTIVE proxy-only subnet cannot be deleted while a regional load balancer exists in the region and VPC",
        "§3.1",
        "forwarding-rule-after-proxy-only-subnet",
        "forwarding rules depend on the proxy-only subnet, so Pulumi deletes them first",
    ),
    built(
        "ForwardingRule.loadBalancingScheme defaults to EXTERNAL",
        "§3.2, §5",
        "backend-service-scheme",
        "always set from the scheme",
    ),
    rule(
        "An internal forwarding rule needs the subnet its VIP comes from (never the proxy-only subnet)",
        "§3.2",
        "existing-network-subnet",
        "existing VPCs must name a subnet per region; new VPCs get one",
    ),
    rule(
        "Existing network and subnets must be links of the right kind and region",
        "§3.2, §9.4",
        "existing-network-links",
        "self links and ids are parsed and their region compared with the key",
    ),
    rule(
        "A requested internal VIP must be a usable address of its subnet",
        "§3.2",
        "address-in-subnet",
        "checked against the subnet range the package creates, excluding GCP's four reserved addresses",
    ),
    rule(
        "An existing address must have the forwarding rule's scope and region",
        "§3.2, §5",
        "address-scope",
        "address links are parsed; one address per region for cross-region internal",
    ),
    rule(
        "allowGlobalAccess exists only on regional internal forwarding rules; Standard tier only on regional external",
        "§3.2, §4, §5",
        "frontend-scheme-options",
        "options are looked up in the scheme table",
    ),
    documented(
        "Changing allowGlobalAccess on an INTERNAL_MANAGED forwarding rule forces its replacement",
        "§3.2, §11",
        "the forwarding rule is delete-before-replace with the same name and IP; docs/SAFE-UPDATES.md describes the short interruption",
    ),
    built(
        "Internal ALBs are Premium tier only",
        "§3.2",
        "internal-premium-tier",
        "internal forwarding rules are always PREMIUM (set by the frontend, not an option)",
    ),
    rule(
        "At most 15 Compute SSL certificates per target HTTPS proxy",
        "§3.3, §8",
        "https-certificate",
        "the certificates given and created (self-managed and Google-managed) are counted",
    ),
    rule(
        "Invalid value for field 'labels' (label keys and values on addresses and forwarding rules)",
        "§11",
        "frontend-labels",
        "label count, keys and values are checked against GCP's label format",
    ),
    rule(
        "HTTPS needs a certificate on the target proxy",
        "§3.3",
        "https-certificate",
        "HTTPS without a certificate is rejected",
    ),
    rule(
        "Self-managed certificates must be PEM (The SSL certificate could not be parsed)",
        "§3.3",
        "certificate-pem",
        "known certificate and key text is checked, never echoed",
    ),
    built(
        "No firewall rule is needed from the proxy-only subnet to serverless backends",
        "§3.4",
        "no-firewall-rules",
        "the package opens no firewall rule at all",
    ),
    documented(
        "Cloud Run ingress: internal ALBs need internal (or all), external ALBs internal-and-cloud-load-balancing (or all); IAM invoker still applies",
        "§3.4, §9.2",
        "the load balancer cannot see the service's ingress; the README and every program set it explicitly for their pattern",
    ),
    // §8 Quotas and limits
    rule(
        "URL map limits: host rules (1,000 external, 2,000 internal), path matchers, rules per matcher, hosts per host rule, predicates, 2,500 backend services, regexes, path templates, size (1 MB; classic 64 KB — [url-map-size-quota](https://docs.cloud.google.com/load-balancing/docs/url-map-size-quota))",
        "§8, §13",
        "route-limits",
        "the compiled URL map is counted and its size estimated (compact JSON, full-length backend links) before it is sent; hosts with the same routing share a host rule",
    ),
    rule(
        "Header actions: at most 16 headers, never Host/:authority or reserved prefixes (X-Google, X-Goog-, X-GFE, X-Amz-), X-User-IP, CDN-Loop, hop-by-hop",
        "§2, §8",
        "route-header-actions",
        "header names and counts are checked per header action",
    ),
    rule(
        "Serverless NEG backend services cannot be request-mirroring targets",
        "§6.5",
        "route-mirror",
        "mirror targets must not be Cloud Run backends",
    ),
    rule(
        "URL map features per scheme (splits, header actions, fault injection, retries on classic; regex on global schemes)",
        "§6.6",
        "route-scheme-features",
        "each route's features are looked up in the scheme table",
    ),
    runtime(
        "Per-project backend service, forwarding rule and NEG quotas",
        "§8",
        "project quotas whose defaults are UNCONFIRMED; they depend on everything else in the project",
    ),
    built(
        "Serverless NEGs hold exactly one endpoint",
        "§8",
        "one-target-per-neg",
        "each NEG names its Cloud Run service once (explicitly or as <service> in its URL mask)",
    ),
    runtime(
        "5,000 QPS per project and region for regional ALBs with serverless NEGs",
        "§1.5, §8",
        "a traffic limit; ask support to raise it",
    ),
    built(
        "One SSL policy per target proxy",
        "§8",
        "one-ssl-policy",
        "the frontend sets at most one policy on its proxy",
    ),
    runtime("Client request and response header size limits", "§8", "depends on the requests clients send"),
    // §11 Naming and replacement mechanics
    built(
        "pulumi-gcp autonames most regional resources without lowercasing or a 63-character cap (invalid GCE names)",
        "§11",
        "valid-names",
        "every resource gets an explicit name from gcpName/replacementSafeName, valid for any logical name",
    ),
    built(
        "The bridge forces delete-before-replace for explicitly named resources (nameRequiresDeleteBeforeReplace), so a replaced NEG, certificate or URL map is deleted while still referenced",
        "§11",
        "replacement-options",
        "every resource states deleteBeforeReplace from its kind's policy, which overrides the provider's request",
    ),
    built(
        "A ForceNew change on an in-use certificate blocks the replacement (HTTPS down or resourceInUseByAnotherResource)",
        "§11",
        "hash-names",
        "certificate names hash the certificate and key: the new certificate is created and attached before the old one is deleted",
    ),
    rule(
        "Physical names must be [a-z]([-a-z0-9]*[a-z0-9])?, at most 63 characters (user-given name prefix)",
        "§11",
        "lb-name-prefix",
        "a given namePrefix is checked instead of silently rewritten",
    ),
    rule(
        "Two backends must not get the same physical names (already exists)",
        "§11",
        "lb-backend-keys",
        "backend keys are compared after normalisation",
    ),
    rule(
        "A URL map references only backend services of its own scope and region",
        "§6.4, §10",
        "backend-service-links",
        "existing backend service links are parsed and their scope compared with the scheme's",
    ),
    documented(
        "The scheme (loadBalancingScheme) cannot be changed in place on regional backend services and forwarding rules",
        "§5, §11",
        "changing the scheme means a new load balancer: docs/SAFE-UPDATES.md gives the side-by-side procedure",
    ),
    built(
        "cloudrunv2.Service.deletionProtection defaults to true, so pulumi destroy fails",
        "§11",
        "no-cloud-run-services",
        "the package creates no Cloud Run service; every program sets deletionProtection: false",
    ),
    rule(
        "A regional URL map cannot reference a regional backend bucket through pulumi-gcp (RegionUrlMap parses every service as regions/<r>/backendServices/<name>: `… was not found`)",
        "§13 (backend buckets); terraform-provider-google#26894, #27773",
        "bucket-scheme",
        "a bucket backend on regional-internal or regional-external is a preview error naming global external or cross-region internal",
    ),
    rule(
        "A backend bucket's link given where a backend service belongs (URL map points at a backend service that does not exist)",
        "§10, §13",
        "backend-service-links",
        "a backendBuckets link in backendService is rejected and pointed to bucket.existing; an output is checked once known",
    ),
    rule(
        "BackendBucket.enableCdn cannot be true with loadBalancingScheme INTERNAL_MANAGED; regional backend buckets have no Cloud CDN",
        "§4, §13",
        "backend-cdn",
        "cdn is read from the scheme table, which has Cloud CDN on global external and classic only",
    ),
    rule(
        "Invalid negativeCachingPolicy (statuses 300, 301, 302, 307, 308, 404, 405, 410, 421, 451, 501 once each, TTL ≤ 1800 s) and signed URL keys that are not 128-bit base64url",
        "§4 (Cloud CDN)",
        "backend-cdn-policy",
        "negative-caching TTLs and signed URL keys are checked before they reach the API; key values are never echoed",
    ),
    rule(
        "defaultCustomErrorResponsePolicy / customErrorResponsePolicy: 'supported only for global external Application Load Balancers'",
        "§6.6, §13",
        "error-responses-scheme",
        "custom error responses on another scheme are a preview error naming global external",
    ),
    rule(
        "errorService must be 'the BackendBucket resource that contains the custom error content'; matchResponseCodes 400–599 or 4xx/5xx, unique per policy; path starts with / and has no trailing /",
        "§6.6",
        "error-responses-bucket",
        "the error backend must be a bucket backend of the load balancer; error-responses-rules checks the codes, paths and override",
    ),
    rule(
        "IAP is an authorization layer for applications accessed by HTTPS (IAP on an HTTP-only load balancer)",
        "§9.1",
        "iap-https",
        "a backend with iap.enabled on a load balancer without https is rejected",
    ),
    rule(
        "Backend buckets aren't supported with IAP",
        "§9.1",
        "iap-backend-kind",
        "iap.enabled on a bucket backend is rejected, whatever else the backend sets",
    ),
    rule(
        "IAP can't be used on both Cloud Run services and the load balancer",
        "§9.1",
        "iap-cloud-run-and-lb",
        "the offline plan rejects a Cloud Run service with iapEnabled behind an IAP-enabled backend service",
    ),
    // §13 Corrections (review of 2026-11-26, issue 12)
    rule(
        "If Identity-Aware Proxy is enabled, only a single serverless NEG is supported (cross-region internal)",
        "§13 (setting-up-l7-cross-reg-serverless)",
        "iap-serverless-neg-count",
        "IAP with cloudRun.regions of two or more is refused on cross-region internal; global external and classic take it",
    ),
    rule(
        "The proxy-only subnet can't be used for any other purpose; the forwarding rule's IP doesn't come from it",
        "§3.1, §13 (proxy-only-subnets)",
        "existing-network-distinct-subnets",
        "an existing VPC's VIP subnet and proxy-only subnet must be two different subnets",
    ),
    rule(
        "Global internet NEGs serve only global external and classic; regional backend services take regional NEGs",
        "§2, §13 (internet-neg-concepts)",
        "internet-neg-scope",
        "a NEG passed by id must have the backend service's scope (checked at preview, or when an apply-time id resolves)",
    ),
    rule(
        "A Certificate Manager certificate or map must be in the proxy's location (regional in the proxy's region, global for global proxies; ALL_REGIONS for cross-region internal)",
        "§3.3, §13 (certificate-manager/docs/overview; provider RegionTargetHttpsProxy and Certificate.scope)",
        "certificate-manager-scope",
        "known references are parsed and their location compared with the proxy's; certificates the package creates are checked with certificateManagerMismatch",
    ),
    rule(
        "Classic: 'IPv4 IPv6 (requires Premium Tier)'; IPv6 in Standard Tier",
        "§13 (Application Load Balancer overview)",
        "ipv6-premium-tier",
        "ipv6 with networkTier STANDARD is refused on classic and (assumed, UNCONFIRMED) regional external",
    ),
    built(
        "An address's purpose cannot change in place; a second reservation of a fixed internal IP fails",
        "§3.2, §13 (setting-up-http-to-https-redirect)",
        "shared-internal-vip",
        "internal VIPs are always reserved SHARED_LOADBALANCER_VIP, so toggling the HTTP→HTTPS redirect never replaces the address",
    ),
];
