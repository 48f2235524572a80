/**
 * `npm run shape`: writes components/shape.generated.ts, the runtime description of every public component's
 * Args, from the TypeScript interfaces themselves (the single source of truth: Pulumi's schema Analyzer reads
 * the same interfaces). tests/validation/shape-schema.spec.ts regenerates it and fails when the committed file
 * differs, so the shapes and the types cannot drift apart.
 *
 * The roots are the `args` parameter types of every class under components/ that extends
 * pulumi.ComponentResource; every interface they reach becomes one entry of `shapes`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import type { Shape, ShapeField, ShapeObject } from "../components/shape-types";

const root = path.resolve(__dirname, "..");
export const generatedFile = path.join(root, "components", "shape.generated.ts");

/** Builds the shapes from the sources: the file text, ready to write. */
export function generateShapeSource(): string {
    const configPath = path.join(root, "tsconfig.build.json");
    const config = ts.getParsedCommandLineOfConfigFile(
        configPath,
        {},
        {
            ...ts.sys,
            onUnRecoverableConfigFileDiagnostic: (d) => {
                throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
            },
        },
    );
    if (!config) {
        throw new Error(`cannot read ${configPath}`);
    }
    const program = ts.createProgram(config.fileNames, config.options);
    const checker = program.getTypeChecker();
    const objects = new Map<string, ShapeObject>();
    const roots = new Map<string, string>();

    function isPending(type: ts.Type): boolean {
        const name = type.getSymbol()?.getName();
        return name === "Promise" || name === "OutputInstance" || name === "Output";
    }

    function describe(type: ts.Type, where: string): Shape {
        let members = type.isUnion() ? type.types : [type];
        members = members.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
        const input = members.some(isPending);
        members = members.filter((t) => !isPending(t));
        const shape = describeMembers(members, where);
        return input ? { ...shape, input: true } : shape;
    }

    function describeMembers(members: ts.Type[], where: string): Shape {
        if (members.length > 1) {
            if (members.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) {
                return { type: "boolean" };
            }
            if (members.every((t) => t.isStringLiteral())) {
                return { type: "enum", values: members.map((t) => (t as ts.StringLiteralType).value) };
            }
            // pulumi.Input<T> where T is itself an Input: the inner members repeat the outer ones.
            const distinct = [...new Set(members.map((t) => checker.typeToString(t)))];
            if (distinct.length === 1) {
                return describeMembers([members[0]], where);
            }
            throw new Error(`${where}: unsupported union ${distinct.join(" | ")}`);
        }
        const type = members[0];
        if (type.flags & ts.TypeFlags.String) {
            return { type: "string" };
        }
        if (type.flags & ts.TypeFlags.Number) {
            return { type: "number" };
        }
        if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) {
            return { type: "boolean" };
        }
        if (type.isStringLiteral()) {
            return { type: "enum", values: [type.value] };
        }
        if (checker.isArrayType(type)) {
            return {
                type: "array",
                items: describe(checker.getTypeArguments(type as ts.TypeReference)[0], `${where}[]`),
            };
        }
        if (type.flags & ts.TypeFlags.Object) {
            const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
            const properties = checker.getPropertiesOfType(type);
            if (index && properties.length === 0) {
                return { type: "record", values: describe(index.type, `${where}{}`) };
            }
            const symbol = type.getSymbol();
            if (symbol && symbol.flags & ts.SymbolFlags.Interface && !index) {
                addObject(symbol.getName(), type);
                return { type: "object", name: symbol.getName() };
            }
        }
        throw new Error(`${where}: unsupported type ${checker.typeToString(type)}`);
    }

    function addObject(name: string, type: ts.Type): void {
        if (objects.has(name)) {
            return;
        }
        const fields: Record<string, ShapeField> = {};
        const object: ShapeObject = { fields };
        objects.set(name, object);
        for (const property of checker.getPropertiesOfType(type)) {
            const declaration = property.valueDeclaration ?? property.declarations?.[0];
            if (!declaration) {
                throw new Error(`${name}.${property.getName()}: no declaration`);
            }
            const shape = describe(
                checker.getTypeOfSymbolAtLocation(property, declaration),
                `${name}.${property.getName()}`,
            );
            const example = property
                .getJsDocTags(checker)
                .find((tag) => tag.name === "example")
                ?.text?.map((part) => part.text)
                .join("")
                .trim();
            fields[property.getName()] = {
                ...shape,
                ...(property.flags & ts.SymbolFlags.Optional ? {} : { required: true }),
                ...(example ? { example } : {}),
            };
        }
    }

    const componentsDir = path.join(root, "components") + path.sep;
    for (const file of program.getSourceFiles()) {
        if (!path.resolve(file.fileName).startsWith(componentsDir)) {
            continue;
        }
        ts.forEachChild(file, (node) => {
            if (!ts.isClassDeclaration(node) || !node.name || !node.heritageClauses) {
                return;
            }
            const extendsComponent = node.heritageClauses.some((clause) =>
                clause.types.some((t) => t.expression.getText(file) === "pulumi.ComponentResource"),
            );
            const constructor = node.members.find(ts.isConstructorDeclaration);
            const argsParameter = constructor?.parameters.find((p) => p.name.getText(file) === "args");
            if (!extendsComponent || !argsParameter) {
                return;
            }
            const type = checker.getTypeAtLocation(argsParameter);
            const name = type.getSymbol()?.getName();
            if (!name) {
                throw new Error(`${node.name.text}: args has no named type`);
            }
            addObject(name, type);
            roots.set(node.name.text, name);
        });
    }

    const sortedObjects = Object.fromEntries([...objects.entries()].sort(([a], [b]) => a.localeCompare(b)));
    const sortedRoots = Object.fromEntries([...roots.entries()].sort(([a], [b]) => a.localeCompare(b)));
    return [
        "// Generated by `npm run shape` (tools/shape-schema.ts) from the Args interfaces. Do not edit.",
        'import type { ShapeObject } from "./shape-types";',
        "",
        "/** The Args interface each public component takes. */",
        `export const componentArgs: Record<string, string> = ${JSON.stringify(sortedRoots)};`,
        "",
        "/** Every interface the public Args reach, by name (JSON.parse: V8 reads JSON 4x faster than an object literal). */",
        `export const shapes: Record<string, ShapeObject> = JSON.parse(${JSON.stringify(JSON.stringify(sortedObjects))});`,
        "",
    ].join("\n");
}

if (require.main === module) {
    fs.writeFileSync(generatedFile, generateShapeSource());
    console.log(`wrote ${path.relative(root, generatedFile)}`);
}
