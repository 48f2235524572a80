import * as assert from "assert";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs, validateLoadBalancerArgs } from "../../components";
import { installMocks, Recorder, settle, valueOf } from "../../components/testing/mocks";

const R = "europe-west1";
const R2 = "us-central1";
const API = "https://www.googleapis.com/compute/v1";
const P = "projects/mock-project";
const CERT = { certificate: { certificate: "-----BEGIN CERTIFICATE-----", privateKey: "-----BEGIN PRIVATE KEY-----" } };
const SUBNET = "gcp:compute/subnetwork:Subnetwork";
const ATTACHMENT = "gcp:compute/serviceAttachment:ServiceAttachment";

const internal = (publish: ApplicationLoadBalancerArgs["publish"]): ApplicationLoadBalancerArgs => ({
    scheme: "regional-internal",
    region: R,
    backends: { api: { cloudRun: { service: "api" } } },
    publish,
});

/** The problems of the `psc-*` rules for these Args, in the order the rules report them. */
function pscProblems(args: ApplicationLoadBalancerArgs) {
    return validateLoadBalancerArgs(args).filter((p) => p.rule.startsWith("psc-"));
}

/** The shape check's problems: a value outside a closed set never reaches the psc rules. */
function pscShape(args: ApplicationLoadBalancerArgs) {
    return validateLoadBalancerArgs(args).filter((p) => p.rule === "shape");
}

describe("publish over Private Service Connect, regional internal", () => {
    let recorder: Recorder;
    let lb: ApplicationLoadBalancer;

    before(async () => {
        recorder = installMocks();
        lb = new ApplicationLoadBalancer("api", {
            ...internal({
                connectionPreference: "ACCEPT_MANUAL",
                consumerAcceptLists: [
                    { project: "consumer-a", connectionLimit: 5 },
                    { network: "projects/consumer-b/global/networks/vpc", connectionLimit: 2 },
                ],
                consumerRejectLists: ["123456789012"],
                domainNames: ["api.example.internal."],
                reconcileConnections: true,
            }),
            https: { ...CERT, redirectHttp: true },
        });
        await settle();
    });

    it("adds a PSC NAT subnet and a service attachment, children of the load balancer", () => {
        const added = recorder
            .cloudResources()
            .filter((r) => r.name.includes("psc") || r.type === ATTACHMENT)
            .map((r) => `${r.type.split(":").pop()} ${r.name} <- ${r.parent}`)
            .sort();
        assert.deepStrictEqual(added, [
            "ServiceAttachment api-service-attachment <- cloudrun-lb:index:ApplicationLoadBalancer::api",
            "Subnetwork api-psc-nat-subnet <- cloudrun-lb:index:ApplicationLoadBalancer::api",
        ]);
    });

    it("makes the NAT subnet PRIVATE_SERVICE_CONNECT in the load balancer's VPC and region, default range", () => {
        assert.deepStrictEqual(recorder.get(SUBNET, "api-psc-nat-subnet").inputs, {
            ipCidrRange: "10.130.0.0/24",
            name: "api-psc-nat",
            network: `${API}/${P}/global/networks/api-network`,
            purpose: "PRIVATE_SERVICE_CONNECT",
            region: R,
        });
    });

    it("targets the HTTPS forwarding rule (not the redirect's) with the consumer lists as given", () => {
        assert.deepStrictEqual(recorder.get(ATTACHMENT, "api-service-attachment").inputs, {
            connectionPreference: "ACCEPT_MANUAL",
            consumerAcceptLists: [
                { connectionLimit: 5, projectIdOrNum: "consumer-a" },
                { connectionLimit: 2, networkUrl: "projects/consumer-b/global/networks/vpc" },
            ],
            consumerRejectLists: ["123456789012"],
            domainNames: ["api.example.internal."],
            enableProxyProtocol: false,
            name: "api-psc",
            natSubnets: [`${API}/${P}/regions/${R}/subnetworks/api-psc-nat`],
            reconcileConnections: true,
            region: R,
            targetService: `${P}/regions/${R}/forwardingRules/api-https-rule`,
        });
    });

    it("outputs the attachment's self link, alone and by region", async () => {
        const link = `${API}/${P}/regions/${R}/serviceAttachments/api-psc`;
        assert.strictEqual(await valueOf(lb.serviceAttachmentSelfLink), link);
        assert.deepStrictEqual(await valueOf(lb.serviceAttachmentSelfLinks), { [R]: link });
    });
});

