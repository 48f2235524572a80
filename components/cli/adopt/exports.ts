/**
 * Reads a directory of gcloud exports: what `gcloud compute <kind> describe NAME --format=json`,
 * `gcloud compute <kind> list --format=json` and `gcloud compute url-maps export` print (JSON or YAML; one
 * resource or a list per file), and `gcloud compute network-endpoint-groups list-network-endpoints NEG
 * --format=json` saved as `<neg-name>.endpoints.json`. docs/adopt.md lists the commands.
 *
 * Field names and reference forms are the Compute API's (https://cloud.google.com/compute/docs/reference/rest/v1):
 * references are full URLs `https://www.googleapis.com/compute/v1/projects/P/(global|regions/R)/<collection>/NAME`.
 */
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";

/** The Compute API collections `adopt` reads, by the `kind` the API stamps on each resource. */
export const COLLECTION_BY_KIND: Record<string, string> = {
    "compute#forwardingRule": "forwardingRules",
    "compute#address": "addresses",
    "compute#targetHttpProxy": "targetHttpProxies",
    "compute#targetHttpsProxy": "targetHttpsProxies",
    "compute#urlMap": "urlMaps",
    "compute#backendService": "backendServices",
    "compute#backendBucket": "backendBuckets",
    "compute#networkEndpointGroup": "networkEndpointGroups",
    "compute#sslCertificate": "sslCertificates",
    "compute#sslPolicy": "sslPolicies",
    "compute#securityPolicy": "securityPolicies",
    "compute#network": "networks",
    "compute#subnetwork": "subnetworks",
    "compute#healthCheck": "healthChecks",
};

const API_PREFIX = /^https:\/\/(www|compute)\.googleapis\.com\/compute\/(v1|beta|alpha)\//;

/** One live resource from the found. */
export interface LiveResource {
    /** Compute API collection, e.g. `backendServices`. */
    collection: string;
    name: string;
    project: string;
    /** `global` or the region (`zones/<zone>` for zonal NEGs). */
    location: string;
    /** `projects/P/global/backendServices/NAME`: the relative path, which is also pulumi-gcp's import id. */
    path: string;
    /** The resource as exported. */
    data: Record<string, any>;
    /** The export file it came from, relative to the exports directory. */
    file: string;
}

/** The exports of one directory: resources by relative path, plus network endpoints by NEG name. */
export interface Exports {
    dir: string;
    resources: LiveResource[];
    /** `list-network-endpoints` output per NEG name (`<neg>.endpoints.json`). */
    endpoints: Record<string, Array<Record<string, any>>>;
    /** Files that held nothing `adopt` reads. */
    ignored: string[];
}

/** `https://www.googleapis.com/compute/v1/projects/p/global/urlMaps/m` → `projects/p/global/urlMaps/m`. */
export function relativeReference(ref: string): string {
    return ref.replace(API_PREFIX, "");
}

/** Project, location, collection and name of a relative or absolute reference, when it is one. */
export function parseReference(
    ref: string,
): { project: string; location: string; collection: string; name: string } | undefined {
    const m = /^projects\/([^/]+)\/(global|regions\/[^/]+|zones\/[^/]+)\/([^/]+)\/([^/]+)$/.exec(
        relativeReference(ref),
    );
    if (!m) return undefined;
    const location = m[2] === "global" ? "global" : m[2].startsWith("regions/") ? m[2].slice(8) : m[2];
    return { project: m[1], location, collection: m[3], name: m[4] };
}

/** The relative path of a resource in a location. */
export function resourcePath(project: string, location: string, collection: string, name: string): string {
    const scope = location === "global" ? "global" : location.startsWith("zones/") ? location : `regions/${location}`;
    return `projects/${project}/${scope}/${collection}/${name}`;
}

/** The collection of a resource without `kind` (a `url-maps export` omits output-only fields). */
function collectionOf(data: Record<string, any>): string | undefined {
    if (typeof data.kind === "string") {
        if (data.kind === "compute#targetHttpProxy" || data.kind === "compute#targetHttpsProxy") {
            return COLLECTION_BY_KIND[data.kind];
        }
        return COLLECTION_BY_KIND[data.kind];
    }
    const fromLink = typeof data.selfLink === "string" ? parseReference(data.selfLink)?.collection : undefined;
    if (fromLink) return fromLink;
    if (
        ["defaultService", "defaultUrlRedirect", "defaultRouteAction", "hostRules", "pathMatchers"].some(
            (f) => f in data,
        )
    ) {
        return "urlMaps";
    }
    return undefined;
}

