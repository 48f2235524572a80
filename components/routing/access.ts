/**
 * What the load balancer does with a request before the URL map routes it: the mTLS handshake (frontend
 * client certificate validation). Pure: the simulator, route tests and `plan --request` call it.
 *
 * Facts (https://cloud.google.com/load-balancing/docs/mtls): with `REJECT_INVALID` a client without a
 * certificate, or with one whose chain does not validate against the trust config, is refused during the TLS
 * handshake, so no HTTP request reaches the URL map; with `ALLOW_INVALID_OR_MISSING_CLIENT_CERT` every request
 * goes on and the mTLS custom headers carry the verdict to the backend.
 */
import { ClientCertificateTestArgs, HeaderArgs } from "./types";

export type { ClientCertificateTestArgs };

/** The mTLS settings the simulator needs: the validation mode and the headers that carry the verdict. */
export interface ClientCertificateAccess {
    validation: string;
    /** Header name → mTLS variable (no braces). */
    headers: Record<string, string>;
}

/** What happens to a request before routing. */
export interface AccessVerdict {
    /** False when the load balancer refuses the request before the URL map. */
    allowed: boolean;
    /** Why, in words. */
    reason: string;
    /** The mTLS headers the backend receives, with the values the simulated certificate gives. */
    headers: HeaderArgs[];
}

/** The value of one mTLS variable for a simulated certificate; unknown details in angle brackets. */
function variableValue(variable: string, cert: ClientCertificateTestArgs | undefined): string {
    const present = cert !== undefined && cert.present !== false;
    const verified = present && cert!.verified !== false;
    switch (variable) {
        case "client_cert_present":
            return String(present);
        case "client_cert_chain_verified":
            return String(verified);
        case "client_cert_error":
            return verified ? "" : present ? "<chain validation error>" : "<no client certificate>";
        case "client_cert_spiffe_id":
            return present ? (cert!.spiffeId ?? "") : "";
        case "client_cert_uri_sans":
            return present ? (cert!.uriSans ?? (cert!.spiffeId ? [cert!.spiffeId] : [])).join(",") : "";
        case "client_cert_dnsname_sans":
            return present ? (cert!.dnsNameSans ?? []).join(",") : "";
        case "client_cert_subject_dn":
            return present ? (cert!.subjectDn ?? "<subject DN>") : "";
        default:
            return present ? `<${variable}>` : "";
    }
}

/** The mTLS verdict for a request presenting `cert` (undefined: no certificate). */
export function clientCertificateVerdict(
    access: ClientCertificateAccess | undefined,
    cert: ClientCertificateTestArgs | undefined,
): AccessVerdict {
    if (access === undefined) {
        return { allowed: true, reason: "no mutual TLS on this load balancer", headers: [] };
    }
    const present = cert !== undefined && cert.present !== false;
    const verified = present && cert!.verified !== false;
    const headers = Object.entries(access.headers)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, variable]) => ({ name, value: variableValue(variable, cert) }));
    if (access.validation === "REJECT_INVALID" && !verified) {
        return {
            allowed: false,
            reason: present
                ? "the TLS handshake is refused: the client certificate does not validate against the trust config (validation REJECT_INVALID)"
                : "the TLS handshake is refused: the client presents no certificate (validation REJECT_INVALID)",
            headers: [],
        };
    }
    return {
        allowed: true,
        reason: verified
            ? "mutual TLS: the client certificate validates"
            : `mutual TLS: ${present ? "an invalid" : "no"} client certificate, let through (validation ALLOW_INVALID_OR_MISSING_CLIENT_CERT)`,
        headers,
    };
}
