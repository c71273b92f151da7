// Operations' names across regenerations (model/naming.ts, NamingOptions.before): a request added
// with the name of one already there renames nothing published. Before, a repeated name took its
// folders along for every request that had it, so adding a second "Update user status" renamed the
// existing `updateUserStatus` export to `usersUpdateUserStatus` (and, in the same folder, its
// method to `updateUserStatus2`): a breaking change the user did not make, which CHANGELOG.md
// recorded as one. So did a folder added as `USERS` beside `Users` (sorting first, it took
// `client.users`, and `Users` became `client.users2`), or named like a request beside it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHANGELOG_FILE } from "../../src/diff/changelog.js";
import { packageSurface, readSurface, type OperationSurface } from "../../src/diff/surface.js";
import { comparePackages } from "../../src/diff/compare.js";
import { generate, loadTarget } from "../../src/generate.js";
import { readManifest } from "../../src/cache/manifest.js";
import { runCli } from "../helpers/cli.js";
import { inFolder, scratch, seed, withNamesakeFolders, withNamesakes, writeCollection, type Json } from "./helpers.js";

const operations = (out: string): OperationSurface[] => readSurface(readManifest(out)!.surface)!.operations;
/** The package's folders' modules, where their operations' standalone functions are. */
const resources = (out: string): string =>
  readdirSync(join(out, "src/resources"))
    .map((file) => readFileSync(join(out, "src/resources", file), "utf8"))
    .join("\n");

/**
 * Generates the seed in its folder (or `first`), then regenerates the same output from `edited`: the names the
 * first output gave the seed's request and what the second gave it, and the regeneration's diff.
 */
async function regenerate(edited: Json, first: Json = inFolder()) {
  const dir = scratch("postman-codegen-kept-names-");
  const out = join(dir, "out");
  const before = writeCollection(first, dir, "before.postman_collection.json");
  const after = writeCollection(edited, dir, "after.postman_collection.json");
  const target = (collection: string) => ({ collection, out, name: "seed", version: "auto" });
  await generate([target(before)]);
  const [existing] = operations(out);
  const exportsBefore = readSurface(readManifest(out)!.surface)!.exports!;
  const resourcesBefore = resources(out);
  const { api } = (await generate([target(after)])).targets[0]!;
  // The operation that was there (the one request of this method and path).
  const kept = operations(out).find((op) => op.method === existing!.method && op.path === existing!.path)!;
  return { dir, out, before, after, existing: existing!, kept, exportsBefore, resourcesBefore, api };
}

