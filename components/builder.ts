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
    /** Transformations every resource the builder creates runs (they add aliases that need its type and name). */
    transformations?: pulumi.ResourceTransformation[];
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
 * there.
 *
 * When `parentUrn` is a plain string (the parent's URN is known while the program runs, see
 * {@link topLevelUrn}), each alias is that old URN as a plain string, made by a transformation: Pulumi's
 * Resource constructor hands it the child's type and name, which the URN needs. An alias given as
 * `{ parent }` instead costs every resource an Output chain in the SDK (`collapseAliasToUrn`, `createUrn`,
 * `interpolate`): about 290 promises a resource against about 100 for the string (counted under mocks, see
 * README "Performance"). A parent URN known only as an output (a load balancer inside a component of yours)
 * keeps the `{ parent }` form.
 */
export function movedFromChildComponent(
    parent: pulumi.Resource,
    parentUrn: pulumi.Input<string>,
    formerType: string,
    formerName: string,
): BuildScope {
    if (typeof parentUrn !== "string") {
        return { parent, aliases: [{ parent: pulumi.createUrn(formerName, formerType, parentUrn) }] };
    }
    const formerChain = `${parentUrn.substring(0, parentUrn.lastIndexOf("::"))}$${formerType}`;
    const aliasFormerUrn: pulumi.ResourceTransformation = ({ type, name, props, opts }) => ({
        props,
        opts: { ...opts, aliases: [...(opts.aliases ?? []), `${formerChain}$${type}::${name}`] },
    });
    return { parent, transformations: [aliasFormerUrn] };
}

/** The options of a resource a builder creates: its parent and aliases, plus `opts`. */
export function childOptions<T extends pulumi.CustomResourceOptions>(scope: BuildScope, opts?: T): T {
    return {
        ...opts,
        parent: scope.parent,
        ...(scope.aliases !== undefined ? { aliases: scope.aliases } : {}),
        ...(scope.transformations !== undefined ? { transformations: scope.transformations } : {}),
    } as T;
}
