import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { BuildScope, childOptions, createChild } from "./builder";
import { DnsAuthorizationRecord } from "./args/certificates";
import { dnsRecordNames } from "./args/dns";
import { createManagedCertificates, ManagedCertificates } from "./certificates";
import { createDnsRecords } from "./dns";
import { createClientCertificateValidation } from "./mtls";
import { gcpName, replacementSafeName } from "./naming";
import { replacementOptions } from "./replacement";
import {
    AddressArgs,
    FrontendArgs,
    frontendRegions,
    redirectsHttp,
    SslPolicyArgs,
    SslPolicyProfile,
    TlsVersion,
} from "./args/frontend";
import { validateFrontendArgs } from "./rules/frontend";
import { regionalFrontend, schemeProfile, supports } from "./schemes";
import { failOnProblems, known } from "./validation";
import { shapeFirst } from "./shape";

export * from "./args/frontend";
export { validateFrontendArgs };

/**
 * Resource options of a reserved address: its replacement policy, and `retainOnDelete` from
 * `address.retainOnDelete` so a deleted load balancer leaves the IP reserved (DNS keeps working when
 * the load balancer is recreated on `address.existing`).
 */
export function addressOptions(
    resourceClass: typeof compute.Address | typeof compute.GlobalAddress,
    scope: BuildScope,
    address: AddressArgs | undefined,
): pulumi.CustomResourceOptions {
    return replacementOptions(resourceClass, childOptions(scope, { retainOnDelete: address?.retainOnDelete ?? false }));
}

/** The SSL policy a new policy gets, defaults applied (exported for tests and the plan). */
export function sslPolicyInputs(policy: SslPolicyArgs | undefined) {
    const profile = policy?.profile ?? SslPolicyProfile.Modern;
    return {
        profile,
        minTlsVersion: policy?.minTlsVersion ?? TlsVersion.Tls12,
        customFeatures: profile === SslPolicyProfile.Custom ? policy?.customFeatures : undefined,
    };
}

/** The redirect-only URL map: every request to the same URL over HTTPS, query kept, 301. */
export const HTTPS_REDIRECT = {
    httpsRedirect: true,
    redirectResponseCode: "MOVED_PERMANENTLY_DEFAULT",
    stripQuery: false,
} as const;

interface Listener {
    /** `https`, or `http` (plain HTTP, or the redirect listener next to HTTPS). */
    role: "https" | "http";
    port: number;
    proxy: pulumi.Output<string>;
}

interface ReservedAddress {
    ref: pulumi.Output<string>;
    ip: pulumi.Output<string>;
    /** An existing address given by link (its `ip` is the link, not an IP). */
    existing?: boolean;
}

/** Keys of the frontend's IPv4 VIPs: "global" for external global schemes, else its regions. */
export function addressKeys(args: Pick<FrontendArgs, "scheme" | "regions" | "networkTier">): string[] {
    const profile = schemeProfile(args.scheme);
    return profile.scope === "global" && !profile.internal && !regionalFrontend(args.scheme, args.networkTier)
        ? ["global"]
        : frontendRegions(args);
}

const IPV4_LITERAL = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * The IP each VIP key answers on, for DNS: a reserved address's IP, an existing address given as a
 * literal IP, or else (an existing address by link, an ephemeral IP) the forwarding rule's IP.
 */
function recordAddresses(
    keys: string[],
    addresses: Record<string, ReservedAddress>,
    rules: Array<{ ipAddress: pulumi.Output<string> }>,
): Record<string, pulumi.Output<string>> {
    return Object.fromEntries(
        keys.map((key, i) => {
            const address = addresses[key];
            return [key, address && !address.existing ? address.ip : rules[i].ipAddress];
        }),
    );
}

