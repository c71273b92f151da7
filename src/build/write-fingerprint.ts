// Run after the build: records the fingerprint of the code dist/ was built from, so that the fast
// path of the built command does not read every source file to compute it (the templates it hashes
// as they are: cache/fingerprint.ts).
import { writeFileSync } from "node:fs";
import { builtFingerprint, FINGERPRINT_FILE } from "../cache/fingerprint.js";

writeFileSync(FINGERPRINT_FILE, builtFingerprint());
