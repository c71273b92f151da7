// Target options that change which requests are emitted and how: include/exclude by Postman path,
// method names, body encodings and the default base URL. Pure functions over the model.
import { CodegenError } from "../errors.js";
import { editDistance, isNear } from "../command-line/names.js";
import type { ApiModel, OperationModel } from "./types.js";

/** A request's Postman path: its folders and its name, joined by `/`. */
export function postmanPath(op: Pick<OperationModel, "folder" | "item">): string {
  return [...op.folder, op.item].join("/");
}

/**
 * A Postman path's segments: every name split at each `/`, the `/` between two names and one inside
 * a name (Zoom's folder `meetings/{meeting Id}`) alike. The joined path cannot tell folder `a/b` from
 * folders `a` › `b`, and `names` keys are joined paths, so patterns see what those keys see.
 */
function segments(path: readonly string[]): string[] {
  return path.flatMap((name) => name.split("/")).filter((s) => s !== "");
}

/**
 * Whether a pattern covers a Postman path: segments (split at every `/`) are compared one by one,
 * `*` matches any run of characters within a segment and `**` any number of segments; a pattern that
 * matches the leading segments covers everything under them.
 */
export function covers(pattern: string, path: readonly string[]): boolean {
  const parts = segments([pattern]);
  const names = segments(path);
  const match = (i: number, j: number): boolean => {
    if (i === parts.length) return true;
    if (parts[i] === "**") return match(i + 1, j) || (j < names.length && match(i, j + 1));
    if (j === names.length) return false;
    return segment(parts[i]!, names[j]!) && match(i + 1, j + 1);
  };
  return match(0, 0);
}

function segment(pattern: string, name: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
    "s",
  );
  return regex.test(name);
}

/** The requests a target keeps: those included (all when there is no include list) and not excluded. */
export function selected(
  include: readonly string[] | undefined,
  exclude: readonly string[] | undefined,
): (path: readonly string[]) => boolean {
  return (path) => (!include || include.some((p) => covers(p, path))) && !(exclude ?? []).some((p) => covers(p, path));
}

/** Where a target's `include` or `exclude` entry is written: the file, and the place in it. */
export type PatternPlace = (key: "include" | "exclude", index: number) => { file: string; where: string };

/** In a config: `targets[1].include[0]`. */
export function configPatternPlace(configFile: string, targetIndex: number): PatternPlace {
  return (key, index) => ({ file: configFile, where: `targets[${targetIndex}].${key}[${index}]` });
}

/**
 * The target's selection, for the loader (`select`, which sees every request's Postman path), and
 * then `check`: a pattern that covers no request is an error, as a `names` entry for no request
 * is. Left silent, an include after a folder's rename emits an empty client, and an exclude that
 * no longer matches anything hides that what it was meant to leave out is now in.
 */
export function selection(
  include: readonly string[] | undefined,
  exclude: readonly string[] | undefined,
  place: PatternPlace,
): { select: (path: readonly string[]) => boolean; check: (collection: string) => void } {
  const keep = selected(include, exclude);
  const patterns = [
    ...(include ?? []).map((pattern, index) => ({ key: "include" as const, index, pattern })),
    ...(exclude ?? []).map((pattern, index) => ({ key: "exclude" as const, index, pattern })),
  ];
  let unmatched = patterns;
  const seen: (readonly string[])[] = [];
  return {
    select: (path) => {
      seen.push(path);
      if (unmatched.length) unmatched = unmatched.filter((p) => !covers(p.pattern, path));
      return keep(path);
    },
    check: (collection) => {
      const first = unmatched[0];
      if (!first) return;
      const { file, where } = place(first.key, first.index);
      throw new CodegenError(
        file,
        where,
        `no request of ${collection} is under ${JSON.stringify(first.pattern)} (a Postman path: folders and request name joined by /, \`*\` within a name, \`**\` any depth); ${existing(first.pattern, seen, "pattern")}`,
      );
    },
  };
}

/**
 * The error of a config key that names one request by its Postman path (`names`, `bodyEncoding`)
 * when none of `operations` has it: with the requests nearest it, as
 * an `include` that matches nothing has, since a folder renamed in the workspace stops both alike.
 */
export function noRequestAt(path: string, operations: readonly Pick<OperationModel, "folder" | "item">[]): string {
  const paths = operations.map((op) => [...op.folder, op.item]);
  return `no request has this Postman path (folders and request name joined by /); ${existing(path, paths, "path")}`;
}

/**
 * The paths that exist nearest a pattern that matches nothing, so that the user sees how the
 * collection spells them (`meetings/{meeting Id}` for `meetings/{meetingId}`), else those that
 * hold its text whole or (for a `path`) end with its request's name; without any, the collection's
 * top level. Compared is the pattern's text before its first `*`, with the start
 * of each path (or, after a leading `**`, with the text from any `/` on), case aside. A `path` (a
 * key that names one request) is compared whole, `*` and all, and only with requests' paths: a
 * folder's would be refused there in turn.
 */
