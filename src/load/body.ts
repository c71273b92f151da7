// A request body → how it is encoded and its arguments.
import { entries, type RequestBody } from "./sdk.js";
import {
  HALF_CHARACTER_LEFT_OUT,
  entryOrder,
  hasHalfCharacter,
  leftOutVariables,
  repeatableArgs,
  toArg,
} from "./arg.js";
import { jsonWithoutCredentials, rawTextWithoutCredentials } from "./credentials.js";
import { descriptionText } from "./description.js";
import { fileType } from "./file-type.js";
import { hasTemplate, isObject, readJsonBody, withoutJsonComments } from "./json.js";
import { hasReference } from "../model/references.js";
import { shapeOf } from "../model/shape.js";
import { placesUnder } from "../model/unquoted.js";
import { NO_FILE } from "../runtime/bodies.js";
import { isJson } from "../runtime/response.js";
import type { LoadedArg, BodyModel, Source, Warning } from "../model/types.js";
import type { JsonPlace } from "../runtime/spec.js";

export interface LoadedBody {
  body?: BodyModel;
  args: LoadedArg[];
}

/** Content types Postman gives raw bodies by their language when no header sets one. */
const LANGUAGE_TYPES: Record<string, string> = {
  json: "application/json",
  xml: "application/xml",
  html: "text/html",
  javascript: "application/javascript",
  text: "text/plain",
};

/** `credentials` gets what each literal credential of the body writes out (writtenParts). */
export function loadBody(
  body: RequestBody | undefined,
  contentType: string | undefined,
  source: Source,
  warnings: Warning[],
  credentials?: Set<string>,
): LoadedBody {
  if (!body || !body.mode || body.disabled) return { args: [] };
  const where = `${source}.body`;
  switch (body.mode) {
    case "formdata":
    case "urlencoded": {
      // The item's own Content-Type is kept for an empty form, which Postman sends with it.
      const fields = formFields(body, where, warnings, credentials);
      const order = entryOrder(fields);
      return {
        body: {
          encoding: body.mode === "formdata" ? "multipart" : "urlencoded",
          ...(contentType ? { contentType } : {}),
          ...(order ? { order } : {}),
        },
        args: repeatableArgs(fields),
      };
    }
    case "raw":
      return rawBody(
        typeof body.raw === "string" ? body.raw : "",
        language(body),
        contentType,
        where,
        warnings,
        credentials,
      );
    case "file": {
      // A Blob without a type of its own goes as newman types the collection's file, by its name's
      // extension (a header the item sets wins over both, as it does in newman).
      const src = (body as unknown as { file?: { src?: unknown } }).file?.src;
      const type = fileType(src);
      return {
        body: { encoding: "binary", ...(contentType ? { contentType } : {}) },
        args: [
          {
            name: "body",
            in: "body",
            // A binary body whose file was never chosen (`file: {}`, as exports keep one) is sent
            // by Postman as no body at all: the caller's file is then optional, as the body is.
            required: fileChosen(src),
            type: "file",
            description: "The request body: the file's bytes.",
            ...(type ? { contentType: type } : {}),
            source: `${where}.file`,
          },
        ],
      };
    }
    case "graphql": {
      const graphql = (body as unknown as { graphql?: { query?: unknown; variables?: unknown } }).graphql ?? {};
      const written = typeof graphql.query === "string" ? graphql.query : "";
      // Variables' text as the body's: Postman pastes it into the JSON it sends (postman-runtime's
      // core-body-builder), `{{variables}}` filled in, unquoted ones too.
      let variables: { value: unknown; unquoted: JsonPlace[] } | undefined;
      if (typeof graphql.variables === "string" && graphql.variables.trim() !== "") {
        variables = readJsonBody(graphql.variables);
        if (!variables)
          warnings.push({
            source: `${where}.graphql.variables`,
            message: "GraphQL variables are not valid JSON: the client sends none",
          });
        else if (!isObject(variables.value)) {
          warnings.push({
            source: `${where}.graphql.variables`,
            message: "GraphQL variables must be an object: the client sends none",
          });
          variables = undefined;
        }
      }
      const kept =
        variables && withoutCredentials(variables.value, `${where}.graphql.variables`, warnings, credentials);
      const query = textWithoutCredentials(written, `${where}.graphql.query`, warnings, credentials, "json field");
      // The collection's query and variables are sent when the caller passes none, as newman sends
      // them (`{"query": …, "variables": …}`); the item's own Content-Type (`application/graphql+json`)
      // goes with them.
      const request = kept === undefined ? { query } : { query, variables: kept };
      const unquoted = (kept === undefined ? [] : variables!.unquoted).map((place) => ["variables", ...place]);
      return {
        body: { encoding: "graphql", ...(contentType ? { contentType } : {}) },
        args: [
          {
            name: "body",
            in: "body",
            required: false,
            type: "json",
            typeHint: "graphql",
            description: "The GraphQL request: `query` and optional `variables`; the collection's when left out.",
            default: request,
            ...(unquoted.length ? { unquoted } : {}),
            source: `${where}.graphql`,
          },
        ],
      };
    }
    default:
      warnings.push({
        source: `${where}.mode`,
        message: `body mode "${String(body.mode)}" is unknown: the operation is generated without a body`,
      });
      return { args: [] };
  }
}

