import * as assert from "assert";
import { execFileSync } from "child_process";
import * as path from "path";
import { plan } from "../../components/cli/plan";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURE = "tests/fixtures/failing-route-test";

describe("a failing route test fails the plan", () => {
    it("lists the failure with the expected and the actual backend", async () => {
        const result = await plan({ program: FIXTURE });
        assert.strictEqual(result.errors.length, 1);
        assert.deepStrictEqual(
            result.errors[0].problems?.map((p) => [p.rule, p.field, p.message]),
            [
                [
                    "route-test",
                    "tests[0]",
                    'GET api.example.com/v2/orders should reach backend "api", but reaches backend "web"',
                ],
            ],
        );
        assert.deepStrictEqual(
            result.resources.filter((r) => r.type.startsWith("gcp:")).map((r) => r.type),
            [],
            "nothing is created",
        );
    });

    it("makes the CLI exit 1", () => {
        let status = 0;
        try {
            execFileSync("npm", ["run", "--silent", "plan", "--", FIXTURE], { cwd: ROOT, stdio: "pipe" });
        } catch (error) {
            status = (error as { status: number }).status;
        }
        assert.strictEqual(status, 1);
    });
});
