// What two requests mean, and every way in which they differ. Headers that only one sender
// adds (User-Agent, Postman-Token, Content-Length, …) carry no meaning here (allowlist.ts's
// SENDERS_OWN_HEADERS names them, checked in test/runtime/newman-wire.test.ts); the content type is
// compared by its family, since the multipart boundary is random on both sides, and each multipart
// part by its own headers (a text part's type, a file's name and type). The path is compared as
// sent, segment by segment, and the query as sent, a key alone apart from a key with an empty
// value. Query pairs and form fields are compared key by key: the values of one key in order, the
// keys in any order (the client sends a key given several times as one list, at the first one's
// place).
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
  /**
   * Each segment decoded and encoded again: `{` and `%7B` are alike, a `/` in a segment and one
   * between segments are not. A segment with a bare `%` (one that starts no `%XX`), or with `%XX`
   * that are no UTF-8, is as sent.
   */
  path: string;
  /**
   * A key sent alone (`?uploads`) has the value null, told from an empty one (`?uploads=`). A value
   * with a bare `%` is as sent (`{ sent }`).
   */
  query: Array<[string, string | { sent: string } | null]>;
  /** The item's own headers and the auth header, lower-cased names. */
  headers: Record<string, string | undefined>;
  contentType: string | undefined;
  body: unknown;
  /** A signed scheme's signature checked; compared first, since an unchecked one means nothing. */
  verified?: boolean;
}

/**
 * How the auth of a request is compared: the whole Authorization header, its scheme only (what a
 * caller's `sign` hook sets), or, for a scheme signed anew for each request, what the signature
 * means (`SignedAuth`).
 */
export type AuthView = "full" | "scheme" | ((request: RecordedRequest) => SignedAuth);

export interface SignedAuth {
  /** Whether the signature is right, as an implementation written by others checks it. */
  verified: boolean;
  /** What stays the same from one request to the next: the nonce, time and signature left out. */
  params: Record<string, string>;
  /** Query or form keys the scheme adds: compared here, not among the request's own. */
  added: readonly string[];
}

export function meaning(request: RecordedRequest, headerNames: readonly string[], authView: AuthView): Meaning {
  const headers: Record<string, string | undefined> = {};
  for (const name of headerNames) headers[name] = single(request.headers[name]);
  const auth = single(request.headers.authorization);
  const signed = typeof authView === "function" ? authView(request) : undefined;
  headers["authorization"] = signed
    ? JSON.stringify({ verified: signed.verified, params: signed.params })
    : authView === "scheme"
      ? auth?.split(" ")[0]
      : auth;
  const own = <T>(pairs: ReadonlyArray<readonly [string, T]>) =>
    signed ? pairs.filter(([key]) => !signed.added.includes(key)) : pairs;
  const contentType = single(request.headers["content-type"])?.split(";")[0]!.trim().toLowerCase();
  return {
    method: request.method,
    path: request.path
      .split("/")
      .map((segment) =>
        BARE_PERCENT.test(segment) || !decodes(segment) ? segment : encodeURIComponent(decode(segment)),
      )
      .join("/"),
    query: byKey(own(queryAsSent(request.target))),
    headers,
    contentType,
    body: bodyMeaning({ ...request, fields: own(request.fields) as Array<[string, string]> }, contentType),
    ...(signed ? { verified: signed.verified } : {}),
  };
}

/**
 * Every way in which two requests differ, in this order: the signature, the method, the path, the
 * query, each header, the content type, the body. Each is judged on its own (allowlist.ts), so an
 * allowed difference hides no other.
 */
export function differences(newman: Meaning, client: Meaning): Difference[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const found: Difference[] = [];
  const compare = (aspect: string, a: unknown, b: unknown) =>
    same(a, b) || found.push({ aspect, newman: a, client: b });
  if (newman.verified === false || client.verified === false)
    found.push({ aspect: "signature", newman: newman.verified, client: client.verified });
  compare("method", newman.method, client.method);
  compare("path", newman.path, client.path);
  compare("query", newman.query, client.query);
  for (const name of Object.keys(newman.headers)) compare(`header:${name}`, newman.headers[name], client.headers[name]);
  compare("content-type", newman.contentType, client.contentType);
  compare("body", newman.body, client.body);
  return found;
}

function bodyMeaning(request: RecordedRequest, contentType: string | undefined): unknown {
  if (contentType === "multipart/form-data") {
    return {
      fields: byKey(request.fields),
      files: byKey(request.files.map((f) => [f.field, f.content.toString("base64")])),
      // Each part's own headers: a text part's type, a file's name and type.
      parts: byKey(
        (request.parts ?? []).map((p) => [
          p.field,
          p.filename === undefined ? p.contentType : `${p.contentType}; filename=${p.filename}`,
        ]),
      ),
    };
  }
  if (contentType === "application/x-www-form-urlencoded") return { fields: byKey(request.fields) };
  if (request.json !== undefined) return { json: request.json };
  return { bytes: request.raw.toString("base64") };
}

/** Whether `text`'s `%XX` are UTF-8 (`%bb` alone is not: decoded again it would read as `%25bb`). */
export function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A `%` that starts no `%XX` (`100%`): a lenient decoder (URLSearchParams) reads it as it reads
 * `%25`, but a strict one (decodeURIComponent, which many servers use) refuses the text or keeps it
 * raw, and a signature over the query sees other bytes: where one is sent, the text is compared as sent.
 */
const BARE_PERCENT = /%(?![\dA-Fa-f]{2})/;

/** The query pairs of a request target as `Meaning.query` holds them: sorted by key. */
export function queryMeaning(target: string): Meaning["query"] {
  return byKey(queryAsSent(target));
}

/**
 * The query pairs of a request target, decoded as a form is (a value with a bare `%` as sent); a
 * key alone has the value null.
 */
function queryAsSent(target: string): Array<[string, string | { sent: string } | null]> {
  const at = target.indexOf("?");
  if (at < 0) return [];
  return target
    .slice(at + 1)
    .split("&")
    .filter(Boolean)
    .map((piece) => {
      // After a `&`: a leading `?` is the piece's own (`??a=1`), which the constructor would drop.
      const [key, value] = [...new URLSearchParams(`&${piece}`)][0]!;
      const sent = piece.slice(piece.indexOf("=") + 1);
      return [key, !piece.includes("=") ? null : BARE_PERCENT.test(sent) ? { sent } : value];
    });
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The item's JSON path, from the marker header newman's copy adds. */
export function markerOf(request: RecordedRequest): string | undefined {
  return single(request.headers[MARKER]);
}

/** Pairs sorted by key; the values of one key keep their order. */
function byKey<T>(pairs: ReadonlyArray<readonly [string, T]>): Array<[string, T]> {
  const keys = [...new Set(pairs.map(([key]) => key))].sort();
  return keys.flatMap((key) => pairs.filter(([k]) => k === key).map(([, value]): [string, T] => [key, value]));
}
