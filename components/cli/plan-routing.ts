/**
 * The routing parts of the offline plan: the routing table of every load balancer, a Mermaid diagram
 * (forwarding rule → proxy → URL map → backend services → NEGs → Cloud Run, and backend buckets → Cloud
 * Storage buckets), and `--request`.
 */
import { RecordedRouting, recordedRoutings, RouteRow, routeRows, simulateRequest, UrlMaskTarget } from "../routing";
import type { RouteResult } from "../routing/simulate";
import { describeRoute } from "../routing/route-tests";
import { URL_MAP_LIMIT_SOURCES, urlMapLimits } from "../routing/limits";
import { estimatedUrlMapBytes } from "../rules/routing";
import { AuthorizationVerdict, ClientCertificateTestArgs, requestAccess } from "../routing/access";
import { parseIpAddress } from "../args/authorization";
import { Problem, thousands } from "../validation";

export interface PlannedResource {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

export interface RequestSpec {
    method: string;
    protocol: string;
    host: string;
    path: string;
    headers: { name: string; value: string }[];
    /** The client certificate the request presents (`--client-cert`); undefined: none. */
    clientCertificate?: ClientCertificateTestArgs;
    /** The address the load balancer sees the request from (`--source-ip`), for authorization rules. */
    sourceIp?: string;
}

/** One backend service a routed request reaches, and what it receives. */
export interface RoutedBackend {
    backend: string;
    service: string;
    share: number;
    cloudRunService?: string;
    cloudRunTag?: string;
    /** The Cloud Storage bucket a backend bucket serves. */
    bucket?: string;
    /**
     * The Host header the backend receives: the backend service's Host override (a `host:` custom request
     * header) when it has one, else the request's Host after any URL map host rewrite.
     */
    host: string;
    /** Where `host` comes from. */
    hostFrom: "request" | "url-map-rewrite" | "backend-service";
}

export interface RoutedRequest {
    loadBalancer: string;
    request: string;
    /** What the request reaches, in backend keys. */
    summary: string;
    kind: string;
    backends: RoutedBackend[];
    /** With `--status`: the custom error page served instead of the backend's error. */
    errorPage?: { status: number; backend: string; path: string; responseStatus: number; level: string };
    redirect?: string;
    forwardedHost: string;
    forwardedPath: string;
    faultInjection?: unknown;
    /** Before routing: the mTLS verdict and the mTLS headers every backend receives (with mutual TLS on). */
    access?: { allowed: boolean; reason: string; headers: { name: string; value: string }[] };
    /** Before routing, after mTLS: the authorization policies' verdict (with `authorization` set). */
    authorization?: AuthorizationVerdict;
}

/**
 * `--client-cert`: `none`, `invalid`, `valid`, or a SPIFFE ID / URI (a valid certificate with that URI SAN).
 */
export function parseClientCertificate(spec: string): ClientCertificateTestArgs {
    switch (spec) {
        case "none":
            return { present: false };
        case "invalid":
            return { present: true, verified: false };
        case "valid":
            return { present: true, verified: true };
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(spec)) {
        return {
            present: true,
            verified: true,
            spiffeId: spec.startsWith("spiffe://") ? spec : undefined,
            uriSans: [spec],
        };
    }
    throw new Error(`--client-cert takes none, invalid, valid or a SPIFFE ID (spiffe://…), got "${spec}"`);
}

/** Parses `GET https://host/path?q` (method optional), `k:v` headers, `--client-cert` and `--source-ip`. */
export function parseRequest(
    line: string,
    headers: string[],
    clientCertificate?: string,
    sourceIp?: string,
): RequestSpec {
    if (sourceIp !== undefined && parseIpAddress(sourceIp) === undefined) {
        throw new Error(`--source-ip takes an IPv4 or IPv6 address, got "${sourceIp}"`);
    }
    const parts = line.trim().split(/\s+/);
    const [method, url] = parts.length > 1 ? [parts[0].toUpperCase(), parts[1]] : ["GET", parts[0]];
    const m = /^(https?):\/\/([^/?#]+)([^#]*)$/.exec(url ?? "");
    if (!m) {
        throw new Error(`--request takes "METHOD https://host/path", got "${line}"`);
    }
    return {
        method,
        protocol: m[1],
        host: m[2],
        path: m[3] === "" ? "/" : m[3],
        headers: headers.map((h) => {
            const colon = h.indexOf(":");
            if (colon <= 0) throw new Error(`--header takes "name:value", got "${h}"`);
            return { name: h.slice(0, colon).trim(), value: h.slice(colon + 1).trim() };
        }),
        ...(clientCertificate !== undefined ? { clientCertificate: parseClientCertificate(clientCertificate) } : {}),
        ...(sourceIp !== undefined ? { sourceIp } : {}),
    };
}

export function planRoutes(): RouteRow[] {
    return recordedRoutings().flatMap(routeRows);
}

/** How much of GCP's fixed URL map limits one load balancer's compiled map uses. */
export interface UrlMapUsage {
    loadBalancer: string;
    scheme: string;
    /** The map's estimated size (its compact JSON with the real backend references; GCP does not publish how it counts). */
    estimatedBytes: number;
    /** The scheme's size limit: 1,000,000 bytes, classic 64,000 (the smaller reading of 1 MB and 64 KB). */
    sizeLimitBytes: number;
    hostRules: number;
    hostRuleLimit: number;
    pathMatchers: number;
    pathMatcherLimit: number;
}

/** Every compiled URL map's size and host rules against its scheme's limits (routing/limits.ts). */
export function urlMapUsage(): UrlMapUsage[] {
    return recordedRoutings()
        .filter((e) => e.urlMap)
        .map((entry) => {
            const limits = urlMapLimits(entry.context.scheme);
            return {
                loadBalancer: entry.name,
                scheme: entry.context.scheme,
                estimatedBytes: estimatedUrlMapBytes(entry.urlMap!),
                sizeLimitBytes: limits.sizeBytes,
                hostRules: (entry.urlMap!.hostRules ?? []).length,
                hostRuleLimit: limits.hostRules,
                pathMatchers: (entry.urlMap!.pathMatchers ?? []).length,
                pathMatcherLimit: limits.pathMatchers,
            };
        });
}

const percent = (used: number, limit: number) => `${Math.round((used / limit) * 1000) / 10}%`;

export function formatUrlMapUsage(usage: UrlMapUsage[]): string[] {
    if (usage.length === 0) return [];
    return [
        "URL map limits (GCP's, fixed per URL map; " + URL_MAP_LIMIT_SOURCES.counts + "):",
        ...usage.map(
            (u) =>
                `  ${u.loadBalancer} (${u.scheme}): about ${thousands(u.estimatedBytes)} of ${thousands(u.sizeLimitBytes)} bytes (${percent(u.estimatedBytes, u.sizeLimitBytes)}), ` +
                `${thousands(u.hostRules)} of ${thousands(u.hostRuleLimit)} host rules (${percent(u.hostRules, u.hostRuleLimit)}), ` +
                `${thousands(u.pathMatchers)} of ${thousands(u.pathMatcherLimit)} path matchers`,
        ),
    ];
}

/**
 * Backend service name → the Host it sends instead of the request's: its `host:` custom request header
 * (how an internet NEG backend reaches a Cloud Run service by its run.app name, seed 001).
 */
export function backendHostOverrides(resources: PlannedResource[]): Map<string, string> {
    const overrides = new Map<string, string>();
    for (const resource of resources) {
        if (!/\/(backendService|regionBackendService):/.test(resource.type)) continue;
        for (const header of (resource.inputs.customRequestHeaders as unknown[] | undefined) ?? []) {
            const colon = typeof header === "string" ? header.indexOf(":") : -1;
            if (colon > 0 && (header as string).slice(0, colon).trim().toLowerCase() === "host") {
                overrides.set(String(resource.inputs.name), (header as string).slice(colon + 1).trim());
            }
        }
    }
    return overrides;
}

/**
 * How each load balancer in the program routes the request, and the Host each backend receives (from the
 * planned backend services' custom request headers); with `responseStatus`, the custom error page served.
 */
export function routeRequest(
    request: RequestSpec,
    resources: PlannedResource[] = [],
    responseStatus?: number,
): RoutedRequest[] {
    return recordedRoutings()
        .filter((e) => e.urlMap && e.backendRefs)
        .map((entry): RoutedRequest => {
            const verdict = requestAccess(
                entry.context.clientCertificates,
                entry.context.authorization,
                {
                    host: request.host,
                    path: request.path,
                    method: request.method,
                    headers: request.headers,
                    sourceIp: request.sourceIp,
                },
                request.clientCertificate,
            );
            const access = {
                ...(entry.context.clientCertificates ? { access: verdict.clientCertificate } : {}),
                ...(verdict.authorization ? { authorization: verdict.authorization } : {}),
            };
            if (verdict.decision === "denied") {
                return {
                    loadBalancer: entry.name,
                    request: `${request.method} ${request.protocol}://${request.host}${request.path}`,
                    summary: `refused before routing: ${verdict.reason}`,
                    kind: "denied",
                    backends: [],
                    forwardedHost: request.host,
                    forwardedPath: request.path,
                    ...access,
                };
            }
            return { ...routeThrough(entry, request, resources, responseStatus).routed, ...access };
        });
}

/**
 * How one recorded load balancer routes a request: the simulator's result over its compiled URL map, and the
 * same in backend keys (`routed`). `cloudrun-lb/testing`'s `routeOf` reads it too.
 */
export function routeThrough(
    entry: RecordedRouting,
    request: RequestSpec,
    resources: PlannedResource[] = [],
    responseStatus?: number,
): { result: RouteResult; routed: RoutedRequest; keyOf: (ref: string) => string } {
    const overrides = backendHostOverrides(resources);
    const refs = entry.backendRefs ?? {};
    const keyByRef = new Map(Object.entries(refs).map(([k, v]) => [v, k]));
    const keyOf = (ref: string) => keyByRef.get(ref) ?? ref;
    const masks: Record<string, string | UrlMaskTarget> = {};
    for (const [key, mask] of Object.entries(entry.context.urlMasks ?? {})) masks[refs[key]] = mask;
    const buckets: Record<string, string> = {};
    for (const [key, bucket] of Object.entries(entry.bucketNames ?? {})) buckets[refs[key]] = bucket;
    const result = simulateRequest(
        entry.urlMap!,
        {
            method: request.method,
            protocol: request.protocol,
            host: request.host,
            path: request.path,
            headers: request.headers,
        },
        { scheme: entry.context.scheme, urlMasks: masks, bucketNames: buckets, responseStatus },
    );
    const routed: RoutedRequest = {
        loadBalancer: entry.name,
        request: `${request.method} ${request.protocol}://${request.host}${request.path}`,
        summary: describeRoute(result, keyOf),
        kind: result.kind,
        backends: result.backends.map((b): RoutedBackend => {
            const override = overrides.get(b.service.split("/").pop() ?? "");
            return {
                backend: keyOf(b.service),
                service: b.service,
                share: b.share,
                ...(b.cloudRun?.service ? { cloudRunService: b.cloudRun.service } : {}),
                ...(b.cloudRun?.tag ? { cloudRunTag: b.cloudRun.tag } : {}),
                ...(b.bucket !== undefined ? { bucket: b.bucket } : {}),
                host: override ?? result.host,
                hostFrom:
                    override !== undefined
                        ? "backend-service"
                        : result.host !== request.host
                          ? "url-map-rewrite"
                          : "request",
            };
        }),
        forwardedHost: result.host,
        forwardedPath: result.path,
    };
    if (result.redirect) routed.redirect = `${result.redirect.status} ${result.redirect.url}`;
    if (result.faultInjection) routed.faultInjection = result.faultInjection;
    if (result.errorPage) {
        routed.errorPage = {
            status: result.errorPage.status,
            backend: keyOf(result.errorPage.errorService),
            path: result.errorPage.path,
            responseStatus: result.errorPage.responseStatus,
            level: result.errorPage.level,
        };
    }
    return { result, routed, keyOf };
}

const DIAGRAM_KINDS: [RegExp, string][] = [
    [/forwardingRule:|globalForwardingRule:/, "forwarding rule"],
    [/argetHttpsProxy:|argetHttpProxy:/, "proxy"],
    [/uRLMap:|regionUrlMap:/, "URL map"],
    [/backendService:|regionBackendService:/, "backend service"],
    [/backendBucket:BackendBucket|regionBackendBucket:RegionBackendBucket/, "backend bucket"],
    [/NetworkEndpointGroup:|networkEndpointGroup:/, "NEG"],
];

/**
 * The most resources the diagram draws one by one. Past it a flowchart is a wall of boxes (and Mermaid refuses
 * text over 50,000 characters, its default `maxTextSize`), so the diagram draws one box per kind with a count.
 */
export const DIAGRAM_MAX_NODES = 60;

/** The plan's diagram, and why it is drawn one box per kind when it is. */
export interface PlanDiagram {
    mermaid: string;
    /** Set when the diagram is collapsed: what was left out and why. */
    collapsed?: string;
}

function diagramNodes(resources: PlannedResource[]) {
    return resources
        .map((r) => ({ r, kind: DIAGRAM_KINDS.find(([re]) => re.test(r.type))?.[1] }))
        .filter((n): n is { r: PlannedResource; kind: string } => n.kind !== undefined);
}

/**
 * The diagram of the plan: every resource of the chain up to {@link DIAGRAM_MAX_NODES}, else one box per kind
 * ("312 backend services") with the edges between kinds, and a note that says so.
 */
export function planDiagram(resources: PlannedResource[], maxNodes = DIAGRAM_MAX_NODES): PlanDiagram {
    const nodes = diagramNodes(resources);
    if (nodes.length <= maxNodes) {
        return { mermaid: mermaidDiagram(resources) };
    }
    const kinds = [...new Set(nodes.map((n) => n.kind))];
    const kindOf = new Map(nodes.map((n) => [n.r, n.kind]));
    const byPhysical = new Map<string, string>();
    for (const n of nodes) if (typeof n.r.inputs.name === "string") byPhysical.set(n.r.inputs.name, n.kind);
    const edges = new Set<string>();
    let cloudRun = 0;
    for (const n of nodes) {
        const text = JSON.stringify(n.r.inputs);
        for (const m of text.matchAll(/\/([a-z]([-a-z0-9]*[a-z0-9])?)"/g)) {
            const target = byPhysical.get(m[1]);
            if (target !== undefined && target !== kindOf.get(n.r)) edges.add(`${n.kind}|${target}`);
        }
        if (n.r.inputs.cloudRun) cloudRun++;
    }
    const id = (kind: string) => `k${kinds.indexOf(kind)}`;
    const plural = (count: number, kind: string) => `${count} ${kind}${count === 1 ? "" : "s"}`;
    const lines = ["flowchart LR"];
    for (const kind of kinds) {
        lines.push(`    ${id(kind)}["${plural(nodes.filter((n) => n.kind === kind).length, kind)}"]`);
    }
    for (const edge of [...edges].sort()) {
        const [from, to] = edge.split("|");
        lines.push(`    ${id(from)} --> ${id(to)}`);
    }
    if (cloudRun > 0) {
        lines.push(`    cr(["${cloudRun} Cloud Run targets"])`, `    ${id("NEG")} --> cr`);
    }
    return {
        mermaid: lines.join("\n"),
        collapsed: `${nodes.length} resources in the load balancer chain, more than the ${maxNodes} a diagram shows readably: one box per kind (the resource list above names each)`,
    };
}

/** A Mermaid flowchart of every load balancer's chain, edges from the references in the inputs. */
export function mermaidDiagram(resources: PlannedResource[]): string {
    const nodes = diagramNodes(resources);
    const lines = ["flowchart LR"];
    const id = (i: number) => `n${i}`;
    nodes.forEach((n, i) => lines.push(`    ${id(i)}["${n.kind}<br/>${n.r.name}"]`));
    nodes.forEach((a, i) => {
        const text = JSON.stringify(a.r.inputs);
        nodes.forEach((b, j) => {
            const physical = b.r.inputs.name;
            if (i !== j && typeof physical === "string" && text.includes(`/${physical}"`)) {
                lines.push(`    ${id(i)} --> ${id(j)}`);
            }
        });
    });
    let runs = 0;
    nodes.forEach((n, i) => {
        const cloudRun = n.r.inputs.cloudRun as Record<string, unknown> | undefined;
        if (cloudRun) {
            const label = cloudRun.urlMask
                ? `Cloud Run URL mask ${cloudRun.urlMask}`
                : `Cloud Run ${cloudRun.service}${cloudRun.tag ? ` tag ${cloudRun.tag}` : ""}`;
            lines.push(`    cr${runs}(["${label.replace(/"/g, "'").replace(/</g, "&lt;").replace(/>/g, "&gt;")}"])`);
            lines.push(`    ${id(i)} --> cr${runs}`);
            runs++;
        }
        if (n.kind === "backend bucket" && typeof n.r.inputs.bucketName === "string") {
            lines.push(`    gcs${i}[("Cloud Storage bucket ${n.r.inputs.bucketName}")]`, `    ${id(i)} --> gcs${i}`);
        }
        if (n.kind === "NEG" && n.r.inputs.networkEndpointType === "NON_GCP_PRIVATE_IP_PORT") {
            lines.push(`    onprem${i}(["on-prem endpoints"])`, `    ${id(i)} --> onprem${i}`);
        }
    });
    return lines.join("\n");
}

/**
 * The routing table. `notCompiled` names the load balancers that have no routes because they failed validation:
 * their routes are said to be missing for that reason, not because there is no load balancer.
 */
export function formatRoutes(rows: RouteRow[], notCompiled: string[] = []): string[] {
    const failed = notCompiled.map(
        (name) =>
            `Routes of "${name}": not compiled — the load balancer failed validation; fix the problems listed under "Errors:" and plan again`,
    );
    if (rows.length === 0) return failed.length > 0 ? failed : ["Routes: none (no ApplicationLoadBalancer)"];
    return [...formatRouteTable(rows), ...failed];
}

function formatRouteTable(rows: RouteRow[]): string[] {
    const header: RouteRow = {
        loadBalancer: "LB",
        route: "#",
        hosts: "HOSTS",
        match: "MATCH",
        action: "ACTION",
        backends: "BACKEND(S)",
        rewrite: "REWRITE",
        errorPages: "ERROR PAGES",
    };
    // The error pages column only when a route or the load balancer has custom error responses.
    const cols = (Object.keys(header) as (keyof RouteRow)[]).filter(
        (c) => c !== "errorPages" || rows.some((r) => r.errorPages !== ""),
    );
    const widths = cols.map((c) => Math.min(48, Math.max(...[header, ...rows].map((r) => r[c].length))));
    const line = (r: RouteRow) =>
        "  " +
        cols
            .map((c, k) => r[c].padEnd(widths[k]))
            .join("  ")
            .trimEnd();
    return ["Routes (first match wins, in this order):", line(header), ...rows.map(line)];
}

const HOST_SOURCES: Record<RoutedBackend["hostFrom"], string> = {
    request: "the request's Host",
    "url-map-rewrite": "the URL map's host rewrite",
    "backend-service": "the backend service's Host override",
};

export function formatRequests(routed: RoutedRequest[]): string[] {
    const lines: string[] = [];
    for (const r of routed) {
        lines.push(`Request ${r.request} on ${r.loadBalancer}: ${r.summary}`);
        if (r.access?.allowed) {
            lines.push(`  ${r.access.reason}`);
            for (const h of r.access.headers) lines.push(`    backends receive ${h.name}: ${h.value}`);
        }
        if (r.authorization && r.kind !== "denied") {
            lines.push(
                `  authorization: ${r.authorization.reason}${r.authorization.decision === "undecided" ? "; give --source-ip" : ""}`,
            );
        }
        for (const b of r.backends) {
            const run = b.cloudRunService
                ? `, Cloud Run service "${b.cloudRunService}"${b.cloudRunTag ? ` tag "${b.cloudRunTag}"` : ""}`
                : "";
            const bucket = b.bucket !== undefined ? `, Cloud Storage bucket "${b.bucket}"` : "";
            lines.push(
                `  → backend "${b.backend}" (${b.service}), share ${Math.round(b.share * 1000) / 10}%${run}${bucket}`,
            );
            lines.push(`    receives Host: ${b.host} (${HOST_SOURCES[b.hostFrom]}), path ${r.forwardedPath}`);
        }
        if (r.redirect) lines.push(`  → redirect ${r.redirect}`);
        if (r.faultInjection) lines.push(`  fault injection: ${JSON.stringify(r.faultInjection)}`);
        if (r.errorPage) {
            const e = r.errorPage;
            lines.push(
                `  on ${e.status}: error page ${e.path} from backend "${e.backend}", sent as ${e.responseStatus} (${e.level} policy)`,
            );
        }
    }
    return lines;
}

export type { Problem };
