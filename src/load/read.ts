// Reads a collection file and decides whether it is a format we load, before the SDK sees it:
// the SDK silently turns anything (a v1 collection included) into an empty collection.
import { CodegenError } from "../errors.js";
import { DEFAULT_LIMITS, type Limits } from "./limits.js";
import { readInputText } from "./input-file.js";
import { validateCollection } from "./validate.js";
import { parseJsonText } from "./json-text.js";
import { apiAnswerResource } from "./api-answer.js";
import { nearest } from "../runtime/did-you-mean.js";

export type CollectionVersion = "2.0.0" | "2.1.0";

export interface CollectionFile {
  file: string;
  /** The file's bytes as text, for hashing and error positions. */
  text: string;
  json: Record<string, unknown>;
  version: CollectionVersion;
  /** The file is a Postman API answer and `json` the collection it wraps (its places are inside `collection`). */
  apiAnswer?: true;
}

/**
 * The collection format a Postman schema URL names, in each spelling Postman's tools wrote:
 * `json/collection/v2.1.0/collection.json`, the folder alone, and the JSON Schema draft ids
 * (`json/draft-07/collection/v2.1.0/`, `collection/json/v2.1.0/draft-07/collection.json`), and
 * the 2016 one before v2.0.0 was numbered (`collection/v2/collection.json`, in postman-collection's
 * own examples), whose shapes are v2.0.0's. The SDK and newman never read it; it tells the format
 * apart only.
 */
const POSTMAN_SCHEMA =
  /^https?:\/\/schema\.(?:getpostman|postman)\.com\/(?:[\w.-]+\/)*?v(\d+(?:\.\d+\.\d+)?)(?:\/[\w.-]*)*$/;

const V1_REFUSAL =
  "this is a Postman v1 collection, which is not supported: re-export it from Postman as Collection v2.1 (… → Export → Collection v2.1)";

/**
 * Given the bytes of each input file as they are read: a generation hashes these for its manifest,
 * so that a file saved while it runs is a change to the next run, not what the output was made from.
 */
export type OnRead = (file: string, bytes: Buffer) => void;

export async function readCollectionFile(
  file: string,
  limits: Limits = DEFAULT_LIMITS,
  onRead?: OnRead,
): Promise<CollectionFile> {
  const text = await readInputText(file, "collection", limits, onRead);
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
  const answer =
    (json as Record<string, unknown>)["info"] === undefined ? apiAnswerResource(json, "collection") : undefined;
  // A Postman API answer (`GET /collections/{uid}`, saved with curl) is read as pull stores it.
  const top = answer ?? (json as Record<string, unknown>);
  const info = top["info"];
  if (info === undefined) environmentGiven(file, top);
  if (info === undefined && ("requests" in top || "order" in top || "folders" in top)) {
    throw new CodegenError(file, "$", V1_REFUSAL);
  }
  if (typeof info !== "object" || info === null || Array.isArray(info)) {
    throw new CodegenError(file, "info", "not a Postman collection: `info` (with `name` and `schema`) is missing");
  }
  const schema = (info as Record<string, unknown>)["schema"];
  const number = typeof schema === "string" ? POSTMAN_SCHEMA.exec(schema)?.[1] : undefined;
  const named = number?.includes(".") === false ? `${number}.0.0` : number;
  if (named?.startsWith("1.")) {
    throw new CodegenError(file, "info.schema", V1_REFUSAL);
  }
  // Without a schema, a collection of v2's shape (its `item` a list) is read as v2, as the SDK and
  // newman read any collection, schema or not; v2.1.0 reads v2.0.0's shapes as well.
  const version =
    named === "2.0.0" || named === "2.1.0"
      ? named
      : schema === undefined && Array.isArray(top["item"])
        ? "2.1.0"
        : undefined;
  if (!version) {
    throw new CodegenError(
      file,
      "info.schema",
      `${schema === undefined ? "the collection's format is not given (info.schema is missing)" : `unsupported collection format ${JSON.stringify(schema)}`}: expected the v2.1.0 or v2.0.0 schema URL (https://schema.getpostman.com/json/collection/v2.1.0/collection.json)`,
    );
  }
  if (!Array.isArray(top["item"])) {
    // A hand-written collection's slip (Twilio's community one says `items`): name the key it has.
    const near = top["item"] === undefined ? Object.keys(top).find((key) => nearest(key, ["item"])) : undefined;
    throw new CodegenError(
      file,
      "item",
      `not a Postman collection: \`item\` must be a list of requests and folders${near === undefined ? "" : ` (it has ${JSON.stringify(near)}: did you mean \`item\`?)`}`,
    );
  }
  validateCollection(file, top);
  return { file, text, json: top, version: version as CollectionVersion, ...(answer ? { apiAnswer: true } : {}) };
}

/** Refuses an environment or the globals given as the collection, by what they are. */
function environmentGiven(file: string, top: Record<string, unknown>): void {
  const scope = top["_postman_variable_scope"];
  const answer = apiAnswerResource(top, "environment");
  const values = (answer ?? top)["values"];
  if (scope !== "environment" && scope !== "globals" && !(Array.isArray(values) && !("item" in top))) return;
  throw new CodegenError(
    file,
    "$",
    scope === "globals"
      ? "this is Postman globals, not a collection: pass it with --globals (config: globals)"
      : "this is a Postman environment, not a collection: pass it with -e/--environment (config: environments)",
  );
}
