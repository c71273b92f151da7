// The TypeScript an emitted package holds, as a small syntax tree printed with the documents
// prettier's estree printer makes for the same nodes (src/language-js/print/* in prettier 3:
// assignment layouts, objects, arrays, call arguments, member chains, unions, interfaces, type
// arguments, JSDoc comments). Only the constructs the emitter writes are here, and only the paths
// of prettier's printer that they take: the output is what prettier prints, so the files need no
// formatting pass (test/emit/printer.test.ts compares the two on random trees).
//
// This module holds the tree and prints its statements; the documents of types, interfaces and
// signatures are type-docs.ts, of expressions and assignments expressions.ts, of JSDoc jsdoc.ts.
import { group, hardline, ifBreak, indent, indentUnit, join, line, printDoc, softline, stringWidth } from "./doc.js";
import type { Doc, PrintOptions } from "./doc.js";
import { assignment, expressionDoc, expressionLayout, typeLayout } from "./expressions.js";
import { typeText } from "./flat.js";
import { commentText, withDocs } from "./jsdoc.js";
import { printString } from "./literals.js";
import { interfaceBody, interfaceText, paramsDoc, shouldGroupParams, typeDoc, unbreakable } from "./type-docs.js";
import { layoutValue, valueBreaks } from "./values.js";
import { stringLiteral } from "../literals.js";

// ---------------------------------------------------------------------------------------------
// Types

export type TypeNode =
  /** A keyword (`string`) or a reference (`Blob`, `ApiError<404, 1001>`). */
  | { kind: "name"; name: string; args?: TypeNode[] }
  /** `"a"`, `404`, `-1`, `true`: `raw` as written (strings double-quoted, JSON-escaped). */
  | { kind: "literal"; raw: string }
  | { kind: "union"; types: TypeNode[] }
  | { kind: "intersection"; types: TypeNode[] }
  | { kind: "array"; element: TypeNode }
  | { kind: "object"; members: TypeMember[] }
  | { kind: "indexed"; object: TypeNode; index: TypeNode }
  | { kind: "operator"; operator: "keyof" | "readonly"; type: TypeNode };

export type TypeMember =
  | {
      kind: "property";
      key: string;
      numeric?: boolean;
      optional?: boolean;
      readonly?: boolean;
      type: TypeNode;
      docs?: string;
    }
  | { kind: "index"; parameter: string; keyType: TypeNode; type: TypeNode; docs?: string }
  | { kind: "method"; key: string; quoted?: boolean; params: Param[]; returns: TypeNode; docs?: string };

export interface Param {
  name: string;
  optional?: boolean;
  type?: TypeNode;
  /** A default value, as an expression. */
  initializer?: Expr;
}

// ---------------------------------------------------------------------------------------------
// Expressions and statements

export type Expr =
  | { kind: "id"; name: string }
  | { kind: "member"; object: Expr; property: string }
  | { kind: "call"; callee: Expr; args: Expr[]; new?: boolean }
  | { kind: "await"; argument: Expr }
  /** `{ a, b }` on the left of a declaration: names only. */
  | { kind: "pattern"; names: string[] }
  /** JavaScript only (flat.ts): `/* @__PURE__ *\/ (() => value)()`, which bundlers drop when unused. */
  | { kind: "pure"; value: Expr }
  | { kind: "as"; expression: Expr; type: TypeNode }
  | { kind: "array"; elements: Array<Expr | { kind: "spread"; argument: Expr }> }
  /** `expand`: written with a line break after `{`, which prettier keeps (objectWrap "preserve"). */
  | { kind: "object"; properties: ObjectMember[]; expand?: boolean }
  | { kind: "string"; value: string }
  | { kind: "number"; raw: string }
  | { kind: "keyword"; text: "true" | "false" | "null" | "undefined" }
  /**
   * A JSON value, as the initialiser of a constant only: a module's data (operations' metadata,
   * examples), laid out by values.ts where it is printed. `expand` as valueExpr's.
   */
  | { kind: "value"; value: unknown; expand?: boolean };

export type ObjectMember =
  | { kind: "property"; key: string; value: Expr }
  | { kind: "method"; key: string; params: Param[]; returns?: TypeNode; body: Statement[] };

/** A name an import statement takes from its module. */
export interface ImportName {
  name: string;
  /** The importing module's own name for it, when not `name`. */
  as?: string;
  typeOnly?: boolean;
}

