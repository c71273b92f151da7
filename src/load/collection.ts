// Collection file → intermediate model: read and check the file, walk it, and turn each request
// (parsed by the postman-collection SDK) into a plain-data operation. The loader keeps the
// collection's own names; model/naming.ts decides the identifiers (`loadCollection` runs it).
import sdk, { descriptionOf, type Request } from "./sdk.js";
import { HALF_CHARACTER_LEFT_OUT, hasHalfCharacter } from "./arg.js";
import { effectiveAuth, withUserInfo } from "./auth.js";
import { bodyModeWarning, loadBody } from "./body.js";
import { loadHeaders } from "./headers.js";
import { fillBareKeys, fillKeys, sentKeys } from "./key-variables.js";
import { behaviorWarnings, redirectOf } from "./protocol-profile.js";
import { descriptionText } from "./description.js";
import { isObject, stringOr } from "./json.js";
import { readCollectionFile, type CollectionFile, type OnRead } from "./read.js";
import { fileTitle } from "./input-file.js";
import { exampleReads, responseModels, type ExampleReads } from "./responses.js";
import { withoutKnownSecrets } from "./known-secrets.js";
import { scriptWarnings } from "./scripts.js";
import { emptyHost, hostVariables } from "./empty-host.js";
import { bareKeyPlaces, urlModel, type BareKey, type WrittenKey } from "./url.js";
import { definedVariables, heldSecret, notText, references, type DefinedVariable } from "./variables.js";
import { authCredentials, collectionSecrets, valueWithoutCredentials } from "./scopes.js";
import { requestedVariables } from "../model/unset-variables.js";
import { requestEntries, type RequestEntry } from "./walk.js";
import { userInfoPasswords } from "./credentials.js";
import { CodegenError } from "../errors.js";
import { masker } from "../runtime/redact.js";
import { DEFAULT_LIMITS, raise, type Limits } from "./limits.js";
import { inferShapes } from "../model/infer.js";
import { nameModel } from "../model/naming.js";
import { parseOperationDescription } from "../model/operation-doc.js";
import { cleanMarkdown } from "../model/markdown.js";
import type { ApiModel, LoadedModel, LoadedOperation, VariableModel, Warning } from "../model/types.js";
import { memoized } from "../memo.js";

export interface LoadOptions {
  /** Which requests to keep, by their folders and name (the target's include/exclude). */
  select?: (path: readonly string[]) => boolean;
  limits?: Partial<Limits>;
  onRead?: OnRead;
}

/** The collection's model with its identifiers, as a target without name overrides gets them. */
export async function loadCollection(file: string, options: LoadOptions = {}): Promise<ApiModel> {
  return toModel(await readCollectionFile(file, { ...DEFAULT_LIMITS, ...options.limits }, options.onRead), options);
}

/** The collection's model with its own names only: the naming pass (model/naming.ts) comes next. */
export async function readCollection(file: string, options: LoadOptions = {}): Promise<LoadedModel> {
  return toLoadedModel(
    await readCollectionFile(file, { ...DEFAULT_LIMITS, ...options.limits }, options.onRead),
    options,
  );
}

export function toModel(collection: CollectionFile, options: LoadOptions = {}): ApiModel {
  return nameModel(toLoadedModel(collection, options), namingOptions(collection.file, options));
}

/** What the naming pass needs from the loader: the file and the limit on identifiers, for its errors. */
export function namingOptions(file: string, options: Pick<LoadOptions, "limits"> = {}) {
  return {
    file,
    maxIdentifierLength: options.limits?.maxIdentifierLength ?? DEFAULT_LIMITS.maxIdentifierLength,
    raiseLimit: raise("maxIdentifierLength"),
  };
}

/** Docs keep this much of a request's description: editors show it, and formatting stays quick. */
const MAX_DESCRIPTION = 64 * 1024;

/** Methods that fetch cannot send with a body. */
const NO_BODY_METHODS = new Set(["GET", "HEAD"]);

