// The documents of types as prettier prints them: type nodes (unions, intersections, type
// arguments), interfaces and type literals, and the parameter lists of signatures.
import {
  group,
  hardline,
  ifBreak,
  indent,
  indentUnit,
  join,
  line,
  printDoc,
  softline,
  stringWidth,
  willBreak,
} from "./doc.js";
import type { Doc, PrintOptions } from "./doc.js";
import { expressionDoc } from "./expressions.js";
import { memberText, typeText } from "./flat.js";
import { commentText, withDocs } from "./jsdoc.js";
import { keyText, printNumber, printString } from "./literals.js";
import type { Param, TypeMember, TypeNode } from "./typescript.js";
import { stringLiteral } from "../literals.js";

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

// -- Interfaces and type literals --------------------------------------------------------------

export function interfaceBody(members: TypeMember[], options: PrintOptions, depth: number): Doc {
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

/**
 * The same body as text, where its depth is known (a statement's): it always breaks, and each
 * member stands between hard lines, so that nothing around a member changes its layout. A member
 * that fits is its flat text; one that does not is printed from its document alone, at its depth.
 */
export function interfaceText(members: TypeMember[], options: PrintOptions, depth: number): string {
  if (!members.length) return "{}";
  const unit = indentUnit(options);
  const indentation = unit.repeat(depth);
  const room = options.printWidth - depth * options.tabWidth;
  let out = "{";
  for (const m of members) {
    out += `\n${indentation}`;
    if (m.docs !== undefined) out += `${commentText(m.docs, depth, options)}\n${indentation}`;
    const text = `${memberText(m)};`;
    if (stringWidth(text) <= room) out += text;
    else if (
      m.kind === "method" &&
      m.params.length > 0 &&
      m.params.every((p) => !p.initializer && p.type && unbreakable(p.type)) &&
      unbreakable(m.returns)
    )
      // A namespace's method: nothing in it breaks but its parameters, one to a line.
      out += `${memberKey(m)}(${m.params.map((p) => `\n${indentation}${unit}${p.name}${p.optional ? "?" : ""}: ${typeText(p.type!)},`).join("")}\n${indentation}): ${typeText(m.returns)};`;
    else {
      let doc: Doc = [hardline, memberDoc(m, options), ";"];
      for (let i = 0; i < depth; i++) doc = indent(doc);
      // The hard line printed a line break and the indentation.
      out += printDoc(doc, options).slice(1 + indentation.length);
    }
  }
  return `${out}\n${unit.repeat(depth - 1)}}`;
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
      return group([
        memberKey(member),
        shouldGroupParams(member.params, member.returns, returns) ? group(params) : params,
        group(returns),
      ]);
    }
  }
}

function memberKey(member: Extract<TypeMember, { kind: "method" }>): string {
  return member.quoted ? printString(stringLiteral(member.key)) : keyText(member.key, "type");
}

/**
 * A type whose document holds no line (typeDoc): a name, without type arguments or with one that
 * is a name without them (hugged), and indexed access and operators of such types. Printed
 * straight, it is its flat text (typeText) wherever it stands.
 */
export function unbreakable(type: TypeNode): boolean {
  switch (type.kind) {
    case "name":
      return !type.args || (type.args.length === 1 && type.args[0]!.kind === "name" && !type.args[0]!.args);
    case "indexed":
      return unbreakable(type.object) && unbreakable(type.index);
    case "operator":
      return unbreakable(type.type);
    default:
      return false;
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
export type TypeContext = "annotation" | "alias" | "argument" | "member";

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
export function shouldHugUnion(type: Extract<TypeNode, { kind: "union" }>): boolean {
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

export function paramsDoc(params: Param[], options: PrintOptions): Doc {
  if (!params.length) return "()";
  const printed = params.map((p) => paramDoc(p, options));
  // One parameter typed as an object literal hugs the parentheses.
  if (params.length === 1 && params[0]!.type && isObjectType(params[0]!.type) && !params[0]!.initializer)
    return ["(", printed[0]!, ")"];
  return ["(", indent([softline, join([",", line], printed)]), ifBreak(","), softline, ")"];
}

/** With one parameter and an object return type (or one that breaks), the return type breaks first. */
export function shouldGroupParams(params: Param[], returns: TypeNode | undefined, returnsDoc: Doc): boolean {
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
