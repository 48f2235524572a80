/**
 * Planned resources against live ones: which planned resource adopts which live resource, the fields that
 * differ (the fields GCP compares; output-only fields and server defaults the program leaves unset are not
 * compared), and the routing of the two URL maps, request by request through the simulator.
 */
import { isDeepStrictEqual } from "util";
import { simulateRequest, RouteResult } from "../../routing/simulate";
import type { UrlMapSpec } from "../../routing/types";
import type { Scheme } from "../../schemes";
import { normalize } from "../url-map-file";
import { Exports, LiveResource, lookup, parseReference, relativeReference } from "./exports";

/** One planned resource as the plan's JSON has it. */
export interface PlannedResource {
    type: string;
    name: string;
    inputs: Record<string, any>;
    import?: string;
}

/** A planned resource and the live resource it adopts. */
export interface Pairing {
    planned: PlannedResource;
    live: LiveResource;
    /** pulumi-gcp's import id of the live resource. */
    importId: string;
    /** For a network endpoint: the endpoint inside the NEG. */
    endpoint?: Record<string, any>;
}

/** One difference between the live load balancer and the planned one. */
export interface Difference {
    /** `backendServices/orders`, or the planned resource for one that would be created. */
    resource: string;
    field: string;
    live: unknown;
    planned: unknown;
}

/** Compute API collection of each pulumi-gcp type the package creates. */
export const COLLECTION_OF_TYPE: Record<string, string> = {
    "gcp:compute/uRLMap:URLMap": "urlMaps",
    "gcp:compute/regionUrlMap:RegionUrlMap": "urlMaps",
    "gcp:compute/targetHttpsProxy:TargetHttpsProxy": "targetHttpsProxies",
    "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy": "targetHttpsProxies",
    "gcp:compute/targetHttpProxy:TargetHttpProxy": "targetHttpProxies",
    "gcp:compute/regionTargetHttpProxy:RegionTargetHttpProxy": "targetHttpProxies",
    "gcp:compute/globalForwardingRule:GlobalForwardingRule": "forwardingRules",
    "gcp:compute/forwardingRule:ForwardingRule": "forwardingRules",
    "gcp:compute/globalAddress:GlobalAddress": "addresses",
    "gcp:compute/address:Address": "addresses",
    "gcp:compute/backendService:BackendService": "backendServices",
    "gcp:compute/regionBackendService:RegionBackendService": "backendServices",
    "gcp:compute/globalNetworkEndpointGroup:GlobalNetworkEndpointGroup": "networkEndpointGroups",
    "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup": "networkEndpointGroups",
    "gcp:compute/globalNetworkEndpoint:GlobalNetworkEndpoint": "networkEndpoints",
    "gcp:compute/regionNetworkEndpoint:RegionNetworkEndpoint": "networkEndpoints",
    "gcp:compute/sSLPolicy:SSLPolicy": "sslPolicies",
    "gcp:compute/regionSslPolicy:RegionSslPolicy": "sslPolicies",
};

/** Output-only fields: never compared (Compute API reference, "[Output Only]"). */
const OUTPUT_ONLY = new Set([
    "id",
    "kind",
    "creationTimestamp",
    "fingerprint",
    "selfLink",
    "selfLinkWithId",
    "status",
    "labelFingerprint",
    "users",
    "usedBy",
    "size",
    "pscConnectionId",
    "pscConnectionStatus",
    "gatewayAddress",
    "expireTime",
    "subjectAlternativeNames",
    "region",
    "project",
]);

/**
 * Fields GCP fills with a default when a request leaves them out (pulumi-gcp marks them optional and
 * computed, `default_from_api` in magic-modules' compute yaml): compared only when the program sets them.
 */
const SERVER_DEFAULTS: Record<string, string[]> = {
    backendServices: [
        "timeoutSec",
        "port",
        "portName",
        "sessionAffinity",
        "affinityCookieTtlSec",
        "connectionDraining",
        "localityLbPolicy",
        "cdnPolicy",
        "enableCdn",
        "ipAddressSelectionPolicy",
    ],
    forwardingRules: ["ipVersion", "networkTier", "ipProtocol", "allowGlobalAccess", "network", "subnetwork"],
    addresses: ["address", "networkTier", "ipVersion", "prefixLength", "addressType", "purpose", "subnetwork"],
    networkEndpointGroups: ["defaultPort", "network", "subnetwork"],
    targetHttpsProxies: ["quicOverride", "tlsEarlyData", "httpKeepAliveTimeoutSec"],
    targetHttpProxies: ["httpKeepAliveTimeoutSec"],
    urlMaps: [],
};

