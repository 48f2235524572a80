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
    resources: RecordedResource[];
    /** Cloud resources only (no components, providers or the stack). */
    cloudResources(): RecordedResource[];
    byType(type: string): RecordedResource[];
    /** The one resource of a type with that logical name; throws if absent. */
    get(type: string, name: string): RecordedResource;
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

/** The collection GCP files a compute resource under, and whether it is regional. */
const computeCollections: Record<string, [string, "regional" | "global" | "zonal"]> = {
    Address: ["addresses", "regional"],
    GlobalAddress: ["addresses", "global"],
    Network: ["networks", "global"],
    Subnetwork: ["subnetworks", "regional"],
    Firewall: ["firewalls", "global"],
    Instance: ["instances", "zonal"],
    RegionNetworkEndpointGroup: ["networkEndpointGroups", "regional"],
    GlobalNetworkEndpointGroup: ["networkEndpointGroups", "global"],
    NetworkEndpointGroup: ["networkEndpointGroups", "zonal"],
    BackendService: ["backendServices", "global"],
    RegionBackendService: ["backendServices", "regional"],
    URLMap: ["urlMaps", "global"],
    RegionUrlMap: ["urlMaps", "regional"],
    BackendBucket: ["backendBuckets", "global"],
    RegionBackendBucket: ["backendBuckets", "regional"],
    TargetHttpProxy: ["targetHttpProxies", "global"],
    TargetHttpsProxy: ["targetHttpsProxies", "global"],
    RegionTargetHttpProxy: ["targetHttpProxies", "regional"],
    RegionTargetHttpsProxy: ["targetHttpsProxies", "regional"],
    ForwardingRule: ["forwardingRules", "regional"],
    GlobalForwardingRule: ["forwardingRules", "global"],
    SSLCertificate: ["sslCertificates", "global"],
    ManagedSslCertificate: ["sslCertificates", "global"],
    RegionSslCertificate: ["sslCertificates", "regional"],
    SSLPolicy: ["sslPolicies", "global"],
    RegionSslPolicy: ["sslPolicies", "regional"],
    SecurityPolicy: ["securityPolicies", "global"],
    RegionSecurityPolicy: ["securityPolicies", "regional"],
    HealthCheck: ["healthChecks", "global"],
    RegionHealthCheck: ["healthChecks", "regional"],
    Router: ["routers", "regional"],
};

function mockState(
    type: string,
    name: string,
    inputs: Record<string, any>,
): { id: string; state: Record<string, unknown> } {
    const project = inputs.project ?? MOCK_PROJECT;
    const physical: string = inputs.name ?? name;
    const [pkg, kind] = [type.split(":")[0], type.split(":")[2] ?? ""];
    if (pkg === "gcp" && type.startsWith("gcp:compute/") && computeCollections[kind]) {
        const [collection, scope] = computeCollections[kind];
        const location =
            scope === "global"
                ? "global"
                : scope === "regional"
                  ? `regions/${inputs.region ?? "us-central1"}`
                  : `zones/${inputs.zone ?? "us-central1-a"}`;
        const id = `projects/${project}/${location}/${collection}/${physical}`;
        const state: Record<string, unknown> = {
            ...inputs,
            name: physical,
            project,
            selfLink: `https://www.googleapis.com/compute/v1/${id}`,
        };
        if (kind === "Address" || kind === "GlobalAddress") {
            const internal = inputs.addressType === "INTERNAL";
            state.address =
                inputs.address ??
                (internal
                    ? "10.1.2.10"
                    : inputs.ipVersion === "IPV6"
                      ? "2001:db8::10"
                      : kind === "Address"
                        ? "203.0.113.20"
                        : "203.0.113.10");
        }
        if (kind === "ForwardingRule" || kind === "GlobalForwardingRule") {
            state.ipAddress = inputs.ipAddress;
        }
        if (kind === "Instance") {
            state.networkInterfaces = inputs.networkInterfaces;
        }
        return { id, state };
    }
    if (type === "gcp:cloudrunv2/service:Service") {
        const location = inputs.location ?? "us-central1";
        return {
            id: `projects/${project}/locations/${location}/services/${physical}`,
            state: {
                ...inputs,
                name: physical,
                project,
                uri: `https://${physical}-abcdefghij-${location.split("-")[0].slice(0, 2)}.a.run.app`,
            },
        };
    }
    if (type === "gcp:certificatemanager/certificate:Certificate") {
        const location = inputs.location ?? "global";
        return {
            id: `projects/${project}/locations/${location}/certificates/${physical}`,
            state: { ...inputs, name: physical, project, location },
        };
    }
    if (type === "gcp:storage/bucket:Bucket") {
        return {
            id: physical,
            state: {
                ...inputs,
                name: physical,
                project,
                url: `gs://${physical}`,
                selfLink: `https://www.googleapis.com/storage/v1/b/${physical}`,
            },
        };
    }
    if (type === "tls:index/privateKey:PrivateKey") {
        return {
            id: `${name}-id`,
            state: {
                ...inputs,
                privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMOCK-KEY-" + name + "\n-----END PRIVATE KEY-----\n",
                publicKeyPem: "-----BEGIN PUBLIC KEY-----\nMOCK\n-----END PUBLIC KEY-----\n",
            },
        };
    }
    if (type === "tls:index/selfSignedCert:SelfSignedCert") {
        return {
            id: `${name}-id`,
            state: {
                ...inputs,
                certPem: "-----BEGIN CERTIFICATE-----\nMOCK-CERT-" + name + "\n-----END CERTIFICATE-----\n",
            },
        };
    }
    return { id: `${physical}-id`, state: { ...inputs, name: inputs.name ?? physical } };
}

