/** Arguments of a Cloud Armor security policy on a backend. */
import * as pulumi from "@pulumi/pulumi";

/**
 * What a rate-limit rule does to a client over the threshold: throttle (answer 429 past the rate) or
 * ban (answer 403 for `banDurationSec` once over the rate).
 * @see https://cloud.google.com/armor/docs/rate-limiting-overview
 */
export const RateLimitAction = {
    Throttle: "throttle",
    Ban: "ban",
} as const;
export type RateLimitAction = (typeof RateLimitAction)[keyof typeof RateLimitAction];

/**
 * Per-client-IP rate limiting, applied to every request.
 * @see https://cloud.google.com/armor/docs/rate-limiting-overview
 */
export interface RateLimitArgs {
    /**
     * Throttle or ban.
     * @default "throttle"
     * @example "ban"
     */
    action?: RateLimitAction;
    /**
     * Requests allowed per client IP in each interval.
     * @example 100
     */
    count: number;
    /**
     * Interval, seconds: 10, 30, 60, 120, 180, 240, 300, 600, 900, 1200, 1800, 2700 or 3600.
     * @default 60
     * @example 60
     */
    intervalSec?: number;
    /**
     * How long a banned client stays banned, seconds (ban only).
     * @default 600
     * @example 300
     */
    banDurationSec?: number;
}

/**
 * What a custom rule does to a request its expression matches: let it through, answer 403, 404 or 502, or
 * redirect it (`redirect`, global external and classic backend policies only).
 * @see https://cloud.google.com/armor/docs/security-policy-overview#actions
 */
export const CustomRuleAction = {
    Allow: "allow",
    Deny403: "deny(403)",
    Deny404: "deny(404)",
    Deny502: "deny(502)",
    Redirect: "redirect",
} as const;
export type CustomRuleAction = (typeof CustomRuleAction)[keyof typeof CustomRuleAction];

/**
 * Where a redirect rule sends a matching request: to a reCAPTCHA challenge page (`GOOGLE_RECAPTCHA`, with a
 * Google-managed site key) or, with a 302, to a URL of yours (`EXTERNAL_302`).
 * @see https://cloud.google.com/armor/docs/bot-management
 */
export const CustomRuleRedirectType = {
    GoogleRecaptcha: "GOOGLE_RECAPTCHA",
    External302: "EXTERNAL_302",
} as const;
export type CustomRuleRedirectType = (typeof CustomRuleRedirectType)[keyof typeof CustomRuleRedirectType];

/**
 * The redirect of a custom rule with action `redirect`. Global backend policies only (global external and
 * classic `securityPolicy`): GCP takes no redirect in regional or edge policies.
 * @see https://cloud.google.com/armor/docs/bot-management
 */
export interface CustomRuleRedirectArgs {
    /**
     * A reCAPTCHA challenge or a 302 to `target`.
     * @example "EXTERNAL_302"
     */
    type: CustomRuleRedirectType;
    /**
     * The absolute http(s) URL a 302 sends the client to (`EXTERNAL_302` only; `GOOGLE_RECAPTCHA` takes none).
     * @default undefined
     * @example "https://www.example.com/blocked.html"
     */
    target?: string;
}

/**
 * A Cloud Armor rule with an advanced match condition written in the custom rules language (a CEL subset).
 * @see https://cloud.google.com/armor/docs/rules-language-reference
 */
export interface CustomRuleArgs {
    /**
     * Rule priority, 0 (evaluated first) to 2147483646, unique in the policy and not one of the priorities of
     * the policy's own rules (allow list 900, geo 950 and 1100+, deny list 1000, WAF 2000+, per-path rate
     * limits 2900+, rate limit 3000).
     * @default 1500 + the rule's index (after IP and geo lists, before WAF rules)
     * @example 100
     */
    priority?: number;
    /**
     * What to do with a matching request (`redirect` takes `redirect`).
     * @default "deny(403)"
     * @example "allow"
     */
    action?: CustomRuleAction;
    /**
     * Where a rule with action `redirect` sends the request (global external and classic backend policies).
     * @default undefined
     * @example { type: "EXTERNAL_302", target: "https://www.example.com/blocked.html" }
     */
    redirect?: CustomRuleRedirectArgs;
    /**
     * The match condition: at most 2048 characters and five sub-expressions joined by `&&` or `||`, over the
     * attributes `request.*`, `origin.*`, `token.*` and Cloud Armor's functions (`inIpRange`, `evaluatePreconfiguredWaf`, ...).
     * @example "request.path.startsWith('/admin') && !inIpRange(origin.ip, '203.0.113.0/24')"
     */
    expression: string;
    /**
     * What the rule is for: at most 64 characters.
     * @default "Custom rule"
     * @example "Admin only from the office"
     */
    description?: string;
    /**
     * Log what the rule would do without enforcing it.
     * @default false
     * @example true
     */
    preview?: boolean;
}

