// Reads a collection file and decides whether it is a format we load, before the SDK sees it:
// the SDK silently turns anything (a v1 collection included) into an empty collection.
import { readFile, stat } from "node:fs/promises";
import { CodegenError } from "../errors.js";
import { DEFAULT_LIMITS, raise, type Limits } from "./limits.js";
import { validateCollection } from "./validate.js";

export type CollectionVersion = "2.0.0" | "2.1.0";

export interface CollectionFile {
  file: string;
  /** The file's bytes as text, for hashing and error positions. */
  text: string;
  json: Record<string, unknown>;
  version: CollectionVersion;
}

const SCHEMA =
  /^https?:\/\/schema\.(?:getpostman|postman)\.com\/json\/collection\/v(2\.[01]\.0)\/(?:collection\.json)?$/;

export async function readCollectionFile(file: string, limits: Limits = DEFAULT_LIMITS): Promise<CollectionFile> {
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > limits.maxFileBytes) {
      throw new CodegenError(
        file,
        undefined,
        `the file is ${megabytes(size)}; the limit is ${megabytes(limits.maxFileBytes)}: ${raise("maxFileBytes")}`,
      );
    }
    text = await readFile(file, "utf8");
  } catch (error) {
    if (error instanceof CodegenError) throw error;
    throw new CodegenError(
      file,
      undefined,
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  return parseCollectionText(file, text);
}

export function parseCollectionText(file: string, text: string): CollectionFile {
  const json = parseJsonText(file, text);
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new CodegenError(
      file,
      "$",
      "not a Postman collection: the top level must be an object with `info` and `item`",
    );
  }
  const top = json as Record<string, unknown>;
  const info = top["info"];
  if (info === undefined && ("requests" in top || "order" in top || "folders" in top)) {
    throw new CodegenError(
      file,
      "$",
      "this is a Postman v1 collection, which is not supported: re-export it from Postman as Collection v2.1 (… → Export → Collection v2.1)",
    );
  }
  if (typeof info !== "object" || info === null || Array.isArray(info)) {
    throw new CodegenError(file, "info", "not a Postman collection: `info` (with `name` and `schema`) is missing");
  }
  const schema = (info as Record<string, unknown>)["schema"];
  const version = typeof schema === "string" ? SCHEMA.exec(schema)?.[1] : undefined;
  if (!version) {
    throw new CodegenError(
      file,
      "info.schema",
      `unsupported collection format ${JSON.stringify(schema ?? null)}: expected the v2.1.0 or v2.0.0 schema URL (https://schema.getpostman.com/json/collection/v2.1.0/collection.json)`,
    );
  }
  if (!Array.isArray(top["item"])) {
    throw new CodegenError(file, "item", "not a Postman collection: `item` must be a list of requests and folders");
  }
  validateCollection(file, top);
  return { file, text, json: top, version: version as CollectionVersion };
}

/** A file's JSON (a byte-order mark allowed), or a CodegenError at the line and column where it breaks. */
export function parseJsonText(file: string, text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    throw new CodegenError(file, jsonSyntaxPlace(text, message), `not valid JSON: ${jsonSyntaxReason(message)}`);
  }
}

/**
 * What JSON.parse found wrong, without the text V8 quotes around the place (`Unexpected token 's',
 * ..."value": sk_live_SU"... is not valid JSON`): that text may be a secret, and the line and
 * column say where.
 */
export function jsonSyntaxReason(message: string): string {
  return message
    .replace(/^(Unexpected token)\b.*$/s, "$1")
    .replace(/ (?:in JSON )?at position \d+.*$/s, "")
    .replace(/, ".*" is not valid JSON$/s, "");
}

/** `line L, column C` of the place where JSON.parse gave up on `text`, from its message. */
export function jsonSyntaxPlace(text: string, message: string): string {
  return lineColumn(text, syntaxErrorOffset(text, message));
}

/**
 * Where JSON.parse gave up. V8 names the position for some errors only ("Unexpected token" has
 * none), so otherwise the longest prefix that is still only incomplete is searched for.
 */
function syntaxErrorOffset(text: string, message: string): number {
  const stated = /at position (\d+)/.exec(message);
  if (stated) return Number(stated[1]);
  const incomplete = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      const why = (error as Error).message;
      return why.includes("Unexpected end of JSON input") || why.includes(`at position ${length}`);
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (incomplete(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position).split("\n");
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
