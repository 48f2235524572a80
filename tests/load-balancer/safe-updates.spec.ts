import * as assert from "assert";
import fc from "fast-check";
import * as compute from "@pulumi/gcp/compute";
import * as pulumi from "@pulumi/pulumi";
import { addressOptions } from "../../components/frontend";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { GCP_NAME_MAX, GCP_NAME_PATTERN } from "../../components/naming";
import { replacementOptions, replacementPolicies, replacementPolicy, typeToken } from "../../components/replacement";
import { constructionChecks, packageResources } from "../../tools/construction-checks";
import { installMocks, Recorder, RecordedResource, settle } from "../../components/testing/mocks";
import { CERT, fixtureSchemes, KEY, schemeFixtures } from "../support/fixtures";

async function build(name: string, args: ApplicationLoadBalancerArgs): Promise<Recorder> {
    const recorder = installMocks();
    new ApplicationLoadBalancer(name, args);
    await settle();
    return recorder;
}

/** Physical name per `type logical-name`, for the package's resources. */
function physicalNames(recorder: Recorder): Map<string, string> {
    return new Map(
        packageResources(recorder.cloudResources()).map((r) => [
            `${r.type.split(":").pop()} ${r.name}`,
            String(r.inputs.name),
        ]),
    );
}

/** The `type logical-name` keys whose physical name differs between two builds (both must have the same keys). */
function renamed(before: Map<string, string>, after: Map<string, string>): string[] {
    assert.deepStrictEqual([...after.keys()].sort(), [...before.keys()].sort());
    return [...before.keys()].filter((k) => before.get(k) !== after.get(k)).sort();
}

