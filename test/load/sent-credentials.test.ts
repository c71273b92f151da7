// Variables a collection sends as credentials outside an auth (a header, a URL's user info or query,
// a path variable, a body field), and credentials written out in part (`Bearer {{token}}abc`): their
// values never reach a client, a stored copy or an environment's values (src/load/scopes.ts,
// src/load/credentials.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { applyScopes, authCredentials } from "../../src/load/scopes.js";
import { parseScopeText } from "../../src/load/environment.js";
import { collectionWithoutSecrets, environmentWithoutSecrets } from "../../src/postman-api/redact.js";
import { secretVariables } from "../../src/command-line/secret-variables.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const collectionJson = (collection: object) => ({ info: { name: "C", schema: V21 }, ...collection });
const load = (collection: object) => toModel(parseCollectionText("c.json", JSON.stringify(collectionJson(collection))));
const environment = (values: Record<string, string>) => ({
  environments: [
    {
      name: "env",
      scope: parseScopeText(
        "env.json",
        JSON.stringify({ name: "env", values: Object.entries(values).map(([key, value]) => ({ key, value })) }),
        "environment",
      ),
    },
  ],
});
const defaults = (model: ReturnType<typeof load>) =>
  Object.fromEntries(model.variables.map((v) => [v.name, v.default]));

/** Requests that send `{{variables}}` as credentials in every place but an auth. */
const SENDS = {
  item: [
    {
      name: "headers",
      request: {
        method: "GET",
        url: "https://x.test/h",
        header: [
          { key: "Authorization", value: "Bearer {{thing}}" },
          { key: "X-Custom", value: "Token {{schemed}}" },
          { key: "X-Chained", value: "{{region}}" },
        ],
      },
    },
    {
      name: "user info",
      request: { method: "GET", url: "https://{{user}}:{{pass}}@x.test/u?sig={{sig}}&token={{t}}" },
    },
    {
      name: "user info, URL object",
      request: {
        method: "GET",
        url: {
          raw: "https://{{user}}:{{objpass}}@x.test/o/:token",
          protocol: "https",
          host: ["x", "test"],
          path: ["o", ":token"],
          variable: [{ key: "token", value: "{{pathtok}}" }],
        },
      },
    },
    {
      name: "json",
      request: {
        method: "POST",
        url: "https://x.test/j",
        header: [{ key: "Content-Type", value: "application/json" }],
        body: {
          mode: "raw",
          raw: '{"user": "{{user}}", "password": "{{pw}}", "nested": {"client_secret": "{{cs}}"}}',
        },
      },
    },
    {
      name: "form",
      request: {
        method: "POST",
        url: "https://x.test/f",
        body: { mode: "urlencoded", urlencoded: [{ key: "password", value: "{{formpw}}" }] },
      },
    },
    {
      name: "chained",
      request: { method: "GET", url: "https://x.test/c", header: [{ key: "Authorization", value: "{{authhdr}}" }] },
    },
  ],
};
const SECRET_NAMES = ["thing", "schemed", "pass", "sig", "t", "objpass", "pathtok", "pw", "cs", "formpw", "inner"];
const SECRET_VALUES = SECRET_NAMES.map((name) => `SECRET-${name}-42`);

