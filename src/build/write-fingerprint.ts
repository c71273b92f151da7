// Run after the build: records the fingerprint of the sources dist/ was built from, so that the
// fast path of the built command does not read every source file to compute it.
import { writeFileSync } from "node:fs";
import { computeFingerprint, FINGERPRINT_FILE } from "../cache/fingerprint.js";

writeFileSync(FINGERPRINT_FILE, `${computeFingerprint()}\n`);
