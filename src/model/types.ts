// The intermediate model: plain data between loading a collection and emitting a client.
// No SDK objects and no functions, so emitters are tested with hand-written models.
import type {
  ArgLocation,
  AwsV4Spec,
  BodyEncoding,
  DigestSpec,
  EdgeGridSpec,
  HawkSpec,
  JsonPlace,
  JwtSpec,
  OAuth1Spec,
  OAuth2Spec,
} from "../runtime/spec.js";
import type { Shape } from "./shape.js";

export type { ArgLocation, BodyEncoding, Shape };

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
  /**
   * `file`: binary (form file field, file body); `json`: a JSON value whose type is `shape`;
   * `jsonText`: a form text field whose example is a JSON object's text (a collection converted
   * from a JSON API), sent as text: the caller may pass the object, of type `shape`.
   */
  type?: "file" | "json" | "jsonText";
  /** The shape of a JSON value's examples (a `jsonText` field's: of the object its text holds). */
  shape?: Shape;
  /** Clean markdown, conventions removed. */
  description?: string;
  /** The collection's value, when it is an example (a JSON value for JSON bodies). */
  example?: unknown;
  /**
   * A path variable's example as the collection writes it, percent-encoded (`Q1%20reports`): the
   * example is its text (`Q1 reports`), which is what a caller passes and the client encodes.
   */
  written?: string;
  /** Sent when the caller passes nothing: a value that refers to `{{variables}}`, or a header's value. */
  default?: unknown;
  /** The places in `default` of `{{variables}}` a JSON body writes unquoted: ArgSpec's `unquoted`. */
  unquoted?: JsonPlace[];
  /** Disabled in the collection: Postman does not send it; the client sends it only when passed. */
  disabled?: boolean;
  /**
   * A query parameter or form field: it takes one value or a list, a list sent as the key repeated
   * in order (`?status=a&status=b`). Where the item itself gives the key several times, the entries
   * are one argument whose example (or default) is the list of their values.
   */
  repeatable?: boolean;
  /**
   * A multipart field's own Content-Type in the collection: a text field is sent as a part of this
   * type. For a file (a file field, a file body), the type Postman sends the file with: the
   * collection's, else its name's extension's (load/file-type.ts); the client sends it for a Blob
   * without a type of its own.
   */
  contentType?: string;
  /**
   * A multipart file field's file names in the collection, one for each of its files in order
   * (Postman's part names; a `src` may name several files, and a field given again adds its own):
   * the client sends a File's own name, and the one in the same place for a Blob without a name.
   */
  fileNames?: string[];
  /**
   * The type newman sends each of those files with, in the same order ("" for none it knows): a
   * field's files may differ (`a.txt` and `b.png`), which `contentType`, the type they all share,
   * cannot say.
   */
  fileTypes?: string[];
  /**
   * The variables of a value left out as a credential written out in part (`Bearer {{token}}abc`):
   * the client gets neither, but their values are credentials all the same (load/scopes.ts).
   */
  credentialVariables?: string[];
  source: Source;
}

/** An argument as the loader reads it: its key in the argument object is decided by model/naming.ts. */
export type LoadedArg = Omit<ArgModel, "arg">;

export interface BodyModel {
  encoding: BodyEncoding;
  /**
   * Content type for json, raw and binary bodies: the collection's header, else the raw language's.
   * For form bodies, the item's own Content-Type header: sent when the form is empty (with fields,
   * fetch writes the type, with the boundary multipart needs).
   */
  contentType?: string;
  /**
   * A raw body's `contentType` is its language's (text/plain without one), not the item's header:
   * Postman sends that type only with a body, so a body that is empty once its `{{variables}}` are
   * filled is none, sent without it (runtime/spec.ts's `languageType`). An item's own header goes always.
   */
  languageType?: true;
  /**
   * A form's fields in the collection's order, where it gives a field again after another field:
   * each part's place among the body arguments, a file field's list of files a part each
   * (load/arg.ts's entryOrder). newman sends a
   * multipart body in this order (an urlencoded one with each field's values together), so the
   * client's spec carries it for multipart only (runtime/spec.ts's `bodyOrder`).
   */
  order?: number[];
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
  /** Shape of the JSON example bodies, merged; absent when no example body is JSON. */
  shape?: Shape;
  /** How many example bodies `shape` was inferred from. */
  inferredFrom?: number;
}

