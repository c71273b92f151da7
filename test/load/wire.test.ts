// What the loader reads from a request so that the client sends it as Postman (newman) sends it:
// each case loads a collection, builds the client's request from the operation's spec with the
// runtime's own buildRequest, and compares it with what newman was seen sending.
import { describe, expect, it } from "vitest";
import { operationSpec } from "../../src/emit/client.js";
import { argDoc } from "../../src/emit/docs.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import type { ApiModel } from "../../src/model/types.js";
import {
  encodeGraphql,
  encodeMultipart,
  encodeRaw,
  encodeUrlencoded,
  type BodyEncoder,
} from "../../src/runtime/bodies.js";
import { buildRequest, type BuiltRequest } from "../../src/runtime/request.js";
import { featuresFor } from "../helpers/runtime.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

const load = (collection: object): ApiModel =>
  toModel(parseCollectionText("c.json", JSON.stringify({ info: { name: "C", schema: V21 }, ...collection })));

const one = (request: object, variable: object[] = []) => load({ variable, item: [{ name: "r", request }] });

const ENCODERS: Record<string, BodyEncoder> = {
  raw: encodeRaw,
  multipart: encodeMultipart,
  urlencoded: encodeUrlencoded,
  graphql: encodeGraphql,
};

/** The request the client builds for the model's first operation, with the collection's variables. */
function sent(model: ApiModel, args: object = {}): BuiltRequest {
  const spec = operationSpec(model.operations[0]!);
  const defaults = new Map(model.variables.map((v) => [v.name, v.default]));
  return buildRequest(
    spec,
    args,
    { baseUrl: model.baseUrl, lookup: (name) => defaults.get(name) },
    spec.body ? ENCODERS[spec.body] : undefined,
    featuresFor(spec),
  );
}

describe("query text the collection writes percent-encoded", () => {
  it("is decoded where a caller passes it, so names stay readable; values of the collection's go as written", () => {
    const model = one(
      {
        method: "GET",
        url: "https://api.example.com/items?filter%5Bstatus%5D={{s}}&q={{s}}%20OR%20closed&tag=%E2%9C%93&when={{s}}+1",
      },
      [{ key: "s", value: "open" }],
    );
    expect(model.operations[0]!.args.map((a) => [a.arg, a.default ?? a.example])).toEqual([
      ["filter[status]", "{{s}}"],
      ["q", "{{s}}%20OR%20closed"],
      ["tag", "✓"],
      ["when", "{{s}}+1"],
    ]);
    // newman: ?filter%5Bstatus%5D=open&q=open%20OR%20closed&tag=%E2%9C%93&when=open+1
    expect(sent(model, { tag: "✓" }).url.search).toBe(
      "?filter%5Bstatus%5D=open&q=open%20OR%20closed&tag=%E2%9C%93&when=open+1",
    );
    expect(model.warnings).toEqual([]);
  });

  it("is kept as written, with a warning, where decoding would change it: not UTF-8, or braces that make a variable", () => {
    const model = one({ method: "GET", url: "https://x.test/a?bytes=%FF%FE&b=%7B%7Bs%7D%7D&pct=100%" });
    expect(model.operations[0]!.args.map((a) => [a.arg, a.example])).toEqual([
      ["bytes", "%FF%FE"],
      ["b", "%7B%7Bs%7D%7D"],
      ["pct", "100%"],
    ]);
    expect(model.warnings).toEqual([
      {
        source: "item[0].request.url.query[0]",
        message:
          'the value of query parameter "bytes" holds percent-encoding that is not UTF-8: the client sends its "%" encoded (%25), where Postman sends it as written',
      },
      {
        source: "item[0].request.url.query[1]",
        message:
          'the value of query parameter "b" holds encoded braces that would read as a {{variable}}: the client sends its "%" encoded (%25), where Postman sends it as written',
      },
    ]);
  });

  it("is decoded alike in the request an example was saved with, which the mocks compare with a request's query", () => {
    const url = "https://x.test/items?filter%5Bstatus%5D=open+now";
    const model = one({ method: "GET", url }, []);
    const withExample = load({
      item: [
        {
          name: "r",
          request: { method: "GET", url },
          response: [{ name: "OK", code: 200, originalRequest: { method: "GET", url } }],
        },
      ],
    });
    expect(model.operations[0]!.args.map((a) => [a.name, a.example])).toEqual([["filter[status]", "open now"]]);
    expect(withExample.operations[0]!.responses[0]!.examples[0]!.request?.query).toEqual([
      ["filter[status]", "open now"],
    ]);
  });
});

