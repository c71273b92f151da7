// Every failure the user can fix names the file and, where there is one, the place in it.
import { shownPath } from "./shown-path.js";

export class CodegenError extends Error {
  override readonly name = "CodegenError";

  constructor(
    /** The file at fault (absolute, or as the user named it); the message shows it as shownPath does. */
    readonly file: string,
    /** JSON path in the file (`item[3].request.body.formdata[0]`) or `line:column`, when known. */
    readonly where: string | undefined,
    /** What is wrong and what to do about it. */
    readonly problem: string,
  ) {
    super(`${shownPath(file)}${where ? ` at ${where}` : ""}: ${problem}`);
  }
}

/**
 * A refusal of what the command line asked for (exit 2, as an unknown option is), said with the file
 * that refused it: a target name the config has not (`diff --target nope`, `mock nope`).
 */
export class UsageError extends CodegenError {}
