import * as assert from "assert";
import { plan, PlanResult } from "../../components/cli/plan";
import { one, ofType } from "../support/program-helpers";

const PROGRAM = "programs/partner-mtls-api";

describe("programs/partner-mtls-api (frontend mTLS for partners)", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan({ program: PROGRAM });
    });

    it("plans without errors or warnings (its route tests, a denied request among them, pass)", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
    });

    it("validates clients against the partner's root: trust config, REJECT_INVALID policy, the proxy's serverTlsPolicy", () => {
        const trust = one(result, "gcp:certificatemanager/trustConfig:TrustConfig");
        assert.strictEqual(trust.inputs.location, "global");
        const stores = trust.inputs.trustStores as { trustAnchors: { pemCertificate: string }[] }[];
        assert.strictEqual(stores.length, 1);
        assert.strictEqual(stores[0].trustAnchors.length, 1);
        const policy = one(result, "gcp:networksecurity/serverTlsPolicy:ServerTlsPolicy");
        assert.deepStrictEqual(
            [policy.inputs.location, policy.inputs.allowOpen, policy.inputs.mtlsPolicy],
            [
                "global",
                false,
                {
                    clientValidationMode: "REJECT_INVALID",
                    clientValidationTrustConfig: `projects/mock-project/locations/global/trustConfigs/${trust.inputs.name}`,
                },
            ],
        );
        const proxy = one(result, "gcp:compute/targetHttpsProxy:TargetHttpsProxy");
        assert.strictEqual(
            proxy.inputs.serverTlsPolicy,
            `projects/mock-project/locations/global/serverTlsPolicies/${policy.inputs.name}`,
        );
    });

    it("forwards the certificate's verdict and identity to the API on its backend service, behind Cloud Armor", () => {
        const service = one(result, "gcp:compute/backendService:BackendService");
        assert.deepStrictEqual(service.inputs.customRequestHeaders, [
            "X-Client-Cert-Chain-Verified:{client_cert_chain_verified}",
            "X-Client-Cert-Hash:{client_cert_sha256_fingerprint}",
            "X-Client-Cert-Present:{client_cert_present}",
            "X-Client-Cert-Spiffe:{client_cert_spiffe_id}",
        ]);
        const armor = one(result, "gcp:compute/securityPolicy:SecurityPolicy");
        assert.strictEqual(
            service.inputs.securityPolicy,
            `projects/mock-project/global/securityPolicies/${armor.inputs.name}`,
        );
        const run = one(result, "gcp:cloudrunv2/service:Service");
        assert.strictEqual(run.inputs.ingress, "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER");
    });

    it("keeps the demo client's key secret in the plan", () => {
        const key = ofType(result, "tls:index/privateKey:PrivateKey");
        assert.strictEqual(key.length, 2);
        assert.ok(!JSON.stringify(result).includes("MOCK-KEY"));
    });

    it("--request: refused without a certificate, routed with the headers the API receives with one", async () => {
        const line = "GET https://partners.example.com/v1/invoices";
        const refused = await plan({ program: PROGRAM, request: line });
        assert.deepStrictEqual(
            refused.request?.map((r) => [r.kind, r.summary]),
            [
                [
                    "denied",
                    "refused before routing: the TLS handshake is refused: the client presents no certificate (validation REJECT_INVALID)",
                ],
            ],
        );
        const routed = await plan({
            program: PROGRAM,
            request: line,
            clientCertificate: "spiffe://partner.example.com/billing",
        });
        assert.deepStrictEqual(routed.request?.[0].access, {
            allowed: true,
            reason: "mutual TLS: the client certificate validates",
            headers: [
                { name: "X-Client-Cert-Chain-Verified", value: "true" },
                { name: "X-Client-Cert-Hash", value: "<client_cert_sha256_fingerprint>" },
                { name: "X-Client-Cert-Present", value: "true" },
                { name: "X-Client-Cert-Spiffe", value: "spiffe://partner.example.com/billing" },
            ],
        });
        assert.strictEqual(routed.request?.[0].backends[0].backend, "api");
    });
});
