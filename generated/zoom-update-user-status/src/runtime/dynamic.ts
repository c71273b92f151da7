// Postman's dynamic variables (`{{$guid}}`, …), new at each use. Only a package whose collection
// refers to one passes them to the core (`ClientDefaults.dynamic`), so other bundles leave this out.

/**
 * Postman's dynamic variables that have an unambiguous meaning; others must be given as variables.
 * A Map, so that `{{constructor}}` or `{{__proto__}}` finds nothing here, as any unknown name.
 */
const DYNAMIC = new Map<string, () => string>([
  ["$guid", () => crypto.randomUUID()],
  ["$randomUUID", () => crypto.randomUUID()],
  ["$timestamp", () => String(Math.floor(Date.now() / 1000))],
  ["$isoTimestamp", () => new Date().toISOString()],
  ["$randomInt", () => String(Math.floor(Math.random() * 1001))],
]);

/** A new value of the dynamic variable `name`; `undefined` when it is none. */
export function dynamicVariable(name: string): string | undefined {
  return DYNAMIC.get(name)?.();
}

/** Whether `name` is a dynamic variable: the generator passes them only to a client whose collection refers to one. */
export function isDynamicVariable(name: string): boolean {
  return DYNAMIC.has(name);
}
