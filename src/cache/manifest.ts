// The manifest each output directory keeps (.postman-codegen.json): which generator made it from
// which input, every file it wrote with its hash, the package's version and its public surface. It
// lets an unchanged run stop early, keeps files the generator did not write, removes the ones it
// wrote that are now stale, and gives the next regeneration the surface to compare with.
import { createHash } from "./hash.js";
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
  /** The emitted package.json's version, which `version: "auto"` bumps. Absent in older manifests. */
  version?: string;
  /**
   * The warnings the generation gave, each once, sorted (src/known-warnings.ts): the next one prints
   * in full only those not here. Absent in older manifests.
   */
  warnings?: readonly string[];
  /** The client's public surface (src/diff/surface.ts); absent in older manifests, read with `readSurface`. */
  surface?: unknown;
}

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** What the no-op's check reads of a manifest: all but the surface. */
export type ManifestHead = Omit<Manifest, "surface">;

export function readManifest(outDir: string): Manifest | undefined {
  try {
    return checked(JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), "utf8")));
  } catch {
    return undefined;
  }
}

/**
 * The manifest without its surface, for the no-op's check (the generator, the input and the files):
 * the surface is most of a large manifest's bytes, and parsing them cost the no-op more than
 * anything else it does. The part before SURFACE_START, as `manifestText` writes it, is parsed
 * alone when the text ends as manifestText ends it (a manifest cut short is then read whole, found
 * unreadable, and its package written again); a manifest laid out otherwise is parsed whole.
 */
export function readManifestHead(outDir: string): ManifestHead | undefined {
  let text: string;
  try {
    text = readFileSync(join(outDir, MANIFEST_FILE), "utf8");
  } catch {
    return undefined;
  }
  const surface = text.indexOf(SURFACE_START);
  if (surface > 0 && text.endsWith(SURFACE_END)) {
    try {
      const head = checked(JSON.parse(`${text.slice(0, surface)}\n}`));
      if (head) return head;
    } catch {
      // Not the layout manifestText writes: read it whole.
    }
  }
  try {
    return checked(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function checked(json: Partial<Manifest>): Manifest | undefined {
  if (
    typeof json.input !== "string" ||
    typeof json.generator !== "string" ||
    typeof json.files !== "object" ||
    json.files === null
  )
    return undefined;
  return json as Manifest;
}

/**
 * Where `manifestText` starts the surface, after everything else. JSON text holds no raw newline
 * inside a string, and only the top level is indented by two spaces, so this is found nowhere else.
 */
const SURFACE_START = ',\n  "surface": {\n';
/** How `manifestText` ends the surface, and the manifest with it. */
const SURFACE_END = "\n  }\n}\n";

/** The manifest written beside `files`: theirs are the hashes it lists. */
export function manifestFor(
  head: Omit<Manifest, "files">,
  files: ReadonlyMap<string, string>,
  hashOf: (text: string) => string = sha256,
): string {
  return manifestText({ ...head, files: Object.fromEntries([...files].map(([path, text]) => [path, hashOf(text)])) });
}

/**
 * The manifest as JSON, the same bytes for the same content: files sorted, and the surface last,
 * one operation and one shared type to a line (indented, a 310-operation surface would be ten
 * times as many lines; on one, a review's diff of a type would be one line of the whole list).
 */
export function manifestText(manifest: Manifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const head = JSON.stringify(
    {
      generator: manifest.generator,
      input: manifest.input,
      ...(manifest.version !== undefined ? { version: manifest.version } : {}),
      ...(manifest.warnings !== undefined ? { warnings: manifest.warnings } : {}),
      files,
    },
    null,
    2,
  );
  if (manifest.surface === undefined) return `${head}\n`;
  const { operations, types, ...rest } = manifest.surface as { operations?: unknown[]; types?: object };
  // `[` or `{`, an entry to a line, then `]` or `}`; empty as `[]`, `{}`.
  const listed = (key: string, open: string, entries: string[], close: string) =>
    `    ${JSON.stringify(key)}: ${open}${entries.length ? `\n${entries.map((e) => `      ${e}`).join(",\n")}\n    ` : ""}${close}`;
  const lines = [
    ...Object.entries(rest).map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`),
    ...(types
      ? [
          listed(
            "types",
            "{",
            Object.entries(types).map(([name, type]) => `${JSON.stringify(name)}: ${JSON.stringify(type)}`),
            "}",
          ),
        ]
      : []),
    ...(operations
      ? [
          listed(
            "operations",
            "[",
            operations.map((op) => JSON.stringify(op)),
            "]",
          ),
        ]
      : []),
  ];
  return `${head.slice(0, -2)}${SURFACE_START}${lines.join(",\n")}${SURFACE_END}`;
}
