// An error never repeats a credential the call sent: a real server on 127.0.0.1 that echoes what it
// got (the Authorization header, an API key, the URL, a Basic pair decoded, a signature) in its
// error answers, and every way an error is read: message, String, JSON, util.inspect.
import { mkdtempSync, openAsBlob, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientDefaults, ClientOptions, RequestOptions } from "../../src/runtime/core.js";
import { ApiError, ConnectionError } from "../../src/runtime/errors.js";
import { MASK, SHORTEST_SECRET, WORD_SECRET_BELOW, masker } from "../../src/runtime/redact.js";
import { LARGEST_PART_READ, sentSecrets } from "../../src/runtime/sent-secrets.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { testCore } from "../helpers/runtime.js";

let server: Server;
let base: string;
/** Each AWS signature the server got. */
const signatures: string[] = [];

/** What the server got that it echoes: the URL as sent, each header. */
function received(req: IncomingMessage) {
  const authorization = req.headers["authorization"] ?? "";
  const basic = /^Basic (.+)$/.exec(authorization)?.[1];
  return {
    url: req.url ?? "",
    authorization,
    apiKey: String(req.headers["x-api-key"] ?? ""),
    decoded: basic ? Buffer.from(basic, "base64").toString("utf8") : "",
    signature: /Signature=(\w+)/.exec(authorization)?.[1] ?? "",
    token: String(req.headers["x-token"] ?? req.headers["x-ref"] ?? ""),
  };
}

/** A urlencoded or JSON body as text. */
async function bodyOf(req: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of req) text += String(chunk);
  return text;
}

/** Called once a `/part` request's body has come, before it is answered. */
let partCame: (() => void) | undefined;

