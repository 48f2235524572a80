// `npm run build`, second step: bundles the package's entry, lib/index.js, from components/index.ts.
// Bundling from the ES module sources lets esbuild hoist every module into one scope: V8 then parses the code once,
// where the compiled CommonJS files, each wrapped in a function, were parsed twice (once to skip, once to run).
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
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    write: false,
    outfile,
    logLevel: "warning",
});

// esbuild wraps each `import * as x from "@pulumi/…"` in `__toESM(require(…))`, which copies every export of the
// module (hundreds for @pulumi/gcp/compute) into a new object, once per importing file. The @pulumi packages are
// compiled with `__esModule` set, so the module itself is that namespace already. The name is blanked, not removed,
// so that every column of the source map stays right.
const toEsmOfPulumi = /__toESM\((?=require\("@pulumi\/[^"]+"\)\))/g;
for (const file of result.outputFiles) {
    const text = file.path.endsWith(".js")
        ? file.text.replace(toEsmOfPulumi, (m) => " ".repeat(m.length - 1) + "(")
        : file.text;
    fs.writeFileSync(file.path, text);
}
