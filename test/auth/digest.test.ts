// HTTP Digest as the client answers it: the RFCs' published responses, http-auth's digest server
// (written by others) for MD5 and MD5-sess, and a server written here from RFC 7616's formulas (with
// node:crypto) for SHA-256, auth-int, stale nonces and wrong passwords.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import httpAuth from "http-auth";
import { afterEach, describe, expect, it } from "vitest";
import { chooseChallenge, digestAuthorization, md5, type DigestChallenge } from "../../src/runtime/digest.js";
import { UnauthorizedError, ValidationError } from "../../src/runtime/errors.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { testCore } from "../helpers/runtime.js";
import { digestServer } from "./servers.js";

const op: OperationSpec = {
  name: "op",
  namespace: [],
  item: "Op",
  folder: [],
  method: "GET",
  path: "/dir/index.html",
  args: [],
  responses: [],
};

describe("published responses", () => {
  const request = (uri: string) => ({
    url: new URL(`http://www.example.org${uri}`),
    method: "GET",
    headers: new Headers(),
    body: undefined,
  });
  const rfc7616 =
    'Digest realm="http-auth@example.org", qop="auth, auth-int", nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';
  const answer = (challenge: DigestChallenge, password: string, cnonce: string) =>
    digestAuthorization({
      request: request("/dir/index.html"),
      username: "Mufasa",
      password,
      challenge,
      nc: 1,
      cnonce,
    });

  it.each([
    ["MD5", "8ca523f5e9506fed4657c9700eebdbec"],
    ["SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"],
  ])("RFC 7616 section 3.9.1, %s", async (algorithm, response) => {
    const challenge = chooseChallenge(op, `${rfc7616}, algorithm=${algorithm}`)!;
    expect(await answer(challenge, "Circle of Life", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ")).toBe(
      `Digest username="Mufasa", realm="http-auth@example.org", nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", uri="/dir/index.html", algorithm=${algorithm}, qop=auth, nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", response="${response}", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`,
    );
  });

  it("RFC 2617 section 3.5, and its form without qop (RFC 2069)", async () => {
    const rfc2617 =
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"';
    expect(await answer(chooseChallenge(op, rfc2617)!, "Circle Of Life", "0a4f113b")).toContain(
      'response="6629fae49393a05397450978507c4ef1"',
    );
    const noQop = chooseChallenge(op, 'Digest realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093"')!;
    const header = await answer(noQop, "Circle Of Life", "unused");
    expect(header).toContain('response="670fd8c2df070c60b045671b8b24ff02"');
    expect(header).not.toContain("nc=");
  });

  it("computes MD5 as node:crypto does, for every length around the block boundaries", () => {
    for (let length = 0; length < 200; length++) {
      const bytes = randomBytes(length);
      expect(md5(bytes)).toBe(createHash("md5").update(bytes).digest("hex"));
    }
  });

  it("picks the challenge the collection prefers, else the first it can compute, and auth over auth-int", () => {
    const header =
      'Basic realm="x", Digest realm="a", nonce="n1", algorithm=SHA-512-256, qop="auth-int,auth", Digest realm="a", nonce="n2", algorithm=MD5, qop="auth-int", Digest realm="a", nonce="n3", algorithm="SHA-256", qop="auth-int,auth"';
    expect(chooseChallenge(op, header)).toMatchObject({ nonce: "n2", algorithm: "MD5", qop: "auth-int" });
    expect(chooseChallenge(op, header, { algorithm: "sha-256" })).toMatchObject({
      nonce: "n3",
      algorithm: "SHA-256",
      qop: "auth",
    });
    expect(chooseChallenge(op, header, { algorithm: "SHA-256", qop: "auth-int" })).toMatchObject({
      nonce: "n3",
      qop: "auth-int",
    });
    expect(chooseChallenge(op, 'Basic realm="x"')).toBeUndefined();
    expect(() => chooseChallenge(op, 'Digest realm="a", nonce="n", algorithm=SHA-512-256')).toThrow(
      "op: the server asks for Digest with SHA-512-256, which the client cannot compute (it has MD5, MD5-sess, SHA-256, SHA-256-sess)",
    );
  });
});

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function listen(
  handler: (req: IncomingMessage, body: Buffer) => { status: number; headers?: Record<string, string> },
): Promise<{ url: string; seen: Array<{ authorization?: string | undefined; status: number }> }> {
  const seen: Array<{ authorization?: string | undefined; status: number }> = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const answer = handler(req, Buffer.concat(chunks));
      seen.push({ authorization: req.headers.authorization, status: answer.status });
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe("against http-auth's digest server", () => {
  it.each(["MD5", "MD5-sess"])(
    "%s: the challenge answered, then each later call signed at once with the next nonce count",
    async (algorithm) => {
      const realm = "Simon Area.";
      const digest = httpAuth.digest({ realm, algorithm }, (username: string, callback: (hash: string) => void) =>
        callback(username === "Mufasa" ? createHash("md5").update(`Mufasa:${realm}:Circle of Life`).digest("hex") : ""),
      );
      const seen: Array<string | undefined> = [];
      server = createServer(
        digest.check((req, res) => {
          res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
        }),
      );
      server.on("request", (req: IncomingMessage) => seen.push(req.headers.authorization));
      await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const core = testCore(
        { baseUrl: url, maxRetries: 0, digest: { username: "Mufasa", password: "Circle of Life" } },
        { baseUrl: url, variables: {} },
      );
      const spec: OperationSpec = { ...op, auth: { type: "digest" } };
      expect(await core.call(spec, {})).toEqual({ ok: true });
      expect(await core.call(spec, {})).toEqual({ ok: true });
      expect(await core.call({ ...spec, path: "/dir/other.html?q=1" }, {})).toEqual({ ok: true });
      expect(seen.map((a) => a?.split(" ")[0])).toEqual([undefined, "Digest", "Digest", "Digest"]);
      expect(seen.slice(1).map((a) => /nc=(\w+)/.exec(a!)![1])).toEqual(["00000001", "00000002", "00000003"]);
      expect(seen[3]).toContain('uri="/dir/other.html?q=1"');
    },
  );

  it("a wrong password: one challenge answered, then the 401 is the caller's, sent no more", async () => {
    const realm = "r";
    const digest = httpAuth.digest({ realm }, (_username: string, callback: (hash: string) => void) =>
      callback(createHash("md5").update(`u:${realm}:right`).digest("hex")),
    );
    let requests = 0;
    server = createServer(digest.check((_req, res) => res.end("{}")));
    server.on("request", () => requests++);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const core = testCore(
      { baseUrl: url, maxRetries: 2, digest: { username: "u", password: "wrong" } },
      { baseUrl: url, variables: {} },
    );
    const error = await core.call({ ...op, auth: { type: "digest" } }, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(requests).toBe(2);
    for (const text of [String(error), JSON.stringify(error)]) expect(text).not.toContain("wrong");
  });
});

describe("against a server written from RFC 7616", () => {
  it.each([
    ["SHA-256", "auth"],
    ["SHA-256-sess", "auth"],
    ["SHA-256", "auth-int"],
    ["MD5", "auth-int"],
  ])("%s with qop %s, a JSON body hashed as sent", async (algorithm, qop) => {
    const rfc = digestServer({ algorithm, qop, password: "pässword" });
    const { url, seen } = await listen(rfc.handle);
    const post: OperationSpec = {
      ...op,
      method: "POST",
      body: "json",
      contentType: "application/json",
      args: [{ arg: "a", name: "a", in: "body", required: true, type: "json" }],
      auth: { type: "digest", username: "{{user}}", password: "{{pass}}", algorithm },
    };
    const core = testCore(
      { baseUrl: url, maxRetries: 0, variables: { user: "Mufasa", pass: "pässword" } },
      { baseUrl: url, variables: {} },
    );
    await core.call(post, { a: "ü" });
    await core.call(post, { a: 2 });
    expect(seen.map((s) => s.status)).toEqual([401, 200, 200]);
  });

  it("a stale nonce is answered once with the new one; the call after signs with it", async () => {
    const rfc = digestServer({ algorithm: "SHA-256", qop: "auth", password: "p" });
    const { url, seen } = await listen(rfc.handle);
    const core = testCore(
      { baseUrl: url, maxRetries: 0, digest: { username: "u", password: "p" } },
      { baseUrl: url, variables: {} },
    );
    const spec: OperationSpec = { ...op, auth: { type: "digest" } };
    await core.call(spec, {});
    rfc.rotate();
    await core.call(spec, {});
    await core.call(spec, {});
    expect(seen.map((s) => s.status)).toEqual([401, 200, 401, 200, 200]);
    expect(seen[2]!.authorization).toContain("nc=00000002");
    expect(seen[3]!.authorization).toContain("nc=00000001");
    expect(seen[4]!.authorization).toContain("nc=00000002");
  });

  it("keeps challenges per origin and per client; without a username, refuses the call, or (digest: null) sends nothing signed", async () => {
    const rfc = digestServer({ algorithm: "MD5", qop: "auth", password: "p" });
    const { url, seen } = await listen(rfc.handle);
    const spec: OperationSpec = { ...op, auth: { type: "digest" } };
    const options = { baseUrl: url, maxRetries: 0, digest: { username: "u", password: "p" } };
    await testCore(options, { baseUrl: url, variables: {} }).call(spec, {});
    await testCore(options, { baseUrl: url, variables: {} }).call(spec, {});
    expect(seen.map((s) => s.status)).toEqual([401, 200, 401, 200]);
    const sent = seen.length;
    const refused = await testCore({ baseUrl: url, maxRetries: 0 }, { baseUrl: url, variables: {} })
      .call(spec, {})
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(seen).toHaveLength(sent);
    const error = await testCore({ baseUrl: url, maxRetries: 0, digest: null }, { baseUrl: url, variables: {} })
      .call(spec, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(seen.at(-1)!.authorization).toBeUndefined();
  });

  it("refuses a server that offers only algorithms WebCrypto cannot compute, without quoting credentials", async () => {
    const { url } = await listen(() => ({
      status: 401,
      headers: { "www-authenticate": 'Digest realm="r", nonce="n", algorithm=SHA-512-256' },
    }));
    const error = (await testCore(
      { baseUrl: url, digest: { username: "user-name", password: "secret-password" } },
      { baseUrl: url, variables: {} },
    )
      .call({ ...op, auth: { type: "digest" } }, {})
      .catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    for (const text of [error.message, String(error), JSON.stringify(error)]) {
      expect(text).not.toContain("secret-password");
      expect(text).not.toContain("user-name");
    }
  });
});
