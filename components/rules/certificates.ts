import { certificatePlacement, CertificateKeyAlgorithm, ManagedCertificateArgs } from "../args/certificates";
import { DnsArgs, dnsRecordNames, relativeDomain } from "../args/dns";
import { Scheme, supports } from "../schemes";
import { Finding, known, quoteValue, Rule } from "../validation";
import { DOMAIN, domainFix } from "./common";

/** Certificate Manager certificates a target proxy references directly (https://cloud.google.com/certificate-manager/docs/quotas). */
export const MAX_DIRECT_CERTIFICATE_MANAGER_CERTIFICATES = 100;

/** A CA Service pool's id: `projects/<project>/locations/<region>/caPools/<pool>` (CertificateIssuanceConfig.caPool). */
const CA_POOL = /^projects\/[^/]+\/locations\/[a-z]+-[a-z]+[0-9]+\/caPools\/[^/]+$/;
const KEY_ALGORITHMS: readonly string[] = Object.values(CertificateKeyAlgorithm);

/** What the certificate and DNS rules read: the frontend's fields they check. */
export interface CertificateDnsContext {
    scheme: Scheme;
    https?: {
        managedCertificate?: ManagedCertificateArgs;
        managedDomains?: string[];
        certificate?: unknown;
        certificates?: unknown[];
        certificateManagerCertificates?: unknown[];
        certificateMap?: unknown;
    };
    dns?: DnsArgs;
}

/** A lowercase FQDN, or one wildcard label followed by one (`*.example.com`). */
const WILDCARD_OR_DOMAIN = (name: string) => DOMAIN.test(name.startsWith("*.") ? name.slice(2) : name);

/**
 * Problems of a list of names. `absolute`: a name may end with the dot of its absolute form (Cloud DNS record
 * names, https://cloud.google.com/dns/docs/records-overview), and is compared without it.
 */
function nameFindings(field: string, given: readonly string[], absolute = false): Finding[] {
    const findings: Finding[] = [];
    const names = absolute ? given.map(relativeDomain) : given;
    names.forEach((name, i) => {
        if (!WILDCARD_OR_DOMAIN(name)) {
            findings.push({
                field: `${field}[${i}]`,
                message: `${quoteValue(given[i])} is not a fully qualified domain name or a wildcard such as "*.example.com"`,
                fix: domainFix(name, { absolute, wildcards: true }),
            });
        }
        if (names.indexOf(name) !== i) {
            findings.push({
                field: `${field}[${i}]`,
                message: `${quoteValue(given[i])} is listed more than once`,
                fix: "list each name once",
            });
        }
    });
    return findings;
}

function computeCertificateFields(https: NonNullable<CertificateDnsContext["https"]>): string[] {
    return [
        https.certificate !== undefined ? "https.certificate" : undefined,
        (https.certificates?.length ?? 0) > 0 ? "https.certificates" : undefined,
        https.managedDomains !== undefined ? "https.managedDomains" : undefined,
    ].filter((f): f is string => f !== undefined);
}

