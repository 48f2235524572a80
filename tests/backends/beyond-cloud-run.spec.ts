import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs, BackendArgs } from "../../components/load-balancer";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { securityPolicyRules, securityPolicyShareKey } from "../../components/security-policy";
import { formatProblems, Problem } from "../../components/validation";
import { installMocks, MOCK_PROJECT_NUMBER, Recorder, settle } from "../../components/testing/mocks";

const R = "europe-west1";
const HELLO = "hello-abc123-ew.a.run.app";
const HELLO2 = "hello2-abc123-ew.a.run.app";

function onlyProblem(args: ApplicationLoadBalancerArgs): Problem {
    const problems = validateLoadBalancerArgs(args);
    assert.strictEqual(problems.length, 1, `expected one problem, got:\n${formatProblems("args", problems)}`);
    return problems[0];
}

function global(
    backends: Record<string, BackendArgs>,
    scheme: ApplicationLoadBalancerArgs["scheme"] = "global-external",
) {
    return { scheme, backends, defaultBackend: Object.keys(backends)[0] } as ApplicationLoadBalancerArgs;
}

function regional(
    backends: Record<string, BackendArgs>,
    scheme: ApplicationLoadBalancerArgs["scheme"] = "regional-internal",
) {
    return { scheme, region: R, backends, defaultBackend: Object.keys(backends)[0] } as ApplicationLoadBalancerArgs;
}

describe("internet backends sharing one global internet NEG (seed 001)", () => {
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        const runAppHost = pulumi.output(HELLO); // an output, as a Cloud Run service's URI would be
        new ApplicationLoadBalancer("edge", {
            scheme: "global-external",
            backends: {
                hello: { internet: { fqdn: runAppHost, hostOverride: HELLO } },
                hello2: { internet: { fqdn: runAppHost, hostOverride: HELLO2 } },
                legacy: { internet: { fqdn: "legacy.example.com" } },
                legacy2: { internet: { fqdn: "legacy.example.com", hostOverride: "www.example.com" } },
            },
            defaultBackend: "hello",
        });
        await settle();
    });

    it("creates one INTERNET_FQDN_PORT NEG per distinct endpoint, with its one endpoint on 443", () => {
        const negs = recorder
            .byType("gcp:compute/globalNetworkEndpointGroup:GlobalNetworkEndpointGroup")
            .sort((a, b) => (a.name < b.name ? -1 : 1));
        assert.deepStrictEqual(
            negs.map((n) => [n.name, n.inputs.networkEndpointType, n.inputs.defaultPort]),
            [
                ["edge-hello-neg", "INTERNET_FQDN_PORT", 443],
                ["edge-legacy-neg", "INTERNET_FQDN_PORT", 443],
            ],
        );
        const endpoints = recorder
            .byType("gcp:compute/globalNetworkEndpoint:GlobalNetworkEndpoint")
            .sort((a, b) => (a.name < b.name ? -1 : 1));
        assert.deepStrictEqual(
            endpoints.map((e) => e.inputs),
            [
                { fqdn: HELLO, globalNetworkEndpointGroup: negs[0].inputs.name, port: 443 },
                { fqdn: "legacy.example.com", globalNetworkEndpointGroup: negs[1].inputs.name, port: 443 },
            ],
        );
    });

    it("points both Cloud Run backend services at the shared NEG, each overriding Host for its service", () => {
        const neg = recorder.get("gcp:compute/globalNetworkEndpointGroup:GlobalNetworkEndpointGroup", "edge-hello-neg");
        const hello = recorder.get("gcp:compute/backendService:BackendService", "edge-hello-backend").inputs;
        const hello2 = recorder.get("gcp:compute/backendService:BackendService", "edge-hello2-backend").inputs;
        for (const backend of [hello, hello2]) {
            assert.deepStrictEqual(backend.backends, [{ group: neg.id }]);
            assert.strictEqual(backend.protocol, "HTTPS");
            assert.strictEqual(backend.loadBalancingScheme, "EXTERNAL_MANAGED");
            assert.ok(!("healthChecks" in backend));
        }
        assert.deepStrictEqual(hello.customRequestHeaders, [`host: ${HELLO}`]);
        assert.deepStrictEqual(hello2.customRequestHeaders, [`host: ${HELLO2}`]);
    });

    it("shares a NEG between plain host names too, and forwards the client's Host when not overridden", () => {
        const neg = recorder.get(
            "gcp:compute/globalNetworkEndpointGroup:GlobalNetworkEndpointGroup",
            "edge-legacy-neg",
        );
        const legacy = recorder.get("gcp:compute/backendService:BackendService", "edge-legacy-backend").inputs;
        const legacy2 = recorder.get("gcp:compute/backendService:BackendService", "edge-legacy2-backend").inputs;
        assert.deepStrictEqual(legacy.backends, [{ group: neg.id }]);
        assert.deepStrictEqual(legacy2.backends, [{ group: neg.id }]);
        assert.ok(!("customRequestHeaders" in legacy));
        assert.deepStrictEqual(legacy2.customRequestHeaders, ["host: www.example.com"]);
    });
});

