/**
 * Private HTTPS access to a Cloud Run service through a regional internal Application Load Balancer —
 * the gcloud walkthrough "Set up an internal HTTP(S) load balancer with Cloud Run" as one program.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as compute from "@pulumi/gcp/compute";
import * as dns from "@pulumi/gcp/dns";
import * as iap from "@pulumi/gcp/iap";
import * as projects from "@pulumi/gcp/projects";
import * as tls from "@pulumi/tls";
import { ApplicationLoadBalancer } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const zone = config.get("zone") ?? `${region}-b`;
// A Google-managed certificate (Certificate Manager, DNS authorization) instead of the self-signed one:
// the hostname must then be a name in a domain you own, whose authorization CNAME goes in public DNS.
const managedCertificate = config.getBoolean("managedCertificate") ?? false;
// Or a certificate from your own private CA (a CA Service pool): no public DNS, any internal name; clients
// must trust the pool's root.
const caPool = config.get("caPool");
const hostname = managedCertificate ? config.require("hostname") : (config.get("hostname") ?? "hello.internal.example");
const vip = config.get("vip") ?? "10.1.2.99";
const existingService = config.get("serviceName");
// The walkthrough builds either an HTTP or an HTTPS load balancer and tests HTTP with `curl <VIP>` first.
const protocol = config.get("protocol") ?? "https";
// Who may SSH to the client VM through IAP (roles on the VM only), e.g. ["user:alice@example.com"].
const sshMembers = config.getObject<string[]>("sshMembers") ?? [];

if (protocol !== "https" && protocol !== "http") {
    throw new pulumi.RunError(
        `config protocol must be "https" or "http", got "${protocol}": set it with \`pulumi config set protocol http\``,
    );
}
if (caPool !== undefined && (managedCertificate || protocol === "http")) {
    throw new pulumi.RunError(
        `config caPool gives a private-CA certificate, which excludes ${managedCertificate ? "managedCertificate (a public-CA certificate): remove one of them" : "protocol http: remove protocol (https is the default), or remove caPool"}`,
    );
}
if (managedCertificate && protocol === "http") {
    throw new pulumi.RunError(
        "config managedCertificate needs HTTPS, but protocol is http: remove protocol (https is the default), or remove managedCertificate",
    );
}

// Google's IAP TCP-forwarding range: SSH to the client VM only through `gcloud compute ssh --tunnel-through-iap`.
const IAP_TCP_FORWARDING_RANGE = "35.235.240.0/20";

const apis = [
    "compute.googleapis.com",
    "run.googleapis.com",
    "iap.googleapis.com",
    ...(managedCertificate ? ["certificatemanager.googleapis.com", "dns.googleapis.com"] : []),
    ...(caPool !== undefined
        ? ["certificatemanager.googleapis.com", "privateca.googleapis.com", "dns.googleapis.com"]
        : []),
].map((api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }));

// The sample service takes internal traffic only; the load balancer's traffic counts as internal.
// The load balancer adds no caller identity, so the invoker IAM check is turned off instead of
// granting allUsers (which Domain Restricted Sharing policies forbid).
const serviceName: pulumi.Input<string> =
    existingService ??
    new cloudrunv2.Service(
        "hello",
        {
            name: "hello",
            location: region,
            ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY",
            invokerIamDisabled: true,
            deletionProtection: false,
            template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
        },
        { dependsOn: apis },
    ).name;

// A certificate from config, or a self-signed one for the internal hostname (the seed tests with curl -k).
function certificateArgs(): { certificate: pulumi.Input<string>; privateKey: pulumi.Input<string> } {
    const configured = config.get("tlsCertificate");
    if (configured) {
        return { certificate: configured, privateKey: config.requireSecret("tlsPrivateKey") };
    }
    const key = new tls.PrivateKey("tls-key", { algorithm: "RSA", rsaBits: 2048 });
    const certificate = new tls.SelfSignedCert("tls-cert", {
        privateKeyPem: key.privateKeyPem,
        subject: { commonName: hostname },
        dnsNames: [hostname],
        validityPeriodHours: 24 * 365,
        allowedUses: ["key_encipherment", "digital_signature", "server_auth"],
    }).certPem;
    return { certificate, privateKey: key.privateKeyPem };
}

// With the managed certificate, the hostname resolves to the VIP through a private zone for exactly that
// name (nothing else of the domain is shadowed), visible only in the load balancer's VPC. The zone needs
// the VPC and the load balancer's record needs the zone: the deferred output breaks that knot in code;
// the resources themselves are ordered VPC → zone → record.
const [privateZoneName, setPrivateZoneName] = pulumi.deferredOutput<string>();

const lb = new ApplicationLoadBalancer(
    "lb",
    {
        scheme: "regional-internal",
        region,
        network: {
            create: {
                subnetCidr: config.get("subnetCidr") ?? "10.1.2.0/24",
                proxyOnlyCidr: config.get("proxyOnlyCidr") ?? "10.129.0.0/23",
            },
        },
        backends: { hello: { cloudRun: { service: serviceName } } },
        // Plain HTTP on port 80 with `protocol: http`, as the walkthrough's HTTP variant.
        https:
            protocol === "http"
                ? undefined
                : managedCertificate || caPool !== undefined
                  ? { managedCertificate: { domains: [hostname], caPool } }
                  : { certificate: certificateArgs() },
        dns: managedCertificate
            ? { zone: privateZoneName, names: [hostname], authorizationZone: config.get("publicZone") }
            : caPool !== undefined
              ? { zone: privateZoneName, names: [hostname] }
              : undefined,
        address: { ip: vip },
        allowGlobalAccess: config.getBoolean("allowGlobalAccess") ?? false,
    },
    { dependsOn: apis },
);

if (managedCertificate || caPool !== undefined) {
    const privateZone = new dns.ManagedZone(
        "private-zone",
        {
            name: config.get("privateZoneName") ?? "hello-internal-private",
            dnsName: `${hostname}.`,
            description: "The internal load balancer's name, visible only in its VPC",
            visibility: "private",
            privateVisibilityConfig: { networks: [{ networkUrl: lb.networkSelfLink.apply((n) => n!) }] },
        },
        { dependsOn: apis },
    );
    setPrivateZoneName(privateZone.name);
}

// The client VM from the walkthrough, without an external IP: reach it through IAP.
const subnetwork = lb.subnetworkSelfLinks.apply((subnets) => subnets[region]);
const client = new compute.Instance(
    "vm-client",
    {
        name: "vm-client",
        zone,
        machineType: "e2-micro",
        tags: ["allow-ssh"],
        bootDisk: { initializeParams: { image: "debian-cloud/debian-12" } },
        networkInterfaces: [{ network: lb.networkSelfLink.apply((n) => n!), subnetwork }],
        shieldedInstanceConfig: { enableSecureBoot: true },
        // SSH users are authorised by IAM (OS Login), not by keys in metadata.
        metadata: { "enable-oslogin": "TRUE" },
    },
    { dependsOn: apis },
);

new compute.Firewall("fw-allow-ssh", {
    name: "fw-allow-ssh",
    network: lb.networkSelfLink.apply((n) => n!),
    direction: "INGRESS",
    allows: [{ protocol: "tcp", ports: ["22"] }],
    sourceRanges: [IAP_TCP_FORWARDING_RANGE],
    targetTags: ["allow-ssh"],
});

// SSH through IAP needs, per user: IAP-secured Tunnel User (to open the tunnel) and Compute OS Login (to log
// in), both granted on this VM only. The VM has no service account, so no Service Account User is needed.
for (const member of sshMembers) {
    const id = member.replace(/[^a-zA-Z0-9@.-]/g, "-");
    new iap.TunnelInstanceIAMMember(`ssh-tunnel-${id}`, {
        zone,
        instance: client.name,
        role: "roles/iap.tunnelResourceAccessor",
        member,
    });
    new compute.InstanceIAMMember(`ssh-login-${id}`, {
        zone,
        instanceName: client.name,
        role: "roles/compute.osLogin",
        member,
    });
}

export const vipAddress = lb.ipAddress;
export const url = lb.url;
export const sshCommand = pulumi.interpolate`gcloud compute ssh ${client.name} --zone ${zone} --tunnel-through-iap`;
export const curlCommand =
    protocol === "http"
        ? pulumi.interpolate`curl -s http://${lb.ipAddress}/`
        : managedCertificate
          ? pulumi.output(`curl -s https://${hostname}/`)
          : caPool !== undefined
            ? pulumi.output(`curl -s --cacert ca-root.pem https://${hostname}/`)
            : pulumi.interpolate`curl -k -s https://${hostname}/ --connect-to ${hostname}:443:${lb.ipAddress}:443`;
// The CNAMEs Certificate Manager must find in public DNS (created when `publicZone` is set; none without managedCertificate).
export const dnsAuthorizationRecords = lb.dnsAuthorizationRecords;
