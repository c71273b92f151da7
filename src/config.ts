// The project's list of targets: postman-codegen.config.json at the root.
import { readFile } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { CodegenError } from "./errors.js";

export const CONFIG_FILE = "postman-codegen.config.json";

export interface Target {
  /** Path of the collection file. */
  collection: string;
  /** Output directory of the emitted package. */
  out: string;
  /** npm package name of the emitted package. */
  name: string;
}

/** The package name a collection file suggests: `Zoom API.postman_collection.json` → `zoom-api`. */
export function defaultPackageName(collection: string): string {
  const stem = basename(collection).replace(/(\.postman_collection)?\.json$/i, "");
  return (
    stem
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "api-client"
  );
}

export async function readConfig(file: string): Promise<Target[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new CodegenError(file, undefined, `cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CodegenError(file, undefined, `not valid JSON: ${(error as Error).message}`);
  }
  const targets = (json as { targets?: unknown } | null)?.targets;
  if (!Array.isArray(targets)) throw new CodegenError(file, "targets", "expected a list of targets: [{ collection, out, name? }]");
  const base = dirname(file);
  return targets.map((target: unknown, i): Target => {
    const t = (target ?? {}) as Record<string, unknown>;
    if (typeof t["collection"] !== "string") throw new CodegenError(file, `targets[${i}].collection`, "expected the path of a collection file");
    if (typeof t["out"] !== "string") throw new CodegenError(file, `targets[${i}].out`, "expected an output directory");
    if (t["name"] !== undefined && typeof t["name"] !== "string") throw new CodegenError(file, `targets[${i}].name`, "expected an npm package name");
    return {
      collection: resolve(base, t["collection"]),
      out: resolve(base, t["out"]),
      name: typeof t["name"] === "string" ? t["name"] : defaultPackageName(t["collection"]),
    };
  });
}