/** URL map fields the routing comparison covers (the simulator decides them, not a field-by-field diff). */
const ROUTING_FIELDS = new Set([
    "defaultService",
    "defaultRouteAction",
    "defaultUrlRedirect",
    "defaultCustomErrorResponsePolicy",
    "headerAction",
    "hostRules",
    "pathMatchers",
    "tests",
]);

/** The Compute API's field names where pulumi-gcp's inputs differ. */
const API_TO_INPUT: Record<string, string> = {
    enableCDN: "enableCdn",
    IPAddress: "ipAddress",
    IPProtocol: "ipProtocol",
};

function normalizeValue(value: unknown, field?: string): unknown {
    if (typeof value === "string") {
        if (field === "portRange") return value.replace(/^(\d+)-\1$/, "$1");
        return relativeReference(value);
    }
    if (Array.isArray(value)) return value.map((v) => normalizeValue(v));
    if (value && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value as Record<string, unknown>).map(([k, v]) => [
                API_TO_INPUT[k] ?? k,
                normalizeValue(v, k),
            ]),
        );
    }
    return value;
}

function isEmpty(value: unknown): boolean {
    if (value === undefined || value === null || value === false || value === "") return true;
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === "object") return Object.values(value as object).every(isEmpty);
    return false;
}

function equal(a: unknown, b: unknown): boolean {
    if (isEmpty(a) && isEmpty(b)) return true;
    if (typeof a === "number" || typeof b === "number") return Number(a) === Number(b);
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => equal(v, b[i]));
    if (a && b && typeof a === "object" && typeof b === "object") {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        return [...keys].every((k) => equal((a as any)[k], (b as any)[k]));
    }
    return isDeepStrictEqual(a, b);
}

/** The live resource's fields as pulumi-gcp input names and values. */
export function liveInputs(live: LiveResource): Record<string, unknown> {
    return normalizeValue(live.data) as Record<string, unknown>;
}

/** Which planned resource adopts which live one: by collection, role and the references between them. */
export function pairResources(
    planned: PlannedResource[],
    found: Exports,
    adopted: LiveResource[],
    backendKeys: Record<string, LiveResource>,
    lbName: string,
    redirectUrlMap: LiveResource | undefined,
): Pairing[] {
    const pairs: Pairing[] = [];
    const taken = new Set<LiveResource>();
    const add = (p: PlannedResource, live: LiveResource | undefined, endpoint?: Record<string, any>) => {
        if (!live || (taken.has(live) && !endpoint)) return;
        if (!endpoint) taken.add(live);
        pairs.push({
            planned: p,
            live,
            importId: endpoint
                ? `${live.path}/${endpoint.ipAddress ?? ""}/${endpoint.fqdn ?? ""}/${endpoint.port}`
                : live.path,
            ...(endpoint ? { endpoint } : {}),
        });
    };
    const of = (collection: string) => adopted.filter((r) => r.collection === collection && !taken.has(r));
    const regionOf = (p: PlannedResource) => (typeof p.inputs.region === "string" ? p.inputs.region : "global");
    // Backend services by key; their NEGs through the backends' groups.
    const keys = Object.keys(backendKeys).sort((a, b) => b.length - a.length);
    for (const p of planned.filter((r) => COLLECTION_OF_TYPE[r.type] === "backendServices")) {
        const key = keys.find((k) => p.name === `${lbName}-${k}-backend`);
        const live = key ? backendKeys[key] : undefined;
        if (!live || !adopted.includes(live)) continue;
        add(p, live);
        const liveGroups = (live.data.backends ?? []).map((b: Record<string, any>) => lookup(found, b.group));
        for (const group of p.inputs.backends ?? []) {
            const ref = parseReference(String(group.group ?? ""));
            const neg = planned.find(
                (n) =>
                    COLLECTION_OF_TYPE[n.type] === "networkEndpointGroups" &&
                    n.inputs.name === ref?.name &&
                    regionOf(n) === ref?.location,
            );
            const liveNeg = liveGroups.find(
                (g: LiveResource | undefined) => g && g.location === ref?.location && !taken.has(g),
            );
            if (neg && liveNeg) add(neg, liveNeg);
        }
    }
    // Network endpoints: by their NEG and address.
    for (const p of planned.filter((r) => COLLECTION_OF_TYPE[r.type] === "networkEndpoints")) {
        const negName = String(p.inputs.globalNetworkEndpointGroup ?? p.inputs.regionNetworkEndpointGroup ?? "")
            .split("/")
            .pop();
        const negPair = pairs.find(
            (q) => COLLECTION_OF_TYPE[q.planned.type] === "networkEndpointGroups" && q.planned.inputs.name === negName,
        );
        if (!negPair) continue;
        const endpoint = (found.endpoints[negPair.live.name] ?? [])
            .map((e) => e.networkEndpoint ?? e)
            .find(
                (e) =>
                    (e.fqdn ?? "") === (p.inputs.fqdn ?? "") &&
                    (e.ipAddress ?? "") === (p.inputs.ipAddress ?? "") &&
                    Number(e.port) === Number(p.inputs.port),
            );
        if (endpoint) add(p, negPair.live, endpoint);
    }
    for (const p of planned) {
        const collection = COLLECTION_OF_TYPE[p.type];
        const region = regionOf(p);
        const here = (r: LiveResource) => r.location === region;
        if (collection === "urlMaps") {
            const redirect = p.name.endsWith("-redirect-url-map");
            add(
                p,
                of("urlMaps").find((r) => here(r) && (r === redirectUrlMap) === redirect),
            );
        } else if (
            collection === "targetHttpsProxies" ||
            collection === "targetHttpProxies" ||
            collection === "addresses"
        ) {
            add(p, of(collection).find(here));
        } else if (collection === "forwardingRules") {
            const port = String(p.inputs.portRange ?? "");
            add(
                p,
                of(collection).find(
                    (r) => here(r) && String(r.data.portRange ?? "").replace(/^(\d+)-\1$/, "$1") === port,
                ),
            );
        }
    }
    return pairs;
}

