// The MSW handlers for real: msw's setupServer in Node intercepts the clients' own fetch calls (to
// the collection's real base URL: nothing leaves the process) and the handlers answer them.
import * as msw from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as seed from "../../generated/zoom-update-user-status/dist/index.js";
import * as zoom from "../../generated/zoom-api/dist/index.js";
import { checkMswRuntime, createMockHandlers, type MockHandlers } from "../../src/mocks/msw-handlers.js";
import { packageMockApi } from "./helpers.js";

let server: ReturnType<typeof setupServer>;
const unhandled: string[] = [];
let seedMock: MockHandlers<msw.HttpHandler>;
let zoomMock: MockHandlers<msw.HttpHandler>;
beforeAll(async () => {
  seedMock = createMockHandlers(msw, await packageMockApi(seed, "zoom-update-user-status"));
  zoomMock = createMockHandlers(msw, await packageMockApi(zoom, "zoom-api"), { baseUrl: "https://zoom.test/v2" });
  server = setupServer(...seedMock.handlers, ...zoomMock.handlers);
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:unhandled", ({ request }) => void unhandled.push(`${request.method} ${request.url}`));
});
afterEach(() => {
  seedMock.reset();
  zoomMock.reset();
});
afterAll(() => server.close());

describe("setupServer with the generated handlers", () => {
  it("has one handler per operation", () => {
    expect(seedMock.handlers).toHaveLength(1);
    expect(zoomMock.handlers).toHaveLength(zoom.operations.length);
  });

  it("answers the seed client's call with the first 2xx example, and records it", async () => {
    const client = seed.createClient({ token: "t" });
    const { data, response } = await client.updateUserStatus({ userId: "me", action: "deactivate" }).withResponse();
    expect([data, response.status]).toEqual([undefined, 200]);
    expect(seedMock.calls.map((c) => [c.operation?.name, c.url.href, c.example])).toEqual([
      ["updateUserStatus", "https://api.zoom.us/v2/users/me/status", "Untitled Example"],
    ]);
    expect((seedMock.calls[0]!.body as FormData).get("action")).toBe("deactivate");
  });

  it("answers the documented 404 chosen by x-mock-response-code", async () => {
    const client = seed.createClient({ token: "t" });
    const error = await client
      .updateUserStatus({ userId: "nobody", action: "activate" }, { headers: { "x-mock-response-code": "404" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(seed.NotFoundError);
    expect(seedMock.calls[0]!.example).toContain("**Error Code:** `1001`");
  });

  it("answers with an override, and with the first example again after reset()", async () => {
    const client = zoom.createClient({ baseUrl: "https://zoom.test/v2", token: "t" });
    // The body is typed by the operation's 200 response; a partial user is cast to it, as a test would.
    const partialUser = { id: "u1", first_name: "Ada" } as unknown as zoom.GetAUserResponses[200];
    zoomMock.use(zoom.getAUserOperation, { status: 200, body: partialUser });
    expect(await client.users.userId.getAUser({ userId: "u1" })).toEqual({ id: "u1", first_name: "Ada" });
    zoomMock.reset();
    expect(await client.users.userId.getAUser({ userId: "u1" })).toMatchObject({ created_at: "2018-11-15T01:10:08Z" });
    expect(zoomMock.calls.map((c) => [c.operation, c.overridden])).toEqual([[zoom.getAUserOperation, false]]);
  });

  it("routes to the most specific operation among the handlers that match a URL", async () => {
    const client = zoom.createClient({ baseUrl: "https://zoom.test/v2", token: "t" });
    await client.users.userId.updateUserStatus({ userId: "me", action: "activate" });
    await client.users.userId.getAUser({ userId: "me" });
    expect(zoomMock.calls.map((c) => c.operation)).toEqual([zoom.updateUserStatusOperation, zoom.getAUserOperation]);
  });

  it("leaves a request no operation matches to MSW (unhandled: an error here)", async () => {
    const error = await fetch("https://zoom.test/v2/no/such/thing").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(unhandled).toEqual(["GET https://zoom.test/v2/no/such/thing"]);
    expect(zoomMock.calls).toEqual([]);
  });
});

describe("the msw and Node.js it runs on", () => {
  it("refuses msw 3 on a Node.js before 22.12, where its setupServer would let every request out", () => {
    // msw 3's root entry is msw 2's without `graphql` (moved to msw/graphql); only 2 is installed here.
    const msw3 = Object.fromEntries(Object.entries(msw).filter(([name]) => name !== "graphql"));
    for (const node of ["20.20.2", "22.11.0", "18.0.0"])
      expect(() => checkMswRuntime(msw3, node), node).toThrow(
        `msw 3 needs Node.js 22.12 or later, and this is ${node}`,
      );
    for (const node of ["22.12.0", "23.0.0", "24.1.0", undefined])
      expect(() => checkMswRuntime(msw3, node), String(node)).not.toThrow();
    expect(() => checkMswRuntime(msw, "20.20.2")).not.toThrow();
  });

  it("says so when what it is given may be a part of msw 2's module rather than msw 3", () => {
    const part = { http: msw.http, HttpResponse: msw.HttpResponse };
    expect(() => checkMswRuntime(part, "20.20.2")).toThrow(/only a part of its module was passed/);
    const msw3 = Object.fromEntries(Object.entries(msw).filter(([name]) => name !== "graphql"));
    expect(() => checkMswRuntime(msw3, "20.20.2")).not.toThrow(/only a part/);
  });

  it("is given msw first: called as the ./mocks/msw entry's function is, it says so", async () => {
    const api = await packageMockApi(seed, "zoom-update-user-status");
    for (const wrong of [undefined, {}, { baseUrl: "https://zoom.test/v2" }])
      expect(() => createMockHandlers(wrong as never, api)).toThrow(
        new TypeError(
          "createMockHandlers takes msw first: import * as msw from 'msw', then createMockHandlers(msw, options)",
        ),
      );
  });
});
