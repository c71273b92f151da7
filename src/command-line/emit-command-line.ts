// The command line of an emitted package: its data module (src/cli/commands.ts: the bin's name,
// the environment variables' prefix, each operation's description and argument types), its entry
// module (src/cli/main.ts, the same in every package), and the machinery copied from this folder.
//
// The machinery (PACKAGE_MODULES) is copied into the package's src/cli/, beside its src/runtime/,
// exactly where it sits here beside this repository's src/runtime/: its `../runtime/…` imports
// hold as they are. They are checked on the way (as the mocks' are), so a new import of the
// generator's fails generation instead of the package.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AUTHORIZERS, authorizerImports, GENERATED_HEADER } from "../emit/client.js";
import { jsonLiteral } from "../emit/literals.js";
import { DIST_FORMATS, distPath, type ModuleFormat } from "../emit/layout.js";
import { indentUnit, PRINT_DEFAULTS, type PrintOptions } from "../emit/printer/doc.js";
import { printModule, type Statement } from "../emit/printer/typescript.js";
import { credentialLastWords, credentialWords } from "../runtime/credential-names.js";
import type { ApiModel, ArgModel, OperationModel, Shape } from "../model/types.js";
import { PACKAGE_ROOT } from "../paths.js";
import { printable } from "../runtime/printable.js";
import { secretVariables } from "./secret-variables.js";
import { operationUnsetVariables, unsetVariables } from "../model/unset-variables.js";
import { envName } from "./names.js";
import type { ArgHelp, OperationHelp, ValueKind } from "./types.js";

/** The modules of this folder that every package gets, in its src/cli/. */
export const PACKAGE_MODULES: readonly string[] = [
  "types.ts",
  "names.ts",
  "flags.ts",
  "reading.ts",
  "credentials.ts",
  "environment-names.ts",
  "dispatch.ts",
  "curl.ts",
  "help.ts",
  "run.ts",
  "node.ts",
];

/** Where the package's command line lives. */
export const CLI_DIR = "src/cli";
/** The package's own module of it (data), and the bin's entry module. */
export const CLI_DATA = `${CLI_DIR}/commands.ts`;
export const CLI_ENTRY = `${CLI_DIR}/main.ts`;

/** The bin's entry: the same in every package, so it is copied and built with the machinery. */
export const ENTRY_TEXT = `#!/usr/bin/env node
${GENERATED_HEADER}
// The package's command line: \`<bin> --help\` lists its commands.
import { commandLine } from "./commands.js";
import { main } from "./node.js";

void main(commandLine);
`;

/** The package's module of the command line in each face, as the client's modules are emitted. */
export interface EmittedCommandLine {
  /** `src/cli/commands.ts` */
  path: string;
  ts: string;
  dts: string;
  js: Record<ModuleFormat, string>;
  /** The package.json `bin` entry: the command's name and the ES module it runs. */
  bin: { name: string; path: string };
}

