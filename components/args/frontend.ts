/** Arguments of a frontend: certificates, SSL policy, address, listeners. */
import * as pulumi from "@pulumi/pulumi";
import { regionalFrontend, Scheme, schemeProfile } from "../schemes";
import { ManagedCertificateArgs } from "./certificates";
import { DnsArgs } from "./dns";

/** Network service tier of an external frontend. */
export const NetworkTier = {
    Premium: "PREMIUM",
    Standard: "STANDARD",
} as const;
export type NetworkTier = (typeof NetworkTier)[keyof typeof NetworkTier];

/**
 * TLS profile of an SSL policy: which cipher suites the load balancer offers.
 * @see https://cloud.google.com/load-balancing/docs/ssl-policies-concepts
 */
export const SslPolicyProfile = {
    Compatible: "COMPATIBLE",
    Modern: "MODERN",
    Restricted: "RESTRICTED",
    Custom: "CUSTOM",
    Fips202205: "FIPS_202205",
} as const;
export type SslPolicyProfile = (typeof SslPolicyProfile)[keyof typeof SslPolicyProfile];

/** Lowest TLS version an SSL policy accepts. */
export const TlsVersion = {
    Tls10: "TLS_1_0",
    Tls11: "TLS_1_1",
    Tls12: "TLS_1_2",
    Tls13: "TLS_1_3",
} as const;
export type TlsVersion = (typeof TlsVersion)[keyof typeof TlsVersion];

/** Whether the HTTPS proxy negotiates QUIC (HTTP/3) with clients: `NONE` lets Google decide. */
export const QuicOverride = {
    None: "NONE",
    Enable: "ENABLE",
    Disable: "DISABLE",
} as const;
export type QuicOverride = (typeof QuicOverride)[keyof typeof QuicOverride];

/**
 * What the load balancer does with a client that presents no certificate, or one that fails validation.
 * @see https://cloud.google.com/load-balancing/docs/mtls
 */
export const ClientValidationMode = {
    /** Refuse the TLS handshake unless the client presents a certificate that validates (the default). */
    RejectInvalid: "REJECT_INVALID",
    /** Accept every client and forward the verdict to the backend in the mTLS custom headers. */
    AllowInvalidOrMissingClientCert: "ALLOW_INVALID_OR_MISSING_CLIENT_CERT",
} as const;
export type ClientValidationMode = (typeof ClientValidationMode)[keyof typeof ClientValidationMode];

/**
 * The mTLS variables a custom request header can carry to the backend, written without braces.
 * @see https://cloud.google.com/load-balancing/docs/https/setting-up-mtls-global-ext-https ("Add mTLS custom headers")
 */
export const ClientCertificateVariable = {
    /** `true` when the client presented a certificate. */
    Present: "client_cert_present",
    /** `true` when the chain validated against the trust config. */
    ChainVerified: "client_cert_chain_verified",
    /** The validation error, empty when none. */
    Error: "client_cert_error",
    /** Base64 SHA-256 fingerprint of the leaf certificate. */
    Sha256Fingerprint: "client_cert_sha256_fingerprint",
    /** Serial number of the leaf certificate. */
    SerialNumber: "client_cert_serial_number",
    /** The SPIFFE ID in the leaf's URI SANs. */
    SpiffeId: "client_cert_spiffe_id",
    /** URI SANs of the leaf certificate. */
    UriSans: "client_cert_uri_sans",
    /** DNS-name SANs of the leaf certificate. */
    DnsNameSans: "client_cert_dnsname_sans",
    /** Start of the leaf's validity. */
    ValidNotBefore: "client_cert_valid_not_before",
    /** End of the leaf's validity. */
    ValidNotAfter: "client_cert_valid_not_after",
    /** Issuer DN of the leaf certificate. */
    IssuerDn: "client_cert_issuer_dn",
    /** Subject DN of the leaf certificate. */
    SubjectDn: "client_cert_subject_dn",
    /** The leaf certificate (RFC 9440 encoding). */
    Leaf: "client_cert_leaf",
    /** The chain the client sent (RFC 9440 encoding). */
    Chain: "client_cert_chain",
} as const;
export type ClientCertificateVariable = (typeof ClientCertificateVariable)[keyof typeof ClientCertificateVariable];

