// The generator as users install it: exactly the files `npm pack` puts in the tarball (the built
// dist/ included, so this runs after `npm ci`, whose prepare step builds), with this project's
// node_modules standing in for the installed dependencies. A file the emitter reads at run time
// that the package leaves out (the runtime sources copied into every emitted package, templates)
// shows here as a failed generation.
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, SEED_COLLECTION } from "./helpers/seed.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-packaging-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let packList: string[] | undefined;

/** The paths `npm pack` would put in the tarball (no scripts run), listed once per file: no test changes them. */
function packedFiles(): string[] {
  if (packList) return packList;
  const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return (packList = (JSON.parse(output) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map(
    (file) => file.path,
  ));
}

let installedAt: string | undefined;

/** The generator installed as npm would from its tarball, under `dir` (once per file). */
function installed(): string {
  if (installedAt) return installedAt;
  expect(existsSync(join(ROOT, "dist/bin.js")), "dist/ is missing: run `npm run build` (npm ci does)").toBe(true);
  const root = join(dir, "node_modules/postman-codegen");
  const files = packedFiles();
  // Users point their config's "$schema" at it.
  expect(files).toContain("postman-codegen.schema.json");
  for (const path of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    cpSync(join(ROOT, path), join(root, path));
  }
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"), "dir");
  return (installedAt = root);
}

/** The installed generator's `generate` of the seed collection into `out`, from `dir`. */
function generateSeed(out: string, flags = ["--no-cache"]) {
  return spawnSync(
    process.execPath,
    [
      join(installed(), "dist/bin.js"),
      "generate",
      SEED_COLLECTION,
      "--out",
      out,
      "--name",
      "zoom-update-user-status",
      ...flags,
    ],
    { cwd: dir, encoding: "utf8" },
  );
}

/**
 * The user guide's pages that the README links to, and those they link to in turn: every relative
 * link that lands in docs/ (a folder's link keeps its trailing `/`). Links to the contributors'
 * pages (ARCHITECTURE.md, bench/, generated/) are the repository's, not the guide's.
 */
function guideLinks(): string[] {
  const found = new Set<string>();
  const pages = ["README.md"];
  for (let page = pages.shift(); page !== undefined; page = pages.shift()) {
    const text = readFileSync(join(ROOT, page), "utf8");
    for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/i.test(target!)) continue;
      const path = posix.join(posix.dirname(page), target!);
      if (!path.startsWith("docs/") || found.has(path)) continue;
      found.add(path);
      if (path.endsWith(".md")) pages.push(path);
    }
  }
  return [...found].sort();
}

describe("the published package", () => {
  // Its package.json's `prepare` (which builds a git install) went into the tarball, and npm warned
  // at every install of it: "1 package has install scripts not yet covered by allowScripts:
  // postman-codegen@0.1.0 (prepare: npm run build)". The pack's own scripts take it out of the
  // tarball's package.json and put the project's back as it was. Packed from a copy of what npm
  // packs, dist/ built already: there the build step is a no-op, the rest as the project has it.
  it("packs a package.json without the prepare script, and puts the project's back byte for byte", () => {
    const project = join(dir, "pack");
    for (const path of [...packedFiles(), "package.json"]) {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      cpSync(join(ROOT, path), join(project, path));
    }
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(manifest.scripts.prepare).toBe("npm run build");
    writeFileSync(
      join(project, "package.json"),
      `${JSON.stringify({ ...manifest, scripts: { ...manifest.scripts, build: 'node -e ""' } }, null, 2)}\n`,
    );
    const before = readFileSync(join(project, "package.json"), "utf8");
    const output = execFileSync("npm", ["pack", "--json", "--pack-destination", project], {
      cwd: project,
      encoding: "utf8",
    });
    const tarball = join(project, (JSON.parse(output) as Array<{ filename: string }>)[0]!.filename);
    const packed = JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }));
    expect(packed.scripts).not.toHaveProperty("prepare");
    // Nothing else of it changes.
    const { prepare: _prepare, ...scripts } = manifest.scripts as Record<string, string>;
    expect(packed).toEqual({ ...manifest, scripts: { ...scripts, build: 'node -e ""' } });
    expect(readFileSync(join(project, "package.json"), "utf8")).toBe(before);
    expect(readdirSync(project)).not.toContain(".package.json.unpacked");
  });

  it("ships the user guide its README links to, so the links work where it is installed", () => {
    const files = packedFiles();
    const links = guideLinks();
    expect(links).toContain("docs/config.md");
    const missing = links.filter((link) =>
      link.endsWith("/") ? !files.some((file) => file.startsWith(link)) : !files.includes(link),
    );
    expect(missing).toEqual([]);
  });

  it("prints its own version, not that of the project that installed it", () => {
    // npm hoists yargs beside the generator, into the project's node_modules, and yargs guessed
    // the version from the package.json above that: the project's (`npm init`'s 1.0.0). As npm
    // lays it out: the generator and each dependency in the project's node_modules, their paths
    // kept (--preserve-symlinks) as an install's real folders would be.
    const project = join(dir, "project");
    const modules = join(project, "node_modules");
    mkdirSync(modules, { recursive: true });
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", version: "9.8.7" }));
    for (const path of packedFiles()) {
      mkdirSync(dirname(join(modules, "postman-codegen", path)), { recursive: true });
      cpSync(join(ROOT, path), join(modules, "postman-codegen", path));
    }
    for (const name of readdirSync(join(ROOT, "node_modules")))
      if (name !== "postman-codegen" && !name.startsWith("."))
        symlinkSync(join(ROOT, "node_modules", name), join(modules, name), "dir");
    const run = spawnSync(
      process.execPath,
      ["--preserve-symlinks", "--preserve-symlinks-main", join(modules, "postman-codegen/dist/bin.js"), "--version"],
      { cwd: project, encoding: "utf8" },
    );
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  });

  it("generates the seed client from the files it ships, the same as the checkout does", () => {
    const out = join(dir, "out");
    const run = generateSeed(out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const expected = join(ROOT, "generated/zoom-update-user-status");
    // The CommonJS tree too: its runtime comes from the dist/runtime-dist.json the tarball ships.
    const dist = ["dist/runtime/core.js", "dist/cjs/runtime/core.js", "dist/cjs/client.js", "dist/cjs/package.json"];
    for (const file of [
      "src/client.ts",
      "src/runtime/core.ts",
      ...dist,
      "test/client.test.ts",
      "test/recording-server.ts",
      "README.md",
    ]) {
      expect(readFileSync(join(out, file), "utf8"), file).toBe(readFileSync(join(expected, file), "utf8"));
    }
  });

  it("takes a template edited in the installed package for a change of the generator: its outputs are regenerated", () => {
    // Without --no-cache: the no-op fast path answers, from the fingerprint the build recorded.
    const out = join(dir, "edited-template");
    expect(generateSeed(out, []).status).toBe(0);
    expect(generateSeed(out, []).stdout).toBe("zoom-update-user-status: up to date\n");
    const template = join(installed(), "templates/README.md.hbs");
    writeFileSync(template, `${readFileSync(template, "utf8")}\nMaintained by the platform team.\n`);
    const run = generateSeed(out, []);
    expect(run.stderr).toBe("");
    expect(run.stdout).not.toMatch(/up to date/);
    expect(readFileSync(join(out, "README.md"), "utf8")).toMatch(/\nMaintained by the platform team\.\n$/);
    // Once written, that output is up to date with the edited template.
    expect(generateSeed(out, []).stdout).toBe("zoom-update-user-status: up to date\n");
  });
});
