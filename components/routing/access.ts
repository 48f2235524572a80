/**
 * What the load balancer does with a request before the URL map routes it: the mTLS handshake (frontend
 * client certificate validation), then the authorization policies (`authorization`). Pure: the simulator,
 * route tests, `plan --request` and `routeOf` call it.
 *
 * Facts (https://cloud.google.com/load-balancing/docs/mtls): with `REJECT_INVALID` a client without a
 * certificate, or with one whose chain does not validate against the trust config, is refused during the TLS
 * handshake, so no HTTP request reaches the URL map; with `ALLOW_INVALID_OR_MISSING_CLIENT_CERT` every request
 * goes on and the mTLS custom headers carry the verdict to the backend.
 */
import {
    AuthorizationArgs,
    AuthorizationRuleArgs,
    authorizationActions,
    headerMatcher,
    ipInRange,
    MatchPattern,
    parseIpAddress,
    parseMatchPattern,
    principalField,
    readIpRange,
} from "../args/authorization";
import { ClientCertificateTestArgs, HeaderArgs } from "./types";

export type { ClientCertificateTestArgs };

/** The mTLS settings the simulator needs: the validation mode and the headers that carry the verdict. */
export interface ClientCertificateAccess {
    validation: string;
    /** Header name → mTLS variable (no braces). */
    headers: Record<string, string>;
}

/** What happens to a request before routing. */
export interface AccessVerdict {
    /** False when the load balancer refuses the request before the URL map. */
    allowed: boolean;
    /** Why, in words. */
    reason: string;
    /** The mTLS headers the backend receives, with the values the simulated certificate gives. */
    headers: HeaderArgs[];
}

/** The value of one mTLS variable for a simulated certificate; unknown details in angle brackets. */
function variableValue(variable: string, cert: ClientCertificateTestArgs | undefined): string {
    const present = cert !== undefined && cert.present !== false;
    const verified = present && cert!.verified !== false;
    switch (variable) {
        case "client_cert_present":
            return String(present);
        case "client_cert_chain_verified":
            return String(verified);
        case "client_cert_error":
            return verified ? "" : present ? "<chain validation error>" : "<no client certificate>";
        case "client_cert_spiffe_id":
            return present ? (cert!.spiffeId ?? "") : "";
        case "client_cert_uri_sans":
            return present ? (cert!.uriSans ?? (cert!.spiffeId ? [cert!.spiffeId] : [])).join(",") : "";
        case "client_cert_dnsname_sans":
            return present ? (cert!.dnsNameSans ?? []).join(",") : "";
        case "client_cert_subject_dn":
            return present ? (cert!.subjectDn ?? "<subject DN>") : "";
        default:
            return present ? `<${variable}>` : "";
    }
}

/** The mTLS verdict for a request presenting `cert` (undefined: no certificate). */
export function clientCertificateVerdict(
    access: ClientCertificateAccess | undefined,
    cert: ClientCertificateTestArgs | undefined,
): AccessVerdict {
    if (access === undefined) {
        return { allowed: true, reason: "no mutual TLS on this load balancer", headers: [] };
    }
    const present = cert !== undefined && cert.present !== false;
    const verified = present && cert!.verified !== false;
    const headers = Object.entries(access.headers)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, variable]) => ({ name, value: variableValue(variable, cert) }));
    if (access.validation === "REJECT_INVALID" && !verified) {
        return {
            allowed: false,
            reason: present
                ? "the TLS handshake is refused: the client certificate does not validate against the trust config (validation REJECT_INVALID)"
                : "the TLS handshake is refused: the client presents no certificate (validation REJECT_INVALID)",
            headers: [],
        };
    }
    return {
        allowed: true,
        reason: verified
            ? "mutual TLS: the client certificate validates"
            : `mutual TLS: ${present ? "an invalid" : "no"} client certificate, let through (validation ALLOW_INVALID_OR_MISSING_CLIENT_CERT)`,
        headers,
    };
}

/** The request as the authorization policies see it (before any URL map rewrite). */
export interface AuthorizationRequest {
    host: string;
    /** Path with the query string: GCP's path matches include it. */
    path: string;
    method: string;
    headers: HeaderArgs[];
    /** The address the load balancer sees the request from; undefined: not given. */
    sourceIp?: string;
}