/**
 * Frontend mutual TLS: the load balancer asks clients for a certificate and validates it against a
 * Certificate Manager trust config (`certificatemanager.TrustConfig`) through a server TLS policy
 * (`networksecurity.ServerTlsPolicy`) attached to the target HTTPS proxy; both are regional on regional
 * schemes and global otherwise. Every scheme supports it.
 * @see https://cloud.google.com/load-balancing/docs/mtls
 */
export interface ClientCertificatesArgs {
    /**
     * PEM root certificates of the PKI clients' certificates chain to (one per certificate, at most 5 kB
     * each). Several roots let a new PKI replace an old one without downtime. Needed unless
     * `allowlisted` is given.
     * @default []
     * @example [partnerRootCa.certPem]
     */
    trustAnchors?: pulumi.Input<string>[];
    /**
     * PEM intermediate CA certificates that help build the path from a client certificate to a trust anchor.
     * @default []
     * @example [partnerIssuingCa.certPem]
     */
    intermediates?: pulumi.Input<string>[];
    /**
     * PEM client certificates accepted as valid whatever their chain (e.g. self-signed ones), as long as
     * the client proves it holds the key.
     * @default []
     * @example [legacyClient.certPem]
     */
    allowlisted?: pulumi.Input<string>[];
    /**
     * What happens to a client without a valid certificate: `REJECT_INVALID` refuses the connection,
     * `ALLOW_INVALID_OR_MISSING_CLIENT_CERT` lets it through and forwards the verdict in `headers`.
     * @default "REJECT_INVALID"
     * @example "ALLOW_INVALID_OR_MISSING_CLIENT_CERT"
     */
    validation?: ClientValidationMode;
    /**
     * Request headers that carry the mTLS verdict and certificate details to every backend: header name →
     * variable. On global external and classic they go on each backend service (`customRequestHeaders`), on
     * the other schemes on the URL map (`headerAction`, replacing any value a client sent). Counts toward
     * the 16 custom headers a backend service or URL map level takes.
     * @default {} (no headers)
     * @example { "X-Client-Cert-Present": "client_cert_present", "X-Client-Cert-Chain-Verified": "client_cert_chain_verified" }
     */
    headers?: Record<string, ClientCertificateVariable>;
}

/** A self-managed certificate to upload: PEM certificate chain and its private key. */
export interface SelfManagedCertificateArgs {
    /**
     * PEM certificate (chain).
     * @example "-----BEGIN CERTIFICATE-----\n..."
     */
    certificate: pulumi.Input<string>;
    /**
     * PEM private key. Always stored as a secret.
     * @example config.requireSecret("tlsKey")
     */
    privateKey: pulumi.Input<string>;
}

/**
 * The SSL policy of the HTTPS proxy. Without one GCP applies its default policy (COMPATIBLE, TLS 1.0),
 * so the frontend always attaches one: a new global (`compute.SSLPolicy`) or regional
 * (`compute.RegionSslPolicy`) policy, or an existing one.
 * @see https://cloud.google.com/load-balancing/docs/use-ssl-policies
 */
export interface SslPolicyArgs {
    /**
     * Cipher-suite profile. `CUSTOM` needs `customFeatures`; `FIPS_202205` takes only `minTlsVersion` `TLS_1_2`.
     * @default "MODERN"
     * @example "RESTRICTED"
     */
    profile?: SslPolicyProfile;
    /**
     * Lowest TLS version accepted. `TLS_1_3` only with profile `RESTRICTED`; profile `FIPS_202205` takes only `TLS_1_2`.
     * @default "TLS_1_2"
     * @example "TLS_1_3"
     */
    minTlsVersion?: TlsVersion;
    /**
     * Cipher suites of a `CUSTOM` profile.
     * @default undefined
     * @example ["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"]
     */
    customFeatures?: string[];
    /**
     * Id or self link of an SSL policy that already exists (global for global schemes, in the load
     * balancer's region for regional ones); nothing is created. Excludes the other fields.
     * @default undefined
     * @example "projects/p/global/sslPolicies/org-tls-policy"
     */
    existing?: pulumi.Input<string>;
    /**
     * Attach no SSL policy, so GCP's default applies (COMPATIBLE, TLS 1.0 and up). Only for keeping an
     * adopted load balancer exactly as it runs (`cloudrun-lb adopt` sets it when the live proxy has no
     * policy); a policy can be attached later in place. Excludes the other fields.
     * @default false
     * @example true
     */
    none?: boolean;
}