/** The Digest challenge the server sends, and the realm a server quotes back. */
const DIGEST_REALM = "testrealm@host.com";

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const got = received(req);
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/token") {
      // A token endpoint that quotes the client's secret it got in the form.
      let form = "";
      for await (const chunk of req) form += String(chunk);
      res.writeHead(401, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: "invalid_client",
          error_description: `client_secret ${new URLSearchParams(form).get("client_secret")} is not valid`,
        }),
      );
    } else if (path === "/json") {
      // A message that quotes the token, and a debug body with the header as sent.
      res.writeHead(401, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          message: `invalid token '${got.authorization.replace(/^Bearer /, "")}'`,
          debug: { headers: { authorization: got.authorization }, list: [got.authorization] },
        }),
      );
    } else if (path === "/text") {
      res.writeHead(403, { "content-type": "text/plain" });
      res.end(`API key ${got.apiKey} is not valid`);
    } else if (path === "/url") {
      // The URL as it arrived, percent-encoded query and all, as a plain-text answer.
      res.writeHead(400, { "content-type": "text/plain" });
      res.end(`cannot GET ${got.url}`);
    } else if (path === "/url-lower") {
      // The URL as a proxy that normalizes it to lower-case hex echoes it (`%C3%A9` as `%c3%a9`),
      // in a plain-text answer's reason and a JSON body.
      const url = got.url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: `cannot GET ${url}`, request: { url } }));
    } else if (path === "/basic") {
      const [user, password] = got.decoded.split(":");
      res.writeHead(401, { "content-type": "application/problem+json" });
      res.end(
        JSON.stringify({
          title: "Unauthorized",
          detail: `password ${password} for ${user} is wrong (${got.authorization}, ${got.decoded})`,
        }),
      );
    } else if (path === "/headers") {
      // The app's own headers quoted back, credentials and not.
      res.writeHead(400, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          message: `refused: key ${String(req.headers["x-api-key"])}, ${got.authorization}, cookie ${String(req.headers["cookie"])}, request ${String(req.headers["x-request-id"])}`,
        }),
      );
    } else if (path === "/set-cookie") {
      // An answer whose headers hand out a session and echo the token.
      res.writeHead(401, {
        "content-type": "application/json",
        "set-cookie": "session=sess-7f3a9c2e1b5d; Path=/; HttpOnly",
        "x-echo": got.authorization,
        "x-request-id": "req-42",
      });
      res.end(JSON.stringify({ message: "session expired" }));
    } else if (path === "/form") {
      // OAuth 1's parameters as they came in the form.
      const form = new URLSearchParams(await bodyOf(req));
      res.writeHead(401, { "content-type": "text/plain" });
      res.end(
        `oauth_signature ${form.get("oauth_signature")} for token ${form.get("oauth_token")} and key ${form.get("oauth_consumer_key")} refused`,
      );
    } else if (path === "/token-code") {
      // A token endpoint that quotes the authorization code and the PKCE verifier it got.
      const form = new URLSearchParams(await bodyOf(req));
      res.writeHead(400, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: "invalid_grant",
          error_description: `code ${form.get("code")} with verifier ${form.get("code_verifier")} was refused`,
        }),
      );
    } else if (path === "/aws-time") {
      // What S3 says of a request signed too long ago: the time and body hash it got, and the signature.
      signatures.push(got.signature);
      res.writeHead(403, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          message: `signature ${got.signature} for ${String(req.headers["x-amz-date"])} over ${String(req.headers["x-amz-content-sha256"])} has expired`,
        }),
      );
    } else if (path === "/digest") {
      if (!got.authorization) {
        res.writeHead(401, {
          "www-authenticate": `Digest realm="${DIGEST_REALM}", qop="auth", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093"`,
        });
        res.end();
      } else {
        // Each parameter of the Digest header, as a server's log line quotes them.
        const params = Object.fromEntries(
          [...got.authorization.matchAll(/(\w+)="?([^",]*)"?/g)].map(([, k, v]) => [k!, v!]),
        );
        res.writeHead(403, { "content-type": "text/plain" });
        res.end(
          `realm=${params["realm"]} uri=${params["uri"]} qop=${params["qop"]} nc=${params["nc"]} algorithm=${params["algorithm"]} response=${params["response"]} cnonce=${params["cnonce"]}`,
        );
      }
    } else if (path === "/cookie") {
      // One cookie's value, as a server quotes the session it could not find.
      const session = /(?:^|; )session=([^;]*)/.exec(String(req.headers["cookie"]))?.[1];
      res.writeHead(401, { "content-type": "text/plain" });
      res.end(`invalid session ${session}`);
    } else if (path === "/fields") {
      // The query's and the form's fields (urlencoded or multipart), each quoted with its value.
      const bytes: Buffer[] = [];
      for await (const chunk of req) bytes.push(chunk as Buffer);
      const form = await new Response(Buffer.concat(bytes), {
        headers: { "content-type": String(req.headers["content-type"]) },
      }).formData();
      const query = new URL(req.url ?? "/", "http://x").searchParams;
      res.writeHead(422, { "content-type": "text/plain" });
      res.end([...query, ...form].map(([name, value]) => `${name} ${String(value)}`).join(", "));
    } else if (path === "/idempotency") {
      // Stripe's answer to a key used again with other parameters, quoting the key it got (under
      // the standard name or a vendor's), and the API key beside it.
      const key = req.headers["idempotency-key"] ?? req.headers["cko-idempotency-key"];
      res.writeHead(409, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${String(key)}' (api key ${String(req.headers["x-api-key"])})`,
        }),
      );
    } else if (path === "/part") {
      // A multipart form's JSON part, its client_secret quoted, as a server that parsed it says
      // what it refused.
      const bytes: Buffer[] = [];
      for await (const chunk of req) bytes.push(chunk as Buffer);
      partCame?.();
      const form = await new Response(Buffer.concat(bytes), {
        headers: { "content-type": String(req.headers["content-type"]) },
      }).formData();
      const metadata = JSON.parse(await (form.get("metadata") as File).text()) as { client_secret: string };
      res.writeHead(422, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: `client_secret ${metadata.client_secret} refused` }));
    } else if (path === "/hawk") {
      // Hawk's header parameters, as a server says what it checked: the payload's hash and the mac.
      const param = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(got.authorization)?.[1];
      res.writeHead(401, { "content-type": "text/plain" });
      res.end(`hash ${param("hash")} does not match, mac ${param("mac")} refused`);
    } else if (path === "/aws") {
      signatures.push(got.signature);
      res.writeHead(403, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ error: { code: "SignatureDoesNotMatch", message: `SignatureProvided: ${got.signature}` } }),
      );
    } else {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ error_description: `bad token ${got.token}` }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const op = (path: string, auth?: OperationSpec["auth"], extra: Partial<OperationSpec> = {}): OperationSpec => ({
  name: "getThing",
  namespace: [],
  item: "Get thing",
  folder: [],
  method: "GET",
  path,
  args: [],
  ...(auth ? { auth } : {}),
  responses: [],
  ...extra,
});

async function failure(
  spec: OperationSpec,
  options: ClientOptions<object>,
  defaults: Partial<ClientDefaults> = {},
  callOptions: RequestOptions<object> = {},
  args: object = {},
): Promise<Error> {
  const error = await testCore(
    { baseUrl: base, maxRetries: 0, ...options },
    { baseUrl: "", variables: {}, ...defaults },
  )
    .call(spec, args, callOptions)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/** Every way an error is read and printed. */
function readings(error: Error): string[] {
  return [
    error.message,
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: Infinity }),
    JSON.stringify((error as ApiError).body ?? null),
  ];
}

