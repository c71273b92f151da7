// The command line as a package holds it: the data module (every collection string through the
// literal rules, prettier's layout without prettier), the copied machinery (its imports checked),
// and, assembled beside the seed package's own files, type-checked as the package is (no Node
// types), compiled by the generator's compiler and run as a child process in both formats.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ts } from "ts-morph";
import { beforeAll, describe, expect, it } from "vitest";
import {
  binName,
  checkImports,
  CLI_DATA,
  CLI_ENTRY,
  commandLineSources,
  emitCommandLine,
  operationHelp,
  PACKAGE_MODULES,
  terminalText,
  valueKind,
} from "../../src/command-line/emit-command-line.js";
import { namesSecret } from "../../src/runtime/credential-names.js";
import type { CommandLine } from "../../src/command-line/types.js";
import { compile } from "../../src/emit/compile.js";
import { formatOnce } from "../helpers/format-once.js";
import { emitPackage } from "../../src/emit/package.js";
import { loadCollection } from "../../src/load/collection.js";
import {
  CREDENTIAL_NAMES,
  credentialLastWords,
  credentialWords,
  namesCredential,
  namesTokenParamSecret,
} from "../../src/runtime/credential-names.js";
import type { ApiModel, OperationModel } from "../../src/model/types.js";
import { runProgram } from "../helpers/program.js";
import { ROOT, SEED_COLLECTION } from "../helpers/seed.js";
import { HOSTILE_STRINGS } from "../helpers/hostile-strings.js";
import { useRecordingServer } from "../helpers/recording.js";
import { configTypeErrors } from "../helpers/type-check.js";

const HOSTILE = HOSTILE_STRINGS;

function hostileModel(): ApiModel {
  const op: OperationModel = {
    name: "get",
    namespace: ["__proto__"],
    exportName: "get",
    item: HOSTILE[0]!,
    folder: ["__proto__"],
    method: "GET",
    path: "/x",
    description: `${HOSTILE.join("\n")}\n\u001b]0;title\u0007escape`,
    args: HOSTILE.map((text, i) => ({
      arg: text === "__proto__" ? "query___proto__" : `a${i}`,
      name: text,
      in: "query" as const,
      required: false,
      description: text,
      source: `item[0].request.url.query[${i}]`,
    })),
    auth: { type: "none" },
    responses: [],
    scripts: [],
    source: "item[0]",
  };
  return { name: HOSTILE.join(" "), baseUrl: "https://x.test", variables: [], operations: [op], warnings: [] };
}

