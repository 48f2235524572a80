/**
 * Validation, step 1: the shape of the Args, checked once at the boundary, before any rule reads them.
 *
 * The shapes are generated from the Args interfaces (tools/shape-schema.ts → shape.generated.ts), so what is
 * checked here is what the types say. Every wrong JavaScript type, missing required field, `null`, non-boolean
 * in a boolean, value outside a closed set and unknown key becomes a Problem naming the full path, what is
 * expected and how to fix it; nothing here throws, whatever the input. An Output or a Promise is accepted where
 * the type is `pulumi.Input<T>`; its value is checked when it resolves, by whoever passes `onPending`.
 *
 * Unknown keys are errors, with no exception: Pulumi passes a component exactly the inputs its schema declares,
 * so an unknown key is always a typo or a field of another version, and ignoring it would silently drop what the
 * user meant to configure.
 */
import * as pulumi from "@pulumi/pulumi";
import { componentArgs, shapes } from "./shape.generated";
import type { Shape } from "./shape-types";

export type { Shape, ShapeField, ShapeObject } from "./shape-types";
import { describeValue, Problem, quoteValue } from "./validation";

/** A value known only at apply, where a field accepts an Input: where it is and what it must be. */
export interface PendingInput {
    field: string;
    value: unknown;
    shape: Shape;
}

const RULE = "shape";
/** More items than any list of the Args can hold (GCP's largest limits are in the thousands). */
const MAX_ITEMS = 100_000;
/**
 * `__proto__` as a map key (JSON.parse makes one) would replace the prototype of any map built from the user's
 * keys. Other names of Object.prototype (`constructor`, `valueOf`) are fine keys: the rules read maps without
 * prototypes (safeMaps).
 */
const reservedKeys = new Set(["__proto__"]);

function isPending(value: unknown): boolean {
    return pulumi.Output.isInstance(value) || value instanceof Promise;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) && !isPending(value);
}

/** The expected shape, in words: "a string", "a list of strings", "one of …", "an object (BackendArgs)". */
export function describeShape(shape: Shape, plural = false): string {
    const a = (word: string, article = "a") => (plural ? `${word}s` : `${article} ${word}`);
    switch (shape.type) {
        case "string":
            return a("string");
        case "number":
            return a("number");
        case "boolean":
            return plural ? "booleans (true or false)" : "true or false";
        case "enum":
            return `${plural ? "each " : ""}one of ${shape.values.map((v) => JSON.stringify(v)).join(", ")}`;
        case "array":
            return `${plural ? "lists" : "a list"} of ${describeShape(shape.items, true)}`;
        case "record":
            return `${plural ? "maps" : "a map"} of names to ${describeShape(shape.values, true)}`;
        case "object":
            return plural ? `objects (${shape.name})` : `an object (${shape.name})`;
    }
}

/** Levenshtein distance, for "did you mean" (keys are short, so the quadratic table is cheap). */
function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
            );
        }
        previous = current;
    }
    return previous[b.length];
}

/** The known key closest to `key`, when it is close enough to be what was meant. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
    if (key.length > 64) {
        return undefined;
    }
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of known) {
        const distance = editDistance(key, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** `path.key`; a key that is empty, holds spaces, dots or brackets, or is long is written `path["key"]`. */