/** What a frontend builder made: the outputs `Frontend` and `ApplicationLoadBalancer` expose. */
export interface FrontendOutputs {
    /** The first VIP (the only one except for cross-region internal). */
    ipAddress: pulumi.Output<string>;
    /** VIP per region (internal schemes) or under the key "global". */
    ipAddresses: pulumi.Output<Record<string, string>>;
    /** The IPv6 address when `ipv6` is on, else undefined. */
    ipv6Address: pulumi.Output<string | undefined>;
    /** Ids of the forwarding rules. */
    forwardingRuleIds: pulumi.Output<string[]>;
    /** Self links of every forwarding rule (what authorization policies target). */
    forwardingRuleSelfLinks: pulumi.Output<string>[];
    /**
     * Id of the main listener's IPv4 forwarding rule per region (HTTPS when on, else HTTP), on schemes with a
     * rule per region (what a Private Service Connect attachment targets); empty on global external and classic.
     */
    mainForwardingRuleIdsByRegion: Record<string, pulumi.Output<string>>;
    /** Id of the target proxy serving the URL map. */
    targetProxyId: pulumi.Output<string>;
    /** Id of the SSL policy on the HTTPS proxy (undefined for plain HTTP). */
    sslPolicyId: pulumi.Output<string | undefined>;
    /** `https://<ip>` or `http://<ip>`, with the port when it is not the default. */
    url: pulumi.Output<string>;
    /** Ids of the Certificate Manager certificates created for `https.managedCertificate`, in domain order. */
    certificateIds: pulumi.Output<string[]>;
    /** Id of the certificate map created for `https.managedCertificate` (global external, classic), else undefined. */
    certificateMapId: pulumi.Output<string | undefined>;
    /** The CNAME per DNS authorization that Certificate Manager must see in public DNS. */
    dnsAuthorizationRecords: pulumi.Output<DnsAuthorizationRecord[]>;
}

/**
 * Creates a frontend's resources under `scope.parent` (named `${name}-<role>`); validates nothing (the
 * component that calls it has).
 */
export function buildFrontend(name: string, args: FrontendArgs, scope: BuildScope): FrontendOutputs {
    return new FrontendBuilder(name, args, scope).build();
}

/**
 * The frontend of a load balancer: static address(es), certificates, SSL policy, the target proxy, the
 * forwarding rule(s) and the HTTP→HTTPS redirect, with the resource kinds and fields the scheme
 * requires.
 *
 * @see https://cloud.google.com/load-balancing/docs/https/setting-up-https-serverless
 */
export class Frontend extends pulumi.ComponentResource {
    /** The first VIP (the only one except for cross-region internal). */
    public readonly ipAddress: pulumi.Output<string>;
    /** VIP per region (internal schemes) or under the key "global". */
    public readonly ipAddresses: pulumi.Output<Record<string, string>>;
    /** The IPv6 address when `ipv6` is on, else undefined. */
    public readonly ipv6Address: pulumi.Output<string | undefined>;
    /** Ids of the forwarding rules. */
    public readonly forwardingRuleIds: pulumi.Output<string[]>;
    /** Id of the target proxy serving the URL map. */
    public readonly targetProxyId: pulumi.Output<string>;
    /** Id of the SSL policy on the HTTPS proxy (undefined for plain HTTP). */
    public readonly sslPolicyId: pulumi.Output<string | undefined>;
    /** `https://<ip>` or `http://<ip>`, with the port when it is not the default. */
    public readonly url: pulumi.Output<string>;
    /** Ids of the Certificate Manager certificates created for `https.managedCertificate`, in domain order. */
    public readonly certificateIds: pulumi.Output<string[]>;
    /** Id of the certificate map created for `https.managedCertificate` (global external, classic), else undefined. */
    public readonly certificateMapId: pulumi.Output<string | undefined>;
    /** The CNAME per DNS authorization that Certificate Manager must see in public DNS. */
    public readonly dnsAuthorizationRecords: pulumi.Output<DnsAuthorizationRecord[]>;

