// One argument of an operation from a collection key, its value and its description.
import { parseParamDescription, parsePlaceholder } from "../model/conventions.js";
import type { ArgLocation, ArgModel, Source } from "../model/types.js";
import { OBJECT_MEMBERS } from "../model/naming.js";

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
}

export function toArg(raw: RawArg): ArgModel {
  const conventions = parseParamDescription(raw.description);
  const text =
    typeof raw.value === "string" || typeof raw.value === "number" || typeof raw.value === "boolean"
      ? String(raw.value)
      : undefined;
  const { typeHint, example } = parsePlaceholder(text);
  // A value that refers to variables is wired to configuration: it is what the client sends by default.
  const isDefault = example !== undefined && !raw.disabled && (hasTemplate(example) || raw.valueIsDefault === true);
  return {
    arg: raw.name,
    name: raw.name,
    in: raw.in,
    required: !isDefault && (conventions.required || raw.forceRequired === true),
    ...(conventions.enum ? { enum: conventions.enum } : {}),
    ...(typeHint ? { typeHint } : {}),
    ...(conventions.description ? { description: conventions.description } : {}),
    ...(example !== undefined && !hasTemplate(example) ? { example } : {}),
    ...(isDefault ? { default: example } : {}),
    ...(raw.disabled ? { disabled: true } : {}),
    source: raw.source,
  };
}

/**
 * Query parameters or form fields of one item, each marked repeatable; enabled entries that share
 * a key become one argument at the first one's place, whose example (or default, when one of them
 * refers to variables) is the list of their values in order. Postman sends them all: a list keeps
 * them. Disabled entries stay arguments of their own, as before.
 */
export function repeatableArgs(args: ArgModel[]): ArgModel[] {
  const groups = new Map<string, ArgModel[]>();
  for (const arg of args) if (!arg.disabled) groups.set(arg.name, [...(groups.get(arg.name) ?? []), arg]);
  const out: ArgModel[] = [];
  for (const arg of args) {
    const group = arg.disabled ? [arg] : groups.get(arg.name)!;
    if (group.length === 1) out.push({ ...arg, repeatable: true });
    else if (group[0] === arg) out.push(mergeList(group));
  }
  return out;
}

function mergeList(group: ArgModel[]): ArgModel {
  const [first] = group as [ArgModel, ...ArgModel[]];
  // A placeholder (`<integer>`) stands for a value of its type, as it is sent when passed.
  const values = group.map((a) => a.default ?? a.example ?? (a.typeHint ? `<${a.typeHint}>` : ""));
  const isDefault = group.some((a) => a.default !== undefined);
  const { example: _example, default: _default, required: _required, ...rest } = first;
  return {
    ...rest,
    required: !isDefault && group.some((a) => a.required),
    ...(isDefault ? { default: values } : { example: values }),
    repeatable: true,
  };
}

export function hasTemplate(value: unknown): boolean {
  if (typeof value === "string") return /\{\{[^{}]+\}\}/.test(value);
  if (Array.isArray(value)) return value.some(hasTemplate);
  if (typeof value === "object" && value !== null) return Object.values(value).some(hasTemplate);
  return false;
}

/**
 * Argument keys are the collection's own keys; when two places use the same key (a path variable
 * and a body field both called `id`), the later one is prefixed with its place: `body_id`. So is
 * a key that names a member of every object (`query_constructor`).
 */
export function uniqueArgKeys(args: ArgModel[]): ArgModel[] {
  // An optional argument under such a key (`constructor?: "a" | "b"`) would make every call that
  // leaves it out a type error (`Function` is not assignable to `"a" | "b"`).
  const used = new Set<string>(OBJECT_MEMBERS);
  return args.map((arg) => {
    let key = arg.name;
    if (used.has(key)) key = `${arg.in}_${arg.name}`;
    for (let n = 2; used.has(key); n++) key = `${arg.in}_${arg.name}${n}`;
    used.add(key);
    return key === arg.arg ? arg : { ...arg, arg: key };
  });
}
