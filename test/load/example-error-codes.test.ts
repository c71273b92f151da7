// A code in a saved error example's body is a documented code of its status: the client's error for
// that answer, as a real server sends it, carries the code with the example's message as its
// description, `isErrorOf` counts it as the operation's, and the `…Error` type names it.
import { describe, expect, it } from "vitest";
import { operationSpec } from "../../src/emit/client.js";
import { errorType } from "../../src/emit/type-expressions.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { isErrorOf } from "../../src/runtime/error-guard.js";
import { ApiError } from "../../src/runtime/errors.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const JSON_TYPE = { key: "Content-Type", value: "application/json" };
/** The saved answers, as Postman power users save them: codes in the bodies, none in the names. */
const SAVED = [
  { name: "OK", code: 200, header: [JSON_TYPE], body: '{"id": 42}' },
  {
    name: "Not found",
    code: 404,
    header: [JSON_TYPE],
    body: '{"error": {"code": "user_not_found", "message": "No such user"}}',
  },
  { name: "Server error", code: 500, header: [JSON_TYPE], body: '{"errors": [{"code": 131, "message": "down"}]}' },
];

const model = toModel(
  parseCollectionText(
    "shop.json",
    JSON.stringify({
      info: { name: "Shop", schema: V21 },
      item: [{ name: "Get user", request: { method: "GET", url: "{{baseUrl}}/users/42" }, response: SAVED }],
    }),
  ),
);
const op = model.operations[0]!;
const spec = operationSpec(op);

const server = useRecordingServer({ resetEach: false });

describe("error codes of saved examples", () => {
  it.each(SAVED.filter((s) => s.code >= 400))(
    "the $code example's answer rejects with its code, documented with its message",
    async (saved) => {
      server.reply({ status: saved.code, headers: { "content-type": JSON_TYPE.value }, body: saved.body });
      const error = await testCore({ baseUrl: server.url, maxRetries: 0 }, { baseUrl: "", variables: {} })
        .call(spec, {})
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      const { code, codeDescription } = error as ApiError;
      const documented = op.responses.find((r) => r.status === saved.code)!.errorCodes;
      // The one code the body holds, documented with the words it says (the body's message).
      expect(documented).toEqual([{ code, description: codeDescription }]);
      expect(code).not.toBeUndefined();
      expect(saved.body).toContain(JSON.stringify(code));
      expect(saved.body).toContain(JSON.stringify(codeDescription));
      expect(isErrorOf(spec, error)).toBe(true);
      // Another code of that status is none the operation documents.
      server.reply({
        status: saved.code,
        headers: { "content-type": JSON_TYPE.value },
        body: JSON.stringify({ code: "not_saved" }),
      });
      const other = await testCore({ baseUrl: server.url, maxRetries: 0 }, { baseUrl: "", variables: {} })
        .call(spec, {})
        .catch((e: unknown) => e);
      expect((other as ApiError).codeDescription).toBeUndefined();
      expect(isErrorOf(spec, other)).toBe(false);
    },
  );

  it("types each error by the codes its examples hold", () => {
    const errors = op.responses.filter((r) => r.status >= 400);
    expect(errors.map(errorType)).toEqual([`ApiError<404, "user_not_found">`, `ApiError<500, 131>`]);
  });
});
