// The copy of a collection that newman runs: every request sent to the recording server, scripts
// removed (nothing may run or call out), credentials the collection leaves empty filled with the
// same test values the client gets, and a marker header naming each item's JSON path.
import { isObject, type JsonObject } from "../../src/load/json.js";

export const MARKER = "x-conformance-item";

export interface Credentials {
  token: string;
  apiKey: string;
  username: string;
  password: string;
  oauth1: { consumerKey: string; consumerSecret: string; token: string; tokenSecret: string; privateKey: string };
  aws: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

export function newmanCollection(collection: JsonObject, serverUrl: string, credentials: Credentials): JsonObject {
  const copy = structuredClone(collection);
  const server = new URL(serverUrl);
  const v20 = String((copy["info"] as JsonObject)["schema"]).includes("v2.0.0");
  const visit = (node: JsonObject, source: string): void => {
    delete node["event"];
    if (isObject(node["auth"])) node["auth"] = withCredentials(node["auth"], credentials, v20);
    if (Array.isArray(node["item"])) {
      node["item"].forEach((child, i) => isObject(child) && visit(child, `${source ? `${source}.` : ""}item[${i}]`));
      return;
    }
    if (node["request"] === undefined || node["request"] === null) return;
    if (typeof node["request"] === "string") node["request"] = { url: node["request"], method: "GET" };
    const request = node["request"] as JsonObject;
    if (isObject(request["auth"])) request["auth"] = withCredentials(request["auth"], credentials, v20);
    request["url"] = redirect(request["url"], server);
    const header = request["header"];
    const marker = { key: MARKER, value: source };
    if (Array.isArray(header)) header.push(marker);
    else if (typeof header === "string") request["header"] = `${header}\n${MARKER}: ${source}`;
    else request["header"] = [marker];
  };
  visit(copy, "");
  return copy;
}

/**
 * Sends a URL to the server: a literal or templated host (`https://{{env_url}}`) is replaced;
 * a host that is one variable and no protocol (`{{baseUrl}}`) is left to the environment, which
 * points that variable at the server.
 */
function redirect(url: unknown, server: URL): unknown {
  if (typeof url === "string") {
    const match = /^([a-z]+:\/\/)?([^/?#]*)(.*)$/i.exec(url)!;
    if (!match[1] && /^\{\{[^{}]+\}\}$/.test(match[2]!)) return url;
    return `${server.protocol}//${server.host}${match[3]}`;
  }
  if (!isObject(url)) return url;
  const host = Array.isArray(url["host"]) ? url["host"].join(".") : String(url["host"] ?? "");
  if (!url["protocol"] && !url["port"] && /^\{\{[^{}]+\}\}$/.test(host)) return url;
  const copy: JsonObject = {
    ...url,
    protocol: server.protocol.replace(":", ""),
    host: [server.hostname],
    port: server.port,
  };
  delete copy["raw"];
  return copy;
}

/**
 * Credentials become the test ones, whatever the collection holds (a literal, a variable, nothing):
 * the client gets the same as options, which take precedence over the collection's variables.
 * Every other entry stays as the collection writes it, its type too: typed "string", a boolean
 * `false` (addAuthDataToQuery, includeBodyHash) would reach newman as the text "false", which is true.
 */
function withCredentials(auth: JsonObject, credentials: Credentials, v20: boolean): JsonObject {
  const type = auth["type"];
  const fill: Record<string, Record<string, string>> = {
    // Where the token goes (addTokenTo, headerPrefix) is the collection's, for both.
    oauth2: { accessToken: credentials.token },
    bearer: { token: credentials.token },
    apikey: { value: credentials.apiKey },
    basic: { username: credentials.username, password: credentials.password },
    oauth1: credentials.oauth1,
    awsv4: {
      accessKey: credentials.aws.accessKeyId,
      secretKey: credentials.aws.secretAccessKey,
      sessionToken: credentials.aws.sessionToken,
    },
  };
  if (typeof type !== "string" || !fill[type]) return auth;
  const params = auth[type];
  // Each key's entry, as v2.1 lists them ({ key, value, type }).
  const existing = new Map<string, JsonObject>();
  if (Array.isArray(params)) for (const p of params) if (isObject(p)) existing.set(String(p["key"]), p);
  if (isObject(params)) for (const [key, value] of Object.entries(params)) existing.set(key, { key, value });
  for (const [key, value] of Object.entries(fill[type])) existing.set(key, { key, value, type: "string" });
  const entries = [...existing.values()];
  return {
    ...auth,
    [type]: v20 ? Object.fromEntries(entries.map((entry) => [entry["key"], entry["value"]])) : entries,
  };
}
