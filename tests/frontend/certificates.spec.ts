import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { certificatePlacement, DnsAuthorizationRecord } from "../../components/args/certificates";
import { dnsRecordNames } from "../../components/args/dns";
import {
    authorizationDomain,
    createManagedCertificates,
    domainKeys,
    managedCertificatePlan,
} from "../../components/certificates";
import { addressRecordPlan, authorizationZone, createDnsRecords } from "../../components/dns";
import { certificateDnsRules, CertificateDnsContext } from "../../components/rules/certificates";
import { runRules } from "../../components/validation";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { allSchemes, Scheme } from "../../components/schemes";
import { installMocks, Recorder, settle } from "../../components/testing/mocks";

const EU = "europe-west1";
const US = "us-central1";

class Parent extends pulumi.ComponentResource {
    constructor(name: string) {
        super("test:index:Parent", name, {});
    }
}

describe("managed certificates: placement per scheme (pure)", () => {
    it("puts regional certificates in the region, cross-region internal ones global ALL_REGIONS, external ones in a map", () => {
        assert.deepStrictEqual(certificatePlacement("regional-internal", EU), {
            location: EU,
            scope: "DEFAULT",
            attach: "direct",
            authorizationTypes: ["PER_PROJECT_RECORD"],
        });
        assert.deepStrictEqual(certificatePlacement("regional-external", EU).location, EU);
        assert.deepStrictEqual(certificatePlacement("cross-region-internal", undefined), {
            location: "global",
            scope: "ALL_REGIONS",
            attach: "direct",
            authorizationTypes: ["PER_PROJECT_RECORD", "FIXED_RECORD"],
        });
        for (const scheme of ["global-external", "classic"] as const) {
            assert.deepStrictEqual(certificatePlacement(scheme, undefined), {
                location: "global",
                scope: "DEFAULT",
                attach: "map",
                authorizationTypes: ["PER_PROJECT_RECORD", "FIXED_RECORD"],
            });
        }
    });

    it("authorizes a wildcard through its parent domain and keys domains uniquely", () => {
        assert.strictEqual(authorizationDomain("*.shop.example.com"), "shop.example.com");
        assert.strictEqual(authorizationDomain("shop.example.com"), "shop.example.com");
        const keys = domainKeys(["*.a.example.com", "a.example.com", "a-b.example.com", "a.b-example.com"]);
        assert.strictEqual(keys.get("*.a.example.com"), "wildcard-a-example-com");
        assert.strictEqual(keys.get("a.example.com"), "a-example-com");
        assert.match(keys.get("a-b.example.com")!, /^a-b-example-com-[0-9a-f]{6}$/);
        assert.match(keys.get("a.b-example.com")!, /^a-b-example-com-[0-9a-f]{6}$/);
        assert.notStrictEqual(keys.get("a-b.example.com"), keys.get("a.b-example.com"));
    });
});