/** The secret in none of the readings, in none of its common forms; the mask where the server echoed it. */
function expectMasked(error: Error, secrets: string[]): void {
  for (const text of readings(error))
    for (const secret of secrets)
      for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64")])
        expect(text, `${form} in ${text}`).not.toContain(form);
  expect(error.message).toContain(MASK);
}

describe("an API error masks the credentials the call sent", () => {
  it("a bearer token quoted in a JSON message and a debug body", async () => {
    const token = "tok-3f9a2c1b77e0";
    const error = await failure(op("/json", { type: "bearer" }), { token });
    expect(error).toBeInstanceOf(ApiError);
    expectMasked(error, [token]);
    expect(error.message).toBe(`getThing: 401 Unauthorized: invalid token '${MASK}'`);
    expect((error as ApiError).body).toEqual({
      message: `invalid token '${MASK}'`,
      debug: { headers: { authorization: MASK }, list: [MASK] },
    });
  });

  it("an API key in a header, quoted in a plain-text answer", async () => {
    const key = "key_9b1e4d0c2a";
    const error = await failure(op("/text", { type: "apikey", in: "header", name: "x-api-key" }), { apiKey: key });
    expectMasked(error, [key]);
    expect(error.message).toBe(`getThing: 403 Forbidden: API key ${MASK} is not valid`);
  });

  it("a short API key quoted in a message whose words hold it in another case", async () => {
    // The key `api` masked where it is quoted, not in the message's own word "API".
    const error = await failure(op("/text", { type: "apikey", in: "header", name: "x-api-key" }), { apiKey: "api" });
    expect(error.message).toBe(`getThing: 403 Forbidden: API key ${MASK} is not valid`);
  });

  it("an API key in the query, echoed with the URL as sent (percent-encoded)", async () => {
    const key = "k3y+/ é=!2";
    const error = await failure(op("/url", { type: "apikey", in: "query", name: "api_key" }, { path: "/url?page=2" }), {
      apiKey: key,
    });
    expectMasked(error, [key]);
    expect(error.message).toBe(`getThing: 400 Bad Request: cannot GET /url?page=2&api_key=${MASK}`);
  });

  it("an API key in the query, echoed with its percent-encoding in lower case", async () => {
    // Each character that encodes: `+`, `/`, `é` and `=` hold hex letters (`%2b`, `%2f`, `%c3%a9`, `%3d`).
    const key = "k3y+/ é=!2";
    const error = await failure(
      op("/url-lower", { type: "apikey", in: "query", name: "api_key" }, { path: "/url-lower?page=2" }),
      { apiKey: key },
    );
    const lower = encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
    expect(lower).not.toBe(encodeURIComponent(key));
    expectMasked(error, [key]);
    for (const text of readings(error)) expect(text, text).not.toContain(lower.slice(3));
    expect(error.message).toBe(`getThing: 400 Bad Request: cannot GET /url-lower?page=2&api_key=${MASK}`);
    expect((error as ApiError).body).toEqual({
      message: `cannot GET /url-lower?page=2&api_key=${MASK}`,
      request: { url: `/url-lower?page=2&api_key=${MASK}` },
    });
  });

  it("Basic credentials: the base64, the pair decoded and the password alone", async () => {
    const basic = { username: "ana@example.com", password: "pässw0rd-77" };
    const error = await failure(op("/basic", { type: "basic" }), { basic });
    expectMasked(error, [basic.password, `${basic.username}:${basic.password}`]);
    expect(error.message).toBe(
      `getThing: 401 Unauthorized: password ${MASK} for ${basic.username} is wrong (${MASK}, ${MASK})`,
    );
  });

  it("a key sent as the Basic user name, with no password", async () => {
    const basic = { username: "sk_live_51Hx", password: "" };
    const error = await failure(op("/basic", { type: "basic" }), { basic });
    expectMasked(error, [basic.username]);
  });

  it("an AWS signature quoted alone", async () => {
    const aws = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
    const error = await failure(op("/aws", { type: "awsv4", service: "s3", region: "us-east-1" }), { aws });
    expect(signatures.at(-1)).toMatch(/^[0-9a-f]{64}$/);
    expectMasked(error, [signatures.at(-1)!]);
    expect(error.message).toBe(
      `getThing: 403 Forbidden: SignatureProvided: ${MASK} (error code SignatureDoesNotMatch)`,
    );
  });

  it("a secret variable filled into a header argument", async () => {
    const value = "var-secret-81c2";
    // Under a name that says nothing of a credential: the variable's being secret is what counts.
    const spec = op("/other", undefined, {
      args: [{ arg: "x-ref", name: "x-ref", in: "header", required: false, default: "{{sessionSecret}}" }],
    });
    const error = await failure(spec, { variables: { sessionSecret: value } }, { secrets: ["sessionSecret"] });
    expectMasked(error, [value]);
    // Without the package's word that it is a secret, a variable is a value like any other.
    const plain = await failure(spec, { variables: { sessionSecret: value } });
    expect(plain.message).toContain(value);
  });

  it("an OAuth 2 client secret quoted by the token endpoint", async () => {
    const clientSecret = "cs-0d9e8f7a6b";
    const error = await failure(
      op("/json", {
        type: "oauth2",
        grant: "client_credentials",
        accessTokenUrl: `${base}/token`,
        clientId: "app-1",
        clientAuthentication: "body",
      }),
      { oauth2: { clientSecret } },
    );
    expectMasked(error, [clientSecret]);
    expect(error.message).toContain(`client_secret ${MASK} is not valid`);
  });

  it("leaves an answer that holds no credential as it came", async () => {
    const error = await failure(op("/other", { type: "bearer" }), { token: "tok-unrelated-1" });
    expect(error.message).toBe("getThing: 400 Bad Request: bad token ");
    expect((error as ApiError).body).toEqual({ error_description: "bad token " });
  });
});

