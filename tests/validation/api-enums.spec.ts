import * as assert from "assert";
import { shapes } from "../../components/shape.generated";
import type { Shape } from "../../components/shape-types";
import { ApiEnumField, apiEnumFields, enumValues } from "../../tools/api-enums";
import snapshot from "../fixtures/api-enums.json";

/**
 * Every enum of the Args against the API's own values (gcloud's generated clients, snapshotted by
 * `npm run api-enums`): a value offered that GCP does not take would fail at apply, and a value GCP takes that
 * the shape check refuses breaks the promise that nothing GCP accepts is refused — so each API value left out is
 * listed here with the reason.
 */
const SENTINEL = "the API's unset/invalid sentinel, never a value to send";
const MM_SSL_POLICY =
    "https://github.com/GoogleCloudPlatform/magic-modules/blob/main/mmv1/products/compute/SslPolicy.yaml";

interface EnumMapping {
    api: ApiEnumField;
    /** Values the API takes that are newer than the snapshot's gcloud, with the source that lists them. */
    newer?: Record<string, string>;
    /** API values the Args do not offer, and why. */
    notOffered?: Record<string, string>;
}

const protocolsNotOffered = {
    GRPC: "gRPC backends are not Cloud Run, internet or hybrid NEG targets of this package",
    H2C: "cleartext HTTP/2 to internet and hybrid NEGs is not documented (UNCONFIRMED); HTTP2 is offered",
    SSL: "a proxy Network Load Balancer protocol, not an Application Load Balancer's",
    TCP: "a proxy Network Load Balancer protocol, not an Application Load Balancer's",
    UDP: "a passthrough Network Load Balancer protocol",
    UNSPECIFIED: SENTINEL,
};

/** Args enum (shape path `Interface.field`, `[]` for list items) → the API field it feeds. */
const mappings: Record<string, EnumMapping> = {
    "BackendCdnArgs.cacheMode": {
        api: "compute.BackendServiceCdnPolicy.cacheMode",
        notOffered: { INVALID_CACHE_MODE: SENTINEL },
    },
    "SslPolicyArgs.profile": { api: "compute.SslPolicy.profile", newer: { FIPS_202205: MM_SSL_POLICY } },
    "SslPolicyArgs.minTlsVersion": { api: "compute.SslPolicy.minTlsVersion", newer: { TLS_1_3: MM_SSL_POLICY } },
    "HttpsArgs.quic": { api: "compute.TargetHttpsProxy.quicOverride" },
    "RedirectArgs.code": { api: "compute.HttpRedirectAction.redirectResponseCode" },
    "PscPublishArgs.connectionPreference": {
        api: "compute.ServiceAttachment.connectionPreference",
        notOffered: { CONNECTION_PREFERENCE_UNSPECIFIED: SENTINEL },
    },
    "LoadBalancerNetworkArgs.proxyOnlyPurpose": {
        api: "compute.Subnetwork.purpose",
        notOffered: {
            INTERNAL_HTTPS_LOAD_BALANCER: "the deprecated name of REGIONAL_MANAGED_PROXY",
            PEER_MIGRATION: "not a proxy-only subnet",
            PRIVATE: "not a proxy-only subnet (the package's own subnets are PRIVATE)",
            PRIVATE_NAT: "not a proxy-only subnet",
            PRIVATE_RFC_1918: "not a proxy-only subnet",
            PRIVATE_SERVICE_CONNECT: "not a proxy-only subnet (publish creates the PSC NAT subnet)",
        },
    },
    "ApplicationLoadBalancerArgs.networkTier": {
        api: "compute.ForwardingRule.networkTier",
        notOffered: {
            FIXED_STANDARD: "a fixed-bandwidth tier, not documented for Application Load Balancers",
            STANDARD_OVERRIDES_FIXED_STANDARD: "a fixed-bandwidth tier, not documented for Application Load Balancers",
        },
    },
    "FrontendArgs.networkTier": {
        api: "compute.ForwardingRule.networkTier",
        notOffered: {
            FIXED_STANDARD: "a fixed-bandwidth tier, not documented for Application Load Balancers",
            STANDARD_OVERRIDES_FIXED_STANDARD: "a fixed-bandwidth tier, not documented for Application Load Balancers",
        },
    },
    "InternetTargetArgs.protocol": { api: "compute.BackendService.protocol", notOffered: protocolsNotOffered },
    "HybridTargetArgs.protocol": { api: "compute.BackendService.protocol", notOffered: protocolsNotOffered },
    "HybridHealthCheckArgs.protocol": {
        api: "compute.HealthCheck.type",
        notOffered: {
            GRPC: "hybrid NEG endpoints of this package serve HTTP",
            SSL: "a TCP-level check; the package checks the HTTP path",
            TCP: "a TCP-level check; the package checks the HTTP path",
            INVALID: SENTINEL,
        },
    },
    "CustomRuleRedirectArgs.type": { api: "compute.SecurityPolicyRuleRedirectOptions.type" },
    "ManagedCertificateArgs.dnsAuthorizationType": {
        api: "certificatemanager.DnsAuthorization.type",
        notOffered: { TYPE_UNSPECIFIED: SENTINEL },
    },
    "ManagedCertificateArgs.keyAlgorithm": {
        api: "certificatemanager.CertificateIssuanceConfig.keyAlgorithm",
        notOffered: { KEY_ALGORITHM_UNSPECIFIED: SENTINEL },
    },
    "ClientCertificatesArgs.validation": {
        api: "networksecurity.MTLSPolicy.clientValidationMode",
        notOffered: { CLIENT_VALIDATION_MODE_UNSPECIFIED: SENTINEL },
    },
};

