import * as assert from "assert";
import { allRules } from "../../components/rules";
import { gcpErrorCoverage, Prevention } from "../../components/rules/coverage";
import { constructionChecks } from "../../tools/construction-checks";

describe("coverage of GCP errors (components/rules/coverage.ts)", () => {
    const ruleIds = new Set(allRules().map((r) => r.id));

    it("names only rules that exist in allRules()", () => {
        const missing = gcpErrorCoverage.filter((c) => c.rule !== undefined && !ruleIds.has(c.rule));
        assert.deepStrictEqual(
            missing.map((c) => c.rule),
            [],
        );
    });

    it("names only construction checks that exist", () => {
        const missing = gcpErrorCoverage.filter((c) => c.check !== undefined && !(c.check in constructionChecks));
        assert.deepStrictEqual(
            missing.map((c) => c.check),
            [],
        );
    });

    it("gives every row exactly what its kind of prevention needs", () => {
        for (const c of gcpErrorCoverage) {
            assert.strictEqual(c.prevention === Prevention.Rule, c.rule !== undefined, c.error);
            assert.strictEqual(c.prevention === Prevention.ByConstruction, c.check !== undefined, c.error);
            assert.ok(c.how.length > 10 && /§\d/.test(c.source), c.error);
        }
    });

    it("covers every row of gcp-facts §12", () => {
        const section12 = gcpErrorCoverage.filter((c) => c.source.startsWith("§12"));
        const expected = [
            "Timeout sec is not supported",
            "Balancing mode is not supported",
            "Max utilization is not supported",
            "Invalid load balancing scheme for regional backend service",
            "capacity_scaler is required",
            "cannot be set for non-managed backend service",
            "url_map resource",
            "network_endpoint_group resource",
            "urlMap.tests",
            "Cannot delete ACTIVE subnetwork",
            "An active proxy-only subnetwork is required",
            "Regional Google-managed certificates are not supported",
            "sslCertificates/<name>' was not found",
            "dns authorization doesn't exist",
            "resource.healthChecks",
            "413",
            "failed_to_connect_to_backend",
        ];
        for (const text of expected) {
            assert.ok(
                section12.some((c) => c.error.includes(text)),
                `no coverage row for the §12 error "${text}"`,
            );
        }
        assert.strictEqual(section12.length, expected.length);
    });

    it("uses every construction check at least once, so none is dead", () => {
        const used = new Set(gcpErrorCoverage.map((c) => c.check));
        const unused = Object.keys(constructionChecks).filter((id) => !used.has(id) && !["valid-names"].includes(id));
        assert.deepStrictEqual(unused, []);
    });
});
