/**
 * Runs a user's TypeScript stack program without ts-node: a `require` hook that transpiles each `.ts` file with
 * `ts.transpileModule` (no type-check, as `pulumi up` with `noCheck`), with the compiler `pulumi up` itself would
 * use: the program's own `typescript`, else the TypeScript 3.8.3 vendored in `@pulumi/pulumi`. Source maps are
 * inlined so stack frames point at the program's `.ts` lines.
 */
import * as fs from "fs";
import * as path from "path";
import type * as TypeScript from "typescript";

type TypeScriptModule = typeof TypeScript;

/** The compiler used and where it came from, for messages. */
export interface TypeScriptHook {
    version: string;
    /** `program` when the program's own typescript is used, `@pulumi/pulumi` for the one Pulumi vendors. */
    source: "program" | "@pulumi/pulumi" | "already registered";
}

const EXTENSIONS = [".ts", ".cts", ".tsx"];

/**
 * The compiler `pulumi up` would use: the program's own `typescript` when it has the JS compiler API (TypeScript 7's
 * native compiler has none), else the TypeScript 3.8.3 that `@pulumi/pulumi` vendors for projects without one.
 */
function loadTypeScript(programDir: string): { ts: TypeScriptModule; source: TypeScriptHook["source"] } {
    try {
        const candidate = require(require.resolve("typescript", { paths: [programDir] })) as TypeScriptModule;
        if (typeof candidate.transpileModule === "function") {
            return { ts: candidate, source: "program" };
        }
    } catch {
        // No typescript next to the program: use the one Pulumi vendors.
    }
    const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [programDir, __dirname] }));
    const vendored = path.join(pulumiDir, "vendor", "typescript@3.8.3", "typescript.js");
    return { ts: require(vendored) as TypeScriptModule, source: "@pulumi/pulumi" };
}

/** A path relative to the working directory when it is under it, else absolute. */
function shortPath(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative.startsWith("..") ? file : relative;
}

/** The program's compiler options (its tsconfig, `extends` followed), forced to CommonJS output. */
function compilerOptions(
    ts: TypeScriptModule,
    source: TypeScriptHook["source"],
    programDir: string,
    tsconfig: string | undefined,
) {
    const file = path.resolve(programDir, tsconfig ?? "tsconfig.json");
    let options: TypeScript.CompilerOptions = { target: ts.ScriptTarget.ES2020, esModuleInterop: true };
    if (fs.existsSync(file)) {
        const parsed = ts.getParsedCommandLineOfConfigFile(
            file,
            {},
            {
                ...ts.sys,
                onUnRecoverableConfigFileDiagnostic: (d) => {
                    throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
                },
            },
        );
        // ts-node (what `pulumi up` runs TypeScript with) refuses a tsconfig with errors, even transpiling only;
        // it ignores the same three codes (no inputs found, …) that are harmless for one file at a time.
        const errors = (parsed?.errors ?? []).filter(
            (d) => d.category === ts.DiagnosticCategory.Error && ![6059, 18002, 18003].includes(d.code),
        );
        if (errors.length > 0) {
            throw new Error(
                `${shortPath(file)} cannot be read with TypeScript ${ts.version}` +
                    (source === "@pulumi/pulumi"
                        ? ", which @pulumi/pulumi vendors for projects without typescript"
                        : ` (the project's)`) +
                    `; \`pulumi up\` would fail the same way:\n` +
                    errors.map((d) => `  ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`).join("\n") +
                    (source === "@pulumi/pulumi"
                        ? "\nFix: add TypeScript 5 to the project: npm install -D typescript@5"
                        : ""),
            );
        }
        if (parsed) {
            options = { ...options, ...parsed.options };
        }
    }
    // moduleResolution node16/nodenext/bundler conflicts with CommonJS output; the hook resolves nothing anyway.
    delete options.moduleResolution;
    return {
        ...options,
        module: ts.ModuleKind.CommonJS,
        // Options that conflict with CommonJS output of one file at a time.
        verbatimModuleSyntax: false,
        allowImportingTsExtensions: false,
        composite: false,
        incremental: false,
        emitDeclarationOnly: false,
        declarationMap: false,
        noEmit: false,
        declaration: false,
        sourceMap: false,
        inlineSourceMap: true,
        inlineSources: true,
    };
}

/**
 * Registers the hook for `.ts` files (once per process). Does nothing when another loader (ts-node, tsx) already
 * handles `.ts`, as in this repository's `npm run plan`.
 */
export function registerTypeScript(programDir: string, tsconfig?: string): TypeScriptHook {
    const extensions = require.extensions as Record<string, (module: NodeModule, filename: string) => void>;
    if (extensions[".ts"]) {
        return { version: "", source: "already registered" };
    }
    const { ts, source } = loadTypeScript(programDir);
    const options = compilerOptions(ts, source, programDir, tsconfig);
    process.setSourceMapsEnabled(true);
    for (const extension of EXTENSIONS) {
        extensions[extension] = (module, filename) => {
            const output = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
                fileName: filename,
                compilerOptions: options,
                reportDiagnostics: true,
            });
            const errors = (output.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
            if (errors.length > 0) {
                throw new Error(
                    errors
                        .map((d) => {
                            const where =
                                d.file && d.start !== undefined
                                    ? d.file.getLineAndCharacterOfPosition(d.start)
                                    : undefined;
                            const at = where ? `${filename}:${where.line + 1}:${where.character + 1}` : filename;
                            return `${at}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
                        })
                        .join("\n") +
                        (source === "@pulumi/pulumi"
                            ? `\n(read with TypeScript ${ts.version}, which @pulumi/pulumi vendors for projects without typescript — ` +
                              "as `pulumi up` would; for newer syntax add it to the project: npm install -D typescript@5)"
                            : ""),
                );
            }
            (module as unknown as { _compile(code: string, file: string): void })._compile(output.outputText, filename);
        };
    }
    return { version: ts.version, source };
}
