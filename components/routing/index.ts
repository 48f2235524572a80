export * from "./types";
export * from "./compile";
export * from "./simulate";
export * from "./url-mask";
export * from "./route-tests";
export * from "./registry";
export * from "./error-responses";
export * from "./limits";
