/** Arguments of a load balancer's VPC: created or existing, with its CIDR defaults. */
import * as pulumi from "@pulumi/pulumi";

/**
 * Purpose of a proxy-only subnet: regional Envoy-based load balancers use `REGIONAL_MANAGED_PROXY`,
 * cross-region internal ones `GLOBAL_MANAGED_PROXY`.
 */
export const ProxyOnlyPurpose = {
    Regional: "REGIONAL_MANAGED_PROXY",
    Global: "GLOBAL_MANAGED_PROXY",
} as const;
export type ProxyOnlyPurpose = (typeof ProxyOnlyPurpose)[keyof typeof ProxyOnlyPurpose];

/** CIDR ranges for one region of a network this package creates. */
export interface RegionalCidrs {
    /**
     * Range of the regular subnet (internal VIPs and client VMs come from it).
     * @default "10.1.2.0/24" for the first region, "10.1.3.0/24" for the second, and so on
     * @example "10.1.2.0/24"
     */
    subnetCidr?: string;
    /**
     * Range of the proxy-only subnet: /26 or larger, /23 recommended by Google.
     * @default "10.129.0.0/23" for the first region, "10.129.2.0/23" for the second, and so on
     * @example "10.129.0.0/23"
     */
    proxyOnlyCidr?: string;
}

/** A VPC this package creates: custom mode, one subnet and one ACTIVE proxy-only subnet per region. */
export interface NetworkCreateArgs {
    /**
     * CIDRs per region, keyed by region. Regions not listed get the defaults.
     * @default {}
     * @example { "europe-west1": { subnetCidr: "10.1.2.0/24", proxyOnlyCidr: "10.129.0.0/23" } }
     */
    regions?: Record<string, RegionalCidrs>;
    /**
     * Same as `regions[<first region>].subnetCidr`, for the common single-region case.
     * @default "10.1.2.0/24"
     * @example "10.1.2.0/24"
     */
    subnetCidr?: string;
    /**
     * Same as `regions[<first region>].proxyOnlyCidr`, for the common single-region case.
     * @default "10.129.0.0/23"
     * @example "10.129.0.0/23"
     */
    proxyOnlyCidr?: string;
}

/**
 * A VPC that already exists, e.g. a Shared VPC host project's network. Nothing is created in it except
 * the proxy-only subnets not listed in `proxyOnlySubnetworks` (there can be only one ACTIVE proxy-only
 * subnet per purpose, region and VPC, so adopt the one that exists). A subnet belongs to its network's
 * project, so those are created in the project `network`'s self link names — a Shared VPC's host project,
 * where the identity that runs `pulumi up` then needs Compute Network Admin (`roles/compute.networkAdmin`);
 * without it, have the host project's network admins create the proxy-only subnet and pass it here.
 * @see https://cloud.google.com/load-balancing/docs/l7-internal/l7-internal-shared-vpc
 */
export interface ExistingNetworkArgs {
    /**
     * Self link or id of the VPC.
     * @example "projects/host-project/global/networks/shared-vpc"
     */
    network: pulumi.Input<string>;
    /**
     * Self link or id of the regular subnet to use, per region (needed by internal schemes).
     * @default {}
     * @example { "europe-west1": "projects/host-project/regions/europe-west1/subnetworks/apps" }
     */
    subnetworks?: Record<string, pulumi.Input<string>>;
    /**
     * Existing proxy-only subnets to adopt, per region. Regions not listed get a new one, from
     * `proxyOnlyCidrs`, in the network's project (the host project of a Shared VPC: needs
     * `roles/compute.networkAdmin` there).
     * @default {}
     * @example { "europe-west1": "projects/host-project/regions/europe-west1/subnetworks/proxy-only" }
     */
    proxyOnlySubnetworks?: Record<string, pulumi.Input<string>>;
    /**
     * Ranges for proxy-only subnets to create in the existing network, per region.
     * @default "10.129.0.0/23" for the first region, "10.129.2.0/23" for the second, and so on
     * @example { "europe-west1": "10.129.0.0/23" }
     */
    proxyOnlyCidrs?: Record<string, string>;
}

/**
 * Arguments of a {@link LoadBalancerNetwork}: the regions, the proxy-only subnet purpose, and a VPC to create
 * or an existing one to adopt.
 */
export interface LoadBalancerNetworkArgs {
    /**
     * Project to create resources in.
     * @default the provider's project
     * @example "my-project"
     */
    project?: pulumi.Input<string>;
    /**
     * Regions that need a subnet and a proxy-only subnet. One region for regional schemes; every
     * region that serves clients for cross-region internal.
     * @example ["europe-west1"]
     */
    regions: string[];
    /**
     * Purpose of the proxy-only subnets; omit for a network with no proxy-only subnet.
     * @default undefined (no proxy-only subnet)
     * @example "REGIONAL_MANAGED_PROXY"
     */
    proxyOnlyPurpose?: ProxyOnlyPurpose;
    /**
     * Whether regular subnets are needed (internal schemes take their VIP from one).
     * @default true
     * @example false
     */
    subnets?: boolean;
    /**
     * Create the regular subnets dual stack (`IPV4_IPV6`) with an external IPv6 range, for the IPv6
     * forwarding rules of a regional external load balancer ("a subnetwork must be specified … when
     * creating external forwarding rule with IPv6", pulumi-gcp ForwardingRule). With `existing`, the
     * given subnets must already be dual stack with external IPv6.
     * @default false
     * @example true
     */
    externalIpv6?: boolean;
    /**
     * Create a new VPC. Exactly one of `create` and `existing`; with neither, a VPC with default
     * ranges is created.
     * @default { } (a new VPC with default ranges)
     * @example { subnetCidr: "10.1.2.0/24", proxyOnlyCidr: "10.129.0.0/23" }
     */
    create?: NetworkCreateArgs;
    /**
     * Use an existing VPC (e.g. Shared VPC) by self link.
     * @default undefined
     * @example { network: "projects/host/global/networks/shared", subnetworks: { "europe-west1": "projects/host/regions/europe-west1/subnetworks/apps" } }
     */
    existing?: ExistingNetworkArgs;
    /**
     * Prefix of the physical GCP names of the resources created here.
     * @default the component's name, made GCP-valid
     * @example "orders-prod-network"
     */
    namePrefix?: string;
}

export function defaultSubnetCidr(regionIndex: number): string {
    return `10.1.${2 + regionIndex}.0/24`;
}

export function defaultProxyOnlyCidr(regionIndex: number): string {
    return `10.129.${2 * regionIndex}.0/23`;
}

/** The CIDRs the network will use for a region, defaults applied. */
export function resolvedCidrs(args: LoadBalancerNetworkArgs, region: string): Required<RegionalCidrs> {
    const index = Math.max(0, args.regions.indexOf(region));
    const first = index === 0;
    if (args.existing) {
        return {
            subnetCidr: "",
            proxyOnlyCidr: args.existing.proxyOnlyCidrs?.[region] ?? defaultProxyOnlyCidr(index),
        };
    }
    const perRegion = args.create?.regions?.[region];
    return {
        subnetCidr: perRegion?.subnetCidr ?? (first ? args.create?.subnetCidr : undefined) ?? defaultSubnetCidr(index),
        proxyOnlyCidr:
            perRegion?.proxyOnlyCidr ?? (first ? args.create?.proxyOnlyCidr : undefined) ?? defaultProxyOnlyCidr(index),
    };
}
