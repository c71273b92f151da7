// What the emitter writes most often in a module's TypeScript is written straight, without laying
// out prettier's documents (printer.test.ts checks each writer against them and prettier): here,
// that the documents are not laid out for it at all.
import prettier from "prettier";
import { describe, expect, it, vi } from "vitest";
import { printDoc, type PrintOptions } from "../../src/emit/printer/doc.js";
import { printModule, type Statement, type TypeNode } from "../../src/emit/printer/typescript.js";
import { describedText, specTypeOf } from "../../src/emit/modules/operations.js";
import { callSpecName, exportedNames } from "../../src/model/naming.js";

vi.mock("../../src/emit/printer/doc.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/emit/printer/doc.js")>();
  return { ...original, printDoc: vi.fn(original.printDoc) };
});

const options: PrintOptions = { printWidth: 80, tabWidth: 2, useTabs: false };
const name = (n: string) => ({ kind: "name" as const, name: n });
const long = "UsersUserIdMeetingsRecordingsListAllRecordingsOfAMeeting";

describe("a client module's TypeScript", () => {
  it("writes its imports, results and namespaces' methods straight, too long for a line or not", async () => {
    const statements: Statement[] = [
      { kind: "import", from: "../runtime/core.js", typeOnly: true, names: [{ name: "RequestOptions" }] },
      {
        kind: "import",
        from: "../shapes.js",
        typeOnly: true,
        names: ["Owner", "Meeting", "Recording", "Participant", "Webinar"].map((n) => ({ name: `${n}Shape` })),
      },
      {
        kind: "type",
        exported: true,
        name: `${long}Result`,
        type: {
          kind: "indexed",
          object: name(`${long}Responses`),
          index: { kind: "operator", operator: "keyof", type: name(`${long}Responses`) },
        },
      },
      {
        kind: "interface",
        exported: true,
        name: "ClientUsersUserIdRecordings",
        members: [
          {
            kind: "method",
            key: "listAllRecordingsOfAMeeting",
            docs: "`GET /meetings/{meetingId}/recordings`",
            params: [
              { name: "args", type: name(`${long}Args`) },
              {
                name: "options",
                type: { kind: "name", name: "RequestOptions", args: [name("Variables")] },
                optional: true,
              },
            ],
            returns: { kind: "name", name: "ApiPromise", args: [name(`${long}Result`)] },
          },
        ],
      },
    ];
    vi.mocked(printDoc).mockClear();
    const source = printModule(statements, options);
    expect(vi.mocked(printDoc)).not.toHaveBeenCalled();
    expect(source).toContain(`listAllRecordingsOfAMeeting(\n    args: ${long}Args,\n`);
    expect(await prettier.format(source, { parser: "babel-ts", ...options })).toBe(source);
  });
});

describe("an operation's metadata", () => {
  it("writes the line up to its documentation straight, the type broken or not", async () => {
    const heads: string[] = [];
    vi.mocked(printDoc).mockClear();
    for (const n of ["getUser", "listAllRecordingsOfAMeeting", long.replace(/^U/, "u")])
      for (const rateLimit of [undefined, "Light", "Resource-intensive"])
        for (const o of [options, { ...options, printWidth: 120 }]) {
          const names = exportedNames(n);
          const type = specTypeOf(names.responses, names.error, rateLimit);
          const docs = { name: `${n}: what it does, at a length that breaks its object` };
          const text = describedText(o, names.spec, type, callSpecName(n), docs, []);
          if (text === undefined) continue;
          heads.push(text.slice(0, text.indexOf("{\n", text.indexOf("Object.assign("))));
          expect(await prettier.format(`${text}\n`, { parser: "babel-ts", ...o })).toBe(`${text}\n`);
        }
    expect(vi.mocked(printDoc)).not.toHaveBeenCalled();
    // One line, the type arguments broken, the object type broken.
    expect(heads.some((head) => !head.includes("\n"))).toBe(true);
    expect(heads.some((head) => head.includes("<\n"))).toBe(true);
    expect(heads.some((head) => head.includes("& {\n"))).toBe(true);
  });
});
