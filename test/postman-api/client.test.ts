// The two Postman API requests and every way they fail, against the local stand-in on 127.0.0.1:
// each failure names the uid and never the key.
import { createServer as createHttpServer } from "node:http";
import { inspect } from "node:util";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { fetchResource, retryAfterMs, type ApiOptions } from "../../src/postman-api/client.js";
import { CodegenError } from "../../src/errors.js";
import { API_KEY, COLLECTION_UID, STAGING_UID, startPostmanApi, usePostmanApi } from "./server.js";
import { refusedPort } from "../helpers/refused-port.js";

const api = usePostmanApi();

const options = (extra: Partial<ApiOptions> = {}): ApiOptions => ({
  apiUrl: api.url,
  apiKey: API_KEY,
  apiKeyEnv: "POSTMAN_API_KEY",
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<CodegenError> {
  const error = await promise.then(
    () => expect.fail("the request succeeded"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CodegenError);
  const message = (error as CodegenError).message;
  expect(message).not.toContain(API_KEY);
  expect(message).toContain("the stored copy and the output are left as they were");
  return error as CodegenError;
}

describe("fetching from the Postman API", () => {
  it("GETs /collections/{uid} with the X-Api-Key header and reads the `collection` envelope", async () => {
    const got = await fetchResource("collection", COLLECTION_UID, options());
    expect(api.requests).toEqual([{ method: "GET", path: `/collections/${COLLECTION_UID}`, apiKey: API_KEY }]);
    expect(got).toMatchObject({
      kind: "collection",
      uid: COLLECTION_UID,
      name: "Env API",
      updatedAt: "2024-05-01T09:00:00.000Z",
    });
    expect((got.json["info"] as Record<string, unknown>)["schema"]).toBe(
      "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
    );
  });

  it("GETs /environments/{uid} and reads the `environment` envelope", async () => {
    const got = await fetchResource("environment", STAGING_UID, options({ apiUrl: `${api.url}/` }));
    expect(api.requests[0]!.path).toBe(`/environments/${STAGING_UID}`);
    expect(got).toMatchObject({ kind: "environment", name: "staging", updatedAt: "2024-05-01T10:00:00.000Z" });
    expect(got.json["values"]).toHaveLength(5);
  });

  it("401: says the key was refused, never what it is", async () => {
    const error = await failure(
      fetchResource("collection", COLLECTION_UID, options({ apiKey: "PMAK-wrong-key-0000" })),
    );
    expect(error.file).toBe(`${api.url}/collections/${COLLECTION_UID}`);
    expect(error.problem).toMatch(
      /^the Postman API refused the API key in \$POSTMAN_API_KEY \(401: AuthenticationError: Invalid API Key\. .*\): check that it is a valid, unexpired key/,
    );
    expect(error.message).not.toContain("PMAK-wrong-key-0000");
  });

  it("403: names the resource the key may not read", async () => {
    api.forbidden.add(STAGING_UID);
    const error = await failure(fetchResource("environment", STAGING_UID, options({ apiKeyEnv: "TEAM_POSTMAN_KEY" })));
    expect(error.problem).toMatch(
      new RegExp(
        `^the API key in \\$TEAM_POSTMAN_KEY may not read environment ${STAGING_UID} \\(403: forbiddenError: `,
      ),
    );
  });

  it("404: names the uid", async () => {
    const error = await failure(fetchResource("collection", `${COLLECTION_UID}0`, options()));
    expect(error.problem).toContain(
      `the Postman API has no collection ${COLLECTION_UID}0 (404: instanceNotFoundError: We could not find the collection you are looking for): check the uid`,
    );
  });

  it("429: waits for Retry-After once, then asks again", async () => {
    api.rateLimited = 1;
    const started = performance.now();
    const got = await fetchResource("collection", COLLECTION_UID, options());
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(got.name).toBe("Env API");
    expect(api.requests).toHaveLength(2);
  });

  it("429 twice: gives up after the one wait", async () => {
    api.rateLimited = 2;
    const error = await failure(fetchResource("collection", COLLECTION_UID, options()));
    expect(error.problem).toMatch(
      /^the Postman API is still rate limiting this key after one wait \(429: rateLimitError: Rate Limit exceeded/,
    );
    expect(api.requests).toHaveLength(2);
  });

  it("429 with a wait longer than it will wait: gives up at once", async () => {
    api.rateLimited = 1;
    api.retryAfter = "120";
    const error = await failure(fetchResource("collection", COLLECTION_UID, options()));
    expect(error.problem).toMatch(/rate limiting this key \(429: rateLimitError: .*\) for 120 s: try again later/);
    expect(api.requests).toHaveLength(1);
  });

  it("network down: names the uid and the reason", async () => {
    const port = await refusedPort();
    const error = await failure(
      fetchResource("collection", COLLECTION_UID, options({ apiUrl: `http://127.0.0.1:${port}` })),
    );
    expect(error.problem).toMatch(
      new RegExp(`^cannot reach the Postman API for collection ${COLLECTION_UID} \\(ECONNREFUSED\\)`),
    );
  });

  it("a timeout: names the uid", async () => {
    api.hang = true;
    const error = await failure(fetchResource("environment", STAGING_UID, options({ timeoutMs: 200 })));
    expect(error.problem).toMatch(
      new RegExp(`^the Postman API did not answer within 0\\.2 s for environment ${STAGING_UID}`),
    );
  });

  it("a redirect to another origin: the key goes no further, and the error names the status and the origin", async () => {
    const other = await startPostmanApi();
    try {
      // Another port is another origin; fetch would follow with X-Api-Key (it drops only Authorization and Cookie).
      api.redirect = { status: 302, location: `${other.url}/evil?from=postman` };
      const error = await failure(fetchResource("collection", COLLECTION_UID, options()));
      expect(other.requests).toEqual([]);
      expect(api.requests).toHaveLength(1);
      expect(error.file).toBe(`${api.url}/collections/${COLLECTION_UID}`);
      expect(
        error.problem.startsWith(
          `the Postman API answered 302 for collection ${COLLECTION_UID}, a redirect to ${other.url} (another origin): the API key is not sent on to it; check the API URL (--postman-api, apiUrl)`,
        ),
      ).toBe(true);
      expect(error.problem).not.toContain("/evil");
    } finally {
      await other.close();
    }
  });

  it("a redirect within the API's origin is refused too, as the Postman API never redirects", async () => {
    api.redirect = { status: 301, location: `/collections/${COLLECTION_UID}/` };
    const error = await failure(fetchResource("collection", COLLECTION_UID, options()));
    expect(api.requests).toHaveLength(1);
    expect(error.problem).toContain(
      `the Postman API answered 301 for collection ${COLLECTION_UID}, a redirect to ${api.url} (the API's own origin): the API key is not sent on to it`,
    );
  });

  it("a redirect without a usable Location: names the status", async () => {
    const fetchStub: typeof fetch = async () => new Response(null, { status: 307 });
    const error = await failure(fetchResource("environment", STAGING_UID, options({ fetch: fetchStub })));
    expect(error.problem).toMatch(
      new RegExp(`^the Postman API answered 307 for environment ${STAGING_UID}, a redirect without a Location`),
    );
  });

  it("refuses a key an HTTP header cannot carry without quoting it (fetch's own error would)", async () => {
    const error = await failure(fetchResource("collection", COLLECTION_UID, options({ apiKey: "PMAK-abc\ndef" })));
    expect(error.message).not.toContain("PMAK-abc");
    expect(error.problem).toMatch(/^\$POSTMAN_API_KEY holds a character an HTTP header cannot carry/);
    expect(api.requests).toHaveLength(0);
  });

  it.each([
    ["a user name and password", (url: string) => url.replace("://", "://someone:PMAK-URL-SECRET-1@"), "://***@"],
    ["a user name alone", (url: string) => url.replace("://", "://PMAK-URL-SECRET-2@"), "://***@"],
    ["a query", (url: string) => `${url}?apikey=PMAK-URL-SECRET-3`, "?***"],
    ["a fragment", (url: string) => `${url}/#PMAK-URL-SECRET-4`, "/#***"],
  ])("refuses an API URL holding %s before any request, quoting none of it", async (_kind, withSecret, shown) => {
    const apiUrl = withSecret(api.url);
    const error = await failure(fetchResource("collection", COLLECTION_UID, options({ apiUrl })));
    expect(error.message).not.toContain("PMAK-URL-SECRET");
    expect(error.file).toContain(shown);
    expect(error.file).toMatch(new RegExp(`/collections/${COLLECTION_UID}$`));
    expect(error.problem).toMatch(/^the API URL holds .*: it takes none \(the API key goes in \$POSTMAN_API_KEY/);
    expect(api.requests).toHaveLength(0);
  });

  it("refuses an answer without the envelope", async () => {
    const fetchStub: typeof fetch = async () => new Response(JSON.stringify({ info: {}, item: [] }), { status: 200 });
    const error = await failure(fetchResource("collection", COLLECTION_UID, options({ fetch: fetchStub })));
    expect(error.problem).toContain(
      `the Postman API's answer for collection ${COLLECTION_UID} has no \`collection\` object`,
    );
  });

  it("never repeats the key an error echoes, percent-encoded or base64 included", async () => {
    // A key of characters that encode (the API URL may be a gateway's, whose keys are its own).
    const key = "PMAK-echo+key/with=chars:0123";
    const echo = createHttpServer((req, res) => {
      const sent = String(req.headers["x-api-key"]);
      res.writeHead(401, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: {
            name: "AuthenticationError",
            message: `bad key ${encodeURIComponent(sent)}, ${new URLSearchParams({ k: sent })}, ${Buffer.from(sent).toString("base64")}`,
          },
        }),
      );
    });
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    try {
      const apiUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
      const error = await failure(fetchResource("collection", COLLECTION_UID, options({ apiUrl, apiKey: key })));
      expect(error.problem).toContain("(401: AuthenticationError: bad key ***, k=***, ***)");
      for (const form of [key, encodeURIComponent(key), "PMAK-echo", Buffer.from(key).toString("base64")])
        expect(error.message).not.toContain(form);
    } finally {
      echo.close();
    }
  });

  it("never repeats the key as a gateway echoes it: lower-case hex, encodeURI's, JSON-escaped", async () => {
    // The forms a generated client's error masks (runtime/redact.ts's masker), which the key's
    // own list of forms left out: `%2f` for `/`, encodeURI's (`/`, `:`, `+`, `=` as they are, `"`
    // and `\` encoded), and JSON text quoted inside a message (`\"`, `\\`).
    const key = 'PMAK-echo+key/with=chars:0123"q\\';
    const lower = (text: string) => text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
    const forms = [lower(encodeURIComponent(key)), encodeURI(key), JSON.stringify(key).slice(1, -1)];
    expect(new Set([key, encodeURIComponent(key), ...forms]).size).toBe(5);
    const echo = createHttpServer((req, res) => {
      const sent = String(req.headers["x-api-key"]);
      const echoed = [lower(encodeURIComponent(sent)), encodeURI(sent), JSON.stringify(sent).slice(1, -1)];
      res.writeHead(403, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { name: "forbiddenError", message: `key ${echoed.join(" | ")} refused` } }));
    });
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    try {
      const apiUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
      const error = await failure(fetchResource("collection", COLLECTION_UID, options({ apiUrl, apiKey: key })));
      expect(error.problem).toContain("(403: forbiddenError: key *** | *** | *** refused)");
      for (const text of [error.message, String(error), JSON.stringify(error), inspect(error, { depth: Infinity })])
        for (const form of [key, ...forms, "PMAK-echo", "0123"]) expect(text, text).not.toContain(form);
    } finally {
      echo.close();
    }
  });

  it("reads the problem-document form of an error too", async () => {
    const fetchStub: typeof fetch = async () =>
      new Response(
        JSON.stringify({
          type: "https://api.postman.com/problems/unauthorized",
          title: "Unauthorized",
          detail: "Invalid API key",
          status: 401,
        }),
        { status: 401 },
      );
    const error = await failure(fetchResource("collection", COLLECTION_UID, options({ fetch: fetchStub })));
    expect(error.problem).toContain("(401: https://api.postman.com/problems/unauthorized: Invalid API key)");
  });
});

describe("how long a 429 asks to wait", () => {
  it.each([
    [{ "retry-after": "3" }, 3000],
    [{ "retry-after": new Date(Date.UTC(2030, 0, 1, 0, 0, 5)).toUTCString() }, 5000],
    [{ "ratelimit-reset": "7" }, 7000],
    [{ "x-ratelimit-reset": String(Date.UTC(2030, 0, 1, 0, 0, 9) / 1000) }, 9000],
    [{}, 1000],
    // A date past means now.
    [{ "retry-after": new Date(Date.UTC(2029, 11, 31, 23, 59, 0)).toUTCString() }, 0],
    // Neither delay-seconds (digits only) nor an HTTP-date (RFC 9110 §10.2.3): ignored, though
    // Date.parse makes a date of some ("+5" is the year 2001), and the rate-limit headers read.
    [{ "retry-after": "+5", "ratelimit-reset": "7" }, 7000],
    [{ "retry-after": "+5" }, 1000],
    [{ "retry-after": "-5" }, 1000],
    [{ "retry-after": "5.5" }, 1000],
    [{ "retry-after": "1e1" }, 1000],
    [{ "retry-after": "0x10" }, 1000],
    [{ "retry-after": "2030-01-01T00:00:10Z" }, 1000],
    [{ "retry-after": "soon" }, 1000],
  ])("%j → %i ms", (headers, ms) => {
    expect(retryAfterMs(new Headers(headers), Date.UTC(2030, 0, 1, 0, 0, 0))).toBe(ms);
  });
});
