// The command line of an emitted package: `<name> <namespace> … <command> [flags]` calls one
// operation through the package's own client and prints what it answered. Exit codes: 0 on a 2xx
// answer, 1 on an API or connection error, 2 on a usage or validation error (nothing sent).
import type { BodyEncoder } from "../runtime/bodies.js";
import type { Authorizer } from "../runtime/auth.js";
import { DEFAULT_TIMEOUT_MS, MAX_TIMER_MS, readUnread, reason, type ClientOptions } from "../runtime/core.js";
import {
  ApiError,
  ConnectionError,
  ResponseParseError,
  TimeoutError,
  ValidationError,
  type MissingVariable,
} from "../runtime/errors.js";
import { namesSecret } from "../runtime/credential-names.js";
import { emptyIn } from "../runtime/environments.js";
import { namedByVariables } from "../runtime/header-names.js";
import { printable } from "../runtime/printable.js";
import { apiWords, hasNoBody, isBinaryType, isJson, textDecoder } from "../runtime/response.js";
import { joinUrl } from "../runtime/paths.js";
import { extrasTaken } from "../runtime/request.js";
import type { ArgSpec, OAuth2Spec, OperationSpec } from "../runtime/spec.js";
import { keyAlgorithm, privateKeyPem } from "../runtime/signing-keys.js";
import { fillTemplate, type Lookup } from "../runtime/template.js";
import {
  argumentReferring,
  authOptions,
  authVariables,
  CREDENTIAL_SETS,
  credentialFlags,
  environmentVariables,
  flagsGiving,
  referencedVariables,
  takesFlag,
  variablesIn,
  type CredentialFlag,
} from "./credentials.js";
import { redact, shellQuote, toCurl, type CapturedRequest } from "./curl.js";
import { masker } from "../runtime/redact.js";
import { authorizerFor, encoderFor, featuresFor } from "./dispatch.js";
import {
  isOn,
  isShortFlag,
  readFlags,
  shortFlagRefused,
  single,
  strayAfterSecret,
  UsageError,
  type FlagDef,
  type Given,
} from "./flags.js";
import { environmentNames, type EnvironmentNames } from "./environment-names.js";
import { argLine, argPlace, baseUrlFor, columns, commandHelp, namespaceHelp } from "./help.js";
import {
  argFlags,
  commandTree,
  didYouMean,
  envName,
  memberName,
  nearest,
  type ArgFlag,
  type CommandNode,
} from "./names.js";
import { readingOf } from "./reading.js";
import type { CommandLine, Host, OperationHelp } from "./types.js";

interface GlobalFlag {
  readonly flag: string;
  /** What its value is, for help; absent for a switch. */
  readonly value?: string;
  readonly description: string;
}

/** The global flags; `names`, for their help: the environment variables they say are read too. */
function globalFlags(
  cli: Pick<CommandLine, "envPrefix" | "environments" | "secretVariables" | "operations">,
  names?: EnvironmentNames,
): GlobalFlag[] {
  // The rule by an example that follows it, and each secret variable whose name is not the rule's
  // (environment-names.ts: one another input has).
  const read = (cli.secretVariables ?? []).flatMap((name) => {
    const env = names?.variables.get(name);
    return env === undefined ? [] : [{ name, env, ruled: env === envName(cli.envPrefix, name) }];
  });
  const secrets = [...read.filter((v) => v.ruled).slice(0, 1), ...read.filter((v) => !v.ruled)];
  const bases = otherBases(cli.operations);
  return [
    { flag: "help", description: "Show help (also -h)." },
    {
      flag: "base-url",
      value: "url",
      description: `Base URL in place of the collection's${names ? ` ($${names.baseUrl})` : ""}.${
        bases.length ? "\nNot of the requests on another base: --base-url-for replaces those." : ""
      }`,
    },
    ...(bases.length
      ? [
          {
            flag: "base-url-for",
            value: "base=url",
            description: `A URL in place of another base that some requests go to, the base as the collection writes it (repeatable): ${bases.join(", ")}.`,
          },
        ]
      : []),
    {
      flag: "variable",
      value: "name=value",
      description: `A value of a {{variable}} of the collection (repeatable).${
        secrets.length === 0
          ? ""
          : `\nA secret one is read from $${cli.envPrefix}_<NAME> too (${secrets.map((v) => `${v.name}: $${v.env}`).join("; ")}).`
      }`,
    },
    ...(cli.environments?.length
      ? [
          {
            flag: "environment",
            value: "name",
            description: `The Postman environment whose values to use: ${cli.environments.join(", ")}.`,
          },
        ]
      : []),
    {
      flag: "timeout",
      value: "ms",
      // A download is not timed past its headers: it streams for as long as it takes (see writeStreamed).
      description:
        "How long one attempt may wait for the answer's headers, and a JSON answer's body after them, in milliseconds (default 60000).",
    },
    { flag: "max-retries", value: "n", description: "How many times a failed attempt is retried (default 2)." },
    { flag: "include", description: "Print the status line and headers before the body." },
    ...(cli.operations.some((op) => op.auth)
      ? [
          {
            flag: "no-auth",
            description: "Send the request without the collection's auth: no credential (an endpoint that needs none).",
          },
        ]
      : []),
    {
      flag: "dry-run",
      description:
        "Print the request as a curl command (credentials masked; *** where one is not given) and send nothing.",
    },
    {
      flag: "json",
      description:
        "Print an error as one JSON object on standard output, { ok: false, error: { kind, message, … } } (credentials masked).",
    },
  ];
}

/**
 * The command of an operation as the command line reads it: its words after the command's name,
 * and its flags (the global and credential flags come first, so an argument never takes theirs).
 */
export function commandOf(
  operations: readonly OperationSpec[],
  op: OperationSpec,
  help: OperationHelp | undefined,
  environments: readonly string[] = [],
): { words: string[]; flags: ArgFlag[]; bodyFlag: boolean; extraFlags: string[] } {
  const node = commandTree(operations);
  let at = node;
  for (const name of op.namespace) at = at.byName.get(name)!;
  const word = [...at.commands].find(([, o]) => o === op)![0];
  // The whole body as one JSON object: a JSON body's keys, or a form's fields.
  const bodyFlag = op.body === "json" || op.body === "multipart" || op.body === "urlencoded";
  // The call's extras (the client's `options.body` and `options.query`), where the client takes them.
  const extraFlags = extrasTaken(op).map((option) => `extra-${option}`);
  const reserved = new Set([...reservedFlags(operations, environments), ...(bodyFlag ? ["body"] : []), ...extraFlags]);
  return { words: [...at.words, word], flags: argFlags(op, help, reserved), bodyFlag, extraFlags };
}

