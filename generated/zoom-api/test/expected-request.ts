// What the server must receive when a generated test calls an operation: computed by the generator
// (emit/expectations.ts) and checked by the generated tests (operation-tests.ts), one type for both.

export interface ExpectedRequest {
  method: string;
  path: string;
  query: Array<[string, string]>;
  headers: Array<[string, string]>;
  /** Headers that must not arrive. */
  absentHeaders: string[];
  body:
    | { kind: "none" }
    | { kind: "multipart"; fields: Array<[string, string]>; files: Array<[string, string]> }
    | { kind: "urlencoded"; fields: Array<[string, string]> }
    | { kind: "json"; value: unknown }
    | { kind: "text"; text: string; contentType: string | null };
}
