// Saved example responses → what each documented status means, its error codes, its examples and
// the shape of their JSON bodies.
import sdk, { entries, type RequestBody } from "./sdk.js";
import { bodyModeOf, language, sentRawText } from "./body.js";
import {
  answerWithoutCredentials,
  answerWithoutKnownCredentials,
  headerCredential,
  jsonWithoutCredentials,
  literalCredential,
  proseWithoutCredentials,
  rawTextWithoutCredentials,
  STAND_IN,
  standInOfType,
  textWithoutCredentials,
  withoutKnown,
} from "./credentials.js";
import { isObject, type JsonObject } from "./json.js";
import { queryText } from "./url.js";
import { apiWords } from "../runtime/response.js";
import type { Mask } from "../runtime/redact.js";
import { CodegenError } from "../errors.js";
import { isJsonExample, jsonBody } from "../model/json-body.js";
import { parseResponseName } from "../model/response-name.js";
import { mergeShapes, shapeOf } from "../model/shape.js";
import type {
  ErrorCodeModel,
  ExampleModel,
  ExampleRequestModel,
  ResponseModel,
  Source,
  Warning,
} from "../model/types.js";

/** Reason phrases, for examples saved without a code whose name or status is one ("OK"). */
const REASONS: Record<string, number> = {
  ok: 200,
  created: 201,
  accepted: 202,
  "no content": 204,
  "bad request": 400,
  unauthorized: 401,
  forbidden: 403,
  "not found": 404,
  conflict: 409,
  "too many requests": 429,
  "internal server error": 500,
};

export function responseModels(
  list: unknown,
  source: Source,
  warnings: Warning[],
  file: string,
  reads: ExampleReads,
): ResponseModel[] {
  const byStatus = new Map<number, ResponseModel>();
  (Array.isArray(list) ? list : []).forEach((json: unknown, index) => {
    const where = `${source}.response[${index}]`;
    if (!isObject(json)) {
      warnings.push({ source: where, message: "example response is not an object: left out" });
      return;
    }
    // What is read of an example as the SDK's Response has it: its headers (ExampleReads), and
    // its code, which the Response keeps as given. Its status text is read only where a status's
    // description needs it: a whole Response per example would also make up an id and build its
    // cookies and details, which nothing reads.
    const headers = sdkRead(file, where, () => reads.headers(json["header"]));
    const code = json["code"];
    const name = typeof json["name"] === "string" ? json["name"] : "";
    const parsed = parseResponseName(name);
    const reason = typeof json["status"] === "string" ? json["status"] : "";
    const status =
      (typeof code === "number" && code >= 100 && code <= 599 ? code : undefined) ??
      parsed.status ??
      REASONS[reason.trim().toLowerCase()] ??
      REASONS[name.trim().toLowerCase()];
    if (status === undefined) {
      warnings.push({
        source: where,
        message: `example response "${name}" has no status code: left out of the types and the mocks`,
      });
      return;
    }
    let model = byStatus.get(status);
    if (!model) {
      const description =
        parsed.description ??
        (sdkRead(file, where, () => reads.status([json["code"], json["reason"], json["status"]])) || undefined);
      model = { status, ...(description ? { description } : {}), errorCodes: [], examples: [] };
      byStatus.set(status, model);
    }
    model.errorCodes = mergeCodes(model.errorCodes, parsed.errorCodes);
    const { contentType } = headers;
    const written = typeof json["body"] === "string" ? json["body"] : "";
    const decided = jsonBody(contentType, json["_postman_previewlanguage"], written);
    const body = decided.parsed
      ? answerBody(written, decided.parsed, where, warnings)
      : answerText(written, where, warnings);
    if (decided.parsed) model.errorCodes = mergeCodes(model.errorCodes, bodyCodes(status, decided.parsed.value));
    model.examples.push({
      name,
      ...(contentType ? { contentType } : {}),
      body,
      json: decided.json,
      ...sdkRead(file, where, () => savedWith(json, headers, reads, where, warnings)),
      source: where,
    });
    if (decided.json && written.trim() !== "") {
      if (decided.parsed) {
        const shape = shapeOf(decided.parsed.value);
        model.shape = model.shape ? mergeShapes(model.shape, shape) : shape;
        model.inferredFrom = (model.inferredFrom ?? 0) + 1;
      } else {
        warnings.push({
          source: `${where}.body`,
          message: "the JSON example body does not parse: its type is unknown",
        });
        model.shape = { kind: "unknown" };
      }
    }
  });
  return responsesWithoutCredentials([...byStatus.values()], source, warnings);
}