/** A module's JavaScript run; its imports replaced by what `imports` gives. */
async function runModule(js: string): Promise<Record<string, unknown>> {
  return (await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as Record<string, unknown>;
}

describe("the data module", () => {
  it("holds every collection string as plain data: nothing in them runs, control characters are gone", async () => {
    const model = hostileModel();
    const emitted = emitCommandLine(model, "@acme/hostile");
    const { path, ts: text } = emitted;
    expect(path).toBe(CLI_DATA);
    expect(emitted.bin).toEqual({ name: "hostile", path: "dist/cli/main.js" });
    const js = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const stubbed = (source: string) =>
      source.replace(
        /import \{[^}]*\} from "..\/index.js";/,
        "const operations = []; const createBaseClient = () => undefined;",
      );
    for (const source of [js, emitted.js.esm]) {
      const module = await runModule(stubbed(source));
      expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
      expect(module["operationHelp"]).toEqual([operationHelp(model.operations[0]!)]);
      expect(module["commandLine"]).toMatchObject({ name: "hostile", title: model.name, envPrefix: "HOSTILE" });
    }
    const help = operationHelp(model.operations[0]!);
    expect(help.path).toEqual(["__proto__", "get"]);
    expect(help.description).toContain("]0;titleescape");
    expect(help.description).not.toMatch(/[\u001b\u0007]/);
    expect(help.args!.map((a) => a.description)).toEqual(HOSTILE.map(terminalText));
  });

  it("is laid out as prettier lays it out, and the same for the same collection", async () => {
    for (const model of [
      await loadCollection(SEED_COLLECTION),
      await loadCollection(join(ROOT, "collections/zoom-api.postman_collection.json")),
      hostileModel(),
    ]) {
      const text = emitCommandLine(model, "zoom-api").ts;
      expect(await formatOnce(CLI_DATA, text)).toBe(text);
      expect(emitCommandLine(model, "zoom-api")).toEqual(emitCommandLine(model, "zoom-api"));
    }
  });

  it("holds the generator's credential words in each face: whatever name the loader takes for one, the command line masks", async () => {
    const emitted = emitCommandLine(await loadCollection(SEED_COLLECTION), "zoom-update-user-status");
    const imported = async (js: string) =>
      (
        await runModule(
          js
            .replace(
              /import \{[^}]*\} from "..\/index.js";/,
              "const operations = []; const createBaseClient = () => undefined;",
            )
            // The package's authorizers (the runtime is not beside this module here).
            .replace(/import \{([^}]*)\} from "..\/runtime\/[a-z0-9-]+\.js";/g, (_, names: string) =>
              names
                .split(",")
                .map((name) => `const ${name.trim()} = () => undefined;`)
                .join(" "),
            ),
        )
      )["commandLine"] as CommandLine;
    const required = (js: string) => {
      const exports: Record<string, unknown> = {};
      new Function("exports", "require", js)(exports, () => ({ operations: [] }));
      return exports["commandLine"] as CommandLine;
    };
    const faces: Array<[string, CommandLine]> = [
      [
        "ts",
        await imported(
          ts.transpileModule(emitted.ts, {
            compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
          }).outputText,
        ),
      ],
      ["esm", await imported(emitted.js.esm)],
      ["cjs", required(emitted.js.cjs)],
    ];
    // Each word of the rule, as names write it: alone, prefixed, in capitals, camelCased, and cut apart
    // anywhere (a run of the rule is matched across separators: `api_key`).
    const names = (word: string) => [
      word,
      `x-${word}`,
      `X_${word.toUpperCase()}`,
      `my${word[0]!.toUpperCase()}${word.slice(1)}`,
      ...Array.from({ length: word.length - 1 }, (_, i) => `${word.slice(0, i + 1)}_${word.slice(i + 1)}`),
    ];
    const rule = [
      ...CREDENTIAL_NAMES.words,
      ...CREDENTIAL_NAMES.lastWords,
      ...CREDENTIAL_NAMES.runs,
      ...CREDENTIAL_NAMES.wholeNames,
    ];
    // A last word with a number after it (`X-Hub-Signature-256`), and a token request parameter's part anywhere.
    const more = [
      ...CREDENTIAL_NAMES.lastWords.flatMap((word) => [`x-${word}-256`, `My${word.toUpperCase()}2`]),
      ...CREDENTIAL_NAMES.tokenParamParts.flatMap((part) => [`my${part}thing`, `${part}_type`]),
      ...CREDENTIAL_NAMES.runTogether.flatMap((word) => [`client${word}`, `X${word.toUpperCase()}`]),
    ];
    for (const [face, cli] of faces) {
      expect(cli.credentialWords, face).toEqual(credentialWords());
      expect(cli.credentialLastWords, face).toEqual(credentialLastWords());
      for (const word of rule) {
        const taken = names(word).filter(namesCredential);
        expect(taken, word).toContain(word);
        for (const name of taken) expect(namesSecret(name, cli), `${face}: ${name}`).toBe(true);
      }
      for (const name of more.filter((name) => namesCredential(name) || namesTokenParamSecret(name)))
        expect(namesSecret(name, cli), `${face}: ${name}`).toBe(true);
    }
  });

  it("types each argument as the client does: numbers and booleans from hints, JSON by its examples' shape", () => {
    const arg = { arg: "a", name: "a", in: "query" as const, required: false, source: "" };
    expect(valueKind({ ...arg, typeHint: "integer" })).toBe("number");
    expect(valueKind({ ...arg, typeHint: "boolean" })).toBe("boolean");
    expect(valueKind({ ...arg, enum: ["x"], typeHint: "integer" })).toBeUndefined();
    expect(valueKind({ ...arg, type: "file" })).toBeUndefined();
    expect(valueKind({ ...arg, in: "body", type: "json", shape: { kind: "string" } })).toBeUndefined();
    expect(valueKind({ ...arg, in: "body", type: "json", shape: { kind: "number" } })).toBe("number");
    expect(valueKind({ ...arg, in: "body", type: "json", shape: { kind: "object", properties: [] } })).toBe("json");
    expect(valueKind({ ...arg, in: "body", type: "json", typeHint: "graphql" })).toBe("json");
    expect(binName("@acme/zoom-api")).toBe("zoom-api");
  });
});

