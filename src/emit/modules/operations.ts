// An operation's statements: its argument, response, result and error types, its metadata and its
// standalone function.
import {
  constant,
  dataConstant,
  functionStatement,
  id,
  literal,
  ref,
  sharedByFaces,
  type Flavor,
} from "./statements.js";
import type { Context } from "./layout.js";
import { operationSpec, optionsType, runtimeParts, splitSpec } from "../client.js";
import { argDoc, requestTarget } from "../docs.js";
import { docText, stringLiteral } from "../literals.js";
import { indentUnit, stringWidth, type PrintOptions } from "../printer/doc.js";
import { keyText, printString } from "../printer/literals.js";
import { parseType } from "../printer/type-parser.js";
import { valueExpr, type Expr, type Statement, type TypeMember, type TypeNode } from "../printer/typescript.js";
import { typeText } from "../printer/flat.js";
import { interfaceText } from "../printer/type-docs.js";
import { layoutValue, valueBreaks } from "../printer/values.js";
import { argType, errorType, inferredDoc, isSuccess, optionalType, successType } from "../type-expressions.js";
import { callSpecName, clientPath, exportedNames } from "../../model/naming.js";
import { runtimeLocal } from "../../model/reserved-names.js";
import type { OperationModel } from "../../model/types.js";
import type { OperationSpec } from "../../runtime/spec.js";

/**
 * What an operation's faces share: its names, its metadata and its type statements (the same in
 * the TypeScript and the declarations), kept until the JavaScript takes them (`sharedByFaces`).
 */
interface Common {
  names: ReturnType<typeof exportedNames>;
  path: string;
  specType: TypeNode;
  value: object;
  /** What the call passes after `options`: the encoder and authorizer, by the module's names for them. */
  extra: string[];
  /** The request features the call passes last, as [key, the module's name for the function]. */
  features: Array<[string, string]>;
  types?: Statement[];
}

const kept = new WeakMap<Context, WeakMap<OperationModel, Common>>();

function commonOf(context: Context, op: OperationModel, flavor: Flavor): Common {
  let byOperation = kept.get(context);
  if (!byOperation) kept.set(context, (byOperation = new WeakMap()));
  return sharedByFaces(byOperation, op, flavor, "js", () => makeCommon(op, context.packageName));
}

function makeCommon(op: OperationModel, packageName: string | undefined): Common {
  const names = exportedNames(op.exportName);
  const { encoder, authorizer, features } = runtimeParts(op);
  return {
    names,
    path: clientPath(op),
    specType: specTypeOf(names.responses, names.error, op.rateLimit),
    value: operationSpec(op, packageName),
    extra: (authorizer || features.length ? [encoder, authorizer] : encoder ? [encoder] : []).map((name) =>
      name === undefined ? "undefined" : runtimeLocal(name),
    ),
    features: features.map(([key, name]) => [key, runtimeLocal(name)]),
  };
}

/**
 * The metadata's type: it carries the success bodies and the documented errors (OperationSpec's
 * "~types"), for what is typed by the operation (the mocks, isErrorOf), and Postman's rate limit.
 */
export function specTypeOf(responses: string, error: string, rateLimit: string | undefined): TypeNode {
  const base = ref("OperationSpec", [ref(responses), ref(error)]);
  if (!rateLimit) return base;
  return {
    kind: "intersection",
    types: [
      base,
      { kind: "object", members: [{ kind: "property", key: "rateLimit", readonly: true, type: literal(rateLimit) }] },
    ],
  };
}

