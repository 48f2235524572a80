import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { optionalGcp } from "../../gcp-modules";
import type { Bucket } from "@pulumi/gcp/storage/bucket";
import { BuildScope, createChild } from "../../builder";
import { gcpName, replacementSafeName } from "../../naming";
import { Scheme, schemeProfile } from "../../schemes";
import { mapInputs } from "../../validation";
import { BackendCdnArgs } from "../shared/args";
import { BucketTargetArgs } from "./args";
import { cdnPolicyInputs } from "../shared/builder";

/** What the bucket builder needs besides the target. */
export interface BucketBuildOptions {
    /** Physical name prefix, e.g. `shop-site`. */
    namePrefix: string;
    scheme: Scheme;
    project?: pulumi.Input<string>;
    /** Region of a regional scheme's backend bucket. */
    region?: string;
    bucket: BucketTargetArgs;
    cdn?: BackendCdnArgs;
    description?: string;
    /** Id of the Cloud Armor edge security policy of a global backend bucket. */
    edgeSecurityPolicy?: pulumi.Input<string>;
}

/** What the bucket builder created (or references). */
export interface BucketBackend {
    /** Id of the backend bucket, for URL maps. */
    backendBucketId: pulumi.Output<string>;
    /** Name of the Cloud Storage bucket served (undefined for `existing`, whose bucket is not known here). */
    bucketName?: pulumi.Output<string>;
    /** The bucket, when the package created it. */
    bucket?: Bucket;
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
 * Builds a bucket backend in `scope`: the bucket (when created, with its public-read grant when
 * asked), the backend bucket (`compute.BackendBucket` on global schemes, with Cloud CDN, signed URL keys
 * and a Cloud Armor edge policy where the scheme allows; `compute.RegionBackendBucket` on regional ones),
 * or nothing for an existing backend bucket.
 */
export function buildBucketBackend(name: string, args: BucketBuildOptions, scope: BuildScope): BucketBackend {
    if (args.bucket.existing !== undefined) {
        return { backendBucketId: pulumi.output(args.bucket.existing) };
    }
    const profile = schemeProfile(args.scheme);
    const create = args.bucket.create;
    let bucket: Bucket | undefined;
    let bucketName: pulumi.Input<string>;
    if (create !== undefined) {
        const defaultProject = new pulumi.Config("gcp").get("project");
        bucket = createChild(
            optionalGcp.storage.Bucket,
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
            scope,
        );
        if (create.publicRead) {
            createChild(
                optionalGcp.storage.BucketIAMMember,
                `${name}-public-read`,
                { bucket: bucket.name, role: "roles/storage.objectViewer", member: "allUsers" },
                scope,
            );
        }
        bucketName = bucket.name;
    } else {
        bucketName = args.bucket.name!;
    }

    const physical = gcpName(args.namePrefix, "bucket");
    if (profile.scope === "regional") {
        const regional = createChild(
            compute.RegionBackendBucket,
            `${name}-backend-bucket`,
            {
                name: physical,
                project: args.project,
                region: args.region!,
                bucketName,
                loadBalancingScheme: profile.loadBalancingScheme,
                description: args.description,
            },
            scope,
        );
        return { backendBucketId: regional.id, bucketName: pulumi.output(bucketName), bucket };
    }
    const cdnOn = args.cdn?.enabled === true;
    const backendBucket = createChild(
        compute.BackendBucket,
        `${name}-backend-bucket`,
        {
            name: physical,
            project: args.project,
            bucketName,
            description: args.description,
            loadBalancingScheme: profile.internal ? "INTERNAL_MANAGED" : undefined,
            enableCdn: cdnOn ? true : undefined,
            cdnPolicy: cdnOn ? bucketCdnPolicy(args.cdn!) : undefined,
            edgeSecurityPolicy: args.edgeSecurityPolicy,
        },
        scope,
    );
    if (cdnOn) {
        for (const key of args.cdn!.signedUrlKeys ?? []) {
            createChild(
                compute.BackendBucketSignedUrlKey,
                `${name}-signed-url-key-${key.name}`,
                {
                    name: key.name,
                    project: args.project,
                    backendBucket: backendBucket.name,
                    keyValue: pulumi.secret(key.value),
                },
                scope,
            );
        }
    }
    return { backendBucketId: backendBucket.id, bucketName: pulumi.output(bucketName), bucket };
}
