// Postman's variable scopes around a collection, decided in one pass: which value a `{{name}}`
// takes, and which values never reach a client. Postman's precedence, narrowest wins:
//
//   global < collection < environment < data < local
//
// - globals: below everything; a global's value becomes a variable's default only where the
//   collection (and its folders and requests) defines none.
// - collection: the collection's variables, and its folders' and requests' own (Postman's runner
//   ignores those; the client counts them as the collection's, the request's own winning).
// - environment: chosen when the client is made (`createClient({ environment })`), over the
//   collection's values; the model keeps each environment's values apart for that.
// - data: newman's iteration data files; a client makes no iterations, so there is none.
// - local: what the caller passes at run time (`variables` of createClient and of each call).
//
// Secrets never reach a client, in the collection's variables (collection.ts) as in environments
// and globals: a value of type `secret`, one whose key names a credential (credential-names.ts), and
// one the collection sends as a credential (a token, a key, a password, in an auth or a header, a
// URL, a body: whatever its key, or a value such a one refers to; authCredentials), is left out with a warning naming the file and the key, never the
// value; the client then asks for it at run time rather than falling back to a wider scope's value
// (if a request refers to it: one only a script reads is never asked for, and its warning says so).
// A value with half a character (a lone surrogate), which the client could not send, is left out
// the same way (as the collection's are, collection.ts), with its own warning.
import { readScopeFile, secretReason, type ScopeFile, type ScopeValue } from "./environment.js";
import { environmentName } from "./environment-name.js";
import { HALF_CHARACTER_LEFT_OUT, hasHalfCharacter } from "./arg.js";
import { holdsCredential } from "./auth.js";
import {
  argPlace,
  sentAsCredential,
  textWithoutCredentials,
  urlCredentialLeftOut,
  userInfoPasswords,
  type Place,
} from "./credentials.js";
import { withoutKnownSecrets } from "./known-secrets.js";
import { heldSecret, notText, references, type DefinedVariable, type VariableValue } from "./variables.js";
import { withReferences } from "../model/references.js";
import { requestedVariables } from "../model/unset-variables.js";
import { emptyHost, hostVariables } from "./empty-host.js";
import { isObject, readJsonBody } from "./json.js";
import { CodegenError } from "../errors.js";
import { masker } from "../runtime/redact.js";
import { shownPath } from "../shown-path.js";
import type { Limits } from "./limits.js";
import type { OnRead } from "./read.js";
import type { ApiModel, EnvironmentModel, VariableModel, Warning } from "../model/types.js";

export interface Scopes {
  globals?: ScopeFile;
  /** Each environment under the name the client knows it by, in the target's order. */
  environments: Array<{ name: string; scope: ScopeFile }>;
}

/** A target's environment files: the name given to each (a config key), else the file's own `name`. */
export interface EnvironmentSource {
  file: string;
  name?: string;
}

/**
 * Reads and checks a target's environment and globals files; names must be unique. `onOwnName` is
 * told the name each environment file gives itself, as read from the bytes `onRead` was given: a
 * generation hashes an environment given without a name under it, and parses nothing again.
 */
export async function readScopes(
  environments: readonly EnvironmentSource[],
  globals: string | undefined,
  limits?: Limits,
  onRead?: OnRead,
  onOwnName?: (file: string, name: string | undefined) => void,
): Promise<Scopes> {
  const named: Scopes["environments"] = [];
  for (const source of environments) {
    const scope = await readScopeFile(source.file, "environment", limits, onRead);
    onOwnName?.(source.file, scope.name);
    const name = environmentName(source.name, () => scope.name);
    if (name === undefined) {
      throw new CodegenError(
        source.file,
        "name",
        'the environment has no name, which the client would know it by: give it one in the file, or in the config (environments: { "staging": "<file>" })',
      );
    }
    const twin = named.find((e) => e.name === name);
    if (twin)
      throw new CodegenError(
        source.file,
        source.name === undefined ? "name" : undefined,
        // Copies of one export keep its name (a "docker" environment still named "dev"): say how to tell them apart.
        `${shownPath(twin.scope.file)} is also named ${JSON.stringify(name)}: each environment needs its own name: ` +
          `rename one in its file, or name each in the config (environments: { "<name>": "<file>" }), whose key wins over the file's name`,
      );
    named.push({ name, scope });
  }
  return {
    ...(globals !== undefined ? { globals: await readScopeFile(globals, "globals", limits, onRead) } : {}),
    environments: named,
  };
}

/**
 * The model with the scopes applied: globals' values as defaults where the collection has none,
 * each environment's values (the ones that are no secret) and the keys it keeps secret, every
 * variable those values refer to, and a warning per value left out.
 */
