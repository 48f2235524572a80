/**
 * No problem text (field, message, fix) contains a line of a PEM block or a key given anywhere in the Args:
 * every string position of the shape schema (values, list items, map values and map keys) gets secret material in
 * turn, in an otherwise valid configuration of each scheme, and every problem found is searched for its lines.
 */
import * as assert from "assert";
import * as crypto from "crypto";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { Shape } from "../../components/shape";
import { shapes } from "../../components/shape.generated";
import { ConfigurationError, Problem, quoteValue, redactSecrets } from "../../components/validation";
import { installMocks, settle } from "../../components/testing/mocks";

const rsaKey = crypto
    .generateKeyPairSync("rsa", { modulusLength: 2048 })
    .privateKey.export({ type: "pkcs1", format: "pem" })
    .toString();
const ecKey = crypto
    .generateKeyPairSync("ec", { namedCurve: "P-256" })
    .privateKey.export({ type: "pkcs8", format: "pem" })
    .toString();
/** Certificate-shaped: random DER-length bytes in PEM armour (what matters is that no line of it is echoed). */
const certificate = `-----BEGIN CERTIFICATE-----\n${crypto
    .randomBytes(700)
    .toString("base64")
    .match(/.{1,64}/g)!
    .join("\n")}\n-----END CERTIFICATE-----\n`;
/** A Cloud CDN signed URL key (128 bits, base64url), and an API-key-like token. */
const singleLineKeys = ["nZtRohdNF9m3cKM24IcK4w==", "AIzaSyD3x9Qm7Kp2Lr8Vt6Wn4Ys1Zb5Hc0Jg"];
const secrets = [rsaKey, ecKey, certificate, ...singleLineKeys];

/** Every line of every secret that is long enough to mean something (a PEM's short last line may be "Aw=="). */
const secretLines = secrets.flatMap((s) =>
    s
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line.length >= 8),
);

function leaks(problems: readonly Problem[]): string[] {
    const text = problems.map((p) => `${p.field}\n${p.message}\n${p.fix}`).join("\n");
    return secretLines.filter((line) => text.includes(line));
}

type Step = { field: string } | { item: true } | { key: string } | { mapKey: true };

/** A minimal well-shaped value of a shape: required fields only, strings "x", lists and maps empty. */
function minimal(shape: Shape): unknown {
    switch (shape.type) {
        case "string":
            return "x";
        case "number":
            return 1;
        case "boolean":
            return false;
        case "enum":
            return shape.values[0];
        case "array":
            return [];
        case "record":
            return {};
        case "object":
            return Object.fromEntries(
                Object.entries(shapes[shape.name].fields)
                    .filter(([, f]) => f.required)
                    .map(([k, f]) => [k, minimal(f)]),
            );
    }
}

/** Every place a string can go under `shape`, as steps from it. */
function stringPositions(shape: Shape, seen: string[] = []): Step[][] {
    switch (shape.type) {
        case "string":
            return [[]];
        case "array":
            return stringPositions(shape.items, seen).map((p) => [{ item: true } as Step, ...p]);
        case "record":
            return [
                [{ mapKey: true }],
                ...stringPositions(shape.values, seen).map((p) => [{ key: "k" } as Step, ...p]),
            ];
        case "object":
            if (seen.includes(shape.name)) return [];
            return Object.entries(shapes[shape.name].fields).flatMap(([field, f]) =>
                stringPositions(f, [...seen, shape.name]).map((p) => [{ field } as Step, ...p]),
            );
        default:
            return [];
    }
}

/** `base` with `secret` at `steps`, creating what is missing on the way as minimal well-shaped values. */
function place(base: unknown, shape: Shape, steps: Step[], secret: string): unknown {
    if (steps.length === 0) return secret;
    const [step, ...rest] = steps;
    if ("field" in step && shape.type === "object") {
        const object = { ...((base as Record<string, unknown>) ?? minimal(shape)) } as Record<string, unknown>;
        const fieldShape = shapes[shape.name].fields[step.field];
        object[step.field] = place(object[step.field] ?? minimal(fieldShape), fieldShape, rest, secret);
        return object;
    }
    if ("item" in step && shape.type === "array") {
        return [place(minimal(shape.items), shape.items, rest, secret), ...((base as unknown[]) ?? [])];
    }
    if ("key" in step && shape.type === "record") {
        return { ...(base as object), k: place(minimal(shape.values), shape.values, rest, secret) };
    }
    if ("mapKey" in step && shape.type === "record") {
        return { ...(base as object), [secret]: minimal(shape.values) };
    }
    throw new Error(`step ${JSON.stringify(step)} does not fit ${shape.type}`);
}

