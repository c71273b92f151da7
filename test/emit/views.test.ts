// What the README lists say of each argument and response: the views the templates render.
import prettier from "prettier";
import { describe, expect, it } from "vitest";
import { commandLineReadme } from "../../src/command-line/readme.js";
import { exampleOperation, readmeView, summary } from "../../src/emit/views.js";
import { emitTarget } from "../../src/generate.js";
import { loadCollection } from "../../src/load/collection.js";
import { FIXTURES, SEED_COLLECTION } from "../helpers/seed.js";

describe("summary", () => {
  it("keeps a description that fits on one line whole, even when it has several sentences", () => {
    expect(
      summary("The action types:\n`activate` - Activate a deactivated user.\n`deactivate` - Deactivate a user."),
    ).toBe("The action types: `activate` - Activate a deactivated user. `deactivate` - Deactivate a user.");
  });

  it("cuts a long description after its first sentence", () => {
    const long = `First sentence here. ${"More words follow. ".repeat(12)}`;
    expect(summary(long)).toBe("First sentence here.");
  });

  it("clips a long first sentence to 160 characters with an ellipsis", () => {
    const text = summary(`${"word ".repeat(60)}end.`);
    expect(text).toHaveLength(160);
    expect(text.endsWith("…")).toBe(true);
  });

  it("never cuts a link in two: a link across the cut is its label", () => {
    // Zoom's createAMeeting `template_id`: the README cut it inside the URL, a link to nowhere.
    const text = summary(
      "The **account admin meeting template** ID with which to schedule a meeting using a [meeting template](https://support.zoom.us/hc/en-us/articles/360036559151-Meeting-templates). For a list of templates, see below.",
    );
    expect(text).toBe(
      "The **account admin meeting template** ID with which to schedule a meeting using a meeting template.",
    );
    const long = summary(`See [the guide](https://example.com/a_(b)) and ${"more words ".repeat(20)}end.`);
    expect(long).toMatch(/^See \[the guide\]\(https:\/\/example\.com\/a_\(b\)\) and more words .*…$/);
    const cut = summary(
      `${"word ".repeat(28)}then [a link with a long label](https://example.com/${"x".repeat(40)}) end.`,
    );
    expect(cut).not.toContain("](");
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut).toMatch(/then a link with a…$/);
  });
});

describe("readmeView of the seed", () => {
  it("lists both actions of updateUserStatus, not only the first", async () => {
    const model = await loadCollection(SEED_COLLECTION);
    const view = readmeView(model, {
      packageName: "seed",
      packageVersion: "0.1.0",
      collectionFile: "seed.json",
      devDependencies: {},
    });
    const action = view.operations[0]!.args.find((line) => line.startsWith("- `action`"))!;
    expect(action).toContain("`activate` - Activate a deactivated user.");
    expect(action).toContain("`deactivate` - Deactivate a user.");
  });
});

describe("readmeView's tables of values", () => {
  it("shows an empty value as (empty), not as a pair of backticks", async () => {
    const seed = await loadCollection(SEED_COLLECTION);
    const model = {
      ...seed,
      variables: [...seed.variables, { name: "cursor", default: "" }, { name: "region", default: "eu" }],
      environments: [{ name: "staging", values: { cursor: "", region: "eu" }, secrets: [] }],
    };
    const view = readmeView(model, {
      packageName: "seed",
      packageVersion: "0.1.0",
      collectionFile: "seed.json",
      devDependencies: {},
    });
    const row = (table: string, start: string) => table.split("\n").find((line) => line.startsWith(start))!;
    expect(row(view.variablesTable, "| `cursor`")).toMatch(/^\| `cursor` +\| \(empty\) +\|/);
    expect(row(view.variablesTable, "| `region`")).toMatch(/^\| `region` +\| `eu` +\|/);
    expect(row(view.environmentsSection, "| `staging`")).toContain("`cursor`: (empty), `region`: `eu`");
    expect(view.variablesTable).not.toContain("``");
  });
});

