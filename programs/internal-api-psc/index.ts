/**
 * An internal API on Cloud Run (seed 004, "Internal APIs") behind a regional internal Application Load Balancer,
 * published over Private Service Connect so that consumer projects — other VPC networks, other organizations —
 * reach it through an endpoint in their own network, with no VPC peering and no shared address plan.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as projects from "@pulumi/gcp/projects";
import * as tls from "@pulumi/tls";
import { ApplicationLoadBalancer } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const hostname = config.get("hostname") ?? "api.internal.example";
const existingService = config.get("serviceName");
// The consumer projects allowed to connect (IDs or numbers), e.g. ["team-a-prod", "partner-project"].
// With none, every consumer endpoint waits for a producer to accept it by hand (a preview warning says so).
const consumerProjects = config.getObject<string[]>("consumerProjects") ?? [];
const connectionLimit = config.getNumber("connectionLimit") ?? 10;
const subnetCidr = config.get("subnetCidr") ?? "10.1.2.0/24";
const natCidr = config.get("natCidr") ?? "10.130.0.0/24";

/** An address inside a range (its fifth), for the route tests' clients. */
function addressIn(cidr: string): string {
    const [a, b, c, d] = cidr.split("/")[0].split(".").map(Number);
    return `${a}.${b}.${c}.${d + 5}`;
}

// The authorization policies need the Network Security and Network Services APIs (the setup guide's "Before you begin").
const apis = [
    "compute.googleapis.com",
    "run.googleapis.com",
    "networksecurity.googleapis.com",
    "networkservices.googleapis.com",
].map((api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }));

// The API takes internal traffic only; the load balancer's traffic counts as internal. The load balancer adds
// no caller identity, so the invoker IAM check is turned off instead of granting allUsers.
const serviceName: pulumi.Input<string> =
    existingService ??
    new cloudrunv2.Service(
        "api",
        {
            name: "internal-api",
            location: region,
            ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY",
            invokerIamDisabled: true,
            deletionProtection: false,
            template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
        },
        { dependsOn: apis },
    ).name;

// A self-signed certificate for the API's internal hostname (consumers test with curl -k, or trust it).
const key = new tls.PrivateKey("tls-key", { algorithm: "RSA", rsaBits: 2048 });
const certificate = new tls.SelfSignedCert("tls-cert", {
    privateKeyPem: key.privateKeyPem,
    subject: { commonName: hostname },
    dnsNames: [hostname],
    validityPeriodHours: 24 * 365,
    allowedUses: ["key_encipherment", "digital_signature", "server_auth"],
});

const lb = new ApplicationLoadBalancer(
    "api",
    {
        scheme: "regional-internal",
        region,
        network: {
            create: {
                subnetCidr,
                proxyOnlyCidr: config.get("proxyOnlyCidr") ?? "10.129.0.0/23",
            },
        },
        backends: { api: { cloudRun: { service: serviceName } } },
        https: { certificate: { certificate: certificate.certPem, privateKey: key.privateKeyPem } },
        publish: {
            natCidr,
            // Only the listed consumer projects connect; anyone else's endpoint stays pending.
            connectionPreference: "ACCEPT_MANUAL",
            consumerAcceptLists: consumerProjects.map((project) => ({ project, connectionLimit })),
        },
        // L7 authorization on the forwarding rule. Consumers' requests arrive from the PSC NAT subnet: only
        // they and clients in the producer's own subnet get in, and consumers never reach /admin.
        authorization: {
            deny: [{ ipRanges: [natCidr], paths: ["/admin*"] }],
            allow: [{ ipRanges: [natCidr, subnetCidr] }],
        },
        tests: [
            {
                description: "a consumer calls the API",
                host: hostname,
                path: "/v1/items",
                sourceIp: addressIn(natCidr),
                backend: "api",
            },
            {
                description: "a consumer is refused /admin",
                host: hostname,
                path: "/admin/users",
                sourceIp: addressIn(natCidr),
                denied: true,
            },
            {
                description: "a client in the producer's subnet reaches /admin",
                host: hostname,
                path: "/admin/users",
                sourceIp: addressIn(subnetCidr),
                backend: "api",
            },
            {
                description: "any other address is refused",
                host: hostname,
                path: "/v1/items",
                sourceIp: "192.0.2.10",
                denied: true,
            },
        ],
    },
    { dependsOn: apis },
);

/** What consumers create a Private Service Connect endpoint for. */
export const serviceAttachment = lb.serviceAttachmentSelfLink;
/** The VIP inside the producer VPC (clients in the producer VPC can call it directly). */
export const vip = lb.ipAddress;
export const apiHostname = hostname;
