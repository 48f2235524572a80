/**
 * What each ApplicationLoadBalancer in the running program routes, for tools (the offline plan's
 * routing table, `--request` and diagram). Pure bookkeeping: nothing here creates resources.
 */
import type { RoutingContext } from "./context";
import type { CustomErrorResponsesArgs } from "./error-responses";
import { RouteArgs, UrlMapSpec } from "./types";

export interface RecordedRouting {
    /** The component's name. */
    name: string;
    context: RoutingContext;
    /** The compiled URL map with real backend references, once known. */
    urlMap?: UrlMapSpec;
    /** Backend service reference per backend key, once known. */
    backendRefs?: Record<string, string>;
    /** Cloud Storage bucket name per bucket backend key, once known. */
    bucketNames?: Record<string, string>;
}

interface RoutingRecorder {
    recorded: Map<string, RecordedRouting>;
    recording: boolean;
}

/**
 * One recorder per process, shared by every copy of this module: the package's entry is one bundled file
 * (lib/index.js, for load time), while the `cloudrun-lb` command that reads the recorder loads lib/routing.
 */
const recorder: RoutingRecorder = ((globalThis as Record<symbol, unknown>)[
    Symbol.for("cloudrun-lb.routing-recorder")
] ??= { recorded: new Map(), recording: false }) as RoutingRecorder;

/**
 * Whether a tool (the offline plan) reads what load balancers route. Off in a program that Pulumi runs, where
 * nothing would read it: recording resolves every backend's id into one Output, two more Outputs a backend.
 */
export function isRecordingRoutings(): boolean {
    return recorder.recording;
}

/** Forgets what was recorded and records from now on. */
export function startRecordingRoutings(): void {
    recorder.recorded.clear();
    recorder.recording = true;
}

export function recordRouting(entry: RecordedRouting): void {
    recorder.recorded.set(entry.name, { ...recorder.recorded.get(entry.name), ...entry });
}

export function recordedRoutings(): RecordedRouting[] {
    return [...recorder.recorded.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

export function clearRecordedRoutings(): void {
    recorder.recorded.clear();
}

/** One row of the plan's routing table. */
export interface RouteRow {
    loadBalancer: string;
    /** Route index in `routes`, or "default". */
    route: string;
    hosts: string;
    match: string;
    action: string;
    backends: string;
    rewrite: string;
    /** Custom error responses of the route (or, on the default row, of the load balancer). */
    errorPages: string;
}

/** A policy as the routes table shows it: `404 → site:/404.html (404); 5xx → site:/500.html`. */
export function describeErrorResponses(policy: CustomErrorResponsesArgs | undefined, fallback?: string): string {
    if (policy === undefined) return "";
    const backend = policy.backend ?? fallback ?? "?";
    return policy.rules
        .map(
            (r) =>
                `${r.statusCodes.join(",")} → ${backend}:${r.path}${r.overrideStatus !== undefined ? ` (${r.overrideStatus})` : ""}`,
        )
        .join("; ");
}

/** A backend key as the routes table shows it, naming the bucket of a bucket backend when known. */
function backendLabel(entry: RecordedRouting, key: string): string {
    const bucket = entry.bucketNames?.[key];
    return bucket !== undefined ? `${key} (bucket ${bucket})` : key;
}

function describeMatch(r: RouteArgs): string {
    const parts: string[] = [];
    if (r.pathTemplate !== undefined) parts.push(`template ${r.pathTemplate}`);
    else if (r.regex !== undefined) parts.push(`regex ${r.regex}`);
    else parts.push((r.paths ?? ["/*"]).join(" "));
    for (const h of r.headers ?? []) {
        const cond =
            h.exact !== undefined
                ? `= ${h.exact}`
                : h.prefix !== undefined
                  ? `^= ${h.prefix}`
                  : h.suffix !== undefined
                    ? `$= ${h.suffix}`
                    : h.regex !== undefined
                      ? `~ ${h.regex}`
                      : h.range
                        ? `in [${h.range.start},${h.range.end})`
                        : h.present === false
                          ? "absent"
                          : "present";
        parts.push(`header ${h.name} ${h.invert ? "not " : ""}${cond}`);
    }
    for (const q of r.queryParameters ?? []) {
        parts.push(
            `query ${q.name} ${q.exact !== undefined ? `= ${q.exact}` : q.regex !== undefined ? `~ ${q.regex}` : "present"}`,
        );
    }
    return parts.join(", ");
}

/** The routing table of one load balancer, in evaluation order, ending with the default. */
export function routeRows(entry: RecordedRouting): RouteRow[] {
    const rows = entry.context.routes.map((r, i): RouteRow => {
        const total = (r.split ?? []).reduce((s, w) => s + w.weight, 0);
        const action = r.redirect ? "redirect" : r.split ? "split" : "backend";
        const backends = r.redirect
            ? [
                  r.redirect.https ? "https://" : "",
                  r.redirect.host ?? "",
                  r.redirect.path ?? (r.redirect.prefix ? `${r.redirect.prefix}…` : ""),
              ].join("") + ` (${r.redirect.code ?? "MOVED_PERMANENTLY_DEFAULT"})`
            : r.split
              ? r.split.map((w) => `${backendLabel(entry, w.backend)} ${w.weight}/${total}`).join(", ")
              : r.backend !== undefined
                ? backendLabel(entry, r.backend)
                : "";
        const rewrite = [
            r.rewrite?.host !== undefined ? `host=${r.rewrite.host}` : "",
            r.rewrite?.pathPrefix !== undefined ? `prefix=${r.rewrite.pathPrefix}` : "",
            r.rewrite?.pathTemplate !== undefined ? `template=${r.rewrite.pathTemplate}` : "",
        ]
            .filter((s) => s)
            .join(" ");
        const extras = [
            r.requestHeaders || r.responseHeaders ? "headers" : "",
            r.faultInjection ? "fault" : "",
            r.retry ? "retry" : "",
            r.mirror ? `mirror→${r.mirror.backend}` : "",
        ].filter((s) => s);
        return {
            loadBalancer: entry.name,
            route: String(i),
            hosts: (r.hosts ?? ["*"]).join(" "),
            match: describeMatch(r),
            action: extras.length > 0 ? `${action} (+${extras.join(", ")})` : action,
            backends,
            rewrite,
            errorPages: describeErrorResponses(r.customErrorResponses, entry.context.customErrorResponses?.backend),
        };
    });
    rows.push({
        loadBalancer: entry.name,
        route: "default",
        hosts: "*",
        match: "anything else",
        action: "backend",
        backends: entry.context.defaultBackend !== undefined ? backendLabel(entry, entry.context.defaultBackend) : "",
        rewrite: "",
        errorPages: entry.context.customErrorResponses
            ? `every route: ${describeErrorResponses(entry.context.customErrorResponses)}`
            : "",
    });
    return rows;
}
