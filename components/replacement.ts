/**
 * How each kind of GCP resource this package creates is replaced when a change forces replacement,
 * as data: the documentation (docs/SAFE-UPDATES.md), the resource options every child is created
 * with, and the tests all read this one table.
 *
 * Why explicit: the Terraform bridge under pulumi-gcp asks the engine for delete-before-replace on
 * every resource whose `name` the program sets (`nameRequiresDeleteBeforeReplace`; pulumi-gcp declares
 * no `UniqueNameFields` for load-balancing resources), and every resource here has an explicit name.
 * Deleting a NEG, certificate, backend service or URL map first fails with
 * `resourceInUseByAnotherResource` while a referrer still points at it. The engine lets a resource's
 * own `deleteBeforeReplace` option override the provider's request (pulumi/pulumi step generator:
 * "The user can override the provider's decision by setting the `deleteBeforeReplace` field of
 * `ResourceOptions` to either `true` or `false`"), so each kind states its mode here.
 *
 * - create-before-delete: safe whenever every replacement also changes the GCP name (a hash of the
 *   inputs that force replacement, or a name that only a name change can replace), so the new resource
 *   never collides with the old one. Pulumi creates it, repoints the referrers in place, then deletes
 *   the old one.
 * - delete-before-replace: for kinds that keep a fixed name while other inputs force replacement and
 *   that nothing references (forwarding rules): the old one must go first to free its name and IP.
 *   Also for IAM members: a replacement that keeps the same (resource, role, member) would otherwise
 *   add the binding (a no-op, it exists) and then delete the old one, leaving no binding at all.
 */
import * as pulumi from "@pulumi/pulumi";

/** How a replacement is carried out. */
export const ReplacementMode = {
    CreateBeforeDelete: "create-before-delete",
    DeleteBeforeReplace: "delete-before-replace",
} as const;
export type ReplacementMode = (typeof ReplacementMode)[keyof typeof ReplacementMode];

/** The replacement behaviour of one resource kind. */
export interface ReplacementPolicy {
    /** Pulumi type token. */
    type: string;
    /** Short name for docs, e.g. "Serverless NEG". */
    title: string;
    /** Inputs whose change forces replacement (terraform-provider-google v7.45.0 ForceNew: https://github.com/hashicorp/terraform-provider-google/tree/v7.45.0/google/services/compute). */
    forceNew: string;
    /**
     * How the GCP name is made; "hash" names end in a digest of `hashOf`; "none" for kinds GCP
     * identifies by their fields (endpoints, IAM members, security policy rules), which have no name.
     */
    naming: "hash" | "fixed" | "none";
    /** Inputs the hash covers (naming "hash"). */
    hashOf?: string;
    mode: ReplacementMode;
    /** What a user sees on `pulumi up` after such a change, and why it is safe. */
    behaviour: string;
}

const CBD = ReplacementMode.CreateBeforeDelete;
const DBR = ReplacementMode.DeleteBeforeReplace;

