import * as assert from "assert";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { formatProblems, Problem } from "../../components/validation";
import { installMocks, settle } from "../../components/testing/mocks";
import { CERT, KEY } from "../support/fixtures";

function internal(overrides: Partial<ApplicationLoadBalancerArgs> = {}): ApplicationLoadBalancerArgs {
    return {
        scheme: "regional-internal",
        region: "europe-west1",
        backends: { orders: { cloudRun: { service: "orders" } } },
        https: { certificate: { certificate: CERT, privateKey: KEY } },
        ...overrides,
    };
}

function global(overrides: Partial<ApplicationLoadBalancerArgs> = {}): ApplicationLoadBalancerArgs {
    return {
        scheme: "global-external",
        backends: { web: { cloudRun: { service: "web", region: "europe-west1" } } },
        ...overrides,
    };
}

function onlyProblem(args: ApplicationLoadBalancerArgs): Problem {
    const problems = validateLoadBalancerArgs(args);
    assert.strictEqual(problems.length, 1, `expected one problem, got:\n${formatProblems("args", problems)}`);
    return problems[0];
}

const EXISTING = {
    network: "projects/host/global/networks/shared",
    subnetworks: { "europe-west1": "projects/host/regions/europe-west1/subnetworks/apps" },
    proxyOnlySubnetworks: { "europe-west1": "projects/host/regions/europe-west1/subnetworks/proxy-only" },
};

