// A project folder whose config's one target takes its collection and environments from the
// Postman API stand-in: the project the tests of `pull` and of the command line's API source use.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COLLECTION_UID, PRODUCTION_UID, STAGING_UID } from "./server.js";

/** Writes the config into a new folder named with `prefix`, or into `dir` (rewriting its config); returns the folder. */
export function apiProject(
  apiUrl: string,
  prefix: string,
  environments: Record<string, string> = { staging: STAGING_UID, production: PRODUCTION_UID },
  dir = mkdtempSync(join(tmpdir(), prefix)),
): string {
  writeFileSync(
    join(dir, "postman-codegen.config.json"),
    JSON.stringify({
      targets: [
        { postman: { collection: COLLECTION_UID, environments, apiUrl }, out: "generated/env-api", name: "env-api" },
      ],
    }),
  );
  return dir;
}
