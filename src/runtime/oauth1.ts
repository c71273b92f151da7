// OAuth 1.0a (RFC 5849), signed for each request as Postman signs it (postman-runtime's
// lib/authorizer/oauth1.js): the signature base string from the method, the URL without its query,
// and every parameter (query, urlencoded body, oauth_*), sorted after percent-encoding; the
// parameters in the Authorization header, else in the urlencoded body of a POST or PUT, else in
// the query. Credentials (the consumer key, and its secret or, for RSA, the private key) come from
// the client's `oauth1` option, else the collection's variables; without them the call is refused
// (needCredential), where Postman sends it unsigned.
import { declined, setQuery, type Authorizer } from "./auth.js";
import { formText } from "./bodies.js";
import {
  authValue,
  base64,
  bodyBytes,
  digest,
  hmac,
  importPrivateKey,
  needCredential,
  percentEncode,
  randomString,
  refuse,
  setAuthHeader,
  source,
  unixTime,
  type TextField,
} from "./signing.js";
import { OAUTH1_HASHES as HASHES, oauth1KeyAlgorithm } from "./signing-keys.js";
import { schemeSecrets } from "./sent-secrets.js";
import type { OAuth1Spec } from "./spec.js";

/**
 * Whether OAuth 1 without its header adds its parameters to a urlencoded body of `method` (a POST
 * or PUT, as postman-runtime does) rather than to the query: the client's signing and the emitted
 * tests' expectation (emit/expectations.ts) both ask here.
 */
export const signsInForm = (method: string): boolean => /PUT|POST/.test(method);

export const authorizeOAuth1: Authorizer = async (op, request, options, lookup) => {
  if (declined(options, "oauth1")) return;
  const auth = op.auth as OAuth1Spec;
  const given = options.oauth1 ?? {};
  const value = (key: keyof typeof given) => authValue(op, auth, key, lookup, given[key]);
  const setting = (field: TextField<OAuth1Spec>) => authValue(op, auth, field, lookup);
  const consumerKey = value("consumerKey");
  const method = (setting("signatureMethod") || "HMAC-SHA1").toUpperCase();
  const [kind, hashName] = method.split("-") as [string, string | undefined];
  const hash = hashName ? HASHES[hashName] : undefined;
  if ((kind !== "HMAC" && kind !== "RSA" && method !== "PLAINTEXT") || (kind !== "PLAINTEXT" && !hash)) {
    refuse(
      op,
      `the oauth1 signature method ${JSON.stringify(method)} is not one of HMAC-SHA1, HMAC-SHA256, HMAC-SHA512, RSA-SHA1, RSA-SHA256, RSA-SHA512, PLAINTEXT`,
    );
  }
  const consumerSecret = value("consumerSecret");
  const privateKey = kind === "RSA" ? value("privateKey") : undefined;
  // Only the caller's header is theirs: parameters in the query or body are the signer's to set.
  const sent = auth.addParamsToHeader === true && request.headers.has("authorization");
  needCredential(op, "oauth1", kind === "RSA" ? { consumerKey, privateKey } : { consumerKey, consumerSecret }, sent);
  if (!consumerKey || (kind === "RSA" ? !privateKey : !consumerSecret)) return;

  const addEmpty = auth.addEmptyParamsToSign === true;
  const { url } = request;
  const form =
    op.body === "urlencoded" ? new URLSearchParams(request.body as string | URLSearchParams | undefined) : undefined;
  const params: Array<[string, string]> = [
    ["oauth_consumer_key", consumerKey],
    ["oauth_token", value("token") ?? ""],
    ["oauth_signature_method", method],
    ["oauth_timestamp", setting("timestamp") || unixTime()],
    ["oauth_nonce", setting("nonce") || randomString(11)],
    ["oauth_version", setting("version") ?? ""],
  ];
  // Extensions of the original protocol: sent only when not empty, whatever addEmptyParamsToSign says.
  if (auth.includeBodyHash && hash && !form)
    params.push(["oauth_body_hash", base64(await digest(hash, (await bodyBytes(request)).bytes))]);
  for (const [name, field] of [
    ["oauth_callback", "callback"],
    ["oauth_verifier", "verifier"],
  ] as const) {
    const filled = setting(field);
    if (filled) params.push([name, filled]);
  }
  const oauth = params.filter(([, v]) => addEmpty || v.trim() !== "");

  // Query and urlencoded body parameters are signed decoded, as a form decodes them.
  const signed = [...oauth, ...decodeForm(url.search.slice(1))];
  form?.forEach((v, k) => signed.push([k, v]));
  const normalized = signed
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const baseString = [request.method.toUpperCase(), `${url.protocol}//${url.host}${url.pathname}`, normalized]
    .map(percentEncode)
    .join("&");
  const key = `${percentEncode(consumerSecret ?? "")}&${percentEncode(value("tokenSecret") ?? "")}`;
  let signature: string;
  if (kind === "HMAC") signature = base64(await hmac(hash!, key, baseString));
  else if (kind === "RSA") {
    const cryptoKey = await importPrivateKey(op, privateKey!, oauth1KeyAlgorithm(method)!, "the oauth1 private key");
    signature = base64(new Uint8Array(await crypto.subtle.sign("RSASSA-PKCS1-v1_5", cryptoKey, source(baseString))));
  } else signature = key;
  oauth.push(["oauth_signature", signature]);

  if (auth.addParamsToHeader) {
    const encode = auth.disableHeaderEncoding ? (text: string) => text : percentEncode;
    const realm = setting("realm")?.trim();
    const parts = [
      ...(realm ? [`realm="${encode(realm)}"`] : []),
      ...oauth.filter(([, v]) => addEmpty || v !== "").map(([k, v]) => `${encode(k)}="${encode(v.trim())}"`),
    ];
    setAuthHeader(op, request, "authorization", `OAuth ${parts.join(",")}`, "the oauth1 Authorization header");
  } else if (form && signsInForm(request.method)) {
    for (const [k, v] of oauth) form.append(k, v);
    // Written as the body it joins is (bodies.ts), so that what is signed is what is sent.
    request.body = formText(form);
    // An empty form went untyped (fetch typed the text text/plain): newman types it as a form.
    if (!request.headers.has("content-type")) request.headers.set("content-type", "application/x-www-form-urlencoded");
    // The form's oauth_* pairs are credentials an error masks too.
    request.sentSecrets = schemeSecrets;
  } else {
    setQuery(url, [url.search.slice(1), ...oauth.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)]);
  }
};

/**
 * `a=1&b=x+y` → [["a", "1"], ["b", "x y"]], as application/x-www-form-urlencoded decodes: each
 * escape on its own, so that a stray % (from a base URL written that way) is signed as it stands
 * and the escapes beside it still decoded, as a server reads them.
 */
function decodeForm(query: string): Array<[string, string]> {
  return [...new URLSearchParams(query)];
}
