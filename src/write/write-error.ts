// A failure of the file system while writing an output (permission denied, a full disk, a
// read-only mount) as the error the command prints: the output folder and what failed where, not
// a stack trace.
import { CodegenError } from "../errors.js";
import { shownPath } from "../shown-path.js";

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
};

/** Runs `write`; a failure with an errno code becomes a CodegenError naming `outDir`. */
export async function writingTo<T>(outDir: string, write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const { code, syscall, path } = error as NodeJS.ErrnoException;
    if (error instanceof CodegenError || typeof code !== "string") throw error;
    const what = [syscall, path === undefined ? undefined : shownPath(path)].filter(Boolean).join(" ");
    throw new CodegenError(
      outDir,
      undefined,
      `cannot write the package: ${what ? `${what}: ` : ""}${code}${REASONS[code] ? ` (${REASONS[code]})` : ""}`,
    );
  }
}
