/**
 * Google-managed Certificate Manager certificates with DNS authorization, created for a load balancer:
 * which resources a scheme needs (pure), and the builder that creates them under a given parent.
 *
 * Facts (Certificate Manager docs, provider schema in GoogleCloudPlatform/magic-modules
 * mmv1/products/certificatemanager/*.yaml):
 * - A DNS authorization covers one domain and its wildcard; a wildcard certificate is authorized
 *   through its parent domain. `domain`, `location` and `type` are immutable.
 * - Regional certificates (regional internal and regional external proxies) need a DNS authorization
 *   in the same region, of type PER_PROJECT_RECORD; a global authorization gives
 *   `dns authorization doesn't exist` (https://cloud.google.com/certificate-manager/docs/deploy-google-managed-dns-auth).
 * - Cross-region internal proxies take global certificates with scope ALL_REGIONS, referenced
 *   directly; global external and classic proxies take a certificate map (scope DEFAULT).
 * - A certificate's `managed` block, `scope` and `location` are immutable; a map entry's
 *   `certificates` update in place, its `hostname`/`matcher` do not.
 * - DNS authorization lets Certificate Manager provision a certificate before any traffic reaches the
 *   load balancer (docs: domain-authorization).
 *
 * Every domain gets its own certificate (and map entry), named by a hash of what makes it: so adding,
 * removing or changing one domain creates or deletes that domain's resources only, and the
 * certificates that serve the other domains are never replaced.
 */
import * as pulumi from "@pulumi/pulumi";
import { optionalGcp } from "./gcp-modules";
import {
    certificatePlacement,
    CertificatePlacement,
    DnsAuthorizationRecord,
    DnsAuthorizationType,
    CertificateKeyAlgorithm,
    ManagedCertificateArgs,
    PRIVATE_CA_LIFETIME,
    PRIVATE_CA_ROTATION_WINDOW_PERCENTAGE,
} from "./args/certificates";
import { gcpName, replacementSafeName, sanitizeNamePart, shortHash } from "./naming";
import { BuildScope, createChild } from "./builder";
import { Scheme } from "./schemes";

/** The domain a DNS authorization must cover for a certificate domain: a wildcard's parent. */
export function authorizationDomain(domain: string): string {
    return domain.startsWith("*.") ? domain.slice(2) : domain;
}

/**
 * A short, stable key per domain for logical and physical names: `*.shop.example.com` →
 * `wildcard-shop-example-com`. Domains whose keys would collide get a hash of the domain appended,
 * so every domain keeps a key of its own.
 */
export function domainKeys(domains: readonly string[]): Map<string, string> {
    const slug = (d: string) => sanitizeNamePart(d.replace(/^\*\./, "wildcard.")) || "domain";
    const counts = new Map<string, number>();
    const unique = [...new Set(domains)];
    for (const d of unique) counts.set(slug(d), (counts.get(slug(d)) ?? 0) + 1);
    return new Map(unique.map((d) => [d, counts.get(slug(d))! > 1 ? `${slug(d)}-${shortHash(d, 6)}` : slug(d)]));
}

export interface PlannedDnsAuthorization {
    /** Key for names (from the authorized domain). */
    key: string;
    domain: string;
    location: string;
    type: DnsAuthorizationType;
    /** Physical name: hashes domain, location and type, which GCP cannot change in place. */
    name: string;
}

export interface PlannedCertificate {
    key: string;
    domain: string;
    /** Key of the DNS authorization it uses. */
    authorization: string;
    location: string;
    scope: "DEFAULT" | "ALL_REGIONS";
    /** Physical name: hashes everything that forces replacement (domain, location, scope, authorization). */
    name: string;
}

export interface PlannedMapEntry {
    key: string;
    /** The SNI hostname it serves, or undefined for the PRIMARY entry. */
    hostname?: string;
    matcher?: "PRIMARY";
    /** Key of the certificate it serves. */
    certificate: string;
    name: string;
}

/** Everything `createManagedCertificates` creates, decided from plain inputs. */
export interface ManagedCertificatePlan {
    placement: CertificatePlacement;
    authorizations: PlannedDnsAuthorization[];
    certificates: PlannedCertificate[];
    /** Certificate map name and entries (global external and classic), else undefined. */
    map?: { name: string; entries: PlannedMapEntry[] };
}

/**
 * The DNS authorizations, certificates and map entries for `https.managedCertificate`.
 *
 * @example managedCertificatePlan({ scheme: "global-external", prefix: "shop", managedCertificate: { domains: ["shop.example.com"] } })
 */
