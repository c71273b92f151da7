// The mocks of the committed packages, put together as their ./mocks entry will: the package's own
// operations and defaults, and the saved examples of its collection.
import { loadCollection } from "../../src/load/collection.js";
import { mockExamples } from "../../src/mocks/mock-data.js";
import type { MockApi } from "../../src/mocks/types.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { ROOT } from "../helpers/seed.js";

export const SEED_DIST = "../../generated/zoom-update-user-status/dist/index.js";
export const ZOOM_DIST = "../../generated/zoom-api/dist/index.js";

interface PackageEntry {
  operations: readonly OperationSpec[];
  defaultBaseUrl: string;
  defaultVariables: Readonly<Record<string, string>>;
}

export async function packageMockApi(entry: PackageEntry, collection: string): Promise<MockApi> {
  const model = await loadCollection(`${ROOT}collections/${collection}.postman_collection.json`);
  return {
    name: model.name,
    baseUrl: entry.defaultBaseUrl,
    variables: entry.defaultVariables,
    operations: entry.operations,
    examples: mockExamples(model).examples,
  };
}
