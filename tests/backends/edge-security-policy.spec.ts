/**
 * Cloud Armor edge security policies (`edgeSecurityPolicy`, type CLOUD_ARMOR_EDGE): on bucket backends and
 * backend services of global external and classic load balancers, built from the same rule compilation as
 * backend policies, with what edge policies do not evaluate refused at preview. Also redirect rules
 * (GOOGLE_RECAPTCHA, EXTERNAL_302) on global backend policies.
 */
import * as assert from "assert";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs, BackendArgs } from "../../components/load-balancer";
import { validateServerlessBackendArgs } from "../../components/backends/serverless";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { Scheme } from "../../components/schemes";
import { edgeExpressionProblems, SecurityPolicyCreateArgs } from "../../components/security-policy";
import { installMocks, Recorder, settle } from "../../components/testing/mocks";

const EU = "europe-west1";
const T = {
    policy: "gcp:compute/securityPolicy:SecurityPolicy",
    backendBucket: "gcp:compute/backendBucket:BackendBucket",
    backendService: "gcp:compute/backendService:BackendService",
};
const ALL_IPS = { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: ["*"] } };
const EDGE_ALTERNATIVE =
    "use scheme global-external for an edge policy; regional schemes take a backend policy (securityPolicy) on backend services, and cross-region internal has no Cloud Armor";

function lb(scheme: Scheme, backends: Record<string, BackendArgs>): ApplicationLoadBalancerArgs {
    return {
        scheme,
        region: scheme.startsWith("regional") ? EU : undefined,
        regions: scheme === "cross-region-internal" ? [EU] : undefined,
        backends,
        defaultBackend: Object.keys(backends)[0],
    } as ApplicationLoadBalancerArgs;
}

/** `[rule, field, message, fix]` of every problem of `args`. */
function problemsOf(args: ApplicationLoadBalancerArgs): Array<[string, string, string, string | undefined]> {
    return validateLoadBalancerArgs(args).map((p) => [p.rule, p.field, p.message, p.fix]);
}

/** A global external load balancer with one public bucket whose edge policy is created from `create`. */
function bucketEdge(create: SecurityPolicyCreateArgs) {
    return lb("global-external", { site: { bucket: { name: "site-b" }, edgeSecurityPolicy: { create } } });
}

/** The same, on a Cloud Run backend with Cloud CDN. */
function serviceEdge(create: SecurityPolicyCreateArgs) {
    return lb("global-external", {
        web: { cloudRun: { service: "web", region: EU }, cdn: { enabled: true }, edgeSecurityPolicy: { create } },
    });
}

const EDGE_CREATE: SecurityPolicyCreateArgs = {
    denyIpRanges: ["198.51.100.0/24"],
    geo: { deny: ["KP", "IR"] },
    rateLimit: { count: 500, intervalSec: 60 },
    rules: [{ priority: 100, action: "allow", expression: "inIpRange(origin.ip, '203.0.113.0/24')" }],
};

