// A real OAuth 2.0 authorization server on 127.0.0.1 for the grant tests, made of
// @node-oauth/oauth2-server (written by others; it checks client authentication, PKCE, codes,
// refresh tokens): /token, /authorize (the user approves at once), and /api, a resource that
// accepts only a valid access token.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import OAuth2Server from "@node-oauth/oauth2-server";

export const CONFIDENTIAL = { id: "confidential-client", secret: "client-secret-value" };
export const PUBLIC = { id: "public-client" };
export const USER = { username: "alice", password: "alice-password" };
export const REDIRECT = "http://127.0.0.1/callback";

interface Stored {
  accessToken: string;
  accessTokenExpiresAt?: Date;
  refreshToken?: string;
  refreshTokenExpiresAt?: Date;
  scope?: string[];
  client: OAuth2Server.Client;
  user: OAuth2Server.User;
}

export interface TokenServer {
  url: string;
  /** Each request to /token: its grant type, how the client authenticated, and its form. */
  tokenRequests: Array<{ grant: string; basic: boolean; form: Record<string, string> }>;
  /** Each request to /api (which takes the tokens the server issued) and /deny (which takes none). */
  apiRequests: Array<{ authorization?: string | undefined; query: string; status: number }>;
  /** Revokes every access token (the API answers 401 until the client gets a new one). */
  revokeAccessTokens(): void;
  /** Answers /token with this instead, once per entry. */
  replyToken(...replies: Array<{ status: number; body: string; contentType?: string }>): void;
  close(): Promise<void>;
}

export async function startTokenServer(options: { accessTokenLifetime?: number } = {}): Promise<TokenServer> {
  const tokens = new Map<string, Stored>();
  const refreshTokens = new Map<string, Stored>();
  const codes = new Map<string, OAuth2Server.AuthorizationCode>();
  const clients: OAuth2Server.Client[] = [
    {
      id: CONFIDENTIAL.id,
      grants: ["client_credentials", "password", "authorization_code", "refresh_token"],
      redirectUris: [REDIRECT],
    },
    { id: PUBLIC.id, grants: ["authorization_code", "refresh_token"], redirectUris: [REDIRECT] },
  ];
  const model: OAuth2Server.AuthorizationCodeModel &
    OAuth2Server.ClientCredentialsModel &
    OAuth2Server.PasswordModel &
    OAuth2Server.RefreshTokenModel = {
    getClient: async (clientId, clientSecret) => {
      const client = clients.find((c) => c.id === clientId);
      if (!client) return false;
      // The authorization endpoint asks without a secret; the token endpoint with the one the client sent.
      if (
        client.id === CONFIDENTIAL.id &&
        clientSecret !== undefined &&
        clientSecret !== null &&
        clientSecret !== CONFIDENTIAL.secret
      )
        return false;
      return client;
    },
    saveToken: async (token, client, user) => {
      const stored = { ...token, client, user } as Stored;
      tokens.set(token.accessToken, stored);
      if (token.refreshToken) refreshTokens.set(token.refreshToken, stored);
      return stored as unknown as OAuth2Server.Token;
    },
    getAccessToken: async (accessToken) => (tokens.get(accessToken) as unknown as OAuth2Server.Token) ?? false,
    getUser: async (username, password) =>
      username === USER.username && password === USER.password ? { name: username } : false,
    getUserFromClient: async () => ({ name: "service" }),
    saveAuthorizationCode: async (code, client, user) => {
      const stored = { ...code, client, user } as OAuth2Server.AuthorizationCode;
      codes.set(code.authorizationCode, stored);
      return stored;
    },
    getAuthorizationCode: async (code) => codes.get(code) ?? false,
    revokeAuthorizationCode: async (code) => codes.delete(code.authorizationCode),
    getRefreshToken: async (refreshToken) =>
      (refreshTokens.get(refreshToken) as unknown as OAuth2Server.RefreshToken) ?? false,
    revokeToken: async (token) => refreshTokens.delete(token.refreshToken),
    verifyScope: async () => true,
  };
  const oauth = new OAuth2Server({
    model,
    accessTokenLifetime: options.accessTokenLifetime ?? 3600,
    allowEmptyState: false,
    requireClientAuthentication: { authorization_code: false, refresh_token: false },
  });
  const tokenRequests: TokenServer["tokenRequests"] = [];
  const apiRequests: TokenServer["apiRequests"] = [];
  const replies: Array<{ status: number; body: string; contentType?: string }> = [];

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const url = new URL(req.url!, "http://127.0.0.1");
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
      const request = new OAuth2Server.Request({
        method: req.method!,
        headers: req.headers as Record<string, string>,
        query: Object.fromEntries(url.searchParams),
        body: form,
      });
      const response = new OAuth2Server.Response({ headers: {} });
      const send = (status: number, headers: Record<string, string>, body: string) =>
        res.writeHead(status, headers).end(body);
      try {
        if (url.pathname === "/token") {
          tokenRequests.push({
            grant: form["grant_type"] ?? "",
            basic: /^Basic /.test(req.headers.authorization ?? ""),
            form,
          });
          const reply = replies.shift();
          if (reply) return send(reply.status, { "content-type": reply.contentType ?? "application/json" }, reply.body);
          await oauth.token(request, response).catch(() => undefined);
          return send(response.status ?? 500, { "content-type": "application/json" }, JSON.stringify(response.body));
        }
        if (url.pathname === "/authorize") {
          await oauth
            .authorize(request, response, { authenticateHandler: { handle: () => ({ name: USER.username }) } })
            .catch(() => undefined);
          return send(
            response.status ?? 500,
            { ...(response.headers as Record<string, string>), "content-type": "application/json" },
            JSON.stringify(response.body ?? {}),
          );
        }
        if (url.pathname === "/deny") {
          apiRequests.push({ authorization: req.headers.authorization, query: url.search, status: 401 });
          return send(401, { "content-type": "application/json" }, '{"error":"invalid_token"}');
        }
        if (url.pathname === "/api") {
          const ok = await oauth.authenticate(request, response, { allowBearerTokensInQueryString: true }).then(
            () => true,
            () => false,
          );
          apiRequests.push({ authorization: req.headers.authorization, query: url.search, status: ok ? 200 : 401 });
          return send(
            ok ? 200 : 401,
            { "content-type": "application/json" },
            ok ? '{"ok":true}' : '{"error":"invalid_token"}',
          );
        }
        send(404, {}, "");
      } catch (error) {
        send(500, {}, String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tokenRequests,
    apiRequests,
    revokeAccessTokens: () => tokens.clear(),
    replyToken: (...more) => replies.push(...more),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a browser does for the authorization code grant: follow the authorization URL to the redirect. */
export async function approve(url: URL): Promise<string> {
  const response = await fetch(url, { redirect: "manual" });
  const location = response.headers.get("location");
  if (!location)
    throw new Error(`no redirect from the authorization endpoint: ${response.status} ${await response.text()}`);
  return location;
}
