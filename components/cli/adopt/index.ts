/**
 * `cloudrun-lb adopt <exports-dir> --out <program-dir>` and `cloudrun-lb diff <exports-dir> <program-dir>`.
 *
 * adopt: decompiles the exports (decompile.ts), writes a stack program that builds the same load balancer with
 * `ApplicationLoadBalancer`, plans it offline, pairs each planned resource with the live one it stands for, and
 * writes the program again with each pairing's live name and import id (the `import` resource option), plus
 * the live value of every field where the package's default differs — so `pulumi up` imports instead of
 * creating twins, and changes nothing.
 *
 * diff: plans the program and compares it with the exports: every adopted resource's fields, the routing of
 * the URL map (the simulator on both maps, with requests that reach every rule), resources the program would
 * create, and live resources it no longer manages.
 */
import * as fs from "fs";
import * as path from "path";
import { plan, PlanResult } from "../plan";
import { Exports, LiveResource, loadExports } from "./exports";
import { decompile, Decompiled, NotExpressible } from "./decompile";
import {
    COLLECTION_OF_TYPE,
    compareFields,
    compareRouting,
    Difference,
    Pairing,
    pairResources,
    PlannedResource,
} from "./compare";

export { loadExports } from "./exports";
export type { Difference } from "./compare";
export type { NotExpressible } from "./decompile";

/** Fields never written from the live resource into the program: references, names and routing come from Args. */
const NOT_KEPT = new Set([
    "name",
    "backends",
    "urlMap",
    "target",
    "ipAddress",
    "sslCertificates",
    "sslPolicy",
    "certificateMap",
    "securityPolicy",
    "edgeSecurityPolicy",
    "network",
    "subnetwork",
    "defaultService",
    "hostRules",
    "pathMatchers",
    "tests",
    "defaultUrlRedirect",
    "defaultRouteAction",
    "headerAction",
    "customRequestHeaders",
    "cloudRun",
]);

/** What one live resource becomes in the program: its name, its import id, and fields kept at the live value. */
export interface AdoptedEntry {
    /** The live resource's name (none for a network endpoint, which has none). */
    name?: string;
    importId: string;
    keep?: Record<string, unknown>;
}

/** The result of `adopt`. */
export interface AdoptResult {
    decompiled: Decompiled;
    /** Planned logical name → adoption entry. */
    adopted: Record<string, AdoptedEntry>;
    /** Live resources listed as not expressible (the program does not manage them as they are). */
    notExpressible: NotExpressible[];
    /** Live resources the program uses by reference. */
    referenced: LiveResource[];
    /** Errors of the final plan (none when the program is sound). */
    planErrors: string[];
}

function programName(decompiled: Decompiled): string {
    return `${decompiled.lbName}-adopted`.replace(/[^a-z0-9-]/g, "-");
}

function literal(value: unknown, indent = 0): string {
    const text = JSON.stringify(value, null, 4);
    return text
        .replace(/"([A-Za-z_$][A-Za-z0-9_$]*)":/g, "$1:")
        .split("\n")
        .map((line, i) => (i === 0 ? line : " ".repeat(indent) + line))
        .join("\n");
}

function renderIndex(exportsDir: string, decompiled: Decompiled, adopted: Record<string, AdoptedEntry>): string {
    return `/**
 * ${decompiled.lbName}: the ${decompiled.scheme} load balancer of project ${decompiled.project}, adopted by \`cloudrun-lb adopt\`
 * from the gcloud exports in ${exportsDir}. \`pulumi up\` imports the live resources listed in \`adopted\`
 * (the \`import\` resource option) instead of creating new ones; \`npx cloudrun-lb diff <exports-dir> .\`
 * shows what would change. README.md lists what was not adopted.
 */
import * as pulumi from "@pulumi/pulumi";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "cloudrun-lb";

const args: ApplicationLoadBalancerArgs = ${literal(decompiled.args)};

/** The live resource each child adopts (by the child's logical name): its exact name, its import id, and the
 * fields kept at their live value where the package's default would differ. */
interface Adopted {
    name?: string;
    importId: string;
    keep?: Record<string, unknown>;
}
const adopted: Record<string, Adopted> = ${literal(adopted)};

/** Gives each adopted child its live name and import id; every other child is created as usual. */
const adopt: pulumi.ResourceTransformation = ({ name, props, opts }) => {
    const live = adopted[name];
    if (live === undefined) {
        return undefined;
    }
    return {
        props: { ...props, ...live.keep, ...(live.name !== undefined ? { name: live.name } : {}) },
        opts: pulumi.mergeOptions(opts, { import: live.importId }),
    };
};

const lb = new ApplicationLoadBalancer(${JSON.stringify(decompiled.lbName)}, args, { transformations: [adopt] });

export const ipAddress = lb.ipAddress;
`;
}

