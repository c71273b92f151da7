// The config's rules live in one place: postman-codegen.schema.json, which the package ships for
// editors and which validates every config here, with ajv. Loading ajv and compiling the schema
// takes ~50 ms, most of what a no-op run may cost (about one Node start), so the build writes
// ajv's standalone code for the schema next to this module (PREBUILT_VALIDATOR, ~6 ms to load),
// keyed by the schema's hash; running from src/ (tsx, tests), or with a stale file, compiles the
// schema instead.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ErrorObject } from "ajv";
import { sha256 } from "./cache/manifest.js";
import { PACKAGE_ROOT } from "./paths.js";

export const SCHEMA_FILE = join(PACKAGE_ROOT, "postman-codegen.schema.json");
export const PREBUILT_VALIDATOR = join(dirname(fileURLToPath(import.meta.url)), "config-validator.cjs");

export type ConfigValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null; schemaHash?: string };

const require = createRequire(import.meta.url);
let loaded: { schema: unknown; validate: ConfigValidator } | undefined;

/** The config schema and its validator. */
export function configSchema(): { schema: unknown; validate: ConfigValidator } {
  if (loaded) return loaded;
  const text = readFileSync(SCHEMA_FILE, "utf8");
  const schema = JSON.parse(text) as unknown;
  if (existsSync(PREBUILT_VALIDATOR)) {
    const prebuilt = require(PREBUILT_VALIDATOR) as ConfigValidator;
    if (prebuilt.schemaHash === sha256(text)) return (loaded = { schema, validate: prebuilt });
  }
  return (loaded = { schema, validate: compile(schema) as ConfigValidator });
}

function ajvFor(source: boolean) {
  const { Ajv } = require("ajv") as typeof import("ajv");
  // validateSchema: false, since the draft-07 meta-schema the file names is not bundled with ajv 8's
  // default instance; the schema itself is checked by the tests that compile it.
  return new Ajv({
    allErrors: true,
    strict: false,
    validateSchema: false,
    ...(source ? { code: { source: true } } : {}),
  });
}

function compile(schema: unknown) {
  return ajvFor(false).compile(schema as object);
}

/** The standalone validator module the build writes to PREBUILT_VALIDATOR. */
export function standaloneValidator(): string {
  const text = readFileSync(SCHEMA_FILE, "utf8");
  const ajv = ajvFor(true);
  const validate = ajv.compile(JSON.parse(text) as object);
  const standalone = (require("ajv/dist/standalone") as { default: (ajv: unknown, validate: unknown) => string })
    .default;
  return `${standalone(ajv, validate)}\nmodule.exports.schemaHash = ${JSON.stringify(sha256(text))};\n`;
}