describe("regional internet NEG", () => {
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer("partner", {
            scheme: "regional-external",
            region: R,
            backends: {
                api: {
                    internet: { endpoints: [{ fqdn: "a.partner.example" }, { fqdn: "b.partner.example", port: 8443 }] },
                },
            },
        });
        await settle();
    });

    it("makes a regional INTERNET_FQDN_PORT NEG in the load balancer's VPC with one endpoint per host, ports set", () => {
        const neg = recorder.get(
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "partner-api-neg",
        );
        assert.strictEqual(neg.inputs.networkEndpointType, "INTERNET_FQDN_PORT");
        assert.strictEqual(neg.inputs.region, R);
        assert.match(neg.inputs.network as string, /global\/networks\/partner-network$/);
        const endpoints = recorder.byType("gcp:compute/regionNetworkEndpoint:RegionNetworkEndpoint");
        assert.deepStrictEqual(
            endpoints.map((e) => [e.name, e.inputs.fqdn, e.inputs.port, e.inputs.regionNetworkEndpointGroup]),
            [
                ["partner-api-endpoint-a.partner.example-443", "a.partner.example", 443, neg.inputs.name],
                ["partner-api-endpoint-b.partner.example-8443", "b.partner.example", 8443, neg.inputs.name],
            ],
        );
        const backend = recorder.get(
            "gcp:compute/regionBackendService:RegionBackendService",
            "partner-api-backend",
        ).inputs;
        assert.deepStrictEqual(backend.backends, [{ capacityScaler: 1, group: neg.id }]);
        assert.ok(!("customRequestHeaders" in backend));
    });
});

