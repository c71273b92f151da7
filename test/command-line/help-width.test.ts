// The help's columns line up in a terminal whatever script the names are written in: a Chinese or
// Japanese name takes two columns a character, and is padded by the columns it takes.
import { describe, expect, it } from "vitest";
import { columns, displayWidth } from "../../src/command-line/help.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { runWith, testCommandLine } from "./helpers.js";

/** Where each row's description starts, in terminal columns. */
function descriptionColumns(text: string, descriptions: readonly string[]): number[] {
  return descriptions.map((d) => {
    const line = text.split("\n").find((l) => l.endsWith(d))!;
    return displayWidth(line.slice(0, line.length - d.length));
  });
}

describe("help's columns by display width", () => {
  it("counts wide and fullwidth characters as two columns, combining marks as none", () => {
    expect(displayWidth("user")).toBe(4);
    expect(displayWidth("名前")).toBe(4);
    expect(displayWidth("ユーザーID")).toBe(10);
    expect(displayWidth("ｕｓｅｒ")).toBe(8);
    expect(displayWidth("사용자")).toBe(6);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("𠀋")).toBe(2);
    expect(displayWidth("🚀")).toBe(2);
  });

  it("pads a Chinese or Japanese name so that its description lines up with the others", () => {
    const rows: Array<[string, string]> = [
      ["--page <number>", "first"],
      ["--名前 <string>", "second"],
      ["--ユーザー <string>", "third"],
    ];
    const text = columns(rows);
    expect(new Set(descriptionColumns(text, ["first", "second", "third"])).size).toBe(1);
    // The widest name sets the column: 2 + its 18 columns + 2.
    expect(descriptionColumns(text, ["first"])).toEqual([2 + displayWidth("--ユーザー <string>") + 2]);
  });

  it("a name wider than 32 columns, but not 32 characters, goes on a line of its own", () => {
    const long = "--".concat("名".repeat(16));
    expect(long.length).toBeLessThan(32);
    const text = columns([
      [long, "wide"],
      ["--a", "narrow"],
    ]);
    expect(text.split("\n")[0]).toBe(`  ${long}`);
  });

  it("a command's help lines up flags named in Japanese", async () => {
    const op: OperationSpec = {
      name: "search",
      namespace: [],
      item: "Search",
      folder: [],
      method: "GET",
      path: "/search",
      args: [
        { arg: "キーワード", name: "キーワード", in: "query", required: false },
        { arg: "page", name: "page", in: "query", required: false },
      ],
      responses: [{ status: 200, description: "OK" }],
    };
    const help = await runWith(testCommandLine([op]), ["search", "--help"]);
    expect(help.code).toBe(0);
    const flagLines = help.stdout
      .split("\n")
      .filter((l) => /^ {2}--\S+ <string>/.test(l) && l.includes("Query parameter"));
    expect(flagLines).toHaveLength(2);
    const at = flagLines.map((l) =>
      displayWidth(l.slice(0, l.indexOf("[") >= 0 ? l.indexOf("[") : l.indexOf("Query"))),
    );
    expect(new Set(at).size).toBe(1);
  });
});
