import { Rule } from "../validation";
import { backendServiceRules, hybridRules, internetRules, serverlessRules } from "./backends";
import { backendSettingsRules } from "./backend-settings";
import { bucketRoutingRules, bucketRules } from "./buckets";
import { errorResponseRules } from "./error-responses";
import { frontendRules } from "./frontend";
import { iapRules, programRules } from "./iap";
import { loadBalancerRules } from "./load-balancer";
import { networkRules } from "./network";
import { routingRules } from "./routing";

/** Every rule in the validation catalogue, for the README table and its test. */
export function allRules(): Rule<never>[] {
    return [
        ...loadBalancerRules,
        ...networkRules,
        ...serverlessRules,
        ...backendServiceRules,
        ...hybridRules,
        ...internetRules,
        ...backendSettingsRules,
        ...bucketRules,
        ...bucketRoutingRules,
        ...errorResponseRules,
        ...iapRules,
        ...frontendRules,
        ...routingRules,
        ...programRules,
    ] as Rule<never>[];
}
