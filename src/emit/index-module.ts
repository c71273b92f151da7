// The entry module of an emitted package: the client and the runtime's public names.
import { printStructure, StructureKind, type ExportDeclarationStructure } from "ts-morph";
import { GENERATED_HEADER } from "./client.js";
import { INDEX_EXPORTS } from "./runtime-surface.js";

export function emitIndex(): string {
  const reexports: ExportDeclarationStructure[] = [];
  for (const { module, values, types } of INDEX_EXPORTS) {
    if (values.length) reexports.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: module, namedExports: [...values] });
    if (types.length) reexports.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: module, isTypeOnly: true, namedExports: [...types] });
  }
  return `${GENERATED_HEADER}\n${printStructure(
    { kind: StructureKind.SourceFile, statements: [{ kind: StructureKind.ExportDeclaration, moduleSpecifier: "./client.js" }, ...reexports] },
    { indentNumberOfSpaces: 2 },
  )}`;
}
