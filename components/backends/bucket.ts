import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import * as storage from "@pulumi/gcp/storage";
import { gcpName, replacementSafeName } from "../naming";
import { replacementOptions } from "../replacement";
import { Scheme, schemeProfile } from "../schemes";
import { mapInputs } from "../validation";
import { BackendCdnArgs, cdnPolicyInputs } from "./backend-service";

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

/** What the bucket builder needs besides the target. */
export interface BucketBackendBuildArgs {
    /** Physical name prefix, e.g. `shop-site`. */
    namePrefix: string;
    scheme: Scheme;
    project?: pulumi.Input<string>;
    /** Region of a regional scheme's backend bucket. */
    region?: string;
    bucket: BucketTargetArgs;
    cdn?: BackendCdnArgs;
    description?: string;
}

/** What the bucket builder created (or references). */
export interface BucketBackend {
    /** Id of the backend bucket, for URL maps. */
    backendBucketId: pulumi.Output<string>;
    /** Name of the Cloud Storage bucket served (undefined for `existing`, whose bucket is not known here). */
    bucketName?: pulumi.Output<string>;
    /** The bucket, when the package created it. */
    bucket?: storage.Bucket;
}

/** The default name of a created bucket: readable, and distinct per project and location. */
export function createdBucketName(namePrefix: string, project: string | undefined, location: string): string {
    return replacementSafeName(namePrefix, { project, location: location.toUpperCase() });
}

/** The backend bucket's `cdnPolicy`: the fields shared with backend services, and its cache key. */
export function bucketCdnPolicy(cdn: BackendCdnArgs): compute.BackendBucketArgs["cdnPolicy"] {
    return {
        ...cdnPolicyInputs(cdn),
        cacheKeyPolicy:
            cdn.cacheKey !== undefined
                ? { queryStringWhitelists: cdn.cacheKey.queryParameters, includeHttpHeaders: cdn.cacheKey.headers }
                : undefined,
    };
}

/**
 * Builds a bucket backend under `parent`: the bucket (when created, with its public-read grant when
 * asked), the backend bucket (`compute.BackendBucket` on global schemes, with Cloud CDN and signed URL
 * keys where the scheme allows; `compute.RegionBackendBucket` on regional ones), or nothing for an
 * existing backend bucket.
 */
export function buildBucketBackend(name: string, args: BucketBackendBuildArgs, parent: pulumi.Resource): BucketBackend {
    if (args.bucket.existing !== undefined) {
        return { backendBucketId: pulumi.output(args.bucket.existing) };
    }
    const profile = schemeProfile(args.scheme);
    const create = args.bucket.create;
    let bucket: storage.Bucket | undefined;
    let bucketName: pulumi.Input<string>;
    if (create !== undefined) {
        const defaultProject = new pulumi.Config("gcp").get("project");
        bucket = new storage.Bucket(
            `${name}-bucket`,
            {
                name:
                    create.name ??
                    mapInputs([args.project] as [string | undefined], ([project]) =>
                        createdBucketName(args.namePrefix, project ?? defaultProject, create.location),
                    ),
                project: args.project,
                location: create.location,
                uniformBucketLevelAccess: create.uniformAccess ?? true,
                website: create.website,
                forceDestroy: create.forceDestroy ?? false,
            },
            replacementOptions(storage.Bucket, { parent }),
        );
        if (create.publicRead) {
            new storage.BucketIAMMember(
                `${name}-public-read`,
                { bucket: bucket.name, role: "roles/storage.objectViewer", member: "allUsers" },
                replacementOptions(storage.BucketIAMMember, { parent }),
            );
        }
        bucketName = bucket.name;
    } else {
        bucketName = args.bucket.name!;
    }

    const physical = gcpName(args.namePrefix, "bucket");
    if (profile.scope === "regional") {
        const regional = new compute.RegionBackendBucket(
            `${name}-backend-bucket`,
            {
                name: physical,
                project: args.project,
                region: args.region!,
                bucketName,
                loadBalancingScheme: profile.loadBalancingScheme,
                description: args.description,
            },
            replacementOptions(compute.RegionBackendBucket, { parent }),
        );
        return { backendBucketId: regional.id, bucketName: pulumi.output(bucketName), bucket };
    }
    const cdnOn = args.cdn?.enabled === true;
    const backendBucket = new compute.BackendBucket(
        `${name}-backend-bucket`,
        {
            name: physical,
            project: args.project,
            bucketName,
            description: args.description,
            loadBalancingScheme: profile.internal ? "INTERNAL_MANAGED" : undefined,
            enableCdn: cdnOn ? true : undefined,
            cdnPolicy: cdnOn ? bucketCdnPolicy(args.cdn!) : undefined,
        },
        replacementOptions(compute.BackendBucket, { parent }),
    );
    if (cdnOn) {
        for (const key of args.cdn!.signedUrlKeys ?? []) {
            new compute.BackendBucketSignedUrlKey(
                `${name}-signed-url-key-${key.name}`,
                {
                    name: key.name,
                    project: args.project,
                    backendBucket: backendBucket.name,
                    keyValue: pulumi.secret(key.value),
                },
                replacementOptions(compute.BackendBucketSignedUrlKey, { parent }),
            );
        }
    }
    return { backendBucketId: backendBucket.id, bucketName: pulumi.output(bucketName), bucket };
}
