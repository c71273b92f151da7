// What the command line fuzz draws beyond the wire fuzz's collections (test/fuzz/wire-arbitrary.ts,
// whose draws stay as they are): file fields in form-data bodies, and Postman environments to
// generate with, which `--environment <name>` and the client's `environment` option choose. An
// environment may hold the base URL: `<server>{{route}}`, where SERVER stands for the recording
// server's URL (known only once it runs) and `route` is given at run time to tell the senders apart,
// as a base URL made of variables is (`https://{{region}}.example.com`). And now and then a signing
// auth (AWS Signature v4, Hawk, OAuth 1.0a, Akamai EdgeGrid, JWT), on the collection or on one
// request, its credentials left out so that the command line's flags and environment give them.
import fc from "fast-check";
import { VARIABLES, reference, wireCollection, wireText } from "../fuzz/wire-arbitrary.js";

/** Replaced by the recording server's URL when the environment's file is written. */
export const SERVER = "http://cli-fuzz-server.invalid";
/** The variable the base URL of an environment ends with: each sender's own path. */
export const ROUTE = "route";

export interface EnvironmentValue {
  key: string;
  value: string;
  type?: "default" | "secret";
  enabled?: boolean;
}

export interface DrawnEnvironment {
  /** The name inside the file. */
  name: string;
  /** The config's key for it, which wins over the file's name. */
  key?: string;
  values: EnvironmentValue[];
}

export interface CliInputs {
  collection: Record<string, unknown>;
  environments: DrawnEnvironment[];
}

/** The auth types the client signs each request with, which the fuzz checks by an independent verifier. */
export const SIGNING = ["awsv4", "hawk", "oauth1", "edgegrid", "jwt"] as const;

const setting = (key: string, value: unknown) => ({
  key,
  value,
  type: typeof value === "boolean" ? "boolean" : "string",
});

/**
 * Signing auths with their settings only: a credential written out in a collection is not kept
 * (src/load/auth.ts), so each is one the command line asks for. Digest is not drawn: its first
 * request waits for a server's challenge, which the recording server does not send.
 */
const signingAuth = fc.oneof(
  fc
    .tuple(fc.constantFrom("us-east-1", "eu-west-1"), fc.constantFrom("execute-api", "es"))
    .map(([region, service]) => ({ type: "awsv4", awsv4: [setting("region", region), setting("service", service)] })),
  fc.tuple(fc.constantFrom("sha256", "sha1"), fc.boolean()).map(([algorithm, hash]) => ({
    type: "hawk",
    hawk: [setting("algorithm", algorithm), setting("includePayloadHash", hash)],
  })),
  fc.constantFrom("HMAC-SHA1", "HMAC-SHA256", "PLAINTEXT").map((method) => ({
    type: "oauth1",
    oauth1: [setting("signatureMethod", method), setting("addParamsToHeader", true)],
  })),
  fc.constant({ type: "edgegrid", edgegrid: [] }),
  fc.constantFrom("HS256", "HS384", "HS512").map((algorithm) => ({
    type: "jwt",
    jwt: [
      setting("algorithm", algorithm),
      setting("payload", '{"sub": "cli-fuzz", "n": 1}'),
      setting("addTokenTo", "header"),
      setting("headerPrefix", "Bearer"),
    ],
  })),
);

/** The collection with `auth` on it, or on one of its requests (the first, the last), which overrides any it inherits. */
function withAuth(collection: Record<string, unknown>, auth: object, at: "collection" | "first" | "last") {
  if (at === "collection") return { ...collection, auth };
  const requests: Array<Record<string, unknown>> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const item = node as Record<string, unknown>;
      if (typeof item["request"] === "object") requests.push(item["request"] as Record<string, unknown>);
      else walk(item["item"]);
    }
  };
  const copy = structuredClone(collection);
  walk(copy["item"]);
  const request = at === "first" ? requests[0] : requests.at(-1);
  if (request) request["auth"] = auth;
  return copy;
}

type Gen = fc.GeneratorValue;

/** Files as a collection names them: one, none (a field filled at run time only), several. */
const FILE_SOURCES: Array<string | string[] | undefined> = [
  "/Users/me/pic.png",
  "/data/notes.txt",
  "report",
  "",
  undefined,
  ["/a/one.txt", "/a/two.json"],
];

