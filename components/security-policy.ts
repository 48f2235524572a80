import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { gcpName, stableStringify } from "./naming";
import { replacementOptions } from "./replacement";
import { CustomRuleArgs, RateLimitArgs, SecurityPolicyCreateArgs } from "./args/security-policy";
import { Scheme, schemeProfile } from "./schemes";
import { known } from "./validation";

export * from "./args/security-policy";

/**
 * The type of an edge security policy: evaluated before the Cloud CDN cache, attached to backend buckets
 * and backend services of global external and classic load balancers. GCP sets a policy's type at creation
 * only ("This field can be set only at resource creation time"); the package gives edge policies resources
 * of their own, so no policy ever changes type.
 * @see https://cloud.google.com/armor/docs/security-policy-overview#edge-policies
 */
export const EDGE_POLICY_TYPE = "CLOUD_ARMOR_EDGE";

/**
 * What makes backends of one load balancer share one created policy: the same project, the same type
 * (backend or edge) and the same `create` args. Sharing changes no behaviour — Cloud Armor applies a
 * rate-limit threshold to each backend service the policy is attached to separately — and saves a policy
 * (billed per policy and rule). No sharing when the project is an output (not known at preview).
 * @see https://cloud.google.com/armor/docs/rate-limiting-overview
 */
export function securityPolicyShareKey(
    create: SecurityPolicyCreateArgs,
    project: pulumi.Input<string> | undefined,
    edge = false,
): string | undefined {
    const projectKey = project === undefined ? "" : known(project);
    if (projectKey === undefined) {
        return undefined;
    }
    return stableStringify(
        edge ? { project: projectKey, type: EDGE_POLICY_TYPE, create } : { project: projectKey, create },
    );
}

/** The default rule every global policy must carry. */
export const DEFAULT_RULE_PRIORITY = 2147483647;

/** Priority of the rule that admits only `allowIpRanges`. */
const ALLOW_LIST_PRIORITY = 900;
const GEO_ALLOW_PRIORITY = 950;
const DENY_LIST_PRIORITY = 1000;
/** First priority of the geo deny rules (one per five region codes). */
const GEO_DENY_PRIORITY = 1100;
/** First default priority of custom rules (by index), after the IP and geo lists, before the WAF rules. */
export const CUSTOM_RULE_PRIORITY = 1500;
const WAF_PRIORITY = 2000;
/** First priority of the per-path rate limits: before the catch-all rate limit, whose conform action allows. */
const PATH_RATE_LIMIT_PRIORITY = 2900;
const RATE_LIMIT_PRIORITY = 3000;
/** Highest priority a rule other than the default one may take. */
export const MAX_RULE_PRIORITY = DEFAULT_RULE_PRIORITY - 1;
/**
 * Sub-expressions one advanced match expression may join ("an expression with up to five subexpressions").
 * @see https://cloud.google.com/armor/docs/rules-language-reference
 */
export const MAX_SUBEXPRESSIONS = 5;

const ALL_IPS = { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: ["*"] } };

/** One Cloud Armor rule, as plain data. */
export interface SecurityPolicyRuleSpec {
    priority: number;
    action: string;
    description: string;
    match: { versionedExpr?: string; config?: { srcIpRanges: string[] }; expr?: { expression: string } };
    rateLimitOptions?: Record<string, unknown>;
    redirectOptions?: { type: string; target?: string };
    preview?: boolean;
}

/** `items` in groups of at most `size`. */
function chunks<T>(items: T[], size: number): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
}

/** One sub-expression per region code, joined with `||`. */
export function regionCodeExpression(codes: string[]): string {
    return codes.map((code) => `origin.region_code == '${code}'`).join(" || ");
}

/** One sub-expression per path prefix, joined with `||`. */
export function pathPrefixExpression(paths: string[]): string {
    return paths.map((path) => `request.path.startsWith('${path}')`).join(" || ");
}