describe("a host that starts with a {{variable}}", () => {
  it("takes its scheme from the variable when it holds one, as newman fills the URL before reading it", () => {
    // newman: POST http://api.example.test/api/v1/auth
    const joined = one({ method: "POST", url: "{{serviceUrl}}{{loginPath}}" }, [
      { key: "serviceUrl", value: "http://api.example.test" },
      { key: "loginPath", value: "/api/v1/auth" },
    ]);
    expect(sent(joined).url.href).toBe("http://api.example.test/api/v1/auth");
    const withPort = (host: string) =>
      sent(one({ method: "GET", url: "{{h}}:8080/a/b" }, [{ key: "h", value: host }])).url.href;
    expect(withPort("https://x.test")).toBe("https://x.test:8080/a/b");
    // and is http when it names none: newman GET http://127.0.0.1:8080/a/b
    expect(withPort("127.0.0.1")).toBe("http://127.0.0.1:8080/a/b");
  });
});

describe("values the collection gives a query parameter or path variable", () => {
  it("a query value that refers to variables goes as newman sends it: `%XX` and `+` as written", () => {
    const model = one(
      {
        method: "GET",
        url: "https://x.test/search?folder={{folder}}&when=x+{{expr}}%2520&both=a%20b&both={{folder}}",
      },
      [
        { key: "folder", value: "Q1%20reports" },
        { key: "expr", value: "a+b%2Bc 100%" },
      ],
    );
    expect(model.operations[0]!.args.map((a) => [a.arg, a.default])).toEqual([
      ["folder", "{{folder}}"],
      ["when", "x+{{expr}}%2520"],
      ["both", ["a%20b", "{{folder}}"]],
    ]);
    // newman: ?folder=Q1%20reports&when=x+a+b%2Bc%20100%%2520&both=a%20b&both=Q1%20reports (the `%` that
    // starts no `%XX` bare too).
    expect(sent(model).url.search).toBe("?folder=Q1%20reports&when=x+a+b%2Bc%20100%%2520&both=a%20b&both=Q1%20reports");
    expect(model.warnings).toEqual([]);
    // A value the caller passes is data, encoded once: its `%`, `+`, `&` and `#`, which would read
    // otherwise; its `=` goes as it is, as newman sends a value's `=` (newman-wire.test.ts).
    expect(sent(model, { folder: "Q1%20a+b&c=d#e", when: "x", both: [] }).url.search).toBe(
      "?folder=Q1%2520a%2Bb%26c=d%23e&when=x",
    );
  });

  it("a path variable's value written percent-encoded is its text: what a caller passes, encoded once, as the docs say", () => {
    const model = one({
      method: "GET",
      url: {
        raw: "https://x.test/reports/:name/:up/:bad",
        host: ["x", "test"],
        path: ["reports", ":name", ":up", ":bad"],
        variable: [
          { key: "name", value: "Q1%20reports+a%2Fb" },
          { key: "up", value: "%2E%2E" },
          { key: "bad", value: "%FF" },
        ],
      },
    });
    const args = model.operations[0]!.args;
    expect(args.map((a) => [a.arg, a.example, a.written])).toEqual([
      ["name", "Q1 reports+a/b", "Q1%20reports+a%2Fb"],
      ["up", "%2E%2E", undefined],
      ["bad", "%FF", undefined],
    ]);
    // newman: /reports/Q1%20reports+a%2Fb
    expect(sent(model, { name: "Q1 reports+a/b", up: "u", bad: "b" }).url.pathname).toBe(
      "/reports/Q1%20reports%2Ba%2Fb/u/b",
    );
    expect(argDoc(args[0]!, model.operations[0]!)).toContain(
      "The collection writes it percent-encoded (`Q1%20reports+a%2Fb`): pass its text, which the client encodes.",
    );
    expect(model.warnings).toEqual([
      {
        source: "item[0].request.url.variable[2]",
        message:
          'the value of path variable "bad" holds percent-encoding that is not UTF-8: the client sends its "%" encoded (%25), where Postman sends it as written',
      },
    ]);
  });
});

