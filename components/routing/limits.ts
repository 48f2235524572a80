/**
 * GCP's fixed limits on one URL map, per scheme (not raisable). The one place they are written down:
 * the compiler splits host rules by them, and rule `route-limits` counts the compiled map against them.
 *
 * Sources:
 * - Counts: Cloud Load Balancing "Quotas and limits", URL maps section,
 *   https://docs.cloud.google.com/load-balancing/docs/quotas.
 * - Size: "Individual URL maps are limited to 1 MB of data each, with the exception of the classic
 *   Application Load Balancer, which retains its 64 KB limit."
 *   https://docs.cloud.google.com/load-balancing/docs/url-map-size-quota
 */
import { Scheme, schemeProfile } from "../schemes";

/** Where each limit below is stated. */
export const URL_MAP_LIMIT_SOURCES = {
    counts: "https://docs.cloud.google.com/load-balancing/docs/quotas",
    size: "https://docs.cloud.google.com/load-balancing/docs/url-map-size-quota",
} as const;

/** GCP URL map limits for one scheme. */
export interface UrlMapLimits {
    /** Host rules per URL map: 1,000 on external schemes, 2,000 on internal ones. */
    hostRules: number;
    /** Path matchers per URL map: as host rules. */
    pathMatchers: number;
    /** Path rules or route rules per path matcher. */
    rulesPerMatcher: number;
    /** Hosts per host rule. */
    hostsPerRule: number;
    /** Predicates per path matcher (each path; or one per match rule plus each header and query match). */
    predicatesPerMatcher: number;
    pathTemplatesPerMatcher: number;
    regexesPerMatcher: number;
    regexLength: number;
    /** Distinct backend services one URL map references. */
    distinctBackends: number;
    /**
     * Bytes: 1 MB on every scheme but classic, 64 KB on classic. The page does not say whether a KB is
     * 1,000 or 1,024 bytes, so the smaller reading is used (1,000,000 and 64,000 bytes).
     */
    sizeBytes: number;
}

/** GCP's per-URL-map hosts-per-host-rule limit (the same on every scheme). */
export const HOSTS_PER_HOST_RULE = 1000;

export function urlMapLimits(scheme: Scheme): UrlMapLimits {
    const internal = schemeProfile(scheme).internal;
    return {
        hostRules: internal ? 2000 : 1000,
        pathMatchers: internal ? 2000 : 1000,
        rulesPerMatcher: 1000,
        hostsPerRule: HOSTS_PER_HOST_RULE,
        predicatesPerMatcher: 1000,
        pathTemplatesPerMatcher: 100,
        regexesPerMatcher: 5,
        regexLength: 250,
        distinctBackends: 2500,
        sizeBytes: schemeProfile(scheme).urlMapSizeBytes,
    };
}
