/**
 * N Cloud Run services behind global external load balancers, host-based routing, with the component.
 * One load balancer per 100 services: GCP caps a URL map at 64 KB, about 130 such host rules, and the
 * component rejects a bigger one at preview (rule `route-limits`), so N = 1000 is ten load balancers.
 */
import { ApplicationLoadBalancer, BackendArgs, RouteArgs } from "cloudrun-lb";

export const REGION = "europe-west1";
export const SERVICES_PER_LOAD_BALANCER = 100;

export function build(n: number): void {
    for (let first = 0; first < n; first += SERVICES_PER_LOAD_BALANCER) {
        const backends: Record<string, BackendArgs> = {};
        const routes: RouteArgs[] = [];
        for (let i = first; i < Math.min(n, first + SERVICES_PER_LOAD_BALANCER); i++) {
            backends[`svc-${i}`] = { cloudRun: { service: `svc-${i}`, region: REGION } };
            routes.push({ hosts: [`svc-${i}.example.com`], backend: `svc-${i}` });
        }
        const name = first === 0 ? "bench" : `bench-${first / SERVICES_PER_LOAD_BALANCER}`;
        new ApplicationLoadBalancer(name, {
            scheme: "global-external",
            backends,
            routes,
            defaultBackend: `svc-${first}`,
        });
    }
}
