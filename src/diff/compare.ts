// Two surfaces compared, every change classified by what it does to a consumer's code:
// - major: code that compiled may not compile, or calls something else (a name, argument, enum
//   value, documented status or error code removed or renamed; an argument newly required; an
//   argument type narrowed, a list or a key it took no longer taken; a result type that old code
//   may not read, a key it read gone; auth, method, path or base URL changed, the base as the
//   collection's values fill it included; a variable the requests use left without a value, with
//   no environment or with one, so that a call passing nothing rejects);
// - minor: something added (an operation, an optional argument, an enum value, a documented
//   status or error code, a variable, an exported name), or a type widened where code passes
//   values (arguments) or refined where code reads them (a result assignable to the old one, with
//   its keys; code that builds one, a mock override or a fixture, may need updating, which the
//   change then says);
// - patch: what the request sends beyond its types, descriptions, examples that change no type;
// - nothing: anything the surface does not see (item order, ids, example order, whitespace).
// Type changes are asked of the TypeScript checker (judge-types.ts), both ways, with the keys.
import { codeSpan } from "../emit/templates.js";
import { references } from "../model/references.js";
import { shownRequestPath } from "../runtime/paths.js";
import { printable } from "../runtime/printable.js";
import { judgeTypes, narrowedByKeys, type Assignability, type TypePair } from "./judge-types.js";
import { levelRank, type Level, type Verdict } from "./levels.js";
import { memberPairs, REMOVED } from "./members.js";
import { compare, withoutCredentials, type ArgSurface, type OperationSurface, type Surface } from "./surface.js";

export type ChangeKind =
  | "operation-added"
  | "operation-removed"
  | "operation-renamed"
  | "namespace-added"
  | "namespace-removed"
  | "export-renamed"
  | "operation-name-changed"
  | "method-changed"
  | "path-changed"
  | "path-variable-renamed"
  | "auth-changed"
  | "body-changed"
  | "rate-limit-changed"
  | "rate-limit-added"
  | "argument-added"
  | "argument-removed"
  | "argument-renamed"
  | "argument-required"
  | "argument-optional"
  | "argument-moved"
  | "argument-type-narrowed"
  | "argument-type-widened"
  | "argument-type-changed"
  | "enum-value-added"
  | "enum-value-removed"
  | "status-added"
  | "status-removed"
  | "result-type-changed"
  | "result-type-refined"
  | "error-status-added"
  | "error-status-removed"
  | "error-code-added"
  | "error-code-removed"
  | "variable-added"
  | "variable-removed"
  | "variable-value-changed"
  | "variable-value-removed"
  | "variable-value-given"
  | "variable-needed"
  | "base-url-changed"
  | "environment-values-changed"
  | "environment-variable-secret"
  | "environment-variable-given"
  | "environment-variable-unset"
  | "environment-variable-set"
  | "environment-base-url-changed"
  | "api-not-compared"
  | "export-added"
  | "export-removed"
  | "export-type-refined"
  | "export-type-changed"
  | "request-changed"
  | "docs-changed"
  | "scripts-changed"
  | "examples-changed";

export interface ApiChange {
  level: Level;
  kind: ChangeKind;
  /** The operation (`client.users.updateUserStatus`) or namespace (`client.users`); absent for the package as a whole. */
  operation?: string;
  /** One line; values in code spans, so it reads as plain text and as markdown. */
  detail: string;
  /** A changed type's members that changed, each with its level; the detail names the first few. */
  members?: MemberChange[];
}

/** One member of a changed type: `{ path: "mask", change: "now optional", level: "major" }`. */
export interface MemberChange {
  /** `balances.current`, `accounts[].mask`; empty for the type itself (a union's member added). */
  path: string;
  change: string;
  level: Level;
}

export interface ApiDiff {
  verdict: Verdict;
  changes: ApiChange[];
}

export function verdictOf(changes: readonly ApiChange[]): Verdict {
  return changes.reduce<Verdict>((v, c) => (levelRank(c.level) > levelRank(v) ? c.level : v), "none");
}

/** The changes of both, package-level first, then by operation, each operation's in the order found. */
export function combine(...diffs: ApiDiff[]): ApiDiff {
  const changes = diffs.flatMap((d) => d.changes).map((change, i) => ({ change, i }));
  changes.sort((a, b) => compare(a.change.operation ?? "", b.change.operation ?? "") || a.i - b.i);
  const sorted = changes.map((c) => c.change);
  return { verdict: verdictOf(sorted), changes: sorted };
}

/** A type comparison to ask the checker, and what to make of its answer. */
interface PendingType {
  pair: TypePair;
  decide: (judged: Assignability) => void;
}

/** One comparison in progress: the changes found, and the type questions for the checker. */
class Comparison {
  readonly changes: ApiChange[] = [];
  readonly pending: PendingType[] = [];

  add(level: Level, kind: ChangeKind, operation: string | undefined, detail: string, members?: MemberChange[]): void {
    this.changes.push(change(level, kind, operation, detail, members));
  }
}

/**
 * A change, as `diff`, `--verbose` and CHANGELOG.md show it. Its detail quotes the collection (a
 * name, a method, a path) and the previous manifest: what could drive a terminal is left out.
 */
function change(
  level: Level,
  kind: ChangeKind,
  operation: string | undefined,
  detail: string,
  members?: MemberChange[],
): ApiChange {
  return {
    level,
    kind,
    ...(operation !== undefined ? { operation: printable(operation) } : {}),
    detail: printable(detail),
    ...(members
      ? { members: members.map((m) => ({ ...m, path: printable(m.path), change: printable(m.change) })) }
      : {}),
  };
}

/** The surfaces' differences, except what the packages export beside their operations. */
export function compareSurfaces(before: Surface, after: Surface): ApiDiff {
  return compared(before, after, false);
}

/**
 * Two packages' surfaces compared whole: the operations' and the names and shared types exported
 * beside them (compareExports), the type questions of both asked of one checker, which costs a
 * program over the ES library each time it is made.
 */
export function comparePackages(before: Surface, after: Surface): ApiDiff {
  return compared(before, after, true);
}

