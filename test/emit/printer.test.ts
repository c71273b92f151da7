// The printers write what prettier writes, so that emitted files need no formatting: formatting
// their output again must change nothing. Random trees, values and markdown, each checked against
// prettier itself (fixed seeds: `PRINTER_RUNS` raises the count for a longer search). The quick
// layout of values (values.ts) must give the same text as the documents it stands in for.
import fc from "fast-check";
import prettier from "prettier";
import { describe, expect, it } from "vitest";
import { callSpecName, exportedNames } from "../../src/model/naming.js";
import { nativeOptions } from "../../src/emit/format.js";
import { describeExpr, describedText, specTypeOf, standaloneText } from "../../src/emit/modules/operations.js";
import { printJson, printJsonDoc } from "../../src/emit/printer/json.js";
import { blockMarkdown, codeSpan, inlineMarkdown, markdownTable } from "../../src/emit/printer/markdown.js";
import { parseType } from "../../src/emit/printer/type-parser.js";
import { printFlatModule } from "../../src/emit/printer/flat.js";
import {
  importText,
  printModule,
  typeAliasText,
  valueExpr,
  type Expr,
  type Param,
  type Statement,
  type TypeMember,
  type TypeNode,
} from "../../src/emit/printer/typescript.js";
import { layoutValue } from "../../src/emit/printer/values.js";
import { group, line, printDoc, PRINT_DEFAULTS, stringWidth, type PrintOptions } from "../../src/emit/printer/doc.js";

const PRINT_WIDTH_80: PrintOptions = { printWidth: 80, tabWidth: 2, useTabs: false };
const RUNS = Number(process.env["PRINTER_RUNS"] ?? 150);
const params = { numRuns: RUNS, seed: Number(process.env["PRINTER_SEED"] ?? 19) };

const printOptions = fc.record({
  printWidth: fc.integer({ min: 40, max: 120 }),
  tabWidth: fc.integer({ min: 2, max: 4 }),
  useTabs: fc.boolean(),
});
/** TypeScript is printed natively with spaces only (format.ts). */
const spaceOptions = printOptions.map((o) => ({ ...o, useTabs: false }));
const prettierOptions = (o: PrintOptions) => ({ printWidth: o.printWidth, tabWidth: o.tabWidth, useTabs: o.useTabs });

const key = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom(
    "name",
    "in",
    "status",
    "description",
    "__proto__",
    "404",
    "first-name",
    "constructor",
    "x".repeat(70),
    "名前",
  ),
);
const text = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom("é", "名前の説明", "😀 emoji", 'it\'s "quoted"', "a\\b", "line\nbreak", "\u2028"),
);
const leaf = fc.oneof(
  text,
  fc.integer({ min: -100000, max: 100000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("array"), tie("object"), tie("numbers")),
  numbers: fc.array(fc.integer({ min: -1000, max: 100000000 }), { maxLength: 30 }),
  array: fc.array(tie("value"), { maxLength: 5 }),
  object: fc.dictionary(key, tie("value"), { maxKeys: 5 }),
}));

