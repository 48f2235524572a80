/**
 * The constraint table (components/constraints) is complete over what the package emits, and its rows are
 * enforced with messages that name the user's field, the reason and a fix that does not repeat the value.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { ApplicationLoadBalancer } from "../../components/load-balancer";
import { plan } from "../../components/cli/plan";
import { rowsFor } from "../../components/constraints/check";
import { installMocks, settle } from "../../components/testing/mocks";
import { constraintSpread } from "../support/constraint-spread";

/** Every leaf of an input object, by path with `[]` for list elements. */
function leaves(value: unknown, at: string, out: Array<[string, unknown]>): Array<[string, unknown]> {
    if (Array.isArray(value)) {
        value.forEach((item) => leaves(item, `${at}[]`, out));
    } else if (value !== null && typeof value === "object") {
        for (const [key, child] of Object.entries(value)) leaves(child, at ? `${at}.${key}` : key, out);
    } else {
        out.push([at, value]);
    }
    return out;
}

const isPackageResource = (parent: string | undefined) => parent?.startsWith("cloudrun-lb:") ?? false;

describe("constraint table: complete over the fields the package emits", function () {
    this.timeout(600_000);
    /** `type field` of every field the spread emitted, and those fed by a user value. */
    const spreadFields = new Set<string>();
    const userFed = new Map<string, string>();

    before(async () => {
        const recorder = installMocks();
        const userStrings = new Set<string>();
        const userNumbers = new Set<number>();
        for (const args of Object.values(constraintSpread)) {
            for (const [, v] of leaves(args, "", [])) {
                if (typeof v === "string") userStrings.add(v);
                if (typeof v === "number") userNumbers.add(v);
            }
        }
        for (const [name, args] of Object.entries(constraintSpread)) {
            new ApplicationLoadBalancer(`spread-${name.toLowerCase()}`, args);
        }
        await settle();
        for (const resource of recorder.cloudResources().filter((r) => isPackageResource(r.parent))) {
            for (const [field, value] of leaves(resource.rawInputs, "", [])) {
                const key = `${resource.type} ${field}`;
                spreadFields.add(key);
                const fed =
                    (typeof value === "string" && (userStrings.has(value) || value.includes("zq"))) ||
                    (typeof value === "number" && userNumbers.has(value));
                if (fed) userFed.set(key, String(value));
            }
        }
    });

    it("has a row for every GCP field a user's value reaches", () => {
        const missing = [...userFed]
            .filter(([key]) => {
                const [type, field] = key.split(" ");
                return rowsFor(type, field).length === 0;
            })
            .map(([key, value]) => `${key} (${value})`);
        assert.deepStrictEqual(missing, []);
        assert.ok(userFed.size > 80, `only ${userFed.size} user-fed fields: the spread no longer reaches the options`);
    });

    it("covers every field the programs emit: a row, or a field the spread shows the package sets", async () => {
        // Only program directories (those with a Pulumi.yaml): programs/node_modules is a link, not a program.
        const programsDir = path.resolve(__dirname, "../../programs");
        const programs = fs
            .readdirSync(programsDir)
            .filter((dir) => fs.existsSync(path.join(programsDir, dir, "Pulumi.yaml")));
        const missing = new Set<string>();
        for (const program of programs) {
            const result = await plan({ program: `programs/${program}` });
            assert.deepStrictEqual(result.errors, [], program);
            for (const resource of result.resources.filter((r) => isPackageResource(r.parent))) {
                for (const [field] of leaves(resource.inputs, "", [])) {
                    const key = `${resource.type} ${field}`;
                    if (!spreadFields.has(key) && rowsFor(resource.type, field).length === 0) missing.add(key);
                }
            }
        }
        assert.deepStrictEqual([...missing].sort(), []);
    });
});
