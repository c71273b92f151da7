// A project folder whose config names the seed collection and the staging environment, whose
// secret (`token`) and credential-like key (`apiKey`) each give a warning: for the tests of what
// `generate` and `--watch` do as its files change.
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findConfig, type Target } from "../../src/config.js";
import { FIXTURES, SEED_COLLECTION } from "./seed.js";

export function stagingProject(prefix: string): { dir: string; file: string; targets: Target[] } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  copyFileSync(SEED_COLLECTION, join(dir, "seed.postman_collection.json"));
  copyFileSync(
    `${FIXTURES}environments/staging.postman_environment.json`,
    join(dir, "staging.postman_environment.json"),
  );
  writeFileSync(
    join(dir, "postman-codegen.config.json"),
    JSON.stringify({
      targets: [
        {
          collection: "seed.postman_collection.json",
          out: "out",
          name: "seed",
          environments: { staging: "staging.postman_environment.json" },
        },
      ],
    }),
  );
  return { dir, ...findConfig(dir) };
}
