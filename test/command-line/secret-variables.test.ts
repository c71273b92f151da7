// Which variables the command line reads from environment variables and masks, and the client's
// errors mask (secretVariables): the secrets of the variables the requests use, none other.
import { describe, expect, it } from "vitest";
import { secretVariables } from "../../src/command-line/secret-variables.js";
import { toModel } from "../../src/load/collection.js";
import { parseScopeText } from "../../src/load/environment.js";
import { parseCollectionText } from "../../src/load/read.js";
import { applyScopes } from "../../src/load/scopes.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

function model(secrets: Record<string, string>, values: Record<string, string>) {
  const collection = {
    info: { name: "C", schema: V21 },
    item: [
      {
        name: "Get thing",
        request: {
          method: "GET",
          url: "https://x.test/things?region={{region}}",
          header: [{ key: "X-Org", value: "{{org_key}}" }],
        },
      },
    ],
  };
  const scope = (name: string, kind: "environment" | "globals") =>
    parseScopeText(
      `${name}.json`,
      JSON.stringify({
        name,
        values: [
          ...Object.entries(secrets).map(([key, value]) => ({ key, value, type: "secret", enabled: true })),
          ...Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })),
        ],
      }),
      kind,
    );
  return applyScopes(toModel(parseCollectionText("c.json", JSON.stringify(collection))), {
    globals: scope("globals", "globals"),
    environments: [{ name: "prod", scope: scope("prod", "environment") }],
  });
}

describe("secretVariables", () => {
  it("leaves out an environment's or the globals' secret that no request uses, and a credential's name no request uses", () => {
    const applied = model(
      { org_key: "", unused_secret: "", region_token: "" },
      { region: "eu-{{region_token}}", other_password: "" },
    );
    // `region_token` is used through the value of `region`, which a request uses.
    expect(secretVariables(applied)).toEqual(["org_key", "region_token"]);
  });
});
