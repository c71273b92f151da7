// The emitted README's "Command line" section: the command's name, a working example for the
// operation the README's other examples use, and the credentials' flags and variables.
import { exampleArgs } from "../emit/examples.js";
import { codeSpan } from "../emit/templates.js";
import type { ApiModel, OperationModel } from "../model/types.js";
import type { OperationSpec } from "../runtime/spec.js";
import { authSpec } from "../emit/client.js";
import { exampleInputs } from "../emit/example-inputs.js";
import { credentialFlags } from "./credentials.js";
import { shellQuote } from "./curl.js";
import { binName, operationHelp, terminalText } from "./emit-command-line.js";
import { secretVariables } from "./secret-variables.js";
import { environmentNames } from "./environment-names.js";
import { envName } from "./names.js";
import { readingOf } from "./reading.js";
import { commandOf, otherBases } from "./run.js";

export interface CommandLineReadme {
  /** The command's name, as a code span. */
  bin: string;
  /** A fence no backtick in the example can close. */
  fence: string;
  /** The example: the README's example operation's required flags, and its help. */
  exampleCode: string;
  /** `--token` (`ZOOM_API_TOKEN`), …: the credentials the package's auth takes. */
  credentials: string;
  /** `secret_key` (`PLAID_API_SECRET_KEY`), …: the secret variables, each with its environment variable, one a line. */
  secretVariables: string;
  /** The environment variable of the base URL, as a code span. */
  baseUrlEnv: string;
  /** The bases other than the client's that requests go to, as code spans; empty without any. */
  otherBases: string;
  /** The Postman environments' names, as code spans; empty without environments. */
  environments: string;
}

/** The specs as the command line reads them: names, arguments and auth are all it needs for its words, flags and environment variables. */
function specOf(op: OperationModel): OperationSpec {
  return {
    name: op.name,
    namespace: op.namespace,
    item: op.item,
    folder: op.folder,
    method: op.method,
    path: op.path,
    args: op.args.map((a) => ({
      arg: a.arg,
      name: a.name,
      in: a.in,
      required: a.required,
      ...(a.type ? { type: a.type } : {}),
    })),
    ...(op.base !== undefined ? { base: op.base } : {}),
    ...(op.body ? { body: op.body.encoding } : {}),
    ...authSpec(op),
    responses: [],
  };
}

export function commandLineReadme(
  model: ApiModel,
  packageName: string,
  first: OperationModel | undefined,
): CommandLineReadme | undefined {
  if (!first) return undefined;
  const bin = binName(packageName);
  const prefix = envName(bin);
  const specs = model.operations.map(specOf);
  const spec = specs[model.operations.indexOf(first)]!;
  const { words, flags } = commandOf(
    specs,
    spec,
    operationHelp(first),
    model.environments?.map((e) => e.name),
  );
  const values = new Map(exampleArgs(first).map(([arg, value]) => [arg.arg, value]));
  const parts = flags
    .filter((f) => f.spec.required && values.has(f.spec.arg))
    .map((f) => {
      const value = values.get(f.spec.arg);
      const reading = readingOf(spec, f.spec, f.help?.kind);
      const text =
        reading === "file"
          ? "@./file.bin"
          : reading !== "json" && typeof value === "string"
            ? value
            : JSON.stringify(value);
      return `--${f.flag} ${shellQuote(terminalText(text).replace(/\n/g, " "))}`;
    });
  const command = [`npx ${bin}`, ...words].join(" ");
  const credentials = credentialFlags(specs);
  const secrets = secretVariables(model);
  // As the package's command line names them: from the auth its operations have (authSpec, as the
  // package's own specs hold it).
  const names = environmentNames({ envPrefix: prefix, operations: specs, secretVariables: secrets });
  // What the client's example gives, the same way: its auth's credentials by their flags'
  // environment variables (OAuth 1's four, not the variables they stand in for: Twitter Ads'
  // example exported its secret variables and left `consumer_key` out, so it failed as written),
  // and each variable without a value, a secret from the environment as the README advises, any
  // other with --variable.
  const { flags: given, variables: unset } = exampleInputs(model, first);
  const variables = unset
    .filter((name) => !secrets.includes(name))
    .map((name) => `--variable ${shellQuote(`${name}=…`)}`);
  const exampleCode = [
    ...new Set([
      ...given.map((flag) => `export ${names.credentials.get(flag)!}=…`),
      ...unset.filter((name) => secrets.includes(name)).map((name) => `export ${names.variables.get(name)!}=…`),
    ]),
    [command, ...parts, ...variables].join(" "),
    `${command} --help`,
  ].join("\n");
  return {
    bin: codeSpan(bin),
    fence: "`".repeat(Math.max(3, ...(exampleCode.match(/`+/g) ?? []).map((run) => run.length + 1))),
    exampleCode,
    credentials: credentials
      .map((c) => `${codeSpan(`--${c.flag}`)} or ${codeSpan(names.credentials.get(c.flag)!)}`)
      .join(", "),
    // One a line, under the README's bullet: a package may have many.
    secretVariables: secrets
      .flatMap((name) => {
        const env = names.variables.get(name);
        return env === undefined ? [] : [`\n  ${codeSpan(name)} (${codeSpan(env)})`];
      })
      .join(","),
    baseUrlEnv: codeSpan(names.baseUrl),
    otherBases: otherBases(specs).map(codeSpan).join(", "),
    environments: (model.environments ?? []).map((e) => codeSpan(e.name)).join(", "),
  };
}
