/**
 * The public API of `cloudrun-lb`, by name: what docs/API.md documents (tests/package/public-api.spec.ts holds
 * the two equal). Helpers the package's own CLI, tests and tools use are imported from their modules.
 */

// Components
export { ApplicationLoadBalancer } from "./load-balancer";
export { LoadBalancerNetwork } from "./network";
export { Frontend } from "./frontend";
export { ServerlessBackend } from "./backends/serverless/builder";
export { InternetBackend } from "./backends/internet/builder";
export { HybridBackend } from "./backends/hybrid/builder";

// The load balancer's arguments
export type { ApplicationLoadBalancerArgs, BackendArgs, NetworkArgs } from "./args/load-balancer";
export { Scheme } from "./schemes";
export { MigrationStage } from "./migration";
export { BackendKind } from "./backends/kinds";
export type { CloudRunTargetArgs, ServerlessBackendArgs } from "./backends/serverless/args";
export type {
    HybridBackendArgs,
    HybridEndpointArgs,
    HybridHealthCheckArgs,
    HybridTargetArgs,
} from "./backends/hybrid/args";
export type { InternetBackendArgs, InternetEndpointArgs, InternetTargetArgs } from "./backends/internet/args";
export type { BucketCreateArgs, BucketTargetArgs, BucketWebsiteArgs } from "./backends/bucket/args";
export { BackendProtocol, CdnCacheMode } from "./backends/shared/args";
export type {
    BackendCdnArgs,
    BackendComponentArgs,
    BackendIapArgs,
    BackendLoggingArgs,
    BackendSettingsArgs,
    CdnCacheKeyArgs,
    CdnNegativeCachingTtlArgs,
    CdnSignedUrlKeyArgs,
    OutlierDetectionArgs,
} from "./backends/shared/args";
export { CustomRuleAction, CustomRuleRedirectType, RateLimitAction } from "./args/security-policy";
export type {
    BackendSecurityPolicyArgs,
    CustomRuleArgs,
    CustomRuleRedirectArgs,
    GeoArgs,
    PathRateLimitArgs,
    RateLimitArgs,
    SecurityPolicyCreateArgs,
} from "./args/security-policy";
export { defaultSubnetCidr, ProxyOnlyPurpose } from "./args/network";
export type { ExistingNetworkArgs, LoadBalancerNetworkArgs, NetworkCreateArgs, RegionalCidrs } from "./args/network";
export { defaultPscNatCidr, PscConnectionPreference } from "./args/psc";
export type { PscConsumerArgs, PscPublishArgs } from "./args/psc";
export type {
    AuthorizationArgs,
    AuthorizationHeaderArgs,
    AuthorizationPrincipalArgs,
    AuthorizationRuleArgs,
} from "./args/authorization";
export {
    ClientCertificateVariable,
    ClientValidationMode,
    NetworkTier,
    QuicOverride,
    SslPolicyProfile,
    TlsVersion,
} from "./args/frontend";
export type {
    AddressArgs,
    ClientCertificatesArgs,
    FrontendArgs,
    FrontendSettingsArgs,
    HttpsArgs,
    SelfManagedCertificateArgs,
    SslPolicyArgs,
} from "./args/frontend";
export { DnsAuthorizationType } from "./args/certificates";
export { CertificateKeyAlgorithm } from "./args/certificates";
export type { DnsAuthorizationRecord, ManagedCertificateArgs } from "./args/certificates";
export type { DnsArgs } from "./args/dns";

// Routes
export { RedirectCode, RetryCondition } from "./routing/types";
export type {
    CorsArgs,
    FaultAbortArgs,
    FaultDelayArgs,
    FaultInjectionArgs,
    HeaderArgs,
    HeaderMatchArgs,
    HeaderRangeArgs,
    HeaderToAddArgs,
    HeaderTransformArgs,
    MirrorArgs,
    QueryParameterMatchArgs,
    RedirectArgs,
    RetryArgs,
    RewriteArgs,
    RouteArgs,
    RouteTestArgs,
    UrlMapSpec,
    UrlMapTestSpec,
    WeightedBackendArgs,
} from "./routing/types";
export type { CustomErrorResponsesArgs, ErrorResponseRuleArgs } from "./routing/error-responses";

// Routing and validation without a deployment
export { compileUrlMap } from "./routing/compile";
export type { CompileOptions, RouteTable } from "./routing/compile";
export { simulateRequest } from "./routing/simulate";
export type { RouteRequest, RouteResult, RoutedBackend, SimulateOptions } from "./routing/simulate";
export type { UrlMaskTarget } from "./routing/url-mask";
export type { RoutingContext } from "./routing/context";
export { estimatedUrlMapBytes, syntheticBackendRef, validateRoutes } from "./rules/routing";
export { validateLoadBalancerArgs } from "./rules/load-balancer";
export { ConfigurationError, formatProblems } from "./validation";
export type { Problem } from "./validation";
export { allSchemes, featureTable, schemeProfile, supports } from "./schemes";
export type { FeatureSupport, SchemeProfile } from "./schemes";
export { gcpName } from "./naming";
