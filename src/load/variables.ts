// Collection variables, resolved here rather than by the SDK's VariableScope#replaceIn, which also
// fills dynamic variables such as {{$guid}} with random values (output must be deterministic).
import { isObject } from "./json.js";

export class Variables {
  private readonly values = new Map<string, string>();

  /** Reads a `variable` list (`[{key|id, value, disabled}]`); later lists shadow earlier ones. */
  static from(...lists: unknown[]): Variables {
    const scope = new Variables();
    for (const list of lists) {
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        if (!isObject(entry) || entry["disabled"] === true) continue;
        const key = typeof entry["key"] === "string" ? entry["key"] : entry["id"];
        const value = entry["value"];
        if (typeof key !== "string") continue;
        if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
          scope.values.set(key, String(value));
        }
      }
    }
    return scope;
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /**
   * Replaces every `{{name}}` that has a value. Values may refer to other variables; a reference
   * cycle or a missing variable leaves the reference as it is and reports its name.
   */
  resolve(text: string): { text: string; unresolved: string[] } {
    const unresolved = new Set<string>();
    const replace = (input: string, seen: ReadonlySet<string>): string =>
      input.replace(/\{\{([^{}]+)\}\}/g, (whole, name: string) => {
        const value = this.values.get(name);
        if (value === undefined || seen.has(name)) {
          unresolved.add(name);
          return whole;
        }
        return replace(value, new Set([...seen, name]));
      });
    return { text: replace(text, new Set()), unresolved: [...unresolved] };
  }
}

/** The name when the whole text is one `{{name}}` reference. */
export function soleVariable(text: string): string | undefined {
  return /^\{\{([^{}]+)\}\}$/.exec(text)?.[1];
}