function join(path: string, key: string): string {
    if (!/^[^\s.[\]"]{1,64}$/.test(key)) {
        return `${path}[${quoteValue(key)}]`;
    }
    return path ? `${path}.${key}` : key;
}

/** The last key of a path, for fixes written as `key: value`. */
function lastKey(path: string): string {
    return (
        path
            .replace(/\[\d+\]$/, "")
            .split(".")
            .pop() ?? path
    );
}

class ShapeChecker {
    readonly problems: Problem[] = [];
    constructor(private readonly onPending?: (pending: PendingInput) => void) {}

    private report(field: string, message: string, fix: string): void {
        this.problems.push({ rule: RULE, field, message, fix });
    }

    private expected(shape: Shape, example?: string): string {
        return `${describeShape(shape)}${example ? `, e.g. ${example}` : ""}`;
    }

    check(value: unknown, shape: Shape, field: string, example?: string): void {
        if (value === null) {
            this.report(
                field,
                `is null; ${describeShape(shape)} is expected`,
                /\]$/.test(field)
                    ? `give ${this.expected(shape, example)}, or remove the item`
                    : `give ${this.expected(shape, example)}, or leave ${lastKey(field)} out to use its default`,
            );
            return;
        }
        if (isPending(value)) {
            if (shape.input) {
                this.onPending?.({ field, value, shape });
            } else {
                this.report(
                    field,
                    `is ${describeValue(value)}, but it must be known at preview: ${describeShape(shape)} is expected`,
                    `give a plain value here (${this.expected(shape, example)})`,
                );
            }
            return;
        }
        switch (shape.type) {
            case "string":
            case "number":
            case "boolean":
                return this.checkScalar(value, shape, field, example);
            case "enum":
                if (typeof value !== "string" || !shape.values.includes(value)) {
                    this.report(
                        field,
                        typeof value === "string"
                            ? `${quoteValue(value)} is not an allowed value`
                            : `is ${describeValue(value)}, not ${describeShape(shape)}`,
                        `use one of ${shape.values.map((v) => JSON.stringify(v)).join(", ")}`,
                    );
                }
                return;
            case "array":
                if (!Array.isArray(value)) {
                    this.report(
                        field,
                        `is ${describeValue(value)}, not ${describeShape(shape)}`,
                        typeof value === "string" && shape.items.type === "string"
                            ? `write it as a list, e.g. ${lastKey(field)}: ${example ?? '["…"]'}`
                            : `give ${this.expected(shape, example)}`,
                    );
                    return;
                }
                if (value.length > MAX_ITEMS) {
                    this.report(field, `has ${value.length} items`, `give at most ${MAX_ITEMS}`);
                    return;
                }
                // By index, not forEach: a hole in a sparse list (`[, "a"]`) is an item that is missing.
                for (let i = 0; i < value.length; i++) {
                    this.check(value[i], shape.items, `${field}[${i}]`);
                }
                return;
            case "record":
                if (!isPlainObject(value)) {
                    this.report(
                        field,
                        `is ${describeValue(value)}, not ${describeShape(shape)}`,
                        `give ${this.expected(shape, example)}`,
                    );
                    return;
                }
                for (const key of Object.keys(value)) {
                    if (reservedKeys.has(key)) {
                        this.report(
                            join(field, key),
                            `is a name JavaScript objects reserve (${quoteValue(key)}), so it cannot be a key here`,
                            "choose another name",
                        );
                        continue;
                    }
                    this.check(value[key], shape.values, join(field, key));
                }
                return;
            case "object":
                return this.checkObject(value, shape.name, field, example);
        }
    }

    private checkScalar(value: unknown, shape: Shape, field: string, example?: string): void {
        if (typeof value === shape.type && (typeof value !== "number" || Number.isFinite(value))) {
            return;
        }
        const key = lastKey(field);
        let fix = `give ${this.expected(shape, example)}`;
        if (shape.type === "boolean" && (value === "true" || value === "false")) {
            fix = `write ${key}: ${value} without quotes`;
        } else if (shape.type === "number" && typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
            fix = `write ${key}: ${Number(value)} without quotes`;
        } else if (shape.type === "string" && Array.isArray(value)) {
            fix = `give one string${example ? `, e.g. ${key}: ${example}` : ""}`;
        }
        this.report(field, `is ${describeValue(value)}, not ${describeShape(shape)}`, fix);
    }

    checkObject(value: unknown, name: string, field: string, example?: string): void {
        const object = shapes[name];
        if (!isPlainObject(value)) {
            const shape: Shape = { type: "object", name };
            if (field) {
                this.report(
                    field,
                    `is ${describeValue(value)}, not ${describeShape(shape)}`,
                    `give ${this.expected(shape, example)}`,
                );
            } else {
                const required = Object.keys(object.fields).filter((key) => object.fields[key].required);
                this.report(
                    "(args)",
                    value === undefined
                        ? `no arguments are given; ${describeShape(shape)} is expected`
                        : `the arguments are ${describeValue(value)}, not ${describeShape(shape)}`,
                    `pass the arguments as the second parameter, an object with at least ${required.join(", ")}`,
                );
            }
            return;
        }
        const known = Object.keys(object.fields);
        for (const key of Object.keys(value)) {
            if (Object.prototype.hasOwnProperty.call(object.fields, key)) {
                continue;
            }
            if (value[key] === undefined) {
                continue;
            }
            const suggestion = reservedKeys.has(key) ? undefined : closestKey(key, known);
            this.report(
                join(field, key),
                `is not a field of ${name}`,
                suggestion
                    ? `did you mean \`${suggestion}\`? Rename the key`
                    : `remove it; the fields of ${name} are ${known.join(", ")}`,
            );
        }
        for (const key of known) {
            const spec = object.fields[key];
            const item = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
            if (item === undefined) {
                if (spec.required) {
                    this.report(join(field, key), `is required`, `set ${key} to ${this.expected(spec, spec.example)}`);
                }
                continue;
            }
            this.check(item, spec, join(field, key), spec.example);
        }
    }
}

