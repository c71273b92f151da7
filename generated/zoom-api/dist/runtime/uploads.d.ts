export type FileData = Blob | ArrayBuffer | ArrayBufferView | string | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
/**
 * A File named `name` from bytes, text, a Blob, or a stream (a Node Readable or any async
 * iterable, read to the end, so the request can be retried): `toFile(fs.createReadStream(path), "a.png")`.
 */
export declare function toFile(data: FileData | PromiseLike<FileData>, name?: string, options?: {
    type?: string | undefined;
}): Promise<File>;
/**
 * A File from a path on disk, for Node.js, Deno and Bun (not browsers): `fileFromPath("./a.png")`.
 * The module is imported only when called, so browser bundles of the client do not need it.
 */
export declare function fileFromPath(path: string, name?: string, options?: {
    type?: string | undefined;
}): Promise<File>;
