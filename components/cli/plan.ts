/**
 * The offline plan: runs a stack program under Pulumi mocks and prints what `pulumi up` would create.
 *
 *   cloudrun-lb plan [program-dir] [--stack NAME] [--config key=value]... [--json] [--request "GET https://host/path" [--header k:v]...]
 *   npm run plan -- ...   (in this repository: the same code, through ts-node on the sources)
 *
 * No Pulumi CLI and no GCP credentials are needed. With no program, the root Pulumi.yaml's program is
 * planned. A program that fails validation exits non-zero and lists every problem.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse as parseYaml } from "yaml";
import { ConfigurationError, formatProblems, Problem, runRules } from "../validation";
import { programRules } from "../rules/iap";
import { startRecordingRoutings } from "../routing";
import { installMocks, leakedOutputs, RecordedResource, settleOrStall } from "../testing/mocks";
import { registerTypeScript } from "./typescript";
import {
    formatRequests,
    formatRoutes,
    formatUrlMapUsage,
    parseRequest,
    planDiagram,
    planRoutes,
    RoutedRequest,
    routeRequest,
    UrlMapUsage,
    urlMapUsage,
} from "./plan-routing";
import type { RouteRow } from "../routing";

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
    /** `--client-cert none|invalid|valid|spiffe://…`: the client certificate the request presents. */
    clientCertificate?: string;
    /** `--source-ip 10.130.0.5`: the address the load balancer sees the request from (authorization). */
    sourceIp?: string;
    /** `--status 404`: the error status the backend answers the request with, to show the custom error page. */
    status?: number;
    /** Answers for data-source calls the mocks cannot give, by token (`--invoke-result token=file.json`). */
    invokeResults?: Record<string, Record<string, unknown>>;
}

export interface PlanError {
    message: string;
    /** Where in the program it was thrown (`file:line:column`, relative to the working directory). */
    at?: string;
    /** The individual problems of a validation failure. */
    problems?: Problem[];
}

/** The `--json` document; its shape is a contract other tools read (DESIGN.md §The offline plan). */
export interface PlanResult {
    program: string;
    /** `import`: the id of the live resource the program adopts (the `import` resource option), when set. */
    resources: Array<Pick<RecordedResource, "type" | "name" | "parent" | "inputs"> & { import?: string }>;
    outputs: Record<string, unknown>;
    warnings: string[];
    errors: PlanError[];
    /** Every load balancer's routes, in evaluation order, each ending with its default. */
    routes: RouteRow[];
    /** Mermaid flowchart: forwarding rule → proxy → URL map → backend services → NEGs → Cloud Run. */
    diagram: string;
    /** Set when the diagram draws one box per kind (too many resources to draw each): what it left out. */
    diagramCollapsed?: string;
    /** Each compiled URL map's estimated size and host rules against GCP's limits for its scheme. */
    urlMaps?: UrlMapUsage[];
    /** How `--request` is routed by each load balancer. */
    request?: RoutedRequest[];
}

/** Program paths and the JSON `program` field are relative to the directory the plan runs in. */
const ROOT = process.cwd();

interface ConfigDeclaration {
    default?: unknown;
    value?: unknown;
    secret?: boolean;
    type?: string;
}

interface ProjectFile {
    name: string;
    main?: string;
    runtime?: string | { name: string; options?: { typescript?: boolean; tsconfig?: string } };
    config?: Record<string, ConfigDeclaration | unknown>;
}

/** The program directory given to the plan is not one: a wrong command line (exit code 2), not a plan error. */
export class ProgramNotFoundError extends Error {}

function readProject(dir: string): ProjectFile {
    const file = path.join(dir, "Pulumi.yaml");
    if (!fs.existsSync(dir)) {
        throw new ProgramNotFoundError(`${path.relative(ROOT, dir) || dir} does not exist`);
    }
    if (!fs.statSync(dir).isDirectory()) {
        throw new ProgramNotFoundError(
            `${path.relative(ROOT, dir)} is a file; give the directory of a stack program, the one with its Pulumi.yaml`,
        );
    }
    if (!fs.existsSync(file)) {
        throw new ProgramNotFoundError(
            `${path.relative(ROOT, dir) || "."} has no Pulumi.yaml; give the directory of a stack program (cloudrun-lb plan <dir>)`,
        );
    }
    return parseYaml(fs.readFileSync(file, "utf8")) as ProjectFile;
}

