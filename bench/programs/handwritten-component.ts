/**
 * programs/handwritten.ts with its resources under one component that is registered and closed
 * (`registerOutputs`) and does nothing else: no outputs, no validation, no route compiler. It is the least any
 * component package can cost, so the bench can tell what being a component costs from what this package adds.
 */
import * as pulumi from "@pulumi/pulumi";
import { build as buildHandwritten } from "./handwritten";

class EmptyComponent extends pulumi.ComponentResource {
    constructor(name: string, n: number) {
        super("cloudrun-lb:index:ApplicationLoadBalancer", name, {}, {});
        buildHandwritten(n, { parent: this });
        this.registerOutputs({});
    }
}

export function build(n: number): void {
    new EmptyComponent("bench", n);
}