describe("internet backend validation", () => {
    it("refuses a backend-service Host override on regional schemes and points to routes[].rewrite.host", () => {
        assert.deepStrictEqual(onlyProblem(regional({ run: { internet: { fqdn: HELLO, hostOverride: HELLO } } })), {
            rule: "internet-host-override",
            field: "backends.run.internet.hostOverride",
            message:
                'is a custom request header of the backend service, and the regional internal Application Load Balancer has no backend-service custom headers; note that traffic reaching *.run.app through an internet NEG counts as internet traffic for Cloud Run ingress, so the service needs ingress "all" (UNCONFIRMED: inferred from the ingress definitions)',
            fix: "drop internet.hostOverride and set the Host in the routes that reach this backend with routes[].rewrite.host (the URL map's urlRewrite.hostRewrite, which regional and cross-region URL maps have), or reach the Cloud Run service in another project with cross-project service referencing (backends.<key>.backendService, or cloudRun with project)",
        });
    });

    it("refuses more than one endpoint on a global internet NEG", () => {
        const problem = onlyProblem(
            global({ x: { internet: { endpoints: [{ fqdn: "a.example.com" }, { fqdn: "b.example.com" }] } } }),
        );
        assert.strictEqual(problem.field, "backends.x.internet.endpoints");
        assert.strictEqual(problem.message, "2 endpoints given, but a global internet NEG holds exactly one");
    });

    it("refuses more than 256 endpoints on a regional internet NEG, and mixed endpoint types", () => {
        const many = Array.from({ length: 257 }, (_, i) => ({ fqdn: `h${i}.example.com` }));
        assert.strictEqual(
            onlyProblem(regional({ x: { internet: { endpoints: many } } })).message,
            "257 endpoints given; a regional internet NEG holds at most 256",
        );
        assert.strictEqual(
            onlyProblem(
                regional({ x: { internet: { endpoints: [{ fqdn: "a.example.com" }, { ipAddress: "203.0.113.5" }] } } }),
            ).message,
            "mixes FQDN and IP endpoints; a NEG holds endpoints of one type",
        );
    });

    it("refuses a URL instead of a host name, and a private IP", () => {
        const url = onlyProblem(global({ x: { internet: { fqdn: `https://${HELLO}/` } } }));
        assert.strictEqual(url.field, "backends.x.internet.fqdn");
        assert.strictEqual(
            url.message,
            `"https://${HELLO}/" is not a fully qualified domain name (no scheme, path or port)`,
        );
        const ip = onlyProblem(global({ x: { internet: { ipAddress: "10.1.2.3" } } }));
        assert.strictEqual(ip.message, "10.1.2.3 is a private address; internet NEGs take public IPs only");
        assert.strictEqual(ip.fix, "for on-premises private endpoints use a hybrid backend (backends.<key>.hybrid)");
    });

    it("refuses internet NEGs on cross-region internal", () => {
        const problem = onlyProblem({
            scheme: "cross-region-internal",
            regions: [R],
            backends: { x: { internet: { fqdn: "a.example.com" } } },
        });
        assert.strictEqual(problem.rule, "internet-scheme");
        assert.strictEqual(
            problem.message,
            'an internet NEG is not supported by the cross-region internal Application Load Balancer (scheme "cross-region-internal")',
        );
    });

    it("checks custom request headers: format, reserved names, count, scheme", () => {
        const bad = validateLoadBalancerArgs(
            global({
                x: {
                    internet: { fqdn: HELLO, hostOverride: HELLO },
                    customRequestHeaders: ["X-Goog-Foo:1", "nocolon", "Host:x"],
                },
            }),
        );
        assert.deepStrictEqual(
            bad.map((p) => [p.field, p.message]),
            [
                [
                    "backends.x.customRequestHeaders[0]",
                    '"X-Goog-Foo" cannot be set: GCP reserves X-Google*, X-Goog-*, X-GFE*, X-Amz-*, X-User-IP, CDN-Loop and hop-by-hop headers',
                ],
                ["backends.x.customRequestHeaders[1]", '"nocolon" is not "Name:value"'],
                ["backends.x.customRequestHeaders[2]", "sets Host while internet.hostOverride also does"],
            ],
        );
        const seventeen = Array.from({ length: 16 }, (_, i) => `X-H${i}:v`);
        assert.strictEqual(
            onlyProblem(
                global({ x: { internet: { fqdn: HELLO, hostOverride: HELLO }, customRequestHeaders: seventeen } }),
            ).message,
            "17 request headers (with the Host override); a backend service takes at most 16",
        );
        const regionalHeaders = onlyProblem(
            regional({ x: { cloudRun: { service: "x" }, customRequestHeaders: ["X-A:1"] } }),
        );
        assert.strictEqual(
            regionalHeaders.message,
            'customRequestHeaders is not supported by the regional internal Application Load Balancer (scheme "regional-internal")',
        );
    });
});

