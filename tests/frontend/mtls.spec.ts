import * as assert from "assert";
import {
    clientCertificateCustomRequestHeaders,
    clientCertificateHeaderPlacement,
    clientCertificateUrlMapHeaders,
} from "../../components/args/frontend";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { clientCertificateLocation, trustConfigInputs } from "../../components/mtls";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { validateFrontendArgs } from "../../components/rules/frontend";
import { allSchemes, Scheme, supports } from "../../components/schemes";
import { installMocks, Recorder, settle } from "../../components/testing/mocks";
import { formatRequests, parseClientCertificate, parseRequest, routeRequest } from "../../components/cli/plan-routing";
import { clientCertificateVerdict } from "../../components/routing/access";
import { clearRecordedRoutings, startRecordingRoutings } from "../../components/routing/registry";
import { CERT, KEY } from "../support/fixtures";

const EU = "europe-west1";
const US = "us-central1";
const ROOT = "-----BEGIN CERTIFICATE-----\nMIIBroot\n-----END CERTIFICATE-----\n";
const INTERMEDIATE = "-----BEGIN CERTIFICATE-----\nMIIBintermediate\n-----END CERTIFICATE-----\n";

const TRUST_CONFIG = "gcp:certificatemanager/trustConfig:TrustConfig";
const SERVER_TLS_POLICY = "gcp:networksecurity/serverTlsPolicy:ServerTlsPolicy";

function lb(scheme: Scheme, https: Partial<NonNullable<ApplicationLoadBalancerArgs["https"]>> = {}) {
    const certificateSource =
        scheme === "cross-region-internal"
            ? { certificateManagerCertificates: ["projects/p/locations/global/certificates/c"] }
            : { certificate: { certificate: CERT, privateKey: KEY } };
    return {
        scheme,
        region: scheme.startsWith("regional") ? EU : undefined,
        regions: scheme === "cross-region-internal" ? [EU, US] : undefined,
        backends: {
            api: { cloudRun: { service: "api", region: EU } },
            partner: { internet: { fqdn: "partner.example.com" } },
        },
        defaultBackend: "api",
        https: {
            ...certificateSource,
            clientCertificates: {
                trustAnchors: [ROOT],
                intermediates: [INTERMEDIATE],
                headers: {
                    "X-Client-Cert-Present": "client_cert_present",
                    "X-Client-Cert-Chain-Verified": "client_cert_chain_verified",
                },
            },
            ...https,
        },
    } as ApplicationLoadBalancerArgs;
}

/** The backends every scheme takes (an internet NEG is global-only with an FQDN and no port on some). */
function onlyCloudRun(args: ApplicationLoadBalancerArgs): ApplicationLoadBalancerArgs {
    return { ...args, backends: { api: args.backends.api } };
}

describe("frontend mTLS: placement (pure)", () => {
    it("puts the trust config and server TLS policy in the proxy's location", () => {
        assert.strictEqual(clientCertificateLocation("regional-internal", EU), EU);
        assert.strictEqual(clientCertificateLocation("regional-external", EU), EU);
        for (const scheme of ["cross-region-internal", "global-external", "classic"] as const) {
            assert.strictEqual(clientCertificateLocation(scheme, undefined), "global");
        }
    });

    it("sends the mTLS headers through backend services on global external and classic, the URL map elsewhere", () => {
        assert.deepStrictEqual(
            allSchemes.map((s) => [s, clientCertificateHeaderPlacement(s)]),
            [
                ["regional-internal", "url-map"],
                ["cross-region-internal", "url-map"],
                ["regional-external", "url-map"],
                ["global-external", "backend-service"],
                ["classic", "backend-service"],
            ],
        );
        const cc = { trustAnchors: [ROOT], headers: { "X-B": "client_cert_spiffe_id", "X-A": "client_cert_present" } };
        assert.deepStrictEqual(clientCertificateCustomRequestHeaders("classic", cc as never), [
            "X-A:{client_cert_present}",
            "X-B:{client_cert_spiffe_id}",
        ]);
        assert.deepStrictEqual(clientCertificateCustomRequestHeaders("regional-internal", cc as never), []);
        assert.deepStrictEqual(clientCertificateUrlMapHeaders("regional-internal", cc as never), [
            { headerName: "X-A", headerValue: "{client_cert_present}", replace: true },
            { headerName: "X-B", headerValue: "{client_cert_spiffe_id}", replace: true },
        ]);
        assert.deepStrictEqual(clientCertificateUrlMapHeaders("global-external", cc as never), []);
    });

    it("makes one trust store of anchors and intermediates, and allowlisted certificates beside it", () => {
        assert.deepStrictEqual(trustConfigInputs({ trustAnchors: [ROOT], intermediates: [INTERMEDIATE] }), {
            trustStores: [
                { trustAnchors: [{ pemCertificate: ROOT }], intermediateCas: [{ pemCertificate: INTERMEDIATE }] },
            ],
            allowlistedCertificates: undefined,
        });
        assert.deepStrictEqual(trustConfigInputs({ allowlisted: [CERT] }), {
            trustStores: undefined,
            allowlistedCertificates: [{ pemCertificate: CERT }],
        });
    });

    it("is a feature of every scheme in the capability table", () => {
        for (const scheme of allSchemes) {
            assert.strictEqual(supports(scheme, "clientCertificates"), true);
            assert.strictEqual(supports(scheme, "clientCertificateHeaders"), true);
        }
    });
});

