// Akamai EdgeGrid as the client signs it: each received request signed again by akamai-edgegrid
// (Akamai's own Node.js library) with the time and nonce the client sent, and compared.
import { describe, expect, it } from "vitest";
import type { ClientOptions } from "../../src/runtime/core.js";
import { ValidationError } from "../../src/runtime/errors.js";
import type { EdgeGridSpec, OperationSpec } from "../../src/runtime/spec.js";
import type { RecordedRequest } from "../../src/testkit/recording-server.js";
import { testOperation } from "../helpers/operation.js";
import { received, useRecordingServer } from "../helpers/recording.js";
import { verifyEdgeGrid } from "./verify.js";

const server = useRecordingServer();

const CREDENTIALS = {
  clientToken: "akab-client-token-xxx-xxxxxxxxxxxxxxxx",
  clientSecret: "C113nt53KR3TN6N90yVuAgICxIRwsObLi0E67/N8eRN=",
  accessToken: "akab-access-token-xxx-xxxxxxxxxxxxxxxx",
};
const base = testOperation({
  method: "GET",
  path: "/billing-usage/v1/products",
  args: [{ arg: "q", name: "q", in: "query", required: false }],
});

async function send(
  op: Partial<OperationSpec>,
  auth: Omit<EdgeGridSpec, "type">,
  args: unknown = {},
  options: ClientOptions<object> = { edgegrid: CREDENTIALS },
): Promise<RecordedRequest> {
  return received(server, { ...base, ...op, auth: { type: "edgegrid", ...auth } }, args, { maxRetries: 0, ...options });
}

/** The Authorization header akamai-edgegrid writes for what arrived, with the client's time and nonce. */
function expected(
  request: RecordedRequest,
  headersToSign: string[] = [],
  host = server.url,
  clientSecret = CREDENTIALS.clientSecret,
): string {
  const { ok } = verifyEdgeGrid(request, host, { ...CREDENTIALS, clientSecret }, headersToSign);
  return ok ? String(request.headers.authorization) : "a different signature";
}

describe("signed again by akamai-edgegrid", () => {
  it("a GET with a query: time, nonce and signature", async () => {
    const request = await send({}, {}, { q: "a b" });
    const header = String(request.headers.authorization);
    expect(header).toMatch(
      /^EG1-HMAC-SHA256 client_token=akab-client-token-xxx-xxxxxxxxxxxxxxxx;access_token=akab-access-token-xxx-xxxxxxxxxxxxxxxx;timestamp=\d{8}T\d\d:\d\d:\d\d\+0000;nonce=[0-9a-f-]{36};signature=[A-Za-z0-9+/]+=*$/,
    );
    expect(header).toBe(expected(request));
    // The check can fail: another secret gives another signature.
    expect(header).not.toBe(expected(request, [], server.url, "other"));
  });

  it("a POST's JSON body is hashed, the named headers signed", async () => {
    const op: Partial<OperationSpec> = {
      method: "POST",
      body: "json",
      contentType: "application/json",
      args: [
        { arg: "name", name: "name", in: "body", required: true, type: "json" },
        { arg: "X-Trace", name: "X-Trace", in: "header", required: false, default: "  a   b " },
      ],
    };
    const request = await send(op, { headersToSign: "X-Trace, x-missing" }, { name: "ü" });
    expect(String(request.headers.authorization)).toBe(expected(request, ["X-Trace"]));
  });

  it("the collection's baseURL names the host signed (the scheme stays the request's); a PUT's body is not hashed", async () => {
    const request = await send(
      { method: "PUT", body: "raw", args: [{ arg: "body", name: "body", in: "body", required: true }] },
      { baseURL: "https://akab-host.luna.akamaiapis.net" },
      { body: "x" },
    );
    // The body is not hashed: akamai-edgegrid, given none, signs the same.
    expect(
      verifyEdgeGrid({ ...request, raw: Buffer.alloc(0) }, "http://akab-host.luna.akamaiapis.net", CREDENTIALS).ok,
    ).toBe(true);
  });

  it("refuses a headersToSign name that is no HTTP header name with a ValidationError naming the setting", async () => {
    const error: unknown = await send({}, { headersToSign: "x-trace, bad header" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(
      'op: the edgegrid headersToSign names "bad header", which is not a valid header name',
    );
    for (const text of [String(error), JSON.stringify(error)]) expect(text).not.toContain(CREDENTIALS.clientSecret);
    expect(server.requests).toHaveLength(0);
  });

  it("fills the collection's {{variables}}, and without credentials, refuses the call, or (edgegrid: null) sends nothing signed", async () => {
    const request = await send(
      {},
      { clientToken: "{{ct}}", clientSecret: "{{cs}}", accessToken: "{{at}}" },
      {},
      { variables: { ct: CREDENTIALS.clientToken, cs: CREDENTIALS.clientSecret, at: CREDENTIALS.accessToken } },
    );
    expect(String(request.headers.authorization)).toBe(expected(request));
    await expect(send({}, {}, {}, {})).rejects.toThrow("the collection's auth needs a credential");
    expect((await send({}, {}, {}, { edgegrid: null })).headers.authorization).toBeUndefined();
  });
});
