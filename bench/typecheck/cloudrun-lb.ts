// Consumer type-check case: a one-file stack program importing cloudrun-lb (resolved to lib/*.d.ts).
import { ApplicationLoadBalancer } from "cloudrun-lb";

const lb = new ApplicationLoadBalancer("shop", {
    scheme: "global-external",
    backends: {
        web: { cloudRun: { service: "web", region: "europe-west1" } },
        api: { cloudRun: { service: "api", region: "europe-west1" } },
    },
    routes: [{ hosts: ["api.example.com"], backend: "api" }],
    defaultBackend: "web",
});
export const url = lb.url;