describe("frontend mTLS: resources per scheme (mocks)", () => {
    let recorder: Recorder;
    before(() => {
        recorder = installMocks();
    });

    for (const scheme of allSchemes) {
        it(`${scheme}: trust config, server TLS policy (REJECT_INVALID) and the proxy's serverTlsPolicy`, async () => {
            recorder.resources.length = 0;
            const args = scheme === "global-external" ? lb(scheme) : onlyCloudRun(lb(scheme));
            const name = `m-${scheme}`;
            new ApplicationLoadBalancer(name, args);
            await settle();
            const location = clientCertificateLocation(scheme, EU);
            const trust = recorder.get(TRUST_CONFIG, `${name}-frontend-trust-config`);
            assert.deepStrictEqual(
                {
                    name: trust.inputs.name,
                    location: trust.inputs.location,
                    trustStores: trust.inputs.trustStores,
                    allowlistedCertificates: trust.inputs.allowlistedCertificates,
                },
                {
                    name: `${name}-trust-config`,
                    location,
                    trustStores: [
                        {
                            trustAnchors: [{ pemCertificate: ROOT }],
                            intermediateCas: [{ pemCertificate: INTERMEDIATE }],
                        },
                    ],
                    allowlistedCertificates: undefined,
                },
            );
            assert.deepStrictEqual(trust.options, { deleteBeforeReplace: false });
            const policy = recorder.get(SERVER_TLS_POLICY, `${name}-frontend-server-tls-policy`);
            assert.deepStrictEqual(
                [policy.inputs.name, policy.inputs.location, policy.inputs.allowOpen, policy.inputs.mtlsPolicy],
                [
                    `${name}-server-tls-policy`,
                    location,
                    false,
                    {
                        clientValidationMode: "REJECT_INVALID",
                        clientValidationTrustConfig: `projects/mock-project/locations/${location}/trustConfigs/${name}-trust-config`,
                    },
                ],
            );
            const proxyType = scheme.startsWith("regional")
                ? "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy"
                : "gcp:compute/targetHttpsProxy:TargetHttpsProxy";
            const proxy = recorder.get(proxyType, `${name}-frontend-https-proxy`);
            assert.strictEqual(
                proxy.inputs.serverTlsPolicy,
                `projects/mock-project/locations/${location}/serverTlsPolicies/${name}-server-tls-policy`,
            );
        });
    }

    it("global external: every created backend service carries the headers, after its own", async () => {
        recorder.resources.length = 0;
        const args = lb("global-external");
        args.backends.api.customRequestHeaders = ["X-Team:orders"];
        new ApplicationLoadBalancer("h", args);
        await settle();
        const api = recorder.get("gcp:compute/backendService:BackendService", "h-api-backend");
        assert.deepStrictEqual(api.inputs.customRequestHeaders, [
            "X-Team:orders",
            "X-Client-Cert-Chain-Verified:{client_cert_chain_verified}",
            "X-Client-Cert-Present:{client_cert_present}",
        ]);
        const partner = recorder.get("gcp:compute/backendService:BackendService", "h-partner-backend");
        assert.deepStrictEqual(partner.inputs.customRequestHeaders, [
            "X-Client-Cert-Chain-Verified:{client_cert_chain_verified}",
            "X-Client-Cert-Present:{client_cert_present}",
        ]);
        const map = recorder.get("gcp:compute/uRLMap:URLMap", "h-url-map");
        assert.strictEqual(map.inputs.headerAction, undefined);
    });

    it("regional internal: the URL map adds the headers, replacing what a client sent, after the map's own", async () => {
        recorder.resources.length = 0;
        const args = onlyCloudRun(lb("regional-internal", { clientCertificates: undefined }));
        args.https!.clientCertificates = {
            trustAnchors: [ROOT],
            validation: "ALLOW_INVALID_OR_MISSING_CLIENT_CERT",
            headers: { "X-Client-Cert-Spiffe": "client_cert_spiffe_id" },
        };
        args.requestHeaders = { add: [{ name: "x-env", value: "prod" }] };
        new ApplicationLoadBalancer("r", args);
        await settle();
        const map = recorder.get("gcp:compute/regionUrlMap:RegionUrlMap", "r-url-map");
        assert.deepStrictEqual(map.inputs.headerAction, {
            requestHeadersToAdds: [
                { headerName: "x-env", headerValue: "prod", replace: false },
                { headerName: "X-Client-Cert-Spiffe", headerValue: "{client_cert_spiffe_id}", replace: true },
            ],
        });
        const service = recorder.get("gcp:compute/regionBackendService:RegionBackendService", "r-api-backend");
        assert.strictEqual(service.inputs.customRequestHeaders, undefined);
        const policy = recorder.get(SERVER_TLS_POLICY, "r-frontend-server-tls-policy");
        assert.strictEqual(
            (policy.inputs.mtlsPolicy as { clientValidationMode: string }).clientValidationMode,
            "ALLOW_INVALID_OR_MISSING_CLIENT_CERT",
        );
    });

    it("creates nothing for mTLS without https.clientCertificates", async () => {
        recorder.resources.length = 0;
        new ApplicationLoadBalancer("n", onlyCloudRun(lb("regional-internal", { clientCertificates: undefined })));
        await settle();
        assert.deepStrictEqual(recorder.byType(TRUST_CONFIG), []);
        assert.deepStrictEqual(recorder.byType(SERVER_TLS_POLICY), []);
        const proxy = recorder.get(
            "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
            "n-frontend-https-proxy",
        );
        assert.strictEqual(proxy.inputs.serverTlsPolicy, undefined);
    });
});

