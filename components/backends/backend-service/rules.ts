/** The rules of a backend that is an existing backend service, given by id or self link. */
import { linkMismatch, parseComputeLink } from "../../rules/common";
import { Finding, known, Rule } from "../../validation";
import type { BackendContext } from "../kind";
import type { BackendSettingsContext } from "../shared/rules";

/**
 * The finding for a backend bucket given where a backend service belongs, or undefined. Also used when
 * an output resolves (the component checks the value then), so it is a plain function of the text.
 */
export function backendBucketGivenAsService(text: string): Finding | undefined {
    return parseComputeLink(text)?.collection === "backendBuckets"
        ? {
              field: "backendService",
              message: `"${text}" is a backend bucket, not a backend service`,
              fix: "give an existing backend bucket as bucket: { existing: <its id or self link> }",
          }
        : undefined;
}

/** The rules over an existing backend service's link (paths from `backends.<key>`). */
export const backendServiceLinkRules: Rule<BackendContext>[] = [
    {
        id: "backend-service-links",
        component: "ApplicationLoadBalancer",
        summary:
            "An existing backend service has the URL map's scope: a regional one in the load balancer's region for regional schemes, a global one otherwise",
        prevents:
            "`Invalid value for field 'resource.defaultService'` / `… was not found` when a URL map references a backend service of the other scope or region",
        fix: "reference projects/<project>/regions/<region>/backendServices/<name> for regional schemes, projects/<project>/global/backendServices/<name> for global ones",
        check: ({ backend, args, profile }) => {
            const region = profile.scope === "regional" ? args.region : undefined;
            if (profile.scope === "regional" && region === undefined) {
                return [];
            }
            const text = known(backend.backendService);
            const bucketMistake = text === undefined ? undefined : backendBucketGivenAsService(text);
            if (bucketMistake) {
                return [bucketMistake];
            }
            const problem =
                text === undefined ? undefined : linkMismatch(text, "backendServices", "a backend service", region);
            return problem ? [{ field: "backendService", message: `${problem} by the ${profile.title}` }] : [];
        },
    },
];

/** The rules over the settings given with an existing backend service (paths from `backends.<key>`). */
export const existingBackendServiceSettingsRules: Rule<BackendSettingsContext>[] = [
    {
        id: "backend-existing-service-settings",
        component: "ApplicationLoadBalancer",
        summary: "An existing backend service (by self link) takes no settings of its own here",
        prevents: "settings that silently never reach a backend service this package does not manage",
        fix: "configure IAP, CDN, Cloud Armor, outlier detection and headers where that backend service is defined",
        check: ({ backend }) => {
            if (backend.backendService === undefined) {
                return [];
            }
            const set = (
                [
                    "iap",
                    "cdn",
                    "securityPolicy",
                    "edgeSecurityPolicy",
                    "outlierDetection",
                    "customRequestHeaders",
                    "logging",
                ] as const
            ).filter((k) => backend[k] !== undefined);
            return set.length > 0
                ? [
                      {
                          field: "backendService",
                          message: `is an existing backend service, so ${set.join(", ")} cannot be applied to it here`,
                      },
                  ]
                : [];
        },
    },
];
