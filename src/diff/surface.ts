// The public surface of an emitted client: what a consumer's code can name, and the types it sees.
// It is derived from the model, with the emitter's own type texts (type-expressions.ts) and names
// (client.ts), so that it says what the emitted package says, recorded in the manifest at each
// generation, and compared with the next one (compare.ts).
//
// What a consumer cannot type but may still care about (descriptions, examples, what a request
// sends) is kept as digests: they tell that something changed, which is all a changelog needs.
// Everything is sorted: the order of items, examples and keys in a collection is noise.
import { createHash } from "node:crypto";
import { referencedVariables, variablesIn } from "../command-line/credentials.js";
import { propertyAccess } from "../emit/literals.js";
import { clientExportNames, sharedExports } from "../emit/modules.js";
import { namespaceInterfaces, sharedOf } from "../emit/modules/layout.js";
import {
  clientPath,
  clientPathNames,
  requestKey,
  runtimeName,
  type NamesBefore,
  type NamingBefore,
} from "../model/naming.js";
import { secretVariables } from "../command-line/secret-variables.js";
import { credentialOption } from "./credential-option.js";
import { postmanPath } from "../model/selection.js";
import { canonicalShape } from "../model/shared-shapes.js";
import { INDEX_EXPORTS, TEXT_ALIAS } from "../model/reserved-names.js";
import { argType, isSuccess, shapeType, successType, TEXT_TYPE } from "../emit/type-expressions.js";
import { lookupFor } from "../emit/expectations.js";
import { withheld } from "../runtime/environments.js";
import type { Lookup } from "../runtime/template.js";
import type { ApiModel, ArgLocation, ArgModel, AuthModel, EnvironmentModel, OperationModel } from "../model/types.js";
import { REFERENCES } from "../model/references.js";
import { SCHEME_AND_SLASHES_SOURCE } from "../model/url-scheme.js";

/** Bumped when the recorded form changes; a surface of another format is not compared (initial). */
export const SURFACE_FORMAT = 1;

export interface ArgSurface {
  /** The key in the method's argument object. */
  arg: string;
  in: ArgLocation;
  required?: true;
  /** The TypeScript type the emitter writes for its value (an optional one's property takes `undefined` too). */
  type: string;
  enum?: string[];
  /** The type was inferred from the collection's example value (a JSON body). */
  fromExamples?: true;
}

export interface ResultSurface {
  status: number;
  /** The TypeScript type the emitter writes for the status's result. */
  type: string;
  /** The type was inferred from example responses. */
  fromExamples?: true;
}

export interface ErrorSurface {
  status: number;
  /** Documented API error codes, sorted. */
  codes: Array<number | string>;
}

export interface OperationSurface {
  /** Where the method sits: `client.users.userId.updateUserStatus`. */
  op: string;
  /** Name of the standalone function; its types are named after it. */
  export: string;
  /**
   * The operation's name at run time (`error.operation`, a hook's `request.operation`); absent in
   * older manifests, whose clients gave the method's name (`runtimeNameOf` in compare.ts).
   */
  name?: string;
  method: string;
  path: string;
  /** Base URL template, when it is not the API's default. */
  base?: string;
  /**
   * The base URL the request goes to by default (`resolveBase`), when the operation has a base of
   * its own or values of its own that fill the default one otherwise; absent in older manifests.
   */
  resolvedBase?: string;
  /** The auth scheme: `none`, `bearer`, `basic`, `apikey header X-Key`, `custom <scheme>`. */
  auth: string;
  /** Body encoding, when there is a body. */
  body?: string;
  args: ArgSurface[];
  /** Documented success statuses. */
  results: ResultSurface[];
  /** Documented error statuses and their codes. */
  errors: ErrorSurface[];
  /** Digest of the descriptions, scopes, rate-limit label and scripts the docs show. */
  docs: string;
  /**
   * `docs` in two: the descriptions (scopes and rate-limit label with them) and the Postman scripts
   * the docs list, so that a script added is not said to be a description changed. Absent in older
   * manifests, which are compared by `docs`.
   */
  notes?: { descriptions: string; scripts: string };
  /** Digest of the example responses and example values (bodies without their whitespace, in any order). */
  examples: string;
  /** Digest of what the request sends beyond its arguments' types: wire names, defaults, variables, credentials' variables. */
  sends: string;
  /**
   * Keys of `Variables` that what the request sends refers to (its path, its own base URL, its
   * arguments' defaults, its auth, its folders' and its own variables' values), sorted; absent when
   * none. The default base URL's are left out: its changes are said of the base URL. Read only with
   * `unresolved` (a manifest of the generator that records both).
   */
  uses?: string[];
  /**
   * Of `uses`, each that only arguments' defaults refer to (`Plaid-Version: {{plaid_version}}`),
   * with those arguments' keys: a call that passes them needs no value for it. Absent when none.
   */
  defaultsUse?: Record<string, string[]>;
  /**
   * Of `uses`, each that only the auth's credential refers to (`Authorization: Bearer {{token}}`),
   * with the client option that gives the credential instead (`token`, `apiKey`, `basic`:
   * diff/credential-option.ts): a call made with it needs no value for the variable. Absent when
   * none.
   */
  credentialUse?: Record<string, string>;
  /**
   * The request's Postman path (folders and name joined by `/`), by which a regeneration finds the
   * operation again to keep its names (`namesBefore`); absent in older manifests.
   */
  postmanPath?: string;
}

