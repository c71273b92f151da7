// What the emitted README's examples give the operation they call, decided once for the three of
// them (the client's, the mocks' and the command line's): the client options its credentials go
// in, and the variables it must be given. Each used to decide it on its own, and they drifted:
// the client's example passed Basic, Digest, Hawk, AWS, EdgeGrid, JWT and OAuth 2 credentials as
// `variables` (a secret in a plain object beside the path's values) where the mocks' gave the
// option and the command line exported its flag's environment variable, and gave `token` in place
// of `oauth1` when another operation took a bearer token (Twitter Ads' mistake, back); the mocks'
// and the command line's gave that token beside the call's own credentials. The generator's own
// module: no package copies it.
import { authOptions, CREDENTIAL_FLAGS, takesFlag } from "../command-line/credentials.js";
import { references, REFERENCES } from "../model/references.js";
import type { ApiModel, OperationModel } from "../model/types.js";
import type { AuthOptions } from "../runtime/auth.js";
import type { AuthSpec } from "../runtime/spec.js";
import { keyAlgorithm, type KeyAlgorithm } from "../runtime/signing-keys.js";

export interface ExampleInputs {
  /**
   * The client options the example gives, each value the command line's flag that gives it
   * (`{ oauth1: { consumerKey: "consumer-key", … } }`): those its operation's auth takes, and no
   * other (not `token` because some other operation takes one: the call never sends it). The
   * flags' environment variables are what the command line reads, so that one variable serves
   * every example.
   */
  options: AuthOptions;
  /** The same flags, in the order the command line lists them. */
  flags: string[];
  /** The variables the example passes, which have no value otherwise (unsetVariables). */
  variables: string[];
  /**
   * What an example that runs offline as written (the mocks') gives each of `variables`: a part of
   * the base URL, the part of {@link OFFLINE_BASE} it stands for, so that the URL is one (Plaid's
   * base is `https://{{env_url}}`: with "…" the client refused every call, "… is not a valid
   * URL"); any other, `test-<name>` (a header cannot carry "…", which is beyond Latin-1).
   */
  offline: Record<string, string>;
  /**
   * The algorithm of the private key the operation's signer takes, where `options` give one (an
   * RSA or EC key): an example that runs offline makes a key of it, since the signer refuses a
   * placeholder ("not a PEM private key").
   */
  key?: KeyAlgorithm;
}

/** The base URL of the examples that run offline: a reserved name (RFC 2606), never a real host. */
export const OFFLINE_BASE = "https://api.example.test";

export function exampleInputs(model: ApiModel, op: OperationModel): ExampleInputs {
  const spec = op.auth as AuthSpec;
  const flags = CREDENTIAL_FLAGS.filter((c) => takesFlag(c, spec));
  // The auth's fields the options take the place of: the example passes no variable for them.
  const variables = unsetVariables(
    model,
    op,
    flags.flatMap((c) => c.fields),
  );
  const values = valuesOf(model, op);
  const base = baseParts(expanded(op.base ?? model.baseUrl, values));
  const options = authOptions({ auth: spec }, new Map(flags.map((c) => [c.flag, c.flag])));
  // A setting left a {{variable}} names no algorithm: no key.
  const key = Object.values(options).some((option) => typeof option === "object" && "privateKey" in option)
    ? keyAlgorithm(op.auth, (template) => (template === undefined ? undefined : expanded(template, values)))
    : undefined;
  return {
    options,
    flags: flags.map((c) => c.flag),
    variables,
    offline: Object.fromEntries(variables.map((name) => [name, base.get(name) ?? `test-${name}`])),
    ...(key ? { key } : {}),
  };
}

/** The collection's values, the request's over them, as the client takes them. */
function valuesOf(model: ApiModel, op: OperationModel): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>(model.variables.map((v) => [v.name, v.default]));
  for (const [name, value] of Object.entries(op.variables ?? {})) values.set(name, value);
  return values;
}

/** A template with the values it has filled in, through the values they refer to; the others kept as `{{name}}`. */
function expanded(template: string, values: Map<string, string | undefined>, seen = new Set<string>()): string {
  return template.replace(REFERENCES, (whole, name: string) => {
    const value = values.get(name);
    if (value === undefined || value === "" || seen.has(name)) return whole;
    return expanded(value, values, new Set([...seen, name]));
  });
}

/**
 * The part of OFFLINE_BASE each variable left in a base URL stands for, by where it stands: the
 * scheme before `://`, the whole URL at the start (`{{baseUrl}}/v2`), the host after `://`
 * (`https://{{env_url}}`), else one label or segment (`https://{{region}}.example.com`).
 */
function baseParts(base: string): Map<string, string> {
  const { protocol, host } = new URL(OFFLINE_BASE);
  const parts = new Map<string, string>();
  for (const match of base.matchAll(REFERENCES)) {
    const before = base.slice(0, match.index);
    const after = base.slice(match.index + match[0].length);
    const part = after.startsWith("://")
      ? protocol.slice(0, -1)
      : before === ""
        ? OFFLINE_BASE
        : before.endsWith("://")
          ? host
          : "example";
    if (!parts.has(match[1]!)) parts.set(match[1]!, part);
  }
  return parts;
}

/**
 * The variables an operation sends that the collection gives no value (secrets left out of the
 * client, values the collection leaves empty), followed through the values it does give: the
 * README's example passes each, so that it runs as written. The auth's fields its client option
 * gives (`given`: a bearer token as `token`, OAuth 1's consumer key and secrets as `oauth1`) need none.
 */
function unsetVariables(model: ApiModel, op: OperationModel, given: readonly string[]): string[] {
  const values = valuesOf(model, op);
  const seen = new Set<string>();
  const unset: string[] = [];
  const visit = (value: unknown) => {
    for (const name of references(value)) {
      if (seen.has(name)) continue;
      seen.add(name);
      const given = values.get(name);
      if (given === undefined || given === "") unset.push(name);
      else visit(given);
    }
  };
  visit([op.base ?? model.baseUrl, op.path, ...op.args.map((a) => a.default ?? null)]);
  visit(Object.entries(op.auth).flatMap(([field, value]) => (given.includes(field) ? [] : [value])));
  return unset;
}

/**
 * The environment the README's examples choose, the collection's first (its section's example and
 * the mocks' note), and the variables a client made for it is asked for: its secrets, and its
 * values left out as they cannot be encoded. Undefined for a collection generated without one.
 * Only those a request refers to: an environment often holds secrets no request uses (or uses
 * only in a value left out of the client, as a cookie header written out in part), and
 * `variables` takes only the keys of `Variables`, so naming one there breaks the example.
 */
export function exampleEnvironment(model: ApiModel): { name: string; asked: string[] } | undefined {
  const first = model.environments?.[0];
  const referred = new Set(model.variables.map((v) => v.name));
  return (
    first && {
      name: first.name,
      asked: [...first.secrets, ...(first.unencodable ?? [])].filter((key) => referred.has(key)),
    }
  );
}
