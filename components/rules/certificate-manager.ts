/**
 * Where a Certificate Manager certificate or certificate map must live for a scheme's target proxy, and
 * why a given one does not fit. One check for references a user passes and for certificates the package
 * creates (the certificates helper passes the location and scope it is about to create).
 *
 * Facts:
 * - Regional proxies (regional internal, regional external) take regional certificates in their own
 *   region: "Certificate Manager supports deployment of global and regional certificates on Google Cloud
 *   load balancers" (certificate-manager/docs/overview), and the provider's RegionTargetHttpsProxy
 *   examples reference `projects/{p}/locations/<the proxy's region>/certificates/{name}`.
 * - Global proxies (cross-region internal, global external, classic) take global (`locations/global`)
 *   certificates and maps. Cross-region internal serves from every region, so its certificates carry
 *   scope ALL_REGIONS ("served from all Google Cloud regions"; the provider: "You can only use
 *   ALL_REGIONS with global certs"). Global external and classic certificates (in a map) have scope
 *   DEFAULT ("served from core Google data centers").
 */
import { Scheme, schemeProfile } from "../schemes";

/** A Certificate Manager reference, parsed. */
export interface CertificateManagerLink {
    project: string;
    /** `global` or a region. */
    location: string;
    collection: "certificates" | "certificateMaps";
    name: string;
}

const CERTIFICATE_MANAGER_LINK =
    /^(?:\/\/certificatemanager\.googleapis\.com\/|https:\/\/certificatemanager\.googleapis\.com\/v1\/)?projects\/([^/]+)\/locations\/([^/]+)\/(certificates|certificateMaps)\/([^/]+)$/;

/**
 * Parses `projects/{p}/locations/{l}/certificates|certificateMaps/{name}`, with or without the
 * `//certificatemanager.googleapis.com/` prefix (the formats the provider accepts).
 */
export function parseCertificateManagerLink(text: string): CertificateManagerLink | undefined {
    const match = CERTIFICATE_MANAGER_LINK.exec(text.trim());
    return match
        ? {
              project: match[1],
              location: match[2],
              collection: match[3] as CertificateManagerLink["collection"],
              name: match[4],
          }
        : undefined;
}

/** Certificate scope (`certificatemanager.Certificate.scope`). */
export type CertificateScope = "DEFAULT" | "ALL_REGIONS" | "EDGE_CACHE" | "CLIENT_AUTH";

/** Where the scheme's proxy needs its Certificate Manager resources, and the scope of its certificates. */
export interface CertificateManagerPlacement {
    /** `global`, or the load balancer's region for regional schemes. */
    location: string;
    scope: CertificateScope;
}

/**
 * The location and scope a scheme's proxy needs; undefined for a regional scheme whose region is not
 * known yet (reported by the region rules).
 */
export function certificateManagerPlacement(
    scheme: Scheme,
    region: string | undefined,
): CertificateManagerPlacement | undefined {
    const profile = schemeProfile(scheme);
    if (profile.scope === "regional") {
        return region === undefined ? undefined : { location: region, scope: "DEFAULT" };
    }
    return { location: "global", scope: profile.internal ? "ALL_REGIONS" : "DEFAULT" };
}

/** What a certificate (or map) is, as far as it is known: from a reference, or from what is being created. */
export interface CertificateManagerTarget {
    location: string;
    /** Known when the certificate is created here; a reference does not say. */
    scope?: CertificateScope;
}

/**
 * Why a Certificate Manager certificate or map of `target`'s location and scope cannot serve the scheme's
 * proxy, or undefined when it can (or the placement is not known yet).
 *
 * @example certificateManagerMismatch({ location: "global" }, "certificate", "regional-internal", "europe-west1")
 * // "is a global certificate, but the regional internal Application Load Balancer's proxy in europe-west1 takes certificates in locations/europe-west1"
 */
export function certificateManagerMismatch(
    target: CertificateManagerTarget,
    what: "certificate" | "certificate map",
    scheme: Scheme,
    region: string | undefined,
): string | undefined {
    const placement = certificateManagerPlacement(scheme, region);
    if (!placement) {
        return undefined;
    }
    const profile = schemeProfile(scheme);
    const proxy =
        profile.scope === "regional"
            ? `the ${profile.title}'s proxy in ${placement.location}`
            : `the ${profile.title}'s global proxy`;
    if (target.location !== placement.location) {
        const kind = target.location === "global" ? "a global" : `a regional (${target.location})`;
        return `is ${kind} ${what}, but ${proxy} takes ${what === "certificate" ? "certificates" : "certificate maps"} in locations/${placement.location}`;
    }
    if (target.scope !== undefined && target.scope !== placement.scope) {
        return `has scope ${target.scope}, but ${proxy} takes certificates with scope ${placement.scope}`;
    }
    return undefined;
}
