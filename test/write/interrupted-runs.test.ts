// `generate` as a CI build step meets runs killed with -9 and runs started side by side: what a
// killed run left beside the output is cleared by the next run, even one that finds the output up
// to date, and one run waits for another that is writing the same output instead of clearing its
// staging folder as a dead run's.
import { spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST_FILE } from "../../src/cache/manifest.js";
import { runCli } from "../helpers/cli.js";
import { SEED_COLLECTION } from "../helpers/seed.js";

/** A folder with the seed collection and, under `generated/seed`, its package. */
async function generated(): Promise<{ dir: string; manifest: string }> {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-interrupted-"));
  copyFileSync(SEED_COLLECTION, join(dir, "seed.json"));
  const first = await runCli(["generate", "seed.json", "--out", "generated/seed"], dir);
  expect(first.code).toBe(0);
  return { dir, manifest: readFileSync(join(dir, "generated/seed", MANIFEST_FILE), "utf8") };
}

/** The id of a process that has exited: a run killed with -9 leaves it in its lock. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

describe("a generate killed with -9", () => {
  it("leaves what it wrote beside the output to the next run, which clears it though the output is up to date", async () => {
    const { dir, manifest } = await generated();
    const parent = join(dir, "generated");
    // As a run killed while writing leaves them: its half-written staging folder, the output it
    // was replacing (killed while removing it), and its lock.
    mkdirSync(join(parent, ".seed.new-0123456789ab/src"), { recursive: true });
    writeFileSync(join(parent, ".seed.new-0123456789ab/src/client.ts"), "// half");
    mkdirSync(join(parent, ".seed.old-ba9876543210"));
    writeFileSync(join(parent, ".seed.lock"), `${await deadPid()}\n`);

    const next = await runCli(["generate", "seed.json", "--out", "generated/seed"], dir);
    expect(next.code).toBe(0);
    expect(next.stdout + next.stderr).toContain("up to date");
    expect(readdirSync(parent)).toEqual(["seed"]);
    expect(readFileSync(join(parent, "seed", MANIFEST_FILE), "utf8")).toBe(manifest);
    // --check writes nothing, not even that.
    writeFileSync(join(parent, ".seed.lock"), `${await deadPid()}\n`);
    expect((await runCli(["generate", "seed.json", "--out", "generated/seed", "--check"], dir)).code).toBe(0);
    expect(readdirSync(parent).sort()).toEqual([".seed.lock", "seed"]);
  });
});

describe("a generate killed between its two renames", () => {
  it("has the next run put the previous output back before it reads its version, not generate a first one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-interrupted-"));
    copyFileSync(SEED_COLLECTION, join(dir, "seed.json"));
    const args = ["generate", "seed.json", "--out", "generated/seed"];
    expect((await runCli([...args, "--package-version", "0.3.0"], dir)).code).toBe(0);
    const parent = join(dir, "generated");
    const manifest = readFileSync(join(parent, "seed", MANIFEST_FILE), "utf8");
    // Killed once the output was renamed aside and before the new one was renamed into place.
    renameSync(join(parent, "seed"), join(parent, ".seed.old-0123456789ab"));

    // "auto" keeps the version the output has: 0.3.0, the same output, up to date.
    const next = await runCli(args, dir);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain("up to date");
    expect(readdirSync(parent)).toEqual(["seed"]);
    expect(readFileSync(join(parent, "seed", MANIFEST_FILE), "utf8")).toBe(manifest);
    expect(JSON.parse(readFileSync(join(parent, "seed", "package.json"), "utf8")).version).toBe("0.3.0");
  });
});

describe("two generate runs on one output", () => {
  it("waits while another live run holds the output's lock, then writes it whole", async () => {
    const { dir } = await generated();
    const parent = join(dir, "generated");
    // A live run writing the output: here a process that holds its lock and then lets go.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    const lock = join(parent, ".seed.lock");
    writeFileSync(lock, `${holder.pid}\n`);
    let finished = false;
    const run = runCli(["generate", "seed.json", "--out", "generated/seed", "--force"], dir).finally(
      () => (finished = true),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(finished).toBe(false);
    expect(readdirSync(parent).sort()).toEqual([".seed.lock", "seed"]);
    const released = Date.now();
    holder.kill("SIGKILL");
    const result = await run;
    expect(result.code).toBe(0);
    expect(statSync(join(parent, "seed", MANIFEST_FILE)).mtimeMs).toBeGreaterThanOrEqual(released - 50);
    expect(readdirSync(parent)).toEqual(["seed"]);
    expect(existsSync(join(parent, "seed/src/client.ts"))).toBe(true);
  });
});
