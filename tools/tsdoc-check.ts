/**
 * The TSDoc contract of the public API, checked with the TypeScript compiler API (syntax only, so it runs
 * in well under a second): every public type in components/ (`*Args` interfaces, `as const` enums,
 * component classes) has a doc comment; every field of an exported `*Args` interface has a description
 * and `@example`, and `@default` when optional; every component class links the GCP documentation with
 * `@see` and documents its public outputs. Run by tests/docs/tsdoc.spec.ts.
 *
 *   npm run tsdoc-check
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export interface TsdocProblem {
    /** `components/<file>.ts:<line>` */
    where: string;
    /** The declaration, e.g. `ApplicationLoadBalancerArgs.scheme`. */
    symbol: string;
    message: string;
}

const ROOT = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((entry) => {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                return sourceFiles(full);
            }
            return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
        })
        .sort();
}

function isExported(node: ts.Node): boolean {
    return (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export) !== 0;
}

/** The doc comment text and tags attached to a node (TS parses TSDoc as JSDoc). */
function docOf(node: ts.Node): { text: string; tags: Map<string, string> } | undefined {
    const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
    if (docs.length === 0) {
        return undefined;
    }
    const doc = docs[docs.length - 1];
    const tags = new Map<string, string>();
    for (const tag of doc.tags ?? []) {
        tags.set(tag.tagName.text, tag.getText());
    }
    return { text: (ts.getTextOfJSDocComment(doc.comment) ?? "").trim(), tags };
}

function extendsComponentResource(node: ts.ClassDeclaration): boolean {
    return (node.heritageClauses ?? []).some((clause) =>
        clause.types.some((t) => t.expression.getText().endsWith("ComponentResource")),
    );
}

/** Every TSDoc problem in components/ (empty when the contract holds). */
export function checkTsdoc(dir = path.join(ROOT, "components")): TsdocProblem[] {
    const problems: TsdocProblem[] = [];
    for (const file of sourceFiles(dir)) {
        const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
        const where = (node: ts.Node) =>
            `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const report = (node: ts.Node, symbol: string, message: string) =>
            problems.push({ where: where(node), symbol, message });

        for (const statement of source.statements) {
            if (!isExported(statement)) {
                continue;
            }
            if (ts.isVariableStatement(statement)) {
                // Constants are values, not types — except the `as const` enums, which are the types
                // users pick from (Scheme, NetworkTier); those are checked with their type alias.
                continue;
            }
            const named = statement as ts.DeclarationStatement;
            if (!named.name) {
                continue;
            }
            const name = named.name.getText();
            const doc = docOf(statement);
            // The public API's types: component args, the `as const` enums users pick values from, and
            // the component classes. (Internal, GCP-shaped types are encouraged, not required, to have docs.)
            const publicType =
                (ts.isInterfaceDeclaration(statement) && name.endsWith("Args")) ||
                (ts.isTypeAliasDeclaration(statement) && constantOf(source, name) !== undefined) ||
                (ts.isClassDeclaration(statement) && extendsComponentResource(statement));
            if (publicType && !doc?.text && !(constantOf(source, name) && docOf(constantOf(source, name)!)?.text)) {
                report(statement, name, "public type has no doc comment");
            }
            if (ts.isClassDeclaration(statement) && extendsComponentResource(statement)) {
                if (!/https:\/\/cloud\.google\.com\//.test(doc?.tags.get("see") ?? "")) {
                    report(statement, name, "component class has no `@see https://cloud.google.com/...` link");
                }
                for (const member of statement.members) {
                    const publicField =
                        ts.isPropertyDeclaration(member) &&
                        !(
                            ts.getCombinedModifierFlags(member) &
                            (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)
                        );
                    if (publicField && !docOf(member)?.text) {
                        report(member, `${name}.${member.name.getText()}`, "public output has no doc comment");
                    }
                }
            }
            if (ts.isInterfaceDeclaration(statement) && name.endsWith("Args")) {
                for (const member of statement.members) {
                    if (!ts.isPropertySignature(member)) {
                        continue;
                    }
                    const field = `${name}.${member.name.getText()}`;
                    const fieldDoc = docOf(member);
                    if (!fieldDoc?.text) {
                        report(member, field, "field has no description");
                    }
                    if (!fieldDoc?.tags.has("example")) {
                        report(member, field, "field has no `@example`");
                    }
                    if (member.questionToken && !fieldDoc?.tags.has("default")) {
                        report(member, field, "optional field has no `@default` (say what happens when it is unset)");
                    }
                }
            }
        }
    }
    return problems;
}

/** The exported constant of an `as const` enum (`export const Scheme = {...} as const`), if any. */
function constantOf(source: ts.SourceFile, name: string): ts.VariableStatement | undefined {
    return source.statements.find(
        (s): s is ts.VariableStatement =>
            ts.isVariableStatement(s) &&
            isExported(s) &&
            s.declarationList.declarations.some((d) => d.name.getText() === name),
    );
}

export function formatTsdocProblems(problems: TsdocProblem[]): string {
    return problems.map((p) => `${p.where}  ${p.symbol}: ${p.message}`).join("\n");
}

if (require.main === module) {
    const problems = checkTsdoc();
    if (problems.length > 0) {
        console.error(formatTsdocProblems(problems));
        console.error(`\n${problems.length} TSDoc problem(s); see CONTRIBUTING.md "Development".`);
        process.exit(1);
    }
    console.log("TSDoc: every exported declaration and Args field is documented.");
}
