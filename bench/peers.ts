// The tools users would pick instead of this one: convert the collection to OpenAPI with
// postman-to-openapi, then run an OpenAPI generator. They are pinned in bench/package.json and
// installed into bench/node_modules by the benchmark only, so `npm ci` and `npm test` never pay for them.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

export const BENCH = fileURLToPath(new URL(".", import.meta.url));
const MODULES = join(BENCH, "node_modules");

/** Installs the pinned peers when bench/node_modules is missing or older than the lockfile. */
export function installPeers(): void {
  const marker = join(MODULES, ".package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(join(BENCH, "package-lock.json")).mtimeMs) return;
  console.error("installing the peers (npm ci in bench/)…");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: BENCH,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export function peerVersion(name: string): string {
  return (JSON.parse(readFileSync(join(MODULES, name, "package.json"), "utf8")) as { version: string }).version;
}

/** The JavaScript file behind a package's command. */
function bin(name: string, command?: string): string {
  const manifest = JSON.parse(readFileSync(join(MODULES, name, "package.json"), "utf8")) as {
    bin: string | Record<string, string>;
  };
  const file =
    typeof manifest.bin === "string" ? manifest.bin : manifest.bin[command ?? Object.keys(manifest.bin)[0]!]!;
  return join(MODULES, name, file);
}

/** `node` arguments that convert a collection to OpenAPI 3 (YAML). */
export function convertArgs(collection: string, openapi: string): string[] {
  return [bin("postman-to-openapi", "p2o"), collection, "-f", openapi];
}

export interface PeerGenerator {
  /** As the report names it. */
  name: string;
  /** The package whose version the report gives. */
  package: string;
  /** What it emits. */
  emits: string;
  /** `node` arguments that generate from `openapi` into the directory `out`. */
  args(openapi: string, out: string): string[];
}

export const PEER_GENERATORS: PeerGenerator[] = [
  {
    name: "orval (fetch client)",
    package: "orval",
    emits: "one TypeScript file: types and a function per operation",
    args: (openapi, out) => [bin("orval"), "--input", openapi, "--output", join(out, "zoom.ts"), "--client", "fetch"],
  },
  {
    name: "@hey-api/openapi-ts (fetch client)",
    package: "@hey-api/openapi-ts",
    emits: "types, an SDK function per operation and its fetch client",
    args: (openapi, out) => [
      bin("@hey-api/openapi-ts", "openapi-ts"),
      "-i",
      openapi,
      "-o",
      out,
      "-c",
      "@hey-api/client-fetch",
    ],
  },
  {
    name: "openapi-typescript (+ openapi-fetch at run time)",
    package: "openapi-typescript",
    emits: "one declaration file of types; calls go through openapi-fetch",
    args: (openapi, out) => [bin("openapi-typescript"), openapi, "-o", join(out, "schema.d.ts")],
  },
];

/**
 * This tool's one-operation app: it makes a base client and calls updateUserStatus through its
 * standalone function (`BASE` is defined before it), importing the Zoom package in `packageDir`
 * (relative to the bundle's resolve directory).
 */
export function ourCall(packageDir: string, token: string): string {
  return `import { createBaseClient, updateUserStatus } from ${JSON.stringify(`./${packageDir}/dist/index.js`)};
const client = createBaseClient({ baseUrl: BASE, token: ${JSON.stringify(token)} });
export const call = () => updateUserStatus(client, { userId: "me", action: "deactivate" });`;
}

/**
 * Bundles a module with esbuild, resolving packages from bench/node_modules (openapi-fetch) as
 * well as the project's: what an app would ship. Returns the code. `plugins` may stand in for
 * modules (bench/bundle-costs.ts prices behaviours by leaving them out).
 */
export async function bundlePeer(
  source: string,
  resolveDir: string,
  minify: boolean,
  plugins: Plugin[] = [],
): Promise<string> {
  return (await bundle(source, resolveDir, minify, plugins)).text;
}

/** Minified bytes of a bundle by input module, largest first: where a bundle's size comes from. */
export async function bundleInputs(
  source: string,
  resolveDir: string,
  plugins: Plugin[] = [],
): Promise<Array<[string, number]>> {
  const { inputs } = await bundle(source, resolveDir, true, plugins);
  return Object.entries(inputs).sort(([, a], [, b]) => b - a);
}

async function bundle(
  source: string,
  resolveDir: string,
  minify: boolean,
  plugins: Plugin[],
): Promise<{ text: string; inputs: Record<string, number> }> {
  const result = await build({
    plugins,
    metafile: true,
    stdin: { contents: source, resolveDir, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    minify,
    nodePaths: [MODULES],
    write: false,
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return {
    text: result.outputFiles[0]!.text,
    inputs: Object.fromEntries(Object.entries(output.inputs).map(([path, input]) => [path, input.bytesInOutput])),
  };
}