/** One saved example response, in collection order. */
export interface ExampleModel {
  /** The example's name as the collection holds it. */
  name: string;
  /** Content type from the example's headers. */
  contentType?: string;
  /** The example body as the collection holds it. */
  body: string;
  /**
   * The body is JSON, as the types and the mocks take it (src/model/json-body.ts): by its content
   * type, or without one by the body itself. Absent (a model written by hand): by its content type.
   */
  json?: boolean;
  /** The example's id, when the collection gives one (Postman's mock servers select by it). */
  id?: string;
  /** The example's response headers as saved (enabled ones, in order). */
  headers?: Array<[string, string]>;
  /** The request the example was saved with, as far as mocks match on it. */
  request?: ExampleRequestModel;
  source: Source;
}

/** What a saved example's request sent: its enabled query pairs and its body. */
export interface ExampleRequestModel {
  query?: Array<[string, string]>;
  /** Raw text (raw and GraphQL bodies, the latter as JSON), or the text fields of a form. */
  body?: { mode: "raw"; text: string } | { mode: "form"; fields: Array<[string, string]> };
}

/**
 * Auth of a request. Credential fields hold the collection's values only where they refer to
 * variables (`{{token}}`): literal secrets are never copied into a client. The signed schemes
 * hold what the runtime's spec holds (src/runtime/spec.ts). `custom` is a scheme the client
 * cannot compute; `reason` says why.
 */
export type AuthModel =
  | { type: "none" }
  | { type: "bearer"; from: "oauth2" | "bearer"; token?: string }
  | { type: "apikey"; in: "header" | "query"; name: string; value?: string }
  | {
      type: "basic";
      username?: string;
      password?: string;
      /** From the URL's user info (`https://ann:{{pw}}@host`): filled, then percent-decoded, as Postman sends it. */
      fromUrl?: true;
    }
  | OAuth1Spec
  | DigestSpec
  | HawkSpec
  | AwsV4Spec
  | OAuth2Spec
  | JwtSpec
  | EdgeGridSpec
  | { type: "custom"; scheme: string; reason?: string };

/** A Postman script that would run around the request; listed in docs, never run. */
export interface ScriptModel {
  listen: "prerequest" | "test";
  /** Where it is defined: the collection, a folder or the request itself. */
  scope: "collection" | "folder" | "request";
  source: Source;
  lines: number;
  /** Variables it sets (`pm.environment.set("token", …)` and the like). */
  sets: string[];
  /**
   * Headers it adds to the request (`pm.request.headers.add({ key: "Authorization", … })`), when it
   * adds any: a pre-request script of a `noauth` request that does signs it (Twitter Ads' OAuth 1).
   */
  headers?: string[];
}

export interface VariableModel {
  name: string;
  /** The collection's value, when it has one, else the globals' (`fromGlobals`). */
  default?: string;
  /** `default` is the globals' value (load/scopes.ts): the collection has none. */
  fromGlobals?: true;
  description?: string;
}

