import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { generatedPages, README, regenerate, SAFE_UPDATES, SCHEMES, VALIDATION } from "../../tools/readme";

const ROOT = path.resolve(__dirname, "..", "..");
const DOCS = path.join(ROOT, "docs");
import { constraintTable } from "../../components/constraints/table";

describe("README", () => {
    const readme = fs.readFileSync(README, "utf8");

    it("shows the quick start exactly", () => {
        assert.ok(readme.includes("## Quick start"));
        assert.ok(readme.includes("npm ci && npm run plan"));
        assert.ok(readme.includes("npm test"));
    });

    it("says how to install in a platform repository within its first screens, before the concepts", () => {
        const install = readme.indexOf("## Install in a platform repository");
        assert.ok(install > 0, "README has the install section");
        assert.ok(readme.slice(0, install).split("\n").length < 80, "install starts within the first 80 lines");
        assert.ok(install < readme.indexOf("## Concepts"), "install comes before the concepts");
    });

    it("has the feature table in docs/schemes.md as the code has it (npm run readme)", () => {
        const doc = fs.readFileSync(SCHEMES, "utf8");
        assert.strictEqual(doc, regenerate(doc, generatedPages[SCHEMES]));
    });

    it("has the validation catalogue and the GCP errors it covers in docs/validation.md as the code has them", () => {
        const doc = fs.readFileSync(VALIDATION, "utf8");
        assert.strictEqual(doc, regenerate(doc, generatedPages[VALIDATION]));
    });

    it("has the replacement table in docs/SAFE-UPDATES.md as the code has it, and links it", () => {
        const doc = fs.readFileSync(SAFE_UPDATES, "utf8");
        assert.strictEqual(doc, regenerate(doc, generatedPages[SAFE_UPDATES]));
        assert.ok(readme.includes("](docs/SAFE-UPDATES.md)"));
    });

    it("links every page of docs/, and docs/README.md indexes them all", () => {
        const index = fs.readFileSync(path.join(DOCS, "README.md"), "utf8");
        const pages = fs.readdirSync(DOCS).filter((f) => f.endsWith(".md") && f !== "README.md");
        assert.ok(pages.length >= 12, `pages: ${pages.join(", ")}`);
        for (const page of pages) {
            assert.ok(readme.includes(`](docs/${page})`), `README links docs/${page}`);
            assert.ok(index.includes(`](${page})`), `docs/README.md links ${page}`);
        }
        assert.ok(readme.includes("](docs/README.md)"), "README links the docs index");
        assert.ok(readme.includes("](CONTRIBUTING.md)"), "README links CONTRIBUTING.md");
    });

    it("has no relative link to a file that does not exist (README.md, CONTRIBUTING.md, docs/)", () => {
        const documents = [
            README,
            path.join(ROOT, "CONTRIBUTING.md"),
            ...fs
                .readdirSync(DOCS)
                .filter((f) => f.endsWith(".md"))
                .map((f) => path.join(DOCS, f)),
        ];
        const broken: string[] = [];
        for (const file of documents) {
            // Code (fenced blocks and inline spans) holds no links, only text that may look like one.
            const text = fs
                .readFileSync(file, "utf8")
                .replace(/```[\s\S]*?```/g, "")
                .replace(/`[^`\n]*`/g, "");
            for (const [, target] of text.matchAll(/(?<!\\)\]\(([^)\s]+)\)/g)) {
                if (/^(https?:|mailto:|#)/.test(target)) continue;
                const resolved = path.resolve(path.dirname(file), target.split("#")[0]);
                if (!fs.existsSync(resolved)) broken.push(`${path.relative(ROOT, file)}: ${target}`);
            }
        }
        assert.deepStrictEqual(broken, []);
    });

    it("has the GCP field constraint table in docs/validation.md as the code has it, one line per row, with sources", () => {
        const doc = fs.readFileSync(VALIDATION, "utf8");
        assert.strictEqual(doc, regenerate(doc, generatedPages[VALIDATION]));
        const block = /<!-- constraints:start -->\n([\s\S]*?)\n<!-- constraints:end -->/.exec(doc)![1].split("\n");
        assert.strictEqual(block.length, constraintTable.length + 2);
        assert.ok(
            constraintTable.every((row) => /^https:\/\/|^gcp: /.test(row.source)),
            "every row cites a source",
        );
    });
});