/**
 * HTTPS on the frontend: one certificate source (or a compatible combination), an SSL policy, and the
 * HTTP→HTTPS redirect. Which certificate kinds a scheme takes is in the README's feature table.
 * @see https://cloud.google.com/load-balancing/docs/ssl-certificates
 */
export interface HttpsArgs {
    /**
     * A self-managed certificate to create (regional for regional schemes, global otherwise). Not on
     * cross-region internal.
     * @default undefined
     * @example { certificate: cert.certPem, privateKey: key.privateKeyPem }
     */
    certificate?: SelfManagedCertificateArgs;
    /**
     * Ids or self links of existing Compute SSL certificates (regional ones for regional schemes). At most
     * 15 Compute certificates per proxy, counting `certificate` and `managedDomains`.
     * @default []
     * @example ["projects/p/regions/europe-west1/sslCertificates/internal"]
     */
    certificates?: pulumi.Input<string>[];
    /**
     * Domains of a Google-managed certificate (`compute.ManagedSslCertificate`) to create; global external
     * and classic only. At most 100 domains, no wildcards. GCP provisions it once each domain's DNS points
     * at the load balancer's IP. Changing the list creates a new certificate before the old one is deleted.
     * @default undefined
     * @example ["shop.example.com", "api.example.com"]
     */
    managedDomains?: string[];
    /**
     * Google-managed certificates the package creates with Certificate Manager, authorized through DNS
     * (wildcards allowed; every scheme): a DNS authorization and a certificate per domain, regional or
     * global as the scheme needs, and on global external and classic a certificate map with an entry per
     * domain. The CNAMEs to publish are in the `dnsAuthorizationRecords` output (`dns` creates them).
     * Excludes Compute certificates and `certificateMap`.
     * @default undefined
     * @example { domains: ["shop.example.com", "*.shop.example.com"] }
     */
    managedCertificate?: ManagedCertificateArgs;
    /**
     * Certificate Manager certificates to attach directly (regional internal, regional external,
     * cross-region internal; the only certificate kind cross-region internal takes). At most 100.
     * @default undefined
     * @example ["projects/p/locations/global/certificates/internal-wildcard"]
     */
    certificateManagerCertificates?: pulumi.Input<string>[];
    /**
     * A Certificate Manager certificate map (global external and classic). Excludes every other
     * certificate source.
     * @default undefined
     * @example "//certificatemanager.googleapis.com/projects/p/locations/global/certificateMaps/shop"
     */
    certificateMap?: pulumi.Input<string>;
    /**
     * Mutual TLS: ask clients for a certificate and validate it against the given roots.
     * @default undefined (server-side TLS only)
     * @example { trustAnchors: [partnerRootCa], headers: { "X-Client-Cert-Present": "client_cert_present" } }
     */
    clientCertificates?: ClientCertificatesArgs;
    /**
     * The SSL policy.
     * @default { profile: "MODERN", minTlsVersion: "TLS_1_2" } (a new policy)
     * @example { existing: "projects/p/global/sslPolicies/org-tls-policy" }
     */
    sslPolicy?: SslPolicyArgs;
    /**
     * Also listen for plain HTTP on `httpPort` and answer every request with a 301 redirect to HTTPS: a
     * redirect-only URL map, an HTTP proxy and a forwarding rule sharing the HTTPS rule's reserved IP
     * (internal schemes reserve it with purpose `SHARED_LOADBALANCER_VIP`). Needs HTTPS on port 443.
     * @default true on external schemes, false on internal ones
     * @example false
     */
    redirectHttp?: boolean;
    /**
     * QUIC (HTTP/3) negotiation (global external and classic only).
     * @default undefined (GCP's default, NONE: Google decides)
     * @example "ENABLE"
     */
    quic?: QuicOverride;
    /**
     * Port of the HTTPS forwarding rule.
     * @default 443
     * @example 8443
     */
    port?: number;
}

