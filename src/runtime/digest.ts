// HTTP Digest (RFC 7616), answered as Postman answers it (postman-runtime's lib/authorizer/digest.js):
// the first request goes without auth; the server's 401 challenge (WWW-Authenticate: Digest …) is
// kept for the origin and the request sent again, signed. Later calls to the origin sign at once,
// counting the nonce's uses; a challenge with a new nonce (stale) is answered once, never in a loop.
// MD5, MD5-sess, SHA-256, SHA-256-sess; qop auth, auth-int, or none (RFC 2069). Credentials come
// from the client's `digest` option, else the collection's variables; without a username (the
// password may be empty, as Basic's) the call is refused (needCredential).
import { declined, type Authorizer } from "./auth.js";
import type { BuiltRequest } from "./request.js";
import {
  authValue,
  bodyBytes,
  digest,
  hex,
  needCredential,
  randomString,
  refuse,
  setAuthHeader,
  utf8,
} from "./signing.js";
import type { DigestSpec, CallSpec } from "./spec.js";

/** A server's Digest challenge, and how many times its nonce has been used. */
export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  /** As the server names it; MD5 when it names none. */
  algorithm: string;
  /** The qop the client chose among the server's, if it offered any. */
  qop?: "auth" | "auth-int";
  stale?: boolean;
  count: number;
}

const ALGORITHMS = ["MD5", "MD5-SESS", "SHA-256", "SHA-256-SESS"];

export const authorizeDigest: Authorizer = async (op, request, options, lookup, session) => {
  if (declined(options, "digest")) return;
  const auth = op.auth as DigestSpec;
  const username = authValue(op, auth, "username", lookup, options.digest?.username);
  // Without a username there is nothing to answer with: refused, or (the caller's header) the
  // request goes as it is.
  needCredential(op, "digest", { username }, request.headers.has("authorization"));
  if (username === undefined) return;
  const password = authValue(op, auth, "password", lookup, options.digest?.password) ?? "";
  const prefer = { algorithm: authValue(op, auth, "algorithm", lookup), qop: authValue(op, auth, "qop", lookup) };
  const key = `digest ${request.url.origin}`;
  const known = session.get(key) as DigestChallenge | undefined;
  if (known) {
    const nc = ++known.count;
    const header = await digestAuthorization({
      request,
      username,
      password,
      challenge: known,
      nc,
      cnonce: randomString(16),
    });
    setAuthHeader(op, request, "authorization", header, "the Digest Authorization header");
  }
  return (response) => {
    const challenge = chooseChallenge(op, response.headers.get("www-authenticate"), prefer);
    // The same nonce refused, not stale: the credentials are wrong, and asking again will not help.
    if (!challenge || (known && challenge.nonce === known.nonce && !challenge.stale)) return false;
    session.set(key, challenge);
    return true;
  };
};

/** The Digest challenge to answer among those a WWW-Authenticate header holds, or none. */
export function chooseChallenge(
  op: CallSpec,
  header: string | null,
  prefer: { algorithm?: string | undefined; qop?: string | undefined } = {},
): DigestChallenge | undefined {
  const offered = parseChallenges(header ?? "").filter(
    (c) => c.scheme.toLowerCase() === "digest" && c.params.has("nonce"),
  );
  if (!offered.length) return undefined;
  const algorithmOf = (c: (typeof offered)[number]) => (c.params.get("algorithm") ?? "MD5").toUpperCase();
  const supported = offered.filter((c) => ALGORITHMS.includes(algorithmOf(c)));
  const wanted = prefer.algorithm?.toUpperCase();
  const chosen = supported.find((c) => algorithmOf(c) === wanted) ?? supported[0];
  if (!chosen) {
    refuse(
      op,
      `the server asks for Digest with ${offered.map((c) => c.params.get("algorithm")).join(", ")}, which the client cannot compute (it has MD5, MD5-sess, SHA-256, SHA-256-sess)`,
    );
  }
  const params = chosen.params;
  const qops = (params.get("qop") ?? "").split(",").map((q) => q.trim().toLowerCase());
  const qop = [prefer.qop?.toLowerCase(), "auth", "auth-int"].find(
    (q): q is "auth" | "auth-int" => (q === "auth" || q === "auth-int") && qops.includes(q),
  );
  const opaque = params.get("opaque");
  return {
    realm: params.get("realm") ?? "",
    nonce: params.get("nonce")!,
    algorithm: params.get("algorithm") ?? "MD5",
    ...(opaque !== undefined ? { opaque } : {}),
    ...(qop ? { qop } : {}),
    ...(params.get("stale")?.toLowerCase() === "true" ? { stale: true } : {}),
    count: 0,
  };
}