/**
 * The bases other than the client's that operations go to, as the collection writes them (the
 * client's `baseUrls` keys): `--base-url` does not replace them, `--base-url-for` does.
 */
export function otherBases(operations: readonly OperationSpec[]): string[] {
  return [...new Set(operations.flatMap((op) => (op.base === undefined ? [] : [op.base])))];
}

/** The names of the global and credential flags. */
function reservedFlags(operations: readonly OperationSpec[], environments: readonly string[]): string[] {
  return [
    ...globalFlags({ envPrefix: "", environments, operations }).map((g) => g.flag),
    ...credentialFlags(operations).map((c) => c.flag),
  ];
}

function globalsHelp(globals: readonly GlobalFlag[]): string {
  return `Global flags:\n${columns(globals.map((g) => [`--${g.flag}${g.value ? ` <${g.value}>` : ""}`, g.description]))}`;
}

/** Runs the command line; resolves with the exit code. Never throws. */
export async function runCommandLine(cli: CommandLine, host: Host): Promise<number> {
  const secrets: string[] = [];
  const json = jsonWanted(host.argv);
  const at: At = { path: cli.name };
  // The same failure either way: as text on standard error, or with --json as one object on
  // standard output (as the generator's own --json prints its failures), masked alike.
  const fail = (exit: number, text: string, failure: Failure): number => {
    if (json) host.write("stdout", failureJson(failure, secrets, host.stdoutIsTTY));
    else host.write("stderr", printable(redact(text, secrets)));
    return exit;
  };
  try {
    return await run(cli, host, secrets, at, json);
  } catch (error) {
    const operation = at.op?.name;
    if (error instanceof UsageError)
      return fail(2, `${cli.name}: ${error.message}\nRun '${at.path} --help' for usage.\n`, {
        kind: error instanceof RefusedValue ? "validation" : "usage",
        message: error.message,
        operation,
        ...(error instanceof RefusedValue ? { field: error.field } : {}),
        help: `${at.path} --help`,
      });
    if (error instanceof ValidationError) {
      const message = error.missing
        ? missingVariableText(cli, at.op, error, error.missing)
        : error.option && at.op
          ? noCredentialText(cli, at.op, error)
          : `${error.message}\n`;
      return fail(2, `${cli.name}: ${message}`, {
        kind: "validation",
        message: message.trimEnd(),
        operation: error.operation,
        field: error.field,
        variable: error.missing?.variable,
      });
    }
    if (error instanceof ApiError)
      return fail(1, apiErrorText(cli.name, error), {
        kind: error instanceof ResponseParseError ? "parse" : "api",
        status: error.status,
        description: error.description,
        code: error.code,
        codeDescription: error.codeDescription,
        message: error.message,
        operation: error.operation,
        attempts: error.attempts,
        ...(error instanceof ResponseParseError ? { contentType: error.headers.get("content-type") } : {}),
        body: error.body,
      });
    if (error instanceof ConnectionError)
      return fail(1, `${cli.name}: ${error.message}\n`, {
        kind: error instanceof TimeoutError ? "timeout" : "connection",
        message: error.message,
        operation: error.operation,
        attempts: error.attempts,
        ...(error instanceof TimeoutError ? { timeoutMs: error.timeoutMs } : {}),
      });
    const message = error instanceof Error ? error.message : String(error);
    return fail(1, `${cli.name}: ${message}\n`, { kind: "other", message, operation });
  }
}

/** What a dry run sends for a credential not given, masked as one given is (`***`). */
const DRY_RUN_CREDENTIAL = "dry-run-credential";

/**
 * A private key made for a dry run, where the signer needs one and none was given: of the
 * algorithm the signer imports it with (signing-keys.ts decides, for the emitted tests' keys
 * too), its settings filled by `lookup` as the signer fills them. Never printed (only the
 * signature made with it is), and thrown away after the run. A signer that takes no key (a setting
 * that names none, or that cannot be filled) gets the placeholder text it never reads.
 */
async function placeholderKey(op: OperationSpec, lookup: Lookup | undefined): Promise<string> {
  const algorithm = keyAlgorithm(op.auth, (template) => {
    if (template === undefined || lookup === undefined) return undefined;
    try {
      return fillTemplate(template, lookup, op.name);
    } catch {
      return undefined;
    }
  });
  return algorithm ? privateKeyPem(algorithm) : DRY_RUN_CREDENTIAL;
}

/** Whether a JSON body writes `ref` unquoted (ArgSpec's `unquoted` places), where a value must be JSON. */
function writtenUnquoted(op: OperationSpec, ref: string): boolean {
  return op.args.some((arg) =>
    arg.unquoted?.some((place) =>
      String(
        place.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], arg.default),
      ).includes(ref),
    ),
  );
}

/**
 * A value the client refused (its ValidationError), said of the flag that gives it: printed as a
 * usage error is, with the command's help, yet a validation failure, with the argument's key.
 */
