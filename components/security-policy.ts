import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { gcpName, stableStringify } from "./naming";
import { replacementOptions } from "./replacement";
import { SecurityPolicyCreateArgs } from "./args/security-policy";
import { Scheme, schemeProfile } from "./schemes";
import { known } from "./validation";

export * from "./args/security-policy";

/**
 * What makes backends of one load balancer share one created policy: the same project and the same
 * `create` args. Sharing changes no behaviour — Cloud Armor applies a rate-limit threshold to each
 * backend service the policy is attached to separately — and saves a policy (billed per policy and rule).
 * No sharing when the project is an output (not known at preview).
 * @see https://cloud.google.com/armor/docs/rate-limiting-overview
 */
export function securityPolicyShareKey(
    create: SecurityPolicyCreateArgs,
    project: pulumi.Input<string> | undefined,
): string | undefined {
    const projectKey = project === undefined ? "" : known(project);
    return projectKey === undefined ? undefined : stableStringify({ project: projectKey, create });
}

/** Priority of the rule that admits only `allowIpRanges`. */
const ALLOW_LIST_PRIORITY = 900;
const DENY_LIST_PRIORITY = 1000;
const WAF_PRIORITY = 2000;
const RATE_LIMIT_PRIORITY = 3000;
/** The default rule every global policy must carry. */
export const DEFAULT_RULE_PRIORITY = 2147483647;

const ALL_IPS = { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: ["*"] } };

/** One Cloud Armor rule, as plain data. */
export interface SecurityPolicyRuleSpec {
    priority: number;
    action: string;
    description: string;
    match: { versionedExpr?: string; config?: { srcIpRanges: string[] }; expr?: { expression: string } };
    rateLimitOptions?: Record<string, unknown>;
}

/** The rules of a created policy, in priority order (the default rule excluded). */
export function securityPolicyRules(create: SecurityPolicyCreateArgs): SecurityPolicyRuleSpec[] {
    const rules: SecurityPolicyRuleSpec[] = [];
    if (create.allowIpRanges && create.allowIpRanges.length > 0) {
        const inRanges = create.allowIpRanges.map((range) => `inIpRange(origin.ip, '${range}')`).join(" || ");
        rules.push({
            priority: ALLOW_LIST_PRIORITY,
            action: "deny(403)",
            description: "Deny clients outside the allow list",
            match: { expr: { expression: `!(${inRanges})` } },
        });
    }
    if (create.denyIpRanges && create.denyIpRanges.length > 0) {
        rules.push({
            priority: DENY_LIST_PRIORITY,
            action: "deny(403)",
            description: "Deny listed source ranges",
            match: { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: create.denyIpRanges } },
        });
    }
    (create.preconfiguredWaf ?? []).forEach((ruleSet, i) =>
        rules.push({
            priority: WAF_PRIORITY + i,
            action: "deny(403)",
            description: `Preconfigured WAF ${ruleSet}`,
            match: { expr: { expression: `evaluatePreconfiguredWaf('${ruleSet}', {'sensitivity': 1})` } },
        }),
    );
    if (create.rateLimit) {
        const limit = create.rateLimit;
        const threshold = { count: limit.count, intervalSec: limit.intervalSec ?? 60 };
        const ban = limit.action === "ban";
        rules.push({
            priority: RATE_LIMIT_PRIORITY,
            action: ban ? "rate_based_ban" : "throttle",
            description: ban ? "Ban clients over the rate limit" : "Throttle clients over the rate limit",
            match: ALL_IPS,
            rateLimitOptions: {
                conformAction: "allow",
                exceedAction: ban ? "deny(403)" : "deny(429)",
                enforceOnKey: "IP",
                rateLimitThreshold: threshold,
                ...(ban ? { banDurationSec: limit.banDurationSec ?? 600 } : {}),
            },
        });
    }
    return rules;
}

/**
 * Creates the Cloud Armor policy of the scheme's scope with the rules of `create`; returns its id.
 * Global policies carry the default allow rule inline (the provider requires it once rules are
 * given); regional policies get their rules as separate `RegionSecurityPolicyRule`s next to the
 * default rule GCP creates.
 */
export function createSecurityPolicy(
    name: string,
    settings: {
        scheme: Scheme;
        physicalName: string;
        project?: pulumi.Input<string>;
        region?: string;
        create: SecurityPolicyCreateArgs;
    },
    parent: pulumi.Resource,
): pulumi.Output<string> {
    const rules = securityPolicyRules(settings.create);
    const physical = gcpName(settings.physicalName);
    if (schemeProfile(settings.scheme).scope === "regional") {
        const policy = new compute.RegionSecurityPolicy(
            name,
            {
                name: physical,
                project: settings.project,
                region: settings.region,
                type: "CLOUD_ARMOR",
                description: "Created by cloudrun-lb",
            },
            replacementOptions(compute.RegionSecurityPolicy, { parent }),
        );
        for (const rule of rules) {
            new compute.RegionSecurityPolicyRule(
                `${name}-rule-${rule.priority}`,
                {
                    project: settings.project,
                    region: settings.region!,
                    securityPolicy: policy.name,
                    ...rule,
                },
                replacementOptions(compute.RegionSecurityPolicyRule, { parent }),
            );
        }
        return policy.id;
    }
    const policy = new compute.SecurityPolicy(
        name,
        {
            name: physical,
            project: settings.project,
            type: "CLOUD_ARMOR",
            description: "Created by cloudrun-lb",
            rules: [
                ...rules,
                { priority: DEFAULT_RULE_PRIORITY, action: "allow", description: "Default rule", match: ALL_IPS },
            ],
            adaptiveProtectionConfig: settings.create.adaptiveProtection
                ? { layer7DdosDefenseConfig: { enable: true } }
                : undefined,
        },
        replacementOptions(compute.SecurityPolicy, { parent }),
    );
    return policy.id;
}