/** The authorization policies' verdict on a request. */
export interface AuthorizationVerdict {
    /** `undecided`: the verdict depends on something the request does not give (its source address). */
    decision: "allowed" | "denied" | "undecided";
    /** Why, in words, naming the rule, e.g. "denied by authorization.deny[0]". */
    reason: string;
    /** The rule that decided, e.g. `authorization.deny[0]`. */
    rule?: string;
}

/** Three-valued match: `undefined` when the request does not say (no source address). */
type Tri = boolean | undefined;

const and = (values: Tri[]): Tri => (values.includes(false) ? false : values.includes(undefined) ? undefined : true);

function stringMatches(pattern: MatchPattern, input: string, ignoreCase: boolean): boolean {
    const [value, text] = ignoreCase ? [pattern.value.toLowerCase(), input.toLowerCase()] : [pattern.value, input];
    switch (pattern.kind) {
        case "exact":
            return text === value;
        case "prefix":
            return text.startsWith(value);
        case "suffix":
            return text.endsWith(value);
        case "contains":
            return text.includes(value);
    }
}

/** The common names of a subject DN such as `CN=billing,O=Partner`. */
export function commonNames(subjectDn: string | undefined): string[] {
    return (subjectDn ?? "")
        .split(/(?<!\\),/)
        .map((part) => part.trim())
        .filter((part) => /^CN=/i.test(part))
        .map((part) => part.slice(3));
}

/** The validated client certificate's identities (none when mTLS did not validate one). */
function certificateIdentities(cert: ClientCertificateTestArgs | undefined, validated: boolean) {
    if (!validated || cert === undefined) {
        return { uriSan: [], dnsNameSan: [], commonName: [] };
    }
    return {
        uriSan: cert.uriSans ?? (cert.spiffeId ? [cert.spiffeId] : []),
        dnsNameSan: cert.dnsNameSans ?? [],
        commonName: commonNames(cert.subjectDn),
    };
}

function sourceMatches(ranges: string[], sourceIp: string | undefined): Tri {
    const address = sourceIp === undefined ? undefined : parseIpAddress(sourceIp);
    if (address === undefined) {
        return undefined;
    }
    return ranges.some((text) => {
        const reading = readIpRange(text);
        return "range" in reading && ipInRange(address, reading.range);
    });
}

/** Whether one rule matches the request; `undefined` when it depends on the source address. */
function ruleMatches(
    rule: AuthorizationRuleArgs,
    request: AuthorizationRequest,
    identities: ReturnType<typeof certificateIdentities>,
): Tri {
    const checks: Tri[] = [];
    if (rule.ipRanges?.length) checks.push(sourceMatches(rule.ipRanges, request.sourceIp));
    if (rule.notIpRanges?.length) {
        const inside = sourceMatches(rule.notIpRanges, request.sourceIp);
        checks.push(inside === undefined ? undefined : !inside);
    }
    if (rule.principals?.length) {
        checks.push(
            rule.principals.some((principal) => {
                const field = principalField(principal);
                return field !== undefined && identities[field].includes(principal[field] as string);
            }),
        );
    }
    const matchesAny = (patterns: string[], input: string, ignoreCase: boolean) =>
        patterns.some((text) => {
            const pattern = parseMatchPattern(text);
            return pattern !== undefined && stringMatches(pattern, input, ignoreCase);
        });
    if (rule.hosts?.length) checks.push(matchesAny(rule.hosts, request.host, true));
    if (rule.paths?.length) checks.push(matchesAny(rule.paths, request.path, false));
    if (rule.methods?.length) checks.push(rule.methods.includes(request.method.toUpperCase()));
    if (rule.headers?.length) {
        checks.push(
            rule.headers.every((header) => {
                const matcher = headerMatcher(header);
                const sent = request.headers.find((h) => h.name.toLowerCase() === header.name.toLowerCase());
                return (
                    matcher !== undefined &&
                    sent !== undefined &&
                    stringMatches(matcher, sent.value, header.ignoreCase === true)
                );
            }),
        );
    }
    return and(checks);
}

/** The first rule of a list that matches, or whether the list's match is undecided. */
function listMatch(
    field: string,
    rules: AuthorizationRuleArgs[],
    request: AuthorizationRequest,
    identities: ReturnType<typeof certificateIdentities>,
): { match: Tri; rule?: string; undecided: string[] } {
    const undecided: string[] = [];
    for (const [i, rule] of rules.entries()) {
        const match = ruleMatches(rule, request, identities);
        if (match === true) return { match: true, rule: `${field}[${i}]`, undecided };
        if (match === undefined) undecided.push(`${field}[${i}]`);
    }
    return { match: undecided.length > 0 ? undefined : false, undecided };
}

