/** programs/component-urlmask.ts written by hand with raw `@pulumi/gcp`. */
import * as compute from "@pulumi/gcp/compute";

export function build(_n: number): void {
    const neg = new compute.RegionNetworkEndpointGroup("bench-services-neg", {
        name: "bench-services-neg",
        region: "europe-west1",
        networkEndpointType: "SERVERLESS",
        cloudRun: { urlMask: "<service>.example.com" },
    });
    const backend = new compute.BackendService("bench-services-backend", {
        name: "bench-services-backend",
        loadBalancingScheme: "EXTERNAL_MANAGED",
        protocol: "HTTPS",
        backends: [{ group: neg.id }],
        logConfig: { enable: true, sampleRate: 1 },
    });
    const urlMap = new compute.URLMap("bench-url-map", { name: "bench-url-map", defaultService: backend.id });
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
