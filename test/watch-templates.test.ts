// `generate --watch` and the generator's own templates: an edit of one (in a checkout of the
// generator, or in the installed package) regenerates the targets from the edited text, with the
// fingerprint a fresh run computes, so that the next `generate` finds the output up to date. The
// generator runs from a copy of the built package, whose templates the test may edit; the waits are
// on what the watch prints, each with a time limit.
import { spawn, type ChildProcess } from "node:child_process";
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readManifest } from "../src/cache/manifest.js";
import { runProgram } from "./helpers/program.js";
import { ROOT, SEED_COLLECTION } from "./helpers/seed.js";

/** The built generator as a package installs it (package.json's `files`), in a folder of its own. */
function generatorCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-generator-"));
  const { files } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { files: string[] };
  for (const path of ["package.json", ...files]) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  symlinkSync(realpathSync(join(ROOT, "node_modules")), join(dir, "node_modules"));
  return dir;
}

/** Everything a child prints, and a wait until it has printed what `done` looks for. */
function printed(child: ChildProcess) {
  let text = "";
  const listeners = new Set<() => void>();
  const add = (chunk: Buffer) => {
    text += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", add);
  child.stderr!.on("data", add);
  const waitFor = (done: (text: string) => boolean, what: string, ms = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done(text)) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no ${what} within ${ms} ms; the watch printed:\n${text}`));
      }, ms);
      listeners.add(check);
      check();
    });
  return { text: () => text, waitFor };
}

const regenerations = (text: string) => text.match(/^seed: regenerated out /gm)?.length ?? 0;

describe("generate --watch and the generator's templates", () => {
  it("regenerates from an edited template, with the fingerprint a fresh run computes", async () => {
    const generator = generatorCopy();
    const bin = join(generator, "dist/bin.js");
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-watch-templates-"));
    copyFileSync(SEED_COLLECTION, join(dir, "seed.postman_collection.json"));
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: "seed.postman_collection.json", out: "out", name: "seed" }] }),
    );
    const out = join(dir, "out");
    const child = spawn(process.execPath, [bin, "generate", "--watch"], { cwd: dir });
    const watch = printed(child);
    try {
      await watch.waitFor((text) => regenerations(text) === 1, "first generation");
      const before = readManifest(out)!.generator;
      expect(readFileSync(join(out, "README.md"), "utf8")).not.toContain("Edited while watching");

      appendFileSync(join(generator, "templates/README.md.hbs"), "\nEdited while watching.\n");
      await watch.waitFor((text) => regenerations(text) === 2, "regeneration after the template's edit");
      expect(readFileSync(join(out, "README.md"), "utf8")).toContain("Edited while watching.");
      const after = readManifest(out)!.generator;
      expect(after).not.toBe(before);

      // Again: nothing of the first edit's run may be kept either.
      appendFileSync(join(generator, "templates/README.md.hbs"), "\nEdited twice.\n");
      await watch.waitFor((text) => regenerations(text) === 3, "regeneration after the second edit");
      expect(readFileSync(join(out, "README.md"), "utf8")).toContain("Edited twice.");
      expect(readManifest(out)!.generator).not.toBe(after);

      // A folder made while watching is watched too: the fingerprint hashes the templates in it.
      mkdirSync(join(generator, "templates/extra"));
      writeFileSync(join(generator, "templates/extra/note.hbs"), "one\n");
      await watch.waitFor((text) => regenerations(text) === 4, "regeneration after a new template folder");
      appendFileSync(join(generator, "templates/extra/note.hbs"), "two\n");
      await watch.waitFor((text) => regenerations(text) === 5, "regeneration after an edit in the new folder");
      expect(watch.text()).not.toContain("error");
    } finally {
      child.kill("SIGTERM");
    }
    // A new process hashes the templates as they are now: the watch wrote what it would.
    const fresh = await runProgram(process.execPath, [bin, "generate"], { cwd: dir });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain("seed: up to date");
  }, 120_000);
});