describe("a variable sent as a credential outside an auth", () => {
  it("is a secret of the collection: left out of the client, with a warning naming its key", () => {
    const model = load({
      ...SENDS,
      variable: [
        ...SECRET_NAMES.map((name) => ({ key: name, value: `SECRET-${name}-42` })),
        { key: "user", value: "alice" },
        { key: "region", value: "eu" },
        { key: "authhdr", value: "Bearer {{inner}}" },
      ],
    });
    const text = JSON.stringify(model);
    for (const secret of SECRET_VALUES) expect(text).not.toContain(secret);
    const kept = defaults(model);
    for (const name of SECRET_NAMES) expect(kept[name]).toBeUndefined();
    // Who asks, what is no credential, and a value that writes out nothing but a scheme and references stay.
    expect(kept).toMatchObject({ user: "alice", region: "eu", authhdr: "Bearer {{inner}}" });
    expect(
      model.warnings
        .filter((w) => w.source.startsWith("variable["))
        .map((w) => /^the value of "[^"]*"/.exec(w.message)?.[0]),
    ).toEqual(SECRET_NAMES.map((name) => `the value of ${JSON.stringify(name)}`));
  });

  it("is a secret of an environment, through the values that refer to it", () => {
    const applied = applyScopes(
      load(SENDS),
      environment({
        ...Object.fromEntries(SECRET_NAMES.map((name) => [name, `SECRET-${name}-42`])),
        user: "alice",
        region: "eu",
        authhdr: "Bearer {{inner}}",
      }),
    );
    expect(applied.environments![0]!.secrets.sort()).toEqual([...SECRET_NAMES].sort());
    expect(applied.environments![0]!.values).toEqual({ user: "alice", region: "eu", authhdr: "Bearer {{inner}}" });
    const text = JSON.stringify(applied);
    for (const secret of SECRET_VALUES) expect(text).not.toContain(secret);
  });

  it("is emptied in a stored copy of the collection and of its environment", () => {
    const json = collectionJson({
      ...SENDS,
      variable: [
        ...SECRET_NAMES.map((name) => ({ key: name, value: `SECRET-${name}-42` })),
        { key: "authhdr", value: "Bearer {{inner}}" },
      ],
    });
    const credentials = authCredentials(toModel(parseCollectionText("c.json", JSON.stringify(json))));
    const stored = JSON.stringify(collectionWithoutSecrets(json, credentials).json);
    const env = environmentWithoutSecrets(
      { name: "env", values: SECRET_NAMES.map((name) => ({ key: name, value: `SECRET-${name}-42` })) },
      credentials,
    );
    for (const secret of SECRET_VALUES) {
      expect(stored).not.toContain(secret);
      expect(JSON.stringify(env)).not.toContain(secret);
    }
  });
});

