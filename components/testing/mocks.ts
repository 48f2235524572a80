/**
 * Pulumi mocks that record every registration and answer like GCP would: ids, self links and
 * addresses in GCP's formats, so a program's outputs and URL maps read as they would after `pulumi up`.
 * Used by the offline plan and by the tests.
 */
import * as pulumi from "@pulumi/pulumi";

/** One registered resource, as the plan prints it. */
export interface RecordedResource {
    type: string;
    name: string;
    /** `<type>::<name>` of the parent, or undefined for the stack itself. */
    parent?: string;
    /** URN as the mock monitor makes it (its parent part keeps only the parent's own type). */
    urn: string;
    /** URN as the Pulumi engine makes it: the whole chain of parent types, as in a stack's state. */
    engineUrn: string;
    custom: boolean;
    /** Inputs as the program passed them, secrets replaced by "[secret]". */
    inputs: Record<string, unknown>;
    /** Inputs with secret values in the clear, for assertions in tests. Never printed. */
    rawInputs: Record<string, unknown>;
    /** URNs this resource depends on (dependsOn and every output it reads). */
    dependencies: string[];
    id: string;
    /** The resource options the engine would see that tests assert (undefined when not set). */
    options: RecordedOptions;
    /** The engine URNs this resource's `aliases` resolve to: the identities it had in earlier programs. */
    aliases: string[];
}

/** Resource options as sent to the engine (the mocks' newResource is not given them). */
export interface RecordedOptions {
    deleteBeforeReplace?: boolean;
    retainOnDelete?: boolean;
    protect?: boolean;
}

export interface Recorder {
    /** Every registration, in the order the mocks saw them. */
    resources: RecordedResource[];
    /** Every data-source call, in order. */
    calls: RecordedCall[];
    /** The project, region and zone the mocks answer for. */
    location: MockLocation;
    /** Cloud resources only (no components, providers or the stack). */
    cloudResources(): RecordedResource[];
    /** The registrations of one type token, e.g. `gcp:compute/uRLMap:URLMap`. */
    ofType(type: string): RecordedResource[];
    /** Same as {@link Recorder.ofType}. */
    byType(type: string): RecordedResource[];
    /** The one resource of a type with that logical name; throws if absent. */
    get(type: string, name: string): RecordedResource;
    /**
     * The one resource of a type (with that logical name, when given); throws, naming what was registered, when
     * there is none or more than one — so `recorder.one("gcp:compute/uRLMap:URLMap")` asserts "exactly one".
     */
    one(type: string, name?: string): RecordedResource;
    /** The one resource with that logical name, whatever its type; throws when there is none or several. */
    named(name: string): RecordedResource;
}

export const MOCK_PROJECT = "mock-project";
export const MOCK_PROJECT_NUMBER = "123456789012";

const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Turns the wire form of inputs into plain JSON for display: secrets hidden, references as URNs. */
export function displayValue(value: unknown): unknown {
    if (value === UNKNOWN) {
        return "[unknown]";
    }
    if (Array.isArray(value)) {
        return value.map(displayValue);
    }
    if (value && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (record[SIG_KEY] === SECRET_SIG) {
            return "[secret]";
        }
        if (record[SIG_KEY] === RESOURCE_SIG) {
            return record.urn;
        }
        return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, displayValue(v)]));
    }
    return value;
}

/** The wire form with secret values in the clear (for test assertions only). */
export function revealValue(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(revealValue);
    }
    if (value && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (record[SIG_KEY] === SECRET_SIG) {
            return revealValue(record.value);
        }
        return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, revealValue(v)]));
    }
    return value;
}

/** Where the mocks place resources that do not say: the project, region and zone. */
export interface MockLocation {
    project: string;
    projectNumber: string;
    region: string;
    zone: string;
    /**
     * The ranges of the subnetworks created so far, by id and self link: an internal address in one of them is
     * given a host of its range, as GCP allocates it.
     */
    subnetworkRanges?: Map<string, string>;
}

/** Compute kinds that live in a region or zone although their type token does not say so (no Region prefix). */
const computeScopes: Record<string, "regional" | "zonal"> = {
    Address: "regional",
    ForwardingRule: "regional",
    Subnetwork: "regional",
    Router: "regional",
    RouterNat: "regional",
    VpnGateway: "regional",
    HaVpnGateway: "regional",
    VpnTunnel: "regional",
    ExternalVpnGateway: "regional",
    ServiceAttachment: "regional",
    PacketMirroring: "regional",
    Instance: "zonal",
    InstanceGroup: "zonal",
    InstanceGroupManager: "zonal",
    NetworkEndpointGroup: "zonal",
    NetworkEndpoint: "zonal",
    NetworkEndpoints: "zonal",
    Disk: "zonal",
};

