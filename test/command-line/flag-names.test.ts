// The flags of an operation's arguments (names.ts's argFlags): unique, and named as the client
// names the arguments they set.
import { describe, expect, it } from "vitest";
import { argFlags } from "../../src/command-line/names.js";
import type { ArgSpec, OperationSpec } from "../../src/runtime/spec.js";

function op(args: ArgSpec[]): OperationSpec {
  return {
    name: "search",
    namespace: [],
    item: "Search",
    folder: [],
    method: "GET",
    path: "/search",
    args,
    responses: [],
  };
}

describe("argFlags", () => {
  it("numbers a key listed twice whose first flag took the place's prefix, as the client numbers it: no --query-query-", () => {
    // A query key listed twice (one disabled): the client's keys are `timeout` and `query_timeout`
    // (model/naming.ts's argKeys), and `--timeout` is a global flag's.
    const flags = argFlags(
      op([
        { arg: "timeout", name: "timeout", in: "query", required: false },
        { arg: "query_timeout", name: "timeout", in: "query", required: false },
      ]),
      undefined,
      new Set(["timeout"]),
    );
    expect(flags.map((f) => [f.flag, ...f.aliases])).toEqual([["query-timeout"], ["query-timeout-2", "query_timeout"]]);
  });

  it("still prefixes a key taken by a global flag; a third goes by the client's numbered key", () => {
    const flags = argFlags(
      op([
        { arg: "id", name: "id", in: "query", required: false },
        { arg: "query_id", name: "id", in: "query", required: false },
        { arg: "query_id2", name: "id", in: "query", required: false },
        { arg: "body_id", name: "id", in: "body", required: false },
      ]),
      undefined,
      new Set(["id"]),
    );
    expect(flags.map((f) => f.flag)).toEqual(["query-id", "query-id-2", "query-id2", "body-id"]);
  });
});
