import { SSL_CUSTOM_FEATURES } from "../constraints/table";
import { excerpt } from "../constraints/formats";
import type { FrontendArgs } from "../args/frontend";
import { frontendRegions, redirectsHttp } from "../args/frontend";
import { relativeDomain } from "../args/dns";
import { Feature, regionalFrontend, schemeProfile, supports } from "../schemes";
import { Finding, known, quoteValue, Rule, runRules } from "../validation";
import { certificateDnsRules } from "./certificates";
import { clientCertificateRules } from "./mtls";
import {
    certificateManagerMismatch,
    certificateManagerPlacement,
    parseCertificateManagerLink,
} from "./certificate-manager";
import {
    DOMAIN,
    domainFix,
    IPV4,
    linkMismatch,
    portFinding,
    regionFinding,
    SchemeOption,
    schemeOptionFindings,
} from "./common";

/** Compute SSL certificates per target proxy, Certificate Manager certificates per proxy, domains per managed certificate (https://cloud.google.com/load-balancing/docs/quotas, https://cloud.google.com/certificate-manager/docs/quotas). */
export const MAX_COMPUTE_CERTIFICATES = 15;
export const MAX_CERTIFICATE_MANAGER_CERTIFICATES = 100;
export const MAX_MANAGED_DOMAINS = 100;
/** The first domain of a Google-managed certificate becomes its subject's common name (https://cloud.google.com/load-balancing/docs/ssl-certificates/google-managed-certs). */
export const MAX_FIRST_DOMAIN_LENGTH = 64;