/** A GET request whose one example returns `body` as JSON. */
const request = (name: string, path: string, body: Json): Json => ({
  name,
  request: {
    method: "GET",
    url: { raw: `https://api.example.com/${path}`, host: ["https://api.example.com"], path: [path] },
  },
  response: [
    {
      name: "OK",
      code: 200,
      status: "OK",
      header: [{ key: "Content-Type", value: "application/json" }],
      body: JSON.stringify(body),
    },
  ],
});
/** A collection of a folder `Items` holding `requests`. */
const items = (...requests: Json[]): Json => ({
  info: { name: "kept types", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  item: [{ name: "Items", item: requests }],
});

describe("operations' names across regenerations", () => {
  it("keeps an operation's export and method when a request of the same name is added", async () => {
    const { dir, out, before, after, existing, kept, resourcesBefore, api } = await regenerate(withNamesakes());
    expect(resourcesBefore).toContain(`export function ${existing.export}(`);
    // The operation that was there has the names it had.
    expect([kept.op, kept.export]).toEqual([existing.op, existing.export]);
    expect(resources(out)).toContain(`export function ${existing.export}(`);
    expect(operations(out)).toHaveLength(3);
    // Two operations added, nothing broken: no major change, no Breaking section.
    expect(api.changes.filter((change) => change.level === "major")).toEqual([]);
    expect(api.changes.filter((change) => change.kind === "operation-added")).toHaveLength(2);
    expect(api.verdict).toBe("minor");
    const changelog = readFileSync(join(out, CHANGELOG_FILE), "utf8");
    const entry = changelog.slice(
      changelog.indexOf("\n## "),
      changelog.indexOf("\n## ", changelog.indexOf("\n## ") + 1),
    );
    expect(entry).toContain("### Added");
    expect(entry).not.toContain("### Breaking");

    // `postman-codegen diff <old> <new>` judges as the regeneration did.
    const diff = await runCli(["diff", before, after, "--json"], dir);
    expect(diff.code).toBe(0);
    expect(JSON.parse(diff.stdout)).toEqual({ verdict: api.verdict, changes: api.changes });
  }, 60_000);

  it("keeps a namespace and a method when folders that camelCase like them are added", async () => {
    const { dir, out, before, after, existing, kept, exportsBefore, api } = await regenerate(withNamesakeFolders());
    expect([kept.op, kept.export]).toEqual([existing.op, existing.export]);
    expect(operations(out)).toHaveLength(3);
    // Every name the package exported (the namespace's interface among them) is exported still.
    const exportsAfter = readSurface(readManifest(out)!.surface)!.exports!;
    expect(exportsBefore.filter((name) => !exportsAfter.includes(name))).toEqual([]);
    expect(api.changes.filter((change) => change.level === "major")).toEqual([]);
    expect(api.changes.filter((change) => change.kind === "operation-added")).toHaveLength(2);
    expect(api.verdict).toBe("minor");

    const diff = await runCli(["diff", before, after, "--json"], dir);
    expect(diff.code).toBe(0);
    expect(JSON.parse(diff.stdout)).toEqual({ verdict: api.verdict, changes: api.changes });
  }, 60_000);

  it("keeps a namespace's interface when a folder whose path reads alike is added", async () => {
    // `Users/Admins` is typed `ClientUsersAdmins`; `Users Admins`, sorting first, took that name.
    const nested = (): Json => {
      const collection = seed();
      collection.item = [{ name: "Users", item: [{ name: "Admins", item: collection.item }] }];
      return collection;
    };
    const edited = nested();
    const copy = structuredClone(edited.item[0].item[0].item[0]);
    copy.request.method = "PATCH";
    edited.item.push({ name: "Users Admins", item: [copy] });
    const { dir, out, before, after, exportsBefore, api } = await regenerate(edited, nested());
    expect(resources(out)).toContain("readonly admins: ClientUsersAdmins;");
    const surface = readSurface(readManifest(out)!.surface)!;
    expect(surface.namespaces).toMatchObject({ "users.admins": "ClientUsersAdmins" });
    expect(exportsBefore.filter((name) => !surface.exports!.includes(name))).toEqual([]);
    expect(api.changes.filter((change) => change.level === "major")).toEqual([]);
    const diff = await runCli(["diff", before, after, "--json"], dir);
    expect(JSON.parse(diff.stdout)).toEqual({ verdict: api.verdict, changes: api.changes });

    // Named afresh, as before a regeneration kept them, the diff says what moved: the name is
    // exported still, by the other namespace.
    const fresh = packageSurface(await loadTarget({ collection: after, out: "", name: "seed" }));
    const renamed = comparePackages(readSurface(readManifest(out)!.surface)!, fresh).changes;
    expect(renamed).toContainEqual(
      expect.objectContaining({ level: "major", kind: "export-renamed", operation: "client.users.admins" }),
    );
  }, 60_000);

  it("keeps a shared type's name when an operation or a folder added would type itself so", async () => {
    // Two requests (in a folder: the package has folders' modules) share `search_result` and `client_settings` (the types `SearchResult` and
    // `ClientSettings`); then a request `Search` is added (its result type: `SearchResult`) and a
    // folder `Settings` (its interface: `ClientSettings`). The newcomers took those names and the
    // shared types silently became `SearchResultShape` and `ClientSettingsShape`.
    const shared = { search_result: { id: 1, title: "x" }, client_settings: { theme: "dark", locale: "en" } };
    const first = items(request("Get a", "a", { ...shared, a: 1 }), request("Get b", "b", { ...shared, b: 2 }));
    const edited = structuredClone(first);
    edited.item.push(request("Search", "search", { hits: 3 }), {
      name: "Settings",
      item: [request("Get theme", "theme", { dark: true })],
    });
    const { dir, out, before, after, exportsBefore, api } = await regenerate(edited, first);
    const surface = readSurface(readManifest(out)!.surface)!;
    expect(Object.keys(surface.types!)).toEqual(expect.arrayContaining(["ClientSettings", "SearchResult"]));
    // Every name the package exported is exported still, naming what it named.
    expect(exportsBefore.filter((name) => !surface.exports!.includes(name))).toEqual([]);
    expect(api.changes.filter((change) => change.level === "major")).toEqual([]);
    // The newcomers are numbered, as a request named like a kept operation is.
    const search = surface.operations.find((op) => op.path === "/search")!;
    expect([search.op, search.export]).toEqual(["client.search", "search2"]);
    expect(surface.namespaces).toMatchObject({ settings: "ClientSettings2" });
    expect(readFileSync(join(out, "src/client.ts"), "utf8")).toContain("readonly settings: ClientSettings2;");
    // `postman-codegen diff <old> <new>` names the new collection as the regeneration did.
    const diff = await runCli(["diff", before, after, "--json"], dir);
    expect(JSON.parse(diff.stdout)).toEqual({ verdict: api.verdict, changes: api.changes });
  }, 60_000);

  it("refuses a config name whose type a kept shared type has, writing nothing", async () => {
    // Two requests share `search_result` (the type `SearchResult`); then the config names one
    // `search`, whose result type is `SearchResult` too. The shared type became
    // `SearchResultShape` without a word, and the package's `SearchResult` named another type.
    const shared = { search_result: { id: 1, title: "x" } };
    const collection = items(request("Get a", "a", { ...shared, a: 1 }), request("Get b", "b", { ...shared, b: 2 }));
    const { first, refused, written } = await refusedOverride(collection, { "Items/Get a": "search" });
    expect(first).toContain("export interface SearchResult {");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'postman-codegen.config.json at targets[0].names["Items/Get a"]: the name "search" is already taken: SearchResult is a shared type of the output this regenerates',
    );
    // Nothing written: the output is the one the first run made.
    expect(written).toBe(first);
  }, 60_000);

  it("refuses a config name whose type a kept namespace interface has, writing nothing", async () => {
    // The folder `Items/Result` is typed `ClientItemsResult`; then the config names a request
    // `clientItems`, whose result type is `ClientItemsResult` too. The namespace's interface became
    // `ClientItemsResult2` without a word, and the package's `ClientItemsResult` named another type.
    const collection = items(request("Get b", "b", { b: 2 }));
    collection.item[0].item.push({ name: "Result", item: [request("Get a", "a", { a: 1 })] });
    const { first, refused, written } = await refusedOverride(collection, { "Items/Get b": "clientItems" });
    expect(first).toContain("export interface ClientItemsResult {");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'postman-codegen.config.json at targets[0].names["Items/Get b"]: the name "clientItems" is already taken: ClientItemsResult is a namespace\'s interface of the output this regenerates',
    );
    expect(written).toBe(first);
  }, 60_000);
});

/**
 * Generates `collection` with a config that names nothing, then again with `names`: what the first
 * run wrote (the package's types and manifest), the second run's answer, and what is there after it.
 */
async function refusedOverride(collection: Json, names: Json) {
  const dir = scratch("postman-codegen-kept-names-");
  const out = join(dir, "out");
  writeCollection(collection, dir, "c.json");
  const config = (given?: Json) =>
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({
        targets: [{ collection: "c.json", out: "out", name: "kt", ...(given ? { names: given } : {}) }],
      }),
    );
  const output = () =>
    [
      existsSync(join(out, "src/shapes.ts")) ? readFileSync(join(out, "src/shapes.ts"), "utf8") : "",
      resources(out),
      readFileSync(join(out, ".postman-codegen.json"), "utf8"),
    ].join("\n");
  config();
  expect((await runCli(["generate"], dir)).code).toBe(0);
  const first = output();
  config(names);
  const refused = await runCli(["generate"], dir);
  return { first, refused, written: output() };
}
