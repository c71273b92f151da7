/**
 * The reading of an argument, from its spec and the kind the generator saw in the collection's
 * value (absent for a string: a JSON-typed field of a string value takes text, not `"quoted"`).
 */
export function readingOf(op, spec, kind) {
    if (spec.type === "file")
        return "file";
    if (spec.in === "body" && op.body === "raw")
        return "raw";
    // A GraphQL body is `{ query, variables }`, whatever its kind says.
    if (spec.in === "body" && op.body === "graphql")
        return "json";
    return kind ?? "text";
}
