/**
 * GCP-valid, replacement-safe physical names.
 *
 * Compute resource names must match `[a-z]([-a-z0-9]*[a-z0-9])?` and be at most 63 characters.
 * pulumi-gcp lowercases auto-names only for a few resource kinds and caps none of the regional ones
 * at 63 (the provider's `name` fields, https://github.com/hashicorp/terraform-provider-google/tree/v7.45.0/google/services/compute), so every child gets an explicit name from here.
 *
 * Resources GCP can only replace while another resource references them (NEGs, certificates,
 * addresses) take a short hash of their replacement-triggering inputs as a suffix: the name changes
 * exactly when a replacement is due, so Pulumi creates the new resource, repoints the referrer, then
 * deletes the old one — instead of deleting first and failing with `resourceInUseByAnotherResource`.
 */
import * as crypto from "crypto";

export const GCP_NAME_MAX = 63;
export const GCP_NAME_PATTERN = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const HASH_LENGTH = 8;

/** JSON with object keys sorted, so equal values always serialise to the same bytes. */
export function stableStringify(value: unknown): string {
    if (value === undefined) {
        return "null";
    }
    if (value === null || typeof value !== "object") {
        return JSON.stringify(value);
    }
    if (Array.isArray(value)) {
        return `[${value.map(stableStringify).join(",")}]`;
    }
    const record = value as Record<string, unknown>;
    let text = "";
    for (const key of Object.keys(record).sort()) {
        if (record[key] !== undefined) {
            text += `${text ? "," : ""}${JSON.stringify(key)}:${stableStringify(record[key])}`;
        }
    }
    return `{${text}}`;
}

/**
 * `crypto.hash` (Node 20.12+) digests without a Hash object per call, which a large stack's thousands of
 * names would otherwise allocate and finalize; older Node 20 releases take the Hash object. Same digest.
 */
const sha256Hex: (text: string) => string =
    typeof crypto.hash === "function"
        ? (text) => crypto.hash("sha256", text, "hex")
        : (text) => crypto.createHash("sha256").update(text).digest("hex");

/** A short, stable hex digest of any JSON-like value. */
export function shortHash(value: unknown, length = HASH_LENGTH): string {
    return sha256Hex(stableStringify(value)).slice(0, length);
}

/** What sanitizeNamePart leaves as it is: lowercase letters and digits in runs joined by single hyphens. */
const CLEAN_NAME_PART = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Lowercase kebab-case with only the characters GCP allows, or "" if nothing usable is left. */
export function sanitizeNamePart(part: string): string {
    // Most parts (prefixes, roles, regions, backend keys) are clean already: one test instead of five replaces
    // for each of a large stack's thousands of names.
    if (CLEAN_NAME_PART.test(part)) {
        return part;
    }
    return part
        .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/-+/g, "-")
        .replace(/^-+|-+$/g, "");
}

/**
 * Join parts into a GCP-valid name of at most `max` characters. When too long, the first part (the
 * prefix) is cut and followed by a hash of all parts, and the other parts (the role, e.g. `url-map`)
 * are kept, so the name still says what it is and two long names never collide.
 */
function fitName(parts: string[], max: number): string {
    const clean = parts.map(sanitizeNamePart).filter((p) => p.length > 0);
    if (clean.length === 0) {
        return "x-unnamed";
    }
    if (!/^[a-z]/.test(clean[0])) {
        clean[0] = `x-${clean[0]}`;
    }
    const joined = clean.join("-");
    if (joined.length <= max) {
        return joined;
    }
    const hash = shortHash(parts.join("/"));
    const tail = clean.slice(1).join("-");
    const room = max - HASH_LENGTH - 2 - tail.length;
    if (clean.length > 1 && room >= 8) {
        return `${clean[0].slice(0, room).replace(/-+$/, "")}-${hash}-${tail}`;
    }
    return `${joined.slice(0, max - HASH_LENGTH - 1).replace(/-+$/, "")}-${hash}`;
}

/**
 * Join parts into one GCP-valid name. Long results keep the last parts, cut the first, and carry a hash
 * of the full name, so two long names that differ only past the cut stay distinct.
 *
 * @example gcpName("My_Shop", "url-map") === "my-shop-url-map"
 */
export function gcpName(...parts: string[]): string {
    return fitName(parts, GCP_NAME_MAX);
}

/**
 * A name that ends in a hash of `replacementInputs`: the same inputs give the same name on every run,
 * and any change to them gives a new name. `base` is a name or its parts (prefix first, then the role),
 * fitted like `gcpName` so a long prefix never cuts off the role or makes two names collide.
 *
 * @example replacementSafeName(["shop", "web-neg"], { region: "europe-west1", service: "web" })
 */
export function replacementSafeName(base: string | string[], replacementInputs: unknown): string {
    const head = fitName(Array.isArray(base) ? base : [base], GCP_NAME_MAX - HASH_LENGTH - 1);
    return `${head}-${shortHash(replacementInputs)}`;
}

/** Why a user-given name is not a valid GCP name, or undefined if it is. */
export function invalidNameReason(name: string): string | undefined {
    if (name.length === 0) {
        return "it is empty";
    }
    if (name.length > GCP_NAME_MAX) {
        return `it is ${name.length} characters long (GCP allows at most ${GCP_NAME_MAX})`;
    }
    if (!GCP_NAME_PATTERN.test(name)) {
        return "GCP names must start with a lowercase letter, contain only lowercase letters, digits and hyphens, and not end with a hyphen";
    }
    return undefined;
}
