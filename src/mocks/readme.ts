// The emitted README's "Testing with mocks" section: a working example of each form of the mocks
// (the mock fetch, MSW handlers in Node and in browsers, the mock server), for the operation the
// README's other examples use.
import { clientPath, exportedNames } from "../model/naming.js";
import type { PrintOptions } from "../emit/printer/doc.js";
import type { Expr, Statement } from "../emit/printer/typescript.js";
import { exampleInputs } from "../emit/example-inputs.js";
import { code, exampleCallArgs } from "../emit/views.js";
import type { ApiModel, OperationModel } from "../model/types.js";
import type { KeyAlgorithm } from "../runtime/signing-keys.js";

const id = (name: string): Expr => ({ kind: "id", name });
const member = (object: Expr, property: string): Expr => ({ kind: "member", object, property });
const call = (callee: Expr, ...args: Expr[]): Expr => ({ kind: "call", callee, args });
const object = (entries: Array<[string, Expr]>): Expr => ({
  kind: "object",
  properties: entries.map(([key, value]) => ({ kind: "property", key, value })),
});
const string = (value: string): Expr => ({ kind: "string", value });

/**
 * Statements that make a private key of `algorithm` as `privateKey` (PKCS #8 PEM), for an example
 * whose signer takes one: it refuses a placeholder ("not a PEM private key"), and the README holds
 * no key. WebCrypto's, so that the example runs in Node and in browsers alike.
 */
function makeKey(algorithm: KeyAlgorithm): Statement[] {
  const subtle = member(id("crypto"), "subtle");
  const params = object([
    ...Object.entries(algorithm).map(([key, value]): [string, Expr] => [key, string(value)]),
    ...(algorithm.name === "ECDSA"
      ? []
      : ([
          ["modulusLength", { kind: "number", raw: "2048" }],
          [
            "publicExponent",
            {
              kind: "call",
              new: true,
              callee: id("Uint8Array"),
              args: [{ kind: "array", elements: ["1", "0", "1"].map((raw) => ({ kind: "number", raw })) }],
            },
          ],
        ] as Array<[string, Expr]>)),
  ]);
  return [
    { kind: "raw", text: "// The client signs with a private key: one made for the example.", tight: false },
    {
      kind: "const",
      name: "keyPair",
      init: {
        kind: "await",
        argument: call(
          member(subtle, "generateKey"),
          params,
          { kind: "keyword", text: "true" },
          {
            kind: "array",
            elements: [string("sign")],
          },
        ),
      },
      tight: true,
    },
    {
      kind: "const",
      name: "der",
      init: {
        kind: "call",
        new: true,
        callee: id("Uint8Array"),
        args: [
          {
            kind: "await",
            argument: call(member(subtle, "exportKey"), string("pkcs8"), member(id("keyPair"), "privateKey")),
          },
        ],
      },
      tight: true,
    },
    {
      kind: "raw",
      text: "const privateKey = `-----BEGIN PRIVATE KEY-----\\n${btoa(String.fromCharCode(...der))}\\n-----END PRIVATE KEY-----`;",
      tight: true,
    },
  ];
}

export interface MocksReadme {
  /** The mock fetch: the default answer, an override, the recorded calls. */
  fetchCode: string;
  /** MSW handlers in Node, made with the app's msw. */
  mswCode: string;
  /**
   * What the example's override answers with: the operation's first documented error, its saved
   * answer; else a 500 (no answer was saved: Twitter Ads' README spoke of "the saved 500 answer").
   */
  overrideAnswer: string;
}

/** The section's code, for `first` (the README's example operation); undefined when the collection has no operation. */
export function mocksReadme(
  model: ApiModel,
  packageName: string,
  first: OperationModel | undefined,
  options: PrintOptions,
): MocksReadme | undefined {
  if (!first) return undefined;
  const spec = exportedNames(first.exportName).spec;
  const documented = first.responses.find((r) => r.status >= 400)?.status;
  const errorStatus = documented ?? 500;
  const method = clientPath(first)
    .split(".")
    .reduce<Expr | undefined>((e, part) => (e ? member(e, part) : id(part)), undefined)!;
  // What the client's example gives, as test values: the client signs and fills the request
  // before the mock sees it, so a call without its credentials or its variables rejects
  // (Twitter Ads' OAuth 1 and `{{version}}`: "variable {{version}} has no value"), and with values
  // that run offline as written (exampleInputs' `offline`: a base URL that is one).
  const given = exampleInputs(model, first);
  // A private key the signer imports is made (`key`), as it refuses a placeholder.
  const keyStatements = given.key ? makeKey(given.key) : [];
  const testValue = (value: unknown, key?: string): Expr =>
    typeof value === "string"
      ? key === "privateKey" && given.key
        ? id("privateKey")
        : { kind: "string", value: `test-${value}` }
      : object(Object.entries(value as object).map(([key, v]) => [key, testValue(v, key)]));
  const credentials = Object.entries(given.options).map(([key, value]) => [key, testValue(value)] as [string, Expr]);
  const variables = given.variables.length
    ? [
        [
          "variables",
          object(given.variables.map((name) => [name, { kind: "string", value: given.offline[name]! }])),
        ] as [string, Expr],
      ]
    : [];
  const auth = [...credentials, ...variables];
  const callIt: Statement = {
    kind: "expression",
    expression: { kind: "await", argument: call(method, ...exampleCallArgs(first)) },
  };
  const fetchCode = code(
    [
      { kind: "import", from: packageName, names: [{ name: "createClient" }, { name: spec }] },
      { kind: "import", from: `${packageName}/mocks`, names: [{ name: "createMockFetch" }] },
      { kind: "const", name: "mock", init: call(id("createMockFetch")), tight: false },
      ...keyStatements,
      {
        kind: "const",
        name: "client",
        init: call(id("createClient"), object([["fetch", id("mock")], ...auth])),
        tight: !keyStatements.length,
      },
      { ...callIt, tight: false },
      {
        kind: "expression",
        expression: call(
          member(id("mock"), "use"),
          id(spec),
          object([["status", { kind: "number", raw: String(errorStatus) }]]),
        ),
        tight: false,
      },
    ],
    options,
  );
  // The way that works however the app installs the package, a link included: handlers made with
  // the app's own msw (the printer has no namespace imports nor spread arguments; those lines are
  // the same in every package).
  const mswCode = code(
    [
      { kind: "raw", text: 'import * as msw from "msw";' },
      { kind: "import", from: "msw/node", names: [{ name: "setupServer" }] },
      { kind: "import", from: packageName, names: [{ name: "createClient" }] },
      { kind: "import", from: `${packageName}/mocks`, names: [{ name: "createMockHandlers" }] },
      { kind: "const", name: "mock", init: call(id("createMockHandlers"), id("msw")), tight: false },
      { kind: "raw", text: "const server = setupServer(...mock.handlers);" },
      { kind: "expression", expression: call(member(id("server"), "listen")) },
      ...keyStatements,
      {
        kind: "const",
        name: "client",
        init: call(id("createClient"), ...(auth.length ? [object(auth)] : [])),
        tight: false,
      },
      callIt,
    ],
    options,
  );
  return {
    fetchCode,
    mswCode,
    overrideAnswer: documented ? `the saved ${documented} answer` : `a ${errorStatus} answer`,
  };
}
