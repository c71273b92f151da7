// Which CommonJS files a run of the built command loads: a preloaded script writes the keys of
// `require.cache` when the process exits (every dependency this project loads is CommonJS).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN } from "./cli.js";
import { runProgram, type ProgramResult } from "./program.js";

export async function loadedModules(args: readonly string[]): Promise<ProgramResult & { loaded: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-loaded-"));
  try {
    const record = join(dir, "record.cjs");
    const list = join(dir, "loaded.json");
    writeFileSync(
      record,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const result = await runProgram(process.execPath, ["--require", record, BIN, ...args]);
    return { ...result, loaded: JSON.parse(readFileSync(list, "utf8")) as string[] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
