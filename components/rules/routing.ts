/**
 * The routing catalogue: what GCP would reject in a URL map (or route somewhere the user did not
 * mean), caught at preview. Semantics and tests from https://cloud.google.com/load-balancing/docs/url-map-concepts,
 * limits from https://cloud.google.com/load-balancing/docs/quotas (the numbers themselves live in `routing/limits.ts`).
 */
import { gcpName } from "../naming";
import {
    catchAllIndex,
    compileUrlMap,
    HeaderTransformArgs,
    RedirectCode,
    RouteArgs,
    runRouteTests,
    UrlMapSpec,
    urlMapLimits,
} from "../routing";
import type { RoutingContext } from "../routing/context";
import { BackendKind } from "../backends/kinds";
import { Feature, Scheme, schemeProfile, supports } from "../schemes";
import { Finding, Problem, quoteValue, Rule, runRules, thousands } from "../validation";
import { unsupportedFinding } from "./common";
import { re2SyntaxError } from "../routing/re2";

export type { RoutingContext };

const COMPONENT = "ApplicationLoadBalancer";
const route = (i: number) => `routes[${i}]`;

function keysList(keys: string[]): string {
    return keys.length > 0 ? keys.join(", ") : "none";
}

function backendFinding(field: string, key: string, keys: string[]): Finding[] {
    return keys.includes(key)
        ? []
        : [{ field, message: `${quoteValue(key)} is not a backend (have: ${keysList(keys)})` }];
}

// --- hosts ------------------------------------------------------------------------------------

const HOST_LABELS = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*";
const EXACT_HOST = new RegExp(`^${HOST_LABELS}$`);
const WILDCARD_HOST = /^\*[.-][a-z0-9.-]*[a-z0-9]$/;
/** Any dotted quad of digits, a valid IPv4 address or not: neither is a host name. */
const DOTTED_QUAD = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Why a host pattern is invalid for GCP host rules, or undefined. */
export function invalidHostReason(host: string): string | undefined {
    if (host === "*") return undefined;
    const portMatch = /^(.*):(\d{1,5})$/.exec(host);
    const name = portMatch ? portMatch[1] : host;
    if (name.startsWith("[") || DOTTED_QUAD.test(name)) {
        return "IP addresses don't work as hosts in URL maps";
    }
    if (name.includes("*")) {
        return WILDCARD_HOST.test(name)
            ? undefined
            : '"*" must be the first character and be followed by "." or "-" (e.g. "*.example.com", "*-api.example.com")';
    }
    return EXACT_HOST.test(name) ? undefined : "it is not a valid host name (letters, digits, hyphens and dots)";
}

// --- headers ----------------------------------------------------------------------------------

const HEADER_TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const RESERVED_PREFIXES = ["x-google", "x-goog-", "x-gfe", "x-amz-"];
const RESERVED_NAMES = ["x-user-ip", "cdn-loop"];
const HOP_BY_HOP = [
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "trailers",
    "transfer-encoding",
    "upgrade",
];
export const HEADERS_PER_ACTION_MAX = 16;

/** Why a header name cannot be set or removed by a header action, with the fix; or undefined. */
export function headerNameProblem(name: string): Finding | undefined {
    const lower = name.toLowerCase();
    if (lower === "host" || lower === ":authority") {
        return {
            field: "",
            message: `${quoteValue(name)} cannot be changed by header actions on any scheme`,
            fix: "use rewrite.host to change the Host the backend sees",
        };
    }
    if (!HEADER_TOKEN.test(name)) {
        return {
            field: "",
            message: `${quoteValue(name)} is not a valid HTTP header name`,
            fix: 'use letters, digits and hyphens, e.g. "x-route"',
        };
    }
    const prefix = RESERVED_PREFIXES.find((p) => lower.startsWith(p));
    if (prefix) {
        return {
            field: "",
            message: `${quoteValue(name)} starts with the reserved prefix ${quoteValue(prefix)}`,
            fix: "choose a name without the X-Google, X-Goog-, X-GFE or X-Amz- prefixes",
        };
    }
    if (RESERVED_NAMES.includes(lower)) {
        return {
            field: "",
            message: `${quoteValue(name)} is reserved by the load balancer`,
            fix: "choose another header name",
        };
    }
    if (HOP_BY_HOP.includes(lower)) {
        return {
            field: "",
            message: `${quoteValue(name)} is a hop-by-hop header`,
            fix: "hop-by-hop headers cannot be set; choose an end-to-end header",
        };
    }
    return undefined;
}

function headerTransformFindings(field: string, transform: HeaderTransformArgs | undefined): Finding[] {
    if (!transform) return [];
    const findings: Finding[] = [];
    const add = transform.add ?? [];
    const remove = transform.remove ?? [];
    if (add.length > HEADERS_PER_ACTION_MAX) {
        findings.push({
            field: `${field}.add`,
            message: `has ${add.length} headers; GCP allows at most ${HEADERS_PER_ACTION_MAX}`,
            fix: "combine values or move some headers to another level (map, route, split)",
        });
    }
    if (remove.length > HEADERS_PER_ACTION_MAX) {
        findings.push({
            field: `${field}.remove`,
            message: `has ${remove.length} headers; GCP allows at most ${HEADERS_PER_ACTION_MAX}`,
            fix: "remove fewer headers at this level",
        });
    }
    add.forEach((h, k) => {
        const problem = headerNameProblem(h.name);
        if (problem) findings.push({ ...problem, field: `${field}.add[${k}].name` });
    });
    remove.forEach((name, k) => {
        const problem = headerNameProblem(name);
        if (problem) findings.push({ ...problem, field: `${field}.remove[${k}]` });
    });
    return findings;
}

