// Runs one collection through newman and through its generated client against the same recording
// server, and compares what arrives, item by item.
import { constants, createHmac, generateKeyPairSync, verify } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import newman from "newman";
import { basePath } from "../../src/emit/expectations.js";
import { loadCollection } from "../../src/load/collection.js";
import { fillTemplate } from "../../src/runtime/template.js";
import type { JsonObject } from "../../src/load/json.js";
import type { ApiModel, ArgModel, OperationModel } from "../../src/model/types.js";
import {
  startRecordingServer,
  type RecordedRequest,
  type RecordingServer,
} from "../../src/testkit/recording-server.js";
import { allowed, type Allowance } from "./allowlist.js";
import { differences, markerOf, meaning, type AuthView, type Difference } from "./compare.js";
import { newmanCollection, type Credentials } from "./newman-collection.js";
import { verifyAwsV4, verifyEdgeGrid, verifyOAuth1 } from "../auth/verify.js";

const RSA = generateKeyPairSync("rsa", { modulusLength: 2048 });
const EC = {
  "256": generateKeyPairSync("ec", { namedCurve: "P-256" }),
  "384": generateKeyPairSync("ec", { namedCurve: "P-384" }),
  "512": generateKeyPairSync("ec", { namedCurve: "P-521" }),
};
const CREDENTIALS: Credentials = {
  token: "test-token",
  apiKey: "test-api-key",
  username: "test-user",
  password: "test-password",
  oauth1: {
    consumerKey: "test-consumer-key",
    consumerSecret: "test-consumer-secret",
    token: "test-oauth-token",
    tokenSecret: "test-token-secret",
    privateKey: RSA.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  },
  aws: { accessKeyId: "AKIDTEST", secretAccessKey: "test-aws-secret", sessionToken: "test-session-token" },
};

/**
 * JWT keys, as values of the variables a collection's jwt auth may name (newman and the client
 * both read them there): a secret for the HS algorithms, PEM private keys for the others.
 */
const JWT_VARIABLES: Record<string, string> = {
  jwt_secret: "test-jwt-secret-of-some-length",
  jwt_rsa_key: RSA.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  ...Object.fromEntries(
    Object.entries(EC).map(([bits, pair]) => [
      `jwt_ec${bits}_key`,
      pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    ]),
  ),
};

/** The parameters of a signed scheme that change with each request. */
const VOLATILE = new Set(["oauth_nonce", "oauth_timestamp", "oauth_signature", "oauth_body_hash"]);

/** How an item's auth is compared: signed schemes by what their signature means, checked by others' implementations. */
function authView(op: OperationModel, origin: string): AuthView {
  if (op.auth.type === "custom") return "scheme";
  if (op.auth.type === "oauth1") {
    return (request) => {
      const { ok, params } = verifyOAuth1(request, origin, { ...CREDENTIALS.oauth1, publicKey: RSA.publicKey });
      const stable = Object.fromEntries(
        Object.entries(params)
          .filter(([key]) => !VOLATILE.has(key))
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      );
      // A body hash is compared by its presence: it is checked with the signature.
      return {
        verified: ok,
        params: { ...stable, ...(params["oauth_body_hash"] ? { oauth_body_hash: "present" } : {}) },
        added: Object.keys(params),
      };
    };
  }
  if (op.auth.type === "awsv4") {
    return (request) => {
      const { ok, credential, query } = verifyAwsV4(request, CREDENTIALS.aws);
      // The scope without its date; the signed headers may differ (the client signs the content type it sends).
      const [key, , region, service] = credential.split("/");
      const added = query ? request.query.map(([name]) => name).filter((name) => name.startsWith("X-Amz-")) : [];
      return {
        verified: ok,
        params: { key: key ?? "", region: region ?? "", service: service ?? "", in: query ? "query" : "header" },
        added,
      };
    };
  }
  if (op.auth.type === "edgegrid") {
    const auth = op.auth;
    return (request) => {
      // Both read the collection's {{variables}}, which the environment gives test values.
      const fill = (template: string | undefined) =>
        (template ?? "").replace(
          /\{\{([^{}]+)\}\}/g,
          (_m, name: string) => `test-${name.replace(/[^A-Za-z0-9_-]+/g, "-")}`,
        );
      const secrets = {
        clientToken: fill(auth.clientToken),
        clientSecret: fill(auth.clientSecret),
        accessToken: fill(auth.accessToken),
      };
      const signedHost = auth.baseURL ? `${new URL(origin).protocol}//${new URL(auth.baseURL).host}` : origin;
      const { ok, params } = verifyEdgeGrid(
        request,
        signedHost,
        secrets,
        (auth.headersToSign ?? "")
          .split(",")
          .map((h) => h.trim())
          .filter(Boolean),
      );
      return {
        verified: ok,
        params: { client_token: params["client_token"] ?? "", access_token: params["access_token"] ?? "" },
        added: [],
      };
    };
  }
  if (op.auth.type === "jwt") {
    const { addTokenTo, queryParamKey } = op.auth;
    return (request) => {
      const inQuery = addTokenTo === "queryParam";
      const name = queryParamKey ?? "token";
      const token = inQuery
        ? (request.query.find(([key]) => key === name)?.[1] ?? "")
        : (single(request.headers.authorization) ?? "").split(" ").pop()!;
      const [header = "", payload = "", signature = ""] = token.split(".");
      const decoded = (part: string) => Buffer.from(part, "base64url").toString();
      // The claims and header say what the token means; its signature is checked with node:crypto (PS and ES differ each time).
      return {
        verified: verifyJwt(token),
        params: { header: decoded(header), payload: decoded(payload), signed: String(signature.length > 0) },
        added: inQuery ? [name] : [],
      };
    };
  }
  return "full";
}