/**
 * Which countries and regions (ISO 3166-1 alpha-2 codes, as `origin.region_code` reports them) get in.
 * Set `allow` or `deny`, not both.
 * @see https://cloud.google.com/armor/docs/rules-language-reference#attributes
 */
export interface GeoArgs {
    /**
     * Only clients from these regions get in; every other client gets 403. At most five codes (one expression).
     * @default undefined (every region)
     * @example ["CH", "DE"]
     */
    allow?: string[];
    /**
     * Clients from these regions get 403 (five codes per rule; more codes make more rules).
     * @default undefined
     * @example ["KP"]
     */
    deny?: string[];
}

/**
 * A per-client-IP rate limit applied only to requests whose path starts with one of `paths`.
 * @see https://cloud.google.com/armor/docs/rate-limiting-overview
 */
export interface PathRateLimitArgs extends RateLimitArgs {
    /**
     * Path prefixes the limit applies to: at most five, each starting with "/".
     * @example ["/login"]
     */
    paths: string[];
}

/**
 * A Cloud Armor policy this package creates: global for global-external and classic, regional for
 * regional-external and regional-internal. Rules are evaluated in this order: allow list (everyone
 * else denied), geo allow, deny list, geo deny, custom `rules` (unless given a priority), preconfigured WAF
 * rules, per-path rate limits, rate limit; what passes is allowed. As an edge policy (`edgeSecurityPolicy`)
 * it takes the IP and geo lists, `rateLimit` and `rules` over `origin.ip` and `origin.region_code` only.
 * @see https://cloud.google.com/armor/docs/security-policy-overview
 */
export interface SecurityPolicyCreateArgs {
    /**
     * Preconfigured WAF rule sets answered with 403 (sensitivity 1).
     * @default []
     * @example ["sqli-v33-stable", "xss-v33-stable"]
     */
    preconfiguredWaf?: string[];
    /**
     * Only these source ranges get in; every other client gets 403.
     * @default [] (everyone)
     * @example ["203.0.113.0/24"]
     */
    allowIpRanges?: string[];
    /**
     * These source ranges get 403.
     * @default []
     * @example ["198.51.100.0/24"]
     */
    denyIpRanges?: string[];
    /**
     * Per-client-IP rate limiting.
     * @default undefined
     * @example { action: "throttle", count: 100, intervalSec: 60 }
     */
    rateLimit?: RateLimitArgs;
    /**
     * Rules with custom expressions, evaluated by priority among the policy's own rules.
     * @default []
     * @example [{ priority: 100, action: "deny(404)", expression: "request.path.startsWith('/internal')" }]
     */
    rules?: CustomRuleArgs[];
    /**
     * Allow or deny clients by region code.
     * @default undefined (every region)
     * @example { deny: ["KP", "IR"] }
     */
    geo?: GeoArgs;
    /**
     * Per-path rate limits, evaluated before `rateLimit` (a request under a path limit is allowed and skips `rateLimit`).
     * @default []
     * @example [{ paths: ["/login"], count: 10, intervalSec: 60 }]
     */
    rateLimits?: PathRateLimitArgs[];
    /**
     * Adaptive Protection (layer-7 DDoS detection): global backend policies only (not edge policies).
     * @default false
     * @example true
     */
    adaptiveProtection?: boolean;
}

/**
 * The Cloud Armor policy of a backend: one created here, or an existing one. As `securityPolicy`, a backend
 * policy (not on cross-region internal: UNCONFIRMED, not listed by Cloud Armor); as `edgeSecurityPolicy`, an
 * edge policy (global external and classic), which takes IP, geo and rate-limit rules only.
 * @see https://cloud.google.com/armor/docs/security-policy-overview
 */
export interface BackendSecurityPolicyArgs {
    /**
     * Create a policy for this backend. Exclusive with `existing`. Backends of one load balancer with
     * the same `create` (and project) share one policy.
     * @default undefined
     * @example { preconfiguredWaf: ["sqli-v33-stable", "xss-v33-stable"], rateLimit: { count: 100 } }
     */
    create?: SecurityPolicyCreateArgs;
    /**
     * Id or self link of an existing policy of the scheme's scope (an edge policy: global, type
     * CLOUD_ARMOR_EDGE). Exclusive with `create`.
     * @default undefined
     * @example "projects/sec/global/securityPolicies/org-waf"
     */
    existing?: pulumi.Input<string>;
}
