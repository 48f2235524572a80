import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { plan, PlanResult } from "../../components/cli/plan";
import { ofType, one } from "../support/program-helpers";

const ROOT = path.resolve(__dirname, "..", "..");
const types = (result: PlanResult) => result.resources.map((r) => r.type);

describe("programs/internal-https (the default plan)", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan();
    });

    it("is the root Pulumi.yaml's program and plans without errors or warnings", () => {
        assert.strictEqual(result.program, "programs/internal-https");
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
    });

    it("holds every resource of the seed's walkthrough", () => {
        const gcp = types(result).filter((t) => t.startsWith("gcp:compute/") || t.startsWith("gcp:cloudrunv2/"));
        assert.deepStrictEqual(gcp.sort(), [
            "gcp:cloudrunv2/service:Service",
            "gcp:compute/address:Address",
            "gcp:compute/firewall:Firewall",
            "gcp:compute/forwardingRule:ForwardingRule",
            "gcp:compute/instance:Instance",
            "gcp:compute/network:Network",
            "gcp:compute/regionBackendService:RegionBackendService",
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "gcp:compute/regionSslCertificate:RegionSslCertificate",
            "gcp:compute/regionSslPolicy:RegionSslPolicy",
            "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
            "gcp:compute/regionUrlMap:RegionUrlMap",
            "gcp:compute/subnetwork:Subnetwork",
            "gcp:compute/subnetwork:Subnetwork",
        ]);
        const subnets = result.resources.filter((r) => r.type === "gcp:compute/subnetwork:Subnetwork");
        assert.deepStrictEqual(
            subnets.map((s) => [s.inputs.purpose, s.inputs.role, s.inputs.ipCidrRange]),
            [
                ["REGIONAL_MANAGED_PROXY", "ACTIVE", "10.129.0.0/23"],
                [undefined, undefined, "10.1.2.0/24"],
            ],
        );
    });

    it("deploys the sample service for internal traffic only, destroyable", () => {
        const service = one(result, "gcp:cloudrunv2/service:Service").inputs;
        assert.strictEqual(service.ingress, "INGRESS_TRAFFIC_INTERNAL_ONLY");
        assert.strictEqual(service.deletionProtection, false);
        assert.strictEqual(service.invokerIamDisabled, true);
    });

    it("serves HTTPS with a self-signed certificate for the hostname, key never shown", () => {
        const cert = one(result, "gcp:compute/regionSslCertificate:RegionSslCertificate").inputs;
        assert.strictEqual(cert.privateKey, "[secret]");
        assert.deepStrictEqual(one(result, "tls:index/selfSignedCert:SelfSignedCert").inputs.dnsNames, [
            "hello.internal.example",
        ]);
        const rule = one(result, "gcp:compute/forwardingRule:ForwardingRule").inputs;
        assert.strictEqual(rule.loadBalancingScheme, "INTERNAL_MANAGED");
        assert.strictEqual(rule.portRange, "443");
    });

    it("admits SSH to the client VM only from IAP's TCP-forwarding range", () => {
        const firewall = one(result, "gcp:compute/firewall:Firewall").inputs;
        assert.deepStrictEqual(firewall.sourceRanges, ["35.235.240.0/20"]);
        assert.deepStrictEqual(firewall.allows, [{ ports: ["22"], protocol: "tcp" }]);
        assert.deepStrictEqual(firewall.targetTags, ["allow-ssh"]);
        assert.deepStrictEqual(one(result, "gcp:compute/instance:Instance").inputs.tags, ["allow-ssh"]);
    });

    it("lets sshMembers through IAP to the VM only: tunnel and OS Login roles on vm-client, OS Login on", async () => {
        assert.deepStrictEqual(
            (one(result, "gcp:compute/instance:Instance").inputs.metadata as Record<string, string>)["enable-oslogin"],
            "TRUE",
        );
        const withMembers = await plan({ config: { sshMembers: '["user:alice@example.com"]' } });
        assert.deepStrictEqual(withMembers.errors, []);
        assert.deepStrictEqual(one(withMembers, "gcp:iap/tunnelInstanceIAMMember:TunnelInstanceIAMMember").inputs, {
            instance: "vm-client",
            member: "user:alice@example.com",
            role: "roles/iap.tunnelResourceAccessor",
            zone: "europe-west1-b",
        });
        assert.deepStrictEqual(one(withMembers, "gcp:compute/instanceIAMMember:InstanceIAMMember").inputs, {
            instanceName: "vm-client",
            member: "user:alice@example.com",
            role: "roles/compute.osLogin",
            zone: "europe-west1-b",
        });
    });

    it("says in its README which IAM roles the IAP tunnel to the client VM needs", () => {
        const readme = fs.readFileSync(path.join(ROOT, "programs", "internal-https", "README.md"), "utf8");
        for (const role of [
            "roles/iap.tunnelResourceAccessor",
            "roles/compute.osLogin",
            "roles/iam.serviceAccountUser",
        ]) {
            assert.ok(readme.includes(role), role);
        }
        assert.ok(readme.includes("curl -s http://10.1.2.99/"), "the walkthrough's HTTP test");
    });

    it("serves the walkthrough's HTTP variant with protocol=http: port 80, no certificate", async () => {
        const http = await plan({ config: { protocol: "http" } });
        assert.deepStrictEqual(http.errors, []);
        const rule = one(http, "gcp:compute/forwardingRule:ForwardingRule").inputs;
        assert.deepStrictEqual([rule.portRange, rule.ipAddress !== undefined], ["80", true]);
        assert.ok(types(http).includes("gcp:compute/regionTargetHttpProxy:RegionTargetHttpProxy"));
        assert.ok(!types(http).some((t) => /SslCertificate|TargetHttpsProxy|SslPolicy|tls:/.test(t)));
        assert.strictEqual(http.outputs.curlCommand, "curl -s http://10.1.2.99/");
        const bad = await plan({ config: { protocol: "tcp" } });
        assert.deepStrictEqual(
            bad.errors.map((e) => e.message),
            ['config protocol must be "https" or "http", got "tcp": set it with `pulumi config set protocol http`'],
        );
    });

    it("outputs the VIP and the curl command for the client VM", () => {
        assert.deepStrictEqual(result.outputs, {
            vipAddress: "10.1.2.99",
            url: "https://10.1.2.99",
            sshCommand: "gcloud compute ssh vm-client --zone europe-west1-b --tunnel-through-iap",
            curlCommand:
                "curl -k -s https://hello.internal.example/ --connect-to hello.internal.example:443:10.1.2.99:443",
            dnsAuthorizationRecords: [],
        });
    });

    it("gives byte-identical JSON when planned twice", async () => {
        const again = await plan();
        assert.strictEqual(JSON.stringify(again), JSON.stringify(result));
    });

    it("keeps a certificate key given in config out of the plan", async () => {
        const withKey = await plan({
            config: {
                tlsCertificate: "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----",
                tlsPrivateKey: "-----BEGIN PRIVATE KEY-----\nDO-NOT-LEAK-0xC0FFEE\n-----END PRIVATE KEY-----",
            },
        });
        assert.deepStrictEqual(withKey.errors, []);
        assert.ok(!JSON.stringify(withKey).includes("DO-NOT-LEAK-0xC0FFEE"));
        assert.ok(!types(withKey).includes("tls:index/selfSignedCert:SelfSignedCert"));
    });

    it("fails with the field named for a /28 proxy-only subnet", async () => {
        const bad = await plan({ config: { proxyOnlyCidr: "10.129.0.0/28" } });
        assert.strictEqual(bad.errors.length, 1);
        assert.deepStrictEqual(bad.errors[0].problems, [
            {
                rule: "proxy-only-subnet-size",
                field: "network.create.proxyOnlyCidr",
                message: '"10.129.0.0/28" is a /28: a proxy-only subnet needs at least 64 addresses (/26)',
                fix: 'use a /26 or larger range; /23 (512 proxies) is Google\'s recommendation, e.g. "10.129.0.0/23"',
            },
        ]);
    });

    it("the CLI exits non-zero and prints the problem, without a stack trace", () => {
        let status = 0;
        let stdout = "";
        try {
            execFileSync("npm", ["run", "--silent", "plan", "--", "--config", "proxyOnlyCidr=10.129.0.0/28"], {
                cwd: ROOT,
                encoding: "utf8",
                stdio: ["ignore", "pipe", "pipe"],
            });
        } catch (error) {
            status = (error as { status: number }).status;
            stdout = (error as { stdout: string }).stdout;
        }
        assert.strictEqual(status, 1);
        assert.match(stdout, /network\.create\.proxyOnlyCidr: "10\.129\.0\.0\/28" is a \/28/);
        assert.doesNotMatch(stdout, /\n\s+at .*\(.*\.ts:\d+:\d+\)/);
    });
});

