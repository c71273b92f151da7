// The client's auth options (the runtime's `AuthOptions`), one entry each: which auth types'
// operations take it, what the README's options table says of it, and whether its parts must all
// be strings. Keyed by AuthOptions' own members, so that a member added to the runtime without an
// entry, or an entry left for a member removed, fails to compile: the table once listed `token`,
// `apiKey` and `basic` alone, so Twitter Ads' README never named `oauth1`, the option its
// credentials go in.
import type { ApiModel, AuthModel } from "../model/types.js";
import type { AuthOptions } from "../runtime/auth.js";

/**
 * Whether an option's value is an object some of whose parts must be given as strings
 * (`basic: { username: string; password: string }`): an example reading them from `process.env`
 * (`string | undefined`) then says they are strings, or it does not compile.
 */
type StrictParts<T> = T extends (...args: never[]) => unknown
  ? false
  : T extends object
    ? {} extends { [K in keyof T as undefined extends T[K] ? never : K]: T[K] }
      ? false
      : true
    : false;

export interface AuthOption<K extends keyof AuthOptions> {
  /** The auth types whose operations the option serves: the table lists it for a package that has one. */
  readonly types: ReadonlyArray<AuthModel["type"]>;
  /** Its row's meaning, markdown; `code` writes a code span as the table writes it. */
  readonly meaning: (code: (text: string) => string, model: ApiModel) => string;
  readonly strictParts: StrictParts<NonNullable<AuthOptions[K]>>;
  /**
   * Whether the option takes `null`, no auth at all (auth.ts's `declined`): its row then says so,
   * in `declinedText`'s words. Read off AuthOptions' own type, so that it cannot be left out.
   */
  readonly takesNull: null extends AuthOptions[K] ? true : false;
}

/**
 * What every option that takes `null` says of it, the same for all: a call without the option
 * (where the collection has no credential either) is refused, and `null` sends no auth at all.
 * Said whether or not an operation leaves its auth empty: a `{{variable}}` without a value refuses
 * the call too, and `null` sends none in place of the collection's credentials as well.
 */
export function declinedText(code: (text: string) => string): string {
  return `Without it, where the collection has no credential either, a call is refused; ${code("null")} sends no auth at all, on purpose (an ${code("onRequest")} hook adds it).`;
}

/** An option's row in the README's options table: its meaning, and what `null` does where it takes one. */
export function optionMeaning(key: keyof AuthOptions, code: (text: string) => string, model: ApiModel): string {
  const option = AUTH_OPTIONS[key];
  const meaning = option.meaning(code, model);
  return option.takesNull ? `${meaning} ${declinedText(code)}` : meaning;
}

/** In the order of the README's table. */
export const AUTH_OPTIONS: { readonly [K in keyof Required<AuthOptions>]: AuthOption<K> } = {
  // OAuth 2.0's operations take it too ("`token` wins over it"): the table named it only where
  // some operation took a bearer token, while the examples of an OAuth 2.0 call passed it.
  token: {
    types: ["bearer", "oauth2"],
    // Where the operations send it: an OAuth 2.0 token may go in the query, or with another prefix.
    meaning: (code, model) => {
      const ways = new Set(model.operations.flatMap((op) => tokenSent(op.auth, code) ?? []));
      return `A string, or a function returning one per request (for expiring OAuth tokens), sent ${[...ways].join(", or ")}${ways.size > 1 ? ", as each operation's auth says" : ""}.`;
    },
    strictParts: false,
    takesNull: true,
  },
  apiKey: {
    types: ["apikey"],
    meaning: () =>
      "A string or a function returning one, sent where the collection's API key auth says (header or query).",
    strictParts: false,
    takesNull: true,
  },
  basic: {
    types: ["basic"],
    meaning: (code) => `${code("{ username, password }")} for HTTP Basic auth.`,
    strictParts: true,
    takesNull: true,
  },
  oauth1: {
    types: ["oauth1"],
    meaning: () =>
      "`{ consumerKey, consumerSecret, token, tokenSecret }` (`privateKey` for the RSA methods) for OAuth 1.0a, which the client signs each request with; each part given wins over the collection's `{{variable}}`.",
    strictParts: false,
    takesNull: true,
  },
  digest: {
    types: ["digest"],
    meaning: () => "`{ username, password }` for HTTP Digest auth.",
    strictParts: true,
    takesNull: true,
  },
  hawk: {
    types: ["hawk"],
    meaning: () => "`{ id, key, algorithm? }` for Hawk, which the client signs each request with.",
    strictParts: true,
    takesNull: true,
  },
  aws: {
    types: ["awsv4"],
    meaning: () =>
      "`{ accessKeyId, secretAccessKey, sessionToken? }` for AWS Signature Version 4, which the client signs each request with.",
    strictParts: true,
    takesNull: true,
  },
  edgegrid: {
    types: ["edgegrid"],
    meaning: () =>
      "`{ clientToken, clientSecret, accessToken }` for Akamai EdgeGrid, which the client signs each request with.",
    strictParts: true,
    takesNull: true,
  },
  jwt: {
    types: ["jwt"],
    meaning: () => "`{ secret }` (HS algorithms) or `{ privateKey }` (PEM) that the JWT is signed with.",
    strictParts: false,
    takesNull: true,
  },
  oauth2: {
    types: ["oauth2"],
    meaning: () =>
      "`{ clientId, clientSecret, username, password, authorize, token, onToken }` for the OAuth 2.0 grant the client runs itself, keeping and renewing the token; `token` wins over it (`token: null` too: no auth, and no grant run).",
    strictParts: false,
    takesNull: false,
  },
  // For the schemes the client cannot compute (custom auth: NTLM, a type it does not know).
  sign: {
    types: ["custom"],
    meaning: (code, model) => {
      const custom = [
        ...new Set(model.operations.flatMap((op) => (op.auth.type === "custom" ? [op.auth.scheme] : []))),
      ];
      return `${code("(request) => void")}: signs requests whose auth the client cannot compute (${custom.map(code).join(", ")}) by setting headers or query parameters on ${code("request")}. Without it, those requests reject with a ${code("ValidationError")}.`;
    },
    strictParts: false,
    takesNull: false,
  },
};

/** Whether some operation of the package takes the option. */
export function takesOption(model: ApiModel, option: keyof AuthOptions): boolean {
  const { types } = AUTH_OPTIONS[option];
  return model.operations.some((op) => types.includes(op.auth.type));
}

/**
 * How an operation's auth sends the `token` option (`as \`Authorization: Bearer <token>\``), or
 * undefined when it takes none: for the options table and each operation's auth (docs.ts's
 * authText). An OAuth 2.0 token goes as the collection says, with a grant too (the option wins
 * over the grant's token and goes where it would).
 */
export function tokenSent(auth: AuthModel, code: (text: string) => string): string | undefined {
  if (auth.type === "bearer") return `as ${code("Authorization: Bearer <token>")}`;
  if (auth.type !== "oauth2") return undefined;
  return auth.addTokenTo === "queryParams"
    ? `as the query parameter ${code("access_token")}`
    : `as ${code(`Authorization: ${auth.headerPrefix ?? "Bearer"} <token>`)}`;
}