/** Compute kinds whose collection is not the plural of the kind. */
const computeCollectionNames: Record<string, string> = {
    ManagedSslCertificate: "sslCertificates",
    GlobalNetworkEndpoint: "networkEndpoints",
    RegionNetworkEndpoint: "networkEndpoints",
};

/** `URLMap` → `urlMap`, `BackendBucket` → `backendBucket`: the camelCase GCP uses in collection names. */
function lowerCamel(kind: string): string {
    const lead = /^[A-Z]+(?=[A-Z][a-z]|$)/.exec(kind)?.[0];
    return lead ? lead.toLowerCase() + kind.slice(lead.length) : kind[0].toLowerCase() + kind.slice(1);
}

function plural(word: string): string {
    if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
    if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
    return `${word}s`;
}

/** The GCP collection and scope of a compute kind, derived from its type token's resource name. */
export function computeCollection(kind: string): { collection: string; scope: "global" | "regional" | "zonal" } {
    const base = kind.replace(/^(Region|Global)(?=[A-Z])/, "");
    const collection = computeCollectionNames[kind] ?? plural(lowerCamel(base));
    const scope = kind.startsWith("Region")
        ? "regional"
        : kind.startsWith("Global")
          ? "global"
          : (computeScopes[kind] ?? "global");
    return { collection, scope };
}

/** A stable 10-hex-digit value for computed ids and hashes, so the same program plans identically. */
function stableHex(text: string, length = 10): string {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) {
        h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    }
    let out = "";
    while (out.length < length) {
        h = Math.imul(h ^ out.length, 16777619) >>> 0;
        out += h.toString(16).padStart(8, "0");
    }
    return out.slice(0, length);
}

const COMPUTE = "https://www.googleapis.com/compute/v1/";

/** A `run.app` URL in Cloud Run's form (fixed hash, region shortened to its first two letters). */
function cloudRunUri(service: string, region: string): string {
    return `https://${service}-abcdefghij-${region.split("-")[0].slice(0, 2)}.a.run.app`;
}

function computeState(
    kind: string,
    physical: string,
    inputs: Record<string, any>,
    at: MockLocation,
): { id: string; state: Record<string, unknown> } {
    const { collection, scope } = computeCollection(kind);
    const project = inputs.project ?? at.project;
    const region = inputs.region ?? at.region;
    const zone = inputs.zone ?? at.zone;
    const location = scope === "global" ? "global" : scope === "regional" ? `regions/${region}` : `zones/${zone}`;
    const id = `projects/${project}/${location}/${collection}/${physical}`;
    const state: Record<string, unknown> = {
        ...inputs,
        name: physical,
        project,
        selfLink: `${COMPUTE}${id}`,
        creationTimestamp: "2024-01-01T00:00:00.000-00:00",
    };
    if (scope === "regional") state.region = region;
    if (scope === "zonal") state.zone = zone;
    if (kind === "Address" || kind === "GlobalAddress") {
        const internal = inputs.addressType === "INTERNAL";
        const subnetworkRange = internal ? at.subnetworkRanges?.get(inputs.subnetwork) : undefined;
        state.address =
            inputs.address ??
            (internal
                ? ((subnetworkRange && hostOf(subnetworkRange, 10)) ?? "10.1.2.10")
                : inputs.ipVersion === "IPV6"
                  ? "2001:db8::10"
                  : kind === "Address"
                    ? "203.0.113.20"
                    : "203.0.113.10");
    }
    if (kind === "ForwardingRule" || kind === "GlobalForwardingRule") {
        state.ipAddress = inputs.ipAddress;
        state.pscConnectionId = undefined;
    }
    if (kind === "Instance") {
        state.networkInterfaces = inputs.networkInterfaces;
        state.instanceId = String(parseInt(stableHex(physical, 8), 16));
    }
    if (kind === "Network") {
        state.gatewayIpv4 = "10.0.0.1";
    }
    if (kind === "Subnetwork") {
        state.gatewayAddress = typeof inputs.ipCidrRange === "string" ? hostOf(inputs.ipCidrRange, 1) : undefined;
        if (typeof inputs.ipCidrRange === "string") {
            at.subnetworkRanges?.set(id, inputs.ipCidrRange).set(`${COMPUTE}${id}`, inputs.ipCidrRange);
        }
    }
    if (kind === "ManagedSslCertificate" || kind === "SSLCertificate" || kind === "RegionSslCertificate") {
        state.certificateId = parseInt(stableHex(physical, 8), 16);
        state.expireTime = "2030-01-01T00:00:00.000-00:00";
    }
    if (kind === "BackendService" || kind === "RegionBackendService" || kind === "SSLPolicy" || kind === "URLMap") {
        state.fingerprint = stableHex(id, 12);
    }
    if (kind === "URLMap" || kind === "RegionUrlMap") {
        state.mapId = parseInt(stableHex(id, 8), 16);
    }
    if (kind === "BackendService" || kind === "RegionBackendService") {
        state.generatedId = parseInt(stableHex(id, 8), 16);
    }
    return { id, state };
}

