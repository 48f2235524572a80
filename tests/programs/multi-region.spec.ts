import * as assert from "assert";
import { plan, PlanResult } from "../../components/cli/plan";
import { gcpTypes, loadBalancingSchemes, one, ofType, REGIONAL_LB_KINDS } from "../support/program-helpers";

const REGIONS = ["asia-northeast1", "europe-west1", "us-central1"];

describe("programs/multi-region (seed 001: one service in three regions, closest region)", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan({ program: "programs/multi-region" });
    });

    it("plans without errors or warnings", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
    });

    it("deploys the same service in three regions and a global external load balancer over them", () => {
        assert.deepStrictEqual(gcpTypes(result), [
            "gcp:cloudrunv2/service:Service",
            "gcp:cloudrunv2/service:Service",
            "gcp:cloudrunv2/service:Service",
            "gcp:compute/backendService:BackendService",
            "gcp:compute/globalAddress:GlobalAddress",
            "gcp:compute/globalForwardingRule:GlobalForwardingRule",
            "gcp:compute/globalForwardingRule:GlobalForwardingRule",
            "gcp:compute/managedSslCertificate:ManagedSslCertificate",
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "gcp:compute/sSLPolicy:SSLPolicy",
            "gcp:compute/targetHttpProxy:TargetHttpProxy",
            "gcp:compute/targetHttpsProxy:TargetHttpsProxy",
            "gcp:compute/uRLMap:URLMap",
            "gcp:compute/uRLMap:URLMap",
        ]);
        const services = ofType(result, "gcp:cloudrunv2/service:Service").map((s) => s.inputs);
        assert.deepStrictEqual(services.map((s) => s.location).sort(), REGIONS);
        assert.deepStrictEqual([...new Set(services.map((s) => s.name))], ["hello"]);
        for (const kind of REGIONAL_LB_KINDS) {
            assert.deepStrictEqual(ofType(result, kind), [], `${kind} must not be used`);
        }
        assert.deepStrictEqual(loadBalancingSchemes(result), Array(3).fill("EXTERNAL_MANAGED"));
    });

    it("puts one NEG per distinct region on the one backend service, with outlier detection", () => {
        const negs = ofType(result, "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup");
        assert.deepStrictEqual(negs.map((n) => n.inputs.region).sort(), REGIONS);
        assert.deepStrictEqual(
            negs.map((n) => n.inputs.cloudRun),
            [{ service: "hello" }, { service: "hello" }, { service: "hello" }],
        );
        const backend = one(result, "gcp:compute/backendService:BackendService").inputs;
        assert.deepStrictEqual(
            (backend.backends as Array<{ group: string }>).map((b) => b.group).sort(),
            negs
                .map((n) => `projects/mock-project/regions/${n.inputs.region}/networkEndpointGroups/${n.inputs.name}`)
                .sort(),
        );
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

    it("runs on the Premium tier (the default; Standard is rejected for several regions)", () => {
        for (const rule of ofType(result, "gcp:compute/globalForwardingRule:GlobalForwardingRule")) {
            assert.ok(rule.inputs.networkTier === undefined || rule.inputs.networkTier === "PREMIUM");
        }
    });

    it("takes the regions from config and drops outlier detection on request", async () => {
        const two = await plan({
            program: "programs/multi-region",
            config: { regions: '["europe-west1","europe-north1"]', outlierDetection: "false" },
        });
        assert.deepStrictEqual(two.errors, []);
        assert.deepStrictEqual(
            ofType(two, "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup")
                .map((n) => n.inputs.region)
                .sort(),
            ["europe-north1", "europe-west1"],
        );
        assert.ok(!("outlierDetection" in one(two, "gcp:compute/backendService:BackendService").inputs));
    });

    it("fails at preview when a region is listed twice", async () => {
        const bad = await plan({
            program: "programs/multi-region",
            config: { regions: '["europe-west1","europe-west1"]', deployService: "false" },
        });
        assert.strictEqual(bad.errors.length, 1);
        assert.deepStrictEqual(bad.errors[0].problems, [
            {
                rule: "serverless-negs-per-backend",
                field: "backends.hello.cloudRun.regions",
                message:
                    "europe-west1 listed more than once; a backend service takes at most one serverless NEG per region",
                fix: "list each region once; for several regions use scheme global-external or cross-region-internal",
            },
        ]);
    });
});
