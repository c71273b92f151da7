// The `generate` command as bin.ts loads it once the fast path has parsed its arguments: in dist/,
// this module is generate-command.ts with the whole pipeline inlined into it, one module
// (build/bundle-fast-path.ts), as Node's ESM loader spends more on resolving, reading, linking and
// evaluating a cold generation's 150-odd modules one by one (~0.15 s of CPU) than on the one.
// Only bin.ts imports it: the full command line (cli.ts) and a program using the package as a
// library load the modules themselves, so that each class (CodegenError) is one in their process.
export { EXIT_BAD_INPUT, reportFailure, runGenerate } from "./generate-command.js";
