import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { plan, PlanResult } from "../../components/cli/plan";

const byType = (result: PlanResult, type: string) => result.resources.filter((r) => r.type === type);

describe("programs/iap-internal-web-app (seed 004)", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan({
            program: "programs/iap-internal-web-app",
            config: { oauthClientId: "1234-abc.apps.googleusercontent.com", oauthClientSecret: "oauth-secret-value" },
        });
    });

    it("plans without errors or warnings", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
    });

    it("enables IAP on the backend service, with the OAuth client secret kept secret", () => {
        const backend = byType(result, "gcp:compute/backendService:BackendService");
        assert.strictEqual(backend.length, 1);
        assert.deepStrictEqual(backend[0].inputs.iap, {
            enabled: true,
            oauth2ClientId: "1234-abc.apps.googleusercontent.com",
            oauth2ClientSecret: "[secret]",
        });
        assert.ok(!JSON.stringify(result).includes("oauth-secret-value"));
    });

    it("grants the IAP service agent run.invoker on the service and employees the IAP accessor role", () => {
        const invokers = byType(result, "gcp:cloudrunv2/serviceIamMember:ServiceIamMember");
        assert.deepStrictEqual(
            invokers.map((i) => [i.inputs.name, i.inputs.role, i.inputs.member]),
            [
                [
                    "intranet",
                    "roles/run.invoker",
                    "serviceAccount:service-123456789012@gcp-sa-iap.iam.gserviceaccount.com",
                ],
            ],
        );
        const accessors = byType(result, "gcp:iap/webBackendServiceIamMember:WebBackendServiceIamMember");
        assert.deepStrictEqual(
            accessors.map((a) => [a.inputs.role, a.inputs.member]),
            [["roles/iap.httpsResourceAccessor", "domain:example.com"]],
        );
    });

    it("creates the IAP service agent (service identity of iap.googleapis.com) for the invoker grant", () => {
        const agents = byType(result, "gcp:projects/serviceIdentity:ServiceIdentity");
        assert.deepStrictEqual(
            agents.map((a) => [a.name, a.inputs.service]),
            [["iap-agent", "iap.googleapis.com"]],
        );
        // The load balancer (and so the grant inside it) depends on it: see the program's dependsOn.
        const source = fs.readFileSync(
            path.join(__dirname, "..", "..", "programs", "iap-internal-web-app", "index.ts"),
            "utf8",
        );
        assert.match(source, /\{ dependsOn: \[\.\.\.apis, iapAgent\] \}/);
    });

    it("has no allUsers binding and keeps the service behind the load balancer", () => {
        assert.ok(!JSON.stringify(result.resources).includes("allUsers"));
        const service = byType(result, "gcp:cloudrunv2/service:Service")[0].inputs;
        assert.strictEqual(service.ingress, "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER");
        assert.strictEqual(service.defaultUriDisabled, true);
        assert.ok(!("invokerIamDisabled" in service));
    });

    it("serves HTTPS with a managed certificate (IAP needs HTTPS)", () => {
        assert.deepStrictEqual(
            byType(result, "gcp:compute/managedSslCertificate:ManagedSslCertificate")[0].inputs.managed,
            { domains: ["intranet.example.com"] },
        );
        assert.strictEqual(byType(result, "gcp:compute/targetHttpsProxy:TargetHttpsProxy").length, 1);
    });

    it("creates what its README lists for the frontend: the SSL policy and the HTTP→HTTPS redirect", () => {
        const policy = byType(result, "gcp:compute/sSLPolicy:SSLPolicy").map((p) => [
            p.inputs.profile,
            p.inputs.minTlsVersion,
        ]);
        assert.deepStrictEqual(policy, [["MODERN", "TLS_1_2"]]);
        const maps = byType(result, "gcp:compute/uRLMap:URLMap").map((m) => m.name);
        assert.deepStrictEqual(maps, ["intranet-frontend-redirect-url-map", "intranet-url-map"]);
        const redirect = byType(result, "gcp:compute/uRLMap:URLMap")[0].inputs;
        assert.deepStrictEqual(redirect.defaultUrlRedirect, {
            httpsRedirect: true,
            redirectResponseCode: "MOVED_PERMANENTLY_DEFAULT",
            stripQuery: false,
        });
        assert.deepStrictEqual(
            byType(result, "gcp:compute/globalForwardingRule:GlobalForwardingRule").map((r) => [
                r.inputs.portRange,
                String(r.inputs.target).split("/").slice(-2).join("/"),
            ]),
            [
                ["80", "targetHttpProxies/intranet-redirect-proxy"],
                ["443", "targetHttpsProxies/intranet-https-proxy"],
            ],
        );
        const readme = fs.readFileSync(
            path.join(__dirname, "..", "..", "programs", "iap-internal-web-app", "README.md"),
            "utf8",
        );
        const creates = readme.slice(readme.indexOf("What it creates:"), readme.indexOf("## Start from this template"));
        for (const named of ["SSL policy", "redirect-only URL map", "HTTP proxy", "forwarding rule on 80"]) {
            assert.ok(creates.includes(named), `"What it creates" names the ${named}`);
        }
    });
});
