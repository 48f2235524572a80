import { alignedCidr, cidrsOverlap, formatIpv4, Ipv4Cidr, parseCidr } from "../cidr";
import type { LoadBalancerNetworkArgs } from "../args/network";
import { defaultProxyOnlyCidr, resolvedCidrs } from "../args/network";
import { Finding, known, quoteValue, Rule, runRules } from "../validation";
import { linkMismatch, parseComputeLink, regionFinding } from "./common";

export interface NamedRange {
    field: string;
    /** What the range is for, e.g. "the proxy-only subnet in europe-west1". */
    role: string;
    text: string;
}

/** Every CIDR the network would create, with the argument it comes from. */
export function createdRanges(args: LoadBalancerNetworkArgs): NamedRange[] {
    const ranges: NamedRange[] = [];
    args.regions.forEach((region, index) => {
        const cidrs = resolvedCidrs(args, region);
        const explicitRegion = args.create?.regions?.[region] !== undefined;
        const base = args.existing
            ? `existing.proxyOnlyCidrs.${region}`
            : explicitRegion
              ? `create.regions.${region}`
              : index === 0
                ? "create"
                : `create.regions.${region}`;
        if (!args.existing && (args.subnets ?? true)) {
            ranges.push({ field: `${base}.subnetCidr`, role: `the subnet in ${region}`, text: cidrs.subnetCidr });
        }
        const adopted = args.existing?.proxyOnlySubnetworks?.[region] !== undefined;
        if (args.proxyOnlyPurpose && !adopted) {
            ranges.push({
                field: args.existing ? base : `${base}.proxyOnlyCidr`,
                role: `the proxy-only subnet in ${region}`,
                text: cidrs.proxyOnlyCidr,
            });
        }
    });
    return ranges;
}

/** The first range of `prefixLength` in 10.0.0.0/8 that overlaps none of `taken`, as a suggestion. */
export function freeRange(prefixLength: number, taken: Ipv4Cidr[]): string | undefined {
    const size = 2 ** (32 - prefixLength);
    const start = parseCidr("10.0.0.0/8")!.start;
    for (let address = start; address + size <= start + 2 ** 24; address += size) {
        const candidate: Ipv4Cidr = { text: "", start: address, prefixLength };
        if (!taken.some((t) => cidrsOverlap(t, candidate))) {
            return `${formatIpv4(address)}/${prefixLength}`;
        }
    }
    return undefined;
}

/** A subnet reference reduced to what identifies the subnet: `project/region/name`, or the bare name as given. */
function subnetIdentity(text: string, region: string): string {
    const link = parseComputeLink(text);
    return link ? `${link.project}/${link.region ?? region}/${link.name}` : text.trim();
}

/** The longest prefix of a subnet's primary IPv4 range (https://cloud.google.com/vpc/docs/subnets#ipv4-ranges). */
export const SMALLEST_SUBNET_PREFIX = 29;

const networkChoiceRules: Rule<LoadBalancerNetworkArgs>[] = [
    {
        id: "network-create-or-existing",
        component: "LoadBalancerNetwork",
        summary: "Either create a VPC or use an existing one, not both",
        prevents: "an ambiguous network: which VPC would the load balancer live in?",
        fix: "remove network.create or network.existing",
        check: (args) =>
            args.create && args.existing ? [{ field: "network", message: "both create and existing are set" }] : [],
    },
];

/** The LoadBalancerNetworkArgs rule over its regions (inside a load balancer, its own rule `lb-region` checks them). */
export const networkRegionRules: Rule<LoadBalancerNetworkArgs>[] = [
    {
        id: "network-region",
        component: "LoadBalancerNetwork",
        summary: "Every region is a valid GCP region name, and at least one is given",
        prevents: "`Invalid value for field 'region'` at apply",
        fix: 'set a region such as "europe-west1"',
        check: (args) =>
            args.regions.length === 0
                ? [{ field: "region", message: "no region is set" }]
                : args.regions.flatMap((r, i) =>
                      regionFinding(args.regions.length === 1 ? "region" : `regions[${i}]`, r),
                  ),
    },
];

