/**
 * Seed 004 ("Internal Web Apps – enabled by the GA launch of Identity-Aware Proxy"): a web app for
 * employees on Cloud Run, behind IAP on a global external Application Load Balancer. Nobody gets the
 * invoker role through `allUsers`: IAP signs its requests (X-Serverless-Authorization) as its service
 * agent, which alone holds `roles/run.invoker`; users need `roles/iap.httpsResourceAccessor`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as compute from "@pulumi/gcp/compute";
import * as projects from "@pulumi/gcp/projects";
import { ApplicationLoadBalancer } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const domain = config.get("domain") ?? "intranet.example.com";
const members = config.getObject<string[]>("members") ?? ["domain:example.com"];
const existingService = config.get("serviceName");
// A custom OAuth client (for users outside your organization); the Google-managed one otherwise.
const oauth2ClientId = config.get("oauthClientId");
const oauth2ClientSecret = oauth2ClientId ? config.requireSecret("oauthClientSecret") : undefined;

const apis = ["compute.googleapis.com", "run.googleapis.com", "iap.googleapis.com"].map(
    (api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }),
);

// Reachable only through the load balancer; IAM invoker check on (the default), no allUsers binding,
// and no run.app URL to bypass IAP with.
const serviceName: pulumi.Input<string> =
    existingService ??
    new cloudrunv2.Service(
        "intranet",
        {
            name: "intranet",
            location: region,
            ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
            defaultUriDisabled: true,
            deletionProtection: false,
            template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
        },
        { dependsOn: apis },
    ).name;

// IAP's service agent (service-<number>@gcp-sa-iap.iam.gserviceaccount.com) is created by Google lazily, so
// on a fresh project it may not exist when the load balancer grants it roles/run.invoker: create it first.
// The load balancer depends on it, so the grant is made after it exists.
const iapAgent = new projects.ServiceIdentity("iap-agent", { service: "iap.googleapis.com" }, { dependsOn: apis });

// IAP needs HTTPS.
const certificate = new compute.ManagedSslCertificate("cert", { managed: { domains: [domain] } }, { dependsOn: apis });

const lb = new ApplicationLoadBalancer(
    "intranet",
    {
        scheme: "global-external",
        backends: {
            app: {
                cloudRun: { service: serviceName, region },
                iap: { enabled: true, oauth2ClientId, oauth2ClientSecret, members },
            },
        },
        https: { certificates: [certificate.id] },
    },
    { dependsOn: [...apis, iapAgent] },
);

export const ipAddress = lb.ipAddress;
export const url = `https://${domain}`;
export const dnsRecord = pulumi.interpolate`${domain}. 300 IN A ${lb.ipAddress}`;
