// Which operation a request is for: its method, and its URL against each operation's URL as the
// client builds it, with the client's own functions (src/runtime/paths.ts): the base URL (the
// client's `baseUrl`, or the operation's own base and `baseUrls`), the path with `{{variables}}`
// filled by the same lookup order, and one percent-encoded segment per path variable. The URL
// parser then normalises both sides alike.
import { baseTemplate, joinUrl, pathParts } from "../runtime/paths.js";
import { fillTemplate, type Lookup } from "../runtime/template.js";
import type { ArgSpec, OperationSpec } from "../runtime/spec.js";
import type { MockApi, MockOptions } from "./types.js";

export interface RouteMatch {
  /** The operation a request is for: the first of `operations`. */
  readonly operation: OperationSpec;
  /**
   * Every operation that matches as well, in collection order: requests of the collection that
   * share the method and path (`POST /link/token/create` seven times over, told apart by their
   * bodies; `GET /search?type=user` and `?type=repo`), which the URL cannot tell apart.
   */
  readonly operations: readonly OperationSpec[];
  /** Path variables by the collection's name, percent-decoded (of `operation`'s path). */
  readonly params: Readonly<Record<string, string>>;
}

export interface Router {
  /** The operations a request may be for: its method, and the most specific path that matches its URL. */
  match(method: string, url: URL): RouteMatch | undefined;
  /** Each operation's URL pattern (any method), matched against the URL without its query. */
  readonly patterns: ReadonlyMap<OperationSpec, RegExp>;
}

interface Route {
  operation: OperationSpec;
  method: string;
  pattern: RegExp;
  /** The names of the path variables, in the order of the pattern's groups. */
  names: string[];
  /** How specific the route is: the literal characters of its pattern (`/users/me` beats `/users/{id}`). */
  weight: number;
}

/** Marks a slot in a URL while it is parsed: lower-case letters and digits survive in a host and a path. */
const SLOT = (i: number) => `zq${i}mockslotq`;
const SLOTS = /zq(\d+)mockslotq/g;

export function createRouter(api: MockApi, options: MockOptions<object> = {}): Router {
  const routes = api.operations.map((op) => route(api, options, op));
  const match = (method: string, url: URL): RouteMatch | undefined => {
    const target = withoutQuery(url);
    let best: { route: Route; match: RegExpExecArray } | undefined;
    let tied: OperationSpec[] = [];
    for (const candidate of routes) {
      if (candidate.method !== method.toUpperCase()) continue;
      const match = candidate.pattern.exec(target);
      if (!match) continue;
      if (!best || candidate.weight > best.route.weight) {
        best = { route: candidate, match };
        tied = [candidate.operation];
      } else if (candidate.weight === best.route.weight) tied.push(candidate.operation);
    }
    if (!best) return undefined;
    const params: Record<string, string> = {};
    best.route.names.forEach((name, i) => {
      Object.defineProperty(params, name, {
        value: decode(best!.match[i + 1]!),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
    return { operation: best.route.operation, operations: tied, params };
  };
  return { match, patterns: new Map(routes.map((r) => [r.operation, r.pattern])) };
}

function route(api: MockApi, options: MockOptions<object>, op: OperationSpec): Route {
  const lookup = variableLookup([options.variables, op.variables, api.variables]);
  const slots: Array<{ kind: "arg"; name: string; segments?: true } | { kind: "any" }> = [];
  const slot = (value: (typeof slots)[number]) => SLOT(slots.push(value) - 1);
  // A variable without a value (or a dynamic one such as {{$guid}}) matches any text. The values
  // the options give are used as given, as the client uses the caller's.
  const orAny: Lookup = (name) => lookup(name) ?? slot({ kind: "any" });
  orAny.given = variableLookup([options.variables]);
  const fill = (template: string) => {
    try {
      return fillTemplate(template, orAny, op.name);
    } catch {
      return slot({ kind: "any" });
    }
  };
  const base = fill(baseTemplate(op, options.baseUrl ?? api.baseUrl, options.baseUrls));
  const path = pathParts(op)
    .map((part) =>
      typeof part === "string"
        ? part
        : "variable" in part
          ? fill(part.variable)
          : slot({ kind: "arg", name: part.name, ...(spansSegments(part, fill) ? { segments: true as const } : {}) }),
    )
    .join("");
  let text: string | undefined;
  let prefix = "^";
  // A base that starts with a variable without a value may hold a scheme (`{{baseUrl}}`), where
  // joinUrl would take it for a host and make it http; such a base, or one that is no URL without
  // the values it lacks, matches the path under any base.
  if (!/^zq\d+mockslotq/.test(base) || base.includes("://")) {
    try {
      text = withoutQuery(new URL(joinUrl(base, path)));
    } catch {
      text = undefined;
    }
  }
  if (text === undefined) {
    text = new URL(joinUrl("http://mock.invalid", path)).pathname;
    prefix = "^[^?#]*?";
  }
  const names: string[] = [];
  let weight = 0;
  let source = prefix;
  let last = 0;
  for (const match of text.matchAll(SLOTS)) {
    const literal = text.slice(last, match.index);
    weight += literal.length;
    source += escape(literal);
    const found = slots[Number(match[1])]!;
    if (found.kind === "arg") {
      names.push(found.name);
      source += found.segments ? "([^?#]+?)" : "([^/?#]+)";
    } else source += "[^/?#]*";
    last = match.index + match[0].length;
  }
  const rest = text.slice(last).replace(/\/$/, "");
  weight += rest.length;
  source += `${escape(rest)}/?$`;
  return { operation: op, method: op.method.toUpperCase(), pattern: new RegExp(source), names, weight };
}

/**
 * A path argument whose collection value holds a `/` once filled (`{{operation}}` =
 * `operations/123`): the client sends that value as Postman does, a `/` kept, so it may span
 * segments (a value the caller passes is one).
 */
function spansSegments(arg: ArgSpec, fill: (template: string) => string): boolean {
  return typeof arg.default === "string" && fill(arg.default).includes("/");
}

/** The client's lookup order for the mock: its options, then the operation's variables, then the collection's. */
function variableLookup(scopes: ReadonlyArray<object | undefined>): Lookup {
  return (name) => {
    for (const scope of scopes) {
      if (scope && Object.prototype.hasOwnProperty.call(scope, name)) {
        const value = (scope as Record<string, unknown>)[name];
        if (value !== undefined && value !== null) return String(value);
      }
    }
    return undefined;
  };
}

/** The URL as MSW matches a pattern against it: without query and fragment. */
export function withoutQuery(url: URL): string {
  const copy = new URL(url.href);
  copy.search = "";
  copy.hash = "";
  return copy.href;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
