/**
 * The package's source entry point, for Pulumi's schema Analyzer (`pulumi package add` from Python, Go, C#
 * or YAML). The Analyzer looks for the entry in package.json `exports`/`main` as a `.ts` file next to the
 * compiled one, then for `index.ts` at the root; our sources live in `components/` and compile to `lib/`,
 * so this file points it there. TypeScript consumers import the compiled `lib/` through `exports`.
 */
export * from "./components";