export function operationStatements(context: Context, op: OperationModel, flavor: Flavor): Statement[] {
  const common = commonOf(context, op, flavor);
  const { names, path, extra, features } = common;
  const docs = `The metadata of \`${path}\` (in {@link operations} too).`;
  const callSpec = callSpecName(op.exportName);
  // The standalone function passes the part of the metadata that a call reads; the export adds
  // the documentation to that same object, in a call marked pure so that a bundle that does not
  // use the export (one of standalone functions) leaves the documentation out.
  const parts = splitSpec(common.value as OperationSpec);
  // The TypeScript's metadata is written straight when its layout is known (most are): its
  // documents were the largest left to lay out in a generation.
  const describedTs =
    flavor === "ts"
      ? describedText(context.options, names.spec, common.specType, callSpec, parts.docs, parts.successes)
      : undefined;
  const spec: Statement[] =
    flavor === "dts"
      ? [dataConstant(flavor, { name: names.spec, type: common.specType, value: common.value, docs })]
      : [
          {
            kind: "const",
            name: callSpec,
            ...(flavor === "ts" ? { type: ref(runtimeLocal("CallSpec")) } : {}),
            init: { kind: "value", value: parts.call, expand: true },
          },
          describedTs !== undefined
            ? { kind: "raw", text: describedTs, docs }
            : constant(flavor, {
                name: names.spec,
                type: common.specType,
                init:
                  flavor === "js"
                    ? { kind: "pure", value: describeExpr(flavor, callSpec, parts.docs, parts.successes) }
                    : describeExpr(flavor, callSpec, parts.docs, parts.successes),
                docs,
              }),
        ];
  const call: Expr = {
    kind: "call",
    callee: { kind: "member", object: id("baseClient"), property: "call" },
    args: [
      ...[callSpec, "args", "options", ...extra].map(id),
      ...(features.length
        ? [
            {
              kind: "object",
              properties: features.map(([key, name]) => ({ kind: "property", key, value: id(name) })),
            } satisfies Expr,
          ]
        : []),
    ],
  };
  const result = ref("ApiPromise", [ref(names.result)]);
  const standalone = functionStatement(flavor, {
    name: op.exportName,
    docs: `\`${docText(op.method)} ${docText(requestTarget(op))}\`: \`${path}\` as a function of a client from {@link createBaseClient}, for bundles that take only what they import.`,
    params: [
      { name: "baseClient", type: ref("BaseClient") },
      { name: "args", type: ref(names.args), ...(op.args.some((a) => a.required) ? {} : { optional: true }) },
      { name: "options", type: parseType(optionsType(op)), optional: true },
    ],
    returns: result,
    body: (f) => [{ kind: "return", expression: f === "js" ? call : { kind: "as", expression: call, type: result } }],
  });
  if (flavor === "js") return [...spec, standalone];
  const standaloneTs =
    flavor === "ts"
      ? standaloneText(
          context.options,
          op.exportName,
          callSpec,
          names,
          op.args.some((a) => a.required),
          extra,
          features,
          optionsType(op),
        )
      : undefined;
  return [
    ...(common.types ??= typeStatements(context, op, names, path)),
    ...spec,
    standaloneTs ? { kind: "raw", text: standaloneTs, docs: standalone.docs } : standalone,
  ];
}

/** An operation's argument, response, result and error types, the same in the TypeScript and the declarations. */
function typeStatements(
  context: Context,
  op: OperationModel,
  names: ReturnType<typeof exportedNames>,
  path: string,
): Statement[] {
  const successes = op.responses.filter((r) => isSuccess(op, r.status));
  const errors = op.responses.filter((r) => !isSuccess(op, r.status));
  return [
    {
      kind: "interface",
      exported: true,
      name: names.args,
      docs: `Arguments of \`${path}\`: the collection's own keys.`,
      members: op.args.map((arg): TypeMember => {
        // The argument's own `undefined` is the declaration's: the README, the JSDoc and the API
        // diff's surface give its value's type, and say it is optional.
        const type = argType(arg, op, { shared: context.shared, text: true });
        return {
          kind: "property",
          key: arg.arg,
          ...(arg.required ? {} : { optional: true }),
          type: parseType(arg.required ? type : optionalType(type)),
          docs: argDoc(arg, op),
        };
      }),
    },
    {
      kind: "interface",
      exported: true,
      name: names.responses,
      docs: `What \`${path}\` resolves with, by documented success status.`,
      members: successes.map((response): TypeMember => {
        const { type, inferredFrom } = successType(op, response, context.shared);
        const docs = [
          ...(response.description ? [docText(response.description)] : []),
          ...(inferredFrom !== undefined ? [inferredDoc(inferredFrom)] : []),
        ];
        return {
          kind: "property",
          key: String(response.status),
          numeric: true,
          type: parseType(type),
          ...(docs.length ? { docs: docs.join("\n") } : {}),
        };
      }),
    },
    {
      kind: "type",
      exported: true,
      name: names.result,
      type: successes.length
        ? {
            kind: "indexed",
            object: ref(names.responses),
            index: { kind: "operator", operator: "keyof", type: ref(names.responses) },
          }
        : ref("unknown"),
    },
    {
      kind: "type",
      exported: true,
      name: names.error,
      docs: `What \`${path}\` rejects with for a documented error status: \`ApiError<status, code>\`, whose \`description\` and \`codeDescription\` are the documented texts.`,
      type: parseType(errors.length ? errors.map(errorType).join(" | ") : "ApiError"),
    },
  ];
}

