// A call's error against a server on 127.0.0.1 that answers 400 quoting what it got, and every way
// such an error is read: for the tests that prove no reading holds a credential the call sent.
import { inspect } from "node:util";
import { expect } from "vitest";

/** Every way an error is read: its message, String, body, JSON and inspection. */
export function readings(error: unknown): string[] {
  const { message, body } = error as { message: string; body: unknown };
  return [message, String(error), JSON.stringify(body), JSON.stringify(error), inspect(error, { depth: 10 })];
}

/** The error `call` rejects with, an API error that quotes the request it got (`bad request: …`). */
export async function rejection(call: () => Promise<unknown>): Promise<unknown> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect((error as { status?: number } | undefined)?.status).toBe(400);
  expect((error as { message: string }).message).toContain("bad request: ");
  return error;
}
