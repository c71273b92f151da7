// Zoom has three `updateRegistrantStatus` methods (meetings, their recordings, webinars). At run
// time each operation goes by one name, unique in the package: its standalone function's. So
// when all three fail, the errors, their messages and a hook's `request.operation` tell them
// apart, and an operation whose method name is its own keeps it (`updateUserStatus`).
import { describe, expect, it } from "vitest";
import * as zoom from "../../generated/zoom-api/dist/index.js";
import { useRecordingServer } from "../helpers/recording.js";

const server = useRecordingServer();

describe("operations that share a method name, at run time", () => {
  it("fail with distinct names in errors, messages and hooks", async () => {
    const seen: Array<[string, string]> = [];
    const client = zoom.createClient({
      baseUrl: `${server.url}/v2`,
      token: "t",
      maxRetries: 0,
      onRequest: (request) => void seen.push(["request", request.operation]),
      onResponse: (_response, request) => void seen.push(["response", request.operation]),
      onError: (_error, request) => void seen.push(["error", request.operation]),
    });
    server.reply({
      status: 404,
      headers: { "content-type": "application/json" },
      body: '{"code":3001,"message":"Meeting does not exist."}',
    });
    const calls = [
      [
        zoom.meetingsMeetingIdRegistrantsUpdateRegistrantStatus,
        zoom.meetingsMeetingIdRegistrantsUpdateRegistrantStatusOperation,
        () => client.meetingsMeetingId.registrants.updateRegistrantStatus({ meetingId: 1, action: "approve" }),
      ],
      [
        zoom.meetingsMeetingIdRecordingsRegistrantsUpdateRegistrantStatus,
        zoom.meetingsMeetingIdRecordingsRegistrantsUpdateRegistrantStatusOperation,
        () => client.meetingsMeetingId.recordings.registrants.updateRegistrantStatus({ meetingId: 1, action: "deny" }),
      ],
      [
        zoom.webinarsWebinarIdRegistrantsUpdateRegistrantStatus,
        zoom.webinarsWebinarIdRegistrantsUpdateRegistrantStatusOperation,
        () => client.webinarsWebinarId.registrants.updateRegistrantStatus({ webinarId: 1, action: "cancel" }),
      ],
      [
        zoom.updateUserStatus,
        zoom.updateUserStatusOperation,
        () => client.users.userId.updateUserStatus({ userId: "me", action: "activate" }),
      ],
    ] as const;
    const errors: zoom.ApiError[] = [];
    for (const [, , call] of calls)
      errors.push(
        await call().then(
          () => expect.fail("resolved"),
          (e: zoom.ApiError) => e,
        ),
      );
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "PUT /v2/meetings/1/registrants/status",
      "PUT /v2/meetings/1/recordings/registrants/status",
      "PUT /v2/webinars/1/registrants/status",
      "PUT /v2/users/me/status",
    ]);

    const names = calls.map(([standalone]) => standalone.name);
    // The seed's operation keeps its name; the three others have theirs, all different.
    expect(names[3]).toBe("updateUserStatus");
    expect(new Set(names).size).toBe(4);
    calls.forEach(([standalone, spec], i) => {
      expect(spec.name).toBe(standalone.name);
      expect(errors[i]).toBeInstanceOf(zoom.NotFoundError);
      expect(errors[i]!.operation).toBe(spec.name);
      expect(errors[i]!.message.startsWith(`${spec.name}: 404 `), errors[i]!.message).toBe(true);
    });
    expect(seen).toEqual(
      names.flatMap((name) => [
        ["request", name],
        ["response", name],
        ["error", name],
      ]),
    );
    // The method keeps its name on the client; the metadata says it where it is not `name`.
    expect(calls.map(([, spec]) => ("member" in spec ? spec.member : spec.name))).toEqual([
      "updateRegistrantStatus",
      "updateRegistrantStatus",
      "updateRegistrantStatus",
      "updateUserStatus",
    ]);
  });

  it("find their response checks under their own names", async () => {
    const mismatches: zoom.TypeMismatch[] = [];
    const client = zoom.createClient({
      baseUrl: `${server.url}/v2`,
      token: "t",
      responseCheck: "warn",
      responseChecks: zoom.responseChecks,
      onTypeMismatch: (found) => void mismatches.push(found),
    });
    // A list where each inferred type has an object.
    server.reply({ status: 200, headers: { "content-type": "application/json" }, body: "[]" });
    await client.rooms.listZoomRooms({});
    await client.metrics.zoomrooms.listZoomRooms({});
    expect(mismatches.map((m) => [m.operation, m.path])).toEqual([
      [zoom.roomsListZoomRooms.name, "$"],
      [zoom.metricsZoomroomsListZoomRooms.name, "$"],
    ]);
    expect(zoom.roomsListZoomRooms.name).not.toBe(zoom.metricsZoomroomsListZoomRooms.name);
  });
});
