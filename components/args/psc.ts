/**
 * Arguments of publishing a load balancer over Private Service Connect (`publish`), and the pure functions
 * that read them: no resources here.
 *
 * @see https://cloud.google.com/vpc/docs/about-vpc-hosted-services
 * @see https://github.com/GoogleCloudPlatform/magic-modules/blob/main/mmv1/products/compute/ServiceAttachment.yaml
 */

/**
 * Which consumer endpoints a service attachment connects: every project's (`ACCEPT_AUTOMATIC`), or only
 * those of the projects and networks in `consumerAcceptLists` (`ACCEPT_MANUAL`).
 */
export const PscConnectionPreference = {
    AcceptAutomatic: "ACCEPT_AUTOMATIC",
    AcceptManual: "ACCEPT_MANUAL",
} as const;
export type PscConnectionPreference = (typeof PscConnectionPreference)[keyof typeof PscConnectionPreference];

/** One consumer allowed to connect (with `connectionPreference: "ACCEPT_MANUAL"`): a project or a VPC network. */
export interface PscConsumerArgs {
    /**
     * Consumer project id or number. Set exactly one of `project` and `network`.
     * @default undefined
     * @example "consumer-project"
     */
    project?: string;
    /**
     * Consumer VPC network URL (only endpoints in this network may connect). Set exactly one of `project` and
     * `network`.
     * @default undefined
     * @example "projects/consumer-project/global/networks/consumer-vpc"
     */
    network?: string;
    /**
     * How many endpoints (consumer forwarding rules) this consumer may connect: a positive integer.
     * @example 10
     */
    connectionLimit: number;
}

/**
 * Publishing the load balancer over Private Service Connect: a PSC NAT subnet per region (purpose
 * `PRIVATE_SERVICE_CONNECT`) and a service attachment per region targeting that region's forwarding rule.
 * Consumers in other VPC networks, projects or organizations reach the load balancer through endpoints they
 * create for the attachment's self link (the component's `serviceAttachmentSelfLinks`).
 */
export interface PscPublishArgs {
    /**
     * Range of the PSC NAT subnet in the first region (consumer connections are source-NATed from it). It must be
     * a /29 or larger and overlap none of the load balancer's subnets.
     * @default "10.130.0.0/24" ("10.130.1.0/24" for the second region, and so on)
     * @example "10.130.0.0/24"
     */
    natCidr?: string;
    /**
     * Range of the PSC NAT subnet per region (cross-region internal); wins over `natCidr` for the first region.
     * @default "10.130.<region index>.0/24" for each region
     * @example { "europe-west1": "10.130.0.0/24", "us-central1": "10.130.1.0/24" }
     */
    natCidrs?: Record<string, string>;
    /**
     * Which consumers connect: `ACCEPT_AUTOMATIC` (any project) or `ACCEPT_MANUAL` (only `consumerAcceptLists`).
     * @default "ACCEPT_AUTOMATIC"
     * @example "ACCEPT_MANUAL"
     */
    connectionPreference?: PscConnectionPreference;
    /**
     * Consumers allowed to connect, each with a connection limit (with `ACCEPT_MANUAL` only).
     * @default []
     * @example [{ project: "consumer-project", connectionLimit: 10 }]
     */
    consumerAcceptLists?: PscConsumerArgs[];
    /**
     * Consumer project ids or numbers refused, whatever the connection preference.
     * @default []
     * @example ["untrusted-project"]
     */
    consumerRejectLists?: string[];
    /**
     * Prepend a PROXY protocol header to consumer connections. The load balancer's Envoy proxies are what
     * receive them; leave it off unless you know they accept it (a warning says so at preview).
     * @default false
     * @example false
     */
    enableProxyProtocol?: boolean;
    /**
     * DNS domain (at most one, ending in a dot) that consumers' Cloud DNS may integrate with the endpoints;
     * changing it replaces the attachment.
     * @default []
     * @example ["api.example.internal."]
     */
    domainNames?: string[];
    /**
     * Whether accept/reject list changes also apply to endpoints already accepted or rejected.
     * @default the API's default (false)
     * @example true
     */
    reconcileConnections?: boolean;
}

/** The PSC NAT subnet range a region gets when `publish` names none. */
export function defaultPscNatCidr(regionIndex: number): string {
    return `10.130.${regionIndex}.0/24`;
}

/** The PSC NAT subnet range of `regions[index]`, defaults applied, with the argument path it comes from. */
export function resolvedPscNatCidr(
    publish: PscPublishArgs,
    regions: string[],
    index: number,
): { field: string; cidr: string } {
    const region = regions[index];
    if (publish.natCidrs?.[region] !== undefined) {
        return { field: `publish.natCidrs.${region}`, cidr: publish.natCidrs[region] };
    }
    if (index === 0 && publish.natCidr !== undefined) {
        return { field: "publish.natCidr", cidr: publish.natCidr };
    }
    return {
        field: index === 0 ? "publish.natCidr" : `publish.natCidrs.${region}`,
        cidr: defaultPscNatCidr(index),
    };
}