/**
 * The authorization policies' verdict on a request that passed the mTLS handshake, as GCP evaluates them:
 * a matching DENY rule denies; then, with ALLOW rules, only a request matching one of them is allowed.
 * Principals match only a certificate mTLS validated (`certificateValidated`).
 */
export function authorizationVerdict(
    authorization: AuthorizationArgs | undefined,
    request: AuthorizationRequest,
    cert: ClientCertificateTestArgs | undefined,
    certificateValidated: boolean,
): AuthorizationVerdict {
    if (authorization === undefined || (authorization.allow === undefined && authorization.deny === undefined)) {
        return { decision: "allowed", reason: "no authorization policy on this load balancer" };
    }
    const identities = certificateIdentities(cert, certificateValidated);
    const lists = authorizationActions.map(({ field }) => ({ field, rules: authorization[field] }));
    const byCommonName = lists.flatMap(({ field, rules }) =>
        (rules ?? []).flatMap((rule, i) =>
            (rule.principals ?? []).flatMap((p, j) =>
                principalField(p) === "commonName" ? [`authorization.${field}[${i}].principals[${j}]`] : [],
            ),
        ),
    );
    if (byCommonName.length > 0 && identities.commonName.length > 1) {
        return {
            decision: "denied",
            reason: `denied: the client certificate has ${identities.commonName.length} common names, and ${byCommonName[0]} matches on the common name (GCP refuses such requests)`,
            rule: byCommonName[0],
        };
    }
    const deny = authorization.deny
        ? listMatch("authorization.deny", authorization.deny, request, identities)
        : { match: false as Tri, undecided: [] };
    if (deny.match === true) {
        return { decision: "denied", reason: `denied by ${deny.rule}`, rule: deny.rule };
    }
    const allow = authorization.allow
        ? listMatch("authorization.allow", authorization.allow, request, identities)
        : undefined;
    if (allow?.match === false) {
        return { decision: "denied", reason: "denied: no rule of authorization.allow matches" };
    }
    const undecided = (rules: string[]): AuthorizationVerdict => ({
        decision: "undecided",
        reason: `undecided: ${rules.join(", ")} ${rules.length === 1 ? "matches" : "match"} on the source address, which the request does not give`,
    });
    if (deny.match === undefined) {
        return undecided(deny.undecided);
    }
    if (allow?.match === undefined && allow !== undefined) {
        return undecided(allow.undecided);
    }
    if (allow?.match === true) {
        return { decision: "allowed", reason: `allowed by ${allow.rule}`, rule: allow.rule };
    }
    return { decision: "allowed", reason: "allowed: no rule of authorization.deny matches" };
}

/** What happens to a request before the URL map: the mTLS handshake, then the authorization policies. */
export interface RequestAccess {
    /** `undecided`: the authorization verdict depends on the source address, which the request does not give. */
    decision: "allowed" | "denied" | "undecided";
    /** Why, in words: the mTLS refusal, or the authorization verdict naming its rule. */
    reason: string;
    /** The mTLS verdict (and the mTLS headers the backend receives). */
    clientCertificate: AccessVerdict;
    /** The authorization verdict; undefined when the handshake is refused (no HTTP request is made). */
    authorization?: AuthorizationVerdict;
}

/** The access verdict on a request: mutual TLS first, then, for a request that gets through, authorization. */
export function requestAccess(
    clientCertificates: ClientCertificateAccess | undefined,
    authorization: AuthorizationArgs | undefined,
    request: AuthorizationRequest,
    cert: ClientCertificateTestArgs | undefined,
): RequestAccess {
    const tls = clientCertificateVerdict(clientCertificates, cert);
    if (!tls.allowed) {
        return { decision: "denied", reason: tls.reason, clientCertificate: tls };
    }
    const validated =
        clientCertificates !== undefined && cert !== undefined && cert.present !== false && cert.verified !== false;
    const verdict = authorizationVerdict(authorization, request, cert, validated);
    return {
        decision: verdict.decision,
        reason: authorization === undefined ? tls.reason : verdict.reason,
        clientCertificate: tls,
        authorization: authorization === undefined ? undefined : verdict,
    };
}
