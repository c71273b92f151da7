// One program can hold several copies of the runtime's error classes (a package's ES modules and
// its CommonJS build, or two bundles). An error made by any copy is `instanceof` its class and
// that class's ancestors in every copy, and of no other error class, also when a minifier has
// renamed the classes. Copies here: the source module, the same module loaded again after the
// registry is reset, and a minified CommonJS bundle of it.
import { build } from "esbuild";
import { describe, expect, it, vi } from "vitest";
import * as source from "../../src/runtime/errors.js";
import type { ApiErrorInit } from "../../src/runtime/errors.js";

type Errors = typeof source;
type ClassName = (typeof CLASSES)[number];

const CLASSES = [
  "ApiClientError",
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
] as const;

const init: ApiErrorInit<404, number> = {
  operation: "getThing",
  status: 404,
  statusText: "Not Found",
  headers: new Headers(),
  body: undefined,
  code: undefined,
  description: undefined,
  codeDescription: undefined,
  apiMessage: undefined,
};

/** An instance of the class `name` of a copy, made with its constructor's arguments. */
function make(copy: Errors, name: ClassName): Error {
  if (name === "ApiClientError") return new copy.ApiClientError("something failed");
  if (name === "ValidationError") return new copy.ValidationError("getThing", "id", "refused");
  if (name === "ConnectionError") return new copy.ConnectionError("getThing", "refused");
  if (name === "TimeoutError") return new copy.TimeoutError("getThing", 10);
  return new (copy[name] as typeof source.ApiError)(init);
}

const isInstance = (value: unknown, errorClass: unknown) =>
  (value as object) instanceof (errorClass as abstract new () => object);

async function reloaded(): Promise<Errors> {
  vi.resetModules();
  return (await import("../../src/runtime/errors.js")) as Errors;
}

/** errors.ts bundled and minified as an app's bundler would, loaded as CommonJS. */
async function minified(): Promise<Errors> {
  const result = await build({
    entryPoints: ["src/runtime/errors.ts"],
    bundle: true,
    minify: true,
    format: "cjs",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  const module = { exports: {} as Errors };
  new Function("module", "exports", result.outputFiles[0]!.text)(module, module.exports);
  return module.exports;
}

const copies: Record<string, Errors> = { source, reloaded: await reloaded(), minified: await minified() };
const pairs = Object.keys(copies).flatMap((from) => Object.keys(copies).map((to) => [from, to] as const));

describe("error classes across copies of the runtime", () => {
  it("are distinct copies, the minified one with renamed classes", () => {
    expect(copies["reloaded"]!.ApiError).not.toBe(source.ApiError);
    expect(copies["minified"]!.ApiError).not.toBe(source.ApiError);
    expect(copies["minified"]!.NotFoundError.name).not.toBe("NotFoundError");
  });

  it.each(pairs)(
    "an error of the %s copy is an instance of exactly its class and ancestors in the %s copy",
    (from, to) => {
      for (const name of CLASSES) {
        const error = make(copies[from]!, name);
        // Its ancestors, by the prototype chain of its own copy.
        const expected = CLASSES.filter((other) =>
          Object.prototype.isPrototypeOf.call(copies[from]![other].prototype, error),
        );
        expect(
          CLASSES.filter((other) => isInstance(error, copies[to]![other])),
          `${name} from ${from}`,
        ).toEqual(expected);
        expect(error).toBeInstanceOf(Error);
      }
    },
  );

  it("name each class as it is exported, in every copy", () => {
    for (const [copyName, copy] of Object.entries(copies)) {
      const named = (Object.entries(copy) as Array<[string, unknown]>).filter(
        (entry): entry is [string, { prototype: Error }] =>
          typeof entry[1] === "function" && entry[1].prototype instanceof Error,
      );
      expect(named.map(([name]) => name)).toEqual(expect.arrayContaining([...CLASSES, "ResponseParseError"]));
      for (const [name, errorClass] of named) {
        expect(errorClass.prototype.name, `${name} of the ${copyName} copy`).toBe(name);
        expect(String(make(copy, name as ClassName)).startsWith(`${name}: `), name).toBe(true);
      }
    }
  });

  it("relates the classes as declared", () => {
    const [esm, cjs] = [source, copies["minified"]!];
    expect(isInstance(make(cjs, "NotFoundError"), esm.ApiError)).toBe(true);
    expect(isInstance(make(cjs, "TimeoutError"), esm.ConnectionError)).toBe(true);
    expect(isInstance(make(esm, "ServerError"), cjs.ApiError)).toBe(true);
    expect(isInstance(make(esm, "ApiError"), cjs.NotFoundError)).toBe(false);
    expect(isInstance(make(esm, "ConnectionError"), cjs.TimeoutError)).toBe(false);
    expect(isInstance(make(esm, "ValidationError"), cjs.ApiError)).toBe(false);
    // One root for anything the client throws, and nothing else.
    for (const name of CLASSES) expect(isInstance(make(cjs, name), esm.ApiClientError), name).toBe(true);
    expect(isInstance(new Error("x"), cjs.ApiClientError)).toBe(false);
    expect(isInstance(make(esm, "ApiClientError"), cjs.ApiError)).toBe(false);
  });

  it("falls back to the prototype chain for a subclass of the user's, and is false for anything else", () => {
    class Mine extends source.NotFoundError {}
    const mine = new Mine(init);
    expect(mine).toBeInstanceOf(Mine);
    expect(isInstance(mine, copies["reloaded"]!.NotFoundError)).toBe(true);
    expect(isInstance(make(copies["reloaded"]!, "NotFoundError"), Mine)).toBe(false);
    expect(isInstance(make(source, "NotFoundError"), Mine)).toBe(false);
    for (const value of [undefined, null, "ApiError", 404, {}, Object.create(null), new Error("x")])
      expect(isInstance(value, source.ApiError)).toBe(false);
  });

  it("keeps the marks out of what an error shows", () => {
    const error = make(copies["minified"]!, "NotFoundError");
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
    expect(JSON.stringify(error)).toBe(JSON.stringify(make(source, "NotFoundError")));
  });
});
