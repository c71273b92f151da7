// Run after the build: precompiles every template, so that generating a package loads only
// Handlebars' runtime and compiles no template (see PRECOMPILED_FILE in emit/templates.ts).
import { writeFileSync } from "node:fs";
import { precompiledModule, PRECOMPILED_FILE } from "../emit/templates.js";

writeFileSync(PRECOMPILED_FILE, precompiledModule());
