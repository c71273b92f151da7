// An argument's JSDoc: what the collection tells of it, and nothing that tells nothing.
import { describe, expect, it } from "vitest";
import { argDoc } from "../../src/emit/docs.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";

const info = { name: "t", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" };

function formArgs(fields: object[]) {
  const collection = {
    info,
    item: [
      {
        name: "r",
        request: { method: "POST", url: "https://x.test/r", body: { mode: "formdata", formdata: fields } },
      },
    ],
  };
  const model = toModel(parseCollectionText("t.json", JSON.stringify(collection)));
  const op = model.operations[0]!;
  return op.args.map((arg) => argDoc(arg, op));
}

describe("an argument's @example", () => {
  it("is the collection's value, and none where that value is empty (Zoom's SIP `domain`, a meeting's `password`)", () => {
    const [domain, name] = formArgs([
      { key: "domain", value: "", type: "text", description: "(Required) The SIP domain. (example: CDC.WEB)." },
      { key: "name", value: "Room 1", type: "text" },
    ]);
    expect(name).toContain('@example "Room 1"');
    expect(domain).toContain("(example: CDC.WEB)");
    expect(domain).not.toContain("@example");
  });

  it("is left out where the value is an object's JSON text, whose type shows its shape", () => {
    const [inMeeting] = formArgs([{ key: "in_meeting", value: '{"e2e_encryption":true,"chat":false}', type: "text" }]);
    expect(inMeeting).toContain("The collection's example is an object's JSON text");
    expect(inMeeting).not.toContain("@example");
  });
});
