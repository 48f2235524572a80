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
}

/** The options of a resource a builder creates: its parent, plus `opts`. */
export function childOptions<T extends pulumi.CustomResourceOptions>(scope: BuildScope, opts?: T): T {
    return { ...opts, parent: scope.parent } as T;
}
