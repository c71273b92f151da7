import { describe, expect, it } from "vitest";
import { cleanMarkdown, oneLine } from "../../src/model/markdown.js";

describe("cleanMarkdown", () => {
  it("turns <br> into line breaks and keeps markdown links and code spans", () => {
    expect(cleanMarkdown("See [docs](https://x.test/a#b).<br>Use `me`.<br/>Done<br />")).toBe(
      "See [docs](https://x.test/a#b).\nUse `me`.\nDone",
    );
  });

  it("turns HTML links, emphasis and lists into markdown", () => {
    expect(
      cleanMarkdown(
        '<p>A <a href="https://x.test">link</a> and <b>bold</b> <i>it</i> <code>c</code></p><ul><li>one</li><li>two</li></ul>',
      ),
    ).toBe("A [link](https://x.test) and **bold** _it_ `c`\n\n- one\n- two");
  });

  it("decodes entities and keeps text that only looks like a tag", () => {
    expect(cleanMarkdown("a &amp; b &lt;c&gt; &#64; &#x41; <token> <userId>")).toBe("a & b <c> @ A <token> <userId>");
  });

  it("collapses runs of blank lines and trims", () => {
    expect(cleanMarkdown("\n\na  \n\n\n\nb\n")).toBe("a\n\nb");
  });

  it("oneLine joins lines with spaces", () => {
    expect(oneLine("a\n\n b \nc")).toBe("a b c");
  });
});