function compared(before: Surface, after: Surface, exports: boolean): ApiDiff {
  const c = new Comparison();
  // The template, and what it gives with the collection's values: a new value of `{{baseUrl}}`
  // sends every call elsewhere as surely as a new literal base does.
  const baseChanged = before.baseUrl !== after.baseUrl || differ(before.resolvedBaseUrl, after.resolvedBaseUrl);
  if (baseChanged)
    c.add(
      "major",
      "base-url-changed",
      undefined,
      `default base URL ${baseText(before.baseUrl, before.resolvedBaseUrl)} → ${baseText(after.baseUrl, after.resolvedBaseUrl)}`,
    );
  const variables = setDiff(before.variables, after.variables);
  for (const name of variables.removed)
    c.add("major", "variable-removed", undefined, `variable ${code(name)} removed from \`Variables\``);
  for (const name of variables.added)
    c.add("minor", "variable-added", undefined, `variable ${code(name)} added to \`Variables\``);
  // Both surfaces' digests of the variables that have a value (a description), when both recorded
  // them: a variable without one, added or removed, is said above and changes neither.
  const both = before.given !== undefined && after.given !== undefined;
  const old = (both && before.given) || { values: before.variableValues, docs: before.docs };
  const now = (both && after.given) || { values: after.variableValues, docs: after.docs };
  // Said of the base URL above where it changed with it, as of an environment's below.
  const resolution = resolutionChanged(before, after, before.unresolved, after.unresolved, baseChanged);
  // One that became a secret (a request now sends it as a credential) kept its value in the
  // collection: the package leaves it out. Older manifests record no secrets.
  const secret = (name: string) =>
    before.secrets !== undefined && !before.secrets.includes(name) && after.secrets?.includes(name);
  for (const name of resolution.lost)
    c.add(
      "major",
      "variable-value-removed",
      undefined,
      `variable ${code(name)} ${secret(name) ? "is now a secret, whose value the package leaves out" : "has no value in the collection any more"}: calls that do not pass it (nor choose an environment that gives it) reject`,
    );
  for (const name of resolution.found)
    c.add(
      "minor",
      "variable-value-given",
      undefined,
      `variable ${code(name)} now has a value in the collection: calls need not pass it`,
    );
  // A value the globals give, where the collection gives none, is no value of the collection's.
  if (old.values !== now.values)
    c.add(
      "patch",
      "variable-value-changed",
      undefined,
      both && before.given!.globals !== after.given!.globals
        ? "the values of its variables changed, the globals' among them (where the collection gives none)"
        : "the collection's values of its variables changed",
    );
  if (old.docs !== now.docs)
    c.add("patch", "docs-changed", undefined, "the collection's or its variables' descriptions changed");
  compareEnvironments(c, before, after, resolution);

  const namespaces = setDiff(namespacesOf(before), namespacesOf(after));
  for (const ns of namespaces.removed) c.add("major", "namespace-removed", ns, `namespace ${code(ns)} removed`);
  for (const ns of namespaces.added) c.add("minor", "namespace-added", ns, `namespace ${code(ns)} added`);

  const oldOps = new Map(before.operations.map((op) => [op.op, op]));
  const newOps = new Map(after.operations.map((op) => [op.op, op]));
  const pairs: Array<[OperationSurface, OperationSurface]> = [];
  for (const [key, op] of newOps) {
    const old = oldOps.get(key);
    if (old) pairs.push([old, op]);
  }
  // An operation gone from one place and one new with the same method and path is the same
  // request under another name: one rename, then compared as any other.
  const arrived = new Map<string, OperationSurface[]>();
  for (const op of after.operations.filter((op) => !oldOps.has(op.op)))
    arrived.set(request(op), [...(arrived.get(request(op)) ?? []), op]);
  const gone = before.operations.filter((op) => !newOps.has(op.op));
  const matches = renames(gone, arrived);
  for (const old of gone) {
    const match = matches.get(old);
    if (match) {
      const exported =
        old.export !== match.export ? `, its standalone function and types to ${code(match.export)}` : "";
      c.add(
        "major",
        "operation-renamed",
        old.op,
        `renamed to ${code(match.op)}${exported}${nameChange(old, match, "; ")}`,
      );
      pairs.push([old, match]);
    } else {
      c.add("major", "operation-removed", old.op, `${old.method} ${code(where(old))} removed`);
    }
  }
  for (const ops of arrived.values())
    for (const op of ops) c.add("minor", "operation-added", op.op, `${op.method} ${code(where(op))} added`);
  for (const [old, op] of pairs) {
    compareOperation(c, old, op, old.op !== op.op);
    compareBase(c, [before, old], [after, op]);
    compareUses(c, [before, old], [after, op], resolution.lost);
    compareRateLimit(c, [before, old], [after, op]);
  }
  if (exports) compareExports(c, before, after);

  const judged = judgeTypes(c.pending.map((p) => p.pair));
  c.pending.forEach((p, i) => p.decide(judged[i]!));
  // What only digests tell (descriptions, examples, what is sent) is said of an operation when
  // nothing else of it changed: any other change lists the operation already, and the argument,
  // status or example it adds, removes or retypes changes those digests too.
  const changed = new Set(c.changes.flatMap((change) => (change.operation ? [change.operation] : [])));
  for (const [old, op] of pairs) {
    if (changed.has(op.op) || changed.has(old.op)) continue;
    if (old.sends !== op.sends)
      c.add(
        "patch",
        "request-changed",
        op.op,
        "what the request sends changed (wire names, default values, variables or credentials' variables)",
      );
    const notes = [old.notes, op.notes].every(
      (n) => typeof n?.descriptions === "string" && typeof n.scripts === "string",
    );
    // Older manifests hold one digest of both: a change there is said as before.
    if (notes ? old.notes!.descriptions !== op.notes!.descriptions : old.docs !== op.docs)
      c.add("patch", "docs-changed", op.op, "descriptions changed");
    if (notes && old.notes!.scripts !== op.notes!.scripts)
      c.add(
        "patch",
        "scripts-changed",
        op.op,
        "Postman scripts changed: the client does not run them; its docs list them",
      );
    if (old.examples !== op.examples) c.add("patch", "examples-changed", op.op, "examples changed; no type did");
  }
  return combine({ verdict: "none", changes: c.changes });
}

