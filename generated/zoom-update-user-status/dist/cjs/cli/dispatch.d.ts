import { type Authorizer } from "../runtime/auth.js";
import { type BodyEncoder } from "../runtime/bodies.js";
import type { RequestFeatures } from "../runtime/request.js";
import type { OperationSpec } from "../runtime/spec.js";
export declare function encoderFor(op: OperationSpec): BodyEncoder | undefined;
export declare function authorizerFor(op: OperationSpec): Authorizer | undefined;
/** All of them (Required: one the runtime adds must be added here): the core asks only for those an operation needs. */
export declare const FEATURES: Required<RequestFeatures>;
