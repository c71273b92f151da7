// The postman-collection SDK. Under ESM only its default import works, and its type declarations
// (types/index.d.ts) are not pointed to by its package.json, so they are referenced here. Its lists
// are untyped; `entries` gives them the shapes this project reads.
/// <reference path="../../node_modules/postman-collection/types/index.d.ts" />
import sdk from "postman-collection";
import type { PropertyList } from "postman-collection";

export default sdk;
export type { HeaderList, Item, Request, RequestBody, Response, Url } from "postman-collection";

/** A key/value entry of a list: query parameter, header, form field. */
export interface KeyValue {
  key: string | null | undefined;
  value: unknown;
  disabled?: boolean;
  description?: unknown;
}

export function entries(list: PropertyList | undefined): KeyValue[] {
  return list ? (list.all() as KeyValue[]) : [];
}

/** The SDK keeps a description on every property but declares it on none. */
export function descriptionOf(property: object): unknown {
  return (property as { description?: unknown }).description;
}
