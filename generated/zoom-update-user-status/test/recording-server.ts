// A real HTTP server on 127.0.0.1 for tests: it records every request with its body parsed by a
// real parser (busboy for multipart) and answers with the replies queued for it.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerOptions,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import busboy from "busboy";
import { isJson } from "../src/runtime/response.js";
import { restoreUnknownMethods, type MethodRestoringSocket } from "./unknown-methods.js";

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A multipart part's own headers. */
export interface RecordedPart {
  field: string;
  /** Absent for a text field (a part without a file name). */
  filename?: string;
  /** As busboy reads it: `text/plain` when the part names none. */
  contentType: string;
}

export interface RecordedRequest {
  method: string;
  /** The request target as sent: path and query, percent-encoding untouched. */
  target: string;
  /** The path as sent, percent-encoding untouched. */
  path: string;
  query: Array<[string, string]>;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  /** Multipart or urlencoded fields, in order. */
  fields: Array<[string, string]>;
  files: RecordedFile[];
  /** Each multipart part's headers, text fields and files in the order sent. */
  parts?: RecordedPart[];
  /** The body parsed as JSON, when the content type says JSON and it parses. */
  json?: unknown;
  /** Why a JSON body did not parse (the client sent what the collection holds; that may not be JSON). */
  jsonError?: string;
  /** Why a form body could not be parsed as its content type says (e.g. a multipart type without a boundary). */
  parseError?: string;
}

/**
 * An answer: a response (after `delayMs`, if given), or `drop` (close the connection without one),
 * `hang` (never answer), `stall` (send a 200's headers and part of its body, then nothing) or `cut`
 * (the same, then close).
 */
export type Reply =
  | { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  | { action: "drop" | "hang" | "stall" | "cut" };

export interface RecordingServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Queues replies, one per request; once the queue is empty the last one repeats (default: 200 `{}`). */
  reply(...replies: Reply[]): void;
  reset(): void;
  close(): Promise<void>;
}

/** Node's limits on how long a request may take to arrive; its defaults unless given (tests of the server). */
export type RecordingServerTimeouts = Pick<
  ServerOptions,
  "headersTimeout" | "requestTimeout" | "keepAliveTimeout" | "connectionsCheckingInterval"
>;

/** The answer to a request sent before the last one's response arrived (see unknown-methods.ts). */
const PIPELINED =
  "the recording server does not take pipelined requests: send each request on a connection once the last one's response has arrived";

/** The longest request head (request line and headers) the server reads: well above any example. */
const MAX_HEAD_BYTES = 16 * 1024 * 1024;

const DEFAULT_REPLY: Reply = {
  status: 200,
  headers: { "content-type": "application/json" },
  body: "{}",
};

