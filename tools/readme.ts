/**
 * Documentation sections generated from code: the feature-per-scheme table (components/schemes.ts) in
 * docs/schemes.md, the validation catalogue and the GCP errors it covers (components/rules) in docs/validation.md,
 * and the replacement table (components/replacement.ts) in docs/SAFE-UPDATES.md. `npm run readme` rewrites them;
 * a test (tests/docs/readme.spec.ts) fails when a page and the code disagree.
 */
import * as fs from "fs";
import * as path from "path";
import { replacementPolicies } from "../components/replacement";
import { allRules } from "../components/rules";
import { gcpErrorCoverage } from "../components/rules/coverage";
import { renderFeatureTable } from "../components/schemes";
import { constraintTable, ConstraintRow } from "../components/constraints/table";
import { isGenericRow, CONSTRAINT_RULE } from "../components/constraints/check";

const ROOT = path.resolve(__dirname, "..");
export const README = path.join(ROOT, "README.md");
export const SCHEMES = path.join(ROOT, "docs", "schemes.md");
export const VALIDATION = path.join(ROOT, "docs", "validation.md");
export const SAFE_UPDATES = path.join(ROOT, "docs", "SAFE-UPDATES.md");

/**
 * A table cell: pipes escaped, one line, and brackets before a parenthesis escaped unless they are a web link
 * (`[a-z]([-a-z0-9]*[a-z0-9])?` is a pattern, not a link).
 */
const escapeCell = (text: string) =>
    text
        .replace(/\|/g, "\\|")
        .replace(/\n/g, " ")
        .replace(/\[([^\]]*)\]\((?!https?:)/g, "\\[$1\\](");

/**
 * A source cell (components/sources.ts): each link as an autolink in angle brackets, so the "; " between
 * citations (or a comma or colon after a link) is not read as part of the URL, as GitHub's bare-link detection
 * would read a semicolon.
 */
const sourceCell = (source: string) =>
    escapeCell(source).replace(/https:\/\/\S+?(?=[;,.:)]?(?:\s|$))/g, (url) => `<${url}>`);

export function renderRulesTable(): string {
    const escape = (text: string) => text.replace(/\|/g, "\\|");
    const rows = allRules().map(
        (r) =>
            `| \`${r.id}\`${r.severity === "warning" ? " (warning)" : ""} | ${r.component} | ${escape(r.summary)} | ${escape(r.prevents)} |`,
    );
    return ["| Rule | Component | What we check | What it prevents |", "|---|---|---|---|", ...rows].join("\n");
}

/** Every GCP error and constraint we know of, its source, and what prevents it (components/rules/coverage.ts). */
export function renderCoverageTable(): string {
    const prevention = (c: (typeof gcpErrorCoverage)[number]) =>
        c.prevention === "rule"
            ? `rule \`${c.rule}\``
            : c.prevention === "by-construction"
              ? `by construction (check \`${c.check}\`)`
              : c.prevention === "documented"
                ? "[SAFE-UPDATES.md](SAFE-UPDATES.md)"
                : "runtime condition";
    const rows = gcpErrorCoverage.map(
        (c) => `| ${escapeCell(c.error)} | ${sourceCell(c.source)} | ${prevention(c)} | ${escapeCell(c.how)} |`,
    );
    return ["| GCP error or constraint | Source | Prevented by | How |", "|---|---|---|---|", ...rows].join("\n");
}

/** The replacement behaviour of every resource kind (components/replacement.ts). */
export function renderReplacementTable(): string {
    const rows = replacementPolicies.map(
        (p) =>
            `| ${p.title} | \`${p.type.split(":").pop()}\` | ${escapeCell(p.forceNew)} | ${p.naming === "hash" ? `hash of ${escapeCell(p.hashOf ?? "")}` : p.naming === "none" ? "none (identified by its fields)" : "fixed"} | ${p.mode} | ${escapeCell(p.behaviour)} |`,
    );
    return [
        "| Resource | Type | Changes that force replacement | Name | Replacement | What happens |",
        "|---|---|---|---|---|---|",
        ...rows,
    ].join("\n");
}

/** What a row says, in one cell. */
function describeConstraint(row: ConstraintRow): string {
    const c = row.constraint;
    switch (c.kind) {
        case "enum":
            return `one of ${c.values.map((v) => `\`${v}\``).join(", ")}`;
        case "range":
            return `${c.integer ? "whole number " : ""}${c.min}–${c.max}${c.unit ?? ""}`;
        case "length":
            return `${c.min}–${c.max} characters`;
        case "format":
        case "atMost":
        case "count":
        case "rule":
            return c.describe;
        case "unconstrained":
            return `unconstrained: ${c.reason}`;
        case "derived":
            return `set by the package: ${c.how}`;
    }
}

/** The GCP field constraint table (components/constraints/table.ts), for docs/validation.md. */
export function renderConstraintTable(): string {
    const rows = constraintTable.map((row) => {
        const resources = row.resources.map((r) => `\`${r === "*" ? "*" : r.split(":").pop()}\``).join(", ");
        const args = row.args.length === 0 ? "—" : row.args.map((a) => `\`${a}\``).join(", ");
        const enforced = row.rule
            ? row.rule
                  .split(", ")
                  .map((id) => `\`${id}\``)
                  .join(", ")
            : isGenericRow(row)
              ? `\`${CONSTRAINT_RULE}\``
              : "—";
        const when = row.atApply ? " (also when an Output resolves)" : "";
        return `| ${resources} | \`${row.field}\` | ${args} | ${escapeCell(describeConstraint(row))} | ${enforced}${when} | ${sourceCell(row.source)} |`;
    });
    return [
        "| Resource | Field | Args | Constraint | Enforced by | Source |",
        "|---|---|---|---|---|---|",
        ...rows,
    ].join("\n");
}

/** Each generated page and the sections in it, by marker name. */
export const generatedPages: Record<string, Record<string, () => string>> = {
    [SCHEMES]: { "feature-table": renderFeatureTable },
    [VALIDATION]: {
        "rules-table": renderRulesTable,
        "coverage-table": renderCoverageTable,
        constraints: renderConstraintTable,
    },
    [SAFE_UPDATES]: { "replacement-table": renderReplacementTable },
};

/** The document with every generated section replaced by what the code says now. */
export function regenerate(document: string, sections: Record<string, () => string>): string {
    let text = document;
    for (const [name, render] of Object.entries(sections)) {
        const pattern = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
        if (!pattern.test(text)) {
            throw new Error(`the document lacks the markers <!-- ${name}:start --> and <!-- ${name}:end -->`);
        }
        text = text.replace(pattern, (_m, start: string, end: string) => `${start}\n${render()}\n${end}`);
    }
    return text;
}

if (require.main === module) {
    for (const [file, sections] of Object.entries(generatedPages)) {
        fs.writeFileSync(file, regenerate(fs.readFileSync(file, "utf8"), sections));
    }
    console.log(
        `${Object.keys(generatedPages)
            .map((f) => path.relative(ROOT, f))
            .join(", ")}: generated sections updated`,
    );
}
