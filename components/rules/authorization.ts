/**
 * Rules of `authorization` (L7 authorization policies): the scheme, the lists and rules, each field's values,
 * and the limits of one policy.
 *
 * @see https://cloud.google.com/load-balancing/docs/auth-policy/auth-policy-overview
 * @see https://github.com/GoogleCloudPlatform/magic-modules/blob/main/mmv1/products/networksecurity/AuthzPolicy.yaml
 */
import type { ApplicationLoadBalancerArgs } from "../args/load-balancer";
import {
    AUTHORIZATION_LIMITS,
    AUTHORIZATION_METHODS,
    AuthorizationArgs,
    authorizationActions,
    AuthorizationListField,
    AuthorizationRuleArgs,
    HEADER_MATCHERS,
    parseMatchPattern,
    principalSelectors,
    PrincipalField,
    readIpRange,
} from "../args/authorization";
import { excerpt } from "../constraints/formats";
import { isScheme, supports } from "../schemes";
import { Finding, Rule } from "../validation";
import { unsupportedFinding } from "./common";

const COMPONENT = "ApplicationLoadBalancer";

/** The fields a rule matches on, in the order messages list them. */
const RULE_FIELDS: readonly (keyof AuthorizationRuleArgs)[] = [
    "ipRanges",
    "notIpRanges",
    "principals",
    "hosts",
    "paths",
    "methods",
    "headers",
];

/** An HTTP header name: a token (RFC 9110 §5.1). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `authorization` when it is set on a scheme that has it (the scheme rule reports the rest). */
function authorizing(args: ApplicationLoadBalancerArgs): AuthorizationArgs | undefined {
    if (args.authorization === undefined || !isScheme(args.scheme) || !supports(args.scheme, "authorizationPolicy")) {
        return undefined;
    }
    return args.authorization;
}

/** Every rule of the lists that are set, with its field path (`authorization.deny[0]`). */
function eachRule(
    authorization: AuthorizationArgs,
): { list: AuthorizationListField; at: string; rule: AuthorizationRuleArgs }[] {
    return authorizationActions.flatMap(({ field }) =>
        (authorization[field] ?? []).map((rule, i) => ({ list: field, at: `authorization.${field}[${i}]`, rule })),
    );
}

/** Rule-level findings for the rules of a check that reads each rule. */
function perRule(
    args: ApplicationLoadBalancerArgs,
    check: (at: string, rule: AuthorizationRuleArgs, list: AuthorizationListField) => Finding[],
): Finding[] {
    const authorization = authorizing(args);
    return authorization ? eachRule(authorization).flatMap(({ list, at, rule }) => check(at, rule, list)) : [];
}

function listFindings(authorization: AuthorizationArgs): Finding[] {
    const findings: Finding[] = [];
    if (authorization.allow === undefined && authorization.deny === undefined) {
        findings.push({
            field: "authorization",
            message: "sets neither allow nor deny: no authorization policy would be made",
            fix: "add deny rules (requests to refuse) or allow rules (the only requests to let through), or remove authorization",
        });
    }
    for (const { field, action } of authorizationActions) {
        const rules = authorization[field];
        if (rules !== undefined && rules.length === 0) {
            findings.push({
                field: `authorization.${field}`,
                message: `is empty: GCP requires at least one rule in an ${action} policy`,
                fix:
                    field === "allow"
                        ? "list the requests to let through, or remove allow (then every request no deny rule matches is allowed)"
                        : "list the requests to refuse, or remove deny",
            });
        }
    }
    for (const { list, at, rule } of eachRule(authorization)) {
        const set = RULE_FIELDS.filter((f) => rule[f] !== undefined);
        if (set.length === 0) {
            findings.push({
                field: at,
                message: `sets no field: it would match every request, ${list === "deny" ? "denying" : "allowing"} them all`,
                fix: `give at least one of ${RULE_FIELDS.join(", ")}`,
            });
        }
        for (const f of set) {
            if ((rule[f] as unknown[]).length === 0) {
                findings.push({
                    field: `${at}.${f}`,
                    message: "is empty: GCP leaves an empty list out, so the rule would match any value of it",
                    fix: `list the values to match, or remove ${f}`,
                });
            }
        }
        if (rule.notIpRanges !== undefined && (rule.ipRanges !== undefined || rule.principals !== undefined)) {
            findings.push({
                field: `${at}.notIpRanges`,
                message: `is set with ${rule.ipRanges !== undefined ? "ipRanges" : "principals"}: GCP matches a rule's source when either its sources or its not-sources match, not both`,
                fix: "put notIpRanges in a rule of its own, without ipRanges and principals",
            });
        }
    }
    return findings;
}