/**
 * A request that now refers to a variable a call passing nothing has no value for (`uses`, against
 * the new surface's `unresolved`): major, as an argument become required is, since the client
 * rejects such a call with a `ValidationError` naming the variable. Where only arguments' defaults
 * refer to it (`defaultsUse`), passing those arguments is the other way, and the change says so;
 * where only the auth's credential does (`credentialUse`), the client option that gives it.
 * One whose value the collection lost is said once, of the collection (`lost`). Nothing where
 * either manifest is older than them.
 */
function compareUses(
  c: Comparison,
  [before, old]: [Surface, OperationSurface],
  [after, op]: [Surface, OperationSurface],
  lost: readonly string[],
): void {
  if (!before.unresolved || !after.unresolved) return;
  for (const name of setDiff(old.uses ?? [], op.uses ?? []).added)
    if (after.unresolved.includes(name) && !lost.includes(name)) {
      // Only in arguments' defaults: a call that passes the argument sends it instead. (A
      // manifest is read from disk: what is not a list of names there is not taken for one.)
      const named = op.defaultsUse && Object.hasOwn(op.defaultsUse, name) ? op.defaultsUse[name] : undefined;
      const args = Array.isArray(named) && named.length ? named.map((a) => code(String(a))).join(", ") : undefined;
      // Only in the auth's credential: a client given the credential's option sends that instead.
      const option = op.credentialUse && Object.hasOwn(op.credentialUse, name) ? op.credentialUse[name] : undefined;
      c.add(
        "major",
        "variable-needed",
        op.op,
        args
          ? `now refers to variable ${code(name)}, which has no value, in the default of ${args}: calls that pass neither the variable nor ${args} reject`
          : typeof option === "string"
            ? `now refers to variable ${code(name)}, which has no value, in its credential: calls that pass neither the variable nor the client option ${code(option)} reject`
            : `now refers to variable ${code(name)}, which has no value: calls that do not pass it reject`,
      );
    }
}

/**
 * An operation's rate-limit label, which its metadata types as a literal (`rateLimit: "Light"`):
 * code that picks a budget by it (`getUserOperation.rateLimit === "Light"`, a `switch` over it)
 * no longer compiles when it changes (TypeScript finds the types have no overlap) or goes (the
 * property is gone), so that is major; one given where there was none is minor. Said only where
 * both manifests record labels (`rateLimits`); older ones saw them as descriptions.
 */
function compareRateLimit(
  c: Comparison,
  [before, old]: [Surface, OperationSurface],
  [after, op]: [Surface, OperationSurface],
): void {
  if (!before.rateLimits || !after.rateLimits) return;
  const from = Object.hasOwn(before.rateLimits, old.op) ? before.rateLimits[old.op] : undefined;
  const to = Object.hasOwn(after.rateLimits, op.op) ? after.rateLimits[op.op] : undefined;
  if (from === to) return;
  if (from === undefined)
    c.add("minor", "rate-limit-added", op.op, `rate-limit label ${code(to!)} added (its metadata's \`rateLimit\`)`);
  else
    c.add(
      "major",
      "rate-limit-changed",
      op.op,
      to === undefined
        ? `rate-limit label ${code(from)} removed: its metadata has no \`rateLimit\` any more, and code that reads it does not compile`
        : `rate-limit label ${code(from)} → ${code(to)}: its metadata's \`rateLimit\` is typed with it, and code that compares it with ${code(JSON.stringify(from))} does not compile`,
    );
}

/**
 * The keys of `Variables` in both surfaces that a call passing nothing has a value for no more
 * (`lost`: the client now rejects it with a `ValidationError` naming the variable, as when an
 * argument becomes required) or now has (`found`: as when one becomes optional), from the
 * surfaces' `unresolved` of one scope; none where either manifest is older than them. The
 * variables of the base URL are left out where `baseChanged` (its change says it).
 */
function resolutionChanged(
  before: Surface,
  after: Surface,
  old: readonly string[] | undefined,
  now: readonly string[] | undefined,
  baseChanged: boolean,
): { lost: string[]; found: string[] } {
  if (!old || !now) return { lost: [], found: [] };
  const both = new Set(before.variables.filter((name) => after.variables.includes(name)));
  if (baseChanged) for (const name of references([before.baseUrl, after.baseUrl])) both.delete(name);
  const { added, removed } = setDiff(old, now);
  return { lost: added.filter((name) => both.has(name)), found: removed.filter((name) => both.has(name)) };
}

/**
 * The environments both packages have, judged as the collection's own values are: an environment
 * added or removed is an export added or removed (compareExports), and this is what changed inside
 * one. Nothing is said where either manifest is older than `environments` (compared by name only,
 * as they were then). No value is ever said: a change names the environment and the variable.
 * - Its base URL as filled for it changed: major, as the default base URL's change is. Code made
 *   with `environment: "staging"` sends every call elsewhere, as surely as code without sends every
 *   call elsewhere when `{{baseUrl}}`'s collection value changes.
 * - A variable the requests refer to that a call made with it, passing nothing, had a value for and
 *   has no more: major. The client asks the caller for it (a secret, or a value that cannot be
 *   encoded, now withheld), or finds none (the environment no longer gives it, and the collection
 *   has none), so a call that worked with the environment alone now rejects, as when an argument
 *   becomes required. Where the collection lost its value too and the environment gives none
 *   (`collection`: what the collection's values did), the collection's change says it.
 * - The reverse, a variable that had no value with it and now has one (no longer withheld, or given
 *   by it): minor. A caller that passes it still wins over the environment; one that did not now
 *   has a call that works, as when an argument becomes optional.
 * - Anything else, including a variable no request refers to (a key outside `Variables`), and one
 *   become a secret that had no value anyway: its values changed, a patch, as the collection's
 *   (`variable-value-changed`): what calls send changes, no code has to. Said too beside the changes
 *   above, which change the values as well.
 * Manifests older than `unresolved` are judged by what is withheld alone.
 */
