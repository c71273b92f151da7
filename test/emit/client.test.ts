// The client emitter from hand-written models: no collection parsing involved. The client is one
// module for itself and the operations at the root, and one per top-level folder.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { emitClient, operationSpec } from "../../src/emit/client.js";
import { resourceFileNames } from "../../src/emit/modules/layout.js";
import { kebab } from "../../src/command-line/names.js";
import { camelCase } from "../../src/model/naming.js";
import { compile } from "../../src/emit/compile.js";
import { emitPackage } from "../../src/emit/package.js";
import { writePackage } from "../../src/write/write-package.js";
import { bundle } from "../helpers/bundle.js";
import type { ApiModel, OperationModel, Shape } from "../../src/model/types.js";

const op: OperationModel = {
  name: "updateUserStatus",
  namespace: ["users"],
  exportName: "updateUserStatus",
  item: "Update user status",
  folder: ["users"],
  method: "PUT",
  path: "/users/{userId}/status",
  args: [
    {
      arg: "userId",
      name: "userId",
      in: "path",
      required: true,
      description: "The user ID.",
      example: "me",
      source: "item[0]",
    },
    { arg: "action", name: "action", in: "body", required: true, enum: ["activate", "deactivate"], source: "item[0]" },
    { arg: "X-Trace", name: "X-Trace", in: "header", required: false, typeHint: "integer", source: "item[0]" },
  ],
  body: { encoding: "multipart" },
  auth: { type: "bearer", from: "oauth2" },
  description: "Changes a status.",
  scopes: ["user:write"],
  rateLimit: "Light",
  responses: [
    {
      status: 204,
      description: "Status updated.",
      errorCodes: [],
      examples: [{ name: "ok", body: "", source: "item[0].response[0]" }],
    },
    {
      status: 404,
      description: "Not Found",
      errorCodes: [
        { code: 1001, description: "User does not exist." },
        { code: "E_GONE", description: "Gone." },
      ],
      examples: [{ name: "nf", contentType: "text/plain", body: "", source: "item[0].response[1]" }],
    },
  ],
  scripts: [],
  source: "item[0]",
};

const model: ApiModel = {
  name: "Test API",
  baseUrl: "{{baseUrl}}",
  variables: [{ name: "baseUrl", default: "https://api.test/v2" }],
  operations: [op],
  warnings: [],
};

/** The text of one emitted module. */
function moduleText(m: ApiModel, path: string, face: "ts" | "dts" = "ts"): string {
  const found = emitClient(m).modules.find((mod) => mod.path === path);
  if (!found) throw new Error(`no module ${path}`);
  return found[face];
}

