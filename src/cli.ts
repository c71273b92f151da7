#!/usr/bin/env node
// Command line: argument parsing only; the work is in generate.ts.
import { relative, resolve } from "node:path";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { CONFIG_FILE, defaultPackageName, readConfig, type Target } from "./config.js";
import { CodegenError } from "./errors.js";
import { generate } from "./generate.js";

const EXIT_BAD_INPUT = 1;
const EXIT_USAGE = 2;

await yargs(hideBin(process.argv))
  .scriptName("postman-codegen")
  .usage("$0 <command> [options]")
  .command(
    "generate [collection]",
    "Generate a typed fetch client package from a Postman collection (v2.1 or v2.0)",
    (y) =>
      y
        .positional("collection", {
          type: "string",
          describe: `Collection file. Without it, every target in ${CONFIG_FILE} is generated`,
        })
        .option("out", { type: "string", describe: "Output directory of the package (default: generated/<name>)" })
        .option("name", { type: "string", describe: "npm package name (default: from the collection file name)" })
        .option("config", { type: "string", default: CONFIG_FILE, describe: "Config file listing the targets" })
        .option("quiet", { type: "boolean", default: false, describe: "Print errors only" })
        .option("typecheck", { type: "boolean", default: false, describe: "Also type-check the emitted client with the TypeScript checker (slower)" })
        .example("$0 generate", `regenerate every target listed in ${CONFIG_FILE}`)
        .example("$0 generate api.postman_collection.json --out generated/api --name @acme/api", "generate one package"),
    async (argv) => {
      const targets: Target[] = argv.collection
        ? [singleTarget(argv.collection, argv.out, argv.name)]
        : await readConfig(resolve(argv.config));
      const started = performance.now();
      const results = await generate(targets, { typeCheck: argv.typecheck });
      if (argv.quiet) return;
      for (const { target, operations, files, warnings } of results) {
        for (const warning of warnings) console.error(`warning: ${relative(".", target.collection)} at ${warning.source}: ${warning.message}`);
        console.log(
          `${target.name}: ${operations} operation${operations === 1 ? "" : "s"}, ${files.length} files → ${relative(".", target.out) || "."}`,
        );
      }
      console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
  )
  .demandCommand(1, "Name a command: generate")
  .strict()
  .help()
  .alias("h", "help")
  .version()
  .fail((message, error, y) => {
    if (error instanceof CodegenError) {
      console.error(`error: ${error.message}`);
      process.exit(EXIT_BAD_INPUT);
    }
    if (error) {
      console.error(error);
      process.exit(EXIT_BAD_INPUT);
    }
    console.error(`${y.help()}\n\n${message}`);
    process.exit(EXIT_USAGE);
  })
  .parseAsync();

function singleTarget(collection: string, out: string | undefined, name: string | undefined): Target {
  const packageName = name ?? defaultPackageName(collection);
  return { collection: resolve(collection), out: resolve(out ?? `generated/${defaultPackageName(collection)}`), name: packageName };
}
