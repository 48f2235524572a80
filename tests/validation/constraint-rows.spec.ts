/**
 * The constraint table's rows, one family at a time: exact input → accepted, or the problem naming the
 * user's field, the reason and a fix that does not repeat the bad value. Also the checks of values known
 * only at apply, and the warnings for configurations that can never serve.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { ApplicationLoadBalancerArgs, BackendArgs } from "../../components/load-balancer";
import { plan } from "../../components/cli/plan";
import { checkResolved } from "../../components/constraints/check";
import { excerpt } from "../../components/constraints/formats";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { installMocks } from "../../components/testing/mocks";
import { Problem } from "../../components/validation";
import { KEY } from "../support/fixtures";

const EU = "europe-west1";

function lb(
    web: Partial<BackendArgs> = {},
    extra: Partial<ApplicationLoadBalancerArgs> = {},
): ApplicationLoadBalancerArgs {
    return {
        scheme: "global-external",
        backends: { web: { cloudRun: { service: "web", region: EU }, ...web } },
        defaultBackend: "web",
        ...extra,
    } as ApplicationLoadBalancerArgs;
}

const problems = (args: ApplicationLoadBalancerArgs): Problem[] => validateLoadBalancerArgs(args);

/** The one problem of `args`, and that its fix does not repeat `bad`. */
function only(args: ApplicationLoadBalancerArgs, bad?: string): Problem {
    const found = problems(args);
    assert.strictEqual(found.length, 1, JSON.stringify(found, null, 2));
    if (bad !== undefined) assert.ok(!found[0].fix.includes(bad), `the fix repeats ${bad}`);
    return found[0];
}

describe("constraint rows: logging and Cloud CDN", () => {
    it("takes a sample rate in [0, 1] and names the field otherwise", () => {
        assert.deepStrictEqual(problems(lb({ logging: { enabled: true, sampleRate: 0.25 } })), []);
        assert.deepStrictEqual(only(lb({ logging: { enabled: true, sampleRate: 1.5 } }), "1.5"), {
            rule: "gcp-field-constraints",
            field: "backends.web.logging.sampleRate",
            message: "1.5 is outside 0–1, the range GCP accepts",
            fix: "use a number from 0–1",
        });
    });

    it("bounds TTLs at one year and keeps defaultTtl and clientTtl at most maxTtl", () => {
        const cdn = (c: Record<string, unknown>) => lb({ cdn: { enabled: true, ...c } });
        assert.deepStrictEqual(problems(cdn({ defaultTtl: 3600, maxTtl: 31_622_400, clientTtl: 3600 })), []);
        assert.deepStrictEqual(only(cdn({ maxTtl: 40_000_000 }), "40,000,000"), {
            rule: "gcp-field-constraints",
            field: "backends.web.cdn.maxTtl",
            message: "40,000,000 is outside 0–31,622,400 s, the range GCP accepts",
            fix: "use a whole number from 0–31,622,400 s",
        });
        assert.deepStrictEqual(only(cdn({ defaultTtl: 7200, maxTtl: 3600 }), "7200"), {
            rule: "gcp-field-constraints",
            field: "backends.web.cdn.defaultTtl",
            message: "is 7200, more than maxTtl (3600); GCP requires defaultTtl ≤ maxTtl",
            fix: "lower it to at most maxTtl, or raise maxTtl",
        });
        assert.strictEqual(only(cdn({ clientTtl: 90_000, maxTtl: 86_400 })).field, "backends.web.cdn.clientTtl");
        // A value outside the Args' own closed set is a shape problem, found before the constraint table runs.
        assert.deepStrictEqual(only(cdn({ cacheMode: "CACHE_EVERYTHING" }), "CACHE_EVERYTHING"), {
            rule: "shape",
            field: "backends.web.cdn.cacheMode",
            message: '"CACHE_EVERYTHING" is not an allowed value',
            fix: 'use one of "CACHE_ALL_STATIC", "USE_ORIGIN_HEADERS", "FORCE_CACHE_ALL"',
        });
    });
});

