/**
 * From live resources to an `ApplicationLoadBalancerArgs`: follows the graph from the forwarding rules down
 * (forwarding rule → target proxy → URL map → backend services / buckets → NEGs), infers the scheme, and
 * decompiles the URL map into the package's route table. Whatever the Args cannot say is listed in
 * `notExpressible`; whatever stays outside the program but is used by reference (networks, subnets,
 * certificates, SSL and security policies) is listed in `referenced`. Nothing is dropped silently.
 */
import { normalize } from "../url-map-file";
import type {
    HeaderActionSpec,
    HeaderTransformArgs,
    PathMatcherSpec,
    RouteActionSpec,
    RouteArgs,
    RouteTestArgs,
    UrlMapSpec,
    UrlRedirectSpec,
} from "../../routing/types";
import type { Scheme } from "../../schemes";
import { Exports, LiveResource, lookup, parseReference, relativeReference } from "./exports";

/** A live resource the program cannot express, and why. */
export interface NotExpressible {
    /** `backendServices/orders`, or a field path inside one (`urlMaps/shop: pathMatchers[0].headerAction`). */
    resource: string;
    reason: string;
}

/** What `adopt` made of the found. */
export interface Decompiled {
    scheme: Scheme;
    project: string;
    region?: string;
    /** The component's logical name (the main URL map's name). */
    lbName: string;
    /** The load balancer's Args as plain data (written into the program as a literal). */
    args: Record<string, any>;
    /** Backend key → the live backend service or bucket it stands for. */
    backendKeys: Record<string, LiveResource>;
    /** The live resources the program manages (and imports). */
    adopted: LiveResource[];
    /** Live resources the program uses by reference and leaves as they are. */
    referenced: LiveResource[];
    notExpressible: NotExpressible[];
    /** The live main URL map, normalized (for the routing comparison). */
    urlMap: LiveResource;
    /** The live HTTP→HTTPS redirect URL map, if the load balancer has one. */
    redirectUrlMap?: LiveResource;
}

const short = (r: LiveResource) => `${r.collection}/${r.name}`;

/** The scheme from a forwarding rule's loadBalancingScheme and scope (Compute API ForwardingRule). */
export function schemeOf(loadBalancingScheme: string | undefined, global: boolean): Scheme | undefined {
    switch (loadBalancingScheme ?? "EXTERNAL") {
        case "EXTERNAL":
            return "classic";
        case "EXTERNAL_MANAGED":
            return global ? "global-external" : "regional-external";
        case "INTERNAL_MANAGED":
            return global ? "cross-region-internal" : "regional-internal";
        default:
            return undefined;
    }
}

function port(rule: LiveResource): number {
    return Number(String(rule.data.portRange ?? "80").split("-")[0]);
}

function headerTransform(
    adds: Array<Record<string, any>> | undefined,
    removes: string[] | undefined,
): HeaderTransformArgs | undefined {
    if (!adds?.length && !removes?.length) return undefined;
    return {
        ...(adds?.length
            ? {
                  add: adds.map((h) => ({
                      name: h.headerName,
                      value: h.headerValue ?? "",
                      ...(h.replace ? { replace: true } : {}),
                  })),
              }
            : {}),
        ...(removes?.length ? { remove: removes } : {}),
    };
}

function requestHeaders(action: HeaderActionSpec | undefined) {
    return headerTransform(action?.requestHeadersToAdds as any, action?.requestHeadersToRemoves);
}

function responseHeaders(action: HeaderActionSpec | undefined) {
    return headerTransform(action?.responseHeadersToAdds as any, action?.responseHeadersToRemoves);
}

function seconds(duration: { seconds?: string | number; nanos?: number } | undefined): number | undefined {
    if (!duration) return undefined;
    return Number(duration.seconds ?? 0) + (duration.nanos ?? 0) / 1e9;
}

const drop = <T extends Record<string, unknown>>(value: T): T =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** Host precedence (GCP: exact hosts before wildcards, longer wildcards first, `*` last). */
function hostRank(host: string): number {
    if (host === "*") return 0;
    if (host.includes("*")) return 1 + host.length;
    return 10000;
}