    constructor(name: string, args: FrontendArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cloudrun-lb:index:Frontend", name, {}, opts);
        failOnProblems(`Frontend "${name}"`, shapeFirst("Frontend", args, validateFrontendArgs), this);
        const built = buildFrontend(name, args, { parent: this });
        this.ipAddress = built.ipAddress;
        this.ipAddresses = built.ipAddresses;
        this.ipv6Address = built.ipv6Address;
        this.forwardingRuleIds = built.forwardingRuleIds;
        this.targetProxyId = built.targetProxyId;
        this.sslPolicyId = built.sslPolicyId;
        this.url = built.url;
        this.certificateIds = built.certificateIds;
        this.certificateMapId = built.certificateMapId;
        this.dnsAuthorizationRecords = built.dnsAuthorizationRecords;
        this.registerOutputs({
            certificateIds: this.certificateIds,
            certificateMapId: this.certificateMapId,
            dnsAuthorizationRecords: this.dnsAuthorizationRecords,
            ipAddress: this.ipAddress,
            ipAddresses: this.ipAddresses,
            ipv6Address: this.ipv6Address,
            forwardingRuleIds: this.forwardingRuleIds,
            targetProxyId: this.targetProxyId,
            sslPolicyId: this.sslPolicyId,
            url: this.url,
        });
    }
}

/** The frontend's resources, created under a scope (see {@link buildFrontend}). */
class FrontendBuilder {
    private readonly physical: string;

    constructor(
        private readonly name: string,
        private readonly args: FrontendArgs,
        private readonly scope: BuildScope,
    ) {
        this.physical = args.namePrefix ?? gcpName(name);
    }

    build(): FrontendOutputs {
        const { name, args } = this;
        const profile = schemeProfile(args.scheme);
        const region = profile.scope === "regional" ? args.regions?.[0] : undefined;

        const managed = args.https?.managedCertificate
            ? createManagedCertificates(
                  name,
                  {
                      scheme: args.scheme,
                      region,
                      project: args.project,
                      prefix: this.physical,
                      managedCertificate: args.https.managedCertificate,
                  },
                  this.scope,
              )
            : undefined;
        let sslPolicyId: pulumi.Output<string> | undefined;
        const listeners: Listener[] = [];
        if (args.https) {
            sslPolicyId = this.createSslPolicy(name, args, region);
            listeners.push(this.createHttpsListener(name, args, region, sslPolicyId, managed));
            if (redirectsHttp(args)) {
                listeners.push(this.createRedirectListener(name, args, region));
            }
        } else {
            listeners.push(this.createHttpListener(name, args, region));
        }
        const addresses = this.createAddresses(name, args);
        const ipv6 = args.ipv6 ? this.createIpv6Address(name, args) : undefined;
        const listenerRules = listeners.map((listener) => ({
            v4: this.createForwardingRules(name, args, listener, addresses),
            v6: args.ipv6 ? this.createIpv6ForwardingRule(name, args, listener, ipv6) : undefined,
        }));
        const ipv6Rules = listenerRules.flatMap((r) => (r.v6 ? [r.v6] : []));
        const rules = listenerRules.flatMap((r) => [...r.v4, ...(r.v6 ? [r.v6] : [])]);
        if (args.dns) {
            const v6Rule = listenerRules[0].v6;
            createDnsRecords(
                name,
                {
                    scheme: args.scheme,
                    project: args.project,
                    dns: args.dns,
                    names: dnsRecordNames({
                        dns: args.dns,
                        managedCertificate: args.https?.managedCertificate,
                        managedDomains: args.https?.managedDomains,
                    }),
                    vips: recordAddresses(addressKeys(args), addresses, listenerRules[0].v4),
                    ipv6: v6Rule
                        ? ipv6 && args.address?.existingIpv6 === undefined
                            ? ipv6.ip
                            : v6Rule.ipAddress
                        : undefined,
                    authorizations: managed?.authorizations ?? [],
                },
                this.scope,
            );
        }

        const main = listeners[0];
        const first = Object.values(addresses)[0];
        const ipAddress = first ? first.ip : pulumi.output("");
        const defaultPort = main.role === "https" ? 443 : 80;
        const portSuffix = main.port === defaultPort ? "" : `:${main.port}`;
        return {
            ipAddress,
            ipAddresses: pulumi.output(
                Object.fromEntries(Object.entries(addresses).map(([k, a]) => [k, a.ip])),
            ) as pulumi.Output<Record<string, string>>,
            // An ephemeral IPv6 (regional external without address.existingIpv6) is the rule's own address.
            ipv6Address: ipv6 ? ipv6.ip : ipv6Rules.length > 0 ? ipv6Rules[0].ipAddress : pulumi.output(undefined),
            forwardingRuleIds: pulumi.all(rules.map((r) => r.id)),
            forwardingRuleSelfLinks: rules.map((r) => r.selfLink),
            mainForwardingRuleIdsByRegion: Object.fromEntries(
                addressKeys(args)
                    .filter((key) => key !== "global")
                    .map((region, i) => [region, listenerRules[0].v4[i].id]),
            ),
            targetProxyId: main.proxy,
            sslPolicyId: sslPolicyId ?? pulumi.output(undefined),
            url: pulumi.interpolate`${main.role}://${ipAddress}${portSuffix}`,
            certificateIds: pulumi.all(managed?.certificateIds ?? []),
            certificateMapId: managed?.certificateMapId ?? pulumi.output(undefined),
            dnsAuthorizationRecords: pulumi.all((managed?.authorizations ?? []).map((a) => a.record)),
        };
    }