export const replacementPolicies: ReplacementPolicy[] = [
    {
        type: "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
        title: "Serverless NEG and regional internet NEG",
        forceNew: "every field (cloudRun.service/tag/urlMask, networkEndpointType, network, region, project, name)",
        naming: "hash",
        hashOf: "project, region, Cloud Run service, tag, URL mask (serverless); project, region, network, endpoint type (internet)",
        mode: CBD,
        behaviour:
            "new NEG with a new name is created, the backend service is updated in place to use it, then the old NEG is deleted; no downtime",
    },
    {
        type: "gcp:compute/regionNetworkEndpoint:RegionNetworkEndpoint",
        title: "Regional internet NEG endpoint",
        forceNew: "all (NEG, region, fqdn, ipAddress, port)",
        naming: "none",
        mode: CBD,
        behaviour:
            "endpoints are keyed by host and port, so editing the list adds and removes exactly the endpoints that changed (a NEG holds up to 256); a NEG replacement creates the new NEG's endpoints before the old NEG goes",
    },
    {
        type: "gcp:compute/globalNetworkEndpointGroup:GlobalNetworkEndpointGroup",
        title: "Global internet NEG",
        forceNew: "all (name, networkEndpointType, defaultPort)",
        naming: "hash",
        hashOf: "project, endpoint type, FQDN or IP, port",
        mode: CBD,
        behaviour:
            "a global internet NEG holds exactly one endpoint, so a new endpoint means a new NEG (the endpoint is in the hash): created with its endpoint, attached to the backend service, then the old NEG is deleted",
    },
    {
        type: "gcp:compute/globalNetworkEndpoint:GlobalNetworkEndpoint",
        title: "Global internet NEG endpoint",
        forceNew: "all (NEG, fqdn, ipAddress, port)",
        naming: "none",
        mode: CBD,
        behaviour:
            "replaced only together with its NEG (whose name hashes the endpoint), so the new endpoint goes into the new NEG and never meets the one-endpoint limit",
    },
    {
        type: "gcp:compute/networkEndpointGroup:NetworkEndpointGroup",
        title: "Hybrid NEG (zonal)",
        forceNew: "all (name, zone, network, subnetwork, networkEndpointType, defaultPort)",
        naming: "hash",
        hashOf: "project, zone, network, default port",
        mode: CBD,
        behaviour:
            "a zone, network or default-port change creates a new NEG with its endpoints, repoints the backend service, then deletes the old NEG",
    },
    {
        type: "gcp:compute/networkEndpoint:NetworkEndpoint",
        title: "Hybrid NEG endpoint",
        forceNew: "all (NEG, zone, ipAddress, port)",
        naming: "none",
        mode: CBD,
        behaviour:
            "endpoints are keyed by IP and port: an edited list adds the new endpoints before removing the old ones, so the NEG never runs empty",
    },
    {
        type: "gcp:compute/healthCheck:HealthCheck",
        title: "Health check (global, hybrid NEGs)",
        forceNew: "name, project",
        naming: "fixed",
        mode: CBD,
        behaviour: "port, path, protocol and timings update in place; only a new name prefix replaces it",
    },
    {
        type: "gcp:compute/regionHealthCheck:RegionHealthCheck",
        title: "Health check (regional, hybrid NEGs)",
        forceNew: "name, project, region",
        naming: "fixed",
        mode: CBD,
        behaviour: "as the global health check; a region change creates it in the new region (names are per region)",
    },
    {
        type: "gcp:compute/backendService:BackendService",
        title: "Backend service (global)",
        forceNew: "name, project",
        naming: "hash",
        hashOf: "load balancing scheme (a classic one's, kept with migrationStage migrated)",
        mode: CBD,
        behaviour:
            'backends, logging, the migration state and other settings update in place; a scheme change renames it, and then the URL map is repointed before the old one is deleted — except classic → global external with migrationStage "migrated", which keeps the classic name and switches loadBalancingScheme in place (Google\'s migration; magic-modules BackendService.yaml)',
    },
    {
        type: "gcp:compute/regionBackendService:RegionBackendService",
        title: "Backend service (regional)",
        forceNew: "name, project, loadBalancingScheme, network (region: UNCONFIRMED)",
        naming: "hash",
        hashOf: "load balancing scheme, region",
        mode: CBD,
        behaviour:
            "settings update in place; a scheme or region change gives a new name, so the new one is created and the URL map repointed before the old one is deleted",
    },
    {
        type: "gcp:compute/backendBucket:BackendBucket",
        title: "Backend bucket (global)",
        forceNew: "name, project",
        naming: "fixed",
        mode: CBD,
        behaviour:
            "the bucket it serves, Cloud CDN settings, the edge security policy (setEdgeSecurityPolicy after create and update, magic-modules BackendBucket.yaml) and scheme update in place; only a new name prefix or backend key replaces it, and the new name lets the URL map be repointed before the old one is deleted",
    },
    {
        type: "gcp:compute/regionBackendBucket:RegionBackendBucket",
        title: "Backend bucket (regional)",
        forceNew: "name, project, region",
        naming: "fixed",
        mode: CBD,
        behaviour: "as the global backend bucket; a region change creates it in the new region (names are per region)",
    },
    {
        type: "gcp:storage/bucket:Bucket",
        title: "Cloud Storage bucket (created for a bucket backend)",
        forceNew: "name, location, project",
        naming: "hash",
        hashOf: "project, location (a generated name; a given name is used as is)",
        mode: CBD,
        behaviour:
            "a location change creates a new, empty bucket under a new name and repoints the backend bucket; deleting the old bucket fails while it holds objects unless forceDestroy is on, so copy the files over first (with a given name, the new bucket cannot be created while the old one exists: change the name too)",
    },
    ...[
        [
            "gcp:compute/backendBucketSignedUrlKey:BackendBucketSignedUrlKey",
            "Cloud CDN signed URL key (backend bucket)",
        ],
        [
            "gcp:compute/backendServiceSignedUrlKey:BackendServiceSignedUrlKey",
            "Cloud CDN signed URL key (backend service)",
        ],
    ].map(([type, title]): ReplacementPolicy => ({
        type,
        title,
        forceNew: "every field (name, key value, backend)",
        naming: "fixed",
        mode: DBR,
        behaviour:
            "a new value under the same key name deletes the old key first (the name is taken): URLs signed with it fail from then on. Rotate by adding a key under a new name, re-signing, then removing the old one",
    })),
    {
        type: "gcp:compute/uRLMap:URLMap",
        title: "URL map (global)",
        forceNew: "name, project",
        naming: "fixed",
        mode: CBD,
        behaviour:
            "every routing change is an in-place update; only a new name prefix replaces it, and the new name lets the proxy be repointed before the old map is deleted",
    },
    {
        type: "gcp:compute/regionUrlMap:RegionUrlMap",
        title: "URL map (regional)",
        forceNew: "name, project, region",
        naming: "fixed",
        mode: CBD,
        behaviour: "as the global URL map; a region change creates it in the new region (names are per region)",
    },
    {
        type: "gcp:compute/targetHttpProxy:TargetHttpProxy",
        title: "HTTP proxy (global)",
        forceNew: "name, description, httpKeepAliveTimeoutSec, proxyBind (none of which the package varies)",
        naming: "fixed",
        mode: CBD,
        behaviour: "URL map changes update it in place",
    },
    {
        type: "gcp:compute/targetHttpsProxy:TargetHttpsProxy",
        title: "HTTPS proxy (global)",
        forceNew:
            "name, description, httpKeepAliveTimeoutSec, proxyBind, tlsEarlyData (none of which the package varies)",
        naming: "fixed",
        mode: CBD,
        behaviour: "URL map and certificate changes update it in place",
    },
    {
        type: "gcp:compute/regionTargetHttpProxy:RegionTargetHttpProxy",
        title: "HTTP proxy (regional)",
        forceNew: "name, region, description, httpKeepAliveTimeoutSec",
        naming: "fixed",
        mode: CBD,
        behaviour: "URL map changes update it in place",
    },
    {
        type: "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
        title: "HTTPS proxy (regional)",
        forceNew: "name, region, description, httpKeepAliveTimeoutSec",
        naming: "fixed",
        mode: CBD,
        behaviour: "URL map and certificate changes update it in place",
    },
    {
        type: "gcp:compute/sSLCertificate:SSLCertificate",
        title: "Self-managed certificate (global)",
        forceNew: "certificate, privateKey, name",
        naming: "hash",
        hashOf: "certificate and private key (the digest reveals nothing of the key)",
        mode: CBD,
        behaviour:
            "a renewed certificate or new key gives a new certificate resource; the proxy switches to it in place, then the old one is deleted: HTTPS stays up",
    },
    {
        type: "gcp:compute/regionSslCertificate:RegionSslCertificate",
        title: "Self-managed certificate (regional)",
        forceNew: "certificate, privateKey, name, region",
        naming: "hash",
        hashOf: "region, certificate and private key",
        mode: CBD,
        behaviour: "as the global certificate",
    },
    {
        type: "gcp:compute/managedSslCertificate:ManagedSslCertificate",
        title: "Google-managed certificate",
        forceNew: "managed.domains, name, type",
        naming: "hash",
        hashOf: "domains",
        mode: CBD,
        behaviour:
            "changed domains give a new certificate; the proxy switches to it at once, then the old one is deleted. The new certificate serves only once GCP has provisioned it (up to about an hour, DNS must point at the load balancer): to avoid that gap, add the new certificate through https.certificates first (docs/SAFE-UPDATES.md)",
    },
    {
        type: "gcp:certificatemanager/dnsAuthorization:DnsAuthorization",
        title: "DNS authorization (Certificate Manager)",
        forceNew: "name, domain, location, type, project",
        naming: "hash",
        hashOf: "domain, location, authorization type",
        mode: CBD,
        behaviour:
            "a new domain or authorization type gives a new authorization with a new CNAME to publish (dns creates it), created before the old one and the certificates using it are deleted",
    },
    {
        type: "gcp:certificatemanager/certificate:Certificate",
        title: "Google-managed certificate (Certificate Manager, one per domain)",
        forceNew: "name, location, scope, managed (domains, dnsAuthorizations), project",
        naming: "hash",
        hashOf: "domain, location, scope, DNS authorization domain and type",
        mode: CBD,
        behaviour:
            "each domain has its own certificate, so adding or removing a domain creates or deletes that domain's certificate only and the others keep serving; a changed domain's new certificate is created, the proxy or map entry switches to it, then the old one is deleted (docs/SAFE-UPDATES.md: the new one serves once provisioned)",
    },
    {
        type: "gcp:certificatemanager/certificateMap:CertificateMap",
        title: "Certificate map",
        forceNew: "name, project",
        naming: "fixed",
        mode: CBD,
        behaviour:
            "entries are separate resources, so certificate changes never touch the map; only a new name prefix replaces it",
    },
    {
        type: "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry",
        title: "Certificate map entry (one per domain, plus PRIMARY)",
        forceNew: "name, map, hostname, matcher, project; certificates update in place",
        naming: "hash",
        hashOf: "hostname (or the PRIMARY matcher)",
        mode: CBD,
        behaviour:
            "a domain added or removed adds or removes its entry; the PRIMARY entry (clients without SNI) follows the first domain's certificate in place",
    },
    {
        type: "gcp:certificatemanager/certificateIssuanceConfig:CertificateIssuanceConfig",
        title: "Certificate issuance config (private CA certificates)",
        forceNew: "every field (name, location, caPool, keyAlgorithm, lifetime, rotationWindowPercentage, project)",
        naming: "hash",
        hashOf: "CA pool, location, key algorithm",
        mode: CBD,
        behaviour:
            "a new CA pool or key algorithm creates a new issuance config and new certificates from it (their names hash the config's); the proxy or map switches to them, then the old ones are deleted (the new certificates serve once issued, usually minutes)",
    },
    {
        type: "gcp:projects/serviceIdentity:ServiceIdentity",
        title: "Certificate Manager service agent (private CA certificates)",
        forceNew: "service, project",
        naming: "none",
        mode: CBD,
        behaviour:
            "the agent exists once per project; deleting the resource leaves the agent in place (GCP has no delete)",
    },
    {
        type: "gcp:certificatemanager/trustConfig:TrustConfig",
        title: "Trust config (client certificate roots for mTLS)",
        forceNew: "name, location, project; trustStores and allowlistedCertificates update in place",
        naming: "fixed",
        mode: CBD,
        behaviour:
            "new or rotated roots, intermediates and allowlisted certificates update it in place; a region change creates it in the new location (names are per location) before the server TLS policy is repointed",
    },
    {
        type: "gcp:networksecurity/serverTlsPolicy:ServerTlsPolicy",
        title: "Server TLS policy (frontend mTLS)",
        forceNew: "name, location, project; mtlsPolicy updates in place",
        naming: "fixed",
        mode: CBD,
        behaviour:
            "a validation mode change updates it in place; a region change creates it in the new location, the proxy is repointed, then the old one is deleted",
    },
    {
        // https://github.com/GoogleCloudPlatform/magic-modules/blob/main/mmv1/products/networksecurity/AuthzPolicy.yaml
        // (name and location in the URL; policyProfile immutable; target, httpRules, action, description by PATCH)
        type: "gcp:networksecurity/authzPolicy:AuthzPolicy",
        title: "Authorization policy (authorization.deny / authorization.allow)",
        forceNew: "name, location, project, policyProfile; target, httpRules and action update in place",
        naming: "fixed",
        mode: CBD,
        behaviour:
            "rule changes and new forwarding rules update the policy in place; a region change creates it in the new location (names are per location) before the old one is deleted, so for a moment both apply: a request must pass both (DENY) or either (ALLOW)",
    },
    {
        type: "gcp:dns/recordSet:RecordSet",
        title: "DNS record (address A/AAAA, authorization CNAME)",
        forceNew: "name, type, managedZone, project; rrdatas, ttl and routingPolicy update in place",
        naming: "none",
        mode: CBD,
        behaviour:
            "records are keyed by DNS name and type: a new address or CNAME value updates the record in place; a name added or removed creates or deletes that record only; a zone change creates the record in the new zone before deleting the old one",
    },
    {
        type: "gcp:compute/sSLPolicy:SSLPolicy",
        title: "SSL policy (global)",
        forceNew: "name, description, project (profile, minTlsVersion, customFeatures update in place)",
        naming: "fixed",
        mode: CBD,
        behaviour: "profile and TLS version changes update in place; only a new name prefix replaces it",
    },
    {
        type: "gcp:compute/regionSslPolicy:RegionSslPolicy",
        title: "SSL policy (regional)",
        forceNew: "name, description, project, region",
        naming: "fixed",
        mode: CBD,
        behaviour: "as the global SSL policy; a region change creates it in the new region (names are per region)",
    },
    {
        type: "gcp:compute/globalAddress:GlobalAddress",
        title: "Reserved IP (global)",
        forceNew: "essentially every field",
        naming: "hash",
        hashOf: "address type, IP version",
        mode: CBD,
        behaviour:
            "never changes unless its own inputs do; then a new IP is reserved (DNS must follow), the forwarding rule is replaced onto it, and the old IP is released unless retainOnDelete",
    },
    {
        type: "gcp:compute/address:Address",
        title: "Reserved IP (regional)",
        forceNew: "essentially every field",
        naming: "hash",
        hashOf: "region, subnet (internal) or network tier (external), requested IP",
        mode: CBD,
        behaviour:
            "a changed requested IP, subnet or tier reserves the new address first, replaces the forwarding rule onto it, then releases the old one unless retainOnDelete",
    },
    {
        type: "gcp:compute/forwardingRule:ForwardingRule",
        title: "Forwarding rule (regional)",
        forceNew:
            "almost every field: ipAddress, portRange, loadBalancingScheme, network, subnetwork, networkTier, allowGlobalAccess (INTERNAL_MANAGED); target is updatable",
        naming: "fixed",
        mode: DBR,
        behaviour:
            "a port, IP, tier or global-access change deletes the rule, then creates it again with the same name: the VIP stops answering for the seconds in between; nothing references a forwarding rule, so the delete cannot be blocked",
    },
    {
        type: "gcp:compute/globalForwardingRule:GlobalForwardingRule",
        title: "Forwarding rule (global)",
        forceNew:
            "name, ipAddress, ipProtocol, portRange, network, subnetwork, networkTier; target and scheme updatable",
        naming: "fixed",
        mode: DBR,
        behaviour:
            "as the regional forwarding rule: delete, then create with the same name and IP; the classic → global external switch (loadBalancingScheme EXTERNAL → EXTERNAL_MANAGED) and the backend-bucket migration state update in place (magic-modules GlobalForwardingRule.yaml: PATCH)",
    },
    {
        type: "gcp:compute/securityPolicy:SecurityPolicy",
        title: "Cloud Armor policy (global)",
        forceNew:
            "name, type (fixed per resource: CLOUD_ARMOR for securityPolicy, CLOUD_ARMOR_EDGE for edgeSecurityPolicy, each a resource of its own, so no policy changes type), project; rules update in place",
        naming: "fixed",
        mode: CBD,
        behaviour:
            "rule and Adaptive Protection changes update in place; only a new name prefix or backend key replaces it, and the backend service is repointed before the old policy is deleted",
    },
    {
        type: "gcp:compute/regionSecurityPolicy:RegionSecurityPolicy",
        title: "Cloud Armor policy (regional)",
        forceNew: "name, type (fixed to CLOUD_ARMOR), project, region",
        naming: "fixed",
        mode: CBD,
        behaviour: "as the global policy; its rules are separate resources",
    },
    {
        type: "gcp:compute/regionSecurityPolicyRule:RegionSecurityPolicyRule",
        title: "Cloud Armor rule (regional policy)",
        forceNew: "securityPolicy, priority, region, project; match and action update in place",
        naming: "none",
        mode: CBD,
        behaviour:
            "rules are keyed by priority, so a changed rule updates in place; a new policy gets its rules before the old policy (and its rules) go, so protection never lapses",
    },
    {
        type: "gcp:compute/network:Network",
        title: "VPC",
        forceNew: "name, autoCreateSubnetworks (fixed to false)",
        naming: "fixed",
        mode: CBD,
        behaviour: "routing mode updates in place; only a new name prefix replaces it (a new VPC)",
    },
    {
        type: "gcp:compute/subnetwork:Subnetwork",
        title: "Subnet, proxy-only subnet and PSC NAT subnet",
        forceNew: "name, network, region; ipCidrRange only when shrinking; purpose and role update in place",
        naming: "fixed",
        mode: DBR,
        behaviour:
            "growing a regular subnet is in place; shrinking one, or resizing a proxy-only subnet, cannot be done by an update: follow the BACKUP/ACTIVE procedure in docs/SAFE-UPDATES.md",
    },
    {
        // https://github.com/GoogleCloudPlatform/magic-modules/blob/main/mmv1/products/compute/ServiceAttachment.yaml
        // (immutable: name, region, domainNames; targetService, natSubnets, lists and proxy protocol update by PATCH)
        type: "gcp:compute/serviceAttachment:ServiceAttachment",
        title: "Private Service Connect service attachment (publish)",
        forceNew: "name, region, project, domainNames",
        naming: "fixed",
        mode: DBR,
        behaviour:
            "connection preference, accept/reject lists, NAT subnets, proxy protocol and the target forwarding rule update in place; only a new name prefix, region or domain name replaces it, and then consumers' endpoints must be recreated for the new attachment",
    },
    ...[
        [
            "gcp:iap/webBackendServiceIamMember:WebBackendServiceIamMember",
            "IAP accessor grant (global backend service)",
        ],
        [
            "gcp:iap/webRegionBackendServiceIamMember:WebRegionBackendServiceIamMember",
            "IAP accessor grant (regional backend service)",
        ],
        ["gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "Cloud Run invoker grant (IAP service agent)"],
        [
            "gcp:compute/backendServiceIamMember:BackendServiceIamMember",
            "Load balancer service user grant (backend service)",
        ],
        [
            "gcp:compute/regionBackendServiceIamMember:RegionBackendServiceIamMember",
            "Load balancer service user grant (regional backend service)",
        ],
        ["gcp:projects/iAMMember:IAMMember", "Load balancer service user grant (project)"],
        [
            "gcp:certificateauthority/caPoolIamMember:CaPoolIamMember",
            "CA pool certificate requester grant (Certificate Manager service agent)",
        ],
        ["gcp:storage/bucketIAMMember:BucketIAMMember", "Public read grant on a created bucket (allUsers)"],
    ].map(([type, title]): ReplacementPolicy => ({
        type,
        title,
        forceNew: "every field (resource, role, member, project)",
        naming: "none",
        mode: DBR,
        behaviour:
            "a grant is removed, then added again: create-before-delete would add a binding that already exists (a no-op) and then delete it, leaving none. The principal loses access for the seconds in between; nothing references a grant, so the delete cannot be blocked",
    })),
];

const byType = new Map(replacementPolicies.map((p) => [p.type, p]));

/** The policy for a resource type; throws for a type the table lacks, so no kind goes unconsidered. */
export function replacementPolicy(type: string): ReplacementPolicy {
    const policy = byType.get(type);
    if (!policy) {
        throw new Error(`cloudrun-lb: no replacement policy for ${type}; add one to components/replacement.ts`);
    }
    return policy;
}

/** The Pulumi type token of a resource class, e.g. `compute.URLMap` → `gcp:compute/uRLMap:URLMap`. */
export function typeToken(resourceClass: abstract new (...args: never[]) => pulumi.CustomResource): string {
    const token = (resourceClass as unknown as { __pulumiType?: string }).__pulumiType;
    if (typeof token !== "string") {
        throw new Error(`cloudrun-lb: ${resourceClass.name} has no Pulumi type token`);
    }
    return token;
}

/**
 * The resource options a child is created with: the caller's options plus the `deleteBeforeReplace`
 * its kind's policy requires (explicit, so the bridge's default for named resources does not apply).
 *
 * @example new compute.URLMap(name, args, replacementOptions(compute.URLMap, { parent: this }))
 */
export function replacementOptions<T extends pulumi.CustomResourceOptions>(
    resourceClass: abstract new (...args: never[]) => pulumi.CustomResource,
    opts: T,
): T {
    return { ...opts, deleteBeforeReplace: replacementPolicy(typeToken(resourceClass)).mode === DBR };
}
