// The TypeScript an emitted package holds, as a small syntax tree printed with the documents
// prettier's estree printer makes for the same nodes (src/language-js/print/* in prettier 3:
// assignment layouts, objects, arrays, call arguments, member chains, unions, interfaces, type
// arguments, JSDoc comments). Only the constructs the emitter writes are here, and only the paths
// of prettier's printer that they take: the output is what prettier prints, so the files need no
// formatting pass (test/emit/printer.test.ts compares the two on random trees).
import {
  breakParent,
  conditionalGroup,
  fill,
  group,
  hardline,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  lineSuffixBoundary,
  printDoc,
  softline,
  stringWidth,
  type Doc,
  type PrintOptions,
} from "./doc.js";
import { memberText, typeText } from "./flat.js";
import { keyText, printNumber, printString } from "./literals.js";
import { stringLiteral } from "../literals.js";

// ---------------------------------------------------------------------------------------------
// Types

const KEYWORDS = new Set([
  "string",
  "number",
  "boolean",
  "bigint",
  "symbol",
  "object",
  "unknown",
  "any",
  "never",
  "void",
  "undefined",
  "null",
]);

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
  | { kind: "keyword"; text: "true" | "false" | "null" | "undefined" };

export type ObjectMember =
  | { kind: "property"; key: string; value: Expr }
  | { kind: "method"; key: string; params: Param[]; returns?: TypeNode; body: Statement[] };

