import { migrationTransformation } from "./migration";
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import {
    ApplicationLoadBalancerArgs,
    backendKindsByKey,
    loadBalancerRegions,
    loadBalancerSubnets,
    routeTable,
    routingContext,
} from "./args/load-balancer";
import { backendKinds } from "./backends";
import type { BackendBuildContext } from "./backends/kind";
import { BackendKind, backendKindOf } from "./backends/kinds";
import { DnsAuthorizationRecord } from "./args/certificates";
import { grantLoadBalancerServiceUser } from "./cross-project";
import { buildFrontend } from "./frontend";
import { clientCertificateUrlMapHeaders, frontendSettings } from "./args/frontend";
import { gcpName } from "./naming";
import { buildLoadBalancerNetwork, LoadBalancerNetworkArgs, LoadBalancerNetworkOutputs } from "./network";
import { compileUrlMap, isRecordingRoutings, recordRouting, UrlMapSpec, UrlMapTestSpec } from "./routing";
import { replacementOptions } from "./replacement";
import { buildPscPublish } from "./psc";
import { buildAuthorization } from "./authorization";
import { validateLoadBalancerArgs } from "./rules/load-balancer";
import { SchemeProfile, schemeProfile } from "./schemes";
import { failOnProblems, known } from "./validation";
import { withResolvedChecks } from "./constraints/check";

export type { ApplicationLoadBalancerArgs, BackendArgs, NetworkArgs } from "./args/load-balancer";

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
    /** The load balancer's project, when known at preview. */
    lbProject: string | undefined;
    /** What each kind's backends share, by kind (see `BackendBuildContext.shared`). */
    sharedByKind: Map<BackendKind, Map<unknown, unknown>>;
    /** Cloud Armor policies already created, by `securityPolicyShareKey`. */
    sharedSecurityPolicies: Map<string, pulumi.Output<string>>;
}

/** What the backends gave the URL map: references by backend key, and the IAM grants it waits for. */
interface BuiltBackends {
    backendIds: Record<string, pulumi.Output<string>>;
    bucketNames: Record<string, pulumi.Output<string>>;
    grants: pulumi.Resource[];
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
    /**
     * Self link of the Private Service Connect service attachment per region (`publish`), what consumers create
     * endpoints for; empty when not published.
     */
    public readonly serviceAttachmentSelfLinks: pulumi.Output<Record<string, string>>;
    /** The first region's service attachment self link (the only one on regional internal), else undefined. */
    public readonly serviceAttachmentSelfLink: pulumi.Output<string | undefined>;

    constructor(name: string, args: ApplicationLoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cloudrun-lb:index:ApplicationLoadBalancer", name, {}, withMigrationStage(args, opts));
        failOnProblems(`ApplicationLoadBalancer "${name}"`, validateLoadBalancerArgs(args), this);
        // Values known only at apply (Outputs) get the constraint table's checks when they resolve.
        args = withResolvedChecks(args, `ApplicationLoadBalancer "${name}"`);

        // The pieces are built by short functions, called early in this one: every resource Pulumi creates
        // captures stack traces, and V8 finds each frame's source position by scanning its function up to
        // the call, so a long function on the stack costs every resource built under it (README "Performance").
        const build = this.buildContext(name, args);
        const backends = this.buildBackends(build);
        // One Output over every backend's id costs the SDK two more Outputs per backend (measured: bench/RESULTS.md),
        // so it is made when first read; the stack outputs take the ids as they are.
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
        this.authorizationPiece(build, frontend.forwardingRuleSelfLinks);
        const published = this.publishPiece(build, frontend.mainForwardingRuleIdsByRegion);
        this.serviceAttachmentSelfLinks = pulumi.output(published) as pulumi.Output<Record<string, string>>;
        const firstAttachment = published[build.regions[0]];
        this.serviceAttachmentSelfLink = firstAttachment ?? pulumi.output(undefined);
        // backendServiceIds is left out: registering a map of one Output per backend costs the SDK an await of
        // each (~0.1 ms a backend, docs/performance.md); it stays a property of the component, read on demand.
        this.registerOutputs({
            ipAddress: this.ipAddress,
            ipAddresses: this.ipAddresses,
            ipv6Address: this.ipv6Address,
            url: this.url,
            bucketNames: this.bucketNames,
            urlMapId: this.urlMapId,
            forwardingRuleIds: this.forwardingRuleIds,
            networkSelfLink: this.networkSelfLink,
            subnetworkSelfLinks: this.subnetworkSelfLinks,
            certificateIds: this.certificateIds,
            certificateMapId: this.certificateMapId,
            dnsAuthorizationRecords: this.dnsAuthorizationRecords,
            serviceAttachmentSelfLinks: this.serviceAttachmentSelfLinks,
            serviceAttachmentSelfLink: this.serviceAttachmentSelfLink,
        });
    }