/** An operation as read, with its base and its variables' entries, decided on over all operations. */
type Loaded = Omit<LoadedOperation, "variables" | "bareQuery"> & {
  baseTemplate: string;
  defined: Map<string, DefinedVariable>;
  bareKeys: BareKey[];
  writtenKeys: WrittenKey[];
  valuedKeys: BareKey[];
};

/** The values of variables' entries. */
function valuesOf(defined: Map<string, DefinedVariable>): Record<string, string> {
  return Object.fromEntries([...defined].map(([key, v]) => [key, v.value]));
}

/**
 * Whether a variable's value can be sent; one with half a character cannot (the client refuses it
 * as it would an argument's), so it is left out, once reported, and the client asks for the variable.
 */
function halfCharacters(warnings: Warning[]): (name: string, value: string, source: string) => boolean {
  const reported = new Set<string>();
  return (name, value, source) => {
    if (!hasHalfCharacter(value)) return true;
    if (!reported.has(source)) {
      reported.add(source);
      warnings.push({
        source: `${source}.value`,
        message: `the value of variable ${JSON.stringify(name)} ${HALF_CHARACTER_LEFT_OUT}`,
      });
    }
    return false;
  };
}

export function toLoadedModel(collection: CollectionFile, options: LoadOptions = {}): LoadedModel {
  const { json } = collection;
  const warnings: Warning[] = [];
  if (collection.apiAnswer)
    warnings.push({
      source: "collection",
      message:
        'this is a Postman API answer (`{ "collection": … }`): read its `collection` object, as pull stores it; the places other messages name are inside it',
    });
  const collectionVariables = definedVariables({ list: json["variable"], source: "variable" });
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const all = requestEntries(json, warnings, collection.file, limits);
  const selected = all.filter(
    (entry) => !options.select || options.select([...entry.folder, stringOr(entry.json["name"], "")]),
  );
  const over = selected[limits.maxRequests];
  if (over) {
    throw new CodegenError(
      collection.file,
      over.source,
      `the collection has more than ${limits.maxRequests} requests (this is request ${limits.maxRequests + 1}): ${raise("maxRequests")}`,
    );
  }
  const requests = selected.flatMap((entry) => {
    const request = sdkRequest(entry, collection.file);
    return sentByPostman(request, entry, warnings) ? [{ entry, request }] : [];
  });
  const entries = requests.map(({ entry }) => entry);
  // Such a package still generates (Adyen's webhook-only collections have none), but a client
  // without methods is rarely what was meant: an export of the wrong collection, or a selection
  // that leaves nothing. Said once, at the list the requests would be in.
  if (!entries.length)
    warnings.push({
      source: "item",
      message: !all.length
        ? "the collection has no requests: the client has no methods"
        : !selected.length
          ? "the target's include and exclude leave out every request of the collection: the client has no methods"
          : "no request of the collection can be sent: the client has no methods",
    });
  behaviorWarnings(entries, warnings);
  scriptWarnings(
    entries.flatMap((entry) => entry.scripts),
    warnings,
  );
  // Types from examples are decided over the whole collection: a key's shape in one request tells
  // what its null means in another.
  // The credentials the collection writes out (its auths', its secret variables', its requests'
  // credential-named headers, query parameters and body fields, as arg.ts and body.ts judge them):
  // left out of the client, and out of what it documents of a saved answer, which may quote one.
  const written = new Set<string>();
  const reads = exampleReads();
  const loaded = inferShapes(
    requests.map(({ entry, request }) => toOperation(entry, request, warnings, collection.file, written, reads)),
  );

  // The default base is the one most requests use; the others stay on their operations.
  const uses = new Map<string, number>();
  for (const op of loaded) uses.set(op.baseTemplate, (uses.get(op.baseTemplate) ?? 0) + 1);
  const baseUrl = [...uses].reduce<[string, number]>((best, next) => (next[1] > best[1] ? next : best), ["", 0])[0];

  // Secrets among the collection's variables (and its folders' and requests') are left out; a
  // value only says it is one once every request's auth is known.
  const asRead = {
    baseUrl,
    operations: loaded.map((op) => ({ ...op, base: op.baseTemplate, variables: valuesOf(op.defined) })),
    variables: [...collectionVariables].map(([name, v]) => ({ name, default: v.value })),
  };
  const isSecret = collectionSecrets(authCredentials(asRead), requestedVariables(asRead), warnings);
  // What is no secret keeps its place without the credentials written into a URL in it.
  const clean = valueWithoutCredentials(warnings);
  const sendable = halfCharacters(warnings);
  const warnedNotText = new Set<string>();
  // An object or an array is warned of once per place, quoting the text the client keeps: a
  // credential written into a URL in it is left out first (the warning reaches the README too).
  const warnNotText = (name: string, v: DefinedVariable, secret: boolean) => {
    const slip = notText(name, v, secret);
    if (slip && !warnedNotText.has(v.source)) {
      warnedNotText.add(v.source);
      warnings.push({ source: `${v.source}.value`, message: slip });
    }
  };
  const kept = (name: string, v: DefinedVariable): DefinedVariable | undefined => {
    if (isSecret(name, v)) {
      warnNotText(name, v, true);
      const held = heldSecret(v);
      if (held !== undefined) written.add(held);
      return undefined;
    }
    const value = clean(name, v.value, v.source);
    warnNotText(name, { ...v, value }, false);
    return sendable(name, value, v.source) ? { ...v, value } : undefined;
  };
  const collectionValues = new Map(
    [...collectionVariables].map(([name, v]) => [name, kept(name, v) ?? { ...v, value: undefined }]),
  );
  // Its host variable left empty (`{"key": "baseUrl"}` too, sent empty as newman sends it): each
  // call refused with only the URL it was left, at run time (empty-host.ts).
  const hosts = hostVariables(loaded.map((op) => op.baseTemplate));
  for (const [name, v] of collectionValues)
    if (hosts.has(name) && v.value === "") warnings.push({ source: `${v.source}.value`, message: emptyHost(name) });
  const operations = loaded.map(
    ({ baseTemplate, defined, bareKeys, writtenKeys, valuedKeys, ...op }): LoadedOperation => {
      const variables = Object.fromEntries(
        [...defined].flatMap(([name, v]) => {
          const value = kept(name, v)?.value;
          return value === undefined ? [] : [[name, value]];
        }),
      );
      const value = (name: string) =>
        Object.hasOwn(variables, name) ? variables[name] : collectionValues.get(name)?.value;
      const bare = fillBareKeys(bareKeys, value, warnings);
      const args = fillKeys(op.args, value, warnings);
      const places = bareKeyPlaces(bare, args, valuedKeys);
      const sent = sentKeys(writtenKeys, value);
      return {
        ...op,
        ...(bare.length ? { bareQuery: bare.map((key) => key.name) } : {}),
        // Where a key is given again after another key, every entry's place; else the keys without
        // a value only, and only where one comes after a query argument (else they all go first)
        // or among the values of a key given several times.
        ...(places.order
          ? { queryOrder: places.order }
          : {
              ...(places.at.some((place) => place > 0) ? { bareQueryAt: places.at } : {}),
              ...(places.among.some((count) => count > 0) ? { bareQueryAmong: places.among } : {}),
            }),
        ...(sent.length ? { queryKeys: sent } : {}),
        args,
        ...(baseTemplate !== baseUrl ? { base: baseTemplate } : {}),
        ...(Object.keys(variables).length ? { variables } : {}),
      };
    },
  );

  const info = json["info"] as Record<string, unknown>;
  const description = cleanMarkdown(descriptionText(info["description"]) ?? "");
  // Once every variable is judged: one operation's secret may be quoted by another's saved answer,
  // or by any description. Kept for each text it is given: every saved answer's keys, values and
  // headers are masked, and they repeat (`id`, `page_size`, `application/json`), each text a pass of
  // every credential's pattern.
  const mask = written.size ? memoized(masker([...written])) : undefined;
  const undocumented = {
    ...(description ? { description } : {}),
    variables: variableModels(operations, baseUrl, collectionValues),
    operations,
  };
  const documented = mask
    ? withoutKnownSecrets(undocumented, mask, warnings, (name) => collectionVariables.get(name)?.source)
    : undocumented;

  // The name only titles the package (its README, the client's doc, package.json's description):
  // a collection without one (some of Postman's own tools' fixtures) is titled by its file's name.
  let name = info["name"];
  if (typeof name !== "string") {
    name = fileTitle(collection.file);
    warnings.push({
      source: "info.name",
      message: `missing: the package is titled by the file's name, ${JSON.stringify(name)}; give the collection a name in Postman (or info.name in the file) to title it`,
    });
  }
  return {
    name: name as string,
    ...(documented.description ? { description: documented.description } : {}),
    baseUrl,
    variables: documented.variables,
    operations: documented.operations,
    warnings,
  };
}

