import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { replacementSafeName } from "../naming";
import { Scheme, schemeProfile } from "../schemes";

/**
 * Request logging on a backend service.
 * @see https://cloud.google.com/load-balancing/docs/https/https-logging-monitoring
 */
export interface BackendLoggingArgs {
    /**
     * Log requests to Cloud Logging.
     * @default true
     * @example false
     */
    enabled?: boolean;
    /**
     * Share of requests logged, 0 to 1.
     * @default 1
     * @example 0.1
     */
    sampleRate?: number;
}

/**
 * Outlier detection on a global backend service: a serverless NEG (one region of the service) that keeps
 * failing is ejected for a while, and requests go to the next closest region. Supported with serverless
 * NEGs only by the global external and cross-region internal schemes, and not with IAP. Both ejection
 * methods GCP allows with serverless NEGs are enforced on every analysis sweep; the success-rate fields
 * GCP rejects for serverless NEGs are never set.
 * @see https://cloud.google.com/load-balancing/docs/negs/serverless-neg-concepts#outlier-detection
 */
export interface OutlierDetectionArgs {
    /**
     * Consecutive 5xx responses from a region before it is ejected.
     * @default 5
     * @example 3
     */
    consecutiveErrors?: number;
    /**
     * Consecutive gateway errors (502, 503, 504) from a region before it is ejected.
     * @default 3
     * @example 2
     */
    consecutiveGatewayErrors?: number;
    /**
     * Seconds between ejection analysis sweeps.
     * @default 1
     * @example 10
     */
    intervalSeconds?: number;
    /**
     * Base ejection time in seconds (multiplied by the number of times the region was ejected). Google's
     * tests saw fewer than 5% errors with about 180 s at more than 100 requests per second.
     * @default 30
     * @example 180
     */
    baseEjectionTimeSeconds?: number;
    /**
     * Largest share of the regions that may be ejected at once, 0–100.
     * @default 50
     * @example 100
     */
    maxEjectionPercent?: number;
}

/** The `outlierDetection` block of a backend service, defaults applied (exported for tests and the plan). */
export function outlierDetectionInputs(args: OutlierDetectionArgs) {
    return {
        consecutiveErrors: args.consecutiveErrors ?? 5,
        enforcingConsecutiveErrors: 100,
        consecutiveGatewayFailure: args.consecutiveGatewayErrors ?? 3,
        enforcingConsecutiveGatewayFailure: 100,
        interval: { seconds: args.intervalSeconds ?? 1 },
        baseEjectionTime: { seconds: args.baseEjectionTimeSeconds ?? 30 },
        maxEjectionPercent: args.maxEjectionPercent ?? 50,
    };
}

/** Settings shared by every backend service this package creates, whatever its NEG kind. */
export interface BackendServiceSettings {
    /** Physical name before the replacement hash. */
    name: string;
    scheme: Scheme;
    project?: pulumi.Input<string>;
    /** Region of a regional backend service; ignored for global schemes. */
    region?: string;
    /** NEG ids to attach. */
    groups: pulumi.Input<string>[];
    /** Protocol to the backend. Ignored by GCP for serverless NEGs. */
    protocol?: string;
    description?: string;
    logging?: BackendLoggingArgs;
    /** `Name:value` request headers; global schemes only (validated by the caller). */
    customRequestHeaders?: pulumi.Input<string>[];
    /** Outlier detection; global external and cross-region internal only (validated by the caller). */
    outlierDetection?: OutlierDetectionArgs;
}

/** The arguments of a backend service, as pure data (exported for tests and the plan). */
export function backendServiceArgs(settings: BackendServiceSettings) {
    const profile = schemeProfile(settings.scheme);
    const regional = profile.scope === "regional";
    return {
        name: replacementSafeName(settings.name, {
            scheme: profile.loadBalancingScheme,
            scope: profile.scope,
            region: regional ? settings.region : undefined,
        }),
        project: settings.project,
        region: regional ? settings.region : undefined,
        description: settings.description,
        loadBalancingScheme: profile.loadBalancingScheme,
        protocol: settings.protocol ?? "HTTPS",
        // Serverless and internet NEGs take no balancing knobs; regional EXTERNAL_MANAGED is the one
        // case where the provider demands capacityScaler on every backend (gcp-facts §1.4).
        backends: settings.groups.map((group) =>
            settings.scheme === "regional-external" ? { group, capacityScaler: 1 } : { group },
        ),
        logConfig:
            settings.logging?.enabled === false
                ? { enable: false }
                : { enable: true, sampleRate: settings.logging?.sampleRate ?? 1 },
        customRequestHeaders: regional ? undefined : settings.customRequestHeaders,
        outlierDetection: settings.outlierDetection ? outlierDetectionInputs(settings.outlierDetection) : undefined,
    };
}

/** A regional or global backend service for the scheme; returns its id. */
export function createBackendService(
    name: string,
    settings: BackendServiceSettings,
    parent: pulumi.Resource,
): { id: pulumi.Output<string>; resource: compute.BackendService | compute.RegionBackendService } {
    const args = backendServiceArgs(settings);
    if (schemeProfile(settings.scheme).scope === "regional") {
        const { customRequestHeaders: _unsupported, ...regionalArgs } = args;
        const resource = new compute.RegionBackendService(name, regionalArgs, { parent });
        return { id: resource.id, resource };
    }
    const { region: _global, ...globalArgs } = args;
    const resource = new compute.BackendService(name, globalArgs, { parent });
    return { id: resource.id, resource };
}
