// Shapes that recur, named once (src/model/shared-shapes.ts): an object shape the client would write
// in two places or more is one exported type in src/shapes.ts, named from its key (`owner` →
// `Owner`), an array's key made singular (`labels` → `Label`) or what its path ends with
// (`/repos/{repo}` → `Repo`), after its own first place's operation when a place of another comes
// first (`GetOrgOwner`), a global's name avoided (`FileShape`); each place refers to it. A shape sent (every key optional) is apart
// from the one received, and named after it. The names do not move when unrelated operations come
// or go (nor when the operations of another shape that wants the same name do, nor when another
// request's examples change: who has a name is decided by places, not by ranking the shapes), and
// the declarations type-check under --strict with skipLibCheck false, for import and for require.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { createProgram, preEmitDiagnostics } from "./helpers/type-check.js";
import { beforeAll, describe, expect, it } from "vitest";
import { strictConsumerOptions } from "./helpers/consumer-options.js";
import { diffCollections } from "../src/diff/collections.js";
import { emitTarget, generate } from "../src/generate.js";
import { writePackage } from "../src/write/write-package.js";
import { FIXTURES, SEED_COLLECTION } from "./helpers/seed.js";
import { keyAdded, namedShapes, othersThan } from "./helpers/shared-shapes.js";

const COLLECTION = join(FIXTURES, "inference", "shared-shapes.postman_collection.json");
const OUT = mkdtempSync(join(tmpdir(), "shared-shapes-"));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function emit(collection: string, name: string): Promise<Map<string, string>> {
  const { files } = await emitTarget({ collection, out: join(OUT, name), name }, { cache: false });
  return new Map(files);
}

/** A copy of the fixture, changed, written beside the outputs. */
function variant(name: string, change: (c: Json) => void): string {
  const collection = JSON.parse(readFileSync(COLLECTION, "utf8")) as Json;
  change(collection);
  const file = join(OUT, `${name}.postman_collection.json`);
  writeFileSync(file, JSON.stringify(collection));
  return file;
}

/** A request that gets `body`, as its one example shows. */
const getting = (name: string, path: string, body: Json): Json => ({
  name,
  request: { method: "GET", url: `{{baseUrl}}${path}` },
  response: [
    { name: "OK", code: 200, header: [{ key: "Content-Type", value: "application/json" }], body: JSON.stringify(body) },
  ],
});

/** The declarations of a package's src/shapes.ts, by name. */
const interfacesOf = (shapes: string) =>
  new Map([...shapes.matchAll(/^export interface (\w+) (\{\n.*?^\})$/gms)].map((m) => [m[1]!, m[2]!]));

let files: Map<string, string>;
beforeAll(async () => {
  files = await emit(COLLECTION, "shared");
  await writePackage(join(OUT, "shared"), files);
}, 60_000);

