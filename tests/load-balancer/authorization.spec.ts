/**
 * `authorization`: the AuthzPolicy per list on every forwarding rule of each scheme that has them, the rules that
 * refuse what GCP would, and the verdict the simulator gives route tests, `plan --request` and `routeOf`.
 */
import * as assert from "assert";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs, validateLoadBalancerArgs } from "../../components";
import { authorizationVerdict, requestAccess } from "../../components/routing/access";
import { ipInRange, parseIpAddress, readIpRange } from "../../components/args/authorization";
import { formatRequests, parseRequest, routeRequest } from "../../components/cli/plan-routing";
import { run } from "../../components/cli/main";
import { clearRecordedRoutings, startRecordingRoutings } from "../../components/routing/registry";
import { installMocks, Recorder, settle } from "../../components/testing/mocks";
import { mockGcp, routeOf } from "../../components/testing";

const R = "europe-west1";
const R2 = "us-central1";
const LINK = "https://www.googleapis.com/compute/v1/projects/mock-project";
const AUTHZ = "gcp:networksecurity/authzPolicy:AuthzPolicy";
const CERT = { certificate: { certificate: "-----BEGIN CERTIFICATE-----", privateKey: "-----BEGIN PRIVATE KEY-----" } };
const TRUST = { trustAnchors: ["-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"] };
const DENY_DESCRIPTION = "Requests the load balancer denies (cloudrun-lb authorization.deny)";
const ALLOW_DESCRIPTION =
    "Requests the load balancer lets through; every other request is denied (cloudrun-lb authorization.allow)";

const internal = (authorization: ApplicationLoadBalancerArgs["authorization"]): ApplicationLoadBalancerArgs => ({
    scheme: "regional-internal",
    region: R,
    backends: { api: { cloudRun: { service: "api" } } },
    authorization,
});

/** The problems of the `authorization-*` rules, as the user reads them. */
function authzProblems(args: ApplicationLoadBalancerArgs) {
    return validateLoadBalancerArgs(args)
        .filter((p) => p.rule.startsWith("authorization-"))
        .map((p) => ({ rule: p.rule, field: p.field, message: p.message, fix: p.fix }));
}

/** The route-test problems of these Args. */
function routeTestProblems(args: ApplicationLoadBalancerArgs) {
    return validateLoadBalancerArgs(args)
        .filter((p) => p.rule === "route-test")
        .map((p) => ({ field: p.field, message: p.message }));
}

