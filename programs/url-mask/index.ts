/**
 * One serverless NEG with a URL mask serving many Cloud Run services through one backend service
 * (seed 002, "Using a URL mask"): `https://example.com/<service>/...` reaches the Cloud Run service
 * named by the first path segment. Route tests document — and check at preview — which service each
 * URL reaches.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as projects from "@pulumi/gcp/projects";
import { ApplicationLoadBalancer } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const domain = config.get("domain") ?? "example.com";
const services = config.getObject<string[]>("services") ?? ["login", "cart", "search"];

const apis = ["compute.googleapis.com", "run.googleapis.com"].map(
    (api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }),
);

// Sample services, one per name; the mask picks among them by the first path segment.
for (const name of services) {
    new cloudrunv2.Service(
        name,
        {
            name,
            location: region,
            ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
            invokerIamDisabled: true,
            deletionProtection: false,
            template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
        },
        { dependsOn: apis },
    );
}

const lb = new ApplicationLoadBalancer(
    "shop",
    {
        scheme: "regional-external",
        region,
        backends: { services: { cloudRun: { urlMask: `${domain}/<service>` } } },
        defaultBackend: "services",
        tests: services.map((name) => ({
            host: domain,
            path: `/${name}/web`,
            backend: "services",
            cloudRunService: name,
            description: `/${name}/... reaches the Cloud Run service ${name}`,
        })),
    },
    { dependsOn: apis },
);

export const ipAddress = lb.ipAddress;
export const urls = services.map((name) => `http://${domain}/${name}/`);
