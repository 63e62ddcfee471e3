/**
 * The closing line over a run of fixture files, one of each way a file can fail, in a child vitest
 * (its own process, so this run's reporters and state stay out of it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const VITEST = path.resolve(HERE, '../../node_modules/vitest/vitest.mjs');

/** Test files, with vitest's globals so that they import nothing from outside their folder. */
const FIXTURES: Record<string, string> = {
  'ok.test.js':
    "it('passes', () => {});\nit('fails', () => { throw new Error('no'); });\nit.skip('waits', () => {});\n",
  'syntax.test.js': "it('never runs', () => {\n",
  'import.test.js': "import './missing.js';\nit('never runs', () => {});\n",
  'throw.test.js': "it('never runs', () => {});\nthrow new Error('at top level');\n",
  'hook.test.js':
    "describe('a suite', () => {\n  beforeAll(() => { throw new Error('in beforeAll'); });\n  it('is skipped', () => {});\n});\n",
  'unhandled.test.js':
    "it('passes but leaves a rejection nobody handles', () => { Promise.reject(new Error('late')); });\n",
};

const dir = mkdtempSync(path.join(tmpdir(), 'unmn-reporter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The last line a child vitest prints over the fixtures with only this reporter. */
function closingLine(): string {
  for (const [file, source] of Object.entries(FIXTURES)) writeFileSync(path.join(dir, file), source);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  const result = spawnSync(
    process.execPath,
    [VITEST, 'run', '--globals', '--reporter', path.join(HERE, 'summary-reporter.ts')],
    {
      cwd: dir,
      env,
      encoding: 'utf8',
    },
  );
  return result.stdout.trim().split('\n').pop() ?? '';
}

describe('the summary reporter', () => {
  it('counts a file that fails to load, a suite whose beforeAll fails and an error outside any test as failures', () => {
    expect(closingLine()).toBe('2 passed, 6 failed, 2 skipped');
  });
});