describe("authorization: one AuthzPolicy per list on every forwarding rule, per scheme", () => {
    let recorder: Recorder;
    const policy = (name: string) => recorder.get(AUTHZ, name).inputs;

    before(async () => {
        recorder = installMocks();
        const deny = [
            {
                hosts: ["api.example.com", "*.internal.example.com"],
                paths: ["/admin/*", "*.php", "*debug*", "/exact"],
                methods: ["DELETE", "PATCH"],
                headers: [
                    { name: "x-api-version", exact: "1" },
                    { name: "user-agent", contains: "curl", ignoreCase: true },
                ],
            },
            { notIpRanges: ["10.20.0.0/16", "2001:db8::/32"] },
        ];
        new ApplicationLoadBalancer("ge", {
            scheme: "global-external",
            ipv6: true,
            backends: { api: { cloudRun: { service: "api", region: R } } },
            https: { managedDomains: ["api.example.com"] },
            authorization: { deny },
        });
        new ApplicationLoadBalancer("re", {
            scheme: "regional-external",
            region: R,
            ipv6: true,
            backends: { api: { cloudRun: { service: "api" } } },
            https: { ...CERT, clientCertificates: TRUST },
            authorization: {
                allow: [
                    {
                        ipRanges: ["203.0.113.7", "198.51.100.0/24"],
                        principals: [
                            { uriSan: "spiffe://partner.example.com/billing" },
                            { dnsNameSan: "billing.partner.example.com" },
                            { commonName: "billing" },
                        ],
                    },
                ],
            },
        });
        new ApplicationLoadBalancer("ri", internal({ allow: [{ ipRanges: ["10.0.0.0/8"] }] }));
        new ApplicationLoadBalancer("xri", {
            scheme: "cross-region-internal",
            regions: [R, R2],
            backends: { api: { cloudRun: { service: "api", regions: [R, R2] } } },
            https: {
                certificateManagerCertificates: ["projects/p/locations/global/certificates/c"],
                redirectHttp: true,
            },
            authorization: { deny: [{ paths: ["/admin*"] }], allow: [{ ipRanges: ["10.0.0.0/8"] }] },
        });
        new ApplicationLoadBalancer("none", internal(undefined));
        await settle();
    });

    it("creates the policies as children of their load balancer, one per list set, none without authorization", () => {
        assert.deepStrictEqual(
            recorder
                .cloudResources()
                .filter((r) => r.type === AUTHZ)
                .map((r) => `${r.name} <- ${r.parent}`)
                .sort(),
            [
                "ge-authz-deny <- cloudrun-lb:index:ApplicationLoadBalancer::ge",
                "re-authz-allow <- cloudrun-lb:index:ApplicationLoadBalancer::re",
                "ri-authz-allow <- cloudrun-lb:index:ApplicationLoadBalancer::ri",
                "xri-authz-allow <- cloudrun-lb:index:ApplicationLoadBalancer::xri",
                "xri-authz-deny <- cloudrun-lb:index:ApplicationLoadBalancer::xri",
            ],
        );
    });

    it("global external: location global, EXTERNAL_MANAGED, the HTTPS and redirect rules in IPv4 and IPv6, every match form", () => {
        assert.deepStrictEqual(policy("ge-authz-deny"), {
            action: "DENY",
            description: DENY_DESCRIPTION,
            httpRules: [
                {
                    to: {
                        operations: [
                            {
                                headerSet: {
                                    headers: [
                                        { name: "x-api-version", value: { exact: "1" } },
                                        { name: "user-agent", value: { contains: "curl", ignoreCase: true } },
                                    ],
                                },
                                hosts: [
                                    { exact: "api.example.com", ignoreCase: true },
                                    { ignoreCase: true, suffix: ".internal.example.com" },
                                ],
                                methods: ["DELETE", "PATCH"],
                                paths: [
                                    { prefix: "/admin/" },
                                    { suffix: ".php" },
                                    { contains: "debug" },
                                    { exact: "/exact" },
                                ],
                            },
                        ],
                    },
                },
                {
                    from: {
                        notSources: [
                            {
                                ipBlocks: [
                                    { length: 16, prefix: "10.20.0.0" },
                                    { length: 32, prefix: "2001:db8::" },
                                ],
                            },
                        ],
                    },
                },
            ],
            location: "global",
            name: "ge-authz-deny",
            target: {
                loadBalancingScheme: "EXTERNAL_MANAGED",
                resources: [
                    `${LINK}/global/forwardingRules/ge-https-rule`,
                    `${LINK}/global/forwardingRules/ge-https-rule-ipv6`,
                    `${LINK}/global/forwardingRules/ge-http-rule`,
                    `${LINK}/global/forwardingRules/ge-http-rule-ipv6`,
                ],
            },
        });
    });

    it("regional external: the region, EXTERNAL_MANAGED, sources with IP blocks and one principal per selector", () => {
        assert.deepStrictEqual(policy("re-authz-allow"), {
            action: "ALLOW",
            description: ALLOW_DESCRIPTION,
            httpRules: [
                {
                    from: {
                        sources: [
                            {
                                ipBlocks: [
                                    { length: 32, prefix: "203.0.113.7" },
                                    { length: 24, prefix: "198.51.100.0" },
                                ],
                                principals: [
                                    {
                                        principal: { exact: "spiffe://partner.example.com/billing" },
                                        principalSelector: "CLIENT_CERT_URI_SAN",
                                    },
                                    {
                                        principal: { exact: "billing.partner.example.com" },
                                        principalSelector: "CLIENT_CERT_DNS_NAME_SAN",
                                    },
                                    { principal: { exact: "billing" }, principalSelector: "CLIENT_CERT_COMMON_NAME" },
                                ],
                            },
                        ],
                    },
                },
            ],
            location: R,
            name: "re-authz-allow",
            target: {
                loadBalancingScheme: "EXTERNAL_MANAGED",
                resources: [
                    `${LINK}/regions/${R}/forwardingRules/re-https-rule`,
                    `${LINK}/regions/${R}/forwardingRules/re-https-rule-ipv6`,
                    `${LINK}/regions/${R}/forwardingRules/re-http-rule`,
                    `${LINK}/regions/${R}/forwardingRules/re-http-rule-ipv6`,
                ],
            },
        });
    });

    it("regional internal: the region, INTERNAL_MANAGED, its one HTTP forwarding rule", () => {
        assert.deepStrictEqual(policy("ri-authz-allow"), {
            action: "ALLOW",
            description: ALLOW_DESCRIPTION,
            httpRules: [{ from: { sources: [{ ipBlocks: [{ length: 8, prefix: "10.0.0.0" }] }] } }],
            location: R,
            name: "ri-authz-allow",
            target: {
                loadBalancingScheme: "INTERNAL_MANAGED",
                resources: [`${LINK}/regions/${R}/forwardingRules/ri-http-rule`],
            },
        });
    });

    it("cross-region internal: location global, INTERNAL_MANAGED, every region's HTTPS and HTTP rule, in both policies", () => {
        const target = {
            loadBalancingScheme: "INTERNAL_MANAGED",
            resources: [
                `${LINK}/global/forwardingRules/xri-https-rule-${R}`,
                `${LINK}/global/forwardingRules/xri-https-rule-${R2}`,
                `${LINK}/global/forwardingRules/xri-http-rule-${R}`,
                `${LINK}/global/forwardingRules/xri-http-rule-${R2}`,
            ],
        };
        assert.deepStrictEqual(policy("xri-authz-deny"), {
            action: "DENY",
            description: DENY_DESCRIPTION,
            httpRules: [{ to: { operations: [{ paths: [{ prefix: "/admin" }] }] } }],
            location: "global",
            name: "xri-authz-deny",
            target,
        });
        assert.deepStrictEqual(
            [policy("xri-authz-allow").location, policy("xri-authz-allow").target, policy("xri-authz-allow").action],
            ["global", target, "ALLOW"],
        );
    });
});

