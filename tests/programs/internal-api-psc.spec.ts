import * as assert from "assert";
import { plan, PlanResult } from "../../components/cli/plan";
import { gcpTypes, one, ofType } from "../support/program-helpers";

const PROGRAM = "programs/internal-api-psc";
const SUBNET = "gcp:compute/subnetwork:Subnetwork";
const ATTACHMENT = "gcp:compute/serviceAttachment:ServiceAttachment";
const AUTHZ = "gcp:networksecurity/authzPolicy:AuthzPolicy";
const API = "https://www.googleapis.com/compute/v1/projects/mock-project";

describe("programs/internal-api-psc (the default plan: no consumer projects yet)", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan({ program: PROGRAM });
    });

    it("plans without errors, warning only that endpoints wait to be accepted by hand", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, [
            'ApplicationLoadBalancer "api": publish.consumerAcceptLists: ACCEPT_MANUAL with no accept list: every consumer endpoint stays PENDING until its project is accepted. Fix: list the consumers, e.g. consumerAcceptLists: [{ project: "consumer-project", connectionLimit: 10 }] [psc-manual-without-consumers]',
        ]);
    });

    it("is seed 004's internal API on a regional internal load balancer, plus the PSC subnet and attachment", () => {
        assert.deepStrictEqual(
            ofType(result, AUTHZ).map((p) => p.name),
            ["api-authz-allow", "api-authz-deny"],
        );
        assert.deepStrictEqual(gcpTypes(result), [
            "gcp:cloudrunv2/service:Service",
            "gcp:compute/address:Address",
            "gcp:compute/forwardingRule:ForwardingRule",
            "gcp:compute/network:Network",
            "gcp:compute/regionBackendService:RegionBackendService",
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "gcp:compute/regionSslCertificate:RegionSslCertificate",
            "gcp:compute/regionSslPolicy:RegionSslPolicy",
            "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
            "gcp:compute/regionUrlMap:RegionUrlMap",
            "gcp:compute/serviceAttachment:ServiceAttachment",
            "gcp:compute/subnetwork:Subnetwork",
            "gcp:compute/subnetwork:Subnetwork",
            "gcp:compute/subnetwork:Subnetwork",
        ]);
        assert.deepStrictEqual(
            ofType(result, SUBNET).map((s) => [s.name, s.inputs.purpose ?? null, s.inputs.ipCidrRange]),
            [
                ["api-network-proxy-only-europe-west1", "REGIONAL_MANAGED_PROXY", "10.129.0.0/23"],
                ["api-network-subnet-europe-west1", null, "10.1.2.0/24"],
                ["api-psc-nat-subnet", "PRIVATE_SERVICE_CONNECT", "10.130.0.0/24"],
            ].sort(),
        );
        const service = one(result, "gcp:cloudrunv2/service:Service").inputs;
        assert.deepStrictEqual(
            [service.ingress, service.invokerIamDisabled, service.deletionProtection],
            ["INGRESS_TRAFFIC_INTERNAL_ONLY", true, false],
        );
        assert.deepStrictEqual(
            ofType(result, "gcp:compute/forwardingRule:ForwardingRule").map((r) => r.inputs.loadBalancingScheme),
            ["INTERNAL_MANAGED"],
        );
    });

    it("publishes the HTTPS forwarding rule with ACCEPT_MANUAL and no accept list", () => {
        assert.deepStrictEqual(one(result, ATTACHMENT).inputs, {
            connectionPreference: "ACCEPT_MANUAL",
            consumerAcceptLists: [],
            consumerRejectLists: [],
            enableProxyProtocol: false,
            name: "api-psc",
            natSubnets: [`${API}/regions/europe-west1/subnetworks/api-psc-nat`],
            region: "europe-west1",
            targetService: "projects/mock-project/regions/europe-west1/forwardingRules/api-https-rule",
        });
        assert.strictEqual(result.outputs.serviceAttachment, `${API}/regions/europe-west1/serviceAttachments/api-psc`);
    });

    it("denies /admin to consumers (the PSC NAT range) and allows only consumers and the producer's subnet", () => {
        const target = {
            loadBalancingScheme: "INTERNAL_MANAGED",
            resources: [`${API}/regions/europe-west1/forwardingRules/api-https-rule`],
        };
        const policies = ofType(result, AUTHZ).map((p) => [p.name, p.inputs]);
        assert.deepStrictEqual(policies, [
            [
                "api-authz-allow",
                {
                    action: "ALLOW",
                    description:
                        "Requests the load balancer lets through; every other request is denied (cloudrun-lb authorization.allow)",
                    httpRules: [
                        {
                            from: {
                                sources: [
                                    {
                                        ipBlocks: [
                                            { length: 24, prefix: "10.130.0.0" },
                                            { length: 24, prefix: "10.1.2.0" },
                                        ],
                                    },
                                ],
                            },
                        },
                    ],
                    location: "europe-west1",
                    name: "api-authz-allow",
                    target,
                },
            ],
            [
                "api-authz-deny",
                {
                    action: "DENY",
                    description: "Requests the load balancer denies (cloudrun-lb authorization.deny)",
                    httpRules: [
                        {
                            from: { sources: [{ ipBlocks: [{ length: 24, prefix: "10.130.0.0" }] }] },
                            to: { operations: [{ paths: [{ prefix: "/admin" }] }] },
                        },
                    ],
                    location: "europe-west1",
                    name: "api-authz-deny",
                    target,
                },
            ],
        ]);
    });

    it("says where a consumer's request goes: --request with --source-ip in the PSC NAT range", async () => {
        const denied = await plan({
            program: PROGRAM,
            request: "GET https://api.internal.example/admin/users",
            sourceIp: "10.130.0.9",
        });
        assert.deepStrictEqual(
            denied.request!.map((r) => [r.summary, r.kind, r.authorization]),
            [
                [
                    "refused before routing: denied by authorization.deny[0]",
                    "denied",
                    { decision: "denied", reason: "denied by authorization.deny[0]", rule: "authorization.deny[0]" },
                ],
            ],
        );
        const producer = await plan({
            program: PROGRAM,
            request: "GET https://api.internal.example/admin/users",
            sourceIp: "10.1.2.9",
        });
        assert.deepStrictEqual(
            producer.request!.map((r) => [r.summary, r.authorization]),
            [
                [
                    'backend "api"',
                    {
                        decision: "allowed",
                        reason: "allowed by authorization.allow[0]",
                        rule: "authorization.allow[0]",
                    },
                ],
            ],
        );
    });
});

