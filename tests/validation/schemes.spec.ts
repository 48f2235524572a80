import * as assert from "assert";
import { ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { allSchemes, featureTable, Scheme } from "../../components/schemes";
import { formatProblems, Problem } from "../../components/validation";

const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n";
const EU = "europe-west1";
const US = "us-central1";
const CM = ["projects/p/locations/global/certificates/c"];
const MAP = "//certificatemanager.googleapis.com/projects/p/locations/global/certificateMaps/m";

const TITLES: Record<Scheme, string> = {
    "regional-internal": "regional internal Application Load Balancer",
    "cross-region-internal": "cross-region internal Application Load Balancer",
    "regional-external": "regional external Application Load Balancer",
    "global-external": "global external Application Load Balancer",
    classic: "classic Application Load Balancer",
};

/** A valid HTTPS load balancer of the scheme, with a certificate kind the scheme takes. */
function valid(scheme: Scheme, overrides: Partial<ApplicationLoadBalancerArgs> = {}): ApplicationLoadBalancerArgs {
    const https =
        scheme === "cross-region-internal"
            ? { certificateManagerCertificates: CM }
            : scheme === "global-external" || scheme === "classic"
              ? { managedDomains: ["shop.example.com"] }
              : { certificate: { certificate: CERT, privateKey: KEY } };
    return {
        scheme,
        region: scheme.startsWith("regional") ? EU : undefined,
        regions: scheme === "cross-region-internal" ? [EU, US] : undefined,
        backends: { web: { cloudRun: { service: "web", region: EU } } },
        https,
        ...overrides,
    };
}

function problems(args: ApplicationLoadBalancerArgs): Problem[] {
    return validateLoadBalancerArgs(args);
}

function onlyProblem(args: ApplicationLoadBalancerArgs): Problem {
    const found = problems(args);
    assert.strictEqual(found.length, 1, `expected one problem, got:\n${formatProblems("args", found)}`);
    return found[0];
}

interface OptionCase {
    feature: string;
    rule: string;
    field: string;
    title: string;
    alternative: string;
    rejectedBy: Scheme[];
    apply(args: ApplicationLoadBalancerArgs): ApplicationLoadBalancerArgs;
}

const optionCases: OptionCase[] = [
    {
        feature: "googleManagedCertificate",
        rule: "frontend-scheme-options",
        field: "https.managedDomains",
        title: "Google-managed certificate (Compute)",
        alternative:
            "give a self-managed certificate (https.certificate), or Certificate Manager certificates (https.certificateManagerCertificates), which can be Google-managed with DNS authorization",
        rejectedBy: ["regional-internal", "cross-region-internal", "regional-external"],
        apply: (a) => ({ ...a, https: { managedDomains: ["shop.example.com"] } }),
    },
    {
        feature: "selfManagedCertificate",
        rule: "frontend-scheme-options",
        field: "https.certificate",
        title: "Compute SSL certificates (self-managed, or existing ones by id)",
        alternative: "use Certificate Manager certificates (https.certificateManagerCertificates)",
        rejectedBy: ["cross-region-internal"],
        apply: (a) => ({ ...a, https: { certificate: { certificate: CERT, privateKey: KEY } } }),
    },
    {
        feature: "selfManagedCertificate",
        rule: "frontend-scheme-options",
        field: "https.certificates",
        title: "Compute SSL certificates (self-managed, or existing ones by id)",
        alternative: "use Certificate Manager certificates (https.certificateManagerCertificates)",
        rejectedBy: ["cross-region-internal"],
        // A certificate of the scheme's scope, so only the scheme option itself can be at fault.
        apply: (a) => ({
            ...a,
            https: {
                certificates: [
                    a.scheme.startsWith("regional-")
                        ? "projects/p/regions/europe-west1/sslCertificates/c"
                        : "projects/p/global/sslCertificates/c",
                ],
            },
        }),
    },
    {
        feature: "certificateMap",
        rule: "frontend-scheme-options",
        field: "https.certificateMap",
        title: "Certificate Manager certificate map",
        alternative: "reference certificates directly with https.certificateManagerCertificates",
        rejectedBy: ["regional-internal", "cross-region-internal", "regional-external"],
        apply: (a) => ({ ...a, https: { certificateMap: MAP } }),
    },
    {
        feature: "certificateManagerCertificates",
        rule: "frontend-scheme-options",
        field: "https.certificateManagerCertificates",
        title: "Certificate Manager certificates referenced directly",
        alternative:
            "put the certificates in a Certificate Manager certificate map and give https.certificateMap, or use https.managedDomains",
        rejectedBy: ["global-external", "classic"],
        // Regional proxies take certificates of their own region (rule certificate-manager-scope).
        apply: (a) => ({
            ...a,
            https: {
                certificateManagerCertificates: a.scheme.startsWith("regional")
                    ? ["projects/p/locations/europe-west1/certificates/c"]
                    : CM,
            },
        }),
    },
    {
        feature: "quicOverride",
        rule: "frontend-scheme-options",
        field: "https.quic",
        title: "QUIC (HTTP/3) override",
        alternative: "remove https.quic: regional and internal proxies have no QUIC setting",
        rejectedBy: ["regional-internal", "cross-region-internal", "regional-external"],
        apply: (a) => ({ ...a, https: { ...a.https, quic: "ENABLE" } }),
    },
    {
        feature: "ipv6",
        rule: "frontend-scheme-options",
        field: "ipv6",
        title: "IPv6 (dual stack) frontend",
        alternative:
            "use scheme global-external or regional-external for an IPv6 frontend, or remove ipv6 (internal schemes here serve IPv4)",
        rejectedBy: ["regional-internal", "cross-region-internal"],
        apply: (a) => ({ ...a, ipv6: true }),
    },
    {
        feature: "standardTier",
        rule: "frontend-scheme-options",
        field: "networkTier",
        title: "Standard network tier",
        alternative:
            "use PREMIUM (the default): global external is Premium only ('For GlobalForwardingRule, the valid value is PREMIUM'), Standard tier exists on regional-external and classic (a regional frontend)",
        rejectedBy: ["regional-internal", "cross-region-internal", "global-external"],
        // Classic in Standard Tier is a regional frontend: it needs a region.
        apply: (a) => ({ ...a, networkTier: "STANDARD", region: a.scheme === "classic" ? EU : a.region }),
    },
    {
        feature: "allowGlobalAccess",
        rule: "frontend-scheme-options",
        field: "allowGlobalAccess",
        title: "Global access to the internal VIP",
        alternative:
            "cross-region-internal serves every region it is given; external schemes are reachable from anywhere",
        rejectedBy: ["cross-region-internal", "regional-external", "global-external", "classic"],
        apply: (a) => ({ ...a, allowGlobalAccess: true }),
    },
    {
        feature: "outlierDetection",
        rule: "outlier-detection",
        field: "backends.web.outlierDetection",
        title: "Outlier detection with serverless NEGs",
        alternative: "use scheme global-external or cross-region-internal",
        rejectedBy: ["regional-internal", "regional-external", "classic"],
        apply: (a) => ({ ...a, backends: { web: { ...a.backends.web, outlierDetection: {} } } }),
    },
];

describe("validation: options a scheme does not support (read from the feature table)", () => {
    for (const c of optionCases) {
        describe(`${c.field} (${c.feature})`, () => {
            it(`is rejected exactly by ${c.rejectedBy.join(", ")}, as the feature table says`, () => {
                const row = featureTable.find((f) => f.feature === c.feature)!;
                assert.deepStrictEqual(
                    allSchemes.filter((s) => !row.supported[s]),
                    c.rejectedBy,
                );
            });
            for (const scheme of allSchemes) {
                if (c.rejectedBy.includes(scheme)) {
                    it(`on ${scheme}: names the option, the scheme and the alternative`, () => {
                        assert.deepStrictEqual(onlyProblem(c.apply(valid(scheme))), {
                            rule: c.rule,
                            field: c.field,
                            message: `${c.title} is not supported by the ${TITLES[scheme]} (scheme "${scheme}")`,
                            fix: c.alternative,
                        });
                    });
                } else {
                    it(`on ${scheme}: accepted`, () => {
                        assert.deepStrictEqual(problems(c.apply(valid(scheme))), []);
                    });
                }
            }
        });
    }

    it("accepts the valid base configuration of every scheme", () => {
        for (const scheme of allSchemes) {
            assert.deepStrictEqual(problems(valid(scheme)), [], scheme);
        }
    });

    it("rejects one service in several regions on regional schemes", () => {
        const regions = { backends: { web: { cloudRun: { service: "web", regions: [EU, US] } } } };
        assert.deepStrictEqual(onlyProblem(valid("regional-external", regions)), {
            rule: "serverless-negs-per-backend",
            field: "backends.web.cloudRun.regions",
            message:
                "2 regions given, but a regional external Application Load Balancer takes exactly one serverless NEG per backend service",
            fix: "use scheme global-external or cross-region-internal for one service in several regions, or one load balancer per region",
        });
        for (const scheme of ["global-external", "classic", "cross-region-internal"] as const) {
            assert.deepStrictEqual(problems(valid(scheme, regions)), [], scheme);
        }
    });
});

describe("validation: schemes, regions and tiers", () => {
    it("rejects a regional load balancer's backend in another region", () => {
        assert.deepStrictEqual(
            onlyProblem(
                valid("regional-external", { backends: { web: { cloudRun: { service: "web", region: US } } } }),
            ),
            {
                rule: "lb-backend-region",
                field: "backends.web.cloudRun.region",
                message:
                    '"us-central1" is not the load balancer\'s region "europe-west1": a regional external Application Load Balancer reaches only Cloud Run services in its own region',
                fix: "deploy the service in europe-west1, or use scheme global-external to reach other regions",
            },
        );
        assert.strictEqual(
            onlyProblem(valid("regional-internal", { backends: { web: { cloudRun: { service: "web", region: US } } } }))
                .fix,
            "deploy the service in europe-west1, or use scheme cross-region-internal to reach other regions",
        );
    });

    it("requires Premium tier for one service in several regions", () => {
        const found = problems(
            valid("global-external", {
                networkTier: "STANDARD",
                backends: { web: { cloudRun: { service: "web", regions: [EU, US, "asia-northeast1"] } } },
            }),
        );
        assert.deepStrictEqual(
            found.map((p) => [p.rule, p.field, p.message]),
            [
                [
                    "lb-multi-region-premium",
                    "networkTier",
                    'is "STANDARD", but backends.web runs in 3 regions; routing to the closest region needs the Premium tier',
                ],
                [
                    "frontend-scheme-options",
                    "networkTier",
                    'Standard network tier is not supported by the global external Application Load Balancer (scheme "global-external")',
                ],
            ],
        );
        assert.strictEqual(found[0].fix, 'remove networkTier (Premium is the default) or set it to "PREMIUM"');
    });

    it("rejects outlier detection values GCP refuses", () => {
        const found = problems(
            valid("global-external", {
                backends: {
                    web: {
                        cloudRun: { service: "web", regions: [EU, US] },
                        outlierDetection: {
                            consecutiveErrors: 0,
                            consecutiveGatewayErrors: 1.5,
                            intervalSeconds: -1,
                            baseEjectionTimeSeconds: 0,
                            maxEjectionPercent: 101,
                        },
                    },
                },
            }),
        );
        assert.deepStrictEqual(
            found.map((p) => [p.rule, p.field, p.message, p.fix]),
            [
                [
                    "outlier-detection",
                    "backends.web.outlierDetection.consecutiveErrors",
                    "0 is not a whole number of at least 1",
                    "use a whole number of at least 1",
                ],
                [
                    "outlier-detection",
                    "backends.web.outlierDetection.consecutiveGatewayErrors",
                    "1.5 is not a whole number of at least 1",
                    "use a whole number of at least 1",
                ],
                [
                    "outlier-detection",
                    "backends.web.outlierDetection.intervalSeconds",
                    "-1 is not a whole number of at least 1",
                    "use a whole number of at least 1",
                ],
                [
                    "outlier-detection",
                    "backends.web.outlierDetection.baseEjectionTimeSeconds",
                    "0 is not a whole number of at least 1",
                    "use a whole number of at least 1",
                ],
                [
                    "outlier-detection",
                    "backends.web.outlierDetection.maxEjectionPercent",
                    "101 is not a whole number from 0 to 100",
                    "use a whole number from 0 to 100",
                ],
            ],
        );
    });
});

describe("validation: certificates", () => {
    it("says which certificate sources the scheme takes when none is given", () => {
        assert.deepStrictEqual(onlyProblem(valid("cross-region-internal", { https: {} })), {
            rule: "https-certificate",
            field: "https",
            message: "HTTPS is on but no certificate is given",
            fix: "give https.managedCertificate (Google-managed through Certificate Manager, DNS-authorized) or https.certificateManagerCertificates",
        });
        assert.strictEqual(
            onlyProblem(valid("global-external", { https: {} })).fix,
            "give https.managedCertificate (Google-managed through Certificate Manager, DNS-authorized), https.certificate (certificate + private key), https.certificates (existing certificate ids), https.managedDomains (a Google-managed certificate) or https.certificateMap",
        );
    });

    it("rejects a certificate map next to other certificates", () => {
        assert.deepStrictEqual(
            onlyProblem(
                valid("global-external", { https: { certificateMap: MAP, managedDomains: ["a.example.com"] } }),
            ),
            {
                rule: "https-certificate",
                field: "https.certificateMap",
                message: "a certificate map is given together with other certificates",
                fix: "put every certificate in the map, or drop https.certificateMap",
            },
        );
    });

    it("rejects Certificate Manager certificates next to Compute certificates", () => {
        assert.deepStrictEqual(
            onlyProblem(
                valid("regional-external", {
                    https: {
                        certificateManagerCertificates: ["projects/p/locations/europe-west1/certificates/c"],
                        certificate: { certificate: CERT, privateKey: KEY },
                    },
                }),
            ),
            {
                rule: "https-certificate",
                field: "https.certificateManagerCertificates",
                message:
                    "Certificate Manager certificates are given together with Compute certificates (certificate, certificates or managedDomains); a target proxy takes one kind",
                fix: "use one kind: Certificate Manager certificates only, or Compute certificates only",
            },
        );
    });

    it("rejects more than 15 Compute and more than 100 Certificate Manager certificates per proxy", () => {
        const many = (n: number, kind: string) => Array.from({ length: n }, (_, i) => `projects/p/${kind}/c${i}`);
        assert.deepStrictEqual(
            onlyProblem(valid("classic", { https: { certificates: many(16, "global/sslCertificates") } })),
            {
                rule: "https-certificate",
                field: "https.certificates",
                message: "16 Compute certificates; a target proxy takes at most 15",
                fix: "combine domains into certificates with several SANs, or use a Certificate Manager certificate map (https.certificateMap)",
            },
        );
        assert.deepStrictEqual(
            onlyProblem(
                valid("cross-region-internal", {
                    https: { certificateManagerCertificates: many(101, "locations/global/certificates") },
                }),
            ),
            {
                rule: "https-certificate",
                field: "https.certificateManagerCertificates",
                message: "101 certificates; a target proxy takes at most 100",
                fix: "use fewer certificates, e.g. a wildcard certificate",
            },
        );
    });

    it("rejects managed-certificate domains GCP cannot provision", () => {
        const found = problems(
            valid("global-external", {
                https: {
                    managedDomains: [
                        "*.example.com",
                        "Shop.Example.com",
                        "https://a.example.com",
                        "b.example.com",
                        "b.example.com",
                    ],
                },
            }),
        );
        assert.deepStrictEqual(
            found.map((p) => [p.field, p.message]),
            [
                [
                    "https.managedDomains[0]",
                    '"*.example.com" is a wildcard; Google-managed Compute certificates do not cover wildcard domains',
                ],
                ["https.managedDomains[1]", '"Shop.Example.com" is not a fully qualified domain name'],
                ["https.managedDomains[2]", '"https://a.example.com" is not a fully qualified domain name'],
                ["https.managedDomains[4]", '"b.example.com" is listed more than once'],
            ],
        );
        assert.strictEqual(
            found[1].fix,
            'write the name in lowercase without scheme, port or path, e.g. "shop.example.com"',
        );
        assert.strictEqual(
            found[0].fix,
            "list each name, or use a Certificate Manager certificate with DNS authorization in a certificate map (https.certificateMap)",
        );
    });

    it("rejects more than 100 domains, an empty list, and a first domain longer than 64 characters", () => {
        const domains = Array.from({ length: 101 }, (_, i) => `d${i}.example.com`);
        assert.deepStrictEqual(onlyProblem(valid("global-external", { https: { managedDomains: domains } })), {
            rule: "managed-domains",
            field: "https.managedDomains",
            message: "101 domains given; a Google-managed certificate covers at most 100",
            fix: "split the domains over several load balancers, or use a Certificate Manager certificate map (https.certificateMap)",
        });
        assert.deepStrictEqual(onlyProblem(valid("global-external", { https: { managedDomains: [] } })), {
            rule: "managed-domains",
            field: "https.managedDomains",
            message: "is empty",
            fix: "list the domains the certificate covers, or remove it",
        });
        const long = `${"a".repeat(60)}.example.com`;
        assert.deepStrictEqual(onlyProblem(valid("classic", { https: { managedDomains: [long] } })), {
            rule: "managed-domains",
            field: "https.managedDomains[0]",
            message: `"${long}" is 72 characters long; the first domain becomes the certificate's common name, at most 64`,
            fix: "put a domain of at most 64 characters first",
        });
    });
});

describe("validation: SSL policy, redirect, addresses, labels", () => {
    const https = { managedDomains: ["shop.example.com"] };

    it("rejects an existing SSL policy with settings, CUSTOM without features, and features without CUSTOM", () => {
        assert.deepStrictEqual(
            onlyProblem(
                valid("global-external", {
                    https: { ...https, sslPolicy: { existing: "projects/p/global/sslPolicies/x", profile: "MODERN" } },
                }),
            ),
            {
                rule: "ssl-policy",
                field: "https.sslPolicy.existing",
                message: "an existing SSL policy is given together with sslPolicy.profile",
                fix: "remove the settings (the existing policy has its own), or remove existing to create a policy",
            },
        );
        assert.deepStrictEqual(
            onlyProblem(valid("global-external", { https: { ...https, sslPolicy: { profile: "CUSTOM" } } })),
            {
                rule: "ssl-policy",
                field: "https.sslPolicy.customFeatures",
                message: 'profile "CUSTOM" needs the list of enabled features',
                fix: 'list cipher suites, e.g. ["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"], or use profile "MODERN" or "RESTRICTED"',
            },
        );
        assert.deepStrictEqual(
            onlyProblem(valid("global-external", { https: { ...https, sslPolicy: { customFeatures: ["X"] } } })),
            {
                rule: "ssl-policy",
                field: "https.sslPolicy.customFeatures",
                message: 'is set but the profile is "MODERN"; custom features apply only to profile "CUSTOM"',
                fix: 'set profile: "CUSTOM", or remove customFeatures',
            },
        );
    });

    it("rejects a redirect to a port HTTPS does not listen on, a port clash, and an ephemeral IP", () => {
        assert.deepStrictEqual(onlyProblem(valid("global-external", { https: { ...https, port: 8443 } })), {
            rule: "https-redirect",
            field: "https.port",
            message: "HTTPS listens on 8443, but the HTTP→HTTPS redirect sends clients to port 443",
            fix: "serve HTTPS on 443 with a reserved address, or set https.redirectHttp: false",
        });
        assert.deepStrictEqual(
            problems(valid("global-external", { https: { ...https, port: 8443, redirectHttp: false } })),
            [],
        );
        assert.deepStrictEqual(onlyProblem(valid("regional-external", { httpPort: 443 })), {
            rule: "https-redirect",
            field: "httpPort",
            message: "the redirect's HTTP rule and the HTTPS rule would both use port 443 on the same IP",
            fix: "use another httpPort (80 by default), or set https.redirectHttp: false",
        });
        assert.deepStrictEqual(onlyProblem(valid("classic", { address: { create: false } })), {
            rule: "https-redirect",
            field: "address.create",
            message:
                "is false, so the IP is ephemeral, but the HTTP→HTTPS redirect rule must share the HTTPS rule's reserved IP",
            fix: "leave address.create on (the default), give address.existing, or set https.redirectHttp: false",
        });
        assert.deepStrictEqual(problems(valid("regional-internal", { address: { create: false } })), [], "no redirect");
    });

    it("rejects a listening port outside 1–65535", () => {
        assert.deepStrictEqual(
            problems(valid("regional-internal", { https: { ...https, port: 0 }, httpPort: 80.5 })).filter(
                (p) => p.rule === "frontend-ports",
            ),
            [
                {
                    rule: "frontend-ports",
                    field: "https.port",
                    message: "0 is not a TCP port",
                    fix: "use a whole number from 1 to 65535",
                },
                {
                    rule: "frontend-ports",
                    field: "httpPort",
                    message: "80.5 is not a TCP port",
                    fix: "use a whole number from 1 to 65535",
                },
            ],
        );
    });

    it("rejects a specific IP on an external scheme, and an IPv6 address without ipv6", () => {
        assert.deepStrictEqual(onlyProblem(valid("regional-external", { address: { ip: "34.1.2.3" } })), {
            rule: "frontend-address",
            field: "address.ip",
            message: "a specific IP can be requested only for internal addresses; GCP picks external IPs",
            fix: "remove it; to keep an external IP across changes, pass address.existing or set address.retainOnDelete",
        });
        assert.deepStrictEqual(
            onlyProblem(
                valid("global-external", {
                    address: {
                        existing: "projects/p/global/addresses/a",
                        existingIpv6: "projects/p/global/addresses/b",
                    },
                }),
            ),
            {
                rule: "frontend-address",
                field: "address.existingIpv6",
                message: "is set but ipv6 is off",
                fix: "set ipv6: true, or remove address.existingIpv6",
            },
        );
    });

    it("rejects labels GCP refuses", () => {
        const found = problems(valid("classic", { labels: { Team: "x", ok: "Upper", fine: "a_b-1" } }));
        assert.deepStrictEqual(
            found.map((p) => [p.rule, p.field, p.message]),
            [
                ["frontend-labels", "labels.Team", '"Team" is not a valid label key'],
                ["frontend-labels", "labels.ok", '"Upper" is not a valid label value'],
            ],
        );
    });
});
