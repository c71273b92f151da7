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
//   is replaced by STAND_IN. The generator never puts such a value into a client (load/auth.ts): it
//   makes the client ask for it at run time, so it reads the same auth from the stored copy as from
//   the API's; an emptied one it would read as an auth left empty, which sends nothing. One that
//   refers to variables is kept, as the generator uses it, and names the credentials of the
//   environments (pull.ts); a JWT auth's header or payload (JSON) has each field that holds a
//   credential by the rule below replaced by STAND_IN, as the generator makes it a variable;
// - a request's (or a saved example's request's) header, query parameter, path variable, form
//   field or JSON body field (at any depth, GraphQL variables too) that holds a credential by the
//   rule the generator leaves such values out of a client by (load/credentials.ts) has its value
//   replaced by STAND_IN. The generator leaves that out of the client as well, so it reads the
//   same client from the stored copy as from the API's; an empty or absent value it would read
//   as a value to send.
// - a saved example's answer: a header or JSON body field that holds a credential by that rule
//   (`Set-Cookie`, `access_token`) has its value replaced by STAND_IN (a number's by 0), as the
//   generator replaces it in the mocks and the tests (load/responses.ts);
//
// - a credential written into a value whatever its name (load/credentials.ts): a URL's user info
//   with a password goes, a URL's query parameter named as a credential loses its value (in a
//   variable, an environment, an auth's setting such as a token URL), and a header that is an auth
//   scheme with a literal credential (`X-Custom: Bearer abc`) keeps the scheme before STAND_IN.
//
// A value that is nothing but `{{references}}` holds no secret and is kept. What a collection
// loses is said, by its JSON place and never its value. Scripts are copied as they are.
import { holdsCredential } from "../load/auth.js";
import {
  answerWithoutCredentials,
  headerCredential,
  jsonTextWithoutCredentials,
  jsonWithoutCredentials,
  literalCredential,
  rawTextWithoutCredentials,
  schemeCredential,
  STAND_IN,
  standInOfType,
  textWithoutCredentials,
  urlCredentialLeftOut,
  writesLiteral,
} from "../load/credentials.js";
import { leavesOut, leftOut } from "../load/scopes.js";
import { withReferences } from "../model/references.js";
import { isObject, withoutJsonComments } from "../load/json.js";
import { namesTokenParamSecret } from "../runtime/credential-names.js";
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
  /** Given a warning per value left out, naming its JSON place and never the value. */
  left: Warning[] = [],
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
    values: values.map((entry: unknown, i) => {
      if (typeof entry !== "object" || entry === null) return entry;
      const e = entry as Record<string, unknown>;
      const value = e["value"] === undefined || e["value"] === null ? "" : String(e["value"]);
      if (typeof e["key"] !== "string") return entry;
      const reason = secretReason(e["key"], value, e["type"], followed);
      if (reason) {
        if (!leavesOut({ value })) return entry;
        // Said here, where the value is dropped: the stored copy's empty value warns of nothing.
        left.push({ source: jsonPath(`/values/${i}/value`), ...leftOut(e["key"], reason, "the stored copy") });
        return { ...e, value: "" };
      }
      const { text, leftOut: dropped } = textWithoutCredentials(value);
      return dropped.length ? { ...e, value: text } : entry;
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
    if ("request" in node) node["request"] = request(node["request"], `${pointer}/request`, left);
    const responses = node["response"];
    if (Array.isArray(responses))
      responses.forEach((response: unknown, i) => {
        if (!isObject(response)) return;
        // A saved example keeps the request it was sent with, auth and all, and the answer's tokens.
        if ("originalRequest" in response)
          response["originalRequest"] = request(
            response["originalRequest"],
            `${pointer}/response/${i}/originalRequest`,
            left,
          );
        answer(response, `${pointer}/response/${i}`, left);
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

/** What a stored copy holds in place of a credential's value outside an auth (load/credentials.ts). */
export { STAND_IN };

/** A saved answer: its headers (`Set-Cookie`), and its body read as the generator reads it (JSON, else raw text). */
function answer(response: Record<string, unknown>, pointer: string, left: Warning[]): void {
  const header = response["header"];
  if (typeof header === "string") response["header"] = headerText(header, `${pointer}/header`, left);
  else entries(header, `${pointer}/header`, "header", left);
  if (typeof response["body"] !== "string") return;
  let value: unknown;
  try {
    value = JSON.parse(response["body"]);
  } catch {
    // No JSON as it stands (form pairs, XML, loose JSON): replaced as the loader replaces it.
    response["body"] = rawText(response["body"], `${pointer}/body`, left);
    return;
  }
  const kept = answerWithoutCredentials(response["body"], value);
  for (const path of kept.leftOut) replaced(left, `${pointer}/body`, `body field ${path}`);
  response["body"] = kept.text;
}

/** A request (an object, or its URL alone): its auth, headers, URL and body, each credential replaced. */
function request(value: unknown, pointer: string, left: Warning[]): unknown {
  if (typeof value === "string") return url(value, pointer, left);
  if (!isObject(value)) return value;
  auth(value["auth"], `${pointer}/auth`, left);
  const header = value["header"];
  if (typeof header === "string") value["header"] = headerText(header, `${pointer}/header`, left);
  else entries(header, `${pointer}/header`, "header", left);
  if ("url" in value) value["url"] = url(value["url"], `${pointer}/url`, left);
  body(value["body"], `${pointer}/body`, left);
  return value;
}

/** A URL as text (its query replaced in place) or as an object (query, path variables and `raw`). */
function url(value: unknown, pointer: string, left: Warning[]): unknown {
  if (typeof value === "string") return urlText(value, pointer, left);
  if (!isObject(value)) return value;
  const inQuery = entries(value["query"], `${pointer}/query`, "query parameter", left);
  entries(value["variable"], `${pointer}/variable`, "path variable", left);
  // The loader reads the parts; `raw` is their text, and says the same again.
  if (typeof value["raw"] === "string") value["raw"] = urlText(value["raw"], `${pointer}/raw`, inQuery ? [] : left);
  return value;
}

/** A URL's text with each query parameter that is a credential replaced (`?api_key=REDACTED`). */
function urlText(written: string, pointer: string, left: Warning[]): string {
  // Its user info goes as the generator leaves it out; its query is judged below, by the same rule.
  const [host = "", ...rest] = written.split("?");
  const userinfo = textWithoutCredentials(host);
  if (userinfo.leftOut.length)
    left.push({
      source: jsonPath(pointer),
      message: urlCredentialLeftOut("the URL", userinfo.leftOut, "the stored copy"),
    });
  const text = [userinfo.text, ...rest].join("?");
  const match = /^([^?#]*\?)([^#]*)(#.*)?$/s.exec(text);
  if (!match) return text;
  const [, before, query, after = ""] = match;
  const params = query!.split("&").map((param) => {
    const at = param.indexOf("=");
    if (at < 0 || !literalCredential(param.slice(0, at), param.slice(at + 1))) return param;
    replaced(left, pointer, `query parameter ${JSON.stringify(param.slice(0, at))}`);
    return `${param.slice(0, at)}=${STAND_IN}`;
  });
  return `${before}${params.join("&")}${after}`;
}

/** Headers written as text, a `Name: value` per line. */
function headerText(text: string, pointer: string, left: Warning[]): string {
  return text
    .split("\n")
    .map((line) => {
      const at = line.indexOf(":");
      const [name, value] = [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      if (at < 0) return line;
      if (!headerCredential(name, value)) {
        const kept = headerUrl(name, value, pointer, left);
        return kept === value ? line : `${line.slice(0, at)}: ${kept}`;
      }
      replaced(left, pointer, `header ${JSON.stringify(name)}`);
      return `${line.slice(0, at)}: ${standIn(name, value)}`;
    })
    .join("\n");
}

/**
 * A header's value that is no credential by its name or scheme, with the credentials written into
 * a URL it holds replaced (`Location: …?access_token=…`, `X-Callback: …?client_secret=…`), as the
 * generator leaves them out of a request's header (load/arg.ts) and a saved answer's (load/responses.ts).
 */
function headerUrl(name: string, value: string, pointer: string, left: Warning[]): string {
  const { text, leftOut } = textWithoutCredentials(value, STAND_IN);
  for (const what of leftOut) replaced(left, pointer, `header ${JSON.stringify(name)} (${what})`);
  return text;
}

/** `[{ key, value }]` entries (headers, query parameters, path variables, form fields); whether one was replaced. */
function entries(list: unknown, pointer: string, what: string, left: Warning[]): boolean {
  if (!Array.isArray(list)) return false;
  let any = false;
  list.forEach((entry: unknown, i) => {
    if (!isObject(entry) || typeof entry["key"] !== "string") return;
    const header = what === "header";
    if (!(header ? headerCredential : literalCredential)(entry["key"], entry["value"])) {
      const value = entry["value"];
      if (!header || typeof value !== "string") return;
      entry["value"] = headerUrl(entry["key"], value, `${pointer}/${i}/value`, left);
      any ||= entry["value"] !== value;
      return;
    }
    entry["value"] = header ? standIn(entry["key"], entry["value"]) : STAND_IN;
    replaced(left, `${pointer}/${i}/value`, `${what} ${JSON.stringify(entry["key"])}`);
    any = true;
  });
  return any;
}

/** A body: its form fields, its raw JSON text, its GraphQL variables. */
function body(value: unknown, pointer: string, left: Warning[]): void {
  if (!isObject(value)) return;
  for (const mode of ["urlencoded", "formdata"]) entries(value[mode], `${pointer}/${mode}`, "form field", left);
  if (typeof value["raw"] === "string") value["raw"] = jsonText(value["raw"], `${pointer}/raw`, left);
  const graphql = value["graphql"];
  if (isObject(graphql) && typeof graphql["variables"] === "string")
    graphql["variables"] = jsonText(graphql["variables"], `${pointer}/graphql/variables`, left);
  if (isObject(graphql) && typeof graphql["query"] === "string")
    graphql["query"] = rawText(graphql["query"], `${pointer}/graphql/query`, left);
}

/**
 * A JSON text with each credential replaced, read as the generator reads a body (comments and
 * unquoted `{{variables}}` allowed); written out again only when one was. Other text is kept.
 */
function jsonText(text: string, pointer: string, left: Warning[]): string {
  // An unquoted reference is written back unquoted: Postman pastes its value's text there.
  const kept =
    jsonTextWithoutCredentials(text, standInOfType, 2) ??
    jsonTextWithoutCredentials(withoutJsonComments(text), standInOfType, 2);
  if (!kept) return rawText(text, pointer, left);
  for (const path of kept.leftOut) replaced(left, pointer, `body field ${path}`);
  return kept.text;
}

/** A raw body's text that is no JSON (form pairs, XML, a GraphQL query), each credential replaced as the generator reads it. */
function rawText(text: string, pointer: string, left: Warning[]): string {
  const kept = rawTextWithoutCredentials(text, standInOfType);
  for (const what of kept.leftOut) replaced(left, pointer, what);
  return kept.text;
}

/**
 * A header's stand-in: STAND_IN, after the auth scheme when only the scheme says the value is a
 * credential (`Bearer REDACTED`), so that the generator still takes it for one.
 */
function standIn(name: string, value: unknown): string {
  if (literalCredential(name, value) || !schemeCredential(value)) return STAND_IN;
  return `${String(value).trim().split(/\s+/)[0]} ${STAND_IN}`;
}

function replaced(left: Warning[], pointer: string, what: string): void {
  left.push({
    source: jsonPath(pointer),
    message: `the value of ${what}, written out in the collection, is replaced by ${JSON.stringify(STAND_IN)} in the stored copy (its name says it holds a credential): pass it when calling, or refer to a {{variable}} in the collection`,
  });
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
    if (!reason) {
      const { text, leftOut } = textWithoutCredentials(String(value));
      if (!leftOut.length) return;
      entry["value"] = text;
      left.push({
        source: jsonPath(`${pointer}/${i}/value`),
        message: urlCredentialLeftOut(`the value of ${JSON.stringify(key)}`, leftOut, "the stored copy"),
      });
      return;
    }
    if (!leavesOut({ value: String(value) })) return;
    delete entry["value"];
    left.push({ source: jsonPath(`${pointer}/${i}/value`), ...leftOut(key, reason, "the stored copy") });
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
    const replaced = (place: string, what: string) =>
      left.push({
        source: jsonPath(place),
        message: `the ${scheme} auth's ${what}, written out in the collection, is replaced by ${JSON.stringify(STAND_IN)} in the stored copy: pass it to the client as an option, or refer to a {{variable}} in the collection`,
      });
    if (Array.isArray(params)) {
      params.forEach((param: unknown, i) => {
        if (!isObject(param) || typeof param["key"] !== "string") return;
        const key = param["key"];
        if (REQUEST_PARAMS.has(key)) {
          requestParams(param["value"], `${at}/${i}/value`, scheme, key, left);
          return;
        }
        // A JWT's header or payload (JSON) loses its credential fields, then is a setting as any.
        if (scheme === "jwt" && JWT_JSON.has(key))
          param["value"] = claims(param["value"], (path) => replaced(`${at}/${i}/value`, `${key} field ${path}`));
        if (holdsCredential(key) && literal(param["value"])) {
          param["value"] = STAND_IN;
          replaced(`${at}/${i}/value`, key);
        } else if (!holdsCredential(key) && typeof param["value"] === "string")
          param["value"] = setting(param["value"], `${at}/${i}/value`, scheme, key, left);
      });
    } else if (isObject(params)) {
      for (const [key, written] of Object.entries(params)) {
        const param =
          scheme === "jwt" && JWT_JSON.has(key)
            ? (params[key] = claims(written, (path) => replaced(`${at}/${escape(key)}`, `${key} field ${path}`)))
            : written;
        if (REQUEST_PARAMS.has(key)) requestParams(param, `${at}/${escape(key)}`, scheme, key, left);
        else if (holdsCredential(key) && literal(param)) {
          params[key] = STAND_IN;
          replaced(`${at}/${escape(key)}`, key);
        } else if (!holdsCredential(key) && typeof param === "string")
          params[key] = setting(param, `${at}/${escape(key)}`, scheme, key, left);
      }
    }
  }
}

/** A JWT auth's settings that are JSON: their fields are judged by their names (load/auth.ts). */
const JWT_JSON = new Set(["header", "payload"]);

/**
 * A JWT's header or payload, as text or as an object, with each credential field replaced by
 * STAND_IN (0 for a number), as load/auth.ts leaves it out of the client: it reads the same auth
 * from the stored copy. `replaced` is told each one's JSON path. Anything else is kept.
 */
function claims(value: unknown, replaced: (path: string) => void): unknown {
  const standIn = (credential: unknown, path: string) => {
    replaced(path);
    return typeof credential === "number" ? 0 : STAND_IN;
  };
  if (typeof value === "string") return jsonTextWithoutCredentials(value, standIn)?.text ?? value;
  return isObject(value) || Array.isArray(value) ? jsonWithoutCredentials(value, standIn).value : value;
}

/** An auth's setting (a token URL) without the credentials written into a URL in it, as load/auth.ts reads it. */
function setting(value: string, pointer: string, scheme: string, key: string, left: Warning[]): string {
  const { text, leftOut } = textWithoutCredentials(value);
  if (leftOut.length)
    left.push({
      source: jsonPath(pointer),
      message: urlCredentialLeftOut(`the ${scheme} auth's ${key}`, leftOut, "the stored copy"),
    });
  return text;
}

/** OAuth 2.0's extra parameters: one whose key names a secret, as load/auth.ts reads them, is a credential. */
function requestParams(list: unknown, pointer: string, scheme: string, name: string, left: Warning[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((entry: unknown, i) => {
    if (!isObject(entry) || typeof entry["key"] !== "string") return;
    const key = entry["key"];
    if (!namesTokenParamSecret(key) || !literal(entry["value"])) return;
    entry["value"] = "";
    left.push({
      source: jsonPath(`${pointer}/${i}/value`),
      message: `the ${scheme} auth's ${name} parameter ${JSON.stringify(key)}, written out in the collection, is emptied in the stored copy: refer to a {{variable}} instead`,
    });
  });
}

/** A credential's value that writes out any of it (which the generator never puts into a client, load/auth.ts). */
function literal(value: unknown): boolean {
  if (typeof value === "number") return true;
  return typeof value === "string" && writesLiteral(value);
}

/** A JSON pointer's token. */
function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
