// Changes the API diff must not call safe, each on a one-request collection before and after, with
// a consumer's code type-checked by TypeScript against both emitted packages: what the diff says of
// a change is held to what the change does to code that compiled against the old package.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { createProgram, preEmitDiagnostics } from "../helpers/type-check.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strictConsumerOptions } from "../helpers/consumer-options.js";
import { compareSurfaces, type ApiDiff } from "../../src/diff/compare.js";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { surfaceOfFile, writeCollection, type Json } from "./helpers.js";

interface Request {
  /** Query parameters and headers: `[key, description]`. */
  query?: Array<[string, string]>;
  header?: Array<[string, string]>;
  /** A JSON body (the request is then a POST). */
  body?: Json;
  /** The saved 200 examples' bodies. */
  responses: Json[];
  /** The saved 201 examples' bodies. */
  created?: Json[];
  /** Saved error examples: `[status, body]`. */
  errors?: Array<[number, Json]>;
  /** Postman's rate-limit label, in the request's description as Zoom's collection writes it. */
  rateLimit?: string;
}

const STATUS = "The status. (This can only be one of active,inactive)";

/** A collection of one request, `Get stats` (`client.getStats`), at `/stats`. */
function collection(request: Request): Json {
  const params = (list: Array<[string, string]> = []) =>
    list.map(([key, description]) => ({ key, value: "active", description }));
  return {
    info: { name: "Stats", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    variable: [{ key: "baseUrl", value: "https://api.example.com" }],
    item: [
      {
        name: "Get stats",
        request: {
          method: request.body ? "POST" : "GET",
          ...(request.rateLimit
            ? { description: `Stats.\n\n**[Rate Limit Label](https://example.com/limits):** \`${request.rateLimit}\`` }
            : {}),
          header: params(request.header),
          ...(request.body
            ? { body: { mode: "raw", raw: JSON.stringify(request.body), options: { raw: { language: "json" } } } }
            : {}),
          url: { raw: "{{baseUrl}}/stats", host: ["{{baseUrl}}"], path: ["stats"], query: params(request.query) },
        },
        response: [
          ...request.responses.map((body, i) => ({
            name: `OK ${i + 1}`,
            status: "OK",
            code: 200,
            header: [{ key: "Content-Type", value: "application/json" }],
            body: JSON.stringify(body),
          })),
          ...(request.created ?? []).map((body, i) => ({
            name: `Created ${i + 1}`,
            status: "Created",
            code: 201,
            header: [{ key: "Content-Type", value: "application/json" }],
            body: JSON.stringify(body),
          })),
          ...(request.errors ?? []).map(([code, body]) => ({
            name: `Error ${code}`,
            status: "Error",
            code,
            header: [{ key: "Content-Type", value: "application/json" }],
            body: JSON.stringify(body),
          })),
        ],
      },
    ],
  };
}

interface Case {
  before: Request;
  after: Request;
  /**
   * Code of a consumer of the old package; `PKG` stands for the package's directory. It compiles
   * against the old package; `breaks` are the TypeScript error codes it gets against the new one.
   */
  consumer: string;
  breaks: number[];
}

const CLIENT = `import { createClient, getStatsOperation, isErrorOf } from "PKG/dist/index.js";
import { createMockFetch } from "PKG/dist/mocks/index.js";
const mock = createMockFetch();
const client = createClient({ fetch: mock });
void getStatsOperation;
void isErrorOf;
`;

const CASES = {
  // A key that was data (a date) goes from the example: the map becomes a plain object.
  "result loses a map's index signature": {
    before: { responses: [{ total: 1, meta: { total: 1, "2024-01-01": 5 } }] },
    after: { responses: [{ total: 1, meta: { total: 1 } }] },
    consumer: `${CLIENT}export const day: number | undefined = (await client.getStats()).meta["2024-01-02"];\n`,
    breaks: [7053],
  },
  // An empty object (`Record<string, unknown>`) gets fields.
  "result's empty object gets fields": {
    before: { responses: [{ meta: {} }] },
    after: { responses: [{ meta: { count: 1 } }] },
    consumer: `${CLIENT}export const extra: unknown = (await client.getStats()).meta["extra"];\n`,
    breaks: [7053],
  },
  "JSON body argument loses a map's index signature": {
    before: { body: { name: "a", tags: { total: 1, "2024-01-01": 1 } }, responses: [{ ok: true }] },
    after: { body: { name: "a", tags: { total: 1 } }, responses: [{ ok: true }] },
    consumer: `${CLIENT}await client.getStats({ name: "b", tags: { total: 2, "2024-01-02": 3 } });\n`,
    breaks: [2353],
  },
  "JSON body argument loses a nested field": {
    before: { body: { name: "a", tags: { a: 1, b: 2 } }, responses: [{ ok: true }] },
    after: { body: { name: "a", tags: { a: 1 } }, responses: [{ ok: true }] },
    consumer: `${CLIENT}await client.getStats({ name: "b", tags: { a: 1, b: 2 } });\n`,
    breaks: [2353],
  },
  // Query parameters repeat (`T | T[]`), headers do not.
  "enum argument moved from the query to a header": {
    before: { query: [["status", STATUS]], responses: [{ ok: true }] },
    after: { header: [["status", STATUS]], responses: [{ ok: true }] },
    consumer: `${CLIENT}await client.getStats({ status: ["active", "inactive"] });\n`,
    breaks: [2322],
  },
  "enum argument moved to a header, a value added": {
    before: { query: [["status", STATUS]], responses: [{ ok: true }] },
    after: {
      header: [["status", STATUS.replace("active,inactive", "active,inactive,banned")]],
      responses: [{ ok: true }],
    },
    consumer: `${CLIENT}await client.getStats({ status: ["active", "inactive"] });\n`,
    breaks: [2322],
  },
  // Code that reads the result still compiles; a mock override that builds one does not.
  "result narrowed": {
    before: { responses: [{ id: 1 }, { id: "u1" }] },
    after: { responses: [{ id: 2 }] },
    consumer: `${CLIENT}export const id: number | string = (await client.getStats()).id;
mock.use(getStatsOperation, { status: 200, body: { id: "u1" } });\n`,
    breaks: [2322],
  },
  // The metadata types the label as a literal: code that picks a budget by it compares it.
  "rate-limit label changed": {
    before: { responses: [{ ok: true }], rateLimit: "Light" },
    after: { responses: [{ ok: true }], rateLimit: "Heavy" },
    consumer: `${CLIENT}export const light = getStatsOperation.rateLimit === "Light";\n`,
    breaks: [2367],
  },
  "rate-limit label removed": {
    before: { responses: [{ ok: true }], rateLimit: "Light" },
    after: { responses: [{ ok: true }] },
    consumer: `${CLIENT}export const label: string = getStatsOperation.rateLimit;\n`,
    breaks: [2322],
  },
  // Statuses told apart by a key: 201's type gains 200's key, each refined alone.
  "a status gains another's key, of another type": {
    before: { responses: [{ id: 1, name: "a" }], created: [{ id: 2, tags: ["x"] }] },
    after: { responses: [{ id: 1, name: "a" }], created: [{ id: 2, tags: ["x"], name: 5 }] },
    consumer: `${CLIENT}const r = await client.getStats();
if ("name" in r) console.log(r.name.toUpperCase());\n`,
    breaks: [2339],
  },
  "a status gains another's key: the else branch": {
    before: { responses: [{ id: 1, name: "a" }], created: [{ id: 2, tags: ["x"] }] },
    after: { responses: [{ id: 1, name: "a" }], created: [{ id: 2, tags: ["x"], name: "b" }] },
    consumer: `${CLIENT}const r = await client.getStats();
if (!("name" in r)) console.log(r.tags.length);\n`,
    breaks: [2339],
  },
  // The error's code is typed with the documented one: a string is another code than a number.
  "documented error code becomes a string": {
    before: { responses: [{ ok: true }], errors: [[404, { code: 1001, message: "No such user" }]] },
    after: { responses: [{ ok: true }], errors: [[404, { code: "1001", message: "No such user" }]] },
    consumer: `${CLIENT}try {
  await client.getStats();
} catch (e) {
  if (isErrorOf(getStatsOperation, e) && e.status === 404 && e.code === 1001) console.log("no such user");
}\n`,
    breaks: [2367],
  },
} satisfies Record<string, Case>;

type Name = keyof typeof CASES;

const OUT = mkdtempSync(join(tmpdir(), "postman-codegen-diff-consumers-"));
/** Each case's diff, old → new and new → old. */
const diffs = new Map<Name, { forward: ApiDiff; back: ApiDiff }>();
/** The TypeScript error codes of each case's consumer, against the old and the new package. */
const errors = new Map<string, number[]>();

beforeAll(async () => {
  // The consumers are ES modules (top-level await).
  writeFileSync(join(OUT, "package.json"), '{ "type": "module" }');
  const roots: string[] = [];
  for (const [name, c] of Object.entries(CASES) as Array<[Name, Case]>) {
    const dir = join(OUT, name.replace(/\W+/g, "-"));
    mkdirSync(dir);
    const files = {
      old: writeCollection(collection(c.before), dir, "old.json"),
      new: writeCollection(collection(c.after), dir, "new.json"),
    };
    const [before, after] = await Promise.all([surfaceOfFile(files.old), surfaceOfFile(files.new)]);
    diffs.set(name, { forward: compareSurfaces(before, after), back: compareSurfaces(after, before) });
    for (const side of ["old", "new"] as const) {
      const out = join(dir, side);
      const emitted = await emitTarget({ collection: files[side], out, name: "stats" }, { cache: false });
      await writePackage(out, emitted.files);
      const consumer = join(dir, `consumer-${side}.ts`);
      writeFileSync(consumer, c.consumer.replaceAll("PKG", `./${side}`));
      roots.push(consumer);
      errors.set(consumer, []);
    }
  }
  // One program for every consumer, with the options of a strict user project.
  const program = createProgram({
    rootNames: roots,
    options: strictConsumerOptions(true),
  });
  for (const d of preEmitDiagnostics(program)) {
    const codes = d.file && errors.get(d.file.fileName);
    if (!codes)
      throw new Error(`a diagnostic outside the consumers: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    codes.push(d.code);
  }
}, 120_000);

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** [level, kind] of each change. */
const summary = (diff: ApiDiff) => diff.changes.map((c) => [c.level, c.kind]);
const details = (diff: ApiDiff) => diff.changes.map((c) => c.detail);

const consumerErrors = (name: Name, side: "old" | "new") =>
  errors.get(join(OUT, name.replace(/\W+/g, "-"), `consumer-${side}.ts`));

describe.each(Object.keys(CASES) as Name[])("%s", (name) => {
  it("breaks the consumer: it compiles against the old package, not against the new one", () => {
    expect(consumerErrors(name, "old")).toEqual([]);
    expect(consumerErrors(name, "new")).toEqual(CASES[name].breaks);
  });
});

describe("what the diff says of them", () => {
  it("a result that loses an index signature is major (reading code breaks); gaining one is minor", () => {
    // The key lost is said once: as the member removed, or where a member's type changed, before it.
    for (const [name, lost] of [
      ["result loses a map's index signature", /: `meta\[key: string\]`: removed \(major\)$/],
      ["result's empty object gets fields", / \(no longer has `meta\[key: string\]`\): `meta`: /],
    ] as const) {
      const { forward } = diffs.get(name)!;
      expect(summary(forward)).toEqual([["major", "result-type-changed"]]);
      expect(details(forward)[0]).toMatch(
        /^result type of 200 \(from examples only\) changed, old code may not compile\b/,
      );
      expect(details(forward)[0]).toMatch(lost);
    }
    // The map gets its date key back: code reads `total` as before, and any key besides.
    const { back } = diffs.get("result loses a map's index signature")!;
    expect(summary(back)).toEqual([["minor", "result-type-refined"]]);
    expect(details(back)[0]).toMatch(/^result type of 200 \(from examples only\) refined, old code still compiles: /);
    // Its fields go again: `meta.count` is `unknown` now, which code that used it as a number refuses.
    const fields = diffs.get("result's empty object gets fields")!;
    expect(summary(fields.back)).toEqual([["major", "result-type-changed"]]);
  });

  it("a JSON body argument that loses an index signature or a field is major; gaining one is minor", () => {
    const map = diffs.get("JSON body argument loses a map's index signature")!;
    expect(summary(map.forward)).toEqual([["major", "argument-type-narrowed"]]);
    expect(details(map.forward)[0]).toBe(
      "type of argument `tags` (from examples only) narrowed: `[key: string]`: removed (major)",
    );
    expect(summary(map.back)).toEqual([["minor", "argument-type-widened"]]);
    const field = diffs.get("JSON body argument loses a nested field")!;
    // A request body's inferred keys are optional at every depth: losing one narrows what the
    // argument takes, getting it back widens it again.
    expect(summary(field.forward)).toEqual([["major", "argument-type-narrowed"]]);
    expect(details(field.forward)[0]).toBe(
      "type of argument `tags` (from examples only) narrowed: `b`: removed (major)",
    );
    expect(summary(field.back)).toEqual([["minor", "argument-type-widened"]]);
  });

  it("an argument that no longer takes a list is major, whatever its enum values do", () => {
    const moved = diffs.get("enum argument moved from the query to a header")!;
    expect(summary(moved.forward)).toEqual([
      ["patch", "argument-moved"],
      ["major", "argument-type-narrowed"],
    ]);
    expect(details(moved.forward)[1]).toBe("argument `status` no longer takes a list of values");
    expect(summary(moved.back)).toEqual([
      ["patch", "argument-moved"],
      ["minor", "argument-type-widened"],
    ]);
    expect(details(moved.back)[1]).toBe("argument `status` now also takes a list of values");
    const added = diffs.get("enum argument moved to a header, a value added")!;
    expect(added.forward.verdict).toBe("major");
    expect(summary(added.forward)).toContainEqual(["major", "argument-type-narrowed"]);
  });

  it("a rate-limit label changed or removed is major; one given is minor", () => {
    const changed = diffs.get("rate-limit label changed")!;
    expect(summary(changed.forward)).toEqual([["major", "rate-limit-changed"]]);
    expect(details(changed.forward)[0]).toBe(
      'rate-limit label `Light` → `Heavy`: its metadata\'s `rateLimit` is typed with it, and code that compares it with `"Light"` does not compile',
    );
    expect(summary(changed.back)).toEqual([["major", "rate-limit-changed"]]);
    const removed = diffs.get("rate-limit label removed")!;
    expect(summary(removed.forward)).toEqual([["major", "rate-limit-changed"]]);
    expect(details(removed.forward)[0]).toMatch(/^rate-limit label `Light` removed: /);
    expect(summary(removed.back)).toEqual([["minor", "rate-limit-added"]]);
  });

  it("a key one status's type gains that another's has is major: code that narrows by it breaks", () => {
    for (const name of [
      "a status gains another's key, of another type",
      "a status gains another's key: the else branch",
    ] as const) {
      const { forward, back } = diffs.get(name)!;
      expect(summary(forward)).toEqual([
        ["minor", "result-type-refined"],
        ["major", "result-type-changed"],
      ]);
      expect(details(forward)[1]).toBe(
        "result type changed where code tells its statuses (200, 201) apart by a key (`\"name\" in result`): a key one status's type gained is another's, so old code that narrows by it may not compile",
      );
      // The key taken away again is 201's key lost, said of 201 alone.
      expect(summary(back)).toEqual([["major", "result-type-changed"]]);
      expect(details(back)[0]).toMatch(/^result type of 201 \(from examples only\) changed, /);
    }
  });

  it("a documented error code that becomes a string is the number removed and the string added", () => {
    const { forward } = diffs.get("documented error code becomes a string")!;
    expect(summary(forward)).toEqual([
      ["major", "error-code-removed"],
      ["minor", "error-code-added"],
    ]);
    expect(details(forward)).toEqual([
      "error code `1001` of status 404 removed",
      'error code `"1001"` of status 404 added',
    ]);
  });

  it("a result narrowed is minor for code that reads it, and says that code building one may need updating", () => {
    const { forward } = diffs.get("result narrowed")!;
    expect(summary(forward)).toEqual([["minor", "result-type-refined"]]);
    expect(details(forward)[0]).toMatch(
      /^result type of 200 \(from examples only\) refined, old code that reads it still compiles; mock overrides \(`mock\.use`\) and fixtures that build it may need updating: /,
    );
  });
});
