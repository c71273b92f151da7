// What the command line of an emitted package is made of: the client's operation specs, the few
// facts the specs do not hold (each operation's description, each argument's value type and
// description), and how to make the client. The package's entry module (src/cli/main.ts) puts
// them together; everything else in this folder is the same in every package.
import type { Authorizer } from "../runtime/auth.js";
import type { Core } from "../runtime/core.js";
import type { AuthSpec, OperationSpec } from "../runtime/spec.js";

/** What the generator saw of an argument's value; absent: a string. readingOf (reading.ts) reads its flag by it. */
export type ValueKind = "number" | "boolean" | "json";

/** What the command line knows of an argument beyond its spec. */
export interface ArgHelp {
  /** The argument's key (`ArgSpec.arg`). */
  readonly arg: string;
  readonly kind?: ValueKind;
  /** The collection's description, as plain text. */
  readonly description?: string;
  /** Disabled in the collection: optional, and sent only when passed (the client's JSDoc says so too). */
  readonly disabled?: true;
}

/** What the command line knows of an operation beyond its spec. */
export interface OperationHelp {
  /** Where the method sits on the client, and its name: `["users", "userId", "updateUserStatus"]`. */
  readonly path: readonly string[];
  /** The collection's description of the request, as plain text. */
  readonly description?: string;
  readonly args?: readonly ArgHelp[];
  /**
   * The `{{variables}}` without a value (CommandLine.unsetVariables) that its request needs, through
   * the values it refers to too (the generator's operationUnsetVariables). Absent: none.
   */
  readonly unset?: readonly string[];
}

export interface CommandLine {
  /** The command's name: the package's (`zoom-api`). */
  readonly name: string;
  /** The API's name: the collection's. */
  readonly title: string;
  /** The prefix of the environment variables it reads (`ZOOM_API` for `ZOOM_API_TOKEN`). */
  readonly envPrefix: string;
  /** The client's operations (`operations` of the package). */
  readonly operations: readonly OperationSpec[];
  /** What the specs do not hold, per operation. */
  readonly help: readonly OperationHelp[];
  /**
   * The collection's `{{variables}}`, as the client's `Variables` has them: `--variable` takes no
   * other name (a typo, `basURL=…`, would otherwise be dropped and the request sent as if unset).
   * Absent: any name.
   */
  readonly variables?: readonly string[];
  /** The Postman environments the client can be made for (`--environment`); absent or empty: none. */
  readonly environments?: readonly string[];
  /**
   * Variables whose values are secrets by the generator's rule (of an environment or of the globals,
   * named as a credential, taken by the collection's auth): masked wherever printed.
   */
  readonly secretVariables?: readonly string[];
  /**
   * The collection's variables that have no value of its own (nor the globals'), each with the
   * environments that have one (not empty), else `{ empty }`: those that have it empty (none: `[]`),
   * for a command's `--help` to list those its request needs. Absent when every variable has a value.
   */
  readonly unsetVariables?: Readonly<
    Record<string, readonly string[] | { readonly empty: readonly string[] }>
  >;
  /**
   * The generator's credential words (src/runtime/credential-names.ts, without its exceptions): a
   * header, parameter, field or JSON key whose words, or a run of them together, are one is masked
   * in what `--dry-run` prints (namesSecret).
   */
  readonly credentialWords: readonly string[];
  /** The generator's credential words that mask a name only at its end, but for digits (`api_sig`, not `design`). */
  readonly credentialLastWords: readonly string[];
  /**
   * Makes the client's core: the package's `createBaseClient`, called with `ClientOptions<object,
   * string>` (typed `never` here, so that a function typed with the package's own variables and
   * environments' names is taken as it is).
   */
  readonly connect: (options: never) => Core;
  /**
   * The runtime's authorizers, by auth type: those the package's operations use, as its client
   * imports them. The package's data module names them, so a package holds only the signers it uses.
   */
  readonly authorizers: Readonly<Partial<Record<AuthSpec["type"], Authorizer>>>;
}

/** What the command line needs of the process it runs in; src/cli/node.ts gives Node's. */
export interface Host {
  /** The arguments after the command's name. */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal (JSON is then indented). */
  readonly stdoutIsTTY: boolean;
  /**
   * Text, or bytes: a download's, written as they came. A promise when the stream is full, which
   * resolves once it takes more (or has closed): a download streamed awaits it, so that it is
   * read no faster than it is written. `false` (or a promise of it) once the stream's reader has
   * gone (`| head` closed the pipe): nothing more is taken, and a download streamed stops there.
   */
  write(
    stream: "stdout" | "stderr",
    text: string | Uint8Array,
  ): void | boolean | Promise<void | boolean>;
  readFile(path: string): Promise<Uint8Array>;
  readStdin(): Promise<Uint8Array>;
  /** The fetch to send with (tests); the global one otherwise. */
  readonly fetch?: typeof fetch;
}
