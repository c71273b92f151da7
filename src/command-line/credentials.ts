// Credentials on the command line: a flag per credential the package's auth schemes take, each also
// read from an environment variable named after the package (`--token` or `ZOOM_API_TOKEN`). Their
// values go into the client's options and nowhere else: never printed, masked in `--dry-run`.
import type { AuthOptions } from "../runtime/auth.js";
import type { AuthSpec, OperationSpec } from "../runtime/spec.js";
import { kebab } from "./names.js";

type AuthType = AuthSpec["type"];

export interface CredentialFlag {
  readonly flag: string;
  readonly description: string;
  /** The auth types that take it. */
  readonly types: readonly AuthType[];
  /** Whether an auth of those types takes it, by its settings (a signature method, an algorithm, a grant); absent: always. */
  readonly when?: (auth: AuthSpec) => boolean;
  /** Not a secret (a user name, a client id): still never printed by the command line itself. */
  readonly public?: boolean;
  /** The fields of those auth types' specs it takes the place of (`token`, `clientSecret`). */
  readonly fields: readonly string[];
  /**
   * The part of the client option it gives, as the option names it (`hawk: { key }`: `key`), the
   * same under each option that takes it; absent for an option that is the credential (`token`).
   * A refusal naming the parts missing (ValidationError's `parts`) names their flags by it.
   */
  readonly part?: string;
}

/** Whether a setting may be a value that `value` matches: one a `{{variable}}` decides may be any. */
const may = (setting: string | undefined, value: RegExp) =>
  setting?.includes("{{") === true || value.test(setting?.trim() ?? "");
/** OAuth 1.0a signs with a private key for RSA-SHA*, else (HMAC-SHA*, PLAINTEXT; HMAC-SHA1 by default) with the secrets. */
const oauth1Rsa = (auth: AuthSpec) => auth.type === "oauth1" && may(auth.signatureMethod, /^RSA(-|$)/i);
const oauth1Secrets = (auth: AuthSpec) => auth.type !== "oauth1" || may(auth.signatureMethod, /^(?!RSA(-|$))/i);
/** A JWT is signed with a secret for HS* (HS256 by default), else (RS*, PS*, ES*) with a private key. */
const jwtSecret = (auth: AuthSpec) => auth.type === "jwt" && may(auth.algorithm, /^(HS|$)/i);
const jwtKey = (auth: AuthSpec) => auth.type === "jwt" && may(auth.algorithm, /^(?!HS|$)/i);
/** The OAuth 2.0 grants the command line runs (the authorization code grant needs a browser: a token is given). */
const grantRuns = (auth: AuthSpec) =>
  auth.type !== "oauth2" || auth.grant === "client_credentials" || auth.grant === "password";
const passwordGrant = (auth: AuthSpec) => auth.type !== "oauth2" || auth.grant === "password";

/** Every credential flag, in the order help lists them. */
export const CREDENTIAL_FLAGS: readonly CredentialFlag[] = [
  {
    flag: "token",
    fields: ["token"],
    description: "access token, sent as the collection's auth says (Bearer)",
    types: ["bearer", "oauth2"],
  },
  {
    flag: "api-key",
    fields: ["value"],
    description: "API key, sent in the header or query parameter the collection names",
    types: ["apikey"],
  },
  {
    flag: "username",
    part: "username",
    fields: ["username"],
    description: "user name (Basic, Digest, OAuth 2.0 password grant)",
    types: ["basic", "digest", "oauth2"],
    when: passwordGrant,
    public: true,
  },
  {
    flag: "password",
    part: "password",
    fields: ["password"],
    description: "password (Basic, Digest, OAuth 2.0 password grant)",
    types: ["basic", "digest", "oauth2"],
    when: passwordGrant,
  },
  {
    flag: "client-id",
    part: "clientId",
    fields: ["clientId"],
    description: "OAuth 2.0 client id",
    types: ["oauth2"],
    when: grantRuns,
    public: true,
  },
  {
    flag: "client-secret",
    part: "clientSecret",
    fields: ["clientSecret"],
    description: "OAuth 2.0 client secret, or EdgeGrid client_secret",
    types: ["oauth2", "edgegrid"],
    when: grantRuns,
  },
  {
    flag: "scope",
    part: "scope",
    fields: ["scope"],
    description: "OAuth 2.0 scope, in place of the collection's",
    types: ["oauth2"],
    when: grantRuns,
    public: true,
  },
  {
    flag: "consumer-key",
    part: "consumerKey",
    fields: ["consumerKey"],
    description: "OAuth 1.0a consumer key",
    types: ["oauth1"],
    public: true,
  },
  {
    flag: "consumer-secret",
    part: "consumerSecret",
    fields: ["consumerSecret"],
    description: "OAuth 1.0a consumer secret",
    types: ["oauth1"],
    when: oauth1Secrets,
  },
  { flag: "oauth1-token", part: "token", fields: ["token"], description: "OAuth 1.0a token", types: ["oauth1"] },
  {
    flag: "token-secret",
    part: "tokenSecret",
    fields: ["tokenSecret"],
    description: "OAuth 1.0a token secret",
    types: ["oauth1"],
    when: oauth1Secrets,
  },
  {
    flag: "private-key",
    part: "privateKey",
    fields: ["privateKey"],
    description: "PEM private key (OAuth 1.0a RSA-SHA*, JWT RS*, PS*, ES*)",
    types: ["oauth1", "jwt"],
    when: (auth) => oauth1Rsa(auth) || jwtKey(auth),
  },
  {
    flag: "jwt-secret",
    part: "secret",
    fields: ["secret"],
    description: "JWT signing secret (HS algorithms)",
    types: ["jwt"],
    when: jwtSecret,
  },
  {
    flag: "access-key-id",
    part: "accessKeyId",
    fields: ["accessKey"],
    description: "AWS access key id",
    types: ["awsv4"],
    public: true,
  },
  {
    flag: "secret-access-key",
    part: "secretAccessKey",
    fields: ["secretKey"],
    description: "AWS secret access key",
    types: ["awsv4"],
  },
  {
    flag: "session-token",
    part: "sessionToken",
    fields: ["sessionToken"],
    description: "AWS session token (temporary credentials)",
    types: ["awsv4"],
  },
  { flag: "hawk-id", part: "id", fields: ["authId"], description: "Hawk id", types: ["hawk"], public: true },
  { flag: "hawk-key", part: "key", fields: ["authKey"], description: "Hawk key", types: ["hawk"] },
  {
    flag: "client-token",
    part: "clientToken",
    fields: ["clientToken"],
    description: "EdgeGrid client_token",
    types: ["edgegrid"],
  },
  {
    flag: "access-token",
    part: "accessToken",
    fields: ["accessToken"],
    description: "EdgeGrid access_token",
    types: ["edgegrid"],
  },
];

