/** Arguments of Google-managed Certificate Manager certificates that the load balancer creates. */
import * as pulumi from "@pulumi/pulumi";
import { Scheme, schemeProfile } from "../schemes";

/**
 * How a DNS authorization proves control of its domain: the record Certificate Manager asks for.
 * `PER_PROJECT_RECORD` gives each project its own CNAME name (`_acme-challenge_<id>.<domain>`), so a
 * staging and a production project can both hold certificates for one domain; `FIXED_RECORD` uses the
 * one `_acme-challenge.<domain>` name (global certificates only).
 * @see https://cloud.google.com/certificate-manager/docs/dns-authorizations
 */
export const DnsAuthorizationType = {
    FixedRecord: "FIXED_RECORD",
    PerProjectRecord: "PER_PROJECT_RECORD",
} as const;
export type DnsAuthorizationType = (typeof DnsAuthorizationType)[keyof typeof DnsAuthorizationType];

/**
 * Google-managed certificates from Certificate Manager, authorized through DNS, so they provision
 * before (and without) traffic reaching the load balancer and may cover wildcard domains. The package
 * creates one DNS authorization per domain (a wildcard shares its parent's), one certificate per domain
 * (regional on regional schemes, global with scope `ALL_REGIONS` on cross-region internal, global on
 * global external and classic, there through a certificate map with an entry per domain), and outputs
 * the CNAME records that prove control of each domain (`dns` creates them for you).
 * @see https://cloud.google.com/certificate-manager/docs/deploy-google-managed-dns-auth
 */
export interface ManagedCertificateArgs {
    /**
     * Domains to certify, each its own certificate, so adding or removing a domain never touches the
     * certificates of the others. Lowercase fully qualified names; `*.example.com` covers one level of
     * subdomains (not `example.com` itself).
     * @example ["shop.example.com", "*.shop.example.com"]
     */
    domains: string[];
    /**
     * Kind of DNS authorization record. Regional certificates (regional schemes) take only
     * `PER_PROJECT_RECORD`.
     * @default "PER_PROJECT_RECORD"
     * @example "FIXED_RECORD"
     */
    dnsAuthorizationType?: DnsAuthorizationType;
    /**
     * Issue the certificates from a Certificate Authority Service CA pool (a private CA) instead of a public
     * CA with DNS authorization: no public DNS records are needed, so internal load balancers get real
     * certificates for private names. The package creates a certificate issuance config in the
     * certificates' location (regional on regional schemes, global on the others) and grants the Certificate
     * Manager service agent `roles/privateca.certificateRequester` on the pool. Clients must trust the
     * pool's root. Excludes `dnsAuthorizationType`.
     * @default undefined (public CA, DNS authorization)
     * @example "projects/pki/locations/europe-west1/caPools/internal"
     * @see https://cloud.google.com/certificate-manager/docs/deploy-google-managed-cas
     */
    caPool?: pulumi.Input<string>;
    /**
     * Key algorithm of certificates issued from `caPool`.
     * @default "RSA_2048"
     * @example "ECDSA_P256"
     */
    keyAlgorithm?: CertificateKeyAlgorithm;
}

/** Key algorithm of private-CA certificates (CertificateIssuanceConfig.keyAlgorithm). */
export const CertificateKeyAlgorithm = {
    Rsa2048: "RSA_2048",
    EcdsaP256: "ECDSA_P256",
} as const;
export type CertificateKeyAlgorithm = (typeof CertificateKeyAlgorithm)[keyof typeof CertificateKeyAlgorithm];

/**
 * Lifetime and renewal of private-CA certificates: 30 days (the longest allowed, 21–30), renewed at 66% of
 * it (day 20: at least 7 days after issuance and 7 before expiry, as Certificate Manager requires).
 * @see https://cloud.google.com/certificate-manager/docs/issuance-configs
 */
export const PRIVATE_CA_LIFETIME = "2592000s";
export const PRIVATE_CA_ROTATION_WINDOW_PERCENTAGE = 66;

/** A DNS record Certificate Manager needs to see before it issues a certificate (an output). */
export interface DnsAuthorizationRecord {
    /** The domain the record authorizes (a wildcard's parent). */
    domain: string;
    /** Fully qualified record name, e.g. `_acme-challenge_ab12.shop.example.com.` */
    name: string;
    /** Record type: `CNAME`. */
    type: string;
    /** Record data, e.g. `ab12.9.authorize.certificatemanager.goog.` */
    data: string;
}

/** How a scheme's HTTPS proxy takes Certificate Manager certificates. */
export interface CertificatePlacement {
    /** `global`, or the region of a regional proxy. */
    location: string;
    /** Certificate scope: ALL_REGIONS for cross-region internal, DEFAULT otherwise. */
    scope: "DEFAULT" | "ALL_REGIONS";
    /** Through a certificate map (global external, classic) or referenced directly by the proxy. */
    attach: "map" | "direct";
    /** DNS authorization types the location allows. */
    authorizationTypes: DnsAuthorizationType[];
}

/** Where the certificates of a scheme live and how its proxy takes them. */
export function certificatePlacement(scheme: Scheme, region: string | undefined): CertificatePlacement {
    const profile = schemeProfile(scheme);
    if (profile.scope === "regional") {
        return {
            location: region ?? "",
            scope: "DEFAULT",
            attach: "direct",
            authorizationTypes: [DnsAuthorizationType.PerProjectRecord],
        };
    }
    return {
        location: "global",
        scope: profile.internal ? "ALL_REGIONS" : "DEFAULT",
        attach: profile.internal ? "direct" : "map",
        authorizationTypes: [DnsAuthorizationType.PerProjectRecord, DnsAuthorizationType.FixedRecord],
    };
}