class RefusedValue extends UsageError {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** What `--json` prints of a failure: its kind, its message, and each fact the text says of it. */
interface Failure {
  readonly kind: "usage" | "validation" | "api" | "parse" | "timeout" | "connection" | "other";
  readonly message: string;
  readonly [fact: string]: unknown;
}

/**
 * Whether `--json` is on, from the words as given: a failure may come before the flags are read
 * (an unknown command), and is printed as JSON all the same. As the flags are read: the last one
 * wins, `--json=false`, `--json false` and `--no-json` turn it off. A value never reads as it: one
 * that begins with `--` goes after `=` (`--note=--json`).
 */
function jsonWanted(argv: readonly string[]): boolean {
  let on = false;
  argv.forEach((word, i) => {
    if (word === "--json") on = argv[i + 1] !== "false";
    else if (word === "--json=true" || word === "--json=false") on = word === "--json=true";
    else if (word === "--no-json") on = false;
  });
  return on;
}

/**
 * The facts of a failure that the command line writes itself, never a server's or a request's: its
 * kind, and the package's own names (the operation, its help command, a variable of the
 * collection). Printed as they are, as the failure's keys are: a script reads `kind`, and a short
 * secret (Mailgun's user name `api`) masked there read `"kind":"***"`. Every other value, and
 * every key inside one (a body may hold a secret as a key), is masked.
 */
const OWN_FACTS: ReadonlySet<string> = new Set(["kind", "operation", "help", "variable"]);

/**
 * A failure as one line of JSON (indented on a terminal), `{ ok, error }`, masked as the text is
 * but for what the command line writes itself (OWN_FACTS): each string and key by the same masker
 * (a string at a time, so that a mask never cuts a JSON escape in two), then the characters that
 * the text drops (DEL, C1 controls, bidi marks; JSON escapes the C0 ones) written as JSON escapes,
 * so that the value is still the API's.
 */
function failureJson(failure: Failure, secrets: readonly string[], tty: boolean): string {
  const mask = masker(secrets);
  const output = { ok: false, error: failure };
  const text = JSON.stringify(
    output,
    function (this: unknown, key: string, value: unknown) {
      // The output and the failure: their keys as written, their values each seen after.
      if (value === output || value === failure || (this === failure && OWN_FACTS.has(key))) return value;
      return typeof value === "string"
        ? mask(value)
        : value !== null && typeof value === "object" && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).map(([name, item]) => [mask(name), item]))
          : value;
    },
    tty ? 2 : undefined,
  );
  return `${printable(text, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}

/** Where the command line got to: the command's words so far, and its operation once found. */
interface At {
  path: string;
  op?: OperationSpec;
}

/**
 * A variable without a value, in the command line's terms, written from what the runtime found
 * (`missing`, which its message is written from too): its message tells a library user to pass
 * `createClient({ variables })`; here the environment variable comes first (a flag is seen by
 * other users of the machine), where the command line reads one for it, and an environment to
 * choose is an `--environment`.
 */
function missingVariableText(
  cli: CommandLine,
  op: OperationSpec | undefined,
  error: ValidationError,
  missing: MissingVariable,
): string {
  const lines = [
    // The runtime's message starts so (runtime/template.ts), before what it tells a library user.
    `${error.operation}: variable {{${missing.variable}}} has no value${missing.secret ?? ""}`,
    ...givingVariable(cli, op, missing),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * The `{{variables}}` the request of `op` needs that have no value of the collection's, nor of its
 * folders' or its own (`help.unset`, which the generator worked out), but those `listed` already
 * (read from the environment): as the error for one would say them, with the environments that
 * have one and the argument whose default is all that refers to it (passing its flag, the variable
 * is not needed).
 */
function unsetVariables(
  cli: CommandLine,
  op: OperationSpec,
  help: OperationHelp | undefined,
  listed: readonly string[],
): MissingVariable[] {
  const unset = cli.unsetVariables ?? {};
  return (help?.unset ?? [])
    .filter((name) => !listed.includes(name))
    .map((name) => {
      const argument = argumentReferring(op, name);
      const holders = unset[name]!;
      return {
        variable: name,
        ...(!cli.environments?.length
          ? {}
          : "empty" in holders
            ? { environments: [], empty: holders.empty }
            : { environments: holders }),
        ...(argument !== undefined ? { argument } : {}),
      };
    });
}

/**
 * How to give a `{{variable}}` a value, one sentence a line: the error for one without a value and
 * a command's `--help` (which lists those its request needs) say it alike. `environments` are those
 * that have a value (`[]`: none has), absent where none is to choose; `empty` those that have it empty.
 */
export function givingVariable(
  cli: CommandLine,
  op: OperationSpec | undefined,
  {
    variable: name,
    environments: holders,
    empty = [],
    argument,
  }: Pick<MissingVariable, "variable" | "environments" | "empty" | "argument">,
): string[] {
  // A credential of the auth (one the collection wrote out, too) has its own flag as well.
  const flags = [...flagsGiving(cli.operations, name), `--variable ${shellQuote(`${name}=…`)}`].join(" or ");
  const fromEnv = op !== undefined && environmentVariables(op, cli.secretVariables).includes(name);
  return [
    fromEnv
      ? `Give it in the environment variable ${environmentNames(cli).variables.get(name)!}, or with ${flags} (a flag other users of the machine can see).`
      : `Give it with ${flags}.`,
    // An argument's default that refers to it: the argument's flag is sent instead. Not said of a
    // secret (read from the environment): its environment variable is the way to give it.
    ...(op !== undefined && !fromEnv && argument !== undefined
      ? commandOf(cli.operations, op, undefined, cli.environments)
          .flags.filter((f) => f.spec.arg === argument)
          .map((f) => `Or give --${f.flag}, whose default refers to it.`)
      : []),
    ...(holders?.length
      ? [`Or choose an environment that has it: ${holders.map((e) => `--environment ${shellQuote(e)}`).join(", or ")}.`]
      : holders
        ? [`No environment has a value for it${emptyIn(empty, (e) => shellQuote(e))}.`]
        : []),
  ];
}

/**
 * The lines of a call refused as its auth has no credential (runtime/auth.ts's noCredential): its
 * message tells a library user to pass the client option; here, the flags that give it and their
 * environment variables (the environment first: a flag is seen by other users of the machine).
 */
function noCredentialText(cli: CommandLine, op: OperationSpec, error: ValidationError): string {
  // A signing auth's refusal names the parts missing: their flags only, not those given or optional
  // (OAuth 1.0a's --oauth1-token and --token-secret).
  const { parts } = error;
  const flags = credentialFlags([op]).filter((c) => !parts || (c.part !== undefined && parts.includes(c.part)));
  const env = environmentNames(cli);
  const one = flags.length === 1;
  return `${error.operation}: the collection's auth needs a credential, and none was given\nGive ${one ? "it in the environment variable" : "them in the environment variables"} ${flags.map((c) => env.credentials.get(c.flag)!).join(" and ")}, or with ${flags.map((c) => `--${c.flag}`).join(" and ")} (${one ? "a flag" : "flags"} other users of the machine can see); or --no-auth to send none.\n`;
}