/**
 * An import's specifier as written: `name`, `name as local`, with `type ` before it when type-only;
 * `renames` writes the local name otherwise (`": "` for a CommonJS destructuring's `name: local`).
 */
export function importSpecifier(n: ImportName, renames = " as "): string {
  const specifier = n.as !== undefined && n.as !== n.name ? `${n.name}${renames}${n.as}` : n.name;
  return n.typeOnly ? `type ${specifier}` : specifier;
}

export type Statement = (
  | {
      kind: "import";
      from: string;
      /** Each imported name, `as` the module's own name for it when that differs (`encodeSomething as $encodeSomething`). */
      names: ImportName[];
      defaultName?: string;
      typeOnly?: boolean;
    }
  | { kind: "exportAll"; from: string }
  | { kind: "exportNamed"; from: string; names: string[]; typeOnly?: boolean }
  | { kind: "interface"; name: string; members: TypeMember[]; exported?: boolean }
  | { kind: "type"; name: string; type: TypeNode; exported?: boolean }
  | {
      kind: "const";
      name: string;
      type?: TypeNode;
      init?: Expr;
      exported?: boolean;
      declare?: boolean;
      pattern?: string[];
    }
  | {
      kind: "function";
      name: string;
      params: Param[];
      returns?: TypeNode;
      body?: Statement[];
      exported?: boolean;
      declare?: boolean;
    }
  | { kind: "exportDefault"; expression: Expr }
  /** `try { … } catch (param) { … }`: the README's error handling. */
  | { kind: "try"; block: Statement[]; param: string; handler: Statement[] }
  /** `if (test) then else otherwise`, each branch one statement (no block), as the README's error handling writes it. */
  | { kind: "if"; test: string; then: Statement; otherwise?: Statement }
  | { kind: "return"; expression: Expr }
  | { kind: "expression"; expression: Expr }
  /** Printed as it is: a comment, a line of the JavaScript wrappers, a declaration laid out already. */
  | { kind: "raw"; text: string }
  /**
   * Statements made only when the printer reaches them (a module's operations, one at a time), at
   * the top level of a module: a module's trees are then never all held at once (at a few thousand
   * requests in one module they were most of what a generation held).
   */
  | { kind: "lazy"; statements: () => Statement[] }
) & {
  /** A JSDoc comment. */
  docs?: string;
  /** No blank line before it. */
  tight?: boolean;
};

// ---------------------------------------------------------------------------------------------
// Printing

/** A module: statements separated by a blank line (or none, `tight`), ending with a newline. */
/**
 * The module's text. Each statement is printed on its own: at the top level a statement starts at
 * column 0 after a hard line, so this is the text the module's one document would print, and only
 * one statement's document is held at a time (a module's whole document was most of the memory a
 * generation took at a few thousand requests).
 *
 * The text is joined, not concatenated: `+=` makes a rope, a tree of the pieces that V8 copies into
 * one string only when the whole is first read (scanned, hashed, written), and each module's rope
 * lived until its package was written, copied by every garbage collection on the way. Joined, the
 * pieces die young and the text is one string from the start. So are the other printers' files
 * (printFlatModule, javascript.ts, printJson).
 */
export function printModule(statements: Iterable<Statement>, options: PrintOptions): string {
  const parts: string[] = [];
  for (const statement of topLevel(statements)) {
    if (parts.length) parts.push(statement.tight ? "\n" : "\n\n");
    const text = topLevelText(statement, options) ?? printDoc(statementDoc(statement, options), options);
    // The hard line after a statement would trim the white space its last line ends with.
    parts.push(/ $|\t$/.test(text) ? text.replace(/[ \t]+$/, "") : text);
  }
  if (!parts.length) return "";
  parts.push("\n");
  return parts.join("");
}

/** A module's statements with the lazy ones made, each when it is reached. */
export function* topLevel(statements: Iterable<Statement>): Generator<Statement> {
  for (const statement of statements) {
    if (statement.kind === "lazy") yield* topLevel(statement.statements());
    else yield statement;
  }
}

/**
 * A top-level statement written straight, where its layout is known without laying out documents
 * (what they would print: test/emit/printer.test.ts compares both): a raw text, an import, an
 * interface (its body always breaks), a type alias that fits on its line or cannot break, a
 * constant holding data. Undefined for the others.
 */
