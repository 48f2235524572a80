/**
 * README sections generated from code: the feature-per-scheme table (components/schemes.ts) and the
 * validation catalogue (components/rules). `npm run readme` rewrites them; a test fails when the README
 * and the code disagree.
 */
import * as fs from "fs";
import * as path from "path";
import { allRules } from "../components/rules";
import { renderFeatureTable } from "../components/schemes";

export const README = path.resolve(__dirname, "..", "README.md");

export function renderRulesTable(): string {
    const escape = (text: string) => text.replace(/\|/g, "\\|");
    const rows = allRules().map(
        (r) => `| \`${r.id}\` | ${r.component} | ${escape(r.summary)} | ${escape(r.prevents)} |`,
    );
    return ["| Rule | Component | What we check | What it prevents |", "|---|---|---|---|", ...rows].join("\n");
}

export const generatedSections: Record<string, () => string> = {
    "feature-table": renderFeatureTable,
    "rules-table": renderRulesTable,
};

/** The README with every generated section replaced by what the code says now. */
export function regenerate(readme: string): string {
    let text = readme;
    for (const [name, render] of Object.entries(generatedSections)) {
        const pattern = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
        if (!pattern.test(text)) {
            throw new Error(`README.md lacks the markers <!-- ${name}:start --> and <!-- ${name}:end -->`);
        }
        text = text.replace(pattern, (_m, start: string, end: string) => `${start}\n${render()}\n${end}`);
    }
    return text;
}

if (require.main === module) {
    fs.writeFileSync(README, regenerate(fs.readFileSync(README, "utf8")));
    console.log("README.md: generated sections updated");
}