function hostOf(cidr: string, offset: number): string | undefined {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\//.exec(cidr);
    return m ? `${m[1]}.${m[2]}.${m[3]}.${Number(m[4]) + offset}` : undefined;
}

/** DNS names end with a dot in Cloud DNS. */
function fqdn(domain: string): string {
    return domain.endsWith(".") ? domain : `${domain}.`;
}

/**
 * The id and state GCP would return for a resource: compute kinds get a self link in GCP's URL form derived from
 * the type token (`projects/<p>/global|regions/<r>|zones/<z>/<collection>/<name>`); the kinds users put next
 * to a load balancer get their computed fields; any other kind gets an id in GCP's resource-name form.
 */
export function mockResourceState(
    type: string,
    name: string,
    inputs: Record<string, any>,
    at: MockLocation,
): { id: string; state: Record<string, unknown> } {
    const physical: string = typeof inputs.name === "string" ? inputs.name : name;
    const [pkg, modulePath = "", kind = ""] = type.split(":");
    const module = modulePath.split("/")[0];
    if (pkg === "gcp" && module === "compute") {
        return computeState(kind, physical, inputs, at);
    }
    if (pkg === "gcp") {
        return gcpState(module, kind, name, physical, inputs, at);
    }
    if (pkg === "tls") {
        return tlsState(kind, name, inputs);
    }
    if (pkg === "random") {
        return randomState(kind, name, inputs);
    }
    return { id: `${physical}-id`, state: { ...inputs, name: physical } };
}

function gcpState(
    module: string,
    kind: string,
    logical: string,
    physical: string,
    inputs: Record<string, any>,
    at: MockLocation,
): { id: string; state: Record<string, unknown> } {
    const project: string = inputs.project ?? at.project;
    const base = { ...inputs, name: physical, project };
    const location: string | undefined = inputs.location ?? inputs.region;
    switch (`${module}:${kind}`) {
        case "cloudrunv2:Service":
        case "cloudrunv2:Job": {
            const region = inputs.location ?? at.region;
            const collection = kind === "Service" ? "services" : "jobs";
            const uri = cloudRunUri(physical, region);
            return {
                id: `projects/${project}/locations/${region}/${collection}/${physical}`,
                state: {
                    ...base,
                    location: region,
                    uid: stableHex(`${project}/${physical}`, 32),
                    ...(kind === "Service" ? { uri, urls: [uri] } : {}),
                },
            };
        }
        case "cloudrun:Service": {
            const region = inputs.location ?? at.region;
            return {
                id: `locations/${region}/namespaces/${project}/services/${physical}`,
                state: { ...base, location: region, statuses: [{ url: cloudRunUri(physical, region) }] },
            };
        }
        case "storage:Bucket":
            return {
                id: physical,
                state: {
                    ...base,
                    url: `gs://${physical}`,
                    selfLink: `https://www.googleapis.com/storage/v1/b/${physical}`,
                },
            };
        case "storage:BucketObject":
            return {
                id: `${inputs.bucket}-${physical}`,
                state: {
                    ...base,
                    selfLink: `https://www.googleapis.com/storage/v1/b/${inputs.bucket}/o/${physical}`,
                    mediaLink: `https://storage.googleapis.com/download/storage/v1/b/${inputs.bucket}/o/${physical}?alt=media`,
                },
            };
        case "dns:ManagedZone":
            return {
                id: `projects/${project}/managedZones/${physical}`,
                state: {
                    ...base,
                    managedZoneId: parseInt(stableHex(physical, 8), 16),
                    nameServers: ["ns-cloud-a1.googledomains.com.", "ns-cloud-a2.googledomains.com."],
                },
            };
        case "dns:RecordSet":
            return {
                id: `projects/${project}/managedZones/${inputs.managedZone}/rrsets/${physical}/${inputs.type}`,
                state: base,
            };
        case "certificatemanager:DnsAuthorization": {
            const domain = String(inputs.domain ?? physical);
            const location = inputs.location ?? "global";
            const type = inputs.type ?? (location === "global" ? "FIXED_RECORD" : "PER_PROJECT_RECORD");
            return {
                id: `projects/${project}/locations/${inputs.location ?? "global"}/dnsAuthorizations/${physical}`,
                state: {
                    ...base,
                    location: inputs.location ?? "global",
                    dnsResourceRecords: [
                        {
                            // GCP's forms: FIXED_RECORD (the global default) `_acme-challenge.<domain>.`,
                            // PER_PROJECT_RECORD `_acme-challenge_<project-specific label>.<domain>.`.
                            name:
                                type === "FIXED_RECORD"
                                    ? `_acme-challenge.${fqdn(domain)}`
                                    : `_acme-challenge_${stableHex(`${project}/${domain}`, 16)}.${fqdn(domain)}`,
                            type: "CNAME",
                            data: `${stableHex(domain, 12)}.${parseInt(stableHex(project, 2), 16) % 10}.authorize.certificatemanager.goog.`,
                        },
                    ],
                },
            };
        }
        case "certificatemanager:Certificate":
        case "certificatemanager:CertificateMap":
        case "certificatemanager:TrustConfig":
        case "certificatemanager:CertificateIssuanceConfig": {
            const loc = inputs.location ?? "global";
            return {
                id: `projects/${project}/locations/${loc}/${plural(lowerCamel(kind))}/${physical}`,
                state: { ...base, location: loc },
            };
        }
        case "certificatemanager:CertificateMapEntry":
            return {
                id: `projects/${project}/locations/global/certificateMaps/${inputs.map}/certificateMapEntries/${physical}`,
                state: base,
            };
        case "serviceaccount:Account": {
            const email = `${inputs.accountId ?? physical}@${project}.iam.gserviceaccount.com`;
            return {
                id: `projects/${project}/serviceAccounts/${email}`,
                state: {
                    ...base,
                    name: `projects/${project}/serviceAccounts/${email}`,
                    email,
                    member: `serviceAccount:${email}`,
                    uniqueId: String(parseInt(stableHex(email, 8), 16)),
                },
            };
        }
        case "projects:Service":
            return { id: `${project}/${inputs.service}`, state: base };
        case "secretmanager:Secret":
            return {
                id: `projects/${project}/secrets/${inputs.secretId ?? physical}`,
                state: { ...base, name: `projects/${at.projectNumber}/secrets/${inputs.secretId ?? physical}` },
            };
        case "secretmanager:SecretVersion":
            return {
                id: `${inputs.secret}/versions/1`,
                state: { ...inputs, name: `${inputs.secret}/versions/1`, version: "1" },
            };
    }
    if (/Iam(Member|Binding|Policy)$/.test(kind)) {
        return { id: `${logical}-iam`, state: { ...inputs, etag: `BwY${stableHex(logical, 8)}` } };
    }
    const collection = plural(lowerCamel(kind));
    const id = location
        ? `projects/${project}/locations/${location}/${collection}/${physical}`
        : `projects/${project}/${collection}/${physical}`;
    return { id, state: base };
}

