import * as assert from "assert";
import { PlanResult } from "../../components/cli/plan";

export type PlannedResource = PlanResult["resources"][number];

/** The planned resources of one type. */
export function ofType(result: PlanResult, type: string): PlannedResource[] {
    return result.resources.filter((r) => r.type === type);
}

/** The one planned resource of a type. */
export function one(result: PlanResult, type: string): PlannedResource {
    const found = ofType(result, type);
    assert.strictEqual(found.length, 1, `one ${type}`);
    return found[0];
}

/** The sorted GCP (compute, Cloud Run, Certificate Manager) resource types of a plan, one per resource. */
export function gcpTypes(result: PlanResult): string[] {
    return result.resources
        .map((r) => r.type)
        .filter((t) => /^gcp:(compute|cloudrunv2|certificatemanager)\//.test(t))
        .sort();
}

/** `loadBalancingScheme` of every backend service and forwarding rule, whatever its scope. */
export function loadBalancingSchemes(result: PlanResult): string[] {
    return result.resources
        .filter((r) => /(BackendService|ForwardingRule)$/.test(r.type))
        .map((r) => r.inputs.loadBalancingScheme as string);
}

export const REGIONAL_LB_KINDS = [
    "gcp:compute/regionBackendService:RegionBackendService",
    "gcp:compute/regionUrlMap:RegionUrlMap",
    "gcp:compute/regionTargetHttpProxy:RegionTargetHttpProxy",
    "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
    "gcp:compute/forwardingRule:ForwardingRule",
];
