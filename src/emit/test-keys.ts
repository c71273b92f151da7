// Which variables an operation's signer reads as its private key while the generated tests give
// them a placeholder (`test-<name>`, testVariables): an RSA or EC signer refuses that text ("not a
// PEM private key"), so the package's own test of the request failed. The case marks each such
// variable with the algorithm its key is imported with, and the test kit makes a key of it when
// the tests run (src/testkit/test-keys.ts): no emitted file holds a key. Which key is the
// runtime's keyAlgorithm (runtime/signing-keys.ts), as for the README's offline examples
// (emit/example-inputs.ts) and the command line's --dry-run.
import { lookupFor } from "./expectations.js";
import type { ApiModel, OperationModel } from "../model/types.js";
import { keyAlgorithm, type KeyAlgorithm } from "../runtime/signing-keys.js";
import { fillTemplate, type Lookup } from "../runtime/template.js";
import { wholeReference } from "../model/references.js";

/**
 * The variables of `variables` (the tests' placeholders) that `op`'s signer reads as its private
 * key, each with its key's algorithm; undefined when there is none. A variable the collection
 * gives a value keeps it: it is no placeholder.
 */
export function testKeys(
  model: ApiModel,
  op: OperationModel,
  variables: Record<string, string>,
): Record<string, KeyAlgorithm> | undefined {
  const lookup = lookupFor(model, variables, op.variables);
  const auth = op.auth;
  const algorithm = keyAlgorithm(auth, signerSetting(lookup, op));
  const privateKey = (auth as { privateKey?: string }).privateKey;
  const name = algorithm && privateKey !== undefined ? placeholderOf(privateKey, lookup, variables) : undefined;
  if (name === undefined) return undefined;
  const keys: Record<string, KeyAlgorithm> = {};
  Object.defineProperty(keys, name, { value: algorithm, enumerable: true, writable: true, configurable: true });
  return keys;
}

/**
 * The placeholder variable a template is, itself or through the values it refers to
 * (`{{key}}`, or `{{key}}` whose value is `{{rsaKey}}`); undefined for any other text.
 */
function placeholderOf(template: string, lookup: Lookup, variables: Record<string, string>): string | undefined {
  const seen = new Set<string>();
  let text: string | undefined = template;
  while (text !== undefined) {
    const name: string | undefined = wholeReference(text);
    if (name === undefined || seen.has(name)) return undefined;
    if (Object.prototype.hasOwnProperty.call(variables, name)) return name;
    seen.add(name);
    text = lookup(name);
  }
  return undefined;
}

/**
 * A signer's setting as it reads it when a call is made (runtime/jwt.ts, runtime/oauth1.ts): its
 * `{{variables}}` filled; undefined where it has none or the client refuses it (then it makes no key
 * and no credential: test-credentials.ts).
 */
export function signerSetting(
  lookup: Lookup,
  op: OperationModel,
): (template: string | undefined) => string | undefined {
  return (template) => {
    try {
      return template === undefined ? undefined : fillTemplate(template, lookup, op.name);
    } catch {
      return undefined;
    }
  };
}
