/**
 * Named value formats of GCP fields: each is a pure function from a value to why GCP would refuse it
 * (or undefined), with the fix. The constraint table refers to them by name, so a format is defined once
 * and enforced wherever a row uses it — at preview for plain values, and when an Output resolves
 * (see `checkResolved` in ./check).
 *
 * Messages never repeat a whole user value: they show a short excerpt (`excerpt`), and nothing of a value
 * that looks like key material.
 */
import { parseCidr } from "../cidr";

/** Why a value does not fit a format, and what to write instead (never repeating the bad value). */
export interface FormatProblem {
    reason: string;
    fix: string;
}

/** A short, safe quotation of a user value for a message: at most 40 characters, never key material. */
export function excerpt(value: string): string {
    if (/-----BEGIN |PRIVATE KEY|^[A-Za-z0-9+/_=-]{60,}$/.test(value)) {
        return "(a value that looks like key material)";
    }
    const flat = value.replace(/\s+/g, " ");
    return JSON.stringify(flat.length > 40 ? `${flat.slice(0, 37)}...` : flat);
}

/**
 * Cloud Storage bucket names: 3–63 characters of lowercase letters, digits, `-`, `_` and `.`, starting and
 * ending with a letter or digit; a name with dots may be up to 222 characters, each dot-separated part at
 * most 63; not an IPv4 address; not starting with "goog" and not containing "google" or close misspellings.
 * @see https://cloud.google.com/storage/docs/buckets#naming
 */
export function bucketNameRuleBroken(name: string): string | undefined {
    const dotted = name.includes(".");
    if (!/^[a-z0-9][a-z0-9._-]*[a-z0-9]$/.test(name) || name.length < 3 || (!dotted && name.length > 63)) {
        return "bucket names are 3–63 lowercase letters, digits, hyphens, underscores or dots, starting and ending with a letter or digit";
    }
    if (name.length > 222) {
        return `bucket names with dots are at most 222 characters; this one has ${name.length}`;
    }
    if (name.split(".").some((part) => part.length === 0 || part.length > 63)) {
        return "each dot-separated part of a bucket name is 1–63 characters";
    }
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) {
        return "a bucket name cannot be an IP address in dotted-decimal notation";
    }
    if (name.startsWith("goog") || /g[o0][o0]gle/.test(name)) {
        return 'bucket names cannot start with "goog" or contain "google"';
    }
    return undefined;
}

export function bucketNameProblem(name: string): FormatProblem | undefined {
    const broken = bucketNameRuleBroken(name);
    return broken
        ? {
              reason: `is not a bucket name: ${broken}`,
              fix: 'use 3–63 lowercase letters, digits, hyphens, underscores or dots (up to 222 with dots, each part at most 63), starting and ending with a letter or digit, e.g. "shop-assets"',
          }
        : undefined;
}

/**
 * IAM principals as a policy binding member: `user:`, `serviceAccount:`, `group:`, `domain:`,
 * `principal://`, `principalSet://`, `allUsers`, `allAuthenticatedUsers` (and `deleted:` forms).
 * @see https://cloud.google.com/iam/docs/principal-identifiers
 */
const IAM_MEMBER =
    /^(allUsers|allAuthenticatedUsers|(user|group|serviceAccount):[^\s@:]+@[^\s@:]+\.[^\s@:]+|domain:[a-z0-9.-]+\.[a-z]{2,}|principal(Set)?:\/\/[^\s]+|deleted:(user|group|serviceAccount):[^\s]+\?uid=\d+)$/;

export function iamMemberProblem(member: string): FormatProblem | undefined {
    if (IAM_MEMBER.test(member)) {
        return undefined;
    }
    const email = /^[^\s@:]+@[^\s@:]+\.[^\s@:]+$/.test(member);
    return {
        reason: email
            ? "is an email address without the principal type IAM needs"
            : "is not an IAM principal identifier",
        fix: email
            ? 'prefix it with its type: "user:" for a person, "group:" for a Google group, "serviceAccount:" for a service account (…iam.gserviceaccount.com)'
            : "write it as user:EMAIL, group:EMAIL, serviceAccount:EMAIL, domain:DOMAIN, principal://…, principalSet://…, allUsers or allAuthenticatedUsers",
    };
}