/** The modes Postman sends a body in, as the SDK names them (RequestBody.MODES). */
const MODES = ["raw", "urlencoded", "formdata", "file", "graphql"] as const;
type Mode = (typeof MODES)[number];

/**
 * A body's mode as the SDK reads its JSON: none for no mode (none, null or ""), a mode written in
 * other letters as that mode (`RAW`), and any other text as raw (RequestBody's constructor), so
 * newman sends a `bogus` mode's raw text.
 */
export function bodyModeOf(json: unknown): Mode | undefined {
  const mode = isObject(json) ? json["mode"] : undefined;
  if (typeof mode !== "string" || mode === "") return undefined;
  return MODES.find((known) => known === mode.toLowerCase()) ?? "raw";
}

/**
 * Warns of a body whose mode is not written as Postman names one, where its author likely
 * mistyped: one without a mode (none, null or "") that holds what a mode sends, which Postman
 * (the SDK) reads as none and sends none, so the client sends none either; and a mode in other
 * letters or unknown, which Postman reads as bodyModeOf says, and so does the client. What the
 * mode read does not send is named, as its author may have meant it.
 */
export function bodyModeWarning(json: unknown, where: Source, warnings: Warning[]): void {
  if (!isObject(json)) return;
  const written = json["mode"];
  const mode = bodyModeOf(json);
  if (mode !== undefined && mode === written) return;
  const content = MODES.filter((one) => {
    if (one === mode) return false;
    const value = json[one];
    if (one === "file" || one === "graphql")
      return isObject(value) && Object.values(value).some((part) => typeof part === "string" && part !== "");
    return typeof value === "string" ? value !== "" : Array.isArray(value) && value.length > 0;
  });
  const leftOut = content.length ? `: its ${content.join(", ")} content is left out (set the mode to send it)` : "";
  if (mode === undefined) {
    if (content.length)
      warnings.push({
        source: `${where}.body.mode`,
        message: `the body has no mode, so Postman sends no body and neither does the client${leftOut}`,
      });
    return;
  }
  const text = String(written);
  const sent = mode === "raw" && (typeof json["raw"] !== "string" || json["raw"] === "") ? "no body" : "its raw text";
  const reading =
    text.toLowerCase() === mode
      ? `is read as "${mode}", as Postman reads it`
      : `is unknown: Postman reads it as "raw" and sends ${sent}, and so does the client`;
  warnings.push({ source: `${where}.body.mode`, message: `body mode ${JSON.stringify(text)} ${reading}${leftOut}` });
}

/** Whether a file body's or form file field's `src` names a file: a path, or a list of some (formdata's). */
function fileChosen(src: unknown): boolean {
  return Array.isArray(src) ? src.length > 0 : typeof src === "string" && src !== "";
}