/** The fields of a pairing that differ. `resolveAddress` turns a planned address reference into its IP. */
export function compareFields(pair: Pairing, found: Exports): Difference[] {
    const collection = COLLECTION_OF_TYPE[pair.planned.type];
    const live = pair.endpoint ? (normalizeValue(pair.endpoint) as Record<string, unknown>) : liveInputs(pair.live);
    const planned = normalizeValue(pair.planned.inputs) as Record<string, unknown>;
    const resource = pair.endpoint
        ? `${pair.live.collection}/${pair.live.name} endpoint`
        : `${pair.live.collection}/${pair.live.name}`;
    const differences: Difference[] = [];
    const defaults = new Set(SERVER_DEFAULTS[collection] ?? []);
    const skip = (field: string) =>
        OUTPUT_ONLY.has(field) ||
        (collection === "urlMaps" && ROUTING_FIELDS.has(field)) ||
        (pair.endpoint &&
            ["globalNetworkEndpointGroup", "regionNetworkEndpointGroup", "networkEndpointGroup"].includes(field)) ||
        collection === "sslCertificates";
    for (const field of new Set([...Object.keys(planned), ...Object.keys(live)])) {
        if (skip(field)) continue;
        let want = planned[field];
        const have = live[field];
        if (want === undefined && defaults.has(field)) continue;
        if (field === "ipAddress" && typeof want === "string") {
            const address = lookup(found, want);
            if (address) want = address.data.address;
        }
        if (field === "backends" && Array.isArray(want) && Array.isArray(have)) {
            // Balancing settings the program leaves unset are GCP's defaults; compare the groups and what is set.
            const strip = (list: any[], like: any[]) =>
                list
                    .map((b, i) =>
                        Object.fromEntries(
                            Object.entries(b).filter(([k]) => k === "group" || like[i]?.[k] !== undefined),
                        ),
                    )
                    .sort((a: any, b: any) => String(a.group).localeCompare(String(b.group)));
            if (equal(strip(have, want), strip(want, want))) continue;
        }
        if (!equal(have, want)) differences.push({ resource, field, live: have, planned: want });
    }
    return differences;
}

