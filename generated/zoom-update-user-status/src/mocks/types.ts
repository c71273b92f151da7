// The data a mock answers from, and the public types of the mocks. Copied into every emitted package
// (src/mocks/, beside its runtime): plain data and types, no dependencies.
import type { EnvironmentSpec, OperationSpec } from "../runtime/spec.js";

/** A `[name, value]` pair, in the order the collection gives it. */
export type MockPair = readonly [string, string];

/** The body of the request an example was saved with, for `x-mock-match-request-body`. */
export type MockRequestBody =
  /** Raw text (JSON, XML, …), compared as JSON when both sides parse, else as trimmed text. */
  | { readonly mode: "raw"; readonly text: string }
  /** Form fields (urlencoded or multipart text fields), compared as a set of pairs. */
  | { readonly mode: "form"; readonly fields: readonly MockPair[] };

/** One saved example response, as the collection holds it. */
export interface MockExample {
  /** The example's name as saved (what `x-mock-response-name` selects). */
  readonly name: string;
  /** The example's id, when the collection has one (what `x-mock-response-id` selects). */
  readonly id?: string;
  readonly status: number;
  /** Response headers as saved (content type included), left out where HTTP cannot carry them. */
  readonly headers: readonly MockPair[];
  /** The body as saved, served as it is. */
  readonly body: string;
  /** The request the example was saved with: its query and body, for matching. */
  readonly request?: {
    readonly query?: readonly MockPair[];
    readonly body?: MockRequestBody;
  };
}

/** The saved examples of one operation, named by its namespace and its name (`["users", "userId", "updateUserStatus"]`: `operationKey`). */
export interface MockOperationExamples {
  readonly operation: readonly string[];
  readonly examples: readonly MockExample[];
  /** The saved request of every example that gives none of its own (importers save the same one with each). */
  readonly request?: MockExample["request"];
}

/**
 * One thing a request of the collection sends, among requests that share its method and path,
 * that not all of them send: what tells them apart (Plaid's seven `POST /link/token/create`).
 */
export interface MockRequestFact {
  readonly in: "body" | "query" | "header";
  /** The field's name; for a JSON body, the keys from the body down to it (`["user", "client_user_id"]`). */
  readonly name: readonly string[];
  /**
   * The value the collection writes there (a JSON value in a JSON body, else text); absent: the
   * fact is that the field is sent at all.
   */
  readonly value?: unknown;
  /**
   * Instead of the value: what the GraphQL query at `name` asks for (`query { me }`, graphql-asks.ts),
   * which a caller's own query for the same operation shares with the collection's.
   */
  readonly asks?: string;
  /**
   * The fact is that it is not sent: of a whole body (`name: []`), a request that sends none,
   * beside one on the same route that sends one (mock-data.ts's operationFacts).
   */
  readonly absent?: true;
  /**
   * The fact holds of a request that sends a body: one without meets it. A raw body typed by its
   * language that may be empty once filled goes then with neither body nor Content-Type.
   */
  readonly withBody?: true;
}

/**
 * What one operation's request sends, of operations that may share a route with others (with the
 * collection's values, or with others a mock is given): the mock tells apart those that share one
 * with its values by these (`apartFacts`).
 */
export interface MockOperationRequest {
  /** As in `MockOperationExamples`. */
  readonly operation: readonly string[];
  /** What its request sends that not all of the operations it may share a route with send. */
  readonly facts: readonly MockRequestFact[];
  /**
   * What every one of its saved examples' requests sends (the same left out), which tells it
   * apart where another's request sends what its request does.
   */
  readonly saved?: readonly MockRequestFact[];
}

/** What a mock needs of an API: the client's own operations and defaults, and the saved examples. */
export interface MockApi {
  /** The collection's name, for messages. */
  readonly name: string;
  /** The client's default base URL (may hold `{{variables}}`). */
  readonly baseUrl: string;
  /** The collection's variables. */
  readonly variables: Readonly<Record<string, string>>;
  /** The client's `operations`. */
  readonly operations: readonly OperationSpec[];
  /** Saved examples per operation; an operation without an entry has none. */
  readonly examples: readonly MockOperationExamples[];
  /**
   * For operations that may share a method and path with others, what their requests send, for the
   * mock to tell them apart; an operation without an entry sends nothing that does.
   */
  readonly requests?: readonly MockOperationRequest[];
  /** The client's Postman environments by name (its `environments`), for the `environment` option. */
  readonly environments?: Readonly<Record<string, EnvironmentSpec>>;
}