function formFields(
  body: RequestBody,
  where: Source,
  warnings: Warning[],
  credentials: Set<string> | undefined,
): LoadedArg[] {
  const list = body.mode === "formdata" ? body.formdata : body.urlencoded;
  const args: LoadedArg[] = [];
  entries(list).forEach((field, index) => {
    const source = `${where}.${body.mode}[${index}]`;
    if (typeof field.key !== "string" || field.key === "") {
      warnings.push({ source, message: "form field without a key: left out" });
      return;
    }
    if (hasHalfCharacter(field.key)) {
      warnings.push({ source, message: `form field name ${JSON.stringify(field.key)} ${HALF_CHARACTER_LEFT_OUT}` });
      return;
    }
    if (body.mode === "formdata" && /["\\\r\n]/.test(field.key)) {
      warnings.push({
        source,
        message: `form field name ${JSON.stringify(field.key)} has a quote, backslash or line break, which multipart/form-data cannot carry unambiguously: left out`,
      });
      return;
    }
    // The part's own fields, as the SDK's FormParam keeps them from the JSON (its toJSON would
    // copy every field of it to read these four).
    const { type, src, contentType, fileName } = field as unknown as Record<string, unknown>;
    const json = { type, src, contentType, fileName };
    const description = descriptionText(field.description);
    // A part's own type and a file's name, as Postman sends them (postman-runtime's formdata body).
    const part = body.mode === "formdata" ? partOf(json) : {};
    if (json["type"] === "file") {
      const arg = toArg({
        name: field.key,
        in: "body",
        value: undefined,
        description,
        source,
        disabled: field.disabled === true,
        warnings,
        written: credentials,
      });
      // No file chosen: Postman sends the field anyway, as an empty part, so the client does too
      // unless the caller passes a file. With a src the caller's file is required (toArg's
      // undefined value): the client cannot read the collection's path.
      args.push({ ...arg, type: "file", ...part, ...(fileChosen(src) || arg.disabled ? {} : { default: NO_FILE }) });
      return;
    }
    const arg = toArg({
      name: field.key,
      in: "body",
      value: field.value,
      description,
      source,
      disabled: field.disabled === true,
      warnings,
      written: credentials,
    });
    const object = arg.enum || arg.typeHint ? undefined : jsonObjectText(arg.example);
    args.push({
      ...arg,
      ...(object ? { type: "jsonText" as const, shape: shapeOf(object) } : {}),
      ...(part.contentType ? { contentType: part.contentType } : {}),
    });
  });
  return args;
}

/**
 * The object a form field's example text holds, when it is one's JSON: a collection converted from
 * a JSON API writes `basic` = `{"support_email":…}`. The caller may then pass the object, sent as
 * its JSON text (runtime's readJsonText), as Postman sends the example. Only an object: a list
 * already means the field repeated, and a scalar's text is the scalar's.
 */
function jsonObjectText(example: unknown): Record<string, unknown> | undefined {
  if (typeof example !== "string" || !example.trimStart().startsWith("{")) return undefined;
  try {
    const value: unknown = JSON.parse(example);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A form-data part's Content-Type, and a file part's names and types, one for each file its `src`
 * names (one, or a list, which newman sends as a part each): its `fileName`, else the file's last
 * path segment. A file part without a type of its own has the one newman's form-data gives each of
 * its files: the file's extension's, else the `fileName`'s ("" for none: sent untyped, as
 * newman's `application/octet-stream`). `contentType` is the type all its files share, if any.
 */
function partOf(json: Record<string, unknown>): { contentType?: string; fileNames?: string[]; fileTypes?: string[] } {
  const src = json["src"];
  const own = typeof json["contentType"] === "string" && json["contentType"] !== "" ? json["contentType"] : undefined;
  if (json["type"] !== "file") return own ? { contentType: own } : {};
  const named = typeof json["fileName"] === "string" ? json["fileName"] : undefined;
  const files = (Array.isArray(src) ? src : [src])
    .filter((one): one is string => typeof one === "string")
    .map((file) => ({
      name: named ?? file.split(/[/\\]/).pop()!,
      type: own ?? fileType(file) ?? fileType(named) ?? "",
    }))
    .filter((file) => file.name);
  const types = new Set(files.map((file) => file.type));
  const contentType = files.length ? (types.size === 1 ? [...types][0] : undefined) : (own ?? fileType(named));
  return {
    ...(contentType ? { contentType } : {}),
    ...(files.length ? { fileNames: files.map((file) => file.name), fileTypes: files.map((file) => file.type) } : {}),
  };
}

/**
 * A raw body's language (`options.raw.language`), if it names one: of the SDK's RequestBody, which
 * keeps `options` as written, or of a body as the JSON has it (an example's saved request, responses.ts).
 */
export function language(body: unknown): string | undefined {
  const options = (body as { options?: { raw?: { language?: unknown } } } | null | undefined)?.options;
  const value = options?.raw?.language;
  return typeof value === "string" ? value : undefined;
}

/**
 * A raw body's text as Postman sends it: Postman strips comments from a body it knows to be JSON
 * (by language, else by content type) before sending it (postman-runtime,
 * request-helpers-presend.js); so does the client, and so are the saved requests of the examples
 * read (responses.ts), which the mocks compare with what a client sends.
 */
export function sentRawText(raw: string, lang: string | undefined, headerType: string | undefined): string {
  const declaredJson = lang === "json" || (!lang && isJson(headerType));
  return declaredJson ? withoutJsonComments(raw) : raw;
}

function rawBody(
  raw: string,
  lang: string | undefined,
  headerType: string | undefined,
  where: Source,
  warnings: Warning[],
  credentials: Set<string> | undefined,
): LoadedBody {
  if (raw === "") return { args: [] };
  // The type the body says it has, which tells JSON; and the type newman sends: the language's,
  // text/plain without one or for one it does not know (postman-runtime's setContentType).
  const declaredType = headerType ?? (lang && Object.hasOwn(LANGUAGE_TYPES, lang) ? LANGUAGE_TYPES[lang] : undefined);
  const contentType = declaredType ?? LANGUAGE_TYPES["text"]!;
  const text = sentRawText(raw, lang, headerType);
  const looksJson = lang === "json" || isJson(declaredType) || (!lang && !declaredType);
  // A JSON null or string is sent as its text, as written: as an argument, null means "not given",
  // and a string is sent as it is (text, without the quotes that make it JSON).
  const parsedJson = looksJson ? readJsonBody(text) : undefined;
  // A key that refers to variables below the body's fields (Xray's Jira custom fields, `"fields":
  // {"{{cf_test_type}}": {…}}`) Postman fills as it fills the rest of the text. A field's own name
  // is filled when generating (key-variables.ts), as a query key is; the client fills a JSON value's
  // strings, never its keys, so such a body goes as text, its variables filled, as one that is no
  // JSON goes.
  const keyReference =
    parsedJson !== undefined &&
    (isObject(parsedJson.value) ? Object.values(parsedJson.value).some(refersInKey) : refersInKey(parsedJson.value));
  const parsed =
    parsedJson && parsedJson.value !== null && typeof parsedJson.value !== "string" && !keyReference
      ? parsedJson
      : undefined;
  if (looksJson && !parsedJson && (lang === "json" || declaredType)) {
    warnings.push({
      source: `${where}.raw`,
      message: "the body is declared as JSON but is not valid JSON: it is sent as text, as written",
    });
  }
  if (keyReference) {
    warnings.push({
      source: `${where}.raw`,
      message:
        "a key inside a field of the JSON body refers to variables: the body is sent as text, its {{variables}} filled, as Postman sends it, and a call passes it whole (`body`), not field by field",
    });
  }
  const withType = (body: BodyModel): BodyModel => ({ ...body, contentType });

  // The types come from the body as written; its examples and defaults lose its literal credentials.
  const kept = parsed ? withoutCredentials(parsed.value, `${where}.raw`, warnings, credentials) : undefined;
  if (parsed && isObject(parsed.value) && isObject(kept)) {
    const args = Object.entries(parsed.value).map(([key, written]): LoadedArg => {
      const value = Object.hasOwn(kept, key) ? kept[key] : undefined;
      const credentialVariables = leftOutVariables(written, value);
      const unquoted = placesUnder(parsed.unquoted, key);
      return {
        name: key,
        in: "body",
        required: false,
        type: "json",
        shape: shapeOf(unknownAt(written, unquoted)),
        ...(value === undefined
          ? {}
          : hasTemplate(value)
            ? { default: value, ...(unquoted.length ? { unquoted } : {}) }
            : { example: value }),
        ...(credentialVariables.length ? { credentialVariables } : {}),
        source: `${where}.raw`,
      };
    });
    return { body: withType({ encoding: "json" }), args };
  }
  const arg: LoadedArg = parsed
    ? {
        name: "body",
        in: "body",
        required: false,
        type: "json",
        shape: shapeOf(unknownAt(parsed.value, parsed.unquoted)),
        source: `${where}.raw`,
      }
    : { name: "body", in: "body", required: false, source: `${where}.raw` };
  const value = parsed ? kept : textWithoutCredentials(text, `${where}.raw`, warnings, credentials);
  const credentialVariables = parsed ? leftOutVariables(parsed.value, kept) : [];
  // Only a raw body can be empty once filled (a JSON one sends its object); its language's type
  // goes with a body that is there, as Postman sends it.
  return {
    body: withType({ encoding: "raw", ...(headerType === undefined ? { languageType: true as const } : {}) }),
    args: [
      {
        ...arg,
        required: !hasTemplate(value),
        ...(hasTemplate(value)
          ? { default: value, ...(parsed?.unquoted.length ? { unquoted: parsed.unquoted } : {}) }
          : { example: value }),
        ...(credentialVariables.length ? { credentialVariables } : {}),
      },
    ],
  };
}

/** Whether a key of a JSON value, at any depth, refers to variables. */
function refersInKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(refersInKey);
  return isObject(value) && Object.entries(value).some(([key, item]) => hasReference(key) || refersInKey(item));
}

/** A JSON body's value without its literal credentials, each left out with a warning naming its JSON path. */
function withoutCredentials(
  value: unknown,
  source: Source,
  warnings: Warning[],
  credentials: Set<string> | undefined,
): unknown {
  const kept = jsonWithoutCredentials(value, undefined, credentials);
  for (const path of kept.leftOut)
    warnings.push({
      source,
      message: `the value of body field ${path} is left out of the client (its name says it holds a credential): pass it when calling, or refer to a variable`,
      subject: `body field ${path}`,
    });
  return kept.value;
}

/** A body's text that is no JSON value, without its literal credentials (rawTextWithoutCredentials, `fields` as it reads them), each with a warning. */
function textWithoutCredentials(
  text: string,
  source: Source,
  warnings: Warning[],
  credentials: Set<string> | undefined,
  fields?: "json field",
): string {
  const kept = rawTextWithoutCredentials(text, undefined, credentials, fields);
  for (const what of kept.leftOut)
    warnings.push({
      source,
      message: `the value of ${what} is left out of the client (its name says it holds a credential): pass it when calling, or refer to a variable`,
      subject: what,
    });
  return kept.text;
}

/**
 * A copy of a JSON value without a value at each place of an unquoted `{{variable}}`, which
 * shapeOf types `unknown`: the reference stands for any JSON value, until the variable's own
 * values type it (model/unquoted.ts).
 */
function unknownAt(value: unknown, places: readonly JsonPlace[]): unknown {
  if (places.some((place) => place.length === 0)) return undefined;
  if (!places.length || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item, i) => unknownAt(item, placesUnder(places, i)));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, unknownAt(item, placesUnder(places, key))]),
  );
}
