// The config's rules live in one place: postman-codegen.schema.json, which the package ships for
// editors and which validates every config here, with ajv (prebuilt by the build: see
// schema-validators.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "./paths.js";
import { schemaValidator, type SchemaValidator } from "./schema-validators.js";

export const SCHEMA_FILE = join(PACKAGE_ROOT, "postman-codegen.schema.json");

export type ConfigValidator = SchemaValidator;

let loaded: { schema: object; validate: ConfigValidator } | undefined;

/** The config schema, as the package ships it. */
export function readConfigSchema(): object {
  return JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as object;
}

/** The config schema and its validator. */
export function configSchema(): { schema: unknown; validate: ConfigValidator } {
  if (loaded) return loaded;
  const schema = readConfigSchema();
  return (loaded = { schema, validate: schemaValidator("config", schema) });
}
