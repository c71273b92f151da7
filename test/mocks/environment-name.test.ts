// The mocks take the environment the way the client does, by its name (`environment: "staging"`),
// and when requests of one method differ only by `{{variables}}` that have no value for the mock
// (Graph's `/groups/{{GroupId}}/members` and `/groups/{{TeamId}}/members`, which only its
// environments fill), the 501 says the mock cannot tell them apart and what to give it, rather than
// naming one of them. On hand-written APIs, and through an emitted package's `./mocks` entry.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { createMockFetch, type MockFetch } from "../../src/mocks/mock-fetch.js";
import type { MockApi } from "../../src/mocks/types.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { writePackage } from "../../src/write/write-package.js";
import { appTypeErrors, strictConsumerOptions } from "../helpers/consumer-options.js";
import { FIXTURES, SEED_COLLECTION } from "../helpers/seed.js";

const BASE = "https://graph.example.com/v1.0";

function op(name: string, path: string, namespace: string[] = []): OperationSpec {
  return { name, namespace, item: name, folder: [], method: "GET", path, args: [], responses: [] };
}

const getGroupMembers = op("getGroupMembers", "/groups/{{GroupId}}/members", ["groups"]);
const membersOfATeam = op("membersOfATeam", "/groups/{{TeamId}}/members", ["teams"]);
const ENVIRONMENTS = {
  staging: { values: { TeamId: "team-1", GroupId: "group-1" }, secrets: [] },
  production: { values: { TeamId: "team-2", GroupId: "group-2" }, secrets: [] },
};
const api: MockApi = {
  name: "Graph",
  baseUrl: BASE,
  variables: {},
  operations: [getGroupMembers, membersOfATeam],
  examples: [],
  environments: ENVIRONMENTS,
};

async function answer(mock: MockFetch, url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await mock(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the mocks' environment option", () => {
  it("takes the environment by its name, as createClient does, and answers for the operation it fills", async () => {
    const { status, body } = await answer(
      createMockFetch(api, { environment: "staging" }),
      `${BASE}/groups/team-1/members`,
    );
    expect(status).toBe(501);
    expect(body["operation"]).toBe("teams.membersOfATeam");
    expect(body["message"]).toContain("mock.use(membersOfATeamOperation");
    const group = await answer(createMockFetch(api, { environment: "staging" }), `${BASE}/groups/group-1/members`);
    expect(group.body["operation"]).toBe("groups.getGroupMembers");
    // The environment's data, as before, is the same environment.
    const byData = await answer(
      createMockFetch(api, { environment: ENVIRONMENTS.staging }),
      `${BASE}/groups/team-1/members`,
    );
    expect(byData).toEqual({ status, body });
  });

  it("refuses a name the API has no environment of, naming the one meant", () => {
    expect(() => createMockFetch(api, { environment: "Staging" })).toThrow(
      new TypeError('unknown environment "Staging" (did you mean "staging"?): Graph\'s are "staging", "production"'),
    );
    expect(() => createMockFetch({ ...api, environments: undefined }, { environment: "staging" })).toThrow(
      new TypeError('unknown environment "staging": Graph was generated without environments'),
    );
  });
});

