// The plain data each Handlebars template renders: built from the model, nothing computed in
// templates. README pieces are markdown already as prettier writes it (printer/markdown.ts,
// printer/typescript.ts for the code blocks). The data the generated tests read is test-cases.ts.
import { binName } from "../command-line/emit-command-line.js";
import { envName } from "../command-line/names.js";
import { references } from "../model/references.js";
import { clientPath, runtimeName } from "../model/naming.js";
import { AUTH_OPTIONS, optionMeaning, takesOption } from "./auth-options.js";
import { sharedExports } from "./modules.js";
import { authText, REDIRECT_DOC, requestTarget, scriptKind } from "./docs.js";
import { exampleEnvironment, exampleInputs } from "./example-inputs.js";
import { exampleArgs } from "./examples.js";
import { lookupFor } from "./expectations.js";
import { PRINT_DEFAULTS, type PrintOptions } from "./printer/doc.js";
import { blockMarkdown, codeSpan, inlineMarkdown, markdownTable, plainMarkdown } from "./printer/markdown.js";
import { printModule, valueExpr, type Expr, type ObjectMember, type Statement } from "./printer/typescript.js";
import { argType, TEXT_TYPE } from "./type-expressions.js";
import { stringLiteral } from "./literals.js";
import { sharedOf } from "./modules/layout.js";
import { fillTemplate, type Lookup } from "../runtime/template.js";
import type { ApiModel, OperationModel } from "../model/types.js";
import type { AuthOptions } from "../runtime/auth.js";
import { warningGroups } from "../model/warning-groups.js";
import { jsonAsWritten } from "../model/unquoted.js";
import { counted } from "../counted.js";
import { operationUnsetVariables, unsetVariables, type VariableHolders } from "../model/unset-variables.js";
import { argumentReferring, authVariables, variablesIn } from "../command-line/credentials.js";
import { emptyIn } from "../runtime/environments.js";
import type { AuthSpec } from "../runtime/spec.js";

export interface PackageInfo {
  packageName: string;
  /** Semantic version written to the emitted package.json. */
  packageVersion: string;
  /** File name of the collection (no directories: output must not depend on where it was run). */
  collectionFile: string;
  devDependencies: Record<string, string>;
}

/** A template with the collection's own variable values filled in, or "" when some have none. */
function resolved(template: string, lookup: Lookup): string {
  try {
    const text = fillTemplate(template, lookup, "readme");
    return text === template ? "" : text;
  } catch {
    return "";
  }
}

const id = (name: string): Expr => ({ kind: "id", name });
const member = (object: Expr, property: string): Expr => ({ kind: "member", object, property });
const call = (callee: Expr, ...args: Expr[]): Expr => ({ kind: "call", callee, args });

/** The arguments the README passes (the required ones) as an object; file values as Blobs. */
export function exampleArgsExpr(op: OperationModel): Expr {
  return {
    kind: "object",
    properties: exampleArgs(op)
      .filter(([arg]) => arg.required)
      .map(([arg, value]) => ({
        kind: "property" as const,
        key: arg.arg,
        value:
          arg.type === "file"
            ? {
                kind: "call" as const,
                new: true,
                callee: id("Blob"),
                args: [{ kind: "array" as const, elements: [valueExpr(String(value))] }],
              }
            : valueExpr(value),
      })),
  };
}

/**
 * The arguments of the examples' call: its required arguments' object, or none when it has none
 * (`client.users.listUsers()`, not `listUsers({})`; a method whose arguments are all optional takes none).
 */
export function exampleCallArgs(op: OperationModel): Expr[] {
  const args = exampleArgsExpr(op);
  return args.kind === "object" && !args.properties.length ? [] : [args];
}

/** `console.error(error.a, error.b)`. */
function consoleError(...fields: string[]): Expr {
  return call(member(id("console"), "error"), ...fields.map((f) => member(id("error"), f)));
}

/** The README's code blocks, printed as prettier formats the code in a markdown fence. */
export function code(statements: Statement[], options: PrintOptions): string {
  return printModule(
    statements.map((s, i) => ({ ...s, tight: s.tight ?? i > 0 })),
    options,
  ).trimEnd();
}

