import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import {
    ApplicationLoadBalancerArgs,
    BackendArgs,
    backendKinds,
    loadBalancerRegions,
    loadBalancerSubnets,
    routeTable,
    routingContext,
} from "./args/load-balancer";
import { DEFAULT_INTERNET_PORT, InternetTargetArgs } from "./args/internet";
import { BackendSettingsArgs } from "./backends/backend-service";
import { buildBucketBackend } from "./backends/bucket";
import { buildHybridBackend } from "./backends/hybrid";
import { buildInternetBackend } from "./backends/internet";
import { DnsAuthorizationRecord } from "./args/certificates";
import { BuildScope, movedFromChildComponent, topLevelUrn } from "./builder";
import { grantLoadBalancerServiceUser } from "./cross-project";
import { createSecurityPolicy, securityPolicyShareKey } from "./security-policy";
import { buildServerlessBackend, ServerlessBackendArgs } from "./backends/serverless";
import { buildFrontend } from "./frontend";
import {
    clientCertificateCustomRequestHeaders,
    clientCertificateUrlMapHeaders,
    frontendSettings,
} from "./args/frontend";
import { gcpName } from "./naming";
import { buildLoadBalancerNetwork, LoadBalancerNetworkArgs, LoadBalancerNetworkOutputs } from "./network";
import { compileUrlMap, isRecordingRoutings, recordRouting, UrlMapSpec, UrlMapTestSpec } from "./routing";
import { replacementOptions } from "./replacement";
import { backendBucketGivenAsService, validateLoadBalancerArgs } from "./rules/load-balancer";
import { SchemeProfile, schemeProfile } from "./schemes";
import { failOnProblems, known } from "./validation";

export * from "./args/load-balancer";

const LOAD_BALANCER_TYPE = "cloudrun-lb:index:ApplicationLoadBalancer";

/** What building one load balancer's pieces shares. */
interface BuildContext {
    name: string;
    /** Prefix of the physical names. */
    prefix: string;
    args: ApplicationLoadBalancerArgs;
    profile: SchemeProfile;
    regions: string[];
    /** The region of a regional scheme's backend resources; undefined on global schemes. */
    regionalRegion: string | undefined;
    /** The network of an Envoy-based scheme. */
    network?: LoadBalancerNetworkOutputs;
    /** Where a piece that was a child component up to 0.1.0 builds its resources. */
    moved: (formerType: string, piece: string) => BuildScope;
    /** Global internet NEGs already created, by {@link internetNegShareKey}. */
    sharedInternetNegs: Map<unknown, pulumi.Output<string>>;
    /** Cloud Armor policies already created, by `securityPolicyShareKey`. */
    sharedSecurityPolicies: Map<string, pulumi.Output<string>>;
}

/** What the backends gave the URL map: references by backend key, and the IAM grants it waits for. */
interface BuiltBackends {
    backendIds: Record<string, pulumi.Output<string>>;
    bucketNames: Record<string, pulumi.Output<string>>;
    grants: pulumi.Resource[];
}

interface BuiltBackendService {
    backendServiceId: pulumi.Output<string>;
    backendServiceName: pulumi.Output<string>;
}

/** The builder arguments every backend service kind takes. */
interface CommonBackendArgs {
    namePrefix: string;
    scheme: ApplicationLoadBalancerArgs["scheme"];
    project: pulumi.Input<string> | undefined;
    description: string | undefined;
    logging: BackendArgs["logging"];
    settings: BackendSettingsArgs;
}

/**
 * The reference the compiler carries for a backend until the URL map's inputs are made: the compiler works on
 * strings, the URL map gets each backend's id output in its place.
 */
function backendPlaceholder(key: string): string {
    return `\u0000backend:${key}`;
}

