import { Feature, featureSupport, Scheme, schemeProfile, supports } from "../schemes";
import { Finding, quoteValue } from "../validation";

/** A fully qualified lowercase DNS name without a trailing dot. */
export const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The fix for a name that is not a lowercase FQDN: an internationalized name is written in punycode (its A-labels,
 * RFC 5890), as DNS and certificates carry it; anything else without scheme, port or path (or trailing dot, where
 * `absolute` names are not taken), with a wildcard example where `wildcards` are taken.
 */
/** A character outside ASCII (an internationalized name written in Unicode). */
const NON_ASCII = /[\u0080-\uffff]/;

export function domainFix(name: string, options: { absolute: boolean; wildcards: boolean }): string {
    if (NON_ASCII.test(name)) {
        return 'write an internationalized name in punycode, its ASCII form starting "xn--" (e.g. "xn--mnchen-3ya.example" for "münchen.example")';
    }
    const without = options.absolute ? "scheme, port or path" : "scheme, port, path or trailing dot";
    const example = options.wildcards ? '"shop.example.com" or "*.shop.example.com"' : '"shop.example.com"';
    return `write the name in lowercase without ${without}, e.g. ${example}`;
}

/** A dotted-quad IPv4 address, each part 0–255 without leading zeros. */
export const IPV4 = /^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}$/;

const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/** An IPv6 address in RFC 4291 text form: eight hex groups, `::` once for a run of zeros, an IPv4 tail allowed. */
export function isIpv6(text: string): boolean {
    const halves = text.split("::");
    if (halves.length > 2) {
        return false;
    }
    const groups = [...halves.map((half) => (half === "" ? [] : half.split(":")))].flat();
    let count = groups.length;
    const last = groups[groups.length - 1];
    if (last !== undefined && last.includes(".")) {
        if (!IPV4.test(last)) {
            return false;
        }
        groups.pop();
        count += 1;
    }
    if (!groups.every((g) => HEX_GROUP.test(g))) {
        return false;
    }
    return halves.length === 2 ? count < 8 : count === 8;
}

/** A port that is set must be a TCP port. */
export function portFinding(field: string, port: number | undefined): Finding[] {
    if (port === undefined || (Number.isInteger(port) && port >= 1 && port <= 65535)) {
        return [];
    }
    return [{ field, message: `${port} is not a TCP port`, fix: "use a whole number from 1 to 65535" }];
}

/** GCP region names: `europe-west1`, `us-central1`, `northamerica-northeast2`, `me-central2`. */
export const REGION_PATTERN = /^[a-z]+-[a-z]+[0-9]+$/;

export function regionFinding(field: string, region: string | undefined): Finding[] {
    if (region === undefined || region === "") {
        return [
            {
                field,
                message: "no region is set",
                fix: 'set it to the Cloud Run service\'s region, e.g. "europe-west1"',
            },
        ];
    }
    if (!REGION_PATTERN.test(region)) {
        const zone = /^([a-z]+-[a-z]+[0-9]+)-[a-z]$/.exec(region);
        return [
            {
                field,
                message: `${quoteValue(region)} is not a GCP region name${zone ? " (it is a zone)" : ""}`,
                fix: zone
                    ? `use the zone's region, ${quoteValue(zone[1])}`
                    : 'use a region such as "europe-west1" or "us-central1" (a region, not a zone)',
            },
        ];
    }
    return [];
}

/** A feature the scheme lacks, as a finding naming the option, the scheme and what to use instead. */
export function unsupportedFinding(scheme: Scheme, feature: Feature, field: string, what: string): Finding {
    return {
        field,
        message: `${what} is not supported by the ${schemeProfile(scheme).title} (scheme ${quoteValue(scheme)})`,
        fix: featureSupport(feature).alternative,
    };
}

/** A Compute Engine resource reference (self link or id), parsed. */
export interface ComputeLink {
    project: string;
    /** Region of a regional resource; undefined for a global one. */
    region?: string;
    /** The collection, e.g. `backendServices`, `sslCertificates`, `subnetworks`. */
    collection: string;
    name: string;
}

const COMPUTE_LINK =
    /^(?:https:\/\/(?:www|compute)\.googleapis\.com\/compute\/(?:v1|beta|alpha)\/)?projects\/([^/]+)\/(?:global|regions\/([^/]+))\/([A-Za-z]+)\/([^/]+)$/;

/** Parses `projects/p/(global|regions/r)/<collection>/<name>`, with or without the API URL prefix. */
export function parseComputeLink(text: string): ComputeLink | undefined {
    const match = COMPUTE_LINK.exec(text.trim());
    return match ? { project: match[1], region: match[2], collection: match[3], name: match[4] } : undefined;
}

/**
 * Why a reference of a known string value does not fit what is expected, or undefined if it fits (or is a
 * bare name, which the provider resolves in the resource's own project and scope).
 *
 * @param expectedRegion the region a regional resource must be in; undefined when a global one is required.
 */
export function linkMismatch(
    value: string,
    collection: string,
    what: string,
    expectedRegion: string | undefined,
): string | undefined {
    if (!value.includes("/")) {
        return undefined;
    }
    const link = parseComputeLink(value);
    if (!link || link.collection !== collection) {
        return `${quoteValue(value)} is not ${what} self link or id (projects/<project>/${expectedRegion ? `regions/${expectedRegion}` : "global"}/${collection}/<name>)`;
    }
    if (expectedRegion === undefined && link.region !== undefined) {
        return `${quoteValue(value)} is a regional ${what.replace(/^an? /, "")} in ${link.region}, but a global one is needed`;
    }
    if (expectedRegion !== undefined && link.region === undefined) {
        return `${quoteValue(value)} is a global ${what.replace(/^an? /, "")}, but a regional one in ${expectedRegion} is needed`;
    }
    if (expectedRegion !== undefined && link.region !== expectedRegion) {
        return `${quoteValue(value)} is in ${link.region}, but it must be in ${expectedRegion}`;
    }
    return undefined;
}

/**
 * An option and the feature-table row that says which schemes have it. Rule catalogues list their
 * options as data; `schemeOptionFindings` turns every set option the scheme lacks into a finding, so
 * `components/schemes.ts` stays the one place that says what a scheme supports.
 */
export interface SchemeOption<C> {
    /** Key in `featureTable`. */
    feature: Feature;
    /** The argument path, as it appears in messages. */
    field: string;
    isSet(args: C): boolean;
}

/** A finding for each set option that the scheme does not support, named by its feature title. */
export function schemeOptionFindings<C>(scheme: Scheme, options: readonly SchemeOption<C>[], args: C): Finding[] {
    return options
        .filter((option) => option.isSet(args) && !supports(scheme, option.feature))
        .map((option) =>
            unsupportedFinding(scheme, option.feature, option.field, featureSupport(option.feature).title),
        );
}
