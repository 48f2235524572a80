import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { Frontend } from "../../components/frontend";
import { LoadBalancerNetwork } from "../../components/network";
import { closestKey, shapeProblems } from "../../components/shape";
import { ConfigurationError, Problem } from "../../components/validation";
import { installMocks, settle } from "../../components/testing/mocks";

/** A well-shaped global external load balancer, with `change` merged in (anything: these tests break shapes). */
function args(change: Record<string, unknown> = {}): ApplicationLoadBalancerArgs {
    return {
        scheme: "global-external",
        backends: { web: { cloudRun: { service: "web", region: "europe-west1" } } },
        defaultBackend: "web",
        ...change,
    } as unknown as ApplicationLoadBalancerArgs;
}

function problems(value: unknown): Problem[] {
    return validateLoadBalancerArgs(value as ApplicationLoadBalancerArgs);
}

const SCHEMES = '"regional-internal", "cross-region-internal", "regional-external", "global-external", "classic"';

describe("shape: wrong types are problems with the path, the expected shape and a fix", () => {
    it("accepts a well-shaped configuration", () => {
        assert.deepStrictEqual(problems(args()), []);
    });

    it("reports a string where a list belongs, with the field's example as the fix", () => {
        assert.deepStrictEqual(
            problems(args({ backends: { web: { cloudRun: { service: "web", regions: "europe-west1" } } } })),
            [
                {
                    rule: "shape",
                    field: "backends.web.cloudRun.regions",
                    message: 'is a string ("europe-west1"), not a list of strings',
                    fix: 'write it as a list, e.g. regions: ["europe-west1", "us-central1", "asia-northeast1"]',
                },
            ],
        );
    });

    it("reports the issue's `hosts` string instead of a TypeError", () => {
        assert.deepStrictEqual(problems(args({ routes: [{ hosts: "api.example.com", backend: "web" }] })), [
            {
                rule: "shape",
                field: "routes[0].hosts",
                message: 'is a string ("api.example.com"), not a list of strings',
                fix: 'write it as a list, e.g. hosts: ["api.example.com"]',
            },
        ]);
    });

    it('reports ipv6: "false" as a shape error, not an IPv6 frontend', () => {
        assert.deepStrictEqual(problems(args({ ipv6: "false" })), [
            {
                rule: "shape",
                field: "ipv6",
                message: 'is a string ("false"), not true or false',
                fix: "write ipv6: false without quotes",
            },
        ]);
    });

    it("reports a quoted number, NaN and Infinity where a number belongs", () => {
        assert.deepStrictEqual(problems(args({ httpPort: "8080", https: { port: NaN } })), [
            {
                rule: "shape",
                field: "https.port",
                message: "is the number NaN, not a number",
                fix: "give a number, e.g. 8443",
            },
            {
                rule: "shape",
                field: "httpPort",
                message: 'is a string ("8080"), not a number',
                fix: "write httpPort: 8080 without quotes",
            },
        ]);
        assert.deepStrictEqual(
            problems(args({ httpPort: Infinity }))[0].message,
            "is the number Infinity, not a number",
        );
    });

    it("lists the allowed values of a closed set", () => {
        assert.deepStrictEqual(problems(args({ scheme: "external" })), [
            {
                rule: "shape",
                field: "scheme",
                message: '"external" is not an allowed value',
                fix: `use one of ${SCHEMES}`,
            },
        ]);
        assert.deepStrictEqual(problems(args({ scheme: 3 })), [
            {
                rule: "shape",
                field: "scheme",
                message: `is the number 3, not one of ${SCHEMES}`,
                fix: `use one of ${SCHEMES}`,
            },
        ]);
    });

    it("reports a missing required field, and no arguments at all", () => {
        assert.deepStrictEqual(problems({ scheme: "classic" }), [
            {
                rule: "shape",
                field: "backends",
                message: "is required",
                fix: 'set backends to a map of names to objects (BackendArgs), e.g. { orders: { cloudRun: { service: "orders" } } }',
            },
        ]);
        assert.deepStrictEqual(problems(undefined), [
            {
                rule: "shape",
                field: "(args)",
                message: "no arguments are given; an object (ApplicationLoadBalancerArgs) is expected",
                fix: "pass the arguments as the second parameter, an object with at least scheme, backends",
            },
        ]);
        assert.deepStrictEqual(
            problems("global-external")[0].message,
            'the arguments are a string ("global-external"), not an object (ApplicationLoadBalancerArgs)',
        );
    });

    it("reports null where an object belongs and null items in lists", () => {
        assert.deepStrictEqual(problems(args({ https: null, routes: [null] })), [
            {
                rule: "shape",
                field: "routes[0]",
                message: "is null; an object (RouteArgs) is expected",
                fix: "give an object (RouteArgs), or remove the item",
            },
            {
                rule: "shape",
                field: "https",
                message: "is null; an object (HttpsArgs) is expected",
                fix: "give an object (HttpsArgs), e.g. { certificate: { certificate: certPem, privateKey: keyPem } }, or leave https out to use its default",
            },
        ]);
    });

    it("reports an unknown key, suggesting the field it was probably meant to be", () => {
        assert.deepStrictEqual(problems(args({ backends: { web: { cloudRun: { servce: "web" } } } })), [
            {
                rule: "shape",
                field: "backends.web.cloudRun.servce",
                message: "is not a field of CloudRunTargetArgs",
                fix: "did you mean `service`? Rename the key",
            },
        ]);
        assert.deepStrictEqual(
            problems(args({ colour: "blue" }))[0].fix.startsWith(
                "remove it; the fields of ApplicationLoadBalancerArgs are scheme, project, region,",
            ),
            true,
        );
        assert.strictEqual(closestKey("defaultBakend", ["backends", "defaultBackend"]), "defaultBackend");
        assert.strictEqual(closestKey("zzz", ["backends", "defaultBackend"]), undefined);
    });

    it("reports __proto__ keys without crashing or polluting any prototype; constructor and valueOf are names like any", () => {
        const parsed = JSON.parse(
            '{"scheme":"classic","backends":{"__proto__":{"cloudRun":{"service":"a"}},"constructor":{"cloudRun":{"service":"b"}}},"__proto__":{"polluted":true}}',
        );
        assert.deepStrictEqual(
            problems(parsed).map((p) => [p.field, p.message]),
            [
                ["__proto__", "is not a field of ApplicationLoadBalancerArgs"],
                [
                    "backends.__proto__",
                    'is a name JavaScript objects reserve ("__proto__"), so it cannot be a key here',
                ],
            ],
        );
        assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
        assert.deepStrictEqual(
            problems({
                scheme: "classic",
                backends: { constructor: { cloudRun: { service: "b", region: "europe-west1" } } },
                defaultBackend: "constructor",
                routes: [{ paths: ["/v/*"], backend: "valueOf" }],
            }).map((p) => [p.rule, p.field]),
            [["route-backends", "routes[0].backend"]],
        );
    });

    it("accepts an Output or a Promise where the type is an Input, and hands it to the apply-time hook", () => {
        const pending: string[] = [];
        const found = shapeProblems(
            "ApplicationLoadBalancerArgs",
            args({ project: Promise.resolve("p"), backends: { web: { cloudRun: { service: pulumi.output("web") } } } }),
            { onPending: (p) => pending.push(`${p.field}: ${p.shape.type}`) },
        );
        assert.deepStrictEqual(found, []);
        assert.deepStrictEqual(pending, ["project: string", "backends.web.cloudRun.service: string"]);
    });

    it("reports an Output where the value must be known at preview", () => {
        assert.deepStrictEqual(problems(args({ region: pulumi.output("europe-west1") })), [
            {
                rule: "shape",
                field: "region",
                message: "is an Output, but it must be known at preview: a string is expected",
                fix: 'give a plain value here (a string, e.g. "europe-west1")',
            },
        ]);
    });

    it("quotes a long or unicode string by a short excerpt", () => {
        assert.deepStrictEqual(
            problems(args({ ipv6: "ü".repeat(100_000) }))[0].message,
            'is a string (a value of 100000 characters starting "üüüüüüüüüüüüüüüüüüüüüüüü…"), not true or false',
        );
    });
});