/**
 * Responses without the credentials the words the client documents of them hold: their error
 * codes (read from a saved error's body, or from an example's name) and the descriptions of those
 * and of each status. These are the client's own code, its types and its README, where the
 * collection's credentials never go, though a server's answer quotes them ("Invalid API key sk_…").
 * A credential is one that `mask` finds (the values the collection writes out as credentials,
 * collection.ts, or an environment's secrets, scopes.ts: masked as the client masks the
 * credentials it sent in an error, runtime/redact.ts) or one that prose shows
 * (proseWithoutCredentials: a token of a known shape, one after an auth scheme or a credential's
 * name), as in a description. A code holding one is left out (the code is the secret, or names
 * it), a description has it masked; each with a warning naming the status, never the value.
 */
export function responsesWithoutCredentials(
  responses: ResponseModel[],
  source: Source,
  warnings: Warning[],
  known?: Mask,
): ResponseModel[] {
  const mask: Mask = known ?? ((text) => text);
  const clean = (text: string) => proseWithoutCredentials(mask(text));
  const changed = (status: number, what: string, done: string) =>
    warnings.push({
      source: `${source}.response`,
      message: `${what} of status ${status} read from the saved examples holds a credential: it is ${done} the client`,
      subject: `${what} of status ${status}`,
    });
  return responses.map((response) => {
    const description = response.description === undefined ? undefined : clean(response.description);
    if (description !== response.description) changed(response.status, "the description", "masked in");
    const errorCodes = response.errorCodes.flatMap((code): ErrorCodeModel[] => {
      if (clean(String(code.code)) !== String(code.code)) {
        changed(response.status, "an error code", "left out of");
        return [];
      }
      const kept = clean(code.description);
      if (kept === code.description) return [code];
      changed(response.status, `the description of error code ${JSON.stringify(code.code)}`, "masked in");
      return [{ ...code, description: kept }];
    });
    // The answers themselves, as the mocks serve them and the tests expect them: by the values
    // known alone (their words are the API's, which the prose rule would garble).
    const examples = known ? response.examples.map((example) => exampleWithoutKnown(example, known, warnings)) : [];
    const examplesKept = examples.every((example, i) => example === response.examples[i]);
    return description === response.description &&
      errorCodes.length === response.errorCodes.length &&
      errorCodes.every((code, i) => code === response.errorCodes[i]) &&
      examplesKept
      ? response
      : {
          ...response,
          ...(description !== undefined ? { description } : {}),
          errorCodes,
          ...(examplesKept ? {} : { examples }),
        };
  });
}

/**
 * A saved example without the credentials `mask` knows (the values the collection writes out as
 * credentials, an environment's secrets), wherever they are and whatever their names: its name
 * (which labels it in the mocks and the tests), its answer's body and headers, and the request it
 * was saved with, all emitted with the package. In an answer, a value that is a credential alone
 * is replaced by STAND_IN, and one quoted among other words is masked (`***`), as the body's
 * (answerWithoutKnownCredentials); a saved request's query parameter or form field holding one is
 * left out, as one named as a credential is (savedWith). Each with a warning naming the place,
 * never the value. The example is returned as given when nothing changed.
 */
function exampleWithoutKnown(example: ExampleModel, mask: Mask, warnings: Warning[]): ExampleModel {
  const where = example.source;
  let changed = false;
  const said = (place: string, what: string, done = "masked in the mocks and the tests") => {
    changed = true;
    warnings.push({
      source: `${where}${place}`,
      message: `${what} in this example holds a credential the collection or an environment writes out: it is ${done}`,
      subject: what,
    });
  };
  const name = mask(example.name);
  if (name !== example.name) said(".name", "the name");
  let body = example.body;
  const parsed = isJsonExample(example) ? parsedJson(body) : undefined;
  if (parsed !== undefined) {
    const kept = answerWithoutKnownCredentials(body, parsed, mask);
    for (const path of kept.masked) said(".body", `the answer's body field ${path}`);
    body = kept.text;
  } else if (mask(body) !== body) {
    body = mask(body);
    said(".body", "the answer's body");
  }
  const headers = example.headers?.map(([header, value]): [string, string] => {
    const kept = withoutKnown(value, mask, "", []) as string;
    if (kept !== value) said(".header", `the answer's header ${JSON.stringify(header)}`);
    return [header, kept];
  });
  const request = example.request && requestWithoutKnown(example.request, mask, said);
  if (!changed) return example;
  const { request: _saved, ...rest } = example;
  return {
    ...rest,
    name,
    body,
    ...(headers ? { headers } : {}),
    ...(request && (request.query || request.body) ? { request } : {}),
  };
}

