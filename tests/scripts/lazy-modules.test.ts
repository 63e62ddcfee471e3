import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { lazyModules } from '../../scripts/lazy-modules.mjs';
import { bundleAsCodeJs } from './bundle';

/** A module with state and an error class, which Code.js keeps and the lazy modules use. */
const STATE = `
export let name = '';
export function setName(next: string) { name = next; }
export class Refused extends Error {}
`;

/** A folder read when first used: one module the rest imports, one only the folder uses. */
const LAZY = {
  'lazy/greet.ts': `
import { name, Refused } from '../state';
import { exclaim } from './inner';
export function greet() { return exclaim('hello ' + name); }
export function refuse(): never { throw new Refused('no'); }
export const GREETING = 'hello';
`,
  'lazy/inner.ts': `export function exclaim(text: string) { return text + '!'; }`,
};

const MAIN = `
import { setName, Refused } from './state';
import { greet, refuse } from './lazy/greet';
export function hello(next: string) { setName(next); return greet(); }
export function refused() { try { refuse(); return false; } catch (error) { return error instanceof Refused; } }
`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lazy-modules-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

interface Built {
  code: string;
  files: Record<string, string>;
}

/** main.ts bundled as Code.js is, with the folder `lazy` left to Module-lazy. */
async function bundle(dir: string, groups = [{ file: 'Module-lazy', folder: 'lazy' }]): Promise<Built> {
  const lazy = (await lazyModules(dir, groups)) as {
    plugin: import('esbuild').Plugin;
    files: { file: string; script: string }[];
  };
  const code = await bundleAsCodeJs(dir, [lazy.plugin]);
  return { code, files: Object.fromEntries(lazy.files.map((f) => [f.file, f.script])) };
}

/** One execution: the bundle run in a fresh context, with the project files it reads. */
function execution({ code, files }: Built) {
  const reads: string[] = [];
  const HtmlService = {
    createHtmlOutputFromFile: (name: string) => (reads.push(name), { getContent: () => files[name] }),
  };
  const context = vm.createContext({ HtmlService });
  vm.runInContext(code, context);
  return { app: context.app as { hello(name: string): string; refused(): boolean }, reads };
}

describe('a folder left to a file read when first used', () => {
  it('is read by no load, and once by the first call', async () => {
    const built = await bundle(project({ 'state.ts': STATE, 'main.ts': MAIN, ...LAZY }));
    expect(built.code).not.toContain('exclaim');
    const { app, reads } = execution(built);
    expect(reads).toEqual([]);
    expect(app.hello('Ada')).toBe('hello Ada!');
    expect(app.hello('Grace')).toBe('hello Grace!');
    expect(reads).toEqual(['Module-lazy']);
  });

  it("shares the bundle's own modules, never a copy: their state and their classes", async () => {
    const { app } = execution(await bundle(project({ 'state.ts': STATE, 'main.ts': MAIN, ...LAZY })));
    // The name the bundle set is the one the lazy module reads; its error is the bundle's class.
    expect(app.hello('Ada')).toBe('hello Ada!');
    expect(app.refused()).toBe(true);
  });

  it('refuses to build a bundle that imports anything but a function from it', async () => {
    const dir = project({
      'state.ts': STATE,
      'main.ts': `import { GREETING } from './lazy/greet';\nexport const greeting = GREETING;`,
      ...LAZY,
    });
    await expect(bundle(dir)).rejects.toThrow(/No matching export .* for import "GREETING"/);
  });

  it('refuses a module that two files would hold', async () => {
    const dir = project({ 'state.ts': STATE, 'main.ts': MAIN, ...LAZY });
    const twice = [
      { file: 'Module-lazy', folder: 'lazy' },
      { file: 'Module-again', folder: 'lazy', keep: ['inner.ts'] },
    ];
    await expect(bundle(dir, twice)).rejects.toThrow('lazy/greet.ts is in two lazy files');
  });
});