describe("Cloud Armor policy shared by backends with the same create args", () => {
    let recorder: Recorder;
    const waf = { preconfiguredWaf: ["sqli-v33-stable", "xss-v33-stable"], rateLimit: { count: 100 } };

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer("shop", {
            scheme: "global-external",
            backends: {
                web: { cloudRun: { service: "web", region: R }, securityPolicy: { create: waf } },
                // The same rules written separately (another key order) still share.
                api: {
                    cloudRun: { service: "api", region: R },
                    securityPolicy: {
                        create: { rateLimit: { count: 100 }, preconfiguredWaf: ["sqli-v33-stable", "xss-v33-stable"] },
                    },
                },
                admin: {
                    cloudRun: { service: "admin", region: R },
                    securityPolicy: { create: { ...waf, allowIpRanges: ["203.0.113.0/24"] } },
                },
                other: {
                    cloudRun: { service: "other", region: R },
                    project: "other-project",
                    securityPolicy: { create: waf },
                },
                later: { cloudRun: { service: "later", region: R }, securityPolicy: { create: waf } },
            },
            defaultBackend: "web",
        });
        await settle();
    });

    it("creates one policy per distinct create args and project, named after the first backend in key order", () => {
        assert.deepStrictEqual(
            recorder
                .byType("gcp:compute/securityPolicy:SecurityPolicy")
                .map((p) => [p.name, p.inputs.name, p.inputs.project ?? null])
                .sort(),
            [
                ["shop-admin-security-policy", "shop-admin-armor", null],
                ["shop-api-security-policy", "shop-api-armor", null],
                ["shop-other-security-policy", "shop-other-armor", "other-project"],
            ],
        );
    });

    it("attaches the shared policy to every backend service that asked for the same rules", () => {
        const policyOf = (key: string) =>
            recorder.get("gcp:compute/backendService:BackendService", `shop-${key}-backend`).inputs.securityPolicy;
        const id = (name: string) => recorder.get("gcp:compute/securityPolicy:SecurityPolicy", name).id;
        assert.deepStrictEqual(["admin", "api", "later", "other", "web"].map(policyOf), [
            id("shop-admin-security-policy"),
            id("shop-api-security-policy"),
            id("shop-api-security-policy"),
            id("shop-other-security-policy"),
            id("shop-api-security-policy"),
        ]);
    });

    it("does not share when the project is an output (unknown at preview)", () => {
        assert.strictEqual(securityPolicyShareKey(waf, pulumi.output("p")), undefined);
        assert.strictEqual(
            securityPolicyShareKey(waf, undefined),
            securityPolicyShareKey({ rateLimit: { count: 100 }, preconfiguredWaf: waf.preconfiguredWaf }, undefined),
        );
        assert.notStrictEqual(securityPolicyShareKey(waf, "a"), securityPolicyShareKey(waf, "b"));
    });
});

