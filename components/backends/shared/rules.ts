import type { BackendArgs } from "../../args/load-balancer";
import { featureSupport, schemeProfile, Scheme, supports } from "../../schemes";
import { Finding, known, quoteValue, Rule, thousands } from "../../validation";
import { INTERNET_NEG_INGRESS_NOTE } from "../internet/rules";
import {
    IPV4,
    isIpv6,
    linkMismatch,
    parseComputeLink,
    SchemeOption,
    schemeOptionFindings,
    unsupportedFinding,
} from "../../rules/common";
import {
    BackendSecurityPolicyArgs,
    CustomRuleAction,
    CustomRuleArgs,
    CustomRuleRedirectType,
    GeoArgs,
    PathRateLimitArgs,
    RateLimitAction,
    RateLimitArgs,
    SecurityPolicyCreateArgs,
} from "../../args/security-policy";
import {
    customRulePriority,
    DEFAULT_RULE_PRIORITY,
    edgeExpressionProblems,
    expressionProblems,
    MAX_RULE_PRIORITY,
    MAX_SUBEXPRESSIONS,
    securityPolicyRules,
} from "../../security-policy";
import { invalidNameReason } from "../../naming";
import type { BackendSettingsArgs, OutlierDetectionArgs } from "./args";

/** What the backend-level rules see: one backend of a load balancer and the load balancer around it. */
export interface BackendSettingsContext {
    scheme: Scheme;
    backend: BackendArgs;
    /** The load balancer's project when known (args.project, else the `gcp:project` config). */
    lbProject?: string;
    /** Whether the load balancer runs in an existing network (`network.existing`, e.g. a Shared VPC). */
    existingNetwork: boolean;
}

/** Custom request headers per backend service (https://cloud.google.com/load-balancing/docs/https/custom-headers). */
export const MAX_CUSTOM_REQUEST_HEADERS = 16;
const FORBIDDEN_HEADER_PREFIXES = ["x-google", "x-goog-", "x-gfe", "x-amz-"];
const FORBIDDEN_HEADERS = ["x-user-ip", "cdn-loop"];
const HOP_BY_HOP = [
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "trailers",
    "transfer-encoding",
    "upgrade",
];
/** The largest rate-limit threshold count (https://cloud.google.com/armor/docs/rate-limiting-overview: "The minimum value is 1 and the maximum value is 1,000,000"). */
export const RATE_LIMIT_COUNT_MAX = 1_000_000;
/** Rate-limit intervals Cloud Armor accepts. */
export const RATE_LIMIT_INTERVALS = [10, 30, 60, 120, 180, 240, 300, 600, 900, 1200, 1800, 2700, 3600];
const WAF_RULE_SET = /^[a-z0-9]+(-[a-z0-9]+)*-(stable|canary)$/;
const PREFIX_LENGTH = /^\d{1,3}$/;

/** An IPv4 or IPv6 address, optionally with a prefix length (Cloud Armor source ranges). */
function isIpOrCidr(text: string): boolean {
    const slash = text.indexOf("/");
    const address = slash < 0 ? text : text.slice(0, slash);
    const prefix = slash < 0 ? undefined : text.slice(slash + 1);
    const max = IPV4.test(address) ? 32 : isIpv6(address) ? 128 : -1;
    return max >= 0 && (prefix === undefined || (PREFIX_LENGTH.test(prefix) && Number(prefix) <= max));
}

/**
 * The statuses Cloud CDN negative caching takes per-status TTLs for: Compute API
 * BackendServiceCdnPolicyNegativeCachingPolicy.code ("Only HTTP status codes 300, 301, 302, 307, 308, 404, 405, 410,
 * 421, 451 and 501 can be specified"); https://cloud.google.com/cdn/docs/using-negative-caching lists 302 and 307 as
 * temporary redirects not cached by default.
 */
export const NEGATIVE_CACHING_CODES = [300, 301, 302, 307, 308, 404, 405, 410, 421, 451, 501];
/** Longest negative-caching TTL, seconds ("The maximum allowed value is 1800s"). */
export const NEGATIVE_CACHING_TTL_MAX = 1800;

/** Whether `value` is a 128-bit key in RFC 4648 §5 base64url, as Cloud CDN signed URL keys must be. */
export function isSignedUrlKey(value: string): boolean {
    return /^[A-Za-z0-9_-]{22}(==)?$/.test(value) && /[AQgw]$/.test(value.replace(/==$/, ""));
}

