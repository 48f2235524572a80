/**
 * Every TypeScript block (```ts or ```typescript) in README.md, CONTRIBUTING.md and docs/*.md is a stack program a
 * reader can copy: it type-checks (one TypeScript program for all blocks, with the repository's tsconfig, where
 * `cloudrun-lb` resolves to components/ as it does for programs/), and it plans under the offline plan's mocks with
 * no errors and at least one cloudrun-lb component. A block that is not a program (a test, a snippet) must say so
 * on the line before it, with the reason: `<!-- fragment: why -->`; a whole program the offline plan cannot run
 * is still type-checked: `<!-- no-plan: why -->`. An unmarked block that does not plan fails.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { plan, PlanResult } from "../../components/cli/plan";

const ROOT = path.resolve(__dirname, "..", "..");

export interface CodeBlock {
    /** The Markdown file, relative to the repository root. */
    file: string;
    /** 1-based line of the opening fence. */
    line: number;
    code: string;
    /** Why the block is not a program, from `<!-- fragment: why -->` just before it; absent for programs. */
    fragment?: string;
    /** Why a program is type-checked but not planned, from `<!-- no-plan: why -->` just before it. */
    noPlan?: string;
}

const TYPESCRIPT_FENCE = /^```(ts|typescript)\s*$/;
const MARKER = /^<!--\s*(fragment|no-plan)(?::\s*(.*?))?\s*-->$/;

/** The TypeScript blocks of a Markdown document, with the fragment marker among the comment lines before each. */
export function typescriptBlocks(markdown: string, file: string): CodeBlock[] {
    const lines = markdown.split("\n");
    const blocks: CodeBlock[] = [];
    for (let i = 0; i < lines.length; i++) {
        const fence = /^(```+|~~~+)/.exec(lines[i]);
        if (!fence) continue;
        const end = lines.findIndex((l, j) => j > i && l.trimEnd() === fence[1]);
        const close = end === -1 ? lines.length : end;
        if (TYPESCRIPT_FENCE.test(lines[i])) {
            const block: CodeBlock = { file, line: i + 1, code: lines.slice(i + 1, close).join("\n") + "\n" };
            for (let j = i - 1; j >= 0 && /^<!--.*-->$/.test(lines[j].trim()); j--) {
                const marker = MARKER.exec(lines[j].trim());
                if (marker?.[1] === "fragment") block.fragment = marker[2] ?? "";
                if (marker?.[1] === "no-plan") block.noPlan = marker[2] ?? "";
            }
            blocks.push(block);
        }
        i = close;
    }
    return blocks;
}

function documents(): string[] {
    const docs = fs
        .readdirSync(path.join(ROOT, "docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => path.join("docs", f));
    return ["README.md", "CONTRIBUTING.md", ...docs].filter((f) => fs.existsSync(path.join(ROOT, f)));
}

describe("code blocks in README.md and docs/", function () {
    this.timeout(600_000);
    const blocks = documents().flatMap((file) =>
        typescriptBlocks(fs.readFileSync(path.join(ROOT, file), "utf8"), file),
    );
    const programs = blocks.filter((b) => b.fragment === undefined);
    const label = (b: CodeBlock) => `${b.file}:${b.line}`;

    it("finds the blocks, and tells programs from fragments", () => {
        const sample = [
            "```ts",
            "const program = 1;",
            "```",
            "<!-- fragment: a test, not a program -->",
            "<!-- other:start -->",
            "```typescript",
            "it('x', () => {});",
            "```",
            "```sh",
            "```ts inside a shell block is not a block",
            "```",
            "<!-- no-plan: uses transforms -->",
            "```ts",
            "const transformed = 2;",
            "```",
        ].join("\n");
        assert.deepStrictEqual(typescriptBlocks(sample, "sample.md"), [
            { file: "sample.md", line: 1, code: "const program = 1;\n" },
            { file: "sample.md", line: 6, code: "it('x', () => {});\n", fragment: "a test, not a program" },
            { file: "sample.md", line: 13, code: "const transformed = 2;\n", noPlan: "uses transforms" },
        ]);
        assert.ok(programs.length >= 3, `programs: ${programs.map(label).join(", ")}`);
        assert.ok(
            programs.some((b) => b.file === "README.md"),
            "README.md has a program",
        );
    });

    it("says why each fragment is not a program, and why each no-plan program is not planned", () => {
        const unexplained = blocks
            .filter((b) => [b.fragment, b.noPlan].some((reason) => reason !== undefined && reason.trim() === ""))
            .map(label);
        assert.deepStrictEqual(unexplained, [], "mark them <!-- fragment: why --> or <!-- no-plan: why -->");
    });

    describe("each program", () => {
        let work: string;
        const dirs = new Map<CodeBlock, string>();
        let diagnostics: readonly ts.Diagnostic[];

        before(() => {
            // Inside the repository, so `cloudrun-lb` resolves through tsconfig `paths` as it does for programs/.
            work = fs.mkdtempSync(path.join(ROOT, ".doc-blocks-"));
            programs.forEach((block, i) => {
                const slug = `${i}-${block.file.replace(/[^a-z0-9]+/gi, "-")}-${block.line}`.toLowerCase();
                const dir = path.join(work, slug);
                fs.mkdirSync(dir);
                fs.writeFileSync(path.join(dir, "index.ts"), block.code);
                fs.writeFileSync(
                    path.join(dir, "Pulumi.yaml"),
                    `name: doc-block-${i}\ndescription: ${label(block)}\nruntime: nodejs\n`,
                );
                dirs.set(block, dir);
            });
            const config = ts.getParsedCommandLineOfConfigFile(
                path.join(ROOT, "tsconfig.json"),
                {},
                {
                    ...ts.sys,
                    onUnRecoverableConfigFileDiagnostic: (d) => {
                        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
                    },
                },
            )!;
            const rootNames = [...dirs.values()].map((dir) => path.join(dir, "index.ts"));
            const program = ts.createProgram({ rootNames, options: { ...config.options, noEmit: true } });
            diagnostics = ts.getPreEmitDiagnostics(program);
        });

        after(() => {
            if (work) fs.rmSync(work, { recursive: true, force: true });
        });

        for (const block of programs) {
            it(`${label(block)} type-checks`, () => {
                const file = path.join(dirs.get(block)!, "index.ts");
                const problems = diagnostics
                    .filter((d) => d.file === undefined || path.resolve(d.file.fileName) === file)
                    .map((d) => {
                        const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
                        if (!d.file || d.start === undefined) return text;
                        const { line } = d.file.getLineAndCharacterOfPosition(d.start);
                        return `${block.file}:${block.line + 1 + line}: ${text}`;
                    });
                assert.deepStrictEqual(problems, []);
            });

            if (block.noPlan !== undefined) continue;
            it(`${label(block)} plans with no errors and creates a cloudrun-lb component`, async () => {
                const result: PlanResult = await plan({ program: dirs.get(block)! });
                assert.deepStrictEqual(
                    result.errors.map((e) => e.message),
                    [],
                    `${label(block)} does not plan; if it is not a program, mark it <!-- fragment: why -->`,
                );
                const components = result.resources.filter((r) => r.type.startsWith("cloudrun-lb:"));
                assert.ok(
                    components.length > 0,
                    `${label(block)} constructs no cloudrun-lb component; if it is not a program, mark it <!-- fragment: why -->`,
                );
            });
        }
    });
});
