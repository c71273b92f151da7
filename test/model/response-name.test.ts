import { describe, expect, it } from "vitest";
import { parseResponseName } from "../../src/model/response-name.js";
import { seedItem } from "../helpers/seed.js";

describe("parseResponseName", () => {
  const names = (seedItem()["response"] as Array<{ name: string }>).map((r) => r.name);

  it("reads the seed's four example names", () => {
    expect(names.map(parseResponseName)).toEqual([
      { errorCodes: [] },
      { status: 204, description: "Status updated.", errorCodes: [] },
      {
        status: 400,
        description: "Bad Request",
        errorCodes: [
          { code: 200, description: "Zoom Room and Admin users' status cannot be activated or deactivated." },
          // The collection cuts this one short; it is kept as it is.
          { code: 300, description: "You cannot deactivate this user because the user has an upcoming Zoom Eve" },
        ],
      },
      {
        status: 404,
        description: "Not Found",
        errorCodes: [{ code: 1001, description: "User does not exist: $userId." }],
      },
    ]);
  });

  it.each([
    [
      "**HTTP Status Code:** `200` **OK**<br>\nMeeting updated.",
      { status: 200, description: "Meeting updated.", errorCodes: [] },
    ],
    ["**Status Code:** `201`<br>\nCreated it.", { status: 201, description: "Created it.", errorCodes: [] }],
    [
      "**HTTP Status Code:** `404`<br>\n**Error Code**: `3001`<br>\nMeeting not found.",
      { status: 404, errorCodes: [{ code: 3001, description: "Meeting not found." }] },
    ],
    ["**Error Code:** `124` <br>\nInvalid token.", { errorCodes: [{ code: 124, description: "Invalid token." }] }],
    ["Success", { description: "Success", errorCodes: [] }],
  ])("reads %j", (name, expected) => {
    expect(parseResponseName(name)).toEqual(expected);
  });
});
