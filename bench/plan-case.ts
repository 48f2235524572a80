/**
 * One benchmark case in a fresh process: `node bench/out/plan-case.js <program> <n> [--describe]`.
 * Loads @pulumi/pulumi, installs minimal mocks (ids are `<name>-id`, state echoes inputs), then times the
 * program from its import to the moment every registration has reached the mocks (wall and CPU time) and the
 * import alone (loading the package the program uses), and reports the process's peak RSS. Prints one JSON line.
 */
import * as pulumi from "@pulumi/pulumi";

interface Registration {
    type: string;
    name: string;
    custom: boolean;
    inputs?: Record<string, unknown>;
}

async function main(): Promise<void> {
    const [program, nArg, flag] = process.argv.slice(2);
    const n = Number(nArg);
    const describe = flag === "--describe";
    const registrations: Registration[] = [];
    void pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                registrations.push({
                    type: args.type,
                    name: args.name,
                    custom: args.custom ?? true,
                    inputs: describe ? args.inputs : undefined,
                });
                return { id: `${args.name}-id`, state: args.inputs };
            },
            call: (args) => args.inputs,
        },
        "bench",
        "dev",
        false,
    );
    const started = process.hrtime.bigint();
    const cpuStarted = process.cpuUsage();
    const { build } = require(`./programs/${program}`) as { build: (n: number) => void };
    const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
    build(n);
    await require("@pulumi/pulumi/runtime/settings").waitForRPCs();
    const planMs = Number(process.hrtime.bigint() - started) / 1e6;
    const cpu = process.cpuUsage(cpuStarted);
    const custom = registrations.filter((r) => r.custom);
    const result = {
        program,
        n,
        planMs,
        loadMs,
        cpuMs: (cpu.user + cpu.system) / 1000,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
        cloudResources: custom.length,
        components: registrations.length - custom.length,
        resources: describe ? custom : undefined,
    };
    process.stdout.write(JSON.stringify(result) + "\n");
}

main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
});
