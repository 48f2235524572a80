/**
 * Since 0.2.0, `ApplicationLoadBalancer` builds its network, backends and frontend as its own children
 * instead of child components. This plans the same load balancers as before and checks that an existing
 * stack replaces nothing: every resource the 0.1.0 layout registered (its URNs are recorded in
 * tests/fixtures/urns-before-builders.json, planned with the child-component layout) is either registered
 * under the same URN or is the alias of exactly one resource of the same type and name; only the child
 * components themselves are gone (they own no cloud resource).
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ApplicationLoadBalancer } from "../../components/load-balancer";
import { installMocks, Recorder, settle } from "../../components/testing/mocks";
import { movedResourceShapes } from "../support/moved-resources";

const shapeBefore: {
    project: string;
    stack: string;
    urns: string[];
} = require("../fixtures/urns-before-builders.json");

const CHILD_COMPONENTS = [
    "cloudrun-lb:index:LoadBalancerNetwork",
    "cloudrun-lb:index:ServerlessBackend",
    "cloudrun-lb:index:InternetBackend",
    "cloudrun-lb:index:HybridBackend",
    "cloudrun-lb:index:Frontend",
];

/** `<type>::<name>` of a URN (the last type of its chain). */
function typeAndName(urn: string): string {
    const [, , qualifiedType, name] = urn.split("::");
    return `${qualifiedType.split("$").pop()}::${name}`;
}

/** The parent types of a URN (its type chain without its own type). */
function parentChain(urn: string): string {
    return urn.split("::")[2].split("$").slice(0, -1).join("$");
}

describe("moved resources: the child components' resources keep their identity (aliases)", function () {
    this.timeout(120_000);
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks({ pulumiProject: shapeBefore.project, stack: shapeBefore.stack });
        for (const [name, args] of Object.entries(movedResourceShapes)) {
            new ApplicationLoadBalancer(name, args);
        }
        await settle();
    });

    it("registers every old resource under its old URN or as the alias of one resource of the same type and name", () => {
        const current = new Set(recorder.resources.map((r) => r.engineUrn));
        const aliasedBy = new Map<string, string[]>();
        for (const resource of recorder.resources) {
            for (const alias of resource.aliases) {
                aliasedBy.set(alias, [...(aliasedBy.get(alias) ?? []), resource.engineUrn]);
            }
        }
        const missing: string[] = [];
        let moved = 0;
        for (const urn of shapeBefore.urns) {
            if (CHILD_COMPONENTS.some((type) => typeAndName(urn).startsWith(`${type}::`))) {
                assert.ok(!current.has(urn), `${urn} is still registered`);
                continue;
            }
            if (current.has(urn)) {
                continue;
            }
            const by = aliasedBy.get(urn) ?? [];
            if (by.length !== 1) {
                missing.push(`${urn} (aliased by ${by.length})`);
                continue;
            }
            assert.strictEqual(typeAndName(by[0]), typeAndName(urn), `${urn} is aliased by ${by[0]}`);
            moved++;
        }
        assert.deepStrictEqual(missing, [], "old resources neither registered nor aliased");
        // The fixture's load balancers put most of their resources in the child components.
        assert.ok(moved > 60, `only ${moved} resources moved`);
    });

    it("registers nothing new and aliases only old URNs", () => {
        const old = new Set(shapeBefore.urns);
        const unknown = recorder.resources
            .filter((r) => !old.has(r.engineUrn) && !r.aliases.some((alias) => old.has(alias)))
            .map((r) => r.engineUrn);
        assert.deepStrictEqual(unknown, []);
        // pulumi-gcp's own aliases (a renamed type token under the same parent) are not ours to check.
        const strayAliases = recorder.resources.flatMap((r) =>
            r.aliases.filter((alias) => !old.has(alias) && parentChain(alias) !== parentChain(r.engineUrn)),
        );
        assert.deepStrictEqual(strayAliases, []);
    });

    it("moves a serverless NEG from its ServerlessBackend to the load balancer (one example, spelled out)", () => {
        const neg = recorder.get(
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "internal-web-neg",
        );
        assert.strictEqual(
            neg.engineUrn,
            "urn:pulumi:prod::shop::cloudrun-lb:index:ApplicationLoadBalancer$gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup::internal-web-neg",
        );
        assert.deepStrictEqual(neg.aliases, [
            "urn:pulumi:prod::shop::cloudrun-lb:index:ApplicationLoadBalancer$cloudrun-lb:index:ServerlessBackend$gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup::internal-web-neg",
        ]);
    });

    it("carries no alias of its own with aliasesFromV010: false (a stack created with 0.2.0)", async () => {
        new ApplicationLoadBalancer("fresh", { ...movedResourceShapes.classic, aliasesFromV010: false });
        await settle();
        const fresh = recorder.resources.filter((r) => r.engineUrn.includes("::fresh-"));
        assert.ok(fresh.length > 5, `only ${fresh.length} resources`);
        // Only pulumi-gcp's own aliases (a renamed type token under the same parent) are left.
        const ours = fresh.flatMap((r) => r.aliases.filter((alias) => parentChain(alias) !== parentChain(r.engineUrn)));
        assert.deepStrictEqual(ours, []);
        const neg = recorder.get("gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup", "fresh-web-neg");
        assert.deepStrictEqual(neg.aliases, []);
    });

    it("aliases through the load balancer's URN when it is nested in a component of yours", async () => {
        const platform = new pulumi.ComponentResource("acme:index:Platform", "platform");
        new ApplicationLoadBalancer("nested", movedResourceShapes.classic, { parent: platform });
        await settle();
        const neg = recorder.get("gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup", "nested-web-neg");
        const chain = "acme:index:Platform$cloudrun-lb:index:ApplicationLoadBalancer";
        const type = "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup";
        assert.strictEqual(neg.engineUrn, `urn:pulumi:prod::shop::${chain}$${type}::nested-web-neg`);
        assert.deepStrictEqual(neg.aliases, [
            `urn:pulumi:prod::shop::${chain}$cloudrun-lb:index:ServerlessBackend$${type}::nested-web-neg`,
        ]);
    });
});
