/**
 * Dependencies under components/ point one way — Args types → rules → builders → components — so no module
 * imports itself through others. dpdm (the circular-dependency analyzer) reads the TypeScript sources,
 * type-only imports included: an `import type` cycle is still a layering mistake, and the next value import
 * along it would make it a load-order bug.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseCircular, parseDependencyTree, prettyCircular } from "dpdm";

const ROOT = path.resolve(__dirname, "..", "..");

async function circularImports(context: string, entries: string): Promise<string[][]> {
    const tree = await parseDependencyTree(entries, { context, cwd: context, transform: false });
    assert.ok(Object.keys(tree).length > 0, `dpdm found no module under ${entries}`);
    return parseCircular(tree);
}

describe("import cycles", function () {
    this.timeout(60_000);

    it("finds none under components/", async () => {
        const cycles = await circularImports(ROOT, "components/**/*.ts");
        assert.deepStrictEqual(cycles, [], `import cycles under components/:\n${prettyCircular(cycles)}`);
    });

    it("would report one, type-only imports included", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudrun-lb-cycles-"));
        try {
            fs.writeFileSync(
                path.join(dir, "args.ts"),
                'import type { Rule } from "./rules";\nexport type Args = Rule;\n',
            );
            fs.writeFileSync(
                path.join(dir, "rules.ts"),
                'import type { Args } from "./args";\nexport type Rule = Args;\n',
            );
            const cycles = await circularImports(dir, "*.ts");
            assert.deepStrictEqual(
                cycles.map((cycle) => [...cycle].sort()),
                [["args.ts", "rules.ts"]],
            );
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
