import type { FrontendArgs } from "../frontend";
import { schemeProfile, supports } from "../schemes";
import { Finding, known, Rule } from "../validation";
import { regionFinding, unsupportedFinding } from "./common";

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

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
];
