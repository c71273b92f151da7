// Property: the command line of a random collection's package sends what its client sends. For
// each operation, one call of random arguments goes through the client (in this process) and
// through the package's built bin (child processes, as a shell runs it), once with a flag per
// argument and once with the body's fields as one JSON object (`--body`), all against one
// recording server; each request must arrive the same. The values are drawn to trip a parser:
// a leading `-` or `--`, `=`, spaces, unicode, empty text, text that reads as a number, a boolean
// or JSON, keys given twice. The flags, their readings and the environment variables are the
// package's own (its dist/cli modules and `--help`), not worked out again here. The collections
// are the wire fuzz's with file fields in their forms (sent as `@path`, `-` or text, and given to
// the client as a `File` of that name or the text), generated with Postman environments now and
// then (cli-arbitrary.ts), one chosen by `--environment` and the client's `environment`, which may
// hold the base URL and the variables not given. Where the collection has a signing auth (AWS
// Signature v4, Hawk, OAuth 1.0a, EdgeGrid, JWT), whose header holds a time and a nonce, the requests
// are compared but for that header, and each must pass a verifier written by others (aws4,
// @hapi/hawk, oauth-1.0a, akamai-edgegrid, jose) with the credentials given; and a `--dry-run` of
// the call prints none of them. Also: each
// operation's `--help` exits 0 and lists its flags; a bad flag is refused (exit 2, as
// docs/command-line.md says) with a clear message and nothing sent; no credential given is ever
// printed, `--json` included. `npm run fuzz` runs many more cases.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import Hawk from "@hapi/hawk";
import fc from "fast-check";
import { compactVerify } from "jose";
import { expect, it } from "vitest";
import type {
  credentialFlags as CredentialFlags,
  environmentVariables as EnvironmentVariables,
} from "../../src/command-line/credentials.js";
import type { environmentNames as EnvironmentNamesOf } from "../../src/command-line/environment-names.js";
import type { ArgFlag } from "../../src/command-line/names.js";
import type { Reading, readingOf as ReadingOf } from "../../src/command-line/reading.js";
import type { commandOf as CommandOf, otherBases as OtherBases } from "../../src/command-line/run.js";
import type { CommandLine } from "../../src/command-line/types.js";
import { emitTarget } from "../../src/generate.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { startRecordingServer, type RecordedRequest } from "../../src/testkit/recording-server.js";
import { writePackage } from "../../src/write/write-package.js";
import { header, sha256Hex, verifyAwsV4, verifyEdgeGrid, verifyOAuth1 } from "../auth/verify.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";
import { runProgram, type ProgramResult } from "../helpers/program.js";
import { ROUTE, SERVER, SIGNING, cliInputs } from "./cli-arbitrary.js";

// CI replays the same few cases every time; `npm run fuzz` draws new ones. A failure prints its
// seed and path: CLI_FUZZ_SEED=<seed> CLI_FUZZ_PATH=<path> CLI_FUZZ_RUNS=1 npx vitest run
// test/command-line/cli-fuzz.test.ts replays that case.
const { runs, parameters } = fuzzRuns("CLI_FUZZ", { runs: 4, seed: 20261205 });

/** The package's own modules: its command line's data, the machinery that reads it, its client. */
interface Package {
  dir: string;
  bin: string;
  cli: CommandLine;
  commandOf: typeof CommandOf;
  otherBases: typeof OtherBases;
  readingOf: typeof ReadingOf;
  credentialFlags: typeof CredentialFlags;
  environmentVariables: typeof EnvironmentVariables;
  environmentNames: typeof EnvironmentNamesOf;
  createClient(options: object): Record<string, unknown>;
  /** The client's base URL where none is given (`{{baseUrl}}`), and its environments as plain data. */
  defaultBaseUrl: string;
  environments: Readonly<Record<string, { values: Record<string, string> }>>;
}

async function loadPackage(dir: string): Promise<Package> {
  const load = (path: string) => import(pathToFileURL(join(dir, path)).href) as Promise<Record<string, unknown>>;
  const [commands, run, reading, credentials, names, index] = await Promise.all(
    [
      "cli/commands.js",
      "cli/run.js",
      "cli/reading.js",
      "cli/credentials.js",
      "cli/environment-names.js",
      "index.js",
    ].map((m) => load(`dist/${m}`)),
  );
  const bin = join(dir, "dist/cli/main.js");
  // npm makes a bin executable when it links it; its shebang then runs it.
  chmodSync(bin, 0o755);
  return {
    dir,
    bin,
    cli: commands!["commandLine"] as Package["cli"],
    commandOf: run!["commandOf"] as Package["commandOf"],
    otherBases: run!["otherBases"] as Package["otherBases"],
    readingOf: reading!["readingOf"] as Package["readingOf"],
    credentialFlags: credentials!["credentialFlags"] as Package["credentialFlags"],
    environmentVariables: credentials!["environmentVariables"] as Package["environmentVariables"],
    environmentNames: names!["environmentNames"] as Package["environmentNames"],
    createClient: index!["createClient"] as Package["createClient"],
    defaultBaseUrl: index!["defaultBaseUrl"] as string,
    environments: (index!["environments"] ?? {}) as Package["environments"],
  };
}

