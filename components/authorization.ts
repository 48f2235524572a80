/**
 * L7 authorization (`authorization`): one network security authorization policy (`AuthzPolicy`) per action
 * used — DENY for `deny`, ALLOW for `allow` — targeting every forwarding rule of the load balancer (builder).
 *
 * Facts:
 * - A policy's `target` names forwarding rules by self link, with the load balancer's `loadBalancingScheme`
 *   (EXTERNAL_MANAGED or INTERNAL_MANAGED): "All gateways and forwarding rules referenced by this policy and
 *   extensions must share the same load balancing scheme" (google/cloud/networksecurity/v1/authz_policy.proto).
 * - Location: the load balancer's region on regional external and regional internal; `global` on global
 *   external and cross-region internal (https://cloud.google.com/load-balancing/docs/auth-policy/set-up-auth-policy-app-lb:
 *   the "Global and cross-region" steps create the policy in the global location, the regional ones in the
 *   load balancer's region; magic-modules' regional example uses the forwarding rule's region).
 * - At least one HTTP rule for ALLOW and DENY; a policy matches when one of its rules does; DENY policies are
 *   evaluated before ALLOW ones (magic-modules mmv1/products/networksecurity/AuthzPolicy.yaml, `action`).
 */
import * as pulumi from "@pulumi/pulumi";
import { AuthorizationArgs, authorizationActions, authorizationHttpRule } from "./args/authorization";
import { BuildScope, createChild } from "./builder";
import { optionalGcp } from "./gcp-modules";
import { gcpName } from "./naming";
import { Scheme, schemeProfile } from "./schemes";

export * from "./args/authorization";

/** What the authorization policies need from the load balancer they protect. */
export interface AuthorizationTarget {
    scheme: Scheme;
    /** The region of a regional scheme; undefined on global schemes. */
    region: string | undefined;
    project: pulumi.Input<string> | undefined;
    /** Prefix of the physical names. */
    prefix: string;
    /** Self links of every forwarding rule of the load balancer (HTTP and HTTPS, IPv4 and IPv6, every region). */
    forwardingRules: pulumi.Input<pulumi.Input<string>[]>;
}

/** The location of a load balancer's authorization policies: its region on regional schemes, else `global`. */
export function authorizationLocation(scheme: Scheme, region: string | undefined): string {
    return schemeProfile(scheme).scope === "regional" ? (region ?? "global") : "global";
}

const DESCRIPTIONS = {
    deny: "Requests the load balancer denies (cloudrun-lb authorization.deny)",
    allow: "Requests the load balancer lets through; every other request is denied (cloudrun-lb authorization.allow)",
} as const;

/**
 * One AuthzPolicy per list set in `authorization`, under `scope.parent`, named `${name}-authz-deny` and
 * `${name}-authz-allow`; validates nothing (the component that calls it has). Returns the policies' ids by
 * list.
 */
export function buildAuthorization(
    name: string,
    authorization: AuthorizationArgs,
    target: AuthorizationTarget,
    scope: BuildScope,
): Partial<Record<"deny" | "allow", pulumi.Output<string>>> {
    const { networksecurity } = optionalGcp;
    const ids: Partial<Record<"deny" | "allow", pulumi.Output<string>>> = {};
    for (const { field, action } of authorizationActions) {
        const rules = authorization[field];
        if (rules === undefined) {
            continue;
        }
        const policy = createChild(
            networksecurity.AuthzPolicy,
            `${name}-authz-${field}`,
            {
                name: gcpName(target.prefix, "authz", field),
                project: target.project,
                location: authorizationLocation(target.scheme, target.region),
                description: DESCRIPTIONS[field],
                action,
                target: {
                    loadBalancingScheme: schemeProfile(target.scheme).loadBalancingScheme,
                    resources: target.forwardingRules,
                },
                httpRules: rules.map(authorizationHttpRule),
            },
            scope,
        );
        ids[field] = policy.id;
    }
    return ids;
}