describe("an API error masks what the app and every auth sent as credentials", () => {
  it("the app's own headers named as credentials, the client's and the call's", async () => {
    const key = "app-key-51c0d2";
    const token = "app-token-9e7f";
    const session = "s3ss10n-c00k1e";
    const error = await failure(
      op("/headers", undefined, { args: [] }),
      { headers: { "X-Api-Key": key, "X-Request-Id": "req-77" } },
      {},
      { headers: { Authorization: `Bearer ${token}`, Cookie: `session=${session}` } },
    );
    expectMasked(error, [key, token, `session=${session}`]);
    // A header that names no credential stays readable.
    expect(error.message).toBe(
      `getThing: 400 Bad Request: refused: key ${MASK}, ${MASK}, cookie ${MASK}, request req-77`,
    );
  });

  it("a header an onRequest hook adds", async () => {
    const key = "hook-key-3d2c1b";
    const error = await failure(op("/headers", undefined, { args: [] }), {
      onRequest: (request) => request.headers.set("x-api-key", key),
    });
    expectMasked(error, [key]);
  });

  it("the answer's headers: kept for code to read, printed nowhere", async () => {
    const token = "tok-1b2c3d4e5f";
    const error = (await failure(op("/set-cookie", { type: "bearer" }), { token })) as ApiError;
    for (const text of readings(error))
      for (const secret of [token, "sess-7f3a9c2e1b5d", "req-42"])
        expect(text, `${secret} in ${text}`).not.toContain(secret);
    expect(error.headers.get("set-cookie")).toContain("sess-7f3a9c2e1b5d");
    expect(error.headers.get("x-request-id")).toBe("req-42");
  });

  it("OAuth 1's parameters signed into a urlencoded body", async () => {
    const oauth1 = {
      consumerKey: "ck-8a7b6c5d4e",
      consumerSecret: "cs-1f2e3d",
      token: "ot-9z8y7x6w5v",
      tokenSecret: "ts-4u3t",
    };
    const sent: string[] = [];
    const error = await failure(
      op(
        "/form",
        { type: "oauth1", addParamsToHeader: false },
        {
          method: "POST",
          body: "urlencoded",
          args: [{ arg: "q", name: "q", in: "body", required: false, default: "x" }],
        },
      ),
      {
        oauth1,
        fetch: async (url, init) => {
          sent.push(String(init?.body));
          return fetch(url, init);
        },
      },
    );
    const signature = new URLSearchParams(sent[0]).get("oauth_signature")!;
    expect(signature).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expectMasked(error, [signature, oauth1.token, oauth1.consumerKey]);
    expect(error.message).toBe(
      `getThing: 401 Unauthorized: oauth_signature ${MASK} for token ${MASK} and key ${MASK} refused`,
    );
  });

  it("the authorization code grant's code and PKCE verifier, quoted by the token endpoint", async () => {
    const code = "auth-code-6c5b4a39";
    const verifiers: string[] = [];
    const error = await failure(
      op("/json", {
        type: "oauth2",
        grant: "authorization_code",
        pkce: true,
        authUrl: `${base}/authorize`,
        accessTokenUrl: `${base}/token-code`,
        clientId: "app-1",
      }),
      {
        oauth2: { authorize: () => code },
        fetch: async (url, init) => {
          if (String(url).endsWith("/token-code"))
            verifiers.push(new URLSearchParams(String(init?.body)).get("code_verifier")!);
          return fetch(url, init);
        },
      },
    );
    expect(verifiers[0]).toMatch(/^.{43,}$/);
    expectMasked(error, [code, verifiers[0]!]);
    expect(error.message).toContain(`code ${MASK} with verifier ${MASK} was refused`);
  });
});