describe("Cloud Armor", () => {
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer("shop", {
            scheme: "global-external",
            backends: {
                web: {
                    cloudRun: { service: "web", region: R },
                    securityPolicy: {
                        create: {
                            preconfiguredWaf: ["sqli-v33-stable", "xss-v33-stable"],
                            denyIpRanges: ["198.51.100.0/24"],
                            rateLimit: { action: "ban", count: 100, intervalSec: 60, banDurationSec: 300 },
                            adaptiveProtection: true,
                        },
                    },
                },
                api: {
                    cloudRun: { service: "api", region: R },
                    securityPolicy: { existing: "projects/sec/global/securityPolicies/org-waf" },
                },
            },
            defaultBackend: "web",
        });
        new ApplicationLoadBalancer("inside", {
            scheme: "regional-internal",
            region: R,
            backends: {
                app: {
                    cloudRun: { service: "app" },
                    securityPolicy: { create: { allowIpRanges: ["10.0.0.0/8"], rateLimit: { count: 50 } } },
                },
            },
        });
        await settle();
    });

    it("creates a global CLOUD_ARMOR policy with WAF, deny list, ban and the default rule, and attaches it", () => {
        const policy = recorder.get("gcp:compute/securityPolicy:SecurityPolicy", "shop-web-security-policy");
        assert.strictEqual(policy.inputs.type, "CLOUD_ARMOR");
        assert.deepStrictEqual(policy.inputs.adaptiveProtectionConfig, { layer7DdosDefenseConfig: { enable: true } });
        const rules = policy.inputs.rules as any[];
        assert.deepStrictEqual(
            rules.map((r) => [r.priority, r.action]),
            [
                [1000, "deny(403)"],
                [2000, "deny(403)"],
                [2001, "deny(403)"],
                [3000, "rate_based_ban"],
                [2147483647, "allow"],
            ],
        );
        assert.strictEqual(
            rules[1].match.expr.expression,
            "evaluatePreconfiguredWaf('sqli-v33-stable', {'sensitivity': 1})",
        );
        assert.deepStrictEqual(rules[3].rateLimitOptions, {
            banDurationSec: 300,
            conformAction: "allow",
            enforceOnKey: "IP",
            exceedAction: "deny(403)",
            rateLimitThreshold: { count: 100, intervalSec: 60 },
        });
        const web = recorder.get("gcp:compute/backendService:BackendService", "shop-web-backend").inputs;
        assert.strictEqual(web.securityPolicy, policy.id);
        const api = recorder.get("gcp:compute/backendService:BackendService", "shop-api-backend").inputs;
        assert.strictEqual(api.securityPolicy, "projects/sec/global/securityPolicies/org-waf");
    });

    it("creates a regional policy with separate rules (allow list, throttle) on regional internal", () => {
        const policy = recorder.get(
            "gcp:compute/regionSecurityPolicy:RegionSecurityPolicy",
            "inside-app-security-policy",
        );
        assert.deepStrictEqual(policy.inputs, {
            description: "Created by cloudrun-lb",
            name: "inside-app-armor",
            region: R,
            type: "CLOUD_ARMOR",
        });
        const rules = recorder.byType("gcp:compute/regionSecurityPolicyRule:RegionSecurityPolicyRule");
        assert.deepStrictEqual(
            rules.map((r) => [r.inputs.priority, r.inputs.action, r.inputs.securityPolicy]),
            [
                [900, "deny(403)", "inside-app-armor"],
                [3000, "throttle", "inside-app-armor"],
            ],
        );
        assert.deepStrictEqual((rules[0].inputs.match as any).expr, {
            expression: "!(inIpRange(origin.ip, '10.0.0.0/8'))",
        });
        const backend = recorder.get(
            "gcp:compute/regionBackendService:RegionBackendService",
            "inside-app-backend",
        ).inputs;
        assert.strictEqual(backend.securityPolicy, policy.id);
    });

    it("orders rules so the throttle (whose conform action allows) comes last", () => {
        assert.deepStrictEqual(
            securityPolicyRules({ rateLimit: { count: 1 }, preconfiguredWaf: ["xss-v33-stable"] }).map(
                (r) => r.priority,
            ),
            [2000, 3000],
        );
    });

    it("rejects Cloud Armor on cross-region internal (UNCONFIRMED, assumed unsupported)", () => {
        assert.deepStrictEqual(
            onlyProblem({
                scheme: "cross-region-internal",
                regions: [R],
                backends: { x: { cloudRun: { service: "x", region: R }, securityPolicy: { existing: "p" } } },
            }),
            {
                rule: "backend-security-policy",
                field: "backends.x.securityPolicy",
                message:
                    'Cloud Armor is not supported by the cross-region internal Application Load Balancer (scheme "cross-region-internal")',
                fix: "cross-region internal has no Cloud Armor support (UNCONFIRMED, assumed): use scheme regional-internal",
            },
        );
    });

    it("takes an existing policy only as a securityPolicies link of the scheme's scope", () => {
        const existing = (scheme: "regional-internal" | "global-external", link: string) =>
            validateLoadBalancerArgs({
                scheme,
                region: scheme === "regional-internal" ? R : undefined,
                backends: { x: { cloudRun: { service: "x", region: R }, securityPolicy: { existing: link } } },
            })
                .filter((p) => p.rule === "backend-security-policy")
                .map((p) => ({ field: p.field, message: p.message, fix: p.fix }));
        assert.deepStrictEqual(existing("regional-internal", `projects/sec/regions/${R}/securityPolicies/waf`), []);
        assert.deepStrictEqual(existing("global-external", "projects/sec/global/securityPolicies/waf"), []);
        assert.deepStrictEqual(existing("global-external", "waf"), []);
        assert.deepStrictEqual(existing("regional-internal", "projects/sec/global/securityPolicies/waf"), [
            {
                field: "backends.x.securityPolicy.existing",
                message:
                    '"projects/sec/global/securityPolicies/waf" is a global policy, but the regional internal Application Load Balancer takes a regional one',
                fix: "reference a regional policy in the load balancer's region: projects/<project>/regions/<region>/securityPolicies/<name>",
            },
        ]);
        assert.deepStrictEqual(existing("global-external", `projects/sec/regions/${R}/securityPolicies/waf`), [
            {
                field: "backends.x.securityPolicy.existing",
                message: `"projects/sec/regions/${R}/securityPolicies/waf" is a regional policy (${R}), but the global external Application Load Balancer takes a global one`,
                fix: "reference a global policy: projects/<project>/global/securityPolicies/<name>",
            },
        ]);
        assert.deepStrictEqual(existing("global-external", "projects/sec/global/sslPolicies/waf"), [
            {
                field: "backends.x.securityPolicy.existing",
                message: '"projects/sec/global/sslPolicies/waf" is not a security policy self link or id',
                fix: "reference the policy as projects/<project>/global/securityPolicies/<name>",
            },
        ]);
    });

    it("rejects create+existing, adaptive protection on regional, bad rule sets, ranges and intervals", () => {
        assert.strictEqual(
            onlyProblem(regional({ x: { cloudRun: { service: "x" }, securityPolicy: { create: {}, existing: "p" } } }))
                .message,
            "sets both create and existing",
        );
        const problems = validateLoadBalancerArgs(
            regional({
                x: {
                    cloudRun: { service: "x" },
                    securityPolicy: {
                        create: {
                            adaptiveProtection: true,
                            preconfiguredWaf: ["sql-injection"],
                            denyIpRanges: ["not-an-ip"],
                            rateLimit: { count: 0, intervalSec: 45, banDurationSec: 60 },
                        },
                    },
                },
            }),
        );
        assert.deepStrictEqual(
            problems.map((p) => [p.field, p.message]),
            [
                [
                    "backends.x.securityPolicy.create.adaptiveProtection",
                    "Adaptive Protection is for global policies; the regional internal Application Load Balancer uses a regional one",
                ],
                [
                    "backends.x.securityPolicy.create.preconfiguredWaf[0]",
                    '"sql-injection" is not a preconfigured WAF rule set name',
                ],
                ["backends.x.securityPolicy.create.denyIpRanges[0]", '"not-an-ip" is not an IP address or CIDR range'],
                [
                    "backends.x.securityPolicy.create.rateLimit.count",
                    "0 is not a whole number of requests from 1 to 1,000,000",
                ],
                [
                    "backends.x.securityPolicy.create.rateLimit.intervalSec",
                    "45 s is not an interval Cloud Armor accepts",
                ],
                ["backends.x.securityPolicy.create.rateLimit.banDurationSec", 'is set but action is not "ban"'],
            ],
        );
    });

    it("rejects a rate-limit action other than throttle or ban, with the fix", () => {
        assert.deepStrictEqual(
            onlyProblem(
                regional({
                    x: {
                        cloudRun: { service: "x" },
                        securityPolicy: { create: { rateLimit: { action: "block" as any, count: 10 } } },
                    },
                }),
            ),
            {
                rule: "shape",
                field: "backends.x.securityPolicy.create.rateLimit.action",
                message: '"block" is not an allowed value',
                fix: 'use one of "throttle", "ban"',
            },
        );
    });
});

