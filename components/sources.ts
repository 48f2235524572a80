/**
 * How the package cites the primary source of a GCP fact, in the two tables docs/validation.md renders: the
 * field constraint table (components/constraints/table.ts) and the GCP errors the package prevents
 * (components/rules/coverage.ts). A citation is something a reader can follow: a Google Cloud page, the Compute
 * API as gcloud's generated client documents it, the provider's definition in magic-modules, or the GitHub issue
 * or pull request where an error was reported. Several citations are joined with "; "; a note in parentheses
 * may follow one ("(BackendService.healthChecks)", "(UNCONFIRMED)").
 */

/** gcloud's generated Compute API client: every Compute field's documentation and enum. */
export const COMPUTE_MESSAGES = "gcloud: googlecloudsdk/generated_clients/apis/compute/v1/compute_v1_messages.py";

/** A Google Cloud documentation page, by its path: `gcpDocs("load-balancing/docs/quotas")`. */
export const gcpDocs = (path: string) => `https://cloud.google.com/${path}`;

/** The Compute API (v1) REST reference of a resource, at a field's anchor when given. */
export const compute = (resource: string, anchor?: string) =>
    `https://cloud.google.com/compute/docs/reference/rest/v1/${resource}${anchor ? `#${anchor}` : ""}`;

const MAGIC_MODULES = "https://github.com/GoogleCloudPlatform/magic-modules/blob/main/mmv1";

/**
 * A product definition in GoogleCloudPlatform/magic-modules (`mmv1/products/<path>`), which generates the
 * provider's resources that pulumi-gcp bridges: field descriptions, defaults, immutability.
 */
export const mm = (path: string) => `${MAGIC_MODULES}/products/${path}`;

/** A magic-modules template (`mmv1/templates/terraform/<path>`): custom code the provider runs, such as plan-time checks. */
export const mmTemplate = (path: string) => `${MAGIC_MODULES}/templates/terraform/${path}`;

/** A GitHub issue (or, with `"pull"`, pull request): `github("hashicorp/terraform-provider-google", 7503)`. */
export const github = (repository: string, number: number, kind: "issues" | "pull" = "issues") =>
    `https://github.com/${repository}/${kind}/${number}`;

/** An issue of hashicorp/terraform-provider-google, the provider pulumi-gcp bridges. */
export const providerIssue = (number: number) => github("hashicorp/terraform-provider-google", number);

/** Where an error was reported by users rather than documented. */
export const observed = (url: string) => `observed: ${url}`;

/** A citation followed by a note: `note(url, "UNCONFIRMED")`. */
export const note = (citation: string, text: string) => `${citation} (${text})`;

/** Several citations, in order. */
export const cite = (...citations: string[]) => citations.join("; ");
