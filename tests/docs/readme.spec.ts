import * as assert from "assert";
import * as fs from "fs";
import {
    README,
    regenerate,
    SAFE_UPDATES,
    safeUpdatesSections,
    VALIDATION_DOC,
    validationSections,
} from "../../tools/readme";
import { constraintTable } from "../../components/constraints/table";

describe("README", () => {
    const readme = fs.readFileSync(README, "utf8");

    it("shows the quick start exactly", () => {
        assert.ok(readme.includes("npm ci && npm run plan"));
        assert.ok(readme.includes("npm test"));
    });

    it("has the feature table and the validation catalogue as the code has them (npm run readme)", () => {
        assert.strictEqual(readme, regenerate(readme));
    });

    it("has the replacement table in docs/SAFE-UPDATES.md as the code has it, and links it", () => {
        const doc = fs.readFileSync(SAFE_UPDATES, "utf8");
        assert.strictEqual(doc, regenerate(doc, safeUpdatesSections));
        assert.ok(readme.includes("](docs/SAFE-UPDATES.md)"));
    });

    it("has the GCP field constraint table in docs/validation.md as the code has it, one line per row, with sources", () => {
        const doc = fs.readFileSync(VALIDATION_DOC, "utf8");
        assert.strictEqual(doc, regenerate(doc, validationSections));
        const block = /<!-- constraints:start -->\n([\s\S]*?)\n<!-- constraints:end -->/.exec(doc)![1].split("\n");
        assert.strictEqual(block.length, constraintTable.length + 2);
        assert.ok(
            constraintTable.every((row) => /^https:\/\/|^gcp: /.test(row.source)),
            "every row cites a source",
        );
    });
});