function ipRangeFindings(at: string, rule: AuthorizationRuleArgs): Finding[] {
    return (["ipRanges", "notIpRanges"] as const).flatMap((f) =>
        (rule[f] ?? []).flatMap((text, i): Finding[] => {
            const reading = readIpRange(text);
            if ("range" in reading) return [];
            return [
                reading.problem === "off-boundary"
                    ? {
                          field: `${at}.${f}[${i}]`,
                          message: `${excerpt(text)} has bits set past its prefix length: a range is written by its first address`,
                          fix: `use the range's network address, ${reading.aligned}`,
                      }
                    : {
                          field: `${at}.${f}[${i}]`,
                          message: `${excerpt(text)} is not an IPv4 or IPv6 address or CIDR range`,
                          fix: 'write an address ("203.0.113.7", "2001:db8::1") or a range ("10.130.0.0/24", "2001:db8::/32")',
                      },
            ];
        }),
    );
}

function principalFindings(args: ApplicationLoadBalancerArgs, at: string, rule: AuthorizationRuleArgs): Finding[] {
    if (rule.principals === undefined || rule.principals.length === 0) return [];
    const field = `${at}.principals`;
    if (!supports(args.scheme, "authorizationPrincipals")) {
        return [
            unsupportedFinding(
                args.scheme,
                "authorizationPrincipals",
                field,
                "Matching client certificate identities (principals)",
            ),
        ];
    }
    const findings: Finding[] = [];
    if (args.https?.clientCertificates === undefined) {
        findings.push({
            field,
            message:
                "matches client certificate identities, but the load balancer asks for no client certificate (https.clientCertificates is not set), so no request would match",
            fix: "set https.clientCertificates (frontend mutual TLS), or match on ipRanges instead of principals",
        });
    }
    const names = Object.keys(principalSelectors) as PrincipalField[];
    rule.principals.forEach((principal, j) => {
        const set = names.filter((n) => principal[n] !== undefined);
        if (set.length !== 1) {
            findings.push({
                field: `${field}[${j}]`,
                message:
                    set.length === 0
                        ? `names no identity: none of ${names.join(", ")} is set`
                        : `sets ${set.join(" and ")}: a principal is one identity`,
                fix: 'give exactly one, e.g. { uriSan: "spiffe://partner.example.com/billing" }, or one principal per identity',
            });
        } else if (principal[set[0]] === "") {
            findings.push({
                field: `${field}[${j}].${set[0]}`,
                message: "is empty: GCP matches principals exactly, against a non-empty value",
                fix: "give the identity the client certificate carries",
            });
        }
    });
    return findings;
}

function patternFindings(at: string, rule: AuthorizationRuleArgs): Finding[] {
    const findings: Finding[] = [];
    (["hosts", "paths"] as const).forEach((f) =>
        (rule[f] ?? []).forEach((text, i) => {
            const field = `${at}.${f}[${i}]`;
            const example = f === "hosts" ? '"api.example.com" or "*.example.com"' : '"/admin" or "/admin/*"';
            const pattern = parseMatchPattern(text);
            if (!pattern) {
                findings.push({
                    field,
                    message:
                        text.replace(/\*/g, "") === ""
                            ? `${excerpt(text)} has nothing to match: GCP takes no empty match (leave ${f} out to match any)`
                            : `${excerpt(text)} has a "*" inside: only a leading "*" (suffix) or a trailing one (prefix) is a wildcard`,
                    fix: `write an exact value, a prefix ending in "*" or a suffix starting with "*", e.g. ${example}`,
                });
                return;
            }
            if (
                f === "paths" &&
                (pattern.kind === "exact" || pattern.kind === "prefix") &&
                !pattern.value.startsWith("/")
            ) {
                findings.push({
                    field,
                    message: `${excerpt(text)} does not start with "/": the path a request carries always does, so it would match nothing`,
                    fix: 'start the path with "/", e.g. "/admin/*"',
                });
            }
            if (f === "hosts" && /[\s/@]/.test(pattern.value)) {
                findings.push({
                    field,
                    message: `${excerpt(text)} is not a host: a Host header has no spaces, "/" or "@"`,
                    fix: 'give the host name (and port, if clients send one), e.g. "api.example.com"',
                });
            }
        }),
    );
    return findings;
}

