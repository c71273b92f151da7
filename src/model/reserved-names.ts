// The one table of names an operation may not take, read by the naming pass (naming.ts) and by
// the emitter that writes those names: what an emitted package's index re-exports from the
// runtime, what its client module imports and declares, and the words that cannot name a binding.
// The index (emit/index-module.ts) writes its exports and the client (emit/client.ts) its imports
// from these lists, so a name the package gains is reserved by the same edit: an operation named
// like one of them ("To file" -> `toFile`) would otherwise be shadowed in the index by the
// runtime's export (an explicit export wins over `export *` without a word), or clash with an
// import in the client. test/emit/runtime-names.test.ts names a request after each of them.

import type { EncoderName } from "../runtime/bodies.js";
import type { RequestFeatures } from "../runtime/request.js";

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
  { module: "./runtime/core.js", values: [], types: ["ClientOptions", "Hooks", "HookRequest", "RequestOptions"] },
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

/**
 * Names the client module imports from the runtime besides the encoders and authorizers (client.ts
 * writes the imports; test/emit/runtime-names.test.ts checks that each imported name is reserved).
 */
export const CLIENT_IMPORTS: readonly string[] = [
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

/** Every runtime name an emitted package's modules export or import. */
export const RUNTIME_NAMES: readonly string[] = [
  ...INDEX_EXPORTS.flatMap((m) => [...m.values, ...m.types]),
  ...CLIENT_IMPORTS,
];

/**
 * The runtime's body encoders (runtime/bodies.ts, whose `encoderName` chooses an operation's), which
 * the client imports by name: each is a name the client module may hold.
 */
export const ENCODER_NAMES: readonly EncoderName[] = [
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
];

/** The runtime's authorizers, by the spec's auth type (the client imports those it uses). */
export const AUTHORIZERS: Readonly<Record<string, string>> = {
  bearer: "authorizeBearer",
  apikey: "authorizeApiKey",
  basic: "authorizeBasic",
  oauth1: "authorizeOAuth1",
  awsv4: "authorizeAwsV4",
  digest: "authorizeDigest",
  hawk: "authorizeHawk",
  oauth2: "authorizeOAuth2",
  jwt: "authorizeJwt",
  edgegrid: "authorizeEdgeGrid",
  custom: "authorizeSigned",
};

/**
 * The runtime's request features (runtime/request-features.ts), by the key the core takes each
 * under (the client imports those its operations need). One for every key of RequestFeatures, as
 * the command line's table (command-line/dispatch.ts) has: a feature the runtime adds without its
 * name here does not compile.
 */
export const FEATURES: Readonly<Record<keyof RequestFeatures, string>> = {
  headerArgs: "sendHeaderArg",
  defaults: "fillDefault",
  pathVariables: "fillPathVariable",
  file: "readFileArg",
  jsonText: "readJsonText",
  query: "writeQuery",
  sentSecrets: "namedSecrets",
};

/** The `headerArgs` feature of an operation with a header whose name refers to variables (runtime/header-names.ts). */
export const NAMED_HEADER_ARGS = "sendNamedHeaderArg";

/**
 * The type of a value sent as its text (path variables, query parameters, headers, form fields):
 * declared once in the shapes' module (emit/modules/shared.ts) and re-exported by the client, so
 * argument types read `page_size?: Text | Text[]`. Reserved below, so that no shape (one inferred
 * under a key `text`) or operation takes it.
 */
export const TEXT_ALIAS = "Text";

/** Names an operation may not take: the runtime's and the client module's own. */
export const RESERVED_IDENTIFIERS: readonly string[] = [
  ...ENCODER_NAMES,
  ...Object.values(AUTHORIZERS),
  ...Object.values(FEATURES),
  NAMED_HEADER_ARGS,
  ...RUNTIME_NAMES,
  "createClient",
  "createBaseClient",
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
