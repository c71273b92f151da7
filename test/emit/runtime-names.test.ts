// Requests named like the runtime's exports ("To file" → toFile) and like the client module's own
// names keep working standalone functions: the public names are reserved from one table
// (src/model/reserved-names.ts), so the index neither shadows an operation with a runtime export
// nor the other way round, and the client modules import every other runtime name under a name no
// operation takes (`$encodeJson`).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  FROZEN_CLIENT_IMPORTS,
  INDEX_EXPORTS,
  RESERVED_IDENTIFIERS,
  RUNTIME_PREFIX,
} from "../../src/model/reserved-names.js";
import { operationIdentifiers } from "../../src/model/naming.js";
import { emitTarget } from "../../src/generate.js";
import type { ApiModel } from "../../src/model/types.js";
import { writePackage } from "../../src/write/write-package.js";
import { ROOT } from "../helpers/seed.js";
import { useRecordingServer } from "../helpers/recording.js";

/** A request name whose method name is `identifier`: `toFile` → "to File". */
const requestName = (identifier: string) => identifier.replace(/([a-z0-9])([A-Z])/g, "$1 $2");

/** Every value the runtime's modules export, read from the modules themselves, not from a list. */
async function runtimeValues(): Promise<string[]> {
  const dir = join(ROOT, "src/runtime");
  const modules = readdirSync(dir).filter((f) => f.endsWith(".ts"));
  return (
    await Promise.all(modules.map(async (f) => Object.keys((await import(pathToFileURL(join(dir, f)).href)) as object)))
  ).flat();
}

/** What Node's wrapper of a CommonJS module (dist/cjs) gives its top-level scope. */
const COMMONJS_SCOPE = ["require", "exports", "module", "__filename", "__dirname"];

let names: string[];
let dir: string;
let model: ApiModel;
let pkg: Record<string, unknown>;
const server = useRecordingServer({ resetEach: false });

