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
    /** Inputs whose change forces replacement (gcp-facts §11, terraform-provider-google v7.45.0 ForceNew). */
    forceNew: string;
    /** How the GCP name is made; "hash" names end in a digest of `hashOf`. */
    naming: "hash" | "fixed";
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
        title: "Serverless NEG",
        forceNew: "every field (cloudRun.service/tag/urlMask, region, project, name)",
        naming: "hash",
        hashOf: "project, region, Cloud Run service, tag, URL mask",
        mode: CBD,
        behaviour:
            "new NEG with a new name is created, the backend service is updated in place to use it, then the old NEG is deleted; no downtime",
    },
    {
        type: "gcp:compute/backendService:BackendService",
        title: "Backend service (global)",
        forceNew: "name, project",
        naming: "hash",
        hashOf: "load balancing scheme",
        mode: CBD,
        behaviour:
            "backends, logging and other settings update in place; only a scheme change renames it, and then the URL map is repointed before the old one is deleted",
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
        behaviour: "as the regional forwarding rule: delete, then create with the same name and IP",
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
        title: "Subnet and proxy-only subnet",
        forceNew: "name, network, region; ipCidrRange only when shrinking; purpose and role update in place",
        naming: "fixed",
        mode: DBR,
        behaviour:
            "growing a regular subnet is in place; shrinking one, or resizing a proxy-only subnet, cannot be done by an update: follow the BACKUP/ACTIVE procedure in docs/SAFE-UPDATES.md",
    },
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
