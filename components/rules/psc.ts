/**
 * Rules of `publish` (Private Service Connect): the scheme, the connection policy, the consumer lists and the
 * PSC NAT subnet ranges.
 *
 * @see https://cloud.google.com/vpc/docs/about-vpc-hosted-services
 * @see https://github.com/GoogleCloudPlatform/magic-modules/blob/main/mmv1/products/compute/ServiceAttachment.yaml
 */
import type { ApplicationLoadBalancerArgs } from "../args/load-balancer";
import { loadBalancerRegions, loadBalancerSubnets } from "../args/load-balancer";
import { PscConnectionPreference, PscPublishArgs, resolvedPscNatCidr } from "../args/psc";
import { alignedCidr, cidrsOverlap, Ipv4Cidr, parseCidr } from "../cidr";
import { excerpt } from "../constraints/formats";
import { isScheme, schemeProfile, supports } from "../schemes";
import { Finding, Rule } from "../validation";
import { parseComputeLink, unsupportedFinding } from "./common";
import { createdRanges, freeRange } from "./network";

/**
 * The smallest subnet GCP creates: a /29 (8 addresses); a PSC NAT subnet gives one address per consumer
 * endpoint.
 * @see https://cloud.google.com/vpc/docs/subnets#valid-ranges
 */
const NAT_SUBNET_MAX_PREFIX = 29;

/** A project number, or a project ID (6–30 lowercase letters, digits or hyphens, starting with a letter). */
const PROJECT_ID_OR_NUMBER = /^(?:\d+|[a-z][-a-z0-9]{4,28}[a-z0-9])$/;

const CONNECTION_PREFERENCES: readonly string[] = Object.values(PscConnectionPreference);

/** `publish` when it is set on a scheme that has it (the scheme rule reports the rest). */
function publishing(args: ApplicationLoadBalancerArgs): PscPublishArgs | undefined {
    if (args.publish === undefined || !isScheme(args.scheme) || !supports(args.scheme, "pscPublish")) {
        return undefined;
    }
    return args.publish;
}

/** The regions that get a NAT subnet and attachment: the load balancer's (a stand-in when none is set). */
function publishRegions(args: ApplicationLoadBalancerArgs): string[] {
    const regions = loadBalancerRegions(args);
    return regions.length > 0 ? regions : ["(region)"];
}

/** Every range the load balancer's network creates, with its field under `network.`. */
function networkRanges(args: ApplicationLoadBalancerArgs, regions: string[]) {
    const profile = schemeProfile(args.scheme);
    return createdRanges({
        regions,
        proxyOnlyPurpose: profile.proxyOnlySubnetPurpose,
        subnets: loadBalancerSubnets(args).subnets,
        create: args.network?.existing ? undefined : (args.network?.create ?? {}),
        existing: args.network?.existing,
    }).map((r) => ({ ...r, field: `network.${r.field}` }));
}

function consumerFindings(publish: PscPublishArgs): Finding[] {
    const findings: Finding[] = [];
    (publish.consumerAcceptLists ?? []).forEach((consumer, i) => {
        const field = `publish.consumerAcceptLists[${i}]`;
        const given = [consumer.project, consumer.network].filter((v) => v !== undefined).length;
        if (given !== 1) {
            findings.push({
                field,
                message:
                    given === 0
                        ? "names no consumer: neither project nor network is set"
                        : "sets both project and network: a consumer entry is one or the other",
                fix: 'set exactly one, e.g. { project: "consumer-project", connectionLimit: 10 }',
            });
        }
        if (consumer.project !== undefined && !PROJECT_ID_OR_NUMBER.test(consumer.project)) {
            findings.push({
                field: `${field}.project`,
                message: `${excerpt(consumer.project)} is not a project ID or number`,
                fix: 'use the consumer project\'s ID or number, e.g. "consumer-project" or "123456789012"',
            });
        }
        if (consumer.network !== undefined) {
            const link = parseComputeLink(consumer.network);
            if (!link || link.collection !== "networks" || link.region !== undefined) {
                findings.push({
                    field: `${field}.network`,
                    message: `${excerpt(consumer.network)} is not a VPC network URL`,
                    fix: 'use the network\'s URL, e.g. "projects/consumer-project/global/networks/consumer-vpc"',
                });
            }
        }
        const limit = consumer.connectionLimit;
        if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1) {
            findings.push({
                field: `${field}.connectionLimit`,
                message: `${JSON.stringify(limit)} is not a positive integer (the number of endpoints the consumer may connect)`,
                fix: "set a whole number of at least 1, e.g. connectionLimit: 10",
            });
        }
    });
    (publish.consumerRejectLists ?? []).forEach((project, i) => {
        if (!PROJECT_ID_OR_NUMBER.test(project)) {
            findings.push({
                field: `publish.consumerRejectLists[${i}]`,
                message: `${excerpt(project)} is not a project ID or number`,
                fix: 'use the project\'s ID or number, e.g. "untrusted-project" or "123456789012"',
            });
        }
    });
    return findings;
}