/** The priority a custom rule gets: its own, else {@link CUSTOM_RULE_PRIORITY} + its index. */
export function customRulePriority(rule: CustomRuleArgs, index: number): number {
    return rule.priority ?? CUSTOM_RULE_PRIORITY + index;
}

/** The throttle or ban rule of one rate limit, matching `match`. */
function rateLimitRule(
    limit: RateLimitArgs,
    priority: number,
    match: SecurityPolicyRuleSpec["match"],
    scope: string,
): SecurityPolicyRuleSpec {
    const threshold = { count: limit.count, intervalSec: limit.intervalSec ?? 60 };
    const ban = limit.action === "ban";
    return {
        priority,
        action: ban ? "rate_based_ban" : "throttle",
        description: ban ? `Ban clients over the rate limit${scope}` : `Throttle clients over the rate limit${scope}`,
        match,
        rateLimitOptions: {
            conformAction: "allow",
            exceedAction: ban ? "deny(403)" : "deny(429)",
            enforceOnKey: "IP",
            rateLimitThreshold: threshold,
            ...(ban ? { banDurationSec: limit.banDurationSec ?? 600 } : {}),
        },
    };
}

/** The rules of a created policy, by priority (the default rule excluded). */
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
    if (create.geo?.allow && create.geo.allow.length > 0) {
        rules.push({
            priority: GEO_ALLOW_PRIORITY,
            action: "deny(403)",
            description: "Deny clients outside the allowed regions",
            match: { expr: { expression: `!(${regionCodeExpression(create.geo.allow)})` } },
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
    chunks(create.geo?.deny ?? [], MAX_SUBEXPRESSIONS).forEach((codes, i) =>
        rules.push({
            priority: GEO_DENY_PRIORITY + i,
            action: "deny(403)",
            description: "Deny listed regions",
            match: { expr: { expression: regionCodeExpression(codes) } },
        }),
    );
    (create.rules ?? []).forEach((rule, i) =>
        rules.push({
            priority: customRulePriority(rule, i),
            action: rule.action ?? "deny(403)",
            description: rule.description ?? "Custom rule",
            match: { expr: { expression: rule.expression } },
            ...(rule.redirect !== undefined
                ? {
                      redirectOptions: {
                          type: rule.redirect.type,
                          ...(rule.redirect.target !== undefined ? { target: rule.redirect.target } : {}),
                      },
                  }
                : {}),
            ...(rule.preview !== undefined ? { preview: rule.preview } : {}),
        }),
    );
    (create.preconfiguredWaf ?? []).forEach((ruleSet, i) =>
        rules.push({
            priority: WAF_PRIORITY + i,
            action: "deny(403)",
            description: `Preconfigured WAF ${ruleSet}`,
            match: { expr: { expression: `evaluatePreconfiguredWaf('${ruleSet}', {'sensitivity': 1})` } },
        }),
    );
    (create.rateLimits ?? []).forEach((limit, i) =>
        rules.push(
            rateLimitRule(
                limit,
                PATH_RATE_LIMIT_PRIORITY + i,
                { expr: { expression: pathPrefixExpression(limit.paths) } },
                " on these paths",
            ),
        ),
    );
    if (create.rateLimit) {
        rules.push(rateLimitRule(create.rateLimit, RATE_LIMIT_PRIORITY, ALL_IPS, ""));
    }
    return rules.sort((a, b) => a.priority - b.priority);
}

/**
 * Creates the Cloud Armor policy of the scheme's scope with the rules of `create`; returns its id.
 * Global policies carry the default allow rule inline (the provider requires it once rules are
 * given); regional policies get their rules as separate `RegionSecurityPolicyRule`s next to the
 * default rule GCP creates. With `edge`, a global edge policy (type CLOUD_ARMOR_EDGE), for the global
 * schemes that have one.
 */
export function createSecurityPolicy(
    name: string,
    settings: {
        scheme: Scheme;
        physicalName: string;
        project?: pulumi.Input<string>;
        region?: string;
        create: SecurityPolicyCreateArgs;
        /** An edge policy (validation admits it on global external and classic only). */
        edge?: boolean;
    },
    parent: pulumi.Resource,
): pulumi.Output<string> {
    const rules = securityPolicyRules(settings.create);
    const physical = gcpName(settings.physicalName);
    const edge = settings.edge === true;
    if (!edge && schemeProfile(settings.scheme).scope === "regional") {
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
            type: edge ? EDGE_POLICY_TYPE : "CLOUD_ARMOR",
            description: edge ? "Edge policy created by cloudrun-lb" : "Created by cloudrun-lb",
            rules: [
                ...rules,
                { priority: DEFAULT_RULE_PRIORITY, action: "allow", description: "Default rule", match: ALL_IPS },
            ],
            adaptiveProtectionConfig:
                settings.create.adaptiveProtection && !edge ? { layer7DdosDefenseConfig: { enable: true } } : undefined,
        },
        replacementOptions(compute.SecurityPolicy, { parent }),
    );
    return policy.id;
}

/**
 * Longest advanced match expression, characters (Cloud Armor quotas and limits, UNCONFIRMED verbatim here: the
 * rule is refused by GCP when longer).
 * @see https://cloud.google.com/armor/quotas
 */
export const MAX_EXPRESSION_LENGTH = 2048;

/**
 * Names an expression may start a member chain or call with: the attributes and functions of the custom rules
 * language, and CEL's literals and conversions.
 * @see https://cloud.google.com/armor/docs/rules-language-reference
 */
const EXPRESSION_ROOTS = new Set([
    "request",
    "origin",
    "token",
    "inIpRange",
    "evaluatePreconfiguredWaf",
    "evaluatePreconfiguredExpr",
    "evaluateThreatIntelligence",
    "evaluateAddressGroup",
    "evaluateOrganizationAddressGroup",
    "lower",
    "upper",
    "urlDecode",
    "urlDecodeUni",
    "utf8ToUnicode",
    "base64Decode",
    "removeNulls",
    "compressWhiteSpace",
    "has",
    "in",
    "size",
    "int",
    "uint",
    "double",
    "bool",
    "bytes",
    "string",
    "true",
    "false",
    "null",
]);

/** One problem of an advanced match expression: the reason and the fix. */
export interface ExpressionProblem {
    message: string;
    fix: string;
}

/** An expression with its string literals blanked out (so brackets, joins and names are only the code's), and an unclosed quote. */
function blankStringLiterals(expression: string): { code: string; openQuote?: string } {
    const out: string[] = [];
    let quote: string | undefined;
    for (let i = 0; i < expression.length; i++) {
        const c = expression[i];
        if (quote !== undefined) {
            if (c === "\\") i++;
            else if (c === quote) quote = undefined;
            out.push(" ");
        } else if (c === "'" || c === '"') {
            quote = c;
            out.push(" ");
        } else {
            out.push(c);
        }
    }
    return { code: out.join(""), openQuote: quote };
}

/**
 * A syntax check of a custom rules language expression good enough to catch typos before GCP does: length,
 * closed quotes, balanced brackets, at most five `&&`/`||`-joined sub-expressions, known attribute roots.
 */
export function expressionProblems(expression: string): ExpressionProblem[] {
    if (expression.trim() === "") {
        return [{ message: "is empty", fix: "write a condition such as \"request.path.startsWith('/admin')\"" }];
    }
    const problems: ExpressionProblem[] = [];
    if (expression.length > MAX_EXPRESSION_LENGTH) {
        problems.push({
            message: `is ${expression.length} characters; Cloud Armor takes at most ${MAX_EXPRESSION_LENGTH}`,
            fix: "split the condition over several rules",
        });
    }
    const { code, openQuote } = blankStringLiterals(expression);
    const closers: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
    const open: string[] = [];
    let joins = 0;
    let unbalanced: string | undefined;
    for (let i = 0; i < code.length; i++) {
        const c = code[i];
        if (c in closers) {
            open.push(closers[c]);
        } else if (c === ")" || c === "]" || c === "}") {
            if (open.pop() !== c) unbalanced ??= `closes "${c}" that was not opened`;
        } else if ((c === "&" || c === "|") && code[i + 1] === c) {
            joins++;
            i++;
        }
    }
    if (openQuote !== undefined) {
        problems.push({ message: `has an unclosed ${openQuote} quote`, fix: "close every string literal" });
    }
    if (unbalanced === undefined && open.length > 0) unbalanced = `leaves "${open[open.length - 1]}" unclosed`;
    if (unbalanced !== undefined) {
        problems.push({ message: unbalanced, fix: "balance the parentheses and brackets" });
    }
    if (joins + 1 > MAX_SUBEXPRESSIONS) {
        problems.push({
            message: `joins ${joins + 1} sub-expressions with && or ||; Cloud Armor takes at most ${MAX_SUBEXPRESSIONS}`,
            fix: "split the condition over several rules",
        });
    }
    const unknownRoots = new Set<string>();
    for (const match of code.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
        const before = code.slice(0, match.index).trimEnd();
        if (before.endsWith(".") || /\d$/.test(before) || EXPRESSION_ROOTS.has(match[0])) continue;
        unknownRoots.add(match[0]);
    }
    if (unknownRoots.size > 0) {
        problems.push({
            message: `uses ${[...unknownRoots].map((name) => `"${name}"`).join(", ")}, not an attribute or function of the custom rules language`,
            fix: "start attributes with request., origin. or token., and call Cloud Armor functions such as inIpRange() or evaluatePreconfiguredWaf()",
        });
    }
    return problems;
}

/**
 * The attributes an edge security policy evaluates on a global external or classic Application Load
 * Balancer: the client's IP address and region. Edge policies take `origin.asn`, `request.headers`,
 * `request.method`, `request.path`, `request.query` and `request.scheme` too, but Cloud Armor's policy-type
 * table marks client ASN, HTTP filtering and Google Threat Intelligence "Media CDN only" for edge policies.
 * @see https://cloud.google.com/armor/docs/rules-language-reference#attributes
 * @see https://cloud.google.com/armor/docs/security-policy-overview#policy-types
 */
export const EDGE_EXPRESSION_ATTRIBUTES = ["origin.ip", "origin.region_code"] as const;

/**
 * What an expression uses that an edge policy on an Application Load Balancer does not evaluate: other
 * attributes than {@link EDGE_EXPRESSION_ATTRIBUTES}, and Cloud Armor's `evaluate…()` functions (WAF rule
 * sets, named IP lists, threat intelligence, address groups).
 */
export function edgeExpressionProblems(expression: string): ExpressionProblem[] {
    const { code } = blankStringLiterals(expression);
    const allowed: readonly string[] = EDGE_EXPRESSION_ATTRIBUTES;
    const refused = new Set<string>();
    for (const match of code.matchAll(/(?<![.\w])(request|origin|token)\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/g)) {
        const attribute = `${match[1]}.${match[2]}`;
        if (!allowed.includes(attribute)) refused.add(attribute);
    }
    for (const match of code.matchAll(/(?<![.\w])(evaluate[A-Za-z]*)\s*\(/g)) {
        refused.add(`${match[1]}()`);
    }
    if (refused.size === 0) {
        return [];
    }
    return [
        {
            message: `uses ${[...refused].join(", ")}, which an edge security policy on an Application Load Balancer does not evaluate (request attributes and origin.asn are Media CDN only)`,
            fix: "match on origin.ip (with inIpRange) and origin.region_code only; rules on paths, headers or WAF rule sets belong in a backend policy (securityPolicy) on a backend service",
        },
    ];
}
