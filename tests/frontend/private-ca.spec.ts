import * as assert from "assert";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { allSchemes, Scheme, supports } from "../../components/schemes";
import { installMocks, Recorder, settle } from "../../components/testing/mocks";

const EU = "europe-west1";
const US = "us-central1";
const POOL = "projects/pki/locations/europe-west1/caPools/internal";
const ISSUANCE = "gcp:certificatemanager/certificateIssuanceConfig:CertificateIssuanceConfig";
const CERTIFICATE = "gcp:certificatemanager/certificate:Certificate";
const GRANT = "gcp:certificateauthority/caPoolIamMember:CaPoolIamMember";
const AGENT = "gcp:projects/serviceIdentity:ServiceIdentity";

function lb(scheme: Scheme, managed: object = {}): ApplicationLoadBalancerArgs {
    return {
        scheme,
        region: scheme.startsWith("regional") ? EU : undefined,
        regions: scheme === "cross-region-internal" ? [EU, US] : undefined,
        backends: { api: { cloudRun: { service: "api", region: EU } } },
        defaultBackend: "api",
        https: { managedCertificate: { domains: ["api.internal.example.com"], caPool: POOL, ...managed } },
    } as ApplicationLoadBalancerArgs;
}

describe("private-CA managed certificates (mocks)", () => {
    let recorder: Recorder;
    before(() => {
        recorder = installMocks();
    });

    for (const scheme of allSchemes) {
        it(`${scheme}: service agent, requester grant on the pool, issuance config and certificates, no DNS authorization`, async () => {
            recorder.resources.length = 0;
            const name = `p-${scheme}`;
            new ApplicationLoadBalancer(name, lb(scheme));
            await settle();
            const location = scheme.startsWith("regional") ? EU : "global";
            const agent = recorder.get(AGENT, `${name}-frontend-certificate-manager-agent`);
            assert.strictEqual(agent.inputs.service, "certificatemanager.googleapis.com");
            const grant = recorder.get(GRANT, `${name}-frontend-ca-pool-requester`);
            assert.deepStrictEqual(
                [grant.inputs.caPool, grant.inputs.role, grant.inputs.member],
                [
                    POOL,
                    "roles/privateca.certificateRequester",
                    "serviceAccount:service-123456789012@gcp-sa-certificatemanager.iam.gserviceaccount.com",
                ],
            );
            assert.deepStrictEqual(grant.options, { deleteBeforeReplace: true });
            const issuance = recorder.get(ISSUANCE, `${name}-frontend-issuance-config`);
            assert.deepStrictEqual(
                {
                    location: issuance.inputs.location,
                    certificateAuthorityConfig: issuance.inputs.certificateAuthorityConfig,
                    keyAlgorithm: issuance.inputs.keyAlgorithm,
                    lifetime: issuance.inputs.lifetime,
                    rotationWindowPercentage: issuance.inputs.rotationWindowPercentage,
                },
                {
                    location,
                    certificateAuthorityConfig: { certificateAuthorityServiceConfig: { caPool: POOL } },
                    keyAlgorithm: "RSA_2048",
                    lifetime: "2592000s",
                    rotationWindowPercentage: 66,
                },
            );
            assert.match(String(issuance.inputs.name), new RegExp(`^${name}-issuance-[0-9a-f]+$`));
            const certificate = recorder.get(CERTIFICATE, `${name}-frontend-cert-api-internal-example-com`);
            assert.deepStrictEqual(
                [certificate.inputs.location, certificate.inputs.scope, certificate.inputs.managed],
                [
                    location,
                    scheme === "cross-region-internal" ? "ALL_REGIONS" : "DEFAULT",
                    {
                        domains: ["api.internal.example.com"],
                        issuanceConfig: `projects/mock-project/locations/${location}/certificateIssuanceConfigs/${issuance.inputs.name}`,
                    },
                ],
            );
            assert.deepStrictEqual(recorder.byType("gcp:certificatemanager/dnsAuthorization:DnsAuthorization"), []);
            const usesMap = scheme === "global-external" || scheme === "classic";
            assert.strictEqual(
                recorder.byType("gcp:certificatemanager/certificateMap:CertificateMap").length,
                usesMap ? 1 : 0,
            );
        });
    }

    it("a new CA pool renames the issuance config and the certificates (create-before-delete stays safe)", async () => {
        recorder.resources.length = 0;
        new ApplicationLoadBalancer("a", lb("regional-internal"));
        new ApplicationLoadBalancer("b", lb("regional-internal", { caPool: POOL.replace("internal", "other") }));
        await settle();
        const names = (lbName: string) => [
            String(recorder.get(ISSUANCE, `${lbName}-frontend-issuance-config`).inputs.name).replace(/^[ab]-/, ""),
            String(recorder.get(CERTIFICATE, `${lbName}-frontend-cert-api-internal-example-com`).inputs.name).replace(
                /^[ab]-/,
                "",
            ),
        ];
        const [issuanceA, certA] = names("a");
        const [issuanceB, certB] = names("b");
        assert.notStrictEqual(issuanceA, issuanceB);
        assert.notStrictEqual(certA, certB);
    });
});

