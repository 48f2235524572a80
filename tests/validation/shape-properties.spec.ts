/**
 * Whatever a JavaScript, YAML or config-driven user passes, validation answers with problems that have a path,
 * or accepts a well-formed configuration: it never throws. Malformed args come from three sources: values of the
 * wrong JavaScript type anywhere (generated from the shape schema, so every field of every interface is reached),
 * mutations of the known-good fixtures (a value replaced, an unknown or `__proto__` key added, a null in a list),
 * and well-typed but nonsensical values (negative and huge numbers, unicode and huge strings) that reach the rules.
 */
import * as assert from "assert";
import fc from "fast-check";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { Shape } from "../../components/shape";
import { shapes } from "../../components/shape.generated";
import { ConfigurationError, Problem } from "../../components/validation";
import { installMocks, settle } from "../../components/testing/mocks";
import { fixtureSchemes, schemeFixtures } from "../support/fixtures";

const strangeString = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.constantFrom(
        "",
        " ",
        "__proto__",
        "constructor",
        "toString",
        "false",
        "0",
        "NaN",
        "\u0000",
        "é🙂",
        "x".repeat(5000),
    ),
);
const strangeNumber = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.double(),
    fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, -0, 2 ** 53, 1e308),
);

/** Any JavaScript value a config could hold, including ones no type allows. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constant(null),
        fc.constant(undefined),
        fc.boolean(),
        strangeNumber,
        strangeString,
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(strangeString, tie("value"), { maxKeys: 3 }),
        fc.constant(() => "a function"),
        tie("value").map((inner) => JSON.parse(`{"__proto__": ${JSON.stringify(inner ?? null) ?? "null"}}`)),
    ),
})).value;

/**
 * A value of `shape`'s type, most of the time; any value otherwise (the wrong type at this level). With
 * `wellTyped`, always of the type, so that the rules behind the shape check see every field too.
 */
function valueFor(shape: Shape, depth: number, wellTyped: boolean): fc.Arbitrary<unknown> {
    if (depth > 5) {
        return wellTyped ? fc.constant(undefined) : anyValue;
    }
    let right: fc.Arbitrary<unknown>;
    switch (shape.type) {
        case "string":
            right = strangeString;
            break;
        case "number":
            right = wellTyped
                ? fc.oneof(
                      fc.integer({ min: -100_000, max: 100_000 }),
                      fc.double({ noNaN: true, noDefaultInfinity: true }),
                  )
                : strangeNumber;
            break;
        case "boolean":
            right = fc.boolean();
            break;
        case "enum":
            right = fc.constantFrom(...shape.values);
            break;
        case "array":
            right = fc.array(valueFor(shape.items, depth + 1, wellTyped), { maxLength: 3 });
            break;
        case "record":
            right = fc.dictionary(
                wellTyped ? fc.string({ minLength: 1 }).filter((k) => !(k in {})) : strangeString,
                valueFor(shape.values, depth + 1, wellTyped),
                { maxKeys: 3 },
            );
            break;
        case "object":
            right = objectFor(shape.name, depth + 1, wellTyped);
            break;
    }
    return wellTyped ? right : fc.oneof({ weight: 6, arbitrary: right }, { weight: 1, arbitrary: anyValue });
}

const objectArbitraries = new Map<string, fc.Arbitrary<Record<string, unknown>>>();
function objectFor(name: string, depth: number, wellTyped: boolean): fc.Arbitrary<Record<string, unknown>> {
    const key = `${name}@${depth}${wellTyped ? " well-typed" : ""}`;
    let arbitrary = objectArbitraries.get(key);
    if (!arbitrary) {
        const fields = shapes[name].fields;
        const required = Object.keys(fields).filter((k) => fields[k].required);
        const model = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, valueFor(f, depth, wellTyped)]));
        arbitrary = fc.record(model, { requiredKeys: required });
        objectArbitraries.set(key, arbitrary);
    }
    return arbitrary;
}

/** A deep copy of plain objects and arrays; anything else (Outputs, functions) is shared. */
function clone<T>(value: T): T {
    if (Array.isArray(value)) return value.map(clone) as T;
    if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
    }
    return value;
}

