// A description quoting a secret the loader knows is masked by the client's own rule
// (runtime/redact.ts's masker): a value shorter than SHORTEST_SECRET never, one shorter than
// WORD_SECRET_BELOW only as a word of its own, a longer one wherever it is. An environment's
// secret is masked too, in what the collection documents, each place warned of once.
import { describe, expect, it } from "vitest";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { applyScopes } from "../../src/load/scopes.js";
import { parseScopeText } from "../../src/load/environment.js";
import type { ApiModel } from "../../src/model/types.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const MASKED = "holds a secret the collection or an environment writes out: it is masked in the client's docs";

describe("a known secret in a description", () => {
  it("is masked as the client masks what it sent: short ones as words only, the shortest never", () => {
    const model = toModel(
      parseCollectionText(
        "c.json",
        JSON.stringify({
          info: {
            name: "C",
            schema: V21,
            description: "Use 4711 (not 47110 or x4711) with ab and abc, or xLongSecret99y.",
          },
          item: [{ name: "Ping", request: { method: "GET", url: "https://api.x.test/ping?pin={{pin}}" } }],
          variable: [
            { key: "pin", value: "4711", type: "secret" },
            { key: "two", value: "ab", type: "secret" },
            { key: "long", value: "LongSecret99", type: "secret", description: "LongSecret99 itself" },
          ],
        }),
      ),
    );
    expect(model.description).toBe("Use *** (not 47110 or x4711) with ab and abc, or x***y.");
    expect(model.variables.find((v) => v.name === "long")?.description).toBe("*** itself");
    expect(
      model.warnings.filter((w) => w.message.endsWith(MASKED)).map(({ source, message }) => [source, message]),
    ).toEqual([
      ["info.description", `the description ${MASKED}`],
      ["variable[2].description", `the description of variable "long" ${MASKED}`],
    ]);
  });

  it("is masked for an environment's secret, warned of by the variable's name where its place is unknown", () => {
    const model: ApiModel = {
      name: "m",
      description: "Staging takes EnvTokenValue-77.",
      baseUrl: "https://x.test",
      variables: [{ name: "a", description: "like EnvTokenValue-77" }],
      operations: [],
      warnings: [],
    };
    const environment = parseScopeText(
      "env.json",
      JSON.stringify({ name: "env", values: [{ key: "token", value: "EnvTokenValue-77" }] }),
      "environment",
    );
    const applied = applyScopes(model, { environments: [{ name: "env", scope: environment }] });
    expect(applied.description).toBe("Staging takes ***.");
    expect(applied.variables[0]!.description).toBe("like ***");
    expect(applied.warnings.filter((w) => w.message.endsWith(MASKED))).toEqual([
      { source: "info.description", message: `the description ${MASKED}` },
      { source: "variable", message: `the description of variable "a" ${MASKED}`, subject: 'variable "a"' },
    ]);
    expect(JSON.stringify(applied.warnings)).not.toContain("EnvTokenValue-77");
  });
});