describe("{{variables}} in a query key or form field name", () => {
  it("are filled from the request's scopes and the collection, as newman sends them, with a warning", () => {
    const model = load({
      variable: [
        { key: "qk", value: "sort" },
        { key: "field", value: "{{prefix}}_name" },
        { key: "prefix", value: "user" },
      ],
      item: [
        {
          name: "r",
          variable: [{ key: "qk", value: "order" }],
          request: {
            method: "POST",
            url: "https://api.example.com/k?{{qk}}=asc&{{nothing}}=1&{{$guid}}=2",
            body: { mode: "urlencoded", urlencoded: [{ key: "{{field}}", value: "ada" }] },
          },
        },
      ],
    });
    const op = model.operations[0]!;
    expect(op.args.map((a) => [a.arg, a.name, a.in])).toEqual([
      ["order", "order", "query"],
      ["user_name", "user_name", "body"],
    ]);
    // newman sends ?order=asc&%7B%7Bnothing%7D%7D=1&<a guid>=2: the client leaves out the keys it cannot know.
    const request = sent(model, { order: "asc", user_name: "ada" });
    expect([request.url.search, String(request.body)]).toEqual(["?order=asc", "user_name=ada"]);
    expect(model.warnings).toEqual([
      {
        source: "item[0].request.url.query[0]",
        message:
          'the query parameter key "{{qk}}" refers to variables, which the client cannot fill in a key: it sends "order", their value in the collection (another value given later, in an environment or a call, does not change it)',
      },
      {
        source: "item[0].request.url.query[1]",
        message:
          'the query parameter key "{{nothing}}" refers to variables, which the client cannot fill in a key, and {{nothing}} has no value in the collection: left out (an onRequest hook can add it)',
      },
      {
        source: "item[0].request.url.query[2]",
        message:
          'the query parameter key "{{$guid}}" refers to variables, which the client cannot fill in a key, and {{$guid}} has no value in the collection: left out (an onRequest hook can add it)',
      },
      {
        source: "item[0].request.body.urlencoded[0]",
        message:
          'the body field key "{{field}}" refers to variables, which the client cannot fill in a key: it sends "user_name", their value in the collection (another value given later, in an environment or a call, does not change it)',
      },
    ]);
  });

  it("a value filled into a key is read as query text, as the key's own text is: percent-encoding is sent once", () => {
    const model = one({ method: "GET", url: "https://x.test/people?{{sortParam}}=asc" }, [
      { key: "sortParam", value: "sort%5Bname%5D" },
    ]);
    expect(model.operations[0]!.args.map((a) => a.name)).toEqual(["sort[name]"]);
    // newman: ?sort%5Bname%5D=asc
    expect(sent(model, { "sort[name]": "asc" }).url.search).toBe("?sort%5Bname%5D=asc");
  });

  it("a key without a value is decoded and filled as other keys are, as newman sends it", () => {
    const model = one(
      {
        method: "GET",
        url: {
          raw: "https://x.test/bucket?fields%5B%5D&{{subresource}}&{{nothing}}",
          host: ["x", "test"],
          protocol: "https",
          path: ["bucket"],
          query: [
            { key: "fields%5B%5D", value: null },
            { key: "{{subresource}}", value: null },
            { key: "{{nothing}}", value: null },
          ],
        },
      },
      [{ key: "subresource", value: "versioning" }],
    );
    expect(model.operations[0]!.bareQuery).toEqual(["fields[]", "versioning"]);
    // newman: ?fields%5B%5D&versioning&…, the last key unfilled: the client leaves out a key it cannot know.
    expect(sent(model).url.search).toBe("?fields%5B%5D&versioning");
    expect(model.warnings).toEqual([
      {
        source: "item[0].request.url.query[1]",
        message:
          'the query parameter key "{{subresource}}" refers to variables, which the client cannot fill in a key: it sends "versioning", their value in the collection (another value given later, in an environment or a call, does not change it)',
      },
      {
        source: "item[0].request.url.query[2]",
        message:
          'the query parameter key "{{nothing}}" refers to variables, which the client cannot fill in a key, and {{nothing}} has no value in the collection: left out (an onRequest hook can add it)',
      },
    ]);
  });

  it("a key filled into a credential's name leaves its literal value out, as any such key does", () => {
    const model = one({ method: "GET", url: "https://x.test/k?{{keyName}}=abc123&{{flag}}=true" }, [
      { key: "keyName", value: "api_key" },
      { key: "flag", value: "password_reset" },
    ]);
    expect(model.operations[0]!.args.map((a) => [a.arg, a.example])).toEqual([
      ["api_key", undefined],
      ["password_reset", "true"],
    ]);
    expect(JSON.stringify(model)).not.toContain("abc123");
    expect(model.warnings.map((w) => w.message)).toContain(
      'the value of query parameter "api_key" is left out of the client (its name says it holds a credential): pass it when calling, or refer to a variable',
    );
  });
});