function topLevelText(statement: Statement, options: PrintOptions): string | undefined {
  let text: string | undefined;
  switch (statement.kind) {
    case "raw":
      text = statement.text;
      break;
    case "import":
      text = importText(statement, options);
      break;
    case "interface":
      text = `${statement.exported ? "export " : ""}interface ${statement.name} ${interfaceText(statement.members, options, 1)}`;
      break;
    case "type":
      text = typeAliasText(statement, options);
      break;
    case "const":
      if (statement.init?.kind === "value") text = dataText(statement, statement.init, options);
      break;
  }
  if (text === undefined) return undefined;
  return statement.docs === undefined ? text : `${commentText(statement.docs, 0, options)}\n${text}`;
}

/**
 * `const name: Type = value;` at the top level, for an object or array that does not stay on one
 * line with its declaration (else undefined: that line is printed from documents). What comes
 * before the value is laid out as it would be before any object or array that breaks: prettier
 * looks past `= {` or `= [` only up to the line break that follows, so the value's own text
 * changes nothing there. When that head fits on one line, it is that line; otherwise it is
 * printed from the documents of the declaration with a small object forced open in the value's
 * place. The value is then laid out by values.ts from where the head leaves it.
 */
function dataText(
  statement: Extract<Statement, { kind: "const" }>,
  init: Extract<Expr, { kind: "value" }>,
  options: PrintOptions,
): string | undefined {
  const { value } = init;
  if (value === null || typeof value !== "object" || statement.pattern) return undefined;
  if (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0) return undefined;
  const expand = init.expand ? 1 : 0;
  const type = statement.type ? `: ${typeText(statement.type)}` : "";
  const head = `${constStart(statement)}${type} = `;
  const headWidth = stringWidth(head);
  if (!valueBreaks(value, "ts", options, options.printWidth - headWidth - 1, expand)) return undefined;
  if (headWidth + 1 <= options.printWidth)
    return `${head}${layoutValue(value, "ts", options, headWidth, 0, ";", expand)};`;
  // Not even `… =` fits: an operation's metadata type, `OperationSpec<…> & { readonly rateLimit: … }`,
  // breaks its object type and the value follows `} = ` (what the documents below would print).
  const broken = headWidth - 1 > options.printWidth ? brokenSpecHead(statement, options) : undefined;
  if (broken !== undefined) return `${broken}} = ${layoutValue(value, "ts", options, 4, 0, ";", expand)};`;
  const standIn = (expanded: Expr): Expr => (Array.isArray(value) ? { kind: "array", elements: [expanded] } : expanded);
  const one: Expr = {
    kind: "object",
    expand: true,
    properties: [{ kind: "property", key: "x", value: { kind: "number", raw: "0" } }],
  };
  const printed = printDoc(statementBody({ ...statement, init: standIn(one), docs: undefined }, options, 0), options);
  const standInValue = Array.isArray(value) ? [{ x: 0 }] : { x: 0 };
  // The value starts the line after the head, indented, when even its `{` does not fit beside it.
  for (const depth of [1, 0]) {
    const tail = `${layoutValue(standInValue, "ts", options, 0, depth, ";", 2)};`;
    if (!printed.endsWith(tail)) continue;
    const before = printed.slice(0, -tail.length);
    const line = before.slice(before.lastIndexOf("\n") + 1).replace(/\t/g, " ".repeat(options.tabWidth));
    return `${before}${layoutValue(value, "ts", options, stringWidth(line), depth, ";", expand)};`;
  }
  return undefined;
}

/**
 * `export const name: Reference & {\n  readonly key: "literal";\n` for a constant whose type is a
 * reference that cannot break (no type arguments, or one that is a bare name: prettier hugs it)
 * and an object type of one property with a type that cannot break either. When the line up to
 * ` =` does not fit, prettier breaks that intersection's group, whose object type then breaks: the
 * line up to its `{` is kept whole. Undefined for any other type.
 */
function brokenSpecHead(statement: Extract<Statement, { kind: "const" }>, options: PrintOptions): string | undefined {
  const type = statement.type;
  if (type?.kind !== "intersection" || type.types.length !== 2) return undefined;
  const [reference, object] = type.types as [TypeNode, TypeNode];
  if (reference.kind !== "name" || object.kind !== "object" || object.members.length !== 1) return undefined;
  const args = reference.args;
  if (args && (args.length !== 1 || args[0]!.kind !== "name" || args[0]!.args)) return undefined;
  const member = object.members[0]!;
  if (member.kind !== "property" || member.docs !== undefined || member.type.kind !== "literal") return undefined;
  const members = interfaceText(object.members, options, 1);
  return `${constStart(statement)}: ${typeText(reference)} & ${members.slice(0, -1)}`;
}