const root: Shape = { type: "object", name: "ApplicationLoadBalancerArgs" };
const bases: ApplicationLoadBalancerArgs[] = [
    {
        scheme: "global-external",
        backends: { web: { cloudRun: { service: "web", region: "europe-west1" } } },
        defaultBackend: "web",
        routes: [{ hosts: ["api.example.com"], paths: ["/v1/*"], backend: "web" }],
    },
    {
        scheme: "regional-internal",
        region: "europe-west1",
        backends: { web: { cloudRun: { service: "web" } } },
        defaultBackend: "web",
    },
];

describe("secrets: no problem text repeats a line of a PEM block or key given in the Args", () => {
    const positions = stringPositions(root);

    it("reaches every string position of the schema", () => {
        assert.ok(positions.length > 100, `only ${positions.length} string positions`);
    });

    for (const [b, base] of bases.entries()) {
        it(`every string position, ${base.scheme}`, () => {
            const leaked: string[] = [];
            let problemsSeen = 0;
            for (const steps of positions) {
                for (const secret of secrets) {
                    const args = place(base, root, steps, secret) as ApplicationLoadBalancerArgs;
                    const problems = validateLoadBalancerArgs(args);
                    problemsSeen += problems.length;
                    for (const line of leaks(problems)) {
                        leaked.push(`${JSON.stringify(steps)} (base ${b}) echoes ${line.slice(0, 12)}…`);
                    }
                }
            }
            assert.deepStrictEqual(leaked, []);
            assert.ok(problemsSeen > positions.length, "the secrets should make problems to search");
        });
    }

    it("quoteValue names secret material by its kind", () => {
        assert.strictEqual(quoteValue(rsaKey), `a PEM private key of ${rsaKey.length} characters`);
        assert.strictEqual(quoteValue(certificate), `a PEM certificate of ${certificate.length} characters`);
        assert.strictEqual(quoteValue(singleLineKeys[0]), "a key-like value of 24 characters");
        assert.strictEqual(quoteValue("europe-west1"), '"europe-west1"');
        assert.strictEqual(
            quoteValue("projects/my-project-123/regions/europe-west1/networkEndpointGroups/neg-3fa9c2d1"),
            '"projects/my-project-123/regions/europe-west1/networkEndpointGroups/neg-3fa9c2d1"',
        );
        assert.strictEqual(
            quoteValue(`projects/p/${"x".repeat(300)}`),
            'a value of 311 characters starting "projects/p/xxxxxxxxxxxxx…"',
        );
        assert.strictEqual(
            redactSecrets(`"${JSON.stringify(ecKey).slice(1, -1)}" is not a self link`),
            '"(a PEM private key)\\n" is not a self link',
        );
        assert.strictEqual(
            redactSecrets("has only one of oauth2ClientId and oauth2ClientSecret in CloudRunTargetArgs"),
            "has only one of oauth2ClientId and oauth2ClientSecret in CloudRunTargetArgs",
        );
    });

    describe("a component's error", () => {
        before(() => {
            installMocks();
        });

        it("says what was given, not what it is", async () => {
            let error: unknown;
            try {
                new ApplicationLoadBalancer("lb", {
                    ...bases[0],
                    backends: { web: { backendService: rsaKey } },
                    address: { ip: ecKey },
                });
            } catch (e) {
                error = e;
            }
            await settle();
            assert.ok(ConfigurationError.isInstance(error));
            const text = (error as Error).message;
            assert.deepStrictEqual(
                secretLines.filter((line) => text.includes(line)),
                [],
            );
            assert.match(text, /\(a PEM private key\)|a PEM private key/);
        });
    });
});
