// The router marks each slot of an operation's URL (a path variable, a variable without a value)
// while the URL parser normalises it. A collection's path may hold any text, that mark included:
// it is matched as the literal text it is, never taken for a slot.
import { describe, expect, it } from "vitest";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { mockApi } from "../../src/mocks/mock-data.js";
import { createMockFetch } from "../../src/mocks/mock-fetch.js";
import { createRouter } from "../../src/mocks/routes.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const BASE = "https://api.example.com";

const ok = (body: string) => [{ name: "OK", code: 200, header: [{ key: "Content-Type", value: "text/plain" }], body }];
const api = mockApi(
  toModel(
    parseCollectionText(
      "c.json",
      JSON.stringify({
        info: { name: "Marks", schema: V21 },
        item: [
          // The marks the router used (zq<i>mockslotq), and one of its tags now, as literal text.
          { name: "seven", request: { method: "GET", url: `${BASE}/files/zq7mockslotq` }, response: ok("seven") },
          {
            name: "zero",
            request: { method: "GET", url: `${BASE}/files/zq0mockslotq/:id` },
            response: ok("zero"),
          },
          { name: "tag", request: { method: "GET", url: `${BASE}/tags/zqmockslot0s0q` }, response: ok("tag") },
          {
            name: "host",
            request: { method: "GET", url: `https://ZQMOCKSLOT0S%30Q.example.com/h/:id` },
            response: ok("host"),
          },
        ],
      }),
    ),
  ),
).api;

describe("a path that holds the router's marks", () => {
  const router = createRouter(api);
  const match = (url: string) => {
    const found = router.match("GET", new URL(url));
    return found && { operation: found.operation.name, params: { ...found.params } };
  };

  it("is matched as the literal text it is", () => {
    expect(match(`${BASE}/files/zq7mockslotq`)).toEqual({ operation: "seven", params: {} });
    expect(match(`${BASE}/files/zq0mockslotq/42`)).toEqual({ operation: "zero", params: { id: "42" } });
    expect(match(`${BASE}/tags/zqmockslot0s0q`)).toEqual({ operation: "tag", params: {} });
    expect(match(`https://zqmockslot0s0q.example.com/h/7`)).toEqual({ operation: "host", params: { id: "7" } });
  });

  it("is never taken for a slot", () => {
    expect(match(`${BASE}/files/anything`)).toBeUndefined();
    expect(match(`${BASE}/files/anything/42`)).toBeUndefined();
    expect(match(`${BASE}/tags/anything`)).toBeUndefined();
  });

  it("is answered by the mock fetch with its saved example", async () => {
    const mock = createMockFetch(api);
    const response = await mock(`${BASE}/files/zq7mockslotq`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("seven");
  });
});
