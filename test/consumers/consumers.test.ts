// Each emitted package as its users get it (issue 13): `npm pack`, the tarball installed with npm
// into an ESM app (module nodenext), a CommonJS app (module commonjs; nodenext with TypeScript 6,
// see apps.ts) and a bundler app (moduleResolution bundler, bundled with esbuild), each
// type-checked strictly with skipLibCheck false under TypeScript 5.0, 5.9, 6.0 and 7.0, and run
// against the recording server on 127.0.0.1; then attw and publint on the tarball. One `it` per
// cell, so the summary names what failed; a table of every cell is printed at the end.
//
// The apps live in a temporary directory outside the repository (removed at the end; set
// CONSUMERS_KEEP=1 to keep it; CONSUMERS_GENERATED=<dir> checks the packages in another directory
// than generated/). Nothing is fetched: the tarballs have no dependencies, npm
// installs them --offline, and the Node apps get this repository's @types/node linked in.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it, type ExpectStatic } from "vitest";
import { startRecordingServer, type RecordedRequest } from "../../src/testkit/recording-server.js";
import { ROOT } from "../helpers/seed.js";
import {
  BUNDLE_HOST,
  EMITTING_VERSION,
  MODES,
  TS_VERSIONS,
  appPackageJson,
  bundlerMainSource,
  consumerSource,
  nodeMainSource,
  tsconfig,
  type Mode,
  type Target,
  type TsVersion,
} from "./apps.js";
import {
  Matrix,
  attw,
  bundleApp,
  firstErrorLine,
  installApp,
  lintTarball,
  memo,
  node,
  once,
  pack,
  tscBatch,
  type TscResult,
} from "./harness.js";

const TARGETS: Target[] = [
  {
    name: "zoom-update-user-status",
    method: "updateUserStatus",
    cells: MODES.map((mode) => ({ mode, versions: TS_VERSIONS })),
    platform: [EMITTING_VERSION],
  },
  {
    // 1.2 MB of declarations in many modules (one per resource): checked per Node app with the
    // newest TypeScript, the native 7.0, which takes seconds where 6.0 takes half a minute, and run
    // as it emits them. TypeScript 6.0 reads these declarations in generated-packages.test.ts (each
    // tree in its format, skipLibCheck false), and the same package.json's exports through a
    // tarball in the seed's apps here.
    name: "zoom-api",
    method: "users.userId.updateUserStatus",
    cells: [
      { mode: "esm", versions: ["7.0"] },
      { mode: "cjs", versions: ["7.0"] },
    ],
    emitting: "7.0",
  },
];

/** Where the packages are: generated/, or another build's (e.g. a `git archive HEAD generated` extracted elsewhere). */
const GENERATED = process.env["CONSUMERS_GENERATED"] ?? join(ROOT, "generated");

// A cell waits for the shared pool of child processes (harness.ts) as well as for its own work, and
// a type cell for the whole batch of its TypeScript version.
const CELL_TIMEOUT = 300_000;

const work = mkdtempSync(join(tmpdir(), "postman-codegen-consumers-"));
const matrix = new Matrix([...TS_VERSIONS.map((v) => `TS ${v}`), "run", "attw", "publint"]);
const started = performance.now();
const tscTimes: Array<{ cell: string; ms: number }> = [];

