// The body encoder, authorizer and request features each operation's spec calls for: what the
// client's generated functions pass to the core, looked up here by the spec (a command line runs
// any operation). The authorizers are the package's own (its data module's, `CommandLine`): a
// table of every signer here would put each signer's runtime module into every package.
import type { Authorizer } from "../runtime/auth.js";
import {
  encodeBinary,
  encodeGraphql,
  encodeGraphqlUnquoted,
  encodeJson,
  encodeJsonUnquoted,
  encodeMultipart,
  encodeMultipartInOrder,
  encodeMultipartText,
  encodeRaw,
  encodeRawUnquoted,
  encodeUrlencoded,
  encoderName,
  type BodyEncoder,
  type EncoderName,
} from "../runtime/bodies.js";
import type { RequestFeatures } from "../runtime/request.js";
import {
  fillDefault,
  fillPathVariable,
  namedSecrets,
  readFileArg,
  readJsonText,
  sendNamedHeaderArg,
  writeQuery,
} from "../runtime/request-features.js";
import type { AuthSpec, OperationSpec } from "../runtime/spec.js";

/**
 * Every encoder, by its name (each under its own: a name the runtime adds without its encoder here
 * does not compile): the command line holds every operation, and looks up what `encoderName`
 * chooses, the choice the client's code is written from.
 */
const ENCODERS: Record<EncoderName, BodyEncoder> = {
  encodeBinary,
  encodeGraphql,
  encodeGraphqlUnquoted,
  encodeJson,
  encodeJsonUnquoted,
  encodeMultipart,
  encodeMultipartInOrder,
  encodeMultipartText,
  encodeRaw,
  encodeRawUnquoted,
  encodeUrlencoded,
};

export function encoderFor(op: OperationSpec): BodyEncoder | undefined {
  const name = encoderName(op);
  return name === undefined ? undefined : ENCODERS[name];
}

/** The authorizer of `op`'s auth type among the package's (`CommandLine.authorizers`). */
export function authorizerFor(
  op: OperationSpec,
  authorizers: Readonly<Partial<Record<AuthSpec["type"], Authorizer>>>,
): Authorizer | undefined {
  return op.auth ? authorizers[op.auth.type] : undefined;
}

/** All of them (Required: one the runtime adds must be added here): the core asks only for those an operation needs. */
export const FEATURES: Required<RequestFeatures> = {
  // Fills a header's name that refers to variables, and sends any other as sendHeaderArg does: the
  // command line holds every operation.
  headerArgs: sendNamedHeaderArg,
  defaults: fillDefault,
  pathVariables: fillPathVariable,
  file: readFileArg,
  jsonText: readJsonText,
  query: writeQuery,
  sentSecrets: namedSecrets,
};
