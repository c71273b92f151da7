// The manifest each output directory keeps (.postman-codegen.json): which generator made it from
// which input, and every file it wrote with its hash. It lets an unchanged run stop early, keeps
// files the generator did not write, and removes the ones it wrote that are now stale.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const MANIFEST_FILE = ".postman-codegen.json";

export interface Manifest {
  /** The generator's fingerprint (its version and its own code). */
  generator: string;
  /** Hash of everything the output depends on: collection bytes, target options, formatting options, generator. */
  input: string;
  /** Every file written, relative path → sha256. */
  files: Record<string, string>;
}

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

export function readManifest(outDir: string): Manifest | undefined {
  try {
    const json = JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), "utf8")) as Partial<Manifest>;
    if (typeof json.input !== "string" || typeof json.generator !== "string" || typeof json.files !== "object" || json.files === null) return undefined;
    return json as Manifest;
  } catch {
    return undefined;
  }
}

export function manifestText(manifest: Manifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ generator: manifest.generator, input: manifest.input, files }, null, 2)}\n`;
}
