/** The bucket backend kind: `backends.<key>.bucket` (a Cloud Storage bucket through a backend bucket). */
import { gcpName } from "../../naming";
import { nestProblems, runRules } from "../../validation";
import type { BackendKindModule } from "../kind";
import { edgeSecurityPolicyRef, settingsContext } from "../shared/settings";
import { buildBucketBackend } from "./builder";
import { bucketRoutingRules, bucketRules } from "./rules";

export { BucketBackendField, BucketCreateArgs, BucketTargetArgs, BucketWebsiteArgs } from "./args";
export { BucketBackend, bucketCdnPolicy, BucketBuildOptions, buildBucketBackend, createdBucketName } from "./builder";
export { bucketRoutingRules, bucketRules, invalidBucketNameReason } from "./rules";

export const bucketKind: BackendKindModule<"bucket"> = {
    kind: "bucket",
    field: "bucket",
    rules: [...bucketRules, ...bucketRoutingRules] as BackendKindModule["rules"],
    validate: (context) => nestProblems(`backends.${context.key}`, runRules(bucketRules, settingsContext(context))),
    routingRules: bucketRoutingRules,
    servesErrorPages: true,
    // "Backend buckets aren't supported with IAP" (https://cloud.google.com/iap/docs/load-balancer-howto).
    iap: false,
    build: (context) => {
        const { name, key, backend, args } = context;
        const bucket = buildBucketBackend(
            `${name}-${key}`,
            {
                namePrefix: gcpName(context.prefix, key),
                scheme: args.scheme,
                project: backend.project ?? args.project,
                region: context.regionalRegion,
                bucket: backend.bucket!,
                cdn: backend.cdn,
                description: backend.description,
                edgeSecurityPolicy: backend.bucket!.existing === undefined ? edgeSecurityPolicyRef(context) : undefined,
            },
            { parent: context.parent },
        );
        return { ref: bucket.backendBucketId, bucketName: bucket.bucketName };
    },
};
