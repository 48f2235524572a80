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
 * A scope under `parent` for resources that up to 0.1.0 were children of the child component
 * `formerType`/`formerName` of `parent`: each keeps its type and name, and gets an alias to the URN it had
 * there. The alias parent is the URN that component had (it is no longer registered), computed from the
 * parent's URN once per piece.
 */
export function movedFromChildComponent(parent: pulumi.Resource, formerType: string, formerName: string): BuildScope {
    return { parent, aliases: [{ parent: pulumi.createUrn(formerName, formerType, parent) }] };
}

/** The options of a resource a builder creates: its parent and aliases, plus `opts`. */
export function childOptions<T extends pulumi.CustomResourceOptions>(scope: BuildScope, opts?: T): T {
    return {
        ...opts,
        parent: scope.parent,
        ...(scope.aliases !== undefined ? { aliases: scope.aliases } : {}),
    } as T;
}
