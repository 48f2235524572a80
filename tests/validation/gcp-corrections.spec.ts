/**
 * Where the package said otherwise than GCP. Each case gives the exact input and the exact
 * outcome: the resources and fields it creates, or the problem (field, reason, fix) it is refused with.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { InternetBackend, validateInternetBackendArgs } from "../../components/backends/internet";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { compileUrlMap, RouteTable } from "../../components/routing/compile";
import { normalizedPath, runRouteTests } from "../../components/routing/route-tests";
import { lenientDecode, simulateRequest } from "../../components/routing/simulate";
import { UrlMapSpec } from "../../components/routing/types";
import { certificateManagerMismatch } from "../../components/rules/certificate-manager";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { formatProblems, Problem } from "../../components/validation";
import { installMocks, Recorder, settle } from "../../components/testing/mocks";
import { plan } from "../../components/cli/plan";

const EU = "europe-west1";
const US = "us-central1";
const CM = ["projects/p/locations/global/certificates/c"];

function problems(args: ApplicationLoadBalancerArgs): Problem[] {
    return validateLoadBalancerArgs(args);
}

function onlyProblem(args: ApplicationLoadBalancerArgs): Problem {
    const found = problems(args);
    assert.strictEqual(found.length, 1, `expected one problem, got:\n${formatProblems("args", found)}`);
    return found[0];
}

/** Recorded resources in logical-name order (registration order depends on when outputs resolve). */
function sortedByName<T extends { name: string }>(resources: T[]): T[] {
    return [...resources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function accepted(args: ApplicationLoadBalancerArgs): void {
    const found = problems(args);
    assert.deepStrictEqual(found, [], formatProblems("args", found));
}

describe("Cloud Run URL masks with a tag only (Compute API NetworkEndpointGroupCloudRun)", () => {
    const lb = (cloudRun: NonNullable<ApplicationLoadBalancerArgs["backends"][string]["cloudRun"]>) =>
        ({
            scheme: "global-external",
            backends: { login: { cloudRun: { region: EU, ...cloudRun } } },
            defaultBackend: "login",
        }) as ApplicationLoadBalancerArgs;

    it("accepts an explicit service with a mask that picks only the tag", () => {
        accepted(lb({ service: "login", urlMask: "<tag>.example.com" }));
    });

    it("refuses a mask with only <tag> and no service: nothing names the service", () => {
        assert.deepStrictEqual(onlyProblem(lb({ urlMask: "<tag>.example.com" })), {
            rule: "cloud-run-target",
            field: "backends.login.cloudRun.service",
            message:
                'is not set, and the URL mask "<tag>.example.com" has no <service> placeholder, so no Cloud Run service is named',
            fix: 'set cloudRun.service to the service whose tags the mask selects (e.g. "login"), or add <service> to the mask',
        });
    });

    it("refuses the service given twice, explicitly and as <service>", () => {
        assert.deepStrictEqual(onlyProblem(lb({ service: "login", urlMask: "example.com/<service>" })), {
            rule: "cloud-run-target",
            field: "backends.login.cloudRun.urlMask",
            message:
                '"example.com/<service>" picks the service with <service>, and cloudRun.service names one too; the service is given either explicitly or in the mask',
            fix: "drop cloudRun.service to let the mask pick the service, or keep it and take <service> out of the mask (a mask may hold <tag> alone)",
        });
    });

    it("refuses the tag given twice, explicitly and as <tag>", () => {
        assert.deepStrictEqual(onlyProblem(lb({ service: "login", tag: "blue", urlMask: "<tag>.example.com" })), {
            rule: "cloud-run-target",
            field: "backends.login.cloudRun.tag",
            message:
                "is set, and the URL mask picks the tag with <tag> too; the tag is given either explicitly or in the mask",
            fix: "drop cloudRun.tag to let the mask pick the tag, or take <tag> out of the mask",
        });
    });

    it("routes a tag-only mask to the explicit service's tag in route tests and the simulator", () => {
        accepted({
            ...lb({ service: "login", urlMask: "<tag>.example.com" }),
            tests: [
                {
                    host: "blue.example.com",
                    path: "/",
                    backend: "login",
                    cloudRunService: "login",
                    cloudRunTag: "blue",
                },
            ],
        });
        const wrong = onlyProblem({
            ...lb({ service: "login", urlMask: "<tag>.example.com" }),
            tests: [{ host: "blue.example.com", path: "/", backend: "login", cloudRunTag: "green" }],
        });
        assert.strictEqual(
            wrong.message,
            'GET blue.example.com/ should reach Cloud Run service "(any)", tag "green", but reaches backend "login" (Cloud Run service "login", tag "blue")',
        );
    });

    describe("under mocks", () => {
        let recorder: Recorder;
        before(async () => {
            recorder = installMocks();
            new ApplicationLoadBalancer("tags", lb({ service: "login", urlMask: "<tag>.example.com" }));
            await settle();
        });

        it("creates one serverless NEG with the service and the tag mask, and no tag", () => {
            const negs = recorder.byType("gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup");
            assert.deepStrictEqual(
                negs.map((n) => [n.inputs.region, n.inputs.networkEndpointType, n.inputs.cloudRun]),
                [[EU, "SERVERLESS", { service: "login", urlMask: "<tag>.example.com" }]],
            );
        });
    });
});

describe("IAP with several serverless NEGs (setting-up-l7-cross-reg-serverless)", () => {
    const withIap = (scheme: ApplicationLoadBalancerArgs["scheme"]): ApplicationLoadBalancerArgs => ({
        scheme,
        regions: scheme === "cross-region-internal" ? [EU, US] : undefined,
        backends: { web: { cloudRun: { service: "web", regions: [EU, US] }, iap: { enabled: true } } },
        defaultBackend: "web",
        // IAP needs HTTPS (rule iap-https).
        https:
            scheme === "cross-region-internal"
                ? { certificateManagerCertificates: CM }
                : scheme.startsWith("regional")
                  ? { certificates: ["projects/p/regions/europe-west1/sslCertificates/c"] }
                  : { managedDomains: ["shop.example.com"] },
    });

    it("refuses IAP on a cross-region internal backend with serverless NEGs in two regions", () => {
        assert.deepStrictEqual(onlyProblem(withIap("cross-region-internal")), {
            rule: "iap-serverless-neg-count",
            field: "backends.web.iap",
            message:
                "IAP is on, and cloudRun.regions puts 2 serverless NEGs (europe-west1, us-central1) behind this backend service; with IAP the cross-region internal Application Load Balancer supports only a single serverless NEG",
            fix: "give this backend one region (cloudRun.region) to keep IAP, or use scheme global-external for IAP in front of several regions",
        });
    });

    it("accepts IAP with one serverless NEG on cross-region internal", () => {
        accepted({
            ...withIap("cross-region-internal"),
            backends: { web: { cloudRun: { service: "web", region: EU }, iap: { enabled: true } } },
        });
    });

    it("accepts IAP with several regions on global external and classic (IAP: 'one or more Cloud Run services')", () => {
        accepted(withIap("global-external"));
        accepted(withIap("classic"));
    });

    it("leaves regional schemes to the one-NEG-per-backend rule (one finding, not two)", () => {
        const found = problems({ ...withIap("regional-internal"), region: EU });
        assert.deepStrictEqual(
            found.map((p) => `${p.rule} ${p.field}`),
            ["serverless-negs-per-backend backends.web.cloudRun.regions"],
        );
    });
});

describe("one subnet as both the VIP subnet and the proxy-only subnet (proxy-only-subnets)", () => {
    const existing = (vip: string, proxyOnly: string): ApplicationLoadBalancerArgs => ({
        scheme: "regional-internal",
        region: EU,
        network: {
            existing: {
                network: "projects/host/global/networks/shared",
                subnetworks: { [EU]: vip },
                proxyOnlySubnetworks: { [EU]: proxyOnly },
            },
        },
        backends: { web: { cloudRun: { service: "web" } } },
    });

    it("refuses the same subnet link in both places", () => {
        const link = "projects/host/regions/europe-west1/subnetworks/apps";
        assert.deepStrictEqual(onlyProblem(existing(link, link)), {
            rule: "existing-network-distinct-subnets",
            field: "network.existing.proxyOnlySubnetworks.europe-west1",
            message:
                "names the same subnet as existing.subnetworks.europe-west1; the VIP would come from the proxy-only range, which GCP reserves for its Envoy proxies",
            fix: "give the regular subnet (purpose PRIVATE) in existing.subnetworks and the proxy-only subnet (purpose REGIONAL_MANAGED_PROXY or GLOBAL_MANAGED_PROXY) in existing.proxyOnlySubnetworks",
        });
    });

    it("sees one subnet behind a self link with the API prefix and an id without it", () => {
        const found = problems(
            existing(
                "https://www.googleapis.com/compute/v1/projects/host/regions/europe-west1/subnetworks/apps",
                "projects/host/regions/europe-west1/subnetworks/apps",
            ),
        );
        assert.deepStrictEqual(
            found.map((p) => p.rule),
            ["existing-network-distinct-subnets"],
        );
    });

    it("sees one subnet when the same Output is passed twice", () => {
        const subnet = pulumi.output("projects/host/regions/europe-west1/subnetworks/apps");
        const args = existing("x", "y");
        args.network!.existing!.subnetworks = { [EU]: subnet };
        args.network!.existing!.proxyOnlySubnetworks = { [EU]: subnet };
        assert.deepStrictEqual(
            problems(args).map((p) => p.rule),
            ["existing-network-distinct-subnets"],
        );
    });

    it("accepts two different subnets", () => {
        accepted(
            existing(
                "projects/host/regions/europe-west1/subnetworks/apps",
                "projects/host/regions/europe-west1/subnetworks/proxy-only",
            ),
        );
    });
});

describe("a global internet NEG on a regional scheme (internet-neg-concepts)", () => {
    const GLOBAL_NEG = "projects/p/global/networkEndpointGroups/legacy";

    it("refuses a global NEG id for a regional external backend", () => {
        assert.deepStrictEqual(
            validateInternetBackendArgs({
                scheme: "regional-external",
                region: EU,
                network: "projects/p/global/networks/lb",
                internet: { fqdn: "legacy.example.com" },
                neg: GLOBAL_NEG,
            }),
            [
                {
                    rule: "internet-neg-scope",
                    field: "neg",
                    message:
                        '"projects/p/global/networkEndpointGroups/legacy" is a global internet NEG, but a regional one in europe-west1 is needed by the regional external Application Load Balancer',
                    fix: "pass a NEG of the scheme's scope (compute.GlobalNetworkEndpointGroup for global-external and classic, compute.RegionNetworkEndpointGroup in the load balancer's region otherwise), or omit neg to let the backend create one",
                },
            ],
        );
    });

    it("refuses a regional NEG on global external and accepts matching scopes", () => {
        const regionalNeg = "projects/p/regions/europe-west1/networkEndpointGroups/legacy";
        assert.deepStrictEqual(
            validateInternetBackendArgs({
                scheme: "global-external",
                internet: { fqdn: "legacy.example.com" },
                neg: regionalNeg,
            }).map((p) => [p.rule, p.message]),
            [
                [
                    "internet-neg-scope",
                    '"projects/p/regions/europe-west1/networkEndpointGroups/legacy" is a regional internet NEG in europe-west1, but a global one is needed by the global external Application Load Balancer',
                ],
            ],
        );
        assert.deepStrictEqual(
            validateInternetBackendArgs({
                scheme: "global-external",
                internet: { fqdn: "a.example.com" },
                neg: GLOBAL_NEG,
            }),
            [],
        );
        assert.deepStrictEqual(
            validateInternetBackendArgs({
                scheme: "regional-internal",
                region: EU,
                network: "projects/p/global/networks/lb",
                internet: { fqdn: "a.example.com" },
                neg: regionalNeg,
            }),
            [],
        );
    });

    describe("with a NEG id known only at apply", () => {
        before(() => {
            installMocks();
        });

        it("fails the NEG id output with the same problem once the id resolves, before a backend uses it", async () => {
            const backend = new InternetBackend("legacy", {
                scheme: "regional-external",
                region: EU,
                network: "projects/p/global/networks/lb",
                internet: { fqdn: "legacy.example.com" },
                neg: pulumi.output(Promise.resolve(GLOBAL_NEG)),
            });
            const negId = new Promise<string>((resolve) => backend.negId.apply(resolve));
            await assert.rejects(
                Promise.race([negId, new Promise((_, reject) => setTimeout(() => reject(new Error("hung")), 5000))]),
                /internet-neg-scope|hung/,
            );
        });
    });
});

describe("Host rewrite on Envoy schemes (RegionUrlMap urlRewrite.hostRewrite)", () => {
    it("compiles routes[].rewrite.host to hostRewrite on a regional URL map", () => {
        const table: RouteTable = {
            routes: [{ paths: ["/*"], backend: "run", rewrite: { host: "hello-abc123-ew.a.run.app" } }],
            defaultBackend: "run",
        };
        const spec = compileUrlMap(table, { scheme: "regional-internal", backendRef: (k) => `bs-${k}` });
        assert.deepStrictEqual(spec, {
            defaultService: "bs-run",
            defaultRouteAction: { urlRewrite: { hostRewrite: "hello-abc123-ew.a.run.app" } },
        });
    });

    it("accepts an internet backend without hostOverride and a route that rewrites the Host, on regional internal", () => {
        accepted({
            scheme: "regional-internal",
            region: EU,
            backends: { run: { internet: { fqdn: "hello-abc123-ew.a.run.app" } } },
            routes: [{ paths: ["/*"], backend: "run", rewrite: { host: "hello-abc123-ew.a.run.app" } }],
            defaultBackend: "run",
        });
    });
});

describe("a fix never repeats the bad value", () => {
    it("names the prefix over 32 and suggests another range", () => {
        assert.deepStrictEqual(
            onlyProblem({
                scheme: "regional-internal",
                region: EU,
                network: { create: { subnetCidr: "10.0.0.0/33" } },
                backends: { web: { cloudRun: { service: "web" } } },
            }),
            {
                rule: "network-cidr-syntax",
                field: "network.create.subnetCidr",
                message: '"10.0.0.0/33" is not a valid IPv4 CIDR range: the prefix length /33 is over 32',
                fix: 'use a prefix length of 32 or less, e.g. "10.1.2.0/24" for 256 addresses',
            },
        );
    });

    it("suggests a free range of the same size when the default proxy-only range is taken", () => {
        const problem = onlyProblem({
            scheme: "regional-internal",
            region: EU,
            network: { create: { subnetCidr: "10.128.0.0/9", proxyOnlyCidr: "10.129.0.0/23" } },
            backends: { web: { cloudRun: { service: "web" } } },
        });
        assert.deepStrictEqual(
            [problem.rule, problem.field, problem.fix],
            [
                "network-cidr-overlap",
                "network.create.proxyOnlyCidr",
                "pick a range outside 10.128.0.0/9, e.g. 10.0.0.0/23",
            ],
        );
    });

    /**
     * Bad inputs across the catalogue. For every problem, the value at the field it names (resolved in
     * the args) must not appear in its fix: the fix says what to write instead, never the same thing.
     */
    const base: ApplicationLoadBalancerArgs = {
        scheme: "regional-internal",
        region: EU,
        backends: { web: { cloudRun: { service: "web" } } },
    };
    const corpus: [string, ApplicationLoadBalancerArgs][] = [
        ["prefix over 32", { ...base, network: { create: { subnetCidr: "10.0.0.0/33" } } }],
        ["host bits set", { ...base, network: { create: { subnetCidr: "10.0.0.5/24" } } }],
        ["octet over 255", { ...base, network: { create: { subnetCidr: "10.0.0.256/24" } } }],
        ["proxy-only too small", { ...base, network: { create: { proxyOnlyCidr: "10.129.0.0/28" } } }],
        ["proxy-only is the default but overlaps", { ...base, network: { create: { subnetCidr: "10.128.0.0/9" } } }],
        ["zone as region", { ...base, region: "europe-west1-b" }],
        ["backend region", { ...base, backends: { web: { cloudRun: { service: "web", region: US } } } }],
        ["service name", { ...base, backends: { web: { cloudRun: { service: "Web_App" } } } }],
        ["tag name", { ...base, backends: { web: { cloudRun: { service: "web", tag: "Blue" } } } }],
        ["mask scheme", { ...base, backends: { web: { cloudRun: { urlMask: "https://example.com/<service>" } } } }],
        ["mask placeholder", { ...base, backends: { web: { cloudRun: { urlMask: "example.com/<svc>" } } } }],
        ["name prefix", { ...base, namePrefix: "Orders_Prod" }],
        ["default backend", { ...base, defaultBackend: "api" }],
        ["address outside subnet", { ...base, address: { ip: "10.9.9.9" } }],
        ["address not IPv4", { ...base, address: { ip: "10.1.2" } }],
        [
            "https port",
            { ...base, https: { certificates: ["projects/p/regions/europe-west1/sslCertificates/c"], port: 70000 } },
        ],
        ["http port", { ...base, httpPort: 0 }],
        ["label key", { ...base, labels: { Team: "platform" } }],
        ["label value", { ...base, labels: { team: "Platform Team" } }],
        [
            "managed domain",
            { ...base, scheme: "global-external", region: undefined, https: { managedDomains: ["Shop.Example.com."] } },
        ],
        [
            "wildcard domain",
            { ...base, scheme: "global-external", region: undefined, https: { managedDomains: ["*.example.com"] } },
        ],
        ["certificate scope", { ...base, https: { certificates: ["projects/p/global/sslCertificates/c"] } }],
        ["existing address scope", { ...base, address: { existing: "projects/p/global/addresses/a" } }],
        [
            "hybrid zone",
            {
                ...base,
                backends: {
                    web: { hybrid: { zone: "us-central1-a", endpoints: [{ ipAddress: "192.168.0.1", port: 443 }] } },
                },
            },
        ],
        [
            "hybrid ip",
            {
                ...base,
                backends: {
                    web: {
                        hybrid: { zone: "europe-west1-b", endpoints: [{ ipAddress: "onprem.example.com", port: 443 }] },
                    },
                },
            },
        ],
        ["internet private ip", { ...base, backends: { web: { internet: { ipAddress: "10.0.0.1" } } } }],
        ["internet fqdn", { ...base, backends: { web: { internet: { fqdn: "https://legacy.example.com/" } } } }],
        ["route redirect", { ...base, routes: [{ paths: ["/old"], redirect: { path: "new" } }] }],
        [
            "route redirect host",
            { ...base, routes: [{ paths: ["/old"], redirect: { host: "https://www.example.com" } }] },
        ],
        ["route unknown backend", { ...base, routes: [{ paths: ["/api/*"], backend: "api" }] }],
        [
            "waf rule set",
            {
                ...base,
                backends: {
                    web: { cloudRun: { service: "web" }, securityPolicy: { create: { preconfiguredWaf: ["sqli"] } } },
                },
            },
        ],
        [
            "armor range",
            {
                ...base,
                backends: {
                    web: { cloudRun: { service: "web" }, securityPolicy: { create: { allowIpRanges: ["10.0.0/8"] } } },
                },
            },
        ],
        [
            "rate limit interval",
            {
                ...base,
                backends: {
                    web: {
                        cloudRun: { service: "web" },
                        securityPolicy: { create: { rateLimit: { count: 10, intervalSec: 45 } } },
                    },
                },
            },
        ],
        [
            "existing backend service scope",
            { ...base, backends: { web: { backendService: "projects/p/global/backendServices/b" } } },
        ],
        [
            "existing subnet region",
            {
                ...base,
                network: {
                    existing: {
                        network: "projects/h/global/networks/n",
                        subnetworks: { [EU]: "projects/h/regions/us-central1/subnetworks/s" },
                    },
                },
            },
        ],
        [
            "route test path",
            {
                ...base,
                routes: [{ paths: ["/admin/*"], redirect: { https: true } }],
                tests: [{ host: "example.com", path: "/public/../admin/x", backend: "web" }],
            },
        ],
    ];

    /** The value at a dotted field path such as `backends.web.cloudRun.tag` or `routes[0].redirect.path`. */
    function valueAt(args: unknown, field: string): unknown {
        let value: unknown = args;
        for (const part of field.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "")) {
            if (value === null || typeof value !== "object") {
                return undefined;
            }
            value = (value as Record<string, unknown>)[part];
        }
        return value;
    }

    /** Whether the fix names the value as a whole token ("sqli" is not repeated by "sqli-v33-stable"). */
    function repeats(fix: string, value: unknown): boolean {
        if ((typeof value !== "string" || value.length === 0) && typeof value !== "number") {
            return false;
        }
        const escaped = String(value).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        return new RegExp(`(^|[^A-Za-z0-9._:/-])${escaped}([^A-Za-z0-9._:/-]|$)`).test(fix);
    }

    for (const [name, args] of corpus) {
        it(`${name}: refused, and no fix repeats the value of its field`, () => {
            const found = problems(args);
            assert.ok(found.length > 0, `"${name}" should be refused`);
            for (const problem of found) {
                const value = valueAt(args, problem.field);
                assert.ok(
                    !repeats(problem.fix, value),
                    `${problem.rule} ${problem.field}: the fix "${problem.fix}" repeats ${JSON.stringify(value)}`,
                );
            }
        });
    }
});

describe("lenient percent-decoding in the simulator", () => {
    const map: UrlMapSpec = {
        defaultService: "bs-web",
        hostRules: [{ hosts: ["*"], pathMatcher: "m" }],
        pathMatchers: [
            {
                name: "m",
                defaultService: "bs-web",
                routeRules: [
                    {
                        priority: 1,
                        matchRules: [{ prefixMatch: "/", queryParameterMatches: [{ name: "q", exactMatch: "100%" }] }],
                        service: "bs-percent",
                    },
                ],
            },
        ],
    };

    it("routes ?q=100% and ?%zz=1 instead of throwing URIError", () => {
        assert.strictEqual(
            simulateRequest(map, { host: "example.com", path: "/login/web?q=100%" }).service,
            "bs-percent",
        );
        assert.strictEqual(simulateRequest(map, { host: "example.com", path: "/login/web?%zz=1" }).service, "bs-web");
        assert.strictEqual(
            simulateRequest({ defaultService: "bs-web" }, { host: "example.com", path: "/login/web?q=100%" }).path,
            "/login/web?q=100%",
        );
    });

    it("decodes valid UTF-8 escape runs and leaves the rest as sent", () => {
        assert.strictEqual(lenientDecode("%E2%82%AC%zz%2"), "€%zz%2");
        assert.strictEqual(lenientDecode("100%"), "100%");
        assert.strictEqual(lenientDecode("%FF%41"), "%FF%41");
    });

    it("turns a request the simulator cannot evaluate into a route-test problem, never an exception", () => {
        const broken: UrlMapSpec = {
            defaultService: "bs-web",
            hostRules: [{ hosts: ["*"], pathMatcher: "m" }],
            pathMatchers: [
                {
                    name: "m",
                    defaultService: "bs-web",
                    routeRules: [{ priority: 1, matchRules: [{ regexMatch: "(?=/)/a" }], service: "bs-web" }],
                },
            ],
        };
        const found = runRouteTests(broken, [{ host: "example.com", path: "/a", backend: "web" }], {
            scheme: "regional-internal",
            backendKeys: ["web"],
            backendRef: (k) => `bs-${k}`,
        });
        assert.deepStrictEqual(
            found.map((p) => [
                p.rule,
                p.field,
                p.message.replace(/could not be simulated: .*/, "could not be simulated: …"),
            ]),
            [["route-test", "tests[0]", "GET example.com/a could not be simulated: …"]],
        );
    });

    it("plans programs/url-mask with --request …?q=100% and names the service", async () => {
        const result = await plan({
            program: "programs/url-mask",
            request: "GET https://example.com/login/web?q=100%",
        });
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(
            result.request?.map((r) => [r.backends.map((b) => b.cloudRunService), r.forwardedPath]),
            [[["login"], "/login/web?q=100%"]],
        );
    });
});

describe("matching semantics decided from GCP's docs and Envoy's", () => {
    const headerMap = (invertMatch: boolean, match: Record<string, unknown>): UrlMapSpec => ({
        defaultService: "bs-web",
        hostRules: [{ hosts: ["*"], pathMatcher: "m" }],
        pathMatchers: [
            {
                name: "m",
                defaultService: "bs-web",
                routeRules: [
                    {
                        priority: 1,
                        matchRules: [
                            { prefixMatch: "/", headerMatches: [{ headerName: "x-canary", invertMatch, ...match }] },
                        ],
                        service: "bs-canary",
                    },
                ],
            },
        ],
    });

    it("an inverted value match does not match a header the request lacks (Envoy HeaderUtility::matchHeaders)", () => {
        const request = { host: "example.com", path: "/" };
        assert.strictEqual(simulateRequest(headerMap(true, { exactMatch: "true" }), request).service, "bs-web");
        assert.strictEqual(
            simulateRequest(headerMap(true, { exactMatch: "true" }), { ...request, headers: { "x-canary": "false" } })
                .service,
            "bs-canary",
        );
        assert.strictEqual(simulateRequest(headerMap(true, { presentMatch: true }), request).service, "bs-canary");
        assert.strictEqual(simulateRequest(headerMap(false, { presentMatch: false }), request).service, "bs-canary");
        assert.strictEqual(simulateRequest(headerMap(true, { presentMatch: false }), request).service, "bs-web");
    });

    it("keeps a catch-all prefix redirect a rule (its matched prefix is /), never a defaultUrlRedirect", () => {
        const table: RouteTable = { routes: [{ paths: ["/*"], redirect: { prefix: "/new/" } }], defaultBackend: "web" };
        const spec = compileUrlMap(table, { scheme: "global-external", backendRef: (k) => `bs-${k}` });
        assert.strictEqual(spec.defaultUrlRedirect, undefined);
        assert.strictEqual(spec.defaultService, "bs-web");
        const result = simulateRequest(spec, { host: "example.com", path: "/a/b?x=1" });
        assert.deepStrictEqual(
            [result.kind, result.matchedBy, result.redirect?.url],
            ["redirect", "path-rule", "http://example.com/new/a/b?x=1"],
        );
    });

    it("reads prefixRedirect on a raw defaultUrlRedirect as replacing the leading / (documented UNCONFIRMED)", () => {
        const result = simulateRequest(
            { defaultUrlRedirect: { prefixRedirect: "/new/", stripQuery: false } },
            { host: "e.com", path: "/a" },
        );
        assert.strictEqual(result.redirect?.url, "http://e.com/new/a");
    });

    it("does not match *-api.example.com against -api.example.com (Envoy: the wildcard will not match the empty string)", () => {
        const map: UrlMapSpec = {
            defaultService: "bs-web",
            hostRules: [{ hosts: ["*-api.example.com"], pathMatcher: "api" }],
            pathMatchers: [{ name: "api", defaultService: "bs-api" }],
        };
        assert.strictEqual(simulateRequest(map, { host: "-api.example.com", path: "/" }).service, "bs-web");
        assert.strictEqual(simulateRequest(map, { host: "eu-api.example.com", path: "/" }).service, "bs-api");
    });

    it("normalizes paths the RFC 3986 way for comparison", () => {
        assert.strictEqual(normalizedPath("/public/../admin/x"), "/admin/x");
        assert.strictEqual(normalizedPath("/a//b/./c?q=/../"), "/a/b/c?q=/../");
        assert.strictEqual(normalizedPath("/a/.."), "/");
        assert.strictEqual(normalizedPath("/a/b"), "/a/b");
    });

    const routed: ApplicationLoadBalancerArgs = {
        scheme: "global-external",
        backends: {
            web: { cloudRun: { service: "web", region: EU } },
            admin: { cloudRun: { service: "admin", region: EU } },
        },
        routes: [{ paths: ["/admin/*"], backend: "admin" }],
        defaultBackend: "web",
    };

    it("refuses a route test whose path routes differently as sent and normalized", () => {
        assert.deepStrictEqual(
            onlyProblem({ ...routed, tests: [{ host: "example.com", path: "/public/../admin/x", backend: "web" }] }),
            {
                rule: "route-test",
                field: "tests[0].path",
                message:
                    '"/public/../admin/x" has empty or dot segments; matched as sent it reaches backend "web", normalized it reaches backend "admin", and whether GCP normalizes paths before matching is not documented',
                fix: 'test the path clients actually send, e.g. the normalized "/admin/x"',
            },
        );
    });

    it("accepts a route test with // when both readings reach the same backend", () => {
        accepted({ ...routed, tests: [{ host: "example.com", path: "/admin//x", backend: "admin" }] });
    });
});

describe("Certificate Manager certificates and maps in the proxy's location", () => {
    const GLOBAL_CERT = "projects/p/locations/global/certificates/c";
    const EU_CERT = "projects/p/locations/europe-west1/certificates/c";
    const lb = (
        scheme: ApplicationLoadBalancerArgs["scheme"],
        https: ApplicationLoadBalancerArgs["https"],
    ): ApplicationLoadBalancerArgs => ({
        scheme,
        region: scheme.startsWith("regional") ? EU : undefined,
        regions: scheme === "cross-region-internal" ? [EU, US] : undefined,
        backends: { web: { cloudRun: { service: "web", region: EU } } },
        https,
    });

    it("refuses a global certificate on a regional proxy", () => {
        assert.deepStrictEqual(
            onlyProblem(lb("regional-internal", { certificateManagerCertificates: [GLOBAL_CERT] })),
            {
                rule: "certificate-manager-scope",
                field: "https.certificateManagerCertificates[0]",
                message:
                    '"projects/p/locations/global/certificates/c" is a global certificate, but the regional internal Application Load Balancer\'s proxy in europe-west1 takes certificates in locations/europe-west1',
                fix: "use a certificate created in locations/europe-west1",
            },
        );
    });

    it("refuses a regional certificate on the cross-region internal (global) proxy", () => {
        assert.deepStrictEqual(
            onlyProblem(lb("cross-region-internal", { certificateManagerCertificates: [EU_CERT] })),
            {
                rule: "certificate-manager-scope",
                field: "https.certificateManagerCertificates[0]",
                message:
                    '"projects/p/locations/europe-west1/certificates/c" is a regional (europe-west1) certificate, but the cross-region internal Application Load Balancer\'s global proxy takes certificates in locations/global',
                fix: "use a certificate created in locations/global with scope ALL_REGIONS",
            },
        );
    });

    it("refuses a certificate of another region, and a regional certificate map on global external", () => {
        const other = "//certificatemanager.googleapis.com/projects/p/locations/us-central1/certificates/c";
        assert.strictEqual(
            onlyProblem(lb("regional-external", { certificateManagerCertificates: [other] })).message,
            `"${other}" is a regional (us-central1) certificate, but the regional external Application Load Balancer's proxy in europe-west1 takes certificates in locations/europe-west1`,
        );
        const map = "//certificatemanager.googleapis.com/projects/p/locations/europe-west1/certificateMaps/m";
        assert.deepStrictEqual(onlyProblem(lb("global-external", { certificateMap: map })), {
            rule: "certificate-manager-scope",
            field: "https.certificateMap",
            message: `"${map}" is a regional (europe-west1) certificate map, but the global external Application Load Balancer's global proxy takes certificate maps in locations/global`,
            fix: "use a certificate map created in locations/global",
        });
    });

    it("refuses a Compute certificate given as a Certificate Manager certificate", () => {
        const found = onlyProblem(
            lb("regional-internal", {
                certificateManagerCertificates: ["projects/p/regions/europe-west1/sslCertificates/c"],
            }),
        );
        assert.deepStrictEqual(
            [found.rule, found.field, found.fix],
            [
                "certificate-manager-scope",
                "https.certificateManagerCertificates[0]",
                "pass a certificatemanager.Certificate's id; Compute SSL certificates go in https.certificates, a certificate map in https.certificateMap",
            ],
        );
    });

    it("accepts certificates and maps of the proxy's location, with or without the API prefix", () => {
        accepted(lb("regional-internal", { certificateManagerCertificates: [EU_CERT] }));
        accepted(
            lb("regional-external", {
                certificateManagerCertificates: [`//certificatemanager.googleapis.com/${EU_CERT}`],
            }),
        );
        accepted(lb("cross-region-internal", { certificateManagerCertificates: [GLOBAL_CERT] }));
        accepted(
            lb("classic", {
                certificateMap: "//certificatemanager.googleapis.com/projects/p/locations/global/certificateMaps/m",
            }),
        );
    });

    it("checks the scope of a certificate about to be created (the certificates helper's call)", () => {
        assert.strictEqual(
            certificateManagerMismatch(
                { location: "global", scope: "DEFAULT" },
                "certificate",
                "cross-region-internal",
                undefined,
            ),
            "has scope DEFAULT, but the cross-region internal Application Load Balancer's global proxy takes certificates with scope ALL_REGIONS",
        );
        assert.strictEqual(
            certificateManagerMismatch({ location: EU, scope: "DEFAULT" }, "certificate", "regional-external", EU),
            undefined,
        );
        assert.strictEqual(
            certificateManagerMismatch(
                { location: "global", scope: "DEFAULT" },
                "certificate",
                "regional-external",
                undefined,
            ),
            undefined,
            "a regional scheme without a region is left to the region rules",
        );
    });
});

describe("IPv6 on regional external (Application Load Balancer overview: 'IPv4 IPv6')", () => {
    const args: ApplicationLoadBalancerArgs = {
        scheme: "regional-external",
        region: EU,
        backends: { web: { cloudRun: { service: "web" } } },
        ipv6: true,
    };

    it("is accepted, and refused only in Standard tier (IPv6 needs Premium)", () => {
        accepted(args);
        assert.deepStrictEqual(onlyProblem({ ...args, networkTier: "STANDARD" }), {
            rule: "ipv6-premium-tier",
            field: "ipv6",
            message:
                'is on with networkTier "STANDARD", but IPv6 frontends of the regional external Application Load Balancer need the Premium tier',
            fix: "remove networkTier (Premium is the default) to keep IPv6, or remove ipv6 to stay in Standard Tier",
        });
    });

    it("still refuses IPv6 on internal schemes", () => {
        const found = onlyProblem({
            scheme: "regional-internal",
            region: EU,
            backends: { web: { cloudRun: { service: "web" } } },
            ipv6: true,
        });
        assert.deepStrictEqual([found.rule, found.field], ["frontend-scheme-options", "ipv6"]);
    });

    describe("under mocks", () => {
        let recorder: Recorder;
        before(async () => {
            recorder = installMocks();
            new ApplicationLoadBalancer("edge", { ...args, network: { create: { subnetCidr: "10.8.0.0/24" } } });
            await settle();
        });

        it("creates a dual-stack subnet with external IPv6 next to the proxy-only subnet", () => {
            const subnets = sortedByName(recorder.byType("gcp:compute/subnetwork:Subnetwork")).map((s) => [
                s.name,
                s.inputs.purpose,
                s.inputs.ipCidrRange,
                s.inputs.stackType,
                s.inputs.ipv6AccessType,
            ]);
            assert.deepStrictEqual(subnets, [
                [
                    "edge-network-proxy-only-europe-west1",
                    "REGIONAL_MANAGED_PROXY",
                    "10.129.0.0/23",
                    undefined,
                    undefined,
                ],
                ["edge-network-subnet-europe-west1", undefined, "10.8.0.0/24", "IPV4_IPV6", "EXTERNAL"],
            ]);
        });

        it("adds a regional IPv6 forwarding rule per listener on that subnet, next to the IPv4 ones", () => {
            const rules = recorder.byType("gcp:compute/forwardingRule:ForwardingRule");
            const subnet = recorder.byType("gcp:compute/subnetwork:Subnetwork")[0];
            const ipv6 = rules.filter((r) => r.name.endsWith("-ipv6"));
            assert.deepStrictEqual(
                ipv6.map((r) => [
                    r.name,
                    r.inputs.region,
                    r.inputs.ipVersion,
                    r.inputs.portRange,
                    r.inputs.loadBalancingScheme,
                    r.inputs.networkTier,
                    r.inputs.ipAddress,
                ]),
                [["edge-frontend-http-rule-ipv6", EU, "IPV6", "80", "EXTERNAL_MANAGED", "PREMIUM", undefined]],
            );
            assert.ok(
                String(ipv6[0].inputs.subnetwork).endsWith("/subnetworks/edge-network-subnet-europe-west1"),
                String(ipv6[0].inputs.subnetwork),
            );
            assert.ok(subnet);
            assert.strictEqual(rules.filter((r) => !r.name.endsWith("-ipv6")).length, 1);
            assert.deepStrictEqual(recorder.byType("gcp:compute/globalForwardingRule:GlobalForwardingRule"), []);
            assert.deepStrictEqual(recorder.byType("gcp:compute/globalAddress:GlobalAddress"), []);
        });
    });
});

describe("toggling the HTTP→HTTPS redirect with a fixed internal address.ip (programs/internal-https)", () => {
    async function addressOf(redirectHttp: boolean): Promise<Record<string, unknown>> {
        const recorder = installMocks();
        new ApplicationLoadBalancer("int", {
            scheme: "regional-internal",
            region: EU,
            backends: { web: { cloudRun: { service: "web" } } },
            https: { certificates: ["projects/p/regions/europe-west1/sslCertificates/c"], redirectHttp },
            address: { ip: "10.1.2.99" },
        });
        await settle();
        const addresses = recorder.byType("gcp:compute/address:Address");
        assert.strictEqual(addresses.length, 1);
        return addresses[0].inputs;
    }

    it("reserves the VIP as SHARED_LOADBALANCER_VIP either way, so the address is neither renamed nor replaced", async () => {
        const on = await addressOf(true);
        const off = await addressOf(false);
        assert.deepStrictEqual(off, on);
        assert.deepStrictEqual(
            [on.address, on.purpose, on.addressType],
            ["10.1.2.99", "SHARED_LOADBALANCER_VIP", "INTERNAL"],
        );
    });
});

describe("Standard tier on classic (regional address and forwarding rule, global proxy)", () => {
    const args: ApplicationLoadBalancerArgs = {
        scheme: "classic",
        region: EU,
        networkTier: "STANDARD",
        backends: { web: { cloudRun: { service: "web", region: EU } } },
        https: { managedDomains: ["shop.example.com"] },
    };

    it("is accepted with a region", () => {
        accepted(args);
    });

    it("needs a region for the regional forwarding rule", () => {
        assert.deepStrictEqual(onlyProblem({ ...args, region: undefined }), {
            rule: "lb-region",
            field: "region",
            message: "no region is set",
            fix: 'set it to the Cloud Run service\'s region, e.g. "europe-west1"',
        });
    });

    it("keeps Cloud Run backends in the forwarding rule's region (UNCONFIRMED, the safe reading)", () => {
        const found = onlyProblem({ ...args, backends: { web: { cloudRun: { service: "web", region: US } } } });
        assert.deepStrictEqual(
            [found.rule, found.field, found.fix],
            [
                "lb-backend-region",
                "backends.web.cloudRun.region",
                "deploy the service in europe-west1, or remove networkTier (Premium serves every region)",
            ],
        );
    });

    it("refuses IPv6 in Standard tier ('IPv4 IPv6 (requires Premium Tier)')", () => {
        assert.strictEqual(onlyProblem({ ...args, ipv6: true }).rule, "ipv6-premium-tier");
    });

    it("still refuses Standard tier on global external (global forwarding rules are Premium only)", () => {
        const found = onlyProblem({ ...args, scheme: "global-external" });
        assert.deepStrictEqual([found.rule, found.field], ["frontend-scheme-options", "networkTier"]);
    });

    describe("under mocks", () => {
        let recorder: Recorder;
        before(async () => {
            recorder = installMocks();
            new ApplicationLoadBalancer("std", args);
            await settle();
        });

        it("reserves a regional Standard-tier external address and no global one", () => {
            const addresses = recorder.byType("gcp:compute/address:Address");
            assert.deepStrictEqual(
                addresses.map((a) => [
                    a.name,
                    a.inputs.region,
                    a.inputs.addressType,
                    a.inputs.networkTier,
                    a.inputs.subnetwork,
                ]),
                [["std-frontend-address", EU, "EXTERNAL", "STANDARD", undefined]],
            );
            assert.deepStrictEqual(recorder.byType("gcp:compute/globalAddress:GlobalAddress"), []);
        });

        it("points regional EXTERNAL Standard-tier forwarding rules at the global target proxies", () => {
            const rules = sortedByName(recorder.byType("gcp:compute/forwardingRule:ForwardingRule"));
            const address = recorder.byType("gcp:compute/address:Address")[0];
            const httpsProxy = recorder.byType("gcp:compute/targetHttpsProxy:TargetHttpsProxy")[0];
            const redirectProxy = recorder.byType("gcp:compute/targetHttpProxy:TargetHttpProxy")[0];
            assert.deepStrictEqual(
                rules.map((r) => [
                    r.name,
                    r.inputs.region,
                    r.inputs.loadBalancingScheme,
                    r.inputs.networkTier,
                    r.inputs.portRange,
                    r.inputs.network,
                ]),
                [
                    ["std-frontend-http-rule", EU, "EXTERNAL", "STANDARD", "80", undefined],
                    ["std-frontend-https-rule", EU, "EXTERNAL", "STANDARD", "443", undefined],
                ],
            );
            assert.deepStrictEqual(
                rules.map((r) => r.inputs.ipAddress),
                [address.id, address.id],
            );
            assert.deepStrictEqual(
                rules.map((r) => r.inputs.target),
                [redirectProxy.id, httpsProxy.id],
            );
            assert.deepStrictEqual(recorder.byType("gcp:compute/globalForwardingRule:GlobalForwardingRule"), []);
            assert.deepStrictEqual(recorder.byType("gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy"), []);
        });
    });
});
