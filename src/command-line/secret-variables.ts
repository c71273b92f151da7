// Which of a collection's variables hold secrets: one decision, for the command line (which masks
// their values wherever it prints them) and the client (whose errors mask them, src/runtime/redact.ts).
// The generator's own module: no package copies it.
import { authCredentials } from "../load/scopes.js";
import type { ApiModel } from "../model/types.js";
import { namesCredential } from "../runtime/credential-names.js";
import { variablesIn } from "./credentials.js";

/**
 * The variables whose values are secrets by the generator's rule (src/runtime/credential-names.ts,
 * environment.ts and scopes.ts), which the command line masks wherever it prints them and the
 * client's errors mask (ClientDefaults.secrets), of the variables the requests use: the secrets
 * of the environments and of the globals, every one whose name names a
 * credential (`secret_key`, `apiSecret`, `session_token`), and those the collection's auth takes
 * (through the values that refer to them). None of their values is in the package: a user gives them.
 */
export function secretVariables(model: ApiModel): string[] {
  let found = SECRETS.get(model);
  if (!found) SECRETS.set(model, (found = secretsOf(model)));
  return [...found];
}

/**
 * By model: the client's root module asks in each of its faces (and the API diff's names once
 * more), the command line and its README once each, and each answer walks every operation.
 */
const SECRETS = new WeakMap<ApiModel, readonly string[]>();

function secretsOf(model: ApiModel): string[] {
  const environments = model.environments ?? [];
  // The variables the requests use: the client's `Variables` (which holds, in turn, those the values
  // they may take refer to: src/load/scopes.ts), and what the operations' own values refer to. An
  // environment's or the globals' secret that no request uses is none of the package's: the
  // command line would list an environment variable for it that nothing reads.
  const names = new Set(model.variables.map((v) => v.name));
  variablesIn([model.baseUrl, model.variables.map((v) => v.default)], names);
  for (const op of model.operations)
    variablesIn([op.base, op.path, op.args.map((a) => a.default), op.auth, op.variables], names);
  for (const e of environments)
    variablesIn(
      Object.entries(e.values).flatMap(([name, value]) => (names.has(name) ? [value] : [])),
      names,
    );
  const secrets = new Set(
    [...environments.flatMap((e) => e.secrets), ...(model.globalSecrets ?? [])].filter((name) => names.has(name)),
  );
  const auth = authCredentials(
    model,
    environments.flatMap((e) => Object.entries(e.values)),
  );
  for (const name of names) if (namesCredential(name) || auth.has(name)) secrets.add(name);
  return [...secrets].sort();
}