describe("programs/internal-https with managedCertificate=true", () => {
    let result: PlanResult;
    const config = {
        managedCertificate: "true",
        hostname: "hello.internal.example.com",
        publicZone: "example-com",
    };

    before(async () => {
        result = await plan({ config });
    });

    it("plans without errors or warnings, with Certificate Manager instead of the self-signed certificate", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
        assert.ok(!types(result).includes("tls:index/selfSignedCert:SelfSignedCert"));
        assert.ok(!types(result).includes("gcp:compute/regionSslCertificate:RegionSslCertificate"));
        const apis = result.resources
            .filter((r) => r.type === "gcp:projects/service:Service")
            .map((r) => r.inputs.service)
            .sort();
        assert.deepStrictEqual(apis, [
            "certificatemanager.googleapis.com",
            "compute.googleapis.com",
            "dns.googleapis.com",
            "iap.googleapis.com",
            "run.googleapis.com",
        ]);
    });

    it("creates a regional DNS authorization and certificate in the load balancer's region, referenced by the proxy", () => {
        const authorization = one(result, "gcp:certificatemanager/dnsAuthorization:DnsAuthorization").inputs;
        assert.deepStrictEqual(
            [authorization.domain, authorization.location, authorization.type],
            ["hello.internal.example.com", "europe-west1", "PER_PROJECT_RECORD"],
        );
        const certificate = one(result, "gcp:certificatemanager/certificate:Certificate").inputs;
        assert.deepStrictEqual(
            [certificate.location, certificate.scope, (certificate.managed as { domains: string[] }).domains],
            ["europe-west1", "DEFAULT", ["hello.internal.example.com"]],
        );
        const proxy = one(result, "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy").inputs;
        assert.deepStrictEqual(proxy.certificateManagerCertificates, [
            `projects/mock-project/locations/europe-west1/certificates/${certificate.name}`,
        ]);
        assert.strictEqual(proxy.sslCertificates, undefined);
    });

    it("points the hostname at the VIP in a private zone for that name only, and puts the CNAME in the public zone", () => {
        const zone = one(result, "gcp:dns/managedZone:ManagedZone").inputs;
        assert.deepStrictEqual([zone.dnsName, zone.visibility], ["hello.internal.example.com.", "private"]);
        assert.deepStrictEqual(zone.privateVisibilityConfig, {
            networks: [
                {
                    networkUrl:
                        "https://www.googleapis.com/compute/v1/projects/mock-project/global/networks/lb-network",
                },
            ],
        });
        const records = ofType(result, "gcp:dns/recordSet:RecordSet").map((r) => r.inputs);
        const a = records.find((r) => r.type === "A")!;
        assert.deepStrictEqual(
            [a.managedZone, a.name, a.rrdatas],
            [zone.name, "hello.internal.example.com.", ["10.1.2.99"]],
        );
        const cname = records.find((r) => r.type === "CNAME")!;
        assert.strictEqual(cname.managedZone, "example-com");
        assert.match(cname.name as string, /^_acme-challenge_[0-9a-f]{16}\.hello\.internal\.example\.com\.$/);
        assert.strictEqual(records.length, 2);
    });

    it("outputs the authorization record and a curl command that needs no -k", () => {
        assert.strictEqual(result.outputs.curlCommand, "curl -s https://hello.internal.example.com/");
        const records = result.outputs.dnsAuthorizationRecords as { domain: string; type: string }[];
        assert.deepStrictEqual(
            records.map((r) => [r.domain, r.type]),
            [["hello.internal.example.com", "CNAME"]],
        );
    });

    it("without publicZone creates no CNAME (the private zone would not do) and still outputs it", async () => {
        const noPublic = await plan({ config: { managedCertificate: "true", hostname: "hello.internal.example.com" } });
        assert.deepStrictEqual(noPublic.errors, []);
        assert.deepStrictEqual(
            ofType(noPublic, "gcp:dns/recordSet:RecordSet").map((r) => r.inputs.type),
            ["A"],
        );
        assert.strictEqual((noPublic.outputs.dnsAuthorizationRecords as unknown[]).length, 1);
    });

    it("refuses managedCertificate with protocol=http, naming both keys", async () => {
        const http = await plan({ config: { ...config, protocol: "http" } });
        assert.strictEqual(http.errors.length, 1);
        assert.match(
            JSON.stringify(http.errors[0]),
            /config managedCertificate needs HTTPS, but protocol is http: remove protocol \(https is the default\), or remove managedCertificate/,
        );
    });

    it("requires a hostname in a domain you own", async () => {
        const missing = await plan({ config: { managedCertificate: "true" } });
        assert.strictEqual(missing.errors.length, 1);
        assert.match(JSON.stringify(missing.errors[0]), /hostname/);
    });
});