describe("headers", () => {
  it("one name in several spellings: only the spelling Postman keeps is sent, as newman sends it", () => {
    const model = one({
      method: "GET",
      url: "https://x.test/h",
      header: [
        { key: "X-Tag", value: "one" },
        { key: "x-tag", value: "two" },
        { key: "X-Tag", value: "three" },
        { key: "X-TAG", value: "off", disabled: true },
        { key: "Accept", value: "a/b" },
        { key: "accept", value: "c/d" },
        { key: "accept", value: "e/f" },
      ],
    });
    // newman: x-tag: two (the spelling whose first entry is last wins), accept: c/d, e/f.
    const headers = sent(model).headers;
    expect([headers.get("x-tag"), headers.get("accept")]).toEqual(["two", "c/d, e/f"]);
    expect(model.operations[0]!.args.map((a) => [a.arg, a.disabled])).toEqual([
      ["x-tag", undefined],
      ["X-TAG", true],
      ["accept", undefined],
      ["header_accept", undefined],
    ]);
    expect(model.warnings.map((w) => [w.source, w.message])).toEqual([
      [
        "item[0].request.header[0]",
        'header "X-Tag" is also given as "x-tag" (at item[0].request.header[1]): Postman sends only the values of that spelling, so this one is left out',
      ],
      [
        "item[0].request.header[2]",
        'header "X-Tag" is also given as "x-tag" (at item[0].request.header[1]): Postman sends only the values of that spelling, so this one is left out',
      ],
      [
        "item[0].request.header[4]",
        'header "Accept" is also given as "accept" (at item[0].request.header[5]): Postman sends only the values of that spelling, so this one is left out',
      ],
    ]);
  });

  it("the Content-Type that goes with the body is the one of the spelling that is sent", () => {
    const model = one({
      method: "POST",
      url: "https://x.test/h",
      header: [
        { key: "content-type", value: "text/plain" },
        { key: "Content-Type", value: "application/xml" },
        { key: "content-type", value: "text/csv" },
      ],
      body: { mode: "raw", raw: "<a/>" },
    });
    expect(model.operations[0]!.body).toEqual({ encoding: "raw", contentType: "application/xml" });
  });

  it("headers fetch owns or refuses are left out with a warning: Host, Content-Length, Keep-Alive, …", () => {
    const model = one({
      method: "GET",
      url: "https://10.0.0.1/h",
      header: ["Host", "Content-Length", "Keep-Alive", "Transfer-Encoding", "Expect", "Upgrade", "Connection"].map(
        (key) => ({ key, value: "x" }),
      ),
    });
    expect(model.operations[0]!.args.map((a) => a.name)).toEqual(["Connection"]);
    expect(model.warnings.map((w) => w.message)).toEqual([
      'header "Host" is left out: fetch sets it from the URL and ignores this value (Postman sends it); to reach a virtual host, use its name in the base URL',
      'header "Content-Length" is left out: fetch sets it from the body it sends',
      ...["Keep-Alive", "Transfer-Encoding", "Expect", "Upgrade"].map(
        (key) => `header ${JSON.stringify(key)} is left out: Node's fetch refuses to send a request with it`,
      ),
    ]);
  });

  it("a Sec-Fetch-Mode copied from a browser is left out with a warning: Node's fetch sends its own", () => {
    const model = one({
      method: "POST",
      url: "http://localhost:8090/oauth/authorize",
      header: [
        { key: "Sec-Fetch-Mode", value: "navigate" },
        { key: "Sec-Fetch-Dest", value: "document" },
      ],
    });
    expect(model.operations[0]!.args.map((a) => a.name)).toEqual(["Sec-Fetch-Dest"]);
    expect(model.warnings.map((w) => w.message)).toEqual([
      "header \"Sec-Fetch-Mode\" is left out: Node's fetch sets it to the request's mode (`cors`) and ignores this value",
    ]);
  });
});