/** Every header action of the table with its field path. */
function headerActions(ctx: RoutingContext): [string, HeaderTransformArgs | undefined][] {
    const actions: [string, HeaderTransformArgs | undefined][] = [
        ["requestHeaders", ctx.requestHeaders],
        ["responseHeaders", ctx.responseHeaders],
    ];
    ctx.routes.forEach((r, i) => {
        actions.push(
            [`${route(i)}.requestHeaders`, r.requestHeaders],
            [`${route(i)}.responseHeaders`, r.responseHeaders],
        );
        (r.split ?? []).forEach((w, j) => {
            actions.push(
                [`${route(i)}.split[${j}].requestHeaders`, w.requestHeaders],
                [`${route(i)}.split[${j}].responseHeaders`, w.responseHeaders],
            );
        });
    });
    return actions;
}

// --- path templates -----------------------------------------------------------------------------

const TEMPLATE_VARIABLE = /^[a-zA-Z][a-zA-Z0-9_]*$/;

/** Problems with a `pathTemplateMatch` (https://cloud.google.com/load-balancing/docs/url-map-concepts), and the variables it captures. */
export function pathTemplateProblems(template: string): { problems: string[]; variables: string[] } {
    const problems: string[] = [];
    const variables: string[] = [];
    if (!template.startsWith("/")) problems.push(`${quoteValue(template)} does not start with "/"`);
    if (template.length > 255) problems.push(`is ${template.length} characters long; GCP allows at most 255`);
    let operators = 0;
    let sawDoubleStar = false;
    let afterDoubleStar = false;
    let i = 0;
    const countPattern = (pattern: string) => {
        for (const part of pattern.split("/")) {
            if (part === "**" || part === "*") {
                operators += 1;
                if (sawDoubleStar) afterDoubleStar = true;
                if (part === "**") sawDoubleStar = true;
            } else if (part.includes("*")) {
                problems.push(`${quoteValue(part)} mixes "*" with other characters in one segment`);
            }
        }
    };
    while (i < template.length) {
        if (template[i] === "{") {
            const close = template.indexOf("}", i);
            if (close < 0) {
                problems.push('has a "{" without a closing "}"');
                break;
            }
            const body = template.slice(i + 1, close);
            const [name, pattern] = body.includes("=") ? body.split("=", 2) : [body, "*"];
            if (!TEMPLATE_VARIABLE.test(name))
                problems.push(`variable name ${quoteValue(name)} must match ^[a-zA-Z][a-zA-Z0-9_]*$`);
            else if (variables.includes(name)) problems.push(`variable ${quoteValue(name)} is used twice`);
            else variables.push(name);
            if (sawDoubleStar) afterDoubleStar = true;
            countPattern(pattern);
            i = close + 1;
            continue;
        }
        const next = template.indexOf("{", i);
        const literal = template.slice(i, next < 0 ? undefined : next);
        if (literal.includes("}")) problems.push('has a "}" without an opening "{"');
        countPattern(literal);
        i = next < 0 ? template.length : next;
    }
    if (operators > 5) problems.push(`has ${operators} operators; GCP allows at most 5`);
    if (afterDoubleStar) problems.push('"**" must be the last operator');
    return { problems, variables };
}

// --- the catalogue ----------------------------------------------------------------------------

const ROUTE_ACTION_FIELDS: (keyof RouteArgs)[] = [
    "rewrite",
    "retry",
    "timeoutSeconds",
    "cors",
    "faultInjection",
    "mirror",
];

