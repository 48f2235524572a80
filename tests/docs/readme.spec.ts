import * as assert from "assert";
import * as fs from "fs";
import { README, regenerate, SAFE_UPDATES, safeUpdatesSections } from "../../tools/readme";

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
});
