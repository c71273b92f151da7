// The root module, `src/client.ts`: the collection's variables and environments, the operations
// at its root, every operation's metadata, and `createClient` with the namespaces it returns.
import { constant, functionStatement, id, literal, ref, type Flavor } from "./statements.js";
import type { Context } from "./layout.js";
import { namespaceInterface, namespaceObject } from "./namespaces.js";
import { operationStatements } from "./operations.js";
import { SHAPES_FROM_ROOT, shapesExports, shapesImport } from "./shared.js";
import { extrasTypes, runtimeImport, runtimeImports, usesDynamicVariables } from "../client.js";
import { variableDoc } from "../docs.js";
import { docText } from "../literals.js";
import { valueExpr, type Expr, type ObjectMember, type Statement, type TypeMember } from "../printer/typescript.js";
import { secretVariables } from "../../command-line/secret-variables.js";
import { exportedNames } from "../../model/naming.js";
import { runtimeLocal } from "../../model/reserved-names.js";
import type { EnvironmentModel, OperationModel } from "../../model/types.js";

export function rootExports(context: Context): string[] {
  return [
    ...(shapesExports(context).length ? [SHAPES_FROM_ROOT] : []),
    ...(context.checks ? ["./checks.js"] : []),
    ...context.resources.map((r) => `./resources/${r.file}.js`),
  ];
}

