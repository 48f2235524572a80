import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { run } from "../../components/cli/main";
import { plan, PlanResult } from "../../components/cli/plan";
import { loadExports } from "../../components/cli/adopt";
import { importedPackages } from "../support/program-config";
import { parse as parseYaml } from "yaml";

const ownPackage = require("../../package.json");

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "tests", "fixtures", "adopt");
const CASES = ["internal-walkthrough", "classic-internet-neg", "terraform-serverless-negs"] as const;

/** Runs the command line; returns its exit code and what it printed. */
async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
    const lines: string[] = [];
    const code = await run(
        argv,
        (t) => lines.push(t),
        (t) => lines.push(t),
    );
    return { code, out: lines.join("\n") };
}

/** A program directory outside the repository that resolves the repository's packages, as a user's repo would. */
function programDir(name: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `adopt-${name}-`));
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    return dir;
}

/** A copy of a fixture with one file edited. */
function changedExports(name: string, file: string, edit: (text: string) => string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `adopt-changed-${name}-`));
    for (const f of fs.readdirSync(path.join(FIXTURES, name))) {
        fs.copyFileSync(path.join(FIXTURES, name, f), path.join(dir, f));
    }
    const target = path.join(dir, file);
    const before = fs.readFileSync(target, "utf8");
    const after = edit(before);
    assert.notStrictEqual(after, before, `the edit of ${file} changed nothing`);
    fs.writeFileSync(target, after);
    return dir;
}

const IMPORTS: Record<(typeof CASES)[number], string[]> = {
    "internal-walkthrough": [
        "projects/my-project/regions/us-central1/backendServices/hello-backend-service",
        "projects/my-project/regions/us-central1/forwardingRules/hello-https-forwarding-rule",
        "projects/my-project/regions/us-central1/networkEndpointGroups/hello-serverless-neg",
        "projects/my-project/regions/us-central1/targetHttpsProxies/hello-https-proxy",
        "projects/my-project/regions/us-central1/urlMaps/hello-url-map",
    ],
    "classic-internet-neg": [
        "projects/lb-project/global/addresses/hello-lb-ip",
        "projects/lb-project/global/backendServices/hello-backend",
        "projects/lb-project/global/backendServices/hello2-backend",
        "projects/lb-project/global/forwardingRules/hello-lb-frontend",
        "projects/lb-project/global/networkEndpointGroups/run-app",
        "projects/lb-project/global/networkEndpointGroups/run-app//hello-abcdefghij-ew.a.run.app/443",
        "projects/lb-project/global/targetHttpProxies/hello-lb-target-proxy",
        "projects/lb-project/global/urlMaps/hello-lb",
    ],
    "terraform-serverless-negs": [
        "projects/shop-prod/global/addresses/tf-lb-address",
        "projects/shop-prod/global/backendServices/tf-lb-backend-canary",
        "projects/shop-prod/global/backendServices/tf-lb-backend-default",
        "projects/shop-prod/global/forwardingRules/tf-lb",
        "projects/shop-prod/global/forwardingRules/tf-lb-https",
        "projects/shop-prod/global/targetHttpProxies/tf-lb-http-proxy",
        "projects/shop-prod/global/targetHttpsProxies/tf-lb-https-proxy",
        "projects/shop-prod/global/urlMaps/tf-lb-https-redirect",
        "projects/shop-prod/global/urlMaps/tf-lb-url-map",
        "projects/shop-prod/regions/europe-west1/networkEndpointGroups/shop-web-canary-neg",
        "projects/shop-prod/regions/europe-west1/networkEndpointGroups/shop-web-neg",
    ],
};