    private createSelfManagedCertificate(
        name: string,
        args: FrontendArgs,
        region: string | undefined,
    ): pulumi.Output<string> {
        const cert = args.https!.certificate!;
        const privateKey = pulumi.secret(cert.privateKey);
        // The name hashes the certificate and key so a new pair gets a new resource, created before the
        // proxy is repointed and the old one deleted. The digest reveals nothing of the key.
        const certName = pulumi.unsecret(
            pulumi
                .all([cert.certificate, privateKey])
                .apply(([certificate, key]) =>
                    replacementSafeName([this.physical, "cert"], { region, certificate, key }),
                ),
        );
        if (region) {
            return createChild(
                compute.RegionSslCertificate,
                `${name}-cert`,
                { name: certName, project: args.project, region, certificate: cert.certificate, privateKey },
                this.scope,
            ).id;
        }
        return createChild(
            compute.SSLCertificate,
            `${name}-cert`,
            { name: certName, project: args.project, certificate: cert.certificate, privateKey },
            this.scope,
        ).id;
    }

    /** A Google-managed certificate; its name hashes the domains, which GCP cannot change in place. */
    private createManagedCertificate(name: string, args: FrontendArgs): pulumi.Output<string> {
        const domains = args.https!.managedDomains!;
        return createChild(
            compute.ManagedSslCertificate,
            `${name}-managed-cert`,
            {
                name: replacementSafeName([this.physical, "managed-cert"], { domains }),
                project: args.project,
                type: "MANAGED",
                managed: { domains },
            },
            this.scope,
        ).id;
    }

    private createSslPolicy(
        name: string,
        args: FrontendArgs,
        region: string | undefined,
    ): pulumi.Output<string> | undefined {
        const policy = args.https?.sslPolicy;
        if (policy?.none === true) {
            return undefined;
        }
        if (policy?.existing !== undefined) {
            return pulumi.output(policy.existing);
        }
        const common = {
            name: gcpName(this.physical, "ssl-policy"),
            project: args.project,
            ...sslPolicyInputs(policy),
        };
        return region
            ? createChild(compute.RegionSslPolicy, `${name}-ssl-policy`, { ...common, region }, this.scope).id
            : createChild(compute.SSLPolicy, `${name}-ssl-policy`, common, this.scope).id;
    }

