import * as assert from "assert";
import { plan, PlanResult } from "../../components/cli/plan";
import { run } from "../../components/cli/main";

describe("programs/adopt-existing (seed 002, adopted from gcloud exports)", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan({ program: "programs/adopt-existing" });
    });

    it("plans without errors or warnings", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
    });

    it("imports the walkthrough's five resources and creates nothing", () => {
        const cloud = result.resources.filter((r) => r.type.startsWith("gcp:"));
        assert.deepStrictEqual(
            cloud.map((r) => [r.type, r.inputs.name, r.import]),
            [
                [
                    "gcp:compute/forwardingRule:ForwardingRule",
                    "hello-https-forwarding-rule",
                    "projects/my-project/regions/us-central1/forwardingRules/hello-https-forwarding-rule",
                ],
                [
                    "gcp:compute/regionBackendService:RegionBackendService",
                    "hello-backend-service",
                    "projects/my-project/regions/us-central1/backendServices/hello-backend-service",
                ],
                [
                    "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
                    "hello-serverless-neg",
                    "projects/my-project/regions/us-central1/networkEndpointGroups/hello-serverless-neg",
                ],
                [
                    "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
                    "hello-https-proxy",
                    "projects/my-project/regions/us-central1/targetHttpsProxies/hello-https-proxy",
                ],
                [
                    "gcp:compute/regionUrlMap:RegionUrlMap",
                    "hello-url-map",
                    "projects/my-project/regions/us-central1/urlMaps/hello-url-map",
                ],
            ],
        );
    });

    it("keeps the literal VIP, the certificate by reference and the live protocol", () => {
        const rule = result.resources.find((r) => r.type === "gcp:compute/forwardingRule:ForwardingRule")!;
        assert.strictEqual(rule.inputs.ipAddress, "10.1.2.99");
        const proxy = result.resources.find(
            (r) => r.type === "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
        )!;
        assert.deepStrictEqual(proxy.inputs.sslCertificates, [
            "projects/my-project/regions/us-central1/sslCertificates/hello-cert",
        ]);
        assert.strictEqual(proxy.inputs.sslPolicy, undefined);
        const service = result.resources.find(
            (r) => r.type === "gcp:compute/regionBackendService:RegionBackendService",
        )!;
        assert.strictEqual(service.inputs.protocol, "HTTP");
    });

    it("`cloudrun-lb diff exports .` as its README says: no changes, exit 0", async () => {
        const lines: string[] = [];
        const code = await run(["diff", "programs/adopt-existing/exports", "programs/adopt-existing"], (t) =>
            lines.push(t),
        );
        assert.strictEqual(code, 0, lines.join("\n"));
        assert.match(lines.join("\n"), /^no changes/);
    });
});
