// The tests every operation of an emitted package gets: the request on the wire, each documented
// response, each documented error code, refused arguments. Copied into each package's test/ beside
// the recording server; what each operation sends and receives is data, one JSON file per module
// of the client under test/cases/ (written by the generator, test-cases.ts), which this runner reads.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { ExpectedRequest } from "./expected-request.js";
import { jsonText, type JsonText } from "./json-text.js";
import type { RecordedRequest, RecordingServer, Reply } from "./recording-server.js";
import { privateKeys } from "./test-keys.js";
import type { AuthOptions, CredentialOption } from "../runtime/auth.js";
import { masker, redactValue } from "../runtime/redact.js";
import { hasNoBody, isBinaryType, isJson, Unparsed } from "../runtime/response.js";
import type { KeyAlgorithm } from "../runtime/signing-keys.js";

export type { ExpectedRequest };

/** A documented example response as a case holds it: its body as written, or as JSON (json-text.ts). */
export type ExampleCase = {
  /** The example's name in the collection (on one line, clipped). */
  name?: string;
  contentType?: string;
} & ({ body: string } | JsonText);

/** A documented example response. */
export type Example = ExampleCase & { status: number };

/** A documented response: its examples and the API error codes documented for it. */
export interface DocumentedResponse {
  status: number;
  description?: string;
  examples?: ExampleCase[];
  codes?: Array<{
    code: number | string;
    description: string;
    /**
     * The credentials the call sends that are in the code (an example argument under a
     * credential's name holding the code's very text), which the client masks in its error, the
     * code too (runtime/sent-secrets.ts): the generator found them with the runtime's reading.
     */
    maskedBy?: string[];
  }>;
}

/** One operation's case: what a test file under test/cases/ holds for each. */
export interface OperationCase {
  /** Where the method sits on the client: `["users", "userId", "updateUserStatus"]`. */
  call: string[];
  /** The arguments the tests pass. */
  args: Record<string, unknown>;
  /** Arguments given as file content: passed as a Blob of it. */
  files?: string[];
  /**
   * The variables the operation's signer reads as its private key, which the collection gives no
   * value: each given a key of its algorithm, made when the tests run (test-keys.ts).
   */
  keys?: Record<string, KeyAlgorithm>;
  /**
   * A credential option the client is given for the call, where the collection's auth lacks a part
   * its signer needs (no field for a variable to fill: a JWT's HS256 without its secret), which the
   * client would refuse every call without: its parts' test values, and the option's `privateKey`
   * made of its algorithm when the tests run (test-keys.ts). Written by emit/test-credentials.ts.
   */
  credential?: { option: CredentialOption; parts: Record<string, string>; privateKey?: KeyAlgorithm };
  /** `manual`: the operation follows no redirect, so a documented 3xx resolves. */
  redirect?: "manual";
  /** What the server must receive; absent when the client must refuse every call. */
  expected?: ExpectedRequest;
  /** The message the client refuses every call with (its variables refer to each other). */
  refusal?: string;
  responses?: DocumentedResponse[];
  /** Arguments without which the call is refused. */
  required?: string[];
  enums?: Array<{ arg: string; values: string[] }>;
  /** Path arguments, which must stay inside one path segment. */
  pathArgs?: string[];
}

/** What the tests need of the package under test and of the test file. */
export interface OperationTestContext<C> {
  /** The recording server, read when a test runs (it starts in beforeAll). */
  server: () => RecordingServer;
  /** A fresh client pointed at the server; `variables` over the setup's, `options` (credentials) over its. */
  client: (variables?: Record<string, string>, options?: AuthOptions) => C;
  /** The package's error classes: the tests check that calls reject with these. */
  ApiError: abstract new (...args: never[]) => {
    status: number;
    description?: string | undefined;
    code?: number | string | undefined;
    codeDescription?: string | undefined;
    body: unknown;
    message: string;
  };
  ValidationError: abstract new (...args: never[]) => { field?: string | undefined; message: string };
}