function methodFindings(at: string, rule: AuthorizationRuleArgs): Finding[] {
    return (rule.methods ?? []).flatMap((method, i): Finding[] => {
        if (AUTHORIZATION_METHODS.includes(method)) return [];
        const upper = method.toUpperCase();
        return [
            AUTHORIZATION_METHODS.includes(upper)
                ? {
                      field: `${at}.methods[${i}]`,
                      message: `${excerpt(method)} is not uppercase: GCP matches methods exactly and case sensitively, and clients send them uppercase`,
                      fix: `write it uppercase: ${upper}`,
                  }
                : {
                      field: `${at}.methods[${i}]`,
                      message: `${excerpt(method)} is not an HTTP method an authorization policy takes (${AUTHORIZATION_METHODS.join(", ")})`,
                      fix: `use one of ${AUTHORIZATION_METHODS.join(", ")}`,
                  },
        ];
    });
}

function headerFindings(at: string, rule: AuthorizationRuleArgs): Finding[] {
    const findings: Finding[] = [];
    (rule.headers ?? []).forEach((header, i) => {
        const field = `${at}.headers[${i}]`;
        if (!HEADER_NAME.test(header.name)) {
            findings.push({
                field: `${field}.name`,
                message: `${excerpt(header.name)} is not an HTTP header name (letters, digits and !#$%&'*+.^_\`|~- only)`,
                fix: 'give the header\'s name, e.g. "x-api-version"',
            });
        }
        const set = HEADER_MATCHERS.filter((k) => header[k] !== undefined);
        if (set.length !== 1) {
            findings.push({
                field,
                message:
                    set.length === 0
                        ? `gives no value to match: none of ${HEADER_MATCHERS.join(", ")} is set`
                        : `sets ${set.join(" and ")}: a header matches its value one way`,
                fix: 'set exactly one of exact, prefix, suffix and contains, e.g. { name: "x-api-version", exact: "2" }',
            });
        } else if (set[0] !== "exact" && header[set[0]] === "") {
            findings.push({
                field: `${field}.${set[0]}`,
                message: `is empty: GCP takes no empty ${set[0]} match`,
                fix: `give the text to match, or use exact: "" for a header sent with an empty value`,
            });
        }
    });
    return findings;
}

/** What one policy may hold, counted over the rules of one list. */
const COUNTED: {
    limit: keyof typeof AUTHORIZATION_LIMITS;
    what: string;
    count: (rule: AuthorizationRuleArgs) => number;
}[] = [
    {
        limit: "ipBlocks",
        what: "IP ranges (ipRanges and notIpRanges)",
        count: (r) => (r.ipRanges?.length ?? 0) + (r.notIpRanges?.length ?? 0),
    },
    { limit: "principals", what: "principals", count: (r) => r.principals?.length ?? 0 },
    { limit: "hosts", what: "hosts", count: (r) => r.hosts?.length ?? 0 },
    { limit: "paths", what: "paths", count: (r) => r.paths?.length ?? 0 },
    { limit: "methods", what: "methods", count: (r) => r.methods?.length ?? 0 },
    { limit: "headers", what: "headers", count: (r) => r.headers?.length ?? 0 },
];

function limitFindings(authorization: AuthorizationArgs): Finding[] {
    const findings: Finding[] = [];
    for (const { field } of authorizationActions) {
        const rules = authorization[field];
        if (rules === undefined) continue;
        if (rules.length > AUTHORIZATION_LIMITS.rules) {
            findings.push({
                field: `authorization.${field}`,
                message: `has ${rules.length} rules: an authorization policy takes at most ${AUTHORIZATION_LIMITS.rules}`,
                fix: "merge rules that share their other fields: the values of one field are alternatives (any path, any method …)",
            });
        }
        for (const { limit, what, count } of COUNTED) {
            const total = rules.reduce((sum, rule) => sum + count(rule), 0);
            if (total > AUTHORIZATION_LIMITS[limit]) {
                findings.push({
                    field: `authorization.${field}`,
                    message: `has ${total} ${what} over its rules: an authorization policy takes at most ${AUTHORIZATION_LIMITS[limit]}, counted over all its rules`,
                    fix:
                        limit === "ipBlocks"
                            ? "cover the addresses with fewer, wider ranges"
                            : limit === "methods"
                              ? "list each method once, in one rule"
                              : 'match fewer values: a prefix or suffix pattern ("/api/*", "*.example.com") covers many',
                });
            }
        }
    }
    return findings;
}

