// What the command line prints for generate and pull: each target's summary and warnings, the
// drift `--check` found, the `--fail-on` verdict, the JSON result and the progress line.
import type { Warning } from "./model/types.js";
import type { PullChange } from "./postman-api/pull.js";
import type { GenerateResult, ProgressEvent, TargetResult } from "./generate.js";
import { failsAt, type Level } from "./diff/levels.js";
import { shellQuote } from "./command-line/curl.js";
import { apiChangeLines } from "./diff/report.js";
import { shownPath } from "./shown-path.js";
import { warningLines } from "./warning-lines.js";
import { counted } from "./counted.js";
import { isNewWarning } from "./known-warnings.js";

export function report(result: GenerateResult, ms: number, verbose: boolean): void {
  for (const target of result.targets) {
    // The warnings the last generation gave too are one line (Gradle's "deprecated features were
    // used"): printed every time, they bury the one a collection's change brings.
    for (const line of targetWarningLines(target, verbose, !verbose)) console.error(line);
    const known = verbose ? 0 : knownProblems(target);
    if (known)
      console.error(
        `${target.target.name}: ${counted(known, "warning")} as at the last generation (--verbose lists them)`,
      );
    console.log(summary(target));
    // Said only when the API changed: a first generation has nothing to compare with.
    for (const line of apiChangeLines(target.target.name, target.api, verbose)) console.log(line);
  }
  reportDrift(result);
  console.log(`done in ${(ms / 1000).toFixed(1)} s`);
}

type TargetWarnings = Pick<TargetResult, "target" | "warnings" | "warningsBefore">;

/**
 * A target's warnings as generate prints them: each problem once, with its first places (every
 * place with `verbose`; each warning in --json); with `onlyNew`, those the output's manifest did
 * not record (src/known-warnings.ts).
 */
export function targetWarningLines(target: TargetWarnings, verbose: boolean, onlyNew = false): string[] {
  const shown = onlyNew ? target.warnings.filter((warning) => isNewWarning(target, warning)) : target.warnings;
  return warningLines(shown, fileOf(target), verbose);
}

/** How many problems (lines, as printed) the warnings that the output's manifest recorded make. */
export function knownProblems(target: TargetWarnings): number {
  return warningLines(
    target.warnings.filter((warning) => !isNewWarning(target, warning)),
    fileOf(target),
  ).length;
}

/** The file a target's warning is shown as being about: its own, else the collection. */
function fileOf(target: TargetWarnings): (warning: { file?: string }) => string {
  return (warning) => shownPath(warning.file ?? target.target.collection);
}

function summary(target: TargetResult): string {
  const out = shownPath(target.target.out);
  const operations = target.operations === undefined ? "" : `${counted(target.operations, "operation")}, `;
  switch (target.status) {
    case "up-to-date":
      return `${target.target.name}: up to date (${out})`;
    case "unchanged":
      return `${target.target.name}: ${out} is what the collection produces`;
    case "drifted":
      return `${target.target.name}: ${out} differs from what the collection produces (${counted(target.changes.length, "file")})`;
    case "written":
      return `${target.target.name}: ${operations}${target.files.length} files → ${out}`;
  }
}

/** A short, readable summary of drift: each file, and its first changed line. */
export function reportDrift(result: GenerateResult): void {
  for (const target of result.targets.filter((t) => t.status === "drifted")) {
    console.error(`${target.target.name}: run \`postman-codegen generate\` to update ${shownPath(target.target.out)}:`);
    for (const change of target.changes.slice(0, 20)) {
      console.error(`  ${change.change.padEnd(7)} ${change.path}`);
      if (change.firstDifference) {
        const { line, onDisk, generated } = change.firstDifference;
        console.error(`          line ${line}: - ${clip(onDisk)}`);
        console.error(`          line ${line}: + ${clip(generated)}`);
      }
      if (change.mode) {
        console.error(`          mode: - ${change.mode.onDisk}`);
        console.error(`          mode: + ${change.mode.generated}`);
      }
    }
    if (target.changes.length > 20) console.error(`  … and ${target.changes.length - 20} more`);
  }
}

/** Why --check passed or failed with --fail-on, for targets that drifted (with --quiet, for those that failed). */
export function reportFailOn(result: GenerateResult, failOn: Level, quiet: boolean): void {
  for (const target of result.targets.filter((t) => t.status === "drifted")) {
    const { verdict } = target.api;
    const at =
      verdict === "initial" ? "no API to compare with" : verdict === "none" ? "no API change" : `${verdict} API change`;
    const fails = failsAt(verdict, failOn);
    if (quiet && !fails) continue;
    console.error(
      `${target.target.name}: ${at}, ${fails ? "at or above" : "below"} --fail-on ${failOn}${fails ? "" : ": the drift does not fail the check"}`,
    );
  }
}

