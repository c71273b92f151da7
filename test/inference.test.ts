// Types inferred from examples never refuse a plausible real answer (README, "Types from examples").
// Each collection of test/fixtures/inference is generated; then, beside its client, a consumer that
// must compile (answers the examples did not show: another file name, an owner where the example
// had null) and one that must not: every line marked `// wrong` (a scalar of the wrong type) is a
// type error, and no other line is. Checked under --strict, as a user's project would.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { createProgram, preEmitDiagnostics } from "./helpers/type-check.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strictConsumerOptions } from "./helpers/consumer-options.js";
import { emitTarget } from "../src/generate.js";
import { writePackage } from "../src/write/write-package.js";
import { FIXTURES } from "./helpers/seed.js";

interface Consumers {
  /** Must compile. */
  ok: string;
  /** Every line marked `// wrong` must be a type error, and only those. */
  bad: string;
}

const CASES: Record<string, Consumers> = {
  // A field null in the only example, in a response and in a JSON body.
  "null-only": {
    ok: `
import type { CreateAdvisoryArgs, CreateAdvisoryResponses, GetGistResponses } from "../src/client.js";
// The example's gist had no user; the API answers with one.
export const gist: GetGistResponses[200] = { id: "aa5a315d", description: "Hello", user: { login: "octocat", id: 1 }, comments: 0 };
export const anonymous: GetGistResponses[200] = { id: "aa5a315d", description: "Hello", user: null, comments: 0 };
// A caller can send a CVE id, and read one back.
export const args: CreateAdvisoryArgs = { summary: "A bug", cve_id: "CVE-2024-1234", severity: "high" };
export const created: CreateAdvisoryResponses[201] = { ghsa_id: "GHSA-abcd-1234-efgh", cve_id: "CVE-2024-1234" };
`,
    bad: `
import type { CreateAdvisoryArgs, GetGistResponses } from "../src/client.js";
export const gist: GetGistResponses[200] = { id: "aa5a315d", description: "Hello", user: null, comments: "none" }; // wrong
export function login(gist: GetGistResponses[200]): string { return gist.user; } // wrong
export const args: CreateAdvisoryArgs = { summary: 1, cve_id: null }; // wrong
`,
  },
  // Null in one example and an object in another: of the same status, and of another status.
  "null-and-value": {
    ok: `
import type { ForkGistResponses, GetGistResponses } from "../src/client.js";
export const gist: GetGistResponses[200] = { id: "2", user: { login: "octocat", id: 1 } };
export const anonymous: GetGistResponses[200] = { id: "1", user: null };
// The 202 example had no owner; the 201 example of the same operation shows its type.
export const pending: ForkGistResponses[202] = { id: "3", owner: { login: "octocat", id: 1 } };
export const login = (fork: ForkGistResponses[202]): string | undefined => fork.owner?.login;
`,
    bad: `
import type { ForkGistResponses, GetGistResponses } from "../src/client.js";
export const gist: GetGistResponses[200] = { id: "2", user: { login: 42, id: 1 } }; // wrong
export const pending: ForkGistResponses[202] = { id: "3", owner: { login: "octocat", id: "1" } }; // wrong
`,
  },
  // Null (or an empty array) in one operation, a value under the same key in another.
  "null-elsewhere": {
    ok: `
import type { CreateIssueArgs, ListGistsResponses, UpdateIssueResponses } from "../src/client.js";
export const gists: ListGistsResponses[200] = [{ id: "1", owner: { login: "octocat", id: 1, site_admin: false } }, { id: "2", owner: null }];
// A body borrows from what other bodies send under the key, not from responses.
export const args: CreateIssueArgs = { owner: "octocat", repo: "hello", title: "Bug", assignee: "octocat", labels: ["bug"] };
export const updated: UpdateIssueResponses[200] = { number: 1, title: "Bug", assignee: { login: "octocat", id: 1 }, labels: [{ name: "bug", color: "f29513" }], milestone: { title: "v1" } };
`,
    bad: `
import type { CreateIssueArgs, ListGistsResponses, UpdateIssueResponses } from "../src/client.js";
export const gists: ListGistsResponses[200] = [{ id: "1", owner: { login: "octocat", id: "1", site_admin: false } }]; // wrong
export const args: CreateIssueArgs = { owner: "octocat", repo: "hello", assignee: 7 }; // wrong
export const updated: UpdateIssueResponses[200] = { number: 1, title: "Bug", assignee: null, labels: [{ name: 1, color: "f29513" }], milestone: null }; // wrong
`,
  },
  // Maps keyed by file names, numeric ids, emails, dates, UUIDs, URLs, generated ids; beside named
  // keys; eight keys with one structure.
  maps: {
    ok: `
import type {
  CreateGistArgs, GetDailyUsageResponses, GetDirectoryResponses, GetEmojiResponses, GetGistResponses,
  GetLinkChecksResponses, GetMembersResponses, GetPresenceResponses, GetScoresResponses, GetSessionsResponses,
} from "../src/client.js";
export const gist: GetGistResponses[200] = { id: "1", owner: { login: "octocat", id: 1 }, files: { "other.txt": { filename: "other.txt", size: 3, language: "Text" } } };
export const size = (g: GetGistResponses[200]): number | undefined => g.files["other.txt"]?.size;
export const create: CreateGistArgs = { files: { "notes.md": { content: "# Notes" }, "main.py": { content: "print(1)" } } };
export const scores: GetScoresResponses[200] = { season: "2025", scores: { "2001": { points: 3, rank: 7 } } };
export const presence: GetPresenceResponses[200] = { updated: "2025-01-01T00:00:00Z", presence: { "carol@example.net": "offline" } };
export const usage: GetDailyUsageResponses[200] = { from: "2025-03-01", to: "2025-03-01", days: { "2025-03-01": { meetings: 0, minutes: 0 } } };
export const directory: GetDirectoryResponses[200] = { total_count: 1, owner: { login: "octocat", id: 1 }, "main.go": { size: 42, type: "file" } };
export const sessions: GetSessionsResponses[200] = { sessions: { "9b2f3c1e-0000-4000-8000-000000000001": { started: "2025-01-01T00:00:00Z" } } };
export const links: GetLinkChecksResponses[200] = { checked: { "https://example.org/": 301 } };
export const members: GetMembersResponses[200] = { members: { W012A3CDE: { name: "bob", is_admin: false } } };
export const emoji: GetEmojiResponses[200] = { ok: true, emoji: { thumbsup: { url: "https://emoji.example.test/thumbsup.png", animated: false } } };
`,
    bad: `
import type {
  CreateGistArgs, GetDailyUsageResponses, GetDirectoryResponses, GetEmojiResponses, GetGistResponses,
  GetLinkChecksResponses, GetMembersResponses, GetPresenceResponses, GetScoresResponses, GetSessionsResponses,
} from "../src/client.js";
export const gist: GetGistResponses[200] = { id: "1", owner: { login: "octocat", id: 1 }, files: { "other.txt": { filename: "other.txt", size: "3", language: "Text" } } }; // wrong
export const create: CreateGistArgs = { files: { "notes.md": { content: 1 } } }; // wrong
export const scores: GetScoresResponses[200] = { season: "2025", scores: { "2001": { points: "3", rank: 7 } } }; // wrong
export const presence: GetPresenceResponses[200] = { updated: "2025-01-01T00:00:00Z", presence: { "carol@example.net": false } }; // wrong
export const usage: GetDailyUsageResponses[200] = { from: "2025-03-01", to: "2025-03-01", days: { "2025-03-01": { meetings: "none", minutes: 0 } } }; // wrong
export const directory: GetDirectoryResponses[200] = { total_count: 1, owner: { login: "octocat", id: 1 }, "main.go": { size: "42", type: "file" } }; // wrong
export const sessions: GetSessionsResponses[200] = { sessions: { "9b2f3c1e-0000-4000-8000-000000000001": { started: 1 } } }; // wrong
export const links: GetLinkChecksResponses[200] = { checked: { "https://example.org/": "moved" } }; // wrong
export const members: GetMembersResponses[200] = { members: { W012A3CDE: { name: 1, is_admin: false } } }; // wrong
export const emoji: GetEmojiResponses[200] = { ok: true, emoji: { thumbsup: { url: "https://emoji.example.test/thumbsup.png", animated: "no" } } }; // wrong
`,
  },
  // An empty array as the only example of a field, and beside a filled one in another operation.
  "empty-array": {
    ok: `
import type { GetIssueResponses, ListLabelsResponses } from "../src/client.js";
export const labels: ListLabelsResponses[200] = { items: [{ name: "bug", color: "f29513" }], total: 1 };
export const issue: GetIssueResponses[200] = { number: 1, labels: [{ name: "bug", color: "f29513" }] };
export const names = (i: GetIssueResponses[200]): string[] => i.labels.map((l) => l.name);
`,
    bad: `
import type { GetIssueResponses, ListLabelsResponses } from "../src/client.js";
export const labels: ListLabelsResponses[200] = { items: "none", total: 0 }; // wrong
export const issue: GetIssueResponses[200] = { number: 1, labels: [{ name: 1, color: "f29513" }] }; // wrong
`,
  },
  // Keys of one request body's example, at any depth, as one request the API accepts: none required.
  // A response of the same shape keeps its keys.
  "sent-bodies": {
    ok: `
import { createClient } from "../src/client.js";
import type { CheckEligibilityArgs, CheckEligibilityResponses, ImportRowsArgs, SendMailArgs } from "../src/client.js";
const client = createClient();
export const created = client.createItem({ options: { webhook: "https://example.test/hook" } });
export const eligible = client.checkEligibility({ employer: { name: "Acme" } });
export const partly: CheckEligibilityArgs = { employer: { name: "Acme", address: { city: "Springfield" } } };
export const mail: SendMailArgs = { message: { subject: "Lunch?", toRecipients: [{ emailAddress: { address: "a@example.test" } }] } };
export const rows: ImportRowsArgs = { body: [{ id: 2 }, { name: "second", tags: {} }] };
export const city = (r: CheckEligibilityResponses[200]): string => r.employer.address.city;
`,
    bad: `
import type { CheckEligibilityArgs, CheckEligibilityResponses, CreateItemArgs, ImportRowsArgs, SendMailArgs } from "../src/client.js";
export const created: CreateItemArgs = { options: { webhook: 1 } }; // wrong
export const partly: CheckEligibilityArgs = { employer: { address: { city: 12345 } } }; // wrong
export const mail: SendMailArgs = { message: { ccRecipients: [{ emailAddress: { address: false } }] } }; // wrong
export const rows: ImportRowsArgs = { body: [{ id: "2" }] }; // wrong
export const answer: CheckEligibilityResponses[200] = { eligible: true, employer: { name: "Acme", address: { street: "1 Main St", city: "Springfield", postal_code: 12345 }, tax_id: "1", url: "u" } }; // wrong
`,
  },
  // Keys seen only as [] (or null, or both) here; elsewhere as a list, or as another kind.
  "empty-array-elsewhere": {
    ok: `
import type { GetArchiveResponses, GetOwnerResponses, SyncTransactionsResponses } from "../src/client.js";
export const ids = (r: SyncTransactionsResponses[200]): string[] => r.removed.map((t) => t.transaction_id);
export const count = (r: SyncTransactionsResponses[200]): number => r.deleted.length;
export const synced: SyncTransactionsResponses[200] = { cursor: "c2", removed: [{ transaction_id: "t2" }], deleted: ["x"] };
export const none: GetArchiveResponses[200] = { archived: null };
export const some: GetArchiveResponses[200] = { archived: ["x"] };
export const size = (r: GetArchiveResponses[200]): number => r.archived?.length ?? 0;
export const owner: GetOwnerResponses[200] = { owner: { login: "octocat" } };
`,
    bad: `
import type { GetArchiveResponses, GetOwnerResponses, SyncTransactionsResponses } from "../src/client.js";
export const removed: SyncTransactionsResponses[200] = { cursor: "c2", removed: true, deleted: [] }; // wrong
export const deleted: SyncTransactionsResponses[200] = { cursor: "c2", removed: [], deleted: 3 }; // wrong
export const item: SyncTransactionsResponses[200] = { cursor: "c2", removed: [{ transaction_id: 2 }], deleted: [] }; // wrong
export const flag: GetArchiveResponses[200] = { archived: "no" }; // wrong
export const owner: GetOwnerResponses[200] = { owner: { login: 1 } }; // wrong
`,
  },
};

