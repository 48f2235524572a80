/**
 * Arguments of L7 authorization (`authorization`): allow and deny rules the load balancer applies to every
 * request before its URL map, as network security authorization policies (`AuthzPolicy`) on its forwarding
 * rules; and the pure functions that read them (the string and address forms, the policies' rules as GCP
 * takes them). No resources here.
 *
 * Facts (https://cloud.google.com/load-balancing/docs/auth-policy/auth-policy-overview; the API's
 * google/cloud/networksecurity/v1/authz_policy.proto; magic-modules
 * mmv1/products/networksecurity/AuthzPolicy.yaml):
 * - Policies attach to the forwarding rules of global external, regional external, regional internal and
 *   cross-region internal Application Load Balancers (`target.loadBalancingScheme` EXTERNAL_MANAGED or
 *   INTERNAL_MANAGED, `target.resources` the forwarding rules); not to classic ones.
 * - Evaluation: a matching CUSTOM policy first, then any matching DENY policy denies, then the request is
 *   allowed when there is no ALLOW policy or one matches; otherwise it is denied
 *   (`denied_as_no_allow_policies_matched_request`). A policy matches when one of its HTTP rules does.
 * - In a rule, `from`, `to` (and `when`) are ANDed; within a source or an operation, fields are ANDed and the
 *   values of one field ORed (ANY path AND ANY method …), except headers, which must ALL match. One source,
 *   one not-source and one operation per rule.
 * - Limits per policy: 5 HTTP rules; 10 IP blocks, 10 hosts, 10 paths, 10 methods, 10 headers and 50
 *   principals (the proto says "per Authorization Policy"; older provider docs said per field, so the
 *   stricter reading is enforced).
 * - Principals (client certificate identities) match only when frontend mTLS validated the certificate; only
 *   exact matches; not on global external ("This field is not supported for global external Application Load
 *   Balancers"); selectors URI SAN (default), DNS name SAN, common name.
 * - Paths include the query string; hosts, paths and header values are case sensitive unless `ignoreCase`;
 *   methods are one of GET, PUT, POST, HEAD, PATCH, DELETE, OPTIONS, exact and case sensitive.
 */

/**
 * A client certificate identity an authorization rule matches, exactly: one of a URI SAN (a SPIFFE ID), a DNS
 * name SAN or the subject's common name of the certificate frontend mTLS validated. Needs
 * `https.clientCertificates`; not on global external.
 */
export interface AuthorizationPrincipalArgs {
    /**
     * A URI SAN of the client certificate, e.g. its SPIFFE ID (selector `CLIENT_CERT_URI_SAN`).
     * @default undefined
     * @example "spiffe://partner.example.com/billing"
     */
    uriSan?: string;
    /**
     * A DNS name SAN of the client certificate (selector `CLIENT_CERT_DNS_NAME_SAN`).
     * @default undefined
     * @example "billing.partner.example.com"
     */
    dnsNameSan?: string;
    /**
     * The common name of the client certificate's subject (selector `CLIENT_CERT_COMMON_NAME`); a certificate
     * with several common names is refused by GCP when a rule matches on it.
     * @default undefined
     * @example "billing"
     */
    commonName?: string;
}

/**
 * A request header an authorization rule matches: its name, and exactly one of `exact`, `prefix`, `suffix`
 * and `contains` for its value.
 */
export interface AuthorizationHeaderArgs {
    /**
     * The header's name (matched whatever its case).
     * @example "x-api-version"
     */
    name: string;
    /**
     * The value is exactly this.
     * @default undefined
     * @example "2"
     */
    exact?: string;
    /**
     * The value starts with this (not empty).
     * @default undefined
     * @example "Bearer "
     */
    prefix?: string;
    /**
     * The value ends with this (not empty).
     * @default undefined
     * @example "@example.com"
     */
    suffix?: string;
    /**
     * The value contains this (not empty).
     * @default undefined
     * @example "beta"
     */
    contains?: string;
    /**
     * Match the value whatever its case.
     * @default false
     * @example true
     */
    ignoreCase?: boolean;
}

/**
 * One authorization rule: the request matches when every field that is set matches (AND), and a field matches
 * when any of its values does (OR) — except `headers`, which must all match. At least one field is set.
 */