describe("authorization: refused on classic, and each rule's message", () => {
    it("refuses classic at preview, naming global external and Cloud Armor", () => {
        assert.deepStrictEqual(
            authzProblems({
                scheme: "classic",
                backends: { api: { cloudRun: { service: "api", region: R } } },
                authorization: { deny: [{ paths: ["/admin/*"] }] },
            }),
            [
                {
                    rule: "authorization-scheme",
                    field: "authorization",
                    message:
                        'An authorization policy is not supported by the classic Application Load Balancer (scheme "classic")',
                    fix: "use scheme global-external (a classic load balancer migrates in place: migrationStage), or Cloud Armor (backends.<key>.securityPolicy) for source-address and path rules",
                },
            ],
        );
    });

    it("accepts the four other schemes with no problem", () => {
        const cases: ApplicationLoadBalancerArgs[] = [
            internal({ deny: [{ paths: ["/admin/*"] }] }),
            { ...internal({ deny: [{ paths: ["/admin/*"] }] }), scheme: "regional-external" },
            { ...internal({ deny: [{ paths: ["/admin/*"] }] }), scheme: "cross-region-internal", regions: [R, R2] },
            {
                scheme: "global-external",
                backends: { api: { cloudRun: { service: "api", region: R } } },
                authorization: { deny: [{ paths: ["/admin/*"] }] },
            },
        ];
        assert.deepStrictEqual(
            cases.map((c) => validateLoadBalancerArgs(c)),
            [[], [], [], []],
        );
    });

    it("authorization-rules: lists set and not empty, rules not empty, no empty field, notIpRanges alone", () => {
        assert.deepStrictEqual(authzProblems(internal({})), [
            {
                rule: "authorization-rules",
                field: "authorization",
                message: "sets neither allow nor deny: no authorization policy would be made",
                fix: "add deny rules (requests to refuse) or allow rules (the only requests to let through), or remove authorization",
            },
        ]);
        assert.deepStrictEqual(
            authzProblems(
                internal({
                    allow: [],
                    deny: [
                        {},
                        { ipRanges: [] },
                        { notIpRanges: ["10.0.0.0/8"], principals: [{ uriSan: "spiffe://a/b" }] },
                    ],
                }),
            ).filter((p) => p.rule === "authorization-rules"),
            [
                {
                    rule: "authorization-rules",
                    field: "authorization.allow",
                    message: "is empty: GCP requires at least one rule in an ALLOW policy",
                    fix: "list the requests to let through, or remove allow (then every request no deny rule matches is allowed)",
                },
                {
                    rule: "authorization-rules",
                    field: "authorization.deny[0]",
                    message: "sets no field: it would match every request, denying them all",
                    fix: "give at least one of ipRanges, notIpRanges, principals, hosts, paths, methods, headers",
                },
                {
                    rule: "authorization-rules",
                    field: "authorization.deny[1].ipRanges",
                    message: "is empty: GCP leaves an empty list out, so the rule would match any value of it",
                    fix: "list the values to match, or remove ipRanges",
                },
                {
                    rule: "authorization-rules",
                    field: "authorization.deny[2].notIpRanges",
                    message:
                        "is set with principals: GCP matches a rule's source when either its sources or its not-sources match, not both",
                    fix: "put notIpRanges in a rule of its own, without ipRanges and principals",
                },
            ],
        );
    });

    it("authorization-ip-ranges: addresses and ranges by their first address, IPv4 and IPv6", () => {
        assert.deepStrictEqual(
            authzProblems(
                internal({
                    allow: [{ ipRanges: ["10.0.0.5/24", "10.0.0.300", "2001:db8::/32", "fe80::1", "10.1.0.0/16"] }],
                    deny: [{ notIpRanges: ["2001:db8::1/129", "2001:db8::1/64"] }],
                }),
            ),
            [
                {
                    rule: "authorization-ip-ranges",
                    field: "authorization.deny[0].notIpRanges[0]",
                    message: '"2001:db8::1/129" is not an IPv4 or IPv6 address or CIDR range',
                    fix: 'write an address ("203.0.113.7", "2001:db8::1") or a range ("10.130.0.0/24", "2001:db8::/32")',
                },
                {
                    rule: "authorization-ip-ranges",
                    field: "authorization.deny[0].notIpRanges[1]",
                    message:
                        '"2001:db8::1/64" has bits set past its prefix length: a range is written by its first address',
                    fix: "use the range's network address, 2001:db8::/64",
                },
                {
                    rule: "authorization-ip-ranges",
                    field: "authorization.allow[0].ipRanges[0]",
                    message:
                        '"10.0.0.5/24" has bits set past its prefix length: a range is written by its first address',
                    fix: "use the range's network address, 10.0.0.0/24",
                },
                {
                    rule: "authorization-ip-ranges",
                    field: "authorization.allow[0].ipRanges[1]",
                    message: '"10.0.0.300" is not an IPv4 or IPv6 address or CIDR range',
                    fix: 'write an address ("203.0.113.7", "2001:db8::1") or a range ("10.130.0.0/24", "2001:db8::/32")',
                },
            ],
        );
    });

    it("authorization-principals: only with mTLS, not on global external, one non-empty identity each", () => {
        assert.deepStrictEqual(authzProblems(internal({ allow: [{ principals: [{ uriSan: "spiffe://a/b" }] }] })), [
            {
                rule: "authorization-principals",
                field: "authorization.allow[0].principals",
                message:
                    "matches client certificate identities, but the load balancer asks for no client certificate (https.clientCertificates is not set), so no request would match",
                fix: "set https.clientCertificates (frontend mutual TLS), or match on ipRanges instead of principals",
            },
        ]);
        assert.deepStrictEqual(
            authzProblems({
                scheme: "global-external",
                backends: { api: { cloudRun: { service: "api", region: R } } },
                https: { managedDomains: ["api.example.com"], clientCertificates: TRUST },
                authorization: { allow: [{ principals: [{ uriSan: "spiffe://a/b" }] }] },
            }),
            [
                {
                    rule: "authorization-principals",
                    field: "authorization.allow[0].principals",
                    message:
                        'Matching client certificate identities (principals) is not supported by the global external Application Load Balancer (scheme "global-external")',
                    fix: "match the mTLS verdict at the backend (https.clientCertificates.headers, e.g. client_cert_uri_sans), or use scheme regional-external",
                },
            ],
        );
        assert.deepStrictEqual(
            authzProblems({
                ...internal({
                    allow: [{ principals: [{}, { uriSan: "spiffe://a/b", commonName: "b" }, { dnsNameSan: "" }] }],
                }),
                https: { ...CERT, clientCertificates: TRUST },
            }),
            [
                {
                    rule: "authorization-principals",
                    field: "authorization.allow[0].principals[0]",
                    message: "names no identity: none of uriSan, dnsNameSan, commonName is set",
                    fix: 'give exactly one, e.g. { uriSan: "spiffe://partner.example.com/billing" }, or one principal per identity',
                },
                {
                    rule: "authorization-principals",
                    field: "authorization.allow[0].principals[1]",
                    message: "sets uriSan and commonName: a principal is one identity",
                    fix: 'give exactly one, e.g. { uriSan: "spiffe://partner.example.com/billing" }, or one principal per identity',
                },
                {
                    rule: "authorization-principals",
                    field: "authorization.allow[0].principals[2].dnsNameSan",
                    message: "is empty: GCP matches principals exactly, against a non-empty value",
                    fix: "give the identity the client certificate carries",
                },
            ],
        );
    });

    it("authorization-hosts-paths: the pattern forms, paths from '/', hosts without '/'", () => {
        const pathFix =
            'write an exact value, a prefix ending in "*" or a suffix starting with "*", e.g. "/admin" or "/admin/*"';
        assert.deepStrictEqual(
            authzProblems(
                internal({
                    deny: [
                        { paths: ["admin/*", "*", "/a*b", "*.php", "/ok/*"], hosts: ["a/b", "**", "*.example.com"] },
                    ],
                }),
            ),
            [
                {
                    rule: "authorization-hosts-paths",
                    field: "authorization.deny[0].hosts[0]",
                    message: '"a/b" is not a host: a Host header has no spaces, "/" or "@"',
                    fix: 'give the host name (and port, if clients send one), e.g. "api.example.com"',
                },
                {
                    rule: "authorization-hosts-paths",
                    field: "authorization.deny[0].hosts[1]",
                    message: '"**" has nothing to match: GCP takes no empty match (leave hosts out to match any)',
                    fix: 'write an exact value, a prefix ending in "*" or a suffix starting with "*", e.g. "api.example.com" or "*.example.com"',
                },
                {
                    rule: "authorization-hosts-paths",
                    field: "authorization.deny[0].paths[0]",
                    message:
                        '"admin/*" does not start with "/": the path a request carries always does, so it would match nothing',
                    fix: 'start the path with "/", e.g. "/admin/*"',
                },
                {
                    rule: "authorization-hosts-paths",
                    field: "authorization.deny[0].paths[1]",
                    message: '"*" has nothing to match: GCP takes no empty match (leave paths out to match any)',
                    fix: pathFix,
                },
                {
                    rule: "authorization-hosts-paths",
                    field: "authorization.deny[0].paths[2]",
                    message:
                        '"/a*b" has a "*" inside: only a leading "*" (suffix) or a trailing one (prefix) is a wildcard',
                    fix: pathFix,
                },
            ],
        );
    });

    it("authorization-methods: GCP's seven methods, uppercase", () => {
        assert.deepStrictEqual(authzProblems(internal({ deny: [{ methods: ["get", "FETCH", "DELETE"] }] })), [
            {
                rule: "authorization-methods",
                field: "authorization.deny[0].methods[0]",
                message:
                    '"get" is not uppercase: GCP matches methods exactly and case sensitively, and clients send them uppercase',
                fix: "write it uppercase: GET",
            },
            {
                rule: "authorization-methods",
                field: "authorization.deny[0].methods[1]",
                message:
                    '"FETCH" is not an HTTP method an authorization policy takes (GET, PUT, POST, HEAD, PATCH, DELETE, OPTIONS)',
                fix: "use one of GET, PUT, POST, HEAD, PATCH, DELETE, OPTIONS",
            },
        ]);
    });

    it("authorization-headers: a header name, one value matcher, no empty prefix/suffix/contains", () => {
        const oneWay =
            'set exactly one of exact, prefix, suffix and contains, e.g. { name: "x-api-version", exact: "2" }';
        assert.deepStrictEqual(
            authzProblems(
                internal({
                    deny: [
                        {
                            headers: [
                                { name: "x y", exact: "1" },
                                { name: "x-a" },
                                { name: "x-b", prefix: "a", suffix: "b" },
                                { name: "x-c", contains: "" },
                                { name: "x-d", exact: "" },
                            ],
                        },
                    ],
                }),
            ),
            [
                {
                    rule: "authorization-headers",
                    field: "authorization.deny[0].headers[0].name",
                    message: '"x y" is not an HTTP header name (letters, digits and !#$%&\'*+.^_`|~- only)',
                    fix: 'give the header\'s name, e.g. "x-api-version"',
                },
                {
                    rule: "authorization-headers",
                    field: "authorization.deny[0].headers[1]",
                    message: "gives no value to match: none of exact, prefix, suffix, contains is set",
                    fix: oneWay,
                },
                {
                    rule: "authorization-headers",
                    field: "authorization.deny[0].headers[2]",
                    message: "sets prefix and suffix: a header matches its value one way",
                    fix: oneWay,
                },
                {
                    rule: "authorization-headers",
                    field: "authorization.deny[0].headers[3].contains",
                    message: "is empty: GCP takes no empty contains match",
                    fix: 'give the text to match, or use exact: "" for a header sent with an empty value',
                },
            ],
        );
    });

    it("authorization-limits: 5 rules, and 10 ranges, paths, hosts, methods, headers and 50 principals over them", () => {
        const rules = [1, 2, 3, 4, 5, 6].map((i) => ({
            paths: [`/p${i}/*`, `/q${i}/*`],
            ipRanges: [`10.${i}.0.0/16`, `10.${i + 10}.0.0/16`],
            methods: ["GET", "POST"],
        }));
        assert.deepStrictEqual(authzProblems(internal({ allow: rules })), [
            {
                rule: "authorization-limits",
                field: "authorization.allow",
                message: "has 6 rules: an authorization policy takes at most 5",
                fix: "merge rules that share their other fields: the values of one field are alternatives (any path, any method …)",
            },
            {
                rule: "authorization-limits",
                field: "authorization.allow",
                message:
                    "has 12 IP ranges (ipRanges and notIpRanges) over its rules: an authorization policy takes at most 10, counted over all its rules",
                fix: "cover the addresses with fewer, wider ranges",
            },
            {
                rule: "authorization-limits",
                field: "authorization.allow",
                message:
                    "has 12 paths over its rules: an authorization policy takes at most 10, counted over all its rules",
                fix: 'match fewer values: a prefix or suffix pattern ("/api/*", "*.example.com") covers many',
            },
            {
                rule: "authorization-limits",
                field: "authorization.allow",
                message:
                    "has 12 methods over its rules: an authorization policy takes at most 10, counted over all its rules",
                fix: "list each method once, in one rule",
            },
        ]);
        // At the limits (5 rules, 10 of each over them), nothing is reported.
        assert.deepStrictEqual(authzProblems(internal({ allow: rules.slice(0, 5) })), []);
    });

    it("authorization-deny-exact-path: warns that an exact denied path lets its query strings through", () => {
        const problems = validateLoadBalancerArgs(
            internal({ deny: [{ paths: ["/admin", "/admin/*"] }], allow: [{ paths: ["/health"] }] }),
        );
        assert.deepStrictEqual(problems, [
            {
                rule: "authorization-deny-exact-path",
                field: "authorization.deny[0].paths[0]",
                message:
                    '"/admin" is an exact path, and GCP\'s path match includes the query string: the same path with "?…" is not denied',
                fix: 'add the path followed by "*" (a prefix), which covers its query strings too',
                severity: "warning",
            },
        ]);
    });
});

