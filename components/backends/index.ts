export * from "./backend-service";
export * from "./serverless";