export interface AuthorizationRuleArgs {
    /**
     * Source addresses: IPv4 or IPv6 addresses or CIDR ranges, matched against the address the load balancer
     * sees the request from — the client's on external schemes and inside the VPC; an address of the PSC NAT
     * subnet for requests arriving over Private Service Connect.
     * @default undefined (any source)
     * @example ["10.130.0.0/24", "203.0.113.7"]
     */
    ipRanges?: string[];
    /**
     * Source addresses the request must NOT come from (GCP `notSources`). Exclusive with `ipRanges` and
     * `principals`.
     * @default undefined
     * @example ["10.8.0.0/16"]
     */
    notIpRanges?: string[];
    /**
     * Client certificate identities (frontend mTLS, `https.clientCertificates`; not on global external): the
     * request matches when the validated certificate has one of them. Exact matches.
     * @default undefined (any client)
     * @example [{ uriSan: "spiffe://partner.example.com/billing" }]
     */
    principals?: AuthorizationPrincipalArgs[];
    /**
     * Hosts (the Host header), whatever their case: `api.example.com` exactly, `*.example.com` (suffix),
     * `api.*` (prefix) or `*example*` (contains).
     * @default undefined (any host)
     * @example ["api.example.com", "*.api.example.com"]
     */
    hosts?: string[];
    /**
     * Paths, query string included, case sensitive: `/admin` exactly (not `/admin?x=1`), `/admin/*` (prefix
     * `/admin/`), `*.php` (suffix) or `*debug*` (contains).
     * @default undefined (any path)
     * @example ["/admin/*", "/internal/*"]
     */
    paths?: string[];
    /**
     * HTTP methods: GET, PUT, POST, HEAD, PATCH, DELETE or OPTIONS.
     * @default undefined (any method)
     * @example ["POST", "PUT", "DELETE"]
     */
    methods?: string[];
    /**
     * Request headers that must all match.
     * @default undefined (any headers)
     * @example [{ name: "x-api-version", exact: "2" }]
     */
    headers?: AuthorizationHeaderArgs[];
}

/**
 * L7 authorization on the load balancer's forwarding rules (global external, regional external, regional
 * internal, cross-region internal): requests matching a `deny` rule are denied; when `allow` is set, requests
 * matching none of its rules are denied too. Checked after mTLS (and Cloud Armor and IAP), before the URL map.
 * Each list becomes one network security authorization policy (`AuthzPolicy`, action DENY or ALLOW).
 */
export interface AuthorizationArgs {
    /**
     * Rules whose requests are denied (one DENY policy; at most 5 rules).
     * @default undefined (nothing denied by rule)
     * @example [{ paths: ["/admin/*"] }]
     */
    deny?: AuthorizationRuleArgs[];
    /**
     * Rules a request must match to be allowed (one ALLOW policy; at most 5 rules): with `allow` set, every
     * request that matches none of them is denied.
     * @default undefined (every request not denied is allowed)
     * @example [{ ipRanges: ["10.130.0.0/24"] }]
     */
    allow?: AuthorizationRuleArgs[];
}

/** The two actions, in the order GCP evaluates them (DENY before ALLOW), with their Args field. */
export const authorizationActions = [
    { field: "deny", action: "DENY" },
    { field: "allow", action: "ALLOW" },
] as const;
export type AuthorizationListField = (typeof authorizationActions)[number]["field"];

/**
 * The HTTP methods an authorization rule takes (AuthzPolicy `methods`: "a valid HTTP method name (GET, PUT,
 * POST, HEAD, PATCH, DELETE, OPTIONS)", exact and case sensitive).
 */
export const AUTHORIZATION_METHODS: readonly string[] = ["GET", "PUT", "POST", "HEAD", "PATCH", "DELETE", "OPTIONS"];

/**
 * What one authorization policy takes (google/cloud/networksecurity/v1/authz_policy.proto): HTTP rules, and
 * values of each kind summed over its rules ("per Authorization Policy").
 */
export const AUTHORIZATION_LIMITS = {
    rules: 5,
    ipBlocks: 10,
    principals: 50,
    hosts: 10,
    paths: 10,
    methods: 10,
    headers: 10,
} as const;

/** How a host, path or header value is matched: GCP's `StringMatch` forms. */
export type MatchKind = "exact" | "prefix" | "suffix" | "contains";

/** A host or path pattern read: how it matches and the text it matches with. */
export interface MatchPattern {
    kind: MatchKind;
    value: string;
}

