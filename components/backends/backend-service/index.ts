/** The existing-backend-service kind: `backends.<key>.backendService` (by id or self link, e.g. cross-project). */
import * as pulumi from "@pulumi/pulumi";
import { failOnProblems, nestProblems, runRules } from "../../validation";
import type { BackendKindModule } from "../kind";
import { settingsContext } from "../shared/settings";
import { backendBucketGivenAsService, backendServiceLinkRules, existingBackendServiceSettingsRules } from "./rules";

export { BackendServiceBackendField } from "./args";
export { backendBucketGivenAsService, backendServiceLinkRules, existingBackendServiceSettingsRules } from "./rules";

export const backendServiceKind: BackendKindModule<"backendService"> = {
    kind: "backendService",
    field: "backendService",
    rules: [...backendServiceLinkRules, ...existingBackendServiceSettingsRules] as BackendKindModule["rules"],
    validate: (context) =>
        nestProblems(`backends.${context.key}`, [
            ...runRules(backendServiceLinkRules, context),
            ...runRules(existingBackendServiceSettingsRules, settingsContext(context)),
        ]),
    routingRules: [],
    servesErrorPages: false,
    iap: true,
    build: ({ name, key, backend, parent }) => ({
        ref: checkedBackendServiceLink(name, key, backend.backendService!, parent),
    }),
};

/**
 * An existing backend service reference, checked once its value is known: a backend bucket's link given
 * as `backendService` (e.g. another resource's `selfLink` output, which preview cannot read) fails the
 * deployment with the same problem preview reports for a plain string, before the URL map uses it.
 */
function checkedBackendServiceLink(
    name: string,
    key: string,
    link: pulumi.Input<string>,
    resource: pulumi.Resource,
): pulumi.Output<string> {
    return pulumi.output(link).apply((text) => {
        const mistake = backendBucketGivenAsService(text);
        if (mistake) {
            failOnProblems(
                `ApplicationLoadBalancer "${name}"`,
                [
                    {
                        rule: "backend-service-links",
                        ...mistake,
                        field: `backends.${key}.backendService`,
                        fix: mistake.fix!,
                    },
                ],
                resource,
            );
        }
        return text;
    });
}
