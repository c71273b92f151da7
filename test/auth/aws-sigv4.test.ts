// AWS Signature Version 4 as the client signs it: AWS's test suite, and requests on a real server
// signed again by the aws4 package (which Postman uses) over what arrived, or, where aws4 reads a
// request otherwise than AWS, by smithy's SignatureV4 (the AWS SDKs' signer).
import { readFileSync } from "node:fs";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it, vi } from "vitest";
import { signatureV4 } from "../../src/runtime/aws-sigv4.js";
import type { ClientOptions } from "../../src/runtime/core.js";
import { ValidationError } from "../../src/runtime/errors.js";
import type { AwsV4Spec, OperationSpec } from "../../src/runtime/spec.js";
import { testOperation } from "../helpers/operation.js";
import { received, useRecordingServer } from "../helpers/recording.js";
import { header, sha256Hex, SmithySha256, verifyAwsV4, verifyAwsV4ByAws4, verifyAwsV4BySmithy } from "./verify.js";

interface Suite {
  credentials: { accessKeyId: string; secretAccessKey: string; region: string; service: string };
  cases: Array<{ name: string; req: string; creq: string; sts: string; authz: string }>;
}
const SUITE = JSON.parse(
  readFileSync(new URL("./fixtures/aws-sig-v4-test-suite.json", import.meta.url), "utf8"),
) as Suite;

/** Cases fetch cannot send: a header given several times is one header with its values joined by ", " (AWS joins them with ","), and a header cannot hold a line break. */
const NOT_SENDABLE = new Set(["get-header-key-duplicate", "get-header-value-order", "get-header-value-multiline"]);

describe("AWS's Signature Version 4 test suite", () => {
  const cases = SUITE.cases.filter((c) => !NOT_SENDABLE.has(c.name));
  it("has the cases it is said to have", () => {
    expect(cases.length).toBe(28);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const [head, body = ""] = c.req.split("\n\n");
    const [requestLine, ...headerLines] = head!.split("\n");
    const [method, ...target] = requestLine!.split(" ");
    const path = target.slice(0, -1).join(" ");
    const headers = new Headers();
    let host = "";
    for (const line of headerLines) {
      const at = line.indexOf(":");
      const [name, value] = [line.slice(0, at), line.slice(at + 1)];
      if (name.toLowerCase() === "host") host = value;
      else headers.append(name, value);
    }
    const { credentials } = SUITE;
    const signed = await signatureV4({
      method: method!,
      url: new URL(`https://${host}${path}`),
      headers,
      payloadHash: sha256Hex(body),
      accessKey: credentials.accessKeyId,
      secretKey: credentials.secretAccessKey,
      region: credentials.region,
      service: credentials.service,
      amzDate: headers.get("x-amz-date")!,
      // The suite writes its paths unencoded (`/example space/`): each segment is encoded once.
      decodePath: true,
    });
    expect(signed.canonicalRequest).toBe(c.creq);
    expect(signed.stringToSign).toBe(c.sts);
    expect(signed.authorization).toBe(c.authz);
  });
});

const server = useRecordingServer();

const SECRETS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const base = testOperation({ method: "GET", path: "/" });

async function send(
  op: Partial<OperationSpec>,
  auth: Omit<AwsV4Spec, "type">,
  args: unknown = {},
  options: ClientOptions<object> = { aws: SECRETS },
) {
  return received(server, { ...base, ...op, auth: { type: "awsv4", ...auth } }, args, options);
}

