/**
 * `cloudrun-lb/testing`: GCP-shaped Pulumi mocks for your own stack's unit tests — the mocks `cloudrun-lb plan`
 * runs under. Resources of any type get an id, their `name` and (compute) a `selfLink` in GCP's URL form; the kinds
 * that sit next to a load balancer get their computed fields; data sources answer from their inputs.
 *
 * ```ts
 * import { mockGcp } from "cloudrun-lb/testing";
 * const gcp = mockGcp({ project: "my-project", region: "europe-west1" });
 * const stack = await import("../index");
 * const [urlMap] = gcp.ofType("gcp:compute/uRLMap:URLMap");
 * ```
 */
import { installMocks, Recorder } from "./mocks";

export {
    MOCK_PROJECT,
    MOCK_PROJECT_NUMBER,
    RecordedCall,
    RecordedResource,
    Recorder,
    settle,
    UnansweredCallError,
    valueOf,
} from "./mocks";

/** Options of {@link mockGcp}. */
export interface MockGcpOptions {
    /**
     * The GCP project resources default to and data sources (`organizations.getProject`, …) answer for.
     * @default "mock-project"
     * @example "my-platform-prod"
     */
    project?: string;
    /**
     * The region regional resources (addresses, subnetworks, regional backend services, …) default to.
     * @default "us-central1"
     * @example "europe-west1"
     */
    region?: string;
    /**
     * Answers for data-source calls by token, used before the built-in answers; a call with neither fails with
     * the token in its message.
     * @default {}
     * @example { "gcp:compute/getInstance:getInstance": { name: "vm", selfLink: "https://…/instances/vm" } }
     */
    invokeResults?: Record<string, Record<string, unknown>>;
    /**
     * The Pulumi project name (`pulumi.getProject()`, and the namespace of `new pulumi.Config()`).
     * @default "project"
     * @example "platform"
     */
    pulumiProject?: string;
    /**
     * The stack name (`pulumi.getStack()`).
     * @default "dev"
     * @example "prod"
     */
    stack?: string;
}

/**
 * Installs the GCP-shaped mocks with `pulumi.runtime.setMocks` and returns a recorder of every registration.
 * Call it before your program or components run (mocha: in `before()`, then `await import("../index")`).
 * `recorder.resources` lists each registration (`type`, `name`, `inputs`, `parent`); `ofType(type)` filters it.
 */
export function mockGcp(options: MockGcpOptions = {}): Recorder {
    return installMocks(options);
}
