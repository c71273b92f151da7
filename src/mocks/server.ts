// `postman-codegen mock`: a local HTTP server that answers a collection's requests from its saved
// examples, by the same rules as the emitted packages' mocks (mock.ts), for front-end work and
// clients in other languages. CORS is open (any origin, method and header), for pages on other
// local ports; each request is logged with the example that answered.
import { statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, resolve } from "node:path";
import { shownPath } from "../shown-path.js";
import type { Target } from "../config.js";
import { CodegenError } from "../errors.js";
import { namingOptions, readCollection } from "../load/collection.js";
import { textWithoutCredentials } from "../load/credentials.js";
import { readScopeFile, type ScopeFile } from "../load/environment.js";
import { readScopes, type EnvironmentSource } from "../load/scopes.js";
import { nameModel, type NamingBefore } from "../model/naming.js";
import { readManifest } from "../cache/manifest.js";
import { configPatternPlace, selection } from "../model/selection.js";
import { maskedPathAndQuery } from "../runtime/credential-names.js";
import { printable } from "../runtime/printable.js";
import { namedEnvironment } from "../runtime/environments.js";
import { MASK, masker } from "../runtime/redact.js";
import { warningLines } from "../warning-lines.js";
import type { Warning } from "../model/types.js";
import { mockApi } from "./mock-data.js";
import { createMock, operationKey, withControls, type MockCore } from "./mock.js";
import { clientLookup, type Router } from "./routes.js";
import { joinUrl } from "../runtime/paths.js";
import { fillTemplate } from "../runtime/template.js";
import type { MockApi, MockCall, MockControls } from "./types.js";
import { counted } from "../counted.js";

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = "127.0.0.1";

export interface MockServerOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (this machine only). */
  host?: string;
  /** Values of `{{variables}}` in paths (an environment's). */
  variables?: Record<string, string>;
  /** Milliseconds to wait before each answer. */
  delay?: number;
  /** Gets one line per request answered. */
  log?: (line: string) => void;
  /**
   * Values the log never shows, in any form a request sends them (runtime/redact.ts): the secrets
   * of the environments that gave `variables`, which a request carries where they fill its path
   * (`/bot{{bot_token}}/getMe`), where no name says that they are credentials.
   */
  secrets?: readonly string[];
}

export interface MockServer extends MockControls {
  /** `http://127.0.0.1:4010`: the base URL to give clients; every request of the collection is under it. */
  readonly url: string;
  /** The collection's base URLs that `url` stands in for, path included (`https://api.zoom.us/v2`), as printed: without the credentials a URL writes out, secrets masked, no control characters. */
  readonly bases: readonly string[];
  /**
   * What the server stands in for and what to give clients (standInLine), as `mock` prints it when it
   * starts; undefined for a collection without requests, which has no base to name.
   */
  readonly standIn: string | undefined;
  /** Stops listening and closes open connections (answers still waiting are dropped). */
  close(): Promise<void>;
}

/**
 * Serves `api` (the collection's operations and examples). Every operation answers under the
 * server's own URL, whatever base URL the collection gives it, as a Postman mock server does.
 */
