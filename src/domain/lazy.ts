/**
 * A value built on first use, standing for itself until then: the Apps Script bundle loads every
 * module at every execution, and building all its zod schemas took half of that load while most runs
 * parse a handful. The stand-in forwards every property to the built value, so a schema keeps its
 * type and works wherever the schema itself would (parsed, nested, extended).
 */
export function lazily<T extends object>(build: () => T): T {
  let built: T | undefined;
  const value = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(value(), key),
    set: (_, key, next) => Reflect.set(value(), key, next),
    has: (_, key) => Reflect.has(value(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(value()),
  });
}

/**
 * A function that builds its value on its first call and returns that value ever after: for
 * definitions most executions never read. Their building, left at the top level of a module, is code
 * V8 compiles in full and runs at every load of the Apps Script bundle; inside a function called on
 * first use it is only skimmed. No stand-in: callers call it, and read the value itself.
 */
export function builtOnce<T extends object>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
