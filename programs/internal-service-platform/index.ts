/**
 * Seed 000 ("Cloud Load Balancing: a comprehensive solution for secure and private access to Cloud Run
 * services") on the load balancer it announces: one regional internal Application Load Balancer that a
 * central network team runs in the Shared VPC host project, in front of the Cloud Run services that
 * several teams run in their own service projects (cross-project service referencing). On it: a custom
 * private domain (Cloud DNS private zone + host rules), host and path routing, routing by an HTTP header
 * to a tagged revision, fault injection to rehearse failures, request and response header
 * transformations, a weighted migration from a legacy on-premises service to Cloud Run, traffic mirroring
 * from the on-premises service to its on-premises staging copy, and IAP on one backend — with every Cloud Run
 * service on ingress "internal". Optionally, a VPC Service Controls perimeter around the projects (`accessPolicy`).
 */
import * as pulumi from "@pulumi/pulumi";
import * as accesscontextmanager from "@pulumi/gcp/accesscontextmanager";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as compute from "@pulumi/gcp/compute";
import * as dns from "@pulumi/gcp/dns";
import * as organizations from "@pulumi/gcp/organizations";
import * as projects from "@pulumi/gcp/projects";
import * as tls from "@pulumi/tls";
import { ApplicationLoadBalancer, BackendArgs, HybridEndpointArgs, NetworkArgs, RouteTestArgs } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const zone = config.get("zone") ?? `${region}-b`;
const hostProject = config.get("hostProject") ?? "network-host";
const ordersProject = config.get("ordersProject") ?? "team-orders";
const paymentsProject = config.get("paymentsProject") ?? "team-payments";
const domain = config.get("domain") ?? "internal.example.com";
const canaryTag = config.get("canaryTag") ?? "canary";
const faultPercent = config.getNumber("faultPercent") ?? 50;
const cloudRunPercent = config.getNumber("paymentsCloudRunPercent") ?? 10;
const legacyEndpoints = config.get("legacyEndpoints") ?? "192.168.10.21:443,192.168.10.22:443";
const legacyBackendService = config.get("legacyBackendService");
const shadowEndpoints = config.get("shadowEndpoints") ?? "192.168.20.21:443";
// Revisions of `orders`: each update deploys `orders-<ordersRevision>`; once `ordersStableRevision` names an
// earlier one, it keeps every untagged request and the new revision answers only under the canary tag.
const ordersRevision = config.get("ordersRevision") ?? "v1";
const ordersStableRevision = config.get("ordersStableRevision");
// The principal that deploys the load balancer in the host project (the network team's CI).
const networkDeployer =
    config.get("networkDeployer") ?? `serviceAccount:network-ci@${hostProject}.iam.gserviceaccount.com`;
const adminMembers = config.getObject<string[]>("adminMembers") ?? ["group:platform-admins@example.com"];
const existingNetwork = config.get("network");
const accessPolicy = config.get("accessPolicy");

if (ordersStableRevision === `orders-${ordersRevision}`) {
    throw new pulumi.RunError(
        `config ordersStableRevision is orders-${ordersRevision}, the revision this update deploys: the canary tag ` +
            "would reach the revision that serves everyone. Deploy a new revision with " +
            "`pulumi config set ordersRevision <next>`, or remove ordersStableRevision for a first deployment",
    );
}

if (!Number.isInteger(cloudRunPercent) || cloudRunPercent < 0 || cloudRunPercent > 100) {
    throw new pulumi.RunError(
        `config paymentsCloudRunPercent must be a whole number from 0 to 100, got ${cloudRunPercent}: set it with ` +
            "`pulumi config set paymentsCloudRunPercent 10`",
    );
}

const api = (project: string, service: string) =>
    new projects.Service(`api-${project}-${service.split(".")[0]}`, {
        project,
        service,
        disableOnDestroy: false,
    });
const hostApis = ["compute.googleapis.com", "dns.googleapis.com"].map((s) => api(hostProject, s));
const ordersApis = ["compute.googleapis.com", "run.googleapis.com", "iap.googleapis.com"].map((s) =>
    api(ordersProject, s),
);
const paymentsApis = ["compute.googleapis.com", "run.googleapis.com"].map((s) => api(paymentsProject, s));

