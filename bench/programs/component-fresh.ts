/**
 * programs/component.ts for a stack created with cloudrun-lb 0.2.0 or later: `aliasesFromV010: false`, so no
 * resource carries an alias to its 0.1.0 URN. The same cloud resources with the same fields.
 */
import { build as buildComponent } from "./component";

export function build(n: number): void {
    buildComponent(n, false);
}