describe("Cloud Armor edge security policies: built", () => {
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer("shop", {
            scheme: "global-external",
            backends: {
                site: {
                    bucket: { create: { location: "EU", website: { mainPageSuffix: "index.html" }, publicRead: true } },
                    cdn: { enabled: true },
                    edgeSecurityPolicy: { create: EDGE_CREATE },
                },
                assets: { bucket: { name: "shop-assets" }, edgeSecurityPolicy: { create: EDGE_CREATE } },
                media: {
                    bucket: { name: "shop-media" },
                    edgeSecurityPolicy: { existing: "projects/sec/global/securityPolicies/edge-geo" },
                },
                api: {
                    cloudRun: { service: "api", region: EU },
                    cdn: { enabled: true },
                    securityPolicy: { create: { preconfiguredWaf: ["sqli-v33-stable"] } },
                    edgeSecurityPolicy: { create: { geo: { allow: ["CH", "DE"] } } },
                },
            },
            routes: [
                { paths: ["/api/*"], backend: "api" },
                { paths: ["/assets/*"], backend: "assets" },
                { paths: ["/media/*"], backend: "media" },
            ],
            defaultBackend: "site",
        });
        new ApplicationLoadBalancer("old", {
            scheme: "classic",
            backends: {
                site: { bucket: { name: "old-site" }, edgeSecurityPolicy: { create: { geo: { deny: ["KP"] } } } },
            },
            defaultBackend: "site",
        });
        await settle();
    });

    it("creates one edge policy (type CLOUD_ARMOR_EDGE) per distinct create, next to the backend policy", () => {
        assert.deepStrictEqual(
            recorder
                .byType(T.policy)
                .map((p) => [p.name, p.inputs.name, p.inputs.type, p.inputs.description])
                .sort(),
            [
                [
                    "old-site-edge-security-policy",
                    "old-site-edge-armor",
                    "CLOUD_ARMOR_EDGE",
                    "Edge policy created by cloudrun-lb",
                ],
                [
                    "shop-api-edge-security-policy",
                    "shop-api-edge-armor",
                    "CLOUD_ARMOR_EDGE",
                    "Edge policy created by cloudrun-lb",
                ],
                ["shop-api-security-policy", "shop-api-armor", "CLOUD_ARMOR", "Created by cloudrun-lb"],
                // site and assets ask for the same rules: one policy, named after the first key (assets).
                [
                    "shop-assets-edge-security-policy",
                    "shop-assets-edge-armor",
                    "CLOUD_ARMOR_EDGE",
                    "Edge policy created by cloudrun-lb",
                ],
            ],
        );
    });

    it("compiles the edge rules with the backend policies' priorities, and the default allow rule", () => {
        const policy = recorder.get(T.policy, "shop-assets-edge-security-policy");
        assert.deepStrictEqual(policy.inputs.rules, [
            {
                priority: 100,
                action: "allow",
                description: "Custom rule",
                match: { expr: { expression: "inIpRange(origin.ip, '203.0.113.0/24')" } },
            },
            {
                priority: 1000,
                action: "deny(403)",
                description: "Deny listed source ranges",
                match: { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: ["198.51.100.0/24"] } },
            },
            {
                priority: 1100,
                action: "deny(403)",
                description: "Deny listed regions",
                match: { expr: { expression: "origin.region_code == 'KP' || origin.region_code == 'IR'" } },
            },
            {
                priority: 3000,
                action: "throttle",
                description: "Throttle clients over the rate limit",
                match: ALL_IPS,
                rateLimitOptions: {
                    conformAction: "allow",
                    exceedAction: "deny(429)",
                    enforceOnKey: "IP",
                    rateLimitThreshold: { count: 500, intervalSec: 60 },
                },
            },
            { priority: 2147483647, action: "allow", description: "Default rule", match: ALL_IPS },
        ]);
        assert.strictEqual(policy.inputs.adaptiveProtectionConfig, undefined);
        assert.deepStrictEqual(recorder.get(T.policy, "shop-api-edge-security-policy").inputs.rules, [
            {
                priority: 950,
                action: "deny(403)",
                description: "Deny clients outside the allowed regions",
                match: { expr: { expression: "!(origin.region_code == 'CH' || origin.region_code == 'DE')" } },
            },
            { priority: 2147483647, action: "allow", description: "Default rule", match: ALL_IPS },
        ]);
    });

    it("wires each backend bucket to its edge policy through the policy's id, or to the existing one", () => {
        const id = (name: string) => recorder.get(T.policy, name).id;
        assert.deepStrictEqual(
            recorder
                .byType(T.backendBucket)
                .map((b) => [b.name, b.inputs.edgeSecurityPolicy, b.inputs.enableCdn])
                .sort(),
            [
                ["old-site-backend-bucket", id("old-site-edge-security-policy"), undefined],
                ["shop-assets-backend-bucket", id("shop-assets-edge-security-policy"), undefined],
                ["shop-media-backend-bucket", "projects/sec/global/securityPolicies/edge-geo", undefined],
                ["shop-site-backend-bucket", id("shop-assets-edge-security-policy"), true],
            ],
        );
        assert.ok(id("shop-assets-edge-security-policy").includes("securityPolicies/shop-assets-edge-armor"));
    });

    it("gives a backend service both policies: the backend one and the edge one", () => {
        const service = recorder.get(T.backendService, "shop-api-backend");
        assert.strictEqual(service.inputs.securityPolicy, recorder.get(T.policy, "shop-api-security-policy").id);
        assert.strictEqual(
            service.inputs.edgeSecurityPolicy,
            recorder.get(T.policy, "shop-api-edge-security-policy").id,
        );
        assert.strictEqual(service.inputs.enableCdn, true);
    });

    it("has no problems on global external and classic", () => {
        assert.deepStrictEqual(problemsOf(bucketEdge(EDGE_CREATE)), []);
        assert.deepStrictEqual(problemsOf(serviceEdge(EDGE_CREATE)), []);
        assert.deepStrictEqual(
            problemsOf(
                lb("classic", { site: { bucket: { name: "a-b" }, edgeSecurityPolicy: { create: EDGE_CREATE } } }),
            ),
            [],
        );
    });
});

