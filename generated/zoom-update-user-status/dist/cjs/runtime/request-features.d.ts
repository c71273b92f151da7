import { type DefaultFiller, type HeaderArgSender, type PathVariableFiller } from "./request.js";
/** The first header argument of a name that has a value replaces the client's header; the next add to it. */
export declare const sendHeaderArg: HeaderArgSender;
export declare const fillDefault: DefaultFiller;
/**
 * A `{{variable}}`'s value in the path, as Postman sends it (a `/` in it stays one: a variable may
 * hold several segments), except what would change the URL's shape: `?` and `#` are encoded, and
 * a value that is a whole segment may not be `.` or `..`. So is a path argument's default, which
 * refers to variables; a value the caller passes is one segment (request.ts's encodePathSegment).
 */
export declare const fillPathVariable: PathVariableFiller;