/** Args enums that are the package's own vocabulary, or GCP string lists with no API enum behind them. */
const notApiEnums: Record<string, string> = {
    "ApplicationLoadBalancerArgs.scheme": "the package's names of the five load balancers",
    "FrontendArgs.scheme": "the package's names of the five load balancers",
    "ServerlessBackendArgs.scheme": "the package's names of the five load balancers",
    "HybridBackendArgs.scheme": "the package's names of the five load balancers",
    "InternetBackendArgs.scheme": "the package's names of the five load balancers",
    "ApplicationLoadBalancerArgs.migrationStage":
        "the package's names of the migration stages (migration.ts maps them)",
    "CustomRuleArgs.action": "Cloud Armor action strings, a free string field in the API (constraint table row)",
    "RateLimitArgs.action": "the package's names for the throttle and rate_based_ban actions",
    "PathRateLimitArgs.action": "the package's names for the throttle and rate_based_ban actions",
    "RetryArgs.conditions[]": "a string list documented in RetryPolicy.retryConditions, not an enum",
    "ClientCertificatesArgs.headers{}": "mTLS header variables, documented in the custom headers page, not an enum",
};

function argsEnums(): Record<string, readonly string[]> {
    const found: Record<string, readonly string[]> = {};
    const walk = (type: Shape | undefined, at: string) => {
        if (type === undefined) return;
        if (type.type === "enum") found[at] = type.values;
        if (type.type === "array") walk(type.items, `${at}[]`);
        if (type.type === "record") walk(type.values, `${at}{}`);
    };
    for (const [name, object] of Object.entries(shapes)) {
        for (const [field, type] of Object.entries(object.fields)) walk(type, `${name}.${field}`);
    }
    return found;
}

describe("Args enums against the API's enums (tests/fixtures/api-enums.json)", () => {
    const apiEnums = snapshot.enums as Record<ApiEnumField, string[]>;

    it("snapshots every API field the mappings name", () => {
        assert.deepStrictEqual(Object.keys(apiEnums).sort(), Object.keys(apiEnumFields).sort());
    });

    it("maps every enum of the Args, or says why it has no API enum", () => {
        const unexplained = Object.keys(argsEnums()).filter((at) => !(at in mappings) && !(at in notApiEnums));
        assert.deepStrictEqual(unexplained, []);
        const stale = [...Object.keys(mappings), ...Object.keys(notApiEnums)].filter((at) => !(at in argsEnums()));
        assert.deepStrictEqual(stale, []);
    });

    for (const [at, mapping] of Object.entries(mappings)) {
        it(`${at}: offers only values ${mapping.api} takes, and every other one is explained`, () => {
            const offered = [...argsEnums()[at]].sort();
            const api = [...apiEnums[mapping.api], ...Object.keys(mapping.newer ?? {})].sort();
            assert.deepStrictEqual(
                offered.filter((v) => !api.includes(v)),
                [],
                "offered but not in the API",
            );
            assert.deepStrictEqual(
                api.filter((v) => !offered.includes(v)),
                Object.keys(mapping.notOffered ?? {}).sort(),
                "API values left out without a reason (or reasons for values that are offered)",
            );
            for (const value of Object.keys(mapping.newer ?? {})) {
                assert.ok(
                    !apiEnums[mapping.api].includes(value),
                    `${value} is in the snapshot now: drop it from newer`,
                );
            }
        });
    }

    it("reads a generated client's nested enum class", () => {
        const source = [
            "class Other(_messages.Message):",
            "  class ModeValueValuesEnum(_messages.Enum):",
            "    WRONG = 0",
            "class SslPolicy(_messages.Message):",
            '  r"""An SSL policy."""',
            "  class ModeValueValuesEnum(_messages.Enum):",
            '    r"""Doc.',
            "    Values:",
            "      A: text",
            '    """',
            "    MODERN = 0",
            "    TLS_1_2 = 1",
            "",
            "  mode = _messages.EnumField('ModeValueValuesEnum', 1)",
            "class Next(_messages.Message):",
        ].join("\n");
        assert.deepStrictEqual(enumValues(source, "SslPolicy", "mode"), ["MODERN", "TLS_1_2"]);
        assert.strictEqual(enumValues(source, "SslPolicy", "other"), undefined);
        assert.strictEqual(enumValues(source, "Missing", "mode"), undefined);
    });
});