function natCidrFindings(args: ApplicationLoadBalancerArgs, publish: PscPublishArgs): Finding[] {
    const regions = publishRegions(args);
    const findings: Finding[] = [];
    const taken: { field: string; role: string; text: string; cidr: Ipv4Cidr }[] = [];
    for (const range of networkRanges(args, regions)) {
        const cidr = parseCidr(range.text);
        if (cidr) taken.push({ ...range, cidr });
    }
    for (const [region] of Object.entries(publish.natCidrs ?? {})) {
        if (!regions.includes(region)) {
            findings.push({
                field: `publish.natCidrs.${region}`,
                message: `${excerpt(region)} is not one of the load balancer's regions (${regions.join(", ")})`,
                fix: "key natCidrs by the load balancer's regions, or remove the entry",
            });
        }
    }
    regions.forEach((region, index) => {
        const { field, cidr: text } = resolvedPscNatCidr(publish, regions, index);
        const cidr = parseCidr(text);
        if (!cidr) {
            const aligned = alignedCidr(text);
            findings.push({
                field,
                message: `${excerpt(text)} is not an IPv4 CIDR range on its boundary`,
                fix: aligned
                    ? `use the range's network address, ${aligned}`
                    : 'write an IPv4 range such as "10.130.0.0/24"',
            });
            return;
        }
        if (cidr.prefixLength > NAT_SUBNET_MAX_PREFIX) {
            findings.push({
                field,
                message: `"${text}" is a /${cidr.prefixLength}: a subnet is at least a /${NAT_SUBNET_MAX_PREFIX} (8 addresses)`,
                fix: 'use a /29 or larger range (one address per consumer endpoint), e.g. "10.130.0.0/24"',
            });
        }
        const clash = taken.find((t) => cidrsOverlap(t.cidr, cidr));
        if (clash) {
            const free = freeRange(
                Math.min(cidr.prefixLength, NAT_SUBNET_MAX_PREFIX),
                taken.map((t) => t.cidr),
            );
            findings.push({
                field,
                message: `"${text}" overlaps "${clash.text}", the range of ${clash.role} (${clash.field})`,
                fix: `pick a range outside ${clash.text}${free ? `, e.g. ${free}` : ""}`,
            });
        }
        taken.push({ field, role: `the PSC NAT subnet in ${region}`, text, cidr });
    });
    return findings;
}