export type Statement = (
  | {
      kind: "import";
      from: string;
      names: Array<{ name: string; typeOnly?: boolean }>;
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
 */
export function printModule(statements: Iterable<Statement>, options: PrintOptions): string {
  let out = "";
  let first = true;
  for (const statement of topLevel(statements)) {
    if (!first) out += statement.tight ? "\n" : "\n\n";
    first = false;
    const text = printDoc(statementDoc(statement, options), options);
    // The hard line after a statement would trim the white space its last line ends with.
    out += / $|\t$/.test(text) ? text.replace(/[ \t]+$/, "") : text;
  }
  return first ? "" : `${out}\n`;
}

/** A module's statements with the lazy ones made, each when it is reached. */
export function* topLevel(statements: Iterable<Statement>): Generator<Statement> {
  for (const statement of statements) {
    if (statement.kind === "lazy") yield* topLevel(statement.statements());
    else yield statement;
  }
}

/** Statements in a block, with the blank lines they ask for. */
function statementsDoc(statements: Statement[], options: PrintOptions, depth: number): Doc {
  return statements.map((statement, i) => [
    i > 0 ? (statement.tight ? hardline : [hardline, hardline]) : "",
    statementDoc(statement, options, depth),
  ]);
}

/**
 * A JSDoc comment as prettier reprints it: one line stays as written; more lines each start with
 * ` * `, trailing white space dropped. It is one string, its lines indented for `depth` (comments
 * stand before statements and interface members only, where a hard line follows them): a document
 * of one part per line would be most of what the printer walks.
 */
export function commentDoc(text: string, depth: number, options: PrintOptions): Doc {
  if (!text.includes("\n")) return `/** ${text} */`;
  // Where the depth is not known (a block in an expression), one part per line.
  if (Number.isNaN(depth))
    return join(hardline, ["/**", ...text.split("\n").map((line) => ` * ${line}`.trimEnd()), " */"]);
  const indent = `\n${(options.useTabs ? "\t" : " ".repeat(options.tabWidth)).repeat(depth)}`;
  let out = "/**";
  for (const line of text.split("\n")) out += indent + ` * ${line}`.trimEnd();
  return `${out}${indent} */`;
}

function withDocs(docs: string | undefined, doc: Doc, depth: number, options: PrintOptions): Doc {
  return docs === undefined ? doc : [commentDoc(docs, depth, options), hardline, doc];
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
      if (statement.pattern) {
        // `const { a, b } = require("x")`: prettier groups the pattern, which breaks before the call does.
        const names = statement.pattern;
        const pattern: Doc = ["{", indent([line, join([",", line], names)]), ifBreak(","), line, "}"];
        return exported(
          group(["const ", group([group(pattern), " =", " ", expressionDoc(statement.init!, options)]), ";"]),
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
      const declarator = statement.init
        ? assignment(
            left,
            " =",
            statement.init,
            complex ? "break-lhs" : expressionLayout(statement.init, left, false, options),
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
    case "return":
      return ["return ", expressionDoc(statement.expression, options), ";"];
    case "expression":
      return [expressionDoc(statement.expression, options), ";"];
  }
}

function blockDoc(body: Statement[], options: PrintOptions, depth: number): Doc {
  return body.length ? ["{", indent([hardline, statementsDoc(body, options, depth)]), hardline, "}"] : "{}";
}

function importDoc(statement: Extract<Statement, { kind: "import" }>): Doc {
  const source = printString(stringLiteral(statement.from));
  const named = statement.names.map((n) => (n.typeOnly ? `type ${n.name}` : n.name));
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

// -- Interfaces and type literals --------------------------------------------------------------

function interfaceBody(members: TypeMember[], options: PrintOptions, depth: number): Doc {
  if (!members.length) return "{}";
  // A member that fits on its line is printed flat by prettier (nothing in it must break): then
  // its text is written as it is, which spares the printer most of an interface.
  const room = options.printWidth - depth * options.tabWidth;
  const member = (m: TypeMember): Doc => {
    const text = `${memberText(m)};`;
    return stringWidth(text) <= room ? text : [memberDoc(m, options), ";"];
  };
  return [
    "{",
    indent([
      hardline,
      join(
        hardline,
        members.map((m) => withDocs(m.docs, member(m), depth, options)),
      ),
    ]),
    hardline,
    "}",
  ];
}

function memberDoc(member: TypeMember, options: PrintOptions): Doc {
  switch (member.kind) {
    case "property":
      return [
        member.readonly ? "readonly " : "",
        member.numeric ? printNumber(member.key) : keyText(member.key, "type"),
        member.optional ? "?" : "",
        ": ",
        typeDoc(member.type, "annotation", options),
      ];
    case "index":
      return [
        "[",
        group([indent([softline, [member.parameter, ": ", typeDoc(member.keyType, "annotation", options)]]), softline]),
        "]",
        ": ",
        typeDoc(member.type, "annotation", options),
      ];
    case "method": {
      const params = paramsDoc(member.params, options);
      const returns: Doc = [": ", typeDoc(member.returns, "annotation", options)];
      const key = member.quoted ? printString(stringLiteral(member.key)) : keyText(member.key, "type");
      return group([
        key,
        shouldGroupParams(member.params, member.returns, returns) ? group(params) : params,
        group(returns),
      ]);
    }
  }
}

function typeLiteral(members: TypeMember[], options: PrintOptions): Doc {
  if (!members.length) return "{}";
  const parts: Doc[] = [];
  members.forEach((member, i) => {
    const last = i === members.length - 1;
    parts.push([memberDoc(member, options), last ? ifBreak(";") : ";"]);
    if (!last) parts.push(line);
  });
  return group(["{", indent([line, ...parts]), line, "}"]);
}

/** Where a type stands: it decides how a union is indented (prettier's shouldIndentUnionType). */
type TypeContext = "annotation" | "alias" | "argument" | "member";

function isObjectType(type: TypeNode): boolean {
  return type.kind === "object";
}

function isKeyword(type: TypeNode): boolean {
  return type.kind === "name" && !type.args && KEYWORDS.has(type.name);
}

/** A keyword, a name without arguments, or a literal type. */
function isSimpleType(type: TypeNode): boolean {
  return (type.kind === "name" && !type.args) || type.kind === "literal";
}

/** `{ … } | null`: one object-like type beside `null` or `void` is printed inline. */
function shouldHugUnion(type: Extract<TypeNode, { kind: "union" }>): boolean {
  const objectLike = type.types.find((t) => t.kind === "object" || (t.kind === "name" && !isKeyword(t)));
  if (!objectLike) return false;
  return type.types.every(
    (t) => t === objectLike || (t.kind === "name" && !t.args && (t.name === "null" || t.name === "void")),
  );
}

function shouldHugType(type: TypeNode): boolean {
  if (isSimpleType(type) || isObjectType(type)) return true;
  return type.kind === "union" && shouldHugUnion(type);
}

export function typeDoc(type: TypeNode, context: TypeContext, options: PrintOptions): Doc {
  switch (type.kind) {
    case "name":
      if (!type.args) return type.name;
      return [type.name, typeArguments(type.args, options)];
    case "literal":
      return literalType(type.raw);
    case "union": {
      if (shouldHugUnion(type))
        return join(
          " | ",
          type.types.map((t) => typeDoc(t, "member", options)),
        );
      const printed = group(
        type.types.map((t, i) => [i === 0 ? ifBreak("| ") : [line, "| "], alignTwo(typeDoc(t, "member", options))]),
      );
      if (context === "alias" || context === "argument") return printed;
      if (context === "member")
        throw new Error(
          "a union directly inside a union or an array needs parentheses, which this printer does not write",
        );
      return group(indent([softline, printed]));
    }
    case "intersection": {
      let wasIndented = false;
      return group(
        type.types.map((t, index) => {
          const doc = typeDoc(t, "member", options);
          if (index === 0) return doc;
          const previous = type.types[index - 1]!;
          if (isObjectType(previous) && isObjectType(t)) return [" & ", wasIndented ? indent(doc) : doc];
          if (!isObjectType(previous) && !isObjectType(t)) return indent([" &", line, doc]);
          if (index > 1) wasIndented = true;
          return [" & ", index > 1 ? indent(doc) : doc];
        }),
      );
    }
    case "array":
      if (type.element.kind === "union" || type.element.kind === "intersection")
        throw new Error("an array of a union is written Array<…> by the emitter");
      return [typeDoc(type.element, "member", options), "[]"];
    case "object":
      return typeLiteral(type.members, options);
    case "indexed":
      return [typeDoc(type.object, "member", options), "[", typeDoc(type.index, "member", options), "]"];
    case "operator":
      return [type.operator, " ", typeDoc(type.type, "member", options)];
  }
}

/** Prettier aligns union members by two columns: `align(2, …)`. */
function alignTwo(doc: Doc): Doc {
  return { type: "align", n: 2, contents: doc };
}

function literalType(raw: string): Doc {
  if (raw.startsWith('"')) return printString(raw);
  if (raw === "true" || raw === "false") return raw;
  return raw.startsWith("-") ? ["-", printNumber(raw.slice(1))] : printNumber(raw);
}

function typeArguments(args: TypeNode[], options: PrintOptions): Doc {
  if (args.length === 0 || (args.length === 1 && shouldHugType(args[0]!)))
    return [
      "<",
      join(
        ", ",
        args.map((a) => typeDoc(a, "argument", options)),
      ),
      ">",
    ];
  return group([
    "<",
    indent([
      softline,
      join(
        [",", line],
        args.map((a) => typeDoc(a, "argument", options)),
      ),
    ]),
    softline,
    ">",
  ]);
}

// -- Functions ---------------------------------------------------------------------------------

function paramDoc(param: Param, options: PrintOptions): Doc {
  const name: Doc = [
    param.name,
    param.optional ? "?" : "",
    param.type ? [": ", typeDoc(param.type, "annotation", options)] : "",
  ];
  return param.initializer ? [name, " = ", expressionDoc(param.initializer, options)] : name;
}

function paramsDoc(params: Param[], options: PrintOptions): Doc {
  if (!params.length) return "()";
  const printed = params.map((p) => paramDoc(p, options));
  // One parameter typed as an object literal hugs the parentheses.
  if (params.length === 1 && params[0]!.type && isObjectType(params[0]!.type) && !params[0]!.initializer)
    return ["(", printed[0]!, ")"];
  return ["(", indent([softline, join([",", line], printed)]), ifBreak(","), softline, ")"];
}

/** With one parameter and an object return type (or one that breaks), the return type breaks first. */
function shouldGroupParams(params: Param[], returns: TypeNode | undefined, returnsDoc: Doc): boolean {
  if (!returns || params.length !== 1) return false;
  // Whether the return type breaks is what prettier asks, reading the printed text: a type literal
  // printed broken is one it must keep broken. This printer decides that only as it prints, so it
  // takes no such signature (the emitter writes none: its one-parameter functions return names).
  if (!isObjectType(returns) && containsObjectType(returns))
    throw new Error("a one-parameter signature returning a type that holds a type literal is not printed here");
  return isObjectType(returns) || willBreak(returnsDoc);
}

function containsObjectType(type: TypeNode): boolean {
  switch (type.kind) {
    case "object":
      return true;
    case "name":
      return (type.args ?? []).some(containsObjectType);
    case "union":
    case "intersection":
      return type.types.some(containsObjectType);
    case "array":
      return containsObjectType(type.element);
    case "indexed":
      return containsObjectType(type.object) || containsObjectType(type.index);
    case "operator":
      return containsObjectType(type.type);
    case "literal":
      return false;
  }
}

// -- Assignments (variable declarators, type aliases, object properties) ------------------------

type Layout = "break-after-operator" | "never-break-after-operator" | "fluid" | "break-lhs";

function typeLayout(type: TypeNode): Layout {
  if (type.kind === "union" && !shouldHugUnion(type)) return "break-after-operator";
  return "fluid";
}

/**
 * prettier's chooseLayout for `left = right` and `key: value`, for the expressions the emitter
 * writes. `property` is true for object properties.
 */
function expressionLayout(right: Expr, left: Doc, property: boolean, options: PrintOptions): Layout {
  if (right.kind === "call" && !right.new && right.callee.kind === "id" && right.callee.name === "require")
    return "never-break-after-operator";
  const hasShortKey = property && typeof left === "string" && stringWidth(left) < options.tabWidth + 3;
  const unwrapped = right.kind === "await" ? right.argument : right;
  if (!hasShortKey && (unwrapped.kind === "string" || isPoorlyBreakableChain(unwrapped, options)))
    return "break-after-operator";
  const canBreakLeft = canBreak(left);
  const booleanOrNumber =
    (right.kind === "keyword" && (right.text === "true" || right.text === "false")) ||
    (right.kind === "number" && !right.raw.startsWith("-"));
  if (!canBreakLeft && (hasShortKey || booleanOrNumber)) {
    return "never-break-after-operator";
  }
  return "fluid";
}

/** A chain of member accesses, or calls without arguments or with one short one. */
function isPoorlyBreakableChain(expr: Expr, options: PrintOptions, deep = false): boolean {
  if (expr.kind === "call" && !expr.new) {
    if (isMemberChainLabelled(expr)) return false;
    const short = expr.args.length === 0 || (expr.args.length === 1 && isLoneShortArgument(expr.args[0]!, options));
    return short && isPoorlyBreakableChain(expr.callee, options, true);
  }
  if (expr.kind === "member") return isPoorlyBreakableChain(expr.object, options, true);
  return deep && expr.kind === "id";
}

function isLoneShortArgument(expr: Expr, options: PrintOptions): boolean {
  const threshold = options.printWidth * 0.25;
  if (expr.kind === "id") return expr.name.length <= threshold;
  if (expr.kind === "number") return true;
  if (expr.kind === "string") return printString(stringLiteral(expr.value)).length <= threshold;
  if (expr.kind === "call")
    return expr.args.length === 0 && expr.callee.kind === "id" && expr.callee.name.length <= threshold - 2;
  return expr.kind === "keyword" && expr.text !== "undefined";
}

function assignment(
  left: Doc,
  operator: string,
  right: Expr | TypeNode,
  layout: Layout,
  options: PrintOptions,
  isType: boolean,
): Doc {
  const rightDoc = isType
    ? typeDoc(right as TypeNode, layout === "break-after-operator" ? "alias" : "annotation", options)
    : expressionDoc(right as Expr, options);
  switch (layout) {
    case "break-after-operator":
      return group([group(left), operator, group(indent([line, rightDoc]))]);
    case "never-break-after-operator":
      return group([group(left), operator, " ", rightDoc]);
    case "break-lhs":
      return group([left, operator, " ", group(rightDoc)]);
    case "fluid": {
      const id = Symbol("assignment");
      return group([
        group(left),
        operator,
        group(indent(line), { id }),
        lineSuffixBoundary,
        indentIfBreak(rightDoc, { groupId: id }),
      ]);
    }
  }
}

// -- Expressions -------------------------------------------------------------------------------

export function expressionDoc(expr: Expr, options: PrintOptions): Doc {
  switch (expr.kind) {
    case "id":
      return expr.name;
    case "string":
      return printString(stringLiteral(expr.value));
    case "number":
      return expr.raw.startsWith("-") ? ["-", printNumber(expr.raw.slice(1))] : printNumber(expr.raw);
    case "keyword":
      return expr.text;
    case "member":
      return [expressionDoc(expr.object, options), ".", expr.property];
    case "as":
      return [expressionDoc(expr.expression, options), " as ", typeDoc(expr.type, "annotation", options)];
    case "call":
      return callDoc(expr, options);
    case "await":
      return ["await ", expressionDoc(expr.argument, options)];
    case "pattern":
      return ["{ ", expr.names.join(", "), " }"];
    case "pure":
      throw new Error("a pure annotation is written in JavaScript only");
    case "array":
      return arrayDoc(expr, options);
    case "object":
      return objectDoc(expr, options);
  }
}

function isMemberChainLabelled(expr: Extract<Expr, { kind: "call" }>): boolean {
  // A chain of more than two call groups is labelled a member chain by prettier; the emitter
  // writes at most one call on a chain of member accesses.
  void expr;
  return false;
}

function callDoc(expr: Extract<Expr, { kind: "call" }>, options: PrintOptions): Doc {
  // `require("x")` stays on one line.
  if (!expr.new && expr.callee.kind === "id" && expr.callee.name === "require")
    return [
      "require(",
      join(
        ", ",
        expr.args.map((a) => expressionDoc(a, options)),
      ),
      ")",
    ];
  const args = callArguments(expr.args, options);
  if (expr.new) return ["new ", expressionDoc(expr.callee, options), args];
  if (expr.callee.kind === "member") {
    // printMemberChain: a chain with one call is two groups at most, printed on one line.
    if (expr.callee.object.kind === "call") throw new Error("chained calls are not written by the emitter");
    return group([expressionDoc(expr.callee, options), args]);
  }
  if (expr.callee.kind === "call") return group([expressionDoc(expr.callee, options), args]);
  return [expressionDoc(expr.callee, options), args];
}

/** Whether prettier may hug the last argument: an object or array literal. */
function couldExpand(expr: Expr): boolean {
  return (expr.kind === "object" && expr.properties.length > 0) || (expr.kind === "array" && expr.elements.length > 0);
}

function callArguments(args: Expr[], options: PrintOptions): Doc {
  if (!args.length) return group(["(", ")"]);
  const docs = args.map((arg) => expressionDoc(arg, options));
  const printed = docs.map((doc, i) => (i === docs.length - 1 ? doc : [doc, ",", line]));
  const allArgsBrokenOut = () =>
    group(["(", indent([line, ...printed]), ifBreak(","), line, ")"], { shouldBreak: true });
  const last = args[args.length - 1]!;
  const penultimate = args[args.length - 2];
  const expandLast =
    couldExpand(last) &&
    (!penultimate || penultimate.kind !== last.kind) &&
    !(args.length > 1 && last.kind === "array" && isConcise(last));
  if (expandLast) {
    const head = printed.slice(0, -1);
    if (head.some(willBreak)) return allArgsBrokenOut();
    const lastDoc = docs[docs.length - 1]!;
    if (willBreak(lastDoc))
      return [
        breakParent,
        conditionalGroup([["(", ...head, group(lastDoc, { shouldBreak: true }), ")"], allArgsBrokenOut()]),
      ];
    return conditionalGroup([
      ["(", ...head, lastDoc, ")"],
      ["(", ...head, group(lastDoc, { shouldBreak: true }), ")"],
      allArgsBrokenOut(),
    ]);
  }
  return group(["(", indent([softline, ...printed]), ifBreak(","), softline, ")"], {
    shouldBreak: printed.some(willBreak),
  });
}

function isConcise(expr: Extract<Expr, { kind: "array" }>): boolean {
  return expr.elements.length > 0 && expr.elements.every((e) => e.kind === "number");
}

function arrayDoc(expr: Extract<Expr, { kind: "array" }>, options: PrintOptions): Doc {
  const { elements } = expr;
  if (!elements.length) return group(["[", "]"]);
  const shouldBreak =
    elements.length > 1 &&
    elements.every((element, i) => {
      if (element.kind !== "array" && element.kind !== "object") return false;
      const next = elements[i + 1];
      if (next && next.kind !== element.kind) return false;
      return (element.kind === "array" ? element.elements.length : element.properties.length) > 1;
    });
  const id = Symbol("array");
  const element = (e: (typeof elements)[number]) =>
    e.kind === "spread" ? ["...", expressionDoc(e.argument, options)] : expressionDoc(e, options);
  if (isConcise(expr)) {
    const trailing = ifBreak(",", "", { groupId: id });
    const parts: Doc[] = [];
    elements.forEach((e, i) => {
      const last = i === elements.length - 1;
      parts.push([element(e), last ? trailing : ","]);
      if (!last) parts.push(line);
    });
    return group(["[", indent([softline, fill(parts)]), softline, "]"], { shouldBreak, id });
  }
  const parts: Doc[] = [];
  elements.forEach((e, i) => {
    parts.push(group(element(e)));
    if (i < elements.length - 1) parts.push([",", line, ""]);
  });
  return group(["[", indent([softline, parts, ifBreak(",")]), softline, "]"], { shouldBreak, id });
}

function objectDoc(expr: Extract<Expr, { kind: "object" }>, options: PrintOptions): Doc {
  if (!expr.properties.length) return group(["{", "}"]);
  const parts: Doc[] = [];
  expr.properties.forEach((property, i) => {
    parts.push(i > 0 ? [",", line, propertyDoc(property, options)] : propertyDoc(property, options));
  });
  return group(["{", indent([line, ...parts]), ifBreak(","), line, "}"], { shouldBreak: expr.expand === true });
}

function propertyDoc(property: ObjectMember, options: PrintOptions): Doc {
  const key = keyText(property.key, "object");
  if (property.kind === "method") {
    const params = paramsDoc(property.params, options);
    const returns: Doc = property.returns ? [": ", typeDoc(property.returns, "annotation", options)] : "";
    return [
      key,
      group([shouldGroupParams(property.params, property.returns, returns) ? group(params) : params, returns]),
      " ",
      blockDoc(property.body, options, Number.NaN),
    ];
  }
  return assignment(key, ":", property.value, expressionLayout(property.value, key, true, options), options, false);
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

// -- Document utilities ------------------------------------------------------------------------

type DocObject = Exclude<Doc, string | Doc[]>;

/** prettier's willBreak: the document holds a group that must break, or a hard line. */
export function willBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.some(willBreak);
  const d = doc as DocObject & {
    contents?: Doc;
    parts?: Doc[];
    breakContents?: Doc;
    flatContents?: Doc;
    hard?: boolean;
    break?: boolean;
  };
  switch (d.type) {
    case "group":
      return d.break === true || willBreak(d.contents!);
    case "line":
      return d.hard === true;
    case "break-parent":
      return true;
    case "fill":
      return d.parts!.some(willBreak);
    case "if-break":
      return willBreak(d.breakContents ?? "") || willBreak(d.flatContents ?? "");
    default:
      return d.contents !== undefined ? willBreak(d.contents) : false;
  }
}

/** prettier's canBreak: the document holds a line of any kind. */
function canBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.some(canBreak);
  const d = doc as DocObject & {
    contents?: Doc;
    parts?: Doc[];
    breakContents?: Doc;
    flatContents?: Doc;
    expandedStates?: Doc[];
  };
  switch (d.type) {
    case "line":
      return true;
    case "fill":
      return d.parts!.some(canBreak);
    case "if-break":
      return canBreak(d.breakContents ?? "") || canBreak(d.flatContents ?? "");
    default:
      return d.contents !== undefined ? canBreak(d.contents) : false;
  }
}
