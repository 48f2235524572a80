import { featureSupport, Scheme, schemeProfile } from "../schemes";
import { Finding } from "../validation";

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
        return [
            {
                field,
                message: `"${region}" is not a GCP region name`,
                fix: 'use a region such as "europe-west1" or "us-central1" (not a zone like "europe-west1-b")',
            },
        ];
    }
    return [];
}

/** A feature the scheme lacks, as a finding naming the option, the scheme and what to use instead. */
export function unsupportedFinding(scheme: Scheme, feature: string, field: string, what: string): Finding {
    return {
        field,
        message: `${what} is not supported by the ${schemeProfile(scheme).title} (scheme "${scheme}")`,
        fix: featureSupport(feature).alternative,
    };
}
