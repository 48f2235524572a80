/**
 * The same load balancer as programs/component.ts, written by hand with raw `@pulumi/gcp`: the same cloud
 * resources with the same input fields (the bench's --verify step checks this at N = 3), references through
 * outputs, no helper code. It mirrors the URL map shape the component's route compiler emits today.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";

const REGION = "europe-west1";

export function build(n: number): void {
    const services: pulumi.Output<string>[] = [];
    for (let i = 0; i < n; i++) {
        const neg = new compute.RegionNetworkEndpointGroup(`bench-svc-${i}-neg`, {
            name: `bench-svc-${i}-neg`,
            region: REGION,
            networkEndpointType: "SERVERLESS",
            cloudRun: { service: `svc-${i}` },
        });
        const backend = new compute.BackendService(`bench-svc-${i}-backend`, {
            name: `bench-svc-${i}-backend`,
            loadBalancingScheme: "EXTERNAL_MANAGED",
            protocol: "HTTPS",
            backends: [{ group: neg.id }],
            logConfig: { enable: true, sampleRate: 1 },
        });
        services.push(backend.id);
    }
    const urlMap = new compute.URLMap("bench-url-map", {
        name: "bench-url-map",
        defaultService: services[0],
        hostRules: services.map((_, i) => ({
            hosts: [`svc-${i}.example.com`],
            pathMatcher: `host-svc-${i}-example-com`,
        })),
        pathMatchers: services.map((service, i) => ({
            name: `host-svc-${i}-example-com`,
            defaultService: services[0],
            pathRules: [{ paths: ["/*"], service }],
        })),
    });
    const address = new compute.GlobalAddress("bench-address", {
        name: "bench-address",
        addressType: "EXTERNAL",
        ipVersion: "IPV4",
    });
    const proxy = new compute.TargetHttpProxy("bench-http-proxy", { name: "bench-http-proxy", urlMap: urlMap.id });
    new compute.GlobalForwardingRule("bench-http-rule", {
        name: "bench-http-rule",
        loadBalancingScheme: "EXTERNAL_MANAGED",
        ipProtocol: "TCP",
        portRange: "80",
        target: proxy.id,
        ipAddress: address.id,
    });
}
