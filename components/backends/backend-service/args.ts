/** Arguments of a backend that is an existing backend service (cross-project service referencing). */
import * as pulumi from "@pulumi/pulumi";

/** The field of `backends.<key>` that makes a backend an existing backend service, by id or self link (see `BackendKindFields`). */
export interface BackendServiceBackendField {
    /**
     * Id or self link of a backend service that already exists, e.g. in another project
     * (cross-project service referencing). A backend bucket goes in `bucket.existing` instead.
     * @default undefined
     * @example "projects/team-a/global/backendServices/orders"
     */
    backendService?: pulumi.Input<string>;
}
