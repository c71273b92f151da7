import { describe, expect, it } from "vitest";
import { docText, isIdentifierName, jsonLiteral, propertyKey, stringLiteral } from "../../src/emit/literals.js";

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

  it("doc text leaves out controls and the marks that reorder text", () => {
    expect(docText("is \u202eadmin\u2066 \u001b[2Jnot\u009b31m\u200f\u061c")).toBe("is admin [2Jnot31m");
  });

  it("doc text cannot close its comment or start a tag", () => {
    const text = docText("a */ process.exit(1) /* b\n@param evil\r\nx\u0007");
    expect(text).toBe("a *\\/ process.exit(1) /* b\n\\@param evil\nx");
    expect(text).not.toContain("*/");
  });
});
