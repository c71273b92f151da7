// What each behaviour of the one-operation bundle (a client made and Zoom's updateUserStatus
// called, bundled by esbuild, minified, gzipped: bench/bundle-size.ts's) costs in it: the bundle
// made again with the behaviour cut out of the package's compiled runtime, by text edits that an
// esbuild plugin makes as it loads the files (nothing on disk changes), gives the bytes it saves.
// Each variant is then run against a stand-in fetch: whether it still sends the seed's request (PUT,
// the path, the token, the multipart field) and rejects on a 404. Rows overlap (the variables' row
// holds the environments' and the dynamic variables'), so they do not add up; each combined row is
// one bundle, measured. `npx tsx bench/bundle-costs.ts [package-dir]` (default generated/zoom-api)
// prints the table that `npm run bench` writes into bench/RESULTS.md. An edit that no longer finds
// its text, once, fails the run: the runtime changed, and the edit must change with it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Plugin } from "esbuild";
import { bundleInputs, bundlePeer, ourCall } from "./peers.js";

interface Edit {
  /** The compiled file, under the package's `dist/`. */
  file: string;
  /** Text (any run of white space matches any other, or none) or a pattern, found exactly once. */
  from: string | RegExp;
  to: string;
  /** Left out where one of these behaviours is cut out too: its edit takes this text away first. */
  unlessWith?: string[];
}

interface Behaviour {
  key: string;
  /** As the table names it. */
  name: string;
  /** Whether @hey-api/openapi-ts's fetch client (0.99.0) does it, and how, read from its source. */
  heyApi: string;
  edits: Edit[];
}

const core = "runtime/core.js";
const request = "runtime/request.js";
const response = "runtime/response.js";
const errors = "runtime/errors.js";

