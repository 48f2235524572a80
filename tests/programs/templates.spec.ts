/**
 * Every programs/<name>/ is a Pulumi project template a user starts from (`pulumi new <repo>/programs/<name>`):
 * its package.json lists every package index.ts imports, its Pulumi.yaml `template:` section every config key
 * index.ts reads (with the program's own defaults), and its README plans it as a user does, with the installed
 * command.
 *
 * Then, as a user's copy: every program directory is copied out of this repository into one scratch directory,
 * installed once for all of them (an npm workspaces root over the copies, so the shared dependencies are
 * fetched and unpacked once) with the packed tarball in place of `vendor/cloudrun-lb-<version>.tgz`,
 * type-checked with its own tsconfig.json against the installed declarations, and planned by the installed
 * `cloudrun-lb plan` command. The @pulumi packages, TypeScript and @types/node are installed at the exact versions
 * this repository tests (which the templates' `^` ranges must admit, and which tests/package/install.spec.ts
 * installs too): the result does not depend on what the registry released since, nor on the npm cache.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as TypeScript from "typescript";
import { parse as parseYaml } from "yaml";
import { packOnce, ROOT, run, runInBackground } from "../support/fresh-clone";
import { configReads, importedPackages } from "../support/program-config";

const ownPackage = require("../../package.json");
const PROGRAMS = path.join(ROOT, "programs");
const programs = fs
    .readdirSync(PROGRAMS)
    .filter((dir) => fs.existsSync(path.join(PROGRAMS, dir, "Pulumi.yaml")))
    .sort();

/** How a template names the package: the tarball the README's install puts in vendor/ (it is on no registry). */
const CLOUDRUN_LB_SPEC = `file:vendor/cloudrun-lb-${ownPackage.version}.tgz`;

interface TemplateConfigValue {
    description?: string;
    default?: string;
    secret?: boolean;
}

interface ProjectFile {
    name: string;
    description?: string;
    template?: { description?: string; config?: Record<string, TemplateConfigValue> };
}

interface ProgramPackage {
    name: string;
    private?: boolean;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
}

function readProgram(dir: string): { project: ProjectFile; manifest: ProgramPackage; readme: string } {
    const at = path.join(PROGRAMS, dir);
    return {
        project: parseYaml(fs.readFileSync(path.join(at, "Pulumi.yaml"), "utf8")) as ProjectFile,
        manifest: JSON.parse(fs.readFileSync(path.join(at, "package.json"), "utf8")),
        readme: fs.readFileSync(path.join(at, "README.md"), "utf8"),
    };
}

/**
 * What each program plans in a user's copy: its resource count (components included) and its load balancers.
 * A program that changes what it creates changes its count here.
 */
const EXPECTED_PLANS: Record<string, { resources: number; loadBalancers: string[] }> = {
    "adopt-existing": { resources: 6, loadBalancers: ["hello"] },
    "canary-migration": { resources: 22, loadBalancers: ["migration"] },
    "cross-project-internet-neg": { resources: 13, loadBalancers: ["front"] },
    "cross-project-service-reference": { resources: 14, loadBalancers: ["central"] },
    "cross-region-internal": { resources: 28, loadBalancers: ["internal"] },
    "global-external": { resources: 22, loadBalancers: ["shop"] },
    "iap-internal-web-app": { resources: 19, loadBalancers: ["intranet"] },
    "internal-api-psc": { resources: 23, loadBalancers: ["api"] },
    "internal-https": { resources: 20, loadBalancers: ["lb"] },
    "internal-service-platform": { resources: 52, loadBalancers: ["platform"] },
    "migrate-classic": { resources: 18, loadBalancers: ["shop"] },
    "multi-region": { resources: 19, loadBalancers: ["global"] },
    "partner-mtls-api": { resources: 25, loadBalancers: ["partners"] },
    "regional-external": { resources: 19, loadBalancers: ["lb"] },
    "shared-vpc-microservices": { resources: 32, loadBalancers: ["mesh"] },
    "spa-and-api": { resources: 32, loadBalancers: ["spa"] },
    "traffic-management": { resources: 17, loadBalancers: ["traffic"] },
    "url-mask": { resources: 23, loadBalancers: ["shop"] },
};

