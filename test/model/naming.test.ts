import { describe, expect, it } from "vitest";
import { CodegenError } from "../../src/errors.js";
import {
  camelCase,
  clientPath,
  nameModel,
  namespaceTypes,
  pascalCase,
  requestKey,
  uniqueNames,
} from "../../src/model/naming.js";
import { namesBefore, surfaceOf } from "../../src/diff/surface.js";
import type { LoadedArg, LoadedModel, LoadedOperation, OperationModel } from "../../src/model/types.js";
import { loadTarget } from "../../src/generate.js";
import { FIXTURES } from "../helpers/seed.js";

const GRAPH = `${FIXTURES}collections/microsoft-graph.postman_collection.json`;
const TWITTER_ADS = `${FIXTURES}collections/twitter-ads-api.postman_collection.json`;

describe("camelCase", () => {
  it.each([
    ["Update user status", "updateUserStatus"],
    ["List SIP trunk numbers", "listSipTrunkNumbers"],
    ["get_user-by id", "getUserById"],
    ["iPhone apps", "iPhoneApps"],
    ["2FA setup", "_2faSetup"],
    ["获取 用户", "获取用户"],
    ["🚀 ✨", "operation"],
    ["", "operation"],
    ["delete", "delete"],
    ["__proto__", "proto"],
  ])("%j → %j", (name, expected) => {
    expect(camelCase(name)).toBe(expected);
  });

  // A possessive's `s` was a word of its own: "Get user's ZAK" gave `getUserSZak`.
  it.each([
    ["Get user's ZAK", "getUserZak"],
    ["List user’s chat messages", "listUserChatMessages"],
    ["Get user`s ZAK", "getUserZak"],
    ["Get user´s ZAK", "getUserZak"],
    ["Get USER'S ZAK", "getUserZak"],
    ["Update registrant's status", "updateRegistrantStatus"],
    ["users' settings", "usersSettings"],
    ["Get 'user's' settings", "getUserSettings"],
    ["the 'default' plan", "theDefaultPlan"],
    ["List `Tag`s", "listTags"],
    ["List ‘Tag’s", "listTags"],
    ["Let's go", "letsGo"],
    ["It's here", "itsHere"],
    ["Don't retry", "dontRetry"],
    ["People I'm working with", "peopleImWorkingWith"],
    ["O'Reilly books", "oReillyBooks"],
    ["'s only", "sOnly"],
  ])("reads the apostrophe in %j as part of its word: %j", (name, expected) => {
    expect(camelCase(name)).toBe(expected);
  });

  // `$` was part of a word and digits apart ran together: Microsoft Graph's `v1.0 $metadata` was
  // `v10$metadata`, its `Get People $top $skip` `getPeople$top$skip`.
  it.each([
    ["v1.0 $metadata", "v1_0Metadata"],
    ["beta $metadata", "betaMetadata"],
    ["Get People $top $skip", "getPeopleTopSkip"],
    ["$", "operation"],
    // So no name starts with `$`, which the client's names for the runtime's internals do.
    ["$encodeJson", "encodeJson"],
    ["1.2.3", "_1_2_3"],
    ["version 2 3", "version2_3"],
    ["page_1_2", "page1_2"],
    ["H.323 devices", "h323Devices"],
    ["v2 users", "v2Users"],
  ])("reads `$` as a separator, and keeps digits it separates apart: %j → %j", (name, expected) => {
    expect(camelCase(name)).toBe(expected);
  });

  it("names types and namespaces by the same rule", () => {
    expect(pascalCase("Get user's ZAK")).toBe("GetUserZak");
    expect(nameModel(loaded(op("Get plan", ["Account's plans"])), options).operations[0]!.namespace).toEqual([
      "accountPlans",
    ]);
  });

  it("gives PascalCase type names", () => {
    expect(pascalCase("Update user status")).toBe("UpdateUserStatus");
    expect(pascalCase("2FA setup")).toBe("_2faSetup");
  });
});

