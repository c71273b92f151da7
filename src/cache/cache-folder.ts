// Where the caches live: node_modules/.cache/postman-codegen, where build tools keep theirs, in the
// folder of the config the targets come from, so that runs from any folder below it share them
// (findConfig looks upward); without a config, in the working directory's. No node_modules there:
// no cache, rather than a folder the user did not ask for.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export function cacheFolder(configFile: string | undefined): string | undefined {
  const modules = join(configFile !== undefined ? dirname(resolve(configFile)) : process.cwd(), "node_modules");
  return existsSync(modules) ? join(modules, ".cache", "postman-codegen") : undefined;
}