/** A saved request without the credentials `mask` knows: a pair holding one left out, a raw body's masked. */
function requestWithoutKnown(
  request: ExampleRequestModel,
  mask: Mask,
  said: (place: string, what: string, done?: string) => void,
): ExampleRequestModel {
  const done = "left out of the mocks";
  const kept = (list: Array<[string, string]>, place: string, what: string) =>
    list.filter(([key, value]) => {
      if (mask(key) === key && mask(value) === value) return true;
      said(`.originalRequest${place}`, `the saved request's ${what} ${JSON.stringify(mask(key))}`, done);
      return false;
    });
  const query = request.query && kept(request.query, ".url", "query parameter");
  let body = request.body;
  if (body?.mode === "form") body = { mode: "form", fields: kept(body.fields, ".body", "form field") };
  else if (body && mask(body.text) !== body.text) {
    const json = parsedJson(body.text);
    const masked: string[] = [];
    const text = json === undefined ? mask(body.text) : JSON.stringify(withoutKnown(json, mask, "$", masked));
    said(".originalRequest.body", "the saved request's body", "masked in the mocks");
    body = { mode: "raw", text };
  }
  return {
    ...(query?.length ? { query } : {}),
    ...(body && (body.mode === "raw" || body.fields.length) ? { body } : {}),
  };
}

/**
 * An answer's JSON body as the mocks serve it and the generated tests expect it: each literal
 * credential (`access_token`, `user.api_key`) replaced by a stand-in of its JSON type, so that the
 * types inferred from it and the mocks' well-typed answers stay. `parsed` (the body read) is updated
 * in place, for the types.
 */
function answerBody(written: string, parsed: { value: unknown }, where: Source, warnings: Warning[]): string {
  const kept = answerWithoutCredentials(written, parsed.value);
  for (const path of kept.leftOut) answerLeftOut(warnings, `${where}.body`, `body field ${path}`);
  parsed.value = kept.value;
  return kept.text;
}

/**
 * An answer's body that is no JSON as it stands (`access_token=…&token_type=bearer`, as GitHub's
 * OAuth answers by default; XML; loose JSON) with each literal credential replaced as a raw
 * request body's is (rawTextWithoutCredentials), by a stand-in of its type.
 */
function answerText(written: string, where: Source, warnings: Warning[]): string {
  const kept = rawTextWithoutCredentials(written, standInOfType);
  for (const what of kept.leftOut) answerLeftOut(warnings, `${where}.body`, what);
  return kept.text;
}

function answerLeftOut(warnings: Warning[], source: Source, what: string): void {
  warnings.push({
    source,
    message: `the value of ${what} in this example's answer is replaced by ${JSON.stringify(STAND_IN)} in the mocks and the tests (its name says it holds a credential)`,
    subject: what,
  });
}

/**
 * What the SDK reads of a load's examples, each kept by the JSON text it is read from: what the
 * SDK reads of a value is a function of that text, and a collection's examples repeat the same few
 * header lists (`Content-Type: application/json`), saved queries and statuses hundreds of times.
 * What is kept is plain data, which its readers never change.
 */
export interface ExampleReads {
  /** An example's `header`, from the SDK's HeaderList, as its Response builds it. */
  headers: (header: unknown) => AnswerHeaders;
  /**
   * An example's status text (`[code, reason, status]`) as the SDK's Response makes it: its
   * `reason` or `status`, else the standard phrase of its code.
   */
  status: (fields: unknown[]) => string | undefined;
  /**
   * The enabled pairs of the query of the URL an example was saved with, as the SDK's Url reads
   * it: from the text itself, or from a definition's `query` alone (the caller gives no more of
   * it: host, path and variables are not read).
   */
  query: (url: unknown) => Array<[string, string]>;
  /**
   * The body of the request an example was saved with as the SDK's RequestBody reads it, as it
   * reads the request's own (load/body.ts): its mode in any letters, urlencoded text as its fields.
   */
  body: (body: unknown) => ExampleRequestModel["body"];
}