export function applyScopes(model: ApiModel, scopes: Scopes): ApiModel {
  if (!scopes.globals && scopes.environments.length === 0) return model;
  const warnings: Warning[] = [];
  const scopeValues = [...(scopes.globals?.values ?? []), ...scopes.environments.flatMap((e) => e.scope.values)].map(
    (v) => [v.key, v.value] as const,
  );
  const credentials = authCredentials(model, scopeValues);
  // What a secret's warning says the client does with it: asks for it, or never needs it.
  const requested = requestedVariables(model, scopeValues);
  const clean = valueWithoutCredentials(warnings);
  // Values left out for half a character. The caller must give them as it gives a secret: an
  // environment lists them beside its secrets (as `unencodable`), and they hide the collection's
  // value below as the secrets do (Postman would send the environment's, so the collection's is not
  // what the user's environment says).
  const unsendable = new Set<ScopeValue>();
  const marked = (file: ScopeFile): ScopeFile => ({
    ...file,
    values: file.values.map((v) => {
      const secret = v.secret ?? secretReason(v.key, v.value, undefined, credentials);
      if (secret) return secret === v.secret ? v : { ...v, secret };
      const value = clean(v.key, v.value, v.source, file.file);
      if (hasHalfCharacter(value)) {
        warnings.push({
          file: file.file,
          source: `${v.source}.value`,
          message: `the value of variable ${JSON.stringify(v.key)} ${HALF_CHARACTER_LEFT_OUT}`,
        });
        const left = { ...v, value: "" };
        unsendable.add(left);
        return left;
      }
      return value === v.value ? v : { ...v, value };
    }),
  });
  const kept = (v: ScopeValue | undefined): boolean => v !== undefined && !v.secret && !unsendable.has(v);
  scopes = {
    ...(scopes.globals ? { globals: marked(scopes.globals) } : {}),
    environments: scopes.environments.map(({ name, scope }) => ({ name, scope: marked(scope) })),
  };
  const files = [...(scopes.globals ? [scopes.globals] : []), ...scopes.environments.map((e) => e.scope)];
  for (const file of files) {
    if (file.noValues)
      warnings.push({
        file: file.file,
        source: "values",
        message: `the ${file.kind === "globals" ? "globals file" : "environment"} has no \`values\`: read as holding none, as newman reads it`,
      });
    for (const value of file.values) {
      const slip = notText(value.key, value, value.secret !== undefined);
      if (slip) warnings.push({ file: file.file, source: `${value.source}.value`, message: slip });
      if (value.secret && leavesOut(value))
        warnings.push({
          file: file.file,
          source: `${value.source}.value`,
          ...leftOut(value.key, value.secret, "the client", requested.has(value.key)),
        });
    }
  }

  const globals = new Map((scopes.globals?.values ?? []).map((v) => [v.key, v]));
  const environments = scopes.environments.map(({ name, scope }) => ({
    name,
    values: new Map(scope.values.map((v) => [v.key, v])),
  }));

  // Every name the requests refer to, and, in turn, every name a value they may take refers to.
  const known = new Map(model.variables.map((v) => [v.name, v]));
  const names = new Set(known.keys());
  const pending = [...names];
  const follow = (value: string | undefined) => {
    if (value === undefined) return;
    for (const name of references(value)) {
      if (names.has(name)) continue;
      names.add(name);
      pending.push(name);
    }
  };
  while (pending.length) {
    const name = pending.pop()!;
    follow(known.get(name)?.default);
    for (const values of [globals, ...environments.map((e) => e.values)]) {
      const value = values.get(name);
      if (kept(value)) follow(value?.value);
    }
  }

  const globalSecrets: string[] = [];
  const variables: VariableModel[] = [];
  const order = [...known.keys(), ...[...names].filter((name) => !known.has(name))];
  for (const name of order) {
    const variable: VariableModel = known.get(name) ?? { name };
    const global = globals.get(name);
    // A global left out for half a character gives no default: the caller must give the variable.
    if (variable.default !== undefined || !global || unsendable.has(global)) variables.push(variable);
    else if (global.secret) {
      globalSecrets.push(name);
      variables.push(variable);
    } else variables.push({ ...variable, default: global.value, fromGlobals: true });
  }

  const environmentModels = environments.map(({ name, values }): EnvironmentModel => {
    const all = [...values.values()];
    // Apart from the secrets: the client says why it asks for each (a value left out for half a character is no secret).
    const unencodable = all.filter((v) => unsendable.has(v)).map((v) => v.key);
    return {
      name,
      values: Object.fromEntries(all.filter(kept).map((v) => [v.key, v.value])),
      secrets: all.filter((v) => !kept(v) && !unsendable.has(v)).map((v) => v.key),
      ...(unencodable.length ? { unencodable } : {}),
    };
  });

  // An environment's empty host variable (empty-host.ts).
  const hosts = hostVariables([model.baseUrl, ...model.operations.map((op) => op.base)]);
  for (const { name, scope } of scopes.environments) {
    for (const value of scope.values) {
      if (!hosts.has(value.key) || value.value !== "" || !kept(value)) continue;
      warnings.push({
        file: scope.file,
        source: `${value.source}.value`,
        message: emptyHost(value.key, name),
      });
    }
  }

  // A saved answer or a description may quote a secret of the user's environment: what the client
  // documents of it does not (collection.ts does the same with the collection's own).
  const secretValues = files.flatMap((file) => file.values.flatMap((v) => (v.secret && leavesOut(v) ? [v.value] : [])));
  const mask = secretValues.length ? masker(secretValues) : undefined;
  const documented = mask ? withoutKnownSecrets({ ...model, variables }, mask, warnings) : { ...model, variables };
  return {
    ...documented,
    ...(environmentModels.length ? { environments: environmentModels } : {}),
    ...(globalSecrets.length ? { globalSecrets } : {}),
    warnings: [
      ...model.warnings.map((warning) => askedAfterAll(warning, requested)),
      ...warnings.map((warning) => withScope(warning, scopes)),
    ],
  };
}