/**
 * The standalone function's TypeScript as prettier lays it out, written straight: its parameter
 * types and return type are names that cannot break, so its signature is on one line or has one
 * parameter a line, and its call is on one line or has one argument a line. (What the documents
 * would give: the corpus and generated packages are checked against prettier.) The request
 * features, passed last as an object, are hugged where what comes before the object's `{` fits on
 * the line (prettier's last-argument expansion), else on a line of their own, broken if they do not
 * fit there; undefined where a feature's own line would not fit (the documents may break it).
 */
export function standaloneText(
  options: PrintOptions,
  name: string,
  callSpec: string,
  names: ReturnType<typeof exportedNames>,
  argsRequired: boolean,
  extra: string[],
  features: ReadonlyArray<readonly [string, string]> = [],
  optionsType = "RequestOptions<Variables>",
): string | undefined {
  if (options.useTabs) return undefined;
  const unit = indentUnit(options);
  const params = [
    "baseClient: BaseClient",
    `args${argsRequired ? "" : "?"}: ${names.args}`,
    `options?: ${optionsType}`,
  ];
  const result = `ApiPromise<${names.result}>`;
  const flatHead = `export function ${name}(${params.join(", ")}): ${result} {`;
  // An options type of an intersection (`& BodyExtras`) whose line does not fit is broken by the
  // documents.
  if (
    optionsType.includes("&") &&
    stringWidth(flatHead) > options.printWidth &&
    stringWidth(`${unit}${params[2]},`) > options.printWidth
  )
    return undefined;
  const head =
    stringWidth(flatHead) <= options.printWidth
      ? flatHead
      : `export function ${name}(\n${params.map((p) => `${unit}${p},`).join("\n")}\n): ${result} {`;
  const args = [callSpec, "args", "options", ...extra];
  const fits = (line: string) => stringWidth(line) <= options.printWidth;
  const properties = features.map(([key, value]) => `${keyText(key, "object")}: ${value}`);
  const broken = (indentation: string) => properties.map((p) => `${indentation}${p},`);
  if (!broken(unit.repeat(3)).every(fits)) return undefined;
  const object = properties.length ? `{ ${properties.join(", ")} }` : undefined;
  const flatCall = `${unit}return baseClient.call(${[...args, ...(object ? [object] : [])].join(", ")}) as ${result};`;
  const hugged = `${unit}return baseClient.call(${[...args, "{"].join(", ")}`;
  const objectLine = `${unit}${unit}${object},`;
  const call = fits(flatCall)
    ? flatCall
    : object && fits(hugged)
      ? `${hugged}\n${broken(unit.repeat(2)).join("\n")}\n${unit}}) as ${result};`
      : `${unit}return baseClient.call(\n${[
          ...args.map((a) => `${unit}${unit}${a},`),
          ...(object
            ? fits(objectLine)
              ? [objectLine]
              : [`${unit}${unit}{`, ...broken(unit.repeat(3)), `${unit}${unit}},`]
            : []),
        ].join("\n")}\n${unit}) as ${result};`;
  return `${head}\n${call}\n}`;
}

/**
 * `Object.assign(xCallSpec, { …documentation })` (`as const` in the TypeScript): the metadata, the
 * call's part with the documentation added.
 */
export function describeExpr(
  flavor: Flavor,
  callSpec: string,
  docs: Record<string, unknown>,
  successes: readonly unknown[],
): Expr {
  const documenting = valueExpr(docs) as Extract<Expr, { kind: "object" }>;
  // The success responses lead the list again, the call's own following them (the same order).
  if (successes.length)
    documenting.properties.push({
      kind: "property",
      key: "responses",
      value: {
        kind: "array",
        elements: [
          ...successes.map((r) => valueExpr(r)),
          { kind: "spread", argument: { kind: "member", object: id(callSpec), property: "responses" } },
        ],
      },
    });
  return {
    kind: "call",
    callee: { kind: "member", object: id("Object"), property: "assign" },
    args: [id(callSpec), flavor === "ts" ? { kind: "as", expression: documenting, type: ref("const") } : documenting],
  };
}

/** What follows the documentation's object in the metadata's statement. */
const DESCRIBED_END = " as const);";