/** `zoom-api` for `zoom-api` and `@acme/zoom-api`. */
export function binName(packageName: string): string {
  return packageName.replace(/^@[^/]+\//, "");
}

const NUMBER_HINTS = new Set(["integer", "long", "number", "double", "float", "int32", "int64"]);

/** How the command line reads an argument's flag (type-expressions.ts types it the same way). */
export function valueKind(arg: ArgModel): ValueKind | undefined {
  if (arg.type === "file") return undefined;
  if (arg.type === "json") {
    if (arg.typeHint === "graphql") return "json";
    return shapeKind(arg.shape);
  }
  if (arg.enum) return undefined;
  if (arg.typeHint && NUMBER_HINTS.has(arg.typeHint)) return "number";
  if (arg.typeHint === "boolean") return "boolean";
  return undefined;
}

function shapeKind(shape: Shape | undefined): ValueKind | undefined {
  if (shape?.kind === "string") return undefined;
  if (shape?.kind === "number" || shape?.kind === "boolean") return shape.kind;
  return "json";
}

/** Text for a terminal: its line breaks kept, as line feeds. */
export function terminalText(text: string): string {
  return printable(text.replace(/\r\n?/g, "\n")).trim();
}

export function operationHelp(op: OperationModel): OperationHelp {
  const args = op.args
    .map((arg): ArgHelp => {
      const kind = valueKind(arg);
      const description = arg.description ? terminalText(arg.description) : "";
      return {
        arg: arg.arg,
        ...(kind ? { kind } : {}),
        ...(description ? { description } : {}),
        ...(arg.disabled ? { disabled: true as const } : {}),
      };
    })
    .filter((a) => a.kind !== undefined || a.description !== undefined || a.disabled);
  const description = op.description ? terminalText(op.description) : "";
  return {
    path: [...op.namespace, op.name],
    ...(description ? { description } : {}),
    ...(args.length ? { args } : {}),
  };
}

const HELP_DOC = "What the command line shows of each operation beyond its spec: descriptions and value types.";
const AUTHORIZERS_DOC = "The runtime's authorizers the operations use, by auth type.";

/** The package's module of the command line, in every form the package holds it. */
export function emitCommandLine(
  model: ApiModel,
  packageName: string,
  options: PrintOptions = PRINT_DEFAULTS,
): EmittedCommandLine {
  const name = binName(packageName);
  const unset = unsetVariables(model);
  // What each command's --help lists as needed without a value, as the README's operations say it.
  const help = model.operations.map((op): OperationHelp => {
    const needs = operationUnsetVariables(model, op, unset);
    return { ...operationHelp(op), ...(needs.length ? { unset: needs } : {}) };
  });
  const environments = (model.environments ?? []).map((e) => e.name);
  const secrets = secretVariables(model);
  const identity = {
    name,
    title: model.name,
    envPrefix: envName(name),
    // The names of the client's `Variables` (src/emit/modules/root.ts), which --variable takes.
    variables: model.variables.map((v) => v.name),
    ...(environments.length ? { environments } : {}),
    ...(secrets.length ? { secretVariables: secrets } : {}),
    ...(Object.keys(unset).length ? { unsetVariables: unset } : {}),
    credentialWords: credentialWords(),
    credentialLastWords: credentialLastWords(),
  };
  const helpTs = printModule(
    [
      {
        kind: "const",
        exported: true,
        name: "operationHelp",
        type: {
          kind: "operator",
          operator: "readonly",
          type: { kind: "array", element: { kind: "name", name: "OperationHelp" } },
        },
        init: { kind: "value", value: help },
      },
    ],
    options,
  ).trimEnd();
  const identityTs = printModule(
    [{ kind: "const", name: "identity", init: { kind: "value", value: identity, expand: true } }],
    options,
  ).trimEnd();
  // The authorizers the client imports (authorizerImports), by the auth type each serves: only
  // these signers' runtime modules are in the package, and the command line runs any operation.
  const imports = authorizerImports(model, "../");
  const authorizers = [...new Set(model.operations.map((op) => op.auth.type))]
    .filter((type) => AUTHORIZERS[type] !== undefined)
    .sort()
    .map((type) => ({ type, name: AUTHORIZERS[type]! }));
  const tableOf = (ref: (name: string) => string) =>
    `{${authorizers.map(({ type, name }) => ` ${type}: ${ref(name)}`).join(",")}${authorizers.length ? " " : ""}}`;
  const moduleOf = (name: string) => imports.find((i) => i.names.includes(name))!.from;
  /** A required module's binding in CommonJS, as TypeScript names it: `auth_js_1` for `../runtime/auth.js`. */
  const binding = (from: string) => `${from.replace(/^.*\//, "").replace(/[^A-Za-z0-9]/g, "_")}_1`;
  const headTs = printModule(
    [
      { kind: "import", from: "../index.js", names: [{ name: "createBaseClient" }, { name: "operations" }] },
      ...imports.map(({ names, from }): Statement => ({
        kind: "import",
        from,
        names: names.map((name) => ({ name })),
        tight: true,
      })),
      {
        kind: "import",
        typeOnly: true,
        from: "./types.js",
        names: [{ name: "CommandLine" }, { name: "OperationHelp" }],
        tight: true,
      },
    ],
    options,
  ).trimEnd();
  const authorizersTs = printModule(
    [
      {
        kind: "const",
        name: "authorizers",
        init: {
          kind: "object",
          properties: authorizers.map(({ type, name }) => ({
            kind: "property",
            key: type,
            value: { kind: "id", name },
          })),
        },
      },
    ],
    options,
  ).trimEnd();
  const unit = indentUnit(options);
  const ts = `${GENERATED_HEADER}
${headTs}

/** ${HELP_DOC} */
${helpTs}

/** The command's name, the API's, its environment variables' prefix, the collection's variables, its Postman environments, the words it masks. */
${identityTs}

/** ${AUTHORIZERS_DOC} */
${authorizersTs}

/** The \`${name}\` command: every operation of the client from the command line. */
export const commandLine: CommandLine = {
${unit}...identity,
${unit}operations,
${unit}help: operationHelp,
${unit}connect: createBaseClient,
${unit}authorizers,
};
`;
  const data = jsonLiteral(help);
  const object = (operations: string, create: string) =>
    `{\n  ...identity,\n  operations: ${operations},\n  help: operationHelp,\n  connect: ${create},\n  authorizers,\n}`;
  const esm = `${GENERATED_HEADER}
import { createBaseClient, operations } from "../index.js";
${imports.map(({ names, from }) => `import { ${names.join(", ")} } from "${from}";\n`).join("")}/** ${HELP_DOC} */
export const operationHelp = ${data};
const identity = ${jsonLiteral(identity)};
/** ${AUTHORIZERS_DOC} */
const authorizers = ${tableOf((name) => name)};
export const commandLine = ${object("operations", "createBaseClient")};
`;
  const cjs = `"use strict";
${GENERATED_HEADER}
Object.defineProperty(exports, "__esModule", { value: true });
exports.commandLine = exports.operationHelp = void 0;
const index_js_1 = require("../index.js");
${imports.map(({ from }) => `const ${binding(from)} = require("${from}");\n`).join("")}/** ${HELP_DOC} */
const operationHelp = ${data};
exports.operationHelp = operationHelp;
const identity = ${jsonLiteral(identity)};
/** ${AUTHORIZERS_DOC} */
const authorizers = ${tableOf((name) => `${binding(moduleOf(name))}.${name}`)};
exports.commandLine = ${object("index_js_1.operations", "index_js_1.createBaseClient")};
`;
  const dts = `import type { CommandLine, OperationHelp } from "./types.js";
/** ${HELP_DOC} */
export declare const operationHelp: readonly OperationHelp[];
/** The \`${name}\` command: every operation of the client from the command line. */
export declare const commandLine: CommandLine;
`;
  return {
    path: CLI_DATA,
    ts,
    dts,
    js: { esm, cjs },
    bin: { name, path: `${distPath(DIST_FORMATS[0]!, CLI_ENTRY)}.js` },
  };
}

/** The machinery, read from this folder, and the bin's entry module, for the package's src/cli/. */
export function commandLineSources(): Array<[string, string]> {
  const dir = join(PACKAGE_ROOT, "src/command-line");
  return [
    ...PACKAGE_MODULES.map((name): [string, string] => [
      `${CLI_DIR}/${name}`,
      checkImports(name, readFileSync(join(dir, name), "utf8")),
    ]),
    [CLI_ENTRY, ENTRY_TEXT],
  ];
}

/** A copied module may import its siblings, the package's data module and the runtime: nothing else exists in a package. */
export function checkImports(name: string, text: string): string {
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/g)) {
    const from = match[1]!;
    const sibling = /^\.\/([a-z-]+)\.js$/.exec(from);
    const ok =
      (sibling !== null &&
        (PACKAGE_MODULES.includes(`${sibling[1]}.ts`) || `${CLI_DIR}/${sibling[1]}.ts` === CLI_DATA)) ||
      /^\.\.\/runtime\/[a-z0-9-]+\.js$/.test(from);
    if (!ok)
      throw new Error(
        `src/command-line/${name} imports ${JSON.stringify(from)}, which an emitted package does not have (see PACKAGE_MODULES in src/command-line/emit-command-line.ts)`,
      );
  }
  return text;
}
