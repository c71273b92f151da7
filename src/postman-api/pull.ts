// `postman-codegen pull`: fetches a config's Postman API resources, checks each as generate would
// read it, and, only when every one succeeded, stores the copies (their secrets left out:
// redact.ts) and the lock that records them (uid, name, `updatedAt`, sha256). `generate` reads the
// stored copies: it fetches only what was never pulled (and never with --check), so CI and a
// machine without network need no API.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { PostmanSource, Target } from "../config.js";
import { CodegenError } from "../errors.js";
import { toModel } from "../load/collection.js";
import { scopeFromJson } from "../load/environment.js";
import { jsonSyntaxReason } from "../load/json-text.js";
import { parseCollectionText } from "../load/read.js";
import { authCredentials } from "../load/scopes.js";
import { jsonPath } from "../schema-errors.js";
import type { Warning } from "../model/types.js";
import { sha256 } from "../cache/manifest.js";
import { fetchResource, resourceLabel, type ApiOptions } from "./client.js";
import { collectionWithoutSecrets, environmentWithoutSecrets } from "./redact.js";
import {
  DEFAULT_API_KEY_ENV,
  DEFAULT_API_URL,
  LOCK_FILE,
  STORE_DIR,
  storedCopy,
  storedCopyPath,
  type ResourceKind,
} from "./store.js";

export interface LockEntry {
  kind: ResourceKind;
  uid: string;
  name?: string;
  updatedAt?: string;
  /** sha256 of the stored copy's bytes. */
  sha256: string;
  /** The stored copy, relative to the lock file. */
  file: string;
}

export interface PullChange {
  kind: ResourceKind;
  uid: string;
  name?: string;
  /** The stored copy, relative to the lock file. */
  file: string;
  status: "added" | "changed" | "unchanged" | "removed";
  updatedAt?: string;
  /** `updatedAt` as the lock had it, for a changed resource. */
  previousUpdatedAt?: string;
  /**
   * What the stored copy of a collection leaves out (redact.ts), each value by its JSON place, never
   * the value; `file` is the stored copy. An environment's secrets are said by generate, which reads them.
   */
  warnings?: Warning[];
}

/** A resource to fetch, with the API it comes from. */
export interface Resource {
  kind: ResourceKind;
  uid: string;
  apiUrl?: string;
  apiKeyEnv?: string;
  /**
   * An environment's collections (uids), whose auth says which of its values are credentials: each
   * is read as pulled with it, else as stored. Without them, every collection pulled with it or
   * stored in the lock's folder counts.
   */
  collections?: string[];
}

export interface PullOptions {
  /** Where the key is looked up (default process.env). */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  maxWaitMs?: number;
  fetch?: typeof fetch;
  /** Drop lock entries (and their stored copies) of resources not in the list: a config's full pull. */
  prune?: boolean;
}

const LOCK_VERSION = 1;

/** The resources of a Postman source: its collection, then its environments. */
export function resourcesOf(postman: PostmanSource): Resource[] {
  const api = {
    ...(postman.apiUrl !== undefined ? { apiUrl: postman.apiUrl } : {}),
    ...(postman.apiKeyEnv !== undefined ? { apiKeyEnv: postman.apiKeyEnv } : {}),
  };
  return [
    { kind: "collection", uid: postman.collection, ...api },
    ...(postman.environments ?? []).map((e): Resource => ({
      kind: "environment",
      uid: e.uid,
      ...api,
      collections: [postman.collection],
    })),
  ];
}

/** Adds a resource to a list once; an environment used with several collections keeps them all. */
function addResource(list: Resource[], resource: Resource): void {
  const twin = list.find((r) => r.kind === resource.kind && r.uid === resource.uid);
  if (!twin) list.push({ ...resource, ...(resource.collections ? { collections: [...resource.collections] } : {}) });
  else if (twin.collections && resource.collections)
    for (const uid of resource.collections) if (!twin.collections.includes(uid)) twin.collections.push(uid);
}

