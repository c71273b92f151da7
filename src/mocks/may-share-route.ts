// Which operations may share a route (routes.ts) with another once a mock is given other values
// than the collection's: its `variables`, an environment, other bases (the mock server puts every
// base under its own URL). The generator writes what these operations' requests send (mock-data.ts)
// so that the mock can tell apart those that share a route with its own values, which it works out
// at run time; an operation that can share none with any values needs nothing written.
//
// Two operations may share a route when they have the same method and their paths can be the same
// text: a `{{variable}}` may take any value within its segment (or none, or stay without one and
// match any segment, as a path argument does), a path argument is a slot of its own, and the bases,
// which any value may replace, are left out. Two cases are left out, as rare and as costly to
// allow for: a variable given a value with a `/` (it would make most paths of a collection whose
// paths start with `{{version}}` meet, each operation's facts then written), and a run-time base
// that puts a path under some operations and not others (`baseUrls` of their own); those
// operations are told apart by nothing but their URLs, as all were before. The groups the
// collection's own values make (`known`, from `sharedRoutes`) are always in, whatever this finds.
import { pathParts } from "../runtime/paths.js";
import type { OperationSpec } from "../runtime/spec.js";

/** A `{{variable}}`: any text. */
const ANY = 0;
/** A path argument: one slot, which a `{{variable}}` without a value also is. */
const ARG = 1;
/** Characters of literal text, and the two marks. */
type Token = string | typeof ANY | typeof ARG;

/**
 * The operations that may share a route with others, in groups (each two or more, in collection
 * order; the groups in the order of their first operation): one operation may share one with
 * another, and that one with a third, so each group holds everything linked that way.
 */
export function mayShareRoute(
  operations: readonly OperationSpec[],
  known: readonly (readonly OperationSpec[])[],
): OperationSpec[][] {
  const index = new Map(operations.map((op, i) => [op, i]));
  const parent = operations.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const join = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (const group of known) for (const op of group.slice(1)) join(index.get(group[0]!)!, index.get(op)!);
  const paths = operations.map(tokens);
  // Paths of plain text and slots meet only when they are the same: found by their text at once.
  const plain = new Map<string, number>();
  const open: number[] = [];
  operations.forEach((op, i) => {
    if (paths[i]!.includes(ANY)) return void open.push(i);
    const key = `${op.method.toUpperCase()} ${paths[i]!.map((t) => (t === ARG ? "\0" : t)).join("")}`;
    const first = plain.get(key);
    if (first === undefined) plain.set(key, i);
    else join(first, i);
  });
  // A path with a variable, against every other of its method and its number of segments (a
  // variable's value stays within its segment).
  const shape = (i: number) => `${operations[i]!.method.toUpperCase()} ${paths[i]!.filter((t) => t === "/").length}`;
  const alike = new Map<string, number[]>();
  operations.forEach((_, i) => alike.set(shape(i), [...(alike.get(shape(i)) ?? []), i]));
  for (const i of open) for (const j of alike.get(shape(i))!) if (j !== i && mayMeet(paths[i]!, paths[j]!)) join(i, j);
  const groups = new Map<number, OperationSpec[]>();
  operations.forEach((op, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), op]));
  return [...groups.values()].filter((group) => group.length > 1);
}

/** The path as the route reads it: a leading `/`, no trailing one, literal text as the URL parser writes it. */
function tokens(op: OperationSpec): Token[] {
  const out: Token[] = op.path.startsWith("/") ? [] : ["/"];
  for (const part of pathParts(op)) {
    if (typeof part === "string") out.push(...parsed(part));
    else out.push("variable" in part ? ANY : ARG);
  }
  if (out[out.length - 1] === "/") out.pop();
  return out;
}

/** Literal text percent-encoded as the URL parser encodes a path (text it would cut, as it is). */
function parsed(text: string): string[] {
  // Most paths hold only characters the parser keeps: no parse for those.
  if (/^[\w\-.~!$&'()*+,;=:@/%]*$/.test(text) || /[?#]/.test(text)) return [...text];
  return [...new URL(`http://h/${text}`).pathname.slice(1)];
}

/**
 * Whether two paths can be the same text: each ANY standing for any run of tokens of one segment,
 * either side's.
 * Their literal heads and tails, outside any ANY, must agree first (most pairs differ there).
 */
function mayMeet(a: readonly Token[], b: readonly Token[]): boolean {
  const head = Math.min(firstAny(a), firstAny(b));
  for (let i = 0; i < head; i++) if (a[i] !== b[i]) return false;
  const tail = Math.min(a.length - 1 - a.lastIndexOf(ANY), b.length - 1 - b.lastIndexOf(ANY));
  for (let i = 1; i <= tail; i++) if (a[a.length - i] !== b[b.length - i]) return false;
  // The pairs of places (i in a, j in b) reachable from the start, each once.
  const width = b.length + 1;
  const seen = new Uint8Array((a.length + 1) * width);
  const todo = [0];
  while (todo.length) {
    const at = todo.pop()!;
    if (seen[at]) continue;
    seen[at] = 1;
    const i = Math.floor(at / width);
    const j = at % width;
    if (i === a.length && j === b.length) return true;
    const x = a[i];
    const y = b[j];
    if (x === ANY) {
      todo.push(at + width);
      if (j < b.length && y !== ANY && y !== "/") todo.push(at + 1);
    }
    if (y === ANY) {
      todo.push(at + 1);
      if (i < a.length && x !== ANY && x !== "/") todo.push(at + width);
    }
    if (i < a.length && j < b.length && x !== ANY && y !== ANY && x === y) todo.push(at + width + 1);
  }
  return false;
}

function firstAny(path: readonly Token[]): number {
  const at = path.indexOf(ANY);
  return at < 0 ? path.length : at;
}
