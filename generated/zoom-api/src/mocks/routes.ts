// Which operation a request is for: its method, and its URL against each operation's URL as the
// client builds it, with the client's own functions (src/runtime/paths.ts): the base URL (the
// client's `baseUrl`, or the operation's own base and `baseUrls`), the path with `{{variables}}`
// filled by the same lookup order, and one percent-encoded segment per path variable. The URL
// parser then normalises both sides alike.
import { withheld } from "../runtime/environments.js";
import { baseTemplate, joinUrl, pathParts } from "../runtime/paths.js";
import { fillTemplate, type Lookup } from "../runtime/template.js";
import type { ArgSpec, OperationSpec } from "../runtime/spec.js";
import type { MockApi, MockOptions } from "./types.js";

export interface RouteMatch {
  /** The operation a request is for: the first of `operations`. */
  readonly operation: OperationSpec;
  /**
   * Every operation of the same route that matches as well, in collection order: requests of the
   * collection that share the method and path (`POST /link/token/create` seven times over, told
   * apart by their bodies; `GET /search?type=user` and `?type=repo`), which the URL cannot tell
   * apart. One route is what `sharedRoutes` groups.
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
  /**
   * Each operation's `{{variables}}` that had no value for the mock, so matched any text: a client
   * given one (its environment's) may be calling another operation than the one that matched.
   */
  readonly unfilled: ReadonlyMap<OperationSpec, readonly string[]>;
  /** The operations that share a route with these values, as `sharedRoutes` groups them. */
  readonly shared: readonly (readonly OperationSpec[])[];
}

interface Route {
  operation: OperationSpec;
  method: string;
  pattern: RegExp;
  /** The names of the path variables, in the order of the pattern's groups. */
  names: string[];
  /** How specific the route is: the literal characters of its pattern (`/users/me` beats `/users/{id}`). */
  weight: number;
  /** The `{{variables}}` without a value, which match any text. */
  unfilled: string[];
  /**
   * The route itself: the method, and the literal text of the pattern with a `{}` for each slot
   * (a path variable, a `{{variable}}` without a value). Operations with the same key are one
   * route, whose requests only what they send can tell apart: the router's ties (of those that
   * match: a value that may span segments matches more), and the generator's groups
   * (`sharedRoutes`). `/users/{id}` and `/users/{{userId}}` are one route; `/users/{{me}}`, whose
   * value is `me`, is `/users/me`'s, more specific; the same key has the same weight.
   */
  key: string;
}

/**
 * The operations that share a route, as the router ties them: groups of two or more, each in
 * collection order, the groups in the order of their first operation. The generator calls it with
 * the collection's own values (the package's defaults) to decide what tells each group's requests
 * apart (mock-data.ts's `requestFacts`), so that it and the router never disagree on what one
 * route is.
 */
export function sharedRoutes(api: RoutedApi, options: MockOptions<object> = {}): OperationSpec[][] {
  return groupsOf(api.operations.map((op) => route(api, options, op)));
}

function groupsOf(routes: readonly Route[]): OperationSpec[][] {
  const groups = new Map<string, OperationSpec[]>();
  for (const { key, operation } of routes) groups.set(key, [...(groups.get(key) ?? []), operation]);
  return [...groups.values()].filter((group) => group.length > 1);
}

/** What routing reads of the API: the operations, and the defaults that fill their URLs. */
export type RoutedApi = Pick<MockApi, "baseUrl" | "variables" | "operations">;

