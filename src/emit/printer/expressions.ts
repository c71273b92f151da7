// The documents of expressions as prettier prints them (calls and their arguments, arrays,
// objects), and prettier's layouts of `left = right` and `key: value` for declarations, type
// aliases and object properties.
import {
  breakParent,
  canBreak,
  conditionalGroup,
  fill,
  group,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  lineSuffixBoundary,
  softline,
  stringWidth,
  willBreak,
} from "./doc.js";
import type { Doc, PrintOptions } from "./doc.js";
import { keyText, printNumber, printString } from "./literals.js";
import { paramsDoc, shouldGroupParams, shouldHugUnion, typeDoc } from "./type-docs.js";
import { blockDoc, type Expr, type ObjectMember, type TypeNode } from "./typescript.js";
import { stringLiteral } from "../literals.js";

// -- Assignments (variable declarators, type aliases, object properties) ------------------------

type Layout = "break-after-operator" | "never-break-after-operator" | "fluid" | "break-lhs";

export function typeLayout(type: TypeNode): Layout {
  if (type.kind === "union" && !shouldHugUnion(type)) return "break-after-operator";
  return "fluid";
}

/**
 * prettier's chooseLayout for `left = right` and `key: value`, for the expressions the emitter
 * writes. `property` is true for object properties.
 */
export function expressionLayout(right: Expr, left: Doc, property: boolean, options: PrintOptions): Layout {
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

export function assignment(
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
    case "value":
      // Its tree would be what the checks on an expression's kind above and beside this read.
      throw new Error("a JSON value stands as a constant's initialiser only");
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

/** Whether prettier may hug the last argument: an object or array literal, `as` a type or not (couldExpandArg). */
function couldExpand(expr: Expr): boolean {
  if (expr.kind === "as") return couldExpand(expr.expression);
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
