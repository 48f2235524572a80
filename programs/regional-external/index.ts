/**
 * A Cloud Run service behind a regional external Application Load Balancer that lives in one region
 * only — for data residency — on the Standard network tier (seed 000: "Regional External HTTP(S) Load
 * Balancing for your Cloud Run services").
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as projects from "@pulumi/gcp/projects";
import * as tls from "@pulumi/tls";
import { ApplicationLoadBalancer, NetworkTier } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const hostname = config.get("hostname") ?? "hello.example.com";
const networkTier = (config.get("networkTier") ?? NetworkTier.Standard) as NetworkTier;
const existingService = config.get("serviceName");

const apis = ["compute.googleapis.com", "run.googleapis.com"].map(
    (api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }),
);

// Reachable through the load balancer only: ingress "internal and Cloud Load Balancing" blocks direct
// hits on the run.app URL. The load balancer adds no caller identity, so the invoker check is off.
const serviceName: pulumi.Input<string> =
    existingService ??
    new cloudrunv2.Service(
        "hello",
        {
            name: "hello",
            location: region,
            ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
            invokerIamDisabled: true,
            deletionProtection: false,
            template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
        },
        { dependsOn: apis },
    ).name;

// Regional external load balancers take self-managed or Certificate Manager certificates (no
// Google-managed Compute certificates): one from config, or a self-signed one for the hostname.
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
        subject: { commonName: hostname },
        dnsNames: [hostname],
        validityPeriodHours: 24 * 365,
        allowedUses: ["key_encipherment", "digital_signature", "server_auth"],
    }).certPem;
    privateKey = key.privateKeyPem;
}

const lb = new ApplicationLoadBalancer(
    "lb",
    {
        scheme: "regional-external",
        region,
        networkTier,
        // Regional Envoy proxies need a proxy-only subnet in the region, even for serverless backends.
        network: { create: { proxyOnlyCidr: config.get("proxyOnlyCidr") ?? "10.129.0.0/23" } },
        backends: { hello: { cloudRun: { service: serviceName } } },
        https: { certificate: { certificate, privateKey } },
        labels: { "data-residency": region },
    },
    { dependsOn: apis },
);

export const ipAddress = lb.ipAddress;
export const url = lb.url;
export const curlCommand = pulumi.interpolate`curl -k -s https://${hostname}/ --resolve ${hostname}:443:${lb.ipAddress}`;