/**
 * The operation the README's examples show: one that needs few arguments (at most two) and reads
 * rather than changes (GET), else the first with few arguments, else the first. Readers paste the
 * first example, token and all, against their own account: Zoom's showed `deleteSipPhone`, in the
 * client, the mocks and the command line alike. One the client authenticates as the collection
 * does comes before one that a pre-request script signs (scriptHeaders): Twitter Ads' showed one
 * of those, which goes out unsigned as written. One the mocks answer (savesSuccess) comes first of
 * all, as the mocks' examples run it offline: one without a saved 2xx answer rejects there (501).
 */
export function exampleOperation(model: ApiModel): OperationModel | undefined {
  const few = (op: OperationModel) => op.args.filter((a) => a.required).length <= 2;
  const unsigned = (op: OperationModel) => !scriptHeaders(op).length;
  // A collection without requests (only empty folders, or none) has no example to show.
  const operations =
    [
      model.operations.filter((op) => savesSuccess(op) && unsigned(op)),
      model.operations.filter(savesSuccess),
      model.operations.filter(unsigned),
      model.operations,
    ].find((list) => list.length) ?? [];
  return operations.find((op) => op.method.toUpperCase() === "GET" && few(op)) ?? operations.find(few) ?? operations[0];
}

/**
 * Whether the collection saves a successful (2xx) answer of an operation: what the mocks answer a
 * call with by default. Without one, they answer its saved error, or 501 where it has none.
 */
export function savesSuccess(op: OperationModel): boolean {
  return op.responses.some((r) => r.status >= 200 && r.status < 300 && r.examples.length > 0);
}

/**
 * The headers the pre-request scripts of a `noauth` operation add (Twitter Ads' `Authorization`,
 * an OAuth 1 signature): Postman signs such a request in a script, which the client never runs,
 * so it goes out without them unless an `onRequest` hook adds them. None for any other operation.
 */
export function scriptHeaders(op: OperationModel): string[] {
  if (op.auth.type !== "none") return [];
  return [...new Set(op.scripts.flatMap((s) => (s.listen === "prerequest" ? (s.headers ?? []) : [])))];
}

/**
 * The README examples' `onRequest` option: for an operation a pre-request script signs, each header
 * the script adds, set to a placeholder the reader replaces with what the script computes; then
 * `after`, the hook example's own lines (cursorHook).
 */
function signingHook(headers: string[], after: Statement[] = []): ObjectMember {
  const request = id("request");
  return {
    kind: "method",
    key: "onRequest",
    params: [{ name: "request" }],
    body: [
      ...(headers.length
        ? [
            {
              kind: "raw" as const,
              text: "// A pre-request script signs these requests in Postman; the client runs none: add what it adds.",
            },
          ]
        : []),
      ...headers.map((name): Statement => ({
        kind: "expression",
        expression: call(member(member(request, "headers"), "set"), valueExpr(name), valueExpr("…")),
        tight: true,
      })),
      ...after,
    ],
  };
}

/**
 * The body of the README's `onRequest` example: a query parameter and a JSON body field the
 * collection lacks, added to one operation's requests (`operation` and `cursor` are its consts).
 */
function cursorHook(): Statement[] {
  const request = id("request");
  return [
    { kind: "raw", text: "if (request.operation !== operation) return;", tight: true },
    {
      kind: "expression",
      expression: call(
        member(member(member(request, "url"), "searchParams"), "set"),
        valueExpr("cursor"),
        id("cursor"),
      ),
      tight: true,
    },
    { kind: "raw", text: "// A JSON body is the text to send.", tight: true },
    {
      kind: "if",
      test: 'typeof request.body === "string"',
      then: { kind: "raw", text: "request.body = JSON.stringify({ ...JSON.parse(request.body), cursor });" },
      tight: true,
    },
  ];
}

/**
 * The client options the README's example gives (exampleInputs), each value read from the
 * environment variable the package's command line reads it from (`ZOOM_API_TOKEN`), so that one
 * variable serves both examples of the README: with `API_TOKEN` here and `ZOOM_API_TOKEN` there,
 * whoever set the one got a 401 from the other. A part the option's type requires is said to be a
 * string (`process.env` holds `string | undefined`), or the example would not compile.
 */
