// JSDoc comments, as prettier reprints them before statements and interface members.
import { hardline, indentUnit, join, type Doc, type PrintOptions } from "./doc.js";

/**
 * A JSDoc comment as prettier reprints it: one line stays as written; more lines each start with
 * ` * `, trailing white space dropped. It is one string, its lines indented for `depth` (comments
 * stand before statements and interface members only, where a hard line follows them): a document
 * of one part per line would be most of what the printer walks.
 */
export function commentDoc(text: string, depth: number, options: PrintOptions): Doc {
  // Where the depth is not known (a block in an expression), one part per line.
  if (Number.isNaN(depth) && text.includes("\n"))
    return join(hardline, ["/**", ...text.split("\n").map((line) => ` * ${line}`.trimEnd()), " */"]);
  return commentText(text, depth, options);
}

/** The comment's text, its lines after the first indented for `depth`. */
export function commentText(text: string, depth: number, options: PrintOptions): string {
  if (!text.includes("\n")) return `/** ${text} */`;
  const indent = `\n${indentUnit(options).repeat(depth)}`;
  let out = "/**";
  for (const line of text.split("\n")) out += indent + ` * ${line}`.trimEnd();
  return `${out}${indent} */`;
}

export function withDocs(docs: string | undefined, doc: Doc, depth: number, options: PrintOptions): Doc {
  return docs === undefined ? doc : [commentDoc(docs, depth, options), hardline, doc];
}