describe("validation: links to existing resources", () => {
    it("accepts an existing Shared VPC given by self links and full URLs", () => {
        assert.deepStrictEqual(validateLoadBalancerArgs(internal({ network: { existing: EXISTING } })), []);
        const urls = {
            network: "https://www.googleapis.com/compute/v1/projects/host/global/networks/shared",
            subnetworks: {
                "europe-west1":
                    "https://www.googleapis.com/compute/v1/projects/host/regions/europe-west1/subnetworks/apps",
            },
            proxyOnlySubnetworks: EXISTING.proxyOnlySubnetworks,
        };
        assert.deepStrictEqual(validateLoadBalancerArgs(internal({ network: { existing: urls } })), []);
    });

    it("rejects a subnet of another region", () => {
        assert.deepStrictEqual(
            onlyProblem(
                internal({
                    network: {
                        existing: {
                            ...EXISTING,
                            subnetworks: { "europe-west1": "projects/host/regions/us-east1/subnetworks/apps" },
                        },
                    },
                }),
            ),
            {
                rule: "existing-network-links",
                field: "network.existing.subnetworks.europe-west1",
                message:
                    '"projects/host/regions/us-east1/subnetworks/apps" is in us-east1, but it must be in europe-west1',
                fix: "pass selfLink outputs (network.selfLink, subnet.selfLink), keyed by the subnet's own region",
            },
        );
    });

    it("rejects a subnet keyed by a region the load balancer does not have", () => {
        const problem = onlyProblem(
            internal({
                network: {
                    existing: {
                        ...EXISTING,
                        proxyOnlySubnetworks: {
                            ...EXISTING.proxyOnlySubnetworks,
                            "us-east1": "projects/host/regions/us-east1/subnetworks/proxy-only",
                        },
                    },
                },
            }),
        );
        assert.deepStrictEqual(problem, {
            rule: "existing-network-links",
            field: "network.existing.proxyOnlySubnetworks.us-east1",
            message:
                '"us-east1" is not a region of this load balancer (europe-west1), so this proxy-only subnet would be ignored',
            fix: "key each proxy-only subnet by one of the load balancer's regions",
        });
    });

    it("rejects a network that is not a VPC link", () => {
        assert.deepStrictEqual(
            onlyProblem(
                internal({
                    network: {
                        existing: { ...EXISTING, network: "projects/host/regions/europe-west1/subnetworks/apps" },
                    },
                }),
            ),
            {
                rule: "existing-network-links",
                field: "network.existing.network",
                message:
                    '"projects/host/regions/europe-west1/subnetworks/apps" is not a VPC network self link or id (projects/<project>/global/networks/<name>)',
                fix: 'use the VPC\'s selfLink or "projects/<host-project>/global/networks/<name>"',
            },
        );
    });

    it("warns, without failing, that a proxy-only subnet will be created in an existing VPC", () => {
        const problem = onlyProblem(
            internal({ network: { existing: { ...EXISTING, proxyOnlySubnetworks: undefined } } }),
        );
        assert.deepStrictEqual(problem, {
            rule: "existing-vpc-proxy-only-subnet",
            field: "network.existing.proxyOnlySubnetworks.europe-west1",
            message:
                'no proxy-only subnet is given for europe-west1, so one (10.129.0.0/23, REGIONAL_MANAGED_PROXY) will be created in the existing VPC, in the network\'s project "host": the identity that runs pulumi up needs roles/compute.networkAdmin on project "host" (a Shared VPC\'s host project); that fails if the VPC already has an ACTIVE REGIONAL_MANAGED_PROXY subnet in europe-west1',
            fix: 'if it has one, or the host project\'s network admins create it, pass its self link as network.existing.proxyOnlySubnetworks["europe-west1"]',
            severity: "warning",
        });
    });

    it("rejects a global backend service on a regional scheme, and a regional one on a global scheme", () => {
        assert.deepStrictEqual(
            onlyProblem(
                internal({
                    backends: { shared: { backendService: "projects/team-a/global/backendServices/orders" } },
                }),
            ),
            {
                rule: "backend-service-links",
                field: "backends.shared.backendService",
                message:
                    '"projects/team-a/global/backendServices/orders" is a global backend service, but a regional one in europe-west1 is needed by the regional internal Application Load Balancer',
                fix: "reference projects/<project>/regions/<region>/backendServices/<name> for regional schemes, projects/<project>/global/backendServices/<name> for global ones",
            },
        );
        assert.strictEqual(
            onlyProblem(
                global({
                    backends: { shared: { backendService: "projects/team-a/regions/europe-west1/backendServices/x" } },
                }),
            ).message,
            '"projects/team-a/regions/europe-west1/backendServices/x" is a regional backend service in europe-west1, but a global one is needed by the global external Application Load Balancer',
        );
        assert.strictEqual(
            onlyProblem(
                internal({
                    backends: { shared: { backendService: "projects/team-a/regions/us-east1/backendServices/x" } },
                }),
            ).message,
            '"projects/team-a/regions/us-east1/backendServices/x" is in us-east1, but it must be in europe-west1 by the regional internal Application Load Balancer',
        );
    });

    it("rejects a global certificate on a regional proxy (GCP: …/regions/<r>/sslCertificates/<name> was not found)", () => {
        assert.deepStrictEqual(
            onlyProblem(internal({ https: { certificates: ["projects/p/global/sslCertificates/managed"] } })),
            {
                rule: "certificate-links",
                field: "https.certificates[0]",
                message:
                    '"projects/p/global/sslCertificates/managed" is a global SSL certificate, but a regional one in europe-west1 is needed by the regional internal Application Load Balancer',
                fix: "pass the certificate's id from a resource of the scheme's scope (compute.RegionSslCertificate for regional schemes, compute.SSLCertificate otherwise), or let https.certificate create one",
            },
        );
    });

    it("rejects a Certificate Manager certificate among Compute certificates", () => {
        assert.deepStrictEqual(
            onlyProblem(
                global({
                    https: { certificates: ["projects/p/locations/global/certificates/web"] },
                }),
            ),
            {
                rule: "certificate-links",
                field: "https.certificates[0]",
                message:
                    '"projects/p/locations/global/certificates/web" is a Certificate Manager certificate; https.certificates takes Compute SSL certificates',
                fix: "pass Compute SSL certificates here (…/sslCertificates/<name>)",
            },
        );
    });

    it("counts the created certificate with the given ones (at most 15 per proxy), with a fix the scheme has", () => {
        const certificates = Array.from(
            { length: 15 },
            (_, i) => `projects/p/regions/europe-west1/sslCertificates/c${i}`,
        );
        assert.deepStrictEqual(
            onlyProblem(internal({ https: { certificates, certificate: { certificate: CERT, privateKey: KEY } } })),
            {
                rule: "https-certificate",
                field: "https.certificates",
                message: "16 Compute certificates; a target proxy takes at most 15",
                fix: "combine domains into certificates with several SANs, or use up to 100 Certificate Manager certificates (https.certificateManagerCertificates)",
            },
        );
    });
});

