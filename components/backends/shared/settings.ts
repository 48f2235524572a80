/**
 * What every backend kind that creates a backend service shares inside a load balancer: the settings context
 * its rules read, the validation of the shared settings, and the builder arguments (with Cloud Armor).
 */
import * as pulumi from "@pulumi/pulumi";
import { gcpName } from "../../naming";
import { createSecurityPolicy, securityPolicyShareKey } from "../../security-policy";
import { nestProblems, Problem, runRules } from "../../validation";
import type { BackendBuildContext, BackendContext } from "../kind";
import type { BackendLoggingArgs, BackendSettingsArgs } from "./args";
import type { BackendSecurityPolicyArgs } from "../../args/security-policy";
import { BackendSettingsContext, backendServiceRules, backendSettingsRules } from "./rules";
import { clientCertificateCustomRequestHeaders } from "../../args/frontend";

/** The VPC a hybrid or internet NEG of an Envoy-based load balancer defaults to, as its rules name it. */
export const LOAD_BALANCER_VPC = "(the load balancer's VPC)";

/** What the backend-level rules read of one backend of a load balancer. */
export function settingsContext(backend: BackendContext): BackendSettingsContext {
    return {
        scheme: backend.args.scheme,
        backend: backend.backend,
        lbProject: backend.lbProject,
        existingNetwork: backend.args.network?.existing !== undefined,
    };
}

/** Problems of the settings every backend has (outlier detection, headers, IAP, CDN, Cloud Armor, project). */
export function validateBackendSettings(backend: BackendContext): Problem[] {
    return nestProblems(`backends.${backend.key}`, [
        ...runRules(backendServiceRules, {
            scheme: backend.args.scheme,
            outlierDetection: backend.backend.outlierDetection,
        }),
        ...runRules(backendSettingsRules, settingsContext(backend)),
    ]);
}

/** The builder arguments every backend service kind takes. */
export interface CommonBackendOptions {
    namePrefix: string;
    scheme: BackendContext["args"]["scheme"];
    project: pulumi.Input<string> | undefined;
    description: string | undefined;
    logging: BackendLoggingArgs | undefined;
    settings: BackendSettingsArgs;
}

/** The builder arguments every backend service kind takes, for one backend of a load balancer. */
export function commonBackendArgs(build: BackendBuildContext): CommonBackendOptions {
    const { backend } = build;
    return {
        namePrefix: gcpName(build.prefix, build.key),
        scheme: build.args.scheme,
        project: backend.project ?? build.args.project,
        description: backend.description,
        logging: backend.logging,
        settings: backendSettings(build),
    };
}

/**
 * The id of one of a backend's Cloud Armor policies — the backend policy (`securityPolicy`) or the edge policy
 * (`edgeSecurityPolicy`): the existing one, or one created here — or reused from an earlier backend (in key
 * order) with the same `create`, type and project.
 */
function policyRef(build: BackendBuildContext, policy: BackendSecurityPolicyArgs | undefined, edge: boolean) {
    if (policy?.create === undefined) {
        return policy?.existing;
    }
    const { name, prefix, args, key, backend } = build;
    const project = backend.project ?? args.project;
    const shareKey = securityPolicyShareKey(policy.create, project, edge);
    let created = shareKey !== undefined ? build.sharedSecurityPolicies.get(shareKey) : undefined;
    if (created === undefined) {
        created = createSecurityPolicy(
            `${name}-${key}-${edge ? "edge-security-policy" : "security-policy"}`,
            {
                scheme: args.scheme,
                physicalName: gcpName(prefix, key, edge ? "edge-armor" : "armor"),
                project,
                region: build.regions[0],
                create: policy.create,
                edge,
            },
            build.parent,
        );
        if (shareKey !== undefined) {
            build.sharedSecurityPolicies.set(shareKey, created);
        }
    }
    return created;
}

/** The id of a backend's Cloud Armor edge policy (created, shared or existing), or undefined without one. */
export function edgeSecurityPolicyRef(build: BackendBuildContext): pulumi.Input<string> | undefined {
    return policyRef(build, build.backend.edgeSecurityPolicy, true);
}

/** The backend service settings of one backend, creating its Cloud Armor policies if asked (or sharing them). */
function backendSettings(build: BackendBuildContext): BackendSettingsArgs {
    const { args, backend } = build;
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
        securityPolicy: policyRef(build, backend.securityPolicy, false),
        edgeSecurityPolicy: edgeSecurityPolicyRef(build),
    };
}