function locationOf(data: Record<string, any>): string | undefined {
    const link = typeof data.selfLink === "string" ? parseReference(data.selfLink) : undefined;
    if (link) return link.location;
    if (typeof data.region === "string") return data.region.split("/").pop();
    return undefined;
}

/** Reads every export in `dir`. URL maps exported without a self link get their location from what references them. */
export function loadExports(dir: string): Exports {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        throw new Error(`${dir} is not a directory of gcloud exports`);
    }
    const result: Exports = { dir, resources: [], endpoints: {}, ignored: [] };
    const pending: Array<{ data: Record<string, any>; file: string; collection: string }> = [];
    for (const file of fs.readdirSync(dir).sort()) {
        if (!/\.(json|ya?ml)$/i.test(file)) continue;
        let document: unknown;
        try {
            document = parseYaml(fs.readFileSync(path.join(dir, file), "utf8"));
        } catch (error) {
            throw new Error(`${file}: not JSON or YAML (${(error as Error).message})`);
        }
        const endpoints = /^(.+)\.endpoints\.(json|ya?ml)$/i.exec(file);
        if (endpoints) {
            result.endpoints[endpoints[1]] = Array.isArray(document) ? (document as Array<Record<string, any>>) : [];
            continue;
        }
        const items = Array.isArray(document) ? document : [document];
        let used = false;
        for (const item of items) {
            if (!item || typeof item !== "object") continue;
            const data = item as Record<string, any>;
            const collection = collectionOf(data);
            if (!collection || typeof data.name !== "string") continue;
            used = true;
            pending.push({ data, file, collection });
        }
        if (!used) result.ignored.push(file);
    }
    const placed = (data: Record<string, any>, collection: string, file: string, project: string, location: string) =>
        result.resources.push({
            collection,
            name: data.name,
            project,
            location,
            path: resourcePath(project, location, collection, data.name),
            data,
            file,
        });
    const unplaced: typeof pending = [];
    for (const { data, file, collection } of pending) {
        const link = typeof data.selfLink === "string" ? parseReference(data.selfLink) : undefined;
        if (link) {
            placed(data, link.collection, file, link.project, link.location);
        } else {
            unplaced.push({ data, file, collection });
        }
    }
    // A URL map export has no selfLink: the references to it (proxies, other exports) say where it lives.
    for (const { data, file, collection } of unplaced) {
        const referenced = referencesTo(result.resources, collection, data.name);
        const region = locationOf(data);
        const where = referenced ?? (region ? { project: anyProject(result.resources), location: region } : undefined);
        if (!where) {
            throw new Error(
                `${file}: cannot tell the project and location of ${collection} ${data.name} — nothing in the exports ` +
                    `references it and it has no selfLink; export it with \`describe --format=json\` instead`,
            );
        }
        placed(data, collection, file, where.project, where.location);
    }
    return result;
}

function anyProject(resources: LiveResource[]): string {
    return resources[0]?.project ?? "unknown-project";
}

function referencesTo(
    resources: LiveResource[],
    collection: string,
    name: string,
): { project: string; location: string } | undefined {
    let found: { project: string; location: string } | undefined;
    const visit = (value: unknown) => {
        if (found) return;
        if (typeof value === "string") {
            const ref = parseReference(value);
            if (ref && ref.collection === collection && ref.name === name) found = ref;
        } else if (Array.isArray(value)) {
            value.forEach(visit);
        } else if (value && typeof value === "object") {
            Object.values(value).forEach(visit);
        }
    };
    resources.forEach((r) => visit(r.data));
    return found;
}

/** Looks a reference up among the found. */
export function lookup(found: Exports, ref: string | undefined): LiveResource | undefined {
    if (!ref) return undefined;
    const relative = relativeReference(ref);
    return found.resources.find((r) => r.path === relative);
}
