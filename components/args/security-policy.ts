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
 * A Cloud Armor policy this package creates: global for global-external and classic, regional for
 * regional-external and regional-internal. Rules are evaluated in this order: allow list (everyone
 * else denied), deny list, preconfigured WAF rules, rate limit; what passes is allowed.
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
     * Adaptive Protection (layer-7 DDoS detection): global policies only.
     * @default false
     * @example true
     */
    adaptiveProtection?: boolean;
}

/**
 * The Cloud Armor policy of a backend: one created here, or an existing one. Not on cross-region
 * internal (UNCONFIRMED: not listed by Cloud Armor).
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
     * Id or self link of an existing policy of the scheme's scope. Exclusive with `create`.
     * @default undefined
     * @example "projects/sec/global/securityPolicies/org-waf"
     */
    existing?: pulumi.Input<string>;
}