/** In the order their edits apply: a later edit reads the text the earlier ones left. */
const BEHAVIOURS: Behaviour[] = [
  {
    key: "retries",
    name: "retries and their backoff (`maxRetries`, Retry-After, which failures are retried, which never reached the server, `attempts` on the error)",
    heyApi: "no",
    edits: [
      { file: core, from: "const maxRetries = call.maxRetries ?? options.maxRetries ?? DEFAULT_MAX_RETRIES;", to: "" },
      { file: core, from: /if \(!\(Number\.isInteger\(maxRetries\)[^\n]*\n[^\n]*\n/, to: "" },
      { file: core, from: "let sent = true;", to: "" },
      { file: core, from: "sent = answered || !NEVER_SENT.test(why);", to: "" },
      { file: core, from: ': sent ? "connection lost" : "connection failed"}', to: ': "connection failed"}' },
      {
        file: core,
        from: "if (retries >= maxRetries || !isRetryable(request, response ? { status: response.status } : { sent })) throw attempted(failure, retries); retries++; await sleep(retryDelayMs(retries, response?.headers), signal);",
        to: "throw failure;",
      },
      { file: core, from: /attempted\((toApiError\([^\n]*\)\)), retries\);/, to: "$1;", unlessWith: ["asResponse"] },
    ],
  },
  {
    key: "timeout",
    name: "the per-attempt timeout (`timeoutMs`, its timer and abort signal, TimeoutError)",
    heyApi: "no",
    edits: [
      { file: core, from: "const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;", to: "" },
      { file: core, from: /if \(!\(typeof timeoutMs === "number" && timeoutMs > 0\)\) \{[\s\S]*?`\);\s*\}/, to: "" },
      { file: core, from: "call.signal, timeoutMs)", to: "call.signal)" },
      { file: core, from: /const controller = [\s\S]*?\{ once: true \}\);/, to: "" },
      { file: core, from: "signal: (controller?.signal ?? signal),", to: "signal," },
      { file: core, from: "if (timedOut) { error = timedOut; } else {", to: "{" },
      { file: core, from: /finally \{\s*clearTimeout\(timer\);[^}]*\}/, to: "" },
      { file: errors, from: "TimeoutError,\n    ApiError,", to: "ApiError,", unlessWith: ["errorClasses"] },
      { file: errors, from: "Connection Timeout Api", to: "Connection Api", unlessWith: ["errorClasses"] },
    ],
  },
  {
    key: "errorClasses",
    name: "typed error classes (a subclass per status, ResponseParseError, `name`s, `instanceof` across copies, `toJSON`, the spec for `isErrorOf`)",
    heyApi: "no: it rejects with the parsed body, or its text",
    edits: [
      { file: errors, from: /toJSON\(\) \{\n[^\n]*\n\s*\}/, to: "" },
      {
        file: errors,
        // The subclasses stay declared (the package's index exports them), unused: the bundle drops them.
        from: /const CLASSES = \[[\s\S]*(?=function errorMessage)/,
        to: 'export const ERROR_SPEC = Symbol.for("postman-codegen:spec");\nexport function apiError(init) { return new ApiError(init); }\n',
      },
    ],
  },
  {
    key: "unparsed",
    name: "a 2xx whose JSON does not parse rejects (`Unparsed`, its message)",
    heyApi: "yes: JSON.parse's SyntaxError",
    edits: [
      { file: response, from: "if (response.ok) return new Unparsed(text);", to: "" },
      { file: core, from: "&& !(body instanceof Unparsed)", to: "" },
      { file: response, from: "const unparsed = raw instanceof Unparsed;", to: "" },
      { file: response, from: "unparsed ? raw.text : raw", to: "raw" },
      { file: response, from: /apiMessage: unparsed\s*\?[^\n]*\n\s*: (\(message)/, to: "apiMessage: $1" },
      { file: response, from: "}, op, unparsed);", to: "}, op);" },
    ],
  },
  {
    key: "messages",
    name: "error messages (the documented status's and error code's descriptions, which the operation's spec carries; the API's own code and words)",
    heyApi: "no",
    edits: [
      { file: response, from: "const documented = op.responses.find((r) => r.status === response.status);", to: "" },
      { file: response, from: "const { code, message } = apiWords(body);", to: "" },
      { file: response, from: /const codeDoc = [^\n]*\n/, to: "" },
      { file: response, from: /body,\s*code,\s*description: documented[\s\S]*?\n\s*\}, op/, to: "body }, op" },
      {
        file: errors,
        from: /function errorMessage\(init\) \{[\s\S]*?\n\}/,
        to: "function errorMessage(init) { return `${init.operation}: ${init.status}`; }",
      },
      {
        file: "resources/users.js",
        from: /(const updateUserStatusCallSpec = \{[\s\S]*?)responses: \[[^\n]*\],\n\};/,
        to: "$1responses: [],\n};",
      },
    ],
  },
  {
    key: "redaction",
    name: "secret redaction of errors (redact.js, sent-secrets.js, credential-names.js, and the error's cause dropped when it holds a secret)",
    heyApi: "no",
    edits: [
      { file: core, from: "const mask = masker(await secretsOf(build, request, defaults, lookup));", to: "" },
      { file: core, from: "${mask(why)}", to: "${why}" },
      { file: core, from: "holdsSecret(thrown, mask) ? undefined : { cause: thrown }", to: "{ cause: thrown }" },
      {
        file: core,
        from: /function secretsOf\(build, request, defaults, lookup\) \{[^\n]*\n[^\n]*\n\}/,
        to: "function secretsOf() { return []; }",
      },
      { file: response, from: /redactValue\(([^\n]*), masker\(secrets\)\)/, to: "$1" },
      { file: request, from: "headers, body, sentSecrets: features?.sentSecrets }", to: "headers, body }" },
    ],
  },
  {
    key: "checks",
    name: "response checks against the documented types (`responseCheck`: the option's plumbing; the checker is left out unless imported)",
    heyApi: "yes: a `responseValidator` option",
    edits: [
      { file: core, from: /if \(options\.responseCheck && !options\.responseChecks\) \{[^\n]*\n[^\n]*\n\s*\}/, to: "" },
      {
        file: core,
        from: "if (!answer.unread) options.responseChecks?.verify(options.responseChecks.table, op, response.status, body, options);",
        to: "",
      },
    ],
  },
  {
    key: "hooks",
    name: "hooks (`onRequest`, `onResponse`, `onError`; the attempt's request named for them)",
    heyApi: "yes: request, response and error interceptors",
    edits: [
      { file: core, from: "Object.assign(build(), { operation: op.name, attempt })", to: "build()" },
      { file: core, from: "if (options.onRequest) await options.onRequest(request);", to: "" },
      { file: core, from: "if (options.onResponse) await options.onResponse(response, request);", to: "" },
      { file: core, from: "if (options.onError) await options.onError(failure, request);", to: "" },
    ],
  },
  {
    key: "asResponse",
    name: "the ApiPromise and its `withResponse()` / `asResponse()` (a success's body left unread)",
    heyApi: "yes: `{ data, request, response }`, and `parseAs: 'stream'`",
    edits: [
      { file: core, from: /new ApiPromise\((send\([^)]*\)),\s*answer\)/, to: "$1.then((r) => r.data)" },
      {
        file: core,
        from: "const read = !(answer.unread && response.status < (op.redirect ? 400 : 300)) && readBody(response, request.method);",
        to: "const read = readBody(response, request.method);",
      },
      { file: core, from: /else if \(read === false\) \{[^}]*\}/, to: "" },
      { file: core, from: "if (onAbort && !answer.unread)", to: "if (onAbort)", unlessWith: ["timeout"] },
      {
        file: core,
        from: "if (!answer.unread) options.responseChecks",
        to: "options.responseChecks",
        unlessWith: ["checks"],
      },
    ],
  },
  {
    key: "environments",
    name: "environment wiring in the variables' lookup (an environment's values and secrets, the refusal of one the package lacks)",
    heyApi: "no",
    edits: [
      { file: core, from: "const { environment: name } = options;", to: "" },
      { file: core, from: /if \(name !== undefined && !defaults\.environments\)[^\n]*\n[^\n]*\n/, to: "" },
      { file: core, from: "const environment = defaults.environments?.(name);", to: "const environment = undefined;" },
      {
        file: core,
        from: /return value !== undefined \|\| environment\?\.hides\(name\)[\s\S]*?find\(defaults\.variables, name\)\);/,
        to: "return value ?? find(operation, name) ?? find(defaults.variables, name);",
      },
      { file: core, from: "if (environment) lookup.missing = environment.missing;", to: "" },
    ],
  },
  {
    key: "dynamic",
    name: "dynamic variables' replay on a retry (`{{$guid}}` made once per call)",
    heyApi: "no",
    edits: [
      { file: core, from: "const made = [];", to: "" },
      { file: core, from: "op.variables, defaults, made)", to: "op.variables, defaults)" },
      { file: core, from: /const \{ dynamic \} = defaults;[\s\S]*?dynamic\(name\)\);/, to: "" },
      {
        file: "runtime/template.js",
        from: /const dynamic = missing\.secret === undefined[^\n]*\n\s*if \(dynamic !== undefined\)\s*return dynamic;/,
        to: "",
      },
    ],
  },
  {
    key: "reauthorize",
    name: "401 re-authorization (a Digest challenge, an expired OAuth 2 token: sent again once)",
    heyApi: "no",
    edits: [
      { file: core, from: "let reauthorized = false;", to: "" },
      { file: core, from: "let reauthorize = undefined;", to: "" },
      { file: core, from: "reauthorize = typeof authorized", to: "typeof authorized" },
      { file: core, from: /if \(response\.status === 401 && reauthorize[^}]*\}/, to: "" },
    ],
  },
  {
    key: "variables",
    name: "`{{variable}}` filling (template.js; the lookup of the caller's, the operation's and the collection's values)",
    heyApi: "no",
    edits: [
      {
        file: request,
        from: 'const base = template.includes("{{") ? fillTemplate(template, context.lookup, op.name) : template;',
        to: "const base = template;",
      },
      {
        file: "runtime/auth.js",
        from: "return template && fillTemplate(template, lookup, op.name, option);",
        to: "return undefined;",
      },
      { file: core, from: /lookup: \(lookup = variableLookup\([^)]*\)\),/, to: "lookup: (lookup = () => undefined)," },
    ],
  },
  {
    key: "credential",
    name: "an empty credential refused (`noCredential`), a `null` one declined",
    heyApi: "no: it sends no auth without a token",
    edits: [
      { file: "runtime/auth.js", from: 'if (declined(options, "token")) return;', to: "" },
      { file: "runtime/auth.js", from: /else if \(token === undefined\)\s*noCredential\([^\n]*\n/, to: "" },
    ],
  },
  {
    key: "argumentChecks",
    name: "argument checks (arguments an object, unknown and required ones, types, `enum`, half characters, an empty, `.` or `..` path segment)",
    heyApi: "no: its types (a validator plugin's `requestValidator` may check)",
    edits: [
      { file: request, from: /if \(typeof args !== "object" \|\| Array\.isArray\(args\)\) \{[^}]*\}/, to: "" },
      { file: request, from: /for \(const key in given\) \{[\s\S]*?\n {8}\}\n {4}\}/, to: "" },
      { file: request, from: 'if (spec.required) fail(op, spec, "is required: give at least one value");', to: "" },
      { file: request, from: 'if (spec.required) fail(op, spec, "is required");', to: "" },
      { file: request, from: "else check(op, spec, value);", to: "" },
      { file: request, from: /if \(text === ""\)\s*fail[\s\S]*?it would change the path`\);/, to: "" },
    ],
  },
  {
    key: "headerChecks",
    name: "header checks (a header fetch refuses named in a ValidationError that quotes no value)",
    heyApi: "no: Headers' own TypeError, which quotes the value",
    edits: [
      {
        file: request,
        from: /export function setHeader\(op, headers, name, value, what\) \{[\s\S]*?\n\}/,
        to: "export function setHeader(op, headers, name, value) { headers.set(name, value); }",
      },
      {
        file: request,
        from: /function clientHeaders\(op, given\) \{[\s\S]*?\n\}/,
        to: "function clientHeaders(op, given) { return new Headers(given); }",
      },
    ],
  },
  {
    key: "charset",
    name: "a text answer decoded in the charset its content type names (else UTF-8)",
    heyApi: "no: `response.text()`, UTF-8",
    edits: [
      {
        file: response,
        from: "const text = textDecoder(type).decode(await response.arrayBuffer());",
        to: "const text = await response.text();",
      },
    ],
  },
  {
    key: "urlChecks",
    name: "base-URL checks (http(s) only, no user info, half characters; a base without a scheme read as http)",
    heyApi: "no",
    edits: [
      {
        file: request,
        from: /function toUrl\(op, base, path, query\) \{[\s\S]*?\n\}/,
        to: "function toUrl(op, base, path, query) { return new URL(joinUrl(base, path) + query); }",
      },
      {
        file: "runtime/paths.js",
        from: /export function joinUrl\(base, path, http = [^\n]*\n\s*if \(http\)\s*base = [^\n]*\n/,
        to: "export function joinUrl(base, path) {\n",
      },
    ],
  },
  {
    key: "multipartText",
    name: "the form written out as one string (bodies.js's sendMultipartText; fetch is given the FormData instead)",
    heyApi: "no: fetch is given the FormData",
    edits: [
      {
        file: "runtime/bodies.js",
        from: "{ type: untypeMultipart, send: sendMultipartText }",
        to: "{ type: untypeMultipart }",
      },
    ],
  },
  {
    key: "multipart",
    name: "multipart body building itself (the FormData of the fields; the call then sends no body)",
    heyApi: "yes: its formDataBodySerializer",
    edits: [
      {
        file: "runtime/bodies.js",
        from: /export const encodeMultipartText = [^\n]*\n/,
        to: "export const encodeMultipartText = () => undefined;\n",
      },
    ],
  },
];

/** A text's run of white space matches any run, or none: the edits read as the code does, whatever its layout. */
function pattern(from: string | RegExp): RegExp {
  if (from instanceof RegExp) return from;
  return new RegExp(
    from
      .trim()
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("\\s*"),
  );
}

/**
 * A plugin that loads the compiled files of the package in `packageDir` with `edits` made (each
 * one it makes added to `done`), and fails on one it cannot make. `BUNDLE_COSTS_DUMP=<dir>` writes
 * each edited file there, to see what an edit did.
 */
function cutting(packageDir: string, edits: Edit[], done = new Set<Edit>()): Plugin {
  return {
    name: "cut-behaviours",
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, (args) => {
        const file = relative(join(packageDir, "dist"), args.path);
        if (!edits.some((edit) => edit.file === file)) return undefined;
        const text = editedFile(packageDir, file, edits, done);
        const dump = process.env["BUNDLE_COSTS_DUMP"];
        if (dump) writeFileSync(join(dump, file.replace(/\W/g, "-")), text);
        return { contents: text, loader: "js" };
      });
    },
  };
}

