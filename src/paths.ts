// The generator's own package root: templates/ and the sources copied into emitted packages
// (src/runtime, src/testkit) are read from here, whether it runs from src/ (tsx) or dist/.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
