// `generate --check` agrees with `git diff --exit-code`, which tracks the executable bit: a bin
// that lost it (a copy, an archive, an editor's save) is a change, and `generate` restores it. It
// passed: the no-op's stamp and stat cache compared size, mtime and inode, which a chmod keeps, and
// --check compared bytes only.
import { chmodSync, copyFileSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { SEED_COLLECTION } from "../helpers/seed.js";

const BIN = "dist/cli/main.js";

describe.skipIf(process.platform === "win32")("generate --check and the bin's mode", () => {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-modes-"));
  copyFileSync(SEED_COLLECTION, join(dir, "api.json"));
  const generate = (...more: string[]) => runCli(["generate", "api.json", "--out", "out", ...more], dir);
  const mode = (path: string) => statSync(join(dir, "out", path)).mode & 0o777;

  it("fails on a bin that lost its executable bit, after a no-op was stamped, and generate restores it", async () => {
    expect((await generate()).code).toBe(0);
    expect(mode(BIN)).toBe(0o755 & ~process.umask());
    // Up to date twice: the second no-op answers from the stamp the first left.
    expect((await generate()).stdout).toContain("up to date");
    expect((await generate("--check")).code).toBe(0);

    chmodSync(join(dir, "out", BIN), 0o644);
    const check = await generate("--check");
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`  changed ${BIN}\n          mode: - 100644\n          mode: + 100755\n`);
    const json = await generate("--check", "--json");
    expect(json.code).toBe(1);
    const [target] = JSON.parse(json.stdout).targets;
    expect(target.drift).toEqual([{ path: BIN, change: "changed", mode: { onDisk: "100644", generated: "100755" } }]);

    expect((await generate()).code).toBe(0);
    expect(mode(BIN)).toBe(0o755 & ~process.umask());
    expect((await generate("--check")).code).toBe(0);
  });

  it("does not judge another file's executable bit, which file systems without modes give every file", async () => {
    expect((await generate()).code).toBe(0);
    // As on WSL's /mnt/c or exFAT: every file reads 0777, and no chmod changes it.
    chmodSync(join(dir, "out", "package.json"), 0o755);
    expect((await generate("--check")).code).toBe(0);
    expect((await generate()).stdout).toContain("up to date");
  });
});
