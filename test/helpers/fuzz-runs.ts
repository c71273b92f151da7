// How a fast-check property of this suite runs, from `<NAME>_RUNS`, `<NAME>_SEED` and `<NAME>_PATH`:
// CI replays a few cases of a fixed seed every time; a count given draws new ones (`npm run fuzz`);
// a failure prints its seed and path, which the two others replay. One rule for every fuzz test.
import type { Parameters } from "fast-check";

export interface FuzzRuns {
  runs: number;
  /** fast-check's parameters for `fc.assert`. */
  parameters: Parameters<unknown>;
}

/** `name` is the variables' prefix (`FUZZ`, `WIRE_FUZZ`); `runs` and `seed` are CI's. */
export function fuzzRuns(name: string, ci: { runs: number; seed: number }): FuzzRuns {
  const env = (suffix: string) => process.env[`${name}_${suffix}`];
  const runs = Number(env("RUNS") ?? ci.runs);
  const seed = env("SEED") ? Number(env("SEED")) : env("RUNS") ? undefined : ci.seed;
  const path = env("PATH");
  return {
    runs,
    parameters: {
      numRuns: runs,
      ...(seed !== undefined ? { seed } : {}),
      ...(path !== undefined ? { path } : {}),
      endOnFailure: true,
    },
  };
}
