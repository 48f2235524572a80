import * as assert from "assert";
import { plan, PlanResult } from "../../components/cli/plan";
import { gcpTypes, loadBalancingSchemes, one, ofType, REGIONAL_LB_KINDS } from "../support/program-helpers";

describe("programs/global-external (seed 003: services reachable only through a global external LB)", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan({ program: "programs/global-external" });
    });

    it("plans without errors or warnings", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
    });

    it("creates global load balancer resources only, and no network or proxy-only subnet", () => {
        assert.deepStrictEqual(gcpTypes(result), [
            "gcp:cloudrunv2/service:Service",
            "gcp:cloudrunv2/service:Service",
            "gcp:cloudrunv2/service:Service",
            "gcp:compute/backendService:BackendService",
            "gcp:compute/backendService:BackendService",
            "gcp:compute/backendService:BackendService",
            "gcp:compute/globalAddress:GlobalAddress",
            "gcp:compute/globalForwardingRule:GlobalForwardingRule",
            "gcp:compute/globalForwardingRule:GlobalForwardingRule",
            "gcp:compute/managedSslCertificate:ManagedSslCertificate",
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "gcp:compute/sSLPolicy:SSLPolicy",
            "gcp:compute/securityPolicy:SecurityPolicy",
            "gcp:compute/targetHttpProxy:TargetHttpProxy",
            "gcp:compute/targetHttpsProxy:TargetHttpsProxy",
            "gcp:compute/uRLMap:URLMap",
            "gcp:compute/uRLMap:URLMap",
        ]);
        for (const kind of REGIONAL_LB_KINDS) {
            assert.deepStrictEqual(ofType(result, kind), [], `${kind} must not be used by a global scheme`);
        }
        assert.deepStrictEqual(loadBalancingSchemes(result), Array(5).fill("EXTERNAL_MANAGED"));
        for (const rule of ofType(result, "gcp:compute/globalForwardingRule:GlobalForwardingRule")) {
            assert.ok(!("network" in rule.inputs), "no network on a global external rule");
        }
    });

    it("lets the load balancer in and keeps the internet out of every service", () => {
        const services = ofType(result, "gcp:cloudrunv2/service:Service").map((s) => s.inputs);
        assert.deepStrictEqual(
            services.map((s) => [s.name, s.ingress]),
            [
                ["api", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"],
                ["docs", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"],
                ["web", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"],
            ],
        );
    });

    it("routes by host and path", () => {
        const urlMap = ofType(result, "gcp:compute/uRLMap:URLMap").find((m) => m.inputs.hostRules)!.inputs;
        const backend = (key: string) =>
            `projects/mock-project/global/backendServices/${
                ofType(result, "gcp:compute/backendService:BackendService").find(
                    (b) => b.name === `shop-${key}-backend`,
                )!.inputs.name
            }`;
        assert.strictEqual(urlMap.defaultService, backend("web"));
        assert.deepStrictEqual(urlMap.hostRules, [
            { hosts: ["api.example.com"], pathMatcher: "m0" },
            { hosts: ["shop.example.com"], pathMatcher: "m1" },
        ]);
        // api.example.com sends every path to one backend: a matcher with only that default, no rules.
        assert.deepStrictEqual(urlMap.pathMatchers, [
            { name: "m0", defaultService: backend("api") },
            {
                name: "m1",
                defaultService: backend("web"),
                pathRules: [
                    { paths: ["/api", "/api/*"], service: backend("api") },
                    { paths: ["/docs", "/docs/*"], service: backend("docs") },
                ],
            },
        ]);
    });

    it("emits the route tests to the URL map, where GCP runs them", () => {
        const urlMap = ofType(result, "gcp:compute/uRLMap:URLMap").find((m) => m.inputs.hostRules)!.inputs;
        const tests = urlMap.tests as Array<{ host: string; path: string; service: string }>;
        assert.deepStrictEqual(
            tests.map((t) => [
                t.host,
                t.path,
                t.service
                    .split("/")
                    .pop()!
                    .replace(/-backend-.*/, ""),
            ]),
            [
                ["shop.example.com", "/", "shop-web"],
                ["shop.example.com", "/api/orders", "shop-api"],
                ["shop.example.com", "/docs", "shop-docs"],
                ["api.example.com", "/v1/orders", "shop-api"],
            ],
        );
    });

    it("fails at preview, naming every problem, when both domains are the same", async () => {
        const bad = await plan({ program: "programs/global-external", config: { apiDomain: "shop.example.com" } });
        assert.strictEqual(bad.errors.length, 1);
        assert.deepStrictEqual(bad.errors[0].problems, [
            {
                rule: "route-test",
                field: "tests[0]",
                message: 'GET shop.example.com/ should reach backend "web", but reaches backend "api"',
                fix: "change the routes so the request reaches what the test expects, or correct the test",
            },
            {
                rule: "managed-domains",
                field: "https.managedDomains[1]",
                message: '"shop.example.com" is listed more than once',
                fix: "list each domain once",
            },
        ]);
    });

    it("serves a Google-managed certificate for both domains with a MODERN / TLS 1.2 policy", () => {
        const cert = one(result, "gcp:compute/managedSslCertificate:ManagedSslCertificate").inputs;
        assert.deepStrictEqual(cert.managed, { domains: ["shop.example.com", "api.example.com"] });
        const policy = one(result, "gcp:compute/sSLPolicy:SSLPolicy").inputs;
        assert.deepStrictEqual([policy.profile, policy.minTlsVersion], ["MODERN", "TLS_1_2"]);
        const proxy = one(result, "gcp:compute/targetHttpsProxy:TargetHttpsProxy").inputs;
        assert.deepStrictEqual(proxy.sslCertificates, [`projects/mock-project/global/sslCertificates/${cert.name}`]);
        assert.strictEqual(proxy.sslPolicy, "projects/mock-project/global/sslPolicies/shop-ssl-policy");
    });

    it("redirects HTTP to HTTPS on the same reserved IP", () => {
        const redirect = ofType(result, "gcp:compute/uRLMap:URLMap").find((m) => m.inputs.defaultUrlRedirect)!;
        assert.deepStrictEqual(redirect.inputs.defaultUrlRedirect, {
            httpsRedirect: true,
            redirectResponseCode: "MOVED_PERMANENTLY_DEFAULT",
            stripQuery: false,
        });
        const address = one(result, "gcp:compute/globalAddress:GlobalAddress").inputs;
        const rules = ofType(result, "gcp:compute/globalForwardingRule:GlobalForwardingRule").map((r) => r.inputs);
        assert.deepStrictEqual(
            rules.map((r) => [r.portRange, r.ipAddress]),
            [
                ["80", `projects/mock-project/global/addresses/${address.name}`],
                ["443", `projects/mock-project/global/addresses/${address.name}`],
            ],
        );
    });

    it("puts ONE global Cloud Armor policy with SQLi and XSS WAF rules and a throttle on every backend service", () => {
        const policy = one(result, "gcp:compute/securityPolicy:SecurityPolicy");
        assert.strictEqual(policy.inputs.type, "CLOUD_ARMOR");
        assert.ok(!("region" in policy.inputs), "a global policy for a global scheme");
        assert.ok(!("adaptiveProtectionConfig" in policy.inputs));
        assert.deepStrictEqual(policy.inputs.rules, [
            {
                priority: 2000,
                action: "deny(403)",
                description: "Preconfigured WAF sqli-v33-stable",
                match: { expr: { expression: "evaluatePreconfiguredWaf('sqli-v33-stable', {'sensitivity': 1})" } },
            },
            {
                priority: 2001,
                action: "deny(403)",
                description: "Preconfigured WAF xss-v33-stable",
                match: { expr: { expression: "evaluatePreconfiguredWaf('xss-v33-stable', {'sensitivity': 1})" } },
            },
            {
                priority: 3000,
                action: "throttle",
                description: "Throttle clients over the rate limit",
                match: { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: ["*"] } },
                rateLimitOptions: {
                    conformAction: "allow",
                    exceedAction: "deny(429)",
                    enforceOnKey: "IP",
                    rateLimitThreshold: { count: 500, intervalSec: 60 },
                },
            },
            {
                priority: 2147483647,
                action: "allow",
                description: "Default rule",
                match: { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: ["*"] } },
            },
        ]);
        const backends = ofType(result, "gcp:compute/backendService:BackendService");
        assert.deepStrictEqual(
            backends.map((b) => [b.name, b.inputs.securityPolicy]),
            ["api", "docs", "web"].map((key) => [
                `shop-${key}-backend`,
                `projects/mock-project/global/securityPolicies/${policy.inputs.name}`,
            ]),
        );
    });

    it("turns on Adaptive Protection (layer-7 DDoS detection) on the policy with adaptiveProtection=true", async () => {
        const adaptive = await plan({ program: "programs/global-external", config: { adaptiveProtection: "true" } });
        assert.deepStrictEqual(adaptive.errors, []);
        assert.deepStrictEqual(
            one(adaptive, "gcp:compute/securityPolicy:SecurityPolicy").inputs.adaptiveProtectionConfig,
            {
                layer7DdosDefenseConfig: { enable: true },
            },
        );
    });

    it("bans instead of throttling with rateLimitAction=ban, at the configured rate", async () => {
        const ban = await plan({
            program: "programs/global-external",
            config: { rateLimitAction: "ban", rateLimitCount: "100", rateLimitIntervalSec: "30" },
        });
        assert.deepStrictEqual(ban.errors, []);
        const rules = one(ban, "gcp:compute/securityPolicy:SecurityPolicy").inputs.rules as any[];
        assert.deepStrictEqual(
            rules.map((r) => [r.priority, r.action]),
            [
                [2000, "deny(403)"],
                [2001, "deny(403)"],
                [3000, "rate_based_ban"],
                [2147483647, "allow"],
            ],
        );
        assert.deepStrictEqual(rules[2].rateLimitOptions, {
            conformAction: "allow",
            exceedAction: "deny(403)",
            enforceOnKey: "IP",
            rateLimitThreshold: { count: 100, intervalSec: 30 },
            banDurationSec: 600,
        });
    });

    it("rejects a rate-limit interval Cloud Armor does not accept, at preview", async () => {
        const bad = await plan({ program: "programs/global-external", config: { rateLimitIntervalSec: "45" } });
        assert.deepStrictEqual(
            bad.errors[0].problems!.map((p) => [p.field, p.message]),
            ["web", "api", "docs"].map((key) => [
                `backends.${key}.securityPolicy.create.rateLimit.intervalSec`,
                "45 s is not an interval Cloud Armor accepts",
            ]),
        );
    });

    it("tells which DNS records to create", () => {
        assert.strictEqual(
            result.outputs.dnsRecords,
            "shop.example.com. A 203.0.113.10\napi.example.com. A 203.0.113.10",
        );
    });
});
