/**
 * `defaultStatus`: requests no route matches are answered by the load balancer with a fixed status. GCP's URL
 * maps have no fixed-response action, so the default route action names a backend service and aborts every
 * request with the status (fault injection at 100 %); classic maps take no fault injection in their default.
 */
import * as assert from "assert";
import { ApplicationLoadBalancerArgs } from "../../components/args/load-balancer";
import { compileUrlMap } from "../../components/routing/compile";
import { simulateRequest } from "../../components/routing/simulate";
import { routeTable } from "../../components/args/load-balancer";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";

const R = "europe-west1";

function args(overrides: Partial<ApplicationLoadBalancerArgs> = {}): ApplicationLoadBalancerArgs {
    return {
        scheme: "global-external",
        backends: {
            api: { cloudRun: { service: "api", region: R } },
            web: { cloudRun: { service: "web", region: R } },
        },
        routes: [
            { hosts: ["api.example.com"], backend: "api" },
            { hosts: ["www.example.com"], paths: ["/app/*"], backend: "web" },
        ],
        defaultStatus: 404,
        https: { managedDomains: ["api.example.com", "www.example.com"] },
        ...overrides,
    };
}

const problems = (a: ApplicationLoadBalancerArgs) =>
    validateLoadBalancerArgs(a).map((p) => ({ rule: p.rule, field: p.field, message: p.message, fix: p.fix }));

describe("defaultStatus: unmatched requests answered by the load balancer", () => {
    it("is accepted with several backends and no defaultBackend", () => {
        assert.deepStrictEqual(problems(args()), []);
    });

    it("compiles a default route action that aborts every unmatched request with the status", () => {
        const map = compileUrlMap(routeTable(args()), { scheme: "global-external", backendRef: (k) => `bs/${k}` });
        assert.strictEqual(map.defaultService, "bs/api");
        assert.deepStrictEqual(map.defaultRouteAction, {
            faultInjectionPolicy: { abort: { httpStatus: 404, percentage: 100 } },
        });
        const unmatchedHost = simulateRequest(map, { host: "other.example.com", path: "/" });
        assert.deepStrictEqual(unmatchedHost.faultInjection, { abort: { httpStatus: 404, percentage: 100 } });
        const unmatchedPath = simulateRequest(map, { host: "www.example.com", path: "/other" });
        assert.deepStrictEqual(unmatchedPath.faultInjection, { abort: { httpStatus: 404, percentage: 100 } });
        const matched = simulateRequest(map, { host: "www.example.com", path: "/app/x" });
        assert.strictEqual(matched.faultInjection, undefined);
        assert.deepStrictEqual(
            matched.backends.map((b) => b.service),
            ["bs/web"],
        );
    });

    it("names the first backend that is not a bucket, and is refused when every backend is a bucket", () => {
        assert.deepStrictEqual(
            problems(
                args({
                    backends: { site: { bucket: { name: "site-assets" } } },
                    routes: [],
                }),
            ),
            [
                {
                    rule: "lb-default-backend",
                    field: "defaultStatus",
                    message:
                        "needs a backend service for the default route action to name, and every backend is a bucket (a backend bucket cannot be a weighted target)",
                    fix: "set defaultBackend to a bucket backend instead: Cloud Storage answers 404 for a path it has no object for",
                },
            ],
        );
    });

    it("is refused with defaultBackend, out of 200–599, and on classic (naming the alternative)", () => {
        assert.deepStrictEqual(problems(args({ defaultBackend: "web" })), [
            {
                rule: "lb-default-status",
                field: "defaultStatus",
                message:
                    "is set together with defaultBackend: an unmatched request either goes to a backend or gets a status",
                fix: "remove defaultBackend to answer unmatched requests with the status, or defaultStatus to send them to the backend",
            },
        ]);
        assert.deepStrictEqual(problems(args({ defaultStatus: 700 })), [
            {
                rule: "lb-default-status",
                field: "defaultStatus",
                message: "700 is not an HTTP status from 200 to 599 (the range of a fault injection abort)",
                fix: "use a status such as 404",
            },
        ]);
        assert.deepStrictEqual(problems(args({ scheme: "classic" })), [
            {
                rule: "lb-default-status",
                field: "defaultStatus",
                message:
                    'Fixed status for unmatched requests (defaultStatus) is not supported by the classic Application Load Balancer (scheme "classic")',
                fix: "set defaultBackend (a bucket backend answers 404 for a path it has no object for), or use scheme global-external",
            },
        ]);
    });

    it("without defaultStatus, the missing default backend's fix offers it", () => {
        assert.deepStrictEqual(problems(args({ defaultStatus: undefined })), [
            {
                rule: "lb-default-backend",
                field: "defaultBackend",
                message: "is not set and there are 2 backends (api, web)",
                fix: "set defaultBackend to one of the keys in backends, or defaultStatus (e.g. 404) to answer unmatched requests from the load balancer",
            },
        ]);
    });
});