function compareEnvironments(
  c: Comparison,
  before: Surface,
  after: Surface,
  collection: { lost: string[]; found: string[] },
): void {
  if (!before.environments || !after.environments) return;
  const used = new Set(after.variables);
  for (const [name, now] of Object.entries(after.environments).sort(([a], [b]) => compare(a, b))) {
    const old = Object.hasOwn(before.environments, name) ? before.environments[name] : undefined;
    if (!old) continue;
    const env = `environment ${code(name)}`;
    if (old.base !== now.base)
      c.add(
        "major",
        "environment-base-url-changed",
        undefined,
        `the base URL calls go to with ${env} changed (from its values or the collection's)`,
      );
    const withheld = setDiff(old.withheld, now.withheld);
    const resolution =
      old.unresolved && now.unresolved
        ? resolutionChanged(before, after, old.unresolved, now.unresolved, old.base !== now.base)
        : {
            lost: withheld.added.filter((key) => used.has(key)),
            found: withheld.removed.filter((key) => used.has(key)),
          };
    for (const key of resolution.lost) {
      if (now.withheld.includes(key))
        c.add(
          "major",
          "environment-variable-secret",
          undefined,
          `variable ${code(key)} of ${env} is now a secret (or a value left out): the client asks the caller for it, and calls that do not pass it reject`,
        );
      else if (!collection.lost.includes(key))
        c.add(
          "major",
          "environment-variable-unset",
          undefined,
          `variable ${code(key)} has no value with ${env} any more (neither it nor the collection gives one): calls made with it that do not pass it reject`,
        );
    }
    for (const key of resolution.found) {
      if (old.withheld.includes(key))
        c.add(
          "minor",
          "environment-variable-given",
          undefined,
          `variable ${code(key)} of ${env} is no longer a secret: its value is in the package, and callers need not pass it`,
        );
      else if (!collection.found.includes(key))
        c.add(
          "minor",
          "environment-variable-set",
          undefined,
          `variable ${code(key)} now has a value with ${env}: calls made with it need not pass it`,
        );
    }
    if (old.values !== now.values)
      c.add("patch", "environment-values-changed", undefined, `the values of ${env} changed`);
  }
}

/**
 * Exported names of the package that belong to no operation, and the shared types among them whose
 * name stayed while what it names changed: an app that imports `Owner` reads it as it reads a
 * result. Its operations' own types say so of each operation (compareResults); this says it of the
 * name, which is all that changes where the name went to another shape and no operation's type did.
 * Manifests of older generators hold no exports, or no types: those are not compared.
 */
function compareExports(c: Comparison, before: Surface, after: Surface): void {
  if (!before.exports || !after.exports) return;
  const { added, removed } = setDiff(before.exports, after.exports);
  for (const name of removed) c.add("major", "export-removed", undefined, `export ${code(name)} removed`);
  for (const name of added) c.add("minor", "export-added", undefined, `export ${code(name)} added`);
  // A namespace whose interface has another name, its old name still exported but typing another
  // namespace now: the names alone show nothing, yet code that typed `client.users.x` by it breaks.
  const interfaces = new Map(Object.entries(before.namespaces ?? {}));
  for (const [id, type] of Object.entries(after.namespaces ?? {})) {
    const old = interfaces.get(id);
    if (old !== undefined && old !== type && after.exports.includes(old))
      c.add(
        "major",
        "export-renamed",
        `client.${id}`,
        `namespace's interface renamed: ${code(old)} → ${code(type)}; ${code(old)} now types another namespace`,
      );
  }
  for (const [name, type] of Object.entries(after.types ?? {})) {
    const old = before.types?.[name];
    // A shared type is a shape of the examples, and says so.
    if (old !== undefined && old !== type)
      judgeRead(c, undefined, typeLabel(`exported type ${code(name)}`, true), old, type, EXPORT_TYPE);
  }
}

function compareOperation(c: Comparison, old: OperationSurface, op: OperationSurface, renamed: boolean): void {
  const at = op.op;
  if (old.export !== op.export && !renamed)
    c.add(
      "major",
      "export-renamed",
      at,
      `standalone function and its types renamed: ${code(old.export)} → ${code(op.export)}${nameChange(old, op, "; ")}`,
    );
  else if (!renamed && nameChange(old, op))
    // Breaking though no type changes: an app that compares the name (a hook's `request.operation`,
    // as the README's example does, or `error.operation`) silently stops matching.
    c.add("major", "operation-name-changed", at, nameChange(old, op));
  if (old.method !== op.method) c.add("major", "method-changed", at, `method ${old.method} → ${op.method}`);
  if (old.base === op.base && old.path !== op.path && sameUrl(old.path, op.path))
    // Calls go where they went: the argument's rename (or its removal) breaks them, and says so.
    c.add(
      "patch",
      "path-variable-renamed",
      at,
      `path ${code(where(old))} → ${code(where(op))}: the same URL, a path variable renamed`,
    );
  else if (old.path !== op.path || old.base !== op.base)
    c.add("major", "path-changed", at, `path ${code(where(old))} → ${code(where(op))}`);
  if (old.auth !== op.auth) c.add("major", "auth-changed", at, `auth ${code(old.auth)} → ${code(op.auth)}`);
  if (old.body !== op.body)
    c.add("patch", "body-changed", at, `body sent as ${old.body ?? "nothing"} → ${op.body ?? "nothing"}`);
  compareArgs(c, old, op);
  compareResults(c, old, op);
  compareErrors(c, old, op);
}

/**
 * An operation's name at run time. A manifest from before the surface recorded it holds the
 * clients that gave the method's name, the last part of `op`: so the regeneration that makes a
 * method name shared by namespaces unique says so.
 */
function runtimeNameOf(op: OperationSurface): string {
  return op.name ?? op.op.slice(op.op.lastIndexOf(".") + 1);
}

/**
 * `name at run time …` after `lead` where it changed, else nothing; nothing too where it is the
 * export name before and after, which the change of the standalone function's name says already.
 */
