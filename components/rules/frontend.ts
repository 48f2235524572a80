import type { FrontendArgs } from "../frontend";
import { frontendRegions } from "../frontend";
import { schemeProfile, supports } from "../schemes";
import { Finding, known, Rule } from "../validation";
import { linkMismatch, regionFinding, unsupportedFinding } from "./common";

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** A target HTTPS proxy takes at most this many Compute SSL certificates (gcp-facts §3.3, §8). */
export const MAX_SSL_CERTIFICATES_PER_PROXY = 15;

/** The region regional resources of the frontend live in, or undefined for global ones. */
function regionalScope(args: FrontendArgs): string | undefined {
    const profile = schemeProfile(args.scheme);
    return profile.scope === "regional" ? args.regions?.[0] : undefined;
}

function portFinding(field: string, port: number | undefined): Finding[] {
    if (port === undefined || (Number.isInteger(port) && port >= 1 && port <= 65535)) {
        return [];
    }
    return [{ field, message: `${port} is not a TCP port`, fix: "use a whole number from 1 to 65535" }];
}

export const frontendRules: Rule<FrontendArgs>[] = [
    {
        id: "frontend-region",
        component: "Frontend",
        summary: "Regional and internal schemes have a region for their forwarding rule(s)",
        prevents: "a regional forwarding rule with no region",
        fix: 'set region (e.g. "europe-west1"); cross-region internal takes regions: ["europe-west1", "us-central1"]',
        check: (args) => {
            const profile = schemeProfile(args.scheme);
            if (profile.scope === "global" && !profile.internal) {
                return [];
            }
            const regions = args.regions ?? [];
            if (regions.length === 0) {
                return regionFinding("region", undefined);
            }
            return regions.flatMap((r, i) => regionFinding(regions.length === 1 ? "region" : `regions[${i}]`, r));
        },
    },
    {
        id: "https-certificate",
        component: "Frontend",
        summary: "HTTPS has at least one certificate",
        prevents: "`Invalid value for field 'resource.sslCertificates'` when creating the HTTPS proxy",
        fix: "give https.certificate (certificate + private key) or https.certificates (existing certificate ids)",
        check: (args) => {
            const https = args.https;
            if (!https) {
                return [];
            }
            const count = (https.certificates?.length ?? 0) + (https.certificate ? 1 : 0);
            return count === 0 ? [{ field: "https", message: "HTTPS is on but no certificate is given" }] : [];
        },
    },
    {
        id: "certificate-pem",
        component: "Frontend",
        summary: "A self-managed certificate and key are PEM",
        prevents: "`The SSL certificate could not be parsed` / `The SSL key could not be parsed` at apply",
        fix: "pass the PEM text (-----BEGIN CERTIFICATE----- ..., -----BEGIN ... PRIVATE KEY----- ...), not a file path",
        check: (args) => {
            const cert = args.https?.certificate;
            if (!cert) {
                return [];
            }
            const findings: Finding[] = [];
            const certificate = known(cert.certificate);
            if (certificate !== undefined && !certificate.includes("-----BEGIN CERTIFICATE-----")) {
                findings.push({ field: "https.certificate.certificate", message: "is not a PEM certificate" });
            }
            const key = known(cert.privateKey);
            if (key !== undefined && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) {
                // Never echo the key itself.
                findings.push({ field: "https.certificate.privateKey", message: "is not a PEM private key" });
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
            for (const [field, ip] of requested) {
                if (!IPV4.test(ip)) {
                    findings.push({ field, message: `"${ip}" is not an IPv4 address` });
                }
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
        summary: "Frontend options exist on the chosen scheme (global access, Standard tier)",
        prevents: "options GCP ignores or rejects for the scheme",
        fix: "remove the option, or choose a scheme that has it",
        check: (args) => {
            const findings: Finding[] = [];
            if (args.allowGlobalAccess !== undefined && !supports(args.scheme, "allowGlobalAccess")) {
                findings.push(
                    unsupportedFinding(args.scheme, "allowGlobalAccess", "allowGlobalAccess", "allowGlobalAccess"),
                );
            }
            if (args.networkTier === "STANDARD" && !supports(args.scheme, "standardTier")) {
                findings.push(unsupportedFinding(args.scheme, "standardTier", "networkTier", "Standard network tier"));
            }
            return findings;
        },
    },
    {
        id: "certificate-links",
        component: "Frontend",
        summary:
            "Existing certificates are Compute SSL certificates of the proxy's scope: regional ones in the load balancer's region for regional schemes, global ones otherwise; at most 15",
        prevents:
            "`The resource 'projects/…/regions/<r>/sslCertificates/<name>' was not found` when a regional proxy is given a global (or Google-managed) certificate, and GCP's limit of 15 certificates per target proxy",
        fix: "pass the certificate's id from a resource of the scheme's scope (compute.RegionSslCertificate for regional schemes, compute.SSLCertificate otherwise), or let https.certificate create one",
        check: (args) => {
            const certificates = args.https?.certificates ?? [];
            const findings: Finding[] = [];
            const total = certificates.length + (args.https?.certificate ? 1 : 0);
            if (total > MAX_SSL_CERTIFICATES_PER_PROXY) {
                findings.push({
                    field: "https.certificates",
                    message: `${total} certificates are given; a target HTTPS proxy takes at most ${MAX_SSL_CERTIFICATES_PER_PROXY}`,
                    fix: "combine domains into certificates with several SANs, or use a Certificate Manager certificate map (global external and classic)",
                });
            }
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
                        message: `"${text}" is a Certificate Manager certificate; https.certificates takes Compute SSL certificates`,
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
                const region = profile.scope === "global" && !profile.internal ? undefined : regions[0];
                if (region !== undefined || profile.scope === "global") {
                    const problem = linkMismatch(existing, "addresses", "an address", region);
                    if (problem) {
                        findings.push({ field: "address.existing", message: `${problem} by the ${profile.title}` });
                    }
                }
            }
            if (address.ip !== undefined && regions.length > 1) {
                findings.push({
                    field: "address.ip",
                    message: `one IP cannot be the VIP of ${regions.length} regions (${regions.join(", ")})`,
                    fix: `give address.ips, e.g. { ${regions.map((r) => `"${r}": "10.x.y.z"`).join(", ")} }`,
                });
            }
            for (const region of Object.keys(address.ips ?? {})) {
                if (!regions.includes(region)) {
                    findings.push({
                        field: `address.ips.${region}`,
                        message:
                            regions.length === 0
                                ? `the ${profile.title} has one global address, so per-region IPs would be ignored`
                                : `"${region}" is not a region of this load balancer (${regions.join(", ")}), so this IP would be ignored`,
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
];