describe("programs/internal-https with caPool (a private-CA certificate)", () => {
    const POOL = "projects/pki/locations/europe-west1/caPools/internal";
    let result: PlanResult;

    before(async () => {
        result = await plan({ config: { caPool: POOL } });
    });

    it("issues the certificate from the pool: no DNS authorization, no self-signed certificate, the APIs it needs", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
        assert.ok(!types(result).includes("tls:index/selfSignedCert:SelfSignedCert"));
        assert.deepStrictEqual(ofType(result, "gcp:certificatemanager/dnsAuthorization:DnsAuthorization"), []);
        const issuance = one(result, "gcp:certificatemanager/certificateIssuanceConfig:CertificateIssuanceConfig");
        assert.deepStrictEqual(
            [issuance.inputs.location, issuance.inputs.certificateAuthorityConfig],
            ["europe-west1", { certificateAuthorityServiceConfig: { caPool: POOL } }],
        );
        const certificate = one(result, "gcp:certificatemanager/certificate:Certificate");
        assert.deepStrictEqual((certificate.inputs.managed as { domains: string[] }).domains, [
            "hello.internal.example",
        ]);
        const grant = one(result, "gcp:certificateauthority/caPoolIamMember:CaPoolIamMember");
        assert.deepStrictEqual(
            [grant.inputs.caPool, grant.inputs.role],
            [POOL, "roles/privateca.certificateRequester"],
        );
        const record = ofType(result, "gcp:dns/recordSet:RecordSet").map((r) => [r.inputs.name, r.inputs.type]);
        assert.deepStrictEqual(record, [["hello.internal.example.", "A"]]);
        const apis = ofType(result, "gcp:projects/service:Service")
            .map((r) => r.inputs.service)
            .sort();
        assert.deepStrictEqual(apis, [
            "certificatemanager.googleapis.com",
            "compute.googleapis.com",
            "dns.googleapis.com",
            "iap.googleapis.com",
            "privateca.googleapis.com",
            "run.googleapis.com",
        ]);
    });

    it("refuses caPool with managedCertificate, naming both keys", async () => {
        const both = await plan({
            config: { caPool: POOL, managedCertificate: "true", hostname: "hello.internal.example.com" },
        });
        assert.strictEqual(both.errors.length, 1);
        assert.match(
            JSON.stringify(both.errors[0]),
            /config caPool gives a private-CA certificate, which excludes managedCertificate \(a public-CA certificate\): remove one of them/,
        );
    });
});
