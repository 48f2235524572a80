/**
 * URL maps from files, for `cloudrun-lb simulate` and `cloudrun-lb test`: a JSON or YAML file as
 * `gcloud compute url-maps export` writes it (the Compute API's camelCase fields), or a `cloudrun-lb plan --json`
 * document (each URL map resource's inputs). The map's own `tests` run through the same simulator.
 */
import * as fs from "fs";
import { parse as parseYaml } from "yaml";
import { Scheme, schemeProfiles } from "../schemes";
import { RouteResult, simulateRequest } from "../routing/simulate";
import { UrlMapSpec, UrlMapTestSpec } from "../routing/types";

/** One URL map read from a file, with where it came from. */
export interface LoadedUrlMap {
    /** The map's name (or the plan resource's logical name). */
    name: string;
    /** Regional URL maps compare `host:port`; classic ignores the port. */
    scheme: Scheme;
    /**
     * How the scheme was found: `--scheme`; the plan's forwarding rule (or backend services) `loadBalancingScheme`
     * with the map's scope; or assumed from the map's scope alone (a URL map does not say internal or external).
     */
    schemeFrom: "option" | "plan" | "assumed";
    urlMap: UrlMapSpec;
}

type PlannedResource = { type: string; name: string; inputs: Record<string, unknown> };

/** The resources whose reference field (`urlMap`, `target`) names `physical`, by its id or self link. */
function referencing(resources: PlannedResource[], type: RegExp, field: string, physical: unknown) {
    return resources.filter(
        (r) =>
            type.test(r.type) &&
            typeof physical === "string" &&
            typeof r.inputs[field] === "string" &&
            (r.inputs[field] as string).endsWith(`/${physical}`),
    );
}

/**
 * The scheme of a planned URL map: its scope (URLMap global, RegionUrlMap regional) with the
 * `loadBalancingScheme` of the forwarding rule that reaches it through a target proxy, else of the backend
 * services it references (every one of a load balancer's sets it: INTERNAL_MANAGED, EXTERNAL_MANAGED, EXTERNAL).
 */
function plannedScheme(resources: PlannedResource[], map: PlannedResource): Scheme | undefined {
    const scope = map.type === "gcp:compute/regionUrlMap:RegionUrlMap" ? "regional" : "global";
    const proxies = referencing(resources, /argetHttpsProxy:|argetHttpProxy:/, "urlMap", map.inputs.name);
    const rules = proxies.flatMap((proxy) => referencing(resources, /orwardingRule:/, "target", proxy.inputs.name));
    const text = JSON.stringify(map.inputs);
    const services = resources.filter(
        (r) =>
            /ackendService:/.test(r.type) && typeof r.inputs.name === "string" && text.includes(`/${r.inputs.name}"`),
    );
    const declared = [...rules, ...services]
        .map((r) => r.inputs.loadBalancingScheme)
        .find((value): value is string => typeof value === "string");
    const found = Object.values(schemeProfiles).find(
        (profile) => profile.scope === scope && profile.loadBalancingScheme === declared,
    );
    return found?.scheme;
}

/** The Compute API names these lists in the singular (`requestHeadersToAdd`); Pulumi's inputs in the plural. */
const API_TO_INPUT_NAMES: Record<string, string> = {
    requestHeadersToAdd: "requestHeadersToAdds",
    requestHeadersToRemove: "requestHeadersToRemoves",
    responseHeadersToAdd: "responseHeadersToAdds",
    responseHeadersToRemove: "responseHeadersToRemoves",
};

/** Fields the Compute API encodes as strings (int64) that the simulator compares as numbers. */
const NUMERIC_FIELDS = new Set(["rangeStart", "rangeEnd", "weight", "priority", "expectedRedirectResponseCode"]);

function normalize(value: unknown, key?: string): unknown {
    if (Array.isArray(value)) {
        return value.map((v) => normalize(v));
    }
    if (value && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value as Record<string, unknown>).map(([k, v]) => [
                API_TO_INPUT_NAMES[k] ?? k,
                normalize(v, k),
            ]),
        );
    }
    if (key && NUMERIC_FIELDS.has(key) && typeof value === "string" && /^-?\d+$/.test(value)) {
        return Number(value);
    }
    return value;
}

function isUrlMap(value: unknown): value is Record<string, unknown> {
    if (!value || typeof value !== "object" || Array.isArray(value)) return false;
    const map = value as Record<string, unknown>;
    return ["defaultService", "defaultUrlRedirect", "defaultRouteAction", "hostRules", "pathMatchers"].some(
        (field) => map[field] !== undefined,
    );
}

const URL_MAP_TYPES: Record<string, Scheme> = {
    "gcp:compute/uRLMap:URLMap": "global-external",
    "gcp:compute/regionUrlMap:RegionUrlMap": "regional-external",
};

