// A changed type's members, each named with its level: a second change in one type is told as
// surely as the first, by the rules that judge the type (a result is read, an argument passed).
import { beforeAll, describe, expect, it } from "vitest";
import { compareSurfaces, type ApiChange } from "../../src/diff/compare.js";
import type { OperationSurface, Surface } from "../../src/diff/surface.js";
import { changelogWith } from "../../src/diff/changelog.js";
import { edited, item, surfaceOfFile, zoom, ZOOM_COLLECTION, type Json } from "./helpers.js";

const LIST_SIP_PHONES = "client.sipPhones.listSipPhones";

let base: Surface;
beforeAll(async () => {
  base = await surfaceOfFile(ZOOM_COLLECTION);
});

const listSipPhones = (c: Json): Json => item(c, "sip phones", "List SIP phones");
const example = (c: Json): Json => listSipPhones(c).response.find((r: Json) => r.code === 200);

/** The base surface with one operation's first result type, or first argument's type, replaced. */
function withTypes(types: { result?: string; arg?: string }): Surface {
  const retyped = (op: OperationSurface): OperationSurface => ({
    ...op,
    results: op.results.map((r, i) => (i === 0 && types.result ? { ...r, type: types.result } : r)),
    args: op.args.map((a, i) => (i === 0 && types.arg ? { ...a, type: types.arg } : a)),
  });
  return { ...base, operations: base.operations.map((op) => (op.op === LIST_SIP_PHONES ? retyped(op) : op)) };
}

const only = (changes: readonly ApiChange[]): ApiChange => {
  expect(changes).toHaveLength(1);
  return changes[0]!;
};