describe("managed certificates: plan (pure)", () => {
    const domains = ["shop.example.com", "*.shop.example.com", "api.example.com"];

    it("plans one authorization per authorized domain, one certificate per domain, and a map with a PRIMARY entry", () => {
        const plan = managedCertificatePlan({
            scheme: "global-external",
            prefix: "shop",
            managedCertificate: { domains },
        });
        assert.deepStrictEqual(
            plan.authorizations.map((a) => [a.key, a.domain, a.location, a.type]),
            [
                ["shop-example-com", "shop.example.com", "global", "PER_PROJECT_RECORD"],
                ["api-example-com", "api.example.com", "global", "PER_PROJECT_RECORD"],
            ],
        );
        assert.deepStrictEqual(
            plan.certificates.map((c) => [c.key, c.domain, c.authorization, c.location, c.scope]),
            [
                ["shop-example-com", "shop.example.com", "shop-example-com", "global", "DEFAULT"],
                ["wildcard-shop-example-com", "*.shop.example.com", "shop-example-com", "global", "DEFAULT"],
                ["api-example-com", "api.example.com", "api-example-com", "global", "DEFAULT"],
            ],
        );
        assert.strictEqual(plan.map?.name, "shop-cert-map");
        assert.deepStrictEqual(
            plan.map?.entries.map((e) => [e.key, e.hostname, e.matcher, e.certificate]),
            [
                ["shop-example-com", "shop.example.com", undefined, "shop-example-com"],
                ["wildcard-shop-example-com", "*.shop.example.com", undefined, "wildcard-shop-example-com"],
                ["api-example-com", "api.example.com", undefined, "api-example-com"],
                ["primary", undefined, "PRIMARY", "shop-example-com"],
            ],
        );
        for (const name of [
            ...plan.authorizations.map((a) => a.name),
            ...plan.certificates.map((c) => c.name),
            ...plan.map!.entries.map((e) => e.name),
        ]) {
            assert.match(name, /^[a-z]([-a-z0-9]*[a-z0-9])?$/);
            assert.ok(name.length <= 63, name);
        }
        assert.match(plan.certificates[1].name, /^shop-cert-wildcard-shop-example-com-[0-9a-f]{8}$/);
    });

    it("plans regional certificates and authorizations without a map, and ALL_REGIONS on cross-region internal", () => {
        const regional = managedCertificatePlan({
            scheme: "regional-internal",
            region: EU,
            prefix: "orders",
            managedCertificate: { domains: ["orders.internal.example.com"] },
        });
        assert.strictEqual(regional.map, undefined);
        assert.deepStrictEqual(
            [regional.authorizations[0].location, regional.certificates[0].location, regional.certificates[0].scope],
            [EU, EU, "DEFAULT"],
        );
        const cross = managedCertificatePlan({
            scheme: "cross-region-internal",
            prefix: "orders",
            managedCertificate: { domains: ["orders.internal.example.com"], dnsAuthorizationType: "FIXED_RECORD" },
        });
        assert.strictEqual(cross.map, undefined);
        assert.deepStrictEqual(
            [cross.authorizations[0].type, cross.certificates[0].location, cross.certificates[0].scope],
            ["FIXED_RECORD", "global", "ALL_REGIONS"],
        );
    });

    it("renames only the changed domain's authorization, certificate and entry when a domain changes", () => {
        const before = managedCertificatePlan({ scheme: "classic", prefix: "shop", managedCertificate: { domains } });
        const after = managedCertificatePlan({
            scheme: "classic",
            prefix: "shop",
            managedCertificate: { domains: ["shop.example.com", "*.shop.example.com", "api2.example.com"] },
        });
        const names = (plan: typeof before) =>
            new Map<string, string>([
                ...plan.authorizations.map((a): [string, string] => [`auth ${a.domain}`, a.name]),
                ...plan.certificates.map((c): [string, string] => [`cert ${c.domain}`, c.name]),
                ...plan.map!.entries.map((e): [string, string] => [`entry ${e.hostname ?? e.matcher}`, e.name]),
            ]);
        const a = names(before);
        const b = names(after);
        const kept = [...a.keys()].filter((k) => b.get(k) === a.get(k)).sort();
        assert.deepStrictEqual(kept, [
            "auth shop.example.com",
            "cert *.shop.example.com",
            "cert shop.example.com",
            "entry *.shop.example.com",
            "entry PRIMARY",
            "entry shop.example.com",
        ]);
        assert.deepStrictEqual([...b.keys()].filter((k) => !a.has(k)).sort(), [
            "auth api2.example.com",
            "cert api2.example.com",
            "entry api2.example.com",
        ]);
    });

    it("gives every certificate a new name when the authorization type changes (it cannot change in place)", () => {
        const fixed = managedCertificatePlan({
            scheme: "global-external",
            prefix: "shop",
            managedCertificate: { domains, dnsAuthorizationType: "FIXED_RECORD" },
        });
        const perProject = managedCertificatePlan({
            scheme: "global-external",
            prefix: "shop",
            managedCertificate: { domains },
        });
        fixed.certificates.forEach((c, i) => assert.notStrictEqual(c.name, perProject.certificates[i].name));
        fixed.authorizations.forEach((a, i) => assert.notStrictEqual(a.name, perProject.authorizations[i].name));
        assert.deepStrictEqual(
            fixed.map!.entries.map((e) => e.name),
            perProject.map!.entries.map((e) => e.name),
        );
    });
});

