// childPaths stands in for path.join on the no-op's hot paths: its strings must be join's, byte
// for byte, since the stat cache is keyed by them and a path may be shown to the user.
import { join } from "node:path";
import { expect, it } from "vitest";
import { childPaths } from "../../src/cache/child-path.js";

const DIRS = ["/", "/a", "/a/", "/a/b c", "/a/./b", "/a/../b", "//a", "/a//b", "a", "a/b", ".", "./a", "", "..", "/.."];
const NAMES = [
  "x.ts",
  "src/client.ts",
  "src/ops/a.b.ts",
  ".git",
  ".editorconfig",
  "..x",
  "x..",
  ".x/y",
  "./x",
  "x/.",
  "x/./y",
  "../x",
  "x/..",
  "x/../y",
  "..",
  ".",
  "",
  "/x",
  "x/",
  "x//y",
  "x\\y",
  "x/\\/y",
  " ",
  "é/ü",
];

it("gives exactly what path.join gives, for plain and odd folders and names alike", () => {
  for (const dir of DIRS) {
    const under = childPaths(dir);
    for (const name of NAMES) expect(under(name), JSON.stringify([dir, name])).toBe(join(dir, name));
  }
});