describe("values", () => {
  it("are laid out by values.ts as prettier's documents lay them out, in JSON and in TypeScript", () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 2 }), printOptions, (v, expand, o) => {
        expect(layoutValue(v, "json", o, 0, 0, "", expand) + "\n").toBe(printJsonDoc(v, o, expand));
        // In TypeScript, as a constant's data (see "lays out a constant's data" below for more heads).
        const constant = (init: Expr): Statement => ({
          kind: "const",
          exported: true,
          name: "someOperation",
          type: { kind: "name", name: "OperationSpec" },
          init,
        });
        expect(printModule([constant({ kind: "value", value: v, expand: expand > 0 })], o)).toBe(
          printModule([constant(valueExpr(v, expand > 0))], o),
        );
        // And in dist/'s JavaScript, written straight from the value as from its tree.
        expect(printFlatModule([constant({ kind: "value", value: v, expand: expand > 0 })])).toBe(
          printFlatModule([constant(valueExpr(v, expand > 0))]),
        );
      }),
      { ...params, numRuns: RUNS * 10 },
    );
  });

  it("keep an object or array beside a short key past the line's end, as the documents do", () => {
    // prettier never moves a value off a key narrower than an indentation and a half.
    const o = { printWidth: 45, tabWidth: 4, useTabs: false };
    const deep = { a: { b: { c: { d: { e: { f: { g: { h: { i: { name: [], id: { x: 1 } } } } } } } } } } };
    const constant = (init: Expr): Statement => ({ kind: "const", name: "data", init });
    expect(printModule([constant({ kind: "value", value: deep, expand: true })], o)).toBe(
      printModule([constant(valueExpr(deep, true))], o),
    );
  });

  it("are printed in JSON files as prettier formats them", async () => {
    await fc.assert(
      fc.asyncProperty(value, fc.integer({ min: 0, max: 2 }), printOptions, async (v, expand, o) => {
        const json = printJson(v, o, expand);
        expect(await prettier.format(json, { parser: "json", ...prettierOptions(o) })).toBe(json);
      }),
      params,
    );
  });
});

// -- TypeScript ----------------------------------------------------------------------------------