describe("Cloud Armor edge security policies: refused", () => {
    it("on cross-region internal (buckets) and the regional schemes (backend services), naming the alternative", () => {
        assert.deepStrictEqual(
            problemsOf(
                lb("cross-region-internal", {
                    site: { bucket: { name: "a-b" }, edgeSecurityPolicy: { create: { denyIpRanges: ["10.0.0.0/8"] } } },
                }),
            ),
            [
                [
                    "backend-edge-security-policy",
                    "backends.site.edgeSecurityPolicy",
                    'A Cloud Armor edge security policy is not supported by the cross-region internal Application Load Balancer (scheme "cross-region-internal")',
                    EDGE_ALTERNATIVE,
                ],
            ],
        );
        for (const [scheme, title] of [
            ["regional-external", "regional external"],
            ["regional-internal", "regional internal"],
        ] as const) {
            assert.deepStrictEqual(
                problemsOf(
                    lb(scheme, {
                        web: {
                            cloudRun: { service: "web", region: EU },
                            edgeSecurityPolicy: { existing: "projects/p/global/securityPolicies/edge" },
                        },
                    }),
                ),
                [
                    [
                        "backend-edge-security-policy",
                        "backends.web.edgeSecurityPolicy",
                        `A Cloud Armor edge security policy is not supported by the ${title} Application Load Balancer (scheme "${scheme}")`,
                        EDGE_ALTERNATIVE,
                    ],
                ],
            );
        }
    });

    it("on a standalone backend service of a regional scheme", () => {
        assert.deepStrictEqual(
            validateServerlessBackendArgs({
                scheme: "regional-external",
                cloudRun: { service: "web", region: EU },
                settings: { edgeSecurityPolicy: "projects/p/global/securityPolicies/edge" },
            }).map((p) => [p.rule, p.field, p.message, p.fix]),
            [
                [
                    "backend-service-edge-policy",
                    "settings.edgeSecurityPolicy",
                    'A Cloud Armor edge security policy is not supported by the regional external Application Load Balancer (scheme "regional-external")',
                    EDGE_ALTERNATIVE,
                ],
            ],
        );
    });

    it("WAF rule sets, per-path rate limits and Adaptive Protection: dropped on a bucket, moved on a service", () => {
        const create: SecurityPolicyCreateArgs = {
            preconfiguredWaf: ["sqli-v33-stable"],
            rateLimits: [{ paths: ["/login"], count: 10 }],
            adaptiveProtection: true,
        };
        assert.deepStrictEqual(problemsOf(bucketEdge(create)), [
            [
                "backend-edge-security-policy",
                "backends.site.edgeSecurityPolicy.create.preconfiguredWaf",
                "is not evaluated by edge security policies: WAF rule sets inspect the request, and an edge policy on an Application Load Balancer filters on the client's IP address and region only",
                "drop it: WAF rule sets need a backend policy (securityPolicy), which only backend services take",
            ],
            [
                "backend-edge-security-policy",
                "backends.site.edgeSecurityPolicy.create.rateLimits",
                "match request.path, which an edge security policy on an Application Load Balancer does not evaluate (HTTP filtering is Media CDN only)",
                "use rateLimit (every request of a client IP) in the edge policy; for per-path limits, drop it: per-path limits need a backend policy (securityPolicy), which only backend services take",
            ],
            [
                "backend-edge-security-policy",
                "backends.site.edgeSecurityPolicy.create.adaptiveProtection",
                "is a backend policy feature (UNCONFIRMED for edge security policies, refused to be safe)",
                "drop it: Adaptive Protection need a backend policy (securityPolicy), which only backend services take",
            ],
        ]);
        assert.deepStrictEqual(
            problemsOf(serviceEdge(create)).map(([, field, , fix]) => [field, fix]),
            [
                [
                    "backends.web.edgeSecurityPolicy.create.preconfiguredWaf",
                    "move it to securityPolicy.create (a backend policy, evaluated behind the cache)",
                ],
                [
                    "backends.web.edgeSecurityPolicy.create.rateLimits",
                    "use rateLimit (every request of a client IP) in the edge policy; for per-path limits, move it to securityPolicy.create (a backend policy, evaluated behind the cache)",
                ],
                [
                    "backends.web.edgeSecurityPolicy.create.adaptiveProtection",
                    "move it to securityPolicy.create (a backend policy, evaluated behind the cache)",
                ],
            ],
        );
    });

    it("expressions over request attributes, origin.asn or Cloud Armor's evaluate functions, and redirects", () => {
        assert.deepStrictEqual(
            problemsOf(
                bucketEdge({
                    rules: [
                        { expression: "request.path.startsWith('/admin') && origin.region_code == 'DE'" },
                        { expression: "origin.asn == 64496 || has(request.headers['x-debug'])" },
                        { expression: "evaluateThreatIntelligence('iplist-known-malicious-ips')" },
                        { priority: 10, action: "redirect", expression: "origin.region_code == 'FR'" },
                    ],
                }),
            ),
            [
                [
                    "backend-edge-security-policy",
                    "backends.site.edgeSecurityPolicy.create.rules[0].expression",
                    "uses request.path, which an edge security policy on an Application Load Balancer does not evaluate (request attributes and origin.asn are Media CDN only)",
                    "match on origin.ip (with inIpRange) and origin.region_code only; rules on paths, headers or WAF rule sets belong in a backend policy (securityPolicy) on a backend service",
                ],
                [
                    "backend-edge-security-policy",
                    "backends.site.edgeSecurityPolicy.create.rules[1].expression",
                    "uses origin.asn, request.headers, which an edge security policy on an Application Load Balancer does not evaluate (request attributes and origin.asn are Media CDN only)",
                    "match on origin.ip (with inIpRange) and origin.region_code only; rules on paths, headers or WAF rule sets belong in a backend policy (securityPolicy) on a backend service",
                ],
                [
                    "backend-edge-security-policy",
                    "backends.site.edgeSecurityPolicy.create.rules[2].expression",
                    "uses evaluateThreatIntelligence(), which an edge security policy on an Application Load Balancer does not evaluate (request attributes and origin.asn are Media CDN only)",
                    "match on origin.ip (with inIpRange) and origin.region_code only; rules on paths, headers or WAF rule sets belong in a backend policy (securityPolicy) on a backend service",
                ],
                [
                    "backend-edge-security-policy",
                    "backends.site.edgeSecurityPolicy.create.rules[3].action",
                    '"redirect" is not an action of edge security policies, which allow, deny or rate-limit',
                    "use allow or deny(403), deny(404) or deny(502) here; for a redirect, drop it: redirects need a backend policy (securityPolicy), which only backend services take",
                ],
            ],
        );
    });

    it("checks the shared parts of create as a backend policy's: CIDRs, geo codes, priorities", () => {
        assert.deepStrictEqual(
            problemsOf(
                bucketEdge({
                    denyIpRanges: ["10.0.0.0/8/8"],
                    geo: { deny: ["kp"] },
                    rules: [{ priority: 1000, expression: "origin.region_code == 'CN'" }],
                }),
            ),
            [
                [
                    "backend-edge-security-policy",
                    "backends.site.edgeSecurityPolicy.create.denyIpRanges[0]",
                    '"10.0.0.0/8/8" is not an IP address or CIDR range',
                    'use ranges such as "203.0.113.0/24"',
                ],
                [
                    "backend-edge-security-policy",
                    "backends.site.edgeSecurityPolicy.create.geo.deny[0]",
                    '"kp" is not an ISO 3166-1 alpha-2 region code',
                    'use two uppercase letters such as "DE" or "US"',
                ],
                [
                    "backend-edge-security-policy",
                    "backends.site.edgeSecurityPolicy.create.rules[0].priority",
                    '1000 is the priority of the policy\'s own rule "Deny listed source ranges"',
                    "set a priority the policy's own rules do not take (they take 1000, 1100)",
                ],
            ],
        );
    });

    it("create and existing together or neither, a regional existing policy", () => {
        const existing = (edgeSecurityPolicy: BackendArgs["edgeSecurityPolicy"]) =>
            problemsOf(lb("global-external", { site: { bucket: { name: "a-b" }, edgeSecurityPolicy } }));
        assert.deepStrictEqual(existing({}), [
            [
                "backend-edge-security-policy",
                "backends.site.edgeSecurityPolicy",
                "sets neither create nor existing",
                "set exactly one of edgeSecurityPolicy.create and edgeSecurityPolicy.existing",
            ],
        ]);
        assert.deepStrictEqual(existing({ create: {}, existing: "edge" }), [
            [
                "backend-edge-security-policy",
                "backends.site.edgeSecurityPolicy",
                "sets both create and existing",
                "set exactly one of edgeSecurityPolicy.create and edgeSecurityPolicy.existing",
            ],
        ]);
        assert.deepStrictEqual(existing({ existing: "projects/p/regions/europe-west1/securityPolicies/edge" }), [
            [
                "backend-edge-security-policy",
                "backends.site.edgeSecurityPolicy.existing",
                '"projects/p/regions/europe-west1/securityPolicies/edge" is a regional security policy in europe-west1, but a global one is needed: edge policies are global',
                "reference projects/<project>/global/securityPolicies/<name>, a policy of type CLOUD_ARMOR_EDGE",
            ],
        ]);
        assert.deepStrictEqual(existing({ existing: "projects/p/global/securityPolicies/edge" }), []);
        assert.deepStrictEqual(existing({ existing: "edge" }), []);
    });

    it("on an existing backend bucket or backend service, which this package does not manage", () => {
        const edgeSecurityPolicy = { existing: "projects/p/global/securityPolicies/edge" };
        assert.deepStrictEqual(
            problemsOf(
                lb("global-external", {
                    site: { bucket: { existing: "projects/p/global/backendBuckets/site" }, edgeSecurityPolicy },
                }),
            ),
            [
                [
                    "bucket-settings",
                    "backends.site.edgeSecurityPolicy",
                    "cannot be applied to an existing backend bucket (bucket.existing), which this package does not manage",
                    "configure its edge security policy where that backend bucket is defined, or drop edgeSecurityPolicy",
                ],
            ],
        );
        assert.deepStrictEqual(
            problemsOf(
                lb("global-external", {
                    web: { backendService: "projects/p/global/backendServices/web", edgeSecurityPolicy },
                }),
            ),
            [
                [
                    "backend-existing-service-settings",
                    "backends.web.backendService",
                    "is an existing backend service, so edgeSecurityPolicy cannot be applied to it here",
                    "configure IAP, CDN, Cloud Armor, outlier detection and headers where that backend service is defined",
                ],
            ],
        );
    });

    it("a backend policy on a bucket points to edgeSecurityPolicy", () => {
        assert.deepStrictEqual(
            problemsOf(
                lb("global-external", {
                    site: { bucket: { name: "a-b" }, securityPolicy: { create: { denyIpRanges: ["10.0.0.0/8"] } } },
                }),
            ),
            [
                [
                    "bucket-settings",
                    "backends.site.bucket",
                    "is a backend bucket, which has no securityPolicy",
                    "remove them from this backend; for Cloud Armor set edgeSecurityPolicy, the edge policy (IP, geo and rate-limit rules) a backend bucket takes",
                ],
            ],
        );
    });
});