/**
 * Where a mock answers, as `createClient` is told where to send: the same options, the same
 * defaults. `EnvironmentName`: the names the client's `environment` option takes (none: the
 * environment is given as data).
 */
export interface MockOptions<
  Variables extends object = Record<string, string>,
  EnvironmentName extends string = never,
> {
  /** The client's `baseUrl`; defaults to the collection's. */
  baseUrl?: string | undefined;
  /** The client's `baseUrls`: replacements for the other bases some requests use. */
  baseUrls?: Record<string, string> | undefined;
  /** The client's `variables`: `{{variables}}` in base URLs and paths resolve as the client resolves them. */
  variables?: { [Name in keyof Variables]?: Variables[Name] | undefined } | undefined;
  /**
   * The environment the client is made for, as `createClient` takes it (`environment: "staging"`),
   * or as data (`environments.staging`): its values come after `variables` and before the
   * collection's, and its secrets are the caller's to give.
   */
  environment?: EnvironmentName | EnvironmentSpec | undefined;
  /** Milliseconds to wait before every answer (an aborted request stops waiting and rejects). */
  delay?: number | undefined;
}

/** Success bodies by status, of an operation whose type says them (`OperationSpec<Responses>`); else any status and body. */
export type ResponsesOf<Op> = Op extends { readonly "~types"?: { readonly responses: infer R } }
  ? unknown extends R
    ? LooseResponses
    : R
  : LooseResponses;

type LooseResponses = { [status: number]: unknown };

/**
 * The body an override may give for status `S` (`never` when no status is given: the default
 * answer's, one of the success bodies). A documented success status takes its type; any other
 * status (errors, statuses the collection does not document) takes any body.
 */
export type OverrideBody<Op, S extends number> = [S] extends [never]
  ? [keyof ResponsesOf<Op>] extends [never]
    ? unknown
    : ResponsesOf<Op>[keyof ResponsesOf<Op>]
  : S extends keyof ResponsesOf<Op>
    ? ResponsesOf<Op>[S]
    : unknown;

/**
 * How one operation answers instead of its saved examples. Given a status only, the saved example
 * of that status answers (an empty body when there is none); given a body, it is sent as it is when
 * a string, else as JSON.
 */
export interface MockOverride<Op extends OperationSpec = OperationSpec, S extends number = never> {
  status?: S | undefined;
  body?: OverrideBody<Op, S> | undefined;
  /** Headers of the answer; they override the saved example's. */
  headers?: Record<string, string> | undefined;
  /** Milliseconds to wait before answering; overrides the mock's `delay`. */
  delay?: number | undefined;
}

/** One request a mock answered, for assertions. */
export interface MockCall {
  /**
   * The operation the request matched; `undefined` when none did (answered 404). Of operations that
   * share the method and path, the one whose request is most like it (see `tellApart`).
   */
  readonly operation: OperationSpec | undefined;
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  /** The request body: parsed JSON for a JSON content type, `FormData` for forms, else text; `undefined` when empty. */
  readonly body: unknown;
  /** The status answered. */
  readonly status: number;
  /** The name of the saved example whose body was sent, if one was. */
  readonly example: string | undefined;
  /** True when an override answered. */
  readonly overridden: boolean;
}

/** A mock's controls, shared by the mock fetch, the MSW handlers and the mock server. */
export interface MockControls {
  /** Every request answered, in order. */
  readonly calls: readonly MockCall[];
  /**
   * Answers `operation`'s requests with `override` until `reset()`. Of operations that share its
   * method and path, only the requests most like `operation`'s (see `tellApart`).
   */
  use<Op extends OperationSpec, S extends number = never>(
    operation: Op,
    override: MockOverride<Op, S>,
  ): this;
  /** Answers `operation`'s next request with `override`, before any `use()` override; several queue up. */
  once<Op extends OperationSpec, S extends number = never>(
    operation: Op,
    override: MockOverride<Op, S>,
  ): this;
  /** Forgets the overrides and the recorded calls. */
  reset(): void;
}
