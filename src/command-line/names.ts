// The command line's names: commands and flags in kebab case, from the client's names and the
// collection's keys, each unique where it is used.
import { kebab } from "../runtime/did-you-mean.js";
import type { ArgSpec, OperationSpec } from "../runtime/spec.js";
import type { ArgHelp, OperationHelp } from "./types.js";

// In the runtime, where a client's refusal of an unknown environment names the one meant too: one
// judge of a typo for the client, both command lines and the config's schema errors.
export { didYouMean, editDistance, isNear, kebab, nearest } from "../runtime/did-you-mean.js";

/** `ZOOM_API` from `zoom-api`, `@acme/zoom` → `ACME_ZOOM`: the prefix of the environment variables. */
export function envName(...parts: string[]): string {
  const words: string[] = [];
  for (const part of parts) {
    const next = kebab(part).toUpperCase().split("-").filter(Boolean);
    // No stutter where one part ends with the word the next begins with: ZOOM_API + API_KEY is ZOOM_API_KEY.
    if (words.length && next.length && words[words.length - 1] === next[0]) next.shift();
    words.push(...next);
  }
  return words.join("_");
}

/** One flag of an operation: the argument it sets, its name, and the other names it answers to. */
export interface ArgFlag {
  readonly flag: string;
  /** The collection's key and the argument's key, where they differ from `flag` and are free. */
  readonly aliases: readonly string[];
  readonly spec: ArgSpec;
  readonly help: ArgHelp | undefined;
}

/** Text that can follow `--` as one flag name. */
function usable(name: string): boolean {
  return name !== "" && !name.startsWith("-") && !/[=\s]/.test(name);
}

/**
 * The flags of an operation's arguments. Each is its key in kebab case; one that a global flag or
 * an earlier argument has is prefixed with its place (`--query-timeout`, `--body-id`), then numbered
 * (`--query-timeout-2`).
 * The collection's own key and the argument's key are accepted too where no flag has them.
 */
export function argFlags(op: OperationSpec, help: OperationHelp | undefined, reserved: ReadonlySet<string>): ArgFlag[] {
  const taken = new Set(reserved);
  const helpOf = new Map((help?.args ?? []).map((a) => [a.arg, a]));
  const primaries = op.args.map((spec) => {
    const base = kebab(spec.arg) || kebab(spec.name) || "arg";
    // A key the client already prefixed with its place (the second `timeout` of a query is
    // `query_timeout`, model/naming.ts's argKeys) is numbered, as the client numbers it, not
    // prefixed again (`--query-query-timeout`).
    const placed = base.startsWith(`${spec.in}-`) ? base : `${spec.in}-${base}`;
    let flag = [base, placed].find((c) => !taken.has(c));
    for (let n = 2; flag === undefined; n++) if (!taken.has(`${placed}-${n}`)) flag = `${placed}-${n}`;
    taken.add(flag);
    return flag;
  });
  return op.args.map((spec, i) => {
    const aliases: string[] = [];
    for (const name of [spec.name, spec.arg]) {
      if (usable(name) && !taken.has(name)) {
        taken.add(name);
        aliases.push(name);
      }
    }
    return { flag: primaries[i]!, aliases, spec, help: helpOf.get(spec.arg) };
  });
}

/** A node of the command tree: a namespace with its namespaces and commands. */
export interface CommandNode {
  /** The words that reach it (`["users", "user-id"]`). */
  readonly words: readonly string[];
  /** The Postman folders it stands for, when it is one. */
  readonly folder: readonly string[];
  readonly namespaces: Map<string, CommandNode>;
  readonly commands: Map<string, OperationSpec>;
  /** The namespaces by the client's name (`userId`). */
  readonly byName: Map<string, CommandNode>;
}

/** The client method's name of an operation (`name` is unique in the package, the method only in its namespace). */
export function memberName(op: OperationSpec): string {
  return op.member ?? op.name;
}

/** The tree of namespaces and commands, in the client's order; a word taken twice keeps the client's name the second time. */
export function commandTree(operations: readonly OperationSpec[]): CommandNode {
  const root: CommandNode = { words: [], folder: [], namespaces: new Map(), commands: new Map(), byName: new Map() };
  for (const op of operations) {
    let node = root;
    op.namespace.forEach((name, depth) => {
      let next = node.byName.get(name);
      if (!next) {
        const word = kebab(name) || name;
        const free = node.commands.has(word) || node.namespaces.has(word) ? name : word;
        next = {
          words: [...node.words, free],
          folder: op.folder.slice(0, depth + 1),
          namespaces: new Map(),
          commands: new Map(),
          byName: new Map(),
        };
        node.namespaces.set(free, next);
        node.byName.set(name, next);
      }
      node = next;
    });
    const member = memberName(op);
    const word = kebab(member) || member;
    node.commands.set(node.commands.has(word) || node.namespaces.has(word) ? member : word, op);
  }
  return root;
}
