// Links from a collection's markdown: to the web, to mail and relative ones stay links; any other
// scheme (`javascript:`, `vbscript:`, `data:`) reads as text, in the README and in JSDoc alike.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { inertLinks, isLinkable } from "../../src/emit/links.js";
import { FIXTURES } from "../helpers/seed.js";

describe("isLinkable", () => {
  it.each(["https://example.com", "http://x", "mailto:a@example.com", "#auth", "/docs", "docs/a.md", "//cdn.example"])(
    "%j may be linked",
    (url) => expect(isLinkable(url)).toBe(true),
  );

  it.each([
    "javascript:alert(1)",
    "JavaScript:void(0)",
    "vbscript:msgbox",
    "data:text/html;base64,PHNjcmlwdD4=",
    "javascript&#58;alert(1)",
    "javascript&colon;alert(1)",
    "&#x6a;avascript:alert(1)",
    "javascript\\:alert(1)",
    "java\tscript:alert(1)",
    " \u0001javascript:alert(1)",
    "file:///etc/passwd",
  ])("%j may not", (url) => expect(isLinkable(url)).toBe(false));
});

describe("inertLinks", () => {
  it("keeps the links that may be linked as they are", () => {
    const text = "[a](https://x.test) ![b](/i.png) [c]: mailto:a@x.test\n<https://x.test> [d](#e)";
    expect(inertLinks(text)).toBe(text);
  });

  it("turns the others into text, which shows as written", () => {
    expect(inertLinks("[a](javascript:alert(1)) ![b]( <data:x>)")).toBe(
      "[a]\\(javascript:alert(1)) ![b]\\( \\<data:x>)",
    );
    expect(inertLinks("[r]: javascript:x\n  [s]:\n vbscript:y")).toBe("\\[r]: javascript:x\n  \\[s]:\n vbscript:y");
    expect(inertLinks("go <javascript:alert(2)> or <https://x.test>")).toBe(
      "go \\<javascript:alert(2)> or <https://x.test>",
    );
  });
});

describe("a collection's script links (test/fixtures/hostile/script-links)", () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    const out = join(mkdtempSync(join(tmpdir(), "script-links-")), "pkg");
    ({ files } = await emitTarget({
      collection: `${FIXTURES}hostile/script-links.postman_collection.json`,
      out,
      name: "script-links",
    }));
  }, 120_000);

  // Link syntax that CommonMark would read, to a scheme other than http(s) or mailto.
  const LIVE = [
    /(?<!\\)\]\(\s*<?\s*(?!https?:|mailto:)[a-z][a-z0-9+.-]*(?:\\?:|&#0*58;|&colon;)/i,
    /^ {0,3}(?<!\\)\[[^\]\n]+\]:\s*<?(?!https?:|mailto:)[a-z][a-z0-9+.-]*:/im,
    /(?<!\\)<(?!https?:|mailto:)[a-z][a-z0-9+.-]{1,31}:[^\s<>]*>/i,
  ];
  const docs = () =>
    [...files].flatMap(([path, text]) =>
      path.endsWith(".md") ? [[path, text]] : [...text.matchAll(/\/\*\*[\s\S]*?\*\//g)].map((m) => [path, m[0]]),
    ) as Array<[string, string]>;

  it("has no live link to a script or data, in the README or in JSDoc", () => {
    const live = docs().flatMap(([path, text]) =>
      LIVE.flatMap((pattern) => {
        const match = pattern.exec(text);
        return match ? [`${path}: ${JSON.stringify(text.slice(match.index, match.index + 40))}`] : [];
      }),
    );
    expect(live).toEqual([]);
  });

  it("keeps the links to the web and to mail", () => {
    const readme = files.get("README.md")!;
    expect(readme).toContain("[the docs](https://example.com/docs)");
    expect(readme).toContain("[mail](mailto:api@example.com)");
    expect(files.get("src/client.ts")).toContain("[the docs](https://example.com/docs)");
  });
});
