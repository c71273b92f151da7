#!/usr/bin/env node
// The command's entry. A build step that finds every output up to date answers here, having
// loaded nothing but node: modules; `generate` with arguments the fast path parses runs without
// yargs; anything else goes to the full command line (cli.ts). `--version` alone is answered here
// too, without yargs (~0.15 s of CPU): what yargs prints for it, the version and a newline.
const args = process.argv.slice(2);

if (args.length === 1 && args[0] === "--version") {
  const { generatorVersion } = await import("./version.js");
  console.log(generatorVersion());
} else {
  // The fast path's module only for `generate`, the one command it answers.
  const fast = args[0] === "generate" ? (await import("./fast-path.js")).fastGenerate(args) : undefined;
  // Before anything loads the SDK: the command never calls its faker or semver (load/sdk-deferred.ts).
  // Only here, in the command's own process: a program importing this package as a library keeps the
  // SDK and its packages as they are.
  if (fast !== "done") await import("./load/sdk-deferred.js");
  if (fast === undefined) await import("./cli.js");
  else if (fast !== "done") {
    // One module in dist/ (generate-entry.ts): the command's own, nothing else in this process shares its classes.
    const { EXIT_BAD_INPUT, reportFailure, runGenerate } = await import("./generate-entry.js");
    try {
      await runGenerate(fast.targets, fast.flags);
    } catch (error) {
      reportFailure(error, false);
      process.exit(EXIT_BAD_INPUT);
    }
  }
}