function credentialMembers(options: AuthOptions, packageName: string): ObjectMember[] {
  const env = (flag: string) => member(member(id("process"), "env"), envName(envName(binName(packageName)), flag));
  return Object.entries(options).map(([key, value]) => {
    const strict = AUTH_OPTIONS[key as keyof AuthOptions].strictParts;
    const part = (flag: string): Expr =>
      strict ? { kind: "as", expression: env(flag), type: { kind: "name", name: "string" } } : env(flag);
    return {
      kind: "property",
      key,
      value:
        typeof value === "string"
          ? env(value)
          : {
              kind: "object",
              properties: Object.entries(value as Record<string, string>).map(([k, flag]) => ({
                kind: "property" as const,
                key: k,
                value: part(flag),
              })),
            },
    };
  });
}

export function readmeView(model: ApiModel, info: PackageInfo, options: { ts?: PrintOptions; tabWidth?: number } = {}) {
  const ts = options.ts ?? PRINT_DEFAULTS;
  // A list nested in a list item is indented by the item's marker and, as prettier aligns it, up
  // to the tab width.
  const nested = " ".repeat(2 + Math.min(Math.max((options.tabWidth ?? 2) - 2, 0), 3));
  const first = exampleOperation(model);
  const authTexts = model.operations.map((op) => inlineMarkdown(authText(op.auth, (text) => codeSpan(text))));
  const inputs = first ? exampleInputs(model, first) : undefined;
  const unset = inputs?.variables ?? [];
  const signedHeaders = first ? scriptHeaders(first) : [];
  const optionProperties: ObjectMember[] = [
    ...credentialMembers(inputs?.options ?? {}, info.packageName),
    ...(unset.length
      ? [
          {
            kind: "property" as const,
            key: "variables",
            value: {
              kind: "object" as const,
              properties: unset.map((key) => ({ kind: "property" as const, key, value: valueExpr("…") })),
            },
          },
        ]
      : []),
  ];
  const withSigning = [...optionProperties, ...(signedHeaders.length ? [signingHook(signedHeaders)] : [])];
  const options_ = withSigning.length ? [{ kind: "object" as const, properties: withSigning }] : [];
  const importNames = (names: string[]): Statement => ({
    kind: "import",
    from: info.packageName,
    names: names.map((name) => ({ name })),
  });
  // `client.<namespaces>.<method>(args)` of the example operation.
  const firstCall: Expr | undefined = first
    ? call(
        clientPath(first)
          .split(".")
          .reduce<Expr | undefined>((e, part) => (e ? member(e, part) : id(part)), undefined)!,
        ...exampleCallArgs(first),
      )
    : undefined;
  const useCode = code(
    [
      importNames(["createClient", "ApiError", "ValidationError"]),
      { kind: "const", name: "client", init: call(id("createClient"), ...options_), tight: false },
      ...(first
        ? [
            {
              // The imported error classes at work, as an app meets them: refused before sending,
              // or an answer outside 2xx with the API's own error code.
              kind: "try",
              block: [
                {
                  kind: "const",
                  name: "result",
                  init: { kind: "await", argument: firstCall! },
                },
                { kind: "expression", expression: call(member(id("console"), "log"), id("result")), tight: true },
              ],
              param: "error",
              handler: [
                {
                  kind: "if",
                  test: "error instanceof ValidationError",
                  then: { kind: "expression", expression: consoleError("field", "message") },
                  otherwise: {
                    kind: "if",
                    test: "error instanceof ApiError",
                    then: { kind: "expression", expression: consoleError("status", "code", "message") },
                    otherwise: { kind: "raw", text: "throw error;" },
                  },
                },
              ],
              tight: true,
            } satisfies Statement,
          ]
        : []),
    ],
    ts,
  );
  const standaloneCode = code(
    [
      importNames(["createBaseClient", ...(first ? [first.exportName] : [])]),
      { kind: "const", name: "baseClient", init: call(id("createBaseClient"), ...options_), tight: false },
      ...(first
        ? [
            {
              kind: "expression",
              expression: {
                kind: "await",
                argument: call(id(first.exportName), id("baseClient"), ...exampleCallArgs(first)),
              },
            } satisfies Statement,
          ]
        : []),
    ],
    ts,
  );
  const base = model.baseUrl;
  const resolvedBase = resolved(base, lookupFor(model, {}));
  const otherBases = [...new Set(model.operations.flatMap((op) => (op.base !== undefined ? [op.base] : [])))];
  const cell = (text: string) => inlineMarkdown(text, { table: true });
  const tableCode = (text: string) => codeSpan(text, true);
  const optionRows: string[][] = [
    [
      tableCode("baseUrl"),
      `Base URL that request paths are appended to. Default: ${tableCode(base)}${resolvedBase ? ` (${tableCode(resolvedBase)})` : ""}${
        otherBases.length
          ? ` (requests to ${otherBases.map(tableCode).join(", ")} keep their own base; replace those with ${tableCode('baseUrls: { "<base as written>": "<url>" }')})`
          : ""
      }.`,
    ],
    [
      tableCode("variables"),
      `Values of the collection's ${tableCode("{{variables}}")} (below); they override the collection's own values.`,
    ],
    ...(model.environments?.length
      ? [
          [
            tableCode("environment"),
            `One of the collection's Postman environments (${model.environments.map((e) => tableCode(JSON.stringify(e.name))).join(", ")}): its values are taken over the collection's; see Environments below.`,
          ],
        ]
      : []),
    ...authOptionRows(model, tableCode),
    [tableCode("headers"), "Headers sent with every request."],
    [
      tableCode("timeoutMs"),
      `How long one attempt may take, the response's body included (default 60 000); then it fails with a ${tableCode("TimeoutError")}. ${tableCode("Infinity")} for no limit.`,
    ],
    [
      tableCode("maxRetries"),
      `How many times a failed attempt is retried (default 2). For every method: 429, and a connection that could not be made (refused, a host name that does not resolve, a connect timeout: nothing was sent). Only for idempotent methods (not POST or PATCH) and requests that send an ${tableCode("Idempotency-Key")} header (from the collection, the options or a hook, in any case): 408, 409, 5xx, timeouts, a connection lost once made and an answer cut off mid-body, as the server may have acted on the request. Never 501 or 505. The wait follows ${tableCode("Retry-After")} (seconds or a date, at most a minute), else exponential backoff with jitter.`,
    ],
    [
      `${tableCode("onRequest")}, ${tableCode("onResponse")}, ${tableCode("onError")}`,
      `Hooks called for every attempt, retries included: ${tableCode("(request)")}, ${tableCode("(response, request)")}, ${tableCode("(error, request)")}. ${tableCode("request")} has ${tableCode("operation")} (the operation's name, unique in the package, as its errors give it), ${tableCode("attempt")}, ${tableCode("method")}, ${tableCode("url")}, ${tableCode("headers")} (which hold the token: log with care) and ${tableCode("body")}.`,
    ],
    [tableCode("fetch"), `Any fetch implementation (default: the global ${tableCode("fetch")}).`],
    ...(sharedExports(model).includes("responseChecks")
      ? [
          [
            `${tableCode("responseCheck")}, ${tableCode("responseChecks")}, ${tableCode("onTypeMismatch")}`,
            `Off by default. ${tableCode('"warn"')} or ${tableCode('"throw"')}, with this package's ${tableCode("responseChecks")} export: each 2xx JSON body is compared with the type inferred from the collection's examples, and each difference (${tableCode("{ operation, status, path, expected, received }")}: a path and kinds, never a value) goes to ${tableCode("onTypeMismatch")} (else ${tableCode("console.warn")}); ${tableCode('"throw"')} also rejects with a ${tableCode("ResponseTypeError")}. Only code that imports ${tableCode("responseChecks")} bundles the types.`,
          ],
        ]
      : []),
  ];
  const withoutValue = unsetVariables(model);
  const environments = model.environments ?? [];
  const variables = model.variables.map((v) => [
    tableCode(v.name),
    v.default !== undefined
      ? `${valueCell(v.default)}${v.fromGlobals ? " (the globals': the collection has none)" : ""}`
      : `none: ${givingText(withoutValue[v.name]!, environments.length > 0, false, tableCode)}`,
    // Each environment's value (only the name of one it holds back: a secret's value is in no file).
    ...(environments.length ? [environmentValues(model, v.name, tableCode)] : []),
    v.description ? cell(v.description) : "",
  ]);
  const commonAuth = authTexts.length > 1 && new Set(authTexts).size === 1 ? authTexts[0]! : "";
  return {
    ...info,
    title: plainMarkdown(info.packageName),
    name: plainMarkdown(model.name),
    collection: codeSpan(info.collectionFile),
    description: model.description ? blockMarkdown(model.description) : "",
    useCode,
    standaloneCode,
    // The README's onRequest example, whole, so that it compiles and runs as written: its import,
    // the operation and value it stands for (an operation's name is what hooks see), a client with
    // the first example's options (its credentials and variables; a signing script's headers in
    // the same hook), and a call of that operation, which the hook then changes.
    hookCode: code(
      [
        importNames(["createClient"]),
        {
          kind: "const",
          name: "operation",
          init: { kind: "string", value: first ? runtimeName(first) : "theOperation" },
          tight: false,
        },
        { kind: "const", name: "cursor", init: { kind: "string", value: "…" } },
        {
          kind: "const",
          name: "client",
          init: call(id("createClient"), {
            kind: "object",
            properties: [...optionProperties, signingHook(signedHeaders, cursorHook())],
          }),
          tight: true,
        },
        ...(firstCall
          ? [{ kind: "expression" as const, expression: { kind: "await" as const, argument: firstCall } }]
          : []),
      ],
      ts,
    ),
    importCode: code([importNames(["createClient", "ApiError"])], ts),
    requireCode: code(
      [
        {
          kind: "const",
          name: "",
          pattern: ["createClient", "ApiError"],
          init: call(id("require"), { kind: "string", value: info.packageName }),
        },
      ],
      ts,
    ),
    // What `Text` in the arguments' types stands for, when some argument takes it.
    // (The alias is always exported; the README says what it is only where it is written.)
    textType: sharedOf(model).text ? codeSpan(TEXT_TYPE) : "",
    optionsTable: markdownTable(
      ["Option", "Meaning"],
      optionRows.map(([option, meaning]) => [option!, cell(meaning!)]),
    ),
    variablesTable: variables.length
      ? markdownTable(
          ["Variable", "Collection's value", ...(environments.length ? ["Environments"] : []), "Description"],
          variables,
        )
      : "",
    // Without requests the README says so in place of the client's use, whose examples would call
    // nothing (`const client = createClient();` and no more, which an app's noUnusedLocals refuses),
    // and of the operations and the environments' example, made for a client that has none.
    noRequests: !model.operations.length,
    environmentsSection: firstCall ? environmentsSection(model, info, ts, firstCall) : "",
    mocksEnvironment: mocksEnvironment(model),
    // Said once when every operation has it (310 equal lines say nothing more), never for one operation.
    commonAuth,
    operations: model.operations.map((op, i) =>
      operationReadme(op, commonAuth ? "" : authTexts[i]!, nested, needsText(model, op, withoutValue)),
    ),
    // Each problem once, with all its places, and each other thing it is said of with its own
    // (model/warning-groups.ts).
    // A place in an environment or the globals says which (`values[1].value` alone reads as the
    // collection's), by the name the client knows it by.
    warnings: warningGroups(model.warnings, (w) => w.file ?? "").map(({ places, message, others, scope }) => {
      const spans = (list: string[]) => list.map((place) => codeSpan(place)).join(", ");
      const same = others.map(({ subject, places }) => `${plainMarkdown(subject)} (${spans(places)})`);
      const where = scope ? `${plainMarkdown(scope)}, ` : "";
      return `- ${where}${spans(places)}: ${plainMarkdown(message)}${same.length ? `; the same for ${same.join(", ")}` : ""}`;
    }),
  };
}