describe("readmeView's Environments example", () => {
  it("asks only for the secrets a request refers to, the keys `variables` takes", async () => {
    const seed = await loadCollection(SEED_COLLECTION);
    // `sessionLevel` is a secret only of a header left out of the client; `unusedToken` is used by
    // no request: neither is a key of `Variables`, so naming one in `variables` is a type error.
    const model = {
      ...seed,
      variables: [...seed.variables, { name: "apiToken", default: "" }],
      environments: [
        { name: "dev", values: {}, secrets: ["sessionLevel", "apiToken", "unusedToken"], unencodable: ["region"] },
      ],
    };
    const view = readmeView(model, {
      packageName: "seed",
      packageVersion: "0.1.0",
      collectionFile: "seed.json",
      devDependencies: {},
    });
    const example = view.environmentsSection.slice(0, view.environmentsSection.indexOf("| Environment"));
    expect(example).toContain('variables: { apiToken: "…" }');
    expect(example).not.toMatch(/sessionLevel|unusedToken|region/);
    // The table still lists every secret of the environment.
    expect(view.environmentsSection).toContain("`sessionLevel`, `apiToken`, `unusedToken`");
  });
});

describe("summary of a list", () => {
  it("drops the list markers and keeps items apart", () => {
    expect(summary("* Meeting id does not exist.\n* Invalid meeting id.")).toBe(
      "Meeting id does not exist. Invalid meeting id.",
    );
    expect(summary("The user's status:\n* `active` — An active user.\n* `inactive` — A deactivated user.")).toBe(
      "The user's status: `active` — An active user. `inactive` — A deactivated user.",
    );
    expect(summary("Kinds:\n- alpha\n- beta\n1. gamma")).toBe("Kinds: alpha; beta; gamma");
  });

  it("keeps a dash or star that does not start a list item", () => {
    expect(summary("`activate` - Activate. 2*3 is 6.")).toBe("`activate` - Activate. 2*3 is 6.");
  });
});

describe("readmeView auth", () => {
  it("says the auth once when every operation shares it, per operation otherwise, and per operation for one", async () => {
    const seed = await loadCollection(SEED_COLLECTION);
    const info = { packageName: "seed", packageVersion: "0.1.0", collectionFile: "seed.json", devDependencies: {} };
    const op = seed.operations[0]!;
    const twin = { ...op, name: "twin", exportName: "twin" };
    expect(readmeView(seed, info).commonAuth).toBe("");
    expect(readmeView({ ...seed, operations: [op, twin] }, info).commonAuth).toMatch(/^OAuth 2\.0 access token/);
    expect(readmeView({ ...seed, operations: [op, { ...twin, auth: { type: "none" } }] }, info).commonAuth).toBe("");
  });
});

