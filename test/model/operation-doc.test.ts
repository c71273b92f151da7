import { describe, expect, it } from "vitest";
import { parseOperationDescription } from "../../src/model/operation-doc.js";
import { seedItem } from "../helpers/seed.js";

describe("parseOperationDescription", () => {
  it("lifts the seed's scopes and rate-limit label out of its description", () => {
    const request = seedItem()["request"] as { description: string };
    const doc = parseOperationDescription(request.description);
    expect(doc.scopes).toEqual(["user:write:admin", "user:write"]);
    expect(doc.rateLimit).toBe("Light");
    expect(doc.description).toMatch(/^Use this API to \[deactivate\]\(https:\/\/support\.zoom\.us\//);
    expect(doc.description).toMatch(/login to their Zoom account\.$/);
    expect(doc.description).not.toContain("Scopes");
    expect(doc.description).not.toContain("Rate Limit");
  });

  it.each([
    ["**Scope:** `a:read`", ["a:read"]],
    ["**Scopes**: `a:read`<br> ", ["a:read"]],
    ["**Scope**: `a`,`b`\t<br>", ["a", "b"]],
    [
      "**Scopes:** `a:read` or `a:read:admin`<br>**[Rate Limit Label](https://x.test):** `Medium`",
      ["a:read", "a:read:admin"],
    ],
  ])("reads the scope variant %j", (text, scopes) => {
    expect(parseOperationDescription(text).scopes).toEqual(scopes);
  });

  it("reads rate-limit labels with and without the link", () => {
    expect(
      parseOperationDescription("x **[Rate Limit Label](https://x.test/a#b):** `Resource-intensive`<br>").rateLimit,
    ).toBe("Resource-intensive");
    expect(parseOperationDescription("**Rate Limit Label:** `Heavy`").rateLimit).toBe("Heavy");
  });

  it("leaves descriptions without the markers as they are", () => {
    expect(parseOperationDescription("Just text.")).toEqual({ description: "Just text." });
    expect(parseOperationDescription(undefined)).toEqual({});
  });
});