describe("uniqueNames", () => {
  it("numbers later repeats in order and avoids names already taken", () => {
    expect(uniqueNames(["a", "b", "a", "a", "a2"])).toEqual(["a", "b", "a2", "a3", "a22"]);
    expect(uniqueNames(["client"], ["client"])).toEqual(["client2"]);
  });
});

const op = (item: string, folder: string[], args: LoadedArg[] = []): LoadedOperation => ({
  item,
  folder,
  method: "GET",
  path: "/x",
  args,
  auth: { type: "none" },
  responses: [],
  scripts: [],
  source: "item[0]",
});
const loaded = (...operations: LoadedOperation[]): LoadedModel => ({
  name: "A",
  baseUrl: "{{baseUrl}}",
  variables: [],
  warnings: [],
  operations,
});
const options = { file: "c.json", maxIdentifierLength: 100, raiseLimit: "raise it" };
const overrides = (names: Record<string, string>) => ({
  ...options,
  overrides: { names, configFile: "cfg.json", targetIndex: 0 },
});
const arg = (name: string, place: LoadedArg["in"]): LoadedArg => ({ name, in: place, required: false, source: "x" });

describe("the naming pass", () => {
  it("warns of requests of one folder named alike, by their places and the methods a user calls", () => {
    const at = (o: LoadedOperation, source: string, method = "GET"): LoadedOperation => ({ ...o, source, method });
    const ops = [
      at(op("Get user", ["Users"]), "item[0].item[0]"),
      at(op("List", ["Users"]), "item[0].item[1]"),
      // Another method: named with it, no repeat.
      at(op("Remove", ["Users"]), "item[0].item[2]", "DELETE"),
      at(op("Get user", ["Users"]), "item[0].item[3]"),
      at(op("Remove", ["Users"]), "item[0].item[4]"),
      // Another folder: another namespace.
      at(op("Get user", ["Admins"]), "item[1].item[0]"),
    ];
    const model = nameModel(loaded(...ops), options);
    const repeats = model.warnings.filter((w) => w.message.includes("give one method name"));
    expect(repeats.map((w) => w.source)).toEqual(["item[0].item[3]"]);
    const [warning] = repeats;
    for (const i of [0, 3]) {
      const o = model.operations[i]!;
      expect(warning!.message).toContain(`"Users / Get user" at ${o.source} (${clientPath(o)})`);
    }
    for (const i of [1, 2, 4, 5]) expect(warning!.message).not.toContain(model.operations[i]!.source);
    // One Postman path for both: a `names` key cannot tell them apart, so the collection must.
    expect(warning!.message).toContain(`rename them in the collection`);
  });

  it("says which `names` entries would name requests of their own Postman paths, and is gone once they do", () => {
    const ops = [op("Get user", ["Users"]), { ...op("Get User", ["Users"]), source: "item[1]" }];
    const model = nameModel(loaded(...ops), options);
    const [warning, ...more] = model.warnings;
    expect(more).toEqual([]);
    expect(warning!.source).toBe("item[1]");
    expect(warning!.message).toContain(`"names" (docs/config.md): { "Users/Get user": "…", "Users/Get User": "…" }`);
    for (const o of model.operations) expect(warning!.message).toContain(clientPath(o));
    // Named, the request is no longer left to the numbering; the other keeps its name.
    const named = nameModel(loaded(...ops), overrides({ "Users/Get User": "getUserByName" }));
    expect(named.warnings).toEqual([]);
    expect(named.operations.map((o) => clientPath(o))).toEqual([
      clientPath(model.operations[0]!),
      "client.users.getUserByName",
    ]);
  });

  it("names namespaces, methods and export names, numbered around the package's own names", () => {
    const model = nameModel(
      loaded(op("Create client", []), op("Get user", ["users", "{user Id}"]), op("Get user", ["admin"])),
      options,
    );
    expect(model.operations.map((o) => [o.namespace.join("."), o.name, o.exportName])).toEqual([
      ["", "createClient", "createClient2"],
      ["users.userId", "getUser", "usersUserIdGetUser"],
      ["admin", "getUser", "adminGetUser"],
    ]);
  });

  // With its possessive read as one word, "Get user's" is named as "Get user" is: the repeat is
  // numbered by Postman path, whatever the collection's order.
  it("numbers a possessive name that meets another name, by Postman path", () => {
    const ops = [op("Get user's", ["users"]), op("Get users", ["users"]), op("Get user", ["users"])];
    const names = (list: LoadedOperation[]) =>
      Object.fromEntries(nameModel(loaded(...list), options).operations.map((o) => [o.item, [o.name, o.exportName]]));
    const expected = {
      "Get user": ["getUser", "usersGetUser"],
      "Get user's": ["getUser2", "usersGetUser2"],
      "Get users": ["getUsers", "getUsers"],
    };
    expect(names(ops)).toEqual(expected);
    expect(names([...ops].reverse())).toEqual(expected);
  });

  // A `then` member made the client thenable: `return client` from an async function called the
  // operation and resolved to its result.
  it("keeps `then` off the client and its namespaces, as repeats are numbered", () => {
    const model = nameModel(loaded(op("then", []), op("then", ["then"]), op("A", ["then"])), options);
    // The root's `then2` is the folder's namespace, so the request takes `then3`.
    expect(model.operations.map((o) => [o.namespace.join("."), o.name, o.exportName])).toEqual([
      ["", "then3", "then2"],
      ["then2", "then2", "thenThen"],
      ["then2", "a", "a"],
    ]);
  });

  // `toString` ran when the client was printed (`String(client)`, a template literal), and
  // `__proto__` in the emitted object literal set the namespace's prototype.
  it("keeps Object's members off the client and its namespaces, as repeats are numbered", () => {
    const model = nameModel(
      loaded(
        op("toString", ["constructor"]),
        op("__proto__", ["constructor"]),
        op("hasOwnProperty", ["__proto__"]),
        op("valueOf", ["then"]),
        op("__lookupGetter__", []),
      ),
      options,
    );
    expect(model.operations.map((o) => [o.namespace.join("."), o.name, o.exportName])).toEqual([
      ["constructor2", "toString2", "toString"],
      ["constructor2", "proto", "proto"],
      ["proto", "hasOwnProperty2", "hasOwnProperty"],
      ["then2", "valueOf2", "valueOf"],
      ["", "lookupGetter", "lookupGetter"],
    ]);
  });

  it("gives argument keys, prefixed by their place where a key repeats or names an object member", () => {
    const model = nameModel(
      loaded(
        op("A", [], [arg("id", "path"), arg("id", "body"), arg("constructor", "query"), arg("id", "body")]),
        // `{ __proto__: "x" }` sets a literal's prototype: a caller could not pass this key.
        op("B", [], [arg("__proto__", "query"), arg("__proto__", "path"), arg("__proto__", "body")]),
      ),
      options,
    );
    expect(model.operations.map((op) => op.args.map((a) => [a.arg, a.name]))).toEqual([
      [
        ["id", "id"],
        ["body_id", "id"],
        ["query_constructor", "constructor"],
        ["body_id2", "id"],
      ],
      [
        ["query___proto__", "__proto__"],
        ["path___proto__", "__proto__"],
        ["body___proto__", "__proto__"],
      ],
    ]);
  });

  it("renames an operation by the target's names, and no other", () => {
    const model = nameModel(loaded(op("Get", ["users"]), op("Get", ["admin"])), overrides({ "users/Get": "getUser" }));
    // adminGet stays qualified: another request's override changes none of its names.
    expect(model.operations.map((o) => [o.name, o.exportName])).toEqual([
      ["getUser", "getUser"],
      ["get", "adminGet"],
    ]);
  });

  it("names the config entry at fault", () => {
    const fail = (names: Record<string, string>) => {
      try {
        nameModel(loaded(op("Update status", ["users"]), op("Upload", ["files"])), overrides(names));
      } catch (error) {
        expect(error).toBeInstanceOf(CodegenError);
        return (error as Error).message;
      }
      return expect.fail("accepted");
    };
    expect(fail({ "users/Nope": "x" })).toBe(
      'cfg.json at targets[0].names["users/Nope"]: no request has this Postman path (folders and request name joined by /); the collection\'s top level: "users", "files"',
    );
    // After a rename in the workspace, the requests nearest the key, as an include's error names them.
    expect(fail({ "user/Update Status": "x" })).toMatch(/\); near it: "users\/Update status"$/);
    expect(fail({ "users/Update status": "upload" })).toMatch(/already taken/);
    expect(fail({ "users/Update status": "delete" })).toMatch(/already taken/);
    expect(fail({ "users/Update status": "toFile" })).toMatch(/already taken/);
    // The client modules' names for the runtime's internals (`$encodeJson`), which no rule gives.
    expect(fail({ "users/Update status": "$encodeJson" })).toBe(
      'cfg.json at targets[0].names["users/Update status"]: the name "$encodeJson" is already taken: names that start with $ are the client\'s own for the runtime\'s',
    );
    expect(fail({ "users/Update status": "$" })).toMatch(/already taken/);
    for (const member of ["then", "toString", "constructor", "__proto__", "__lookupGetter__"])
      expect(fail({ "users/Update status": member })).toMatch(/already taken/);
  });

  // Each of these was accepted, and gave a package that declared one name twice.
  it("refuses a name that clashes with any name of the package after the overrides", () => {
    const fail = (names: Record<string, string>, ...operations: LoadedOperation[]) => {
      try {
        nameModel(loaded(...operations), overrides(names));
      } catch (error) {
        expect(error).toBeInstanceOf(CodegenError);
        return (error as Error).message;
      }
      return expect.fail("accepted");
    };
    const status = op("Update status", ["users"]);
    const upload = op("Upload", ["files"]);
    // Another operation's exported metadata (updateStatusOperation) and types (UpdateStatusArgs).
    expect(fail({ "files/Upload": "updateStatusOperation" }, status, upload)).toMatch(/already taken/);
    expect(fail({ "files/Upload": "UpdateStatus" }, status, upload)).toMatch(/already taken/);
    // A namespace beside the method: client.users would be both.
    expect(fail({ Root: "users" }, op("Root", []), status)).toMatch(/already taken/);
    // One name given twice.
    expect(fail({ "users/Update status": "put", "files/Upload": "put" }, status, upload)).toMatch(/already taken/);
    // Two requests at one Postman path would both take the name.
    expect(fail({ "users/List": "all" }, op("List", ["users"]), { ...op("List", ["users"]), method: "POST" })).toBe(
      'cfg.json at targets[0].names["users/List"]: 2 requests have this Postman path, so the name would go to each: rename one of them in the collection',
    );
  });

  // Taking a name a regeneration keeps for a shared type, an override pushed the type to
  // `SearchResultShape` without a word: an app's `import { SearchResult }` then named the
  // operation's result. A request added is named around those names; an override is refused.
  it("refuses a name whose exports a kept shared type has", () => {
    const named = (names: Record<string, string>) =>
      nameModel(loaded(op("Get a", ["items"]), op("Get b", ["items"])), {
        ...overrides(names),
        typesBefore: ["OwnerShape", "SearchResult"],
      });
    expect(() => named({ "items/Get a": "search" })).toThrow(
      'cfg.json at targets[0].names["items/Get a"]: the name "search" is already taken: SearchResult is a shared type of the output this regenerates, which keeps its name',
    );
    expect(() => named({ "items/Get b": "SearchResult" })).toThrow(/"SearchResult" is already taken: SearchResult /);
    expect(() => named({ "items/Get b": "owner" })).not.toThrow();
  });

  // A namespace keeps its interface's name at a regeneration (`namespaceTypes`); an override whose
  // result type was `ClientItemsResult` took it, and the namespace `items.result` became
  // `ClientItemsResult2`: an app's import of the interface then named the operation's result.
  it("refuses a name whose exports a kept namespace interface has", () => {
    const named = (names: Record<string, string>) =>
      nameModel(loaded(op("Get a", ["items", "result"]), op("Get b", ["items"])), {
        ...overrides(names),
        interfacesBefore: ["ClientItems", "ClientItemsResult"],
      });
    expect(() => named({ "items/Get b": "clientItems" })).toThrow(
      'cfg.json at targets[0].names["items/Get b"]: the name "clientItems" is already taken: ClientItemsResult is a namespace\'s interface of the output this regenerates, which keeps its name',
    );
    expect(() => named({ "items/Get b": "ClientItems" })).toThrow(/"ClientItems" is already taken: ClientItems is a /);
    expect(() => named({ "items/Get b": "clientItem" })).not.toThrow();
  });

  it("takes names that are free once the overrides are applied", () => {
    const model = nameModel(loaded(op("A", []), op("B", [])), overrides({ A: "b", B: "a" }));
    expect(model.operations.map((o) => [o.name, o.exportName])).toEqual([
      ["b", "b"],
      ["a", "a"],
    ]);
  });

  it("reads only the target's own entries, not Object's members", () => {
    const model = nameModel(loaded(op("toString", []), op("constructor", []), op("A", [])), overrides({ A: "b" }));
    expect(model.operations.map((o) => [o.name, o.exportName])).toEqual([
      ["toString2", "toString"],
      ["constructor2", "constructor"],
      ["b", "b"],
    ]);
  });

  it("refuses a name longer than the limit, naming the item", () => {
    expect(() => nameModel(loaded(op("a".repeat(20), ["f"])), { ...options, maxIdentifierLength: 10 })).toThrow(
      /c\.json at item\[0\]\.name: the name gives the identifier "a+…" of 20 characters; the limit is 10/,
    );
  });
});