function renderReadme(
    exportsDir: string,
    decompiled: Decompiled,
    result: Omit<AdoptResult, "decompiled" | "planErrors">,
): string {
    const lines = [
        `# ${decompiled.lbName} (adopted)`,
        "",
        `The ${decompiled.scheme} load balancer of project \`${decompiled.project}\`, written by \`cloudrun-lb adopt\` from the`,
        `gcloud exports in \`${exportsDir}\`. It builds the same load balancer with \`ApplicationLoadBalancer\` and imports`,
        "the live resources instead of creating new ones.",
        "",
        "## Start from this template",
        "",
        "`package.json` takes `cloudrun-lb` from the packed tarball in `vendor/` (it is on no registry) and",
        "`@pulumi/pulumi` from npm; `Pulumi.yaml`'s `template:` section lists the config keys with their defaults.",
        "",
        "```sh",
        `mkdir vendor && cp <cloudrun-lb checkout>/${vendorTarball(ownPackage().version)} vendor/`,
        "npm install",
        "npx cloudrun-lb plan .                  # offline: what `pulumi up` would import and create",
        "```",
        "",
        "## Before `pulumi up`",
        "",
        "```sh",
        `npx cloudrun-lb diff ${exportsDir} .   # "no changes" when the program matches what runs`,
        "npx cloudrun-lb plan . --json           # resources[].import: the live resource each one adopts",
        "pulumi up                               # imports; changes nothing when diff says no changes",
        "```",
        "",
        "Once imported, remove nothing from `adopted` in index.ts: the names and import ids keep the program pointed at",
        "the live resources (Pulumi ignores `import` after the first `up`). Fields under `keep` are the live values where",
        "the package's defaults differ (for example a backend service's protocol); change them deliberately, one `up` at a time.",
        "",
        "## Adopted (imported)",
        "",
        ...Object.entries(result.adopted).map(([logical, a]) => `- \`${a.importId}\` as \`${logical}\``),
        "",
        "## Used by reference (left as they are)",
        "",
        ...(result.referenced.length ? result.referenced.map((r) => `- \`${r.path}\``) : ["- none"]),
        "",
        "## Not expressible (not adopted as they are)",
        "",
        ...(result.notExpressible.length
            ? result.notExpressible.map((n) => `- \`${n.resource}\`: ${n.reason}`)
            : ["- none: every live resource is adopted or used by reference"]),
        "",
        "## How the exports were made",
        "",
        "See the package's docs/adopt.md for the gcloud commands.",
        "",
    ];
    return lines.join("\n");
}

/** This package's own package.json (its version and the dependency versions it is tested with). */
function ownPackage(): { version: string; devDependencies: Record<string, string> } {
    return JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "package.json"), "utf8"));
}

/** The file `npm pack` makes of this package, which a generated program installs from its vendor/ directory. */
function vendorTarball(version: string): string {
    return `cloudrun-lb-${version}.tgz`;
}

