import * as assert from "assert";
import { plan, PlanResult } from "../../components/cli/plan";
import { replacementPolicy } from "../../components/replacement";
import { loadBalancerRules } from "../../components/rules/load-balancer";
import { runRules } from "../../components/validation";
import type { ApplicationLoadBalancerArgs } from "../../components/args/load-balancer";

const PROGRAM = "programs/migrate-classic";
const BACKEND_SERVICE = "gcp:compute/backendService:BackendService";
const FORWARDING_RULE = "gcp:compute/globalForwardingRule:GlobalForwardingRule";

/** The fields GCP updates in place during the migration (magic-modules BackendService.yaml, GlobalForwardingRule.yaml). */
const MIGRATION_FIELDS = new Set([
    "loadBalancingScheme",
    "externalManagedMigrationState",
    "externalManagedMigrationTestingPercentage",
    "externalManagedBackendBucketMigrationState",
    "externalManagedBackendBucketMigrationTestingPercentage",
]);

function migrationInputs(result: PlanResult, type: string) {
    return result.resources
        .filter((r) => r.type === type)
        .map((r) => [
            r.inputs.name,
            r.inputs.loadBalancingScheme,
            ...Object.keys(r.inputs)
                .filter((k) => k.startsWith("externalManaged"))
                .sort()
                .map((k) => `${k}=${String(r.inputs[k])}`),
        ]);
}

