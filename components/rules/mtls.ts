/**
 * Frontend mutual TLS: the trust config's certificates, the validation mode and the mTLS custom headers.
 * Certificates are public material, but messages never echo PEM text anyway: they name the field.
 */
import type { ClientCertificatesArgs, FrontendArgs } from "../args/frontend";
import { ClientCertificateVariable, ClientValidationMode } from "../args/frontend";
import type { ApplicationLoadBalancerArgs } from "../args/load-balancer";
import { clientCertificateHeaderPlacement } from "../args/frontend";
import { Finding, known, Rule } from "../validation";
import { MAX_CUSTOM_REQUEST_HEADERS } from "../backends/shared/rules";
import { HEADERS_PER_ACTION_MAX, headerNameProblem } from "./routing";

/** "Each certificate provided in PEM format may occupy up to 5kB" (magic-modules TrustConfig.yaml). */
export const MAX_TRUST_CONFIG_PEM_BYTES = 5 * 1024;

const PEM_CERTIFICATE = /^\s*-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/;
const variables: readonly string[] = Object.values(ClientCertificateVariable);
const modes: readonly string[] = Object.values(ClientValidationMode);

function pemFindings(field: string, pems: readonly unknown[] | undefined): Finding[] {
    const findings: Finding[] = [];
    (pems ?? []).forEach((pem, i) => {
        const text = known(pem as string);
        if (text === undefined) {
            return;
        }
        if (typeof text !== "string" || !PEM_CERTIFICATE.test(text)) {
            findings.push({
                field: `${field}[${i}]`,
                message: "is not one PEM certificate (a BEGIN CERTIFICATE … END CERTIFICATE block)",
                fix: "pass the certificate's PEM text, one certificate per entry (not a file path, not a private key)",
            });
            return;
        }
        if ((text.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length > 1) {
            findings.push({
                field: `${field}[${i}]`,
                message: "holds several PEM certificates; each entry takes one",
                fix: "split the bundle: one certificate per list entry",
            });
            return;
        }
        const bytes = Buffer.byteLength(text, "utf8");
        if (bytes > MAX_TRUST_CONFIG_PEM_BYTES) {
            findings.push({
                field: `${field}[${i}]`,
                message: `is ${bytes} bytes; a trust config takes PEM certificates of at most ${MAX_TRUST_CONFIG_PEM_BYTES} bytes`,
                fix: "pass the certificate alone, without comments or text dumps around it",
            });
        }
    });
    return findings;
}

function clientCertificateFindings(cc: ClientCertificatesArgs): Finding[] {
    const at = "https.clientCertificates";
    const findings: Finding[] = [
        ...pemFindings(`${at}.trustAnchors`, cc.trustAnchors),
        ...pemFindings(`${at}.intermediates`, cc.intermediates),
        ...pemFindings(`${at}.allowlisted`, cc.allowlisted),
    ];
    if ((cc.trustAnchors ?? []).length === 0 && (cc.allowlisted ?? []).length === 0) {
        findings.push({
            field: at,
            message: "gives no trust anchor and no allowlisted certificate, so no client certificate could validate",
            fix: "list the root CA certificates of your clients' PKI in trustAnchors (or their certificates in allowlisted)",
        });
    }
    if ((cc.intermediates ?? []).length > 0 && (cc.trustAnchors ?? []).length === 0) {
        findings.push({
            field: `${at}.intermediates`,
            message: "intermediates only help build a path to a trust anchor, and none is given",
            fix: "add the root the intermediates chain to in trustAnchors",
        });
    }
    if (cc.validation !== undefined && !modes.includes(cc.validation)) {
        findings.push({
            field: `${at}.validation`,
            message: `"${String(cc.validation)}" is not a client validation mode`,
            fix: `use ${modes.map((m) => `"${m}"`).join(" or ")}`,
        });
    }
    const headers = Object.entries(cc.headers ?? {});
    if (headers.length > HEADERS_PER_ACTION_MAX) {
        findings.push({
            field: `${at}.headers`,
            message: `${headers.length} headers; a backend service or URL map level takes at most ${HEADERS_PER_ACTION_MAX}`,
            fix: "forward fewer certificate details (client_cert_present, client_cert_chain_verified and client_cert_spiffe_id usually suffice)",
        });
    }
    for (const [name, variable] of headers) {
        const field = `${at}.headers.${name}`;
        const problem = headerNameProblem(name);
        if (problem) {
            findings.push({ ...problem, field });
        }
        if (!variables.includes(variable)) {
            const braced = /^\{(.*)\}$/.exec(String(variable));
            findings.push({
                field,
                message: `"${String(variable)}" is not an mTLS header variable`,
                fix:
                    braced && variables.includes(braced[1])
                        ? `write the variable without braces: "${braced[1]}"`
                        : `use one of ${variables.join(", ")}`,
            });
        }
    }
    return findings;
}

/** Rules of a frontend's `https.clientCertificates` (run by `Frontend` and `ApplicationLoadBalancer`). */
export const clientCertificateRules: Rule<FrontendArgs>[] = [
    {
        id: "client-certificates",
        component: "Frontend",
        summary:
            "Frontend mTLS has trust anchors or allowlisted certificates (one PEM certificate per entry, ≤5 kB), a known validation mode, and headers with valid names and mTLS variables (at most 16)",
        prevents:
            "a trust config GCP refuses (`Invalid PEM`, certificates over 5 kB) or that no client can satisfy, and custom headers GCP refuses (`Invalid value for field 'resource.customRequestHeaders'`, unknown `{variable}` names)",
        fix: "give https.clientCertificates.trustAnchors as PEM root certificates, and headers as { Header-Name: client_cert_* variable }",
        check: (args) =>
            args.https?.clientCertificates ? clientCertificateFindings(args.https.clientCertificates) : [],
    },
];

/** Header counts where the mTLS headers join the ones the user already sets. */
export const clientCertificateHeaderRules: Rule<ApplicationLoadBalancerArgs>[] = [
    {
        id: "client-certificate-header-count",
        component: "ApplicationLoadBalancer",
        summary:
            "The mTLS headers and the headers already set at the same place (each backend service's customRequestHeaders on global external and classic, the URL map's requestHeaders elsewhere) stay within 16",
        prevents:
            "`Invalid value for field 'resource.customRequestHeaders'` / `headerAction` at apply: more than 16 headers",
        fix: "forward fewer mTLS details, or set fewer other headers at that level",
        check: (args) => {
            const mtls = Object.keys(args.https?.clientCertificates?.headers ?? {}).length;
            if (mtls === 0) {
                return [];
            }
            if (clientCertificateHeaderPlacement(args.scheme) === "url-map") {
                const own = args.requestHeaders?.add?.length ?? 0;
                return own + mtls > HEADERS_PER_ACTION_MAX
                    ? [
                          {
                              field: "https.clientCertificates.headers",
                              message: `${mtls} mTLS headers and ${own} in requestHeaders.add make ${own + mtls} on the URL map; GCP allows at most ${HEADERS_PER_ACTION_MAX}`,
                          },
                      ]
                    : [];
            }
            return Object.entries(args.backends ?? {}).flatMap(([key, backend]) => {
                const own = (backend.customRequestHeaders?.length ?? 0) + (backend.internet?.hostOverride ? 1 : 0);
                return own + mtls > MAX_CUSTOM_REQUEST_HEADERS
                    ? [
                          {
                              field: `backends.${key}.customRequestHeaders`,
                              message: `${own} headers of its own and ${mtls} mTLS headers make ${own + mtls} on the backend service; GCP allows at most ${MAX_CUSTOM_REQUEST_HEADERS}`,
                          },
                      ]
                    : [];
            });
        },
    },
];