/** The compiled `file` of the package with those of `edits` that are its made, each found once (else an Error). */
function editedFile(packageDir: string, file: string, edits: Edit[], done = new Set<Edit>()): string {
  // Whole-line comments out first (the minifier drops them anyway): edits match the code alone.
  let text = readFileSync(join(packageDir, "dist", file), "utf8").replace(
    /^\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/)[ \t]*\n/gm,
    "",
  );
  for (const edit of edits.filter((edit) => edit.file === file)) {
    const found = pattern(edit.from);
    const matches = [...text.matchAll(new RegExp(found.source, `${found.flags}g`))].length;
    if (matches !== 1) throw new Error(`${file}: ${String(edit.from)} found ${matches} times, not once`);
    // A pattern's replacement may name its groups (`$1`); a text's is taken as it is.
    text = edit.from instanceof RegExp ? text.replace(found, edit.to) : text.replace(found, () => edit.to);
    done.add(edit);
  }
  return text;
}

/** The key sets behaviourCosts bundles: each behaviour alone, those hey-api's client does not do, the floor. */
function variants(): string[][] {
  const notHeyApis = BEHAVIOURS.filter((b) => b.heyApi.startsWith("no")).map((b) => b.key);
  // The floor: without every row that leaves a call to make (the body's building is not one).
  const callable = BEHAVIOURS.filter((b) => b.key !== "multipart").map((b) => b.key);
  return [...BEHAVIOURS.map((b) => [b.key]), notHeyApis, callable];
}