export interface Surface {
  format: typeof SURFACE_FORMAT;
  /** The client's default base URL template. */
  baseUrl: string;
  /** The default base URL as the client fills it without options (`resolveBase`); absent in older manifests. */
  resolvedBaseUrl?: string;
  /** Keys of the `Variables` type, sorted. */
  variables: string[];
  /** Digest of the variables' default values. */
  variableValues: string;
  /** Digest of the collection's name and description and the variables' descriptions. */
  docs: string;
  /**
   * `variableValues` and `docs` over the variables that have a value, and those that have a
   * description: a variable only a request refers to (`?region={{region}}`), added or removed, is a
   * key of `Variables` added or removed, not a value or a description changed. Absent in older
   * manifests, which are compared by the digests above.
   */
  given?: {
    values: string;
    docs: string;
    /**
     * Digest of the values of `values` that are the globals' (`fromGlobals`: the collection gives
     * the variable none), so that a change is said of the globals, not of the collection. Absent
     * when none is, and in older manifests.
     */
    globals?: string;
  };
  /**
   * Keys of `Variables` that a call made without an environment, passing nothing, has no value for
   * (`unresolved`): the client rejects such a call with a `ValidationError` naming the variable.
   * Absent in older manifests, whose values are compared by digest only.
   */
  unresolved?: string[];
  /**
   * Keys of `Variables` whose values the package leaves out as secrets (secretVariables: the
   * client asks the caller for them), sorted: where one loses its value, the change says it became
   * a secret rather than that the collection's value went. Names only, which the package holds too
   * (its client's `secrets`). Absent in older manifests.
   */
  secrets?: string[];
  /**
   * The package's exported names that belong to no operation (namespace interfaces, `createClient`,
   * the runtime's), sorted (`packageExports`); absent in manifests of older generators.
   */
  exports?: string[];
  /**
   * Each shared type the package exports (`src/shapes.ts`), written out whole as the operations'
   * types are, by name: a name kept while what it names changed is a change of the API too (an app
   * that imports `Owner` reads its fields); absent in manifests of older generators.
   */
  types?: Record<string, string>;
  /**
   * Each namespace's interface (`ClientUsersUserId`), by the namespace's path joined by `.`
   * (`users.userId`): `exports` has the names, this which namespace each types, so that a
   * regeneration keeps them (`namespaceTypesBefore`); absent in manifests of older generators.
   */
  namespaces?: Record<string, string>;
  /**
   * Each environment, by name, as the package holds it (`environments.staging`); absent in manifests
   * of older generators, whose environments are compared by name only (as exports).
   */
  environments?: Record<string, EnvironmentSurface>;
  /**
   * Each operation's rate-limit label (`rateLimit`), by its `op`, for those that have one: the
   * metadata types it as a literal (`getUserOperation.rateLimit: "Light"`, the union of all of them
   * `RateLimitLabel`), so that it is API, not only a description. Absent in older manifests, whose
   * labels are compared as descriptions (`docs`).
   */
  rateLimits?: Record<string, string>;
  /** Sorted by `op`. */
  operations: OperationSurface[];
}

