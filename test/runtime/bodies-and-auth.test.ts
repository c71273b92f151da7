// Body encodings, variables and auth kinds of the runtime, against a real HTTP server.
import { describe, expect, it } from "vitest";
import type { ClientOptions } from "../../src/runtime/core.js";
import { encoderFor } from "../../src/command-line/dispatch.js";
import * as bodies from "../../src/runtime/bodies.js";
import { encodeMultipart, encodeMultipartText, encoderName } from "../../src/runtime/bodies.js";
import { dynamicVariable } from "../../src/runtime/dynamic.js";
import { ValidationError } from "../../src/runtime/errors.js";
import type { ArgSpec, OperationSpec } from "../../src/runtime/spec.js";
import { testOperation } from "../helpers/operation.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";

const server = useRecordingServer();

const base = testOperation({ method: "POST", path: "/things" });
const call = (op: Partial<OperationSpec>, args: unknown = {}, options: ClientOptions<object> = {}) =>
  testCore({ baseUrl: server.url, ...options }, { baseUrl: server.url, variables: { version: "v1" } }).call(
    { ...base, ...op },
    args,
  );

describe("variables", () => {
  it("fills {{variables}} in the base and the path: caller's, then the operation's scopes, then the collection's", async () => {
    await call(
      { path: "/{{version}}/{{team}}/x" },
      {},
      { baseUrl: `${server.url}/{{prefix}}`, variables: { prefix: "api", team: "t 1" } },
    );
    expect(server.requests[0]!.path).toBe("/api/v1/t%201/x");
    await call({ path: "/{{version}}", variables: { version: "v2" } });
    expect(server.requests[1]!.path).toBe("/v2");
  });

  it("a variable without a value that an argument's default refers to: the error names the argument too, which works", async () => {
    const op = {
      method: "GET",
      args: [
        { arg: "Plaid-Version", name: "Plaid-Version", in: "header", required: false, default: "{{plaid_version}}" },
      ],
    } as const;
    const error = (await call(op).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(
      'op: variable {{plaid_version}} has no value: pass it as createClient({ variables: { "plaid_version": … } }). Or pass the argument "Plaid-Version", whose default refers to it',
    );
    expect(error.missing).toEqual({ variable: "plaid_version", argument: "Plaid-Version" });
    expect(server.requests).toHaveLength(0);
    await call(op, { "Plaid-Version": "2020-09-14" });
    expect(server.requests[0]!.headers["plaid-version"]).toBe("2020-09-14");
  });

  it("a path argument's default the same: the error names the argument, which works", async () => {
    const op = {
      method: "GET",
      path: "/regions/{region}/things",
      args: [{ arg: "region", name: "region", in: "path", required: true, default: "{{region_id}}" }],
    } as const;
    const error = (await call(op).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(
      'op: variable {{region_id}} has no value: pass it as createClient({ variables: { "region_id": … } }). Or pass the argument "region", whose default refers to it',
    );
    expect(error.missing).toEqual({ variable: "region_id", argument: "region" });
    expect(server.requests).toHaveLength(0);
    await call(op, { region: "eu" });
    expect(server.requests[0]!.path).toBe("/regions/eu/things");
  });

  it("sends the values the caller passes as they are, never read as templates", async () => {
    const core = testCore(
      { baseUrl: server.url, variables: { token: "s3cr{{et-PART}}x", id: "{{$guid}}" } },
      { baseUrl: server.url, variables: { version: "{{major}}.0" } },
    );
    const op = { ...base, method: "GET", path: "/{{version}}", auth: { type: "bearer", token: "{{token}}" } } as const;
    await core.call(
      { ...op, args: [{ arg: "x", name: "x-id", in: "header", required: false, default: "{{id}}" }] },
      {},
      {
        variables: { major: "2" },
      },
    );
    await core.call(op, {}, { variables: { major: "{{minor}}", token: "{{$timestamp}}" } });
    const [first, second] = server.requests;
    // The collection's values are still filled, with the caller's in them.
    expect([first!.path, first!.headers.authorization, first!.headers["x-id"]]).toEqual([
      "/2.0",
      "Bearer s3cr{{et-PART}}x",
      "{{$guid}}",
    ]);
    expect([second!.path, second!.headers.authorization]).toEqual(["/%7B%7Bminor%7D%7D.0", "Bearer {{$timestamp}}"]);
  });

  it("makes Postman's dynamic variables in a client given them, as a package whose collection refers to them is", async () => {
    const op = { ...base, method: "GET", path: "/{{id}}" } as const;
    const defaults = { baseUrl: server.url, variables: { id: "{{$guid}}" } };
    await testCore({ baseUrl: server.url }, { ...defaults, dynamic: dynamicVariable }).call(op, {});
    expect(server.requests[0]!.path).toMatch(/^\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // Without them (a collection that refers to none), a caller's base that does is refused as any variable without a value.
    await expect(testCore({ baseUrl: `${server.url}/{{$guid}}` }, defaults).call(op, {})).rejects.toThrow(
      /op: variable \{\{\$guid\}\} has no value: pass it as createClient/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("refuses a call whose variable has no value, and sends nothing", async () => {
    await expect(call({ path: "/{{team}}" })).rejects.toThrow(/variable \{\{team\}\} has no value/);
    expect(server.requests).toHaveLength(0);
  });

  it("sends other bases as written unless baseUrls replaces them", async () => {
    await call(
      { base: "https://login.example.invalid/{{version}}", path: "/token" },
      {},
      { baseUrls: { "https://login.example.invalid/{{version}}": `${server.url}/login` } },
    );
    expect(server.requests[0]!.path).toBe("/login/token");
  });
});

describe("arguments with defaults", () => {
  const op: Partial<OperationSpec> = {
    args: [
      { arg: "SdkVersion", name: "SdkVersion", in: "header", required: false, default: "postman-graph/v1.0" },
      { arg: "If-Match", name: "If-Match", in: "header", required: false, default: "{{etag}}" },
      { arg: "key", name: "key", in: "header", required: false, default: "value1" },
      { arg: "header_key", name: "key", in: "header", required: false, default: "value2" },
    ],
  };

  it("sends defaults, fills their variables, and lets the caller override", async () => {
    await call(op, { SdkVersion: "mine" }, { variables: { etag: "W/1" } });
    const headers = server.requests[0]!.headers;
    expect([headers["sdkversion"], headers["if-match"], headers["key"]]).toEqual(["mine", "W/1", "value1, value2"]);
  });
});

describe("bodies", () => {
  it("json: one object of the body arguments, defaults filled, odd keys kept", async () => {
    await call(
      {
        body: "json",
        contentType: "application/json",
        args: [
          { arg: "client_id", name: "client_id", in: "body", required: false, type: "json", default: "{{client_id}}" },
          { arg: "__proto__", name: "__proto__", in: "body", required: false, type: "json" },
          { arg: "options", name: "options", in: "body", required: false, type: "json" },
        ],
      },
      JSON.parse('{"__proto__": {"a": 1}, "options": {"count": 2}}'),
      { variables: { client_id: "id-1" } },
    );
    const request = server.requests[0]!;
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.raw.toString()).toBe('{"client_id":"id-1","__proto__":{"a":1},"options":{"count":2}}');
  });

  it("raw: text as is, other values as JSON, with the collection's content type", async () => {
    const op: Partial<OperationSpec> = {
      body: "raw",
      contentType: "application/xml",
      args: [{ arg: "body", name: "body", in: "body", required: true }],
    };
    await call(op, { body: "<xml>Test</xml>" });
    expect(server.requests[0]!.raw.toString()).toBe("<xml>Test</xml>");
    expect(server.requests[0]!.headers["content-type"]).toBe("application/xml");
    await call(
      { body: "raw", args: [{ arg: "body", name: "body", in: "body", required: true, type: "json" }] },
      { body: [1, "a"] },
    );
    expect(server.requests[1]!.raw.toString()).toBe('[1,"a"]');
  });

  it("binary: Blob, Uint8Array, ArrayBuffer and string bodies", async () => {
    const op: Partial<OperationSpec> = {
      body: "binary",
      contentType: "application/octet-stream",
      args: [{ arg: "body", name: "body", in: "body", required: true, type: "file" }],
    };
    for (const body of [
      new Blob(["abc"]),
      new TextEncoder().encode("abc"),
      new TextEncoder().encode("abc").buffer,
      "abc",
    ])
      await call(op, { body });
    expect(server.requests.map((r) => r.raw.toString())).toEqual(["abc", "abc", "abc", "abc"]);
    await expect(call(op, { body: 42 })).rejects.toThrow(/must be a Blob, File, ArrayBuffer or Uint8Array, got number/);
  });

  it("graphql: { query, variables } as JSON", async () => {
    await call(
      { body: "graphql", args: [{ arg: "body", name: "body", in: "body", required: true, type: "json" }] },
      { body: { query: "{ a }", variables: { x: 1 } } },
    );
    expect(server.requests[0]!.json).toEqual({ query: "{ a }", variables: { x: 1 } });
    expect(server.requests[0]!.headers["content-type"]).toBe("application/json");
  });

  it("multipart: text and file fields, parsed by busboy", async () => {
    const op: Partial<OperationSpec> = {
      body: "multipart",
      args: [
        { arg: "name", name: "name", in: "body", required: true },
        { arg: "file", name: "file", in: "body", required: true, type: "file" },
      ],
    };
    await call(op, { name: "n", file: new File(["hello"], "hello.txt", { type: "text/plain" }) });
    const request = server.requests[0]!;
    expect(request.fields).toEqual([["name", "n"]]);
    expect(request.files.map((f) => [f.field, f.filename, f.contentType, f.content.toString()])).toEqual([
      ["file", "hello.txt", "text/plain", "hello"],
    ]);
  });

  // The client's code is written with the encoder encoderName names, and the command line passes the
  // one it looks up: one choice, so each operation is sent alike by both.
  it("names the encoder of each body, the one the command line passes", () => {
    const text: ArgSpec = { arg: "a", name: "a", in: "body", required: false };
    const chosen = (["multipart", "urlencoded", "json", "raw", "binary", "graphql"] as const).flatMap((body) =>
      [
        [text],
        [{ ...text, unquoted: ["$.a"] }],
        [{ ...text, type: "file" }],
        [{ ...text, contentType: "application/json" }],
      ].map((args) => {
        const op: OperationSpec = { ...base, body, args: args as ArgSpec[] };
        const name = encoderName(op)!;
        expect(encoderFor(op), `${body} ${name}`).toBe(bodies[name]);
        return name;
      }),
    );
    expect(chosen).toEqual([
      ...["encodeMultipartText", "encodeMultipartText", "encodeMultipart", "encodeMultipart"],
      ...["encodeUrlencoded", "encodeUrlencoded", "encodeUrlencoded", "encodeUrlencoded"],
      ...["encodeJson", "encodeJsonUnquoted", "encodeJson", "encodeJson"],
      ...["encodeRaw", "encodeRawUnquoted", "encodeRaw", "encodeRaw"],
      ...["encodeBinary", "encodeBinary", "encodeBinary", "encodeBinary"],
      ...["encodeGraphql", "encodeGraphqlUnquoted", "encodeGraphql", "encodeGraphql"],
    ]);
    // A form in the collection's order, whatever its parts; none without a body.
    const ordered: OperationSpec = { ...base, body: "multipart", bodyOrder: [0], args: [text] };
    expect([encoderName(ordered), encoderFor(ordered)]).toEqual([
      "encodeMultipartInOrder",
      bodies.encodeMultipartInOrder,
    ]);
    expect([encoderName(base), encoderFor(base)]).toEqual([undefined, undefined]);
  });

  it("multipart of text fields only: the text encoder sends them as the encoder of every part would", async () => {
    // encoderFor picks encodeMultipartText for an operation without a file or typed part.
    const args: ArgSpec[] = [
      { arg: "name", name: "name", in: "body", required: true },
      { arg: "tags", name: "tag", in: "body", required: false },
    ];
    const op: Partial<OperationSpec> = { body: "multipart", args };
    expect(encoderFor({ ...base, ...op })).toBe(encodeMultipartText);
    expect(
      encoderFor({
        ...base,
        body: "multipart",
        args: [...args, { ...args[0]!, arg: "x", name: "x", contentType: "application/json" }],
      }),
    ).toBe(encodeMultipart);
    const fields = [
      [args[0]!, "n é"],
      [args[1]!, ["a", 2, true]],
    ] as const;
    const fail = () => {
      throw new Error("no refusal");
    };
    const wire = async (body: FormData | undefined) => [...body!.entries()].map(([k, v]) => [k, v]);
    expect(await wire(encodeMultipartText(fields, fail, { ...base, ...op }) as FormData)).toEqual(
      await wire(encodeMultipart(fields, fail, { ...base, ...op }) as FormData),
    );
    await call(op, { name: "n é", tags: ["a", 2, true] });
    expect(server.requests[0]!.fields).toEqual([
      ["name", "n é"],
      ["tag", "a"],
      ["tag", "2"],
      ["tag", "true"],
    ]);
    expect(encodeMultipartText([], fail, { ...base, ...op })).toBeUndefined();
  });
});

describe("auth", () => {
  it("apikey in a header or the query, from the option or the collection's variable", async () => {
    await call(
      { auth: { type: "apikey", in: "header", name: "X-Api-Key", value: "{{key}}" } },
      {},
      { variables: { key: "from-variable" } },
    );
    await call({ auth: { type: "apikey", in: "query", name: "api_key" } }, {}, { apiKey: async () => "from-option" });
    expect(server.requests[0]!.headers["x-api-key"]).toBe("from-variable");
    expect(server.requests[1]!.query).toEqual([["api_key", "from-option"]]);
  });

  it("apikey fills {{variables}} in the key's name too, as Postman does in every auth field", async () => {
    await call(
      { auth: { type: "apikey", in: "header", name: "{{hdr}}", value: "{{key}}" } },
      {},
      { variables: { hdr: "X-Key", key: "k1" } },
    );
    await call(
      { auth: { type: "apikey", in: "query", name: "{{param}}_{{version}}" } },
      {},
      {
        apiKey: "k2",
        variables: { param: "key" },
      },
    );
    expect(server.requests[0]!.headers["x-key"]).toBe("k1");
    expect(server.requests[1]!.query).toEqual([["key_v1", "k2"]]);
  });

  it("apikey in the query leaves the other parameters' encoding as it was (no a+b for a%20b)", async () => {
    const args = [{ arg: "q", name: "q", in: "query" as const, required: true }];
    await call({ args, auth: { type: "apikey", in: "query", name: "api key" } }, { q: "a b~(x)" }, { apiKey: "k 1" });
    expect(server.requests[0]!.target).toBe("/things?q=a%20b~(x)&api%20key=k%201");
  });

  it("apikey in the query replaces the item's own parameters of that name, as Postman does", async () => {
    const args = (name: string) => [
      { arg: "old", name, in: "query" as const, required: false, default: "{{old}}" },
      { arg: "x", name: "x", in: "query" as const, required: true },
    ];
    const options = { apiKey: "k1", variables: { old: "stale" } };
    await call({ args: args("api_key"), auth: { type: "apikey", in: "query", name: "api_key" } }, { x: "1" }, options);
    await call({ args: args("api key"), auth: { type: "apikey", in: "query", name: "api key" } }, { x: "1" }, options);
    expect(server.requests.map((r) => r.target)).toEqual(["/things?x=1&api_key=k1", "/things?x=1&api%20key=k1"]);
  });

  it("refuses an API key with a lone surrogate for the query with a ValidationError, and sends nothing", async () => {
    const op: Partial<OperationSpec> = { auth: { type: "apikey", in: "query", name: "api_key" } };
    const error = await call(op, {}, { apiKey: `k${"😀".slice(0, 1)}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(
      "op: the API key cannot be sent: it holds half a character (a lone surrogate)",
    );
    expect(server.requests).toHaveLength(0);
  });

  it("basic", async () => {
    await call({ auth: { type: "basic" } }, {}, { basic: { username: "ü", password: "p:w" } });
    expect(server.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from("ü:p:w").toString("base64")}`);
  });

  it("custom schemes go through the sign hook, and are refused without one", async () => {
    await call(
      { auth: { type: "custom", scheme: "oauth1" } },
      {},
      {
        sign: (request) => {
          request.headers.set("authorization", `OAuth signed-${request.method}-${request.url.pathname}`);
        },
      },
    );
    expect(server.requests[0]!.headers.authorization).toBe("OAuth signed-POST-/things");
    const error = await call({ auth: { type: "custom", scheme: "oauth1" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(
      "op: the collection signs this request with oauth1, which the client cannot compute: pass createClient({ sign })",
    );
    expect(server.requests).toHaveLength(1);
  });

  it("bearer falls back to the collection's token variable", async () => {
    await call(
      { auth: { type: "bearer", token: "{{UserAccessToken}}" } },
      {},
      { variables: { UserAccessToken: "tok" } },
    );
    expect(server.requests[0]!.headers.authorization).toBe("Bearer tok");
  });
});