describe("authorization: the simulator's verdict", () => {
    const request = (
        path: string,
        extra: Partial<{
            host: string;
            method: string;
            sourceIp: string;
            headers: { name: string; value: string }[];
        }> = {},
    ) => ({
        host: "api.example.com",
        path,
        method: "GET",
        headers: [],
        ...extra,
    });

    it("denies by the first deny rule that matches, and names it", () => {
        const authorization = { deny: [{ methods: ["DELETE"] }, { paths: ["/admin/*"] }] };
        assert.deepStrictEqual(authorizationVerdict(authorization, request("/admin/users"), undefined, false), {
            decision: "denied",
            reason: "denied by authorization.deny[1]",
            rule: "authorization.deny[1]",
        });
        assert.deepStrictEqual(authorizationVerdict(authorization, request("/v1"), undefined, false), {
            decision: "allowed",
            reason: "allowed: no rule of authorization.deny matches",
        });
    });

    it("with allow rules, denies a request none matches (an allow-list miss)", () => {
        const authorization = { allow: [{ ipRanges: ["10.130.0.0/24"] }, { hosts: ["*.internal.example"] }] };
        assert.deepStrictEqual(
            authorizationVerdict(authorization, request("/", { sourceIp: "10.9.0.1" }), undefined, false),
            { decision: "denied", reason: "denied: no rule of authorization.allow matches" },
        );
        assert.deepStrictEqual(
            authorizationVerdict(authorization, request("/", { sourceIp: "10.130.0.200" }), undefined, false),
            { decision: "allowed", reason: "allowed by authorization.allow[0]", rule: "authorization.allow[0]" },
        );
        // Hosts are matched whatever their case.
        assert.deepStrictEqual(
            authorizationVerdict(
                authorization,
                request("/", { host: "API.Internal.Example", sourceIp: "10.9.0.1" }),
                undefined,
                false,
            ).rule,
            "authorization.allow[1]",
        );
    });

    it("deny before allow: a request both match is denied", () => {
        const authorization = { deny: [{ paths: ["/admin*"] }], allow: [{ paths: ["/*"] }] };
        assert.strictEqual(authorizationVerdict(authorization, request("/admin"), undefined, false).decision, "denied");
        assert.strictEqual(authorizationVerdict(authorization, request("/v1"), undefined, false).decision, "allowed");
    });

    it("is undecided when it depends on the source address and none is given, decided when it does not", () => {
        const authorization = {
            deny: [{ paths: ["/admin*"], ipRanges: ["10.130.0.0/24"] }],
            allow: [{ ipRanges: ["10.0.0.0/8"] }],
        };
        assert.deepStrictEqual(authorizationVerdict(authorization, request("/admin"), undefined, false), {
            decision: "undecided",
            reason: "undecided: authorization.deny[0] matches on the source address, which the request does not give",
        });
        assert.deepStrictEqual(authorizationVerdict(authorization, request("/v1"), undefined, false), {
            decision: "undecided",
            reason: "undecided: authorization.allow[0] matches on the source address, which the request does not give",
        });
        // A request no allow rule can match is denied whatever the deny rules say.
        const hosts = { deny: [{ ipRanges: ["10.1.0.0/16"] }], allow: [{ hosts: ["a.example.com"] }] };
        assert.strictEqual(
            authorizationVerdict(hosts, request("/", { host: "b.example.com" }), undefined, false).decision,
            "denied",
        );
    });

    it("matches paths with their query string, notIpRanges by exclusion, headers all together, IPv6 ranges", () => {
        const exact = { deny: [{ paths: ["/admin"] }] };
        assert.strictEqual(authorizationVerdict(exact, request("/admin"), undefined, false).decision, "denied");
        assert.strictEqual(authorizationVerdict(exact, request("/admin?x=1"), undefined, false).decision, "allowed");
        const outside = { deny: [{ notIpRanges: ["10.20.0.0/16", "2001:db8::/32"] }] };
        assert.deepStrictEqual(
            ["10.20.3.4", "10.21.0.1", "2001:db8:0:1::7", "2001:db9::1"].map(
                (sourceIp) => authorizationVerdict(outside, request("/", { sourceIp }), undefined, false).decision,
            ),
            ["allowed", "denied", "allowed", "denied"],
        );
        const headers = {
            deny: [
                {
                    headers: [
                        { name: "X-Debug", exact: "1" },
                        { name: "user-agent", prefix: "CURL", ignoreCase: true },
                    ],
                },
            ],
        };
        const sent = (h: [string, string][]) =>
            authorizationVerdict(
                headers,
                request("/", { headers: h.map(([name, value]) => ({ name, value })) }),
                undefined,
                false,
            ).decision;
        assert.deepStrictEqual(
            [
                sent([
                    ["x-debug", "1"],
                    ["User-Agent", "curl/8.5"],
                ]),
                sent([["x-debug", "1"]]),
                sent([
                    ["x-debug", "2"],
                    ["user-agent", "curl"],
                ]),
            ],
            ["denied", "allowed", "allowed"],
        );
    });

    it("matches principals only on a certificate mTLS validated, by URI SAN, DNS SAN or common name", () => {
        const authorization = {
            allow: [
                {
                    principals: [
                        { uriSan: "spiffe://partner.example.com/billing" },
                        { dnsNameSan: "ops.partner.example.com" },
                        { commonName: "auditor" },
                    ],
                },
            ],
        };
        const verdict = (cert: object | undefined, validated = true) =>
            authorizationVerdict(authorization, request("/"), cert as never, validated).decision;
        assert.deepStrictEqual(
            [
                verdict({ spiffeId: "spiffe://partner.example.com/billing" }),
                verdict({ uriSans: ["spiffe://partner.example.com/other"] }),
                verdict({ dnsNameSans: ["ops.partner.example.com"] }),
                verdict({ subjectDn: "CN=auditor,O=Partner" }),
                verdict({ spiffeId: "spiffe://partner.example.com/billing" }, false),
                verdict(undefined),
            ],
            ["allowed", "denied", "allowed", "allowed", "denied", "denied"],
        );
        assert.deepStrictEqual(
            authorizationVerdict(authorization, request("/"), { subjectDn: "CN=auditor,CN=other" }, true),
            {
                decision: "denied",
                reason: "denied: the client certificate has 2 common names, and authorization.allow[0].principals[2] matches on the common name (GCP refuses such requests)",
                rule: "authorization.allow[0].principals[2]",
            },
        );
    });

    it("runs after mTLS: a refused handshake never reaches the policies; a validated certificate's identity does", () => {
        const mtls = { validation: "REJECT_INVALID", headers: {} };
        const authorization = { allow: [{ principals: [{ uriSan: "spiffe://p/billing" }] }] };
        assert.deepStrictEqual(requestAccess(mtls, authorization, request("/"), { present: false }), {
            decision: "denied",
            reason: "the TLS handshake is refused: the client presents no certificate (validation REJECT_INVALID)",
            clientCertificate: {
                allowed: false,
                reason: "the TLS handshake is refused: the client presents no certificate (validation REJECT_INVALID)",
                headers: [],
            },
        });
        assert.deepStrictEqual(
            requestAccess(mtls, authorization, request("/"), { spiffeId: "spiffe://p/billing" }).reason,
            "allowed by authorization.allow[0]",
        );
        const lenient = { validation: "ALLOW_INVALID_OR_MISSING_CLIENT_CERT", headers: {} };
        assert.deepStrictEqual(
            requestAccess(lenient, authorization, request("/"), { spiffeId: "spiffe://p/billing", verified: false })
                .reason,
            "denied: no rule of authorization.allow matches",
        );
    });

    it("reads IPv4 and IPv6 addresses and ranges", () => {
        assert.deepStrictEqual(
            ["::ffff:10.0.0.1", "2001:db8::", "1:2:3:4:5:6:7:8", "1::2::3", "10.0.0.01", "::"].map(
                (t) => parseIpAddress(t)?.version,
            ),
            [6, 6, 6, undefined, undefined, 6],
        );
        const range = readIpRange("2001:db8:ab00::/40");
        assert.ok("range" in range);
        assert.deepStrictEqual(
            ["2001:db8:abff::1", "2001:db8:ac00::1", "10.0.0.1"].map((t) => ipInRange(parseIpAddress(t)!, range.range)),
            [true, false, false],
        );
    });
});