/** `export declare const name`, as far as the statement has each. */
function constStart(statement: Extract<Statement, { kind: "const" }>): string {
  return `${statement.exported ? "export " : ""}${statement.declare ? "declare " : ""}const ${statement.name}`;
}

/** Statements in a block, with the blank lines they ask for. */
function statementsDoc(statements: Statement[], options: PrintOptions, depth: number): Doc {
  return statements.map((statement, i) => [
    i > 0 ? (statement.tight ? hardline : [hardline, hardline]) : "",
    statementDoc(statement, options, depth),
  ]);
}

function statementDoc(statement: Statement, options: PrintOptions, depth = 0): Doc {
  return withDocs(statement.docs, statementBody(statement, options, depth), depth, options);
}

function statementBody(statement: Statement, options: PrintOptions, depth: number): Doc {
  const exported = (doc: Doc, yes: boolean | undefined) => (yes ? ["export ", doc] : doc);
  switch (statement.kind) {
    case "lazy":
      throw new Error("lazy statements stand at a module's top level only");
    case "raw":
      return statement.text;
    case "import":
      return importDoc(statement);
    case "exportAll":
      return ["export * from ", printString(stringLiteral(statement.from)), ";"];
    case "exportNamed": {
      const names = statement.names;
      const specifiers: Doc =
        names.length > 1
          ? group(["{", indent([line, join([",", line], names)]), ifBreak(","), line, "}"])
          : ["{ ", names[0] ?? "", " }"];
      return [
        "export",
        statement.typeOnly ? " type" : "",
        " ",
        specifiers,
        " from ",
        printString(stringLiteral(statement.from)),
        ";",
      ];
    }
    case "interface":
      return exported(
        ["interface ", statement.name, " ", interfaceBody(statement.members, options, depth + 1)],
        statement.exported,
      );
    case "type": {
      // On one line when it fits (prettier breaks nothing then).
      const text = `type ${statement.name} = ${typeText(statement.type)};`;
      if (stringWidth(text) + (statement.exported ? 7 : 0) + depth * options.tabWidth <= options.printWidth)
        return exported(text, statement.exported);
      const left = ["type ", statement.name];
      return exported(
        [assignment(left, " =", statement.type, typeLayout(statement.type), options, true), ";"],
        statement.exported,
      );
    }
    case "const": {
      const init =
        statement.init?.kind === "value" ? valueExpr(statement.init.value, statement.init.expand) : statement.init;
      if (statement.pattern) {
        // `const { a, b } = require("x")`: prettier groups the pattern, which breaks before the call does.
        const names = statement.pattern;
        const pattern: Doc = ["{", indent([line, join([",", line], names)]), ifBreak(","), line, "}"];
        return exported(
          group(["const ", group([group(pattern), " =", " ", expressionDoc(init!, options)]), ";"]),
          statement.exported,
        );
      }
      const left: Doc = statement.type
        ? [statement.name, ": ", typeDoc(statement.type, "annotation", options)]
        : statement.name;
      // A generic annotation with several arguments, one generic itself, breaks first (prettier's hasComplexTypeAnnotation).
      const complex =
        statement.type?.kind === "name" &&
        (statement.type.args?.length ?? 0) > 1 &&
        statement.type.args!.some((a) => a.kind === "name" && (a.args?.length ?? 0) > 0);
      const declarator = init
        ? assignment(
            left,
            " =",
            init,
            complex ? "break-lhs" : expressionLayout(init, left, false, options),
            options,
            false,
          )
        : left;
      return exported(group([statement.declare ? "declare " : "", "const ", declarator, ";"]), statement.exported);
    }
    case "function": {
      const params = paramsDoc(statement.params, options);
      const returns: Doc = statement.returns ? [": ", typeDoc(statement.returns, "annotation", options)] : "";
      const grouped = shouldGroupParams(statement.params, statement.returns, returns);
      const head = [
        statement.declare ? "declare " : "",
        "function ",
        statement.name,
        group([grouped ? group(params) : params, returns]),
      ];
      return exported(
        statement.body ? [head, " ", blockDoc(statement.body, options, depth + 1)] : [head, ";"],
        statement.exported,
      );
    }
    case "exportDefault":
      return ["export default ", expressionDoc(statement.expression, options), ";"];
    case "try":
      return [
        "try ",
        blockDoc(statement.block, options, depth + 1),
        ` catch (${statement.param}) `,
        blockDoc(statement.handler, options, depth + 1),
      ];
    case "if": {
      // Prettier's layout of an if statement whose branches are not blocks: each branch on the
      // line of its `if` when it fits, else indented on the next; `else` on a line of its own.
      const clause = (branch: Statement): Doc =>
        branch.kind === "if"
          ? [" ", statementBody(branch, options, depth)]
          : indent([line, statementBody(branch, options, depth + 1)]);
      const opening = group([
        "if (",
        group([indent([softline, statement.test]), softline]),
        ")",
        group(clause(statement.then)),
      ]);
      return group(statement.otherwise ? [opening, hardline, "else", group(clause(statement.otherwise))] : opening);
    }
    case "return":
      return ["return ", expressionDoc(statement.expression, options), ";"];
    case "expression":
      return [expressionDoc(statement.expression, options), ";"];
  }
}

