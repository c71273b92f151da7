import { defineConfig } from "vitest/config";

// The tests of the packages that test/hostile.test.ts generates from test/fixtures/hostile into .hostile/.
export default defineConfig({
  test: {
    include: [".hostile/*/test/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
