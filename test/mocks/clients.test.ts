// The committed clients (generated/*/dist, as users import them) against the mock fetch: the
// seed's one operation and the full Zoom API's 310.
import { beforeAll, describe, expect, it } from "vitest";
import * as seed from "../../generated/zoom-update-user-status/dist/index.js";
import * as zoom from "../../generated/zoom-api/dist/index.js";
import { createMockFetch } from "../../src/mocks/mock-fetch.js";
import type { MockApi } from "../../src/mocks/types.js";
import { packageMockApi } from "./helpers.js";

let seedApi: MockApi;
let zoomApi: MockApi;
beforeAll(async () => {
  seedApi = await packageMockApi(seed, "zoom-update-user-status");
  zoomApi = await packageMockApi(zoom, "zoom-api");
});

const ARGS = { userId: "me", action: "deactivate" } as const;

describe.each([
  [
    "the seed",
    () => seedApi,
    (fetch: typeof globalThis.fetch) => seed.createClient({ token: "t", fetch }).updateUserStatus,
    seed.updateUserStatusOperation,
  ],
  [
    "the Zoom client",
    () => zoomApi,
    (fetch: typeof globalThis.fetch) => zoom.createClient({ token: "t", fetch }).users.userId.updateUserStatus,
    zoom.updateUserStatusOperation,
  ],
])("%s against createMockFetch", (_name, api, updateUserStatus, operation) => {
  it("answers with the first 2xx example by default, and records the call", async () => {
    const mock = createMockFetch(api());
    const response = await updateUserStatus(mock)(ARGS).withResponse();
    expect(response.data).toBeUndefined();
    expect(response.response.status).toBe(200);
    expect(mock.calls).toHaveLength(1);
    const [call] = mock.calls;
    expect(call!.operation).toBe(operation);
    expect([call!.method, call!.url.href, call!.status, call!.example]).toEqual([
      "PUT",
      "https://api.zoom.us/v2/users/me/status",
      200,
      "Untitled Example",
    ]);
    expect(call!.headers.get("authorization")).toBe("Bearer t");
    expect((call!.body as FormData).get("action")).toBe("deactivate");
  });

  it("answers the documented 404 (error code 1001) chosen by x-mock-response-code", async () => {
    const mock = createMockFetch(api());
    const error = await updateUserStatus(mock)(
      { userId: "nobody@example.com", action: "activate" },
      { headers: { "x-mock-response-code": "404" } },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(seed.NotFoundError);
    expect(error).toMatchObject({ status: 404, description: "Not Found", operation: "updateUserStatus" });
    expect(mock.calls[0]!.url.pathname).toBe("/v2/users/nobody%40example.com/status");
    expect(mock.calls[0]!.example).toMatch(
      /^\*\*HTTP Status Code:\*\* `404` \*\*Not Found\*\*<br><br>\n\*\*Error Code:\*\* `1001`<br>\nUser does not exist/,
    );
  });

  it("answers an override: the API's error body, with its code and the documented meaning", async () => {
    const mock = createMockFetch(api());
    mock.use(operation, { status: 404, body: { code: 1001, message: "User does not exist: nobody@example.com." } });
    const error = await updateUserStatus(mock)(ARGS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(seed.ApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 1001,
      codeDescription: "User does not exist: $userId.",
      message: expect.stringContaining("User does not exist: nobody@example.com."),
    });
  });

  it("trips timeoutMs with a delay, and retries past a delay given once", async () => {
    const slow = createMockFetch(api(), { delay: 500 });
    const started = performance.now();
    const error = await updateUserStatus(slow)(ARGS, { timeoutMs: 50, maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(seed.TimeoutError);
    expect(performance.now() - started).toBeLessThan(400);
    expect(slow.calls).toHaveLength(0);

    const once = createMockFetch(api());
    once.once(operation, { delay: 500 });
    await expect(updateUserStatus(once)(ARGS, { timeoutMs: 50, maxRetries: 1 })).resolves.toBeUndefined();
    expect(once.calls.map((c) => c.status)).toEqual([200]);
  });
});

describe("the Zoom client against createMockFetch", () => {
  it("answers a GET with its JSON example, parsed and typed by the client", async () => {
    const mock = createMockFetch(zoomApi);
    const client = zoom.createClient({ token: "t", fetch: mock });
    const user = await client.users.userId.getAUser({ userId: "me" });
    expect(user).toMatchObject({
      created_at: "2018-11-15T01:10:08Z",
      custom_attributes: [{ key: "cb3674544gexq", name: "Country of Citizenship" }],
    });
    expect(mock.calls[0]!.operation).toBe(zoom.getAUserOperation);
  });

  it("answers every operation of the collection that has a 2xx example with it, by default", async () => {
    const mock = createMockFetch(zoomApi);
    const byKey = new Map(zoomApi.examples.map((e) => [e.operation.join("."), e.examples]));
    let answered = 0;
    for (const op of zoom.operations) {
      const examples = byKey.get([...op.namespace, op.name].join(".")) ?? [];
      const first2xx = examples.find((e) => e.status >= 200 && e.status < 300);
      if (!first2xx) continue;
      const path = op.path.replace(/\{([^{}]+)\}/g, (_, name: string) => `${name}-1`);
      const response = await mock(`https://api.zoom.us/v2${path}`, { method: op.method });
      expect([op.name, response.status]).toEqual([op.name, first2xx.status]);
      expect(mock.calls.at(-1)!.operation).toBe(op);
      answered++;
    }
    expect(answered).toBeGreaterThan(250);
  });
});

describe("a 501 (no saved example) through the Zoom client", () => {
  it("names the operation, and the spec to pass to mock.use, which the package exports", async () => {
    const key = ["users", "userId", "updateUserStatus"].join(".");
    const mock = createMockFetch({
      ...zoomApi,
      examples: zoomApi.examples.filter((e) => e.operation.join(".") !== key),
    });
    const call = zoom.createClient({ token: "t", fetch: mock, maxRetries: 0 }).users.userId.updateUserStatus(ARGS);
    const error = (await call.catch((e: unknown) => e)) as {
      status: number;
      body: { operation: string; message: string };
    };
    expect(error.status).toBe(501);
    expect(error.body.operation).toBe(key);
    const named = /mock\.use\((\w+), \{ status: 200, body: … \}\)/.exec(error.body.message)?.[1];
    expect(named).toBeDefined();
    expect((zoom as Record<string, unknown>)[named!]).toBe(zoom.updateUserStatusOperation);
    expect(error.body.message).toContain(JSON.stringify(zoom.updateUserStatusOperation.item));
    // Given as the message says, the operation answers.
    mock.use((zoom as unknown as Record<string, typeof zoom.updateUserStatusOperation>)[named!]!, { status: 204 });
    await expect(
      zoom.createClient({ token: "t", fetch: mock, maxRetries: 0 }).users.userId.updateUserStatus(ARGS),
    ).resolves.toBeUndefined();
  });
});
