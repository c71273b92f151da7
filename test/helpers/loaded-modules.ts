// Which files a run of the built command loads: a preloaded module writes the keys of
// `require.cache` when the process exits (the CommonJS files: the SDK, Handlebars, TypeScript, and
// what they require), and registers a loader hook that records each ES module as Node loads it
// (yargs, prettier, the generator's own modules), which no cache lists.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BIN } from "./cli.js";
import { runProgram, type ProgramResult } from "./program.js";

/** Runs dist/bin.js with `args`; `loaded` holds the path of every file it loaded, CommonJS or ES module. */
export async function loadedModules(args: readonly string[]): Promise<ProgramResult & { loaded: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-loaded-"));
  try {
    const required = join(dir, "required.json");
    const imported = join(dir, "imported.txt");
    const hooks = join(dir, "hooks.mjs");
    const record = join(dir, "record.mjs");
    writeFileSync(imported, "");
    // Node runs the hooks on a thread of their own: each URL is appended as it loads.
    writeFileSync(
      hooks,
      [
        'import { appendFileSync } from "node:fs";',
        `export async function load(url, context, next) {`,
        `  if (url.startsWith("file:")) appendFileSync(${JSON.stringify(imported)}, url + "\\n");`,
        `  return next(url, context);`,
        `}`,
      ].join("\n"),
    );
    writeFileSync(
      record,
      [
        'import { writeFileSync } from "node:fs";',
        'import { createRequire, register } from "node:module";',
        `register(${JSON.stringify(pathToFileURL(hooks).href)});`,
        "const require = createRequire(import.meta.url);",
        `process.on("exit", () => writeFileSync(${JSON.stringify(required)}, JSON.stringify(Object.keys(require.cache))));`,
      ].join("\n"),
    );
    const result = await runProgram(process.execPath, ["--import", pathToFileURL(record).href, BIN, ...args]);
    const esm = readFileSync(imported, "utf8")
      .split("\n")
      .filter((url) => url !== "")
      .map((url) => fileURLToPath(url));
    const cjs = JSON.parse(readFileSync(required, "utf8")) as string[];
    return { ...result, loaded: [...new Set([...cjs, ...esm])] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
