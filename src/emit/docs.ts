// JSDoc texts for the emitted client, from the model's clean markdown. Every collection text goes
// through docText; the surrounding words are ours.
import { docText } from "./literals.js";
import { isSuccess } from "./type-expressions.js";
import { oneLine } from "../model/markdown.js";
import type { ArgModel, AuthModel, OperationModel } from "../model/types.js";

const PLACE: Record<ArgModel["in"], string> = {
  path: "Path variable",
  query: "Query parameter",
  header: "Header",
  body: "Body field",
};

export function argDoc(arg: ArgModel, op: OperationModel): string {
  const where = arg.in === "body" && op.body === "multipart" ? "Form field (multipart/form-data)" : PLACE[arg.in];
  const lines = [
    ...(arg.description ? [docText(arg.description), ""] : []),
    `${where} \`${docText(arg.name)}\`${arg.required ? ", required" : ", optional"}.`,
  ];
  if (arg.enum) lines.push(`One of: ${arg.enum.map((v) => `\`${docText(v)}\``).join(", ")}.`);
  if (arg.example !== undefined) lines.push(`@example ${docText(JSON.stringify(arg.example))}`);
  return lines.join("\n");
}

export function operationDoc(op: OperationModel): string {
  const lines: string[] = [docText(op.item || op.name), ""];
  if (op.description) lines.push(docText(op.description), "");
  lines.push(`\`${docText(op.method)} ${docText(op.path || "/")}\``);
  if (op.folder.length) lines.push(`Postman folder: ${op.folder.map((f) => docText(f)).join(" / ")}`);
  lines.push(`Auth: ${authText(op.auth)}`);
  if (op.scopes) lines.push(`Scopes: ${op.scopes.map((s) => `\`${docText(s)}\``).join(", ")}`);
  if (op.rateLimit) lines.push(`Rate limit label: \`${docText(op.rateLimit)}\``);
  if (op.responses.length) {
    lines.push("", "Documented responses:");
    for (const response of op.responses) {
      const description = response.description ? ` ${docText(oneLine(response.description))}` : "";
      lines.push(`- \`${response.status}\`${description}`);
      for (const code of response.errorCodes) {
        lines.push(`  - error code \`${docText(String(code.code))}\`: ${docText(oneLine(code.description))}`);
      }
    }
  }
  const errors = op.responses.filter((r) => !isSuccess(r.status));
  lines.push("");
  if (errors.length) lines.push(`@throws {@link ApiError} on a non-2xx response (documented: ${errors.map((r) => r.status).join(", ")}).`);
  else lines.push("@throws {@link ApiError} on a non-2xx response.");
  lines.push("@throws {@link ValidationError} when an argument is missing or not allowed; nothing is sent.");
  return lines.join("\n");
}

export function authText(auth: AuthModel): string {
  if (auth.type === "bearer") {
    return `${auth.from === "oauth2" ? "OAuth 2.0 access token" : "bearer token"}, sent as \`Authorization: Bearer <token>\` (client option \`token\`)`;
  }
  return "none";
}
