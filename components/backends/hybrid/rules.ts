import type { HybridBackendArgs } from "./args";
import { schemeProfile } from "../../schemes";
import { Finding, Rule, runRules } from "../../validation";
import { IPV4, portFinding } from "../../rules/common";

/** GCP zone names: `europe-west1-b`. */
export const ZONE_PATTERN = /^[a-z]+-[a-z]+[0-9]+-[a-z]$/;

/** The region a zone belongs to: `europe-west1-b` → `europe-west1`. */
export function zoneRegion(zone: string): string {
    return zone.replace(/-[a-z]$/, "");
}

export const hybridRules: Rule<HybridBackendArgs>[] = [
    {
        id: "hybrid-endpoints",
        component: "HybridBackend",
        summary: "A hybrid backend has at least one distinct IPv4:port endpoint",
        prevents:
            "`Invalid value for field 'resource.ipAddress'` / a port-less NON_GCP_PRIVATE_IP_PORT endpoint at apply, or a backend service with nothing to send to",
        fix: 'list endpoints as { ipAddress: "192.168.10.21", port: 443 } (or set hybrid.defaultPort)',
        check: (args) => {
            const target = args.hybrid;
            const endpoints = target.endpoints ?? [];
            if (endpoints.length === 0) {
                return [{ field: "hybrid.endpoints", message: "no endpoint is given" }];
            }
            const findings: Finding[] = [];
            if (target.defaultPort !== undefined) {
                findings.push(...portFinding("hybrid.defaultPort", target.defaultPort));
            }
            const seen = new Set<string>();
            endpoints.forEach((endpoint, i) => {
                const field = `hybrid.endpoints[${i}]`;
                if (!IPV4.test(endpoint.ipAddress)) {
                    findings.push({
                        field: `${field}.ipAddress`,
                        message: `"${endpoint.ipAddress}" is not an IPv4 address; hybrid NEG endpoints are private IP:port pairs, not host names`,
                        fix: "give the endpoint's private IPv4 address (for a host name use an internet NEG: backends.<key>.internet)",
                    });
                }
                const port = endpoint.port ?? target.defaultPort;
                if (port === undefined) {
                    findings.push({
                        field: `${field}.port`,
                        message: "no port is set and hybrid.defaultPort is unset",
                    });
                } else if (endpoint.port !== undefined) {
                    findings.push(...portFinding(`${field}.port`, endpoint.port));
                }
                const key = `${endpoint.ipAddress}:${port}`;
                if (seen.has(key)) {
                    findings.push({
                        field,
                        message: `${key} is listed more than once; a NEG holds each endpoint once`,
                        fix: "remove the duplicate endpoint",
                    });
                }
                seen.add(key);
            });
            return findings;
        },
    },
    {
        id: "hybrid-zone",
        component: "HybridBackend",
        summary: "A hybrid NEG's zone is a zone, in the load balancer's region for regional schemes",
        prevents:
            "a zonal NEG that cannot be created, or one regional load balancers never forward to (hybrid connectivity must be in the load balancer's region)",
        fix: 'set hybrid.zone to a zone of the region where the VPN or Interconnect lands, e.g. "europe-west1-b"',
        check: (args) => {
            const zone = args.hybrid.zone;
            if (zone === undefined || !ZONE_PATTERN.test(zone)) {
                return [
                    {
                        field: "hybrid.zone",
                        message:
                            zone === undefined
                                ? "no zone is set"
                                : `"${zone}" is not a GCP zone name (e.g. "europe-west1-b")`,
                    },
                ];
            }
            const profile = schemeProfile(args.scheme);
            if (profile.scope === "regional" && args.region !== undefined && zoneRegion(zone) !== args.region) {
                return [
                    {
                        field: "hybrid.zone",
                        message: `"${zone}" is not in ${args.region}, the region of this ${profile.title}`,
                        fix: `use a zone of ${args.region}, where the load balancer and its hybrid connectivity must be`,
                    },
                ];
            }
            return [];
        },
    },
    {
        id: "hybrid-network",
        component: "HybridBackend",
        summary: "A hybrid NEG names the VPC its hybrid connectivity is attached to",
        prevents: "a hybrid NEG in the wrong (or a nonexistent `default`) network, unreachable from the endpoints",
        fix: 'set hybrid.network to the self link of the VPC with the VPN or Interconnect, e.g. "projects/net/global/networks/hybrid"',
        check: (args) =>
            args.hybrid.network === undefined && args.network === undefined
                ? [
                      {
                          field: "hybrid.network",
                          message: `is not set, and the ${schemeProfile(args.scheme).title} has no VPC of its own to default to`,
                      },
                  ]
                : [],
    },
    {
        id: "hybrid-balancing",
        component: "HybridBackend",
        summary: "A hybrid backend's rate and health-check timings are positive and consistent",
        prevents:
            "`Invalid value for field 'resource.backends[0].maxRatePerEndpoint'` and health checks whose timeout exceeds their interval",
        fix: "use a positive maxRatePerEndpoint and a health-check timeoutSec no greater than checkIntervalSec",
        check: (args) => {
            const findings: Finding[] = [];
            const rate = args.hybrid.maxRatePerEndpoint;
            if (rate !== undefined && !(rate > 0)) {
                findings.push({
                    field: "hybrid.maxRatePerEndpoint",
                    message: `${rate} is not a positive rate; hybrid NEGs use the RATE balancing mode, which needs one`,
                });
            }
            const check = args.hybrid.healthCheck;
            if (check?.port !== undefined) {
                findings.push(...portFinding("hybrid.healthCheck.port", check.port));
            }
            const interval = check?.checkIntervalSec ?? 5;
            const timeout = check?.timeoutSec ?? 5;
            if (timeout > interval) {
                findings.push({
                    field: "hybrid.healthCheck.timeoutSec",
                    message: `${timeout} s is longer than checkIntervalSec (${interval} s)`,
                });
            }
            return findings;
        },
    },
];

export function validateHybridBackendArgs(args: HybridBackendArgs) {
    return runRules(hybridRules, args);
}
