import { ExitCode, run } from "../../components/cli/main";

/** Runs the `cloudrun-lb` command in-process and collects what it prints to stdout and stderr. */
export async function cli(...argv: string[]): Promise<{ code: ExitCode; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await run(
        argv,
        (t) => (out += t + "\n"),
        (t) => (err += t + "\n"),
    );
    return { code, out, err };
}
