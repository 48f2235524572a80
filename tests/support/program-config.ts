/**
 * What a program's index.ts reads and imports, found in its syntax tree: the stack config keys
 * (`config.get*`/`config.require*` calls on a `pulumi.Config`), each with its default when the program gives a
 * literal one (`config.get("region") ?? "europe-west1"`), and the packages it imports.
 */
import * as fs from "fs";
import * as ts from "typescript";

export interface ConfigRead {
    key: string;
    /** Read with `getSecret`/`requireSecret`. */
    secret: boolean;
    /**
     * The default as Pulumi config holds it (a string; lists as JSON) when the program gives a literal one;
     * `undefined` when it gives none or computes it.
     */
    default?: string;
}

/** A literal default as config text, or undefined when the expression is not a literal. */
function literalText(expression: ts.Expression): string | undefined {
    const value = literalValue(expression);
    if (value === undefined) return undefined;
    return typeof value === "string" ? value : JSON.stringify(value);
}

function literalValue(expression: ts.Expression): unknown {
    if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression)) {
        return literalValue(expression.expression);
    }
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
    if (ts.isNumericLiteral(expression)) return Number(expression.text);
    if (expression.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (expression.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (ts.isArrayLiteralExpression(expression)) {
        const items = expression.elements.map((e) => literalValue(e));
        return items.every((i) => i !== undefined) ? items : undefined;
    }
    return undefined;
}

/** Every config key index.ts reads, in order of first read. */
export function configReads(file: string): ConfigRead[] {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
    const reads = new Map<string, ConfigRead>();
    const visit = (node: ts.Node) => {
        if (
            ts.isCallExpression(node) &&
            ts.isPropertyAccessExpression(node.expression) &&
            ts.isIdentifier(node.expression.expression) &&
            node.expression.expression.text === "config" &&
            /^(get|require)(Secret)?(Object|Number|Boolean)?$/.test(node.expression.name.text) &&
            node.arguments.length >= 1 &&
            ts.isStringLiteral(node.arguments[0])
        ) {
            const key = node.arguments[0].text;
            const read = reads.get(key) ?? { key, secret: false };
            read.secret ||= node.expression.name.text.includes("Secret");
            let outer: ts.Node = node;
            while (ts.isParenthesizedExpression(outer.parent) || ts.isAsExpression(outer.parent)) outer = outer.parent;
            const parent = outer.parent;
            if (
                ts.isBinaryExpression(parent) &&
                parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken &&
                parent.left === outer
            ) {
                read.default ??= literalText(parent.right);
            }
            reads.set(key, read);
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return [...reads.values()];
}

/** The packages index.ts imports (`@scope/name` or `name`, without subpaths), sorted. */
export function importedPackages(file: string): string[] {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
    const packages = new Set<string>();
    for (const statement of source.statements) {
        if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
            const specifier = statement.moduleSpecifier.text;
            const parts = specifier.split("/");
            packages.add(parts.slice(0, specifier.startsWith("@") ? 2 : 1).join("/"));
        }
    }
    return [...packages].sort();
}
