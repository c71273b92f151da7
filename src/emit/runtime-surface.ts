// The runtime's public names: what an emitted package's index re-exports beside the client, and
// what the client module imports. One table, read by index-module.ts to write the exports and by
// client.ts to reserve the names: an operation named like one of them ("To file" → `toFile`)
// would otherwise be shadowed in the index by the runtime's export (an explicit export wins over
// `export *` without a word), or clash with an import in the client.

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
      "ConnectionError",
      "TimeoutError",
      "ValidationError",
    ],
    types: [],
  },
  { module: "./runtime/api-promise.js", values: ["ApiPromise"], types: ["WithResponse"] },
  { module: "./runtime/uploads.js", values: ["fileFromPath", "toFile"], types: ["FileData"] },
  { module: "./runtime/core.js", values: [], types: ["ClientOptions", "Hooks", "HookRequest", "RequestOptions"] },
  { module: "./runtime/auth.js", values: [], types: ["AuthOptions", "Credential", "SignableRequest"] },
  { module: "./runtime/oauth2.js", values: [], types: ["OAuth2Options", "OAuth2Token"] },
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
  "OperationSpec",
  "EnvironmentSpec",
  "environmentScopes",
];

/** Every runtime name an emitted package's modules export or import. */
export const RUNTIME_NAMES: readonly string[] = [
  ...INDEX_EXPORTS.flatMap((m) => [...m.values, ...m.types]),
  ...CLIENT_IMPORTS,
];