function nameChange(old: OperationSurface, op: OperationSurface, lead = ""): string {
  const [before, after] = [runtimeNameOf(old), runtimeNameOf(op)];
  return before === after || (before === old.export && after === op.export)
    ? ""
    : `${lead}name at run time (\`error.operation\`, a hook's \`request.operation\`) ${code(before)} → ${code(after)}`;
}

/**
 * An operation's base URL as filled by default, where the operation has one of its own (its own
 * base, or values of its own for the default one): a change of the default is the package's.
 * A changed template is a path change already.
 */
function compareBase(
  c: Comparison,
  [before, old]: [Surface, OperationSurface],
  [after, op]: [Surface, OperationSurface],
): void {
  if (old.path !== op.path || old.base !== op.base) return;
  if (old.resolvedBase === undefined && op.resolvedBase === undefined) return;
  const filled = (surface: Surface, o: OperationSurface) =>
    o.resolvedBase ?? (o.base === undefined ? surface.resolvedBaseUrl : undefined);
  const [from, to] = [filled(before, old), filled(after, op)];
  if (differ(from, to))
    c.add(
      "major",
      "base-url-changed",
      op.op,
      `base URL ${baseText(old.base ?? before.baseUrl, from)} → ${baseText(op.base ?? after.baseUrl, to)}`,
    );
}

/** Both known, and not the same (manifests of older generators record no filled base). */
function differ(before: string | undefined, after: string | undefined): boolean {
  return before !== undefined && after !== undefined && before !== after;
}

/** `` `{{baseUrl}}` (`https://api.example.com/v2`) ``: the template, and what it is filled with when that differs. */
function baseText(template: string, resolved: string | undefined): string {
  const shown = withoutCredentials(template);
  return resolved === undefined || resolved === shown ? code(shown) : `${code(shown)} (${code(resolved)})`;
}

function compareArgs(c: Comparison, old: OperationSurface, op: OperationSurface): void {
  const at = op.op;
  const oldArgs = new Map(old.args.map((a) => [a.arg, a]));
  const newArgs = new Map(op.args.map((a) => [a.arg, a]));
  let removed = old.args.filter((a) => !newArgs.has(a.arg));
  let added = op.args.filter((a) => !oldArgs.has(a.arg));
  // One argument gone and one new in the same place: a rename, when the two are plausibly one.
  if (removed.length === 1 && added.length === 1 && sameArgument(removed[0]!, added[0]!)) {
    const [from, to] = [removed[0]!, added[0]!];
    c.add("major", "argument-renamed", at, `argument ${code(from.arg)} renamed to ${code(to.arg)}`);
    compareArg(c, from, to, at);
    removed = [];
    added = [];
  }
  for (const a of removed) c.add("major", "argument-removed", at, `argument ${code(a.arg)} (${a.in}) removed`);
  for (const a of added) {
    if (a.required) c.add("major", "argument-added", at, `required argument ${code(a.arg)} (${a.in}) added`);
    else c.add("minor", "argument-added", at, `optional argument ${code(a.arg)} (${a.in}) added`);
  }
  for (const a of op.args) {
    const before = oldArgs.get(a.arg);
    if (before) compareArg(c, before, a, at);
  }
}

/**
 * Whether an argument gone and one arrived are one renamed. Only one gone and one arrived in the
 * same place is not enough: `page_size` dropped while `next_page_token` arrives would then be said
 * renamed and compared as one, a story the changelog tells that did not happen. The surface records
 * an argument's key, place, type and values (descriptions only as the operation's digest, and the
 * arguments sorted by key, so no position), and most arguments of a place share one type: the
 * evidence is the key, the same written otherwise (`page_size`, `pageSize`, `PAGE-SIZE`) or the
 * words of one all in the other (`search_key` → `search`), or the same list of allowed values.
 */
function sameArgument(from: ArgSurface, to: ArgSurface): boolean {
  if (from.in !== to.in) return false;
  const [a, b] = [keyWords(from.arg), keyWords(to.arg)];
  // A key of separators alone (`$`) has no words to tell by.
  if (a.length && b.length) {
    if (a.join("") === b.join("")) return true;
    const [fewer, more] = a.length <= b.length ? [a, new Set(b)] : [b, new Set(a)];
    if (fewer.every((w) => more.has(w))) return true;
  }
  return !!from.enum?.length && !!to.enum?.length && sameValues(from.enum, to.enum);
}

/** A key's words, lowercased: split at separators and where a lower-case letter or digit meets a capital (`nextPageToken`, `XRequestID`). */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  const values = new Set(a);
  return new Set(b).size === values.size && b.every((v) => values.has(v));
}