// The Shared VPC: the network team's, in the host project, with both teams' projects attached. Given by
// config when it already exists (then attaching the service projects is the network team's business).
let networkArgs: NetworkArgs;
let networkSelfLink: pulumi.Input<string>;
let serviceProjectAttachments: pulumi.Resource[] = [];
if (existingNetwork) {
    networkSelfLink = existingNetwork;
    networkArgs = {
        existing: {
            network: existingNetwork,
            subnetworks: { [region]: config.require("subnetwork") },
            proxyOnlySubnetworks: config.get("proxyOnlySubnetwork")
                ? { [region]: config.require("proxyOnlySubnetwork") }
                : undefined,
            proxyOnlyCidrs: { [region]: config.get("proxyOnlyCidr") ?? "10.129.0.0/23" },
        },
    };
} else {
    const sharedVpcHost = new compute.SharedVPCHostProject(
        "shared-vpc-host",
        { project: hostProject },
        { dependsOn: hostApis },
    );
    serviceProjectAttachments = [ordersProject, paymentsProject].map(
        (serviceProject) =>
            new compute.SharedVPCServiceProject(`shared-vpc-${serviceProject}`, {
                hostProject: sharedVpcHost.project,
                serviceProject,
            }),
    );
    const network = new compute.Network(
        "shared-vpc",
        { name: "shared-vpc", project: hostProject, autoCreateSubnetworks: false },
        { dependsOn: hostApis },
    );
    const subnet = new compute.Subnetwork("apps", {
        name: "apps",
        project: hostProject,
        region,
        network: network.id,
        ipCidrRange: config.get("subnetCidr") ?? "10.10.0.0/24",
        privateIpGoogleAccess: true,
    });
    // The proxy-only subnet is the network team's too: every Envoy-based load balancer in the region shares it.
    const proxyOnly = new compute.Subnetwork("proxy-only", {
        name: "proxy-only",
        project: hostProject,
        region,
        network: network.id,
        ipCidrRange: config.get("proxyOnlyCidr") ?? "10.129.0.0/23",
        purpose: "REGIONAL_MANAGED_PROXY",
        role: "ACTIVE",
    });
    networkSelfLink = network.selfLink;
    networkArgs = {
        existing: {
            network: network.selfLink,
            subnetworks: { [region]: subnet.selfLink },
            proxyOnlySubnetworks: { [region]: proxyOnly.selfLink },
        },
    };
}

// Every service takes internal traffic only: the internal load balancer's requests count as internal,
// also from a load balancer in the host project. The load balancer adds no caller identity, so the
// invoker check is off except on `admin`, where IAP's service agent is the only invoker.
function cloudRunService(
    name: string,
    project: string,
    dependsOn: pulumi.Resource[],
    extra: Partial<cloudrunv2.ServiceArgs> = {},
): cloudrunv2.Service {
    return new cloudrunv2.Service(
        name,
        {
            name,
            project,
            location: region,
            ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY",
            invokerIamDisabled: true,
            deletionProtection: false,
            template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
            ...extra,
        },
        { dependsOn },
    );
}
// The canary tag, which the header route targets, is on the latest revision (the one this update deploys);
// with ordersStableRevision set, untagged traffic stays on that earlier revision, so the header reaches a
// different revision from everyone else's. Without it (the first deployment) one revision serves both.
const orders = cloudRunService("orders", ordersProject, ordersApis, {
    template: {
        revision: `orders-${ordersRevision}`,
        containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }],
    },
    traffics: [
        ordersStableRevision
            ? { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION", revision: ordersStableRevision, percent: 100 }
            : { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", percent: 100 },
        { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", tag: canaryTag, percent: 0 },
    ],
});
const admin = cloudRunService("admin", ordersProject, ordersApis, { invokerIamDisabled: false });
const payments = cloudRunService("payments", paymentsProject, paymentsApis);

// IAP's service agent is created lazily by Google; create it before the load balancer grants it
// roles/run.invoker on `admin`, so the grant never names an account that does not exist yet.
const iapAgent = new projects.ServiceIdentity(
    "iap-agent",
    { project: ordersProject, service: "iap.googleapis.com" },
    { dependsOn: ordersApis },
);

/** "192.168.10.21:443,192.168.10.22" → endpoints; one without a port takes the NEG's default port 443. */
function parseEndpoints(list: string): HybridEndpointArgs[] {
    return list
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== "")
        .map((entry) => {
            const [ipAddress, port] = entry.split(":");
            return port === undefined ? { ipAddress } : { ipAddress, port: Number(port) };
        });
}

