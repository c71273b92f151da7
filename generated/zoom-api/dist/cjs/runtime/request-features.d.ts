import { type DefaultFiller, type FileReader, type JsonTextReader, type HeaderArgSender, type PathVariableFiller, type QueryWriter } from "./request.js";
export { namedSecrets } from "./sent-secrets.js";
/**
 * Sends a header argument under the name the collection writes. An operation with a header whose
 * name refers to variables is given `sendNamedHeaderArg` (./header-names.js) instead.
 */
export declare const sendHeaderArg: HeaderArgSender;
export { sendNamedHeaderArg } from "./header-names.js";
export declare const fillDefault: DefaultFiller;
/**
 * A file argument's value as the encoders send it, a Blob (each of a list's, where the field takes
 * one): a Blob or File as it is (a File keeps its name and type), bytes or text copied into one.
 * One without a type of its own gets the spec's, the type newman sends the collection's file with
 * (its name's extension's, decided when generating: no table of types here). One without a name
 * of its own (not a File) is a File of the spec's `fileName` (a list's i-th, of its `fileNames`' i-th),
 * the name newman sends the collection's file with: a Blob stands for the collection's file, as it takes that file's type, and FormData's
 * `blob` tells a server nothing (a caller names a part otherwise by passing a File).
 */
export declare const readFileArg: FileReader;
/**
 * A form field whose text is JSON (`jsonText`: a collection converted from a JSON API): an object
 * is sent as its JSON text, as Postman sends the collection's example; other values are text.
 */
export declare const readJsonText: JsonTextReader;
/**
 * The keys without a value (`?uploads`) and each query argument's value, the key repeated for each
 * of a list's, in order (`?status=a&status=b`), as Postman sends a key given twice, in the
 * collection's order (`inQueryOrder`). A caller's value is a string, number or boolean (checkOne),
 * written as String does and encoded as `queryData` says. A String object is the collection's
 * value, already as Postman sends it (fillDefault).
 */
export declare const writeQuery: QueryWriter;
/**
 * A query's entries in the order newman sends them, the collection's: each key without a value
 * (`bare`) after as many query arguments as its `bareQueryAt` says (absent, before them all), and
 * after as many of the last one's values as its `bareQueryAmong` says (absent or 0, all), and each
 * query argument's (`pairsOf`, one for each value, none for one not sent) in the arguments' order;
 * where the collection gives a key again after another key, in the places `queryOrder` gives each.
 * The generated tests expect their query in this order too (emit/expectations.ts).
 */
export declare function inQueryOrder<A extends {
    readonly in: string;
}, T>(op: {
    readonly bareQuery?: readonly string[];
    readonly bareQueryAt?: readonly number[];
    readonly bareQueryAmong?: readonly number[];
    readonly queryOrder?: readonly number[];
    readonly args: readonly A[];
}, bare: (key: string) => T, pairsOf: (arg: A) => T[]): T[];
/**
 * A query key (the collection's, decoded by url.ts's queryText, where `queryKeys` has none) or a
 * caller's value, which are text: encoded where newman encodes what a collection writes in a query
 * (`queryAsWritten`: `$filter`, a time's `:`, a path's `/` and `@` go as they are), and also `%`
 * and `+`, which a server would read as an escape and a space, and a key's `=`, which newman
 * encodes in a key too.
 */
export declare function queryData(text: string, key?: boolean): string;
/**
 * A query value of the collection's (its own text and its variables' values) as Postman sends it:
 * `%XX` and `+` as written (a variable's `a%20b` is not `a%2520b`), encoded only where newman
 * encodes (controls, space, `"#&'<>`, beyond ASCII), so that it stays one value. A `%` that starts
 * no `%XX` (`100%`) is sent bare too, as newman sends it: `%25` is the same to a lenient decoder,
 * not to one that refuses a bare `%` or keeps the raw text, nor to a signature over the query.
 * The caller's values and the keys are text, encoded as `queryData` says.
 */
export declare function queryAsWritten(text: string): string;
/**
 * A `{{variable}}`'s value in the path, as Postman sends it (a `/` in it stays one: a variable may
 * hold several segments), except what would change the URL's shape: `?` and `#` are encoded, and
 * a value that is a whole segment may not be `.` or `..`. So is a path argument's default, which
 * refers to variables; a value the caller passes is one segment (request.ts's encodePathSegment).
 */
export declare const fillPathVariable: PathVariableFiller;