/** Pieces of text a hand-written parser may trip on, joined a few at a time. */
const TRICKY = [
  "a",
  "b c",
  " ",
  "-",
  "--",
  "-x",
  "--x",
  "-h",
  "--help",
  "--json",
  "--dry-run",
  "--no-auth",
  "=",
  "a=b",
  "--k=v",
  "@",
  "@x",
  "42",
  "-1",
  "1e3",
  "0x1F",
  " 7 ",
  "true",
  "false",
  "null",
  "{}",
  "[1]",
  '{"a":1}',
  '"q"',
  "é",
  "名前",
  "😀",
  "%20",
  "&",
  "?",
  "#",
  "/",
  "\\",
  "'",
];
const text = fc.array(fc.constantFrom(...TRICKY), { maxLength: 3 }).map((p) => p.join(""));
/** JSON text that a user would type: objects, arrays and scalars, keys that are tricky too. */
const jsonText = fc
  .jsonValue({ maxDepth: 2 })
  .map((v) => JSON.stringify(v))
  .chain((t) =>
    fc.oneof(
      fc.constant(t),
      // A key that is a prototype's name, which JSON.parse keeps as an own key.
      text.map((s) => `{${JSON.stringify(s)}: ${JSON.stringify(s)}, "__proto__": [${JSON.stringify(s)}]}`),
      text.map((s) => JSON.stringify(s)),
    ),
  );
const number = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
);

/** Credentials and secret variables: long enough to be masked wherever they appear, and tricky. */
const SECRETS = ["-S3cret-tok3n", "S3cret=tok3n", "S3cret tok3n x", "--S3cret-tok3n", "S3cret-tok3n-@"];

/** One way of giving an operation's inputs to the command line, and what it was given. */
interface Invocation {
  argv: string[];
  env: Record<string, string>;
  stdin?: string;
}

interface Drawn {
  /** The client's options and arguments. */
  options: Record<string, unknown>;
  args: Record<string, unknown>;
  /** Flag by flag; and, for a body that takes one, the body's fields as `--body` JSON too. */
  flags: Invocation;
  body?: Invocation;
  /** The flags as `--help` must list them, and the readings they were drawn by. */
  names: Array<{ flag: string; reading: Reading; spec: ArgFlag["spec"]; free: boolean }>;
  bodyFlag: boolean;
  /** Whether `--json` is on. */
  jsonOut: boolean;
  secrets: string[];
  /** The credentials given, by flag; and whether --no-auth was. */
  credentials: Record<string, string>;
  noAuth: boolean;
}

type Gen = fc.GeneratorValue;

/** A flag and its value as a user types it: `--name value`, or `--name=value` (which `--…` needs). */
function flagWords(g: Gen, name: string, value: string): string[] {
  const inline = value.startsWith("--") || g(() => fc.boolean());
  return inline ? [`--${name}=${value}`] : [`--${name}`, value];
}

interface Given {
  /** The argument's value for the client. */
  client: unknown;
  /** Each value as the command line's text (one per repeated key), or a switch's words. */
  words: string[];
  /** Its value in a `--body` object. */
  json: unknown;
}

/** As the runtime reads it: query parameters and form fields take a list, sent as the key repeated. */
function takesList(op: OperationSpec, spec: ArgFlag["spec"]): boolean {
  return (
    spec.type !== "json" &&
    (spec.in === "query" || (spec.in === "body" && (op.body === "multipart" || op.body === "urlencoded")))
  );
}

