/**
 * Seed 004's third pattern, "Microservices Spanning a Shared VPC": Cloud Run services in a service project,
 * connected to the host project's Shared VPC by Direct VPC egress (a network interface on the shared
 * subnet, no connector), ingress "internal", calling each other through a regional internal Application
 * Load Balancer by private names (`<service>.<domain>` in a private Cloud DNS zone). The Cloud Run service
 * agent of the service project gets `roles/compute.networkUser` on the shared subnet, which Direct VPC
 * egress into a Shared VPC needs.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as compute from "@pulumi/gcp/compute";
import * as dns from "@pulumi/gcp/dns";
import * as organizations from "@pulumi/gcp/organizations";
import * as projects from "@pulumi/gcp/projects";
import * as tls from "@pulumi/tls";
import { ApplicationLoadBalancer, BackendArgs, RouteArgs, RouteTestArgs } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const hostProject = config.get("hostProject") ?? "network-host";
const serviceProject = config.get("serviceProject") ?? "team-shop";
const domain = config.get("domain") ?? "svc.internal.example.com";
const serviceNames = config.getObject<string[]>("services") ?? ["frontend", "orders", "inventory"];
// PRIVATE_RANGES_ONLY: calls to the internal load balancer's private VIP go through the Shared VPC; the
// rest (Google APIs, the internet) leaves directly. ALL_TRAFFIC sends everything through the VPC.
const egress = config.get("egress") ?? "PRIVATE_RANGES_ONLY";
const existingNetwork = config.get("network");

if (egress !== "PRIVATE_RANGES_ONLY" && egress !== "ALL_TRAFFIC") {
    throw new pulumi.RunError(
        `config egress must be "PRIVATE_RANGES_ONLY" or "ALL_TRAFFIC", got "${egress}": set it with ` +
            "`pulumi config set egress ALL_TRAFFIC`",
    );
}

const api = (project: string, service: string) =>
    new projects.Service(`api-${project}-${service.split(".")[0]}`, {
        project,
        service,
        disableOnDestroy: false,
    });
const hostApis = ["compute.googleapis.com", "dns.googleapis.com"].map((s) => api(hostProject, s));
const serviceApis = ["compute.googleapis.com", "run.googleapis.com"].map((s) => api(serviceProject, s));

// The host project's Shared VPC, its subnet for the services and the load balancer's VIP, and the
// proxy-only subnet (subnets always live in the host project). Given by config when they exist.
let network: pulumi.Input<string>;
let subnetwork: pulumi.Input<string>;
let subnetName: pulumi.Input<string>;
let proxyOnlySubnetwork: pulumi.Input<string>;
let attachments: pulumi.Resource[] = [];
if (existingNetwork) {
    network = existingNetwork;
    subnetwork = config.require("subnetwork");
    subnetName = pulumi.output(subnetwork).apply((link) => link.split("/").pop()!);
    proxyOnlySubnetwork = config.require("proxyOnlySubnetwork");
} else {
    const host = new compute.SharedVPCHostProject("shared-vpc-host", { project: hostProject }, { dependsOn: hostApis });
    attachments = [
        new compute.SharedVPCServiceProject(`shared-vpc-${serviceProject}`, {
            hostProject: host.project,
            serviceProject,
        }),
    ];
    const vpc = new compute.Network(
        "shared-vpc",
        { name: "shared-vpc", project: hostProject, autoCreateSubnetworks: false },
        { dependsOn: hostApis },
    );
    // Direct VPC egress takes its instances' addresses from this subnet: size it for the services'
    // maximum instances (Google suggests /26 or larger per service revision).
    const subnet = new compute.Subnetwork("services", {
        name: "services",
        project: hostProject,
        region,
        network: vpc.id,
        ipCidrRange: config.get("subnetCidr") ?? "10.20.0.0/22",
        privateIpGoogleAccess: true,
    });
    const proxyOnly = new compute.Subnetwork("proxy-only", {
        name: "proxy-only",
        project: hostProject,
        region,
        network: vpc.id,
        ipCidrRange: config.get("proxyOnlyCidr") ?? "10.129.0.0/23",
        purpose: "REGIONAL_MANAGED_PROXY",
        role: "ACTIVE",
    });
    network = vpc.selfLink;
    subnetwork = subnet.selfLink;
    subnetName = subnet.name;
    proxyOnlySubnetwork = proxyOnly.selfLink;
}

/** `projects/…` from a Compute self link (`https://www.googleapis.com/compute/v1/projects/…`) or id. */
function resourceName(link: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi
        .output(link)
        .apply((l) => l.replace(/^https:\/\/(?:www|compute)\.googleapis\.com\/compute\/[^/]+\//, ""));
}

// Direct VPC egress into a Shared VPC: the service project's Cloud Run service agent uses the host
// project's subnet, so it needs Compute Network User on that subnet.
const serviceProjectNumber = organizations.getProjectOutput({ projectId: serviceProject }).number;
const runAgentOnSubnet = new compute.SubnetworkIAMMember(
    "run-agent-network-user",
    {
        project: hostProject,
        region,
        subnetwork: subnetName,
        role: "roles/compute.networkUser",
        member: pulumi.interpolate`serviceAccount:service-${serviceProjectNumber}@serverless-robot-prod.iam.gserviceaccount.com`,
    },
    { dependsOn: [...serviceApis, ...attachments] },
);

// Each service: ingress internal, on the Shared VPC by Direct VPC egress, with the other services'
// private URLs in its environment.
const url = (name: string) => `https://${name}.${domain}`;
const services = serviceNames.map(
    (name) =>
        new cloudrunv2.Service(
            name,
            {
                name,
                project: serviceProject,
                location: region,
                ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY",
                // The internal load balancer adds no caller identity: the invoker check is off. Callers that
                // sign their requests could keep it on and get roles/run.invoker instead.
                invokerIamDisabled: true,
                deletionProtection: false,
                template: {
                    // In a Shared VPC, Cloud Run names the host project's network and subnet by their full
                    // resource names (projects/<host>/global/networks/…, projects/<host>/regions/…/subnetworks/…).
                    vpcAccess: {
                        networkInterfaces: [{ network: resourceName(network), subnetwork: resourceName(subnetwork) }],
                        egress,
                    },
                    containers: [
                        {
                            image: "us-docker.pkg.dev/cloudrun/container/hello",
                            envs: serviceNames
                                .filter((other) => other !== name)
                                .map((other) => ({ name: `${other.toUpperCase()}_URL`, value: url(other) })),
                        },
                    ],
                },
            },
            { dependsOn: [...serviceApis, runAgentOnSubnet] },
        ),
);

// A self-signed certificate for every private name, or one from config (e.g. from your private CA, which
// the callers trust).
const configuredCertificate = config.get("tlsCertificate");
let certificate: pulumi.Input<string>;
let privateKey: pulumi.Input<string>;
if (configuredCertificate) {
    certificate = configuredCertificate;
    privateKey = config.requireSecret("tlsPrivateKey");
} else {
    const key = new tls.PrivateKey("tls-key", { algorithm: "RSA", rsaBits: 2048 });
    certificate = new tls.SelfSignedCert("tls-cert", {
        privateKeyPem: key.privateKeyPem,
        subject: { commonName: `*.${domain}` },
        dnsNames: [`*.${domain}`],
        validityPeriodHours: 24 * 365,
        allowedUses: ["key_encipherment", "digital_signature", "server_auth"],
    }).certPem;
    privateKey = key.privateKeyPem;
}

const backends: Record<string, BackendArgs> = Object.fromEntries(
    services.map((service, i) => [serviceNames[i], { cloudRun: { service: service.name } }]),
);
const routes: RouteArgs[] = serviceNames.map((name) => ({ hosts: [`${name}.${domain}`], backend: name }));
const tests: RouteTestArgs[] = serviceNames.map((name) => ({
    host: `${name}.${domain}`,
    path: "/",
    backend: name,
    description: `${name}'s private name reaches ${name}`,
}));

// The team's load balancer lives in its service project, on the host project's subnets.
const lb = new ApplicationLoadBalancer(
    "mesh",
    {
        scheme: "regional-internal",
        project: serviceProject,
        region,
        network: {
            existing: {
                network,
                subnetworks: { [region]: subnetwork },
                proxyOnlySubnetworks: { [region]: proxyOnlySubnetwork },
            },
        },
        backends,
        routes,
        defaultBackend: serviceNames[0],
        tests,
        https: { certificate: { certificate, privateKey } },
    },
    { dependsOn: [...serviceApis, ...attachments] },
);

// Private names in the Shared VPC: <service>.<domain> → the load balancer's VIP.
const zoneName: pulumi.Input<string> =
    config.get("dnsZone") ??
    new dns.ManagedZone(
        "private-zone",
        {
            name: "services-private",
            project: hostProject,
            dnsName: `${domain}.`,
            visibility: "private",
            privateVisibilityConfig: { networks: [{ networkUrl: network }] },
            description: "Private names of the team's Cloud Run services",
        },
        { dependsOn: hostApis },
    ).name;
for (const name of serviceNames) {
    new dns.RecordSet(`dns-${name}`, {
        project: hostProject,
        managedZone: zoneName,
        name: `${name}.${domain}.`,
        type: "A",
        ttl: 300,
        rrdatas: [lb.ipAddress],
    });
}

export const vip = lb.ipAddress;
export const privateUrls = Object.fromEntries(serviceNames.map((name) => [name, url(name)]));
export const curlFromFrontend = `curl -k -s ${url(serviceNames[1] ?? serviceNames[0])}/`;
