// The generator's own version, from its package.json: what `--version` prints. Read from the
// package's root, never from the package.json nearest to the working directory (a user's project).
// Only node: modules and paths.ts, so that bin.ts answers `--version` without loading yargs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "./paths.js";

export function generatorVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
}