/**
 * `export const xOperation: Type = Object.assign(xCallSpec, { …documentation } as const);` as
 * prettier lays it out, where the object breaks (undefined otherwise: the documents print it).
 * Prettier hugs a last argument that is an object: what comes before its `{` is laid out as it is
 * before any object that breaks, so it is written straight (headText), and the documentation is laid
 * out by values.ts from there, its broken object's lines not depending on the line it starts. The responses list
 * ends with a spread of the call's responses, which values.ts does not write: a string of the
 * spread's width stands in for it, replaced afterwards.
 */
export function describedText(
  options: PrintOptions,
  name: string,
  type: TypeNode,
  callSpec: string,
  docs: Record<string, unknown>,
  successes: readonly unknown[],
): string | undefined {
  const before = headText(options, name, type, callSpec);
  if (!before) return undefined;
  const line = before.slice(before.lastIndexOf("\n") + 1).replace(/\t/g, " ".repeat(options.tabWidth));
  const column = stringWidth(line);
  const spread = `...${callSpec}.responses`;
  // Two characters shorter than the spread: its quotes make up the width.
  const standInSpread = spread.slice(1, -1);
  const value = successes.length ? { ...docs, responses: [...successes, standInSpread] } : docs;
  // An object that fits on the line stays there (the statement may then be one line).
  if (!valueBreaks(value, "ts", options, options.printWidth - column - DESCRIBED_END.length)) return undefined;
  let text = layoutValue(value, "ts", options, column, 0, ")", 1);
  if (successes.length) {
    const literal = printString(stringLiteral(standInSpread));
    const at = text.indexOf(literal);
    // A description holding the stand-in's text leaves the statement to the documents.
    if (at === -1 || text.indexOf(literal, at + 1) !== -1) return undefined;
    text = `${text.slice(0, at)}${spread}${text.slice(at + literal.length)}`;
  }
  return `${before}${text}${DESCRIBED_END}`;
}

/**
 * What comes before the documentation's `{`, written straight for the metadata's own type
 * (specTypeOf's): `Reference<A, B>` (names that cannot break), with `& { readonly key: literal }`
 * beside it or not. Prettier keeps the line up to
 * ` =` whole where it fits; else it breaks the type arguments, unless the line fits up to the object
 * type's `{`, where it breaks that object; then the object type, if it does not fit after the
 * arguments' `>` either. The call hugs the documentation where the line fits up to its `{`, and
 * null stands for the others, which it does not hug. Undefined for any other type. Null or
 * undefined leave the statement to the documents. Checked against the documents with random names,
 * widths and options, tabs included (test/emit/printer.test.ts).
 */
function headText(options: PrintOptions, name: string, type: TypeNode, callSpec: string): string | null | undefined {
  const [reference, object, ...more] = type.kind === "intersection" ? type.types : [type];
  if (more.length || reference?.kind !== "name" || reference.args?.length !== 2) return undefined;
  const [a, b] = reference.args as [TypeNode, TypeNode];
  if (a.kind !== "name" || a.args || b.kind !== "name" || b.args) return undefined;
  if (object !== undefined) {
    const member = object.kind === "object" && object.members.length === 1 ? object.members[0]! : undefined;
    if (member?.kind !== "property" || member.docs !== undefined || member.type.kind !== "literal") return undefined;
  }
  const fits = (line: string) => stringWidth(line) <= options.printWidth;
  const unit = indentUnit(options);
  const start = `export const ${name}: `;
  const flatArgs = typeText(reference);
  const brokenArgs = `${reference.name}<\n${unit}${a.name},\n${unit}${b.name}\n>`;
  let head: string;
  if (object === undefined) head = fits(`${start}${flatArgs} =`) ? `${start}${flatArgs}` : `${start}${brokenArgs}`;
  else {
    const flatObject = typeText(object);
    const brokenObject = interfaceText((object as Extract<TypeNode, { kind: "object" }>).members, options, 1);
    if (fits(`${start}${flatArgs} & ${flatObject} =`)) head = `${start}${flatArgs} & ${flatObject}`;
    else if (fits(`${start}${flatArgs} & {`)) head = `${start}${flatArgs} & ${brokenObject}`;
    else if (fits(`> & ${flatObject} =`)) head = `${start}${brokenArgs} & ${flatObject}`;
    else head = `${start}${brokenArgs} & ${brokenObject}`;
  }
  const call = ` = Object.assign(${callSpec}, `;
  return fits(`${head.slice(head.lastIndexOf("\n") + 1)}${call}{`) ? `${head}${call}` : null;
}