describe("private-CA managed certificates: validation", () => {
    const problems = (args: ApplicationLoadBalancerArgs) =>
        validateLoadBalancerArgs(args)
            .filter((p) => p.rule === "private-ca-certificate")
            .map((p) => ({ field: p.field, message: p.message, fix: p.fix }));

    it("is in the capability table for every scheme, and the fixture passes everywhere", () => {
        for (const scheme of allSchemes) {
            assert.strictEqual(supports(scheme, "privateCaCertificate"), true);
            assert.deepStrictEqual(
                validateLoadBalancerArgs(lb(scheme)).map((p) => p.rule),
                [],
                scheme,
            );
        }
    });

    it("refuses a malformed pool, DNS authorization settings and an unknown key algorithm", () => {
        const args = lb("regional-internal", {
            caPool: "internal-pool",
            dnsAuthorizationType: "PER_PROJECT_RECORD",
        });
        args.dns = { zone: "internal", authorizationZone: "public" };
        assert.deepStrictEqual(problems(args), [
            {
                field: "https.managedCertificate.caPool",
                message: '"internal-pool" is not a CA pool (projects/<project>/locations/<region>/caPools/<pool>)',
                fix: 'give caPool as "projects/<project>/locations/<region>/caPools/<pool>" (e.g. a privateca.CaPool\'s id)',
            },
            {
                field: "https.managedCertificate.dnsAuthorizationType",
                message: "is set but the certificates come from the CA pool, which needs no DNS authorization",
                fix: "remove dnsAuthorizationType, or remove caPool to use a public CA with DNS authorization",
            },
            {
                field: "dns.authorizationZone",
                message: "is set but certificates from a CA pool have no DNS authorization records",
                fix: "remove dns.authorizationZone",
            },
        ]);
    });

    it("names a key algorithm Certificate Manager does not offer by the shape check", () => {
        const shape = validateLoadBalancerArgs(lb("regional-internal", { keyAlgorithm: "RSA_4096" })).map((p) => ({
            rule: p.rule,
            field: p.field,
            message: p.message,
            fix: p.fix,
        }));
        assert.deepStrictEqual(shape, [
            {
                rule: "shape",
                field: "https.managedCertificate.keyAlgorithm",
                message: '"RSA_4096" is not an allowed value',
                fix: 'use one of "RSA_2048", "ECDSA_P256"',
            },
        ]);
    });

    it("refuses a key algorithm without a CA pool", () => {
        assert.deepStrictEqual(problems(lb("global-external", { caPool: undefined, keyAlgorithm: "ECDSA_P256" })), [
            {
                field: "https.managedCertificate.keyAlgorithm",
                message: "is set but the certificates come from a public CA (no caPool), whose keys GCP picks",
                fix: "remove keyAlgorithm, or set caPool",
            },
        ]);
    });
});
