import { defineConfig } from "vitest/config";

// The tests of the packages that test/corpus.test.ts generates from the corpus (test/helpers/corpus.ts) into .corpus/.
export default defineConfig({
  test: {
    include: [".corpus/*/test/**/*.test.ts"],
    testTimeout: 30_000,
    // One module graph per worker, as the main suite runs generated/*/test (vitest.config.ts): an
    // emitted package's tests change no process-wide state, and loading vitest's and the package's
    // modules afresh for each file was most of this run's CPU.
    isolate: false,
  },
});
