// The one definition of a URL scheme the generator reads collection text by, checked against the
// URL parser Node and the browsers share (the WHATWG URL standard), which the client's fetch uses.
import { describe, expect, it } from "vitest";
import { LEADING_SCHEME, SCHEME_SOURCE, startsWithSchemeAndSlashes } from "../../src/model/url-scheme.js";

/** Whether the URL parser reads `scheme` as the scheme of `scheme://h`. */
function parsedAsScheme(scheme: string): boolean {
  try {
    return new URL(`${scheme}://h`).protocol === `${scheme.toLowerCase()}:`;
  } catch {
    return false;
  }
}

// Every printable ASCII character, and letters whose case folds to an ASCII one (the long s, the
// dotless i, the Kelvin sign), first and after a letter. Tabs, line breaks and spaces are left out:
// the parser drops or trims them before it reads a scheme.
const CHARACTERS = [
  ...Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)),
  "\u017f",
  "\u0131",
  "\u212a",
  "é",
];

describe("url-scheme", () => {
  it("a scheme and // start a text exactly where the URL parser reads a scheme", () => {
    const candidates = ["https", "HTTP", "svn+ssh", "web+x.y-1", ...CHARACTERS.flatMap((c) => [c, `a${c}`, `${c}a`])];
    const disagreeing = candidates.filter(
      (scheme) => startsWithSchemeAndSlashes(`${scheme}://h`) !== parsedAsScheme(scheme),
    );
    expect(disagreeing).toEqual([]);
    expect(new RegExp(`^${SCHEME_SOURCE}$`, "i").test("svn+ssh")).toBe(true);
  });

  it("needs the // of an authority; LEADING_SCHEME does not, and gives the scheme", () => {
    for (const text of ["mailto:a@b.c", "urn:isbn:1", "javascript:alert(1)", "https:/x", "https:"]) {
      expect(startsWithSchemeAndSlashes(text), text).toBe(false);
    }
    expect(LEADING_SCHEME.exec("javascript:alert(1)")?.[1]).toBe("javascript");
    expect(LEADING_SCHEME.exec("MailTo:a@b.c")?.[1]).toBe("MailTo");
    expect(LEADING_SCHEME.exec("https://x")?.[1]).toBe("https");
  });

  it("finds none in a path, a variable or prose", () => {
    for (const text of ["/v2/users", "{{baseUrl}}/users", "{{scheme}}://x", "see https://x", "1http://x", ""]) {
      expect(startsWithSchemeAndSlashes(text), text).toBe(false);
      expect(LEADING_SCHEME.exec(text), text).toBeNull();
    }
    // A host and port reads as a scheme to a browser, as the URL standard has it, but has no //.
    expect(LEADING_SCHEME.exec("api.example.com:8080")?.[1]).toBe("api.example.com");
    expect(startsWithSchemeAndSlashes("api.example.com:8080")).toBe(false);
  });
});