/** The frontend's IP address. */
export interface AddressArgs {
    /**
     * Reserve a static address (kept stable across changes to the load balancer).
     * @default true
     * @example false
     */
    create?: boolean;
    /**
     * Specific IP to reserve (internal schemes: an unused address in the subnet).
     * @default undefined (GCP picks one)
     * @example "10.1.2.99"
     */
    ip?: string;
    /**
     * Per-region IPs to reserve (cross-region internal).
     * @default {}
     * @example { "europe-west1": "10.1.2.99", "us-central1": "10.1.3.99" }
     */
    ips?: Record<string, string>;
    /**
     * Id, self link or literal IP of an address that already exists; nothing is reserved.
     * @default undefined
     * @example "projects/p/regions/europe-west1/addresses/orders-vip"
     */
    existing?: pulumi.Input<string>;
    /**
     * Id, self link or literal IP of an existing global IPv6 address, used with `ipv6: true` together
     * with `existing`; nothing is reserved.
     * @default undefined
     * @example "projects/p/global/addresses/shop-ipv6"
     */
    existingIpv6?: pulumi.Input<string>;
    /**
     * Keep the reserved address when the load balancer is deleted, so DNS keeps pointing at a stable IP.
     * @default false
     * @example true
     */
    retainOnDelete?: boolean;
}

/**
 * The frontend of one load balancer: address(es), certificates, SSL policy, target proxies and
 * forwarding rules.
 * @see https://cloud.google.com/load-balancing/docs/application-load-balancer
 */
/**
 * What a user sets on a load balancer's frontend; `ApplicationLoadBalancer` and `Frontend` take the same.
 * @see https://cloud.google.com/load-balancing/docs/forwarding-rule-concepts
 */
export interface FrontendSettingsArgs {
    /**
     * Serve HTTPS. Without it the load balancer serves plain HTTP.
     * @default undefined (HTTP)
     * @example { certificate: { certificate: certPem, privateKey: keyPem } }
     */
    https?: HttpsArgs;
    /**
     * Cloud DNS records pointing names at the load balancer's address(es), and the DNS authorization
     * CNAMEs of `https.managedCertificate`.
     * @default undefined (no records)
     * @example { zone: "shop-example-com" }
     */
    dns?: DnsArgs;
    /**
     * Port of the HTTP forwarding rule when serving plain HTTP.
     * @default 80
     * @example 8080
     */
    httpPort?: number;
    /**
     * The frontend IP address.
     * @default { create: true } (a reserved static address)
     * @example { ip: "10.1.2.99", retainOnDelete: true }
     */
    address?: AddressArgs;
    /**
     * Also serve on IPv6 (dual stack; global external and classic): a global IPv6 address and forwarding
     * rules of its own.
     * @default false
     * @example true
     */
    ipv6?: boolean;
    /**
     * Let clients in other regions reach a regional internal VIP. Changing it replaces the forwarding rule.
     * @default false
     * @example true
     */
    allowGlobalAccess?: boolean;
    /**
     * Network tier of an external frontend (Standard only on regional external).
     * @default "PREMIUM"
     * @example "STANDARD"
     */
    networkTier?: NetworkTier;
    /**
     * Labels on addresses and forwarding rules.
     * @default {}
     * @example { team: "platform" }
     */
    labels?: Record<string, string>;
}

/** Exactly the frontend settings of a wider Args object (e.g. a load balancer's), for the frontend it builds. */
export function frontendSettings(args: FrontendSettingsArgs): FrontendSettingsArgs {
    const { https, dns, httpPort, address, ipv6, allowGlobalAccess, networkTier, labels } = args;
    return { https, dns, httpPort, address, ipv6, allowGlobalAccess, networkTier, labels };
}

/**
 * A frontend for a URL map: the settings users give plus what the load balancer wires in (scheme,
 * regions, URL map, network and subnets).
 * @see https://cloud.google.com/load-balancing/docs/forwarding-rule-concepts
 */