describe("an API error masks what the app sets itself as an auth would", () => {
  const basic = { username: "ana@example.com", password: "pässw0rd-77" };
  const header = `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString("base64")}`;

  it("a cookie's value quoted alone, as any secret value is", async () => {
    const session = "abc123";
    const error = await failure(op("/cookie"), {}, {}, { headers: { Cookie: `theme=dark; session=${session}` } });
    expectMasked(error, [session]);
    expect(error.message).toBe(`getThing: 401 Unauthorized: invalid session ${MASK}`);
  });

  it.each([
    ["the client's headers", { headers: { Authorization: header } }, {}],
    ["a call's headers", {}, { headers: { authorization: header } }],
    ["an onRequest hook", { onRequest: (r: { headers: Headers }) => r.headers.set("Authorization", header) }, {}],
  ] as const)("a Basic header in %s: its pair and password decoded, as Basic auth's", async (_where, options, call) => {
    const error = await failure(op("/basic"), options as ClientOptions<object>, {}, call);
    expectMasked(error, [basic.password, `${basic.username}:${basic.password}`]);
    expect(error.message).toBe(
      `getThing: 401 Unauthorized: password ${MASK} for ${basic.username} is wrong (${MASK}, ${MASK})`,
    );
  });

  // The names say which are credentials: the same rule as a header's, less the runs that name a
  // page or a request (`next_page_token`, `idempotency_key`), which stay readable.
  const fields = (body: "urlencoded" | "multipart") =>
    op("/fields", undefined, {
      method: "POST",
      body,
      args: [
        { arg: "api_key", name: "api_key", in: "query", required: false },
        { arg: "next_page_token", name: "next_page_token", in: "query", required: false },
        { arg: "client_secret", name: "client_secret", in: "body", required: false },
        { arg: "password", name: "password", in: "body", required: false },
        { arg: "idempotency_key", name: "idempotency_key", in: "body", required: false },
        { arg: "note", name: "note", in: "body", required: false },
      ],
    });
  const values = {
    api_key: "qk-7c1d9e2f",
    next_page_token: "pg-5a4b3c2d",
    client_secret: "cs-9f8e7d6c",
    password: "mtg-pw-4411",
    idempotency_key: "idem-77aa66bb",
    note: "hello there",
  };

  it.each(["urlencoded", "multipart"] as const)(
    "a query parameter and %s form fields named as credentials, the caller's arguments",
    async (body) => {
      const error = await failure(fields(body), {}, {}, {}, values);
      expectMasked(error, [values.api_key, values.client_secret, values.password]);
      expect(error.message).toBe(
        `getThing: 422 Unprocessable Entity: api_key ${MASK}, next_page_token ${values.next_page_token}, ` +
          `client_secret ${MASK}, password ${MASK}, idempotency_key ${values.idempotency_key}, note hello there`,
      );
    },
  );

  it("a raw body typed as a form in other letters, whose fields a server reads as a form's", async () => {
    // Media types are case-insensitive (RFC 9110): a server reads this body as a form, and quotes it.
    // The query parameter named as a credential is what makes the operation look for such fields.
    const spec = op("/fields", undefined, {
      method: "POST",
      body: "raw",
      contentType: "Application/X-WWW-Form-Urlencoded",
      args: [
        { arg: "api_key", name: "api_key", in: "query", required: false },
        { arg: "body", name: "body", in: "body", required: true },
      ],
    });
    const body = `password=${values.password}&note=hi`;
    const error = await failure(spec, {}, {}, {}, { api_key: values.api_key, body });
    expectMasked(error, [values.api_key, values.password]);
    expect(error.message).toBe(`getThing: 422 Unprocessable Entity: api_key ${MASK}, password ${MASK}, note hi`);
  });

  it("a query parameter named as one whose value the collection fills from a variable", async () => {
    const key = "vk-31f0a9c8";
    // A variable whose name says nothing: the parameter's name is what counts.
    const spec = op("/url", undefined, {
      args: [{ arg: "apiKey", name: "apiKey", in: "query", required: false, default: "{{k}}" }],
    });
    const error = await failure(spec, { variables: { k: key } });
    expectMasked(error, [key]);
    expect(error.message).toBe(`getThing: 400 Bad Request: cannot GET /url?apiKey=${MASK}`);
  });
});

