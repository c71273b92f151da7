// Run after the build: transpiles the sources every emitted package shares (runtime and entry
// module) once, so that generating a package does not (see PREBUILT_FILE in emit/compile.ts).
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { prebuilt, PREBUILT_FILE } from "./emit/compile.js";
import { sharedSources } from "./emit/package.js";

writeFileSync(join(dirname(fileURLToPath(import.meta.url)), PREBUILT_FILE), `${JSON.stringify(prebuilt(new Map(await sharedSources())))}\n`);
