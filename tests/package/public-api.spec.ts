/**
 * The public API is what docs/API.md documents: the names each entry point exports and the names in the first
 * column of its section's table are the same, both ways.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const ENTRY_POINTS: Record<string, string> = {
    "cloudrun-lb": "components/index.ts",
    "cloudrun-lb/testing": "components/testing/index.ts",
};

/** The names in the first column of the table under `## \`<entry>\`` in docs/API.md. */
function documentedNames(entry: string): string[] {
    const text = fs.readFileSync(path.join(ROOT, "docs", "API.md"), "utf8");
    const sections = text.split(/^## /m);
    const section = sections.find((s) => s.startsWith(`\`${entry}\`\n`));
    assert.ok(section, `docs/API.md has no section "## \`${entry}\`"`);
    return [...section.matchAll(/^\| `([^`]+)` *\|/gm)].map((m) => m[1]).sort();
}

describe("public API: the entry points export what docs/API.md documents", function () {
    this.timeout(120_000);
    let exported: Record<string, string[]>;

    before(() => {
        const files = Object.values(ENTRY_POINTS).map((file) => path.join(ROOT, file));
        const program = ts.createProgram(files, { strict: true, skipLibCheck: true, noEmit: true });
        const checker = program.getTypeChecker();
        exported = {};
        for (const [entry, file] of Object.entries(ENTRY_POINTS)) {
            const source = program.getSourceFile(path.join(ROOT, file))!;
            const names = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((s) => s.getName());
            exported[entry] = [...new Set(names)].sort();
        }
    });

    for (const entry of Object.keys(ENTRY_POINTS)) {
        it(`${entry}: every export is documented, and every documented name is exported`, () => {
            const documented = documentedNames(entry);
            assert.deepStrictEqual(
                exported[entry].filter((name) => !documented.includes(name)),
                [],
                `exported by ${ENTRY_POINTS[entry]} but not in docs/API.md`,
            );
            assert.deepStrictEqual(
                documented.filter((name) => !exported[entry].includes(name)),
                [],
                `in docs/API.md but not exported by ${ENTRY_POINTS[entry]}`,
            );
        });
    }

    it("components/index.ts names its exports (no `export *`)", () => {
        const text = fs.readFileSync(path.join(ROOT, ENTRY_POINTS["cloudrun-lb"]), "utf8");
        assert.doesNotMatch(text, /export \*/);
    });
});
