// The generator's side of the mocks: the data they answer from, made from the model. The emitted
// package gets it as a module (emit-mocks.ts); the mock server (server.ts) uses it in memory.
import { operationSpec } from "../emit/client.js";
import { isJsonExample } from "../model/json-body.js";
import { runtimeName } from "../model/naming.js";
import type { ApiModel, ExampleModel, OperationModel, Warning } from "../model/types.js";
import type { MockApi, MockExample, MockOperationExamples, MockPair } from "./types.js";

/**
 * Headers that describe how the saved answer travelled, not what it is: the body is served as
 * saved text, and the transport sets its own.
 */
const TRANSPORT_HEADERS = new Set([
  "content-length",
  "transfer-encoding",
  "content-encoding",
  "connection",
  "keep-alive",
]);

/** A name HTTP allows (a token), and a value fetch's Headers accepts. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export interface MockData {
  examples: MockOperationExamples[];
  warnings: Warning[];
}

/** Every operation's saved examples, in collection order, as the mocks hold them. */
export function mockExamples(model: ApiModel): MockData {
  const warnings: Warning[] = [];
  const examples = model.operations.flatMap((op) => {
    const list = operationExamples(op, warnings);
    return list.length ? [shareRequest([...op.namespace, runtimeName(op)], list)] : [];
  });
  return { examples, warnings };
}

/** The API as the mock server sees it: the operations as the client's `operations` holds them. */
export function mockApi(model: ApiModel): { api: MockApi; warnings: Warning[] } {
  const { examples, warnings } = mockExamples(model);
  const variables = Object.fromEntries(
    model.variables.flatMap((v) => (v.default !== undefined ? [[v.name, v.default]] : [])),
  );
  return {
    api: {
      name: model.name,
      baseUrl: model.baseUrl,
      variables,
      operations: model.operations.map((op) => operationSpec(op)),
      examples,
    },
    warnings,
  };
}

function operationExamples(op: OperationModel, warnings: Warning[]): MockExample[] {
  const saved = op.responses.flatMap((response) =>
    response.examples.map((example) => ({ status: response.status, example })),
  );
  // The model groups examples by status; the mocks want the collection's order (`…response[3]`).
  saved.sort((a, b) => indexOf(a.example) - indexOf(b.example));
  return saved.map(({ status, example }) => toMockExample(status, example, warnings));
}

/** The saved request once for the operation, when every example was saved with the same one (the module is then a third smaller for Zoom). */
function shareRequest(operation: string[], examples: MockExample[]): MockOperationExamples {
  const first = JSON.stringify(examples[0]!.request);
  if (examples[0]!.request === undefined || examples.some((e) => JSON.stringify(e.request) !== first))
    return { operation, examples };
  return { operation, examples: examples.map(({ request: _request, ...rest }) => rest), request: examples[0]!.request };
}

function indexOf(example: ExampleModel): number {
  const match = /\.response\[(\d+)\]$/.exec(example.source);
  return match ? Number(match[1]) : 0;
}

function toMockExample(status: number, example: ExampleModel, warnings: Warning[]): MockExample {
  const headers: MockPair[] = [];
  for (const [name, value] of example.headers ??
    (example.contentType ? [["Content-Type", example.contentType] as [string, string]] : [])) {
    if (TRANSPORT_HEADERS.has(name.toLowerCase())) continue;
    if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(value)) {
      warnings.push({
        source: example.source,
        message: `the mocks leave out the example's header ${JSON.stringify(name)}: HTTP cannot carry it`,
      });
      continue;
    }
    headers.push([name, value]);
  }
  // The types take a body saved without a content type as JSON when it is; served as saved it would
  // be text (fetch's default), and the client would resolve with a string its type does not hold.
  if (isJsonExample(example) && !headers.some(([name]) => name.toLowerCase() === "content-type"))
    headers.push(["Content-Type", "application/json"]);
  const request = example.request;
  return {
    name: example.name,
    ...(example.id !== undefined ? { id: example.id } : {}),
    status,
    headers,
    body: example.body,
    ...(request && (request.query || request.body)
      ? {
          request: {
            ...(request.query ? { query: request.query } : {}),
            ...(request.body ? { body: request.body } : {}),
          },
        }
      : {}),
  };
}
