import * as assert from "assert";
import { plan, PlanResult } from "../../components/cli/plan";
import { gcpTypes, loadBalancingSchemes, one, ofType, REGIONAL_LB_KINDS } from "../support/program-helpers";

const NETWORK = "https://www.googleapis.com/compute/v1/projects/mock-project/global/networks/internal-network";
const subnet = (region: string) =>
    `https://www.googleapis.com/compute/v1/projects/mock-project/regions/${region}/subnetworks/internal-network-subnet-${region}`;

describe("programs/cross-region-internal (internal LB reachable from two regions, with failover)", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan({ program: "programs/cross-region-internal" });
    });

    it("plans without errors or warnings", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
    });

    it("creates the cross-region internal pattern with global LB resources", () => {
        assert.deepStrictEqual(gcpTypes(result), [
            "gcp:certificatemanager/certificate:Certificate",
            "gcp:cloudrunv2/service:Service",
            "gcp:cloudrunv2/service:Service",
            "gcp:compute/address:Address",
            "gcp:compute/address:Address",
            "gcp:compute/backendService:BackendService",
            "gcp:compute/firewall:Firewall",
            "gcp:compute/globalForwardingRule:GlobalForwardingRule",
            "gcp:compute/globalForwardingRule:GlobalForwardingRule",
            "gcp:compute/instance:Instance",
            "gcp:compute/instance:Instance",
            "gcp:compute/network:Network",
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "gcp:compute/sSLPolicy:SSLPolicy",
            "gcp:compute/subnetwork:Subnetwork",
            "gcp:compute/subnetwork:Subnetwork",
            "gcp:compute/subnetwork:Subnetwork",
            "gcp:compute/subnetwork:Subnetwork",
            "gcp:compute/targetHttpsProxy:TargetHttpsProxy",
            "gcp:compute/uRLMap:URLMap",
        ]);
        for (const kind of REGIONAL_LB_KINDS) {
            assert.deepStrictEqual(ofType(result, kind), [], `${kind} must not be used`);
        }
        assert.deepStrictEqual(loadBalancingSchemes(result), Array(3).fill("INTERNAL_MANAGED"));
    });

    it("has a GLOBAL_MANAGED_PROXY proxy-only subnet and a regular subnet in each region", () => {
        const subnets = ofType(result, "gcp:compute/subnetwork:Subnetwork").map((s) => s.inputs);
        assert.deepStrictEqual(
            subnets.map((s) => [s.region, s.purpose, s.ipCidrRange]),
            [
                ["europe-west1", "GLOBAL_MANAGED_PROXY", "10.129.0.0/23"],
                ["us-central1", "GLOBAL_MANAGED_PROXY", "10.129.2.0/23"],
                ["europe-west1", undefined, "10.1.2.0/24"],
                ["us-central1", undefined, "10.1.3.0/24"],
            ],
        );
    });

    it("has one global forwarding rule per region on a regional internal VIP from that region's subnet", () => {
        const rules = ofType(result, "gcp:compute/globalForwardingRule:GlobalForwardingRule").map((r) => r.inputs);
        const addresses = ofType(result, "gcp:compute/address:Address").map((a) => a.inputs);
        assert.deepStrictEqual(
            addresses.map((a) => [a.region, a.address, a.addressType, a.subnetwork]),
            [
                ["europe-west1", "10.1.2.99", "INTERNAL", subnet("europe-west1")],
                ["us-central1", "10.1.3.99", "INTERNAL", subnet("us-central1")],
            ],
        );
        assert.deepStrictEqual(
            rules.map((r) => [r.portRange, r.network, r.subnetwork, r.ipAddress]),
            addresses.map((a) => [
                "443",
                NETWORK,
                a.subnetwork,
                `projects/mock-project/regions/${a.region}/addresses/${a.name}`,
            ]),
        );
        assert.deepStrictEqual(result.outputs.vipAddresses, {
            "europe-west1": "10.1.2.99",
            "us-central1": "10.1.3.99",
        });
    });

    it("serves an ALL_REGIONS Certificate Manager certificate (key secret) with a global SSL policy", () => {
        const cert = one(result, "gcp:certificatemanager/certificate:Certificate").inputs;
        assert.strictEqual(cert.scope, "ALL_REGIONS");
        assert.strictEqual(cert.location, "global");
        assert.strictEqual((cert.selfManaged as { pemPrivateKey: string }).pemPrivateKey, "[secret]");
        const proxy = one(result, "gcp:compute/targetHttpsProxy:TargetHttpsProxy").inputs;
        assert.deepStrictEqual(proxy.certificateManagerCertificates, [
            "projects/mock-project/locations/global/certificates/internal-cert",
        ]);
        assert.ok(!("sslCertificates" in proxy));
        assert.strictEqual(proxy.sslPolicy, "projects/mock-project/global/sslPolicies/internal-ssl-policy");
    });

    it("fails over between the service's two regions with outlier detection", () => {
        const negs = ofType(result, "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup");
        assert.deepStrictEqual(negs.map((n) => n.inputs.region).sort(), ["europe-west1", "us-central1"]);
        const backend = one(result, "gcp:compute/backendService:BackendService").inputs;
        assert.strictEqual((backend.backends as unknown[]).length, 2);
        assert.deepStrictEqual(backend.outlierDetection, {
            baseEjectionTime: { seconds: 60 },
            consecutiveErrors: 3,
            consecutiveGatewayFailure: 3,
            enforcingConsecutiveErrors: 100,
            enforcingConsecutiveGatewayFailure: 100,
            interval: { seconds: 1 },
            maxEjectionPercent: 50,
        });
        const services = ofType(result, "gcp:cloudrunv2/service:Service").map((s) => s.inputs);
        assert.deepStrictEqual(
            services.map((s) => [s.location, s.ingress]),
            [
                ["europe-west1", "INGRESS_TRAFFIC_INTERNAL_ONLY"],
                ["us-central1", "INGRESS_TRAFFIC_INTERNAL_ONLY"],
            ],
        );
    });

    it("has a client VM per region, reachable over SSH only through IAP", () => {
        const vms = ofType(result, "gcp:compute/instance:Instance").map((v) => v.inputs);
        assert.deepStrictEqual(
            vms.map((v) => v.zone),
            ["europe-west1-b", "us-central1-b"],
        );
        const firewall = one(result, "gcp:compute/firewall:Firewall").inputs;
        assert.deepStrictEqual(firewall.sourceRanges, ["35.235.240.0/20"]);
        assert.deepStrictEqual(result.outputs.curlCommands, [
            "curl -k -s https://api.internal.example/ --resolve api.internal.example:443:10.1.2.99",
            "curl -k -s https://api.internal.example/ --resolve api.internal.example:443:10.1.3.99",
        ]);
    });
});
