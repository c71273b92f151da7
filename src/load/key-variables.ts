// `{{variables}}` in a query parameter's key or a body field's name (`?{{sortKey}}=asc`). Postman
// fills them when it sends; the client fills values, never names (a name is an argument, decided
// when the package is generated). So a key is filled here, once, with the values the collection
// gives the request, and a key they cannot fill is left out: either way with a warning.
import { credentialLeftOut, WHERE } from "./arg.js";
import { literalCredential } from "./credentials.js";
import { hasTemplate } from "./json.js";
import type { LoadedArg, Warning } from "../model/types.js";

/** How deep a value may refer to other variables (`{{a}}` = `{{b}}_x`) before the key is given up. */
const MAX_DEPTH = 8;

export function fillKeys(
  args: readonly LoadedArg[],
  value: (name: string) => string | undefined,
  warnings: Warning[],
): LoadedArg[] {
  return args.flatMap((arg) => {
    if ((arg.in !== "query" && arg.in !== "body") || !hasTemplate(arg.name)) return [arg];
    const what = `${WHERE[arg.in]} key ${JSON.stringify(arg.name)}`;
    let name = arg.name;
    let missing: string | undefined;
    for (let depth = 0; depth < MAX_DEPTH && hasTemplate(name) && missing === undefined; depth++) {
      name = name.replace(/\{\{([^{}]+)\}\}/g, (whole, variable: string) => {
        const found = value(variable);
        if (found === undefined) missing ??= variable;
        return found ?? whole;
      });
    }
    if (missing !== undefined || hasTemplate(name) || name === "") {
      const why =
        missing !== undefined
          ? `{{${missing}}} has no value in the collection`
          : name === ""
            ? "its variables' values make it empty"
            : "its variables refer to each other too deep";
      warnings.push({
        source: arg.source,
        message: `the ${what} refers to variables, which the client cannot fill in a key, and ${why}: left out (an onRequest hook can add it)`,
      });
      return [];
    }
    warnings.push({
      source: arg.source,
      message: `the ${what} refers to variables, which the client cannot fill in a key: it sends ${JSON.stringify(name)}, their value in the collection (another value given later, in an environment or a call, does not change it)`,
    });
    // The key may now say that its value is a credential, which the loader checked under the old one.
    const { example, ...rest } = arg;
    const examples = Array.isArray(example) ? example : [example];
    if (examples.some((one) => literalCredential(name, one))) {
      warnings.push(credentialLeftOut(arg.in, name, arg.source));
      return [{ ...rest, name }];
    }
    return [{ ...arg, name }];
  });
}