describe("emitClient", () => {
  const text = moduleText(model, "src/resources/users.ts");
  const root = moduleText(model, "src/client.ts");

  it("writes the client in src/client.ts and each top-level folder's operations in src/resources/<folder>.ts", () => {
    // And src/shapes.ts, which declares `Text` for the arguments sent as text.
    expect(emitClient(model).modules.map((m) => m.path)).toEqual([
      "src/client.ts",
      "src/resources/users.ts",
      "src/shapes.ts",
    ]);
    expect(root).toContain('export * from "./resources/users.js";');
    expect(root).not.toContain("UpdateUserStatusArgs");
  });

  it("types the arguments with the collection's keys, required flags and enums (an optional one takes undefined too)", () => {
    expect(text).toMatch(
      /export interface UpdateUserStatusArgs \{[\s\S]*userId: Text;[\s\S]*action: "activate" \| "deactivate";[\s\S]*"X-Trace"\?: number \| undefined;/,
    );
  });

  it("makes documented statuses and error codes visible in the types", () => {
    expect(text).toMatch(/export interface UpdateUserStatusResponses \{[\s\S]*204: undefined;/);
    expect(text).toContain('export type UpdateUserStatusError = ApiError<404, 1001 | "E_GONE">;');
  });

  it("documents the operation with its scopes, rate-limit label and auth, and points at the error type", () => {
    for (const line of [
      "Scopes: `user:write`",
      "Rate limit label: `Light`",
      "Auth: OAuth 2.0 access token",
      "@throws {@link UpdateUserStatusError} for a documented error status (404)",
    ]) {
      expect(text).toContain(line);
    }
  });

  it("says each fact once: an error code's text is in the metadata only, an argument's description in its type only", () => {
    const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
    expect(count(text, "User does not exist.")).toBe(1);
    expect(text).toMatch(/errorCodes: \[[^\]]*User does not exist\./);
    expect(count(text, "The user ID.")).toBe(1);
    // What the type says is not repeated in words.
    expect(text).not.toMatch(/One of: `activate`|, required\.|, optional\./);
    // The declarations carry the documentation editors show.
    expect(count(moduleText(model, "src/resources/users.ts", "dts"), "The user ID.")).toBe(1);
  });

  it("reads an operation's metadata once, with the package's name and without", () => {
    const inPackage = operationSpec(op, "zoom-api");
    expect(operationSpec(op)).toBe(operationSpec(op));
    expect(operationSpec(op, "zoom-api")).toBe(inPackage);
    expect(inPackage).toEqual({ ...operationSpec(op), package: "zoom-api" });
    // The package's name where the runtime's type puts it, after the member's name.
    expect(Object.keys(inPackage).slice(0, 4)).toEqual(["name", "namespace", "package", "item"]);
  });

  it("exports the runtime spec as metadata", () => {
    expect(operationSpec(op)).toEqual({
      name: "updateUserStatus",
      namespace: ["users"],
      item: "Update user status",
      folder: ["users"],
      method: "PUT",
      path: "/users/{userId}/status",
      args: [
        { arg: "userId", name: "userId", in: "path", required: true },
        { arg: "action", name: "action", in: "body", required: true, enum: ["activate", "deactivate"] },
        { arg: "X-Trace", name: "X-Trace", in: "header", required: false },
      ],
      body: "multipart",
      auth: { type: "bearer" },
      responses: [
        { status: 204, description: "Status updated." },
        {
          status: 404,
          description: "Not Found",
          errorCodes: [
            { code: 1001, description: "User does not exist." },
            { code: "E_GONE", description: "Gone." },
          ],
        },
      ],
      scopes: ["user:write"],
      rateLimit: "Light",
    });
  });

  it("passes and imports the request features an operation needs, and none to one that needs none", () => {
    // A header argument, a default, a {{variable}} in the path, a path argument whose default refers
    // to one, and a query argument.
    const featured: OperationModel = {
      ...op,
      path: "/{{version}}/users/{userId}/status",
      args: [
        { ...op.args[0]!, default: "{{me}}" },
        op.args[1]!,
        { ...op.args[2]!, default: "{{trace}}" },
        { arg: "page_size", name: "page_size", in: "query", required: false, default: "30", source: "item[0]" },
      ],
    };
    const plain: OperationModel = { ...op, args: op.args.filter((a) => a.in !== "header") };
    const featuredText = moduleText({ ...model, operations: [featured] }, "src/resources/users.ts");
    // An operation with a query also takes the call's extra pairs (options.query), which may be
    // named as a credential: their error masks them (sentSecrets). A runtime name newer than the
    // frozen ones is bound under the runtime's prefix (reserved-names.ts's runtimeLocal).
    expect(featuredText).toMatch(
      /\{\s+headerArgs: sendHeaderArg,\s+defaults: fillDefault,\s+pathVariables: fillPathVariable,\s+query: writeQuery,\s+extras: \$sendExtras,\s+sentSecrets: namedSecrets,?\s+\}/,
    );
    expect(featuredText).toMatch(
      /import \{\s+fillDefault,\s+fillPathVariable,\s+namedSecrets,\s+sendExtras as \$sendExtras,\s+sendHeaderArg,\s+writeQuery,\s+\} from "\.\.\/runtime\/request-features\.js";/,
    );
    // Only what each operation needs.
    expect(text).toMatch(/encodeMultipartText,\s+authorizeBearer,\s+\{ headerArgs: sendHeaderArg \},?\s+\) as/);
    expect(text).toContain('import { sendHeaderArg } from "../runtime/request-features.js";');
    const plainText = moduleText({ ...model, operations: [plain] }, "src/resources/users.ts");
    expect(plainText).toMatch(/encodeMultipartText,\s+authorizeBearer,?\s+\) as ApiPromise/);
    expect(plainText).not.toContain("request-features");
  });

  it("gives Postman's dynamic variables only to a client whose collection refers to one", () => {
    const dynamicImport = 'import { dynamicVariable } from "./runtime/dynamic.js";';
    expect(root).not.toContain(dynamicImport);
    expect(root).not.toContain("dynamic: dynamicVariable");
    // In a path, an argument's value, a variable's value, an environment's value: each one is enough.
    for (const referring of [
      { ...model, operations: [{ ...op, path: "/users/{{$guid}}/status" }] },
      { ...model, operations: [{ ...op, args: [{ ...op.args[2]!, default: ["{{$timestamp}}"] }] }] },
      { ...model, variables: [...model.variables, { name: "id", default: "x-{{$randomUUID}}" }] },
      { ...model, environments: [{ name: "dev", values: { id: "{{$randomInt}}" }, secrets: [] }] },
    ]) {
      const text = moduleText(referring, "src/client.ts");
      expect(text).toContain(dynamicImport);
      expect(text).toMatch(/createCore\(options, \{[^}]*dynamic: dynamicVariable/);
    }
    // A name Postman has but the client does not make ({{$randomFirstName}}) is just a variable.
    expect(
      moduleText({ ...model, operations: [{ ...op, path: "/{{$randomFirstName}}" }] }, "src/client.ts"),
    ).not.toContain(dynamicImport);
  });

  it("passes and imports the file reader to an operation with a file argument only", () => {
    const upload: OperationModel = {
      ...op,
      args: [op.args[0]!, { arg: "doc", name: "doc", in: "body", required: true, type: "file", source: "item[0]" }],
    };
    const uploadText = moduleText({ ...model, operations: [upload] }, "src/resources/users.ts");
    expect(uploadText).toMatch(/encodeMultipart,\s+authorizeBearer,\s+\{ file: readFileArg \},?\s+\) as/);
    expect(uploadText).toContain('import { readFileArg } from "../runtime/request-features.js";');
    expect(text).not.toContain("readFileArg");
  });

  it("passes the encoder of Blob parts only to a multipart operation with a file or typed part", () => {
    const typed: OperationModel = {
      ...op,
      args: op.args.map((a) => (a.in === "body" ? { ...a, contentType: "application/json" } : a)),
    };
    const typedText = moduleText({ ...model, operations: [typed] }, "src/resources/users.ts");
    expect(typedText).toMatch(/encodeMultipart,\s+authorizeBearer,/);
    expect(typedText).toContain('import { encodeMultipart } from "../runtime/bodies.js";');
    expect(text).toContain('import { encodeMultipartText } from "../runtime/bodies.js";');
  });

  it("carries the query keys sent alone in the metadata, and shows them in the request line of the docs", () => {
    const bare: OperationModel = { ...op, bareQuery: ["uploads"] };
    expect(operationSpec(bare).bareQuery).toEqual(["uploads"]);
    expect(operationSpec(op)).not.toHaveProperty("bareQuery");
    expect(moduleText({ ...model, operations: [bare] }, "src/resources/users.ts")).toContain(
      "`PUT /users/{userId}/status?uploads`",
    );
  });

  it("keeps hostile collection text inside strings and comments", async () => {
    const evil = '*/ throw new Error("injected"); /* "; throw 1; " `${x}`';
    const hostile: ApiModel = {
      ...model,
      name: evil,
      variables: [{ name: evil, default: evil, description: evil }],
      operations: [
        {
          ...op,
          item: evil,
          folder: [evil],
          description: evil,
          args: [{ ...op.args[0]!, description: evil, example: evil, default: evil }],
          responses: [],
        },
      ],
    };
    const files = await emitPackage(hostile, {
      packageName: "hostile",
      packageVersion: "0.1.0",
      collectionFile: "h.json",
      devDependencies: {},
    });
    const dir = mkdtempSync(join(tmpdir(), "hostile-"));
    await writePackage(dir, files);
    // Importing the module runs its top level: nothing injected may run.
    const module = (await import(pathToFileURL(join(dir, "dist/index.js")).href)) as {
      operations: Array<{ item: string }>;
    };
    expect(module.operations[0]!.item).toBe(evil);
  });

  it("leaves what only documents an operation out of a bundle of its function, and keeps it in its metadata", async () => {
    const files = await emitPackage(model, {
      packageName: "docs-out",
      packageVersion: "0.1.0",
      collectionFile: "t.json",
      devDependencies: {},
    });
    const dir = mkdtempSync(join(tmpdir(), "docs-out-"));
    await writePackage(dir, files);
    const entry = JSON.stringify(join(dir, "dist/index.js"));
    const { code } = await bundle(
      `import { createBaseClient, updateUserStatus } from ${entry};
export const run = (token) => updateUserStatus(createBaseClient({ token }), { userId: "me", action: "deactivate" });`,
      { minify: true },
    );
    // What the call reads stays (an error status's texts); the item's name, its folders' names, its
    // scopes, its success statuses' texts (a call resolves before it looks one up) and the
    // package's name (isErrorOf's, read from the metadata) do not.
    expect(code).toContain("/users/{userId}/status");
    expect(code).toContain("User does not exist.");
    for (const text of ["Update user status", "user:write", "Status updated.", '"docs-out"'])
      expect(code).not.toContain(text);
    const module = (await import(pathToFileURL(join(dir, "dist/index.js")).href)) as {
      operations: unknown[];
      updateUserStatusOperation: unknown;
    };
    expect(module.operations).toEqual([operationSpec(op, "docs-out")]);
    expect(module.operations[0]).toBe(module.updateUserStatusOperation);
  });

  it("puts methods in namespaces that follow the folders, each folder's in its module", () => {
    expect(root).toMatch(/export interface Client \{[\s\S]*readonly users: ClientUsers;/);
    expect(text).toMatch(/export interface ClientUsers \{[\s\S]*updateUserStatus\(/);
    expect(root).toMatch(/return \{\s*users: users\.methods\(baseClient\),/);
    expect(text).toMatch(
      /methods\(baseClient: BaseClient\): ClientUsers \{\s*return \{\s*updateUserStatus: updateUserStatus\.bind\(null, baseClient\),/,
    );
  });

  it("types JSON bodies and responses from their examples", () => {
    const json: OperationModel = {
      ...op,
      body: { encoding: "json", contentType: "application/json" },
      args: [
        {
          arg: "user",
          name: "user",
          in: "body",
          required: false,
          type: "json",
          shape: { kind: "object", properties: [{ name: "first-name", shape: { kind: "string" }, optional: true }] },
          source: "x",
        },
      ],
      responses: [
        {
          status: 200,
          errorCodes: [],
          examples: [{ name: "ok", contentType: "application/json", body: "[1]", source: "x" }],
          shape: { kind: "array", items: { kind: "union", of: [{ kind: "number" }, { kind: "null" }] } },
        },
      ],
    };
    const emitted = moduleText({ ...model, operations: [json] }, "src/resources/users.ts");
    expect(emitted).toContain('user?: { "first-name"?: string | undefined } | undefined;');
    expect(emitted).toContain("200: Array<number | null>;");
  });

  it("says that an inferred type is a guess, and from how many examples, in one line", () => {
    const shape: Shape = { kind: "object", properties: [{ name: "id", shape: { kind: "number" }, optional: false }] };
    const example = { name: "ok", contentType: "application/json", body: '{"id": 1}', source: "x" };
    const inferred: OperationModel = {
      ...op,
      body: { encoding: "json", contentType: "application/json" },
      args: [{ arg: "user", name: "user", in: "body", required: false, type: "json", shape, source: "x" }],
      responses: [
        { status: 200, description: "Found.", errorCodes: [], examples: [example, example], shape, inferredFrom: 2 },
        { status: 201, errorCodes: [], examples: [example], shape, inferredFrom: 1 },
        { status: 202, errorCodes: [], examples: [{ ...example, contentType: "text/plain" }] },
      ],
    };
    const emitted = moduleText({ ...model, operations: [inferred] }, "src/resources/users.ts");
    expect(emitted).toContain("   * Found.\n   * Inferred from 2 examples.\n   */\n  200: { id: number };");
    // Text is what the runtime gives: nothing inferred, no JSDoc.
    expect(emitted).toContain("  /** Inferred from 1 example. */\n  201: { id: number };\n  202: string;\n");
    expect(emitted).toContain("   * JSON body field.\n   * Inferred from 1 example.\n");
  });

  it("is deterministic", () => {
    expect(emitClient(model)).toEqual(emitClient(model));
  });

  it("is its modules, each text once (no copy of all the declarations joined, which nothing read)", () => {
    const client = emitClient(model);
    expect(Object.keys(client)).toEqual(["modules"]);
    expect(client.modules.map((m) => m.path)).toContain("src/client.ts");
  });

  it("changes one folder's module, and nothing else, when an operation of that folder changes", () => {
    const other: OperationModel = {
      ...op,
      name: "getMeeting",
      exportName: "getMeeting",
      namespace: ["meetings"],
      folder: ["meetings"],
      item: "Get meeting",
      method: "GET",
      path: "/meetings/{id}",
    };
    const before = emitClient({ ...model, operations: [op, other] }).modules;
    const added: OperationModel = {
      ...other,
      name: "listMeetings",
      exportName: "listMeetings",
      item: "List meetings",
      path: "/meetings",
    };
    const after = emitClient({ ...model, operations: [op, other, added] }).modules;
    const changed = after.filter((m, i) => JSON.stringify(m) !== JSON.stringify(before[i])).map((m) => m.path);
    expect(changed).toEqual(["src/resources/meetings.ts"]);
  });

  it("wraps each module's JavaScript in each format's imports and exports, exporting what its declarations declare", () => {
    // src/shapes.ts declares types only: there is no JavaScript to wrap.
    for (const m of emitClient(model).modules.filter((m) => m.path !== "src/shapes.ts")) {
      const declared = [...m.dts.matchAll(/^export declare (?:const|function) (\w+)/gm)].map((x) => x[1]!).sort();
      expect(declared.length, m.path).toBeGreaterThan(0);
      const esmExports = /^export \{\n([^}]*)\};$/m
        .exec(m.js.esm)?.[1]
        ?.split(",")
        .map((name) => name.trim())
        .filter(Boolean);
      expect(esmExports?.sort(), m.path).toEqual(declared);
      expect([...m.js.cjs.matchAll(/^exports\.(\w+) = \1;$/gm)].map((x) => x[1]!).sort(), m.path).toEqual(declared);
      expect(m.js.cjs).toMatch(/^\/\/ Generated by postman-codegen[^\n]*\n"use strict";\n/);
      expect(m.js.esm).not.toMatch(/\brequire\(|\bexports\./);
    }
    const [client, users] = emitClient(model).modules;
    // A folder's module gives the root module its part of createClient and operations as its default export, which `export *` leaves out.
    expect(users!.js.esm).toMatch(/^export default \{\n  operations: \[updateUserStatusOperation\],/m);
    expect(users!.js.cjs).toMatch(/^exports\.default = \{/m);
    expect(users!.dts).toMatch(/^export default _default;$/m);
    expect(client!.js.esm).toMatch(/^export \* from "\.\/resources\/users\.js";$/m);
    expect(client!.js.cjs).toContain('require("./resources/users.js")');
  });
});

describe("folders named like reserved words", () => {
  it("import their module under another name", () => {
    const folder: OperationModel = { ...op, namespace: ["var"], folder: ["{{var}}"] };
    const root = moduleText({ ...model, operations: [folder] }, "src/client.ts");
    expect(root).toContain('import varResource, { type ClientVar } from "./resources/var.js";');
    expect(root).toContain("var: varResource.methods(baseClient),");
  });
});

describe("resourceFileNames", () => {
  it("names each folder's module in kebab case, ASCII, unique whatever the case, never a device name", () => {
    expect(resourceFileNames(["users", "sipPhones", "h323Devices", "SipPhones", "获取用户", "con", "users2"])).toEqual([
      "users",
      "sip-phones",
      "h323-devices",
      "sip-phones-2",
      "resource",
      "con-resource",
      "users2",
    ]);
  });

  it("splits a folder's name into the words its command-line namespace has, a one-letter word too", () => {
    // Microsoft Graph's folders: the module was on-behalf-of-auser.ts beside the command line's
    // `on-behalf-of-a-user`.
    const namespaces = ["On Behalf of a User", "Get a Token", "Users", "SIP phones"].map(camelCase);
    expect(namespaces).toEqual(["onBehalfOfAUser", "getAToken", "users", "sipPhones"]);
    expect(resourceFileNames(namespaces)).toEqual(namespaces.map(kebab));
    expect(resourceFileNames(namespaces)[0]).toBe("on-behalf-of-a-user");
  });
});

describe("compile", () => {
  it("refuses code that does not type-check, as a generator bug", () => {
    expect(() =>
      compile(new Map([["src/index.ts", "export const a: number = 'x';"]]), [], { typeCheck: true }),
    ).toThrow(/does not compile/);
  });

  it("checks against DOM and ES libraries only: Node globals are not there", () => {
    expect(() =>
      compile(new Map([["src/index.ts", "export const b = Buffer.from('x');"]]), [], { typeCheck: true }),
    ).toThrow(/Buffer/);
  });

  it("compiles each file to ES modules in dist/ and CommonJS in dist/cjs/, with the same declarations", () => {
    const source = 'import { b } from "./b.js";\nexport const a: number = b + 1;\n';
    const out = compile(new Map([["src/runtime/a.ts", source]]), ["src/runtime/a.ts"]);
    expect([...out.keys()].sort()).toEqual([
      "dist/cjs/runtime/a.d.ts",
      "dist/cjs/runtime/a.js",
      "dist/runtime/a.d.ts",
      "dist/runtime/a.js",
    ]);
    expect(out.get("dist/cjs/runtime/a.d.ts")).toBe(out.get("dist/runtime/a.d.ts"));
    expect(out.get("dist/runtime/a.js")).toMatch(/^import \{ b \} from "\.\/b\.js";$/m);
    expect(out.get("dist/cjs/runtime/a.js")).toMatch(/require\("\.\/b\.js"\)/);
    expect(out.get("dist/cjs/runtime/a.js")).toMatch(/exports\.a = /);
  });
});
