import * as assert from "assert";
import { plan, PlanResult } from "../../components/cli/plan";
import { one, ofType } from "../support/program-helpers";

const DOMAIN = "app.example.com";

describe("programs/spa-and-api (a single-page app in a bucket, /api/* on Cloud Run, one HTTPS load balancer)", () => {
    let result: PlanResult;

    before(async () => {
        result = await plan({ program: "programs/spa-and-api", request: `GET https://${DOMAIN}/index.html` });
    });

    it("plans without errors or warnings", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
    });

    it("creates the site's bucket with the website pages and public read, and uploads the sample pages", () => {
        const bucket = one(result, "gcp:storage/bucket:Bucket").inputs;
        assert.strictEqual(bucket.location, "EU");
        assert.strictEqual(bucket.uniformBucketLevelAccess, true);
        assert.strictEqual(bucket.forceDestroy, false);
        assert.deepStrictEqual(bucket.website, { mainPageSuffix: "index.html", notFoundPage: "404.html" });
        assert.deepStrictEqual(one(result, "gcp:storage/bucketIAMMember:BucketIAMMember").inputs, {
            bucket: bucket.name,
            role: "roles/storage.objectViewer",
            member: "allUsers",
        });
        assert.deepStrictEqual(
            ofType(result, "gcp:storage/bucketObject:BucketObject")
                .map((o) => [o.inputs.name, o.inputs.bucket])
                .sort(),
            [
                ["404.html", bucket.name],
                ["errors/500.html", bucket.name],
                ["errors/api-unavailable.json", bucket.name],
                ["index.html", bucket.name],
            ],
        );
    });

    it("serves the bucket through a global backend bucket with Cloud CDN", () => {
        const backendBucket = one(result, "gcp:compute/backendBucket:BackendBucket").inputs;
        assert.strictEqual(backendBucket.bucketName, one(result, "gcp:storage/bucket:Bucket").inputs.name);
        assert.strictEqual(backendBucket.enableCdn, true);
        assert.deepStrictEqual(backendBucket.cdnPolicy, {
            cacheMode: "CACHE_ALL_STATIC",
            defaultTtl: 3600,
            clientTtl: 600,
            negativeCaching: true,
            negativeCachingPolicies: [{ code: 404, ttl: 60 }],
        });
        assert.strictEqual(backendBucket.loadBalancingScheme, undefined, "global external: no INTERNAL_MANAGED");
    });

    it("puts a Cloud Armor edge policy denying the blocked regions in front of the bucket (and its cache)", () => {
        const policy = one(result, "gcp:compute/securityPolicy:SecurityPolicy");
        assert.strictEqual(policy.name, "spa-site-edge-security-policy");
        assert.deepStrictEqual(policy.inputs, {
            name: "spa-site-edge-armor",
            type: "CLOUD_ARMOR_EDGE",
            description: "Edge policy created by cloudrun-lb",
            rules: [
                {
                    priority: 1100,
                    action: "deny(403)",
                    description: "Deny listed regions",
                    match: { expr: { expression: "origin.region_code == 'KP'" } },
                },
                {
                    priority: 2147483647,
                    action: "allow",
                    description: "Default rule",
                    match: { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: ["*"] } },
                },
            ],
        });
        assert.strictEqual(
            one(result, "gcp:compute/backendBucket:BackendBucket").inputs.edgeSecurityPolicy,
            "projects/mock-project/global/securityPolicies/spa-site-edge-armor",
        );
        assert.strictEqual(
            one(result, "gcp:compute/backendService:BackendService").inputs.edgeSecurityPolicy,
            undefined,
            "the API has no edge policy",
        );
    });

    it("takes the blocked regions from config, and drops the edge policy when there are none", async () => {
        const two = await plan({ program: "programs/spa-and-api", config: { blockedRegions: "KP, IR" } });
        assert.deepStrictEqual(two.errors, []);
        assert.deepStrictEqual((one(two, "gcp:compute/securityPolicy:SecurityPolicy").inputs.rules as any[])[0].match, {
            expr: { expression: "origin.region_code == 'KP' || origin.region_code == 'IR'" },
        });
        const none = await plan({ program: "programs/spa-and-api", config: { blockedRegions: "" } });
        assert.deepStrictEqual(none.errors, []);
        assert.deepStrictEqual(ofType(none, "gcp:compute/securityPolicy:SecurityPolicy"), []);
        assert.strictEqual(one(none, "gcp:compute/backendBucket:BackendBucket").inputs.edgeSecurityPolicy, undefined);
    });

    it("keeps the API closed to the internet and behind an EXTERNAL_MANAGED backend service", () => {
        const api = one(result, "gcp:cloudrunv2/service:Service").inputs;
        assert.strictEqual(api.ingress, "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER");
        assert.strictEqual(api.deletionProtection, false);
        assert.strictEqual(
            one(result, "gcp:compute/backendService:BackendService").inputs.loadBalancingScheme,
            "EXTERNAL_MANAGED",
        );
    });

    it("routes /api and /api/* to the API and everything else to the bucket", () => {
        const map = ofType(result, "gcp:compute/uRLMap:URLMap").find((m) => m.name === "spa-url-map")!.inputs;
        assert.strictEqual(map.defaultService, "projects/mock-project/global/backendBuckets/spa-site-bucket");
        const rules = (map.pathMatchers as { pathRules?: { paths: string[]; service: string }[] }[]).flatMap(
            (m) => m.pathRules ?? [],
        );
        assert.deepStrictEqual(
            rules.map((r) => [r.paths, r.service]),
            [[["/api", "/api/*"], "projects/mock-project/global/backendServices/spa-api-backend-26bea6f5"]],
        );
    });

    it("serves the app's error pages from the bucket: for the whole map, and JSON for the API's 5xx", () => {
        const map = ofType(result, "gcp:compute/uRLMap:URLMap").find((m) => m.name === "spa-url-map")!.inputs;
        const bucket = "projects/mock-project/global/backendBuckets/spa-site-bucket";
        assert.deepStrictEqual(map.defaultCustomErrorResponsePolicy, {
            errorService: bucket,
            errorResponseRules: [
                { matchResponseCodes: ["404"], path: "/404.html", overrideResponseCode: 404 },
                { matchResponseCodes: ["5xx"], path: "/errors/500.html", overrideResponseCode: 503 },
            ],
        });
        const apiRule = (map.pathMatchers as { pathRules: Record<string, unknown>[] }[])[0].pathRules[0];
        assert.deepStrictEqual(apiRule.customErrorResponsePolicy, {
            errorService: bucket,
            errorResponseRules: [{ matchResponseCodes: ["5xx"], path: "/errors/api-unavailable.json" }],
        });
    });

    it("runs the route tests offline and emits them to the URL map, the bucket as the expected service", () => {
        const map = ofType(result, "gcp:compute/uRLMap:URLMap").find((m) => m.name === "spa-url-map")!.inputs;
        const tests = map.tests as { path: string; service: string }[];
        assert.deepStrictEqual(
            tests.map((t) => [t.path, t.service.split("/").slice(-2).join("/")]),
            [
                ["/", "backendBuckets/spa-site-bucket"],
                ["/index.html", "backendBuckets/spa-site-bucket"],
                ["/assets/app.js", "backendBuckets/spa-site-bucket"],
                ["/api", "backendServices/spa-api-backend-26bea6f5"],
                ["/api/items?limit=5", "backendServices/spa-api-backend-26bea6f5"],
                ["/apidocs", "backendBuckets/spa-site-bucket"],
            ],
        );
    });

    it("shows the error pages and the bucket in the routes table", () => {
        assert.deepStrictEqual(
            result.routes.map((r) => [r.route, r.backends, r.errorPages]),
            [
                ["0", "api", "5xx → site:/errors/api-unavailable.json"],
                [
                    "default",
                    `site (bucket ${one(result, "gcp:storage/bucket:Bucket").inputs.name})`,
                    "every route: 404 → site:/404.html (404); 5xx → site:/errors/500.html (503)",
                ],
            ],
        );
    });

    it("redirects HTTP to HTTPS", () => {
        const redirect = ofType(result, "gcp:compute/uRLMap:URLMap").find(
            (m) => m.name === "spa-frontend-redirect-url-map",
        )!;
        assert.deepStrictEqual(redirect.inputs.defaultUrlRedirect, {
            httpsRedirect: true,
            redirectResponseCode: "MOVED_PERMANENTLY_DEFAULT",
            stripQuery: false,
        });
    });

    it("provisions a Certificate Manager certificate through a DNS authorization, served by a certificate map", () => {
        const authorization = one(result, "gcp:certificatemanager/dnsAuthorization:DnsAuthorization").inputs;
        assert.deepStrictEqual(authorization, {
            domain: DOMAIN,
            location: "global",
            name: "spa-dns-auth-app-example-com-f5b2f2fd",
            type: "PER_PROJECT_RECORD",
        });
        const certificate = one(result, "gcp:certificatemanager/certificate:Certificate").inputs;
        assert.deepStrictEqual(certificate, {
            location: "global",
            managed: {
                dnsAuthorizations: [
                    "projects/mock-project/locations/global/dnsAuthorizations/spa-dns-auth-app-example-com-f5b2f2fd",
                ],
                domains: [DOMAIN],
            },
            name: "spa-cert-app-example-com-5c16e676",
            scope: "DEFAULT",
        });
        const certificateId = "projects/mock-project/locations/global/certificates/spa-cert-app-example-com-5c16e676";
        assert.deepStrictEqual(
            ofType(result, "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry")
                .map((e) => [e.inputs.hostname ?? e.inputs.matcher, e.inputs.map, e.inputs.certificates])
                .sort(),
            [
                ["PRIMARY", "spa-cert-map", [certificateId]],
                [DOMAIN, "spa-cert-map", [certificateId]],
            ],
        );
        const proxy = one(result, "gcp:compute/targetHttpsProxy:TargetHttpsProxy").inputs;
        assert.strictEqual(
            proxy.certificateMap,
            "//certificatemanager.googleapis.com/projects/mock-project/locations/global/certificateMaps/spa-cert-map",
        );
        assert.strictEqual(proxy.sslCertificates, undefined, "no Compute certificate next to the map");
        assert.deepStrictEqual(result.outputs.certificateIds, [certificateId]);
    });

    it("creates the A record for the address and the authorization CNAME in the zone from config", () => {
        const records = ofType(result, "gcp:dns/recordSet:RecordSet").map((r) => r.inputs);
        const cname = records.find((r) => r.type === "CNAME")!;
        assert.deepStrictEqual(records.map((r) => [r.managedZone, r.type, r.name, r.ttl]).sort(), [
            ["example-com", "A", `${DOMAIN}.`, 300],
            ["example-com", "CNAME", cname.name, 300],
        ]);
        assert.deepStrictEqual(records.find((r) => r.type === "A")!.rrdatas, [result.outputs.ipAddress]);
        assert.match(cname.name as string, /^_acme-challenge_[0-9a-f]{16}\.app\.example\.com\.$/);
        assert.match((cname.rrdatas as string[])[0], /\.authorize\.certificatemanager\.goog\.$/);
        assert.deepStrictEqual(result.outputs.dnsRecords, [
            `${DOMAIN}. A ${result.outputs.ipAddress}`,
            `${cname.name} CNAME ${(cname.rrdatas as string[])[0]}`,
        ]);
    });

    it("creates no DNS records when dnsZone is empty, and still outputs the records to publish", async () => {
        const own = await plan({ program: "programs/spa-and-api", config: { dnsZone: "" } });
        assert.deepStrictEqual(own.errors, []);
        assert.deepStrictEqual(ofType(own, "gcp:dns/recordSet:RecordSet"), []);
        assert.deepStrictEqual(
            ofType(own, "gcp:projects/service:Service").map((s) => s.inputs.service),
            [
                "certificatemanager.googleapis.com",
                "compute.googleapis.com",
                "run.googleapis.com",
                "storage.googleapis.com",
            ],
        );
        assert.strictEqual((own.outputs.dnsRecords as string[]).length, 2);
    });

    it("names the bucket for GET https://<domain>/index.html", () => {
        assert.strictEqual(result.request?.length, 1);
        const routed = result.request![0];
        assert.strictEqual(routed.kind, "backend");
        assert.deepStrictEqual(
            routed.backends.map((b) => [b.backend, b.service, b.share, b.bucket]),
            [
                [
                    "site",
                    "projects/mock-project/global/backendBuckets/spa-site-bucket",
                    1,
                    one(result, "gcp:storage/bucket:Bucket").inputs.name,
                ],
            ],
        );
    });

    it("shows the error page an API failure gets (--status)", async () => {
        const failing = await plan({
            program: "programs/spa-and-api",
            request: `GET https://${DOMAIN}/api/items`,
            status: 502,
        });
        assert.deepStrictEqual(failing.request![0].errorPage, {
            status: 502,
            backend: "site",
            path: "/errors/api-unavailable.json",
            responseStatus: 502,
            level: "route",
        });
    });
});