export const authorizationRules: Rule<ApplicationLoadBalancerArgs>[] = [
    {
        id: "authorization-scheme",
        component: COMPONENT,
        summary:
            "Authorization policies are on global external, regional external, regional internal and cross-region internal",
        prevents: "an AuthzPolicy targeting a classic forwarding rule (scheme EXTERNAL), which GCP does not accept",
        fix: "use scheme global-external (classic migrates in place), or Cloud Armor for source and path rules",
        check: (args) =>
            args.authorization !== undefined && isScheme(args.scheme) && !supports(args.scheme, "authorizationPolicy")
                ? [unsupportedFinding(args.scheme, "authorizationPolicy", "authorization", "An authorization policy")]
                : [],
    },
    {
        id: "authorization-rules",
        component: COMPONENT,
        summary:
            "authorization sets allow or deny, each a non-empty list of rules that each match on something; notIpRanges stands alone",
        prevents:
            "an API 400 on an ALLOW or DENY policy without rules, and rules that match every request (an empty rule or empty list left out)",
        fix: 'give each rule at least one field, e.g. deny: [{ paths: ["/admin/*"] }]',
        check: (args) => {
            const authorization = authorizing(args);
            return authorization ? listFindings(authorization) : [];
        },
    },
    {
        id: "authorization-ip-ranges",
        component: COMPONENT,
        summary: "ipRanges and notIpRanges are IPv4 or IPv6 addresses or CIDR ranges written by their first address",
        prevents: "an API 400 on an IP block GCP cannot read, or a range that does not cover what it seems to",
        fix: 'write "203.0.113.7" or "10.130.0.0/24"',
        check: (args) => perRule(args, (at, rule) => ipRangeFindings(at, rule)),
    },
    {
        id: "authorization-principals",
        component: COMPONENT,
        summary:
            "principals need frontend mTLS (https.clientCertificates) and a scheme that matches them (not global external); each names one identity",
        prevents:
            "principal rules that match no request (no validated client certificate), GCP's refusal of principals on global external, and an API 400 on an empty principal",
        fix: "set https.clientCertificates, and give each principal one of uriSan, dnsNameSan, commonName",
        check: (args) => perRule(args, (at, rule) => principalFindings(args, at, rule)),
    },
    {
        id: "authorization-hosts-paths",
        component: COMPONENT,
        summary:
            'hosts and paths are exact values, prefixes ("x*"), suffixes ("*x") or contains ("*x*"); paths start with "/"',
        prevents: "an API 400 on an empty match, and patterns that match nothing (a path without its leading slash)",
        fix: 'write "/admin/*" or "*.example.com"',
        check: (args) => perRule(args, (at, rule) => patternFindings(at, rule)),
    },
    {
        id: "authorization-methods",
        component: COMPONENT,
        summary: "methods are GET, PUT, POST, HEAD, PATCH, DELETE or OPTIONS, uppercase",
        prevents:
            "an API 400 on a method GCP does not take, and lowercase methods that never match (case-sensitive match)",
        fix: "use uppercase method names from the list",
        check: (args) => perRule(args, (at, rule) => methodFindings(at, rule)),
    },
    {
        id: "authorization-headers",
        component: COMPONENT,
        summary:
            "headers name an HTTP header and match its value one way (exact, prefix, suffix or contains; not empty)",
        prevents: "an API 400 on an empty prefix, suffix or contains match, and header names no request carries",
        fix: '{ name: "x-api-version", exact: "2" }',
        check: (args) => perRule(args, (at, rule) => headerFindings(at, rule)),
    },
    {
        id: "authorization-limits",
        component: COMPONENT,
        summary:
            "Each list holds at most 5 rules and, over them, 10 IP ranges, 10 hosts, 10 paths, 10 methods, 10 headers and 50 principals",
        prevents: "an API 400: the limits of one authorization policy (AuthzPolicy)",
        fix: "merge rules, and cover values with prefixes, suffixes or wider ranges",
        check: (args) => {
            const authorization = authorizing(args);
            return authorization ? limitFindings(authorization) : [];
        },
    },
    {
        id: "authorization-deny-exact-path",
        component: COMPONENT,
        summary: "A deny rule with an exact path does not deny that path with a query string",
        prevents: 'a deny rule bypassed by adding "?" to the URL: GCP\'s path match includes the query string',
        fix: 'deny the path with a trailing "*" (a prefix), e.g. "/admin*"',
        severity: "warning",
        check: (args) =>
            perRule(args, (at, rule, list) =>
                list !== "deny"
                    ? []
                    : (rule.paths ?? []).flatMap((text, i): Finding[] =>
                          parseMatchPattern(text)?.kind === "exact"
                              ? [
                                    {
                                        field: `${at}.paths[${i}]`,
                                        message: `${excerpt(text)} is an exact path, and GCP's path match includes the query string: the same path with "?…" is not denied`,
                                        fix: 'add the path followed by "*" (a prefix), which covers its query strings too',
                                    },
                                ]
                              : [],
                      ),
            ),
    },
];
