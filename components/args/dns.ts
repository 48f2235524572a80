/** Arguments of the Cloud DNS records the load balancer creates for its addresses. */
import * as pulumi from "@pulumi/pulumi";
import type { ManagedCertificateArgs } from "./certificates";

/**
 * Cloud DNS records for the load balancer: an `A` record per name for its IPv4 address (and `AAAA`
 * with `ipv6`) in a managed zone — a public zone for external schemes, a private zone visible to the
 * VPC for internal ones; cross-region internal gets one record with a geolocation policy that answers
 * each region's clients with that region's VIP. With `https.managedCertificate`, also the DNS
 * authorization CNAMEs, which must be publicly resolvable.
 * @see https://cloud.google.com/dns/docs/records
 */
export interface DnsArgs {
    /**
     * Name of the Cloud DNS managed zone the address records go in (not its DNS name).
     * @example "shop-example-com"
     */
    zone: pulumi.Input<string>;
    /**
     * Project of the zone(s).
     * @default the load balancer's project
     * @example "dns-project"
     */
    project?: pulumi.Input<string>;
    /**
     * Fully qualified names to point at the load balancer (a wildcard such as `*.example.com` is allowed; an absolute
     * name with its trailing dot is the same name).
     * @default the non-wildcard domains of `https.managedCertificate` and `https.managedDomains`
     * @example ["shop.example.com", "www.shop.example.com"]
     */
    names?: string[];
    /**
     * Time to live of the records, in seconds.
     * @default 300
     * @example 60
     */
    ttl?: number;
    /**
     * Name of the public managed zone for the DNS authorization CNAMEs of `https.managedCertificate`
     * (Certificate Manager checks them in public DNS, so a private zone will not do).
     * @default `zone` on external schemes; none on internal schemes (the records are only output)
     * @example "example-com-public"
     */
    authorizationZone?: pulumi.Input<string>;
}

/**
 * A domain name without the one trailing dot of its absolute form (`shop.example.com.` → `shop.example.com`):
 * Cloud DNS names and Google-managed certificate domains are the same name either way.
 */
export function relativeDomain(name: string): string {
    return name.endsWith(".") ? name.slice(0, -1) : name;
}

/**
 * The names `dns` points at the load balancer: `dns.names`, else the non-wildcard domains of the
 * certificates the load balancer creates.
 */
export function dnsRecordNames(args: {
    dns: Pick<DnsArgs, "names">;
    managedCertificate?: Pick<ManagedCertificateArgs, "domains">;
    managedDomains?: string[];
}): string[] {
    if (args.dns.names !== undefined) {
        return [...new Set(args.dns.names.map(relativeDomain))];
    }
    const domains = [...(args.managedCertificate?.domains ?? []), ...(args.managedDomains ?? [])];
    return [...new Set(domains.filter((d) => !d.startsWith("*.")).map(relativeDomain))];
}