describe("cloudrun-lb adopt and diff", () => {
    const dirs: Record<string, string> = {};
    const adopted: Record<string, { code: number; out: string; json: any }> = {};
    const plans: Record<string, PlanResult> = {};

    before(async () => {
        for (const name of CASES) {
            dirs[name] = programDir(name);
            const result = await cli("adopt", path.join(FIXTURES, name), "--out", dirs[name], "--json");
            adopted[name] = { ...result, json: JSON.parse(result.out) };
            plans[name] = await plan({ program: dirs[name] });
        }
    });

    for (const name of CASES) {
        describe(name, () => {
            it("writes index.ts, Pulumi.yaml, package.json, tsconfig.json and README.md, exit 0", () => {
                assert.strictEqual(adopted[name].code, 0, adopted[name].out);
                for (const file of ["index.ts", "Pulumi.yaml", "package.json", "tsconfig.json", "README.md"]) {
                    assert.ok(fs.existsSync(path.join(dirs[name], file)), file);
                }
                assert.match(
                    fs.readFileSync(path.join(dirs[name], "index.ts"), "utf8"),
                    /new ApplicationLoadBalancer\(/,
                );
            });

            it("writes a Pulumi template: package.json from vendor/, Pulumi.yaml template: config, README start", () => {
                const dir = dirs[name];
                const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
                assert.deepStrictEqual(
                    Object.keys(manifest.dependencies).sort(),
                    importedPackages(path.join(dir, "index.ts")),
                );
                assert.deepStrictEqual(manifest.dependencies, {
                    "@pulumi/pulumi": `^${ownPackage.devDependencies["@pulumi/pulumi"]}`,
                    "cloudrun-lb": `file:vendor/cloudrun-lb-${ownPackage.version}.tgz`,
                });
                assert.deepStrictEqual(manifest.devDependencies, {
                    "@types/node": `^${ownPackage.devDependencies["@types/node"]}`,
                    typescript: `^${ownPackage.devDependencies.typescript}`,
                });
                const project = parseYaml(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8"));
                assert.strictEqual(project.config, undefined, "no top-level config: block");
                assert.strictEqual(project.template.description, project.description);
                const config = project.template.config;
                assert.strictEqual(config["gcp:project"].default, IMPORTS[name][0].split("/")[1]);
                assert.ok(config["gcp:project"].description);
                assert.deepStrictEqual(
                    Object.keys(config).filter((key) => key !== "gcp:project" && key !== "gcp:region"),
                    [],
                    "index.ts reads no config of its own",
                );
                if (name === "internal-walkthrough") assert.strictEqual(config["gcp:region"].default, "us-central1");
                const readme = fs.readFileSync(path.join(dir, "README.md"), "utf8");
                assert.ok(readme.includes("## Start from this template"));
                assert.ok(readme.includes(`cp <cloudrun-lb checkout>/cloudrun-lb-${ownPackage.version}.tgz vendor/`));
                assert.ok(readme.includes("npm install"));
                assert.ok(readme.includes("npx cloudrun-lb plan ."));
            });

            it("plans with an import id on every cloud resource: exactly the live resources", () => {
                assert.deepStrictEqual(plans[name].errors, []);
                const cloud = plans[name].resources.filter((r) => r.type.startsWith("gcp:"));
                assert.deepStrictEqual(
                    cloud.filter((r) => r.import === undefined).map((r) => r.name),
                    [],
                );
                assert.deepStrictEqual(cloud.map((r) => r.import).sort(), IMPORTS[name]);
            });

            it("diff on the same exports: no changes, exit 0", async () => {
                const result = await cli("diff", path.join(FIXTURES, name), dirs[name]);
                assert.strictEqual(result.code, 0, result.out);
                assert.match(result.out, /^no changes/);
            });

            it("every live resource is adopted, used by reference, or listed as not expressible", () => {
                const live = loadExports(path.join(FIXTURES, name)).resources.map((r) => r.path);
                const json = adopted[name].json;
                const imported = Object.values(json.adopted as Record<string, { importId: string }>).map(
                    (a) => a.importId,
                );
                const accounted = new Set([
                    ...imported,
                    ...json.referenced,
                    ...json.notExpressible.map((n: { resource: string }) => n.resource),
                ]);
                assert.deepStrictEqual(
                    live.filter((p) => !accounted.has(p)),
                    [],
                );
            });
        });
    }

    it("type-checks the three written programs against the package's types", function () {
        this.timeout(300000);
        const program = ts.createProgram(
            CASES.map((name) => path.join(dirs[name], "index.ts")),
            {
                strict: true,
                noEmit: true,
                target: ts.ScriptTarget.ES2020,
                module: ts.ModuleKind.CommonJS,
                moduleResolution: ts.ModuleResolutionKind.Node10,
                esModuleInterop: true,
                skipLibCheck: true,
                types: ["node"],
                typeRoots: [path.join(ROOT, "node_modules", "@types")],
                baseUrl: ROOT,
                paths: { "cloudrun-lb": ["components/index.ts"] },
            },
        );
        const diagnostics = ts
            .getPreEmitDiagnostics(program)
            .filter(
                (d) =>
                    d.file &&
                    CASES.some(
                        (name) =>
                            d.file!.fileName.startsWith(fs.realpathSync(dirs[name])) ||
                            d.file!.fileName.startsWith(dirs[name]),
                    ),
            )
            .map((d) => `${d.file!.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
        assert.deepStrictEqual(diagnostics, []);
    });

    it("the internal load balancer keeps its literal VIP, its regional SSL certificate by reference, no SSL policy, and protocol HTTP", () => {
        const index = fs.readFileSync(path.join(dirs["internal-walkthrough"], "index.ts"), "utf8");
        assert.match(index, /existing: "10\.1\.2\.99"/);
        const proxy = plans["internal-walkthrough"].resources.find(
            (r) => r.type === "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
        )!;
        assert.deepStrictEqual(proxy.inputs.sslCertificates, [
            "projects/my-project/regions/us-central1/sslCertificates/hello-cert",
        ]);
        assert.strictEqual(proxy.inputs.sslPolicy, undefined);
        const service = plans["internal-walkthrough"].resources.find(
            (r) => r.type === "gcp:compute/regionBackendService:RegionBackendService",
        )!;
        assert.strictEqual(service.inputs.protocol, "HTTP");
        assert.strictEqual(service.inputs.name, "hello-backend-service");
    });

    it("the classic load balancer shares one internet NEG between two backend services with their Host headers, /hello2 rewritten to /", () => {
        const result = plans["classic-internet-neg"];
        const negs = result.resources.filter(
            (r) => r.type === "gcp:compute/globalNetworkEndpointGroup:GlobalNetworkEndpointGroup",
        );
        assert.deepStrictEqual(
            negs.map((n) => n.inputs.name),
            ["run-app"],
        );
        const services = result.resources
            .filter((r) => r.type === "gcp:compute/backendService:BackendService")
            .map((r) => [r.inputs.name, r.inputs.customRequestHeaders, r.inputs.loadBalancingScheme]);
        assert.deepStrictEqual(services, [
            ["hello-backend", ["host:hello-abcdefghij-ew.a.run.app"], "EXTERNAL"],
            ["hello2-backend", ["host:hello2-abcdefghij-ew.a.run.app"], "EXTERNAL"],
        ]);
    });

    it("diff names a changed weight", async () => {
        const changed = changedExports("terraform-serverless-negs", "url-map-tf-lb-url-map.yaml", (t) =>
            t.replace("weight: 10\n", "weight: 20\n").replace("weight: 90\n", "weight: 80\n"),
        );
        const result = await cli("diff", changed, dirs["terraform-serverless-negs"]);
        assert.strictEqual(result.code, 1);
        assert.match(
            result.out,
            /urlMaps\/tf-lb-url-map {2}routing of shop\.example\.com\/api\/: backends\n {4}live: {4}projects\/shop-prod\/global\/backendServices\/tf-lb-backend-canary weight 20, projects\/shop-prod\/global\/backendServices\/tf-lb-backend-default weight 80\n {4}planned: projects\/shop-prod\/global\/backendServices\/tf-lb-backend-canary weight 10/,
        );
    });

    it("diff names a changed path rule", async () => {
        const changed = changedExports("classic-internet-neg", "url-map-hello-lb.yaml", (t) =>
            t.replace("- /hello2", "- /hello3"),
        );
        const result = await cli("diff", changed, dirs["classic-internet-neg"]);
        assert.strictEqual(result.code, 1);
        assert.match(
            result.out,
            /urlMaps\/hello-lb {2}routing of any\.invalid\/hello2: backends\n {4}live: {4}projects\/lb-project\/global\/backendServices\/hello-backend weight 1\n {4}planned: projects\/lb-project\/global\/backendServices\/hello2-backend weight 1/,
        );
        assert.match(
            result.out,
            /routing of any\.invalid\/hello3: forwardedAs\n {4}live: {4}any\.invalid\/\n {4}planned: any\.invalid\/hello3/,
        );
    });

    it("diff names a changed header: a backend service's Host override and a weighted backend's request header", async () => {
        const host = changedExports("classic-internet-neg", "backend-service-hello2-backend.json", (t) =>
            t.replace("host:hello2-", "host:hello3-"),
        );
        const hostResult = await cli("diff", host, dirs["classic-internet-neg"]);
        assert.strictEqual(hostResult.code, 1);
        assert.ok(
            hostResult.out.includes(
                '~ backendServices/hello2-backend  customRequestHeaders\n    live:    ["host:hello3-abcdefghij-ew.a.run.app"]\n    planned: ["host:hello2-abcdefghij-ew.a.run.app"]',
            ),
            hostResult.out,
        );
        const header = changedExports("terraform-serverless-negs", "url-map-tf-lb-url-map.yaml", (t) =>
            t.replace('headerValue: "true"', 'headerValue: "yes"'),
        );
        const headerResult = await cli("diff", header, dirs["terraform-serverless-negs"]);
        assert.strictEqual(headerResult.code, 1);
        assert.match(
            headerResult.out,
            /routing of shop\.example\.com\/api\/: requestHeaders\n {4}live: {4}\{"projects\/shop-prod\/global\/backendServices\/tf-lb-backend-canary x-canary":"yes"\}/,
        );
    });

    it("lists a live resource it cannot place and exits 3", async () => {
        const extra = changedExports("internal-walkthrough", "url-map-hello-url-map.json", (t) => `${t}\n`);
        fs.writeFileSync(
            path.join(extra, "backend-service-orphan.json"),
            JSON.stringify({
                kind: "compute#backendService",
                name: "orphan",
                selfLink:
                    "https://www.googleapis.com/compute/v1/projects/my-project/regions/us-central1/backendServices/orphan",
                loadBalancingScheme: "INTERNAL_MANAGED",
            }),
        );
        const result = await cli("adopt", extra, "--out", programDir("orphan"));
        assert.strictEqual(result.code, 3);
        assert.match(
            result.out,
            /Not expressible: 1\n {2}! backendServices\/orphan: not reached from the load balancer's forwarding rules/,
        );
    });
});