/**
 * A variable's value in a README table: as code, save an empty one, which a code span cannot show
 * (it printed as a lone pair of backticks, read as markup gone wrong).
 */
function valueCell(value: string): string {
  return value === "" ? "(empty)" : codeSpan(value, true);
}

/**
 * The README's Environments section: the environments by name, their values and the keys of
 * their secrets, how to choose one, and the order in which a `{{variable}}` takes its value.
 * Empty when the collection was generated without environments. `firstCall` is the README's
 * example call, made with that client.
 */
function environmentsSection(model: ApiModel, info: PackageInfo, ts: PrintOptions, firstCall: Expr): string {
  const environments = model.environments ?? [];
  const first = exampleEnvironment(model);
  if (!first) return "";
  const { asked } = first;
  const tableCode = (text: string) => codeSpan(text, true);
  const options: Expr = {
    kind: "object",
    properties: [
      { kind: "property", key: "environment", value: valueExpr(first.name) },
      ...(asked.length
        ? [
            {
              kind: "property" as const,
              key: "variables",
              value: {
                kind: "object" as const,
                properties: asked.map((key) => ({ kind: "property" as const, key, value: valueExpr("…") })),
              },
            },
          ]
        : []),
    ],
  };
  const chooseCode = code(
    [
      { kind: "import", from: info.packageName, names: [{ name: "createClient" }] },
      { kind: "const", name: "client", init: call(id("createClient"), options), tight: false },
      // A call, as the usage example makes: a client made and never used is what an app's
      // noUnusedLocals refuses, and the example then shows that calls need nothing more.
      { kind: "expression", expression: { kind: "await", argument: firstCall } },
    ],
    ts,
  );
  // Longer than any run of backticks in the code (an environment's name may hold some), as prettier writes it.
  const fence = "`".repeat(Math.max(3, ...(chooseCode.match(/`+/g) ?? []).map((run) => run.length + 1)));
  const rows = environments.map((e) => [
    tableCode(e.name),
    Object.entries(e.values)
      .map(([key, value]) => `${tableCode(key)}: ${valueCell(value)}`)
      .join(", "),
    e.secrets.map(tableCode).join(", "),
  ]);
  const globals = model.globalSecrets?.length
    ? ` The globals' secrets (${model.globalSecrets.map((key) => codeSpan(key)).join(", ")}) are left out the same way.`
    : "";
  // No secrets, but in no file either: what they are, and that the client asks for them the same way.
  const leftOut = environments.flatMap((e) =>
    (e.unencodable ?? []).map((key) => `${codeSpan(key)} of ${codeSpan(e.name)}`),
  );
  const unencodable = leftOut.length
    ? [
        `Left out as well, though no secrets, as their values hold half a character (a lone surrogate), which cannot be encoded: ${leftOut.join(", ")}. Pass them in ${codeSpan("variables")} too; a request that needs one that was not passed rejects with a ${codeSpan("ValidationError")} that says so.`,
      ]
    : [];
  return [
    `The client can be made for one of the collection's Postman environments, chosen by name with the ${codeSpan("environment")} option: its values are taken over the collection's. ${codeSpan("environments")} exports the same data (names, values, the keys of secrets) for tools.`,
    `${fence}ts\n${chooseCode}\n${fence}`,
    markdownTable(["Environment", "Values", "Secrets"], rows),
    `A ${codeSpan("{{variable}}")} takes the first value it has in this order (Postman's precedence, narrowest first): ${codeSpan("variables")} of the call, ${codeSpan("variables")} of ${codeSpan("createClient")}, the chosen environment, the request's and its folders' own values, the collection's, the globals'.`,
    `An environment's secrets are in no file of this package: pass them in ${codeSpan("variables")}; a request that needs one that was not passed rejects with a ${codeSpan("ValidationError")} naming the variable and the environment, before anything is sent.${globals}`,
    ...unencodable,
  ].join("\n\n");
}

/**
 * How the mocks learn the environment a client is made for, said beside the base URL and variables
 * they are given (a mock without it answers such a client's every call with its 404). Empty
 * without environments.
 */
function mocksEnvironment(model: ApiModel): string {
  // The environment the README's examples choose, as the Environments section's example does.
  const name = exampleEnvironment(model)?.name;
  if (name === undefined) return "";
  const client = codeSpan(`createClient({ environment: ${stringLiteral(name)} })`);
  const mock = codeSpan(`createMockFetch({ environment: ${stringLiteral(name)} })`);
  return `, and the environment it is made for, as the client takes it: ${client} takes ${mock}`;
}

/**
 * The options table's rows of the auth options (AUTH_OPTIONS, one per member of the runtime's
 * `AuthOptions`), for those the package's operations take.
 */
function authOptionRows(model: ApiModel, code: (text: string) => string): string[][] {
  return (Object.keys(AUTH_OPTIONS) as Array<keyof AuthOptions>)
    .filter((key) => takesOption(model, key))
    .map((key) => [code(key), optionMeaning(key, code, model)]);
}

/**
 * How a variable without a value of the collection's is given: in `variables`, or by choosing an
 * environment that has one (`environments`: whether the collection has any), as the runtime's error
 * for it says. `plural`: said of several variables at once.
 */
function givingText(
  holders: VariableHolders,
  environments: boolean,
  plural: boolean,
  code: (text: string) => string,
): string {
  const it = plural ? "them" : "it";
  const pass = `pass ${it} in ${code("variables")}`;
  if (!environments) return pass;
  return "empty" in holders
    ? `${pass}; no environment has a value for ${it}${emptyIn(holders.empty, code)}`
    : `${pass}, or choose an environment that has ${it}: ${listed(holders.map(code), "or")}`;
}

/** A variable's value in each environment, as the Environments section shows them; of a secret, only that it is one. */
function environmentValues(model: ApiModel, name: string, code: (text: string) => string): string {
  return (model.environments ?? [])
    .flatMap((e) =>
      Object.hasOwn(e.values, name)
        ? [`${code(e.name)}: ${valueCell(e.values[name]!)}`]
        : e.secrets.includes(name)
          ? [`${code(e.name)}: a secret (pass it in ${code("variables")})`]
          : e.unencodable?.includes(name)
            ? [`${code(e.name)}: left out (pass it in ${code("variables")})`]
            : [],
    )
    .join(", ");
}

/**
 * The operation's line of the variables it needs that have no value (the command's `--help` lists
 * the same: operationUnsetVariables), each with how to give it, or "" when it needs none. Those only
 * its auth refers to are left to its auth line, which names them beside the client option that
 * takes their place.
 */
function needsText(model: ApiModel, op: OperationModel, unset: Record<string, VariableHolders>): string {
  const elsewhere = variablesIn([op.base, op.path, op.variables, op.args.map((a) => a.default)]);
  const authOnly = authVariables({ auth: op.auth as AuthSpec }).filter((name) => !elsewhere.has(name));
  const needed = operationUnsetVariables(model, op, unset).filter((name) => !authOnly.includes(name));
  if (!needed.length) return "";
  const environments = (model.environments?.length ?? 0) > 0;
  const code = (text: string) => codeSpan(text);
  // What is said of one variable alone, in its parentheses: the environments (where the collection
  // has any), and the argument whose default is all that refers to it (given, it is not needed).
  const items = needed.map((name) => {
    const holders = unset[name]!;
    const argument = argumentReferring(op, name);
    const parts = [
      ...(!environments
        ? []
        : "empty" in holders
          ? [
              `no environment has a value for it${holders.empty.length ? `, ${listed(holders.empty.map(code))} ${holders.empty.length > 1 ? "have" : "has"} it empty` : ""}`,
            ]
          : [`or choose an environment that has it: ${listed(holders.map(code), "or")}`]),
      ...(argument !== undefined ? [`or give ${code(argument)}, whose default refers to it`] : []),
    ];
    return `${code(`{{${name}}}`)}${parts.length ? ` (${parts.join("; ")})` : ""}`;
  });
  return `Needs in ${code("variables")} (no value in the collection): ${listed(items)}.`;
}

/** `a`, `a and b`, `a, b and c` (or `or`). */
function listed(items: readonly string[], conjunction = "and"): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)!}` : items[0]!;
}

function operationReadme(op: OperationModel, auth: string, nested: string, needs: string) {
  const facts = [
    ...(needs ? [needs] : []),
    ...(auth ? [`Auth: ${auth}.`] : []),
    ...(op.scopes?.length ? [`Scopes: ${op.scopes.map((s) => codeSpan(s)).join(", ")}.`] : []),
    ...(op.rateLimit ? [`Rate limit label: ${codeSpan(op.rateLimit)}.`] : []),
    ...(op.redirect ? [REDIRECT_DOC] : []),
    ...(op.scripts.length
      ? [
          `Postman scripts that the client does not run: ${op.scripts
            .map(
              (s) =>
                `${s.scope} ${scriptKind(s)} (${counted(s.lines, "line")}${s.sets.length ? `; sets ${s.sets.map((v) => codeSpan(v)).join(", ")}` : ""})`,
            )
            .join("; ")}.`,
        ]
      : []),
  ];
  return {
    heading: `### ${codeSpan(`${clientPath(op)}(args)`)}`,
    title: `**${plainMarkdown(op.item || op.name)}**: ${codeSpan(`${op.method} ${requestTarget(op)}`)}${op.base !== undefined ? ` on ${codeSpan(op.base)}` : ""}`,
    // The first paragraph, at most 2,000 characters: the whole description is in the JSDoc that editors show.
    description: op.description ? inlineMarkdown(clip(flatten(op.description.split(/\n\s*\n/)[0]!), 2_000)) : "",
    facts: facts.length ? inlineMarkdown(facts.join(" ")) : "",
    args: op.args.map((arg) => {
      const text = [
        summary(arg.description ?? ""),
        arg.default !== undefined ? `Default: ${clip(jsonAsWritten(arg.default, arg.unquoted))}` : "",
        arg.disabled ? "(disabled in the collection)" : "",
      ]
        .filter(Boolean)
        .join(" ");
      // Plain text as `Text`, as the client's types write it (the README says once what it is): a
      // thousand `string | number | boolean | Array<string | number | boolean>` say nothing more.
      return `- ${codeSpan(arg.arg)} (${arg.in}, ${arg.required ? "required" : "optional"}, ${codeSpan(argType(arg, op, { text: true }))})${text ? `: ${inlineMarkdown(text)}` : ""}`;
    }),
    responses: op.responses.flatMap((r) => {
      const description = summary(r.description ?? "");
      return [
        `- ${r.status}${description ? `: ${inlineMarkdown(description)}` : ""}`,
        ...r.errorCodes.map((c) => {
          const text = summary(c.description);
          return `${nested}- error code ${codeSpan(String(c.code))}${text ? `: ${inlineMarkdown(text)}` : ""}`;
        }),
      ];
    }),
  };
}

