// The project's list of targets: postman-codegen.config.json, or a "postman-codegen" key in
// package.json, in the working directory or a folder above it. Kept free of heavy imports: the no-op fast path reads it.
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { ErrorObject } from "ajv";
import { AUTO_VERSION, CONFIG_FILE, DEFAULT_PACKAGE_VERSION, PACKAGE_KEY, raisesVersion } from "./config-constants.js";
import { configSchema } from "./config-schema.js";
import { didYouMean } from "./command-line/names.js";
import { CodegenError, UsageError } from "./errors.js";
import { schemaError } from "./schema-errors.js";
import { shownPath } from "./shown-path.js";
import { parseJsonText } from "./load/json-text.js";
import { fileTitle, unreadable } from "./load/input-file.js";
import type { Limits } from "./load/limits.js";
import type { EnvironmentSource } from "./load/scopes.js";
import type { BodyEncodingOverride } from "./model/selection.js";
import { apiUrlProblem, notHttpUrl } from "./postman-api/api-url.js";
import { storedCopy, UID_PATTERN } from "./postman-api/store.js";

export type { BodyEncodingOverride, EnvironmentSource };
export { AUTO_VERSION, CONFIG_FILE, DEFAULT_PACKAGE_VERSION, PACKAGE_KEY, raisesVersion };

export interface TargetOptions {
  /** Default base URL of the emitted client, instead of the collection's. */
  baseUrl?: string;
  /** Only requests under these Postman paths (`folder/subfolder/request`, split at every `/`, one inside a name too; `*` matches within a segment, `**` any depth). */
  include?: string[];
  /** Leave out requests under these Postman paths. */
  exclude?: string[];
  /** Method names for requests, by Postman path: `{ "users/{user Id}/Update user status": "setStatus" }`. */
  names?: Record<string, string>;
  /** Body encodings for requests, by Postman path: send JSON where the collection says formdata. */
  bodyEncoding?: Record<string, BodyEncodingOverride>;
  /** Bounds on the collection (file size, requests, folder depth, name length); see DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
  /**
   * Version of the emitted package (semver), for teams that publish it; `"auto"`, the default: the
   * previous output's version raised by the verdict on what changed in the client's API (0.1.0 for
   * a first one).
   */
  version?: string;
  /**
   * Postman environment files, each known to the client by its `name` (the config's key, else the
   * name inside the file): `createClient({ environment: "staging" })`.
   */
  environments?: EnvironmentSource[];
  /** A Postman globals file: values below the collection's (src/load/scopes.ts). */
  globals?: string;
  /**
   * The collection (and environments) in the Postman API: `collection` and the environments' files
   * are then the stored copies that `postman-codegen pull` keeps beside the config.
   */
  postman?: PostmanSource;
}

export interface PostmanSource {
  /** The collection's uid (`<owner id>-<uuid>`). */
  collection: string;
  /** Environments' uids, each with the name the client knows it by (else the name the API gives it). */
  environments?: Array<{ uid: string; name?: string }>;
  /** The environment variable holding the API key (default POSTMAN_API_KEY). */
  apiKeyEnv?: string;
  /** The API's base URL (default https://api.getpostman.com). */
  apiUrl?: string;
  /** The folder of the lock file and the stored copies: the config's (the working directory for the command line). */
  root: string;
}

export interface Target extends TargetOptions {
  /** Path of the collection file (for a Postman API source, its stored copy). */
  collection: string;
  /** Output directory of the emitted package. */
  out: string;
  /** npm package name of the emitted package. */
  name: string;
}

/**
 * Why npm would refuse `name` for a new package, or undefined: at most 214 characters, lower
 * case, URL-safe (letters, digits, "-", ".", "_"), not starting with "." or "_", optionally under
 * an `@scope/`.
 */
export function packageNameProblem(name: string): string | undefined {
  if (name.length > 214) return `${JSON.stringify(name)} is not an npm package name: it has more than 214 characters`;
  if (!/^(?:@[a-z0-9-][a-z0-9._-]*\/)?[a-z0-9-][a-z0-9._-]*$/.test(name)) {
    return `${JSON.stringify(name)} is not an npm package name: use lower-case letters, digits, "-", "." and "_" (not first), optionally under an @scope/, e.g. "@acme/zoom-api"`;
  }
  return undefined;
}

