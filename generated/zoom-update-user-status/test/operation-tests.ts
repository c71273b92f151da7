// The tests every operation of an emitted package gets: the request on the wire, each documented
// response, each documented error code, refused arguments. Copied into each package's test/ beside
// the recording server; the generated test file only lists each operation's case (the data).
import { describe, expect, it } from "vitest";
import type { ExpectedRequest } from "./expected-request.js";
import type { RecordedRequest, RecordingServer, Reply } from "./recording-server.js";
import { hasNoBody, isJson } from "../src/runtime/response.js";

export type { ExpectedRequest };

/** A documented example response. */
export interface Example {
  status: number;
  ok: boolean;
  label: string;
  contentType: string | null;
  body: string;
  description: string | null;
}

/** A documented error code of a status. */
export interface DocumentedCode {
  status: number;
  code: number | string;
  codeDescription: string;
  description: string | null;
}

export interface OperationCase<C, A> {
  title: string;
  method: (client: C) => (args: A) => Promise<unknown>;
  args: NoInfer<A>;
  expected: ExpectedRequest;
  /** Set when the client must refuse every call (the message it refuses with). */
  refusal?: string;
  examples?: Example[];
  codes?: DocumentedCode[];
  required?: string[];
  enums?: Array<{ arg: string; values: string[] }>;
  pathArgs?: string[];
}

/** What the tests need of the package under test and of the test file. */
export interface OperationTestContext<C> {
  /** The recording server, read when a test runs (it starts in beforeAll). */
  server: () => RecordingServer;
  /** A fresh client pointed at the server. */
  client: () => C;
  /** The package's error classes: the tests check that calls reject with these. */
  ApiError: abstract new (...args: never[]) => {
    status: number;
    description?: string | undefined;
    code?: number | string | undefined;
    codeDescription?: string | undefined;
    body: unknown;
    message: string;
  };
  ValidationError: abstract new (...args: never[]) => {
    field?: string | undefined;
    message: string;
  };
}