/** The program to plan: its directory, entry file, project file and the directory holding Pulumi.yaml. */
export interface ResolvedProgram {
    dir: string;
    entry: string;
    project: ProjectFile;
    projectDir: string;
}

function entryFile(target: string): string {
    if (!fs.existsSync(target)) {
        throw new Error(`the program's main ${target} does not exist`);
    }
    if (!fs.statSync(target).isDirectory()) {
        return target;
    }
    const found = ["index.ts", "index.js"].map((f) => path.join(target, f)).find((f) => fs.existsSync(f));
    if (!found) {
        throw new Error(`${target} has no index.ts or index.js; set main in Pulumi.yaml`);
    }
    return found;
}

/** The program directory and its entry file for a plan argument (default: the root Pulumi.yaml's main). */
export function resolveProgram(program: string | undefined): ResolvedProgram {
    const projectDir = path.resolve(ROOT, program ?? ".");
    const project = readProject(projectDir);
    const entry = entryFile(path.resolve(projectDir, project.main ?? "."));
    const entryDir = path.dirname(entry);
    if (entryDir !== projectDir && fs.existsSync(path.join(entryDir, "Pulumi.yaml"))) {
        return { dir: entryDir, entry, project: readProject(entryDir), projectDir: entryDir };
    }
    return { dir: entryDir, entry, project, projectDir };
}

/** A stack config value as the Pulumi engine passes it: strings as they are, everything else as JSON. */
function configString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Config for the program: Pulumi.yaml defaults and values, then Pulumi.<stack>.yaml, then `--config`; which keys
 * are secret. Encrypted values (`secure:`) cannot be read offline: they are left out, with a warning.
 */
function programConfig(resolved: ResolvedProgram, stack: string, overrides: Record<string, string>) {
    const { project, projectDir } = resolved;
    const values: Record<string, string> = {};
    const secretKeys: string[] = [];
    const warnings: string[] = [];
    const qualify = (key: string) => (key.includes(":") ? key : `${project.name}:${key}`);
    for (const [key, spec] of Object.entries(project.config ?? {})) {
        const declared: ConfigDeclaration =
            spec && typeof spec === "object" && !Array.isArray(spec) ? (spec as ConfigDeclaration) : { value: spec };
        const value = declared.value ?? declared.default;
        if (value !== undefined) {
            values[qualify(key)] = configString(value);
        }
        if (declared.secret) {
            secretKeys.push(qualify(key));
        }
    }
    const stackFile = path.join(projectDir, `Pulumi.${stack}.yaml`);
    if (fs.existsSync(stackFile)) {
        const stackConfig = (parseYaml(fs.readFileSync(stackFile, "utf8")) ?? {}).config ?? {};
        for (const [key, value] of Object.entries(stackConfig as Record<string, unknown>)) {
            if (value && typeof value === "object" && "secure" in (value as object)) {
                secretKeys.push(qualify(key));
                if (!Object.keys(overrides).some((given) => qualify(given) === qualify(key))) {
                    warnings.push(
                        `config ${qualify(key)} is encrypted in Pulumi.${stack}.yaml and cannot be read offline; ` +
                            `the plan runs without it (give a value with --config ${key}=...)`,
                    );
                }
                continue;
            }
            values[qualify(key)] = configString(value);
        }
    }
    for (const [key, value] of Object.entries(overrides)) {
        values[qualify(key)] = value;
    }
    return { values, secretKeys, warnings };
}

/** The value of an output, or why it has none: rejected (its error) or never resolved. */
type Settled = { value: unknown } | { error: unknown } | { pending: true };