/** Decompiles one URL map into routes, a default backend and tests. */
export function decompileUrlMap(
    map: UrlMapSpec,
    backendKey: (ref: string) => string,
    scheme: Scheme,
    where: string,
    notExpressible: NotExpressible[],
): {
    routes: RouteArgs[];
    defaultBackend?: string;
    requestHeaders?: HeaderTransformArgs;
    responseHeaders?: HeaderTransformArgs;
    tests: RouteTestArgs[];
} {
    const unsupported = (field: string, reason: string) =>
        notExpressible.push({ resource: `${where}: ${field}`, reason });
    const action = (
        field: string,
        target: {
            service?: string;
            routeAction?: RouteActionSpec;
            urlRedirect?: UrlRedirectSpec;
            customErrorResponsePolicy?: unknown;
        },
    ): Partial<RouteArgs> | undefined => {
        if (target.customErrorResponsePolicy !== undefined) {
            unsupported(
                `${field}.customErrorResponsePolicy`,
                "per-rule custom error response policies are not decompiled; set routes[].customErrorResponses by hand",
            );
        }
        if (target.urlRedirect) {
            const r = target.urlRedirect;
            return {
                redirect: drop({
                    https: r.httpsRedirect || undefined,
                    host: r.hostRedirect,
                    path: r.pathRedirect,
                    prefix: r.prefixRedirect,
                    code: r.redirectResponseCode as any,
                    stripQuery: r.stripQuery || undefined,
                }),
            };
        }
        const ra = target.routeAction ?? {};
        const known = new Set([
            "weightedBackendServices",
            "urlRewrite",
            "retryPolicy",
            "timeout",
            "corsPolicy",
            "faultInjectionPolicy",
            "requestMirrorPolicy",
        ]);
        for (const key of Object.keys(ra)) {
            if (!known.has(key))
                unsupported(`${field}.routeAction.${key}`, `routeAction.${key} has no field in routes[]`);
        }
        const out: Partial<RouteArgs> = {};
        if (ra.weightedBackendServices?.length) {
            out.split = ra.weightedBackendServices.map((w) =>
                drop({
                    backend: backendKey(w.backendService),
                    weight: Number(w.weight),
                    requestHeaders: requestHeaders(w.headerAction),
                    responseHeaders: responseHeaders(w.headerAction),
                }),
            );
        } else if (target.service) {
            out.backend = backendKey(target.service);
        }
        if (ra.urlRewrite) {
            out.rewrite = drop({
                pathPrefix: ra.urlRewrite.pathPrefixRewrite,
                pathTemplate: ra.urlRewrite.pathTemplateRewrite,
                host: ra.urlRewrite.hostRewrite,
            });
        }
        if (ra.retryPolicy) {
            out.retry = drop({
                attempts: Number(ra.retryPolicy.numRetries),
                perTryTimeoutSeconds: seconds(ra.retryPolicy.perTryTimeout as any),
                conditions: ra.retryPolicy.retryConditions as any,
            });
        }
        if (ra.timeout) out.timeoutSeconds = seconds(ra.timeout as any);
        if (ra.corsPolicy && !ra.corsPolicy.disabled) {
            const c = ra.corsPolicy;
            out.cors = drop({
                allowOrigins: c.allowOrigins,
                allowOriginRegexes: c.allowOriginRegexes,
                allowMethods: c.allowMethods,
                allowHeaders: c.allowHeaders,
                exposeHeaders: c.exposeHeaders,
                maxAgeSeconds: c.maxAge,
                allowCredentials: c.allowCredentials,
            });
        }
        if (ra.faultInjectionPolicy) {
            const f = ra.faultInjectionPolicy;
            out.faultInjection = drop({
                delay: f.delay
                    ? { seconds: seconds(f.delay.fixedDelay as any) ?? 0, percentage: f.delay.percentage }
                    : undefined,
                abort: f.abort ? { httpStatus: f.abort.httpStatus, percentage: f.abort.percentage } : undefined,
            });
        }
        if (ra.requestMirrorPolicy) out.mirror = { backend: backendKey(ra.requestMirrorPolicy.backendService) };
        if (out.backend === undefined && out.split === undefined) return undefined;
        return out;
    };

    const routes: RouteArgs[] = [];
    const matchers = new Map((map.pathMatchers ?? []).map((m) => [m.name, m]));
    const matcherRoutes = (matcher: PathMatcherSpec, hosts: string[] | undefined, field: string) => {
        const withHosts = (route: Partial<RouteArgs>): RouteArgs =>
            ({ ...(hosts ? { hosts } : {}), ...route }) as RouteArgs;
        if (matcher.headerAction) {
            unsupported(
                `${field}.headerAction`,
                "a path matcher's header action has no place in routes[]: move it onto each route's requestHeaders/responseHeaders",
            );
        }
        if (matcher.defaultCustomErrorResponsePolicy) {
            unsupported(`${field}.defaultCustomErrorResponsePolicy`, "set routes[].customErrorResponses by hand");
        }
        // Path rules: GCP takes the longest match, routes the first: most specific path first.
        const pathRoutes: Array<{ path: string; route: RouteArgs }> = [];
        (matcher.pathRules ?? []).forEach((rule, i) => {
            const a = action(`${field}.pathRules[${i}]`, rule);
            if (!a) {
                unsupported(`${field}.pathRules[${i}]`, "a path rule with neither a service nor a redirect");
                return;
            }
            for (const path of rule.paths) pathRoutes.push({ path, route: withHosts({ paths: [path], ...a }) });
        });
        const specificity = (p: string) => (p.endsWith("/*") ? (p.length - 1) * 2 : p.length * 2 + 1);
        pathRoutes.sort((a, b) => specificity(b.path) - specificity(a.path));
        routes.push(...pathRoutes.map((p) => p.route));
        const rules = [...(matcher.routeRules ?? [])].sort((a, b) => Number(a.priority) - Number(b.priority));
        for (const [i, rule] of rules.entries()) {
            const at = `${field}.routeRules[priority ${rule.priority}]`;
            const a = action(at, rule);
            if (!a) {
                unsupported(at, "a route rule with neither a service nor a redirect");
                continue;
            }
            const extra = drop({
                requestHeaders: requestHeaders(rule.headerAction),
                responseHeaders: responseHeaders(rule.headerAction),
            });
            for (const [j, match] of (rule.matchRules?.length ? rule.matchRules : [{}]).entries()) {
                const m = match as Record<string, any>;
                const route: Partial<RouteArgs> = {};
                if (m.prefixMatch !== undefined && m.prefixMatch !== "/") {
                    if (m.prefixMatch.endsWith("/")) {
                        route.paths = [`${m.prefixMatch}*`];
                    } else if (
                        scheme === "regional-external" ||
                        scheme === "regional-internal" ||
                        scheme === "cross-region-internal"
                    ) {
                        route.regex = `${m.prefixMatch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*`;
                    } else {
                        route.paths = [m.prefixMatch, `${m.prefixMatch}/*`];
                        unsupported(
                            `${at}.matchRules[${j}].prefixMatch`,
                            `prefix "${m.prefixMatch}" (no trailing "/") also matches "${m.prefixMatch}x"; decompiled as paths ${JSON.stringify(route.paths)}`,
                        );
                    }
                }
                if (m.fullPathMatch !== undefined) route.paths = [m.fullPathMatch];
                if (m.pathTemplateMatch !== undefined) route.pathTemplate = m.pathTemplateMatch;
                if (m.regexMatch !== undefined) route.regex = m.regexMatch;
                if (m.ignoreCase) route.ignoreCase = true;
                if (m.headerMatches?.length) {
                    route.headers = m.headerMatches.map((h: Record<string, any>) =>
                        drop({
                            name: h.headerName,
                            exact: h.exactMatch,
                            prefix: h.prefixMatch,
                            suffix: h.suffixMatch,
                            regex: h.regexMatch,
                            present: h.presentMatch,
                            range: h.rangeMatch
                                ? { start: Number(h.rangeMatch.rangeStart), end: Number(h.rangeMatch.rangeEnd) }
                                : undefined,
                            invert: h.invertMatch || undefined,
                        }),
                    );
                }
                if (m.queryParameterMatches?.length) {
                    route.queryParameters = m.queryParameterMatches.map((q: Record<string, any>) =>
                        drop({ name: q.name, exact: q.exactMatch, regex: q.regexMatch, present: q.presentMatch }),
                    );
                }
                if (m.metadataFilters?.length)
                    unsupported(
                        `${at}.matchRules[${j}].metadataFilters`,
                        "metadata filters are for Traffic Director, not Cloud Run",
                    );
                routes.push(withHosts({ ...route, ...a, ...extra }));
            }
            void i;
        }
        const fallback = action(`${field}.default`, {
            service: matcher.defaultService,
            routeAction: matcher.defaultRouteAction,
            urlRedirect: matcher.defaultUrlRedirect,
        });
        if (fallback) routes.push(withHosts(fallback));
    };

    const groups: Array<{ hosts: string[]; matcher: PathMatcherSpec; field: string; rank: number }> = [];
    (map.hostRules ?? []).forEach((rule, i) => {
        const matcher = matchers.get(rule.pathMatcher);
        if (!matcher) {
            unsupported(`hostRules[${i}]`, `path matcher ${rule.pathMatcher} does not exist`);
            return;
        }
        const field = `pathMatchers[${(map.pathMatchers ?? []).indexOf(matcher)}]`;
        const byRank = new Map<number, string[]>();
        for (const host of rule.hosts) {
            const rank = hostRank(host) >= 10000 ? 10000 : hostRank(host);
            byRank.set(rank, [...(byRank.get(rank) ?? []), host]);
        }
        for (const [rank, hosts] of byRank) groups.push({ hosts, matcher, field, rank });
    });
    groups.sort((a, b) => b.rank - a.rank);
    for (const g of groups) matcherRoutes(g.matcher, g.hosts.includes("*") ? undefined : g.hosts, g.field);

    let defaultBackend: string | undefined;
    if (map.defaultService) {
        defaultBackend = backendKey(map.defaultService);
    } else {
        const fallback = action("default", {
            routeAction: map.defaultRouteAction,
            urlRedirect: map.defaultUrlRedirect,
        });
        if (fallback) routes.push(fallback as RouteArgs);
    }
    if (map.defaultCustomErrorResponsePolicy)
        unsupported("defaultCustomErrorResponsePolicy", "set customErrorResponses by hand");
    const tests: RouteTestArgs[] = (map.tests ?? []).map(
        (t) =>
            drop({
                host: t.host,
                path: t.path,
                backend: t.service ? backendKey(t.service) : undefined,
                redirect: t.expectedOutputUrl,
                description: t.description,
                headers: t.headers,
            }) as RouteTestArgs,
    );
    return {
        routes,
        defaultBackend,
        requestHeaders: requestHeaders(map.headerAction),
        responseHeaders: responseHeaders(map.headerAction),
        tests,
    };
}

