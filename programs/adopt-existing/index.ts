/**
 * hello: the regional-internal load balancer of project my-project, adopted by `cloudrun-lb adopt`
 * from the gcloud exports in ./exports. `pulumi up` imports the live resources listed in `adopted`
 * (the `import` resource option) instead of creating new ones; `npx cloudrun-lb diff exports .`
 * shows what would change. README.md lists what was not adopted.
 */
import * as pulumi from "@pulumi/pulumi";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "cloudrun-lb";

const args: ApplicationLoadBalancerArgs = {
    scheme: "regional-internal",
    project: "my-project",
    region: "us-central1",
    https: {
        certificates: ["projects/my-project/regions/us-central1/sslCertificates/hello-cert"],
        sslPolicy: {
            none: true,
        },
        redirectHttp: false,
    },
    address: {
        existing: "10.1.2.99",
    },
    network: {
        existing: {
            network: "projects/my-project/global/networks/lb-network",
            subnetworks: {
                "us-central1": "projects/my-project/regions/us-central1/subnetworks/lb-subnet",
            },
            proxyOnlySubnetworks: {
                "us-central1": "projects/my-project/regions/us-central1/subnetworks/proxy-only-subnet",
            },
        },
    },
    backends: {
        "hello-backend-service": {
            cloudRun: {
                service: "hello",
            },
            logging: {
                enabled: false,
            },
        },
    },
    defaultBackend: "hello-backend-service",
};

/** The live resource each child adopts (by the child's logical name): its exact name, its import id, and the
 * fields kept at their live value where the package's default would differ. */
interface Adopted {
    name?: string;
    importId: string;
    keep?: Record<string, unknown>;
}
const adopted: Record<string, Adopted> = {
    "hello-hello-backend-service-backend": {
        name: "hello-backend-service",
        importId: "projects/my-project/regions/us-central1/backendServices/hello-backend-service",
        keep: {
            protocol: "HTTP",
        },
    },
    "hello-hello-backend-service-neg": {
        name: "hello-serverless-neg",
        importId: "projects/my-project/regions/us-central1/networkEndpointGroups/hello-serverless-neg",
    },
    "hello-frontend-https-rule": {
        name: "hello-https-forwarding-rule",
        importId: "projects/my-project/regions/us-central1/forwardingRules/hello-https-forwarding-rule",
    },
    "hello-frontend-https-proxy": {
        name: "hello-https-proxy",
        importId: "projects/my-project/regions/us-central1/targetHttpsProxies/hello-https-proxy",
    },
    "hello-url-map": {
        name: "hello-url-map",
        importId: "projects/my-project/regions/us-central1/urlMaps/hello-url-map",
    },
};

/** Gives each adopted child its live name and import id; every other child is created as usual. */
const adopt: pulumi.ResourceTransformation = ({ name, props, opts }) => {
    const live = adopted[name];
    if (live === undefined) {
        return undefined;
    }
    return {
        props: { ...props, ...live.keep, ...(live.name !== undefined ? { name: live.name } : {}) },
        opts: pulumi.mergeOptions(opts, { import: live.importId }),
    };
};

const lb = new ApplicationLoadBalancer("hello", args, { transformations: [adopt] });

export const ipAddress = lb.ipAddress;
