// The client option that gives an operation's credential in place of the collection's values
// (`createClient({ token })` for `Authorization: Bearer {{token}}`), with the auth's fields it
// replaces: a call made with the option needs no value for the variables only those fields refer
// to. The runtime's authorizers take the option first (src/runtime/auth.ts) and name it in the
// error of a variable without a value. Both the option and its fields are read off the command
// line's table, which gives the option from its flags (CREDENTIAL_FLAGS' `fields`, authOptions), as
// the README's examples do (emit/example-inputs.ts): one definition of which option replaces which
// fields. Only the schemes whose option replaces every credential field at once (an API key's
// name is not its credential): OAuth 1.0a's parts may be given one by one, each winning over the
// collection's, and a JWT's option holds the secret or the private key its algorithm wants.
import { authOptions, CREDENTIAL_FLAGS, takesFlag } from "../command-line/credentials.js";
import type { CredentialOption as OptionName } from "../runtime/auth.js";
import type { AuthSpec } from "../runtime/spec.js";
import type { AuthModel } from "../model/types.js";

export interface CredentialOption {
  option: OptionName;
  /** The auth's keys the option replaces. */
  fields: string[];
}

/**
 * The auth types whose one option stands for the whole credential: the runtime takes it whole (a
 * signer's too, emit/test-credentials.ts: Digest's, Hawk's, AWS's, EdgeGrid's).
 */
const WHOLE: ReadonlySet<AuthModel["type"]> = new Set([
  "bearer",
  "apikey",
  "basic",
  "digest",
  "hawk",
  "awsv4",
  "edgegrid",
]);

export function credentialOption(auth: AuthModel): CredentialOption | undefined {
  if (!WHOLE.has(auth.type)) return undefined;
  const spec = auth as AuthSpec;
  const flags = CREDENTIAL_FLAGS.filter((flag) => takesFlag(flag, spec));
  const [option, ...more] = Object.keys(authOptions({ auth: spec }, new Map(flags.map((f) => [f.flag, f.flag]))));
  return option !== undefined && !more.length
    ? { option: option as OptionName, fields: flags.flatMap((flag) => [...flag.fields]) }
    : undefined;
}