afterAll(() => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const tscSeconds = (tscTimes.reduce((sum, t) => sum + t.ms, 0) / 1000).toFixed(1);
  const slowest = [...tscTimes].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(
    `consumer matrix (${seconds} s; tsc ${tscSeconds} s in ${tscTimes.length} runs, slowest ${slowest.map((t) => `${t.cell} ${(t.ms / 1000).toFixed(1)} s`).join(", ")})\n${matrix.table()}`,
  );
  if (process.env["CONSUMERS_KEEP"]) console.log(`apps kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}, 30_000);

/** The app's files: package.json, src/ and one tsconfig per TypeScript version it is checked with. */
function appFiles(target: Target, mode: Mode, versions: readonly TsVersion[]): Record<string, string> {
  const files: Record<string, string> = {
    "package.json": appPackageJson(mode),
    "src/consumer.ts": consumerSource(target),
    "src/main.ts": mode === "bundler" ? bundlerMainSource(target) : nodeMainSource(target),
  };
  for (const version of versions)
    files[configName(version)] = `${JSON.stringify(tsconfig(mode, version, target.emitting), null, 2)}\n`;
  if (mode === "bundler") files["host.mjs"] = BUNDLE_HOST;
  return files;
}

/**
 * One cell: an `it` named after the package, the app and the check (so the summary says which cell
 * failed), whose first failing line also goes into the table printed at the end.
 */
function cell(
  pkg: string,
  row: string,
  column: string,
  title: string,
  body: (expect: ExpectStatic) => Promise<void>,
): void {
  matrix.declare(pkg, row, column);
  it(title, ({ expect }) => matrix.cell(pkg, row, column, () => body(expect)), CELL_TIMEOUT);
}

function configName(version: TsVersion): string {
  return `tsconfig.ts${version.replace(".", "")}.json`;
}

/** Requests the app sends (the failed validations send none): method, 404, standalone function. */
const EXPECTED_REQUESTS = [
  { method: "PUT", path: "/v2/users/me/status", fields: [["action", "deactivate"]] },
  { method: "PUT", path: "/v2/users/nobody%40example.com/status", fields: [["action", "activate"]] },
  { method: "PUT", path: "/v2/users/me/status", fields: [["action", "activate"]] },
].map((request) => ({ ...request, files: 0, authorization: "Bearer consumer-token", multipart: true }));

function seen(request: RecordedRequest) {
  return {
    method: request.method,
    path: request.path,
    fields: request.fields,
    files: request.files.length,
    authorization: request.headers.authorization,
    multipart: /^multipart\/form-data; boundary=/.test(request.headers["content-type"] ?? ""),
  };
}

function expectedReport(mode: Mode) {
  const refused = (message: string) => ({
    validationError: true,
    operation: "updateUserStatus",
    field: "action",
    message,
  });
  return {
    method: { status: 204, data: "undefined" },
    notFound: {
      apiError: true,
      notFoundError: true,
      status: 404,
      code: 1001,
      codeDescription: "User does not exist: $userId.",
      described: "not found (1001)",
    },
    standalone: "undefined",
    wrongAction: refused(
      'updateUserStatus: argument "action" (body field "action") must be one of "activate", "deactivate", got "deactivated"',
    ),
    missingAction: refused('updateUserStatus: argument "action" (body field "action") is required'),
    file: { name: "hello.txt", type: "text/plain", size: 5, text: "hello" },
    // The first 2xx example answers by default; the override then answers with its 404.
    mocks: {
      calls: [
        [200, "Untitled Example"],
        [404, null],
      ],
      overridden: { status: 404, code: 1001 },
    },
    ...(mode === "bundler"
      ? { blob: "blob.txt: from a Blob" }
      : { stream: { name: "stream.txt", text: "from a Node stream" } }),
  };
}

for (const target of TARGETS) {
  describe.concurrent(target.name, () => {
    const root = join(work, target.name);
    const appDir = (mode: Mode) => join(root, mode);

    /** Packs the package and installs the tarball into one app per mode, once for all its cells. */
    const ready = once(async () => {
      mkdirSync(root, { recursive: true });
      const tarball = await pack(join(GENERATED, target.name), root);
      await Promise.all(
        target.cells.map(({ mode, versions }) =>
          installApp(appDir(mode), appFiles(target, mode, versions), tarball, mode !== "bundler"),
        ),
      );
      return tarball;
    });

    /**
     * One tsc run per (mode, version), shared by the type cell and (for the emitting version) the
     * run cell; the runs of one version are one process (harness.ts).
     */
    const typeCheckVersion = memo(async (key) => {
      const version = key as TsVersion;
      const modes = target.cells.filter((cell) => cell.versions.includes(version)).map((cell) => cell.mode);
      await ready();
      const platform = target.platform?.includes(version) ?? false;
      const apps = modes.map((mode) => ({ dir: appDir(mode), config: configName(version), platform }));
      const results = await tscBatch(version, apps, root);
      return new Map(
        modes.map((mode, i) => {
          tscTimes.push({ cell: `${target.name} ${mode} ${version}`, ms: results[i]!.ms });
          return [mode, results[i]!];
        }),
      );
    });
    const typeCheck = async (mode: Mode, version: TsVersion): Promise<TscResult> =>
      (await typeCheckVersion(version)).get(mode)!;

    for (const { mode, versions } of target.cells) {
      for (const version of versions) {
        cell(
          target.name,
          mode,
          `TS ${version}`,
          `${mode} app type-checks with TypeScript ${version} (strict, skipLibCheck false)`,
          async (expect) => {
            const result: TscResult = await typeCheck(mode, version);
            if (result.code !== 0 || result.errors.length) {
              const first = firstErrorLine(result.output);
              const rest = (result.errors.length ? result.errors : result.output.trim().split("\n")).filter(
                (line) => line !== first,
              );
              throw new Error(
                [
                  `tsc ${result.version} -p ${configName(version)} (${mode} app) exited ${result.code}: ${first}`,
                  ...rest.slice(0, 20),
                ].join("\n"),
              );
            }
            expect(result.errors).toEqual([]);
          },
        );
      }

      const how = mode === "bundler" ? "bundled by esbuild, run with Node" : "run with Node";
      cell(target.name, mode, "run", `${mode} app, ${how}, calls the recording server on 127.0.0.1`, async (expect) => {
        await ready();
        const dir = appDir(mode);
        let script: string;
        const flags: string[] = [];
        if (mode === "bundler") {
          await bundleApp(dir, "src/main.ts", "dist/app.mjs");
          script = join(dir, "host.mjs");
        } else {
          // What runs is what TypeScript emitted from the type-checked sources (it emits despite
          // type errors, so a failing type cell does not hide what happens at run time).
          const check = await typeCheck(mode, target.emitting ?? EMITTING_VERSION);
          script = join(dir, "out/main.js");
          if (!existsSync(script))
            throw new Error(`tsc ${check.version} emitted no out/main.js: ${firstErrorLine(check.output)}`);
          const emitted = readFileSync(script, "utf8");
          if (mode === "cjs") {
            expect(emitted, "the CommonJS app loads the package with require()").toContain(`require("${target.name}")`);
            // Node 20.19 and later also require() ES modules; the package's engines (>=20) admit
            // Node 20 releases that cannot, so the CommonJS app runs as it would there.
            flags.push("--no-experimental-require-module");
          } else {
            expect(emitted, "the ESM app imports the package").toContain(`from "${target.name}"`);
          }
        }

        const server = await startRecordingServer();
        try {
          server.reply(
            { status: 204 },
            {
              status: 404,
              headers: { "content-type": "application/json" },
              body: '{"code":1001,"message":"User does not exist: nobody@example.com."}',
            },
            { status: 204 },
          );
          const result = await node(dir, [...flags, script, `${server.url}/v2`]);
          if (result.code !== 0) {
            // Paths inside the app are shown relative to it: node_modules/<package>/…, out/main.js.
            const stderr = result.stderr.replaceAll(`${dir}/`, "");
            throw new Error(
              `node ${[...flags, script.slice(dir.length + 1)].join(" ")} (${mode} app) exited ${result.code}: ${firstErrorLine(stderr)}\n${stderr}`,
            );
          }
          expect(result.stderr, "the app prints no warning").toBe("");
          expect(JSON.parse(result.stdout)).toEqual(expectedReport(mode));
          expect(server.requests.map(seen)).toEqual(EXPECTED_REQUESTS);
        } finally {
          await server.close();
        }
      });
    }

    cell(
      target.name,
      "tarball",
      "attw",
      "attw finds no problem in the tarball (node10, node16-cjs, node16-esm, bundler)",
      async (expect) => {
        const { problems } = await attw(await ready(), root);
        if (problems.length) throw new Error(`attw: ${problems.length} problem(s): ${problems.join("; ")}`);
        expect(problems).toEqual([]);
      },
    );

    cell(
      target.name,
      "tarball",
      "publint",
      "publint finds nothing in the tarball (errors, warnings, suggestions)",
      async (expect) => {
        const messages = await lintTarball(await ready());
        if (messages.length) throw new Error(`publint: ${messages.join("; ")}`);
        expect(messages).toEqual([]);
      },
    );
  });
}