// Service owners' backends live in their projects; the network team's CI may reference them.
const inProject = (project: string, service: pulumi.Input<string>, tag?: string): BackendArgs => ({
    project,
    cloudRun: { service, region, ...(tag ? { tag } : {}) },
    loadBalancerServiceUsers: [networkDeployer],
});
const legacyHealthCheckPath = config.get("legacyHealthCheckPath") ?? "/healthz";
const backends: Record<string, BackendArgs> = {
    orders: inProject(ordersProject, orders.name),
    ordersCanary: inProject(ordersProject, orders.name, canaryTag),
    admin: {
        ...inProject(ordersProject, admin.name),
        iap: { enabled: true, members: adminMembers },
    },
    payments: inProject(paymentsProject, payments.name),
    // The legacy payments service on-premises, reached over the Shared VPC's VPN/Interconnect: a hybrid
    // NEG in the host project (or a backend service that already fronts it).
    paymentsLegacy:
        legacyBackendService !== undefined
            ? { backendService: legacyBackendService }
            : {
                  description: "Legacy payments service on-premises",
                  hybrid: {
                      zone,
                      endpoints: parseEndpoints(legacyEndpoints),
                      defaultPort: 443,
                      protocol: "HTTPS",
                      healthCheck: { requestPath: legacyHealthCheckPath },
                  },
              },
    // The legacy service's staging copy on-premises, which receives a copy of the settlement requests. GCP
    // mirrors only to a backend service whose backends are of the same type as the route's (hybrid NEG to
    // hybrid NEG here) and never to serverless NEGs (RequestMirrorPolicy.backendService,
    // https://cloud.google.com/compute/docs/reference/rest/v1/regionUrlMaps).
    paymentsShadow: {
        description: "Staging copy of the legacy payments service on-premises (mirror target)",
        hybrid: {
            zone,
            endpoints: parseEndpoints(shadowEndpoints),
            defaultPort: 443,
            protocol: "HTTPS",
            healthCheck: { requestPath: legacyHealthCheckPath },
        },
    },
};

const apiHost = `api.${domain}`;
const adminHost = `admin.${domain}`;

// A certificate from config, or a self-signed one for the platform's hosts.
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
        subject: { commonName: apiHost },
        dnsNames: [apiHost, adminHost],
        validityPeriodHours: 24 * 365,
        allowedUses: ["key_encipherment", "digital_signature", "server_auth"],
    }).certPem;
    privateKey = key.privateKeyPem;
}

const split = [
    { backend: "paymentsLegacy", weight: 100 - cloudRunPercent },
    { backend: "payments", weight: cloudRunPercent },
];
const tests: RouteTestArgs[] = [
    { host: apiHost, path: "/orders/42", backend: "orders", description: "orders API" },
    {
        host: apiHost,
        path: "/orders/42",
        headers: [{ name: "x-canary", value: "true" }],
        backend: "ordersCanary",
        description: "opt-in header reaches the canary tag",
    },
    {
        host: apiHost,
        path: "/orders/42",
        headers: [{ name: "x-fault-drill", value: "true" }],
        backend: "orders",
        description: "fault drill: orders, with faults injected",
    },
    {
        host: apiHost,
        path: "/payments/settlements/2024-06",
        backend: "paymentsLegacy",
        description: "settlements stay on-premises (mirrored to its staging copy)",
    },
    ...split
        .filter((s) => s.weight > 0)
        .map((s) => ({
            host: apiHost,
            path: "/payments/charge",
            backend: s.backend,
            description: `payments migration: ${s.backend} gets ${s.weight}%`,
        })),
    { host: adminHost, path: "/", backend: "admin", description: "admin app behind IAP" },
    { host: `other.${domain}`, path: "/", backend: "orders", description: "unknown hosts get the default" },
];

