// --extra-body and --extra-query: the client's `options.body` and `options.query` from the command
// line, against a real server on 127.0.0.1: sent, shown in --help and --dry-run, refused as the
// client refuses them (--json's kind "validation"), and absent where the operation takes none.
import { describe, expect, it } from "vitest";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { SEED_SPEC } from "../helpers/seed-spec.js";
import { useRecordingServer } from "../helpers/recording.js";
import { runWith, testCommandLine } from "./helpers.js";

const TOKEN = "zoom-secret-token-123";
const server = useRecordingServer();

const createThing: OperationSpec = {
  ...SEED_SPEC,
  name: "createThing",
  item: "Create thing",
  method: "POST",
  path: "/things",
  args: [
    { arg: "name", name: "name", in: "body", required: true },
    { arg: "q", name: "q", in: "query", required: false },
  ],
  body: "json",
  contentType: "application/json",
};

const cli = testCommandLine([createThing, SEED_SPEC]);
const run = (argv: string[]) => runWith(cli, [...argv, "--base-url", server.url], { env: { ZOOM_API_TOKEN: TOKEN } });

describe("--extra-body and --extra-query", () => {
  it("send fields and pairs the collection does not show", async () => {
    server.reply({ status: 204 });
    const result = await run([
      "create-thing",
      "--name",
      "n",
      "--q",
      "a b",
      "--extra-body",
      '{"flag":true,"name":"over"}',
      "--extra-query",
      "page=2",
      "--extra-query",
      "page=a b",
    ]);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(server.requests[0]!.raw.toString()).toBe('{"name":"over","flag":true}');
    expect(server.requests[0]!.target).toBe("/things?q=a%20b&page=2&page=a%20b");
  });

  it("are shown in --help and --dry-run's curl", async () => {
    const help = await run(["create-thing", "--help"]);
    expect(help.stdout).toMatch(/--extra-body <json\|@file\|->\s+Fields the collection does not show/);
    expect(help.stdout).toMatch(/--extra-query <key=value>\s+A query pair/);
    const dry = await run([
      "create-thing",
      "--name",
      "n",
      "--extra-body",
      '{"x":1}',
      "--extra-query",
      "k=v",
      "--dry-run",
    ]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("/things?k=v");
    expect(dry.stdout).toContain('{"name":"n","x":1}');
    // An extra named as a credential is masked, as an argument of its name is.
    const masked = await run([
      "create-thing",
      "--name",
      "n",
      "--extra-query",
      "api_key=extra-key-5d1f0b93",
      "--extra-body",
      '{"password":"extra-pass-8c2e7a41"}',
      "--dry-run",
    ]);
    expect(masked.stdout).toContain("/things?api_key=***");
    expect(masked.stdout).toContain('"password":"***"');
    expect(masked.stdout).not.toMatch(/extra-(key|pass)/);
    expect(server.requests).toEqual([]);
  });

  it("are refused as the client refuses them, and absent where the operation takes none", async () => {
    const bad = await run(["create-thing", "--name", "n", "--extra-body", '{"x":1}', "--extra-query", "=v", "--json"]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error.kind).toBe("usage");
    const form = await run(["update-user-status", "--user-id", "me", "--action", "activate", "--extra-body", "{}"]);
    expect(form.code).toBe(2);
    expect(form.stderr).toContain("unknown flag --extra-body");
    expect((await run(["update-user-status", "--help"])).stdout).not.toContain("--extra");
    expect(server.requests).toEqual([]);
  });
});