function existing(pattern: string, paths: readonly (readonly string[])[], kind: "pattern" | "path"): string {
  const floating = kind === "pattern" ? /^(\*\*\/+)+/.exec(pattern) : null;
  const literal = (
    kind === "pattern" ? pattern.slice(floating?.[0].length ?? 0).split("*")[0]! : pattern
  ).toLowerCase();
  const candidates = [
    ...new Set(
      kind === "pattern"
        ? paths.flatMap((path) => path.map((_, i) => path.slice(0, i + 1).join("/")))
        : paths.map((path) => path.join("/")),
    ),
  ];
  const distance = (candidate: string): number => {
    const text = candidate.toLowerCase();
    const starts = floating ? [0, ...[...text.matchAll(/\//g)].map((m) => m.index + 1)] : [0];
    return Math.min(...starts.map((start) => editDistance(literal, text.slice(start, start + literal.length))));
  };
  const scored = literal
    ? candidates
        .map((candidate) => ({ candidate, distance: distance(candidate) }))
        .filter((c) => isNear(c.distance, literal))
    : [];
  const best = Math.min(...scored.map((c) => c.distance));
  const whole = (candidate: string) => editDistance(literal, candidate.toLowerCase());
  // A folder renamed in the workspace (`tracking fields` → `custom tracking fields`) is far from
  // the old path by its letters, yet keeps its requests' names, and often the old name in the new
  // one: then those are near too.
  const name = literal.replace(/\/+$/, "");
  const request = name.slice(name.lastIndexOf("/") + 1);
  const renamed = (candidate: string): boolean => {
    const text = candidate.toLowerCase();
    return (name.length > 2 && text.includes(name)) || (kind === "path" && text.endsWith(`/${request}`));
  };
  const near = (
    scored.length ? scored.filter((c) => c.distance === best).map((c) => c.candidate) : candidates.filter(renamed)
  ).sort((a, b) => whole(a) - whole(b) || a.length - b.length);
  // A folder's requests and subfolders are as near as the folder: the folder says it.
  const shown: string[] = [];
  for (const candidate of near)
    if (shown.length < 3 && !shown.some((s) => candidate.startsWith(`${s}/`))) shown.push(candidate);
  if (shown.length) return `near it: ${shown.map((s) => JSON.stringify(s)).join(", ")}`;
  const top = [...new Set(paths.map((path) => path[0]!))];
  if (!top.length) return "it has no requests";
  const more = top.length > 8 ? `, … (${top.length} in all)` : "";
  return `the collection's top level: ${top
    .slice(0, 8)
    .map((s) => JSON.stringify(s))
    .join(", ")}${more}`;
}

/**
 * A body encoding a target can ask for instead of the collection's. Declared here, where the
 * model applies it, so the model reads nothing of the config (config.ts imports it from here).
 */
export type BodyEncodingOverride = "json" | "urlencoded" | "multipart";

/** The target's base URL and body encodings; its method names are the naming pass's (naming.ts). */
export interface Overrides {
  configFile: string;
  targetIndex: number;
  baseUrl?: string;
  bodyEncoding?: Record<string, BodyEncodingOverride>;
}

export function applyOverrides(model: ApiModel, o: Overrides): ApiModel {
  const where = (key: string, path: string) => `targets[${o.targetIndex}].${key}[${JSON.stringify(path)}]`;
  const byPath = new Map(model.operations.map((op) => [postmanPath(op), op]));
  for (const [path, encoding] of Object.entries(o.bodyEncoding ?? {})) {
    const op = byPath.get(path);
    if (!op) throw new CodegenError(o.configFile, where("bodyEncoding", path), noRequestAt(path, model.operations));
    const kind = op.body?.encoding;
    if (kind !== "multipart" && kind !== "urlencoded" && kind !== "json") {
      throw new CodegenError(
        o.configFile,
        where("bodyEncoding", path),
        `only form and JSON bodies can change encoding; this request's body is ${kind ?? "absent"}`,
      );
    }
    if (encoding !== "multipart" && op.args.some((a) => a.in === "body" && a.type === "file")) {
      throw new CodegenError(
        o.configFile,
        where("bodyEncoding", path),
        "the body has file fields, which only multipart can send",
      );
    }
  }
  // A Map, not the object: a request named `toString` must not find Object's member there.
  const encodings = new Map(Object.entries(o.bodyEncoding ?? {}));
  return {
    ...model,
    ...(o.baseUrl !== undefined ? { baseUrl: o.baseUrl } : {}),
    operations: model.operations.map((op) => {
      const encoding = encodings.get(postmanPath(op));
      return {
        ...op,
        ...(encoding
          ? { body: encoding === "json" ? { encoding, contentType: "application/json" } : { encoding } }
          : {}),
      };
    }),
  };
}