/**
 * The collection with some of its form-data text fields turned into file fields, and, where
 * `baseUrl`, every request's host `{{baseUrl}}` (the client's base then, which an environment
 * may hold).
 */
function withFileFields(node: unknown, g: Gen, baseUrl: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => withFileFields(n, g, baseUrl));
  if (typeof node !== "object" || node === null) return node;
  const object = node as Record<string, unknown>;
  if (baseUrl && Array.isArray(object["host"]) && "path" in object) {
    const { protocol: _protocol, ...url } = object;
    return { ...url, host: ["{{baseUrl}}"] };
  }
  let body = object["body"] as { mode?: string; formdata?: Array<Record<string, unknown>> } | undefined;
  // A request with no body, now and then, uploads a file; an urlencoded form is sent as a multipart one.
  if (typeof object["method"] === "string" && g(() => fc.integer({ min: 0, max: 3 })) === 0) {
    if (body === undefined) body = { mode: "formdata", formdata: [{ key: "file", value: "", type: "text" }] };
    else if (body.mode === "urlencoded")
      body = { mode: "formdata", formdata: (body as { urlencoded: Array<Record<string, unknown>> }).urlencoded };
  }
  if (body?.mode === "formdata" && body.formdata) {
    const formdata = body.formdata.map((field) => {
      if (g(() => fc.boolean())) return field;
      const src = g(() => fc.constantFrom(...FILE_SOURCES));
      const fileName = g(() => fc.option(fc.constantFrom("upload.bin", "名前.txt"), { freq: 4 }));
      const { value: _text, ...rest } = field;
      return {
        ...rest,
        type: "file",
        ...(src !== undefined ? { src } : {}),
        ...(fileName !== null ? { fileName } : {}),
      };
    });
    return { ...object, body: { mode: "formdata", formdata } };
  }
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, withFileFields(v, g, baseUrl)]));
}

const NAMES = ["staging", "Staging", "production", "EU (west)", "名前", "a b"];

const environmentValue = fc.record(
  {
    key: fc.constantFrom(...VARIABLES),
    value: fc.oneof({ weight: 3, arbitrary: wireText }, { weight: 1, arbitrary: reference }),
    type: fc.constantFrom("default" as const, "secret" as const),
    enabled: fc.boolean(),
  },
  { requiredKeys: ["key", "value"] },
);

const environment = fc
  .record({
    values: fc.array(environmentValue, { maxLength: 4 }),
    // The base URL as a variable the environment holds, ending in the sender's route.
    base: fc.boolean(),
    key: fc.boolean(),
  })
  .map(({ values, base, key }) => ({
    values: base
      ? [...values, { key: "baseUrl", value: `${SERVER}{{${ROUTE}}}` }, { key: ROUTE, value: "/unused" }]
      : values,
    key,
  }));

/** None now and then, as most collections come; else one or two, named apart. */
const environments = fc
  .oneof(
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 3, arbitrary: fc.array(environment, { minLength: 1, maxLength: 2 }) },
  )
  .chain((list) =>
    fc
      .shuffledSubarray(NAMES, { minLength: list.length, maxLength: list.length })
      .map((names) =>
        list.map(({ values, key }, i): DrawnEnvironment =>
          key ? { name: `file ${i}`, key: names[i]!, values } : { name: names[i]!, values },
        ),
      ),
  );

export const cliInputs: fc.Arbitrary<CliInputs> = fc
  .record({
    collection: wireCollection,
    g: fc.gen(),
    environments,
    baseUrl: fc.boolean(),
    // About half the cases: the others keep the wire fuzz's auths as they were.
    signing: fc.option(
      fc.tuple(signingAuth, fc.constantFrom("collection" as const, "first" as const, "last" as const)),
    ),
  })
  .map(({ collection, g, environments, baseUrl, signing }) => {
    const withFiles = withFileFields(collection, g, baseUrl) as Record<string, unknown>;
    return { collection: signing ? withAuth(withFiles, signing[0], signing[1]) : withFiles, environments };
  });
