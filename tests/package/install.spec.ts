/**
 * The package as a platform repository consumes it: `npm pack` (which builds lib/ through `prepare`), install
 * the tarball into a fresh project outside this repository next to only `@pulumi/pulumi` and `@pulumi/gcp`,
 * type-check a one-file stack program against the installed declarations, and plan it under Pulumi mocks.
 *
 * The install resolves like a user's: no lockfile, the exact @pulumi versions this repository tests,
 * `--prefer-offline` so what the cache holds is reused and what it lacks comes from the registry (an empty cache
 * works: `.ci/run` starts with one). Then, in the same scratch project: the installed `cloudrun-lb` command plans a
 * program of the user's own, a failing one, a program copied out of programs/, simulates and tests a gcloud URL
 * map; docs/testing.md ("Testing your stack") runs as written (its setup commands, its program, Pulumi's template
 * tsconfig, type-checked); npm 10 (Node 20's npm, installed into a temporary prefix) installs the same tarball;
 * and npm installs the package from a git URL of a fresh clone, building lib/ on the way.
 */
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { freshClone, packOnce, Packed, ROOT, run, runInBackground } from "../support/fresh-clone";

const TSC = require.resolve("typescript/bin/tsc");
const ownPackage = require("../../package.json");

/** The consumer's whole stack program. */
const STACK_PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs, Scheme } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";

const web = new cloudrunv2.Service("web", {
    location: region,
    deletionProtection: false,
    template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
});

const args: ApplicationLoadBalancerArgs = {
    scheme: Scheme.GlobalExternal,
    backends: { web: { cloudRun: { service: web.name, region } } },
    routes: [{ hosts: ["web.example.com"], backend: "web" }],
    https: { certificates: ["projects/platform/global/sslCertificates/web"] },
};
const lb = new ApplicationLoadBalancer("shop", args);

export const url = lb.url;
export const backendServiceIds = lb.backendServiceIds;
`;

/** Runs the compiled program under mocks that record every registration; prints JSON. */
const MOCK_RUNNER = `const pulumi = require("@pulumi/pulumi");
const resources = [];
pulumi.runtime.setMocks(
    {
        newResource: (args) => {
            resources.push({ type: args.type, name: args.name, inputs: args.inputs });
            const id = args.name + "-id";
            return { id, state: { ...args.inputs, name: args.inputs.name || args.name, address: "203.0.113.10" } };
        },
        call: (args) => args.inputs,
    },
    "platform",
    "dev",
    false,
);
const encapsulated = (() => {
    try {
        require.resolve("cloudrun-lb/lib/naming");
        return false;
    } catch (error) {
        return error.code === "ERR_PACKAGE_PATH_NOT_EXPORTED";
    }
})();
const program = require("./index.js");
const value = (output) => new Promise((resolve) => pulumi.output(output).apply(resolve));
(async () => {
    await require("@pulumi/pulumi/runtime/settings").waitForRPCs();
    const url = await value(program.url);
    const backendServiceIds = await value(program.backendServiceIds);
    const gcpModules = Object.keys(require.cache)
        .map((file) => /[\\\\/]@pulumi[\\\\/]gcp[\\\\/]([a-z0-9]+)[\\\\/]index\\.js$/.exec(file))
        .filter((match) => match !== null)
        .map((match) => match[1]);
    process.stdout.write(JSON.stringify({ resources, url, backendServiceIds, encapsulated, gcpModules }));
})().catch((error) => {
    console.error(error && error.message ? error.message : String(error));
    process.exit(1);
});
`;

const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const TESTING_DOC = fs.readFileSync(path.join(ROOT, "docs", "testing.md"), "utf8");

/** A fenced block of docs/testing.md between `<!-- name:start -->` and `<!-- name:end -->`. */
function testingBlock(name: string): string {
    const block = new RegExp(`<!-- ${name}:start -->\n\`\`\`\\w+\n([\\s\\S]*?)\`\`\`\n<!-- ${name}:end -->`).exec(
        TESTING_DOC,
    );
    assert.ok(block, `docs/testing.md has the ${name} block`);
    return block[1];
}

/** Pulumi's `typescript` template tsconfig.json (`pulumi new typescript`), as a platform repository has it. */
const PULUMI_TEMPLATE_TSCONFIG = {
    compilerOptions: {
        strict: true,
        outDir: "bin",
        target: "es2020",
        module: "commonjs",
        moduleResolution: "node",
        sourceMap: true,
        experimentalDecorators: true,
        pretty: true,
        noFallthroughCasesInSwitch: true,
        noImplicitReturns: true,
        forceConsistentCasingInFileNames: true,
    },
    files: ["index.ts"],
};

