// The intermediate model: plain data between loading a collection and emitting a client.
// No SDK objects and no functions, so emitters are tested with hand-written models.
import type { ArgLocation, BodyEncoding } from "../runtime/spec.js";

export type { ArgLocation, BodyEncoding };

/** A JSON path into the collection file, e.g. `item[3].request.body.formdata[0]`. */
export type Source = string;

export interface ArgModel {
  /** Key in the argument object of the client method (unique within the operation). */
  arg: string;
  /** The collection's own key. */
  name: string;
  in: ArgLocation;
  required: boolean;
  /** Allowed values, from the importer's `(This can only be one of …)` suffix. */
  enum?: string[];
  /** Type hint from an importer placeholder such as `<integer>`, when the value is one. */
  typeHint?: string;
  /** Clean markdown, conventions removed. */
  description?: string;
  /** The collection's value for the key, unless it is a placeholder. */
  example?: string;
  source: Source;
}

export interface ErrorCodeModel {
  code: number | string;
  description: string;
}

/** What the collection documents for one response status: its examples merged. */
export interface ResponseModel {
  status: number;
  /** Documented meaning of the status (the first example's name without its markup, else the reason phrase). */
  description?: string;
  /** Documented API error codes, in the order the examples give them, without repeats. */
  errorCodes: ErrorCodeModel[];
  examples: ExampleModel[];
}

/** One saved example response, in collection order. */
export interface ExampleModel {
  /** The example's name as the collection holds it. */
  name: string;
  /** Content type from the example's headers. */
  contentType?: string;
  /** The example body as the collection holds it. */
  body: string;
  source: Source;
}

export type AuthModel = { type: "bearer"; from: "oauth2" | "bearer" } | { type: "none" };

export interface OperationModel {
  /** Client method name: a unique identifier. */
  name: string;
  /** The Postman request name. */
  item: string;
  folder: string[];
  id?: string;
  method: string;
  /** Path below the base URL with `{name}` placeholders. */
  path: string;
  args: ArgModel[];
  body?: BodyEncoding;
  auth: AuthModel;
  /** Clean markdown of the request description, with scopes and rate-limit label lifted out. */
  description?: string;
  scopes?: string[];
  rateLimit?: string;
  responses: ResponseModel[];
  source: Source;
}

export interface ApiModel {
  /** Collection name. */
  name: string;
  description?: string;
  /** Default base URL: the value of the collection variable the request URLs start with. */
  baseUrl: string;
  /** The collection variable that holds the base URL (`baseUrl` in importer-made collections). */
  baseUrlVariable?: string;
  operations: OperationModel[];
  warnings: Warning[];
}

export interface Warning {
  source: Source;
  message: string;
}