describe("safe updates: replacement policy and options", () => {
    for (const scheme of fixtureSchemes) {
        describe(`scheme ${scheme}`, () => {
            let resources: RecordedResource[];
            before(async () => {
                resources = (await build("lb", schemeFixtures[scheme])).cloudResources();
            });

            for (const [id, check] of Object.entries(constructionChecks)) {
                it(`${id}: ${check.guarantee}`, () => {
                    assert.deepStrictEqual(check.check(resources), []);
                });
            }

            it("creates backend services with serverless NEGs, so the backend-service checks are not vacuous", () => {
                const services = packageResources(resources).filter((r) => /BackendService$/.test(r.type));
                assert.ok(services.length >= 1);
                for (const service of services) {
                    const groups = (service.inputs.backends as { group: string }[]).map((b) => b.group);
                    assert.ok(
                        groups.every((g) => /\/networkEndpointGroups\//.test(g)),
                        JSON.stringify(groups),
                    );
                }
            });
        });
    }

    it("has one policy per resource type, each documented", () => {
        const types = replacementPolicies.map((p) => p.type);
        assert.strictEqual(new Set(types).size, types.length);
        for (const policy of replacementPolicies) {
            assert.ok(policy.behaviour.length > 20 && policy.forceNew.length > 3, policy.type);
            assert.strictEqual(policy.naming === "hash", policy.hashOf !== undefined, policy.type);
        }
    });

    it("reads type tokens from the classes and refuses a kind without a policy", () => {
        assert.strictEqual(
            typeToken(compute.RegionNetworkEndpointGroup),
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
        );
        assert.deepStrictEqual(replacementOptions(compute.URLMap, { protect: true }), {
            protect: true,
            deleteBeforeReplace: false,
        });
        assert.deepStrictEqual(replacementOptions(compute.ForwardingRule, {}), { deleteBeforeReplace: true });
        assert.throws(
            () => replacementPolicy("gcp:compute/instance:Instance"),
            /no replacement policy for gcp:compute\/instance:Instance; add one to components\/replacement.ts/,
        );
    });

    it("sends address.retainOnDelete to the address's resource options (pure)", () => {
        const parent = {} as pulumi.Resource;
        assert.deepStrictEqual(addressOptions(compute.Address, { parent }, { retainOnDelete: true }), {
            parent,
            retainOnDelete: true,
            deleteBeforeReplace: false,
        });
        assert.deepStrictEqual(addressOptions(compute.GlobalAddress, { parent }, undefined), {
            parent,
            retainOnDelete: false,
            deleteBeforeReplace: false,
        });
    });

    it("registers reserved addresses with retainOnDelete as configured (seen by the engine)", async () => {
        const kept = await build("kept", schemeFixtures["global-external"]);
        assert.deepStrictEqual(kept.get("gcp:compute/globalAddress:GlobalAddress", "kept-frontend-address").options, {
            deleteBeforeReplace: false,
            retainOnDelete: true,
        });
        const internal = await build("int", schemeFixtures["regional-internal"]);
        assert.strictEqual(
            internal.get("gcp:compute/address:Address", "int-frontend-address").options.retainOnDelete,
            true,
        );
        const dropped = await build("dropped", schemeFixtures["regional-external"]);
        assert.deepStrictEqual(dropped.get("gcp:compute/address:Address", "dropped-frontend-address").options, {
            deleteBeforeReplace: false,
            retainOnDelete: false,
        });
    });

    it("registers forwarding rules delete-before-replace and NEGs, certificates and URL maps create-before-delete", async () => {
        const recorder = await build("lb", schemeFixtures["regional-internal"]);
        const dbr = (type: string, name: string) => recorder.get(type, name).options.deleteBeforeReplace;
        assert.strictEqual(dbr("gcp:compute/forwardingRule:ForwardingRule", "lb-frontend-https-rule"), true);
        assert.strictEqual(
            dbr("gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup", "lb-web-neg"),
            false,
        );
        assert.strictEqual(dbr("gcp:compute/regionSslCertificate:RegionSslCertificate", "lb-frontend-cert"), false);
        assert.strictEqual(dbr("gcp:compute/regionUrlMap:RegionUrlMap", "lb-url-map"), false);
        assert.strictEqual(dbr("gcp:compute/subnetwork:Subnetwork", "lb-network-proxy-only-europe-west1"), true);
    });

    it("registers IAM grants delete-before-replace, and endpoints, health checks, SSL and Cloud Armor policies create-before-delete", async () => {
        const internal = await build("lb", schemeFixtures["regional-internal"]);
        const dbr = (recorder: Recorder, type: string, name: string) =>
            recorder.get(type, name).options.deleteBeforeReplace;
        assert.strictEqual(
            dbr(
                internal,
                "gcp:iap/webRegionBackendServiceIamMember:WebRegionBackendServiceIamMember",
                "lb-web-backend-iap-group-staff@example.com",
            ),
            true,
        );
        assert.strictEqual(
            dbr(internal, "gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "lb-web-iap-invoker"),
            true,
        );
        assert.strictEqual(
            dbr(internal, "gcp:compute/networkEndpoint:NetworkEndpoint", "lb-legacy-endpoint-192.168.10.21-443"),
            false,
        );
        assert.strictEqual(
            dbr(internal, "gcp:compute/regionHealthCheck:RegionHealthCheck", "lb-legacy-health-check"),
            false,
        );
        assert.strictEqual(
            dbr(internal, "gcp:compute/regionSslPolicy:RegionSslPolicy", "lb-frontend-ssl-policy"),
            false,
        );
        assert.strictEqual(
            dbr(
                internal,
                "gcp:compute/regionSecurityPolicyRule:RegionSecurityPolicyRule",
                "lb-web-security-policy-rule-900",
            ),
            false,
        );
        const global = await build("g", schemeFixtures["global-external"]);
        assert.strictEqual(
            dbr(global, "gcp:compute/managedSslCertificate:ManagedSslCertificate", "g-frontend-managed-cert"),
            false,
        );
        assert.strictEqual(
            dbr(global, "gcp:compute/globalNetworkEndpoint:GlobalNetworkEndpoint", "g-legacy-endpoint"),
            false,
        );
        assert.deepStrictEqual(
            global.get("gcp:compute/globalAddress:GlobalAddress", "g-frontend-address-ipv6").options,
            { deleteBeforeReplace: false, retainOnDelete: true },
        );
        assert.strictEqual(
            dbr(global, "gcp:compute/globalForwardingRule:GlobalForwardingRule", "g-frontend-https-rule-ipv6"),
            true,
        );
    });
});

describe("safe updates: which names change", () => {
    const base: ApplicationLoadBalancerArgs = {
        scheme: "global-external",
        backends: {
            web: { cloudRun: { service: "web", region: "europe-west1" } },
            api: { cloudRun: { service: "api", regions: ["europe-west1", "us-central1"] } },
        },
        defaultBackend: "web",
        https: { certificate: { certificate: CERT, privateKey: KEY } },
    };
    let baseline: Map<string, string>;

    before(async () => {
        baseline = physicalNames(await build("shop", base));
    });

    it("gives identical names on every run", async () => {
        assert.deepStrictEqual(physicalNames(await build("shop", base)), baseline);
    });

    it("changing only a NEG's Cloud Run service renames that NEG and nothing else", async () => {
        const changed = physicalNames(
            await build("shop", {
                ...base,
                backends: { ...base.backends, web: { cloudRun: { service: "web-v2", region: "europe-west1" } } },
            }),
        );
        assert.deepStrictEqual(renamed(baseline, changed), ["RegionNetworkEndpointGroup shop-web-neg"]);
    });

    it("changing a traffic tag or a URL mask renames only that NEG", async () => {
        const tagged = physicalNames(
            await build("shop", {
                ...base,
                backends: {
                    ...base.backends,
                    web: { cloudRun: { service: "web", tag: "canary", region: "europe-west1" } },
                },
            }),
        );
        assert.deepStrictEqual(renamed(baseline, tagged), ["RegionNetworkEndpointGroup shop-web-neg"]);
    });

    it("changing the service of a multi-region backend renames its NEG in every region and nothing else", async () => {
        const changed = physicalNames(
            await build("shop", {
                ...base,
                backends: {
                    ...base.backends,
                    api: { cloudRun: { service: "api-v2", regions: ["europe-west1", "us-central1"] } },
                },
            }),
        );
        assert.deepStrictEqual(renamed(baseline, changed), [
            "RegionNetworkEndpointGroup shop-api-neg-europe-west1",
            "RegionNetworkEndpointGroup shop-api-neg-us-central1",
        ]);
    });

    it("changing the certificate's private key renames the certificate only", async () => {
        const rotated = physicalNames(
            await build("shop", {
                ...base,
                https: { certificate: { certificate: CERT, privateKey: KEY.replace("fixture", "rotated") } },
            }),
        );
        assert.deepStrictEqual(renamed(baseline, rotated), ["SSLCertificate shop-frontend-cert"]);
    });

    it("changing the certificate itself renames the certificate only", async () => {
        const renewed = physicalNames(
            await build("shop", {
                ...base,
                https: { certificate: { certificate: CERT.replace("fixture", "renewed"), privateKey: KEY } },
            }),
        );
        assert.deepStrictEqual(renamed(baseline, renewed), ["SSLCertificate shop-frontend-cert"]);
    });

    it("changing a Google-managed certificate's domains renames that certificate only", async () => {
        const managed = (managedDomains: string[]): ApplicationLoadBalancerArgs => ({
            ...base,
            https: { ...base.https, managedDomains },
        });
        const before = physicalNames(await build("shop", managed(["shop.example.com"])));
        const after = physicalNames(await build("shop", managed(["shop.example.com", "www.example.com"])));
        assert.deepStrictEqual(renamed(before, after), ["ManagedSslCertificate shop-frontend-managed-cert"]);
        assert.match(after.get("ManagedSslCertificate shop-frontend-managed-cert")!, /^shop-managed-cert-[0-9a-f]{8}$/);
    });

    it("changing one domain of https.managedCertificate replaces only that domain's authorization, certificate, map entry and records", async () => {
        const managed = (domains: string[]): ApplicationLoadBalancerArgs => ({
            ...base,
            https: { managedCertificate: { domains } },
            dns: { zone: "example-com" },
        });
        const before = physicalNames(
            await build("shop", managed(["shop.example.com", "*.shop.example.com", "api.example.com"])),
        );
        const after = physicalNames(
            await build("shop", managed(["shop.example.com", "*.shop.example.com", "api2.example.com"])),
        );
        const onlyIn = (a: Map<string, string>, b: Map<string, string>) =>
            [...a.keys()].filter((k) => !b.has(k)).sort();
        assert.deepStrictEqual(onlyIn(before, after), [
            "Certificate shop-frontend-cert-api-example-com",
            "CertificateMapEntry shop-frontend-cert-map-entry-api-example-com",
            "DnsAuthorization shop-frontend-dns-auth-api-example-com",
            "RecordSet shop-frontend-dns-api-example-com-a",
            "RecordSet shop-frontend-dns-auth-record-api-example-com",
        ]);
        assert.deepStrictEqual(onlyIn(after, before), [
            "Certificate shop-frontend-cert-api2-example-com",
            "CertificateMapEntry shop-frontend-cert-map-entry-api2-example-com",
            "DnsAuthorization shop-frontend-dns-auth-api2-example-com",
            "RecordSet shop-frontend-dns-api2-example-com-a",
            "RecordSet shop-frontend-dns-auth-record-api2-example-com",
        ]);
        const common = [...before.keys()].filter((k) => after.has(k));
        assert.deepStrictEqual(
            common.filter((k) => before.get(k) !== after.get(k)),
            [],
            "no resource both plans have is renamed",
        );
        assert.ok(common.includes("Certificate shop-frontend-cert-shop-example-com"));
        assert.ok(common.includes("CertificateMap shop-frontend-cert-map"));
    });

    it("changing the DNS authorization type renames every authorization and certificate, and nothing else", async () => {
        const managed = (dnsAuthorizationType?: "FIXED_RECORD"): ApplicationLoadBalancerArgs => ({
            ...base,
            https: {
                managedCertificate: { domains: ["shop.example.com", "*.shop.example.com"], dnsAuthorizationType },
            },
        });
        const before = physicalNames(await build("shop", managed()));
        const after = physicalNames(await build("shop", managed("FIXED_RECORD")));
        assert.deepStrictEqual(renamed(before, after), [
            "Certificate shop-frontend-cert-shop-example-com",
            "Certificate shop-frontend-cert-wildcard-shop-example-com",
            "DnsAuthorization shop-frontend-dns-auth-shop-example-com",
        ]);
    });

    it("changing a global internet NEG's endpoint renames that NEG only (a global internet NEG holds one endpoint)", async () => {
        const internet = (fqdn: string): ApplicationLoadBalancerArgs => ({
            ...base,
            backends: { ...base.backends, legacy: { internet: { fqdn, hostOverride: "www.example.com" } } },
        });
        const before = physicalNames(await build("shop", internet("legacy.example.com")));
        const after = physicalNames(await build("shop", internet("legacy2.example.com")));
        assert.deepStrictEqual(renamed(before, after), ["GlobalNetworkEndpointGroup shop-legacy-neg"]);
    });

    it("changing routes or logging renames nothing (in-place updates)", async () => {
        const changed = physicalNames(
            await build("shop", {
                ...base,
                routes: [{ paths: ["/api/*"], backend: "api" }],
                backends: { ...base.backends, web: { ...base.backends.web, logging: { sampleRate: 0.5 } } },
            }),
        );
        assert.deepStrictEqual(renamed(baseline, changed), []);
    });

    it("changing the requested internal IP renames the address only; the forwarding rule keeps its name", async () => {
        const before = physicalNames(await build("int", schemeFixtures["regional-internal"]));
        const after = physicalNames(
            await build("int", { ...schemeFixtures["regional-internal"], address: { ip: "10.1.2.100" } }),
        );
        assert.deepStrictEqual(renamed(before, after), ["Address int-frontend-address"]);
    });
});

describe("names: GCP-valid for any logical name, through the whole load balancer", () => {
    const LONG = "My_Very_Long_Load_Balancer_Name_For_The_Production_Environment_2026";

    function assertValidNames(recorder: Recorder, label: string) {
        // Endpoints, grants and policy rules have no GCP name: GCP identifies them by their fields.
        const resources = packageResources(recorder.cloudResources()).filter(
            (r) => replacementPolicy(r.type).naming !== "none",
        );
        assert.ok(resources.length > 5, label);
        for (const r of resources) {
            const name = r.inputs.name;
            assert.ok(
                typeof name === "string" && name.length <= GCP_NAME_MAX && GCP_NAME_PATTERN.test(name),
                `${label}: ${r.type} ${r.name} has name ${JSON.stringify(name)}`,
            );
        }
        const names = resources.map((r) => `${r.type.split("/")[1].split(":")[0]}:${String(r.inputs.name)}`);
        assert.strictEqual(new Set(names).size, names.length, `${label}: duplicate GCP names`);
    }

    for (const scheme of fixtureSchemes) {
        it(`${scheme}: "${LONG}" and backend keys with capitals and underscores`, async () => {
            const args = schemeFixtures[scheme];
            const backends = Object.fromEntries(
                Object.entries(args.backends).map(([k, v]) => [
                    `${k.toUpperCase()}_Backend_Of_The_Production_Environment`,
                    v,
                ]),
            );
            const defaultBackend = args.defaultBackend
                ? `${args.defaultBackend.toUpperCase()}_Backend_Of_The_Production_Environment`
                : undefined;
            assertValidNames(await build(LONG, { ...args, backends, defaultBackend }), LONG);
        });
    }

    it("property: any logical name and backend key, every scheme", async () => {
        const logicalName = fc.stringMatching(/^[A-Za-z0-9_.\- ]{1,90}$/);
        // A backend keyed "__proto__" is refused by the shape check on purpose (tests/validation/shape.spec.ts).
        const backendKey = logicalName.filter((key) => key !== "__proto__");
        await fc.assert(
            fc.asyncProperty(logicalName, backendKey, fc.constantFrom(...fixtureSchemes), async (name, key, scheme) => {
                const args = schemeFixtures[scheme];
                const [firstKey, first] = Object.entries(args.backends).find(([, b]) => b.cloudRun)!;
                void firstKey;
                const recorder = await build(name, {
                    ...args,
                    backends: { [key]: first },
                    defaultBackend: key,
                    routes: [],
                });
                assertValidNames(recorder, `${scheme} ${JSON.stringify(name)} / ${JSON.stringify(key)}`);
            }),
            { numRuns: 40 },
        );
    });
});
