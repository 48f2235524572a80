/**
 * `cloudrun-lb/testing`: GCP-shaped Pulumi mocks for your own stack's unit tests — the mocks `cloudrun-lb plan`
 * runs under. Resources of any type get an id, their `name` and (compute) a `selfLink` in GCP's URL form; the kinds
 * that sit next to a load balancer get their computed fields; data sources answer from their inputs.
 *
 * ```ts
 * import { mockGcp, routeOf } from "cloudrun-lb/testing";
 * const gcp = mockGcp({ project: "my-project", config: { "platform:domain": "example.com" } });
 * const stack = await import("../index");
 * assert.strictEqual((await routeOf(stack.lb, "GET https://billing.example.com/")).backend, "billing");
 * const urlMap = gcp.one("gcp:compute/uRLMap:URLMap");
 * ```
 */
import * as pulumi from "@pulumi/pulumi";
import { routeThrough, RoutedBackend, parseRequest } from "../cli/plan-routing";
import { requestAccess } from "../routing/access";
import type { ClientCertificateTestArgs } from "../routing/types";
import { recordedRoutings, startRecordingRoutings } from "../routing/registry";
import { installMocks, Recorder, settle, valueOf } from "./mocks";

export {
    MOCK_PROJECT,
    MOCK_PROJECT_NUMBER,
    RecordedCall,
    RecordedResource,
    Recorder,
    settle,
    UnansweredCallError,
    valueOf,
} from "./mocks";
export type { RoutedBackend } from "../cli/plan-routing";

/** Options of {@link mockGcp}. */
export interface MockGcpOptions {
    /**
     * The GCP project resources default to and data sources (`organizations.getProject`, …) answer for.
     * @default config["gcp:project"], else "mock-project"
     * @example "my-platform-prod"
     */
    project?: string;
    /**
     * The region regional resources (addresses, subnetworks, regional backend services, …) default to.
     * @default config["gcp:region"], else "us-central1"
     * @example "europe-west1"
     */
    region?: string;
    /**
     * Stack config for the program, as `Pulumi.<stack>.yaml` holds it: `"<namespace>:<key>"` → value. A key
     * without a namespace is the Pulumi project's (`pulumiProject`), as `new pulumi.Config()` reads it. Strings
     * are passed as they are, other values as JSON (`config.getObject`/`getNumber`/`getBoolean` read them).
     * @default {}
     * @example { "platform:domain": "internal.example.com", "platform:replicas": 2, "gcp:region": "europe-west1" }
     */
    config?: Record<string, unknown>;
    /**
     * Config keys that are secrets (`config.requireSecret` returns them as secret outputs either way).
     * @default []
     * @example ["platform:apiKey"]
     */
    secretKeys?: string[];
    /**
     * Answers for data-source calls by token, used before the built-in answers; a call with neither fails with
     * the token in its message.
     * @default {}
     * @example { "gcp:compute/getInstance:getInstance": { name: "vm", selfLink: "https://…/instances/vm" } }
     */
    invokeResults?: Record<string, Record<string, unknown>>;
    /**
     * The Pulumi project name (`pulumi.getProject()`, and the namespace of `new pulumi.Config()`): the `name` of
     * your `Pulumi.yaml`.
     * @default "project"
     * @example "platform"
     */
    pulumiProject?: string;
    /**
     * The stack name (`pulumi.getStack()`).
     * @default "dev"
     * @example "prod"
     */
    stack?: string;
}

/**
 * Installs the GCP-shaped mocks with `pulumi.runtime.setMocks`, sets the stack config, and returns a recorder of
 * every registration. Call it before your program or components run (mocha: in `before()`, then
 * `await import("../index")`). `recorder.resources` lists each registration (`type`, `name`, `inputs`, `parent`);
 * `ofType(type)` filters it; `one(type, name?)` and `named(name)` return exactly one or throw.
 */
export function mockGcp(options: MockGcpOptions = {}): Recorder {
    const pulumiProject = options.pulumiProject ?? "project";
    const config: Record<string, string> = {};
    for (const [key, value] of Object.entries(options.config ?? {})) {
        config[key.includes(":") ? key : `${pulumiProject}:${key}`] =
            typeof value === "string" ? value : JSON.stringify(value);
    }
    const secretKeys = (options.secretKeys ?? []).map((key) => (key.includes(":") ? key : `${pulumiProject}:${key}`));
    // What each load balancer compiles is recorded, for routeOf (the plan records the same).
    startRecordingRoutings();
    const recorder = installMocks({
        ...options,
        pulumiProject,
        project: options.project ?? config["gcp:project"],
        region: options.region ?? config["gcp:region"],
    });
    (pulumi.runtime as unknown as { setAllConfig(c: Record<string, string>, s?: string[]): void }).setAllConfig(
        config,
        secretKeys,
    );
    return recorder;
}