describe("signed again by aws4 over what arrived", () => {
  const query = [{ arg: "q", name: "q", in: "query" as const, required: false }];

  it("a GET with a path and query that need encoding, for API Gateway in us-east-1 by default", async () => {
    const request = await send(
      { path: "/stage/items/{{id}}", args: query, variables: { id: "a b;ü" } },
      {},
      { q: ["z", "a b", "ü=!*'()"] },
    );
    const { ok, credential, signedHeaders } = verifyAwsV4(request, SECRETS);
    expect(ok).toBe(true);
    expect(credential).toMatch(/^AKIDEXAMPLE\/\d{8}\/us-east-1\/execute-api\/aws4_request$/);
    expect(signedHeaders).toBe("host;x-amz-date");
    expect(header(request, "x-amz-content-sha256")).toBeUndefined();
    // The check can fail: another secret gives another signature.
    expect(verifyAwsV4(request, { ...SECRETS, secretAccessKey: "other" }).ok).toBe(false);
  });

  it("a path with characters a URL leaves as they are (`|`, `^`, `[`), escaped before they are encoded again", async () => {
    // Found by the command-line fuzz: the collection's path `/|%22A` was sent as written and signed
    // as `/%7C%2522A`, where aws4 (and so Postman, and a server reading the path escaped) signs
    // `/%257C%2522A`.
    for (const service of ["execute-api", "es"]) {
      server.reset();
      const request = await send({ path: "/stage/a|b^[c]/|%22A/{{id}}", variables: { id: "x|y" } }, { service });
      expect(request.path).toContain("|");
      expect(verifyAwsV4(request, SECRETS).ok, `${service}: ${request.target}`).toBe(true);
    }
  });

  it("a query value with a stray % beside escapes: each escape decoded on its own, as aws4 decodes", async () => {
    // Found by the command-line fuzz with OAuth 1.0a, whose query reading was the same.
    const request = await send({ path: "/stage/items?bb=100%--x%C3%A9&c=%25&d=%C3" }, {});
    expect(request.target).toContain("100%--x%C3%A9");
    expect(verifyAwsV4(request, SECRETS).ok).toBe(true);
  });

  it("S3: a + in the path is a space, an escaped slash a slash, as aws4 signs and S3 reads the key", async () => {
    // S3 reads a path's `+` as a space (its SignatureDoesNotMatch answer to a key sent with a `+`
    // shows `%20` in the canonical request: nginx/nginx-s3-gateway#77), and keeps the key's
    // slashes; the client signed `%2B` and `%2F`, which neither aws4 nor S3 computes.
    for (const addAuthDataToQuery of [false, true]) {
      const request = await send({ path: "/bucket/a+b/c%2Fd%2Be ü" }, { service: "s3", addAuthDataToQuery });
      expect(request.path).toBe("/bucket/a+b/c%2Fd%2Be%20%C3%BC");
      expect(verifyAwsV4ByAws4(request, SECRETS).canonicalRequest.split("\n")[1]).toBe(
        "/bucket/a%20b/c/d%2Be%20%C3%BC",
      );
      expect(verifyAwsV4(request, SECRETS)).toMatchObject({ ok: true, by: "aws4" });
      expect(verifyAwsV4BySmithy(request, SECRETS).ok).toBe(true);
    }
  });

  it("signs with the time it sends (checked at another time, as a server checks)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2015-08-30T12:36:00Z"));
    const request = await send({}, {}).finally(() => vi.useRealTimers());
    expect(header(request, "x-amz-date")).toBe("20150830T123600Z");
    expect(verifyAwsV4(request, SECRETS)).toMatchObject({
      ok: true,
      credential: "AKIDEXAMPLE/20150830/us-east-1/execute-api/aws4_request",
    });
  });

  it("presigns with the time it sends (checked at another second, as the conformance suite checks newman's)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2015-08-30T12:36:00Z"));
    const request = await send({}, { addAuthDataToQuery: true }).finally(() => vi.useRealTimers());
    expect(new Map(request.query).get("X-Amz-Date")).toBe("20150830T123600Z");
    expect(verifyAwsV4ByAws4(request, SECRETS).ok).toBe(true);
  });

  it("a JSON body: its hash sent and signed, with the content type and the item's headers", async () => {
    const op: Partial<OperationSpec> = {
      method: "POST",
      body: "json",
      contentType: "application/json",
      args: [
        { arg: "name", name: "name", in: "body", required: true, type: "json" },
        { arg: "X-Custom", name: "X-Custom", in: "header", required: false, default: "  a   b  " },
      ],
    };
    const request = await send(
      op,
      { service: "{{service}}", region: "{{region}}" },
      { name: "ü" },
      { aws: SECRETS, variables: { service: "lambda", region: "eu-west-1" } },
    );
    const { ok, credential, signedHeaders } = verifyAwsV4(request, SECRETS);
    expect(ok).toBe(true);
    expect(credential.split("/").slice(2, 4)).toEqual(["eu-west-1", "lambda"]);
    expect(signedHeaders).toBe("content-type;host;x-amz-content-sha256;x-amz-date;x-custom");
    expect(header(request, "x-amz-content-sha256")).toBe(sha256Hex(request.raw));
  });

  it("urlencoded and multipart bodies: the bytes sent are the bytes hashed", async () => {
    const fields = [{ arg: "a", name: "a", in: "body" as const, required: true }];
    const urlencoded = await send(
      { method: "POST", body: "urlencoded", args: fields },
      { service: "sqs" },
      { a: ["1 2", "ü"] },
    );
    expect(verifyAwsV4(urlencoded, SECRETS).ok).toBe(true);
    // newman's form encoding (bodies.ts's formText): a space is %20.
    expect(urlencoded.raw.toString()).toBe("a=1%202&a=%C3%BC");
    expect(header(urlencoded, "x-amz-content-sha256")).toBe(sha256Hex("a=1%202&a=%C3%BC"));
    const multipart = await send(
      {
        method: "POST",
        body: "multipart",
        args: [...fields, { arg: "f", name: "f", in: "body", required: true, type: "file" }],
      },
      {},
      { a: "x", f: new Blob(["bytes"]) },
    );
    expect(verifyAwsV4(multipart, SECRETS).ok).toBe(true);
    expect(multipart.fields).toEqual([["a", "x"]]);
    expect(header(multipart, "x-amz-content-sha256")).toBe(sha256Hex(multipart.raw));
  });

  it("a session token is sent and signed; S3 always sends the payload hash", async () => {
    const request = await send(
      {
        method: "PUT",
        path: "/bucket/a key.txt",
        body: "raw",
        contentType: "text/plain",
        args: [{ arg: "body", name: "body", in: "body", required: true }],
      },
      { service: "s3" },
      { body: "hello" },
      {
        aws: { ...SECRETS, sessionToken: "session/token==" },
      },
    );
    const { ok, signedHeaders } = verifyAwsV4(request, SECRETS);
    expect(ok).toBe(true);
    expect(signedHeaders).toBe("content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token");
    expect(header(request, "x-amz-security-token")).toBe("session/token==");
    const get = await send({}, { service: "s3" });
    expect(header(get, "x-amz-content-sha256")).toBe(sha256Hex(""));
    expect(verifyAwsV4(get, SECRETS).ok).toBe(true);
  });

  it("addAuthDataToQuery presigns the URL instead (S3: unsigned payload, a day's expiry)", async () => {
    const request = await send(
      { args: query },
      { addAuthDataToQuery: true },
      { q: "x y" },
      { aws: { ...SECRETS, sessionToken: "tok" } },
    );
    expect(header(request, "authorization")).toBeUndefined();
    expect(request.query.map(([k]) => k)).toEqual([
      "q",
      "X-Amz-Security-Token",
      "X-Amz-Date",
      "X-Amz-Algorithm",
      "X-Amz-Credential",
      "X-Amz-SignedHeaders",
      "X-Amz-Signature",
    ]);
    expect(verifyAwsV4(request, SECRETS).ok).toBe(true);
    const s3 = await send({ path: "/bucket/key" }, { addAuthDataToQuery: true, service: "s3" });
    expect(new Map(s3.query).get("X-Amz-Expires")).toBe("86400");
    expect(verifyAwsV4(s3, SECRETS).ok).toBe(true);
  });
});

