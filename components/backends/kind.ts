/**
 * What a backend kind module (`backends/<kind>/index.ts`) provides, and what the load balancer gives it.
 * Types only: kind modules import this file, the registry (./index.ts) lists the modules.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ApplicationLoadBalancerArgs, BackendArgs } from "../args/load-balancer";
import type { LoadBalancerNetworkOutputs } from "../network";
import type { RoutingContext } from "../routing/context";
import type { SchemeProfile } from "../schemes";
import type { Problem, Rule } from "../validation";
import type { BackendKind, backendKindField } from "./kinds";

/** One backend of a load balancer, as validation and building see it. */
export interface BackendContext {
    /** Your name for the backend: its key in `backends`. */
    key: string;
    backend: BackendArgs;
    /** The load balancer's arguments (already checked for a valid scheme). */
    args: ApplicationLoadBalancerArgs;
    profile: SchemeProfile;
    /** The load balancer's regions (`loadBalancerRegions`): empty on global external and classic. */
    regions: string[];
    /** The load balancer's project, when known at preview (args, else the provider's `gcp:project`). */
    lbProject: string | undefined;
}

/** What building one backend of a load balancer gets besides the backend itself. */
export interface BackendBuildContext extends BackendContext {
    /** The load balancer's name (children are named `${name}-${key}-<role>`). */
    name: string;
    /** Prefix of the physical names. */
    prefix: string;
    /** The parent of every resource the kind creates: the load balancer. */
    parent: pulumi.Resource;
    /** The region of a regional scheme's backend resources; undefined on global schemes. */
    regionalRegion: string | undefined;
    /** The load balancer's VPC (Envoy-based schemes). */
    network?: LoadBalancerNetworkOutputs;
    /** What this kind's backends of one load balancer share (e.g. one global internet NEG per endpoint), by a key of the kind's choosing. */
    shared: Map<unknown, unknown>;
    /** Cloud Armor policies already created for earlier backends, by `securityPolicyShareKey`. */
    sharedSecurityPolicies: Map<string, pulumi.Output<string>>;
}

/** What a kind built for one backend: what the URL map refers to, and what the load balancer reports. */
export interface BuiltBackend {
    /** Id of the backend service or backend bucket the URL map refers to. */
    ref: pulumi.Output<string>;
    /** Name of the backend service this package created, for `loadBalancerServiceUsers` grants on it. */
    backendServiceName?: pulumi.Output<string>;
    /** Name of the Cloud Storage bucket served, for the `bucketNames` output. */
    bucketName?: pulumi.Output<string>;
}

/** One backend kind: its field, its rules, how it is validated and built inside a load balancer. */
export interface BackendKindModule<K extends BackendKind = BackendKind> {
    kind: K;
    /** The field of `backends.<key>` that selects the kind. */
    field: (typeof backendKindField)[K];
    /** The kind's rules, for the validation catalogue (README table, coverage). */
    rules: readonly Rule<never>[];
    /** Problems of one backend of this kind, with paths from the load balancer's args (`backends.<key>.…`). */
    validate(backend: BackendContext): Problem[];
    /** Rules over the routes that concern this kind (run once per load balancer, after the backends). */
    routingRules: readonly Rule<RoutingContext>[];
    /** Whether the backend can serve custom error pages (`customErrorResponses` names only such backends). */
    servesErrorPages: boolean;
    /** Whether Identity-Aware Proxy can be turned on for it. */
    iap: boolean;
    /** Creates the backend's resources under the load balancer. */
    build(backend: BackendBuildContext): BuiltBackend;
}