function compareArg(c: Comparison, old: ArgSurface, arg: ArgSurface, at: string): void {
  // Written only into a change: most arguments do not change.
  const name = () => code(arg.arg);
  if (!old.required && arg.required) c.add("major", "argument-required", at, `argument ${name()} is now required`);
  if (old.required && !arg.required) c.add("minor", "argument-optional", at, `argument ${name()} is now optional`);
  if (old.in !== arg.in)
    c.add("patch", "argument-moved", at, `argument ${name()} is now sent in the ${arg.in} (was ${old.in})`);
  if (old.enum && arg.enum) {
    // Both enums: the type is the union of the values, and with them a list of them where the
    // argument repeats (a query parameter or form field does, a header or path variable not): the
    // values are compared as values, the lists and anything else by the checker.
    const values = setDiff(old.enum, arg.enum);
    for (const v of values.removed)
      c.add("major", "enum-value-removed", at, `argument ${name()}: value ${code(JSON.stringify(v))} removed`);
    for (const v of values.added)
      c.add("minor", "enum-value-added", at, `argument ${name()}: value ${code(JSON.stringify(v))} added`);
    if (old.type === arg.type) return;
    // The types differ beyond the values: a list of them taken or no longer, or more.
    c.pending.push({
      pair: { before: forms(old.type), after: forms(arg.type) },
      decide: (judged) => {
        const lists = direction(judged);
        if (lists === "wider")
          c.add("minor", "argument-type-widened", at, `argument ${name()} now also takes a list of values`);
        if (lists === "narrower")
          c.add("major", "argument-type-narrowed", at, `argument ${name()} no longer takes a list of values`);
      },
    });
    c.pending.push({
      pair: { before: single(old.type), after: single(arg.type) },
      decide: (judged) => {
        // One value at a time: an old one refused that no value removed tells.
        if (judged.judged && (judged.beforeToAfter || values.removed.length)) return;
        c.add(
          "major",
          "argument-type-changed",
          at,
          `type of argument ${name()} changed${judged.judged ? "" : " (not checked)"}: ${typeChange(old.type, arg.type)}`,
        );
      },
    });
    return;
  }
  judgeWithMembers(c, { before: old.type, after: arg.type, use: "passed" }, (judged, members) => {
    // Arguments are passed: a type that takes every old value (and maybe more keys) is wider.
    const to = direction(judged);
    if (to === "same") return;
    const label = typeLabel(`type of argument ${name()}`, old.fromExamples || arg.fromExamples);
    const change = `${keysLost(judged, members, "takes", arg.arg)}: ${typeText(old.type, arg.type, members)}`;
    switch (to) {
      case "wider":
        return c.add("minor", "argument-type-widened", at, `${label} widened${change}`, members);
      case "narrower":
        return c.add("major", "argument-type-narrowed", at, `${label} narrowed${change}`, members);
      default:
        return c.add(
          "major",
          "argument-type-changed",
          at,
          `${label} changed${judged.judged ? "" : " (not checked)"}${change}`,
          members,
        );
    }
  });
}

/**
 * A type pair for the checker, and with it a pair for each of its members that changed (members.ts),
 * judged by the same rule: `decide` gets the type's judgement and the members that changed at a
 * level, or none where the texts could not be taken apart.
 */
function judgeWithMembers(
  c: Comparison,
  pair: TypePair,
  decide: (judged: Assignability, members: MemberChange[] | undefined) => void,
): void {
  // Parsing loads TypeScript: only for texts that differ, which the checker is asked about anyway.
  const parts = pair.before === pair.after ? undefined : memberPairs(pair.before, pair.after);
  const members: MemberChange[] = [];
  for (const part of parts ?? [])
    c.pending.push({
      pair: { before: part.before, after: part.after, ...(pair.use ? { use: pair.use } : {}) },
      decide: (judged) => {
        const level = pair.use === "read" ? readLevel(judged) : passedLevel(judged);
        if (level) members.push({ path: part.path, change: part.change, level });
      },
    });
  // After the members' pairs: their decisions come first.
  c.pending.push({ pair, decide: (judged) => decide(judged, members.length ? members : undefined) });
}

/** The level of a change to a type that code passes (an argument's), none when it is the same. */
function passedLevel(judged: Assignability): Level | undefined {
  const to = direction(judged);
  return to === "same" ? undefined : to === "wider" ? "minor" : "major";
}

/**
 * How a type that code reads (a result's) changed: `wider` when its old values are still values of
 * it and it has more (optional) keys, `narrower` when every new value is an old one with the old
 * keys (code that builds one may need updating), `changed` when old code may not compile.
 */
function readChange(judged: Assignability): "same" | "wider" | "narrower" | "changed" {
  const to = direction(judged);
  if (to === "same") return "same";
  if (judged.beforeToAfter && judged.afterToBefore && to === "wider") return "wider";
  if (to === "narrower" && !judged.keys?.lost.length) return "narrower";
  return "changed";
}

function readLevel(judged: Assignability): Level | undefined {
  const to = readChange(judged);
  return to === "same" ? undefined : to === "changed" ? "major" : "minor";
}

/**
 * The forms an enum argument's type takes, its values aside: `string`, or `string | string[]` for
 * one that also takes a list.
 */
function forms(type: string): string {
  return `(${type}) extends infer T ? (T extends readonly unknown[] ? string[] : string) : never`;
}

/** An argument's type without its lists: what it takes as one value. */
function single(type: string): string {
  return `Exclude<${type}, readonly unknown[]>`;
}

/**
 * ` (no longer takes `tags.b`)`: the keys of the old type the new lacks, if any, after `prefix`;
 * but for those a member's line says are removed (`` `b`: removed (major) ``), with the keys
 * inside them, so that each is said once, with its level. A key lost inside a member whose type
 * changed (`` `meta`: `Record<string, unknown>` → `{ count: number }` ``) is said here: its line
 * does not say it.
 */
function keysLost(
  judged: Assignability,
  members: readonly MemberChange[] | undefined,
  verb: "takes" | "has",
  prefix = "",
): string {
  const removed = (members ?? []).filter((m) => m.change === REMOVED).map((m) => m.path);
  const within = (key: string, path: string) =>
    key === path || key.startsWith(`${path}.`) || key.startsWith(`${path}[`);
  const lost = (judged.keys?.lost ?? []).filter((key) => !removed.some((path) => within(key, path)));
  if (!lost.length) return "";
  const at = (path: string) => code(prefix && !path.startsWith("[") ? `${prefix}.${path}` : `${prefix}${path}`);
  const shown = lost.slice(0, 3).map(at).join(", ");
  return ` (no longer ${verb} ${shown}${lost.length > 3 ? `, … ${lost.length - 3} more` : ""})`;
}

/**
 * Where the new type stands to the old: `wider` when it takes every old value and every key they
 * may hold (or has optional properties or an index signature the old had not), `narrower` when
 * every new value is an old one (or, assignable both ways, it lost such keys), `different` when
 * neither (or the checker could not say).
 */
function direction(judged: Assignability): "same" | "wider" | "narrower" | "different" {
  if (!judged.judged) return "different";
  const lost = Boolean(judged.keys?.lost.length);
  const gained = Boolean(judged.keys?.gained.length);
  if (judged.beforeToAfter && judged.afterToBefore) {
    const wider = judged.optionalProperties === "added" || gained;
    const narrower = judged.optionalProperties === "removed" || lost;
    if (judged.optionalProperties === "changed" || (wider && narrower)) return "different";
    return wider ? "wider" : narrower ? "narrower" : "same";
  }
  // Every old value fits, but not an object literal that writes a key the new type lacks.
  if (judged.beforeToAfter) return lost ? "different" : "wider";
  return judged.afterToBefore ? "narrower" : "different";
}