describe("programs/internal-api-psc with consumer projects and ranges from config", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan({
            program: PROGRAM,
            config: {
                consumerProjects: '["team-a-prod", "123456789012"]',
                connectionLimit: "3",
                natCidr: "10.140.0.0/28",
                region: "us-central1",
            },
        });
    });

    it("accepts exactly the listed projects, each with the connection limit, and plans no warning", () => {
        assert.deepStrictEqual([result.errors, result.warnings], [[], []]);
        const attachment = one(result, ATTACHMENT).inputs;
        assert.deepStrictEqual(attachment.consumerAcceptLists, [
            { connectionLimit: 3, projectIdOrNum: "team-a-prod" },
            { connectionLimit: 3, projectIdOrNum: "123456789012" },
        ]);
        assert.strictEqual(attachment.region, "us-central1");
        const nat = ofType(result, SUBNET).find((s) => s.name === "api-psc-nat-subnet")!.inputs;
        assert.deepStrictEqual([nat.ipCidrRange, nat.region], ["10.140.0.0/28", "us-central1"]);
    });

    it("moves the authorization ranges and the route tests' clients with the ranges", () => {
        const allow = ofType(result, AUTHZ).find((p) => p.name === "api-authz-allow")!.inputs as {
            httpRules: { from: { sources: { ipBlocks: unknown[] }[] } }[];
            location: string;
        };
        assert.deepStrictEqual(allow.httpRules[0].from.sources[0].ipBlocks, [
            { length: 28, prefix: "10.140.0.0" },
            { length: 24, prefix: "10.1.2.0" },
        ]);
        assert.strictEqual(allow.location, "us-central1");
    });

    it("refuses a NAT range that overlaps the load balancer's subnet, at preview", async () => {
        const bad = await plan({ program: PROGRAM, config: { natCidr: "10.1.2.0/25" } });
        assert.deepStrictEqual(
            bad.errors.map((e) => e.problems),
            [
                [
                    // The route tests' clients move with the ranges: the producer's client now falls in the NAT range.
                    {
                        rule: "route-test",
                        field: "tests[2]",
                        message:
                            '"a client in the producer\'s subnet reaches /admin": GET api.internal.example/admin/users from 10.1.2.5 should reach backend "api", but reaches a refusal: denied by authorization.deny[0]',
                        fix: "change the routes so the request reaches what the test expects, or correct the test",
                    },
                    {
                        rule: "psc-nat-subnet",
                        field: "publish.natCidr",
                        message:
                            '"10.1.2.0/25" overlaps "10.1.2.0/24", the range of the subnet in europe-west1 (network.create.subnetCidr)',
                        fix: "pick a range outside 10.1.2.0/24, e.g. 10.0.0.0/25",
                    },
                ],
            ],
        );
    });
});