function writeProgram(
    outDir: string,
    exportsDir: string,
    decompiled: Decompiled,
    adopted: Record<string, AdoptedEntry>,
) {
    fs.mkdirSync(outDir, { recursive: true });
    const name = programName(decompiled);
    fs.writeFileSync(path.join(outDir, "index.ts"), renderIndex(exportsDir, decompiled, adopted));
    const description = `${decompiled.lbName} (${decompiled.scheme}), adopted from gcloud exports by cloudrun-lb adopt`;
    // A Pulumi template (`pulumi new` asks for each key): index.ts reads no config, and the load balancer's
    // project and region are literal in its args, so only the provider's keys are listed, defaulting to the exports'.
    const config = [
        `    gcp:project:`,
        `      description: The Google Cloud project of the adopted load balancer`,
        `      default: ${decompiled.project}`,
        ...(decompiled.region
            ? [
                  `    gcp:region:`,
                  `      description: The region of the adopted load balancer`,
                  `      default: ${decompiled.region}`,
              ]
            : []),
    ];
    fs.writeFileSync(
        path.join(outDir, "Pulumi.yaml"),
        [
            `name: ${name}`,
            `description: ${JSON.stringify(description)}`,
            "runtime:",
            "  name: nodejs",
            "  options:",
            "    typescript: true",
            "    # Transpile-only (noCheck): `pulumi up` starts in seconds; `npx tsc --noEmit -p .` type-checks.",
            "    tsconfig: tsconfig.pulumi.json",
            "template:",
            `  description: ${JSON.stringify(description)}`,
            "  config:",
            ...config,
            "",
        ].join("\n"),
    );
    const own = ownPackage();
    // Exactly what index.ts imports (@pulumi/pulumi and cloudrun-lb), at ranges admitting the versions this
    // package is tested with; cloudrun-lb from the packed tarball, as every programs/<name>/ template takes it.
    const tested = (dependency: string) => `^${own.devDependencies[dependency]}`;
    fs.writeFileSync(
        path.join(outDir, "package.json"),
        JSON.stringify(
            {
                name,
                version: "0.1.0",
                private: true,
                description,
                main: "index.ts",
                dependencies: {
                    "@pulumi/pulumi": tested("@pulumi/pulumi"),
                    "cloudrun-lb": `file:vendor/${vendorTarball(own.version)}`,
                },
                devDependencies: { "@types/node": tested("@types/node"), typescript: tested("typescript") },
            },
            null,
            2,
        ) + "\n",
    );
    writeTranspileOnlyConfig(outDir);
    fs.writeFileSync(
        path.join(outDir, "tsconfig.json"),
        JSON.stringify(
            {
                compilerOptions: {
                    strict: true,
                    target: "ES2020",
                    module: "node16",
                    moduleResolution: "node16",
                    esModuleInterop: true,
                    skipLibCheck: true,
                    forceConsistentCasingInFileNames: true,
                },
                files: ["index.ts"],
            },
            null,
            2,
        ) + "\n",
    );
}

function writeTranspileOnlyConfig(outDir: string) {
    fs.writeFileSync(
        path.join(outDir, "tsconfig.pulumi.json"),
        JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { noCheck: true } }, null, 2) + "\n",
    );
}

function cloudResources(result: PlanResult): PlannedResource[] {
    return result.resources.filter((r) => r.type.startsWith("gcp:")) as PlannedResource[];
}

function keepLive(pair: Pairing, differences: Difference[]): Record<string, unknown> | undefined {
    const keep: Record<string, unknown> = {};
    for (const d of differences) {
        if (NOT_KEPT.has(d.field) || d.field.startsWith("routing of")) continue;
        keep[d.field] = d.live === undefined ? null : d.live;
    }
    void pair;
    return Object.keys(keep).length ? keep : undefined;
}

/** Adopts the load balancer in `exportsDir` into a program written to `outDir`. */
export async function adopt(exportsDir: string, outDir: string): Promise<AdoptResult> {
    const found = loadExports(exportsDir);
    const decompiled = decompile(found);
    // Exports shipped inside the program are named relative to it; others as given.
    const inside = path.relative(outDir, exportsDir);
    const shownDir = inside.startsWith("..") || path.isAbsolute(inside) ? exportsDir : inside;
    writeProgram(outDir, shownDir, decompiled, {});
    const first = await plan({ program: outDir });
    if (first.errors.length > 0) {
        return {
            decompiled,
            adopted: {},
            notExpressible: decompiled.notExpressible,
            referenced: decompiled.referenced,
            planErrors: first.errors.map((e) => e.message),
        };
    }
    const pairs = pairResources(
        cloudResources(first),
        found,
        decompiled.adopted,
        decompiled.backendKeys,
        decompiled.lbName,
        decompiled.redirectUrlMap,
    );
    const adopted: Record<string, AdoptedEntry> = {};
    for (const pair of pairs) {
        adopted[pair.planned.name] = { name: pair.planned.inputs.name ?? pair.live.name, importId: pair.importId };
        if (!pair.endpoint) adopted[pair.planned.name].name = pair.live.name;
    }
    writeProgram(outDir, shownDir, decompiled, adopted);
    // Second plan: with the live names, references line up; what still differs is a default to keep.
    const second = await plan({ program: outDir });
    const secondPairs = pairResources(
        cloudResources(second),
        found,
        decompiled.adopted,
        decompiled.backendKeys,
        decompiled.lbName,
        decompiled.redirectUrlMap,
    );
    for (const pair of secondPairs) {
        const keep = keepLive(pair, compareFields(pair, found));
        if (keep && adopted[pair.planned.name]) adopted[pair.planned.name].keep = keep;
    }
    for (const entry of Object.values(adopted)) {
        if (pairs.find((p) => p.importId === entry.importId)?.endpoint) delete (entry as Partial<AdoptedEntry>).name;
    }
    const notExpressible = [...decompiled.notExpressible];
    const paired = new Set(pairs.map((p) => p.live));
    for (const live of decompiled.adopted) {
        if (!paired.has(live)) {
            notExpressible.push({
                resource: `${live.collection}/${live.name}`,
                reason: "the program builds nothing that stands for it: not adopted",
            });
        }
    }
    writeProgram(outDir, shownDir, decompiled, adopted);
    const final = await plan({ program: outDir });
    const result = {
        decompiled,
        adopted,
        notExpressible,
        referenced: decompiled.referenced,
        planErrors: final.errors.map((e) => e.message),
    };
    fs.writeFileSync(path.join(outDir, "README.md"), renderReadme(shownDir, decompiled, result));
    return result;
}

