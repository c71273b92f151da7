// Programmatic API: the same pipeline the CLI runs.
export { generate, emitTarget } from "./generate.js";
export type { TargetResult } from "./generate.js";
export { readConfig, defaultPackageName, CONFIG_FILE } from "./config.js";
export type { Target } from "./config.js";
export { loadCollection } from "./load/collection.js";
export { emitPackage } from "./emit/package.js";
export type { FileSet } from "./emit/package.js";
export { CodegenError } from "./errors.js";
export type * from "./model/types.js";