describe("readmeView's example", () => {
  it("passes the variables its operation needs and the collection gives no value, so that it runs as written", async () => {
    const seed = await loadCollection(SEED_COLLECTION);
    const info = { packageName: "seed", packageVersion: "0.1.0", collectionFile: "seed.json", devDependencies: {} };
    expect(readmeView(seed, info).useCode).not.toContain("variables");
    const op = seed.operations[0]!;
    // A secret left out of the client ({{clientId}} in a header), one reached through another
    // variable's value ({{region}}), and one the collection leaves empty ({{tier}}).
    const model = {
      ...seed,
      variables: [...seed.variables, { name: "host", default: "{{region}}.zoom.us" }, { name: "tier", default: "" }],
      operations: [
        {
          ...op,
          path: "/{{tier}}/users/{userId}/status",
          base: "https://{{host}}/v2",
          args: [
            ...op.args,
            {
              arg: "x-client",
              name: "X-Client",
              in: "header" as const,
              required: false,
              default: "{{clientId}}",
              source: "x",
            },
          ],
        },
      ],
    };
    const useCode = readmeView(model, info).useCode;
    expect(useCode).toContain('variables: { region: "…", tier: "…", clientId: "…" }');
    expect(useCode).toContain("token: process.env.SEED_TOKEN");
  });

  it("passes the client option its operation's auth takes: an API key's, where others take a bearer token", async () => {
    const seed = await loadCollection(SEED_COLLECTION);
    const info = { packageName: "seed", packageVersion: "0.1.0", collectionFile: "seed.json", devDependencies: {} };
    const op = seed.operations[0]!;
    const keyed = {
      ...op,
      name: "keyed",
      exportName: "keyed",
      // The collection's key was written out: the option gives it, so no variable is asked for.
      auth: { type: "apikey" as const, in: "header" as const, name: "X-Api-Key", value: "{{apikey.value}}" },
    };
    const bearer = {
      ...op,
      name: "other",
      exportName: "other",
      auth: { type: "bearer" as const, from: "bearer" as const },
    };
    const { useCode } = readmeView({ ...seed, operations: [keyed, bearer] }, info);
    expect(useCode).toContain("createClient({ apiKey: process.env.SEED_API_KEY })");
    expect(useCode).toContain("client.keyed(");
    expect(useCode).not.toContain("token");
    expect(useCode).not.toContain("apikey.value");
  });
});

describe("the operation the README's examples show", () => {
  it("is one that reads (GET) when there is one with few arguments, not the first, which may delete", async () => {
    const seed = await loadCollection(SEED_COLLECTION);
    const info = { packageName: "seed", packageVersion: "0.1.0", collectionFile: "seed.json", devDependencies: {} };
    const op = seed.operations[0]!;
    const removal = { ...op, name: "deleteSipPhone", exportName: "deleteSipPhone", method: "DELETE" };
    const required = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        arg: `a${i}`,
        name: `a${i}`,
        in: "query" as const,
        required: true,
        source: "x",
      }));
    const busyRead = { ...op, name: "search", exportName: "search", method: "GET", args: required(3) };
    const read = { ...op, name: "listUsers", exportName: "listUsers", method: "GET", args: required(1) };
    const model = { ...seed, operations: [removal, busyRead, read] };
    expect(exampleOperation(model)?.name).toBe("listUsers");
    const view = readmeView(model, info);
    expect(view.useCode).toContain("client.listUsers(");
    expect(view.standaloneCode).toContain("await listUsers(baseClient");
    // No read with few arguments: the first with few, as before.
    expect(exampleOperation({ ...seed, operations: [busyRead, removal] })?.name).toBe("deleteSipPhone");
    expect(exampleOperation({ ...seed, operations: [busyRead] })?.name).toBe("search");
  });

  it("is none when the collection has no request, and the package still emits (Adyen's webhook-only ones)", async () => {
    const collection = `${FIXTURES}no-requests.postman_collection.json`;
    const model = await loadCollection(collection);
    expect(model.operations).toEqual([]);
    expect(exampleOperation(model)).toBeUndefined();
    const { files } = await emitTarget({ collection, out: "/nonexistent/no-requests", name: "no-requests" });
    const readme = files.get("README.md")!;
    // Said plainly, in place of examples that would call nothing (`const client = createClient();`
    // and no more) and of an empty Operations section.
    expect(readme.replace(/\s+/g, " ")).toContain(
      "## No requests The collection has no requests, so this client has no methods and `operations` is empty",
    );
    expect(readme).not.toContain("```ts");
    expect(readme).not.toMatch(/^## (Use|Operations)$/m);
  });

  it("leaves the environments' example out too, for a client without methods", async () => {
    const model = await loadCollection(`${FIXTURES}no-requests.postman_collection.json`);
    const environments = [{ name: "Live", values: { baseUrl: "https://live.example" }, secrets: [] }];
    const info = { packageName: "hooks", packageVersion: "0.1.0", collectionFile: "h.json", devDependencies: {} };
    expect(readmeView({ ...model, environments }, info).environmentsSection).toBe("");
    // With a request, the same environments have their section and its example.
    const seed = await loadCollection(SEED_COLLECTION);
    expect(readmeView({ ...seed, environments }, info).environmentsSection).toContain('environment: "Live"');
  });

  it("is called with no argument when it needs none, not with {}", async () => {
    const seed = await loadCollection(SEED_COLLECTION);
    const info = { packageName: "seed", packageVersion: "0.1.0", collectionFile: "seed.json", devDependencies: {} };
    const op = seed.operations[0]!;
    const optional = op.args.map((a) => ({ ...a, required: false }));
    const listAll = { ...op, name: "listAll", exportName: "listAll", method: "GET", args: optional };
    const view = readmeView({ ...seed, operations: [listAll] }, info);
    expect(view.useCode).toContain("const result = await client.listAll();");
    expect(view.standaloneCode).toContain("await listAll(baseClient);");
    expect(view.hookCode).toMatch(/\nawait client\.listAll\(\);$/);
  });
});