/** `collection 1234-… "Zoom API": changed (updated 2024-01-01T… → 2024-02-…) → postman-sources/…`. */
export function pullLine(change: PullChange): string {
  const name = change.name !== undefined ? ` ${JSON.stringify(change.name)}` : "";
  const updated =
    change.previousUpdatedAt !== undefined && change.updatedAt !== undefined
      ? ` (updated ${change.previousUpdatedAt} → ${change.updatedAt})`
      : change.updatedAt !== undefined && change.status !== "removed"
        ? ` (updated ${change.updatedAt})`
        : "";
  return `${change.kind} ${change.uid}${name}: ${change.status}${updated} → ${change.file}`;
}

/**
 * What a pull did, by status (`2 added`, `1 changed, 2 up to date`) and what to run next; `all 3
 * up to date` when nothing changed. "2 of 2 changed" said nothing of two resources pulled for the first time.
 */
export function pullSummary(changes: readonly PullChange[], next: string): string {
  const count = (status: PullChange["status"]) => changes.filter((c) => c.status === status).length;
  const done = (["added", "changed", "removed"] as const).flatMap((s) => (count(s) ? [`${count(s)} ${s}`] : []));
  // "all 1 up to date" read as a slip: one resource is simply up to date.
  if (!done.length) return changes.length === 1 ? "up to date" : `all ${changes.length} up to date`;
  const unchanged = count("unchanged");
  return `${[...done, ...(unchanged ? [`${unchanged} up to date`] : [])].join(", ")}: run ${next} to regenerate`;
}

/**
 * The command that generates from what `pull --postman-collection` stored: the same flags, and the
 * package name generate asks for, from the collection's title. A bare `generate` would look for a config.
 */
export function generateCommand(
  sources: { postmanCollection: string; postmanEnvironments?: readonly string[]; postmanApi?: string },
  name: string,
): string {
  const args = [
    "postman-codegen",
    "generate",
    "--postman-collection",
    sources.postmanCollection,
    ...(sources.postmanEnvironments ?? []).flatMap((uid) => ["--postman-environment", uid]),
    ...(sources.postmanApi !== undefined ? ["--postman-api", sources.postmanApi] : []),
    "--name",
    name,
  ];
  return args.map(shellQuote).join(" ");
}

/**
 * `warning: postman-sources/collections/1234-….json at auth.bearer[0].value: …`: what a stored copy
 * left out, each problem once (warningLines).
 */
export function pullWarnings(change: PullChange): string[] {
  return warningLines(change.warnings ?? [], (w) => w.file ?? change.file);
}

function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

/**
 * Each warning as --json gives it, one entry per place: its place, message and file, and `new`:
 * whether the output's manifest did not record it (src/known-warnings.ts). `subject`
 * only says which warnings a person reads as one problem (warning-lines.ts); the message names it.
 * `scope` is the README's name for the file, which `file` gives here.
 */
function warningEntries(target: TargetWarnings): Array<Omit<Warning, "subject" | "scope"> & { new: boolean }> {
  return target.warnings.map((warning) => {
    const { subject: _, scope: _scope, ...entry } = warning;
    return { ...entry, new: isNewWarning(target, warning) };
  });
}

export function jsonResult(result: GenerateResult) {
  return {
    ok: result.ok,
    ...(result.pulled ? { pulled: result.pulled } : {}),
    targets: result.targets.map((t) => ({
      name: t.target.name,
      collection: t.target.collection,
      out: t.target.out,
      status: t.status,
      operations: t.operations,
      version: t.api.version,
      verdict: t.api.verdict,
      // The client's API changes; `drift` is what differs on disk (with --check).
      changes: t.api.changes,
      files: t.files,
      drift: t.changes,
      warnings: warningEntries(t),
      timings: Object.fromEntries(Object.entries(t.timings).map(([k, v]) => [k, Math.round(v)])),
    })),
  };
}

/** One status line on stderr, rewritten in place (only on a terminal). */
export function progressLine() {
  let shown = false;
  return {
    update(event: ProgressEvent) {
      const what =
        event.phase === "emitting" && event.operations !== undefined
          ? `emitting ${event.operations} operations…`
          : event.phase === "done"
            ? "done"
            : `${event.phase}…`;
      process.stderr.write(`\r\x1b[2K${event.target}: ${what}`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write("\r\x1b[2K");
    },
  };
}
