/**
 * Preview-time validation: the configurations GCP would reject minutes into `pulumi up`, caught
 * while the program runs.
 *
 * Every rule is data — an id, what it prevents, and a check that yields findings with the field,
 * the reason and the fix. A component runs its catalogue, collects every finding, and fails once
 * with all of them, attributed to itself (`pulumi.ResourceError`, no stack trace).
 */
import * as pulumi from "@pulumi/pulumi";

/** One thing wrong with a configuration. */
export interface Problem {
    /** The rule that found it (see the README's "What we reject at preview" table). */
    rule: string;
    /** The argument path, e.g. `network.create.proxyOnlyCidr`. */
    field: string;
    /** What is wrong and why GCP would refuse it. */
    message: string;
    /** What to change. */
    fix: string;
    /** "warning" for advice that does not stop the deployment; absent for errors. */
    severity?: "warning";
}

/** What a rule reports; the rule id is added by `runRules`. */
export interface Finding {
    field: string;
    message: string;
    /** Overrides the rule's general fix when the finding knows better. */
    fix?: string;
}

export interface Rule<C> {
    id: string;
    /** Which component's catalogue it belongs to. */
    component: string;
    /** One line for the README table. */
    summary: string;
    /** The GCP error or behaviour it prevents. */
    prevents: string;
    /** The general fix. */
    fix: string;
    /**
     * "warning" for what may fail but cannot be known at preview (logged with pulumi.log.warn, the
     * deployment goes on); absent for errors. Warning rules live in the top-level catalogue only, so
     * each warning is logged once.
     */
    severity?: "warning";
    check(context: C): Finding[];
}

export function runRules<C>(rules: readonly Rule<C>[], context: C): Problem[] {
    const problems: Problem[] = [];
    for (const rule of rules) {
        for (const finding of rule.check(context)) {
            problems.push(
                redactProblem({
                    rule: rule.id,
                    field: finding.field,
                    message: finding.message,
                    fix: finding.fix ?? rule.fix,
                    ...(rule.severity ? { severity: rule.severity } : {}),
                }),
            );
        }
    }
    return problems;
}

/** A PEM block, also unterminated or inside a JSON-quoted message (its line breaks written `\n`). */
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----(?:[\s\S]*?-----END \1-----|(?:[A-Za-z0-9+/=\s]|\\[nr])*)/g;
/** A run of base64/base64url/hex characters: what key material looks like when it is not a PEM block. */
const KEY_LIKE_TOKEN = /[A-Za-z0-9+/_=-]{16,}/g;
const SHORT_VALUE = 256;

/** What a PEM block is, by its BEGIN line, in words that say nothing of its content. */
function pemKind(label: string): string {
    if (/PRIVATE KEY/.test(label)) {
        return "a PEM private key";
    }
    if (/CERTIFICATE/.test(label)) {
        return "a PEM certificate";
    }
    return "a PEM block";
}

/** Upper case, lower case, digit or separator: key material switches between the first three at most characters. */
function characterClass(char: string): number {
    return /[A-Z]/.test(char) ? 0 : /[a-z]/.test(char) ? 1 : /[0-9]/.test(char) ? 2 : 3;
}

/**
 * Whether a token may be key material: 32+ hex digits with letters and digits, or a stretch (between `/`) of 16+
 * characters with upper and lower case that switches character class at 35% of its characters or more. Random
 * base64 switches at about 65%; names, regions, self links and camelCase identifiers (`oauth2ClientSecret`) at
 * far fewer.
 */
function isKeyLike(token: string): boolean {
    if (/^[0-9a-fA-F]{32,}$/.test(token) && /[0-9]/.test(token) && /[a-fA-F]/.test(token)) {
        return true;
    }
    return [token, ...token.split("/")].some((chunk) => {
        if (chunk.length < 16 || !/[A-Z][\s\S]*[A-Z]/.test(chunk) || !/[a-z][\s\S]*[a-z]/.test(chunk)) {
            return false;
        }
        // Separators (`-`, `_`, `+`, `=`) are skipped: a self link's words switch only where a digit follows.
        const classes = Array.from(chunk, characterClass).filter((c) => c !== 3);
        let switches = 0;
        for (let i = 1; i < classes.length; i++) {
            switches += classes[i] !== classes[i - 1] ? 1 : 0;
        }
        // PascalCase and camelCase (`CloudRunTargetArgs`) switch often too, but almost every capital starts a word.
        const capitals = chunk.match(/[A-Z]/g)?.length ?? 0;
        const wordStarts = chunk.match(/[A-Z][a-z]{2}/g)?.length ?? 0;
        return switches >= 0.35 * classes.length && wordStarts < 0.6 * capitals;
    });
}

/** The kind of secret material `text` holds ("a PEM private key", "a key-like value"), or undefined. */
export function secretKind(text: string): string | undefined {
    const pem = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text);
    if (pem) {
        return pemKind(pem[1]);
    }
    return (text.match(KEY_LIKE_TOKEN) ?? []).some(isKeyLike) ? "a key-like value" : undefined;
}

/**
 * The one way a message quotes a user's value: short plain values in quotes; secret material (PEM blocks, keys)
 * by its kind only; long values by their length and a short start. Never the whole of a long or secret value.
 */
/**
 * A number with thousands separators ("1,000,000"), as en-US writes it. Not `toLocaleString`: its first call
 * loads ICU locale data, about 12 ms of every plan (bench/RESULTS.md).
 */