/** Waits for an output; one that is still pending after every registration settled is reported, not awaited. */
async function settleOutput(value: unknown): Promise<Settled> {
    const output: pulumi.Output<unknown> = pulumi.output(value as any);
    const result: Promise<Settled> = (output as any).promise().then(
        (v: unknown) => ({ value: v }),
        (error: unknown) => ({ error }),
    );
    await settleOrStall();
    let timer: NodeJS.Timeout | undefined;
    const pending = new Promise<Settled>((resolve) => {
        timer = setTimeout(() => resolve({ pending: true }), 100);
    });
    const settled = await Promise.race([result, pending]);
    clearTimeout(timer);
    return settled;
}

async function resolveOutputs(
    exports: Record<string, unknown>,
    addError: (error: PlanError) => void,
    programDir: string,
): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(exports)) {
        if (key === "__esModule" || key === "default" || typeof value === "function") {
            continue;
        }
        const settled = await settleOutput(value);
        if ("error" in settled) {
            addError(asPlanError(settled.error, programDir, `stack output ${key}`));
        } else if ("pending" in settled) {
            addError({ message: `stack output ${key} never resolved (it waits for a value nothing provides)` });
        } else {
            result[key] = await stackOutputValue(value, []);
        }
    }
    return result;
}

/**
 * A stack output as `pulumi up` stores and prints it: Pulumi's Stack turns every exported value into plain data,
 * and an exported resource (a component such as `ApplicationLoadBalancer` included) into an object of its own
 * properties (`urn`, `id` for a cloud resource, and each public output), nested resources alike, one already
 * being expanded shown as its URN (@pulumi/pulumi runtime/stack.ts, `massage`). Secrets print as "[secret]".
 */
async function stackOutputValue(value: unknown, expanding: object[]): Promise<unknown> {
    if (value === null || value === undefined || typeof value !== "object") {
        return typeof value === "function" ? {} : value;
    }
    if (value instanceof Promise) {
        return stackOutputValue(await value, expanding);
    }
    if (pulumi.Output.isInstance(value)) {
        if (await (value as any).isSecret) return "[secret]";
        const known = await (value as any).isKnown;
        return known ? stackOutputValue(await (value as any).promise(), expanding) : undefined;
    }
    if (expanding.includes(value)) {
        return pulumi.Resource.isInstance(value) ? stackOutputValue(value.urn, expanding) : undefined;
    }
    expanding.push(value);
    try {
        if (Array.isArray(value)) {
            const items: unknown[] = [];
            for (const item of value) items.push(await stackOutputValue(item, expanding));
            return items;
        }
        const plain: Record<string, unknown> = {};
        const internal = pulumi.Resource.isInstance(value);
        for (const [key, field] of Object.entries(value)) {
            if (internal && key.startsWith("__")) continue;
            const shown = await stackOutputValue(field, expanding);
            if (shown !== undefined) plain[key] = shown;
        }
        return plain;
    } finally {
        expanding.pop();
    }
}

