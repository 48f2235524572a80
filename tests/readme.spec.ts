import * as assert from "assert";
import * as fs from "fs";
import { README, regenerate } from "../tools/readme";

describe("README", () => {
    const readme = fs.readFileSync(README, "utf8");

    it("shows the quick start exactly", () => {
        assert.ok(readme.includes("npm ci && npm run plan"));
        assert.ok(readme.includes("npm test"));
    });

    it("has the feature table and the validation catalogue as the code has them (npm run readme)", () => {
        assert.strictEqual(readme, regenerate(readme));
    });
});
