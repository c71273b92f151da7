// What a stored copy of a collection or an environment leaves out, in the forms a file may write it.
import { describe, expect, it } from "vitest";
import { collectionWithoutSecrets, environmentWithoutSecrets } from "../../src/postman-api/redact.js";

const info = { name: "c", schema: "https://schema.getpostman.com/json/collection/v2.0.0/collection.json" };

describe("a collection's stored copy", () => {
  it("empties a v2.0 auth's literal credentials ({ key: value }), a number too, and leaves the original as it was", () => {
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
      auth: { type: "basic", basic: { username: "alice", password: "", showPassword: false } },
      item: [{ name: "r", request: { url: "https://x", auth: { type: "bearer", bearer: { token: "" } } } }],
    });
    expect(left.map((w) => w.source)).toEqual(["auth.basic.password", "item[0].request.auth.bearer.token"]);
    expect(JSON.stringify(left)).not.toMatch(/1234|LITERAL/);
  });

  it("empties an OAuth 2.0 token request parameter that names a secret, as the generator leaves it out", () => {
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
    expect(oauth2[0]!.value).toBe("");
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
