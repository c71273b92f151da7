// node:crypto, loaded when something is first hashed. Loading it compiles some forty of Node's
// internal modules (its own and the streams it builds on): a sixth of what a no-op costs over a
// bare Node start, and a no-op that the stamp (noop-stamp.ts) answers hashes nothing.
import type { Hash } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let crypto: typeof import("node:crypto") | undefined;

export function createHash(algorithm: string): Hash {
  crypto ??= require("node:crypto") as typeof import("node:crypto");
  return crypto.createHash(algorithm);
}
