// The name a client knows a Postman environment by (`createClient({ environment: "staging" })`):
// the one the target gives it (a config's key), else the one the file gives itself. One rule for the
// loader (scopes.ts), which names the environments, and for the input hash (cache/fingerprint.ts),
// which must take an environment named by a config's key and the same file given on the command
// line as one input when the names agree, and as two when they do not. A module of its own: the
// no-op fast path reads it, and loads nothing else of the loader.
import { parseJsonText } from "./json-text.js";

/** The `name` a parsed environment (or globals) file gives itself, when it is text that is not empty. */
export function ownName(json: unknown): string | undefined {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  const name = (json as Record<string, unknown>)["name"];
  return typeof name === "string" && name !== "" ? name : undefined;
}

/**
 * ownName of a file's bytes; undefined when they are not JSON (the loader then says why, and no
 * output is made from them to match).
 */
export function ownNameOf(file: string, bytes: Buffer): string | undefined {
  try {
    return ownName(parseJsonText(file, bytes.toString("utf8")));
  } catch {
    return undefined;
  }
}

/**
 * The name the client knows an environment by: `given` (a config's key), else the file's own,
 * which `own` is asked for only then (reading it costs a parse).
 */
export function environmentName(given: string | undefined, own: () => string | undefined): string | undefined {
  return given ?? own();
}