describe("frontend mTLS: validation", () => {
    const problems = (args: ApplicationLoadBalancerArgs) =>
        validateLoadBalancerArgs(args)
            .filter((p) => p.rule.startsWith("client-certificate") || p.rule === "shape")
            .map((p) => ({ rule: p.rule, field: p.field, message: p.message, fix: p.fix }));
    const base = onlyCloudRun(lb("regional-internal"));
    const withCc = (cc: object) => ({ ...base, https: { ...base.https, clientCertificates: cc } }) as never;

    it("accepts the fixture on every scheme", () => {
        for (const scheme of allSchemes) {
            assert.deepStrictEqual(problems(onlyCloudRun(lb(scheme))), [], scheme);
        }
    });

    it("needs a trust anchor or an allowlisted certificate, and a root behind intermediates", () => {
        assert.deepStrictEqual(problems(withCc({ intermediates: [INTERMEDIATE] })), [
            {
                rule: "client-certificates",
                field: "https.clientCertificates",
                message:
                    "gives no trust anchor and no allowlisted certificate, so no client certificate could validate",
                fix: "list the root CA certificates of your clients' PKI in trustAnchors (or their certificates in allowlisted)",
            },
            {
                rule: "client-certificates",
                field: "https.clientCertificates.intermediates",
                message: "intermediates only help build a path to a trust anchor, and none is given",
                fix: "add the root the intermediates chain to in trustAnchors",
            },
        ]);
    });

    it("takes one PEM certificate per entry, at most 5 kB, and never echoes what it was given", () => {
        const big = `-----BEGIN CERTIFICATE-----\n${"A".repeat(6000)}\n-----END CERTIFICATE-----\n`;
        const found = problems(withCc({ trustAnchors: [KEY, ROOT + INTERMEDIATE, big, "./root.pem"] }));
        assert.deepStrictEqual(found, [
            {
                rule: "client-certificates",
                field: "https.clientCertificates.trustAnchors[0]",
                message: "is not one PEM certificate (a BEGIN CERTIFICATE … END CERTIFICATE block)",
                fix: "pass the certificate's PEM text, one certificate per entry (not a file path, not a private key)",
            },
            {
                rule: "client-certificates",
                field: "https.clientCertificates.trustAnchors[1]",
                message: "holds several PEM certificates; each entry takes one",
                fix: "split the bundle: one certificate per list entry",
            },
            {
                rule: "client-certificates",
                field: "https.clientCertificates.trustAnchors[2]",
                message: "is 6055 bytes; a trust config takes PEM certificates of at most 5120 bytes",
                fix: "pass the certificate alone, without comments or text dumps around it",
            },
            {
                rule: "client-certificates",
                field: "https.clientCertificates.trustAnchors[3]",
                message: "is not one PEM certificate (a BEGIN CERTIFICATE … END CERTIFICATE block)",
                fix: "pass the certificate's PEM text, one certificate per entry (not a file path, not a private key)",
            },
        ]);
        assert.ok(!JSON.stringify(found).includes("fixture-key-material"));
    });

    it("checks the validation mode and header variables by shape, and header names by rule", () => {
        assert.deepStrictEqual(
            problems(
                withCc({
                    trustAnchors: [ROOT],
                    validation: "STRICT",
                    headers: { "X-Goog-Cert": "client_cert_present", "X-Spiffe": "{client_cert_spiffe_id}" },
                }),
            ),
            [
                {
                    rule: "shape",
                    field: "https.clientCertificates.validation",
                    message: '"STRICT" is not an allowed value',
                    fix: 'use one of "REJECT_INVALID", "ALLOW_INVALID_OR_MISSING_CLIENT_CERT"',
                },
                {
                    rule: "shape",
                    field: "https.clientCertificates.headers.X-Spiffe",
                    message: '"{client_cert_spiffe_id}" is not an allowed value',
                    fix:
                        'use one of "client_cert_present", "client_cert_chain_verified", "client_cert_error", ' +
                        '"client_cert_sha256_fingerprint", "client_cert_serial_number", "client_cert_spiffe_id", ' +
                        '"client_cert_uri_sans", "client_cert_dnsname_sans", "client_cert_valid_not_before", ' +
                        '"client_cert_valid_not_after", "client_cert_issuer_dn", "client_cert_subject_dn", ' +
                        '"client_cert_leaf", "client_cert_chain"',
                },
            ],
        );
        assert.deepStrictEqual(
            problems(
                withCc({
                    trustAnchors: [ROOT],
                    headers: { "X-Goog-Cert": "client_cert_present", "X-Spiffe": "client_cert_spiffe_id" },
                }),
            ),
            [
                {
                    rule: "client-certificates",
                    field: "https.clientCertificates.headers.X-Goog-Cert",
                    message: '"X-Goog-Cert" starts with the reserved prefix "x-goog-"',
                    fix: "choose a name without the X-Google, X-Goog-, X-GFE or X-Amz- prefixes",
                },
            ],
        );
    });

    it("counts the mTLS headers with the headers already set where they go", () => {
        const headers = Object.fromEntries(
            Array.from({ length: 10 }, (_, i) => [`X-Cert-${i}`, "client_cert_present"]),
        );
        const global = lb("global-external", { clientCertificates: { trustAnchors: [ROOT], headers } as never });
        global.backends.api.customRequestHeaders = Array.from({ length: 7 }, (_, i) => `X-Own-${i}:v`);
        assert.deepStrictEqual(problems(global), [
            {
                rule: "client-certificate-header-count",
                field: "backends.api.customRequestHeaders",
                message:
                    "7 headers of its own and 10 mTLS headers make 17 on the backend service; GCP allows at most 16",
                fix: "forward fewer mTLS details, or set fewer other headers at that level",
            },
        ]);
        const regional = withCc({ trustAnchors: [ROOT], headers }) as ApplicationLoadBalancerArgs;
        regional.requestHeaders = { add: Array.from({ length: 7 }, (_, i) => ({ name: `x-own-${i}`, value: "v" })) };
        assert.deepStrictEqual(problems(regional), [
            {
                rule: "client-certificate-header-count",
                field: "https.clientCertificates.headers",
                message: "10 mTLS headers and 7 in requestHeaders.add make 17 on the URL map; GCP allows at most 16",
                fix: "forward fewer mTLS details, or set fewer other headers at that level",
            },
        ]);
    });
});

