/**
 * One Cloud Run service deployed in three regions behind one global external Application Load
 * Balancer that routes each client to the closest region (seed 001: "Routing to the closest
 * location"): one serverless NEG per region on one global backend service, Premium tier, and outlier
 * detection so a failing region's traffic moves to the next closest one.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as projects from "@pulumi/gcp/projects";
import { ApplicationLoadBalancer } from "cloudrun-lb";

const config = new pulumi.Config();
const regions = config.getObject<string[]>("regions") ?? ["europe-west1", "us-central1", "asia-northeast1"];
const domain = config.get("domain") ?? "hello.example.com";
const serviceName = config.get("serviceName") ?? "hello";
const deployService = config.getBoolean("deployService") ?? true;
const outlierDetection = config.getBoolean("outlierDetection") ?? true;

const apis = ["compute.googleapis.com", "run.googleapis.com"].map(
    (api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }),
);

// The same service, under the same name, in every region (a serverless NEG reaches the service of its
// own region, and all NEGs of one backend service must be functionally equivalent).
const deployed = deployService
    ? regions.map(
          (region) =>
              new cloudrunv2.Service(
                  `${serviceName}-${region}`,
                  {
                      name: serviceName,
                      location: region,
                      ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
                      invokerIamDisabled: true,
                      deletionProtection: false,
                      template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
                  },
                  { dependsOn: apis },
              ),
      )
    : [];
// Read the name through every regional service, so the NEGs are created once all of them exist.
const service: pulumi.Input<string> =
    deployed.length > 0 ? pulumi.all(deployed.map((s) => s.name)).apply((names) => names[0]) : serviceName;

const lb = new ApplicationLoadBalancer(
    "global",
    {
        scheme: "global-external",
        backends: {
            [serviceName]: {
                cloudRun: { service, regions },
                outlierDetection: outlierDetection ? { baseEjectionTimeSeconds: 180 } : undefined,
            },
        },
        https: { managedDomains: [domain] },
    },
    { dependsOn: apis },
);

export const ipAddress = lb.ipAddress;
export const dnsRecord = pulumi.interpolate`${domain}. A ${lb.ipAddress}`;
export const url = `https://${domain}/`;