/**
 * Results are read, not passed: a new type that is assignable to the old one (fields added, a field
 * no longer optional) leaves old code compiling; anything else may not.
 */
function compareResults(c: Comparison, old: OperationSurface, op: OperationSurface): void {
  const at = op.op;
  const oldResults = new Map(old.results.map((r) => [r.status, r]));
  const newResults = new Map(op.results.map((r) => [r.status, r]));
  for (const r of old.results)
    if (!newResults.has(r.status)) c.add("major", "status-removed", at, `success status ${r.status} removed`);
  for (const r of op.results)
    if (!oldResults.has(r.status)) c.add("minor", "status-added", at, `success status ${r.status} added`);
  const judgeResult = (type: string, before: string, after: string, fromExamples: boolean) =>
    judgeRead(c, at, typeLabel(type, fromExamples), before, after, RESULT_TYPE);
  for (const r of op.results) {
    const before = oldResults.get(r.status);
    if (before)
      judgeResult(`result type of ${r.status}`, before.type, r.type, Boolean(before.fromExamples || r.fromExamples));
  }
  // A status added or removed changes what a call resolves with (the union of the statuses' types).
  if (
    old.results.length &&
    op.results.length &&
    (old.results.length !== op.results.length || old.results.some((r) => !newResults.has(r.status)))
  ) {
    const union = (results: OperationSurface["results"]) => results.map((r) => `(${r.type})`).join(" | ");
    judgeResult("result type", union(old.results), union(op.results), false);
  } else if (old.results.length > 1 && old.results.some((r) => newResults.get(r.status)!.type !== r.type)) {
    judgeNarrowing(c, at, old, op);
  }
}

/**
 * The same statuses, one's type changed: each judged alone may be refined, yet code that tells the
 * statuses apart by a key (`if ("name" in result)`, or its `else`) narrows to other types where a
 * key one status's type gained is another's (`name` added to 201's type, as a number, where 200's
 * has it as a string: `result.name` is `string | number` there now; or the `else` of 200's key,
 * where 201 was, is left with no type). Major where old code may not compile so, unless a status's
 * own change says so already.
 */
function judgeNarrowing(c: Comparison, at: string, old: OperationSurface, op: OperationSurface): void {
  const union = (results: OperationSurface["results"]) => narrowedByKeys(results.map((r) => `(${r.type})`).join(" | "));
  c.pending.push({
    pair: { before: union(old.results), after: union(op.results), use: "read" },
    decide: (judged) => {
      if (readChange(judged) !== "changed") return;
      if (c.changes.some((x) => x.operation === at && x.kind === "result-type-changed")) return;
      // Paths of the view: `name.in.tags`, `name.out.id`; the key is the first.
      const keys = [...new Set((judged.keys?.lost ?? []).map((path) => path.split(".")[0]!))].sort(compare);
      const statuses = old.results.map((r) => r.status).join(", ");
      c.add(
        "major",
        "result-type-changed",
        at,
        `result type changed where code tells its statuses (${statuses}) apart by a key${keys.length ? ` (${keys.map((k) => code(`${JSON.stringify(k)} in result`)).join(", ")})` : ""}: a key one status's type gained is another's, so old code that narrows by it may not compile`,
      );
    },
  });
}

/** The kinds of a read type's change: a result's, or an exported shared type's. */
interface ReadKinds {
  refined: ChangeKind;
  changed: ChangeKind;
}
const RESULT_TYPE: ReadKinds = { refined: "result-type-refined", changed: "result-type-changed" };
const EXPORT_TYPE: ReadKinds = { refined: "export-type-refined", changed: "export-type-changed" };

/** A change of a type that code reads, `label` (`result type of 200`), judged and said. */
function judgeRead(
  c: Comparison,
  at: string | undefined,
  label: string,
  before: string,
  after: string,
  kinds: ReadKinds,
): void {
  judgeWithMembers(c, { before, after, use: "read" }, (judged, members) => {
    // Read types: a type assignable to the old one that keeps its keys, or one with new optional
    // properties or index signatures, is read by old code as before (and tells more); anything
    // else may break it (a key gone, even an optional one or an index signature, no longer
    // compiles where code reads it).
    const to = readChange(judged);
    if (to === "same") return;
    const change = typeText(before, after, members);
    if (to === "wider") {
      // Old values are still values of it: code that builds one compiles too.
      c.add("minor", kinds.refined, at, `${label} refined, old code still compiles: ${change}`, members);
    } else if (to === "narrower") {
      // Code that builds one (a body for `mock.use`, a fixture typed with it) gives values the new
      // type may refuse: that is test code, told here; code that reads it is not.
      c.add(
        "minor",
        kinds.refined,
        at,
        `${label} refined, old code that reads it still compiles; mock overrides (\`mock.use\`) and fixtures that build it may need updating: ${change}`,
        members,
      );
    } else {
      c.add(
        "major",
        kinds.changed,
        at,
        `${label} changed, old code may not compile${judged.judged ? "" : " (not checked)"}${keysLost(judged, members, "has")}: ${change}`,
        members,
      );
    }
  });
}

