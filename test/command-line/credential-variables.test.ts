// A package whose auth takes two credential variables for one flag (Microsoft Graph's bearer
// tokens: `{{AppAccessToken}}` in one folder, `{{UserAccessToken}}` in another), through its built
// command line as `generate` writes it, against the recording server: each variable is read under
// its own environment variable, as the help says, and the flag's own one gives the flag.
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { runProgram } from "../helpers/program.js";
import { FIXTURES } from "../helpers/seed.js";
import { useRecordingServer } from "../helpers/recording.js";

const server = useRecordingServer();
let pkg: string;

beforeAll(async () => {
  pkg = join(mkdtempSync(join(tmpdir(), "postman-codegen-credential-variables-")), "graph");
  const collection = `${FIXTURES}two-bearer-tokens.postman_collection.json`;
  await writePackage(pkg, (await emitTarget({ collection, out: pkg, name: "graph" })).files);
  // npm makes a bin executable when it links it; the shebang then runs it.
  chmodSync(join(pkg, "dist/cli/main.js"), 0o755);
}, 120_000);

const graph = (args: string[], env: Record<string, string> = {}) =>
  runProgram(join(pkg, "dist/cli/main.js"), [...args, "--base-url", server.url], {
    env: { PATH: process.env.PATH ?? "", ...env },
  });

it("reads each token variable under its own environment variable, as the help says", async () => {
  const app = await graph(["application", "list-users"], { GRAPH_APP_ACCESS_TOKEN: "app1" });
  expect(app.stderr).toBe("");
  expect(app.code).toBe(0);
  const me = await graph(["me", "get-me"], { GRAPH_USER_ACCESS_TOKEN: "user1" });
  expect(me.stderr).toBe("");
  expect(me.code).toBe(0);
  expect(server.requests.map((r) => [r.path, r.headers["authorization"]])).toEqual([
    ["/users", "Bearer app1"],
    ["/me", "Bearer user1"],
  ]);

  // The help names each one's own, and the flag's for the flag.
  const help = await graph(["application", "list-users", "--help"]);
  expect(help.stdout).toMatch(/\{\{AppAccessToken\}\}\s+\$GRAPH_APP_ACCESS_TOKEN\n/);
  expect(help.stdout).toMatch(
    /--token <value>\s+access token, sent as the collection's auth says \(Bearer\); \$GRAPH_TOKEN\n/,
  );
  expect((await graph(["me", "get-me", "--help"])).stdout).toMatch(
    /\{\{UserAccessToken\}\}\s+\$GRAPH_USER_ACCESS_TOKEN\n/,
  );
  const root = await graph(["--help"]);
  expect(root.stdout).not.toContain("AccessToken: $GRAPH_TOKEN");

  // A missing one is asked for by its own name.
  const refused = await graph(["me", "get-me"], { GRAPH_APP_ACCESS_TOKEN: "app1" });
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain("Give it in the environment variable GRAPH_USER_ACCESS_TOKEN, or with --token");
});

it("reads the flag's own environment variable as the flag, which wins over either variable", async () => {
  const env = { GRAPH_TOKEN: "flag1", GRAPH_APP_ACCESS_TOKEN: "app1", GRAPH_USER_ACCESS_TOKEN: "user1" };
  expect((await graph(["application", "list-users"], env)).code).toBe(0);
  expect((await graph(["me", "get-me"], env)).code).toBe(0);
  expect(server.requests.map((r) => r.headers["authorization"])).toEqual(["Bearer flag1", "Bearer flag1"]);
});