/**
 * The edits of every variant that no longer find their text once in the compiled runtime of the
 * package in `packageDir`, as messages: none, or `npm run bench` fails on them. Read without
 * bundling, so the test suite can tell when a change to the runtime needs an edit changed with it.
 */
export function staleEdits(packageDir: string): string[] {
  const problems = new Set<string>();
  for (const keys of variants()) {
    const edits = editsOf(keys);
    for (const file of new Set(edits.map((edit) => edit.file)))
      try {
        editedFile(packageDir, file, edits);
      } catch (error) {
        problems.add(`${keys.length === 1 ? keys[0] : `${keys.length} behaviours`}: ${(error as Error).message}`);
      }
  }
  return [...problems];
}

function editsOf(keys: string[]): Edit[] {
  return BEHAVIOURS.filter((b) => keys.includes(b.key)).flatMap((b) =>
    b.edits.filter((edit) => !edit.unlessWith?.some((other) => keys.includes(other))),
  );
}

export interface CostRow {
  name: string;
  /** min+gz bytes the bundle loses without it. */
  saved: number;
  /** Blank for the combined rows. */
  heyApi: string;
  /** "yes", or "no: " and why. */
  call: string;
}

export interface Costs {
  /** The bundle as it is, min+gz. */
  bytes: number;
  rows: CostRow[];
  /** What remains (min+gz) without what hey-api does not do, and without every row that keeps the call whole. */
  withoutHeyApis: number;
  floor: number;
  /** The floor's minified bytes by module, largest first, as bundleInputs gives them. */
  floorModules: Array<[string, number]>;
}

