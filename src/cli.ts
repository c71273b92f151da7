// Command line: argument parsing; what it prints is in cli-report.ts, the work in generate.ts and watch.ts.
// A command's modules load in its handler: `--help` and a usage error need yargs and the words of
// the help alone, and each command loads only its own work (the config's reader, the reports, the
// pipeline), not the others'.
import { dirname } from "node:path";
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { AUTO_VERSION, CONFIG_FILE, DEFAULT_PACKAGE_VERSION } from "./config-constants.js";
import type { commandLineTarget, CommandLineSources, Target, TargetOptions } from "./config.js";
import { CodegenError, UsageError } from "./errors.js";
import { EXIT_BAD_INPUT, reportFailure, runGenerate } from "./generate-command.js";
import { failsAt, LEVELS } from "./diff/levels.js";
import type { PatternPlace } from "./model/selection.js";
import { COMMANDS, usageError } from "./usage.js";
import { generatorVersion } from "./version.js";
import type { TargetPlace } from "./generate.js";

const EXIT_USAGE = 2;

/**
 * Where a command finds the config without --config (findConfig), said in every option that
 * defaults to it: a user running from a subfolder learns that a config above is the one taken.
 */
const CONFIG_DEFAULT = `${CONFIG_FILE}, or the "postman-codegen" key of a package.json, the nearest found from the working directory upward to the repository's root`;

/**
 * `-e`/`--environment <file>`, repeatable: one definition for every command that reads environment
 * files (generate, mock), so that they take it alike; each says what the files are for.
 */
function environmentOption(describe: string) {
  return { alias: "e", type: "string", array: true, describe } as const;
}

/** Errors in the value of an option (`command line at --package-version: …`): usage errors. */
const optionErrors = new WeakSet<object>();

/** `commandLineTarget`, its refusals marked as usage errors (exit 2), said in one line as other failures are. */
async function optionsTarget(...args: Parameters<typeof commandLineTarget>): Promise<Target> {
  const { commandLineTarget } = await import("./config.js");
  try {
    return commandLineTarget(...args);
  } catch (error) {
    if (error instanceof CodegenError) optionErrors.add(error);
    throw error;
  }
}

/**
 * A command's options, without the generator's `--version` (yargs makes it global): after a command
 * it was taken as that, so `generate api.json --version 1.2.0`, meant as the package's version (the
 * config's key is `version`), printed the generator's 0.1.0 and exited 0 having generated nothing.
 * There it is an unknown option, a usage error that names --package-version (usage.ts);
 * `postman-codegen --version` still answers.
 */
function commandOptions<T>(y: Argv<T>): Argv<T> {
  return y.version(false);
}

/**
 * yargs lays out a command's whole help (cliui's columns, every string's width) as it starts the
 * command's handler, keeping it for a showHelp() the handler might call. No handler here calls
 * one, and the layout was ~30 ms of CPU of every diff, pull, mock and `generate --json`: a command
 * now starts without it. `--help`, and the help a usage error prints, are laid out as they are asked
 * for, as before. (yargs' internals, pinned with it in package.json: missing, nothing is skipped.)
 */
function skipHelpLayoutAtStart(y: Argv): void {
  type Internals = { getInternalMethods?(): { getUsageInstance?(): { cacheHelpMessage?(): void } } };
  const usage = (y as unknown as Internals).getInternalMethods?.().getUsageInstance?.();
  if (usage?.cacheHelpMessage) usage.cacheHelpMessage = () => {};
}