async function run(cli: CommandLine, host: Host, secrets: string[], at: At, json: boolean): Promise<number> {
  const tree = commandTree(cli.operations);
  const env = environmentNames(cli);
  const globals = globalFlags(cli, env);
  const credentials = credentialFlags(cli.operations);
  const defs = new Map<string, { name: string; def: FlagDef }>();
  // `--variable` may give a secret variable's value; a credential's flag, but for a public one, a secret.
  for (const g of globals)
    defs.set(g.flag, { name: g.flag, def: { takesValue: g.value !== undefined, secret: g.flag === "variable" } });
  for (const c of credentials) defs.set(c.flag, { name: c.flag, def: { takesValue: true, secret: !c.public } });

  // The words that name the command, with global flags among them.
  const given: Given = new Map();
  let node = tree;
  let op: OperationSpec | undefined;
  let i = 0;
  // A word right after such a flag given `=` and nothing (`--token= abc`) may be its value.
  let afterEmptySecret: string | undefined;
  for (; i < host.argv.length && !op; i++) {
    const word = host.argv[i]!;
    const strayMayBeSecret = afterEmptySecret;
    afterEmptySecret = undefined;
    if (isShortFlag(word)) throw new UsageError(shortFlagRefused(word));
    if (word.startsWith("-")) {
      const written = word.slice(2).split("=")[0]!;
      const def =
        defs.get(written) ??
        (written.startsWith("no-") && defs.get(written.slice(3))?.def.takesValue === false
          ? defs.get(written.slice(3))
          : undefined);
      // A switch's `true` or `false` after it is its value, as readFlags reads it after the command.
      const takesValue =
        !word.includes("=") &&
        (def?.def.takesValue ||
          (defs.get(written) !== undefined && (host.argv[i + 1] === "true" || host.argv[i + 1] === "false")));
      if (!def && word !== "-h")
        throw new UsageError(
          `unknown flag ${word.split("=")[0]}${didYouMean(word.slice(2).split("=")[0]!, defs.keys(), "--")}${node.commands.size || node.namespaces.size ? " (a command's flags come after it)" : ""}`,
        );
      readFlags(host.argv.slice(i, takesValue ? i + 2 : i + 1), defs, given);
      if (takesValue) i++;
      else if (def?.def.secret && def.def.takesValue && word.endsWith("=")) afterEmptySecret = word;
      continue;
    }
    const child = node.namespaces.get(word);
    if (child) node = child;
    else if (node.commands.has(word)) op = node.commands.get(word)!;
    else {
      at.path = [cli.name, ...node.words].join(" ");
      if (strayMayBeSecret !== undefined) throw new UsageError(strayAfterSecret(strayMayBeSecret));
      const known = [...node.namespaces.keys(), ...node.commands.keys()];
      throw new UsageError(
        `unknown command ${JSON.stringify(word)}${node.words.length ? ` under '${[cli.name, ...node.words].join(" ")}'` : ""}${didYouMean(word, known)}; one of: ${known.join(", ")}`,
      );
    }
    at.path = [cli.name, ...node.words, ...(op ? [word] : [])].join(" ");
  }
  const globalsText = globalsHelp(globals);
  if (!op) {
    const credentialsText = credentials.length
      ? `Credentials (flag, or the environment variable):\n${columns(credentials.map((c) => [`--${c.flag} <value>`, `${c.description}; $${env.credentials.get(c.flag)!}`]))}`
      : "";
    const text = namespaceHelp(
      cli.name,
      cli.title,
      node,
      countOperations,
      credentialsText ? `${globalsText}\n\n${credentialsText}` : globalsText,
    );
    if (isOn(given, "help")) {
      host.write("stdout", text);
      return 0;
    }
    // With --json, standard output's one object is all there is for a script to read.
    if (!json) host.write("stderr", `${text}\n`);
    throw new UsageError(
      node === tree ? "give a command" : `give a command under '${[cli.name, ...node.words].join(" ")}'`,
    );
  }
  const commandPath = [cli.name, ...node.words, [...node.commands].find(([, o]) => o === op)![0]].join(" ");
  at.op = op;

  // The command's own flags.
  const help = cli.help.find(
    (h) =>
      h.path.length === op!.namespace.length + 1 &&
      h.path.every((p, n) => p === [...op!.namespace, memberName(op!)][n]),
  );
  const { flags, bodyFlag, extraFlags } = commandOf(cli.operations, op, help, cli.environments);
  const secretVariables = [...authVariables(op, true), ...(cli.secretVariables ?? [])];
  // By name too: the API key's header or parameter, and each field the collection fills from a
  // secret variable (masked whatever its value, a short one or one a flag gave, included).
  const secretNames = [
    ...(op.auth?.type === "apikey" ? [op.auth.name] : []),
    ...op.args
      .filter(
        (a) =>
          typeof a.default === "string" &&
          [...a.default.matchAll(/\{\{([^{}]+)\}\}/g)].some((m) => secretVariables.includes(m[1]!)),
      )
      .map((a) => a.name),
  ];
  // A refusal never quotes back what such a flag was given (nor a body that has such a field).
  const secretFlags = new Set(
    flags
      .filter((f) => namesSecret(f.flag, cli) || namesSecret(f.spec.name, cli) || secretNames.includes(f.spec.name))
      .map((f) => f.flag),
  );
  if (bodyFlag && flags.some((f) => f.spec.in === "body" && secretFlags.has(f.flag))) secretFlags.add("body");
  const byName = new Map(defs);
  if (bodyFlag) byName.set("body", { name: "body", def: { takesValue: true } });
  for (const name of extraFlags) byName.set(name, { name, def: { takesValue: true } });
  for (const f of flags) {
    // A boolean is a switch wherever it goes, a JSON body field's too: its help labels it alike.
    const def = {
      takesValue: readingOf(op, f.spec, f.help?.kind) !== "boolean",
      secret: secretFlags.has(f.flag),
    };
    for (const name of [f.flag, ...f.aliases]) byName.set(name, { name: f.flag, def });
  }
  readFlags(host.argv.slice(i), byName, given);
  const opCredentials = credentials.filter((c) => takesFlag(c, op!.auth));
  if (isOn(given, "help")) {
    const listed = environmentVariables(op, cli.secretVariables).filter((name) =>
      referencedVariables(op!).includes(name),
    );
    host.write(
      "stdout",
      commandHelp({
        path: commandPath,
        op,
        description: help?.description,
        args: flags.map((f) => argLine(op!, f, takesList(op!, f.spec), namesSecret(f.spec.name, cli))),
        bodyFlag,
        extraFlags,
        credentials: opCredentials,
        environmentNames: env,
        // The auth's, and the secret ones its values refer to (all are read, these are listed).
        environmentVariables: listed,
        unsetVariables: unsetVariables(cli, op, help, listed).map((missing) => ({
          name: missing.variable,
          giving: givingVariable(cli, op, missing),
        })),
        globals: globalsText,
      }),
    );
    return 0;
  }

  // Credentials: flags, else the environment; secrets are masked in all that is printed. None with
  // --no-auth, which sends the request as the auth-less call the user means (the library's `null`);
  // an empty flag or variable is no such intent (`--token "$UNSET"`): it is refused as none given.
  const noAuth = isOn(given, "no-auth");
  const contradicting = credentials.filter((c) => given.has(c.flag)).map((c) => `--${c.flag}`);
  if (noAuth && contradicting.length)
    throw new UsageError(`--no-auth sends no credential: give it without ${contradicting.join(", ")}`);
  const creds = new Map<string, string>();
  for (const c of noAuth ? [] : credentials) {
    const value = single(given, c.flag) ?? host.env[env.credentials.get(c.flag)!];
    if (value !== undefined && value !== "") {
      creds.set(c.flag, value);
      if (!c.public) secrets.push(value);
    }
  }
  // A dry run signs with placeholders for the parts not given (below), the flags' parts kept.
  const needed = op.auth && !isOn(given, "dry-run") ? CREDENTIAL_SETS[op.auth.type] : undefined;
  if (needed && needed.some((f) => creds.has(f)) && !needed.every((f) => creds.has(f))) {
    throw new UsageError(
      `${op.auth!.type} needs ${needed.map((f) => `--${f}`).join(", ")} together; missing ${needed
        .filter((f) => !creds.has(f))
        .map((f) => `--${f}`)
        .join(", ")}`,
    );
  }

  const variables: Record<string, string> = {};
  for (const name of environmentVariables(op, cli.secretVariables)) {
    const value = host.env[env.variables.get(name)!];
    if (value !== undefined && value !== "") {
      define(variables, name, value);
      if (secretVariables.includes(name)) secrets.push(value);
    }
  }
  for (const pair of given.get("variable") ?? []) {
    const eq = pair.indexOf("=");
    // Not quoted back: a value with its `=` mistyped (`token:abc`) may be a secret variable's.
    if (eq <= 0)
      throw new UsageError(
        `--variable takes name=value; it was given ${eq < 0 ? "a word without =" : "nothing before ="} (not shown: it may hold a secret)`,
      );
    const name = pair.slice(0, eq);
    if (cli.variables && !cli.variables.includes(name))
      throw new UsageError(
        `--variable ${name}=…: the collection has no {{${name}}}${didYouMean(name, cli.variables)}${cli.variables.length ? `; its variables: ${cli.variables.join(", ")}` : ""}`,
      );
    define(variables, name, pair.slice(eq + 1));
    if (secretVariables.includes(name)) secrets.push(pair.slice(eq + 1));
  }

  const options: ClientOptions<object, string> = { ...authOptions(op, creds), variables };
  const baseUrlFlag = single(given, "base-url");
  const baseUrl = baseUrlFlag ?? host.env[env.baseUrl];
  if (baseUrl) options.baseUrl = baseUrl;
  const baseUrls = readBaseUrls(otherBases(cli.operations), given.get("base-url-for") ?? []);
  if (Object.keys(baseUrls).length) options.baseUrls = baseUrls;
  const timeout = single(given, "timeout");
  if (timeout !== undefined) options.timeoutMs = wholeNumber("timeout", timeout, 1);
  const retries = single(given, "max-retries");
  if (retries !== undefined) options.maxRetries = wholeNumber("max-retries", retries, 0);
  const environment = single(given, "environment");
  if (environment !== undefined && !cli.environments?.includes(environment)) {
    // Case included, as the client matches them (runtime/environments.ts), naming the one meant.
    const meant = nearest(environment, cli.environments ?? []);
    throw new UsageError(
      `unknown environment ${JSON.stringify(environment)}${meant === undefined ? "" : ` (did you mean --environment ${shellQuote(meant)}?)`}; one of: ${(cli.environments ?? []).join(", ")}`,
    );
  }
  if (environment !== undefined) options.environment = environment;

  // Arguments, each read by its type; refusals name the flag, before anything is sent.
  const io = new Inputs(host);
  const args = await readArgs(op, flags, given, bodyFlag, io, secretFlags);
  const extras = await readExtras(given, io);
  // A path variable's name is not in the URL, nor is a header's that refers to variables as
  // written (`{{authHeaderName}}`, sent as `X-Org-Id`): one that names a credential (`/reset/{token}`)
  // or that the collection fills from a secret is masked by its value.
  for (const spec of op.args) {
    const value = args[spec.arg];
    if (
      (spec.in === "path" || namedByVariables(spec)) &&
      (namesSecret(spec.name, cli) || secretNames.includes(spec.name)) &&
      (typeof value === "string" || typeof value === "number")
    )
      secrets.push(String(value));
  }
  // A user who pointed the command at another server (a test one) is told, before it is sent, of
  // a request that goes where the given base URL does not: masked, as every output is.
  const baseUrlBy = baseUrlFlag === undefined ? `$${env.baseUrl}` : "--base-url";
  const notice = (goes: string, instead: string, by = baseUrlBy) =>
    host.write(
      "stderr",
      printable(redact(`${cli.name}: notice: ${goes}, which ${by} does not replace; ${instead}.\n`, secrets)),
    );
  // This request's own base, as written (its {{variables}} unfilled, so no value of theirs).
  if (baseUrl && op.base !== undefined && !Object.hasOwn(baseUrls, op.base))
    notice(`this request goes to its own base, ${op.base}`, `${baseUrlFor(op.base)} does`);
  const dryRun = isOn(given, "dry-run");
  const captured: CapturedRequest[] = [];
  if (dryRun) {
    options.fetch = async (input, init) => {
      captured.push({
        url: String(input instanceof Request ? input.url : input),
        method: init?.method ?? "GET",
        headers: new Headers(init?.headers),
        body: init?.body,
      });
      // Every request answered as a token endpoint would answer, so that a grant goes on to the call.
      return new Response(JSON.stringify({ access_token: "dry-run", token_type: "Bearer", expires_in: 3600 }), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    };
  } else if (host.fetch) options.fetch = host.fetch;
  // A grant's token request goes to its token URL, filled from the collection's variables, which
  // --base-url does not replace: a user who pointed the command at a test server is told where it
  // goes instead, before it is sent, as of a request on its own base (a fetch while the authorizer
  // runs is its token request: no other auth fetches). Not in a dry run, which sends nothing and
  // prints the token request's URL.
  let authorizing = false;
  // The URL the user sent this request to instead of the collection's: --base-url-for's for a
  // request on another base, else --base-url's (or the environment's).
  const sentFor = op.base !== undefined && Object.hasOwn(baseUrls, op.base) ? baseUrls[op.base] : undefined;
  const sentTo = sentFor ?? baseUrl;
  const tokenNotice = sentTo && op.auth?.type === "oauth2" && op.auth.grant && !dryRun;
  if (tokenNotice) {
    const auth = op.auth as OAuth2Spec;
    const base = urlOf(joinUrl(sentTo, ""))?.origin;
    const told = new Set<string>();
    const fetching = options.fetch;
    options.fetch = (input, init) => {
      const url = authorizing ? urlOf(String(input instanceof Request ? input.url : input)) : undefined;
      // Without its query and user info, which may hold a secret.
      const shown = url && `${url.origin}${url.pathname}`;
      if (url && base !== undefined && url.origin !== base && !told.has(shown!)) {
        told.add(shown!);
        const refresh = init?.body instanceof URLSearchParams && init.body.get("grant_type") === "refresh_token";
        const template = (refresh && auth.refreshTokenUrl) || auth.accessTokenUrl;
        const names = [...variablesIn(template)].filter((name) => !name.startsWith("$"));
        notice(
          `the OAuth 2.0 token request goes to ${shown}`,
          names.length
            ? `${names.map((name) => `--variable ${shellQuote(`${name}=…`)}`).join(", ")} ${names.length > 1 ? "change" : "changes"} it`
            : "no flag changes it (--token sends a token without one)",
          sentFor === undefined ? baseUrlBy : "--base-url-for",
        );
      }
      return (fetching ?? globalThis.fetch)(input, init);
    };
  }

  // The client's lookup, as the authorizer was given it: --dry-run masks an API key's name that
  // holds {{variables}} as filled by it, and reads a signer's settings with it for the key it makes.
  let lookup: Lookup | undefined;
  // --no-auth: an authorizer that adds nothing, for every auth type (a signing one too).
  const authorizer = noAuth ? () => {} : authorizerFor(op, cli.authorizers);
  const authorize: Authorizer | undefined = authorizer
    ? (...given) => {
        lookup = given[3];
        if (!tokenNotice) return authorizer(...given);
        authorizing = true;
        return Promise.resolve()
          .then(() => authorizer(...given))
          .finally(() => (authorizing = false));
      }
    : authorizer;
  // Aborts the body of a JSON answer read past --timeout (see below): the call's own signal, which
  // the client keeps linked to an unread body.
  const reading = new AbortController();
  // The answer of a success with its body unread (any other rejects with its typed error): a
  // download is written as it comes rather than held whole.
  const encode = encoderFor(op!);
  const send = () =>
    cli
      .connect(options as never)
      .call(
        op!,
        args,
        { signal: reading.signal, ...extras },
        dryRun ? asBuilt(encode) : encode,
        authorize,
        featuresFor(op!),
      );
  // A dry run sends nothing: a credential not given shows a placeholder, masked as one given
  // would be, rather than refusing what the user wants to see. An auth without a credential
  // (noCredential) takes one for its option; a signing auth signs with placeholders for the parts
  // missing (a private key: one made for the run), the collection's and the flags' parts kept: the
  // request shows where each goes. A credential {{variable}} without a value (one read from the
  // environment, `{{token}}`) takes one as its value; other variables are still refused.
  // The variables read from the environment as credentials: the auth's (an id, as Hawk's, too) and
  // the secret ones.
  const credentialVariables = dryRun ? environmentVariables(op, cli.secretVariables) : [];
  let placed = 0;
  const placeholder = async (error: unknown): Promise<boolean> => {
    // Each placeholder fills one more gap; the bound only stops a refusal that none of them mends.
    if (!dryRun || !(error instanceof ValidationError) || placed++ > credentialVariables.length + 1) return false;
    const { option, parts, missing } = error;
    if (missing !== undefined) {
      // A credential variable (a signer's too: Hawk's `{{hawk_id}}`, whose error names its option
      // as well): the placeholder as the place it fills takes it (a private key: one made for the
      // run; written unquoted in a JSON body: a JSON string).
      const name = missing.variable;
      if (!credentialVariables.includes(name) || name in variables) return false;
      const ref = `{{${name}}}`;
      const auth = op!.auth;
      define(
        variables,
        name,
        auth && "privateKey" in auth && auth.privateKey?.includes(ref)
          ? await placeholderKey(op!, lookup)
          : writtenUnquoted(op!, ref)
            ? JSON.stringify(DRY_RUN_CREDENTIAL)
            : DRY_RUN_CREDENTIAL,
      );
    } else if (option === "basic") options.basic = { username: DRY_RUN_CREDENTIAL, password: "" };
    else if (option === "token" || option === "apiKey") options[option] = DRY_RUN_CREDENTIAL;
    else if (option) {
      const placeholders: Record<string, string> = {};
      for (const part of parts ?? [])
        placeholders[part] = part === "privateKey" ? await placeholderKey(op!, lookup) : DRY_RUN_CREDENTIAL;
      // The option's parts as the signer reads them; those the flags gave stay.
      Object.assign(options, { [option]: { ...options[option], ...placeholders } });
    } else return false;
    if (!secrets.includes(DRY_RUN_CREDENTIAL)) secrets.push(DRY_RUN_CREDENTIAL);
    return true;
  };
  let call = send();
  const response = await call
    .asResponse()
    .catch(async function retry(error: unknown): Promise<Response> {
      if (!(await placeholder(error))) throw error;
      call = send();
      return call.asResponse().catch(retry);
    })
    .catch((error: unknown) => {
      // The runtime names the argument; here it is a flag.
      const flag = error instanceof ValidationError ? flags.find((f) => f.spec.arg === error.field) : undefined;
      throw flag ? new RefusedValue(`${(error as Error).message} (flag --${flag.flag})`, flag.spec.arg) : error;
    });
  if (dryRun) {
    await response.body?.cancel();
    // The API key's name as the client filled it, beside the names as written.
    const names = op.auth?.type === "apikey" ? [...secretNames, apiKeyName(op, op.auth.name, lookup)] : secretNames;
    for (const request of captured)
      host.write(
        "stdout",
        toCurl(request, {
          secrets,
          credentialWords: cli.credentialWords,
          credentialLastWords: cli.credentialLastWords,
          secretNames: names,
          files: io.files,
        }),
      );
    return 0;
  }
  if (isOn(given, "include")) {
    let head = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}\n`;
    response.headers.forEach((value, name) => (head += `${name}: ${value}\n`));
    host.write("stdout", `${head}\n`);
  }
  const type = response.headers.get("content-type");
  if (isJson(type) || hasNoBody(response.status, op.method)) {
    // Read whole, as the client reads it, to print indented on a terminal; within --timeout once
    // more, as the client's timer ended with the headers: a server that stalls halfway through a
    // JSON answer fails the command rather than hanging a script. A download has no such limit.
    const ms = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = ms <= MAX_TIMER_MS ? setTimeout(() => reading.abort(new TimeoutError(op.name, ms)), ms) : undefined;
    let data: unknown;
    try {
      // A 2xx whose JSON does not parse rejects with the client's own error for it, masked with
      // the credentials the client sent (which --token alone does not name: Basic's base64, a
      // grant's token, a signature).
      data = await readUnread(call, op.method);
    } finally {
      clearTimeout(timer);
    }
    if (data !== undefined) {
      const text = typeof data === "string" ? data : JSON.stringify(data, null, host.stdoutIsTTY ? 2 : undefined);
      await host.write("stdout", text.endsWith("\n") ? text : `${text}\n`);
    }
  } else await writeStreamed(op, response, host);
  return 0;
}

/**
 * Any other answer written as it comes, at the pace standard output takes it (a write that fills
 * it is awaited), so that a download of any size is never held whole: a binary type's bytes as
 * they came (`> file.png`), text decoded as the client decodes it and ended with a line break.
 */
async function writeStreamed(op: OperationSpec, response: Response, host: Host): Promise<void> {
  // A binary type's success is bytes to the client too (readBody): a redirect's page is text.
  const binary = response.ok && isBinaryType(response.headers.get("content-type"));
  const decoder = textDecoder(response.headers.get("content-type"));
  let last = "\n";
  /** False once standard output's reader has gone. */
  const write = async (text: string | Uint8Array) => {
    if (!text.length) return true;
    last = typeof text === "string" ? text.slice(-1) : "";
    return (await host.write("stdout", text)) !== false;
  };
  const reader = response.body!.getReader();
  const next = () =>
    reader.read().catch((error: unknown) => {
      // As the client says of an answer cut off while it reads one (runtime/core.ts).
      throw new ConnectionError(op.name, `the answer was cut off: ${reason(error)}`);
    });
  for (let chunk = await next(); !chunk.done; chunk = await next()) {
    if (!(await write(binary ? chunk.value : decoder.decode(chunk.value, { stream: true })))) {
      // The reader has gone (`| head`): the rest is not wanted, and an event stream would never
      // end. Success, as for other tools whose reader stops early: `head` has what it asked for.
      await reader.cancel();
      return;
    }
  }
  if (!binary && (await write(decoder.decode())) && last !== "\n") await host.write("stdout", "\n");
}

function countOperations(node: CommandNode): number {
  let count = node.commands.size;
  for (const child of node.namespaces.values()) count += countOperations(child);
  return count;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * `--base-url-for`'s `base=url` pairs, as the client's `baseUrls`. The base is matched against
 * those the operations go to, so that one holding `=` is read whole and a mistyped one (which the
 * client would ignore, sending the request to its own base) is refused; the last one given for a
 * base wins, as `--variable`'s does.
 */
function readBaseUrls(bases: readonly string[], pairs: readonly string[]): Record<string, string> {
  const baseUrls: Record<string, string> = {};
  for (const pair of pairs) {
    const base = bases.filter((b) => pair.startsWith(`${b}=`)).sort((a, b) => b.length - a.length)[0];
    if (base === undefined) {
      const eq = pair.indexOf("=");
      const written = eq < 0 ? pair : pair.slice(0, eq);
      throw new UsageError(
        eq <= 0
          ? `--base-url-for takes base=url, the base as the collection writes it: ${bases.join(", ")}`
          : `--base-url-for ${written}=…: no request goes to ${JSON.stringify(written)}${didYouMean(written, bases)}; the other bases: ${bases.join(", ")}`,
      );
    }
    const url = pair.slice(base.length + 1);
    if (!url) throw new UsageError(`--base-url-for ${base}= needs a URL after =`);
    define(baseUrls, base, url);
  }
  return baseUrls;
}

/** A URL, or undefined when it does not parse. */
function urlOf(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function wholeNumber(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min)
    throw new UsageError(`--${flag} must be a whole number from ${min}, got ${JSON.stringify(text)}`);
  return value;
}

/** The name an API key is sent under, filled as its authorizer fills it; as written when it cannot be (no key was sent). */
function apiKeyName(op: OperationSpec, name: string, lookup: Lookup | undefined): string {
  try {
    return lookup ? fillTemplate(name, lookup, op.name) : name;
  } catch {
    return name;
  }
}

/** As the runtime reads it: query parameters and form fields take a list, sent as the key repeated. */
function takesList(op: OperationSpec, spec: ArgSpec): boolean {
  return (
    spec.type !== "json" &&
    (spec.in === "query" || (spec.in === "body" && (op.body === "multipart" || op.body === "urlencoded")))
  );
}

/**
 * The encoder without what it does to a body just before fetch (`send`: a form of text parts written
 * out as one string), for --dry-run, which shows the request from what its fetch is given: a form's
 * fields then print as curl's `--form-string`, each masked by its name as a form field is.
 */
function asBuilt(encode: BodyEncoder | undefined): BodyEncoder | undefined {
  if (!encode?.send) return encode;
  const built: BodyEncoder = (...args) => encode(...args);
  return encode.type ? Object.assign(built, { type: encode.type }) : built;
}

/** Files and standard input, read once each; the files' paths kept for `--dry-run`. */
class Inputs {
  readonly files = new Map<Blob, string>();
  #stdinUsedBy: string | undefined;
  constructor(readonly host: Host) {}

  async bytes(flag: string, source: string): Promise<Uint8Array> {
    if (source === "-") {
      if (this.#stdinUsedBy !== undefined)
        throw new UsageError(`--${flag} and --${this.#stdinUsedBy} both read standard input`);
      this.#stdinUsedBy = flag;
      return this.host.readStdin();
    }
    try {
      return await this.host.readFile(source);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new UsageError(
        `--${flag}: cannot read ${JSON.stringify(source)}${typeof code === "string" ? ` (${code})` : ""}`,
      );
    }
  }

  async text(flag: string, source: string): Promise<string> {
    return new TextDecoder().decode(await this.bytes(flag, source));
  }

  async file(flag: string, source: string): Promise<File> {
    const bytes = await this.bytes(flag, source);
    const name = source === "-" ? "stdin" : (source.split(/[\\/]/).pop() ?? "file");
    const file = new File([bytes.slice()], name);
    this.files.set(file, source);
    return file;
  }
}

