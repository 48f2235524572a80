import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { BuildScope, createChild } from "./builder";
import { gcpName } from "./naming";
import { LoadBalancerNetworkArgs, resolvedCidrs } from "./args/network";
import { validateNetworkArgs } from "./rules/network";
import { parseComputeLink } from "./rules/common";
import { failOnProblems } from "./validation";
import { shapeFirst } from "./shape";

export * from "./args/network";
export { validateNetworkArgs };

/** What a network builder made: the outputs `LoadBalancerNetwork` exposes. */
export interface LoadBalancerNetworkOutputs {
    /** Self link of the VPC. */
    network: pulumi.Output<string>;
    /** Self link of the regular subnet, per region. */
    subnetworks: pulumi.Output<Record<string, string>>;
    /** Self link of the proxy-only subnet, per region (created or adopted). */
    proxyOnlySubnetworks: pulumi.Output<Record<string, string>>;
    /** The proxy-only subnets created (forwarding rules must wait for them). */
    createdProxyOnlySubnets: compute.Subnetwork[];
}

/**
 * The project a subnet of `network` must be created in: the project its self link or id names (a Shared VPC
 * network's is the host project; subnets.insert takes the network's project, and a subnet cannot be in another
 * project than its network), else `fallback` (a bare network name resolves in the resource's own project).
 *
 * @see https://cloud.google.com/vpc/docs/shared-vpc
 * @see https://cloud.google.com/load-balancing/docs/l7-internal/l7-internal-shared-vpc
 */
export function networkProject(
    network: pulumi.Input<string>,
    fallback: pulumi.Input<string> | undefined,
): pulumi.Input<string> | undefined {
    const fromLink = (link: string) => parseComputeLink(link)?.project;
    if (typeof network === "string") {
        return fromLink(network) ?? fallback;
    }
    return pulumi.all([network, fallback]).apply(([link, given]) => fromLink(link) ?? given) as pulumi.Output<string>;
}

/**
 * Creates a network's resources under `scope.parent` (named `${name}-<role>`); validates nothing (the
 * component that calls it has).
 */
export function buildLoadBalancerNetwork(
    name: string,
    args: LoadBalancerNetworkArgs,
    scope: BuildScope,
): LoadBalancerNetworkOutputs {
    const physical = args.namePrefix ?? gcpName(name);
    const project = args.project;
    const wantSubnets = args.subnets ?? true;
    let network: pulumi.Output<string>;
    const subnetworks: Record<string, pulumi.Input<string>> = {};
    const proxyOnly: Record<string, pulumi.Input<string>> = {};
    const createdProxyOnlySubnets: compute.Subnetwork[] = [];

    if (args.existing) {
        network = pulumi.output(args.existing.network);
        for (const [region, subnet] of Object.entries(args.existing.subnetworks ?? {})) {
            subnetworks[region] = subnet;
        }
        for (const [region, subnet] of Object.entries(args.existing.proxyOnlySubnetworks ?? {})) {
            proxyOnly[region] = subnet;
        }
    } else {
        const vpc = createChild(
            compute.Network,
            `${name}-vpc`,
            {
                name: gcpName(physical),
                project,
                autoCreateSubnetworks: false,
                routingMode: args.regions.length > 1 ? "GLOBAL" : "REGIONAL",
            },
            scope,
        );
        network = vpc.selfLink;
        if (wantSubnets) {
            for (const region of args.regions) {
                const subnet = createChild(
                    compute.Subnetwork,
                    `${name}-subnet-${region}`,
                    {
                        name: gcpName(physical, "subnet", region),
                        project,
                        region,
                        network: vpc.selfLink,
                        ipCidrRange: resolvedCidrs(args, region).subnetCidr,
                        privateIpGoogleAccess: true,
                        ...(args.externalIpv6 ? { stackType: "IPV4_IPV6", ipv6AccessType: "EXTERNAL" } : {}),
                    },
                    scope,
                );
                subnetworks[region] = subnet.selfLink;
            }
        }
    }

    if (args.proxyOnlyPurpose) {
        // A subnet lives in its VPC's project: in an existing (e.g. Shared VPC) network, the network's project.
        const subnetProject = args.existing ? networkProject(args.existing.network, project) : project;
        for (const region of args.regions) {
            if (proxyOnly[region] !== undefined) {
                continue;
            }
            const subnet = createChild(
                compute.Subnetwork,
                `${name}-proxy-only-${region}`,
                {
                    name: gcpName(physical, "proxy-only", region),
                    project: subnetProject,
                    region,
                    network,
                    ipCidrRange: resolvedCidrs(args, region).proxyOnlyCidr,
                    purpose: args.proxyOnlyPurpose,
                    role: "ACTIVE",
                },
                scope,
            );
            proxyOnly[region] = subnet.selfLink;
            createdProxyOnlySubnets.push(subnet);
        }
    }

    return {
        network,
        subnetworks: pulumi.output(subnetworks) as pulumi.Output<Record<string, string>>,
        proxyOnlySubnetworks: pulumi.output(proxyOnly) as pulumi.Output<Record<string, string>>,
        createdProxyOnlySubnets,
    };
}

/**
 * The VPC side of an Envoy-based load balancer: a custom-mode VPC, a subnet and an ACTIVE proxy-only
 * subnet per region — or an existing VPC (e.g. Shared VPC) whose subnets are adopted by self link.
 *
 * @see https://cloud.google.com/load-balancing/docs/proxy-only-subnets
 */
export class LoadBalancerNetwork extends pulumi.ComponentResource {
    /** Self link of the VPC. */
    public readonly network: pulumi.Output<string>;
    /** Self link of the regular subnet, per region. */
    public readonly subnetworks: pulumi.Output<Record<string, string>>;
    /** Self link of the proxy-only subnet, per region (created or adopted). */
    public readonly proxyOnlySubnetworks: pulumi.Output<Record<string, string>>;
    /** The proxy-only subnets this component created (forwarding rules must wait for them). */
    public readonly createdProxyOnlySubnets: compute.Subnetwork[];

    constructor(name: string, args: LoadBalancerNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cloudrun-lb:index:LoadBalancerNetwork", name, {}, opts);
        failOnProblems(
            `LoadBalancerNetwork "${name}"`,
            shapeFirst("LoadBalancerNetwork", args, validateNetworkArgs),
            this,
        );
        const built = buildLoadBalancerNetwork(name, args, { parent: this });
        this.network = built.network;
        this.subnetworks = built.subnetworks;
        this.proxyOnlySubnetworks = built.proxyOnlySubnetworks;
        this.createdProxyOnlySubnets = built.createdProxyOnlySubnets;
        this.registerOutputs({
            network: this.network,
            subnetworks: this.subnetworks,
            proxyOnlySubnetworks: this.proxyOnlySubnetworks,
        });
    }
}
