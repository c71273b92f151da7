import { type ClientOptions, type RequestOptions } from "./runtime/core.js";
import type { ApiError } from "./runtime/errors.js";
import type { OperationSpec } from "./runtime/spec.js";
/** The collection's `{{variables}}` that requests refer to. Pass values with `createClient({ variables })`. */
export interface Variables {
    /** The collection's value: `https://api.zoom.us/v2`. */
    baseUrl: string;
}
/** The collection's own values of its variables. */
export declare const defaultVariables: Readonly<Record<string, string>>;
/** The base URL most requests use, as the collection writes it; `{{variables}}` in it are filled in when sending. */
export declare const defaultBaseUrl = "{{baseUrl}}";
/** Arguments of `client.updateUserStatus`: the collection's own keys. */
export interface UpdateUserStatusArgs {
    /**
     * The user ID or email address of the user. For user-level apps, pass the `me` value for this parameter.
     *
     * Path variable `userId`, required.
     * @example "quis officia in reprehenderit"
     */
    userId: string;
    /**
     * The action types:
     * `activate` - Activate a deactivated user.
     * `deactivate` - Deactivate a user.
     *
     * Form field (multipart/form-data) `action`, required.
     * One of: `activate`, `deactivate`.
     * @example "deactivate"
     */
    action: "activate" | "deactivate";
}
/** What `client.updateUserStatus` resolves with, by documented success status. */
export interface UpdateUserStatusResponses {
    /** OK */
    200: string | undefined;
    /** Status updated. */
    204: undefined;
}
export type UpdateUserStatusResult = UpdateUserStatusResponses[keyof UpdateUserStatusResponses];
/** The documented errors of `client.updateUserStatus`, by status and API error code. */
export type UpdateUserStatusError = ApiError<400, 200 | 300> | ApiError<404, 1001>;
/** What the runtime needs to send `client.updateUserStatus`; also listed in {@link operations}. */
export declare const updateUserStatusOperation: OperationSpec;
/** Every operation of the collection, in collection order: plain metadata for tools and docs. */
export declare const operations: readonly OperationSpec[];
/** A client for Zoom API: Update user status: one method per request, in namespaces that follow the collection's folders. */
export interface Client {
    /**
     * Update user status
     *
     * Use this API to [deactivate](https://support.zoom.us/hc/en-us/articles/115005269946-Remove-User-from-your-Account#h_6a9bc1c3-d739-4945-b1f2-00b3b88fb5cc) an active user or to [reactivate](https://support.zoom.us/hc/en-us/articles/115005269946-Remove-User-from-your-Account#h_16319724-d120-4be6-af5d-31582d134ea0) a deactivated user. For user-level apps, pass [the `me` value](https://marketplace.zoom.us/docs/api-reference/using-zoom-apis#mekeyword) instead of the `userId` parameter.
     *
     * An account owner or admins can deactivate as well as activate a user in a Zoom account. Deactivating a user will remove all licenses associated with a user. It will prevent the deactivated user from logging into their Zoom account. A deactivated user can be reactivated. Reactivating a user grants the user access to login to their Zoom account.
     *
     * `PUT /users/{userId}/status`
     * Auth: OAuth 2.0 access token, sent as `Authorization: Bearer <token>` (client option `token`)
     * Scopes: `user:write:admin`, `user:write`
     * Rate limit label: `Light`
     *
     * Documented responses:
     * - `200` OK
     * - `204` Status updated.
     * - `400` Bad Request
     *   - error code `200`: Zoom Room and Admin users' status cannot be activated or deactivated.
     *   - error code `300`: You cannot deactivate this user because the user has an upcoming Zoom Eve
     * - `404` Not Found
     *   - error code `1001`: User does not exist: $userId.
     *
     * @throws {@link ApiError} on a non-2xx response (documented: 400, 404).
     * @throws {@link ValidationError} when an argument is missing or not allowed; nothing is sent.
     */
    updateUserStatus(args: UpdateUserStatusArgs, options?: RequestOptions<Variables>): Promise<UpdateUserStatusResult>;
}
/** Creates a client. Every option is optional; `baseUrl` defaults to {@link defaultBaseUrl}. */
export declare function createClient(options?: ClientOptions<Variables>): Client;
