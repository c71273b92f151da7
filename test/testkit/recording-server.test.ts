// The recording server every emitted package's tests run against (src/testkit/recording-server.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRecordingServer, type RecordingServer } from "../../src/testkit/recording-server.js";

describe("startRecordingServer", () => {
  let server: RecordingServer;
  beforeAll(async () => {
    server = await startRecordingServer();
  });
  afterAll(() => server.close());

  it("records a request whose query and headers are longer than Node's default 16 KiB head", async () => {
    // A disabled query parameter whose example is a base64 image, as a real collection had: the
    // emitted test passes the example, and the server must see the request to compare it.
    const image = `data:image/jpg;base64,${"A".repeat(80_000)}`;
    const response = await fetch(`${server.url}/api/search?image=${encodeURIComponent(image)}`, {
      headers: { "x-long": "b".repeat(40_000) },
    });
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.query).toEqual([["image", image]]);
    expect(server.requests[0]!.headers["x-long"]).toHaveLength(40_000);
  });

  it("records an empty body under a form type as no fields, not as a body it could not parse", async () => {
    // A real collection's empty raw body with a hand-set `Content-Type: multipart/form-data`.
    server.reset();
    const response = await fetch(`${server.url}/upload`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data" },
      body: "",
    });
    expect(response.status).toBe(200);
    expect(server.requests[0]!.parseError).toBeUndefined();
    expect(server.requests[0]!.fields).toEqual([]);
  });
});
