// The part of http-auth (4.x, untyped) that the digest tests use.
declare module "http-auth" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  interface Digest {
    check(
      handler: (req: IncomingMessage, res: ServerResponse) => void,
    ): (req: IncomingMessage, res: ServerResponse) => void;
  }
  const httpAuth: {
    digest(
      options: { realm: string; algorithm?: string; qop?: string },
      checker: (username: string, callback: (hash: string) => void) => void,
    ): Digest;
  };
  export default httpAuth;
}
