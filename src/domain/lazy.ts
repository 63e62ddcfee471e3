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