beforeAll(async () => {
  const indexNames = INDEX_EXPORTS.flatMap((m) => [...m.values, ...m.types]);
  names = [...new Set([...(await runtimeValues()), ...indexNames, ...RESERVED_IDENTIFIERS, ...COMMONJS_SCOPE])].sort();
  dir = mkdtempSync(join(tmpdir(), "postman-codegen-runtime-names-"));
  const collection = {
    info: { name: "Runtime names", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    // Auth, bodies and headers, so that the client imports authorizers, encoders and request
    // features beside the core: each is a name the operations' functions sit beside.
    auth: { type: "bearer", bearer: [{ key: "token", value: "{{token}}", type: "string" }] },
    item: names.map((name, i) => ({
      name: requestName(name),
      request: {
        method: i % 2 ? "POST" : "GET",
        url: { raw: `{{baseUrl}}/op/${i}`, host: ["{{baseUrl}}"], path: ["op", String(i)] },
        ...(i % 5 === 0 ? { header: [{ key: "X-Trace", value: "on" }] } : {}),
        ...(i % 4 === 1 ? { body: { mode: "formdata", formdata: [{ key: "note", value: "hi", type: "text" }] } } : {}),
        ...(i % 4 === 3 ? { body: { mode: "raw", raw: '{"a":1}', options: { raw: { language: "json" } } } } : {}),
      },
    })),
  };
  writeFileSync(join(dir, "names.postman_collection.json"), JSON.stringify(collection));
  const out = join(dir, "out");
  // Type-checked: an operation's function or type clashing with an import does not compile.
  const emitted = await emitTarget(
    { collection: join(dir, "names.postman_collection.json"), out, name: "runtime-names" },
    { typeCheck: true },
  );
  model = emitted.model;
  await writePackage(out, emitted.files);
  pkg = (await import(pathToFileURL(join(out, "dist/index.js")).href)) as Record<string, unknown>;
}, 120_000);

describe("requests named like the runtime's and the client's own names", () => {
  it("names a request after every runtime export and reserved name, so the test covers each", () => {
    expect(model.operations.map((op) => op.item)).toEqual(names.map(requestName));
  });

  /** Calls every operation's standalone function of `built` and checks each sends its own request. */
  async function callEach(built: Record<string, unknown>): Promise<void> {
    const createBaseClient = built["createBaseClient"] as (options: object) => unknown;
    const base = createBaseClient({ baseUrl: server.url, maxRetries: 0, variables: { token: "t" } });
    for (const [i, op] of model.operations.entries()) {
      const standalone = built[op.exportName];
      expect(typeof standalone, op.exportName).toBe("function");
      server.reply({ status: 204 });
      await (standalone as (client: unknown, args: object) => Promise<unknown>)(base, {});
      expect(server.requests.at(-1)?.path, `${op.item} → ${op.exportName}`).toBe(`/op/${i}`);
    }
  }

  it("gives each operation a standalone function that sends its own request", async () => {
    await callEach(pkg);
  });

  it("does the same in the CommonJS build, whose module scope has require and exports", async () => {
    await callEach(createRequire(import.meta.url)(join(dir, "out/dist/cjs/index.js")) as Record<string, unknown>);
  });

  /** Each name a client module (src/client.ts, src/resources/*.ts) imports from the runtime, with its own name for it. */
  function clientImports(): Array<{ name: string; local: string }> {
    const src = join(dir, "out/src");
    const resources = existsSync(join(src, "resources")) ? readdirSync(join(src, "resources")) : [];
    const modules = ["client.ts", ...resources.map((f) => `resources/${f}`)];
    return modules.flatMap((module) =>
      [
        ...readFileSync(join(src, module), "utf8").matchAll(/^import (?:type )?\{([^}]*)\} from "\.\.?\/runtime\//gm),
      ].flatMap((m) =>
        m[1]!
          .split(",")
          .map((n) => n.replace(/^\s*type\s+/, "").trim())
          .filter(Boolean)
          .map((n) => {
            const [name, local] = n.split(/\s+as\s+/) as [string, string?];
            return { name, local: local ?? name };
          }),
      ),
    );
  }

  it("imports each runtime name under a name no operation takes: a public or frozen one reserved, any other prefixed", () => {
    const imported = clientImports();
    expect(imported.length).toBeGreaterThan(3);
    const publicNames = new Set(INDEX_EXPORTS.flatMap((m) => [...m.values, ...m.types]));
    // A public name is what an app imports from the index: reserved, and read under its own name.
    for (const { name, local } of imported.filter((i) => publicNames.has(i.name))) {
      expect(local, name).toBe(name);
      expect(RESERVED_IDENTIFIERS, name).toContain(name);
    }
    // Every other is the runtime's internal: as it is where it was reserved before the client
    // aliased its imports (frozen, and still reserved), else under the prefix, which the naming pass
    // never gives.
    const internal = imported.filter((i) => !publicNames.has(i.name));
    expect(internal.length).toBeGreaterThan(3);
    for (const { name, local } of internal) {
      if (FROZEN_CLIENT_IMPORTS.includes(name)) {
        expect(local, name).toBe(name);
        expect(RESERVED_IDENTIFIERS, name).toContain(name);
      } else expect(local, name).toBe(`${RUNTIME_PREFIX}${name}`);
    }
    // And no operation of the package, each named after a runtime or reserved name, took any of them.
    const identifiers = model.operations.flatMap((op) => operationIdentifiers(op.exportName));
    expect(identifiers.filter((id) => id.startsWith(RUNTIME_PREFIX))).toEqual([]);
    const locals = new Set(imported.map((i) => i.local));
    expect(identifiers.filter((id) => locals.has(id))).toEqual([]);
  });

  it("keeps every runtime export of the index as the runtime's", async () => {
    for (const { module, values } of INDEX_EXPORTS) {
      // A module the index takes only types from has no JavaScript in the package (lean2's rule):
      // nothing to compare.
      if (!values.length) continue;
      const runtime = (await import(pathToFileURL(join(dir, "out/dist", module.replace(/^\.\//, ""))).href)) as Record<
        string,
        unknown
      >;
      for (const value of values) expect(pkg[value], value).toBe(runtime[value]);
    }
  });
});

describe("a request at the root named like createClient's parameter", () => {
  // Postman names an OPTIONS request "Options" by default: its function, `options`, sat in
  // createClient's scope under its parameter `options`, and the client did not compile.
  it("compiles, and its method sends its own request", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-options-name-"));
    const collection = {
      info: { name: "Options", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      item: [
        { name: "Options", request: { method: "OPTIONS", url: "{{baseUrl}}/things" } },
        { name: "List things", request: { method: "GET", url: "{{baseUrl}}/things" } },
      ],
    };
    writeFileSync(join(dir, "options.postman_collection.json"), JSON.stringify(collection));
    const out = join(dir, "out");
    const emitted = await emitTarget(
      { collection: join(dir, "options.postman_collection.json"), out, name: "options-name" },
      { typeCheck: true },
    );
    await writePackage(out, emitted.files);
    const built = (await import(pathToFileURL(join(out, "dist/index.js")).href)) as {
      createClient: (options: object) => { options: () => Promise<unknown> };
    };
    server.reply({ status: 204 });
    await built.createClient({ baseUrl: server.url, maxRetries: 0 }).options();
    expect(server.requests.at(-1)).toMatchObject({ method: "OPTIONS", path: "/things" });
  }, 120_000);
});
