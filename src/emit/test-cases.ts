// The data the generated tests read: built from the model, nothing computed in templates. The
// setup (test/setup.json) and each operation's case (test/cases/**) are JSON, read by the fixed
// runner in src/testkit.
import { exampleArgs, fileContent } from "./examples.js";
import {
  basePath,
  expectedRequest,
  lookupFor,
  testVariables,
  TEST_API_KEY,
  TEST_BASIC,
  TEST_SIGNATURE_HEADER,
  TEST_TOKEN,
} from "./expectations.js";
import { runtimeParts } from "./client.js";
import { testCredential } from "./test-credentials.js";
import { testKeys } from "./test-keys.js";
import { isSuccess } from "./type-expressions.js";
import { isJsonExample } from "../model/json-body.js";
import { oneLine } from "../model/markdown.js";
import { ValidationError } from "../runtime/errors.js";
import { masker } from "../runtime/redact.js";
import { namedSecrets, sentSecrets } from "../runtime/sent-secrets.js";
import type { ApiModel, ArgModel, OperationModel } from "../model/types.js";
import type { ExpectedRequest } from "../testkit/expected-request.js";
import type { JsonText } from "../testkit/json-text.js";

/** What the fixed test file needs of the package: how to point a client at the recording server. */
export function testSetup(model: ApiModel) {
  const variables = testVariables(model);
  const defaults = lookupFor(model, variables);
  const otherBases = [...new Set(model.operations.flatMap((op) => (op.base !== undefined ? [op.base] : [])))];
  return {
    basePath: basePath(model.baseUrl, defaults),
    baseUrls: Object.fromEntries(otherBases.map((base) => [base, basePath(base, defaults)])),
    variables,
    token: TEST_TOKEN,
    apiKey: TEST_API_KEY,
    basic: TEST_BASIC,
    signatureHeader: TEST_SIGNATURE_HEADER,
  };
}

/** One operation's test case, as the runner (src/testkit/operation-tests.ts) reads it. */
export async function operationCase(model: ApiModel, op: OperationModel, variables: Record<string, string>) {
  // The credential the tests pass where the collection lacks one: the request carries it.
  const credential = testCredential(model, op, variables);
  // A request the client must refuse whatever the arguments (its variables refer to each other):
  // its test expects that refusal instead of a request.
  let request: ExpectedRequest | undefined;
  let refusal: string | undefined;
  try {
    request = expectedRequest(model, op, variables, credential);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    refusal = error.message;
  }
  const args = exampleArgs(op);
  const files = args.filter(([arg]) => arg.type === "file").map(([arg]) => arg.arg);
  // Only a code written as text can hold a credential (a number is none): most operations have none,
  // and their cases read no request for credentials.
  const textCodes = op.responses.some(
    (r) => !isSuccess(op, r.status) && r.errorCodes.some((c) => typeof c.code === "string"),
  );
  const credentials = request && textCodes ? await sentCredentials(op, request) : [];
  const responses = op.responses.flatMap((r) => {
    // Error codes documented on a 2xx status are in the docs, but such a response resolves.
    const codes = isSuccess(op, r.status)
      ? []
      : r.errorCodes.map((c) => {
          // The credentials the call sends that are in this code, which its error masks, as every
          // error masks what the call sent as one (runtime/sent-secrets.ts): an example argument
          // under a credential's name holding the very placeholder the code is (`"assertionId":
          // "<string>"` and a code `<string>`). The runner expects the code as masked by them. A
          // number is no credential and stays as it reads.
          const { code } = c;
          const maskedBy =
            typeof code === "string" ? credentials.filter((secret) => masker([secret])(code) !== code) : [];
          return { code: c.code, description: c.description, ...(maskedBy.length ? { maskedBy } : {}) };
        });
    if (!r.examples.length && !codes.length) return [];
    return [
      {
        status: r.status,
        ...(r.description !== undefined ? { description: r.description } : {}),
        // An example's name labels its test where the response has no description.
        ...(r.examples.length
          ? {
              examples: r.examples.map((e) => ({
                ...(r.description === undefined ? { name: oneLine(e.name).slice(0, 80) } : {}),
                // As the mocks serve it: one saved without a content type that is JSON, as JSON.
                ...(e.contentType !== undefined
                  ? { contentType: e.contentType }
                  : isJsonExample(e)
                    ? { contentType: "application/json" }
                    : {}),
                ...((isJsonExample(e) && jsonTextOf(e.body)) || { body: e.body }),
              })),
            }
          : {}),
        ...(codes.length ? { codes } : {}),
      },
    ];
  });
  const required = op.args.filter((a) => a.required).map((a) => a.arg);
  const enums = op.args.filter((a) => a.enum && a.default === undefined).map((a) => ({ arg: a.arg, values: a.enum! }));
  const pathArgs = op.args.filter((a) => a.in === "path" && a.default === undefined).map((a) => a.arg);
  const keys = testKeys(model, op, variables);
  return {
    call: [...op.namespace, op.name],
    args: Object.fromEntries(
      args.map(([arg, value]): [string, unknown] => [
        arg.arg,
        arg.type === "file" ? fileContent(arg as ArgModel) : value,
      ]),
    ),
    ...(files.length ? { files } : {}),
    ...(keys ? { keys } : {}),
    ...(credential ? { credential } : {}),
    ...(op.redirect ? { redirect: op.redirect } : {}),
    ...(refusal !== undefined ? { refusal } : { expected: structuredBody(op, request!) }),
    ...(responses.length ? { responses } : {}),
    ...(required.length ? { required } : {}),
    ...(enums.length ? { enums } : {}),
    ...(pathArgs.length ? { pathArgs } : {}),
  };
}

