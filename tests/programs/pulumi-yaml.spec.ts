/**
 * How `pulumi up` runs the programs, and that each program stands alone: every Pulumi.yaml (the root one and
 * each program's) runs TypeScript transpile-only through a tsconfig inside the program directory (a copy of the
 * directory in a platform repository needs nothing from this repository), and `cloudrun-lb` resolves to the
 * compiled package through package.json `exports` — the same way it does for a user who installed it. Each
 * program has a package.json of its own (a template's), which ends Node's self-reference to this package, so
 * inside the repository the lookup reaches programs/node_modules/cloudrun-lb, a committed link to the root.
 */
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { parse as parseYaml } from "yaml";

const ROOT = path.resolve(__dirname, "..", "..");

interface ProjectFile {
    name: string;
    main?: string;
    runtime: string | { name: string; options?: Record<string, unknown> };
}

const programs = fs
    .readdirSync(path.join(ROOT, "programs"))
    .filter((dir) => fs.existsSync(path.join(ROOT, "programs", dir, "Pulumi.yaml")));
const projectFiles = ["Pulumi.yaml", ...programs.map((dir) => path.join("programs", dir, "Pulumi.yaml"))];

/** The directory Pulumi runs the program in: `main` when it is a directory, else the Pulumi.yaml's. */
function programDirectory(file: string, project: ProjectFile): string {
    const root = path.dirname(path.join(ROOT, file));
    const main = path.resolve(root, project.main ?? ".");
    return fs.statSync(main).isDirectory() ? main : path.dirname(main);
}

function readJson(file: string): any {
    return ts.parseConfigFileTextToJson(file, fs.readFileSync(file, "utf8")).config;
}

describe("Pulumi.yaml files run fast under `pulumi up`", () => {
    for (const file of projectFiles) {
        it(`${file}: nodejs, transpile-only through a tsconfig in the program directory`, () => {
            const project = parseYaml(fs.readFileSync(path.join(ROOT, file), "utf8")) as ProjectFile;
            const runtime = typeof project.runtime === "string" ? { name: project.runtime } : project.runtime;
            assert.strictEqual(runtime.name, "nodejs");
            const options = (runtime as { options?: Record<string, unknown> }).options ?? {};
            const fix = `set runtime.options.tsconfig in ${file} to tsconfig.pulumi.json (the program directory's)`;
            assert.strictEqual(options.tsconfig, "tsconfig.pulumi.json", fix);
            // Pulumi resolves the path against the program directory and reads compilerOptions without `extends`.
            const dir = programDirectory(file, project);
            const tsconfig = path.join(dir, options.tsconfig as string);
            assert.ok(fs.existsSync(tsconfig), `${tsconfig} does not exist; ${fix}`);
            const parsed = readJson(tsconfig);
            assert.strictEqual(parsed.compilerOptions?.noCheck, true, `${tsconfig} must set compilerOptions.noCheck`);
            assert.strictEqual(parsed.extends, "./tsconfig.json");
        });
    }

    for (const dir of programs) {
        it(`programs/${dir} stands alone: its tsconfig.json needs nothing outside the directory`, () => {
            const config = readJson(path.join(ROOT, "programs", dir, "tsconfig.json"));
            assert.strictEqual(config.extends, undefined, "no extends (the repository's tsconfig is not copied out)");
            assert.strictEqual(config.compilerOptions.paths, undefined, "no paths: cloudrun-lb resolves as installed");
            assert.strictEqual(config.compilerOptions.strict, true);
            assert.deepStrictEqual(config.files, ["index.ts"]);
            const source = fs.readFileSync(path.join(ROOT, "programs", dir, "index.ts"), "utf8");
            assert.deepStrictEqual(
                source.match(/from "\.\.?\/[^"]*"/g) ?? [],
                [],
                "imports only packages (nothing relative that stays behind)",
            );
        });
    }

    it("resolves `cloudrun-lb` inside the repository to the compiled package through `exports`", () => {
        // A plain Node process, as Pulumi starts it (mocha's tsconfig-paths would map to the sources).
        const resolved = execFileSync(process.execPath, ["-p", 'require.resolve("cloudrun-lb")'], {
            cwd: path.join(ROOT, "programs", "internal-https"),
            encoding: "utf8",
        }).trim();
        assert.strictEqual(path.relative(ROOT, resolved), path.join("lib", "index.js"));
    });
});
