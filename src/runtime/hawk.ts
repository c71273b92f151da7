// Hawk, signed for each request as Postman signs it (postman-runtime's lib/authorizer/hawk.js, with
// postman-request's Hawk header): a MAC over the time, a nonce, the method, the path and query, the
// host and port, the payload hash when the collection asks for one, and ext, app and dlg. sha256
// unless the collection says sha1. Credentials (an id and a key) come from the client's `hawk`
// option, else the collection's variables; without them the call is refused (needCredential).
import { declined, type Authorizer } from "./auth.js";
import {
  authValue,
  base64,
  bodyBytes,
  digest,
  hmac,
  needCredential,
  randomString,
  refuse,
  setAuthHeader,
  unixTime,
  utf8,
  type TextField,
} from "./signing.js";
import type { HawkSpec } from "./spec.js";

export const authorizeHawk: Authorizer = async (op, request, options, lookup) => {
  if (declined(options, "hawk")) return;
  const auth = op.auth as HawkSpec;
  const setting = (field: TextField<HawkSpec>) => authValue(op, auth, field, lookup);
  const id = authValue(op, auth, "authId", lookup, options.hawk?.id);
  const key = authValue(op, auth, "authKey", lookup, options.hawk?.key);
  needCredential(op, "hawk", { id, key }, request.headers.has("authorization"));
  if (!id || !key) return;
  const algorithm = (authValue(op, auth, "algorithm", lookup, options.hawk?.algorithm) ?? "sha256").toLowerCase();
  if (algorithm !== "sha256" && algorithm !== "sha1")
    refuse(op, `the hawk algorithm ${JSON.stringify(algorithm)} is not sha256 or sha1`);
  const hash = algorithm === "sha1" ? "SHA-1" : "SHA-256";
  const { url } = request;
  let payloadHash: string | undefined;
  // As Postman: the payload's hash only when asked for, and only for a body.
  if (auth.includePayloadHash && request.body !== undefined) {
    const { bytes, contentType } = await bodyBytes(request);
    const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
    const prefix = utf8(`hawk.1.payload\n${mediaType}\n`);
    const payload = new Uint8Array(prefix.length + bytes.length + 1);
    payload.set(prefix);
    payload.set(bytes, prefix.length);
    payload[payload.length - 1] = 0x0a;
    payloadHash = base64(await digest(hash, payload));
  }
  const ts = setting("timestamp") || unixTime();
  const nonce = setting("nonce") || randomString(6);
  const ext = setting("extraData");
  const app = setting("app");
  const dlg = setting("delegation");
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const normalized = [
    "hawk.1.header",
    ts,
    nonce,
    request.method.toUpperCase(),
    url.pathname + url.search,
    url.hostname.toLowerCase(),
    port,
    payloadHash ?? "",
    (ext ?? "").replace(/\\/g, "\\\\").replace(/\n/g, "\\n"),
    ...(app ? [app, dlg ?? ""] : []),
    "",
  ].join("\n");
  const mac = base64(await hmac(hash, key, normalized));
  const attribute = (text: string) => text.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
  const header =
    `Hawk id="${id}", ts="${ts}", nonce="${nonce}"` +
    (payloadHash ? `, hash="${payloadHash}"` : "") +
    (ext ? `, ext="${attribute(ext)}"` : "") +
    `, mac="${mac}"` +
    (app ? `, app="${app}"${dlg ? `, dlg="${dlg}"` : ""}` : "");
  setAuthHeader(op, request, "authorization", header, "the Hawk Authorization header");
};
