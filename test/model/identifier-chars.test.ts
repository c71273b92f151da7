// The identifier characters are one fixed table, TypeScript 5.0's: every TypeScript the README
// promises takes each of them, and the running Node's Unicode tables decide nothing.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isIdentifierName } from "../../src/emit/literals.js";
import { ID_CONTINUE, ID_START } from "../../src/model/identifier-chars.js";
import { camelCase, pascalCase } from "../../src/model/naming.js";

type Scanner = Pick<typeof import("typescript"), "isIdentifierStart" | "isIdentifierPart" | "ScriptTarget">;
const require = createRequire(import.meta.url);
const TYPESCRIPTS: Record<string, Scanner> = {
  "5.0": require("typescript-5.0") as Scanner,
  "5.4": require("typescript-5.4") as Scanner,
  "5.9": require("typescript-5.9") as Scanner,
  "6.0": require("typescript") as Scanner,
};
const START = new RegExp(`^[$_${ID_START}]$`, "u");
const CONTINUE = new RegExp(`^[$${ID_CONTINUE}]$`, "u");

function* codePoints(): Generator<number> {
  for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield cp;
}

describe("the identifier table", () => {
  it("is what TypeScript 5.0's scanner takes, character for character", () => {
    const ts = TYPESCRIPTS["5.0"]!;
    const differ: string[] = [];
    for (const cp of codePoints()) {
      const c = String.fromCodePoint(cp);
      if (START.test(c) !== ts.isIdentifierStart(cp, ts.ScriptTarget.ES2015)) differ.push(`start ${cp.toString(16)}`);
      if (CONTINUE.test(c) !== ts.isIdentifierPart(cp, ts.ScriptTarget.ES2015)) differ.push(`part ${cp.toString(16)}`);
    }
    expect(differ).toEqual([]);
  });

  it.each(Object.keys(TYPESCRIPTS))("is taken whole by TypeScript %s", (version) => {
    const ts = TYPESCRIPTS[version]!;
    const refused: string[] = [];
    for (const cp of codePoints()) {
      const c = String.fromCodePoint(cp);
      if (START.test(c) && !ts.isIdentifierStart(cp, ts.ScriptTarget.ES2015)) refused.push(`start ${cp.toString(16)}`);
      if (CONTINUE.test(c) && !ts.isIdentifierPart(cp, ts.ScriptTarget.ES2015)) refused.push(`part ${cp.toString(16)}`);
    }
    expect(refused).toEqual([]);
  });
});

describe("names from newer Unicode", () => {
  // Unicode 15 (U+1E030, U+11F04, U+31350) and 16 (U+10D4A): letters to this Node, not to TypeScript 5.0.
  const newer = ["\u{1E030}", "\u{11F04}", "\u{31350}", "\u{10D4A}\u{10D4B}"];

  it.each(newer)("%s is no identifier, whatever the running Node knows", (letters) => {
    expect(isIdentifierName(letters)).toBe(false);
    expect(isIdentifierName(`a${letters}`)).toBe(false);
    expect(camelCase(`${letters} list`)).toBe("list");
    expect(camelCase(`get ${letters}x`)).toBe("getX");
  });

  it.each([
    ["Créer utilisateur", "créerUtilisateur", "CréerUtilisateur"],
    ["日本語 一覧", "日本語一覧", "日本語一覧"],
    ["Получить пользователя", "получитьПользователя", "ПолучитьПользователя"],
    ["ΟΔΟΣ list", "οδοςList", "ΟδοςList"],
  ])("%j stays a word: %j, %j", (name, camel, pascal) => {
    expect(camelCase(name)).toBe(camel);
    expect(pascalCase(name)).toBe(pascal);
    expect(isIdentifierName(camel) && isIdentifierName(pascal)).toBe(true);
  });

  it("keeps the case of a letter whose partner is newer than the table (ɤ, U+A7CB in Unicode 16)", () => {
    expect(pascalCase("ɤ list")).toBe("ɤList");
    expect(camelCase("list ɤ")).toBe("listɤ");
    expect(isIdentifierName(pascalCase("ɤ list"))).toBe(true);
  });
});
