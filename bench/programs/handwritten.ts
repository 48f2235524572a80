/**
 * The same load balancers as programs/component.ts (one per 100 services), written by hand with raw `@pulumi/gcp`: the same cloud
 * resources with the same input fields (the bench's --verify step checks this at N = 3), references through
 * outputs, no helper code. It mirrors the URL map shape the component's route compiler emits today.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";

const REGION = "europe-west1";
const SERVICES_PER_LOAD_BALANCER = 100;

export function build(n: number): void {
    for (let first = 0; first < n; first += SERVICES_PER_LOAD_BALANCER) {
        const name = first === 0 ? "bench" : `bench-${first / SERVICES_PER_LOAD_BALANCER}`;
        loadBalancer(name, first, Math.min(n, first + SERVICES_PER_LOAD_BALANCER));
    }
}

function loadBalancer(lb: string, first: number, end: number): void {
    const services: pulumi.Output<string>[] = [];
    const indexes: number[] = [];
    for (let i = first; i < end; i++) {
        const neg = new compute.RegionNetworkEndpointGroup(`${lb}-svc-${i}-neg`, {
            name: `${lb}-svc-${i}-neg`,
            region: REGION,
            networkEndpointType: "SERVERLESS",
            cloudRun: { service: `svc-${i}` },
        });
        const backend = new compute.BackendService(`${lb}-svc-${i}-backend`, {
            name: `${lb}-svc-${i}-backend`,
            loadBalancingScheme: "EXTERNAL_MANAGED",
            protocol: "HTTPS",
            backends: [{ group: neg.id }],
            logConfig: { enable: true, sampleRate: 1 },
        });
        services.push(backend.id);
        indexes.push(i);
    }
    const urlMap = new compute.URLMap(`${lb}-url-map`, {
        name: `${lb}-url-map`,
        defaultService: services[0],
        hostRules: indexes.map((i) => ({ hosts: [`svc-${i}.example.com`], pathMatcher: `host-svc-${i}-example-com` })),
        pathMatchers: services.map((service, k) => ({
            name: `host-svc-${indexes[k]}-example-com`,
            defaultService: services[0],
            pathRules: [{ paths: ["/*"], service }],
        })),
    });
    const address = new compute.GlobalAddress(`${lb}-address`, {
        name: `${lb}-address`,
        addressType: "EXTERNAL",
        ipVersion: "IPV4",
    });
    const proxy = new compute.TargetHttpProxy(`${lb}-http-proxy`, { name: `${lb}-http-proxy`, urlMap: urlMap.id });
    new compute.GlobalForwardingRule(`${lb}-http-rule`, {
        name: `${lb}-http-rule`,
        loadBalancingScheme: "EXTERNAL_MANAGED",
        ipProtocol: "TCP",
        portRange: "80",
        target: proxy.id,
        ipAddress: address.id,
    });
}