describe("edgeExpressionProblems", () => {
    it("accepts the client's IP address and region, and attribute names inside string literals", () => {
        for (const expression of [
            "origin.region_code == 'CH' && inIpRange(origin.ip, '10.0.0.0/8')",
            "!inIpRange(origin.ip, '2001:db8::/32') || origin.region_code != 'US'",
            "origin.region_code == 'request.path' || origin.ip == \"evaluateThreatIntelligence('x')\"",
        ]) {
            assert.deepStrictEqual(edgeExpressionProblems(expression), [], expression);
        }
    });

    it("names every attribute and function an edge policy does not evaluate, once", () => {
        assert.deepStrictEqual(
            edgeExpressionProblems(
                "request.path == '/' || request.path == '/a' || origin.user_ip == '1.2.3.4' || token.recaptcha_session.valid || evaluatePreconfiguredExpr('sourceiplist-fastly')",
            ).map((p) => p.message),
            [
                "uses request.path, origin.user_ip, token.recaptcha_session, evaluatePreconfiguredExpr(), which an edge security policy on an Application Load Balancer does not evaluate (request attributes and origin.asn are Media CDN only)",
            ],
        );
    });
});

describe("Cloud Armor redirect rules on global backend policies", () => {
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer(
            "shop",
            lb("global-external", {
                web: {
                    cloudRun: { service: "web", region: EU },
                    securityPolicy: {
                        create: {
                            rules: [
                                {
                                    priority: 100,
                                    action: "redirect",
                                    expression: "request.path.startsWith('/signup')",
                                    redirect: { type: "GOOGLE_RECAPTCHA" },
                                },
                                {
                                    priority: 200,
                                    action: "redirect",
                                    expression: "origin.region_code == 'FR'",
                                    redirect: { type: "EXTERNAL_302", target: "https://fr.example.com/" },
                                },
                            ],
                        },
                    },
                },
            }),
        );
        await settle();
    });

    it("emits redirectOptions with the type, and the target of a 302", () => {
        const rules = recorder.get(T.policy, "shop-web-security-policy").inputs.rules as any[];
        assert.deepStrictEqual(
            rules.map((r) => [r.priority, r.action, r.redirectOptions]),
            [
                [100, "redirect", { type: "GOOGLE_RECAPTCHA" }],
                [200, "redirect", { type: "EXTERNAL_302", target: "https://fr.example.com/" }],
                [2147483647, "allow", undefined],
            ],
        );
    });

    it("refuses a redirect without its type, a type without the action, and targets that do not fit the type", () => {
        const expression = "origin.region_code == 'FR'";
        assert.deepStrictEqual(
            problemsOf(
                lb("global-external", {
                    web: {
                        cloudRun: { service: "web", region: EU },
                        securityPolicy: {
                            create: {
                                rules: [
                                    { priority: 1, action: "redirect", expression },
                                    {
                                        priority: 2,
                                        action: "deny(403)",
                                        expression,
                                        redirect: { type: "GOOGLE_RECAPTCHA" },
                                    },
                                    { priority: 3, action: "redirect", expression, redirect: { type: "EXTERNAL_302" } },
                                    {
                                        priority: 4,
                                        action: "redirect",
                                        expression,
                                        redirect: { type: "GOOGLE_RECAPTCHA", target: "https://a.example.com/" },
                                    },
                                    {
                                        priority: 5,
                                        action: "redirect",
                                        expression,
                                        redirect: { type: "EXTERNAL_302", target: "/blocked.html" },
                                    },
                                ],
                            },
                        },
                    },
                }),
            ),
            [
                [
                    "backend-security-policy",
                    "backends.web.securityPolicy.create.rules[0].redirect",
                    'is missing: a rule with action "redirect" needs a redirect type',
                    'set redirect: { type: "GOOGLE_RECAPTCHA" } or { type: "EXTERNAL_302", target: "https://www.example.com/blocked.html" }',
                ],
                [
                    "backend-security-policy",
                    "backends.web.securityPolicy.create.rules[1].redirect",
                    'is set but action is not "redirect"',
                    'set action: "redirect", or drop redirect',
                ],
                [
                    "backend-security-policy",
                    "backends.web.securityPolicy.create.rules[2].redirect.target",
                    "is missing: an EXTERNAL_302 redirect needs the URL to send the client to",
                    'set target to an absolute URL such as "https://www.example.com/blocked.html"',
                ],
                [
                    "backend-security-policy",
                    "backends.web.securityPolicy.create.rules[3].redirect.target",
                    "is set, but a GOOGLE_RECAPTCHA redirect takes no target",
                    'drop target, or use type "EXTERNAL_302" to send clients to a URL',
                ],
                [
                    "backend-security-policy",
                    "backends.web.securityPolicy.create.rules[4].redirect.target",
                    '"/blocked.html" is not an absolute http or https URL',
                    'use an absolute URL such as "https://www.example.com/blocked.html"',
                ],
            ],
        );
    });

    it("refuses redirect rules in regional policies", () => {
        assert.deepStrictEqual(
            problemsOf(
                lb("regional-external", {
                    web: {
                        cloudRun: { service: "web", region: EU },
                        securityPolicy: {
                            create: {
                                rules: [
                                    {
                                        action: "redirect",
                                        expression: "origin.region_code == 'FR'",
                                        redirect: { type: "GOOGLE_RECAPTCHA" },
                                    },
                                ],
                            },
                        },
                    },
                }),
            ),
            [
                [
                    "backend-security-policy",
                    "backends.web.securityPolicy.create.rules[0].action",
                    'A redirect rule is not supported by the regional external Application Load Balancer (scheme "regional-external")',
                    "redirect rules are for global backend policies only: use scheme global-external, or deny the request (action deny(403))",
                ],
            ],
        );
    });
});