/** Checks what the server received against what the collection describes. */
export function expectRequest(received: RecordedRequest | undefined, expected: ExpectedRequest): void {
  expect(received, "the server received no request").toBeDefined();
  const request = received!;
  expect(request.parseError).toBeUndefined();
  expect(request.method).toBe(expected.method);
  expect(request.path).toBe(expected.path);
  const added = request.query.slice(expected.query.length);
  expect(request.query).toEqual(
    expected.oauth1 === "query"
      ? [...expected.query, ...oauth1Params(added)]
      : expected.jwtParam !== undefined
        ? [...expected.query, ...jwtParam(added, expected.jwtParam)]
        : expected.presigned !== undefined
          ? [...expected.query, ...presignedParams(added, expected.presigned)]
          : expected.query,
  );
  for (const [name, value] of expected.headers) expect(request.headers[name], `header ${name}`).toBe(value);
  for (const name of expected.absentHeaders) expect(request.headers[name], `header ${name}`).toBeUndefined();
  const body = expected.body;
  switch (body.kind) {
    case "none":
      expect(request.raw.length).toBe(0);
      break;
    case "multipart":
      expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
      expect(request.fields).toEqual(body.fields);
      expect(request.files.map((file) => [file.field, file.content.toString("utf8")])).toEqual(body.files);
      break;
    case "urlencoded":
      expect(request.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
      expect(request.fields).toEqual(
        expected.oauth1 === "body"
          ? [...body.fields, ...oauth1Params(request.fields.slice(body.fields.length))]
          : body.fields,
      );
      break;
    case "json":
      expect(JSON.parse(request.raw.toString("utf8"))).toEqual(body.value);
      break;
    case "text":
      expect(request.raw.toString("utf8")).toBe("json" in body ? jsonText(body) : body.text);
      if (body.contentType !== null) expect(request.headers["content-type"]).toBe(body.contentType);
      break;
  }
}

const OAUTH1_PARAMS = new Set([
  "oauth_consumer_key",
  "oauth_token",
  "oauth_signature_method",
  "oauth_timestamp",
  "oauth_nonce",
  "oauth_version",
  "oauth_body_hash",
  "oauth_callback",
  "oauth_verifier",
  "oauth_signature",
]);

/**
 * `added`, the pairs after the collection's own (in the query or the form), when they are the OAuth 1
 * parameters: each call's timestamp, nonce and signature differ, so only their names are checked.
 */
function oauth1Params(added: Array<[string, string]>): Array<[string, string]> {
  const names = added.map(([name]) => name);
  for (const name of names) expect(OAUTH1_PARAMS, `${name}, after the collection's own`).toContain(name);
  for (const name of ["oauth_consumer_key", "oauth_signature_method", "oauth_timestamp", "oauth_nonce"])
    expect(names, `OAuth 1 parameter ${name}`).toContain(name);
  expect(names.at(-1), "the OAuth 1 signature, last").toBe("oauth_signature");
  return added;
}

/** `added`, the pairs after the collection's own, when they are the JWT's parameter `name`, a JWS in compact form. */
function jwtParam(added: Array<[string, string]>, name: string): Array<[string, string]> {
  expect(
    added.map(([key]) => key),
    "the JWT's parameter, after the collection's own",
  ).toEqual([name]);
  expect(added[0]![1], "the JWT").toMatch(/^[\w-]+\.[\w-]*\.[\w-]+$/);
  return added;
}

/** `added`, the pairs after the collection's own, when they are the presigned URL's `expected` ones. */
function presignedParams(
  added: Array<[string, string]>,
  expected: Array<[string, string | { pattern: string }]>,
): Array<[string, string]> {
  expect(
    added.map(([name]) => name),
    "the presigned URL's parameters, after the collection's own",
  ).toEqual(expected.map(([name]) => name));
  expected.forEach(([name, value], i) => {
    if (typeof value === "string") expect(added[i]![1], name).toBe(value);
    else expect(added[i]![1], name).toMatch(new RegExp(value.pattern));
  });
  return added;
}

/** The example's body: the text the collection has. */
export function bodyText(example: ExampleCase): string {
  return "json" in example ? jsonText(example) : example.body;
}

/** The server's answer for a documented example. */
export function reply(example: Example): Reply {
  const headers: Record<string, string> = example.contentType ? { "content-type": example.contentType } : {};
  return { status: example.status, headers, body: bodyText(example) };
}

/**
 * What a call resolves with for an example, by the runtime's own rules: nothing without a body, JSON
 * by content type, a Blob for a 2xx of a binary type, else text. For a 2xx whose content type says
 * JSON and whose body does not parse, an `Unparsed` of its text (as the runtime marks it): the
 * call rejects with a ResponseParseError.
 */
export function expectedValue(example: Example, method: string): unknown {
  const body = bodyText(example);
  if (hasNoBody(example.status, method) || body === "") return undefined;
  const ok = example.status >= 200 && example.status < 300;
  if (ok && isBinaryType(example.contentType)) return new Blob([body]);
  if (isJson(example.contentType)) {
    try {
      return JSON.parse(body) as unknown;
    } catch {
      return ok ? new Unparsed(body) : body;
    }
  }
  return body;
}

/**
 * A download as the call resolves it: a Blob of the example's bytes, typed as the platform's fetch
 * types the answer's (`response.blob()`, which the runtime returns, serializes the content type:
 * `Application/PDF; Charset=UTF-8` is `application/pdf;charset=utf-8`). Compared by its bytes and
 * type: `toEqual` sees neither of a Blob's, and took any Blob for any other but its type.
 */
export async function expectBlob(resolved: unknown, expected: Blob, contentType: string | undefined): Promise<void> {
  expect(resolved).toBeInstanceOf(Blob);
  const blob = resolved as Blob;
  expect(Buffer.from(await blob.arrayBuffer())).toEqual(Buffer.from(await expected.arrayBuffer()));
  const headers: Record<string, string> = contentType === undefined ? {} : { "content-type": contentType };
  expect(blob.type).toBe((await new Response(null, { headers }).blob()).type);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("the call resolved; it should have rejected"),
    (error: unknown) => error,
  );
}

