import * as assert from "assert";
import { ApplicationLoadBalancerArgs, validateLoadBalancerArgs } from "../../components";
import { iapRules, PlannedResourceView, programRules } from "../../components/rules/iap";
import { runRules } from "../../components/validation";
import { plan } from "../../components/cli/plan";

const R = "europe-west1";
const CERT = { certificate: { certificate: "-----BEGIN CERTIFICATE-----", privateKey: "-----BEGIN PRIVATE KEY-----" } };

const internal = (extra: Partial<ApplicationLoadBalancerArgs>): ApplicationLoadBalancerArgs => ({
    scheme: "regional-internal",
    region: R,
    backends: { app: { cloudRun: { service: "app" }, iap: { enabled: true } } },
    ...extra,
});

describe("IAP rules (components/rules/iap.ts)", () => {
    it("iap-https: rejects IAP on a load balancer that serves plain HTTP, with the fix", () => {
        const problems = validateLoadBalancerArgs(internal({})).filter((p) => p.rule.startsWith("iap-"));
        assert.deepStrictEqual(problems, [
            {
                rule: "iap-https",
                field: "backends.app.iap",
                message: "IAP is enabled, but the load balancer serves plain HTTP (no https)",
                fix: "serve HTTPS (set https with a certificate), or turn IAP off on this backend",
            },
        ]);
    });

    it("iap-https: accepts IAP behind HTTPS, and HTTP without IAP", () => {
        assert.deepStrictEqual(runRules(iapRules, internal({ https: CERT })), []);
        assert.deepStrictEqual(
            runRules(iapRules, internal({ backends: { app: { cloudRun: { service: "app" } } } })),
            [],
        );
        assert.deepStrictEqual(
            runRules(
                iapRules,
                internal({ backends: { app: { cloudRun: { service: "app" }, iap: { enabled: false } } } }),
            ),
            [],
        );
    });

    it("iap-backend-kind: rejects IAP on a backend bucket, whatever else the backend has", () => {
        // `bucket` backends arrive with the storage work; the rule reads the field by name.
        const args = internal({
            https: CERT,
            backends: { assets: { bucket: { name: "static-assets" }, iap: { enabled: true } } as never },
        });
        assert.deepStrictEqual(runRules(iapRules, args), [
            {
                rule: "iap-backend-kind",
                field: "backends.assets.iap",
                message: "IAP is enabled on a bucket backend; GCP does not support IAP on backend buckets",
                fix: "serve the bucket from a backend without IAP (or behind a Cloud Run service that has it)",
            },
        ]);
    });

    describe("iap-cloud-run-and-lb (over the planned program)", () => {
        const service = (iapEnabled: boolean): PlannedResourceView => ({
            type: "gcp:cloudrunv2/service:Service",
            name: "admin",
            inputs: { name: "admin", project: "team-a", location: R, iapEnabled },
        });
        const neg: PlannedResourceView = {
            type: "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            name: "lb-admin-neg",
            inputs: { name: "lb-admin-neg-1a2b3c4d", project: "team-a", region: R, cloudRun: { service: "admin" } },
        };
        const backend = (iap: boolean): PlannedResourceView => ({
            type: "gcp:compute/regionBackendService:RegionBackendService",
            name: "lb-admin-backend",
            inputs: {
                name: "lb-admin-backend-5e6f7a8b",
                iap: iap ? { enabled: true } : undefined,
                backends: [{ group: `projects/team-a/regions/${R}/networkEndpointGroups/lb-admin-neg-1a2b3c4d` }],
            },
        });

        it("rejects IAP on both the Cloud Run service and the backend service in front of it", () => {
            assert.deepStrictEqual(runRules(programRules, { resources: [service(true), neg, backend(true)] }), [
                {
                    rule: "iap-cloud-run-and-lb",
                    field: "backend service lb-admin-backend-5e6f7a8b",
                    message:
                        'IAP is enabled on it and on the Cloud Run service "admin" it fronts (iapEnabled); GCP does not support IAP on both',
                    fix: "keep IAP in one place: drop iapEnabled from the Cloud Run service, or iap from the load balancer's backend",
                },
            ]);
        });

        it("accepts IAP in one place only, and services in another project or region", () => {
            assert.deepStrictEqual(runRules(programRules, { resources: [service(false), neg, backend(true)] }), []);
            assert.deepStrictEqual(runRules(programRules, { resources: [service(true), neg, backend(false)] }), []);
            const elsewhere = { ...neg, inputs: { ...neg.inputs, project: "team-b" } };
            assert.deepStrictEqual(
                runRules(programRules, { resources: [service(true), elsewhere, backend(true)] }),
                [],
            );
        });
    });
});

describe("the offline plan checks IAP over the whole program", () => {
    it("fails a program with IAP on a Cloud Run service and on the load balancer in front of it", async () => {
        const result = await plan({ program: "tests/fixtures/iap-twice" });
        assert.deepStrictEqual(
            result.errors.flatMap((e) => e.problems ?? []).map((p) => [p.rule, p.message]),
            [
                [
                    "iap-cloud-run-and-lb",
                    'IAP is enabled on it and on the Cloud Run service "app" it fronts (iapEnabled); GCP does not support IAP on both',
                ],
            ],
        );
        assert.match(result.errors[0].message, /^Program iap-twice has 1 configuration problem:/);
    });
});