/** Problems of one rate limit at `at` (the catch-all one or a per-path one). */
function rateLimitFindings(limit: RateLimitArgs, at: string): Finding[] {
    const findings: Finding[] = [];
    const actions: string[] = Object.values(RateLimitAction);
    if (limit.action !== undefined && !actions.includes(limit.action)) {
        findings.push({
            field: `${at}.action`,
            message: `"${limit.action}" is not a rate-limit action`,
            fix: `use one of ${actions.map((a) => `"${a}"`).join(", ")}`,
        });
    }
    if (!(Number.isInteger(limit.count) && limit.count > 0 && limit.count <= RATE_LIMIT_COUNT_MAX)) {
        findings.push({
            field: `${at}.count`,
            message: `${Number.isFinite(limit.count) ? thousands(limit.count) : limit.count} is not a whole number of requests from 1 to ${thousands(RATE_LIMIT_COUNT_MAX)}`,
            fix: `set count to the requests one client IP may send per interval, from 1 to ${thousands(RATE_LIMIT_COUNT_MAX)}, e.g. 100`,
        });
    }
    if (limit.intervalSec !== undefined && !RATE_LIMIT_INTERVALS.includes(limit.intervalSec)) {
        findings.push({
            field: `${at}.intervalSec`,
            message: `${limit.intervalSec} s is not an interval Cloud Armor accepts`,
            fix: `use one of ${RATE_LIMIT_INTERVALS.join(", ")}`,
        });
    }
    if (limit.banDurationSec !== undefined && limit.action !== "ban") {
        findings.push({
            field: `${at}.banDurationSec`,
            message: 'is set but action is not "ban"',
            fix: 'set action: "ban", or drop banDurationSec',
        });
    }
    return findings;
}

