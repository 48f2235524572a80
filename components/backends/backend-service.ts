import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { replacementSafeName } from "../naming";
import { replacementOptions } from "../replacement";
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

/** Settings shared by every backend service this package creates, whatever its NEG kind. */
export interface BackendServiceSettings {
    /** Physical name before the replacement hash, or its parts (prefix first, then the role). */
    name: string | string[];
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
        const resource = new compute.RegionBackendService(
            name,
            regionalArgs,
            replacementOptions(compute.RegionBackendService, { parent }),
        );
        return { id: resource.id, resource };
    }
    const { region: _global, ...globalArgs } = args;
    const resource = new compute.BackendService(
        name,
        globalArgs,
        replacementOptions(compute.BackendService, { parent }),
    );
    return { id: resource.id, resource };
}
