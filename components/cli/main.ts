#!/usr/bin/env node
/**
 * The `cloudrun-lb` command (package.json `bin`): `plan`, `simulate` and `test`. `npm run plan` in this repository
 * runs `plan` from here too. Exit codes: 0 success; 1 the plan has errors, a URL map test fails, or a simulated
 * request reaches nothing; 2 the command line or an input file is wrong.
 */
import * as fs from "fs";
import * as path from "path";
import { Scheme } from "../schemes";
import { simulateRequest } from "../routing/simulate";
import { formatPlan, plan, PlanOptions, PlanResult, ProgramNotFoundError } from "./plan";
import { parseRequest, RequestSpec } from "./plan-routing";
import { adopt, diff, formatDifferences } from "./adopt";
import { describeResult, LoadedUrlMap, loadUrlMaps, runUrlMapTests, shortReference } from "./url-map-file";

/** Exit codes, as documented in the README. */
export const ExitCode = {
    Ok: 0,
    Failed: 1,
    Usage: 2,
    /** `adopt` wrote the program, but some live resources are not expressible (listed). */
    NotExpressible: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const USAGE = `Usage: cloudrun-lb <command> [options]

Commands:
  plan [program-dir]   run a Pulumi stack program under GCP-shaped mocks and print what it would create
  simulate             route a request through a URL map file (gcloud export YAML/JSON or a plan's --json)
  test                 run a URL map file's own tests
  adopt <exports-dir>  write a stack program that adopts an existing load balancer (gcloud exports)
  diff <exports> <dir> compare a program with the live load balancer in gcloud exports

Run \`cloudrun-lb <command> --help\` for a command's options.
Exit codes: 0 success, 1 plan errors / failing test / request reaches nothing / diff found changes,
2 wrong command line or input file, 3 adopt left live resources out (listed).`;

const HELP: Record<string, string> = {
    plan: `Usage: cloudrun-lb plan [program-dir] [options]

Runs the stack program in program-dir (default: .) under Pulumi mocks — no Pulumi CLI, no GCP credentials —
and prints the resources it would create, its outputs, the routing table, each URL map's size and host rules
against GCP's limits, a diagram, warnings and errors. As under \`pulumi up\`, the program runs in its project
directory (relative file reads work from anywhere) and an exported resource shows as its URN and outputs.
Reads Pulumi.yaml (main, config defaults, runtime.options.tsconfig) and Pulumi.<stack>.yaml when present.
TypeScript programs run without ts-node, with the compiler \`pulumi up\` would use: the project's typescript,
else the TypeScript 3.8.3 that @pulumi/pulumi vendors (add typescript@5 to the project for newer syntax).

Options:
  --stack NAME                  stack whose Pulumi.<stack>.yaml config is read (default: dev)
  -c, --config KEY=VALUE        set a config value (repeatable; KEY without ":" is the project's namespace)
  --json                        print one JSON document: { program, resources, outputs, warnings, errors, routes,
                                diagram, diagramCollapsed?, urlMaps, request? }
  --request "METHOD URL"        show how each load balancer routes the request, e.g. "GET https://example.com/api"
  -H, --header NAME:VALUE       a request header for --request (repeatable)
  --client-cert CERT            the client certificate --request presents: none, invalid, valid or a SPIFFE ID
  --source-ip ADDRESS           the address the load balancer sees --request from (for authorization ipRanges)
  --status CODE                 the error status (400–599) the backend answers --request with: shows the custom error page
  --invoke-result TOKEN=FILE    answer a data-source call the mocks do not know with FILE's JSON object
                                (e.g. gcp:compute/getInstance:getInstance=instance.json; repeatable)
  -h, --help                    this help

TypeScript is transpiled, not type-checked (as \`pulumi up\` with noCheck): \`npx tsc --noEmit -p program-dir\` type-checks.

Exit codes: 0 the plan has no errors; 1 it has errors (listed under "Errors:" / in "errors"); 2 wrong options,
or program-dir does not exist or has no Pulumi.yaml.`,
    simulate: `Usage: cloudrun-lb simulate --url-map FILE --request "METHOD URL" [options]

Routes one request through a URL map as GCP's documented matching does: host rules, path rules (longest match),
route rules (priority order), header and query matches, rewrites, redirects, weighted splits.
FILE is JSON or YAML as \`gcloud compute url-maps export --destination FILE\` writes it, or a
\`cloudrun-lb plan --json\` document (each URL map in it is simulated).

Options:
  --url-map FILE                the URL map (required)
  --request "METHOD URL"        the request, e.g. "GET https://example.com/api/v1" (required)
  -H, --header NAME:VALUE       a request header (repeatable)
  --scheme SCHEME               ${Object.values(Scheme).join(" | ")} (default: from the file; global-external);
                                classic ignores the port in host matching
  --url-mask SERVICE=MASK       the URL mask of a backend service's serverless NEG (repeatable; read from a plan)
  --json                        print the route as JSON
  -h, --help                    this help

Exit codes: 0 the request reaches a backend or a redirect; 1 it reaches nothing; 2 wrong options or file.`,
    adopt: `Usage: cloudrun-lb adopt <exports-dir> --out <program-dir>

Reads what gcloud printed for an existing load balancer's resources (\`gcloud compute <kind> describe NAME
--format=json\`, \`list --format=json\`, \`url-maps export\`, and \`<neg>.endpoints.json\` from
\`network-endpoint-groups list-network-endpoints\`; docs/adopt.md lists the commands), follows the graph from the
forwarding rules down, and writes a stack program (index.ts, Pulumi.yaml, package.json, tsconfig.json, README.md)
that builds the same load balancer with ApplicationLoadBalancer and imports every live resource it stands for
(each child's live name and import id). Live resources it cannot express are listed, never dropped.

Options:
  --out DIR                     where to write the program (required; created if missing)
  --json                        print the result as JSON
  -h, --help                    this help

Exit codes: 0 every live resource is adopted or used by reference; 3 the program is written but some live
resources are not expressible (listed); 1 the written program does not plan; 2 wrong options or exports.`,
    diff: `Usage: cloudrun-lb diff <exports-dir> <program-dir>

Plans the program offline and compares it with the live load balancer in the exports: every adopted resource's
fields (output-only fields and GCP's defaults the program leaves unset are not compared), the routing of the URL
map (every host and path the live map distinguishes must reach the same backend, weights, headers, rewrite and
redirect — the simulator on both maps), resources the program would create, and live ones it would not manage.

Options:
  --json                        print the differences as JSON
  -h, --help                    this help

Exit codes: 0 "no changes"; 1 differences (each with its field, live value and planned value) or plan errors;
2 wrong options or exports.`,
    test: `Usage: cloudrun-lb test --url-map FILE [options]

Runs the URL map's own \`tests\` (host, path, headers → service, expectedOutputUrl, expectedRedirectResponseCode)
through the simulator and prints each with the expected and the actual route.
FILE is as for \`cloudrun-lb simulate\`.

Options:
  --url-map FILE                the URL map (required)
  --scheme SCHEME               as for simulate
  --json                        print the results as JSON
  -h, --help                    this help

Exit codes: 0 every test passes; 1 a test fails or the map has no tests; 2 wrong options or file.`,
};

/** A wrong command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

interface Parsed {
    positional: string[];
    flags: Record<string, string[]>;
    booleans: Set<string>;
}

const ALIASES: Record<string, string> = { "-c": "--config", "-H": "--header", "-h": "--help" };

function parseArgs(argv: string[], valued: string[], booleans: string[]): Parsed {
    const parsed: Parsed = { positional: [], flags: {}, booleans: new Set() };
    for (let i = 0; i < argv.length; i++) {
        let arg = argv[i];
        let inline: string | undefined;
        const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
        if (eq > 0) {
            inline = arg.slice(eq + 1);
            arg = arg.slice(0, eq);
        }
        arg = ALIASES[arg] ?? arg;
        if (booleans.includes(arg)) {
            parsed.booleans.add(arg);
        } else if (valued.includes(arg)) {
            const value = inline ?? argv[++i];
            if (value === undefined) throw new UsageError(`${arg} needs a value`);
            (parsed.flags[arg] ??= []).push(value);
        } else if (arg.startsWith("-") && arg !== "-") {
            throw new UsageError(`unknown option ${arg}`);
        } else {
            parsed.positional.push(arg);
        }
    }
    return parsed;
}

function keyValue(option: string, pair: string): [string, string] {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UsageError(`${option} takes KEY=VALUE, got "${pair}"`);
    return [pair.slice(0, eq), pair.slice(eq + 1)];
}

function one(parsed: Parsed, flag: string, required: boolean): string | undefined {
    const values = parsed.flags[flag] ?? [];
    if (values.length > 1) throw new UsageError(`${flag} is given ${values.length} times`);
    if (required && values.length === 0) throw new UsageError(`${flag} is required`);
    return values[0];
}

function request(parsed: Parsed, required: boolean): RequestSpec | undefined {
    const line = one(parsed, "--request", required);
    try {
        return line === undefined
            ? undefined
            : parseRequest(
                  line,
                  parsed.flags["--header"] ?? [],
                  one(parsed, "--client-cert", false),
                  one(parsed, "--source-ip", false),
              );
    } catch (error) {
        throw new UsageError((error as Error).message);
    }
}

function scheme(parsed: Parsed): Scheme | undefined {
    const value = one(parsed, "--scheme", false);
    if (value !== undefined && !(Object.values(Scheme) as string[]).includes(value)) {
        throw new UsageError(`--scheme must be one of ${Object.values(Scheme).join(", ")}`);
    }
    return value as Scheme | undefined;
}

function urlMaps(parsed: Parsed): LoadedUrlMap[] {
    try {
        return loadUrlMaps(one(parsed, "--url-map", true)!, scheme(parsed));
    } catch (error) {
        throw error instanceof UsageError ? error : new UsageError((error as Error).message);
    }
}

/** Parses `plan`'s command line into plan options. */
export function planOptions(argv: string[]): PlanOptions & { json: boolean } {
    const parsed = parseArgs(
        argv,
        ["--stack", "--config", "--request", "--header", "--client-cert", "--source-ip", "--status", "--invoke-result"],
        ["--json"],
    );
    if (parsed.positional.length > 1) {
        throw new UsageError(`plan takes one program directory, got ${parsed.positional.join(", ")}`);
    }
    const invokeResults: Record<string, Record<string, unknown>> = {};
    for (const pair of parsed.flags["--invoke-result"] ?? []) {
        const [token, file] = keyValue("--invoke-result", pair);
        let answer: unknown;
        try {
            answer = JSON.parse(fs.readFileSync(file, "utf8"));
        } catch (error) {
            throw new UsageError(`--invoke-result ${token}: cannot read ${file} as JSON (${(error as Error).message})`);
        }
        if (!answer || typeof answer !== "object" || Array.isArray(answer)) {
            throw new UsageError(`--invoke-result ${token}: ${file} must hold one JSON object (the call's result)`);
        }
        invokeResults[token] = answer as Record<string, unknown>;
    }
    request(parsed, false);
    const statusText = one(parsed, "--status", false);
    const status = statusText === undefined ? undefined : Number(statusText);
    if (status !== undefined && (!Number.isInteger(status) || status < 400 || status > 599)) {
        throw new UsageError(`--status takes an error status 400–599, got ${statusText}`);
    }
    return {
        status,
        program: parsed.positional[0],
        stack: one(parsed, "--stack", false),
        config: Object.fromEntries((parsed.flags["--config"] ?? []).map((pair) => keyValue("--config", pair))),
        request: one(parsed, "--request", false),
        headers: parsed.flags["--header"],
        clientCertificate: one(parsed, "--client-cert", false),
        sourceIp: one(parsed, "--source-ip", false),
        invokeResults,
        json: parsed.booleans.has("--json"),
    };
}

/** URL masks from a plan document: backend service name → mask of the serverless NEG among its backends. */
function planUrlMasks(file: string): Record<string, string> {
    const document = JSON.parse(fs.readFileSync(file, "utf8")) as {
        resources?: Array<{ type: string; inputs: Record<string, any> }>;
    };
    const masks: Record<string, string> = {};
    const negs = (document.resources ?? []).filter((r) => typeof r.inputs?.cloudRun?.urlMask === "string");
    for (const service of (document.resources ?? []).filter((r) => /BackendService$/.test(r.type))) {
        for (const backend of service.inputs.backends ?? []) {
            const neg = negs.find(
                (n) => typeof backend.group === "string" && backend.group.endsWith(`/${n.inputs.name}`),
            );
            if (neg) masks[service.inputs.name] = neg.inputs.cloudRun.urlMask;
        }
    }
    return masks;
}

async function runPlan(argv: string[], out: (text: string) => void): Promise<ExitCode> {
    const options = planOptions(argv);
    let result: PlanResult;
    try {
        result = await plan(options);
    } catch (error) {
        throw error instanceof ProgramNotFoundError ? new UsageError(error.message) : error;
    }
    out(options.json ? JSON.stringify(result, null, 2) : formatPlan(result));
    return result.errors.length > 0 ? ExitCode.Failed : ExitCode.Ok;
}

function runSimulate(argv: string[], out: (text: string) => void): ExitCode {
    const parsed = parseArgs(argv, ["--url-map", "--request", "--header", "--scheme", "--url-mask"], ["--json"]);
    const req = request(parsed, true)!;
    const maps = urlMaps(parsed);
    const masksByName: Record<string, string> = {};
    for (const pair of parsed.flags["--url-mask"] ?? []) {
        const [service, mask] = keyValue("--url-mask", pair);
        masksByName[service.split("/").pop()!] = mask;
    }
    const file = one(parsed, "--url-map", true)!;
    if (/\.json$/i.test(file)) {
        try {
            Object.assign(masksByName, planUrlMasks(file), { ...masksByName });
        } catch {
            // Not a plan: no masks to read.
        }
    }
    let reachedNothing = false;
    const results = maps.map((loaded) => {
        const refs = new Set<string>();
        JSON.stringify(loaded.urlMap, (key, value) => {
            if (["defaultService", "service", "backendService"].includes(key) && typeof value === "string")
                refs.add(value);
            return value;
        });
        const urlMasks: Record<string, string> = {};
        for (const ref of refs) {
            const mask = masksByName[ref.split("/").pop()!];
            if (mask) urlMasks[ref] = mask;
        }
        const result = simulateRequest(loaded.urlMap, req, { scheme: loaded.scheme, urlMasks });
        if (result.kind === "none") reachedNothing = true;
        return { urlMap: loaded.name, scheme: loaded.scheme, schemeFrom: loaded.schemeFrom, result };
    });
    if (parsed.booleans.has("--json")) {
        out(JSON.stringify(results, null, 2));
    } else {
        const lines: string[] = [];
        for (const { urlMap, scheme: s, schemeFrom, result } of results) {
            const label =
                schemeFrom === "assumed" ? `${s} assumed: the file does not say which scheme; --scheme sets it` : s;
            lines.push(
                `${req.method} ${req.protocol}://${req.host}${req.path} on URL map ${urlMap} (${label}): ${describeResult(result)}`,
            );
            const how =
                result.matchedBy === "map-default"
                    ? "the URL map's default (no host rule matches)"
                    : result.matchedBy === "matcher-default"
                      ? `path matcher "${result.pathMatcher}"'s default`
                      : result.matchedBy === "path-rule"
                        ? `path rule ${result.pathRule} of path matcher "${result.pathMatcher}"`
                        : `route rule with priority ${result.routeRulePriority} of path matcher "${result.pathMatcher}"`;
            lines.push(`  matched by: ${how}`);
            for (const b of result.backends) {
                lines.push(
                    `  → ${shortReference(b.service)}  weight ${b.weight}, share ${Math.round(b.share * 1000) / 10}%  (${b.service})`,
                );
                if (b.cloudRun?.service) {
                    lines.push(
                        `    URL mask selects Cloud Run service "${b.cloudRun.service}"${b.cloudRun.tag ? ` tag "${b.cloudRun.tag}"` : ""}`,
                    );
                }
                if (b.urlMaskMismatch) lines.push(`    ${b.urlMaskMismatch}`);
            }
            if (result.redirect)
                lines.push(
                    `  → redirect ${result.redirect.status} (${result.redirect.code}) to ${result.redirect.url}`,
                );
            if (result.kind === "backend") lines.push(`  forwarded as: host ${result.host}, path ${result.path}`);
            if (result.faultInjection) lines.push(`  fault injection: ${JSON.stringify(result.faultInjection)}`);
            if (result.mirror) lines.push(`  mirrored to: ${shortReference(result.mirror)}`);
        }
        out(lines.join("\n"));
    }
    return reachedNothing ? ExitCode.Failed : ExitCode.Ok;
}

function runTest(argv: string[], out: (text: string) => void): ExitCode {
    const parsed = parseArgs(argv, ["--url-map", "--scheme"], ["--json"]);
    const maps = urlMaps(parsed);
    const results = maps.map((loaded) => ({ urlMap: loaded.name, tests: runUrlMapTests(loaded) }));
    const total = results.reduce((n, r) => n + r.tests.length, 0);
    const failed = results.reduce((n, r) => n + r.tests.filter((t) => !t.passed).length, 0);
    if (parsed.booleans.has("--json")) {
        out(JSON.stringify(results, null, 2));
    } else {
        const lines: string[] = [];
        for (const { urlMap, tests } of results) {
            lines.push(`URL map ${urlMap}: ${tests.length} test${tests.length === 1 ? "" : "s"}`);
            tests.forEach(({ test, passed, expected, actual }, i) => {
                const headers = (test.headers ?? []).map((h) => ` [${h.name}: ${h.value}]`).join("");
                lines.push(
                    `  ${passed ? "ok  " : "FAIL"} tests[${i}] ${test.host}${test.path}${headers}${test.description ? ` "${test.description}"` : ""}`,
                );
                if (!passed) {
                    lines.push(`         expected: ${expected}`, `         actual:   ${actual}`);
                }
            });
        }
        lines.push(
            total === 0 ? "No tests: the URL map has no `tests` to run." : `${total - failed} passed, ${failed} failed`,
        );
        out(lines.join("\n"));
    }
    return failed > 0 || total === 0 ? ExitCode.Failed : ExitCode.Ok;
}

async function runAdopt(argv: string[], out: (text: string) => void): Promise<ExitCode> {
    const parsed = parseArgs(argv, ["--out"], ["--json"]);
    if (parsed.positional.length !== 1) throw new UsageError("adopt takes one exports directory");
    const outDir = one(parsed, "--out", true)!;
    if (!fs.existsSync(parsed.positional[0])) throw new UsageError(`${parsed.positional[0]} does not exist`);
    let result;
    try {
        result = await adopt(parsed.positional[0], outDir);
    } catch (error) {
        throw new UsageError((error as Error).message);
    }
    const code =
        result.planErrors.length > 0
            ? ExitCode.Failed
            : result.notExpressible.length > 0
              ? ExitCode.NotExpressible
              : ExitCode.Ok;
    if (parsed.booleans.has("--json")) {
        out(
            JSON.stringify(
                {
                    program: outDir,
                    scheme: result.decompiled.scheme,
                    adopted: result.adopted,
                    referenced: result.referenced.map((r) => r.path),
                    notExpressible: result.notExpressible,
                    planErrors: result.planErrors,
                },
                null,
                2,
            ),
        );
        return code;
    }
    const lines = [
        `Wrote ${outDir}: the ${result.decompiled.scheme} load balancer ${result.decompiled.lbName} with ` +
            `${Object.keys(result.decompiled.args.backends).length} backend(s) and ${(result.decompiled.args.routes ?? []).length} route(s).`,
        `Adopted (imported): ${Object.keys(result.adopted).length}`,
        ...Object.values(result.adopted).map(
            (a) => `  = ${a.importId}${a.keep ? `  (kept live: ${Object.keys(a.keep).join(", ")})` : ""}`,
        ),
        `Used by reference: ${result.referenced.length}`,
        ...result.referenced.map((r) => `  & ${r.path}`),
    ];
    if (result.notExpressible.length > 0) {
        lines.push(`Not expressible: ${result.notExpressible.length}`);
        lines.push(...result.notExpressible.map((n) => `  ! ${n.resource}: ${n.reason}`));
    }
    if (result.planErrors.length > 0) {
        lines.push("The written program does not plan:", ...result.planErrors.map((e) => `  ${e}`));
    }
    out(lines.join("\n"));
    return code;
}

async function runDiff(argv: string[], out: (text: string) => void): Promise<ExitCode> {
    const parsed = parseArgs(argv, [], ["--json"]);
    if (parsed.positional.length !== 2) throw new UsageError("diff takes an exports directory and a program directory");
    let result;
    try {
        result = await diff(parsed.positional[0], parsed.positional[1]);
    } catch (error) {
        throw error instanceof ProgramNotFoundError || !(error instanceof Error)
            ? new UsageError(String((error as Error).message))
            : new UsageError(error.message);
    }
    const changed = result.differences.length > 0 || result.planErrors.length > 0;
    if (parsed.booleans.has("--json")) {
        out(JSON.stringify(result, null, 2));
    } else if (result.planErrors.length > 0) {
        out(["The program does not plan:", ...result.planErrors.map((e) => `  ${e}`)].join("\n"));
    } else {
        out(
            changed
                ? [`${result.differences.length} difference(s):`, ...formatDifferences(result.differences)].join("\n")
                : ["no changes", ...result.notes.map((n) => `  ${n}`)].join("\n"),
        );
    }
    return changed ? ExitCode.Failed : ExitCode.Ok;
}

/** Runs the command line; returns the exit code. Output goes to `out`, problems with the command line to `err`. */
export async function run(
    argv: string[],
    out: (text: string) => void = (t) => process.stdout.write(t + "\n"),
    err: (text: string) => void = (t) => process.stderr.write(t + "\n"),
): Promise<ExitCode> {
    const [command, ...rest] = argv;
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
        const topic = command === "help" ? rest[0] : undefined;
        out(topic && HELP[topic] ? HELP[topic] : USAGE);
        return command === undefined ? ExitCode.Usage : ExitCode.Ok;
    }
    if (command === "--version" || command === "-v") {
        out(require(path.join(__dirname, "..", "..", "package.json")).version);
        return ExitCode.Ok;
    }
    if (!HELP[command]) {
        err(`cloudrun-lb: unknown command "${command}"\n\n${USAGE}`);
        return ExitCode.Usage;
    }
    if (rest.includes("--help") || rest.includes("-h")) {
        out(HELP[command]);
        return ExitCode.Ok;
    }
    try {
        if (command === "plan") return await runPlan(rest, out);
        if (command === "simulate") return runSimulate(rest, out);
        if (command === "adopt") return await runAdopt(rest, out);
        if (command === "diff") return await runDiff(rest, out);
        return runTest(rest, out);
    } catch (error) {
        if (error instanceof UsageError) {
            err(`cloudrun-lb ${command}: ${error.message}\nRun \`cloudrun-lb ${command} --help\` for the options.`);
            return ExitCode.Usage;
        }
        err(`cloudrun-lb ${command}: ${error instanceof Error ? error.message : String(error)}`);
        return ExitCode.Failed;
    }
}

/** Runs the command line and exits with its code. */
export function runAndExit(argv: string[]): void {
    void run(argv).then((code) => {
        // Exit once stdout is flushed; Pulumi's leak check must not turn a reported result into another code.
        process.stdout.write("", () => process.exit(code));
    });
}

if (require.main === module) {
    runAndExit(process.argv.slice(2));
}