describe("constraint rows: IAM members", () => {
    it("takes every principal form and names an email without its type", () => {
        const members = [
            "user:alice@example.com",
            "group:admins@example.com",
            "serviceAccount:ci@shop-prod.iam.gserviceaccount.com",
            "domain:example.com",
            "principal://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/subject/s",
            "principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/*",
            "allAuthenticatedUsers",
        ];
        const https = { managedDomains: ["shop.example.com"] };
        assert.deepStrictEqual(problems(lb({ iap: { enabled: true, members } }, { https })), []);
        assert.deepStrictEqual(
            only(lb({ iap: { enabled: true, members: ["alice@example.com"] } }, { https }), "alice"),
            {
                rule: "gcp-field-constraints",
                field: "backends.web.iap.members[0]",
                message: '"alice@example.com" is an email address without the principal type IAM needs',
                fix: 'prefix it with its type: "user:" for a person, "group:" for a Google group, "serviceAccount:" for a service account (…iam.gserviceaccount.com)',
            },
        );
        const users = lb({ loadBalancerServiceUsers: ["team-a"] }, { scheme: "regional-internal", region: EU });
        const found = problems(users).filter((p) => p.rule === "gcp-field-constraints");
        assert.deepStrictEqual(found, [
            {
                rule: "gcp-field-constraints",
                field: "backends.web.loadBalancerServiceUsers[0]",
                message: '"team-a" is not an IAM principal identifier',
                fix: "write it as user:EMAIL, group:EMAIL, serviceAccount:EMAIL, domain:DOMAIN, principal://…, principalSet://…, allUsers or allAuthenticatedUsers",
            },
        ]);
    });
});

describe("constraint rows: names, projects, CIDRs, DNS zones", () => {
    it("names a project number where the project ID belongs", () => {
        assert.deepStrictEqual(only(lb({}, { project: "123456789012" }), "123456789012"), {
            rule: "gcp-field-constraints",
            field: "project",
            message: '"123456789012" is a project number, where the project ID belongs',
            fix: 'use the project ID, e.g. "shop-prod-123456" (gcloud projects list shows it)',
        });
    });

    it("refuses subnet ranges in GCP's prohibited ranges", () => {
        const internal = (subnetCidr: string) =>
            lb({}, { scheme: "regional-internal", region: EU, network: { create: { subnetCidr } } });
        assert.deepStrictEqual(problems(internal("10.1.2.0/24")), []);
        assert.deepStrictEqual(only(internal("169.254.10.0/24"), "169.254.10.0"), {
            rule: "gcp-field-constraints",
            field: "network.create.subnetCidr",
            message: '"169.254.10.0/24" overlaps 169.254.0.0/16, a range VPC subnets cannot use',
            fix: 'use a private range such as 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (e.g. "10.1.2.0/24")',
        });
    });

    it("names a zone's DNS name where the managed zone's name belongs, and never quotes key material", () => {
        const dns = (zone: string) =>
            lb({}, { https: { managedDomains: ["shop.example.com"] }, dns: { zone, names: ["shop.example.com"] } });
        assert.deepStrictEqual(problems(dns("example-com")), []);
        assert.deepStrictEqual(only(dns("example.com."), "example.com."), {
            rule: "gcp-field-constraints",
            field: "dns.zone",
            message: '"example.com." is a DNS name, where the managed zone\'s name belongs',
            fix: 'pass the zone\'s name (e.g. zone.name of a gcp.dns.ManagedZone, such as "example-com"), not its dnsName',
        });
        const pasted = only(dns(KEY));
        assert.strictEqual(
            pasted.message,
            "(a value that looks like key material) is not a managed zone name (1–63 lowercase letters, digits or dashes, starting with a letter)",
        );
        assert.strictEqual(excerpt("a.".repeat(50)), `"${"a.".repeat(18)}a..."`);
    });

    it("names a run.app URL where a Cloud Run service name belongs", () => {
        assert.deepStrictEqual(only(lb({ cloudRun: { service: "https://web-abcdefghij-ew.a.run.app", region: EU } })), {
            rule: "cloud-run-names",
            field: "backends.web.cloudRun.service",
            message: '"https://web-abcdefghij-ew.a.run.app" is a Cloud Run URL, where the service\'s name belongs',
            fix: "pass the service's name (e.g. service.name of a gcp.cloudrunv2.Service), not its URL (service.uri)",
        });
    });
});