const networkLayoutRules: Rule<LoadBalancerNetworkArgs>[] = [
    {
        id: "network-cidr-syntax",
        component: "LoadBalancerNetwork",
        summary: "Subnet ranges are IPv4 CIDRs on their network boundary",
        prevents: "`Invalid IPCidrRange` at apply",
        fix: 'write the range as a.b.c.d/n with the host bits zero, e.g. "10.1.2.0/24"',
        check: (args) =>
            createdRanges(args)
                .filter((r) => parseCidr(r.text) === undefined)
                .map((r) => {
                    if (r.text.includes(":")) {
                        return {
                            field: r.field,
                            message: `${quoteValue(r.text)} is an IPv6 range; a subnet's range here is an IPv4 CIDR`,
                            fix: 'write an IPv4 range as a.b.c.d/n, e.g. "10.1.2.0/24"',
                        };
                    }
                    const aligned = alignedCidr(r.text);
                    const prefix = /\/(\d+)$/.exec(r.text.trim());
                    if (prefix && Number(prefix[1]) > 32) {
                        return {
                            field: r.field,
                            message: `${quoteValue(r.text)} is not a valid IPv4 CIDR range: the prefix length /${prefix[1]} is over 32`,
                            fix: 'use a prefix length of 32 or less, e.g. "10.1.2.0/24" for 256 addresses',
                        };
                    }
                    return {
                        field: r.field,
                        message: `${quoteValue(r.text)} is not a valid IPv4 CIDR range`,
                        fix: aligned ? `use ${quoteValue(aligned)} (host bits cleared)` : undefined,
                    };
                }),
    },
    {
        id: "proxy-only-subnet-size",
        component: "LoadBalancerNetwork",
        summary: "A proxy-only subnet is /26 or larger (Google recommends /23)",
        prevents: "GCP rejects proxy-only subnets with fewer than 64 addresses",
        fix: 'use a /26 or larger range; /23 (512 proxies) is Google\'s recommendation, e.g. "10.129.0.0/23"',
        check: (args) => {
            if (!args.proxyOnlyPurpose) {
                return [];
            }
            return createdRanges(args)
                .filter((r) => r.field.endsWith("proxyOnlyCidr") || r.field.startsWith("existing.proxyOnlyCidrs"))
                .flatMap((r) => {
                    const cidr = parseCidr(r.text);
                    return cidr && cidr.prefixLength > 26
                        ? [
                              {
                                  field: r.field,
                                  message: `${quoteValue(r.text)} is a /${cidr.prefixLength}: a proxy-only subnet needs at least 64 addresses (/26)`,
                              },
                          ]
                        : [];
                });
        },
    },
    {
        id: "subnet-size",
        component: "LoadBalancerNetwork",
        summary: "A subnet's primary IPv4 range is /29 or larger",
        prevents: "`Invalid IPCidrRange` at apply: the smallest primary IPv4 range of a subnet is /29 (8 addresses)",
        fix: 'use a /29 or larger range (4 of its addresses are reserved), e.g. "10.1.2.0/24"',
        check: (args) =>
            createdRanges(args)
                .filter((r) => r.field.endsWith("subnetCidr"))
                .flatMap((r) => {
                    const cidr = parseCidr(r.text);
                    return cidr && cidr.prefixLength > SMALLEST_SUBNET_PREFIX
                        ? [
                              {
                                  field: r.field,
                                  message: `${quoteValue(r.text)} is a /${cidr.prefixLength}: a subnet's primary range has at least 8 addresses (/${SMALLEST_SUBNET_PREFIX})`,
                              },
                          ]
                        : [];
                }),
    },
    {
        id: "network-cidr-overlap",
        component: "LoadBalancerNetwork",
        summary: "Subnet ranges in one VPC do not overlap",
        prevents: "`Invalid IPCidrRange: ... conflicts with existing subnetwork` at apply",
        fix: "give each subnet its own range",
        check: (args) => {
            const parsed = createdRanges(args)
                .map((r) => ({ ...r, cidr: parseCidr(r.text) }))
                .filter((r): r is NamedRange & { cidr: Ipv4Cidr } => r.cidr !== undefined);
            const findings: Finding[] = [];
            for (let i = 0; i < parsed.length; i++) {
                for (let j = i + 1; j < parsed.length; j++) {
                    if (cidrsOverlap(parsed[i].cidr, parsed[j].cidr)) {
                        const taken = parsed.map((r) => r.cidr);
                        const proxyOnlyDefault = parseCidr(defaultProxyOnlyCidr(0))!;
                        // The documented default when it is free, else the first free range of the same size.
                        const free =
                            parsed[j].role.startsWith("the proxy-only subnet") &&
                            !taken.some((t) => cidrsOverlap(t, proxyOnlyDefault))
                                ? `the default ${proxyOnlyDefault.text} for the proxy-only subnet`
                                : freeRange(parsed[j].cidr.prefixLength, taken);
                        findings.push({
                            field: parsed[j].field,
                            message: `${quoteValue(parsed[j].text)} overlaps ${quoteValue(parsed[i].text)}, the range of ${parsed[i].role}`,
                            fix: `pick a range outside ${parsed[i].text}${free ? `, e.g. ${free}` : ""}`,
                        });
                    }
                }
            }
            return findings;
        },
    },
    {
        id: "existing-network-subnet",
        component: "LoadBalancerNetwork",
        summary: "An existing network names the subnet to use in every region that needs one",
        prevents: "an internal forwarding rule with no subnetwork (`Invalid value for field 'resource.subnetwork'`)",
        fix: "add existing.subnetworks.<region> with the subnet's self link",
        check: (args) =>
            args.existing && (args.subnets ?? true)
                ? args.regions
                      .filter((r) => args.existing?.subnetworks?.[r] === undefined)
                      .map((r) => ({
                          field: `existing.subnetworks.${r}`,
                          message: `no subnet is given for region ${r}; internal load balancers take their VIP from a regular subnet`,
                      }))
                : [],
    },
    {
        id: "existing-network-links",
        component: "LoadBalancerNetwork",
        summary:
            "An existing VPC is a global network link; its subnets are regional subnet links in the region they are keyed by, and every key is a region of the load balancer",
        prevents:
            "`The resource 'projects/…/regions/<r>/subnetworks/…' was not found` or `Invalid value for field 'resource.subnetwork'` at apply, or a subnet silently ignored",
        fix: "pass selfLink outputs (network.selfLink, subnet.selfLink), keyed by the subnet's own region",
        check: (args) => {
            const existing = args.existing;
            if (!existing) {
                return [];
            }
            const findings: Finding[] = [];
            const network = known(existing.network);
            const networkProblem =
                network === undefined ? undefined : linkMismatch(network, "networks", "a VPC network", undefined);
            if (networkProblem) {
                findings.push({
                    field: "existing.network",
                    message: networkProblem,
                    fix: 'use the VPC\'s selfLink or "projects/<host-project>/global/networks/<name>"',
                });
            }
            const maps: [string, Record<string, unknown> | undefined, string][] = [
                ["subnetworks", existing.subnetworks, "a subnet"],
                ["proxyOnlySubnetworks", existing.proxyOnlySubnetworks, "a proxy-only subnet"],
            ];
            for (const [key, map, what] of maps) {
                for (const [region, value] of Object.entries(map ?? {})) {
                    const field = `existing.${key}.${region}`;
                    if (!args.regions.includes(region)) {
                        findings.push({
                            field,
                            message: `${quoteValue(region)} is not a region of this load balancer (${args.regions.join(", ") || "none"}), so this ${what.replace(/^an? /, "")} would be ignored`,
                            fix: `key each ${what.replace(/^an? /, "")} by one of the load balancer's regions`,
                        });
                        continue;
                    }
                    const text = known(value as string | undefined);
                    const problem = text === undefined ? undefined : linkMismatch(text, "subnetworks", what, region);
                    if (problem) {
                        findings.push({ field, message: problem });
                    }
                }
            }
            return findings;
        },
    },
    {
        id: "existing-network-distinct-subnets",
        component: "LoadBalancerNetwork",
        summary: "An existing VPC's VIP subnet and proxy-only subnet are two different subnets",
        prevents:
            "a VIP reserved in a proxy-only subnet (GCP: 'The proxy-only subnet can't be used for any other purpose. The IP address for the load balancer's forwarding rule doesn't come from the proxy-only subnet.')",
        fix: "give the regular subnet (purpose PRIVATE) in existing.subnetworks and the proxy-only subnet (purpose REGIONAL_MANAGED_PROXY or GLOBAL_MANAGED_PROXY) in existing.proxyOnlySubnetworks",
        check: (args) => {
            const existing = args.existing;
            if (!existing || !(args.subnets ?? true)) {
                return [];
            }
            return args.regions.flatMap((region) => {
                const vipInput = existing.subnetworks?.[region];
                const proxyOnlyInput = existing.proxyOnlySubnetworks?.[region];
                const vip = known(vipInput);
                const proxyOnly = known(proxyOnlyInput);
                // The same Output passed twice (e.g. one subnet's selfLink) is the same subnet too.
                const same =
                    (vipInput !== undefined && vipInput === proxyOnlyInput) ||
                    (vip !== undefined &&
                        proxyOnly !== undefined &&
                        subnetIdentity(vip, region) === subnetIdentity(proxyOnly, region));
                return same
                    ? [
                          {
                              field: `existing.proxyOnlySubnetworks.${region}`,
                              message: `names the same subnet as existing.subnetworks.${region}; the VIP would come from the proxy-only range, which GCP reserves for its Envoy proxies`,
                          },
                      ]
                    : [];
            });
        },
    },
];

/** The network rules a load balancer runs on the network it builds: all but the region rule, whose regions are its own. */
export const networkRulesInLoadBalancer: Rule<LoadBalancerNetworkArgs>[] = [
    ...networkChoiceRules,
    ...networkLayoutRules,
];

export const networkRules: Rule<LoadBalancerNetworkArgs>[] = [
    ...networkChoiceRules,
    ...networkRegionRules,
    ...networkLayoutRules,
];

/** Checks the arguments; every problem is returned, none thrown. */
export function validateNetworkArgs(args: LoadBalancerNetworkArgs) {
    return runRules(networkRules, args);
}
