/**
 * An API on Cloud Run for partners: a global external Application Load Balancer that accepts only clients
 * presenting a certificate issued by the partner's CA (frontend mutual TLS), forwards the certificate's
 * verdict and identity to the API in request headers, and keeps Cloud Armor in front (partner IP ranges,
 * per-client rate limit, OWASP rules). Route tests prove at preview that a request without a certificate is
 * refused and that a partner's request reaches the API.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as projects from "@pulumi/gcp/projects";
import * as tls from "@pulumi/tls";
import { ApplicationLoadBalancer } from "cloudrun-lb";

const config = new pulumi.Config();
const region = config.get("region") ?? "europe-west1";
const hostname = config.get("hostname") ?? "partners.example.com";
const existingService = config.get("serviceName");
// Partner source ranges Cloud Armor lets in (everything else gets 403); empty: any source with a certificate.
const partnerRanges = config.getObject<string[]>("partnerIpRanges") ?? [];
const requestsPerMinute = config.getNumber("requestsPerMinute") ?? 600;

const apis = [
    "compute.googleapis.com",
    "run.googleapis.com",
    "certificatemanager.googleapis.com",
    "networksecurity.googleapis.com",
].map((api) => new projects.Service(`api-${api.split(".")[0]}`, { service: api, disableOnDestroy: false }));

// The partner's root CA: from config (PEM), or a demo CA created here, whose client certificate the
// `clientCertificatePem` / `clientKeyPem` outputs hand to a test client.
const configuredRoot = config.get("partnerRootCa");
let partnerRootCa: pulumi.Input<string>;
let demoClient: { certificate: pulumi.Output<string>; key: pulumi.Output<string> } | undefined;
if (configuredRoot) {
    partnerRootCa = configuredRoot;
} else {
    const caKey = new tls.PrivateKey("partner-ca-key", { algorithm: "ECDSA", ecdsaCurve: "P256" });
    const ca = new tls.SelfSignedCert("partner-ca", {
        privateKeyPem: caKey.privateKeyPem,
        isCaCertificate: true,
        subject: { commonName: "Demo partner root CA", organization: "Partner" },
        validityPeriodHours: 24 * 365,
        allowedUses: ["cert_signing", "crl_signing"],
    });
    partnerRootCa = ca.certPem;
    const clientKey = new tls.PrivateKey("partner-client-key", { algorithm: "ECDSA", ecdsaCurve: "P256" });
    const request = new tls.CertRequest("partner-client-csr", {
        privateKeyPem: clientKey.privateKeyPem,
        subject: { commonName: "billing", organization: "Partner" },
        uris: ["spiffe://partner.example.com/billing"],
    });
    const client = new tls.LocallySignedCert("partner-client", {
        certRequestPem: request.certRequestPem,
        caPrivateKeyPem: caKey.privateKeyPem,
        caCertPem: ca.certPem,
        validityPeriodHours: 24 * 30,
        allowedUses: ["digital_signature", "key_encipherment", "client_auth"],
    });
    demoClient = { certificate: client.certPem, key: pulumi.secret(clientKey.privateKeyPem) };
}

// Reachable through the load balancer only; the load balancer adds no caller identity, so the invoker
// check is off and the API authorizes partners by the certificate headers below.
const serviceName: pulumi.Input<string> =
    existingService ??
    new cloudrunv2.Service(
        "partner-api",
        {
            name: "partner-api",
            location: region,
            ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
            invokerIamDisabled: true,
            deletionProtection: false,
            template: { containers: [{ image: "us-docker.pkg.dev/cloudrun/container/hello" }] },
        },
        { dependsOn: apis },
    ).name;

const lb = new ApplicationLoadBalancer(
    "partners",
    {
        scheme: "global-external",
        backends: {
            api: {
                cloudRun: { service: serviceName, region },
                securityPolicy: {
                    create: {
                        allowIpRanges: partnerRanges.length > 0 ? partnerRanges : undefined,
                        rateLimit: { count: requestsPerMinute, intervalSec: 60 },
                        preconfiguredWaf: ["sqli-v33-stable", "xss-v33-stable"],
                    },
                },
            },
        },
        defaultBackend: "api",
        https: {
            managedDomains: [hostname],
            clientCertificates: {
                trustAnchors: [partnerRootCa],
                validation: "REJECT_INVALID",
                // The API reads who called from these; the load balancer sets them on every request.
                headers: {
                    "X-Client-Cert-Present": "client_cert_present",
                    "X-Client-Cert-Chain-Verified": "client_cert_chain_verified",
                    "X-Client-Cert-Spiffe": "client_cert_spiffe_id",
                    "X-Client-Cert-Hash": "client_cert_sha256_fingerprint",
                },
            },
        },
        tests: [
            {
                description: "a partner with a certificate from its CA reaches the API",
                host: hostname,
                path: "/v1/invoices",
                clientCertificate: { spiffeId: "spiffe://partner.example.com/billing" },
                backend: "api",
            },
            {
                description: "no client certificate: refused at the TLS handshake",
                host: hostname,
                path: "/v1/invoices",
                denied: true,
            },
            {
                description: "a certificate from another CA: refused",
                host: hostname,
                path: "/v1/invoices",
                clientCertificate: { verified: false },
                denied: true,
            },
        ],
    },
    { dependsOn: apis },
);

export const ipAddress = lb.ipAddress;
export const url = pulumi.output(`https://${hostname}`);
export const clientCertificatePem = demoClient?.certificate;
export const clientKeyPem = demoClient?.key;
export const curlCommand = pulumi.interpolate`curl -s https://${hostname}/v1/invoices --cert client.pem --key client.key --resolve ${hostname}:443:${lb.ipAddress}`;