/** GCP label keys and values (lowercase letters, digits, `_`, `-`; keys start with a letter). */
const LABEL_KEY = /^\p{Ll}[\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u;
const LABEL_VALUE = /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u;
const MAX_LABELS = 64;

/** Frontend options some schemes lack (see `featureTable`). */
export const frontendOptions: SchemeOption<FrontendArgs>[] = [
    { feature: "allowGlobalAccess", field: "allowGlobalAccess", isSet: (a) => a.allowGlobalAccess !== undefined },
    { feature: "standardTier", field: "networkTier", isSet: (a) => a.networkTier === "STANDARD" },
    { feature: "ipv6", field: "ipv6", isSet: (a) => a.ipv6 === true },
    {
        feature: "googleManagedCertificate",
        field: "https.managedDomains",
        isSet: (a) => a.https?.managedDomains !== undefined,
    },
    { feature: "selfManagedCertificate", field: "https.certificate", isSet: (a) => a.https?.certificate !== undefined },
    {
        feature: "selfManagedCertificate",
        field: "https.certificates",
        isSet: (a) => (a.https?.certificates?.length ?? 0) > 0,
    },
    { feature: "certificateMap", field: "https.certificateMap", isSet: (a) => a.https?.certificateMap !== undefined },
    {
        feature: "certificateManagerCertificates",
        field: "https.certificateManagerCertificates",
        isSet: (a) => a.https?.certificateManagerCertificates !== undefined,
    },
    {
        feature: "fixedRecordDnsAuthorization",
        field: "https.managedCertificate.dnsAuthorizationType",
        isSet: (a) => a.https?.managedCertificate?.dnsAuthorizationType === "FIXED_RECORD",
    },
    { feature: "quicOverride", field: "https.quic", isSet: (a) => a.https?.quic !== undefined },
    { feature: "httpsRedirect", field: "https.redirectHttp", isSet: (a) => a.https?.redirectHttp === true },
    { feature: "sslPolicy", field: "https.sslPolicy", isSet: (a) => a.https?.sslPolicy !== undefined },
];

/** The certificate sources the scheme takes, as a fix: "give A, B or C". */
function certificateFix(args: FrontendArgs): string {
    const sources: [Feature, string][] = [
        ["managedCertificate", "https.managedCertificate (Google-managed through Certificate Manager, DNS-authorized)"],
        ["selfManagedCertificate", "https.certificate (certificate + private key)"],
        ["selfManagedCertificate", "https.certificates (existing certificate ids)"],
        ["googleManagedCertificate", "https.managedDomains (a Google-managed certificate)"],
        ["certificateManagerCertificates", "https.certificateManagerCertificates"],
        ["certificateMap", "https.certificateMap"],
    ];
    const offered = sources.filter(([feature]) => supports(args.scheme, feature)).map(([, option]) => option);
    const last = offered[offered.length - 1];
    return offered.length === 1 ? `give ${last}` : `give ${offered.slice(0, -1).join(", ")} or ${last}`;
}

function domainFindings(domains: string[]): Finding[] {
    const findings: Finding[] = [];
    const field = "https.managedDomains";
    if (domains.length === 0) {
        findings.push({ field, message: "is empty", fix: "list the domains the certificate covers, or remove it" });
    }
    if (domains.length > MAX_MANAGED_DOMAINS) {
        findings.push({
            field,
            message: `${domains.length} domains given; a Google-managed certificate covers at most ${MAX_MANAGED_DOMAINS}`,
            fix: "split the domains over several load balancers, or use a Certificate Manager certificate map (https.certificateMap)",
        });
    }
    // A domain may be written absolute ("shop.example.com."): the Compute API takes both forms of one name
    // (the provider's ManagedSslCertificate domains: AbsoluteDomainSuppress).
    const relative = domains.map(relativeDomain);
    relative.forEach((domain, i) => {
        const at = `${field}[${i}]`;
        if (domain.startsWith("*.")) {
            findings.push({
                field: at,
                message: `${quoteValue(domains[i])} is a wildcard; Google-managed Compute certificates do not cover wildcard domains`,
                fix: "list each name, or use a Certificate Manager certificate with DNS authorization in a certificate map (https.certificateMap)",
            });
        } else if (!DOMAIN.test(domain)) {
            findings.push({
                field: at,
                message: `${quoteValue(domains[i])} is not a fully qualified domain name`,
                fix: domainFix(domain, { absolute: true, wildcards: false }),
            });
        }
        if (relative.indexOf(domain) !== i) {
            findings.push({
                field: at,
                message: `${quoteValue(domains[i])} is listed more than once`,
                fix: "list each domain once",
            });
        }
    });
    if (relative.length > 0 && relative[0].length > MAX_FIRST_DOMAIN_LENGTH) {
        findings.push({
            field: `${field}[0]`,
            message: `${quoteValue(domains[0])} is ${relative[0].length} characters long; the first domain becomes the certificate's common name, at most ${MAX_FIRST_DOMAIN_LENGTH}`,
            fix: `put a domain of at most ${MAX_FIRST_DOMAIN_LENGTH} characters first`,
        });
    }
    return findings;
}

/** The region regional resources of the frontend live in, or undefined for global ones. */
function regionalScope(args: FrontendArgs): string | undefined {
    const profile = schemeProfile(args.scheme);
    return profile.scope === "regional" ? args.regions?.[0] : undefined;
}

/**
 * The FrontendArgs rules only a standalone Frontend runs: over its regions (inside a load balancer, its own rule
 * `lb-region` checks them) and over what it cannot build without the load balancer's backends and URL map.
 */
export const frontendStandaloneRules: Rule<FrontendArgs>[] = [
    {
        id: "frontend-mtls-headers",
        component: "Frontend",
        summary:
            "A standalone Frontend takes no mTLS headers: GCP sets them on the backend services or the URL map, which it does not build",
        prevents: "mTLS headers that are silently never sent to the backends",
        fix: "set the headers where your backends are (customRequestHeaders with {client_cert_…} variables), or use ApplicationLoadBalancer",
        check: (args) =>
            Object.keys(args.https?.clientCertificates?.headers ?? {}).length === 0
                ? []
                : [
                      {
                          field: "https.clientCertificates.headers",
                          message: `are set on the ${schemeProfile(args.scheme).clientCertificateHeadersOn === "url-map" ? "URL map" : "backend services"} on the ${schemeProfile(args.scheme).title}, which a standalone Frontend does not build, so they would never reach a backend`,
                          fix:
                              schemeProfile(args.scheme).clientCertificateHeadersOn === "url-map"
                                  ? "drop headers here and add them to your URL map's headerAction.requestHeadersToAdds (values like {client_cert_present}), or use ApplicationLoadBalancer, which sets them"
                                  : 'drop headers here and add them to each backend service\'s customRequestHeaders (e.g. "X-Client-Cert-Present:{client_cert_present}"), or use ApplicationLoadBalancer, which sets them',
                      },
                  ],
    },
    {
        id: "frontend-region",
        component: "Frontend",
        summary:
            "Regional and internal schemes (and classic in Standard Tier) have a region for their forwarding rule(s)",
        prevents: "a regional forwarding rule with no region",
        fix: 'set region (e.g. "europe-west1"); cross-region internal takes regions: ["europe-west1", "us-central1"]',
        check: (args) => {
            const profile = schemeProfile(args.scheme);
            if (profile.scope === "global" && !profile.internal && !regionalFrontend(args.scheme, args.networkTier)) {
                return [];
            }
            const regions = args.regions ?? [];
            if (regions.length === 0) {
                return regionFinding("region", undefined);
            }
            return regions.flatMap((r, i) => regionFinding(regions.length === 1 ? "region" : `regions[${i}]`, r));
        },
    },
];

const frontendSettingRules: Rule<FrontendArgs>[] = [
    {
        id: "https-certificate",
        component: "Frontend",
        summary:
            "HTTPS has a certificate source, and the sources combine the way target proxies allow (no map with others, no Compute with Certificate Manager certificates, at most 15 Compute / 100 Certificate Manager certificates)",
        prevents:
            "`Invalid value for field 'resource.sslCertificates'` when creating the HTTPS proxy, and proxies GCP refuses (sslCertificates and certificateManagerCertificates can not be defined together)",
        fix: "give https.managedCertificate, https.certificate, https.certificates, https.managedDomains, https.certificateManagerCertificates or https.certificateMap",
        check: (args) => {
            const https = args.https;
            if (!https) {
                return [];
            }
            const compute =
                (https.certificates?.length ?? 0) +
                (https.certificate ? 1 : 0) +
                (https.managedDomains !== undefined ? 1 : 0);
            const manager = https.certificateManagerCertificates?.length ?? 0;
            const hasMap = https.certificateMap !== undefined;
            if (compute === 0 && manager === 0 && !hasMap && https.managedCertificate === undefined) {
                return [
                    { field: "https", message: "HTTPS is on but no certificate is given", fix: certificateFix(args) },
                ];
            }
            const findings: Finding[] = [];
            if (hasMap && compute + manager > 0) {
                findings.push({
                    field: "https.certificateMap",
                    message: "a certificate map is given together with other certificates",
                    fix: "put every certificate in the map, or drop https.certificateMap",
                });
            } else if (compute > 0 && manager > 0) {
                findings.push({
                    field: "https.certificateManagerCertificates",
                    message:
                        "Certificate Manager certificates are given together with Compute certificates (certificate, certificates or managedDomains); a target proxy takes one kind",
                    fix: "use one kind: Certificate Manager certificates only, or Compute certificates only",
                });
            }
            if (compute > MAX_COMPUTE_CERTIFICATES) {
                findings.push({
                    field: "https.certificates",
                    message: `${compute} Compute certificates; a target proxy takes at most ${MAX_COMPUTE_CERTIFICATES}`,
                    fix: supports(args.scheme, "certificateMap")
                        ? "combine domains into certificates with several SANs, or use a Certificate Manager certificate map (https.certificateMap)"
                        : `combine domains into certificates with several SANs, or use up to ${MAX_CERTIFICATE_MANAGER_CERTIFICATES} Certificate Manager certificates (https.certificateManagerCertificates)`,
                });
            }
            if (manager > MAX_CERTIFICATE_MANAGER_CERTIFICATES) {
                findings.push({
                    field: "https.certificateManagerCertificates",
                    message: `${manager} certificates; a target proxy takes at most ${MAX_CERTIFICATE_MANAGER_CERTIFICATES}`,
                    fix: "use fewer certificates, e.g. a wildcard certificate",
                });
            }
            return findings;
        },
    },
    {
        id: "managed-domains",
        component: "Frontend",
        summary:
            "Google-managed certificate domains are lowercase FQDNs (absolute or not), no wildcards, no duplicates, at most 100, the first at most 64 characters",
        prevents:
            "a managed certificate GCP rejects at apply or never provisions (`Invalid value for field 'resource.managed.domains[0]'`)",
        fix: 'list fully qualified lowercase names such as "shop.example.com"',
        check: (args) => (args.https?.managedDomains ? domainFindings(args.https.managedDomains) : []),
    },
    {
        id: "ssl-policy",
        component: "Frontend",
        summary:
            "An SSL policy is either an existing one or settings for a new one; CUSTOM profiles, and only they, list their features; TLS 1.3 minimum only with RESTRICTED, FIPS_202205 only with TLS 1.2",
        prevents:
            "`Invalid value for field 'resource.customFeatures'` at apply (custom features outside a CUSTOM profile, or a CUSTOM profile without them), and profile/minimum TLS pairs the Compute API refuses (SslPolicy: TLS_1_3 needs RESTRICTED; FIPS_202205 needs TLS_1_2)",
        fix: 'give https.sslPolicy.existing alone, or profile/minTlsVersion (customFeatures only with profile "CUSTOM")',
        check: (args) => {
            const policy = args.https?.sslPolicy;
            if (!policy) {
                return [];
            }
            const findings: Finding[] = [];
            const settings = (["profile", "minTlsVersion", "customFeatures"] as const).filter(
                (k) => policy[k] !== undefined,
            );
            if (policy.existing !== undefined && settings.length > 0) {
                findings.push({
                    field: "https.sslPolicy.existing",
                    message: `an existing SSL policy is given together with ${settings.map((k) => `sslPolicy.${k}`).join(", ")}`,
                    fix: "remove the settings (the existing policy has its own), or remove existing to create a policy",
                });
            }
            const custom = policy.profile === "CUSTOM";
            if (custom && (policy.customFeatures?.length ?? 0) === 0) {
                findings.push({
                    field: "https.sslPolicy.customFeatures",
                    message: 'profile "CUSTOM" needs the list of enabled features',
                    fix: 'list cipher suites, e.g. ["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"], or use profile "MODERN" or "RESTRICTED"',
                });
            }
            if (custom) {
                // The constraint table's list (components/constraints/table.ts), checked here where the profile is known.
                (policy.customFeatures ?? []).forEach((feature, i) => {
                    if (!(SSL_CUSTOM_FEATURES as readonly string[]).includes(feature)) {
                        findings.push({
                            field: `https.sslPolicy.customFeatures[${i}]`,
                            message: `${excerpt(feature)} is not an SSL policy feature GCP offers`,
                            fix: `use features from sslPolicies.listAvailableFeatures: ${SSL_CUSTOM_FEATURES.join(", ")}`,
                        });
                    }
                });
            }
            if (!custom && policy.customFeatures !== undefined) {
                findings.push({
                    field: "https.sslPolicy.customFeatures",
                    message: `is set but the profile is ${quoteValue(policy.profile ?? "MODERN")}; custom features apply only to profile "CUSTOM"`,
                    fix: 'set profile: "CUSTOM", or remove customFeatures',
                });
            }
            // Compute API SslPolicy: "When set to TLS_1_3, the profile field must be set to RESTRICTED"; "If using
            // FIPS_202205, the min_tls_version field must be set to TLS_1_2". The package's defaults: MODERN, TLS_1_2.
            const profile = policy.profile ?? "MODERN";
            const minTls = policy.minTlsVersion ?? "TLS_1_2";
            if (policy.existing === undefined && minTls === "TLS_1_3" && profile !== "RESTRICTED") {
                findings.push({
                    field: "https.sslPolicy.minTlsVersion",
                    message: `"TLS_1_3" needs profile "RESTRICTED", and the profile is ${quoteValue(profile)}`,
                    fix: 'set profile: "RESTRICTED", or use minTlsVersion "TLS_1_2"',
                });
            }
            if (policy.existing === undefined && profile === "FIPS_202205" && minTls !== "TLS_1_2") {
                findings.push({
                    field: "https.sslPolicy.minTlsVersion",
                    message: `is ${quoteValue(minTls)}, but profile "FIPS_202205" takes only "TLS_1_2"`,
                    fix: 'set minTlsVersion: "TLS_1_2", or leave it out (its default)',
                });
            }
            return findings;
        },
    },
    {
        id: "https-redirect",
        component: "Frontend",
        summary: "The HTTP→HTTPS redirect shares a reserved IP with HTTPS on port 443, on a different port than HTTPS",
        prevents:
            "a redirect to a port nothing listens on, two forwarding rules on one IP:port (`IP address and port already in use`), or an ephemeral IP the redirect rule cannot share",
        fix: "serve HTTPS on 443 with a reserved address, or set https.redirectHttp: false",
        check: (args) => {
            if (!redirectsHttp(args)) {
                return [];
            }
            const findings: Finding[] = [];
            const httpsPort = args.https?.port ?? 443;
            const httpPort = args.httpPort ?? 80;
            if (httpsPort !== 443) {
                findings.push({
                    field: "https.port",
                    message: `HTTPS listens on ${httpsPort}, but the HTTP→HTTPS redirect sends clients to port 443`,
                });
            }
            if (httpPort === httpsPort) {
                findings.push({
                    field: "httpPort",
                    message: `the redirect's HTTP rule and the HTTPS rule would both use port ${httpPort} on the same IP`,
                    fix: "use another httpPort (80 by default), or set https.redirectHttp: false",
                });
            }
            if (args.address?.create === false && args.address.existing === undefined) {
                findings.push({
                    field: "address.create",
                    message:
                        "is false, so the IP is ephemeral, but the HTTP→HTTPS redirect rule must share the HTTPS rule's reserved IP",
                    fix: "leave address.create on (the default), give address.existing, or set https.redirectHttp: false",
                });
            }
            return findings;
        },
    },
    {
        id: "certificate-pem",
        component: "Frontend",
        summary: "A self-managed certificate and key are PEM",
        prevents: "`The SSL certificate could not be parsed` / `The SSL key could not be parsed` at apply",
        // The fixes name the PEM markers in words: a literal BEGIN line would itself be redacted as a PEM block.
        fix: "pass the PEM text itself (the file's content, from its BEGIN line to its END line), not a file path",
        check: (args) => {
            const cert = args.https?.certificate;
            if (!cert) {
                return [];
            }
            const findings: Finding[] = [];
            const certificate = known(cert.certificate);
            if (certificate !== undefined && !certificate.includes("-----BEGIN CERTIFICATE-----")) {
                findings.push({
                    field: "https.certificate.certificate",
                    message: "is not a PEM certificate (no BEGIN CERTIFICATE line)",
                    fix: 'pass the certificate\'s PEM text, e.g. fs.readFileSync("cert.pem", "utf8") or config.require("tlsCertificate"), not the file path',
                });
            }
            const key = known(cert.privateKey);
            if (key !== undefined && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) {
                // Never echo the key itself.
                findings.push({
                    field: "https.certificate.privateKey",
                    message: "is not a PEM private key (no BEGIN … PRIVATE KEY line)",
                    fix: 'pass the key\'s PEM text as a secret, e.g. config.requireSecret("tlsPrivateKey"), not the file path',
                });
            }
            return findings;
        },
    },
    {
        id: "frontend-ports",
        component: "Frontend",
        summary: "Forwarding rule ports are 1–65535",
        prevents: "`Invalid value for field 'resource.portRange'` at apply",
        fix: "use a whole number from 1 to 65535",
        check: (args) => [...portFinding("https.port", args.https?.port), ...portFinding("httpPort", args.httpPort)],
    },
    {
        id: "frontend-address",
        component: "Frontend",
        summary: "A requested IP is an IPv4 literal, and an existing address excludes reserving a new one",
        prevents: "`Invalid value for field 'resource.address'` at apply",
        fix: "give address.ip as a.b.c.d inside the subnet, or address.existing alone",
        check: (args) => {
            const findings: Finding[] = [];
            const address = args.address;
            if (!address) {
                return findings;
            }
            const requested = [
                ...(address.ip !== undefined ? [["address.ip", address.ip]] : []),
                ...Object.entries(address.ips ?? {}).map(([r, ip]) => [`address.ips.${r}`, ip]),
            ];
            const internal = schemeProfile(args.scheme).internal;
            for (const [field, ip] of requested) {
                if (!IPV4.test(ip)) {
                    findings.push({ field, message: `${quoteValue(ip)} is not an IPv4 address` });
                } else if (!internal) {
                    findings.push({
                        field,
                        message: "a specific IP can be requested only for internal addresses; GCP picks external IPs",
                        fix: "remove it; to keep an external IP across changes, pass address.existing or set address.retainOnDelete",
                    });
                }
            }
            if (address.existingIpv6 !== undefined && args.ipv6 !== true) {
                findings.push({
                    field: "address.existingIpv6",
                    message: "is set but ipv6 is off",
                    fix: "set ipv6: true, or remove address.existingIpv6",
                });
            }
            if (address.existing !== undefined && (requested.length > 0 || address.create === true)) {
                findings.push({
                    field: "address.existing",
                    message: "an existing address is given together with an address to reserve",
                });
            }
            return findings;
        },
    },
    {
        id: "frontend-scheme-options",
        component: "Frontend",
        summary:
            "Frontend options exist on the chosen scheme (global access, Standard tier, IPv6, certificate kinds, QUIC) — read from the feature table",
        prevents: "options GCP ignores or rejects for the scheme",
        fix: "remove the option, or choose a scheme that has it",
        check: (args) => schemeOptionFindings(args.scheme, frontendOptions, args),
    },
    {
        id: "ipv6-premium-tier",
        component: "Frontend",
        summary: "An IPv6 frontend is in the Premium network tier",
        prevents:
            "an IPv6 forwarding rule in Standard Tier: the Application Load Balancer overview lists classic as 'IPv4 IPv6 (requires Premium Tier)'; for regional external the same is assumed (UNCONFIRMED)",
        fix: "remove networkTier (Premium is the default) to keep IPv6, or remove ipv6 to stay in Standard Tier",
        check: (args) =>
            args.ipv6 === true && args.networkTier === "STANDARD" && supports(args.scheme, "ipv6")
                ? [
                      {
                          field: "ipv6",
                          message: `is on with networkTier "STANDARD", but IPv6 frontends of the ${schemeProfile(args.scheme).title} need the Premium tier`,
                      },
                  ]
                : [],
    },
    {
        id: "frontend-labels",
        component: "Frontend",
        summary:
            "Labels are GCP labels: at most 64, lowercase keys starting with a letter, keys and values ≤63 characters",
        prevents: "`Invalid value for field 'labels'` on the addresses and forwarding rules at apply",
        fix: "use lowercase letters, digits, _ and - (keys start with a letter), at most 63 characters each",
        check: (args) => {
            const entries = Object.entries(args.labels ?? {});
            const findings: Finding[] = [];
            if (entries.length > MAX_LABELS) {
                findings.push({
                    field: "labels",
                    message: `${entries.length} labels; GCP allows at most ${MAX_LABELS}`,
                    fix: `remove ${entries.length - MAX_LABELS} of them (at most ${MAX_LABELS} labels per resource)`,
                });
            }
            for (const [key, value] of entries) {
                if (!LABEL_KEY.test(key)) {
                    findings.push({ field: `labels.${key}`, message: `${quoteValue(key)} is not a valid label key` });
                } else if (!LABEL_VALUE.test(value)) {
                    findings.push({
                        field: `labels.${key}`,
                        message: `${quoteValue(value)} is not a valid label value`,
                    });
                }
            }
            return findings;
        },
    },
    {
        id: "certificate-links",
        component: "Frontend",
        summary:
            "Existing certificates are Compute SSL certificates of the proxy's scope: regional ones in the load balancer's region for regional schemes, global ones otherwise",
        prevents:
            "`The resource 'projects/…/regions/<r>/sslCertificates/<name>' was not found` when a regional proxy is given a global (or Google-managed) certificate",
        fix: "pass the certificate's id from a resource of the scheme's scope (compute.RegionSslCertificate for regional schemes, compute.SSLCertificate otherwise), or let https.certificate create one",
        check: (args) => {
            const certificates = args.https?.certificates ?? [];
            const findings: Finding[] = [];
            const profile = schemeProfile(args.scheme);
            const region = regionalScope(args);
            if (profile.scope === "regional" && region === undefined) {
                return findings;
            }
            certificates.forEach((certificate, i) => {
                const text = known(certificate);
                if (text === undefined) {
                    return;
                }
                if (/certificatemanager|\/locations\//.test(text)) {
                    findings.push({
                        field: `https.certificates[${i}]`,
                        message: `${quoteValue(text)} is a Certificate Manager certificate; https.certificates takes Compute SSL certificates`,
                        fix: "pass Compute SSL certificates here (…/sslCertificates/<name>)",
                    });
                    return;
                }
                const problem = linkMismatch(text, "sslCertificates", "an SSL certificate", region);
                if (problem) {
                    findings.push({ field: `https.certificates[${i}]`, message: `${problem} by the ${profile.title}` });
                }
            });
            return findings;
        },
    },
    {
        id: "certificate-manager-scope",
        component: "Frontend",
        summary:
            "Certificate Manager certificates and maps are in the proxy's location: the load balancer's region for regional schemes, global otherwise",
        prevents:
            "a global Certificate Manager certificate on a regional proxy or a regional one on a global proxy, which GCP refuses when the proxy is created or updated",
        fix: "reference certificates (and maps) created in the proxy's location: locations/<region> for regional-internal and regional-external, locations/global (scope ALL_REGIONS for cross-region-internal) otherwise",
        check: (args) => {
            const https = args.https;
            if (!https) {
                return [];
            }
            const region = regionalScope(args);
            const placement = certificateManagerPlacement(args.scheme, region);
            if (!placement) {
                return [];
            }
            const fixFor = (what: string) =>
                `use a ${what} created in locations/${placement.location}${what === "certificate" && placement.scope !== "DEFAULT" ? ` with scope ${placement.scope}` : ""}`;
            const findings: Finding[] = [];
            // On a scheme without the option, frontend-scheme-options reports it already.
            const certificates = supports(args.scheme, "certificateManagerCertificates")
                ? (https.certificateManagerCertificates ?? [])
                : [];
            certificates.forEach((certificate, i) => {
                const text = known(certificate);
                const link = text === undefined ? undefined : parseCertificateManagerLink(text);
                const field = `https.certificateManagerCertificates[${i}]`;
                if (text === undefined) {
                    return;
                }
                if (!link || link.collection !== "certificates") {
                    findings.push({
                        field,
                        message: `${quoteValue(text)} is not a Certificate Manager certificate (projects/<project>/locations/<location>/certificates/<name>)`,
                        fix: "pass a certificatemanager.Certificate's id; Compute SSL certificates go in https.certificates, a certificate map in https.certificateMap",
                    });
                    return;
                }
                const problem = certificateManagerMismatch(
                    { location: link.location },
                    "certificate",
                    args.scheme,
                    region,
                );
                if (problem) {
                    findings.push({ field, message: `${quoteValue(text)} ${problem}`, fix: fixFor("certificate") });
                }
            });
            const map = supports(args.scheme, "certificateMap") ? known(https.certificateMap) : undefined;
            if (map !== undefined) {
                const link = parseCertificateManagerLink(map);
                if (!link || link.collection !== "certificateMaps") {
                    findings.push({
                        field: "https.certificateMap",
                        message: `${quoteValue(map)} is not a Certificate Manager certificate map (//certificatemanager.googleapis.com/projects/<project>/locations/global/certificateMaps/<name>)`,
                        fix: "pass a certificatemanager.CertificateMap's id",
                    });
                } else {
                    const problem = certificateManagerMismatch(
                        { location: link.location },
                        "certificate map",
                        args.scheme,
                        region,
                    );
                    if (problem) {
                        findings.push({
                            field: "https.certificateMap",
                            message: `${quoteValue(map)} ${problem}`,
                            fix: fixFor("certificate map"),
                        });
                    }
                }
            }
            return findings;
        },
    },
    {
        id: "address-scope",
        component: "Frontend",
        summary:
            "An existing address has the scope of the forwarding rule (regional in its region, or global), requested IPs are keyed by the load balancer's regions, and one IP is given per region",
        prevents:
            "`The resource 'projects/…/addresses/…' was not found` or `Invalid value for field 'resource.IPAddress'` at apply, and requested IPs silently ignored",
        fix: "reference an address of the right scope, or give address.ips keyed by region",
        check: (args) => {
            const address = args.address;
            if (!address) {
                return [];
            }
            const findings: Finding[] = [];
            const profile = schemeProfile(args.scheme);
            const regions = frontendRegions(args);
            const existing = known(address.existing);
            if (existing !== undefined && regions.length > 1) {
                findings.push({
                    field: "address.existing",
                    message: `one existing address cannot serve ${regions.length} regions (${regions.join(", ")}); each region's forwarding rule needs its own internal address`,
                    fix: "give address.ips with one IP per region instead",
                });
            } else if (existing !== undefined && !IPV4.test(existing)) {
                const regional = regionalFrontend(args.scheme, args.networkTier) || profile.internal;
                const region = regional ? regions[0] : undefined;
                if (region !== undefined || !regional) {
                    const problem = linkMismatch(existing, "addresses", "an address", region);
                    if (problem) {
                        findings.push({ field: "address.existing", message: `${problem} by the ${profile.title}` });
                    }
                }
            }
            const existingIpv6 = known(address.existingIpv6);
            if (
                existingIpv6 !== undefined &&
                args.ipv6 === true &&
                supports(args.scheme, "ipv6") &&
                existingIpv6.includes("/")
            ) {
                // IPv6 frontends are global, except regional external's, which is regional.
                const region = regionalFrontend(args.scheme, args.networkTier) ? regions[0] : undefined;
                if (region !== undefined || !regionalFrontend(args.scheme, args.networkTier)) {
                    const problem = linkMismatch(existingIpv6, "addresses", "an address", region);
                    if (problem) {
                        findings.push({
                            field: "address.existingIpv6",
                            message: `${problem} by the ${profile.title}`,
                            fix: region
                                ? `reference an IPv6 address reserved in ${region} (projects/<project>/regions/${region}/addresses/<name>)`
                                : "reference a global IPv6 address (projects/<project>/global/addresses/<name>)",
                        });
                    }
                }
            }
            if (address.ip !== undefined && regions.length > 1) {
                findings.push({
                    field: "address.ip",
                    message: `one IP cannot be the VIP of ${regions.length} regions (${regions.join(", ")})`,
                    fix: `give address.ips, e.g. { ${regions.map((r) => `${quoteValue(r)}: "10.x.y.z"`).join(", ")} }`,
                });
            }
            for (const region of Object.keys(address.ips ?? {})) {
                if (!regions.includes(region)) {
                    findings.push({
                        field: `address.ips.${region}`,
                        message:
                            regions.length === 0
                                ? `the ${profile.title} has one global address, so per-region IPs would be ignored`
                                : `${quoteValue(region)} is not a region of this load balancer (${regions.join(", ")}), so this IP would be ignored`,
                        fix:
                            regions.length === 0
                                ? "remove address.ips"
                                : "key each IP by one of the load balancer's regions",
                    });
                }
            }
            return findings;
        },
    },
    ...(certificateDnsRules as Rule<FrontendArgs>[]),
    ...clientCertificateRules,
];

/** The frontend rules a load balancer runs on the frontend it builds: all but the standalone ones (its regions and mTLS headers are its own). */
export const frontendRulesInLoadBalancer: Rule<FrontendArgs>[] = frontendSettingRules;

export const frontendRules: Rule<FrontendArgs>[] = [...frontendStandaloneRules, ...frontendSettingRules];

export function validateFrontendArgs(args: FrontendArgs) {
    return runRules(frontendRules, args);
}