describe("programs/* as Pulumi templates (package.json, Pulumi.yaml template:, README)", () => {
    it("covers every program directory with an expected plan", () => {
        assert.deepStrictEqual(Object.keys(EXPECTED_PLANS).sort(), programs);
    });

    for (const dir of programs) {
        describe(`programs/${dir}`, () => {
            const index = path.join(PROGRAMS, dir, "index.ts");

            it("package.json: every imported package (cloudrun-lb from vendor/), TypeScript 5 and @types/node", () => {
                const { manifest } = readProgram(dir);
                assert.strictEqual(manifest.name, dir);
                assert.strictEqual(manifest.private, true);
                assert.deepStrictEqual(Object.keys(manifest.dependencies).sort(), importedPackages(index));
                for (const [name, spec] of Object.entries(manifest.dependencies)) {
                    const expected = name === "cloudrun-lb" ? CLOUDRUN_LB_SPEC : `^${ownPackage.devDependencies[name]}`;
                    assert.strictEqual(spec, expected, `${name}: the range from the version this repository tests`);
                }
                assert.deepStrictEqual(manifest.devDependencies, {
                    "@types/node": `^${ownPackage.devDependencies["@types/node"]}`,
                    typescript: `^${ownPackage.devDependencies.typescript}`,
                });
                assert.match(manifest.devDependencies.typescript, /^\^5\./);
            });

            it("Pulumi.yaml template: lists exactly the config keys index.ts reads, with its defaults", () => {
                const { project } = readProgram(dir);
                assert.ok(project.description, "a project description");
                assert.strictEqual(project.template?.description, project.description);
                const config = project.template?.config ?? {};
                assert.ok(config["gcp:project"]?.description, "gcp:project, the provider's project, is asked for");
                const reads = configReads(index);
                const programKeys = Object.keys(config).filter((key) => !key.includes(":"));
                assert.deepStrictEqual(programKeys.sort(), reads.map((r) => r.key).sort());
                for (const read of reads) {
                    const declared = config[read.key];
                    assert.ok(declared.description, `${read.key} has a description`);
                    if (read.default !== undefined) {
                        assert.strictEqual(declared.default, read.default, `${read.key}: index.ts's default`);
                    }
                    assert.strictEqual(
                        declared.secret ?? false,
                        read.secret,
                        `${read.key}: secret as index.ts reads it`,
                    );
                    assert.ok(!(read.secret && declared.default !== undefined), `${read.key}: no default secret`);
                }
            });

            it("README: starts from the template and plans with the installed command, not this repository's scripts", () => {
                const { readme } = readProgram(dir);
                assert.ok(readme.includes(`pulumi new <repository-url>/programs/${dir}`), "says how to start from it");
                assert.ok(readme.includes("npx cloudrun-lb plan ."), "plans with `npx cloudrun-lb plan .`");
                assert.doesNotMatch(readme, /npm run (-s )?plan/);
                const usesTls = importedPackages(index).includes("@pulumi/tls");
                assert.strictEqual(readme.includes("`@pulumi/tls`"), usesTls, "names @pulumi/tls when it imports it");
            });
        });
    }
});