describe("an API error leaves readable an idempotency key, which grants nothing", () => {
  const post = (extra: Partial<OperationSpec> = {}) => op("/idempotency", undefined, { method: "POST", ...extra });

  it("the app's, as the server quotes it, under the standard name or a vendor's; an API key beside it masked", async () => {
    const apiKey = "api-key-6d1e0b";
    for (const name of ["Idempotency-Key", "Cko-Idempotency-Key"]) {
      const key = "idem-4b7c9e21-0f3a";
      const error = await failure(post(), { headers: { "X-Api-Key": apiKey } }, {}, { headers: { [name]: key } });
      expectMasked(error, [apiKey]);
      expect(error.message, name).toContain(`Try using a key other than '${key}' (api key ${MASK})`);
    }
  });

  it("but not one filled from a secret variable, nor one a hook sets", async () => {
    const key = "idem-from-a-secret-8a2f";
    const spec = post({
      args: [{ arg: "Idempotency-Key", name: "Idempotency-Key", in: "header", required: false, default: "{{idem}}" }],
    });
    expectMasked(await failure(spec, { variables: { idem: key } }, { secrets: ["idem"] }), [key]);
    const hooked = await failure(post(), { onRequest: (request) => request.headers.set("Idempotency-Key", key) });
    expectMasked(hooked, [key]);
  });
});

describe("an API error leaves readable what an auth sent that is no credential", () => {
  it("AWS's signed date and body hash, the signature masked", async () => {
    const aws = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
    const dates: string[] = [];
    const error = await failure(op("/aws-time", { type: "awsv4", service: "s3", region: "us-east-1" }), {
      aws,
      fetch: async (url, init) => {
        dates.push(new Headers(init?.headers).get("x-amz-date")!);
        return fetch(url, init);
      },
    });
    const empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    expectMasked(error, [signatures.at(-1)!]);
    expect(dates[0]).toMatch(/^\d{8}T\d{6}Z$/);
    expect(error.message).toBe(`getThing: 403 Forbidden: signature ${MASK} for ${dates[0]} over ${empty} has expired`);
  });

  it("Hawk's payload hash (a hash of the body, as AWS's), its mac masked", async () => {
    const sent: string[] = [];
    const error = await failure(
      op(
        "/hawk",
        { type: "hawk", includePayloadHash: true },
        {
          method: "POST",
          body: "urlencoded",
          args: [{ arg: "q", name: "q", in: "body", required: false, default: "x" }],
        },
      ),
      {
        hawk: { id: "dh37fgj492je", key: "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn" },
        fetch: async (url, init) => {
          sent.push(new Headers(init?.headers).get("authorization") ?? "");
          return fetch(url, init);
        },
      },
    );
    const param = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(sent[0]!)![1]!;
    expect(param("hash")).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expectMasked(error, [param("mac")]);
    expect(error.message).toBe(`getThing: 401 Unauthorized: hash ${param("hash")} does not match, mac ${MASK} refused`);
  });

  it("Digest's realm, uri, qop, nc and algorithm; its response and cnonce masked", async () => {
    const sent: string[] = [];
    const error = await failure(op("/digest?page=2", { type: "digest" }), {
      digest: { username: "Mufasa", password: "Circle Of Life" },
      fetch: async (url, init) => {
        sent.push(new Headers(init?.headers).get("authorization") ?? "");
        return fetch(url, init);
      },
    });
    const header = sent.at(-1)!;
    const param = (name: string) => new RegExp(`${name}="?([^",]*)`).exec(header)![1]!;
    expectMasked(error, [param("response"), param("cnonce")]);
    expect(error.message).toBe(
      `getThing: 403 Forbidden: realm=${DIGEST_REALM} uri=/digest?page=2 qop=auth nc=00000001 algorithm=MD5 response=${MASK} cnonce=${MASK}`,
    );
  });
});