describe("classic → global external in place (migrationStage)", () => {
    const plans: Record<string, PlanResult> = {};

    before(async () => {
        for (const stage of ["", "prepare", "test-by-percentage", "test-all-traffic", "migrated"]) {
            plans[stage] = await plan({ program: PROGRAM, config: { migrationStage: stage } });
        }
    });

    it("plans every stage without errors", () => {
        for (const [stage, result] of Object.entries(plans)) {
            assert.deepStrictEqual(result.errors, [], `stage "${stage}"`);
        }
    });

    it("emits exactly the states Google's procedure sets, on backend services and (for buckets) forwarding rules", () => {
        const bs = (stage: string) => migrationInputs(plans[stage], BACKEND_SERVICE);
        const fr = (stage: string) => migrationInputs(plans[stage], FORWARDING_RULE);
        assert.deepStrictEqual(bs(""), [["shop-web-backend-688a54dc", "EXTERNAL"]]);
        assert.deepStrictEqual(bs("prepare"), [
            ["shop-web-backend-688a54dc", "EXTERNAL", "externalManagedMigrationState=PREPARE"],
        ]);
        assert.deepStrictEqual(bs("test-by-percentage"), [
            [
                "shop-web-backend-688a54dc",
                "EXTERNAL",
                "externalManagedMigrationState=TEST_BY_PERCENTAGE",
                "externalManagedMigrationTestingPercentage=10",
            ],
        ]);
        assert.deepStrictEqual(bs("test-all-traffic"), [
            ["shop-web-backend-688a54dc", "EXTERNAL", "externalManagedMigrationState=TEST_ALL_TRAFFIC"],
        ]);
        assert.deepStrictEqual(bs("migrated"), [
            ["shop-web-backend-688a54dc", "EXTERNAL_MANAGED", "externalManagedMigrationState=TEST_ALL_TRAFFIC"],
        ]);
        assert.deepStrictEqual(fr(""), [
            ["shop-http-rule", "EXTERNAL"],
            ["shop-https-rule", "EXTERNAL"],
        ]);
        assert.deepStrictEqual(fr("test-by-percentage"), [
            [
                "shop-http-rule",
                "EXTERNAL",
                "externalManagedBackendBucketMigrationState=TEST_BY_PERCENTAGE",
                "externalManagedBackendBucketMigrationTestingPercentage=10",
            ],
            [
                "shop-https-rule",
                "EXTERNAL",
                "externalManagedBackendBucketMigrationState=TEST_BY_PERCENTAGE",
                "externalManagedBackendBucketMigrationTestingPercentage=10",
            ],
        ]);
    });

    it("the switch to global-external replaces nothing: same resources and names, only in-place fields change", () => {
        const before = plans["test-all-traffic"].resources;
        const after = plans["migrated"].resources;
        const key = (r: { type: string; name: string; inputs: Record<string, unknown> }) =>
            `${r.type}::${r.name}::${String(r.inputs.name ?? "")}`;
        assert.deepStrictEqual(after.map(key), before.map(key));
        const changed: string[] = [];
        for (const [i, b] of before.entries()) {
            const a = after[i];
            for (const field of new Set([...Object.keys(b.inputs), ...Object.keys(a.inputs)])) {
                if (JSON.stringify(b.inputs[field]) === JSON.stringify(a.inputs[field])) continue;
                changed.push(`${b.type} ${field}`);
                assert.ok(MIGRATION_FIELDS.has(field), `${b.type} ${b.name}: ${field} changes`);
                // The replacement policy must not list it as forcing a replacement.
                const forceNew = replacementPolicy(b.type).forceNew.split(";")[0];
                assert.ok(
                    !new RegExp(`\\b${field}\\b`).test(forceNew),
                    `${b.type}: ${field} is forceNew (${forceNew})`,
                );
            }
        }
        assert.deepStrictEqual([...new Set(changed)].sort(), [
            `${BACKEND_SERVICE} loadBalancingScheme`,
            `${FORWARDING_RULE} loadBalancingScheme`,
        ]);
    });

    describe("validation", () => {
        const base: ApplicationLoadBalancerArgs = {
            scheme: "classic",
            backends: { web: { cloudRun: { service: "web", region: "europe-west1" } } },
        };
        const problems = (args: Partial<ApplicationLoadBalancerArgs>) =>
            runRules(
                loadBalancerRules.filter((r) => r.id.startsWith("migration-")),
                { ...base, ...args } as ApplicationLoadBalancerArgs,
            ).map((p) => `${p.rule} ${p.field}: ${p.message} — ${p.fix}`);

        it("accepts each canary stage on classic and migrated on global external", () => {
            assert.deepStrictEqual(problems({ migrationStage: "prepare" }), []);
            assert.deepStrictEqual(
                problems({ migrationStage: "test-by-percentage", migrationTestingPercentage: 25 }),
                [],
            );
            assert.deepStrictEqual(problems({ migrationStage: "test-all-traffic" }), []);
            assert.deepStrictEqual(problems({ scheme: "global-external", migrationStage: "migrated" }), []);
        });

        it("refuses a canary stage off classic and migrated off global external", () => {
            assert.deepStrictEqual(problems({ scheme: "global-external", migrationStage: "prepare" }), [
                'migration-stage migrationStage: the canary stage "prepare" migrates a classic load balancer, but scheme is "global-external" — set scheme "classic" while walking the stages, or remove migrationStage',
            ]);
            assert.deepStrictEqual(problems({ migrationStage: "migrated" }), [
                'migration-stage migrationStage: "migrated" marks a global external load balancer that was classic, but scheme is "classic" — set scheme "global-external" (after the test-all-traffic stage), or remove migrationStage',
            ]);
        });

        it("refuses migrating a Standard-tier classic load balancer", () => {
            assert.deepStrictEqual(problems({ migrationStage: "prepare", networkTier: "STANDARD" }), [
                'migration-stage networkTier: the global external Application Load Balancer has no Standard tier (Google\'s migration overview lists it as classic only) — move the frontend to networkTier "PREMIUM" (a new IP address) before migrating',
            ]);
        });

        it("needs a percentage 0–100 exactly with test-by-percentage", () => {
            assert.deepStrictEqual(problems({ migrationStage: "test-by-percentage" }), [
                "migration-percentage migrationTestingPercentage: test-by-percentage needs the share of requests to test — set migrationTestingPercentage, e.g. 10",
            ]);
            assert.deepStrictEqual(
                problems({ migrationStage: "test-by-percentage", migrationTestingPercentage: 120 }),
                [
                    "migration-percentage migrationTestingPercentage: 120 is not a percentage between 0 and 100 — set migrationTestingPercentage between 0 and 100, e.g. 10",
                ],
            );
            assert.deepStrictEqual(problems({ migrationStage: "prepare", migrationTestingPercentage: 10 }), [
                'migration-percentage migrationTestingPercentage: it only applies to migrationStage "test-by-percentage", not "prepare" — remove migrationTestingPercentage',
            ]);
        });
    });
});
