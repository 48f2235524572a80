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
import { BackendSettingsContext, backendServiceRules, backendSettingsRules } from "./rules";

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
 * The backend service settings of one backend, creating its Cloud Armor policy if asked — or reusing
 * the one already created for an earlier backend (in key order) with the same `create` and project.
 */
function backendSettings(build: BackendBuildContext): BackendSettingsArgs {
    const { name, prefix, args, key, backend } = build;
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
                    region: build.regions[0],
                    create: policy.create,
                },
                build.parent,
            );
            if (shareKey !== undefined) {
                sharedPolicies.set(shareKey, created);
            }
        }
        securityPolicy = created;
    }
    return {
        customRequestHeaders: backend.customRequestHeaders,
        iap: backend.iap,
        cdn: backend.cdn,
        outlierDetection: backend.outlierDetection,
        securityPolicy,
    };
}