/** A JWT's signature, checked with node:crypto against the test secret or public keys. */
function verifyJwt(token: string): boolean {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return false;
  const { alg } = JSON.parse(Buffer.from(header, "base64url").toString()) as { alg: string };
  const data = Buffer.from(`${header}.${payload}`);
  const bytes = Buffer.from(signature, "base64url");
  const bits = alg.slice(2);
  const hash = `sha${bits}`;
  if (alg.startsWith("HS")) return createHmac(hash, JWT_VARIABLES["jwt_secret"]!).update(data).digest().equals(bytes);
  if (alg.startsWith("RS")) return verify(hash, data, RSA.publicKey, bytes);
  if (alg.startsWith("PS"))
    return verify(
      hash,
      data,
      { key: RSA.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(bits) / 8 },
      bytes,
    );
  return verify(hash, data, { key: EC[bits as keyof typeof EC].publicKey, dsaEncoding: "ieee-p1363" }, bytes);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

export interface ItemResult {
  source: string;
  call: string;
  /**
   * `allowed`: every difference is allowed; `different`: one at least is not. `unsent`: newman
   * could not send the item (it is left out of the conformance figure).
   */
  outcome: "identical" | "allowed" | "different" | "unsent";
  /** Every way the client's request differs from newman's (compare.ts's order), none when identical. */
  differences?: Found[];
  newmanError?: string;
}

/** A difference, and the allowlist entry that covers it: none, a difference that fails. */
export interface Found extends Difference {
  allowance?: Allowance;
}

/** An item's differences that no allowlist entry covers, as a failure prints them. */
export function unallowed(item: ItemResult): Array<{ item: string; call: string } & Difference> {
  return (item.differences ?? [])
    .filter((d) => !d.allowance)
    .map(({ aspect, newman, client }) => ({ item: item.source, call: item.call, aspect, newman, client }));
}

export interface Report {
  collection: string;
  items: ItemResult[];
}

export async function runConformance(collectionFile: string, packageDir: string): Promise<Report> {
  const collectionName = collectionFile.split("/").pop()!;
  const model = await loadCollection(collectionFile);
  const json = JSON.parse(readFileSync(collectionFile, "utf8").replace(/^\ufeff/, "")) as JsonObject;
  const server = await startRecordingServer();
  try {
    const variables = environment(model, json, server.url);
    const dir = dirname(collectionFile);
    const newmanErrors = await runNewman(newmanCollection(json, server.url, CREDENTIALS), variables, dir);
    const byItem = new Map<string, RecordedRequest>();
    for (const request of server.requests) {
      const marker = markerOf(request);
      if (marker !== undefined && !byItem.has(marker)) byItem.set(marker, request);
    }
    server.reset();
    const clientRequests = await runClient(model, json, packageDir, server, variables, dir);
    const items = model.operations.map((op): ItemResult => {
      const call = ["client", ...op.namespace, op.name].join(".");
      const fromNewman = byItem.get(op.source);
      if (!fromNewman)
        return {
          source: op.source,
          call,
          outcome: "unsent",
          ...(newmanErrors.get(op.source) ? { newmanError: newmanErrors.get(op.source)! } : {}),
        };
      const fromClient = clientRequests.get(op.source)!;
      // The headers the item declares, those the client leaves out or fetch replaces (Host) too.
      const headerNames = [
        ...new Set([
          ...op.args.filter((a) => a.in === "header" && !a.disabled).map((a) => a.name.toLowerCase()),
          ...declaredHeaders(json, op.source),
        ]),
      ].filter((n) => n !== "content-type");
      const view = authView(op, server.url);
      const found =
        "request" in fromClient
          ? differences(meaning(fromNewman, headerNames, view), meaning(fromClient.request, headerNames, view))
          : [{ aspect: "sent", newman: "a request", client: fromClient.error }];
      if (found.length === 0) return { source: op.source, call, outcome: "identical" };
      const warnings = model.warnings.filter((w) => w.file === undefined && w.source.startsWith(`${op.source}.`));
      // Each difference on its own: an allowed one hides no other.
      const judged = found.map((d): Found => {
        const allowance = allowed(collectionName, op, d, warnings, found, {
          newman: fromNewman.target,
          client: "request" in fromClient ? fromClient.request.target : "",
        });
        return allowance ? { ...d, allowance } : d;
      });
      return {
        source: op.source,
        call,
        outcome: judged.every((d) => d.allowance) ? "allowed" : "different",
        differences: judged,
      };
    });
    return { collection: collectionName, items };
  } finally {
    await server.close();
  }
}

/**
 * Values for every variable the collection refers to but does not define, the same for newman
 * and the client; a variable that is a whole base URL (`{{baseUrl}}`) points at the server instead.
 */
function environment(model: ApiModel, json: JsonObject, serverUrl: string): Record<string, string> {
  const names = new Set([...JSON.stringify(json).matchAll(/\{\{([^{}"\\]+)\}\}/g)].map((m) => m[1]!));
  const defaults = new Map(
    model.variables.flatMap((v) => (v.default !== undefined ? [[v.name, v.default] as const] : [])),
  );
  const values: Record<string, string> = {};
  for (const name of [...names].sort())
    if (!defaults.has(name)) values[name] = JWT_VARIABLES[name] ?? `test-${name.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
  for (const base of [model.baseUrl, ...model.operations.map((op) => op.base ?? "")]) {
    const sole = /^\{\{([^{}]+)\}\}$/.exec(base)?.[1];
    if (sole) values[sole] = serverBase(model, base, serverUrl) + basePath(base, (n) => values[n] ?? defaults.get(n));
  }
  return values;
}

/**
 * The server's address for a base: without its scheme where the collection's own value of the
 * base names none (`localhost:3000/api`), so that newman and the client each default it.
 */
function serverBase(model: ApiModel, base: string, serverUrl: string): string {
  let own: string;
  try {
    own = fillTemplate(base, (n) => model.variables.find((v) => v.name === n)?.default, "base");
  } catch {
    return serverUrl;
  }
  return /^[^/]/.test(own) && !own.includes("://") ? serverUrl.replace(/^http:\/\//, "") : serverUrl;
}

async function runNewman(
  collection: JsonObject,
  variables: Record<string, string>,
  dir: string,
): Promise<Map<string, string>> {
  const errors = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    newman
      .run(
        {
          collection: collection as never,
          environment: {
            values: Object.entries(variables).map(([key, value]) => ({ key, value, enabled: true })),
          } as never,
          reporters: [],
          timeoutRequest: 10_000,
          ignoreRedirects: true,
          // A file part's `src` is read from the collection's folder.
          workingDir: dir,
        },
        (error) => (error ? reject(error) : resolve()),
      )
      .on("request", (error, args) => {
        if (!error) return;
        const marker = args.item?.request?.headers?.get?.("x-conformance-item");
        if (typeof marker === "string") errors.set(marker, error.message);
      });
  });
  return errors;
}

async function runClient(
  model: ApiModel,
  json: JsonObject,
  packageDir: string,
  server: RecordingServer,
  variables: Record<string, string>,
  dir: string,
): Promise<Map<string, { request: RecordedRequest } | { error: string }>> {
  const lookup = (name: string) => variables[name] ?? model.variables.find((v) => v.name === name)?.default;
  const pkg = (await import(pathToFileURL(join(packageDir, "dist/index.js")).href)) as {
    createClient(options: object): Record<string, unknown>;
  };
  const client = pkg.createClient({
    baseUrl: serverBase(model, model.baseUrl, server.url) + basePath(model.baseUrl, lookup),
    baseUrls: Object.fromEntries(
      model.operations.flatMap((op) =>
        op.base !== undefined ? [[op.base, serverBase(model, op.base, server.url) + basePath(op.base, lookup)]] : [],
      ),
    ),
    variables,
    token: CREDENTIALS.token,
    apiKey: CREDENTIALS.apiKey,
    basic: { username: CREDENTIALS.username, password: CREDENTIALS.password },
    oauth1: CREDENTIALS.oauth1,
    aws: CREDENTIALS.aws,
    sign: (request: { headers: Headers; scheme: string }) =>
      request.headers.set("authorization", `OAuth signed-by-the-caller-${request.scheme}`),
    maxRetries: 0,
  });
  const results = new Map<string, { request: RecordedRequest } | { error: string }>();
  // Values the generator left out of the client as credentials: the caller passes them, as newman
  // sends them from the collection.
  const leftOut = new Set(
    model.warnings
      .filter((w) => w.file === undefined && w.message.includes("is left out of the client"))
      .map((w) => w.source),
  );
  for (const op of model.operations) {
    const method = [...op.namespace, op.name].reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)[key],
      client,
    ) as (args: object) => Promise<unknown>;
    const before = server.requests.length;
    const error = await method(itemArgs(op, json, leftOut, dir)).then(
      () => undefined,
      // An error status is the server's answer, not a failure to send.
      (e: Error) => (typeof (e as { status?: unknown }).status === "number" ? undefined : `${e.name}: ${e.message}`),
    );
    const request = server.requests[before];
    results.set(op.source, request ? { request } : { error: error ?? "no request arrived" });
  }
  return results;
}

/**
 * The values the item itself holds: examples as written (placeholders too), none for defaults or
 * disabled entries; a credential the client left out, as the collection writes it; a file part's
 * file, as newman reads it from its `src` (a File of that name and the part's type), when it exists.
 */
function itemArgs(
  op: OperationModel,
  json: JsonObject,
  leftOut: ReadonlySet<string>,
  dir: string,
): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of op.args) {
    const value =
      leftOut.has(arg.source) && !arg.disabled
        ? leftOutValue(json, arg)
        : arg.type === "file" && !arg.disabled
          ? fileAt(json, arg.source, dir)
          : itemValue(arg);
    if (value !== undefined)
      Object.defineProperty(args, arg.arg, { value, enumerable: true, writable: true, configurable: true });
  }
  return args;
}

/**
 * What the item writes for an argument a credential was left out of: an entry's `value`, or a JSON
 * body's field (the whole body for `body`) as written. A default is the client's own to send.
 */
function leftOutValue(json: JsonObject, arg: ArgModel): unknown {
  const node = nodeAt(json, arg.source);
  if (arg.type !== "json") return (node as { value?: unknown } | undefined)?.value;
  if (arg.default !== undefined || typeof node !== "string") return itemValue(arg);
  const body = JSON.parse(node) as unknown;
  return arg.name === "body" && (typeof body !== "object" || body === null || Array.isArray(body))
    ? body
    : (body as Record<string, unknown>)[arg.name];
}

/** The node at a JSON place such as `item[0].request.header[2]`. */
function nodeAt(json: JsonObject, source: string): unknown {
  let node: unknown = json;
  for (const [, key, index] of source.matchAll(/(\w+)(?:\[(\d+)\])?/g)) {
    node = (node as Record<string, unknown> | undefined)?.[key!];
    if (index !== undefined) node = (node as unknown[] | undefined)?.[Number(index)];
  }
  return node;
}

/** The file a form-data part at a JSON place names, as a File of its name and the part's type. */
function fileAt(json: JsonObject, source: string, dir: string): File | undefined {
  const part = nodeAt(json, source) as { src?: unknown; contentType?: unknown } | undefined;
  // An empty `src` (a file field never filled in) resolves to the folder itself: no file.
  const path = typeof part?.src === "string" ? resolve(dir, part.src) : undefined;
  if (path === undefined || !statSync(path, { throwIfNoEntry: false })?.isFile()) return undefined;
  const type = typeof part!.contentType === "string" ? part!.contentType : "";
  return new File([readFileSync(path)], basename(path), { type });
}

/** The lower-cased names of the enabled headers an item declares (a list, or text of `Name: value` lines). */
function declaredHeaders(json: JsonObject, item: string): string[] {
  const header = (nodeAt(json, item) as { request?: { header?: unknown } } | undefined)?.request?.header;
  const names =
    typeof header === "string"
      ? header.split("\n").map((line) => line.split(":")[0]!.trim())
      : Array.isArray(header)
        ? header.flatMap((h: { key?: unknown; disabled?: unknown }) =>
            typeof h?.key === "string" && h.disabled !== true ? [h.key] : [],
          )
        : [];
  return names.filter((n) => n !== "" && !n.includes("{{")).map((n) => n.toLowerCase());
}

function itemValue(arg: ArgModel): unknown {
  if (arg.disabled || arg.default !== undefined || arg.type === "file") return undefined;
  if (arg.example !== undefined) return arg.example;
  if (arg.typeHint && arg.typeHint !== "graphql") return `<${arg.typeHint}>`;
  // A path variable without a value stays in the URL as written (`:job_id`) when Postman sends it.
  if (arg.in === "path") return `:${arg.name}`;
  return undefined;
}
