// `generate --watch`: regenerates a target when its collection, environments or globals (or the
// config) change, and every target when one of the generator's templates does, debounced, with one
// line per run, the warnings its last generation did not give, then the API change as `generate`
// reports it (the verdict, and with `verbose` the changes). A bad collection is reported and the
// last good output stays.
import { existsSync, readdirSync, statSync, watch as watchFs, type FSWatcher } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { forgetGeneratorFingerprint } from "./cache/fingerprint.js";
import { targetWarningLines } from "./cli-report.js";
import { readConfig, type Target } from "./config.js";
import { apiChangeLines } from "./diff/report.js";
import { forgetTemplates } from "./emit/templates.js";
import { CodegenError } from "./errors.js";
import { forgetGeneratorFingerprint as forgetFastPathFingerprint } from "./fast-path.js";
import { generate } from "./generate.js";
import { TEMPLATE_DIR } from "./paths.js";
import { shownPath } from "./shown-path.js";
import { counted } from "./counted.js";

export interface WatchOptions {
  configFile?: string;
  force?: boolean;
  typeCheck?: boolean;
  cache?: boolean;
  /** Each API change under its operation, as `generate --verbose` prints them. */
  verbose?: boolean;
  report: (line: string) => void;
  /** The lines of a run's warnings that its last generation did not give (generate prints them on stderr; default: report). */
  warn?: (line: string) => void;
  /** Milliseconds of quiet before a run (editors write a file in several steps). */
  debounceMs?: number;
  signal?: AbortSignal;
}

export async function watch(initial: Target[], options: WatchOptions): Promise<void> {
  let targets = initial;
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let configChanged = false;

  const run = async (names: Set<string>) => {
    // The generator's fingerprint and its rendered templates are kept for the life of a process;
    // this one outlives an edit of a template (in a checkout of the generator, or in the installed
    // package), which makes every output stale. Forgotten between runs, so that each run hashes and
    // renders the templates as they are when it starts (the no-op's check, bundled in dist/, keeps
    // a fingerprint of its own).
    forgetGeneratorFingerprint();
    forgetFastPathFingerprint();
    forgetTemplates();
    for (const target of targets.filter((t) => names.has(t.name))) {
      const started = performance.now();
      try {
        const result = await generate([target], {
          force: options.force ?? false,
          typeCheck: options.typeCheck ?? false,
          cache: options.cache ?? true,
          ...(options.configFile ? { configFile: options.configFile, targetIndexes: [targets.indexOf(target)] } : {}),
        });
        const t = result.targets[0]!;
        // Those the output's manifest did not record (its last generation's, src/known-warnings.ts):
        // an edit's new problem, not again the dozens a real collection keeps having.
        const before = t.warningsBefore;
        const fresh = targetWarningLines(t, options.verbose ?? false, true);
        for (const line of fresh) (options.warn ?? options.report)(line);
        const count = counted(t.warnings.length, "warning");
        // After the first regeneration, how many of the lines are new: those printed just above.
        const news = fresh.length ? `, ${fresh.length} new above` : ", none new";
        const warnings = t.warnings.length ? `, ${count}${before ? news : ""}` : "";
        options.report(
          t.status === "up-to-date"
            ? `${target.name}: up to date`
            : `${target.name}: regenerated ${shownPath(target.out)} in ${((performance.now() - started) / 1000).toFixed(1)} s (${counted(t.operations ?? 0, "operation")}${warnings})`,
        );
        // The API change, as generate prints it.
        for (const line of apiChangeLines(target.name, t.api, options.verbose)) options.report(line);
      } catch (error) {
        const message = error instanceof CodegenError ? error.message : String((error as Error).stack ?? error);
        options.report(`${target.name}: error: ${message} (the last good output is kept)`);
      }
    }
  };

  const schedule = (names: string[]) => {
    for (const name of names) dirty.add(name);
    clearTimeout(timer);
    timer = setTimeout(() => {
      // The config is read once it has been quiet too: an editor (or a script) that truncates it
      // and then writes it would otherwise be read half-written and reported as an error.
      if (configChanged && options.configFile) {
        configChanged = false;
        try {
          targets = readConfig(options.configFile);
          for (const target of targets) for (const file of inputFiles(target)) follow(file);
          for (const target of targets) dirty.add(target.name);
        } catch (error) {
          options.report(`config: error: ${(error as Error).message}`);
        }
      }
      const names = new Set(dirty);
      dirty.clear();
      running = running.then(() => run(names));
    }, options.debounceMs ?? 150);
  };

  // Directories are watched, not files: editors often replace a file rather than write to it.
  const watchers: FSWatcher[] = [];
  const watched = new Map<string, Set<string>>();
  const follow = (file: string) => {
    const dir = dirname(resolve(file));
    let names = watched.get(dir);
    if (!names) {
      names = new Set();
      watched.set(dir, names);
      watchers.push(
        watchFs(dir, (_event, name) => {
          if (!name || !watched.get(dir)!.has(name.toString())) return;
          const path = resolve(dir, name.toString());
          if (options.configFile && path === resolve(options.configFile)) {
            configChanged = true;
            schedule([]);
            return;
          }
          schedule(targets.filter((t) => inputFiles(t).some((file) => resolve(file) === path)).map((t) => t.name));
        }),
      );
    }
    names.add(basename(file));
  };
  for (const target of targets) for (const file of inputFiles(target)) follow(file);
  if (options.configFile) follow(options.configFile);
  // A template's edit regenerates every target (of the config as it is then): the fingerprint in
  // each output's manifest hashes the templates, those of a folder made while watching too.
  const templatesWatched = new Set<string>();
  const watchTemplates = (dir: string) => {
    templatesWatched.add(dir);
    watchers.push(
      watchFs(dir, (_event, name) => {
        if (!name) return;
        const path = join(dir, name.toString());
        const newFolder = !templatesWatched.has(path) && isDirectory(path);
        if (newFolder) for (const below of templateDirs(path)) watchTemplates(below);
        if (newFolder || path.endsWith(".hbs")) schedule(targets.map((t) => t.name));
      }),
    );
  };
  for (const dir of templateDirs()) watchTemplates(dir);
  options.report(`watching ${counted(targets.length, "target")}; press Ctrl-C to stop`);
  schedule(targets.map((t) => t.name));

  await new Promise<void>((resolveStop) => {
    const stop = () => {
      for (const watcher of watchers) watcher.close();
      clearTimeout(timer);
      void running.then(() => resolveStop());
    };
    options.signal?.addEventListener("abort", stop, { once: true });
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/** templates/ and the folders under it, each watched as the inputs' folders are (one watch per folder). */
function templateDirs(dir = TEMPLATE_DIR): string[] {
  if (!existsSync(dir)) return [];
  const below = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return [dir, ...below.flatMap((entry) => templateDirs(join(dir, entry.name)))];
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** The files a target is made from: its collection, its environments, its globals. */
function inputFiles(target: Target): string[] {
  return [
    target.collection,
    ...(target.environments ?? []).map((e) => e.file),
    ...(target.globals !== undefined ? [target.globals] : []),
  ];
}
