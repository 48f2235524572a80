import { Scheme } from "../schemes";
import { HostRuleSpec, PathMatcherSpec, RouteArgs, UrlMapSpec } from "./types";

export interface RouteTable {
    routes: RouteArgs[];
    /** Backend key for requests no route matches. */
    defaultBackend: string;
}

export interface CompileOptions {
    scheme: Scheme;
    /** Turns a backend key into the reference GCP stores (a backend service id or self link). */
    backendRef: (key: string) => string;
}

/**
 * Route table → URL map. Routes are grouped by host set, one host rule and path matcher per group
 * (sorted, so the output is byte-identical for the same table); routes with no hosts apply to every
 * host.
 */
export function compileUrlMap(table: RouteTable, options: CompileOptions): UrlMapSpec {
    const ref = options.backendRef;
    const defaultService = ref(table.defaultBackend);
    const anyHost = table.routes.filter((r) => !r.hosts || r.hosts.length === 0 || r.hosts.includes("*"));
    const byHosts = new Map<string, { hosts: string[]; routes: RouteArgs[] }>();
    for (const route of table.routes) {
        if (anyHost.includes(route)) {
            continue;
        }
        const hosts = [...new Set(route.hosts ?? [])].sort();
        const key = hosts.join(",");
        const group = byHosts.get(key) ?? { hosts, routes: [] };
        group.routes.push(route);
        byHosts.set(key, group);
    }
    if (byHosts.size === 0 && anyHost.length === 0) {
        return { defaultService };
    }
    const groups = [...byHosts.values()].sort((a, b) => (a.hosts.join(",") < b.hosts.join(",") ? -1 : 1));
    const hostRules: HostRuleSpec[] = [];
    const pathMatchers: PathMatcherSpec[] = [];
    const matcherFor = (name: string, routes: RouteArgs[]): PathMatcherSpec => {
        const seen = new Set<string>();
        const pathRules = routes.flatMap((r) => {
            const paths = (r.paths ?? ["/*"]).filter((p) => !seen.has(p));
            paths.forEach((p) => seen.add(p));
            return paths.length > 0 && r.backend ? [{ paths, service: ref(r.backend) }] : [];
        });
        return { name, defaultService, pathRules };
    };
    groups.forEach((group, index) => {
        const name = `host-${index + 1}`;
        hostRules.push({ hosts: group.hosts, pathMatcher: name });
        pathMatchers.push(matcherFor(name, [...group.routes, ...anyHost]));
    });
    if (anyHost.length > 0) {
        hostRules.push({ hosts: ["*"], pathMatcher: "any-host" });
        pathMatchers.push(matcherFor("any-host", anyHost));
    }
    return { defaultService, hostRules, pathMatchers };
}