export async function startRecordingServer(
  timeouts: RecordingServerTimeouts = {},
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let queue: Reply[] = [];
  let last = DEFAULT_REPLY;

  // Node's default cap on a request's head (16 KiB) answers 431 before the handler sees it; a
  // collection's example of a query parameter or header (a base64 image in a query, say) is longer
  // than that, and the test that passes it would find nothing recorded.
  const server = createServer({ ...timeouts, maxHeaderSize: MAX_HEAD_BYTES }, (req, res) => {
    const socket = req.socket as unknown as MethodRestoringSocket;
    const method = socket.takeMethod(req);
    res.on("finish", () => socket.responded());
    // Recorded, it could be with another request's method, or a body whose bytes were taken for a
    // request line: answered instead, and the connection closed.
    if (socket.pipelined) {
      res
        .writeHead(400, { ...corsHeaders(req), "content-type": "text/plain", connection: "close" })
        .end(PIPELINED);
      return;
    }
    // Browsers ask first when a test page on another origin calls the server.
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
      res.writeHead(204, corsHeaders(req)).end();
      return;
    }
    record(req, method)
      .then((recorded) => {
        requests.push(recorded);
        const next = queue.shift() ?? last;
        last = next;
        if ("action" in next) {
          if (next.action === "drop") req.socket.destroy();
          if (next.action === "stall" || next.action === "cut") {
            res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
            res.write('{"partial":', () =>
              next.action === "cut" ? setTimeout(() => req.socket.destroy(), 20) : undefined,
            );
          }
          return;
        }
        const answer = () =>
          send(res, recorded.parseError ? { status: 400, body: recorded.parseError } : next, req);
        if (next.delayMs) setTimeout(answer, next.delayMs);
        else answer();
      })
      .catch((error: unknown) => send(res, { status: 500, body: String(error) }, req));
  });
  // The HTTP server reads each connection through a stream that shows it a method it does not
  // know as one it does (src/testkit/unknown-methods.ts).
  restoreUnknownMethods(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply(...replies) {
      queue = [...replies];
      if (replies.length) last = replies[replies.length - 1]!;
    },
    reset() {
      requests.length = 0;
      queue = [];
      last = DEFAULT_REPLY;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(
  res: ServerResponse,
  reply: { status: number; headers?: Record<string, string>; body?: string },
  req: IncomingMessage,
): void {
  res.writeHead(reply.status, { ...corsHeaders(req), ...reply.headers });
  res.end(reply.body ?? "");
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": req.headers["access-control-request-method"] ?? "*",
    "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
    "access-control-expose-headers": "*",
  };
}

async function record(req: IncomingMessage, method: string): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const target = req.url ?? "/";
  const queryAt = target.indexOf("?");
  const recorded: RecordedRequest = {
    method,
    target,
    path: queryAt < 0 ? target : target.slice(0, queryAt),
    query: queryAt < 0 ? [] : formPairs(target.slice(queryAt + 1)),
    headers: headersOf(req.rawHeaders),
    raw,
    fields: [],
    files: [],
  };
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  try {
    // An empty body has no parts to read, whatever its type says: a collection's empty raw body
    // under `Content-Type: multipart/form-data` (no boundary) is sent so by newman and the client.
    if (raw.length && type.startsWith("multipart/form-data"))
      await parseMultipart(req.headers, raw, recorded);
    else if (type.startsWith("application/x-www-form-urlencoded"))
      recorded.fields = formPairs(raw.toString("utf8"));
  } catch (error) {
    recorded.parseError = (error as Error).message;
  }
  if (isJson(type) && raw.length) {
    try {
      recorded.json = JSON.parse(raw.toString("utf8"));
    } catch (error) {
      recorded.jsonError = (error as Error).message;
    }
  }
  return recorded;
}

/**
 * The pairs of a query or an urlencoded body. URLSearchParams given a string drops one leading `?`,
 * which is the query's own first key's when the target's `?` was already cut (`/p???=1`, a key `??`
 * as Postman sends it); a leading `&` is an empty pair, which the form parser skips.
 */
function formPairs(text: string): Array<[string, string]> {
  return [...new URLSearchParams(`&${text}`)];
}

/**
 * Headers by lower-cased name, duplicates joined with ", " as Node does, in an object without a
 * prototype: Node's own req.headers cannot hold a header named `__proto__`.
 */
function headersOf(raw: string[]): IncomingHttpHeaders {
  const headers = Object.create(null) as Record<string, string>;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    headers[name] = name in headers ? `${headers[name]}, ${raw[i + 1]!}` : raw[i + 1]!;
  }
  return headers;
}

function parseMultipart(
  headers: IncomingHttpHeaders,
  raw: Buffer,
  recorded: RecordedRequest,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // Field names are UTF-8, as fetch and browsers send them.
    const parser = busboy({ headers, defParamCharset: "utf8" });
    const parts: RecordedPart[] = (recorded.parts = []);
    parser.on("field", (name, value, info) => {
      recorded.fields.push([name, value]);
      parts.push({ field: name, contentType: info.mimeType });
    });
    parser.on("file", (field, stream, info) => {
      parts.push({ field, filename: info.filename ?? "", contentType: info.mimeType });
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () =>
        recorded.files.push({
          field,
          filename: info.filename ?? "",
          contentType: info.mimeType,
          content: Buffer.concat(chunks),
        }),
      );
    });
    parser.on("close", () => resolve());
    parser.on("error", reject);
    parser.end(raw);
  });
}