export function exampleReads(): ExampleReads {
  return {
    headers: byJsonText((header): AnswerHeaders => {
      const list = new sdk.HeaderList(undefined, header as never);
      const type = list.get("content-type");
      return { contentType: typeof type === "string" && type ? type : undefined, pairs: pairs(entries(list)) };
    }),
    status: byJsonText((fields): string | undefined => {
      const [code, reason, status] = fields as unknown[];
      // With an id of its own, as the Response would make up a random one.
      return new sdk.Response({ id: "status", code, reason, status } as never).status;
    }),
    query: byJsonText((url) => pairs(entries(new sdk.Url(url as never).query))),
    body: byJsonText((body) => requestBody(new sdk.RequestBody(body as never))),
  };
}

/** What `read` gives for a JSON value, kept by the value's JSON text. */
function byJsonText<T>(read: (json: unknown) => T): (json: unknown) => T {
  const known = new Map<string | undefined, T>();
  return (json) => {
    const key = JSON.stringify(json);
    if (known.has(key)) return known.get(key)!;
    const value = read(json);
    known.set(key, value);
    return value;
  };
}

/** What is read of an example's `header`. */
interface AnswerHeaders {
  contentType: string | undefined;
  /** Enabled headers with a name, as `[name, value]`. */
  pairs: ReadonlyArray<readonly [string, string]>;
}

/** What the SDK reads of an example, its throws as the example's error (the request's used to hold it). */
function sdkRead<T>(file: string, where: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new CodegenError(file, where, `the SDK cannot read this example: ${(error as Error).message}`);
  }
}

/**
 * The example's id, headers and the request it was saved with: what mocks select and match on.
 * The request's literal credentials are left out, as the client leaves them out (load/credentials.ts):
 * the mocks are emitted too.
 */
function savedWith(
  json: JsonObject,
  answer: AnswerHeaders,
  reads: ExampleReads,
  where: Source,
  warnings: Warning[],
): Pick<ExampleModel, "id" | "headers" | "request"> {
  // The id from the file: the SDK makes up a random one when there is none.
  const id = typeof json["id"] === "string" && json["id"] !== "" ? json["id"] : undefined;
  // A saved answer's cookies and tokens (`Set-Cookie`, `X-Auth-Token`) are the account's too.
  // A URL one holds loses the credentials written into it (`Location: …?access_token=…`), as a
  // body's URLs do.
  const headers = answer.pairs.map(([name, value]): [string, string] => {
    if (!headerCredential(name, value)) {
      const kept = textWithoutCredentials(value, STAND_IN);
      for (const what of kept.leftOut)
        answerLeftOut(warnings, `${where}.header`, `header ${JSON.stringify(name)} (${what})`);
      return [name, kept.text];
    }
    answerLeftOut(warnings, `${where}.header`, `header ${JSON.stringify(name)}`);
    return [name, STAND_IN];
  });
  const request: ExampleRequestModel = {};
  const original = json["originalRequest"];
  if (isObject(original) || typeof original === "string") {
    // The URL as the SDK's Request reads it: the text itself, or the definition's `url`.
    const url = typeof original === "string" ? original : original["url"];
    // A pair whose value is a credential is left out, with a warning naming its key.
    const kept = (list: Array<[string, string]>, place: string, what: string) =>
      list.filter(([key, value]) => {
        if (!literalCredential(key, value)) return true;
        leftOut(place, `${what} ${JSON.stringify(key)}`);
        return false;
      });
    const leftOut = (place: string, what: string) =>
      warnings.push({
        source: `${where}.originalRequest${place}`,
        message: `the value of ${what} in the request this example was saved with is left out of the mocks (its name says it holds a credential)`,
        subject: what,
      });
    // Read as the request's own query is, so that the mocks compare it with a request's decoded one
    // (the request's warnings already say what stays as written).
    const query = kept(
      reads
        .query(isObject(url) ? { query: url["query"] } : url)
        .map(([key, value]): [string, string] => [queryText(key, "", []), queryText(value, "", [])]),
      ".url",
      "query parameter",
    );
    if (query.length) request.query = query;
    const saved = isObject(original) ? original["body"] : undefined;
    // A copy: what is read is kept for the same JSON, and its fields and text are replaced below.
    const read = reads.body(saved);
    const body = read && { ...read };
    const place = `.body.${bodyModeOf(saved) ?? ""}`;
    if (body?.mode === "form") body.fields = kept(body.fields, place, "form field");
    else if (body) {
      // As Postman would send it: a JSON body without its comments (PayPal's `// (required)` notes).
      body.text = sentRawText(body.text, language(saved), headerValue(original, "content-type"));
      const json = parsedJson(body.text);
      if (json === undefined) {
        const stripped = rawTextWithoutCredentials(body.text);
        for (const what of stripped.leftOut) leftOut(place, what);
        body.text = stripped.text;
      } else {
        const stripped = jsonWithoutCredentials(json);
        for (const path of stripped.leftOut) leftOut(place, `body field ${path}`);
        if (stripped.leftOut.length) body.text = JSON.stringify(stripped.value);
      }
    }
    if (body) request.body = body;
  }
  return {
    ...(id !== undefined ? { id } : {}),
    ...(headers.length ? { headers } : {}),
    ...(request.query || request.body ? { request } : {}),
  };
}