/** The values of one argument, drawn by how the package reads its flag. */
function drawArg(
  g: Gen,
  op: OperationSpec,
  flag: ArgFlag,
  reading: Reading,
  names: ReadonlySet<string>,
  files: (content: string, name?: string) => string,
  stdin: { used: boolean; text?: string },
): Given {
  const { spec } = flag;
  const name = g(() => fc.constantFrom(flag.flag, ...flag.aliases));
  const list = takesList(op, spec);
  const count = list ? g(() => fc.constantFrom(1, 1, 1, 2, 3)) : 1;
  const values: Array<{ client: unknown; text: string; json: unknown }> = [];
  for (let n = 0; n < count; n++) {
    if (reading === "file") {
      // `@path`, sent as the file of that name (no type, as curl -F without one), `-`, standard
      // input as a file named `stdin`, or text that names none, sent as the file's content.
      const content = g(() => text);
      if (content.startsWith("@") || content === "-" || g(() => fc.boolean())) {
        if (!stdin.used && g(() => fc.boolean())) {
          stdin.used = true;
          stdin.text = content;
          values.push({ client: new File([content], "stdin"), text: "-", json: undefined });
        } else if (spec.fileName !== undefined && g(() => fc.boolean())) {
          // A file of the collection's file's name; the client's `Blob` stands for that file and
          // goes with its name (docs/emitted-package.md).
          const path = files(content, spec.fileName);
          values.push({ client: new Blob([content]), text: `@${path}`, json: undefined });
        } else {
          const path = files(content);
          values.push({ client: new File([content], basename(path)), text: `@${path}`, json: undefined });
        }
      } else values.push({ client: content, text: content, json: content });
      continue;
    }
    if (reading === "boolean") {
      const on = g(() => fc.boolean());
      const words: string[] = on
        ? g(() => fc.constantFrom<string[]>([`--${name}`], [`--${name}=true`], [`--${name}`, "true"]))
        : names.has(`no-${name}`)
          ? g(() => fc.constantFrom<string[]>([`--${name}=false`], [`--${name}`, "false"]))
          : g(() => fc.constantFrom<string[]>([`--no-${name}`], [`--${name}=false`], [`--${name}`, "false"]));
      return { client: on, words, json: on };
    }
    if (reading === "number") {
      const value = g(() => number);
      values.push({ client: value, text: String(value), json: value });
    } else if (reading === "json") {
      const t = g(() => jsonText);
      values.push({ client: JSON.parse(t) as unknown, text: t, json: JSON.parse(t) as unknown });
    } else {
      const value = spec.enum ? g(() => fc.constantFrom(...spec.enum!)) : g(() => text);
      // A raw body's `@…` and `-` name a file and standard input: such text comes from one of them.
      let written = value;
      if (reading === "raw" && (value.startsWith("@") || value === "-" || g(() => fc.boolean()))) {
        if (!stdin.used && g(() => fc.boolean())) {
          stdin.used = true;
          stdin.text = value;
          written = "-";
        } else written = `@${files(value)}`;
      }
      values.push({ client: value, text: written, json: value });
    }
  }
  return {
    client: values.length === 1 ? values[0]!.client : values.map((v) => v.client),
    words: values.flatMap((v) => flagWords(g, name, v.text)),
    json: values.length === 1 ? values[0]!.json : values.map((v) => v.json),
  };
}