describe("shape: at every component's boundary", () => {
    before(() => {
        installMocks();
    });

    it("new ApplicationLoadBalancer(name) with no args is one clear error", async () => {
        let error: unknown;
        try {
            new ApplicationLoadBalancer("lb", undefined as unknown as ApplicationLoadBalancerArgs);
        } catch (e) {
            error = e;
        }
        await settle();
        assert.ok(ConfigurationError.isInstance(error), String(error));
        assert.strictEqual(
            (error as Error).message,
            'ApplicationLoadBalancer "lb" has 1 configuration problem:\n' +
                "  1. (args): no arguments are given; an object (ApplicationLoadBalancerArgs) is expected\n" +
                "     Fix: pass the arguments as the second parameter, an object with at least scheme, backends [shape]",
        );
    });

    it("a standalone Frontend and LoadBalancerNetwork check their own Args' shape first", async () => {
        const errors: string[] = [];
        for (const build of [
            () => new Frontend("fe", { scheme: "global-external", urlMap: "m", ipv6: "yes" } as never),
            () => new LoadBalancerNetwork("net", { regions: "europe-west1" } as never),
        ]) {
            try {
                build();
            } catch (e) {
                errors.push((e as ConfigurationError).problems.map((p) => `${p.field}: ${p.message}`).join("; "));
            }
        }
        await settle();
        assert.deepStrictEqual(errors, [
            'ipv6: is a string ("yes"), not true or false',
            'regions: is a string ("europe-west1"), not a list of strings',
        ]);
    });
});
