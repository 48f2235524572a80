import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { plan, PlanResult } from "../../components/cli/plan";
import { formatRequests } from "../../components/cli/plan-routing";

const byType = (result: PlanResult, type: string) => result.resources.filter((r) => r.type === type);

/** The path rule or route rule that sends `path` somewhere, from the URL map's path matchers. */
function ruleFor(urlMap: Record<string, any>, path: string): Record<string, any> | undefined {
    for (const matcher of urlMap.pathMatchers ?? []) {
        for (const rule of matcher.pathRules ?? []) {
            if (rule.paths.includes(path)) return rule;
        }
        for (const rule of matcher.routeRules ?? []) {
            if ((rule.matchRules ?? []).some((m: any) => m.prefixMatch === path || m.fullPathMatch === path))
                return rule;
        }
    }
    return undefined;
}

describe("programs/cross-project-internet-neg (seed 001)", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan({ program: "programs/cross-project-internet-neg" });
    });

    it("plans without errors, warning once that run.app behind an internet NEG needs ingress all", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.strictEqual(result.warnings.length, 1);
        assert.match(result.warnings[0], /counts as internet traffic for Cloud Run ingress.*UNCONFIRMED/);
    });

    it("deploys both Cloud Run services in the service project with ingress all", () => {
        const services = byType(result, "gcp:cloudrunv2/service:Service");
        assert.deepStrictEqual(
            services.map((s) => [s.name, s.inputs.project, s.inputs.ingress, s.inputs.invokerIamDisabled]),
            [
                ["hello", "service-project", "INGRESS_TRAFFIC_ALL", true],
                ["hello2", "service-project", "INGRESS_TRAFFIC_ALL", true],
            ],
        );
    });

    it("uses ONE INTERNET_FQDN_PORT NEG for two backend services with different host: headers", () => {
        const negs = byType(result, "gcp:compute/globalNetworkEndpointGroup:GlobalNetworkEndpointGroup");
        assert.strictEqual(negs.length, 1);
        assert.strictEqual(negs[0].inputs.networkEndpointType, "INTERNET_FQDN_PORT");
        const endpoint = byType(result, "gcp:compute/globalNetworkEndpoint:GlobalNetworkEndpoint");
        assert.deepStrictEqual(
            endpoint.map((e) => [e.inputs.fqdn, e.inputs.port]),
            [["hello-abcdefghij-eu.a.run.app", 443]],
        );
        const backends = byType(result, "gcp:compute/backendService:BackendService");
        const negId = `projects/mock-project/global/networkEndpointGroups/${negs[0].inputs.name}`;
        assert.deepStrictEqual(
            backends
                .map((b) => [b.name, b.inputs.backends, b.inputs.customRequestHeaders, b.inputs.protocol])
                .sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1)),
            [
                ["front-hello-backend", [{ group: negId }], ["host: hello-abcdefghij-eu.a.run.app"], "HTTPS"],
                ["front-hello2-backend", [{ group: negId }], ["host: hello2-abcdefghij-eu.a.run.app"], "HTTPS"],
            ],
        );
    });

    it("routes / to the first service and /hello2 to the second", () => {
        const urlMap = byType(result, "gcp:compute/uRLMap:URLMap")[0].inputs;
        const [hello, hello2] = ["front-hello-backend", "front-hello2-backend"].map(
            (n) =>
                `projects/mock-project/global/backendServices/${byType(result, "gcp:compute/backendService:BackendService").find((b) => b.name === n)!.inputs.name}`,
        );
        assert.strictEqual(urlMap.defaultService, hello);
        const rule = ruleFor(urlMap, "/hello2");
        assert.ok(rule, "a rule for /hello2");
        assert.strictEqual(rule.service, hello2);
    });

    it("--request shows the Host the backend receives: the backend service's Host override (seed 001's trick)", async () => {
        const routed = await plan({
            program: "programs/cross-project-internet-neg",
            request: "GET http://203.0.113.10/hello2",
        });
        const [request] = routed.request!;
        assert.deepStrictEqual(
            request.backends.map((b) => [b.backend, b.host, b.hostFrom]),
            [["hello2", "hello2-abcdefghij-eu.a.run.app", "backend-service"]],
        );
        assert.strictEqual(request.forwardedPath, "/");
        assert.strictEqual(
            formatRequests(routed.request!)[2],
            "    receives Host: hello2-abcdefghij-eu.a.run.app (the backend service's Host override), path /",
        );
    });

    it("rewrites the /hello2 prefix to / (needs the routing engine's rewrite)", () => {
        const urlMap = byType(result, "gcp:compute/uRLMap:URLMap")[0].inputs;
        const rule = ruleFor(urlMap, "/hello2")!;
        assert.strictEqual(rule.routeAction?.urlRewrite?.pathPrefixRewrite, "/");
    });
});