export function rootStatements(
  context: Context,
  ops: OperationModel[],
  flavor: Flavor,
): { imports: Statement[]; body: Statement[] } {
  const { model, tree } = context;
  const types = (statements: Statement[]) => (flavor === "js" ? [] : statements);
  const hasOps = ops.length > 0;
  // The root's operations' options may add the extras' types (optionsType).
  const coreTypes = ["ClientOptions", "Core", ...(hasOps ? ["RequestOptions", ...extrasTypes(ops)] : [])].sort();
  const environments = model.environments ?? [];
  // The options are typed with the environments' names, when there are any.
  const optionsType = ref("ClientOptions", [
    ref("Variables"),
    ...(environments.length ? [ref("EnvironmentName")] : []),
  ]);
  const withEnvironments = environments.length > 0 || (model.globalSecrets?.length ?? 0) > 0;
  const withDynamic = usesDynamicVariables(model);
  const secrets = secretVariables(model);
  const coreDefaults: ObjectMember[] = [
    { kind: "property", key: "baseUrl", value: id("defaultBaseUrl") },
    { kind: "property", key: "variables", value: id("defaultVariables") },
    // The variables whose values the errors mask (a caller gives them: none is in the package).
    ...(secrets.length ? [{ kind: "property", key: "secrets", value: valueExpr(secrets) } satisfies ObjectMember] : []),
    // The environments' machinery comes with its import, only in packages that have environments
    // or the globals' secrets: other bundles leave it out.
    ...(withEnvironments
      ? [
          {
            kind: "property",
            key: "environments",
            value: {
              kind: "call",
              callee: id(runtimeLocal("environmentScopes")),
              args: [
                environments.length ? id("environments") : valueExpr({}),
                ...(model.globalSecrets?.length ? [valueExpr(model.globalSecrets)] : []),
              ],
            },
          } satisfies ObjectMember,
        ]
      : []),
    // Postman's dynamic variables likewise, only where the collection refers to them.
    ...(withDynamic
      ? [{ kind: "property", key: "dynamic", value: id(runtimeLocal("dynamicVariable")) } satisfies ObjectMember]
      : []),
  ];
  const runtime = runtimeImports({ ...model, operations: ops }).filter(({ from }) => from !== "./runtime/core.js");
  const imports: Statement[] = [
    ...(flavor !== "dts"
      ? runtime.map(({ names, from }): Statement => ({ kind: "import", from, names: names.map(runtimeImport) }))
      : []),
    ...(flavor !== "dts" && withEnvironments
      ? [
          {
            kind: "import",
            from: "./runtime/environments.js",
            names: [runtimeImport("environmentScopes")],
          } satisfies Statement,
        ]
      : []),
    ...(flavor !== "dts" && withDynamic
      ? [
          {
            kind: "import",
            from: "./runtime/dynamic.js",
            names: [runtimeImport("dynamicVariable")],
          } satisfies Statement,
        ]
      : []),
    ...(flavor === "js"
      ? [{ kind: "import", from: "./runtime/core.js", names: [runtimeImport("createCore")] } satisfies Statement]
      : [
          ...(hasOps
            ? [
                {
                  kind: "import",
                  typeOnly: true,
                  from: "./runtime/api-promise.js",
                  names: [{ name: "ApiPromise" }],
                } satisfies Statement,
              ]
            : []),
          flavor === "ts"
            ? ({
                kind: "import",
                from: "./runtime/core.js",
                names: [
                  runtimeImport("createCore"),
                  ...coreTypes.map((name) => ({
                    ...runtimeImport(name),
                    typeOnly: true,
                  })),
                ],
              } satisfies Statement)
            : ({
                kind: "import",
                typeOnly: true,
                from: "./runtime/core.js",
                names: coreTypes.map(runtimeImport),
              } satisfies Statement),
          ...(hasOps
            ? [
                {
                  kind: "import",
                  typeOnly: true,
                  from: "./runtime/errors.js",
                  names: [{ name: "ApiError" }],
                } satisfies Statement,
              ]
            : []),
          {
            kind: "import",
            typeOnly: true,
            from: "./runtime/spec.js",
            names: [
              ...(flavor === "ts" && ops.length ? [runtimeImport("CallSpec")] : []),
              ...(environments.length ? [runtimeImport("EnvironmentSpec")] : []),
              runtimeImport("OperationSpec"),
            ],
          } satisfies Statement,
          ...shapesImport(context, ops, SHAPES_FROM_ROOT),
        ]),
    ...context.resources.map((resource): Statement => {
      const type = tree.get(resource.name)!.type;
      if (flavor === "js")
        return { kind: "import", from: `./resources/${resource.file}.js`, names: [], defaultName: resource.alias };
      if (flavor === "dts")
        return { kind: "import", typeOnly: true, from: `./resources/${resource.file}.js`, names: [{ name: type }] };
      return {
        kind: "import",
        from: `./resources/${resource.file}.js`,
        defaultName: resource.alias,
        names: [{ name: type, typeOnly: true }],
      };
    }),
  ];
  const rateLimits = [...new Set(model.operations.flatMap((op) => (op.rateLimit ? [op.rateLimit] : [])))];
  const specs: Array<Expr | { kind: "spread"; argument: Expr }> = [];
  for (const op of model.operations) {
    const resource = context.resources.find((r) => r.name === op.namespace[0]);
    if (!resource) specs.push(id(exportedNames(op.exportName).spec));
    else if (resource.operations[0] === op)
      specs.push({ kind: "spread", argument: { kind: "member", object: id(resource.alias), property: "operations" } });
  }
  const body: Statement[] = [
    ...types([
      {
        kind: "interface",
        exported: true,
        name: "Variables",
        docs: "The collection's `{{variables}}` that requests refer to. Pass values with `createClient({ variables })`.",
        members: model.variables.map((v): TypeMember => ({
          kind: "property",
          key: v.name,
          // Optional: the interface lists what a caller may pass (every variable has the
          // collection's value, an environment's, or a call's refusal naming it), so that a
          // variable added to the collection breaks no code that declares a `Variables` value.
          optional: true,
          type: ref("string"),
          docs: variableDoc(v) + environmentsDoc(v.name, environments, model.globalSecrets),
        })),
      },
      ...(rateLimits.length
        ? [
            {
              kind: "type",
              exported: true,
              name: "RateLimitLabel",
              docs: "The API's rate-limit labels, as its documentation gives them per operation (`rateLimit` in {@link operations}).",
              type:
                rateLimits.length === 1 ? literal(rateLimits[0]!) : { kind: "union", types: rateLimits.map(literal) },
            } satisfies Statement,
          ]
        : []),
    ]),
    constant(flavor, {
      name: "defaultVariables",
      type: ref("Readonly", [ref("Record", [ref("string"), ref("string")])]),
      init: {
        kind: "value",
        value: Object.fromEntries(
          model.variables.flatMap((v) => (v.default !== undefined ? [[v.name, v.default]] : [])),
        ),
        expand: true,
      },
      docs: "The collection's own values of its variables.",
    }),
    constant(flavor, {
      name: "defaultBaseUrl",
      type: ref("string"),
      init: { kind: "string", value: model.baseUrl },
      docs: "The base URL most requests use, as the collection writes it; `{{variables}}` in it are filled in when sending.",
    }),
    ...(environments.length ? environmentStatements(environments, flavor) : []),
    ...ops.map((op): Statement => ({ kind: "lazy", statements: () => operationStatements(context, op, flavor) })),
    constant(flavor, {
      name: "operations",
      type: { kind: "operator", operator: "readonly", type: { kind: "array", element: ref("OperationSpec") } },
      // Reading the folders' modules is a side effect to a bundler, which would then keep every
      // operation in a bundle that uses createBaseClient: marked pure, it goes when unused.
      init:
        flavor === "js" && context.resources.length
          ? { kind: "pure", value: { kind: "array", elements: specs } }
          : { kind: "array", elements: specs },
      docs: "Every operation of the collection, in collection order: plain metadata for tools and docs.",
    }),
    ...(flavor === "js" ? [] : [namespaceInterface(context, tree.get("")!, flavor)]),
    ...types([
      {
        kind: "type",
        exported: true,
        name: "BaseClient",
        docs: "A client without methods: what the standalone operation functions take first.",
        type: ref(runtimeLocal("Core")),
      },
    ]),
    functionStatement(flavor, {
      name: "createBaseClient",
      docs: "A client without methods, for the standalone operation functions (`updateUserStatus(baseClient, args)`): a bundle then holds only the operations it imports.",
      params: [{ name: "options", type: optionsType, initializer: { kind: "object", properties: [] } }],
      returns: ref("BaseClient"),
      body: () => [
        {
          kind: "return",
          expression: {
            kind: "call",
            callee: id(runtimeLocal("createCore")),
            args: [id("options"), { kind: "object", properties: coreDefaults }],
          },
        },
      ],
    }),
    functionStatement(flavor, {
      name: "createClient",
      docs: `Creates a client with every operation as a method. Every option is optional; \`baseUrl\` defaults to {@link defaultBaseUrl}.${
        environments.length ? " `environment` takes one of {@link environments} over the collection's values." : ""
      }`,
      params: [{ name: "options", type: optionsType, initializer: { kind: "object", properties: [] } }],
      returns: ref("Client"),
      body: () => [
        {
          kind: "const",
          name: "baseClient",
          init: { kind: "call", callee: id("createBaseClient"), args: [id("options")] },
        },
        { kind: "return", tight: true, expression: namespaceObject(context, tree.get("")!) },
      ],
    }),
  ];
  return { imports, body };
}

