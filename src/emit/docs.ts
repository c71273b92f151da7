// JSDoc texts for the emitted client, from the model's clean markdown. Every collection text goes
// through docText; the surrounding words are ours.
import { tokenSent } from "./auth-options.js";
import { DISABLED_ARG } from "../command-line/help.js";
import { shownRequestPath } from "../runtime/paths.js";
import { docText } from "./literals.js";
import { inferredDoc, isSuccess, sentAsText } from "./type-expressions.js";
import { oneLine } from "../model/markdown.js";
import { jsonAsWritten } from "../model/unquoted.js";
import type { ArgModel, AuthModel, OperationModel, ScriptModel, VariableModel } from "../model/types.js";
import { counted } from "../counted.js";

const PLACE: Record<ArgModel["in"], string> = {
  path: "Path variable",
  query: "Query parameter",
  header: "Header",
  body: "Body field",
};

function place(arg: ArgModel, op: OperationModel): string {
  if (arg.in !== "body") return PLACE[arg.in];
  switch (op.body?.encoding) {
    case "multipart":
      return arg.type === "file" ? "Form file field (multipart/form-data)" : "Form field (multipart/form-data)";
    case "urlencoded":
      return "Form field (application/x-www-form-urlencoded)";
    case "json":
      return "JSON body field";
    default:
      return "Request body";
  }
}

/**
 * An argument's JSDoc: the collection's description and what the type does not say (where it
 * goes, the collection's default, an example). Required or not and the allowed values are the
 * type's (`?`, a union of literals); the README lists a one-line summary.
 */
export function argDoc(arg: ArgModel, op: OperationModel): string {
  const lines = [
    ...(arg.description ? [docText(arg.description), ""] : []),
    `${place(arg, op)}${arg.name !== arg.arg ? ` \`${docText(arg.name)}\`` : ""}.`,
  ];
  // A body has one example: the type of a JSON value in it is a guess from that one.
  const whole = arg.unquoted?.some((place) => !place.length);
  if (arg.type === "json" && arg.typeHint !== "graphql" && arg.shape && arg.shape.kind !== "unknown" && !whole)
    lines.push(inferredDoc(1));
  // Typed from the variable's values (model/unquoted.ts), not from an example.
  if (arg.unquoted)
    lines.push(
      '`{{variables}}` written unquoted are sent as the JSON value their text is (`3`, not `"3"`), as Postman sends them.',
    );
  // A form field of JSON text that also takes the object: its type shows the example's shape.
  const objectText = arg.type === "jsonText" && arg.shape !== undefined && sentAsText(arg, op);
  if (objectText)
    lines.push(
      `The collection's example is an object's JSON text: pass the text, or the object, which the client sends as \`JSON.stringify(value)\`; the object's type is inferred from that one example.`,
    );
  if (arg.default !== undefined)
    lines.push(
      `Default: \`${docText(oneLine(jsonAsWritten(arg.default, arg.unquoted)))}\` (the collection's value; \`{{variables}}\` are filled in when sent).`,
    );
  if (arg.contentType && arg.type !== "file")
    lines.push(`Sent as a part of type \`${docText(arg.contentType)}\`, as the collection says.`);
  if (arg.type === "file" && op.body?.encoding === "binary") {
    if (arg.contentType)
      lines.push(
        `A \`Blob\` without a type of its own is sent as \`${docText(arg.contentType)}\`, as Postman sends the collection's file.`,
      );
  } else if (arg.type === "file" && (arg.fileNames || arg.contentType)) {
    const names = [...new Set(arg.fileNames ?? [])].map((name) => `\`${docText(name)}\``);
    const types = [...new Set(arg.contentType ? [arg.contentType] : (arg.fileTypes ?? []))].filter((type) => type);
    const file = [
      ...(names.length ? [names.join(", ")] : []),
      ...(types.length
        ? [`of type${types.length > 1 ? "s" : ""} ${types.map((t) => `\`${docText(t)}\``).join(", ")}`]
        : []),
    ].join(" ");
    lines.push(
      `The collection sends the file${names.length > 1 ? "s" : ""} ${file}: the client sends the name and type of the \`File\` passed (a \`Blob\` goes named ${names.length > 1 ? "as the collection's file in its place" : (names[0] ?? "`blob`")}, of its own type${types.length ? `, else of the collection's${types.length > 1 ? " in its place" : ""}` : ""}).`,
    );
  }
  if (arg.written !== undefined)
    lines.push(
      `The collection writes it percent-encoded (\`${docText(oneLine(arg.written))}\`): pass its text, which the client encodes.`,
    );
  if (arg.disabled) lines.push(`${DISABLED_ARG[0]!.toUpperCase()}${DISABLED_ARG.slice(1)}.`);
  // A JSON value's example, and an object's JSON text, is the shape its type was inferred from,
  // written out again (Zoom's `in_meeting` text is 2 KB); an empty one shows nothing (Zoom's SIP
  // `domain`, required, is "" in the collection).
  if (arg.example !== undefined && arg.example !== "" && arg.type !== "json" && !objectText)
    lines.push(`@example ${docText(JSON.stringify(arg.example))}`);
  return lines.join("\n");
}