/** Rules on the route table as written. */
export const routeTableRules: Rule<RoutingContext>[] = [
    {
        id: "route-action",
        component: COMPONENT,
        summary: "Each route has exactly one of backend, split and redirect",
        prevents:
            "a route rule with no terminal action, or two (GCP: exactly one of service, weightedBackendServices, urlRedirect)",
        fix: "set exactly one of backend, split or redirect",
        check: (ctx) =>
            ctx.routes.flatMap((r, i) => {
                const set = (["backend", "split", "redirect"] as const).filter((k) => r[k] !== undefined);
                if (set.length === 1) return [];
                return [
                    {
                        field: route(i),
                        message:
                            set.length === 0 ? "names no action" : `names ${set.length} actions (${set.join(", ")})`,
                    },
                ];
            }),
    },
    {
        id: "route-backends",
        component: COMPONENT,
        summary: "Routes, splits and mirrors name backends that exist",
        prevents: "a URL map referencing a backend service that is never created",
        fix: "use one of the keys in backends",
        check: (ctx) =>
            ctx.routes.flatMap((r, i) => [
                ...(r.backend !== undefined ? backendFinding(`${route(i)}.backend`, r.backend, ctx.backendKeys) : []),
                ...(r.split ?? []).flatMap((w, j) =>
                    backendFinding(`${route(i)}.split[${j}].backend`, w.backend, ctx.backendKeys),
                ),
                ...(r.mirror !== undefined
                    ? backendFinding(`${route(i)}.mirror.backend`, r.mirror.backend, ctx.backendKeys)
                    : []),
            ]),
    },
    {
        id: "route-split-weights",
        component: COMPONENT,
        summary: "Split weights are integers 0–1000 with at least one above 0",
        prevents: "`weightedBackendServices` GCP rejects (weight out of range, all zero)",
        fix: "give each backend a whole-number weight from 0 to 1000, at least one above 0",
        check: (ctx) =>
            ctx.routes.flatMap((r, i): Finding[] => {
                if (r.split === undefined) return [];
                if (r.split.length === 0)
                    return [
                        {
                            field: `${route(i)}.split`,
                            message: "is empty",
                            fix: "list at least one backend, or use backend instead",
                        },
                    ];
                const findings: Finding[] = r.split.flatMap((w, j) =>
                    Number.isInteger(w.weight) && w.weight >= 0 && w.weight <= 1000
                        ? []
                        : [
                              {
                                  field: `${route(i)}.split[${j}].weight`,
                                  message: `${w.weight} is not a whole number from 0 to 1000`,
                              },
                          ],
                );
                if (findings.length === 0 && r.split.every((w) => w.weight === 0)) {
                    findings.push({
                        field: `${route(i)}.split`,
                        message: "every weight is 0, so the route could send traffic nowhere",
                        fix: "give at least one backend a weight above 0",
                    });
                }
                return findings;
            }),
    },
    {
        id: "route-paths",
        component: COMPONENT,
        summary: 'Paths start with "/", use "*" only as a trailing "/*", and a route has one kind of path match',
        prevents: "`Invalid value for field 'resource.pathMatchers[].pathRules[].paths[]'` at apply",
        fix: 'write exact paths ("/login") or prefixes ("/api/*"); use pathTemplate or regex for anything else',
        check: (ctx) =>
            ctx.routes.flatMap((r, i) => {
                const findings: Finding[] = [];
                const kinds = (["paths", "pathTemplate", "regex"] as const).filter((k) => r[k] !== undefined);
                if (kinds.length > 1) {
                    findings.push({
                        field: route(i),
                        message: `sets ${kinds.join(" and ")}`,
                        fix: "use one of paths, pathTemplate and regex per route; split the route in two",
                    });
                }
                (r.paths ?? []).forEach((p, j) => {
                    const field = `${route(i)}.paths[${j}]`;
                    if (!p.startsWith("/"))
                        findings.push({ field, message: `${quoteValue(p)} does not start with "/"` });
                    else if (/[?#]/.test(p))
                        findings.push({
                            field,
                            message: `${quoteValue(p)} contains a query string or fragment; paths match without them`,
                            fix: "drop the part from ? or #; match query parameters with queryParameters",
                        });
                    else if (p.slice(0, -2).includes("*") || (p.endsWith("*") && !p.endsWith("/*")))
                        findings.push({ field, message: `${quoteValue(p)} uses "*" other than as a trailing "/*"` });
                    else if (p.length > 1024)
                        findings.push({ field, message: `is ${p.length} characters long; GCP allows at most 1024` });
                });
                if (r.paths !== undefined && r.paths.length === 0) {
                    findings.push({
                        field: `${route(i)}.paths`,
                        message: "is empty",
                        fix: 'omit paths to match every path, or list at least one (e.g. "/*")',
                    });
                }
                return findings;
            }),
    },
    {
        id: "route-path-template",
        component: COMPONENT,
        summary: "Path templates and template rewrites follow GCP's operator rules",
        prevents:
            "`pathTemplateMatch` / `pathTemplateRewrite` GCP rejects (≤5 operators, `**` last, valid unique variables)",
        fix: 'write templates like "/users/{id}/orders/**": at most 5 operators, "**" last, variables ^[a-zA-Z][a-zA-Z0-9_]*$',
        check: (ctx) =>
            ctx.routes.flatMap((r, i) => {
                const findings: Finding[] = [];
                let variables: string[] = [];
                if (r.pathTemplate !== undefined) {
                    const checked = pathTemplateProblems(r.pathTemplate);
                    variables = checked.variables;
                    findings.push(
                        ...checked.problems.map((message) => ({ field: `${route(i)}.pathTemplate`, message })),
                    );
                }
                const rewrite = r.rewrite?.pathTemplate;
                if (rewrite !== undefined) {
                    const field = `${route(i)}.rewrite.pathTemplate`;
                    if (r.pathTemplate === undefined) {
                        findings.push({
                            field,
                            message:
                                "needs the route to match with pathTemplate (it rewrites with the variables captured there)",
                            fix: "set pathTemplate on the route, or use rewrite.pathPrefix",
                        });
                    } else {
                        if (!rewrite.startsWith("/") || rewrite.length > 255)
                            findings.push({
                                field,
                                message: `${quoteValue(rewrite)} must start with "/" and be at most 255 characters`,
                            });
                        for (const m of rewrite.matchAll(/\{([^}]*)\}/g)) {
                            if (!variables.includes(m[1])) {
                                findings.push({
                                    field,
                                    message: `uses {${m[1]}}, which pathTemplate does not capture (captures: ${variables.join(", ") || "none"})`,
                                    fix: "use only variables captured by the route's pathTemplate",
                                });
                            }
                        }
                    }
                }
                return findings;
            }),
    },
    {
        id: "route-regex",
        component: COMPONENT,
        summary: "Regular expressions (path, header, query and CORS origin matches) are RE2 and at most 250 characters",
        // GCP takes RE2 syntax: https://cloud.google.com/load-balancing/docs/re2-support (see routing/re2.ts).
        prevents: "`regexMatch` GCP rejects",
        fix: "write an RE2 expression of at most 250 characters",
        check: (ctx) =>
            ctx.routes.flatMap((r, i) => {
                const regexes: [string, string][] = [];
                if (r.regex !== undefined) regexes.push([`${route(i)}.regex`, r.regex]);
                (r.headers ?? []).forEach(
                    (h, j) => h.regex !== undefined && regexes.push([`${route(i)}.headers[${j}].regex`, h.regex]),
                );
                (r.queryParameters ?? []).forEach(
                    (q, j) =>
                        q.regex !== undefined && regexes.push([`${route(i)}.queryParameters[${j}].regex`, q.regex]),
                );
                (r.cors?.allowOriginRegexes ?? []).forEach((re, j) =>
                    regexes.push([`${route(i)}.cors.allowOriginRegexes[${j}]`, re]),
                );
                return regexes.flatMap(([field, re]): Finding[] => {
                    if (re.length > 250)
                        return [{ field, message: `is ${re.length} characters long; GCP allows at most 250` }];
                    const error = re2SyntaxError(re);
                    return error === undefined
                        ? []
                        : [
                              {
                                  field,
                                  message: `${quoteValue(re)} is not an RE2 regular expression, which GCP requires (${error})`,
                                  fix: "rewrite it in RE2 syntax (https://github.com/google/re2/wiki/Syntax): no backreferences (\\1), lookahead ((?=, (?!) or lookbehind; match the alternatives explicitly or with separate routes",
                              },
                          ];
                });
            }),
    },
    {
        id: "route-hosts",
        component: COMPONENT,
        summary: "Hosts are valid lowercase names or wildcards, each once per route",
        prevents:
            "`Invalid value for field 'resource.hostRules[].hosts[]'`, and a host in two host rules (GCP rejects both)",
        fix: 'use lowercase host names ("api.example.com"), wildcards ("*.example.com") or "*"',
        check: (ctx) =>
            ctx.routes.flatMap((r, i) => {
                const findings: Finding[] = [];
                const seen = new Set<string>();
                (r.hosts ?? []).forEach((h, j) => {
                    const field = `${route(i)}.hosts[${j}]`;
                    if (h !== h.toLowerCase()) {
                        findings.push({
                            field,
                            message: `${quoteValue(h)} has capital letters; GCP compares hosts in lowercase`,
                            fix: `write ${quoteValue(h.toLowerCase())}`,
                        });
                        return;
                    }
                    const reason = invalidHostReason(h);
                    if (reason) {
                        findings.push({ field, message: `${quoteValue(h)} is not usable: ${reason}` });
                        return;
                    }
                    if (seen.has(h)) {
                        findings.push({
                            field,
                            message: `${quoteValue(h)} is listed twice`,
                            fix: "list each host once",
                        });
                    }
                    seen.add(h);
                    if (/:\d+$/.test(h) && !supports(ctx.scheme, "hostPort")) {
                        findings.push(
                            unsupportedFinding(ctx.scheme, "hostPort", field, `${quoteValue(h)}: a port in a host`),
                        );
                    }
                });
                return findings;
            }),
    },
    {
        id: "route-hosts-any",
        component: COMPONENT,
        severity: "warning",
        summary: 'Warns when a route lists "*" beside other hosts (GCP accepts it; the other hosts add nothing)',
        prevents:
            'a route that looks host-specific but matches every host: with "*" in its hosts it is compiled as an any-host route',
        fix: 'keep only "*" to match every host, or drop "*" to match only the hosts listed',
        check: (ctx) =>
            ctx.routes.flatMap((r, i) => {
                const hosts = r.hosts ?? [];
                const others = hosts.filter((h) => h !== "*").length;
                return hosts.includes("*") && others > 0
                    ? [
                          {
                              field: `${route(i)}.hosts`,
                              message: `lists "*" with ${others} other host(s); "*" matches every host, so the route serves all of them and any other host`,
                          },
                      ]
                    : [];
            }),
    },
    {
        id: "route-scheme-features",
        component: COMPONENT,
        summary: "Routes use only the features the scheme supports",
        prevents:
            "URL map fields GCP rejects for the scheme (e.g. splits, header actions or fault injection on classic, regex on global schemes)",
        fix: "see the alternative in the message",
        check: (ctx) => {
            const findings: Finding[] = [];
            const need = (feature: Feature, field: string, what: string) => {
                if (!supports(ctx.scheme, feature)) findings.push(unsupportedFinding(ctx.scheme, feature, field, what));
            };
            if (ctx.requestHeaders) need("urlMapHeaderAction", "requestHeaders", "a URL map header action");
            if (ctx.responseHeaders) need("urlMapHeaderAction", "responseHeaders", "a URL map header action");
            ctx.routes.forEach((r, i) => {
                const f = route(i);
                if (r.split) need("weightedSplits", `${f}.split`, "a weighted split");
                if (r.requestHeaders) need("urlMapHeaderAction", `${f}.requestHeaders`, "a request header action");
                if (r.responseHeaders) need("urlMapHeaderAction", `${f}.responseHeaders`, "a response header action");
                (r.split ?? []).forEach((w, j) => {
                    if (w.requestHeaders || w.responseHeaders)
                        need("urlMapHeaderAction", `${f}.split[${j}]`, "a per-backend header action");
                });
                if (r.regex !== undefined) need("regexMatch", `${f}.regex`, "a regular-expression path match");
                (r.headers ?? []).forEach(
                    (h, j) =>
                        h.regex !== undefined &&
                        need("regexMatch", `${f}.headers[${j}].regex`, "a regular-expression header match"),
                );
                (r.queryParameters ?? []).forEach(
                    (q, j) =>
                        q.regex !== undefined &&
                        need("regexMatch", `${f}.queryParameters[${j}].regex`, "a regular-expression query match"),
                );
                if (r.pathTemplate !== undefined) need("pathTemplate", `${f}.pathTemplate`, "a path template");
                if (r.rewrite?.pathTemplate !== undefined)
                    need("pathTemplate", `${f}.rewrite.pathTemplate`, "a path template rewrite");
                if (r.faultInjection) need("faultInjection", `${f}.faultInjection`, "fault injection");
                if (r.retry) need("retriesTimeoutCors", `${f}.retry`, "a retry policy");
                if (r.timeoutSeconds !== undefined)
                    need("retriesTimeoutCors", `${f}.timeoutSeconds`, "a route timeout");
                if (r.cors) need("retriesTimeoutCors", `${f}.cors`, "a CORS policy");
                if (r.mirror) need("requestMirroring", `${f}.mirror`, "request mirroring");
            });
            return findings;
        },
    },
    {
        id: "route-mirror",
        component: COMPONENT,
        summary: "Requests are never mirrored to serverless (Cloud Run) backends",
        prevents: "GCP: serverless NEG backend services cannot be mirror targets",
        fix: "mirror to an internet, hybrid or other non-serverless backend, or remove mirror",
        check: (ctx) =>
            ctx.routes.flatMap((r, i) =>
                r.mirror !== undefined && ctx.backendKinds?.[r.mirror.backend] === BackendKind.Serverless
                    ? [
                          {
                              field: `${route(i)}.mirror.backend`,
                              message: `${quoteValue(r.mirror.backend)} is a serverless (Cloud Run) backend, and GCP cannot mirror requests to serverless NEG backends`,
                          },
                      ]
                    : [],
            ),
    },
    {
        id: "route-redirect",
        component: COMPONENT,
        summary: "Redirects change something, use path or prefix (not both), and carry no forwarding actions",
        prevents:
            "`urlRedirect` GCP rejects (pathRedirect with prefixRedirect, urlRedirect with routeAction), and redirect loops",
        fix: "set one of path and prefix, and only redirect fields on a redirect route",
        check: (ctx) =>
            ctx.routes.flatMap((r, i) => {
                const red = r.redirect;
                if (!red) return [];
                const f = `${route(i)}.redirect`;
                const findings: Finding[] = [];
                if (red.path !== undefined && red.prefix !== undefined)
                    findings.push({
                        field: f,
                        message: "sets both path and prefix",
                        fix: "path replaces the whole path, prefix only the matched part: keep one",
                    });
                for (const key of ["path", "prefix"] as const) {
                    const v = red[key];
                    if (v !== undefined && !v.startsWith("/"))
                        findings.push({ field: `${f}.${key}`, message: `${quoteValue(v)} does not start with "/"` });
                }
                if (red.host !== undefined && (red.host.includes("/") || red.host.includes(":/") || red.host === "")) {
                    findings.push({
                        field: `${f}.host`,
                        message: `${quoteValue(red.host)} is not a host name`,
                        fix: 'give only the host, e.g. "www.example.com" (use https: true for the scheme)',
                    });
                }
                if (red.code !== undefined && !(Object.values(RedirectCode) as string[]).includes(red.code)) {
                    findings.push({
                        field: `${f}.code`,
                        message: `${quoteValue(red.code)} is not a redirect code`,
                        fix: `use one of ${Object.values(RedirectCode).join(", ")}`,
                    });
                }
                if (!red.https && red.host === undefined && red.path === undefined && red.prefix === undefined) {
                    findings.push({
                        field: f,
                        message: "changes nothing, so clients would be redirected to the same URL forever",
                        fix: "set https, host, path or prefix",
                    });
                }
                const extra = ROUTE_ACTION_FIELDS.filter((k) => r[k] !== undefined);
                if (extra.length > 0) {
                    findings.push({
                        field: route(i),
                        message: `combines redirect with ${extra.join(", ")}; GCP can't combine urlRedirect with a route action`,
                        fix: "remove those fields, or forward to a backend instead of redirecting",
                    });
                }
                return findings;
            }),
    },
    {
        id: "route-rewrite",
        component: COMPONENT,
        summary: "Rewrites set pathPrefix or pathTemplate (not both) within GCP's lengths",
        prevents: "`urlRewrite` GCP rejects (pathPrefixRewrite with pathTemplateRewrite, empty or too long values)",
        fix: "set one of rewrite.pathPrefix and rewrite.pathTemplate",
        check: (ctx) =>
            ctx.routes.flatMap((r, i) => {
                const rw = r.rewrite;
                if (!rw) return [];
                const f = `${route(i)}.rewrite`;
                const findings: Finding[] = [];
                if (rw.pathPrefix !== undefined && rw.pathTemplate !== undefined)
                    findings.push({ field: f, message: "sets both pathPrefix and pathTemplate" });
                if (rw.pathPrefix !== undefined && (rw.pathPrefix.length === 0 || rw.pathPrefix.length > 1024))
                    findings.push({
                        field: `${f}.pathPrefix`,
                        message:
                            rw.pathPrefix.length === 0
                                ? "is empty; GCP takes 1–1024 characters"
                                : `is ${rw.pathPrefix.length} characters long; GCP takes 1–1024`,
                        fix:
                            rw.pathPrefix.length === 0
                                ? 'give the prefix that replaces the matched one, e.g. "/" (or remove pathPrefix)'
                                : "shorten it to at most 1024 characters",
                    });
                if (rw.host !== undefined && (rw.host.length === 0 || rw.host.length > 255 || rw.host.includes("/")))
                    findings.push({
                        field: `${f}.host`,
                        message: `${quoteValue(rw.host)} must be a host of 1–255 characters`,
                        fix: 'give the host name alone (no scheme or path), at most 255 characters, e.g. "orders.internal.example.com"',
                    });
                if (rw.pathPrefix === undefined && rw.pathTemplate === undefined && rw.host === undefined)
                    findings.push({
                        field: f,
                        message: "changes nothing",
                        fix: "set pathPrefix, pathTemplate or host, or remove rewrite",
                    });
                return findings;
            }),
    },
    {
        id: "route-header-actions",
        component: COMPONENT,
        summary: "Header actions change at most 16 headers each, never Host or reserved headers",
        prevents:
            "header actions GCP rejects (Host/:authority, X-Google*/X-Goog-/X-GFE/X-Amz- prefixes, X-User-IP, CDN-Loop, hop-by-hop, more than 16)",
        fix: "use other header names; change the Host with rewrite.host",
        check: (ctx) => headerActions(ctx).flatMap(([field, t]) => headerTransformFindings(field, t)),
    },
    {
        id: "route-matches",
        component: COMPONENT,
        summary: "Header and query matches set exactly one condition",
        prevents: "`headerMatches` / `queryParameterMatches` GCP rejects",
        fix: "set exactly one of exact, prefix, suffix, regex, present and range (query: exact, regex, present)",
        check: (ctx) =>
            ctx.routes.flatMap((r, i) => [
                ...(r.headers ?? []).flatMap((h, j): Finding[] => {
                    const f = `${route(i)}.headers[${j}]`;
                    const set = (["exact", "prefix", "suffix", "regex", "present", "range"] as const).filter(
                        (k) => h[k] !== undefined,
                    );
                    const findings: Finding[] = [];
                    if (!HEADER_TOKEN.test(h.name ?? ""))
                        findings.push({
                            field: `${f}.name`,
                            message: `${quoteValue(h.name)} is not a valid HTTP header name`,
                        });
                    if (set.length !== 1)
                        findings.push({
                            field: f,
                            message: set.length === 0 ? "sets no condition" : `sets ${set.join(" and ")}`,
                        });
                    if (
                        h.range &&
                        !(
                            Number.isInteger(h.range.start) &&
                            Number.isInteger(h.range.end) &&
                            h.range.start < h.range.end
                        )
                    ) {
                        findings.push({
                            field: `${f}.range`,
                            message: `[${h.range.start}, ${h.range.end}) is not a range of whole numbers with start < end`,
                        });
                    }
                    return findings;
                }),
                ...(r.queryParameters ?? []).flatMap((q, j): Finding[] => {
                    const set = (["exact", "regex", "present"] as const).filter((k) => q[k] !== undefined);
                    return set.length === 1
                        ? []
                        : [
                              {
                                  field: `${route(i)}.queryParameters[${j}]`,
                                  message: set.length === 0 ? "sets no condition" : `sets ${set.join(" and ")}`,
                                  fix: "set exactly one of exact, regex and present",
                              },
                          ];
                }),
            ]),
    },
    {
        id: "route-policies",
        component: COMPONENT,
        summary: "Retries, timeouts and fault injection are within GCP's ranges",
        prevents: "`retryPolicy`, `timeout` or `faultInjectionPolicy` values GCP rejects",
        fix: "retries ≥ 1, timeouts > 0 seconds, percentages 0–100, abort status 200–599",
        check: (ctx) =>
            ctx.routes.flatMap((r, i) => {
                const f = route(i);
                const findings: Finding[] = [];
                if (r.retry) {
                    if (!Number.isInteger(r.retry.attempts) || r.retry.attempts < 1)
                        findings.push({
                            field: `${f}.retry.attempts`,
                            message: `${r.retry.attempts} is not a whole number of at least 1`,
                        });
                    if (r.retry.perTryTimeoutSeconds !== undefined && !(r.retry.perTryTimeoutSeconds > 0))
                        findings.push({
                            field: `${f}.retry.perTryTimeoutSeconds`,
                            message: `${r.retry.perTryTimeoutSeconds} is not above 0`,
                        });
                }
                if (r.timeoutSeconds !== undefined && !(r.timeoutSeconds > 0))
                    findings.push({ field: `${f}.timeoutSeconds`, message: `${r.timeoutSeconds} is not above 0` });
                const fi = r.faultInjection;
                if (fi) {
                    if (!fi.delay && !fi.abort)
                        findings.push({
                            field: `${f}.faultInjection`,
                            message: "sets neither delay nor abort",
                            fix: "set delay, abort or both",
                        });
                    const pct = (field: string, v: number) => {
                        if (!(v >= 0 && v <= 100))
                            findings.push({ field, message: `${v} is not a percentage from 0 to 100` });
                    };
                    if (fi.delay) {
                        pct(`${f}.faultInjection.delay.percentage`, fi.delay.percentage);
                        if (!(fi.delay.seconds >= 0))
                            findings.push({
                                field: `${f}.faultInjection.delay.seconds`,
                                message: `${fi.delay.seconds} is negative`,
                            });
                    }
                    if (fi.abort) {
                        pct(`${f}.faultInjection.abort.percentage`, fi.abort.percentage);
                        if (
                            !Number.isInteger(fi.abort.httpStatus) ||
                            fi.abort.httpStatus < 200 ||
                            fi.abort.httpStatus > 599
                        )
                            findings.push({
                                field: `${f}.faultInjection.abort.httpStatus`,
                                message: `${fi.abort.httpStatus} is not an HTTP status from 200 to 599`,
                            });
                    }
                }
                if (r.cors?.maxAgeSeconds !== undefined && !(r.cors.maxAgeSeconds >= 0))
                    findings.push({ field: `${f}.cors.maxAgeSeconds`, message: `${r.cors.maxAgeSeconds} is negative` });
                return findings;
            }),
    },
    {
        id: "route-unreachable",
        component: COMPONENT,
        summary: "No route follows one that matches every request",
        prevents: "routes that can never match (first match wins)",
        fix: "move the route before the catch-all route, or narrow the catch-all (hosts, paths, headers)",
        check: (ctx) => {
            const cut = catchAllIndex(ctx.routes);
            if (cut < 0) return [];
            return ctx.routes.slice(cut + 1).map((_, k) => ({
                field: route(cut + 1 + k),
                message: `is never reached: ${route(cut)} matches every request first`,
                fix: `move it before ${route(cut)}, or narrow ${route(cut)} (hosts, paths, headers)`,
            }));
        },
    },
];

/** A backend reference as long as GCP's, so the size estimate errs on the high side. */
export function syntheticBackendRef(scheme: Scheme): (key: string) => string {
    const location = schemeProfile(scheme).scope === "regional" ? "regions/northamerica-northeast2" : "global";
    return (key) =>
        `https://www.googleapis.com/compute/v1/projects/${"p".repeat(30)}/${location}/backendServices/${gcpName("x".repeat(40), key, "backend")}`;
}

const compiledByContext = new WeakMap<RoutingContext, UrlMapSpec>();

/** The map the limits and route tests look at, compiled once per context. */
function compiled(ctx: RoutingContext): UrlMapSpec {
    let spec = compiledByContext.get(ctx);
    if (!spec) {
        spec = compileUrlMap(
            {
                routes: ctx.routes,
                defaultBackend: ctx.defaultBackend ?? ctx.backendKeys[0] ?? "",
                requestHeaders: ctx.requestHeaders,
                responseHeaders: ctx.responseHeaders,
                tests: ctx.tests,
            },
            { scheme: ctx.scheme, backendRef: syntheticBackendRef(ctx.scheme), backendKinds: ctx.backendKinds },
        );
        compiledByContext.set(ctx, spec);
    }
    return spec;
}

/**
 * The estimated size of a URL map in bytes: the UTF-8 length of the compact JSON of the fields the
 * package sends (the API's JSON form), with every backend reference a full-length self link.
 * GCP does not publish how it measures "1 MB of data" (url-map-size-quota); this estimate assumes the
 * API's JSON form and errs on the high side through the synthetic links. UNCONFIRMED.
 */
export function estimatedUrlMapBytes(spec: UrlMapSpec): number {
    return Buffer.byteLength(JSON.stringify(spec), "utf8");
}

/** Rules on the compiled URL map: GCP's limits and the route tests. Run once the table itself is sound. */
export const compiledRouteRules: Rule<RoutingContext>[] = [
    {
        id: "route-limits",
        component: COMPONENT,
        summary:
            "The URL map stays within GCP's limits (host rules, matchers, rules, predicates, regexes, templates, backends, size — 1 MB, classic 64 KB, estimated as the map's compact JSON)",
        prevents: "URL maps GCP rejects for size or count (limits are fixed, not raisable)",
        fix: "spread hosts over several load balancers, merge routes, or use fewer conditions",
        check: (ctx) => {
            const spec = compiled(ctx);
            const limits = urlMapLimits(ctx.scheme);
            const title = schemeProfile(ctx.scheme).title;
            const findings: Finding[] = [];
            const hostsOf = new Map<string, string>();
            for (const h of spec.hostRules ?? [])
                if (!hostsOf.has(h.pathMatcher)) hostsOf.set(h.pathMatcher, h.hosts[0]);
            const over = (field: string, subject: string, noun: string, n: number, max: number, fix?: string) => {
                if (n > max) {
                    const per = subject.startsWith("path matcher") ? "path matcher" : "URL map";
                    const finding: Finding = {
                        field,
                        message: `${subject} would have ${thousands(n)} ${noun}; the ${title} allows ${thousands(max)} ${noun} per ${per}`,
                    };
                    if (fix) finding.fix = fix;
                    findings.push(finding);
                }
            };
            // Internal schemes allow twice the host rules and path matchers of external ones (routing/limits.ts).
            const internalHas = urlMapLimits("regional-internal");
            const moreHosts = schemeProfile(ctx.scheme).internal
                ? ""
                : `; if the clients are in your VPC, scheme "regional-internal" or "cross-region-internal" allows ${thousands(internalHas.hostRules)} host rules per URL map`;
            const spread = `spread the hosts over several load balancers, or send hosts with the same routing to the same backend (they then share one host rule)${moreHosts}`;
            over("routes", "the URL map", "host rules", (spec.hostRules ?? []).length, limits.hostRules, spread);
            over(
                "routes",
                "the URL map",
                "path matchers",
                (spec.pathMatchers ?? []).length,
                limits.pathMatchers,
                spread,
            );
            for (const m of spec.pathMatchers ?? []) {
                const matcher = `path matcher ${m.name} (${hostsOf.get(m.name)})`;
                const rules = m.routeRules ?? m.pathRules ?? [];
                over("routes", matcher, "rules", rules.length, limits.rulesPerMatcher);
                const matchRules = (m.routeRules ?? []).flatMap((r) => r.matchRules ?? []);
                const predicates =
                    (m.pathRules ?? []).reduce((n, p) => n + p.paths.length, 0) +
                    matchRules.reduce(
                        (n, mr) => n + 1 + (mr.headerMatches ?? []).length + (mr.queryParameterMatches ?? []).length,
                        0,
                    );
                over("routes", matcher, "predicates", predicates, limits.predicatesPerMatcher);
                const regexes = matchRules.reduce(
                    (n, mr) =>
                        n +
                        (mr.regexMatch ? 1 : 0) +
                        (mr.headerMatches ?? []).filter((h) => h.regexMatch).length +
                        (mr.queryParameterMatches ?? []).filter((q) => q.regexMatch).length,
                    0,
                );
                over("routes", matcher, "regular expressions", regexes, limits.regexesPerMatcher);
                over(
                    "routes",
                    matcher,
                    "path templates",
                    matchRules.filter((mr) => mr.pathTemplateMatch).length,
                    limits.pathTemplatesPerMatcher,
                );
            }
            const backends = new Set(
                ctx.routes
                    .flatMap((r) => [r.backend, ...(r.split ?? []).map((w) => w.backend), r.mirror?.backend])
                    .filter((b) => b !== undefined),
            );
            if (ctx.defaultBackend) backends.add(ctx.defaultBackend);
            over("backends", "the URL map", "distinct backend services", backends.size, limits.distinctBackends);
            const bytes = estimatedUrlMapBytes(spec);
            if (bytes > limits.sizeBytes) {
                findings.push({
                    field: "routes",
                    message: `the URL map would be about ${thousands(bytes)} bytes (estimated as its JSON); the ${title} allows ${limits.sizeBytes >= 1_000_000 ? "1 MB" : "64 KB"} per URL map`,
                    fix:
                        "spread hosts over several load balancers, send hosts with the same routing to the same backend, or merge routes" +
                        (limits.sizeBytes < urlMapLimits("global-external").sizeBytes
                            ? `; scheme "global-external" allows ${thousands(urlMapLimits("global-external").sizeBytes)} bytes (1 MB) per URL map, classic ${thousands(limits.sizeBytes)} (64 KB)`
                            : ""),
                });
            }
            return findings;
        },
    },
    {
        id: "route-test",
        component: COMPONENT,
        summary: "Route tests pass: each request reaches the backend (or redirect) it names",
        prevents: "routing changes that send traffic somewhere unintended (GCP's own URL map tests fail only at apply)",
        fix: "change the routes so the request reaches what the test expects, or correct the test",
        check: (ctx) => {
            if (!ctx.tests || ctx.tests.length === 0) return [];
            return runRouteTests(compiled(ctx), ctx.tests, {
                scheme: ctx.scheme,
                backendKeys: ctx.backendKeys,
                backendRef: syntheticBackendRef(ctx.scheme),
                urlMasks: ctx.urlMasks,
                clientCertificates: ctx.clientCertificates,
                authorization: ctx.authorization,
            }).map((p) => ({ field: p.field, message: p.message, fix: p.fix }));
        },
    },
];

/** The whole routing catalogue (for the README table). */
export const routingRules: Rule<RoutingContext>[] = [...routeTableRules, ...compiledRouteRules];

/**
 * Every routing problem: the table's own rules first; the limits and route tests (which need a
 * compiled map) only once the table is sound, so one mistake is not reported three times.
 */
export function validateRoutes(ctx: RoutingContext): Problem[] {
    const problems = runRules(routeTableRules, ctx);
    if (problems.length > 0) {
        return problems;
    }
    return runRules(compiledRouteRules, ctx);
}
