// Each classification rule of the API diff, on pairs made from the real Zoom collection: an edit
// and its reverse (removing vs adding), compared as a regeneration would compare the surfaces.
import { beforeAll, describe, expect, it } from "vitest";
import { compareSurfaces, type ApiDiff } from "../../src/diff/compare.js";
import { summaryText } from "../../src/diff/report.js";
import { readSurface, type Surface } from "../../src/diff/surface.js";
import { edited, item, seed, surfaceOfFile, writeCollection, zoom, ZOOM_COLLECTION, type Json } from "./helpers.js";
import { SEED_COLLECTION } from "../helpers/seed.js";

const LIST_SIP_PHONES = "client.sipPhones.listSipPhones";
const UPDATE_USER_STATUS = "client.users.userId.updateUserStatus";

let base: Surface;
beforeAll(async () => {
  base = await surfaceOfFile(ZOOM_COLLECTION);
});

const listSipPhones = (c: Json): Json => item(c, "sip phones", "List SIP phones");
const updateUserStatus = (c: Json): Json => item(c, "users", "{user Id}", "Update user status");
const query = (c: Json, key: string): Json => listSipPhones(c).request.url.query.find((q: Json) => q.key === key);
const example = (c: Json, code: number): Json => listSipPhones(c).response.find((r: Json) => r.code === code);
const action = (c: Json): Json => updateUserStatus(c).request.body.formdata.find((f: Json) => f.key === "action");

const SEED_UPDATE_USER_STATUS = "client.updateUserStatus";
let seedBase: Surface | undefined;
/** The seed (Update user status alone) against an edit of it, as a regeneration. */
async function seedForward(edit: (c: Json) => void): Promise<ApiDiff> {
  seedBase ??= await surfaceOfFile(SEED_COLLECTION);
  return compareSurfaces(seedBase, await edited(seed, edit));
}

/** [level, kind, operation] of each change: exactly these, nothing more. */
const summary = (diff: ApiDiff) => diff.changes.map((c) => [c.level, c.kind, c.operation]);

/** The Zoom collection against an edit of it: the edit as a regeneration, then its undoing. */
async function bothWays(edit: (c: Json) => void): Promise<{ forward: ApiDiff; back: ApiDiff; after: Surface }> {
  const after = await edited(zoom, edit);
  return { forward: compareSurfaces(base, after), back: compareSurfaces(after, base), after };
}