describe("a credential written out in part", () => {
  it("is a literal one: an auth's becomes a variable the caller gives, a header's or a query's is left out", () => {
    const model = load({
      variable: [
        { key: "suffix", value: "sfx" },
        { key: "tok", value: "SECRET-TOK-42" },
      ],
      item: [
        {
          name: "a",
          request: {
            method: "GET",
            url: "https://x.test/a?api_key=MIXED-QUERY-SECRET{{suffix}}",
            auth: { type: "bearer", bearer: [{ key: "token", value: "MIXED-AUTH-SECRET{{suffix}}" }] },
            header: [
              { key: "X-Signed", value: "Bearer {{tok}}MIXED-HEADER-SECRET" },
              { key: "X-Api-Key", value: "{{suffix}}MIXED-KEY-SECRET" },
            ],
          },
        },
        {
          name: "b",
          request: {
            method: "GET",
            url: "https://x.test/b?api_key={{k1}}-{{k2}}",
            auth: { type: "basic", basic: [{ key: "password", value: "{{pw}}" }] },
            header: [
              { key: "Authorization", value: "SSWS {{okta}}" },
              { key: "X-Custom", value: "Bearer {{t}}" },
            ],
          },
        },
      ],
    });
    const text = JSON.stringify(model);
    for (const secret of ["MIXED-QUERY-SECRET", "MIXED-AUTH-SECRET", "MIXED-HEADER-SECRET", "MIXED-KEY-SECRET"])
      expect(text).not.toContain(secret);
    expect(model.operations[0]!.auth).toEqual({ type: "bearer", from: "bearer", token: "{{bearer.token}}" });
    // The variable a left-out credential refers to is one too.
    expect(text).not.toContain("SECRET-TOK-42");
    // Nothing but a scheme, references and separators is no literal: those stay as written.
    expect(model.operations[1]!.args.map((a) => [a.name, a.default])).toEqual([
      ["api_key", "{{k1}}-{{k2}}"],
      ["Authorization", "SSWS {{okta}}"],
      ["X-Custom", "Bearer {{t}}"],
    ]);
    // No user name given: Postman sends the pair with an empty one (`:pw`), and so does the client.
    expect(model.operations[1]!.auth).toEqual({ type: "basic", username: "", password: "{{pw}}" });
  });

  // Headers that write out nothing but a scheme's word, parameters' names and references, and some
  // that write a literal part besides: only the latter are left out.
  const PARAMETERS = [
    { key: "Authorization", value: "Token token={{apiToken}}" },
    { key: "X-Quoted", value: 'Token token="{{apiToken}}"' },
    { key: "X-Digest", value: 'Digest username="{{user}}", nonce="{{nonce}}", response="{{response}}"' },
    { key: "X-Okta-Token", value: "SSWS{{apikey}}" },
    { key: "Cookie", value: "session={{sid}}" },
  ];
  const LITERAL = [
    { key: "X-Api-Key", value: "sk_live_{{rest}}" },
    { key: "X-Auth", value: "Token token={{apiToken}}LITERAL-TAIL" },
    { key: "X-Glued-Token", value: "SSWSX{{apikey}}" },
    { key: "X-Cookie-Auth", value: "sid={{sid}}; PHPSESSID=COOKIE-LITERAL" },
  ];
  const PARTS = {
    item: [{ name: "a", request: { method: "GET", url: "https://x.test/a", header: [...PARAMETERS, ...LITERAL] } }],
  };

  it("is none when it writes parameters' names and a scheme's word, glued to its variable or not", () => {
    const model = load(PARTS);
    // A header left out stays an argument the caller gives, without its written value.
    expect(model.operations[0]!.args.map((a) => [a.name, a.default])).toEqual([
      ...PARAMETERS.map((h) => [h.key, h.value]),
      ...LITERAL.map((h) => [h.key, undefined]),
    ]);
    expect(JSON.stringify(model)).not.toMatch(/sk_live_|LITERAL-TAIL|SSWSX|COOKIE-LITERAL/);
  });

  it("is kept in a stored copy when it writes parameters' names alone, as the generator keeps it", () => {
    const { json } = collectionWithoutSecrets(collectionJson(PARTS), new Set());
    const text = JSON.stringify(json);
    for (const { value } of PARAMETERS) expect(text).toContain(JSON.stringify(value).slice(1, -1));
    expect(text).not.toMatch(/sk_live_|LITERAL-TAIL|SSWSX|COOKIE-LITERAL/);
  });

  it("in an environment's credential is a secret; a scheme and references alone are a value", () => {
    const applied = applyScopes(
      load({
        auth: { type: "bearer", bearer: [{ key: "token", value: "{{t}}" }] },
        item: [{ name: "a", request: { method: "GET", url: "https://x.test" } }],
      }),
      environment({ t: "Bearer {{inner}}", api_token: "MIXED-ENV-SECRET{{u}}", u: "x" }),
    );
    expect(applied.environments![0]!.secrets).toEqual(["api_token"]);
    expect(applied.environments![0]!.values).toEqual({ t: "Bearer {{inner}}", u: "x" });
  });

  it("is replaced in a stored copy's auth, as the generator leaves it out", () => {
    const { json } = collectionWithoutSecrets(
      collectionJson({
        auth: { type: "bearer", bearer: [{ key: "token", value: "MIXED-AUTH-SECRET{{suffix}}" }] },
        item: [
          {
            name: "a",
            request: {
              method: "GET",
              url: "https://x.test",
              header: [{ key: "X-Signed", value: "Bearer {{t}}MIXED-HEADER" }],
            },
          },
        ],
      }),
      new Set(),
    );
    const text = JSON.stringify(json);
    expect(text).not.toContain("MIXED-AUTH-SECRET");
    expect(text).not.toContain("MIXED-HEADER");
  });
});

