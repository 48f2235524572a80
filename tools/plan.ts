/**
 * The offline plan: runs a stack program under Pulumi mocks and prints what `pulumi up` would create.
 *
 *   npm run plan -- [programs/<pattern>] [--config key=value]... [--json] [--request "GET https://host/path" [--header k:v]... [--status 404]]
 *
 * No Pulumi CLI and no GCP credentials are needed. With no program, the root Pulumi.yaml's program is
 * planned. A program that fails validation exits non-zero and lists every problem.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse as parseYaml } from "yaml";
import { ConfigurationError, formatProblems, Problem, runRules } from "../components/validation";
import { programRules } from "../components/rules/iap";
import { clearRecordedRoutings } from "../components/routing";
import { installMocks, RecordedResource, settle } from "./mocks";
import {
    formatRequests,
    formatRoutes,
    mermaidDiagram,
    parseRequest,
    planRoutes,
    RoutedRequest,
    routeRequest,
} from "./plan-routing";
import type { RouteRow } from "../components/routing";

export interface PlanOptions {
    /** Program directory, relative to the repository root or absolute. */
    program?: string;
    /** Stack config as `key=value` (namespaced to the project unless the key has a colon). */
    config?: Record<string, string>;
    stack?: string;
    /** `--request "GET https://host/path"`: show how the request is routed. */
    request?: string;
    /** `--header name:value` for the request. */
    headers?: string[];
    /** `--status 404`: the error status the backend answers the request with, to show the custom error page. */
    status?: number;
}

export interface PlanError {
    message: string;
    /** The individual problems of a validation failure. */
    problems?: Problem[];
}

/** The `--json` document; its shape is a contract other tools read (DESIGN.md §The offline plan). */
export interface PlanResult {
    program: string;
    resources: Array<Pick<RecordedResource, "type" | "name" | "parent" | "inputs">>;
    outputs: Record<string, unknown>;
    warnings: string[];
    errors: PlanError[];
    /** Every load balancer's routes, in evaluation order, each ending with its default. */
    routes: RouteRow[];
    /** Mermaid flowchart: forwarding rule → proxy → URL map → backend services → NEGs → Cloud Run. */
    diagram: string;
    /** How `--request` is routed by each load balancer. */
    request?: RoutedRequest[];
}

const ROOT = path.resolve(__dirname, "..");

interface ProjectFile {
    name: string;
    main?: string;
    config?: Record<string, { default?: unknown; secret?: boolean; type?: string } | unknown>;
}

function readProject(dir: string): ProjectFile {
    const file = path.join(dir, "Pulumi.yaml");
    if (!fs.existsSync(file)) {
        throw new Error(`${path.relative(ROOT, dir) || "."} has no Pulumi.yaml`);
    }
    return parseYaml(fs.readFileSync(file, "utf8")) as ProjectFile;
}

/** The program directory and its entry file for a plan argument (default: the root Pulumi.yaml's main). */
export function resolveProgram(program: string | undefined): { dir: string; entry: string; project: ProjectFile } {
    const dir = path.resolve(ROOT, program ?? ".");
    const project = readProject(dir);
    const entryDir = path.resolve(dir, project.main ?? ".");
    const entry = fs.statSync(entryDir).isDirectory() ? path.join(entryDir, "index.ts") : entryDir;
    const entryProject = fs.existsSync(path.join(path.dirname(entry), "Pulumi.yaml"))
        ? readProject(path.dirname(entry))
        : project;
    return { dir: path.dirname(entry), entry, project: entryProject };
}

/** Config for the program: Pulumi.yaml defaults, then `--config` values; which keys are secret. */
function programConfig(project: ProjectFile, overrides: Record<string, string>) {
    const values: Record<string, string> = {};
    const secretKeys: string[] = [];
    const qualify = (key: string) => (key.includes(":") ? key : `${project.name}:${key}`);
    for (const [key, spec] of Object.entries(project.config ?? {})) {
        const declared =
            spec && typeof spec === "object" ? (spec as { default?: unknown; secret?: boolean }) : { default: spec };
        if (declared.default !== undefined) {
            values[qualify(key)] =
                typeof declared.default === "string" ? declared.default : JSON.stringify(declared.default);
        }
        if (declared.secret) {
            secretKeys.push(qualify(key));
        }
    }
    for (const [key, value] of Object.entries(overrides)) {
        values[qualify(key)] = value;
    }
    return { values, secretKeys };
}

