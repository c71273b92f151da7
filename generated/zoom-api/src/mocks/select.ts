// Which saved example answers a request, by the rules of Postman's mock servers:
// 1. the `x-mock-response-id` or `x-mock-response-name` request header names one;
// 2. else `x-mock-response-code` keeps the examples of that status;
// 3. with `x-mock-match-request-body: true`, only examples saved with the same request body stay;
// 4. the example saved with the query most like the request's answers;
// 5. on a tie (every example saved with the same request, as importers write them), the first 2xx
//    example in collection order, else the first example.
import type { MockExample, MockPair, MockRequestBody } from "./types.js";

/** What selection reads of a request. */
export interface SelectRequest {
  readonly headers: Headers;
  readonly query: URLSearchParams;
  /** The request body as the mock parsed it (see `readBody` in mock.ts). */
  readonly body: unknown;
}

export type Selection = { readonly example: MockExample } | { readonly problem: string };

export const RESPONSE_ID = "x-mock-response-id";
export const RESPONSE_NAME = "x-mock-response-name";
export const RESPONSE_CODE = "x-mock-response-code";
export const MATCH_BODY = "x-mock-match-request-body";

/** `status`, when given, stands for `x-mock-response-code` (an override's status). */
export function selectExample(
  examples: readonly MockExample[],
  request: SelectRequest,
  status?: number,
): Selection {
  const id = request.headers.get(RESPONSE_ID);
  if (id !== null && status === undefined) {
    const found = examples.find((e) => e.id === id);
    return found
      ? { example: found }
      : { problem: `no saved example has the id ${JSON.stringify(id)} (${RESPONSE_ID})` };
  }
  const name = request.headers.get(RESPONSE_NAME);
  if (name !== null && status === undefined) {
    // Names are compared with runs of white space as one space: a header cannot carry a line break.
    const wanted = normalizeName(name);
    const found = examples.find((e) => normalizeName(e.name) === wanted);
    return found
      ? { example: found }
      : { problem: `no saved example is named ${JSON.stringify(name)} (${RESPONSE_NAME})` };
  }
  let candidates = examples;
  const code = status ?? codeHeader(request.headers);
  if (code !== undefined) {
    candidates = candidates.filter((e) => e.status === code);
    if (!candidates.length)
      return {
        problem: `no saved example has the status ${code}${status === undefined ? ` (${RESPONSE_CODE})` : ""}`,
      };
  }
  if (request.headers.get(MATCH_BODY)?.trim().toLowerCase() === "true") {
    candidates = candidates.filter((e) => bodyMatches(e.request?.body, request.body));
    if (!candidates.length)
      return { problem: `no saved example was saved with this request body (${MATCH_BODY})` };
  }
  let best: { example: MockExample; score: number; success: boolean } | undefined;
  for (const example of candidates) {
    const score = queryScore(example.request?.query ?? [], request.query);
    const success = example.status >= 200 && example.status < 300;
    if (!best || score > best.score || (score === best.score && success && !best.success))
      best = { example, score, success };
  }
  return best ? { example: best.example } : { problem: "the operation has no saved example" };
}

function normalizeName(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}

function codeHeader(headers: Headers): number | undefined {
  const text = headers.get(RESPONSE_CODE);
  if (text === null) return undefined;
  const code = Number(text.trim());
  // A code that is no status selects nothing, as Postman answers it.
  return Number.isInteger(code) ? code : -1;
}

/**
 * How like the saved query the request's is: one point per saved pair the request has, and a
 * bonus when the two are the same pairs (a saved `?page=2` beats a saved empty query for `?page=2`,
 * and loses to it for no query). Each pair sent counts for one saved pair only: a saved
 * `?tag=1&tag=1` is not the `?tag=1&tag=2` sent, whose own saved example must win.
 */
function queryScore(saved: readonly MockPair[], query: URLSearchParams): number {
  const unmatched = [...query];
  let matched = 0;
  for (const [key, value] of saved) {
    const at = unmatched.findIndex(([k, v]) => k === key && v === value);
    if (at === -1) continue;
    unmatched.splice(at, 1);
    matched++;
  }
  const same = matched === saved.length && unmatched.length === 0;
  return matched + (same ? 1_000 : 0);
}

/** The request body as sent (see mock.ts) against the one saved: JSON by meaning, forms as pairs, text trimmed. */
export function bodyMatches(saved: MockRequestBody | undefined, sent: unknown): boolean {
  if (saved === undefined) return sent === undefined;
  if (saved.mode === "form") {
    if (!(sent instanceof FormData)) return false;
    const fields = [...sent]
      .flatMap(([key, value]) => (typeof value === "string" ? [`${key}=${value}`] : []))
      .sort();
    return (
      JSON.stringify(fields) ===
      JSON.stringify(saved.fields.map(([key, value]) => `${key}=${value}`).sort())
    );
  }
  if (sent === undefined) return saved.text.trim() === "";
  const savedJson = parseJson(saved.text);
  if (typeof sent !== "string") return savedJson.ok && equalJson(savedJson.value, sent);
  // A JSON string the mock parsed (`"x"` sent as JSON is `x` here) is the JSON saved as `"x"`.
  if (savedJson.ok && equalJson(savedJson.value, sent)) return true;
  const sentJson = parseJson(sent);
  if (savedJson.ok && sentJson.ok) return equalJson(savedJson.value, sentJson.value);
  return saved.text.trim() === sent.trim();
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function equalJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a))
    return (
      a.length === (b as unknown[]).length && a.every((v, i) => equalJson(v, (b as unknown[])[i]))
    );
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.prototype.hasOwnProperty.call(b, k) &&
        equalJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}