/** Whether an auth takes a credential flag: by its type, and by its settings. */
export function takesFlag(flag: CredentialFlag, auth: AuthSpec | undefined): boolean {
  return auth !== undefined && flag.types.includes(auth.type) && (flag.when?.(auth) ?? true);
}

/**
 * The credential flags that give what `{{variable}}` stands for in the operations' auth (a token, a
 * key the collection wrote out): the flag of each field whose value refers to it.
 */
export function flagsGiving(operations: readonly OperationSpec[], variable: string): string[] {
  const flags = new Set<string>();
  for (const op of operations) {
    const fields = Object.entries(op.auth ?? {}).flatMap(([field, value]) =>
      typeof value === "string" && value.includes(`{{${variable}}}`) ? [field] : [],
    );
    for (const c of CREDENTIAL_FLAGS)
      if (takesFlag(c, op.auth) && c.fields.some((f) => fields.includes(f))) flags.add(`--${c.flag}`);
  }
  return [...flags];
}

/** The credential flags that the operations' auth takes. */
export function credentialFlags(operations: readonly OperationSpec[]): CredentialFlag[] {
  return CREDENTIAL_FLAGS.filter((c) => operations.some((op) => takesFlag(c, op.auth)));
}

/** The auth settings that hold secrets (the others are ids, user names, URLs, algorithms). */
const SECRET_SETTINGS = new Set([
  "token",
  "value",
  "password",
  "clientSecret",
  "consumerSecret",
  "tokenSecret",
  "privateKey",
  "secret",
  "authKey",
  "secretKey",
  "sessionToken",
  "accessToken",
  "clientToken",
]);

/**
 * The `{{variables}}` an operation's auth refers to (its credentials where the collection keeps
 * them in variables); `secret`: only those in settings that hold secrets.
 */
export function authVariables(op: Pick<OperationSpec, "auth">, secret = false): string[] {
  const names = new Set<string>();
  for (const [setting, value] of Object.entries(op.auth ?? {})) {
    if (secret && !SECRET_SETTINGS.has(setting)) continue;
    if (typeof value === "string") for (const match of value.matchAll(/\{\{([^{}]+)\}\}/g)) names.add(match[1]!);
  }
  return [...names];
}

/**
 * The `{{variables}}` an operation takes from environment variables as well as from `--variable`:
 * its auth's, and every secret one (a flag is seen by other users of the machine; the environment
 * is not). `secretVariables` is the package's list (CommandLine.secretVariables).
 */
export function environmentVariables(op: OperationSpec, secretVariables: readonly string[] = []): string[] {
  // A name of no letters or digits has no environment variable (it would be the prefix alone).
  return [...new Set([...authVariables(op), ...secretVariables])].filter((name) => kebab(name) !== "");
}