/** `value` with every string that is a key of `replacements` replaced by its value, at any depth. */
function replaceStrings<R>(value: unknown, replacements: Map<string, R>): unknown {
    if (typeof value === "string") {
        return replacements.has(value) ? replacements.get(value) : value;
    }
    if (Array.isArray(value)) {
        return value.map((item) => replaceStrings(item, replacements));
    }
    if (value !== null && typeof value === "object") {
        const replaced: Record<string, unknown> = {};
        for (const [field, item] of Object.entries(value)) replaced[field] = replaceStrings(item, replacements);
        return replaced;
    }
    return value;
}

/** The URL map compiled with each backend's placeholder replaced by `refs[key]`. */
function withBackendRefs<R>(spec: UrlMapSpec, refs: Record<string, R>): UrlMapSpec {
    const byPlaceholder = new Map(Object.entries(refs).map(([key, ref]) => [backendPlaceholder(key), ref]));
    return replaceStrings(spec, byPlaceholder) as UrlMapSpec;
}

/**
 * A Google Cloud Application Load Balancer in front of Cloud Run, for any of the five schemes:
 * network (Envoy-based schemes), backends, URL map from a route table, and frontend. Every input is
 * checked before anything is created; all problems are reported together.
 *
 * @see https://cloud.google.com/load-balancing/docs/negs/serverless-neg-concepts
 */
export class ApplicationLoadBalancer extends pulumi.ComponentResource {
    /** The first VIP (for cross-region internal, the first region's). */
    public readonly ipAddress: pulumi.Output<string>;
    /** VIP per region (internal) or under "global". */
    public readonly ipAddresses: pulumi.Output<Record<string, string>>;
    /** The IPv6 address when `ipv6` is on, else undefined. */
    public readonly ipv6Address: pulumi.Output<string | undefined>;
    /** `https://<ip>` or `http://<ip>`. */
    public readonly url: pulumi.Output<string>;
    /** Backend service id per backend key. */
    declare public readonly backendServiceIds: pulumi.Output<Record<string, string>>;
    /** Name of the Cloud Storage bucket per bucket backend key (created or given by name), e.g. to upload the site. */
    public readonly bucketNames: pulumi.Output<Record<string, string>>;
    /** Id of the URL map. */
    public readonly urlMapId: pulumi.Output<string>;
    /** Ids of the forwarding rules. */
    public readonly forwardingRuleIds: pulumi.Output<string[]>;
    /** Self link of the VPC (Envoy-based schemes), else undefined. */
    public readonly networkSelfLink: pulumi.Output<string | undefined>;
    /** Self link of the regular subnet per region (internal schemes), e.g. for client VMs. */
    public readonly subnetworkSelfLinks: pulumi.Output<Record<string, string>>;
    /** Ids of the Certificate Manager certificates created for `https.managedCertificate`, in domain order. */
    public readonly certificateIds: pulumi.Output<string[]>;
    /** Id of the certificate map created for `https.managedCertificate` (global external, classic), else undefined. */
    public readonly certificateMapId: pulumi.Output<string | undefined>;
    /** The CNAME per DNS authorization that Certificate Manager must see in public DNS (`dns` creates them where it can). */
    public readonly dnsAuthorizationRecords: pulumi.Output<DnsAuthorizationRecord[]>;

