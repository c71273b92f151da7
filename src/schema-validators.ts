// Every JSON Schema the generator checks input against (the collection format, environment and
// globals files, the config) is checked with ajv. Loading ajv and compiling a schema takes
// ~50–140 ms, a tenth of a cold generation, so the build writes ajv's standalone code for each
// schema (src/build/write-validators.ts) next to this module, keyed by the schema's hash, and a
// run loads that (a few ms); running from src/ (tsx, tests), or with a stale file, compiles the
// schema instead. Both give the same answers and the same errors (test/config-schema.test.ts).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ErrorObject } from "ajv";
import { sha256 } from "./cache/manifest.js";
import { CODE_DIR } from "./paths.js";

export type SchemaValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null; schemaHash?: string };

const require = createRequire(import.meta.url);
const loaded = new Map<string, SchemaValidator>();

/** Where the build writes the standalone validator of the schema called `name`. */
export function prebuiltValidatorFile(name: string): string {
  return join(CODE_DIR, "validators", `${name}.cjs`);
}

function schemaHash(schema: object): string {
  return sha256(JSON.stringify(schema));
}

/** The validator of `schema` (called `name`): the build's standalone one when it is current, else compiled. */
export function schemaValidator(name: string, schema: object): SchemaValidator {
  let validate = loaded.get(name);
  if (validate) return validate;
  const file = prebuiltValidatorFile(name);
  if (existsSync(file)) {
    const prebuilt = require(file) as SchemaValidator;
    if (prebuilt.schemaHash === schemaHash(schema)) validate = prebuilt;
  }
  validate ??= ajv(false).compile(schema) as SchemaValidator;
  loaded.set(name, validate);
  return validate;
}

/** The standalone validator module the build writes for `schema`. */
export function standaloneValidator(schema: object): string {
  const instance = ajv(true);
  const validate = instance.compile(schema);
  const standalone = (require("ajv/dist/standalone") as { default: (ajv: unknown, validate: unknown) => string })
    .default;
  return `${inlineHelpers(standalone(instance, validate))}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(schema))};\n`;
}

/** ajv's run-time helpers that depend on nothing, which a standalone validator may hold itself. */
const SELF_CONTAINED_HELPERS = ["ucs2length"];

/**
 * ajv's standalone code requires its run-time helpers from the ajv package (`maxLength` counts with
 * `require("ajv/dist/runtime/ucs2length")`); finding that through node_modules cost the no-op run
 * (which validates the config) more than loading the validator itself. The helpers that depend on
 * nothing are written into the module instead: the same function, without the lookup.
 */
function inlineHelpers(source: string): string {
  return SELF_CONTAINED_HELPERS.reduce((code, name) => {
    const helper = (
      require(`ajv/dist/runtime/${name}`) as { default: ((...args: never[]) => unknown) & { code: string } }
    ).default;
    return code.replaceAll(helper.code, `(${helper.toString()})`);
  }, source);
}

function ajv(source: boolean) {
  const { Ajv } = require("ajv") as typeof import("ajv");
  // validateSchema: false, since the draft-07 meta-schema the config schema names is not bundled
  // with ajv 8's default instance; each schema is checked by the tests that compile it.
  return new Ajv({
    allErrors: true,
    strict: false,
    validateSchema: false,
    ...(source ? { code: { source: true } } : {}),
  });
}
