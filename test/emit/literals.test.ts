import { describe, expect, it } from "vitest";
import {
  docText,
  isIdentifierName,
  jsonLiteral,
  jsonString,
  propertyKey,
  stringLiteral,
} from "../../src/emit/literals.js";

describe("literals", () => {
  it("string literals evaluate back to the same text", () => {
    for (const text of ['"; throw 1; "', "`${process.exit(1)}`", "a\u2028b\u2029c", "</script>", "\\", "\0"]) {
      const literal = stringLiteral(text);
      expect(literal).not.toMatch(/[\u2028\u2029]/);
      expect(new Function(`return ${literal};`)()).toBe(text);
    }
  });

  it("never puts a quote right after an escaped backslash, which ts-morph's writer takes for an escaped quote", () => {
    for (const text of ["\\", "a\\", "a\\\\", '\\"', "a\\b", "\\\\\\"]) {
      const literal = stringLiteral(text);
      expect(literal.slice(1, -1), text).not.toMatch(/(^|[^\\])(\\\\)+"/);
      expect(literal, text).not.toMatch(/(^|[^\\])(\\\\)+"$/);
      expect(new Function(`return ${literal};`)()).toBe(text);
      const json = jsonLiteral({ [text]: [text] });
      expect(new Function(`return ${json};`)()).toEqual({ [text]: [text] });
    }
    expect(stringLiteral("a\\")).toBe('"a\\u005c"');
  });

  it("quotes property keys that are not identifiers, and always __proto__", () => {
    expect(propertyKey("userId")).toBe("userId");
    expect(propertyKey("获取")).toBe("获取");
    expect(propertyKey("Content-Type")).toBe('"Content-Type"');
    expect(propertyKey("2fa")).toBe('"2fa"');
    expect(propertyKey("__proto__")).toBe('"__proto__"');
    expect(isIdentifierName("")).toBe(false);
  });

  it("escapes the marks that reorder text, and DEL and C1 controls, in strings: data, not shown raw", () => {
    // Bidi marks, embeddings, overrides and isolates (Trojan Source), DEL, and CSI as one C1 character.
    const marks = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u007f\u0085\u009b";
    for (const text of [`admin${marks}`, `"${marks}\\`, marks]) {
      const literal = stringLiteral(text);
      expect(literal).toMatch(/^[\x20-\x7e]*$/);
      expect(new Function(`return ${literal};`)()).toBe(text);
      const json = jsonLiteral({ [text]: [text] });
      expect(json).toMatch(/^[\x20-\x7e\n]*$/);
      expect(new Function(`return ${json};`)()).toEqual({ [text]: [text] });
      const file = jsonString(text);
      expect(file).toMatch(/^[\x20-\x7e]*$/);
      expect(JSON.parse(file)).toBe(text);
    }
  });

  it("doc text leaves out controls and the marks that reorder text", () => {
    expect(docText("is \u202eadmin\u2066 \u001b[2Jnot\u009b31m\u200f\u061c")).toBe("is admin [2Jnot31m");
  });

  it("doc text cannot close its comment or start a tag", () => {
    const text = docText("a */ process.exit(1) /* b\n@param evil\r\nx\u0007");
    expect(text).toBe("a *\\/ process.exit(1) /* b\n\\@param evil\nx");
    expect(text).not.toContain("*/");
  });
});