/** The Authorization header answering `challenge` for the nc-th time (RFC 7616 section 3.4). */
export async function digestAuthorization({
  request,
  username,
  password,
  challenge,
  nc,
  cnonce,
}: {
  request: BuiltRequest;
  username: string;
  password: string;
  challenge: DigestChallenge;
  nc: number;
  cnonce: string;
}): Promise<string> {
  const algorithm = challenge.algorithm.toUpperCase();
  const H = async (text: string | Uint8Array) =>
    algorithm.startsWith("SHA-256")
      ? hex(await digest("SHA-256", text))
      : md5(typeof text === "string" ? utf8(text) : text);
  const uri = request.url.pathname + request.url.search;
  const count = nc.toString(16).padStart(8, "0");
  let ha1 = await H(`${username}:${challenge.realm}:${password}`);
  if (algorithm.endsWith("-SESS")) ha1 = await H(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = await H(
    challenge.qop === "auth-int"
      ? `${request.method}:${uri}:${await H((await bodyBytes(request)).bytes)}`
      : `${request.method}:${uri}`,
  );
  const response = await H(
    challenge.qop
      ? `${ha1}:${challenge.nonce}:${count}:${cnonce}:${challenge.qop}:${ha2}`
      : `${ha1}:${challenge.nonce}:${ha2}`,
  );
  const quote = (text: string) => `"${text.replace(/[\\"]/g, "\\$&")}"`;
  const parts = [
    `username=${quote(username)}`,
    `realm=${quote(challenge.realm)}`,
    `nonce=${quote(challenge.nonce)}`,
    `uri=${quote(uri)}`,
    `algorithm=${challenge.algorithm}`,
    ...(challenge.qop ? [`qop=${challenge.qop}`, `nc=${count}`, `cnonce=${quote(cnonce)}`] : []),
    `response=${quote(response)}`,
    ...(challenge.opaque !== undefined ? [`opaque=${quote(challenge.opaque)}`] : []),
  ];
  return `Digest ${parts.join(", ")}`;
}

/** `Digest realm="a", nonce="b", Basic realm="c"` → each scheme with its parameters (quoted strings unescaped). */
function parseChallenges(header: string): Array<{ scheme: string; params: Map<string, string> }> {
  const challenges: Array<{ scheme: string; params: Map<string, string> }> = [];
  const token = /\s*,?\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*(=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*)))?/y;
  let match: RegExpExecArray | null;
  while ((match = token.exec(header))) {
    const [, name, assignment, quoted, bare] = match;
    if (assignment === undefined) challenges.push({ scheme: name!, params: new Map() });
    else
      challenges[challenges.length - 1]?.params.set(
        name!.toLowerCase(),
        quoted !== undefined ? quoted.replace(/\\(.)/g, "$1") : bare!,
      );
  }
  return challenges;
}

/** MD5 (RFC 1321), hex: WebCrypto has none, and Digest's default is MD5. */
export function md5(bytes: Uint8Array): string {
  const length = bytes.length;
  const words = new Uint32Array((((length + 8) >>> 6) + 1) * 16);
  for (let i = 0; i < length; i++) words[i >>> 2]! |= bytes[i]! << ((i % 4) * 8);
  words[length >>> 2]! |= 0x80 << ((length % 4) * 8);
  words[words.length - 2] = length * 8;
  words[words.length - 1] = Math.floor(length / 0x20000000);
  let [a, b, c, d] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let block = 0; block < words.length; block += 16) {
    const [aa, bb, cc, dd] = [a, b, c, d];
    for (let i = 0; i < 64; i++) {
      const round = i >>> 4;
      const f =
        round === 0 ? (b & c) | (~b & d) : round === 1 ? (d & b) | (~d & c) : round === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = round === 0 ? i : round === 1 ? (5 * i + 1) % 16 : round === 2 ? (3 * i + 5) % 16 : (7 * i) % 16;
      const k = Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000);
      const s = SHIFTS[round * 4 + (i % 4)]!;
      const sum = (a + f + k + words[block + g]!) | 0;
      [a, d, c] = [d, c, b];
      b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
    }
    [a, b, c, d] = [(a + aa) | 0, (b + bb) | 0, (c + cc) | 0, (d + dd) | 0];
  }
  let out = "";
  for (const word of [a, b, c, d])
    for (let i = 0; i < 4; i++) out += ((word >>> (i * 8)) & 0xff).toString(16).padStart(2, "0");
  return out;
}

const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