/**
 * The Postman environments: their names as a type, and their values that are no secret as data
 * (the keys of their secrets too, and of values that cannot be encoded, for the client to ask for
 * them by name).
 */
function environmentStatements(environments: EnvironmentModel[], flavor: Flavor): Statement[] {
  const names = environments.map((e) => literal(e.name));
  // Said only by the packages that have some: the others' output stays as it was.
  const unencodable = environments.some((e) => e.unencodable)
    ? ", and the keys of its values left out as they cannot be encoded (`unencodable`: they hold half a character, a lone surrogate), which the client asks for too"
    : "";
  return [
    ...(flavor === "js"
      ? []
      : [
          {
            kind: "type",
            exported: true,
            name: "EnvironmentName",
            docs: "The names of the Postman environments the client can be made for: `createClient({ environment })`.",
            type: names.length === 1 ? names[0]! : { kind: "union", types: names },
          } satisfies Statement,
        ]),
    constant(flavor, {
      name: "environments",
      type: ref("Readonly", [ref("Record", [ref("EnvironmentName"), ref(runtimeLocal("EnvironmentSpec"))])]),
      init: {
        kind: "value",
        value: Object.fromEntries(
          environments.map((e) => [
            e.name,
            { values: e.values, secrets: e.secrets, ...(e.unencodable ? { unencodable: e.unencodable } : {}) },
          ]),
        ),
        expand: true,
      },
      docs: `The Postman environments, as plain data: each one's values that are no secret, and the keys of its secrets (which the client asks for in \`variables\`)${unencodable}. Precedence, narrowest first: \`variables\` of the call, of the client, the chosen environment, the folders' and request's own values, the collection's.`,
    }),
  ];
}

/** What the environments (and the globals' secrets) hold for a variable, for its JSDoc. */
function environmentsDoc(name: string, environments: EnvironmentModel[], globalSecrets: string[] | undefined): string {
  const own = (values: Record<string, string>) => Object.prototype.hasOwnProperty.call(values, name);
  const parts = environments.flatMap((e) => {
    if (e.secrets.includes(name)) return [`\`${docText(e.name)}\`: a secret, pass it in \`variables\``];
    if (e.unencodable?.includes(name))
      return [
        `\`${docText(e.name)}\`: left out, as its value holds half a character (a lone surrogate), which cannot be encoded; pass it in \`variables\``,
      ];
    return own(e.values) ? [`\`${docText(e.name)}\`: \`${docText(e.values[name]!)}\``] : [];
  });
  const lines = parts.length ? [`Environments: ${parts.join("; ")}.`] : [];
  if (globalSecrets?.includes(name)) lines.push("A secret of the globals: pass it in `variables`.");
  return lines.map((line) => `\n${line}`).join("");
}
