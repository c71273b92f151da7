// The emitted package's CHANGELOG.md, newest first, one entry per version, and the version a
// verdict calls for (`version: "auto"`). An entry holds no date: a regeneration must give the same
// bytes on any machine at any time, so the version is the heading.
import type { ApiChange, ApiDiff, ChangeKind } from "./compare.js";
import type { Verdict } from "./levels.js";
import { counted } from "../counted.js";

export const CHANGELOG_FILE = "CHANGELOG.md";

const TITLE = "# Changelog";
const INTRO =
  "What each regeneration by postman-codegen changed in this client's public API, newest first. Breaking changes call for a new major version (a new minor one below 1.0.0).";

const GROUPS = ["Breaking", "Added", "Changed", "Docs"] as const;
type Group = (typeof GROUPS)[number];

/** Minor and patch changes that are not additions, and docs, by kind; every major change is Breaking. */
const CHANGED: ReadonlySet<ChangeKind> = new Set([
  "argument-optional",
  "argument-type-widened",
  "result-type-refined",
  "export-type-refined",
  "argument-moved",
  "path-variable-renamed",
  "body-changed",
  "request-changed",
  "variable-value-changed",
  "variable-value-given",
  "environment-values-changed",
  "environment-variable-given",
  "environment-variable-set",
]);
const DOCS: ReadonlySet<ChangeKind> = new Set(["docs-changed", "scripts-changed", "examples-changed"]);

export function groupOf(change: ApiChange): Group {
  if (change.level === "major") return "Breaking";
  if (DOCS.has(change.kind)) return "Docs";
  return CHANGED.has(change.kind) ? "Changed" : "Added";
}

/**
 * `version` raised by a verdict, as npm users expect of semver: below 1.0.0 a breaking change
 * raises the minor and anything else the patch. A prerelease (`2.0.0-beta.1`) is released by any
 * bump that it already stands for (npm's `semver.inc`); build metadata is dropped.
 */
export function bumpVersion(version: string, verdict: Verdict): string {
  if (verdict === "none") return version;
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([^+]*))?/.exec(version);
  if (!match) throw new Error(`not a semantic version: ${version}`);
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const prerelease = match[4] !== undefined;
  const level = major === 0 ? (verdict === "major" ? "minor" : "patch") : verdict;
  switch (level) {
    case "major":
      return prerelease && minor === 0 && patch === 0 ? `${major}.0.0` : `${major + 1}.0.0`;
    case "minor":
      return prerelease && patch === 0 ? `${major}.${minor}.0` : `${major}.${minor + 1}.0`;
    case "patch":
      return prerelease ? `${major}.${minor}.${patch}` : `${major}.${minor}.${patch + 1}`;
  }
}

interface Entry {
  version: string;
  /** Paragraphs before the groups. */
  intro: string[];
  groups: Map<Group, string[]>;
}

/**
 * The changelog with this regeneration's entry on top: the changes, or on a first generation (no
 * surface to compare with) the line that says so. No change, no entry. When the top entry already
 * has this version (a fixed `version` in the config), the changes join it rather than repeating
 * the heading.
 */
export function changelogWith(
  previous: string | undefined,
  version: string,
  change: ApiDiff | { initial: string },
): string {
  if ("verdict" in change && change.verdict === "none") return previous ?? render([]);
  const entries = previous ? parse(previous) : [];
  const entry: Entry =
    "verdict" in change
      ? { version, intro: [], groups: grouped(change.changes) }
      : { version, intro: [change.initial], groups: new Map() };
  const top = entries[0];
  if (top?.version !== version) {
    entries.unshift(entry);
    return render(entries);
  }
  top.intro = [...new Set([...top.intro, ...entry.intro])];
  for (const group of GROUPS) {
    const lines = [...(entry.groups.get(group) ?? []), ...(top.groups.get(group) ?? [])];
    if (lines.length) top.groups.set(group, [...new Set(lines)]);
  }
  return render(entries);
}

/** The line of a first entry: a first generation, or the first of a generator that records the API. */
export function initialLine(operations: number, outputExisted: boolean): string {
  const count = counted(operations, "operation");
  return outputExisted
    ? `API first recorded: ${count} (the output was written by a generator that did not record it; earlier changes are not listed).`
    : `First generation: ${count}.`;
}

function grouped(changes: readonly ApiChange[]): Map<Group, string[]> {
  const groups = new Map<Group, string[]>();
  for (const change of changes) {
    const group = groupOf(change);
    groups.set(group, [...(groups.get(group) ?? []), bullet(change)]);
  }
  return groups;
}

function bullet(change: ApiChange): string {
  return `- ${change.operation ? `\`${change.operation}\`: ` : ""}${change.detail}`;
}

function render(entries: readonly Entry[]): string {
  const parts = [TITLE, INTRO];
  for (const entry of entries) {
    parts.push(`## ${entry.version}`, ...entry.intro);
    for (const group of GROUPS) {
      const lines = entry.groups.get(group);
      if (lines?.length) parts.push(`### ${group}`, lines.join("\n"));
    }
  }
  return `${parts.join("\n\n")}\n`;
}

/** The entries of a changelog this module wrote (its title and intro are written anew). */
function parse(text: string): Entry[] {
  const entries: Entry[] = [];
  let group: Group | undefined;
  for (const line of text.split("\n")) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      entries.push({ version: heading[1]!.trim(), intro: [], groups: new Map() });
      group = undefined;
      continue;
    }
    const entry = entries[entries.length - 1];
    if (!entry || line.trim() === "") continue;
    const sub = /^### (.+)$/.exec(line);
    if (sub && (GROUPS as readonly string[]).includes(sub[1]!.trim())) {
      group = sub[1]!.trim() as Group;
      continue;
    }
    if (group) entry.groups.set(group, [...(entry.groups.get(group) ?? []), line]);
    else entry.intro.push(line);
  }
  return entries;
}