describe("where aws4 reads a target otherwise than AWS: AWS's algorithm (smithy) checks it", () => {
  // The command-line fuzz's seed 2, path 48: an `es` request whose query holds a backtick (which a
  // URL leaves as it is) and `%23`. aws4 then escapes the whole target again (its decodeURI keeps
  // `%23`, its encodeURI escapes the `%`) and signs `%2523`; AWS (its SDKs and servers) decodes
  // each query value and encodes it once, and signs `%23`, as the client does.
  const args = [
    { arg: "k", name: "x+y`@", in: "query" as const, required: false },
    { arg: "id", name: "id", in: "query" as const, required: false },
  ];
  const cases = [
    ["es", false],
    ["execute-api", false],
    ["execute-api", true],
  ] as const;

  it.each(cases)(
    "%s (presigned: %s): a backtick and an escaped # in the query",
    async (service, addAuthDataToQuery) => {
      const request = await send(
        { method: "PUT", path: "/b/v-1/4242", args },
        { service, addAuthDataToQuery },
        { k: "@-1--k=v", id: "--k=v##" },
      );
      expect(request.target).toContain("x%2By`@=");
      expect(request.target).toContain("id=--k=v%23%23");
      const byAws4 = verifyAwsV4ByAws4(request, SECRETS);
      const byAws = verifyAwsV4BySmithy(request, SECRETS);
      // The two disagree on this request: aws4 signs the escapes escaped again.
      expect(byAws4.canonicalRequest.split("\n")[2]).toContain("id=--k%3Dv%2523%2523");
      expect(byAws.canonicalRequest.split("\n")[2]).toContain("id=--k%3Dv%23%23");
      expect(byAws4.ok).toBe(false);
      expect(byAws.ok).toBe(true);
      expect(verifyAwsV4(request, SECRETS)).toMatchObject({ ok: true, by: "aws" });
      expect(verifyAwsV4(request, { ...SECRETS, secretAccessKey: "other" }).ok).toBe(false);
    },
  );

  it("a request both read alike is held to aws4: a backtick beside escapes aws4 decodes (a space, ü)", async () => {
    const request = await send(
      { method: "PUT", path: "/b", args: [{ arg: "k", name: "x`", in: "query", required: false }] },
      { service: "es" },
      { k: "a b ü" },
    );
    expect(request.target).toBe("/b?x`=a%20b%20%C3%BC");
    const byAws4 = verifyAwsV4ByAws4(request, SECRETS);
    expect(byAws4.canonicalRequest).toBe(verifyAwsV4BySmithy(request, SECRETS).canonicalRequest);
    expect(byAws4.ok).toBe(true);
    expect(verifyAwsV4(request, SECRETS)).toMatchObject({ ok: true, by: "aws4" });
    expect(verifyAwsV4(request, { ...SECRETS, secretAccessKey: "other" })).toMatchObject({ ok: false, by: "aws4" });
  });

  it("the AWS check accepts what smithy's own signer signs, and only that", async () => {
    // Its synchronous key derivation and HMAC, held to smithy's SignatureV4.sign over the wire.
    const url = new URL(server.url);
    const signer = new SignatureV4({ credentials: SECRETS, region: "eu-west-1", service: "es", sha256: SmithySha256 });
    const signed = await signer.sign({
      method: "POST",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: "/b/a%20c",
      query: { id: "--k=v##", "x`": ["2", "1"] },
      headers: { host: url.host, "content-type": "text/plain", "cache-control": "no-cache" },
      body: "ü",
    });
    const { host: _host, ...headers } = signed.headers;
    await fetch(`${server.url}/b/a%20c?id=--k%3Dv%23%23&x%60=2&x%60=1`, { method: "POST", headers, body: "ü" });
    const request = server.requests.at(-1)!;
    expect(verifyAwsV4BySmithy(request, SECRETS).ok).toBe(true);
    expect(verifyAwsV4BySmithy(request, { ...SECRETS, secretAccessKey: "other" }).ok).toBe(false);
  });
});

