#!/usr/bin/env node
// The command's entry. A build step that finds every output up to date answers here, having
// loaded nothing but node: modules; anything else goes to the full command line (cli.ts).
import { fastGenerate } from "./fast-path.js";

if (!fastGenerate(process.argv.slice(2))) await import("./cli.js");
