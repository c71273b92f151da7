// What a regeneration builds on in the output it replaces: the API its manifest recorded, to
// compare with, and its CHANGELOG.md, to add an entry to. In a package that is there, losing either
// went unnoticed: taken for a first generation, `version: "auto"` kept the released version,
// "First generation" joined that version's entry and the breaking change was never recorded; a
// deleted changelog was written anew with this run's entry alone. A lost record now stops the run,
// naming the file and what to do. `--force` goes on without it: the API change is then taken as
// breaking (nothing says it is not), and a lost changelog is started anew, with a warning.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST_FILE, readManifest, type Manifest } from "../cache/manifest.js";
import { CodegenError } from "../errors.js";
import { jsonSyntaxPlace, jsonSyntaxReason } from "../load/json-text.js";
import type { Warning } from "../model/types.js";
import { CHANGELOG_FILE } from "./changelog.js";
import type { ApiChange } from "./compare.js";
import { readSurface, SURFACE_FORMAT, type Surface } from "./surface.js";

export interface PreviousOutput {
  /** The output's manifest, when it can be read. */
  manifest?: Manifest;
  /** The API the manifest recorded. */
  surface?: Surface;
  /** With `force`, when the recorded API was lost: the change to report instead of a comparison. */
  notCompared?: ApiChange;
  /** The CHANGELOG.md to add to. */
  changelog?: string;
  warnings: Warning[];
}

export function previousOutput(outDir: string, force: boolean): PreviousOutput {
  const manifest = readManifest(outDir);
  const surface = readSurface(manifest?.surface);
  const changelog = readText(join(outDir, CHANGELOG_FILE));
  const warnings: Warning[] = [];
  const found: PreviousOutput = {
    ...(manifest ? { manifest } : {}),
    ...(surface ? { surface } : {}),
    ...(changelog !== undefined ? { changelog } : {}),
    warnings,
  };
  const lost = surface ? undefined : lostSurface(outDir, manifest);
  if (lost) {
    const file = join(outDir, MANIFEST_FILE);
    if (!force)
      throw new CodegenError(
        file,
        lost.where,
        `${lost.problem}. The file records the API this regeneration compares with, which decides the version (\`version: "auto"\`) and the entry of CHANGELOG.md: restore it from version control (after a merge conflict, either side's version of the file will do) and run again, or run with --force to regenerate without it, the API change then taken as breaking`,
      );
    found.notCompared = {
      level: "major",
      kind: "api-not-compared",
      detail: `the API recorded in \`${MANIFEST_FILE}\` could not be read (${lost.problem}), so what changed is not known: taken as breaking`,
    };
  }
  // The manifest lists the changelog it wrote: one that is gone took the history with it.
  if (changelog === undefined && manifest?.files[CHANGELOG_FILE] !== undefined) {
    if (!force)
      throw new CodegenError(
        join(outDir, CHANGELOG_FILE),
        undefined,
        "deleted, and the package's history of API changes, which this regeneration adds an entry to, went with it: restore it from version control and run again, or run with --force to start a new one",
      );
    warnings.push({
      source: CHANGELOG_FILE,
      file: outDir,
      message: "missing: a new one was started (--force), without the entries the old one had",
    });
  }
  return found;
}

/**
 * The API an output's manifest recorded, which a regeneration compares with: what `diff --target`
 * compares a collection with. None to read stops the command, naming the file and why.
 */
export function recordedSurface(outDir: string): Surface {
  const manifest = readManifest(outDir);
  const surface = readSurface(manifest?.surface);
  if (surface) return surface;
  const lost = lostSurface(outDir, manifest);
  const instead = "or name the old collection: diff <old> <new>";
  throw new CodegenError(
    join(outDir, MANIFEST_FILE),
    lost?.where,
    lost
      ? `${lost.problem}. The file records the API of the output, which diff --target compares with: restore it from version control, ${instead}`
      : manifest
        ? `it records no API (an older postman-codegen wrote it): regenerate the output, ${instead}`
        : `no output to compare with: run postman-codegen generate first, ${instead}`,
  );
}

/**
 * Why an output that is a package (its package.json or CHANGELOG.md is there) has no API to compare
 * with, or undefined when it has none to lose: no output yet, or one of a generator that recorded
 * no API (its manifest lists no changelog either: the two came together).
 */
function lostSurface(outDir: string, manifest: Manifest | undefined): { where?: string; problem: string } | undefined {
  if (manifest) {
    if (manifest.surface === undefined)
      return manifest.files[CHANGELOG_FILE] !== undefined
        ? { where: "surface", problem: `it records no API, though it lists ${CHANGELOG_FILE}` }
        : undefined;
    const format = (manifest.surface as { format?: unknown } | null)?.format;
    return format !== SURFACE_FORMAT
      ? {
          where: "surface.format",
          problem: `its API is recorded in format ${JSON.stringify(format ?? null)}, and this version of postman-codegen reads format ${SURFACE_FORMAT} (another version wrote it)`,
        }
      : { where: "surface", problem: "the API it records is not whole (edited by hand?)" };
  }
  const text = readText(join(outDir, MANIFEST_FILE));
  if (text === undefined) return undefined;
  if (!["package.json", CHANGELOG_FILE].some((file) => existsSync(join(outDir, file)))) return undefined;
  const conflict = /^(?:<{7}|={7}|>{7})(?: |$)/m.exec(text);
  if (conflict) return { where: lineOf(text, conflict.index), problem: "it holds a merge conflict's markers" };
  try {
    JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    return { where: jsonSyntaxPlace(text, message), problem: `not valid JSON: ${jsonSyntaxReason(message)}` };
  }
  return { problem: "it is not a manifest postman-codegen wrote (its generator, input or files are missing)" };
}

function lineOf(text: string, offset: number): string {
  return `line ${text.slice(0, offset).split("\n").length}`;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
