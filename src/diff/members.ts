// A changed type text taken apart into the members that changed, each by its path (`balances.current`,
// `accounts[].mask`), so that a change lists every one, not only the first difference of the texts.
// Each member comes with a pair of types to judge as the whole type is judged (judge-types.ts):
// its own level, by the same rules.
//
// The surface records types as text (an older manifest too): the texts are parsed with the
// TypeScript parser, which the checker loads with it. It is asked only of texts that differ, which
// the checker is then asked about anyway; a plain generation and a no-op never load it.
import type * as TsMorph from "ts-morph";
import { codeSpan } from "../emit/templates.js";
import { tsMorph } from "./judge-types.js";

type ts = typeof TsMorph.ts;
type Node = TsMorph.ts.TypeNode;

export interface MemberPair {
  /** `balances.current`, `accounts[].mask`, `[]`; empty for the type itself. */
  path: string;
  /** What changed, as a reader is told: `added`, `now optional`, `` `number` → `string` ``. */
  change: string;
  /** A pair of types whose judgement is the member's level. */
  before: string;
  after: string;
}

/** A property's or index signature's change when the new type lacks it (compare.ts names it once, so). */
export const REMOVED = "removed";

/** Union members shown as one change of the whole union when both sides are this short. */
const SHORT_UNION = 60;
/** A type in a member's line is cut to this many characters (the full texts are in the manifests). */
const SHOWN = 60;

/**
 * The members that differ between two type texts; undefined when either is not an object type,
 * an array or a union that can be taken apart (or does not parse), for which the texts themselves
 * are the change.
 */
export function memberPairs(before: string, after: string): MemberPair[] | undefined {
  const { ts } = tsMorph();
  const [b, a] = parse(ts, [before, after]);
  if (!b || !a) return undefined;
  const pairs: Found[] = [];
  walk(ts, "", b, a, pairs);
  // The type itself replaced as a whole: nothing was taken apart.
  if (!pairs.length || (pairs.length === 1 && pairs[0]!.path === "" && pairs[0]!.whole)) return undefined;
  return pairs.map(({ whole: _, ...pair }) => pair);
}

interface Parsed {
  node: Node;
  file: TsMorph.ts.SourceFile;
}

/**
 * Each text as the type of an alias, or undefined where it does not parse as one type: the parser
 * recovers from an error with a tree of its own making, which is not taken apart. Whether it had
 * to is asked of a program over the files (its syntactic diagnostics), TypeScript's public word
 * on it; the program reads nothing else (no library, no imports), so it costs no more than the
 * parse.
 */
function parse(ts: ts, texts: readonly string[]): Array<Parsed | undefined> {
  const files = texts.map((text, i) =>
    ts.createSourceFile(`/member${i}.ts`, `type T = ${text};`, ts.ScriptTarget.Latest, false),
  );
  const byName = new Map(files.map((file) => [file.fileName, file]));
  const host: TsMorph.ts.CompilerHost = {
    getSourceFile: (name) => byName.get(name),
    fileExists: (name) => byName.has(name),
    readFile: (name) => byName.get(name)?.text,
    writeFile: () => {},
    getDefaultLibFileName: () => "/lib.d.ts",
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
  };
  const program = ts.createProgram({
    rootNames: [...byName.keys()],
    options: { noLib: true, noResolve: true, types: [] },
    host,
  });
  return files.map((file) => {
    const statement = file.statements[0];
    if (
      program.getSyntacticDiagnostics(file).length ||
      file.statements.length !== 1 ||
      !statement ||
      !ts.isTypeAliasDeclaration(statement)
    )
      return undefined;
    return { node: statement.type, file };
  });
}

function isComposite(ts: ts, b: Node, a: Node): boolean {
  const kinds = [b, a].map((n) => unwrap(ts, n));
  return (
    kinds.every((n) => ts.isTypeLiteralNode(n)) ||
    kinds.every((n) => elementOf(ts, n) !== undefined) ||
    kinds.some((n) => ts.isUnionTypeNode(n))
  );
}

function unwrap(ts: ts, node: Node): Node {
  while (ts.isParenthesizedTypeNode(node)) node = node.type;
  return node;
}

/** The element type of `T[]`, `readonly T[]`, `Array<T>` or `ReadonlyArray<T>`. */
function elementOf(ts: ts, node: Node): Node | undefined {
  if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) node = node.type;
  if (ts.isArrayTypeNode(node)) return node.elementType;
  if (
    ts.isTypeReferenceNode(node) &&
    ts.isIdentifier(node.typeName) &&
    (node.typeName.text === "Array" || node.typeName.text === "ReadonlyArray") &&
    node.typeArguments?.length === 1
  )
    return node.typeArguments[0];
  return undefined;
}

/** A member pair while walking: `whole` where the two texts are the change. */
type Found = MemberPair & { whole?: true };

function walk(ts: ts, path: string, before: Parsed, after: Parsed, out: Found[]): void {
  const [b, a] = [unwrap(ts, before.node), unwrap(ts, after.node)];
  const [bText, aText] = [b.getText(before.file), a.getText(after.file)];
  if (bText === aText) return;
  if (ts.isTypeLiteralNode(b) && ts.isTypeLiteralNode(a)) return properties(ts, path, before, b, after, a, out);
  const [bItem, aItem] = [elementOf(ts, b), elementOf(ts, a)];
  if (bItem && aItem)
    return walk(ts, `${path}[]`, { node: bItem, file: before.file }, { node: aItem, file: after.file }, out);
  if (ts.isUnionTypeNode(b) || ts.isUnionTypeNode(a)) return union(ts, path, before, b, after, a, out);
  out.push({ path, change: `${shown(bText)} → ${shown(aText)}`, before: bText, after: aText, whole: true });
}