/** The inputs of one call of `op`, for the client and for the command line. */
function draw(
  g: Gen,
  pkg: Package,
  op: OperationSpec,
  base: (who: string) => string,
  files: (content: string, name?: string) => string,
): Drawn | string {
  const { cli } = pkg;
  const help = cli.help.find((h) => h.path.join(".") === [...op.namespace, op.member ?? op.name].join("."));
  const { words, flags, bodyFlag } = pkg.commandOf(cli.operations, op, help, cli.environments);
  const env = pkg.environmentNames(cli);
  const fromEnv = new Set(pkg.environmentVariables(op, cli.secretVariables));
  const secretVariables = new Set(cli.secretVariables ?? []);
  const options: Record<string, unknown> = {};
  const secrets: string[] = [];
  /** Words before the command's and after it; a global flag may go either side. */
  const globals: string[][] = [];
  const environment: Record<string, string> = {};
  const global = (w: string[]) => globals.push(w);

  // Credentials, each by its flag or its environment variable; or now and then --no-auth, the
  // client's `null` for its auth's option, with credentials in the environment only (which it
  // does not read: a credential's flag with it is refused).
  const noAuth = cli.operations.some((o) => o.auth) && g(() => fc.integer({ min: 0, max: 5 })) === 0;
  if (noAuth) global(g(() => fc.constantFrom(["--no-auth"], ["--no-auth=true"], ["--no-auth", "true"])));
  const credentials: Record<string, string> = {};
  for (const c of pkg.credentialFlags(cli.operations)) {
    if (!CREDENTIALS.includes(c.flag)) return `credential --${c.flag}`;
    // A session token is for temporary credentials only.
    if (c.flag === "session-token" && g(() => fc.boolean())) continue;
    const value = c.public ? g(() => fc.constantFrom("user", "u-1", "-user")) : g(() => fc.constantFrom(...SECRETS));
    credentials[c.flag] = value;
    if (!c.public) secrets.push(value);
    if (noAuth || g(() => fc.boolean())) environment[env.credentials.get(c.flag)!] = value;
    else global(flagWords(g, c.flag, value));
  }
  // A Postman environment now and then, by name. Where it holds the base URL (`<server>{{route}}`)
  // and the client's base is `{{baseUrl}}`, mostly none is given: each sender's route is.
  const chosen = cli.environments?.length ? g(() => fc.constantFrom(undefined, ...cli.environments!)) : undefined;
  const envBase =
    chosen !== undefined &&
    pkg.defaultBaseUrl === "{{baseUrl}}" &&
    Object.hasOwn(pkg.environments[chosen]!.values, "baseUrl") &&
    g(() => fc.integer({ min: 0, max: 3 })) !== 0;
  if (chosen !== undefined) {
    options["environment"] = chosen;
    global(flagWords(g, "environment", chosen));
  }
  // The option that gives its credential, as the package reads its flags (an OAuth 2 token too).
  const option = { bearer: "token", oauth2: "token", apikey: "apiKey", basic: "basic" }[op.auth?.type as string];
  if (noAuth) {
    if (option) options[option] = null;
    const signing = SIGNING_OPTION[op.auth?.type as string];
    if (signing) options[signing] = null;
  } else {
    if (credentials["token"] !== undefined) options["token"] = credentials["token"];
    if (credentials["api-key"] !== undefined) options["apiKey"] = credentials["api-key"];
    if (credentials["username"] !== undefined)
      options["basic"] = { username: credentials["username"], password: credentials["password"] ?? "" };
    // The signing auths' options, as docs/emitted-package.md names their parts.
    const c = credentials;
    if (c["access-key-id"] !== undefined)
      options["aws"] = {
        accessKeyId: c["access-key-id"],
        secretAccessKey: c["secret-access-key"],
        ...(c["session-token"] !== undefined ? { sessionToken: c["session-token"] } : {}),
      };
    if (c["hawk-id"] !== undefined) options["hawk"] = { id: c["hawk-id"], key: c["hawk-key"] };
    if (c["consumer-key"] !== undefined)
      options["oauth1"] = {
        consumerKey: c["consumer-key"],
        consumerSecret: c["consumer-secret"],
        token: c["oauth1-token"],
        tokenSecret: c["token-secret"],
      };
    if (c["client-token"] !== undefined)
      options["edgegrid"] = {
        clientToken: c["client-token"],
        clientSecret: c["client-secret"],
        accessToken: c["access-token"],
      };
    if (c["jwt-secret"] !== undefined) options["jwt"] = { secret: c["jwt-secret"] };
  }

  // The collection's variables, by --variable, or from the environment where it reads them.
  const variables: Record<string, string> = {};
  for (const name of cli.variables ?? []) {
    if (envBase && (name === "baseUrl" || name === ROUTE)) continue;
    // Often left to the environment chosen where it has a value; where there are environments, now
    // and then to the collection (or to none: then both refuse the call).
    const held = chosen !== undefined && Object.hasOwn(pkg.environments[chosen]!.values, name);
    if (cli.environments?.length && g(() => fc.integer({ min: 0, max: held ? 1 : 9 })) === 0) continue;
    const secret = secretVariables.has(name);
    const value = secret ? g(() => fc.constantFrom(...SECRETS)) : g(() => text);
    if (secret) secrets.push(value);
    variables[name] = value;
    // An empty environment variable is no value (an unset shell variable gives one); a variable
    // that is a credential is read under its flag's name, one input with the flag.
    const envName = env.variables.get(name);
    const own = envName !== undefined && ![...env.credentials.values()].includes(envName);
    if (fromEnv.has(name) && own && value !== "" && g(() => fc.boolean())) environment[envName] = value;
    else global(["--variable", `${name}=${value}`]);
  }
  if (envBase) variables[ROUTE] = new URL(base("client")).pathname;
  options["variables"] = variables;
  options["maxRetries"] = 0;
  global(flagWords(g, "max-retries", "0"));
  // --json, on or off as a script may write it (the last one given wins).
  const jsonWords = g(() =>
    fc.constantFrom<string[]>(
      [],
      ["--json"],
      ["--json=true"],
      ["--json", "true"],
      ["--json=false"],
      ["--no-json"],
      ["--json", "false"],
    ),
  );
  if (jsonWords.length) global(jsonWords);
  const jsonOut = jsonWords.length > 0 && !jsonWords.some((w) => w.includes("false") || w === "--no-json");

  const url = (who: string) => base(who);
  const bases = pkg.otherBases(cli.operations);

  /** The arguments: what the client is passed, the flags' words, and the body's fields. */
  const names = new Set(flags.flatMap((f) => [f.flag, ...f.aliases]));
  const args: Record<string, unknown> = {};
  const argWords: string[][] = [];
  const bodyFields: Array<{ key: string; json: unknown; words: string[] }> = [];
  const stdin: { used: boolean; text?: string } = { used: false };
  for (const flag of flags) {
    const { spec } = flag;
    const required = spec.required && spec.default === undefined;
    if (!required && !g(() => fc.boolean())) continue;
    const reading = pkg.readingOf(op, spec, flag.help?.kind);
    const given = drawArg(g, op, flag, reading, names, files, stdin);
    Object.defineProperty(args, spec.arg, {
      value: given.client,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    argWords.push(given.words);
    if (
      bodyFlag &&
      spec.in === "body" &&
      reading !== "raw" &&
      reading !== "file" &&
      flags.filter((f) => f.spec.name === spec.name).length === 1
    )
      bodyFields.push({ key: spec.name, json: given.json, words: given.words });
  }

  const invocation = (who: string, args: string[][], body?: string[], stdinText?: string): Invocation => {
    const before: string[] = [];
    const after: string[] = [];
    const place = (w: string[]) => (g(() => fc.boolean()) ? before : after).push(...w);
    const envOf: Record<string, string> = { ...environment };
    if (envBase) place(["--variable", `${ROUTE}=${new URL(url(who)).pathname}`]);
    else if (g(() => fc.boolean())) envOf[env.baseUrl] = url(who);
    else place(["--base-url", url(who)]);
    for (const b of bases) place(["--base-url-for", `${b}=${url(who)}`]);
    for (const w of globals) place(w);
    const shuffled = g(() =>
      fc.shuffledSubarray([...args, ...(body ? [body] : [])], { minLength: args.length + (body ? 1 : 0) }),
    );
    for (const w of shuffled) after.push(...w);
    return {
      argv: [...before, ...words, ...after],
      env: envOf,
      ...(stdinText !== undefined ? { stdin: stdinText } : {}),
    };
  };
  if (!envBase) options["baseUrl"] = url("client");
  if (bases.length) options["baseUrls"] = Object.fromEntries(bases.map((b) => [b, url("client")]));

  const drawn: Drawn = {
    options,
    args,
    flags: invocation("flags", argWords, undefined, stdin.text),
    // A flag given once already refuses a second value before it reads it.
    names: flags.map((f) => ({
      flag: f.flag,
      reading: pkg.readingOf(op, f.spec, f.help?.kind),
      spec: f.spec,
      free: !Object.hasOwn(args, f.spec.arg) || takesList(op, f.spec),
    })),
    bodyFlag,
    jsonOut,
    secrets,
    credentials,
    noAuth,
  };
  if (bodyFields.length) {
    // Some of the fields in `--body`, the rest as flags; a flag wins over its key there.
    const inBody = g(() => fc.subarray(bodyFields, { minLength: 1 }));
    // A key of the body given by its flag as well, with another value there that the flag overrides.
    const overridden = g(() => fc.subarray(bodyFields.filter((f) => !inBody.includes(f))));
    const object: Record<string, unknown> = {};
    for (const f of inBody) Object.defineProperty(object, f.key, { value: f.json, enumerable: true });
    for (const f of overridden) Object.defineProperty(object, f.key, { value: "overridden", enumerable: true });
    const json = JSON.stringify(
      object,
      null,
      g(() => fc.constantFrom(0, 2)),
    );
    const how = g(() => fc.constantFrom("text", "file", "stdin"));
    const bodyWords =
      how === "file" || (how === "stdin" && stdin.used)
        ? ["--body", `@${files(json)}`]
        : how === "stdin"
          ? ["--body", "-"]
          : flagWords(g, "body", json);
    const rest = argWords.filter((w) => !inBody.some((f) => f.words === w));
    drawn.body = invocation("body", rest, bodyWords, how === "stdin" && !stdin.used ? json : stdin.text);
  }
  return drawn;
}

/** The credential flags drawn: those of the wire fuzz's auths and of the signing auths cli-arbitrary.ts adds. */
const CREDENTIALS = [
  "token",
  "api-key",
  "username",
  "password",
  "access-key-id",
  "secret-access-key",
  "session-token",
  "hawk-id",
  "hawk-key",
  "consumer-key",
  "consumer-secret",
  "oauth1-token",
  "token-secret",
  "client-token",
  "client-secret",
  "access-token",
  "jwt-secret",
];
/** The client's option for each signing auth, which `null` declines as --no-auth does. */
const SIGNING_OPTION: Record<string, string> = {
  awsv4: "aws",
  hawk: "hawk",
  oauth1: "oauth1",
  edgegrid: "edgegrid",
  jwt: "jwt",
};

/**
 * Whether a request a signing auth signed passes a verifier written by others, with the
 * credentials given as flags; `origin` is the server's URL, the scheme and host signed.
 */
async function verifies(
  request: RecordedRequest,
  auth: OperationSpec["auth"],
  c: Record<string, string>,
  origin: string,
) {
  switch (auth?.type) {
    case "awsv4":
      try {
        return verifyAwsV4(request, { accessKeyId: c["access-key-id"]!, secretAccessKey: c["secret-access-key"]! }).ok;
      } catch (error) {
        // aws4 decodes a target that holds a character it would escape: one that holds a `%`
        // starting no escape too (the collection's `%%2F`, sent as written, as Postman does) is
        // beyond it, and goes unchecked.
        if (error instanceof URIError) return "unchecked";
        throw error;
      }
    case "hawk": {
      const credentials = {
        id: c["hawk-id"]!,
        key: c["hawk-key"]!,
        algorithm: (auth.algorithm ?? "sha256") as "sha256" | "sha1",
      };
      const hashed = /hash="/.test(header(request, "authorization") ?? "");
      return Hawk.server
        .authenticate(
          { method: request.method, url: request.target, headers: request.headers },
          (id: string) => (id === credentials.id ? credentials : undefined),
          hashed ? { payload: request.raw } : {},
        )
        .then(
          () => true,
          () => false,
        );
    }
    case "oauth1":
      return verifyOAuth1(request, origin, {
        consumerKey: c["consumer-key"]!,
        consumerSecret: c["consumer-secret"]!,
        tokenSecret: c["token-secret"]!,
      }).ok;
    case "edgegrid":
      return verifyEdgeGrid(request, origin, {
        clientToken: c["client-token"]!,
        clientSecret: c["client-secret"]!,
        accessToken: c["access-token"]!,
      }).ok;
    case "jwt": {
      const token = (header(request, "authorization") ?? "").replace(/^Bearer /, "");
      return compactVerify(token, new TextEncoder().encode(c["jwt-secret"]!), {
        algorithms: [auth.algorithm ?? "HS256"],
      }).then(
        () => true,
        () => false,
      );
    }
    default:
      return true;
  }
}

/** A mistake in the words of a valid call, and what the refusal must say of it. */
interface Mistake {
  invocation: Invocation;
  says: string;
  json: boolean;
  /** A credential typed onto a short flag (`-tSECRET`): never printed either. */
  secret?: string;
}

function mistake(g: Gen, drawn: Drawn, who: string): Mistake {
  const { argv, env, stdin } = drawn.flags;
  // Turned on after the call's own --json or --no-json, which the last one given overrides.
  const addJson = g(() => fc.boolean());
  const json = addJson || drawn.jsonOut;
  const names = new Set(drawn.names.map((n) => n.flag));
  const numbers = drawn.names.filter((n) => n.reading === "number" && n.free);
  const enums = drawn.names.filter((n) => n.spec.enum && n.reading === "text" && n.free);
  const valued = drawn.names.filter((n) => n.reading !== "boolean");
  const kinds = [
    "unknown",
    "short",
    ...(numbers.length ? ["number"] : []),
    ...(enums.length ? ["enum"] : []),
    ...(valued.length ? ["no value"] : []),
  ];
  const kind = g(() => fc.constantFrom(...kinds));
  let words: string[];
  let says: string;
  let secret: string | undefined;
  if (kind === "unknown") {
    const near = g(() => fc.constantFrom(...names, "base-url", "variable", "json"));
    const flag = [`${near}${near.at(-1)!}`, `${near}-x`, `x${near}`].find((f) => !names.has(f))!;
    words = [`--${flag}`, ...(g(() => fc.boolean()) ? ["value"] : [])];
    says = `unknown flag --${flag}`;
  } else if (kind === "short") {
    secret = g(() => fc.constantFrom(...SECRETS));
    const letter = g(() => fc.constantFrom("t", "k", "x", "h", "T"));
    words = [`-${letter}${secret}`];
    says = `unknown flag -${letter} `;
  } else if (kind === "number") {
    const { flag } = g(() => fc.constantFrom(...numbers));
    words = [`--${flag}`, g(() => fc.constantFrom("abc", "", "1,5", "NaN", "Infinity", "- 1"))];
    says = `--${flag} must be a number`;
  } else if (kind === "enum") {
    const { flag, spec } = g(() => fc.constantFrom(...enums));
    const value = g(() => text.filter((t) => !spec.enum!.includes(t) && !t.startsWith("--")));
    words = [`--${flag}`, value];
    says = `--${flag} must be one of`;
  } else {
    const { flag } = g(() => fc.constantFrom(...valued));
    words = [`--${flag}`];
    says = `--${flag} needs a value`;
  }
  const base = argv.map((w) => w.replace(/\/\d+-flags\b/, `/${who}`));
  return {
    invocation: {
      argv: [...base, ...(addJson ? ["--json"] : []), ...words],
      env: withBase(env, who),
      ...(stdin !== undefined ? { stdin } : {}),
    },
    says,
    json,
    ...(secret !== undefined ? { secret } : {}),
  };
}

/** An invocation's environment with its base URL's run name changed, so that what it sends is told apart. */
function withBase(env: Record<string, string>, who: string): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replace(/\/\d+-flags\b/, `/${who}`)]));
}

