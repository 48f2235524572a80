/**
 * Traffic management in front of Cloud Run (seed 000): header-based routing to a tagged revision,
 * request/response header transformations, a path rewrite, and fault injection to rehearse failures —
 * on a global external Application Load Balancer.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as projects from "@pulumi/gcp/projects";
import { ApplicationLoadBalancer } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const host = config.get("host") ?? "shop.example.com";
const canaryTag = config.get("canaryTag") ?? "canary";
const faultPercent = config.getNumber("faultPercent") ?? 5;

const apis = ["compute.googleapis.com", "run.googleapis.com"].map(
    (api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }),
);

// One service; the latest revision also answers under the tag URL, which the canary backend targets.
const shop = new cloudrunv2.Service(
    "shop",
    {
        name: "shop",
        location: region,
        ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
        invokerIamDisabled: true,
        deletionProtection: false,
        template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
        traffics: [
            { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", percent: 100 },
            { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", tag: canaryTag },
        ],
    },
    { dependsOn: apis },
);

const lb = new ApplicationLoadBalancer(
    "traffic",
    {
        scheme: "global-external",
        region,
        backends: {
            stable: { cloudRun: { service: shop.name, region } },
            canary: { cloudRun: { service: shop.name, tag: canaryTag, region } },
        },
        defaultBackend: "stable",
        routes: [
            // Testers opt in with a header; the canary answers and says so.
            {
                hosts: [host],
                headers: [{ name: "x-canary", exact: "true" }],
                backend: "canary",
                requestHeaders: { add: [{ name: "x-route", value: "canary", replace: true }] },
                responseHeaders: { add: [{ name: "x-served-by", value: "canary" }] },
            },
            // The old API path keeps working: /legacy-api/... reaches the service as /api/...
            { hosts: [host], paths: ["/legacy-api/*"], backend: "stable", rewrite: { pathPrefix: "/api/" } },
            // Rehearse failures on /api: a share of requests is delayed or aborted.
            {
                hosts: [host],
                paths: ["/api/*"],
                backend: "stable",
                faultInjection: {
                    delay: { seconds: 2, percentage: faultPercent },
                    abort: { httpStatus: 503, percentage: faultPercent },
                },
                retry: { attempts: 2, conditions: ["gateway-error"] },
            },
        ],
        responseHeaders: {
            remove: ["x-powered-by"],
            add: [{ name: "strict-transport-security", value: "max-age=31536000" }],
        },
        tests: [
            {
                host,
                path: "/",
                headers: [{ name: "x-canary", value: "true" }],
                backend: "canary",
                description: "opt-in header reaches the canary tag",
            },
            { host, path: "/", backend: "stable", description: "everyone else gets stable" },
            { host, path: "/legacy-api/orders", backend: "stable", description: "legacy API path is rewritten" },
        ],
    },
    { dependsOn: apis },
);

export const ipAddress = lb.ipAddress;
export const url = pulumi.interpolate`http://${host}/ (resolve ${host} to ${lb.ipAddress})`;
