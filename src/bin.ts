#!/usr/bin/env node
// The command's entry. A build step that finds every output up to date answers here, having
// loaded nothing but node: modules; `generate` with arguments the fast path parses runs without
// yargs; anything else goes to the full command line (cli.ts).
import { fastGenerate } from "./fast-path.js";

const fast = fastGenerate(process.argv.slice(2));
if (fast === undefined) await import("./cli.js");
else if (fast !== "done") {
  const { EXIT_BAD_INPUT, reportFailure, runGenerate } = await import("./generate-command.js");
  try {
    await runGenerate(fast.targets, fast.flags);
  } catch (error) {
    reportFailure(error, false);
    process.exit(EXIT_BAD_INPUT);
  }
}
