/**
 * The one generic checker of the constraint table: for every row that no named rule enforces, every value
 * the user gave at the row's Args paths is checked against the row's constraint, and a finding names the
 * user's field (`backends.web.cdn.maxTtl`), the reason and the fix.
 *
 * Values known only at apply (Outputs) are checked when they resolve: `withResolvedChecks` returns Args
 * whose Output values at `atApply` rows carry the check in an `apply`. Under Pulumi an error thrown inside
 * an apply rejects the Output, so the resource input that reads it fails to serialize and `pulumi up`
 * stops with the error's message (as the offline plan does); during `pulumi preview` an unknown value is
 * not checked (its apply does not run), which is why only plainly wrong kinds of values are named there.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigurationError, Finding, thousands } from "../validation";
import { excerpt, formats } from "./formats";
import { Constraint, ConstraintRow, constraintTable } from "./table";

/** The rule id generic findings carry. */
export const CONSTRAINT_RULE = "gcp-field-constraints";

/** One value found at an Args path: its concrete path, the value and the object holding it. */
export interface ArgsValue {
    path: string;
    value: unknown;
    holder: Record<string, unknown>;
    key: string;
}

const isPending = (value: unknown) => pulumi.Output.isInstance(value) || value instanceof Promise;

/** Every value at `pattern` (`a.*.b[].c`) in `root`, with its concrete path (`a.web.b[0].c`). */
export function valuesAt(root: unknown, pattern: string): ArgsValue[] {
    const segments = pattern.split(".");
    const found: ArgsValue[] = [];
    const walk = (node: unknown, index: number, path: string, holder: Record<string, unknown>, key: string) => {
        if (index === segments.length) {
            if (node !== undefined) found.push({ path, value: node, holder, key });
            return;
        }
        if (node === null || typeof node !== "object" || isPending(node)) {
            return;
        }
        const record = node as Record<string, unknown>;
        const segment = segments[index];
        const each = segment.endsWith("[]");
        const name = each ? segment.slice(0, -2) : segment;
        const keys = name === "*" ? Object.keys(record) : [name];
        for (const k of keys) {
            if (!Object.prototype.hasOwnProperty.call(record, k)) continue;
            const child = record[k];
            const childPath = path ? `${path}.${k}` : k;
            if (each) {
                if (Array.isArray(child)) {
                    child.forEach((item, i) =>
                        walk(
                            item,
                            index + 1,
                            `${childPath}[${i}]`,
                            child as unknown as Record<string, unknown>,
                            String(i),
                        ),
                    );
                }
            } else {
                walk(child, index + 1, childPath, record, k);
            }
        }
    };
    walk(root, 0, "", {}, "");
    return found;
}

/** Whether the generic checker enforces the row (the others are a rule's, or have nothing to check). */
export function isGenericRow(row: ConstraintRow): boolean {
    return (
        row.rule === undefined &&
        row.args.length > 0 &&
        ["enum", "range", "length", "format", "atMost", "count"].includes(row.constraint.kind)
    );
}

const formatNumber = (n: number) => (Math.abs(n) >= 10_000 ? thousands(n) : String(n));

/** Why one plain value breaks a constraint, as a finding at `at.path`; undefined when it holds. */
export function constraintFinding(constraint: Constraint, at: ArgsValue): Finding | undefined {
    const { value, path } = at;
    switch (constraint.kind) {
        case "enum":
            return typeof value === "string" && !constraint.values.includes(value)
                ? {
                      field: path,
                      message: `${excerpt(value)} is not one of the values GCP accepts here`,
                      fix: `use one of ${constraint.values.join(", ")}`,
                  }
                : undefined;
        case "range": {
            if (typeof value !== "number") return undefined;
            const unit = constraint.unit ?? "";
            const span = `${formatNumber(constraint.min)}–${formatNumber(constraint.max)}${unit}`;
            if (Number.isNaN(value) || value < constraint.min || value > constraint.max) {
                return {
                    field: path,
                    message: `${formatNumber(value)} is outside ${span}, the range GCP accepts`,
                    fix: `use a ${constraint.integer ? "whole " : ""}number from ${span}`,
                };
            }
            if (constraint.integer && !Number.isInteger(value)) {
                return { field: path, message: "is not a whole number", fix: `use a whole number from ${span}` };
            }
            return undefined;
        }
        case "length":
            if (typeof value !== "string" || (value.length >= constraint.min && value.length <= constraint.max)) {
                return undefined;
            }
            return {
                field: path,
                message: `is ${value.length} characters long; GCP accepts ${constraint.min}–${constraint.max}`,
                fix:
                    value.length < constraint.min
                        ? "give a non-empty value, or leave the field unset"
                        : `shorten it to at most ${constraint.max} characters`,
            };
        case "format": {
            if (typeof value !== "string") return undefined;
            const problem = formats[constraint.format](value);
            return problem
                ? { field: path, message: `${excerpt(value)} ${problem.reason}`, fix: problem.fix }
                : undefined;
        }
        case "atMost": {
            const other = at.holder[constraint.other];
            if (typeof value !== "number" || typeof other !== "number" || value <= other) return undefined;
            return {
                field: path,
                message: `is ${formatNumber(value)}, more than ${constraint.other} (${formatNumber(other)}); GCP requires ${constraint.describe}`,
                fix: `lower it to at most ${constraint.other}, or raise ${constraint.other}`,
            };
        }
        case "count":
            if (!Array.isArray(value) || value.length <= constraint.max) return undefined;
            return {
                field: path,
                message: `has ${value.length} entries; ${constraint.describe}`,
                fix: `keep at most ${constraint.max} (cover several addresses with one wider CIDR range)`,
            };
        default:
            return undefined;
    }
}

