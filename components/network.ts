import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { gcpName } from "./naming";
import { replacementOptions } from "./replacement";
import { LoadBalancerNetworkArgs, resolvedCidrs } from "./args/network";
import { validateNetworkArgs } from "./rules/network";
import { failOnProblems } from "./validation";

export * from "./args/network";
export { validateNetworkArgs };

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
        failOnProblems(`LoadBalancerNetwork "${name}"`, validateNetworkArgs(args), this);

        const physical = args.namePrefix ?? gcpName(name);
        const project = args.project;
        const wantSubnets = args.subnets ?? true;
        let network: pulumi.Output<string>;
        const subnetworks: Record<string, pulumi.Input<string>> = {};
        const proxyOnly: Record<string, pulumi.Input<string>> = {};
        this.createdProxyOnlySubnets = [];

        if (args.existing) {
            network = pulumi.output(args.existing.network);
            for (const [region, subnet] of Object.entries(args.existing.subnetworks ?? {})) {
                subnetworks[region] = subnet;
            }
            for (const [region, subnet] of Object.entries(args.existing.proxyOnlySubnetworks ?? {})) {
                proxyOnly[region] = subnet;
            }
        } else {
            const vpc = new compute.Network(
                `${name}-vpc`,
                {
                    name: gcpName(physical),
                    project,
                    autoCreateSubnetworks: false,
                    routingMode: args.regions.length > 1 ? "GLOBAL" : "REGIONAL",
                },
                replacementOptions(compute.Network, { parent: this }),
            );
            network = vpc.selfLink;
            if (wantSubnets) {
                for (const region of args.regions) {
                    const subnet = new compute.Subnetwork(
                        `${name}-subnet-${region}`,
                        {
                            name: gcpName(physical, "subnet", region),
                            project,
                            region,
                            network: vpc.selfLink,
                            ipCidrRange: resolvedCidrs(args, region).subnetCidr,
                            privateIpGoogleAccess: true,
                        },
                        replacementOptions(compute.Subnetwork, { parent: this }),
                    );
                    subnetworks[region] = subnet.selfLink;
                }
            }
        }

        if (args.proxyOnlyPurpose) {
            for (const region of args.regions) {
                if (proxyOnly[region] !== undefined) {
                    continue;
                }
                const subnet = new compute.Subnetwork(
                    `${name}-proxy-only-${region}`,
                    {
                        name: gcpName(physical, "proxy-only", region),
                        project,
                        region,
                        network,
                        ipCidrRange: resolvedCidrs(args, region).proxyOnlyCidr,
                        purpose: args.proxyOnlyPurpose,
                        role: "ACTIVE",
                    },
                    replacementOptions(compute.Subnetwork, { parent: this }),
                );
                proxyOnly[region] = subnet.selfLink;
                this.createdProxyOnlySubnets.push(subnet);
            }
        }

        this.network = network;
        this.subnetworks = pulumi.output(subnetworks) as pulumi.Output<Record<string, string>>;
        this.proxyOnlySubnetworks = pulumi.output(proxyOnly) as pulumi.Output<Record<string, string>>;
        this.registerOutputs({
            network: this.network,
            subnetworks: this.subnetworks,
            proxyOnlySubnetworks: this.proxyOnlySubnetworks,
        });
    }
}
