import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { withPooledStrings } from '../../scripts/pool-strings.mjs';

/** What a script leaves in `globalThis.out` when run. */
function run(code: string): unknown {
  const scope: { out?: unknown } = {};
  new Function('globalThis', code)(scope);
  return scope.out;
}

const count = (text: string, part: string): number => text.split(part).length - 1;

/** A page's script as the build writes it: one strict IIFE of these statements. */
const iife = (...statements: string[]): string => ['"use strict";(()=>{', ...statements, '})();'].join('');

/** The page pooled, checked to be shorter and to do what the page did. */
async function pooledAlike(page: string): Promise<string> {
  const pooled = (await withPooledStrings(page)) as string;
  expect(pooled.length).toBeLessThan(page.length);
  expect(run(pooled)).toEqual(run(page));
  return pooled;
}

describe("a page's repeated strings", () => {
  const page = iife(
    'const o={"aria-label":"Decisions"},{"aria-label":a}=o;',
    'function f(x){switch(x){case "Decisions":return"Decisions";default:return typeof x=="string"?"Решения":"no"}}',
    'globalThis.out=[f("Decisions"),f(1),a,"Решения","Решения",`Decisions "Decisions"`,/"Decisions"/.source,"x","x","aria-label"in o];',
  );

  it('are each written once, and the page does what it did', async () => {
    const pooled = await pooledAlike(page);
    // Once as a string, besides the template and the regular expression, which stay as they were.
    expect(pooled.match(/(?<![`/ '])"Decisions"/g)).toHaveLength(1);
    expect(count(pooled, '"Решения"')).toBe(1);
    expect(pooled).toContain('Decisions "Decisions"');
  });

  it('leave a directive and a string too short to gain from it where they are', async () => {
    const pooled = (await withPooledStrings(page)) as string;
    expect(pooled.startsWith('"use strict";')).toBe(true);
    expect(count(pooled, '"x"')).toBe(2);
  });
});

describe("a page's repeated property names", () => {
  const page = iife(
    'class Row{constructor(v){this.stateConsultedOn=v}get stateConsultedOn2(){return this.stateConsultedOn}}',
    'const p=Object.create({inherited:1}),q={__proto__:p,stateConsultedOn:"2026-01-01",stateConsultedOn2(){return this?.stateConsultedOn}};',
    'const {stateConsultedOn:s}=q,stateConsultedOn=q.stateConsultedOn,short={stateConsultedOn};',
    'delete q.stateConsultedOn2;',
    'globalThis.out=[new Row("a").stateConsultedOn,new Row("b").stateConsultedOn2,q.inherited,s,short.stateConsultedOn,"stateConsultedOn"in q,"stateConsultedOn2"in q,q?.stateConsultedOn,Object.keys(q)];',
  );

  it('are each written once, and every access, key and method means what it did', async () => {
    const pooled = await pooledAlike(page);
    expect(count(pooled, '"stateConsultedOn"')).toBe(1);
    expect(pooled).not.toMatch(/\.stateConsultedOn|[{,]stateConsultedOn2?\(/);
  });

  it('leave a class constructor, __proto__ and a shorthand property as they are', async () => {
    const pooled = (await withPooledStrings(page)) as string;
    expect(pooled).toContain('constructor(');
    expect(pooled).toContain('__proto__:');
    // The minifier renames the variable, and writes the shorthand's name out: still a name, not a variable.
    expect(pooled).toMatch(/\{stateConsultedOn:\w+\}/);
  });
});

describe('a script that is not one IIFE', () => {
  it('is left as it is when a second statement stands beside the IIFE, which its variables would not reach', async () => {
    const script = `(()=>{globalThis.a=${'"alphabetical",'.repeat(4)}0})();globalThis.out=[${'"alphabetical",'.repeat(4)}]`;
    expect(await withPooledStrings(script)).toBe(script);
  });

  it('keeps a directive of the IIFE first, where it is one', async () => {
    const script = `(()=>{"use strict";const s=[${'"alphabetical",'.repeat(4)}];try{undeclared=1;globalThis.out="sloppy"}catch{globalThis.out="strict"}})();`;
    const pooled = (await withPooledStrings(script)) as string;
    expect(count(pooled, '"alphabetical"')).toBe(1);
    expect(run(pooled)).toBe('strict');
  });
});
