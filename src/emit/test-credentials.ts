// The credential a signing auth lacks, which the generated tests pass as the client's option. A
// part the collection does not give at all (no field: a JWT's HS256 without its secret, Hawk
// without its key, AWS without its secret key) has no variable for the tests' placeholders to fill
// (testVariables), and the client refuses every call without it (runtime/auth.ts's noCredential):
// the package's own test of the request then saw none arrive. The tests give it as a caller would,
// in the option that takes it, so that the request is still sent and checked, as the tests give
// `token`, `apiKey` and `basic` to every client (test-cases.ts's testSetup). A private key is
// marked with its algorithm and made when the tests run, as test-keys.ts's are: no emitted file
// holds a key.
import { lookupFor } from "./expectations.js";
import type { ApiModel, OperationModel } from "../model/types.js";
import type { CredentialOption } from "../runtime/auth.js";
import { keyAlgorithm, type KeyAlgorithm } from "../runtime/signing-keys.js";
import { signerSetting } from "./test-keys.js";

/** What a case passes as one credential option: its parts' test values, and a private key to make. */
export interface TestCredential {
  option: CredentialOption;
  /** Each part's test value, `test-<part>`: none of these is checked on the wire (each signature changes per call). */
  parts: Record<string, string>;
  /** The option's `privateKey`, made of this algorithm when the tests run (testkit/test-keys.ts). */
  privateKey?: KeyAlgorithm;
}

/**
 * The option the tests pass for `op`'s auth where the collection lacks a part the signer needs,
 * as the signers read it (runtime/jwt.ts, oauth1.ts, hawk.ts, aws-sigv4.ts, edgegrid.ts,
 * digest.ts, each by its needCredential); undefined where it has them all. An option the runtime
 * takes whole (Hawk's, AWS's, EdgeGrid's, Digest's) is given whole, the parts the collection has
 * too: the collection's own then go unused, but only signatures, never checked, carry them. AWS's
 * session token is passed where the collection has one, so that the request carries it as the
 * collection's would (given keys take none of the collection's).
 */
export function testCredential(
  model: ApiModel,
  op: OperationModel,
  variables: Record<string, string>,
): TestCredential | undefined {
  const auth = op.auth;
  const missing = (...fields: Array<string | undefined>) => fields.some((field) => field === undefined);
  const placeholders = (...names: string[]) => Object.fromEntries(names.map((name) => [name, `test-${name}`]));
  // Only the fields absent are given: the others keep the collection's (their variables the tests fill).
  const absent = (fields: Record<string, string | undefined>) =>
    placeholders(...Object.keys(fields).filter((name) => fields[name] === undefined));
  switch (auth.type) {
    case "jwt":
    case "oauth1": {
      const setting = signerSetting(lookupFor(model, variables, op.variables), op);
      const algorithm = keyAlgorithm(auth, setting);
      const credential: TestCredential = {
        option: auth.type,
        parts: auth.type === "oauth1" ? absent({ consumerKey: auth.consumerKey }) : {},
      };
      if (algorithm) {
        if (auth.privateKey === undefined) credential.privateKey = algorithm;
      } else if (auth.type === "jwt") {
        // HS256 when absent, as the signer reads it; another unknown algorithm the client refuses.
        const written = auth.algorithm === undefined ? "HS256" : setting(auth.algorithm);
        if (written !== undefined && /^HS(256|384|512)$/.test(written))
          Object.assign(credential.parts, absent({ secret: auth.secret }));
      } else Object.assign(credential.parts, absent({ consumerSecret: auth.consumerSecret }));
      return Object.keys(credential.parts).length || credential.privateKey ? credential : undefined;
    }
    case "hawk":
      return missing(auth.authId, auth.authKey) ? { option: "hawk", parts: placeholders("id", "key") } : undefined;
    case "awsv4":
      return missing(auth.accessKey, auth.secretKey)
        ? {
            option: "aws",
            parts: placeholders(
              "accessKeyId",
              "secretAccessKey",
              ...(auth.sessionToken !== undefined ? ["sessionToken"] : []),
            ),
          }
        : undefined;
    case "edgegrid":
      return missing(auth.clientToken, auth.clientSecret, auth.accessToken)
        ? { option: "edgegrid", parts: placeholders("clientToken", "clientSecret", "accessToken") }
        : undefined;
    case "digest":
      // The password may be empty (as Basic's): the username alone is needed.
      return missing(auth.username) ? { option: "digest", parts: placeholders("username", "password") } : undefined;
    default:
      return undefined;
  }
}
