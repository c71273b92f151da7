// Node's HTTP parser (llhttp) knows a fixed list of methods and answers 400 HPE_INVALID_METHOD to any
// other, but a collection may use one (Postman's own `VIEW`, or a custom `POSTMAN`), and the client
// sends it as newman does. The recording server sees its connections through this stream, which
// writes such a method as POST (a method the parser frames a body for by Content-Length or
// Transfer-Encoding) and keeps the real one for the server to record.
import { METHODS, type IncomingMessage, type Server } from "node:http";
import type { Socket } from "node:net";
import { Duplex } from "node:stream";

const KNOWN = new Set(METHODS);

/** A method as RFC 9110 allows it: a token. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The longest token the stream waits for before deciding a request line's method is not one. */
const MAX_METHOD_BYTES = 1024;

const SPACE = 0x20;

/**
 * Makes `server` read each connection it accepts through a MethodRestoringSocket. The server
 * listens itself, as any other does, so Node tracks its connections: a request whose head or
 * whole is not sent in time is answered 408 (`headersTimeout`, `requestTimeout`), and `close()`
 * ends idle keep-alive connections. (An http.Server handed connections from a listener of its own
 * never listens, and does neither.)
 */
export function restoreUnknownMethods(server: Server): void {
  const handlers = server.listeners("connection") as Array<(this: Server, socket: Duplex) => void>;
  server.removeAllListeners("connection");
  server.on("connection", (socket: Socket) => {
    const restoring = new MethodRestoringSocket(socket);
    for (const handler of handlers) handler.call(server, restoring);
  });
}

/**
 * A connection's bytes as the HTTP server reads them, an unknown method replaced. A request line
 * starts where the connection does and after each response: the tests' clients (undici's fetch,
 * newman's request) do not pipeline, so a client sends its next request on the connection only once
 * it has the whole response. Only the first bytes after each of those points are looked at. A
 * client that does pipeline (bytes after a whole request, before its response, or a request while
 * one is unanswered) is seen, and the connection is no longer rewritten: `pipelined`.
 */
export class MethodRestoringSocket extends Duplex {
  /** Per request, in order: the method it was sent with, when the server was shown another. */
  readonly #methods: Array<string | undefined> = [];
  #atRequestLine = true;
  /** A request line's first bytes, held until they show where its method ends. */
  #held: Buffer | undefined;
  /** The request the server is handling, until its response is written. */
  #unanswered: IncomingMessage | undefined;
  #pipelined = false;

  constructor(readonly socket: Socket) {
    super({ allowHalfOpen: false });
    socket.on("data", (chunk: Buffer) => {
      // A line break alone after a body is no request: RFC 9112 (2.2) lets a client send one.
      if (this.#unanswered?.complete && /[^\r\n]/.test(chunk.toString("latin1")))
        this.#pipelined = true;
      if (!this.push(this.#atRequestLine ? this.#requestLine(chunk) : chunk)) socket.pause();
    });
    socket.on("end", () => this.push(null));
    socket.on("error", (error) => this.destroy(error));
    socket.on("timeout", () => this.emit("timeout"));
    socket.on("close", () => this.destroy());
  }

  /** The method the request the server is now handling was sent with (requests come one at a time). */
  takeMethod(request: IncomingMessage): string {
    if (this.#unanswered) this.#pipelined = true;
    this.#unanswered = request;
    return this.#methods.shift() ?? request.method ?? "";
  }

  /** The response is written: the next bytes from the client start a request line. */
  responded(): void {
    this.#unanswered = undefined;
    if (!this.#pipelined) this.#atRequestLine = true;
  }

  /**
   * Whether the client sent a request before it had the last one's response: where a request line
   * starts is then unknown, and the methods taken from here on may belong to other requests.
   */
  get pipelined(): boolean {
    return this.#pipelined;
  }

  #requestLine(chunk: Buffer): Buffer {
    const bytes = this.#held ? Buffer.concat([this.#held, chunk]) : chunk;
    this.#held = undefined;
    const space = bytes.indexOf(SPACE);
    if (space < 0) {
      if (bytes.length < MAX_METHOD_BYTES && TOKEN.test(bytes.toString("latin1"))) {
        this.#held = bytes;
        return Buffer.alloc(0);
      }
      this.#atRequestLine = false;
      this.#methods.push(undefined);
      return bytes;
    }
    this.#atRequestLine = false;
    const method = bytes.toString("latin1", 0, space);
    if (KNOWN.has(method) || !TOKEN.test(method)) {
      this.#methods.push(undefined);
      return bytes;
    }
    this.#methods.push(method);
    return Buffer.concat([Buffer.from("POST", "latin1"), bytes.subarray(space)]);
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(
    chunk: Buffer,
    encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    // Called back at once, not when the socket has flushed: the response's `finish`, which marks
    // where the next request line starts, then comes before any more of the client's bytes are read.
    this.socket.write(chunk, encoding);
    callback();
  }

  override _writev(
    chunks: Array<{ chunk: Buffer; encoding: BufferEncoding }>,
    callback: (error?: Error | null) => void,
  ): void {
    // A response's head and body parts in one write, as the server gives them to a socket of its own.
    this.socket.write(Buffer.concat(chunks.map(({ chunk }) => chunk)));
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.socket.end(callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy(error ?? undefined);
    callback(error);
  }

  // What the HTTP server asks of a socket beyond a stream's methods.
  setTimeout(ms: number, callback?: () => void): this {
    this.socket.setTimeout(ms, callback);
    return this;
  }

  setNoDelay(noDelay?: boolean): this {
    this.socket.setNoDelay(noDelay);
    return this;
  }

  setKeepAlive(enable?: boolean, delay?: number): this {
    this.socket.setKeepAlive(enable, delay);
    return this;
  }

  // Node answers a request that timed out 408 only on a connection it has written nothing to.
  get bytesWritten(): number {
    return this.socket.bytesWritten;
  }

  get remoteAddress(): string | undefined {
    return this.socket.remoteAddress;
  }

  get remotePort(): number | undefined {
    return this.socket.remotePort;
  }
}