/** Why `version` is not a semantic version (https://semver.org), or undefined. */
export function packageVersionProblem(version: string): string | undefined {
  const id = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
  const semver = new RegExp(
    `^(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)(?:-${id}(?:\\.${id})*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$`,
  );
  return semver.test(version)
    ? undefined
    : `${JSON.stringify(version)} is not a semantic version such as "1.2.3" or "2.0.0-beta.1"`;
}

/** The first of a target's package fields that npm would refuse, with why. */
export function packageProblem(
  target: Pick<Target, "name" | "version">,
): { key: "name" | "version"; problem: string } | undefined {
  const name = packageNameProblem(target.name);
  if (name) return { key: "name", problem: name };
  const version = raisesVersion(target.version) ? undefined : packageVersionProblem(target.version);
  return version ? { key: "version", problem: `${version}, or "${AUTO_VERSION}"` } : undefined;
}

/** The package name a collection file suggests: `Zoom API.postman_collection.json` → `zoom-api`. */
export function defaultPackageName(collection: string): string {
  return packageNameOf(fileTitle(collection));
}

/** A title made an npm package name: `Zoom API` → `zoom-api`. */
export function packageNameOf(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+/, "")
      .slice(0, 214)
      .replace(/-+$/, "") || "api-client"
  );
}

/** What the command line names beside a collection file, or instead of one (the Postman API). */
export interface CommandLineSources {
  /** `--environment <file>`, repeatable: each known by the name inside the file. */
  environments?: readonly string[];
  /** `--globals <file>`. */
  globals?: string;
  /** `--postman-collection <uid>`, instead of a collection file. */
  postmanCollection?: string;
  /** `--postman-environment <uid>`, repeatable. */
  postmanEnvironments?: readonly string[];
  /** `--postman-api <url>`. */
  postmanApi?: string;
}

/**
 * The target of `generate <collection> [--out] [--name] [--package-version]` (or
 * `--postman-collection <uid>` instead of the file): the command line's one target, made here so
 * that the full CLI and the no-op fast path read it the same way. Stored copies of the Postman API
 * live in the working directory.
 */
export function commandLineTarget(
  collection: string | undefined,
  out: string | undefined,
  name: string | undefined,
  version: string | undefined,
  sources: CommandLineSources = {},
): Target {
  const uid = sources.postmanCollection;
  for (const [option, value] of [
    ["--postman-collection", uid],
    ...(sources.postmanEnvironments ?? []).map((v) => ["--postman-environment", v] as const),
  ] as const) {
    if (value !== undefined && !UID_PATTERN.test(value))
      throw new CodegenError(
        "command line",
        option,
        `${JSON.stringify(value)} is not a Postman uid (letters, digits and "-", such as 12345678-0c5d1b0e-…)`,
      );
  }
  if (uid !== undefined && name === undefined)
    throw new CodegenError(
      "command line",
      "--name",
      "name the package: a collection from the Postman API has no file name to take one from",
    );
  if (sources.postmanApi !== undefined) {
    const problem = !/^https?:\/\/\S+$/.test(sources.postmanApi)
      ? notHttpUrl(sources.postmanApi)
      : apiUrlProblem(sources.postmanApi);
    if (problem) throw new CodegenError("command line", "--postman-api", problem);
  }
  const root = process.cwd();
  const file = uid !== undefined ? storedCopy(root, "collection", uid) : resolve(collection ?? "");
  const packageName = name ?? defaultPackageName(file);
  const environments: EnvironmentSource[] = [
    ...(sources.environments ?? []).map((env) => ({ file: resolve(env) })),
    ...(sources.postmanEnvironments ?? []).map((envUid) => ({ file: storedCopy(root, "environment", envUid) })),
  ];
  const target: Target = {
    collection: file,
    out: resolve(out ?? `generated/${packageName}`),
    name: packageName,
    // Without --package-version, none: "auto", as for a config's target (raisesVersion).
    ...(version !== undefined ? { version } : {}),
    ...(environments.length ? { environments } : {}),
    ...(sources.globals !== undefined ? { globals: resolve(sources.globals) } : {}),
    ...(uid !== undefined
      ? {
          postman: {
            collection: uid,
            ...(sources.postmanEnvironments?.length
              ? { environments: sources.postmanEnvironments.map((envUid) => ({ uid: envUid })) }
              : {}),
            ...(sources.postmanApi !== undefined ? { apiUrl: sources.postmanApi } : {}),
            root,
          },
        }
      : {}),
  };
  const bad = packageProblem(target);
  if (bad) throw new CodegenError("command line", bad.key === "name" ? "--name" : "--package-version", bad.problem);
  const outBad = outProblem(target.out, inputsOf(target), root);
  if (outBad) throw new CodegenError("command line", "--out", outBad);
  return target;
}

