// Run after the build: makes dist/fast-path.js (the no-op's whole path: the config, the manifests,
// the file hashes) one module, with its own project modules inlined. A build step with nothing to
// do should cost about a Node start, and what Node's ESM loader spends on each module it resolves,
// reads, links and evaluates is more than the no-op's own work in most of them.
// Its modules stay in dist/ for the rest of the command, which then loads them once more as
// modules of their own: a cost lost in a full generation, and the state they keep
// (the fingerprint, the loaded validators) is only ever a cache. Files kept beside the code (the
// fingerprint, the validators) are found from `CODE_DIR` (paths.ts), which is dist/ for this bundle
// as for the modules. esbuild is a development dependency: only the build runs it.
import { build } from "esbuild";
import { join } from "node:path";
import { CODE_DIR } from "../paths.js";

/** The bundled no-op path, built over tsc's module of the same name (its source map chained to the sources). */
const FAST_PATH_FILE = join(CODE_DIR, "fast-path.js");

await build({
  entryPoints: [FAST_PATH_FILE],
  outfile: FAST_PATH_FILE,
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "error",
});
