// The client emitter from hand-written models: no collection parsing involved.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { emitClient, operationSpec } from "../../src/emit/client.js";
import { compile } from "../../src/emit/compile.js";
import { emitPackage } from "../../src/emit/package.js";
import { writePackage } from "../../src/write/write-package.js";
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
    { arg: "userId", name: "userId", in: "path", required: true, description: "The user ID.", example: "me", source: "item[0]" },
    { arg: "action", name: "action", in: "body", required: true, enum: ["activate", "deactivate"], source: "item[0]" },
    { arg: "X-Trace", name: "X-Trace", in: "header", required: false, typeHint: "integer", source: "item[0]" },
  ],
  body: { encoding: "multipart" },
  auth: { type: "bearer", from: "oauth2" },
  description: "Changes a status.",
  scopes: ["user:write"],
  rateLimit: "Light",
  responses: [
    { status: 204, description: "Status updated.", errorCodes: [], examples: [{ name: "ok", body: "", source: "item[0].response[0]" }] },
    {
      status: 404,
      description: "Not Found",
      errorCodes: [{ code: 1001, description: "User does not exist." }, { code: "E_GONE", description: "Gone." }],
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

describe("emitClient", () => {
  const text = emitClient(model).ts;

  it("types the arguments with the collection's keys, required flags and enums", () => {
    expect(text).toMatch(/export interface UpdateUserStatusArgs \{[\s\S]*userId: string;[\s\S]*action: "activate" \| "deactivate";[\s\S]*"X-Trace"\?: number;/);
  });

  it("makes documented statuses and error codes visible in the types", () => {
    expect(text).toMatch(/export interface UpdateUserStatusResponses \{[\s\S]*204: undefined;/);
    expect(text).toContain('export type UpdateUserStatusError = ApiError<404, 1001 | "E_GONE">;');
  });

  it("documents the operation with its scopes, rate-limit label, auth and responses", () => {
    for (const line of ["Scopes: `user:write`", "Rate limit label: `Light`", "Auth: OAuth 2.0 access token", "- `404` Not Found", "  - error code `1001`: User does not exist."]) {
      expect(text).toContain(line);
    }
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
        { status: 404, description: "Not Found", errorCodes: [{ code: 1001, description: "User does not exist." }, { code: "E_GONE", description: "Gone." }] },
      ],
      scopes: ["user:write"],
      rateLimit: "Light",
    });
  });

  it("keeps hostile collection text inside strings and comments", async () => {
    const evil = '*/ throw new Error("injected"); /* "; throw 1; " `${x}`';
    const hostile: ApiModel = {
      ...model,
      name: evil,
      variables: [{ name: evil, default: evil, description: evil }],
      operations: [{ ...op, item: evil, folder: [evil], description: evil, args: [{ ...op.args[0]!, description: evil, example: evil, default: evil }], responses: [] }],
    };
    const files = await emitPackage(hostile, { packageName: "hostile", packageVersion: "0.1.0", collectionFile: "h.json", devDependencies: {} });
    const dir = mkdtempSync(join(tmpdir(), "hostile-"));
    await writePackage(dir, files);
    // Importing the module runs its top level: nothing injected may run.
    const module = (await import(pathToFileURL(join(dir, "dist/index.js")).href)) as { operations: Array<{ item: string }> };
    expect(module.operations[0]!.item).toBe(evil);
  });

  it("puts methods in namespaces that follow the folders", () => {
    expect(text).toMatch(/export interface Client \{[\s\S]*readonly users: ClientUsers;/);
    expect(text).toMatch(/export interface ClientUsers \{[\s\S]*updateUserStatus\(/);
    expect(text).toMatch(/return \{\s*users: \{\s*updateUserStatus: \(args, requestOptions\) =>/);
  });

  it("types JSON bodies and responses from their examples", () => {
    const json: OperationModel = {
      ...op,
      body: { encoding: "json", contentType: "application/json" },
      args: [{ arg: "user", name: "user", in: "body", required: false, type: "json", shape: { kind: "object", properties: [{ name: "first-name", shape: { kind: "string" }, optional: true }] }, source: "x" }],
      responses: [
        {
          status: 200,
          errorCodes: [],
          examples: [{ name: "ok", contentType: "application/json", body: "[1]", source: "x" }],
          shape: { kind: "array", items: { kind: "union", of: [{ kind: "number" }, { kind: "null" }] } },
        },
      ],
    };
    const emitted = emitClient({ ...model, operations: [json] }).ts;
    expect(emitted).toContain('user?: { "first-name"?: string };');
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
    const emitted = emitClient({ ...model, operations: [inferred] }).ts;
    expect(emitted).toContain("   * Found.\n   * Inferred from 2 examples.\n   */\n  200: { id: number };");
    // Text is what the runtime gives: nothing inferred, no JSDoc.
    expect(emitted).toContain("  /** Inferred from 1 example. */\n  201: { id: number };\n  202: string;\n");
    expect(emitted).toContain("   * JSON body field `user`, optional.\n   * Inferred from 1 example.\n");
  });

  it("is deterministic", () => {
    expect(emitClient(model).ts).toBe(text);
  });

  it("wraps one JavaScript body in each module format's imports and exports, exporting what the declarations declare", () => {
    const { js, dts } = emitClient(model);
    const declared = [...dts.matchAll(/^export declare (?:const|function) (\w+)/gm)].map((m) => m[1]!).sort();
    expect(declared).toContain("createClient");
    const esmExports = /^export \{\n([^}]*)\};$/m.exec(js.esm)?.[1]?.split(",").map((name) => name.trim()).filter(Boolean);
    expect(esmExports?.sort()).toEqual(declared);
    expect([...js.cjs.matchAll(/^exports\.(\w+) = \1;$/gm)].map((m) => m[1]!).sort()).toEqual(declared);
    // The lines between the module lines are the same text.
    const between = (text: string, moduleLine: RegExp, end: RegExp) => {
      const lines = text.split("\n");
      const start = lines.findLastIndex((line) => moduleLine.test(line)) + 1;
      return lines.slice(start, lines.findIndex((line, i) => i >= start && end.test(line)));
    };
    const esmBody = between(js.esm, /^import \{/, /^export \{/);
    expect(esmBody.length).toBeGreaterThan(20);
    expect(between(js.cjs, /^const \{ \w+(, \w+)* \} = require\("\.\/runtime\//, /^exports\./)).toEqual(esmBody);
    expect(js.cjs).toMatch(/^\/\/ Generated by postman-codegen[^\n]*\n"use strict";\n/);
    expect(js.esm).not.toMatch(/\brequire\(|\bexports\./);
  });
});

describe("compile", () => {
  it("refuses code that does not type-check, as a generator bug", () => {
    expect(() => compile(new Map([["src/index.ts", "export const a: number = 'x';"]]), [], { typeCheck: true })).toThrow(/does not compile/);
  });

  it("checks against DOM and ES libraries only: Node globals are not there", () => {
    expect(() => compile(new Map([["src/index.ts", "export const b = Buffer.from('x');"]]), [], { typeCheck: true })).toThrow(/Buffer/);
  });

  it("compiles each file to ES modules in dist/ and CommonJS in dist/cjs/, with the same declarations", () => {
    const source = 'import { b } from "./b.js";\nexport const a: number = b + 1;\n';
    const out = compile(new Map([["src/runtime/a.ts", source]]), ["src/runtime/a.ts"]);
    expect([...out.keys()].sort()).toEqual(["dist/cjs/runtime/a.d.ts", "dist/cjs/runtime/a.js", "dist/runtime/a.d.ts", "dist/runtime/a.js"]);
    expect(out.get("dist/cjs/runtime/a.d.ts")).toBe(out.get("dist/runtime/a.d.ts"));
    expect(out.get("dist/runtime/a.js")).toMatch(/^import \{ b \} from "\.\/b\.js";$/m);
    expect(out.get("dist/cjs/runtime/a.js")).toMatch(/require\("\.\/b\.js"\)/);
    expect(out.get("dist/cjs/runtime/a.js")).toMatch(/exports\.a = /);
  });
});