export const certificateDnsRules: Rule<CertificateDnsContext>[] = [
    {
        id: "managed-certificate",
        component: "Frontend",
        summary:
            "Certificate Manager domains are lowercase FQDNs or `*.` wildcards, listed once; the certificates combine with the proxy's other certificate sources the way GCP allows (at most 100 referenced directly)",
        prevents:
            "`dns authorization doesn't exist` or `Invalid value for field 'managed.domains'` at apply, a proxy GCP refuses (Certificate Manager with Compute certificates, two certificate maps), and certificates that never provision",
        fix: 'list domains such as "shop.example.com" or "*.shop.example.com"',
        check: (args) => {
            const https = args.https;
            const managed = https?.managedCertificate;
            if (!https || !managed) {
                return [];
            }
            const field = "https.managedCertificate";
            const findings: Finding[] = [];
            const domains = managed.domains ?? [];
            if (domains.length === 0) {
                findings.push({
                    field: `${field}.domains`,
                    message: "is empty",
                    fix: "list the domains to certify, or remove https.managedCertificate",
                });
            }
            findings.push(...nameFindings(`${field}.domains`, domains));
            const placement = certificatePlacement(args.scheme, undefined);
            if (https.certificateMap !== undefined) {
                findings.push({
                    field,
                    message: "is given together with https.certificateMap; a target proxy takes one certificate map",
                    fix: "put these domains' certificates in your map and remove https.managedCertificate, or remove https.certificateMap",
                });
            }
            const compute = computeCertificateFields(https);
            if (compute.length > 0) {
                findings.push({
                    field,
                    message:
                        placement.attach === "map"
                            ? `is served through a certificate map, which a target proxy does not take together with Compute certificates (${compute.join(", ")})`
                            : `creates Certificate Manager certificates, which a target proxy does not take together with Compute certificates (${compute.join(", ")})`,
                    fix: "move those domains into https.managedCertificate.domains, or remove https.managedCertificate",
                });
            }
            const direct = domains.length + (https.certificateManagerCertificates?.length ?? 0);
            if (placement.attach === "direct" && direct > MAX_DIRECT_CERTIFICATE_MANAGER_CERTIFICATES) {
                findings.push({
                    field: `${field}.domains`,
                    message: `${direct} Certificate Manager certificates (one per domain, plus https.certificateManagerCertificates); a target proxy takes at most ${MAX_DIRECT_CERTIFICATE_MANAGER_CERTIFICATES}`,
                    fix: "cover several names with one wildcard domain (*.example.com), or split the domains over several load balancers",
                });
            }
            return findings;
        },
    },
    {
        id: "dns-records",
        component: "Frontend",
        summary:
            "DNS records name a managed zone and at least one valid name (given, or from the certificates' domains), a positive TTL, and an authorization zone only for a managed certificate",
        prevents:
            "`Invalid value for 'entity.change.additions[0].name'` and missing zones at apply, and a `dns` block that silently creates nothing",
        fix: 'give dns.zone (a managed zone name) and dns.names, e.g. ["shop.example.com"]',
        check: (args) => {
            const dns = args.dns;
            if (!dns) {
                return [];
            }
            const findings: Finding[] = [];
            const zone = known(dns.zone);
            if (zone !== undefined && zone.trim() === "") {
                findings.push({
                    field: "dns.zone",
                    message: "is empty",
                    fix: 'give the name of a Cloud DNS managed zone, e.g. "shop-example-com"',
                });
            }
            const names = dnsRecordNames({
                dns,
                managedCertificate: args.https?.managedCertificate,
                managedDomains: supports(args.scheme, "googleManagedCertificate") ? args.https?.managedDomains : [],
            });
            if (names.length === 0) {
                findings.push({
                    field: "dns.names",
                    message:
                        dns.names === undefined
                            ? "is unset and the load balancer has no certificate domain to take names from, so no record would be created"
                            : "is empty, so no record would be created",
                    fix: 'list the names to point at the load balancer, e.g. ["shop.example.com"], or remove dns',
                });
            }
            if (dns.names !== undefined) {
                findings.push(...nameFindings("dns.names", dns.names, true));
            }
            if (dns.ttl !== undefined && !(Number.isInteger(dns.ttl) && dns.ttl > 0)) {
                findings.push({
                    field: "dns.ttl",
                    message: `${dns.ttl} is not a positive whole number of seconds`,
                    fix: "use e.g. 300 (the default)",
                });
            }
            if (dns.authorizationZone !== undefined && args.https?.managedCertificate === undefined) {
                findings.push({
                    field: "dns.authorizationZone",
                    message:
                        "is set but there is no https.managedCertificate, so there is no authorization record to put in it",
                    fix: "remove dns.authorizationZone, or add https.managedCertificate",
                });
            }
            return findings;
        },
    },
    {
        id: "private-ca-certificate",
        component: "Frontend",
        summary:
            "A private-CA managed certificate names a CA Service pool (projects/<p>/locations/<region>/caPools/<name>), a key algorithm GCP offers, and no DNS authorization settings",
        prevents:
            "`Invalid value for field 'certificateAuthorityConfig.certificateAuthorityServiceConfig.caPool'` at apply, and DNS authorization settings silently ignored",
        fix: 'give caPool as "projects/<project>/locations/<region>/caPools/<pool>" (e.g. a privateca.CaPool\'s id)',
        check: (args) => {
            const managed = args.https?.managedCertificate;
            if (managed?.caPool === undefined) {
                return managed?.keyAlgorithm !== undefined
                    ? [
                          {
                              field: "https.managedCertificate.keyAlgorithm",
                              message:
                                  "is set but the certificates come from a public CA (no caPool), whose keys GCP picks",
                              fix: "remove keyAlgorithm, or set caPool",
                          },
                      ]
                    : [];
            }
            const findings: Finding[] = [];
            const pool = known(managed.caPool);
            if (pool !== undefined && !CA_POOL.test(pool)) {
                findings.push({
                    field: "https.managedCertificate.caPool",
                    message: `"${pool}" is not a CA pool (projects/<project>/locations/<region>/caPools/<pool>)`,
                });
            }
            if (managed.dnsAuthorizationType !== undefined) {
                findings.push({
                    field: "https.managedCertificate.dnsAuthorizationType",
                    message: "is set but the certificates come from the CA pool, which needs no DNS authorization",
                    fix: "remove dnsAuthorizationType, or remove caPool to use a public CA with DNS authorization",
                });
            }
            if (managed.keyAlgorithm !== undefined && !KEY_ALGORITHMS.includes(managed.keyAlgorithm)) {
                findings.push({
                    field: "https.managedCertificate.keyAlgorithm",
                    message: `"${String(managed.keyAlgorithm)}" is not a key algorithm Certificate Manager offers`,
                    fix: `use ${KEY_ALGORITHMS.map((k) => `"${k}"`).join(" or ")}`,
                });
            }
            if (args.dns?.authorizationZone !== undefined) {
                findings.push({
                    field: "dns.authorizationZone",
                    message: "is set but certificates from a CA pool have no DNS authorization records",
                    fix: "remove dns.authorizationZone",
                });
            }
            return findings;
        },
    },
];
