// Run after the build: makes dist/fast-path.js (the no-op's whole path: the config, the manifests,
// the file hashes) one module, with its own project modules inlined. A build step with nothing to
// do should cost about a Node start, and what Node's ESM loader spends on each module it resolves,
// reads, links and evaluates is more than the no-op's own work in most of them.
// Its modules stay in dist/ for the rest of the command, which then loads them once more as
// modules of their own: a cost lost in a full generation, and the state they keep
// (the fingerprint, the loaded validators) is only ever a cache. Files kept beside the code (the
// fingerprint, the validators) are found from `CODE_DIR` (paths.ts), which is dist/ for this bundle
// as for the modules. esbuild is a development dependency: only the build runs it.
// It then makes dist/generate-entry.js, what bin.ts runs for a `generate` the fast path parsed, one
// module too (generate-entry.ts): the whole pipeline, the fast path's bundle inlined as one of its
// modules (generate.ts asks it whether a target is up to date), as that module was before.
import { build, type BuildOptions, type Plugin } from "esbuild";
import { createRequire } from "node:module";
import { join } from "node:path";
import { CODE_DIR } from "../paths.js";

const require = createRequire(import.meta.url);

/** The bundled no-op path, built over tsc's module of the same name (its source map chained to the sources). */
const FAST_PATH_FILE = join(CODE_DIR, "fast-path.js");

/** The bundled `generate` command, likewise. */
const GENERATE_ENTRY_FILE = join(CODE_DIR, "generate-entry.js");

/**
 * Node modules the bundle takes through `require` rather than `import`. Importing a built-in module
 * makes its ES module namespace, which reads every export, and so runs the getters that load the
 * rest lazily: `node:fs`'s `promises` and `ReadStream` load its promises and Node's streams (about
 * 20 internal modules, compiled in every no-op for nothing); `require` hands over the object alone.
 */
const REQUIRED_BUILTINS = /^node:(?:fs|crypto)$/;

/**
 * Each such module as one of the bundle's own: its plain values, each an export of its name (what
 * the bundle imports is among them), read from `require`'s object. Its getters are left out, not
 * read: running them is what `import` costs. (esbuild's own wrapper for a CommonJS module would copy
 * every property to a namespace object of its own, which costs the no-op more than the reads.)
 */
function requiredModule(name: string): string {
  const descriptors = Object.getOwnPropertyDescriptors(require(name) as object);
  const values = Object.keys(descriptors).filter(
    (key) => "value" in descriptors[key]! && /^[A-Za-z_$][\w$]*$/.test(key) && key !== "default",
  );
  return [
    `const builtin = require(${JSON.stringify(name)});`,
    ...values.map((key) => `export const ${key} = builtin.${key};`),
    "export default builtin;",
  ].join("\n");
}

const requireBuiltins: Plugin = {
  name: "require-builtins",
  setup(build) {
    // The `require` in requiredModule's text is Node's own.
    build.onResolve({ filter: REQUIRED_BUILTINS }, (args) =>
      args.kind === "require-call"
        ? { path: args.path, external: true }
        : { path: args.path, namespace: "required-builtin" },
    );
    build.onLoad({ filter: /.*/, namespace: "required-builtin" }, (args) => ({
      contents: requiredModule(args.path),
      loader: "js",
    }));
  },
};

/** `file` made one module in place, its project modules inlined, the packages left external. */
async function bundleInPlace(file: string, options: BuildOptions = {}): Promise<void> {
  await build({
    entryPoints: [file],
    outfile: file,
    allowOverwrite: true,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "error",
    ...options,
  });
}

await bundleInPlace(FAST_PATH_FILE, {
  plugins: [requireBuiltins],
  // The `require` that esbuild's CommonJS wrappers of REQUIRED_BUILTINS call.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
  },
});

// After the fast path's: it inlines that bundle, not the modules the bundle was made from. The
// packages (the SDK, prettier, Handlebars, …) load as they did, the lazy ones lazily.
await bundleInPlace(GENERATE_ENTRY_FILE);