describe("authorization: route tests with denied and sourceIp", () => {
    const args = (tests: ApplicationLoadBalancerArgs["tests"]): ApplicationLoadBalancerArgs => ({
        ...internal({ deny: [{ paths: ["/admin*"] }], allow: [{ ipRanges: ["10.130.0.0/24"] }] }),
        tests,
    });

    it("passes when the policy denies a denied test and allows a backend test", () => {
        assert.deepStrictEqual(
            routeTestProblems(
                args([
                    { host: "api.example.com", path: "/admin/users", denied: true },
                    { host: "api.example.com", path: "/v1", sourceIp: "10.9.0.1", denied: true },
                    { host: "api.example.com", path: "/v1", sourceIp: "10.130.0.5", backend: "api" },
                ]),
            ),
            [],
        );
    });

    it("fails, naming the rule, when the verdict is not what the test expects", () => {
        assert.deepStrictEqual(
            routeTestProblems(
                args([
                    { host: "api.example.com", path: "/admin/users", sourceIp: "10.130.0.5", backend: "api" },
                    {
                        host: "api.example.com",
                        path: "/v1",
                        sourceIp: "10.130.0.5",
                        denied: true,
                        description: "v1 is closed",
                    },
                    { host: "api.example.com", path: "/v1", sourceIp: "10.9.0.1", backend: "api" },
                ]),
            ),
            [
                {
                    field: "tests[0]",
                    message:
                        'GET api.example.com/admin/users from 10.130.0.5 should reach backend "api", but reaches a refusal: denied by authorization.deny[0]',
                },
                {
                    field: "tests[1]",
                    message:
                        '"v1 is closed": GET api.example.com/v1 from 10.130.0.5 should reach a refusal before routing (denied), but reaches backend "api" (allowed by authorization.allow[0])',
                },
                {
                    field: "tests[2]",
                    message:
                        'GET api.example.com/v1 from 10.9.0.1 should reach backend "api", but reaches a refusal: denied: no rule of authorization.allow matches',
                },
            ],
        );
    });

    it("asks for sourceIp when the verdict depends on it, and refuses one that is no address", () => {
        assert.deepStrictEqual(
            validateLoadBalancerArgs(
                args([
                    { host: "api.example.com", path: "/v1", backend: "api" },
                    { host: "api.example.com", path: "/v1", sourceIp: "10.130.0", backend: "api" },
                ]),
            ).map((p) => ({ field: p.field, message: p.message, fix: p.fix })),
            [
                {
                    field: "tests[0].sourceIp",
                    message:
                        "GET api.example.com/v1: whether authorization lets it through depends on its source address (undecided: authorization.allow[0] matches on the source address, which the request does not give)",
                    fix: "set sourceIp on the test: the address the load balancer sees the request from",
                },
                {
                    field: "tests[1].sourceIp",
                    message: '"10.130.0" is not an IPv4 or IPv6 address',
                    fix: 'give the address the load balancer sees the request from, e.g. "10.130.0.5"',
                },
            ],
        );
    });

    it("cross-region internal, which has no Cloud Armor: the policy's verdict is the same in every region", () => {
        assert.deepStrictEqual(
            routeTestProblems({
                ...args([
                    { host: "api.example.com", path: "/admin", sourceIp: "10.130.0.5", denied: true },
                    { host: "api.example.com", path: "/v1", sourceIp: "10.130.0.5", backend: "api" },
                ]),
                scheme: "cross-region-internal",
                regions: [R, R2],
            }),
            [],
        );
    });
});