describe("bodies", () => {
  it("a JSON body that is one string is sent with its quotes, as newman sends it", () => {
    const model = one(
      {
        method: "PUT",
        url: "https://x.test/name",
        header: [{ key: "Content-Type", value: "application/json" }],
        body: { mode: "raw", raw: '"user-{{n}}"' },
      },
      [{ key: "n", value: "7" }],
    );
    const request = sent(model);
    expect([request.body, request.headers.get("content-type")]).toEqual(['"user-7"', "application/json"]);
    const literal = one({
      method: "PUT",
      url: "https://x.test/name",
      body: { mode: "raw", raw: '"ada"', options: { raw: { language: "json" } } },
    });
    expect(literal.operations[0]!.args.map((a) => [a.arg, a.type, a.example])).toEqual([["body", undefined, '"ada"']]);
    expect(sent(literal, { body: '"ada"' }).body).toBe('"ada"');
    expect([...model.warnings, ...literal.warnings]).toEqual([]);
  });

  it("a JSON body with keys inside its fields that refer to variables is sent with them filled, as newman sends it", () => {
    // Xray's collections name Jira's custom fields so; newman fills a key as it fills the rest of the
    // text. (A field's own name is filled when generating: sent-credentials.test.ts.)
    const raw =
      '{\n  "fields": {\n    "summary": "{{s}}",\n    "{{cf}}": { "value": "Manual" }\n  },\n  "steps": [{ "{{cf}}": 1 }]\n}';
    const model = one(
      {
        method: "POST",
        url: "https://x.test/issue",
        body: { mode: "raw", raw, options: { raw: { language: "json" } } },
      },
      [
        { key: "s", value: "P1" },
        { key: "cf", value: "customfield_10100" },
      ],
    );
    expect(model.operations[0]!.args.map((a) => [a.arg, a.type, a.default])).toEqual([["body", undefined, raw]]);
    const request = sent(model);
    expect([request.body, request.headers.get("content-type")]).toEqual([
      '{\n  "fields": {\n    "summary": "P1",\n    "customfield_10100": { "value": "Manual" }\n  },\n  "steps": [{ "customfield_10100": 1 }]\n}',
      "application/json",
    ]);
    expect(model.warnings).toEqual([
      {
        source: "item[0].request.body.raw",
        message:
          "a key inside a field of the JSON body refers to variables: the body is sent as text, its {{variables}} filled, as Postman sends it, and a call passes it whole (`body`), not field by field",
      },
    ]);
  });

  it("a GraphQL body keeps the item's own Content-Type, as newman sends it", () => {
    const model = one({
      method: "POST",
      url: "https://x.test/graphql",
      header: [{ key: "Content-Type", value: "application/graphql+json" }],
      body: { mode: "graphql", graphql: { query: "{ me { id } }" } },
    });
    const request = sent(model, { body: { query: "{ me { id } }" } });
    expect([request.body, request.headers.get("content-type")]).toEqual([
      '{"query":"{ me { id } }"}',
      "application/graphql+json",
    ]);
  });
});