function without(args: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...args };
  delete copy[key];
  return copy;
}

/** As the client decides (core.ts): a 2xx resolves, and a 3xx of an operation that follows no redirect. */
const isSuccess = (operation: OperationCase, status: number) =>
  status >= 200 && status < (operation.redirect ? 400 : 300);

/** The method at `call` on a client: `client.users.userId.updateUserStatus`. */
function methodOf(client: unknown, call: string[]): (args: unknown) => Promise<unknown> {
  let target = client as Record<string, unknown>;
  for (const key of call.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const method = target[call[call.length - 1]!];
  if (typeof method !== "function") throw new Error(`client.${call.join(".")} is not a method`);
  return method as (args: unknown) => Promise<unknown>;
}

/** The case's arguments, file content as a Blob (a new object per call: a test may change it). */
function argsOf(operation: OperationCase): Record<string, unknown> {
  const args: Record<string, unknown> = JSON.parse(JSON.stringify(operation.args)) as Record<string, unknown>;
  for (const key of operation.files ?? []) args[key] = new Blob([String(args[key])]);
  return args;
}

/** The tests of one operation, bound to a package's client, errors and server. */
export function describeOperation<C>(context: OperationTestContext<C>, operation: OperationCase): void {
  const { ApiError, ValidationError } = context;
  const { expected } = operation;
  let variables: Record<string, string> = {};
  let options: AuthOptions = {};
  const method = () => methodOf(context.client(variables, options), operation.call);
  const call = () => method()(argsOf(operation));
  const requests = () => context.server().requests;
  const responses = operation.responses ?? [];
  const examples = responses.flatMap((r) =>
    (r.examples ?? []).map((e) => ({
      ...e,
      status: r.status,
      description: r.description,
      label: (r.description ?? e.name ?? "")
        .replace(/\s*\n\s*/g, " ")
        .trim()
        .slice(0, 80),
    })),
  );
  const codes = responses.flatMap((r) =>
    (r.codes ?? []).map((c) => ({ ...c, status: r.status, statusDescription: r.description })),
  );

  describe(`client.${operation.call.join(".")}`, () => {
    const { keys, credential } = operation;
    if (keys)
      beforeAll(async () => {
        variables = await privateKeys(keys);
      });
    if (credential)
      beforeAll(async () => {
        const { privateKey } = credential.privateKey ? await privateKeys({ privateKey: credential.privateKey }) : {};
        const parts = { ...credential.parts, ...(privateKey !== undefined ? { privateKey } : {}) };
        // The parts are the option's own, as the generator named them (emit/test-credentials.ts).
        options = { [credential.option]: parts } as AuthOptions;
      });
    if (operation.refusal !== undefined) {
      it("refuses the call and sends nothing", async () => {
        const error = await rejection(call());
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as Error).message).toBe(operation.refusal);
        expect(requests()).toHaveLength(0);
      });
      return;
    }
    if (!expected)
      throw new Error(`the case of client.${operation.call.join(".")} has neither a request nor a refusal`);

    it("sends the request the collection describes", async () => {
      await call().catch(() => undefined);
      expect(requests()).toHaveLength(1);
      expectRequest(requests()[0], expected);
    });

    it.runIf(examples.length > 0).each(examples)("maps the documented $status response: $label", async (example) => {
      context.server().reply(reply(example));
      const value = expectedValue(example, expected.method);
      if (value instanceof Unparsed) {
        // Named rather than passed in the context, which every emitted package's tests would then pass.
        const error = await rejection(call());
        expect(error).toBeInstanceOf(ApiError);
        expect((error as Error).name).toBe("ResponseParseError");
        expect((error as InstanceType<typeof ApiError>).body).toBe(value.text);
      } else if (isSuccess(operation, example.status)) {
        if (value instanceof Blob) await expectBlob(await call(), value, example.contentType);
        else await expect(call()).resolves.toEqual(value);
      } else {
        const error = await rejection(call());
        expect(error).toBeInstanceOf(ApiError);
        const apiError = error as InstanceType<typeof ApiError>;
        expect(apiError.status).toBe(example.status);
        if (example.description !== undefined) expect(apiError.description).toBe(example.description);
      }
      expectRequest(requests()[0], expected);
    });

    it.runIf(codes.length > 0).each(codes)("maps documented error code $code of status $status", async (documented) => {
      const answered = { code: documented.code, message: `test message for ${String(documented.code)}` };
      const answer: Reply = {
        status: documented.status,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(answered),
      };
      context.server().reply(answer);
      const error = await rejection(call());
      expect(error).toBeInstanceOf(ApiError);
      const apiError = error as InstanceType<typeof ApiError>;
      expect(apiError.status).toBe(documented.status);
      if (documented.statusDescription !== undefined) expect(apiError.description).toBe(documented.statusDescription);
      const { maskedBy } = documented;
      // A code that holds a credential the call sent reads masked, as every error masks one: the
      // answer as the client masks it, whose code is documented as it reads, if at all.
      const body = maskedBy ? (redactValue(answered, masker(maskedBy)) as typeof answered) : answered;
      if (maskedBy) {
        expect(body.code).not.toBe(documented.code);
        const reads = codes.find((c) => c.status === documented.status && String(c.code) === String(body.code));
        expect(apiError.codeDescription).toBe(reads?.description);
      } else expect(apiError.codeDescription).toBe(documented.description);
      expect(apiError.code).toBe(body.code);
      expect(apiError.body).toEqual(body);
      expect(apiError.message).toContain(body.message);
    });

    it.runIf(operation.required !== undefined).each(operation.required ?? [])(
      "refuses a call without %s and sends nothing",
      async (key) => {
        const error = await rejection(method()(without(argsOf(operation), key)));
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as InstanceType<typeof ValidationError>).field).toBe(key);
        expect(requests()).toHaveLength(0);
      },
    );

    it.runIf(operation.enums !== undefined).each(operation.enums ?? [])(
      "refuses a value of $arg outside its enum",
      async ({ arg, values }) => {
        const error = await rejection(method()({ ...argsOf(operation), [arg]: `${values.join("|")}-not-allowed` }));
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as InstanceType<typeof ValidationError>).field).toBe(arg);
        for (const value of values) expect((error as Error).message).toContain(JSON.stringify(value));
        expect(requests()).toHaveLength(0);
      },
    );

    it.runIf(operation.pathArgs !== undefined).each(operation.pathArgs ?? [])(
      "keeps %s inside one path segment",
      async (key) => {
        for (const dots of [".", ".."]) {
          const error = await rejection(method()({ ...argsOf(operation), [key]: dots }));
          expect(error).toBeInstanceOf(ValidationError);
        }
        expect(requests()).toHaveLength(0);
        await method()({ ...argsOf(operation), [key]: "../a/b?c#d" }).catch(() => undefined);
        expect(requests()).toHaveLength(1);
        expect(requests()[0]!.path).toContain(encodeURIComponent("../a/b?c#d"));
      },
    );
  });
}

/**
 * The tests of every operation: one `describe` per file under `dir` (`test/cases/client.json` for
 * the operations in `src/client.ts`, `test/cases/resources/<name>.json` for each folder's module),
 * each a JSON array of cases.
 */
export function describeCases<C>(dir: URL, context: OperationTestContext<C>): void {
  const root = fileURLToPath(dir);
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(folder, entry.name))
        : entry.name.endsWith(".json")
          ? [join(folder, entry.name)]
          : [],
    );
  const files = walk(root).sort();
  for (const file of files) {
    const cases = JSON.parse(readFileSync(file, "utf8")) as OperationCase[];
    describe(relative(root, file), () => {
      for (const operation of cases) describeOperation(context, operation);
    });
  }
}
