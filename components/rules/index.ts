import { Rule } from "../validation";
import { hybridRules, serverlessRules } from "./backends";
import { frontendRules } from "./frontend";
import { loadBalancerRules } from "./load-balancer";
import { networkRules } from "./network";

/** Every rule in the validation catalogue, for the README table and its test. */
export function allRules(): Rule<never>[] {
    return [
        ...loadBalancerRules,
        ...networkRules,
        ...serverlessRules,
        ...hybridRules,
        ...frontendRules,
    ] as Rule<never>[];
}