/** The result of `diff`. */
export interface DiffResult {
    differences: Difference[];
    /** Notes that are not differences (e.g. the URL map is rewritten in its compiled form, same routing). */
    notes: string[];
    planErrors: string[];
}

/** Compares the program in `programDir` with the live load balancer in `exportsDir`. */
export async function diff(exportsDir: string, programDir: string): Promise<DiffResult> {
    const found: Exports = loadExports(exportsDir);
    const decompiled = decompile(found);
    const result = await plan({ program: programDir });
    if (result.errors.length > 0) {
        return { differences: [], notes: [], planErrors: result.errors.map((e) => e.message) };
    }
    const planned = cloudResources(result);
    const differences: Difference[] = [];
    const notes: string[] = [];
    const byImport = new Map<string, PlannedResource>();
    for (const r of planned) if (r.import) byImport.set(r.import, r);
    const pairs: Pairing[] = [];
    for (const r of planned) {
        if (!r.import) {
            differences.push({
                resource: `${r.type} ${r.name}`,
                field: "(resource)",
                live: "(none)",
                planned: "created",
            });
            continue;
        }
        const live = found.resources.find((l) => l.path === r.import || r.import!.startsWith(`${l.path}/`));
        if (!live) {
            differences.push({
                resource: `${r.type} ${r.name}`,
                field: "import",
                live: "(not in the exports)",
                planned: r.import,
            });
            continue;
        }
        const endpoint =
            r.import !== live.path
                ? (found.endpoints[live.name] ?? [])
                      .map((e) => e.networkEndpoint ?? e)
                      .find((e) => r.import === `${live.path}/${e.ipAddress ?? ""}/${e.fqdn ?? ""}/${e.port}`)
                : undefined;
        if (r.import !== live.path && !endpoint) {
            differences.push({
                resource: `${live.collection}/${live.name} endpoint`,
                field: "(endpoint)",
                live: "(none)",
                planned: r.import,
            });
            continue;
        }
        pairs.push({ planned: r, live, importId: r.import, ...(endpoint ? { endpoint } : {}) });
    }
    for (const pair of pairs) {
        differences.push(...compareFields(pair, found));
        if (COLLECTION_OF_TYPE[pair.planned.type] === "urlMaps") {
            const routing = compareRouting(
                pair.live.data,
                pair.planned.inputs,
                decompiled.scheme,
                `urlMaps/${pair.live.name}`,
            );
            differences.push(...routing);
            if (routing.length === 0)
                notes.push(`urlMaps/${pair.live.name}: same routing for every host and path it distinguishes`);
        }
    }
    const adoptedLive = new Set(pairs.map((p) => p.live));
    for (const live of decompiled.adopted) {
        if (!adoptedLive.has(live)) {
            differences.push({
                resource: `${live.collection}/${live.name}`,
                field: "(resource)",
                live: "exists",
                planned: "not managed by the program",
            });
        }
    }
    return { differences, notes, planErrors: [] };
}

/** Differences as lines: resource, field, live value, planned value. */
export function formatDifferences(differences: Difference[]): string[] {
    const show = (v: unknown) => (v === undefined ? "(unset)" : typeof v === "string" ? v : JSON.stringify(v));
    return differences.map(
        (d) => `~ ${d.resource}  ${d.field}\n    live:    ${show(d.live)}\n    planned: ${show(d.planned)}`,
    );
}
