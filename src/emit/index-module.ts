// The entry module of an emitted package: the client and the runtime's public names.
import { GENERATED_HEADER } from "./client.js";
import { PRINT_DEFAULTS, type PrintOptions } from "./printer/doc.js";
import { printModule, type Statement } from "./printer/typescript.js";
import { INDEX_EXPORTS } from "../model/reserved-names.js";

export function emitIndex(options: PrintOptions = PRINT_DEFAULTS): string {
  const reexports: Statement[] = [
    { kind: "raw", text: GENERATED_HEADER },
    { kind: "raw", text: 'export * from "./client.js";', tight: true },
  ];
  for (const { module, values, types } of INDEX_EXPORTS) {
    if (values.length) reexports.push(exportNamed(module, values, false));
    if (types.length) reexports.push(exportNamed(module, types, true));
  }
  return printModule(reexports, options);
}

function exportNamed(module: string, names: readonly string[], typeOnly: boolean): Statement {
  return { kind: "exportNamed", from: module, names: [...names], typeOnly, tight: true };
}