/** What an operation that follows no redirect resolves with, for its JSDoc and its README entry. */
export const REDIRECT_DOC =
  "Follows no redirect (the collection's `followRedirects: false`): a 3xx response is the result, its `Location` in `.withResponse()`'s `response.headers` (in a browser, status 0 and no headers).";

/** What the docs show of a request's URL: its path, and the query keys it sends alone (`/b/k?uploads`). */
export function requestTarget(op: OperationModel): string {
  return `${shownRequestPath(op.path)}${op.bareQuery ? `?${op.bareQuery.join("&")}` : ""}`;
}

/**
 * A method's JSDoc: what the request is and does. The documented statuses and error codes are the
 * types' (`…Result`, `…Error`) and their texts the metadata's and the README's; the auth is said
 * once on the client when every operation shares it (`sharedAuth`).
 */
export function operationDoc(op: OperationModel, names: { error: string }, sharedAuth = false): string {
  const lines: string[] = [docText(op.item || op.name), ""];
  if (op.description) lines.push(docText(op.description), "");
  lines.push(
    `\`${docText(op.method)} ${docText(requestTarget(op))}\`${op.base !== undefined ? ` on \`${docText(op.base)}\`` : ""}`,
  );
  if (!sharedAuth) lines.push(`Auth: ${authText(op.auth)}`);
  if (op.scopes) lines.push(`Scopes: ${op.scopes.map((s) => `\`${docText(s)}\``).join(", ")}`);
  if (op.rateLimit) lines.push(`Rate limit label: \`${docText(op.rateLimit)}\``);
  if (op.scripts.length) {
    lines.push("", "Postman scripts that the client does not run:");
    for (const script of op.scripts) lines.push(`- ${scriptText(script)}`);
  }
  if (op.redirect) lines.push(REDIRECT_DOC);
  const errors = op.responses.filter((r) => !isSuccess(op, r.status));
  lines.push("");
  if (errors.length)
    lines.push(
      `@throws {@link ${names.error}} for a documented error status (${errors.map((r) => r.status).join(", ")}); {@link ApiError} for any other.`,
    );
  else lines.push(`@throws {@link ApiError} on a ${op.redirect ? "4xx or 5xx" : "non-2xx"} response.`);
  lines.push("@throws {@link ValidationError} when an argument is missing or not allowed; nothing is sent.");
  return lines.join("\n");
}

export function scriptKind(script: ScriptModel): string {
  return script.listen === "prerequest" ? "pre-request script" : "test script";
}

