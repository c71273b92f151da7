// A credential written into a description is masked before the description reaches a client's docs,
// README and command line help; prose about credentials, with none in it, is kept as written.
import { describe, expect, it } from "vitest";
import { descriptionText } from "../../src/load/description.js";

describe("descriptionText", () => {
  it("reads a string, {content, type} or nothing", () => {
    expect(descriptionText("Lists users.")).toBe("Lists users.");
    expect(descriptionText({ content: "Lists users.", type: "text/markdown" })).toBe("Lists users.");
    expect(descriptionText(null)).toBeUndefined();
    expect(descriptionText({ type: "text/plain" })).toBeUndefined();
  });

  it("reads the text \"undefined\", an exporter's String(undefined) (Zoom's form fields), as none", () => {
    expect(descriptionText("undefined")).toBeUndefined();
    expect(descriptionText({ content: "undefined", type: "text/plain" })).toBeUndefined();
    expect(descriptionText("Leave it undefined to keep the default.")).toBe("Leave it undefined to keep the default.");
  });

  it.each([
    // After an auth scheme, in a header or in prose.
    ["curl -H 'Authorization: Bearer abc123DEF456'", "curl -H 'Authorization: Bearer <token>'"],
    ["Authorization: Basic dXNlcjpwYXNzd29yZA==.", "Authorization: Basic <token>."],
    ["send it as Bearer Zx9kQ2mN7pL4 in each request", "send it as Bearer <token> in each request"],
    ["Authorization: Token 9f86d081884c7d65", "Authorization: Token <token>"],
    // After a name that says it holds a credential, with : or =, quoted or not.
    ['-H "X-Api-Key: 4f3c2b1a0e9d"', '-H "X-Api-Key: <X-Api-Key>"'],
    ["GET /users?api_key=a1b2c3d4e5f6&page=2", "GET /users?api_key=<api_key>&page=2"],
    ['{"user": "bob", "password": "hunter2hunter2"}', '{"user": "bob", "password": "<password>"}'],
    ["client_secret: 8d0f7e6a5b4c3d2e", "client_secret: <client_secret>"],
    ["X-Forwarded: access_token=a1b2c3d4e5f6, then", "X-Forwarded: access_token=<access_token>, then"],
    ["Cookie: session=f00dBabe1234; Path=/", "Cookie: session=<session>; Path=/"],
    ["client%5Fsecret=c0ffee12345678", "client%5Fsecret=<client_secret>"],
    // A known token shape needs no name.
    [
      "Example: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U here",
      "Example: <token> here",
    ],
    ["Use sk_live_4eC39HqLyjWDarjtT1zdp7dc to try", "Use <token> to try"],
    ["keys: ghp_16C7e42F292c6912E7710c838347Ae178B4a, AKIAIOSFODNN7EXAMPLE", "keys: <token>, <token>"],
    // A URL's user info holds a password whatever it looks like.
    ["see https://bob:pw@api.example.com/v1", "see https://bob:<password>@api.example.com/v1"],
  ])("masks %j", (text, masked) => {
    expect(descriptionText(text)).toBe(masked);
  });

  it.each([
    "Send your token in the Authorization header: Authorization: Bearer <token>.",
    "Basic authentication is refused; use a bearer token. Token: see the docs.",
    "password: required. Passwords need 12 characters, a digit and a capital.",
    "Authorization: Bearer {{access_token}} and ?api_key={{api_key}}",
    "api_key=YOUR_API_KEY, password=<password>, token=[token], secret=${SECRET}",
    "password_policy=strict2024 and next_page_token=abc123def456 and grant_type=password",
    "token_url=https://auth.example.com/oauth2/token, expires: 2024-01-01",
    "See https://api.example.com:8443/v2?page=2&limit=50 or mailto:bob@example.com.",
    "A `pk_live_51H8` key is public; task-management-system-2024 is a project.",
    "Set the session: tokens expire after 3600 seconds.",
    // Zoom's collection: code, not a credential.
    "Send them as a Basic base64 encoded header. Ex. `Basic base64Encode({client_id}:{client_secret})`",
  ])("keeps prose with no credential: %j", (text) => {
    expect(descriptionText(text)).toBe(text);
  });
});
