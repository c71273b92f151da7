// The type newman sends a file with when the collection gives none: looked up from the file's name
// by mime-types, the table newman's runtime looks it up with (postman-request for a file body,
// form-data for a file part), at the version newman 6 pins. Decided here, when generating, and
// emitted as a literal: the runtime copied into every package holds no table of types.
import { createRequire } from "node:module";

type Lookup = (path: string) => string | false;

// Loaded on the first file only: its table (mime-db's JSON) is parsed when it loads.
let lookup: Lookup | undefined;

/** The type mime-types gives a file name or path (`photo.png` → `image/png`), or undefined for none it knows. */
export function fileType(path: unknown): string | undefined {
  if (typeof path !== "string" || path === "") return undefined;
  lookup ??= (createRequire(import.meta.url)("mime-types") as { lookup: Lookup }).lookup;
  return lookup(path) || undefined;
}