/** The value of a saved request's enabled header `name` (lower case), if it has one. */
function headerValue(original: unknown, name: string): string | undefined {
  const list = isObject(original) && Array.isArray(original["header"]) ? original["header"] : [];
  const found = list.find(
    (h): h is JsonObject =>
      isObject(h) && h["disabled"] !== true && typeof h["key"] === "string" && h["key"].toLowerCase() === name,
  );
  return found && typeof found["value"] === "string" ? found["value"] : undefined;
}

/** Enabled entries with a key, as `[key, value]` (values as text). */
function pairs(
  list: Array<{ key: string | null | undefined; value: unknown; disabled?: boolean }>,
): Array<[string, string]> {
  return list.flatMap((e): Array<[string, string]> =>
    // A keyless entry (`{}`, as an export may hold) is the SDK's key "": no header to answer with.
    e.disabled || typeof e.key !== "string" || e.key === ""
      ? []
      : [[e.key, e.value === undefined || e.value === null ? "" : String(e.value)]],
  );
}

/** A saved request body, as the SDK read it: raw text, GraphQL as the JSON sent, or a form's text fields. */
function requestBody(body: RequestBody): ExampleRequestModel["body"] {
  if (body.disabled) return undefined;
  switch (body.mode) {
    case "raw":
      return typeof body.raw === "string" && body.raw !== "" ? { mode: "raw", text: body.raw } : undefined;
    case "graphql": {
      const graphql: Record<string, unknown> = isObject(body.graphql) ? body.graphql : {};
      if (typeof graphql["query"] !== "string") return undefined;
      let variables: unknown;
      try {
        variables =
          typeof graphql["variables"] === "string" && graphql["variables"].trim() !== ""
            ? JSON.parse(graphql["variables"])
            : undefined;
      } catch {
        variables = undefined;
      }
      return {
        mode: "raw",
        text: JSON.stringify(
          variables === undefined ? { query: graphql["query"] } : { query: graphql["query"], variables },
        ),
      };
    }
    case "urlencoded":
    case "formdata": {
      const fields = entries(body.mode === "formdata" ? body.formdata : body.urlencoded).flatMap(
        (f): Array<[string, string]> =>
          f.disabled !== true && (f as { type?: unknown }).type !== "file" && typeof f.key === "string"
            ? [[f.key, typeof f.value === "string" ? f.value : ""]]
            : [],
      );
      return fields.length ? { mode: "form", fields } : undefined;
    }
    default:
      return undefined;
  }
}

/** A saved body's JSON value, or undefined when it is not JSON (then it holds no field to judge). */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The API error code a saved error example's body holds (`{"error": {"code": "user_not_found",
 * "message": …}}`), with its message as its description: read by the runtime's own rule
 * (`apiWords`), so that the code documented is the code an error of that answer carries at run
 * time. Only of an error status (4xx, 5xx): a code in a success's body is data, not an error's.
 */
function bodyCodes(status: number, body: unknown): ErrorCodeModel[] {
  if (status < 400) return [];
  const { code, message } = apiWords(body);
  return code === undefined ? [] : [{ code, description: message ?? "" }];
}

/**
 * The codes known, then each new one; a code known without a description takes the first one a
 * later source gives (a name that lists a code bare, an example whose body says what it means).
 */
function mergeCodes(known: ErrorCodeModel[], more: ErrorCodeModel[]): ErrorCodeModel[] {
  const merged = [...known];
  for (const code of more) {
    const at = merged.findIndex((c) => String(c.code) === String(code.code));
    if (at < 0) merged.push(code);
    else if (merged[at]!.description === "" && code.description !== "")
      merged[at] = { ...merged[at]!, description: code.description };
  }
  return merged;
}
