/**
 * `ApplicationLoadBalancer` builds its pieces through the same builders as the standalone components, but as
 * its own children: it registers its cloud resources and itself, and its arguments are validated once —
 * each rule runs once per thing it checks (the load balancer, its network, its frontend, each backend), and
 * a standalone component runs its own catalogue once.
 */
import { bucketRoutingRules } from "../../components/backends/bucket/rules";
import { errorResponseRules } from "../../components/rules/error-responses";
import * as assert from "assert";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs, BackendArgs } from "../../components/load-balancer";
import { Frontend } from "../../components/frontend";
import { HybridBackend } from "../../components/backends/hybrid";
import { InternetBackend } from "../../components/backends/internet";
import { ServerlessBackend } from "../../components/backends/serverless";
import { LoadBalancerNetwork } from "../../components/network";
import { allRules } from "../../components/rules";
import { hybridRules } from "../../components/backends/hybrid/rules";
import { internetRules } from "../../components/backends/internet/rules";
import { serverlessInLoadBalancerRules, serverlessRules } from "../../components/backends/serverless/rules";
import { backendServiceRules, backendSettingsRules } from "../../components/backends/shared/rules";
import { frontendRules, frontendRulesInLoadBalancer } from "../../components/rules/frontend";
import { iapRules } from "../../components/rules/iap";
import { loadBalancerRules } from "../../components/rules/load-balancer";
import { networkRules, networkRulesInLoadBalancer } from "../../components/rules/network";
import { routingRules } from "../../components/rules/routing";
import { pscRules } from "../../components/rules/psc";
import { authorizationRules } from "../../components/rules/authorization";
import { constraintRules, neverServesRules } from "../../components/rules/constraints";
import { Rule } from "../../components/validation";
import { installMocks, Recorder, settle } from "../../components/testing/mocks";

const CERT = "-----BEGIN CERTIFICATE-----\nMIIBbuilders\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nbuilders-key-material\n-----END PRIVATE KEY-----\n";

/** An internal HTTPS load balancer with `n` Cloud Run services, one host each. */
function hostRouted(n: number): ApplicationLoadBalancerArgs {
    const backends: Record<string, BackendArgs> = {};
    for (let i = 0; i < n; i++) {
        backends[`svc${i}`] = { cloudRun: { service: `svc${i}` } };
    }
    return {
        scheme: "regional-internal",
        region: "europe-west1",
        backends,
        routes: Object.keys(backends).map((key) => ({ hosts: [`${key}.internal.example.com`], backend: key })),
        defaultBackend: "svc0",
        https: { certificate: { certificate: CERT, privateKey: KEY } },
    };
}

describe("builders: registrations of a load balancer", function () {
    this.timeout(120_000);
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer("many", hostRouted(40));
        await settle();
    });

    it("registers its cloud resources and itself, no child component", () => {
        const cloud = recorder.cloudResources();
        const others = recorder.resources.filter((r) => !cloud.includes(r)).map((r) => r.type);
        assert.deepStrictEqual(others, ["cloudrun-lb:index:ApplicationLoadBalancer"]);
        assert.ok(recorder.resources.length <= cloud.length + 5);
        // 40 NEGs and backend services, the network (VPC, subnet, proxy-only subnet), the URL map and the
        // frontend (address, certificate, SSL policy, HTTPS proxy, forwarding rule).
        assert.strictEqual(cloud.length, 40 * 2 + 3 + 1 + 5);
    });

    it("parents every cloud resource on the load balancer", () => {
        const parents = new Set(recorder.cloudResources().map((r) => r.parent));
        assert.deepStrictEqual([...parents], ["cloudrun-lb:index:ApplicationLoadBalancer::many"]);
    });
});

describe("builders: validation runs once", function () {
    this.timeout(120_000);
    const runs = new Map<Rule<never>, number>();
    const checks = new Map<Rule<never>, Rule<never>["check"]>();

    before(() => {
        installMocks();
        for (const rule of allRules()) {
            const check = rule.check;
            checks.set(rule, check);
            rule.check = (context: never) => {
                runs.set(rule, (runs.get(rule) ?? 0) + 1);
                return check(context);
            };
        }
    });

    after(() => {
        for (const [rule, check] of checks) {
            rule.check = check;
        }
    });

    beforeEach(() => runs.clear());

    /** How often each rule of `families` ran, by rule id, and that no other rule ran. */
    function ranOnly(families: [readonly Rule<never>[], number][]): void {
        const expected = new Map<string, number>();
        for (const [rules, times] of families) {
            for (const rule of rules) {
                expected.set(rule.id, (expected.get(rule.id) ?? 0) + times);
            }
        }
        const actual = new Map<string, number>();
        for (const [rule, count] of runs) {
            actual.set(rule.id, (actual.get(rule.id) ?? 0) + count);
        }
        assert.deepStrictEqual(Object.fromEntries([...actual].sort()), Object.fromEntries([...expected].sort()));
    }

    const as = (rules: readonly Rule<any>[]) => rules as readonly Rule<never>[];

    it("a load balancer: its own, routing, network and frontend rules once, each backend's rules once per backend", async () => {
        new ApplicationLoadBalancer("once", {
            scheme: "regional-external",
            region: "europe-west1",
            backends: {
                web: { cloudRun: { service: "web" } },
                api: { cloudRun: { service: "api" } },
                partner: { internet: { fqdn: "partner.example.com" } },
                legacy: { hybrid: { zone: "europe-west1-b", endpoints: [{ ipAddress: "192.168.10.21", port: 443 }] } },
            },
            routes: [{ hosts: ["api.example.com"], backend: "api" }],
            defaultBackend: "web",
            https: { certificate: { certificate: CERT, privateKey: KEY } },
        });
        await settle();
        ranOnly([
            [as(loadBalancerRules), 1],
            [as(iapRules), 1],
            [as(routingRules), 1],
            [as(networkRulesInLoadBalancer), 1],
            [as(frontendRulesInLoadBalancer), 1],
            [as(pscRules), 1],
            [as(authorizationRules), 1],
            [as(serverlessRules), 2],
            [as(serverlessInLoadBalancerRules), 2],
            [as(internetRules), 1],
            [as(hybridRules), 1],
            [as(backendServiceRules), 4],
            [as(backendSettingsRules), 4],
            [as(bucketRoutingRules), 1],
            [as(errorResponseRules), 1],
            [as(constraintRules), 1],
            [as(neverServesRules), 1],
        ]);
    });

    it("a standalone component: its own catalogue once", async () => {
        new ServerlessBackend("solo", {
            scheme: "regional-internal",
            cloudRun: { service: "solo" },
            region: "europe-west1",
        });
        await settle();
        ranOnly([
            [as(serverlessRules), 1],
            [as(backendServiceRules), 1],
        ]);
        runs.clear();
        new InternetBackend("solo", { scheme: "global-external", internet: { fqdn: "solo.example.com" } });
        new HybridBackend("solo", {
            scheme: "global-external",
            hybrid: {
                zone: "europe-west1-b",
                network: "projects/p/global/networks/n",
                endpoints: [{ ipAddress: "192.168.1.1", port: 443 }],
            },
        });
        new LoadBalancerNetwork("solo", { regions: ["europe-west1"], proxyOnlyPurpose: "REGIONAL_MANAGED_PROXY" });
        new Frontend("solo", { scheme: "global-external", urlMap: "projects/p/global/urlMaps/m" });
        await settle();
        ranOnly([
            [as(internetRules), 1],
            [as(hybridRules), 1],
            [as(backendServiceRules), 2],
            [as(networkRules), 1],
            [as(frontendRules), 1],
        ]);
    });
});
