// Reading an input file (a collection, an environment, globals, a config): one place that turns
// the file system's refusals into this tool's words, so that the same mistake (a folder named
// where a file goes, a file over the size limit) reads the same whichever file it is.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { counted } from "../counted.js";
import { CodegenError } from "../errors.js";
import { raise, type Limits } from "./limits.js";
import type { OnRead } from "./read.js";

/**
 * The title a collection file's name gives (`Zoom API.postman_collection.json` → `Zoom API`): the
 * package name's default (config.ts), and the title of a collection without `info.name`.
 */
export function fileTitle(file: string): string {
  return basename(file).replace(/(\.postman_collection)?\.json$/i, "");
}

export type InputKind = "collection" | "environment" | "globals" | "config";

/** What the user names instead of a folder, by kind of file. */
const FILE_OF: Record<InputKind, string> = {
  collection: "the collection's file (the .json that Postman exports)",
  environment: "the environment's file (the .json that Postman exports)",
  globals: "the globals file (the .json that Postman exports)",
  config: "the config file (postman-codegen.config.json, or a package.json with a postman-codegen key)",
};

/** The file's text, its bytes given to `onRead` first; a file over `limits.maxFileBytes` is refused unread. */
export async function readInputText(
  file: string,
  kind: Exclude<InputKind, "config">,
  limits: Limits,
  onRead?: OnRead,
): Promise<string> {
  try {
    const bytes = (await stat(file)).size;
    if (bytes > limits.maxFileBytes) {
      throw new CodegenError(
        file,
        undefined,
        `the file is ${size(bytes)}; the limit is ${size(limits.maxFileBytes)}: ${raise("maxFileBytes")}`,
      );
    }
    const read = await readFile(file);
    onRead?.(file, read);
    return read.toString("utf8");
  } catch (error) {
    if (error instanceof CodegenError) throw error;
    throw unreadable(file, kind, error);
  }
}

/** The error for a file the system would not read. */
export function unreadable(file: string, kind: InputKind, error: unknown): CodegenError {
  const code = (error as NodeJS.ErrnoException).code;
  // The collection's own message predates the others' and says "the file": kept, as scripts match it.
  const what = kind === "collection" ? "the file" : kind === "globals" ? "the globals file" : `the ${kind} file`;
  return new CodegenError(
    file,
    undefined,
    code === "EISDIR"
      ? `a folder, not a file: name ${FILE_OF[kind]}`
      : `cannot read ${what} (${code ?? String(error)})`,
  );
}

// In bytes below a megabyte: a small limit (a test's, a config's) read as "0.0 MB" says nothing.
function size(bytes: number): string {
  return bytes < 1024 * 1024 ? counted(bytes, "byte") : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