/** The lock's entries; a missing lock has none. `lenient`: a broken lock counts as none (pull rewrites it). */
export function readLock(root: string, lenient = false): LockEntry[] {
  const file = join(root, LOCK_FILE);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const broken = (where: string | undefined, problem: string): never => {
    throw new CodegenError(file, where, `${problem}: run \`postman-codegen pull\` to write it again`);
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (lenient) return [];
    return broken(undefined, `not valid JSON (${jsonSyntaxReason((error as Error).message)})`);
  }
  const resources = (json as { resources?: unknown } | null)?.resources;
  if (!Array.isArray(resources)) return lenient ? [] : broken("resources", "not a list of resources");
  const entries: LockEntry[] = [];
  resources.forEach((entry: unknown, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const ok =
      (e["kind"] === "collection" || e["kind"] === "environment") &&
      typeof e["uid"] === "string" &&
      typeof e["sha256"] === "string" &&
      typeof e["file"] === "string";
    if (!ok) {
      if (!lenient) broken(jsonPath(`/resources/${i}`), "an entry needs kind, uid, sha256 and file");
      return;
    }
    entries.push(e as unknown as LockEntry);
  });
  return entries;
}

/**
 * Checks that the stored copies a Postman source is read from are the ones the lock recorded:
 * present, and with the sha256 the lock has for them.
 */
export function verifyStoredCopies(postman: PostmanSource): void {
  const entries = readLock(postman.root);
  for (const { kind, uid } of resourcesOf(postman)) {
    const entry = entries.find((e) => e.kind === kind && e.uid === uid);
    const file = storedCopy(postman.root, kind, uid);
    if (!entry)
      throw new CodegenError(
        join(postman.root, LOCK_FILE),
        undefined,
        `${kind} ${uid} has not been pulled from the Postman API: run \`postman-codegen pull\``,
      );
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new CodegenError(
        file,
        undefined,
        `the stored copy of ${kind} ${uid} is missing: run \`postman-codegen pull\``,
      );
    }
    if (sha256(bytes) !== entry.sha256) {
      throw new CodegenError(
        file,
        undefined,
        `the stored copy of ${kind} ${uid} is not what was pulled (its sha256 is not the one ${LOCK_FILE} records): run \`postman-codegen pull\` rather than editing it`,
      );
    }
  }
}

/** The resources of the targets that were never pulled (no lock entry, or no stored copy), by lock folder. */
export function unpulled(targets: readonly Target[]): Map<string, Resource[]> {
  const missing = new Map<string, Resource[]>();
  for (const target of targets) {
    if (!target.postman) continue;
    const { root } = target.postman;
    const entries = readLock(root, true);
    for (const resource of resourcesOf(target.postman)) {
      const entry = entries.find((e) => e.kind === resource.kind && e.uid === resource.uid);
      let present = true;
      try {
        readFileSync(storedCopy(root, resource.kind, resource.uid));
      } catch {
        present = false;
      }
      if (entry && present) continue;
      const list = missing.get(root) ?? [];
      addResource(list, resource);
      missing.set(root, list);
    }
  }
  return missing;
}

/** Pulls every Postman resource of the targets, per lock folder; with `prune`, each lock then holds those only. */
export async function pullTargets(targets: readonly Target[], options: PullOptions = {}): Promise<PullChange[]> {
  const byRoot = new Map<string, Resource[]>();
  for (const target of targets) {
    if (!target.postman) continue;
    const list = byRoot.get(target.postman.root) ?? [];
    for (const resource of resourcesOf(target.postman)) addResource(list, resource);
    byRoot.set(target.postman.root, list);
  }
  // Everything is fetched and checked before anything is written.
  const fetched = await Promise.all(
    [...byRoot].map(async ([root, resources]) => ({
      root,
      resources,
      copies: await fetchAll(root, resources, options),
    })),
  );
  return fetched.flatMap(({ root, resources, copies }) => store(root, resources, copies, options.prune ?? false));
}

