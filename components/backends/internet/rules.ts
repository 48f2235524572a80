import type { InternetBackendArgs } from "./args";
import { schemeProfile, supports } from "../../schemes";
import { Finding, known, Rule, runRules } from "../../validation";
import { IPV4, linkMismatch, portFinding } from "../../rules/common";

/** Most endpoints a regional internet NEG holds (https://cloud.google.com/load-balancing/docs/quotas). */
export const REGIONAL_INTERNET_NEG_MAX_ENDPOINTS = 256;

/** Why Cloud Run behind an internet NEG needs ingress "all" (https://cloud.google.com/run/docs/securing/ingress; UNCONFIRMED inference). */
export const INTERNET_NEG_INGRESS_NOTE =
    'traffic reaching *.run.app through an internet NEG counts as internet traffic for Cloud Run ingress, so the service needs ingress "all" (UNCONFIRMED: inferred from the ingress definitions)';

const PRIVATE_IPV4 = /^(10\.|192\.168\.|172\.(1[6-9]|2[0-9]|3[01])\.|127\.)/;
const FQDN = /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z][-a-z0-9]{0,61}[a-z0-9]$/i;

export const internetRules: Rule<InternetBackendArgs>[] = [
    {
        id: "internet-scheme",
        component: "InternetBackend",
        summary: "Internet NEGs exist for global external, classic, regional external and regional internal",
        prevents: "an internet NEG the load balancer cannot use (cross-region internal has none)",
        fix: "use scheme global-external (global internet NEG) or regional-internal/regional-external (regional internet NEG)",
        check: (args) =>
            supports(args.scheme, "globalInternetNeg") || supports(args.scheme, "regionalInternetNeg")
                ? []
                : [
                      {
                          field: "internet",
                          message: `an internet NEG is not supported by the ${schemeProfile(args.scheme).title} (scheme "${args.scheme}")`,
                      },
                  ],
    },
    {
        id: "internet-endpoint",
        component: "InternetBackend",
        summary:
            "An internet backend names one FQDN or public IP (global), or up to 256 endpoints of one type (regional)",
        prevents:
            "GCP's limits: 1 endpoint per global internet NEG, 256 per regional one, one endpoint type per NEG, no private IPs",
        fix: 'set exactly one of internet.fqdn (e.g. "hello-abc123-ew.a.run.app"), internet.ipAddress or internet.endpoints (regional schemes)',
        check: (args) => {
            const target = args.internet;
            const given = [
                target.fqdn !== undefined ? "fqdn" : undefined,
                target.ipAddress !== undefined ? "ipAddress" : undefined,
                target.endpoints !== undefined ? "endpoints" : undefined,
            ].filter((k): k is string => k !== undefined);
            if (given.length !== 1) {
                return [
                    {
                        field: "internet",
                        message:
                            given.length === 0
                                ? "names no endpoint"
                                : `names ${given.join(" and ")}; exactly one is allowed`,
                    },
                ];
            }
            const findings: Finding[] = [];
            const regional = schemeProfile(args.scheme).scope === "regional";
            const endpoints = target.endpoints ?? [{ fqdn: target.fqdn, ipAddress: target.ipAddress }];
            const field = (i: number, key: string) =>
                target.endpoints !== undefined ? `internet.endpoints[${i}].${key}` : `internet.${key}`;
            if (target.endpoints !== undefined) {
                if (!regional && target.endpoints.length > 1) {
                    findings.push({
                        field: "internet.endpoints",
                        message: `${target.endpoints.length} endpoints given, but a global internet NEG holds exactly one`,
                        fix: "give one endpoint (internet.fqdn), or one backend per endpoint",
                    });
                }
                if (target.endpoints.length === 0) {
                    findings.push({ field: "internet.endpoints", message: "no endpoint is given" });
                }
                if (target.endpoints.length > REGIONAL_INTERNET_NEG_MAX_ENDPOINTS) {
                    findings.push({
                        field: "internet.endpoints",
                        message: `${target.endpoints.length} endpoints given; a regional internet NEG holds at most ${REGIONAL_INTERNET_NEG_MAX_ENDPOINTS}`,
                        fix: "split the endpoints over several backends",
                    });
                }
                const kinds = new Set(endpoints.map((e) => (e.ipAddress !== undefined ? "ip" : "fqdn")));
                if (kinds.size > 1) {
                    findings.push({
                        field: "internet.endpoints",
                        message: "mixes FQDN and IP endpoints; a NEG holds endpoints of one type",
                        fix: "use one backend for the FQDN endpoints and another for the IP endpoints",
                    });
                }
            }
            endpoints.forEach((e, i) => {
                if ((e.fqdn === undefined) === (e.ipAddress === undefined)) {
                    findings.push({
                        field: `internet.endpoints[${i}]`,
                        message: "needs exactly one of fqdn and ipAddress",
                    });
                    return;
                }
                const fqdn = known(e.fqdn);
                if (fqdn !== undefined && !FQDN.test(fqdn)) {
                    findings.push({
                        field: field(i, "fqdn"),
                        message: `"${fqdn}" is not a fully qualified domain name (no scheme, path or port)`,
                        fix: 'give the host name only, e.g. "hello-abc123-ew.a.run.app" for https://hello-abc123-ew.a.run.app/',
                    });
                }
                if (e.ipAddress !== undefined) {
                    if (!IPV4.test(e.ipAddress)) {
                        findings.push({
                            field: field(i, "ipAddress"),
                            message: `"${e.ipAddress}" is not an IPv4 address`,
                        });
                    } else if (PRIVATE_IPV4.test(e.ipAddress)) {
                        findings.push({
                            field: field(i, "ipAddress"),
                            message: `${e.ipAddress} is a private address; internet NEGs take public IPs only`,
                            fix: "for on-premises private endpoints use a hybrid backend (backends.<key>.hybrid)",
                        });
                    }
                }
                const port = (target.endpoints?.[i] as { port?: number } | undefined)?.port;
                if (port !== undefined) {
                    findings.push(...portFinding(field(i, "port"), port));
                }
            });
            if (target.port !== undefined) {
                findings.push(...portFinding("internet.port", target.port));
            }
            return findings;
        },
    },
    {
        id: "internet-neg-scope",
        component: "InternetBackend",
        summary:
            "An internet NEG given by id has the backend service's scope: global on global external and classic, regional in the load balancer's region otherwise",
        prevents:
            "a regional backend service whose group is a global internet NEG (global internet NEGs serve only the global external and classic Application Load Balancers; regional ones the regional schemes)",
        fix: "pass a NEG of the scheme's scope (compute.GlobalNetworkEndpointGroup for global-external and classic, compute.RegionNetworkEndpointGroup in the load balancer's region otherwise), or omit neg to let the backend create one",
        check: (args) => {
            const neg = known(args.neg);
            if (neg === undefined) {
                return [];
            }
            const profile = schemeProfile(args.scheme);
            const region = profile.scope === "regional" ? args.region : undefined;
            if (profile.scope === "regional" && region === undefined) {
                return [];
            }
            const problem = linkMismatch(neg, "networkEndpointGroups", "an internet NEG", region);
            return problem ? [{ field: "neg", message: `${problem} by the ${profile.title}` }] : [];
        },
    },
    {
        id: "internet-host-override",
        component: "InternetBackend",
        summary:
            "internet.hostOverride (a backend-service header) only on global external and classic; other schemes set Host with routes[].rewrite.host",
        prevents:
            "a Host override that never reaches the endpoint, so Cloud Run (routed by Host) answers 404: RegionBackendService has no customRequestHeaders field (pulumi-gcp), and backend custom headers serve only global external and classic (https://cloud.google.com/load-balancing/docs/https/custom-headers)",
        fix: "drop internet.hostOverride and set the Host in the routes that reach this backend with routes[].rewrite.host (the URL map's urlRewrite.hostRewrite, which regional and cross-region URL maps have), or reach the Cloud Run service in another project with cross-project service referencing (backends.<key>.backendService, or cloudRun with project)",
        check: (args) =>
            args.internet.hostOverride !== undefined && !supports(args.scheme, "backendCustomHeaders")
                ? [
                      {
                          field: "internet.hostOverride",
                          message: `is a custom request header of the backend service, and the ${schemeProfile(args.scheme).title} has no backend-service custom headers; note that ${INTERNET_NEG_INGRESS_NOTE}`,
                      },
                  ]
                : [],
    },
];

export function validateInternetBackendArgs(args: InternetBackendArgs) {
    return runRules(internetRules, args);
}
