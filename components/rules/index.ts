import { Rule } from "../validation";
import { backendKindModules } from "../backends";
import { backendServiceRules, backendSettingsRules } from "../backends/shared/rules";
import { constraintRules, neverServesRules } from "./constraints";
import { errorResponseRules } from "./error-responses";
import { frontendRules } from "./frontend";
import { iapRules, programRules } from "./iap";
import { loadBalancerRules } from "./load-balancer";
import { networkRules } from "./network";
import { pscRules } from "./psc";
import { authorizationRules } from "./authorization";
import { routingRules } from "./routing";

/** Every rule in the validation catalogue, for the README table and its test. */
export function allRules(): Rule<never>[] {
    return [
        ...loadBalancerRules,
        ...networkRules,
        ...backendKindModules().flatMap((kind) => kind.rules),
        ...backendServiceRules,
        ...backendSettingsRules,
        ...errorResponseRules,
        ...iapRules,
        ...frontendRules,
        ...pscRules,
        ...authorizationRules,
        ...routingRules,
        ...programRules,
        ...constraintRules,
        ...neverServesRules,
    ] as Rule<never>[];
}
