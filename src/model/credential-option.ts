// The client option that gives an operation's credential in place of the collection's values
// (`createClient({ token })` for `Authorization: Bearer {{token}}`), with the auth's fields it
// replaces: a call made with the option needs no value for the variables only those fields refer
// to. The runtime's authorizers take the option first (src/runtime/auth.ts) and name it in the
// error of a variable without a value. Only the schemes whose option replaces every credential
// field at once: a signed scheme's parts may be given one by one, and an API key's name is not
// its credential.
import type { AuthModel } from "./types.js";

export interface CredentialOption {
  option: "token" | "apiKey" | "basic";
  /** The auth's keys the option replaces. */
  fields: string[];
}

export function credentialOption(auth: AuthModel): CredentialOption | undefined {
  switch (auth.type) {
    case "bearer":
      return { option: "token", fields: ["token"] };
    case "apikey":
      return { option: "apiKey", fields: ["value"] };
    case "basic":
      return { option: "basic", fields: ["username", "password"] };
    default:
      return undefined;
  }
}
