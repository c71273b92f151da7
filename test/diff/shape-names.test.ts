// The shared shapes' names across regenerations (src/model/shared-shapes.ts): a request removed
// renames no shape it does not use. On Plaid's collection, shapes that wanted one name were
// numbered by their rank (`Address` … `Address4`), so removing `Get Payment Recipient` (whose
// address, then used in one place only, is no longer shared) made the next `Address4` the new
// `Address3`: an app importing `Address4` broke, one importing `Address3` got another type.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { diffCollections } from "../../src/diff/collections.js";
import type { ApiChange } from "../../src/diff/compare.js";
import { FIXTURES } from "../helpers/seed.js";
import { keyAdded, namedShapes, othersThan } from "../helpers/shared-shapes.js";
import { item, scratch, writeCollection, type Json } from "./helpers.js";

const PLAID = join(FIXTURES, "collections", "plaid-api.postman_collection.json");
const plaid = (): Json => JSON.parse(readFileSync(PLAID, "utf8")) as Json;

/** The declarations of an emitted package's src/shapes.ts, by name. */
function declarations(out: string): Map<string, string> {
  const text = readFileSync(join(out, "src/shapes.ts"), "utf8");
  return new Map([...text.matchAll(/^export interface (\w+) (\{\n.*?^\})$/gms)].map((m) => [m[1]!, m[2]!]));
}

describe("shared shapes' names across regenerations", () => {
  it("keeps every other shape's name and type when a request goes", async () => {
    const dir = scratch("postman-codegen-shape-names-");
    const out = join(dir, "out");
    const target = (file: string) => ({ collection: file, out, name: "plaid", version: "auto" });
    await generate([target(writeCollection(plaid(), dir, "before.postman_collection.json"))]);
    const before = declarations(out);
    const edited = plaid();
    const folder = item(edited, "Payment Initiation (UK and Europe only)");
    folder.item = folder.item.filter((i: Json) => i.name !== "Get Payment Recipient");
    const result = await generate([target(writeCollection(edited, dir, "after.postman_collection.json"))]);
    const after = declarations(out);
    // A name kept names the same type; none is new.
    expect([...after.keys()].filter((name) => !before.has(name))).toEqual([]);
    for (const [name, declaration] of after) expect(declaration, name).toBe(before.get(name));
    // Gone: the operation, and what it alone made shared (the recipient's address).
    const changes = (result.targets[0]!.api as { changes: ApiChange[] }).changes;
    expect(changes.filter((c) => c.kind === "export-added")).toEqual([]);
    const removed = changes.filter((c) => c.kind === "export-removed").map((c) => c.detail);
    expect(removed).toEqual(["export `GetPaymentRecipientAddress` removed"]);
    expect([...before.keys()].filter((name) => !after.has(name))).toEqual(["GetPaymentRecipientAddress"]);
  }, 120_000);

  it("renames no shape a request does not use when that request's examples change", async () => {
    // Ranked by their structure's text, the shapes that want one name traded it when a request's
    // examples changed: with a key added to each object of `List Hits for Individual Watchlist
    // Screening`, its `Name` went to the identity verification's name (`CreateANewIdentityVerificationName`),
    // and likewise `User` and `Data` for the other two requests.
    const dir = scratch("postman-codegen-shape-edits-");
    const before = await namedShapes(writeCollection(plaid(), dir, "before.postman_collection.json"));
    for (const request of [
      "Watchlist Screening/List Hits for Individual Watchlist Screening",
      "Identity Verification/List Identity Verifications",
      "Income/Retrieve Payroll Income",
    ]) {
      const edited = plaid();
      for (const response of item(edited, ...request.split("/")).response)
        response.body = JSON.stringify(keyAdded(JSON.parse(response.body)));
      const after = await namedShapes(writeCollection(edited, dir, "after.postman_collection.json"));
      // Another request's shape keeps its name. Its type may change: a key seen only as `null`
      // takes the type the key has across the collection (infer.ts, rule 2).
      const [others, othersAfter] = othersThan(request, before, after);
      const was = new Map(others.map(([name, structure]) => [structure, name]));
      const renamed = othersAfter.filter(([name, structure]) => was.has(structure) && was.get(structure) !== name);
      expect(renamed, request).toEqual([]);
      expect(othersAfter.length, request).toBeGreaterThan(40);
    }
  }, 120_000);

  it("keeps every name and type when requests named like others are added first, or items move", async () => {
    // Every request of Plaid's `Identity Verification` again, in a folder sorting first: their
    // operations' types (`…Args`, `…Result`) follow the new export names, and their shapes want the
    // names the originals' have (`User`, `Name`, …) from earlier places. Their examples, merged
    // first, also lend a transfer's `"address": null` its type with the keys in another order:
    // `GetATransferAddress`, recorded as written, was not known again and lost its name.
    const dir = scratch("postman-codegen-shape-namesakes-");
    const before = writeCollection(plaid(), dir, "before.postman_collection.json");
    const edited = plaid();
    edited.item.unshift({ name: " Copies", item: structuredClone(item(edited, "Identity Verification").item) });
    const diff = await diffCollections(before, writeCollection(edited, dir, "after.postman_collection.json"));
    // Only additions: the operations, their namespace and their exports (types among them).
    expect(new Set(diff.changes.map((c) => c.kind))).toEqual(
      new Set(["namespace-added", "operation-added", "export-added"]),
    );
    expect(diff.verdict).toBe("minor");

    // Every item in reverse order, at every level: nothing changes.
    const reversed = plaid();
    const reverse = (items: Json[]) => {
      items.reverse();
      for (const i of items) if (i.item) reverse(i.item);
    };
    reverse(reversed.item);
    const moved = await diffCollections(before, writeCollection(reversed, dir, "moved.postman_collection.json"));
    expect(moved).toMatchObject({ verdict: "none", changes: [] });
  }, 120_000);
});
