/**
 * How `pulumi up` runs the programs: every Pulumi.yaml (the root one and each program's) runs TypeScript
 * transpile-only through a tsconfig with `noCheck` (type errors are `npm test`'s job), and `cloudrun-lb`
 * resolves to the compiled package through package.json `exports` — the same way it does for a user
 * who installed it from npm.
 */
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { parse as parseYaml } from "yaml";

const ROOT = path.resolve(__dirname, "..");

interface ProjectFile {
    name: string;
    main?: string;
    runtime: string | { name: string; options?: Record<string, unknown> };
}

const projectFiles = [
    "Pulumi.yaml",
    ...fs
        .readdirSync(path.join(ROOT, "programs"))
        .map((dir) => path.join("programs", dir, "Pulumi.yaml"))
        .filter((file) => fs.existsSync(path.join(ROOT, file))),
];

/** The directory Pulumi runs the program in: `main` when it is a directory, else the Pulumi.yaml's. */
function programDirectory(file: string, project: ProjectFile): string {
    const root = path.dirname(path.join(ROOT, file));
    const main = path.resolve(root, project.main ?? ".");
    return fs.statSync(main).isDirectory() ? main : path.dirname(main);
}

describe("Pulumi.yaml files run fast under `pulumi up`", () => {
    for (const file of projectFiles) {
        it(`${file}: nodejs, transpile-only through runtime.options.tsconfig`, () => {
            const project = parseYaml(fs.readFileSync(path.join(ROOT, file), "utf8")) as ProjectFile;
            const runtime = typeof project.runtime === "string" ? { name: project.runtime } : project.runtime;
            assert.strictEqual(runtime.name, "nodejs");
            const options = (runtime as { options?: Record<string, unknown> }).options ?? {};
            const fix = `set runtime.options.tsconfig in ${file} to the path of tsconfig.pulumi.json relative to the program directory`;
            assert.strictEqual(typeof options.tsconfig, "string", fix);
            // Pulumi resolves the path against the program directory and reads compilerOptions without `extends`.
            const tsconfig = path.resolve(programDirectory(file, project), options.tsconfig as string);
            assert.ok(fs.existsSync(tsconfig), `${options.tsconfig} does not exist (relative to the program); ${fix}`);
            const parsed = ts.parseConfigFileTextToJson(tsconfig, fs.readFileSync(tsconfig, "utf8")).config;
            assert.strictEqual(parsed.compilerOptions?.noCheck, true, `${tsconfig} must set compilerOptions.noCheck`);
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