function properties(
  ts: ts,
  path: string,
  before: Parsed,
  b: TsMorph.ts.TypeLiteralNode,
  after: Parsed,
  a: TsMorph.ts.TypeLiteralNode,
  out: Found[],
): void {
  const [old, now] = [membersOf(ts, before, b), membersOf(ts, after, a)];
  const at = (key: string) => (!path ? key : key.startsWith("[") ? `${path}${key}` : `${path}.${key}`);
  for (const [key, member] of old)
    if (!now.has(key)) out.push({ path: at(key), change: REMOVED, before: `{ ${member.text} }`, after: "{}" });
  for (const [key, member] of now) {
    const was = old.get(key);
    if (!was) {
      out.push({ path: at(key), change: "added", before: "{}", after: `{ ${member.text} }` });
      continue;
    }
    if (was.text === member.text) continue;
    if (!was.type || !member.type) {
      out.push({ path: at(key), change: "changed", before: `{ ${was.text} }`, after: `{ ${member.text} }` });
      continue;
    }
    if (was.optional !== member.optional) {
      // Optionality alone, judged on the old type: a type change of the member is a line of its own.
      const type = was.type.getText(before.file);
      out.push({
        path: at(key),
        change: member.optional ? "now optional" : "now required",
        before: `{ ${was.name}${was.optional ? "?" : ""}: ${type} }`,
        after: `{ ${was.name}${member.optional ? "?" : ""}: ${type} }`,
      });
    }
    // An optional property's type may say `| undefined` (the emitter writes it so under
    // exactOptionalPropertyTypes): that is its optionality again, not a change of its type.
    if (withoutUndefined(ts, before, was) === withoutUndefined(ts, after, member)) continue;
    walk(ts, at(key), { node: was.type, file: before.file }, { node: member.type, file: after.file }, out);
  }
}

/** A property's type as text, without `undefined` where the property is optional. */
function withoutUndefined(ts: ts, parsed: Parsed, member: Member): string {
  const type = unwrap(ts, member.type!);
  if (!member.optional || !ts.isUnionTypeNode(type)) return type.getText(parsed.file);
  return type.types
    .filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword)
    .map((t) => t.getText(parsed.file))
    .join(" | ");
}

interface Member {
  /** The member's declaration, as the wrapper of a pair writes it. */
  text: string;
  /** The property's name as a pair writes it (quoted), or the index signature's parameter. */
  name: string;
  optional: boolean;
  /** The property's or index signature's type; undefined for another member (a method), compared whole. */
  type: Node | undefined;
}

/** An object type's members by key: `name`, `[key: string]` for an index signature, the text otherwise. */
function membersOf(ts: ts, parsed: Parsed, node: TsMorph.ts.TypeLiteralNode): Map<string, Member> {
  const members = new Map<string, Member>();
  for (const member of node.members) {
    const text = member.getText(parsed.file).replace(/[;,]$/, "");
    if (ts.isPropertySignature(member) && member.type && !ts.isComputedPropertyName(member.name)) {
      const key = member.name.text;
      members.set(key, {
        text,
        name: JSON.stringify(key),
        optional: Boolean(member.questionToken),
        type: member.type,
      });
    } else if (ts.isIndexSignatureDeclaration(member) && member.parameters.length === 1) {
      const key = `[${member.parameters[0]!.getText(parsed.file)}]`;
      members.set(key, { text, name: key, optional: false, type: member.type });
    } else {
      members.set(text, { text, name: text, optional: false, type: undefined });
    }
  }
  return members;
}

function union(ts: ts, path: string, before: Parsed, b: Node, after: Parsed, a: Node, out: Found[]): void {
  const split = (parsed: Parsed, node: Node) =>
    new Map((ts.isUnionTypeNode(node) ? [...node.types] : [node]).map((n) => [unwrap(ts, n).getText(parsed.file), n]));
  const [old, now] = [split(before, b), split(after, a)];
  const removed = [...old].filter(([text]) => !now.has(text));
  const added = [...now].filter(([text]) => !old.has(text));
  // One member replaced by another: the same member changed (`{ … } | null` whose object changed).
  if (removed.length === 1 && added.length === 1 && isComposite(ts, removed[0]![1], added[0]![1]))
    return walk(ts, path, { node: removed[0]![1], file: before.file }, { node: added[0]![1], file: after.file }, out);
  const [bText, aText] = [b.getText(before.file), a.getText(after.file)];
  const simple = [...removed, ...added].every(([, n]) => !isComposite(ts, n, n));
  // Members both added and removed are judged together: a member gone may be taken by one added
  // (`"a" | "b"` → `string`), which members judged one by one would call a removal.
  if ((removed.length && added.length) || (simple && bText.length <= SHORT_UNION && aText.length <= SHORT_UNION)) {
    out.push({ path, change: `${shown(bText)} → ${shown(aText)}`, before: bText, after: aText, whole: true });
    return;
  }
  for (const [text] of removed)
    out.push({ path, change: `member ${shown(text)} removed`, before: text, after: "never" });
  for (const [text] of added) out.push({ path, change: `member ${shown(text)} added`, before: "never", after: text });
}

/** A type as code, cut to SHOWN characters. */
function shown(text: string): string {
  return codeSpan(text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text);
}
