// The part of @hapi/hawk (8.x, untyped) that the Hawk tests use.
declare module "@hapi/hawk" {
  interface Credentials {
    id: string;
    key: string;
    algorithm: "sha256" | "sha1";
  }
  interface Artifacts {
    ts: string;
    nonce: string;
    hash?: string;
    ext?: string;
    app?: string;
    dlg?: string;
  }
  const Hawk: {
    server: {
      authenticate(
        req: { method: string; url: string; headers: Record<string, string | string[] | undefined> },
        credentials: (id: string) => Credentials | undefined | Promise<Credentials | undefined>,
        options?: {
          payload?: string | Buffer;
          timestampSkewSec?: number;
          nonceFunc?: (key: string, nonce: string, ts: string) => void;
        },
      ): Promise<{ credentials: Credentials; artifacts: Artifacts }>;
    };
    client: {
      header(
        uri: string,
        method: string,
        options: {
          credentials: Credentials;
          timestamp?: number;
          nonce?: string;
          ext?: string;
          app?: string;
          dlg?: string;
          payload?: string;
          contentType?: string;
        },
      ): { header: string; artifacts: Artifacts };
    };
  };
  export default Hawk;
}
