import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import type { ServiceIamMember } from "@pulumi/gcp/cloudrunv2/serviceIamMember";
import { optionalGcp } from "../../gcp-modules";
import { BuildScope, createChild } from "../../builder";
import { replacementSafeName } from "../../naming";
import {
    accessLevelCondition,
    BackendCdnArgs,
    BackendLoggingArgs,
    BackendSettingsArgs,
    OutlierDetectionArgs,
} from "./args";
import { Scheme, schemeProfile } from "../../schemes";

/**
 * The `cdnPolicy` fields backend services and backend buckets share, from the package's CDN settings.
 * TTLs are left out in USE_ORIGIN_HEADERS mode, which takes lifetimes from the origin.
 */
export function cdnPolicyInputs(cdn: BackendCdnArgs) {
    const cacheMode = cdn.cacheMode ?? "CACHE_ALL_STATIC";
    const originHeaders = cacheMode === "USE_ORIGIN_HEADERS";
    return {
        cacheMode,
        defaultTtl: originHeaders ? undefined : cdn.defaultTtl,
        maxTtl: originHeaders ? undefined : cdn.maxTtl,
        clientTtl: originHeaders ? undefined : cdn.clientTtl,
        negativeCaching: cdn.negativeCaching,
        negativeCachingPolicies: cdn.negativeCachingTtls?.map((t) => ({ code: t.code, ttl: t.ttl })),
        signedUrlCacheMaxAgeSec: cdn.signedUrlCacheMaxAgeSeconds,
    };
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
export interface BackendServiceSettings extends BackendSettingsArgs {
    logging?: BackendLoggingArgs;
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
    /**
     * RATE balancing with this many requests per second per endpoint — what NEGs with IP:port
     * endpoints (hybrid NEGs) need. Unset: no balancing mode sent (serverless and internet NEGs take none).
     */
    maxRatePerEndpoint?: number;
    /** Health check id; never set for serverless or internet NEGs, required for hybrid NEGs. */
    healthCheck?: pulumi.Input<string>;
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
        // Serverless and internet NEGs take no balancing knobs; hybrid NEGs must use RATE with a rate.
        backends: settings.groups.map((group) => ({
            group,
            ...(settings.maxRatePerEndpoint !== undefined
                ? { balancingMode: "RATE", maxRatePerEndpoint: settings.maxRatePerEndpoint }
                : {}),
            ...(profile.backendsNeedCapacityScaler ? { capacityScaler: 1 } : {}),
        })),
        healthChecks: settings.healthCheck,
        logConfig:
            settings.logging?.enabled === false
                ? { enable: false }
                : { enable: true, sampleRate: settings.logging?.sampleRate ?? 1 },
        customRequestHeaders: regional ? undefined : settings.customRequestHeaders,
        iap: settings.iap?.enabled
            ? {
                  enabled: true,
                  oauth2ClientId: settings.iap.oauth2ClientId,
                  oauth2ClientSecret:
                      settings.iap.oauth2ClientSecret === undefined
                          ? undefined
                          : pulumi.secret(settings.iap.oauth2ClientSecret),
              }
            : undefined,
        enableCdn: regional ? undefined : settings.cdn?.enabled ? true : undefined,
        cdnPolicy:
            !regional && settings.cdn?.enabled
                ? {
                      ...cdnPolicyInputs(settings.cdn),
                      // A backend service's cache key policy turns host, protocol and query string off when
                      // a field is unset, so they are kept on explicitly.
                      cacheKeyPolicy:
                          settings.cdn.cacheKey !== undefined
                              ? {
                                    includeHost: true,
                                    includeProtocol: true,
                                    includeQueryString: true,
                                    queryStringWhitelists: settings.cdn.cacheKey.queryParameters,
                                    includeHttpHeaders: settings.cdn.cacheKey.headers,
                                }
                              : undefined,
                  }
                : undefined,
        outlierDetection: settings.outlierDetection ? outlierDetectionInputs(settings.outlierDetection) : undefined,
        securityPolicy: settings.securityPolicy,
        edgeSecurityPolicy: regional ? undefined : settings.edgeSecurityPolicy,
    };
}

