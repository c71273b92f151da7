// Where an emitted package's compiled code goes: one definition of the module formats it ships,
// from which the compiler's outputs, the client's JavaScript in each format, the package.json
// entry points and the tsconfig that rebuilds each format are all derived.
//
// The package is dual: ES modules for `import` (Node, bundlers, Deno, Bun, browsers) and CommonJS
// for `require`: Node 20 before 20.19 cannot require() an ES module, nor can TypeScript before 5.8
// type a `require` of one (a CommonJS app, or `module: commonjs`). Each format has its own
// directory with the same file names, rather than `.cjs`/`.d.cts` files beside the ES ones:
// - the relative specifiers (`./runtime/core.js`) are the same in both trees, so the declarations
//   are one text, written twice, and the client's CommonJS needs no rewritten specifiers;
// - a `package.json` holding only `"type"` in `dist/cjs` makes Node and TypeScript read every
//   `.js` and `.d.ts` under it as CommonJS, so each `exports` condition gets declarations of its
//   own format (no "masquerading as ESM/CJS" in attw);
// - the ES modules stay where they were (`dist/index.js`), so paths into a package that tests,
//   the bench and apps importing it by path name are unchanged.
// `main` and `types` name the CommonJS entry, for resolvers that do not read `exports` (node10).
// Two copies of the classes in one program are the price of any dual package; the errors'
// `instanceof` works across them (src/runtime/errors.ts).

export type ModuleFormat = "esm" | "cjs";

export interface DistFormat {
  readonly format: ModuleFormat;
  /** The `exports` condition that selects it. */
  readonly condition: "import" | "require";
  /** Its directory in the package. */
  readonly dir: string;
  /** The package.json `"type"` under which its files are read as this format. */
  readonly type: "module" | "commonjs";
  /** TypeScript's `module` option that emits it. */
  readonly module: "ES2022" | "CommonJS";
}

/** The first is the package's own format (its package.json `"type"`). */
export const DIST_FORMATS: readonly DistFormat[] = [
  { format: "esm", condition: "import", dir: "dist", type: "module", module: "ES2022" },
  { format: "cjs", condition: "require", dir: "dist/cjs", type: "commonjs", module: "CommonJS" },
];

const PACKAGE_TYPE = DIST_FORMATS[0]!.type;

/** `src/runtime/core.ts` → `dist/cjs/runtime/core` (without extension) for the CommonJS format. */
export function distPath(format: DistFormat, source: string): string {
  return source.replace(/^src\//, `${format.dir}/`).replace(/\.ts$/, "");
}

/** The package's entry modules by subpath export: the client, and each emitted part's own (`./mocks`). */
export type Entries = Readonly<Record<string, string>>;

/** An entry module's JavaScript and declarations in each format. */
function entry(format: DistFormat, source: string) {
  const base = `./${distPath(format, source)}`;
  return { types: `${base}.d.ts`, default: `${base}.js` };
}

const CJS = DIST_FORMATS.find((f) => f.format === "cjs")!;

/** The package.json fields that say where the code is: `type`, `exports`, `main`, `types`. */
export function entryPoints(subpaths: Entries = {}) {
  const node10 = entry(CJS, "src/index.ts");
  const all: Entries = { ".": "src/index.ts", ...subpaths };
  return {
    type: PACKAGE_TYPE,
    // `types` first in each condition, as TypeScript requires.
    exports: Object.fromEntries(
      Object.entries(all).map(([subpath, source]) => [
        subpath,
        Object.fromEntries(DIST_FORMATS.map((f) => [f.condition, entry(f, source)])),
      ]),
    ),
    main: node10.default,
    types: node10.types,
  };
}

/**
 * For resolvers that do not read `exports` (node10, old bundlers), a folder per subpath export
 * (`mocks/package.json`) whose `main` and `types` name its CommonJS entry, as the package's own
 * `main` does: `require("pkg/mocks")` then finds the same files `exports` gives.
 */
export function subpathStubs(subpaths: Entries): Array<[string, string]> {
  return Object.entries(subpaths).map(([subpath, source]) => {
    const dir = subpath.replace(/^\.\//, "");
    const up = "../".repeat(dir.split("/").length);
    const { types, default: main } = entry(CJS, source);
    return [
      `${dir}/package.json`,
      `${JSON.stringify({ main: `${up}${main.slice(2)}`, types: `${up}${types.slice(2)}` }, null, 2)}\n`,
    ];
  });
}

/** The folders of subpathStubs, for the package.json `files`. */
export function stubFolders(subpaths: Entries): string[] {
  return [...new Set(Object.keys(subpaths).map((subpath) => subpath.replace(/^\.\//, "").split("/")[0]!))];
}

/** The `{ "type": … }` package.json of each format's directory whose type is not the package's own. */
export function formatMarkers(): Array<[string, string]> {
  return DIST_FORMATS.filter((f) => f.type !== PACKAGE_TYPE).map((f) => [
    `${f.dir}/package.json`,
    `${JSON.stringify({ type: f.type }, null, 2)}\n`,
  ]);
}

/**
 * The tsconfig that rebuilds each format but the package's own from src/ (`npm run build`; the
 * package's tsconfig.json builds its own format, NodeNext reading `"type"`). The package pins
 * TypeScript 6, which takes `Bundler` resolution with CommonJS output.
 */
export function formatTsconfigs(): Array<{
  file: string;
  compilerOptions: { module: string; moduleResolution: "Bundler"; outDir: string };
}> {
  return DIST_FORMATS.filter((f) => f.type !== PACKAGE_TYPE).map((f) => ({
    file: `tsconfig.${f.format}.json`,
    compilerOptions: { module: f.module, moduleResolution: "Bundler", outDir: f.dir },
  }));
}

/** The package's `build` script: tsc over tsconfig.json, then over each format's tsconfig. */
export function buildScript(): string {
  return ["tsconfig.json", ...formatTsconfigs().map((t) => t.file)].map((file) => `tsc -p ${file}`).join(" && ");
}