describe("namespace interfaces", () => {
  it("are the path in PascalCase after Client, numbered in Postman path order, not the collection's", () => {
    // users → x and usersX both read ClientUsersX.
    const operations = nameModel(loaded(op("A", ["usersX"]), op("B", ["users", "x"])), options).operations;
    const types = namespaceTypes(operations);
    expect(Object.fromEntries(types)).toEqual({
      "": "Client",
      users: "ClientUsers",
      "users.x": "ClientUsersX",
      usersX: "ClientUsersX2",
    });
    // Moving the folders in the workspace renames no exported type.
    expect(Object.fromEntries(namespaceTypes([...operations].reverse()))).toEqual(Object.fromEntries(types));
  });

  it("keep their names at a regeneration when a folder whose path reads alike comes", () => {
    // `users x` sorts before `users/x`: named afresh, its namespace took `ClientUsersX`.
    const nested = nameModel(loaded(op("B", ["users", "x"])), options).operations;
    const before = Object.fromEntries(namespaceTypes(nested));
    const after = nameModel(loaded(op("A", ["users x"]), op("B", ["users", "x"])), options).operations;
    expect(namespaceTypes(after).get("usersX")).toBe("ClientUsersX");
    expect(Object.fromEntries(namespaceTypes(after, before))).toEqual({
      "": "Client",
      users: "ClientUsers",
      "users.x": "ClientUsersX",
      usersX: "ClientUsersX2",
    });
    // A name the rule no longer gives the namespace is not kept.
    expect(namespaceTypes(nested, { "users.x": "ClientAdmins" }).get("users.x")).toBe("ClientUsersX");
  });
});