describe("a JWT auth's header and payload", () => {
  // Fields named as credentials are judged as a JSON body's are; who the token names is no secret.
  const JWT = {
    auth: {
      type: "jwt",
      jwt: [
        { key: "algorithm", value: "HS256" },
        { key: "secret", value: "{{jwt_secret}}" },
        { key: "payload", value: '{"sub": "{{user}}", "api_secret": "{{claim_secret}}", "exp": {{exp}}}' },
        { key: "header", value: '{"kid": "{{kid}}", "x-api-key": "{{header_key}}"}' },
      ],
    },
    item: [{ name: "a", request: { method: "GET", url: "https://x.test/a" } }],
  };
  const VALUES = { claim_secret: "SECRET-CLAIM-42", header_key: "SECRET-HEADER-42", user: "bob", kid: "k1", exp: "9" };

  it("make the variables their credential fields refer to secrets, in the collection and an environment", () => {
    const model = load({ ...JWT, variable: Object.entries(VALUES).map(([key, value]) => ({ key, value })) });
    expect(defaults(model)).toEqual({
      claim_secret: undefined,
      header_key: undefined,
      user: "bob",
      kid: "k1",
      exp: "9",
    });
    const applied = applyScopes(load(JWT), environment(VALUES));
    expect(applied.environments![0]!.secrets.sort()).toEqual(["claim_secret", "header_key"]);
    expect(applied.environments![0]!.values).toEqual({ user: "bob", kid: "k1", exp: "9" });
    expect(JSON.stringify([model, applied])).not.toMatch(/SECRET-(CLAIM|HEADER)-42/);
    // The command line masks them and reads them from its environment variables.
    expect(secretVariables(applied)).toEqual(expect.arrayContaining(["claim_secret", "header_key", "jwt_secret"]));
    expect(secretVariables(applied)).not.toContain("user");
  });

  it("lose their literal credentials in a stored copy, which the generator reads as it reads the API's", () => {
    const written = collectionJson({
      auth: {
        type: "jwt",
        jwt: [
          { key: "secret", value: "{{jwt_secret}}" },
          { key: "payload", value: '{"sub": "bob", "api_secret": "SECRET-CLAIM-42", "pin": 1234, "exp": {{exp}}}' },
          { key: "header", value: { kid: "k1", "x-api-key": "SECRET-HEADER-42" } },
        ],
      },
      item: [{ name: "a", request: { method: "GET", url: "https://x.test/a" } }],
    });
    const { json, left } = collectionWithoutSecrets(written, new Set());
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/SECRET-(CLAIM|HEADER)-42|1234/);
    expect(left.map((w) => w.source)).toEqual(["auth.jwt[1].value", "auth.jwt[1].value", "auth.jwt[2].value"]);
    const auth = (collection: object) => load(collection).operations[0]!.auth;
    const { info: _info, ...stored } = json;
    const { info: _written, ...original } = written;
    expect(auth(stored)).toEqual(auth(original));
    // The variables asked for in their place are secrets the command line masks and reads from its environment.
    expect(secretVariables(load(original))).toEqual(
      expect.arrayContaining(["jwt.payload.api_secret", "jwt.payload.pin", "jwt.header.x-api-key"]),
    );
    expect(auth(original)).toMatchObject({
      payload: '{"sub":"bob","api_secret":"{{jwt.payload.api_secret}}","pin":{{jwt.payload.pin}},"exp":{{exp}}}',
    });
  });
});

describe("a JSON field named `key` or `auth`", () => {
  // One rule decides a JSON field: what stays in a body's example and what makes its variable a
  // secret. As a JSON field `key` and `auth` name an entry (`{"key": "color", "value": "red"}`).
  const BODY = '{"key": "{{k}}", "auth": "{{a}}", "entries": [{"key": "{{ek}}"}], "api_key": "{{ak}}"}';
  const collection = (variable: object[]) => ({
    variable,
    auth: {
      type: "jwt",
      jwt: [
        { key: "secret", value: "{{jwt_secret}}" },
        { key: "payload", value: '{"key": "{{claim}}", "auth": {"token": "{{claim_token}}"}}' },
      ],
    },
    item: [
      {
        name: "a",
        request: {
          method: "POST",
          url: "https://x.test/a?key={{query_key}}",
          header: [{ key: "Content-Type", value: "application/json" }],
          body: { mode: "raw", raw: BODY },
        },
      },
      {
        name: "literal",
        request: {
          method: "POST",
          url: "https://x.test/b",
          header: [{ key: "Content-Type", value: "application/json" }],
          body: { mode: "raw", raw: '{"key": "color", "api_key": "SECRET-LITERAL-42"}' },
        },
      },
    ],
  });
  const VALUES = {
    k: "color",
    a: "none",
    ek: "size",
    claim: "entry",
    ak: "SECRET-AK-42",
    claim_token: "SECRET-CLAIM-42",
    query_key: "SECRET-QUERY-42",
  };

  it("keeps its variable's value, as its written value stays in the body; a credential field's goes", () => {
    const model = load(collection(Object.entries(VALUES).map(([key, value]) => ({ key, value }))));
    expect(defaults(model)).toEqual({
      k: "color",
      a: "none",
      ek: "size",
      claim: "entry",
      ak: undefined,
      claim_token: undefined,
      query_key: undefined,
    });
    // The same field written out stays in the body's example; a credential field's value goes.
    const literal = model.operations[1]!.args.map((arg) => [arg.name, arg.example]);
    expect(literal).toEqual([
      ["key", "color"],
      ["api_key", undefined],
    ]);
    const applied = applyScopes(load(collection([])), environment(VALUES));
    expect(applied.environments![0]!.secrets.sort()).toEqual(["ak", "claim_token", "query_key"]);
    expect(JSON.stringify([model, applied])).not.toMatch(/SECRET-/);
  });

  it("filled into a field's name from a variable is judged as the field written so is", () => {
    const model = load({
      variable: [
        { key: "f", value: "key" },
        { key: "g", value: "api_key" },
      ],
      item: [
        {
          name: "a",
          request: {
            method: "POST",
            url: "https://x.test/a",
            header: [{ key: "Content-Type", value: "application/json" }],
            body: { mode: "raw", raw: '{"{{f}}": "color", "{{g}}": "SECRET-FILLED-42"}' },
          },
        },
      ],
    });
    expect(model.operations[0]!.args.map((arg) => [arg.name, arg.example])).toEqual([
      ["key", "color"],
      ["api_key", undefined],
    ]);
    expect(JSON.stringify(model)).not.toContain("SECRET-FILLED-42");
  });
});

