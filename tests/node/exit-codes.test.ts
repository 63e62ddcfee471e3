/**
 * The exit-code contract of the README, for `unmn` (bin/unmn.mjs) and `npm start`'s command line
 * (build/playground.mjs), run as the programs people start: 0 done, 1 problems found where the
 * command says so, 2 cannot run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PART, withParts } from './xlsx/parts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const UNMN = path.join(ROOT, 'bin', 'unmn.mjs');
const PLAYGROUND = path.join(ROOT, 'build', 'playground.mjs');
const EXAMPLE = path.join(ROOT, 'examples', 'uzbekistan.xlsx');
let dir = '';

function run(program: string, args: string[]) {
  const r = spawnSync(process.execPath, [program, ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
  return { code: r.status, stderr: r.stderr.trim().split('\n'), stdout: r.stdout };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'unmn-exit-'));
  if (!existsSync(PLAYGROUND) || !existsSync(path.join(ROOT, 'build', 'cli.mjs')))
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { cwd: ROOT });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('unmn', () => {
  it('exits 2 with one line for a missing file', () => {
    const r = run(UNMN, ['check', path.join(dir, 'missing.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([expect.stringMatching(/^unmn check: .*missing\.xlsx: no such file/)]);
  });

  it('exits 2 with one line for a bad option', () => {
    const r = run(UNMN, ['check', EXAMPLE, '--today', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([
      'unmn check: --today must be a calendar day as YYYY-MM-DD, not "2026-02-30". Usage: unmn check FILE.xlsx [--today YYYY-MM-DD] [--json] [--lang en|ru]',
    ]);
  });

  const readOnly: [string, (file: string) => string[]][] = [
    ['validate', (file) => ['validate', file]],
    ['check', (file) => ['check', file]],
    ['report', (file) => ['report', 'member-list', file, '--out', dir]],
  ];

  it.each(readOnly)(
    'exits 2 on a tab it does not need whose XML is damaged, as every command does: %s',
    async (_, args) => {
      const file = path.join(dir, 'compliance-damaged.xlsx');
      writeFileSync(
        file,
        await withParts(readFileSync(EXAMPLE), {
          [PART.Compliance]: (xml) => xml.replace('</sheetData>', '<row r="9"><c r="A9"><v>1</c></row></sheetData>'),
        }),
      );
      const r = run(UNMN, args(file));
      expect(r.code).toBe(2);
      expect(r.stderr).toEqual([
        expect.stringMatching(/compliance-damaged\.xlsx: damaged, not a readable \.xlsx workbook$/),
      ]);
    },
  );

  it('exits 1 when the check finds a thing out of line with the ToR, 0 when it finds none', () => {
    const withErrors = run(UNMN, ['check', EXAMPLE, '--today', '2030-01-01', '--json']);
    expect(withErrors.code).toBe(1);
    expect(JSON.parse(withErrors.stdout)).toContainEqual(expect.objectContaining({ severity: 'error' }));
    const fresh = path.join(dir, 'fresh.xlsx');
    expect(run(UNMN, ['init', fresh, '--profile', 'custom']).code).toBe(0);
    expect(run(UNMN, ['validate', fresh]).code).toBe(0);
  });
});

describe("npm start's command line", () => {
  it('exits 2 with one line for a missing file', () => {
    const r = run(PLAYGROUND, ['--workbook', path.join(dir, 'missing.xlsx'), '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([expect.stringMatching(/missing\.xlsx: no such file$/)]);
  });

  it('exits 2 with one line for a bad option', () => {
    for (const args of [['--today', '2026-02-30'], ['--port', 'eighty'], ['--colour']]) {
      const r = run(PLAYGROUND, ['--workbook', EXAMPLE, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });
});