/**
 * What the call, as its case sends it (`request`), sends as credentials, by the runtime's own
 * reading of a request (runtime/sent-secrets.ts), the one its error masks with: `namedSecrets`
 * where the operation has a field named as one (its `sentSecrets` request feature), else
 * `sentSecrets`. The request as it arrives stands for the one before its auth ran too, so that
 * the values read are those named as credentials: the values the auth sets are the tests' own
 * (`test-token`, `test-api-key`, a signer's made per call), as are the secret variables'
 * (`test-<name>`), which no collection documents as an error code.
 */
async function sentCredentials(op: OperationModel, request: ExpectedRequest): Promise<string[]> {
  const read = runtimeParts(op).features.some(([key]) => key === "sentSecrets") ? namedSecrets : sentSecrets;
  const headers = new Headers();
  for (const [name, value] of request.headers)
    try {
      headers.append(name, value);
    } catch {
      // A value Headers refuses is none the client sent: it masks nothing.
    }
  const body = request.body;
  let sent: unknown;
  switch (body.kind) {
    case "json":
      sent = JSON.stringify(body.value);
      break;
    case "text":
      // The text read as a form when its type says so (readsAsForm); as JSON text whatever its layout.
      if (body.contentType !== null) headers.set("content-type", body.contentType);
      sent = "text" in body ? body.text : JSON.stringify(body.json);
      break;
    case "urlencoded":
      sent = new URLSearchParams(body.fields);
      break;
    case "multipart": {
      // Its files are the test's own content, which no reading of credentials reads.
      const form = new FormData();
      for (const [name, value] of body.fields) form.append(name, value);
      sent = form;
      break;
    }
  }
  const query = new URLSearchParams(request.query).toString();
  const url = new URL(`http://127.0.0.1${request.path}${query ? `?${query}` : ""}`);
  return read({ url, headers, body: sent }, { url, headers, body: sent });
}

/**
 * The text as the runner reads it back (src/testkit/json-text.ts): a JSON object or array that
 * JSON.stringify lays out exactly as written, as its value; else undefined, and the case keeps the
 * text as written (not JSON, or JSON written otherwise: comments, other spacing or escapes,
 * duplicate keys, a -0), since the server answers it and the runner compares it byte for byte.
 */
export function jsonTextOf(text: string): JsonText | undefined {
  if (!text.startsWith("{") && !text.startsWith("[")) return undefined;
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  // JSON.stringify's layout: on one line, or each value on its own line indented one unit per level.
  const unit = /^.\n( +|\t)/.exec(text)?.[1];
  const indent = unit === undefined ? undefined : unit === "\t" ? unit : unit.length;
  // The same expression as the runner's jsonText, which the generator cannot import (the test kit
  // is the emitted package's, built apart).
  if (JSON.stringify(json, null, indent) !== text) return undefined;
  return indent === undefined ? { json } : { json, indent };
}

/**
 * Deeper than this a body stays text: the case file's printer recurses once per level, and a
 * hostile example thousands of levels deep would overflow the stack that its text never reaches.
 */
const MAX_JSON_DEPTH = 64;

/** Whether the JSON text opens more than `max` arrays or objects inside one another. */
function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** A raw body the client sends as JSON.stringify writes its argument (a JSON array, say), held as JSON. */
function structuredBody(op: OperationModel, request: ExpectedRequest): ExpectedRequest {
  const body = request.body;
  if (body.kind !== "text" || !("text" in body)) return request;
  const json = op.args.some((a) => a.in === "body" && a.type === "json") ? jsonTextOf(body.text) : undefined;
  return json ? { ...request, body: { kind: "text", ...json, contentType: body.contentType } } : request;
}