export interface OperationModel {
  /** Client method name: an identifier, unique within its namespace. */
  name: string;
  /** Where the method sits on the client: the folders, camelCased. */
  namespace: string[];
  /** Identifier unique in the whole package, for exported types and values. */
  exportName: string;
  /** The Postman request name. */
  item: string;
  folder: string[];
  id?: string;
  method: string;
  /** `manual`: the request follows no redirect (Postman's `followRedirects: false`); a 3xx is its result. */
  redirect?: "manual";
  /** Base URL template when it is not the API's default base. */
  base?: string;
  /** Path below the base URL: `{name}` for path variables, `{{name}}` for collection variables. */
  path: string;
  /** Query keys the collection gives without a value (`?uploads`): always sent as the key alone. */
  bareQuery?: string[];
  /** Where each of `bareQuery` goes: how many query arguments come before it (runtime/spec.ts). */
  bareQueryAt?: number[];
  /** Where each of `bareQuery` goes among the values of the last argument before it (runtime/spec.ts). */
  bareQueryAmong?: number[];
  /** The query's entries in the collection's order, where it gives a key again after another (runtime/spec.ts). */
  queryOrder?: number[];
  /**
   * Query keys (decoded, as `name` and `bareQuery` hold them) with the text newman sends for them,
   * where that is not the text encoded as the client encodes a key: as the collection writes it
   * (`filter%5Bstatus%5D`, `a+b`).
   */
  queryKeys?: Array<[string, string]>;
  args: ArgModel[];
  /**
   * The variables its URL's user info gives as the password (`https://{{user}}:{{password}}@host`):
   * the client sends no user info, but their values are credentials (load/scopes.ts).
   */
  userInfoVariables?: string[];
  body?: BodyModel;
  auth: AuthModel;
  /** Variables defined by the request's folders and the request itself. */
  variables?: Record<string, string>;
  /** Clean markdown of the request description, with scopes and rate-limit label lifted out. */
  description?: string;
  scopes?: string[];
  rateLimit?: string;
  responses: ResponseModel[];
  scripts: ScriptModel[];
  source: Source;
}

/**
 * An operation as the loader reads it: the collection's own names (`item`, `folder`, each
 * argument's `name`), no identifier yet. model/naming.ts decides them all in one pass.
 */
export interface LoadedOperation extends Omit<OperationModel, "name" | "namespace" | "exportName" | "args"> {
  args: LoadedArg[];
}

/** A collection as the loader reads it: operations without identifiers (`nameModel` gives them). */
export interface LoadedModel extends Omit<ApiModel, "operations"> {
  operations: LoadedOperation[];
}

export interface ApiModel {
  /** Collection name. */
  name: string;
  description?: string;
  /** Default base URL template, e.g. `{{baseUrl}}` or `https://api.example.com`. */
  baseUrl: string;
  /** Every variable the requests refer to, with the collection's values. */
  variables: VariableModel[];
  operations: OperationModel[];
  warnings: Warning[];
  /** The Postman environments a client can be made for, in the target's order (src/load/scopes.ts). */
  environments?: EnvironmentModel[];
  /** Variables whose only value is a secret of the globals: the client asks for them at run time. */
  globalSecrets?: string[];
  /**
   * At a regeneration, the shared types of the output it replaces (its manifest's `types`: name →
   * the type written out): each still here keeps its name (src/model/shared-shapes.ts).
   */
  sharedTypesBefore?: Readonly<Record<string, string>>;
  /**
   * At a regeneration, the namespaces' interfaces of the output it replaces (its manifest's
   * `namespaces`: namespace path joined by `.` → interface name): each still here keeps its name
   * where the rule gives it (`namespaceTypes` in src/model/naming.ts).
   */
  namespaceTypesBefore?: Readonly<Record<string, string>>;
}

/**
 * A Postman environment: `createClient({ environment: name })` takes its values over the
 * collection's; what the caller passes at run time wins over both.
 */
export interface EnvironmentModel {
  /** The name the client knows it by: the config's key, else the file's own `name`. */
  name: string;
  /** Its enabled values that are not secrets, in the file's order. */
  values: Record<string, string>;
  /** Keys whose values are secrets: never written into a client; asked for at run time. */
  secrets: string[];
  /**
   * Keys whose values hold half a character (a lone surrogate), which the client cannot encode:
   * left out, and asked for at run time as the secrets are. Absent when there are none.
   */
  unencodable?: string[];
}

export interface Warning {
  source: Source;
  message: string;
  /** The file the warning is about, when it is not the collection (an environment, the globals). */
  file?: string;
  /**
   * What the emitted package calls that file (`environment "staging"`, `globals`), for its README,
   * which names no input file's path.
   */
  scope?: string;
  /**
   * What the message is said of, as it writes it (`body field $.link_token`), when the same problem
   * is said of many things: a person reads it as one problem with its things (model/warning-groups.ts).
   */
  subject?: string;
}