/** Findings of every generic row over the user's Args (plain values; Outputs are checked at apply). */
export function checkConstraints(args: unknown, rows: readonly ConstraintRow[] = constraintTable): Finding[] {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const row of rows.filter(isGenericRow)) {
        for (const pattern of row.args) {
            for (const at of valuesAt(args, pattern)) {
                if (isPending(at.value)) continue;
                const finding = constraintFinding(row.constraint, at);
                const key = finding && `${finding.field}\n${finding.message}`;
                if (finding && !seen.has(key!)) {
                    seen.add(key!);
                    findings.push(finding);
                }
            }
        }
    }
    return findings;
}

/**
 * `value`, checked against the row's constraint when it resolves: a plain value is returned as is (the
 * preview-time checks cover it); an Output or Promise becomes an Output that fails with a
 * ConfigurationError naming `field` when its value breaks the constraint.
 */
export function checkResolved<T>(
    value: pulumi.Input<T>,
    constraint: Constraint,
    field: string,
    label: string,
): pulumi.Input<T> {
    if (!isPending(value)) {
        return value;
    }
    return pulumi.output(value).apply((resolved) => {
        const finding = constraintFinding(constraint, { path: field, value: resolved, holder: {}, key: "" });
        if (finding) {
            throw new ConfigurationError(
                label,
                [{ rule: CONSTRAINT_RULE, field: finding.field, message: finding.message, fix: finding.fix ?? "" }],
                undefined,
            );
        }
        return resolved;
    }) as pulumi.Output<T>;
}

/**
 * A copy of `args` in which every Output at an `atApply` row's Args path is replaced by one that runs the
 * row's check when it resolves (see `checkResolved`). Objects along those paths are copied; the user's
 * objects are not changed.
 */
export function withResolvedChecks<A>(args: A, label: string, rows: readonly ConstraintRow[] = constraintTable): A {
    const applyRows = rows.filter((r) => r.atApply && r.constraint.kind === "format");
    const pending = applyRows.some((row) => row.args.some((p) => valuesAt(args, p).some((at) => isPending(at.value))));
    if (!pending) {
        return args;
    }
    const copy = cloneAlongPending(args) as A;
    for (const row of applyRows) {
        for (const pattern of row.args) {
            for (const at of valuesAt(copy, pattern)) {
                if (isPending(at.value)) {
                    at.holder[at.key] = checkResolved(
                        at.value as pulumi.Input<unknown>,
                        row.constraint,
                        at.path,
                        label,
                    );
                }
            }
        }
    }
    return copy;
}

/** Plain objects and arrays copied (Outputs, Promises and other class instances kept by reference). */
function cloneAlongPending(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(cloneAlongPending);
    if (value === null || typeof value !== "object" || isPending(value)) return value;
    if (Object.getPrototypeOf(value) !== Object.prototype) return value;
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) copy[k] = cloneAlongPending(v);
    return copy;
}

/** A row's field (`**.urlRewrite.host`, `labels.*`, `iap.*`) as a pattern over emitted input paths. */
function fieldRegex(field: string): RegExp {
    const parts = field.split(".");
    const pattern = parts
        .map((part, i) => {
            if (part === "**") return "(?:[^.]+\\.)*";
            if (part === "*" && i === parts.length - 1) return ".+";
            const text = part.replace(/[[\]()+?^$|\\]/g, "\\$&").replace(/\*/g, "[^.]*");
            return i < parts.length - 1 ? `${text}\\.` : text;
        })
        .join("");
    return new RegExp(`^${pattern}$`);
}

/** The rows that describe a field emitted on a resource (`hostRules[].hosts[]` on a URL map). */
export function rowsFor(
    resource: string,
    field: string,
    rows: readonly ConstraintRow[] = constraintTable,
): ConstraintRow[] {
    return rows.filter(
        (row) => (row.resources.includes("*") || row.resources.includes(resource)) && fieldRegex(row.field).test(field),
    );
}