describe("credentials", () => {
  it("fills the collection's {{variables}} as newman does; without keys, refuses the call, or (aws: null) sends nothing signed", async () => {
    const auth = { accessKey: "{{ak}}", secretKey: "{{sk}}", sessionToken: "{{st}}" };
    const request = await send(
      {},
      auth,
      {},
      { variables: { ak: SECRETS.accessKeyId, sk: SECRETS.secretAccessKey, st: "t" } },
    );
    expect(verifyAwsV4(request, SECRETS).ok).toBe(true);
    expect(header(request, "x-amz-security-token")).toBe("t");
    await expect(send({}, {}, {}, {})).rejects.toThrow("the collection's auth needs a credential");
    const unsigned = await send({}, {}, {}, { aws: null });
    expect([header(unsigned, "authorization"), header(unsigned, "x-amz-date")]).toEqual([undefined, undefined]);
  });

  it("replaces X-Amz headers and query parameters the item carries, as Postman does", async () => {
    const op: Partial<OperationSpec> = {
      args: [
        { arg: "X-Amz-Date", name: "X-Amz-Date", in: "header", required: false, default: "20000101T000000Z" },
        { arg: "X-Amz-Signature", name: "X-Amz-Signature", in: "query", required: false, default: "stale" },
      ],
    };
    const request = await send(op, {});
    expect(header(request, "x-amz-date")).not.toBe("20000101T000000Z");
    expect(request.query).toEqual([]);
    expect(verifyAwsV4(request, SECRETS).ok).toBe(true);
  });

  it("names a session token fetch cannot send without quoting it", async () => {
    const error = (await send({}, {}, {}, { aws: { ...SECRETS, sessionToken: "secret\ntoken" } }).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(
      "op: the AWS session token cannot be sent: a header cannot carry a line break, NUL or a character beyond Latin-1",
    );
    for (const text of [String(error), JSON.stringify(error)]) expect(text).not.toContain("secret");
  });
});