describe("a changed type's members", () => {
  it("two changes in one response type both appear, with their paths and levels", async () => {
    // One saved example edited: a number sent as a string, and a field of the phones gone from a
    // second example (so optional there).
    const after = await edited(zoom, (c) => {
      const body = JSON.parse(example(c).body);
      body.page_size = "30";
      example(c).body = JSON.stringify(body);
      const { user_email: _, ...phone } = body.phones[0];
      listSipPhones(c).response.push({
        ...example(c),
        name: "More",
        body: JSON.stringify({ ...body, phones: [phone] }),
      });
    });
    const change = only(compareSurfaces(base, after).changes);
    expect([change.level, change.kind]).toEqual(["major", "result-type-changed"]);
    expect(change.members).toEqual([
      { path: "page_size", change: "`number` → `string`", level: "major" },
      { path: "phones[].user_email", change: "now optional", level: "major" },
    ]);
    expect(change.detail).toContain(
      "`page_size`: `number` → `string` (major); `phones[].user_email`: now optional (major)",
    );
  });

  it("a field made optional is major in a result (code reads it) and minor in an argument (code passes it)", () => {
    const [required, optional] = ["{ id: string; mask: string }", "{ id: string; mask?: string }"];
    const result = only(compareSurfaces(withTypes({ result: required }), withTypes({ result: optional })).changes);
    expect([result.level, result.kind, result.members]).toEqual([
      "major",
      "result-type-changed",
      [{ path: "mask", change: "now optional", level: "major" }],
    ]);
    const arg = only(compareSurfaces(withTypes({ arg: required }), withTypes({ arg: optional })).changes);
    expect([arg.level, arg.kind, arg.members]).toEqual([
      "minor",
      "argument-type-widened",
      [{ path: "mask", change: "now optional", level: "minor" }],
    ]);
    // The type's level is its worst member's: a field added to the result is minor, and with the
    // optional one the change stays major.
    const both = only(
      compareSurfaces(
        withTypes({ result: required }),
        withTypes({ result: "{ id: string; mask?: string; owner: { name: string } }" }),
      ).changes,
    );
    expect(both.level).toBe("major");
    expect(both.members).toEqual([
      { path: "mask", change: "now optional", level: "major" },
      { path: "owner", change: "added", level: "minor" },
    ]);
  });

  it("array items, nested fields removed and union members are named by their path", () => {
    const before = '{ accounts: { mask: string; owner: { name: string; id: number } }[]; status: "a" | "b" }';
    const after = '{ accounts: { mask?: string; owner: { id: number } }[]; status: "a" | "b" | "c" }';
    const change = only(compareSurfaces(withTypes({ result: before }), withTypes({ result: after })).changes);
    expect(change.members).toEqual([
      { path: "accounts[].mask", change: "now optional", level: "major" },
      { path: "accounts[].owner.name", change: "removed", level: "major" },
      { path: "status", change: '`"a" | "b"` → `"a" | "b" | "c"`', level: "major" },
    ]);
  });

  it("a union's members added or removed are named as such; replaced ones, as the union's change", () => {
    const [one, two] = ["{ id: string; kind: 1 }", "{ id: string; kind: 2; extra: string[] }"];
    const added = only(compareSurfaces(withTypes({ result: one }), withTypes({ result: `${one} | ${two}` })).changes);
    expect([added.level, added.members]).toEqual([
      "major",
      [{ path: "", change: `member \`${two}\` added`, level: "major" }],
    ]);
    expect(added.detail).toContain(`: member \`${two}\` added (major)`);
    const removed = only(compareSurfaces(withTypes({ arg: `${one} | ${two}` }), withTypes({ arg: one })).changes);
    expect([removed.level, removed.members]).toEqual([
      "major",
      [{ path: "", change: `member \`${two}\` removed`, level: "major" }],
    ]);
  });

  it("a rewritten type names the first members in its line, all of them in the change (--json)", () => {
    const fields = Array.from({ length: 20 }, (_, i) => `f${i}`);
    const before = `{ ${fields.map((f) => `${f}: number`).join("; ")} }`;
    const after = `{ ${fields.map((f) => `${f}: string`).join("; ")} }`;
    const change = only(compareSurfaces(withTypes({ result: before }), withTypes({ result: after })).changes);
    expect(change.members).toHaveLength(20);
    expect(change.members!.map((m) => m.path)).toEqual(fields);
    expect(change.detail).toMatch(/`f4`: `number` → `string` \(major\); and 15 more$/);
    expect(change.detail).not.toContain("`f5`");
    // The CHANGELOG's line is the detail: one bullet, not pages.
    const log = changelogWith(undefined, "1.0.0", { verdict: change.level, changes: [change] });
    expect(log.split("\n").filter((line) => line.startsWith("- "))).toHaveLength(1);
  });

  it("a type that cannot be taken apart keeps the texts around the first difference", () => {
    const change = only(compareSurfaces(withTypes({ result: "string" }), withTypes({ result: "number" })).changes);
    expect(change.members).toBeUndefined();
    expect(change.detail).toBe(
      "result type of 200 (from examples only) changed, old code may not compile: `string` → `number`",
    );
  });

  it("a key removed is said once, in its member's line; a key lost inside a changed member, once before them", () => {
    // The argument's type is no example's: its detail has no note of that.
    const [before, after] = ["{ id: string; mask: string; owner: { name: string } }", "{ id: string }"];
    const arg = only(compareSurfaces(withTypes({ arg: before }), withTypes({ arg: after })).changes);
    expect(arg.detail).toBe(
      "type of argument `next_page_token` changed: `mask`: removed (major); `owner`: removed (major)",
    );
    const result = only(compareSurfaces(withTypes({ result: before }), withTypes({ result: after })).changes);
    expect(result.detail).toMatch(/old code may not compile: `mask`: removed \(major\); `owner`: removed \(major\)$/);
    // `owner.name` is lost, which the line of `owner`, a type changed, does not say.
    const retyped = only(
      compareSurfaces(
        withTypes({ result: before }),
        withTypes({ result: "{ id: string; mask: string; owner: string }" }),
      ).changes,
    );
    expect(retyped.detail).toMatch(
      /old code may not compile \(no longer has `owner\.name`\): `owner`: `\{ name: string \}` → `string` \(major\)$/,
    );
  });

  it("a type inferred from examples says so of the type, before its members, not after the last", () => {
    const [required, optional] = ["{ id: string; mask: string }", "{ id: string; mask?: string }"];
    const change = only(compareSurfaces(withTypes({ result: required }), withTypes({ result: optional })).changes);
    expect(change.detail).toBe(
      "result type of 200 (from examples only) changed, old code may not compile: `mask`: now optional (major)",
    );
  });

  it("an old manifest's types, recorded as text, diff member by member", () => {
    // What a manifest holds is the surface as JSON: one written before members were told diffs the same.
    const old = JSON.parse(JSON.stringify(withTypes({ result: "{ a: number; b: string }" }))) as Surface;
    const change = only(compareSurfaces(old, withTypes({ result: "{ a: string; b?: string }" })).changes);
    expect(change.members).toEqual([
      { path: "a", change: "`number` → `string`", level: "major" },
      { path: "b", change: "now optional", level: "major" },
    ]);
  });
});
