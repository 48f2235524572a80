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
            problems.push({
                rule: rule.id,
                field: finding.field,
                message: finding.message,
                fix: finding.fix ?? rule.fix,
                ...(rule.severity ? { severity: rule.severity } : {}),
            });
        }
    }
    return problems;
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
export function failOnProblems(label: string, problems: readonly Problem[], resource?: pulumi.Resource): void {
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
