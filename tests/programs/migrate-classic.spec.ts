import * as assert from "assert";
import { plan, PlanResult } from "../../components/cli/plan";

describe("programs/migrate-classic (classic → global external in place)", () => {
    let classic: PlanResult;
    let migrated: PlanResult;

    before(async () => {
        classic = await plan({ program: "programs/migrate-classic" });
        migrated = await plan({ program: "programs/migrate-classic", config: { migrationStage: "migrated" } });
    });

    it("plans a classic load balancer by default and a global external one at the last stage, without errors", () => {
        assert.deepStrictEqual(classic.errors, []);
        assert.deepStrictEqual(migrated.errors, []);
        assert.deepStrictEqual(classic.outputs.migrationStage, "not migrating (classic)");
        const schemes = (result: PlanResult) =>
            result.resources
                .filter((r) => typeof r.inputs.loadBalancingScheme === "string")
                .map((r) => `${r.type.split(":").pop()} ${String(r.inputs.loadBalancingScheme)}`);
        assert.deepStrictEqual(schemes(classic), [
            "BackendService EXTERNAL",
            "GlobalForwardingRule EXTERNAL",
            "GlobalForwardingRule EXTERNAL",
        ]);
        assert.deepStrictEqual(schemes(migrated), [
            "BackendService EXTERNAL_MANAGED",
            "GlobalForwardingRule EXTERNAL_MANAGED",
            "GlobalForwardingRule EXTERNAL_MANAGED",
        ]);
    });

    it("keeps the address, certificate, proxies and URL map identical across the switch", () => {
        const kept = (result: PlanResult) =>
            result.resources
                .filter((r) =>
                    /GlobalAddress|ManagedSslCertificate|TargetHttpsProxy|TargetHttpProxy|URLMap/.test(r.type),
                )
                .map((r) => JSON.stringify([r.type, r.name, r.inputs]));
        assert.strictEqual(kept(classic).length, 6);
        assert.deepStrictEqual(kept(migrated), kept(classic));
    });
});