function tlsState(
    kind: string,
    name: string,
    inputs: Record<string, any>,
): { id: string; state: Record<string, unknown> } {
    if (kind === "PrivateKey") {
        return {
            id: `${name}-id`,
            state: {
                ...inputs,
                privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMOCK-KEY-" + name + "\n-----END PRIVATE KEY-----\n",
                publicKeyPem: "-----BEGIN PUBLIC KEY-----\nMOCK\n-----END PUBLIC KEY-----\n",
            },
        };
    }
    if (kind === "SelfSignedCert" || kind === "LocallySignedCert") {
        return {
            id: `${name}-id`,
            state: {
                ...inputs,
                certPem: "-----BEGIN CERTIFICATE-----\nMOCK-CERT-" + name + "\n-----END CERTIFICATE-----\n",
            },
        };
    }
    return { id: `${name}-id`, state: { ...inputs } };
}

function randomState(
    kind: string,
    name: string,
    inputs: Record<string, any>,
): { id: string; state: Record<string, unknown> } {
    const length = Number(inputs.length ?? inputs.byteLength ?? 8);
    const hex = stableHex(name, Math.max(2, kind === "RandomId" ? length * 2 : length));
    switch (kind) {
        case "RandomId":
            return { id: hex, state: { ...inputs, hex, dec: String(parseInt(hex.slice(0, 12), 16)), b64Url: hex } };
        case "RandomString":
        case "RandomPassword":
            return { id: "none", state: { ...inputs, result: hex.slice(0, length) } };
        case "RandomPet":
            return { id: `${inputs.prefix ? `${inputs.prefix}-` : ""}mock-pet`, state: { ...inputs } };
        case "RandomInteger": {
            const min = Number(inputs.min ?? 0);
            return { id: String(min), state: { ...inputs, result: min } };
        }
        case "RandomUuid":
            return {
                id: "00000000-0000-4000-8000-000000000000",
                state: { ...inputs, result: "00000000-0000-4000-8000-000000000000" },
            };
    }
    return { id: `${name}-id`, state: { ...inputs } };
}