/**
 * `--extra-body` (a JSON object, as `--body` is given) and `--extra-query` (`key=value`, repeatable:
 * a key given again is sent again): the client's `options.body` and `options.query`, which send
 * fields and pairs the collection never showed and refuse what cannot be sent, as the client does.
 */
async function readExtras(
  given: Given,
  io: Inputs,
): Promise<{ body?: Record<string, unknown>; query?: Record<string, string[]> }> {
  const extras: { body?: Record<string, unknown>; query?: Record<string, string[]> } = {};
  const source = single(given, "extra-body");
  if (source !== undefined) {
    const body = parseJson("extra-body", await jsonText(io, "extra-body", source), true);
    if (typeof body !== "object" || body === null || Array.isArray(body))
      throw new UsageError("--extra-body must be a JSON object (its keys are the fields to add)");
    extras.body = body as Record<string, unknown>;
  }
  const pairs = given.get("extra-query");
  if (pairs) {
    const query: Record<string, string[]> = {};
    for (const pair of pairs) {
      const eq = pair.indexOf("=");
      if (eq <= 0)
        throw new UsageError(
          `--extra-query takes key=value; it was given ${eq < 0 ? "a word without =" : "nothing before ="}`,
        );
      const key = pair.slice(0, eq);
      if (!Object.hasOwn(query, key)) define(query, key, []);
      query[key]!.push(pair.slice(eq + 1));
    }
    extras.query = query;
  }
  return extras;
}

