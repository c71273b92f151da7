// The plain-data description of an operation that the generated client hands to the runtime.
// The same objects are exported to users as `operations`, so this is public API: change with care.

/** Where an argument goes in the HTTP request. */
export type ArgLocation = "path" | "query" | "header" | "body";

/** One key of an operation's argument object. */
export interface ArgSpec {
  /** Key in the argument object of the client method. */
  readonly arg: string;
  /** The collection's own key: path variable, query parameter, header or body field name. */
  readonly name: string;
  readonly in: ArgLocation;
  readonly required: boolean;
  /** The only values the API accepts, when the collection documents them. */
  readonly enum?: readonly string[];
}

/** An API error code documented for one response status (Zoom writes them into example names). */
export interface ErrorCodeSpec {
  readonly code: number | string;
  readonly description: string;
}

/** A documented response of an operation. */
export interface ResponseSpec {
  readonly status: number;
  readonly description?: string;
  readonly errorCodes?: readonly ErrorCodeSpec[];
}

/** How the `in: "body"` arguments are encoded. */
export type BodyEncoding = "multipart" | "urlencoded";

/** How the request is authenticated: `bearer` sends the client's token as `Authorization: Bearer …`. */
export type AuthScheme = "bearer" | "none";

export interface OperationSpec {
  /** Name of the client method. */
  readonly name: string;
  /** Name of the Postman request. */
  readonly item: string;
  /** Names of the Postman folders that hold the request, from the root. */
  readonly folder: readonly string[];
  /** The Postman item id, when the collection has one. */
  readonly id?: string;
  readonly method: string;
  /** Path below the base URL, with `{name}` placeholders for path variables. */
  readonly path: string;
  readonly args: readonly ArgSpec[];
  readonly body?: BodyEncoding;
  readonly auth: AuthScheme;
  readonly responses: readonly ResponseSpec[];
  /** OAuth scopes the operation needs, as documented. */
  readonly scopes?: readonly string[];
  /** The API's rate-limit label for the operation (Zoom: Light, Medium, Heavy, Resource-intensive). */
  readonly rateLimit?: string;
}
