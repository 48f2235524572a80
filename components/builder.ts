/**
 * Builders create one piece of a load balancer (a backend, the network, the frontend) as children of a
 * given parent. `ApplicationLoadBalancer` calls them with itself as the parent, so it registers its cloud
 * resources and nothing else; the standalone components (`ServerlessBackend`, `Frontend`, …) call them with
 * themselves as the parent.
 */
import * as pulumi from "@pulumi/pulumi";
import { replacementOptions } from "./replacement";

/** Where a builder creates its resources. */
export interface BuildScope {
    /** The parent of every resource the builder creates. */
    parent: pulumi.Resource;
}

/** The options of a resource a builder creates: its parent, plus `opts`. */
export function childOptions<T extends pulumi.CustomResourceOptions>(scope: BuildScope, opts?: T): T {
    return { ...opts, parent: scope.parent } as T;
}

/**
 * `new Resource(name, args, opts)` as a child of `scope`, with the replacement policy of its type (replacement.ts).
 * Kept to one line on purpose: for each property of each resource, Pulumi formats a 10-frame stack trace, and V8
 * finds each frame's source position by scanning its function's position table up to the call, so the frame just
 * below a resource's constructor costs least when it is short (docs/performance.md, "Where the time goes").
 */
export function createChild<Args, Created extends pulumi.CustomResource>(
    Resource: new (name: string, args: Args, opts?: pulumi.CustomResourceOptions) => Created,
    name: string,
    args: Args,
    scope: BuildScope,
    opts?: pulumi.CustomResourceOptions,
): Created {
    return new Resource(name, args, replacementOptions(Resource, childOptions(scope, opts)));
}