async function readArgs(
  op: OperationSpec,
  flags: readonly ArgFlag[],
  given: Given,
  bodyFlag: boolean,
  io: Inputs,
  secretFlags: ReadonlySet<string>,
): Promise<Record<string, unknown>> {
  const args: Record<string, unknown> = {};
  if (bodyFlag) {
    const source = single(given, "body");
    if (source !== undefined) {
      const body = parseJson("body", await jsonText(io, "body", source), secretFlags.has("body"));
      if (typeof body !== "object" || body === null || Array.isArray(body))
        throw new UsageError("--body must be a JSON object (its keys are the body's fields)");
      for (const [key, value] of Object.entries(body)) {
        const field = flags.find((f) => f.spec.in === "body" && f.spec.name === key);
        if (!field) {
          const known = flags.filter((f) => f.spec.in === "body").map((f) => JSON.stringify(f.spec.name));
          throw new UsageError(
            `--body has the key ${JSON.stringify(key)}, which is not a field of this request (fields: ${known.join(", ") || "none"})`,
          );
        }
        if (field.spec.type === "file")
          throw new UsageError(
            `--body cannot hold the file field ${JSON.stringify(key)}: give it with --${field.flag} @path`,
          );
        define(args, field.spec.arg, value);
      }
    }
  }
  const missing: ArgFlag[] = [];
  for (const flag of flags) {
    const texts = given.get(flag.flag);
    if (!texts) {
      if (
        flag.spec.required &&
        flag.spec.default === undefined &&
        !Object.prototype.hasOwnProperty.call(args, flag.spec.arg)
      )
        missing.push(flag);
      continue;
    }
    const list = takesList(op, flag.spec);
    if (texts.length > 1 && !list)
      throw new UsageError(`--${flag.flag} is given ${texts.length} times; it takes one value`);
    const values: unknown[] = [];
    for (const text of texts) values.push(await argValue(op, flag, text, io, secretFlags.has(flag.flag)));
    define(args, flag.spec.arg, values.length === 1 ? values[0] : values);
  }
  if (missing.length) {
    throw new UsageError(
      `missing ${missing.map((f) => `--${f.flag}`).join(", ")} (required: ${missing.map((f) => argPlace(op, f.spec)).join(", ")})`,
    );
  }
  return args;
}

