import { type MissingVariable } from "./errors.js";
import type { CallSpec, JsonPlace } from "./spec.js";
export interface Lookup {
    (name: string): string | undefined;
    /** The caller's value of a variable, if any: used as given, never read as a template. */
    given?: (name: string) => string | undefined;
    /**
     * What a call's error masks of a secret variable the caller gave, where that is more than its
     * text (`given`): its text and what that holds as sent, where a JSON body splices it unquoted
     * (fillDeep, ./unquoted.js's `spliceOf`). Noted as the request is built, read only by an error:
     * each a function, so that a call that does not fail reads no JSON for it.
     */
    sent?: Map<string, () => readonly string[]>;
    /**
     * Why a variable has no value, for its error (./environments.js): what its `missing` holds, and
     * `hint`, the end of its message, written from that.
     */
    missing?: ((name: string) => MissingVariable & {
        hint?: string;
    }) & {
        /**
         * Refuses a base URL (`base`) left without a host by the chosen environment's empty values,
         * naming them (./environments.js): the URL it left names neither. A member of `missing`, which
         * the core already hands on, so that a package without environments pays nothing for it.
         */
        emptyBase?: (op: CallSpec, template: string, base: string, lookup: Lookup) => void;
    };
    /**
     * Postman's dynamic variables (`{{$guid}}`, ./dynamic.js): a new value for a variable that has
     * none, given only to the clients of collections that refer to them.
     */
    dynamic?: ((name: string) => string | undefined) | undefined;
}
export declare const REFERENCE: RegExp;
/**
 * `option`: the client option that gives what the template makes, where one does (a credential's:
 * `token`, `oauth1`), which the error of a variable without a value names beside `variables`.
 */
export declare function fillTemplate(template: string, lookup: Lookup, operation: string, option?: string, seen?: readonly string[]): string;
/**
 * Fills the templates in every string of a JSON value the collection provides. The value is parsed
 * anew, so keys such as `__proto__` stay own properties; strings are filled in document order.
 * At each `unquoted` place (ArgSpec's), the filled text is read as JSON, as Postman pastes the
 * text into the body: a value that is no JSON (which Postman would send as broken JSON) is refused.
 * At a list's element (`[{{ids}}]`) the text may be a list's elements (`"a", "b"`, or none where
 * the list has no other element), which Postman's paste makes the list's: read as those elements
 * in place of the one. `asWritten`: the text is kept there as written (an UnquotedText, which the
 * request's encoder splices into the body: ./unquoted.js's `spliceOf`), not the value read from it.
 */
export declare function fillDeep(value: unknown, lookup: Lookup, operation: string, unquoted?: readonly JsonPlace[], asWritten?: boolean): unknown;
