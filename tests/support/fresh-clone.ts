/**
 * What a new machine meets: a fresh `git clone` of this repository's HEAD (only committed files; uncommitted
 * changes are not in it), made once per test run and removed at exit, and child npm processes that see none of
 * the parent `npm test`'s npm_* settings except the cache (under `.ci/run`, the empty one CI starts with).
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");

function cleanEnv(extraEnv: Record<string, string>): NodeJS.ProcessEnv {
    return {
        ...Object.fromEntries(
            Object.entries(process.env).filter(
                ([k]) => !k.toLowerCase().startsWith("npm_") || k.toLowerCase() === "npm_config_cache",
            ),
        ),
        ...extraEnv,
    };
}

function failure(command: string, args: string[], cwd: string, error: unknown): Error {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${e.stdout ?? ""}\n${e.stderr ?? e.message}`);
}

/** Runs a command with a clean npm environment; throws with its output when it fails. */
export function run(command: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): string {
    try {
        const env = cleanEnv(extraEnv);
        return execFileSync(command, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
        throw failure(command, args, cwd, error);
    }
}

/** {@link run} in the background: installs overlap the tests that run meanwhile. */
export function runInBackground(command: string, args: string[], cwd: string): Promise<string> {
    return new Promise((resolve, reject) => {
        const options = { cwd, env: cleanEnv({}), encoding: "utf8" as const, maxBuffer: 64 * 1024 * 1024 };
        execFile(command, args, options, (error, stdout, stderr) =>
            error ? reject(failure(command, args, cwd, { stdout, stderr, message: error.message })) : resolve(stdout),
        );
    });
}

/** The `npm pack` of this repository: the tarball's absolute path and the files in it. */
export interface Packed {
    tarball: string;
    files: Array<{ path: string }>;
}

let packed: Packed | undefined;

/**
 * `npm pack` of the working tree (which builds lib/ through `prepack`), once per test run for every spec that
 * installs the package; the tarball is removed at exit.
 */
export function packOnce(): Packed {
    if (!packed) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudrun-lb-pack-"));
        process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
        const [result] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", dir], ROOT));
        packed = { tarball: path.join(dir, result.filename), files: result.files };
    }
    return packed;
}

let clone: string | undefined;
let installed = false;

/** A fresh clone of HEAD (the same one for every caller in this process). */
export function freshClone(): string {
    if (!clone) {
        const parent = fs.mkdtempSync(path.join(os.tmpdir(), "cloudrun-lb-clone-"));
        process.on("exit", () => fs.rmSync(parent, { recursive: true, force: true }));
        clone = path.join(parent, "cloudrun-lb");
        run("git", ["clone", "--quiet", "--no-local", "--depth", "1", `file://${ROOT}`, clone], parent);
    }
    return clone;
}

/**
 * The fresh clone as `npm ci` leaves it, the way `pulumi package add` uses it: this repository's node_modules
 * (installed from the same lockfile — CI's own `npm ci` on its fresh clone is what proves that install) linked
 * in, and lib/ built from the clone's sources by the build `prepare` runs. A second `npm ci` would add about a
 * minute to `npm test` and check nothing more.
 */
export function freshCloneInstalled(): string {
    const dir = freshClone();
    if (!installed) {
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
        run("npm", ["run", "build"], dir);
        installed = true;
    }
    return dir;
}