describe("validation: addresses and labels", () => {
    it("rejects an internal VIP outside the subnet, and one GCP reserves", () => {
        assert.deepStrictEqual(onlyProblem(internal({ address: { ip: "10.9.0.5" } })), {
            rule: "address-in-subnet",
            field: "address.ip",
            message: '"10.9.0.5" is outside 10.1.2.0/24, the subnet of europe-west1 the VIP is reserved in',
            fix: "pick an address in 10.1.2.2–10.1.2.253, or omit it to let GCP choose",
        });
        assert.deepStrictEqual(onlyProblem(internal({ address: { ip: "10.1.2.255" } })), {
            rule: "address-in-subnet",
            field: "address.ip",
            message:
                '"10.1.2.255" is reserved by GCP in 10.1.2.0/24 (the network, gateway, second-to-last and broadcast addresses)',
            fix: "pick an address in 10.1.2.2–10.1.2.253",
        });
        assert.deepStrictEqual(validateLoadBalancerArgs(internal({ address: { ip: "10.1.2.2" } })), []);
    });

    it("checks each region's VIP against that region's subnet (cross-region internal)", () => {
        const problem = onlyProblem({
            scheme: "cross-region-internal",
            regions: ["europe-west1", "us-central1"],
            backends: { web: { cloudRun: { service: "web", regions: ["europe-west1", "us-central1"] } } },
            address: { ips: { "europe-west1": "10.1.2.99", "us-central1": "10.1.2.98" } },
        });
        assert.deepStrictEqual(problem, {
            rule: "address-in-subnet",
            field: "address.ips.us-central1",
            message: '"10.1.2.98" is outside 10.1.3.0/24, the subnet of us-central1 the VIP is reserved in',
            fix: "pick an address in 10.1.3.2–10.1.3.253, or omit it to let GCP choose",
        });
    });

    it("rejects one IP or one existing address for several regions, and IPs for unknown regions", () => {
        const crossRegion: ApplicationLoadBalancerArgs = {
            scheme: "cross-region-internal",
            regions: ["europe-west1", "us-central1"],
            backends: { web: { cloudRun: { service: "web", regions: ["europe-west1", "us-central1"] } } },
        };
        assert.deepStrictEqual(onlyProblem({ ...crossRegion, address: { ip: "10.1.2.99" } }), {
            rule: "address-scope",
            field: "address.ip",
            message: "one IP cannot be the VIP of 2 regions (europe-west1, us-central1)",
            fix: 'give address.ips, e.g. { "europe-west1": "10.x.y.z", "us-central1": "10.x.y.z" }',
        });
        assert.deepStrictEqual(
            onlyProblem({ ...crossRegion, address: { existing: "projects/p/regions/europe-west1/addresses/vip" } }),
            {
                rule: "address-scope",
                field: "address.existing",
                message:
                    "one existing address cannot serve 2 regions (europe-west1, us-central1); each region's forwarding rule needs its own internal address",
                fix: "give address.ips with one IP per region instead",
            },
        );
        assert.deepStrictEqual(onlyProblem(internal({ address: { ips: { "us-east1": "10.1.2.99" } } })), {
            rule: "address-scope",
            field: "address.ips.us-east1",
            message: '"us-east1" is not a region of this load balancer (europe-west1), so this IP would be ignored',
            fix: "key each IP by one of the load balancer's regions",
        });
    });

    it("rejects an existing address of the wrong scope", () => {
        assert.deepStrictEqual(
            onlyProblem(global({ address: { existing: "projects/p/regions/europe-west1/addresses/ip" } })),
            {
                rule: "address-scope",
                field: "address.existing",
                message:
                    '"projects/p/regions/europe-west1/addresses/ip" is a regional address in europe-west1, but a global one is needed by the global external Application Load Balancer',
                fix: "reference an address of the right scope, or give address.ips keyed by region",
            },
        );
        assert.deepStrictEqual(validateLoadBalancerArgs(global({ address: { existing: "203.0.113.7" } })), []);
        assert.deepStrictEqual(
            validateLoadBalancerArgs(
                internal({ address: { existing: "projects/p/regions/europe-west1/addresses/vip" } }),
            ),
            [],
        );
    });
});

describe("validation: warnings reach pulumi.log.warn and do not stop the deployment", () => {
    it("logs the warning once, attributed to the load balancer, and creates the resources", async () => {
        const recorder = installMocks();
        const log = require("@pulumi/pulumi/log");
        const original = log.warn;
        const warnings: string[] = [];
        log.warn = (message: string) => {
            warnings.push(message);
            return Promise.resolve();
        };
        try {
            new ApplicationLoadBalancer(
                "shared",
                internal({ network: { existing: { ...EXISTING, proxyOnlySubnetworks: undefined } } }),
            );
            await settle();
        } finally {
            log.warn = original;
        }
        assert.deepStrictEqual(warnings, [
            'ApplicationLoadBalancer "shared": network.existing.proxyOnlySubnetworks.europe-west1: no proxy-only subnet is given for europe-west1, so one (10.129.0.0/23, REGIONAL_MANAGED_PROXY) will be created in the existing VPC, in the network\'s project "host": the identity that runs pulumi up needs roles/compute.networkAdmin on project "host" (a Shared VPC\'s host project); that fails if the VPC already has an ACTIVE REGIONAL_MANAGED_PROXY subnet in europe-west1. Fix: if it has one, or the host project\'s network admins create it, pass its self link as network.existing.proxyOnlySubnetworks["europe-west1"] [existing-vpc-proxy-only-subnet]',
        ]);
        assert.strictEqual(recorder.byType("gcp:compute/subnetwork:Subnetwork").length, 1);
    });
});