export const pscRules: Rule<ApplicationLoadBalancerArgs>[] = [
    {
        id: "psc-scheme",
        component: "ApplicationLoadBalancer",
        summary: "Publishing over Private Service Connect is on internal schemes only",
        prevents: "a service attachment whose target service GCP does not accept as a PSC producer",
        fix: "use scheme regional-internal (or cross-region-internal), or remove publish",
        check: (args) =>
            args.publish !== undefined && isScheme(args.scheme) && !supports(args.scheme, "pscPublish")
                ? [unsupportedFinding(args.scheme, "pscPublish", "publish", "Publishing over Private Service Connect")]
                : [],
    },
    {
        id: "psc-connection-policy",
        component: "ApplicationLoadBalancer",
        summary: "The connection preference is ACCEPT_AUTOMATIC or ACCEPT_MANUAL; accept lists need ACCEPT_MANUAL",
        prevents:
            "an API 400 on an unknown preference, and accept lists that silently restrict nothing under ACCEPT_AUTOMATIC",
        fix: 'set publish.connectionPreference: "ACCEPT_MANUAL" with consumerAcceptLists, or leave both unset',
        check: (args) => {
            const publish = publishing(args);
            if (!publish) {
                return [];
            }
            const preference = publish.connectionPreference ?? PscConnectionPreference.AcceptAutomatic;
            if (!CONNECTION_PREFERENCES.includes(preference)) {
                return [
                    {
                        field: "publish.connectionPreference",
                        message: `${excerpt(String(preference))} is not a connection preference (${CONNECTION_PREFERENCES.join(", ")})`,
                        fix: 'use "ACCEPT_MANUAL" to admit only the accept lists, or "ACCEPT_AUTOMATIC" to admit every project',
                    },
                ];
            }
            if (preference === PscConnectionPreference.AcceptAutomatic && (publish.consumerAcceptLists ?? []).length) {
                return [
                    {
                        field: "publish.consumerAcceptLists",
                        message:
                            "accept lists take effect only with ACCEPT_MANUAL: under ACCEPT_AUTOMATIC every project could connect",
                        fix: 'set publish.connectionPreference: "ACCEPT_MANUAL", or remove consumerAcceptLists',
                    },
                ];
            }
            return [];
        },
    },
    {
        id: "psc-manual-without-consumers",
        component: "ApplicationLoadBalancer",
        summary: "ACCEPT_MANUAL without accept lists connects no consumer until someone accepts it by hand",
        prevents: "consumer endpoints left PENDING with nobody told why",
        fix: "list the consumers in publish.consumerAcceptLists",
        severity: "warning",
        check: (args) => {
            const publish = publishing(args);
            return publish?.connectionPreference === PscConnectionPreference.AcceptManual &&
                (publish.consumerAcceptLists ?? []).length === 0
                ? [
                      {
                          field: "publish.consumerAcceptLists",
                          message:
                              "ACCEPT_MANUAL with no accept list: every consumer endpoint stays PENDING until its project is accepted",
                          fix: 'list the consumers, e.g. consumerAcceptLists: [{ project: "consumer-project", connectionLimit: 10 }]',
                      },
                  ]
                : [];
        },
    },
    {
        id: "psc-consumers",
        component: "ApplicationLoadBalancer",
        summary:
            "Accept list entries name one project ID/number or one network URL, with a positive connection limit; reject list entries are project IDs/numbers",
        prevents: "an API 400 on a malformed consumer, or an entry that matches nobody",
        fix: 'write { project: "consumer-project", connectionLimit: 10 } or { network: "projects/p/global/networks/n", connectionLimit: 10 }',
        check: (args) => {
            const publish = publishing(args);
            return publish ? consumerFindings(publish) : [];
        },
    },
    {
        id: "psc-nat-subnet",
        component: "ApplicationLoadBalancer",
        summary:
            "Each PSC NAT subnet range is an IPv4 CIDR of /29 or larger, keyed by a load balancer region, overlapping no other subnet",
        prevents: "`Invalid IPCidrRange` or a conflicting subnetwork at apply",
        fix: 'give each region\'s PSC NAT subnet a free range, e.g. publish.natCidr: "10.130.0.0/24"',
        check: (args) => {
            const publish = publishing(args);
            return publish ? natCidrFindings(args, publish) : [];
        },
    },
    {
        id: "psc-domain-names",
        component: "ApplicationLoadBalancer",
        summary: "At most one domain name, ending in a dot",
        prevents: "an API 400: the service attachment takes at most one domain name, fully qualified",
        fix: 'give one name ending in a dot, e.g. domainNames: ["api.example.internal."]',
        check: (args) => {
            const names = publishing(args)?.domainNames ?? [];
            const findings: Finding[] = [];
            if (names.length > 1) {
                findings.push({
                    field: "publish.domainNames",
                    message: `${names.length} domain names are given: a service attachment takes at most one`,
                    fix: "keep one domain name",
                });
            }
            names.forEach((name, i) => {
                if (!/^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+$/.test(name)) {
                    findings.push({
                        field: `publish.domainNames[${i}]`,
                        message: `${excerpt(name)} is not a lowercase DNS name ending in a dot`,
                        fix: 'write the name fully qualified, e.g. "api.example.internal."',
                    });
                }
            });
            return findings;
        },
    },
    {
        id: "psc-proxy-protocol",
        component: "ApplicationLoadBalancer",
        summary: "PROXY protocol on an Application Load Balancer's attachment is flagged",
        prevents:
            "consumer requests failing because the load balancer's Envoy proxies receive a PROXY header before HTTP (UNCONFIRMED whether they accept it)",
        fix: "leave publish.enableProxyProtocol off; consumers' addresses are not needed to route HTTP",
        severity: "warning",
        check: (args) =>
            publishing(args)?.enableProxyProtocol === true
                ? [
                      {
                          field: "publish.enableProxyProtocol",
                          message:
                              "the PROXY protocol header goes to the load balancer's Envoy proxies, which expect HTTP: whether they accept it is unconfirmed",
                          fix: "leave enableProxyProtocol off unless you have verified that requests still pass",
                      },
                  ]
                : [],
    },
];