/** Thrown by a data-source call the mocks cannot answer; names the function and how to give an answer. */
export class UnansweredCallError extends Error {
    constructor(readonly token: string) {
        super(
            `no offline answer for the data source ${token}: give one with --invoke-result ${token}=<file.json> ` +
                `(cloudrun-lb plan), or invokeResults: { "${token}": {...} } (mockGcp)`,
        );
        this.name = "UnansweredCallError";
    }
}

/** A stable 12-digit project number for a project other than the mock project. */
function otherProjectNumber(projectId: string): string {
    return `9${String(parseInt(stableHex(projectId, 10), 16) % 1e11).padStart(11, "0")}`;
}

/** Answers of data-source calls from their inputs, as GCP would give them for the mock project. */
export function mockCallResult(token: string, inputs: Record<string, any>, at: MockLocation): Record<string, unknown> {
    const project: string = inputs.project ?? at.project;
    const region: string = inputs.region ?? at.region;
    const lastSegment = (link: unknown) => (typeof link === "string" ? link.split("/").pop() : undefined);
    switch (token) {
        case "gcp:organizations/getProject:getProject": {
            const projectId = inputs.projectId ?? at.project;
            return {
                projectId,
                // Every other project has a number of its own (a VPC-SC perimeter lists projects by number).
                number: projectId === at.project ? at.projectNumber : otherProjectNumber(projectId),
                name: projectId,
                id: `projects/${projectId}`,
                orgId: "123456789",
                labels: {},
                effectiveLabels: {},
            };
        }
        case "gcp:organizations/getClientConfig:getClientConfig":
            return {
                id: `projects/${at.project}/regions/${at.region}/zones/${at.zone}`,
                project: at.project,
                region: at.region,
                zone: at.zone,
                accessToken: "mock-access-token",
            };
        case "gcp:compute/getNetwork:getNetwork": {
            const name = inputs.name ?? lastSegment(inputs.selfLink) ?? "default";
            const id = `projects/${project}/global/networks/${name}`;
            return {
                ...inputs,
                id,
                name,
                project,
                selfLink: `${COMPUTE}${id}`,
                gatewayIpv4: "10.0.0.1",
                subnetworksSelfLinks: [`${COMPUTE}projects/${project}/regions/${at.region}/subnetworks/${name}`],
            };
        }
        case "gcp:compute/getSubnetwork:getSubnetwork": {
            const name = inputs.name ?? lastSegment(inputs.selfLink) ?? "default";
            const subnetRegion =
                inputs.region ??
                (typeof inputs.selfLink === "string" ? /regions\/([^/]+)/.exec(inputs.selfLink)?.[1] : undefined) ??
                at.region;
            const id = `projects/${project}/regions/${subnetRegion}/subnetworks/${name}`;
            return {
                ...inputs,
                id,
                name,
                project,
                region: subnetRegion,
                selfLink: `${COMPUTE}${id}`,
                ipCidrRange: "10.0.0.0/24",
                gatewayAddress: "10.0.0.1",
                network: `${COMPUTE}projects/${project}/global/networks/default`,
                secondaryIpRanges: [],
            };
        }
        case "gcp:compute/getGlobalAddress:getGlobalAddress":
        case "gcp:compute/getAddress:getAddress": {
            const global = token.includes("Global");
            const id = `projects/${project}/${global ? "global" : `regions/${region}`}/addresses/${inputs.name}`;
            return {
                ...inputs,
                id,
                project,
                selfLink: `${COMPUTE}${id}`,
                address: global ? "203.0.113.10" : "203.0.113.20",
                addressType: "EXTERNAL",
                status: "IN_USE",
            };
        }
        case "gcp:compute/getBackendService:getBackendService":
        case "gcp:compute/getRegionBackendService:getRegionBackendService":
        case "gcp:compute/getBackendBucket:getBackendBucket":
        case "gcp:compute/getSSLPolicy:getSSLPolicy":
        case "gcp:compute/getHealthCheck:getHealthCheck":
        case "gcp:compute/getCertificate:getCertificate":
        case "gcp:compute/getRegionSslCertificate:getRegionSslCertificate":
        case "gcp:compute/getRegionNetworkEndpointGroup:getRegionNetworkEndpointGroup":
        case "gcp:compute/getGlobalForwardingRule:getGlobalForwardingRule":
        case "gcp:compute/getForwardingRule:getForwardingRule": {
            const kind = token
                .split(":")[2]
                .replace(/^get/, "")
                .replace(/^Certificate$/, "SSLCertificate");
            const { id, state } = computeState(
                kind,
                inputs.name ?? lastSegment(inputs.selfLink) ?? "unnamed",
                inputs,
                at,
            );
            return { ...state, id };
        }
        case "gcp:compute/getZones:getZones":
            return {
                id: `projects/${project}/regions/${region}`,
                project,
                region,
                names: ["a", "b", "c"].map((z) => `${region}-${z}`),
            };
        case "gcp:dns/getManagedZone:getManagedZone":
            return {
                id: `projects/${project}/managedZones/${inputs.name}`,
                name: inputs.name,
                project,
                // A zone is usually named after its domain with dashes (example-com serves example.com.).
                dnsName: String(inputs.name).includes("-")
                    ? `${String(inputs.name).replace(/-/g, ".")}.`
                    : `${inputs.name}.example.com.`,
                description: "",
                visibility: "public",
                nameServers: ["ns-cloud-a1.googledomains.com.", "ns-cloud-a2.googledomains.com."],
                managedZoneId: parseInt(stableHex(String(inputs.name), 8), 16),
            };
        case "gcp:cloudrunv2/getService:getService": {
            const location = inputs.location ?? at.region;
            const uri = cloudRunUri(inputs.name, location);
            return {
                ...inputs,
                id: `projects/${project}/locations/${location}/services/${inputs.name}`,
                project,
                location,
                uri,
                urls: [uri],
                ingress: "INGRESS_TRAFFIC_ALL",
            };
        }
        case "gcp:cloudrun/getService:getService": {
            const location = inputs.location ?? at.region;
            return {
                ...inputs,
                id: `locations/${location}/namespaces/${project}/services/${inputs.name}`,
                project,
                location,
                statuses: [{ url: cloudRunUri(inputs.name, location) }],
            };
        }
        case "gcp:serviceaccount/getAccount:getAccount": {
            const email = String(inputs.accountId).includes("@")
                ? inputs.accountId
                : `${inputs.accountId}@${project}.iam.gserviceaccount.com`;
            return {
                ...inputs,
                id: `projects/${project}/serviceAccounts/${email}`,
                email,
                member: `serviceAccount:${email}`,
                name: `projects/${project}/serviceAccounts/${email}`,
                uniqueId: "100000000000000000001",
            };
        }
        case "gcp:organizations/getIAMPolicy:getIAMPolicy":
            return { id: "iam-policy", policyData: JSON.stringify({ bindings: inputs.bindings ?? [] }) };
        case "gcp:certificatemanager/getCertificateMap:getCertificateMap": {
            const id = `projects/${project}/locations/global/certificateMaps/${inputs.name}`;
            return { ...inputs, id, project };
        }
        case "gcp:secretmanager/getSecretVersion:getSecretVersion":
            return {
                ...inputs,
                id: `projects/${project}/secrets/${inputs.secret}/versions/${inputs.version ?? "latest"}`,
                secretData: "mock-secret-data",
                version: "1",
                enabled: true,
            };
    }
    throw new UnansweredCallError(token);
}

