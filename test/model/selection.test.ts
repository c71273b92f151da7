import { describe, expect, it } from "vitest";
import { CodegenError } from "../../src/errors.js";
import { applyOverrides, covers, postmanPath, selected } from "../../src/model/selection.js";
import type { ApiModel, OperationModel } from "../../src/model/types.js";

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

  it("keeps what is included and not excluded", () => {
    const keep = selected(["users"], ["users/**/Delete*"]);
    expect(keep(["users", "Get user"])).toBe(true);
    expect(keep(["users", "{user Id}", "Delete a user"])).toBe(false);
    expect(keep(["meetings", "Get meeting"])).toBe(false);
    expect(selected(undefined, undefined)(["anything"])).toBe(true);
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
      'cfg.json at targets[0].bodyEncoding["users/Nope"]: no request has this Postman path (folders and request name joined by /)',
    );
    expect(fail({ ...base, bodyEncoding: { "files/Upload": "json" } })).toMatch(
      /file fields, which only multipart can send/,
    );
  });
});
