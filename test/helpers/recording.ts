// The recording server (src/testkit/recording-server.ts) as the runtime tests use it: one per test
// file or describe block, started before its tests and closed after them, and what one call of an
// operation through the test core made it receive.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { ClientOptions } from "../../src/runtime/core.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import {
  startRecordingServer,
  type RecordedRequest,
  type RecordingServer,
} from "../../src/testkit/recording-server.js";
import { testCore } from "./runtime.js";
import { startedInHook } from "./started-in-hook.js";

/**
 * Registers the hooks that start a recording server, empty it before each test (unless `resetEach`
 * is false: tests that queue their own replies and never read what arrived) and close it; returns
 * the server. Hooks run in the order they are registered, so a file's own `beforeAll` after this
 * call may already use it (to make a client with its URL). The server is known only once
 * `beforeAll` ran, so the value returned reads through to it: a test file keeps one `const`
 * instead of a `let` and 3 hooks.
 */
export function useRecordingServer({ resetEach = true }: { resetEach?: boolean } = {}): RecordingServer {
  let server: RecordingServer | undefined;
  const started = startedInHook(() => server, "the recording server", "beforeAll");
  beforeAll(async () => {
    server = await startRecordingServer();
  });
  afterAll(() => server?.close());
  if (resetEach) beforeEach(() => started.reset());
  return started;
}

/** The request `server` received for one call of `op` with the server as base URL, as the generated code calls it. */
export async function received(
  server: RecordingServer,
  op: OperationSpec,
  args: unknown,
  options: ClientOptions<object>,
): Promise<RecordedRequest> {
  const before = server.requests.length;
  await testCore({ baseUrl: server.url, ...options }, { baseUrl: server.url, variables: {} }).call(op, args);
  return server.requests[before]!;
}
