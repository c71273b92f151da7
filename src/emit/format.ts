// Every emitted text file goes through prettier once, so output is formatted and stable.
import prettier from "prettier";

const PARSERS: Record<string, string> = {
  ".ts": "typescript",
  ".js": "babel",
  ".json": "json",
  ".md": "markdown",
};

export async function formatFile(path: string, text: string): Promise<string> {
  const ext = /\.[^.]+$/.exec(path)?.[0] ?? "";
  const parser = path.endsWith(".d.ts") ? "typescript" : PARSERS[ext];
  if (!parser) return text;
  return prettier.format(text, { parser, printWidth: 100 });
}
