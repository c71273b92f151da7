// prettier's formatting of an emitted file, computed once per test file for each (path, text). The
// runtime and test kit copied into every package are the same bytes in each (~280 kB of the ~300
// kB of a small package), so a file that checks several packages asks prettier about them once:
// the answer for the same path and text is the same (formatFile depends on nothing else).
//
// Across the test files of one `vitest` run too: a text prettier left as it was is recorded in the
// run's folder (TYPE_CHECKED_DIR, made by test/global-setup.ts and removed after the last file,
// so every record in it was made by this run, with these sources and this prettier), and another
// file that asks about the same path and text has it back without formatting it again. The
// corpus's packages (corpus-formatting.test.ts) and the committed ones (generated-packages.test.ts)
// carry the same runtime, test kit, mocks and command line: ~3.5 s of prettier's CPU, once in
// each file before. Only a text found formatted is recorded, so a difference is always found anew,
// and shown as prettier makes it.
import { createHash } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatFile } from "../../src/emit/format.js";
import { TYPE_CHECKED_DIR } from "./type-checked-dir.js";

const formatted = new Map<string, Promise<string>>();

/** Where the run records that `path` holding `text` is as prettier formats it, or undefined outside a run. */
function recordOf(path: string, text: string): string | undefined {
  const dir = process.env[TYPE_CHECKED_DIR];
  return dir ? join(dir, `formatted-${createHash("sha256").update(`${path}\0${text}`).digest("hex")}`) : undefined;
}

async function formatRecorded(path: string, text: string): Promise<string> {
  const record = recordOf(path, text);
  if (record && existsSync(record)) return text;
  const result = await formatFile(path, text);
  if (record && result === text) writeFileSync(record, "");
  return result;
}

/** formatFile(path, text), shared by every check of the same path and text in this test file and this run. */
export function formatOnce(path: string, text: string): Promise<string> {
  const key = `${path}\0${text}`;
  let result = formatted.get(key);
  if (!result) formatted.set(key, (result = formatRecorded(path, text)));
  return result;
}