export async function startMockServer(api: MockApi, options: MockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? DEFAULT_HOST;
  let core: MockCore | undefined;
  let origin = "";
  // Each also as a URL's path carries it (`a b/é` → `a%20b/%C3%A9`): no form of the runtime's.
  const mask = masker(
    (options.secrets ?? []).flatMap((secret) => [secret, new URL(`http://h/${secret}`).pathname.slice(1)]),
  );
  const log = options.log && ((line: string) => options.log!(mask(line)));
  const server = createServer((req, res) => {
    handle(core!, origin, req, res, log).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json", ...corsHeaders(req) });
      // The log's mask, as for the 404s and 501s: an error's message may quote what the request
      // or an override carried (a header value that fetch refuses, as it was given).
      const message = mask(error instanceof Error ? error.message : String(error));
      res.end(JSON.stringify({ error: "mockServerError", message }));
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  // The server's own URL replaces every base the collection names.
  const baseUrls = Object.fromEntries(
    api.operations.flatMap((op) => (op.base !== undefined ? [[op.base, origin]] : [])),
  );
  const bases = standIns(api, options.variables);
  // As they are printed: without the credentials a URL writes out (a password in its user info, a
  // key in its query: an environment's `baseUrl` is no secret by its name), the secrets masked,
  // then made fit for a terminal (a collection's value may hold anything).
  const shown = bases.map((base) => clip(mask(textWithoutCredentials(base, MASK).text), 200));
  // The requests on a base of their own keep it in a client given only baseUrl: `baseUrls` by the base as written.
  const own = Object.keys(baseUrls).map((base) => clip(mask(base), 200));
  const line = bases.length ? standInLine(shown, own, origin) : undefined;
  const notFound = notFoundAdvice(origin, bases, line);
  // The log's mask for the answers too: a 404 or 501 quotes the request's path.
  core = createMock(
    api,
    {
      baseUrl: origin,
      baseUrls,
      ...(options.variables ? { variables: options.variables } : {}),
      ...(options.delay !== undefined ? { delay: options.delay } : {}),
    },
    mask,
    (method, url) => notFound(core!.router, method, url),
    // It reads the collection when it starts: an example saved since is served after a restart.
    (op) => `save an example response to the Postman request ${JSON.stringify(op.item)}, then start the mock again`,
  );
  const face = {
    url: origin,
    bases: shown,
    standIn: line,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
  return withControls(face, core);
}

/**
 * The base URLs of the collection's requests as a client made without options fills them (by the
 * client's lookup, routes.ts's: the server's variables, then the operation's folders', then the
 * collection's; as joinUrl sends one without a scheme, http; one that cannot be filled as written):
 * what a client of the real API sends to, and the server answers in place of, path included.
 */
function standIns(api: MockApi, variables: Readonly<Record<string, string>> = {}): string[] {
  return [
    ...new Set(
      api.operations.map((op) => {
        const template = op.base ?? api.baseUrl;
        try {
          return joinUrl(fillTemplate(template, clientLookup(api, { variables }, op), "mock"), "");
        } catch {
          return template;
        }
      }),
    ),
  ];
}

/**
 * `it stands in for https://api.zoom.us/v2, path included: give clients baseUrl http://127.0.0.1:4010`,
 * and `baseUrls` for the requests on bases of their own (`own`), which `baseUrl` leaves as they are.
 */
function standInLine(bases: readonly string[], own: readonly string[], origin: string): string {
  const shown = bases.length > 4 ? [...bases.slice(0, 3), `${bases.length - 3} more`] : bases;
  const list = shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)!}` : (shown[0] ?? "");
  // Said where it matters: a base with a path (`/v2`), which a client's requests must leave out.
  const path = bases.some((base) => basePath(base) !== undefined) ? ", path included" : "";
  const entries = own.slice(0, 3).map((base) => `${JSON.stringify(base)}: ${JSON.stringify(origin)}`);
  const more = own.length > 3 ? `, … (${own.length} in all)` : "";
  const baseUrls = own.length ? `, and baseUrls: { ${entries.join(", ")}${more} }` : "";
  return `it stands in for ${list}${path}: give clients baseUrl ${origin}${baseUrls}`;
}

/**
 * What the 404 of a request no operation matches tells a reader of the server, who has no mock
 * `baseUrl` to check: the bases it stands in for (`line`, as printed), and for a request that kept
 * a base's path (`/v2/users/me` for Zoom's `https://api.zoom.us/v2`), the path that is answered.
 * What the bases fix is worked out once, when the server starts.
 */
function notFoundAdvice(
  origin: string,
  bases: readonly string[],
  line: string | undefined,
): (router: Router, method: string, url: URL) => string {
  // A collection without requests has no base to name.
  if (line === undefined) return () => "check the method and the path";
  const standIn = line.replace(/^it /, "this server ");
  const paths = bases.map(basePath).filter((path) => path !== undefined);
  return (router, method, url) => {
    for (const path of paths) {
      if (!(url.pathname === path || url.pathname.startsWith(`${path}/`))) continue;
      const meant = new URL(`${origin}${url.pathname.slice(path.length) || "/"}${url.search}`);
      if (router.match(method, meant)) return `${standIn}, and ask for ${method} ${meant.pathname}`;
    }
    return `check the method and the path; ${standIn}`;
  };
}

/** `/v2` of `https://api.zoom.us/v2/`; undefined for a base without a path or that is no URL. */
function basePath(base: string): string | undefined {
  try {
    return new URL(base).pathname.replace(/\/+$/, "") || undefined;
  } catch {
    return undefined;
  }
}

/** Headers that belong to one connection, not to the request. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
  "expect",
]);

async function handle(
  core: MockCore,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
  log: ((line: string) => void) | undefined,
): Promise<void> {
  const started = performance.now();
  const method = req.method ?? "GET";
  const cors = corsHeaders(req);
  const target = new URL(req.url ?? "/", origin);
  if (method === "OPTIONS" && req.headers["access-control-request-method"]) {
    res.writeHead(204, cors).end();
    log?.(line(method, target, 204, undefined, started, "CORS preflight"));
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    if (HOP_BY_HOP.has(name.toLowerCase())) continue;
    try {
      headers.append(name, req.rawHeaders[i + 1]!);
    } catch {
      // A header fetch cannot hold is not one the mock reads.
    }
  }
  const request = new Request(`${origin}${target.pathname}${target.search}`, {
    method,
    headers,
    ...(body.length && method !== "GET" && method !== "HEAD" ? { body } : {}),
  });
  // A client that goes away stops the wait of a delayed answer.
  const gone = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) gone.abort(new Error("the client closed the connection"));
  });
  const { response, call } = await core.answer(request, gone.signal);
  const out: Array<[string, string]> = Object.entries(cors);
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") out.push([name, value]);
  });
  for (const cookie of response.headers.getSetCookie()) out.push(["set-cookie", cookie]);
  res.writeHead(response.status, response.statusText || undefined, out.flat());
  res.end(Buffer.from(await response.arrayBuffer()));
  log?.(line(method, target, response.status, call, started));
}

/** Open to any page: the requesting origin, and whatever method and headers it asks for. */
function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    "access-control-allow-origin": origin ?? "*",
    ...(origin ? { "access-control-allow-credentials": "true", vary: "Origin" } : {}),
    "access-control-allow-methods": String(
      req.headers["access-control-request-method"] ?? "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
    ),
    "access-control-allow-headers": String(req.headers["access-control-request-headers"] ?? "*"),
    "access-control-expose-headers": "*",
    "access-control-max-age": "600",
  };
}