describe("IAP, CDN and outlier detection", () => {
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer("intranet", {
            scheme: "regional-internal",
            region: R,
            backends: {
                app: {
                    cloudRun: { service: "app" },
                    iap: {
                        enabled: true,
                        oauth2ClientId: "client-id",
                        oauth2ClientSecret: "very-secret-value",
                        members: ["group:staff@example.com"],
                    },
                },
            },
            // IAP needs HTTPS (rule iap-https).
            https: { certificates: [`projects/p/regions/${R}/sslCertificates/intranet`] },
        });
        new ApplicationLoadBalancer("cdn", {
            scheme: "global-external",
            backends: {
                site: {
                    cloudRun: { service: "site", region: R },
                    cdn: { enabled: true, cacheMode: "CACHE_ALL_STATIC", defaultTtl: 300 },
                    outlierDetection: { baseEjectionTimeSeconds: 180 },
                },
            },
        });
        await settle();
    });

    it("enables IAP on the backend service with the client secret kept secret", () => {
        const backend = recorder.get("gcp:compute/regionBackendService:RegionBackendService", "intranet-app-backend");
        assert.deepStrictEqual(backend.inputs.iap, {
            enabled: true,
            oauth2ClientId: "client-id",
            oauth2ClientSecret: "[secret]",
        });
        assert.strictEqual((backend.rawInputs.iap as any).oauth2ClientSecret, "very-secret-value");
    });

    it("grants the IAP service agent run.invoker on the Cloud Run service, and members the accessor role", () => {
        const invoker = recorder.get(
            "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
            "intranet-app-iap-invoker",
        ).inputs;
        assert.deepStrictEqual(invoker, {
            location: R,
            member: `serviceAccount:service-${MOCK_PROJECT_NUMBER}@gcp-sa-iap.iam.gserviceaccount.com`,
            name: "app",
            role: "roles/run.invoker",
        });
        const accessor = recorder.get(
            "gcp:iap/webRegionBackendServiceIamMember:WebRegionBackendServiceIamMember",
            "intranet-app-backend-iap-group-staff@example.com",
        ).inputs;
        const backend = recorder.get("gcp:compute/regionBackendService:RegionBackendService", "intranet-app-backend");
        assert.deepStrictEqual(accessor, {
            member: "group:staff@example.com",
            region: R,
            role: "roles/iap.httpsResourceAccessor",
            webRegionBackendService: backend.inputs.name,
        });
    });

    it("turns on Cloud CDN and outlier detection on a global backend", () => {
        const backend = recorder.get("gcp:compute/backendService:BackendService", "cdn-site-backend").inputs;
        assert.strictEqual(backend.enableCdn, true);
        assert.deepStrictEqual(backend.cdnPolicy, { cacheMode: "CACHE_ALL_STATIC", defaultTtl: 300 });
        assert.deepStrictEqual(backend.outlierDetection, {
            baseEjectionTime: { seconds: 180 },
            consecutiveErrors: 5,
            consecutiveGatewayFailure: 3,
            enforcingConsecutiveErrors: 100,
            enforcingConsecutiveGatewayFailure: 100,
            interval: { seconds: 1 },
            maxEjectionPercent: 50,
        });
    });

    it("rejects IAP with CDN and with outlier detection, never echoing the secret", () => {
        const problems = validateLoadBalancerArgs({
            ...global({
                x: {
                    cloudRun: { service: "x", region: R },
                    iap: { enabled: true, oauth2ClientSecret: "very-secret-value" },
                    cdn: { enabled: true },
                    outlierDetection: {},
                },
            }),
            https: { managedDomains: ["x.example.com"] },
        });
        assert.deepStrictEqual(
            problems.map((p) => [p.rule, p.field, p.message]),
            [
                ["backend-iap", "backends.x.cdn", "Cloud CDN cannot be enabled on a backend service with IAP"],
                [
                    "backend-iap",
                    "backends.x.outlierDetection",
                    "outlier detection cannot be configured on an IAP-enabled backend service",
                ],
                ["backend-iap", "backends.x.iap", "has only one of oauth2ClientId and oauth2ClientSecret"],
            ],
        );
        assert.ok(!formatProblems("x", problems).includes("very-secret-value"));
    });

    it("rejects CDN and outlier detection where the scheme has none", () => {
        assert.strictEqual(
            onlyProblem(regional({ x: { cloudRun: { service: "x" }, cdn: { enabled: true } } })).message,
            'Cloud CDN is not supported by the regional internal Application Load Balancer (scheme "regional-internal")',
        );
        assert.strictEqual(
            onlyProblem(global({ x: { cloudRun: { service: "x", region: R }, outlierDetection: {} } }, "classic"))
                .message,
            'Outlier detection with serverless NEGs is not supported by the classic Application Load Balancer (scheme "classic")',
        );
        assert.strictEqual(
            onlyProblem(global({ x: { internet: { fqdn: "a.example.com" }, outlierDetection: {} } })).message,
            "internet NEG backends do not support outlier detection (no traffic policies)",
        );
    });
});

