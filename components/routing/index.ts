export * from "./types";
export * from "./compile";
