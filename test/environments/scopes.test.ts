// Postman's precedence (global < collection < environment < data < local) and secret filtering,
// decided in one pass into the model a client is emitted from (src/load/scopes.ts).
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCollection } from "../../src/load/collection.js";
import { applyScopes, readScopes } from "../../src/load/scopes.js";
import { parseScopeText } from "../../src/load/environment.js";
import { CodegenError } from "../../src/errors.js";
import type { ApiModel } from "../../src/model/types.js";
import { FIXTURES } from "../helpers/seed.js";

const DIR = `${FIXTURES}environments/`;
const COLLECTION = `${DIR}env-api.postman_collection.json`;
const STAGING = `${DIR}staging.postman_environment.json`;
const PRODUCTION = `${DIR}production.postman_environment.json`;
const GLOBALS = `${DIR}workspace.postman_globals.json`;
const SECRETS = [
  "STAGING-TOKEN-SECRET-4f2a",
  "STAGING-APIKEY-SECRET-9b1c",
  "PRODUCTION-TOKEN-SECRET-7d3e",
  "GLOBAL-SESSION-SECRET-1e5f",
];

const full = async () =>
  applyScopes(await loadCollection(COLLECTION), await readScopes([{ file: STAGING }, { file: PRODUCTION }], GLOBALS));
const defaults = (model: ApiModel) => Object.fromEntries(model.variables.map((v) => [v.name, v.default]));

/** A one-request model that refers to `{{a}}`, with the collection's own values. */
function model(collection: Record<string, string>): ApiModel {
  const names = new Set(["a", ...Object.keys(collection)]);
  const variables = [...names].map((name) => ({
    name,
    ...(collection[name] !== undefined ? { default: collection[name] } : {}),
  }));
  return { name: "m", baseUrl: "https://x.test", variables, operations: [], warnings: [] };
}
const scope = (kind: "environment" | "globals", values: Record<string, string>) =>
  parseScopeText(
    `${kind}.json`,
    JSON.stringify({
      name: kind === "globals" ? "globals" : "env",
      values: Object.entries(values).map(([key, value]) => ({ key, value })),
    }),
    kind,
  );

describe("precedence, one step at a time", () => {
  it("a global is a default only where the collection has no value: global < collection", () => {
    expect(
      defaults(applyScopes(model({}), { globals: scope("globals", { a: "global" }), environments: [] }))["a"],
    ).toBe("global");
    expect(
      defaults(
        applyScopes(model({ a: "collection" }), { globals: scope("globals", { a: "global" }), environments: [] }),
      )["a"],
    ).toBe("collection");
  });

  it("an environment's value is kept over the collection's, for the client to take when it is chosen: collection < environment", () => {
    const applied = applyScopes(model({ a: "collection" }), {
      globals: scope("globals", { a: "global" }),
      environments: [{ name: "env", scope: scope("environment", { a: "environment" }) }],
    });
    expect(defaults(applied)["a"]).toBe("collection");
    expect(applied.environments).toEqual([{ name: "env", values: { a: "environment" }, secrets: [] }]);
  });

  it("on the fixture: the collection beats the globals, each environment keeps its own values", async () => {
    const loaded = await full();
    expect(defaults(loaded)).toEqual({
      baseUrl: undefined,
      region: "collection-region",
      token: undefined,
      apiKey: undefined,
      timeout: "30",
      sessionSecret: undefined,
    });
    expect(loaded.environments).toEqual([
      {
        name: "staging",
        values: { baseUrl: "https://staging.example.com/v2", region: "eu-staging" },
        secrets: ["token", "apiKey"],
      },
      { name: "production", values: { baseUrl: "https://api.example.com/v2" }, secrets: ["token"] },
    ]);
    expect(loaded.globalSecrets).toEqual(["sessionSecret"]);
  });

  it("takes the base URL from environments only when the collection has none", async () => {
    const loaded = await full();
    expect(loaded.baseUrl).toBe("{{baseUrl}}");
    expect(loaded.variables.find((v) => v.name === "baseUrl")?.default).toBeUndefined();
  });

  it("ignores disabled values, as Postman does", async () => {
    const loaded = await full();
    expect(JSON.stringify(loaded)).not.toContain("disabled-region");
  });

  it("follows what a value refers to: a global used by an environment's value becomes a default", () => {
    const applied = applyScopes(model({}), {
      globals: scope("globals", { host: "global.example.com", other: "unused" }),
      environments: [{ name: "env", scope: scope("environment", { a: "https://{{host}}/v1" }) }],
    });
    expect(defaults(applied)).toEqual({ a: undefined, host: "global.example.com" });
  });

  it("changes nothing without environments or globals", async () => {
    const plain = await loadCollection(COLLECTION);
    expect(plain.environments).toBeUndefined();
    expect(applyScopes(plain, { environments: [] })).toBe(plain);
  });
});