/** Requests that reach every host rule, path rule and route rule of a URL map, and some that reach none. */
export function probeRequests(map: UrlMapSpec): Array<{ host: string; path: string; headers: Record<string, string> }> {
    const hosts = new Set<string>(["unmatched.invalid"]);
    for (const rule of map.hostRules ?? []) {
        for (const host of rule.hosts) hosts.add(host === "*" ? "any.invalid" : host.replace(/^\*/, "probe"));
    }
    const paths = new Set<string>(["/", "/unmatched-probe"]);
    const headerSets: Array<Record<string, string>> = [{}];
    for (const matcher of map.pathMatchers ?? []) {
        for (const rule of matcher.pathRules ?? []) {
            for (const p of rule.paths) {
                if (p.endsWith("/*")) {
                    paths.add(p.slice(0, -1));
                    paths.add(`${p.slice(0, -1)}probe/deep`);
                    paths.add(p.slice(0, -2));
                } else {
                    paths.add(p);
                    paths.add(`${p}/`);
                    paths.add(`${p}x`);
                }
            }
        }
        for (const rule of matcher.routeRules ?? []) {
            for (const m of rule.matchRules ?? []) {
                if (m.prefixMatch) {
                    paths.add(m.prefixMatch);
                    paths.add(`${m.prefixMatch}probe`);
                    paths.add(m.prefixMatch.replace(/\/$/, ""));
                }
                if (m.fullPathMatch) {
                    paths.add(m.fullPathMatch);
                    paths.add(`${m.fullPathMatch}/x`);
                }
                const headers: Record<string, string> = {};
                for (const h of m.headerMatches ?? []) {
                    headers[h.headerName] =
                        h.exactMatch ?? h.prefixMatch ?? (h.suffixMatch ? `x${h.suffixMatch}` : "1");
                }
                if (Object.keys(headers).length) headerSets.push(headers);
                const query = (m.queryParameterMatches ?? []).map((q) => `${q.name}=${q.exactMatch ?? "1"}`).join("&");
                if (query) paths.add(`${m.prefixMatch ?? m.fullPathMatch ?? "/"}?${query}`);
            }
        }
    }
    const probes = [];
    for (const host of hosts)
        for (const path of paths) for (const headers of headerSets) probes.push({ host, path, headers });
    return probes;
}

/** What a request's route says, in the terms compared: backends and weights, headers, rewrite, redirect. */
function outcome(result: RouteResult) {
    if (result.kind === "redirect") return { redirect: `${result.redirect!.status} ${result.redirect!.url}` };
    if (result.kind === "none") return { none: true };
    return {
        backends: result.backends
            .map((b) => `${relativeReference(b.service)} weight ${b.weight}`)
            .sort()
            .join(", "),
        forwardedAs: `${result.host}${result.path}`,
        requestHeaders: Object.fromEntries(
            result.backends.flatMap((b) =>
                Object.entries(b.requestHeaders).map(([k, v]) => [`${relativeReference(b.service)} ${k}`, v]),
            ),
        ),
        responseHeaders: result.backends
            .flatMap((b) => b.responseHeadersToAdd.map((h) => `${h.headerName}: ${h.headerValue}`))
            .sort()
            .join(", "),
    };
}

/** Every probe the two maps route differently. */
export function compareRouting(
    liveData: Record<string, unknown>,
    plannedInputs: Record<string, unknown>,
    scheme: Scheme,
    resource: string,
): Difference[] {
    const liveMap = normalizeValue(normalize(liveData)) as UrlMapSpec;
    const plannedMap = normalizeValue(normalize(plannedInputs)) as UrlMapSpec;
    const differences: Difference[] = [];
    for (const probe of [...probeRequests(liveMap), ...probeRequests(plannedMap)]) {
        const request = { host: probe.host, path: probe.path, headers: probe.headers, protocol: "https" };
        const live = outcome(simulateRequest(liveMap, request, { scheme }));
        const planned = outcome(simulateRequest(plannedMap, request, { scheme }));
        for (const field of new Set([...Object.keys(live), ...Object.keys(planned)])) {
            const l = (live as any)[field];
            const p = (planned as any)[field];
            if (!isDeepStrictEqual(l, p)) {
                const headers = Object.entries(probe.headers)
                    .map(([k, v]) => ` [${k}: ${v}]`)
                    .join("");
                const label = `routing of ${probe.host}${probe.path}${headers}: ${field}`;
                if (!differences.some((d) => d.field === label))
                    differences.push({ resource, field: label, live: l, planned: p });
            }
        }
    }
    return differences;
}