describe("the README's example, when Postman signs requests in pre-request scripts", () => {
  const info = { packageName: "api", packageVersion: "0.1.0", collectionFile: "api.json", devDependencies: {} };

  it("shows an operation the client signs itself, not one a script signs (Twitter Ads)", async () => {
    const model = await loadCollection(`${FIXTURES}collections/twitter-ads-api.postman_collection.json`);
    // Its first read with few arguments is `noauth`, signed by a script that adds its Authorization header.
    const scripted = model.operations.find((op) => op.auth.type === "none")!;
    expect(scripted.scripts.find((s) => s.listen === "prerequest")?.headers).toEqual(["Authorization"]);
    // The scripts' warning says which header to add, and where.
    expect(model.warnings.map((w) => w.message).join("\n")).toContain(
      "the headers they add (Authorization) in an onRequest hook",
    );
    const op = exampleOperation(model)!;
    expect(op.auth.type).toBe("oauth1");
    const { useCode } = readmeView(model, info);
    expect(useCode).toContain(`.${op.name}();`);
    // The collection's OAuth 1 credentials, which the client signs with: as the `oauth1` option,
    // from the environment variables the command line reads, not as `variables`.
    for (const [option, env] of [
      ["consumerKey", "API_CONSUMER_KEY"],
      ["consumerSecret", "API_CONSUMER_SECRET"],
      ["token", "API_OAUTH1_TOKEN"],
      ["tokenSecret", "API_TOKEN_SECRET"],
    ])
      expect(useCode).toContain(`${option}: process.env.${env},`);
    for (const variable of ["consumer_key", "consumer_secret", "access_token", "token_secret"])
      expect(useCode).not.toContain(variable);
  });

  it("makes the onRequest example's client as the first example does, so that it runs as written", async () => {
    // Its options: the credentials (OAuth 1's four here) and the variables with no value.
    const model = await loadCollection(`${FIXTURES}collections/twitter-ads-api.postman_collection.json`);
    const { useCode, hookCode } = readmeView(model, info);
    const options = (text: string) => /createClient\(\{\n([^]*?)\n\}\);/.exec(text)?.[1] ?? "";
    const members = options(useCode);
    expect(members).toContain("consumerKey: process.env.API_CONSUMER_KEY,");
    expect(options(hookCode).startsWith(`${members}\n  onRequest(request) {`)).toBe(true);
    // A script-signed operation's headers and the example's own lines, in one hook.
    const signed = readmeView(await loadCollection(`${FIXTURES}script-signed.postman_collection.json`), info).hookCode;
    expect(signed.match(/onRequest\(request\)/g)).toHaveLength(1);
    expect(signed).toContain('request.headers.set("Authorization", "…");');
    expect(signed).toContain("if (request.operation !== operation) return;");
  });

  it("adds the headers the script adds in an onRequest hook when a script signs every operation", async () => {
    const model = await loadCollection(`${FIXTURES}script-signed.postman_collection.json`);
    expect(model.operations.every((op) => op.auth.type === "none")).toBe(true);
    const { useCode, standaloneCode } = readmeView(model, info);
    for (const code of [useCode, standaloneCode]) {
      expect(code).toContain("onRequest(request) {");
      expect(code).toContain('request.headers.set("Authorization", "…");');
      expect(code).toContain('request.headers.set("X-Signed-At", "…");');
    }
    // An operation the client authenticates needs no hook.
    const bearer = { ...model.operations[0]!, auth: { type: "bearer" as const, from: "bearer" as const } };
    expect(readmeView({ ...model, operations: [bearer] }, info).useCode).not.toContain("onRequest");
  });
});