function mockCall(token: string, inputs: Record<string, any>): Record<string, unknown> {
    switch (token) {
        case "gcp:organizations/getProject:getProject":
            return {
                projectId: inputs.projectId ?? MOCK_PROJECT,
                number: MOCK_PROJECT_NUMBER,
                name: inputs.projectId ?? MOCK_PROJECT,
                id: `projects/${inputs.projectId ?? MOCK_PROJECT}`,
            };
        case "gcp:compute/getNetwork:getNetwork":
            return {
                ...inputs,
                selfLink: `https://www.googleapis.com/compute/v1/projects/${inputs.project ?? MOCK_PROJECT}/global/networks/${inputs.name}`,
            };
        default:
            throw new Error(`cloudrun-lb mocks: no mock for the invoke ${token}; add one to tools/mocks.ts`);
    }
}

/**
 * Installs recording mocks. Call in `before()` of each describe (or once in a standalone tool), then
 * construct resources or import a program.
 */
export function installMocks(options: { project?: string; stack?: string; preview?: boolean } = {}): Recorder {
    const resources: RecordedResource[] = [];
    const engineUrns = new Map<string, string>();
    let current: any;
    const mocks: pulumi.runtime.Mocks = {
        newResource: (args) => {
            const req = current;
            const { id, state } = mockState(args.type, args.name, args.inputs);
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
        call: (args) => mockCall(args.token, args.inputs),
    };
    void pulumi.runtime.setMocks(mocks, options.project ?? "project", options.stack ?? "dev", options.preview ?? false);
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
    return {
        resources,
        cloudResources,
        byType: (type) => resources.filter((r) => r.type === type),
        get: (type, name) => {
            const found = resources.find((r) => r.type === type && r.name === name);
            if (!found) {
                const names = resources.filter((r) => r.type === type).map((r) => r.name);
                throw new Error(`no ${type} named ${name} was registered (have: ${names.join(", ") || "none"})`);
            }
            return found;
        },
    };
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

/** Resolves an output under mocks (preview=false), for assertions. */
export function valueOf<T>(output: pulumi.Input<T>): Promise<T> {
    return new Promise((resolve) => pulumi.output(output).apply((v) => resolve(v as T)));
}

/** Waits until every registration and output the program started has reached the mocks. */
export async function settle(): Promise<void> {
    await require("@pulumi/pulumi/runtime/settings").waitForRPCs();
}