describe("names at a regeneration", () => {
  const named = (options_: Parameters<typeof nameModel>[1], ...ops: LoadedOperation[]) =>
    nameModel(loaded(...ops), options_).operations;
  /** The operations' names after `after`, regenerating the output that `before` gave first. */
  const regenerated = (before: LoadedOperation[], after: LoadedOperation[], options_ = options) =>
    named({ ...options_, before: namesBefore(surfaceOf(nameModel(loaded(...before), options))) }, ...after).map((o) => [
      o.folder.join("/"),
      o.item,
      o.method,
      clientPath(o),
      o.exportName,
    ]);
  const names = (ops: OperationModel[]) =>
    ops.map((o) => [o.folder.join("/"), o.item, o.method, clientPath(o), o.exportName]);
  const getUser = op("Get user", ["users"]);
  // The same name and method at another URL path, which sorts first: a true repeat (one that differs
  // by method is qualified by it, and meets no name).
  const repeated = { ...op("Get user", ["users"]), path: "/a" };

  it("keeps an operation's method and export name when a request of the same name comes", () => {
    const after = [op("Get user", ["admin"]), getUser, repeated];
    // Named afresh, the newcomers take the names: the admin's shares the name, so both exports
    // take their folders; `/a` sorts before `/x`, so it takes the method.
    const fresh = names(named(options, ...after));
    expect(fresh[1]).toEqual(["users", "Get user", "GET", "client.users.getUser2", "usersGetUser2"]);
    const kept = regenerated([getUser], after);
    expect(kept[1]).toEqual(["users", "Get user", "GET", "client.users.getUser", "getUser"]);
    // The newcomers are named around it, as a first generation would name them beside it.
    expect(kept[0]).toEqual(fresh[0]);
    expect(kept[2]).toEqual(["users", "Get user", "GET", "client.users.getUser2", "usersGetUser"]);
  });

  it("names an unchanged collection as its first generation did", () => {
    const ops = [op("Get user's", ["users"]), op("Get users", ["users"]), op("Get user", ["users"]), op("then", [])];
    expect(regenerated(ops, ops)).toEqual(names(named(options, ...ops)));
  });

  it("frees a removed request's names for the others", () => {
    // The admin's request, new, takes the plain name the users' one had.
    expect(regenerated([getUser], [op("Get user", ["admin"])])).toEqual([
      ["admin", "Get user", "GET", "client.admin.getUser", "getUser"],
    ]);
  });

  it("lets the target's names win, and gives back the rules' name when an override goes", () => {
    const overridden = overrides({ "users/Get user": "fetchUser" });
    expect(regenerated([getUser], [getUser], overridden)).toEqual([
      ["users", "Get user", "GET", "client.users.fetchUser", "fetchUser"],
    ]);
    // The previous output had the override's name, which no rule gives this request.
    const before = namesBefore(surfaceOf(nameModel(loaded(getUser), overridden)));
    expect(names(named({ ...options, before }, getUser))).toEqual([
      ["users", "Get user", "GET", "client.users.getUser", "getUser"],
    ]);
  });

  it("keeps a namespace when a folder that camelCases alike comes", () => {
    // `USERS` sorts before `Users`: named afresh, it takes `client.users`, and the folder already
    // there (with the namespaces under it) moves to `users2`.
    const listed = op("List users", ["Users", "{id}"]);
    const after = [op("List admins", ["USERS", "{id}"]), listed];
    const fresh = names(named(options, ...after));
    expect(fresh[1]![3]).toBe("client.users2.id.listUsers");
    const kept = regenerated([listed], after);
    expect(kept[1]).toEqual(["Users/{id}", "List users", "GET", "client.users.id.listUsers", "listUsers"]);
    expect(kept[0]).toEqual(["USERS/{id}", "List admins", "GET", "client.users2.id.listAdmins", "listAdmins"]);
  });

  it("keeps a method when a folder named like it comes beside it", () => {
    // Named afresh, namespaces come first: the folder `List` took `client.users.list`, and the
    // method already there became `list2`.
    const list = op("List", ["users"]);
    const after = [list, op("Get", ["users", "List"])];
    expect(names(named(options, ...after))[0]![3]).toBe("client.users.list2");
    expect(regenerated([list], after)).toEqual([
      ["users", "List", "GET", "client.users.list", "list"],
      ["users/List", "Get", "GET", "client.users.list2.get", "get"],
    ]);
  });

  it("keeps the names of a request whose folder was renamed alike, when a namesake folder comes", () => {
    // `Users` is now `users` (its requests' Postman paths changed), and a folder `Users!` came:
    // sorting first, it took `client.users`, and the renamed folder became `users2`.
    const renamed = op("List users", ["users"]);
    const after = [renamed, op("List admins", ["Users!"])];
    expect(names(named(options, ...after))[0]![3]).toBe("client.users2.listUsers");
    expect(regenerated([op("List users", ["Users"])], after)).toEqual([
      ["users", "List users", "GET", "client.users.listUsers", "listUsers"],
      ["Users!", "List admins", "GET", "client.users2.listAdmins", "listAdmins"],
    ]);
    // A request renamed so that its method reads otherwise is a new name.
    expect(regenerated([op("List users", ["Users"])], [op("List people", ["Users"])])[0]![3]).toBe(
      "client.users.listPeople",
    );
  });

  it("keeps no namespace the rules no longer give its folder", () => {
    // The output recorded `client.members` for the folder now called `Users` (a manifest edited by
    // hand, or a name the rules gave once and give no longer): the folder is named afresh.
    const before = [
      {
        request: requestKey({ postmanPath: "Users/List users", method: "GET", path: "/x" }),
        namespace: ["members"],
        name: "listUsers",
        exportName: "listUsers",
      },
    ];
    expect(names(named({ ...options, before }, op("List users", ["Users"])))).toEqual([
      ["Users", "List users", "GET", "client.users.listUsers", "listUsers"],
    ]);
  });

  it("names a request added around the namespaces' interfaces it keeps", () => {
    const ops = [op("Get a", ["items", "result"]), op("Client items", [])];
    const exportName = (interfacesBefore: string[]) =>
      nameModel(loaded(...ops), { ...options, interfacesBefore }).operations[1]!.exportName;
    expect(exportName([])).toBe("clientItems");
    // Its result type would be the kept `ClientItemsResult`.
    expect(exportName(["ClientItemsResult"])).toBe("clientItems2");
  });

  it("keeps no name the package's own exports take", () => {
    // A request named after the package's own `createClient` was numbered around it; the name the
    // manifest records is not free when it names the package's own export.
    const before = [
      {
        request: requestKey({ postmanPath: "Create client", method: "GET", path: "/x" }),
        namespace: [],
        name: "createClient",
        exportName: "createClient",
      },
    ];
    expect(names(named({ ...options, before }, op("Create client", [])))).toEqual([
      ["", "Create client", "GET", "client.createClient", "createClient2"],
    ]);
  });
});