export function createRouter(api: RoutedApi, options: MockOptions<object> = {}): Router {
  const routes = api.operations.map((op) => route(api, options, op));
  const match = (method: string, url: URL): RouteMatch | undefined => {
    const target = withoutQuery(url);
    let best: { route: Route; match: RegExpExecArray } | undefined;
    const matched: Route[] = [];
    for (const candidate of routes) {
      if (candidate.method !== method.toUpperCase()) continue;
      const match = candidate.pattern.exec(target);
      if (!match) continue;
      matched.push(candidate);
      if (!best || candidate.weight > best.route.weight) best = { route: candidate, match };
    }
    if (!best) return undefined;
    // The best route's operations (one key has one weight); another route as specific that matches
    // too (`/a/{x}` and `/{y}/b` for `/a/b`) is another route: the first in collection order wins.
    const tied = matched.filter((r) => r.key === best!.route.key).map((r) => r.operation);
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
  return {
    match,
    patterns: new Map(routes.map((r) => [r.operation, r.pattern])),
    unfilled: new Map(routes.map((r) => [r.operation, r.unfilled])),
    shared: groupsOf(routes),
  };
}

function route(api: RoutedApi, options: MockOptions<object>, op: OperationSpec): Route {
  // A collection may hold any text where a slot's mark would be: the first tag that its own URL
  // does not hold.
  // Each failed attempt is a tag the URL holds, of which a URL holds fewer than its length; past
  // that, a route that matches nothing rather than a loop without end (a generation must finish
  // whatever the collection holds).
  for (let attempt = 0; attempt < 1_000; attempt++) {
    const found = routeMarked(api, options, op, `zqmockslot${attempt.toString(36)}s`);
    if (found) return found;
  }
  const method = op.method.toUpperCase();
  return {
    operation: op,
    method,
    pattern: /(?!)/,
    names: [],
    weight: -1,
    key: `${method} \0${op.name}`,
    unfilled: [],
  };
}

/**
 * The route, with each slot of the URL marked `<tag><index>q` while it is parsed (lower-case
 * letters and digits survive in a host and a path); undefined when the URL holds the tag itself.
 */
function routeMarked(
  api: RoutedApi,
  options: MockOptions<object>,
  op: OperationSpec,
  tag: string,
): Route | undefined {
  const lookup = clientLookup(api, options, op);
  const slots: Array<
    | { kind: "arg"; name: string; segments?: true; empty?: true }
    | { kind: "any"; variable?: string }
  > = [];
  const slot = (value: (typeof slots)[number]) => `${tag}${slots.push(value) - 1}q`;
  // A variable without a value (or a dynamic one such as {{$guid}}) matches any text. The values
  // the options give are used as given, as the client uses the caller's.
  const orAny: Lookup = (name) =>
    lookup(name) ?? slot({ kind: "any", ...(name.startsWith("$") ? {} : { variable: name }) });
  orAny.given = lookup.given;
  // A template's text with its slots marked; one that cannot be filled is one slot, the marks its
  // failed fill made taken back: each slot must be in the URL once, or no tag would ever do.
  const fill = (template: string) => {
    const before = slots.length;
    try {
      return fillTemplate(template, orAny, op.name);
    } catch {
      slots.length = before;
      return slot({ kind: "any" });
    }
  };
  // The same text, read only (its marks taken back): whether an argument's default spans segments.
  const probe = (template: string) => {
    const before = slots.length;
    const text = fill(template);
    slots.length = before;
    return text;
  };
  const base = fill(baseTemplate(op, options.baseUrl ?? api.baseUrl, options.baseUrls));
  const path = pathParts(op)
    .map((part) =>
      typeof part === "string"
        ? part
        : "variable" in part
          ? fill(part.variable)
          : slot({
              kind: "arg",
              name: part.name,
              ...(spansSegments(part, probe) ? { segments: true as const } : {}),
              ...(emptyByDefault(part, probe) ? { empty: true as const } : {}),
            }),
    )
    .join("");
  const joined = joinUrl(base, path);
  // The URL parser lower-cases a host and decodes its percent-escapes: a tag hidden that way counts.
  const plain = joined.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  if (occurrences(plain.toLowerCase(), tag) !== slots.length) return undefined;
  let text: string | undefined;
  let prefix = "^";
  // A base that starts with a variable without a value may hold a scheme (`{{baseUrl}}`), where
  // joinUrl would take it for a host and make it http; such a base, or one that is no URL without
  // the values it lacks, matches the path under any base.
  if (!base.startsWith(tag) || base.includes("://")) {
    try {
      text = withoutQuery(new URL(joined));
    } catch {
      text = undefined;
    }
  }
  if (text === undefined) {
    text = new URL(joinUrl("http://mock.invalid", path)).pathname;
    prefix = "^[^?#]*?";
  }
  const names: string[] = [];
  const unfilled = new Set<string>();
  let weight = 0;
  let source = prefix;
  let shape = prefix;
  let last = 0;
  const seen = new Set<number>();
  for (const match of text.matchAll(new RegExp(`${tag}(\\d+)q`, "g"))) {
    const literal = text.slice(last, match.index);
    weight += literal.length;
    source += escapeRegExp(literal);
    shape += escapeRegExp(literal);
    const index = Number(match[1]);
    const found = slots[index];
    // Parsing made the tag (a host's punycode): another tag.
    if (found === undefined || seen.has(index)) return undefined;
    seen.add(index);
    if (found.kind === "arg") {
      names.push(found.name);
      const span = found.segments ? "[^?#]" : "[^/?#]";
      source += `(${span}${found.empty ? "*" : "+"}${found.segments ? "?" : ""})`;
    } else {
      source += "[^/?#]*";
      if (found.variable !== undefined) unfilled.add(found.variable);
    }
    // Escaped literals hold no bare brace: a slot's mark cannot be mistaken for text.
    shape += "{}";
    last = match.index + match[0].length;
  }
  const rest = text.slice(last).replace(/\/$/, "");
  weight += rest.length;
  source += `${escapeRegExp(rest)}/?$`;
  shape += escapeRegExp(rest);
  const method = op.method.toUpperCase();
  return {
    operation: op,
    method,
    pattern: new RegExp(source),
    names,
    weight,
    key: `${method} ${shape}`,
    unfilled: [...unfilled],
  };
}

/**
 * A path argument whose collection value holds a `/` once filled (`{{operation}}` =
 * `operations/123`): the client sends that value as Postman does, a `/` kept, so it may span
 * segments (a value the caller passes is one).
 */
function spansSegments(arg: ArgSpec, fill: (template: string) => string): boolean {
  return typeof arg.default === "string" && fill(arg.default).includes("/");
}

/**
 * A path argument whose collection value is a variable that is empty (Adyen's `:merchantId` =
 * `{{YOUR_MERCHANT_ACCOUNT}}`, a collection variable left for the user to fill): the client, not
 * given the argument, sends that value as Postman does, an empty segment
 * (`/merchants//splitConfigurations`), which is that operation's request still.
 */
function emptyByDefault(arg: ArgSpec, fill: (template: string) => string): boolean {
  return typeof arg.default === "string" && fill(arg.default) === "";
}

/**
 * The client's lookup order for the mock (src/runtime/core.ts): the options' values, then the
 * environment's, then the operation's, then the collection's. A secret of the environment, or a
 * value it could not encode, hides the values below it: the caller gives it, or it is any text.
 */
export function clientLookup(
  api: RoutedApi,
  options: MockOptions<object>,
  op: OperationSpec,
): Lookup & Required<Pick<Lookup, "given">> {
  const given = variableLookup([options.variables]);
  const environment = options.environment;
  const below = variableLookup([environment?.values, op.variables, api.variables]);
  return Object.assign(
    (name: string) =>
      given(name) ?? (environment && withheld(environment, name) ? undefined : below(name)),
    { given },
  );
}

/** The first value a variable has in these scopes, in order. */
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

function occurrences(text: string, tag: string): number {
  let count = 0;
  for (let at = text.indexOf(tag); at !== -1; at = text.indexOf(tag, at + 1)) count++;
  return count;
}

/** `text` as a pattern that matches it alone (the generated tests' expected values use it too). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
