"use strict";
// File values for form file fields and binary bodies. The platform's FormData builds multipart
// bodies (so the boundary is always right); this turns what callers have into something it takes.
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.toFile = toFile;
exports.fileFromPath = fileFromPath;
/**
 * A File named `name` from bytes, text, a Blob, or a stream (a Node Readable or any async
 * iterable, read to the end, so the request can be retried): `toFile(fs.createReadStream(path), "a.png")`.
 */
async function toFile(data, name, options = {}) {
    const value = await data;
    const type = options.type ?? (value instanceof Blob ? value.type : "");
    const fileName = name ?? (value instanceof File ? value.name : "file");
    if (value instanceof Blob)
        return new File([value], fileName, { type });
    if (typeof value === "string")
        return new File([value], fileName, { type });
    if (value instanceof ArrayBuffer)
        return new File([new Uint8Array(value)], fileName, { type });
    if (ArrayBuffer.isView(value))
        return new File([new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice()], fileName, { type });
    const parts = [];
    const encoder = new TextEncoder();
    for await (const chunk of value)
        parts.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk.slice());
    return new File(parts, fileName, { type });
}
/**
 * A File from a path on disk, for Node.js, Deno and Bun (not browsers): `fileFromPath("./a.png")`.
 * The module is imported only when called, so browser bundles of the client do not need it.
 */
async function fileFromPath(path, name, options = {}) {
    const specifier = "node:fs/promises";
    const fs = (await Promise.resolve(`${specifier}`).then(s => __importStar(require(s))));
    return toFile(await fs.readFile(path), name ?? path.split(/[\\/]/).pop(), options);
}