describe("publish over Private Service Connect, defaults and no publish", () => {
    let recorder: Recorder;
    let plain: ApplicationLoadBalancer;

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer("auto", internal({}));
        plain = new ApplicationLoadBalancer("plain", internal(undefined));
        await settle();
    });

    it("defaults to ACCEPT_AUTOMATIC, empty lists, no proxy protocol, targeting the HTTP rule", () => {
        assert.deepStrictEqual(recorder.get(ATTACHMENT, "auto-service-attachment").inputs, {
            connectionPreference: "ACCEPT_AUTOMATIC",
            consumerAcceptLists: [],
            consumerRejectLists: [],
            enableProxyProtocol: false,
            name: "auto-psc",
            natSubnets: [`${API}/${P}/regions/${R}/subnetworks/auto-psc-nat`],
            region: R,
            targetService: `${P}/regions/${R}/forwardingRules/auto-http-rule`,
        });
    });

    it("creates nothing for PSC without publish, and outputs no attachment", async () => {
        assert.deepStrictEqual(
            recorder
                .cloudResources()
                .filter((r) => r.name.startsWith("plain-") && (r.type === ATTACHMENT || r.name.includes("psc")))
                .map((r) => r.name),
            [],
        );
        assert.strictEqual(await valueOf(plain.serviceAttachmentSelfLink), undefined);
        assert.deepStrictEqual(await valueOf(plain.serviceAttachmentSelfLinks), {});
    });
});

describe("publish over Private Service Connect, cross-region internal", () => {
    let recorder: Recorder;
    let lb: ApplicationLoadBalancer;

    before(async () => {
        recorder = installMocks();
        lb = new ApplicationLoadBalancer("xr", {
            scheme: "cross-region-internal",
            regions: [R, R2],
            backends: { api: { cloudRun: { service: "api", regions: [R, R2] } } },
            publish: { natCidrs: { [R2]: "10.140.0.0/28" } },
        });
        await settle();
    });

    it("makes a NAT subnet and an attachment per region, each targeting its region's global rule", () => {
        for (const [region, range, rule] of [
            [R, "10.130.0.0/24", `xr-http-rule-${R}`],
            [R2, "10.140.0.0/28", `xr-http-rule-${R2}`],
        ]) {
            const subnet = recorder.get(SUBNET, `xr-psc-nat-subnet-${region}`);
            assert.deepStrictEqual(
                [subnet.inputs.ipCidrRange, subnet.inputs.region, subnet.inputs.purpose, subnet.inputs.name],
                [range, region, "PRIVATE_SERVICE_CONNECT", `xr-psc-nat-${region}`],
            );
            const attachment = recorder.get(ATTACHMENT, `xr-service-attachment-${region}`).inputs;
            assert.deepStrictEqual(
                [attachment.region, attachment.targetService, attachment.natSubnets, attachment.name],
                [
                    region,
                    `${P}/global/forwardingRules/${rule}`,
                    [`${API}/${P}/regions/${region}/subnetworks/xr-psc-nat-${region}`],
                    `xr-psc-${region}`,
                ],
            );
        }
    });

    it("outputs the self link per region, the first region's alone", async () => {
        const link = (region: string) => `${API}/${P}/regions/${region}/serviceAttachments/xr-psc-${region}`;
        assert.deepStrictEqual(await valueOf(lb.serviceAttachmentSelfLinks), { [R]: link(R), [R2]: link(R2) });
        assert.strictEqual(await valueOf(lb.serviceAttachmentSelfLink), link(R));
    });
});

