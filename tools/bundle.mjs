// `npm run build`, second step: bundles the package's entry, lib/index.js, from components/index.ts.
// Bundling from the ES module sources lets esbuild hoist every module into one scope: V8 then parses the code once,
// where the compiled CommonJS files, each wrapped in a function, were parsed twice (once to skip, once to run).
// Identifiers are minified too: V8 compiles the whole entry on every program start, and the shorter text (390 KB
// against 462 KB) takes ~2 ms less at N = 1 (docs/performance.md). Stack traces name the original functions with
// `node --enable-source-maps` (lib/index.js.map).
import * as esbuild from "esbuild";
import * as fs from "node:fs";

const outfile = "lib/index.js";
const result = await esbuild.build({
    entryPoints: ["components/index.ts"],
    tsconfig: "tsconfig.build.json",
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["@pulumi/*", "yaml", "re2js"],
    minify: true,
    sourcemap: true,
    write: false,
    outfile,
    logLevel: "warning",
});

// esbuild wraps each `import * as x from "@pulumi/…"` in `__toESM(require(…))`, which copies every export of the
// module (hundreds for @pulumi/gcp/compute) into a new object, once per importing file. The @pulumi packages are
// compiled with `__esModule` set, so the module itself is that namespace already. The helper's (minified) name is
// blanked, not removed, so that every column of the source map stays right; the build fails if the pattern changes.
const pulumiWrapped = /([A-Za-z_$][\w$]*)\((?=require\("@pulumi\/[^"]+"\)\))/g;
for (const file of result.outputFiles) {
    let text = file.text;
    if (file.path.endsWith(".js")) {
        const helpers = new Set([...text.matchAll(pulumiWrapped)].map((m) => m[1]));
        const [helper] = helpers;
        const definition =
            helper && new RegExp(`[,\\s;]${helper.replace(/\$/g, "\\$")}=\\([^)]*\\)=>\\([^;]*__esModule`);
        if (helpers.size !== 1 || !definition.test(text)) {
            throw new Error(
                `tools/bundle.mjs: expected one __toESM helper around the @pulumi requires, found ${[...helpers].join(", ") || "none"}`,
            );
        }
        text = text.replace(pulumiWrapped, (m) => " ".repeat(m.length - 1) + "(");
    }
    fs.writeFileSync(file.path, text);
}
