// The environments' part of the "has no value" error (src/runtime/environments.ts): which
// environments it points a caller to. An environment's empty value is sent as "" when chosen, so
// only a non-empty one counts as having the variable; the command line writes its lines from the
// same facts, which the error holds as data (`missing`).
import { describe, expect, it } from "vitest";
import { environmentScopes } from "../../src/runtime/environments.js";
import { fillTemplate, type Lookup } from "../../src/runtime/template.js";
import type { EnvironmentSpec } from "../../src/runtime/spec.js";
import { ValidationError } from "../../src/runtime/errors.js";
import { createCore, type ClientOptions } from "../../src/runtime/core.js";
import { testOperation } from "../helpers/operation.js";

/** The error of filling `{{name}}` with no value given, with `environment` chosen or none. */
function refusal(
  environments: Record<string, EnvironmentSpec> | undefined,
  name: string,
  environment?: string,
  secrets?: string[],
): ValidationError {
  const scope = environments && environmentScopes(environments, secrets)(environment);
  // As the client looks a value up (core.ts): the chosen environment's, an empty one included.
  const lookup: Lookup = Object.assign(
    (n: string) => (scope?.values && Object.hasOwn(scope.values, n) ? scope.values[n] : undefined),
    scope ? { missing: scope.missing } : {},
  );
  try {
    fillTemplate(`{{${name}}}`, lookup, "op");
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error("filled");
}

/** The message of that error. */
const missing = (environments: Record<string, EnvironmentSpec>, name: string, environment?: string): string =>
  refusal(environments, name, environment).message;

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

describe("what the error says, as data (its `missing`): the message's facts, for the command line to write its own", () => {
  const environments: Record<string, EnvironmentSpec> = {
    sandbox: { values: { client_id: "", region: "" }, secrets: ["api_secret"] },
    development: { values: { client_id: "dev-client", region: "" }, secrets: [] },
    production: { values: { client_id: "prod-client" }, secrets: [] },
  };

  it("the variable, and with no environment chosen those that have a value, or that none has and which have it empty", () => {
    expect(refusal(environments, "client_id").missing).toEqual({
      variable: "client_id",
      environments: ["development", "production"],
    });
    expect(refusal(environments, "region").missing).toEqual({
      variable: "region",
      environments: [],
      empty: ["sandbox", "development"],
    });
    expect(refusal(environments, "other").missing).toEqual({ variable: "other", environments: [], empty: [] });
  });

  it("the variable alone once one is chosen, or without environments; and why a secret has no value", () => {
    expect(refusal(environments, "region", "production").missing).toEqual({ variable: "region" });
    expect(refusal(undefined, "region").missing).toEqual({ variable: "region" });
    const secret = refusal(environments, "api_secret", "sandbox");
    expect(secret.missing).toEqual({
      variable: "api_secret",
      secret: ', as it is a secret of environment "sandbox"',
    });
    expect(secret.message).toBe(
      'op: variable {{api_secret}} has no value, as it is a secret of environment "sandbox": pass it as createClient({ variables: { "api_secret": … } })',
    );
    expect(refusal(environments, "global_key", undefined, ["global_key"]).missing).toEqual({
      variable: "global_key",
      secret: ", as it is a secret of the globals",
    });
  });

  it("is in the error's JSON, which carries no value", () => {
    expect(JSON.parse(JSON.stringify(refusal(environments, "client_id")))).toMatchObject({
      name: "ValidationError",
      operation: "op",
      missing: { variable: "client_id", environments: ["development", "production"] },
    });
  });
});

describe("an unknown environment", () => {
  const named = (names: string[]): Record<string, EnvironmentSpec> =>
    Object.fromEntries(names.map((name) => [name, { values: {}, secrets: [] }]));
  const refused = (environments: Record<string, EnvironmentSpec>, name: string): string => {
    try {
      environmentScopes(environments)(name);
    } catch (error) {
      expect(error).toMatchObject({ name: "ValidationError", field: "environment" });
      return (error as ValidationError).message;
    }
    throw new Error("chosen");
  };

  it("is refused as written, naming the one meant: in other case however far apart, or a typo", () => {
    const environments = named(["Staging", "Production", "Local dev"]);
    const known = '"Staging", "Production", "Local dev"';
    expect(refused(environments, "staging")).toBe(
      `createClient: unknown environment "staging" (did you mean "Staging"?): the collection's are ${known}`,
    );
    expect(refused(environments, "PRODUCTION")).toBe(
      `createClient: unknown environment "PRODUCTION" (did you mean "Production"?): the collection's are ${known}`,
    );
    expect(refused(environments, "Stagign")).toContain('(did you mean "Staging"?)');
    expect(refused(environments, "local DEV")).toContain('(did you mean "Local dev"?)');
    expect(refused(environments, "qa")).toBe(`createClient: unknown environment "qa": the collection's are ${known}`);
  });

  it("in other case is the one meant even beside a nearer name", () => {
    // "prod" is two edits from "Prod1" and four from "PROD": the case decides.
    expect(refused(named(["PROD", "Prod1"]), "prod")).toContain('(did you mean "PROD"?)');
  });
});

describe("an empty base URL variable", () => {
  // `{{server}}/api/users` with `server` empty in the chosen environment: the URL it leaves
  // (`/api/users`) says neither the variable nor where its value is.
  const op = testOperation({ method: "GET", path: "/api/users" });
  const call = (options: ClientOptions<object, string>, variables: Record<string, string> = {}) =>
    // A GET without a body: the core needs no encoder, authorizer or request features for it.
    createCore(options, {
      baseUrl: "{{server}}",
      variables,
      environments: environmentScopes({ local: { values: { server: "" }, secrets: [] } }),
    }).call(op, {});

  it("is named with the environment that holds it empty, and how to give it", async () => {
    await expect(call({ environment: "local" }, { server: "https://api.example.test" })).rejects.toThrow(
      new ValidationError(
        "op",
        undefined,
        'the base URL "{{server}}" has no host, as {{server}} is empty in environment "local": give it a value as createClient({ variables: { "server": … } }) or createClient({ baseUrl })',
      ),
    );
  });

  it("is the caller's to give: their value is sent, and their empty one is not the environment's", async () => {
    await expect(call({ environment: "local", variables: { server: "" } })).rejects.toThrow(
      'op: "/api/users" is not an http(s) URL without user info: check the base URL and variables',
    );
    // A port fetch refuses: the request is built and sent, to nowhere.
    await expect(
      call({ environment: "local", variables: { server: "http://127.0.0.1:1" }, maxRetries: 0 }),
    ).rejects.toThrow(/op: connection failed/);
  });
});
