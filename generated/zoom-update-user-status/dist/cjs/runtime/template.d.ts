export type Lookup = (name: string) => string | undefined;
export declare function fillTemplate(template: string, lookup: Lookup, operation: string, seen?: readonly string[]): string;
export declare function fillVariable(name: string, lookup: Lookup, operation: string, seen?: readonly string[]): string;
/** Fills the templates in every string of a JSON value the collection provides. */
export declare function fillDeep(value: unknown, lookup: Lookup, operation: string): unknown;
