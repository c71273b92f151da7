// postman-collection requires packages when it loads that generation never calls: faker
// (lib/superstring/dynamic-variables.js; about 160 files, most of the SDK's load time), only to fill
// Postman's `{{$random…}}` dynamic variables when a string is resolved, which generation never does
// (variables.ts keeps `{{…}}` for the emitted client); semver (lib/collection/version.js), only to
// parse a Collection's version, and the loader builds no Collection; uuid (lib/collection/property.js),
// only to make up an id for a property without one, and the loader builds no Item, and no Response
// without one (load/responses.ts); and what only a received response's body is read with
// (lib/util.js, lib/content-info, lib/collection/response.js: iconv-lite, file-type, mime,
// mime-format, liquid-json), where the loader reads an example's body itself. Before the SDK loads,
// each gets a stand-in in the CommonJS cache (`require.cache`, which Node lets a program fill) at
// the exact path the SDK resolves, and the real package loads the first time one of its members
// (or, for file-type, the package itself) is called.
//
// The SDK reads members when it loads (`faker.address.city`) and calls them later. Until the real
// package is loaded, reading a member gives a stand-in of that member; calling one loads the package
// and calls the real member with the real receiver; after that, every read is the real one. So nothing
// behaves differently if anything does resolve a dynamic variable or build a Collection, as long as
// what is read before the load is a function (as every member the SDK reads is). Only the command
// installs them (bin.ts imports this module first): a program that imports this package as a library
// may read faker itself, and keeps the SDK and its packages as they are.
import { createRequire } from "node:module";

const sdkRequire = createRequire(createRequire(import.meta.url).resolve("postman-collection"));

/** Each stand-in, to a function giving the real member it stands for. */
const standsFor = new WeakMap<object, () => unknown>();

/**
 * `specifier` as the SDK requires it: from any file of the SDK, as its lib/ has no node_modules of
 * its own, a package resolves as from its main module. `exported`: what the package's module
 * exports, which its stand-in is (file-type's is called itself).
 */
function defer(specifier: string, exported: "object" | "function" = "object"): void {
  const path = sdkRequire.resolve(specifier);
  if (path in sdkRequire.cache) return;
  let real: unknown;
  let loaded = false;
  const load = (): unknown => {
    if (!loaded) {
      delete sdkRequire.cache[path];
      real = sdkRequire(path);
      loaded = true;
    }
    return real;
  };
  const resolve = (keys: readonly PropertyKey[]): unknown =>
    keys.reduce<unknown>((value, key) => Reflect.get(value as object, key), load());
  const standIn = <T extends object>(target: T, keys: readonly PropertyKey[]): T => {
    const proxy = new Proxy(target, {
      get: (_target, key) =>
        loaded ? Reflect.get(resolve(keys) as object, key) : standIn(function () {}, [...keys, key]),
      apply: (_target, self: unknown, args: unknown[]) => {
        const receiver = standsFor.get(self as object);
        return Reflect.apply(resolve(keys) as (...args: unknown[]) => unknown, receiver ? receiver() : self, args);
      },
    });
    standsFor.set(proxy, () => resolve(keys));
    return proxy;
  };
  const exports = standIn(exported === "function" ? function () {} : {}, []);
  sdkRequire.cache[path] = { id: path, filename: path, loaded: true, exports } as NodeJS.Module;
}

defer("@faker-js/faker/locale/en");
defer("semver");
defer("uuid");
defer("iconv-lite");
defer("file-type", "function");
defer("mime");
defer("mime-format");
defer("liquid-json");
