// A collection named in scripts newer than TypeScript 5.0 (test/fixtures/hostile/unicode-names)
// gives a package that every TypeScript the README promises can read: such names are written as
// strings, and the common scripts' names stay identifiers.
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { FIXTURES } from "../helpers/seed.js";

type Parser = Pick<typeof import("typescript"), "createSourceFile" | "ScriptTarget" | "flattenDiagnosticMessageText">;
const require = createRequire(import.meta.url);
const PARSERS: Record<string, Parser> = {
  "5.0": require("typescript-5.0") as Parser,
  "5.4": require("typescript-5.4") as Parser,
  "6.0": require("typescript") as Parser,
};

let files: Map<string, string>;

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), "unicode-names-")), "pkg");
  ({ files } = await emitTarget({
    collection: `${FIXTURES}hostile/unicode-names.postman_collection.json`,
    out,
    name: "unicode-names",
  }));
}, 120_000);

describe.each(Object.keys(PARSERS))("TypeScript %s", (version) => {
  it("reads every emitted TypeScript and declaration file without a syntax error", () => {
    const ts = PARSERS[version]!;
    const errors: string[] = [];
    for (const [path, text] of files) {
      if (!/\.(?:ts|mts|cts)$/.test(path)) continue;
      const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022);
      const parsed = (source as unknown as { parseDiagnostics: Array<{ start: number; messageText: string }> })
        .parseDiagnostics;
      for (const d of parsed)
        errors.push(
          `${path}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")} at ${JSON.stringify(text.slice(d.start, d.start + 20))}`,
        );
    }
    expect(errors).toEqual([]);
  });
});

it("keeps the common scripts' names as identifiers", () => {
  const client = [...files]
    .filter(([path]) => path.startsWith("src/") && path.endsWith(".ts"))
    .map(([, t]) => t)
    .join("\n");
  for (const name of ["créerUtilisateur", "日本語一覧", "получитьПользователя", "ɤList", "prénom", "идентификатор"])
    expect(client).toMatch(new RegExp(`(?<![\\p{L}"])${name}(?![\\p{L}"])`, "u"));
});
