// OAuth 2.0 grants the client runs itself, against a real authorization server on 127.0.0.1
// (@node-oauth/oauth2-server, which checks client authentication, PKCE, codes and refresh tokens)
// whose /api accepts only the access tokens it issued; a recording server for the answers it would
// not give (a token endpoint that hangs, a token that lives 30 s).
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ClientOptions } from "../../src/runtime/core.js";
import {
  ApiError,
  ConnectionError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from "../../src/runtime/errors.js";
import type { AuthOptions } from "../../src/runtime/auth.js";
import type { OAuth2Token } from "../../src/runtime/auth.js";
import { authorizeOAuth2 } from "../../src/runtime/oauth2.js";
import type { OAuth2Spec, OperationSpec } from "../../src/runtime/spec.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";
import { approve, CONFIDENTIAL, PUBLIC, REDIRECT, startTokenServer, USER, type TokenServer } from "./token-server.js";
import { refusedPort } from "../helpers/refused-port.js";

let server: TokenServer;
const recording = useRecordingServer();
beforeAll(async () => {
  server = await startTokenServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.tokenRequests.length = 0;
  server.apiRequests.length = 0;
});

const api: OperationSpec = {
  name: "op",
  namespace: [],
  item: "Op",
  folder: [],
  method: "GET",
  path: "/api",
  args: [],
  responses: [],
};
const clientCredentials = (extra: Partial<OAuth2Spec> = {}): OAuth2Spec => ({
  type: "oauth2",
  grant: "client_credentials",
  accessTokenUrl: "{{base}}/token",
  clientId: CONFIDENTIAL.id,
  clientSecret: "{{client_secret}}",
  scope: "read",
  ...extra,
});

function client(auth: OAuth2Spec, options: ClientOptions<object> = {}) {
  const core = testCore(
    {
      baseUrl: server.url,
      maxRetries: 0,
      variables: { base: server.url, client_secret: CONFIDENTIAL.secret },
      ...options,
    },
    { baseUrl: server.url, variables: {} },
  );
  return (op: Partial<OperationSpec> = {}) => core.call({ ...api, ...op, auth }, {});
}

describe("grants", () => {
  it("client credentials (Basic client authentication): one token for many calls, accepted by the API", async () => {
    const call = client(clientCredentials());
    expect(await call()).toEqual({ ok: true });
    expect(await call()).toEqual({ ok: true });
    expect(server.tokenRequests.map((r) => [r.grant, r.basic, r.form["scope"]])).toEqual([
      ["client_credentials", true, "read"],
    ]);
    expect(server.apiRequests.map((r) => r.status)).toEqual([200, 200]);
    expect(server.apiRequests[0]!.authorization).toMatch(/^Bearer [0-9a-f]{40,}$/);
  });

  it("one token request for N parallel calls (single flight)", async () => {
    const call = client(clientCredentials());
    await Promise.all(Array.from({ length: 8 }, () => call()));
    expect(server.tokenRequests).toHaveLength(1);
    expect(server.apiRequests.map((r) => r.status)).toEqual(Array(8).fill(200));
  });

  it("client authentication in the body, the token in the query (addTokenTo queryParams)", async () => {
    await client(clientCredentials({ clientAuthentication: "body", addTokenTo: "queryParams" }))();
    expect(server.tokenRequests.map((r) => [r.basic, r.form["client_id"], r.form["client_secret"]])).toEqual([
      [false, CONFIDENTIAL.id, CONFIDENTIAL.secret],
    ]);
    expect(server.apiRequests[0]).toMatchObject({ authorization: undefined, status: 200 });
    expect(server.apiRequests[0]!.query).toMatch(/^\?access_token=[0-9a-f]{40,}$/);
  });

  it("replaces the item's own access_token in the query, and drops it when the token goes in the header, as Postman does", async () => {
    const args = [
      { arg: "access_token", name: "access_token", in: "query" as const, required: false, default: "{{stale}}" },
      { arg: "q", name: "q", in: "query" as const, required: false, default: "a b" },
    ];
    const options = { variables: { base: server.url, client_secret: CONFIDENTIAL.secret, stale: "stale-token" } };
    await client(clientCredentials({ addTokenTo: "queryParams" }), options)({ args });
    await client(clientCredentials(), options)({ args });
    expect(server.apiRequests.map((r) => [r.status, r.query.replace(/=[0-9a-f]{40,}$/, "=<issued>")])).toEqual([
      [200, "?q=a%20b&access_token=<issued>"],
      [200, "?q=a%20b"],
    ]);
  });

  it("password, with the user's credentials from the oauth2 option", async () => {
    const auth: OAuth2Spec = {
      type: "oauth2",
      grant: "password",
      accessTokenUrl: `${server.url}/token`,
      clientId: CONFIDENTIAL.id,
      clientSecret: "{{client_secret}}",
    };
    expect(await client(auth, { oauth2: { username: USER.username, password: USER.password } })()).toEqual({
      ok: true,
    });
    expect(server.tokenRequests.map((r) => [r.grant, r.form["username"], r.form["password"]])).toEqual([
      ["password", USER.username, USER.password],
    ]);
  });

  it("authorization code with PKCE (S256) for a public client: the app is handed the URL and gives the redirect back", async () => {
    const auth: OAuth2Spec = {
      type: "oauth2",
      grant: "authorization_code",
      pkce: true,
      accessTokenUrl: `${server.url}/token`,
      authUrl: `${server.url}/authorize`,
      redirectUri: REDIRECT,
      clientId: PUBLIC.id,
      scope: "read",
    };
    const seen: URL[] = [];
    const authorize = (url: URL) => {
      seen.push(url);
      return approve(url);
    };
    expect(await client(auth, { oauth2: { authorize } })()).toEqual({ ok: true });
    const query = Object.fromEntries(seen[0]!.searchParams);
    expect(query).toMatchObject({
      response_type: "code",
      client_id: PUBLIC.id,
      redirect_uri: REDIRECT,
      scope: "read",
      code_challenge_method: "S256",
    });
    expect(query["code_challenge"]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(server.tokenRequests.map((r) => [r.grant, r.form["redirect_uri"], typeof r.form["code_verifier"]])).toEqual([
      ["authorization_code", REDIRECT, "string"],
    ]);
  });

  it("authorization code for a confidential client, the app giving back the code alone", async () => {
    const auth: OAuth2Spec = {
      type: "oauth2",
      grant: "authorization_code",
      accessTokenUrl: `${server.url}/token`,
      authUrl: `${server.url}/authorize`,
      redirectUri: REDIRECT,
      clientId: CONFIDENTIAL.id,
      clientSecret: "{{client_secret}}",
    };
    const authorize = async (url: URL) => new URL(await approve(url)).searchParams.get("code")!;
    expect(await client(auth, { oauth2: { authorize } })()).toEqual({ ok: true });
    expect(server.tokenRequests.map((r) => [r.grant, r.basic, "code_verifier" in r.form])).toEqual([
      ["authorization_code", true, false],
    ]);
  });

  it("refuses a redirect whose state is not the one sent, and an authorization code grant without authorize", async () => {
    const auth: OAuth2Spec = {
      type: "oauth2",
      grant: "authorization_code",
      accessTokenUrl: `${server.url}/token`,
      authUrl: `${server.url}/authorize`,
      redirectUri: REDIRECT,
      clientId: PUBLIC.id,
      pkce: true,
    };
    await expect(client(auth, { oauth2: { authorize: () => `${REDIRECT}?code=x&state=forged` } })()).rejects.toThrow(
      "op: the authorization redirect's state is not the one sent: the code is refused",
    );
    await expect(client(auth)()).rejects.toThrow(
      /uses the authorization code grant: pass createClient\(\{ oauth2: \{ authorize \} \}\)/,
    );
    expect(server.tokenRequests).toHaveLength(0);
  });
});

describe("renewal", () => {
  it("a 401 renews the token once with the refresh token and sends the call again", async () => {
    const auth: OAuth2Spec = {
      type: "oauth2",
      grant: "password",
      accessTokenUrl: `${server.url}/token`,
      clientId: CONFIDENTIAL.id,
      clientSecret: "{{client_secret}}",
    };
    const kept: OAuth2Token[] = [];
    const call = client(auth, {
      oauth2: { username: USER.username, password: USER.password, onToken: (token) => void kept.push(token) },
    });
    await call();
    server.revokeAccessTokens();
    expect(await call()).toEqual({ ok: true });
    expect(server.tokenRequests.map((r) => r.grant)).toEqual(["password", "refresh_token"]);
    expect(server.apiRequests.map((r) => r.status)).toEqual([200, 401, 200]);
    expect(kept).toHaveLength(2);
    expect(kept[1]!.accessToken).not.toBe(kept[0]!.accessToken);
    expect(kept[0]!.expiresAt).toBeGreaterThan(Date.now() + 3_500_000);
  });

  it("never loops: an API that refuses every token gets one renewal and one retry, then the 401 is the caller's", async () => {
    const error = await client(clientCredentials(), { maxRetries: 2 })({ path: "/deny" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(server.apiRequests.map((r) => r.status)).toEqual([401, 401]);
    expect(server.tokenRequests.map((r) => r.grant)).toEqual(["client_credentials", "client_credentials"]);
    expect(server.apiRequests[0]!.authorization).not.toBe(server.apiRequests[1]!.authorization);
  });

  it("renews a token that expires within the margin by its refresh token, and starts from a kept token", async () => {
    const auth: OAuth2Spec = {
      type: "oauth2",
      grant: "password",
      accessTokenUrl: `${server.url}/token`,
      clientId: CONFIDENTIAL.id,
      clientSecret: "{{client_secret}}",
    };
    const kept: OAuth2Token[] = [];
    await client(auth, {
      oauth2: { username: USER.username, password: USER.password, onToken: (t) => void kept.push(t) },
    })();
    server.tokenRequests.length = 0;
    // A later session starts from the kept token: no token request while it is fresh.
    await client(auth, { oauth2: { token: kept[0]! } })();
    expect(server.tokenRequests).toHaveLength(0);
    // With a margin longer than its life, it is renewed by its refresh token first.
    await client(auth, { oauth2: { token: kept[0]!, expiryMarginSeconds: 7200 } })();
    expect(server.tokenRequests.map((r) => [r.grant, r.form["refresh_token"]])).toEqual([
      ["refresh_token", kept[0]!.refreshToken],
    ]);
  });

  it("reuses a 30-second token for the next call made right away", async () => {
    const op: OperationSpec = {
      name: "getThing",
      namespace: [],
      item: "Get thing",
      folder: [],
      method: "GET",
      path: "/thing",
      args: [],
      auth: {
        type: "oauth2",
        grant: "client_credentials",
        accessTokenUrl: `${recording.url}/token`,
        clientId: "id",
        clientSecret: "s",
      },
      responses: [],
    };
    const json = { "content-type": "application/json" };
    recording.reply(
      {
        status: 200,
        headers: json,
        body: JSON.stringify({ access_token: "t1", token_type: "Bearer", expires_in: 30 }),
      },
      { status: 200, headers: json, body: "{}" },
    );
    const core = testCore({ baseUrl: recording.url }, { baseUrl: recording.url, variables: {} });
    await core.call(op, {});
    await core.call(op, {}).catch(() => undefined);
    expect(recording.requests.map((r) => r.path)).toEqual(["/token", "/thing", "/thing"]);
    expect(recording.requests[2]!.headers["authorization"]).toBe("Bearer t1");
  });

  it("an explicit token option wins over the grant", async () => {
    const error = await client(clientCredentials(), { token: "explicit-token" })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(server.tokenRequests).toHaveLength(0);
    expect(server.apiRequests[0]!.authorization).toBe("Bearer explicit-token");
  });
});

describe("the token request's time and abort", () => {
  const op = (extra: Partial<OAuth2Spec> = {}): OperationSpec => ({
    name: "getThing",
    namespace: [],
    item: "Get thing",
    folder: [],
    method: "GET",
    path: "/thing",
    args: [],
    auth: {
      type: "oauth2",
      grant: "client_credentials",
      accessTokenUrl: `${recording.url}/token`,
      clientId: "id",
      clientSecret: "client-secret-value",
      ...extra,
    },
    responses: [],
  });
  const json = { "content-type": "application/json" };
  const token = (accessToken: string, delayMs?: number) => ({
    status: 200,
    headers: json,
    body: JSON.stringify({ access_token: accessToken, expires_in: 3600 }),
    ...(delayMs ? { delayMs } : {}),
  });
  const core = (options: ClientOptions<object> = {}) =>
    testCore({ baseUrl: recording.url, ...options }, { baseUrl: recording.url, variables: {} });
  // Settles with what the promise settles with, or "still pending" after `ms`.
  const within = (promise: Promise<unknown>, ms: number) =>
    Promise.race([
      promise.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      new Promise((resolve) => setTimeout(() => resolve("still pending"), ms)),
    ]);

  it("is given up when the caller aborts", async () => {
    recording.reply({ action: "hang" });
    const controller = new AbortController();
    const result = core().call(op(), {}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user gave up")), 100);
    const outcome = await within(result, 1500);
    expect(outcome).toEqual({ error: new Error("user gave up") });
  });

  it("counts against timeoutMs", async () => {
    recording.reply({ action: "hang" });
    const outcome = await within(core({ timeoutMs: 200, maxRetries: 0 }).call(op(), {}), 1500);
    expect(outcome).toMatchObject({ error: expect.any(TimeoutError) });
    const { error } = outcome as { error: TimeoutError };
    expect(error.message).toBe(`getThing: no token from the token endpoint ${recording.url}/token within 200 ms`);
    expect(JSON.stringify(error)).not.toContain("client-secret-value");
  });

  it("a call that gives up leaves the shared request to the calls still waiting for it", async () => {
    recording.reply(token("shared", 300), { status: 200, headers: json, body: "{}" });
    const client = core();
    const controller = new AbortController();
    const leaving = client.call(op(), {}, { signal: controller.signal });
    const short = client.call(op(), {}, { timeoutMs: 100 });
    const staying = client.call(op(), {});
    setTimeout(() => controller.abort(new Error("user gave up")), 50);
    await expect(leaving).rejects.toThrow("user gave up");
    await expect(short).rejects.toBeInstanceOf(TimeoutError);
    expect(await staying).toEqual({});
    expect(recording.requests.map((r) => [r.path, r.headers["authorization"]])).toEqual([
      ["/token", expect.stringMatching(/^Basic /)],
      ["/thing", "Bearer shared"],
    ]);
  });

  it("a token endpoint that never answers is given up after the client's timeoutMs, and asked again by the next call", async () => {
    recording.reply({ action: "hang" }, token("second"), { status: 200, headers: json, body: "{}" });
    const client = core({ timeoutMs: 300, maxRetries: 0 });
    // The first call stops waiting after its own 100 ms; the second waits for the shared request,
    // which fails at the client's 300 ms; the third asks again.
    expect(await within(client.call(op(), {}, { timeoutMs: 100 }), 1500)).toEqual({ error: expect.any(TimeoutError) });
    const second = (await within(client.call(op(), {}), 1500)) as { error: TimeoutError };
    expect(second.error).toBeInstanceOf(TimeoutError);
    expect(second.error.timeoutMs).toBe(300);
    expect(await within(client.call(op(), {}), 1500)).toEqual({ value: {} });
    expect(recording.requests.map((r) => r.path)).toEqual(["/token", "/token", "/thing"]);
    expect(recording.requests[2]!.headers["authorization"]).toBe("Bearer second");
  });

  it("an already aborted call asks for no token", async () => {
    const controller = new AbortController();
    controller.abort(new Error("before it started"));
    await expect(core().call(op(), {}, { signal: controller.signal })).rejects.toThrow("before it started");
    expect(recording.requests).toHaveLength(0);
  });

  it("the call's timeout does not cut short the user's authorization step", async () => {
    recording.reply(token("after-login"), { status: 200, headers: json, body: "{}" });
    const authorize = async (url: URL) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return `${REDIRECT}?code=the-code&state=${url.searchParams.get("state")}`;
    };
    const spec = op({ grant: "authorization_code", authUrl: `${recording.url}/authorize`, redirectUri: REDIRECT });
    expect(await core({ timeoutMs: 100, oauth2: { authorize } }).call(spec, {})).toEqual({});
    expect(recording.requests[1]!.headers["authorization"]).toBe("Bearer after-login");
  });

  it("a token endpoint down or failing is not retried: the call fails at once, naming the endpoint", async () => {
    recording.reply({ status: 503, headers: json, body: '{"error":"temporarily_unavailable"}' });
    const error = (await core({ maxRetries: 2 })
      .call(op(), {})
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toContain(`the token endpoint ${recording.url}/token`);
    expect(recording.requests.map((r) => r.path)).toEqual(["/token"]);
  });
});

describe("the token cache", () => {
  // A token endpoint that names whose token it gives, and an API that answers {}.
  const tokens = () => {
    const sent: Array<{ url: string; headers: Headers; body: string }> = [];
    const fetch = (async (url: string, init: RequestInit) => {
      sent.push({ url: String(url), headers: new Headers(init.headers), body: String(init.body) });
      if (String(url).includes("/token")) {
        const p = new URLSearchParams(String(init.body));
        return Response.json({ access_token: `tok-for-${p.get("username")}`, expires_in: 3600 });
      }
      return Response.json({});
    }) as typeof globalThis.fetch;
    return { sent, fetch, calls: () => sent.filter((s) => !s.url.includes("/token")) };
  };
  const op = (auth: Partial<OAuth2Spec>): OperationSpec => ({
    name: "op",
    namespace: [],
    item: "Op",
    folder: [],
    method: "GET",
    path: "/x",
    args: [],
    responses: [],
    auth: { type: "oauth2", grant: "password", accessTokenUrl: "http://auth.test/token", clientId: "app", ...auth },
  });

  it("does not hand one user's password-grant token to another user's call", async () => {
    const { fetch, sent, calls } = tokens();
    const core = testCore({ fetch }, { baseUrl: "http://api.test", variables: {} });
    const spec = op({ username: "{{user}}", password: "{{pass}}" });
    await core.call(spec, {}, { variables: { user: "alice", pass: "a" } });
    await core.call(spec, {}, { variables: { user: "bob", pass: "b" } });
    expect(calls()[1]!.headers.get("authorization")).toBe("Bearer tok-for-bob");
    // Each user's token is kept for that user's next call.
    await core.call(spec, {}, { variables: { user: "alice", pass: "a" } });
    expect(calls()[2]!.headers.get("authorization")).toBe("Bearer tok-for-alice");
    expect(sent.filter((s) => s.url.includes("/token"))).toHaveLength(2);
  });

  it("keeps a token per client secret, password, audience, resource and extra token parameter", async () => {
    const { fetch, sent } = tokens();
    const core = testCore({ fetch }, { baseUrl: "http://api.test", variables: {} });
    const spec = op({
      username: "u",
      password: "{{pass}}",
      clientSecret: "{{secret}}",
      clientAuthentication: "body",
      audience: "{{audience}}",
      resource: "{{resource}}",
      tokenParams: [["tenant", "{{tenant}}"]],
    });
    const base = { pass: "p", secret: "s", audience: "a", resource: "r", tenant: "t" };
    for (const variables of [
      base,
      base,
      { ...base, pass: "p2" },
      { ...base, secret: "s2" },
      { ...base, audience: "a2" },
      { ...base, resource: "r2" },
      { ...base, tenant: "t2" },
      base,
    ])
      await core.call(spec, {}, { variables });
    const asked = sent.filter((s) => s.url.includes("/token")).map((s) => new URLSearchParams(s.body));
    expect(
      asked.map((p) => [
        p.get("password"),
        p.get("client_secret"),
        p.get("audience"),
        p.get("resource"),
        p.get("tenant"),
      ]),
    ).toEqual([
      ["p", "s", "a", "r", "t"],
      ["p2", "s", "a", "r", "t"],
      ["p", "s2", "a", "r", "t"],
      ["p", "s", "a2", "r", "t"],
      ["p", "s", "a", "r2", "t"],
      ["p", "s", "a", "r", "t2"],
    ]);
  });

  it("is keyed without a secret in plain text", async () => {
    const { fetch } = tokens();
    const session = new Map<string, unknown>();
    const spec = op({ username: "alice", password: "pass-123456", clientSecret: "secret-123456" });
    const request = { method: "GET", url: new URL("http://api.test/x"), headers: new Headers(), body: undefined };
    await authorizeOAuth2(spec, request, { fetch } as AuthOptions, () => undefined, session);
    expect([...session.keys()]).toHaveLength(1);
    for (const key of session.keys()) {
      expect(key).not.toContain("pass-123456");
      expect(key).not.toContain("secret-123456");
    }
  });
});

describe("token endpoint errors name the endpoint, never the secret", () => {
  const hidden = (error: unknown) => {
    for (const text of [(error as Error).message, String(error), JSON.stringify(error)]) {
      expect(text).not.toContain(CONFIDENTIAL.secret);
      expect(text).not.toContain("wrong-secret");
    }
  };

  it("invalid_client", async () => {
    const error = (await client(clientCredentials({ clientSecret: "{{other}}" }), {
      variables: { base: server.url, other: "wrong-secret" },
    })().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe("invalid_client");
    expect(error.message).toMatch(
      new RegExp(`^op: (400|401) the token endpoint ${server.url}/token: .*\\(error code invalid_client\\)$`),
    );
    hidden(error);
    expect(server.apiRequests).toHaveLength(0);
  });

  it("the endpoint down, and an answer that is not a token", async () => {
    const port = await refusedPort();
    const down = (await client(clientCredentials({ accessTokenUrl: `http://127.0.0.1:${port}/token?x=1` }))().catch(
      (e: unknown) => e,
    )) as ConnectionError;
    expect(down).toBeInstanceOf(ConnectionError);
    expect(down.message).toBe(
      `op: the token endpoint http://127.0.0.1:${port}/token could not be reached: ECONNREFUSED`,
    );
    hidden(down);
    server.replyToken({ status: 200, body: "<html>login</html>", contentType: "text/html" });
    const html = (await client(clientCredentials())().catch((e: unknown) => e)) as ApiError;
    expect(html).toBeInstanceOf(ApiError);
    expect(html.message).toBe(
      `op: 200 the token endpoint ${server.url}/token: the answer holds no access_token (is it JSON?)`,
    );
    expect(html.body).toBeUndefined();
  });

  it("a collection without a token URL, or a grant it cannot run, is a ValidationError", async () => {
    await expect(client({ type: "oauth2", grant: "client_credentials" })()).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("the module as an app's compiler reads it", () => {
  it("type-checks under exactOptionalPropertyTypes", () => {
    const file = fileURLToPath(new URL("../../src/runtime/oauth2.ts", import.meta.url));
    const program = ts.createProgram({
      rootNames: [file],
      options: {
        strict: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
        types: [],
      },
    });
    const errors = ts
      .getPreEmitDiagnostics(program, program.getSourceFile(file))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(errors).toEqual([]);
  });
});