describe("managed certificates: builder (mocks)", () => {
    let recorder: Recorder;
    before(() => {
        recorder = installMocks();
    });

    it("creates authorizations, certificates, a map and entries under the parent, create-before-delete", async () => {
        const parent = new Parent("p");
        const built = createManagedCertificates(
            "shop-frontend",
            {
                scheme: "global-external",
                prefix: "shop",
                project: "web-project",
                managedCertificate: { domains: ["shop.example.com", "*.shop.example.com"] },
            },
            { parent },
        );
        await settle();
        const auth = recorder.get(
            "gcp:certificatemanager/dnsAuthorization:DnsAuthorization",
            "shop-frontend-dns-auth-shop-example-com",
        );
        assert.deepStrictEqual(
            [auth.inputs.domain, auth.inputs.location, auth.inputs.type, auth.inputs.project, auth.parent],
            ["shop.example.com", "global", "PER_PROJECT_RECORD", "web-project", "test:index:Parent::p"],
        );
        assert.deepStrictEqual(auth.options, { deleteBeforeReplace: false });
        const wildcard = recorder.get(
            "gcp:certificatemanager/certificate:Certificate",
            "shop-frontend-cert-wildcard-shop-example-com",
        );
        assert.deepStrictEqual(wildcard.inputs.managed, {
            domains: ["*.shop.example.com"],
            dnsAuthorizations: [`projects/web-project/locations/global/dnsAuthorizations/${auth.inputs.name}`],
        });
        assert.deepStrictEqual([wildcard.inputs.location, wildcard.inputs.scope], ["global", "DEFAULT"]);
        const map = recorder.get("gcp:certificatemanager/certificateMap:CertificateMap", "shop-frontend-cert-map");
        assert.strictEqual(map.inputs.name, "shop-cert-map");
        const primary = recorder.get(
            "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry",
            "shop-frontend-cert-map-entry-primary",
        );
        assert.deepStrictEqual(
            [primary.inputs.map, primary.inputs.matcher, primary.inputs.hostname],
            ["shop-cert-map", "PRIMARY", undefined],
        );
        const entry = recorder.get(
            "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry",
            "shop-frontend-cert-map-entry-wildcard-shop-example-com",
        );
        assert.deepStrictEqual(entry.inputs.certificates, [
            `projects/web-project/locations/global/certificates/${wildcard.inputs.name}`,
        ]);
        const reference = await new Promise((resolve) => built.certificateMap!.apply(resolve));
        assert.strictEqual(
            reference,
            "//certificatemanager.googleapis.com/projects/web-project/locations/global/certificateMaps/shop-cert-map",
        );
        const record = await new Promise((resolve) => built.authorizations[0].record.apply(resolve));
        assert.deepStrictEqual(Object.keys(record as object), ["domain", "name", "type", "data"]);
        assert.match((record as { name: string }).name, /^_acme-challenge_[0-9a-f]{16}\.shop\.example\.com\.$/);
    });

    it("creates regional certificates and no map on a regional scheme", async () => {
        const parent = new Parent("r");
        const built = createManagedCertificates(
            "orders-frontend",
            {
                scheme: "regional-external",
                region: EU,
                prefix: "orders",
                managedCertificate: { domains: ["orders.example.com"] },
            },
            { parent },
        );
        await settle();
        assert.strictEqual(built.certificateMap, undefined);
        const cert = recorder.get(
            "gcp:certificatemanager/certificate:Certificate",
            "orders-frontend-cert-orders-example-com",
        );
        assert.deepStrictEqual([cert.inputs.location, cert.inputs.scope], [EU, "DEFAULT"]);
        const auth = recorder.get(
            "gcp:certificatemanager/dnsAuthorization:DnsAuthorization",
            "orders-frontend-dns-auth-orders-example-com",
        );
        assert.deepStrictEqual([auth.inputs.location, auth.inputs.type], [EU, "PER_PROJECT_RECORD"]);
        const ids = await new Promise((resolve) => pulumi.all(built.certificateIds).apply(resolve));
        assert.deepStrictEqual(ids, [`projects/mock-project/locations/${EU}/certificates/${cert.inputs.name}`]);
    });
});

