import type { CustomErrorResponsesArgs } from "../routing/error-responses";
import { Scheme, supports } from "../schemes";
import { Finding, quoteValue, Rule } from "../validation";
import { unsupportedFinding } from "./common";

/** What the custom error response rules see: the load balancer's and each route's policy. */
export interface ErrorResponsesContext {
    scheme: Scheme;
    customErrorResponses?: CustomErrorResponsesArgs;
    routes: readonly { customErrorResponses?: CustomErrorResponsesArgs; redirect?: unknown }[];
    /** Backend keys and whether each is a bucket backend. */
    bucketBackends: Record<string, boolean>;
}

const STATUS_CLASS = /^[45]xx$/;
const PATH_MAX = 1024;

/** Every policy in the context with the field it was given at. */
function policies(context: ErrorResponsesContext): [string, CustomErrorResponsesArgs][] {
    const found: [string, CustomErrorResponsesArgs][] = [];
    if (context.customErrorResponses !== undefined) {
        found.push(["customErrorResponses", context.customErrorResponses]);
    }
    context.routes.forEach((route, i) => {
        if (route.customErrorResponses !== undefined) {
            found.push([`routes[${i}].customErrorResponses`, route.customErrorResponses]);
        }
    });
    return found;
}

function ruleFindings(field: string, policy: CustomErrorResponsesArgs): Finding[] {
    const findings: Finding[] = [];
    if (policy.rules.length === 0) {
        findings.push({
            field: `${field}.rules`,
            message: "is empty",
            fix: 'add a rule, e.g. { statusCodes: ["404"], path: "/404.html" }, or remove the policy',
        });
    }
    const seen = new Set<string>();
    policy.rules.forEach((rule, r) => {
        const at = `${field}.rules[${r}]`;
        if (rule.statusCodes.length === 0) {
            findings.push({
                field: `${at}.statusCodes`,
                message: "is empty",
                fix: 'list statuses such as "404", or a class "4xx" / "5xx"',
            });
        }
        for (const code of rule.statusCodes) {
            const exact = /^\d{3}$/.test(code) ? Number(code) : undefined;
            if (!STATUS_CLASS.test(code) && (exact === undefined || exact < 400 || exact > 599)) {
                findings.push({
                    field: `${at}.statusCodes`,
                    message: `${quoteValue(code)} is neither an error status 400–599 nor "4xx" / "5xx"`,
                    fix: 'use statuses such as "404" or "503", or a class "4xx" / "5xx"',
                });
            } else if (seen.has(code)) {
                findings.push({
                    field: `${at}.statusCodes`,
                    message: `${quoteValue(code)} appears in more than one rule of this policy (GCP requires each value once)`,
                    fix: "keep each status or class in one rule",
                });
            }
            seen.add(code);
        }
        const path = rule.path;
        if (
            !path.startsWith("/") ||
            (path.length > 1 && path.endsWith("/")) ||
            path.length > PATH_MAX ||
            path === "/"
        ) {
            findings.push({
                field: `${at}.path`,
                message: `"${path.length > 60 ? `${path.slice(0, 60)}…` : path}" is not an object path: it must start with "/", not end with "/", and be at most ${PATH_MAX} characters`,
                fix: 'give the page\'s path in the bucket, e.g. "/errors/404.html"',
            });
        }
        const override = rule.overrideStatus;
        if (override !== undefined && (!Number.isInteger(override) || override < 200 || override > 599)) {
            findings.push({
                field: `${at}.overrideStatus`,
                message: `${override} is not an HTTP status 200–599`,
                fix: "use e.g. 200 (serve the page as a success) or 404, or omit it to keep the original status",
            });
        }
    });
    return findings;
}

export const errorResponseRules: Rule<ErrorResponsesContext>[] = [
    {
        id: "error-responses-scheme",
        component: "ApplicationLoadBalancer",
        summary: "Custom error responses only on global external",
        prevents:
            "GCP rejecting defaultCustomErrorResponsePolicy/customErrorResponsePolicy ('supported only for global external Application Load Balancers')",
        fix: "use scheme global-external",
        check: (context) =>
            supports(context.scheme, "customErrorResponses")
                ? []
                : policies(context).map(([field]) =>
                      unsupportedFinding(context.scheme, "customErrorResponses", field, "Custom error responses"),
                  ),
    },
    {
        id: "error-responses-bucket",
        component: "ApplicationLoadBalancer",
        summary: "Error pages come from a bucket backend of the load balancer",
        prevents:
            "an errorService that is not a backend bucket (the API takes only 'the BackendBucket resource that contains the custom error content')",
        fix: "add a bucket backend (backends.<key>.bucket) holding the pages and name its key in customErrorResponses.backend",
        check: (context) => {
            if (!supports(context.scheme, "customErrorResponses")) {
                return [];
            }
            const fallback = context.customErrorResponses?.backend;
            return policies(context).flatMap(([field, policy]): Finding[] => {
                const key = policy.backend ?? (field === "customErrorResponses" ? undefined : fallback);
                if (key === undefined) {
                    return [
                        {
                            field: `${field}.backend`,
                            message: "is not set, and no load balancer-level customErrorResponses.backend applies",
                        },
                    ];
                }
                if (!(key in context.bucketBackends)) {
                    return [
                        {
                            field: `${field}.backend`,
                            message: `${quoteValue(key)} is not a backend (have: ${Object.keys(context.bucketBackends).join(", ")})`,
                        },
                    ];
                }
                return context.bucketBackends[key]
                    ? []
                    : [
                          {
                              field: `${field}.backend`,
                              message: `${quoteValue(key)} is not a bucket backend; GCP serves error pages only from a backend bucket`,
                          },
                      ];
            });
        },
    },
    {
        id: "error-responses-rules",
        component: "ApplicationLoadBalancer",
        summary:
            "Error-page rules match statuses 400–599 or 4xx/5xx (each once per policy), name an object path, and override with a status 200–599",
        prevents: "`Invalid value for field 'matchResponseCodes'` / `'path'` / `'overrideResponseCode'` at apply",
        fix: 'write rules like { statusCodes: ["404"], path: "/404.html", overrideStatus: 404 }',
        check: (context) => policies(context).flatMap(([field, policy]) => ruleFindings(field, policy)),
    },
    {
        id: "error-responses-redirect",
        component: "ApplicationLoadBalancer",
        summary: "A redirect route has no custom error responses",
        prevents: "an error policy on a rule that never reaches a backend (GCP: the policy applies to backend errors)",
        fix: "move customErrorResponses to the load balancer, or to the route the redirect leads to",
        check: (context) =>
            context.routes.flatMap((route, i) =>
                route.redirect !== undefined && route.customErrorResponses !== undefined
                    ? [{ field: `routes[${i}].customErrorResponses`, message: "is set on a redirect route" }]
                    : [],
            ),
    },
];