/** The load balancer in the exports, as Args; throws when the found hold no forwarding rule to start from. */
export function decompile(found: Exports): Decompiled {
    const notExpressible: NotExpressible[] = [];
    const adopted = new Set<LiveResource>();
    const referenced = new Set<LiveResource>();
    const rules = found.resources.filter((r) => r.collection === "forwardingRules");
    if (rules.length === 0) {
        throw new Error(
            `${found.dir} holds no forwarding rule: export the load balancer's forwarding rules (docs/adopt.md)`,
        );
    }
    const frontends = rules.map((rule) => {
        const proxy = lookup(found, rule.data.target);
        const map = proxy ? lookup(found, proxy.data.urlMap) : undefined;
        return { rule, proxy, map };
    });
    const missing = frontends.find((f) => !f.proxy || !f.map);
    if (missing) {
        const what = !missing.proxy
            ? `its target ${missing.rule.data.target}`
            : `the URL map ${missing.proxy!.data.urlMap}`;
        throw new Error(
            `forwarding rule ${missing.rule.name} points at ${what}, which is not in the exports: export it too`,
        );
    }
    const isRedirectMap = (m: LiveResource) =>
        m.data.defaultUrlRedirect?.httpsRedirect === true && !m.data.hostRules?.length && !m.data.defaultService;
    const mains = [...new Set(frontends.filter((f) => !isRedirectMap(f.map!)).map((f) => f.map!))];
    if (mains.length !== 1) {
        throw new Error(
            mains.length === 0
                ? "every forwarding rule leads to an HTTP→HTTPS redirect map: export the HTTPS forwarding rule too"
                : `the forwarding rules lead to ${mains.length} URL maps (${mains.map((m) => m.name).join(", ")}): adopt one load balancer at a time, one exports directory each`,
        );
    }
    const urlMap = mains[0];
    const first = frontends.find((f) => f.map === urlMap)!.rule;
    const scheme = schemeOf(first.data.loadBalancingScheme, first.location === "global");
    if (!scheme) {
        throw new Error(
            `forwarding rule ${first.name}: loadBalancingScheme ${first.data.loadBalancingScheme} is not an Application Load Balancer's`,
        );
    }
    const project = first.project;
    const region = first.location === "global" ? undefined : first.location;
    const args: Record<string, any> = { scheme, project };
    if (region) args.region = region;

    // Frontend: one HTTPS or HTTP listener on the main map, optionally the HTTP→HTTPS redirect.
    const https = frontends.filter((f) => f.map === urlMap && f.proxy!.collection === "targetHttpsProxies");
    const http = frontends.filter((f) => f.map === urlMap && f.proxy!.collection === "targetHttpProxies");
    const redirects = frontends.filter((f) => f.map !== urlMap);
    const main = https.length > 0 ? https : http;
    const extra = https.length > 0 ? http : [];
    for (const f of extra) {
        notExpressible.push({
            resource: short(f.rule),
            reason: "plain HTTP serving the same URL map as HTTPS: the package serves HTTPS with an HTTP→HTTPS redirect, or HTTP alone",
        });
    }
    const regionsSeen = new Set(main.map((f) => f.rule.location));
    if (scheme === "cross-region-internal") args.regions = [...regionsSeen].sort();
    const ips = new Set(main.map((f) => f.rule.data.IPAddress));
    for (const f of [...main, ...redirects]) {
        adopted.add(f.rule);
        adopted.add(f.proxy!);
    }
    adopted.add(urlMap);
    const redirectUrlMap = redirects[0]?.map;
    if (redirectUrlMap) adopted.add(redirectUrlMap);
    if (main.length > 1 && scheme !== "cross-region-internal") {
        for (const f of main.slice(1)) {
            notExpressible.push({
                resource: short(f.rule),
                reason: "a second forwarding rule on the same URL map (another IP or port)",
            });
        }
    }
    const rule = main[0].rule;
    const proxy = main[0].proxy!;
    if (https.length > 0) {
        const h: Record<string, any> = {};
        const certs: string[] = (proxy.data.sslCertificates ?? []).map(relativeReference);
        for (const c of certs) {
            const live = lookup(found, c);
            if (live) referenced.add(live);
        }
        if (certs.length) h.certificates = certs;
        if (proxy.data.certificateMap) h.certificateMap = proxy.data.certificateMap;
        if (proxy.data.certificateManagerCertificates?.length)
            h.certificateManagerCertificates = proxy.data.certificateManagerCertificates;
        if (proxy.data.sslPolicy) {
            h.sslPolicy = { existing: relativeReference(proxy.data.sslPolicy) };
            const live = lookup(found, proxy.data.sslPolicy);
            if (live) referenced.add(live);
        } else {
            h.sslPolicy = { none: true };
        }
        if (proxy.data.quicOverride && proxy.data.quicOverride !== "NONE") h.quic = proxy.data.quicOverride;
        if (port(rule) !== 443) h.port = port(rule);
        h.redirectHttp = redirects.length > 0;
        if (redirects.length > 0 && port(redirects[0].rule) !== 80) args.httpPort = port(redirects[0].rule);
        args.https = h;
    } else if (port(rule) !== 80) {
        args.httpPort = port(rule);
    }
    // The address: a reserved one is adopted; an IP with no address resource stays as it is, by value.
    const ip = [...ips][0];
    const address = found.resources.find(
        (r) => r.collection === "addresses" && r.data.address === ip && r.location === rule.location,
    );
    if (address) {
        adopted.add(address);
        if (rule.location !== "global") args.address = { ip };
    } else {
        args.address = { existing: ip };
    }
    if (rule.data.networkTier === "STANDARD") args.networkTier = "STANDARD";
    if (rule.data.allowGlobalAccess) args.allowGlobalAccess = true;
    if (rule.data.labels && Object.keys(rule.data.labels).length) args.labels = rule.data.labels;
    // The VPC of Envoy-based schemes: existing, by reference.
    if (rule.data.network) {
        const subnets: Record<string, string> = {};
        const proxyOnly: Record<string, string> = {};
        for (const f of main) {
            if (f.rule.data.subnetwork) subnets[f.rule.location] = relativeReference(f.rule.data.subnetwork);
        }
        for (const s of found.resources.filter((r) => r.collection === "subnetworks")) {
            if (relativeReference(s.data.network ?? "") !== relativeReference(rule.data.network)) continue;
            if (
                ["REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY"].includes(s.data.purpose) &&
                s.data.role !== "BACKUP"
            ) {
                proxyOnly[s.location] = s.path;
                referenced.add(s);
            } else if (Object.values(subnets).includes(s.path)) {
                referenced.add(s);
            }
        }
        const network = lookup(found, rule.data.network);
        if (network) referenced.add(network);
        args.network = {
            existing: drop({
                network: relativeReference(rule.data.network),
                subnetworks: Object.keys(subnets).length ? subnets : undefined,
                proxyOnlySubnetworks: Object.keys(proxyOnly).length ? proxyOnly : undefined,
            }),
        };
    }

    // Backends: every backend service and bucket the URL map references, keyed by its live name.
    const backendKeys: Record<string, LiveResource> = {};
    const keyOf = new Map<string, string>();
    const backends: Record<string, any> = {};
    const backendKey = (ref: string): string => {
        const relative = relativeReference(ref);
        const known = keyOf.get(relative);
        if (known) return known;
        const parsed = parseReference(relative);
        let key = parsed?.name ?? relative.split("/").pop()!;
        if (backendKeys[key]) key = `${key}-${parsed?.collection === "backendBuckets" ? "bucket" : "service"}`;
        keyOf.set(relative, key);
        const live = lookup(found, relative);
        if (!live) {
            // Not exported: another project's backend service (cross-project referencing), used by reference.
            backends[key] =
                parsed?.collection === "backendBuckets"
                    ? { bucket: { existing: relative } }
                    : { backendService: relative };
            return key;
        }
        backendKeys[key] = live;
        backends[key] = backendArgs(found, live, key, scheme, adopted, referenced, notExpressible);
        return key;
    };
    const decompiled = decompileUrlMap(
        normalize(urlMap.data) as UrlMapSpec,
        backendKey,
        scheme,
        short(urlMap),
        notExpressible,
    );
    args.backends = backends;
    if (decompiled.routes.length) args.routes = decompiled.routes;
    args.defaultBackend = decompiled.defaultBackend ?? Object.keys(backends)[0];
    if (decompiled.requestHeaders) args.requestHeaders = decompiled.requestHeaders;
    if (decompiled.responseHeaders) args.responseHeaders = decompiled.responseHeaders;
    if (decompiled.tests.length) args.tests = decompiled.tests;

    const lbName = urlMap.name.replace(/-url-map$/, "") || urlMap.name;
    const inGraph = new Set([...adopted, ...referenced]);
    for (const r of found.resources) {
        if (!inGraph.has(r) && !notExpressible.some((n) => n.resource === short(r))) {
            notExpressible.push({
                resource: short(r),
                reason: "not reached from the load balancer's forwarding rules (another load balancer's, or unused): not adopted",
            });
        }
    }
    return {
        scheme,
        project,
        region,
        lbName,
        args,
        backendKeys,
        adopted: [...adopted],
        referenced: [...referenced],
        notExpressible,
        urlMap,
        redirectUrlMap,
    };
}

