// What an error of the client shows when it is logged or serialised: its name (from its class, as
// Error's own is, so a bundle that renames classes keeps it), its message and its own fields; the
// response's headers stay on the error for code to read and out of its JSON.
import { describe, expect, it } from "vitest";
import {
  ApiClientError,
  apiError,
  NotFoundError,
  ServerError,
  TimeoutError,
  ValidationError,
} from "../../src/runtime/errors.js";

const init = {
  operation: "getThing",
  statusText: "Not Found",
  headers: new Headers({ "set-cookie": "session=s3cret" }),
  body: { code: 1001, message: "no such thing" },
  code: 1001,
  description: "Not Found",
  codeDescription: "Thing does not exist.",
  apiMessage: "no such thing",
};

describe("the client's errors", () => {
  it("serialise as their name, message and own fields, in the order they are set", () => {
    expect(JSON.parse(JSON.stringify(new ApiClientError("something failed")))).toEqual({
      name: "ApiClientError",
      message: "something failed",
    });
    expect(new ValidationError("getThing", "id", "refused").toJSON()).toEqual({
      name: "ValidationError",
      message: "getThing: refused",
      operation: "getThing",
      field: "id",
    });
    expect(new TimeoutError("getThing", 10).toJSON()).toEqual({
      name: "TimeoutError",
      message: "getThing: no response within 10 ms",
      operation: "getThing",
      timeoutMs: 10,
    });
    const notFound = apiError({ ...init, status: 404 });
    expect(Object.keys(notFound.toJSON())).toEqual([
      "name",
      "message",
      "operation",
      "status",
      "code",
      "description",
      "codeDescription",
      "body",
    ]);
    expect(JSON.stringify(notFound)).not.toContain("s3cret");
    expect(notFound.headers.get("set-cookie")).toBe("session=s3cret");
  });

  it("pick the class of the status, and take their name from it", () => {
    expect(apiError({ ...init, status: 404 })).toBeInstanceOf(NotFoundError);
    expect(apiError({ ...init, status: 503 })).toBeInstanceOf(ServerError);
    expect(apiError({ ...init, status: 418 }).constructor.name).toBe("ApiError");
    for (const [status, name] of [
      [404, "NotFoundError"],
      [503, "ServerError"],
      [418, "ApiError"],
    ] as const) {
      const error = apiError({ ...init, status });
      expect(error.name).toBe(name);
      expect(String(error)).toBe(`${name}: ${error.message}`);
      expect(error.stack?.startsWith(`${name}: `)).toBe(true);
    }
  });
});