    constructor(name: string, args: ApplicationLoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cloudrun-lb:index:ApplicationLoadBalancer", name, {}, opts);
        failOnProblems(`ApplicationLoadBalancer "${name}"`, validateLoadBalancerArgs(args), this);

        // The pieces are built by short functions, called early in this one: every resource Pulumi creates
        // captures stack traces, and V8 finds each frame's source position by scanning its function up to
        // the call, so a long function on the stack costs every resource built under it (README "Performance").
        const build = this.buildContext(name, args, opts);
        const backends = this.buildBackends(build);
        // One Output over every backend's id costs the SDK two more Outputs per backend (about 8 MB at 1,000
        // backends, README "Performance"), so it is made when first read; the stack outputs take the ids as they are.
        let backendServiceIds: pulumi.Output<Record<string, string>> | undefined;
        Object.defineProperty(this, "backendServiceIds", {
            enumerable: true,
            get: () => (backendServiceIds ??= pulumi.output(backends.backendIds)),
        });
        this.bucketNames = pulumi.output(backends.bucketNames) as pulumi.Output<Record<string, string>>;
        this.urlMapId = this.createUrlMap(build, backends);
        const frontend = this.buildFrontendPiece(build);

        this.ipAddress = frontend.ipAddress;
        this.ipAddresses = frontend.ipAddresses;
        this.ipv6Address = frontend.ipv6Address;
        this.url = frontend.url;
        this.forwardingRuleIds = frontend.forwardingRuleIds;
        this.certificateIds = frontend.certificateIds;
        this.certificateMapId = frontend.certificateMapId;
        this.dnsAuthorizationRecords = frontend.dnsAuthorizationRecords;
        this.networkSelfLink = build.network ? build.network.network : pulumi.output(undefined);
        this.subnetworkSelfLinks = build.network
            ? build.network.subnetworks
            : (pulumi.output({}) as pulumi.Output<Record<string, string>>);
        this.registerOutputs({
            ipAddress: this.ipAddress,
            ipAddresses: this.ipAddresses,
            ipv6Address: this.ipv6Address,
            url: this.url,
            backendServiceIds: backends.backendIds,
            bucketNames: this.bucketNames,
            urlMapId: this.urlMapId,
            forwardingRuleIds: this.forwardingRuleIds,
            networkSelfLink: this.networkSelfLink,
            subnetworkSelfLinks: this.subnetworkSelfLinks,
            certificateIds: this.certificateIds,
            certificateMapId: this.certificateMapId,
            dnsAuthorizationRecords: this.dnsAuthorizationRecords,
        });
    }

    /** What every piece of this load balancer is built with; creates the network (Envoy-based schemes). */
    private buildContext(
        name: string,
        args: ApplicationLoadBalancerArgs,
        opts: pulumi.ComponentResourceOptions | undefined,
    ): BuildContext {
        const prefix = args.namePrefix ?? gcpName(name);
        const profile = schemeProfile(args.scheme);
        const regions = loadBalancerRegions(args);
        // Each piece is built as this component's own children. Up to 0.1.0 each was a child component
        // (LoadBalancerNetwork, ServerlessBackend, …) named like the builder's `name`: the scope aliases
        // every resource to the URN it had there, so existing stacks update in place.
        const urn = opts?.parent === undefined ? topLevelUrn(LOAD_BALANCER_TYPE, name) : this.urn;
        const moved = (type: string, piece: string): BuildScope =>
            args.aliasesFromV010 === false
                ? { parent: this }
                : movedFromChildComponent(this, urn, `cloudrun-lb:index:${type}`, piece);
        const network = profile.proxyOnlySubnetPurpose
            ? buildLoadBalancerNetwork(
                  `${name}-network`,
                  {
                      namePrefix: gcpName(prefix, "network"),
                      project: args.project,
                      regions,
                      proxyOnlyPurpose: profile.proxyOnlySubnetPurpose,
                      ...loadBalancerSubnets(args),
                      create: args.network?.existing ? undefined : (args.network?.create ?? {}),
                      existing: args.network?.existing,
                  } satisfies LoadBalancerNetworkArgs,
                  moved("LoadBalancerNetwork", `${name}-network`),
              )
            : undefined;
        return {
            name,
            prefix,
            args,
            profile,
            regions,
            regionalRegion: profile.scope === "regional" ? regions[0] : undefined,
            network,
            moved,
            sharedInternetNegs: new Map(),
            sharedSecurityPolicies: new Map(),
        };
    }

