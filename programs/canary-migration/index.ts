/**
 * Move traffic from a legacy backend to Cloud Run in steps (seed 000, "Migrate traffic from your legacy
 * services"), on a regional internal Application Load Balancer. The legacy side is an existing backend
 * service given by self link (e.g. the on-prem service behind a hybrid NEG); the Cloud Run share comes
 * from config: 1 → 10 → 50 → 100.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as projects from "@pulumi/gcp/projects";
import * as tls from "@pulumi/tls";
import { ApplicationLoadBalancer } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const host = config.get("host") ?? "orders.internal.example";
const cloudRunPercent = config.getNumber("cloudRunPercent") ?? 1;
const legacyBackendService =
    config.get("legacyBackendService") ??
    `projects/${new pulumi.Config("gcp").get("project") ?? "my-project"}/regions/${region}/backendServices/legacy-orders`;

if (!Number.isInteger(cloudRunPercent) || cloudRunPercent < 0 || cloudRunPercent > 100) {
    throw new Error(`cloudRunPercent must be a whole number from 0 to 100, got ${cloudRunPercent}`);
}

const apis = ["compute.googleapis.com", "run.googleapis.com"].map(
    (api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }),
);

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

const key = new tls.PrivateKey("tls-key", { algorithm: "RSA", rsaBits: 2048 });
const cert = new tls.SelfSignedCert("tls-cert", {
    privateKeyPem: key.privateKeyPem,
    subject: { commonName: host },
    dnsNames: [host],
    validityPeriodHours: 24 * 365,
    allowedUses: ["key_encipherment", "digital_signature", "server_auth"],
});

// Weights are out of 100 so the config value reads as a percentage; 0 keeps a backend in the map.
const lb = new ApplicationLoadBalancer(
    "migration",
    {
        scheme: "regional-internal",
        region,
        backends: {
            legacy: { backendService: legacyBackendService },
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