describe("frontend mTLS: the standalone Frontend", () => {
    const frontend = (scheme: Scheme, headers?: Record<string, string>) => ({
        scheme,
        regions: scheme === "regional-internal" ? [EU] : undefined,
        network: scheme === "regional-internal" ? "projects/p/global/networks/n" : undefined,
        subnetworks:
            scheme === "regional-internal" ? { [EU]: "projects/p/regions/europe-west1/subnetworks/s" } : undefined,
        urlMap: "projects/p/global/urlMaps/m",
        https: {
            certificate: { certificate: CERT, privateKey: KEY },
            clientCertificates: { trustAnchors: [ROOT], ...(headers ? { headers } : {}) },
        },
    });
    const mtlsHeaderProblems = (args: object) =>
        validateFrontendArgs(args as never)
            .filter((p) => p.rule === "frontend-mtls-headers")
            .map((p) => ({ field: p.field, message: p.message, fix: p.fix }));

    it("takes a trust config without headers", () => {
        assert.deepStrictEqual(mtlsHeaderProblems(frontend("global-external")), []);
    });

    it("refuses headers it could never send, saying where they belong on the scheme", () => {
        const headers = { "X-Client-Cert-Present": "client_cert_present" };
        assert.deepStrictEqual(mtlsHeaderProblems(frontend("global-external", headers)), [
            {
                field: "https.clientCertificates.headers",
                message:
                    "are set on the backend services on the global external Application Load Balancer, which a standalone Frontend does not build, so they would never reach a backend",
                fix: 'drop headers here and add them to each backend service\'s customRequestHeaders (e.g. "X-Client-Cert-Present:{client_cert_present}"), or use ApplicationLoadBalancer, which sets them',
            },
        ]);
        assert.deepStrictEqual(mtlsHeaderProblems(frontend("regional-internal", headers)), [
            {
                field: "https.clientCertificates.headers",
                message:
                    "are set on the URL map on the regional internal Application Load Balancer, which a standalone Frontend does not build, so they would never reach a backend",
                fix: "drop headers here and add them to your URL map's headerAction.requestHeadersToAdds (values like {client_cert_present}), or use ApplicationLoadBalancer, which sets them",
            },
        ]);
    });
});

