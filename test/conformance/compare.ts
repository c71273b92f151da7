// What two requests mean, and the first way in which they differ. Headers that only one sender
// adds (User-Agent, Postman-Token, Content-Length, …) carry no meaning here; the content type is
// compared by its family, since the multipart boundary is random on both sides. Query pairs and form
// fields are compared key by key: the values of one key in order, the keys in any order (the
// client sends a key given several times as one list, at the first one's place).
import type { RecordedRequest } from "../../src/testkit/recording-server.js";
import { MARKER } from "./newman-collection.js";

export interface Difference {
  /** What differs: "method", "path", "query", "header:<name>", "content-type", "body". */
  aspect: string;
  newman: unknown;
  client: unknown;
}

export interface Meaning {
  method: string;
  path: string;
  query: Array<[string, string]>;
  /** The item's own headers and the auth header, lower-cased names. */
  headers: Record<string, string | undefined>;
  contentType: string | undefined;
  body: unknown;
}

export function meaning(request: RecordedRequest, headerNames: readonly string[], authScheme: "full" | "scheme"): Meaning {
  const headers: Record<string, string | undefined> = {};
  for (const name of headerNames) headers[name] = single(request.headers[name]);
  const auth = single(request.headers.authorization);
  headers["authorization"] = authScheme === "scheme" ? auth?.split(" ")[0] : auth;
  const contentType = single(request.headers["content-type"])?.split(";")[0]!.trim().toLowerCase();
  return {
    method: request.method,
    path: decodePath(request.path),
    query: byKey(request.query),
    headers,
    contentType,
    body: bodyMeaning(request, contentType),
  };
}

export function firstDifference(newman: Meaning, client: Meaning): Difference | undefined {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (newman.method !== client.method) return { aspect: "method", newman: newman.method, client: client.method };
  if (newman.path !== client.path) return { aspect: "path", newman: newman.path, client: client.path };
  if (!same(newman.query, client.query)) return { aspect: "query", newman: newman.query, client: client.query };
  for (const name of Object.keys(newman.headers)) {
    if (newman.headers[name] !== client.headers[name]) return { aspect: `header:${name}`, newman: newman.headers[name], client: client.headers[name] };
  }
  if (newman.contentType !== client.contentType) return { aspect: "content-type", newman: newman.contentType, client: client.contentType };
  if (!same(newman.body, client.body)) return { aspect: "body", newman: newman.body, client: client.body };
  return undefined;
}

function bodyMeaning(request: RecordedRequest, contentType: string | undefined): unknown {
  if (contentType === "multipart/form-data") {
    return { fields: byKey(request.fields), files: byKey(request.files.map((f) => [f.field, f.content.toString("base64")])) };
  }
  if (contentType === "application/x-www-form-urlencoded") return { fields: byKey(request.fields) };
  if (request.json !== undefined) return { json: request.json };
  return { bytes: request.raw.toString("base64") };
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The item's JSON path, from the marker header newman's copy adds. */
export function markerOf(request: RecordedRequest): string | undefined {
  return single(request.headers[MARKER]);
}

/** Pairs sorted by key; the values of one key keep their order. */
function byKey(pairs: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
  const keys = [...new Set(pairs.map(([key]) => key))].sort();
  return keys.flatMap((key) => pairs.filter(([k]) => k === key).map(([, value]): [string, string] => [key, value]));
}
