// Which environment variable each input of the command line reads: the base URL, each credential
// flag, each `{{variable}}` it reads from the environment. One table, for what run.ts reads, what
// --help and its refusals name and what the package's README lists, so that they never disagree.
//
// Each input's own name is the prefix and its name in capitals (envName: `ZOOM_API` + `--token`
// → `ZOOM_API_TOKEN`). That folds case and punctuation (`apiKey`, `api_key`), and a word the two
// share is said once (`ZOOM_API` + `api_key` → `ZOOM_API_KEY`, `--api-key`'s too), so two inputs
// may want one name: a value meant for a header would then be sent as AWS's session token. Where
// they do, the first in this order keeps it (names users already have in their shells): the base
// URL, the credential flags in their table's order, the variables by name; each other one gets a
// name of its own, that no input wants as its own name: a variable's with `_VAR` appended, a
// flag's (only a package whose prefix ends in a flag's first word makes two flags meet) spelled
// whole, without the shared word folded; then `_2`, `_3`, ….
//
// One input, not two: a variable that IS a credential, the whole value of an auth setting that a
// credential flag gives, is read under the flag's name, whatever it is called (`{{session_token}}`
// as AWS's session token, and Twitter Ads' `{{access_token}}` as OAuth 1's token, which
// `--oauth1-token` gives): the help named `$…_OAUTH1_TOKEN` for the flag and `$…_ACCESS_TOKEN` for
// the variable, two names for one credential, both of which worked. Only where the flag gives that
// one variable: Graph's bearer tokens are `{{AppAccessToken}}` in some folders and
// `{{UserAccessToken}}` in others; both read under `$GRAPH_TOKEN` merged two credentials into one
// name, and `$GRAPH_APP_ACCESS_TOKEN`, which the help's rule (`$GRAPH_<NAME>`) promised, went
// unread. Each keeps its own name (the flag's is still read, as the flag, which wins over both).
import type { OperationSpec } from "../runtime/spec.js";
import {
  CREDENTIAL_FLAGS,
  credentialFlags,
  environmentVariables,
  takesFlag,
  variablesIn,
} from "./credentials.js";
import { envName } from "./names.js";
import type { CommandLine } from "./types.js";

export interface EnvironmentNames {
  /** The base URL's (`--base-url`). */
  readonly baseUrl: string;
  /** By credential flag, as it is written without its dashes (`token`). */
  readonly credentials: ReadonlyMap<string, string>;
  /** By `{{variable}}`, for those the command line reads from the environment. */
  readonly variables: ReadonlyMap<string, string>;
}

type Source = Pick<CommandLine, "envPrefix" | "operations" | "secretVariables">;

/** The environment variables of a package's command line (see above). */
export function environmentNames(cli: Source): EnvironmentNames {
  let names = TABLES.get(cli);
  if (!names) TABLES.set(cli, (names = tableOf(cli)));
  return names;
}

/** By command line: help, a refusal and the run each ask, and the README once per package. */
const TABLES = new WeakMap<Source, EnvironmentNames>();

function tableOf(cli: Source): EnvironmentNames {
  const own = (name: string) => envName(cli.envPrefix, name);
  const flags = credentialFlags(cli.operations).map((c) => c.flag);
  const variables = [
    ...new Set(cli.operations.flatMap((op) => environmentVariables(op, cli.secretVariables))),
  ].sort();
  // Every input's own name: a name given in place of one is none of them.
  const wanted = new Set([own("base-url"), ...flags.map(own), ...variables.map(own)]);
  const used = new Set<string>();
  /** Its own name, else `fallback`, numbered past the names used and wanted. */
  const assign = (mine: string, fallback: string): string => {
    let name = mine;
    for (let n = 1; used.has(name) || (name !== mine && wanted.has(name)); n++)
      name = n === 1 ? fallback : `${fallback}_${n}`;
    used.add(name);
    return name;
  };
  const baseUrl = assign(own("base-url"), own("base-url"));
  const credentials = new Map(
    flags.map(
      (flag) => [flag, assign(own(flag), `${envName(cli.envPrefix)}_${envName(flag)}`)] as const,
    ),
  );
  const names = new Map<string, string>();
  for (const name of variables) {
    const flag = flags.find((f) => onlyVariable(cli.operations, f) === name);
    names.set(
      name,
      flag !== undefined ? credentials.get(flag)! : assign(own(name), `${own(name)}_VAR`),
    );
  }
  return { baseUrl, credentials, variables: names };
}

/**
 * The one `{{variable}}` the auth settings that `flag` gives refer to, in every operation that
 * takes it, where it is the whole value of one of them; undefined where they refer to none, to
 * more than one, or to it within other text.
 */
function onlyVariable(operations: readonly OperationSpec[], flag: string): string | undefined {
  const credential = CREDENTIAL_FLAGS.find((c) => c.flag === flag)!;
  const values = operations.flatMap((op) =>
    takesFlag(credential, op.auth)
      ? credential.fields.flatMap((field) => {
          const value = (op.auth as Record<string, unknown>)[field];
          return typeof value === "string" ? [value] : [];
        })
      : [],
  );
  const named = [...variablesIn(values)];
  return named.length === 1 && values.includes(`{{${named[0]!}}}`) ? named[0] : undefined;
}