describe("DNS records: plan (pure)", () => {
    it("takes names from dns.names, else from the certificates' non-wildcard domains", () => {
        assert.deepStrictEqual(
            dnsRecordNames({ dns: { names: ["a.example.com"] }, managedDomains: ["b.example.com"] }),
            ["a.example.com"],
        );
        assert.deepStrictEqual(
            dnsRecordNames({
                dns: {},
                managedCertificate: { domains: ["shop.example.com", "*.shop.example.com"] },
                managedDomains: ["www.example.com", "shop.example.com"],
            }),
            ["shop.example.com", "www.example.com"],
        );
    });

    it("plans A (and AAAA) per name, with a geolocation policy per region on cross-region internal", () => {
        assert.deepStrictEqual(
            addressRecordPlan({
                scheme: "global-external",
                names: ["shop.example.com"],
                vipKeys: ["global"],
                ipv6: true,
            }),
            [
                { key: "shop-example-com-a", name: "shop.example.com.", type: "A" },
                { key: "shop-example-com-aaaa", name: "shop.example.com.", type: "AAAA" },
            ],
        );
        assert.deepStrictEqual(
            addressRecordPlan({
                scheme: "cross-region-internal",
                names: ["orders.internal.example.com"],
                vipKeys: [EU, US],
                ipv6: false,
            }),
            [
                {
                    key: "orders-internal-example-com-a",
                    name: "orders.internal.example.com.",
                    type: "A",
                    geoRegions: [EU, US],
                },
            ],
        );
    });

    it("puts authorization CNAMEs in the zone on external schemes and only in an authorization zone on internal ones", () => {
        assert.strictEqual(authorizationZone("global-external", { zone: "public" }), "public");
        assert.strictEqual(authorizationZone("regional-internal", { zone: "private" }), undefined);
        assert.strictEqual(
            authorizationZone("regional-internal", { zone: "private", authorizationZone: "public" }),
            "public",
        );
    });
});

describe("DNS records: builder (mocks)", () => {
    let recorder: Recorder;
    before(() => {
        recorder = installMocks();
    });

    it("creates geolocation A records for cross-region VIPs and CNAMEs in the authorization zone", async () => {
        const parent = new Parent("d");
        const certs = createManagedCertificates(
            "o-frontend",
            { scheme: "cross-region-internal", prefix: "o", managedCertificate: { domains: ["o.example.com"] } },
            { parent },
        );
        createDnsRecords(
            "o-frontend",
            {
                scheme: "cross-region-internal",
                project: "lb-project",
                dns: { zone: "internal-example-com", authorizationZone: "example-com", ttl: 60 },
                names: ["o.example.com"],
                vips: { [EU]: pulumi.output("10.1.2.99"), [US]: pulumi.output("10.1.3.99") },
                authorizations: certs.authorizations,
            },
            { parent },
        );
        await settle();
        const a = recorder.get("gcp:dns/recordSet:RecordSet", "o-frontend-dns-o-example-com-a");
        assert.deepStrictEqual(a.inputs, {
            project: "lb-project",
            managedZone: "internal-example-com",
            name: "o.example.com.",
            type: "A",
            ttl: 60,
            routingPolicy: {
                geos: [
                    { location: EU, rrdatas: ["10.1.2.99"] },
                    { location: US, rrdatas: ["10.1.3.99"] },
                ],
            },
        });
        assert.deepStrictEqual(a.options, { deleteBeforeReplace: false });
        const cname = recorder.get("gcp:dns/recordSet:RecordSet", "o-frontend-dns-auth-record-o-example-com");
        assert.strictEqual(cname.inputs.managedZone, "example-com");
        assert.strictEqual(cname.inputs.type, "CNAME");
        assert.match(cname.inputs.name as string, /^_acme-challenge_[0-9a-f]{16}\.o\.example\.com\.$/);
        assert.match((cname.inputs.rrdatas as string[])[0], /\.authorize\.certificatemanager\.goog\.$/);
    });
});

