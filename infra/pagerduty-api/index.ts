export * from "./client";
export * from "./errors";
export * from "./resources";
export type * from "./types";
