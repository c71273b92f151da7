import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCollection, toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { apiWords } from "../../src/runtime/response.js";
import { FIXTURES, SEED_COLLECTION, seedItemText } from "../helpers/seed.js";
import { FIXTURE_COLLECTIONS } from "../helpers/corpus.js";
import { join } from "node:path";

describe("the seed collection", () => {
  it("holds the seed's item byte for byte", () => {
    const text = readFileSync(SEED_COLLECTION, "utf8");
    expect(text).toContain(`"item": [\n${seedItemText()}\n]`);
  });

  it("loads into the model with every fact of the seed", async () => {
    const model = await loadCollection(SEED_COLLECTION);
    expect(model.warnings).toEqual([]);
    expect(model.baseUrl).toBe("{{baseUrl}}");
    expect(model.variables).toEqual([{ name: "baseUrl", default: "https://api.zoom.us/v2" }]);
    expect(model.operations).toHaveLength(1);
    const op = model.operations[0]!;
    expect(op).toMatchObject({
      name: "updateUserStatus",
      namespace: [],
      exportName: "updateUserStatus",
      item: "Update user status",
      folder: [],
      method: "PUT",
      path: "/users/{userId}/status",
      body: { encoding: "multipart" },
      auth: { type: "bearer", from: "oauth2" },
      scopes: ["user:write:admin", "user:write"],
      rateLimit: "Light",
      source: "item[0]",
    });
    expect(op.id).toBeUndefined();
    expect(op.args).toEqual([
      {
        arg: "userId",
        name: "userId",
        in: "path",
        required: true,
        example: "quis officia in reprehenderit",
        description:
          "The user ID or email address of the user. For user-level apps, pass the `me` value for this parameter.",
        source: "item[0].request.url.variable[0]",
      },
      {
        arg: "action",
        name: "action",
        in: "body",
        required: true,
        enum: ["activate", "deactivate"],
        example: "deactivate",
        description: "The action types:\n`activate` - Activate a deactivated user.\n`deactivate` - Deactivate a user.",
        repeatable: true,
        source: "item[0].request.body.formdata[0]",
      },
    ]);
    expect(op.responses.map((r) => [r.status, r.description, r.errorCodes.map((c) => c.code)])).toEqual([
      [200, "OK", []],
      [204, "Status updated.", []],
      [400, "Bad Request", [200, 300]],
      [404, "Not Found", [1001]],
    ]);
    expect(op.responses.map((r) => r.examples.map((e) => [e.contentType, e.body, e.source]))).toEqual([
      [["text/plain", "", "item[0].response[0]"]],
      [["application/json", '""', "item[0].response[1]"]],
      [["text/plain", "", "item[0].response[2]"]],
      [["text/plain", "", "item[0].response[3]"]],
    ]);
  });
});

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const load = (collection: object) =>
  toModel(parseCollectionText("c.json", JSON.stringify({ info: { name: "C", schema: V21 }, ...collection })));
const defaultsOf = (model: ReturnType<typeof load>) =>
  Object.fromEntries(model.variables.map((v) => [v.name, v.default]));

