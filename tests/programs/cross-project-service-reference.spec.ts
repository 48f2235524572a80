import * as assert from "assert";
import { plan, PlanResult } from "../../components/cli/plan";

const byType = (result: PlanResult, type: string) => result.resources.filter((r) => r.type === type);

describe("programs/cross-project-service-reference (seed 000)", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan({
            program: "programs/cross-project-service-reference",
            config: {
                lbDeployer: "serviceAccount:ci@lb-project.iam.gserviceaccount.com",
                existingBackendService: "projects/team-c/global/backendServices/shared",
            },
        });
    });

    it("plans without errors or warnings", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
    });

    it("puts the NEGs and backend services in the service project, next to Cloud Run", () => {
        for (const type of [
            "gcp:compute/backendService:BackendService",
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "gcp:cloudrunv2/service:Service",
        ]) {
            const found = byType(result, type);
            assert.strictEqual(found.length, 2, type);
            assert.deepStrictEqual(
                found.map((r) => r.inputs.project),
                ["service-project", "service-project"],
                type,
            );
        }
        const services = byType(result, "gcp:cloudrunv2/service:Service");
        assert.deepStrictEqual(
            services.map((s) => s.inputs.ingress),
            ["INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"],
        );
    });

    it("puts the URL map, proxy, address and forwarding rule in the load balancer's project, referencing them", () => {
        for (const type of [
            "gcp:compute/uRLMap:URLMap",
            "gcp:compute/targetHttpProxy:TargetHttpProxy",
            "gcp:compute/globalAddress:GlobalAddress",
            "gcp:compute/globalForwardingRule:GlobalForwardingRule",
        ]) {
            assert.deepStrictEqual(
                byType(result, type).map((r) => r.inputs.project),
                ["lb-project"],
                type,
            );
        }
        const urlMap = byType(result, "gcp:compute/uRLMap:URLMap")[0].inputs as any;
        assert.match(
            urlMap.defaultService,
            /^projects\/service-project\/global\/backendServices\/central-hello-backend-/,
        );
        const services = (urlMap.pathMatchers as any[]).flatMap((m) => (m.pathRules ?? []).map((r: any) => r.service));
        assert.ok(
            services.some((s: string) =>
                /^projects\/service-project\/global\/backendServices\/central-hello2-backend-/.test(s),
            ),
        );
        assert.ok(services.includes("projects/team-c/global/backendServices/shared"));
    });

    it("grants the load balancer's deployer roles/compute.loadBalancerServiceUser on each backend service", () => {
        const grants = byType(result, "gcp:compute/backendServiceIamMember:BackendServiceIamMember");
        const names = byType(result, "gcp:compute/backendService:BackendService").map((b) => b.inputs.name);
        assert.deepStrictEqual(
            grants.map((g) => [g.inputs.project, g.inputs.role, g.inputs.member]),
            Array(2).fill([
                "service-project",
                "roles/compute.loadBalancerServiceUser",
                "serviceAccount:ci@lb-project.iam.gserviceaccount.com",
            ]),
        );
        assert.deepStrictEqual(grants.map((g) => g.inputs.name).sort(), [...names].sort());
    });
});
