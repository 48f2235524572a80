export * from "./backend-service";
export * from "./serverless";
export * from "./hybrid";
export * from "./internet";
export * from "./bucket";