    /**
     * Every backend, in key order (so shared NEGs and policies go to the first backend that needs them).
     * Serverless backends are built from this loop directly: every frame between it and the resource
     * constructors is on the stack that the Pulumi SDK keeps, as source positions, for each resource until it
     * is registered (about 1 KB a frame: README "Performance").
     */
    private buildBackends(build: BuildContext): BuiltBackends {
        const built: BuiltBackends = { backendIds: {}, bucketNames: {}, grants: [] };
        const keys = Object.keys(build.args.backends).sort((a, b) => (a < b ? -1 : 1));
        for (const key of keys) {
            const backend = build.args.backends[key];
            if (backend.backendService !== undefined) {
                built.backendIds[key] = checkedBackendServiceLink(build.name, key, backend.backendService, this);
                continue;
            }
            if (backend.bucket !== undefined) {
                this.buildBucket(build, key, backend, built);
                continue;
            }
            const piece = `${build.name}-${key}`;
            const created =
                backend.hybrid !== undefined
                    ? this.buildHybrid(build, key, backend)
                    : backend.internet !== undefined
                      ? this.buildInternet(build, key, backend)
                      : buildServerlessBackend(
                            piece,
                            this.serverlessArgs(build, key, backend),
                            build.moved("ServerlessBackend", piece),
                        );
            built.backendIds[key] = created.backendServiceId;
            this.grantServiceUsers(build, key, backend, created.backendServiceName, built.grants);
        }
        return built;
    }

    private buildBucket(build: BuildContext, key: string, backend: BackendArgs, built: BuiltBackends): void {
        const { name, args } = build;
        const bucket = buildBucketBackend(
            `${name}-${key}`,
            {
                namePrefix: gcpName(build.prefix, key),
                scheme: args.scheme,
                project: backend.project ?? args.project,
                region: build.regionalRegion,
                bucket: backend.bucket!,
                cdn: backend.cdn,
                description: backend.description,
            },
            { parent: this },
        );
        built.backendIds[key] = bucket.backendBucketId;
        if (bucket.bucketName !== undefined) {
            built.bucketNames[key] = bucket.bucketName;
        }
    }

    /** The builder arguments every backend service kind takes. */
    private commonBackendArgs(build: BuildContext, key: string, backend: BackendArgs): CommonBackendArgs {
        return {
            namePrefix: gcpName(build.prefix, key),
            scheme: build.args.scheme,
            project: backend.project ?? build.args.project,
            description: backend.description,
            logging: backend.logging,
            settings: this.backendSettings(build, key, backend),
        };
    }

    private serverlessArgs(build: BuildContext, key: string, backend: BackendArgs): ServerlessBackendArgs {
        return {
            ...this.commonBackendArgs(build, key, backend),
            cloudRun: backend.cloudRun!,
            region: build.args.region ?? build.regions[0],
        };
    }

    private buildHybrid(build: BuildContext, key: string, backend: BackendArgs): BuiltBackendService {
        const piece = `${build.name}-${key}`;
        return buildHybridBackend(
            piece,
            {
                ...this.commonBackendArgs(build, key, backend),
                hybrid: backend.hybrid!,
                network: build.network?.network,
                region: build.regionalRegion,
            },
            build.moved("HybridBackend", piece),
        );
    }

    private buildInternet(build: BuildContext, key: string, backend: BackendArgs): BuiltBackendService {
        const piece = `${build.name}-${key}`;
        const internet = backend.internet!;
        const common = this.commonBackendArgs(build, key, backend);
        const shareKey = build.profile.scope === "global" ? internetNegShareKey(internet, common.project) : undefined;
        const shared = shareKey !== undefined ? build.sharedInternetNegs.get(shareKey) : undefined;
        const created = buildInternetBackend(
            piece,
            {
                ...common,
                internet,
                neg: shared,
                network: build.network?.network,
                region: build.regionalRegion,
            },
            build.moved("InternetBackend", piece),
        );
        if (shareKey !== undefined && shared === undefined) {
            build.sharedInternetNegs.set(shareKey, created.negId);
        }
        return created;
    }

