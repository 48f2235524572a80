/**
 * Guarantees over every program in programs/ (discovered, so new programs are covered without
 * editing this file): planning is deterministic, secrets never reach the plan, and every
 * construction check holds.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { constructionChecks } from "../../tools/construction-checks";
import { formatPlan, plan, PlanResult } from "../../components/cli/plan";

const PROGRAMS = path.resolve(__dirname, "..", "..", "programs");
const programs = fs
    .readdirSync(PROGRAMS)
    .filter((dir) => fs.existsSync(path.join(PROGRAMS, dir, "Pulumi.yaml")))
    .sort();

/** A value that must never appear in a plan: shaped like what it stands for, so validation accepts it. */
const MARKER = "S3CRET-MARKER-7f3a9c";
const SECRET_KEY_VALUE = `-----BEGIN PRIVATE KEY-----\n${MARKER}\n-----END PRIVATE KEY-----\n`;
const SECRET_PLAIN_VALUE = `${MARKER}-value`;
const CERTIFICATE_VALUE = "-----BEGIN CERTIFICATE-----\nMIIBcertificate\n-----END CERTIFICATE-----\n";
const OAUTH_CLIENT_ID_VALUE = "1234-abc.apps.googleusercontent.com";

/** Config keys a program reads as secrets, and the plain keys that switch those secrets on (certificates, OAuth client ids). */
function configKeys(program: string): { secret: string[]; companions: string[] } {
    const source = fs.readFileSync(path.join(PROGRAMS, program, "index.ts"), "utf8");
    const keys = (pattern: RegExp) => [...source.matchAll(pattern)].map((m) => m[1]);
    return {
        secret: [...new Set(keys(/\.(?:require|get)Secret(?:Object|Number|Boolean)?(?:<[^>]*>)?\("([^"]+)"/g))],
        companions: [...new Set(keys(/\.(?:require|get)\("([^"]*(?:[Cc]ertificate|[Cc]lientId)[^"]*)"/g))],
    };
}

function secretConfig(program: string): Record<string, string> {
    const { secret, companions } = configKeys(program);
    const config: Record<string, string> = {};
    for (const key of companions) {
        config[key] = /clientId/i.test(key) ? OAUTH_CLIENT_ID_VALUE : CERTIFICATE_VALUE;
    }
    for (const key of secret) {
        config[key] = /key|pem/i.test(key) ? SECRET_KEY_VALUE : SECRET_PLAIN_VALUE;
    }
    return config;
}

describe("every program", () => {
    it("is discovered", () => {
        assert.ok(programs.includes("internal-https"), programs.join(", "));
    });

    for (const program of programs) {
        describe(`programs/${program}`, () => {
            let first: PlanResult;

            before(async () => {
                first = await plan({ program: `programs/${program}` });
            });

            it("plans without errors", () => {
                assert.deepStrictEqual(first.errors, []);
            });

            it("plans to byte-identical JSON twice in a row", async () => {
                const second = await plan({ program: `programs/${program}` });
                assert.strictEqual(JSON.stringify(second, null, 2), JSON.stringify(first, null, 2));
            });

            for (const [id, check] of Object.entries(constructionChecks)) {
                it(`${id}: ${check.guarantee}`, () => {
                    assert.deepStrictEqual(check.check(first.resources), []);
                });
            }

            it("never shows a secret config value in the JSON or text plan", async () => {
                const config = secretConfig(program);
                const result = await plan({ program: `programs/${program}`, config });
                assert.deepStrictEqual(result.errors, []);
                const json = JSON.stringify(result, null, 2);
                const text = formatPlan(result);
                assert.ok(!json.includes(MARKER), "the secret marker is in the JSON plan");
                assert.ok(!text.includes(MARKER), "the secret marker is in the text plan");
                if (Object.keys(config).length > 0) {
                    assert.ok(json.includes('"[secret]"'), "secrets are shown as [secret]");
                }
            });

            it("sets loadBalancingScheme on every backend service and forwarding rule, the program's own too (@pulumi/gcp 10 changes the defaults)", () => {
                // @pulumi/gcp 10 (terraform-provider-google 8) defaults BackendService and GlobalForwardingRule to
                // EXTERNAL_MANAGED where 9 defaulted to EXTERNAL: a resource that leaves it unset changes scheme.
                const carriers = first.resources.filter((r) =>
                    /^gcp:compute\/(backendService|regionBackendService|forwardingRule|globalForwardingRule):/.test(
                        r.type,
                    ),
                );
                assert.deepStrictEqual(
                    carriers
                        .filter(
                            (r) =>
                                !["INTERNAL_MANAGED", "EXTERNAL_MANAGED", "EXTERNAL"].includes(
                                    r.inputs.loadBalancingScheme as string,
                                ),
                        )
                        .map((r) => `${r.type} ${r.name}`),
                    [],
                );
                // One scheme per load balancer: its backend services and forwarding rules agree.
                const byParent = new Map<string, Set<unknown>>();
                for (const r of carriers) {
                    if (!r.parent?.startsWith("cloudrun-lb:")) continue;
                    byParent.set(r.parent, (byParent.get(r.parent) ?? new Set()).add(r.inputs.loadBalancingScheme));
                }
                assert.deepStrictEqual(
                    [...byParent].filter(([, schemes]) => schemes.size > 1).map(([parent]) => parent),
                    [],
                );
            });

            it("never shows a generated private key in the plan", () => {
                const json = JSON.stringify(first);
                assert.ok(
                    !/PRIVATE KEY-----\\n(?!\[)/.test(json) && !json.includes("MOCK-KEY-"),
                    "a private key is in the plan",
                );
            });
        });
    }

    it("keeps a secret out of validation errors too", async () => {
        const config = { ...secretConfig("internal-https"), proxyOnlyCidr: "10.129.0.0/28" };
        const result = await plan({ program: "programs/internal-https", config });
        assert.strictEqual(result.errors.length, 1);
        const json = JSON.stringify(result);
        assert.ok(json.includes("proxy-only-subnet-size"));
        assert.ok(!json.includes(MARKER));
    });
});
