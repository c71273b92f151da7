"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.encodeGraphqlUnquoted = exports.encodeRawUnquoted = exports.encodeJsonUnquoted = exports.encodeGraphql = exports.encodeBinary = exports.encodeRaw = exports.encodeJson = exports.encodeUrlencoded = exports.encodeMultipartInOrder = exports.MULTIPART_BOUNDARY = exports.encodeMultipartText = exports.encodeMultipart = exports.NO_FILE = void 0;
exports.isBinary = isBinary;
exports.toBlob = toBlob;
exports.sendMultipart = sendMultipart;
exports.multipartText = multipartText;
exports.multipartBlob = multipartBlob;
exports.hasBlobParts = hasBlobParts;
exports.formText = formText;
exports.inCollectionOrder = inCollectionOrder;
exports.encoderName = encoderName;
// Request body encoders, one per body mode. The generated code imports the ones its operations
// use, so a bundle of one operation holds one encoder.
const signing_js_1 = require("./signing.js");
const unquoted_js_1 = require("./unquoted.js");
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
 * A form file field's value where the collection chose no file and the caller passed none: sent
 * as an empty text part, as Postman sends the field (the loader makes it the field's default).
 */
exports.NO_FILE = "";
/**
 * multipart/form-data, built as a FormData (what hooks, signers and errors read), written out just
 * before it goes (sendMultipart): as one string, or with a file as one Blob. Without fields there
 * is no body, as Postman sends none. A text field with a type of its own is a Blob of that type
 * named "", sent with no file name, as Postman sends it.
 * The parts go in the arguments' order, a list's values together (encodeMultipartInOrder places
 * them otherwise). The encoder of the operations with a file or typed part (hasBlobParts); the
 * others' is encodeMultipartText, so that their bundles hold no Blob part.
 */
exports.encodeMultipart = Object.assign((fields) => formOf(fields, (form, spec, one) => {
    // A file part (a Blob: readFileArg, which types it and names a Blob after the collection's
    // file) is named outright, FormData's "blob" where neither names it: Bun would write "".
    if (spec.type === "file" && one !== exports.NO_FILE)
        form.append(spec.name, one, one.name ?? "blob");
    else if (spec.contentType)
        form.append(spec.name, new Blob([String(one)], { type: spec.contentType }), "");
    else
        form.append(spec.name, String(one));
}), { type: untypeMultipart, send: sendMultipart });
/** multipart/form-data of text parts only, as encodeMultipart sends them: the operations' without a file or typed part. */
exports.encodeMultipartText = Object.assign((fields) => formOf(fields, (form, spec, one) => form.append(spec.name, String(one))), { type: untypeMultipart, send: sendMultipartText });
/** The boundary of the multipart text that sendMultipartText writes, unless a part holds it. */
exports.MULTIPART_BOUNDARY = "postman-codegen-form";
/**
 * A form whose parts are all text goes as the same multipart/form-data written out as one string
 * (multipartText), with its Content-Type: Node's fetch sends a FormData as a stream, part by part
 * through an async generator, which costs ~15% of a loopback call (bench/RESULTS.md), where one
 * string goes at once. A form with a file part (which a hook may add) is left as it is:
 * encodeMultipartText's operations have none, and sendMultipart writes one.
 */
function sendMultipartText(init) {
    const form = init.body;
    const written = form instanceof FormData && multipartText(form);
    if (written)
        sendWritten(init, written);
}
/**
 * Any form, as sendMultipartText sends one of text parts; one with a file goes as one Blob of its
 * parts (multipartBlob), which Node's fetch sends ~25% faster than the FormData (a 2 kB file on
 * loopback). What a signer signs too (signing.ts's bodyBytes).
 */
function sendMultipart(init) {
    const form = init.body;
    if (form instanceof FormData)
        sendWritten(init, multipartText(form) ?? multipartBlob(form));
}
/** A form written out, with its type and boundary in a copy of the headers: the request's own stay as built. */
function sendWritten(init, [body, boundary]) {
    const headers = new Headers(init.headers);
    headers.set(CONTENT_TYPE, `multipart/form-data; boundary=${boundary}`);
    init.headers = headers;
    init.body = body;
}
/**
 * A form of text parts as the multipart/form-data text it is sent as, and its boundary; undefined
 * for a form with a file. Written as Node's fetch writes a FormData, by the HTML standard's rules
 * (line breaks as CRLF; in a name, CR, LF and `"` percent-encoded), so that a server reads the same
 * fields, alike from every platform. The boundary is fixed, unless a part holds it (then numbered
 * until none does), so that a request is the same bytes each time.
 */
function multipartText(form) {
    const parts = [];
    for (const [name, value] of form) {
        if (typeof value !== "string")
            return undefined;
        parts.push(`Content-Disposition: form-data; name="${escapeName(crlf(name))}"\r\n\r\n${crlf(value)}\r\n`);
    }
    let boundary = exports.MULTIPART_BOUNDARY;
    for (let n = 1; parts.some((part) => part.includes(boundary)); n++)
        boundary = `${exports.MULTIPART_BOUNDARY}-${n}`;
    return [`${parts.map((part) => `--${boundary}\r\n${part}`).join("")}--${boundary}--\r\n`, boundary];
}
/**
 * Any form as one Blob of its parts, the files' own Blobs in it uncopied, and its boundary, written
 * as multipartText writes text parts and as Node's fetch writes a file part: with its file's name (none
 * for a typed text part, a Blob named "", as Postman sends it, where Deno's and Bun's FormData write
 * `filename=""`) and its type, else `application/octet-stream`. Its boundary is random, as a
 * platform's is: a file's bytes, which could hold a fixed one, are not read here.
 */
function multipartBlob(form) {
    const boundary = `${exports.MULTIPART_BOUNDARY}-${Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
    const parts = [];
    for (const [name, value] of form) {
        parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(crlf(name))}"`);
        if (typeof value === "string")
            parts.push(`\r\n\r\n${crlf(value)}\r\n`);
        else
            parts.push(`${value.name ? `; filename="${escapeName(value.name)}"` : ""}\r\nContent-Type: ${value.type || "application/octet-stream"}\r\n\r\n`, value, "\r\n");
    }
    parts.push(`--${boundary}--\r\n`);
    return [new Blob(parts), boundary];
}
/** Every line break as CRLF, as a form's text is sent. */
const crlf = (text) => text.replace(/\r?\n|\r/g, "\r\n");
/** A part's name or file name as a form writes it in its header: CR, LF and `"` percent-encoded. */
const escapeName = (name) => name.replace(/[\r\n"]/g, encodeURIComponent);
/** True for an operation whose body has a file or typed part: the emitter and the command line choose encodeMultipart then. */
function hasBlobParts(op) {
    return op.args.some((spec) => spec.in === "body" && (spec.type === "file" || Boolean(spec.contentType)));
}
/** The form of `fields`, each of a list's values a part of its own; none without fields. */
function formOf(fields, append) {
    if (!fields.length)
        return undefined;
    const form = new FormData();
    for (const [spec, value] of fields)
        for (const one of listOf(value))
            append(form, spec, one);
    return form;
}
/** fetch writes the type, with the boundary of the FormData it sends, whatever type was set by hand. */
function untypeMultipart(headers) {
    headers.delete(CONTENT_TYPE);
}
/**
 * multipart/form-data whose parts go in the collection's order, where it gives a field again after
 * another field (`bodyOrder`: `a`, `b`, `a`), as newman sends them (an urlencoded body it sends with
 * a field's values together, as encodeUrlencoded does). The encoder of the operations with a
 * `bodyOrder` only (emit/client.ts), so that other bundles do without it.
 */
exports.encodeMultipartInOrder = Object.assign((fields, fail, op) => {
    const parts = (field) => listOf(field[1]).map((one) => [field[0], one]);
    const body = op.args.filter((spec) => spec.in === "body");
    return (0, exports.encodeMultipart)(op.bodyOrder
        ? inCollectionOrder(op.bodyOrder, body.map((spec) => fields.filter(([s]) => s === spec).flatMap(parts)))
        : fields, fail, op);
}, 
// Not encodeMultipart.type: reading a property would keep this encoder in every bundle.
{ type: untypeMultipart, send: sendMultipart });
/**
 * application/x-www-form-urlencoded, written and typed as Postman writes and types it
 * (postman-request's form()). The body is its text, not URLSearchParams, whose `+` for a space and
 * bare `*` are not what newman sends and whose bytes a hook or a signer (AWS's body hash, Hawk's
 * payload hash, OAuth 1's form parameters) would then read otherwise than they go. A type that names
 * the encoding goes as set (`; charset=ISO-8859-1`), any other is replaced by the bare type, where
 * fetch's own for URLSearchParams would add `;charset=UTF-8`.
 */
exports.encodeUrlencoded = Object.assign((fields) => fields.length
    ? formText(newmanOrder(fields).flatMap(([spec, value]) => listOf(value).map((one) => [spec.name, String(one)])))
    : undefined, {
    type: (headers) => {
        if (!namesUrlencoded(headers))
            headers.set(CONTENT_TYPE, "application/x-www-form-urlencoded");
    },
});
/**
 * Whether the Content-Type names application/x-www-form-urlencoded, as newman reads it
 * (postman-request's form()): in lower case only. An urlencoded body's type that writes it in
 * other letters (`Application/X-WWW-Form-Urlencoded`) is replaced by the bare type, as newman
 * replaces it. The body's mode decides what is sent: a raw body goes as written whatever its type
 * says (sent-secrets.ts asks another question of the type: whether a server reads a form).
 */
function namesUrlencoded(headers) {
    return /^application\/x-www-form-urlencoded\b/.test(headers.get(CONTENT_TYPE) ?? "");
}
/**
 * `name=value` pairs as newman writes a form (Node's querystring.stringify, then `!'()*` escaped
 * too): RFC 3986's percent-encoding (percentEncode), only letters, digits and `-_.~` as they are,
 * the rest `%XX` of its UTF-8, a space `%20`. Half a character (a lone surrogate), on which newman
 * throws, goes as U+FFFD, as URLSearchParams sent it. OAuth 1 writes the form it adds its
 * parameters to with this too.
 */
function formText(pairs) {
    const escape = (text) => (0, signing_js_1.percentEncode)(text.replace(/\p{Cs}/gu, "\uFFFD"));
    return Array.from(pairs, ([name, value]) => `${escape(name)}=${escape(value)}`).join("&");
}
/**
 * The fields in the order newman sends them: postman-runtime gathers a form into an object, whose
 * keys that are array indexes (`0`, `12`) come first, in numeric order, the rest as written (a
 * repeated field's values stay together: the model holds them as one list argument).
 */
function newmanOrder(fields) {
    const index = ([spec]) => /^(?:0|[1-9]\d*)$/.test(spec.name) && Number(spec.name) < 2 ** 32 - 1 ? Number(spec.name) : Infinity;
    return fields
        .map((field) => [index(field), field])
        .sort(([a], [b]) => (a === b ? 0 : a - b))
        .map(([, f]) => f);
}
/**
 * Entries in the collection's order where it gives a key again after another key (spec.ts's
 * `queryOrder` and `bodyOrder`): `lists` holds each argument's entries, one per value; each place
 * `n` of `order` takes the next entry of `lists[n]` (its last place all those left), a place `~i`
 * is `extra(i)` (a query key without a value); entries no place takes go last.
 */
function inCollectionOrder(order, lists, extra) {
    const out = [];
    order.forEach((n, i) => n < 0 ? out.push(extra(~n)) : out.push(...lists[n].splice(0, order.includes(n, i + 1) ? 1 : Infinity)));
    return out.concat(...lists);
}
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
const rawText = (fields) => {
    const value = fields[0]?.[1];
    return value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value);
};
/**
 * A raw body that is empty (once its variables are filled) is none where its type is its
 * language's, as Postman sends it: without a type (nor the text/plain fetch gives a string). The
 * item's own type goes with it. Here, so that only the bundles of raw bodies hold it.
 */
const emptyIsNone = (encoder) => (fields, fail, op) => {
    const body = encoder(fields, fail, op);
    return body === "" && op.languageType ? undefined : body;
};
/** The `body` argument: text as it is, any other value as JSON; an empty one typed by its language, none. */
exports.encodeRaw = emptyIsNone(rawText);
/**
 * The `body` argument, a Blob (readFileArg, which gives one without a type of its own the type its
 * name's extension gives the collection's file, as newman). One still without a type goes as
 * application/octet-stream, as newman sends a file whose name gives it none (postman-request's);
 * a header set for it still wins.
 */
const encodeBinary = (fields) => {
    const blob = fields[0]?.[1];
    return blob && !blob.type ? new Blob([blob], { type: "application/octet-stream" }) : blob;
};
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
/**
 * A JSON encoder that pastes each unquoted variable's own text into the body (./unquoted.js): the
 * encoder of an operation that writes one (`sendsUnquoted`), so that no other pays for it.
 */
function withUnquoted(encoder) {
    const encode = (fields, fail, op) => (0, unquoted_js_1.spliceUnquoted)(() => encoder(fields, fail, op));
    return encoder.type ? Object.assign(encode, { type: encoder.type }) : encode;
}
exports.encodeJsonUnquoted = withUnquoted(exports.encodeJson);
exports.encodeRawUnquoted = emptyIsNone(/* @__PURE__ */ withUnquoted(rawText));
exports.encodeGraphqlUnquoted = withUnquoted(exports.encodeGraphql);
/**
 * The encoder an operation's body needs, by name: the one choice of it. The generator writes the
 * encoder it names into the client as an import (emit/client.ts), so that a bundle holds only the
 * encoders its operations use and never this function; a package's command line, which runs any
 * operation, looks it up among them all (cli/dispatch.ts).
 */
function encoderName(op) {
    // The collection's order of a form's fields, which only the in-order encoder keeps.
    if (op.bodyOrder)
        return "encodeMultipartInOrder";
    switch (op.body) {
        case undefined:
            return undefined;
        case "multipart":
            // A form without a file or a typed part: sent as text parts, without the Blob machinery.
            return hasBlobParts(op) ? "encodeMultipart" : "encodeMultipartText";
        case "urlencoded":
            return "encodeUrlencoded";
        case "binary":
            return "encodeBinary";
        // A JSON body that sends a variable's text unquoted splices it in (./unquoted.js).
        case "json":
            return (0, unquoted_js_1.sendsUnquoted)(op) ? "encodeJsonUnquoted" : "encodeJson";
        case "raw":
            return (0, unquoted_js_1.sendsUnquoted)(op) ? "encodeRawUnquoted" : "encodeRaw";
        case "graphql":
            return (0, unquoted_js_1.sendsUnquoted)(op) ? "encodeGraphqlUnquoted" : "encodeGraphql";
    }
}
