// The client modules' exported names beside the operations' (in `surface.exports`) come from the
// emitter's statements without printing them (clientExportNames): here they are checked against
// the names the emitted declarations of each module really export, for collections whose names
// collide, folders nest and environments add names (the shared shapes' and checks' modules are
// sharedExports, tested with them).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { operationIdentifiers } from "../../src/model/naming.js";
import { clientExportNames } from "../../src/emit/modules.js";
import { emitTarget } from "../../src/generate.js";
import { ROOT, SEED_COLLECTION } from "../helpers/seed.js";
import { ZOOM_COLLECTION } from "./helpers.js";

const HOSTILE = `${ROOT}test/fixtures/hostile/`;
const ENVIRONMENTS = `${ROOT}test/fixtures/environments/`;

/** The declarations of the client's root module and its folders' modules (dist/), one after another. */
function clientDeclarations(files: ReadonlyMap<string, string>): string | undefined {
  const root = files.get("dist/client.d.ts");
  if (root === undefined) return undefined;
  const resources = [...files]
    .filter(([path]) => path.startsWith("dist/resources/") && path.endsWith(".d.ts"))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [root, ...resources.map(([, text]) => text)].join("\n");
}

/** What the emitted declarations of the client's root and folder modules export, without the operations' own names. */
function declaredExports(files: ReadonlyMap<string, string>, exportNames: readonly string[]): string[] {
  const own = new Set(exportNames.flatMap(operationIdentifiers));
  const declared = [
    ...clientDeclarations(files)!.matchAll(
      /^export (?:declare )?(?:const|let|function|interface|type|class|enum|namespace) ([\p{L}\p{N}_$]+)/gmu,
    ),
  ].map((m) => m[1]!);
  return declared.filter((name) => !own.has(name)).sort();
}

describe("the package's exported names", () => {
  it.each([
    ["the seed", { collection: SEED_COLLECTION }],
    ["Zoom", { collection: ZOOM_COLLECTION }],
    ["names that collide", { collection: `${HOSTILE}name-collisions.postman_collection.json` }],
    ["breakouts", { collection: `${HOSTILE}breakouts.postman_collection.json` }],
    ["prototype keys", { collection: `${HOSTILE}prototype-keys.postman_collection.json` }],
    [
      "environments",
      {
        collection: `${ENVIRONMENTS}env-api.postman_collection.json`,
        environments: [
          { file: `${ENVIRONMENTS}staging.postman_environment.json` },
          { file: `${ENVIRONMENTS}production.postman_environment.json` },
        ],
      },
    ],
  ])(
    "are the names its declarations export: %s",
    async (_name, sources) => {
      const out = mkdtempSync(join(tmpdir(), "postman-codegen-export-names-"));
      const { files, surface, model } = await emitTarget({ ...sources, out, name: "names" });
      const names = clientExportNames(model);
      expect([...names].sort()).toEqual(
        declaredExports(
          files,
          model.operations.map((op) => op.exportName),
        ),
      );
      // What generate records: these, with the runtime's the index re-exports.
      expect(surface.exports).toEqual(expect.arrayContaining(names));
    },
    60_000,
  );
});
