/**
 * Classic → global external Application Load Balancer in place, as Google's procedure does it
 * (https://cloud.google.com/load-balancing/docs/https/migrate-to-global): each backend service goes through the
 * canary states PREPARE, optionally TEST_BY_PERCENTAGE with a testing percentage, and TEST_ALL_TRAFFIC
 * (`externalManagedMigrationState`, `externalManagedMigrationTestingPercentage`); backend buckets through the
 * forwarding rule's `externalManagedBackendBucketMigrationState` / `…TestingPercentage`; then the load
 * balancing scheme of the backend services and forwarding rules becomes EXTERNAL_MANAGED. magic-modules
 * (mmv1/products/compute/BackendService.yaml, GlobalForwardingRule.yaml) updates all of these in place
 * (GlobalForwardingRule.loadBalancingScheme has its own PATCH update_url), so nothing is replaced — as long as
 * the names stay: `migrationStage: "migrated"` on the global external load balancer keeps the backend services'
 * classic names (their hash covers the scheme).
 */
import * as pulumi from "@pulumi/pulumi";
import { replacementSafeName } from "./naming";
import type { Scheme } from "./schemes";

/**
 * A stage of the classic → global external migration.
 * @see https://cloud.google.com/load-balancing/docs/https/migrate-to-global
 */
export const MigrationStage = {
    /** Classic: GCP prepares the global external infrastructure; all traffic still on classic. */
    Prepare: "prepare",
    /** Classic: `migrationTestingPercentage` per cent of requests go through the global external infrastructure. */
    TestByPercentage: "test-by-percentage",
    /** Classic: every request goes through the global external infrastructure; the scheme can switch next. */
    TestAllTraffic: "test-all-traffic",
    /** Global external: the load balancer was classic; its resources keep their names, so the switch updates in place. */
    Migrated: "migrated",
} as const;
export type MigrationStage = (typeof MigrationStage)[keyof typeof MigrationStage];

const API_STATE: Record<MigrationStage, string> = {
    prepare: "PREPARE",
    "test-by-percentage": "TEST_BY_PERCENTAGE",
    "test-all-traffic": "TEST_ALL_TRAFFIC",
    // What `gcloud compute backend-services update --load-balancing-scheme=EXTERNAL_MANAGED` keeps (it writes back
    // the state it read). UNCONFIRMED whether GCP clears it after the switch; it is an in-place field either way.
    migrated: "TEST_ALL_TRAFFIC",
};

/** The migration fields a backend service and a forwarding rule (for its backend buckets) get at a stage. */
export function migrationFields(
    stage: MigrationStage,
    percentage: number | undefined,
    hasBackendBuckets: boolean,
): { backendService: Record<string, unknown>; forwardingRule: Record<string, unknown> } {
    const state = API_STATE[stage];
    const testing = stage === "test-by-percentage" ? percentage : undefined;
    return {
        backendService: {
            externalManagedMigrationState: state,
            ...(testing !== undefined ? { externalManagedMigrationTestingPercentage: testing } : {}),
        },
        forwardingRule: hasBackendBuckets
            ? {
                  externalManagedBackendBucketMigrationState: state,
                  ...(testing !== undefined ? { externalManagedBackendBucketMigrationTestingPercentage: testing } : {}),
              }
            : {},
    };
}

/**
 * The name a global backend service had on the classic load balancer: the package's names end in a hash of
 * the load balancing scheme, so `EXTERNAL_MANAGED` would rename (and replace) it.
 */
export function classicBackendServiceName(name: string): string {
    const head = name.slice(0, name.lastIndexOf("-"));
    return replacementSafeName(head, { scheme: "EXTERNAL", scope: "global", region: undefined });
}

const BACKEND_SERVICE = "gcp:compute/backendService:BackendService";
const FORWARDING_RULE = "gcp:compute/globalForwardingRule:GlobalForwardingRule";

/** The transformation that puts a migration stage on the load balancer's children (none when no stage is set). */
export function migrationTransformation(
    scheme: Scheme,
    stage: MigrationStage | undefined,
    percentage: number | undefined,
    hasBackendBuckets: boolean,
): pulumi.ResourceTransformation | undefined {
    if (stage === undefined || (scheme !== "classic" && scheme !== "global-external")) {
        return undefined;
    }
    const fields = migrationFields(stage, percentage, hasBackendBuckets);
    return ({ type, props, opts }) => {
        if (type === BACKEND_SERVICE) {
            const renamed =
                stage === "migrated" && typeof props.name === "string"
                    ? { name: classicBackendServiceName(props.name) }
                    : {};
            return { props: { ...props, ...fields.backendService, ...renamed }, opts };
        }
        if (type === FORWARDING_RULE) {
            return { props: { ...props, ...fields.forwardingRule }, opts };
        }
        return undefined;
    };
}
