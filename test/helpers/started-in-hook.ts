// What a test file's hook starts is known only once that hook ran, while the helper that registers
// the hook returns at once: the value it returns reads and writes through to the one running
// (useRecordingServer, usePostmanApi), so that a test file keeps one `const` instead of a `let` and
// its hooks. Used before the hook ran, it says so rather than reading `undefined`.
export function startedInHook<T extends object>(running: () => T | undefined, what: string, hook: string): T {
  const current = (): T => {
    const value = running();
    if (!value) throw new Error(`${what} starts in ${hook}: use it in a test or a hook`);
    return value;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(current(), key),
    set: (_, key, value) => Reflect.set(current(), key, value),
  });
}
