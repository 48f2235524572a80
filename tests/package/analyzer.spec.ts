/**
 * Multi-language consumability: runs Pulumi's schema Analyzer — the code `pulumi package add` runs to infer
 * a schema from this package's TypeScript source — over every exported component, discovered the way the
 * component provider host discovers them (every ComponentResource class the package exports). A component
 * whose args or outputs the Analyzer cannot infer (unions, inline object types, callbacks, type aliases
 * for args) fails here, with the Analyzer's own message.
 *
 * It runs where `pulumi package add <path or git URL>` runs it: a fresh clone as `npm ci` leaves it (committed
 * files only, lib/ built by the build `prepare` runs; see tests/support/fresh-clone.ts) — not this working tree.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

import { freshCloneInstalled } from "../support/fresh-clone";

const PACKAGE_NAME = "cloudrun-lb";

interface InferredProperty {
    type?: string;
    $ref?: string;
    optional?: boolean;
    plain?: boolean;
    description?: string;
}

interface Inferred {
    components: Record<string, { inputs: Record<string, InferredProperty>; outputs: Record<string, InferredProperty> }>;
    typeDefinitions: Record<string, { name: string; properties?: Record<string, InferredProperty>; enum?: unknown[] }>;
    dependencies: Array<{ name: string; version: string }>;
}

describe("schema Analyzer (pulumi package add), over a fresh clone", function () {
    this.timeout(900_000);
    let root: string;
    let componentNames: string[];
    let analyzer: any;
    let inferred: Inferred;
    /** The pieces of Pulumi's source-based component support we drive (internal API, pinned SDK 3.248.0). */
    let generateSchema: (...args: unknown[]) => any;

    before(() => {
        root = freshCloneInstalled();
        const experimental = (module: string) =>
            require(require.resolve(`@pulumi/pulumi/provider/experimental/${module}`, { paths: [root] }));
        const { Analyzer } = experimental("analyzer");
        const { getPulumiComponents } = experimental("provider");
        generateSchema = experimental("schema").generateSchema;
        // The host loads the package's entry (package.json main: lib/, built on install) and keeps every exported
        // ComponentResource subclass.
        componentNames = getPulumiComponents(require(root))
            .map((c: { name: string }) => c.name)
            .sort();
        const packageJson = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
        analyzer = new Analyzer(root, PACKAGE_NAME, packageJson, new Set(componentNames));
    });

    it("finds the exported components (discovered, not listed by hand)", () => {
        for (const name of ["ApplicationLoadBalancer", "Frontend", "LoadBalancerNetwork", "ServerlessBackend"]) {
            assert.ok(componentNames.includes(name), `${name} is not exported as a ComponentResource`);
        }
    });

    it("infers every exported component's args and outputs", () => {
        try {
            inferred = analyzer.analyze();
        } catch (error) {
            assert.fail(
                `Pulumi's schema Analyzer rejects the package, so \`pulumi package add\` would fail:\n` +
                    `  ${(error as Error).message}\n` +
                    `Fix: component args must be interfaces; every object type a named interface; closed sets of ` +
                    `values the \`as const\` pattern; no unions (except with undefined) and no callbacks — in args ` +
                    `and in public class properties (they become outputs).`,
            );
        }
        assert.deepStrictEqual(Object.keys(inferred.components).sort(), componentNames);
    });

    it("infers exactly the fields of each component's Args interface", () => {
        assert.ok(inferred, "the Analyzer did not run");
        const checker: ts.TypeChecker = analyzer.checker;
        for (const name of componentNames) {
            const declaration = findClass(analyzer.program, root, name);
            const ctor = declaration.members.find(ts.isConstructorDeclaration)!;
            const argsParam = ctor.parameters.find((p) => p.name.getText() === "args")!;
            const expected = checker
                .getTypeAtLocation(argsParam.type!)
                .getProperties()
                .map((p) => p.getName())
                .sort();
            assert.deepStrictEqual(Object.keys(inferred.components[name].inputs).sort(), expected, name);
        }
    });

    it("gives each component the type token the provider host can construct (cloudrun-lb:index:<Class>)", () => {
        for (const name of componentNames) {
            const ctor = findClass(analyzer.program, root, name).members.find(ts.isConstructorDeclaration)!;
            const superCall = ctor
                .body!.statements.filter(ts.isExpressionStatement)
                .map((s) => s.expression)
                .find(
                    (e): e is ts.CallExpression =>
                        ts.isCallExpression(e) && e.expression.kind === ts.SyntaxKind.SuperKeyword,
                );
            assert.ok(superCall, `${name}'s constructor has no super() call`);
            assert.strictEqual(superCall.arguments[0].getText(), `"${PACKAGE_NAME}:index:${name}"`, name);
        }
    });

    it("generates a schema other languages can use: enums, maps of named types, descriptions", () => {
        assert.ok(inferred, "the Analyzer did not run");
        const schema = generateSchema(
            PACKAGE_NAME,
            "0.1.0",
            "",
            inferred.components,
            inferred.typeDefinitions,
            inferred.dependencies,
        );
        const lb = schema.resources[`${PACKAGE_NAME}:index:ApplicationLoadBalancer`];
        assert.ok(lb.isComponent);
        assert.ok(lb.requiredInputs.includes("scheme") && lb.requiredInputs.includes("backends"));
        assert.deepStrictEqual(lb.inputProperties.scheme.$ref, `#/types/${PACKAGE_NAME}:index:Scheme`);
        assert.deepStrictEqual(lb.inputProperties.backends, {
            type: "object",
            additionalProperties: { $ref: `#/types/${PACKAGE_NAME}:index:BackendArgs`, plain: true },
            plain: true,
            description: inferred.components.ApplicationLoadBalancer.inputs.backends.description,
        });
        const scheme = schema.types[`${PACKAGE_NAME}:index:Scheme`];
        assert.deepStrictEqual(scheme.enum.map((e: { value: string }) => e.value).sort(), [
            "classic",
            "cross-region-internal",
            "global-external",
            "regional-external",
            "regional-internal",
        ]);
        // TSDoc becomes the description in every generated SDK.
        assert.match(lb.inputProperties.scheme.description, /Which Application Load Balancer/);
        assert.deepStrictEqual(schema.dependencies, [
            { name: "gcp", version: require(require.resolve("@pulumi/gcp/package.json", { paths: [root] })).version },
        ]);
    });
});

function findClass(program: ts.Program, root: string, name: string): ts.ClassDeclaration {
    for (const file of program.getSourceFiles()) {
        if (!file.fileName.startsWith(path.join(root, "components"))) {
            continue;
        }
        const found = file.statements.find(
            (s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === name,
        );
        if (found) {
            return found;
        }
    }
    throw new Error(`class ${name} not found in components/`);
}
