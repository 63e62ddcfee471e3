/**
 * Each layer compiles with the types of its runtime alone (docs/architecture.md): a file planted in a
 * layer that reaches for another runtime's globals or modules fails that layer's tsconfig, as
 * `npm run typecheck` (part of `npm test`) runs it.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const PLANTS = path.join(ROOT, 'build', `layer-plants-${process.pid}`);
afterAll(() => rm(PLANTS, { recursive: true, force: true }));

const NODE = "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n";
const DOM = 'export const b = document.title;\n';
const APPS_SCRIPT = 'export const c = SpreadsheetApp.getActive();\n';
const PROCESS = 'export const d = process.env;\n';

/** Each layer, the planted code it must refuse, and a word of each error tsc gives. */
const LAYERS: readonly (readonly [string, string, readonly string[]])[] = [
  ['src/domain', NODE + DOM + APPS_SCRIPT, ["'node:fs'", "'document'", "'SpreadsheetApp'"]],
  ['src/app', NODE + DOM + APPS_SCRIPT, ["'node:fs'", "'document'", "'SpreadsheetApp'"]],
  ['src/gas', NODE + DOM, ["'node:fs'", "'document'"]],
  ['src/node', DOM + APPS_SCRIPT, ["'document'", "'SpreadsheetApp'"]],
  ['sidebar', NODE + APPS_SCRIPT + PROCESS, ["'node:fs'", "'SpreadsheetApp'", "'process'"]],
];

async function compile(layer: string, code: string): Promise<{ ok: boolean; output: string }> {
  const dir = path.join(PLANTS, layer.replace(/\//g, '-'));
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'planted.ts'), code);
  const extendsPath = path.relative(dir, path.join(ROOT, layer, 'tsconfig.json'));
  await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: extendsPath, include: ['planted.ts'] }));
  try {
    await promisify(execFile)(process.execPath, [TSC, '--noEmit', '-p', dir]);
    return { ok: true, output: '' };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout ?? '') };
  }
}

describe('each layer compiles with its own runtime types only', () => {
  it.each(LAYERS)(
    '%s refuses what another runtime has',
    async (layer, code, words) => {
      const planted = await compile(layer, code);
      expect(planted.ok).toBe(false);
      for (const word of words) expect(planted.output).toContain(word);
      expect(await compile(layer, 'export const fine = [1, 2, 3].map((n) => n * 2);\n')).toEqual({
        ok: true,
        output: '',
      });
    },
    60_000,
  );
});
