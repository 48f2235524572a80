/**
 * Route regexes are RE2, as GCP's URL maps take them (https://cloud.google.com/load-balancing/docs/re2-support):
 * RE2-invalid patterns are preview errors naming the field, and matching is linear-time (re2js), so a pattern that
 * backtracks catastrophically in JavaScript still gives its answer at once.
 */
import * as assert from "assert";
import { ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { simulateRequest, UrlMapSpec } from "../../components/routing";
import { re2FullMatch, re2SyntaxError } from "../../components/routing/re2";

const FIX =
    "rewrite it in RE2 syntax (https://github.com/google/re2/wiki/Syntax): no backreferences (\\1), lookahead ((?=, (?!) or lookbehind; match the alternatives explicitly or with separate routes";

function regionalExternal(change: Partial<ApplicationLoadBalancerArgs>): ApplicationLoadBalancerArgs {
    return {
        scheme: "regional-external",
        region: "europe-west1",
        backends: { web: { cloudRun: { service: "web" } }, api: { cloudRun: { service: "api" } } },
        defaultBackend: "web",
        ...change,
    };
}

/** 2^40 ways to split the a's between the groups: JavaScript's engine would not return in our lifetime. */
const CATASTROPHIC = "/(a+)+";
const longPath = `/${"a".repeat(40)}!`;

describe("RE2 route regexes", () => {
    it("rejects what RE2 rejects — a backreference, a lookahead — naming the field, with the fix", () => {
        assert.deepStrictEqual(
            validateLoadBalancerArgs(
                regionalExternal({
                    routes: [
                        { regex: "/(v1|v2)/\\1", backend: "api" },
                        { paths: ["/h"], headers: [{ name: "x-user", regex: "(?=admin).*" }], backend: "api" },
                        { paths: ["/q"], queryParameters: [{ name: "id", regex: "[0-9" }], backend: "api" },
                    ],
                }),
            ),
            [
                {
                    rule: "route-regex",
                    field: "routes[0].regex",
                    message:
                        '"/(v1|v2)/\\\\1" is not an RE2 regular expression, which GCP requires (invalid escape sequence: `\\1`)',
                    fix: FIX,
                },
                {
                    rule: "route-regex",
                    field: "routes[1].headers[0].regex",
                    message:
                        '"(?=admin).*" is not an RE2 regular expression, which GCP requires (invalid or unsupported Perl syntax: `(?=`)',
                    fix: FIX,
                },
                {
                    rule: "route-regex",
                    field: "routes[2].queryParameters[0].regex",
                    message: '"[0-9" is not an RE2 regular expression, which GCP requires (missing closing ]: `[0-9`)',
                    fix: FIX,
                },
            ],
        );
    });

    it("accepts RE2's own syntax: named groups (?P<name>), flags, classes", () => {
        assert.deepStrictEqual(
            validateLoadBalancerArgs(
                regionalExternal({ routes: [{ regex: "/(?P<version>v[0-9]+)/(?i:items)/\\d+", backend: "api" }] }),
            ),
            [],
        );
        assert.strictEqual(re2SyntaxError("/(?P<version>v[0-9]+)/(?i:items)/\\d+"), undefined);
        assert.strictEqual(re2FullMatch("/(?P<version>v[0-9]+)/(?i:items)/\\d+", "/v2/ITEMS/42"), true);
    });

    it("matches the whole value, as regexMatch does", () => {
        assert.deepStrictEqual(
            ["/r/1", "/r/1/x", "x/r/1"].map((p) => re2FullMatch("/r/[0-9]+", p)),
            [true, false, false],
        );
    });

    it("a catastrophically backtracking pattern gives its answer in the simulator", () => {
        const urlMap: UrlMapSpec = {
            defaultService: "bs-default",
            hostRules: [{ hosts: ["*"], pathMatcher: "m" }],
            pathMatchers: [
                {
                    name: "m",
                    defaultService: "bs-default",
                    routeRules: [{ priority: 1, matchRules: [{ regexMatch: CATASTROPHIC }], service: "bs-regex" }],
                },
            ],
        };
        assert.deepStrictEqual(
            [longPath, "/aaaa", `/${"a".repeat(100_000)}`].map(
                (path) => simulateRequest(urlMap, { host: "x.example.com", path }).service,
            ),
            ["bs-default", "bs-regex", "bs-regex"],
        );
    });

    it("a catastrophically backtracking pattern gives its answer in route tests at preview", () => {
        const problems = validateLoadBalancerArgs(
            regionalExternal({
                routes: [{ regex: CATASTROPHIC, backend: "api" }],
                tests: [
                    { host: "shop.example.com", path: longPath, backend: "web" },
                    { host: "shop.example.com", path: "/aaaa", backend: "api" },
                ],
            }),
        );
        assert.deepStrictEqual(problems, []);
    });
});