/** A file a target reads: what it is (`the collection`) and its path. */
export type Input = readonly [what: string, file: string];

/** The files `target` reads: its collection, environments and globals. */
function inputsOf(target: Pick<Target, "collection" | "environments" | "globals">): Input[] {
  return [
    ["the collection", target.collection],
    ...(target.environments ?? []).map((env): Input => ["the environment file", env.file]),
    ...(target.globals !== undefined ? [["the globals file", target.globals] as const] : []),
  ];
}

/**
 * Why `out` cannot be an output folder, or undefined: the generator replaces the whole folder
 * (src/write/write-package.ts), so one that is or holds the working directory or a file the run
 * reads (`inputs`: the config, the collections, …) would take them with it.
 */
function outProblem(out: string, inputs: readonly Input[], cwd: string): string | undefined {
  const folder = realPath(out);
  const shown = JSON.stringify(relative(cwd, out) || ".");
  const advice = `the generator replaces its output folder whole: give the package a folder of its own, such as "generated/<name>"`;
  // The working directory itself, else a file the run reads, else a folder around the working
  // directory: the nearest reason first, whatever folder the command runs from.
  const real = realPath(cwd);
  if (real === folder) return `the output folder ${shown} is the working directory: ${advice}`;
  const input = inputs.find(([, file]) => isWithin(realPath(file), folder));
  if (input)
    return `the output folder ${shown} holds ${input[0]} ${JSON.stringify(relative(cwd, input[1]))}: ${advice}`;
  if (isWithin(real, folder)) return `the output folder ${shown} holds the working directory: ${advice}`;
  return undefined;
}

/**
 * The first of `targets` whose `out` cannot be an output folder, with why: it is or holds the
 * working directory or a file the run reads (`outProblem`; `inputs` beside the targets' own: the
 * config file), or it is the same folder as an earlier target's (`place` names that one), inside it
 * or around it: each run would then replace or carry off the other's output. `shown`: a target's
 * `out` as the user wrote it (else relative to `cwd`).
 */
export function outsProblem(
  targets: readonly Target[],
  inputs: readonly Input[],
  cwd: string,
  place: (index: number) => string,
  shown: (index: number) => string = (index) => relative(cwd, targets[index]!.out) || ".",
): { index: number; problem: string } | undefined {
  const all = [...inputs, ...targets.flatMap(inputsOf)];
  for (const [index, target] of targets.entries()) {
    const problem = outProblem(target.out, all, cwd);
    if (problem) return { index, problem };
  }
  const outs = targets.map((target) => realPath(target.out));
  for (let index = 1; index < outs.length; index++)
    for (let first = 0; first < index; first++) {
      const [a, b] = [outs[first]!, outs[index]!];
      const relation = a === b ? "is the same folder as" : isWithin(b, a) ? "is inside" : isWithin(a, b) ? "holds" : "";
      if (relation)
        return {
          index,
          problem: `${JSON.stringify(shown(index))} ${relation} ${place(first)} (${JSON.stringify(shown(first))}): each target needs an output folder of its own, not inside another's, or each run replaces the other's output`,
        };
    }
  return undefined;
}

/** `path` absolute, with the symbolic links of the part of it that exists resolved. */
function realPath(path: string): string {
  const absolute = resolve(path);
  const rest: string[] = [];
  for (let dir = absolute; ; dir = dirname(dir)) {
    try {
      return join(realpathSync.native(dir), ...rest.reverse());
    } catch {
      if (dirname(dir) === dir) return absolute;
      rest.push(basename(dir));
    }
  }
}

