/**
 * The backend kinds: the closed set, and the field of `backends.<key>` that selects each. This is one of the
 * three existing files a new kind touches (with the registry in ./index.ts and the scheme capabilities in
 * ../schemes.ts); tsc fails until all three name it.
 */
import type { BackendServiceBackendField } from "./backend-service/args";
import type { BucketBackendField } from "./bucket/args";
import type { HybridBackendField } from "./hybrid/args";
import type { InternetBackendField } from "./internet/args";
import type { CloudRunBackendField } from "./serverless/args";

/** What a backend is made of; routing reads it (e.g. no mirroring to serverless backends). */
export const BackendKind = {
    /** Cloud Run through a serverless NEG (one service, a tag, a URL mask or several regions). */
    Serverless: "serverless",
    /** A hybrid connectivity NEG (on-prem IP:port). */
    Hybrid: "hybrid",
    /** An internet NEG (FQDN or IP). */
    Internet: "internet",
    /** A Cloud Storage bucket through a backend bucket. */
    Bucket: "bucket",
    /** An existing backend service given by self link (kind unknown). */
    BackendService: "backendService",
} as const;
export type BackendKind = (typeof BackendKind)[keyof typeof BackendKind];

/** The kind fields of `BackendArgs`: exactly one is set on each backend. */
export interface BackendKindFields
    extends
        CloudRunBackendField,
        HybridBackendField,
        InternetBackendField,
        BucketBackendField,
        BackendServiceBackendField {}

/** The field of `backends.<key>` that selects each kind, in the order messages list them. */
export const backendKindField = {
    serverless: "cloudRun",
    hybrid: "hybrid",
    internet: "internet",
    bucket: "bucket",
    backendService: "backendService",
} as const satisfies Record<BackendKind, keyof BackendKindFields>;

/** Every kind, in the order of {@link backendKindField}. */
export const allBackendKinds = Object.keys(backendKindField) as BackendKind[];

/** The kinds a backend names (one when valid; the `lb-backends` rule reports any other count). */
export function backendKindsSet(backend: BackendKindFields): BackendKind[] {
    return allBackendKinds.filter((kind) => backend[backendKindField[kind]] !== undefined);
}

/**
 * The kind of one backend: the kind it names (the first, in the order above, when it names several, which
 * validation reports); a backend that names none counts as an existing backend service, whose kind is unknown.
 */
export function backendKindOf(backend: BackendKindFields): BackendKind {
    // The first of backendKindsSet, without its array: asked several times per backend of a large stack.
    return allBackendKinds.find((kind) => backend[backendKindField[kind]] !== undefined) ?? BackendKind.BackendService;
}
