import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CodegenError } from "../../src/errors.js";
import { readCollection } from "../../src/load/collection.js";
import {
  applyOverrides,
  configPatternPlace,
  covers,
  postmanPath,
  selected,
  selection,
} from "../../src/model/selection.js";
import type { ApiModel, OperationModel } from "../../src/model/types.js";
import { ROOT } from "../helpers/seed.js";

describe("Postman path patterns", () => {
  const path = ["users", "{user Id}", "Update user status"];
  it.each([
    ["users", true],
    ["users/{user Id}", true],
    ["users/{user Id}/Update user status", true],
    ["users/*/Update*", true],
    ["**/Update user status", true],
    ["**/status", false],
    ["meetings", false],
    ["users/{user Id}/Update user status/more", false],
  ])("%j covers users/{user Id}/Update user status: %s", (pattern, expected) => {
    expect(covers(pattern, path)).toBe(expected);
  });

  // Zoom names folders `meetings/{meeting Id}` and `h323/devices`: a `/` inside a name separates
  // segments as the one between two names does, as in the joined path `names` keys are written in.
  const inFolder = ["meetings/{meeting Id}", "registrants", "List meeting registrants"];
  it.each([
    ["meetings/**", true],
    ["meetings", true],
    ["meetings/{meeting Id}", true],
    ["meetings/*/registrants", true],
    ["meetings/{meeting Id}/registrants/List*", true],
    ["**/{meeting Id}/registrants", true],
    ["meetings/{meetingId}", false],
    ["meetings/{meeting Id}/polls", false],
  ])("%j covers meetings/{meeting Id} › registrants › List meeting registrants: %s", (pattern, expected) => {
    expect(covers(pattern, inFolder)).toBe(expected);
  });

  it("keeps what is included and not excluded", () => {
    const keep = selected(["users"], ["users/**/Delete*"]);
    expect(keep(["users", "Get user"])).toBe(true);
    expect(keep(["users", "{user Id}", "Delete a user"])).toBe(false);
    expect(keep(["meetings", "Get meeting"])).toBe(false);
    expect(selected(undefined, undefined)(["anything"])).toBe(true);
  });
});

describe("patterns that match no request", () => {
  const paths = [
    ["users", "Get user"],
    ["users", "{user Id}", "Delete a user"],
    ["meetings", "Get meeting"],
  ];
  /** The loader's part: every request's path is offered to `select`; then the check. */
  const load = (include?: string[], exclude?: string[]) => {
    const chosen = selection(include, exclude, configPatternPlace("cfg.json", 2));
    const kept = paths.filter((path) => chosen.select(path));
    return { kept, check: () => chosen.check("api.json") };
  };

  it("are errors at their place in the config, an include after a folder's rename among them", () => {
    const renamed = load(["people"]);
    expect(renamed.kept).toEqual([]);
    expect(renamed.check).toThrow(CodegenError);
    expect(renamed.check).toThrow(
      'cfg.json at targets[2].include[0]: no request of api.json is under "people" (a Postman path: folders and request name joined by /, `*` within a name, `**` any depth)',
    );
    expect(load(["users", "meetings/Get*", "**/Nothing"]).check).toThrow(
      /^cfg\.json at targets\[2\]\.include\[2\]: no request of api\.json is under "\*\*\/Nothing"/,
    );
    // An exclude that matches nothing no longer leaves out what it was written for.
    expect(load(["users"], ["users/Delete*"]).check).toThrow(/at targets\[2\]\.exclude\[0\]: .* "users\/Delete\*"/);
  });

  it("name the paths nearest the pattern, or else the collection's top level", () => {
    const message = (include: string[]) => {
      try {
        load(include).check();
      } catch (error) {
        return (error as Error).message;
      }
      return expect.fail("accepted");
    };
    expect(message(["users/{userId}"])).toMatch(/ any depth\); near it: "users\/\{user Id\}"$/);
    expect(message(["**/Delete an user"])).toMatch(/; near it: "users\/\{user Id\}\/Delete a user"$/);
    expect(message(["people"])).toMatch(/; the collection's top level: "users", "meetings"$/);
  });

  it("any request matched is enough: under a folder, at any depth, or left out by the other list", () => {
    const ok = load(["users"], ["**/Delete*", "users/Get user"]);
    expect(ok.check).not.toThrow();
    expect(ok.kept).toEqual([]);
    expect(load(undefined, ["meetings"]).kept).toEqual(paths.slice(0, 2));
  });
});

