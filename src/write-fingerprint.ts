// Run after the build: records the fingerprint of the sources dist/ was built from, so that the
// fast path of the built command does not read every source file to compute it.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { computeFingerprint } from "./fingerprint.js";

writeFileSync(join(dirname(fileURLToPath(import.meta.url)), "fingerprint.txt"), `${computeFingerprint()}\n`);
