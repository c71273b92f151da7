import { describe, expect, it } from "vitest";
import { camelCase, pascalCase, uniqueNames } from "../../src/model/naming.js";

describe("camelCase", () => {
  it.each([
    ["Update user status", "updateUserStatus"],
    ["List SIP trunk numbers", "listSipTrunkNumbers"],
    ["get_user-by id", "getUserById"],
    ["iPhone apps", "iPhoneApps"],
    ["2FA setup", "_2faSetup"],
    ["获取 用户", "获取用户"],
    ["🚀 ✨", "operation"],
    ["", "operation"],
    ["delete", "delete"],
    ["__proto__", "proto"],
  ])("%j → %j", (name, expected) => {
    expect(camelCase(name)).toBe(expected);
  });

  it("gives PascalCase type names", () => {
    expect(pascalCase("Update user status")).toBe("UpdateUserStatus");
    expect(pascalCase("2FA setup")).toBe("_2faSetup");
  });
});

describe("uniqueNames", () => {
  it("numbers later repeats in order and avoids names already taken", () => {
    expect(uniqueNames(["a", "b", "a", "a", "a2"])).toEqual(["a", "b", "a2", "a3", "a22"]);
    expect(uniqueNames(["client"], ["client"])).toEqual(["client2"]);
  });
});