export interface FrontendArgs extends FrontendSettingsArgs {
    /**
     * Load balancer scheme.
     * @example "regional-internal"
     */
    scheme: Scheme;
    /**
     * Project.
     * @default the provider's project
     * @example "my-project"
     */
    project?: pulumi.Input<string>;
    /**
     * Regions with a forwarding rule: one for regional schemes, one per client region for cross-region
     * internal, ignored for external global schemes.
     * @default []
     * @example ["europe-west1"]
     */
    regions?: string[];
    /**
     * Id of the URL map the proxy serves.
     * @example urlMap.id
     */
    urlMap: pulumi.Input<string>;
    /**
     * VPC self link (Envoy-based schemes).
     * @default undefined
     * @example network.network
     */
    network?: pulumi.Input<string>;
    /**
     * Subnet to take internal VIPs from, per region (internal schemes; never the proxy-only subnet).
     * @default {}
     * @example { "europe-west1": subnet.selfLink }
     */
    subnetworks?: pulumi.Input<Record<string, string>>;
    /**
     * Proxy-only subnets the forwarding rules must be created after, per region.
     * @default {}
     * @example network.proxyOnlySubnetworks
     */
    proxyOnlySubnetworks?: pulumi.Input<Record<string, string>>;
    /**
     * Prefix of the physical GCP names of the resources created here.
     * @default the component's name, made GCP-valid
     * @example "orders-prod-frontend"
     */
    namePrefix?: string;
}

/**
 * The regions the frontend puts forwarding rules in: one for regional frontends (regional schemes,
 * classic in Standard Tier), one per region for cross-region internal, none for global external ones.
 */
export function frontendRegions(args: Pick<FrontendArgs, "scheme" | "regions" | "networkTier">): string[] {
    if (regionalFrontend(args.scheme, args.networkTier)) {
        return (args.regions ?? []).slice(0, 1);
    }
    return schemeProfile(args.scheme).internal ? (args.regions ?? []) : [];
}

/** Whether plain HTTP is answered with a redirect to HTTPS: on by default for external HTTPS. */
export function redirectsHttp(args: Pick<FrontendArgs, "scheme" | "https">): boolean {
    if (!args.https) {
        return false;
    }
    return args.https.redirectHttp ?? !schemeProfile(args.scheme).internal;
}

/** Where the mTLS custom headers are set on a scheme. */
export type ClientCertificateHeaderPlacement = "backend-service" | "url-map";

/** Backend services on global external and classic; the URL map on the Envoy-based regional and internal schemes. */
export function clientCertificateHeaderPlacement(scheme: Scheme): ClientCertificateHeaderPlacement {
    return schemeProfile(scheme).clientCertificateHeadersOn;
}

/** One mTLS header: its name and the `{variable}` the load balancer fills in. */
export interface ClientCertificateHeader {
    name: string;
    value: string;
}

/** The mTLS headers in name order, values in braces as GCP takes them. */
export function clientCertificateHeaders(
    clientCertificates: ClientCertificatesArgs | undefined,
): ClientCertificateHeader[] {
    return Object.entries(clientCertificates?.headers ?? {})
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, variable]) => ({ name, value: `{${variable}}` }));
}

/** The headers as backend service `customRequestHeaders` entries (`Name:{variable}`), for global external and classic. */
export function clientCertificateCustomRequestHeaders(
    scheme: Scheme,
    clientCertificates: ClientCertificatesArgs | undefined,
): string[] {
    if (clientCertificateHeaderPlacement(scheme) !== "backend-service") {
        return [];
    }
    return clientCertificateHeaders(clientCertificates).map((h) => `${h.name}:${h.value}`);
}

/**
 * The headers as URL map `requestHeadersToAdd` entries on the Envoy-based schemes. `replace` drops any value a
 * client sent under the same name, so a client cannot claim a certificate it did not present.
 */
export function clientCertificateUrlMapHeaders(
    scheme: Scheme,
    clientCertificates: ClientCertificatesArgs | undefined,
): { headerName: string; headerValue: string; replace: boolean }[] {
    if (clientCertificateHeaderPlacement(scheme) !== "url-map") {
        return [];
    }
    return clientCertificateHeaders(clientCertificates).map((h) => ({
        headerName: h.name,
        headerValue: h.value,
        replace: true,
    }));
}