/**
 * Reads a host or path pattern: `*x*` contains, `x*` prefix, `*x` suffix, else exact. Undefined when the
 * pattern has no text to match with (`*`, `**`, empty) or a `*` elsewhere than at its ends.
 */
export function parseMatchPattern(text: string): MatchPattern | undefined {
    const leading = text.startsWith("*");
    const trailing = text.length > 1 && text.endsWith("*");
    const value = text.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    if (value === "" || value.includes("*")) {
        return undefined;
    }
    const kind: MatchKind = leading && trailing ? "contains" : leading ? "suffix" : trailing ? "prefix" : "exact";
    return { kind, value };
}

/** An IP address as a number, with its version. */
export interface IpAddress {
    version: 4 | 6;
    value: bigint;
}

/** An IP range: its first address and prefix length. */
export interface IpRange {
    version: 4 | 6;
    start: bigint;
    length: number;
    /** The address part as written. */
    prefix: string;
}

const BITS = { 4: 32, 6: 128 } as const;

function parseIpv4Value(text: string): bigint | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
    if (!match) return undefined;
    const octets = match.slice(1, 5).map(Number);
    if (octets.some((o, i) => o > 255 || (match[i + 1].length > 1 && match[i + 1].startsWith("0")))) {
        return undefined;
    }
    return octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n);
}

function parseIpv6Value(text: string): bigint | undefined {
    if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split("::").length > 2) return undefined;
    let groups: string[];
    const ipv4Tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
    let tail: bigint | undefined;
    let body = text;
    if (ipv4Tail) {
        tail = parseIpv4Value(ipv4Tail[1]);
        if (tail === undefined) return undefined;
        body = text.slice(0, -ipv4Tail[1].length);
        if (!body.endsWith(":")) return undefined;
        body = body.endsWith("::") ? body : body.slice(0, -1);
    }
    const wanted = tail === undefined ? 8 : 6;
    if (body.includes("::")) {
        const [head, rest] = body.split("::");
        const h = head === "" ? [] : head.split(":");
        const r = rest === "" ? [] : rest.split(":");
        if (h.length + r.length > wanted - 1) return undefined;
        groups = [...h, ...Array<string>(wanted - h.length - r.length).fill("0"), ...r];
    } else {
        groups = body === "" ? [] : body.split(":");
    }
    if (groups.length !== wanted || groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    let value = groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
    if (tail !== undefined) value = (value << 32n) | tail;
    return value;
}

/** Parses an IPv4 (dotted quad) or IPv6 address; undefined for anything else. */
export function parseIpAddress(text: string): IpAddress | undefined {
    const v4 = parseIpv4Value(text);
    if (v4 !== undefined) return { version: 4, value: v4 };
    if (!text.includes(":")) return undefined;
    const v6 = parseIpv6Value(text);
    return v6 === undefined ? undefined : { version: 6, value: v6 };
}

/** Why an `ipRanges` entry is not an address or a range on its boundary, with the aligned range when it is off it. */
export type IpRangeReading =
    { range: IpRange } | { problem: "not-an-address" } | { problem: "off-boundary"; aligned: string };

function formatAddress(version: 4 | 6, value: bigint): string {
    if (version === 4) {
        return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join(".");
    }
    const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => ((value >> s) & 0xffffn).toString(16));
    // The longest run of zero groups (two or more) is written "::".
    let best = { at: -1, length: 0 };
    for (let i = 0; i < 8;) {
        if (groups[i] !== "0") {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && groups[j] === "0") j++;
        if (j - i > best.length && j - i >= 2) best = { at: i, length: j - i };
        i = j;
    }
    if (best.at < 0) return groups.join(":");
    return `${groups.slice(0, best.at).join(":")}::${groups.slice(best.at + best.length).join(":")}`;
}

/** Reads an `ipRanges` entry: an address (a /32 or /128) or `address/length` with no host bits set. */
export function readIpRange(text: string): IpRangeReading {
    const slash = text.indexOf("/");
    const prefix = slash < 0 ? text : text.slice(0, slash);
    const address = parseIpAddress(prefix);
    const lengthText = slash < 0 ? undefined : text.slice(slash + 1);
    if (!address || (lengthText !== undefined && !/^\d{1,3}$/.test(lengthText))) {
        return { problem: "not-an-address" };
    }
    const bits = BITS[address.version];
    const length = lengthText === undefined ? bits : Number(lengthText);
    if (length > bits) {
        return { problem: "not-an-address" };
    }
    const hostMask = (1n << BigInt(bits - length)) - 1n;
    if ((address.value & hostMask) !== 0n) {
        return {
            problem: "off-boundary",
            aligned: `${formatAddress(address.version, address.value & ~hostMask)}/${length}`,
        };
    }
    return { range: { version: address.version, start: address.value, length, prefix } };
}

