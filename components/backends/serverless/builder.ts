import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { BuildScope, createChild } from "../../builder";
import { gcpName, replacementSafeName } from "../../naming";
import { ServerlessBackendArgs, serverlessRegions } from "./args";
import { validateServerlessBackendArgs } from "./rules";
import { failOnProblems, mapInputs } from "../../validation";
import { BackendServiceSettings, createBackendService, grantIapInvoker } from "../shared/builder";
import { shapeFirst } from "../../shape";

/** What a serverless backend builder made: the outputs `ServerlessBackend` exposes. */
export interface ServerlessBackendOutputs {
    /** Id of the backend service, for URL maps. */
    backendServiceId: pulumi.Output<string>;
    /** Name of the backend service, for IAM bindings on it. */
    backendServiceName: pulumi.Output<string>;
    /** The serverless NEGs, one per region. */
    negs: compute.RegionNetworkEndpointGroup[];
}

/**
 * Creates a serverless backend's resources under `scope.parent` (named `${name}-<role>`); validates nothing
 * (the component that calls it has).
 */
export function buildServerlessBackend(
    name: string,
    args: ServerlessBackendArgs,
    scope: BuildScope,
): ServerlessBackendOutputs {
    // Creates the NEGs itself: a frame less on the stack the SDK keeps for each (load-balancer.ts, buildBackends).
    const physical = args.namePrefix ?? gcpName(name);
    const regions = serverlessRegions(args);
    const negs: compute.RegionNetworkEndpointGroup[] = [];
    for (const region of regions) {
        negs.push(
            createChild(
                compute.RegionNetworkEndpointGroup,
                regions.length === 1 ? `${name}-neg` : `${name}-neg-${region}`,
                serverlessNegArgs(physical, region, args),
                scope,
            ),
        );
    }
    const created = createBackendService(
        `${name}-backend`,
        backendServiceSettings(physical, regions, negs, args),
        scope,
    );
    if (args.settings?.iap?.enabled && args.cloudRun.service === undefined) {
        void pulumi.log.warn(
            "IAP is on for a URL-mask backend: grant the IAP service agent (service-<PROJECT_NUMBER>@gcp-sa-iap.iam.gserviceaccount.com) roles/run.invoker on each service the mask reaches",
            scope.parent,
        );
    }
    if (args.settings?.iap?.enabled && args.cloudRun.service !== undefined) {
        grantIapInvoker(name, { project: args.project, service: args.cloudRun.service, regions }, scope);
    }
    return { backendServiceId: created.id, backendServiceName: created.name, negs };
}

/** The arguments of the serverless NEG of one region, named after its replacement-triggering inputs. */
function serverlessNegArgs(
    physical: string,
    region: string,
    args: ServerlessBackendArgs,
): compute.RegionNetworkEndpointGroupArgs {
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
    return {
        name: negName,
        project: args.project,
        region,
        networkEndpointType: "SERVERLESS",
        cloudRun: {
            service: args.cloudRun.service,
            tag: args.cloudRun.tag,
            urlMask: args.cloudRun.urlMask,
        },
    };
}

function backendServiceSettings(
    physical: string,
    regions: string[],
    negs: compute.RegionNetworkEndpointGroup[],
    args: ServerlessBackendArgs,
): BackendServiceSettings {
    return {
        name: [physical, "backend"],
        scheme: args.scheme,
        project: args.project,
        region: regions[0],
        groups: negs.map((n) => n.id),
        description: args.description,
        logging: args.logging,
        ...args.settings,
    };
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
        failOnProblems(
            `ServerlessBackend "${name}"`,
            shapeFirst("ServerlessBackend", args, validateServerlessBackendArgs),
            this,
        );

        const built = buildServerlessBackend(name, args, { parent: this });
        this.negs = built.negs;
        this.backendServiceId = built.backendServiceId;
        this.backendServiceName = built.backendServiceName;
        this.negIds = pulumi.all(this.negs.map((n) => n.id));
        this.registerOutputs({
            backendServiceId: this.backendServiceId,
            backendServiceName: this.backendServiceName,
            negIds: this.negIds,
        });
    }
}