const lb = new ApplicationLoadBalancer(
    "platform",
    {
        scheme: "regional-internal",
        project: hostProject,
        region,
        network: networkArgs,
        backends,
        defaultBackend: "orders",
        routes: [
            // Testers opt in to the tagged revision with a header; the revision is told so, and answers saying so.
            {
                hosts: [apiHost],
                paths: ["/orders", "/orders/*"],
                headers: [{ name: "x-canary", exact: "true" }],
                backend: "ordersCanary",
                requestHeaders: { add: [{ name: "x-route", value: "canary", replace: true }] },
                responseHeaders: { add: [{ name: "x-served-by", value: canaryTag, replace: true }] },
            },
            // Rehearse failures: requests that ask for it are delayed or aborted.
            {
                hosts: [apiHost],
                paths: ["/orders", "/orders/*"],
                headers: [{ name: "x-fault-drill", exact: "true" }],
                backend: "orders",
                faultInjection: {
                    delay: { seconds: 2, percentage: faultPercent },
                    abort: { httpStatus: 503, percentage: faultPercent },
                },
            },
            { hosts: [apiHost], paths: ["/orders", "/orders/*"], backend: "orders" },
            // Settlements stay on-premises during the migration; each request is also copied, fire-and-forget,
            // to the staging copy, which tests its next release against production traffic.
            {
                hosts: [apiHost],
                paths: ["/payments/settlements", "/payments/settlements/*"],
                backend: "paymentsLegacy",
                mirror: { backend: "paymentsShadow" },
            },
            // Migrate payments from on-premises to Cloud Run, a share at a time.
            { hosts: [apiHost], paths: ["/payments", "/payments/*"], split },
            { hosts: [adminHost], backend: "admin" },
        ],
        tests,
        // On every request and response: the backends learn which platform routed the request, and
        // responses do not disclose the backends' server software.
        requestHeaders: { add: [{ name: "x-platform", value: "internal-service-platform", replace: true }] },
        responseHeaders: { remove: ["server", "x-powered-by"] },
        https: { certificate: { certificate, privateKey } },
        address: config.get("vip") ? { ip: config.require("vip") } : undefined,
    },
    { dependsOn: [...hostApis, ...serviceProjectAttachments, iapAgent] },
);

// Clients in the Shared VPC resolve the platform's names to the VIP through a private zone.
const dnsZoneName: pulumi.Input<string> =
    config.get("dnsZone") ??
    new dns.ManagedZone(
        "private-zone",
        {
            name: "platform-private",
            project: hostProject,
            dnsName: `${domain}.`,
            visibility: "private",
            privateVisibilityConfig: { networks: [{ networkUrl: networkSelfLink }] },
            description: "Private names of the internal service platform",
        },
        { dependsOn: hostApis },
    ).name;
for (const host of [apiHost, adminHost]) {
    new dns.RecordSet(`dns-${host.split(".")[0]}`, {
        project: hostProject,
        managedZone: dnsZoneName,
        name: `${host}.`,
        type: "A",
        ttl: 300,
        rrdatas: [lb.ipAddress],
    });
}

// VPC Service Controls (optional): one perimeter around the host and service projects, with the
// Cloud Run and Compute Engine APIs restricted. Perimeter resources are project numbers.
if (accessPolicy) {
    const numbers = [hostProject, ordersProject, paymentsProject].map(
        (projectId) => organizations.getProjectOutput({ projectId }).number,
    );
    new accesscontextmanager.ServicePerimeter("perimeter", {
        parent: `accessPolicies/${accessPolicy}`,
        name: `accessPolicies/${accessPolicy}/servicePerimeters/${config.get("perimeterName") ?? "internal_service_platform"}`,
        title: "internal service platform",
        perimeterType: "PERIMETER_TYPE_REGULAR",
        status: {
            resources: numbers.map((n) => pulumi.interpolate`projects/${n}`),
            restrictedServices: ["run.googleapis.com", "compute.googleapis.com"],
        },
    });
}

export const vip = lb.ipAddress;
export const apiUrl = `https://${apiHost}/orders/`;
export const adminUrl = `https://${adminHost}/`;
export const backendServiceIds = lb.backendServiceIds;
/** The route tests that ran at preview, one or more per route. */
export const routeTests = tests.map((t) => `${t.host}${t.path} → ${t.backend}: ${t.description}`);
export const curlCommand = pulumi.interpolate`curl -k -s https://${apiHost}/orders/ --resolve ${apiHost}:443:${lb.ipAddress}`;