export function blockDoc(body: Statement[], options: PrintOptions, depth: number): Doc {
  return body.length ? ["{", indent([hardline, statementsDoc(body, options, depth)]), hardline, "}"] : "{}";
}

/**
 * An import as its documents lay it out (importDoc): on one line when it fits, else its braces
 * broken with a name to a line; a lone name without a default import never breaks.
 */
export function importText(statement: Extract<Statement, { kind: "import" }>, options: PrintOptions): string {
  const named = statement.names.map((n) => importSpecifier(n));
  const head = `import${statement.typeOnly ? " type" : ""} ${statement.defaultName ?? ""}${statement.defaultName && named.length ? ", " : ""}`;
  const tail = ` from ${printString(stringLiteral(statement.from))};`;
  if (!named.length) return `${head}${tail}`;
  const flat = `${head}{ ${named.join(", ")} }${tail}`;
  if (stringWidth(flat) <= options.printWidth || (named.length === 1 && statement.defaultName === undefined))
    return flat;
  const unit = indentUnit(options);
  return `${head}{\n${named.map((name) => `${unit}${name},`).join("\n")}\n}${tail}`;
}

/**
 * A type alias as its documents lay it out, where that is known: on one line when it fits, else
 * a type with nowhere to break (`XResponses[keyof XResponses]`, an operation's result) on the next
 * line, indented (the fluid layout breaks after the `=`); undefined for the others.
 */
export function typeAliasText(
  statement: Extract<Statement, { kind: "type" }>,
  options: PrintOptions,
): string | undefined {
  const start = `${statement.exported ? "export " : ""}type ${statement.name} =`;
  const type = typeText(statement.type);
  const flat = `${start} ${type};`;
  if (stringWidth(flat) <= options.printWidth) return flat;
  if (!unbreakable(statement.type)) return undefined;
  return `${start}\n${indentUnit(options)}${type};`;
}

function importDoc(statement: Extract<Statement, { kind: "import" }>): Doc {
  const source = printString(stringLiteral(statement.from));
  const named = statement.names.map((n) => importSpecifier(n));
  const parts: Doc[] = ["import", statement.typeOnly ? " type" : "", " "];
  if (statement.defaultName) parts.push(statement.defaultName);
  if (named.length) {
    if (statement.defaultName) parts.push(", ");
    const canBreak = named.length > 1 || statement.defaultName !== undefined;
    parts.push(
      canBreak
        ? group(["{", indent([line, join([",", line], named)]), ifBreak(","), line, "}"])
        : ["{ ", named[0]!, " }"],
    );
  }
  return [...parts, " from ", source, ";"];
}

// -- Values ------------------------------------------------------------------------------------

/**
 * A JSON value as an expression. `expand` writes the outermost object with a line break after
 * its `{` (prettier keeps such an object broken); the others break only when they do not fit.
 */
export function valueExpr(value: unknown, expand = false): Expr {
  if (value === null) return { kind: "keyword", text: "null" };
  if (typeof value === "string") return { kind: "string", value };
  if (typeof value === "number") return { kind: "number", raw: JSON.stringify(value) };
  if (typeof value === "boolean") return { kind: "keyword", text: value ? "true" : "false" };
  if (Array.isArray(value)) return { kind: "array", elements: value.map((v) => valueExpr(v)) };
  if (typeof value === "object") {
    return {
      kind: "object",
      expand,
      properties: Object.entries(value).map(([key, v]) => ({ kind: "property", key, value: valueExpr(v) })),
    };
  }
  throw new TypeError(`no JSON form for ${typeof value}`);
}