// Twitter Ads names its requests by path: `accounts/:account_id` is a GET, a PUT and a DELETE in
// one folder. Numbered by Postman path, the DELETE (sorting first) was `accountsAccountId`, the
// GET `accountsAccountId2`: someone reaching for the account deleted it.
describe("requests that share a name and differ by method", () => {
  const as = (method: string, item: string, folder: string[] = ["accounts"]) => ({ ...op(item, folder), method });
  const named = (...ops: LoadedOperation[]) =>
    nameModel(loaded(...ops), options).operations.map((o) => [o.method, clientPath(o), o.exportName]);

  it("are each qualified by their method, and only true repeats are numbered", () => {
    expect(
      named(
        as("DELETE", "accounts/:account_id"),
        as("GET", "accounts/:account_id"),
        as("PUT", "accounts/:account_id"),
        as("GET", "accounts/:account_id"),
        as("GET", "accounts"),
      ),
    ).toEqual([
      ["DELETE", "client.accounts.deleteAccountsAccountId", "deleteAccountsAccountId"],
      // The GETs' export name is had by two, so takes their folder, as any repeated name does.
      ["GET", "client.accounts.getAccountsAccountId", "accountsGetAccountsAccountId"],
      ["PUT", "client.accounts.putAccountsAccountId", "putAccountsAccountId"],
      ["GET", "client.accounts.getAccountsAccountId2", "accountsGetAccountsAccountId2"],
      ["GET", "client.accounts.accounts", "accounts"],
    ]);
  });

  it("keep a name that already says its method, and are qualified only within their folder", () => {
    expect(named(as("GET", "Get user"), as("DELETE", "Get user"), as("POST", "Get user", ["admin"]))).toEqual([
      ["GET", "client.accounts.getUser", "accountsGetUser"],
      ["DELETE", "client.accounts.deleteGetUser", "deleteGetUser"],
      ["POST", "client.admin.getUser", "adminGetUser"],
    ]);
  });

  it("keep the names a regeneration's manifest records; a request added is qualified", () => {
    // A package generated before this rule: its manifest records the numbered names.
    const had = (method: string, name: string) => ({
      request: requestKey({ postmanPath: "accounts/accounts/:account_id", method, path: "/x" }),
      namespace: ["accounts"],
      name,
      exportName: name,
    });
    const before = [had("DELETE", "accountsAccountId"), had("GET", "accountsAccountId2")];
    const ops = ["DELETE", "GET", "PUT"].map((method) => as(method, "accounts/:account_id"));
    expect(nameModel(loaded(...ops), { ...options, before }).operations.map((o) => [o.name, o.exportName])).toEqual([
      ["accountsAccountId", "accountsAccountId"],
      ["accountsAccountId2", "accountsAccountId2"],
      ["putAccountsAccountId", "putAccountsAccountId"],
    ]);
  });
});