/** Every path to a value in a plain object tree, as key lists. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    const found: (string | number)[][] = prefix.length > 0 ? [prefix] : [];
    if (Array.isArray(value)) value.forEach((v, i) => found.push(...paths(v, [...prefix, i])));
    else if (value && typeof value === "object")
        Object.entries(value).forEach(([k, v]) => found.push(...paths(v, [...prefix, k])));
    return found;
}

type Mutation = { kind: "replace" | "unknown key" | "null item" | "delete" | "proto key"; value: unknown };

/** A fixture with one mutation at one of its paths. */
const mutatedFixture = fc
    .record({
        scheme: fc.constantFrom(...fixtureSchemes),
        pathIndex: fc.nat(),
        mutation: fc.record({
            kind: fc.constantFrom<Mutation["kind"]>("replace", "unknown key", "null item", "delete", "proto key"),
            value: anyValue,
        }),
    })
    .map(({ scheme, pathIndex, mutation }) => {
        const args = clone(schemeFixtures[scheme]) as unknown as Record<string, unknown>;
        const all = paths(args);
        const path = all[pathIndex % all.length];
        const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], args) as Record<
            string | number,
            unknown
        >;
        const last = path[path.length - 1];
        const target = parent[last];
        switch (mutation.kind) {
            case "replace":
                parent[last] = mutation.value;
                break;
            case "delete":
                delete parent[last];
                break;
            case "unknown key":
                if (target && typeof target === "object" && !Array.isArray(target)) {
                    (target as Record<string, unknown>)[`${String(last)}X`] = mutation.value;
                } else parent[last] = mutation.value;
                break;
            case "null item":
                if (Array.isArray(target)) target.push(null);
                else parent[last] = null;
                break;
            case "proto key":
                parent[last] = JSON.parse(`{"__proto__": {"polluted": true}, "constructor": 1}`);
                break;
        }
        return args;
    });

/** Fails unless every problem has a rule, a path, a message and a fix. */
function assertWellFormed(problems: Problem[]): void {
    assert.ok(Array.isArray(problems));
    for (const p of problems) {
        for (const key of ["rule", "field", "message", "fix"] as const) {
            assert.ok(typeof p[key] === "string" && p[key].length > 0, `problem without ${key}: ${JSON.stringify(p)}`);
        }
    }
}

describe("shape: no input makes validation throw (fast-check)", () => {
    it("wrong types at every level of every interface", () => {
        fc.assert(
            fc.property(objectFor("ApplicationLoadBalancerArgs", 0, false), (args) => {
                assertWellFormed(validateLoadBalancerArgs(args as unknown as ApplicationLoadBalancerArgs));
            }),
            { numRuns: 1500 },
        );
    });

    it("well-typed nonsense (negative and huge numbers, unicode and huge strings) reaches the rules", () => {
        let reachedRules = 0;
        fc.assert(
            fc.property(objectFor("ApplicationLoadBalancerArgs", 0, true), (args) => {
                const problems = validateLoadBalancerArgs(args as unknown as ApplicationLoadBalancerArgs);
                assertWellFormed(problems);
                reachedRules += problems.some((p) => p.rule !== "shape") ? 1 : 0;
            }),
            { numRuns: 1000 },
        );
        // About 40% of them are well-shaped enough for the rules to find something; under 10% means the generator broke.
        assert.ok(reachedRules > 100, `only ${reachedRules} of 1000 reached the rules`);
    });

    it("anything at all in place of the args", () => {
        fc.assert(
            fc.property(anyValue, (args) => {
                assertWellFormed(validateLoadBalancerArgs(args as ApplicationLoadBalancerArgs));
            }),
            { numRuns: 500 },
        );
    });

    it("mutations of the known-good fixtures", () => {
        fc.assert(
            fc.property(mutatedFixture, (args) => {
                assertWellFormed(validateLoadBalancerArgs(args as unknown as ApplicationLoadBalancerArgs));
                assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
            }),
            { numRuns: 1500 },
        );
    });

    describe("the component under mocks", () => {
        before(() => {
            installMocks();
        });

        it("throws only a ConfigurationError, or builds", async () => {
            await fc.assert(
                fc.asyncProperty(mutatedFixture, fc.integer({ min: 0, max: 1_000_000 }), async (args, n) => {
                    try {
                        new ApplicationLoadBalancer(`lb-${n}`, args as unknown as ApplicationLoadBalancerArgs);
                    } catch (error) {
                        assert.ok(ConfigurationError.isInstance(error), String((error as Error).stack));
                    }
                    await settle();
                }),
                { numRuns: 25 },
            );
        });
    });
});
