// The order vitest starts test files in. With no duration cache (a fresh clone, as in CI) vitest
// starts the largest files first, and a file that takes a minute but is short in bytes (a child
// vitest, a type-check matrix) starts last and alone on one core while the other idles. The files
// known to take longest start first, in this order; the rest follow in vitest's own order.
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Longest first, from per-file measurements of a whole run (test/ and generated/ paths, relative to
 * the repository): consumers 70 s, generated-packages, conformance, corpus, hostile (53 s before
 * type checks shared what they found clean, test/helpers/type-check.ts; about 35 s after), cli…. Past the first few, a file that takes long but is short in bytes (a type check,
 * a few command-line runs, the Zoom client's 2,449 generated tests) would otherwise start last and
 * run alone while the other worker idles.
 */
export const HEAVY_FILES = [
  "test/consumers/consumers.test.ts",
  "test/generated-packages.test.ts",
  "test/conformance.test.ts",
  "test/corpus.test.ts",
  "test/hostile.test.ts",
  "test/cli.test.ts",
  "test/workflow.test.ts",
  "test/fuzz.test.ts",
  "test/postman-api/cli.test.ts",
  "test/command-line/package.test.ts",
  "test/typecheck.test.ts",
  "test/diff/cli.test.ts",
  "test/inference.test.ts",
  "test/diff/rules.test.ts",
  "test/cache/noop-stamp.test.ts",
  "test/emit/corpus-formatting.test.ts",
  "test/runtime/exact-optional-types.test.ts",
  "test/formatting.test.ts",
  "test/emit/readme-examples.test.ts",
  "test/mocks/emit-mocks.test.ts",
  "test/emit/printer.test.ts",
  "test/environments/client.test.ts",
  "test/environments/generate.test.ts",
  "generated/zoom-api/test/client.test.ts",
  "test/packaging.test.ts",
  "test/cli-warnings.test.ts",
  "test/diff/regenerations.test.ts",
  "test/emit/format.test.ts",
];

export default class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = HEAVY_FILES.indexOf(relative(this.ctx.config.root, spec.moduleId));
      return index === -1 ? HEAVY_FILES.length : index;
    };
    // Array.prototype.sort is stable: the files not listed keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
