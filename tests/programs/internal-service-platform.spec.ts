import * as assert from "assert";
import { plan, PlanResult } from "../../components/cli/plan";
import { loadBalancingSchemes, ofType, one } from "../support/program-helpers";

const REGION_BACKEND = "gcp:compute/regionBackendService:RegionBackendService";

describe("programs/internal-service-platform (seed 000 on the internal load balancer)", () => {
    let result: PlanResult;
    let urlMap: any;

    before(async () => {
        result = await plan({
            program: "programs/internal-service-platform",
            // A second deployment: orders-v2 is deployed under the canary tag, orders-v1 keeps everyone else.
            config: { accessPolicy: "123456789", ordersStableRevision: "orders-v1", ordersRevision: "v2" },
        });
        urlMap = one(result, "gcp:compute/regionUrlMap:RegionUrlMap").inputs;
    });

    it("plans without errors or warnings", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
    });

    it("is one regional internal load balancer in the host project: INTERNAL_MANAGED everywhere", () => {
        const schemes = loadBalancingSchemes(result);
        assert.strictEqual(schemes.length, 7, "six backend services and one forwarding rule");
        assert.ok(schemes.every((s) => s === "INTERNAL_MANAGED"));
        assert.strictEqual(urlMap.project, "network-host");
        const rule = one(result, "gcp:compute/forwardingRule:ForwardingRule").inputs;
        assert.deepStrictEqual(
            [rule.project, rule.portRange, rule.loadBalancingScheme],
            ["network-host", "443", "INTERNAL_MANAGED"],
        );
        assert.match(String(rule.network), /projects\/network-host\/global\/networks\/shared-vpc$/);
        assert.strictEqual(ofType(result, "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy").length, 1);
        assert.strictEqual(ofType(result, "gcp:compute/regionTargetHttpProxy:RegionTargetHttpProxy").length, 0);
    });

    it("creates the Shared VPC in the host project with both teams' projects attached", () => {
        assert.strictEqual(
            one(result, "gcp:compute/sharedVPCHostProject:SharedVPCHostProject").inputs.project,
            "network-host",
        );
        assert.deepStrictEqual(
            ofType(result, "gcp:compute/sharedVPCServiceProject:SharedVPCServiceProject")
                .map((r) => [r.inputs.hostProject, r.inputs.serviceProject])
                .sort(),
            [
                ["network-host", "team-orders"],
                ["network-host", "team-payments"],
            ],
        );
        const proxyOnly = ofType(result, "gcp:compute/subnetwork:Subnetwork").find((s) => s.name === "proxy-only");
        assert.deepStrictEqual(
            [proxyOnly?.inputs.purpose, proxyOnly?.inputs.role],
            ["REGIONAL_MANAGED_PROXY", "ACTIVE"],
        );
    });

    it("puts each Cloud Run backend service in its team's project (cross-project service referencing)", () => {
        const projectOf = Object.fromEntries(
            ofType(result, REGION_BACKEND).map((b) => [
                String(b.inputs.name).replace(/-[0-9a-f]{8}$/, ""),
                b.inputs.project,
            ]),
        );
        assert.deepStrictEqual(projectOf, {
            "platform-admin-backend": "team-orders",
            "platform-orders-backend": "team-orders",
            "platform-orders-canary-backend": "team-orders",
            "platform-payments-backend": "team-payments",
            "platform-payments-legacy-backend": "network-host",
            "platform-payments-shadow-backend": "network-host",
        });
        const referenced = JSON.stringify(urlMap);
        assert.ok(
            referenced.includes("projects/team-orders/regions/europe-west1/backendServices/platform-orders-backend-"),
        );
        assert.ok(
            referenced.includes(
                "projects/team-payments/regions/europe-west1/backendServices/platform-payments-backend-",
            ),
        );
    });

    it("grants the network team's deployer roles/compute.loadBalancerServiceUser on every team backend service", () => {
        const grants = ofType(result, "gcp:compute/regionBackendServiceIamMember:RegionBackendServiceIamMember");
        assert.deepStrictEqual(
            grants.map((g) => [g.inputs.project, g.inputs.role, g.inputs.member]).sort(),
            [...Array(3).fill("team-orders"), "team-payments"].map((project) => [
                project,
                "roles/compute.loadBalancerServiceUser",
                "serviceAccount:network-ci@network-host.iam.gserviceaccount.com",
            ]),
        );
    });

    it("routes by host and path, by header to the tagged revision, with fault injection and a weighted migration", () => {
        assert.deepStrictEqual(urlMap.hostRules, [
            { hosts: ["admin.internal.example.com"], pathMatcher: "m0" },
            { hosts: ["api.internal.example.com"], pathMatcher: "m1" },
        ]);
        const api = urlMap.pathMatchers.find((m: any) => m.name === "m1");
        const [canary, drill, orders, , payments] = api.routeRules;
        assert.deepStrictEqual(canary.matchRules[1], {
            headerMatches: [{ exactMatch: "true", headerName: "x-canary" }],
            prefixMatch: "/orders/",
        });
        assert.match(canary.service, /platform-orders-canary-backend-/);
        assert.deepStrictEqual(drill.routeAction.faultInjectionPolicy, {
            abort: { httpStatus: 503, percentage: 50 },
            delay: { fixedDelay: { seconds: "2" }, percentage: 50 },
        });
        assert.match(orders.service, /platform-orders-backend-/);
        assert.deepStrictEqual(
            payments.routeAction.weightedBackendServices.map((w: any) => [
                w.backendService.split("/backendServices/")[0],
                w.weight,
            ]),
            [
                ["projects/network-host/regions/europe-west1", 90],
                ["projects/team-payments/regions/europe-west1", 10],
            ],
        );
        const tagged = ofType(result, "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup").find((n) =>
            String(n.inputs.name).startsWith("platform-orders-canary-neg"),
        );
        assert.deepStrictEqual(tagged?.inputs.cloudRun, { service: "orders", tag: "canary" });
    });

    it("sends the header route to the canary tag on the new revision, everyone else to the stable one", () => {
        const orders = ofType(result, "gcp:cloudrunv2/service:Service").find((s) => s.name === "orders")!;
        assert.strictEqual((orders.inputs.template as any).revision, "orders-v2");
        assert.deepStrictEqual(orders.inputs.traffics, [
            { percent: 100, revision: "orders-v1", type: "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION" },
            { percent: 0, tag: "canary", type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST" },
        ]);
        const negs = ofType(result, "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup");
        assert.deepStrictEqual(
            negs.filter((n) => n.name.startsWith("platform-orders")).map((n) => [n.name, n.inputs.cloudRun]),
            [
                ["platform-orders-neg", { service: "orders" }],
                ["platform-ordersCanary-neg", { service: "orders", tag: "canary" }],
            ],
        );
        const api = urlMap.pathMatchers.find((m: any) => m.name === "m1");
        const canaryNeg = negs.find((n) => n.name === "platform-ordersCanary-neg")!;
        const canaryBackend = ofType(result, REGION_BACKEND).find((b) => b.name === "platform-ordersCanary-backend")!;
        assert.deepStrictEqual(canaryBackend.inputs.backends, [
            { group: `projects/team-orders/regions/europe-west1/networkEndpointGroups/${canaryNeg.inputs.name}` },
        ]);
        assert.strictEqual(
            api.routeRules[0].service,
            `projects/team-orders/regions/europe-west1/backendServices/${canaryBackend.inputs.name}`,
        );
    });

    it("mirrors the on-premises settlements route to the on-premises staging copy (hybrid to hybrid)", () => {
        const api = urlMap.pathMatchers.find((m: any) => m.name === "m1");
        const settlements = api.routeRules[3];
        const backendName = (key: string) =>
            ofType(result, REGION_BACKEND).find((b) => b.name === `platform-${key}-backend`)!.inputs.name;
        const link = (key: string) => `projects/network-host/regions/europe-west1/backendServices/${backendName(key)}`;
        assert.deepStrictEqual(settlements, {
            matchRules: [{ fullPathMatch: "/payments/settlements" }, { prefixMatch: "/payments/settlements/" }],
            priority: 3,
            routeAction: { requestMirrorPolicy: { backendService: link("paymentsShadow") } },
            service: link("paymentsLegacy"),
        });
        // GCP mirrors only between backend services with backends of one type, never to serverless NEGs.
        const hybrids = ofType(result, "gcp:compute/networkEndpointGroup:NetworkEndpointGroup");
        assert.deepStrictEqual(
            hybrids.map((n) => [n.name, n.inputs.networkEndpointType, n.inputs.zone]),
            [
                ["platform-paymentsLegacy-neg", "NON_GCP_PRIVATE_IP_PORT", "europe-west1-b"],
                ["platform-paymentsShadow-neg", "NON_GCP_PRIVATE_IP_PORT", "europe-west1-b"],
            ],
        );
        assert.deepStrictEqual(
            ofType(result, "gcp:compute/networkEndpoint:NetworkEndpoint")
                .filter((e) => e.name.startsWith("platform-paymentsShadow"))
                .map((e) => [e.inputs.ipAddress, e.inputs.port]),
            [["192.168.20.21", 443]],
        );
    });

    it("transforms headers: on every request and response, and on the canary route", () => {
        assert.deepStrictEqual(urlMap.headerAction, {
            requestHeadersToAdds: [
                { headerName: "x-platform", headerValue: "internal-service-platform", replace: true },
            ],
            responseHeadersToRemoves: ["server", "x-powered-by"],
        });
        const api = urlMap.pathMatchers.find((m: any) => m.name === "m1");
        assert.deepStrictEqual(api.routeRules[0].headerAction, {
            requestHeadersToAdds: [{ headerName: "x-route", headerValue: "canary", replace: true }],
            responseHeadersToAdds: [{ headerName: "x-served-by", headerValue: "canary", replace: true }],
        });
        assert.deepStrictEqual(
            api.routeRules.slice(1).map((r: any) => r.headerAction),
            [undefined, undefined, undefined, undefined],
        );
    });

    it("has a route test for every route, and every one passes", () => {
        assert.deepStrictEqual(
            result.routes.map((r) => r.backends),
            [
                "ordersCanary",
                "orders",
                "orders",
                "paymentsLegacy",
                "paymentsLegacy 90/100, payments 10/100",
                "admin",
                "orders",
            ],
        );
        // A failing route test would be a plan error; these ran (internal URL maps have no GCP-side tests).
        assert.deepStrictEqual(result.outputs.routeTests, [
            "api.internal.example.com/orders/42 → orders: orders API",
            "api.internal.example.com/orders/42 → ordersCanary: opt-in header reaches the canary tag",
            "api.internal.example.com/orders/42 → orders: fault drill: orders, with faults injected",
            "api.internal.example.com/payments/settlements/2024-06 → paymentsLegacy: settlements stay on-premises (mirrored to its staging copy)",
            "api.internal.example.com/payments/charge → paymentsLegacy: payments migration: paymentsLegacy gets 90%",
            "api.internal.example.com/payments/charge → payments: payments migration: payments gets 10%",
            "admin.internal.example.com/ → admin: admin app behind IAP",
            "other.internal.example.com/ → orders: unknown hosts get the default",
        ]);
    });

    it("puts IAP on the admin backend only, with IAP's service agent (created first) its only invoker", () => {
        const withIap = ofType(result, REGION_BACKEND).filter((b) => b.inputs.iap !== undefined);
        assert.deepStrictEqual(
            withIap.map((b) => [String(b.inputs.name).replace(/-[0-9a-f]{8}$/, ""), b.inputs.iap]),
            [["platform-admin-backend", { enabled: true }]],
        );
        assert.deepStrictEqual(
            ofType(result, "gcp:cloudrunv2/serviceIamMember:ServiceIamMember").map((i) => [
                i.inputs.project,
                i.inputs.name,
                i.inputs.role,
                i.inputs.member,
            ]),
            [
                [
                    "team-orders",
                    "admin",
                    "roles/run.invoker",
                    "serviceAccount:service-924445859379@gcp-sa-iap.iam.gserviceaccount.com",
                ],
            ],
        );
        const agent = one(result, "gcp:projects/serviceIdentity:ServiceIdentity").inputs;
        assert.deepStrictEqual([agent.project, agent.service], ["team-orders", "iap.googleapis.com"]);
        assert.ok(!JSON.stringify(result.resources).includes("allUsers"));
        const admin = ofType(result, "gcp:cloudrunv2/service:Service").find((s) => s.name === "admin")!;
        assert.strictEqual(admin.inputs.invokerIamDisabled, false);
    });

    it("keeps every Cloud Run service on ingress internal", () => {
        const services = ofType(result, "gcp:cloudrunv2/service:Service");
        assert.deepStrictEqual(services.map((s) => [s.name, s.inputs.project, s.inputs.ingress]).sort(), [
            ["admin", "team-orders", "INGRESS_TRAFFIC_INTERNAL_ONLY"],
            ["orders", "team-orders", "INGRESS_TRAFFIC_INTERNAL_ONLY"],
            ["payments", "team-payments", "INGRESS_TRAFFIC_INTERNAL_ONLY"],
        ]);
    });

    it("resolves the custom domain privately: a private zone on the Shared VPC and an A record per host", () => {
        const zone = one(result, "gcp:dns/managedZone:ManagedZone").inputs;
        assert.deepStrictEqual(
            [zone.project, zone.dnsName, zone.visibility],
            ["network-host", "internal.example.com.", "private"],
        );
        assert.match((zone.privateVisibilityConfig as any).networks[0].networkUrl, /networks\/shared-vpc$/);
        const vip = result.outputs.vip;
        assert.strictEqual(vip, "10.10.0.10", "an address GCP allocates in the subnet apps (10.10.0.0/24)");
        assert.deepStrictEqual(
            ofType(result, "gcp:dns/recordSet:RecordSet").map((r) => [r.inputs.name, r.inputs.type, r.inputs.rrdatas]),
            [
                ["admin.internal.example.com.", "A", [vip]],
                ["api.internal.example.com.", "A", [vip]],
            ],
        );
    });

    it("with accessPolicy, puts the three projects in one perimeter restricting Cloud Run and Compute Engine", () => {
        const perimeter = one(result, "gcp:accesscontextmanager/servicePerimeter:ServicePerimeter").inputs as any;
        assert.strictEqual(perimeter.parent, "accessPolicies/123456789");
        assert.strictEqual(perimeter.name, "accessPolicies/123456789/servicePerimeters/internal_service_platform");
        assert.deepStrictEqual(perimeter.status.restrictedServices, ["run.googleapis.com", "compute.googleapis.com"]);
        // The host, orders and payments projects, each by its own number (the mocks give every project one).
        assert.deepStrictEqual(perimeter.status.resources, [
            "projects/998989655663",
            "projects/924445859379",
            "projects/970286998772",
        ]);
    });

    it("creates no perimeter without accessPolicy, and rejects a migration share outside 0–100", async () => {
        const plain = await plan({ program: "programs/internal-service-platform" });
        assert.deepStrictEqual(plain.errors, []);
        assert.strictEqual(ofType(plain, "gcp:accesscontextmanager/servicePerimeter:ServicePerimeter").length, 0);
        // A first deployment: one revision, orders-v1, serves everyone and answers under the tag too.
        const orders = ofType(plain, "gcp:cloudrunv2/service:Service").find((s) => s.name === "orders")!;
        assert.strictEqual((orders.inputs.template as any).revision, "orders-v1");
        assert.deepStrictEqual(orders.inputs.traffics, [
            { percent: 100, type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST" },
            { percent: 0, tag: "canary", type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST" },
        ]);
        const same = await plan({
            program: "programs/internal-service-platform",
            config: { ordersStableRevision: "orders-v1" },
        });
        assert.deepStrictEqual(
            same.errors.map((e) => e.message),
            [
                "config ordersStableRevision is orders-v1, the revision this update deploys: the canary tag would reach the revision that serves everyone. Deploy a new revision with `pulumi config set ordersRevision <next>`, or remove ordersStableRevision for a first deployment",
            ],
        );
        const bad = await plan({
            program: "programs/internal-service-platform",
            config: { paymentsCloudRunPercent: "150" },
        });
        assert.deepStrictEqual(
            bad.errors.map((e) => e.message),
            [
                "config paymentsCloudRunPercent must be a whole number from 0 to 100, got 150: set it with `pulumi config set paymentsCloudRunPercent 10`",
            ],
        );
    });
});
