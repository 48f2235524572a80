/**
 * Route tests: requests with the backend (or redirect) they must reach, run through the simulator.
 * A failure is a Problem whose message shows the expected and the actual route.
 */
import { Scheme } from "../schemes";
import { Problem, quoteValue } from "../validation";
import type { AuthorizationArgs } from "../args/authorization";
import { parseIpAddress } from "../args/authorization";
import { ClientCertificateAccess, requestAccess } from "./access";
import { RouteResult, simulateRequest } from "./simulate";
import { RouteTestArgs, UrlMapSpec } from "./types";
import { UrlMaskTarget } from "./url-mask";

export interface RouteTestOptions {
    scheme: Scheme;
    /** The backend keys the map may reference. */
    backendKeys: string[];
    /** The reference the compiled map uses for a key (the same function given to `compileUrlMap`). */
    backendRef: (key: string) => string;
    /** URL mask per backend key, for `cloudRunService` / `cloudRunTag` expectations. */
    urlMasks?: Record<string, string | UrlMaskTarget>;
    /** Field name of the tests in messages. @default "tests" */
    field?: string;
    /** Frontend mTLS: tests without a valid client certificate are refused under REJECT_INVALID. */
    clientCertificates?: ClientCertificateAccess;
    /** The authorization policies: tests they deny reach no backend. */
    authorization?: AuthorizationArgs;
}

export const ROUTE_TEST_RULE = "route-test";

/** The request line of a test as shown in messages, e.g. `GET api.example.com/v1 [x-canary: true]`. */
export function describeTestRequest(test: RouteTestArgs): string {
    const headers = (test.headers ?? []).map((h) => `${h.name}: ${h.value}`).join(", ");
    const cert = test.clientCertificate;
    const certificate =
        cert === undefined
            ? ""
            : cert.present === false
              ? " without a client certificate"
              : ` with ${cert.verified === false ? "an invalid" : "a valid"} client certificate${cert.spiffeId ? ` (${cert.spiffeId})` : ""}`;
    const source = test.sourceIp !== undefined ? ` from ${test.sourceIp}` : "";
    return `${(test.method ?? "GET").toUpperCase()} ${test.host}${test.path}${headers ? ` [${headers}]` : ""}${source}${certificate}`;
}

/** What a simulated request reached, in the words of the route table (backend keys, not ids). */
export function describeRoute(result: RouteResult, keyOf: (ref: string) => string): string {
    if (result.kind === "redirect") {
        return `a ${result.redirect!.status} redirect to ${result.redirect!.url}`;
    }
    if (result.kind === "none") {
        return "no backend (the URL map has no service for it)";
    }
    if (result.backends.length === 1) {
        const b = result.backends[0];
        const cloudRun = b.cloudRun?.service
            ? ` (Cloud Run service ${quoteValue(b.cloudRun.service)}${b.cloudRun.tag ? `, tag ${quoteValue(b.cloudRun.tag)}` : ""})`
            : "";
        return `backend ${quoteValue(keyOf(b.service))}${cloudRun}`;
    }
    const total = result.backends.reduce((s, b) => s + b.weight, 0);
    return `a split: ${result.backends.map((b) => `${quoteValue(keyOf(b.service))} ${b.weight}/${total}`).join(", ")}`;
}

/**
 * The path as RFC 3986 normalizes it (dot segments resolved, `//` merged), query kept; the same text when
 * there is nothing to normalize.
 */