/** A path prefix that can sit in a quoted CEL string as is. */
const PATH_PREFIX = /^\/[^'"\\\s]*$/;

/** Problems of one per-path rate limit: its paths (one expression of at most five), then the limit itself. */
function pathRateLimitFindings(limit: PathRateLimitArgs, at: string): Finding[] {
    const findings: Finding[] = [];
    const paths = limit.paths ?? [];
    if (paths.length === 0) {
        findings.push({ field: `${at}.paths`, message: "is empty", fix: 'list path prefixes such as "/login"' });
    } else if (paths.length > MAX_SUBEXPRESSIONS) {
        findings.push({
            field: `${at}.paths`,
            message: `has ${paths.length} paths; one rule expression takes at most ${MAX_SUBEXPRESSIONS}`,
            fix: `split the paths over several rateLimits entries of at most ${MAX_SUBEXPRESSIONS}`,
        });
    }
    paths.forEach((path, j) => {
        if (!PATH_PREFIX.test(path)) {
            findings.push({
                field: `${at}.paths[${j}]`,
                message: `"${path}" is not a path prefix`,
                fix: 'use a path that starts with "/" and has no quotes, backslashes or spaces, such as "/login"',
            });
        }
    });
    return [...findings, ...rateLimitFindings(limit, at)];
}

/** ISO 3166-1 alpha-2, as `origin.region_code` reports it (https://cloud.google.com/armor/docs/rules-language-reference). */
const REGION_CODE = /^[A-Z]{2}$/;

/** Problems of the geo lists: one of allow/deny, region codes, at most five allowed codes (one negated expression). */
function geoFindings(geo: GeoArgs, at: string): Finding[] {
    const findings: Finding[] = [];
    if (geo.allow !== undefined && geo.deny !== undefined) {
        findings.push({
            field: at,
            message: "sets both allow and deny",
            fix: "keep one of geo.allow and geo.deny (an allow list already denies every other region)",
        });
    }
    if (geo.allow !== undefined && geo.allow.length > MAX_SUBEXPRESSIONS) {
        findings.push({
            field: `${at}.allow`,
            message: `has ${geo.allow.length} region codes; the allow rule is one expression of at most ${MAX_SUBEXPRESSIONS}`,
            fix: `allow at most ${MAX_SUBEXPRESSIONS} regions, or use geo.deny (any number of codes)`,
        });
    }
    for (const list of ["allow", "deny"] as const) {
        (geo[list] ?? []).forEach((code, i) => {
            if (!REGION_CODE.test(code)) {
                findings.push({
                    field: `${at}.${list}[${i}]`,
                    message: `"${code}" is not an ISO 3166-1 alpha-2 region code`,
                    fix: 'use two uppercase letters such as "DE" or "US"',
                });
            }
        });
    }
    return findings;
}

/** Longest rule description (pulumi-gcp SecurityPolicyRule.description: "Max size is 64"). */
const MAX_RULE_DESCRIPTION = 64;

/** Which policy a `create` builds: a backend policy (`securityPolicy`) or an edge one (`edgeSecurityPolicy`), on which scheme and backend. */
interface PolicyContext {
    scheme: Scheme;
    edge: boolean;
    /** Whether the backend is a bucket, which takes no backend policy (fixes point elsewhere). */
    bucket: boolean;
}

/** Where a rule an edge policy lacks goes instead: a backend policy, which a bucket backend cannot have. */
function backendPolicyInstead(policy: PolicyContext, what: string): string {
    return policy.bucket
        ? `drop it: ${what} need a backend policy (securityPolicy), which only backend services take`
        : `move it to securityPolicy.create (a backend policy, evaluated behind the cache)`;
}

/** An absolute http or https URL, as a 302 redirect target. */
function isHttpUrl(text: string): boolean {
    try {
        const url = new URL(text);
        return (url.protocol === "https:" || url.protocol === "http:") && url.host !== "";
    } catch {
        return false;
    }
}

/** Problems of a custom rule's redirect: action and redirect together, the type, the target; global backend policies only. */
function redirectFindings(rule: CustomRuleArgs, field: string, policy: PolicyContext): Finding[] {
    const redirect = rule.redirect;
    if (rule.action !== "redirect") {
        return redirect === undefined
            ? []
            : [
                  {
                      field: `${field}.redirect`,
                      message: 'is set but action is not "redirect"',
                      fix: 'set action: "redirect", or drop redirect',
                  },
              ];
    }
    if (policy.edge) {
        return [
            {
                field: `${field}.action`,
                message: '"redirect" is not an action of edge security policies, which allow, deny or rate-limit',
                fix: `use allow or deny(403), deny(404) or deny(502) here; for a redirect, ${backendPolicyInstead(policy, "redirects")}`,
            },
        ];
    }
    if (!supports(policy.scheme, "cloudArmorRedirect")) {
        return [unsupportedFinding(policy.scheme, "cloudArmorRedirect", `${field}.action`, "A redirect rule")];
    }
    if (redirect === undefined) {
        return [
            {
                field: `${field}.redirect`,
                message: 'is missing: a rule with action "redirect" needs a redirect type',
                fix: 'set redirect: { type: "GOOGLE_RECAPTCHA" } or { type: "EXTERNAL_302", target: "https://www.example.com/blocked.html" }',
            },
        ];
    }
    const types: string[] = Object.values(CustomRuleRedirectType);
    if (!types.includes(redirect.type)) {
        return [
            {
                field: `${field}.redirect.type`,
                message: `${quoteValue(redirect.type)} is not a redirect type`,
                fix: `use one of ${types.map((t) => `"${t}"`).join(", ")}`,
            },
        ];
    }
    if (redirect.type === "GOOGLE_RECAPTCHA") {
        return redirect.target === undefined
            ? []
            : [
                  {
                      field: `${field}.redirect.target`,
                      message: "is set, but a GOOGLE_RECAPTCHA redirect takes no target",
                      fix: 'drop target, or use type "EXTERNAL_302" to send clients to a URL',
                  },
              ];
    }
    if (redirect.target === undefined) {
        return [
            {
                field: `${field}.redirect.target`,
                message: "is missing: an EXTERNAL_302 redirect needs the URL to send the client to",
                fix: 'set target to an absolute URL such as "https://www.example.com/blocked.html"',
            },
        ];
    }
    return isHttpUrl(redirect.target)
        ? []
        : [
              {
                  field: `${field}.redirect.target`,
                  message: `${quoteValue(redirect.target)} is not an absolute http or https URL`,
                  fix: 'use an absolute URL such as "https://www.example.com/blocked.html"',
              },
          ];
}

/**
 * Problems of the custom rules: action (and redirect), expression (attributes an edge policy evaluates, on
 * one), description, and priorities that are whole numbers in 0..2147483646, unique, and not taken by the
 * policy's own rules.
 */
function customRuleFindings(create: SecurityPolicyCreateArgs, at: string, policy: PolicyContext): Finding[] {
    const findings: Finding[] = [];
    const own = securityPolicyRules({ ...create, rules: [] });
    const ownPriorities = own.map((rule) => rule.priority).join(", ");
    const actions: string[] = Object.values(CustomRuleAction);
    const seen = new Map<number, number>();
    (create.rules ?? []).forEach((rule, i) => {
        const field = `${at}.rules[${i}]`;
        if (rule.action !== undefined && !actions.includes(rule.action)) {
            findings.push({
                field: `${field}.action`,
                message: `"${rule.action}" is not a custom rule action`,
                fix: `use one of ${actions.map((a) => `"${a}"`).join(", ")}; for rate limits use rateLimits`,
            });
        } else {
            findings.push(...redirectFindings(rule, field, policy));
        }
        const expression = typeof rule.expression === "string" ? rule.expression : "";
        const syntax = expressionProblems(expression);
        for (const problem of syntax) {
            findings.push({ field: `${field}.expression`, ...problem });
        }
        if (policy.edge && syntax.length === 0) {
            for (const problem of edgeExpressionProblems(expression)) {
                findings.push({ field: `${field}.expression`, ...problem });
            }
        }
        if (rule.description !== undefined && rule.description.length > MAX_RULE_DESCRIPTION) {
            findings.push({
                field: `${field}.description`,
                message: `is ${rule.description.length} characters; Cloud Armor takes at most ${MAX_RULE_DESCRIPTION}`,
                fix: `shorten the description to ${MAX_RULE_DESCRIPTION} characters`,
            });
        }
        const priority = customRulePriority(rule, i);
        if (!(Number.isInteger(priority) && priority >= 0 && priority <= MAX_RULE_PRIORITY)) {
            findings.push({
                field: `${field}.priority`,
                message: `${priority} is not a whole number from 0 to ${MAX_RULE_PRIORITY}`,
                fix: `use a priority from 0 to ${MAX_RULE_PRIORITY} (${DEFAULT_RULE_PRIORITY} is the default rule's)`,
            });
            return;
        }
        const taken = own.find((ownRule) => ownRule.priority === priority);
        if (taken !== undefined) {
            findings.push({
                field: rule.priority === undefined ? field : `${field}.priority`,
                message: `${priority} is the priority of the policy's own rule "${taken.description}"`,
                fix: `set a priority the policy's own rules do not take (they take ${ownPriorities})`,
            });
        }
        const earlier = seen.get(priority);
        if (earlier !== undefined) {
            findings.push({
                field: rule.priority === undefined ? field : `${field}.priority`,
                message: `${priority} is also the priority of rules[${earlier}]`,
                fix: "give every rule a priority of its own",
            });
        } else {
            seen.set(priority, i);
        }
    });
    return findings;
}

/** The project a backend's resources are in, when it differs (or may differ) from the load balancer's. */
export function crossProjectOf(context: BackendSettingsContext): string | undefined {
    const backend = context.backend;
    const own = known(backend.project);
    if (own !== undefined && own !== context.lbProject) {
        return own;
    }
    const ref = known(backend.backendService);
    const refProject = ref !== undefined ? parseComputeLink(ref)?.project : undefined;
    if (refProject !== undefined && context.lbProject !== undefined && refProject !== context.lbProject) {
        return refProject;
    }
    return undefined;
}

function headerFindings(context: BackendSettingsContext): Finding[] {
    const headers = context.backend.customRequestHeaders ?? [];
    const hostOverride = context.backend.internet?.hostOverride;
    if (headers.length === 0) {
        return [];
    }
    if (!supports(context.scheme, "backendCustomHeaders")) {
        return [
            unsupportedFinding(context.scheme, "backendCustomHeaders", "customRequestHeaders", "customRequestHeaders"),
        ];
    }
    const findings: Finding[] = [];
    const total = headers.length + (hostOverride !== undefined ? 1 : 0);
    if (total > MAX_CUSTOM_REQUEST_HEADERS) {
        findings.push({
            field: "customRequestHeaders",
            message: `${total} request headers (with the Host override); a backend service takes at most ${MAX_CUSTOM_REQUEST_HEADERS}`,
            fix: "drop headers, or set them in routes (requestHeaders)",
        });
    }
    headers.forEach((header, i) => {
        const value = known(header);
        if (value === undefined) {
            return;
        }
        const colon = value.indexOf(":");
        const field = `customRequestHeaders[${i}]`;
        if (colon <= 0) {
            findings.push({
                field,
                message: `"${value}" is not "Name:value"`,
                fix: 'write the header as "Name:value", e.g. "X-Client-Region:{client_region}"',
            });
            return;
        }
        const name = value.slice(0, colon).trim().toLowerCase();
        if (
            FORBIDDEN_HEADER_PREFIXES.some((p) => name.startsWith(p)) ||
            FORBIDDEN_HEADERS.includes(name) ||
            HOP_BY_HOP.includes(name)
        ) {
            findings.push({
                field,
                message: `"${value.slice(0, colon)}" cannot be set: GCP reserves X-Google*, X-Goog-*, X-GFE*, X-Amz-*, X-User-IP, CDN-Loop and hop-by-hop headers`,
                fix: "use another header name",
            });
        }
        if (name === "host" && hostOverride !== undefined) {
            findings.push({
                field,
                message: "sets Host while internet.hostOverride also does",
                fix: "keep internet.hostOverride and drop this header",
            });
        }
    });
    return findings;
}

/** The problem of a policy that sets both or neither of `create` and `existing`, or undefined. */
function createOrExistingFinding(policy: BackendSecurityPolicyArgs, at: string): Finding | undefined {
    if ((policy.create === undefined) !== (policy.existing === undefined)) {
        return undefined;
    }
    return {
        field: at,
        message: policy.create === undefined ? "sets neither create nor existing" : "sets both create and existing",
    };
}

/**
 * Problems of a `create` that backend and edge policies share: WAF rule-set names, CIDRs, rate limits, geo
 * lists (on schemes with geolocated clients) and custom rules.
 */
function createFindings(create: SecurityPolicyCreateArgs, at: string, policy: PolicyContext): Finding[] {
    const findings: Finding[] = [];
    (create.preconfiguredWaf ?? []).forEach((ruleSet, i) => {
        if (!WAF_RULE_SET.test(ruleSet)) {
            findings.push({
                field: `${at}.preconfiguredWaf[${i}]`,
                message: `"${ruleSet}" is not a preconfigured WAF rule set name`,
                fix: 'use a name such as "sqli-v33-stable", "xss-v33-stable", "lfi-v33-stable" or "rce-v33-stable"',
            });
        }
    });
    for (const list of ["allowIpRanges", "denyIpRanges"] as const) {
        (create[list] ?? []).forEach((range, i) => {
            if (!isIpOrCidr(range)) {
                findings.push({
                    field: `${at}.${list}[${i}]`,
                    message: `"${range}" is not an IP address or CIDR range`,
                    fix: 'use ranges such as "203.0.113.0/24"',
                });
            }
        });
    }
    if (create.rateLimit !== undefined) {
        findings.push(...rateLimitFindings(create.rateLimit, `${at}.rateLimit`));
    }
    (create.rateLimits ?? []).forEach((limit, i) =>
        findings.push(...pathRateLimitFindings(limit, `${at}.rateLimits[${i}]`)),
    );
    if (create.geo !== undefined) {
        findings.push(
            ...(supports(policy.scheme, "cloudArmorGeo")
                ? geoFindings(create.geo, `${at}.geo`)
                : [unsupportedFinding(policy.scheme, "cloudArmorGeo", `${at}.geo`, "A geo rule")]),
        );
    }
    findings.push(...customRuleFindings(create, at, policy));
    return findings;
}

/** An existing backend policy is a securityPolicies link of the scheme's scope (a regional policy on regional schemes). */
function existingSecurityPolicyFindings(existing: string, scheme: Scheme): Finding[] {
    if (!existing.includes("/")) {
        return [];
    }
    const regional = schemeProfile(scheme).scope === "regional";
    const link = parseComputeLink(existing);
    const shape = regional
        ? "projects/<project>/regions/<region>/securityPolicies/<name>"
        : "projects/<project>/global/securityPolicies/<name>";
    if (!link || link.collection !== "securityPolicies") {
        return [
            {
                field: "securityPolicy.existing",
                message: `${quoteValue(existing)} is not a security policy self link or id`,
                fix: `reference the policy as ${shape}`,
            },
        ];
    }
    if (regional !== (link.region !== undefined)) {
        return [
            {
                field: "securityPolicy.existing",
                message: `${quoteValue(existing)} is a ${link.region ? `regional policy (${link.region})` : "global policy"}, but the ${schemeProfile(scheme).title} takes a ${regional ? "regional" : "global"} one`,
                fix: `reference a ${regional ? "regional policy in the load balancer's region" : "global policy"}: ${shape}`,
            },
        ];
    }
    return [];
}

export const backendSettingsRules: Rule<BackendSettingsContext>[] = [
    {
        id: "backend-custom-headers",
        component: "ApplicationLoadBalancer",
        summary: `Backend custom request headers: global schemes, "Name:value", not reserved, at most ${MAX_CUSTOM_REQUEST_HEADERS}`,
        prevents:
            "`Invalid value for field 'resource.customRequestHeaders'` at apply; regional backend services have no such field",
        fix: 'write headers as "Name:value" with an allowed name, at most 16, on global-external or classic',
        check: headerFindings,
    },
    {
        id: "backend-iap",
        component: "ApplicationLoadBalancer",
        summary: "IAP is not combined with Cloud CDN or outlier detection, and a custom OAuth client has id and secret",
        prevents: "GCP rejecting IAP with Cloud CDN, and outlier detection on IAP-enabled serverless backends",
        fix: "turn off cdn/outlierDetection on this backend, or put IAP on another backend",
        check: ({ backend }) => {
            if (!backend.iap?.enabled) {
                return [];
            }
            const findings: Finding[] = [];
            if (backend.cdn?.enabled) {
                findings.push({
                    field: "cdn",
                    message: "Cloud CDN cannot be enabled on a backend service with IAP",
                    fix: "serve cached content from another backend without IAP, or turn IAP off here",
                });
            }
            if (backend.outlierDetection !== undefined) {
                findings.push({
                    field: "outlierDetection",
                    message: "outlier detection cannot be configured on an IAP-enabled backend service",
                    fix: "remove outlierDetection from this backend",
                });
            }
            if ((backend.iap.oauth2ClientId === undefined) !== (backend.iap.oauth2ClientSecret === undefined)) {
                findings.push({
                    field: "iap",
                    message: "has only one of oauth2ClientId and oauth2ClientSecret",
                    fix: "give both (a custom OAuth client) or neither (the Google-managed client)",
                });
            }
            return findings;
        },
    },
    {
        id: "iap-serverless-neg-count",
        component: "ApplicationLoadBalancer",
        summary:
            "IAP on a backend with serverless NEGs in several regions only where GCP allows it (global external, classic; not cross-region internal)",
        prevents:
            "an IAP-enabled cross-region internal backend service with several serverless NEGs ('If Identity-Aware Proxy is enabled, only a single serverless NEG is supported')",
        fix: "keep IAP on a backend in one region, or use scheme global-external",
        check: ({ scheme, backend }) => {
            const regions = [...new Set(backend.cloudRun?.regions ?? [])];
            // Regional schemes refuse several regions already (serverless-negs-per-backend).
            if (!backend.iap?.enabled || regions.length < 2 || !supports(scheme, "multiRegionServerless")) {
                return [];
            }
            if (supports(scheme, "iapMultiRegionServerless")) {
                return [];
            }
            return [
                {
                    field: "iap",
                    message: `IAP is on, and cloudRun.regions puts ${regions.length} serverless NEGs (${regions.join(", ")}) behind this backend service; with IAP the ${schemeProfile(scheme).title} supports only a single serverless NEG`,
                    fix: "give this backend one region (cloudRun.region) to keep IAP, or use scheme global-external for IAP in front of several regions",
                },
            ];
        },
    },
    {
        id: "backend-cdn",
        component: "ApplicationLoadBalancer",
        summary:
            "Cloud CDN only on global external and classic; no TTLs with USE_ORIGIN_HEADERS, maxTtl only with CACHE_ALL_STATIC",
        prevents:
            "regional backend services have no CDN; GCP rejects TTLs in USE_ORIGIN_HEADERS mode (`default_ttl cannot be specified with USE_ORIGIN_HEADERS cache_mode`) and a max TTL in any other mode than CACHE_ALL_STATIC (`max_ttl must be specified with CACHE_ALL_STATIC cache_mode only`)",
        fix: "use scheme global-external, or drop the TTLs the cache mode does not take",
        check: ({ scheme, backend }) => {
            const cdn = backend.cdn;
            if (!cdn?.enabled) {
                return [];
            }
            if (!supports(scheme, "cdn")) {
                return [unsupportedFinding(scheme, "cdn", "cdn", "Cloud CDN")];
            }
            const mode = cdn.cacheMode ?? "CACHE_ALL_STATIC";
            // Each mode's TTLs: https://cloud.google.com/cdn/docs/using-ttl-overrides ("Used when").
            const refused: (keyof typeof cdn)[] =
                mode === "USE_ORIGIN_HEADERS"
                    ? ["defaultTtl", "maxTtl", "clientTtl"]
                    : mode === "FORCE_CACHE_ALL"
                      ? ["maxTtl"]
                      : [];
            return refused
                .filter((ttl) => cdn[ttl] !== undefined)
                .map((ttl) => ({
                    field: `cdn.${ttl}`,
                    message:
                        mode === "USE_ORIGIN_HEADERS"
                            ? "is set with cacheMode USE_ORIGIN_HEADERS, which takes every lifetime from the origin's headers"
                            : "is set with cacheMode FORCE_CACHE_ALL; GCP takes a max TTL only with CACHE_ALL_STATIC (FORCE_CACHE_ALL caches for defaultTtl)",
                    fix:
                        mode === "USE_ORIGIN_HEADERS"
                            ? `drop ${ttl}, or use cacheMode "CACHE_ALL_STATIC"`
                            : 'drop maxTtl (set the lifetime with defaultTtl), or use cacheMode "CACHE_ALL_STATIC"',
                }));
        },
    },
    {
        id: "backend-cdn-policy",
        component: "ApplicationLoadBalancer",
        summary:
            "Cloud CDN negative-caching TTLs use the statuses GCP accepts (each once, at most 1800 s, with negativeCaching on); signed URL keys are named and 128-bit base64url",
        prevents:
            "`Invalid value for field 'resource.cdnPolicy.negativeCachingPolicy'` and rejected signed URL keys at apply",
        fix: "set negativeCaching: true with TTLs for 300, 301, 302, 307, 308, 404, 405, 410, 421, 451 or 501 up to 1800 s; name each signed URL key once",
        check: ({ backend }) => {
            const cdn = backend.cdn;
            if (!cdn?.enabled) {
                return [];
            }
            const findings: Finding[] = [];
            const ttls = cdn.negativeCachingTtls ?? [];
            if (ttls.length > 0 && cdn.negativeCaching !== true) {
                findings.push({
                    field: "cdn.negativeCachingTtls",
                    message: "is set but negativeCaching is not on",
                    fix: "set cdn.negativeCaching: true, or drop negativeCachingTtls",
                });
            }
            const codes = new Set<number>();
            ttls.forEach((t, i) => {
                if (!NEGATIVE_CACHING_CODES.includes(t.code)) {
                    findings.push({
                        field: `cdn.negativeCachingTtls[${i}].code`,
                        message: `${t.code} is not a status Cloud CDN negative caching takes (${NEGATIVE_CACHING_CODES.join(", ")})`,
                        fix: "use one of those statuses",
                    });
                } else if (codes.has(t.code)) {
                    findings.push({
                        field: `cdn.negativeCachingTtls[${i}].code`,
                        message: `${t.code} is given twice`,
                        fix: "keep one TTL per status",
                    });
                }
                codes.add(t.code);
                if (!(t.ttl >= 0 && t.ttl <= NEGATIVE_CACHING_TTL_MAX)) {
                    findings.push({
                        field: `cdn.negativeCachingTtls[${i}].ttl`,
                        message: `${t.ttl} is outside 0–${NEGATIVE_CACHING_TTL_MAX} seconds`,
                        fix: `use at most ${NEGATIVE_CACHING_TTL_MAX} seconds (30 minutes)`,
                    });
                }
            });
            const names = new Set<string>();
            (cdn.signedUrlKeys ?? []).forEach((key, i) => {
                const reason = invalidNameReason(key.name);
                if (reason) {
                    findings.push({
                        field: `cdn.signedUrlKeys[${i}].name`,
                        message: `"${key.name}" is not usable: ${reason}`,
                        fix: 'use a name such as "key-2026-11"',
                    });
                } else if (names.has(key.name)) {
                    findings.push({
                        field: `cdn.signedUrlKeys[${i}].name`,
                        message: `"${key.name}" is used by two keys`,
                        fix: "give each key its own name",
                    });
                }
                names.add(key.name);
                const value = known(key.value);
                if (value !== undefined && !isSignedUrlKey(value)) {
                    // The value is a secret: the message never repeats it.
                    findings.push({
                        field: `cdn.signedUrlKeys[${i}].value`,
                        message:
                            "is not a 128-bit key in base64url (16 bytes: 22 characters of A–Z, a–z, 0–9, - and _, optionally followed by ==)",
                        fix: "generate one with `head -c 16 /dev/urandom | base64 | tr +/ -_` and pass it as a secret (pulumi config set --secret)",
                    });
                }
            });
            return findings;
        },
    },
    {
        id: "internet-outlier-detection",
        component: "ApplicationLoadBalancer",
        summary: "No outlier detection on internet NEG backends (schemes without it: see outlier-detection)",
        prevents: "GCP rejecting outlier detection on global internet NEG backends (no traffic policies)",
        fix: "remove outlierDetection from this backend",
        check: ({ scheme, backend }) => {
            if (backend.outlierDetection === undefined || !supports(scheme, "outlierDetection")) {
                return [];
            }
            if (backend.internet !== undefined) {
                return [
                    {
                        field: "outlierDetection",
                        message: "internet NEG backends do not support outlier detection (no traffic policies)",
                        fix: "remove outlierDetection from this backend",
                    },
                ];
            }
            return [];
        },
    },
    {
        id: "backend-security-policy",
        component: "ApplicationLoadBalancer",
        summary:
            "A Cloud Armor policy is created or referenced (not both), on a scheme with Cloud Armor, with valid rules",
        prevents:
            "a policy of the wrong scope, rules GCP rejects (rule-set names, CIDRs, rate-limit intervals, redirects outside global policies), Adaptive Protection on regional policies",
        fix: "set exactly one of securityPolicy.create and securityPolicy.existing",
        check: ({ scheme, backend }) => {
            const policy = backend.securityPolicy;
            if (policy === undefined) {
                return [];
            }
            if (!supports(scheme, "cloudArmor")) {
                return [unsupportedFinding(scheme, "cloudArmor", "securityPolicy", "Cloud Armor")];
            }
            const exclusive = createOrExistingFinding(policy, "securityPolicy");
            if (exclusive !== undefined) {
                return [exclusive];
            }
            const existing = known(policy.existing);
            if (existing !== undefined) {
                return existingSecurityPolicyFindings(existing, scheme);
            }
            const create = policy.create;
            if (create === undefined) {
                return [];
            }
            const findings: Finding[] = [];
            if (create.adaptiveProtection && schemeProfile(scheme).scope === "regional") {
                findings.push({
                    field: "securityPolicy.create.adaptiveProtection",
                    message: `Adaptive Protection is for global policies; the ${schemeProfile(scheme).title} uses a regional one`,
                    fix: "remove adaptiveProtection, or use scheme global-external",
                });
            }
            findings.push(
                ...createFindings(create, "securityPolicy.create", {
                    scheme,
                    edge: false,
                    bucket: backend.bucket !== undefined,
                }),
            );
            return findings;
        },
    },
    {
        id: "backend-edge-security-policy",
        component: "ApplicationLoadBalancer",
        summary:
            "A Cloud Armor edge policy is created or referenced (not both), on global external or classic, with IP, geo and rate-limit rules only",
        prevents:
            "an edge policy on a scheme without edge policies, and rules an edge policy on an Application Load Balancer does not evaluate: preconfigured WAF, per-path rate limits, request attributes and origin.asn (Media CDN only), redirects; Adaptive Protection (UNCONFIRMED for edge policies, refused to be safe)",
        fix: "set exactly one of edgeSecurityPolicy.create and edgeSecurityPolicy.existing",
        check: ({ scheme, backend }) => {
            const policy = backend.edgeSecurityPolicy;
            if (policy === undefined) {
                return [];
            }
            if (!supports(scheme, "edgeSecurityPolicy")) {
                return [
                    unsupportedFinding(
                        scheme,
                        "edgeSecurityPolicy",
                        "edgeSecurityPolicy",
                        "A Cloud Armor edge security policy",
                    ),
                ];
            }
            const exclusive = createOrExistingFinding(policy, "edgeSecurityPolicy");
            if (exclusive !== undefined) {
                return [exclusive];
            }
            const existing = known(policy.existing);
            if (existing !== undefined) {
                const problem = linkMismatch(existing, "securityPolicies", "a security policy", undefined);
                return problem === undefined
                    ? []
                    : [
                          {
                              field: "edgeSecurityPolicy.existing",
                              message: `${problem}: edge policies are global`,
                              fix: "reference projects/<project>/global/securityPolicies/<name>, a policy of type CLOUD_ARMOR_EDGE",
                          },
                      ];
            }
            const create = policy.create;
            if (create === undefined) {
                return [];
            }
            const at = "edgeSecurityPolicy.create";
            const edge: PolicyContext = { scheme, edge: true, bucket: backend.bucket !== undefined };
            const findings: Finding[] = [];
            if ((create.preconfiguredWaf ?? []).length > 0) {
                findings.push({
                    field: `${at}.preconfiguredWaf`,
                    message:
                        "is not evaluated by edge security policies: WAF rule sets inspect the request, and an edge policy on an Application Load Balancer filters on the client's IP address and region only",
                    fix: backendPolicyInstead(edge, "WAF rule sets"),
                });
            }
            if ((create.rateLimits ?? []).length > 0) {
                findings.push({
                    field: `${at}.rateLimits`,
                    message:
                        "match request.path, which an edge security policy on an Application Load Balancer does not evaluate (HTTP filtering is Media CDN only)",
                    fix: `use rateLimit (every request of a client IP) in the edge policy; for per-path limits, ${backendPolicyInstead(edge, "per-path limits")}`,
                });
            }
            if (create.adaptiveProtection) {
                findings.push({
                    field: `${at}.adaptiveProtection`,
                    message: "is a backend policy feature (UNCONFIRMED for edge security policies, refused to be safe)",
                    fix: backendPolicyInstead(edge, "Adaptive Protection"),
                });
            }
            findings.push(...createFindings({ ...create, preconfiguredWaf: [], rateLimits: [] }, at, edge));
            return findings;
        },
    },
    {
        id: "backend-cross-project",
        component: "ApplicationLoadBalancer",
        summary:
            "Cross-project backends: any project on global external; only within a Shared VPC on regional and internal schemes; not on classic",
        prevents:
            "GCP refusing a URL map that references a backend service in another project where cross-project service referencing is not available",
        fix: "use scheme global-external, or put the load balancer on the Shared VPC (network.existing) its service projects share",
        check: (context) => {
            const other = crossProjectOf(context);
            if (other === undefined) {
                return [];
            }
            const { scheme, backend } = context;
            const field = backend.backendService !== undefined ? "backendService" : "project";
            if (!supports(scheme, "crossProjectBackend")) {
                return [
                    {
                        field,
                        message: `is in project "${other}", and cross-project service referencing is not available on the classic Application Load Balancer (UNCONFIRMED: not found verbatim, rejected to be safe)`,
                        fix: `use scheme global-external, or an internet NEG (backends.<key>.internet with hostOverride; ${INTERNET_NEG_INGRESS_NOTE})`,
                    },
                ];
            }
            if (!schemeProfile(scheme).crossProjectBackendsNeedSharedVpc) {
                return [];
            }
            const findings: Finding[] = [];
            if (!context.existingNetwork) {
                findings.push({
                    field,
                    message: `is in project "${other}", but the ${schemeProfile(scheme).title} references backend services in other projects only within a Shared VPC, and this load balancer creates its own VPC`,
                    fix: "set network.existing to the Shared VPC host project's network (and its subnets), or use scheme global-external",
                });
            }
            if (scheme === "regional-external" && backend.internet !== undefined) {
                findings.push({
                    field: "internet",
                    message:
                        "a backend service with a regional internet NEG cannot be referenced from another project on the regional external Application Load Balancer",
                    fix: "create this backend in the load balancer's project (drop project)",
                });
            }
            return findings;
        },
    },
];

/**
 * What the backend-service rules read. Every backend kind's args (serverless, internet, hybrid) satisfy
 * it, so options of the backend service itself — outlier detection, and the options that exclude each
 * other (IAP, CDN, outlier detection) — are checked in one place whatever the NEG kind.
 */
export interface BackendServiceRuleContext {
    scheme: Scheme;
    outlierDetection?: OutlierDetectionArgs;
    /** The edge policy id of a standalone component's settings (a load balancer's backends have their own rule). */
    edgeSecurityPolicy?: unknown;
}

/** What the backend-service rules read of a standalone backend component's args. */
export function backendServiceRuleContext(args: {
    scheme: Scheme;
    settings?: BackendSettingsArgs;
}): BackendServiceRuleContext {
    return {
        scheme: args.scheme,
        outlierDetection: args.settings?.outlierDetection,
        edgeSecurityPolicy: args.settings?.edgeSecurityPolicy,
    };
}

function wholeNumberFinding(field: string, value: number | undefined, min: number, max?: number): Finding[] {
    if (value === undefined || (Number.isInteger(value) && value >= min && (max === undefined || value <= max))) {
        return [];
    }
    const range = max === undefined ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`;
    return [{ field, message: `${value} is not ${range}`, fix: `use ${range}` }];
}

/** Backend-service options some schemes lack (see `featureTable`). */
export const backendServiceOptions: SchemeOption<BackendServiceRuleContext>[] = [
    { feature: "outlierDetection", field: "outlierDetection", isSet: (args) => args.outlierDetection !== undefined },
];

export const backendServiceRules: Rule<BackendServiceRuleContext>[] = [
    {
        id: "backend-service-edge-policy",
        component: "BackendService",
        summary: "A backend service component takes an edge security policy on global external and classic only",
        prevents:
            "an edge policy that never reaches a regional backend service (RegionBackendService has no edgeSecurityPolicy field)",
        fix: featureSupport("edgeSecurityPolicy").alternative,
        check: (args) =>
            args.edgeSecurityPolicy !== undefined && !supports(args.scheme, "edgeSecurityPolicy")
                ? [
                      unsupportedFinding(
                          args.scheme,
                          "edgeSecurityPolicy",
                          "settings.edgeSecurityPolicy",
                          "A Cloud Armor edge security policy",
                      ),
                  ]
                : [],
    },
    {
        id: "outlier-detection",
        component: "BackendService",
        summary:
            "Outlier detection only on schemes that have it with serverless NEGs (global external, cross-region internal), with valid counts and times",
        prevents:
            "outlier detection GCP does not apply to serverless NEGs on classic and regional backend services, and `Invalid value for field 'resource.outlierDetection…'` at apply",
        fix: "remove outlierDetection, or use scheme global-external or cross-region-internal",
        check: (args) => {
            const outlier = args.outlierDetection;
            if (outlier === undefined) {
                return [];
            }
            const unsupported = schemeOptionFindings(args.scheme, backendServiceOptions, args);
            if (unsupported.length > 0) {
                return unsupported;
            }
            return [
                ...wholeNumberFinding("outlierDetection.consecutiveErrors", outlier.consecutiveErrors, 1),
                ...wholeNumberFinding("outlierDetection.consecutiveGatewayErrors", outlier.consecutiveGatewayErrors, 1),
                ...wholeNumberFinding("outlierDetection.intervalSeconds", outlier.intervalSeconds, 1),
                ...wholeNumberFinding("outlierDetection.baseEjectionTimeSeconds", outlier.baseEjectionTimeSeconds, 1),
                ...wholeNumberFinding("outlierDetection.maxEjectionPercent", outlier.maxEjectionPercent, 0, 100),
            ];
        },
    },
];
