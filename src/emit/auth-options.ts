// The client's auth options (the runtime's `AuthOptions`), one entry each: which auth types'
// operations take it, and whether its parts must all be strings. Keyed by AuthOptions' own members, so that a member added to the runtime without
// an entry, or an entry left for a member removed, fails to compile, and computed from its type.
import type { AuthModel } from "../model/types.js";
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
  /** The auth types whose operations the option serves. */
  readonly types: ReadonlyArray<AuthModel["type"]>;
  readonly strictParts: StrictParts<NonNullable<AuthOptions[K]>>;
}

export const AUTH_OPTIONS: { readonly [K in keyof Required<AuthOptions>]: AuthOption<K> } = {
  token: { types: ["bearer", "oauth2"], strictParts: false },
  apiKey: { types: ["apikey"], strictParts: false },
  basic: { types: ["basic"], strictParts: true },
  oauth1: { types: ["oauth1"], strictParts: false },
  digest: { types: ["digest"], strictParts: true },
  hawk: { types: ["hawk"], strictParts: true },
  aws: { types: ["awsv4"], strictParts: true },
  edgegrid: { types: ["edgegrid"], strictParts: true },
  jwt: { types: ["jwt"], strictParts: false },
  oauth2: { types: ["oauth2"], strictParts: false },
  sign: { types: ["custom"], strictParts: false },
};