describe("the copied machinery", () => {
  it("is every module the package needs, read from src/command-line, and the entry", () => {
    expect(commandLineSources().map(([path]) => path)).toEqual([
      ...PACKAGE_MODULES.map((name) => `src/cli/${name}`),
      CLI_ENTRY,
    ]);
  });

  it("may import its siblings, the data module and the runtime, and nothing else", () => {
    expect(() =>
      checkImports(
        "run.ts",
        'import { a } from "./names.js";\nimport type { B } from "../runtime/spec.js";\nimport { commandLine } from "./commands.js";',
      ),
    ).not.toThrow();
    expect(() => checkImports("run.ts", 'import { x } from "../emit/client.js";')).toThrow(
      /src\/command-line\/run.ts imports "..\/emit\/client.js", which an emitted package does not have/,
    );
    expect(() => checkImports("run.ts", 'import { x } from "./emit-command-line.js";')).toThrow(
      /imports ".\/emit-command-line.js"/,
    );
    expect(() => checkImports("run.ts", 'import { parseArgs } from "node:util";')).toThrow(/imports "node:util"/);
  });
});

describe("the seed package's command line, built and run", () => {
  let dir: string;
  const server = useRecordingServer({ resetEach: false });
  const TOKEN = "seed-secret-token-42";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "postman-codegen-cli-seed-"));
    const model = await loadCollection(SEED_COLLECTION);
    const files = await emitPackage(model, {
      packageName: "zoom-update-user-status",
      packageVersion: "0.1.0",
      collectionFile: "seed.json",
      devDependencies: {},
    });
    const machinery = commandLineSources();
    const emitted = emitCommandLine(model, "zoom-update-user-status");
    for (const [path, text] of [...machinery, [emitted.path, emitted.ts] as [string, string]]) files.set(path, text);
    for (const [path, text] of compile(
      new Map(machinery),
      machinery.map(([path]) => path),
    ))
      files.set(path, text);
    files.set("dist/cli/commands.js", emitted.js.esm);
    files.set("dist/cjs/cli/commands.js", emitted.js.cjs);
    files.set("dist/cli/commands.d.ts", emitted.dts);
    files.set("dist/cjs/cli/commands.d.ts", emitted.dts);
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    // What the package's other parts need to type-check (the mocks' optional peer, msw).
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(join(ROOT, "node_modules/msw"), join(dir, "node_modules/msw"), "dir");
  });

  it("type-checks with the package's own tsconfig: strict, the platform's types, no Node types", () => {
    // In the worker, as tsc -p would check it (noEmit), with what the run's other programs parsed
    // and found clean (test/helpers/type-check.ts) rather than in a tsc process of its own.
    expect(configTypeErrors(join(dir, "tsconfig.json"))).toEqual([]);
  });

  it("starts with a shebang, sends the seed request and reads its answer, run as the package's bin", async () => {
    // The bin is the command line's one entry: a package carries it in one format (no `require` of
    // it is offered, so no CommonJS copy: emit/runtime-modules.ts), which is the one run here.
    const bin = (JSON.parse(files("package.json")) as { bin: Record<string, string> }).bin;
    expect(Object.values(bin)).toEqual(["dist/cli/main.js"]);
    for (const entry of Object.values(bin)) {
      server.reset();
      server.reply({ status: 204 });
      expect(files(entry)).toMatch(/^#!\/usr\/bin\/env node\n/);
      const result = await runProgram(
        process.execPath,
        [
          join(dir, entry),
          "update-user-status",
          "--user-id",
          "me",
          "--action",
          "deactivate",
          "--base-url",
          `${server.url}/v2`,
        ],
        {
          env: { ZOOM_UPDATE_USER_STATUS_TOKEN: TOKEN, PATH: process.env.PATH ?? "" },
        },
      );
      expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
      expect(server.requests[0]).toMatchObject({
        method: "PUT",
        path: "/v2/users/me/status",
        fields: [["action", "deactivate"]],
      });
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
  });

  function files(path: string): string {
    return ts.sys.readFile(join(dir, path)) ?? "";
  }
});
