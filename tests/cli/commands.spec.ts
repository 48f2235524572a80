/**
 * The `cloudrun-lb` command in-process: plan (any resource type next to the load balancer, data sources, failures
 * that are never silent), simulate and test over a URL map as `gcloud compute url-maps export` writes it.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ExitCode } from "../../components/cli/main";
import { cli } from "../support/cli";
import { PlanResult } from "../../components/cli/plan";
import { mockGcp } from "../../components/testing";
import { computeCollection } from "../../components/testing/mocks";

const FIXTURES = "tests/fixtures/cli";

describe("cloudrun-lb plan", () => {
    it("plans a program with resources and data sources next to the load balancer, no null where a value would be", async () => {
        const { code, out } = await cli("plan", `${FIXTURES}/neighbours`, "--json");
        const result: PlanResult = JSON.parse(out);
        assert.deepStrictEqual(result.errors, []);
        assert.strictEqual(code, ExitCode.Ok);
        const one = (type: string, name: string) => result.resources.find((r) => r.type === type && r.name === name)!;
        const record = one("gcp:dns/recordSet:RecordSet", "shop");
        assert.deepStrictEqual(record.inputs.rrdatas, [result.outputs.ip]);
        assert.strictEqual(result.outputs.ip, "203.0.113.10");
        assert.strictEqual(record.inputs.name, "shop.example.com.");
        const urlMap = one("gcp:compute/uRLMap:URLMap", "shop-url-map");
        const [matcher] = urlMap.inputs.pathMatchers as Array<{ pathRules: Array<{ service: string }> }>;
        assert.strictEqual(
            matcher.pathRules[0].service,
            "https://www.googleapis.com/compute/v1/projects/platform-prod/global/backendBuckets/assets",
        );
        assert.deepStrictEqual(result.outputs, {
            cname: result.outputs.cname,
            ip: "203.0.113.10",
            projectNumber: "123456789012",
            recordName: "shop.example.com.",
        });
        assert.match(String(result.outputs.cname), /^[0-9a-f]{12}\.\d\.authorize\.certificatemanager\.goog\.$/);
    });

    it("fails with the program's message and stack frame when it throws", async () => {
        const { code, out } = await cli("plan", `${FIXTURES}/throws`);
        assert.strictEqual(code, ExitCode.Failed);
        assert.match(out, /Errors:\n {2}boom\n {6}at tests\/fixtures\/cli\/throws\/index\.ts:4:11/);
    });

    it("names a data source it cannot answer, how to answer it, and what never resolved", async () => {
        const { code, out } = await cli("plan", `${FIXTURES}/unknown-call`, "--json");
        const result: PlanResult = JSON.parse(out);
        assert.strictEqual(code, ExitCode.Failed);
        assert.deepStrictEqual(
            result.errors.map((e) => e.message),
            [
                'stack output nic: no offline answer for the data source gcp:compute/getInstance:getInstance: give one with --invoke-result gcp:compute/getInstance:getInstance=<file.json> (cloudrun-lb plan), or invokeResults: { "gcp:compute/getInstance:getInstance": {...} } (mockGcp)',
                "values that never resolved (each waits for something that failed or was never created):\n" +
                    "  gcp:dns/recordSet:RecordSet r: never registered (an input never resolved)",
            ],
        );
    });

    it("says a program directory that does not exist, or is a file, is a wrong command line (exit 2)", async () => {
        const { code, out, err } = await cli("plan", `${FIXTURES}/nope`);
        assert.strictEqual(code, ExitCode.Usage);
        assert.strictEqual(out, "");
        assert.match(err, /^cloudrun-lb plan: tests\/fixtures\/cli\/nope does not exist\n/);
        const file = await cli("plan", `${FIXTURES}/throws/index.ts`);
        assert.strictEqual(file.code, ExitCode.Usage);
        assert.match(
            file.err,
            /^cloudrun-lb plan: tests\/fixtures\/cli\/throws\/index\.ts is a file; give the directory of a stack program, the one with its Pulumi\.yaml\n/,
        );
    });

    it("skips a secure value of Pulumi.<stack>.yaml with a warning; --config gives it; a missing one names --config", async () => {
        const skipped = await cli("plan", `${FIXTURES}/config`, "--json");
        const result: PlanResult = JSON.parse(skipped.out);
        assert.strictEqual(skipped.code, ExitCode.Failed);
        assert.deepStrictEqual(result.warnings, [
            "config settings:apiToken is encrypted in Pulumi.dev.yaml and cannot be read offline; the plan runs " +
                "without it (give a value with --config settings:apiToken=...)",
        ]);
        assert.deepStrictEqual(
            result.errors.map((e) => e.message),
            [
                "Missing required configuration variable 'settings:apiToken'\n" +
                    "\tplease set a value using the command `pulumi config set --secret settings:apiToken <value>`\n" +
                    "\toffline: cloudrun-lb plan --config settings:apiToken=<value>, or set it in Pulumi.dev.yaml",
            ],
        );
        const given = await cli(
            "plan",
            `${FIXTURES}/config`,
            "--json",
            "--config",
            "apiToken=t0ken",
            "--config",
            "domain=shop.example.com",
        );
        const planned: PlanResult = JSON.parse(given.out);
        assert.deepStrictEqual(planned.errors, []);
        assert.strictEqual(given.code, ExitCode.Ok);
        assert.deepStrictEqual(planned.warnings, [], "the key given without its namespace answers the secure one");
        assert.deepStrictEqual(planned.outputs, { token: "[secret]", domain: "shop.example.com" });
    });

    it("rejects an unknown option with exit code 2", async () => {
        const { code, err } = await cli("plan", "--nope");
        assert.strictEqual(code, ExitCode.Usage);
        assert.match(err, /unknown option --nope/);
    });
});

describe("cloudrun-lb simulate and test (gcloud export YAML)", () => {
    it("routes a request: the weighted split of a header-matched route rule", async () => {
        const { code, out } = await cli(
            "simulate",
            "--url-map",
            `${FIXTURES}/url-map.yaml`,
            "--request",
            "GET https://api.example.com/v2/orders",
            "--header",
            "x-canary:true",
            "--json",
        );
        assert.strictEqual(code, ExitCode.Ok);
        const [{ urlMap, result }] = JSON.parse(out);
        assert.strictEqual(urlMap, "web-map");
        assert.deepStrictEqual(
            result.backends.map((b: { service: string; weight: number }) => [b.service.split("/").pop(), b.weight]),
            [
                ["api-v2", 90],
                ["api-v1", 10],
            ],
        );
        assert.strictEqual(result.backends[0].requestHeaders["x-route"], "canary");
    });

    it("names the backend service, the rewritten path, a backend bucket and a redirect", async () => {
        const route = async (request: string) =>
            (await cli("simulate", "--url-map", `${FIXTURES}/url-map.yaml`, "--request", request)).out.split("\n")[0];
        assert.match(
            await route("GET https://api.example.com/v2/orders"),
            /backend backendServices\/api-v2, forwarded as api\.example\.com\/orders$/,
        );
        assert.match(await route("GET https://www.example.com/static/a.css"), /backend backendBuckets\/assets,/);
        assert.match(
            await route("GET http://www.example.com/old?q=1"),
            /redirect 302 to http:\/\/www\.example\.com\/new\?q=1$/,
        );
        assert.match(await route("GET https://api.example.com/v1/x"), /backend backendServices\/api-v1,/);
    });

    it("runs the map's own tests: exit 0 when all pass, 1 with expected and actual when one fails", async () => {
        const passing = await cli("test", "--url-map", `${FIXTURES}/url-map.yaml`);
        assert.strictEqual(passing.code, ExitCode.Ok);
        assert.match(passing.out, /3 passed, 0 failed/);
        const failing = await cli("test", "--url-map", `${FIXTURES}/url-map-failing.yaml`);
        assert.strictEqual(failing.code, ExitCode.Failed);
        assert.match(
            failing.out,
            /FAIL tests\[0\] api\.example\.com\/v1\/orders\n +expected: backend backendServices\/api-v2\n +actual: +backend backendServices\/api-v1/,
        );
    });

    it("explains a file that is not a URL map (exit 2)", async () => {
        const { code, err } = await cli("test", "--url-map", `${FIXTURES}/throws/Pulumi.yaml`);
        assert.strictEqual(code, ExitCode.Usage);
        assert.match(err, /not a URL map/);
    });

    it("--help for each command", async () => {
        for (const command of ["plan", "simulate", "test"]) {
            const { code, out } = await cli(command, "--help");
            assert.strictEqual(code, ExitCode.Ok);
            assert.match(out, new RegExp(`^Usage: cloudrun-lb ${command}`));
            assert.match(out, /Exit codes:/);
        }
    });
});

describe("GCP-shaped mocks for any compute kind", () => {
    it("derives the collection and scope from the type token", () => {
        assert.deepStrictEqual(
            [
                "BackendBucket",
                "URLMap",
                "RegionUrlMap",
                "GlobalAddress",
                "Address",
                "SSLPolicy",
                "TargetHttpsProxy",
                "ManagedSslCertificate",
                "NetworkEndpointGroup",
                "RegionNetworkEndpointGroup",
            ].map((kind) => [kind, computeCollection(kind).collection, computeCollection(kind).scope]),
            [
                ["BackendBucket", "backendBuckets", "global"],
                ["URLMap", "urlMaps", "global"],
                ["RegionUrlMap", "urlMaps", "regional"],
                ["GlobalAddress", "addresses", "global"],
                ["Address", "addresses", "regional"],
                ["SSLPolicy", "sslPolicies", "global"],
                ["TargetHttpsProxy", "targetHttpsProxies", "global"],
                ["ManagedSslCertificate", "sslCertificates", "global"],
                ["NetworkEndpointGroup", "networkEndpointGroups", "zonal"],
                ["RegionNetworkEndpointGroup", "networkEndpointGroups", "regional"],
            ],
        );
    });
});

describe("mockGcp: a data source the mocks cannot answer", () => {
    before(() => {
        mockGcp();
    });

    it("rejects with the token and how to answer it, not Pulumi's empty Error", async () => {
        const compute: typeof import("@pulumi/gcp/compute") = require("@pulumi/gcp/compute");
        await assert.rejects(compute.getInstance({ name: "legacy", zone: "europe-west1-b" }), {
            message:
                "no offline answer for the data source gcp:compute/getInstance:getInstance: give one with " +
                "--invoke-result gcp:compute/getInstance:getInstance=<file.json> (cloudrun-lb plan), or " +
                'invokeResults: { "gcp:compute/getInstance:getInstance": {...} } (mockGcp)',
        });
    });
});

describe("TypeScript programs without ts-node (the compiler `pulumi up` would use)", () => {
    const hook = path.resolve(__dirname, "..", "..", "lib", "cli", "typescript.js");
    const load = (dir: string) => {
        fs.writeFileSync(
            path.join(dir, "modern.ts"),
            "const limits = { max: 3 } satisfies Record<string, number>;\nexport const max: number = limits.max;\n",
        );
        const script = `const hook = require(${JSON.stringify(hook)}).registerTypeScript(${JSON.stringify(dir)});
            console.log(JSON.stringify({ source: hook.source, max: require(${JSON.stringify(path.join(dir, "modern.ts"))}).max }));`;
        return spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    };

    it("uses the program's own typescript: TypeScript 5 syntax runs", () => {
        const dir = fs.mkdtempSync(path.join(__dirname, "..", "fixtures", "cli", "tmp-"));
        try {
            const { stdout, stderr } = load(dir);
            assert.deepStrictEqual(JSON.parse(stdout || "{}"), { source: "program", max: 3 }, stderr);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("falls back to the TypeScript @pulumi/pulumi vendors, and says how to get newer syntax", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudrun-lb-ts-"));
        try {
            const { status, stderr } = load(dir);
            assert.notStrictEqual(status, 0);
            assert.match(
                stderr,
                /modern\.ts:1:\d+: .*\n\(read with TypeScript 3\.8\.3, which @pulumi\/pulumi vendors for projects without typescript/,
            );
            assert.match(stderr, /npm install -D typescript@5/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("refuses a tsconfig that compiler cannot read, as ts-node under `pulumi up` does, and names the fix", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudrun-lb-ts-"));
        try {
            // A copied program's tsconfig: TypeScript 5 options.
            const compilerOptions = { module: "node16", moduleResolution: "node16", noCheck: true };
            fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions }));
            const { status, stderr } = load(dir);
            assert.notStrictEqual(status, 0);
            const message = /^Error: (.*(?:\n {2}.*)*\nFix: .*)$/m.exec(stderr)?.[1] ?? stderr;
            assert.deepStrictEqual(message.split("\n").sort(), [
                "  Argument for '--module' option must be: 'none', 'commonjs', 'amd', 'system', 'umd', 'es6', " +
                    "'es2015', 'es2020', 'esnext'.",
                "  Argument for '--moduleResolution' option must be: 'node', 'classic'.",
                "  Unknown compiler option 'noCheck'.",
                `${path.join(dir, "tsconfig.json")} cannot be read with TypeScript 3.8.3, which @pulumi/pulumi ` +
                    "vendors for projects without typescript; `pulumi up` would fail the same way:",
                "Fix: add TypeScript 5 to the project: npm install -D typescript@5",
            ]);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
