"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.encodeGraphql = exports.encodeBinary = exports.encodeRaw = exports.encodeJson = exports.encodeUrlencoded = exports.encodeMultipart = void 0;
exports.isBinary = isBinary;
exports.toBlob = toBlob;
const CONTENT_TYPE = "content-type";
function isBinary(value) {
    return (value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value) || typeof value === "string");
}
/** The bytes or text of a file argument as a Blob (request-features.ts's readFileArg, before any encoder). */
function toBlob(value) {
    if (value instanceof Blob)
        return value;
    if (typeof value === "string")
        return new Blob([value]);
    const bytes = value instanceof ArrayBuffer
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
exports.encodeMultipart = Object.assign((fields) => {
    if (!fields.length)
        return undefined;
    const form = new FormData();
    for (const [spec, value] of fields) {
        for (const one of listOf(value)) {
            if (spec.contentType)
                form.append(spec.name, new Blob([String(one)], { type: spec.contentType }), "");
            // A file part (a Blob: readFileArg) is named outright, FormData's "blob" where no File names it:
            // Bun would write "".
            else if (spec.type === "file")
                form.append(spec.name, one, one.name ?? "blob");
            else
                form.append(spec.name, String(one));
        }
    }
    return form;
}, 
// fetch writes the type, with the boundary of the FormData it sends, whatever type was set by hand.
{ type: (headers) => headers.delete(CONTENT_TYPE) });
/**
 * application/x-www-form-urlencoded, typed as Postman types it (postman-request's form()): a type
 * that names the encoding goes as set (`; charset=ISO-8859-1`), any other is replaced by the bare
 * type, where fetch's own for URLSearchParams would add `;charset=UTF-8`.
 */
exports.encodeUrlencoded = Object.assign((fields) => fields.length
    ? new URLSearchParams(fields.flatMap(([spec, value]) => listOf(value).map((one) => [spec.name, String(one)])))
    : undefined, {
    type: (headers) => {
        if (!/^application\/x-www-form-urlencoded\b/.test(headers.get(CONTENT_TYPE) ?? ""))
            headers.set(CONTENT_TYPE, "application/x-www-form-urlencoded");
    },
});
/** A form field's values: a list is the field repeated, in order. */
function listOf(value) {
    return Array.isArray(value) ? value : [value];
}
/** One JSON object of the body arguments (keys such as `__proto__` stay own properties). */
const encodeJson = (fields) => {
    const object = {};
    for (const [spec, value] of fields)
        Object.defineProperty(object, spec.name, { value, enumerable: true, writable: true, configurable: true });
    return JSON.stringify(object);
};
exports.encodeJson = encodeJson;
/** The `body` argument: text as it is, any other value as JSON. */
const encodeRaw = (fields) => {
    const value = fields[0]?.[1];
    return value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value);
};
exports.encodeRaw = encodeRaw;
/** The `body` argument, a Blob (readFileArg). */
const encodeBinary = (fields) => fields[0]?.[1];
exports.encodeBinary = encodeBinary;
exports.encodeGraphql = Object.assign((fields, fail) => {
    const [spec, value] = fields[0] ?? [];
    if (!spec)
        return undefined;
    const request = value;
    if (typeof request !== "object" || request === null || typeof request.query !== "string")
        return fail(spec, "must be { query: string, variables?: object }");
    // As Postman does: no "variables" key when there are none.
    return JSON.stringify(request.variables === undefined
        ? { query: request.query }
        : { query: request.query, variables: request.variables });
}, 
// JSON unless the item, the client or the call says otherwise.
{ type: (headers) => headers.has(CONTENT_TYPE) || headers.set(CONTENT_TYPE, "application/json") });
