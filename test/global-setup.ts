// Before any suite: the tests run the built command (dist/), so dist/ must be built from the
// sources as they are. The build records the fingerprint of the sources it was made from; when
// it differs from theirs now (or dist/ is missing), build again. On a fresh clone `npm ci` has
// built it already (the `prepare` script) and this costs one hash of the sources. Then it makes
// the run's folder of files its type checks found clean (test/helpers/type-check.ts).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtFingerprint, FINGERPRINT_NAME } from "../src/cache/fingerprint.js";
import { builtFile } from "../src/paths.js";
import { TYPE_CHECKED_DIR } from "./helpers/type-checked-dir.js";

/** Where the build writes FINGERPRINT_FILE (src/cache/fingerprint.ts) in dist/. */
const BUILT_FINGERPRINT = builtFile(FINGERPRINT_NAME);

export default function setup(): () => void {
  const built = existsSync(BUILT_FINGERPRINT) ? readFileSync(BUILT_FINGERPRINT, "utf8") : undefined;
  // The templates too: the build precompiles them, and a test checks that generation uses that form.
  if (built !== builtFingerprint()) {
    process.stderr.write("dist/ is older than the sources: npm run build\n");
    execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
  }
  // A new folder for each run (the workers inherit the variable): nothing of an earlier run is reused.
  const typeChecked = mkdtempSync(join(tmpdir(), "postman-codegen-type-checked-"));
  process.env[TYPE_CHECKED_DIR] = typeChecked;
  return () => rmSync(typeChecked, { recursive: true, force: true });
}