    /** `roles/compute.loadBalancerServiceUser` on a backend service for each member given. */
    private grantServiceUsers(
        build: BuildContext,
        key: string,
        backend: BackendArgs,
        backendServiceName: pulumi.Output<string>,
        grants: pulumi.Resource[],
    ): void {
        (backend.loadBalancerServiceUsers ?? []).forEach((member, i) =>
            grants.push(
                grantLoadBalancerServiceUser(
                    `${build.name}-${key}-service-user-${i}`,
                    {
                        member,
                        project: backend.project ?? build.args.project,
                        backendService: backendServiceName,
                        region: build.regionalRegion,
                    },
                    { parent: this },
                ),
            ),
        );
    }

    /**
     * The URL map compiled from the route table, with each backend's id output where the map refers to it (as a
     * hand-written map has them: no Output over all of them). The offline plan also gets it with the ids resolved.
     */
    private createUrlMap(build: BuildContext, backends: BuiltBackends): pulumi.Output<string> {
        const { name, args } = build;
        const table = routeTable(args);
        const compiled = withClientCertificateHeaders(
            compileUrlMap(table, {
                scheme: args.scheme,
                backendRef: backendPlaceholder,
                backendKinds: backendKinds(args),
            }),
            args,
        );
        const { tests, ...fields } = withBackendRefs(compiled, backends.backendIds);
        const urlMapArgs = {
            name: gcpName(build.prefix, "url-map"),
            project: args.project,
            ...fields,
            // RegionUrlMap tests require `service`, so redirect tests are emitted on global maps only.
            tests: tests?.filter((t): t is UrlMapTestSpec & { service: string } => t.service !== undefined),
        };
        if (isRecordingRoutings()) {
            this.recordForPlan(build, compiled, backends);
        }
        const options = { parent: this, dependsOn: backends.grants };
        return build.profile.scope === "regional"
            ? new compute.RegionUrlMap(
                  `${name}-url-map`,
                  { ...urlMapArgs, region: build.regions[0] },
                  replacementOptions(compute.RegionUrlMap, options),
              ).id
            : new compute.URLMap(`${name}-url-map`, urlMapArgs, replacementOptions(compute.URLMap, options)).id;
    }

    /** What the offline plan's routing table, `--request` and diagram read (routing/registry.ts). */
    private recordForPlan(build: BuildContext, compiled: UrlMapSpec, backends: BuiltBackends): void {
        const { name } = build;
        const context = routingContext(build.args);
        recordRouting({ name, context });
        pulumi.all([backends.backendIds, backends.bucketNames]).apply(([ids, buckets]) =>
            recordRouting({
                name,
                context,
                urlMap: withBackendRefs(compiled, ids),
                backendRefs: ids,
                bucketNames: buckets,
            }),
        );
    }

    private buildFrontendPiece(build: BuildContext) {
        const { name, args, network } = build;
        return buildFrontend(
            `${name}-frontend`,
            {
                namePrefix: build.prefix,
                scheme: args.scheme,
                project: args.project,
                regions: build.regions,
                urlMap: this.urlMapId,
                network: network?.network,
                subnetworks: network?.subnetworks,
                proxyOnlySubnetworks: network?.proxyOnlySubnetworks,
                ...frontendSettings(args),
            },
            build.moved("Frontend", `${name}-frontend`),
        );
    }

