// The text a package documents without the secrets the loader knows: the values the collection
// writes out as credentials (collection.ts's `written`) and an environment's or the globals'
// secrets (scopes.ts). A description may quote one ("try it with key sk_…"), as a saved answer
// may, and both reach the README, the JSDoc, the docs and the command line's help: each is masked
// by the one rule the client masks what it sent by (runtime/redact.ts's masker, its short values
// only as words of their own), each place so masked warned of by where it is, never by the value.
import { responsesWithoutCredentials } from "./responses.js";
import type { Mask } from "../runtime/redact.js";
import type { ResponseModel, Source, VariableModel, Warning } from "../model/types.js";

/** What a warning says of a description masked. */
const MASKED = "holds a secret the collection or an environment writes out: it is masked in the client's docs";

/** What a model documents in prose: its description, its variables', and its operations'. */
interface Documented {
  description?: string;
  /** Said before (the collection's own, when an environment's secrets are masked): not said again. */
  warnings?: readonly Warning[];
  variables: VariableModel[];
  operations: ReadonlyArray<DocumentedOperation>;
}

interface DocumentedOperation {
  description?: string;
  args: ReadonlyArray<{ description?: string; source: Source }>;
  responses: ResponseModel[];
  source: Source;
}

/**
 * The model with each secret `mask` finds masked in every description it documents (the
 * collection's, each variable's, each request's and each argument's) and in what it documents of
 * the saved answers (responses.ts's responsesWithoutCredentials). A variable's description is
 * warned of by its name, at its place where `variableSource` knows it (the collection's
 * `variable[2]`), else at the collection's `variable` list (the model keeps no places of its
 * variables). Each place is warned of once, with what `warnings` or the model's own said before.
 * Parts that hold no secret are returned as given.
 */
export function withoutKnownSecrets<M extends Documented>(
  model: M,
  mask: Mask,
  warnings: Warning[],
  variableSource: (name: string) => Source | undefined = () => undefined,
): M {
  // Once per place: a text that quotes the collection's secret and an environment's is masked
  // twice, first by collection.ts, then by scopes.ts. A variable's description is the same place
  // whether it is named by its place in the collection or by its name (its message names it).
  const placeOf = (w: Warning) => (w.subject && w.message.endsWith(MASKED) ? w.message : `${w.source}\0${w.message}`);
  const said = new Set([...(model.warnings ?? []), ...warnings].map(placeOf));
  const say = (warning: Warning) => {
    if (said.has(placeOf(warning))) return;
    said.add(placeOf(warning));
    warnings.push(warning);
  };
  const masked = (text: string | undefined, source: Source, subject?: string): string | undefined => {
    if (text === undefined) return undefined;
    const kept = mask(text);
    if (kept !== text)
      say({
        source,
        message: `${subject ? `the description of ${subject}` : "the description"} ${MASKED}`,
        ...(subject ? { subject } : {}),
      });
    return kept;
  };
  const description = masked(model.description, "info.description");
  return {
    ...model,
    ...(description !== undefined ? { description } : {}),
    variables: model.variables.map((variable) => {
      const place = variableSource(variable.name);
      const source = place === undefined ? "variable" : `${place}.description`;
      const kept = masked(variable.description, source, `variable ${JSON.stringify(variable.name)}`);
      return kept === variable.description ? variable : { ...variable, description: kept };
    }),
    operations: model.operations.map((op) => operationWithoutKnown(op, mask, say, masked)),
  };
}

function operationWithoutKnown<O extends DocumentedOperation>(
  op: O,
  mask: Mask,
  say: (warning: Warning) => void,
  masked: (text: string | undefined, source: Source) => string | undefined,
): O {
  const description = masked(op.description, `${op.source}.request.description`);
  const args = op.args.map((arg) => {
    const kept = masked(arg.description, `${arg.source}.description`);
    return kept === arg.description ? arg : { ...arg, description: kept };
  });
  const answered: Warning[] = [];
  const responses = responsesWithoutCredentials(op.responses, op.source, answered, mask);
  answered.forEach(say);
  return { ...op, ...(description !== undefined ? { description } : {}), args, responses };
}
