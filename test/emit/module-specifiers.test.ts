// The module specifiers a package's files are followed by (runtime-modules.ts) are found in two
// regular expressions, the first character apart, for speed: they must find what the one global
// search for them found, in every text, whatever it starts with.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { specifiersIn } from "../../src/emit/runtime-modules.js";

/** The one global search the scan was written as. */
const ONE_SEARCH =
  /(?:^|\n)\s*(?:import|export)\b(?:[^;"']*?\bfrom\s*)?\s*["']([^"']+)["']|\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g;

const byOneSearch = (text: string) => [...text.matchAll(ONE_SEARCH)].map((m) => (m[1] ?? m[2])!);

/** Pieces that start, end or break a match, and what sits between them. */
const piece = fc.constantFrom(
  "import",
  "export",
  "require",
  "from",
  "(",
  ")",
  '"',
  "'",
  "./a.js",
  "x",
  " ",
  "\n",
  "\t",
  "\r\n",
  ";",
  "{ a }",
  "type",
  "$",
  "_",
  "\u00a0",
  "\u2028",
);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules") return [];
    return statSync(path).isDirectory() ? files(path) : /\.(?:ts|js|cjs|mjs)$/.test(name) ? [path] : [];
  });
}

describe("the module specifiers of a text", () => {
  it("are those one global search finds, in texts of random pieces", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        expect(specifiersIn(text)).toEqual(byOneSearch(text));
      }),
      { numRuns: 3000, seed: 19 },
    );
  });

  it("are those one global search finds, in every module of the generated packages and the generator", () => {
    const texts = [...files("generated"), ...files("src")].map((path) => readFileSync(path, "utf8"));
    expect(texts.length).toBeGreaterThan(300);
    for (const text of texts) expect(specifiersIn(text)).toEqual(byOneSearch(text));
    // A statement at the very start, and after leading blank lines.
    for (const text of ['import "./a.js";', '\n\n  export * from "./b.js"', 'require("./c.js")'])
      expect(specifiersIn(text)).toEqual(byOneSearch(text));
  });
});
