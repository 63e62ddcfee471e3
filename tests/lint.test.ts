/**
 * eslint.config.js enforces the layers: an import pointing up, a Node module in code bundled for
 * Apps Script, or an Apps Script service outside src/gas fails the lint that `npm test` runs.
 * Each case plants one line in a file of the layer and lints it as if it were there.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('..', import.meta.url)) });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the lint of the layers', () => {
  it.each([
    [
      'src/domain into src/app',
      'src/domain/planted.ts',
      "import { commands } from '../app/commands';\nexport const planted = commands;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'src/domain into src/ports.ts',
      'src/domain/rules/planted.ts',
      "import type { Ports } from '../../ports';\nexport type Planted = Ports;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'sidebar into src/app',
      'sidebar/planted.ts',
      "import { RPC_HANDLERS } from '../src/app/rpc';\nexport const planted = RPC_HANDLERS;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'src/app into node:fs',
      'src/app/planted.ts',
      "import { readFileSync } from 'node:fs';\nexport const planted = readFileSync;\n",
      'import-x/no-nodejs-modules',
    ],
    [
      'src/app into src/gas',
      'src/app/planted.ts',
      "import { gasPorts } from '../gas/ports';\nexport const planted = gasPorts;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'src/node into src/gas',
      'src/node/planted.ts',
      "import { gasPorts } from '../gas/ports';\nexport const planted = gasPorts;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'src/gas into full zod',
      'src/gas/planted.ts',
      "import { z } from 'zod';\nexport const planted = z;\n",
      'no-restricted-imports',
    ],
    [
      'SpreadsheetApp in src/app',
      'src/app/planted.ts',
      'export const planted = () => SpreadsheetApp.getActive();\n',
      'no-restricted-globals',
    ],
  ])('fails on %s', async (_, filePath, code, rule) => {
    expect(await ruleIds(filePath, code)).toEqual([rule]);
  });

  it.each([
    [
      'sidebar into src/domain and its own lib',
      'sidebar/planted.ts',
      "import { DECISION_KINDS } from '../src/domain/tables';\nimport { call } from './lib/rpc';\nexport const planted = [DECISION_KINDS, call];\n",
    ],
    [
      'src/app into src/domain and src/ports.ts',
      'src/app/planted.ts',
      "import type { Ports } from '../ports';\nimport { DECISION_KINDS } from '../domain/tables';\nexport const planted: [typeof DECISION_KINDS, Ports?] = [DECISION_KINDS];\n",
    ],
    ['SpreadsheetApp in src/gas', 'src/gas/planted.ts', 'export const planted = () => SpreadsheetApp.getActive();\n'],
    [
      'src/node into node:fs and src/app',
      'src/node/planted.ts',
      "import { readFileSync } from 'node:fs';\nimport { commands } from '../app/commands';\nexport const planted = [readFileSync, commands];\n",
    ],
  ])('passes %s', async (_, filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual([]);
  });
});