/**
 * A warning about an environment or the globals, with what the emitted package calls that file:
 * its README lists the warning where the file's path would mean nothing (and would be a path the
 * input hash does not key on), and the environment's name is what the client knows it by.
 */
function withScope(warning: Warning, scopes: Scopes): Warning {
  if (warning.file === undefined) return warning;
  const environment = scopes.environments.find(({ scope }) => scope.file === warning.file);
  if (environment) return { ...warning, scope: `environment ${JSON.stringify(environment.name)}` };
  return scopes.globals?.file === warning.file ? { ...warning, scope: "globals" } : warning;
}

/**
 * The variables the requests send as credentials, and in turn every variable a value of theirs
 * refers to (a token `{{prod_token}}` makes `prod_token` one): secrets in any scope whatever their
 * key (also for the Postman API's stored copies, pull.ts). A request sends one in its auth, in a
 * header, query parameter, path variable or body field sent as a credential (credentials.ts's
 * sentAsCredential: `Authorization: Bearer {{token}}`, `?sig={{sig}}`, `"password": "{{pw}}"`), in
 * a JWT auth's header or payload field named as one (`"api_secret": "{{s}}"`), and as a URL's user
 * info password (`https://{{user}}:{{password}}@host`, in a request's URL or
 * a value). `values` adds the values of other scopes (environments, globals) to follow.
 */
export function authCredentials(
  model: {
    baseUrl?: string;
    operations: ReadonlyArray<{
      auth: unknown;
      base?: string;
      args?: ReadonlyArray<{
        name: string;
        in: string;
        type?: string;
        default?: unknown;
        credentialVariables?: readonly string[];
      }>;
      userInfoVariables?: readonly string[];
      variables?: Readonly<Record<string, string>>;
    }>;
    variables?: ReadonlyArray<{ name: string; default?: string }>;
  },
  values: Iterable<readonly [string, string]> = [],
): Set<string> {
  const names = new Set<string>();
  const walk = (value: unknown, field: string): void => {
    if (typeof value === "string") {
      if (holdsCredential(field)) for (const name of references(value)) names.add(name);
    } else if (Array.isArray(value)) for (const item of value) walk(item, field);
    else if (value !== null && typeof value === "object")
      for (const [key, item] of Object.entries(value)) walk(item, key);
  };
  // A JSON value's fields are judged by their own names as JSON fields, a list's items by the list's.
  const sent = (name: string, value: unknown, place: Place): void => {
    if (sentAsCredential(name, value, place)) references(value, names);
    else if (Array.isArray(value)) for (const item of value) sent(name, item, place);
    else if (value !== null && typeof value === "object")
      for (const [key, field] of Object.entries(value)) sent(key, field, "json field");
  };
  const scoped: Array<readonly [string, string]> = [];
  for (const variable of model.variables ?? [])
    if (variable.default !== undefined) scoped.push([variable.name, variable.default]);
  for (const op of model.operations) {
    walk(op.auth, "");
    // A JWT's header and payload are JSON whose fields are judged by their names, as a body's.
    if (isObject(op.auth) && op.auth["type"] === "jwt")
      for (const key of ["header", "payload"]) {
        const text = op.auth[key];
        if (typeof text === "string") sent("", readJsonBody(text)?.value, undefined);
      }
    for (const arg of op.args ?? []) {
      sent(arg.name, arg.default, argPlace(arg));
      for (const name of arg.credentialVariables ?? []) names.add(name);
    }
    for (const name of op.userInfoVariables ?? []) names.add(name);
    scoped.push(...Object.entries(op.variables ?? {}));
  }
  const all = [...scoped, ...values];
  for (const text of [model.baseUrl ?? "", ...model.operations.map((op) => op.base ?? ""), ...all.map(([, v]) => v)])
    references(userInfoPasswords(text), names);
  return withReferences(names, all);
}