describe("Twitter Ads' names", () => {
  it("say each request's method where a folder has its name more than once", async () => {
    const model = await loadTarget({ collection: TWITTER_ADS, out: "", name: "twitter-ads" });
    const account = model.operations
      .filter((o) => o.item === "accounts/:account_id")
      .map((o) => [o.method, clientPath(o)])
      .sort();
    expect(account).toEqual([
      ["DELETE", "client.campaignManagement.accounts.deleteAccountsAccountId"],
      ["GET", "client.campaignManagement.accounts.getAccountsAccountId"],
      ["PUT", "client.campaignManagement.accounts.putAccountsAccountId"],
    ]);
    // No method of the package is numbered unless its request repeats another's method too.
    const methods = new Map<string, Set<string>>();
    for (const o of model.operations) {
      const key = JSON.stringify([o.folder, camelCase(o.item)]);
      methods.set(key, (methods.get(key) ?? new Set()).add(o.method));
    }
    for (const o of model.operations)
      if (/[0-9]$/.test(o.name) && !/[0-9]$/.test(camelCase(o.item)))
        expect(methods.get(JSON.stringify([o.folder, camelCase(o.item)]))!.size, clientPath(o)).toBe(1);
  });
});

describe("Microsoft Graph's names", () => {
  it("have no `$`, and a version's dot is not lost", async () => {
    const model = await loadTarget({ collection: GRAPH, out: "", name: "graph" });
    const names = model.operations.flatMap((o) => [...o.namespace, o.name, o.exportName]);
    expect(names.filter((name) => name.includes("$"))).toEqual([]);
    // `v1.0` and a `v10` would not meet: the version keeps its separator.
    const metadata = model.operations.find((o) => o.item === "v1.0 $metadata")!;
    expect([metadata.name, metadata.exportName]).toEqual(["v1_0Metadata", "v1_0Metadata"]);
  });
});