describe("the README's and docs/config.md's config examples", () => {
  it.each(["README.md", "docs/config.md"])("select requests of the real Zoom collection (%s)", async (doc) => {
    // The config example that selects requests (README.md's first, under "Use it in your project",
    // selects none).
    const example = [...readFileSync(`${ROOT}${doc}`, "utf8").matchAll(/```json\n(\{\n {2}"\$schema"[\s\S]*?)```/g)]
      .map((m) => m[1]!)
      .find((text) => text.includes('"include"'))!;
    const target = (JSON.parse(example) as { targets: { collection: string; include: string[]; exclude?: string[] }[] })
      .targets[0]!;
    const chosen = selection(target.include, target.exclude, configPatternPlace("cfg.json", 0));
    const model = await readCollection(`${ROOT}${target.collection}`, { select: chosen.select });
    expect(() => chosen.check("zoom-api.json")).not.toThrow();
    const folders = new Set(model.operations.map((op) => op.folder[0]));
    expect([...folders].sort()).toEqual(["meetings/{meeting Id}", "users"]);
  });
});

const op = (item: string, folder: string[], extra: Partial<OperationModel> = {}): OperationModel => ({
  name: item.replace(/\s/g, ""),
  namespace: folder,
  exportName: item.replace(/\s/g, ""),
  item,
  folder,
  method: "POST",
  path: "/x",
  args: [{ arg: "a", name: "a", in: "body", required: false, source: "x" }],
  body: { encoding: "multipart" },
  auth: { type: "none" },
  responses: [],
  scripts: [],
  source: "item[0]",
  ...extra,
});
const model: ApiModel = {
  name: "A",
  baseUrl: "{{baseUrl}}",
  variables: [],
  warnings: [],
  operations: [
    op("Update status", ["users"]),
    op("Upload", ["files"], { args: [{ arg: "f", name: "f", in: "body", required: true, type: "file", source: "y" }] }),
  ],
};
const base = { configFile: "cfg.json", targetIndex: 0 };

// The target's names are the naming pass's (test/model/naming.test.ts).
describe("target overrides", () => {
  it("changes body encodings and the base URL", () => {
    const changed = applyOverrides(model, {
      ...base,
      baseUrl: "https://staging.test",
      bodyEncoding: { "users/Update status": "json" },
    });
    expect(changed.baseUrl).toBe("https://staging.test");
    expect(changed.operations[0]).toMatchObject({
      name: "Updatestatus",
      body: { encoding: "json", contentType: "application/json" },
    });
    expect(postmanPath(changed.operations[1]!)).toBe("files/Upload");
  });

  it("reads only the target's own entries, not Object's members", () => {
    const changed = applyOverrides(
      { ...model, operations: [op("toString", []), ...model.operations] },
      { ...base, bodyEncoding: { "users/Update status": "json" } },
    );
    expect(changed.operations[0]!.body).toEqual({ encoding: "multipart" });
  });

  it("names the config entry at fault", () => {
    const fail = (o: Parameters<typeof applyOverrides>[1]) => {
      try {
        applyOverrides(model, o);
      } catch (error) {
        expect(error).toBeInstanceOf(CodegenError);
        return (error as Error).message;
      }
      return expect.fail("accepted");
    };
    expect(fail({ ...base, bodyEncoding: { "users/Nope": "json" } })).toBe(
      'cfg.json at targets[0].bodyEncoding["users/Nope"]: no request has this Postman path (folders and request name joined by /); the collection\'s top level: "users", "files"',
    );
    expect(fail({ ...base, bodyEncoding: { "users/Update stauts": "json" } })).toMatch(
      /\); near it: "users\/Update status"$/,
    );
    // A key names a request, so a folder is never offered for it, however near.
    expect(fail({ ...base, bodyEncoding: { file: "json" } })).toMatch(/\); near it: "files\/Upload"$/);
    expect(fail({ ...base, bodyEncoding: { "files/Upload": "json" } })).toMatch(
      /file fields, which only multipart can send/,
    );
  });
});