/**
 * What a regeneration compares of an environment beside its name (compareEnvironments). No value is
 * kept, only a digest: an environment's values are data a person may not want in a changelog, even
 * those that are no secrets.
 */
export interface EnvironmentSurface {
  /** Digest of its values in the package (not the secrets', which never are). */
  values: string;
  /**
   * Keys the client asks the caller for when the environment is chosen (its secrets, and values it
   * could not encode: `withheld`), sorted. Names only, which the package exports too
   * (`environments.staging.secrets`).
   */
  withheld: string[];
  /**
   * Digest of the default base URL as the client fills it for this environment (`resolveBase` over
   * its values, then the collection's): a digest, as its values are, though the default's is
   * kept in clear (`resolvedBaseUrl`), which comes from the collection itself.
   */
  base: string;
  /**
   * Keys of `Variables` that a call made with this environment, passing nothing, has no value for
   * (`unresolved`): its withheld ones, and those neither it nor the collection gives. Absent in
   * older manifests.
   */
  unresolved?: string[];
}

export function surfaceOf(model: ApiModel): Surface {
  const variables = [...model.variables].sort((a, b) => compare(a.name, b.name));
  const resolvedBaseUrl = resolveBase(model.baseUrl, lookupFor(model, {}));
  const fromGlobals = variables.filter((v) => v.fromGlobals);
  return {
    format: SURFACE_FORMAT,
    // A target's base URL is written as given, userinfo and all.
    baseUrl: withoutCredentials(model.baseUrl),
    resolvedBaseUrl,
    variables: variables.map((v) => v.name),
    variableValues: digest(variables.map((v) => [v.name, v.default ?? null])),
    docs: digest([model.name, model.description ?? "", variables.map((v) => [v.name, v.description ?? ""])]),
    given: {
      values: digest(variables.filter((v) => v.default !== undefined).map((v) => [v.name, v.default])),
      ...(fromGlobals.length ? { globals: digest(fromGlobals.map((v) => [v.name, v.default])) } : {}),
      docs: digest([
        model.name,
        model.description ?? "",
        variables.filter((v) => v.description !== undefined).map((v) => [v.name, v.description]),
      ]),
    },
    unresolved: unresolved(model, lookupFor(model, {})),
    secrets: secretVariables(model),
    ...(model.environments?.length
      ? { environments: Object.fromEntries(model.environments.map((e) => [e.name, environmentSurface(e, model)])) }
      : {}),
    rateLimits: Object.fromEntries(
      model.operations
        .flatMap((op) => (op.rateLimit ? [[clientPath(op), op.rateLimit] as const] : []))
        .sort(([a], [b]) => compare(a, b)),
    ),
    operations: model.operations
      .map((op) => operationSurface(op, model, resolvedBaseUrl))
      .sort((a, b) => compare(a.op, b.op)),
  };
}

function environmentSurface(environment: EnvironmentModel, model: ApiModel): EnvironmentSurface {
  const collection = lookupFor(model, {});
  // As the client looks a variable up with the environment chosen: its value, else the
  // collection's; a withheld one has none here (the caller gives it), and takes none from below.
  const lookup: Lookup = (name) =>
    withheld(environment, name)
      ? undefined
      : Object.hasOwn(environment.values, name)
        ? environment.values[name]
        : collection(name);
  return {
    values: digest(Object.entries(environment.values).sort(([a], [b]) => compare(a, b))),
    withheld: [...new Set([...environment.secrets, ...(environment.unencodable ?? [])])].sort(compare),
    base: digest(resolveBase(model.baseUrl, lookup)),
    unresolved: unresolved(model, lookup, (name) => withheld(environment, name)),
  };
}

/**
 * `uses` of an operation's surface: the keys of `Variables` what it sends refers to, as the
 * package's command line reads them (referencedVariables).
 */
