/**
 * Builders create one piece of a load balancer (a backend, the network, the frontend) as children of a
 * given parent. `ApplicationLoadBalancer` calls them with itself as the parent, so it registers its cloud
 * resources and nothing else; the standalone components (`ServerlessBackend`, `Frontend`, …) call them with
 * themselves as the parent.
 */
import * as pulumi from "@pulumi/pulumi";

/** Where a builder creates its resources. */
export interface BuildScope {
    /** The parent of every resource the builder creates. */
    parent: pulumi.Resource;
    /**
     * Aliases every resource the builder creates carries: where it was registered before, so an existing
     * stack moves it in its state instead of replacing it.
     */
    aliases?: pulumi.Input<pulumi.Alias>[];
}

/**
 * The URN of a resource registered with no `parent` option (the stack's child), known while the program
 * runs — unlike `resource.urn`, an output that every use would resolve once per resource.
 */
export function topLevelUrn(type: string, name: string): string {
    return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${type}::${name}`;
}

/**
 * A scope under `parent` for resources that up to 0.1.0 were children of the child component
 * `formerType`/`formerName` of `parent`: each keeps its type and name, and gets an alias to the URN it had
 * there. The alias's parent is the URN that component had (it is no longer registered), from `parentUrn`:
 * a plain string when the parent's URN is known while the program runs (see {@link topLevelUrn}), which
 * keeps the per-resource cost of the alias low, else computed from the output.
 */
export function movedFromChildComponent(
    parent: pulumi.Resource,
    parentUrn: pulumi.Input<string>,
    formerType: string,
    formerName: string,
): BuildScope {
    const formerUrn =
        typeof parentUrn === "string"
            ? `${parentUrn.substring(0, parentUrn.lastIndexOf("::"))}$${formerType}::${formerName}`
            : pulumi.createUrn(formerName, formerType, parentUrn);
    return { parent, aliases: [{ parent: formerUrn }] };
}

/** The options of a resource a builder creates: its parent and aliases, plus `opts`. */
export function childOptions<T extends pulumi.CustomResourceOptions>(scope: BuildScope, opts?: T): T {
    return {
        ...opts,
        parent: scope.parent,
        ...(scope.aliases !== undefined ? { aliases: scope.aliases } : {}),
    } as T;
}