/** Whether `address` is in `range`. */
export function ipInRange(address: IpAddress, range: IpRange): boolean {
    if (address.version !== range.version) return false;
    const bits = BITS[range.version];
    const shift = BigInt(bits - range.length);
    return address.value >> shift === range.start >> shift;
}

/** The principal fields, each with the GCP selector it stands for. */
export const principalSelectors = {
    uriSan: "CLIENT_CERT_URI_SAN",
    dnsNameSan: "CLIENT_CERT_DNS_NAME_SAN",
    commonName: "CLIENT_CERT_COMMON_NAME",
} as const;
export type PrincipalField = keyof typeof principalSelectors;

/** The one field a principal sets (undefined unless exactly one is set). */
export function principalField(principal: AuthorizationPrincipalArgs): PrincipalField | undefined {
    const set = (Object.keys(principalSelectors) as PrincipalField[]).filter((f) => principal[f] !== undefined);
    return set.length === 1 ? set[0] : undefined;
}

/** The header value matchers, in the order messages list them. */
export const HEADER_MATCHERS: readonly MatchKind[] = ["exact", "prefix", "suffix", "contains"];

/** The one value matcher a header sets (undefined unless exactly one is set). */
export function headerMatcher(header: AuthorizationHeaderArgs): MatchPattern | undefined {
    const set = HEADER_MATCHERS.filter((k) => header[k] !== undefined);
    return set.length === 1 ? { kind: set[0], value: header[set[0]] as string } : undefined;
}

/** A GCP `StringMatch` for a pattern. */
function stringMatch(pattern: MatchPattern, ignoreCase: boolean) {
    return { [pattern.kind]: pattern.value, ...(ignoreCase ? { ignoreCase: true } : {}) };
}

function ipBlocks(ranges: string[]) {
    return ranges.map((text) => {
        const slash = text.indexOf("/");
        const reading = readIpRange(text);
        const length = "range" in reading ? reading.range.length : Number(text.slice(slash + 1));
        return { prefix: slash < 0 ? text : text.slice(0, slash), length };
    });
}

/**
 * One rule as an AuthzPolicy HTTP rule (pulumi-gcp `networksecurity.AuthzPolicy` `httpRules[]`): one source (or
 * one not-source) and one operation. Hosts are matched whatever their case (`ignoreCase`), paths as written.
 */
export function authorizationHttpRule(rule: AuthorizationRuleArgs) {
    const source = {
        ...(rule.ipRanges?.length ? { ipBlocks: ipBlocks(rule.ipRanges) } : {}),
        ...(rule.principals?.length
            ? {
                  principals: rule.principals.map((principal) => {
                      const field = principalField(principal) ?? "uriSan";
                      return {
                          principalSelector: principalSelectors[field],
                          principal: { exact: principal[field] as string },
                      };
                  }),
              }
            : {}),
    };
    const from =
        Object.keys(source).length > 0
            ? { sources: [source] }
            : rule.notIpRanges?.length
              ? { notSources: [{ ipBlocks: ipBlocks(rule.notIpRanges) }] }
              : undefined;
    const pattern = (text: string): MatchPattern => parseMatchPattern(text) ?? { kind: "exact", value: text };
    const operation = {
        ...(rule.hosts?.length ? { hosts: rule.hosts.map((h) => stringMatch(pattern(h), true)) } : {}),
        ...(rule.paths?.length ? { paths: rule.paths.map((p) => stringMatch(pattern(p), false)) } : {}),
        ...(rule.methods?.length ? { methods: [...rule.methods] } : {}),
        ...(rule.headers?.length
            ? {
                  headerSet: {
                      headers: rule.headers.map((h) => ({
                          name: h.name,
                          value: stringMatch(headerMatcher(h) ?? { kind: "exact", value: "" }, h.ignoreCase === true),
                      })),
                  },
              }
            : {}),
    };
    return {
        ...(from ? { from } : {}),
        ...(Object.keys(operation).length > 0 ? { to: { operations: [operation] } } : {}),
    };
}
