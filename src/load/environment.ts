// Postman environments and globals as files (`staging.postman_environment.json`, an export of the
// workspace's globals) or as the Postman API hands them out: checked before anything reads them,
// each problem with the file and its JSON path, like a collection. What their values mean for a
// client (precedence, secrets) is decided in scopes.ts.
import { CodegenError } from "../errors.js";
import { schemaError } from "../schema-errors.js";
import { schemaValidator } from "../schema-validators.js";
import { namesCredential } from "../runtime/credential-names.js";
import { writesLiteral } from "./credentials.js";
import { isObject } from "./json.js";
import { DEFAULT_LIMITS, type Limits } from "./limits.js";
import { readInputText } from "./input-file.js";
import { parseJsonText } from "./json-text.js";
import { ownName } from "./environment-name.js";
import type { OnRead } from "./read.js";
import { heldSecret, variableValue, type VariableValue } from "./variables.js";

/** An environment (`--environment`, `environments`) or the globals (`--globals`, `globals`). */
export type ScopeKind = "environment" | "globals";

export interface ScopeValue extends VariableValue {
  key: string;
  /**
   * The value as text (numbers, booleans, null and a missing value as Postman sends them,
   * variables.ts's variableValue); a secret's, what it holds (heldSecret).
   */
  value: string;
  /**
   * Why the value never reaches a client: its type is `secret`, its key names a credential, or
   * the collection sends it as a credential (scopes.ts).
   */
  secret?: "type" | "name" | "auth";
  /** Where it is in the file: `values[3]`. */
  source: string;
}

export interface ScopeFile {
  file: string;
  kind: ScopeKind;
  /** The `name` the file gives itself, when it has one. */
  name?: string;
  /** The enabled values in file order; a key given twice keeps its last value (as Postman does). */
  values: ScopeValue[];
  /** The file has no `values` at all (`{"name": "dev"}`): read as none, as newman reads it, with a warning. */
  noValues?: true;
}

/**
 * The shape Postman exports and its API returns: `{ id, name, values: [{ key, value, type,
 * enabled }], _postman_variable_scope }`. Written after Postman's documentation; other keys
 * (`_postman_exported_at`, `owner`, `isPublic`, a value's `description`) are allowed.
 */
export const SCOPE_SCHEMA = {
  type: "object",
  // `values` may be missing: newman runs such a file (`newman run -e`) as holding none.
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    _postman_variable_scope: { type: "string" },
    values: {
      type: "array",
      items: {
        type: "object",
        required: ["key"],
        properties: {
          key: { type: "string" },
          // Any JSON value: an object or an array is sent as Postman sends it, with a warning
          // (variables.ts's variableValue and notText).
          value: {},
          type: { type: "string" },
          enabled: { type: "boolean" },
        },
      },
    },
  },
} as const;

const FLAG: Record<ScopeKind, { option: string; config: string; what: string }> = {
  environment: { option: "--environment", config: "environments", what: "a Postman environment" },
  globals: { option: "--globals", config: "globals", what: "Postman globals" },
};

export async function readScopeFile(
  file: string,
  kind: ScopeKind,
  limits: Limits = DEFAULT_LIMITS,
  onRead?: OnRead,
): Promise<ScopeFile> {
  const text = await readInputText(file, kind, limits, onRead);
  return parseScopeText(file, text, kind);
}

export function parseScopeText(file: string, text: string, kind: ScopeKind): ScopeFile {
  const json = parseJsonText(file, text);
  return scopeFromJson(file, json, kind);
}

/** Checks an environment or globals object and reads its enabled values. */
export function scopeFromJson(file: string, json: unknown, kind: ScopeKind): ScopeFile {
  const flag = FLAG[kind];
  if (!isObject(json))
    throw new CodegenError(file, "$", `not ${flag.what}: the top level must be an object with \`name\` and \`values\``);
  if ("info" in json && "item" in json) {
    throw new CodegenError(
      file,
      "$",
      `this is a Postman collection, not ${flag.what}: name it as the collection, and pass environments with --environment (config: environments)`,
    );
  }
  if (!("values" in json) && isObject(json["environment"])) {
    throw new CodegenError(
      file,
      "environment",
      `this is a Postman API answer: save its \`environment\` object as the file`,
    );
  }
  const scope = json["_postman_variable_scope"];
  if (typeof scope === "string" && scope !== kind) {
    const other = scope === "globals" ? FLAG.globals : scope === "environment" ? FLAG.environment : undefined;
    throw new CodegenError(
      file,
      "_postman_variable_scope",
      other
        ? `this file holds ${other.what}: pass it with ${other.option} (config: ${other.config}), not ${flag.option}`
        : `not ${flag.what}: its scope is ${JSON.stringify(scope)}`,
    );
  }
  const validator = schemaValidator("scope", SCOPE_SCHEMA);
  if (!validator(json))
    throw schemaError(file, validator.errors ?? [], `does not match the format of ${flag.what}`, {
      schema: SCOPE_SCHEMA,
    });
  const byKey = new Map<string, ScopeValue>();
  const listed = json["values"] as Array<Record<string, unknown>> | undefined;
  (listed ?? []).forEach((entry, i) => {
    if (entry["enabled"] === false) return;
    const key = entry["key"] as string;
    if (key === "") return;
    // variableValue reads any JSON value (the schema's); the fallback is for the type checker.
    const read = variableValue(entry["value"]) ?? { value: "" };
    const secret = secretReason(key, read.value, entry["type"]);
    const value = secret ? (heldSecret(read) ?? "") : read.value;
    // Deleted first so that the key takes its last place: the file's order, with the last value.
    byKey.delete(key);
    byKey.set(key, {
      key,
      value,
      ...(read.null ? { null: true as const } : {}),
      ...(read.written ? { written: read.written } : {}),
      ...(secret ? { secret } : {}),
      source: `values[${i}]`,
    });
  });
  const name = ownName(json);
  return {
    file,
    kind,
    ...(name !== undefined ? { name } : {}),
    values: [...byKey.values()],
    ...(listed === undefined ? { noValues: true as const } : {}),
  };
}

/**
 * Why a value must never reach a client (or a stored copy): its type is `secret`, its key names a
 * credential, or the collection sends it as one (`credentials`: scopes.ts's authCredentials);
 * else undefined. A value that writes out nothing but references (`{{token}}`, `Bearer {{token}}`:
 * credentials.ts's writesLiteral) holds no credential of its own.
 */
export function secretReason(
  key: string,
  value: string,
  type: unknown,
  credentials: ReadonlySet<string> = new Set(),
): "type" | "name" | "auth" | undefined {
  if (type === "secret") return "type";
  if (value !== "" && !writesLiteral(value)) return undefined;
  if (namesCredential(key)) return "name";
  return credentials.has(key) ? "auth" : undefined;
}
