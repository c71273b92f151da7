// One argument of an operation from a collection key, its value and its description.
import { parseParamDescription, parsePlaceholder } from "../model/conventions.js";
import {
  headerCredential,
  literalCredential,
  textWithoutCredentials,
  urlCredentialLeftOut,
  writtenParts,
} from "./credentials.js";
import { hasTemplate } from "./json.js";
import { references } from "../model/references.js";
import type { ArgLocation, LoadedArg, Source, Warning } from "../model/types.js";

export const WHERE: Record<ArgLocation, string> = {
  path: "path variable",
  query: "query parameter",
  header: "header",
  body: "body field",
};

export interface RawArg {
  name: string;
  in: ArgLocation;
  value: unknown;
  description: string | undefined;
  source: Source;
  disabled?: boolean;
  /** Headers are sent with their collection value unless the caller passes another. */
  valueIsDefault?: boolean;
  /** Path variables are required unless they have a default: a URL cannot leave a segment out. */
  forceRequired?: boolean;
  /** Where a credential's literal value, left out, is reported. */
  warnings: Warning[];
  /** Gets what a credential's literal value writes out (writtenParts), for collection.ts's set. */
  written?: Set<string> | undefined;
}

/**
 * Half a character (a lone surrogate, as text cut by length leaves half an emoji): the client
 * refuses such a value, a URL or UTF-8 would send U+FFFD, and encodeURIComponent throws on it.
 */
export function hasHalfCharacter(text: string): boolean {
  // With the u flag a surrogate pair is one code point: only a lone surrogate is in category Cs.
  return /\p{Cs}/u.test(text);
}

export const HALF_CHARACTER_LEFT_OUT =
  "holds half a character (a lone surrogate), which the client cannot send: left out";

export function toArg(raw: RawArg): LoadedArg {
  const conventions = parseParamDescription(raw.description);
  const written =
    typeof raw.value === "string" || typeof raw.value === "number" || typeof raw.value === "boolean"
      ? String(raw.value)
      : undefined;
  // A literal credential (`Authorization: Bearer abc`, `?api_key=abc`, `X-Custom: Bearer abc`) is
  // neither sent by default nor shown as an example: secrets are never copied into a client.
  const secret = raw.in === "header" ? headerCredential(raw.name, raw.value) : literalCredential(raw.name, raw.value);
  if (secret && raw.written) for (const part of writtenParts(raw.value)) raw.written.add(part);
  if (secret)
    raw.warnings.push(
      credentialLeftOut(
        raw.in,
        raw.name,
        raw.source,
        literalCredential(raw.name, raw.value) ? "its name says" : "its value's auth scheme says",
      ),
    );
  // A URL in the value keeps its place, without the credentials written into it.
  const cleaned = written === undefined || secret ? { text: written, leftOut: [] } : textWithoutCredentials(written);
  if (cleaned.leftOut.length)
    raw.warnings.push({
      source: raw.source,
      message: urlCredentialLeftOut(`the value of ${WHERE[raw.in]} ${JSON.stringify(raw.name)}`, cleaned.leftOut),
    });
  // The client refuses to send it: no example, no default.
  const half = cleaned.text !== undefined && hasHalfCharacter(cleaned.text);
  if (half)
    raw.warnings.push({
      source: raw.source,
      message: `the value of ${WHERE[raw.in]} ${JSON.stringify(raw.name)} ${HALF_CHARACTER_LEFT_OUT}`,
    });
  const text = half ? undefined : cleaned.text;
  const placeholder = parsePlaceholder(text);
  const { typeHint } = placeholder;
  const example = secret ? undefined : placeholder.example;
  const credentialVariables = leftOutVariables(written, secret ? undefined : cleaned.text);
  // A value that refers to variables is wired to configuration: it is what the client sends by default.
  const isDefault = example !== undefined && !raw.disabled && (hasTemplate(example) || raw.valueIsDefault === true);
  return {
    name: raw.name,
    in: raw.in,
    required: !isDefault && (conventions.required || raw.forceRequired === true),
    ...(conventions.enum ? { enum: conventions.enum } : {}),
    ...(typeHint ? { typeHint } : {}),
    ...(conventions.description ? { description: conventions.description } : {}),
    ...(example !== undefined && !hasTemplate(example) ? { example } : {}),
    ...(isDefault ? { default: example } : {}),
    ...(raw.disabled ? { disabled: true } : {}),
    ...(credentialVariables.length ? { credentialVariables } : {}),
    source: raw.source,
  };
}

