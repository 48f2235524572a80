/**
 * Move traffic from a legacy on-premises service to Cloud Run in steps (seed 000, "Migrate traffic from
 * your legacy services"), on a regional internal Application Load Balancer. The legacy side is a hybrid
 * connectivity NEG (NON_GCP_PRIVATE_IP_PORT) with the on-premises IP:port endpoints and their health
 * check, reached over Cloud VPN or Interconnect; the Cloud Run share comes from config: 1 → 10 → 50 → 100.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as projects from "@pulumi/gcp/projects";
import * as tls from "@pulumi/tls";
import { ApplicationLoadBalancer, BackendArgs, HybridEndpointArgs, NetworkArgs } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const zone = config.get("zone") ?? `${region}-b`;
const host = config.get("host") ?? "orders.internal.example";
const cloudRunPercent = config.getNumber("cloudRunPercent") ?? 1;
const legacyEndpoints = config.get("legacyEndpoints") ?? "192.168.10.21:443,192.168.10.22:443";
const legacyHealthCheckPath = config.get("legacyHealthCheckPath") ?? "/healthz";
const legacyBackendService = config.get("legacyBackendService");
const network = config.get("network");
const proxyOnlySubnetwork = config.get("proxyOnlySubnetwork");

if (!Number.isInteger(cloudRunPercent) || cloudRunPercent < 0 || cloudRunPercent > 100) {
    throw new pulumi.RunError(
        `config cloudRunPercent must be a whole number from 0 to 100, got ${cloudRunPercent}: set it with ` +
            "`pulumi config set cloudRunPercent 10`",
    );
}

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

const apis = ["compute.googleapis.com", "run.googleapis.com"].map(
    (api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }),
);

// Internal traffic only: the internal load balancer's requests count as internal.
const orders = new cloudrunv2.Service(
    "orders",
    {
        name: "orders",
        location: region,
        ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY",
        invokerIamDisabled: true,
        deletionProtection: false,
        template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
    },
    { dependsOn: apis },
);

// The on-premises service through a hybrid NEG (created here), or an existing backend service by self link.
const legacy: BackendArgs =
    legacyBackendService !== undefined
        ? { backendService: legacyBackendService }
        : {
              description: "Legacy orders service on-premises",
              hybrid: {
                  zone,
                  endpoints: parseEndpoints(legacyEndpoints),
                  defaultPort: 443,
                  protocol: "HTTPS",
                  maxRatePerEndpoint: config.getNumber("legacyMaxRatePerEndpoint") ?? 100,
                  healthCheck: { requestPath: legacyHealthCheckPath },
              },
          };

// The hybrid NEG lives in the VPC the VPN or Interconnect is attached to: that VPC when given, else a new one.
const networkArgs: NetworkArgs = network
    ? {
          existing: {
              network,
              subnetworks: { [region]: config.require("subnetwork") },
              // Adopt the VPC's proxy-only subnet if it has one (only one may be ACTIVE per region).
              proxyOnlySubnetworks: proxyOnlySubnetwork ? { [region]: proxyOnlySubnetwork } : undefined,
              proxyOnlyCidrs: { [region]: config.get("proxyOnlyCidr") ?? "10.129.0.0/23" },
          },
      }
    : {
          create: {
              subnetCidr: config.get("subnetCidr") ?? "10.1.2.0/24",
              proxyOnlyCidr: config.get("proxyOnlyCidr") ?? "10.129.0.0/23",
          },
      };

const key = new tls.PrivateKey("tls-key", { algorithm: "RSA", rsaBits: 2048 });
const cert = new tls.SelfSignedCert("tls-cert", {
    privateKeyPem: key.privateKeyPem,
    subject: { commonName: host },
    dnsNames: [host],
    validityPeriodHours: 24 * 365,
    allowedUses: ["key_encipherment", "digital_signature", "server_auth"],
});

// Weights are out of 100 so the config value reads as a percentage; a 0 weight keeps a backend in the map.
const lb = new ApplicationLoadBalancer(
    "migration",
    {
        scheme: "regional-internal",
        region,
        network: networkArgs,
        backends: {
            legacy,
            cloudrun: { cloudRun: { service: orders.name } },
        },
        defaultBackend: "legacy",
        routes: [
            {
                split: [
                    { backend: "legacy", weight: 100 - cloudRunPercent },
                    { backend: "cloudrun", weight: cloudRunPercent },
                ],
            },
        ],
        https: { certificate: { certificate: cert.certPem, privateKey: key.privateKeyPem } },
    },
    { dependsOn: apis },
);

export const ipAddress = lb.ipAddress;
export const cloudRunShare = `${cloudRunPercent}%`;
export const networkSelfLink = lb.networkSelfLink;