/** Whether `path` is `folder` or inside it (both absolute and real). */
function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * findConfig's error when there is no config to find, apart from the errors of one it found and
 * could not take (not JSON, not the schema's): a command that has something else to go on without
 * a config (`mock <folder>`) goes on only after this one, and reports the others as `generate` does.
 */
export class NoConfigError extends CodegenError {}

/**
 * The config to use: the named file, else the first found from `cwd` up, as prettier and eslint
 * find theirs (a team runs `generate` from any folder of its repository): in each folder
 * postman-codegen.config.json, then the "postman-codegen" key of its package.json. The search stops
 * at the repository's root (the folder holding `.git`, a folder or a worktree's file), so that a
 * config above the repository is never taken for its own; a package.json without the key does not
 * stop it (a monorepo's packages have theirs below the root's config). Paths in the config are
 * relative to its folder, wherever the command runs.
 */
export function findConfig(
  cwd: string,
  file?: string,
  /** What else the command can be given instead of a config, for the error when there is none. */
  instead = "name a collection",
  known?: KnownConfigs,
  /**
   * Whether the targets' output folders are checked (`outsProblem`): a command that writes them
   * needs it; one that only reads the config (`mock`) runs in a package's own folder too, which
   * the check refuses as the working directory that `generate` would replace.
   */
  outs: "check" | "read-only" = "check",
): { file: string; targets: Target[] } {
  if (file) return { file, targets: readConfig(resolve(cwd, file), known, outs) };
  let root: string | undefined;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const own = join(dir, CONFIG_FILE);
    if (existsSync(own)) return { file: own, targets: readConfig(own, known, outs) };
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      const text = readText(pkg);
      const json = parseJsonText(pkg, text);
      if (packageKey(pkg, json) !== undefined)
        return { file: pkg, targets: configTargets(pkg, json, text, known, outs) };
    }
    if (existsSync(join(dir, ".git"))) root = dir;
    if (root !== undefined || dirname(dir) === dir) break;
  }
  const where =
    root === resolve(cwd)
      ? "in this folder (the repository's root)"
      : root !== undefined
        ? `in this folder or one above it up to the repository's root ${JSON.stringify(shownPath(root))}`
        : "in this folder or one above it";
  throw new NoConfigError(
    join(cwd, CONFIG_FILE),
    undefined,
    `no config: create ${CONFIG_FILE} ({ "targets": [{ "collection": "…", "out": "…" }] }) ${where}, add a "${PACKAGE_KEY}" key to a package.json there, or ${instead}`,
  );
}

/**
 * The error of a target the config has not, one wording for every command that names one (`diff
 * --target`, `mock <target>`): the name as given, the one meant where it is near, and the targets.
 * A usage error (exit 2): the config is right, the name typed is not.
 */
export function noTargetNamed(config: { file: string; targets: readonly Target[] }, name: string): UsageError {
  const names = config.targets.map((t) => t.name);
  return new UsageError(
    config.file,
    "targets",
    `no target is named ${JSON.stringify(name)}${didYouMean(name, names)}; ${names.length ? `the targets are ${names.join(", ")}` : "it has none"}`,
  );
}

/**
 * Config bytes known to match the schema, which then need not be checked again: the no-op's stamp
 * (src/cache/noop-stamp.ts) keeps the last ones, so that a no-op does not load the validator.
 */
export interface KnownConfigs {
  /** Whether these bytes of `file` are known to match the schema. */
  valid(file: string, text: string): boolean;
  /** Told of bytes of `file` that were just found to match it. */
  found(file: string, text: string): void;
}

/** The targets of a config file (read again by --watch when it changes): findConfig's reading of it. */
export function readConfig(file: string, known?: KnownConfigs, outs: "check" | "read-only" = "check"): Target[] {
  const text = readText(file);
  return configTargets(file, parseJsonText(file, text), text, known, outs);
}

/** A package.json's "postman-codegen" key, or undefined (any other file, or no such key). */
function packageKey(file: string, json: unknown): unknown {
  return basename(file) === "package.json" && typeof json === "object" && json !== null && !Array.isArray(json)
    ? (json as Record<string, unknown>)[PACKAGE_KEY]
    : undefined;
}

