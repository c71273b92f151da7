import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { CodegenError } from "../../src/errors.js";
import { writePackage } from "../../src/write/write-package.js";

/** The id of a process that has exited, as a run killed with -9 leaves it in its lock. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

const scratch = () => mkdtempSync(join(tmpdir(), "postman-codegen-write-"));
const MANIFEST = { generator: "g", input: "i" };

describe("writePackage", () => {
  it("replaces the output directory as a whole and leaves nothing beside it", async () => {
    const dir = scratch();
    const out = join(dir, "pkg");
    const manifest = { generator: "g", input: "i" };
    await writePackage(
      out,
      new Map([
        ["a.txt", "1"],
        ["src/b.ts", "2"],
      ]),
      manifest,
    );
    const result = await writePackage(out, new Map([["a.txt", "3"]]), manifest);
    expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("3");
    expect(existsSync(join(out, "src"))).toBe(false);
    expect(result).toEqual({ written: ["a.txt"], removed: ["src/b.ts"], kept: [] });
    expect(readdirSync(dir)).toEqual(["pkg"]);
  });

  it("without a manifest (a caller that owns the folder) keeps what it did not write", async () => {
    const dir = scratch();
    const out = join(dir, "pkg");
    mkdirSync(out);
    writeFileSync(join(out, "mine.txt"), "mine");
    await writePackage(out, new Map([["a.txt", "1"]]));
    expect(readdirSync(out).sort()).toEqual(["a.txt", "mine.txt"]);
  });

  it("keeps what a user added to an output it made, and removes what it no longer writes", async () => {
    const dir = scratch();
    const out = join(dir, "pkg");
    await writePackage(
      out,
      new Map([
        ["a.txt", "1"],
        ["src/old.ts", "2"],
      ]),
      MANIFEST,
    );
    writeFileSync(join(out, "notes.md"), "mine");
    mkdirSync(join(out, "src/mine"));
    writeFileSync(join(out, "src/mine/x.ts"), "mine");
    mkdirSync(join(out, "node_modules/dep"), { recursive: true });
    const result = await writePackage(
      out,
      new Map([
        ["a.txt", "3"],
        ["src/new.ts", "4"],
      ]),
      MANIFEST,
    );
    expect(result.kept.sort()).toEqual(["node_modules", "notes.md", "src/mine"]);
    expect(result.removed).toEqual(["src/old.ts"]);
    expect(readFileSync(join(out, "notes.md"), "utf8")).toBe("mine");
    expect(readFileSync(join(out, "src/mine/x.ts"), "utf8")).toBe("mine");
    expect(existsSync(join(out, "src/old.ts"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["pkg"]);
  });

  it("writes into an empty folder", async () => {
    const dir = scratch();
    const out = join(dir, "pkg");
    mkdirSync(out);
    await writePackage(out, new Map([["a.txt", "1"]]), MANIFEST);
    expect(readdirSync(out).sort()).toEqual([".postman-codegen.json", "a.txt"]);
  });

  it("refuses a folder that is not empty and that it did not make, leaving it as it was", async () => {
    const dir = scratch();
    const out = join(dir, "app");
    mkdirSync(join(out, "src"), { recursive: true });
    writeFileSync(join(out, "package.json"), '{"name":"my-app"}');
    writeFileSync(join(out, "src/client.ts"), "export const mine = 1;");
    const refusal = writePackage(
      out,
      new Map([
        ["package.json", "{}"],
        ["src/client.ts", ""],
      ]),
      MANIFEST,
    );
    await expect(refusal).rejects.toThrow(CodegenError);
    await expect(refusal).rejects.toThrow(
      `${out}: the folder is not empty and holds no .postman-codegen.json, so postman-codegen did not make it`,
    );
    expect(readFileSync(join(out, "package.json"), "utf8")).toBe('{"name":"my-app"}');
    expect(readFileSync(join(out, "src/client.ts"), "utf8")).toBe("export const mine = 1;");
    expect(readdirSync(dir)).toEqual(["app"]);
  });

  it("refuses a file as the output folder", async () => {
    const dir = scratch();
    const out = join(dir, "pkg");
    writeFileSync(out, "mine");
    await expect(writePackage(out, new Map([["a.txt", "1"]]), MANIFEST)).rejects.toThrow(
      `${out}: not a folder: the package is written as a folder`,
    );
    expect(readFileSync(out, "utf8")).toBe("mine");
    expect(readdirSync(dir)).toEqual(["pkg"]);
  });

  it("writes into the folder a symbolic link names, keeping the link", async () => {
    const dir = scratch();
    mkdirSync(join(dir, "real"));
    symlinkSync("real", join(dir, "link"));
    await writePackage(join(dir, "link"), new Map([["a.txt", "1"]]), MANIFEST);
    writeFileSync(join(dir, "real", "notes.md"), "mine");
    await writePackage(join(dir, "link"), new Map([["a.txt", "2"]]), MANIFEST);
    expect(lstatSync(join(dir, "link")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real", "a.txt"), "utf8")).toBe("2");
    expect(readFileSync(join(dir, "real", "notes.md"), "utf8")).toBe("mine");
    expect(readdirSync(dir).sort()).toEqual(["link", "real"]);
  });

  it("refuses a symbolic link to nothing as the output folder, writing nothing", async () => {
    const dir = scratch();
    symlinkSync("nowhere", join(dir, "pkg"));
    const refusal = writePackage(join(dir, "pkg"), new Map([["a.txt", "1"]]), MANIFEST);
    await expect(refusal).rejects.toThrow(CodegenError);
    await expect(refusal).rejects.toThrow(`${join(dir, "pkg")}: a symbolic link to nowhere, which does not exist`);
    expect(readdirSync(dir)).toEqual(["pkg"]);
  });

  it("says which folder it cannot write, without a stack trace, when the output's parent is a file", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "file"), "mine");
    const out = join(dir, "file", "pkg");
    const failure = writePackage(out, new Map([["a.txt", "1"]]), MANIFEST);
    await expect(failure).rejects.toThrow(CodegenError);
    await expect(failure).rejects.toThrow(`${out}: cannot write the package: `);
    await expect(failure).rejects.toThrow(`${join(dir, "file")}`);
    expect(readdirSync(dir)).toEqual(["file"]);
  });

  it("writes one package at a time when writes of one output overlap, each whole", async () => {
    const dir = scratch();
    const out = join(dir, "pkg");
    const version = (n: number) =>
      new Map(Array.from({ length: 50 }, (_, i) => [`src/f${i}.ts`, `${n}`] as [string, string]));
    await Promise.all([1, 2, 3, 4].map((n) => writePackage(out, version(n), MANIFEST)));
    const texts = new Set(readdirSync(join(out, "src")).map((file) => readFileSync(join(out, "src", file), "utf8")));
    expect(texts.size).toBe(1);
    expect(readdirSync(join(out, "src"))).toHaveLength(50);
    expect(readdirSync(dir)).toEqual(["pkg"]);
  });

  it("takes over a lock that holds this process's id but that this process does not hold", async () => {
    // A run killed in a container leaves its lock on the mounted folder; the next container's run
    // often gets the same process id, and would otherwise wait a minute on itself and fail.
    const dir = scratch();
    const out = join(dir, "pkg");
    await writePackage(out, new Map([["a.txt", "1"]]), MANIFEST);
    writeFileSync(join(dir, ".pkg.lock"), `${process.pid}\n`);
    const started = Date.now();
    await writePackage(out, new Map([["a.txt", "2"]]), MANIFEST);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("2");
    expect(readdirSync(dir)).toEqual(["pkg"]);
  }, 10_000);

  it("waits on a lock written on another host, whose process id says nothing here", async () => {
    // Containers sharing a mounted folder, or machines sharing a network one: a process id that is
    // dead here may be a live run there. Old enough that an unreadable lock would be taken as dead.
    const dir = scratch();
    const out = join(dir, "pkg");
    await writePackage(out, new Map([["a.txt", "1"]]), MANIFEST);
    const lock = join(dir, ".pkg.lock");
    writeFileSync(lock, `${await deadPid()}\nanother-host.example\n`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    let written = false;
    const write = writePackage(out, new Map([["a.txt", "2"]]), MANIFEST).then(() => (written = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(written).toBe(false);
    expect(readFileSync(lock, "utf8")).toMatch(/\nanother-host\.example\n$/);
    expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("1");
    // The other host's run lets go.
    rmSync(lock);
    await write;
    expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("2");
    expect(readdirSync(dir)).toEqual(["pkg"]);
  }, 10_000);

  it("takes over a dead run's lock past a takeover guard left by a run killed holding it", async () => {
    const dir = scratch();
    const out = join(dir, "pkg");
    await writePackage(out, new Map([["a.txt", "1"]]), MANIFEST);
    writeFileSync(join(dir, ".pkg.lock"), `${await deadPid()}\n`);
    const guard = join(dir, ".pkg.lock.takeover");
    writeFileSync(guard, "");
    const old = new Date(Date.now() - 60_000);
    utimesSync(guard, old, old);
    await writePackage(out, new Map([["a.txt", "2"]]), MANIFEST);
    expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("2");
    expect(readdirSync(dir)).toEqual(["pkg"]);
  }, 10_000);

  it.each([
    ["a file of the user's where it now writes one", "src/new.ts", "src/new.ts"],
    ["a file of the user's where it now writes a folder", "src", "src"],
    ["a folder of the user's where it now writes a file", "src/new.ts/x.ts", "src/new.ts"],
  ])("refuses %s, leaving the output as it was", async (_case, mine, place) => {
    const dir = scratch();
    const out = join(dir, "pkg");
    const before = new Map([["a.txt", "1"], ...(mine === "src" ? [] : ([["src/old.ts", "2"]] as const))]);
    await writePackage(out, before, MANIFEST);
    mkdirSync(dirname(join(out, mine)), { recursive: true });
    writeFileSync(join(out, mine), "mine");
    await expect(
      writePackage(
        out,
        new Map([
          ["a.txt", "3"],
          ["src/new.ts", "4"],
        ]),
        MANIFEST,
      ),
    ).rejects.toThrow(`${out} at ${place}: postman-codegen did not write it, and now writes src/new.ts`);
    expect(readFileSync(join(out, mine), "utf8")).toBe("mine");
    expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("1");
    expect(readdirSync(dir)).toEqual(["pkg"]);
  });

  it("gives a new output folder the mode mkdir gives (0777 less the umask), and keeps a replaced one's", async () => {
    const dir = scratch();
    const mode = (path: string) => statSync(path).mode & 0o7777;
    mkdirSync(join(dir, "plain"));
    const out = join(dir, "pkg");
    await writePackage(out, new Map([["a.txt", "1"]]), MANIFEST);
    expect(mode(out).toString(8)).toBe(mode(join(dir, "plain")).toString(8));
    chmodSync(out, 0o750);
    await writePackage(out, new Map([["a.txt", "2"]]), MANIFEST);
    expect(mode(out).toString(8)).toBe("750");
    // An empty folder made beforehand keeps its mode too.
    mkdirSync(join(dir, "empty"), { mode: 0o711 });
    chmodSync(join(dir, "empty"), 0o711);
    await writePackage(join(dir, "empty"), new Map([["a.txt", "1"]]), MANIFEST);
    expect(mode(join(dir, "empty")).toString(8)).toBe("711");
  });

  it("leaves the previous output whole when writing fails", async () => {
    const dir = scratch();
    const out = join(dir, "pkg");
    await writePackage(out, new Map([["a.txt", "old"]]));
    // "x" as a file and as a directory cannot both be written.
    await expect(
      writePackage(
        out,
        new Map([
          ["x", "file"],
          ["x/y", "child"],
        ]),
      ),
    ).rejects.toThrow();
    expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["pkg"]);
  });

  it("restores the previous output after a run killed between the two renames", async () => {
    const dir = scratch();
    mkdirSync(join(dir, ".pkg.old-abc123"));
    writeFileSync(join(dir, ".pkg.old-abc123", "a.txt"), "previous");
    mkdirSync(join(dir, ".pkg.new-def456"));
    await writePackage(join(dir, "other"), new Map([["b.txt", "x"]]));
    expect(readdirSync(dir).sort()).toEqual([".pkg.new-def456", ".pkg.old-abc123", "other"]);
    await writePackage(join(dir, "pkg"), new Map([["a.txt", "next"]]));
    expect(readdirSync(dir).sort()).toEqual(["other", "pkg"]);
    expect(readFileSync(join(dir, "pkg", "a.txt"), "utf8")).toBe("next");
  });

  it("writes package.json's bin files executable, as npm install makes them, at every regeneration", async () => {
    const dir = scratch();
    const out = join(dir, "pkg");
    const files = new Map([
      ["package.json", JSON.stringify({ name: "pkg", bin: { pkg: "./dist/cli/main.js", other: "dist/other.js" } })],
      ["dist/cli/main.js", "#!/usr/bin/env node\n"],
      ["dist/other.js", "#!/usr/bin/env node\n"],
      ["dist/index.js", "export {};\n"],
    ]);
    const executable = (path: string) => (statSync(join(out, path)).mode & 0o111) !== 0;
    for (let run = 0; run < 2; run++) {
      // The second run replaces an output whose bin a user made 644 again (a checkout): it is 755 once more.
      if (run) chmodSync(join(out, "dist/cli/main.js"), 0o644);
      await writePackage(out, files, MANIFEST);
      expect(executable("dist/cli/main.js"), `run ${run}`).toBe(true);
      expect(executable("dist/other.js"), `run ${run}`).toBe(true);
      expect(executable("dist/index.js"), `run ${run}`).toBe(false);
      expect(executable("package.json"), `run ${run}`).toBe(false);
    }
    // Beside a package.json that does not parse (a caller writing its own files), nothing is a bin.
    await writePackage(join(dir, "plain"), new Map([["package.json", "not json"]]), MANIFEST);
    expect((statSync(join(dir, "plain", "package.json")).mode & 0o111) !== 0).toBe(false);
  });
});
