// The types of overrides, checked by tsc over test/ (`npm test` runs it first): an operation whose
// type carries its responses (OperationSpec<Responses>) takes only their bodies for their statuses.
import { expect, it } from "vitest";
import { createMockFetch } from "../../src/mocks/mock-fetch.js";
import type { MockApi } from "../../src/mocks/types.js";
import type { ClientOptions } from "../../src/runtime/core.js";
import type { OperationSpec } from "../../src/runtime/spec.js";

const spec: OperationSpec = {
  name: "getUser",
  namespace: [],
  item: "Get user",
  folder: [],
  method: "GET",
  path: "/users",
  args: [],
  responses: [],
};
const getUser = spec as OperationSpec<{ 200: { id: string }; 201: { created: boolean } }>;
const noSuccess = spec as OperationSpec<{}>;
const api: MockApi = { name: "T", baseUrl: "https://api.test", variables: {}, operations: [spec], examples: [] };

it("types bodies by the operation's documented success statuses, and takes any body for other statuses", async () => {
  const mock = createMockFetch(api);
  mock.use(getUser, { status: 200, body: { id: "u1" } });
  mock.use(getUser, { status: 201, body: { created: true } });
  // @ts-expect-error a 200 body is { id: string }
  mock.use(getUser, { status: 200, body: { id: 1 } });
  // @ts-expect-error a 201 body is not a 200 body
  mock.use(getUser, { status: 201, body: { id: "u1" } });
  // Without a status: any success body.
  mock.use(getUser, { body: { id: "u1" } });
  mock.use(getUser, { body: { created: false } });
  // @ts-expect-error not a success body
  mock.use(getUser, { body: { nope: 1 } });
  // Error and undocumented statuses: any body.
  mock.use(getUser, { status: 404, body: { code: 1001, message: "gone" } });
  mock.once(getUser, { status: 503, body: "down", delay: 10 });
  // An operation without success types, and a plain OperationSpec: anything.
  mock.use(noSuccess, { body: { anything: true } });
  mock.use(spec, { status: 200, body: [1, 2] });
  // The mock fetch is a fetch for createClient.
  const options: ClientOptions = { fetch: mock };
  expect(options.fetch).toBe(mock);
  expect((await mock("https://api.test/users")).status).toBe(503);
  expect(await (await mock("https://api.test/users")).json()).toEqual([1, 2]);
});