describe("cross-project backends", () => {
    it("allows any project on global external", () => {
        assert.deepStrictEqual(
            validateLoadBalancerArgs({
                scheme: "global-external",
                project: "lb-project",
                backends: {
                    a: { cloudRun: { service: "a", region: R }, project: "team-a" },
                    b: { backendService: "projects/team-b/global/backendServices/b" },
                },
                defaultBackend: "a",
            }),
            [],
        );
    });

    it("rejects another project on classic (UNCONFIRMED, rejected to be safe)", () => {
        assert.deepStrictEqual(
            onlyProblem({
                scheme: "classic",
                project: "lb-project",
                backends: { b: { backendService: "projects/team-b/global/backendServices/b" } },
            }),
            {
                rule: "backend-cross-project",
                field: "backends.b.backendService",
                message:
                    'is in project "team-b", and cross-project service referencing is not available on the classic Application Load Balancer (UNCONFIRMED: not found verbatim, rejected to be safe)',
                fix: 'use scheme global-external, or an internet NEG (backends.<key>.internet with hostOverride; traffic reaching *.run.app through an internet NEG counts as internet traffic for Cloud Run ingress, so the service needs ingress "all" (UNCONFIRMED: inferred from the ingress definitions))',
            },
        );
    });

    it("requires a Shared VPC (network.existing) on regional and internal schemes", () => {
        const args: ApplicationLoadBalancerArgs = {
            scheme: "regional-internal",
            region: R,
            project: "host-project",
            backends: { a: { cloudRun: { service: "a" }, project: "service-project" } },
        };
        assert.deepStrictEqual(onlyProblem(args), {
            rule: "backend-cross-project",
            field: "backends.a.project",
            message:
                'is in project "service-project", but the regional internal Application Load Balancer references backend services in other projects only within a Shared VPC, and this load balancer creates its own VPC',
            fix: "set network.existing to the Shared VPC host project's network (and its subnets), or use scheme global-external",
        });
        assert.deepStrictEqual(
            validateLoadBalancerArgs({
                ...args,
                network: {
                    existing: {
                        network: "projects/host-project/global/networks/shared",
                        subnetworks: { [R]: "projects/host-project/regions/europe-west1/subnetworks/apps" },
                        proxyOnlySubnetworks: { [R]: "projects/host-project/regions/europe-west1/subnetworks/proxy" },
                    },
                },
            }),
            [],
        );
    });

    it("rejects settings on an existing backend service", () => {
        assert.strictEqual(
            onlyProblem(
                global({ b: { backendService: "projects/p/global/backendServices/b", cdn: { enabled: true } } }),
            ).message,
            "is an existing backend service, so cdn cannot be applied to it here",
        );
    });
});
