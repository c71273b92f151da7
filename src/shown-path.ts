// How a file is named in what the command prints (errors, warnings, summaries): relative to the
// working directory when inside it, as the user would type it there; else absolute, since a
// `../../..` path says less than the path itself.
import { isAbsolute, relative, sep } from "node:path";

export function shownPath(file: string): string {
  if (!isAbsolute(file)) return file;
  let cwd: string;
  try {
    cwd = process.cwd();
  } catch {
    return file; // the working directory was removed: nothing to be relative to
  }
  const rel = relative(cwd, file);
  if (rel === "") return ".";
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? file : rel;
}
