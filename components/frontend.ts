import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { gcpName, replacementSafeName } from "./naming";
import { replacementOptions } from "./replacement";
import { frontendRules } from "./rules/frontend";
import { Scheme, schemeProfile } from "./schemes";
import { failOnProblems, runRules } from "./validation";

/** Network service tier of an external frontend. */
export const NetworkTier = {
    Premium: "PREMIUM",
    Standard: "STANDARD",
} as const;
export type NetworkTier = (typeof NetworkTier)[keyof typeof NetworkTier];

/** A self-managed certificate to upload: PEM certificate chain and its private key. */
export interface SelfManagedCertificateArgs {
    /**
     * PEM certificate (chain).
     * @example "-----BEGIN CERTIFICATE-----\n..."
     */
    certificate: pulumi.Input<string>;
    /**
     * PEM private key. Always stored as a secret.
     * @example config.requireSecret("tlsKey")
     */
    privateKey: pulumi.Input<string>;
}

/**
 * HTTPS on the frontend: at least one certificate source.
 * @see https://cloud.google.com/load-balancing/docs/ssl-certificates
 */
export interface HttpsArgs {
    /**
     * A self-managed certificate to create (regional for regional schemes, global otherwise).
     * @default undefined
     * @example { certificate: cert.certPem, privateKey: key.privateKeyPem }
     */
    certificate?: SelfManagedCertificateArgs;
    /**
     * Ids or self links of existing Compute SSL certificates (regional ones for regional schemes).
     * @default []
     * @example ["projects/p/regions/europe-west1/sslCertificates/internal"]
     */
    certificates?: pulumi.Input<string>[];
    /**
     * Port of the HTTPS forwarding rule.
     * @default 443
     * @example 8443
     */
    port?: number;
}

/** The frontend's IP address. */
export interface AddressArgs {
    /**
     * Reserve a static address (kept stable across changes to the load balancer).
     * @default true
     * @example false
     */
    create?: boolean;
    /**
     * Specific IP to reserve (internal schemes: an unused address in the subnet).
     * @default undefined (GCP picks one)
     * @example "10.1.2.99"
     */
    ip?: string;
    /**
     * Per-region IPs to reserve (cross-region internal).
     * @default {}
     * @example { "europe-west1": "10.1.2.99", "us-central1": "10.1.3.99" }
     */
    ips?: Record<string, string>;
    /**
     * Id, self link or literal IP of an address that already exists; nothing is reserved.
     * @default undefined
     * @example "projects/p/regions/europe-west1/addresses/orders-vip"
     */
    existing?: pulumi.Input<string>;
    /**
     * Keep the reserved address when the load balancer is deleted, so DNS keeps pointing at a stable IP.
     * @default false
     * @example true
     */
    retainOnDelete?: boolean;
}

export interface FrontendArgs {
    /**
     * Load balancer scheme.
     * @example "regional-internal"
     */
    scheme: Scheme;
    /**
     * Project.
     * @default the provider's project
     * @example "my-project"
     */
    project?: pulumi.Input<string>;
    /**
     * Regions with a forwarding rule: one for regional schemes, one per client region for cross-region
     * internal, ignored for external global schemes.
     * @example ["europe-west1"]
     */
    regions?: string[];
    /**
     * Id of the URL map the proxy serves.
     * @example urlMap.id
     */
    urlMap: pulumi.Input<string>;
    /**
     * VPC self link (Envoy-based schemes).
     * @default undefined
     * @example network.network
     */
    network?: pulumi.Input<string>;
    /**
     * Subnet to take internal VIPs from, per region (internal schemes; never the proxy-only subnet).
     * @default {}
     * @example { "europe-west1": subnet.selfLink }
     */
    subnetworks?: pulumi.Input<Record<string, string>>;
    /**
     * Proxy-only subnets the forwarding rules must be created after, per region.
     * @default {}
     * @example network.proxyOnlySubnetworks
     */
    proxyOnlySubnetworks?: pulumi.Input<Record<string, string>>;
    /**
     * Serve HTTPS with these certificates; without it the frontend serves plain HTTP.
     * @default undefined (HTTP on port 80)
     * @example { certificate: { certificate: certPem, privateKey: keyPem } }
     */
    https?: HttpsArgs;
    /**
     * Port of the HTTP forwarding rule when serving plain HTTP.
     * @default 80
     * @example 8080
     */
    httpPort?: number;
    /**
     * The IP address.
     * @default { create: true }
     * @example { ip: "10.1.2.99" }
     */
    address?: AddressArgs;
    /**
     * Let clients in every region reach a regional internal VIP.
     * @default false
     * @example true
     */
    allowGlobalAccess?: boolean;
    /**
     * Network tier of external addresses and forwarding rules.
     * @default "PREMIUM"
     * @example "STANDARD"
     */
    networkTier?: NetworkTier;
    /**
     * Labels on forwarding rules and addresses.
     * @default {}
     * @example { team: "platform" }
     */
    labels?: Record<string, string>;
    /**
     * Prefix of the physical GCP names of the resources created here.
     * @default the component's name, made GCP-valid
     * @example "orders-prod-frontend"
     */
    namePrefix?: string;
}

