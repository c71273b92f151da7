import { defineConfig } from "vitest/config";

// The tests of the packages that test/corpus.test.ts generates from the corpus (test/helpers/corpus.ts) into .corpus/.
export default defineConfig({
  test: {
    include: [".corpus/*/test/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
