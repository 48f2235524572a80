/**
 * The catalogue's completeness, as data: every GCP error and constraint a load balancer for Cloud Run is known
 * to run into, each with its primary source (components/sources.ts: a Google Cloud page, the Compute API as
 * gcloud's generated client documents it, the provider's definition in magic-modules, or the issue where the
 * error was reported), mapped to what prevents it — a validation rule (by id), a guarantee of construction (no
 * option exists that could cause it; a named check in tools/construction-checks.ts proves it over every scheme
 * and program), docs/SAFE-UPDATES.md for what only a change across two deployments can cause, or the reason it
 * is a runtime condition no configuration causes. Tests check every rule id and check id exists and every source
 * parses as a citation; docs/validation.md ("Every GCP error we know of") renders this table.
 */
import {
    COMPUTE_MESSAGES,
    cite,
    compute,
    gcpDocs,
    github,
    mm,
    mmTemplate,
    note,
    observed,
    providerIssue,
} from "../sources";

const SERVERLESS_NEGS = gcpDocs("load-balancing/docs/negs/serverless-neg-concepts");
const INTERNET_NEGS = gcpDocs("load-balancing/docs/negs/internet-neg-concepts");
const PROXY_ONLY_SUBNETS = gcpDocs("load-balancing/docs/proxy-only-subnets");
const QUOTAS = gcpDocs("load-balancing/docs/quotas");
const FEATURES = gcpDocs("load-balancing/docs/features");
const ALB_OVERVIEW = gcpDocs("load-balancing/docs/application-load-balancer");
const FORWARDING_RULES = gcpDocs("load-balancing/docs/forwarding-rule-concepts");
const SSL_CERTIFICATES = gcpDocs("load-balancing/docs/ssl-certificates");
const DNS_AUTHORIZATIONS = gcpDocs("certificate-manager/docs/dns-authorizations");
const SUBNET_RANGES = gcpDocs("vpc/docs/subnets#valid-ranges");
/** The provider's plan-time checks of RegionBackendService backends (capacity_scaler by scheme). */
const REGION_BACKEND_SERVICE_CHECKS = mmTemplate("constants/region_backend_service.go.tmpl");

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
    /**
     * Its primary source(s), joined with "; " (components/sources.ts): https URLs (Google Cloud docs, magic-modules
     * definitions, GitHub issues — `observed:` where users reported the error rather than Google documenting it) or
     * gcloud's generated Compute client (`COMPUTE_MESSAGES`), each optionally followed by a note in parentheses
     * (the message or field, or UNCONFIRMED for what the source does not state exactly).
     */
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
    // Errors the Compute API or the provider returns, as users reported them
    built(
        "Invalid value for field 'resource.timeoutSec': '300'. Timeout sec is not supported for a backend service with Serverless network endpoint groups.",
        cite(SERVERLESS_NEGS, observed(github("terraform-google-modules/terraform-google-lb-http", 358, "pull"))),
        "serverless-backend-fields",
        "no option sets timeoutSec on a backend service; the backend service builder never sends it",
    ),
    built(
        "Invalid value for field 'resource.backends[0].balancingMode': 'RATE'. Balancing mode is not supported for Serverless network endpoint groups.",
        cite(SERVERLESS_NEGS, observed(github("GoogleCloudPlatform/cloud-foundation-fabric", 1801, "pull"))),
        "serverless-backend-fields",
        "backends carry only the NEG (and capacityScaler where the provider demands it); no balancing mode option exists",
    ),
    built(
        "Invalid value for field 'resource.backends[0].maxUtilization': '0.8'. Max utilization is not supported for Serverless network endpoint groups.",
        cite(SERVERLESS_NEGS, observed(providerIssue(7167))),
        "serverless-backend-fields",
        "no option sets maxUtilization, maxRate or maxConnections",
    ),
    built(
        "Invalid load balancing scheme for regional backend service with Serverless network endpoint group.",
        cite(
            note(mm("compute/RegionBackendService.yaml"), "loadBalancingScheme defaults to INTERNAL"),
            observed(providerIssue(9372)),
        ),
        "backend-service-scheme",
        "loadBalancingScheme comes from the scheme's profile on every backend service and forwarding rule, never the provider default INTERNAL/EXTERNAL",
    ),
    built(
        "capacity_scaler is required for each backend in managed backend service (provider, plan time)",
        cite(REGION_BACKEND_SERVICE_CHECKS, github("GoogleCloudPlatform/magic-modules", 3033, "pull")),
        "capacity-scaler",
        "regional EXTERNAL_MANAGED backend services get capacityScaler 1 on every backend",
    ),
    built(
        '"capacity_scaler" cannot be set for non-managed backend service / Capacity scaler must not be set for an INTERNAL backend service',
        cite(
            REGION_BACKEND_SERVICE_CHECKS,
            providerIssue(10837),
            observed(github("GoogleCloudPlatform/gke-autoneg-controller", 141)),
        ),
        "capacity-scaler",
        "capacityScaler is set on regional EXTERNAL_MANAGED backend services only",
    ),
    built(
        "The url_map resource '…/urlMaps/X' is already being used by '…/targetHttpsProxies/Y', resourceInUseByAnotherResource",
        observed(github("terraform-google-modules/terraform-google-lb-http", 213)),
        "replacement-options",
        "URL maps keep one name and update in place; the only replacement (a new name prefix) is create-before-delete, so the proxy is repointed before the old map is deleted",
    ),
    built(
        "The network_endpoint_group resource '…/networkEndpointGroups/…' is already being used by … (resourceInUseByAnotherResource)",
        cite(
            mm("compute/RegionNetworkEndpointGroup.yaml"),
            providerIssue(7503),
            providerIssue(20206),
            observed(github("GoogleCloudPlatform/cloud-foundation-fabric", 1972)),
        ),
        "hash-names",
        "serverless NEG names carry a hash of every input that forces replacement, and NEGs are create-before-delete: the new NEG exists before the backend service is repointed and the old one deleted",
    ),
    rule(
        "Invalid value for field 'urlMap.tests': ''. Test failure: Expect URL 'HOST/PATH' to map to service 'EXPECTED', but actually mapped to 'ACTUAL'.",
        cite(gcpDocs("load-balancing/docs/url-map"), compute("urlMaps", "UrlMapTest")),
        "route-test",
        "route tests run through the URL map simulator at preview, against the URL map actually emitted",
    ),
    built(
        "Invalid resource usage: Cannot delete ACTIVE subnetwork because a BACKUP subnetwork exists.",
        PROXY_ONLY_SUBNETS,
        "proxy-only-subnet-active",
        "the package only creates ACTIVE proxy-only subnets; resizing with a BACKUP subnet is the manual procedure in docs/SAFE-UPDATES.md",
    ),
    built(
        "An active proxy-only subnetwork is required in the same region and VPC as the forwarding rule",
        note(PROXY_ONLY_SUBNETS, "message text UNCONFIRMED"),
        "forwarding-rule-after-proxy-only-subnet",
        "Envoy-based schemes create (or adopt) a proxy-only subnet per region, and forwarding rules read it, so they are created after it",
    ),
    rule(
        "Regional Google-managed certificates are not supported.",
        cite(
            SSL_CERTIFICATES,
            note(gcpDocs("certificate-manager/docs/domain-authorization"), "message text UNCONFIRMED"),
        ),
        "frontend-scheme-options",
        "https.managedDomains exists only on global external and classic (the feature table); regional schemes are told to use a self-managed or Certificate Manager certificate",
    ),
    built(
        "A regional target HTTPS proxy takes only regional SSL certificates",
        cite(note(COMPUTE_MESSAGES, "SslCertificate"), SSL_CERTIFICATES),
        "certificate-scope",
        "next to a regional proxy the package creates only RegionSslCertificate, never a global or Google-managed one",
    ),
    rule(
        "The resource '…/regions/<r>/sslCertificates/<name>' was not found (global certificate referenced from a regional proxy)",
        cite(note(COMPUTE_MESSAGES, "SslCertificate"), observed(github("kubernetes/ingress-gce", 1047))),
        "certificate-links",
        "https.certificates must be regional certificates in the load balancer's region on regional schemes and global ones otherwise",
    ),
    built(
        "INVALID_ARGUMENT: dns authorization doesn't exist - field: managed.dns_authorizations[0]",
        note(DNS_AUTHORIZATIONS, "message text UNCONFIRMED"),
        "certificate-manager-placement",
        "https.managedCertificate creates each DNS authorization in its certificate's location (regional ones PER_PROJECT_RECORD); Compute managed certificates (https.managedDomains) take no DNS authorization and reject wildcards",
    ),
    built(
        "Certificate Manager certificates, maps and DNS authorizations must exist before a proxy references them, with the scope and location the proxy needs",
        cite(
            gcpDocs("certificate-manager/docs/deploy"),
            mm("compute/TargetHttpsProxy.yaml"),
            mm("compute/RegionTargetHttpsProxy.yaml"),
        ),
        "certificate-manager-placement",
        "certificates the package creates are referenced through their outputs (so Pulumi creates them first), regional for regional proxies, global ALL_REGIONS for cross-region internal, global DEFAULT in a certificate map for global external and classic",
    ),
    rule(
        "FIXED_RECORD DNS authorization for a regional Google-managed certificate",
        cite(mm("certificatemanager/DnsAuthorization.yaml"), DNS_AUTHORIZATIONS),
        "frontend-scheme-options",
        "https.managedCertificate.dnsAuthorizationType FIXED_RECORD is rejected on regional schemes (feature fixedRecordDnsAuthorization)",
    ),
    built(
        "Invalid value for field 'resource.healthChecks' (health check on a serverless NEG backend service)",
        cite(note(COMPUTE_MESSAGES, "BackendService.healthChecks"), SERVERLESS_NEGS),
        "serverless-backend-fields",
        "no option attaches a health check to a backend service",
    ),
    runtime(
        "HTTP 413 Request Entity Too Large (API quota exceeded)",
        QUOTAS,
        "a project quota; raise it in the console",
    ),
    documented(
        "502 failed_to_connect_to_backend (switching a backend to or from an internet NEG)",
        INTERNET_NEGS,
        "a transient 30–90 s while GCP switches backend kinds; docs/SAFE-UPDATES.md says to expect it",
    ),
    // What a backend service with serverless NEG backends may not have
    built(
        "portName on a serverless NEG backend service (reported rejected together with timeoutSec; UNCONFIRMED)",
        note(COMPUTE_MESSAGES, "BackendService.portName: no meaning for NEGs, the rejection UNCONFIRMED"),
        "serverless-backend-fields",
        "portName is never set",
    ),
    built(
        "Session affinity and locality load-balancing policy are not supported with serverless NEGs",
        SERVERLESS_NEGS,
        "serverless-backend-fields",
        "sessionAffinity and localityLbPolicy are never set",
    ),
    rule(
        "Cannot mix serverless NEGs with other NEG or instance-group types in one backend service",
        SERVERLESS_NEGS,
        "lb-backends",
        "each backend names exactly one kind and gets its own backend service",
    ),
    rule(
        "A regional backend service takes exactly one serverless NEG; a global one at most one per region",
        cite(SERVERLESS_NEGS, QUOTAS),
        "serverless-negs-per-backend",
        "regions are checked per scheme and for duplicates",
    ),
    rule(
        "The serverless NEG must be in the Cloud Run service's region",
        cite(note(COMPUTE_MESSAGES, "NetworkEndpointGroupCloudRun"), SERVERLESS_NEGS),
        "serverless-region",
        "every Cloud Run backend has a valid region for its NEG",
    ),
    rule(
        "Serverless NEG target: the service must be provided explicitly or in the URL mask; the tag, if any, explicitly or in the URL mask",
        cite(
            note(COMPUTE_MESSAGES, "NetworkEndpointGroupCloudRun"),
            compute("regionNetworkEndpointGroups", "NetworkEndpointGroup.FIELDS.cloud_run"),
        ),
        "cloud-run-target",
        "the service once (cloudRun.service or <service>), the tag at most once (cloudRun.tag or <tag>)",
    ),
    rule(
        "Cloud Run service and tag names are 1–63 character RFC 1035 labels",
        note(COMPUTE_MESSAGES, "NetworkEndpointGroupCloudRun.service, NetworkEndpointGroupCloudRun.tag"),
        "cloud-run-names",
        "known service names and tags are checked",
    ),
    rule(
        "A URL mask for Cloud Run uses <service> and/or <tag> and no URL scheme",
        cite(
            gcpDocs("load-balancing/docs/https/setting-up-reg-ext-https-serverless"),
            note(COMPUTE_MESSAGES, "NetworkEndpointGroupCloudRun.urlMask"),
        ),
        "url-mask-placeholder",
        "placeholders and scheme are checked",
    ),
    // Proxy-only subnets, forwarding rules, certificates
    rule(
        "A proxy-only subnet must have at least 64 addresses (/26 or larger)",
        gcpDocs("load-balancing/docs/proxy-only-subnets#proxy_only_subnet_size"),
        "proxy-only-subnet-size",
        "created proxy-only ranges are checked",
    ),
    rule(
        "Only one ACTIVE proxy-only subnet per purpose, region and VPC",
        PROXY_ONLY_SUBNETS,
        "existing-vpc-proxy-only-subnet",
        "a new VPC gets exactly one per region; in an existing VPC a warning says to adopt the one that exists",
    ),
    rule(
        "Subnet ranges in one VPC must not overlap (Invalid IPCidrRange … conflicts with existing subnetwork)",
        cite(SUBNET_RANGES, note(COMPUTE_MESSAGES, "Subnetwork.ipCidrRange")),
        "network-cidr-overlap",
        "every range the package creates is checked against the others",
    ),
    rule(
        "Subnet ranges must be valid CIDRs (Invalid IPCidrRange)",
        SUBNET_RANGES,
        "network-cidr-syntax",
        "each range is parsed",
    ),
    rule(
        "A subnet's primary IPv4 range is /29 or larger (Invalid IPCidrRange)",
        gcpDocs("vpc/docs/subnets#ipv4-ranges"),
        "subnet-size",
        "the prefix length of every regular subnet range the package creates is checked",
    ),
    documented(
        "Proxy-only subnets cannot be expanded; resizing needs a BACKUP subnet, a role swap and a drain",
        PROXY_ONLY_SUBNETS,
        "docs/SAFE-UPDATES.md gives the procedure; a preview cannot see the range already deployed",
    ),
    documented(
        "Legacy purpose INTERNAL_HTTPS_LOAD_BALANCER must be migrated to REGIONAL_MANAGED_PROXY first",
        PROXY_ONLY_SUBNETS,
        "applies to existing VPCs only: docs/SAFE-UPDATES.md gives the in-place migration command",
    ),
    built(
        "An ACTIVE proxy-only subnet cannot be deleted while a regional load balancer exists in the region and VPC",
        PROXY_ONLY_SUBNETS,
        "forwarding-rule-after-proxy-only-subnet",
        "forwarding rules depend on the proxy-only subnet, so Pulumi deletes them first",
    ),
    built(
        "ForwardingRule.loadBalancingScheme defaults to EXTERNAL",
        mm("compute/ForwardingRule.yaml"),
        "backend-service-scheme",
        "always set from the scheme",
    ),
    rule(
        "An internal forwarding rule needs the subnet its VIP comes from (never the proxy-only subnet)",
        cite(note(COMPUTE_MESSAGES, "ForwardingRule.subnetwork"), PROXY_ONLY_SUBNETS),
        "existing-network-subnet",
        "existing VPCs must name a subnet per region; new VPCs get one",
    ),
    rule(
        "Existing network and subnets must be links of the right kind and region",
        cite(FORWARDING_RULES, gcpDocs("load-balancing/docs/l7-internal/l7-internal-shared-vpc")),
        "existing-network-links",
        "self links and ids are parsed and their region compared with the key",
    ),
    rule(
        "A requested internal VIP must be a usable address of its subnet",
        cite(gcpDocs("vpc/docs/subnets"), note(COMPUTE_MESSAGES, "ForwardingRule.IPAddress")),
        "address-in-subnet",
        "checked against the subnet range the package creates, excluding GCP's four reserved addresses",
    ),
    rule(
        "An existing address must have the forwarding rule's scope and region",
        cite(note(COMPUTE_MESSAGES, "ForwardingRule.IPAddress, ForwardingRule.networkTier"), FORWARDING_RULES),
        "address-scope",
        "address links are parsed; one address per region for cross-region internal",
    ),
    rule(
        "allowGlobalAccess exists only on regional internal forwarding rules; Standard tier only on regional external",
        cite(note(COMPUTE_MESSAGES, "ForwardingRule.allowGlobalAccess, ForwardingRule.networkTier"), ALB_OVERVIEW),
        "frontend-scheme-options",
        "options are looked up in the scheme table",
    ),
    documented(
        "Changing allowGlobalAccess on an INTERNAL_MANAGED forwarding rule forces its replacement",
        cite(
            note(COMPUTE_MESSAGES, "ForwardingRule.allowGlobalAccess"),
            mmTemplate("constants/compute_forwarding_rule.go.tmpl"),
        ),
        "the forwarding rule is delete-before-replace with the same name and IP; docs/SAFE-UPDATES.md describes the short interruption",
    ),
    built(
        "Internal ALBs are Premium tier only",
        cite(SERVERLESS_NEGS, gcpDocs("network-tiers/docs/overview#resources")),
        "internal-premium-tier",
        "internal forwarding rules are always PREMIUM (set by the frontend, not an option)",
    ),
    rule(
        "At most 15 Compute SSL certificates per target HTTPS proxy",
        cite(QUOTAS, note(COMPUTE_MESSAGES, "TargetHttpsProxy.sslCertificates")),
        "https-certificate",
        "the certificates given and created (self-managed and Google-managed) are counted",
    ),
    rule(
        "Invalid value for field 'labels' (label keys and values on addresses and forwarding rules)",
        gcpDocs("compute/docs/labeling-resources#requirements"),
        "frontend-labels",
        "label count, keys and values are checked against GCP's label format",
    ),
    rule(
        "HTTPS needs a certificate on the target proxy",
        cite(note(COMPUTE_MESSAGES, "TargetHttpsProxy.sslCertificates"), mm("compute/RegionTargetHttpsProxy.yaml")),
        "https-certificate",
        "HTTPS without a certificate is rejected",
    ),
    rule(
        "Self-managed certificates must be PEM (The SSL certificate could not be parsed)",
        cite(
            note(COMPUTE_MESSAGES, "SslCertificate.certificate"),
            note(mm("compute/RegionSslCertificate.yaml"), "message text UNCONFIRMED"),
        ),
        "certificate-pem",
        "known certificate and key text is checked, never echoed",
    ),
    built(
        "No firewall rule is needed from the proxy-only subnet to serverless backends",
        cite(
            gcpDocs("load-balancing/docs/l7-internal/setting-up-l7-internal-serverless"),
            gcpDocs("load-balancing/docs/https/setting-up-reg-ext-https-serverless"),
        ),
        "no-firewall-rules",
        "the package opens no firewall rule at all",
    ),
    documented(
        "Cloud Run ingress: internal ALBs need internal (or all), external ALBs internal-and-cloud-load-balancing (or all); IAM invoker still applies",
        gcpDocs("run/docs/securing/ingress"),
        "the load balancer cannot see the service's ingress; the README and every program set it explicitly for their pattern",
    ),
    // Quotas and limits
    rule(
        "URL map limits: host rules (1,000 external, 2,000 internal), path matchers, rules per matcher, hosts per host rule, predicates, 2,500 backend services, regexes, path templates, size (1 MB; classic 64 KB — [url-map-size-quota](https://docs.cloud.google.com/load-balancing/docs/url-map-size-quota))",
        cite(QUOTAS, gcpDocs("load-balancing/docs/url-map-size-quota")),
        "route-limits",
        "the compiled URL map is counted and its size estimated (compact JSON, full-length backend links) before it is sent; hosts with the same routing share a host rule",
    ),
    rule(
        "Header actions: at most 16 headers, never Host/:authority or reserved prefixes (X-Google, X-Goog-, X-GFE, X-Amz-), X-User-IP, CDN-Loop, hop-by-hop",
        cite(gcpDocs("load-balancing/docs/https/custom-headers"), INTERNET_NEGS),
        "route-header-actions",
        "header names and counts are checked per header action",
    ),
    rule(
        "Serverless NEG backend services cannot be request-mirroring targets",
        cite(note(COMPUTE_MESSAGES, "RequestMirrorPolicy.backendService"), FEATURES),
        "route-mirror",
        "mirror targets must not be Cloud Run backends",
    ),
    rule(
        "URL map features per scheme (splits, header actions, fault injection, retries on classic; regex on global schemes)",
        cite(FEATURES, gcpDocs("load-balancing/docs/url-map-concepts")),
        "route-scheme-features",
        "each route's features are looked up in the scheme table",
    ),
    runtime(
        "Per-project backend service, forwarding rule and NEG quotas",
        QUOTAS,
        "project quotas whose defaults are UNCONFIRMED; they depend on everything else in the project",
    ),
    built(
        "Serverless NEGs hold exactly one endpoint",
        cite(QUOTAS, SERVERLESS_NEGS),
        "one-target-per-neg",
        "each NEG names its Cloud Run service once (explicitly or as <service> in its URL mask)",
    ),
    runtime(
        "5,000 QPS per project and region for regional ALBs with serverless NEGs",
        SERVERLESS_NEGS,
        "a traffic limit; ask support to raise it",
    ),
    built(
        "One SSL policy per target proxy",
        QUOTAS,
        "one-ssl-policy",
        "the frontend sets at most one policy on its proxy",
    ),
    runtime("Client request and response header size limits", QUOTAS, "depends on the requests clients send"),
    // Naming and replacement mechanics
    built(
        "pulumi-gcp autonames most regional resources without lowercasing or a 63-character cap (invalid GCE names)",
        cite(github("pulumi/pulumi-gcp", 2164), github("pulumi/pulumi-gcp", 1235, "pull")),
        "valid-names",
        "every resource gets an explicit name from gcpName/replacementSafeName, valid for any logical name",
    ),
    built(
        "The bridge forces delete-before-replace for explicitly named resources (nameRequiresDeleteBeforeReplace), so a replaced NEG, certificate or URL map is deleted while still referenced",
        cite(github("pulumi/pulumi-terraform", 465, "pull"), github("pulumi/pulumi", 6350)),
        "replacement-options",
        "every resource states deleteBeforeReplace from its kind's policy, which overrides the provider's request",
    ),
    built(
        "A ForceNew change on an in-use certificate blocks the replacement (HTTPS down or resourceInUseByAnotherResource)",
        cite(providerIssue(6147), github("pulumi/pulumi", 6350)),
        "hash-names",
        "certificate names hash the certificate and key: the new certificate is created and attached before the old one is deleted",
    ),
    rule(
        "Physical names must be [a-z]([-a-z0-9]*[a-z0-9])?, at most 63 characters (user-given name prefix)",
        cite(gcpDocs("compute/docs/naming-resources"), compute("backendServices", "BackendService.FIELDS.name")),
        "lb-name-prefix",
        "a given namePrefix is checked instead of silently rewritten",
    ),
    rule(
        "Two backends must not get the same physical names (already exists)",
        gcpDocs("compute/docs/naming-resources"),
        "lb-backend-keys",
        "backend keys are compared after normalisation",
    ),
    rule(
        "A URL map references only backend services of its own scope and region",
        cite(gcpDocs("load-balancing/docs/url-map-concepts"), gcpDocs("load-balancing/docs/backend-service")),
        "backend-service-links",
        "existing backend service links are parsed and their scope compared with the scheme's",
    ),
    documented(
        "The scheme (loadBalancingScheme) cannot be changed in place on regional backend services and forwarding rules",
        cite(mm("compute/RegionBackendService.yaml"), mm("compute/ForwardingRule.yaml")),
        "changing the scheme means a new load balancer: docs/SAFE-UPDATES.md gives the side-by-side procedure",
    ),
    built(
        "cloudrunv2.Service.deletionProtection defaults to true, so pulumi destroy fails",
        mm("cloudrunv2/Service.yaml"),
        "no-cloud-run-services",
        "the package creates no Cloud Run service; every program sets deletionProtection: false",
    ),
    rule(
        "A regional URL map cannot reference a regional backend bucket through pulumi-gcp (RegionUrlMap parses every service as regions/<r>/backendServices/<name>: `… was not found`)",
        cite(providerIssue(26894), providerIssue(27773)),
        "bucket-scheme",
        "a bucket backend on regional-internal or regional-external is a preview error naming global external or cross-region internal",
    ),
    rule(
        "A backend bucket's link given where a backend service belongs (URL map points at a backend service that does not exist)",
        cite(note(COMPUTE_MESSAGES, "UrlMap.defaultService"), gcpDocs("load-balancing/docs/backend-bucket")),
        "backend-service-links",
        "a backendBuckets link in backendService is rejected and pointed to bucket.existing; an output is checked once known",
    ),
    rule(
        "BackendBucket.enableCdn cannot be true with loadBalancingScheme INTERNAL_MANAGED; regional backend buckets have no Cloud CDN",
        cite(mm("compute/BackendBucket.yaml"), mm("compute/RegionBackendBucket.yaml")),
        "backend-cdn",
        "cdn is read from the scheme table, which has Cloud CDN on global external and classic only",
    ),
    rule(
        "Invalid negativeCachingPolicy (statuses 300, 301, 302, 307, 308, 404, 405, 410, 421, 451, 501 once each, TTL ≤ 1800 s) and signed URL keys that are not 128-bit base64url",
        note(COMPUTE_MESSAGES, "BackendServiceCdnPolicyNegativeCachingPolicy, SignedUrlKey.keyValue"),
        "backend-cdn-policy",
        "negative-caching TTLs and signed URL keys are checked before they reach the API; key values are never echoed",
    ),
    rule(
        "defaultCustomErrorResponsePolicy / customErrorResponsePolicy: 'supported only for global external Application Load Balancers'",
        cite(
            gcpDocs("load-balancing/docs/https/custom-error-response"),
            note(COMPUTE_MESSAGES, "UrlMap.defaultCustomErrorResponsePolicy"),
        ),
        "error-responses-scheme",
        "custom error responses on another scheme are a preview error naming global external",
    ),
    rule(
        "errorService must be 'the BackendBucket resource that contains the custom error content'; matchResponseCodes 400–599 or 4xx/5xx, unique per policy; path starts with / and has no trailing /",
        note(COMPUTE_MESSAGES, "CustomErrorResponsePolicy"),
        "error-responses-bucket",
        "the error backend must be a bucket backend of the load balancer; error-responses-rules checks the codes, paths and override",
    ),
    rule(
        "IAP is an authorization layer for applications accessed by HTTPS (IAP on an HTTP-only load balancer)",
        gcpDocs("iap/docs/concepts-overview"),
        "iap-https",
        "a backend with iap.enabled on a load balancer without https is rejected",
    ),
    rule(
        "Backend buckets aren't supported with IAP",
        gcpDocs("iap/docs/load-balancer-howto"),
        "iap-backend-kind",
        "iap.enabled on a bucket backend is rejected, whatever else the backend sets",
    ),
    rule(
        "IAP can't be used on both Cloud Run services and the load balancer",
        gcpDocs("iap/docs/enabling-cloud-run"),
        "iap-cloud-run-and-lb",
        "the offline plan rejects a Cloud Run service with iapEnabled behind an IAP-enabled backend service",
    ),
    // Constraints confirmed at their primary source in a later review
    rule(
        "If Identity-Aware Proxy is enabled, only a single serverless NEG is supported (cross-region internal)",
        gcpDocs("load-balancing/docs/l7-internal/setting-up-l7-cross-reg-serverless"),
        "iap-serverless-neg-count",
        "IAP with cloudRun.regions of two or more is refused on cross-region internal; global external and classic take it",
    ),
    rule(
        "The proxy-only subnet can't be used for any other purpose; the forwarding rule's IP doesn't come from it",
        PROXY_ONLY_SUBNETS,
        "existing-network-distinct-subnets",
        "an existing VPC's VIP subnet and proxy-only subnet must be two different subnets",
    ),
    rule(
        "Global internet NEGs serve only global external and classic; regional backend services take regional NEGs",
        INTERNET_NEGS,
        "internet-neg-scope",
        "a NEG passed by id must have the backend service's scope (checked at preview, or when an apply-time id resolves)",
    ),
    rule(
        "A Certificate Manager certificate or map must be in the proxy's location (regional in the proxy's region, global for global proxies; ALL_REGIONS for cross-region internal)",
        cite(
            gcpDocs("certificate-manager/docs/overview"),
            mm("compute/RegionTargetHttpsProxy.yaml"),
            mm("certificatemanager/Certificate.yaml"),
        ),
        "certificate-manager-scope",
        "known references are parsed and their location compared with the proxy's; certificates the package creates are checked with certificateManagerMismatch",
    ),
    rule(
        "Classic: 'IPv4 IPv6 (requires Premium Tier)'; IPv6 in Standard Tier",
        ALB_OVERVIEW,
        "ipv6-premium-tier",
        "ipv6 with networkTier STANDARD is refused on classic and (assumed, UNCONFIRMED) regional external",
    ),
    built(
        "An address's purpose cannot change in place; a second reservation of a fixed internal IP fails",
        cite(
            gcpDocs("load-balancing/docs/l7-internal/setting-up-http-to-https-redirect"),
            note(COMPUTE_MESSAGES, "Address.purpose"),
            mm("compute/Address.yaml"),
        ),
        "shared-internal-vip",
        "internal VIPs are always reserved SHARED_LOADBALANCER_VIP, so toggling the HTTP→HTTPS redirect never replaces the address",
    ),
];
