/**
 * Serverless NEG URL masks: which Cloud Run service (and tag) a mask picks from a request URL.
 *
 * Rules (https://cloud.google.com/load-balancing/docs/negs/serverless-neg-concepts, "Set up a regional external ALB with Cloud Run" https://cloud.google.com/load-balancing/docs/https/setting-up-reg-ext-https-serverless, and the NEG API docs):
 * - A mask is a URL without its scheme, with `<service>` and `<tag>` placeholders (App Engine:
 *   `<service>`/`<version>`; Cloud Functions: `<function>`).
 * - The first `/` separates the host part from the path part; a mask without `/` is host-only, a mask
 *   starting with `/` is path-only.
 * - Host or subdomain components before the first placeholder may be omitted from the mask, and so may
 *   path components after the last placeholder: the host part therefore matches the end of the request
 *   host (at a label boundary) and the path part matches the start of the request path (at a segment
 *   boundary).
 *
 * UNCONFIRMED, chosen here: the host part is matched as a label-aligned suffix of the request host
 * (port ignored); a placeholder captures one host label or one path segment (or part of one, when the
 * mask puts literal text around it, as in `<service>-home.example.com`); a captured Cloud Run service
 * or tag must be a valid RFC 1035 label, else the mask selects nothing.
 */

/**
 * A Cloud Run NEG's target as the simulator reads it: the URL mask, and the service or tag given
 * explicitly beside it. The Compute API: "The service must be provided explicitly or in the URL mask.
 * The tag is optional, may be provided explicitly or in the URL mask." (NetworkEndpointGroupCloudRun),
 * so `{ service: "login", urlMask: "<tag>.example.com" }` routes `blue.example.com` to tag "blue" of
 * service "login".
 */
export interface UrlMaskTarget {
    urlMask: string;
    /** The service given explicitly (the mask then has no `<service>`). */
    service?: string;
    /** The tag given explicitly (the mask then has no `<tag>`). */
    tag?: string;
}

/** What a URL mask selected from a URL. */
export interface UrlMaskMatch {
    /** Cloud Run service (or App Engine service). */
    service?: string;
    /** Cloud Run traffic tag. */
    tag?: string;
    /** App Engine version. */
    version?: string;
    /** Cloud Functions function. */
    function?: string;
}

const PLACEHOLDER = /<(service|tag|version|function)>/g;
const LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

function escapeRegex(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The placeholders in a mask, in order. */
export function urlMaskPlaceholders(mask: string): string[] {
    return [...mask.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** A regex source for one part of a mask; placeholders capture within `allowed` characters. */
function partPattern(part: string, allowed: string, names: string[]): string {
    let source = "";
    let last = 0;
    for (const m of part.matchAll(PLACEHOLDER)) {
        source += escapeRegex(part.slice(last, m.index));
        source += `([${allowed}]+)`;
        names.push(m[1]);
        last = m.index! + m[0].length;
    }
    return source + escapeRegex(part.slice(last));
}

/**
 * What `mask` selects for a request to `host` + `path` (query ignored), or undefined when the URL does
 * not fit the mask.
 *
 * @example matchUrlMask("example.com/<service>", "example.com", "/login/web") // { service: "login" }
 * @example matchUrlMask("<tag>.<service>.example.com", "test.login.example.com", "/web") // { service: "login", tag: "test" }
 */
export function matchUrlMask(mask: string, host: string, path: string): UrlMaskMatch | undefined {
    const slash = mask.indexOf("/");
    const hostPart = slash < 0 ? mask : mask.slice(0, slash);
    const pathPart = slash < 0 ? "" : mask.slice(slash);
    const names: string[] = [];
    const captures: string[] = [];

    const requestHost = host.toLowerCase().replace(/:\d+$/, "");
    if (hostPart !== "") {
        const hostRegex = new RegExp(`^(?:[^/]*\\.)?${partPattern(hostPart.toLowerCase(), "^./:", names)}$`);
        const m = hostRegex.exec(requestHost);
        if (!m) {
            return undefined;
        }
        captures.push(...m.slice(1));
    }
    if (pathPart !== "") {
        const requestPath = path.split(/[?#]/)[0];
        const pathRegex = new RegExp(`^${partPattern(pathPart.replace(/\/+$/, ""), "^/", names)}(?:/.*)?$`);
        const m = pathRegex.exec(requestPath);
        if (!m) {
            return undefined;
        }
        captures.push(...m.slice(1));
    }
    if (names.length === 0) {
        return undefined;
    }
    const result: UrlMaskMatch = {};
    for (let i = 0; i < names.length; i++) {
        const name = names[i] as keyof UrlMaskMatch;
        const value = captures[i];
        if ((name === "service" || name === "tag") && !LABEL.test(value)) {
            return undefined;
        }
        result[name] = value;
    }
    return result;
}

/** The mask of a target given as a mask alone or as a {@link UrlMaskTarget}. */
export function targetUrlMask(target: string | UrlMaskTarget): string {
    return typeof target === "string" ? target : target.urlMask;
}

/**
 * The Cloud Run service and tag a NEG target reaches for a request: what the mask selects, completed
 * with the service or tag given explicitly; undefined when the URL does not fit the mask.
 */
export function selectCloudRunTarget(
    target: string | UrlMaskTarget,
    host: string,
    path: string,
): UrlMaskMatch | undefined {
    const explicit: UrlMaskTarget = typeof target === "string" ? { urlMask: target } : target;
    const selected = matchUrlMask(explicit.urlMask, host, path);
    if (!selected) {
        return undefined;
    }
    return {
        ...(explicit.service !== undefined ? { service: explicit.service } : {}),
        ...(explicit.tag !== undefined ? { tag: explicit.tag } : {}),
        ...selected,
    };
}
