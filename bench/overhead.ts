// Per-call overhead of the emitted client against a raw fetch of the same request, on loopback:
// both send PUT /v2/users/me/status with a bearer token and a multipart body, to a server that
// answers 204 at once. Batches alternate so that drift hits both sides alike.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient } from "../generated/zoom-update-user-status/dist/index.js";
import { median } from "./measure.js";

export interface Overhead {
  calls: number;
  rawMsPerCall: number;
  /** A raw fetch with the same per-attempt timeout signal the client sets (60 s by default). */
  rawWithTimeoutMsPerCall: number;
  clientMsPerCall: number;
  ratio: number;
  ratioToRawWithTimeout: number;
}

export async function measureOverhead(calls = 4000, batch = 250): Promise<Overhead> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(204).end());
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  const client = createClient({ baseUrl: base, token: "bench-token" });

  const raw = async () => {
    const form = new FormData();
    form.append("action", "deactivate");
    const response = await fetch(`${base}/users/${encodeURIComponent("me")}/status`, { method: "PUT", headers: { authorization: "Bearer bench-token" }, body: form });
    await response.text();
  };
  const rawWithTimeout = async () => {
    const form = new FormData();
    form.append("action", "deactivate");
    const response = await fetch(`${base}/users/${encodeURIComponent("me")}/status`, {
      method: "PUT",
      headers: { authorization: "Bearer bench-token" },
      body: form,
      signal: AbortSignal.timeout(60_000),
    });
    await response.text();
  };
  const viaClient = () => client.updateUserStatus({ userId: "me", action: "deactivate" });

  const time = async (fn: () => Promise<unknown>, n: number) => {
    const started = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return (performance.now() - started) / n;
  };
  for (const fn of [raw, rawWithTimeout, viaClient]) await time(fn, batch);
  const rawTimes: number[] = [];
  const timeoutTimes: number[] = [];
  const clientTimes: number[] = [];
  for (let done = 0; done < calls; done += batch) {
    rawTimes.push(await time(raw, batch));
    timeoutTimes.push(await time(rawWithTimeout, batch));
    clientTimes.push(await time(viaClient, batch));
  }
  server.closeAllConnections();
  server.close();
  const rawMs = median(rawTimes);
  const timeoutMs = median(timeoutTimes);
  const clientMs = median(clientTimes);
  return { calls, rawMsPerCall: rawMs, rawWithTimeoutMsPerCall: timeoutMs, clientMsPerCall: clientMs, ratio: clientMs / rawMs, ratioToRawWithTimeout: clientMs / timeoutMs };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await measureOverhead());