/** Reads every URL map in a file (one for a gcloud export, each URL map resource of a plan). */
export function loadUrlMaps(file: string, scheme?: Scheme): LoadedUrlMap[] {
    if (!fs.existsSync(file)) {
        throw new Error(`--url-map ${file}: no such file`);
    }
    let document: unknown;
    try {
        document = parseYaml(fs.readFileSync(file, "utf8"));
    } catch (error) {
        throw new Error(`--url-map ${file}: not JSON or YAML (${(error as Error).message})`);
    }
    const plan = document as { resources?: Array<{ type: string; name: string; inputs: Record<string, unknown> }> };
    if (plan && Array.isArray(plan.resources)) {
        const maps = plan.resources
            .filter((r) => URL_MAP_TYPES[r.type] !== undefined)
            .map((r): LoadedUrlMap => {
                const planned = plannedScheme(plan.resources!, r);
                return {
                    name: r.name,
                    scheme: scheme ?? planned ?? URL_MAP_TYPES[r.type],
                    schemeFrom: scheme ? "option" : planned ? "plan" : "assumed",
                    urlMap: normalize(r.inputs) as UrlMapSpec,
                };
            });
        if (maps.length === 0) {
            throw new Error(
                `--url-map ${file}: the plan has no URL map (no ${Object.keys(URL_MAP_TYPES).join(" or ")})`,
            );
        }
        return maps;
    }
    if (!isUrlMap(document)) {
        throw new Error(
            `--url-map ${file}: not a URL map — expected defaultService, hostRules or pathMatchers at the top ` +
                `(as \`gcloud compute url-maps export\` writes them) or a \`cloudrun-lb plan --json\` document`,
        );
    }
    const map = document as Record<string, unknown>;
    const regional = typeof map.region === "string" || /\/regions\//.test(String(map.selfLink ?? ""));
    return [
        {
            name: String(map.name ?? file),
            scheme: scheme ?? (regional ? "regional-external" : "global-external"),
            schemeFrom: scheme ? "option" : "assumed",
            urlMap: normalize(map) as UrlMapSpec,
        },
    ];
}

/** `https://www.googleapis.com/compute/v1/projects/p/global/backendServices/web` → `backendServices/web`. */
export function shortReference(ref: string): string {
    const parts = ref.split("/");
    return parts.length >= 2 ? parts.slice(-2).join("/") : ref;
}

/** Whether a test's `service` names the backend a request reached (full URL, partial URL or `kind/name`). */
function sameService(expected: string, actual: string): boolean {
    const strip = (ref: string) => ref.replace(/^https:\/\/(www|compute)\.googleapis\.com\/compute\/(v1|beta)\//, "");
    const [e, a] = [strip(expected), strip(actual)];
    if (e === a) return true;
    return e.includes("/") ? a.endsWith(`/${e}`) || e.endsWith(`/${a}`) : a.split("/").pop() === e;
}

/** How a simulated request ends, in one line. */
export function describeResult(result: RouteResult): string {
    if (result.kind === "redirect") {
        return `redirect ${result.redirect!.status} to ${result.redirect!.url}`;
    }
    if (result.kind === "none") {
        return "no backend (the URL map has no service for this request)";
    }
    if (result.backends.length === 1) {
        return `backend ${shortReference(result.backends[0].service)}, forwarded as ${result.host}${result.path}`;
    }
    const total = result.backends.reduce((s, b) => s + b.weight, 0);
    return `split ${result.backends.map((b) => `${shortReference(b.service)} ${b.weight}/${total}`).join(", ")}, forwarded as ${result.host}${result.path}`;
}

/** One URL map test and how it went. */
export interface UrlMapTestResult {
    test: UrlMapTestSpec;
    passed: boolean;
    expected: string;
    actual: string;
}

/**
 * Runs a URL map's own `tests` as GCP does: `service` must be the backend reached; `expectedOutputUrl` the
 * forwarded URL (scheme ignored when `service` is set) or the redirect's URL; `expectedRedirectResponseCode`
 * the redirect's status.
 */
export function runUrlMapTests(loaded: LoadedUrlMap): UrlMapTestResult[] {
    return (loaded.urlMap.tests ?? []).map((test) => {
        const result = simulateRequest(
            loaded.urlMap,
            { host: test.host, path: test.path, protocol: "http", headers: test.headers ?? [] },
            { scheme: loaded.scheme },
        );
        const expectations: string[] = [];
        let passed = true;
        if (test.service !== undefined) {
            expectations.push(`backend ${shortReference(test.service)}`);
            passed &&= result.kind === "backend" && result.backends.some((b) => sameService(test.service!, b.service));
        }
        if (test.expectedRedirectResponseCode !== undefined) {
            expectations.push(`redirect ${test.expectedRedirectResponseCode}`);
            passed &&=
                result.kind === "redirect" && result.redirect!.status === Number(test.expectedRedirectResponseCode);
        }
        if (test.expectedOutputUrl !== undefined) {
            expectations.push(`URL ${test.expectedOutputUrl}`);
            if (result.kind === "redirect") {
                passed &&= result.redirect!.url === test.expectedOutputUrl;
            } else {
                const withoutScheme = test.expectedOutputUrl.replace(/^[a-z]+:\/\//, "");
                passed &&= result.kind === "backend" && `${result.host}${result.path}` === withoutScheme;
            }
        }
        if (expectations.length === 0) {
            return {
                test,
                passed: false,
                expected: "(the test names no service, URL or redirect code)",
                actual: describeResult(result),
            };
        }
        return { test, passed, expected: expectations.join(", "), actual: describeResult(result) };
    });
}
