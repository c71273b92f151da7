// Header arguments as they are added to a request, and the names that refer to variables
// (`{{authHeaderName}}: abc`), which Postman fills when it sends. Filling a name is the work of
// `sendNamedHeaderArg` alone, which the generated code passes (as the `headerArgs` request
// feature, ./request-features.js) only for operations with such a header: a bundle of the others
// leaves it out.
import { fail, UNSENDABLE } from "./request.js";
import { fillTemplate } from "./template.js";
/** An HTTP field name (RFC 9110 token): what a header's name must be, filled or written. */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Whether an argument is a header whose name refers to variables: its operation needs `sendNamedHeaderArg`. */
export function namedByVariables(spec) {
    return spec.in === "header" && spec.name.includes("{{");
}
/**
 * Adds a header argument's value under its name (`nameOf`): the first argument of a name that has a
 * value replaces the client's header, the next add to it, as Postman sends the entries of one name.
 */
export function appendHeaderArg(op, headers, values, spec, nameOf) {
    const name = nameOf(spec);
    const lower = name.toLowerCase();
    let first = true;
    for (const [earlier] of values) {
        if (earlier === spec)
            break;
        if (earlier.in === "header" && nameOf(earlier).toLowerCase() === lower)
            first = false;
    }
    if (first)
        headers.delete(lower);
    // Headers refuses a line break inside a value (no header can be injected), NUL and characters
    // beyond Latin-1, with a TypeError that names no argument.
    try {
        headers.append(name, String(values.get(spec)));
    }
    catch {
        fail(op, spec, UNSENDABLE);
    }
}
/**
 * Sends a header argument whose name may refer to variables, filled as a value is (the call's
 * variables, the client's, the environment's, the collection's), as newman sends it; a name that
 * is none once filled is refused, as newman refuses to send it. Entries that come to one name are
 * sent as one header, as Postman sends them.
 */
export const sendNamedHeaderArg = (op, headers, values, spec, { lookup }) => appendHeaderArg(op, headers, values, spec, (one) => filledName(op, one, lookup));
function filledName(op, spec, lookup) {
    if (!namedByVariables(spec))
        return spec.name;
    const name = fillTemplate(spec.name, lookup, op.name);
    // Not quoted: it holds the variables' values.
    if (!HEADER_NAME.test(name))
        fail(op, spec, "cannot be sent: its name, its variables filled, is not a valid header name");
    return name;
}
