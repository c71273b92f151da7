// A usage error (exit 2) said in one line, in the form of every other refusal (`command line at
// --ot: unknown option (did you mean --out?)`), instead of yargs' whole help above its message;
// a CodegenError, so that --json prints it as it prints a refused option value.
import { didYouMean, nearest } from "./command-line/names.js";
import { CodegenError } from "./errors.js";

export const COMMANDS = ["generate", "pull", "diff", "mock"] as const;

/** What the command knows: its option names (aliases among them), or none for the top level. */
export interface UsageContext {
  command: string | undefined;
  options: readonly string[];
}

/**
 * The usage error for yargs' `message` about the arguments `args`. An unknown option is found in
 * the arguments themselves, as the user typed it (`--no-such-option`, not yargs' `such-option,
 * suchOption`); the nearest known option or command is offered when one is near.
 */
export function usageError(message: string, args: readonly string[], context: UsageContext): CodegenError {
  const at = (where: string | undefined, problem: string) => new CodegenError("command line", where, problem);
  const help = `postman-codegen ${context.command ? `${context.command} ` : ""}--help`;
  const option = unknownOption(args, context.options);
  if (option?.after !== undefined) {
    // Only the word's first letter: the rest may be a value attached to it (`-eSECRET`), which
    // yargs reads as more letters, each then quoted back as an unknown option (`-S`).
    return at(
      option.after,
      context.options.includes(option.after.slice(1))
        ? `what follows it in the same word is neither read nor shown (a value goes after a space: ${option.after} <value>)`
        : `unknown option (${help} lists them; what follows it in the same word is not shown: it may be a value)`,
    );
  }
  if (option !== undefined) {
    const name = option.name.replace(/^--?(no-)?/, "");
    // After a command (cli.ts, commandOptions), meant as the package's version or as the generator's.
    if (option.name === "--version" && context.command !== undefined) {
      const own = context.options.includes("package-version") ? "the package's version is --package-version; " : "";
      return at(option.name, `unknown option after a command (${own}the generator's: postman-codegen --version)`);
    }
    const near = nearest(
      name,
      context.options.filter((o) => o.length > 1),
    );
    return at(option.name, `unknown option ${near ? `(did you mean --${near}?)` : `(${help} lists them)`}`);
  }
  const refused = refusedChoice(message);
  if (refused !== undefined) {
    // Given nothing (`--fail-on` last, or before another option): the option is typed as a string,
    // so that yargs reads "" rather than `true`, which was quoted back as if the user had typed it.
    return at(
      `--${refused.option}`,
      refused.given === ""
        ? `needs a value: one of ${refused.choices.join(", ")}`
        : `${JSON.stringify(refused.given)} is not one of ${refused.choices.join(", ")}${didYouMean(refused.given, refused.choices)}`,
    );
  }
  const unknown = /^Unknown arguments?: (.*)$/.exec(message)?.[1]?.split(", ")[0];
  if (unknown !== undefined && context.command === undefined) {
    const near = nearest(unknown, COMMANDS);
    return at(
      unknown,
      `unknown command ${near ? `(did you mean ${near}?)` : `(the commands: ${COMMANDS.join(", ")})`}`,
    );
  }
  if (unknown !== undefined) return at(unknown, `one argument too many (${help})`);
  return at(undefined, `${message} (${help})`);
}

/**
 * The first argument naming an option the command does not have: a long one as typed (without its
 * `=value`); a short one by the first letter of its word alone (`after`) when that word has more
 * (`-eSECRET`, `-xSECRET`), as the rest may be a value attached to it, never to be quoted back.
 */
function unknownOption(
  args: readonly string[],
  options: readonly string[],
): { name: string; after?: undefined } | { after: string } | undefined {
  const known = new Set(options);
  for (const arg of args) {
    if (arg === "--") return undefined;
    const long = /^--([^=]+)/.exec(arg);
    if (long) {
      const name = long[1]!;
      if (!known.has(name) && !(name.startsWith("no-") && known.has(name.slice(3)))) return { name: `--${name}` };
      continue;
    }
    // `-e` or grouped short flags (`-eh`); a negative number is a value.
    const short = /^-([^-=\d][^=]*)/.exec(arg);
    if (!short) continue;
    const letters = [...short[1]!];
    if (!letters.some((c) => !known.has(c))) continue;
    return letters.length === 1 ? { name: `-${letters[0]!}` } : { after: `-${letters[0]!}` };
  }
  return undefined;
}

/**
 * The first value refused by an option's `choices` (`--fail-on mayor`), from yargs' message of
 * several lines (`Invalid values:` then `  Argument: fail-on, Given: "mayor", Choices: "major", …`),
 * which would break the one line a usage error is said in.
 */
function refusedChoice(message: string): { option: string; given: string; choices: string[] } | undefined {
  const line = /^Invalid values:\n\s*Argument: ([^,\n]+), Given: (.*), Choices: (.*)$/m.exec(message);
  if (!line) return undefined;
  const quoted = (text: string) =>
    [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]!}"`) as string);
  // Given twice, an option that takes one value holds both: the first refused is said.
  const given = quoted(line[2]!)[0] ?? line[2]!;
  return { option: line[1]!, given, choices: quoted(line[3]!) };
}
