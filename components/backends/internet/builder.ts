import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { BuildScope, createChild } from "../../builder";
import { gcpName, replacementSafeName } from "../../naming";
import { InternetBackendArgs, InternetEndpointArgs, internetEndpoints, internetEndpointType } from "./args";
import { INTERNET_NEG_INGRESS_NOTE, validateInternetBackendArgs } from "./rules";
import { schemeProfile } from "../../schemes";
import { failOnProblems, runRules } from "../../validation";
import { createBackendService } from "../shared/builder";
import { backendServiceRuleContext, backendServiceRules } from "../shared/rules";
import { shapeFirst } from "../../shape";

/** The `host: <value>` custom request header of a Host override. */
export function hostHeader(host: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.interpolate`host: ${host}`;
}

/** What an internet backend builder made: the outputs `InternetBackend` exposes. */
export interface InternetBackendOutputs {
    /** Id of the backend service, for URL maps. */
    backendServiceId: pulumi.Output<string>;
    /** Name of the backend service, for IAM bindings on it. */
    backendServiceName: pulumi.Output<string>;
    /** Id of the NEG the backend service uses (created, or the one given in `neg`). */
    negId: pulumi.Output<string>;
}

/**
 * Creates an internet backend's resources under `scope.parent` (named `${name}-<role>`); validates nothing
 * (the component that calls it has).
 */
export function buildInternetBackend(
    name: string,
    args: InternetBackendArgs,
    scope: BuildScope,
): InternetBackendOutputs {
    const physical = args.namePrefix ?? gcpName(name);
    const target = args.internet;
    const regional = schemeProfile(args.scheme).scope === "regional";
    const endpoints = internetEndpoints(target);
    const type = internetEndpointType(target);

    // Said once per NEG: backends sharing a NEG reach the same host.
    for (const endpoint of args.neg === undefined ? endpoints : []) {
        pulumi.output(endpoint.fqdn).apply((fqdn) => {
            if (fqdn?.endsWith(".run.app")) {
                void pulumi.log.warn(`${fqdn}: ${INTERNET_NEG_INGRESS_NOTE}.`, scope.parent);
            }
        });
    }

    let negId: pulumi.Output<string>;
    if (args.neg !== undefined) {
        negId = pulumi.output(args.neg);
    } else if (regional) {
        const neg = createChild(
            compute.RegionNetworkEndpointGroup,
            `${name}-neg`,
            {
                name: pulumi.all([args.project, args.network]).apply(([project, network]) =>
                    replacementSafeName([physical, "neg"], {
                        project,
                        region: args.region,
                        network,
                        type,
                    }),
                ),
                project: args.project,
                region: args.region!,
                network: args.network,
                networkEndpointType: type,
            },
            scope,
        );
        endpoints.forEach((endpoint, i) =>
            createChild(
                compute.RegionNetworkEndpoint,
                `${name}-endpoint-${endpointKey(endpoint, i)}`,
                {
                    project: args.project,
                    region: args.region,
                    regionNetworkEndpointGroup: neg.name,
                    fqdn: endpoint.fqdn,
                    ipAddress: endpoint.ipAddress,
                    port: endpoint.port,
                },
                scope,
            ),
        );
        negId = neg.id;
    } else {
        // A global NEG holds its one endpoint for life: the endpoint is part of the name hash, so a
        // new endpoint means a new NEG, created and attached before the old one is deleted.
        const endpoint = endpoints[0];
        const neg = createChild(
            compute.GlobalNetworkEndpointGroup,
            `${name}-neg`,
            {
                name: pulumi.all([args.project, endpoint.fqdn]).apply(([project, fqdn]) =>
                    replacementSafeName([physical, "neg"], {
                        project,
                        type,
                        fqdn,
                        ipAddress: endpoint.ipAddress,
                        port: endpoint.port,
                    }),
                ),
                project: args.project,
                networkEndpointType: type,
                defaultPort: endpoint.port,
            },
            scope,
        );
        createChild(
            compute.GlobalNetworkEndpoint,
            `${name}-endpoint`,
            {
                project: args.project,
                globalNetworkEndpointGroup: neg.name,
                fqdn: endpoint.fqdn,
                ipAddress: endpoint.ipAddress,
                port: endpoint.port,
            },
            scope,
        );
        negId = neg.id;
    }

    const headers = [
        ...(args.settings?.customRequestHeaders ?? []),
        ...(target.hostOverride !== undefined ? [hostHeader(target.hostOverride)] : []),
    ];
    const created = createBackendService(
        `${name}-backend`,
        {
            name: gcpName(physical, "backend"),
            scheme: args.scheme,
            project: args.project,
            region: args.region,
            groups: [negId],
            protocol: target.protocol ?? "HTTPS",
            description: args.description,
            logging: args.logging,
            ...args.settings,
            customRequestHeaders: headers.length > 0 ? headers : undefined,
        },
        scope,
    );
    return { backendServiceId: created.id, backendServiceName: created.name, negId };
}

/**
 * An internet NEG (global or regional by scheme) and the backend service in front of it: no health
 * check, no balancing mode, HTTPS by default, Host override through `customRequestHeaders` on global
 * schemes.
 *
 * @see https://cloud.google.com/load-balancing/docs/negs/internet-neg-concepts
 */
export class InternetBackend extends pulumi.ComponentResource {
    /** Id of the backend service, for URL maps. */
    public readonly backendServiceId: pulumi.Output<string>;
    /** Name of the backend service, for IAM bindings on it. */
    public readonly backendServiceName: pulumi.Output<string>;
    /** Id of the NEG the backend service uses (created here, or the one given in `neg`). */
    public readonly negId: pulumi.Output<string>;

    constructor(name: string, args: InternetBackendArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cloudrun-lb:index:InternetBackend", name, {}, opts);
        failOnProblems(
            `InternetBackend "${name}"`,
            shapeFirst("InternetBackend", args, (checked) => [
                ...validateInternetBackendArgs(checked),
                ...runRules(backendServiceRules, backendServiceRuleContext(checked)),
            ]),
            this,
        );

        // A NEG id known only at apply (a NEG created in the same program) is checked once it resolves.
        const neg =
            args.neg === undefined
                ? undefined
                : pulumi.output(args.neg).apply((id) => {
                      failOnProblems(
                          `InternetBackend "${name}"`,
                          validateInternetBackendArgs({ ...args, neg: id }).filter(
                              (p) => p.rule === "internet-neg-scope",
                          ),
                          this,
                      );
                      return id;
                  });
        const built = buildInternetBackend(name, { ...args, neg }, { parent: this });
        this.backendServiceId = built.backendServiceId;
        this.backendServiceName = built.backendServiceName;
        this.negId = built.negId;
        this.registerOutputs({
            backendServiceId: this.backendServiceId,
            backendServiceName: this.backendServiceName,
            negId: this.negId,
        });
    }
}

/** A stable logical-name suffix for an endpoint: its plain host and port, else its position. */
function endpointKey(endpoint: InternetEndpointArgs & { port: number }, index: number): string {
    const host = endpoint.ipAddress ?? (typeof endpoint.fqdn === "string" ? endpoint.fqdn : `${index}`);
    return `${host}-${endpoint.port}`;
}