/** The variables a value refers to that what is kept of it (after its credentials went) does not. */
export function leftOutVariables(written: unknown, kept: unknown): string[] {
  const left = references(kept ?? null);
  return [...references(written ?? null)].filter((name) => !left.has(name));
}

/** The warning for a credential's literal value left out (`why`: what says it is one). */
export function credentialLeftOut(location: ArgLocation, name: string, source: Source, why = "its name says"): Warning {
  const subject = `${WHERE[location]} ${JSON.stringify(name)}`;
  return {
    source,
    message: `the value of ${subject} is left out of the client (${why} it holds a credential): pass it when calling, or refer to a variable`,
    subject,
  };
}

/**
 * Query parameters or form fields of one item, each marked repeatable; enabled entries that share
 * a key become one argument at the first one's place, whose example (or default, when one of them
 * refers to variables) is the list of their values in order. Postman sends them all: a list keeps
 * them. Disabled entries stay arguments of their own, as before.
 */
export function repeatableArgs(args: LoadedArg[]): LoadedArg[] {
  const groups = new Map<string, LoadedArg[]>();
  for (const arg of args) if (!arg.disabled) groups.set(arg.name, [...(groups.get(arg.name) ?? []), arg]);
  const out: LoadedArg[] = [];
  for (const arg of args) {
    const group = arg.disabled ? [arg] : groups.get(arg.name)!;
    if (group.length === 1) out.push({ ...arg, repeatable: true });
    else if (group[0] === arg) out.push(mergeList(group));
  }
  return out;
}

/**
 * Where each value of the entries of `args` (a form's fields as written, before repeatableArgs)
 * goes: the place of its argument among those repeatableArgs makes of them, once for each value the
 * entry sends, where the collection gives a key again after another key (`a`, `b`, `a`:
 * `[0, 1, 0]`); else undefined, the arguments' own order being the collection's. A file entry whose
 * `src` lists several files sends a part for each, together at the entry's place, as newman sends
 * them (`f` of two files, `b`, `f`: `[0, 0, 1, 0]`). Runtime/spec.ts's `bodyOrder`.
 */
export function entryOrder(args: readonly LoadedArg[]): number[] | undefined {
  const places = new Map<string, number>();
  let next = 0;
  const order = args.flatMap((arg) => {
    const place = arg.disabled ? next++ : (places.get(arg.name) ?? next++);
    if (!arg.disabled) places.set(arg.name, place);
    return Array<number>(valuesOf(arg)).fill(place);
  });
  return givenAgainAfterAnother(order) ? order : undefined;
}

/** The values an entry sends: a file entry one for each of its files (at least one), any other one. */
function valuesOf(arg: LoadedArg): number {
  return arg.type === "file" ? Math.max(1, arg.fileNames?.length ?? 0) : 1;
}

/**
 * Whether entries placed by their arguments' places (each argument at its first entry's) give an
 * argument again after another's: only then does the order of the arguments differ from theirs.
 */
export function givenAgainAfterAnother(places: readonly number[]): boolean {
  return places.some((place, i) => i > 0 && place < places[i - 1]!);
}

function mergeList(group: LoadedArg[]): LoadedArg {
  const [first] = group as [LoadedArg, ...LoadedArg[]];
  // A placeholder (`<integer>`) stands for a value of its type, as it is sent when passed.
  const values = group.map((a) => a.default ?? a.example ?? (a.typeHint ? `<${a.typeHint}>` : ""));
  const isDefault = group.some((a) => a.default !== undefined);
  const { example: _example, default: _default, required: _required, contentType: _type, ...rest } = first;
  const credentialVariables = [...new Set(group.flatMap((a) => a.credentialVariables ?? []))];
  // A file field's names and types: each entry's files in turn; its type, the one they all share.
  const fileNames = group.flatMap((a) => a.fileNames ?? []);
  const fileTypes = group.flatMap((a) => a.fileTypes ?? []);
  const contentType = fileTypes.length ? (new Set(fileTypes).size === 1 ? fileTypes[0] : undefined) : first.contentType;
  return {
    ...rest,
    ...(contentType ? { contentType } : {}),
    ...(credentialVariables.length ? { credentialVariables } : {}),
    ...(fileNames.length ? { fileNames, fileTypes } : {}),
    required: !isDefault && group.some((a) => a.required),
    ...(isDefault ? { default: values } : { example: values }),
    repeatable: true,
  };
}