/** The first stack frame in the user's program (not in node_modules, not in this package). */
export function programFrame(error: unknown, programDir: string): string | undefined {
    const stack = error instanceof Error ? (error.stack ?? "") : "";
    for (const line of stack.split("\n").slice(1)) {
        const m = /\(?((?:file:\/\/)?\/[^()]+?):(\d+):(\d+)\)?\s*$/.exec(line.trim());
        if (!m) continue;
        const file = m[1].replace(/^file:\/\//, "");
        if (file.startsWith(programDir + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`)) {
            return `${path.relative(ROOT, file) || file}:${m[2]}:${m[3]}`;
        }
    }
    return undefined;
}

function asPlanError(error: unknown, programDir?: string, context?: string): PlanError {
    if (ConfigurationError.isInstance(error)) {
        return { message: error.message, problems: [...error.problems] };
    }
    const text = error instanceof Error ? error.message || error.name : String(error);
    const message = text.trim() === "" ? `${error instanceof Error ? error.name : typeof error} with no message` : text;
    const frame = programDir ? programFrame(error, programDir) : undefined;
    return { message: `${context ? `${context}: ` : ""}${message}`, ...(frame ? { at: frame } : {}) };
}

/** Runs the program under mocks and returns what it would create. Never throws for program errors. */
export async function plan(options: PlanOptions = {}): Promise<PlanResult> {
    const resolved = resolveProgram(options.program);
    const { entry, project, dir } = resolved;
    const stack = options.stack ?? "dev";
    startRecordingRoutings();
    const { values, secretKeys, warnings: configWarnings } = programConfig(resolved, stack, options.config ?? {});
    const recorder = installMocks({
        pulumiProject: project.name,
        stack,
        project: values["gcp:project"],
        region: values["gcp:region"],
        zone: values["gcp:zone"],
        invokeResults: options.invokeResults,
    });
    (pulumi.runtime as any).setAllConfig(values, secretKeys);

    const warnings: string[] = [...configWarnings];
    const errors: PlanError[] = [];
    const addError = (error: PlanError) => {
        // Pulumi prefixes an input's rejection with the property path it was serializing; the cause is the rest.
        let message = error.message.replace(/(error serializing property "[^"]*":\s*)+/g, "") || error.message;
        const missing = /^Missing required configuration variable '([^']+)'/.exec(message);
        if (missing) {
            message += `\n\toffline: cloudrun-lb plan --config ${missing[1]}=<value>, or set it in Pulumi.${stack}.yaml`;
        }
        if (!errors.some((e) => e.message === message)) errors.push({ ...error, message });
    };
    const logModule = require("@pulumi/pulumi/log");
    const originalWarn = logModule.warn;
    const originalError = logModule.error;
    logModule.warn = (message: string) => {
        warnings.push(message);
        return Promise.resolve();
    };
    logModule.error = (message: string) => {
        addError({ message: String(message) });
        return Promise.resolve();
    };
    const onRejection = (reason: unknown) => addError(asPlanError(reason, dir));
    process.on("unhandledRejection", onRejection);
    process.on("uncaughtException", onRejection);

    let outputs: Record<string, unknown> = {};
    // Pulumi runs a program in its project directory (the language host's --pwd), so a program that reads
    // `fs.readFileSync("catalog.yaml")` finds the file next to Pulumi.yaml; so does the plan, from anywhere.
    const callerDir = process.cwd();
    try {
        const runtime = typeof project.runtime === "object" ? project.runtime.options : undefined;
        if (runtime?.typescript !== false) {
            registerTypeScript(dir, runtime?.tsconfig);
        }
        process.chdir(resolved.projectDir);
        // A fresh evaluation each time: the plan may run the same program twice in one process (tests).
        delete require.cache[require.resolve(entry)];
        const exports = await import(entry);
        await settleOrStall();
        outputs = await resolveOutputs(exports, addError, dir);
    } catch (error) {
        addError(asPlanError(error, dir));
    } finally {
        try {
            await settleOrStall();
        } catch (error) {
            addError(asPlanError(error, dir));
        }
        // Node reports unhandled rejections between macrotasks; let it, before the handler goes.
        await new Promise((resolve) => setImmediate(resolve));
        const failedCalls = recorder.calls.filter((c) => c.error);
        if (failedCalls.length > 0) {
            // Pulumi re-reports a failed call where its value was used, with the cause's text cut off.
            const echoes = /error serializing property "[^"]*":\s*$/;
            errors.splice(0, errors.length, ...errors.filter((e) => !echoes.test(e.message)));
        }
        for (const call of failedCalls) {
            // Once per call: an error where its value was used (a stack output's) already says it, and where.
            const saidWhere = errors.some((e) => e.message !== call.error && e.message.includes(call.error!));
            if (saidWhere) {
                errors.splice(0, errors.length, ...errors.filter((e) => e.message !== call.error));
            } else {
                addError({ message: call.error! });
            }
        }
        const leaked = leakedOutputs();
        if (leaked.length > 0) {
            addError({
                message: `values that never resolved (each waits for something that failed or was never created):\n${leaked.map((l) => `  ${l}`).join("\n")}`,
            });
        }
        process.chdir(callerDir);
        process.off("unhandledRejection", onRejection);
        process.off("uncaughtException", onRejection);
        logModule.warn = originalWarn;
        logModule.error = originalError;
    }

    const resources = recorder.resources
        .filter((r) => !r.type.startsWith("pulumi:providers:"))
        .sort((a, b) => compareKeys(resourceKey(a), resourceKey(b)))
        .map(({ type, name, parent, inputs, options }) => ({
            type,
            name,
            parent,
            inputs,
            ...(options.import !== undefined ? { import: options.import } : {}),
        }));
    // Rules that need the whole program: what one component sees is not enough to decide them.
    const programProblems = runRules(programRules, { resources });
    if (programProblems.length > 0) {
        errors.push({ message: formatProblems(`Program ${project.name}`, programProblems), problems: programProblems });
    }
    const diagram = planDiagram(resources);
    const result: PlanResult = {
        program: path.relative(ROOT, dir) || ".",
        resources,
        outputs,
        warnings,
        errors,
        routes: planRoutes(),
        diagram: diagram.mermaid,
        ...(diagram.collapsed ? { diagramCollapsed: diagram.collapsed } : {}),
        urlMaps: urlMapUsage(),
    };
    if (options.request !== undefined) {
        result.request = routeRequest(
            parseRequest(options.request, options.headers ?? [], options.clientCertificate, options.sourceIp),
            resources,
            options.status,
        );
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
    const imported = cloud.filter((r) => r.import !== undefined).length;
    lines.push(
        imported > 0
            ? `Resources: ${cloud.length - imported} to create, ${imported} to import (=)`
            : `Resources: ${cloud.length} to create`,
    );
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
            lines.push(`${indent}${r.import !== undefined ? "=" : "+"} ${r.type}  ${r.name}`);
            if (r.import !== undefined) lines.push(`${indent}    (import ${r.import})`);
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
        // An exported resource (an object with its URN) as `pulumi up` prints it: one property a line.
        if (value && typeof value === "object" && !Array.isArray(value) && "urn" in value) {
            lines.push(`  ${name}:`);
            for (const [field, shown] of Object.entries(value)) lines.push(`    ${field}: ${formatValue(shown, 150)}`);
        } else {
            lines.push(`  ${name}: ${formatValue(value, 160)}`);
        }
    }
    if (Object.keys(result.outputs).length === 0) {
        lines.push("  (none)");
    }
    lines.push("");
    const routed = new Set((result.routes ?? []).map((r) => r.loadBalancer));
    const notCompiled = result.resources
        .filter((r) => r.type === "cloudrun-lb:index:ApplicationLoadBalancer" && !routed.has(r.name))
        .map((r) => r.name);
    lines.push(...formatRoutes(result.routes ?? [], result.errors.length > 0 ? notCompiled : []));
    const usage = formatUrlMapUsage(result.urlMaps ?? []);
    if (usage.length > 0) lines.push("", ...usage);
    if (result.request) {
        lines.push("");
        lines.push(...formatRequests(result.request));
    }
    lines.push("");
    lines.push(
        result.diagramCollapsed ? `Diagram (Mermaid, collapsed: ${result.diagramCollapsed}):` : "Diagram (Mermaid):",
    );
    lines.push("```mermaid", result.diagram ?? "", "```");
    lines.push("");
    lines.push(result.warnings.length === 0 ? "Warnings: none" : "Warnings:");
    result.warnings.forEach((w) => lines.push(`  - ${w}`));
    if (result.errors.length > 0) {
        lines.push("");
        lines.push("Errors:");
        result.errors.forEach((e) => {
            lines.push(...e.message.split("\n").map((l) => `  ${l}`));
            if (e.at) lines.push(`      at ${e.at}`);
        });
    }
    return lines.join("\n");
}