/** JSON text from the flag: `@file`, `-` (standard input), or the text itself. */
function jsonText(io: Inputs, flag: string, source: string): Promise<string> | string {
  if (source === "-") return io.text(flag, source);
  if (source.startsWith("@")) return io.text(flag, source.slice(1));
  return source;
}

function parseJson(flag: string, text: string, secret = false): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // The parser's message quotes the text.
    throw new UsageError(`--${flag} is not JSON${secret ? "" : `: ${(error as Error).message}`}`);
  }
}

/** What a flag was given, quoted back in a refusal: not when it names a credential. */
function gotText(text: string, secret: boolean): string {
  return secret ? "a value not shown (the flag names a credential)" : JSON.stringify(text);
}

async function argValue(op: OperationSpec, flag: ArgFlag, text: string, io: Inputs, secret: boolean): Promise<unknown> {
  const { spec } = flag;
  const reading = readingOf(op, spec, flag.help?.kind);
  if (reading === "file") {
    // As curl's -F: `@path` is a file, `-` standard input, anything else the text itself.
    if (text === "-") return io.file(flag.flag, "-");
    return text.startsWith("@") ? io.file(flag.flag, text.slice(1)) : text;
  }
  if ((reading === "raw" || reading === "json") && (text === "-" || text.startsWith("@")))
    text = await jsonText(io, flag.flag, text);
  if (reading === "raw") return text;
  if (reading === "json") return parseJson(flag.flag, text, secret);
  let value: unknown = text;
  if (reading === "number") {
    value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value))
      throw new UsageError(`--${flag.flag} must be a number, got ${gotText(text, secret)}`);
  } else if (reading === "boolean") {
    if (text !== "true" && text !== "false")
      throw new UsageError(`--${flag.flag} must be true or false, got ${gotText(text, secret)}`);
    value = text === "true";
  }
  if (spec.enum && !spec.enum.includes(String(value))) {
    throw new UsageError(`--${flag.flag} must be one of: ${spec.enum.join(", ")} (got ${gotText(text, secret)})`);
  }
  return value;
}

