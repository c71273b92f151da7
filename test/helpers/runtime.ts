// The runtime as the generated code drives it: each call gets the body encoder, authorizer and
// request features its spec names, as the generated standalone functions pass them.
import {
  authorizeApiKey,
  authorizeBasic,
  authorizeBearer,
  authorizeSigned,
  type Authorizer,
} from "../../src/runtime/auth.js";
import { authorizeAwsV4 } from "../../src/runtime/aws-sigv4.js";
import { authorizeDigest } from "../../src/runtime/digest.js";
import { authorizeEdgeGrid } from "../../src/runtime/edgegrid.js";
import { authorizeHawk } from "../../src/runtime/hawk.js";
import { authorizeJwt } from "../../src/runtime/jwt.js";
import { authorizeOAuth2 } from "../../src/runtime/oauth2.js";
import { authorizeOAuth1 } from "../../src/runtime/oauth1.js";
import { encoderFor } from "../../src/command-line/dispatch.js";
import { createCore, type CallOptions, type ClientDefaults, type ClientOptions } from "../../src/runtime/core.js";
import { namedByVariables } from "../../src/runtime/header-names.js";
import { featuresNeeded, type RequestFeatures } from "../../src/runtime/request.js";
import {
  fillDefault,
  fillPathVariable,
  readFileArg,
  readJsonText,
  sendExtras,
  sendHeaderArg,
  sendNamedHeaderArg,
  writeQuery,
  namedSecrets,
} from "../../src/runtime/request-features.js";
import type { AuthSpec, OperationSpec } from "../../src/runtime/spec.js";

/** Every authorizer of the runtime, by auth type (a package's data module names only its own). */
export const AUTHORIZERS: Record<AuthSpec["type"], Authorizer> = {
  bearer: authorizeBearer,
  apikey: authorizeApiKey,
  basic: authorizeBasic,
  oauth1: authorizeOAuth1,
  awsv4: authorizeAwsV4,
  digest: authorizeDigest,
  hawk: authorizeHawk,
  oauth2: authorizeOAuth2,
  jwt: authorizeJwt,
  edgegrid: authorizeEdgeGrid,
  custom: authorizeSigned,
};

const FEATURES: Required<RequestFeatures> = {
  headerArgs: sendHeaderArg,
  defaults: fillDefault,
  pathVariables: fillPathVariable,
  file: readFileArg,
  jsonText: readJsonText,
  query: writeQuery,
  extras: sendExtras,
  sentSecrets: namedSecrets,
};

/** The request features the generated code of `op` passes: those its spec needs. */
export function featuresFor(op: OperationSpec): RequestFeatures {
  const named = op.args.some(namedByVariables);
  return Object.fromEntries(
    featuresNeeded(op).map((key) => [key, key === "headerArgs" && named ? sendNamedHeaderArg : FEATURES[key]]),
  );
}

export function testCore(options: ClientOptions<object>, defaults: ClientDefaults) {
  const core = createCore(options, defaults);
  return {
    call: (op: OperationSpec, args: unknown, callOptions?: CallOptions) =>
      core.call(
        op,
        args,
        callOptions,
        // The encoder the spec calls for, as the command line looks it up.
        encoderFor(op),
        op.auth ? AUTHORIZERS[op.auth.type] : undefined,
        featuresFor(op),
      ),
  };
}
