import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "generated/*/test/**/*.test.ts"],
    // Snapshots are the committed files under generated/: a test never writes them; `npm run
    // generate` (or `vitest -u`) does, and the diff is reviewed in git.
    update: "none",
    // The JSON report is what .ci/run counts passed and failed tests from.
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