function usesOf(op: OperationModel, model: ApiModel): Pick<OperationSurface, "uses" | "defaultsUse" | "credentialUse"> {
  const found = new Set(referencedVariables(op));
  const uses = model.variables.map((v) => v.name).filter((name) => found.has(name));
  if (!uses.length) return {};
  // Only in the credential: the rest of what the request sends, its auth's other fields (an API
  // key's name) among it, does not refer to it.
  const credential = credentialOption(op.auth);
  const auth = Object.entries(op.auth);
  const inCredential = variablesIn(auth.filter(([key]) => credential?.fields.includes(key)));
  const rest = variablesIn([
    op.base,
    op.path,
    op.args.map((a) => a.default),
    op.variables,
    auth.filter(([key]) => !credential?.fields.includes(key)),
  ]);
  const byCredential = uses.filter((name) => inCredential.has(name) && !rest.has(name)).sort(compare);
  const elsewhere = new Set(referencedVariables({ ...op, args: [] }));
  const byDefaults = uses
    .filter((name) => !elsewhere.has(name))
    .sort(compare)
    .map((name) => [
      name,
      op.args.filter((a) => referencedVariables({ path: "", args: [a] }).includes(name)).map((a) => a.arg),
    ]);
  return {
    uses: uses.sort(compare),
    ...(byDefaults.length ? { defaultsUse: Object.fromEntries(byDefaults) } : {}),
    ...(byCredential.length
      ? { credentialUse: Object.fromEntries(byCredential.map((name) => [name, credential!.option])) }
      : {}),
  };
}

/**
 * The keys of `Variables` a call that passes nothing finds no value for with `lookup`, sorted, as
 * the client looks them up: a `hidden` one (an environment's withheld) is asked for whatever is
 * below it. A value of folders or requests counts wherever one gives the key: which requests refer
 * to a key is not kept, and an environment's value wins over theirs, so they matter only where it
 * has none.
 */
function unresolved(model: ApiModel, lookup: Lookup, hidden: (name: string) => boolean = () => false): string[] {
  const scoped = new Set(model.operations.flatMap((op) => Object.keys(op.variables ?? {})));
  return model.variables
    .map((v) => v.name)
    .filter((name) => hidden(name) || (lookup(name) === undefined && !scoped.has(name)))
    .sort(compare);
}

function operationSurface(op: OperationModel, model: ApiModel, resolvedBaseUrl: string): OperationSurface {
  // A base URL given through a variable changes with the variable's value as much as a literal
  // one with its text: what the client calls by default is compared, not only the template.
  const base = resolveBase(op.base ?? model.baseUrl, lookupFor(model, {}, op.variables));
  const args = [...op.args].sort((a, b) => compare(a.arg, b.arg));
  const responses = [...op.responses].sort((a, b) => a.status - b.status);
  // The docs' digest as older generators wrote it: the descriptions' parts, then the scripts.
  const descriptions = [
    op.item,
    op.folder,
    op.description ?? "",
    op.scopes ?? [],
    op.rateLimit ?? "",
    args.map((a) => [a.arg, a.description ?? ""]),
    responses.map((r) => [
      r.status,
      r.description ?? "",
      [...r.errorCodes].sort((a, b) => compareCodes(a.code, b.code)).map((c) => [c.code, c.description]),
    ]),
  ];
  const scripts = op.scripts
    .map((s) => [s.listen, s.scope, s.lines, s.sets])
    .map((s) => JSON.stringify(s))
    .sort();
  return {
    op: clientPath(op),
    export: op.exportName,
    name: runtimeName(op),
    method: op.method,
    path: op.path,
    ...(op.base !== undefined ? { base: op.base } : {}),
    ...(op.base !== undefined || base !== resolvedBaseUrl ? { resolvedBase: base } : {}),
    auth: authScheme(op.auth),
    ...(op.body ? { body: op.body.encoding } : {}),
    args: args.map((arg) => argSurface(arg, op)),
    results: responses
      .filter((r) => isSuccess(op, r.status))
      .map((r) => {
        const { type, inferredFrom } = successType(op, r);
        return { status: r.status, type, ...(inferredFrom !== undefined ? { fromExamples: true as const } : {}) };
      }),
    errors: responses
      .filter((r) => !isSuccess(op, r.status))
      .map((r) => ({ status: r.status, codes: r.errorCodes.map((c) => c.code).sort(compareCodes) })),
    docs: digest([...descriptions, scripts]),
    notes: { descriptions: digest(descriptions), scripts: digest(scripts) },
    examples: digest([
      args.map((a) => [a.arg, a.example === undefined ? null : JSON.stringify(a.example)]),
      responses
        .flatMap((r) =>
          r.examples.map((e) => JSON.stringify([r.status, e.name, e.contentType ?? "", bodyText(e.body)])),
        )
        .sort(),
    ]),
    sends: digest([
      args.map((a) => [a.arg, a.name, a.default === undefined ? null : JSON.stringify(a.default), a.disabled ?? false]),
      op.body?.contentType ?? "",
      Object.entries(op.variables ?? {}).sort(([a], [b]) => compare(a, b)),
      credentialValues(op.auth),
      // Only where there are some: the digests of operations without stay as they were.
      ...(op.bareQuery ? [op.bareQuery] : []),
      ...(op.redirect ? [op.redirect] : []),
    ]),
    ...usesOf(op, model),
    postmanPath: postmanPath(op),
  };
}