    private createHttpsListener(
        name: string,
        args: FrontendArgs,
        region: string | undefined,
        sslPolicy: pulumi.Output<string> | undefined,
        managed: ManagedCertificates | undefined,
    ): Listener {
        const https = args.https!;
        // Created certificates are referenced directly where the scheme takes them so (regional, cross-region
        // internal), after any the user gives; on global external and classic they come through the map.
        const created = managed && !managed.certificateMap ? managed.certificateIds : [];
        const certificateManagerCertificates =
            https.certificateManagerCertificates !== undefined || created.length > 0
                ? [...(https.certificateManagerCertificates ?? []), ...created]
                : undefined;
        const sslCertificates: pulumi.Input<string>[] = [...(https.certificates ?? [])];
        if (https.certificate) {
            sslCertificates.push(this.createSelfManagedCertificate(name, args, region));
        }
        if (https.managedDomains && https.managedDomains.length > 0) {
            sslCertificates.push(this.createManagedCertificate(name, args));
        }
        const serverTlsPolicy = https.clientCertificates
            ? createClientCertificateValidation(
                  name,
                  {
                      scheme: args.scheme,
                      region,
                      project: args.project,
                      prefix: this.physical,
                      clientCertificates: https.clientCertificates,
                  },
                  this.scope,
              ).serverTlsPolicyId
            : undefined;
        const common = {
            name: gcpName(this.physical, "https-proxy"),
            project: args.project,
            urlMap: args.urlMap,
            sslCertificates: sslCertificates.length > 0 ? sslCertificates : undefined,
            certificateManagerCertificates,
            sslPolicy,
            serverTlsPolicy,
        };
        const proxy = region
            ? createChild(compute.RegionTargetHttpsProxy, `${name}-https-proxy`, { ...common, region }, this.scope)
            : createChild(
                  compute.TargetHttpsProxy,
                  `${name}-https-proxy`,
                  {
                      ...common,
                      certificateMap: https.certificateMap ?? managed?.certificateMap,
                      quicOverride: https.quic,
                  },
                  this.scope,
              );
        return { role: "https", port: https.port ?? 443, proxy: proxy.id };
    }

    private createHttpListener(name: string, args: FrontendArgs, region: string | undefined): Listener {
        const common = { name: gcpName(this.physical, "http-proxy"), project: args.project, urlMap: args.urlMap };
        const proxy = region
            ? createChild(compute.RegionTargetHttpProxy, `${name}-http-proxy`, { ...common, region }, this.scope)
            : createChild(compute.TargetHttpProxy, `${name}-http-proxy`, common, this.scope);
        return { role: "http", port: args.httpPort ?? 80, proxy: proxy.id };
    }

    /** Plain HTTP answered with a redirect to HTTPS: its own URL map and HTTP proxy. */
    private createRedirectListener(name: string, args: FrontendArgs, region: string | undefined): Listener {
        const mapArgs = {
            name: gcpName(this.physical, "redirect-url-map"),
            project: args.project,
            defaultUrlRedirect: HTTPS_REDIRECT,
        };
        const urlMap = region
            ? createChild(compute.RegionUrlMap, `${name}-redirect-url-map`, { ...mapArgs, region }, this.scope).id
            : createChild(compute.URLMap, `${name}-redirect-url-map`, mapArgs, this.scope).id;
        const proxyArgs = { name: gcpName(this.physical, "redirect-proxy"), project: args.project, urlMap };
        const proxy = region
            ? createChild(compute.RegionTargetHttpProxy, `${name}-redirect-proxy`, { ...proxyArgs, region }, this.scope)
            : createChild(compute.TargetHttpProxy, `${name}-redirect-proxy`, proxyArgs, this.scope);
        return { role: "http", port: args.httpPort ?? 80, proxy: proxy.id };
    }

