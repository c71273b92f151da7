// The importer names each example response after the OpenAPI response description, so Zoom's own
// markup is there: "**HTTP Status Code:** `404` **Not Found**<br><br>\n**Error Code:** `1001`<br>\nUser does not exist: $userId.\n"
import { cleanMarkdown } from "./markdown.js";
import type { ErrorCodeModel } from "./types.js";

export interface ResponseName {
  /** Status written in the name, when there is one. */
  status?: number;
  description?: string;
  errorCodes: ErrorCodeModel[];
}

const STATUS = /\*\*(?:HTTP )?Status Code(?::\*\*|\*\*:)\s*`(\d{3})`(?:\s*\*\*([^*]+)\*\*)?/i;
const ERROR_CODE = /\*\*Error Code(?::\*\*|\*\*:)\s*`([^`]+)`/gi;
/** Postman's name for an example saved without one. */
const UNNAMED = "Untitled Example";

export function parseResponseName(name: string): ResponseName {
  if (name.trim() === "" || name.trim() === UNNAMED) return { errorCodes: [] };
  let status: number | undefined;
  let title: string | undefined;
  let rest = name;
  const head = STATUS.exec(rest);
  if (head) {
    status = Number(head[1]);
    title = head[2]?.trim() || undefined;
    rest = rest.slice(0, head.index) + rest.slice(head.index + head[0].length);
  }
  const marks = [...rest.matchAll(ERROR_CODE)];
  const lead = cleanMarkdown(marks.length ? rest.slice(0, marks[0]!.index) : rest);
  const errorCodes: ErrorCodeModel[] = marks.map((mark, i) => {
    const end = i + 1 < marks.length ? marks[i + 1]!.index : rest.length;
    const code = mark[1]!.trim();
    return {
      code: /^-?\d+$/.test(code) ? Number(code) : code,
      description: cleanMarkdown(rest.slice(mark.index + mark[0].length, end)),
    };
  });
  const description = lead || title;
  return { ...(status !== undefined ? { status } : {}), ...(description ? { description } : {}), errorCodes };
}
