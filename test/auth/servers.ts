// Servers that check auth as an API would, for the Digest and Hawk tests and for newman against the
// client: Digest written from RFC 7616's formulas with node:crypto, Hawk by @hapi/hawk's server.
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import Hawk from "@hapi/hawk";

export interface Answer {
  status: number;
  headers?: Record<string, string>;
}

/** A Digest server: a new nonce for each challenge, nonce counts checked, until `rotate` makes every nonce stale. */
export function digestServer(options: { algorithm: string; qop: string; password: string; realm?: string }) {
  const realm = options.realm ?? "api";
  let nonce = "";
  const counts = new Map<string, number>();
  const hash = (text: string | Buffer) =>
    createHash(options.algorithm.toUpperCase().startsWith("SHA-256") ? "sha256" : "md5")
      .update(text)
      .digest("hex");
  // Each challenge has a nonce of its own; the nonces handed out stay good until `rotate`.
  const challenge = (stale = false): Answer => {
    nonce = randomBytes(8).toString("hex");
    counts.set(nonce, 0);
    return {
      status: 401,
      headers: {
        "www-authenticate": `Digest realm="${realm}", nonce="${nonce}", algorithm=${options.algorithm}, qop="${options.qop}", opaque="o"${stale ? ", stale=true" : ""}`,
      },
    };
  };
  return {
    rotate: () => counts.clear(),
    handle: (req: IncomingMessage, body: Buffer): Answer => {
      const header = req.headers.authorization ?? "";
      const p = Object.fromEntries(
        [...header.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)].map((m) => [m[1]!, m[2] ?? m[3]!]),
      );
      if (!header.startsWith("Digest ")) return challenge();
      const used = counts.get(p["nonce"]!);
      const nc = parseInt(p["nc"]!, 16);
      if (used === undefined || !(nc > used)) return challenge(true);
      counts.set(p["nonce"]!, nc);
      let ha1 = hash(`${p["username"]}:${realm}:${options.password}`);
      if (options.algorithm.toLowerCase().endsWith("-sess")) ha1 = hash(`${ha1}:${p["nonce"]}:${p["cnonce"]}`);
      const ha2 = hash(
        p["qop"] === "auth-int" ? `${req.method}:${p["uri"]}:${hash(body)}` : `${req.method}:${p["uri"]}`,
      );
      const expected = hash(`${ha1}:${p["nonce"]}:${p["nc"]}:${p["cnonce"]}:${p["qop"]}:${ha2}`);
      const ok =
        p["response"] === expected &&
        p["uri"] === req.url &&
        p["opaque"] === "o" &&
        p["algorithm"]?.toUpperCase() === options.algorithm.toUpperCase();
      return ok ? { status: 200 } : challenge();
    },
  };
}

/** A Hawk server: @hapi/hawk's authenticate, with the payload when the request carries its hash. */
export function hawkServer(credentials: { id: string; key: string; algorithm: "sha256" | "sha1" }) {
  return async (req: IncomingMessage, body: Buffer): Promise<Answer> => {
    const hashed = /hash="/.test(req.headers.authorization ?? "");
    try {
      await Hawk.server.authenticate(
        { method: req.method!, url: req.url!, headers: req.headers },
        (id) => (id === credentials.id ? credentials : undefined),
        hashed ? { payload: body } : {},
      );
      return { status: 200 };
    } catch {
      return { status: 401, headers: { "www-authenticate": "Hawk" } };
    }
  };
}
