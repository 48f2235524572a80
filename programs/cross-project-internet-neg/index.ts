/**
 * Seed 001 ("Cloud Run and Load balancing: go beyond your own project!") end to end: a global external
 * Application Load Balancer in one project reaching two Cloud Run services in another project through
 * ONE internet NEG, each backend service overriding Host for its service; `/` goes to the first service
 * and `/hello2` to the second with the path prefix rewritten to `/`.
 *
 * With `variant: chained` it is the seed's "Routing to the closest location" instead: the front load
 * balancer's internet NEG targets the domain of the multi-region load balancer of programs/multi-region
 * in another project, with no Host override (that load balancer routes by its own serverless NEGs).
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as compute from "@pulumi/gcp/compute";
import * as projects from "@pulumi/gcp/projects";
import { ApplicationLoadBalancer, BackendArgs, RouteArgs } from "cloudrun-lb";

const config = new pulumi.Config();
const variant = config.get("variant") ?? "services";
const region = config.get("region") ?? "europe-west1";
const serviceProject = config.get("serviceProject") ?? "service-project";
// programs/multi-region's default domain: the load balancer this variant fronts.
const chainedDomain = config.get("chainedDomain") ?? "hello.example.com";
const domain = config.get("domain");

if (variant !== "services" && variant !== "chained") {
    throw new Error(`config variant must be "services" or "chained", got "${variant}"`);
}

const lbApis = ["compute.googleapis.com"].map(
    (api) => new projects.Service(`lb-api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }),
);

let backends: Record<string, BackendArgs>;
let routes: RouteArgs[] = [];
let defaultBackend: string;
export let serviceUrls: pulumi.Output<string>[] = [];

if (variant === "services") {
    const runApi = new projects.Service("service-api-run", {
        project: serviceProject,
        service: "run.googleapis.com",
        disableOnDestroy: false,
    });
    // Traffic through an internet NEG reaches run.app from the internet (GFE egress IPs), so ingress
    // must be "all" (UNCONFIRMED inference, see the README); the NEG adds no caller identity, so the
    // invoker IAM check is off rather than granting allUsers.
    const deploy = (name: string) =>
        new cloudrunv2.Service(
            name,
            {
                name,
                project: serviceProject,
                location: region,
                ingress: "INGRESS_TRAFFIC_ALL",
                invokerIamDisabled: true,
                deletionProtection: false,
                template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
            },
            { dependsOn: [runApi] },
        );
    const hello = deploy("hello");
    const hello2 = deploy("hello2");
    const hostOf = (uri: pulumi.Output<string>) => uri.apply((u) => new URL(u).host);
    const helloHost = hostOf(hello.uri);
    const hello2Host = hostOf(hello2.uri);
    // One NEG for both: every run.app host lands on the same Google frontend, which routes by Host.
    // Passing the same `fqdn` output to both backends is what makes them share it.
    backends = {
        hello: { internet: { fqdn: helloHost, hostOverride: helloHost } },
        hello2: { internet: { fqdn: helloHost, hostOverride: hello2Host } },
    };
    // The second service has no /hello2 path: the prefix is rewritten to "/".
    routes = [{ paths: ["/hello2", "/hello2/*"], backend: "hello2", rewrite: { pathPrefix: "/" } }];
    defaultBackend = "hello";
    serviceUrls = [hello.uri, hello2.uri];
} else {
    // The multi-region load balancer (programs/multi-region, deployed in the project of the multi-region
    // services) is reached over the internet by its HTTPS domain. No Host override, as in the seed: its URL
    // map sends every host to its one multi-region backend, so the client's Host does not matter. (A
    // load balancer with host rules, such as programs/global-external, would send every request to its
    // default service instead.)
    backends = { closest: { internet: { fqdn: chainedDomain } } };
    defaultBackend = "closest";
}

const certificate = domain
    ? new compute.ManagedSslCertificate("cert", { managed: { domains: [domain] } }, { dependsOn: lbApis })
    : undefined;

const lb = new ApplicationLoadBalancer(
    "front",
    {
        scheme: "global-external",
        backends,
        routes,
        defaultBackend,
        // The seed tests over plain HTTP; set `domain` for HTTPS with a Google-managed certificate.
        https: certificate ? { certificates: [certificate.id] } : undefined,
    },
    { dependsOn: lbApis },
);

export const ipAddress = lb.ipAddress;
export const url = domain ? pulumi.output(`https://${domain}`) : lb.url;
export const backendServiceIds = lb.backendServiceIds;