describe("loading requests", () => {
  it("inherits auth from folders and the collection, and noauth stops it", () => {
    const model = load({
      auth: { type: "oauth2" },
      item: [
        { name: "a", request: { method: "GET", url: "https://x.test/a" } },
        {
          name: "f",
          auth: { type: "noauth" },
          item: [{ name: "b", request: { method: "GET", url: "https://x.test/b", auth: null } }],
        },
        { name: "c", request: { method: "GET", url: "https://x.test/c", auth: { type: "bearer" } } },
      ],
    });
    expect(model.operations.map((op) => [op.name, op.folder, op.auth.type])).toEqual([
      ["a", [], "bearer"],
      ["b", ["f"], "none"],
      ["c", [], "bearer"],
    ]);
  });

  it("gives repeated request names distinct method names in order", () => {
    const model = load({ item: [1, 2, 3].map(() => ({ name: "Get user", request: "https://x.test/u" })) });
    expect(model.operations.map((op) => op.name)).toEqual(["getUser", "getUser2", "getUser3"]);
  });

  it("derives path variables from the path even without a variable list, and keeps `:id.json` suffixes", () => {
    const model = load({
      item: [{ name: "r", request: { method: "GET", url: { host: ["{{baseUrl}}"], path: ["a", ":id.json"] } } }],
    });
    expect(model.operations[0]!.path).toBe("/a/{id}.json");
    expect(model.operations[0]!.args).toMatchObject([
      { name: "id", in: "path", required: true, source: "item[0].request.url.path[1]" },
    ]);
  });

  it("makes a path variable the path gives again one argument, filling each place, as Postman fills it", () => {
    const model = load({
      item: [
        {
          name: "r",
          request: {
            method: "GET",
            url: {
              host: ["{{baseUrl}}"],
              path: [":account", "reports", ":account.csv"],
              variable: [{ key: "account", value: "acme" }],
            },
          },
        },
      ],
    });
    expect(model.operations[0]!.path).toBe("/{account}/reports/{account}.csv");
    expect(model.operations[0]!.args).toMatchObject([{ name: "account", arg: "account", in: "path", example: "acme" }]);
    expect(model.operations[0]!.args).toHaveLength(1);
  });

  it("keeps {{variables}} in bases and paths for the client to fill, and lists them with the collection's values", () => {
    const model = load({
      variable: [{ key: "host", value: "api.x.test", description: "The API host" }],
      item: [
        {
          name: "a",
          request: {
            method: "GET",
            url: { protocol: "https", host: ["{{host}}"], path: ["{{version}}", "{{Sid}}.json", "a{b}"] },
          },
        },
        { name: "b", request: { method: "GET", url: { protocol: "https", host: ["{{host}}"], path: ["b"] } } },
        { name: "c", request: { method: "GET", url: "https://uploads.example.com/up" } },
        {
          name: "d",
          request: { method: "GET", url: { protocol: "https", host: ["{{host}}"], path: ["a", "", "b", ""] } },
        },
      ],
    });
    expect(model.baseUrl).toBe("https://{{host}}");
    expect(model.operations.map((op) => [op.base, op.path])).toEqual([
      [undefined, "/{{version}}/{{Sid}}.json/a%7Bb%7D"],
      [undefined, "/b"],
      ["https://uploads.example.com", "/up"],
      [undefined, "/a//b/"],
    ]);
    expect(model.variables).toEqual([
      { name: "host", default: "api.x.test", description: "The API host" },
      { name: "version" },
      { name: "Sid" },
    ]);
    expect(model.warnings).toEqual([]);
  });

  it("keeps a host that starts with a variable without a scheme, as one variable is: its values may name one (Salesforce)", () => {
    const model = load({
      item: [
        { name: "a", request: { method: "GET", url: "{{url}}{{site}}/services/oauth2/token" } },
        { name: "b", request: { method: "GET", url: "{{url}}/services/data" } },
        { name: "c", request: { method: "GET", url: "{{tenant}}.example.com/v1" } },
      ],
    });
    expect(model.operations.map((op) => op.base ?? model.baseUrl)).toEqual([
      "{{url}}{{site}}",
      "{{url}}",
      // Filled in first, as Postman does; the client makes it http only if the value names no scheme.
      "{{tenant}}.example.com",
    ]);
  });

  it("sends a URL's user name and password as Basic auth where nothing sets Authorization, as Postman", () => {
    const url = (userinfo: string) => `https://${userinfo}@echo.x.test/get`;
    const get = (name: string, request: object) => ({ name, request: { method: "GET", ...request } });
    const apikey = {
      type: "apikey",
      apikey: [
        { key: "key", value: "k" },
        { key: "value", value: "{{key}}" },
      ],
    };
    const model = load({
      auth: { type: "bearer", bearer: [{ key: "token", value: "{{token}}" }] },
      item: [
        get("literal", { url: url("ann:p@ss-SECRET-1"), auth: { type: "noauth" } }),
        get("object", {
          url: {
            raw: "https://echo.x.test/get",
            host: ["echo", "x", "test"],
            auth: { user: "bob", password: "SECRET-2" },
          },
          auth: { type: "noauth" },
        }),
        get("variables", { url: url("{{user}}:{{pw}}"), auth: { type: "noauth" } }),
        get("user alone", { url: url("a%40nn"), auth: { type: "noauth" } }),
        get("password alone", { url: url(":{{pw}}"), auth: { type: "noauth" } }),
        get("inherited bearer", { url: url("ann:SECRET-3") }),
        get("own basic", {
          url: url("ann:SECRET-4"),
          auth: { type: "basic", basic: [{ key: "username", value: "u" }] },
        }),
        get("own header", {
          url: url("ann:SECRET-5"),
          auth: { type: "noauth" },
          header: [{ key: "authorization", value: "Token {{t}}" }],
        }),
        get("api key", { url: url("ann:SECRET-6"), auth: apikey }),
        // Its first request goes unsigned, to be challenged: Postman sends the user info on it.
        get("digest", {
          url: url("ann:SECRET-7"),
          auth: { type: "digest", digest: [{ key: "username", value: "d" }] },
        }),
        get("at in a path", { url: "https://echo.x.test/users/@me", auth: { type: "noauth" } }),
      ],
    });
    const auth = Object.fromEntries(model.operations.map((op) => [op.item, op.auth]));
    const basic = (username: string, password?: string) => ({
      type: "basic",
      username,
      ...(password ? { password } : {}),
      fromUrl: true,
    });
    expect(auth).toEqual({
      literal: basic("ann", "{{basic.password}}"),
      object: basic("bob", "{{basic.password}}"),
      variables: basic("{{user}}", "{{pw}}"),
      // Left encoded: the client decodes the filled text, as Postman decodes it.
      "user alone": basic("a%40nn"),
      "password alone": basic("", "{{pw}}"),
      "inherited bearer": { type: "bearer", from: "bearer", token: "{{token}}" },
      "own basic": { type: "basic", username: "u" },
      "own header": { type: "none" },
      "api key": { type: "apikey", in: "header", name: "k", value: "{{key}}" },
      digest: { type: "digest", username: "d" },
      "at in a path": { type: "none" },
    });
    const said = (text: string) => model.warnings.filter((w) => w.message.includes(text)).map((w) => w.source);
    expect(said("literal password")).toEqual(["item[0].request.url", "item[1].request.url"]);
    // Postman sends the pair beside the key, and on Digest's first request, which one auth cannot.
    expect(said("user name and password in the URL are not sent")).toEqual([
      "item[8].request.url",
      "item[9].request.url",
    ]);
    expect(JSON.stringify(model)).not.toMatch(/SECRET/);
  });

  it("makes a binary body optional where the collection chose no file, which Postman sends as no body", () => {
    const file = (body: object) => ({ name: "up", request: { method: "POST", url: "https://x.test/up", body } });
    const model = load({
      item: [
        file({ mode: "file", file: {} }),
        file({ mode: "file", file: { src: "" } }),
        file({ mode: "file", file: { src: "/a.png" } }),
      ],
    });
    expect(model.operations.map((op) => op.args.map((a) => [a.arg, a.type, a.required]))).toEqual([
      [["body", "file", false]],
      [["body", "file", false]],
      [["body", "file", true]],
    ]);
  });

  it("keeps the scheme a URL object's host gives when it has no protocol, as Postman sends it", () => {
    const url = (host: string[], protocol?: string) => ({
      raw: "https://echo.example.com/get",
      ...(protocol ? { protocol } : {}),
      host,
      port: "8443",
      path: ["get"],
    });
    const model = load({
      item: [
        { name: "a", request: { method: "GET", url: url(["https://echo.example.com"]) } },
        { name: "b", request: { method: "GET", url: url(["echo", "example", "com"]) } },
        { name: "c", request: { method: "GET", url: url(["echo", "example", "com"], "https") } },
      ],
    });
    expect(model.operations.map((op) => op.base ?? model.baseUrl)).toEqual([
      "https://echo.example.com:8443",
      "http://echo.example.com:8443",
      "https://echo.example.com:8443",
    ]);
  });

  it("leaves the collection's secrets out: typed secret, named as credentials, or taken by its auth, at any depth", () => {
    const model = load({
      auth: { type: "bearer", bearer: [{ key: "token", value: "{{myTok}}" }] },
      variable: [
        { key: "myTok", value: "{{prodValue}}" },
        { key: "prodValue", value: "COLLVAR-SECRET-999" },
        { key: "hush", value: "TYPED-SECRET-777", type: "secret" },
        { key: "password", value: "NAMED-SECRET-1" },
        { key: "region", value: "eu" },
      ],
      item: [
        {
          name: "f",
          variable: [{ key: "apiKey", value: "FOLDER-SECRET-2" }],
          item: [
            { name: "a", request: { method: "GET", url: "https://x.test/{{region}}" } },
            { name: "b", request: { method: "GET", url: "https://x.test/b" }, variable: [{ key: "tier", value: "1" }] },
          ],
        },
      ],
    });
    const text = JSON.stringify(model);
    for (const secret of ["COLLVAR-SECRET-999", "TYPED-SECRET-777", "NAMED-SECRET-1", "FOLDER-SECRET-2"])
      expect(text).not.toContain(secret);
    expect(model.variables).toEqual([
      { name: "region", default: "eu" },
      { name: "myTok", default: "{{prodValue}}" },
      { name: "prodValue" },
      { name: "hush" },
      { name: "password" },
    ]);
    expect(model.operations.map((op) => op.variables)).toEqual([undefined, { tier: "1" }]);
    // Once per entry, though the folder's is every request's: file, place and key, never the value.
    expect(model.warnings.map((w) => [w.source, w.message.slice(0, w.message.indexOf(":"))])).toEqual([
      [
        "variable[1].value",
        'the value of "prodValue" (the collection sends it as a credential) is left out of the client',
      ],
      ["variable[2].value", 'the value of "hush" (its type is "secret") is left out of the client'],
      ["variable[3].value", 'the value of "password" (its name says it is a credential) is left out of the client'],
      [
        "item[0].variable[0].value",
        'the value of "apiKey" (its name says it is a credential) is left out of the client',
      ],
    ]);
  });

  it("keeps an empty secret a secret, without a warning: nothing of it is left out", () => {
    // Postman exports initial values only, and a secret's is often left empty for a current value.
    const model = load({
      auth: { type: "bearer", bearer: [{ key: "token", value: "{{myTok}}" }] },
      variable: [
        { key: "myTok", value: "" },
        { key: "hush", value: "", type: "secret" },
        { key: "password", value: "" },
        { key: "apiKey", value: "NAMED-SECRET-3" },
      ],
      item: [
        {
          name: "a",
          request: {
            method: "POST",
            url: "https://x.test/a?api_key=",
            header: [{ key: "X-Api-Key", value: "" }],
            body: { mode: "raw", raw: '{"password": "", "secret": ""}', options: { raw: { language: "json" } } },
          },
        },
      ],
    });
    expect(model.variables).toEqual([{ name: "myTok" }, { name: "hush" }, { name: "password" }, { name: "apiKey" }]);
    expect(model.warnings.map((w) => [w.source, w.message.slice(0, w.message.indexOf(":"))])).toEqual([
      ["variable[3].value", 'the value of "apiKey" (its name says it is a credential) is left out of the client'],
    ]);
  });

  it("never copies a literal credential in a header, query parameter or form field; references stay defaults", () => {
    const model = load({
      item: [
        {
          name: "a",
          request: {
            method: "POST",
            url: {
              raw: "https://x.test/a?api_key=QUERY-SECRET-3&page=2",
              host: ["x", "test"],
              path: ["a"],
              query: [
                { key: "api_key", value: "QUERY-SECRET-3" },
                { key: "page", value: "2" },
              ],
            },
            header: [
              { key: "Authorization", value: "Bearer HEADER-SECRET-1" },
              { key: "X-Api-Key", value: "HEADER-SECRET-2", disabled: true },
              { key: "X-Trace", value: "abc" },
            ],
            body: {
              mode: "urlencoded",
              urlencoded: [
                { key: "password", value: "FORM-SECRET-4" },
                { key: "user", value: "ann" },
                { key: "reset_password", value: "false" },
                { key: "new_password", value: "" },
              ],
            },
          },
        },
        {
          name: "b",
          request: {
            method: "GET",
            url: "https://x.test/b",
            header: [{ key: "Authorization", value: "Bearer {{token}}" }],
          },
        },
      ],
    });
    const text = JSON.stringify(model);
    for (const secret of ["HEADER-SECRET-1", "HEADER-SECRET-2", "QUERY-SECRET-3", "FORM-SECRET-4"])
      expect(text).not.toContain(secret);
    const values = (i: number) => model.operations[i]!.args.map((a) => [a.name, a.default ?? a.example]);
    expect(values(0)).toEqual([
      ["api_key", undefined],
      ["page", "2"],
      ["Authorization", undefined],
      ["X-Api-Key", undefined],
      ["X-Trace", "abc"],
      ["password", undefined],
      ["user", "ann"],
      ["reset_password", "false"],
      ["new_password", ""],
    ]);
    expect(values(1)).toEqual([["Authorization", "Bearer {{token}}"]]);
    expect(model.warnings.map((w) => [w.source, w.message])).toEqual(
      [
        ["request.url.query[0]", 'query parameter "api_key"'],
        ["request.header[0]", 'header "Authorization"'],
        ["request.header[1]", 'header "X-Api-Key"'],
        ["request.body.urlencoded[0]", 'body field "password"'],
      ].map(([where, what]) => [
        `item[0].${where}`,
        `the value of ${what} is left out of the client (its name says it holds a credential): pass it when calling, or refer to a variable`,
      ]),
    );
  });

  it("never copies a secret that only its name tells: a signature, an HMAC, a session, a cookie, a PIN, a passcode", () => {
    const model = load({
      item: [
        {
          name: "a",
          request: {
            method: "POST",
            url: {
              raw: "https://x.test/a?sig=SAS-SECRET-1&signature_method=HMAC-SHA1&SignatureVersion=2",
              host: ["x", "test"],
              path: ["a"],
              query: [
                { key: "sig", value: "SAS-SECRET-1" },
                { key: "signature_method", value: "HMAC-SHA1" },
                { key: "SignatureVersion", value: "2" },
              ],
            },
            header: [
              { key: "X-Hub-Signature-256", value: "sha256=SIG-SECRET-2" },
              { key: "X-Shopify-Hmac-Sha256", value: "HMAC-SECRET-3" },
              { key: "X-Session", value: "SESSION-SECRET-4" },
              { key: "Cookie", value: "sid=COOKIE-SECRET-5" },
              { key: "Digest", value: "sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=" },
            ],
            body: {
              mode: "urlencoded",
              urlencoded: [
                { key: "leader_pin", value: "PIN-SECRET-6" },
                { key: "passcode", value: "PASSCODE-SECRET-7" },
                { key: "otp", value: "OTP-SECRET-8" },
                { key: "stream_key", value: "STREAM-SECRET-9" },
                { key: "pin_code", value: "560001" },
                { key: "sessionId", value: "s-1" },
              ],
            },
          },
        },
      ],
    });
    const text = JSON.stringify(model);
    for (let i = 1; i <= 9; i++) expect(text).not.toMatch(new RegExp(`SECRET-${i}\\b`));
    expect(model.operations[0]!.args.map((a) => [a.name, a.default ?? a.example])).toEqual([
      ["sig", undefined],
      ["signature_method", "HMAC-SHA1"],
      ["SignatureVersion", "2"],
      ["X-Hub-Signature-256", undefined],
      ["X-Shopify-Hmac-Sha256", undefined],
      ["X-Session", undefined],
      ["Cookie", undefined],
      ["Digest", "sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE="],
      ["leader_pin", undefined],
      ["passcode", undefined],
      ["otp", undefined],
      ["stream_key", undefined],
      ["pin_code", "560001"],
      ["sessionId", "s-1"],
    ]);
    // Each named by its place, never its value.
    expect(model.warnings.map((w) => [w.source, w.message])).toEqual(
      [
        ["request.url.query[0]", 'query parameter "sig"'],
        ["request.header[0]", 'header "X-Hub-Signature-256"'],
        ["request.header[1]", 'header "X-Shopify-Hmac-Sha256"'],
        ["request.header[2]", 'header "X-Session"'],
        ["request.header[3]", 'header "Cookie"'],
        ["request.body.urlencoded[0]", 'body field "leader_pin"'],
        ["request.body.urlencoded[1]", 'body field "passcode"'],
        ["request.body.urlencoded[2]", 'body field "otp"'],
        ["request.body.urlencoded[3]", 'body field "stream_key"'],
      ].map(([where, what]) => [
        `item[0].${where}`,
        `the value of ${what} is left out of the client (its name says it holds a credential): pass it when calling, or refer to a variable`,
      ]),
    );
  });

  it("leaves out credentials written into values whatever their names: URL user info, query credentials, auth schemes", () => {
    const model = load({
      variable: [
        { key: "host", value: "https://bob:VAR-PASSWORD-1@api.x.test" },
        { key: "tokenUrl", value: "https://auth.x.test/token?client_secret=VAR-SECRET-2&audience=all#top" },
        { key: "mirror", value: "https://{{user}}:{{pass}}@mirror.x.test" },
        { key: "note", value: "who? what=this" },
      ],
      item: [
        {
          name: "a",
          variable: [{ key: "proxy", value: "http://p:ITEM-PASSWORD-3@proxy.x.test:8080/" }],
          request: {
            method: "GET",
            url: "{{host}}/a?callback=https://cb:QUERY-PASSWORD-4@cb.x.test/done",
            header: [
              { key: "X-Custom", value: "Bearer HEADER-BEARER-5" },
              { key: "X-Legacy", value: "basic SEVKRVI=" },
              { key: "X-Other", value: 'Digest username="ann", response="HEADER-DIGEST-6"' },
              { key: "X-Api", value: "Token HEADER-TOKEN-7" },
              { key: "X-Forward", value: "Bearer {{token}}" },
              { key: "X-Ring", value: "Bearer" },
            ],
          },
        },
      ],
    });
    const text = JSON.stringify(model);
    for (const secret of [
      "PASSWORD-1",
      "SECRET-2",
      "PASSWORD-3",
      "PASSWORD-4",
      "BEARER-5",
      "SEVKRVI",
      "DIGEST-6",
      "TOKEN-7",
    ])
      expect(text).not.toContain(secret);
    expect(defaultsOf(model)).toMatchObject({
      host: "https://api.x.test",
      tokenUrl: "https://auth.x.test/token?client_secret=&audience=all#top",
      mirror: "https://{{user}}:{{pass}}@mirror.x.test",
      note: "who? what=this",
    });
    expect(model.operations[0]!.variables).toEqual({ proxy: "http://proxy.x.test:8080/" });
    expect(model.operations[0]!.args.map((a) => [a.name, a.default ?? a.example])).toEqual([
      ["callback", "https://cb.x.test/done"],
      ["X-Custom", undefined],
      ["X-Legacy", undefined],
      ["X-Other", undefined],
      ["X-Api", undefined],
      ["X-Forward", "Bearer {{token}}"],
      ["X-Ring", "Bearer"],
    ]);
    const warned = model.warnings.map((w) => [w.source, w.message]);
    expect(warned.map(([source]) => source)).toEqual(
      expect.arrayContaining([
        "variable[0].value",
        "variable[1].value",
        "item[0].variable[0].value",
        "item[0].request.url.query[0]",
        "item[0].request.header[0]",
        "item[0].request.header[1]",
        "item[0].request.header[2]",
        "item[0].request.header[3]",
      ]),
    );
    expect(warned).toHaveLength(8);
    expect(warned.find(([source]) => source === "variable[1].value")![1]).toContain('"client_secret"');
    expect(warned.find(([source]) => source === "item[0].request.header[0]")![1]).toContain("auth scheme");
  });

  it("leaves a literal credential out of a JSON body at any depth, keeping its field's type and its references", () => {
    const raw = (value: unknown) => ({
      mode: "raw",
      raw: JSON.stringify(value),
      options: { raw: { language: "json" } },
    });
    const model = load({
      item: [
        {
          name: "a",
          request: {
            method: "POST",
            url: "https://x.test/a",
            body: raw({
              client_id: "cid-1",
              secret: "JSON-SECRET-1",
              access_token: "JSON-SECRET-2",
              next_page_token: "pg-2",
              user: {
                name: "{{name}}",
                password: "JSON-SECRET-3",
                "x-api-key": 987654,
                password_policy: "strict",
                remember_password: true,
                new_password: "",
                session_token: "{{sess}}",
                tokens: ["JSON-SECRET-4", "JSON-SECRET-5"],
                credentials: { username: "bob", passphrase: "JSON-SECRET-6" },
              },
            }),
          },
        },
        { name: "b", request: { method: "POST", url: "https://x.test/b", body: raw([{ password: "JSON-SECRET-7" }]) } },
        {
          name: "c",
          request: {
            method: "POST",
            url: "https://x.test/c",
            body: { mode: "graphql", graphql: { query: "{ me }", variables: '{"apiKey": "JSON-SECRET-8", "n": 1}' } },
          },
        },
      ],
    });
    const text = JSON.stringify(model);
    for (let i = 1; i <= 8; i++) expect(text).not.toContain(`JSON-SECRET-${i}`);
    expect(text).not.toContain("987654");
    const a = model.operations[0]!.args;
    expect(a.map((arg) => [arg.name, arg.default ?? arg.example])).toEqual([
      ["client_id", "cid-1"],
      ["secret", undefined],
      ["access_token", undefined],
      ["next_page_token", "pg-2"],
      [
        "user",
        {
          name: "{{name}}",
          password_policy: "strict",
          remember_password: true,
          new_password: "",
          session_token: "{{sess}}",
          credentials: { username: "bob" },
        },
      ],
    ]);
    // The types are the body's as written: a field whose value is left out keeps its type (optional,
    // as every key sent is: src/model/infer.ts, rule 3).
    expect(a[1]!.shape).toEqual({ kind: "string" });
    expect(a[4]!.shape).toMatchObject({
      properties: expect.arrayContaining([
        { name: "password", shape: { kind: "string" }, optional: true },
        { name: "x-api-key", shape: { kind: "number" }, optional: true },
        { name: "tokens", shape: { kind: "array", items: { kind: "string" } }, optional: true },
      ]),
    });
    expect(model.operations[1]!.args.map((arg) => [arg.example, arg.shape])).toEqual([
      [[{}], { kind: "array", items: { kind: "object", properties: [expect.objectContaining({ name: "password" })] } }],
    ]);
    expect(model.operations[2]!.args[0]!.default).toEqual({ query: "{ me }", variables: { n: 1 } });
    // One warning per value, naming its place in the body and never the value.
    expect(model.warnings.map((w) => [w.source, w.message])).toEqual(
      [
        ["item[0].request.body.raw", "$.secret"],
        ["item[0].request.body.raw", "$.access_token"],
        ["item[0].request.body.raw", "$.user.password"],
        ["item[0].request.body.raw", '$.user["x-api-key"]'],
        ["item[0].request.body.raw", "$.user.tokens[0]"],
        ["item[0].request.body.raw", "$.user.tokens[1]"],
        ["item[0].request.body.raw", "$.user.credentials.passphrase"],
        ["item[1].request.body.raw", "$[0].password"],
        ["item[2].request.body.graphql.variables", "$.apiKey"],
      ].map(([where, path]) => [
        where,
        `the value of body field ${path} is left out of the client (its name says it holds a credential): pass it when calling, or refer to a variable`,
      ]),
    );
  });

  it("never lets the body's own Content-Type become an argument (the body keeps it), and keeps other headers", () => {
    const model = load({
      item: [
        {
          name: "r",
          request: {
            method: "POST",
            url: "https://x.test/a",
            header: [
              { key: "Content-Type", value: "multipart/form-data" },
              { key: "X-Request-Id", value: "<uuid>", description: "(Required) Trace id" },
            ],
            body: { mode: "formdata", formdata: [{ key: "name", value: "n", type: "text" }] },
          },
        },
      ],
    });
    expect(model.operations[0]!.args.map((a) => [a.arg, a.in, a.required, a.typeHint])).toEqual([
      ["X-Request-Id", "header", true, "uuid"],
      ["name", "body", false, undefined],
    ]);
    // Sent only when the form is empty, as Postman sends it; with fields fetch writes it with the boundary.
    expect(model.operations[0]!.body).toEqual({ encoding: "multipart", contentType: "multipart/form-data" });
  });

  it("makes a query key or form field given several times one list argument at its first place", () => {
    const model = load({
      item: [
        {
          name: "r",
          request: {
            method: "POST",
            url: {
              raw: "",
              protocol: "https",
              host: ["x", "test"],
              path: ["pets"],
              query: [
                { key: "status", value: "available" },
                { key: "limit", value: "<integer>" },
                { key: "status", value: "pending" },
                { key: "status", value: "sold", disabled: true },
                { key: "tag", value: "{{tag}}" },
                { key: "tag", value: "<string>" },
              ],
            },
            body: {
              mode: "urlencoded",
              urlencoded: [
                { key: "MediaUrl", value: "https://a.test/1.png" },
                { key: "To", value: "+1555" },
                { key: "MediaUrl", value: "https://a.test/2.png", description: "(Required) media" },
              ],
            },
          },
        },
      ],
    });
    const op = model.operations[0]!;
    expect(op.args.map((a) => [a.arg, a.in, a.required, a.example, a.default, a.disabled, a.repeatable])).toEqual([
      ["status", "query", false, ["available", "pending"], undefined, undefined, true],
      ["limit", "query", false, undefined, undefined, undefined, true],
      ["query_status", "query", false, "sold", undefined, true, true],
      ["tag", "query", false, undefined, ["{{tag}}", "<string>"], undefined, true],
      ["MediaUrl", "body", true, ["https://a.test/1.png", "https://a.test/2.png"], undefined, undefined, true],
      ["To", "body", false, "+1555", undefined, undefined, true],
    ]);
    expect(op.args.filter((a) => a.in === "path" || a.in === "header").every((a) => a.repeatable === undefined)).toBe(
      true,
    );
  });

  it("makes an enabled query key without a value part of the request, sent alone, as Postman reads `?uploads`", () => {
    const model = load({
      item: [
        { name: "raw", request: { method: "POST", url: "https://s3.test/b/k?uploads&partNumber=1&empty=" } },
        {
          name: "object",
          request: {
            method: "GET",
            url: {
              host: ["s3", "test"],
              path: ["b"],
              query: [
                { key: "versions" },
                { key: "acl", value: null },
                { key: "torrent", value: null, disabled: true },
              ],
            },
          },
        },
      ],
    });
    const [raw, object] = model.operations;
    expect(raw!.bareQuery).toEqual(["uploads"]);
    expect(raw!.args.map((a) => [a.name, a.example])).toEqual([
      ["partNumber", "1"],
      ["empty", ""],
    ]);
    expect(object!.bareQuery).toEqual(["versions", "acl"]);
    // A disabled one is sent only when passed, as before.
    expect(object!.args.map((a) => [a.name, a.disabled])).toEqual([["torrent", true]]);
  });

  it("keeps the item's Content-Type of a form body, sent when the form is empty", () => {
    const model = load({
      item: [
        {
          name: "r",
          request: {
            method: "DELETE",
            url: "https://x.test/a",
            header: [{ key: "Content-Type", value: "application/x-www-form-urlencoded" }],
            body: { mode: "urlencoded", urlencoded: [] },
          },
        },
      ],
    });
    expect(model.operations[0]!.body).toEqual({
      encoding: "urlencoded",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(model.operations[0]!.args).toEqual([]);
  });

  it("keeps keys that collide across places apart", () => {
    const model = load({
      item: [
        {
          name: "r",
          request: {
            method: "POST",
            url: "https://x.test/a/:id?id=1",
            body: { mode: "urlencoded", urlencoded: [{ key: "id", value: "2" }] },
          },
        },
      ],
    });
    expect(model.operations[0]!.args.map((a) => [a.arg, a.name, a.in])).toEqual([
      ["id", "id", "path"],
      ["query_id", "id", "query"],
      ["body_id", "id", "body"],
    ]);
  });

  it("reports what it leaves out, naming the item", () => {
    const model = load({
      item: [
        { name: "empty" },
        { name: "r", request: { method: "GET", url: "https://x.test" }, response: [{ name: "no code" }] },
      ],
    });
    expect(model.warnings).toEqual([
      { source: "item[0]", message: 'item "empty" has neither a request nor items: left out' },
      {
        source: "item[1].response[0]",
        message: 'example response "no code" has no status code: left out of the types and the mocks',
      },
    ]);
  });

  it("refuses what does not match the format, listing every problem with its place", () => {
    expect(() =>
      load({
        item: [
          { name: "a", request: { method: "GET", url: "https://x.test" } },
          "oops",
          { name: 7, request: { method: "GET", url: 5 } },
        ],
      }),
    ).toThrow(
      "c.json at item[1]: does not match the Postman collection format (3 problems):\n  - item[1]: must be object\n  - item[2].name: must be string\n  - item[2].request.url: must be string or object",
    );
  });
});

describe("the request model", () => {
  const one = (request: object, extra: object = {}) => load({ item: [{ name: "r", request, ...extra }] });

  it("sends header values and {{variable}} values by default; other values are examples; disabled entries are optional", () => {
    const op = one({
      method: "GET",
      url: {
        raw: "",
        protocol: "https",
        host: ["x", "test"],
        path: ["a", ":id"],
        query: [
          { key: "q", value: "ut amet" },
          { key: "acct", value: "{{account_id}}" },
          { key: "off", value: "1", disabled: true },
        ],
        variable: [{ key: "id", value: "{{userId}}" }],
      },
      header: [
        { key: "SdkVersion", value: "postman-graph/v1.0" },
        { key: "Prefer", value: "x", disabled: true },
      ],
    }).operations[0]!;
    expect(op.args.map((a) => [a.arg, a.required, a.example, a.default, a.disabled])).toEqual([
      ["id", false, undefined, "{{userId}}", undefined],
      ["q", false, "ut amet", undefined, undefined],
      ["acct", false, undefined, "{{account_id}}", undefined],
      ["off", false, "1", undefined, true],
      ["SdkVersion", false, "postman-graph/v1.0", "postman-graph/v1.0", undefined],
      ["Prefer", false, "x", undefined, true],
    ]);
  });

  it("prefixes keys that name a member of every object with their place, as it does keys used twice", () => {
    const op = one({
      method: "GET",
      url: {
        raw: "",
        protocol: "https",
        host: ["x", "test"],
        path: [":toString"],
        query: [
          { key: "constructor", value: "a", disabled: true },
          { key: "id", value: "1" },
        ],
        variable: [{ key: "toString", value: "v" }],
      },
      header: [
        { key: "valueOf", value: "x" },
        { key: "id", value: "2" },
      ],
    }).operations[0]!;
    expect(op.args.map((a) => [a.arg, a.name, a.in])).toEqual([
      ["path_toString", "toString", "path"],
      ["query_constructor", "constructor", "query"],
      ["id", "id", "query"],
      ["header_valueOf", "valueOf", "header"],
      ["header_id", "id", "header"],
    ]);
  });

  it("leaves out header values fetch cannot send (control characters, beyond Latin-1), with a warning each", () => {
    const model = one({
      method: "GET",
      url: "https://x.test/a",
      header: [
        { key: "X-Name", value: "名前" },
        { key: "X-Bell", value: "a\u0007" },
        { key: "X-Cafe", value: "café" },
      ],
    });
    expect(model.operations[0]!.args.map((a) => a.arg)).toEqual(["X-Cafe"]);
    expect(model.warnings).toEqual([
      {
        source: "item[0].request.header[0]",
        message:
          'the value of header "X-Name" has characters beyond Latin-1, which fetch cannot send in a header: left out',
      },
      {
        source: "item[0].request.header[1]",
        message: 'the value of header "X-Bell" has control characters, which HTTP does not allow: left out',
      },
    ]);
  });

  it("keeps a header whose name refers to variables, which the client fills when it sends, unless no filling makes it a name", () => {
    // Postman fills `{{tenantHeader}}` when it sends, and so does the client (runtime/header-names.ts;
    // newman beside it: test/e2e/header-names.test.ts). The space in `X {{b}}` stays whatever `b` holds.
    const model = one({
      method: "GET",
      url: "https://x.test/a",
      header: [
        { key: "{{tenantHeader}}", value: "acme" },
        { key: "X-{{part}}-Id", value: "7" },
        { key: "X {{b}}", value: "1" },
      ],
    });
    expect(model.operations[0]!.args.map((a) => [a.arg, a.name, a.in, a.default])).toEqual([
      ["{{tenantHeader}}", "{{tenantHeader}}", "header", "acme"],
      ["X-{{part}}-Id", "X-{{part}}-Id", "header", "7"],
    ]);
    expect(model.warnings.map((w) => [w.source, w.message])).toEqual([
      [
        "item[0].request.header[2]",
        'header "X {{b}}" is left out: its name is not valid in HTTP, whatever its variables hold, so fetch cannot send it',
      ],
    ]);
  });

  it("reads raw JSON bodies into one argument per top-level key, with types and defaults; an unquoted {{variable}} any JSON value", () => {
    const op = one({
      method: "POST",
      url: "https://x.test/a",
      header: [{ key: "Content-Type", value: "application/json" }],
      body: { mode: "raw", raw: '{"client_id": "{{client_id}}", "count": 2, "access_token": {{access_token}}}' },
    });
    const [operation] = op.operations;
    expect(operation!.body).toEqual({ encoding: "json", contentType: "application/json" });
    // Postman pastes an unquoted variable's text: the field is what that text is, sent unquoted
    // (typed from the variable's values once the scopes are known: test/e2e/json-body-variables).
    expect(operation!.args.map((a) => [a.arg, a.type, a.shape?.kind, a.example, a.default, a.unquoted])).toEqual([
      ["client_id", "json", "string", undefined, "{{client_id}}", undefined],
      ["count", "json", "number", 2, undefined, undefined],
      ["access_token", "json", "unknown", undefined, "{{access_token}}", [[]]],
    ]);
    expect(op.warnings).toEqual([]);
  });

  it("reads other raw bodies, file, graphql and urlencoded bodies", () => {
    const model = load({
      item: [
        {
          name: "xml",
          request: {
            method: "POST",
            url: "https://x.test",
            body: { mode: "raw", raw: "<a/>", options: { raw: { language: "xml" } } },
          },
        },
        {
          name: "list",
          request: {
            method: "POST",
            url: "https://x.test",
            body: { mode: "raw", raw: "[1]", options: { raw: { language: "json" } } },
          },
        },
        {
          name: "file",
          request: {
            method: "PUT",
            url: "https://x.test",
            header: [{ key: "Content-Type", value: "image/png" }],
            body: { mode: "file", file: { src: "/a.png" } },
          },
        },
        {
          name: "gql",
          request: {
            method: "POST",
            url: "https://x.test",
            body: { mode: "graphql", graphql: { query: "{ a }", variables: '{"x": 1}' } },
          },
        },
        {
          name: "form",
          request: {
            method: "POST",
            url: "https://x.test",
            body: { mode: "urlencoded", urlencoded: [{ key: "a", value: "1" }] },
          },
        },
        { name: "get", request: { method: "GET", url: "https://x.test", body: { mode: "raw", raw: "ignored" } } },
      ],
    });
    expect(
      model.operations.map((op) => [
        op.name,
        op.body,
        op.args.map((a) => [a.arg, a.type, a.required, a.example ?? a.default]),
      ]),
    ).toEqual([
      // Typed by their language, which Postman sends only with a body that is not empty.
      [
        "xml",
        { encoding: "raw", contentType: "application/xml", languageType: true },
        [["body", undefined, true, "<a/>"]],
      ],
      ["list", { encoding: "raw", contentType: "application/json", languageType: true }, [["body", "json", true, [1]]]],
      ["file", { encoding: "binary", contentType: "image/png" }, [["body", "file", true, undefined]]],
      // The saved query and variables are sent when the caller passes none, as newman sends them.
      ["gql", { encoding: "graphql" }, [["body", "json", false, { query: "{ a }", variables: { x: 1 } }]]],
      ["form", { encoding: "urlencoded" }, [["a", undefined, false, "1"]]],
      ["get", undefined, []],
    ]);
    expect(model.warnings).toEqual([
      { source: "item[5].request.body", message: "a GET request cannot carry a body in fetch: the body is left out" },
    ]);
  });

  it("reads every auth type, keeps only variable references of credentials, and inherits", () => {
    const model = load({
      auth: {
        type: "apikey",
        apikey: [
          { key: "key", value: "X-Key" },
          { key: "value", value: "{{apiKey}}" },
          { key: "in", value: "header" },
        ],
      },
      item: [
        { name: "inherit", request: { method: "GET", url: "https://x.test", auth: { type: "inherit" } } },
        {
          name: "bearer",
          request: {
            method: "GET",
            url: "https://x.test",
            auth: { type: "bearer", bearer: [{ key: "token", value: "{{UserAccessToken}}" }] },
          },
        },
        {
          name: "literal",
          request: {
            method: "GET",
            url: "https://x.test",
            auth: { type: "bearer", bearer: { token: "sk_live_secret" } },
          },
        },
        {
          name: "basic",
          request: {
            method: "GET",
            url: "https://x.test",
            auth: { type: "basic", basic: [{ key: "username", value: "{{user}}" }] },
          },
        },
        { name: "oauth1", request: { method: "GET", url: "https://x.test", auth: { type: "oauth1", oauth1: [] } } },
        { name: "ntlm", request: { method: "GET", url: "https://x.test", auth: { type: "ntlm", ntlm: [] } } },
      ],
    });
    expect(model.operations.map((op) => op.auth)).toEqual([
      { type: "apikey", in: "header", name: "X-Key", value: "{{apiKey}}" },
      { type: "bearer", from: "bearer", token: "{{UserAccessToken}}" },
      { type: "bearer", from: "bearer", token: "{{bearer.token}}" },
      { type: "basic", username: "{{user}}" },
      { type: "oauth1" },
      {
        type: "custom",
        scheme: "ntlm",
        reason: "NTLM authenticates a connection, not a request, and fetch does not expose its connections",
      },
    ]);
    expect(model.warnings).toEqual([
      {
        source: "item[2].request.auth",
        message:
          'the bearer auth holds a literal token; secrets are not copied into the client, which asks for it at run time: pass it as a client option or as variables: { "bearer.token": … }',
      },
    ]);
  });

  // fetch throws on such a name: every call of the client failed, after a generate that said nothing.
  it("refuses an API key in a header fetch cannot send, naming the parameter's place", () => {
    const apikey = (key: string, place = "header") => [
      { key: "value", value: "{{apiKey}}" },
      { key: "key", value: key },
      { key: "in", value: place },
    ];
    const request = (auth: object) => ({ name: "r", request: { method: "GET", url: "https://x.test", auth } });
    const refusal = (auth: object, folderAuth?: object) => {
      try {
        load({ item: [request({ type: "noauth" }), { name: "f", auth: folderAuth, item: [request(auth)] }] });
      } catch (error) {
        return (error as Error).message;
      }
      return "loaded";
    };
    const invalid = "its name is not valid in HTTP, so fetch cannot send it";
    expect(refusal({ type: "apikey", apikey: apikey("X`<b>`|") })).toBe(
      `c.json at item[1].item[0].request.auth.apikey[1]: the API key cannot be sent in the header "X\`<b>\`|": ${invalid}`,
    );
    expect(refusal({ type: "apikey", apikey: apikey("X-Key\nInjected: 1") })).toMatch(
      /^c\.json at item\[1\]\.item\[0\]\.request\.auth\.apikey\[1\]: .*"X-Key\\nInjected: 1": its name is not valid/,
    );
    // The v2.0 form, an auth inherited from the folder, the header names fetch owns, text around a variable.
    expect(refusal({ type: "apikey", apikey: { key: "X Key", value: "k" } })).toMatch(
      /^c\.json at item\[1\]\.item\[0\]\.request\.auth\.apikey\.key: /,
    );
    expect(refusal({ type: "inherit" }, { type: "apikey", apikey: apikey("a b") })).toMatch(
      /^c\.json at item\[1\]\.auth\.apikey\[1\]: /,
    );
    expect(refusal({ type: "apikey", apikey: apikey("Host") })).toMatch(/"Host": fetch sets it from the URL/);
    expect(refusal({ type: "apikey", apikey: apikey("__proto__") })).toMatch(/"__proto__": Node's fetch drops/);
    expect(refusal({ type: "apikey", apikey: apikey("X {{tenant}}") })).toMatch(
      /"X \{\{tenant\}\}": its name is not valid/,
    );
    // Sendable: any name in the query, a token, variables (filled by the client) with token text around them.
    for (const auth of [apikey("X`<b>` |", "query"), apikey("X-Key"), apikey("X-{{tenant}}-Key"), apikey("{{header}}")])
      expect(refusal({ type: "apikey", apikey: auth })).toBe("loaded");
  });

  it("names methods by folder namespaces, and exports without collisions", () => {
    const model = load({
      item: [
        {
          name: "Users",
          item: [
            { name: "Get a channel", request: "https://x.test/1" },
            { name: "{user Id}", item: [{ name: "Get a channel", request: "https://x.test/2" }] },
          ],
        },
        { name: "Get a channel", request: "https://x.test/3" },
        { name: "users", request: "https://x.test/4" },
      ],
    });
    expect(model.operations.map((op) => [op.namespace.join("."), op.name, op.exportName])).toEqual([
      ["users", "getAChannel", "usersGetAChannel"],
      ["users.userId", "getAChannel", "usersUserIdGetAChannel"],
      ["", "getAChannel", "getAChannel"],
      ["", "users2", "users"],
    ]);
  });

  // loadCollection is the programmatic API's: emitPackage(loadCollection(file)) must give the
  // package generate gives, so it names against the same table of the package's own names.
  it("numbers export names around the package's own names, as generate does", () => {
    const model = load({
      item: [
        { name: "Create client", request: "https://x.test/1" },
        { name: "To file", request: "https://x.test/2" },
      ],
    });
    expect(model.operations.map((op) => [op.name, op.exportName])).toEqual([
      ["createClient", "createClient2"],
      ["toFile", "toFile2"],
    ]);
  });

  it("lists the scripts Postman would run and the variables they set", () => {
    const model = load({
      event: [
        { listen: "prerequest", script: { exec: [""] } },
        { listen: "test", script: { exec: ["pm.test('x', () => {});"] } },
      ],
      item: [
        {
          name: "f",
          event: [{ listen: "prerequest", script: { exec: ["const a = 1;", 'pm.environment.set("token", a);'] } }],
          item: [
            {
              name: "r",
              request: "https://x.test",
              event: [{ listen: "test", script: { exec: "postman.setEnvironmentVariable('id', 2)" } }],
            },
          ],
        },
      ],
    });
    expect(model.operations[0]!.scripts).toEqual([
      { listen: "test", scope: "collection", source: "event[1]", lines: 1, sets: [] },
      { listen: "prerequest", scope: "folder", source: "item[0].event[0]", lines: 2, sets: ["token"] },
      { listen: "test", scope: "request", source: "item[0].item[0].event[0]", lines: 1, sets: ["id"] },
    ]);
    // None is run: a warning per kind says where they are and what to do instead.
    expect(model.warnings).toEqual([
      {
        source: "item[0].event[0]",
        message:
          "1 pre-request script (item[0]) is not run by the client: what it does before a request (sign it, set variables or headers) is not done, so give it otherwise: the auth in the collection's auth settings (the client signs what they say), the variables it sets ({{token}}) in variables, headers in an onRequest hook",
      },
      {
        source: "event[1]",
        message:
          "2 test scripts (the collection, item[0].item[0]) are not run by the client: check the responses in your own code",
      },
    ]);
  });

  it("warns once of the pre-request scripts that sign Twitter Ads' noauth requests, which go out as the auth says", async () => {
    const model = await loadCollection(join(FIXTURE_COLLECTIONS, "twitter-ads-api.postman_collection.json"));
    const scripts = model.warnings.filter((w) => / scripts? \(/.test(w.message));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.message).toMatch(
      /^21 pre-request scripts \(item\[0\]\.item\[0\]\.item\[0\], item\[0\]\.item\[1\]\.item\[1\], item\[0\]\.item\[4\]\.item\[0\], and 18 more\) are not run by the client: /,
    );
  });

  it("documents the error code a saved error example's body holds, where the runtime reads it", () => {
    const json = [{ key: "Content-Type", value: "application/json" }];
    const saved = (code: number, body: unknown, name = `Example ${code}`) => ({
      name,
      code,
      header: json,
      body: JSON.stringify(body),
    });
    // Each place and key the client reads a code and a message from (runtime/response.ts).
    const bodies: Array<[number, unknown]> = [
      [404, { error: { code: "user_not_found", message: "No such user" } }],
      [404, { error: { code: "user_not_found", message: "Said again" } }],
      [400, { errors: [{ code: 215, message: "Bad authentication data." }] }],
      [400, { error_code: "INVALID_FIELD", error_message: "a field is wrong" }],
      [409, { code: "taken" }],
      [500, "not an object"],
      // A success's `code` is its data, not an error's.
      [200, { code: "ok", message: "fine" }],
    ];
    const op = one(
      { method: "GET", url: "https://x.test" },
      {
        response: [
          ...bodies.map(([status, body]) => saved(status, body)),
          // A code the name documents bare takes the message of a body that has it; one the name
          // describes keeps the name's words.
          saved(
            401,
            { code: 124, message: "Invalid access token." },
            "**HTTP Status Code:** `401`<br>**Error Code:** `124`",
          ),
          saved(
            403,
            { code: 200, message: "No permission." },
            "**HTTP Status Code:** `403`<br>**Error Code:** `200`<br>Not allowed.",
          ),
        ],
      },
    ).operations[0]!;
    const codes = Object.fromEntries(op.responses.map((r) => [r.status, r.errorCodes]));
    expect(codes).toEqual({
      200: [],
      400: [
        { code: 215, description: "Bad authentication data." },
        { code: "INVALID_FIELD", description: "a field is wrong" },
      ],
      401: [{ code: 124, description: "Invalid access token." }],
      403: [{ code: 200, description: "Not allowed." }],
      404: [{ code: "user_not_found", description: "No such user" }],
      409: [{ code: "taken", description: "" }],
      500: [],
    });
    // The same rule as the client's, not a copy of it: each error example's code is what the
    // client reads from that body.
    for (const r of op.responses.filter((r) => r.status >= 400))
      for (const e of r.examples) {
        const { code } = apiWords(JSON.parse(e.body));
        if (code !== undefined) expect(r.errorCodes.map((c) => c.code)).toContain(code);
      }
  });

  it("infers response statuses from reason phrases and merges JSON shapes of a status", () => {
    const op = one(
      { method: "GET", url: "https://x.test" },
      {
        response: [
          { name: "OK", body: '{"a": 1}', header: [{ key: "Content-Type", value: "application/json" }] },
          { name: "Second", code: 200, body: '{"a": 2, "b": "x"}', _postman_previewlanguage: "json" },
        ],
      },
    ).operations[0]!;
    expect(op.responses.map((r) => [r.status, r.examples.length, r.shape])).toEqual([
      [
        200,
        2,
        {
          kind: "object",
          properties: [
            { name: "a", shape: { kind: "number" }, optional: false },
            { name: "b", shape: { kind: "string" }, optional: true },
          ],
        },
      ],
    ]);
  });
});

describe("a collection without requests", () => {
  it("warns once, at its item list, that the client has no methods (Adyen's webhook-only ones)", async () => {
    const model = await loadCollection(join(FIXTURES, "no-requests.postman_collection.json"));
    expect(model.operations).toEqual([]);
    expect(model.warnings).toEqual([
      { source: "item", message: "the collection has no requests: the client has no methods" },
    ]);
    // Only folders, empty: no request either.
    const folders = load({ item: [{ name: "hooks", item: [] }] });
    expect(folders.warnings.map((w) => [w.source, w.message])).toEqual([
      ["item", "the collection has no requests: the client has no methods"],
    ]);
  });

  it("says so of a selection that leaves out every request, and nothing of one that keeps some", async () => {
    const none = await loadCollection(SEED_COLLECTION, { select: () => false });
    expect(none.warnings.map((w) => [w.source, w.message])).toEqual([
      ["item", "the target's include and exclude leave out every request of the collection: the client has no methods"],
    ]);
    expect((await loadCollection(SEED_COLLECTION, { select: () => true })).warnings).toEqual([]);
  });
});
