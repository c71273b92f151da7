// Request body encoders, one per body mode. The generated code imports the ones its operations
// use, so a bundle of one operation holds one encoder.
import type { ArgSpec } from "./spec.js";

/** The bodies the client sends: all of them replayable, none of them a stream. */
export type RequestBody = FormData | URLSearchParams | Blob | string;

/** An `in: "body"` argument and its value. */
export type Field = readonly [ArgSpec, unknown];

/**
 * Builds the body from the body arguments; `fail` refuses a value, naming the argument. `type`, an
 * encoder's that types its body itself (a form's, GraphQL's), sets the Content-Type of a body it
 * built, over the item's, the client's and the call's: here, so that only the bundles of the
 * operations with such a body hold it.
 */
export type BodyEncoder = ((
  fields: readonly Field[],
  fail: (spec: ArgSpec, problem: string) => never,
) => RequestBody | undefined) & { readonly type?: (headers: Headers) => void };

const CONTENT_TYPE = "content-type";

export type BinaryValue = Blob | ArrayBuffer | ArrayBufferView | string;

export function isBinary(value: unknown): value is BinaryValue {
  return (
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    typeof value === "string"
  );
}

/** The bytes or text of a file argument as a Blob (request-features.ts's readFileArg, before any encoder). */
export function toBlob(value: BinaryValue): Blob {
  if (value instanceof Blob) return value;
  if (typeof value === "string") return new Blob([value]);
  const bytes =
    value instanceof ArrayBuffer
      ? new Uint8Array(value)
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return new Blob([bytes.slice()]);
}

/**
 * multipart/form-data: the platform FormData picks the boundary and fetch writes the matching
 * Content-Type. Without fields there is no body, as Postman sends none. A text field with a type
 * of its own is a Blob of that type named "": Node's fetch then writes no file name, as Postman;
 * Deno's and Bun's write `filename=""` (FormData has no part with a type and no file name).
 */
export const encodeMultipart: BodyEncoder = /* @__PURE__ */ Object.assign(
  (fields: readonly Field[]) => {
    if (!fields.length) return undefined;
    const form = new FormData();
    for (const [spec, value] of fields) {
      for (const one of listOf(value)) {
        if (spec.contentType)
          form.append(spec.name, new Blob([String(one)], { type: spec.contentType }), "");
        // A file part (a Blob: readFileArg) is named outright, FormData's "blob" where no File names it:
        // Bun would write "".
        else if (spec.type === "file")
          form.append(spec.name, one as Blob, (one as File).name ?? "blob");
        else form.append(spec.name, String(one));
      }
    }
    return form;
  },
  // fetch writes the type, with the boundary of the FormData it sends, whatever type was set by hand.
  { type: (headers: Headers) => headers.delete(CONTENT_TYPE) },
);

/**
 * application/x-www-form-urlencoded, typed as Postman types it (postman-request's form()): a type
 * that names the encoding goes as set (`; charset=ISO-8859-1`), any other is replaced by the bare
 * type, where fetch's own for URLSearchParams would add `;charset=UTF-8`.
 */
export const encodeUrlencoded: BodyEncoder = /* @__PURE__ */ Object.assign(
  (fields: readonly Field[]) =>
    fields.length
      ? new URLSearchParams(
          fields.flatMap(([spec, value]) =>
            listOf(value).map((one): [string, string] => [spec.name, String(one)]),
          ),
        )
      : undefined,
  {
    type: (headers: Headers) => {
      if (!/^application\/x-www-form-urlencoded\b/.test(headers.get(CONTENT_TYPE) ?? ""))
        headers.set(CONTENT_TYPE, "application/x-www-form-urlencoded");
    },
  },
);

/** A form field's values: a list is the field repeated, in order. */
function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** One JSON object of the body arguments (keys such as `__proto__` stay own properties). */
export const encodeJson: BodyEncoder = (fields) => {
  const object: Record<string, unknown> = {};
  for (const [spec, value] of fields)
    Object.defineProperty(object, spec.name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return JSON.stringify(object);
};

/** The `body` argument: text as it is, any other value as JSON. */
export const encodeRaw: BodyEncoder = (fields) => {
  const value = fields[0]?.[1];
  return value === undefined
    ? undefined
    : typeof value === "string"
      ? value
      : JSON.stringify(value);
};

/** The `body` argument, a Blob (readFileArg). */
export const encodeBinary: BodyEncoder = (fields) => fields[0]?.[1] as Blob | undefined;

export const encodeGraphql: BodyEncoder = /* @__PURE__ */ Object.assign(
  (fields: readonly Field[], fail: (spec: ArgSpec, problem: string) => never) => {
    const [spec, value] = fields[0] ?? [];
    if (!spec) return undefined;
    const request = value as { query?: unknown; variables?: unknown } | null;
    if (typeof request !== "object" || request === null || typeof request.query !== "string")
      return fail(spec, "must be { query: string, variables?: object }");
    // As Postman does: no "variables" key when there are none.
    return JSON.stringify(
      request.variables === undefined
        ? { query: request.query }
        : { query: request.query, variables: request.variables },
    );
  },
  // JSON unless the item, the client or the call says otherwise.
  {
    type: (headers: Headers) =>
      headers.has(CONTENT_TYPE) || headers.set(CONTENT_TYPE, "application/json"),
  },
);