/** Options of {@link installMocks}. */
export interface MockOptions {
    /** The GCP project resources default to and data sources answer for. @default "mock-project" */
    project?: string;
    /** The region regional resources default to. @default "us-central1" */
    region?: string;
    /** The zone zonal resources default to. @default `${region}-a` */
    zone?: string;
    /** The Pulumi project name (`pulumi.getProject()`). @default "project" */
    pulumiProject?: string;
    /** The stack name (`pulumi.getStack()`). @default "dev" */
    stack?: string;
    /** Run as `pulumi preview` (outputs not set by the mocks are unknown). @default false */
    preview?: boolean;
    /** Answers for data-source calls by token, used before (and instead of) the built-in answers. */
    invokeResults?: Record<string, Record<string, unknown>>;
}

/** One data-source call the program made. */
export interface RecordedCall {
    token: string;
    inputs: Record<string, unknown>;
    /** Why the mocks could not answer, when they could not. */
    error?: string;
}

/**
 * Installs recording mocks. Call in `before()` of each describe (or once in a standalone tool), then
 * construct resources or import a program.
 */
export function installMocks(options: MockOptions = {}): Recorder {
    const resources: RecordedResource[] = [];
    const calls: RecordedCall[] = [];
    const region = options.region ?? "us-central1";
    const at: MockLocation = {
        project: options.project ?? MOCK_PROJECT,
        projectNumber: MOCK_PROJECT_NUMBER,
        region,
        zone: options.zone ?? `${region}-a`,
        subnetworkRanges: new Map(),
    };
    let current: any;
    const engineUrns = new Map<string, string>();
    const mocks: pulumi.runtime.Mocks = {
        newResource: (args) => {
            mockActivity++;
            const req = current;
            const { id, state } = mockResourceState(args.type, args.name, args.inputs, at);
            const parentUrn: string | undefined = req?.getParent() || undefined;
            const wire = req ? (req.getObject()?.toJavaScript() ?? {}) : args.inputs;
            const urn = (monitor as any).newUrn(parentUrn, args.type, args.name);
            const engineUrn = qualifiedUrn(parentUrn && (engineUrns.get(parentUrn) ?? parentUrn), args.type, args.name);
            engineUrns.set(urn, engineUrn);
            resources.push({
                type: args.type,
                name: args.name,
                parent: parentUrn ? parentUrn.split("::").slice(2).join("::").split("$").pop() : undefined,
                urn,
                engineUrn,
                custom: args.custom ?? true,
                inputs: displayValue(wire) as Record<string, unknown>,
                rawInputs: revealValue(args.inputs) as Record<string, unknown>,
                dependencies: req ? req.getDependenciesList() : [],
                id: args.custom === false ? "" : id,
                options: req ? recordedOptions(req) : {},
                aliases: req ? aliasUrns(req, args.type, args.name, engineUrns) : [],
            });
            return { id: args.custom === false ? "" : id, state };
        },
        call: (args) => {
            mockActivity++;
            const call: RecordedCall = { token: args.token, inputs: args.inputs };
            calls.push(call);
            const given = options.invokeResults?.[args.token];
            if (given) {
                return given;
            }
            try {
                return mockCallResult(args.token, args.inputs, at);
            } catch (error) {
                call.error = (error as Error).message;
                // Pulumi rethrows a failed invoke as `new Error(err.details)` (a gRPC error's field): without
                // it the program and the user's test would see an Error with an empty message.
                (error as { details?: string }).details ??= call.error;
                throw error;
            }
        },
    };
    void pulumi.runtime.setMocks(
        mocks,
        options.pulumiProject ?? "project",
        options.stack ?? "dev",
        options.preview ?? false,
    );
    const settings = require("@pulumi/pulumi/runtime/settings");
    const monitor = settings.getMonitor();
    const register = monitor.registerResource.bind(monitor);
    // The mock monitor calls newResource synchronously from registerResource; remembering the request
    // for that moment gives newResource the parent and dependencies it is not passed.
    monitor.registerResource = (req: any, callback: any) => {
        current = req;
        try {
            return register(req, callback);
        } finally {
            current = undefined;
        }
    };
    const cloudResources = () =>
        resources.filter(
            (r) => r.custom && !r.type.startsWith("pulumi:providers:") && r.type !== "pulumi:pulumi:Stack",
        );
    const ofType = (type: string) => resources.filter((r) => r.type === type);
    return {
        resources,
        calls,
        location: at,
        cloudResources,
        ofType,
        byType: ofType,
        get: (type, name) => {
            const found = resources.find((r) => r.type === type && r.name === name);
            if (!found) {
                const names = resources.filter((r) => r.type === type).map((r) => r.name);
                throw new Error(`no ${type} named ${name} was registered (have: ${names.join(", ") || "none"})`);
            }
            return found;
        },
        one: (type, name) => {
            const found = resources.filter((r) => r.type === type && (name === undefined || r.name === name));
            if (found.length !== 1) {
                const names = resources
                    .filter((r) => r.type === type)
                    .map((r) => r.name)
                    .sort();
                throw new Error(
                    `expected one ${type}${name === undefined ? "" : ` named ${name}`}, found ${found.length} (registered: ${names.join(", ") || "none"})`,
                );
            }
            return found[0];
        },
        named: (name) => {
            const found = resources.filter((r) => r.name === name);
            if (found.length !== 1) {
                const types = found.map((r) => r.type);
                throw new Error(
                    found.length === 0
                        ? `no resource named ${name} was registered`
                        : `${found.length} resources are named ${name} (${types.join(", ")}): use one(type, name)`,
                );
            }
            return found[0];
        },
    };
}

