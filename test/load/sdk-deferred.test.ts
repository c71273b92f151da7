// The SDK's faker, semver, uuid and the packages it reads a received body with
// (src/load/sdk-deferred.ts): a generation never loads them, and they still work when something
// calls them. Each case runs the built command or module in a fresh process, where nothing else
// has loaded any of them yet.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadedModules } from "../helpers/loaded-modules.js";
import { runProgram } from "../helpers/program.js";
import { ROOT, SEED_COLLECTION } from "../helpers/seed.js";

/**
 * A file of the real faker, semver, uuid, iconv-lite, mime, mime-format or liquid-json, past the
 * entry point the stand-in replaces (file-type is that one file alone: its case is the one below).
 */
const DEFERRED_FILE =
  /[\\/](@faker-js[\\/]faker[\\/]lib[\\/]|semver[\\/](classes|functions|internal)[\\/]|uuid[\\/]dist[\\/]v4\.js|iconv-lite[\\/]encodings[\\/]|mime[\\/]Mime\.js|mime-format[\\/]db\.json|liquid-json[\\/]lib[\\/])/;

/** Each deferred package, by a file its real module loads. */
const DEFERRED_PACKAGES = ["@faker-js", "semver", "uuid", "iconv-lite", "mime", "mime-format", "liquid-json"];

describe("the SDK's deferred packages", () => {
  it("a generation loads none of them", async () => {
    const out = mkdtempSync(join(tmpdir(), "postman-codegen-deferred-"));
    // The seed's example answers have a body, headers and a status each.
    const result = await loadedModules(["generate", SEED_COLLECTION, "--out", out, "--quiet"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.loaded.some((file) => file.includes("postman-collection"))).toBe(true);
    expect(result.loaded.filter((file) => DEFERRED_FILE.test(file))).toEqual([]);
  });

  it("the real packages do what the SDK asks of them", async () => {
    const script = `
      import ${JSON.stringify(`${ROOT}dist/load/sdk-deferred.js`)};
      import sdk from ${JSON.stringify(`${ROOT}dist/load/sdk.js`)};
      import { createRequire } from "node:module";
      const cache = createRequire(import.meta.url).cache;
      const deferred = () => Object.keys(cache).filter((file) => ${DEFERRED_FILE}.test(file));
      const before = deferred();
      const text = new sdk.VariableScope({}).replaceIn("{{$randomFirstName}}|{{$randomPhoneNumber}}|{{$randomCity}}");
      const version = new sdk.Collection({ info: { name: "c", version: "1.2.3-beta.1" } }).version;
      const id = new sdk.Item({ name: "i" }).id;
      const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
      // The type of a body without one is file-type's; its extension mime's, from its Content-Type.
      const image = new sdk.Response({ code: 200, stream: png, header: [] }).contentInfo();
      const typed = new sdk.Response({
        code: 200,
        stream: Buffer.from("{}"),
        header: [{ key: "Content-Type", value: "application/json" }],
      }).contentInfo();
      const latin1 = new sdk.Response({
        code: 200,
        stream: Buffer.from([0x63, 0x61, 0x66, 0xe9]),
        header: [{ key: "Content-Type", value: "text/plain; charset=ISO-8859-1" }],
      }).text();
      const json = new sdk.Response({ code: 200, body: '{"a": 1}' }).json();
      const after = deferred();
      console.log(JSON.stringify({ before, text, version, id, image, typed, latin1, json, after }));
    `;
    const result = await runProgram(process.execPath, ["--input-type=module", "-e", script]);
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout) as {
      before: string[];
      text: string;
      version: object;
      id: string;
      image: Record<string, unknown>;
      typed: Record<string, unknown>;
      latin1: string;
      json: unknown;
      after: string[];
    };
    expect(out.before).toEqual([]);
    const [firstName, phone, city] = out.text.split("|");
    expect(firstName).toMatch(/^[^{}|]+$/);
    expect(phone).toMatch(/^\d{3}-\d{3}-\d{4}$/);
    expect(city).toMatch(/^[^{}|]+$/);
    expect(out.version).toMatchObject({ raw: "1.2.3-beta.1", major: 1, minor: 2, patch: 3 });
    expect(out.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(out.image).toMatchObject({ contentType: "image/png", mimeFormat: "image", fileExtension: "png" });
    expect(out.typed).toMatchObject({ contentType: "application/json", mimeFormat: "json", fileExtension: "json" });
    expect(out.latin1).toBe("café");
    expect(out.json).toEqual({ a: 1 });
    for (const name of DEFERRED_PACKAGES)
      expect(out.after.some((file) => file.includes(`node_modules/${name}/`))).toBe(true);
  });

  it("a program importing the package as a library gets the SDK's own packages", async () => {
    // Only the command defers them: a program's own reads of faker (a locale string, say) must see faker.
    const script = `
      import { loadCollection } from ${JSON.stringify(`${ROOT}dist/index.js`)};
      import { createRequire } from "node:module";
      const cache = createRequire(import.meta.url).cache;
      await loadCollection(${JSON.stringify(SEED_COLLECTION)});
      console.log(JSON.stringify(Object.keys(cache).filter((file) => ${DEFERRED_FILE}.test(file)).length > 0));
    `;
    const result = await runProgram(process.execPath, ["--input-type=module", "-e", script]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toBe(true);
  });
});
