import * as assert from "assert";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { ConfigurationError, formatProblems, Problem, thousands } from "../../components/validation";
import { installMocks } from "../../components/testing/mocks";

const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nsuper-secret-key-material\n-----END PRIVATE KEY-----\n";

function internal(overrides: Partial<ApplicationLoadBalancerArgs> = {}): ApplicationLoadBalancerArgs {
    return {
        scheme: "regional-internal",
        region: "europe-west1",
        backends: { orders: { cloudRun: { service: "orders" } } },
        https: { certificate: { certificate: CERT, privateKey: KEY } },
        ...overrides,
    };
}

/** The one problem a configuration has, for exact assertions. */
function onlyProblem(args: ApplicationLoadBalancerArgs): Problem {
    const problems = validateLoadBalancerArgs(args);
    assert.strictEqual(problems.length, 1, `expected one problem, got:\n${formatProblems("args", problems)}`);
    return problems[0];
}

describe("validation (foundation scope)", () => {
    it("accepts the internal HTTPS load balancer", () => {
        assert.deepStrictEqual(validateLoadBalancerArgs(internal()), []);
    });

    it("rejects an unknown scheme and lists the valid ones", () => {
        assert.deepStrictEqual(onlyProblem(internal({ scheme: "internal" as any })), {
            rule: "shape",
            field: "scheme",
            message: '"internal" is not an allowed value',
            fix: 'use one of "regional-internal", "cross-region-internal", "regional-external", "global-external", "classic"',
        });
    });

    it("rejects a regional scheme without a region", () => {
        assert.deepStrictEqual(onlyProblem(internal({ region: undefined })), {
            rule: "lb-region",
            field: "region",
            message: "no region is set",
            fix: 'set it to the Cloud Run service\'s region, e.g. "europe-west1"',
        });
    });

    it("rejects a zone given as region", () => {
        const problem = onlyProblem(internal({ region: "europe-west1-b" }));
        assert.strictEqual(problem.field, "region");
        assert.strictEqual(problem.message, '"europe-west1-b" is not a GCP region name (it is a zone)');
        assert.strictEqual(problem.fix, 'use the zone\'s region, "europe-west1"');
    });

    it("rejects a proxy-only subnet smaller than /26", () => {
        assert.deepStrictEqual(onlyProblem(internal({ network: { create: { proxyOnlyCidr: "10.129.0.0/28" } } })), {
            rule: "proxy-only-subnet-size",
            field: "network.create.proxyOnlyCidr",
            message: '"10.129.0.0/28" is a /28: a proxy-only subnet needs at least 64 addresses (/26)',
            fix: 'use a /26 or larger range; /23 (512 proxies) is Google\'s recommendation, e.g. "10.129.0.0/23"',
        });
    });

    it("rejects a CIDR that is not on its boundary and says the aligned one", () => {
        assert.deepStrictEqual(onlyProblem(internal({ network: { create: { subnetCidr: "10.1.2.5/24" } } })), {
            rule: "network-cidr-syntax",
            field: "network.create.subnetCidr",
            message: '"10.1.2.5/24" is not a valid IPv4 CIDR range',
            fix: 'use "10.1.2.0/24" (host bits cleared)',
        });
    });

    it("rejects overlapping subnet and proxy-only ranges", () => {
        assert.deepStrictEqual(
            onlyProblem(internal({ network: { create: { subnetCidr: "10.0.0.0/16", proxyOnlyCidr: "10.0.4.0/23" } } })),
            {
                rule: "network-cidr-overlap",
                field: "network.create.proxyOnlyCidr",
                message: '"10.0.4.0/23" overlaps "10.0.0.0/16", the range of the subnet in europe-west1',
                fix: "pick a range outside 10.0.0.0/16, e.g. the default 10.129.0.0/23 for the proxy-only subnet",
            },
        );
    });

    it("rejects a Cloud Run backend with neither service nor URL mask, and with both", () => {
        assert.deepStrictEqual(onlyProblem(internal({ backends: { orders: { cloudRun: {} } } })), {
            rule: "cloud-run-target",
            field: "backends.orders.cloudRun",
            message: "neither service nor urlMask is set",
            fix: 'set cloudRun.service (e.g. "orders"), or a URL mask with <service> (e.g. "example.com/<service>")',
        });
        const both = onlyProblem(
            internal({ backends: { orders: { cloudRun: { service: "orders", urlMask: "example.com/<service>" } } } }),
        );
        assert.strictEqual(
            both.message,
            '"example.com/<service>" picks the service with <service>, and cloudRun.service names one too; the service is given either explicitly or in the mask',
        );
    });

    it("rejects HTTPS without a certificate", () => {
        assert.deepStrictEqual(onlyProblem(internal({ https: {} })), {
            rule: "https-certificate",
            field: "https",
            message: "HTTPS is on but no certificate is given",
            fix: "give https.managedCertificate (Google-managed through Certificate Manager, DNS-authorized), https.certificate (certificate + private key), https.certificates (existing certificate ids) or https.certificateManagerCertificates",
        });
    });

    it("rejects a name prefix GCP would refuse", () => {
        assert.deepStrictEqual(onlyProblem(internal({ namePrefix: "Orders_Prod" })), {
            rule: "lb-name-prefix",
            field: "namePrefix",
            message:
                '"Orders_Prod" is not usable: GCP names must start with a lowercase letter, contain only lowercase letters, digits and hyphens, and not end with a hyphen',
            fix: "use lowercase letters, digits and hyphens, starting with a letter, at most 40 characters (or omit namePrefix)",
        });
    });

    it("rejects an invalid Cloud Run service name", () => {
        const problem = onlyProblem(internal({ backends: { orders: { cloudRun: { service: "Orders_API" } } } }));
        assert.strictEqual(problem.rule, "cloud-run-names");
        assert.strictEqual(problem.field, "backends.orders.cloudRun.service");
    });

    it("reports every problem at once, never just the first", () => {
        const problems = validateLoadBalancerArgs(
            internal({
                region: undefined,
                network: { create: { proxyOnlyCidr: "10.129.0.0/28" } },
                backends: { orders: { cloudRun: {} } },
                https: {},
            }),
        );
        assert.deepStrictEqual(
            problems.map((p) => `${p.rule} ${p.field}`),
            [
                "lb-region region",
                "proxy-only-subnet-size network.create.proxyOnlyCidr",
                "cloud-run-target backends.orders.cloudRun",
                "https-certificate https",
            ],
        );
    });

    describe("in the component", () => {
        before(() => {
            installMocks();
        });

        it("throws one ConfigurationError that names each field, without the private key", () => {
            let caught: unknown;
            try {
                new ApplicationLoadBalancer(
                    "bad",
                    internal({ https: {}, network: { create: { proxyOnlyCidr: "10.129.0.0/28" } } }),
                );
            } catch (error) {
                caught = error;
            }
            assert.ok(ConfigurationError.isInstance(caught), "a ConfigurationError");
            const message = (caught as Error).message;
            assert.strictEqual(
                message,
                [
                    'ApplicationLoadBalancer "bad" has 2 configuration problems:',
                    '  1. network.create.proxyOnlyCidr: "10.129.0.0/28" is a /28: a proxy-only subnet needs at least 64 addresses (/26)',
                    '     Fix: use a /26 or larger range; /23 (512 proxies) is Google\'s recommendation, e.g. "10.129.0.0/23" [proxy-only-subnet-size]',
                    "  2. https: HTTPS is on but no certificate is given",
                    "     Fix: give https.managedCertificate (Google-managed through Certificate Manager, DNS-authorized), https.certificate (certificate + private key), https.certificates (existing certificate ids) or https.certificateManagerCertificates [https-certificate]",
                ].join("\n"),
            );
            assert.ok(!message.includes("super-secret"));
        });
    });

    it("writes numbers in messages with en-US thousands separators, without loading ICU", () => {
        assert.deepStrictEqual([0, 999, 1000, 64_000, 1_048_576, -12_345, 12_345.5].map(thousands), [
            "0",
            "999",
            "1,000",
            "64,000",
            "1,048,576",
            "-12,345",
            "12,345.5",
        ]);
    });
});
