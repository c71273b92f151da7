// Private keys made when the tests run, for the variables a case marks as a signer's private key
// (its `keys`): the collection gives them no value, and the placeholder every other such variable
// gets (`test-<name>`) is no key an RSA or EC signer can import. Made here rather than written into
// the case, so that no emitted file holds a key; made by the runtime's privateKeyPem, as the
// command line's --dry-run makes one, so that both make what the signer imports.
import { privateKeyPem, type KeyAlgorithm } from "../src/runtime/signing-keys.js";

/** One key per algorithm for the run: an RSA key takes a while to make, and many cases may sign. */
const made = new Map<string, Promise<string>>();

/** Each marked variable's value: a PKCS #8 PEM private key of its algorithm. */
export async function privateKeys(
  keys: Record<string, KeyAlgorithm>,
): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const [name, algorithm] of Object.entries(keys)) {
    const id = JSON.stringify(algorithm);
    let pem = made.get(id);
    if (!pem) made.set(id, (pem = privateKeyPem(algorithm)));
    // Defined, so that a variable named `__proto__` is one too.
    Object.defineProperty(values, name, {
      value: await pem,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return values;
}