/**
 * The item's Request, as the SDK's Item builds it from the item's `request`: the Item would also
 * build an id, its events and its saved examples (each with the request it was saved with), which
 * nothing reads here; responses.ts reads the examples itself, from the same SDK, once. Nor its
 * auth, which auth.ts reads from the JSON with its folders' (walk.ts's authChain).
 */
function sdkRequest(entry: RequestEntry, file: string): Request {
  const requestJson = entry.json["request"];
  try {
    return new sdk.Request((isObject(requestJson) ? { ...requestJson, auth: undefined } : requestJson) as never);
  } catch (error) {
    throw new CodegenError(file, entry.source, `the SDK cannot read this request: ${(error as Error).message}`);
  }
}

/**
 * Whether Postman sends the request at all: newman refuses one whose URL the SDK reads as empty
 * (`""`, only whitespace, none, an object of `raw` alone; postman-runtime's requester: "request url
 * is empty") and runs the
 * others. Such a request is left out of the client, as an item without a request is, with a
 * warning naming it: sent to the client's baseUrl it would reach an endpoint its author never named.
 */
function sentByPostman(request: Request, entry: RequestEntry, warnings: Warning[]): boolean {
  if (request.url.toString() !== "") return true;
  const requestJson = entry.json["request"];
  const url = isObject(requestJson) ? requestJson["url"] : undefined;
  // The SDK reads no `raw` of a URL object, only its parts: one that gives raw text alone is empty.
  const rawAlone = isObject(url) && typeof url["raw"] === "string" && url["raw"].trim() !== "";
  warnings.push({
    source: isObject(requestJson) && "url" in requestJson ? `${entry.source}.request.url` : `${entry.source}.request`,
    message: `item ${JSON.stringify(stringOr(entry.json["name"], ""))} has ${rawAlone ? "a URL of raw text alone, which Postman reads as empty (it reads a URL object's host and path) and" : "an empty URL, which Postman"} does not send (newman: "request url is empty"): left out${rawAlone ? " (give the URL as text, or its host and path)" : ""}`,
  });
  return false;
}