export function normalizedPath(path: string): string {
    const q = path.search(/[?#]/);
    const [bare, rest] = q < 0 ? [path, ""] : [path.slice(0, q), path.slice(q)];
    const out: string[] = [];
    const segments = bare.split("/").slice(1);
    segments.forEach((segment, i) => {
        const last = i === segments.length - 1;
        if (segment === "..") {
            out.pop();
            if (last) out.push("");
        } else if (segment === ".") {
            if (last) out.push("");
        } else if (segment !== "" || last) {
            out.push(segment);
        }
    });
    return `/${out.join("/")}${rest}`;
}

/** Run route tests against a URL map; one Problem per failing test. */
export function runRouteTests(urlMap: UrlMapSpec, tests: RouteTestArgs[], options: RouteTestOptions): Problem[] {
    const field = options.field ?? "tests";
    const keyByRef = new Map(options.backendKeys.map((k) => [options.backendRef(k), k]));
    const keyOf = (ref: string) => keyByRef.get(ref) ?? ref;
    const masksByRef: Record<string, string | UrlMaskTarget> = {};
    for (const [key, mask] of Object.entries(options.urlMasks ?? {})) {
        masksByRef[options.backendRef(key)] = mask;
    }
    const problems: Problem[] = [];
    tests.forEach((test, i) => {
        const fail = (expected: string, actual: string) =>
            problems.push({
                rule: ROUTE_TEST_RULE,
                field: `${field}[${i}]`,
                message: `${test.description ? `${quoteValue(test.description)}: ` : ""}${describeTestRequest(test)} should reach ${expected}, but reaches ${actual}`,
                fix: "change the routes so the request reaches what the test expects, or correct the test",
            });
        const expectations = [test.backend, test.redirect, test.denied || undefined].filter(
            (e) => e !== undefined,
        ).length;
        if (expectations !== 1 && !(expectations === 0 && test.cloudRunService !== undefined)) {
            problems.push({
                rule: ROUTE_TEST_RULE,
                field: `${field}[${i}]`,
                message: `${describeTestRequest(test)} names ${expectations === 0 ? "no expectation" : "more than one of backend, redirect and denied"}`,
                fix: "set exactly one of backend, redirect and denied (cloudRunService may be added to a backend test)",
            });
            return;
        }
        if (test.clientCertificate !== undefined && options.clientCertificates === undefined) {
            problems.push({
                rule: ROUTE_TEST_RULE,
                field: `${field}[${i}].clientCertificate`,
                message: `${describeTestRequest(test)} presents a client certificate, but the load balancer does not ask for one`,
                fix: "set https.clientCertificates (mutual TLS), or remove clientCertificate from the test",
            });
            return;
        }
        if (test.sourceIp !== undefined && parseIpAddress(test.sourceIp) === undefined) {
            problems.push({
                rule: ROUTE_TEST_RULE,
                field: `${field}[${i}].sourceIp`,
                message: `${quoteValue(test.sourceIp)} is not an IPv4 or IPv6 address`,
                fix: 'give the address the load balancer sees the request from, e.g. "10.130.0.5"',
            });
            return;
        }
        const verdict = requestAccess(
            options.clientCertificates,
            options.authorization,
            {
                host: test.host,
                path: test.path,
                method: test.method ?? "GET",
                headers: test.headers ?? [],
                sourceIp: test.sourceIp,
            },
            test.clientCertificate,
        );
        if (verdict.decision === "undecided") {
            problems.push({
                rule: ROUTE_TEST_RULE,
                field: `${field}[${i}].sourceIp`,
                message: `${describeTestRequest(test)}: whether authorization lets it through depends on its source address (${verdict.reason})`,
                fix: "set sourceIp on the test: the address the load balancer sees the request from",
            });
            return;
        }
        if (verdict.decision === "denied" || test.denied === true) {
            if (verdict.decision === "allowed") {
                const reached = describeRoute(
                    simulateRequest(
                        urlMap,
                        { host: test.host, path: test.path, method: test.method, headers: test.headers ?? [] },
                        { scheme: options.scheme, urlMasks: masksByRef },
                    ),
                    keyOf,
                );
                fail("a refusal before routing (denied)", `${reached} (${verdict.reason})`);
            } else if (test.denied !== true) {
                fail(
                    test.backend !== undefined ? `backend "${test.backend}"` : `a redirect to ${test.redirect}`,
                    `a refusal: ${verdict.reason}`,
                );
            }
            return;
        }
        if (test.backend !== undefined && !options.backendKeys.includes(test.backend)) {
            problems.push({
                rule: ROUTE_TEST_RULE,
                field: `${field}[${i}].backend`,
                message: `${quoteValue(test.backend)} is not a backend (have: ${options.backendKeys.join(", ")})`,
                fix: "use one of the keys in backends",
            });
            return;
        }
        const simulate = (path: string) =>
            simulateRequest(
                urlMap,
                { host: test.host, path, method: test.method, headers: test.headers ?? [] },
                { scheme: options.scheme, urlMasks: masksByRef },
            );
        let result: RouteResult;
        try {
            result = simulate(test.path);
            // Whether GCP resolves `.`/`..` and merges `//` before matching is undocumented: a test whose
            // two readings route differently cannot be decided offline.
            const normalized = normalizedPath(test.path.startsWith("/") ? test.path : `/${test.path}`);
            if (normalized !== test.path) {
                const other = describeRoute(simulate(normalized), keyOf);
                if (other !== describeRoute(result, keyOf)) {
                    problems.push({
                        rule: ROUTE_TEST_RULE,
                        field: `${field}[${i}].path`,
                        message: `${quoteValue(test.path)} has empty or dot segments; matched as sent it reaches ${describeRoute(result, keyOf)}, normalized it reaches ${other}, and whether GCP normalizes paths before matching is not documented`,
                        fix: `test the path clients actually send, e.g. the normalized ${quoteValue(normalized)}`,
                    });
                    return;
                }
            }
        } catch (error) {
            problems.push({
                rule: ROUTE_TEST_RULE,
                field: `${field}[${i}]`,
                message: `${describeTestRequest(test)} could not be simulated: ${error instanceof Error ? error.message : String(error)}`,
                fix: "check the test's host, path and headers, and the routes' regular expressions",
            });
            return;
        }
        const actual = describeRoute(result, keyOf);
        if (test.redirect !== undefined) {
            const got = result.redirect?.url;
            const comparable = test.redirect.includes("://") ? got : got?.replace(/^[a-z]+:\/\//, "");
            if (result.kind !== "redirect" || comparable !== test.redirect) {
                fail(`a redirect to ${test.redirect}`, actual);
            }
            return;
        }
        if (test.backend !== undefined) {
            const ref = options.backendRef(test.backend);
            const reached = result.backends.find((b) => b.service === ref && b.weight > 0);
            if (result.kind !== "backend" || !reached) {
                fail(`backend ${quoteValue(test.backend)}`, actual);
                return;
            }
        }
        if (test.cloudRunService !== undefined || test.cloudRunTag !== undefined) {
            const candidates = result.backends.filter(
                (b) => test.backend === undefined || b.service === options.backendRef(test.backend),
            );
            const ok = candidates.some(
                (b) =>
                    (test.cloudRunService === undefined || b.cloudRun?.service === test.cloudRunService) &&
                    (test.cloudRunTag === undefined || b.cloudRun?.tag === test.cloudRunTag),
            );
            if (!ok) {
                const expected = `Cloud Run service ${quoteValue(test.cloudRunService ?? "(any)")}${test.cloudRunTag ? `, tag ${quoteValue(test.cloudRunTag)}` : ""}`;
                const mismatch = candidates.find((b) => b.urlMaskMismatch)?.urlMaskMismatch;
                fail(expected, mismatch ? `${actual}; ${mismatch}` : actual);
            }
        }
    });
    return problems;
}