/** The package's bin, run as a shell runs it, its input all of `stdin` (none by default). */
function runBin(pkg: Package, invocation: Invocation): Promise<ProgramResult> {
  return runProgram(pkg.bin, invocation.argv, {
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...invocation.env },
    stdin: invocation.stdin ?? "",
  });
}

/** Runs `tasks` two at a time (the machine's cores), in order of results. */
async function pool<T>(tasks: Array<() => Promise<T>>, width = 2): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

/** What a request means on the wire, less what only its sender's connection decides. */
function wire(request: RecordedRequest, prefix: string, signed = false): unknown {
  const multipart = /^multipart\//.test(String(request.headers["content-type"] ?? ""));
  // A signature holds the time and a nonce: its header and the time it signed differ by sender.
  const signature = (name: string) => signed && (name === "authorization" || name === "x-amz-date");
  const headers = Object.entries(request.headers)
    .filter(
      ([name]) =>
        name !== "host" && name !== "connection" && !(multipart && name === "content-length") && !signature(name),
    )
    .map(([name, value]) => [
      name,
      multipart && name === "content-type"
        ? String(value).replace(/boundary=.*/, "boundary")
        : // A multipart body's hash covers its boundary, which differs by sender: held to the bytes sent instead.
          multipart && name === "x-amz-content-sha256" && value === sha256Hex(request.raw)
          ? "(the SHA-256 of the body sent)"
          : value,
    ]);
  return {
    method: request.method,
    target: request.target.startsWith(prefix)
      ? request.target.slice(prefix.length)
      : `(not under ${prefix}) ${request.target}`,
    headers: headers.sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)),
    body: multipart
      ? { fields: request.fields, files: request.files, parts: request.parts }
      : request.raw.toString("base64"),
  };
}

