import { Scheme } from "../schemes";
import type { BackendKind } from "../backends/kinds";
import type { AuthorizationArgs } from "../args/authorization";
import type { ClientCertificateAccess } from "./access";
import type { CustomErrorResponsesArgs } from "./error-responses";
import { HeaderTransformArgs, RouteArgs, RouteTestArgs } from "./types";
import { UrlMaskTarget } from "./url-mask";

/** What routing validation looks at; field names in findings are relative to the load balancer's args. */
export interface RoutingContext {
    scheme: Scheme;
    routes: RouteArgs[];
    /** Backend keys routes may name. */
    backendKeys: string[];
    /** Kind per backend key (mirroring to serverless backends is refused). */
    backendKinds?: Record<string, BackendKind>;
    /** Backend for requests no route matches. */
    defaultBackend?: string;
    /** URL map level header actions. */
    requestHeaders?: HeaderTransformArgs;
    responseHeaders?: HeaderTransformArgs;
    /** Route tests, run through the simulator. */
    tests?: RouteTestArgs[];
    /**
     * URL mask per backend key (with the service or tag given beside it), for route tests that name a
     * Cloud Run service.
     */
    urlMasks?: Record<string, string | UrlMaskTarget>;
    /** The load balancer's custom error responses (routes carry their own). */
    customErrorResponses?: CustomErrorResponsesArgs;
    /** Frontend mTLS, for route tests that present (or lack) a client certificate. */
    clientCertificates?: ClientCertificateAccess;
    /** The authorization policies (on the schemes that have them), for route tests they deny. */
    authorization?: AuthorizationArgs;
}
