// A URL's user info (`https://bob:pw@host`) is read by one pattern (src/runtime/credential-names.ts's
// userInfoPattern) wherever the generator reads one: a value's or a request's URL (the loader), a
// description (the prose masker) and the Postman API's URL (src/postman-api/api-url.ts).
import { describe, expect, it } from "vitest";
import { textWithoutCredentials, userInfoPasswords } from "../../src/load/credentials.js";
import { descriptionText } from "../../src/load/description.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { apiUrlProblem, shownApiUrl } from "../../src/postman-api/api-url.js";

describe("a URL's user info", () => {
  it("runs to the last @ before the host, as a URL parser reads it: a password's @ is its own", () => {
    const url = "https://bob:p@ss-SECRET@api.example.com/v1?page=2";
    expect(new URL(url).password).toBe("p%40ss-SECRET");
    expect(textWithoutCredentials(url)).toEqual({
      text: "https://api.example.com/v1?page=2",
      leftOut: ["the password in its URL's user info"],
    });
    expect(userInfoPasswords(url)).toEqual(["p@ss-SECRET"]);
    expect(descriptionText(`see ${url} for it`)).toBe("see https://bob:<password>@api.example.com/v1?page=2 for it");
    expect(shownApiUrl(url)).toBe("https://***@api.example.com/v1?***");
  });

  it("is read after a scheme however the text runs into it, once per URL", () => {
    expect(textWithoutCredentials("x=9https://bob:SECRET42@h.test/a").text).toBe("x=9https://h.test/a");
    expect(textWithoutCredentials("xhttps://bob:SECRET42@h.test/a").text).toBe("xhttps://h.test/a");
    expect(descriptionText("see 9https://bob:SECRET42@h.test/a")).toBe("see 9https://bob:<password>@h.test/a");
    // Two URLs in a text: a space ends each.
    expect(textWithoutCredentials("https://a:SECRET1@x.test https://b:SECRET2@y.test").text).toBe(
      "https://x.test https://y.test",
    );
    expect(userInfoPasswords("https://{{user}}:{{password}}@x.test and ftp://me:{{ftp}}@y.test")).toEqual([
      "{{password}}",
      "{{ftp}}",
    ]);
  });

  it("keeps what holds no password of its own, in each reader", () => {
    for (const text of ["https://bob@x.test/a", "https://{{u}}:{{p}}@x.test", "mailto:bob@example.com"])
      expect(textWithoutCredentials(text)).toEqual({ text, leftOut: [] });
    for (const text of ["see https://bob@x.test", "see https://bob:@x.test", "https://bob:<password>@x.test"])
      expect(descriptionText(text)).toBe(text);
  });

  it("in the Postman API's URL, with or without a scheme, spaces and all, is refused and never shown", () => {
    const holds = "the API URL holds a user name or password";
    expect(apiUrlProblem("https://me:PMAK-1@api.example.com")).toMatch(holds);
    expect(apiUrlProblem("https://me:PM AK@api.example.com")).toMatch(holds);
    expect(apiUrlProblem("https://api.example.com")).toBeUndefined();
    expect(shownApiUrl("https://me:PM AK-2@api.example.com/v1")).toBe("https://***@api.example.com/v1");
    expect(shownApiUrl("me:PMAK-3@api.example.com")).toBe("***@api.example.com");
    expect(shownApiUrl("//me:PMAK-4@api.example.com")).toBe("//***@api.example.com");
    expect(shownApiUrl("https://api.example.com/v1")).toBe("https://api.example.com/v1");
  });

  it("holds a literal password that is a credential whether sent or not: a saved answer quoting it is masked", () => {
    // An API key auth writes no Authorization header, so Postman sends the user info as Basic
    // auth besides, which the client cannot (warned of): the password is no less the collection's.
    const model = toModel(
      parseCollectionText(
        "c.json",
        JSON.stringify({
          info: { name: "C", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
          auth: {
            type: "apikey",
            apikey: [
              { key: "key", value: "X-Key" },
              { key: "value", value: "{{key}}" },
            ],
          },
          item: [
            {
              name: "Ping",
              request: { method: "GET", url: "https://ann:url-pw-SECRET-61@legacy.x.test/ping" },
              response: [{ name: "OK for url-pw-SECRET-61", code: 200, body: "{}" }],
            },
          ],
        }),
      ),
    );
    expect(model.operations[0]!.auth.type).toBe("apikey");
    expect(model.operations[0]!.responses[0]!.examples[0]!.name).toBe("OK for ***");
  });
});
