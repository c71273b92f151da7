import type { Mask } from "../runtime/redact.js";
import type { OperationSpec } from "../runtime/spec.js";
import { type Router } from "./routes.js";
import type { MockApi, MockCall, MockControls, MockOptions, MockOverride } from "./types.js";
/** A loosely typed override, as the mock keeps it. */
type AnyOverride = MockOverride<OperationSpec, number>;
export interface MockCore {
    readonly calls: MockCall[];
    use(operation: OperationSpec, override: AnyOverride): void;
    once(operation: OperationSpec, override: AnyOverride): void;
    reset(): void;
    /** Which operation a request is for, and each operation's URL pattern. */
    readonly router: Router;
    /**
     * Answers one request and records it, after the delay; rejects with the abort reason if `signal`
     * (default: the request's) aborts meanwhile. The mock fetch passes the caller's own signal, whose
     * reason (the client's TimeoutError) is what fetch rejects with.
     */
    answer(request: Request, signal?: AbortSignal): Promise<MockAnswer>;
}
/** An answer, with what the mock server logs of it. */
export interface MockAnswer {
    readonly response: Response;
    readonly call: MockCall;
}
/**
 * The operation's namespace and name (`users.userId.updateUserStatus`): its name alone is unique in
 * the package, and is its method's unless another namespace has a method of that name too.
 */
export declare function operationKey(op: {
    readonly namespace: readonly string[];
    readonly name: string;
}): string;
/**
 * `mask`: what the mock's own answers (a 404, a 501) leave out of the request they quote, as the
 * mock server's log does: the server's secrets, which a path can carry (`/bot{{bot_token}}/getMe`)
 * where no name says they are credentials. Those answers end up in a client's errors and logs.
 */
export declare function createMock(api: MockApi, options?: MockOptions<object, string>, mask?: Mask): MockCore;
/** The request body for the records and for body matching: JSON parsed, forms as FormData, bytes as a Blob, else text. */
export declare function readBody(request: Request): Promise<unknown>;
/** Waits `ms`; rejects with the signal's reason if it aborts first. */
export declare function wait(ms: number, signal: AbortSignal | undefined): Promise<void>;
/** Adds the controls to a face of the mock (the fetch function, the MSW handler set), each returning that face. */
export declare function withControls<T extends object>(face: T, core: MockCore): T & MockControls;
export {};
