// The plain data each Handlebars template renders: built from the model, nothing computed in templates.
import { authText } from "./docs.js";
import { exampleArgs } from "./examples.js";
import { argType, isSuccess } from "./type-expressions.js";
import { oneLine } from "../model/markdown.js";
import type { ApiModel, OperationModel } from "../model/types.js";

export interface PackageInfo {
  packageName: string;
  /** File name of the collection (no directories: output must not depend on where it was run). */
  collectionFile: string;
  devDependencies: Record<string, string>;
}

export function readmeView(model: ApiModel, info: PackageInfo) {
  const first = model.operations[0];
  return {
    ...info,
    name: model.name,
    description: model.description ?? "",
    baseUrl: model.baseUrl,
    baseUrlVariable: model.baseUrlVariable ?? "",
    usesToken: model.operations.some((op) => op.auth.type === "bearer"),
    example: first ? { name: first.name, args: exampleArgs(first) } : undefined,
    operations: model.operations.map((op) => ({
      name: op.name,
      item: op.item,
      folder: op.folder.join(" / "),
      signature: `${op.method} ${op.path || "/"}`,
      description: op.description ?? "",
      auth: authText(op.auth),
      scopes: op.scopes ?? [],
      rateLimit: op.rateLimit ?? "",
      args: op.args.map((arg) => ({
        arg: arg.arg,
        name: arg.name,
        in: arg.in,
        required: arg.required,
        type: argType(arg),
        description: arg.description ?? "",
      })),
      responses: op.responses.map((r) => ({
        status: r.status,
        description: r.description ?? "",
        errorCodes: r.errorCodes,
      })),
    })),
    warnings: model.warnings,
  };
}

export function testView(model: ApiModel, info: PackageInfo) {
  return {
    ...info,
    basePath: basePath(model.baseUrl),
    operations: model.operations.map((op) => operationTestView(op, basePath(model.baseUrl))),
  };
}

function operationTestView(op: OperationModel, base: string) {
  const args = exampleArgs(op);
  const valueOf = (key: string) => String(args[key]);
  let path = op.path;
  for (const arg of op.args.filter((a) => a.in === "path")) {
    path = path.split(`{${arg.name}}`).join(encodeURIComponent(valueOf(arg.arg)));
  }
  const pairs = (where: OperationModel["args"][number]["in"]) =>
    op.args.filter((a) => a.in === where).map((a): [string, string] => [a.name, valueOf(a.arg)]);
  return {
    name: op.name,
    args,
    request: {
      method: op.method,
      path: base + path,
      query: pairs("query"),
      headers: pairs("header").map(([name, value]): [string, string] => [name.toLowerCase(), value]),
      body: op.body ?? null,
      fields: pairs("body"),
      bearer: op.auth.type === "bearer",
    },
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
    errorCodes: op.responses.flatMap((response) =>
      response.errorCodes.map((code) => ({
        status: response.status,
        code: code.code,
        codeDescription: code.description,
        description: response.description ?? null,
      })),
    ),
    required: op.args.filter((a) => a.required).map((a) => a.arg),
    enums: op.args.filter((a) => a.enum).map((a) => ({ arg: a.arg, values: a.enum })),
    pathArgs: op.args.filter((a) => a.in === "path").map((a) => a.arg),
  };
}

/** The path part of the base URL (`/v2` for `https://api.zoom.us/v2`), which the test server sees. */
function basePath(baseUrl: string): string {
  try {
    return new URL(baseUrl).pathname.replace(/\/+$/, "");
  } catch {
    return "";
  }
}
