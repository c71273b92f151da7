// Bundles a module that imports an emitted client, as an app's build would (esbuild).
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { ROOT } from "./seed.js";

export async function bundle(
  source: string,
  options: { minify?: boolean; platform?: "browser" | "node"; alias?: Record<string, string> } = {},
): Promise<{ code: string; gzipBytes: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: "js" },
    bundle: true,
    format: "esm",
    platform: options.platform ?? "browser",
    minify: options.minify ?? false,
    write: false,
    logLevel: "silent",
    ...(options.alias ? { alias: options.alias } : {}),
  });
  const code = result.outputFiles[0]!.text;
  return { code, gzipBytes: gzipSync(code).length };
}