/**
 * `PUT /users/me/status → 204 users.userId.updateUserStatus "Status updated." (3 ms)`: credentials
 * in the query masked (the log may be pasted anywhere), no header.
 */
function line(
  method: string,
  url: URL,
  status: number,
  call: MockCall | undefined,
  started: number,
  note?: string,
): string {
  const what =
    note ??
    (call?.operation
      ? `${operationKey(call.operation)}${call.overridden ? " (override)" : ""}${call.example !== undefined ? ` ${JSON.stringify(clip(call.example))}` : ""}`
      : "no operation");
  return `${clip(method)} ${clip(maskedPathAndQuery(url), 200)} → ${status} ${what} (${Math.round(performance.now() - started)} ms)`;
}

/** Text from a request or the collection, made fit for a terminal: no control characters, one line, clipped. */
function clip(text: string, max = 80): string {
  const clean = printable(text, " ").replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * The values of Postman environment files, each checked as generate checks one
 * (src/load/environment.ts), in order (`-e base.json -e local.json`): a key in several takes the
 * last file's value, as a key given twice in one file does. Secret values are kept: the mock
 * server runs on this machine, and sends them nowhere; `secrets` lists them (a secret's type, or
 * a key that names a credential: load/environment.ts's rule), for its log to mask.
 */
export async function readEnvironments(
  files: readonly string[],
): Promise<{ variables: Record<string, string>; secrets: string[] }> {
  const scopes: ScopeFile[] = [];
  for (const file of files) scopes.push(await readScopeFile(file, "environment"));
  return environmentValues(scopes);
}

function environmentValues(scopes: readonly ScopeFile[]): { variables: Record<string, string>; secrets: string[] } {
  const variables: Record<string, string> = {};
  const secrets: string[] = [];
  for (const { values } of scopes)
    for (const { key, value, secret } of values) {
      Object.defineProperty(variables, key, { value, enumerable: true, writable: true, configurable: true });
      if (secret) secrets.push(value);
    }
  return { variables, secrets };
}

/**
 * The environments `-e` names, read: each a file, or the name of an environment of the target
 * served (named, by its output folder, or by the collection file it generates from), as its client
 * knows it (`createClient({ environment: "staging" })` → `mock acme-api -e staging`): by the
 * client's own rule, and refused with its message (runtime/environments.ts's namedEnvironment), the
 * names there are in it; said of a collection file no target generates from, with none. A file of
 * that name is read first, as before names were taken; a path (a slash, `.json`) that is no file
 * and no name is read as one, for the file's own error. The target's environments are read for
 * their names, and the one named is not read again: a file read twice could change in between, and
 * a named pipe gives its text once.
 */
async function chosenEnvironments(
  given: readonly string[],
  cwd: string,
  served: { collection: string; target?: string; environments?: readonly EnvironmentSource[] },
): Promise<ScopeFile[]> {
  let named: Record<string, ScopeFile> | undefined;
  const chosen: ScopeFile[] = [];
  const whose = served.target ?? JSON.stringify(shownPath(served.collection));
  const owner = {
    theirs: `${whose}'s`,
    none:
      served.target !== undefined
        ? `${whose} has none`
        : `no target of a config generates from ${whose}, whose environments its names would be`,
  };
  for (const value of given) {
    const file = resolve(cwd, value);
    if (statSync(file, { throwIfNoEntry: false })?.isFile()) {
      chosen.push(await readScopeFile(file, "environment"));
      continue;
    }
    named ??= Object.fromEntries(
      served.environments
        ? (await readScopes(served.environments, undefined)).environments.map(({ name, scope }) => [name, scope])
        : [],
    );
    if (!Object.hasOwn(named, value) && /[\\/]|\.json$/i.test(value)) {
      chosen.push(await readScopeFile(file, "environment"));
      continue;
    }
    chosen.push(
      namedEnvironment(
        named,
        value,
        owner,
        (message) => new CodegenError("command line", "--environment", `${message}; nor is it a file`),
      ),
    );
  }
  return chosen;
}

/** `@scope/name`: a scoped npm package name, as a target's name may be. */
const SCOPED = /^@[^\\/]+\/[^\\/]+$/;

/**
 * The API to serve: a collection file, or the name of a config target (its collection with its
 * include, exclude and names, as its package is generated).
 */
export async function loadMockApi(
  collectionOrTarget: string,
  options: { cwd?: string; config?: string } = {},
): Promise<{
  api: MockApi;
  warnings: Warning[];
  collection: string;
  /** The target served, by its name: the collection's (a file's, where a target generates from it). */
  target?: string;
  /** Its environments, which `-e <name>` chooses from as the client's `environment` does. */
  environments?: readonly EnvironmentSource[];
}> {
  const cwd = options.cwd ?? process.cwd();
  const file = resolve(cwd, collectionOrTarget);
  const isFile = statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  if (isFile && !options.config) {
    const target = await targetOfFile(file, cwd);
    const model = nameModel(await readCollection(file), {
      ...namingOptions(file, {}),
      ...(target ? await packageNames(target.out) : {}),
    });
    return { ...mockApi(model), collection: file, ...(target ? served(target) : {}) };
  }
  const stat = statSync(file, { throwIfNoEntry: false });
  const isFolder = stat?.isDirectory() === true;
  // A target's name is an npm package name: a slash only after a scope (`@acme/plaid-api`).
  // Anything else with a slash, or ending in .json, can only be a file (or a package's folder).
  const pathLike =
    isFolder ||
    /\.json$/i.test(collectionOrTarget) ||
    (/[\\/]/.test(collectionOrTarget) && !SCOPED.test(collectionOrTarget));
  // The config module only when a target is named (it brings the config's validator).
  const { CONFIG_FILE, findConfig, noTargetNamed, NoConfigError } = await import("../config.js");
  const shown = JSON.stringify(shownPath(file));
  // What to pass instead, for every message below: the two things this command takes.
  const instead = `give the path of the collection's file (mock collections/<name>.postman_collection.json)`;
  if (pathLike && !options.config) {
    // A path: a package's folder (`mock generated/plaid-api`) is its target, when a config is found
    // that generates it; else say what was looked for, and the targets there are. A config found
    // that cannot be taken (not JSON, not the schema's) is reported as generate reports it, its file
    // and place: taken for none, it was "none is in this folder or above it", of a config right there.
    let config: { file: string; targets: Target[] } | undefined;
    try {
      config = findConfig(cwd, undefined, undefined, undefined, "read-only");
    } catch (error) {
      if (!(error instanceof NoConfigError)) throw error;
      config = undefined;
    }
    const index = isFolder && config ? config.targets.findIndex((t) => resolve(t.out) === file) : -1;
    if (index < 0) {
      const what = isFolder ? `${shown} is a folder, not a collection file` : `no collection file ${shown} exists`;
      const targets = config
        ? `, or the name of a target of ${JSON.stringify(shownPath(config.file))} (${config.targets.map((t) => t.name).join(", ") || "it has none"})${isFolder ? ", whose output folder this is not" : ""}`
        : `; a target's name is taken where a ${CONFIG_FILE} names it, and none is in this folder or above it`;
      throw new CodegenError(collectionOrTarget, undefined, `${what}: ${instead}${targets}`);
    }
    return loadTarget(config!, index);
  }
  // Neither a file nor a config: findConfig's error says where it looked, and this what to give instead.
  const found = findConfig(
    cwd,
    options.config,
    `give the collection file's path (no file ${shown} exists to serve; mock collections/<name>.postman_collection.json)`,
    undefined,
    // The mock writes no output folder: it runs in a package's own folder as well.
    "read-only",
  );
  const index = found.targets.findIndex((t) => t.name === collectionOrTarget || resolve(t.collection) === file);
  if (index < 0) throw noTargetNamed(found, collectionOrTarget);
  return loadTarget(found, index);
}

/** The API of the config's target `index`, as its package is generated. */
async function loadTarget(
  found: { file: string; targets: Target[] },
  index: number,
): Promise<Awaited<ReturnType<typeof loadMockApi>>> {
  const target = found.targets[index]!;
  const limits = target.limits ? { limits: target.limits } : {};
  const chosen =
    target.include || target.exclude
      ? selection(target.include, target.exclude, configPatternPlace(found.file, index))
      : undefined;
  const loaded = await readCollection(target.collection, {
    ...(chosen ? { select: chosen.select } : {}),
    ...limits,
  });
  chosen?.check(basename(target.collection));
  const model = nameModel(loaded, {
    ...namingOptions(target.collection, limits),
    ...(target.names ? { overrides: { names: target.names, configFile: found.file, targetIndex: index } } : {}),
    ...(await packageNames(target.out)),
  });
  return { ...mockApi(model), collection: target.collection, ...served(target) };
}

/** What `-e <name>` reads of the target served: its name and its environments. */
function served(target: Target): { target: string; environments?: readonly EnvironmentSource[] } {
  return { target: target.name, ...(target.environments ? { environments: target.environments } : {}) };
}

/**
 * The target of the config found from `cwd` that generates its package from `file`, when there is
 * one: `mock api.json` then names the operations as `mock <target>` does, as the package does,
 * rather than by the rules alone, and `-e <name>` takes the names of its environments, as the
 * package's client does. Only those: the file is served whole, as named, without the target's
 * `include` or `exclude`, and none of its environments unless `-e` names it. Finding it costs a
 * read and a check of the config, as naming a target does, and the target is found by its
 * collection's path as with `--config`. A config that cannot be read is no reason to refuse a file
 * that can: the rules then name the operations, as they do where there is no config.
 */
async function targetOfFile(file: string, cwd: string): Promise<Target | undefined> {
  const { findConfig } = await import("../config.js");
  let targets: readonly Target[];
  try {
    targets = findConfig(cwd, undefined, undefined, undefined, "read-only").targets;
  } catch {
    return undefined;
  }
  return targets.find((t) => resolve(t.collection) === file);
}

/**
 * The names of the package generated at `out`, as its manifest records them: with them, the
 * operations are named as that package names them (as its next regeneration would, where the
 * collection changed since), so the log and the 501s say `users.getUser` where the package has it,
 * and the package's operation metadata finds its operation here (`mock.use`). Named from the
 * collection alone, a request added with a name already there could swap the two. None when
 * nothing was generated there.
 */
async function packageNames(out: string): Promise<NamingBefore> {
  const manifest = readManifest(out);
  if (!manifest) return {};
  // The API diff's module only then: it brings the emitter's names.
  const { namingBefore, readSurface } = await import("../diff/surface.js");
  return namingBefore(readSurface(manifest.surface));
}

export interface RunMockOptions extends Omit<MockServerOptions, "variables" | "log" | "secrets"> {
  /** Postman environment files whose values fill `{{variables}}`; of a key in several, the last file's. */
  environments?: readonly string[];
  config?: string;
  cwd?: string;
  /** Where the log goes (default: stderr). */
  log?: (line: string) => void;
}

/**
 * What the CLI's `mock` command runs: loads the collection (or target), serves it, logs, and stops
 * cleanly on Ctrl-C (SIGINT) or SIGTERM. Resolves once the server is closed.
 */
export async function runMockServer(collectionOrTarget: string, options: RunMockOptions = {}): Promise<void> {
  const log = options.log ?? ((text: string) => process.stderr.write(`${text}\n`));
  const { api, warnings, collection, target, environments } = await loadMockApi(collectionOrTarget, {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.config ? { config: options.config } : {}),
  });
  // Named as generate names them: a warning's own file, else the collection, as the user would type it.
  for (const line of warningLines(warnings, (warning) => shownPath(warning.file ?? collection))) log(line);
  const scopes = options.environments?.length
    ? environmentValues(
        await chosenEnvironments(options.environments, options.cwd ?? process.cwd(), {
          collection,
          ...(target !== undefined ? { target } : {}),
          ...(environments ? { environments } : {}),
        }),
      )
    : undefined;
  let server: MockServer;
  try {
    server = await startMockServer(api, {
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.host !== undefined ? { host: options.host } : {}),
      ...(options.delay !== undefined ? { delay: options.delay } : {}),
      ...(scopes ? { variables: scopes.variables, secrets: scopes.secrets } : {}),
      log,
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "EADDRINUSE")
      throw new CodegenError(
        "command line",
        "--port",
        `port ${options.port ?? DEFAULT_PORT} is in use: pass another with --port (0 picks a free one)`,
      );
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
      throw new CodegenError(
        "command line",
        "--host",
        `cannot listen on ${options.host ?? DEFAULT_HOST}: not an address of this machine`,
      );
    throw error;
  }
  const examples = api.examples.reduce((sum, e) => sum + e.examples.length, 0);
  log(
    `mock of ${clip(api.name)}: ${counted(api.operations.length, "operation")}, ${counted(examples, "saved example")}, on ${server.url} (Ctrl-C stops it)`,
  );
  if (server.standIn !== undefined) log(server.standIn);
  if (examples === 0) log(`the collection has no saved examples: every request is answered 501`);
  await new Promise<void>((done) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      log(`${signal}: stopping the mock server`);
      void server.close().then(done);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
