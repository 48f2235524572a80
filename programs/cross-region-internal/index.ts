/**
 * An internal HTTPS load balancer reachable from two regions, with failover: a cross-region internal
 * Application Load Balancer with a VIP in each region, one Cloud Run service deployed in both regions,
 * and outlier detection that moves a region's traffic to the other region when its service fails.
 */
import * as pulumi from "@pulumi/pulumi";
import * as certificatemanager from "@pulumi/gcp/certificatemanager";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as compute from "@pulumi/gcp/compute";
import * as projects from "@pulumi/gcp/projects";
import * as tls from "@pulumi/tls";
import { ApplicationLoadBalancer, defaultSubnetCidr } from "cloudrun-lb";

const config = new pulumi.Config();
const regions = config.getObject<string[]>("regions") ?? ["europe-west1", "us-central1"];
const hostname = config.get("hostname") ?? "api.internal.example";
const serviceName = config.get("serviceName") ?? "api";
const deployService = config.getBoolean("deployService") ?? true;
const clientVms = config.getBoolean("clientVms") ?? true;

// Google's IAP TCP-forwarding range: SSH to the client VMs only through `gcloud compute ssh --tunnel-through-iap`.
const IAP_TCP_FORWARDING_RANGE = "35.235.240.0/20";

const apis = [
    "compute.googleapis.com",
    "run.googleapis.com",
    "certificatemanager.googleapis.com",
    "iap.googleapis.com",
].map((api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }));

// The same service in every region; internal ingress suffices behind an internal load balancer.
const deployed = deployService
    ? regions.map(
          (region) =>
              new cloudrunv2.Service(
                  `${serviceName}-${region}`,
                  {
                      name: serviceName,
                      location: region,
                      ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY",
                      invokerIamDisabled: true,
                      deletionProtection: false,
                      template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
                  },
                  { dependsOn: apis },
              ),
      )
    : [];
const service: pulumi.Input<string> =
    deployed.length > 0 ? pulumi.all(deployed.map((s) => s.name)).apply((names) => names[0]) : serviceName;

// Cross-region internal proxies take Certificate Manager certificates only, served in every region
// (scope ALL_REGIONS): from config, or self-signed for the internal hostname.
const configuredCertificate = config.get("tlsCertificate");
let pemCertificate: pulumi.Input<string>;
let pemPrivateKey: pulumi.Input<string>;
if (configuredCertificate) {
    pemCertificate = configuredCertificate;
    pemPrivateKey = config.requireSecret("tlsPrivateKey");
} else {
    const key = new tls.PrivateKey("tls-key", { algorithm: "RSA", rsaBits: 2048 });
    pemCertificate = new tls.SelfSignedCert("tls-cert", {
        privateKeyPem: key.privateKeyPem,
        subject: { commonName: hostname },
        dnsNames: [hostname],
        validityPeriodHours: 24 * 365,
        allowedUses: ["key_encipherment", "digital_signature", "server_auth"],
    }).certPem;
    pemPrivateKey = key.privateKeyPem;
}
const certificate = new certificatemanager.Certificate(
    "internal-cert",
    {
        name: "internal-cert",
        location: "global",
        scope: "ALL_REGIONS",
        selfManaged: { pemCertificate, pemPrivateKey: pulumi.secret(pemPrivateKey) },
    },
    { dependsOn: apis },
);

// One VIP per region, in that region's subnet (10.1.2.0/24, 10.1.3.0/24, … by default).
const vips = Object.fromEntries(regions.map((region, i) => [region, defaultSubnetCidr(i).replace(/\.0\/24$/, ".99")]));

const lb = new ApplicationLoadBalancer(
    "internal",
    {
        scheme: "cross-region-internal",
        regions,
        backends: {
            [serviceName]: {
                cloudRun: { service, regions },
                // Each region's proxies prefer their own region's NEG and fail over only with outlier detection.
                outlierDetection: { consecutiveErrors: 3, baseEjectionTimeSeconds: 60, maxEjectionPercent: 50 },
            },
        },
        https: { certificateManagerCertificates: [certificate.id] },
        address: { ips: vips },
    },
    { dependsOn: apis },
);

const network = lb.networkSelfLink.apply((n) => n!);
const clients = clientVms
    ? regions.map(
          (region) =>
              new compute.Instance(
                  `vm-client-${region}`,
                  {
                      name: `vm-client-${region}`,
                      zone: `${region}-b`,
                      machineType: "e2-micro",
                      tags: ["allow-ssh"],
                      bootDisk: { initializeParams: { image: "debian-cloud/debian-12" } },
                      networkInterfaces: [{ network, subnetwork: lb.subnetworkSelfLinks.apply((s) => s[region]) }],
                      shieldedInstanceConfig: { enableSecureBoot: true },
                  },
                  { dependsOn: apis },
              ),
      )
    : [];
if (clientVms) {
    new compute.Firewall("fw-allow-ssh", {
        name: "fw-allow-ssh",
        network,
        direction: "INGRESS",
        allows: [{ protocol: "tcp", ports: ["22"] }],
        sourceRanges: [IAP_TCP_FORWARDING_RANGE],
        targetTags: ["allow-ssh"],
    });
}

export const vipAddresses = lb.ipAddresses;
export const sshCommands = clients.map(
    (vm) => pulumi.interpolate`gcloud compute ssh ${vm.name} --zone ${vm.zone} --tunnel-through-iap`,
);
export const curlCommands = regions.map(
    (region) => `curl -k -s https://${hostname}/ --resolve ${hostname}:443:${vips[region]}`,
);