const cli = yargs(hideBin(process.argv));
skipHelpLayoutAtStart(cli);
await cli
  .scriptName("postman-codegen")
  .usage("$0 <command> [options]")
  // Every command's --config: an empty one (`--config "$CONFIG"` with the variable unset, or
  // `--config --check`) would be taken as none, and the config found from the working directory
  // used in its place, silently.
  .check((argv) => argv["config"] !== "" || "--config names no file: give the config's path, or leave --config out")
  .command(
    "generate [collection]",
    "Generate a typed fetch client package from a Postman collection (v2.1 or v2.0)",
    (y) =>
      commandOptions(y)
        .positional("collection", {
          type: "string",
          describe: "Collection file. Without it, every target of the config (see --config)",
        })
        .option("out", { type: "string", describe: "Output directory of the package (default: generated/<name>)" })
        .option("name", { type: "string", describe: "npm package name (default: from the collection file name)" })
        .option("package-version", {
          type: "string",
          describe: `Version of the emitted package (default "${AUTO_VERSION}": the previous output's raised by the API change, ${DEFAULT_PACKAGE_VERSION} for a first one)`,
        })
        .option(
          "environment",
          environmentOption(
            'Postman environment file (repeatable), known by the name inside it: createClient({ environment: "<name>" })',
          ),
        )
        .option("globals", { type: "string", describe: "Postman globals file: values below the collection's" })
        .option("postman-collection", {
          type: "string",
          describe:
            "The collection's uid in the Postman API, instead of a file (key: $POSTMAN_API_KEY; stored in postman-sources/, see pull)",
        })
        .option("postman-environment", {
          type: "string",
          array: true,
          describe: "An environment's uid in the Postman API (repeatable)",
        })
        .option("postman-api", {
          type: "string",
          describe: "The Postman API's base URL (default: https://api.getpostman.com)",
        })
        .option("config", { type: "string", describe: `Config file listing the targets (default: ${CONFIG_DEFAULT})` })
        .option("check", {
          type: "boolean",
          default: false,
          describe: "Write nothing; exit 1 with a summary when the output differs from what the collections produce",
        })
        .option("watch", {
          type: "boolean",
          default: false,
          describe:
            "Regenerate a target whenever its collection, environments, globals or the config change (every target when a template of the generator does); each warning is printed at the first run that has it",
        })
        .option("force", {
          type: "boolean",
          default: false,
          describe:
            "Regenerate even when the manifest says the output is up to date, or when the API it recorded or CHANGELOG.md is lost (the change is then taken as breaking)",
        })
        .option("cache", {
          type: "boolean",
          default: true,
          describe:
            "Reuse prettier's output for unchanged parts, from node_modules/.cache/postman-codegen in the config's folder (--no-cache: format everything)",
        })
        .option("json", { type: "boolean", default: false, describe: "Print the result as JSON on stdout" })
        .option("quiet", { type: "boolean", default: false, describe: "Print errors only" })
        .option("typecheck", {
          type: "boolean",
          default: false,
          describe: "Also type-check the emitted client with the TypeScript checker (slower; same output)",
        })
        .option("verbose", {
          type: "boolean",
          default: false,
          describe: "Print each change of the client's API, by operation",
        })
        .option("fail-on", {
          type: "string",
          choices: LEVELS,
          describe: "With --check: exit 1 only when the API change of a drifted target is at this level or above",
        })
        .check(
          (argv) => !(argv.watch && (argv.check || argv.json)) || "--watch cannot be combined with --check or --json",
        )
        .check((argv) => argv.failOn === undefined || argv.check || "--fail-on goes with --check (or the diff command)")
        .check(
          (argv) =>
            !(argv.collection !== undefined && argv.postmanCollection !== undefined) ||
            "name the collection as a file or with --postman-collection, not both",
        )
        .check(
          (argv) =>
            argv.collection !== undefined ||
            argv.postmanCollection !== undefined ||
            (argv.environment ?? argv.globals ?? argv.postmanEnvironment ?? argv.postmanApi) === undefined ||
            "--environment, --globals and the --postman-… options go with a collection (a file or --postman-collection); a config's targets name theirs in the config",
        )
        .check(
          (argv) =>
            argv.collection !== undefined ||
            argv.postmanCollection !== undefined ||
            (argv.out ?? argv.name ?? argv.packageVersion) === undefined ||
            "--out, --name and --package-version go with a collection (a file or --postman-collection); a config's targets set theirs in the config (out, name, version)",
        )
        .check(
          (argv) =>
            argv.config === undefined ||
            (argv.collection === undefined && argv.postmanCollection === undefined) ||
            "--config names the config whose targets are generated: with a collection, generate reads no config",
        )
        .example("$0 generate", `regenerate every target of ${CONFIG_FILE}; up-to-date targets are skipped`)
        .example("$0 generate --check", "in CI: fail when generated/ is not what the collections produce")
        .example(
          "$0 generate --check --fail-on major",
          "in CI: fail only when the collections' change breaks consumers of a client",
        )
        .example("$0 generate api.postman_collection.json --out generated/api --name @acme/api", "generate one package")
        .example(
          "$0 generate api.json -e staging.postman_environment.json -e prod.postman_environment.json",
          "with two environments the client can be made for",
        ),
    async (argv) => {
      let configFile: string | undefined;
      let targets: Target[];
      if (argv.collection !== undefined || argv.postmanCollection !== undefined) {
        targets = [
          await optionsTarget(argv.collection, argv.out, argv.name, argv.packageVersion, commandLineSources(argv)),
        ];
      } else {
        const { findConfig } = await import("./config.js");
        const found = findConfig(process.cwd(), argv.config);
        configFile = found.file;
        targets = found.targets;
      }
      if (argv.watch) {
        const { watch } = await import("./watch.js");
        await watch(targets, {
          ...(configFile ? { configFile } : {}),
          force: argv.force,
          typeCheck: argv.typecheck,
          cache: argv.cache,
          verbose: argv.verbose,
          report: (line) => console.log(line),
          warn: (line) => console.error(line),
        });
        return;
      }
      await runGenerate(targets, {
        ...(configFile ? { configFile } : {}),
        check: argv.check,
        force: argv.force,
        typecheck: argv.typecheck,
        cache: argv.cache,
        quiet: argv.quiet,
        json: argv.json,
        verbose: argv.verbose,
        ...(argv.failOn ? { failOn: argv.failOn } : {}),
      });
    },
  )
  .command(
    "pull",
    "Fetch the collections and environments that targets take from the Postman API into postman-sources/, and record them in postman-codegen.lock.json",
    (y) =>
      commandOptions(y)
        .option("config", {
          type: "string",
          describe: `Config whose targets' postman sources are pulled (default: ${CONFIG_DEFAULT})`,
        })
        .option("postman-collection", {
          type: "string",
          describe: "Pull this collection uid instead (into the working directory)",
        })
        .option("postman-environment", {
          type: "string",
          array: true,
          describe: "And this environment uid (repeatable)",
        })
        .option("postman-api", {
          type: "string",
          describe: "The Postman API's base URL (default: https://api.getpostman.com)",
        })
        .option("json", { type: "boolean", default: false, describe: "Print { ok, resources } as JSON on stdout" })
        .option("quiet", { type: "boolean", default: false, describe: "Print errors only" })
        .check(
          (argv) =>
            argv.postmanCollection !== undefined ||
            (argv.postmanEnvironment ?? argv.postmanApi) === undefined ||
            "--postman-environment and --postman-api go with --postman-collection",
        )
        .example(
          "POSTMAN_API_KEY=… $0 pull",
          "refresh the stored copies of every target's Postman collection and environments",
        )
        .example("$0 pull --postman-collection 12345678-0c5d1b0e-…", "fetch one collection into postman-sources/"),
    async (argv) => {
      const { pull, pullTargets, readLock, resourcesOf } = await import("./postman-api/pull.js");
      const { defaultPackageName, findConfig, packageNameOf } = await import("./config.js");
      const { generateCommand, pullLine, pullSummary, pullWarnings } = await import("./cli-report.js");
      let changes;
      let next = "`postman-codegen generate`";
      if (argv.postmanCollection !== undefined) {
        const target = await optionsTarget(undefined, undefined, "pull", undefined, commandLineSources(argv));
        changes = await pull(target.postman!.root, resourcesOf(target.postman!));
        const collection = changes.find((c) => c.kind === "collection");
        const name =
          collection?.name !== undefined ? packageNameOf(collection.name) : defaultPackageName(target.collection);
        next = `\`${generateCommand({ ...commandLineSources(argv), postmanCollection: argv.postmanCollection }, name)}\``;
      } else {
        const found = findConfig(
          process.cwd(),
          argv.config,
          "pull one collection without a config: --postman-collection <uid>",
        );
        // Stored copies no target takes any more go, the last ones too (its target removed from
        // the config), as they do while other targets still pull.
        const root = dirname(found.file);
        if (found.targets.some((t) => t.postman)) changes = await pullTargets(found.targets, { prune: true });
        else if (readLock(root, true).length) changes = await pull(root, [], { prune: true });
        else
          throw new CodegenError(
            found.file,
            undefined,
            "no target takes its collection from the Postman API (a `postman` source): there is nothing to pull",
          );
      }
      if (argv.json) console.log(JSON.stringify({ ok: true, resources: changes }, null, 2));
      else if (!argv.quiet) {
        for (const change of changes) {
          console.log(pullLine(change));
          for (const line of pullWarnings(change)) console.error(line);
        }
        console.log(pullSummary(changes, next));
      }
    },
  )
  .command(
    "diff [old] [new]",
    "Classify what changed in the client's API between two versions of a collection, or between a target's output and its collection (writes nothing)",
    (y) =>
      commandOptions(y)
        .positional("old", {
          type: "string",
          describe:
            "The collection before (alone, with --target: the collection after, compared with the target's output)",
        })
        .positional("new", { type: "string", describe: "The collection after" })
        .option("config", {
          type: "string",
          describe: `Take the options that change the API (names, include, exclude, baseUrl, bodyEncoding, limits) from a target of this config (default, when --target is given or a collection is not: ${CONFIG_DEFAULT})`,
        })
        .option("target", {
          type: "string",
          describe:
            "The config's target (its name) whose options apply; needed when the config has several. Without two collections, its output (the API its manifest recorded, which generate compares with) is the API before",
        })
        .option("include", {
          type: "string",
          array: true,
          describe: "Only requests under these Postman paths (as the config's include)",
        })
        .option("exclude", {
          type: "string",
          array: true,
          describe: "Leave out requests under these Postman paths (as the config's exclude)",
        })
        .option("json", { type: "boolean", default: false, describe: "Print { verdict, changes } as JSON on stdout" })
        .option("fail-on", {
          type: "string",
          choices: LEVELS,
          describe: "Exit 1 when the change is at this level or above",
        })
        .example(
          "$0 diff old.postman_collection.json new.postman_collection.json",
          "what a regeneration from new instead of old would change",
        )
        .example(
          "$0 diff a.json b.json --target zoom-api --fail-on major",
          "with the options of the config's zoom-api target; exit 1 on a breaking change",
        )
        .example(
          "$0 diff --target zoom-api",
          "what regenerating zoom-api would change: its output as generated against its collection now",
        )
        .example("$0 diff --target zoom-api new.json", "what regenerating zoom-api from new.json would change"),
    async (argv) => {
      const collections = [argv.old, argv.new].filter((c): c is string => c !== undefined);
      // Fewer than two collections: the API before is a target's output, so a target is needed.
      const recorded = collections.length < 2;
      const usage = (problem: string) => {
        const error = new CodegenError("command line", undefined, problem);
        optionErrors.add(error);
        return error;
      };
      const needed = `diff compares two collections (diff <old> <new>) or a target's output with its collection (diff --target <name> [<new>]): ${collections.length ? "one collection was given" : "no collection was given"}`;
      const options: TargetOptions & TargetPlace = {};
      let fromConfig: PatternPlace | undefined;
      let chosen: Target | undefined;
      if (recorded || argv.config !== undefined || argv.target !== undefined) {
        const { findConfig, NoConfigError, noTargetNamed } = await import("./config.js");
        const { configPatternPlace } = await import("./model/selection.js");
        let found: ReturnType<typeof findConfig>;
        try {
          found = findConfig(process.cwd(), argv.config);
        } catch (error) {
          // Neither a config nor a target asked for: what is missing is the second collection.
          if (error instanceof NoConfigError && argv.config === undefined && argv.target === undefined)
            throw usage(`${needed}, and no config was found`);
          throw error;
        }
        const index =
          argv.target === undefined
            ? found.targets.length === 1
              ? 0
              : -1
            : found.targets.findIndex((t) => t.name === argv.target);
        const target = found.targets[index];
        if (!target) {
          if (argv.target !== undefined) throw noTargetNamed(found, argv.target);
          const names = found.targets.map((t) => t.name).join(", ");
          if (recorded) {
            const { shownPath } = await import("./shown-path.js");
            throw usage(
              `${needed}, and ${shownPath(found.file)} has several targets (${names}): name one with --target`,
            );
          }
          throw new CodegenError(found.file, undefined, `it has several targets (${names}): name one with --target`);
        }
        chosen = target;
        const {
          collection: _collection,
          out: _out,
          name: _name,
          version: _version,
          environments: _environments,
          globals: _globals,
          postman: _postman,
          ...surfaceOptions
        } = target;
        Object.assign(options, surfaceOptions, { configFile: found.file, targetIndex: index });
        fromConfig = configPatternPlace(found.file, index);
      }
      if (argv.include) options.include = argv.include;
      if (argv.exclude) options.exclude = argv.exclude;
      // A pattern given here replaces the config's: an error about it names the option.
      options.patternPlace = (key, index) =>
        argv[key] || !fromConfig ? { file: "command line", where: `--${key}` } : fromConfig(key, index);
      const { diffCollections, diffRecorded } = await import("./diff/collections.js");
      const { changeLines, summaryText } = await import("./diff/report.js");
      let diff: Awaited<ReturnType<typeof diffCollections>>;
      if (recorded && chosen) {
        const { configFile, targetIndex, patternPlace, ...surfaceOptions } = options;
        const after = collections[0];
        diff = await diffRecorded(
          { ...chosen, ...surfaceOptions, ...(after !== undefined ? { collection: after } : {}) },
          {
            ...(configFile !== undefined ? { configFile } : {}),
            ...(targetIndex !== undefined ? { targetIndex } : {}),
            patternPlace,
          },
        );
      } else diff = await diffCollections(collections[0]!, collections[1]!, options);
      if (argv.json) {
        console.log(JSON.stringify({ verdict: diff.verdict, changes: diff.changes }, null, 2));
      } else {
        console.log(summaryText(diff.verdict, diff.changes));
        for (const line of changeLines(diff.changes)) console.log(line);
      }
      if (argv.failOn && failsAt(diff.verdict, argv.failOn)) {
        if (!argv.json) console.error(`${diff.verdict} API change: at or above --fail-on ${argv.failOn}`);
        process.exitCode = EXIT_BAD_INPUT;
      }
    },
  )
  .command(
    "mock <collection>",
    "Serve a collection's saved examples on a local HTTP mock server (Postman's mock rules, CORS open)",
    (y) =>
      commandOptions(y)
        .positional("collection", {
          type: "string",
          demandOption: true,
          describe: `Collection file, or the name of a target of ${CONFIG_FILE}, or a target's output folder`,
        })
        .option("port", { type: "number", default: 4010, describe: "Port to listen on (0: any free port)" })
        .option("host", {
          type: "string",
          default: "127.0.0.1",
          describe: "Address to listen on (0.0.0.0: every interface)",
        })
        .option(
          "environment",
          environmentOption(
            "Postman environment file whose values fill {{variables}} in paths, or a target's environment by name (repeatable: of a key in several, the last file's value)",
          ),
        )
        .option("delay", { type: "number", describe: "Milliseconds to wait before each answer" })
        .option("config", { type: "string", describe: `Config file naming the targets (default: ${CONFIG_DEFAULT})` })
        .check(
          (argv) =>
            (Number.isInteger(argv.port) && argv.port >= 0 && argv.port <= 65535) ||
            "--port must be a whole number from 0 to 65535",
        )
        .check(
          (argv) =>
            argv.delay === undefined ||
            (Number.isFinite(argv.delay) && argv.delay >= 0) ||
            "--delay must be a number of milliseconds from 0",
        )
        .example(
          "$0 mock collections/zoom-api.postman_collection.json",
          "serve it on http://127.0.0.1:4010 until Ctrl-C",
        )
        .example(
          "$0 mock zoom-api --port 4020 --environment local.postman_environment.json",
          "a target of the config, another port, an environment's values",
        )
        .example(
          "$0 mock api.json -e sandbox.postman_environment.json -e local.postman_environment.json",
          "two environments' values, the second one's winning where both have a key",
        ),
    async (argv) => {
      const { runMockServer } = await import("./mocks/server.js");
      await runMockServer(argv.collection, {
        port: argv.port,
        host: argv.host,
        ...(argv.environment !== undefined ? { environments: argv.environment } : {}),
        ...(argv.delay !== undefined ? { delay: argv.delay } : {}),
        ...(argv.config !== undefined ? { config: argv.config } : {}),
      });
    },
  )
  .demandCommand(1, `Name a command: ${COMMANDS.join(", ")}`)
  .strict()
  .help()
  .alias("h", "help")
  // The generator's own version: yargs' guess reads the package.json nearest to where it looks,
  // which for an installed generator was the user's project's (`--version` printed the app's 1.0.0).
  .version(generatorVersion())
  .fail((message, error, y) => {
    // A .check() that fails hands its message over as the error, a string: a usage error too.
    if (error && typeof (error as unknown) !== "string") {
      reportFailure(error, process.argv.includes("--json"));
      process.exit(optionErrors.has(error) || error instanceof UsageError ? EXIT_USAGE : EXIT_BAD_INPUT);
    }
    const args = hideBin(process.argv);
    const command = COMMANDS.find((c) => c === args.find((a) => !a.startsWith("-")));
    // No command at all: the help, which lists them, is the answer.
    if (command === undefined && !args.some((a) => !a.startsWith("-"))) console.error(`${y.help()}\n\n${message}`);
    // As any other refusal: one line on stderr, or with --json the error as JSON on stdout.
    else reportFailure(usageError(message, args, { command, options: knownOptions() }), args.includes("--json"));
    process.exit(EXIT_USAGE);
  })
  .parseAsync();

/**
 * The options (and aliases) of the command being parsed. yargs keeps them on the instance, the
 * command's own once its builder ran, but leaves `getOptions` out of its types.
 */
function knownOptions(): string[] {
  const options = (cli as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions();
  return Object.keys(options.key);
}

/** What the command line names beside (or instead of) a collection file. */
function commandLineSources(argv: {
  environment?: string[];
  globals?: string;
  postmanCollection?: string;
  postmanEnvironment?: string[];
  postmanApi?: string;
}): CommandLineSources {
  return {
    ...(argv.environment ? { environments: argv.environment } : {}),
    ...(argv.globals !== undefined ? { globals: argv.globals } : {}),
    ...(argv.postmanCollection !== undefined ? { postmanCollection: argv.postmanCollection } : {}),
    ...(argv.postmanEnvironment ? { postmanEnvironments: argv.postmanEnvironment } : {}),
    ...(argv.postmanApi !== undefined ? { postmanApi: argv.postmanApi } : {}),
  };
}