function argSurface(arg: ArgModel, op: OperationModel): ArgSurface {
  return {
    arg: arg.arg,
    in: arg.in,
    ...(arg.required ? { required: true as const } : {}),
    // Plain text in full: the alias (TEXT_ALIAS) names the same type, and surfaces recorded before it compare alike.
    type: argType(arg, op),
    ...(arg.enum ? { enum: arg.enum } : {}),
    // A JSON body's type is a guess from its one example (docs.ts says so in the JSDoc).
    ...(arg.type === "json" && arg.typeHint !== "graphql" && arg.shape ? { fromExamples: true as const } : {}),
  };
}

/** What the collection gives a credential (references to variables), without the scheme. */
function credentialValues(auth: AuthModel): Array<string | null> {
  switch (auth.type) {
    case "bearer":
      return [auth.token ?? null];
    case "apikey":
      return [auth.value ?? null];
    case "basic":
      return [auth.username ?? null, auth.password ?? null];
    default:
      return [];
  }
}

/**
 * A base URL template as the client fills it when the caller passes nothing: the request's and
 * the collection's values (lookupFor). A variable without one, a dynamic one (`{{$guid}}`, new at
 * each call) and one that refers to itself stay as written. Shown in reports and kept in the
 * manifest, it goes without userinfo, query or fragment: credentials or a key may sit there, and
 * a base needs none of them.
 */
export function resolveBase(template: string, lookup: Lookup): string {
  const fill = (text: string, seen: readonly string[]): string =>
    text.replace(REFERENCES, (whole, name: string) => {
      const value = seen.includes(name) ? undefined : lookup(name);
      return value === undefined ? whole : fill(value, [...seen, name]);
    });
  return withoutCredentials(fill(template, []));
}

/** A scheme and `//` (group 1), then userinfo up to its `@`. */
const USER_INFO_AFTER_SCHEME = new RegExp(String.raw`^(${SCHEME_AND_SLASHES_SOURCE})[^/?#]*@`, "i");

