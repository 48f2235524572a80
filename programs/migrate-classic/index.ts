/**
 * A classic Application Load Balancer migrated to the global external Application Load Balancer in place,
 * following Google's procedure (https://cloud.google.com/load-balancing/docs/https/migrate-to-global): the
 * `migrationStage` config key walks the stages — prepare, test-by-percentage, test-all-traffic — on the classic
 * load balancer, then `migrated` switches the scheme to global external. The IP address, forwarding rules,
 * proxies, URL map and certificate are updated in place, never replaced: the IP and DNS stay.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as projects from "@pulumi/gcp/projects";
import { ApplicationLoadBalancer, MigrationStage } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const domain = config.get("domain") ?? "shop.example.com";
// "" (not migrating), "prepare", "test-by-percentage", "test-all-traffic", then "migrated".
const stage = (config.get("migrationStage") ?? "") as MigrationStage | "";
const percentage = config.getNumber("migrationTestingPercentage") ?? 10;

const apis = ["compute.googleapis.com", "run.googleapis.com", "storage.googleapis.com"].map(
    (api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }),
);

// The sample service behind the load balancer: ingress "internal and Cloud Load Balancing", no invoker check.
const service = new cloudrunv2.Service(
    "web",
    {
        name: "web",
        location: region,
        ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
        invokerIamDisabled: true,
        deletionProtection: false,
        template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
    },
    { dependsOn: apis },
);

const lb = new ApplicationLoadBalancer(
    "shop",
    {
        // Classic until the last stage; "migrated" is the switch, and stays for the life of the load balancer.
        scheme: stage === "migrated" ? "global-external" : "classic",
        ...(stage !== "" ? { migrationStage: stage } : {}),
        ...(stage === "test-by-percentage" ? { migrationTestingPercentage: percentage } : {}),
        backends: {
            web: { cloudRun: { service: service.name, region } },
            // A bucket backend: its migration state lives on the forwarding rules.
            assets: {
                bucket: {
                    create: { location: "EU", website: { mainPageSuffix: "index.html" }, forceDestroy: true },
                },
            },
        },
        routes: [{ paths: ["/assets/*"], backend: "assets" }],
        defaultBackend: "web",
        https: { managedDomains: [domain] },
    },
    { dependsOn: apis },
);

export const ipAddress = lb.ipAddress;
export const migrationStage = stage === "" ? "not migrating (classic)" : stage;