describe("validation: managed certificates and DNS records (rules)", () => {
    const check = (context: CertificateDnsContext) =>
        runRules(certificateDnsRules, context).map((p) => ({
            field: p.field,
            message: p.message,
            fix: p.fix,
            rule: p.rule,
        }));

    it("accepts wildcards and valid domains on every scheme", () => {
        for (const scheme of [
            "regional-internal",
            "cross-region-internal",
            "regional-external",
            "global-external",
            "classic",
        ] as const) {
            assert.deepStrictEqual(
                check({
                    scheme,
                    https: { managedCertificate: { domains: ["shop.example.com", "*.shop.example.com"] } },
                }),
                [],
            );
        }
    });

    it("rejects an empty list, bad names and duplicates", () => {
        assert.deepStrictEqual(check({ scheme: "classic", https: { managedCertificate: { domains: [] } } }), [
            {
                rule: "managed-certificate",
                field: "https.managedCertificate.domains",
                message: "is empty",
                fix: "list the domains to certify, or remove https.managedCertificate",
            },
        ]);
        const fix =
            'write the name in lowercase without scheme, port, path or trailing dot, e.g. "shop.example.com" or "*.shop.example.com"';
        assert.deepStrictEqual(
            check({
                scheme: "global-external",
                https: {
                    managedCertificate: {
                        domains: ["Shop.example.com", "a.*.example.com", "*.example.com", "*.example.com"],
                    },
                },
            }),
            [
                {
                    rule: "managed-certificate",
                    field: "https.managedCertificate.domains[0]",
                    message:
                        '"Shop.example.com" is not a fully qualified domain name or a wildcard such as "*.example.com"',
                    fix,
                },
                {
                    rule: "managed-certificate",
                    field: "https.managedCertificate.domains[1]",
                    message:
                        '"a.*.example.com" is not a fully qualified domain name or a wildcard such as "*.example.com"',
                    fix,
                },
                {
                    rule: "managed-certificate",
                    field: "https.managedCertificate.domains[3]",
                    message: '"*.example.com" is listed more than once',
                    fix: "list each name once",
                },
            ],
        );
    });

    it("rejects a managed certificate next to a certificate map or Compute certificates", () => {
        assert.deepStrictEqual(
            check({
                scheme: "global-external",
                https: {
                    managedCertificate: { domains: ["a.example.com"] },
                    certificateMap: "//certificatemanager.googleapis.com/projects/p/locations/global/certificateMaps/m",
                    managedDomains: ["b.example.com"],
                },
            }),
            [
                {
                    rule: "managed-certificate",
                    field: "https.managedCertificate",
                    message: "is given together with https.certificateMap; a target proxy takes one certificate map",
                    fix: "put these domains' certificates in your map and remove https.managedCertificate, or remove https.certificateMap",
                },
                {
                    rule: "managed-certificate",
                    field: "https.managedCertificate",
                    message:
                        "is served through a certificate map, which a target proxy does not take together with Compute certificates (https.managedDomains)",
                    fix: "move those domains into https.managedCertificate.domains, or remove https.managedCertificate",
                },
            ],
        );
        assert.deepStrictEqual(
            check({
                scheme: "regional-external",
                https: { managedCertificate: { domains: ["a.example.com"] }, certificate: {}, certificates: ["c"] },
            }),
            [
                {
                    rule: "managed-certificate",
                    field: "https.managedCertificate",
                    message:
                        "creates Certificate Manager certificates, which a target proxy does not take together with Compute certificates (https.certificate, https.certificates)",
                    fix: "move those domains into https.managedCertificate.domains, or remove https.managedCertificate",
                },
            ],
        );
    });

    it("rejects more than 100 directly referenced Certificate Manager certificates", () => {
        const domains = Array.from({ length: 100 }, (_, i) => `d${i}.example.com`);
        assert.deepStrictEqual(
            check({
                scheme: "cross-region-internal",
                https: {
                    managedCertificate: { domains },
                    certificateManagerCertificates: ["projects/p/locations/global/certificates/c"],
                },
            }),
            [
                {
                    rule: "managed-certificate",
                    field: "https.managedCertificate.domains",
                    message:
                        "101 Certificate Manager certificates (one per domain, plus https.certificateManagerCertificates); a target proxy takes at most 100",
                    fix: "cover several names with one wildcard domain (*.example.com), or split the domains over several load balancers",
                },
            ],
        );
        assert.deepStrictEqual(
            check({
                scheme: "global-external",
                https: { managedCertificate: { domains: [...domains, "x.example.com"] } },
            }),
            [],
        );
    });

    it("rejects a DNS block without names, an empty zone, bad names, a bad TTL and a useless authorization zone", () => {
        assert.deepStrictEqual(check({ scheme: "regional-internal", dns: { zone: "" } }), [
            {
                rule: "dns-records",
                field: "dns.zone",
                message: "is empty",
                fix: 'give the name of a Cloud DNS managed zone, e.g. "shop-example-com"',
            },
            {
                rule: "dns-records",
                field: "dns.names",
                message:
                    "is unset and the load balancer has no certificate domain to take names from, so no record would be created",
                fix: 'list the names to point at the load balancer, e.g. ["shop.example.com"], or remove dns',
            },
        ]);
        assert.deepStrictEqual(
            check({
                scheme: "global-external",
                dns: {
                    zone: "z",
                    names: ["ok.example.com", "bad_name.example.com"],
                    ttl: 0,
                    authorizationZone: "public",
                },
            }),
            [
                {
                    rule: "dns-records",
                    field: "dns.names[1]",
                    message:
                        '"bad_name.example.com" is not a fully qualified domain name or a wildcard such as "*.example.com"',
                    fix: 'write the name in lowercase without scheme, port or path, e.g. "shop.example.com" or "*.shop.example.com"',
                },
                {
                    rule: "dns-records",
                    field: "dns.ttl",
                    message: "0 is not a positive whole number of seconds",
                    fix: "use e.g. 300 (the default)",
                },
                {
                    rule: "dns-records",
                    field: "dns.authorizationZone",
                    message:
                        "is set but there is no https.managedCertificate, so there is no authorization record to put in it",
                    fix: "remove dns.authorizationZone, or add https.managedCertificate",
                },
            ],
        );
        assert.deepStrictEqual(check({ scheme: "global-external", dns: { zone: "z", names: [] } }), [
            {
                rule: "dns-records",
                field: "dns.names",
                message: "is empty, so no record would be created",
                fix: 'list the names to point at the load balancer, e.g. ["shop.example.com"], or remove dns',
            },
        ]);
        assert.deepStrictEqual(
            check({ scheme: "classic", dns: { zone: "z" }, https: { managedDomains: ["shop.example.com"] } }),
            [],
        );
    });
});