    /** One address per region (internal) or one global/regional external address, keyed by region or "global". */
    private createAddresses(name: string, args: FrontendArgs): Record<string, ReservedAddress> {
        const profile = schemeProfile(args.scheme);
        const create = args.address?.create ?? true;
        const tier = args.networkTier ?? "PREMIUM";
        // Two internal forwarding rules (HTTPS and its redirect) may share an IP only if it is reserved
        // for sharing (https://cloud.google.com/load-balancing/docs/forwarding-rule-concepts). Internal VIPs are always reserved so, redirect or not: GCP's own
        // procedure starts with "a regular internal HTTPS load balancer with a reserved shared internal IP
        // address" and adds the redirect's rule later, and an address's purpose cannot change in place —
        // tying it to the redirect would replace the address on every toggle, which fails create-first
        // for a fixed address.ip (GCP refuses a second reservation of the same IP).
        const purpose = profile.internal ? "SHARED_LOADBALANCER_VIP" : undefined;
        const keys = addressKeys(args);
        const result: Record<string, ReservedAddress> = {};
        for (const key of keys) {
            if (args.address?.existing !== undefined) {
                const existing = pulumi.output(args.address.existing);
                const literal = IPV4_LITERAL.test(known(args.address.existing) ?? "");
                result[key] = { ref: existing, ip: existing, existing: !literal };
                continue;
            }
            if (!create) {
                continue;
            }
            const logical = keys.length === 1 ? `${name}-address` : `${name}-address-${key}`;
            const physical = keys.length === 1 ? [this.physical, "address"] : [this.physical, "address", key];
            const requested = args.address?.ips?.[key] ?? (keys.length === 1 ? args.address?.ip : undefined);
            if (key === "global") {
                const inputs = { addressType: "EXTERNAL", ipVersion: "IPV4" };
                const address = new compute.GlobalAddress(
                    logical,
                    {
                        name: replacementSafeName(physical, inputs),
                        project: args.project,
                        ...inputs,
                        labels: args.labels,
                    },
                    addressOptions(compute.GlobalAddress, this.scope, args.address),
                );
                result[key] = { ref: address.id, ip: address.address };
                continue;
            }
            const subnetwork = profile.internal
                ? pulumi.output(args.subnetworks ?? {}).apply((s) => s[key])
                : undefined;
            const address = new compute.Address(
                logical,
                {
                    name: subnetwork
                        ? subnetwork.apply((s) =>
                              replacementSafeName(physical, {
                                  region: key,
                                  subnetwork: s,
                                  address: requested,
                                  purpose,
                              }),
                          )
                        : replacementSafeName(physical, { region: key, tier, address: requested }),
                    project: args.project,
                    region: key,
                    addressType: profile.internal ? "INTERNAL" : "EXTERNAL",
                    subnetwork,
                    address: requested,
                    purpose,
                    networkTier: profile.internal ? undefined : tier,
                    labels: args.labels,
                },
                addressOptions(compute.Address, this.scope, args.address),
            );
            result[key] = { ref: address.id, ip: address.address };
        }
        return result;
    }

    /**
     * The IPv6 address of a dual-stack frontend: existing, reserved (global), or none (ephemeral). A
     * regional external frontend takes its IPv6 from its dual-stack subnet's external range; without
     * `address.existingIpv6` its forwarding rule gets an ephemeral one, because the Compute API's regional
     * IPv6 reservations name VM or NETLB endpoints only (Address.ipv6EndpointType), none for an
     * Application Load Balancer (UNCONFIRMED which one GCP would accept).
     */
    private createIpv6Address(name: string, args: FrontendArgs): ReservedAddress | undefined {
        if (args.address?.existingIpv6 !== undefined) {
            const existing = pulumi.output(args.address.existingIpv6);
            return { ref: existing, ip: existing };
        }
        if (args.address?.create === false || regionalFrontend(args.scheme, args.networkTier)) {
            return undefined;
        }
        const inputs = { addressType: "EXTERNAL", ipVersion: "IPV6" };
        const address = new compute.GlobalAddress(
            `${name}-address-ipv6`,
            {
                name: replacementSafeName([this.physical, "address-ipv6"], inputs),
                project: args.project,
                ...inputs,
                labels: args.labels,
            },
            addressOptions(compute.GlobalAddress, this.scope, args.address),
        );
        return { ref: address.id, ip: address.address };
    }

    /**
     * The VPC, read through the proxy-only subnets' outputs: a forwarding rule must be created after the
     * proxy-only subnet (https://cloud.google.com/load-balancing/docs/proxy-only-subnets), and reading the network this way makes the engine order it so,
     * in TS and in any other language.
     */
    private networkAfterProxyOnlySubnets(args: FrontendArgs): pulumi.Output<string> | undefined {
        return args.network
            ? pulumi.all([args.network, args.proxyOnlySubnetworks ?? {}]).apply(([networkLink]) => networkLink)
            : undefined;
    }

