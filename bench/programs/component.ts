/**
 * N Cloud Run services behind ONE global external load balancer, host-based routing, with the component.
 * GCP allows 1,000 host rules and 1 MB per URL map (classic: 64 KB), so N = 1000 is one load balancer.
 */
import { ApplicationLoadBalancer, BackendArgs, RouteArgs } from "cloudrun-lb";

export const REGION = "europe-west1";

export function build(n: number): void {
    const backends: Record<string, BackendArgs> = {};
    const routes: RouteArgs[] = [];
    for (let i = 0; i < n; i++) {
        backends[`svc-${i}`] = { cloudRun: { service: `svc-${i}`, region: REGION } };
        routes.push({ hosts: [`svc-${i}.example.com`], backend: `svc-${i}` });
    }
    new ApplicationLoadBalancer("bench", {
        scheme: "global-external",
        backends,
        routes,
        defaultBackend: "svc-0",
    });
}
