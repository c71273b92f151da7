// Private keys made when the tests run, for the variables a case marks as a signer's private key
// (its `keys`): the collection gives them no value, and the placeholder every other such variable
// gets (`test-<name>`) is no key an RSA or EC signer can import. Made here rather than written into
// the case, so that no emitted file holds a key.

/**
 * The algorithm a key is made for, as WebCrypto names it: the runtime's KeyAlgorithm (its signers
 * import the key with it), written out again since a package carries only the runtime modules it
 * reaches, and a bearer-only one no signer.
 */
export type KeyAlgorithm =
  | { name: "RSASSA-PKCS1-v1_5" | "RSA-PSS"; hash: "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512" }
  | { name: "ECDSA"; namedCurve: "P-256" | "P-384" | "P-521" };

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

async function privateKeyPem(algorithm: KeyAlgorithm): Promise<string> {
  const params =
    algorithm.name === "ECDSA"
      ? algorithm
      : { ...algorithm, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };
  const pair = await crypto.subtle.generateKey(params, true, ["sign", "verify"]);
  const der = Buffer.from(await crypto.subtle.exportKey("pkcs8", pair.privateKey));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString("base64").replace(/(.{64})(?=.)/g, "$1\n")}\n-----END PRIVATE KEY-----\n`;
}
