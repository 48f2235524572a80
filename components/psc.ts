import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { BuildScope, createChild } from "./builder";
import { gcpName } from "./naming";
import { networkProject } from "./network";
import { PscConnectionPreference, PscPublishArgs, resolvedPscNatCidr } from "./args/psc";

export * from "./args/psc";

/** What publishing needs from the load balancer it publishes. */
export interface PscPublishTarget {
    /** Prefix of the physical names. */
    prefix: string;
    project?: pulumi.Input<string>;
    regions: string[];
    /** Self link of the load balancer's VPC (the NAT subnets go in it). */
    network: pulumi.Input<string>;
    /** Whether the VPC is an existing one (then its project hosts the NAT subnets, as for a Shared VPC). */
    existingNetwork: boolean;
    /** The forwarding rule each region's attachment targets. */
    forwardingRuleIds: Record<string, pulumi.Input<string>>;
}

/** What publishing made: the attachment's self link per region (consumers connect endpoints to it). */
export interface PscPublishOutputs {
    serviceAttachmentSelfLinks: Record<string, pulumi.Output<string>>;
}

/**
 * A PSC NAT subnet (purpose PRIVATE_SERVICE_CONNECT) and a service attachment per region, under `scope.parent`
 * (named `${name}-psc-nat-subnet` and `${name}-service-attachment`, suffixed by region when there are several);
 * validates nothing (the component that calls it has).
 *
 * @see https://cloud.google.com/vpc/docs/configure-private-service-connect-producer
 * @see https://github.com/GoogleCloudPlatform/magic-modules/blob/main/mmv1/products/compute/ServiceAttachment.yaml
 */
export function buildPscPublish(
    name: string,
    publish: PscPublishArgs,
    target: PscPublishTarget,
    scope: BuildScope,
): PscPublishOutputs {
    const serviceAttachmentSelfLinks: Record<string, pulumi.Output<string>> = {};
    const several = target.regions.length > 1;
    // A subnet lives in its VPC's project: in an existing (e.g. Shared VPC) network, the network's project.
    const subnetProject = target.existingNetwork ? networkProject(target.network, target.project) : target.project;
    target.regions.forEach((region, index) => {
        const suffix = several ? `-${region}` : "";
        const natSubnet = createChild(
            compute.Subnetwork,
            `${name}-psc-nat-subnet${suffix}`,
            {
                name: several ? gcpName(target.prefix, "psc-nat", region) : gcpName(target.prefix, "psc-nat"),
                project: subnetProject,
                region,
                network: target.network,
                ipCidrRange: resolvedPscNatCidr(publish, target.regions, index).cidr,
                purpose: "PRIVATE_SERVICE_CONNECT",
            },
            scope,
        );
        const attachment = createChild(
            compute.ServiceAttachment,
            `${name}-service-attachment${suffix}`,
            {
                name: several ? gcpName(target.prefix, "psc", region) : gcpName(target.prefix, "psc"),
                project: target.project,
                region,
                targetService: target.forwardingRuleIds[region],
                natSubnets: [natSubnet.selfLink],
                connectionPreference: publish.connectionPreference ?? PscConnectionPreference.AcceptAutomatic,
                consumerAcceptLists: (publish.consumerAcceptLists ?? []).map((consumer) => ({
                    ...(consumer.project !== undefined ? { projectIdOrNum: consumer.project } : {}),
                    ...(consumer.network !== undefined ? { networkUrl: consumer.network } : {}),
                    connectionLimit: consumer.connectionLimit,
                })),
                consumerRejectLists: publish.consumerRejectLists ?? [],
                enableProxyProtocol: publish.enableProxyProtocol ?? false,
                ...(publish.domainNames !== undefined ? { domainNames: publish.domainNames } : {}),
                ...(publish.reconcileConnections !== undefined
                    ? { reconcileConnections: publish.reconcileConnections }
                    : {}),
            },
            scope,
        );
        serviceAttachmentSelfLinks[region] = attachment.selfLink;
    });
    return { serviceAttachmentSelfLinks };
}