export function managedCertificatePlan(args: {
    scheme: Scheme;
    region?: string;
    prefix: string;
    managedCertificate: ManagedCertificateArgs;
}): ManagedCertificatePlan {
    const placement = certificatePlacement(args.scheme, args.region);
    const type = args.managedCertificate.dnsAuthorizationType ?? DnsAuthorizationType.PerProjectRecord;
    const domains = [...new Set(args.managedCertificate.domains)];
    const authDomains = [...new Set(domains.map(authorizationDomain))];
    const authKeys = domainKeys(authDomains);
    const certKeys = domainKeys(domains);
    const authorizations = authDomains.map((domain) => {
        const key = authKeys.get(domain)!;
        const location = placement.location;
        return {
            key,
            domain,
            location,
            type,
            name: replacementSafeName([args.prefix, "dns-auth", key], { domain, location, type }),
        };
    });
    const certificates = domains.map((domain) => {
        const key = certKeys.get(domain)!;
        const authorization = authKeys.get(authorizationDomain(domain))!;
        const { location, scope } = placement;
        return {
            key,
            domain,
            authorization,
            location,
            scope,
            name: replacementSafeName([args.prefix, "cert", key], {
                domain,
                location,
                scope,
                authorization: { domain: authorizationDomain(domain), type },
            }),
        };
    });
    if (placement.attach !== "map") {
        return { placement, authorizations, certificates };
    }
    // The PRIMARY entry answers clients that send no SNI, or a name no entry matches, with the first
    // domain's certificate, as a proxy does with its first directly attached certificate.
    const entries: PlannedMapEntry[] = [
        ...certificates.map((c) => ({
            key: c.key,
            hostname: c.domain,
            certificate: c.key,
            name: replacementSafeName([args.prefix, "cert-entry", c.key], { hostname: c.domain }),
        })),
        ...(certificates.length > 0
            ? [
                  {
                      key: "primary",
                      matcher: "PRIMARY" as const,
                      certificate: certificates[0].key,
                      name: replacementSafeName([args.prefix, "cert-entry", "primary"], { matcher: "PRIMARY" }),
                  },
              ]
            : []),
    ];
    return { placement, authorizations, certificates, map: { name: gcpName(args.prefix, "cert-map"), entries } };
}

/** What `createManagedCertificates` made, for the proxy and the DNS records. */
export interface ManagedCertificates {
    /** Certificate ids in domain order (`projects/p/locations/l/certificates/n`). */
    certificateIds: pulumi.Output<string>[];
    /** The map reference a TargetHttpsProxy takes (`//certificatemanager.googleapis.com/<id>`), map schemes only. */
    certificateMap?: pulumi.Output<string>;
    /** Id of the certificate map, map schemes only. */
    certificateMapId?: pulumi.Output<string>;
    /** Per DNS authorization: its key and the CNAME to publish. */
    authorizations: { key: string; domain: string; record: pulumi.Output<DnsAuthorizationRecord> }[];
}

/** The proxy's `certificateMap` value for a map id (the format TargetHttpsProxy documents). */
export function certificateMapReference(mapId: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.interpolate`//certificatemanager.googleapis.com/${mapId}`;
}

/**
 * Creates the DNS authorizations, certificates and (global external, classic) the certificate map
 * with its entries under `scope.parent`, named `${name}-dns-auth-<domain>`, `${name}-cert-<domain>`,
 * `${name}-cert-map` and `${name}-cert-map-entry-<domain>`.
 */
export function createManagedCertificates(
    name: string,
    args: {
        scheme: Scheme;
        region?: string;
        project?: pulumi.Input<string>;
        prefix: string;
        managedCertificate: ManagedCertificateArgs;
    },
    scope: BuildScope,
): ManagedCertificates {
    if (args.managedCertificate.caPool !== undefined) {
        return createPrivateCaCertificates(name, { ...args, caPool: args.managedCertificate.caPool }, scope);
    }
    const plan = managedCertificatePlan(args);
    const authorizationIds = new Map<string, pulumi.Output<string>>();
    const authorizations = plan.authorizations.map((a) => {
        const resource = createChild(
            optionalGcp.certificatemanager.DnsAuthorization,
            `${name}-dns-auth-${a.key}`,
            { name: a.name, project: args.project, location: a.location, domain: a.domain, type: a.type },
            scope,
        );
        authorizationIds.set(a.key, resource.id);
        const record = resource.dnsResourceRecords.apply((records) => {
            const r = records?.[0];
            return { domain: a.domain, name: r?.name ?? "", type: r?.type ?? "CNAME", data: r?.data ?? "" };
        });
        return { key: a.key, domain: a.domain, record };
    });
    const certificateIds = new Map<string, pulumi.Output<string>>();
    for (const c of plan.certificates) {
        certificateIds.set(
            c.key,
            createChild(
                optionalGcp.certificatemanager.Certificate,
                `${name}-cert-${c.key}`,
                {
                    name: c.name,
                    project: args.project,
                    location: c.location,
                    scope: c.scope,
                    managed: { domains: [c.domain], dnsAuthorizations: [authorizationIds.get(c.authorization)!] },
                },
                scope,
            ).id,
        );
    }
    const result: ManagedCertificates = {
        certificateIds: plan.certificates.map((c) => certificateIds.get(c.key)!),
        authorizations,
    };
    if (plan.map) {
        Object.assign(result, createCertificateMap(name, args.project, plan.map, certificateIds, scope));
    }
    return result;
}

