// What the loader has the postman-collection SDK build (src/load/collection.ts, responses.ts): the
// parts it reads, and nothing else. A cold generation of a large collection spent a fifth of its
// load in SDK objects it never read (each request's Item, each example's whole Response) or built
// again for the same JSON (an example's headers, its saved query, its status).
import { afterEach, describe, expect, it } from "vitest";
import sdk from "../../src/load/sdk.js";
import { parseCollectionText } from "../../src/load/read.js";
import { toLoadedModel } from "../../src/load/collection.js";

type Built = "Item" | "Request" | "Response" | "HeaderList" | "Url";

const counts = new Map<Built, number>();
const real = new Map<Built, unknown>();

/** Counts what the loader builds of `name` itself (the SDK's own modules build theirs unseen). */
function counting(name: Built): void {
  const Real = sdk[name] as unknown as new (...args: unknown[]) => object;
  real.set(name, Real);
  counts.set(name, 0);
  (sdk as unknown as Record<string, unknown>)[name] = class extends Real {
    constructor(...args: unknown[]) {
      super(...args);
      counts.set(name, counts.get(name)! + 1);
    }
  };
}

afterEach(() => {
  for (const [name, Real] of real) (sdk as unknown as Record<string, unknown>)[name] = Real;
  real.clear();
});

const example = (code: number, name: string) => ({
  name,
  code,
  status: code === 200 ? "OK" : "Not Found",
  header: [{ key: "Content-Type", value: "application/json" }],
  originalRequest: {
    method: "GET",
    url: { raw: "https://api.example.test/users?page_size=30", query: [{ key: "page_size", value: "30" }] },
  },
  body: code === 200 ? '{"users": []}' : '{"code": 1001, "message": "User does not exist"}',
});

const collection = {
  info: { name: "c", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  item: [
    {
      name: "List users",
      request: { method: "GET", url: "https://api.example.test/users?page_size=30" },
      // Named as Postman names an example saved without a name: the status's description is its status text.
      response: [example(200, ""), example(200, "Untitled Example"), example(404, ""), example(404, "")],
    },
  ],
};

describe("the SDK objects the loader builds", () => {
  it("are a Request per request, and per distinct example part one header list, saved query and status", () => {
    for (const name of ["Item", "Request", "Response", "HeaderList", "Url"] as const) counting(name);
    const model = toLoadedModel(parseCollectionText("c.json", JSON.stringify(collection)));
    expect(Object.fromEntries(counts)).toEqual({ Item: 0, Request: 1, Response: 2, HeaderList: 1, Url: 1 });
    // What is read of them is all there.
    const [ok, missing] = model.operations[0]!.responses;
    expect(ok).toMatchObject({ status: 200, description: "OK" });
    expect(missing).toMatchObject({ status: 404, description: "Not Found" });
    expect(ok!.examples.map((e) => [e.name, e.contentType, e.headers, e.request])).toEqual(
      ["", "Untitled Example"].map((name) => [
        name,
        "application/json",
        [["Content-Type", "application/json"]],
        { query: [["page_size", "30"]] },
      ]),
    );
  });
});
