// The credentials the emitted README's examples give (the client's, the mocks' and the command
// line's), decided once from the command line's flags: the generator's own module, no package copies it.
import type { AuthModel } from "../model/types.js";
import type { AuthOptions } from "../runtime/auth.js";
import type { AuthSpec } from "../runtime/spec.js";
import { authOptions, CREDENTIAL_FLAGS, takesFlag } from "./credentials.js";

/**
 * The client options an auth's credentials go in, each value the flag that gives it
 * (`{ oauth1: { consumerKey: "consumer-key", … } }`), and the auth's fields they take the place
 * of, which an example that gives the options passes no variable for. The flags' environment
 * variables are what the command line reads, so that one variable serves every example.
 */
export function optionFlags(auth: AuthModel): { options: AuthOptions; fields: string[] } {
  if (auth.type === "none") return { options: {}, fields: [] };
  const spec = auth as AuthSpec;
  const flags = CREDENTIAL_FLAGS.filter((c) => takesFlag(c, spec));
  return {
    options: authOptions({ auth: spec }, new Map(flags.map((c) => [c.flag, c.flag]))),
    fields: flags.flatMap((c) => c.fields),
  };
}