/** No credential given may appear in what the command line printed, as written or escaped in JSON. */
function leaked(ran: ProgramResult, secrets: readonly string[]): string[] {
  const printed = ran.stdout + ran.stderr;
  return secrets.filter((s) => printed.includes(s) || printed.includes(JSON.stringify(s).slice(1, -1)));
}

it(
  "the emitted command line sends what the client sends, flag by flag and as --body JSON",
  async () => {
    let compared = 0;
    /** Per signing auth: the requests each sender signed that verified, and the calls run with --dry-run. */
    const counts = Object.fromEntries(SIGNING.map((t) => [t, { cases: 0, verified: 0, unchecked: 0, dryRuns: 0 }]));
    await fc.assert(
      fc.asyncProperty(cliInputs, fc.gen(), async ({ collection: json, environments }, g) => {
        const dir = mkdtempSync(join(tmpdir(), "postman-codegen-cli-fuzz-"));
        const server = await startRecordingServer();
        try {
          const file = join(dir, "wire.postman_collection.json");
          writeFileSync(file, JSON.stringify(json));
          const out = join(dir, "out");
          // Each environment's file, its base URL the server's.
          const sources = environments.map((e, i) => {
            const path = join(dir, `env-${i}.postman_environment.json`);
            const values = e.values.map((v) => ({ ...v, value: v.value.replace(SERVER, server.url) }));
            writeFileSync(path, JSON.stringify({ name: e.name, values }));
            return { file: path, ...(e.key !== undefined ? { name: e.key } : {}) };
          });
          await writePackage(
            out,
            (await emitTarget({ collection: file, out, name: "fuzzed-api", environments: sources })).files,
          );
          const pkg = await loadPackage(out);
          let fileCount = 0;
          const files = (content: string, name?: string) => {
            const n = fileCount++;
            const path = name === undefined ? join(dir, `input-${n}.txt`) : join(dir, `input-${n}`, name);
            if (name !== undefined) mkdirSync(join(dir, `input-${n}`));
            writeFileSync(path, content);
            return path;
          };
          type Case = { op: OperationSpec; n: number; drawn: Drawn };
          const cases: Case[] = [];
          for (const [n, op] of pkg.cli.operations.entries()) {
            // Each sender under a base path of its own, so that what each sent is told apart.
            const drawn = draw(g, pkg, op, (who) => `${server.url}/${n}-${who}`, files);
            // A signing auth's credentials are not drawn (the wire collections have none yet).
            if (typeof drawn === "string") continue;
            cases.push({ op, n, drawn });
            if ((SIGNING as readonly string[]).includes(op.auth?.type ?? "") && !drawn.noAuth)
              counts[op.auth!.type]!.cases++;
          }
          // The client first, in this process; then the bin, two at a time.
          const outcomes = new Map<number, { error?: Error }>();
          for (const { op, n, drawn } of cases) {
            const method = [...op.namespace, op.member ?? op.name].reduce<unknown>(
              (node, key) => (node as Record<string, unknown>)[key],
              pkg.createClient(drawn.options),
            ) as (args: object) => Promise<unknown>;
            const error = await method(drawn.args).then(
              () => undefined,
              (e: Error) => e,
            );
            outcomes.set(n, error ? { error } : {});
          }
          const runs = cases.flatMap(({ n, drawn }) => [
            { n, who: "flags", invocation: drawn.flags, secrets: drawn.secrets },
            ...(drawn.body ? [{ n, who: "body", invocation: drawn.body, secrets: drawn.secrets }] : []),
          ]);
          const ran = await pool(runs.map((r) => () => runBin(pkg, r.invocation)));
          for (const [i, r] of runs.entries()) {
            const { op, drawn } = cases.find((c) => c.n === r.n)!;
            const at = `${op.name} (${r.who}): ${JSON.stringify(r.invocation)}`;
            const signing = (SIGNING as readonly string[]).includes(op.auth?.type ?? "") && !drawn.noAuth;
            const received = (who: string) => server.requests.filter((q) => q.path.startsWith(`/${r.n}-${who}`));
            const sent = (who: string) => received(who).map((q) => wire(q, `/${r.n}-${who}`, signing));
            const fromClient = sent("client");
            const error = outcomes.get(r.n)!.error;
            const result = ran[i]!;
            expect(leaked(result, r.secrets), `${at}: printed a credential`).toEqual([]);
            expect(sent(r.who), `${at}\n${result.stderr}\nclient: ${error?.message ?? "sent"}`).toEqual(fromClient);
            if (signing) {
              const type = op.auth!.type;
              for (const [who, requests] of [
                [r.who, received(r.who)],
                // The client's once, with the first run's.
                ["client", r.who === "flags" ? received("client") : []],
              ] as const)
                for (const q of requests) {
                  const ok = await verifies(q, op.auth, drawn.credentials, server.url);
                  if (ok === "unchecked") {
                    counts[type]!.unchecked++;
                    continue;
                  }
                  expect(ok, `${at}: ${who}'s ${type} signature\n${JSON.stringify(q.headers)}`).toBe(true);
                  counts[type]!.verified++;
                }
            }
            if (error === undefined) {
              expect(result.code, `${at}\n${result.stderr}`).toBe(0);
              // The server's `{}`, as it came with --json or without; nothing for HEAD.
              expect(result.stdout, at).toBe(op.method === "HEAD" ? "" : "{}\n");
            } else {
              expect(result.code, `${at}: the client refused (${error.message})\n${result.stderr}`).toBe(
                error.name === "ValidationError" ? 2 : 1,
              );
              if (drawn.jsonOut) {
                expect(result.stderr, at).toBe("");
                const printed = JSON.parse(result.stdout) as { ok: boolean; error: { kind: string } };
                expect(printed.ok, at).toBe(false);
                if (error.name === "ValidationError") expect(["validation", "usage"], at).toContain(printed.error.kind);
              } else {
                expect(result.stdout, at).toBe("");
                expect(result.stderr, at).not.toBe("");
              }
            }
            compared++;
          }
          // Each call once more with --help, and once with a mistake in it: neither sends anything.
          const checks = cases.flatMap(({ op, n, drawn }) => {
            const where = g(() => fc.constantFrom("start", "end"));
            const flag = g(() => fc.constantFrom("--help", "-h"));
            const { argv, env, stdin } = drawn.flags;
            const base = argv.map((w) => w.replace(/\/\d+-flags\b/, `/${n}-help`));
            const help: Invocation = {
              argv: where === "start" ? [flag, ...base] : [...base, flag],
              env: withBase(env, `${n}-help`),
              ...(stdin !== undefined ? { stdin } : {}),
            };
            const bad = mistake(g, drawn, `${n}-bad`);
            // A signed call once more with --dry-run: it prints the request, its credentials masked.
            const signing = (SIGNING as readonly string[]).includes(op.auth?.type ?? "") && !drawn.noAuth;
            const dry: Invocation = {
              argv: [...argv.map((w) => w.replace(/\/\d+-flags\b/, `/${n}-dry`)), "--dry-run"],
              env: withBase(env, `${n}-dry`),
              ...(stdin !== undefined ? { stdin } : {}),
            };
            return [
              { op, n, who: "help", drawn, invocation: help, mistake: undefined, dry: false },
              { op, n, who: "bad", drawn, invocation: bad.invocation, mistake: bad, dry: false },
              ...(signing ? [{ op, n, who: "dry", drawn, invocation: dry, mistake: undefined, dry: true }] : []),
            ];
          });
          const checked = await pool(checks.map((c) => () => runBin(pkg, c.invocation)));
          for (const [i, c] of checks.entries()) {
            const result = checked[i]!;
            const at = `${c.op.name} (${c.who}): ${JSON.stringify(c.invocation)}`;
            const secrets = [...c.drawn.secrets, ...(c.mistake?.secret ? [c.mistake.secret] : [])];
            expect(leaked(result, secrets), `${at}: printed a credential\n${result.stdout}${result.stderr}`).toEqual(
              [],
            );
            expect(server.requests.filter((q) => q.path.startsWith(`/${c.n}-${c.who}`)).length, `${at}: sent`).toBe(0);
            if (c.dry) {
              counts[c.op.auth!.type]!.dryRuns++;
              if (outcomes.get(c.n)!.error === undefined) {
                expect(result.code, `${at}\n${result.stderr}`).toBe(0);
                expect(result.stdout, at).toContain("curl");
              }
              continue;
            }
            if (!c.mistake) {
              expect(result.code, `${at}\n${result.stderr}`).toBe(0);
              const listed = [...c.drawn.names.map((f) => f.flag), ...(c.drawn.bodyFlag ? ["body"] : [])];
              expect(
                listed.filter((f) => !result.stdout.includes(`--${f} `) && !result.stdout.includes(`--${f}\n`)),
                `${at}: not in --help\n${result.stdout}`,
              ).toEqual([]);
              continue;
            }
            expect(result.code, `${at}\n${result.stdout}${result.stderr}`).toBe(2);
            if (c.mistake.json) {
              expect(result.stderr, at).toBe("");
              const printed = JSON.parse(result.stdout) as { ok: boolean; error: { kind: string; message: string } };
              expect(printed.ok, at).toBe(false);
              expect(printed.error.kind, at).toBe("usage");
              expect(`${printed.error.message} `, at).toContain(c.mistake.says);
            } else {
              expect(result.stdout, at).toBe("");
              expect(result.stderr, at).toContain(c.mistake.says);
              expect(result.stderr, at).toContain("--help' for usage.");
            }
          }
        } finally {
          await server.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      parameters,
    );
    expect(compared).toBeGreaterThan(0);
    if (process.env["CLI_FUZZ_COUNTS"]) console.log(JSON.stringify(counts));
    // A case takes a few seconds: its package, a client call and four runs of the bin per operation.
  },
  60_000 + runs * 15_000,
);
