import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import HeavyFirstSequencer from "./test/sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "generated/*/test/**/*.test.ts"],
    // Snapshots are the committed files under generated/: a test never writes them; `npm run
    // generate` (or `vitest -u`) does, and the diff is reviewed in git.
    update: "none",
    // Builds dist/ when it is older than the sources: the command-line tests run the built command.
    globalSetup: ["test/global-setup.ts"],
    // The longest files start first, also in a fresh clone with no duration cache (test/sequencer.ts).
    sequence: { sequencer: HeavyFirstSequencer },
    // The JSON report is what .ci/run counts passed and failed tests from.
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
    // One worker per core, not vitest's default of one fewer: most suites spend their time waiting
    // on child processes (tsc, npm, node, newman), and on two cores the default is one worker.
    maxWorkers: availableParallelism(),
    // Generous: a test that runs the command line a few times waits on each child process, and two
    // workers share two cores. Speed is measured by the bench, never asserted here.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
