/**
 * `npm run api-enums`: snapshots, from gcloud's generated API clients on this machine, the enum values of every
 * GCP field an Args enum feeds, into tests/fixtures/api-enums.json. tests/validation/api-enums.spec.ts then holds
 * each Args enum to the API's values: every value offered is one the API takes, and every API value not offered is
 * listed with the reason. CI has no gcloud, so the snapshot is committed; re-run this after a gcloud update.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** The API field each snapshot entry reads: client, message class, field (camelCase, as the client names it). */
export const apiEnumFields = {
    "compute.BackendServiceCdnPolicy.cacheMode": [
        "compute/v1/compute_v1_messages.py",
        "BackendServiceCdnPolicy",
        "cacheMode",
    ],
    "compute.BackendBucketCdnPolicy.cacheMode": [
        "compute/v1/compute_v1_messages.py",
        "BackendBucketCdnPolicy",
        "cacheMode",
    ],
    "compute.SslPolicy.profile": ["compute/v1/compute_v1_messages.py", "SslPolicy", "profile"],
    "compute.SslPolicy.minTlsVersion": ["compute/v1/compute_v1_messages.py", "SslPolicy", "minTlsVersion"],
    "compute.TargetHttpsProxy.quicOverride": ["compute/v1/compute_v1_messages.py", "TargetHttpsProxy", "quicOverride"],
    "compute.HttpRedirectAction.redirectResponseCode": [
        "compute/v1/compute_v1_messages.py",
        "HttpRedirectAction",
        "redirectResponseCode",
    ],
    "compute.ServiceAttachment.connectionPreference": [
        "compute/v1/compute_v1_messages.py",
        "ServiceAttachment",
        "connectionPreference",
    ],
    "compute.Subnetwork.purpose": ["compute/v1/compute_v1_messages.py", "Subnetwork", "purpose"],
    "compute.ForwardingRule.networkTier": ["compute/v1/compute_v1_messages.py", "ForwardingRule", "networkTier"],
    "compute.BackendService.protocol": ["compute/v1/compute_v1_messages.py", "BackendService", "protocol"],
    "compute.HealthCheck.type": ["compute/v1/compute_v1_messages.py", "HealthCheck", "type"],
    "compute.SecurityPolicyRuleRedirectOptions.type": [
        "compute/v1/compute_v1_messages.py",
        "SecurityPolicyRuleRedirectOptions",
        "type",
    ],
    "certificatemanager.DnsAuthorization.type": [
        "certificatemanager/v1/certificatemanager_v1_messages.py",
        "DnsAuthorization",
        "type",
    ],
    "certificatemanager.CertificateIssuanceConfig.keyAlgorithm": [
        "certificatemanager/v1/certificatemanager_v1_messages.py",
        "CertificateIssuanceConfig",
        "keyAlgorithm",
    ],
    "networksecurity.MTLSPolicy.clientValidationMode": [
        "networksecurity/v1/networksecurity_v1_messages.py",
        "MTLSPolicy",
        "clientValidationMode",
    ],
} as const satisfies Record<string, readonly [string, string, string]>;

export type ApiEnumField = keyof typeof apiEnumFields;

/** The values of `<Field>ValueValuesEnum` nested in `class <Message>` of a generated messages module. */
export function enumValues(source: string, message: string, field: string): string[] | undefined {
    const start = source.search(new RegExp(`^class ${message}\\(_messages\\.Message\\):`, "m"));
    if (start < 0) return undefined;
    const rest = source.slice(start + 1);
    const end = rest.search(/^class /m);
    const body = end < 0 ? rest : rest.slice(0, end);
    const enumName = `${field[0].toUpperCase()}${field.slice(1)}ValueValuesEnum`;
    const enumStart = body.search(new RegExp(`^  class ${enumName}\\(_messages\\.Enum\\):`, "m"));
    if (enumStart < 0) return undefined;
    const enumBody = body.slice(enumStart).split("\n").slice(1);
    const values: string[] = [];
    for (const line of enumBody) {
        if (/^ {0,3}\S/.test(line)) break;
        const value = /^ {4}([A-Z0-9_]+) = \d+$/.exec(line);
        if (value) values.push(value[1]);
    }
    return values;
}

function main(): void {
    const sdkRoot = execFileSync("gcloud", ["info", "--format=value(installation.sdk_root)"], {
        encoding: "utf8",
    }).trim();
    const version = /Google Cloud SDK (\S+)/.exec(execFileSync("gcloud", ["version"], { encoding: "utf8" }))?.[1];
    const apis = path.join(sdkRoot, "lib/googlecloudsdk/generated_clients/apis");
    const enums: Record<string, string[]> = {};
    for (const [key, [file, message, field]] of Object.entries(apiEnumFields)) {
        const values = enumValues(fs.readFileSync(path.join(apis, file), "utf8"), message, field);
        if (values === undefined) throw new Error(`${key}: no ${message}.${field} enum in ${file}`);
        enums[key] = values;
    }
    const out = path.join(__dirname, "..", "tests", "fixtures", "api-enums.json");
    fs.writeFileSync(
        out,
        JSON.stringify({ source: `gcloud ${version}: googlecloudsdk/generated_clients/apis`, enums }, null, 4) + "\n",
    );
    console.log(`wrote ${path.relative(process.cwd(), out)} (${Object.keys(enums).length} fields, gcloud ${version})`);
}

if (require.main === module) {
    main();
}
