// prettier's formatting of an emitted file, computed once per test file for each (path, text). The
// runtime and test kit copied into every package are the same bytes in each (~280 kB of the ~300
// kB of a small package), so a file that checks several packages asks prettier about them once:
// the answer for the same path and text is the same (formatFile depends on nothing else).
import { formatFile } from "../../src/emit/format.js";

const formatted = new Map<string, Promise<string>>();

/** formatFile(path, text), shared by every check of the same path and text in this test file. */
export function formatOnce(path: string, text: string): Promise<string> {
  const key = `${path}\0${text}`;
  let result = formatted.get(key);
  if (!result) formatted.set(key, (result = formatFile(path, text)));
  return result;
}
