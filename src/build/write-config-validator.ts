// Run after the build: writes ajv's standalone validator for the config schema (see config-schema.ts).
import { writeFileSync } from "node:fs";
import { PREBUILT_VALIDATOR, standaloneValidator } from "../config-schema.js";

writeFileSync(PREBUILT_VALIDATOR, standaloneValidator());
