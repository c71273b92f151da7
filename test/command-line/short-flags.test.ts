// A short flag with its value attached (`-tSECRET`, a token meant for `--token`) is refused by its
// letter alone, wherever it comes: before the command, between its words, after it. Nothing sent.
import { describe, expect, it } from "vitest";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { runWith, testCommandLine } from "./helpers.js";
import { useRecordingServer } from "../helpers/recording.js";

const SECRET = "short-flag-secret-93";

const listUsers: OperationSpec = {
  name: "listUsers",
  namespace: ["users"],
  item: "List users",
  folder: ["users"],
  method: "GET",
  path: "/users",
  args: [{ arg: "status", name: "status", in: "query", required: false }],
  auth: { type: "bearer" },
  responses: [{ status: 200 }],
};

const server = useRecordingServer();

describe("a short flag with its value attached", () => {
  const cli = testCommandLine([listUsers]);
  for (const [where, argv] of [
    ["before the command", [`-t${SECRET}`, "users", "list-users"]],
    ["between the command's words", ["users", `-t${SECRET}`, "list-users"]],
    ["after the command", ["users", "list-users", `-t${SECRET}`]],
    ["after a credential flag given = and nothing", ["users", "list-users", "--token=", `-t${SECRET}`]],
  ] as const) {
    it(`${where}: refused by its letter, the value never printed`, async () => {
      const run = await runWith(cli, [...argv, "--base-url", server.url]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("unknown flag -t ");
      expect(run.stdout + run.stderr).not.toContain(SECRET);
      // Not a part of it either (the did-you-mean of `SECRET` named a flag after it).
      expect(run.stdout + run.stderr).not.toContain(SECRET.slice(0, 6));
      expect(server.requests).toHaveLength(0);
    });
  }

  it("-h stays help, and a negative number a value", async () => {
    expect((await runWith(cli, ["users", "list-users", "-h"])).code).toBe(0);
    server.reply({ status: 200, body: "[]" });
    const run = await runWith(cli, ["users", "list-users", "--status", "-5", "--base-url", server.url], {
      env: { ZOOM_API_TOKEN: "tok" },
    });
    expect(run.stderr).toBe("");
    expect(server.requests[0]!.query).toEqual([["status", "-5"]]);
  });
});
