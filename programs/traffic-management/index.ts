/**
 * Traffic management in front of Cloud Run (seed 000): header-based routing to a tagged revision,
 * request/response header transformations, a path rewrite, and fault injection to rehearse failures —
 * on a global external Application Load Balancer serving HTTPS (a Google-managed certificate for `host`; plain
 * HTTP answers with a redirect), so the HSTS header it adds reaches browsers over HTTPS, where they honour it.
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
// Each update deploys `shop-<shopRevision>`; once `shopStableRevision` names an earlier revision, that one keeps
// every untagged request and the new revision answers only under the canary tag.
const shopRevision = config.get("shopRevision") ?? "v1";
const shopStableRevision = config.get("shopStableRevision");
if (shopStableRevision === `shop-${shopRevision}`) {
    throw new pulumi.RunError(
        `config shopStableRevision is shop-${shopRevision}, the revision this update deploys: the canary tag would ` +
            "reach the revision that serves everyone. Deploy a new revision with `pulumi config set shopRevision <next>`, " +
            "or remove shopStableRevision for a first deployment",
    );
}

const apis = ["compute.googleapis.com", "run.googleapis.com"].map(
    (api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }),
);

// One service; the latest revision (the one this update deploys) answers under the tag, which the canary backend
// targets. With shopStableRevision set, untagged traffic stays on that earlier revision; without it (the first
// deployment) one revision serves both.
const shop = new cloudrunv2.Service(
    "shop",
    {
        name: "shop",
        location: region,
        ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
        invokerIamDisabled: true,
        deletionProtection: false,
        template: {
            revision: `shop-${shopRevision}`,
            containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }],
        },
        traffics: [
            shopStableRevision
                ? { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION", revision: shopStableRevision, percent: 100 }
                : { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", percent: 100 },
            { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", tag: canaryTag, percent: 0 },
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
        // HTTPS with a Google-managed certificate for the host (point its DNS at ipAddress); HTTP redirects.
        https: { managedDomains: [host] },
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
export const url = pulumi.interpolate`https://${host}/ (point ${host} at ${lb.ipAddress})`;
