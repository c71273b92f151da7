// What a stored copy of a collection or an environment leaves out, in the forms a file may write it.
import { describe, expect, it } from "vitest";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { collectionWithoutSecrets, environmentWithoutSecrets } from "../../src/postman-api/redact.js";

const info = { name: "c", schema: "https://schema.getpostman.com/json/collection/v2.0.0/collection.json" };

describe("a collection's stored copy", () => {
  it("replaces a v2.0 auth's literal credentials ({ key: value }), a number too, and leaves the original as it was", () => {
    const collection = {
      info,
      auth: { type: "basic", basic: { username: "alice", password: 1234, showPassword: false } },
      item: [{ name: "r", request: { url: "https://x", auth: { type: "bearer", bearer: { token: "LITERAL" } } } }],
    };
    const before = structuredClone(collection);
    const { json, left } = collectionWithoutSecrets(collection, new Set());
    expect(collection).toEqual(before);
    expect(json).toEqual({
      info,
      auth: { type: "basic", basic: { username: "alice", password: "REDACTED", showPassword: false } },
      item: [{ name: "r", request: { url: "https://x", auth: { type: "bearer", bearer: { token: "REDACTED" } } } }],
    });
    expect(left.map((w) => w.source)).toEqual(["auth.basic.password", "item[0].request.auth.bearer.token"]);
    expect(JSON.stringify(left)).not.toMatch(/1234|LITERAL/);
  });

  it("replaces an OAuth 2.0 auth's secret, and empties a token request parameter that names one, as the generator leaves it out", () => {
    const tokenRequestParams = [
      { key: "client_assertion", value: "LITERAL-ASSERTION", enabled: true, send_as: "request_body" },
      { key: "audience_hint", value: "partners", enabled: true, send_as: "request_body" },
      { key: "refresh_token", value: "{{refresh}}", enabled: true, send_as: "request_body" },
    ];
    const { json, left } = collectionWithoutSecrets(
      {
        info,
        auth: {
          type: "oauth2",
          oauth2: [
            { key: "clientSecret", value: "LITERAL-CLIENT-SECRET", type: "string" },
            { key: "tokenRequestParams", value: tokenRequestParams, type: "any" },
          ],
        },
        item: [],
      },
      new Set(),
    );
    const oauth2 = (json["auth"] as { oauth2: Array<{ key: string; value: unknown }> }).oauth2;
    expect(oauth2[0]!.value).toBe("REDACTED");
    expect((oauth2[1]!.value as typeof tokenRequestParams).map((p) => p.value)).toEqual([
      "",
      "partners",
      "{{refresh}}",
    ]);
    expect(left.map((w) => w.source)).toEqual(["auth.oauth2[0].value", "auth.oauth2[1].value[0].value"]);
    expect(left[1]!.message).toMatch(/^the oauth2 auth's tokenRequestParams parameter "client_assertion", written out/);
  });

  it("keeps a variable that only refers to others, and one the auth does not take, whatever the auth takes", () => {
    const variable = [
      { key: "userId", value: "42" },
      { key: "password", value: "{{vault}}" },
      { key: "shared", value: "LITERAL-SHARED" },
      { id: "legacyToken", value: "LITERAL-LEGACY" },
      { key: "emptySecret", value: "", type: "secret" },
    ];
    const { json, left } = collectionWithoutSecrets({ info, item: [], variable }, new Set(["shared"]));
    expect(json["variable"]).toEqual([
      { key: "userId", value: "42" },
      { key: "password", value: "{{vault}}" },
      { key: "shared" },
      { id: "legacyToken" },
      { key: "emptySecret", value: "", type: "secret" },
    ]);
    expect(left.map((w) => w.source)).toEqual(["variable[2].value", "variable[3].value"]);
  });
});

describe("an environment's stored copy", () => {
  it("empties a value a credential of its own refers to, as generate leaves it out", () => {
    const stored = environmentWithoutSecrets(
      {
        name: "prod",
        values: [
          { key: "t", value: "{{prodValue}}" },
          { key: "prodValue", value: "INDIRECT-ENV-SECRET" },
          { key: "region", value: "eu" },
        ],
      },
      new Set(["t"]),
    );
    expect(stored["values"]).toEqual([
      { key: "t", value: "{{prodValue}}" },
      { key: "prodValue", value: "" },
      { key: "region", value: "eu" },
    ]);
  });
});

describe("a collection's stored copy of its requests", () => {
  const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
  const raw = (value: unknown) => ({ mode: "raw", raw: JSON.stringify(value), options: { raw: { language: "json" } } });
  const request = {
    method: "POST",
    header: [
      { key: "Authorization", value: "Bearer LIT-HEADER-1" },
      { key: "X-Api-Key", value: "LIT-HEADER-2", disabled: true },
      { key: "X-Session-Token", value: "{{session}}" },
      { key: "X-Trace", value: "abc" },
    ],
    url: {
      raw: "https://x.test/users/:token?api_key=LIT-QUERY-3&page=2&next_page_token=pg-9",
      protocol: "https",
      host: ["x", "test"],
      path: ["users", ":token"],
      query: [
        { key: "api_key", value: "LIT-QUERY-3" },
        { key: "page", value: "2" },
        { key: "next_page_token", value: "pg-9" },
      ],
      variable: [{ key: "token", value: "LIT-PATH-4" }],
    },
    body: raw({
      client_id: "cid",
      secret: "LIT-JSON-5",
      user: { name: "{{name}}", password: "LIT-JSON-6", api_key: 9_753_113, password_policy: "strict" },
      tokens: ["LIT-JSON-7"],
    }),
  };
  const collection = {
    info: { name: "c", schema: V21 },
    item: [
      {
        name: "a",
        request,
        response: [
          {
            name: "saved",
            code: 200,
            body: "{}",
            originalRequest: {
              method: "POST",
              header: "Authorization: Bearer LIT-SAVED-8\nX-Trace: abc",
              url: "https://x.test/users/me?access_token=LIT-SAVED-9&page=2",
              body: { mode: "urlencoded", urlencoded: [{ key: "password", value: "LIT-SAVED-10" }] },
            },
          },
        ],
      },
      { name: "b", request: "https://x.test/b?apiKey=LIT-URL-11" },
      {
        name: "c",
        request: {
          method: "POST",
          url: "https://x.test/c",
          body: {
            mode: "graphql",
            graphql: { query: "{ me }", variables: '{"authToken": "LIT-GRAPHQL-12", "n": 1}' },
          },
        },
      },
      {
        name: "d",
        request: {
          method: "POST",
          url: "https://x.test/d",
          body: {
            mode: "raw",
            raw: '{\n  // the account\n  "id": {{id}},\n  "passphrase": "LIT-COMMENTED-13"\n}',
            options: { raw: { language: "json" } },
          },
        },
      },
    ],
  };
  const load = (json: object) => toModel(parseCollectionText("c.json", JSON.stringify(json)));

  it("replaces each credential written into a header, query, path variable, form or JSON body, keeping references", () => {
    const { json, left } = collectionWithoutSecrets(collection, new Set());
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/LIT-|9753113/);
    const stored = json as unknown as {
      item: [{ request: typeof request; response: [{ originalRequest: { header: string } }] }, { request: string }];
    };
    expect(stored.item[0].request.header.map((h) => h.value)).toEqual(["REDACTED", "REDACTED", "{{session}}", "abc"]);
    expect(stored.item[0].request.url.raw).toBe(
      "https://x.test/users/:token?api_key=REDACTED&page=2&next_page_token=pg-9",
    );
    expect(JSON.parse(stored.item[0].request.body.raw)).toEqual({
      client_id: "cid",
      secret: "REDACTED",
      user: { name: "{{name}}", password: "REDACTED", api_key: 0, password_policy: "strict" },
      tokens: ["REDACTED"],
    });
    expect(stored.item[0].response[0]!.originalRequest.header).toBe("Authorization: REDACTED\nX-Trace: abc");
    expect(stored.item[1].request).toBe("https://x.test/b?apiKey=REDACTED");
    expect(left.map((w) => `${w.source} ${w.message.slice(0, w.message.indexOf(","))}`)).toEqual([
      'item[0].request.header[0].value the value of header "Authorization"',
      'item[0].request.header[1].value the value of header "X-Api-Key"',
      'item[0].request.url.query[0].value the value of query parameter "api_key"',
      'item[0].request.url.variable[0].value the value of path variable "token"',
      "item[0].request.body.raw the value of body field $.secret",
      "item[0].request.body.raw the value of body field $.user.password",
      "item[0].request.body.raw the value of body field $.user.api_key",
      "item[0].request.body.raw the value of body field $.tokens[0]",
      'item[0].response[0].originalRequest.header the value of header "Authorization"',
      'item[0].response[0].originalRequest.url the value of query parameter "access_token"',
      'item[0].response[0].originalRequest.body.urlencoded[0].value the value of form field "password"',
      'item[1].request the value of query parameter "apiKey"',
      "item[2].request.body.graphql.variables the value of body field $.authToken",
      "item[3].request.body.raw the value of body field $.passphrase",
    ]);
  });

  it("reads into the same client as the collection the API gave", () => {
    const { json } = collectionWithoutSecrets(collection, new Set());
    expect(JSON.stringify(json)).not.toMatch(/LIT-/);
    const [original, stored] = [load(collection), load(json)];
    expect(stored.operations).toEqual(original.operations);
    // The same places are left out of the client, by the same rule.
    const places = (model: typeof original) =>
      model.warnings.filter((w) => /left out of the (client|mocks)/.test(w.message)).map((w) => w.source);
    expect(places(stored)).toEqual(places(original));
    expect(places(original).length).toBeGreaterThan(10);
  });
});

