/**
 * The same load balancer as programs/component.ts (one for all N services), written by hand with raw
 * `@pulumi/gcp`: the same cloud resources with the same input fields (the bench's equivalence step checks
 * this at N = 3), references through outputs, no helper code. The URL map has the minimal shape a person
 * would write: per service a host rule and a path matcher with only `defaultService`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";

const REGION = "europe-west1";

/** `opts` is for programs/handwritten-component.ts, which puts the same resources under one empty component. */
export function build(n: number, opts?: pulumi.CustomResourceOptions): void {
    const lb = "bench";
    const services: pulumi.Output<string>[] = [];
    for (let i = 0; i < n; i++) {
        const neg = new compute.RegionNetworkEndpointGroup(
            `${lb}-svc-${i}-neg`,
            {
                name: `${lb}-svc-${i}-neg`,
                region: REGION,
                networkEndpointType: "SERVERLESS",
                cloudRun: { service: `svc-${i}` },
            },
            opts,
        );
        const backend = new compute.BackendService(
            `${lb}-svc-${i}-backend`,
            {
                name: `${lb}-svc-${i}-backend`,
                loadBalancingScheme: "EXTERNAL_MANAGED",
                protocol: "HTTPS",
                backends: [{ group: neg.id }],
                logConfig: { enable: true, sampleRate: 1 },
            },
            opts,
        );
        services.push(backend.id);
    }
    const urlMap = new compute.URLMap(
        `${lb}-url-map`,
        {
            name: `${lb}-url-map`,
            defaultService: services[0],
            hostRules: services.map((_, i) => ({ hosts: [`svc-${i}.example.com`], pathMatcher: `m${i}` })),
            pathMatchers: services.map((service, i) => ({ name: `m${i}`, defaultService: service })),
        },
        opts,
    );
    const address = new compute.GlobalAddress(
        `${lb}-address`,
        {
            name: `${lb}-address`,
            addressType: "EXTERNAL",
            ipVersion: "IPV4",
        },
        opts,
    );
    const proxy = new compute.TargetHttpProxy(
        `${lb}-http-proxy`,
        { name: `${lb}-http-proxy`, urlMap: urlMap.id },
        opts,
    );
    new compute.GlobalForwardingRule(
        `${lb}-http-rule`,
        {
            name: `${lb}-http-rule`,
            loadBalancingScheme: "EXTERNAL_MANAGED",
            ipProtocol: "TCP",
            portRange: "80",
            target: proxy.id,
            ipAddress: address.id,
        },
        opts,
    );
}