describe("programs/cross-project-internet-neg with a domain", () => {
    it("serves HTTPS and redirects HTTP, so its README tests over https:// once domain is set", async () => {
        const result = await plan({
            program: "programs/cross-project-internet-neg",
            config: { domain: "hello.example.org" },
        });
        assert.deepStrictEqual(result.errors, []);
        assert.strictEqual(result.outputs.url, "https://hello.example.org");
        assert.strictEqual(byType(result, "gcp:compute/targetHttpsProxy:TargetHttpsProxy").length, 1);
        const readme = fs.readFileSync(
            path.join(__dirname, "..", "..", "programs", "cross-project-internet-neg", "README.md"),
            "utf8",
        );
        const tests = readme.slice(readme.indexOf("## Test it once deployed"), readme.indexOf("## Cost"));
        assert.ok(tests.includes("curl -s https://$DOMAIN/ && curl -s https://$DOMAIN/hello2"));
        assert.match(tests, /http:\/\/\$DOMAIN\/ +# 301/);
    });
});

describe("programs/cross-project-internet-neg, chained variant (seed 001, closest location)", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan({ program: "programs/cross-project-internet-neg", config: { variant: "chained" } });
    });

    it("chains to programs/multi-region (whose URL map routes every host), not to a load balancer with host rules", async () => {
        const multiRegion = await plan({ program: "programs/multi-region" });
        const urlMap = multiRegion.resources.find((r) => r.type === "gcp:compute/uRLMap:URLMap")!.inputs;
        assert.ok(!("hostRules" in urlMap), "multi-region's URL map has no host rules");
        const domain = (
            multiRegion.resources.find((r) => r.type === "gcp:compute/managedSslCertificate:ManagedSslCertificate")!
                .inputs.managed as { domains: string[] }
        ).domains[0];
        const endpoint = byType(result, "gcp:compute/globalNetworkEndpoint:GlobalNetworkEndpoint");
        assert.deepStrictEqual(
            endpoint.map((e) => e.inputs.fqdn),
            [domain],
        );
    });

    it("targets the multi-region load balancer's domain through an internet NEG without Host override", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(byType(result, "gcp:cloudrunv2/service:Service"), []);
        const endpoint = byType(result, "gcp:compute/globalNetworkEndpoint:GlobalNetworkEndpoint");
        assert.deepStrictEqual(
            endpoint.map((e) => [e.inputs.fqdn, e.inputs.port]),
            [["hello.example.com", 443]],
        );
        const backends = byType(result, "gcp:compute/backendService:BackendService");
        assert.strictEqual(backends.length, 1);
        assert.strictEqual(backends[0].inputs.protocol, "HTTPS");
        assert.ok(!("customRequestHeaders" in backends[0].inputs));
        assert.deepStrictEqual(result.warnings, []);
    });

    it("--request shows the multi-region load balancer receiving the client's Host (no override)", async () => {
        const routed = await plan({
            program: "programs/cross-project-internet-neg",
            config: { variant: "chained" },
            request: "GET https://front.example.com/",
        });
        assert.deepStrictEqual(
            routed.request!.map((r) => r.backends.map((b) => [b.backend, b.host, b.hostFrom])),
            [[["closest", "front.example.com", "request"]]],
        );
        assert.strictEqual(
            formatRequests(routed.request!)[2],
            "    receives Host: front.example.com (the request's Host), path /",
        );
    });
});