    /**
     * The backend service settings of one backend, creating its Cloud Armor policy if asked — or reusing
     * the one already created for an earlier backend (in key order) with the same `create` and project.
     */
    private backendSettings(build: BuildContext, key: string, backend: BackendArgs): BackendSettingsArgs {
        const { name, prefix, args } = build;
        const sharedPolicies = build.sharedSecurityPolicies;
        const policy = backend.securityPolicy;
        let securityPolicy = policy?.existing;
        if (policy?.create !== undefined) {
            const project = backend.project ?? args.project;
            const shareKey = securityPolicyShareKey(policy.create, project);
            let created = shareKey !== undefined ? sharedPolicies.get(shareKey) : undefined;
            if (created === undefined) {
                created = createSecurityPolicy(
                    `${name}-${key}-security-policy`,
                    {
                        scheme: args.scheme,
                        physicalName: gcpName(prefix, key, "armor"),
                        project,
                        region: loadBalancerRegions(args)[0],
                        create: policy.create,
                    },
                    this,
                );
                if (shareKey !== undefined) {
                    sharedPolicies.set(shareKey, created);
                }
            }
            securityPolicy = created;
        }
        // mTLS headers go on every backend service of global external and classic (none elsewhere).
        const mtlsHeaders = clientCertificateCustomRequestHeaders(args.scheme, args.https?.clientCertificates);
        return {
            customRequestHeaders:
                mtlsHeaders.length > 0
                    ? [...(backend.customRequestHeaders ?? []), ...mtlsHeaders]
                    : backend.customRequestHeaders,
            iap: backend.iap,
            cdn: backend.cdn,
            outlierDetection: backend.outlierDetection,
            securityPolicy,
        };
    }
}

/**
 * The compiled URL map with the mTLS headers added at the map level on the Envoy-based schemes, after the
 * route table's own map-level headers; the map unchanged elsewhere.
 */
export function withClientCertificateHeaders(spec: UrlMapSpec, args: ApplicationLoadBalancerArgs): UrlMapSpec {
    const headers = clientCertificateUrlMapHeaders(args.scheme, args.https?.clientCertificates);
    if (headers.length === 0) {
        return spec;
    }
    const action = spec.headerAction ?? {};
    return {
        ...spec,
        headerAction: { ...action, requestHeadersToAdds: [...(action.requestHeadersToAdds ?? []), ...headers] },
    };
}

/**
 * An existing backend service reference, checked once its value is known: a backend bucket's link given
 * as `backendService` (e.g. another resource's `selfLink` output, which preview cannot read) fails the
 * deployment with the same problem preview reports for a plain string, before the URL map uses it.
 */
function checkedBackendServiceLink(
    name: string,
    key: string,
    link: pulumi.Input<string>,
    resource: pulumi.Resource,
): pulumi.Output<string> {
    return pulumi.output(link).apply((text) => {
        const mistake = backendBucketGivenAsService(text);
        if (mistake) {
            failOnProblems(
                `ApplicationLoadBalancer "${name}"`,
                [
                    {
                        rule: "backend-service-links",
                        ...mistake,
                        field: `backends.${key}.backendService`,
                        fix: mistake.fix!,
                    },
                ],
                resource,
            );
        }
        return text;
    });
}

/**
 * What makes two internet backends able to share one global internet NEG: the same project, endpoint
 * and port. A plain host is compared by value; an output (e.g. a Cloud Run service's URI) by identity,
 * so pass the same output to every backend that should share.
 */
export function internetNegShareKey(target: InternetTargetArgs, project: pulumi.Input<string> | undefined): unknown {
    if (target.endpoints !== undefined) {
        return undefined;
    }
    const host = target.ipAddress ?? target.fqdn;
    const port = target.port ?? DEFAULT_INTERNET_PORT;
    const projectKey = project === undefined ? "" : (known(project) ?? project);
    if (typeof host === "string" && typeof projectKey === "string") {
        return `${projectKey}|${host}|${port}`;
    }
    let byHost = identityKeys.get(host as object);
    if (byHost === undefined) {
        byHost = new Map();
        identityKeys.set(host as object, byHost);
    }
    const composite = `${typeof projectKey === "string" ? projectKey : "output"}|${port}`;
    if (!byHost.has(composite)) {
        byHost.set(composite, { host, composite });
    }
    return byHost.get(composite);
}
const identityKeys = new WeakMap<object, Map<string, object>>();
