// The auth a request uses, read from the collection: signed schemes keep their settings and the
// credentials that refer to variables, never a literal secret.
import { describe, expect, it } from "vitest";
import { effectiveAuth } from "../../src/load/auth.js";
import type { Warning } from "../../src/model/types.js";

const v21 = (type: string, params: Record<string, unknown>) => ({
  type,
  [type]: Object.entries(params).map(([key, value]) => ({ key, value, type: "string" })),
});
const read = (auth: unknown, queryKeys: string[] = []) => {
  const warnings: Warning[] = [];
  return { auth: effectiveAuth([{ auth, source: "auth" }], warnings, queryKeys, "c.json"), warnings };
};

describe("signed schemes", () => {
  it("oauth1: variables and settings kept, flags read, literal secrets dropped with a warning", () => {
    const { auth, warnings } = read(
      v21("oauth1", {
        consumerKey: "{{consumer_key}}",
        consumerSecret: "literal-secret",
        token: "{{access_token}}",
        tokenSecret: "",
        signatureMethod: "HMAC-SHA256",
        version: "1.0",
        realm: "photos",
        addParamsToHeader: true,
        addEmptyParamsToSign: false,
        includeBodyHash: "true",
        timestamp: "137131200",
        nonce: "{{nonce}}",
      }),
    );
    expect(auth).toEqual({
      type: "oauth1",
      consumerKey: "{{consumer_key}}",
      consumerSecret: "{{oauth1.consumerSecret}}",
      token: "{{access_token}}",
      signatureMethod: "HMAC-SHA256",
      version: "1.0",
      realm: "photos",
      addParamsToHeader: true,
      includeBodyHash: true,
      nonce: "{{nonce}}",
    });
    expect(warnings).toEqual([
      {
        source: "auth",
        message:
          'the oauth1 auth holds a literal consumerSecret; secrets are not copied into the client, which asks for it at run time: pass it as a client option or as variables: { "oauth1.consumerSecret": … }',
      },
    ]);
  });

  it("keeps who asks as written: a user name, a consumer key or a Hawk id is no credential", () => {
    // Dropping them sent basic and digest requests with no Authorization at all (docs/environments.md: "not a user name").
    const kept = (auth: unknown) => {
      const { auth: model, warnings } = read(auth);
      expect(warnings).toEqual([]);
      return model;
    };
    expect(kept(v21("basic", { username: "admin", password: "{{password}}" }))).toEqual({
      type: "basic",
      username: "admin",
      password: "{{password}}",
    });
    expect(kept(v21("digest", { username: "admin", password: "{{password}}" }))).toMatchObject({ username: "admin" });
    expect(kept(v21("oauth1", { consumerKey: "ck-public", consumerSecret: "{{cs}}" }))).toMatchObject({
      consumerKey: "ck-public",
    });
    expect(kept(v21("hawk", { authId: "dh37fgj492je", authKey: "{{hawk_key}}" }))).toMatchObject({
      authId: "dh37fgj492je",
    });
    expect(
      kept(
        v21("oauth2", {
          grant_type: "password_credentials",
          accessTokenUrl: "https://auth.example.com/token",
          username: "admin",
          password: "{{password}}",
        }),
      ),
    ).toMatchObject({ username: "admin" });
  });

  it("reads the v2.0 form (an object of parameters) too", () => {
    expect(
      read({
        type: "oauth1",
        oauth1: {
          consumerKey: "{{ck}}",
          consumerSecret: "{{cs}}",
          signatureMethod: "PLAINTEXT",
          addParamsToHeader: false,
        },
      }).auth,
    ).toEqual({
      type: "oauth1",
      consumerKey: "{{ck}}",
      consumerSecret: "{{cs}}",
      signatureMethod: "PLAINTEXT",
    });
  });

  it("awsv4: keys from variables, service and region as written (the v2.0 form too)", () => {
    expect(
      read({
        type: "awsv4",
        awsv4: {
          accessKey: "{{ak}}",
          secretKey: "AKIASECRET",
          service: "s3",
          region: "eu-west-1",
          addAuthDataToQuery: false,
        },
      }),
    ).toEqual({
      auth: {
        type: "awsv4",
        accessKey: "{{ak}}",
        secretKey: "{{awsv4.secretKey}}",
        service: "s3",
        region: "eu-west-1",
      },
      warnings: [
        {
          source: "auth",
          message:
            'the awsv4 auth holds a literal secretKey; secrets are not copied into the client, which asks for it at run time: pass it as a client option or as variables: { "awsv4.secretKey": … }',
        },
      ],
    });
    expect(
      read(v21("awsv4", { accessKey: "{{ak}}", secretKey: "{{sk}}", sessionToken: "{{st}}", addAuthDataToQuery: true }))
        .auth,
    ).toEqual({
      type: "awsv4",
      accessKey: "{{ak}}",
      secretKey: "{{sk}}",
      sessionToken: "{{st}}",
      addAuthDataToQuery: true,
    });
  });

  it("digest keeps the algorithm and qop, not the challenge an earlier run left", () => {
    const { auth } = read(
      v21("digest", {
        username: "{{user}}",
        password: "{{pass}}",
        realm: "r",
        nonce: "abc",
        algorithm: "SHA-256",
        qop: "auth",
        nonceCount: "2",
        clientNonce: "x",
        opaque: "o",
      }),
    );
    expect(auth).toEqual({
      type: "digest",
      username: "{{user}}",
      password: "{{pass}}",
      algorithm: "SHA-256",
      qop: "auth",
    });
  });

  it("hawk keeps its settings; a literal nonce or timestamp (left by a run) is made fresh for each request", () => {
    const { auth } = read(
      v21("hawk", {
        authId: "{{id}}",
        authKey: "{{key}}",
        algorithm: "sha1",
        extraData: "x",
        app: "a",
        delegation: "d",
        nonce: "eFRP2o",
        timestamp: "1500000000",
        includePayloadHash: true,
      }),
    );
    expect(auth).toEqual({
      type: "hawk",
      authId: "{{id}}",
      authKey: "{{key}}",
      algorithm: "sha1",
      extraData: "x",
      app: "a",
      delegation: "d",
      includePayloadHash: true,
    });
  });

  it("oauth2 with a grant the client runs: settings kept, the client id as written, secrets only from variables", () => {
    const { auth, warnings } = read(
      v21("oauth2", {
        grant_type: "authorization_code_with_pkce",
        accessTokenUrl: "https://login.example.com/oauth/token",
        authUrl: "https://login.example.com/authorize",
        redirect_uri: "https://app.example.com/callback",
        clientId: "public-client-id",
        clientSecret: "{{client_secret}}",
        password: "literal",
        scope: "read write",
        audience: "https://api.example.com",
        client_authentication: "body",
        challengeAlgorithm: "S256",
        addTokenTo: "header",
        tokenName: "t",
        useBrowser: true,
        tokenRequestParams: [
          { key: "resource", value: "https://graph", enabled: true, send_as: "request_body" },
          { key: "off", value: "x", enabled: false },
          { key: "client_assertion", value: "eyJ.literal", enabled: true },
          { key: "header_param", value: "x", enabled: true, send_as: "request_header" },
        ],
      }),
    );
    expect(auth).toEqual({
      type: "oauth2",
      grant: "authorization_code",
      pkce: true,
      challengeAlgorithm: "S256",
      accessTokenUrl: "https://login.example.com/oauth/token",
      authUrl: "https://login.example.com/authorize",
      redirectUri: "https://app.example.com/callback",
      clientId: "public-client-id",
      clientSecret: "{{client_secret}}",
      password: "{{oauth2.password}}",
      scope: "read write",
      audience: "https://api.example.com",
      clientAuthentication: "body",
      tokenParams: [["resource", "https://graph"]],
    });
    expect(warnings.map((w) => w.message)).toEqual([
      'the oauth2 auth holds a literal password; secrets are not copied into the client, which asks for it at run time: pass it as a client option or as variables: { "oauth2.password": … }',
      'the token request parameter "client_assertion" holds a literal value; secrets are not copied into the client: refer to a variable',
    ]);
  });

  it("oauth2: a token request parameter is a secret by the credential-name rule too, as a stored copy takes it", () => {
    const { auth, warnings } = read(
      v21("oauth2", {
        grant_type: "client_credentials",
        accessTokenUrl: "https://login.example.com/oauth/token",
        tokenRequestParams: [
          { key: "resource", value: "https://graph", enabled: true },
          { key: "api_key", value: "LITERAL-KEY-1", enabled: true },
          { key: "Ocp-Apim-Subscription-Key", value: "LITERAL-KEY-2", enabled: true },
          { key: "subscription_key", value: "{{sub_key}}", enabled: true },
        ],
      }),
    );
    expect(auth).toMatchObject({
      tokenParams: [
        ["resource", "https://graph"],
        ["subscription_key", "{{sub_key}}"],
      ],
    });
    expect(JSON.stringify({ auth, warnings })).not.toMatch(/LITERAL/);
    expect(warnings.map((w) => w.source)).toEqual([
      "auth.oauth2.tokenRequestParams[1]",
      "auth.oauth2.tokenRequestParams[2]",
    ]);
  });

  it("oauth2 and edgegrid settings keep their URLs without the credentials written into them", () => {
    const { auth, warnings } = read(
      v21("oauth2", {
        grant_type: "client_credentials",
        accessTokenUrl: "https://auth.example.com/token?client_secret=URL-SECRET-1&api_key=URL-KEY-2&tenant=t1",
        refreshTokenUrl: "https://auth.example.com/refresh?client_secret={{client_secret}}",
        authUrl: "https://svc:URL-PASSWORD-3@auth.example.com/authorize",
        clientId: "cid",
      }),
    );
    expect(auth).toMatchObject({
      accessTokenUrl: "https://auth.example.com/token?client_secret=&api_key=&tenant=t1",
      refreshTokenUrl: "https://auth.example.com/refresh?client_secret={{client_secret}}",
      authUrl: "https://auth.example.com/authorize",
    });
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^the oauth2 auth's accessTokenUrl holds a credential .*"client_secret".*"api_key"/),
      expect.stringMatching(/^the oauth2 auth's authUrl holds a credential .*user info/),
    ]);
    const edgegrid = read(v21("edgegrid", { baseURL: "https://a:URL-PASSWORD-4@akaa.example.net" }));
    expect(edgegrid.auth).toMatchObject({ baseURL: "https://akaa.example.net" });
    expect(edgegrid.warnings).toHaveLength(1);
    expect(JSON.stringify([auth, warnings, edgegrid])).not.toMatch(/URL-(SECRET|KEY|PASSWORD)/);
  });

  it("oauth2 without a grant stays a bearer token, unless it is sent in the query or with another prefix", () => {
    expect(read(v21("oauth2", { accessToken: "{{token}}", addTokenTo: "header", tokenType: "Bearer" })).auth).toEqual({
      type: "bearer",
      from: "oauth2",
      token: "{{token}}",
    });
    expect(read(v21("oauth2", { grant_type: "implicit", authUrl: "https://x.test/authorize" })).auth).toEqual({
      type: "bearer",
      from: "oauth2",
    });
    expect(read(v21("oauth2", { accessToken: "{{token}}", addTokenTo: "queryParams" })).auth).toEqual({
      type: "oauth2",
      token: "{{token}}",
      addTokenTo: "queryParams",
    });
    expect(read(v21("oauth2", { headerPrefix: "Token" })).auth).toEqual({ type: "oauth2", headerPrefix: "Token" });
    expect(read(v21("oauth2", { headerPrefix: "" })).auth).toEqual({ type: "oauth2", headerPrefix: "" });
    expect(read(v21("oauth2", { headerPrefix: "Bearer" })).auth).toEqual({ type: "bearer", from: "oauth2" });
  });

  it("oauth2 without a grant over the item's own access_token is oauth2, whose authorizer drops that pair as newman does", () => {
    // newman sends `GET /me?fields=name` with `Authorization: Bearer <token>` for `/me?access_token=stale&fields=name`.
    const header = v21("oauth2", { accessToken: "{{token}}", addTokenTo: "header" });
    expect(read(header, ["fields", "access_token"]).auth).toEqual({ type: "oauth2", token: "{{token}}" });
    expect(read(header, ["fields"]).auth).toEqual({ type: "bearer", from: "oauth2", token: "{{token}}" });
    // A bearer auth leaves the pair, as newman does.
    expect(read(v21("bearer", { token: "{{token}}" }), ["access_token"]).auth).toEqual({
      type: "bearer",
      from: "bearer",
      token: "{{token}}",
    });
  });

  it("jwt: the key only from variables; algorithm, claims, header and placement kept; an empty prefix is none", () => {
    const { auth, warnings } = read(
      v21("jwt", {
        algorithm: "RS256",
        secret: "",
        privateKey: "-----BEGIN PRIVATE KEY-----",
        payload: '{"sub": "{{user}}"}',
        header: { kid: "k" },
        isSecretBase64Encoded: false,
        addTokenTo: "header",
        headerPrefix: "",
      }),
    );
    expect(auth).toEqual({
      type: "jwt",
      algorithm: "RS256",
      privateKey: "{{jwt.privateKey}}",
      payload: '{"sub": "{{user}}"}',
      header: '{"kid":"k"}',
      addTokenTo: "header",
      headerPrefix: "",
    });
    expect(warnings.map((w) => w.message)).toEqual([
      'the jwt auth holds a literal privateKey; secrets are not copied into the client, which asks for it at run time: pass it as a client option or as variables: { "jwt.privateKey": … }',
    ]);
  });

  it("jwt: a credential written into the header or payload becomes a variable, reported once per auth", () => {
    const auth = v21("jwt", {
      secret: "{{s}}",
      payload: '{"sub": "bob", "tokens": ["t1", "t2"], "n": {{n}}, "client": {"password": "pw", "pin": 42}}',
      // Not `auth`: as a JSON field it names an entry, not a credential (credential-names.ts).
      header: '{"kid": "k", "api_key": "AUTH{{x}}"}',
    });
    const warnings: Warning[] = [];
    // An auth inherited by two requests is read for each.
    const first = effectiveAuth([{ auth, source: "auth" }], warnings, [], "c.json");
    expect(effectiveAuth([{ auth, source: "auth" }], warnings, [], "c.json")).toEqual(first);
    expect(first).toEqual({
      type: "jwt",
      secret: "{{s}}",
      payload:
        '{"sub":"bob","tokens":["{{jwt.payload.tokens[0]}}","{{jwt.payload.tokens[1]}}"],"n":{{n}},"client":{"password":"{{jwt.payload.client.password}}","pin":{{jwt.payload.client.pin}}}}',
      header: '{"kid":"k","api_key":"{{jwt.header.api_key}}"}',
    });
    expect(warnings.map((w) => w.message)).toEqual([
      'the jwt auth\'s header holds a literal credential ($.api_key); secrets are not copied into the client, which asks for it at run time: pass variables: { "jwt.header.api_key": … }',
      'the jwt auth\'s payload holds a literal credential ($.tokens[0], $.tokens[1], $.client.password, $.client.pin); secrets are not copied into the client, which asks for it at run time: pass variables: { "jwt.payload.tokens[0]": …, "jwt.payload.tokens[1]": …, "jwt.payload.client.password": …, "jwt.payload.client.pin": … }',
    ]);
  });

  it("edgegrid: tokens and secret from variables, baseURL and headers to sign kept", () => {
    const { auth } = read(
      v21("edgegrid", {
        accessToken: "{{at}}",
        clientToken: "{{ct}}",
        clientSecret: "{{cs}}",
        baseURL: "https://akab.luna.akamaiapis.net",
        headersToSign: "X-A,X-B",
        maxBodySize: 1024,
        nonce: "n",
        timestamp: "t",
      }),
    );
    expect(auth).toEqual({
      type: "edgegrid",
      accessToken: "{{at}}",
      clientToken: "{{ct}}",
      clientSecret: "{{cs}}",
      baseURL: "https://akab.luna.akamaiapis.net",
      headersToSign: "X-A,X-B",
      maxBodySize: "1024",
    });
  });

  it("ntlm and unknown types are left to the sign hook, NTLM with the reason", () => {
    expect(read(v21("ntlm", { username: "{{u}}" })).auth).toEqual({
      type: "custom",
      scheme: "ntlm",
      reason: "NTLM authenticates a connection, not a request, and fetch does not expose its connections",
    });
    expect(read({ type: "asap" }).auth).toEqual({ type: "custom", scheme: "asap" });
  });
});
