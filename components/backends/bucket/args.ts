/** Arguments of a bucket backend (a Cloud Storage bucket behind the load balancer through a backend bucket). */
import * as pulumi from "@pulumi/pulumi";

/**
 * The Cloud Storage website settings of a bucket the package creates: which object answers a directory
 * request and which one a missing object, as served through a backend bucket.
 * @see https://cloud.google.com/storage/docs/hosting-static-website
 */
export interface BucketWebsiteArgs {
    /**
     * Object served for a request to a "directory" (a path ending in `/`, or the bucket's root).
     * @default undefined (no index page)
     * @example "index.html"
     */
    mainPageSuffix?: string;
    /**
     * Object served, with status 404, when the requested object does not exist.
     * @default undefined (GCS's own 404 answer)
     * @example "404.html"
     */
    notFoundPage?: string;
}

/**
 * A Cloud Storage bucket the package creates for a bucket backend.
 * @see https://cloud.google.com/storage/docs/creating-buckets
 */
export interface BucketCreateArgs {
    /**
     * Bucket location: a multi-region (`EU`, `US`), a dual-region or a region. Changing it creates a new
     * (empty) bucket under a new name; the old one is deleted only when it is empty or `forceDestroy` is on.
     * @example "EU"
     */
    location: string;
    /**
     * Bucket name (globally unique across Cloud Storage; lowercase letters, digits and hyphens here).
     * @default `<namePrefix>-<key>-<hash of project and location>`
     * @example "shop-site-assets"
     */
    name?: string;
    /**
     * Uniform bucket-level access (IAM only, no object ACLs), as Google recommends.
     * @default true
     * @example false
     */
    uniformAccess?: boolean;
    /**
     * Index and not-found pages.
     * @default undefined
     * @example { mainPageSuffix: "index.html", notFoundPage: "404.html" }
     */
    website?: BucketWebsiteArgs;
    /**
     * Grant `allUsers` `roles/storage.objectViewer`, making every object public. A backend bucket reads
     * objects as an anonymous user, so the site needs it unless clients use Cloud CDN signed URLs.
     * Only set it for public content.
     * @default false
     * @example true
     */
    publicRead?: boolean;
    /**
     * Let `pulumi destroy` (or a location change) delete the bucket with its objects.
     * @default false (deleting a non-empty bucket fails, which keeps the files)
     * @example true
     */
    forceDestroy?: boolean;
}

/**
 * A Cloud Storage bucket behind the load balancer (a backend bucket): an existing bucket by name, one the
 * package creates, or an existing backend bucket. Exactly one of `name`, `create` and `existing`.
 * @see https://cloud.google.com/load-balancing/docs/backend-bucket
 */
export interface BucketTargetArgs {
    /**
     * Name of an existing Cloud Storage bucket; the package creates the backend bucket for it.
     * @default undefined
     * @example "shop-static-assets"
     */
    name?: pulumi.Input<string>;
    /**
     * Create the bucket (and its backend bucket).
     * @default undefined
     * @example { location: "EU", website: { mainPageSuffix: "index.html" }, publicRead: true }
     */
    create?: BucketCreateArgs;
    /**
     * Id or self link of an existing backend bucket (global, e.g. in another project); nothing is created.
     * @default undefined
     * @example "projects/shared/global/backendBuckets/assets"
     */
    existing?: pulumi.Input<string>;
}

/** The field of `backends.<key>` that makes a backend a Cloud Storage bucket through a backend bucket (see `BackendKindFields`). */
export interface BucketBackendField {
    /**
     * A Cloud Storage bucket (a backend bucket): an existing bucket by name, one the package creates, or an
     * existing backend bucket (`existing`). Global external, classic and cross-region internal.
     * @default undefined
     * @example { create: { location: "EU", website: { mainPageSuffix: "index.html" }, publicRead: true } }
     */
    bucket?: BucketTargetArgs;
}
