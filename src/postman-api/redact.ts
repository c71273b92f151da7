// What a stored copy of a Postman API resource leaves out. The copies are meant to be committed, so
// none may hold a secret, by the rules generate applies to what reaches a client (load/environment.ts's
// secretReason, load/scopes.ts's authCredentials, load/auth.ts):
//
// - an environment's secret values (type `secret`, a key that names a credential, or a variable the
//   collection's auth takes as one) are emptied;
// - a collection's, folder's or request's variable that is a secret by the same rules loses its
//   `value`: generate then has none for it, and the client asks for it at run time;
// - a credential written into an auth (a bearer token, an API key's value, a password, a signing
//   secret: any parameter but a setting or a user or client name) that refers to no `{{variable}}`
//   is emptied. The generator never puts such a value into a client (load/auth.ts), so it reads the
//   same auth from the stored copy as from the API's; one that refers to variables is kept, as the
//   generator uses it, and names the credentials of the environments (pull.ts).
//
// A value that is nothing but `{{references}}` holds no secret and is kept. What a collection
// loses is said, by its JSON place and never its value.
import { holdsCredential } from "../load/auth.js";
import { leftOut, withReferences } from "../load/scopes.js";
import { isObject } from "../load/json.js";
import { namesCredential } from "../load/credential-names.js";
import { secretReason } from "../load/environment.js";
import type { Warning } from "../model/types.js";
import { jsonPath } from "../schema-errors.js";

/**
 * An environment as stored: secrets (type `secret`, a key that names a credential, or one of the
 * `credentials` the collection's auth takes) with an empty value. The client never takes them from
 * a file, and the copy is meant to be committed.
 */
export function environmentWithoutSecrets(
  environment: Record<string, unknown>,
  credentials: ReadonlySet<string>,
): Record<string, unknown> {
  const values = environment["values"];
  if (!Array.isArray(values)) return environment;
  // A credential's value may refer to another of the environment's (`token` = `{{prod_token}}`),
  // which is then one too, as generate reads it (load/scopes.ts).
  const followed = withReferences(
    credentials,
    values.flatMap((e: unknown) =>
      isObject(e) && typeof e["key"] === "string" && typeof e["value"] === "string"
        ? [[e["key"], e["value"]] as const]
        : [],
    ),
  );
  return {
    ...environment,
    values: values.map((entry: unknown) => {
      if (typeof entry !== "object" || entry === null) return entry;
      const e = entry as Record<string, unknown>;
      const value = e["value"] === undefined || e["value"] === null ? "" : String(e["value"]);
      return typeof e["key"] === "string" && secretReason(e["key"], value, e["type"], followed) && value !== ""
        ? { ...e, value: "" }
        : entry;
    }),
  };
}

/**
 * A collection as stored (a copy; the given one is untouched), with what it left out: a warning
 * per value, naming its JSON place (`warning.source`) and never the value.
 */
export function collectionWithoutSecrets(
  collection: Record<string, unknown>,
  credentials: ReadonlySet<string>,
): { json: Record<string, unknown>; left: Warning[] } {
  const json = structuredClone(collection);
  const left: Warning[] = [];
  // The collection, a folder or a request: its variables, its auth, and those of what it holds.
  const scope = (node: Record<string, unknown>, pointer: string): void => {
    variables(node["variable"], `${pointer}/variable`, credentials, left);
    auth(node["auth"], `${pointer}/auth`, left);
    const request = node["request"];
    if (isObject(request)) auth(request["auth"], `${pointer}/request/auth`, left);
    const responses = node["response"];
    if (Array.isArray(responses))
      responses.forEach((response: unknown, i) => {
        // A saved example keeps the request it was sent with, auth and all.
        const original = isObject(response) ? response["originalRequest"] : undefined;
        if (isObject(original)) auth(original["auth"], `${pointer}/response/${i}/originalRequest/auth`, left);
      });
    const items = node["item"];
    if (Array.isArray(items))
      items.forEach((item: unknown, i) => {
        if (isObject(item)) scope(item, `${pointer}/item/${i}`);
      });
  };
  scope(json, "");
  return { json, left };
}

/** A `variable` list: a secret loses its value (kept: key, type, description). */
function variables(list: unknown, pointer: string, credentials: ReadonlySet<string>, left: Warning[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((entry: unknown, i) => {
    if (!isObject(entry)) return;
    const key = typeof entry["key"] === "string" ? entry["key"] : entry["id"];
    const value = entry["value"];
    if (typeof key !== "string" || !(typeof value === "string" || typeof value === "number")) return;
    const reason = secretReason(key, String(value), entry["type"], credentials);
    if (!reason || value === "") return;
    delete entry["value"];
    left.push({ source: jsonPath(`${pointer}/${i}/value`), message: leftOut(key, reason, "the stored copy") });
  });
}

/** OAuth 2.0's extra parameters: `[{ key, value, send_as }]`, whose credentials go by their key. */
const REQUEST_PARAMS = new Set(["tokenRequestParams", "authRequestParams", "refreshRequestParams"]);

/** An `auth` object: its parameters, `[{ key, value }]` (v2.1) or `{ key: value }` (v2.0), per scheme. */
function auth(value: unknown, pointer: string, left: Warning[]): void {
  if (!isObject(value)) return;
  for (const [scheme, params] of Object.entries(value)) {
    if (scheme === "type") continue;
    const at = `${pointer}/${escape(scheme)}`;
    const emptied = (place: string, what: string) =>
      left.push({
        source: jsonPath(place),
        message: `the ${scheme} auth's ${what}, written out in the collection, is emptied in the stored copy: pass it to the client as an option, or refer to a {{variable}} in the collection`,
      });
    if (Array.isArray(params)) {
      params.forEach((param: unknown, i) => {
        if (!isObject(param) || typeof param["key"] !== "string") return;
        const key = param["key"];
        if (REQUEST_PARAMS.has(key)) {
          requestParams(param["value"], `${at}/${i}/value`, scheme, key, left);
          return;
        }
        if (holdsCredential(key) && literal(param["value"])) {
          param["value"] = "";
          emptied(`${at}/${i}/value`, key);
        }
      });
    } else if (isObject(params)) {
      for (const [key, param] of Object.entries(params)) {
        if (REQUEST_PARAMS.has(key)) requestParams(param, `${at}/${escape(key)}`, scheme, key, left);
        else if (holdsCredential(key) && literal(param)) {
          params[key] = "";
          emptied(`${at}/${escape(key)}`, key);
        }
      }
    }
  }
}

/** OAuth 2.0's extra parameters: one whose key names a secret, as load/auth.ts reads them, is a credential. */
function requestParams(list: unknown, pointer: string, scheme: string, name: string, left: Warning[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((entry: unknown, i) => {
    if (!isObject(entry) || typeof entry["key"] !== "string") return;
    const key = entry["key"];
    if (!(/secret|password|assertion|token/i.test(key) || namesCredential(key)) || !literal(entry["value"])) return;
    entry["value"] = "";
    left.push({
      source: jsonPath(`${pointer}/${i}/value`),
      message: `the ${scheme} auth's ${name} parameter ${JSON.stringify(key)}, written out in the collection, is emptied in the stored copy: refer to a {{variable}} instead`,
    });
  });
}

/** A credential's value that refers to no variable (which the generator never puts into a client). */
function literal(value: unknown): boolean {
  if (typeof value === "number") return true;
  return typeof value === "string" && value !== "" && !/\{\{[^{}]+\}\}/.test(value);
}

/** A JSON pointer's token. */
function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
