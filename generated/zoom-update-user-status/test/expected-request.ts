// What the server must receive when a generated test calls an operation: computed by the generator
// (emit/expectations.ts) and checked by the generated tests (operation-tests.ts), one type for both.
import type { JsonText } from "./json-text.js";

export interface ExpectedRequest {
  method: string;
  path: string;
  query: Array<[string, string]>;
  headers: Array<[string, string]>;
  /** Headers that must not arrive. */
  absentHeaders: string[];
  /**
   * Where OAuth 1 signs without its header (addParamsToHeader off): its oauth_* parameters go after
   * the query's, or after the urlencoded body's fields of a POST or PUT, as Postman sends them.
   * Their values (a timestamp, a nonce, a signature) change with each call: their names are checked.
   */
  oauth1?: "query" | "body";
  /**
   * The query parameter a JWT goes in (addTokenTo queryParam): after the query's own, which lose any
   * of that name. Its value is a new token each call (PS and ES signatures are randomised): its
   * shape is checked.
   */
  jwtParam?: string;
  /**
   * The AWS presigned URL's parameters (addAuthDataToQuery), in order after the query's own, which
   * lose any the client sets: each as its value, or as a pattern where each call's differs (the
   * date, in X-Amz-Date and the credential's scope, and the signature).
   */
  presigned?: Array<[string, string | { pattern: string }]>;
  body:
    | { kind: "none" }
    | { kind: "multipart"; fields: Array<[string, string]>; files: Array<[string, string]> }
    | { kind: "urlencoded"; fields: Array<[string, string]> }
    | { kind: "json"; value: unknown }
    | ({ kind: "text"; contentType: string | null } & ({ text: string } | JsonText));
}