/**
 * README lists show a description on one line: whole when it fits in 160 characters (a first
 * sentence alone can mislead: "The action types: `activate` - …" without the `deactivate` that
 * follows), else its first sentence, clipped; the whole text is in the JSDoc that editors show.
 * Big collections stay readable, and quick to format.
 */
export function summary(markdown: string): string {
  const text = flatten(markdown);
  if (text.length <= SUMMARY_MAX) return text;
  const end = /[.!?](?=\s|$)/.exec(text);
  return clip(end ? text.slice(0, end.index + 1) : text);
}

const SUMMARY_MAX = 160;

/**
 * One line of text. A list's markers go, or "* Invalid id.\n* No permission." would read
 * "* Invalid id. * No permission."; items that end without punctuation are kept apart by "; ".
 */
function flatten(markdown: string): string {
  let text = "";
  for (const line of markdown.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(trimmed);
    const part = item ? item[1]! : trimmed;
    text += !text ? part : item && !/[.!?:;,]$/.test(text) ? `; ${part}` : ` ${part}`;
  }
  return text;
}

/**
 * At most `max` characters, the last an ellipsis. A link the cut would split is its label first:
 * half a link is no link (`[meeting template](https://…/360036559151-Me…` renders as that text and
 * leads nowhere), where its label still reads.
 */
function clip(text: string, max = SUMMARY_MAX): string {
  if (text.length <= max) return text;
  for (const link of text.matchAll(LINK)) {
    const start = link.index;
    const end = start + link[0].length;
    if (start >= max - 1) break;
    if (end > max - 1) return clip(`${text.slice(0, start)}${link[1]}${text.slice(end)}`, max);
  }
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

/** An inline markdown link or image, `[label](destination "title")`; a destination may hold balanced parentheses. */
const LINK = /!?\[((?:[^\[\]\\]|\\.)*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g;
