// The full Zoom client's updateUserStatus must behave exactly like the seed package's: the same
// metadata (but for where it sits) and the same request on the wire, the same results and errors.
import { describe, expect, it } from "vitest";
import * as seed from "../../generated/zoom-update-user-status/dist/index.js";
import * as zoom from "../../generated/zoom-api/dist/index.js";
import type { RecordedRequest } from "../../src/testkit/recording-server.js";
import { useRecordingServer } from "../helpers/recording.js";

const server = useRecordingServer();

const clients = () => ({
  seed: seed.createClient({ baseUrl: `${server.url}/v2`, token: "t" }).updateUserStatus,
  zoom: zoom.createClient({ baseUrl: `${server.url}/v2`, token: "t" }).users.userId.updateUserStatus,
});

const wire = (r: RecordedRequest) => ({
  method: r.method,
  target: r.target,
  auth: r.headers.authorization,
  type: r.headers["content-type"]?.split(";")[0],
  fields: r.fields,
});

describe("updateUserStatus in the full Zoom client", () => {
  it("has the seed's metadata, in the users / {user Id} folder", () => {
    const inSeed = seed.operations.find((op) => op.name === "updateUserStatus")!;
    const inZoom = zoom.operations.find(
      (op) => op.name === "updateUserStatus" && op.path === "/users/{userId}/status",
    )!;
    expect(inZoom.namespace).toEqual(["users", "userId"]);
    expect(inZoom.folder).toEqual(["users", "{user Id}"]);
    // Each says which package it is of (isErrorOf tells the two apart by it).
    expect([inSeed.package, inZoom.package]).toEqual(["zoom-update-user-status", "zoom-api"]);
    expect({ ...inZoom, namespace: [], folder: [], package: inSeed.package }).toEqual(inSeed);
  });

  it.each([[{ userId: "me", action: "deactivate" }], [{ userId: "a+b@example.com", action: "activate" }]] as const)(
    "sends the same request for %j",
    async (args) => {
      const { seed: a, zoom: b } = clients();
      await a(args);
      await b(args);
      expect(server.requests).toHaveLength(2);
      expect(wire(server.requests[1]!)).toEqual(wire(server.requests[0]!));
    },
  );

  it.each([
    [204, "", undefined],
    [404, '{"code":1001,"message":"User does not exist: x."}', "application/json"],
    [400, '{"code":300,"message":"upcoming event"}', "application/json"],
  ] as const)("maps a %i response the same way", async (status, body, type) => {
    const outcome = async (call: (args: { userId: string; action: "activate" }) => Promise<unknown>) => {
      server.reply({ status, headers: type ? { "content-type": type } : {}, body });
      return call({ userId: "me", action: "activate" }).then(
        (value) => ({ value }),
        (error: Error) => ({ error: error.name, message: error.message, json: JSON.stringify(error) }),
      );
    };
    const { seed: a, zoom: b } = clients();
    expect(await outcome(b)).toEqual(await outcome(a));
  });

  it("refuses the same bad input with the same message", async () => {
    const { seed: a, zoom: b } = clients();
    const bad = { userId: "..", action: "deactivated" } as never;
    const messages = await Promise.all([a(bad).catch((e: Error) => e.message), b(bad).catch((e: Error) => e.message)]);
    expect(messages[1]).toBe(messages[0]);
    expect(server.requests).toHaveLength(0);
  });
});