/** A regional or global backend service for the scheme, created under `scope`; returns its id. */
export function createBackendService(
    name: string,
    settings: BackendServiceSettings,
    scope: BuildScope,
): {
    id: pulumi.Output<string>;
    name: pulumi.Output<string>;
    resource: compute.BackendService | compute.RegionBackendService;
} {
    // Creates the backend service itself: a frame less on the stack the SDK keeps for each (load-balancer.ts,
    // buildBackends).
    const args = backendServiceArgs(settings);
    let resource: compute.BackendService | compute.RegionBackendService;
    if (schemeProfile(settings.scheme).scope !== "regional") {
        const { region: _global, ...globalArgs } = args;
        resource = createChild(compute.BackendService, name, globalArgs, scope);
        createSignedUrlKeys(name, settings, resource.name, scope);
    } else {
        const {
            customRequestHeaders: _unsupported,
            enableCdn: _noCdn,
            cdnPolicy: _noPolicy,
            edgeSecurityPolicy: _noEdgePolicy,
            ...regionalArgs
        } = args;
        resource = createChild(compute.RegionBackendService, name, regionalArgs, scope);
    }
    if (settings.iap?.enabled) {
        grantIapAccess(name, settings, resource.name, scope);
    }
    return { id: resource.id, name: resource.name, resource };
}

/** The CDN's signed URL keys of a global backend service. */
function createSignedUrlKeys(
    name: string,
    settings: BackendServiceSettings,
    backendServiceName: pulumi.Output<string>,
    scope: BuildScope,
): void {
    if (!settings.cdn?.enabled) {
        return;
    }
    for (const key of settings.cdn.signedUrlKeys ?? []) {
        createChild(
            compute.BackendServiceSignedUrlKey,
            `${name}-signed-url-key-${key.name}`,
            {
                name: key.name,
                project: settings.project,
                backendService: backendServiceName,
                keyValue: pulumi.secret(key.value),
            },
            scope,
        );
    }
}

/** The role IAP checks on the backend service for every user. */
export const IAP_ACCESSOR_ROLE = "roles/iap.httpsResourceAccessor";

/** `roles/iap.httpsResourceAccessor` on an IAP-enabled backend service for each of `settings.iap.members`. */
function grantIapAccess(
    name: string,
    settings: BackendServiceSettings,
    backendServiceName: pulumi.Output<string>,
    scope: BuildScope,
): void {
    const regional = schemeProfile(settings.scheme).scope === "regional";
    const condition = accessLevelCondition(settings.iap?.accessLevels);
    for (const member of settings.iap?.members ?? []) {
        const logical = `${name}-iap-${member.replace(/[^a-zA-Z0-9@.-]/g, "-")}`;
        if (regional) {
            createChild(
                optionalGcp.iap.WebRegionBackendServiceIamMember,
                logical,
                {
                    project: settings.project,
                    region: settings.region,
                    webRegionBackendService: backendServiceName,
                    role: IAP_ACCESSOR_ROLE,
                    member,
                    condition,
                },
                scope,
            );
        } else {
            createChild(
                optionalGcp.iap.WebBackendServiceIamMember,
                logical,
                {
                    project: settings.project,
                    webBackendService: backendServiceName,
                    role: IAP_ACCESSOR_ROLE,
                    member,
                    condition,
                },
                scope,
            );
        }
    }
}

/** The IAP service agent of a project, from its number. */
export function iapServiceAgent(projectNumber: string): string {
    return `serviceAccount:service-${projectNumber}@gcp-sa-iap.iam.gserviceaccount.com`;
}

/**
 * `roles/run.invoker` for the IAP service agent on a Cloud Run service (in each of its regions), so
 * IAP's requests pass Cloud Run's IAM check without an `allUsers` invoker.
 * @see https://cloud.google.com/iap/docs/enabling-cloud-run
 */
export function grantIapInvoker(
    name: string,
    target: { project?: pulumi.Input<string>; service: pulumi.Input<string>; regions: string[] },
    scope: BuildScope,
): ServiceIamMember[] {
    const project = optionalGcp.organizations.getProjectOutput(
        { projectId: target.project === undefined ? undefined : pulumi.output(target.project) },
        { parent: scope.parent },
    );
    const member = project.number.apply(iapServiceAgent);
    return target.regions.map((region) =>
        createChild(
            optionalGcp.cloudrunv2.ServiceIamMember,
            target.regions.length === 1 ? `${name}-iap-invoker` : `${name}-iap-invoker-${region}`,
            { project: target.project, location: region, name: target.service, role: "roles/run.invoker", member },
            scope,
        ),
    );
}