/** Checks what the server received against what the collection describes. */
export function expectRequest(
  received: RecordedRequest | undefined,
  expected: ExpectedRequest,
): void {
  expect(received, "the server received no request").toBeDefined();
  const request = received!;
  expect(request.parseError).toBeUndefined();
  expect(request.method).toBe(expected.method);
  expect(request.path).toBe(expected.path);
  expect(request.query).toEqual(expected.query);
  for (const [name, value] of expected.headers)
    expect(request.headers[name], `header ${name}`).toBe(value);
  for (const name of expected.absentHeaders)
    expect(request.headers[name], `header ${name}`).toBeUndefined();
  const body = expected.body;
  switch (body.kind) {
    case "none":
      expect(request.raw.length).toBe(0);
      break;
    case "multipart":
      expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
      expect(request.fields).toEqual(body.fields);
      expect(request.files.map((file) => [file.field, file.content.toString("utf8")])).toEqual(
        body.files,
      );
      break;
    case "urlencoded":
      expect(request.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
      expect(request.fields).toEqual(body.fields);
      break;
    case "json":
      expect(JSON.parse(request.raw.toString("utf8"))).toEqual(body.value);
      break;
    case "text":
      expect(request.raw.toString("utf8")).toBe(body.text);
      if (body.contentType !== null) expect(request.headers["content-type"]).toBe(body.contentType);
      break;
  }
}

/** The server's answer for a documented example. */
export function reply(example: Example): Reply {
  const headers: Record<string, string> = example.contentType
    ? { "content-type": example.contentType }
    : {};
  return { status: example.status, headers, body: example.body };
}

/** What a call resolves with for an example, by the runtime's own rules: nothing without a body, JSON by content type, else text. */
export function expectedValue(example: Example, method: string): unknown {
  if (hasNoBody(example.status, method) || example.body === "") return undefined;
  if (isJson(example.contentType)) {
    try {
      return JSON.parse(example.body) as unknown;
    } catch {
      return example.body;
    }
  }
  return example.body;
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

/** `describeOperation` bound to a package's client, errors and server. */
export function operationTests<C>(
  context: OperationTestContext<C>,
): <A>(operation: OperationCase<C, A>) => void {
  const { ApiError, ValidationError } = context;
  return function describeOperation<A>(operation: OperationCase<C, A>): void {
    const { expected } = operation;
    const method = () => operation.method(context.client()) as (args: unknown) => Promise<unknown>;
    const call = () => operation.method(context.client())(operation.args);
    const args = operation.args as Record<string, unknown>;
    const requests = () => context.server().requests;

    describe(operation.title, () => {
      if (operation.refusal !== undefined) {
        it("refuses the call and sends nothing", async () => {
          const error = await rejection(call());
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as Error).message).toBe(operation.refusal);
          expect(requests()).toHaveLength(0);
        });
        return;
      }

      it("sends the request the collection describes", async () => {
        await call().catch(() => undefined);
        expect(requests()).toHaveLength(1);
        expectRequest(requests()[0], expected);
      });

      it.runIf(operation.examples !== undefined).each(operation.examples ?? [])(
        "maps the documented $status response: $label",
        async (example) => {
          context.server().reply(reply(example));
          if (example.ok) {
            await expect(call()).resolves.toEqual(expectedValue(example, expected.method));
          } else {
            const error = await rejection(call());
            expect(error).toBeInstanceOf(ApiError);
            const apiError = error as InstanceType<typeof ApiError>;
            expect(apiError.status).toBe(example.status);
            if (example.description !== null)
              expect(apiError.description).toBe(example.description);
          }
          expectRequest(requests()[0], expected);
        },
      );

      it.runIf(operation.codes !== undefined).each(operation.codes ?? [])(
        "maps documented error code $code of status $status",
        async (documented) => {
          const body = {
            code: documented.code,
            message: `test message for ${String(documented.code)}`,
          };
          const answer: Reply = {
            status: documented.status,
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
          };
          context.server().reply(answer);
          const error = await rejection(call());
          expect(error).toBeInstanceOf(ApiError);
          const apiError = error as InstanceType<typeof ApiError>;
          expect(apiError.status).toBe(documented.status);
          expect(apiError.code).toBe(documented.code);
          expect(apiError.codeDescription).toBe(documented.codeDescription);
          if (documented.description !== null)
            expect(apiError.description).toBe(documented.description);
          expect(apiError.body).toEqual(body);
          expect(apiError.message).toContain(body.message);
        },
      );

      it.runIf(operation.required !== undefined).each(operation.required ?? [])(
        "refuses a call without %s and sends nothing",
        async (key) => {
          const error = await rejection(method()(without(args, key)));
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as InstanceType<typeof ValidationError>).field).toBe(key);
          expect(requests()).toHaveLength(0);
        },
      );

      it.runIf(operation.enums !== undefined).each(operation.enums ?? [])(
        "refuses a value of $arg outside its enum",
        async ({ arg, values }) => {
          const error = await rejection(
            method()({ ...args, [arg]: `${values.join("|")}-not-allowed` }),
          );
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as InstanceType<typeof ValidationError>).field).toBe(arg);
          for (const value of values)
            expect((error as Error).message).toContain(JSON.stringify(value));
          expect(requests()).toHaveLength(0);
        },
      );

      it.runIf(operation.pathArgs !== undefined).each(operation.pathArgs ?? [])(
        "keeps %s inside one path segment",
        async (key) => {
          for (const dots of [".", ".."]) {
            const error = await rejection(method()({ ...args, [key]: dots }));
            expect(error).toBeInstanceOf(ValidationError);
          }
          expect(requests()).toHaveLength(0);
          await method()({ ...args, [key]: "../a/b?c#d" }).catch(() => undefined);
          expect(requests()).toHaveLength(1);
          expect(requests()[0]!.path).toContain(encodeURIComponent("../a/b?c#d"));
        },
      );
    });
  };
}
