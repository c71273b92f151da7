// The same syntax trees as typescript.ts, printed straight to text for dist/ (declarations and
// JavaScript, which are read, not formatted): nothing is measured, groups stay on one line, and a
// line breaks only where the tree says so (interface members, blocks, objects marked `expand`).
// Several times quicker than laying out documents, for the two thirds of the text that is dist/.
import { keyText, printNumber, printString } from "./literals.js";
import {
  importSpecifier,
  topLevel,
  type Expr,
  type ObjectMember,
  type Param,
  type Statement,
  type TypeMember,
  type TypeNode,
} from "./typescript.js";
import { stringLiteral } from "../literals.js";

const INDENT = "  ";

/** The module's text, joined as printModule's is (one string, not a rope). */
export function printFlatModule(statements: Iterable<Statement>): string {
  const parts: string[] = [];
  for (const statement of topLevel(statements)) {
    if (parts.length) parts.push(statement.tight ? "\n" : "\n\n");
    parts.push(statementText(statement, ""));
  }
  parts.push("\n");
  const text = parts.join("");
  // Nothing printed: no text, not a lone line break.
  return text === "\n" ? "" : text;
}

function comment(text: string, indent: string): string {
  if (!text.includes("\n")) return `/** ${text} */`;
  let out = "/**";
  for (const line of text.split("\n")) out += `\n${indent}${` * ${line}`.trimEnd()}`;
  return `${out}\n${indent} */`;
}

function statementText(statement: Statement, indent: string): string {
  const body = statementBody(statement, indent);
  return statement.docs === undefined ? body : `${comment(statement.docs, indent)}\n${indent}${body}`;
}

function statementBody(statement: Statement, indent: string): string {
  const exported = (text: string, yes: boolean | undefined) => (yes ? `export ${text}` : text);
  switch (statement.kind) {
    case "lazy":
      throw new Error("lazy statements stand at a module's top level only");
    case "raw":
      return statement.text;
    case "import": {
      const named = statement.names.map((n) => importSpecifier(n));
      const parts = [statement.defaultName, named.length ? `{ ${named.join(", ")} }` : undefined]
        .filter(Boolean)
        .join(", ");
      return `import${statement.typeOnly ? " type" : ""} ${parts} from ${stringLiteral(statement.from)};`;
    }
    case "exportAll":
      return `export * from ${stringLiteral(statement.from)};`;
    case "exportNamed":
      return `export${statement.typeOnly ? " type" : ""} { ${statement.names.join(", ")} } from ${stringLiteral(statement.from)};`;
    case "interface":
      return exported(`interface ${statement.name} ${interfaceBody(statement.members, indent)}`, statement.exported);
    case "type":
      return exported(`type ${statement.name} = ${typeText(statement.type)};`, statement.exported);
    case "const": {
      if (statement.pattern)
        return exported(
          `const { ${statement.pattern.join(", ")} } = ${exprText(statement.init!, indent)};`,
          statement.exported,
        );
      const type = statement.type ? `: ${typeText(statement.type)}` : "";
      const init = statement.init ? ` = ${exprText(statement.init, indent)}` : "";
      return exported(
        `${statement.declare ? "declare " : ""}const ${statement.name}${type}${init};`,
        statement.exported,
      );
    }
    case "function": {
      const returns = statement.returns ? `: ${typeText(statement.returns)}` : "";
      const head = `${statement.declare ? "declare " : ""}function ${statement.name}(${params(statement.params, indent)})${returns}`;
      return exported(statement.body ? `${head} ${block(statement.body, indent)}` : `${head};`, statement.exported);
    }
    case "exportDefault":
      return `export default ${exprText(statement.expression, indent)};`;
    case "try":
      return `try ${block(statement.block, indent)} catch (${statement.param}) ${block(statement.handler, indent)}`;
    case "if": {
      const then = statementBody(statement.then, indent);
      if (!statement.otherwise) return `if (${statement.test}) ${then}`;
      return `if (${statement.test}) ${then}\n${indent}else ${statementBody(statement.otherwise, indent)}`;
    }
    case "return":
      return `return ${exprText(statement.expression, indent)};`;
    case "expression":
      return `${exprText(statement.expression, indent)};`;
  }
}

function block(body: Statement[], indent: string): string {
  if (!body.length) return "{}";
  const inner = indent + INDENT;
  return `{\n${body.map((s) => inner + statementText(s, inner)).join("\n")}\n${indent}}`;
}

function interfaceBody(members: TypeMember[], indent: string): string {
  if (!members.length) return "{}";
  const inner = indent + INDENT;
  return `{\n${members.map((m) => `${m.docs !== undefined ? `${inner}${comment(m.docs, inner)}\n` : ""}${inner}${memberText(m)};`).join("\n")}\n${indent}}`;
}

