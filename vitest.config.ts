import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";
import HeavyFirstSequencer from "./test/sequencer.js";

/**
 * Test files that mock a module which a worker shared between files has loaded already: a built-in,
 * or the generator's own table of reserved names (unfrozen-import, which the naming pass of an
 * earlier file would otherwise keep reading unmocked).
 */
const MOCKS_LOADED = [
  "test/write/carry-over-failure.test.ts",
  "test/write/failed-swap.test.ts",
  "test/write/read-only-output.test.ts",
  "test/write/replaced-output.test.ts",
  "test/write/written-hashes.test.ts",
  "test/emit/unfrozen-import.test.ts",
  "test/emit/repeated-texts.test.ts",
  "test/emit/printed-straight.test.ts",
  "test/emit/namespace-interfaces.test.ts",
];
const TEST_FILES = ["test/**/*.test.ts", "generated/*/test/**/*.test.ts"];

export default defineConfig({
  test: {
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
    // One worker more than the cores, not vitest's default of one fewer: most suites spend part of
    // their time waiting on child processes (tsc, npm, node, newman) and servers, and a worker that
    // waits leaves its core idle. On two cores, three workers ran the suite in 498 s against
    // 525 s with two (same clone, quiet machine; CPU 186% against 182%).
    maxWorkers: availableParallelism() + 1,
    // A young generation of 32 MB a half, not V8's 16: the workers' TypeScript checks, prettier runs
    // and collection loads allocate fast, and with the default they spent a fifth of their CPU in
    // the collector (scavenges, and survivors promoted then collected again). Same files: 22.9 s →
    // 21.2 s (formatting), 40.8 s → 37.6 s (generated-packages), user+sys, two runs each. Only the
    // workers: the command lines and programs the tests start run with Node's defaults, as users'.
    execArgv: ["--max-semi-space-size=32"],
    // A worker keeps what it loaded from node_modules (typescript, ts-morph, prettier, newman)
    // between test files, instead of loading it again for each: vitest still runs the project's
    // own modules afresh for every file. Loading took ~130 s of a run's CPU. The files that change
    // process-wide state (a global, the working directory) put it back in a finally or afterAll.
    // A file that mocks a built-in module (`vi.mock("node:fs")`), or one of ours another file has
    // loaded, needs its own module graph: MOCKS_LOADED run isolated, in a project of their own.
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          isolate: false,
          include: TEST_FILES,
          exclude: [...configDefaults.exclude, ...MOCKS_LOADED],
        },
      },
      {
        extends: true,
        test: { name: "isolated", isolate: true, include: MOCKS_LOADED },
      },
    ],
    // Generous: a test that runs the command line a few times waits on each child process, and two
    // workers share two cores. Speed is measured by the bench, never asserted here.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
