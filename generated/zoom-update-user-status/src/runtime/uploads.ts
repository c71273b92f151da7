// File values for form file fields and binary bodies. The platform's FormData builds multipart
// bodies (so the boundary is always right); this turns what callers have into something it takes.

export type FileData =
  | Blob
  | ArrayBuffer
  | ArrayBufferView
  | string
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>;

/**
 * A File named `name` from bytes, text, a Blob, or a stream (a Node Readable or any async
 * iterable, read to the end, so the request can be retried): `toFile(fs.createReadStream(path), "a.png")`.
 */
export async function toFile(
  data: FileData | PromiseLike<FileData>,
  name?: string,
  options: { type?: string | undefined } = {},
): Promise<File> {
  const value = await data;
  const type = options.type ?? (value instanceof Blob ? value.type : "");
  const fileName = name ?? (value instanceof File ? value.name : "file");
  if (value instanceof Blob) return new File([value], fileName, { type });
  if (typeof value === "string") return new File([value], fileName, { type });
  if (value instanceof ArrayBuffer) return new File([new Uint8Array(value)], fileName, { type });
  if (ArrayBuffer.isView(value))
    return new File(
      [new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice()],
      fileName,
      { type },
    );
  const parts: Array<Uint8Array<ArrayBuffer>> = [];
  const encoder = new TextEncoder();
  for await (const chunk of value as AsyncIterable<Uint8Array | string>)
    parts.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk.slice());
  return new File(parts, fileName, { type });
}

/**
 * A File from a path on disk, for Node.js, Deno and Bun (not browsers): `fileFromPath("./a.png")`.
 * The module is imported only when called, so browser bundles of the client do not need it.
 */
export async function fileFromPath(
  path: string,
  name?: string,
  options: { type?: string | undefined } = {},
): Promise<File> {
  const specifier = "node:fs/promises";
  const fs = (await import(/* @vite-ignore */ specifier)) as {
    readFile(path: string): Promise<Uint8Array>;
  };
  return toFile(await fs.readFile(path), name ?? path.split(/[\\/]/).pop(), options);
}
