import { Rule } from "../validation";
import { serverlessRules } from "./backends";
import { frontendRules } from "./frontend";
import { loadBalancerRules } from "./load-balancer";
import { networkRules } from "./network";
import { routingRules } from "./routing";

/** Every rule in the validation catalogue, for the README table and its test. */
export function allRules(): Rule<never>[] {
    return [
        ...loadBalancerRules,
        ...networkRules,
        ...serverlessRules,
        ...frontendRules,
        ...routingRules,
    ] as Rule<never>[];
}