export function memberText(member: TypeMember): string {
  switch (member.kind) {
    case "property":
      return `${member.readonly ? "readonly " : ""}${member.numeric ? printNumber(member.key) : keyText(member.key, "type")}${member.optional ? "?" : ""}: ${typeText(member.type)}`;
    case "index":
      return `[${member.parameter}: ${typeText(member.keyType)}]: ${typeText(member.type)}`;
    case "method":
      return `${member.quoted ? printString(stringLiteral(member.key)) : keyText(member.key, "type")}(${params(member.params, "")}): ${typeText(member.returns)}`;
  }
}

export function typeText(type: TypeNode): string {
  switch (type.kind) {
    case "name":
      return type.args ? `${type.name}<${type.args.map(typeText).join(", ")}>` : type.name;
    case "literal":
      return type.raw.startsWith('"')
        ? printString(type.raw)
        : type.raw === "true" || type.raw === "false"
          ? type.raw
          : type.raw.startsWith("-")
            ? `-${printNumber(type.raw.slice(1))}`
            : printNumber(type.raw);
    case "union":
      return type.types.map(typeText).join(" | ");
    case "intersection":
      return type.types.map(typeText).join(" & ");
    case "array":
      return `${typeText(type.element)}[]`;
    case "object":
      return type.members.length ? `{ ${type.members.map(memberText).join("; ")} }` : "{}";
    case "indexed":
      return `${typeText(type.object)}[${typeText(type.index)}]`;
    case "operator":
      return `${type.operator} ${typeText(type.type)}`;
  }
}

function params(list: Param[], indent: string): string {
  return list
    .map(
      (p) =>
        `${p.name}${p.optional ? "?" : ""}${p.type ? `: ${typeText(p.type)}` : ""}${p.initializer ? ` = ${exprText(p.initializer, indent)}` : ""}`,
    )
    .join(", ");
}

function exprText(expr: Expr, indent: string): string {
  switch (expr.kind) {
    case "id":
      return expr.name;
    case "string":
      return stringLiteral(expr.value);
    case "number":
      return expr.raw;
    case "keyword":
      return expr.text;
    case "member":
      return `${exprText(expr.object, indent)}.${expr.property}`;
    case "as":
      return `${exprText(expr.expression, indent)} as ${typeText(expr.type)}`;
    case "await":
      return `await ${exprText(expr.argument, indent)}`;
    case "pattern":
      return `{ ${expr.names.join(", ")} }`;
    case "pure":
      return `/* @__PURE__ */ (() => ${exprText(expr.value, indent)})()`;
    case "call":
      return `${expr.new ? "new " : ""}${exprText(expr.callee, indent)}(${expr.args.map((a) => exprText(a, indent)).join(", ")})`;
    case "array":
      return `[${expr.elements.map((e) => (e.kind === "spread" ? `...${exprText(e.argument, indent)}` : exprText(e, indent))).join(", ")}]`;
    case "value":
      return valueText(expr.value, expr.expand === true, indent);
    case "object": {
      if (!expr.properties.length) return "{}";
      if (!expr.expand) return `{ ${expr.properties.map((p) => propertyText(p, indent)).join(", ")} }`;
      const inner = indent + INDENT;
      return `{\n${expr.properties.map((p) => `${inner}${propertyText(p, inner)},`).join("\n")}\n${indent}}`;
    }
  }
}

/** What exprText prints for valueExpr(value, expand), without the tree. */
function valueText(value: unknown, expand: boolean, indent: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return stringLiteral(value);
    case "number":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "object": {
      if (Array.isArray(value)) return `[${value.map((v) => valueText(v, false, indent)).join(", ")}]`;
      const entries = Object.entries(value);
      if (!entries.length) return "{}";
      if (!expand)
        return `{ ${entries.map(([k, v]) => `${keyText(k, "object")}: ${valueText(v, false, indent)}`).join(", ")} }`;
      const inner = indent + INDENT;
      return `{\n${entries.map(([k, v]) => `${inner}${keyText(k, "object")}: ${valueText(v, false, inner)},`).join("\n")}\n${indent}}`;
    }
  }
  throw new TypeError(`no JSON form for ${typeof value}`);
}

function propertyText(property: ObjectMember, indent: string): string {
  const key = keyText(property.key, "object");
  if (property.kind === "method")
    return `${key}(${params(property.params, indent)})${property.returns ? `: ${typeText(property.returns)}` : ""} ${block(property.body, indent)}`;
  return `${key}: ${exprText(property.value, indent)}`;
}
