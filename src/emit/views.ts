// The plain data each Handlebars template renders: built from the model, nothing computed in templates.
import { clientPath } from "./client.js";
import { authText, scriptKind } from "./docs.js";
import { exampleArgsLiteral } from "./examples.js";
import { basePath, expectedRequest, lookupFor, testVariables, TEST_API_KEY, TEST_BASIC, TEST_SIGNATURE_HEADER, TEST_TOKEN } from "./expectations.js";
import { propertyAccess } from "./literals.js";
import { codeSpan } from "./templates.js";
import { argType, isSuccess } from "./type-expressions.js";
import { oneLine } from "../model/markdown.js";
import { ValidationError } from "../runtime/errors.js";
import { fillTemplate, type Lookup } from "../runtime/template.js";
import type { ApiModel, OperationModel } from "../model/types.js";

export interface PackageInfo {
  packageName: string;
  /** Semantic version written to the emitted package.json. */
  packageVersion: string;
  /** File name of the collection (no directories: output must not depend on where it was run). */
  collectionFile: string;
  devDependencies: Record<string, string>;
}

/** A template with the collection's own variable values filled in, or "" when some have none. */
function resolved(template: string, lookup: Lookup): string {
  try {
    const text = fillTemplate(template, lookup, "readme");
    return text === template ? "" : text;
  } catch {
    return "";
  }
}

const callPath = (op: OperationModel) => [...op.namespace, op.name].map(propertyAccess).join("");

export function readmeView(model: ApiModel, info: PackageInfo) {
  const first = model.operations[0];
  const auths = new Set(model.operations.map((op) => op.auth.type));
  const authTexts = model.operations.map((op) => authText(op.auth, codeSpan));
  return {
    ...info,
    name: model.name,
    description: model.description ?? "",
    baseUrl: model.baseUrl,
    resolvedBaseUrl: resolved(model.baseUrl, lookupFor(model, {})),
    otherBases: [...new Set(model.operations.flatMap((op) => (op.base !== undefined ? [op.base] : [])))],
    variables: model.variables.map((v) => ({ name: v.name, default: v.default ?? "", hasDefault: v.default !== undefined, description: v.description ?? "" })),
    usesToken: auths.has("bearer"),
    usesApiKey: auths.has("apikey"),
    usesBasic: auths.has("basic"),
    customSchemes: [...new Set(model.operations.flatMap((op) => (op.auth.type === "custom" ? [op.auth.scheme] : [])))],
    example: first ? { callCode: `client${callPath(first)}`, exportName: first.exportName, argsCode: exampleArgsLiteral(first, true) } : undefined,
    // Said once when every operation has it (310 equal lines say nothing more), never for one operation.
    commonAuth: authTexts.length > 1 && new Set(authTexts).size === 1 ? authTexts[0]! : "",
    operations: model.operations.map((op, i) => ({
      callCode: clientPath(op),
      item: op.item,
      folder: op.folder.join(" / "),
      signature: `${op.method} ${op.path || "/"}`,
      base: op.base ?? "",
      // The first paragraph, at most 2,000 characters: the whole description is in the JSDoc that editors show.
      description: clip((op.description ?? "").split(/\n\s*\n/)[0]!, 2_000),
      auth: authTexts[i]!,
      scopes: op.scopes ?? [],
      rateLimit: op.rateLimit ?? "",
      args: op.args.map((arg) => ({
        arg: arg.arg,
        in: arg.in,
        required: arg.required,
        type: argType(arg),
        description: [summary(arg.description ?? ""), arg.default !== undefined ? `Default: ${clip(JSON.stringify(arg.default))}` : "", arg.disabled ? "(disabled in the collection)" : ""]
          .filter(Boolean)
          .join(" "),
      })),
      responses: op.responses.map((r) => ({
        status: r.status,
        description: summary(r.description ?? ""),
        errorCodes: r.errorCodes.map((c) => ({ code: c.code, description: summary(c.description) })),
      })),
      scripts: op.scripts.map((script) => ({ scope: script.scope, kind: scriptKind(script), lines: script.lines, sets: script.sets })),
    })),
    warnings: model.warnings,
  };
}

/**
 * README lists show a description on one line: whole when it fits in 160 characters (a first
 * sentence alone can mislead: "The action types: `activate` - …" without the `deactivate` that
 * follows), else its first sentence, clipped; the whole text is in the JSDoc that editors show.
 * Big collections stay readable, and quick to format.
 */
export function summary(markdown: string): string {
  const text = flatten(markdown);
  if (text.length <= SUMMARY_MAX) return text;
  const end = /[.!?](?=\s|$)/.exec(text);
  return clip(end ? text.slice(0, end.index + 1) : text);
}

const SUMMARY_MAX = 160;

/**
 * One line of text. A list's markers go, or "* Invalid id.\n* No permission." would read
 * "* Invalid id. * No permission."; items that end without punctuation are kept apart by "; ".
 */
function flatten(markdown: string): string {
  let text = "";
  for (const line of markdown.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(trimmed);
    const part = item ? item[1]! : trimmed;
    text += !text ? part : item && !/[.!?:;,]$/.test(text) ? `; ${part}` : ` ${part}`;
  }
  return text;
}

function clip(text: string, max = SUMMARY_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function testView(model: ApiModel, info: PackageInfo) {
  const variables = testVariables(model);
  const defaults = lookupFor(model, variables);
  const otherBases = [...new Set(model.operations.flatMap((op) => (op.base !== undefined ? [op.base] : [])))];
  return {
    ...info,
    basePath: basePath(model.baseUrl, defaults),
    baseUrls: otherBases.map((base) => ({ base, path: basePath(base, defaults) })),
    variables,
    token: TEST_TOKEN,
    apiKey: TEST_API_KEY,
    basic: TEST_BASIC,
    signatureHeader: TEST_SIGNATURE_HEADER,
    operations: model.operations.map((op) => operationTestView(model, op, variables)),
  };
}

function operationTestView(model: ApiModel, op: OperationModel, variables: Record<string, string>) {
  // A request the client must refuse whatever the arguments (its variables refer to each other):
  // its test expects that refusal instead of a request.
  let request: ReturnType<typeof expectedRequest> | null = null;
  let refusal: string | null = null;
  try {
    request = expectedRequest(model, op, variables);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    refusal = error.message;
  }
  return {
    title: clientPath(op),
    /** TypeScript built with escaping helpers: the property path to the method, and the argument object. */
    callCode: callPath(op),
    argsCode: exampleArgsLiteral(op),
    request,
    refusal,
    examples: op.responses.flatMap((response) =>
      response.examples.map((example) => ({
        status: response.status,
        ok: isSuccess(response.status),
        label: oneLine(response.description ?? example.name).slice(0, 80),
        contentType: example.contentType ?? null,
        body: example.body,
        description: response.description ?? null,
      })),
    ),
    // Error codes documented on a 2xx status are in the docs, but such a response resolves.
    errorCodes: op.responses.flatMap((response) =>
      (isSuccess(response.status) ? [] : response.errorCodes).map((code) => ({
        status: response.status,
        code: code.code,
        codeDescription: code.description,
        description: response.description ?? null,
      })),
    ),
    required: op.args.filter((a) => a.required).map((a) => a.arg),
    enums: op.args.filter((a) => a.enum && a.default === undefined).map((a) => ({ arg: a.arg, values: a.enum })),
    pathArgs: op.args.filter((a) => a.in === "path" && a.default === undefined).map((a) => a.arg),
  };
}
