/**
 * Cloud Armor beyond presets: custom rules with custom-rules-language expressions, geo allow/deny lists and
 * per-path rate limits, emitted as policy rules and validated at preview.
 */
import * as assert from "assert";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { expressionProblems, SecurityPolicyCreateArgs } from "../../components/security-policy";
import { installMocks, Recorder, settle } from "../../components/testing/mocks";

const R = "europe-west1";

/** A global external load balancer with one Cloud Run backend protected by a policy created from `create`. */
function armored(
    create: SecurityPolicyCreateArgs,
    scheme: "global-external" | "regional-external" = "global-external",
) {
    return {
        scheme,
        ...(scheme === "global-external" ? {} : { region: R }),
        backends: { web: { cloudRun: { service: "web", region: R }, securityPolicy: { create } } },
        defaultBackend: "web",
    } as ApplicationLoadBalancerArgs;
}

/** `[field, message, fix]` of every problem of `create`. */
function problemsOf(create: SecurityPolicyCreateArgs): Array<[string, string, string | undefined]> {
    return validateLoadBalancerArgs(armored(create)).map((p) => [p.field, p.message, p.fix]);
}

describe("Cloud Armor custom rules, geo and per-path rate limits", () => {
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer(
            "shop",
            armored({
                denyIpRanges: ["198.51.100.0/24"],
                geo: { deny: ["KP", "IR", "SY", "CU", "RU", "BY"] },
                rules: [
                    {
                        priority: 100,
                        action: "deny(404)",
                        expression: "request.path.startsWith('/internal')",
                        description: "Hide internal paths",
                    },
                    { expression: "request.headers['user-agent'].contains('sqlmap')", preview: true },
                ],
                preconfiguredWaf: ["sqli-v33-stable"],
                rateLimits: [{ paths: ["/login", "/signup"], count: 10, intervalSec: 60 }],
                rateLimit: { count: 100 },
            }),
        );
        new ApplicationLoadBalancer(
            "inside",
            armored(
                {
                    geo: { allow: ["CH", "DE"] },

                    rules: [{ priority: 10, action: "allow", expression: "inIpRange(origin.ip, '10.0.0.0/8')" }],
                    rateLimits: [{ paths: ["/api"], count: 5, action: "ban", banDurationSec: 120 }],
                },
                "regional-external",
            ),
        );
        await settle();
    });

    it("emits custom, geo and per-path rules with their priorities, actions and expressions on a global policy", () => {
        const policy = recorder.get("gcp:compute/securityPolicy:SecurityPolicy", "shop-web-security-policy");
        const rules = policy.inputs.rules as any[];
        assert.deepStrictEqual(
            rules.map((r) => [r.priority, r.action, r.match.expr?.expression ?? r.match.config.srcIpRanges]),
            [
                [100, "deny(404)", "request.path.startsWith('/internal')"],
                [1000, "deny(403)", ["198.51.100.0/24"]],
                [
                    1100,
                    "deny(403)",
                    "origin.region_code == 'KP' || origin.region_code == 'IR' || origin.region_code == 'SY' || origin.region_code == 'CU' || origin.region_code == 'RU'",
                ],
                [1101, "deny(403)", "origin.region_code == 'BY'"],
                [1501, "deny(403)", "request.headers['user-agent'].contains('sqlmap')"],
                [2000, "deny(403)", "evaluatePreconfiguredWaf('sqli-v33-stable', {'sensitivity': 1})"],
                [2900, "throttle", "request.path.startsWith('/login') || request.path.startsWith('/signup')"],
                [3000, "throttle", ["*"]],
                [2147483647, "allow", ["*"]],
            ],
        );
        assert.strictEqual(rules[0].description, "Hide internal paths");
        assert.strictEqual(rules[0].preview, undefined);
        assert.strictEqual(rules[4].description, "Custom rule");
        assert.strictEqual(rules[4].preview, true);
        assert.deepStrictEqual(rules[6].rateLimitOptions, {
            conformAction: "allow",
            exceedAction: "deny(429)",
            enforceOnKey: "IP",
            rateLimitThreshold: { count: 10, intervalSec: 60 },
        });
        assert.strictEqual(rules[6].description, "Throttle clients over the rate limit on these paths");
    });

    it("emits geo allow, custom allow and a per-path ban as separate rules of a regional policy", () => {
        const rules = recorder
            .byType("gcp:compute/regionSecurityPolicyRule:RegionSecurityPolicyRule")
            .filter((r) => r.name.startsWith("inside-"));
        assert.deepStrictEqual(
            rules.map((r) => [r.name, r.inputs.priority, r.inputs.action, (r.inputs.match as any).expr.expression]),
            [
                ["inside-web-security-policy-rule-10", 10, "allow", "inIpRange(origin.ip, '10.0.0.0/8')"],
                [
                    "inside-web-security-policy-rule-950",
                    950,
                    "deny(403)",
                    "!(origin.region_code == 'CH' || origin.region_code == 'DE')",
                ],
                ["inside-web-security-policy-rule-2900", 2900, "rate_based_ban", "request.path.startsWith('/api')"],
            ],
        );
        assert.deepStrictEqual(rules[2].inputs.rateLimitOptions, {
            banDurationSec: 120,
            conformAction: "allow",
            enforceOnKey: "IP",
            exceedAction: "deny(403)",
            rateLimitThreshold: { count: 5, intervalSec: 60 },
        });
    });

    it("accepts expressions over request, origin and token attributes and Cloud Armor functions", () => {
        for (const expression of [
            "request.path.matches('/login.html') && origin.region_code == 'AU'",
            "!inIpRange(origin.ip, '203.0.113.0/24') && request.method == \"POST\"",
            "evaluatePreconfiguredWaf('xss-v33-stable', {'sensitivity': 2}) || has(request.headers['x-debug'])",
            "token.recaptcha_session.score < 0.4 && int(request.headers['content-length']) > 1e5",
            "request.headers['x-tag'] in ['a', 'b']",
            "urlDecode(request.query).lower().contains('union select') && origin.asn == 64496",
        ]) {
            assert.deepStrictEqual(expressionProblems(expression), [], expression);
        }
    });

    it("rejects expressions with typos, unbalanced brackets, open quotes, too many sub-expressions or length", () => {
        const long = `request.path == '/${"a".repeat(2040)}'`;
        assert.deepStrictEqual(
            problemsOf({
                rules: [
                    { expression: "reqest.path.startsWith('/a') && orign.ip == '1.2.3.4'" },
                    { expression: "inIpRange(origin.ip, '10.0.0.0/8'" },
                    { expression: "request.path == '/a" },
                    {
                        expression: "a() || b() || c() || d() || e() || f()".replace(
                            /[a-f]\(\)/g,
                            "request.path == '/'",
                        ),
                    },
                    { expression: long },
                    { expression: " " },
                ],
            }),
            [
                [
                    "backends.web.securityPolicy.create.rules[0].expression",
                    'uses "reqest", "orign", not an attribute or function of the custom rules language',
                    "start attributes with request., origin. or token., and call Cloud Armor functions such as inIpRange() or evaluatePreconfiguredWaf()",
                ],
                [
                    "backends.web.securityPolicy.create.rules[1].expression",
                    'leaves ")" unclosed',
                    "balance the parentheses and brackets",
                ],
                [
                    "backends.web.securityPolicy.create.rules[2].expression",
                    "has an unclosed ' quote",
                    "close every string literal",
                ],
                [
                    "backends.web.securityPolicy.create.rules[3].expression",
                    "joins 6 sub-expressions with && or ||; Cloud Armor takes at most 5",
                    "split the condition over several rules",
                ],
                [
                    "backends.web.securityPolicy.create.rules[4].expression",
                    "is 2059 characters; Cloud Armor takes at most 2048",
                    "split the condition over several rules",
                ],
                [
                    "backends.web.securityPolicy.create.rules[5].expression",
                    "is empty",
                    "write a condition such as \"request.path.startsWith('/admin')\"",
                ],
            ],
        );
        // A value of the wrong type never reaches the expression checker: the shape check names it.
        assert.deepStrictEqual(problemsOf({ rules: [{ expression: 42 as any }] }), [
            [
                "backends.web.securityPolicy.create.rules[0].expression",
                "is the number 42, not a string",
                `give a string, e.g. "request.path.startsWith('/admin') && !inIpRange(origin.ip, '203.0.113.0/24')"`,
            ],
        ]);
    });

    it("rejects bad actions, long descriptions and priorities out of range, taken by own rules or repeated", () => {
        const expression = "request.path == '/'";
        assert.deepStrictEqual(
            problemsOf({
                denyIpRanges: ["198.51.100.0/24"],
                preconfiguredWaf: ["sqli-v33-stable"],
                rules: [
                    { expression, description: "x".repeat(65) },
                    { expression, priority: 2147483647 },
                    { expression, priority: -1 },
                    { expression, priority: 1000 },
                    { expression, priority: 2000 },
                    { expression, priority: 7 },
                    { expression, priority: 7 },
                ],
            }),
            [
                [
                    "backends.web.securityPolicy.create.rules[0].description",
                    "is 65 characters; Cloud Armor takes at most 64",
                    "shorten the description to 64 characters",
                ],
                [
                    "backends.web.securityPolicy.create.rules[1].priority",
                    "2147483647 is not a whole number from 0 to 2147483646",
                    "use a priority from 0 to 2147483646 (2147483647 is the default rule's)",
                ],
                [
                    "backends.web.securityPolicy.create.rules[2].priority",
                    "-1 is not a whole number from 0 to 2147483646",
                    "use a priority from 0 to 2147483646 (2147483647 is the default rule's)",
                ],
                [
                    "backends.web.securityPolicy.create.rules[3].priority",
                    '1000 is the priority of the policy\'s own rule "Deny listed source ranges"',
                    "set a priority the policy's own rules do not take (they take 1000, 2000)",
                ],
                [
                    "backends.web.securityPolicy.create.rules[4].priority",
                    '2000 is the priority of the policy\'s own rule "Preconfigured WAF sqli-v33-stable"',
                    "set a priority the policy's own rules do not take (they take 1000, 2000)",
                ],
                [
                    "backends.web.securityPolicy.create.rules[6].priority",
                    "7 is also the priority of rules[5]",
                    "give every rule a priority of its own",
                ],
            ],
        );
    });

    it("rejects a default custom priority another rule already takes, on the rule", () => {
        assert.deepStrictEqual(
            problemsOf({ rules: [{ expression: "request.path == '/'", priority: 1501 }, { expression: "true" }] }),
            [
                [
                    "backends.web.securityPolicy.create.rules[1]",
                    "1501 is also the priority of rules[0]",
                    "give every rule a priority of its own",
                ],
            ],
        );
    });

    it("rejects geo lists with both sides, bad region codes and more than five allowed codes", () => {
        assert.deepStrictEqual(
            problemsOf({ geo: { allow: ["CH", "DE", "AT", "FR", "IT", "LI"], deny: ["kp", "USA"] } }),
            [
                [
                    "backends.web.securityPolicy.create.geo",
                    "sets both allow and deny",
                    "keep one of geo.allow and geo.deny (an allow list already denies every other region)",
                ],
                [
                    "backends.web.securityPolicy.create.geo.allow",
                    "has 6 region codes; the allow rule is one expression of at most 5",
                    "allow at most 5 regions, or use geo.deny (any number of codes)",
                ],
                [
                    "backends.web.securityPolicy.create.geo.deny[0]",
                    '"kp" is not an ISO 3166-1 alpha-2 region code',
                    'use two uppercase letters such as "DE" or "US"',
                ],
                [
                    "backends.web.securityPolicy.create.geo.deny[1]",
                    '"USA" is not an ISO 3166-1 alpha-2 region code',
                    'use two uppercase letters such as "DE" or "US"',
                ],
            ],
        );
    });

    it("rejects per-path rate limits without paths, with too many or bad paths, and bad limits", () => {
        assert.deepStrictEqual(
            problemsOf({
                rateLimits: [
                    { paths: [], count: 10 },
                    { paths: ["/a", "/b", "/c", "/d", "/e", "/f"], count: 10 },
                    { paths: ["login", "/it's"], count: 0, intervalSec: 45 },
                ],
            }),
            [
                [
                    "backends.web.securityPolicy.create.rateLimits[0].paths",
                    "is empty",
                    'list path prefixes such as "/login"',
                ],
                [
                    "backends.web.securityPolicy.create.rateLimits[1].paths",
                    "has 6 paths; one rule expression takes at most 5",
                    "split the paths over several rateLimits entries of at most 5",
                ],
                [
                    "backends.web.securityPolicy.create.rateLimits[2].paths[0]",
                    '"login" is not a path prefix',
                    'use a path that starts with "/" and has no quotes, backslashes or spaces, such as "/login"',
                ],
                [
                    "backends.web.securityPolicy.create.rateLimits[2].paths[1]",
                    '"/it\'s" is not a path prefix',
                    'use a path that starts with "/" and has no quotes, backslashes or spaces, such as "/login"',
                ],
                [
                    "backends.web.securityPolicy.create.rateLimits[2].count",
                    "0 is not a whole number of requests from 1 to 1,000,000",
                    "set count to the requests one client IP may send per interval, from 1 to 1,000,000, e.g. 100",
                ],
                [
                    "backends.web.securityPolicy.create.rateLimits[2].intervalSec",
                    "45 s is not an interval Cloud Armor accepts",
                    "use one of 10, 30, 60, 120, 180, 240, 300, 600, 900, 1200, 1800, 2700, 3600",
                ],
            ],
        );
    });

    it("refuses geo rules on an internal load balancer, whose clients have no region code", () => {
        const args = {
            scheme: "regional-internal",
            region: R,
            backends: {
                web: { cloudRun: { service: "web" }, securityPolicy: { create: { geo: { allow: ["DE"] } } } },
            },
        } as ApplicationLoadBalancerArgs;
        assert.deepStrictEqual(
            validateLoadBalancerArgs(args).map((p) => [p.field, p.message, p.fix]),
            [
                [
                    "backends.web.securityPolicy.create.geo",
                    'A geo rule is not supported by the regional internal Application Load Balancer (scheme "regional-internal")',
                    "internal clients have no region code (UNCONFIRMED, assumed): restrict them with securityPolicy.create.allowIpRanges",
                ],
            ],
        );
    });
});
