// Run after the build: writes ajv's standalone validator of each schema the generator checks input
// against (see schema-validators.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { readConfigSchema } from "../config-schema.js";
import { COLLECTION_SCHEMA } from "../load/collection-schema.js";
import { SCOPE_SCHEMA } from "../load/environment.js";
import { prebuiltValidatorFile, standaloneValidator } from "../schema-validators.js";

const SCHEMAS: Record<string, object> = {
  config: readConfigSchema(),
  collection: COLLECTION_SCHEMA,
  scope: SCOPE_SCHEMA,
};

for (const [name, schema] of Object.entries(SCHEMAS)) {
  const file = prebuiltValidatorFile(name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, standaloneValidator(schema));
}
