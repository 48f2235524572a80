/**
 * The backend kind registry.
 *
 * Design: a backend kind is a module, `backends/<kind>/`: `args.ts` (its Args, and the `BackendArgs` field that
 * selects it), `rules.ts` (its rules), `builder.ts` (the builder, and the standalone component when there is
 * one) and `index.ts` (its {@link BackendKindModule}: field, rules, `validate`, `build`, and what routing needs
 * to know of it — which rules over routes concern it, whether it serves error pages, whether IAP can be on).
 * Settings every backend has (logging, CDN, IAP, Cloud Armor, outlier detection, custom headers) live once in
 * `backends/shared/`. `ApplicationLoadBalancer`, `validateLoadBalancerArgs` and the routing context loop over
 * {@link backendKinds} and never name a kind.
 *
 * A kind is one new folder plus three existing files: `backends/kinds.ts` (the `BackendKind` union, its field
 * and `BackendKindFields`), this registry, and `schemes.ts` (which schemes support it). `backendKinds` is a
 * `Record<BackendKind, BackendKindModule>`, so a kind in the union but not here fails `tsc`, and so does a module
 * whose `field` is not its kind's field.
 */
import { backendServiceKind } from "./backend-service";
import { bucketKind } from "./bucket";
import { hybridKind } from "./hybrid";
import { internetKind } from "./internet";
import type { BackendKindModule } from "./kind";
import { allBackendKinds, BackendKind } from "./kinds";
import { serverlessKind } from "./serverless";

/** Every backend kind's module, by kind. */
export const backendKinds: { readonly [K in BackendKind]: BackendKindModule<K> } = {
    serverless: serverlessKind,
    hybrid: hybridKind,
    internet: internetKind,
    bucket: bucketKind,
    backendService: backendServiceKind,
};

/** Every kind's module, in the order of `backendKindField` (the order messages list kinds in). */
export function backendKindModules(): BackendKindModule[] {
    return allBackendKinds.map((kind) => backendKinds[kind] as BackendKindModule);
}