describe("ApplicationLoadBalancer with https.managedCertificate and dns (mocks)", () => {
    const base = (scheme: Scheme): ApplicationLoadBalancerArgs => ({
        scheme,
        region: scheme.startsWith("regional") ? EU : undefined,
        regions: scheme === "cross-region-internal" ? [EU, US] : undefined,
        backends: { web: { cloudRun: { service: "web", region: EU } } },
        https: { managedCertificate: { domains: ["shop.example.com", "*.shop.example.com"] } },
        dns: { zone: "shop-zone", authorizationZone: "public-zone" },
    });

    async function build(scheme: Scheme): Promise<Recorder> {
        const recorder = installMocks();
        new ApplicationLoadBalancer("lb", base(scheme));
        await settle();
        return recorder;
    }

    for (const scheme of ["regional-internal", "regional-external", "cross-region-internal"] as const) {
        it(`${scheme}: the HTTPS proxy references one certificate per domain directly, no map`, async () => {
            const recorder = await build(scheme);
            const proxyType =
                scheme === "cross-region-internal"
                    ? "gcp:compute/targetHttpsProxy:TargetHttpsProxy"
                    : "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy";
            const proxy = recorder.get(proxyType, "lb-frontend-https-proxy");
            const location = scheme === "cross-region-internal" ? "global" : EU;
            const certs = ["lb-frontend-cert-shop-example-com", "lb-frontend-cert-wildcard-shop-example-com"].map((n) =>
                recorder.get("gcp:certificatemanager/certificate:Certificate", n),
            );
            assert.strictEqual(recorder.byType("gcp:certificatemanager/certificate:Certificate").length, 2);
            assert.deepStrictEqual(
                proxy.inputs.certificateManagerCertificates,
                certs.map((c) => `projects/mock-project/locations/${location}/certificates/${c.inputs.name}`),
            );
            assert.strictEqual(proxy.inputs.sslCertificates, undefined);
            assert.strictEqual(proxy.inputs.certificateMap, undefined);
            assert.deepStrictEqual(
                certs.map((c) => [c.inputs.location, c.inputs.scope]),
                scheme === "cross-region-internal"
                    ? [
                          ["global", "ALL_REGIONS"],
                          ["global", "ALL_REGIONS"],
                      ]
                    : [
                          [EU, "DEFAULT"],
                          [EU, "DEFAULT"],
                      ],
            );
            assert.strictEqual(recorder.byType("gcp:certificatemanager/certificateMap:CertificateMap").length, 0);
            const a = recorder.get("gcp:dns/recordSet:RecordSet", "lb-frontend-dns-shop-example-com-a");
            assert.strictEqual(a.inputs.managedZone, "shop-zone");
            if (scheme === "cross-region-internal") {
                assert.deepStrictEqual(a.inputs.routingPolicy, {
                    geos: [
                        // Each region's VIP is an address of that region's subnet (10.1.2.0/24, 10.1.3.0/24).
                        { location: EU, rrdatas: ["10.1.2.10"] },
                        { location: US, rrdatas: ["10.1.3.10"] },
                    ],
                });
            } else {
                assert.deepStrictEqual(a.inputs.rrdatas, [
                    scheme === "regional-internal" ? "10.1.2.10" : "203.0.113.20",
                ]);
            }
            const cname = recorder.get("gcp:dns/recordSet:RecordSet", "lb-frontend-dns-auth-record-shop-example-com");
            assert.strictEqual(cname.inputs.managedZone, "public-zone");
            assert.strictEqual(recorder.byType("gcp:dns/recordSet:RecordSet").length, 2);
        });
    }

    for (const scheme of ["global-external", "classic"] as const) {
        it(`${scheme}: the HTTPS proxy takes the certificate map with an entry per domain and a PRIMARY entry`, async () => {
            const recorder = await build(scheme);
            const proxy = recorder.get("gcp:compute/targetHttpsProxy:TargetHttpsProxy", "lb-frontend-https-proxy");
            assert.strictEqual(
                proxy.inputs.certificateMap,
                "//certificatemanager.googleapis.com/projects/mock-project/locations/global/certificateMaps/lb-cert-map",
            );
            assert.strictEqual(proxy.inputs.certificateManagerCertificates, undefined);
            assert.strictEqual(proxy.inputs.sslCertificates, undefined);
            const entries = recorder.byType("gcp:certificatemanager/certificateMapEntry:CertificateMapEntry");
            assert.deepStrictEqual(entries.map((e) => String(e.inputs.hostname ?? e.inputs.matcher)).sort(), [
                "*.shop.example.com",
                "PRIMARY",
                "shop.example.com",
            ]);
            const a = recorder.get("gcp:dns/recordSet:RecordSet", "lb-frontend-dns-shop-example-com-a");
            assert.deepStrictEqual(a.inputs.rrdatas, ["203.0.113.10"]);
        });
    }

    it("exports the certificate ids, the map id and the authorization records", async () => {
        installMocks();
        const lb = new ApplicationLoadBalancer("out", base("global-external"));
        const [ids, mapId, records] = await new Promise<[string[], string | undefined, DnsAuthorizationRecord[]]>(
            (resolve) =>
                pulumi
                    .all([lb.certificateIds, lb.certificateMapId, lb.dnsAuthorizationRecords])
                    .apply((v) => resolve(v as [string[], string | undefined, DnsAuthorizationRecord[]])),
        );
        assert.strictEqual(ids.length, 2);
        assert.ok(ids.every((id) => id.startsWith("projects/mock-project/locations/global/certificates/out-cert-")));
        assert.strictEqual(mapId, "projects/mock-project/locations/global/certificateMaps/out-cert-map");
        assert.deepStrictEqual(
            records.map((r) => [r.domain, r.type]),
            [["shop.example.com", "CNAME"]],
        );
    });

    it("rejects FIXED_RECORD on regional schemes with the alternative (exact message)", () => {
        const args = base("regional-external");
        const problems = validateLoadBalancerArgs({
            ...args,
            https: { managedCertificate: { domains: ["shop.example.com"], dnsAuthorizationType: "FIXED_RECORD" } },
        });
        assert.deepStrictEqual(problems, [
            {
                rule: "frontend-scheme-options",
                field: "https.managedCertificate.dnsAuthorizationType",
                message:
                    'FIXED_RECORD DNS authorization (global certificates) is not supported by the regional external Application Load Balancer (scheme "regional-external")',
                fix: "remove dnsAuthorizationType: regional Google-managed certificates take only PER_PROJECT_RECORD DNS authorizations (the default)",
            },
        ]);
    });

    it("accepts https with only a managed certificate (no 'no certificate' error) on every scheme", () => {
        for (const scheme of allSchemes) {
            assert.deepStrictEqual(validateLoadBalancerArgs(base(scheme)), [], scheme);
        }
    });
});

describe("self-managed certificates: PEM text, not a path", () => {
    const pemProblems = (certificate: string, privateKey: string) =>
        validateLoadBalancerArgs({
            scheme: "global-external",
            backends: { web: { cloudRun: { service: "web", region: EU } } },
            https: { certificate: { certificate, privateKey } },
        })
            .filter((p) => p.rule === "certificate-pem")
            .map((p) => ({ field: p.field, message: p.message, fix: p.fix }));

    it("names each field that holds a path instead of PEM text, with a fix that names no PEM block", () => {
        assert.deepStrictEqual(pemProblems("certs/shop.pem", "certs/shop.key"), [
            {
                field: "https.certificate.certificate",
                message: "is not a PEM certificate (no BEGIN CERTIFICATE line)",
                fix: 'pass the certificate\'s PEM text, e.g. fs.readFileSync("cert.pem", "utf8") or config.require("tlsCertificate"), not the file path',
            },
            {
                field: "https.certificate.privateKey",
                message: "is not a PEM private key (no BEGIN … PRIVATE KEY line)",
                fix: 'pass the key\'s PEM text as a secret, e.g. config.requireSecret("tlsPrivateKey"), not the file path',
            },
        ]);
    });
});