describe("publish over Private Service Connect, validation", () => {
    before(() => installMocks());

    it("accepts a valid publish with no problem", () => {
        assert.deepStrictEqual(
            pscProblems(
                internal({
                    connectionPreference: "ACCEPT_MANUAL",
                    consumerAcceptLists: [{ project: "consumer-a", connectionLimit: 1 }],
                }),
            ),
            [],
        );
    });

    it("psc-scheme: refuses external schemes, naming the alternative", () => {
        assert.deepStrictEqual(pscProblems({ ...internal({}), scheme: "regional-external" }), [
            {
                rule: "psc-scheme",
                field: "publish",
                message:
                    'Publishing over Private Service Connect is not supported by the regional external Application Load Balancer (scheme "regional-external")',
                fix: "use scheme regional-internal (or cross-region-internal) and publish that; external schemes are not offered as Private Service Connect producers here (regional external UNCONFIRMED, refused as the safe choice)",
            },
        ]);
    });

    it("psc-connection-policy: an unknown preference, and accept lists under ACCEPT_AUTOMATIC", () => {
        assert.deepStrictEqual(pscShape(internal({ connectionPreference: "ACCEPT_ALL" as "ACCEPT_MANUAL" })), [
            {
                rule: "shape",
                field: "publish.connectionPreference",
                message: '"ACCEPT_ALL" is not an allowed value',
                fix: 'use one of "ACCEPT_AUTOMATIC", "ACCEPT_MANUAL"',
            },
        ]);
        assert.deepStrictEqual(
            pscProblems(internal({ consumerAcceptLists: [{ project: "a-project", connectionLimit: 1 }] })),
            [
                {
                    rule: "psc-connection-policy",
                    field: "publish.consumerAcceptLists",
                    message:
                        "accept lists take effect only with ACCEPT_MANUAL: under ACCEPT_AUTOMATIC every project could connect",
                    fix: 'set publish.connectionPreference: "ACCEPT_MANUAL", or remove consumerAcceptLists',
                },
            ],
        );
    });

    it("psc-manual-without-consumers: warns that endpoints stay pending", () => {
        assert.deepStrictEqual(pscProblems(internal({ connectionPreference: "ACCEPT_MANUAL" })), [
            {
                rule: "psc-manual-without-consumers",
                field: "publish.consumerAcceptLists",
                message:
                    "ACCEPT_MANUAL with no accept list: every consumer endpoint stays PENDING until its project is accepted",
                fix: 'list the consumers, e.g. consumerAcceptLists: [{ project: "consumer-project", connectionLimit: 10 }]',
                severity: "warning",
            },
        ]);
    });

    it("psc-consumers: one of project or network, their forms, positive integer limits, reject list forms", () => {
        const problems = pscProblems(
            internal({
                connectionPreference: "ACCEPT_MANUAL",
                consumerAcceptLists: [
                    { connectionLimit: 1 },
                    { project: "Bad_Project", network: "projects/p/global/networks/n", connectionLimit: 0 },
                    { network: "projects/p/regions/r/subnetworks/s", connectionLimit: 2.5 },
                ],
                consumerRejectLists: ["ok-project", "not a project"],
            }),
        );
        assert.deepStrictEqual(
            problems.map((p) => [p.field, p.message, p.fix]),
            [
                [
                    "publish.consumerAcceptLists[0]",
                    "names no consumer: neither project nor network is set",
                    'set exactly one, e.g. { project: "consumer-project", connectionLimit: 10 }',
                ],
                [
                    "publish.consumerAcceptLists[1]",
                    "sets both project and network: a consumer entry is one or the other",
                    'set exactly one, e.g. { project: "consumer-project", connectionLimit: 10 }',
                ],
                [
                    "publish.consumerAcceptLists[1].project",
                    '"Bad_Project" is not a project ID or number',
                    'use the consumer project\'s ID or number, e.g. "consumer-project" or "123456789012"',
                ],
                [
                    "publish.consumerAcceptLists[1].connectionLimit",
                    "0 is not a positive integer (the number of endpoints the consumer may connect)",
                    "set a whole number of at least 1, e.g. connectionLimit: 10",
                ],
                [
                    "publish.consumerAcceptLists[2].network",
                    '"projects/p/regions/r/subnetworks/s" is not a VPC network URL',
                    'use the network\'s URL, e.g. "projects/consumer-project/global/networks/consumer-vpc"',
                ],
                [
                    "publish.consumerAcceptLists[2].connectionLimit",
                    "2.5 is not a positive integer (the number of endpoints the consumer may connect)",
                    "set a whole number of at least 1, e.g. connectionLimit: 10",
                ],
                [
                    "publish.consumerRejectLists[1]",
                    '"not a project" is not a project ID or number',
                    'use the project\'s ID or number, e.g. "untrusted-project" or "123456789012"',
                ],
            ],
        );
        assert.ok(problems.every((p) => p.rule === "psc-consumers" && p.severity === undefined));
    });

    it("psc-nat-subnet: syntax, size, overlap with the load balancer's subnets and unknown regions", () => {
        assert.deepStrictEqual(
            pscProblems(internal({ natCidr: "10.130.0.5/24", natCidrs: { "us-east1": "10.131.0.0/24" } })).map((p) => [
                p.rule,
                p.field,
                p.message,
                p.fix,
            ]),
            [
                [
                    "psc-nat-subnet",
                    "publish.natCidrs.us-east1",
                    '"us-east1" is not one of the load balancer\'s regions (europe-west1)',
                    "key natCidrs by the load balancer's regions, or remove the entry",
                ],
                [
                    "psc-nat-subnet",
                    "publish.natCidr",
                    '"10.130.0.5/24" is not an IPv4 CIDR range on its boundary',
                    "use the range's network address, 10.130.0.0/24",
                ],
            ],
        );
        assert.deepStrictEqual(
            pscProblems(internal({ natCidr: "10.130.0.0/30" })).map((p) => [p.field, p.message, p.fix]),
            [
                [
                    "publish.natCidr",
                    '"10.130.0.0/30" is a /30: a subnet is at least a /29 (8 addresses)',
                    'use a /29 or larger range (one address per consumer endpoint), e.g. "10.130.0.0/24"',
                ],
            ],
        );
        assert.deepStrictEqual(
            pscProblems(internal({ natCidr: "10.129.0.0/24" })).map((p) => [p.field, p.message, p.fix]),
            [
                [
                    "publish.natCidr",
                    '"10.129.0.0/24" overlaps "10.129.0.0/23", the range of the proxy-only subnet in europe-west1 (network.create.proxyOnlyCidr)',
                    "pick a range outside 10.129.0.0/23, e.g. 10.0.0.0/24",
                ],
            ],
        );
    });

    it("psc-domain-names: at most one, fully qualified", () => {
        assert.deepStrictEqual(
            pscProblems(internal({ domainNames: ["a.example.", "B.example"] })).map((p) => [p.field, p.message, p.fix]),
            [
                [
                    "publish.domainNames",
                    "2 domain names are given: a service attachment takes at most one",
                    "keep one domain name",
                ],
                [
                    "publish.domainNames[1]",
                    '"B.example" is not a lowercase DNS name ending in a dot',
                    'write the name fully qualified, e.g. "api.example.internal."',
                ],
            ],
        );
    });

    it("psc-proxy-protocol: warns when PROXY protocol is on", () => {
        assert.deepStrictEqual(pscProblems(internal({ enableProxyProtocol: true })), [
            {
                rule: "psc-proxy-protocol",
                field: "publish.enableProxyProtocol",
                message:
                    "the PROXY protocol header goes to the load balancer's Envoy proxies, which expect HTTP: whether they accept it is unconfirmed",
                fix: "leave enableProxyProtocol off unless you have verified that requests still pass",
                severity: "warning",
            },
        ]);
    });
});