const identifier = fc.constantFrom(
  "a",
  "userId",
  "Blob",
  "ArrayBuffer",
  "UpdateUserStatusResponses",
  "ClientUsersUserIdMeetingsRecordingsRecordingIdStatus",
  "x".repeat(40),
);
const literalRaw = fc.oneof(
  text.map((t) => JSON.stringify(t)),
  fc.integer({ min: -5000, max: 5000 }).map(String),
  fc.constantFrom("true", "false"),
);
const keyword = fc.constantFrom("string", "number", "boolean", "null", "undefined", "unknown");
const { type } = fc.letrec<{ type: TypeNode; nonUnion: TypeNode; member: TypeMember }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("nonUnion"),
    fc.array(tie("nonUnion"), { minLength: 2, maxLength: 6 }).map((types): TypeNode => ({ kind: "union", types })),
  ),
  nonUnion: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    keyword.map((name): TypeNode => ({ kind: "name", name })),
    identifier.map((name): TypeNode => ({ kind: "name", name })),
    literalRaw.map((raw): TypeNode => ({ kind: "literal", raw })),
    fc
      .tuple(
        fc.constantFrom("Array", "Record", "ApiError", "ApiPromise", "Readonly"),
        fc.array(tie("type"), { minLength: 1, maxLength: 3 }),
      )
      .map(([name, args]): TypeNode => ({ kind: "name", name, args })),
    // Arrays of what the emitter makes arrays of (shapes): never of a literal.
    tie("nonUnion")
      .filter((t) => t.kind !== "union" && t.kind !== "literal")
      .map((element): TypeNode => ({ kind: "array", element })),
    fc.array(tie("member"), { maxLength: 5 }).map((members): TypeNode => ({ kind: "object", members })),
    identifier.map((name): TypeNode => ({
      kind: "indexed",
      object: { kind: "name", name },
      index: { kind: "operator", operator: "keyof", type: { kind: "name", name } },
    })),
  ),
  member: fc.oneof(
    fc
      .record({ key, optional: fc.boolean(), readonly: fc.boolean(), type: tie("type") })
      .map((m): TypeMember => ({ kind: "property", ...m })),
    fc.record({ type: tie("type") }).map((m): TypeMember => ({
      kind: "index",
      parameter: "key",
      keyType: { kind: "name", name: "string" },
      type: m.type,
    })),
  ),
}));
const docs = fc.option(
  fc.oneof(
    fc.string({ maxLength: 60 }).map((t) => t.replace(/\*\//g, "")),
    fc.constantFrom("Line one.\n\nLine two  \n- item", "A `code` line"),
  ),
  { nil: undefined },
);
/** An operation's metadata type: `OperationSpec<…Responses>`, with its rate limit beside it. */
function specType(name: string, rateLimit: string | undefined): TypeNode {
  const spec: TypeNode = { kind: "name", name: "OperationSpec", args: [{ kind: "name", name }] };
  if (rateLimit === undefined) return spec;
  const member: TypeMember = {
    kind: "property",
    key: "rateLimit",
    readonly: true,
    type: { kind: "literal", raw: JSON.stringify(rateLimit) },
  };
  return { kind: "intersection", types: [spec, { kind: "object", members: [member] }] };
}
/** A constant holding data, as the modules' metadata, examples and tables are written. */
const dataConstant = fc
  .record({
    name: identifier,
    exported: fc.boolean(),
    type: fc.option(
      fc.oneof(
        type,
        fc.tuple(identifier, fc.option(text, { nil: undefined })).map(([name, limit]) => specType(name, limit)),
      ),
      { nil: undefined },
    ),
    v: value,
    expand: fc.boolean(),
    docs,
  })
  .map(({ v, expand, type: t, ...rest }) => ({
    ...rest,
    ...(t ? { type: t } : {}),
    value: v,
    expand,
  }));
const param: fc.Arbitrary<Param> = fc.record({
  name: fc.constantFrom("baseClient", "args", "options", "x"),
  optional: fc.boolean(),
  type,
});
/** Parameters as the emitter writes them: none, or two and more (its one-parameter functions return a name). */
const paramList = fc.oneof(fc.constant([] as Param[]), fc.array(param, { minLength: 2, maxLength: 3 }));
const statement: fc.Arbitrary<Statement> = fc.oneof(
  fc
    .record({
      name: identifier,
      members: fc.array(
        fc.oneof(
          type.chain((t) =>
            fc
              .record({ key, optional: fc.boolean(), docs })
              .map((m): TypeMember => ({ kind: "property", ...m, type: t })),
          ),
          fc
            .record({ key: identifier, params: paramList, returns: type, docs })
            .map((m): TypeMember => ({ kind: "method", ...m })),
        ),
        { maxLength: 4 },
      ),
      docs,
    })
    .map((s): Statement => ({ kind: "interface", exported: true, ...s })),
  fc.record({ name: identifier, type, docs }).map((s): Statement => ({ kind: "type", exported: true, ...s })),
  dataConstant.map(({ value: v, expand, ...rest }): Statement => ({
    kind: "const",
    ...rest,
    init: { kind: "value", value: v, expand },
  })),
  fc.record({ name: identifier, type, v: value, docs }).map(({ name, type: t, v, docs: d }): Statement => ({
    kind: "const",
    exported: true,
    name,
    type: t,
    init: valueExpr(v, false),
    docs: d,
  })),
  fc
    .record({
      name: identifier,
      params: paramList,
      returns: type,
      callee: identifier,
      args: fc.array(identifier, { maxLength: 5 }),
      docs,
    })
    .map(({ name, params: p, returns, callee, args, docs: d }): Statement => ({
      kind: "function",
      exported: true,
      name,
      params: p,
      returns,
      docs: d,
      body: [
        {
          kind: "return",
          expression: {
            kind: "as",
            type: returns,
            expression: {
              kind: "call",
              callee: { kind: "member", object: { kind: "id", name: "baseClient" }, property: callee },
              args: args.map((a) => ({ kind: "id", name: a })),
            },
          },
        },
      ],
    })),
);

describe("the TypeScript printer", () => {
  it("prints what prettier prints", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(statement, { minLength: 1, maxLength: 4 }), spaceOptions, async (statements, o) => {
        const source = printModule(statements, o);
        expect(await prettier.format(source, { parser: "babel-ts", ...prettierOptions(o) })).toBe(source);
      }),
      params,
    );
  });

  it("hugs a last argument that is an object `as const`, as prettier does (an operation's metadata)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }),
        identifier,
        spaceOptions,
        async (fields, name, o) => {
          const statement: Statement = {
            kind: "const",
            name: "described",
            type: { kind: "name", name: "Described" },
            init: {
              kind: "call",
              callee: { kind: "member", object: { kind: "id", name: "Object" }, property: "assign" },
              args: [
                { kind: "id", name },
                { kind: "as", expression: valueExpr(fields, true), type: { kind: "name", name: "const" } },
              ],
            },
          };
          const source = printModule([statement], o);
          expect(await prettier.format(source, { parser: "babel-ts", ...prettierOptions(o) })).toBe(source);
        },
      ),
      params,
    );
  });

  it("lays out a constant's data as its documents do, whatever comes before it", () => {
    fc.assert(
      fc.property(dataConstant, printOptions, ({ value: v, expand, ...rest }, o) => {
        const constant = (init: Expr): Statement => ({ kind: "const", ...rest, init });
        expect(printModule([constant({ kind: "value", value: v, expand })], o)).toBe(
          printModule([constant(valueExpr(v, expand))], o),
        );
      }),
      { ...params, numRuns: RUNS * 10 },
    );
  });

  it("lays out a constant's data from where a broken head leaves it", () => {
    // A head too long for its line ends in `} = ` (the type broken) or in a line of its own before
    // the value (a name that cannot break): strings of every length meet the end of that line, and
    // names of every length put the head's end on either side of the line's width.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 130 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(undefined, "Light"),
        fc.integer({ min: 1, max: 60 }),
        spaceOptions,
        (length, asArray, named, rateLimit, nameLength, o) => {
          const long = "x".repeat(nameLength);
          const type: TypeNode = named ? { kind: "name", name: long } : specType(long, rateLimit);
          const v = asArray ? ["x".repeat(length)] : { key: "x".repeat(length) };
          const constant = (init: Expr): Statement => ({ kind: "const", exported: true, name: long, type, init });
          expect(printModule([constant({ kind: "value", value: v, expand: false })], o)).toBe(
            printModule([constant(valueExpr(v, false))], o),
          );
        },
      ),
      { ...params, numRuns: RUNS * 10 },
    );
  });

  it("reads the type texts the emitter writes", () => {
    for (const text of [
      'ApiError<404, 1001 | "E_GONE">',
      "{ a?: string; readonly b: number[]; [key: string]: unknown }",
      "Array<number | null>",
      "X[keyof X]",
      "Readonly<Record<string, string>>",
      "Blob | ArrayBuffer | Uint8Array | string",
    ]) {
      expect(() => parseType(text), text).not.toThrow();
    }
    expect(() => parseType("(a: string) => void")).toThrow(/cannot read the type/);
  });

  it("print a module of nothing as no text at all, not a lone line break", () => {
    for (const print of [(list: Iterable<Statement>) => printModule(list, PRINT_DEFAULTS), printFlatModule]) {
      expect(print([])).toBe("");
      expect(
        print([
          { kind: "raw", text: "a" },
          { kind: "raw", text: "", tight: true },
        ]),
      ).toBe("a\n\n");
    }
    expect(printFlatModule([{ kind: "raw", text: "" }])).toBe("");
  });

  it("makes a module's lazy statements one at a time, each when it reaches them", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(statement, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        spaceOptions,
        (groups, tight, o) => {
          const eager = groups.flat().map((s, i) => ({ ...s, tight: tight && i > 0 }));
          for (const print of [(list: Iterable<Statement>) => printModule(list, o), printFlatModule]) {
            const events: string[] = [];
            let at = 0;
            const lazy = groups.map((group, g): Statement => ({
              kind: "lazy",
              statements: () => {
                events.push(`made ${g}`);
                // Each group's last statement says when it is printed (both printers read a raw text).
                const marker: Statement = { kind: "raw", text: "", tight: true };
                Object.defineProperty(marker, "text", { get: () => (events.push(`printed ${g}`), "// end") });
                return [...group.map(() => eager[at++]!), marker];
              },
            }));
            const withMarkers = groups.flatMap((group, g) => [
              ...eager.slice(groups.slice(0, g).flat().length, groups.slice(0, g + 1).flat().length),
              { kind: "raw", text: "// end", tight: true } satisfies Statement,
            ]);
            expect(print(lazy)).toBe(print(withMarkers));
            expect(events).toEqual(groups.flatMap((_, g) => [`made ${g}`, `printed ${g}`]));
          }
        },
      ),
      params,
    );
  });
});