describe("secrets", () => {
  it("never reach the model: not as values, defaults, warnings or anywhere else", async () => {
    const text = JSON.stringify(await full());
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it("are each a warning naming the file and the key, never the value", async () => {
    const warnings = (await full()).warnings.filter((w) => w.file !== undefined);
    expect(warnings.map((w) => [w.file, w.source])).toEqual([
      [GLOBALS, "values[2].value"],
      [STAGING, "values[2].value"],
      [STAGING, "values[3].value"],
      [PRODUCTION, "values[1].value"],
    ]);
    expect(warnings[1]!.message).toBe(
      'the value of "token" (its type is "secret") is left out of the client: the client asks for it at run time (pass it in variables)',
    );
    expect(warnings[2]!.message).toContain('"apiKey" (its name says it is a credential) is left out of the client');
    // Each said of its key and why, so that a person reads one file's as one problem (warning-lines.ts).
    expect(warnings.map((w) => w.subject)).toEqual([
      '"sessionSecret" (its type is "secret")',
      '"token" (its type is "secret")',
      '"apiKey" (its name says it is a credential)',
      '"token" (its type is "secret")',
    ]);
  });

  it("that no request refers to (only a script reads them) are warned of as never asked for", async () => {
    const collection = `${DIR}script-secret.postman_collection.json`;
    const environment = `${DIR}script-secret.postman_environment.json`;
    const applied = applyScopes(await loadCollection(collection), await readScopes([{ file: environment }], undefined));
    // The request's bearer token, and the value it takes (`{{prod_token}}`), are asked for; the
    // script's client_secret and the collection's signingKey are not: the generator runs no script.
    expect(applied.warnings.filter((w) => w.subject !== undefined).map((w) => [w.file, w.source, w.message])).toEqual([
      [
        undefined,
        "variable[0].value",
        'the value of "signingKey" (its type is "secret") is left out of the client: no request refers to it (a script may), so nothing asks for it',
      ],
      [
        environment,
        "values[0].value",
        'the value of "token" (its type is "secret") is left out of the client: the client asks for it at run time (pass it in variables)',
      ],
      [
        environment,
        "values[1].value",
        'the value of "prod_token" (its type is "secret") is left out of the client: the client asks for it at run time (pass it in variables)',
      ],
      [
        environment,
        "values[3].value",
        'the value of "client_secret" (its type is "secret") is left out of the client: no request refers to it (a script may), so nothing asks for it',
      ],
    ]);
    expect(applied.environments).toEqual([
      {
        name: "script-secret",
        values: { client_id: "app-1" },
        secrets: ["token", "prod_token", "client_secret"],
      },
    ]);
    expect(JSON.stringify(applied)).not.toMatch(/SECRET-/);
  });

  it("of the collection that an environment's value refers to are asked for after all", async () => {
    const loaded = await loadCollection(`${DIR}script-secret.postman_collection.json`);
    const environment = parseScopeText(
      "e.json",
      JSON.stringify({ name: "env", values: [{ key: "token", value: "{{signingKey}}" }] }),
      "environment",
    );
    const said = (model: ApiModel) => model.warnings.find((w) => w.source === "variable[0].value")?.message;
    expect(said(loaded)).toBe(
      'the value of "signingKey" (its type is "secret") is left out of the client: no request refers to it (a script may), so nothing asks for it',
    );
    // The request's `{{token}}` takes the environment's `{{signingKey}}`, which the client asks for.
    expect(said(applyScopes(loaded, { environments: [{ name: "env", scope: environment }] }))).toBe(
      'the value of "signingKey" (its type is "secret") is left out of the client: the client asks for it at run time (pass it in variables)',
    );
  });

  it("keep their URLs without the credentials written into them, with a warning naming the file and the key", () => {
    const applied = applyScopes(model({}), {
      globals: scope("globals", { mirror: "https://ops:GLOBAL-PASSWORD-1@mirror.x.test/" }),
      environments: [
        {
          name: "env",
          scope: scope("environment", {
            a: "https://bob:ENV-PASSWORD-2@api.x.test",
            tokenUrl: "https://auth.x.test/token?api_key=ENV-KEY-3&region=eu",
            b: "https://{{user}}:{{pass}}@api.x.test",
          }),
        },
      ],
    });
    expect(JSON.stringify(applied)).not.toMatch(/PASSWORD-1|PASSWORD-2|KEY-3/);
    expect(applied.environments![0]!.values).toEqual({
      a: "https://api.x.test",
      tokenUrl: "https://auth.x.test/token?api_key=&region=eu",
      b: "https://{{user}}:{{pass}}@api.x.test",
    });
    expect(applied.warnings.map((w) => [w.file, w.source])).toEqual([
      ["globals.json", "values[0].value"],
      ["environment.json", "values[0].value"],
      ["environment.json", "values[1].value"],
    ]);
    expect(applied.warnings[2]!.message).toContain('the value of "tokenUrl" holds a credential written into a URL');
  });

  it("stay secrets when empty, without a warning: nothing of them is left out", () => {
    const environment = parseScopeText(
      "e.json",
      JSON.stringify({
        name: "env",
        values: [
          { key: "apiKey", value: "" },
          { key: "a", value: "", type: "secret" },
          { key: "token", value: null },
          { key: "password", value: "ENV-PASSWORD-4" },
        ],
      }),
      "environment",
    );
    const referring = {
      ...model({ a: "collection" }),
      variables: [{ name: "a", default: "collection" }, { name: "secret" }],
    };
    const applied = applyScopes(referring, {
      globals: scope("globals", { secret: "" }),
      environments: [{ name: "env", scope: environment }],
    });
    // Still asked for at run time: an export carries no current value, which may be the real one.
    expect(applied.environments).toEqual([{ name: "env", values: {}, secrets: ["apiKey", "a", "token", "password"] }]);
    expect(applied.globalSecrets).toEqual(["secret"]);
    expect(applied.warnings).toEqual([
      {
        file: "e.json",
        source: "values[3].value",
        message:
          'the value of "password" (its name says it is a credential) is left out of the client: no request refers to it (a script may), so nothing asks for it',
        subject: '"password" (its name says it is a credential)',
        scope: 'environment "env"',
      },
    ]);
  });

  it("shadow a collection's value in their environment rather than fall back to it", () => {
    const applied = applyScopes(model({ a: "collection" }), {
      environments: [
        {
          name: "env",
          scope: parseScopeText(
            "e.json",
            JSON.stringify({ name: "env", values: [{ key: "a", value: "s3cr3t", type: "secret" }] }),
            "environment",
          ),
        },
      ],
    });
    expect(applied.environments).toEqual([{ name: "env", values: {}, secrets: ["a"] }]);
  });
});

describe("half a character (a lone surrogate) in a value", () => {
  const HALF = "holds half a character (a lone surrogate), which the client cannot send: left out";

  it("in an environment: left out with a warning naming the file and the variable; the caller must give it", () => {
    const applied = applyScopes(model({ a: "collection" }), {
      environments: [{ name: "env", scope: scope("environment", { b: "kept", a: "eu\ud800x" }) }],
    });
    // Not the collection's value either: in that environment the caller passes it. No secret: the
    // client says why it asks for it.
    expect(applied.environments).toEqual([{ name: "env", values: { b: "kept" }, secrets: [], unencodable: ["a"] }]);
    expect(defaults(applied)["a"]).toBe("collection");
    expect(applied.warnings).toEqual([
      {
        file: "environment.json",
        source: "values[1].value",
        message: `the value of variable "a" ${HALF}`,
        scope: 'environment "env"',
      },
    ]);
    expect(JSON.stringify(applied)).not.toMatch(/\\ud800|eu/);
  });

  it("in the globals: left out with a warning naming the file and the variable; no default, and no secret", () => {
    const applied = applyScopes(model({}), {
      globals: scope("globals", { a: "\udc00" }),
      environments: [],
    });
    expect(defaults(applied)["a"]).toBeUndefined();
    expect(applied.globalSecrets).toBeUndefined();
    expect(applied.warnings).toEqual([
      {
        file: "globals.json",
        source: "values[0].value",
        message: `the value of variable "a" ${HALF}`,
        scope: "globals",
      },
    ]);
  });

  it("follows no reference of a value left out, and takes a value whose pair is whole", () => {
    const applied = applyScopes(model({}), {
      environments: [{ name: "env", scope: scope("environment", { a: "{{c}}\ud800", b: "smile \ud83d\ude00" }) }],
    });
    expect(applied.variables.map((v) => v.name)).toEqual(["a"]);
    expect(applied.environments).toEqual([
      { name: "env", values: { b: "smile \ud83d\ude00" }, secrets: [], unencodable: ["a"] },
    ]);
    expect(applied.warnings.map((w) => w.source)).toEqual(["values[0].value"]);
  });
});

describe("values the collection's auth takes as credentials", () => {
  /** A model whose one request authenticates with `auth`, each `{{name}}` in it a collection variable. */
  function withAuth(auth: ApiModel["operations"][number]["auth"]): ApiModel {
    const base = model({});
    const names = [...JSON.stringify(auth).matchAll(/\{\{([^{}]+)\}\}/g)].map((m) => m[1]!);
    const op = {
      name: "get",
      namespace: [],
      exportName: "get",
      item: "Get",
      folder: [],
      method: "GET",
      path: "/x",
      args: [],
      auth,
      responses: [],
      scripts: [],
      source: "item[0]",
    };
    return { ...base, variables: [...base.variables, ...names.map((name) => ({ name }))], operations: [op] };
  }
  const environment = (values: Record<string, string>) => ({
    environments: [{ name: "env", scope: scope("environment", values) }],
  });

  it("are secrets whatever their key, with a warning that says why; the auth's other fields are not", () => {
    const applied = applyScopes(
      withAuth({ type: "basic", username: "{{user}}", password: "{{phrase}}" }),
      environment({ user: "alice", phrase: "hunter2-abc", region: "eu" }),
    );
    expect(applied.environments).toEqual([
      { name: "env", values: { user: "alice", region: "eu" }, secrets: ["phrase"] },
    ]);
    expect(JSON.stringify(applied)).not.toContain("hunter2-abc");
    expect(applied.warnings.map((w) => w.message)).toEqual([
      'the value of "phrase" (the collection sends it as a credential) is left out of the client: the client asks for it at run time (pass it in variables)',
    ]);
  });

  it("cover a bearer token and an API key's value, not the API key's header name", () => {
    for (const [auth, secret] of [
      [{ type: "bearer", from: "bearer", token: "{{b}}" }, "b"],
      [{ type: "apikey", in: "header", name: "{{keyHeader}}", value: "{{k}}" }, "k"],
    ] as const) {
      const applied = applyScopes(withAuth(auth), environment({ b: "REALBEARER-xyz", k: "K-123", keyHeader: "X-Key" }));
      expect(applied.environments![0]!.secrets).toEqual([secret]);
      expect(applied.environments![0]!.values["keyHeader"]).toBe("X-Key");
    }
  });

  it("are secrets by their key alone when it names one, as bearer and cookie do", () => {
    const applied = applyScopes(
      model({}),
      environment({ bearer: "REALBEARER-xyz", sessionCookie: "c=1", bearing: "north" }),
    );
    expect(applied.environments![0]!.secrets).toEqual(["bearer", "sessionCookie"]);
  });

  it("follow a credential's value to what it refers to, through the collection or the environment", () => {
    // The collection's token is {{t}}, whose value {{prodValue}} the environment fills: a secret.
    const base = withAuth({ type: "bearer", from: "bearer", token: "{{t}}" });
    const throughCollection = applyScopes(
      { ...base, variables: base.variables.map((v) => (v.name === "t" ? { ...v, default: "{{prodValue}}" } : v)) },
      environment({ prodValue: "INDIRECT-ENV-SECRET", region: "eu" }),
    );
    expect(throughCollection.environments![0]!.secrets).toEqual(["prodValue"]);
    const throughEnvironment = applyScopes(base, environment({ t: "{{p}}", p: "INDIRECT-ENV-SECRET" }));
    expect(throughEnvironment.environments![0]!.secrets).toEqual(["p"]);
    for (const applied of [throughCollection, throughEnvironment])
      expect(JSON.stringify(applied)).not.toContain("INDIRECT-ENV-SECRET");
  });

  it("stay values when they only refer to other variables", () => {
    const applied = applyScopes(
      withAuth({ type: "bearer", from: "bearer", token: "{{t}}" }),
      environment({ t: "{{other}}" }),
    );
    expect(applied.environments).toEqual([{ name: "env", values: { t: "{{other}}" }, secrets: [] }]);
  });
});

describe("environment names", () => {
  it("come from the config's key, else the file", async () => {
    const scopes = await readScopes([{ file: STAGING, name: "stage" }, { file: PRODUCTION }], undefined);
    expect(scopes.environments.map((e) => e.name)).toEqual(["stage", "production"]);
  });

  it("must be unique", async () => {
    const error = await readScopes([{ file: STAGING }, { file: STAGING }], undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    // Both named relative to the working directory they are in (the repository's, under vitest).
    const shown = relative(process.cwd(), STAGING);
    expect((error as CodegenError).message).toBe(
      `${shown} at name: ${shown} is also named "staging": each environment needs its own name: ` +
        `rename one in its file, or name each in the config (environments: { "<name>": "<file>" }), whose key wins over the file's name`,
    );
  });
});

describe("an environment's empty value that the base URL takes its host from", () => {
  const based = (baseUrl: string): ApiModel => ({ ...model({}), baseUrl, variables: [{ name: "server" }] });

  it("is warned of at its place, naming the environment and how to give it; a value, or another base, is not", () => {
    const applied = applyScopes(based("{{server}}/api"), {
      environments: [
        { name: "local", scope: scope("environment", { a: "1", server: "" }) },
        { name: "production", scope: scope("environment", { server: "https://api.x.test" }) },
      ],
    });
    expect(applied.warnings).toEqual([
      {
        file: "environment.json",
        source: "values[1].value",
        message: `"server" is empty, and the base URL takes its host from it: with environment "local", the client refuses each call unless given it (createClient({ variables: { "server": … } }))`,
        scope: 'environment "local"',
      },
    ]);
    // The host is written out: the empty value is a path's, not the host's.
    const written = applyScopes(based("https://api.x.test/{{server}}"), {
      environments: [{ name: "local", scope: scope("environment", { server: "" }) }],
    });
    expect(written.warnings).toEqual([]);
  });

  it("says nothing of a secret's empty value, which the client asks for by its own message", () => {
    const applied = applyScopes(based("{{server}}"), {
      environments: [
        {
          name: "local",
          scope: parseScopeText(
            "local.json",
            JSON.stringify({ name: "local", values: [{ key: "server", value: "", type: "secret" }] }),
            "environment",
          ),
        },
      ],
    });
    expect(applied.warnings).toEqual([]);
  });
});
