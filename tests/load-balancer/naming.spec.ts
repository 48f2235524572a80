import * as assert from "assert";
import fc from "fast-check";
import {
    gcpName,
    GCP_NAME_PATTERN,
    invalidNameReason,
    replacementSafeName,
    sanitizeNamePart,
    shortHash,
    stableStringify,
} from "../../components/naming";

describe("naming", () => {
    it("makes any logical name GCP-valid", () => {
        assert.strictEqual(gcpName("My_Shop", "url-map"), "my-shop-url-map");
        assert.strictEqual(gcpName("orders"), "orders");
        assert.strictEqual(gcpName("2026-lb"), "x-2026-lb");
        assert.strictEqual(gcpName("__"), "x-unnamed");
        assert.strictEqual(gcpName("shopAPI", "Backend"), "shop-api-backend");
    });

    it("sanitizes a name part as the full rewrite does, clean parts kept as they are", () => {
        const fullRewrite = (part: string) =>
            part
                .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
                .toLowerCase()
                .replace(/[^a-z0-9-]+/g, "-")
                .replace(/-+/g, "-")
                .replace(/^-+|-+$/g, "");
        const part = fc.oneof(
            fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
            fc.string({ unit: fc.constantFrom("a", "z", "0", "9", "-", "A", "_", ".", " ", "é", "--") }),
            fc.string(),
        );
        fc.assert(
            fc.property(part, (p) => sanitizeNamePart(p) === fullRewrite(p)),
            { numRuns: 2000 },
        );
        assert.strictEqual(sanitizeNamePart("europe-west1"), "europe-west1");
        assert.strictEqual(sanitizeNamePart("web--api-"), "web-api");
    });

    it("cuts long names to 63 characters and keeps them distinct with a hash", () => {
        const base = "My_Very_Long_Load_Balancer_Name_For_The_Production_Environment_2026";
        const a = gcpName(base, "url-map");
        const b = gcpName(base, "https-proxy");
        assert.strictEqual(a.length, 63);
        assert.match(a, GCP_NAME_PATTERN);
        assert.notStrictEqual(a, b);
        assert.strictEqual(a, gcpName(base, "url-map"));
        assert.match(a, /^my-very-long-load-balancer-name-for-the-produc-[0-9a-f]{8}-url-map$/);
        assert.match(b, /^my-very-long-load-balancer-name-for-the-pr-[0-9a-f]{8}-https-proxy$/);
    });

    it("gives a name that changes exactly when the replacement inputs change", () => {
        const one = replacementSafeName("lb-web-neg-europe-west1", { region: "europe-west1", service: "web" });
        assert.strictEqual(
            one,
            replacementSafeName("lb-web-neg-europe-west1", { service: "web", region: "europe-west1" }),
        );
        assert.notStrictEqual(
            one,
            replacementSafeName("lb-web-neg-europe-west1", { region: "europe-west1", service: "web2" }),
        );
        assert.strictEqual(one, `lb-web-neg-europe-west1-${shortHash({ region: "europe-west1", service: "web" })}`);
    });

    it("serialises objects with sorted keys", () => {
        assert.strictEqual(stableStringify({ b: 1, a: [2, { d: undefined, c: "x" }] }), '{"a":[2,{"c":"x"}],"b":1}');
    });

    it("explains why a name is invalid", () => {
        assert.strictEqual(invalidNameReason("ok-name"), undefined);
        assert.strictEqual(invalidNameReason(""), "it is empty");
        assert.strictEqual(invalidNameReason("a".repeat(64)), "it is 64 characters long (GCP allows at most 63)");
        assert.strictEqual(
            invalidNameReason("Bad_Name"),
            "GCP names must start with a lowercase letter, contain only lowercase letters, digits and hyphens, and not end with a hyphen",
        );
    });

    it("property: every name it produces is valid, for any parts", () => {
        fc.assert(
            fc.property(fc.array(fc.string({ maxLength: 80 }), { minLength: 1, maxLength: 4 }), (parts) => {
                const name = gcpName(...parts);
                return name.length <= 63 && GCP_NAME_PATTERN.test(name);
            }),
            { numRuns: 500 },
        );
        fc.assert(
            fc.property(fc.string({ maxLength: 100 }), fc.jsonValue(), (base, inputs) => {
                const name = replacementSafeName(base, inputs);
                return name.length <= 63 && GCP_NAME_PATTERN.test(name);
            }),
            { numRuns: 300 },
        );
    });
});
