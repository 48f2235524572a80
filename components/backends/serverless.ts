import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { gcpName, replacementSafeName } from "../naming";
import { replacementOptions } from "../replacement";
import { backendServiceRules, serverlessRules } from "../rules/backends";
import { failOnProblems, mapInputs, runRules } from "../validation";
import { BackendComponentArgs, createBackendService, grantIapInvoker } from "./backend-service";

/**
 * Which Cloud Run service(s) a serverless NEG points at: one service (optionally one traffic tag), or a
 * URL mask that picks the service and tag from each request's URL.
 * @see https://cloud.google.com/load-balancing/docs/negs/serverless-neg-concepts
 */
export interface CloudRunTargetArgs {
    /**
     * Cloud Run service name. The service is given here or by `<service>` in `urlMask`, not both; with
     * a mask that holds only `<tag>`, this names the service whose tags the mask selects.
     * @default undefined
     * @example "orders"
     */
    service?: pulumi.Input<string>;
    /**
     * Cloud Run traffic tag (a named revision URL) to send traffic to. Not with `<tag>` in `urlMask`.
     * @default undefined (the service's traffic split)
     * @example "canary"
     */
    tag?: pulumi.Input<string>;
    /**
     * URL mask with `<service>` and/or `<tag>` placeholders. "The service must be provided explicitly or in
     * the URL mask. The tag is optional, may be provided explicitly or in the URL mask" (Compute API,
     * NetworkEndpointGroupCloudRun): `"example.com/<service>"` alone, or `"<tag>.example.com"` with `service`.
     * @default undefined
     * @example "example.com/<service>"
     */
    urlMask?: string;
    /**
     * Region of the Cloud Run service (the NEG must be in the same region).
     * @default the load balancer's region
     * @example "europe-west1"
     */
    region?: string;
    /**
     * Several regions of the same service, one NEG each (global external, classic, cross-region internal).
     * Exclusive with `region`.
     * @default undefined
     * @example ["europe-west1", "us-central1", "asia-northeast1"]
     */
    regions?: string[];
}

/** Arguments of a {@link ServerlessBackend}: one Cloud Run target and how its backend service logs. */
export interface ServerlessBackendArgs extends BackendComponentArgs {
    /**
     * The Cloud Run target.
     * @example { service: "orders", region: "europe-west1" }
     */
    cloudRun: CloudRunTargetArgs;
    /**
     * Region used when `cloudRun.region` is unset.
     * @default undefined
     * @example "europe-west1"
     */
    region?: string;
}

/** The regions a serverless backend has NEGs in. */
export function serverlessRegions(args: Pick<ServerlessBackendArgs, "cloudRun" | "region">): string[] {
    if (args.cloudRun.regions && args.cloudRun.regions.length > 0) {
        return args.cloudRun.regions;
    }
    const region = args.cloudRun.region ?? args.region;
    return region ? [region] : [];
}

export function validateServerlessBackendArgs(args: ServerlessBackendArgs) {
    return [
        ...runRules(serverlessRules, args),
        ...runRules(backendServiceRules, { scheme: args.scheme, outlierDetection: args.settings?.outlierDetection }),
    ];
}

/**
 * A serverless NEG per region for a Cloud Run service (or URL mask) and the backend service that
 * serves them. None of the fields GCP rejects for serverless NEGs are set: no health check,
 * `timeoutSec`, `portName`, balancing mode or `maxUtilization`.
 *
 * @see https://cloud.google.com/load-balancing/docs/negs/serverless-neg-concepts
 */
export class ServerlessBackend extends pulumi.ComponentResource {
    /** Id of the backend service, for URL maps. */
    public readonly backendServiceId: pulumi.Output<string>;
    /** Name of the backend service, for IAM bindings on it. */
    public readonly backendServiceName: pulumi.Output<string>;
    /** Ids of the NEGs, one per region. */
    public readonly negIds: pulumi.Output<string[]>;
    /** The serverless NEGs, one per region. */
    public readonly negs: compute.RegionNetworkEndpointGroup[];

    constructor(name: string, args: ServerlessBackendArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cloudrun-lb:index:ServerlessBackend", name, {}, opts);
        failOnProblems(`ServerlessBackend "${name}"`, validateServerlessBackendArgs(args), this);

        const physical = args.namePrefix ?? gcpName(name);
        const regions = serverlessRegions(args);
        this.negs = regions.map((region) => {
            const negName = mapInputs(
                [args.project, args.cloudRun.service, args.cloudRun.tag] as [
                    string | undefined,
                    string | undefined,
                    string | undefined,
                ],
                ([project, service, tag]) =>
                    replacementSafeName([physical, "neg", region], {
                        project,
                        region,
                        service,
                        tag,
                        urlMask: args.cloudRun.urlMask,
                    }),
            );
            return new compute.RegionNetworkEndpointGroup(
                regions.length === 1 ? `${name}-neg` : `${name}-neg-${region}`,
                {
                    name: negName,
                    project: args.project,
                    region,
                    networkEndpointType: "SERVERLESS",
                    cloudRun: {
                        service: args.cloudRun.service,
                        tag: args.cloudRun.tag,
                        urlMask: args.cloudRun.urlMask,
                    },
                },
                replacementOptions(compute.RegionNetworkEndpointGroup, { parent: this }),
            );
        });

        const created = createBackendService(
            `${name}-backend`,
            {
                name: [physical, "backend"],
                scheme: args.scheme,
                project: args.project,
                region: regions[0],
                groups: this.negs.map((n) => n.id),
                description: args.description,
                logging: args.logging,
                ...args.settings,
            },
            this,
        );
        if (args.settings?.iap?.enabled && args.cloudRun.service === undefined) {
            void pulumi.log.warn(
                "IAP is on for a URL-mask backend: grant the IAP service agent (service-<PROJECT_NUMBER>@gcp-sa-iap.iam.gserviceaccount.com) roles/run.invoker on each service the mask reaches",
                this,
            );
        }
        if (args.settings?.iap?.enabled && args.cloudRun.service !== undefined) {
            grantIapInvoker(name, { project: args.project, service: args.cloudRun.service, regions }, this);
        }
        this.backendServiceId = created.id;
        this.backendServiceName = created.name;
        this.negIds = pulumi.all(this.negs.map((n) => n.id));
        this.registerOutputs({
            backendServiceId: this.backendServiceId,
            backendServiceName: this.backendServiceName,
            negIds: this.negIds,
        });
    }
}
