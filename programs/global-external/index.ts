/**
 * Several Cloud Run services behind one global external Application Load Balancer, reachable only
 * through it (seed 003: "Allow external access to internal Cloud Run services with Cloud Load
 * Balancing"): host- and path-based routing, a Google-managed certificate for the custom domains,
 * HTTP→HTTPS redirect, Cloud Run ingress "internal and Cloud Load Balancing", and one Cloud Armor
 * policy (preconfigured WAF rules against SQL injection and XSS, per-client rate limiting) in front of
 * every service.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as projects from "@pulumi/gcp/projects";
import { ApplicationLoadBalancer, BackendArgs, BackendSecurityPolicyArgs, RateLimitAction } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const domain = config.get("domain") ?? "shop.example.com";
const apiDomain = config.get("apiDomain") ?? "api.example.com";
const rateLimitAction = (config.get("rateLimitAction") ?? "throttle") as RateLimitAction;
const rateLimitCount = config.getNumber("rateLimitCount") ?? 500;
const rateLimitIntervalSec = config.getNumber("rateLimitIntervalSec") ?? 60;
// Cloud Armor Adaptive Protection: layer-7 DDoS attack detection on the policy (alerts and suggested rules).
const adaptiveProtection = config.getBoolean("adaptiveProtection") ?? false;

const apis = ["compute.googleapis.com", "run.googleapis.com"].map(
    (api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }),
);

/**
 * One sample service. Ingress "internal and Cloud Load Balancing" lets the external load balancer in and
 * keeps the internet out of the run.app URL; the load balancer adds no caller identity, so the invoker
 * check is off (Cloud Armor below filters attacks; for access control per user, put IAP in front).
 */
function sampleService(name: string): pulumi.Output<string> {
    return new cloudrunv2.Service(
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
    ).name;
}

/**
 * Cloud Armor at the edge, before requests reach any service: block SQL injection and cross-site
 * scripting (preconfigured WAF rule sets, 403) and limit each client IP to `rateLimitCount` requests per
 * `rateLimitIntervalSec` (throttle answers 429 past the rate; ban answers 403 for 10 minutes). The same
 * `create` on every backend makes the load balancer create ONE policy and attach it to all three
 * backend services; the rate is counted per backend service.
 */
const armor: BackendSecurityPolicyArgs = {
    create: {
        preconfiguredWaf: ["sqli-v33-stable", "xss-v33-stable"],
        adaptiveProtection,
        rateLimit: {
            action: rateLimitAction,
            count: rateLimitCount,
            intervalSec: rateLimitIntervalSec,
            ...(rateLimitAction === "ban" ? { banDurationSec: 600 } : {}),
        },
    },
};

// One entry per service; every backend option (Cloud Armor, IAP, logging, …) goes on its entry here.
const backends: Record<string, BackendArgs> = {
    web: { cloudRun: { service: sampleService("web"), region }, securityPolicy: armor },
    api: { cloudRun: { service: sampleService("api"), region }, securityPolicy: armor },
    docs: { cloudRun: { service: sampleService("docs"), region }, securityPolicy: armor },
};

const lb = new ApplicationLoadBalancer(
    "shop",
    {
        scheme: "global-external",
        backends,
        routes: [
            { hosts: [domain], paths: ["/api", "/api/*"], backend: "api" },
            { hosts: [domain], paths: ["/docs", "/docs/*"], backend: "docs" },
            { hosts: [apiDomain], backend: "api" },
        ],
        defaultBackend: "web",
        // Checked offline at preview and by GCP on every URL map update.
        tests: [
            { host: domain, path: "/", backend: "web" },
            { host: domain, path: "/api/orders", backend: "api" },
            { host: domain, path: "/docs", backend: "docs" },
            { host: apiDomain, path: "/v1/orders", backend: "api" },
        ],
        // A Google-managed certificate for both names; HTTP→HTTPS redirect and a MODERN / TLS 1.2 SSL
        // policy are on by default.
        https: { managedDomains: [domain, apiDomain] },
    },
    { dependsOn: apis },
);

export const ipAddress = lb.ipAddress;
export const dnsRecords = pulumi.interpolate`${domain}. A ${lb.ipAddress}\n${apiDomain}. A ${lb.ipAddress}`;
export const urls = [
    `https://${domain}/`,
    `https://${domain}/api/`,
    `https://${domain}/docs/`,
    `https://${apiDomain}/`,
];