const OUT = mkdtempSync(join(tmpdir(), "inference-"));
const clients = new Map<string, string>();
let diagnostics: Map<string, number[]>;

beforeAll(async () => {
  const roots: string[] = [];
  for (const [name, consumers] of Object.entries(CASES)) {
    const out = join(OUT, name);
    const { files } = await emitTarget(
      { collection: join(FIXTURES, "inference", `${name}.postman_collection.json`), out, name },
      { typeCheck: true, cache: false },
    );
    await writePackage(out, files);
    clients.set(name, files.get("src/client.ts") as string);
    mkdirSync(join(out, "consumers"));
    for (const [kind, text] of Object.entries(consumers)) {
      const file = join(out, "consumers", `${kind}.ts`);
      writeFileSync(file, text);
      roots.push(file);
    }
  }
  // One program for every consumer: the options a strict user project would have.
  const program = createProgram({
    rootNames: roots,
    options: strictConsumerOptions(true),
  });
  diagnostics = new Map(roots.map((file) => [file, []]));
  for (const d of preEmitDiagnostics(program)) {
    const file = d.file?.fileName;
    const lines = file === undefined ? undefined : diagnostics.get(file);
    if (lines === undefined)
      throw new Error(
        `a diagnostic outside the consumers: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")} (${file})`,
      );
    lines.push(d.file!.getLineAndCharacterOfPosition(d.start!).line + 1);
  }
}, 300_000);

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe.each(Object.entries(CASES))("%s", (name, consumers) => {
  it("accepts plausible real answers the examples did not show", () => {
    expect(diagnostics.get(join(OUT, name, "consumers", "ok.ts"))).toEqual([]);
  });

  it("refuses a wrong scalar type on every marked line, and nowhere else", () => {
    const marked = consumers.bad.split("\n").flatMap((line, i) => (line.endsWith("// wrong") ? [i + 1] : []));
    expect(marked.length).toBeGreaterThan(0);
    expect([...new Set(diagnostics.get(join(OUT, name, "consumers", "bad.ts")))]).toEqual(marked);
  });
});

it("says that each inferred type is a guess, and from how many examples", () => {
  expect(clients.get("null-and-value")).toMatch(
    /export interface GetGistResponses \{\n {2}\/\*\*\n {3}\* Anonymous gist\n {3}\* Inferred from 2 examples\.\n {3}\*\/\n {2}200:/,
  );
  expect(clients.get("null-only")).toMatch(
    /\* JSON body field\.\n {3}\* Inferred from 1 example\.\n {3}\*\/\n {2}summary\?: string \| undefined;\n/,
  );
});