describe("a GraphQL query's field named `key`", () => {
  // An argument or an input object's field in a query is a JSON field as far as names go: Xray's
  // collection creates a test in `project: {key: "CALC"}`, Jira's project key, which newman sends.
  it("is kept, where a field whose name says credential still goes", () => {
    const query =
      'mutation { createTest(jira: { fields: { project: { key: "CALC" } } }, apiKey: "SECRET-GQL-42") { id } }';
    const model = load({
      item: [
        {
          name: "create",
          request: { method: "POST", url: "https://x.test/graphql", body: { mode: "graphql", graphql: { query } } },
        },
      ],
    });
    expect(model.operations[0]!.args[0]!.default).toEqual({ query: query.replace("SECRET-GQL-42", "") });
    expect(model.warnings.map((w) => w.message)).toEqual([
      'the value of field "apiKey" is left out of the client (its name says it holds a credential): pass it when calling, or refer to a variable',
    ]);
  });
});

describe("a header or query parameter named `key`", () => {
  // Unlike a JSON field, a header or a query parameter holds one value, no entry: named `key` (or
  // `X-Key`), it carries an API key as Google's `?key=` does, and is left out of the client.
  it("is a credential written out: left out with a warning, as postman-code-generators' fixture's are", () => {
    const file = "test/fixtures/collections/pcg-same-name-headers.postman_collection.json";
    const model = toModel(parseCollectionText(file, readFileSync(file, "utf8")));
    const args = model.operations[0]!.args;
    expect(args.map((a) => [a.name, a.in, a.default, a.example])).toEqual([
      ["key", "header", undefined, undefined],
      ["key", "header", undefined, undefined],
    ]);
    expect(JSON.stringify(model)).not.toMatch(/value[12]/);
    expect(model.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('the value of header "key" is left out of the client (its name says'),
      expect.stringContaining('the value of header "key" is left out of the client (its name says'),
    ]);
  });

  it("makes the variable it sends a secret, as a JSON field named `key` does not", () => {
    const model = load({
      variable: [
        { key: "header_key", value: "SECRET-HEADER-42" },
        { key: "x_key", value: "SECRET-X-42" },
        { key: "query_key", value: "SECRET-QUERY-42" },
        { key: "entry", value: "color" },
      ],
      item: [
        {
          name: "a",
          request: {
            method: "POST",
            url: "https://x.test/a?key={{query_key}}",
            header: [
              { key: "key", value: "{{header_key}}" },
              { key: "X-Key", value: "{{x_key}}" },
              { key: "Content-Type", value: "application/json" },
            ],
            body: { mode: "raw", raw: '{"key": "{{entry}}"}' },
          },
        },
      ],
    });
    expect(defaults(model)).toEqual({ header_key: undefined, x_key: undefined, query_key: undefined, entry: "color" });
  });
});