describe("a request whose operations differ only by variables without a value for the mock", () => {
  it("answers 501 saying it cannot tell them apart and to give it the environment, naming none as the operation", async () => {
    const mock = createMockFetch(api);
    const { status, body } = await answer(mock, `${BASE}/groups/team-1/members`);
    expect(status).toBe(501);
    expect(body["operation"]).toBeUndefined();
    expect(body["message"]).toBe(
      `GET ${BASE}/groups/team-1/members matches groups.getGroupMembers (GET /groups/{{GroupId}}/members) and teams.membersOfATeam (GET /groups/{{TeamId}}/members) alike, as {{GroupId}} and {{TeamId}} have no value in the mock, so it cannot tell which operation this is: give the mock the environment the client is made for, as createClient takes it ({ environment: "staging" }; Graph's are "staging", "production"), or their values in variables`,
    );
  });

  it("says to give the variables' values when there is no environment to name", async () => {
    const { body } = await answer(createMockFetch({ ...api, environments: undefined }), `${BASE}/groups/x/members`);
    expect(body["message"]).toMatch(
      /have no value in the mock, so it cannot tell which operation this is: give the mock their values as the client has them \(the client's variables, or the environment it is made for\)$/,
    );
  });

  it("still names the operation where every candidate has the variable (a base without a value): the variable tells none apart", async () => {
    const a = op("createA", "/link");
    const b = op("createB", "/link");
    const shared: MockApi = { ...api, baseUrl: "https://{{host}}/v1", operations: [a, b], environments: undefined };
    const { status, body } = await answer(createMockFetch(shared), "https://any.example.com/v1/link");
    expect(status).toBe(501);
    expect(body["operation"]).toBe("createA");
  });
});

describe("through an emitted package's ./mocks entry (Microsoft Graph, with two environments)", () => {
  let dir: string;
  let pkg: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-environments-"));
    const environments = Object.entries(ENVIRONMENTS).map(([name, { values }]) => {
      const file = join(dir, `${name}.postman_environment.json`);
      writeFileSync(
        file,
        JSON.stringify({
          name,
          values: Object.entries(values).map(([key, value]) => ({ key, value, type: "default", enabled: true })),
          _postman_variable_scope: "environment",
        }),
      );
      return { file };
    });
    pkg = join(dir, "node_modules/graph");
    const { files } = await emitTarget({
      collection: `${FIXTURES}collections/microsoft-graph.postman_collection.json`,
      out: pkg,
      name: "graph",
      environments,
    });
    await writePackage(pkg, files);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  type Graph = {
    createClient(options: object): { onBehalfOfAUser: { teams: { membersOfATeam(): Promise<unknown> } } };
  };
  const load = async () => ({
    client: (await import(pathToFileURL(join(pkg, "dist/index.js")).href)) as Graph,
    mocks: (await import(pathToFileURL(join(pkg, "dist/mocks/index.js")).href)) as {
      createMockFetch(options?: object): MockFetch;
    },
  });

  it("answers a client made for an environment by name as the mock given that name", async () => {
    const { client, mocks } = await load();
    const call = (mock: MockFetch) =>
      client
        .createClient({ fetch: mock, environment: "staging", token: "t" })
        .onBehalfOfAUser.teams.membersOfATeam()
        .catch((error: { status: number; body: Record<string, unknown> }) => error);
    const named = await call(mocks.createMockFetch({ environment: "staging" }));
    expect(named).toMatchObject({ status: 501, body: { operation: "onBehalfOfAUser.teams.membersOfATeam" } });
    const without = await call(mocks.createMockFetch());
    expect(without).toMatchObject({ status: 501 });
    expect((without as { body: Record<string, unknown> }).body["operation"]).toBeUndefined();
    expect((without as { body: Record<string, unknown> }).body["message"]).toContain(
      'cannot tell which operation this is: give the mock the environment the client is made for, as createClient takes it ({ environment: "staging" }',
    );
  });

  it("types the option as the client's: the environments' names", () => {
    const errors = appTypeErrors(
      dir,
      `import { createMockFetch } from "graph/mocks";
import { environments } from "graph";
createMockFetch({ environment: "staging" });
createMockFetch({ environment: environments.production });
// @ts-expect-error not an environment of the package
createMockFetch({ environment: "Staging" });
`,
      strictConsumerOptions(false),
    );
    expect(errors).toEqual([]);
  }, 120_000);
});

describe("a client made for an environment whose base the mock was not given", () => {
  // The seed with a "local" environment sending to another base: the client made for it, given a
  // mock made without it, got a 404 telling it to check the mock's baseUrl, which it never set.
  let dir: string;
  let pkg: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-environment-base-"));
    const environments = Object.entries({ local: "http://127.0.0.1:4599/v2", ci: "http://127.0.0.1:4600/v2" }).map(
      ([name, baseUrl]) => {
        const file = join(dir, `${name}.postman_environment.json`);
        writeFileSync(
          file,
          JSON.stringify({ name, values: [{ key: "baseUrl", value: baseUrl, type: "default", enabled: true }] }),
        );
        return { file };
      },
    );
    pkg = join(dir, "node_modules/seed");
    const { files } = await emitTarget({ collection: SEED_COLLECTION, out: pkg, name: "seed", environments });
    await writePackage(pkg, files);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("answers 404 naming the environment to give the mock, and answers once given it", async () => {
    type Seed = {
      createClient(options: object): { updateUserStatus(args: object): Promise<unknown> };
    };
    const { createClient } = (await import(pathToFileURL(join(pkg, "dist/index.js")).href)) as Seed;
    const { createMockFetch } = (await import(pathToFileURL(join(pkg, "dist/mocks/index.js")).href)) as {
      createMockFetch(options?: object): MockFetch;
    };
    const call = (mock: MockFetch) =>
      createClient({ fetch: mock, environment: "local", token: "t" })
        .updateUserStatus({ userId: "me", action: "activate" })
        .then(
          () => "answered",
          (error: { status: number; body: Record<string, unknown> }) => error,
        );
    const without = await call(createMockFetch());
    expect(without).toMatchObject({ status: 404 });
    expect((without as { body: Record<string, unknown> }).body["message"]).toBe(
      'no operation of Zoom API: Update user status is PUT http://127.0.0.1:4599/v2/users/me/status: it is the request of a client made for environment "local": give the mock that environment too ({ environment: "local" }), as the client was given it',
    );
    expect(await call(createMockFetch({ environment: "local" }))).toBe("answered");
    // A mock made for another environment than the client's is told which one the client's is.
    const other = await call(createMockFetch({ environment: "ci" }));
    expect((other as { body: Record<string, unknown> }).body["message"]).toBe(
      'no operation of Zoom API: Update user status is PUT http://127.0.0.1:4599/v2/users/me/status: it is the request of a client made for environment "local", not the mock\'s: give the mock the client\'s environment ({ environment: "local" })',
    );
    // A request under no environment's base keeps the advice to check the path and base.
    const elsewhere = await createMockFetch()("https://elsewhere.example/users/me/status", { method: "PUT" });
    expect(((await elsewhere.json()) as { message: string }).message).toMatch(
      /: check the method, the path and the mock's baseUrl \(the client's\)$/,
    );
  });
});
