/**
 * Seed 000 ("Cloud Load Balancing: a comprehensive solution…"), cross-project service referencing:
 * the same goal as programs/cross-project-internet-neg the modern way. The serverless NEGs and backend
 * services live in the service project next to the Cloud Run services; the URL map, proxy and
 * forwarding rule live in the load balancer's project and reference those backend services. Traffic
 * stays on Google's network as load-balancer traffic, so the services keep ingress
 * "internal-and-cloud-load-balancing".
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as compute from "@pulumi/gcp/compute";
import * as projects from "@pulumi/gcp/projects";
import { ApplicationLoadBalancer, BackendArgs } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const lbProject = config.get("lbProject") ?? "lb-project";
const serviceProject = config.get("serviceProject") ?? "service-project";
const domain = config.get("domain");
// The principal that creates the URL map in the load balancer's project (e.g. its CI service account).
const lbDeployer = config.get("lbDeployer");
// A backend service another team already runs, by self link (optional).
const existingBackendService = config.get("existingBackendService");

const apis = [
    ...["compute.googleapis.com"].map((api) => ({ project: lbProject, api })),
    ...["compute.googleapis.com", "run.googleapis.com"].map((api) => ({ project: serviceProject, api })),
].map(
    ({ project, api }) =>
        new projects.Service(`api-${project}-${api.split(".")[0]}`, { project, service: api, disableOnDestroy: false }),
);

const deploy = (name: string) =>
    new cloudrunv2.Service(
        name,
        {
            name,
            project: serviceProject,
            location: region,
            ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
            invokerIamDisabled: true,
            deletionProtection: false,
            template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
        },
        { dependsOn: apis },
    );
const hello = deploy("hello");
const hello2 = deploy("hello2");

// Backends created in the service project: NEG + backend service next to the Cloud Run service.
const inServiceProject = (service: cloudrunv2.Service): BackendArgs => ({
    project: serviceProject,
    cloudRun: { service: service.name, region },
    loadBalancerServiceUsers: lbDeployer ? [lbDeployer] : [],
});
const backends: Record<string, BackendArgs> = {
    hello: inServiceProject(hello),
    hello2: inServiceProject(hello2),
    ...(existingBackendService ? { shared: { backendService: existingBackendService } } : {}),
};

const certificate = domain
    ? new compute.ManagedSslCertificate(
          "cert",
          { project: lbProject, managed: { domains: [domain] } },
          { dependsOn: apis },
      )
    : undefined;

const lb = new ApplicationLoadBalancer(
    "central",
    {
        scheme: "global-external",
        project: lbProject,
        backends,
        routes: [
            { paths: ["/hello2", "/hello2/*"], backend: "hello2" },
            ...(existingBackendService ? [{ paths: ["/shared", "/shared/*"], backend: "shared" }] : []),
        ],
        defaultBackend: "hello",
        https: certificate ? { certificates: [certificate.id] } : undefined,
    },
    { dependsOn: apis },
);

export const ipAddress = lb.ipAddress;
export const url = domain ? pulumi.output(`https://${domain}`) : lb.url;
export const backendServiceIds = lb.backendServiceIds;