    /** What every piece of this load balancer is built with; creates the network (Envoy-based schemes). */
    private buildContext(name: string, args: ApplicationLoadBalancerArgs): BuildContext {
        const prefix = args.namePrefix ?? gcpName(name);
        const profile = schemeProfile(args.scheme);
        const regions = loadBalancerRegions(args);
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
                  { parent: this },
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
            lbProject: known(args.project) ?? new pulumi.Config("gcp").get("project"),
            sharedByKind: new Map(),
            sharedSecurityPolicies: new Map(),
        };
    }

    /**
     * Every backend, in key order (so shared NEGs and policies go to the first backend that needs them), each
     * built by its kind's module.
     */
    private buildBackends(build: BuildContext): BuiltBackends {
        const built: BuiltBackends = { backendIds: {}, bucketNames: {}, grants: [] };
        const keys = Object.keys(build.args.backends).sort((a, b) => (a < b ? -1 : 1));
        for (const key of keys) {
            const backend = build.args.backends[key];
            const kind = backendKindOf(backend);
            let shared = build.sharedByKind.get(kind);
            if (shared === undefined) {
                shared = new Map();
                build.sharedByKind.set(kind, shared);
            }
            const context: BackendBuildContext = {
                key,
                backend,
                args: build.args,
                profile: build.profile,
                regions: build.regions,
                lbProject: build.lbProject,
                name: build.name,
                prefix: build.prefix,
                parent: this,
                regionalRegion: build.regionalRegion,
                network: build.network,
                shared,
                sharedSecurityPolicies: build.sharedSecurityPolicies,
            };
            const created = backendKinds[kind].build(context);
            built.backendIds[key] = created.ref;
            if (created.bucketName !== undefined) {
                built.bucketNames[key] = created.bucketName;
            }
            if (created.backendServiceName !== undefined) {
                this.grantServiceUsers(build, key, created.backendServiceName, built.grants);
            }
        }
        return built;
    }

    /** `roles/compute.loadBalancerServiceUser` on a backend service for each member given. */
    private grantServiceUsers(
        build: BuildContext,
        key: string,
        backendServiceName: pulumi.Output<string>,
        grants: pulumi.Resource[],
    ): void {
        const backend = build.args.backends[key];
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
                backendKinds: backendKindsByKey(args),
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

    /** The Private Service Connect NAT subnets and service attachments of `publish`, by region. */
    private publishPiece(
        build: BuildContext,
        forwardingRuleIds: Record<string, pulumi.Output<string>>,
    ): Record<string, pulumi.Output<string>> {
        const { name, args, network } = build;
        if (!args.publish || !network) {
            return {};
        }
        return buildPscPublish(
            name,
            args.publish,
            {
                prefix: build.prefix,
                project: args.project,
                regions: build.regions,
                network: network.network,
                existingNetwork: args.network?.existing !== undefined,
                forwardingRuleIds,
            },
            { parent: this },
        ).serviceAttachmentSelfLinks;
    }

    /** The authorization policies of `authorization` (one per list), on every forwarding rule. */
    private authorizationPiece(build: BuildContext, forwardingRules: pulumi.Output<string>[]): void {
        const { name, args } = build;
        if (!args.authorization) {
            return;
        }
        buildAuthorization(
            name,
            args.authorization,
            {
                scheme: args.scheme,
                region: build.regionalRegion,
                project: args.project,
                prefix: build.prefix,
                forwardingRules,
            },
            { parent: this },
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
            { parent: this },
        );
    }
}

/** The component's options plus the transformation that puts `migrationStage` on its children, when set. */
function withMigrationStage(
    args: ApplicationLoadBalancerArgs,
    opts: pulumi.ComponentResourceOptions | undefined,
): pulumi.ComponentResourceOptions | undefined {
    const hasBuckets = Object.values(args?.backends ?? {}).some((b) => b?.bucket !== undefined);
    const migration = migrationTransformation(
        args?.scheme,
        args?.migrationStage,
        args?.migrationTestingPercentage,
        hasBuckets,
    );
    return migration ? { ...opts, transformations: [...(opts?.transformations ?? []), migration] } : opts;
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
