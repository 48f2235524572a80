/**
 * N Cloud Run services behind ONE URL-mask serverless NEG (`<service>.example.com`): the load balancer is the
 * same whatever N is — a new service needs no new NEG, backend service or URL map entry.
 */
import { ApplicationLoadBalancer } from "cloudrun-lb";

export function build(_n: number): void {
    new ApplicationLoadBalancer("bench", {
        scheme: "global-external",
        backends: { services: { cloudRun: { urlMask: "<service>.example.com", region: "europe-west1" } } },
    });
}
