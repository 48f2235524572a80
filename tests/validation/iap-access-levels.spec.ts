import * as assert from "assert";
import { accessLevelCondition } from "../../components/backends/shared/args";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { iapRules } from "../../components/rules/iap";
import { installMocks, Recorder, settle } from "../../components/testing/mocks";
import { runRules } from "../../components/validation";
import { CERT, KEY } from "../support/fixtures";

const R = "europe-west1";
const DEVICE = "accessPolicies/123456789/accessLevels/corp_managed_device";
const OFFICE = "accessPolicies/123456789/accessLevels/office_ip";

function lb(scheme: "regional-internal" | "global-external", iap: object): ApplicationLoadBalancerArgs {
    return {
        scheme,
        region: scheme === "regional-internal" ? R : undefined,
        backends: { app: { cloudRun: { service: "app", region: R }, iap: { enabled: true, ...iap } } },
        https: { certificate: { certificate: CERT, privateKey: KEY } },
    } as ApplicationLoadBalancerArgs;
}

describe("IAP access levels (context-aware access)", () => {
    it("requires every level with an IAM condition on request.auth.access_levels", () => {
        assert.deepStrictEqual(accessLevelCondition([DEVICE, OFFICE]), {
            title: "context-aware access",
            description: "Requires access levels corp_managed_device, office_ip (cloudrun-lb)",
            expression: `"${DEVICE}" in request.auth.access_levels && "${OFFICE}" in request.auth.access_levels`,
        });
        assert.strictEqual(accessLevelCondition([]), undefined);
        assert.strictEqual(accessLevelCondition(undefined), undefined);
    });

    describe("grants (mocks)", () => {
        let recorder: Recorder;
        before(() => {
            recorder = installMocks();
        });

        for (const [scheme, type] of [
            ["regional-internal", "gcp:iap/webRegionBackendServiceIamMember:WebRegionBackendServiceIamMember"],
            ["global-external", "gcp:iap/webBackendServiceIamMember:WebBackendServiceIamMember"],
        ] as const) {
            it(`${scheme}: each member's accessor grant carries the condition`, async () => {
                recorder.resources.length = 0;
                new ApplicationLoadBalancer(
                    `c-${scheme}`,
                    lb(scheme, { members: ["group:staff@example.com"], accessLevels: [DEVICE] }),
                );
                await settle();
                const grants = recorder.byType(type);
                assert.deepStrictEqual(
                    grants.map((g) => [g.inputs.role, g.inputs.member, g.inputs.condition]),
                    [
                        [
                            "roles/iap.httpsResourceAccessor",
                            "group:staff@example.com",
                            {
                                title: "context-aware access",
                                description: "Requires access level corp_managed_device (cloudrun-lb)",
                                expression: `"${DEVICE}" in request.auth.access_levels`,
                            },
                        ],
                    ],
                );
            });
        }

        it("grants without a condition when no levels are given", async () => {
            recorder.resources.length = 0;
            new ApplicationLoadBalancer("u", lb("regional-internal", { members: ["group:staff@example.com"] }));
            await settle();
            const [grant] = recorder.byType(
                "gcp:iap/webRegionBackendServiceIamMember:WebRegionBackendServiceIamMember",
            );
            assert.strictEqual(grant.inputs.condition, undefined);
        });
    });

    it("iap-access-levels: refuses malformed and repeated names, and levels with nobody to apply to", () => {
        const found = (iap: object) =>
            runRules(iapRules, lb("regional-internal", iap)).filter((p) => p.rule === "iap-access-levels");
        assert.deepStrictEqual(found({ members: ["user:a@example.com"], accessLevels: [DEVICE] }), []);
        assert.deepStrictEqual(
            found({ members: ["user:a@example.com"], accessLevels: ["corp_managed_device", DEVICE, DEVICE] }),
            [
                {
                    rule: "iap-access-levels",
                    field: "backends.app.iap.accessLevels[0]",
                    message:
                        '"corp_managed_device" is not an access level name (accessPolicies/<number>/accessLevels/<name>: a letter, then letters, digits or _, at most 50)',
                    fix: 'write each level as "accessPolicies/<policy number>/accessLevels/<name>" (gcloud access-context-manager levels list --policy <number> --format="value(name)")',
                },
                {
                    rule: "iap-access-levels",
                    field: "backends.app.iap.accessLevels[2]",
                    message: `"${DEVICE}" is listed more than once`,
                    fix: "list each level once",
                },
            ],
        );
        assert.deepStrictEqual(found({ accessLevels: [DEVICE] }), [
            {
                rule: "iap-access-levels",
                field: "backends.app.iap.accessLevels",
                message:
                    "are set but iap.members is empty: the levels are conditions on the members' grants, so they would apply to no one",
                fix: "list the principals in iap.members (the levels then apply to each), or set the condition on your own grants",
            },
        ]);
        assert.deepStrictEqual(found({ enabled: false, members: ["user:a@example.com"], accessLevels: [DEVICE] }), [
            {
                rule: "iap-access-levels",
                field: "backends.app.iap.accessLevels",
                message: "are set but IAP is off on this backend",
                fix: "set iap.enabled: true, or remove accessLevels",
            },
        ]);
    });
});
