import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { withPooledStrings } from '../../scripts/pool-strings.mjs';

/** What a script leaves in `globalThis.out` when run. */
function run(code: string): unknown {
  const scope: { out?: unknown } = {};
  new Function('globalThis', code)(scope);
  return scope.out;
}

describe("a page's repeated strings", () => {
  const page = [
    '"use strict";(()=>{',
    'const o={"aria-label":"Decisions"},{"aria-label":a}=o;',
    'function f(x){switch(x){case "Decisions":return "Decisions";default:return typeof x=="string"?"Решения":"no"}}',
    'globalThis.out=[f("Decisions"),f(1),a,"Решения","Решения",`Decisions "Decisions"`,/"Decisions"/.source,"x","x"];',
    '})();',
  ].join('');

  it('are each written once, and the page does what it did', async () => {
    const pooled = (await withPooledStrings(page)) as string;
    expect(pooled.length).toBeLessThan(page.length);
    expect(run(pooled)).toEqual(run(page));
    // Once as a string, besides the template and the regular expression, which stay as they were.
    expect(pooled.match(/(?<![`/ ])"Decisions"/g)).toHaveLength(1);
    expect(pooled.match(/"Решения"/g)).toHaveLength(1);
    expect(pooled).toContain('Decisions "Decisions"');
  });

  it('leave a directive, a property name and a string too short to gain from it where they are', async () => {
    const pooled = (await withPooledStrings(page)) as string;
    expect(pooled.startsWith('"use strict";')).toBe(true);
    expect(pooled.match(/"aria-label":/g)).toHaveLength(2);
    expect(pooled.match(/"x"/g)).toHaveLength(2);
  });
});