function compareErrors(c: Comparison, old: OperationSurface, op: OperationSurface): void {
  const at = op.op;
  const oldErrors = new Map(old.errors.map((e) => [e.status, e]));
  const newErrors = new Map(op.errors.map((e) => [e.status, e]));
  for (const e of old.errors)
    if (!newErrors.has(e.status))
      c.add("major", "error-status-removed", at, `documented error status ${e.status} removed`);
  for (const e of op.errors) {
    const before = oldErrors.get(e.status);
    if (!before) {
      c.add(
        "minor",
        "error-status-added",
        at,
        `documented error status ${e.status} added${e.codes.length ? ` (codes ${e.codes.map((x) => code(String(x))).join(", ")})` : ""}`,
      );
      continue;
    }
    // By value and type: the error's `code` is typed with it (`ApiError<404, 1001>`), so a code the
    // API now sends as a string (`"1001"`) is another one, which `e.code === 1001` no longer matches.
    const codes = setDiff(before.codes.map(codeKey), e.codes.map(codeKey));
    const retyped = new Set(codes.removed.map(codeText).filter((x) => codes.added.map(codeText).includes(x)));
    // Shown as written, but as JSON where the other side has the same text as the other type.
    const shown = (key: string) => (retyped.has(codeText(key)) ? key : codeText(key));
    const byText = (keys: string[]) => [...keys].sort((a, b) => compare(codeText(a), codeText(b)) || compare(a, b));
    for (const x of byText(codes.removed))
      c.add("major", "error-code-removed", at, `error code ${code(shown(x))} of status ${e.status} removed`);
    for (const x of byText(codes.added))
      c.add("minor", "error-code-added", at, `error code ${code(shown(x))} of status ${e.status} added`);
  }
}

/** A documented error code as a key: its value and its type (`1001` and `"1001"` are two). */
function codeKey(x: number | string): string {
  return JSON.stringify(x);
}

/** A code's key as the code's text (`"1001"` → `1001`). */
function codeText(key: string): string {
  return String(JSON.parse(key) as number | string);
}

/**
 * Each operation gone paired with the one arrived under the same method and path that is most like
 * it, and those paired taken from `arrived`. Collections often hold variants of one request
 * (`Create order`, `Create order with card`, both `POST /v2/checkout/orders`): the first arrived
 * for the first gone paired two renamed at once crosswise, each then said to have changes it never
 * had (an argument renamed, a variable now needed). The likest pairs are taken first; ties keep the
 * order of the surfaces, as before.
 */
function renames(
  gone: readonly OperationSurface[],
  arrived: Map<string, OperationSurface[]>,
): Map<OperationSurface, OperationSurface> {
  const candidates = gone.flatMap((old, i) =>
    (arrived.get(request(old)) ?? []).map((op, j) => ({ old, op, i, j, likeness: likeness(old, op) })),
  );
  candidates.sort((a, b) => b.likeness - a.likeness || a.i - b.i || a.j - b.j);
  const matches = new Map<OperationSurface, OperationSurface>();
  const taken = new Set<OperationSurface>();
  for (const { old, op } of candidates) {
    if (matches.has(old) || taken.has(op)) continue;
    matches.set(old, op);
    taken.add(op);
  }
  for (const [key, ops] of arrived)
    arrived.set(
      key,
      ops.filter((op) => !taken.has(op)),
    );
  return matches;
}

/** How alike two operations of one method and path are: what each records that is the same, then the arguments they share. */
function likeness(a: OperationSurface, b: OperationSurface): number {
  const args = (op: OperationSurface) => new Set(op.args.map((x) => `${x.arg} ${x.in} ${x.type}`));
  const ofB = args(b);
  const shared = [...args(a)].filter((x) => ofB.has(x)).length;
  const same = [
    a.sends === b.sends,
    a.examples === b.examples,
    a.docs === b.docs,
    a.auth === b.auth,
    a.body === b.body,
    a.op.split(".").slice(0, -1).join(".") === b.op.split(".").slice(0, -1).join("."),
  ].filter(Boolean).length;
  // Arguments are fewer than a thousand: a field the same outweighs any count of them.
  return same * 1000 + shared;
}

function request(op: OperationSurface): string {
  return `${op.method} ${where(op)}`;
}

/**
 * Whether two path templates are the same URL but for their path variables' names (`{userId}`,
 * filled from an argument), not a `{{variable}}`'s, which is filled from `variables`.
 */
function sameUrl(before: string, after: string): boolean {
  const shape = (path: string) => path.replace(/(?<!\{)\{[^{}]*\}(?!\})/g, "{}");
  return shape(before) === shape(after);
}

function where(op: OperationSurface): string {
  return `${op.base ?? ""}${shownRequestPath(op.path)}`;
}

function namespacesOf(surface: Surface): string[] {
  const all = new Set<string>();
  for (const op of surface.operations) {
    const parts = op.op.split(".").slice(0, -1);
    for (let i = 2; i <= parts.length; i++) all.add(parts.slice(0, i).join("."));
  }
  return [...all];
}

function setDiff(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const a = new Set(before);
  const b = new Set(after);
  return {
    added: [...b].filter((x) => !a.has(x)).sort(compare),
    removed: [...a].filter((x) => !b.has(x)).sort(compare),
  };
}

function code(text: string): string {
  return codeSpan(text);
}

/**
 * `result type of 200`, and when either side's type was inferred from saved examples, that it
 * was: said of the type, before what happened to it, so that it reads as no member's.
 */
function typeLabel(type: string, fromExamples: boolean | undefined): string {
  return fromExamples ? `${type} (from examples only)` : type;
}

/** Members of a changed type a detail line names; `--json` has them all. */
const MEMBERS_SHOWN = 5;

/**
 * A changed type for a detail line: each member that changed with its level (`` `mask`: now
 * optional (major) ``), the first few; or, where the texts could not be taken apart, the texts.
 */
function typeText(before: string, after: string, members: readonly MemberChange[] | undefined): string {
  if (!members) return typeChange(before, after);
  const lines = members
    .slice(0, MEMBERS_SHOWN)
    .map((m) => `${m.path ? `${code(m.path)}: ` : ""}${m.change} (${m.level})`);
  const more = members.length - MEMBERS_SHOWN;
  return `${lines.join("; ")}${more > 0 ? `; and ${more} more` : ""}`;
}

/** Two type texts for a detail line: long ones cut to the part around where they first differ (the full texts are in the manifests). */
function typeChange(before: string, after: string): string {
  let same = 0;
  while (same < before.length && same < after.length && before[same] === after[same]) same++;
  const start = Math.max(0, same - 24);
  const clip = (text: string) => {
    const end = Math.min(text.length, start + 72);
    return code(`${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`);
  };
  return `${clip(before)} → ${clip(after)}`;
}