/** The certificate map and its entries (global external, classic), for certificates already created. */
function createCertificateMap(
    name: string,
    project: pulumi.Input<string> | undefined,
    plan: NonNullable<ManagedCertificatePlan["map"]>,
    certificateIds: Map<string, pulumi.Output<string>>,
    scope: BuildScope,
): Pick<ManagedCertificates, "certificateMap" | "certificateMapId"> {
    const map = createChild(
        optionalGcp.certificatemanager.CertificateMap,
        `${name}-cert-map`,
        { name: plan.name, project },
        scope,
    );
    for (const entry of plan.entries) {
        createChild(
            optionalGcp.certificatemanager.CertificateMapEntry,
            `${name}-cert-map-entry-${entry.key}`,
            {
                name: entry.name,
                project,
                map: map.name,
                hostname: entry.hostname,
                matcher: entry.matcher,
                certificates: [certificateIds.get(entry.certificate)!],
            },
            scope,
        );
    }
    return { certificateMapId: map.id, certificateMap: certificateMapReference(map.id) };
}

/** The role the Certificate Manager service agent needs on a CA pool to request certificates from it. */
export const CA_POOL_REQUESTER_ROLE = "roles/privateca.certificateRequester";

/**
 * Certificates issued from a CA Service pool (https://cloud.google.com/certificate-manager/docs/deploy-google-managed-cas):
 * the Certificate Manager service agent (`projects.ServiceIdentity`, as `gcloud beta services identity create
 * --service=certificatemanager.googleapis.com` makes it), its `roles/privateca.certificateRequester` grant on
 * the pool, a certificate issuance config in the certificates' location (30-day lifetime, renewal at 66%,
 * Google's defaults) and one certificate per domain with `managed.issuanceConfig`; a certificate map on global
 * external and classic. No DNS authorizations. Every field of an issuance config and a certificate's `managed`
 * block are immutable, so the issuance config's name hashes its pool, location and key algorithm, and each
 * certificate's name hashes the issuance config's: a new pool creates new ones before the old go.
 */
function createPrivateCaCertificates(
    name: string,
    args: {
        scheme: Scheme;
        region?: string;
        project?: pulumi.Input<string>;
        prefix: string;
        managedCertificate: ManagedCertificateArgs;
        caPool: pulumi.Input<string>;
    },
    scope: BuildScope,
): ManagedCertificates {
    const { certificatemanager, projects } = optionalGcp;
    const placement = certificatePlacement(args.scheme, args.region);
    const keyAlgorithm = args.managedCertificate.keyAlgorithm ?? CertificateKeyAlgorithm.Rsa2048;
    const agent = createChild(
        projects.ServiceIdentity,
        `${name}-certificate-manager-agent`,
        { project: args.project, service: "certificatemanager.googleapis.com" },
        scope,
    );
    const grant = createChild(
        optionalGcp.certificateauthority.CaPoolIamMember,
        `${name}-ca-pool-requester`,
        { caPool: args.caPool, role: CA_POOL_REQUESTER_ROLE, member: agent.member },
        scope,
    );
    const issuanceName = pulumi
        .output(args.caPool)
        .apply((caPool) =>
            replacementSafeName([args.prefix, "issuance"], { caPool, location: placement.location, keyAlgorithm }),
        );
    const issuance = createChild(
        certificatemanager.CertificateIssuanceConfig,
        `${name}-issuance-config`,
        {
            name: issuanceName,
            project: args.project,
            location: placement.location,
            description: "Issues the load balancer's certificates from a CA Service pool (cloudrun-lb)",
            certificateAuthorityConfig: { certificateAuthorityServiceConfig: { caPool: args.caPool } },
            keyAlgorithm,
            lifetime: PRIVATE_CA_LIFETIME,
            rotationWindowPercentage: PRIVATE_CA_ROTATION_WINDOW_PERCENTAGE,
        },
        scope,
        { dependsOn: [grant] },
    );
    const domains = [...new Set(args.managedCertificate.domains)];
    const keys = domainKeys(domains);
    const certificateIds = new Map<string, pulumi.Output<string>>();
    for (const domain of domains) {
        const key = keys.get(domain)!;
        const { location, scope: certificateScope } = placement;
        certificateIds.set(
            key,
            createChild(
                certificatemanager.Certificate,
                `${name}-cert-${key}`,
                {
                    name: issuanceName.apply((issuanceConfig) =>
                        replacementSafeName([args.prefix, "cert", key], {
                            domain,
                            location,
                            scope: certificateScope,
                            issuanceConfig,
                        }),
                    ),
                    project: args.project,
                    location,
                    scope: certificateScope,
                    managed: { domains: [domain], issuanceConfig: issuance.id },
                },
                scope,
            ).id,
        );
    }
    const result: ManagedCertificates = {
        certificateIds: domains.map((d) => certificateIds.get(keys.get(d)!)!),
        authorizations: [],
    };
    const plan = managedCertificatePlan(args);
    if (plan.map) {
        Object.assign(result, createCertificateMap(name, args.project, plan.map, certificateIds, scope));
    }
    return result;
}