describe("Postman's settings (protocolProfileBehavior)", () => {
  it("each one the client cannot follow is reported once where it is set, with what the client does", () => {
    // followRedirects: false is followed (no warning), and moot for the requests that follow no
    // redirect, followOriginalHttpMethod applies to c alone.
    const model = load({
      protocolProfileBehavior: { followRedirects: false, strictSSL: true, disableBodyPruning: true },
      item: [
        { name: "a", request: { method: "GET", url: "https://x.test/a" } },
        {
          name: "folder",
          protocolProfileBehavior: { followOriginalHttpMethod: true, tlsDisabledProtocols: [] },
          item: [
            { name: "b", request: { method: "GET", url: "https://x.test/b" } },
            {
              name: "c",
              protocolProfileBehavior: { followRedirects: true, strictSSL: false, somethingNew: 1 },
              request: { method: "POST", url: "https://x.test/c" },
            },
          ],
        },
      ],
    });
    expect(model.warnings.map((w) => [w.source, w.message])).toEqual([
      [
        "item[1].item[1].protocolProfileBehavior.strictSSL",
        "Postman's setting strictSSL: false is not what the client does (it applies to 1 request): the client verifies TLS certificates (to trust another one, pass createClient a fetch that does)",
      ],
      [
        "item[1].protocolProfileBehavior.followOriginalHttpMethod",
        "Postman's setting followOriginalHttpMethod: true is not what the client does (it applies to 1 request): fetch redirects with GET after a 303, and a POST with GET after a 301 or 302",
      ],
      [
        "item[1].item[1].protocolProfileBehavior.somethingNew",
        "Postman's setting somethingNew is not one the generator knows (it applies to 1 request): the client ignores it",
      ],
    ]);
  });
});

describe("followRedirects", () => {
  it("false, where the narrowest place that sets it says so, makes the operation's fetch follow no redirect", () => {
    const model = load({
      protocolProfileBehavior: { followRedirects: false, maxRedirects: 3 },
      item: [
        { name: "a", request: { method: "GET", url: "https://x.test/a" } },
        {
          name: "folder",
          protocolProfileBehavior: { followRedirects: true },
          item: [
            { name: "b", request: { method: "GET", url: "https://x.test/b" } },
            {
              name: "c",
              protocolProfileBehavior: { followRedirects: false },
              request: { method: "GET", url: "https://x.test/c" },
            },
          ],
        },
      ],
    });
    expect(model.operations.map((op) => [op.item, op.redirect])).toEqual([
      ["a", "manual"],
      ["b", undefined],
      ["c", "manual"],
    ]);
    expect(model.operations.map((op) => operationSpec(op).redirect)).toEqual(["manual", undefined, "manual"]);
    // maxRedirects is moot where no redirect is followed: b alone follows them, with fetch's limit.
    expect(model.warnings.map((w) => [w.source, w.message])).toEqual([
      [
        "protocolProfileBehavior.maxRedirects",
        "Postman's setting maxRedirects: 3 is not what the client does (it applies to 1 request): fetch follows up to 20 redirects",
      ],
    ]);
  });
});

