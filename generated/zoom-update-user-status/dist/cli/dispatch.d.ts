import type { Authorizer } from "../runtime/auth.js";
import { type BodyEncoder } from "../runtime/bodies.js";
import type { RequestFeatures } from "../runtime/request.js";
import type { AuthSpec, OperationSpec } from "../runtime/spec.js";
export declare function encoderFor(op: OperationSpec): BodyEncoder | undefined;
/** The authorizer of `op`'s auth type among the package's (`CommandLine.authorizers`). */
export declare function authorizerFor(op: OperationSpec, authorizers: Readonly<Partial<Record<AuthSpec["type"], Authorizer>>>): Authorizer | undefined;
/** All of them (Required: one the runtime adds must be added here): the core asks only for those an operation needs. */
export declare const FEATURES: Required<RequestFeatures>;