describe("constraint rows: redirects, Cloud Armor, SSL policies", () => {
    it("bounds redirect hosts and paths, and refuses an HTTPS redirect in a map behind the HTTPS proxy", () => {
        const redirect = (r: Record<string, unknown>, extra: Partial<ApplicationLoadBalancerArgs> = {}) =>
            lb({}, { routes: [{ hosts: ["old.example.com"], redirect: r }], ...extra });
        assert.deepStrictEqual(problems(redirect({ https: true })), []);
        assert.deepStrictEqual(only(redirect({ host: `${"a".repeat(250)}.example.com` })), {
            rule: "gcp-field-constraints",
            field: "routes[0].redirect.host",
            message: "is 262 characters long; GCP accepts 1–255",
            fix: "shorten it to at most 255 characters",
        });
        assert.strictEqual(only(redirect({ path: `/${"p".repeat(1024)}` })).field, "routes[0].redirect.path");
        assert.deepStrictEqual(only(redirect({ https: true }, { https: { managedDomains: ["old.example.com"] } })), {
            rule: "route-https-redirect",
            field: "routes[0].redirect.https",
            message:
                "is true, but this load balancer serves HTTPS, so its URL map is behind a target HTTPS proxy, where GCP does not permit an HTTPS redirect",
            fix: "drop redirect.https (requests on this map already arrive over HTTPS; the package's HTTP→HTTPS redirect is https.redirectHttp)",
        });
    });

    it("keeps an allow list to 5 sub-expressions and a deny list to 10 ranges", () => {
        const ranges = (n: number) => Array.from({ length: n }, (_, i) => `203.0.113.${i * 8}/29`);
        const armor = (create: Record<string, unknown>) => lb({ securityPolicy: { create } });
        assert.deepStrictEqual(problems(armor({ allowIpRanges: ranges(5), denyIpRanges: ranges(10) })), []);
        assert.deepStrictEqual(only(armor({ allowIpRanges: ranges(6) })), {
            rule: "gcp-field-constraints",
            field: "backends.web.securityPolicy.create.allowIpRanges",
            message: "has 6 entries; the allow list becomes one expression of inIpRange() sub-expressions: at most 5",
            fix: "keep at most 5 (cover several addresses with one wider CIDR range)",
        });
        assert.strictEqual(
            only(armor({ denyIpRanges: ranges(11) })).message,
            "has 11 entries; a basic match condition holds at most 10 IP ranges",
        );
    });

    it("takes the SSL features GCP offers in a CUSTOM profile", () => {
        const policy = (customFeatures: string[]) =>
            lb(
                {},
                { https: { managedDomains: ["shop.example.com"], sslPolicy: { profile: "CUSTOM", customFeatures } } },
            );
        assert.deepStrictEqual(
            problems(policy(["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"])),
            [],
        );
        const problem = only(policy(["TLS_FOO"]), "TLS_FOO");
        assert.strictEqual(problem.field, "https.sslPolicy.customFeatures[0]");
        assert.strictEqual(problem.message, '"TLS_FOO" is not an SSL policy feature GCP offers');
    });
});

/** What Pulumi awaits when it serializes an input: rejects when an apply threw (Output.promise(), internal but stable). */
const promiseOf = (input: pulumi.Input<unknown>) =>
    (pulumi.output(input) as unknown as { promise(): Promise<unknown> }).promise();

