import * as assert from "assert";
import { allRules } from "../../components/rules";
import { gcpErrorCoverage, Prevention } from "../../components/rules/coverage";
import { COMPUTE_MESSAGES } from "../../components/sources";
import { constructionChecks } from "../../tools/construction-checks";

/** Notes in parentheses after a citation: "(BackendService.healthChecks)", "(message text UNCONFIRMED)". */
const NOTES = /^(?: \([^()]+\))*$/;
/** Pages of Google Cloud's documentation: a product, then its docs (or a reference) path. */
const GOOGLE_DOCS = /^\/[a-z0-9-]+\/docs\/[A-Za-z0-9_./-]+$/;
/** A field or template definition in magic-modules, which generates the provider pulumi-gcp bridges. */
const MAGIC_MODULES =
    /^\/GoogleCloudPlatform\/magic-modules\/blob\/main\/mmv1\/(products|templates\/terraform)\/[\w./-]+\.(yaml|tmpl)$/;
/** A GitHub issue or pull request. */
const GITHUB_THREAD = /^\/[\w.-]+\/[\w.-]+\/(issues|pull)\/\d+$/;

/**
 * Why `source` is not a citation a reader can follow (empty when it is): one or more parts joined with "; ",
 * each a Google Cloud docs page, a magic-modules definition, a GitHub issue or pull request (which `observed:`
 * may precede, and only it: a report, not documentation) or gcloud's generated Compute client, each optionally
 * followed by notes in parentheses.
 */
function citationProblems(source: string): string[] {
    const problems: string[] = [];
    for (const part of source.split("; ")) {
        if (part.startsWith(COMPUTE_MESSAGES)) {
            if (!NOTES.test(part.slice(COMPUTE_MESSAGES.length))) problems.push(`${part}: text after the file name`);
            continue;
        }
        const match = /^(observed: )?(https:\/\/\S+)(.*)$/.exec(part);
        if (!match) {
            problems.push(`${part}: neither an https link nor ${COMPUTE_MESSAGES}`);
            continue;
        }
        const [, observed, link, notes] = match;
        if (!NOTES.test(notes)) problems.push(`${part}: text after the link that is not a note in parentheses`);
        let url: URL;
        try {
            url = new URL(link);
        } catch {
            problems.push(`${part}: not a URL`);
            continue;
        }
        const path = url.pathname;
        const thread = url.hostname === "github.com" && GITHUB_THREAD.test(path);
        const known =
            (url.hostname === "cloud.google.com" && GOOGLE_DOCS.test(path)) ||
            (url.hostname === "github.com" && MAGIC_MODULES.test(path)) ||
            thread;
        if (!known) problems.push(`${part}: not a Google Cloud docs page, magic-modules definition or GitHub issue`);
        if (observed && !thread) problems.push(`${part}: "observed:" names the issue where an error was reported`);
    }
    return problems;
}

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
            assert.ok(c.how.length > 10, c.error);
        }
    });

    it("cites for every row a source a reader can follow: Google Cloud docs, magic-modules, GitHub issues or gcloud's Compute client", () => {
        const bad = gcpErrorCoverage.flatMap((c) => citationProblems(c.source).map((p) => `${c.error}: ${p}`));
        assert.deepStrictEqual(bad, []);
    });

    it("accepts as a citation only links and the named gcloud file, not research-note sections or free text", () => {
        assert.deepStrictEqual(citationProblems("https://cloud.google.com/load-balancing/docs/quotas"), []);
        assert.deepStrictEqual(
            citationProblems(
                `${COMPUTE_MESSAGES} (BackendService.healthChecks); observed: https://github.com/hashicorp/terraform-provider-google/issues/7167`,
            ),
            [],
        );
        assert.deepStrictEqual(
            citationProblems(
                "https://github.com/GoogleCloudPlatform/magic-modules/blob/main/mmv1/products/compute/ForwardingRule.yaml (UNCONFIRMED)",
            ),
            [],
        );
        for (const source of [
            "§12, §1.4",
            "§13 (setting-up-l7-cross-reg-serverless)",
            "setting-up-l7-cross-reg-serverless",
            "https://example.com/load-balancing/docs/quotas",
            "https://cloud.google.com/load-balancing/docs/quotas and the console",
            "observed: https://cloud.google.com/load-balancing/docs/quotas",
            "https://github.com/hashicorp/terraform-provider-google/blob/main/README.md",
            `${COMPUTE_MESSAGES}, BackendService`,
            "",
        ]) {
            assert.notDeepStrictEqual(citationProblems(source), [], source);
        }
    });

    it("covers each error the API or provider is known to return for a serverless load balancer, once", () => {
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
        const rows = (text: string) => gcpErrorCoverage.filter((c) => c.error.includes(text)).length;
        assert.deepStrictEqual(
            expected.filter((text) => rows(text) !== 1),
            [],
            "each of these errors has exactly one coverage row",
        );
    });

    it("uses every construction check at least once, so none is dead", () => {
        const used = new Set(gcpErrorCoverage.map((c) => c.check));
        const unused = Object.keys(constructionChecks).filter((id) => !used.has(id) && !["valid-names"].includes(id));
        assert.deepStrictEqual(unused, []);
    });
});