describe("authorization: plan --request and routeOf apply the verdict", () => {
    it("routeRequest and formatRequests: refused before routing, or the verdict line before the route", async () => {
        installMocks();
        startRecordingRoutings();
        try {
            new ApplicationLoadBalancer(
                "sim",
                internal({ deny: [{ paths: ["/admin*"] }], allow: [{ ipRanges: ["10.130.0.0/24"] }] }),
            );
            await settle();
            const denied = routeRequest(parseRequest("GET https://api.example.com/admin", []));
            assert.deepStrictEqual(formatRequests(denied), [
                "Request GET https://api.example.com/admin on sim: refused before routing: denied by authorization.deny[0]",
            ]);
            const allowed = routeRequest(parseRequest("GET https://api.example.com/v1", [], undefined, "10.130.0.7"));
            assert.deepStrictEqual(formatRequests(allowed).slice(0, 2), [
                'Request GET https://api.example.com/v1 on sim: backend "api"',
                "  authorization: allowed by authorization.allow[0]",
            ]);
            const undecided = routeRequest(parseRequest("GET https://api.example.com/v1", []));
            assert.deepStrictEqual(
                formatRequests(undecided)[1],
                "  authorization: undecided: authorization.allow[0] matches on the source address, which the request does not give; give --source-ip",
            );
            assert.throws(() => parseRequest("GET https://api.example.com/", [], undefined, "nowhere"), {
                message: '--source-ip takes an IPv4 or IPv6 address, got "nowhere"',
            });
        } finally {
            clearRecordedRoutings();
        }
    });

    it("cloudrun-lb plan --request --source-ip prints the verdict; a bad address is a usage error", async () => {
        let out = "";
        const code = await run(
            [
                "plan",
                "programs/internal-api-psc",
                "--request",
                "GET https://api.internal.example/admin/users",
                "--source-ip",
                "10.130.0.9",
            ],
            (t) => (out += t + "\n"),
            () => undefined,
        );
        assert.strictEqual(code, 0);
        assert.ok(
            out.includes(
                "\nRequest GET https://api.internal.example/admin/users on api: refused before routing: denied by authorization.deny[0]\n",
            ),
            out,
        );
        let err = "";
        const bad = await run(
            [
                "plan",
                "programs/internal-api-psc",
                "--request",
                "GET https://api.internal.example/",
                "--source-ip",
                "10.130",
            ],
            () => undefined,
            (t) => (err += t + "\n"),
        );
        assert.strictEqual(bad, 2);
        assert.ok(err.includes('--source-ip takes an IPv4 or IPv6 address, got "10.130"'), err);
    });

    it("routeOf: kind denied with the reason, the route with the verdict, and a throw when it is undecided", async () => {
        mockGcp();
        const lb = new ApplicationLoadBalancer(
            "routed",
            internal({ deny: [{ paths: ["/admin*"] }], allow: [{ ipRanges: ["10.130.0.0/24"] }] }),
        );
        try {
            assert.deepStrictEqual(await routeOf(lb, "GET https://api.example.com/admin/x"), {
                kind: "denied",
                backends: [],
                summary: "refused before routing: denied by authorization.deny[0]",
                host: "api.example.com",
                path: "/admin/x",
                access: "denied by authorization.deny[0]",
            });
            const route = await routeOf(lb, "GET https://api.example.com/v1", { sourceIp: "10.130.0.7" });
            assert.deepStrictEqual(
                [route.kind, route.backend, route.access],
                ["backend", "api", "allowed by authorization.allow[0]"],
            );
            await assert.rejects(routeOf(lb, "GET https://api.example.com/v1"), {
                message:
                    "routeOf: GET https://api.example.com/v1: undecided: authorization.allow[0] matches on the source address, which the request does not give: pass { sourceIp } to decide it",
            });
        } finally {
            clearRecordedRoutings();
        }
    });
});

describe("authorization: route tests wait for sound authorization rules", () => {
    it("reports the rule's problem, not the route tests it would throw off", () => {
        assert.deepStrictEqual(
            validateLoadBalancerArgs({
                ...internal({ allow: [{ ipRanges: ["10.130.0.300/24"] }] }),
                tests: [{ host: "api.example.com", path: "/", sourceIp: "10.130.0.5", backend: "api" }],
            }).map((p) => `${p.rule} ${p.field}`),
            ["authorization-ip-ranges authorization.allow[0].ipRanges[0]"],
        );
    });
});
