// Checks a collection against the format (collection-schema.ts) before anything reads it, and
// reports every problem at once, each with its JSON path (schema-errors.ts).
import { COLLECTION_SCHEMA } from "./collection-schema.js";
import { schemaError } from "../schema-errors.js";
import { schemaValidator } from "../schema-validators.js";

export function validateCollection(file: string, json: unknown): void {
  const validator = schemaValidator("collection", COLLECTION_SCHEMA);
  if (validator(json)) return;
  throw schemaError(file, validator.errors ?? [], "does not match the Postman collection format", {
    schema: COLLECTION_SCHEMA,
  });
}
