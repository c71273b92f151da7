// The one table of names an operation may not take, read by the naming pass (naming.ts) and by
// the emitter that writes those names: what an emitted package's index re-exports from the
// runtime, the client module's own declarations, the names its runtime imports had when they
// were reserved (frozen below), and the words that cannot name a binding. The index
// (emit/index-module.ts) writes its exports from INDEX_EXPORTS, so a public name the package gains
// is reserved by the same edit: an operation named like one of them ("To file" -> `toFile`) would
// otherwise be shadowed in the index by the runtime's export (an explicit export wins over
// `export *` without a word). The client's other runtime imports are its internals, imported under
// a name no operation can take (`runtimeLocal`), unless reserved already (frozen): a name the
// runtime adds renames no operation.
// test/emit/runtime-names.test.ts names a request after each of them.

export interface RuntimeModuleExports {
  /** The module, relative to the package's src/. */
  module: string;
  values: readonly string[];
  types: readonly string[];
}

/** What src/index.ts of every package re-exports from the runtime, module by module. */
export const INDEX_EXPORTS: readonly RuntimeModuleExports[] = [
  {
    module: "./runtime/errors.js",
    values: [
      "ApiClientError",
      "ApiError",
      "BadRequestError",
      "UnauthorizedError",
      "ForbiddenError",
      "NotFoundError",
      "ConflictError",
      "UnprocessableEntityError",
      "RateLimitedError",
      "ServerError",
      "ResponseParseError",
      "ConnectionError",
      "TimeoutError",
      "ValidationError",
    ],
    types: [],
  },
  { module: "./runtime/error-guard.js", values: ["isErrorOf"], types: [] },
  { module: "./runtime/api-promise.js", values: ["ApiPromise"], types: ["WithResponse"] },
  { module: "./runtime/uploads.js", values: ["fileFromPath", "toFile"], types: ["FileData"] },
  {
    module: "./runtime/core.js",
    values: [],
    types: ["BodyExtras", "ClientOptions", "Hooks", "HookRequest", "QueryExtras", "RequestOptions"],
  },
  {
    module: "./runtime/auth.js",
    values: [],
    types: ["AuthOptions", "Credential", "SignableRequest", "OAuth2Options", "OAuth2Token"],
  },
  { module: "./runtime/check.js", values: ["ResponseTypeError"], types: ["ResponseChecks", "TypeMismatch"] },
  {
    module: "./runtime/spec.js",
    values: [],
    types: [
      "ArgLocation",
      "ArgSpec",
      "AuthSpec",
      "AwsV4Spec",
      "BodyEncoding",
      "DigestSpec",
      "EdgeGridSpec",
      "ErrorCodeSpec",
      "HawkSpec",
      "JwtSpec",
      "OAuth1Spec",
      "OAuth2Spec",
      "OperationSpec",
      "ResponseSpec",
    ],
  },
];

/** Every public runtime name: what an emitted package's index re-exports. */
const PUBLIC_NAMES: ReadonlySet<string> = new Set(INDEX_EXPORTS.flatMap((m) => [...m.values, ...m.types]));

/**
 * What starts the client modules' own name of each runtime import that is no public name: a name
 * the naming pass never gives (naming.ts: `$` separates words, and a name made of words starts with
 * a letter or `_`), nor takes from a target's `names` (refused there). Readable as "the runtime's".
 */
export const RUNTIME_PREFIX = "$";

/**
 * The name a client module (src/client.ts, src/resources/*.ts) binds the runtime's `name` to: a
 * public name as it is (reserved above: an app reads it, the declarations show it), a frozen one as
 * it is (reserved below, so that no package generated before sees its imports rewritten), any
 * other under RUNTIME_PREFIX (`import { encodeSomething as $encodeSomething }`), so that it can
 * never clash with an operation's names. Aliased imports, not a namespace: each is a binding of its
 * own, which a bundler drops when unused.
 */
export function runtimeLocal(name: string): string {
  return PUBLIC_NAMES.has(name) || FROZEN_NAMES.has(name) ? name : `${RUNTIME_PREFIX}${name}`;
}

/**
 * The names the client modules imported from the runtime, unaliased, when they were reserved:
 * frozen, not read from the runtime. An operation named like one of them was numbered around it
 * (`encodeMultipartText2`) in every package generated before the client aliased its imports, and
 * freeing the name would rename that operation at its next generation: a breaking change to a
 * package for nothing of its own. A name the runtime's imports gain from now on is imported under
 * `runtimeLocal`'s name and reserved nowhere: never add one here.
 */
export const FROZEN_CLIENT_IMPORTS: readonly string[] = [
  // The body encoders.
  "encodeMultipart",
  "encodeUrlencoded",
  "encodeJson",
  "encodeRaw",
  "encodeBinary",
  "encodeGraphql",
  "encodeJsonUnquoted",
  "encodeRawUnquoted",
  "encodeGraphqlUnquoted",
  "encodeMultipartInOrder",
  "encodeMultipartText",
  // The authorizers.
  "authorizeBearer",
  "authorizeApiKey",
  "authorizeBasic",
  "authorizeOAuth1",
  "authorizeAwsV4",
  "authorizeDigest",
  "authorizeHawk",
  "authorizeOAuth2",
  "authorizeJwt",
  "authorizeEdgeGrid",
  "authorizeSigned",
  // The request features.
  "sendHeaderArg",
  "fillDefault",
  "fillPathVariable",
  "readFileArg",
  "readJsonText",
  "writeQuery",
  "namedSecrets",
  "sendNamedHeaderArg",
  // The core, the environments, the dynamic variables and types.
  "createCore",
  "ClientOptions",
  "Core",
  "RequestOptions",
  "ApiPromise",
  "ApiError",
  "CallSpec",
  "OperationSpec",
  "EnvironmentSpec",
  "environmentScopes",
  "dynamicVariable",
];

const FROZEN_NAMES: ReadonlySet<string> = new Set(FROZEN_CLIENT_IMPORTS);

/**
 * The type of a value sent as its text (path variables, query parameters, headers, form fields):
 * declared once in the shapes' module (emit/modules/shared.ts) and re-exported by the client, so
 * argument types read `page_size?: Text | Text[]`. Reserved below, so that no shape (one inferred
 * under a key `text`) or operation takes it.
 */
export const TEXT_ALIAS = "Text";

/** Names an operation may not take: the runtime's public ones, the frozen imports and the client module's own. */
export const RESERVED_IDENTIFIERS: readonly string[] = [
  ...FROZEN_CLIENT_IMPORTS,
  ...PUBLIC_NAMES,
  "createClient",
  "createBaseClient",
  // The parameter of createClient and createBaseClient, in whose scope createClient binds the
  // root's operations: a request named "Options" (an OPTIONS request's usual name) was shadowed.
  "options",
  "baseClient",
  "BaseClient",
  "RateLimitLabel",
  "operations",
  "defaultBaseUrl",
  "defaultVariables",
  "environments",
  "EnvironmentName",
  "responseChecks",
  "Client",
  "Variables",
  TEXT_ALIAS,
  // The CommonJS build's module scope (layout.ts): a top-level `function require` or `exports`
  // would shadow it.
  "require",
  "exports",
  // An exported `then` makes the module thenable: `await import(pkg)` would call it and resolve
  // to whatever it returns instead of the module.
  "then",
];

/** Words that cannot name a binding (a function or a const): keywords and the global constants. */
export const KEYWORDS: ReadonlySet<string> = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package " +
    "private protected public await arguments eval undefined NaN Infinity"
  ).split(" "),
);
