import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { optionalGcp } from "./gcp-modules";
import { replacementOptions } from "./replacement";

/** The role that lets a URL map in another project use a backend service (`compute.backendServices.use`). */
export const LOAD_BALANCER_SERVICE_USER_ROLE = "roles/compute.loadBalancerServiceUser";

/**
 * Who may reference backend services of a service project from a load balancer in another project
 * (cross-project service referencing).
 * @see https://cloud.google.com/load-balancing/docs/l7-internal/l7-internal-shared-vpc#cross-project
 */
export interface LoadBalancerServiceUserArgs {
    /**
     * The principal that creates or updates the URL map (the load balancer project's deployer).
     * @example "serviceAccount:deployer@lb-project.iam.gserviceaccount.com"
     */
    member: pulumi.Input<string>;
    /**
     * The service project holding the backend service(s); required for a project-level grant.
     * @default the provider's project
     * @example "service-project"
     */
    project?: pulumi.Input<string>;
    /**
     * Name of one backend service to grant on. Unset: the whole project.
     * @default undefined (project-level grant)
     * @example "orders-backend"
     */
    backendService?: pulumi.Input<string>;
    /**
     * Region of a regional backend service (regional schemes). Unset: a global backend service.
     * @default undefined
     * @example "europe-west1"
     */
    region?: pulumi.Input<string>;
}

/**
 * Grants `roles/compute.loadBalancerServiceUser` in a service project: on one backend service
 * (`BackendServiceIamMember` / `RegionBackendServiceIamMember`) or on the whole project.
 */
export function grantLoadBalancerServiceUser(
    name: string,
    args: LoadBalancerServiceUserArgs,
    opts?: pulumi.CustomResourceOptions,
): pulumi.CustomResource {
    const role = LOAD_BALANCER_SERVICE_USER_ROLE;
    if (args.backendService === undefined) {
        if (args.project === undefined) {
            throw new Error(`grantLoadBalancerServiceUser "${name}": a project-level grant needs project`);
        }
        return new optionalGcp.projects.IAMMember(
            name,
            { project: args.project, role, member: args.member },
            replacementOptions(optionalGcp.projects.IAMMember, opts ?? {}),
        );
    }
    if (args.region !== undefined) {
        return new compute.RegionBackendServiceIamMember(
            name,
            { project: args.project, region: args.region, name: args.backendService, role, member: args.member },
            replacementOptions(compute.RegionBackendServiceIamMember, opts ?? {}),
        );
    }
    return new compute.BackendServiceIamMember(
        name,
        { project: args.project, name: args.backendService, role, member: args.member },
        replacementOptions(compute.BackendServiceIamMember, opts ?? {}),
    );
}
