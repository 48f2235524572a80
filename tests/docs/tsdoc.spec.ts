import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkTsdoc, formatTsdocProblems } from "../../tools/tsdoc-check";

describe("TSDoc on the public API", () => {
    it("documents every public type, every Args field (@default, @example) and every component (@see)", () => {
        const problems = checkTsdoc();
        assert.strictEqual(problems.length, 0, `TSDoc problems:\n${formatTsdocProblems(problems)}`);
    });

    it("reports a field without @default or @example, naming the file, line and field", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsdoc-"));
        fs.writeFileSync(
            path.join(dir, "sample.ts"),
            [
                "/** Sample. */",
                "export interface SampleArgs {",
                "    /**",
                "     * Documented but no example.",
                "     * @default 1",
                "     */",
                "    count?: number;",
                '    /** No default. @example "a" */',
                "    name?: string;",
                "    /** @example true */",
                "    flag: boolean;",
                "}",
                "export interface UndocumentedArgs {}",
                "",
            ].join("\n"),
        );
        try {
            const found = checkTsdoc(dir).map((p) => `${path.basename(p.where)} ${p.symbol}: ${p.message}`);
            assert.deepStrictEqual(found, [
                "sample.ts:7 SampleArgs.count: field has no `@example`",
                "sample.ts:9 SampleArgs.name: optional field has no `@default` (say what happens when it is unset)",
                "sample.ts:11 SampleArgs.flag: field has no description",
                "sample.ts:13 UndocumentedArgs: public type has no doc comment",
            ]);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