/**
 * Decides, for the collection's own variables (and its folders' and requests'), which values are
 * secrets: each is left out of the client with a warning (but an empty one: leavesOut), once per
 * entry, as an environment's are; the warning says whether the client asks for it (`requested`:
 * requestedVariables).
 */
export function collectionSecrets(
  credentials: ReadonlySet<string>,
  requested: ReadonlySet<string>,
  warnings: Warning[],
): (key: string, variable: DefinedVariable) => boolean {
  const reported = new Set<string>();
  return (key, variable) => {
    const reason = secretReason(key, variable.value, variable.type, credentials);
    if (!reason) return false;
    if (!reported.has(variable.source) && leavesOut(variable)) {
      reported.add(variable.source);
      warnings.push({ source: `${variable.source}.value`, ...leftOut(key, reason, "the client", requested.has(key)) });
    }
    return true;
  };
}

/**
 * A variable's value (the collection's, a folder's, a request's, an environment's) without the
 * credentials written into a URL it holds (credentials.ts), with a warning per entry, once, naming
 * its key and never the value. The rest of the value is kept: `{{host}}` still works.
 */
export function valueWithoutCredentials(
  warnings: Warning[],
): (key: string, value: string, source: string, file?: string) => string {
  const reported = new Set<string>();
  return (key, value, source, file) => {
    const { text, leftOut } = textWithoutCredentials(value);
    if (leftOut.length && !reported.has(`${file ?? ""}\0${source}`)) {
      reported.add(`${file ?? ""}\0${source}`);
      warnings.push({
        ...(file !== undefined ? { file } : {}),
        source: `${source}.value`,
        message: urlCredentialLeftOut(`the value of ${JSON.stringify(key)}`, leftOut),
      });
    }
    return text;
  };
}

/**
 * Whether leaving a secret's value out leaves anything out, for a warning to say so: an empty value
 * or a null holds nothing (heldSecret). Such a value stays a secret all the same, which the client
 * asks for at run time: an export carries initial values only, and a secret's is often left empty
 * for a current value that Postman never exports (and sends in its place).
 */
export function leavesOut(variable: VariableValue): boolean {
  return heldSecret(variable) !== undefined;
}

/**
 * The warning for a value left out of the client (or of a stored copy, pull.ts), naming its key
 * and why, never the value. The key and why are its subject, so that a person reads one file's
 * secrets as one problem (model/warning-groups.ts): leaving them out is what the docs promise, and
 * a line per secret, at every regeneration, buried the warnings that ask for something. `--json`
 * keeps one warning per value, with its place. `requested`: whether a request refers to it
 * (requestedVariables); one no request refers to (a script's, which the generator does not run)
 * is never asked for, and the warning says so rather than have a team pass what it never needs.
 */
export function leftOut(
  key: string,
  reason: "type" | "name" | "auth",
  of = "the client",
  requested = true,
): { message: string; subject: string } {
  const why =
    reason === "type"
      ? 'its type is "secret"'
      : reason === "name"
        ? "its name says it is a credential"
        : "the collection sends it as a credential";
  const subject = `${JSON.stringify(key)} (${why})`;
  return {
    message: `the value of ${subject} is left out of ${of}: ${requested ? ASKED : NOT_ASKED}`,
    subject,
  };
}

const ASKED = "the client asks for it at run time (pass it in variables)";
const NOT_ASKED = "no request refers to it (a script may), so nothing asks for it";

/**
 * A collection's secret warned of as never asked for (collectionSecrets, which knows no
 * environment), said again as asked for where an environment's or the globals' value that a
 * request takes refers to it (`{{token}}` = `{{signingKey}}`): `requested` as applyScopes knows it.
 */
function askedAfterAll(warning: Warning, requested: ReadonlySet<string>): Warning {
  if (warning.file !== undefined || !warning.subject || !warning.message.endsWith(`: ${NOT_ASKED}`)) return warning;
  const key = /^("(?:[^"\\]|\\.)*") \(/.exec(warning.subject)?.[1];
  if (key === undefined || !requested.has(JSON.parse(key) as string)) return warning;
  return { ...warning, message: `${warning.message.slice(0, -NOT_ASKED.length)}${ASKED}` };
}