/** Pulls the given resources into the lock folder `root` (the others in the lock stay, unless `prune`). */
export async function pull(
  root: string,
  resources: readonly Resource[],
  options: PullOptions = {},
): Promise<PullChange[]> {
  return store(root, resources, await fetchAll(root, resources, options), options.prune ?? false);
}

interface Copy {
  resource: Resource;
  text: string;
  name?: string;
  updatedAt?: string;
  warnings?: Warning[];
}

async function fetchAll(root: string, resources: readonly Resource[], options: PullOptions): Promise<Copy[]> {
  const fetched: Array<{ resource: Resource; label: string; got: Awaited<ReturnType<typeof fetchResource>> }> = [];
  // One at a time: the API limits requests per minute.
  for (const resource of resources) {
    const apiKeyEnv = resource.apiKeyEnv ?? DEFAULT_API_KEY_ENV;
    const apiUrl = resource.apiUrl ?? DEFAULT_API_URL;
    const apiKey = (options.env ?? process.env)[apiKeyEnv];
    if (!apiKey) {
      throw new CodegenError(
        resourceLabel(apiUrl, resource.kind, resource.uid),
        undefined,
        `no Postman API key: set $${apiKeyEnv} to a key (Postman → Settings → API keys)${resource.apiKeyEnv ? "" : ", or name another variable with apiKeyEnv"}`,
      );
    }
    const api: ApiOptions = {
      apiUrl,
      apiKey,
      apiKeyEnv,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    };
    fetched.push({
      resource,
      label: resourceLabel(apiUrl, resource.kind, resource.uid),
      got: await fetchResource(resource.kind, resource.uid, api),
    });
  }
  // Checked as generate will read it: a copy that could not be generated from is not stored. A
  // collection's auth says which of its variables are credentials; emptying its literal ones
  // leaves every `{{reference}}` of its auth, so the stored copy names the same credentials.
  const credentialsOf = new Map<string, ReadonlySet<string>>();
  const collections = fetched.map(({ resource, label, got }) => {
    if (resource.kind !== "collection") return undefined;
    const credentials = authCredentials(toModel(parseCollectionText(label, `${JSON.stringify(got.json, null, 2)}\n`)));
    credentialsOf.set(resource.uid, credentials);
    const { json, left } = collectionWithoutSecrets(got.json, credentials);
    const text = `${JSON.stringify(json, null, 2)}\n`;
    if (left.length) parseCollectionText(label, text);
    const file = storedCopyPath("collection", resource.uid);
    return { text, warnings: left.map((w): Warning => ({ ...w, file })) };
  });
  const copies: Copy[] = [];
  for (const [i, { resource, label, got }] of fetched.entries()) {
    let text = collections[i]?.text;
    let warnings = collections[i]?.warnings ?? [];
    if (text === undefined) {
      const left: Warning[] = [];
      const credentials = environmentCredentials(root, resource, credentialsOf, label);
      const json = environmentWithoutSecrets(got.json, credentials, left);
      text = `${JSON.stringify(json, null, 2)}\n`;
      scopeFromJson(label, json, "environment");
      const file = storedCopyPath("environment", resource.uid);
      warnings = left.map((w): Warning => ({ ...w, file }));
    }
    copies.push({
      resource,
      text,
      ...(got.name !== undefined ? { name: got.name } : {}),
      ...(got.updatedAt !== undefined ? { updatedAt: got.updatedAt } : {}),
      ...(warnings.length ? { warnings } : {}),
    });
  }
  return copies;
}

/**
 * The variables an environment's collections' auth takes as credentials: secrets of the
 * environment whatever their key, as generate treats them (load/scopes.ts). A collection not
 * pulled with the environment is read as stored, so that an environment pulled alone (generate's
 * first run after it was added to a config) is stored as a full pull stores it.
 */
