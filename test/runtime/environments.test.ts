// The environments' part of the "has no value" error (src/runtime/environments.ts): which
// environments it points a caller to. An environment's empty value is sent as "" when chosen, so
// only a non-empty one counts as having the variable; the command line reads the same words.
import { describe, expect, it } from "vitest";
import { environmentScopes } from "../../src/runtime/environments.js";
import { fillTemplate, type Lookup } from "../../src/runtime/template.js";
import type { EnvironmentSpec } from "../../src/runtime/spec.js";

/** The error of filling `{{name}}` with no value given, with `environment` chosen or none. */
function missing(environments: Record<string, EnvironmentSpec>, name: string, environment?: string): string {
  const scope = environmentScopes(environments)(environment);
  // As the client looks a value up (core.ts): the chosen environment's, an empty one included.
  const lookup: Lookup = Object.assign(
    (n: string) => (scope.values && Object.hasOwn(scope.values, n) ? scope.values[n] : undefined),
    {
      missing: scope.missing,
    },
  );
  try {
    fillTemplate(`{{${name}}}`, lookup, "op");
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("filled");
}

const PASS = (name: string) =>
  `op: variable {{${name}}} has no value: pass it as createClient({ variables: { "${name}": … } })`;

describe("the environments a missing variable's error names", () => {
  const environments: Record<string, EnvironmentSpec> = {
    sandbox: { values: { client_id: "", region: "" }, secrets: [] },
    development: { values: { client_id: "dev-client", region: "" }, secrets: [] },
    production: { values: { client_id: "prod-client" }, secrets: [] },
  };

  it("only those whose value is not empty", () => {
    expect(missing(environments, "client_id")).toBe(
      `${PASS("client_id")}, or choose an environment that has it: createClient({ environment: "development" | "production" })`,
    );
  });

  it("none, saying so, when each has it empty or not at all: choosing one would send an empty value", () => {
    expect(missing(environments, "region")).toBe(
      `${PASS("region")}; no environment has a value for it ("sandbox", "development" have it empty)`,
    );
    expect(missing({ sandbox: environments["sandbox"]! }, "region")).toBe(
      `${PASS("region")}; no environment has a value for it ("sandbox" has it empty)`,
    );
    expect(missing(environments, "secret")).toBe(`${PASS("secret")}; no environment has a value for it`);
  });

  it("none once one is chosen: its own value is the one that counts", () => {
    expect(missing(environments, "region", "production")).toBe(PASS("region"));
  });
});