/** A URL without userinfo (`https://user:password@host`), query or fragment. */
export function withoutCredentials(url: string): string {
  return url.replace(USER_INFO_AFTER_SCHEME, "$1").replace(/[?#].*$/s, "");
}

/** The scheme only: the variables a credential refers to are part of `sends`. */
function authScheme(auth: AuthModel): string {
  switch (auth.type) {
    case "apikey":
      return `apikey ${auth.in} ${auth.name}`;
    case "custom":
      return `custom ${auth.scheme}`;
    default:
      return auth.type;
  }
}

/**
 * The whole surface of a package: the operations' (surfaceOf) and what the emitter exports beside
 * them, names (packageExports) and shared types' texts (exportedTypes).
 */
export function packageSurface(model: ApiModel): Surface {
  return {
    ...surfaceOf(model),
    exports: packageExports(model),
    types: exportedTypes(model),
    namespaces: namespaceInterfaces(model),
  };
}

/**
 * The shapes' module's types (TEXT_ALIAS, the shared shapes), each written out (no shared name
 * inside) in one order (`canonicalShape`: the same type, whatever order the examples gave it), by
 * name, in name order.
 */
function exportedTypes(model: ApiModel): Record<string, string> {
  const { shared } = sharedOf(model);
  const types = shared.shapes.map((s) => [s.name, shapeType(canonicalShape(s.shape))] as const);
  // TEXT_ALIAS is always exported (shapesExports).
  return Object.fromEntries([[TEXT_ALIAS, TEXT_TYPE] as const, ...types].sort(([a], [b]) => compare(a, b)));
}

/**
 * The package's exported names that are not an operation's: the client modules' own, as the
 * emitter decides them (`clientExportNames`, `sharedExports`: nothing about naming is decided
 * twice, and nothing is printed), and the runtime's names the package's index re-exports.
 */
export function packageExports(model: ApiModel): string[] {
  const runtime = INDEX_EXPORTS.flatMap((m) => [...m.values, ...m.types]);
  // The shared shapes and responseChecks, which the root module re-exports from modules of their own.
  return [
    ...new Set([...clientExportNames(model), ...runtime, ...environmentExports(model), ...sharedExports(model)]),
  ].sort(compare);
}

/**
 * Each environment as a name code can use: `environments.staging`, a member of the
 * `EnvironmentName` union that `createClient({ environment })` takes. An environment added is then
 * an export added (minor), one removed or renamed an export removed (major). What changed inside
 * one that both packages have (values, secrets, base URL) is compared from `environments`
 * (compareEnvironments in compare.ts).
 */
function environmentExports(model: ApiModel): string[] {
  return (model.environments ?? []).map((e) => `environments${propertyAccess(e.name)}`);
}

/**
 * A surface read back from a manifest, or undefined when it is missing, of another format or not
 * whole (a manifest edited by hand): then there is nothing to compare with, as on a first run.
 */
export function readSurface(json: unknown): Surface | undefined {
  if (!json || typeof json !== "object") return undefined;
  const s = { ...(json as Partial<Surface>) };
  // Every package exports TEXT_ALIAS (shapesExports); older generators exported it only where some
  // argument took plain text, so a record without it is of one of those, not of an API without it.
  if (Array.isArray(s.exports) && !s.exports.includes(TEXT_ALIAS)) s.exports = [...s.exports, TEXT_ALIAS];
  if (
    s.format !== SURFACE_FORMAT ||
    !Array.isArray(s.operations) ||
    !Array.isArray(s.variables) ||
    typeof s.baseUrl !== "string"
  )
    return undefined;
  const whole = (op: Partial<OperationSurface>) =>
    [op.op, op.export, op.method, op.path, op.auth].every((v) => typeof v === "string") &&
    Array.isArray(op.args) &&
    op.args.every((a) => typeof a?.arg === "string" && typeof a.type === "string") &&
    Array.isArray(op.results) &&
    op.results.every((r) => typeof r?.status === "number" && typeof r.type === "string") &&
    Array.isArray(op.errors) &&
    op.errors.every((e) => typeof e?.status === "number" && Array.isArray(e.codes));
  if (!s.operations.every((op) => op && typeof op === "object" && whole(op))) return undefined;
  // Recorded only by newer generators: without both digests, the older ones are compared.
  const given = s.given as Partial<Surface["given"]> | undefined;
  const givenWhole =
    given === undefined ||
    (typeof given?.values === "string" &&
      typeof given.docs === "string" &&
      (given.globals === undefined || typeof given.globals === "string"));
  // Environments out of shape are compared as an older manifest's: by name only (as exports).
  const environmentsWhole = s.environments === undefined || wholeEnvironments(s.environments);
  const unresolvedWhole = s.unresolved === undefined || strings(s.unresolved);
  const secretsWhole = s.secrets === undefined || strings(s.secrets);
  const rateLimitsWhole =
    s.rateLimits === undefined ||
    (typeof s.rateLimits === "object" &&
      s.rateLimits !== null &&
      !Array.isArray(s.rateLimits) &&
      Object.values(s.rateLimits).every((label) => typeof label === "string"));
  if (givenWhole && environmentsWhole && unresolvedWhole && secretsWhole && rateLimitsWhole) return s as Surface;
  const {
    given: _given,
    environments: _environments,
    unresolved: _unresolved,
    secrets: _secrets,
    rateLimits: _rateLimits,
    ...older
  } = s;
  return {
    ...older,
    ...(rateLimitsWhole && s.rateLimits !== undefined ? { rateLimits: s.rateLimits } : {}),
    ...(givenWhole && given !== undefined ? { given: s.given } : {}),
    ...(environmentsWhole && s.environments !== undefined ? { environments: s.environments } : {}),
    ...(unresolvedWhole && s.unresolved !== undefined ? { unresolved: s.unresolved } : {}),
    ...(secretsWhole && s.secrets !== undefined ? { secrets: s.secrets } : {}),
  } as Surface;
}

function wholeEnvironments(recorded: unknown): boolean {
  if (!recorded || typeof recorded !== "object" || Array.isArray(recorded)) return false;
  return Object.values(recorded).every((e: Partial<EnvironmentSurface> | null) =>
    Boolean(
      e &&
      typeof e.values === "string" &&
      typeof e.base === "string" &&
      strings(e.withheld) &&
      (e.unresolved === undefined || strings(e.unresolved)),
    ),
  );
}

function strings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/**
 * The names a regeneration of the output that recorded `surface` keeps (model/naming.ts): each
 * operation's method and export name, by its request. An operation of an older manifest, which
 * recorded no Postman path, is named as in a first generation.
 */
export function namesBefore(surface: Surface | undefined): NamesBefore[] {
  return (surface?.operations ?? []).flatMap((op) =>
    typeof op.postmanPath === "string"
      ? [
          {
            request: requestKey({ ...op, postmanPath: op.postmanPath }),
            ...clientPathNames(op.op),
            exportName: op.export,
          },
        ]
      : [],
  );
}

/**
 * What a regeneration of the output that recorded `surface` names around (`NamingOptions`): its
 * operations' names (`namesBefore`), its shared types' (`types`) and its namespaces' interfaces'
 * (`namespaces`), which keep them.
 */
export function namingBefore(surface: Surface | undefined): NamingBefore {
  const types: unknown = surface?.types;
  return {
    before: namesBefore(surface),
    typesBefore: types && typeof types === "object" && !Array.isArray(types) ? Object.keys(types).sort(compare) : [],
    interfacesBefore: [...new Set(Object.values(namespaceTypesBefore(surface) ?? {}))].sort(compare),
  };
}

/**
 * The namespaces' interfaces a regeneration of the output that recorded `surface` keeps
 * (`namespaceTypes` in model/naming.ts); none from an older manifest, or one edited out of shape.
 */
export function namespaceTypesBefore(surface: Surface | undefined): Record<string, string> | undefined {
  const recorded: unknown = surface?.namespaces;
  if (!recorded || typeof recorded !== "object" || Array.isArray(recorded)) return undefined;
  const entries = Object.entries(recorded);
  return entries.every(([, type]) => typeof type === "string") ? Object.fromEntries(entries) : undefined;
}

/** Text with its whitespace runs made one space: a whitespace-only edit is no change. */
function squeeze(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\s+/g, " ").trim();
  if (Array.isArray(value)) return value.map(squeeze);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, squeeze(v)]));
  return value;
}

/** An example body without its layout: JSON re-serialised, anything else with its whitespace squeezed. */
function bodyText(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return squeeze(body) as string;
  }
}

/** 16 hex digits of sha256: enough to tell a change, short enough for the manifest. */
function digest(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(squeeze(value)))
    .digest("hex")
    .slice(0, 16);
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareCodes(a: number | string, b: number | string): number {
  return typeof a === typeof b
    ? typeof a === "number"
      ? a - (b as number)
      : compare(a as string, b as string)
    : typeof a === "number"
      ? -1
      : 1;
}
