/**
 * Frontend mutual TLS: the trust config and server TLS policy a target HTTPS proxy validates client
 * certificates with (builder), and where the mTLS custom headers go on each scheme (pure).
 *
 * Facts:
 * - Every Application Load Balancer scheme supports frontend mTLS: "mTLS is configured on the target HTTPS
 *   proxy resource of all Application Load Balancers" (https://cloud.google.com/load-balancing/docs/mtls).
 * - The server TLS policy and the trust config live in the proxy's location: the region for regional
 *   schemes, `global` otherwise (pulumi-gcp 9.37 `compute.RegionTargetHttpsProxy` example "Region Target Https
 *   Proxy Mtls"; the mTLS setup guides). For load balancers, `mtlsPolicy.clientValidationMode` and
 *   `clientValidationTrustConfig` are required and `allowOpen` must be false (magic-modules
 *   mmv1/products/networksecurity/ServerTlsPolicy.yaml).
 * - A trust config holds one trust store (anchors and intermediates, at most 5 kB per PEM) and allowlisted
 *   certificates (magic-modules mmv1/products/certificatemanager/TrustConfig.yaml).
 * - mTLS custom headers go on the backend services of global external and classic load balancers, and on the
 *   URL map (`headerAction.requestHeadersToAdd`) of regional external, regional internal and cross-region
 *   internal ones (https://cloud.google.com/load-balancing/docs/https/setting-up-mtls-global-ext-https,
 *   "Add mTLS custom headers").
 */
import * as pulumi from "@pulumi/pulumi";
import { ClientCertificatesArgs, ClientValidationMode } from "./args/frontend";
export {
    clientCertificateCustomRequestHeaders,
    clientCertificateHeaderPlacement,
    clientCertificateHeaders,
    clientCertificateUrlMapHeaders,
} from "./args/frontend";
import { BuildScope, createChild } from "./builder";
import { optionalGcp } from "./gcp-modules";
import { gcpName } from "./naming";
import { Scheme, schemeProfile } from "./schemes";

/** What `createClientCertificateValidation` builds from (the load balancer's scheme, region and names). */
export interface ClientCertificateValidationSettings {
    scheme: Scheme;
    /** The region of a regional scheme's proxy; undefined on global schemes. */
    region: string | undefined;
    project: pulumi.Input<string> | undefined;
    /** Prefix of the physical names. */
    prefix: string;
    clientCertificates: ClientCertificatesArgs;
}

/** What the target HTTPS proxy needs: the server TLS policy's id, and the trust config's for outputs. */
export interface ClientCertificateValidation {
    serverTlsPolicyId: pulumi.Output<string>;
    trustConfigId: pulumi.Output<string>;
}

/** The location of the trust config and server TLS policy: the proxy's region, or `global`. */
export function clientCertificateLocation(scheme: Scheme, region: string | undefined): string {
    return schemeProfile(scheme).scope === "regional" ? (region ?? "global") : "global";
}

/** The trust config's inputs (exported for the plan and tests); the PEM certificates stay as given. */
export function trustConfigInputs(clientCertificates: ClientCertificatesArgs) {
    const anchors = clientCertificates.trustAnchors ?? [];
    const intermediates = clientCertificates.intermediates ?? [];
    const allowlisted = clientCertificates.allowlisted ?? [];
    return {
        trustStores:
            anchors.length + intermediates.length > 0
                ? [
                      {
                          trustAnchors: anchors.map((pemCertificate) => ({ pemCertificate })),
                          intermediateCas:
                              intermediates.length > 0
                                  ? intermediates.map((pemCertificate) => ({ pemCertificate }))
                                  : undefined,
                      },
                  ]
                : undefined,
        allowlistedCertificates:
            allowlisted.length > 0 ? allowlisted.map((pemCertificate) => ({ pemCertificate })) : undefined,
    };
}

/**
 * Creates the trust config and the server TLS policy that references it, under `scope.parent`, named
 * `${name}-trust-config` and `${name}-server-tls-policy`.
 */
export function createClientCertificateValidation(
    name: string,
    args: ClientCertificateValidationSettings,
    scope: BuildScope,
): ClientCertificateValidation {
    const { certificatemanager } = optionalGcp;
    const location = clientCertificateLocation(args.scheme, args.region);
    const trustConfig = createChild(
        certificatemanager.TrustConfig,
        `${name}-trust-config`,
        {
            name: gcpName(args.prefix, "trust-config"),
            project: args.project,
            location,
            description: "Client certificate roots for the load balancer's mutual TLS (cloudrun-lb)",
            ...trustConfigInputs(args.clientCertificates),
        },
        scope,
    );
    const { networksecurity } = optionalGcp;
    const policy = createChild(
        networksecurity.ServerTlsPolicy,
        `${name}-server-tls-policy`,
        {
            name: gcpName(args.prefix, "server-tls-policy"),
            project: args.project,
            location,
            description: "Mutual TLS for the load balancer's HTTPS proxy (cloudrun-lb)",
            allowOpen: false,
            mtlsPolicy: {
                clientValidationMode: args.clientCertificates.validation ?? ClientValidationMode.RejectInvalid,
                clientValidationTrustConfig: trustConfig.id,
            },
        },
        scope,
    );
    return { serverTlsPolicyId: policy.id, trustConfigId: trustConfig.id };
}