// -- Markdown ------------------------------------------------------------------------------------

const markdownish = fc
  .array(
    fc.constantFrom(
      ..."ab c_*`[]()\\#-+!|~<>&;:.1=\n\t{}é名😀\u00a0/".split(/(?:)/u),
      "**",
      "](",
      "http://x.y/z",
      "1. ",
      "- ",
      "`code`",
      "[t](http://u.v/w)",
      "**b**",
      "snake_case",
      "  ",
      "&amp;",
      "#",
      "www.a.b/c_d",
      "a_b@c.de",
      "[`x`](http://u.v)",
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("markdown", () => {
  const format = (md: string) => prettier.format(md, { parser: "markdown", printWidth: 100 });

  it("keeps collection text in forms prettier leaves as they are: in a paragraph, a list, a table", async () => {
    await fc.assert(
      fc.asyncProperty(markdownish, async (t) => {
        const line = inlineMarkdown(t);
        if (line === "") return;
        for (const md of [
          `${line}\n`,
          `- ${line}\n- x\n`,
          `${markdownTable(["A", "B"], [[codeSpan("x|y", true), inlineMarkdown(t, { table: true }) || "z"]])}\n`,
        ])
          expect(await format(md)).toBe(md);
      }),
      { ...params, numRuns: RUNS * 2 },
    );
  });

  it("keeps a collection's description as paragraphs, lists and code blocks prettier leaves as they are", async () => {
    const lines = fc.array(
      fc.oneof(
        markdownish,
        fc.constantFrom(
          "",
          "* item",
          "- item two",
          "1. first",
          "```js",
          "```",
          "# Heading",
          "> quote",
          "| a | b |",
          "|---|:-:|",
          "| `x|y` | *z* \\| w |",
          "## Title ##",
          "    indented",
        ),
      ),
      { maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(lines, async (l) => {
        const md = blockMarkdown(l.join("\n"));
        if (md !== "") expect(await format(`${md}\n`)).toBe(`${md}\n`);
      }),
      params,
    );
  });

  it("keeps a description's tables as tables and its headings apart, in bold", () => {
    const md = blockMarkdown(
      [
        "# Twitter Ads API",
        "Intro line one",
        "|Name|Description|",
        "|---|:---|",
        "|`account_id`|The *account* \\| id|",
        "|count|",
        "",
        "after",
      ].join("\n"),
    );
    expect(md).toBe(
      [
        "**Twitter Ads API**",
        "",
        "Intro line one",
        "",
        "| Name         | Description           |",
        "| ------------ | --------------------- |",
        "| `account_id` | The \\*account\\* \\| id |",
        "| count        |                       |",
        "",
        "after",
      ].join("\n"),
    );
  });

  it("copies text with nothing to escape as it is, as the escaping would write it", () => {
    // A word of markdown after it makes the whole line go through the escaping.
    const plain = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        "a<b",
        "x > y",
        "a & b",
        "www.a.bc/d",
        "http://x.yz/a",
        "see https://a.bc",
        "http://x.yz/é",
        "1. x",
        "# x",
      ),
    );
    fc.assert(
      fc.property(plain, (t) => {
        const line = inlineMarkdown(t);
        if (line !== "") expect(`${line} \\_`).toBe(inlineMarkdown(`${t} _`));
      }),
      { ...params, numRuns: RUNS * 10 },
    );
  });

  it("keeps links, code and strong emphasis", () => {
    expect(inlineMarkdown("Use **Note:** see [the docs](https://example.com/a_b) and `me`.")).toBe(
      "Use **Note:** see [the docs](https://example.com/a_b) and `me`.",
    );
    expect(inlineMarkdown("user_id, *emphasis*, _under_, <b>html</b>, a | b")).toBe(
      "user_id, \\*emphasis\\*, \\_under\\_, &lt;b&gt;html&lt;/b&gt;, a \\| b",
    );
    expect(inlineMarkdown("1. first")).toBe("1\\. first");
  });
});

describe("native formatting", () => {
  it("prints natively with the defaults and with configs that change the width or the indentation only", () => {
    expect(nativeOptions({})?.ts).toEqual({ printWidth: 100, tabWidth: 2, useTabs: false });
    const config = { printWidth: 80, tabWidth: 4, semi: true, endOfLine: "lf" as const };
    expect(nativeOptions({ "babel-ts": config, json: { ...config, useTabs: true }, markdown: config })?.json).toEqual({
      printWidth: 80,
      tabWidth: 4,
      useTabs: true,
    });
  });

  it("leaves any other option to prettier", () => {
    for (const other of [
      { semi: false },
      { singleQuote: true },
      { trailingComma: "es5" as const },
      { proseWrap: "always" as const },
      { plugins: ["x"] },
      { bracketSpacing: false },
      { useTabs: true },
    ]) {
      expect(nativeOptions({ "babel-ts": other }), JSON.stringify(other)).toBeUndefined();
    }
  });
});

describe("imports and type aliases written straight", () => {
  const name = fc.oneof(
    identifier,
    fc.constantFrom("获取用户", "x".repeat(60)),
    fc.string({ minLength: 1, maxLength: 40 }).map((s) => `n${s.replace(/[^A-Za-z0-9]/g, "")}`),
  );
  const from = fc.constantFrom("./runtime/core.js", "../runtime/request-features.js", "./resources/名前.js");

  it("are the imports prettier prints", async () => {
    const imported = fc.record({ name, as: fc.option(name, { nil: undefined }), typeOnly: fc.boolean() });
    const importStatement: fc.Arbitrary<Extract<Statement, { kind: "import" }>> = fc.oneof(
      fc.record({
        kind: fc.constant("import" as const),
        typeOnly: fc.constant(true as const),
        from,
        names: fc.array(name, { maxLength: 6 }).map((names) => names.map((n) => ({ name: n }))),
      }),
      fc.record(
        {
          kind: fc.constant("import" as const),
          from,
          names: fc.array(imported, { maxLength: 6 }),
          defaultName: name,
        },
        { requiredKeys: ["kind", "from", "names"] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(importStatement, spaceOptions, async (statement, o) => {
        // An import of nothing, which the emitter never writes, prettier prints otherwise.
        fc.pre(statement.names.length > 0 || statement.defaultName !== undefined);
        const source = `${importText(statement, o)}\n`;
        expect(source).toBe(printModule([statement], o));
        expect(await prettier.format(source, { parser: "babel-ts", ...prettierOptions(o) })).toBe(source);
      }),
      params,
    );
  });

  it("are the type aliases prettier prints, where they fit or cannot break", async () => {
    const unbreakable: fc.Arbitrary<TypeNode> = fc.oneof(
      name.map((n): TypeNode => ({ kind: "name", name: n })),
      name.map((n): TypeNode => ({
        kind: "indexed",
        object: { kind: "name", name: n },
        index: { kind: "operator", operator: "keyof", type: { kind: "name", name: n } },
      })),
    );
    await fc.assert(
      fc.asyncProperty(name, unbreakable, fc.boolean(), spaceOptions, async (alias, type, exported, o) => {
        const statement: Extract<Statement, { kind: "type" }> = { kind: "type", name: alias, type, exported };
        const source = `${typeAliasText(statement, o)}\n`;
        expect(source).toBe(printModule([statement], o));
        expect(await prettier.format(source, { parser: "babel-ts", ...prettierOptions(o) })).toBe(source);
      }),
      params,
    );
    // A type that can break is left to the documents, unless it fits.
    const union: TypeNode = {
      kind: "union",
      types: [
        { kind: "name", name: "x".repeat(50) },
        { kind: "name", name: "y".repeat(50) },
      ],
    };
    expect(typeAliasText({ kind: "type", name: "U", type: union }, PRINT_WIDTH_80)).toBeUndefined();
  });
});

describe("an operation's standalone function", () => {
  it("is written as the documents lay it out", () => {
    const name = fc.oneof(
      fc.constantFrom("updateUserStatus", "获取用户", "x"),
      fc.string({ minLength: 1, maxLength: 60 }).map((s) => `op${s.replace(/[^A-Za-z0-9]/g, "")}`),
    );
    fc.assert(
      fc.property(
        name,
        fc.boolean(),
        fc.array(fc.constantFrom("$encodeMultipart", "$authorizeBearer", "undefined"), { maxLength: 2 }),
        fc.uniqueArray(
          fc.constantFrom(
            ["query", "writeQuery"],
            ["jsonText", "readJsonText"],
            ["sentSecrets", "namedSecrets"],
            ["headerArgs", "$sendNamedHeaderArg"],
            ["pathVariables", "fillPathVariable"],
          ),
          { maxLength: 3, selector: ([key]) => key },
        ),
        spaceOptions,
        (n, required, extra, features, o) => {
          const names = exportedNames(n);
          const result: TypeNode = { kind: "name", name: "ApiPromise", args: [{ kind: "name", name: names.result }] };
          const call = {
            kind: "call" as const,
            callee: { kind: "member" as const, object: { kind: "id" as const, name: "baseClient" }, property: "call" },
            args: [
              ...[callSpecName(n), "args", "options", ...extra].map((a): Expr => ({ kind: "id", name: a })),
              // The request features, which prettier may hug.
              ...(features.length
                ? [
                    {
                      kind: "object",
                      properties: features.map(([key, value]) => ({
                        kind: "property",
                        key,
                        value: { kind: "id", name: value },
                      })),
                    } satisfies Expr,
                  ]
                : []),
            ],
          };
          const statement: Statement = {
            kind: "function",
            exported: true,
            name: n,
            params: [
              { name: "baseClient", type: { kind: "name", name: "BaseClient" } },
              { name: "args", type: { kind: "name", name: names.args }, ...(required ? {} : { optional: true }) },
              {
                name: "options",
                type: { kind: "name", name: "RequestOptions", args: [{ kind: "name", name: "Variables" }] },
                optional: true,
              },
            ],
            returns: result,
            body: [{ kind: "return", expression: { kind: "as", expression: call, type: result } }],
          };
          const text = standaloneText(o, n, callSpecName(n), names, required, extra, features);
          // Left to the documents only where a feature's line would not fit.
          if (text === undefined) expect(o.printWidth).toBeLessThan(60);
          else expect(`${text}\n`).toBe(printModule([statement], o));
        },
      ),
      { ...params, numRuns: RUNS * 5 },
    );
  });
});

describe("an operation's metadata in the TypeScript", () => {
  it("is written as the documents lay it out, where it is written straight", () => {
    const name = fc.oneof(
      fc.constantFrom("updateUserStatus", "获取用户", "x", "accountsAccountIdLockSettingsGetLockedSettings"),
      fc.string({ minLength: 1, maxLength: 60 }).map((s) => `op${s.replace(/[^A-Za-z0-9]/g, "")}`),
    );
    let written = 0;
    fc.assert(
      fc.property(
        name,
        fc.option(fc.oneof(fc.constantFrom("Light", "Resource-intensive"), text), { nil: undefined }),
        fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }),
        fc.array(fc.dictionary(key, value, { maxKeys: 3 }), { maxLength: 3 }),
        spaceOptions,
        (n, rateLimit, docs, successes, o) => {
          const names = exportedNames(n);
          const callSpec = callSpecName(n);
          const type = specTypeOf(names.responses, names.error, rateLimit);
          const statement: Statement = {
            kind: "const",
            exported: true,
            name: names.spec,
            type,
            init: describeExpr("ts", callSpec, docs, successes),
          };
          const text = describedText(o, names.spec, type, callSpec, docs, successes);
          if (text === undefined) return;
          written++;
          expect(`${text}\n`).toBe(printModule([statement], o));
        },
      ),
      { ...params, numRuns: RUNS * 5 },
    );
    // Most are written straight (the others are left to the documents).
    expect(written).toBeGreaterThan(RUNS);
  });
});

describe("an operation's metadata head", () => {
  it("is written as the documents lay it out, whatever the widths of its four names", () => {
    // The head is written from the names' widths (operations.ts, headText): here each name has a
    // width of its own, not the ones an operation's names share.
    const identifier = (first: string) =>
      fc
        .array(fc.constantFrom("a", "B", "_", "$", "0", "é", "中", "ｱ"), { maxLength: 70 })
        .map((chars) => `${first}${chars.join("")}`);
    let written = 0;
    fc.assert(
      fc.property(
        fc.tuple(identifier("n"), identifier("R"), identifier("E"), identifier("c")),
        fc.option(fc.constantFrom("Light", "Resource-intensive", "中文", "it's"), { nil: undefined }),
        fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 }),
        fc.nat(),
        fc.integer({ min: -1, max: 1 }),
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        ([name, responses, error, callSpec], rateLimit, docs, which, off, tabWidth, useTabs) => {
          // A width at, or one off, the width of a line the layout may turn on.
          const object = rateLimit === undefined ? "" : ` & { readonly rateLimit: ${JSON.stringify(rateLimit)} }`;
          const call = ` = Object.assign(${callSpec}, {`;
          const lines = [
            `export const ${name}: OperationSpec<${responses}, ${error}>${object}${call}`,
            `export const ${name}: OperationSpec<${responses}, ${error}>${object} =`,
            `export const ${name}: OperationSpec<${responses}, ${error}> & {`,
            `>${object} =`,
            `>${object}${call}`,
            `}${call}`,
          ];
          const printWidth = Math.max(1, stringWidth(lines[which % lines.length]!) + off);
          const o: PrintOptions = { printWidth, tabWidth, useTabs };
          const type = specTypeOf(responses, error, rateLimit);
          const statement: Statement = {
            kind: "const",
            exported: true,
            name,
            type,
            init: describeExpr("ts", callSpec, docs, []),
          };
          const text = describedText(o, name, type, callSpec, docs, []);
          if (text === undefined) return;
          written++;
          expect(`${text}\n`).toBe(printModule([statement], o));
        },
      ),
      { ...params, numRuns: RUNS * 10 },
    );
    expect(written).toBeGreaterThan(RUNS);
  });
});

describe("a text's width", () => {
  it("is the width prettier's printer gives it", () => {
    // What prettier measures: the narrowest line on which the text and one more character fit.
    const measured = (t: string) => {
      let width = 0;
      const options = (printWidth: number) => ({ printWidth, tabWidth: 2, useTabs: false });
      while (printDoc(group([t, line, "x"]), options(width + 2)).includes("\n")) width++;
      return width;
    };
    const character = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0x7f, max: 0x3ff }),
      fc.integer({ min: 0x2000, max: 0x206f }),
      fc.constantFrom(0xa9, 0xae, 0xad, 0x300, 0x2028, 0x3042, 0xff01, 0x1f600),
    );
    fc.assert(
      fc.property(fc.array(character, { maxLength: 12 }), (codes) => {
        const t = String.fromCodePoint(...codes);
        expect(stringWidth(t)).toBe(measured(t));
      }),
      { ...params, numRuns: RUNS * 5 },
    );
  });
});