function toOperation(
  entry: RequestEntry,
  request: Request,
  warnings: Warning[],
  file: string,
  written: Set<string>,
  reads: ExampleReads,
): Loaded {
  const { json, source } = entry;
  const requestJson = json["request"];
  const requestSource = `${source}.request`;
  // The SDK keeps an empty method as written, which newman sends as GET, as it sends none.
  if (request.method === "") request.method = "GET";
  const urlJson = isObject(requestJson) ? requestJson["url"] : requestJson;
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(request.method)) {
    throw new CodegenError(
      file,
      `${requestSource}.method`,
      `${JSON.stringify(request.method)} is not an HTTP method: use a token such as GET, POST or PROPFIND`,
    );
  }
  const url = urlModel(request.url, urlJson, requestSource, warnings, written);
  // The URL is read without its user info; a password given there is a credential all the same.
  const rawUrl = typeof urlJson === "string" ? urlJson : isObject(urlJson) ? urlJson["raw"] : undefined;
  const userInfoVariables = references([
    ...userInfoPasswords(typeof rawUrl === "string" ? rawUrl : ""),
    (request.url.auth as { password?: unknown } | undefined)?.password ?? null,
  ]);
  const headers = loadHeaders(request.headers, requestSource, warnings, written);
  bodyModeWarning(isObject(requestJson) ? requestJson["body"] : undefined, requestSource, warnings);
  let body = loadBody(request.body, headers.contentType, requestSource, warnings, written);
  if (body.body && NO_BODY_METHODS.has(request.method)) {
    warnings.push({
      source: `${requestSource}.body`,
      message: `a ${request.method} request cannot carry a body in fetch: the body is left out`,
    });
    body = { args: [] };
  }
  // The body owns its Content-Type (multipart needs the boundary fetch writes); without a body it is a plain header.
  const headerArgs = body.body ? headers.args.filter((a) => a.name.toLowerCase() !== "content-type") : headers.args;
  const doc = parseOperationDescription(
    descriptionText(descriptionOf(request)) ?? descriptionText(json["description"]),
  );
  if (doc.description && doc.description.length > MAX_DESCRIPTION) {
    warnings.push({
      source: `${source}.request.description`,
      message: `the description has ${doc.description.length} characters: the client's docs keep the first ${MAX_DESCRIPTION}`,
    });
    doc.description = `${doc.description.slice(0, MAX_DESCRIPTION)}… (cut short: the collection's description goes on for ${doc.description.length - MAX_DESCRIPTION} more characters)`;
  }
  const id =
    typeof json["id"] === "string"
      ? json["id"]
      : typeof json["_postman_id"] === "string"
        ? json["_postman_id"]
        : undefined;
  return {
    item: stringOr(json["name"], ""),
    folder: entry.folder,
    ...(id ? { id } : {}),
    method: request.method,
    ...(redirectOf(entry) ? { redirect: "manual" as const } : {}),
    baseTemplate: url.base,
    path: url.path,
    bareKeys: url.bareQuery,
    writtenKeys: url.keys,
    valuedKeys: url.valued,
    args: [...url.args, ...headerArgs, ...body.args],
    ...(userInfoVariables.size ? { userInfoVariables: [...userInfoVariables] } : {}),
    ...(body.body ? { body: body.body } : {}),
    auth: withUserInfo(
      effectiveAuth(
        entry.authChain,
        warnings,
        [...url.args.flatMap((a) => (a.in === "query" ? [a.name] : [])), ...url.bareQuery.map((key) => key.name)],
        file,
        written,
      ),
      request.url.auth,
      headers.args.some((a) => !a.disabled && a.name.toLowerCase() === "authorization"),
      `${requestSource}.url`,
      warnings,
      written,
    ),
    defined: definedVariables(...entry.variableLists),
    ...doc,
    responses: responseModels(json["response"], source, warnings, file, reads),
    scripts: entry.scripts,
    source,
  };
}

/** Every variable the operations refer to, and every one the collection defines, in first-use order. */
function variableModels(
  operations: LoadedOperation[],
  baseUrl: string,
  defined: Map<string, { value?: string | undefined; description?: string }>,
): VariableModel[] {
  const names = references(baseUrl);
  for (const op of operations) {
    references([op.base ?? "", op.path, ...op.args.map((a) => a.default ?? null)], names);
    if (op.auth.type !== "none" && op.auth.type !== "custom") references(Object.values(op.auth), names);
    if (op.variables) references(Object.values(op.variables), names);
  }
  for (const [, variable] of defined) if (variable.value !== undefined) references(variable.value, names);
  for (const name of defined.keys()) names.add(name);
  return [...names].map((name) => {
    const known = defined.get(name);
    const description = known?.description ? cleanMarkdown(known.description) : undefined;
    return {
      name,
      ...(known?.value !== undefined ? { default: known.value } : {}),
      ...(description ? { description } : {}),
    };
  });
}
