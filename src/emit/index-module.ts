// The entry module of an emitted package: the client and the runtime's public names.
import { printStructure, StructureKind } from "ts-morph";
import { GENERATED_HEADER } from "./client.js";

export function emitIndex(): string {
  return `${GENERATED_HEADER}\n${printStructure({
    kind: StructureKind.SourceFile,
    statements: [
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./client.js" },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: "./runtime/errors.js",
        namedExports: [
          "ApiError",
          "BadRequestError",
          "UnauthorizedError",
          "ForbiddenError",
          "NotFoundError",
          "ConflictError",
          "UnprocessableEntityError",
          "RateLimitedError",
          "ServerError",
          "ConnectionError",
          "TimeoutError",
          "ValidationError",
        ],
      },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./runtime/api-promise.js", namedExports: ["ApiPromise"] },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./runtime/api-promise.js", isTypeOnly: true, namedExports: ["WithResponse"] },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./runtime/uploads.js", namedExports: ["fileFromPath", "toFile"] },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./runtime/uploads.js", isTypeOnly: true, namedExports: ["FileData"] },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./runtime/core.js", isTypeOnly: true, namedExports: ["ClientOptions", "Hooks", "HookRequest", "RequestOptions"] },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./runtime/auth.js", isTypeOnly: true, namedExports: ["Credential", "SignableRequest"] },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: "./runtime/spec.js",
        isTypeOnly: true,
        namedExports: ["ArgLocation", "ArgSpec", "AuthSpec", "BodyEncoding", "ErrorCodeSpec", "OperationSpec", "ResponseSpec"],
      },
    ],
  }, { indentNumberOfSpaces: 2 })}`;
}