describe("disabledSystemHeaders", () => {
  const item = (
    name: string,
    body: object,
    header: object[] = [{ key: "Content-Type", value: "application/json" }],
  ) => ({
    name,
    protocolProfileBehavior: { disabledSystemHeaders: { "content-type": true } },
    request: { method: "POST", url: "https://x.test/p", header, body },
  });
  it("turning off Postman's Content-Type is no difference where the item sends its own and the body is no form", () => {
    const model = load({
      item: [
        // Plaid's: the item's own application/json goes either way.
        item("own type", { mode: "raw", raw: '{"a":1}' }),
        item("no own type", { mode: "raw", raw: '{"a":1}' }, []),
        item("own type disabled", { mode: "raw", raw: "x" }, [
          { key: "Content-Type", value: "text/plain", disabled: true },
        ]),
        item("a form", { mode: "urlencoded", urlencoded: [{ key: "a", value: "1" }] }),
        // A form all the same, its mode read as Postman reads it (load/body.ts, bodyModeOf).
        item("a form in capitals", { mode: "URLENCODED", urlencoded: [{ key: "a", value: "1" }] }),
      ],
    });
    expect(model.warnings.map((w) => w.source)).toEqual([
      "item[1].protocolProfileBehavior.disabledSystemHeaders",
      "item[2].protocolProfileBehavior.disabledSystemHeaders",
      "item[3].protocolProfileBehavior.disabledSystemHeaders",
      "item[4].protocolProfileBehavior.disabledSystemHeaders",
      "item[4].request.body.mode",
    ]);
  });
});

describe("multipart parts", () => {
  const model = one({
    method: "POST",
    url: "https://x.test/f",
    body: {
      mode: "formdata",
      formdata: [
        { key: "meta", value: '{"a":1}', type: "text", contentType: "application/json" },
        { key: "note", value: "plain", type: "text" },
        { key: "doc", type: "file", src: "/home/me/files/a.txt", contentType: "text/csv" },
        { key: "scan", type: "file", src: "C:\\Users\\me\\scan.png" },
      ],
    },
  });

  it("a text part keeps its own Content-Type, without a file name, as newman sends it", async () => {
    const op = model.operations[0]!;
    expect(op.args.map((a) => [a.arg, a.contentType, a.fileNames])).toEqual([
      ["meta", "application/json", undefined],
      ["note", undefined, undefined],
      ["doc", "text/csv", ["a.txt"]],
      // Without a type in the collection, the one newman gives it by its name (load/file-type.ts).
      ["scan", "image/png", ["scan.png"]],
    ]);
    // A file's type and name are the File's the caller passes; the spec carries a text part's type,
    // and a file's for a Blob without one.
    expect(operationSpec(op).args.map((a) => a.contentType)).toEqual([
      "application/json",
      undefined,
      "text/csv",
      "image/png",
    ]);
    const body = sent(model, {
      meta: '{"a":1}',
      note: "plain",
      doc: new File(["x"], "a.txt", { type: "text/csv" }),
    }).body as FormData;
    const text = await new Response(body).text();
    // newman: each part's headers as below (the file's from its src).
    expect(text.match(/Content-Disposition[^\r]*(\r\nContent-Type[^\r]*)?/g)).toEqual([
      'Content-Disposition: form-data; name="meta"\r\nContent-Type: application/json',
      'Content-Disposition: form-data; name="note"',
      'Content-Disposition: form-data; name="doc"; filename="a.txt"\r\nContent-Type: text/csv',
    ]);
  });

  it("a file part's name and type in the collection are in its docs", () => {
    const op = model.operations[0]!;
    expect(argDoc(op.args[2]!, op)).toContain(
      "The collection sends the file `a.txt` of type `text/csv`: the client sends the name and type of the `File` passed (a `Blob` goes named `a.txt`, of its own type, else of the collection's).",
    );
    expect(argDoc(op.args[0]!, op)).toContain("Sent as a part of type `application/json`, as the collection says.");
  });
});