/**
 * The costs of the behaviours in the bundle of `source` (which imports the package in `packageDir`
 * from `resolveDir`, defines `BASE` as Zoom's base URL and sends `token`, as `ourCall` writes it).
 */
export async function behaviourCosts(
  packageDir: string,
  resolveDir: string,
  source: string,
  token: string,
): Promise<Costs> {
  const work = mkdtempSync(join(tmpdir(), "bundle-costs-"));
  let runs = 0;
  const measure = async (keys: string[]): Promise<{ bytes: number; call: string }> => {
    const edits = editsOf(keys);
    const done = new Set<Edit>();
    const code = await bundlePeer(source, resolveDir, true, [cutting(packageDir, edits, done)]);
    const missed = edits.filter((edit) => !done.has(edit));
    if (missed.length) throw new Error(`not in the bundle: ${missed.map((edit) => edit.file).join(", ")}`);
    const file = join(work, `variant-${runs++}.mjs`);
    writeFileSync(file, code);
    return { bytes: gzipSync(code).length, call: await makesTheCall(file, token) };
  };
  try {
    const full = await measure([]);
    if (full.call !== "yes") throw new Error(`the bundle as it is fails the seed call's check: ${full.call}`);
    const rows: CostRow[] = [];
    for (const behaviour of BEHAVIOURS) {
      const { bytes, call } = await measure([behaviour.key]);
      rows.push({ name: behaviour.name, saved: full.bytes - bytes, heyApi: behaviour.heyApi, call });
    }
    const [notHeyApis, callable] = variants().slice(-2) as [string[], string[]];
    const withoutHeyApis = await measure(notHeyApis);
    rows.push({
      name: "**all of the above that hey-api's client does not do**",
      saved: full.bytes - withoutHeyApis.bytes,
      heyApi: "",
      call: withoutHeyApis.call,
    });
    const floor = await measure(callable);
    rows.push({
      name: "all of the above but the body's building",
      saved: full.bytes - floor.bytes,
      heyApi: "",
      call: floor.call,
    });
    return {
      bytes: full.bytes,
      rows,
      withoutHeyApis: withoutHeyApis.bytes,
      floor: floor.bytes,
      floorModules: await bundleInputs(source, resolveDir, [cutting(packageDir, editsOf(callable))]),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Whether the bundle in `file` (exporting `call`) still sends the seed's request (PUT, the path, the
 * token, the multipart field) and rejects on a 404, with a stand-in fetch.
 */
async function makesTheCall(file: string, token: string): Promise<string> {
  const { call } = (await import(pathToFileURL(file).href)) as { call: () => Promise<unknown> };
  const sent: Array<{ url: string; init: RequestInit }> = [];
  let answer = () => new Response(null, { status: 204 });
  const original = globalThis.fetch;
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url: String(url), init });
    return answer();
  }) as typeof fetch;
  try {
    try {
      await call();
    } catch (error) {
      return `no: ${(error as Error).message}`;
    }
    const [one] = sent;
    if (sent.length !== 1 || !one) return `no: ${sent.length} requests`;
    const body = one.init.body;
    const action =
      body instanceof FormData
        ? body.get("action")
        : typeof body === "string" && body.includes('name="action"\r\n\r\ndeactivate')
          ? "deactivate"
          : undefined;
    const problems = [
      one.init.method === "PUT" || "method",
      one.url === "https://api.zoom.us/v2/users/me/status" || `URL ${one.url}`,
      new Headers(one.init.headers).get("authorization") === `Bearer ${token}` || "token",
      action === "deactivate" || "no body",
    ].filter((ok) => ok !== true);
    if (problems.length) return `no: ${problems.join(", ")}`;
    answer = () => Response.json({ code: 1001, message: "User does not exist: me" }, { status: 404 });
    try {
      await call();
      return "no: a 404 resolved";
    } catch (error) {
      return error instanceof Error ? "yes" : "yes (a 404 rejects with no Error)";
    }
  } finally {
    globalThis.fetch = original;
  }
}

/** The table as bench/RESULTS.md gives it. */
export function costsTable(costs: Costs): string {
  const kb = (bytes: number) => (bytes / 1024).toFixed(2);
  return `| Without | Saves (bytes, min+gz) | hey-api's client does it | The bundle still makes the call |
| --- | --- | --- | --- |
${costs.rows.map((r) => `| ${r.name} | ${r.saved} | ${r.heyApi} | ${r.call} |`).join("\n")}

Of ${costs.bytes} B (${kb(costs.bytes)} KB), what remains without what hey-api's client does not do: ${costs.withoutHeyApis} B (${kb(costs.withoutHeyApis)} KB); without every row but the body's building (the floor): ${costs.floor} B (${kb(costs.floor)} KB), whose minified bytes by module are ${costs.floorModules.map(([path, bytes]) => `\`${path.replace(/^.*\/dist\//, "")}\` ${bytes}`).join(", ")}.`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const packageDir = resolve(process.argv[2] ?? "generated/zoom-api");
  const source = `const BASE = "https://api.zoom.us/v2";\n${ourCall(".", "bench-token")}`;
  console.log(costsTable(await behaviourCosts(packageDir, packageDir, source, "bench-token")));
}