interface Planned {
    resources: Array<{ type: string; name: string; inputs: Record<string, any> }>;
    url: string;
    backendServiceIds: Record<string, string>;
    encapsulated: boolean;
    /** The `@pulumi/gcp` modules whose index the program loaded. */
    gcpModules: string[];
}

describe("the npm package in a fresh project (npm pack → install → tsc → plan)", function () {
    this.timeout(900_000);
    let work: string;
    let project: string;
    let packed: Packed;
    let npm10Project: Promise<string>;
    let gitProject: Promise<string>;

    before(() => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "cloudrun-lb-package-"));
        project = path.join(work, "platform-stack");
        fs.mkdirSync(project);
        packed = packOnce();

        const dependencies = {
            "cloudrun-lb": `file:${packed.tarball}`,
            "@pulumi/pulumi": ownPackage.devDependencies["@pulumi/pulumi"],
            "@pulumi/gcp": ownPackage.devDependencies["@pulumi/gcp"],
        };
        const manifest = { name: "platform-stack", version: "1.0.0", private: true, dependencies };
        fs.writeFileSync(path.join(project, "package.json"), JSON.stringify(manifest, null, 2));
        run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], project);
        // README "Install": TypeScript 5 for stack programs in TypeScript, as written there.
        const typescriptLine = /^npm install -D typescript@5[^\n]*$/m.exec(README);
        assert.ok(typescriptLine, 'README "Install" says how to add TypeScript 5');
        run("sh", ["-c", `${typescriptLine[0]} --prefer-offline --no-audit --no-fund`], project);
        fs.writeFileSync(path.join(project, "index.ts"), STACK_PROGRAM);
        // The two other installs run in the background while the tests below use this one; their tests await them.
        npm10Project = installWithNpm10(path.join(work, "platform-npm10"));
        gitProject = installFromGit(path.join(work, "platform-git"));
        // Awaited by their tests; a failure before then is not an unhandled rejection.
        npm10Project.catch(() => undefined);
        gitProject.catch(() => undefined);
    });

    /** npm 10 (Node 20's npm), installed into a temporary prefix, installs the same manifest and tarball. */
    async function installWithNpm10(other: string): Promise<string> {
        fs.mkdirSync(other);
        // The manifest as it is now, before later tests add to it.
        fs.copyFileSync(path.join(project, "package.json"), path.join(other, "package.json"));
        const npm10 = path.join(work, "npm10");
        await runInBackground("npm", ["install", "--prefix", npm10, "--no-audit", "--no-fund", "npm@10"], work);
        const npmCli = path.join(npm10, "node_modules", "npm", "bin", "npm-cli.js");
        assert.match(await runInBackground(process.execPath, [npmCli, "--version"], work), /^10\./);
        await runInBackground(
            process.execPath,
            [npmCli, "install", "--prefer-offline", "--no-audit", "--no-fund"],
            other,
        );
        return other;
    }

    /** npm (the one on PATH) installs the package from a git+file:// URL of a fresh clone of HEAD. */
    async function installFromGit(other: string): Promise<string> {
        fs.mkdirSync(other);
        const manifest = JSON.parse(fs.readFileSync(path.join(project, "package.json"), "utf8"));
        manifest.dependencies["cloudrun-lb"] = `git+file://${freshClone()}`;
        fs.writeFileSync(path.join(other, "package.json"), JSON.stringify(manifest, null, 2));
        await runInBackground("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], other);
        return other;
    }

    after(() => {
        if (work) {
            fs.rmSync(work, { recursive: true, force: true });
        }
    });

    it("packs lib/ with declarations, README, CHANGELOG, PulumiPlugin.yaml — and no sources or tests", () => {
        const files = packed.files.map((f) => f.path).sort();
        for (const required of [
            "CHANGELOG.md",
            "PulumiPlugin.yaml",
            "README.md",
            "lib/index.d.ts",
            "lib/index.js",
            "lib/load-balancer.d.ts",
            "package.json",
        ]) {
            assert.ok(files.includes(required), `${required} is not in the tarball`);
        }
        const unexpected = files.filter(
            (f) =>
                !/^lib\/.+\.(js|d\.ts|js\.map)$/.test(f) &&
                !["CHANGELOG.md", "PulumiPlugin.yaml", "README.md", "package.json", "LICENSE"].includes(f),
        );
        assert.deepStrictEqual(unexpected, []);
        // The entry is one bundled file: it requires nothing of its own, only its peers, `yaml` and `re2js` (loaded on
        // the first route regex).
        const entry = fs.readFileSync(path.join(project, "node_modules", "cloudrun-lb", "lib", "index.js"), "utf8");
        // Not preceded by "." or a word character: `config.require("…")` in a message's text is not a module.
        const required = [...entry.matchAll(/(?<![.\w])require\("([^"]+)"\)/g)].map((m) => m[1]);
        assert.deepStrictEqual(
            required.filter((id) => !/^(@pulumi\/(pulumi|gcp)(\/[a-z0-9]+)?|yaml|re2js|crypto)$/.test(id)),
            [],
        );
        assert.match(entry, /\/\/# sourceMappingURL=index\.js\.map\s*$/);
        // One scope (V8 parses it once): no module is wrapped in a function of its own.
        assert.doesNotMatch(entry, /__commonJS\(/);
        // tools/bundle.mjs takes each @pulumi module as its own namespace, which holds only for modules marked `__esModule`.
        assert.doesNotMatch(entry, /__toESM\(require\("@pulumi/);
        const unmarked = [...new Set(required.filter((id) => id.startsWith("@pulumi/")))].filter(
            (id) =>
                !fs
                    .readFileSync(require.resolve(id, { paths: [project] }), "utf8")
                    .includes('Object.defineProperty(exports, "__esModule", { value: true });'),
        );
        assert.deepStrictEqual(unmarked, []);
    });

    it("installs next to only @pulumi/pulumi and @pulumi/gcp, with the versions this repository tests", () => {
        const installed = (name: string) =>
            JSON.parse(fs.readFileSync(path.join(project, "node_modules", name, "package.json"), "utf8")).version;
        assert.strictEqual(installed("cloudrun-lb"), ownPackage.version);
        assert.strictEqual(installed("@pulumi/pulumi"), ownPackage.devDependencies["@pulumi/pulumi"]);
        assert.strictEqual(installed("@pulumi/gcp"), ownPackage.devDependencies["@pulumi/gcp"]);
        assert.deepStrictEqual(
            Object.keys(ownPackage.dependencies),
            ["re2js", "yaml"],
            "the only dependencies besides the peers",
        );
    });

    for (const moduleResolution of ["nodenext", "node10"]) {
        it(`type-checks the stack program and a cloudrun-lb/testing import against lib/*.d.ts (moduleResolution ${moduleResolution})`, () => {
            const compilerOptions = {
                strict: true,
                target: "ES2020",
                module: moduleResolution === "nodenext" ? "nodenext" : "commonjs",
                moduleResolution,
                skipLibCheck: true,
            };
            const config = `tsconfig.${moduleResolution}.json`;
            fs.writeFileSync(
                path.join(project, "uses-testing.ts"),
                'import { mockGcp, settle } from "cloudrun-lb/testing";\n' +
                    'export const recorder = mockGcp({ project: "p" });\nexport const done: Promise<void> = settle();\n',
            );
            const files = ["index.ts", "uses-testing.ts"];
            fs.writeFileSync(path.join(project, config), JSON.stringify({ compilerOptions, files }));
            run(process.execPath, [TSC, "--noEmit", "-p", config], project);
        });
    }

    it("plans under mocks: the load balancer's resources, wired through outputs", () => {
        const js = ts.transpileModule(STACK_PROGRAM, {
            compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
        }).outputText;
        fs.writeFileSync(path.join(project, "index.js"), js);
        fs.writeFileSync(path.join(project, "plan.js"), MOCK_RUNNER);
        const planned: Planned = JSON.parse(run(process.execPath, ["plan.js"], project));

        assert.ok(planned.encapsulated, "deep imports (cloudrun-lb/lib/...) must be blocked by `exports`");
        // The program's own cloudrunv2 and the load balancer's compute: the other @pulumi/gcp modules the package
        // may use (storage, dns, iap, certificatemanager, …) load on first use only.
        assert.deepStrictEqual(planned.gcpModules.sort(), ["cloudrunv2", "compute"]);
        const byType = (type: string) => planned.resources.filter((r) => r.type === type);
        assert.deepStrictEqual(
            byType("cloudrun-lb:index:ApplicationLoadBalancer").map((r) => r.name),
            ["shop"],
        );
        const [neg] = byType("gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup");
        assert.deepStrictEqual(neg.inputs.cloudRun, { service: "web" });
        assert.strictEqual(neg.inputs.region, "europe-west1");
        assert.strictEqual(neg.inputs.networkEndpointType, "SERVERLESS");
        const [backend] = byType("gcp:compute/backendService:BackendService");
        assert.strictEqual(backend.inputs.loadBalancingScheme, "EXTERNAL_MANAGED");
        assert.deepStrictEqual(backend.inputs.backends, [{ group: `${neg.name}-id` }]);
        const urlMap = byType("gcp:compute/uRLMap:URLMap").find((r) => r.name === "shop-url-map")!;
        assert.strictEqual(urlMap.inputs.defaultService, `${backend.name}-id`);
        assert.deepStrictEqual(
            urlMap.inputs.hostRules.map((h: { hosts: string[] }) => h.hosts),
            [["web.example.com"]],
        );
        assert.deepStrictEqual(byType("gcp:compute/targetHttpsProxy:TargetHttpsProxy")[0].inputs.sslCertificates, [
            "projects/platform/global/sslCertificates/web",
        ]);
        assert.deepStrictEqual(planned.backendServiceIds, { web: `${backend.name}-id` });
        assert.strictEqual(planned.url, "https://203.0.113.10");
    });

    /** Runs the installed command; returns its exit status and output. */
    function command(args: string[], cwd = project): { status: number; stdout: string; stderr: string } {
        const bin = path.join(project, "node_modules", ".bin", "cloudrun-lb");
        try {
            const stdout = execFileSync(bin, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
            return { status: 0, stdout, stderr: "" };
        } catch (error) {
            const e = error as { status: number; stdout: string; stderr: string };
            return { status: e.status, stdout: e.stdout, stderr: e.stderr };
        }
    }

    it("plans the user's own program with the installed command: a bucket, a DNS record, getProject", () => {
        const stack = path.join(project, "stack");
        fs.cpSync(path.join(ROOT, "tests", "fixtures", "cli", "neighbours"), stack, { recursive: true });
        const { status, stdout, stderr } = command(["plan", "stack", "--json"]);
        assert.strictEqual(status, 0, stderr + stdout.slice(-2000));
        const result = JSON.parse(stdout);
        assert.deepStrictEqual(result.errors, []);
        const record = result.resources.find((r: { type: string }) => r.type === "gcp:dns/recordSet:RecordSet");
        assert.deepStrictEqual(record.inputs.rrdatas, ["203.0.113.10"]);
        assert.ok(result.resources.some((r: { type: string }) => r.type === "gcp:storage/bucket:Bucket"));
        assert.strictEqual(result.outputs.projectNumber, "123456789012");
    });

    it("fails a program that throws with exit code 1 and its message", () => {
        const boom = path.join(project, "boom");
        fs.cpSync(path.join(ROOT, "tests", "fixtures", "cli", "throws"), boom, { recursive: true });
        const { status, stdout } = command(["plan", "boom"]);
        assert.strictEqual(status, 1);
        assert.match(stdout, /Errors:\n {2}boom\n {6}at boom\/index\.ts:4:11/);
    });

    it("simulates and tests a gcloud-export URL map with the installed command", () => {
        const map = path.join(ROOT, "tests", "fixtures", "cli", "url-map.yaml");
        const routed = command(["simulate", "--url-map", map, "--request", "GET https://api.example.com/v1/x"]);
        assert.strictEqual(routed.status, 0);
        assert.match(routed.stdout, /backend backendServices\/api-v1,/);
        const failing = command([
            "test",
            "--url-map",
            path.join(ROOT, "tests", "fixtures", "cli", "url-map-failing.yaml"),
        ]);
        assert.strictEqual(failing.status, 1);
        assert.match(
            failing.stdout,
            /expected: backend backendServices\/api-v2\n +actual: +backend backendServices\/api-v1/,
        );
    });

    it("plans a program copied out of programs/ (its own Pulumi.yaml and tsconfig) and type-checks it", () => {
        const copy = path.join(project, "url-mask");
        fs.cpSync(path.join(ROOT, "programs", "url-mask"), copy, { recursive: true });
        const request = "GET http://login.example.com/";
        const { status, stdout, stderr } = command(["plan", "url-mask", "--json", "--request", request]);
        assert.strictEqual(status, 0, stderr + stdout.slice(-2000));
        const result = JSON.parse(stdout);
        assert.deepStrictEqual(result.errors, []);
        assert.ok(
            result.resources.some((r: { type: string }) => r.type === "cloudrun-lb:index:ApplicationLoadBalancer"),
        );
        // The routing the command reads was recorded by the package's bundled entry, which the program loaded.
        assert.deepStrictEqual(result.routes[0], {
            loadBalancer: "shop",
            route: "0",
            hosts: "example.com",
            match: "/home/*",
            action: "backend",
            backends: "tagPath",
            rewrite: "",
            errorPages: "",
        });
        assert.strictEqual(result.request[0].summary, 'backend "serviceHost" (Cloud Run service "login")');
        run(process.execPath, [TSC, "--noEmit", "-p", "url-mask"], project);
    });

    it('runs docs/testing.md ("Testing your stack") as written: its setup, its program, Pulumi\'s tsconfig, type-checked', () => {
        const [install, test] = testingBlock("testing-setup").trim().split("\n");
        const program = testingBlock("testing-program");
        assert.strictEqual(
            program,
            fs.readFileSync(path.join(ROOT, "tests", "fixtures", "cli", "neighbours", "index.ts"), "utf8"),
            "the program of docs/testing.md is the one tests/cli.spec.ts plans",
        );
        run("sh", ["-c", `${install} --prefer-offline --no-audit --no-fund`], project);
        const stack = path.join(project, "readme-stack");
        fs.mkdirSync(path.join(stack, "test"), { recursive: true });
        fs.writeFileSync(path.join(stack, "index.ts"), program);
        fs.writeFileSync(path.join(stack, "tsconfig.json"), JSON.stringify(PULUMI_TEMPLATE_TSCONFIG, null, 4));
        fs.writeFileSync(path.join(stack, "test", "stack.spec.ts"), testingBlock("testing-example"));
        const output = run("sh", ["-c", test], stack);
        assert.match(output, /2 passing/);
    });

    it('runs docs/testing.md "Stack config and route assertions" as written: config in mockGcp, routeOf, one/named', () => {
        const docs = fs.readFileSync(path.join(ROOT, "docs", "testing.md"), "utf8");
        const block = (name: string) => {
            const found = new RegExp(
                `<!-- ${name}:start -->\n\`\`\`\\w+\n([\\s\\S]*?)\`\`\`\n<!-- ${name}:end -->`,
            ).exec(docs);
            assert.ok(found, `docs/testing.md has the ${name} block`);
            return found[1];
        };
        const [install, test] = block("testing-config-setup").trim().split("\n");
        run("sh", ["-c", `${install} --prefer-offline --no-audit --no-fund`], project);
        const stack = path.join(project, "config-stack");
        fs.mkdirSync(path.join(stack, "test"), { recursive: true });
        fs.writeFileSync(path.join(stack, "Pulumi.yaml"), "name: platform\nruntime: nodejs\n");
        fs.writeFileSync(path.join(stack, "index.ts"), block("testing-config-program"));
        fs.writeFileSync(path.join(stack, "tsconfig.json"), JSON.stringify(PULUMI_TEMPLATE_TSCONFIG, null, 4));
        fs.writeFileSync(path.join(stack, "test", "stack.spec.ts"), block("testing-config-example"));
        const output = run("sh", ["-c", test], stack);
        assert.match(output, /4 passing/);
        assert.doesNotMatch(output, /failing/);
    });

    it("installs with npm 10 (Node 20's npm) as well, from the same tarball", async () => {
        const other = await npm10Project;
        const bin = path.join(other, "node_modules", ".bin", "cloudrun-lb");
        assert.ok(fs.existsSync(bin), "the command is linked");
        assert.match(
            execFileSync(bin, ["--version"], { cwd: other, encoding: "utf8" }),
            new RegExp(`^${ownPackage.version}`),
        );
    });

    it("installs from a git URL (git+file:// of a fresh clone): npm builds lib/ while packing it", async () => {
        const other = await gitProject;
        const installed = path.join(other, "node_modules", "cloudrun-lb");
        const files = fs.readdirSync(installed).sort();
        assert.deepStrictEqual(files, ["CHANGELOG.md", "PulumiPlugin.yaml", "README.md", "lib", "package.json"]);
        const bin = path.join(other, "node_modules", ".bin", "cloudrun-lb");
        assert.match(run(bin, ["--version"], other), new RegExp(`^${ownPackage.version}\n`));
        const testing = 'process.stdout.write(typeof require("cloudrun-lb/testing").mockGcp)';
        assert.strictEqual(run(process.execPath, ["-e", testing], other), "function");
    });
});
