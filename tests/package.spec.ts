/**
 * The package as a platform repository consumes it: `npm pack` (which builds lib/ through `prepare`), install
 * the tarball into a fresh project outside this repository next to only `@pulumi/pulumi` and `@pulumi/gcp`,
 * type-check a one-file stack program against the installed declarations, and plan it under Pulumi mocks.
 *
 * The install resolves like a user's: no lockfile, the exact @pulumi versions this repository tests,
 * `--prefer-offline` so what the cache holds is reused and what it lacks comes from the registry.
 */
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..");
const TSC = require.resolve("typescript/bin/tsc");
const ownPackage = require("../package.json");

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
    process.stdout.write(JSON.stringify({ resources, url, backendServiceIds, encapsulated }));
})().catch((error) => {
    console.error(error && error.message ? error.message : String(error));
    process.exit(1);
});
`;

function run(command: string, args: string[], cwd: string): string {
    // The parent `npm test` exports npm_* variables (lifecycle, config); the children get a clean npm.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith("npm_")));
    try {
        return execFileSync(command, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
        const e = error as { stdout?: string; stderr?: string; message: string };
        throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${e.stdout ?? ""}\n${e.stderr ?? e.message}`);
    }
}

interface Planned {
    resources: Array<{ type: string; name: string; inputs: Record<string, any> }>;
    url: string;
    backendServiceIds: Record<string, string>;
    encapsulated: boolean;
}

describe("the npm package in a fresh project (npm pack → install → tsc → plan)", function () {
    this.timeout(900_000);
    let work: string;
    let project: string;
    let packed: { filename: string; files: Array<{ path: string }> };

    before(() => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "cloudrun-lb-package-"));
        project = path.join(work, "platform-stack");
        fs.mkdirSync(project);
        packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], ROOT))[0];

        const dependencies = {
            "cloudrun-lb": `file:../${packed.filename}`,
            "@pulumi/pulumi": ownPackage.devDependencies["@pulumi/pulumi"],
            "@pulumi/gcp": ownPackage.devDependencies["@pulumi/gcp"],
        };
        const manifest = { name: "platform-stack", version: "1.0.0", private: true, dependencies };
        fs.writeFileSync(path.join(project, "package.json"), JSON.stringify(manifest, null, 2));
        run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], project);
        fs.writeFileSync(path.join(project, "index.ts"), STACK_PROGRAM);
    });

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
    });

    it("installs next to only @pulumi/pulumi and @pulumi/gcp, with the versions this repository tests", () => {
        const installed = (name: string) =>
            JSON.parse(fs.readFileSync(path.join(project, "node_modules", name, "package.json"), "utf8")).version;
        assert.strictEqual(installed("cloudrun-lb"), ownPackage.version);
        assert.strictEqual(installed("@pulumi/pulumi"), ownPackage.devDependencies["@pulumi/pulumi"]);
        assert.strictEqual(installed("@pulumi/gcp"), ownPackage.devDependencies["@pulumi/gcp"]);
        assert.ok(!fs.existsSync(path.join(project, "node_modules", "typescript")), "typescript came along");
    });

    for (const moduleResolution of ["nodenext", "node10"]) {
        it(`type-checks the stack program against lib/*.d.ts (tsc --noEmit, moduleResolution ${moduleResolution})`, () => {
            const compilerOptions = {
                strict: true,
                target: "ES2020",
                module: moduleResolution === "nodenext" ? "nodenext" : "commonjs",
                moduleResolution,
                skipLibCheck: true,
            };
            const config = `tsconfig.${moduleResolution}.json`;
            fs.writeFileSync(path.join(project, config), JSON.stringify({ compilerOptions, files: ["index.ts"] }));
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
});