/** The engine's URN of a resource: its parent's type chain (the stack's excepted), its type, its name. */
function qualifiedUrn(parentUrn: string | undefined, type: string, name: string): string {
    const parentType = parentUrn ? parentUrn.split("::")[2] : "";
    const chain = parentType && parentType !== "pulumi:pulumi:Stack" ? `${parentType}$` : "";
    return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${chain}${type}::${name}`;
}

/**
 * The engine URNs of a registration's aliases, resolved as the engine does: an alias spec's unset name and
 * type are the resource's own, its parent the one it names (the resource's own when unset, none with
 * `noParent`). Stack and project are the program's (the specs this package sends set neither).
 */
function aliasUrns(req: any, type: string, name: string, engineUrns: Map<string, string>): string[] {
    return req.getAliasesList().map((alias: any) => {
        if (alias.hasUrn()) {
            return alias.getUrn();
        }
        const spec = alias.getSpec();
        const parentUrn: string | undefined = spec.getNoparent()
            ? undefined
            : spec.getParenturn() || req.getParent() || undefined;
        return qualifiedUrn(
            parentUrn && (engineUrns.get(parentUrn) ?? parentUrn),
            spec.getType() || type,
            spec.getName() || name,
        );
    });
}

/** The options of a RegisterResourceRequest that were set explicitly. */
function recordedOptions(req: any): RecordedOptions {
    const options: RecordedOptions = {};
    if (req.getDeletebeforereplacedefined()) {
        options.deleteBeforeReplace = req.getDeletebeforereplace();
    }
    if (req.hasRetainondelete()) {
        options.retainOnDelete = req.getRetainondelete();
    }
    if (req.getProtect()) {
        options.protect = true;
    }
    return options;
}

/** Resolves an output under mocks (preview=false), for assertions. */
export function valueOf<T>(output: pulumi.Input<T>): Promise<T> {
    return new Promise((resolve) => pulumi.output(output).apply((v) => resolve(v as T)));
}

/** How long nothing may happen before pending registrations count as stuck rather than slow. */
const STALL_MS = 1000;
const POLL_MS = 50;

/**
 * Waits until every registration the program started has reached the mocks. Resolves `true` then, or `false`
 * when the registrations stopped moving for a second with some still pending: an input that never resolves
 * (e.g. an `apply` that threw) keeps its resource from registering, and Pulumi's own wait would never end —
 * Node would exit silently instead. {@link leakedOutputs} then says what waits for what.
 */
export async function settleOrStall(): Promise<boolean> {
    const settings = require("@pulumi/pulumi/runtime/settings");
    let settled = false;
    const rpcs = settings.waitForRPCs().then(() => (settled = true));
    let last = activity();
    let quietSince = Date.now();
    while (!settled) {
        await Promise.race([rpcs, new Promise((resolve) => setTimeout(resolve, POLL_MS))]);
        const now = activity();
        if (now !== last) {
            last = now;
            quietSince = Date.now();
        } else if (!settled && Date.now() - quietSince >= STALL_MS) {
            return false;
        }
    }
    return true;
}

let lastRpcDone: unknown;
let rpcDoneChanges = 0;

/** A number that grows whenever the SDK's pending-RPC chain changes or the mocks answer something. */
function activity(): number {
    const current = require("@pulumi/pulumi/runtime/state").getStore().settings.rpcDone;
    if (current !== lastRpcDone) {
        lastRpcDone = current;
        rpcDoneChanges++;
    }
    return rpcDoneChanges + mockActivity;
}

/** Registrations and calls the mocks have answered: the other half of "is anything still happening". */
let mockActivity = 0;

/**
 * Waits until every registration and output the program started has reached the mocks. Throws, listing
 * each resource and output still waiting, when they stop moving with some still pending (see
 * {@link settleOrStall}) — a test fails with the reason instead of hanging.
 */
export async function settle(): Promise<void> {
    if (!(await settleOrStall())) {
        throw new Error(
            `values that never resolved (each waits for something that failed or was never created):\n${leakedOutputs()
                .map((l) => `  ${l}`)
                .join("\n")}`,
        );
    }
}

/** What each leaked Pulumi promise waited for, as `<type> <name>: <field>` (from the SDK's debug labels). */
export function leakedOutputs(): string[] {
    const debuggable = require("@pulumi/pulumi/runtime/debuggable");
    const [leaks] = debuggable.leakedPromises() as [Set<{ _debugCtx?: string }>, string];
    const byResource = new Map<string, { registered: boolean; outputs: Set<string> }>();
    const entry = (name: string, type: string) => {
        const key = `${type} ${name}`;
        const found = byResource.get(key) ?? { registered: true, outputs: new Set<string>() };
        byResource.set(key, found);
        return found;
    };
    for (const leak of leaks) {
        const ctx = leak._debugCtx ?? "";
        const output = /^transferProperty\(resource:([^[]+)\[([^\]]+)\], ([^,]+),/.exec(ctx);
        if (output) {
            entry(output[1], output[2]).outputs.add(output[3]);
        }
        const urn = /^resolveURN\(resource:([^[]+)\[([^\]]+)\]\)/.exec(ctx);
        if (urn) {
            entry(urn[1], urn[2]).registered = false;
        }
    }
    return [...byResource.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([resource, { registered, outputs }]) =>
            registered
                ? `${resource}: outputs never resolved: ${[...outputs].sort().join(", ")}`
                : `${resource}: never registered (an input never resolved)`,
        );
}