describe("constraint rows: values known only at apply", () => {
    before(() => installMocks());

    it("checks an Output when it resolves, and passes a good one through", async () => {
        const zone = { kind: "format", format: "managedZoneName", describe: "" } as const;
        assert.strictEqual(
            await promiseOf(checkResolved(pulumi.output("example-com"), zone, "dns.zone", "LB")),
            "example-com",
        );
        await assert.rejects(
            promiseOf(checkResolved(pulumi.output("example.com."), zone, "dns.zone", "LB")),
            (error: Error) => {
                assert.strictEqual(
                    error.message,
                    'LB has 1 configuration problem:\n  1. dns.zone: "example.com." is a DNS name, where the managed zone\'s name belongs\n' +
                        '     Fix: pass the zone\'s name (e.g. zone.name of a gcp.dns.ManagedZone, such as "example-com"), not its dnsName [gcp-field-constraints]',
                );
                return true;
            },
        );
        assert.strictEqual(checkResolved("plain", zone, "dns.zone", "LB"), "plain");
    });

    it("fails the plan of a program whose Outputs are the wrong kind, naming each field and the fix", async () => {
        const result = await plan({ program: "tests/fixtures/wrong-kind-outputs" });
        const messages = result.errors.map((e) => e.message.replace(/^error serializing property "[^"]*": /, ""));
        assert.ok(
            messages.includes(
                'ApplicationLoadBalancer "shop" has 1 configuration problem:\n  1. backends.web.cloudRun.service: "https://web-abcdefghij-ew.a.run.app" is a Cloud Run URL, where the service\'s name belongs\n' +
                    "     Fix: pass the service's name (e.g. service.name of a gcp.cloudrunv2.Service), not its URL (service.uri) [gcp-field-constraints]",
            ),
            messages.join("\n---\n"),
        );
        assert.ok(
            messages.includes(
                'ApplicationLoadBalancer "shop" has 1 configuration problem:\n  1. dns.zone: "example.com." is a DNS name, where the managed zone\'s name belongs\n' +
                    '     Fix: pass the zone\'s name (e.g. zone.name of a gcp.dns.ManagedZone, such as "example-com"), not its dnsName [gcp-field-constraints]',
            ),
            messages.join("\n---\n"),
        );
    });
});

describe("never-serves warnings", () => {
    const warnings = (args: ApplicationLoadBalancerArgs) => problems(args).filter((p) => p.severity === "warning");

    it("warns when an internal load balancer's managed certificate has no public zone for its DNS authorization", () => {
        const internal = (dns?: ApplicationLoadBalancerArgs["dns"]) =>
            lb(
                {},
                {
                    scheme: "regional-internal",
                    region: EU,
                    https: { managedCertificate: { domains: ["app.internal.example.com"] } },
                    dns,
                },
            );
        assert.deepStrictEqual(warnings(internal({ zone: "internal-zone", authorizationZone: "example-com" })), []);
        assert.deepStrictEqual(warnings(internal()), [
            {
                rule: "managed-certificate-unpublished-authorization",
                field: "https.managedCertificate",
                message:
                    "is authorized by DNS records that no public zone of this configuration receives (an internal scheme's dns.zone is private), so the certificate is not issued until they are published",
                fix: "set dns.authorizationZone to a public managed zone of the domains, publish the records of the dnsAuthorizationRecords output in your public DNS, or issue the certificate from your private CA (https.managedCertificate.caPool)",
                severity: "warning",
            },
        ]);
    });

    it("warns when a created bucket cannot be read by the load balancer", () => {
        const site = (publicRead?: boolean) =>
            lb({}, { backends: { web: { bucket: { create: { location: "EU", publicRead } } } } } as never);
        assert.deepStrictEqual(warnings(site(true)), []);
        assert.deepStrictEqual(
            warnings(site()).map((w) => [w.rule, w.field]),
            [["bucket-private-objects", "backends.web.bucket.create.publicRead"]],
        );
    });

    it("warns when an internet backend reaches a run.app host with the client's Host", () => {
        const internet = (extra: Record<string, unknown>) =>
            lb({}, { backends: { web: { internet: { fqdn: "hello-abcdefghij-ew.a.run.app", ...extra } } } } as never);
        assert.deepStrictEqual(warnings(internet({ hostOverride: "hello-abcdefghij-ew.a.run.app" })), []);
        assert.deepStrictEqual(warnings(internet({})), [
            {
                rule: "internet-run-app-host",
                field: "backends.web.internet",
                message: "reaches a run.app host with the client's Host header, which no Cloud Run service answers to",
                fix: "use a cloudRun backend (a serverless NEG) for the service, or set internet.hostOverride (global external, classic) or rewrite.host on its routes to the run.app host",
                severity: "warning",
            },
        ]);
    });
});