/** A package.json holds its config under the "postman-codegen" key; any other file is one. */
function configTargets(
  file: string,
  json: unknown,
  text: string,
  known: KnownConfigs | undefined,
  outs: "check" | "read-only",
): Target[] {
  const key = packageKey(file, json);
  const checked = known?.valid(file, text) === true;
  const targets =
    key !== undefined ? targetsOf(file, key, PACKAGE_KEY, checked, outs) : targetsOf(file, json, "", checked, outs);
  if (!checked) known?.found(file, text);
  return targets;
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw unreadable(file, "config", error);
  }
}

/** Friendlier words than "must match pattern …" for the patterns a user meets. */
function patternMessage(error: ErrorObject, config: unknown): string | undefined {
  if (error.keyword !== "pattern" && error.keyword !== "maxLength") return undefined;
  const value = String(valueAt(config, error.instancePath));
  if (/\/name\/(?:pattern|maxLength)$/.test(error.schemaPath)) return packageNameProblem(value);
  if (/\/version\/pattern$/.test(error.schemaPath)) return `${packageVersionProblem(value)}, or "${AUTO_VERSION}"`;
  if (error.schemaPath.includes("/names/"))
    return `${JSON.stringify(value)} is not a method name: use letters, digits, "_" and "$", not starting with a digit`;
  if (/\/postman\/properties\/(?:collection|environments)\//.test(error.schemaPath))
    return `${JSON.stringify(value)} is not a Postman uid (letters, digits and "-", such as 12345678-0c5d1b0e-…)`;
  // Not quoted: what is given where the variable's name goes may be the key itself (`PMAK-…`).
  if (error.schemaPath.endsWith("/apiKeyEnv/pattern"))
    return `not an environment variable's name (letters, digits and "_", not starting with a digit): give the name of the variable that holds the key, not the key (what was given is not shown)`;
  if (error.schemaPath.endsWith("/apiUrl/pattern")) return notHttpUrl(value);
  return undefined;
}

function valueAt(json: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === "object"
          ? (node as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")]
          : undefined,
      json,
    );
}

/**
 * The targets of a config: checked against the shipped schema (config-schema.ts), every problem at
 * once with its path, unless `checked` (bytes known to match it: KnownConfigs); in code only what a
 * schema cannot say (defaults, and friendlier words for the package name, version and method-name
 * patterns).
 */
function targetsOf(
  file: string,
  config: unknown,
  prefix: string,
  checked: boolean,
  outs: "check" | "read-only",
): Target[] {
  const { schema, validate } = checked ? { schema: undefined, validate: undefined } : configSchema();
  if (validate && !validate(config)) {
    throw schemaError(file, sourceErrors(validate.errors ?? []), "does not match postman-codegen.schema.json", {
      schema,
      keyNoun: "option",
      ...(prefix ? { pathPrefix: prefix } : {}),
      message: (error) => patternMessage(error, config),
    });
  }
  const base = dirname(file);
  const raw = (config as { targets: Array<Record<string, unknown>> }).targets;
  const targets = raw.map((t, index): Target => {
    const sources = targetSources(base, t);
    // What the schema cannot say: the API URL holds no credential (nor anything a message would quote).
    const api = sources.postman;
    const urlProblem = api?.apiUrl !== undefined ? apiUrlProblem(api.apiUrl, api.apiKeyEnv) : undefined;
    if (urlProblem)
      throw new CodegenError(file, `${prefix ? `${prefix}.` : ""}targets[${index}].postman.apiUrl`, urlProblem);
    const string = (key: string) => t[key] as string | undefined;
    const list = (key: string) => t[key] as string[] | undefined;
    const map = (key: string) => t[key] as Record<string, never> | undefined;
    const limits = map("limits") as Partial<Limits> | undefined;
    const names = map("names");
    const bodyEncoding = map("bodyEncoding");
    const name = string("name") ?? defaultPackageName(sources.collection);
    const version = string("version");
    const baseUrl = string("baseUrl");
    const include = list("include");
    const exclude = list("exclude");
    return {
      ...sources,
      out: resolve(base, t["out"] as string),
      name,
      ...(version !== undefined ? { version } : {}),
      ...(baseUrl !== undefined ? { baseUrl } : {}),
      ...(include ? { include } : {}),
      ...(exclude ? { exclude } : {}),
      ...(names ? { names } : {}),
      ...(bodyEncoding ? { bodyEncoding } : {}),
      ...(limits ? { limits } : {}),
    };
  });
  const place = (index: number) => `${prefix ? `${prefix}.` : ""}targets[${index}].out`;
  const bad =
    outs === "check"
      ? outsProblem(targets, [["the config file", file]], process.cwd(), place, (i) => String(raw[i]!["out"]))
      : undefined;
  if (bad) throw new CodegenError(file, place(bad.index), bad.problem);
  return targets;
}

/**
 * A target's sources: the collection file, or the stored copy of its Postman API collection; the
 * environment files, then the stored copies of its Postman API environments; the globals file.
 */
function targetSources(
  base: string,
  t: Record<string, unknown>,
): Pick<Target, "collection" | "environments" | "globals" | "postman"> {
  const files = (t["environments"] ?? {}) as Record<string, string>;
  const postman = t["postman"] as
    { collection: string; environments?: Record<string, string>; apiKeyEnv?: string; apiUrl?: string } | undefined;
  const environments: EnvironmentSource[] = Object.entries(files).map(([name, envFile]) => ({
    name,
    file: resolve(base, envFile),
  }));
  for (const [name, uid] of Object.entries(postman?.environments ?? {}))
    environments.push({ name, file: storedCopy(base, "environment", uid) });
  return {
    collection: postman ? storedCopy(base, "collection", postman.collection) : resolve(base, t["collection"] as string),
    ...(environments.length ? { environments } : {}),
    ...(typeof t["globals"] === "string" ? { globals: resolve(base, t["globals"]) } : {}),
    ...(postman
      ? {
          postman: {
            collection: postman.collection,
            ...(postman.environments
              ? { environments: Object.entries(postman.environments).map(([name, uid]) => ({ name, uid })) }
              : {}),
            ...(postman.apiKeyEnv !== undefined ? { apiKeyEnv: postman.apiKeyEnv } : {}),
            ...(postman.apiUrl !== undefined ? { apiUrl: postman.apiUrl } : {}),
            root: base,
          },
        }
      : {}),
  };
}

/**
 * A target names its collection as a file or in the Postman API: ajv reports a missing or doubled
 * source as a `oneOf` with each branch's `required`, a Postman target without a name as a
 * `dependencies`, and an empty environment name as `propertyNames`; said here in one line each,
 * at the place to fix.
 */
function sourceErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const target = /^#\/properties\/targets\/items\/oneOf\//;
  return errors.flatMap((error): ErrorObject[] => {
    if (target.test(error.schemaPath)) return [];
    // An environment's name is a key: one that is empty is said once, at its place.
    if (error.keyword === "propertyNames") return [];
    // Environments given as the command line's -e gives them, a list of files: say the shape.
    if (error.keyword === "type" && error.schemaPath === "#/properties/targets/items/properties/environments/type")
      return [
        {
          ...error,
          keyword: "environments",
          message:
            'must be an object of environment files by name, { "staging": "env/staging.postman_environment.json" }: the client knows each by its key (createClient({ environment: "staging" }))',
        },
      ];
    if (error.propertyName !== undefined)
      return [
        {
          ...error,
          instancePath: `${error.instancePath}/${error.propertyName}`,
          message: "an environment needs a name (a key that is not empty)",
        },
      ];
    if (error.keyword === "oneOf" && error.schemaPath === "#/properties/targets/items/oneOf") {
      return [
        {
          ...error,
          message:
            "give the collection either as `collection` (a file) or as `postman` (its uid in the Postman API), one of the two",
        },
      ];
    }
    if (error.keyword === "dependencies" && error.schemaPath === "#/properties/targets/items/dependencies") {
      return [
        {
          ...error,
          instancePath: `${error.instancePath}/name`,
          message:
            "missing: a target with `postman` needs a package name (there is no collection file name to take one from)",
        },
      ];
    }
    return [error];
  });
}