/** The `{{variables}}` that the strings of a value refer to, at any depth, in order. */
export function variablesIn(value: unknown, names: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") for (const match of value.matchAll(/\{\{([^{}]+)\}\}/g)) names.add(match[1]!);
  else if (Array.isArray(value)) for (const item of value) variablesIn(item, names);
  else if (value !== null && typeof value === "object")
    for (const item of Object.values(value)) variablesIn(item, names);
  return names;
}

/** The `{{variables}}` an operation's own values refer to: its base, path, arguments' defaults, variables and auth. */
export function referencedVariables(
  // Structural, so that the generator's OperationModel is one too.
  op: {
    readonly base?: string | undefined;
    readonly path: string;
    readonly args: ReadonlyArray<{ readonly default?: unknown }>;
    readonly variables?: unknown;
    readonly auth?: unknown;
  },
): string[] {
  return [...variablesIn([op.base, op.path, op.args.map((a) => a.default), op.variables, op.auth])];
}

/**
 * The argument whose default is all that refers to `name` of an operation's values (not its base,
 * path, own variables or auth): given, the variable is not needed. `--help` and the README say so.
 */
export function argumentReferring(
  op: Omit<Parameters<typeof referencedVariables>[0], "args"> & {
    readonly args: ReadonlyArray<{ readonly arg: string; readonly default?: unknown }>;
  },
  name: string,
): string | undefined {
  if (variablesIn([op.base, op.path, op.variables, op.auth]).has(name)) return undefined;
  return op.args.find((a) => variablesIn(a.default).has(name))?.arg;
}

/**
 * The client's auth options for an operation, from the credentials given. A signing auth's parts
 * given are passed as they are: some of a set (CREDENTIAL_SETS) only reach here under --dry-run
 * (run.ts refuses them otherwise), which signs with placeholders for the rest, the given kept.
 */
export function authOptions(op: Pick<OperationSpec, "auth">, given: ReadonlyMap<string, string>): AuthOptions {
  const get = (flag: string) => given.get(flag);
  const options: AuthOptions = {};
  const type = op.auth?.type;
  const username = get("username");
  const password = get("password");
  switch (type) {
    case "bearer":
      if (get("token") !== undefined) options.token = get("token")!;
      break;
    case "apikey":
      if (get("api-key") !== undefined) options.apiKey = get("api-key")!;
      break;
    case "basic":
      if (username !== undefined) options.basic = { username, password: password ?? "" };
      break;
    case "digest":
      if (username !== undefined) options.digest = { username, password: password ?? "" };
      break;
    case "oauth2": {
      if (get("token") !== undefined) options.token = get("token")!;
      const oauth2 = defined({
        clientId: get("client-id"),
        clientSecret: get("client-secret"),
        username,
        password,
        scope: get("scope"),
      });
      if (Object.keys(oauth2).length) options.oauth2 = oauth2;
      break;
    }
    case "oauth1": {
      const oauth1 = defined({
        consumerKey: get("consumer-key"),
        consumerSecret: get("consumer-secret"),
        token: get("oauth1-token"),
        tokenSecret: get("token-secret"),
        privateKey: get("private-key"),
      });
      if (Object.keys(oauth1).length) options.oauth1 = oauth1;
      break;
    }
    case "jwt": {
      const jwt = defined({ secret: get("jwt-secret"), privateKey: get("private-key") });
      if (Object.keys(jwt).length) options.jwt = jwt;
      break;
    }
    case "awsv4": {
      const aws = defined({ accessKeyId: get("access-key-id"), secretAccessKey: get("secret-access-key") });
      if (Object.keys(aws).length)
        options.aws = { ...(aws as Required<typeof aws>), ...defined({ sessionToken: get("session-token") }) };
      break;
    }
    case "hawk": {
      const hawk = defined({ id: get("hawk-id"), key: get("hawk-key") });
      if (Object.keys(hawk).length) options.hawk = hawk as Required<typeof hawk>;
      break;
    }
    case "edgegrid": {
      const edgegrid = defined({
        clientToken: get("client-token"),
        clientSecret: get("client-secret"),
        accessToken: get("access-token"),
      });
      if (Object.keys(edgegrid).length) options.edgegrid = edgegrid as Required<typeof edgegrid>;
      break;
    }
    default:
      break;
  }
  return options;
}

/** Which credentials an auth type needs together, for the message when only some are given. */
export const CREDENTIAL_SETS: Partial<Record<AuthType, readonly string[]>> = {
  awsv4: ["access-key-id", "secret-access-key"],
  hawk: ["hawk-id", "hawk-key"],
  edgegrid: ["client-token", "client-secret", "access-token"],
};

function defined<T extends Record<string, string | undefined>>(values: T): { [K in keyof T]?: string } {
  const out: { [K in keyof T]?: string } = {};
  for (const key of Object.keys(values) as Array<keyof T>) if (values[key] !== undefined) out[key] = values[key];
  return out;
}
