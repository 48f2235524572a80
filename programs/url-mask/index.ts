/**
 * Seed 002 ("Set up an internal HTTP(S) load balancer with Cloud Run", "Using a URL mask") on the scheme of
 * that guide, the regional internal Application Load Balancer (or `scheme: regional-external`): serverless
 * NEGs with URL masks serve many Cloud Run services without a backend or a route per service. Every form of
 * the guide's URL-mask table has its own NEG and a route test that checks, at preview, which service (and
 * traffic tag) a URL of that form reaches.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as projects from "@pulumi/gcp/projects";
import { ApplicationLoadBalancer, BackendArgs, RouteTestArgs, Scheme } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const domain = config.get("domain") ?? "example.com";
const services = config.getObject<string[]>("services") ?? ["login", "cart", "search"];
const tag = config.get("tag") ?? "test";
const schemeConfig = config.get("scheme") ?? "regional-internal";

if (schemeConfig !== "regional-internal" && schemeConfig !== "regional-external") {
    throw new pulumi.RunError(
        `config scheme must be "regional-internal" or "regional-external", got "${schemeConfig}": set it with ` +
            "`pulumi config set scheme regional-external`",
    );
}
const scheme: Scheme = schemeConfig;
const internal = scheme === "regional-internal";

const apis = ["compute.googleapis.com", "run.googleapis.com"].map(
    (api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }),
);

// Sample services, one per name, each also answering under the traffic tag the tag forms select.
for (const name of services) {
    new cloudrunv2.Service(
        name,
        {
            name,
            location: region,
            ingress: internal ? "INGRESS_TRAFFIC_INTERNAL_ONLY" : "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
            invokerIamDisabled: true,
            deletionProtection: false,
            template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
            traffics: [
                { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", percent: 100 },
                { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", tag },
            ],
        },
        { dependsOn: apis },
    );
}

/** The URL-mask forms of the guide's table, for a custom domain, with the URL it gives for `login`/`test`. */
const forms: { key: string; mask: string; host: string; path: string; tagged: boolean }[] = [
    { key: "services", mask: `${domain}/<service>`, host: domain, path: "/login", tagged: false },
    { key: "serviceHost", mask: `<service>.${domain}`, host: `login.${domain}`, path: "/", tagged: false },
    {
        key: "tagServiceHost",
        mask: `<tag>.<service>.${domain}`,
        host: `${tag}.login.${domain}`,
        path: "/",
        tagged: true,
    },
    { key: "tagPath", mask: `${domain}/home/<service>/<tag>`, host: domain, path: `/home/login/${tag}`, tagged: true },
    {
        key: "tagHostPath",
        mask: `<tag>.${domain}/home/<service>`,
        host: `${tag}.${domain}`,
        path: "/home/login",
        tagged: true,
    },
];

const backends: Record<string, BackendArgs> = Object.fromEntries(
    forms.map((form) => [form.key, { cloudRun: { urlMask: form.mask } }]),
);

const tests: RouteTestArgs[] = [
    ...forms.map((form) => ({
        host: form.host,
        path: form.path,
        backend: form.key,
        cloudRunService: "login",
        ...(form.tagged ? { cloudRunTag: tag } : {}),
        description: `${form.host}${form.path} reaches login${form.tagged ? ` tag ${tag}` : ""} through ${form.mask}`,
    })),
    ...services.map((name) => ({
        host: domain,
        path: `/${name}/web`,
        backend: "services",
        cloudRunService: name,
        description: `/${name}/... reaches the Cloud Run service ${name}`,
    })),
];

// The URL map only decides which mask applies; the mask then picks the service (and tag). The forms
// overlap (a host like login.example.com fits both <service>.example.com and <tag>.example.com), so each
// gets the hosts and paths that are its own: <tag>.<service>.example.com needs a wildcard per service.
const lb = new ApplicationLoadBalancer(
    "shop",
    {
        scheme,
        region,
        backends,
        defaultBackend: "services",
        routes: [
            { hosts: [domain], paths: ["/home/*"], backend: "tagPath" },
            { hosts: services.map((name) => `*.${name}.${domain}`), backend: "tagServiceHost" },
            { hosts: [`*.${domain}`], paths: ["/home/*"], backend: "tagHostPath" },
            { hosts: [`*.${domain}`], backend: "serviceHost" },
        ],
        tests,
    },
    { dependsOn: apis },
);

export const ipAddress = lb.ipAddress;
export const masks = Object.fromEntries(forms.map((form) => [form.key, form.mask]));
export const curlCommands = forms.map(
    (form) => pulumi.interpolate`curl -s -H 'Host: ${form.host}' http://${lb.ipAddress}${form.path}`,
);