export function scriptText(script: ScriptModel): string {
  const sets = script.sets.length ? `; sets ${script.sets.map((s) => `\`${docText(s)}\``).join(", ")}` : "";
  return `${script.scope} ${scriptKind(script)} (${counted(script.lines, "line")}${sets})`;
}

export function namespaceDoc(folder: string[]): string {
  return `Requests of the Postman folder \`${docText(folder.join(" / "))}\`.`;
}

export function variableDoc(variable: VariableModel): string {
  const lines = variable.description ? [docText(variable.description), ""] : [];
  lines.push(
    variable.default !== undefined
      ? `The ${variable.fromGlobals ? "globals'" : "collection's"} value: \`${docText(variable.default)}\`.`
      : "The collection has no value for it.",
  );
  return lines.join("\n");
}

/** How an operation authenticates, in words; `code` renders a collection value as code for the target format. */
export function authText(auth: AuthModel, code: (text: string) => string = (text) => `\`${docText(text)}\``): string {
  switch (auth.type) {
    case "none":
      return "none";
    case "bearer":
      return `${auth.from === "oauth2" ? "OAuth 2.0 access token" : "bearer token"}, sent ${tokenSent(auth, code)} (client option \`token\`${auth.token ? `, else ${code(auth.token)}` : ""})`;
    case "apikey":
      return `API key in the ${auth.in === "query" ? "query parameter" : "header"} ${code(auth.name)} (client option \`apiKey\`${auth.value ? `, else ${code(auth.value)}` : ""})`;
    case "basic":
      return "HTTP Basic (client option `basic: { username, password }`)";
    case "oauth1":
      return `OAuth 1.0a ${code(auth.signatureMethod ?? "HMAC-SHA1")}, signed by the client (client option \`oauth1\`${orCollection([auth.consumerKey, auth.consumerSecret, auth.token, auth.tokenSecret, auth.privateKey], code)})`;
    case "digest":
      return `HTTP Digest, the server's challenge answered by the client (client option \`digest: { username, password }\`${orCollection([auth.username, auth.password], code)})`;
    case "hawk":
      return `Hawk, signed by the client (client option \`hawk: { id, key }\`${orCollection([auth.authId, auth.authKey], code)})`;
    case "awsv4":
      return `AWS Signature Version 4 for service ${code(auth.service ?? "execute-api")} in ${code(auth.region ?? "us-east-1")}, signed by the client (client option \`aws\`${orCollection([auth.accessKey, auth.secretKey, auth.sessionToken], code)})`;
    case "oauth2":
      return auth.grant
        ? `OAuth 2.0 ${auth.grant.replace("_", " ")}${auth.pkce ? " with PKCE" : ""} grant: the client gets its token from ${code(auth.accessTokenUrl ?? "")} and renews it (client option \`oauth2\`${orCollection([auth.clientSecret, auth.username, auth.password], code)}; the \`token\` option wins)`
        : `OAuth 2.0 access token, sent ${tokenSent(auth, code)} (client option \`token\`${orCollection([auth.token], code)})`;
    case "jwt":
      return `JWT ${code(auth.algorithm ?? "HS256")} made and signed by the client for each request (client option \`jwt\`${orCollection([auth.secret, auth.privateKey], code)})`;
    case "edgegrid":
      return `Akamai EdgeGrid, signed by the client (client option \`edgegrid\`${orCollection([auth.clientToken, auth.clientSecret, auth.accessToken], code)})`;
    case "custom":
      return `${code(auth.scheme)}, which the client cannot compute${auth.reason ? ` (${docText(auth.reason)})` : ""}: the client option \`sign\` signs each request`;
  }
}

/** `, else {{a}}, {{b}}`: the collection's variables a signed scheme's credentials come from. */
function orCollection(templates: ReadonlyArray<string | undefined>, code: (text: string) => string): string {
  const given = templates.filter((t): t is string => t !== undefined);
  return given.length ? `, else ${given.map(code).join(", ")}` : "";
}