/**
 * Resource options of a reserved address: its replacement policy, and `retainOnDelete` from
 * `address.retainOnDelete` so a deleted load balancer leaves the IP reserved (DNS keeps working when
 * the load balancer is recreated on `address.existing`).
 */
export function addressOptions(
    resourceClass: typeof compute.Address | typeof compute.GlobalAddress,
    parent: pulumi.Resource,
    address: AddressArgs | undefined,
): pulumi.CustomResourceOptions {
    return replacementOptions(resourceClass, { parent, retainOnDelete: address?.retainOnDelete ?? false });
}

export function validateFrontendArgs(args: FrontendArgs) {
    return runRules(frontendRules, args);
}

/** The regions the frontend puts forwarding rules in ([] for external global schemes). */
export function frontendRegions(args: Pick<FrontendArgs, "scheme" | "regions">): string[] {
    const profile = schemeProfile(args.scheme);
    if (profile.scope === "global" && !profile.internal) {
        return [];
    }
    return profile.scope === "regional" ? (args.regions ?? []).slice(0, 1) : (args.regions ?? []);
}

interface Listener {
    protocol: "HTTP" | "HTTPS";
    port: number;
    proxy: pulumi.Output<string>;
}

/**
 * The frontend of a load balancer: static address(es), certificates, the target proxy and the
 * forwarding rule(s), with the resource kinds and fields the scheme requires.
 */
export class Frontend extends pulumi.ComponentResource {
    /** The first VIP (the only one except for cross-region internal). */
    public readonly ipAddress: pulumi.Output<string>;
    /** VIP per region (internal schemes) or under the key "global". */
    public readonly ipAddresses: pulumi.Output<Record<string, string>>;
    /** Ids of the forwarding rules. */
    public readonly forwardingRuleIds: pulumi.Output<string[]>;
    /** Id of the target proxy serving the URL map. */
    public readonly targetProxyId: pulumi.Output<string>;
    /** `https://<ip>` or `http://<ip>`, with the port when it is not the default. */
    public readonly url: pulumi.Output<string>;

    private readonly physical: string;

    constructor(name: string, args: FrontendArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cloudrun-lb:index:Frontend", name, {}, opts);
        failOnProblems(`Frontend "${name}"`, validateFrontendArgs(args), this);

        this.physical = args.namePrefix ?? gcpName(name);
        const profile = schemeProfile(args.scheme);
        const regional = profile.scope === "regional";
        const region = regional ? args.regions?.[0] : undefined;

        const certificates: pulumi.Input<string>[] = [...(args.https?.certificates ?? [])];
        if (args.https?.certificate) {
            certificates.push(this.createCertificate(name, args, region));
        }

        const listener = this.createListener(name, args, region, certificates);
        const addresses = this.createAddresses(name, args);
        const rules = this.createForwardingRules(name, args, listener, addresses);

        this.targetProxyId = listener.proxy;
        this.ipAddresses = pulumi.output(
            Object.fromEntries(Object.entries(addresses).map(([k, a]) => [k, a.ip])),
        ) as pulumi.Output<Record<string, string>>;
        const first = Object.values(addresses)[0];
        this.ipAddress = first ? first.ip : pulumi.output("");
        this.forwardingRuleIds = pulumi.all(rules.map((r) => r.id));
        const defaultPort = listener.protocol === "HTTPS" ? 443 : 80;
        const portSuffix = listener.port === defaultPort ? "" : `:${listener.port}`;
        this.url = pulumi.interpolate`${listener.protocol.toLowerCase()}://${this.ipAddress}${portSuffix}`;
        this.registerOutputs({
            ipAddress: this.ipAddress,
            ipAddresses: this.ipAddresses,
            forwardingRuleIds: this.forwardingRuleIds,
            targetProxyId: this.targetProxyId,
            url: this.url,
        });
    }