/** Where a request goes through a load balancer, in its backend keys: what {@link routeOf} returns. */
export interface Route {
    /**
     * `backend`: one or more backends serve it; `redirect`: the load balancer answers with a redirect; `denied`:
     * the load balancer refuses it before routing (mutual TLS, or an `authorization` policy); `none`.
     */
    kind: "backend" | "redirect" | "denied" | "none";
    /** The backend key, when exactly one backend serves the request (not a weighted split). */
    backend?: string;
    /** Every backend the request may reach, with its share (a split has several). */
    backends: RoutedBackend[];
    /** What the request reaches, in words, e.g. `backend "billing" (Cloud Run service "billing")`. */
    summary: string;
    /** The host and path (with query) the backend receives. */
    host: string;
    path: string;
    /** What a route's rewrite changed: only the parts that differ from the request. */
    rewrite?: RouteRewrite;
    /** The redirect, when the load balancer answers with one. */
    redirect?: RouteRedirect;
    /** The status the load balancer itself answers with: the redirect's (301, 302, 303, 307, 308). */
    status?: number;
    /**
     * Why the load balancer lets the request through or refuses it before routing, when it has mutual TLS or an
     * `authorization` policy, e.g. "denied by authorization.deny[0]".
     */
    access?: string;
}

/** The host and path a route's rewrite sends instead of the request's. */
export interface RouteRewrite {
    host?: string;
    path?: string;
}

/** A redirect the load balancer answers with. */
export interface RouteRedirect {
    status: number;
    url: string;
}

/** Options of {@link routeOf}. */
export interface RouteOfOptions {
    /**
     * Request headers, for routes that match on them.
     * @default {}
     * @example { "x-canary": "true" }
     */
    headers?: Record<string, string>;
    /**
     * The address the load balancer sees the request from, for `authorization` rules on `ipRanges`.
     * @default undefined (a verdict that depends on it throws)
     * @example "10.130.0.5"
     */
    sourceIp?: string;
    /**
     * The client certificate the request presents, for a load balancer with `https.clientCertificates`.
     * @default undefined (no certificate)
     * @example { spiffeId: "spiffe://partner.example.com/billing" }
     */
    clientCertificate?: ClientCertificateTestArgs;
}

/**
 * How a load balancer routes a request — `"GET https://billing.internal.example.com/x"` (method optional) —
 * through the URL map it compiled, with the package's simulator (GCP's documented matching: host rules, longest
 * path, route rule priority, header and query matches, rewrites, redirects, splits). The load balancer must have
 * been constructed after {@link mockGcp}.
 */
export async function routeOf(
    lb: pulumi.ComponentResource,
    request: string,
    options: RouteOfOptions = {},
): Promise<Route> {
    await settle();
    const name = (await valueOf(lb.urn)).split("::").pop()!;
    const entry = recordedRoutings().find((e) => e.name === name && e.urlMap && e.backendRefs);
    if (!entry) {
        throw new Error(
            `routeOf: load balancer "${name}" compiled no URL map under the mocks: call mockGcp() before the load balancer is constructed (and check it has no configuration problems)`,
        );
    }
    const spec = parseRequest(
        request,
        Object.entries(options.headers ?? {}).map(([header, value]) => `${header}:${value}`),
        undefined,
        options.sourceIp,
    );
    const verdict = requestAccess(
        entry.context.clientCertificates,
        entry.context.authorization,
        { host: spec.host, path: spec.path, method: spec.method, headers: spec.headers, sourceIp: spec.sourceIp },
        options.clientCertificate,
    );
    const access = entry.context.clientCertificates || entry.context.authorization ? { access: verdict.reason } : {};
    if (verdict.decision === "undecided") {
        throw new Error(`routeOf: ${request}: ${verdict.reason}: pass { sourceIp } to decide it`);
    }
    if (verdict.decision === "denied") {
        return {
            kind: "denied",
            backends: [],
            summary: `refused before routing: ${verdict.reason}`,
            host: spec.host,
            path: spec.path,
            ...access,
        };
    }
    const { result, routed } = routeThrough(entry, spec);
    const route: Route = {
        kind: result.kind,
        backends: routed.backends,
        summary: routed.summary,
        host: result.host,
        path: result.path,
        ...access,
    };
    if (result.kind === "backend" && routed.backends.length === 1) route.backend = routed.backends[0].backend;
    const rewrite: RouteRewrite = {};
    if (result.kind === "backend" && result.host !== spec.host) rewrite.host = result.host;
    if (result.kind === "backend" && result.path !== spec.path) rewrite.path = result.path;
    if (Object.keys(rewrite).length > 0) route.rewrite = rewrite;
    if (result.redirect) {
        route.redirect = { status: result.redirect.status, url: result.redirect.url };
        route.status = result.redirect.status;
    }
    return route;
}
