/**
 * Cloud DNS records for a load balancer: which records `dns` asks for (pure), and the builder that
 * creates them under a given parent.
 *
 * - A (and AAAA with IPv6) records for the VIP(s) in the managed zone `dns.zone` (public for external
 *   schemes, private for internal ones). Cross-region internal has one VIP per region: one record with
 *   a geolocation routing policy answers each region's clients with that region's VIP
 *   (https://cloud.google.com/dns/docs/routing-policies-overview).
 * - The DNS authorization CNAMEs of `https.managedCertificate`, in a public zone: Certificate Manager
 *   (an ACME DNS-01 check by a public CA) reads them from public DNS, so they go to
 *   `dns.authorizationZone`, or to `dns.zone` on external schemes; on internal schemes, whose zone is
 *   private, they are only output unless a public zone is named.
 */
import * as pulumi from "@pulumi/pulumi";
import { optionalGcp } from "./gcp-modules";
import type { RecordSet } from "@pulumi/gcp/dns/recordSet";
import { DnsAuthorizationRecord } from "./args/certificates";
import { DnsArgs } from "./args/dns";
import { domainKeys } from "./certificates";
import { BuildScope, childOptions } from "./builder";
import { replacementOptions } from "./replacement";
import { Scheme, schemeProfile } from "./schemes";

export const DEFAULT_DNS_TTL = 300;

/** One address record `dns` creates. */
export interface PlannedAddressRecord {
    /** Logical name suffix: `<domain key>-a` or `<domain key>-aaaa`. */
    key: string;
    /** Fully qualified, with the trailing dot Cloud DNS wants. */
    name: string;
    type: "A" | "AAAA";
    /** Regions of a geolocation policy (cross-region internal with several VIPs), else undefined. */
    geoRegions?: string[];
}

/** The address records for the names, given which VIPs the frontend has. */
export function addressRecordPlan(args: {
    scheme: Scheme;
    names: string[];
    /** Keys of the IPv4 VIPs: regions, or "global". */
    vipKeys: string[];
    ipv6: boolean;
}): PlannedAddressRecord[] {
    const keys = domainKeys(args.names);
    const geo = schemeProfile(args.scheme).internal && args.vipKeys.length > 1 ? args.vipKeys : undefined;
    return args.names.flatMap((domain) => {
        const name = `${domain}.`;
        const key = keys.get(domain)!;
        return [
            { key: `${key}-a`, name, type: "A" as const, ...(geo ? { geoRegions: geo } : {}) },
            ...(args.ipv6 ? [{ key: `${key}-aaaa`, name, type: "AAAA" as const }] : []),
        ];
    });
}

/** The zone the DNS authorization CNAMEs go in, or undefined when they are only output. */
export function authorizationZone(scheme: Scheme, dns: DnsArgs): pulumi.Input<string> | undefined {
    return dns.authorizationZone ?? (schemeProfile(scheme).internal ? undefined : dns.zone);
}

/**
 * Creates the address records (`${name}-dns-<domain>-a`, `-aaaa`) and the DNS authorization CNAMEs
 * (`${name}-dns-auth-record-<domain>`) under `scope.parent`.
 */
export function createDnsRecords(
    name: string,
    args: {
        scheme: Scheme;
        project?: pulumi.Input<string>;
        dns: DnsArgs;
        names: string[];
        /** IPv4 VIP per region, or under "global". */
        vips: Record<string, pulumi.Output<string>>;
        ipv6?: pulumi.Output<string | undefined>;
        authorizations: { key: string; record: pulumi.Output<DnsAuthorizationRecord> }[];
    },
    scope: BuildScope,
): RecordSet[] {
    const project = args.dns.project ?? args.project;
    const ttl = args.dns.ttl ?? DEFAULT_DNS_TTL;
    const options = replacementOptions(optionalGcp.dns.RecordSet, childOptions(scope));
    const vipKeys = Object.keys(args.vips);
    const records = addressRecordPlan({ scheme: args.scheme, names: args.names, vipKeys, ipv6: !!args.ipv6 }).map(
        (record) => {
            const values =
                record.type === "AAAA"
                    ? { rrdatas: [args.ipv6!.apply((ip) => ip ?? "")] }
                    : record.geoRegions
                      ? {
                            routingPolicy: {
                                geos: record.geoRegions.map((region) => ({
                                    location: region,
                                    rrdatas: [args.vips[region]],
                                })),
                            },
                        }
                      : { rrdatas: [args.vips[vipKeys[0]]] };
            return new optionalGcp.dns.RecordSet(
                `${name}-dns-${record.key}`,
                { project, managedZone: args.dns.zone, name: record.name, type: record.type, ttl, ...values },
                options,
            );
        },
    );
    const zone = authorizationZone(args.scheme, args.dns);
    if (zone === undefined) {
        return records;
    }
    for (const authorization of args.authorizations) {
        records.push(
            new optionalGcp.dns.RecordSet(
                `${name}-dns-auth-record-${authorization.key}`,
                {
                    project,
                    managedZone: zone,
                    name: authorization.record.name,
                    type: authorization.record.type,
                    ttl,
                    rrdatas: [authorization.record.data],
                },
                options,
            ),
        );
    }
    return records;
}