/**
 * Cloud Run service names and traffic tags: RFC 1035 labels (1–63 characters). A `https://…run.app` URL or a
 * resource path is the wrong kind of value, named as such.
 * @see https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services#Service
 */
export function cloudRunServiceNameProblem(value: string): FormatProblem | undefined {
    if (/^https?:\/\//.test(value) || /\.run\.app\/?$/.test(value)) {
        return {
            reason: "is a Cloud Run URL, where the service's name belongs",
            fix: "pass the service's name (e.g. service.name of a gcp.cloudrunv2.Service), not its URL (service.uri)",
        };
    }
    if (/^(projects|locations|namespaces)\//.test(value)) {
        return {
            reason: "is a resource path, where the service's bare name belongs",
            fix: "pass only the last segment (the service's name); set the project and region in their own fields",
        };
    }
    return undefined;
}

/**
 * Cloud DNS managed zone names (not their DNS names): 1–63 lowercase letters, digits or dashes, starting
 * with a letter and ending with a letter or digit.
 * @see https://cloud.google.com/dns/docs/reference/rest/v1/managedZones#ManagedZone.FIELDS.name
 */
export function managedZoneNameProblem(value: string): FormatProblem | undefined {
    if (/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(value)) {
        return undefined;
    }
    if (value.includes(".")) {
        return {
            reason: "is a DNS name, where the managed zone's name belongs",
            fix: 'pass the zone\'s name (e.g. zone.name of a gcp.dns.ManagedZone, such as "example-com"), not its dnsName',
        };
    }
    return {
        reason: "is not a managed zone name (1–63 lowercase letters, digits or dashes, starting with a letter)",
        fix: 'pass the name of a Cloud DNS managed zone, e.g. "example-com"',
    };
}

/**
 * IPv4 ranges a VPC subnet cannot use.
 * @see https://cloud.google.com/vpc/docs/subnets#prohibited-ipv4-ranges
 */
export const PROHIBITED_SUBNET_RANGES = [
    "0.0.0.0/8",
    "127.0.0.0/8",
    "169.254.0.0/16",
    "224.0.0.0/4",
    "255.255.255.255/32",
    "199.36.153.4/30",
    "199.36.153.8/30",
] as const;

export function subnetRangeProblem(value: string): FormatProblem | undefined {
    const cidr = parseCidr(value);
    if (!cidr) {
        // Syntax is the network-cidr-syntax rule's.
        return undefined;
    }
    const end = cidr.start + 2 ** (32 - cidr.prefixLength);
    for (const text of PROHIBITED_SUBNET_RANGES) {
        const banned = parseCidr(text)!;
        const bannedEnd = banned.start + 2 ** (32 - banned.prefixLength);
        if (cidr.start < bannedEnd && banned.start < end) {
            return {
                reason: `overlaps ${text}, a range VPC subnets cannot use`,
                fix: 'use a private range such as 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (e.g. "10.1.2.0/24")',
            };
        }
    }
    return undefined;
}

/**
 * GCP project IDs: 6–30 lowercase letters, digits or hyphens, starting with a letter, not ending with a
 * hyphen (a legacy domain-scoped ID has a `domain:` prefix).
 * @see https://cloud.google.com/resource-manager/docs/creating-managing-projects#before_you_begin
 */
export function projectIdProblem(value: string): FormatProblem | undefined {
    if (/^([a-z0-9.-]+:)?[a-z][-a-z0-9]{4,28}[a-z0-9]$/.test(value)) {
        return undefined;
    }
    return {
        reason: /^\d+$/.test(value)
            ? "is a project number, where the project ID belongs"
            : "is not a project ID (6–30 lowercase letters, digits or hyphens, starting with a letter)",
        fix: 'use the project ID, e.g. "shop-prod-123456" (gcloud projects list shows it)',
    };
}

/** Formats by name, for the constraint table. */
export const formats = {
    bucketName: bucketNameProblem,
    iamMember: iamMemberProblem,
    cloudRunServiceName: cloudRunServiceNameProblem,
    managedZoneName: managedZoneNameProblem,
    subnetRange: subnetRangeProblem,
    projectId: projectIdProblem,
} as const;
export type FormatName = keyof typeof formats;
