import * as assert from "assert";
import { plan, PlanResult } from "../../components/cli/plan";
import { gcpTypes, loadBalancingSchemes, one, ofType } from "../support/program-helpers";

describe("programs/regional-external (seed 000: one region, Standard tier)", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan({ program: "programs/regional-external" });
    });

    it("plans without errors or warnings", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
    });

    it("creates exactly the regional external pattern, with the redirect and an SSL policy", () => {
        assert.deepStrictEqual(gcpTypes(result), [
            "gcp:cloudrunv2/service:Service",
            "gcp:compute/address:Address",
            "gcp:compute/forwardingRule:ForwardingRule",
            "gcp:compute/forwardingRule:ForwardingRule",
            "gcp:compute/network:Network",
            "gcp:compute/regionBackendService:RegionBackendService",
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "gcp:compute/regionSslCertificate:RegionSslCertificate",
            "gcp:compute/regionSslPolicy:RegionSslPolicy",
            "gcp:compute/regionTargetHttpProxy:RegionTargetHttpProxy",
            "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
            "gcp:compute/regionUrlMap:RegionUrlMap",
            "gcp:compute/regionUrlMap:RegionUrlMap",
            "gcp:compute/subnetwork:Subnetwork",
        ]);
        assert.deepStrictEqual(loadBalancingSchemes(result), [
            "EXTERNAL_MANAGED",
            "EXTERNAL_MANAGED",
            "EXTERNAL_MANAGED",
        ]);
    });

    it("keeps every regional resource in europe-west1", () => {
        const regional = result.resources.filter(
            (r) => r.inputs.region !== undefined || r.inputs.location !== undefined,
        );
        assert.ok(regional.length >= 10);
        for (const r of regional) {
            assert.strictEqual(r.inputs.region ?? r.inputs.location, "europe-west1", `${r.type} ${r.name}`);
        }
    });

    it("has a proxy-only subnet and forwarding rules with network, Standard tier and one shared address", () => {
        const subnet = one(result, "gcp:compute/subnetwork:Subnetwork").inputs;
        assert.strictEqual(subnet.purpose, "REGIONAL_MANAGED_PROXY");
        assert.strictEqual(subnet.ipCidrRange, "10.129.0.0/23");
        const address = one(result, "gcp:compute/address:Address").inputs;
        assert.strictEqual(address.networkTier, "STANDARD");
        assert.strictEqual(address.addressType, "EXTERNAL");
        const rules = ofType(result, "gcp:compute/forwardingRule:ForwardingRule").map((r) => r.inputs);
        assert.deepStrictEqual(
            rules.map((r) => r.portRange),
            ["80", "443"],
        );
        for (const rule of rules) {
            assert.strictEqual(rule.networkTier, "STANDARD");
            assert.strictEqual(
                rule.network,
                "https://www.googleapis.com/compute/v1/projects/mock-project/global/networks/lb-network",
            );
            assert.strictEqual(rule.ipAddress, `projects/mock-project/regions/europe-west1/addresses/${address.name}`);
            assert.deepStrictEqual(rule.labels, { "data-residency": "europe-west1" });
        }
    });

    it("gives the regional backend service capacityScaler 1 and the service load-balancer-only ingress", () => {
        const backend = one(result, "gcp:compute/regionBackendService:RegionBackendService").inputs;
        assert.strictEqual((backend.backends as Array<{ capacityScaler: number }>)[0].capacityScaler, 1);
        const service = one(result, "gcp:cloudrunv2/service:Service").inputs;
        assert.strictEqual(service.ingress, "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER");
        assert.strictEqual(service.deletionProtection, false);
    });

    it("redirects HTTP to HTTPS and serves TLS 1.2+ only", () => {
        const maps = ofType(result, "gcp:compute/regionUrlMap:RegionUrlMap").map((m) => m.inputs);
        assert.deepStrictEqual(maps.find((m) => m.defaultUrlRedirect)?.defaultUrlRedirect, {
            httpsRedirect: true,
            redirectResponseCode: "MOVED_PERMANENTLY_DEFAULT",
            stripQuery: false,
        });
        const policy = one(result, "gcp:compute/regionSslPolicy:RegionSslPolicy").inputs;
        assert.deepStrictEqual([policy.profile, policy.minTlsVersion], ["MODERN", "TLS_1_2"]);
    });

    it("switches both the address and the rules to Premium tier from config", async () => {
        const premium = await plan({ program: "programs/regional-external", config: { networkTier: "PREMIUM" } });
        assert.deepStrictEqual(premium.errors, []);
        assert.strictEqual(
            ofType(premium, "gcp:compute/forwardingRule:ForwardingRule")[0].inputs.networkTier,
            "PREMIUM",
        );
    });
});
