// Consumer type-check case: the same load balancer by hand, importing only @pulumi/gcp/compute.
import * as compute from "@pulumi/gcp/compute";

const backends = ["web", "api"].map((service) => {
    const neg = new compute.RegionNetworkEndpointGroup(`${service}-neg`, {
        region: "europe-west1",
        networkEndpointType: "SERVERLESS",
        cloudRun: { service },
    });
    return new compute.BackendService(`${service}-backend`, {
        loadBalancingScheme: "EXTERNAL_MANAGED",
        protocol: "HTTPS",
        backends: [{ group: neg.id }],
    });
});
const urlMap = new compute.URLMap("shop", {
    defaultService: backends[0].id,
    hostRules: [{ hosts: ["api.example.com"], pathMatcher: "api" }],
    pathMatchers: [{ name: "api", defaultService: backends[1].id }],
});
const address = new compute.GlobalAddress("shop", { addressType: "EXTERNAL" });
const proxy = new compute.TargetHttpProxy("shop", { urlMap: urlMap.id });
new compute.GlobalForwardingRule("shop", {
    loadBalancingScheme: "EXTERNAL_MANAGED",
    portRange: "80",
    target: proxy.id,
    ipAddress: address.id,
});
export const url = address.address;