describe("shared shapes", () => {
  it("declares each recurring shape once, named from its key, its array's key or its path; no shape for a client without any", async () => {
    const shapes = files.get("src/shapes.ts")!;
    expect([...shapes.matchAll(/^export interface (\w+) \{/gm)].map((m) => m[1])).toEqual([
      "CreateRepoOwner",
      "FileShape",
      "GetHealthBody",
      "GetOrgOwner",
      "Label",
      "Owner",
      "Repo",
      "User",
    ]);
    expect(shapes).toContain(
      "export interface Repo {\n  id: number;\n  full_name: string;\n  owner: Owner;\n  labels: Label[];\n}",
    );
    expect(shapes).toContain("export interface Owner {\n  login: string;\n  id: number;\n  site_admin: boolean;\n}");
    expect(shapes).toContain("export interface GetOrgOwner {\n  login: string;\n  type: string;\n}");
    // What two request bodies send under `owner`: the response's owner, every key optional.
    expect(shapes).toContain(
      "export interface CreateRepoOwner {\n  login?: string | undefined;\n  id?: number | undefined;\n  site_admin?: boolean | undefined;\n}",
    );
    // The seed's module holds only the type of its arguments sent as text (test/consumers/text-alias.test.ts).
    const seed = await emit(SEED_COLLECTION, "seed");
    expect(seed.get("src/shapes.ts")).not.toMatch(/^export interface/m);
    expect(seed.get("src/client.ts")).toMatch(/^import type \{ Text \} from "\.\/shapes\.js";$/m);
  }, 60_000);

  it("refers to them at each place, and writes none of them out again", () => {
    const client = files.get("src/client.ts")!;
    expect(client).toMatch(
      /import type \{\s*CreateRepoOwner,\s*FileShape,\s*GetHealthBody,\s*GetOrgOwner,\s*Label,\s*Owner,\s*Repo,\s*Text,\s*User,?\s*\} from "\.\/shapes\.js";/,
    );
    expect(client).toContain('export * from "./shapes.js";');
    // Twenty repositories and the one created; the org's owner, twice; users under three keys.
    expect(client.match(/^  20[01]: Repo;$/gm)).toHaveLength(21);
    expect(client).toContain("200: { id: number; owner: GetOrgOwner };");
    expect(client).toContain("200: { users: User[]; total: number };");
    expect(client).toContain("200: { id: number; author: User; body: string };");
    expect(client).toContain("200: { number: number; title: string; labels: Label[] };");
    expect(client).toContain("200: { id: string; files: Record<string, FileShape> };");
    // JSON body fields sent with the shape of a response's refer to its sent variant.
    expect(client.match(/^  owner\?: CreateRepoOwner \| undefined;$/gm)).toHaveLength(2);
    expect(client).toContain("200: { owner: Owner; since: number };");
    const modules = [...files].filter(([path]) => /^(src|dist|dist\/cjs)\/(client|resources\/)/.test(path));
    expect(modules.length).toBeGreaterThanOrEqual(5);
    for (const [path, text] of modules) expect(text, path).not.toMatch(/site_admin: boolean|login: string/);
    // The JavaScript takes nothing from the types' module.
    expect(files.get("dist/client.js")).not.toContain("shapes");
    expect(files.get("dist/cjs/client.js")).not.toContain("shapes");
    expect(files.get("dist/client.d.ts")).toContain('export * from "./shapes.js";');
  });

  it("keeps every name and declaration when unrelated operations come or go", async () => {
    const added = variant("added", (c) => {
      c.item.unshift(getting("Get owner", "/owner", { owner: { handle: "x", since: 2020 } }));
    });
    const removed = variant("removed", (c) => {
      c.item = c.item.filter((item: Json) => !/^Get repo (1\d|[3-9])$/.test(item.name));
    });
    const shapes = files.get("src/shapes.ts");
    expect(shapes).toContain("export interface Owner {");
    expect((await emit(added, "added")).get("src/shapes.ts")).toBe(shapes);
    expect((await emit(removed, "removed")).get("src/shapes.ts")).toBe(shapes);
  }, 60_000);

  it("names the shapes only sent after the ones received: a body sent renames no shape, sent or received", async () => {
    // `{ avatar_url?, login? }` sorts before every owner received, and two places name it `Owner`.
    const sending = variant("sending", (c) => {
      c.item.push({
        name: "Transfer repos",
        request: {
          method: "POST",
          header: [{ key: "Content-Type", value: "application/json" }],
          url: "{{baseUrl}}/transfers",
          body: {
            mode: "raw",
            raw: JSON.stringify({
              owner: { avatar_url: "https://example.test/a.png", login: "octocat" },
              owners: [{ avatar_url: "https://example.test/b.png", login: "hubot" }],
            }),
            options: { raw: { language: "json" } },
          },
        },
        response: [],
      });
    });
    const declarations = (shapes: string) =>
      shapes
        .split("\n\n")
        .slice(1)
        .map((text) => text.replace(/^\/\*\*.*\*\/\n/, ""));
    const before = declarations(files.get("src/shapes.ts")!);
    const after = declarations((await emit(sending, "sending")).get("src/shapes.ts")!);
    const sent = (declaration: string) => declaration.includes("?:");
    expect(after.filter((d) => !sent(d))).toEqual(before.filter((d) => !sent(d)));
    // The owner `Create repo` sends keeps its name: the new one is named after its own operation.
    expect(after.filter(sent)).toEqual([
      "export interface CreateRepoOwner {\n  login?: string | undefined;\n  id?: number | undefined;\n  site_admin?: boolean | undefined;\n}",
      "export interface TransferReposOwner {\n  avatar_url?: string | undefined;\n  login?: string | undefined;\n}",
    ]);
  }, 60_000);

  it("renames no shape when the operations of another shape that wants the same name go", async () => {
    // The org's owner is the second of three shapes that want `Owner`; a rank among them (`Owner2`,
    // `Owner3`) would give the owner `Create repo` sends a new name without it.
    const orgless = variant("orgless", (c) => {
      c.item = c.item.filter((item: Json) => item.name !== "Get org" && item.name !== "Get org members");
    });
    const before = interfacesOf(files.get("src/shapes.ts")!);
    const after = interfacesOf((await emit(orgless, "orgless")).get("src/shapes.ts")!);
    // Every name left names the type it named; only the org's owner is gone.
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries([...before].filter(([name]) => after.has(name))));
    expect([...before.keys()].filter((name) => !after.has(name))).toEqual(["GetOrgOwner"]);
  }, 60_000);

  it("renames no shape a request does not use when its example changes or goes: the repo's owner no longer shared leaves the org's its name", async () => {
    // `Get repo owner` shared the repo's owner with `Repo`; with a key added to its example, or
    // without its example, the owner is written only in `Repo`. Ranking the shapes that want
    // `Owner` gave it to the org's.
    const edited = variant("repo-owner-edited", (c) => {
      const item = c.item.find((i: Json) => i.name === "Get repo owner");
      const body = JSON.parse(item.response[0].body) as Json;
      body.owner.avatar_url = "https://example.test/a.png";
      item.response[0].body = JSON.stringify(body);
    });
    const removed = variant("repo-owner-removed", (c) => {
      c.item.find((i: Json) => i.name === "Get repo owner").response = [];
    });
    const before = interfacesOf(files.get("src/shapes.ts")!);
    for (const [collection, name] of [
      [edited, "repo-owner-edited"],
      [removed, "repo-owner-removed"],
    ] as const) {
      const after = interfacesOf((await emit(collection, name)).get("src/shapes.ts")!);
      expect([...after.keys()], name).toEqual([...before.keys()].filter((name) => name !== "Owner"));
      for (const [name, declaration] of after) if (name !== "Repo") expect(declaration, name).toBe(before.get(name));
      expect(after.get("Repo")).toContain("  owner: { login: string; id: number; site_admin: boolean };");
    }
  }, 60_000);

  it("gives a plain name to the shape at the first place that wants it, shared or not: else to none", async () => {
    // `Add owner` comes before `Create repo`, and its owner is its own: `Owner` is no shape's, and
    // the repositories' owner is named after its own first place, the second owner of `Create
    // repo` (after the one it sends). The one case an unrelated request renames a shape: it adds
    // (or removes) an object under a name before the name's first place.
    const first = variant("first-owner", (c) => {
      c.item.push(getting("Add owner", "/owners/new", { owner: { login: "new", name: "New" } }));
    });
    const before = interfacesOf(files.get("src/shapes.ts")!);
    const after = interfacesOf((await emit(first, "first-owner")).get("src/shapes.ts")!);
    expect(after.has("Owner")).toBe(false);
    expect(after.get("CreateRepoOwner2")).toBe(before.get("Owner"));
    expect(after.get("CreateRepoOwner")).toBe(before.get("CreateRepoOwner"));
    expect(after.get("GetOrgOwner")).toBe(before.get("GetOrgOwner"));
  }, 60_000);

  it("gives a shape new to one request's example no name another shape has, whatever its structure", async () => {
    // `{ avatar_url, login }` comes before every other owner by its text, and is shared within the
    // request's own example: it took `Owner` from the shape the repositories share.
    const edited = variant("org-members-edited", (c) => {
      const item = c.item.find((i: Json) => i.name === "Get org members");
      const owner = { avatar_url: "https://example.test/g.png", login: "github" };
      item.response[0].body = JSON.stringify({ owner, owners: [owner], members: 3 });
    });
    const before = interfacesOf(files.get("src/shapes.ts")!);
    const after = interfacesOf((await emit(edited, "org-members-edited")).get("src/shapes.ts")!);
    // The request's own: the org's owner it shared (now `Get org`'s alone), its new owner.
    expect([...before.keys()].filter((name) => !after.has(name))).toEqual(["GetOrgOwner"]);
    expect([...after.keys()].filter((name) => !before.has(name))).toEqual(["GetOrgMembersOwner"]);
    expect(after.get("GetOrgMembersOwner")).toBe("{\n  avatar_url: string;\n  login: string;\n}");
    for (const [name, declaration] of after)
      if (name !== "GetOrgMembersOwner") expect(declaration, name).toBe(before.get(name));
  }, 60_000);

  it("renames, for any request whose examples change, only the shapes that request uses or used", async () => {
    // A key added to every object of the request's examples, or every value of another type: each
    // of its shapes a new one, each object under the key it had.
    const retyped = (value: Json): Json =>
      Array.isArray(value)
        ? value.map(retyped)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, retyped(v)]))
          : typeof value === "string"
            ? value.length
            : String(value);
    const edits = { "key added": keyAdded, "values retyped": retyped };
    const before = await namedShapes(COLLECTION);
    const requests = (JSON.parse(readFileSync(COLLECTION, "utf8")) as Json).item
      .filter((item: Json) => item.response?.length)
      .map((item: Json) => item.name as string);
    expect(requests.length).toBeGreaterThan(25);
    for (const request of requests)
      for (const [edit, change] of Object.entries(edits)) {
        const edited = variant(`edited-${edit}`, (c) => {
          for (const response of c.item.find((item: Json) => item.name === request).response)
            response.body = JSON.stringify(change(JSON.parse(response.body)));
        });
        const [others, othersAfter] = othersThan(request, before, await namedShapes(edited));
        expect(othersAfter, `${request}, ${edit}`).toEqual(others);
      }
  }, 120_000);

  it("records the shared shapes among the package's exports: a shape named is an export added, one no longer shared an export removed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shared-shapes-diff-"));
    const alone = variant("alone", (c) => {
      c.item = c.item.filter((item: Json) => item.name !== "Get comment" && item.name !== "Get team lead");
    });
    const target = (collection: string) => ({ collection, out: join(dir, "out"), name: "shared", version: "auto" });
    expect((await generate([target(alone)])).targets[0]!.api).toMatchObject({ verdict: "initial" });
    const more = (await generate([target(COLLECTION)])).targets[0]!.api as {
      verdict: string;
      changes: Array<{ kind: string; detail: string }>;
    };
    expect(more.verdict).toBe("minor");
    expect(more.changes.filter((c) => c.kind.startsWith("export"))).toEqual([
      { level: "minor", kind: "export-added", detail: "export `User` added" },
    ]);
    const fewer = (await generate([target(alone)])).targets[0]!.api as {
      verdict: string;
      changes: Array<{ kind: string; detail: string }>;
    };
    expect(fewer.verdict).toBe("major");
    expect(fewer.changes.filter((c) => c.kind.startsWith("export"))).toEqual([
      { level: "major", kind: "export-removed", detail: "export `User` removed" },
    ]);
  }, 60_000);

  it("keeps, at a regeneration, the name of each shared type still there: the plain name does not move to the next place", async () => {
    // Without `Create repo`'s examples, the first place that wants `Owner` is the org's: a first
    // generation gives it `Owner` (and the repositories' owner a name after its next place). A
    // regeneration of the output that had `Owner` for the repositories' owner, still there and
    // still shared, keeps it so, as it keeps `GetOrgOwner`: no name moves, none is added or removed.
    const dir = mkdtempSync(join(tmpdir(), "shared-shapes-kept-"));
    const exampleless = variant("create-repo-exampleless", (c) => {
      c.item.find((i: Json) => i.name === "Create repo").response = [];
    });
    const target = (collection: string) => ({ collection, out: join(dir, "out"), name: "shared", version: "auto" });
    await generate([target(COLLECTION)]);
    const before = interfacesOf(readFileSync(join(dir, "out", "src", "shapes.ts"), "utf8"));
    const api = (await generate([target(exampleless)])).targets[0]!.api as { changes: Array<{ kind: string }> };
    const after = interfacesOf(readFileSync(join(dir, "out", "src", "shapes.ts"), "utf8"));
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before));
    expect(api.changes.filter((c) => c.kind.startsWith("export"))).toEqual([]);
    // `diff` of the two collections says what such a regeneration would.
    const diffed = await diffCollections(COLLECTION, exampleless);
    expect(diffed.changes.filter((c) => c.kind.startsWith("export"))).toEqual([]);
    // With no output to build on, the first place decides, as always.
    const first = interfacesOf((await emit(exampleless, "create-repo-exampleless")).get("src/shapes.ts")!);
    expect(first.get("Owner")).toBe(before.get("GetOrgOwner"));
    expect(first.has("GetOrgOwner")).toBe(false);
    // An object added under the name before its first place (`Add owner` comes before `Create
    // repo`): a first generation gives `Owner` to no shape; a regeneration leaves it where it was.
    const added = variant("first-owner-regenerated", (c) => {
      c.item.push(getting("Add owner", "/owners/new", { owner: { login: "new", name: "New" } }));
    });
    await generate([target(COLLECTION)]);
    await generate([target(added)]);
    const kept = interfacesOf(readFileSync(join(dir, "out", "src", "shapes.ts"), "utf8"));
    expect(Object.fromEntries(kept)).toEqual(Object.fromEntries(before));
  }, 60_000);

  it("says of a name that stayed while its type changed that it changed", async () => {
    // Each repositories' owner without `site_admin`: the type named `Owner` is gone, and the shape
    // at the first place that wants the name, the new owner, has it. No export is added or
    // removed; what the name means changes, which an app that imports `Owner` reads, in a line of
    // its own (each operation's type reports its own change).
    const dir = mkdtempSync(join(tmpdir(), "shared-shapes-meaning-"));
    const withoutSiteAdmin = (text: string): string =>
      JSON.stringify(JSON.parse(text), (key, value: Json) =>
        key === "owner" && value && typeof value === "object" && "site_admin" in value
          ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== "site_admin"))
          : value,
      );
    const edited = variant("owner-edited", (c) => {
      for (const item of c.item) {
        for (const response of item.response ?? []) if (response.body) response.body = withoutSiteAdmin(response.body);
        if (item.request.body?.raw) item.request.body.raw = withoutSiteAdmin(item.request.body.raw);
      }
    });
    const target = (collection: string) => ({ collection, out: join(dir, "out"), name: "shared", version: "auto" });
    await generate([target(COLLECTION)]);
    const before = interfacesOf(readFileSync(join(dir, "out", "src", "shapes.ts"), "utf8"));
    const api = (await generate([target(edited)])).targets[0]!.api as {
      changes: Array<{ kind: string; detail: string; operation?: string }>;
    };
    const after = interfacesOf(readFileSync(join(dir, "out", "src", "shapes.ts"), "utf8"));
    expect(before.get("Owner")).toContain("site_admin");
    expect(after.get("Owner")).toBe("{\n  login: string;\n  id: number;\n}");
    const owner = api.changes.filter((c) => c.detail.includes("`Owner`"));
    expect(owner).toHaveLength(1);
    expect(owner[0]).toMatchObject({ kind: "export-type-changed" });
    expect(owner[0]!.operation).toBeUndefined();
    expect(owner[0]!.detail).toMatch(/^exported type `Owner` \(from examples only\) changed, old code may not compile/);
  }, 60_000);

  it("compiles plausible answers and refuses wrong scalars, through import and require, skipLibCheck false", () => {
    const dir = join(OUT, "shared", "consumers");
    mkdirSync(dir, { recursive: true });
    const lines = (entry: string) => [
      `import type { CreateRepoArgs, FileShape, GetGistResponses, GetRepo7Responses, Label, Owner, Repo, User } from ${JSON.stringify(entry)};`,
      'export const owner: Owner = { login: "hubot", id: 2, site_admin: true };',
      'export const labels: Label[] = [{ name: "docs", color: "0075ca" }];',
      'export const repo: GetRepo7Responses[200] = { id: 7, full_name: "hubot/r7", owner, labels };',
      "export const same: Repo = repo;",
      'export const args: CreateRepoArgs = { name: "r", owner };',
      'export const some: CreateRepoArgs = { name: "r", owner: { login: "hubot" } };',
      'export const file = (g: GetGistResponses[200]): FileShape | undefined => g.files["other.txt"];',
      'export const user: User = { id: 1, email: "b@example.test", name: "Bo" };',
      "export const wrongOwner: Owner = { login: 1, id: 2, site_admin: true }; // wrong",
      'export const wrongRepo: Repo = { ...repo, labels: [{ name: 1, color: "x" }] }; // wrong',
      'export const wrongUser: User = { id: "1", email: "b@example.test", name: "Bo" }; // wrong',
      'export const wrongArgs: CreateRepoArgs = { name: "r", owner: { login: 1 } }; // wrong',
    ];
    const roots = [
      ["esm.mts", "../dist/index.js"],
      ["cjs.cts", "../dist/cjs/index.js"],
    ].map(([file, entry]) => {
      const path = join(dir, file!);
      writeFileSync(path, `${lines(entry!).join("\n")}\n`);
      return path;
    });
    const program = createProgram({
      rootNames: roots,
      options: strictConsumerOptions(false),
    });
    const all = preEmitDiagnostics(program);
    const wrong = lines("").flatMap((line, i) => (line.endsWith("// wrong") ? [i + 1] : []));
    for (const root of roots) {
      expect(
        [
          ...new Set(
            all
              .filter((d) => d.file?.fileName === root)
              .map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1),
          ),
        ],
        root,
      ).toEqual(wrong);
    }
    const elsewhere = all.filter(
      (d) => !roots.includes(d.file?.fileName ?? "") && !/\/(mocks|cli)\//.test(d.file?.fileName ?? ""),
    );
    expect(
      elsewhere.map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`),
    ).toEqual([]);
  });
});

// Plaid: a transaction's `location.address` was typed `GetATransferAddress`, after an operation
// that has nothing to do with transactions, as `Address` was another shape's. Named after the key
// around it, the type says where it sits.
describe("a shape whose key's name another shape has", () => {
  it("is named after the key around its first place too, not after its operation", async () => {
    const address = { street: "Main St", city: "Springfield" };
    const collection = {
      info: { name: "addresses", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      variable: [{ key: "baseUrl", value: "https://api.example.com" }],
      item: [
        getting("Get a", "/a", { address, billing: { address, note: "x" } }),
        // Two locations, unlike each other (so written out where they are), with one address.
        getting("Get b", "/b", { location: { address: { ...address, zip: "1" }, lat: 1 } }),
        getting("Get c", "/c", { location: { address: { ...address, zip: "1" }, lng: 2 } }),
      ],
    };
    const file = join(OUT, "addresses.postman_collection.json");
    writeFileSync(file, JSON.stringify(collection));
    const shapes = interfacesOf((await emit(file, "addresses")).get("src/shapes.ts")!);
    expect([...shapes.keys()]).toEqual(["Address", "LocationAddress"]);
    expect(shapes.get("LocationAddress")).toContain("zip: string;");
  });
});
