/** Arguments of a serverless (Cloud Run) backend. */
import * as pulumi from "@pulumi/pulumi";
import { BackendComponentArgs } from "../shared/args";

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

/** The field of `backends.<key>` that makes a backend Cloud Run through serverless NEGs (see `BackendKindFields`). */
export interface CloudRunBackendField {
    /**
     * A Cloud Run service (optionally a traffic tag), a URL mask, or one service in several regions.
     * @default undefined
     * @example { service: "orders", region: "europe-west1" }
     */
    cloudRun?: CloudRunTargetArgs;
}
