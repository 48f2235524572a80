/**
 * The constraint table's rule (components/constraints), the rule on which redirects a map behind an
 * HTTPS proxy may hold, and the warnings for configurations GCP accepts but that can never serve.
 */
import type { ApplicationLoadBalancerArgs } from "../args/load-balancer";
import { checkConstraints, CONSTRAINT_RULE } from "../constraints/check";
import { schemeProfile } from "../schemes";
import { Finding, Rule } from "../validation";

export const constraintRules: Rule<ApplicationLoadBalancerArgs>[] = [
    {
        id: CONSTRAINT_RULE,
        component: "ApplicationLoadBalancer",
        summary:
            "Every user-fed GCP field meets its row of the constraint table (enums, ranges, lengths, formats such as IAM members, bucket and zone names, orderings, counts; docs/validation.md)",
        prevents:
            "`Invalid value for field …` and similar 400s at apply, for values given plainly or resolved from Outputs",
        fix: "see the constraint table in docs/validation.md",
        check: (args) => checkConstraints(args),
    },
    {
        id: "route-https-redirect",
        component: "ApplicationLoadBalancer",
        summary:
            "A redirect to HTTPS (routes[].redirect.https) only on a load balancer without HTTPS: its URL map is behind the HTTPS proxy otherwise",
        prevents:
            "httpsRedirect: true in a URL map used by a target HTTPS proxy, which the Compute API does not permit (HttpRedirectAction.httpsRedirect)",
        fix: "drop redirect.https (requests on this map already arrive over HTTPS; the package's HTTP→HTTPS redirect is https.redirectHttp)",
        check: (args) =>
            args.https === undefined
                ? []
                : (args.routes ?? []).flatMap((route, i): Finding[] =>
                      route.redirect?.https === true
                          ? [
                                {
                                    field: `routes[${i}].redirect.https`,
                                    message:
                                        "is true, but this load balancer serves HTTPS, so its URL map is behind a target HTTPS proxy, where GCP does not permit an HTTPS redirect",
                                },
                            ]
                          : [],
                  ),
    },
];

/** A Cloud Run URL's host: the service routes requests by Host, so a different Host gets its 404. */
const RUN_APP_HOST = /\.run\.app\.?$/;

/** Configurations GCP accepts that can never serve: a warning naming what is missing. */
export const neverServesRules: Rule<ApplicationLoadBalancerArgs>[] = [
    {
        id: "managed-certificate-unpublished-authorization",
        component: "ApplicationLoadBalancer",
        severity: "warning",
        summary:
            "An internal load balancer's Google-managed certificate has somewhere public for its DNS authorization records",
        prevents:
            "a certificate that stays PROVISIONING (so HTTPS never serves): Certificate Manager checks the authorization CNAMEs in public DNS, and an internal scheme's records are only output",
        fix: "set dns.authorizationZone to a public managed zone of the domains, or publish the records of the dnsAuthorizationRecords output in your public DNS",
        check: (args) =>
            args.https?.managedCertificate !== undefined &&
            schemeProfile(args.scheme).internal &&
            args.dns?.authorizationZone === undefined
                ? [
                      {
                          field: "https.managedCertificate",
                          message:
                              "is authorized by DNS records that no public zone of this configuration receives (an internal scheme's dns.zone is private), so the certificate is not issued until they are published",
                      },
                  ]
                : [],
    },
    {
        id: "bucket-private-objects",
        component: "ApplicationLoadBalancer",
        severity: "warning",
        summary: "A created bucket is readable by the load balancer (publicRead, or Cloud CDN signed URLs)",
        prevents:
            "403 for every request: a backend bucket reads objects anonymously, and a new bucket's objects are private",
        fix: "set bucket.create.publicRead: true for public content, or serve through Cloud CDN signed URLs (cdn.signedUrlKeys) and grant the Cloud CDN fill service account roles/storage.objectViewer",
        check: (args) =>
            Object.entries(args.backends ?? {}).flatMap(([key, backend]): Finding[] =>
                backend?.bucket?.create !== undefined &&
                backend.bucket.create.publicRead !== true &&
                (backend.cdn?.signedUrlKeys?.length ?? 0) === 0
                    ? [
                          {
                              field: `backends.${key}.bucket.create.publicRead`,
                              message:
                                  "is not true and no Cloud CDN signed URL key is set, so the load balancer cannot read the bucket's objects",
                          },
                      ]
                    : [],
            ),
    },
    {
        id: "internet-run-app-host",
        component: "ApplicationLoadBalancer",
        severity: "warning",
        summary: "An internet backend at a run.app host sends that Host (hostOverride or a route's rewrite.host)",
        prevents:
            "404 for every request: Cloud Run routes by the Host header, and the load balancer forwards the client's host",
        fix: "use a cloudRun backend (a serverless NEG) for the service, or set internet.hostOverride (global external, classic) or rewrite.host on its routes to the run.app host",
        check: (args) =>
            Object.entries(args.backends ?? {}).flatMap(([key, backend]): Finding[] => {
                const internet = backend?.internet;
                if (!internet || internet.hostOverride !== undefined) return [];
                const fqdns = [internet.fqdn, ...(internet.endpoints ?? []).map((e) => e.fqdn)];
                const runApp = fqdns.some((f) => typeof f === "string" && RUN_APP_HOST.test(f));
                const rewritten = (args.routes ?? []).some(
                    (r) =>
                        r.rewrite?.host !== undefined &&
                        (r.backend === key || (r.split ?? []).some((s) => s.backend === key)),
                );
                return runApp && !rewritten
                    ? [
                          {
                              field: `backends.${key}.internet`,
                              message:
                                  "reaches a run.app host with the client's Host header, which no Cloud Run service answers to",
                          },
                      ]
                    : [];
            }),
    },
];