function backendArgs(
    found: Exports,
    live: LiveResource,
    key: string,
    scheme: Scheme,
    adopted: Set<LiveResource>,
    referenced: Set<LiveResource>,
    notExpressible: NotExpressible[],
): Record<string, any> {
    if (live.collection === "backendBuckets") {
        referenced.add(live);
        return { bucket: { existing: live.path } };
    }
    const data = live.data;
    const settings: Record<string, any> = {};
    if (data.description) settings.description = data.description;
    settings.logging = data.logConfig?.enable
        ? {
              enabled: true,
              ...(data.logConfig.sampleRate !== undefined && Number(data.logConfig.sampleRate) !== 1
                  ? { sampleRate: Number(data.logConfig.sampleRate) }
                  : {}),
          }
        : { enabled: false };
    if (data.customRequestHeaders?.length) settings.customRequestHeaders = data.customRequestHeaders;
    if (data.iap?.enabled) settings.iap = drop({ enabled: true, oauth2ClientId: data.iap.oauth2ClientId });
    if (data.enableCDN) {
        settings.cdn = drop({
            enabled: true,
            cacheMode: data.cdnPolicy?.cacheMode,
            defaultTtl: data.cdnPolicy?.defaultTtl,
            maxTtl: data.cdnPolicy?.maxTtl,
            clientTtl: data.cdnPolicy?.clientTtl,
            negativeCaching: data.cdnPolicy?.negativeCaching || undefined,
        });
    }
    for (const field of ["securityPolicy", "edgeSecurityPolicy"] as const) {
        if (data[field]) {
            settings[field] = { existing: relativeReference(data[field]) };
            const policy = lookup(found, data[field]);
            if (policy) referenced.add(policy);
        }
    }
    if (data.outlierDetection) {
        notExpressible.push({
            resource: `${live.collection}/${live.name}: outlierDetection`,
            reason: "kept as the live value, not decompiled into backends[].outlierDetection",
        });
    }
    const negs = (data.backends ?? []).map((b: Record<string, any>) => lookup(found, b.group));
    const missing = (data.backends ?? []).filter((_: unknown, i: number) => !negs[i]);
    if (missing.length) {
        notExpressible.push({
            resource: `${live.collection}/${live.name}`,
            reason: `its backends ${missing.map((b: Record<string, any>) => relativeReference(b.group)).join(", ")} are not in the exports; adopted as an existing backend service by reference`,
        });
        referenced.add(live);
        return { backendService: live.path };
    }
    const types = new Set(negs.map((n: LiveResource) => n.data.networkEndpointType));
    if (negs.length === 0 || types.size !== 1) {
        notExpressible.push({
            resource: `${live.collection}/${live.name}`,
            reason:
                negs.length === 0
                    ? "a backend service with no backends"
                    : `NEGs of several kinds (${[...types].join(", ")})`,
        });
        referenced.add(live);
        return { backendService: live.path };
    }
    const type = [...types][0] as string;
    if (type === "SERVERLESS") {
        const cloudRun = negs.map((n: LiveResource) => n.data.cloudRun);
        if (cloudRun.some((c: unknown) => !c)) {
            notExpressible.push({
                resource: `${live.collection}/${live.name}`,
                reason: "serverless NEGs of App Engine or Cloud Functions: the package builds Cloud Run backends",
            });
            referenced.add(live);
            return { backendService: live.path };
        }
        adopted.add(live);
        negs.forEach((n: LiveResource) => adopted.add(n));
        const c = cloudRun[0];
        const regions = negs.map((n: LiveResource) => n.location);
        const target: Record<string, any> = drop({ service: c.service, tag: c.tag, urlMask: c.urlMask });
        if (regions.length > 1) target.regions = regions;
        else if (regions[0] !== live.location || scheme === "global-external" || scheme === "classic")
            target.region = regions[0];
        return { cloudRun: target, ...settings };
    }
    if (type === "INTERNET_FQDN_PORT" || type === "INTERNET_IP_PORT") {
        const neg = negs[0] as LiveResource;
        const endpoints = (found.endpoints[neg.name] ?? []).map((e) => e.networkEndpoint ?? e);
        if (negs.length > 1 || endpoints.length === 0) {
            notExpressible.push({
                resource: `${neg.collection}/${neg.name}`,
                reason:
                    endpoints.length === 0
                        ? `no endpoints exported: save \`gcloud compute network-endpoint-groups list-network-endpoints ${neg.name} --format=json\` as ${neg.name}.endpoints.json`
                        : "several internet NEGs on one backend service",
            });
            referenced.add(live);
            return { backendService: live.path };
        }
        adopted.add(live);
        adopted.add(neg);
        const target: Record<string, any> = {};
        if (endpoints.length === 1) {
            if (endpoints[0].fqdn) target.fqdn = endpoints[0].fqdn;
            else target.ipAddress = endpoints[0].ipAddress;
            target.port = Number(endpoints[0].port ?? neg.data.defaultPort ?? 443);
        } else {
            target.endpoints = endpoints.map((e: Record<string, any>) =>
                drop({ fqdn: e.fqdn, ipAddress: e.ipAddress, port: e.port }),
            );
        }
        if (data.protocol && data.protocol !== "HTTPS") target.protocol = data.protocol;
        return { internet: target, ...settings };
    }
    notExpressible.push({
        resource: `${live.collection}/${live.name}`,
        reason: `${type} NEGs are not decompiled; the backend service is used by reference (backends.${key}.backendService)`,
    });
    referenced.add(live);
    return { backendService: live.path };
}
