import * as assert from "assert";
import * as fs from "fs";
import { generatedFile, generateShapeSource } from "../../tools/shape-schema";
import { componentArgs, shapes } from "../../components/shape.generated";

describe("shape schema: generated from the Args interfaces", () => {
    it("is what `npm run shape` generates from the current interfaces", () => {
        const committed = fs.readFileSync(generatedFile, "utf8");
        assert.ok(
            committed === generateShapeSource(),
            "components/shape.generated.ts is out of date with the Args interfaces: run `npm run shape` and commit it",
        );
    });

    it("has every public component's Args as a root, and every object it names", () => {
        assert.deepStrictEqual(componentArgs, {
            ApplicationLoadBalancer: "ApplicationLoadBalancerArgs",
            Frontend: "FrontendArgs",
            HybridBackend: "HybridBackendArgs",
            InternetBackend: "InternetBackendArgs",
            LoadBalancerNetwork: "LoadBalancerNetworkArgs",
            ServerlessBackend: "ServerlessBackendArgs",
        });
        const named = new Set<string>();
        const visit = (shape: { type: string; name?: string; items?: unknown; values?: unknown }): void => {
            if (shape.type === "object") named.add(shape.name!);
            if (shape.type === "array") visit(shape.items as typeof shape);
            if (shape.type === "record" && typeof shape.values === "object") visit(shape.values as typeof shape);
        };
        Object.values(shapes).forEach((o) => Object.values(o.fields).forEach(visit));
        assert.deepStrictEqual(
            [...named].filter((n) => !shapes[n]),
            [],
        );
    });

    it("describes Inputs, records, closed sets and required fields as the types say", () => {
        const lb = shapes.ApplicationLoadBalancerArgs.fields;
        assert.deepStrictEqual(lb.scheme, {
            type: "enum",
            values: ["regional-internal", "cross-region-internal", "regional-external", "global-external", "classic"],
            required: true,
            example: '"regional-internal"',
        });
        assert.deepStrictEqual(lb.backends.type === "record" && lb.backends.values, {
            type: "object",
            name: "BackendArgs",
        });
        assert.deepStrictEqual(lb.ipv6, { type: "boolean", example: "true" });
        assert.deepStrictEqual(shapes.BackendArgs.fields.loadBalancerServiceUsers, {
            type: "array",
            items: { type: "string", input: true },
            example: '["serviceAccount:deployer@lb-project.iam.gserviceaccount.com"]',
        });
        assert.deepStrictEqual(shapes.FrontendArgs.fields.subnetworks.input, true);
        assert.deepStrictEqual(shapes.SelfManagedCertificateArgs.fields.privateKey, {
            type: "string",
            input: true,
            required: true,
            example: 'config.requireSecret("tlsKey")',
        });
    });
});