export function thousands(n: number): string {
    const [integer, fraction] = String(Math.abs(n)).split(".");
    const grouped = integer.replace(/\B(?=(\d{3})+$)/g, ",");
    return `${n < 0 ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

export function quoteValue(value: unknown): string {
    if (typeof value !== "string") {
        return JSON.stringify(String(value));
    }
    const secret = secretKind(value);
    if (secret) {
        return `${secret} of ${value.length} characters`;
    }
    const oneLine = !/[\r\n]/.test(value);
    if (value.length <= SHORT_VALUE && oneLine) {
        return JSON.stringify(value);
    }
    const start = JSON.stringify(
        Array.from(value.split(/[\r\n]/)[0])
            .slice(0, 24)
            .join(""),
    );
    return `a ${oneLine ? "" : "multi-line "}value of ${value.length} characters starting ${start.slice(0, -1)}…"`;
}

/** What a value is, in words, for "is X, not Y" messages (no content of strings: see quoteValue). */
export function describeValue(value: unknown): string {
    if (value === null) {
        return "null";
    }
    if (Array.isArray(value)) {
        return "a list";
    }
    if (pulumi.Output.isInstance(value)) {
        return "an Output";
    }
    if (value instanceof Promise) {
        return "a Promise";
    }
    switch (typeof value) {
        case "string":
            return `a string (${quoteValue(value)})`;
        case "number":
            return Number.isFinite(value) ? `the number ${value}` : `the number ${String(value)}`;
        case "boolean":
            return `the boolean ${value}`;
        case "object":
            return "an object";
        case "undefined":
            return "undefined";
        default:
            return `a ${typeof value}`;
    }
}

/** `text` with every PEM block and key-like token replaced by its kind: the net under every message. */
export function redactSecrets(text: string): string {
    if (!text.includes("-----BEGIN") && !(text.match(KEY_LIKE_TOKEN) ?? []).some(isKeyLike)) {
        return text;
    }
    return text
        .replace(PEM_BLOCK, (_block, label: string) => `(${pemKind(label)})`)
        .replace(KEY_LIKE_TOKEN, (token) => (isKeyLike(token) ? "(a key-like value)" : token));
}

/**
 * A problem whose texts quote no secret material. Rules quote values with quoteValue; this is the net for any
 * message built otherwise, applied to every problem a rule reports and every problem a component fails on.
 */
export function redactProblem(problem: Problem): Problem {
    return {
        ...problem,
        field: redactSecrets(problem.field),
        message: redactSecrets(problem.message),
        fix: redactSecrets(problem.fix),
    };
}

/** Prefixes every problem's field, for problems found in a nested component's args. */
export function nestProblems(prefix: string, problems: Problem[]): Problem[] {
    return problems.map((p) => ({ ...p, field: p.field ? `${prefix}.${p.field}` : prefix }));
}

export function formatProblems(label: string, problems: readonly Problem[]): string {
    const count = problems.length === 1 ? "1 configuration problem" : `${problems.length} configuration problems`;
    const lines = problems.map((p, i) => `  ${i + 1}. ${p.field}: ${p.message}\n     Fix: ${p.fix} [${p.rule}]`);
    return `${label} has ${count}:\n${lines.join("\n")}`;
}

/** Marks the errors this package raises for bad configuration, so tools can tell them from bugs. */
export class ConfigurationError extends pulumi.ResourceError {
    public readonly problems: readonly Problem[];
    constructor(label: string, problems: readonly Problem[], resource: pulumi.Resource | undefined) {
        super(formatProblems(label, problems), resource, true);
        this.problems = problems;
    }
    static isInstance(error: unknown): error is ConfigurationError {
        return error instanceof Error && Array.isArray((error as ConfigurationError).problems);
    }
}

/**
 * Logs every warning (pulumi.log.warn, attributed to the resource), then throws one ConfigurationError
 * listing every error, if there are any.
 */
export function failOnProblems(label: string, found: readonly Problem[], resource?: pulumi.Resource): void {
    const problems = found.map(redactProblem);
    for (const warning of problems.filter((p) => p.severity === "warning")) {
        void pulumi.log.warn(
            `${label}: ${warning.field}: ${warning.message}. Fix: ${warning.fix} [${warning.rule}]`,
            resource,
        );
    }
    const errors = problems.filter((p) => p.severity !== "warning");
    if (errors.length > 0) {
        throw new ConfigurationError(label, errors, resource);
    }
}

/** The plain value of an input when it is known while the program runs, else undefined. */
export function known<T>(value: pulumi.Input<T> | undefined): T | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (pulumi.Output.isInstance(value) || value instanceof Promise) {
        return undefined;
    }
    return value as T;
}

function isPending(value: unknown): boolean {
    return pulumi.Output.isInstance(value) || value instanceof Promise;
}

/**
 * `fn` over the inputs' values: computed at once when every input is a plain value, through one apply
 * otherwise. Most inputs are plain strings, and an Output per resource is what a large stack pays for
 * (the runtime tracks every one), so names and similar derived inputs are computed this way.
 */
export function mapInputs<T extends unknown[], R>(
    inputs: { [K in keyof T]: pulumi.Input<T[K]> | undefined },
    fn: (values: T) => R,
): pulumi.Input<R> {
    if (!inputs.some(isPending)) {
        return fn(inputs as unknown as T);
    }
    return pulumi.all(inputs as pulumi.Input<unknown>[]).apply((values) => fn(values as unknown as T));
}
