import * as assert from "assert";
import { plan, PlanResult } from "../../components/cli/plan";
import { loadBalancingSchemes, ofType, one } from "../support/program-helpers";

const HOST_NETWORK = "https://www.googleapis.com/compute/v1/projects/network-host/global/networks/shared-vpc";
const HOST_SUBNET =
    "https://www.googleapis.com/compute/v1/projects/network-host/regions/europe-west1/subnetworks/services";

describe("programs/shared-vpc-microservices (seed 004, microservices spanning a Shared VPC)", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan({ program: "programs/shared-vpc-microservices" });
    });

    it("plans without errors or warnings", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
    });

    it("runs every service in the service project on the Shared VPC by Direct VPC egress, ingress internal", () => {
        const services = ofType(result, "gcp:cloudrunv2/service:Service");
        assert.deepStrictEqual(
            services.map((s) => [s.name, s.inputs.project, s.inputs.ingress]),
            [
                ["frontend", "team-shop", "INGRESS_TRAFFIC_INTERNAL_ONLY"],
                ["inventory", "team-shop", "INGRESS_TRAFFIC_INTERNAL_ONLY"],
                ["orders", "team-shop", "INGRESS_TRAFFIC_INTERNAL_ONLY"],
            ],
        );
        for (const service of services) {
            assert.deepStrictEqual((service.inputs.template as any).vpcAccess, {
                egress: "PRIVATE_RANGES_ONLY",
                networkInterfaces: [
                    {
                        network: "projects/network-host/global/networks/shared-vpc",
                        subnetwork: "projects/network-host/regions/europe-west1/subnetworks/services",
                    },
                ],
            });
        }
    });

    it("gives each service the others' private names, served by the internal load balancer", () => {
        const frontend = ofType(result, "gcp:cloudrunv2/service:Service").find((s) => s.name === "frontend")!
            .inputs as any;
        assert.deepStrictEqual(frontend.template.containers[0].envs, [
            { name: "ORDERS_URL", value: "https://orders.svc.internal.example.com" },
            { name: "INVENTORY_URL", value: "https://inventory.svc.internal.example.com" },
        ]);
        const vip = result.outputs.vip;
        assert.deepStrictEqual(
            ofType(result, "gcp:dns/recordSet:RecordSet").map((r) => [r.inputs.name, r.inputs.rrdatas]),
            [
                ["frontend.svc.internal.example.com.", [vip]],
                ["inventory.svc.internal.example.com.", [vip]],
                ["orders.svc.internal.example.com.", [vip]],
            ],
        );
        const zone = one(result, "gcp:dns/managedZone:ManagedZone").inputs as any;
        assert.deepStrictEqual(
            [zone.project, zone.visibility, zone.privateVisibilityConfig.networks],
            ["network-host", "private", [{ networkUrl: HOST_NETWORK }]],
        );
        assert.deepStrictEqual(
            result.routes.map((r) => [r.hosts, r.backends]),
            [
                ["frontend.svc.internal.example.com", "frontend"],
                ["orders.svc.internal.example.com", "orders"],
                ["inventory.svc.internal.example.com", "inventory"],
                ["*", "frontend"],
            ],
        );
    });

    it("is a regional internal load balancer in the service project on the host project's subnets", () => {
        assert.ok(loadBalancingSchemes(result).every((s) => s === "INTERNAL_MANAGED"));
        assert.strictEqual(loadBalancingSchemes(result).length, 4);
        const rule = one(result, "gcp:compute/forwardingRule:ForwardingRule").inputs;
        assert.deepStrictEqual([rule.project, rule.network, rule.subnetwork], ["team-shop", HOST_NETWORK, HOST_SUBNET]);
        const proxyOnly = ofType(result, "gcp:compute/subnetwork:Subnetwork").find((s) => s.name === "proxy-only")!;
        assert.deepStrictEqual(
            [proxyOnly.inputs.project, proxyOnly.inputs.purpose],
            ["network-host", "REGIONAL_MANAGED_PROXY"],
        );
    });

    it("grants the service project's Cloud Run service agent roles/compute.networkUser on the shared subnet", () => {
        const grant = one(result, "gcp:compute/subnetworkIAMMember:SubnetworkIAMMember").inputs;
        assert.deepStrictEqual(grant, {
            member: "serviceAccount:service-956244665769@serverless-robot-prod.iam.gserviceaccount.com",
            project: "network-host",
            region: "europe-west1",
            role: "roles/compute.networkUser",
            subnetwork: "services",
        });
        assert.deepStrictEqual(
            ofType(result, "gcp:compute/sharedVPCServiceProject:SharedVPCServiceProject").map((s) => [
                s.inputs.hostProject,
                s.inputs.serviceProject,
            ]),
            [["network-host", "team-shop"]],
        );
    });

    it("rejects an egress setting Cloud Run does not have", async () => {
        const bad = await plan({ program: "programs/shared-vpc-microservices", config: { egress: "ALL" } });
        assert.deepStrictEqual(
            bad.errors.map((e) => e.message),
            [
                'config egress must be "PRIVATE_RANGES_ONLY" or "ALL_TRAFFIC", got "ALL": set it with `pulumi config set egress ALL_TRAFFIC`',
            ],
        );
    });
});
