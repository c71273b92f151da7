// One argument of an operation from a collection key, its value and its description.
import { parseParamDescription, parsePlaceholder } from "../model/conventions.js";
import type { ArgLocation, ArgModel, Source } from "../model/types.js";

export interface RawArg {
  name: string;
  in: ArgLocation;
  value: unknown;
  description: string | undefined;
  source: Source;
  /** Path variables are always required: a URL cannot leave a segment out. */
  forceRequired?: boolean;
}

export function toArg(raw: RawArg): ArgModel {
  const conventions = parseParamDescription(raw.description);
  const value = typeof raw.value === "string" || typeof raw.value === "number" || typeof raw.value === "boolean" ? String(raw.value) : undefined;
  return {
    arg: raw.name,
    name: raw.name,
    in: raw.in,
    required: conventions.required || raw.forceRequired === true,
    ...(conventions.enum ? { enum: conventions.enum } : {}),
    ...parsePlaceholder(value),
    ...(conventions.description ? { description: conventions.description } : {}),
    source: raw.source,
  };
}

/**
 * Argument keys are the collection's own keys; when two places use the same key (a path variable
 * and a body field both called `id`), the later one is prefixed with its place: `body_id`.
 */
export function uniqueArgKeys(args: ArgModel[]): ArgModel[] {
  const used = new Set<string>();
  return args.map((arg) => {
    let key = arg.name;
    if (used.has(key)) key = `${arg.in}_${arg.name}`;
    for (let n = 2; used.has(key); n++) key = `${arg.in}_${arg.name}${n}`;
    used.add(key);
    return key === arg.arg ? arg : { ...arg, arg: key };
  });
}
