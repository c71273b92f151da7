// Where what the Postman API gave is kept beside the config: the lock file, with each resource's
// uid, `updatedAt` and sha256, and the stored copies themselves, which `generate` reads (so that
// --check, CI and a machine without network need no API). Only node: modules are imported here:
// the config, and so the no-op fast path, find the stored copies through it.
import { join } from "node:path";

export const LOCK_FILE = "postman-codegen.lock.json";
/** The folder, beside the config, of the stored copies. */
export const STORE_DIR = "postman-sources";
export const DEFAULT_API_URL = "https://api.getpostman.com";
export const DEFAULT_API_KEY_ENV = "POSTMAN_API_KEY";
/**
 * A uid as the Postman API gives them (`12345678-0c5d1b0e-…`, or a bare id): letters, digits and
 * `-`, so that it is safe in a URL path and a file name. The config schema says the same.
 */
export const UID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z-]*$/;

export type ResourceKind = "collection" | "environment";

/** The stored copy of a resource, relative to the lock's folder. */
export function storedCopyPath(kind: ResourceKind, uid: string): string {
  return `${STORE_DIR}/${kind === "collection" ? "collections" : "environments"}/${uid}.postman_${kind}.json`;
}

export function storedCopy(root: string, kind: ResourceKind, uid: string): string {
  return join(root, storedCopyPath(kind, uid));
}