/**
 * A text of several lines after a label of the error's (a description, a message, a body): its
 * later lines indented under the label, blank ones dropped. A documented description may be a
 * markdown list ("* A.\n\n* B."), which otherwise starts at the left edge, as if it were a line of
 * its own.
 */
function underLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n    ");
}

/** The UTF-16 units of an error's body that the command line prints (a proxy's page can be long). */
const BODY_SHOWN = 2000;

/** `text`'s first `units`, less half a character: a pair cut in two would print U+FFFD. */
function cut(text: string, units: number): string {
  const code = text.charCodeAt(units - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? units - 1 : units);
}

function apiErrorText(name: string, error: ApiError): string {
  // The attempts as the error's message says them (runtime/core.ts), which this line stands for.
  const attempts = error.attempts! > 1 ? ` after ${error.attempts} attempts` : "";
  const lines = [
    `${name}: HTTP ${error.status}${error.description ? ` ${error.description}` : ""} (${error.operation})${attempts}`,
  ];
  if (error.code !== undefined)
    lines.push(
      `  error code ${String(error.code)}${error.codeDescription ? `: ${underLine(error.codeDescription)}` : " (not documented for this operation)"}`,
    );
  const body = error.body;
  // The API's own words, found as the error's message finds them (`detail`, `{ error: { message } }`).
  const { message } = apiWords(body);
  if (message) lines.push(`  message: ${underLine(message)}`);
  else if (body !== undefined) {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    // A 2xx is an error only when its JSON does not parse: said, as the status alone says success.
    const label =
      error instanceof ResponseParseError ? `body is not JSON (${error.headers.get("content-type")})` : "body";
    // A text answer of several lines (a proxy's HTML page) under its label too, as the message is.
    lines.push(`  ${label}: ${underLine(text.length > BODY_SHOWN ? `${cut(text, BODY_SHOWN)}…` : text)}`);
  }
  return `${lines.join("\n")}\n`;
}

export type { CommandLine, Host, OperationHelp, CredentialFlag };
