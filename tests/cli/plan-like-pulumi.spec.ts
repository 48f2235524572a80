/**
 * `cloudrun-lb plan` runs a program as `pulumi up` would and says what a newcomer needs to read its output: the
 * program's own directory as the working directory, an exported component as Pulumi shows it, routes that could
 * not be compiled, URL map limits, a diagram that stays readable; `simulate` on a plan names the map's real scheme.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ExitCode } from "../../components/cli/main";
import { cli } from "../support/cli";
import { formatPlan, PlanResult } from "../../components/cli/plan";

const FIXTURES = "tests/fixtures/cli";

describe("cloudrun-lb plan runs the program in its project directory, as Pulumi does", () => {
    it('reads fs.readFileSync("catalog.yaml") next to the program when planned from the repository root', async () => {
        const before = process.cwd();
        const { code, out } = await cli("plan", `${FIXTURES}/reads-file`, "--json");
        const result: PlanResult = JSON.parse(out);
        assert.deepStrictEqual(result.errors, []);
        assert.strictEqual(code, ExitCode.Ok);
        assert.deepStrictEqual(result.outputs, { buckets: ["assets-billing", "assets-orders"] });
        assert.deepStrictEqual(
            result.resources.filter((r) => r.type === "gcp:storage/bucket:Bucket").map((r) => r.name),
            ["billing", "orders"],
        );
        // The caller's working directory is back once the plan is done.
        assert.strictEqual(process.cwd(), before);
    });
});

describe("cloudrun-lb plan shows an exported component as Pulumi's stack outputs do", () => {
    it("export const lb = new ApplicationLoadBalancer(...): an object of its URN and outputs, no toJSON message", async () => {
        const { code, out } = await cli("plan", `${FIXTURES}/exports-component`, "--json");
        const result: PlanResult = JSON.parse(out);
        assert.deepStrictEqual(result.errors, []);
        assert.strictEqual(code, ExitCode.Ok);
        assert.deepStrictEqual(result.outputs, {
            lb: {
                urn: "urn:pulumi:dev::exports-component::cloudrun-lb:index:ApplicationLoadBalancer::shop",
                backendServiceIds: {
                    web: "projects/mock-project/regions/europe-west1/backendServices/shop-web-backend-d6f99d04",
                },
                bucketNames: {},
                urlMapId: "projects/mock-project/regions/europe-west1/urlMaps/shop-url-map",
                ipAddress: "203.0.113.20",
                ipAddresses: { "europe-west1": "203.0.113.20" },
                url: "http://203.0.113.20",
                forwardingRuleIds: ["projects/mock-project/regions/europe-west1/forwardingRules/shop-http-rule"],
                certificateIds: [],
                dnsAuthorizationRecords: [],
                networkSelfLink:
                    "https://www.googleapis.com/compute/v1/projects/mock-project/global/networks/shop-network",
                serviceAttachmentSelfLinks: {},
                subnetworkSelfLinks: {},
            },
        });
        const text = await cli("plan", `${FIXTURES}/exports-component`);
        assert.doesNotMatch(text.out, /toJSON/);
        assert.match(
            text.out,
            /\nOutputs:\n {2}lb:\n {4}urn: urn:pulumi:dev::exports-component::cloudrun-lb:index:ApplicationLoadBalancer::shop\n {4}backendServiceIds: \{"web":"projects\/mock-project\/regions\/europe-west1\/backendServices\/shop-web-backend-d6f99d04"\}\n/,
        );
        assert.match(text.out, /\n {4}url: http:\/\/203\.0\.113\.20\n/);
    });
});

describe("cloudrun-lb plan: routes of a load balancer that fails validation", () => {
    it("says the routes were not compiled because of the problems listed, not that there is no load balancer", async () => {
        const { code, out } = await cli("plan", `${FIXTURES}/invalid-lb`);
        assert.strictEqual(code, ExitCode.Failed);
        assert.doesNotMatch(out, /Routes: none/);
        assert.match(
            out,
            /\nRoutes of "shop": not compiled — the load balancer failed validation; fix the problems listed under "Errors:" and plan again\n/,
        );
        assert.match(
            out,
            /\nErrors:\n {2}ApplicationLoadBalancer "shop" has 1 configuration problem:\n {4}1\. defaultBackend: "api" is not a backend \(have: web\)\n/,
        );
    });

    it("still says none when the program has no load balancer", async () => {
        const { out } = await cli("plan", `${FIXTURES}/reads-file`);
        assert.match(out, /\nRoutes: none \(no ApplicationLoadBalancer\)\n/);
    });
});

describe("cloudrun-lb plan of a large catalogue (200 services on their own hosts)", () => {
    let result: PlanResult;
    let text: string;
    before(async function () {
        this.timeout(600_000);
        result = JSON.parse((await cli("plan", `${FIXTURES}/large-catalogue`, "--json")).out);
        text = formatPlan(result);
    });

    it("prints the URL map's estimated size and host rules against the scheme's limits", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.urlMaps, [
            {
                loadBalancer: "catalogue",
                scheme: "regional-internal",
                estimatedBytes: 40129,
                sizeLimitBytes: 1000000,
                hostRules: 200,
                hostRuleLimit: 2000,
                pathMatchers: 200,
                pathMatcherLimit: 2000,
            },
        ]);
        assert.match(
            text,
            /\nURL map limits \(GCP's, fixed per URL map; https:\/\/docs\.cloud\.google\.com\/load-balancing\/docs\/quotas\):\n {2}catalogue \(regional-internal\): about 40,129 of 1,000,000 bytes \(4%\), 200 of 2,000 host rules \(10%\), 200 of 2,000 path matchers\n/,
        );
    });

    it("collapses the diagram to one box per kind, and says so", () => {
        const collapsed =
            "403 resources in the load balancer chain, more than the 60 a diagram shows readably: one box per kind (the resource list above names each)";
        assert.strictEqual(result.diagramCollapsed, collapsed);
        assert.strictEqual(
            result.diagram,
            [
                "flowchart LR",
                '    k0["1 forwarding rule"]',
                '    k1["200 backend services"]',
                '    k2["200 NEGs"]',
                '    k3["1 proxy"]',
                '    k4["1 URL map"]',
                "    k4 --> k1",
                "    k1 --> k2",
                "    k0 --> k3",
                "    k3 --> k4",
                '    cr(["200 Cloud Run targets"])',
                "    k2 --> cr",
            ].join("\n"),
        );
        assert.ok(text.includes(`\nDiagram (Mermaid, collapsed: ${collapsed}):\n\`\`\`mermaid\nflowchart LR\n`));
    });
});

describe("cloudrun-lb simulate --url-map <plan.json>: the map's scheme", () => {
    let dir: string;
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "simulate-scheme-"))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("labels a regional internal map regional-internal, from the plan's forwarding rule", async () => {
        const planned = await cli("plan", `${FIXTURES}/internal-map`, "--json");
        assert.strictEqual(planned.code, ExitCode.Ok);
        const file = path.join(dir, "plan.json");
        fs.writeFileSync(file, planned.out);
        const { code, out } = await cli("simulate", "--url-map", file, "--request", "GET http://10.1.2.10/x");
        assert.strictEqual(code, ExitCode.Ok);
        assert.strictEqual(
            out.split("\n")[0],
            "GET http://10.1.2.10/x on URL map orders-url-map (regional-internal): backend backendServices/orders-orders-backend-12826f91, forwarded as 10.1.2.10/x",
        );
        const json = JSON.parse((await cli("simulate", "--url-map", file, "--request", "GET http://x/", "--json")).out);
        assert.deepStrictEqual(
            json.map((r: { scheme: string; schemeFrom: string }) => [r.scheme, r.schemeFrom]),
            [["regional-internal", "plan"]],
        );
    });

    it("says when a gcloud export leaves the scheme to assume, and how to set it", async () => {
        const { out } = await cli(
            "simulate",
            "--url-map",
            `${FIXTURES}/url-map.yaml`,
            "--request",
            "GET https://api.example.com/v1/x",
        );
        assert.match(
            out.split("\n")[0],
            /on URL map web-map \(global-external assumed: the file does not say which scheme; --scheme sets it\)/,
        );
    });
});
