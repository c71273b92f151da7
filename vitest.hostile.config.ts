import { defineConfig } from "vitest/config";

// The tests of the packages that test/hostile.test.ts generates from test/fixtures/hostile into .hostile/.
export default defineConfig({
  test: {
    include: [".hostile/*/test/**/*.test.ts"],
    testTimeout: 30_000,
    // One module graph per worker, as the main suite runs generated/*/test (vitest.config.ts): an
    // emitted package's tests change no process-wide state, and loading vitest's and the package's
    // modules afresh for each of the 13 files was half of this run's CPU (17 s of it).
    isolate: false,
  },
});