async function resolveOutputs(exports: Record<string, unknown>): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(exports)) {
        if (key === "__esModule" || typeof value === "function") {
            continue;
        }
        const output: pulumi.Output<unknown> = pulumi.output(value as any);
        const secret = await (output as any).isSecret;
        result[key] = secret ? "[secret]" : await new Promise((resolve) => output.apply((v) => resolve(v)));
    }
    return result;
}

function asPlanError(error: unknown): PlanError {
    if (ConfigurationError.isInstance(error)) {
        return { message: error.message, problems: [...error.problems] };
    }
    return { message: error instanceof Error ? error.message : String(error) };
}

/** Runs the program under mocks and returns what it would create. Never throws for program errors. */
export async function plan(options: PlanOptions = {}): Promise<PlanResult> {
    const { entry, project, dir } = resolveProgram(options.program);
    clearRecordedRoutings();
    const recorder = installMocks({ project: project.name, stack: options.stack ?? "dev" });
    const { values, secretKeys } = programConfig(project, options.config ?? {});
    (pulumi.runtime as any).setAllConfig(values, secretKeys);

    const warnings: string[] = [];
    const errors: PlanError[] = [];
    const logModule = require("@pulumi/pulumi/log");
    const originalWarn = logModule.warn;
    logModule.warn = (message: string) => {
        warnings.push(message);
        return Promise.resolve();
    };
    const onRejection = (reason: unknown) => errors.push(asPlanError(reason));
    process.on("unhandledRejection", onRejection);

    let outputs: Record<string, unknown> = {};
    try {
        // A fresh evaluation each time: the plan may run the same program twice in one process (tests).
        delete require.cache[require.resolve(entry)];
        const exports = await import(entry);
        await settle();
        outputs = await resolveOutputs(exports);
    } catch (error) {
        errors.push(asPlanError(error));
    } finally {
        try {
            await settle();
        } catch (error) {
            errors.push(asPlanError(error));
        }
        process.off("unhandledRejection", onRejection);
        logModule.warn = originalWarn;
    }

    const resources = recorder.resources
        .filter((r) => !r.type.startsWith("pulumi:providers:"))
        .sort((a, b) => compareKeys(resourceKey(a), resourceKey(b)))
        .map(({ type, name, parent, inputs }) => ({ type, name, parent, inputs }));
    // Rules that need the whole program: what one component sees is not enough to decide them.
    const programProblems = runRules(programRules, { resources });
    if (programProblems.length > 0) {
        errors.push({ message: formatProblems(`Program ${project.name}`, programProblems), problems: programProblems });
    }
    const result: PlanResult = {
        program: path.relative(ROOT, dir) || ".",
        resources,
        outputs,
        warnings,
        errors,
        routes: planRoutes(),
        diagram: mermaidDiagram(resources),
    };
    if (options.request !== undefined) {
        result.request = routeRequest(parseRequest(options.request, options.headers ?? []), resources, options.status);
    }
    return result;
}

/** Registration order can vary with promise timing; parent, type and name give one stable order. */
function resourceKey(r: RecordedResource): string {
    return `${r.parent ?? ""}|${r.type}|${r.name}`;
}