    private forwardingRuleCommon(args: FrontendArgs, listener: Listener) {
        return {
            project: args.project,
            loadBalancingScheme: schemeProfile(args.scheme).loadBalancingScheme,
            ipProtocol: "TCP",
            portRange: String(listener.port),
            target: listener.proxy,
            labels: args.labels,
        };
    }

    private createIpv6ForwardingRule(
        name: string,
        args: FrontendArgs,
        listener: Listener,
        address: ReservedAddress | undefined,
    ): compute.ForwardingRule | compute.GlobalForwardingRule {
        const region = regionalFrontend(args.scheme, args.networkTier) ? frontendRegions(args)[0] : undefined;
        if (region !== undefined) {
            // "A subnetwork must be specified … when creating external forwarding rule with IPv6" (provider):
            // the load balancer's dual-stack subnet with an external IPv6 range.
            return createChild(
                compute.ForwardingRule,
                `${name}-${listener.role}-rule-ipv6`,
                {
                    ...this.forwardingRuleCommon(args, listener),
                    name: gcpName(this.physical, listener.role, "rule", "ipv6"),
                    region,
                    network: this.networkAfterProxyOnlySubnets(args),
                    subnetwork: pulumi.output(args.subnetworks ?? {}).apply((s) => s[region]),
                    ipAddress: address?.ref,
                    ipVersion: address ? undefined : "IPV6",
                    networkTier: "PREMIUM",
                },
                this.scope,
            );
        }
        return createChild(
            compute.GlobalForwardingRule,
            `${name}-${listener.role}-rule-ipv6`,
            {
                ...this.forwardingRuleCommon(args, listener),
                name: gcpName(this.physical, listener.role, "rule", "ipv6"),
                // With a reserved address the version is the address's; an ephemeral one must be asked for.
                ipAddress: address?.ref,
                ipVersion: address ? undefined : "IPV6",
            },
            this.scope,
        );
    }

    private createForwardingRules(
        name: string,
        args: FrontendArgs,
        listener: Listener,
        addresses: Record<string, ReservedAddress>,
    ): Array<compute.ForwardingRule | compute.GlobalForwardingRule> {
        const profile = schemeProfile(args.scheme);
        const role = listener.role;
        const common = this.forwardingRuleCommon(args, listener);
        const network = this.networkAfterProxyOnlySubnets(args);

        // Global external and classic in Premium Tier; classic in Standard Tier has regional rules.
        if (profile.scope === "global" && !profile.internal && !regionalFrontend(args.scheme, args.networkTier)) {
            return [
                createChild(
                    compute.GlobalForwardingRule,
                    `${name}-${role}-rule`,
                    { ...common, name: gcpName(this.physical, role, "rule"), ipAddress: addresses.global?.ref },
                    this.scope,
                ),
            ];
        }
        const regions = frontendRegions(args);
        return regions.map((region) => {
            const logical = regions.length === 1 ? `${name}-${role}-rule` : `${name}-${role}-rule-${region}`;
            const subnetwork = profile.internal
                ? pulumi.output(args.subnetworks ?? {}).apply((s) => s[region])
                : undefined;
            const ruleName =
                regions.length === 1
                    ? gcpName(this.physical, role, "rule")
                    : gcpName(this.physical, role, "rule", region);
            if (profile.scope === "global" && profile.internal) {
                return createChild(
                    compute.GlobalForwardingRule,
                    logical,
                    { ...common, name: ruleName, network, subnetwork, ipAddress: addresses[region]?.ref },
                    this.scope,
                );
            }
            return createChild(
                compute.ForwardingRule,
                logical,
                {
                    ...common,
                    name: ruleName,
                    region,
                    network,
                    subnetwork,
                    ipAddress: addresses[region]?.ref,
                    networkTier: profile.internal ? "PREMIUM" : (args.networkTier ?? "PREMIUM"),
                    allowGlobalAccess: supports(args.scheme, "allowGlobalAccess")
                        ? (args.allowGlobalAccess ?? false)
                        : undefined,
                },
                this.scope,
            );
        });
    }
}