    private createCertificate(name: string, args: FrontendArgs, region: string | undefined): pulumi.Output<string> {
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
            return new compute.RegionSslCertificate(
                `${name}-cert`,
                { name: certName, project: args.project, region, certificate: cert.certificate, privateKey },
                replacementOptions(compute.RegionSslCertificate, { parent: this }),
            ).id;
        }
        return new compute.SSLCertificate(
            `${name}-cert`,
            { name: certName, project: args.project, certificate: cert.certificate, privateKey },
            replacementOptions(compute.SSLCertificate, { parent: this }),
        ).id;
    }

    private createListener(
        name: string,
        args: FrontendArgs,
        region: string | undefined,
        certificates: pulumi.Input<string>[],
    ): Listener {
        const common = { project: args.project, urlMap: args.urlMap };
        if (args.https) {
            const proxyName = gcpName(this.physical, "https-proxy");
            const proxy = region
                ? new compute.RegionTargetHttpsProxy(
                      `${name}-https-proxy`,
                      { ...common, name: proxyName, region, sslCertificates: certificates },
                      replacementOptions(compute.RegionTargetHttpsProxy, { parent: this }),
                  )
                : new compute.TargetHttpsProxy(
                      `${name}-https-proxy`,
                      { ...common, name: proxyName, sslCertificates: certificates },
                      replacementOptions(compute.TargetHttpsProxy, { parent: this }),
                  );
            return { protocol: "HTTPS", port: args.https.port ?? 443, proxy: proxy.id };
        }
        const proxyName = gcpName(this.physical, "http-proxy");
        const proxy = region
            ? new compute.RegionTargetHttpProxy(
                  `${name}-http-proxy`,
                  { ...common, name: proxyName, region },
                  replacementOptions(compute.RegionTargetHttpProxy, { parent: this }),
              )
            : new compute.TargetHttpProxy(
                  `${name}-http-proxy`,
                  { ...common, name: proxyName },
                  replacementOptions(compute.TargetHttpProxy, { parent: this }),
              );
        return { protocol: "HTTP", port: args.httpPort ?? 80, proxy: proxy.id };
    }

    /** One address per region (internal) or one global/regional external address, keyed by region or "global". */
    private createAddresses(
        name: string,
        args: FrontendArgs,
    ): Record<string, { ref: pulumi.Output<string>; ip: pulumi.Output<string> }> {
        const profile = schemeProfile(args.scheme);
        const create = args.address?.create ?? true;
        const tier = args.networkTier ?? "PREMIUM";
        const keys = profile.scope === "global" && !profile.internal ? ["global"] : frontendRegions(args);
        const result: Record<string, { ref: pulumi.Output<string>; ip: pulumi.Output<string> }> = {};
        for (const key of keys) {
            if (args.address?.existing !== undefined) {
                const existing = pulumi.output(args.address.existing);
                result[key] = { ref: existing, ip: existing };
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
                    addressOptions(compute.GlobalAddress, this, args.address),
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
                              replacementSafeName(physical, { region: key, subnetwork: s, address: requested }),
                          )
                        : replacementSafeName(physical, { region: key, tier, address: requested }),
                    project: args.project,
                    region: key,
                    addressType: profile.internal ? "INTERNAL" : "EXTERNAL",
                    subnetwork,
                    address: requested,
                    networkTier: profile.internal ? undefined : tier,
                    labels: args.labels,
                },
                addressOptions(compute.Address, this, args.address),
            );
            result[key] = { ref: address.id, ip: address.address };
        }
        return result;
    }

    private createForwardingRules(
        name: string,
        args: FrontendArgs,
        listener: Listener,
        addresses: Record<string, { ref: pulumi.Output<string>; ip: pulumi.Output<string> }>,
    ): Array<compute.ForwardingRule | compute.GlobalForwardingRule> {
        const profile = schemeProfile(args.scheme);
        const suffix = listener.protocol === "HTTPS" ? "https" : "http";
        const common = {
            project: args.project,
            loadBalancingScheme: profile.loadBalancingScheme,
            ipProtocol: "TCP",
            portRange: String(listener.port),
            target: listener.proxy,
            labels: args.labels,
        };
        // The forwarding rule must be created after the proxy-only subnet (gcp-facts §3.1). Reading the
        // network through the proxy-only subnets' outputs makes the engine order it so, in TS and in
        // any other language.
        const network = args.network
            ? pulumi.all([args.network, args.proxyOnlySubnetworks ?? {}]).apply(([networkLink]) => networkLink)
            : undefined;

        if (profile.scope === "global" && !profile.internal) {
            return [
                new compute.GlobalForwardingRule(
                    `${name}-${suffix}-rule`,
                    { ...common, name: gcpName(this.physical, suffix, "rule"), ipAddress: addresses.global?.ref },
                    replacementOptions(compute.GlobalForwardingRule, { parent: this }),
                ),
            ];
        }
        const regions = frontendRegions(args);
        return regions.map((region) => {
            const logical = regions.length === 1 ? `${name}-${suffix}-rule` : `${name}-${suffix}-rule-${region}`;
            const subnetwork = profile.internal
                ? pulumi.output(args.subnetworks ?? {}).apply((s) => s[region])
                : undefined;
            const ruleName =
                regions.length === 1
                    ? gcpName(this.physical, suffix, "rule")
                    : gcpName(this.physical, suffix, "rule", region);
            if (profile.scope === "global") {
                return new compute.GlobalForwardingRule(
                    logical,
                    { ...common, name: ruleName, network, subnetwork, ipAddress: addresses[region]?.ref },
                    replacementOptions(compute.GlobalForwardingRule, { parent: this }),
                );
            }
            return new compute.ForwardingRule(
                logical,
                {
                    ...common,
                    name: ruleName,
                    region,
                    network,
                    subnetwork,
                    ipAddress: addresses[region]?.ref,
                    networkTier: profile.internal ? "PREMIUM" : (args.networkTier ?? "PREMIUM"),
                    allowGlobalAccess:
                        args.scheme === "regional-internal" ? (args.allowGlobalAccess ?? false) : undefined,
                },
                replacementOptions(compute.ForwardingRule, { parent: this }),
            );
        });
    }
}