describe("programs/* copied out and installed with the packed tarball: tsc and `cloudrun-lb plan`", function () {
    this.timeout(900_000);
    let work: string;
    const plans = new Map<string, Promise<string>>();

    before(() => {
        const { tarball } = packOnce();
        work = fs.mkdtempSync(path.join(os.tmpdir(), "cloudrun-lb-templates-"));
        for (const dir of programs) {
            const copy = path.join(work, dir);
            fs.cpSync(path.join(PROGRAMS, dir), copy, { recursive: true });
            const manifestFile = path.join(copy, "package.json");
            const manifest: ProgramPackage = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
            for (const group of [manifest.dependencies, manifest.devDependencies]) {
                for (const name of Object.keys(group)) {
                    group[name] = name === "cloudrun-lb" ? `file:${tarball}` : ownPackage.devDependencies[name];
                }
            }
            fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
        }
        const root = { name: "templates", private: true, workspaces: programs };
        fs.writeFileSync(path.join(work, "package.json"), JSON.stringify(root, null, 2));
        // One install for every program: npm hoists the shared dependencies into work/node_modules.
        run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], work);

        // Plans run two at a time in the background while the type-checks below run.
        const bin = path.join(work, "node_modules", ".bin", "cloudrun-lb");
        const queue = [...programs];
        const next = (): Promise<void> => {
            const dir = queue.shift();
            if (!dir) return Promise.resolve();
            const planned = runInBackground(bin, ["plan", dir, "--json"], work);
            planned.catch(() => undefined);
            plans.set(dir, planned);
            return planned.then(next, next);
        };
        void next();
        void next();
    });

    after(() => {
        if (work) {
            fs.rmSync(work, { recursive: true, force: true });
        }
    });

    it("installs each program's dependencies once, hoisted, with the tarball's cloudrun-lb", () => {
        const installed = (name: string) =>
            JSON.parse(fs.readFileSync(path.join(work, "node_modules", name, "package.json"), "utf8")).version;
        assert.strictEqual(installed("cloudrun-lb"), ownPackage.version);
        for (const name of ["@pulumi/pulumi", "@pulumi/gcp", "@pulumi/tls", "typescript"]) {
            assert.strictEqual(installed(name), ownPackage.devDependencies[name]);
        }
        const nested = programs.filter((dir) => fs.existsSync(path.join(work, dir, "node_modules", "@pulumi")));
        assert.deepStrictEqual(nested, [], "no program has @pulumi packages of its own");
    });

    describe("type-checks each program with its own tsconfig.json and the installed TypeScript", () => {
        let ts: typeof TypeScript;
        /** Declarations parsed once for all programs (the same files under the same options). */
        const parsed = new Map<string, TypeScript.SourceFile | undefined>();

        before(() => {
            ts = require(path.join(work, "node_modules", "typescript"));
        });

        for (const dir of programs) {
            it(dir, () => {
                const config = ts.getParsedCommandLineOfConfigFile(
                    path.join(work, dir, "tsconfig.json"),
                    {},
                    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(String(d.messageText)) },
                )!;
                const host = ts.createCompilerHost(config.options);
                const getSourceFile = host.getSourceFile.bind(host);
                host.getSourceFile = (fileName, languageVersion, ...rest) => {
                    const format = typeof languageVersion === "object" ? languageVersion.impliedNodeFormat : "";
                    const key = `${fileName}\0${format}`;
                    if (!parsed.has(key) || !fileName.includes("node_modules")) {
                        parsed.set(key, getSourceFile(fileName, languageVersion, ...rest));
                    }
                    return parsed.get(key);
                };
                const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
                const diagnostics = ts
                    .getPreEmitDiagnostics(program)
                    .map((d) => ts.formatDiagnostic(d, { ...host, getNewLine: () => "\n" }).trim());
                assert.deepStrictEqual(config.fileNames, [path.join(work, dir, "index.ts")]);
                assert.deepStrictEqual(diagnostics, []);
            });
        }
    });

    describe("plans each program with the installed `cloudrun-lb plan <dir>`", () => {
        for (const dir of programs) {
            it(dir, async () => {
                const planned = await plans.get(dir)!;
                const result = JSON.parse(planned);
                assert.deepStrictEqual(result.errors, []);
                const loadBalancers = result.resources
                    .filter((r: { type: string }) => r.type === "cloudrun-lb:index:ApplicationLoadBalancer")
                    .map((r: { name: string }) => r.name);
                assert.deepStrictEqual({ resources: result.resources.length, loadBalancers }, EXPECTED_PLANS[dir]);
            });
        }
    });
});
