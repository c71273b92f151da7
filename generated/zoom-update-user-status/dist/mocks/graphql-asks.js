// What a GraphQL request asks for, to tell apart the operations of a GraphQL API, which all share
// one route (`POST /graphql`) and one body shape (`{ query, variables }`). The query's exact text
// tells the collection's own requests apart, but a caller who writes its own query (other fields,
// other spacing, no operation name) sends text no saved request has. What it still shares with the
// request it stands for is what it asks of the schema: its operation type and root fields
// (`query { me }`). The operation's name is not used: callers' own queries often leave it out, and
// two saved requests for the same root fields differ by their text, which is a fact of its own.
// Read by the generator (mock-data.ts, of the collection's queries) and the mock (tell-apart.ts, of
// the request's), so that both read a query alike; copied into every package: no dependencies.
/** Names, `...`, strings and comments (skipped), numbers and single punctuators. */
const TOKEN = /#[^\n\r]*|"""[\s\S]*?"""|"(?:[^"\\\n\r]|\\.)*"|\.\.\.|[_A-Za-z][_0-9A-Za-z]*|[-+.0-9eE]+|[^\s,]/g;
/**
 * The type and root fields of the first operation a GraphQL document defines (`query { me users }`:
 * sorted, each once; a field's name, not its alias), or `undefined` when the text defines none this
 * reading follows (a fragment spread at the root names no field of its own: it is left out).
 */
export function graphqlAsks(query) {
    const tokens = (query.match(TOKEN) ?? []).filter((token) => !token.startsWith("#") && !token.startsWith('"'));
    let i = 0;
    // Skips a bracketed group starting at tokens[i]; false when it does not close.
    const skipGroup = () => {
        let depth = 0;
        for (; i < tokens.length; i++) {
            const token = tokens[i];
            if (token === "{" || token === "(" || token === "[")
                depth++;
            else if (token === "}" || token === ")" || token === "]")
                depth--;
            if (depth === 0) {
                i++;
                return true;
            }
        }
        return false;
    };
    while (i < tokens.length) {
        const token = tokens[i];
        let type = "query";
        if (token === "fragment") {
            while (i < tokens.length && tokens[i] !== "{")
                i++;
            if (!skipGroup())
                return undefined;
            continue;
        }
        if (token === "query" || token === "mutation" || token === "subscription") {
            type = token;
            // The name, variables and directives, up to the selection set.
            while (i < tokens.length && tokens[i] !== "{") {
                if (tokens[i] === "(")
                    skipGroup();
                else
                    i++;
            }
        }
        else if (token !== "{")
            return undefined;
        if (tokens[i] !== "{")
            return undefined;
        return rootFields(tokens, i + 1, type);
    }
    return undefined;
}
/** The fields of the selection set whose first token is tokens[start]. */
function rootFields(tokens, start, type) {
    const fields = new Set();
    let depth = 0;
    for (let i = start; i < tokens.length; i++) {
        const token = tokens[i];
        if (token === "{" || token === "(" || token === "[")
            depth++;
        else if (token === "}" || token === ")" || token === "]") {
            if (depth === 0)
                return fields.size ? `${type} { ${[...fields].sort().join(" ")} }` : undefined;
            depth--;
        }
        else if (depth === 0 && /^[_A-Za-z]/.test(token)) {
            const previous = tokens[i - 1];
            // Directives' and fragments' names, and the type of `... on Type`, are no fields.
            if (previous === "@" || previous === "...")
                continue;
            if (previous === "on" && tokens[i - 2] === "...")
                continue;
            // `alias: field`: the field is the name after the colon.
            if (tokens[i + 1] === ":")
                continue;
            fields.add(token);
        }
    }
    return undefined;
}