function environmentCredentials(
  root: string,
  environment: Resource,
  credentialsOf: Map<string, ReadonlySet<string>>,
  label: string,
): Set<string> {
  const uids = environment.collections ?? [
    ...new Set([
      ...credentialsOf.keys(),
      ...readLock(root, true).flatMap((e) => (e.kind === "collection" ? [e.uid] : [])),
    ]),
  ];
  const credentials = new Set<string>();
  for (const uid of uids) {
    let names = credentialsOf.get(uid);
    if (!names) {
      const file = storedCopy(root, "collection", uid);
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        throw new CodegenError(
          label,
          undefined,
          `cannot tell which of its values are credentials: its collection ${uid} is neither pulled with it nor stored (${storedCopyPath("collection", uid)}): pull them together`,
        );
      }
      names = authCredentials(toModel(parseCollectionText(file, text)));
      credentialsOf.set(uid, names);
    }
    for (const name of names) credentials.add(name);
  }
  return credentials;
}

function store(root: string, resources: readonly Resource[], copies: readonly Copy[], prune: boolean): PullChange[] {
  const before = readLock(root, true);
  const changes: PullChange[] = [];
  const entries = new Map(before.map((e) => [`${e.kind} ${e.uid}`, e]));
  for (const copy of copies) {
    const { kind, uid } = copy.resource;
    const file = storedCopyPath(kind, uid);
    const hash = sha256(copy.text);
    const old = entries.get(`${kind} ${uid}`);
    let onDisk: string | undefined;
    try {
      onDisk = readFileSync(join(root, file), "utf8");
    } catch {
      onDisk = undefined;
    }
    const status = !old ? "added" : old.sha256 === hash && onDisk === copy.text ? "unchanged" : "changed";
    if (onDisk !== copy.text) writeAtomically(join(root, file), copy.text);
    const entry: LockEntry = {
      kind,
      uid,
      ...(copy.name !== undefined ? { name: copy.name } : {}),
      ...(copy.updatedAt !== undefined ? { updatedAt: copy.updatedAt } : {}),
      sha256: hash,
      file,
    };
    entries.set(`${kind} ${uid}`, entry);
    changes.push({
      kind,
      uid,
      ...(entry.name !== undefined ? { name: entry.name } : {}),
      file,
      status,
      ...(entry.updatedAt !== undefined ? { updatedAt: entry.updatedAt } : {}),
      ...(status === "changed" && old?.updatedAt !== undefined ? { previousUpdatedAt: old.updatedAt } : {}),
      ...(copy.warnings ? { warnings: copy.warnings } : {}),
    });
  }
  if (prune) {
    const wanted = new Set(resources.map((r) => `${r.kind} ${r.uid}`));
    for (const [key, entry] of entries) {
      if (wanted.has(key)) continue;
      entries.delete(key);
      rmSync(storedCopy(root, entry.kind, entry.uid), { force: true });
      changes.push({
        kind: entry.kind,
        uid: entry.uid,
        ...(entry.name !== undefined ? { name: entry.name } : {}),
        file: entry.file,
        status: "removed",
      });
    }
  }
  const sorted = [...entries.values()].sort((a, b) =>
    a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0,
  );
  if (!sorted.length && prune) {
    // The last resource pruned (no target takes the Postman API any more): the project is left as
    // one that never pulled, with no lock and no empty folders of stored copies.
    rmSync(join(root, LOCK_FILE), { force: true });
    for (const dir of ["collections", "environments", ""]) removeIfEmpty(join(root, STORE_DIR, dir));
    return changes;
  }
  const lock = `${JSON.stringify({ lockfileVersion: LOCK_VERSION, resources: sorted }, null, 2)}\n`;
  let current: string | undefined;
  try {
    current = readFileSync(join(root, LOCK_FILE), "utf8");
  } catch {
    current = undefined;
  }
  if (current !== lock) writeAtomically(join(root, LOCK_FILE), lock);
  return changes;
}

function removeIfEmpty(dir: string): void {
  try {
    if (!readdirSync(dir).length) rmdirSync(dir);
  } catch {
    // Absent already.
  }
}

/** Written beside itself and renamed into place: an interrupted write leaves the old file whole. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
