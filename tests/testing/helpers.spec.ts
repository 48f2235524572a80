/**
 * cloudrun-lb/testing for users' unit tests: stack config in mockGcp's setup read by `new pulumi.Config()`,
 * routeOf over a load balancer's compiled URL map, and matchers that return exactly one resource.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ApplicationLoadBalancer } from "../../components/load-balancer";
import { mockGcp, Recorder, routeOf, valueOf } from "../../components/testing";

describe("mockGcp({ config }): stack config under the mocks", () => {
    before(() => {
        mockGcp({
            pulumiProject: "platform",
            config: {
                "platform:domain": "internal.example.com",
                replicas: 3,
                "platform:limits": { cpu: "1" },
                "gcp:project": "platform-prod",
                "platform:apiKey": "k-123",
            },
            secretKeys: ["apiKey"],
        });
    });

    it("is read by new pulumi.Config() in the project's namespace, typed values as JSON", async () => {
        const config = new pulumi.Config();
        assert.strictEqual(config.require("domain"), "internal.example.com");
        assert.strictEqual(config.getNumber("replicas"), 3);
        assert.deepStrictEqual(config.getObject("limits"), { cpu: "1" });
        assert.strictEqual(config.get("missing"), undefined);
        assert.strictEqual(new pulumi.Config("gcp").get("project"), "platform-prod");
        const secret = config.requireSecret("apiKey");
        assert.strictEqual(await (secret as any).isSecret, true);
        assert.strictEqual(await valueOf(secret), "k-123");
    });

    it("answers for the project config names", async () => {
        const gcp = await import("@pulumi/gcp/organizations");
        const project = await gcp.getProject({});
        assert.strictEqual(project.projectId, "platform-prod");
    });
});

describe("routeOf(lb, request): the route through the load balancer's compiled URL map", () => {
    let gcp: Recorder;
    let lb: ApplicationLoadBalancer;

    before(() => {
        gcp = mockGcp({ project: "platform-prod" });
        lb = new ApplicationLoadBalancer("platform", {
            scheme: "regional-internal",
            region: "europe-west1",
            backends: {
                billing: { cloudRun: { service: "billing" } },
                orders: { cloudRun: { service: "orders" } },
                canary: { cloudRun: { service: "orders", tag: "canary" } },
            },
            routes: [
                { hosts: ["billing.internal.example.com"], backend: "billing" },
                {
                    hosts: ["orders.internal.example.com"],
                    headers: [{ name: "x-canary", exact: "1" }],
                    backend: "canary",
                },
                {
                    hosts: ["orders.internal.example.com"],
                    paths: ["/v1/*"],
                    backend: "orders",
                    rewrite: { pathPrefix: "/", host: "orders.run.internal" },
                },
                { hosts: ["orders.internal.example.com"], paths: ["/legacy"], redirect: { path: "/v1/" } },
                {
                    hosts: ["split.internal.example.com"],
                    split: [
                        { backend: "orders", weight: 90 },
                        { backend: "canary", weight: 10 },
                    ],
                },
            ],
            defaultBackend: "orders",
        });
    });

    it("GET https://billing.internal.example.com/x → backend billing, nothing rewritten", async () => {
        const route = await routeOf(lb, "GET https://billing.internal.example.com/x");
        assert.deepStrictEqual(
            { ...route, backends: route.backends.map((b) => [b.backend, b.share]) },
            {
                kind: "backend",
                backend: "billing",
                backends: [["billing", 1]],
                summary: 'backend "billing"',
                host: "billing.internal.example.com",
                path: "/x",
            },
        );
    });

    it("a rewrite: the host and path the backend receives", async () => {
        const route = await routeOf(lb, "https://orders.internal.example.com/v1/invoices?page=2");
        assert.strictEqual(route.backend, "orders");
        assert.deepStrictEqual(route.rewrite, { host: "orders.run.internal", path: "/invoices?page=2" });
    });

    it("a redirect: its status and URL", async () => {
        const route = await routeOf(lb, "GET https://orders.internal.example.com/legacy");
        assert.strictEqual(route.kind, "redirect");
        assert.strictEqual(route.backend, undefined);
        assert.strictEqual(route.status, 301);
        assert.deepStrictEqual(route.redirect, { status: 301, url: "https://orders.internal.example.com/v1/" });
    });

    it("a header match, and a split (no single backend)", async () => {
        const canary = await routeOf(lb, "GET https://orders.internal.example.com/", { headers: { "x-canary": "1" } });
        assert.strictEqual(canary.backend, "canary");
        const split = await routeOf(lb, "GET https://split.internal.example.com/");
        assert.strictEqual(split.backend, undefined);
        assert.deepStrictEqual(
            split.backends.map((b) => [b.backend, b.share]),
            [
                ["orders", 0.9],
                ["canary", 0.1],
            ],
        );
    });

    it("one(type, name?) and named(name) return exactly one resource, or say what there is", () => {
        assert.strictEqual(gcp.one("gcp:compute/regionUrlMap:RegionUrlMap").name, "platform-url-map");
        assert.strictEqual(gcp.named("platform-url-map").type, "gcp:compute/regionUrlMap:RegionUrlMap");
        assert.throws(
            () => gcp.one("gcp:compute/regionBackendService:RegionBackendService"),
            new Error(
                "expected one gcp:compute/regionBackendService:RegionBackendService, found 3 (registered: platform-billing-backend, platform-canary-backend, platform-orders-backend)",
            ),
        );
        assert.throws(
            () => gcp.one("gcp:compute/uRLMap:URLMap"),
            new Error("expected one gcp:compute/uRLMap:URLMap, found 0 (registered: none)"),
        );
        assert.throws(() => gcp.named("nope"), new Error("no resource named nope was registered"));
    });
});

describe("routeOf on a load balancer built before mockGcp recorded anything", () => {
    it("says to call mockGcp() first", async () => {
        const { installMocks } = await import("../../components/testing/mocks");
        const { clearRecordedRoutings } = await import("../../components/routing/registry");
        installMocks();
        clearRecordedRoutings();
        const lb = new pulumi.ComponentResource("cloudrun-lb:index:ApplicationLoadBalancer", "orphan", {});
        await assert.rejects(
            routeOf(lb, "GET https://x.example.com/"),
            new Error(
                'routeOf: load balancer "orphan" compiled no URL map under the mocks: call mockGcp() before the load balancer is constructed (and check it has no configuration problems)',
            ),
        );
    });
});
