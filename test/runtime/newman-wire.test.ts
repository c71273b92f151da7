// What the runtime sends beside what newman sends for the same items, on one recording server on
// 127.0.0.1: each collection is loaded as the generator loads it, its operations called through
// the core as the generated code calls them (body encoder and request features), and each request
// compared with newman's, header by header where Postman decides the header.
import newman from "newman";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { operationSpec } from "../../src/emit/client.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import type { ApiModel } from "../../src/model/types.js";
import { startRecordingServer, type RecordingServer } from "../../src/testkit/recording-server.js";
import { testCore } from "../helpers/runtime.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

interface Item {
  name: string;
  request: object;
}

const collectionOf = (items: Item[], variable: object[] = []) => ({
  info: { name: "Wire", schema: V21 },
  variable: [{ key: "baseUrl", value: server.url }, ...variable],
  item: items,
});

/** newman's run of the collection, with an environment's values; one recorded request per item. */
async function newmanRun(collection: object, environment: Record<string, string> = {}): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    newman.run(
      {
        collection: collection as never,
        environment: {
          values: Object.entries(environment).map(([key, value]) => ({ key, value, enabled: true })),
        } as never,
        reporters: [],
      },
      (error) => (error ? reject(error) : resolve()),
    ),
  );
}

const load = (collection: object): ApiModel => toModel(parseCollectionText("c.json", JSON.stringify(collection)));

/** Each operation of the model called once with `args`, as its client would call it. */
async function clientRun(model: ApiModel, variables: Record<string, string> = {}, args: object = {}): Promise<void> {
  const core = testCore(
    { baseUrl: server.url, maxRetries: 0, variables },
    { baseUrl: model.baseUrl, variables: Object.fromEntries(model.variables.map((v) => [v.name, String(v.default)])) },
  );
  for (const op of model.operations) await core.call(operationSpec(op), args);
}

const path = (name: string) => ({ raw: `{{baseUrl}}/${name}`, host: ["{{baseUrl}}"], path: [name] });
const form = [{ key: "a", value: "é 1", type: "text" }];
const urlencoded = (name: string, header: object[] = []): Item => ({
  name,
  request: { method: "POST", header, body: { mode: "urlencoded", urlencoded: form }, url: path(name) },
});

describe("a urlencoded body", () => {
  it("is typed as newman types it: the bare type, an item's type that names it as written, any other replaced", async () => {
    const items = [
      urlencoded("plain"),
      urlencoded("own", [{ key: "Content-Type", value: "application/x-www-form-urlencoded; charset=ISO-8859-1" }]),
      urlencoded("utf8", [{ key: "content-type", value: "application/x-www-form-urlencoded;charset=UTF-8" }]),
      urlencoded("other", [{ key: "Content-Type", value: "text/plain" }]),
    ];
    const collection = collectionOf(items);
    await newmanRun(collection);
    // The fields as parsed: newman writes a space as %20 where URLSearchParams writes +, one
    // value to a form parser (the body stays URLSearchParams, which hooks and signers read).
    const sent = () => server.requests.map((r) => [r.path, r.headers["content-type"], r.fields]);
    const byNewman = sent();
    server.reset();
    // The field's value is an example, which the client sends when passed.
    await clientRun(load(collection), {}, { a: "é 1" });
    expect(sent()).toEqual(byNewman);
    // What newman was seen sending, so that a change in newman shows here too.
    expect(byNewman.map(([, type]) => type)).toEqual([
      "application/x-www-form-urlencoded",
      "application/x-www-form-urlencoded; charset=ISO-8859-1",
      "application/x-www-form-urlencoded;charset=UTF-8",
      "application/x-www-form-urlencoded",
    ]);
  }, 60_000);
});