function compareKeys(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function formatValue(value: unknown, width: number): string {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** The human-readable plan: the resource tree with key inputs, outputs, warnings and errors. */
export function formatPlan(result: PlanResult): string {
    const lines: string[] = [];
    const cloud = result.resources.filter((r) => r.type.startsWith("gcp:") || r.type.startsWith("tls:"));
    lines.push(`Plan for ${result.program} — offline, under Pulumi mocks (nothing is created)`);
    lines.push("");
    lines.push(`Resources: ${cloud.length} to create`);
    const key = (r: { type: string; name: string }) => `${r.type}::${r.name}`;
    const children = new Map<string | undefined, typeof result.resources>();
    for (const r of result.resources) {
        const list = children.get(r.parent) ?? [];
        list.push(r);
        children.set(r.parent, list);
    }
    const walk = (parent: string | undefined, depth: number) => {
        for (const r of children.get(parent) ?? []) {
            const indent = "  ".repeat(depth + 1);
            lines.push(`${indent}+ ${r.type}  ${r.name}`);
            for (const [field, value] of Object.entries(r.inputs).sort(([a], [b]) => (a < b ? -1 : 1))) {
                lines.push(`${indent}    ${field}: ${formatValue(value, 110)}`);
            }
            walk(key(r), depth + 1);
        }
    };
    const roots = result.resources.filter((r) => r.type === "pulumi:pulumi:Stack");
    if (roots.length > 0) {
        walk(key(roots[0]), -1);
    } else {
        walk(undefined, 0);
    }
    lines.push("");
    lines.push("Outputs:");
    for (const [name, value] of Object.entries(result.outputs)) {
        lines.push(`  ${name}: ${formatValue(value, 160)}`);
    }
    if (Object.keys(result.outputs).length === 0) {
        lines.push("  (none)");
    }
    lines.push("");
    lines.push(...formatRoutes(result.routes ?? []));
    if (result.request) {
        lines.push("");
        lines.push(...formatRequests(result.request));
    }
    lines.push("");
    lines.push("Diagram (Mermaid):");
    lines.push("```mermaid", result.diagram ?? "", "```");
    lines.push("");
    lines.push(result.warnings.length === 0 ? "Warnings: none" : "Warnings:");
    result.warnings.forEach((w) => lines.push(`  - ${w}`));
    if (result.errors.length > 0) {
        lines.push("");
        lines.push("Errors:");
        result.errors.forEach((e) => lines.push(...e.message.split("\n").map((l) => `  ${l}`)));
    }
    return lines.join("\n");
}

export interface CliArgs extends PlanOptions {
    json: boolean;
}

export function parseCliArgs(argv: string[]): CliArgs {
    const args: CliArgs = { json: false, config: {} };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--json") {
            args.json = true;
        } else if (arg === "--config" || arg === "-c") {
            const pair = argv[++i];
            const eq = pair?.indexOf("=") ?? -1;
            if (!pair || eq <= 0) {
                throw new Error(`--config takes key=value, got ${pair ?? "nothing"}`);
            }
            args.config![pair.slice(0, eq)] = pair.slice(eq + 1);
        } else if (arg === "--request") {
            args.request = argv[++i];
            parseRequest(args.request ?? "", []);
        } else if (arg === "--header" || arg === "-H") {
            (args.headers ??= []).push(argv[++i] ?? "");
            parseRequest("GET http://x/", [argv[i] ?? ""]);
        } else if (arg === "--status") {
            const status = Number(argv[++i]);
            if (!Number.isInteger(status) || status < 400 || status > 599) {
                throw new Error(`--status takes an error status 400–599, got ${argv[i] ?? "nothing"}`);
            }
            args.status = status;
        } else if (arg === "--stack") {
            args.stack = argv[++i];
        } else if (arg.startsWith("-")) {
            throw new Error(
                `unknown option ${arg}; usage: npm run plan -- [programs/<pattern>] [--config key=value]... [--json] [--request "GET https://host/path" [--header k:v]... [--status 404]]`,
            );
        } else {
            args.program = arg;
        }
    }
    return args;
}

async function main(): Promise<void> {
    let cli: CliArgs;
    try {
        cli = parseCliArgs(process.argv.slice(2));
    } catch (error) {
        console.error((error as Error).message);
        process.exit(2);
    }
    const result = await plan(cli);
    const text = cli.json ? JSON.stringify(result, null, 2) : formatPlan(result);
    process.stdout.write(text + "\n", () => process.exit(result.errors.length > 0 ? 1 : 0));
}

if (require.main === module) {
    main().catch((error) => {
        console.error(error instanceof Error ? error.message : String(error));
        process.exit(1);
    });
}