describe("the README's first example", () => {
  it("handles the errors it imports, laid out as prettier lays it out at any width", async () => {
    const seed = await loadCollection(SEED_COLLECTION);
    const info = { packageName: "seed", packageVersion: "0.1.0", collectionFile: "seed.json", devDependencies: {} };
    for (const printWidth of [100, 80, 60, 40]) {
      const ts = { printWidth, tabWidth: 2, useTabs: false };
      const { useCode } = readmeView(seed, info, { ts });
      // An app with noUnusedLocals compiles it: every import is used.
      expect(useCode).toMatch(/error instanceof ValidationError/);
      expect(useCode).toMatch(/error instanceof ApiError/);
      expect(useCode).toContain("error.code");
      expect(useCode).toContain("console.log(result);");
      expect(`${useCode}\n`, `printWidth ${printWidth}`).toBe(
        await prettier.format(useCode, { parser: "typescript", ...ts }),
      );
    }
  });
});

describe("the README's credential", () => {
  it("is read from the environment variable the package's command line reads, in the client's example too", async () => {
    const seed = await loadCollection(SEED_COLLECTION);
    const info = {
      packageName: "@acme/zoom-update-user-status",
      packageVersion: "0.1.0",
      collectionFile: "seed.json",
      devDependencies: {},
    };
    const view = readmeView(seed, info);
    const cli = commandLineReadme(seed, info.packageName, exampleOperation(seed))!;
    expect(cli.exampleCode).toContain("export ZOOM_UPDATE_USER_STATUS_TOKEN=…");
    expect(view.useCode).toContain("createClient({ token: process.env.ZOOM_UPDATE_USER_STATUS_TOKEN })");
    expect(view.standaloneCode).toContain("createBaseClient({ token: process.env.ZOOM_UPDATE_USER_STATUS_TOKEN })");
  });
});

describe("the package's own tests, when the collection has no requests", () => {
  const emit = (collection: string, name: string) => emitTarget({ collection, out: `/nonexistent/${name}`, name });

  it("check that the client has no methods, with no cases to run; a collection with requests runs its cases", async () => {
    const { files } = await emit(`${FIXTURES}no-requests.postman_collection.json`, "no-requests");
    const test = files.get("test/client.test.ts")!;
    expect(test).toContain("expect(Object.keys(createClient())).toEqual([]);");
    expect(test).toContain("expect(operations).toEqual([]);");
    expect(test).not.toContain("describeCases");
    expect([...files.keys()].filter((path) => path.startsWith("test/cases/"))).toEqual([]);
    // Decided by the collection, not by whether test/cases/ is there: with requests, the runner
    // reads that folder, and fails when it is missing.
    const seed = await emit(SEED_COLLECTION, "seed");
    expect(seed.files.get("test/client.test.ts")).toContain('describeCases(new URL("./cases/", import.meta.url), {');
    expect([...seed.files.keys()].filter((path) => path.startsWith("test/cases/"))).not.toEqual([]);
  });
});
