// The emitted Zoom client, as built (dist/), runs on Deno and Bun as the emitted README says: each
// runtime (pinned dev dependencies, their own binaries) imports the package and calls the
// recording server on 127.0.0.1, which parses the multipart body; a documented error comes back
// typed and without the token; fileFromPath reads a file through node:fs.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProgram } from "../helpers/program.js";
import { ROOT } from "../helpers/seed.js";
import { useRecordingServer } from "../helpers/recording.js";

const CLIENT = pathToFileURL(join(ROOT, "generated/zoom-api/dist/index.js")).href;

// Plain JavaScript that each runtime runs: what an app would write, printing what it saw as JSON.
const SCRIPT = `
const [client, base, path, refused] = globalThis.Deno ? Deno.args : process.argv.slice(2);
const { createClient, NotFoundError, fileFromPath } = await import(client);
let tokens = 0;
const zoom = createClient({ baseUrl: base, token: async () => \`secret-token-\${++tokens}\` });
const out = { runtime: globalThis.Deno ? "deno" : globalThis.Bun ? "bun" : "other" };
out.value = (await zoom.users.userId.updateUserStatus({ userId: "me", action: "deactivate" })) ?? "undefined";
try {
  await zoom.users.userId.updateUserStatus({ userId: "nobody@example.com", action: "activate" });
  out.error = "none";
} catch (error) {
  const seen = [error.message, String(error), JSON.stringify(error)].join(" ");
  out.error = { notFound: error instanceof NotFoundError, status: error.status, code: error.code, codeDescription: error.codeDescription, leaksToken: seen.includes("secret-token") };
}
// A POST to a port that refuses the connection: it never reached a server, so it is retried.
try {
  const closed = createClient({ baseUrl: refused, token: "t", maxRetries: 1 });
  await closed.accounts.accountId.settings.virtualBackgrounds.uploadVirtualBackgroundFiles({ accountId: "me" });
  out.refused = "none";
} catch (error) {
  out.refused = { name: error.name, attempts: error.attempts };
}
const file = await fileFromPath(path);
out.file = { name: file.name, type: typeof file.arrayBuffer, bytes: [...new Uint8Array(await file.arrayBuffer())] };
// A form with a file, a typed text part (a Blob named "") and text with a line break, as the
// runtime's multipart encoder writes it out for fetch (the Zoom collection uploads no file).
const { encodeMultipart } = await import(new URL("./runtime/bodies.js", client).href);
const form = new FormData();
form.append("note", "a\\nb");
form.append("settings", new Blob(['{"a":1}'], { type: "application/json" }), "");
form.append("upload", new File([await file.arrayBuffer()], "picture.png", { type: "image/png" }));
const init = { method: "POST", headers: new Headers(), body: form };
encodeMultipart.send(init);
await (await fetch(base + "/upload", init)).arrayBuffer();
console.log(JSON.stringify(out));
`;

type Command = (script: string, args: string[], dir: string) => [file: string, args: string[]];

const RUNTIMES: Record<"deno" | "bun", Command> = {
  deno: (script, args, dir) => [
    join(ROOT, "node_modules/.bin/deno"),
    [
      "run",
      "--no-prompt",
      "--allow-net=127.0.0.1",
      `--allow-read=${ROOT},${dir}`,
      "--no-config",
      "--no-lock",
      script,
      ...args,
    ],
  ],
  bun: (script, args) => [join(ROOT, "node_modules/.bin/bun"), ["run", "--no-install", script, ...args]],
};

const server = useRecordingServer({ resetEach: false });
let dir: string;
/** A base URL on 127.0.0.1 whose port nothing listens on (taken, then closed). */
let refused: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "postman-codegen-runtimes-"));
  writeFileSync(join(dir, "client-run.mjs"), SCRIPT);
  writeFileSync(join(dir, "picture.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]));
  const port = createServer();
  await new Promise<void>((resolve) => port.listen(0, "127.0.0.1", resolve));
  refused = `http://127.0.0.1:${(port.address() as { port: number }).port}/v2`;
  await new Promise((resolve) => port.close(resolve));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each(Object.keys(RUNTIMES) as Array<keyof typeof RUNTIMES>)("on %s", (name) => {
  it("calls updateUserStatus, gets a typed documented error without the token, reads a file by path", async () => {
    server.requests.length = 0;
    server.reply(
      { status: 204 },
      {
        status: 404,
        headers: { "content-type": "application/json" },
        body: '{"code":1001,"message":"User does not exist: nobody@example.com."}',
      },
      { status: 204 },
    );
    const [file, args] = RUNTIMES[name](
      join(dir, "client-run.mjs"),
      [CLIENT, `${server.url}/v2`, join(dir, "picture.png"), refused],
      dir,
    );
    const env = {
      PATH: process.env["PATH"] ?? "",
      HOME: dir,
      DENO_DIR: join(dir, "deno"),
      DENO_NO_UPDATE_CHECK: "1",
      NO_COLOR: "1",
    };
    const { code, stdout, stderr } = await runProgram(file, args, { cwd: dir, env, timeout: 60_000 });
    expect(code, `${name} failed:\n${stderr}`).toBe(0);
    const out = JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, unknown>;

    expect(out["runtime"]).toBe(name);
    expect(out["value"]).toBe("undefined");
    expect(out["error"]).toEqual({
      notFound: true,
      status: 404,
      code: 1001,
      codeDescription: "User does not exist: $userId.",
      leaksToken: false,
    });
    // Each runtime's fetch reports a refused connection otherwise than Node's (retry.ts's NEVER_SENT).
    expect(out["refused"]).toEqual({ name: "ConnectionError", attempts: 2 });
    expect(out["file"]).toEqual({ name: "picture.png", type: "function", bytes: [0x89, 0x50, 0x4e, 0x47, 0x00, 0xff] });
    const [status, missing] = server.requests;
    expect(status).toMatchObject({ method: "PUT", path: "/v2/users/me/status", fields: [["action", "deactivate"]] });
    expect(status!.headers.authorization).toBe("Bearer secret-token-1");
    expect(status!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(missing).toMatchObject({
      method: "PUT",
      path: "/v2/users/nobody%40example.com/status",
      fields: [["action", "activate"]],
    });
    expect(missing!.headers.authorization).toBe("Bearer secret-token-2");
    // The same parts as from Node: the typed text part without a file name (the platform's FormData
    // would write `filename=""` here, which reads as a file), the file with its name and type.
    const upload = server.requests[2]!;
    expect(upload.parseError).toBeUndefined();
    // Busboy reads `filename=""` as no file name, so the typed part is checked as written (Bun's
    // Blob adds `;charset=utf-8` to a JSON type).
    expect(upload.raw.toString("latin1")).toMatch(/name="settings"\r\nContent-Type: application\/json[^\r]*\r\n\r\n/);
    expect(upload.fields).toEqual([
      ["note", "a\r\nb"],
      ["settings", '{"a":1}'],
    ]);
    expect(upload.files.map((f) => [f.field, f.filename, f.contentType, [...f.content]])).toEqual([
      ["upload", "picture.png", "image/png", [0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]],
    ]);
  }, 60_000);
});
