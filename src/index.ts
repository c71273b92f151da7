// Programmatic API: the same pipeline the CLI runs.
export { generate, emitTarget, loadTarget } from "./generate.js";
export type {
  EmittedTarget,
  FileChange,
  GenerateOptions,
  GenerateResult,
  ProgressEvent,
  TargetResult,
  TargetPlace,
  TargetStatus,
} from "./generate.js";
export { diffCollections, diffRecorded } from "./diff/collections.js";
export type { CollectionsDiff } from "./diff/collections.js";
export type { ApiChange, ApiDiff, ChangeKind } from "./diff/compare.js";
export type { Level, Verdict } from "./diff/levels.js";
export { watch } from "./watch.js";
export type { WatchOptions } from "./watch.js";
export { isUpToDate } from "./fast-path.js";
export { readConfig, findConfig, defaultPackageName, CONFIG_FILE, PACKAGE_KEY } from "./config.js";
export type { Target, TargetOptions, BodyEncodingOverride, EnvironmentSource, PostmanSource } from "./config.js";
export { pull, pullTargets, readLock } from "./postman-api/pull.js";
export type { LockEntry, PullChange, PullOptions, Resource } from "./postman-api/pull.js";
export { LOCK_FILE, STORE_DIR } from "./postman-api/store.js";
export { loadCollection } from "./load/collection.js";
export { emitPackage } from "./emit/package.js";
export type { FileSet } from "./emit/package.js";
export { CodegenError } from "./errors.js";
export type * from "./model/types.js";
