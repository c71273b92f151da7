// path.join without its cost where it would change nothing. join normalizes its result in a
// JavaScript loop over every character, which a short run executes unoptimized: the no-op's ~600
// joins (an output's files, the folders searched for prettier's config) cost it more than their
// stats. Where the folder is already absolute and normalized and the name is a plain relative
// path, join's result is the two put together with a separator: the same string, so the stat
// cache's keys and every message stay as they were. Anything else still goes through join.
import { isAbsolute, join, normalize, sep } from "node:path";

/**
 * Names with no `.` or `..` segment, no empty one (no leading, trailing or doubled "/"), and no
 * backslash (a separator to join on Windows): what join would leave as it is.
 */
const PLAIN_NAME = /^(?:(?!\.\.?(?:\/|$))[^/\\]+(?:\/(?!$)|$))+$/;

/** `join(dir, name)` for many names under one folder: the same strings, made cheaply when that is exact. */
export function childPaths(dir: string): (name: string) => string {
  // POSIX only: on Windows, join turns every "/" into "\".
  if (sep !== "/" || !isAbsolute(dir) || normalize(dir) !== dir) return (name) => join(dir, name);
  const prefix = dir.endsWith("/") ? dir : `${dir}/`;
  return (name) => (PLAIN_NAME.test(name) ? prefix + name : join(dir, name));
}
