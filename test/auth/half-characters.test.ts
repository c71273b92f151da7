// Half a character (a lone UTF-16 surrogate, as text cut by length leaves half an emoji) in a
// credential or a setting of any scheme the client signs itself: percent-encoding it throws a bare
// URIError, and UTF-8 turns it into U+FFFD, so a signature would be computed over text nobody gave.
// Each is refused before anything is sent, with a ValidationError naming the operation and the
// auth field, never the value (it may be a secret).
import { describe, expect, it } from "vitest";
import type { ClientOptions } from "../../src/runtime/core.js";
import { ValidationError } from "../../src/runtime/errors.js";
import type { AuthSpec } from "../../src/runtime/spec.js";
import { testOperation } from "../helpers/operation.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";

const server = useRecordingServer();

const base = testOperation({ method: "POST", path: "/things" });
const HALF = "😀".slice(0, 1);
/** A value that holds half a character; its readable part must appear in no message. */
const SECRET = `hush-${HALF}`;

async function refusal(auth: AuthSpec, options: ClientOptions<object>): Promise<unknown> {
  return testCore({ baseUrl: server.url, ...options }, { baseUrl: server.url, variables: {} })
    .call({ ...base, auth }, {})
    .then(
      () => "sent",
      (error: unknown) => error,
    );
}

describe("half a character in a credential or setting is refused, naming the field", () => {
  const variables = { v: SECRET };
  it.each<[string, AuthSpec, ClientOptions<object>, string]>([
    [
      "oauth1 secret (option)",
      { type: "oauth1" },
      { oauth1: { consumerKey: "ck", consumerSecret: SECRET } },
      "the oauth1 consumerSecret",
    ],
    [
      "oauth1 nonce (variable)",
      { type: "oauth1", nonce: "{{v}}", addParamsToHeader: true },
      { oauth1: { consumerKey: "ck", consumerSecret: "cs" }, variables },
      "the oauth1 nonce",
    ],
    [
      "oauth1 key in the query (variable)",
      { type: "oauth1", consumerKey: "{{v}}" },
      { oauth1: { consumerSecret: "cs" }, variables },
      "the oauth1 consumerKey",
    ],
    [
      "awsv4 secret key (option)",
      { type: "awsv4" },
      { aws: { accessKeyId: "ak", secretAccessKey: SECRET } },
      "the awsv4 secretKey",
    ],
    [
      "awsv4 session token in a presigned URL (option)",
      { type: "awsv4", addAuthDataToQuery: true },
      { aws: { accessKeyId: "ak", secretAccessKey: "sk", sessionToken: SECRET } },
      "the awsv4 sessionToken",
    ],
    [
      "awsv4 region (variable)",
      { type: "awsv4", region: "{{v}}" },
      { aws: { accessKeyId: "ak", secretAccessKey: "sk" }, variables },
      "the awsv4 region",
    ],
    ["hawk key (option)", { type: "hawk" }, { hawk: { id: "id", key: SECRET } }, "the hawk authKey"],
    [
      "hawk ext (variable)",
      { type: "hawk", extraData: "{{v}}" },
      { hawk: { id: "id", key: "k" }, variables },
      "the hawk extraData",
    ],
    [
      "edgegrid client secret (option)",
      { type: "edgegrid" },
      { edgegrid: { clientToken: "ct", accessToken: "at", clientSecret: SECRET } },
      "the edgegrid clientSecret",
    ],
    [
      "digest password (option)",
      { type: "digest" },
      { digest: { username: "u", password: SECRET } },
      "the digest password",
    ],
    ["jwt secret (option)", { type: "jwt" }, { jwt: { secret: SECRET } }, "the jwt secret"],
    [
      "jwt payload (variable)",
      { type: "jwt", payload: '{"sub":"{{v}}"}' },
      { jwt: { secret: "s" }, variables },
      "the jwt payload",
    ],
    [
      "jwt query parameter's name (variable)",
      { type: "jwt", addTokenTo: "queryParam", queryParamKey: "{{v}}" },
      { jwt: { secret: "s" }, variables },
      "the jwt queryParamKey",
    ],
    [
      "oauth2 token in the query (option)",
      { type: "oauth2", addTokenTo: "queryParams" },
      { token: SECRET },
      "the oauth2 token",
    ],
    [
      "oauth2 client secret (option)",
      { type: "oauth2", grant: "client_credentials", accessTokenUrl: "{{base}}/token", clientId: "id" },
      { oauth2: { clientSecret: SECRET } },
      "the oauth2 clientSecret",
    ],
  ])("%s", async (_case, auth, options, field) => {
    const error = await refusal(auth, { ...options, variables: { base: server.url, ...options.variables } });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(`op: ${field} cannot be sent: it holds half a character (a lone surrogate)`);
    for (const text of [String(error), JSON.stringify(error)]) expect(text).not.toContain("hush");
    expect(server.requests).toHaveLength(0);
  });

  it("refuses an OAuth 2.0 token endpoint's token that holds one, for the query", async () => {
    // JSON can carry half a character escaped; the API request is never sent.
    server.reply({
      status: 200,
      headers: { "content-type": "application/json" },
      body: '{"access_token":"hush-\\ud83d","token_type":"bearer"}',
    });
    const auth: AuthSpec = {
      type: "oauth2",
      grant: "client_credentials",
      accessTokenUrl: "{{base}}/token",
      clientId: "id",
      clientSecret: "s",
      addTokenTo: "queryParams",
    };
    const error = await refusal(auth, { variables: { base: server.url } });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(
      "op: the oauth2 token cannot be sent: it holds half a character (a lone surrogate)",
    );
    expect(server.requests.map((r) => r.path)).toEqual(["/token"]);
  });

  it("refuses half a character in a Basic password, and sends a whole one beyond the BMP", async () => {
    // A surrogate pair is one character: only half of one is refused.
    expect(await refusal({ type: "basic" }, { basic: { username: "u", password: "p😀" } })).toBe("sent");
    expect(server.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from("u:p😀").toString("base64")}`);
    const error = await refusal({ type: "basic" }, { basic: { username: "u", password: SECRET } });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(
      "op: the basic password cannot be sent: it holds half a character (a lone surrogate)",
    );
    for (const text of [String(error), JSON.stringify(error)]) expect(text).not.toContain("hush");
    expect(server.requests).toHaveLength(1);
  });
});
