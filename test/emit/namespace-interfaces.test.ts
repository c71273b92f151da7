// A namespace's interface documents each method once: the API diff reads the package's export
// names from the declarations' statements (packageSurface, before emitting) without the
// interfaces' members, which the TypeScript makes and the declarations print again.
import { describe, expect, it, vi } from "vitest";
import { operationDoc } from "../../src/emit/docs.js";
import { emitClient } from "../../src/emit/client.js";
import { packageSurface } from "../../src/diff/surface.js";
import { loadTarget } from "../../src/generate.js";
import { ROOT } from "../helpers/seed.js";

vi.mock("../../src/emit/docs.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/emit/docs.js")>();
  return { ...original, operationDoc: vi.fn(original.operationDoc) };
});

describe("a namespace's interface", () => {
  it("documents each method once, for the export names and the printed modules", async () => {
    const model = await loadTarget({
      collection: `${ROOT}collections/zoom-api.postman_collection.json`,
      out: "",
      name: "zoom",
    });
    vi.mocked(operationDoc).mockClear();
    const { exports } = packageSurface(model);
    const { modules } = emitClient(model);
    // One method's documentation per operation, in the interface of its namespace.
    expect(vi.mocked(operationDoc)).toHaveBeenCalledTimes(model.operations.length);
    // The interfaces printed are those whose names the surface records.
    const users = modules.find((m) => m.path === "src/resources/users.ts")!;
    expect(exports).toContain("ClientUsers");
    expect(users.ts).toContain("export interface ClientUsers {");
    expect(users.dts).toContain("export interface ClientUsers {");
  });
});
