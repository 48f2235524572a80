/**
 * GCP evaluates a URL map's `regexMatch` (path, header and query matches) with RE2
 * (https://cloud.google.com/load-balancing/docs/re2-support; the Compute API's UrlMap fields say "interpreted as a
 * regular expression using Google RE2"). RE2 has no backreferences or lookaround and matches in linear time, so
 * the simulator and the route tests use re2js, a pure-JavaScript port of RE2: a pattern RE2 rejects is found at
 * preview, and no pattern (`^/(a+)+$` against a long path) can hang a plan the way JavaScript's backtracking
 * engine would.
 *
 * re2js is loaded on the first regex only: most load balancers have none, and the package's load time is part of
 * every `pulumi preview`.
 */
import type { RE2JS } from "re2js";
import { quoteValue } from "../validation";

let engine: typeof RE2JS | undefined;
const compiled = new Map<string, RE2JS>();

function re2(): typeof RE2JS {
    // Loaded lazily (see above).
    engine ??= (require("re2js") as typeof import("re2js")).RE2JS;
    return engine;
}

/** Why RE2 rejects `pattern` (its parser's words), or undefined when RE2 accepts it. */
export function re2SyntaxError(pattern: string): string | undefined {
    try {
        compile(pattern);
        return undefined;
    } catch (error) {
        return (error as Error).message.replace(/^error parsing regexp: /, "");
    }
}

function compile(pattern: string): RE2JS {
    let regex = compiled.get(pattern);
    if (regex === undefined) {
        regex = re2().compile(pattern);
        compiled.set(pattern, regex);
    }
    return regex;
}

/**
 * Whether `value` matches `pattern` as a whole, as GCP's regexMatch requires. A pattern RE2 rejects throws (the
 * rules report it at preview; a raw URL map given to the simulator with one cannot be evaluated, as GCP would
 * refuse it).
 */
export function re2FullMatch(pattern: string, value: string): boolean {
    let regex: RE2JS;
    try {
        regex = compile(pattern);
    } catch (error) {
        throw new Error(
            `regexMatch ${quoteValue(pattern)} is not RE2 syntax (${re2SyntaxError(pattern) ?? String(error)})`,
        );
    }
    return regex.matches(value);
}