describe("operations and namespaces", () => {
  it("an operation removed is major; added, minor", async () => {
    const { forward, back } = await bothWays((c) => {
      const folder = item(c, "sip phones");
      folder.item = folder.item.filter((i: Json) => i.name !== "List SIP phones");
    });
    expect(summary(forward)).toEqual([["major", "operation-removed", LIST_SIP_PHONES]]);
    expect(summary(back)).toEqual([["minor", "operation-added", LIST_SIP_PHONES]]);
    expect([forward.verdict, back.verdict]).toEqual(["major", "minor"]);
  });

  it("an operation renamed is major both ways, its exports with it", async () => {
    const { forward, back } = await bothWays((c) => (listSipPhones(c).name = "List all SIP phones"));
    expect(summary(forward)).toEqual([["major", "operation-renamed", LIST_SIP_PHONES]]);
    expect(forward.changes[0]!.detail).toBe(
      "renamed to `client.sipPhones.listAllSipPhones`, its standalone function and types to `listAllSipPhones`",
    );
    expect(summary(back)).toEqual([["major", "operation-renamed", "client.sipPhones.listAllSipPhones"]]);
  });

  it("two requests of one method and path renamed at once are each paired with its own", async () => {
    // Variants of one request, as collections hold them; renamed so that the surfaces' order pairs
    // them crosswise (the first gone with the first arrived), which said of each an argument
    // removed and another added that neither had.
    const order = (name: string, body: Json): Json => ({
      name,
      request: {
        method: "POST",
        header: [{ key: "Content-Type", value: "application/json" }],
        body: { mode: "raw", raw: JSON.stringify(body), options: { raw: { language: "json" } } },
        url: { raw: "https://shop.example/orders", protocol: "https", host: ["shop", "example"], path: ["orders"] },
      },
    });
    const orders = (paypal: string, card: string): Json => ({
      info: { name: "Shop", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      item: [
        order(paypal, { intent: "CAPTURE", wallet: { email: "ana@shop.example" } }),
        order(card, { intent: "CAPTURE", card: { last4: "4242" } }),
      ],
    });
    const before = await surfaceOfFile(writeCollection(orders("Create order", "Create order with card")));
    const after = await surfaceOfFile(writeCollection(orders("Zebra order", "Alpha order")));
    expect(compareSurfaces(before, after).changes.map((c) => [c.kind, c.operation, c.detail])).toEqual([
      [
        "operation-renamed",
        "client.createOrder",
        "renamed to `client.zebraOrder`, its standalone function and types to `zebraOrder`",
      ],
      [
        "operation-renamed",
        "client.createOrderWithCard",
        "renamed to `client.alphaOrder`, its standalone function and types to `alphaOrder`",
      ],
    ]);
  });

  it("a manifest from before names were unique: a shared method name's operations change their name at run time", () => {
    // An older manifest records no name at run time: its client gave each operation its method's.
    const older: Surface = { ...base, operations: base.operations.map(({ name: _name, ...op }) => op) };
    const method = (op: Surface["operations"][number]) => op.op.slice(op.op.lastIndexOf(".") + 1);
    const shared = base.operations.filter((op) => op.export !== method(op));
    const diff = compareSurfaces(older, base);
    expect(summary(diff)).toEqual(shared.map((op) => ["major", "operation-name-changed", op.op]));
    expect(summary(diff)).toContainEqual([
      "major",
      "operation-name-changed",
      "client.meetingsMeetingId.registrants.updateRegistrantStatus",
    ]);
    expect(summary(diff).map(([, , op]) => op)).not.toContain(UPDATE_USER_STATUS);
    const change = diff.changes.find(
      (c) => c.operation === "client.webinarsWebinarId.registrants.updateRegistrantStatus",
    )!;
    expect(change.detail).toBe(
      "name at run time (`error.operation`, a hook's `request.operation`) `updateRegistrantStatus` → `webinarsWebinarIdRegistrantsUpdateRegistrantStatus`",
    );
    // Once recorded, the name is compared as recorded: nothing changed.
    expect(compareSurfaces(base, base).changes).toEqual([]);
  });

  it("a method name newly shared renames the other operation's exports and its name at run time, said once", async () => {
    const after = await edited(zoom, (c) => (listSipPhones(c).name = "Update user status"));
    const [before, now] = [base, after].map((s) => s.operations.find((op) => op.op === UPDATE_USER_STATUS)!);
    // The name at run time is the export name, recorded as such.
    expect([before!.name, now!.name]).toEqual([before!.export, now!.export]);
    expect(now!.name).not.toBe(before!.name);
    const forward = compareSurfaces(base, after);
    const renamed = forward.changes.find((c) => c.operation === UPDATE_USER_STATUS)!;
    expect([renamed.level, renamed.kind]).toEqual(["major", "export-renamed"]);
    expect(renamed.detail).toBe(
      `standalone function and its types renamed: \`${before!.export}\` → \`${now!.export}\``,
    );
    expect(forward.changes.filter((c) => c.kind === "operation-name-changed")).toEqual([]);
  });

  it("a request added with a variable of its own adds the variable, and changes no value or description", async () => {
    // `{{region}}` has no value anywhere: a new key of `Variables`, and that is all it is at the
    // package (not "the collection's values of its variables changed").
    const { forward, back } = await bothWays((c) =>
      item(c, "sip phones").item.push({
        name: "List SIP regions",
        request: { method: "GET", url: "{{baseUrl}}/sip_regions?region={{region}}" },
      }),
    );
    const added = "client.sipPhones.listSipRegions";
    expect(summary(forward)).toEqual([
      ["minor", "variable-added", undefined],
      ["minor", "operation-added", added],
    ]);
    expect(summary(back)).toEqual([
      ["major", "variable-removed", undefined],
      ["major", "operation-removed", added],
    ]);
    // A manifest of an older generator has no `given`: it is compared by the older digests.
    const { given: _given, ...older } = base;
    expect(compareSurfaces(older, base)).toEqual({ verdict: "none", changes: [] });
    expect(readSurface(JSON.parse(JSON.stringify({ ...base, given: { values: 1 } })))).toEqual(older);
  });

  it("a request that now refers to a variable without a value is major: its calls that pass nothing reject", async () => {
    const refer = (c: Json) => (query(c, "page_size").value = "{{pageSize}}");
    const { forward, after } = await bothWays(refer);
    expect(summary(forward)).toEqual([
      ["minor", "variable-added", undefined],
      ["major", "variable-needed", LIST_SIP_PHONES],
    ]);
    // Only the argument's default refers to it: passing `page_size` is the other way.
    expect(forward.changes[1]!.detail).toBe(
      "now refers to variable `pageSize`, which has no value, in the default of `page_size`: calls that pass neither the variable nor `page_size` reject",
    );
    // With a value, the same request sends another value, and every call still works.
    const given = await bothWays((c) => {
      refer(c);
      c.variable.push({ key: "pageSize", value: "30" });
    });
    expect(summary(given.forward)).toEqual([
      ["minor", "variable-added", undefined],
      ["patch", "variable-value-changed", undefined],
      ["patch", "request-changed", LIST_SIP_PHONES],
      ["patch", "examples-changed", LIST_SIP_PHONES],
    ]);
    // A manifest that does not record what each request refers to says nothing of it.
    const older = (s: Surface): Surface => {
      const { unresolved: _unresolved, ...rest } = s;
      return { ...rest, operations: s.operations.map(({ uses: _uses, ...op }) => op) };
    };
    // The edited surface of the first comparison, not loaded again.
    expect(summary(compareSurfaces(older(base), after))).toEqual([
      ["minor", "variable-added", undefined],
      ["patch", "request-changed", LIST_SIP_PHONES],
      ["patch", "examples-changed", LIST_SIP_PHONES],
    ]);
  });

  it("a variable that becomes a secret loses its value in the package, said as a secret, not as the collection's edit", async () => {
    // `{{sipLine}}` in a path, with a value in the collection: every call sends it.
    const before = await edited(zoom, (c) => {
      c.variable.push({ key: "sipLine", value: "7" });
      const url = listSipPhones(c).request.url;
      url.raw = url.raw.replace("/sip_phones", "/{{sipLine}}/sip_phones");
      url.path = url.path.flatMap((p: string) => (p === "sip_phones" ? ["{{sipLine}}", p] : [p]));
    });
    const lost = (after: Surface) =>
      compareSurfaces(before, after)
        .changes.filter((c) => c.kind === "variable-value-removed")
        .map((c) => [c.level, c.detail]);
    // A request added that sends it as its bearer token: the package leaves the value out, and the
    // client asks for it, though the collection's value is as it was.
    const secret = await edited(zoom, (c) => {
      c.variable.push({ key: "sipLine", value: "7" });
      const url = listSipPhones(c).request.url;
      url.raw = url.raw.replace("/sip_phones", "/{{sipLine}}/sip_phones");
      url.path = url.path.flatMap((p: string) => (p === "sip_phones" ? ["{{sipLine}}", p] : [p]));
      item(c, "sip phones").item.push({
        name: "Sign SIP",
        request: {
          method: "GET",
          url: "{{baseUrl}}/sip_sign",
          auth: { type: "bearer", bearer: [{ key: "token", value: "{{sipLine}}" }] },
        },
      });
    });
    expect(lost(secret)).toEqual([
      [
        "major",
        "variable `sipLine` is now a secret, whose value the package leaves out: calls that do not pass it (nor choose an environment that gives it) reject",
      ],
    ]);
    // The collection's value removed: said so. (The entry goes: one left without a `value` key
    // holds "", as newman sends it.)
    const removed = await edited(zoom, (c) => {
      const url = listSipPhones(c).request.url;
      url.raw = url.raw.replace("/sip_phones", "/{{sipLine}}/sip_phones");
      url.path = url.path.flatMap((p: string) => (p === "sip_phones" ? ["{{sipLine}}", p] : [p]));
    });
    expect(lost(removed)).toEqual([
      [
        "major",
        "variable `sipLine` has no value in the collection any more: calls that do not pass it (nor choose an environment that gives it) reject",
      ],
    ]);
    // A manifest that does not record the secrets says it as before.
    const { secrets: _secrets, ...older } = secret as Surface & { secrets?: string[] };
    expect(lost(older as Surface)).toEqual([
      [
        "major",
        "variable `sipLine` has no value in the collection any more: calls that do not pass it (nor choose an environment that gives it) reject",
      ],
    ]);
  });

  it("a header added whose value is a variable without one: its calls reject unless they pass the header or the variable", async () => {
    const { forward } = await bothWays((c) => {
      const request = listSipPhones(c).request;
      request.header = [...(request.header ?? []), { key: "Plaid-Version", value: "{{plaid_version}}" }];
    });
    const needed = forward.changes.filter((change) => change.kind === "variable-needed");
    expect(needed.map((change) => [change.level, change.operation, change.detail])).toEqual([
      [
        "major",
        LIST_SIP_PHONES,
        "now refers to variable `plaid_version`, which has no value, in the default of `Plaid-Version`: calls that pass neither the variable nor `Plaid-Version` reject",
      ],
    ]);
  });

  it("an auth credential that now refers to a variable without a value: its calls reject unless they pass the variable or the credential", async () => {
    // On the seed, whose one operation is enough (nine surfaces of the full Zoom collection were a
    // third of this file's time). A bearer token, an OAuth 2.0 access token, an API key or a Basic
    // pair: the client option that gives the credential (`token`, `apiKey`, `basic`) is the other
    // way, as the client's own error says (`pass it as createClient({ token }) or …`), not the
    // variable alone.
    const credentials: Array<[Json, string]> = [
      [{ type: "bearer", bearer: [{ key: "token", value: "{{sipToken}}" }] }, "token"],
      [{ type: "oauth2", oauth2: [{ key: "accessToken", value: "{{sipToken}}" }] }, "token"],
      [
        {
          type: "apikey",
          apikey: [
            { key: "key", value: "X-Key" },
            { key: "value", value: "{{sipToken}}" },
          ],
        },
        "apiKey",
      ],
      [
        {
          type: "basic",
          basic: [
            { key: "username", value: "ann" },
            { key: "password", value: "{{sipToken}}" },
          ],
        },
        "basic",
      ],
    ];
    for (const [auth, option] of credentials) {
      const forward = await seedForward((c) => (c.item[0].request.auth = auth));
      const needed = forward.changes.filter((change) => change.kind === "variable-needed");
      expect(needed.map((change) => [change.level, change.operation, change.detail])).toEqual([
        [
          "major",
          SEED_UPDATE_USER_STATUS,
          `now refers to variable \`sipToken\`, which has no value, in its credential: calls that pass neither the variable nor the client option \`${option}\` reject`,
        ],
      ]);
    }
    // The signing schemes whose option the runtime takes whole for its credential fields (Digest's
    // pair, Hawk's id and key, AWS's keys, EdgeGrid's tokens and secret: a given option fills them
    // all, the collection's unused), as their errors say (`pass createClient({ digest })`).
    const signed: Array<[Json, string]> = [
      [
        {
          type: "digest",
          digest: [
            { key: "username", value: "ann" },
            { key: "password", value: "{{sipToken}}" },
          ],
        },
        "digest",
      ],
      [
        {
          type: "hawk",
          hawk: [
            { key: "authId", value: "id" },
            { key: "authKey", value: "{{sipToken}}" },
          ],
        },
        "hawk",
      ],
      [
        {
          type: "awsv4",
          awsv4: [
            { key: "accessKey", value: "AKID" },
            { key: "secretKey", value: "{{sipToken}}" },
          ],
        },
        "aws",
      ],
      [
        {
          type: "edgegrid",
          edgegrid: [
            { key: "accessToken", value: "at" },
            { key: "clientToken", value: "ct" },
            { key: "clientSecret", value: "{{sipToken}}" },
          ],
        },
        "edgegrid",
      ],
    ];
    for (const [auth, option] of signed) {
      const forward = await seedForward((c) => (c.item[0].request.auth = auth));
      // (AWS's literal access key is left out too, asked for as `awsv4.accessKey`, by the same option.)
      const needed = forward.changes.filter((change) => change.kind === "variable-needed");
      expect(needed.map((change) => change.detail).filter((detail) => detail.includes("`sipToken`"))).toEqual([
        `now refers to variable \`sipToken\`, which has no value, in its credential: calls that pass neither the variable nor the client option \`${option}\` reject`,
      ]);
    }
    // Where the API key's name refers to it too, the credential given does not fill that.
    const forward = await seedForward(
      (c) =>
        (c.item[0].request.auth = {
          type: "apikey",
          apikey: [
            { key: "key", value: "X-{{sipToken}}" },
            { key: "value", value: "{{sipToken}}" },
          ],
        }),
    );
    expect(
      forward.changes.filter((change) => change.kind === "variable-needed").map((change) => change.detail),
    ).toEqual(["now refers to variable `sipToken`, which has no value: calls that do not pass it reject"]);
  });

  it("a path that now refers to a variable without a value: its calls that do not pass the variable reject", async () => {
    const { forward } = await bothWays((c) => {
      const url = listSipPhones(c).request.url;
      url.raw = url.raw.replace("/sip_phones", "/{{line}}/sip_phones");
      url.path = url.path.flatMap((p: string) => (p === "sip_phones" ? ["{{line}}", p] : [p]));
    });
    const needed = forward.changes.filter((change) => change.kind === "variable-needed");
    expect(needed.map((change) => [change.level, change.operation, change.detail])).toEqual([
      ["major", LIST_SIP_PHONES, "now refers to variable `line`, which has no value: calls that do not pass it reject"],
    ]);
  });

  it("a variable with a value or a description, added, is a value or a description of the collection changed too", async () => {
    const { forward } = await bothWays((c) => {
      c.variable.push({ key: "region", value: "eu", description: "Where the data is kept." });
      item(c, "sip phones").item.push({
        name: "List SIP regions",
        request: { method: "GET", url: "{{baseUrl}}/sip_regions?region={{region}}" },
      });
    });
    expect(summary(forward)).toEqual([
      ["minor", "variable-added", undefined],
      ["patch", "variable-value-changed", undefined],
      ["patch", "docs-changed", undefined],
      ["minor", "operation-added", "client.sipPhones.listSipRegions"],
    ]);
  });

  it("a namespace removed is major; added, minor", async () => {
    const { forward, back } = await bothWays((c) => (c.item = c.item.filter((i: Json) => i.name !== "sip phones")));
    const kinds = (diff: ApiDiff) => [...new Set(diff.changes.map((c) => `${c.level} ${c.kind}`))];
    expect(kinds(forward)).toEqual(["major namespace-removed", "major operation-removed"]);
    expect(forward.changes.filter((c) => c.kind === "namespace-removed").map((c) => c.operation)).toEqual([
      "client.sipPhones",
      "client.sipPhones.phoneId",
    ]);
    expect(kinds(back)).toEqual(["minor namespace-added", "minor operation-added"]);
  });

  it("method or path changed is major both ways", async () => {
    const method = await bothWays((c) => (listSipPhones(c).request.method = "POST"));
    expect(summary(method.forward)).toEqual([["major", "method-changed", LIST_SIP_PHONES]]);
    expect(summary(method.back)).toEqual([["major", "method-changed", LIST_SIP_PHONES]]);
    const path = await bothWays((c) => {
      const url = listSipPhones(c).request.url;
      url.path = ["sip_phone_list"];
      url.raw = url.raw.replace("/sip_phones", "/sip_phone_list");
    });
    expect(summary(path.forward)).toEqual([["major", "path-changed", LIST_SIP_PHONES]]);
    expect(path.forward.changes[0]!.detail).toBe("path `/sip_phones` → `/sip_phone_list`");
    expect(summary(path.back)).toEqual([["major", "path-changed", LIST_SIP_PHONES]]);
  });

  it("a path variable renamed is the argument's rename, and a patch of the path: the URL is the same", async () => {
    // A team renames `:userId` to `:id`: every call goes to the URL it went to. The argument's
    // rename breaks callers, and says so; the path's line is its metadata (`operations[].path`,
    // typed `string`), not a second break (it was "3 breaking" for two changes).
    const { forward, back } = await bothWays((c) => {
      const url = updateUserStatus(c).request.url;
      url.raw = url.raw.replace(":userId", ":id");
      url.path = url.path.map((s: string) => (s === ":userId" ? ":id" : s));
      url.variable[0].key = "id";
    });
    expect(summary(forward)).toEqual([
      ["patch", "path-variable-renamed", UPDATE_USER_STATUS],
      ["major", "argument-renamed", UPDATE_USER_STATUS],
    ]);
    expect(forward.changes[0]!.detail).toBe(
      "path `/users/{userId}/status` → `/users/{id}/status`: the same URL, a path variable renamed",
    );
    expect(summary(back)).toEqual([
      ["patch", "path-variable-renamed", UPDATE_USER_STATUS],
      ["major", "argument-renamed", UPDATE_USER_STATUS],
    ]);
    expect([forward.verdict, back.verdict]).toEqual(["major", "major"]);
    // Said as a change, not as something added (the changelog's "Changed", the summary's count).
    expect(summaryText(forward.verdict, forward.changes)).toBe("major API change: 1 breaking, 1 changed");
    // A path variable made a collection variable is another URL (filled from `variables`).
    const variable = await bothWays((c) => {
      const url = updateUserStatus(c).request.url;
      url.raw = url.raw.replace(":userId", "{{userId}}");
      url.path = url.path.map((s: string) => (s === ":userId" ? "{{userId}}" : s));
    });
    expect(summary(variable.forward).filter(([, kind]) => kind === "path-changed")).toEqual([
      ["major", "path-changed", UPDATE_USER_STATUS],
    ]);
  });

  it("the auth scheme changed is major both ways", async () => {
    const { forward, back } = await bothWays((c) => (listSipPhones(c).request.auth = { type: "noauth" }));
    expect(summary(forward)).toEqual([["major", "auth-changed", LIST_SIP_PHONES]]);
    expect(forward.changes[0]!.detail).toBe("auth `bearer` → `none`");
    expect(summary(back)).toEqual([["major", "auth-changed", LIST_SIP_PHONES]]);
  });
});

describe("base URL", () => {
  const baseUrl = (c: Json): Json => c.variable.find((v: Json) => v.key === "baseUrl");

  it("a new value of the variable the base URL is written with is major both ways, as a new literal base is", async () => {
    const { forward, back } = await bothWays((c) => (baseUrl(c).value = "https://api.zoom.us/v3"));
    expect(summary(forward)).toEqual([
      ["major", "base-url-changed", undefined],
      ["patch", "variable-value-changed", undefined],
    ]);
    expect(forward.changes[0]!.detail).toBe(
      "default base URL `{{baseUrl}}` (`https://api.zoom.us/v2`) → `{{baseUrl}}` (`https://api.zoom.us/v3`)",
    );
    expect(summary(back)).toEqual(summary(forward));
    // The variable's other values change no base.
    const other = await bothWays((c) => c.variable.push({ key: "unused", value: "1" }));
    expect(other.forward.changes.map((c) => c.kind)).toContain("variable-value-changed");
    expect(other.forward.changes.map((c) => c.kind)).not.toContain("base-url-changed");
  });

  it("shows and records a base URL without its userinfo, query or fragment; a new password there is no new base", async () => {
    const withUser = (password: string, version: string) => (c: Json) =>
      (baseUrl(c).value = `https://canary-user:${password}@api.zoom.us/${version}?key=k-${password}#f`);
    const before = await edited(zoom, withUser("first-Pw", "v2"));
    const after = await edited(zoom, withUser("second-Pw", "v2"));
    // The password and `?key=` are credentials (credential-names.ts), left out of what is recorded:
    // a new one changes nothing there.
    expect(summary(compareSurfaces(before, after))).toEqual([]);
    const moved = await edited(zoom, withUser("second-Pw", "v3"));
    const diff = compareSurfaces(before, moved);
    expect(summary(diff)).toEqual([
      ["major", "base-url-changed", undefined],
      ["patch", "variable-value-changed", undefined],
    ]);
    expect(diff.changes[0]!.detail).toBe(
      "default base URL `{{baseUrl}}` (`https://api.zoom.us/v2`) → `{{baseUrl}}` (`https://api.zoom.us/v3`)",
    );
    // A target's base URL is written as given, and shown the same way.
    const overridden = await edited(zoom, () => {}, { baseUrl: "https://canary-user:third-Pw@api.zoom.us/v4" });
    const option = compareSurfaces(base, overridden);
    expect(option.changes[0]!.detail).toBe(
      "default base URL `{{baseUrl}}` (`https://api.zoom.us/v2`) → `https://api.zoom.us/v4`",
    );
    // Their texts, and the surfaces the manifest records: only what matched is printed. (A user
    // name no key of the collection holds: `someone` is in `who_can_share_screen_when_someone_is_sharing`.)
    expect(JSON.stringify([diff, before, moved, option, overridden]).match(/canary-user|Pw|key=|#f/g)).toBeNull();
  });

  it("a new value of an operation's own base is major, at that operation", async () => {
    const ownBase = (value: string) => (c: Json) => {
      c.variable.push({ key: "phoneBase", value });
      const url = listSipPhones(c).request.url;
      url.host = ["{{phoneBase}}"];
      url.raw = url.raw.replace("{{baseUrl}}", "{{phoneBase}}");
    };
    const before = await edited(zoom, ownBase("https://phones.zoom.us/v2"));
    const after = await edited(zoom, ownBase("https://phones.zoom.us/v3"));
    const forward = compareSurfaces(before, after);
    expect(summary(forward)).toEqual([
      ["patch", "variable-value-changed", undefined],
      ["major", "base-url-changed", LIST_SIP_PHONES],
    ]);
    expect(forward.changes[1]!.detail).toBe(
      "base URL `{{phoneBase}}` (`https://phones.zoom.us/v2`) → `{{phoneBase}}` (`https://phones.zoom.us/v3`)",
    );
  });

  it("so is a new value a folder gives the default base's variable, at each of its operations", async () => {
    const folderValue = (value: string) => (c: Json) => (item(c, "sip phones").variable = [{ key: "baseUrl", value }]);
    const before = await edited(zoom, folderValue("https://sip.zoom.us/v2"));
    const after = await edited(zoom, folderValue("https://sip.zoom.us/v3"));
    const changes = compareSurfaces(before, after).changes;
    expect(changes.map((c) => c.kind)).toEqual(changes.map(() => "base-url-changed"));
    expect(changes.map((c) => c.operation)).toContain(LIST_SIP_PHONES);
    expect(changes.every((c) => c.operation?.startsWith("client.sipPhones."))).toBe(true);
    // Given and taken away, against the collection's own value.
    expect(summary(compareSurfaces(base, after))).toEqual(summary(compareSurfaces(after, base)));
    expect(compareSurfaces(base, after).changes.map((c) => c.kind)).toContain("base-url-changed");
  });
});

describe("arguments", () => {
  it("an optional argument removed is major; added, minor", async () => {
    const { forward, back } = await bothWays((c) => {
      const url = listSipPhones(c).request.url;
      url.query = url.query.filter((q: Json) => q.key !== "search_key");
    });
    expect(summary(forward)).toEqual([["major", "argument-removed", LIST_SIP_PHONES]]);
    expect(summary(back)).toEqual([["minor", "argument-added", LIST_SIP_PHONES]]);
    expect(back.changes[0]!.detail).toBe("optional argument `search_key` (query) added");
  });

  it("a required argument added or removed is major both ways", async () => {
    const { forward, back } = await bothWays((c) =>
      listSipPhones(c).request.url.query.push({
        key: "account_id",
        value: "abc",
        description: "(Required) The account.",
      }),
    );
    expect(summary(forward)).toEqual([["major", "argument-added", LIST_SIP_PHONES]]);
    expect(forward.changes[0]!.detail).toBe("required argument `account_id` (query) added");
    expect(summary(back)).toEqual([["major", "argument-removed", LIST_SIP_PHONES]]);
  });

  it("an argument renamed is major both ways", async () => {
    const { forward, back } = await bothWays((c) => (query(c, "search_key").key = "search"));
    expect(summary(forward)).toEqual([["major", "argument-renamed", LIST_SIP_PHONES]]);
    expect(forward.changes[0]!.detail).toBe("argument `search_key` renamed to `search`");
    expect(summary(back)).toEqual([["major", "argument-renamed", LIST_SIP_PHONES]]);
  });

  it("an argument's key written otherwise is a rename", async () => {
    const { forward, back } = await bothWays((c) => (query(c, "page_size").key = "pageSize"));
    expect(summary(forward)).toEqual([["major", "argument-renamed", LIST_SIP_PHONES]]);
    expect(forward.changes[0]!.detail).toBe("argument `page_size` renamed to `pageSize`");
    expect(summary(back)).toEqual([["major", "argument-renamed", LIST_SIP_PHONES]]);
  });

  it("one argument gone and an unrelated one added in its place is no rename", async () => {
    // Both query parameters of one type: only their keys tell them apart, and they share only `page`.
    const without = (key: string) => (c: Json) => {
      const url = listSipPhones(c).request.url;
      url.query = url.query.filter((q: Json) => q.key !== key);
    };
    const before = await edited(zoom, without("next_page_token"));
    const after = await edited(zoom, without("page_size"));
    const forward = compareSurfaces(before, after);
    expect(summary(forward)).toEqual([
      ["major", "argument-removed", LIST_SIP_PHONES],
      ["minor", "argument-added", LIST_SIP_PHONES],
    ]);
    expect(forward.changes.map((c) => c.detail)).toEqual([
      "argument `page_size` (query) removed",
      "optional argument `next_page_token` (query) added",
    ]);
    expect(forward.verdict).toBe("major");
  });

  it("an argument newly required is major; newly optional, minor", async () => {
    const { forward, back } = await bothWays(
      (c) => (query(c, "search_key").description = `(Required) ${query(c, "search_key").description}`),
    );
    expect(summary(forward)).toEqual([["major", "argument-required", LIST_SIP_PHONES]]);
    expect(summary(back)).toEqual([["minor", "argument-optional", LIST_SIP_PHONES]]);
  });

  it("an enum value removed is major; added, minor", async () => {
    const { forward, back } = await bothWays(
      (c) => (action(c).description = action(c).description.replace("one of activate,deactivate", "one of activate")),
    );
    expect(summary(forward)).toEqual([["major", "enum-value-removed", UPDATE_USER_STATUS]]);
    expect(forward.changes[0]!.detail).toBe('argument `action`: value `"deactivate"` removed');
    expect(summary(back)).toEqual([["minor", "enum-value-added", UPDATE_USER_STATUS]]);
  });

  it("an enum argument's type that refuses old values its enum still lists is major", () => {
    // A hand-edited surface: the values the same, the type another (the emitter writes none such
    // today; the checker still judges what the values and lists do not tell).
    const after = structuredClone(base);
    const arg = after.operations.find((op) => op.op === UPDATE_USER_STATUS)!.args.find((a) => a.arg === "action")!;
    arg.type = "number";
    const diff = compareSurfaces(base, after);
    expect(summary(diff)).toEqual([
      ["major", "argument-type-narrowed", UPDATE_USER_STATUS],
      ["major", "argument-type-changed", UPDATE_USER_STATUS],
    ]);
    expect(diff.changes[0]!.detail).toBe("argument `action` no longer takes a list of values");
    expect(diff.changes[1]!.detail).toMatch(
      /^type of argument `action` changed: `"activate" \| "deactivate".*` → `number`$/,
    );
  });

  it("an argument type widened is minor; narrowed, major (by the checker, not by the text)", async () => {
    // Without its enum, `action` is a string: "activate" | "deactivate" → string.
    const { forward, back } = await bothWays(
      (c) => (action(c).description = action(c).description.replace(/ \(This can only be one of [^)]*\)/, "")),
    );
    expect(summary(forward)).toEqual([["minor", "argument-type-widened", UPDATE_USER_STATUS]]);
    // The type texts are the emitter's (a form field may also take a list): only their starts are fixed here.
    expect(forward.changes[0]!.detail).toMatch(
      /^type of argument `action` widened: `"activate" \| "deactivate".*` → `string.*`$/,
    );
    expect(summary(back)).toEqual([["major", "argument-type-narrowed", UPDATE_USER_STATUS]]);
  });
});

describe("responses", () => {
  it("a result type narrowed by an edited example is major, from examples only; its reverse is minor", async () => {
    // The one 200 example loses a field: code reading `page_count` no longer compiles.
    const { forward, back } = await bothWays((c) => {
      const body = JSON.parse(example(c, 200).body);
      delete body.page_count;
      example(c, 200).body = JSON.stringify(body, null, 1);
    });
    expect(summary(forward)).toEqual([["major", "result-type-changed", LIST_SIP_PHONES]]);
    expect(forward.changes[0]!.detail).toMatch(
      /^result type of 200 \(from examples only\) changed, old code may not compile: `page_count`: removed \(major\)$/,
    );
    expect(summary(back)).toEqual([["minor", "result-type-refined", LIST_SIP_PHONES]]);
    // Narrower: a body that `mock.use` took (no `page_count`) is refused now, which the change says.
    expect(back.changes[0]!.detail).toMatch(
      /^result type of 200 \(from examples only\) refined, old code that reads it still compiles; mock overrides \(`mock\.use`\) and fixtures that build it may need updating: `page_count`: added \(minor\)$/,
    );
  });

  it("an optional field added to a result by a second example is minor; removed, major (assignable both ways, still a change)", async () => {
    const { forward, back } = await bothWays((c) => {
      const body = { ...JSON.parse(example(c, 200).body), next_page_token: "abc" };
      listSipPhones(c).response.push({
        ...example(c, 200),
        name: "**HTTP Status Code:** `200`<br>\nMore pages.",
        body: JSON.stringify(body),
      });
    });
    expect(summary(forward)).toEqual([["minor", "result-type-refined", LIST_SIP_PHONES]]);
    expect(forward.changes[0]!.detail).toMatch(
      /^result type of 200 \(from examples only\) refined.*: `next_page_token`: added \(minor\)$/,
    );
    expect(summary(back)).toEqual([["major", "result-type-changed", LIST_SIP_PHONES]]);
  });

  it("a documented success status added is minor; removed, major", async () => {
    // A 201 with the 200's body: what a call resolves with stays the same type.
    const { forward, back } = await bothWays((c) =>
      listSipPhones(c).response.push({
        ...example(c, 200),
        name: "**HTTP Status Code:** `201`<br>\nCreated.",
        code: 201,
        status: "Created",
      }),
    );
    expect(summary(forward)).toEqual([["minor", "status-added", LIST_SIP_PHONES]]);
    expect(summary(back)).toEqual([["major", "status-removed", LIST_SIP_PHONES]]);
  });

  it("a success status whose body old code cannot read is also a result change", async () => {
    const { forward } = await bothWays((c) =>
      listSipPhones(c).response.push({
        ...example(c, 200),
        name: "**HTTP Status Code:** `202`<br>\nAccepted.",
        code: 202,
        status: "Accepted",
        body: '{ "job": "1" }',
      }),
    );
    expect(summary(forward)).toEqual([
      ["minor", "status-added", LIST_SIP_PHONES],
      ["major", "result-type-changed", LIST_SIP_PHONES],
    ]);
  });

  it("a documented error status or code added is minor; removed, major", async () => {
    const status = await bothWays((c) =>
      listSipPhones(c).response.push({
        ...example(c, 400),
        name: "**HTTP Status Code:** `404` **Not Found**<br><br>\n**Error Code:** `1001`<br>\nUser does not exist.",
        code: 404,
        status: "Not Found",
      }),
    );
    expect(summary(status.forward)).toEqual([["minor", "error-status-added", LIST_SIP_PHONES]]);
    expect(status.forward.changes[0]!.detail).toBe("documented error status 404 added (codes `1001`)");
    expect(summary(status.back)).toEqual([["major", "error-status-removed", LIST_SIP_PHONES]]);
    const code = await bothWays(
      (c) =>
        (example(c, 400).name =
          "**HTTP Status Code:** `400` **Bad Request**<br><br>\n**Error Code:** `300`<br>\nInvalid search key."),
    );
    expect(summary(code.forward)).toEqual([["minor", "error-code-added", LIST_SIP_PHONES]]);
    expect(summary(code.back)).toEqual([["major", "error-code-removed", LIST_SIP_PHONES]]);
  });

  it("a code a saved error example's body adds is an error code added: minor", async () => {
    // As the client reads it from the answer (`{ "code": …, "message": … }`), and as Zoom's
    // examples would hold it: the status's description stays the name's.
    const { forward, back } = await bothWays((c) =>
      Object.assign(example(c, 400), {
        header: [{ key: "Content-Type", value: "application/json" }],
        body: '{"code": 300, "message": "Invalid search key."}',
      }),
    );
    expect(summary(forward)).toEqual([["minor", "error-code-added", LIST_SIP_PHONES]]);
    expect(forward.changes[0]!.detail).toBe("error code `300` of status 400 added");
    expect(summary(back)).toEqual([["major", "error-code-removed", LIST_SIP_PHONES]]);
  });
});

describe("patch and nothing", () => {
  it("a description-only edit is a patch", async () => {
    const { forward, back } = await bothWays(
      (c) => (listSipPhones(c).request.description += "\n\nSee also the SIP trunk APIs."),
    );
    expect(summary(forward)).toEqual([["patch", "docs-changed", LIST_SIP_PHONES]]);
    expect(summary(back)).toEqual([["patch", "docs-changed", LIST_SIP_PHONES]]);
    expect(forward.verdict).toBe("patch");
  });

  it("an example edited without changing a type is a patch", async () => {
    const { forward, back } = await bothWays(
      (c) => (example(c, 200).body = example(c, 200).body.replace('"page_size": 1', '"page_size": 30')),
    );
    expect(summary(forward)).toEqual([["patch", "examples-changed", LIST_SIP_PHONES]]);
    expect(summary(back)).toEqual([["patch", "examples-changed", LIST_SIP_PHONES]]);
  });

  it("a query key sent alone (`?uploads`) added or removed is a patch: what the request sends", async () => {
    const { forward, back } = await bothWays((c) => listSipPhones(c).request.url.query.push({ key: "uploads" }));
    expect(summary(forward)).toEqual([["patch", "request-changed", LIST_SIP_PHONES]]);
    expect(summary(back)).toEqual([["patch", "request-changed", LIST_SIP_PHONES]]);
  });

  it("items reordered, every id and uid changed, examples reordered and whitespace change nothing", async () => {
    // Zoom documents one example per status; a second 200 example (its keys in another order, one
    // more) makes the order of examples matter to the inferred type's text, not to the type.
    const twoExamples = (c: Json) => {
      const body = JSON.parse(example(c, 200).body);
      // The same name: a status's description is its first example's.
      listSipPhones(c).response.push({
        ...example(c, 200),
        body: JSON.stringify({ next_page_token: "abc", phones: body.phones, total_records: 2 }),
      });
    };
    const original = await edited(zoom, twoExamples);
    const collection = zoom();
    twoExamples(collection);
    const reversed = reorder(collection);
    let ids = 0;
    const noise = (node: Json): void => {
      if (Array.isArray(node)) return node.forEach(noise);
      if (!node || typeof node !== "object") return;
      if (Array.isArray(node.response)) {
        node.response.reverse();
        for (const response of node.response) {
          Object.assign(response, { id: `response-${ids++}`, uid: `1234-response-${ids}` });
          if (response.body?.trim().startsWith("{")) response.body = JSON.stringify(JSON.parse(response.body), null, 3);
        }
      }
      if (node.request || node.item) Object.assign(node, { id: `item-${ids++}`, uid: `1234-item-${ids}` });
      // Whitespace: trailing in every description, doubled inside the requests' own.
      if (typeof node.description === "string") node.description = `${node.description} \n`;
      if (typeof node.request?.description === "string")
        node.request.description = node.request.description.replace(/\. /g, ".  ");
      Object.values(node).forEach(noise);
    };
    collection.info._postman_id = "00000000-0000-4000-8000-000000000000";
    noise(collection);
    const after = await surfaceOfFile(writeCollection(collection, undefined, undefined, 4));
    expect(compareSurfaces(original, after)).toEqual({ verdict: "none", changes: [] });
    expect(compareSurfaces(after, original)).toEqual({ verdict: "none", changes: [] });
    // The checker said "the same" where the texts differ.
    const resultType = (surface: Surface) =>
      surface.operations.find((op) => op.op === LIST_SIP_PHONES)!.results[0]!.type;
    expect(resultType(after)).not.toBe(resultType(original));
    expect(reversed).toBeGreaterThan(50);
    expect(ids).toBeGreaterThan(600);
  });

  it("and so is swapping two requests of the same name: repeats are numbered by Postman path", async () => {
    // model/naming.ts numbers a repeated name in the order of the requests' Postman paths, not of
    // the collection, so which endpoint `getSharingRecordingDetails2` calls does not depend on it.
    const { forward, back } = await bothWays((c) => {
      const metrics = item(c, "metrics");
      const meetings = metrics.item.findIndex((i: Json) => i.name === "meetings");
      const webinars = metrics.item.findIndex((i: Json) => i.name === "webinars");
      [metrics.item[meetings], metrics.item[webinars]] = [metrics.item[webinars], metrics.item[meetings]];
    });
    expect(forward).toEqual({ verdict: "none", changes: [] });
    expect(back).toEqual({ verdict: "none", changes: [] });
  });
});

/** Reverses every list of items (folders' and requests' alike). Returns how many lists were reversed. */
function reorder(collection: Json): number {
  let reversed = 0;
  const visit = (items: Json[]): void => {
    for (const i of items) if (i.item) visit(i.item);
    if (items.length > 1) {
      items.reverse();
      reversed++;
    }
  };
  visit(collection.item);
  return reversed;
}
