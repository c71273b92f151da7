// Run after the build: transpiles the sources every emitted package shares (runtime and entry
// module) once, and formats the files copied into every package (runtime, test kit) with the
// default options, so that generating a package does neither (see PREBUILT_FILE in emit/compile.ts).
import { writeFileSync } from "node:fs";
import { prebuilt, PREBUILT_FILE } from "../emit/compile.js";
import { prebuildFormatted } from "../emit/format.js";
import { emitIndex } from "../emit/index-module.js";
import { sharedSources } from "../emit/package.js";

const { runtime, mocks, cli, testkit } = sharedSources();
const built = prebuilt(
  new Map([["src/index.ts", emitIndex()], ...runtime, ...mocks, ...cli]),
  await prebuildFormatted([...runtime, ...mocks, ...cli, ...testkit]),
);
writeFileSync(PREBUILT_FILE, `${JSON.stringify(built)}\n`);