/**
 * Every shape problem of `args` against the Args interface `interfaceName` (e.g. "ApplicationLoadBalancerArgs"),
 * with fields under `prefix`. `onPending` is called for every Output or Promise where the type takes an Input,
 * so its resolved value can be checked at apply.
 */
export function shapeProblems(
    interfaceName: string,
    args: unknown,
    options: { prefix?: string; onPending?: (pending: PendingInput) => void } = {},
): Problem[] {
    if (!shapes[interfaceName]) {
        throw new Error(`no shape for ${interfaceName}: run npm run shape`);
    }
    const checker = new ShapeChecker(options.onPending);
    checker.checkObject(args, interfaceName, options.prefix ?? "");
    return checker.problems;
}

/** The shape problems of a public component's args, by the component's class name (e.g. "Frontend"). */
export function componentShapeProblems(component: string, args: unknown): Problem[] {
    return shapeProblems(componentArgs[component], args);
}

/**
 * What a standalone component validates: its args' shape problems when there are any (the rules then do not
 * run: they read the args as typed), else what `validate` finds in the args with safe maps (see safeMaps).
 */
export function shapeFirst<A>(component: string, args: A, validate: (args: A) => Problem[]): Problem[] {
    const problems = componentShapeProblems(component, args);
    return problems.length > 0 ? problems : validate(safeMaps(componentArgs[component], args));
}

/**
 * A copy of well-shaped `args` whose maps (`Record<string, X>` fields) have no prototype, for the rules: a rule
 * looks a user's name up in a map (`backends[route.backend]`, `address.ips[region]`), and in a plain object a
 * name such as `toString` would find Object.prototype's function instead of nothing. Map keys themselves can
 * never be such names (the shape check refuses them). Outputs, Promises and scalars are shared, not copied.
 */
export function safeMaps<A>(interfaceName: string, args: A): A {
    return copyObject(args, interfaceName) as A;
}

function copyObject(value: unknown, name: string): unknown {
    if (!isPlainObject(value)) {
        return value;
    }
    const fields = shapes[name].fields;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
        copy[key] = Object.prototype.hasOwnProperty.call(fields, key) ? copyValue(value[key], fields[key]) : value[key];
    }
    return copy;
}

function copyValue(value: unknown, shape: Shape): unknown {
    if (value === undefined || value === null || isPending(value)) {
        return value;
    }
    switch (shape.type) {
        case "array":
            return Array.isArray(value) ? value.map((item) => copyValue(item, shape.items)) : value;
        case "record":
            if (!isPlainObject(value)) {
                return value;
            }
            return Object.assign(
                Object.create(null) as Record<string, unknown>,
                Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyValue(item, shape.values)])),
            );
        case "object":
            return copyObject(value, shape.name);
        default:
            return value;
    }
}