describe("frontend mTLS: route tests and the simulator", () => {
    const args = (tests: ApplicationLoadBalancerArgs["tests"], validation?: string) => {
        const a = onlyCloudRun(lb("regional-internal"));
        a.https!.clientCertificates!.validation = validation as never;
        return { ...a, tests };
    };
    const routeTestProblems = (a: ApplicationLoadBalancerArgs) =>
        validateLoadBalancerArgs(a)
            .filter((p) => p.rule === "route-test")
            .map((p) => ({ field: p.field, message: p.message, fix: p.fix }));

    it("REJECT_INVALID: requests without a valid certificate are denied, valid ones routed", () => {
        assert.deepStrictEqual(
            routeTestProblems(
                args([
                    { host: "api.example.com", path: "/", denied: true },
                    { host: "api.example.com", path: "/", clientCertificate: { verified: false }, denied: true },
                    { host: "api.example.com", path: "/", clientCertificate: {}, backend: "api" },
                ]),
            ),
            [],
        );
        assert.deepStrictEqual(
            routeTestProblems(
                args([
                    { host: "api.example.com", path: "/", backend: "api" },
                    {
                        host: "api.example.com",
                        path: "/",
                        clientCertificate: { spiffeId: "spiffe://p/x" },
                        denied: true,
                    },
                ]),
            ),
            [
                {
                    field: "tests[0]",
                    message:
                        'GET api.example.com/ should reach backend "api", but reaches a refusal: the TLS handshake is refused: the client presents no certificate (validation REJECT_INVALID)',
                    fix: "change the routes so the request reaches what the test expects, or correct the test",
                },
                {
                    field: "tests[1]",
                    message:
                        'GET api.example.com/ with a valid client certificate (spiffe://p/x) should reach a refusal before routing (denied), but reaches backend "api" (mutual TLS: the client certificate validates)',
                    fix: "change the routes so the request reaches what the test expects, or correct the test",
                },
            ],
        );
    });

    it("ALLOW_INVALID_OR_MISSING_CLIENT_CERT: every request is routed", () => {
        assert.deepStrictEqual(
            routeTestProblems(
                args(
                    [{ host: "api.example.com", path: "/", clientCertificate: { present: false }, denied: true }],
                    "ALLOW_INVALID_OR_MISSING_CLIENT_CERT",
                ),
            ),
            [
                {
                    field: "tests[0]",
                    message:
                        'GET api.example.com/ without a client certificate should reach a refusal before routing (denied), but reaches backend "api" (mutual TLS: no client certificate, let through (validation ALLOW_INVALID_OR_MISSING_CLIENT_CERT))',
                    fix: "change the routes so the request reaches what the test expects, or correct the test",
                },
            ],
        );
    });

    it("refuses a test certificate on a load balancer without mTLS, and two expectations", () => {
        const plain = onlyCloudRun(lb("regional-internal", { clientCertificates: undefined }));
        assert.deepStrictEqual(
            routeTestProblems({
                ...plain,
                tests: [
                    { host: "a", path: "/", clientCertificate: {}, backend: "api" },
                    { host: "a", path: "/", backend: "api", denied: true },
                ],
            }),
            [
                {
                    field: "tests[0].clientCertificate",
                    message:
                        "GET a/ with a valid client certificate presents a client certificate, but the load balancer does not ask for one",
                    fix: "set https.clientCertificates (mutual TLS), or remove clientCertificate from the test",
                },
                {
                    field: "tests[1]",
                    message: "GET a/ names more than one of backend, redirect and denied",
                    fix: "set exactly one of backend, redirect and denied (cloudRunService may be added to a backend test)",
                },
            ],
        );
    });

    it("gives the verdict and the header values a backend receives", () => {
        const access = {
            validation: "ALLOW_INVALID_OR_MISSING_CLIENT_CERT",
            headers: {
                "X-Present": "client_cert_present",
                "X-Verified": "client_cert_chain_verified",
                "X-Spiffe": "client_cert_spiffe_id",
            },
        };
        assert.deepStrictEqual(clientCertificateVerdict(access, { spiffeId: "spiffe://p/billing" }), {
            allowed: true,
            reason: "mutual TLS: the client certificate validates",
            headers: [
                { name: "X-Present", value: "true" },
                { name: "X-Spiffe", value: "spiffe://p/billing" },
                { name: "X-Verified", value: "true" },
            ],
        });
        assert.deepStrictEqual(clientCertificateVerdict(access, { verified: false }).headers, [
            { name: "X-Present", value: "true" },
            { name: "X-Spiffe", value: "" },
            { name: "X-Verified", value: "false" },
        ]);
        assert.deepStrictEqual(clientCertificateVerdict({ ...access, validation: "REJECT_INVALID" }, undefined), {
            allowed: false,
            reason: "the TLS handshake is refused: the client presents no certificate (validation REJECT_INVALID)",
            headers: [],
        });
        assert.deepStrictEqual(parseClientCertificate("spiffe://p/billing"), {
            present: true,
            verified: true,
            spiffeId: "spiffe://p/billing",
            uriSans: ["spiffe://p/billing"],
        });
        assert.deepStrictEqual(parseClientCertificate("none"), { present: false });
        assert.throws(
            () => parseClientCertificate("yes"),
            /--client-cert takes none, invalid, valid or a SPIFFE ID \(spiffe:\/\/…\), got "yes"/,
        );
    });

    it("plan --request: denied without a certificate, the verdict and headers with one", async () => {
        installMocks();
        startRecordingRoutings();
        try {
            new ApplicationLoadBalancer("sim", onlyCloudRun(lb("regional-internal")));
            await settle();
            const denied = routeRequest(parseRequest("GET https://api.example.com/", []));
            assert.deepStrictEqual(
                denied.map((r) => [r.kind, r.summary, r.backends]),
                [
                    [
                        "denied",
                        "refused before routing: the TLS handshake is refused: the client presents no certificate (validation REJECT_INVALID)",
                        [],
                    ],
                ],
            );
            const routed = routeRequest(parseRequest("GET https://api.example.com/", [], "valid"));
            assert.deepStrictEqual(formatRequests(routed).slice(0, 4), [
                'Request GET https://api.example.com/ on sim: backend "api"',
                "  mutual TLS: the client certificate validates",
                "    backends receive X-Client-Cert-Chain-Verified: true",
                "    backends receive X-Client-Cert-Present: true",
            ]);
        } finally {
            clearRecordedRoutings();
        }
    });
});
