/**
 * The most common Cloud Run front door: a single-page app served from a Cloud Storage bucket through
 * Cloud CDN behind a Cloud Armor edge policy, and `/api/*` on a Cloud Run service, behind one global
 * external Application Load Balancer on one domain — HTTPS with a Google-managed Certificate Manager
 * certificate authorized through DNS, the A record and the authorization CNAME in a Cloud DNS zone,
 * HTTP→HTTPS redirect, custom error pages from the bucket, and route tests that prove which path reaches
 * which backend.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as projects from "@pulumi/gcp/projects";
import * as storage from "@pulumi/gcp/storage";
import { ApplicationLoadBalancer } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const domain = config.get("domain") ?? "app.example.com";
const bucketLocation = config.get("bucketLocation") ?? "EU";
const apiImage = config.get("apiImage") ?? "us-docker.pkg.dev/cloudrun/container/hello";
/** The public Cloud DNS managed zone (its name, not its DNS name) that holds `domain`; "" to publish the records yourself. */
const dnsZone = config.get("dnsZone") ?? "example-com";
/** Region codes (ISO 3166-1 alpha-2, comma-separated) the site is not served to; "" for none. */
const blockedRegions = (config.get("blockedRegions") ?? "KP")
    .split(",")
    .map((code) => code.trim())
    .filter((code) => code !== "");

const apis = [
    "compute.googleapis.com",
    "run.googleapis.com",
    "storage.googleapis.com",
    "certificatemanager.googleapis.com",
    ...(dnsZone ? ["dns.googleapis.com"] : []),
].map((api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }));

/**
 * The API. Ingress "internal and Cloud Load Balancing" keeps the run.app URL closed to the internet; the
 * load balancer adds no caller identity, so the invoker check is off (authenticate in the app).
 */
const api = new cloudrunv2.Service(
    "api",
    {
        name: "api",
        location: region,
        ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
        invokerIamDisabled: true,
        deletionProtection: false,
        template: { containers: [{ image: apiImage }] },
    },
    { dependsOn: apis },
);

const lb = new ApplicationLoadBalancer(
    "spa",
    {
        scheme: "global-external",
        backends: {
            // The app's files, in a bucket the load balancer creates: `/` serves index.html, a missing
            // file 404.html. Public read because a backend bucket reads objects anonymously.
            site: {
                bucket: {
                    create: {
                        location: bucketLocation,
                        website: { mainPageSuffix: "index.html", notFoundPage: "404.html" },
                        publicRead: true,
                    },
                },
                cdn: {
                    enabled: true,
                    cacheMode: "CACHE_ALL_STATIC",
                    defaultTtl: 3600,
                    clientTtl: 600,
                    negativeCaching: true,
                    negativeCachingTtls: [{ code: 404, ttl: 60 }],
                },
                // Cloud Armor in front of the cache: an edge policy (the only kind a backend bucket takes)
                // answers 403 to clients from the blocked regions, for cached and uncached files alike.
                edgeSecurityPolicy:
                    blockedRegions.length > 0 ? { create: { geo: { deny: blockedRegions } } } : undefined,
            },
            api: { cloudRun: { service: api.name, region } },
        },
        routes: [
            {
                paths: ["/api", "/api/*"],
                backend: "api",
                // The API's failures answer with a JSON body from the bucket instead of the HTML page.
                customErrorResponses: { rules: [{ statusCodes: ["5xx"], path: "/errors/api-unavailable.json" }] },
            },
        ],
        defaultBackend: "site",
        // Errors from any backend (or the load balancer) get the app's own pages.
        customErrorResponses: {
            backend: "site",
            rules: [
                { statusCodes: ["404"], path: "/404.html", overrideStatus: 404 },
                { statusCodes: ["5xx"], path: "/errors/500.html", overrideStatus: 503 },
            ],
        },
        tests: [
            { host: domain, path: "/", backend: "site", description: "the app's index page" },
            { host: domain, path: "/index.html", backend: "site" },
            { host: domain, path: "/assets/app.js", backend: "site" },
            { host: domain, path: "/api", backend: "api" },
            { host: domain, path: "/api/items?limit=5", backend: "api" },
            { host: domain, path: "/apidocs", backend: "site", description: "only /api and /api/* go to the API" },
        ],
        // HTTP→HTTPS redirect and a MODERN / TLS 1.2 SSL policy are on by default. The certificate is
        // authorized through DNS, so it provisions before any traffic reaches the load balancer, and a
        // domain added later gets its own certificate while the others keep serving.
        https: { managedCertificate: { domains: [domain] } },
        // The A record for the address and the DNS authorization's CNAME, in the domain's public zone.
        dns: dnsZone ? { zone: dnsZone } : undefined,
    },
    { dependsOn: apis },
);

/** Sample pages, so the site answers right after `pulumi up`; deploy the real build with `gcloud storage rsync`. */
const pages: Record<string, [string, string]> = {
    "index.html": ["text/html", "<!doctype html><title>App</title><h1>It works</h1>"],
    "404.html": ["text/html", "<!doctype html><title>Not found</title><h1>Page not found</h1>"],
    "errors/500.html": ["text/html", "<!doctype html><title>Unavailable</title><h1>Back in a moment</h1>"],
    "errors/api-unavailable.json": ["application/json", '{"error":"unavailable"}'],
};
const bucket = lb.bucketNames.apply((names) => names.site);
for (const [object, [contentType, content]] of Object.entries(pages)) {
    new storage.BucketObject(`page-${object.replace(/[^a-z0-9]+/g, "-")}`, {
        bucket,
        name: object,
        content,
        contentType,
        cacheControl: "public, max-age=300",
    });
}

export const ipAddress = lb.ipAddress;
export const bucketName = bucket;
export const certificateIds = lb.certificateIds;
/** The records to publish yourself when `dnsZone` is "": the A record and each DNS authorization's CNAME. */
export const dnsRecords = pulumi
    .all([lb.ipAddress, lb.dnsAuthorizationRecords])
    .apply(([ip, authorizations]) => [
        `${domain}. A ${ip}`,
        ...authorizations.map((r) => `${r.name} ${r.type} ${r.data}`),
    ]);
export const url = `https://${domain}/`;