describe("a stored copy of secrets that only their names tell", () => {
  const collection = {
    info: { name: "c", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: [
      {
        name: "a",
        request: {
          method: "POST",
          header: [
            { key: "X-Hub-Signature-256", value: "sha256=LIT-SIG-1" },
            { key: "X-Session", value: "LIT-SESSION-2" },
            { key: "Digest", value: "sha-256=abc" },
          ],
          url: "https://x.test/a?sig=LIT-SAS-3&signature_method=HMAC-SHA1",
          body: {
            mode: "urlencoded",
            urlencoded: [
              { key: "leader_pin", value: "LIT-PIN-4" },
              { key: "passcode", value: "LIT-PASSCODE-5" },
              { key: "pin_code", value: "560001" },
            ],
          },
        },
      },
    ],
  };

  it("replaces them as the generator leaves them out of a client, and keeps their look-alikes", () => {
    const { json, left } = collectionWithoutSecrets(collection, new Set());
    expect(JSON.stringify(json)).not.toMatch(/LIT-/);
    const stored = json as unknown as typeof collection;
    expect(stored.item[0]!.request.header.map((h) => h.value)).toEqual(["REDACTED", "REDACTED", "sha-256=abc"]);
    expect(stored.item[0]!.request.url).toBe("https://x.test/a?sig=REDACTED&signature_method=HMAC-SHA1");
    expect(stored.item[0]!.request.body.urlencoded.map((f) => f.value)).toEqual(["REDACTED", "REDACTED", "560001"]);
    expect(left).toHaveLength(5);
    expect(JSON.stringify(left)).not.toMatch(/LIT-/);
    const load = (file: object) => toModel(parseCollectionText("c.json", JSON.stringify(file)));
    expect(load(json).operations).toEqual(load(collection).operations);
  });
});

describe("credentials written into values, whatever their names", () => {
  const v21 = { name: "c", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" };
  const collection = {
    info: v21,
    variable: [
      { key: "host", value: "https://bob:VAR-PASSWORD-1@api.x.test" },
      { key: "tokenUrl", value: "https://auth.x.test/token?client_secret=VAR-SECRET-2&region=eu" },
      { key: "mirror", value: "https://{{user}}:{{pass}}@mirror.x.test" },
    ],
    auth: {
      type: "oauth2",
      oauth2: [
        { key: "grant_type", value: "client_credentials" },
        { key: "accessTokenUrl", value: "https://auth.x.test/token?api_key=AUTH-KEY-3" },
        { key: "authUrl", value: "https://svc:AUTH-PASSWORD-4@auth.x.test/authorize" },
        { key: "clientId", value: "cid" },
      ],
    },
    item: [
      {
        name: "a",
        request: {
          method: "GET",
          url: "https://admin:URL-PASSWORD-5@api.x.test/a?page=1",
          header: [
            { key: "X-Custom", value: "Bearer HEADER-BEARER-6" },
            { key: "X-Forward", value: "Bearer {{token}}" },
          ],
        },
        response: [
          {
            name: "ok",
            originalRequest: { method: "GET", url: "https://x.test/a", header: "X-Custom: Basic SEVKRVI=" },
          },
        ],
      },
    ],
  };
  const load = (json: object) => toModel(parseCollectionText("c.json", JSON.stringify(json)));

  it("leaves out a URL's password and credential query values, and keeps a header's scheme before the stand-in", () => {
    const { json, left } = collectionWithoutSecrets(collection, new Set());
    expect(JSON.stringify([json, left])).not.toMatch(/PASSWORD-|SECRET-2|KEY-3|BEARER-6|SEVKRVI/);
    const stored = json as typeof collection;
    expect(stored.variable.map((v) => v.value)).toEqual([
      "https://api.x.test",
      "https://auth.x.test/token?client_secret=&region=eu",
      "https://{{user}}:{{pass}}@mirror.x.test",
    ]);
    expect(stored.auth.oauth2.map((p) => p.value)).toEqual([
      "client_credentials",
      "https://auth.x.test/token?api_key=",
      "https://auth.x.test/authorize",
      "cid",
    ]);
    expect(stored.item[0]!.request.url).toBe("https://api.x.test/a?page=1");
    expect(stored.item[0]!.request.header.map((h) => h.value)).toEqual(["Bearer REDACTED", "Bearer {{token}}"]);
    expect(stored.item[0]!.response[0]!.originalRequest.header).toBe("X-Custom: Basic REDACTED");
    expect(left.map((w) => w.source)).toEqual([
      "variable[0].value",
      "variable[1].value",
      "auth.oauth2[1].value",
      "auth.oauth2[2].value",
      "item[0].request.header[0].value",
      "item[0].request.url",
      "item[0].response[0].originalRequest.header",
    ]);
  });

  it("reads into the same client as the collection the API gave", () => {
    const { json } = collectionWithoutSecrets(collection, new Set());
    const [original, stored] = [load(collection), load(json)];
    expect(JSON.stringify(original)).not.toMatch(/PASSWORD-|SECRET-2|KEY-3|BEARER-6/);
    expect(stored.operations).toEqual(original.operations);
    expect(stored.variables).toEqual(original.variables);
  });

  it("keeps an environment's URL without its password or credential query values", () => {
    const stored = environmentWithoutSecrets(
      {
        name: "prod",
        values: [
          { key: "host", value: "https://bob:ENV-PASSWORD-7@api.x.test" },
          { key: "tokenUrl", value: "https://auth.x.test/token?client_secret=ENV-SECRET-8" },
          { key: "region", value: "eu" },
        ],
      },
      new Set(),
    );
    expect(stored["values"]).toEqual([
      { key: "host", value: "https://api.x.test" },
      { key: "tokenUrl", value: "https://auth.x.test/token?client_secret=" },
      { key: "region", value: "eu" },
    ]);
  });
});

describe("a stored copy of a saved answer", () => {
  const collection = {
    info: { name: "c", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: [
      {
        name: "a",
        request: { method: "POST", url: "https://x.test/login" },
        response: [
          {
            name: "ok",
            code: 200,
            header: [
              { key: "Content-Type", value: "application/json" },
              { key: "Set-Cookie", value: "session=LIT-COOKIE-1" },
            ],
            body: JSON.stringify({ access_token: "LIT-ANSWER-2", user: { id: "u", api_key: 8642097 } }),
          },
          {
            name: "form",
            code: 202,
            header: [{ key: "Content-Type", value: "application/x-www-form-urlencoded" }],
            body: "access_token=LIT-ANSWER-3&token_type=bearer",
          },
        ],
      },
    ],
  };
  const load = (json: object) => toModel(parseCollectionText("c.json", JSON.stringify(json)));

  it("replaces its credential headers, JSON body fields and form pairs, and reads into the same mocks", () => {
    const { json, left } = collectionWithoutSecrets(collection, new Set());
    expect(JSON.stringify(json)).not.toMatch(/LIT-|8642097/);
    expect(left.map((w) => w.source)).toEqual([
      "item[0].response[0].header[1].value",
      "item[0].response[0].body",
      "item[0].response[0].body",
      "item[0].response[1].body",
    ]);
    const [original, stored] = [load(collection), load(json)];
    expect(stored.operations).toEqual(original.operations);
  });
});

describe("a stored copy of a header that holds a URL", () => {
  // A callback a request sends, a redirect saved as an answer: no credential by their names.
  const collection = {
    info: { name: "c", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: [
      {
        name: "a",
        request: {
          method: "GET",
          url: "https://x.test/a",
          header: [{ key: "X-Callback", value: "https://cb.x.test/hook?client_secret=HEADER-URL-SECRET-1&v=1" }],
        },
        response: [
          {
            name: "redirect",
            code: 302,
            header: [{ key: "Location", value: "https://app.x.test/cb?state=s&access_token=ANSWER-URL-TOKEN-2" }],
            body: "",
            originalRequest: {
              method: "GET",
              url: "https://x.test/a",
              header: "Referer: https://app.x.test/?api_key=TEXT-URL-KEY-3",
            },
          },
        ],
      },
    ],
  };
  const load = (json: object) => toModel(parseCollectionText("c.json", JSON.stringify(json)));

  it("replaces the credentials in its URL's query, and reads into the same client and mocks", () => {
    const { json, left } = collectionWithoutSecrets(collection, new Set());
    expect(JSON.stringify([json, left])).not.toMatch(/HEADER-URL|ANSWER-URL|TEXT-URL/);
    const stored = json as typeof collection;
    expect(stored.item[0]!.request.header[0]!.value).toBe("https://cb.x.test/hook?client_secret=REDACTED&v=1");
    expect(stored.item[0]!.response[0]!.header[0]!.value).toBe("https://app.x.test/cb?state=s&access_token=REDACTED");
    expect(stored.item[0]!.response[0]!.originalRequest.header).toBe("Referer: https://app.x.test/?api_key=REDACTED");
    expect(left.map((w) => `${w.source}: ${w.message.slice(0, w.message.indexOf(", written out"))}`)).toEqual([
      'item[0].request.header[0].value: the value of header "X-Callback" (its URL\'s query parameter "client_secret")',
      'item[0].response[0].originalRequest.header: the value of header "Referer" (its URL\'s query parameter "api_key")',
      'item[0].response[0].header[0].value: the value of header "Location" (its URL\'s query parameter "access_token")',
    ]);
    const [original, stored2] = [load(collection), load(json)];
    expect(JSON.stringify(original.operations)).not.toMatch(/HEADER-URL|ANSWER-URL/);
    expect(stored2.operations).toEqual(original.operations);
  });
});

describe("a stored copy of a raw body that is no JSON", () => {
  const body = (raw: string) => ({ mode: "raw", raw });
  const collection = {
    info: { name: "c", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: [
      {
        name: "a",
        request: { method: "POST", url: "https://x.test/a", body: body("grant_type=password&password=LIT-1") },
      },
      {
        name: "b",
        request: { method: "POST", url: "https://x.test/b", body: body("<a><password>LIT-2</password></a>") },
      },
      {
        name: "c",
        request: {
          method: "POST",
          url: "https://x.test/c",
          body: { mode: "graphql", graphql: { query: 'mutation { login(password: "LIT-3") { id } }' } },
        },
      },
    ],
  };
  const load = (json: object) => toModel(parseCollectionText("c.json", JSON.stringify(json)));

  it("replaces the credentials its text holds, and reads into the same client", () => {
    const { json, left } = collectionWithoutSecrets(collection, new Set());
    expect(JSON.stringify(json)).not.toMatch(/LIT-/);
    expect(left.map((w) => w.source)).toEqual([
      "item[0].request.body.raw",
      "item[1].request.body.raw",
      "item[2].request.body.graphql.query",
    ]);
    const [original, stored] = [load(collection), load(json)];
    expect(stored.operations).toEqual(original.operations);
  });
});