describe("a connection error masks them too", () => {
  it("in a message of fetch's that quotes the URL, and keeps no such cause", async () => {
    const key = "qk-55aa11bb22";
    const thrown: unknown[] = [];
    const error = await failure(op("/thing", { type: "apikey", in: "query", name: "key" }), {
      apiKey: key,
      fetch: async (input) => {
        const error = new TypeError(`request to ${String(input)} failed, reason: socket hang up`);
        thrown.push(error);
        throw error;
      },
    });
    expect(error).toBeInstanceOf(ConnectionError);
    expectMasked(error, [key]);
    expect(error.message).toBe(
      `getThing: connection lost: request to ${base}/thing?key=${MASK} failed, reason: socket hang up`,
    );
    expect("cause" in error).toBe(false);
    expect(thrown).toHaveLength(1);
  });

  it("keeps a cause that holds none", async () => {
    const error = await failure(op("/thing", { type: "bearer" }), {
      token: "tok-conn-1234",
      fetch: () =>
        Promise.reject(
          new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) }),
        ),
    });
    expect(error.message).toBe("getThing: connection failed: ECONNREFUSED");
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe(`a multipart part typed as JSON is read for its credentials up to ${LARGEST_PART_READ} bytes`, () => {
  const upload = op("/part", undefined, {
    method: "POST",
    body: "multipart",
    args: [
      { arg: "metadata", name: "metadata", in: "body", required: true, type: "file" },
      // A field named as a credential: what makes an operation read its form's (namedSecrets).
      { arg: "password", name: "password", in: "body", required: true },
    ],
  });
  const SECRET = "part-client-secret-6a1f93";
  /** JSON text of `size` bytes that holds `SECRET` under `client_secret`. */
  const json = (size: number): string => {
    const empty = JSON.stringify({ client_secret: SECRET, pad: "" });
    return empty.replace('"pad":""', `"pad":"${"x".repeat(size - empty.length)}"`);
  };

  it("one of that size, whose client_secret a server quotes", async () => {
    const metadata = new Blob([json(LARGEST_PART_READ)], { type: "application/json" });
    expect(metadata.size).toBe(LARGEST_PART_READ);
    const error = await failure(upload, {}, {}, {}, { metadata, password: "form-password-1" });
    expect(error).toBeInstanceOf(ApiError);
    expectMasked(error, [SECRET]);
  });

  it("not one a byte larger: a document the app uploads, left unread as any file part is", async () => {
    // A file on disk, which a Blob reads when asked: changed once the server has it, so that
    // reading it for the error would throw (NotReadableError) rather than give its text.
    const dir = mkdtempSync(join(tmpdir(), "pcg-part-"));
    const file = join(dir, "large.json");
    writeFileSync(file, json(LARGEST_PART_READ + 1));
    partCame = () => writeFileSync(file, "{}");
    try {
      const metadata = await openAsBlob(file, { type: "application/json" });
      expect(metadata.size).toBe(LARGEST_PART_READ + 1);
      const error = await failure(upload, {}, {}, {}, { metadata, password: "form-password-1" });
      expect(error, String(error)).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(422);
    } finally {
      partCame = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("what a call's secrets are", () => {
  const before = { url: new URL("https://api.test/x?page=2"), headers: new Headers({ accept: "application/json" }) };

  it("the auth's headers and query pairs, not what the request held before", () => {
    const after = {
      url: new URL("https://api.test/x?page=2&token=a%20b%2Bc"),
      headers: new Headers({ accept: "application/json", authorization: "Bearer abcdef" }),
    };
    const secrets = sentSecrets(before, after);
    expect(secrets).toEqual(expect.arrayContaining(["Bearer abcdef", "abcdef", "a b+c"]));
    expect(secrets).not.toContain("application/json");
    expect(secrets).not.toContain("2");
  });

  it("masks a last character whole where one of its forms starts another (an escaped backslash, `%25`)", () => {
    const secrets = ["s3cr3t-ends-in\\", "s3cr3t-ends-in%"];
    for (const secret of secrets)
      for (const form of [JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])
        expect(masker(secrets)(`<${form}>`), form).toBe(`<${MASK}>`);
  });

  it("looks for a run of backslashes in a long text of them once at each place, not every way", () => {
    // Each character of the secret takes one of the text's: where `\` stood as itself or as its
    // JSON escape `\\`, this text was tried 2^64 ways at each place (it never finished).
    const secret = `${"\\".repeat(64)}x`;
    const text = "\\".repeat(10_000);
    expect(masker([secret])(text)).toBe(text);
    expect(masker([secret])(`${text}${JSON.stringify(secret)}`)).toBe(`${text}"${MASK}"`);
  });

  it("masks a secret percent-encoded with each hex digit in either case, mixed within a character too", () => {
    const secret = "s3cr3t-é-ü-\u{1F511}-value";
    const upper = encodeURIComponent(secret);
    // Upper and lower case by turns: from one `%xx` to the next (`%C3%a9`), and from one hex
    // letter to the next (`%F0%9f%94%91`, `%fB`), as a proxy that rewrites a URL piece by piece may.
    let turn = 0;
    const byEscape = upper.replace(/%[0-9A-F]{2}/g, (escape) => (turn++ % 2 ? escape.toLowerCase() : escape));
    const byLetter = upper.replace(/[A-F]/g, (letter) => (turn++ % 2 ? letter.toLowerCase() : letter));
    for (const form of [upper, upper.toLowerCase(), byEscape, byLetter]) {
      expect(form).not.toBe(secret);
      expect(masker([secret])(`key=${form}&page=2`), form).toBe(`key=${MASK}&page=2`);
    }
  });

  it("masks a secret's own letters only as written: in another case they are words of the text", () => {
    // A Basic user name (Mailgun's `api`) and an environment's name (`Prod`) are short: read in
    // any case, they masked "Invalid API key" and `env PROD`, which hid nothing of theirs.
    expect(masker(["api"])("Invalid API key (Api): api")).toBe(`Invalid API key (Api): ${MASK}`);
    expect(masker(["Prod"])("env PROD, not prod: Prod")).toBe(`env PROD, not prod: ${MASK}`);
    // A long one too: a server that folds a key echoes another value, not this one.
    const long = "s3cr3tKeyValue";
    expect(masker([long])(`${long.toUpperCase()} ${long}`)).toBe(`${long.toUpperCase()} ${MASK}`);
    // Its percent-encoding still in either case, mixed within a character (`%c3%A9`).
    expect(masker(["clé"])("key=cl%c3%A9&page=2")).toBe(`key=${MASK}&page=2`);
    expect(masker(["clé"])("key=CL%c3%A9&page=2")).toBe("key=CL%c3%A9&page=2");
  });

  it("looks for a character's encoding in mixed case once at each place, not every way", () => {
    // A secret of a character with hex letters over and over, and a text of that character's
    // encoding in every case, never followed by the secret's end: a pattern whose ways for one
    // character overlapped (upper and lower case each as a way of its own beside one that takes
    // either case, which matches them too) tried it 2^32 ways at each place (36 characters took
    // seconds).
    const secret = `${"é".repeat(64)}x`;
    const text = "%C3%A9%c3%a9%C3%a9%c3%A9".repeat(2_500);
    expect(masker([secret])(text)).toBe(text);
    expect(masker([secret])(`${text}${encodeURIComponent(secret)}`)).toBe(`${text}${MASK}`);
  });

  it("makes patterns that grow with a secret's length, not with the ways its encoding can be written", () => {
    // The patterns a masker looks for, read off the text it is given: a stand-in whose `replace`
    // records each one. A character of four bytes has eight hex digits, six of them letters here
    // (`%F4%8F%BF%BF`), which could be written 2^6 ways: its part of a pattern stays near its text.
    const sizes = (secret: string): number => {
      let size = 0;
      const text = {
        replace(pattern: RegExp) {
          size += pattern.source.length;
          return text;
        },
      };
      masker([secret])(text as unknown as string);
      return size;
    };
    const char = "\u{10FFFF}";
    const encoded = encodeURIComponent(char);
    const one = sizes(char.repeat(33)) - sizes(char.repeat(32));
    expect(sizes(char.repeat(64)) - sizes(char.repeat(32))).toBe(32 * one);
    // Each of the secret's two forms (as written, JSON-escaped) holds the character once.
    expect(one).toBeLessThanOrEqual(2 * 4 * encoded.length);
  });

  it("makes one TextEncoder for all its secrets, whatever their length", () => {
    // Each character's UTF-8 bytes are read by one encoder: counted by a subclass put in the
    // platform's place while the masker is made.
    const Platform = globalThis.TextEncoder;
    let made = 0;
    globalThis.TextEncoder = class extends Platform {
      constructor() {
        super();
        made++;
      }
    };
    try {
      masker(["s3cr3t-é-ü-".repeat(20), "another-secret-value"]);
    } finally {
      globalThis.TextEncoder = Platform;
    }
    expect(made).toBe(1);
  });

  it(`masks nothing shorter than ${SHORTEST_SECRET} characters`, () => {
    const mask = masker(["ab", "abc"]);
    expect(mask("ab abc")).toBe(`ab ${MASK}`);
  });

  it(`masks a secret shorter than ${WORD_SECRET_BELOW} characters only as a word of its own`, () => {
    const mask = masker(["tok", "a.b$c"]);
    // Keys and words that hold it stay readable; the value itself, quoted or bare, is masked.
    expect(mask('{"access_token":"tok","x":"tok tok","y":"tokens"}')).toBe(
      `{"access_token":"${MASK}","x":"${MASK} ${MASK}","y":"tokens"}`,
    );
    expect(mask("a.b$c, xa.b$c, a.b$cd")).toBe(`${MASK}, xa.b$c, a.b$cd`);
    // A longer one is masked wherever it is: inside another URL's encoded query too.
    const long = "s3cr3tKeyValue";
    expect(masker([long])(`next=%3Fkey%3D${long}%26a`)).toBe(`next=%3Fkey%3D${MASK}%26a`);
  });
});
