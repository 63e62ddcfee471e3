/**
 * What every execution compiles when Apps Script loads dist/Code.js. V8 only skims a function's body
 * at load (the preparser) and compiles it when it is first called; the top-level code, and every
 * function that code calls, it compiles in full and runs at every load, whatever the execution then
 * does (issue 20: the cold load ≤ 15 ms in node:vm). So the definitions that only some executions read
 * are built on first use: the tables' columns, the settings, the profiles' defaults, the command table,
 * and zod's own modules, which define its classes (scripts/lazy-package.mjs).
 *
 * Counted rather than timed, from V8's own report of the functions the load ran (precise coverage),
 * in a node process of its own: the same bundle gives the same counts on a busy machine.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGasFake } from '../fakes/gas';
import { bundleCode, loadBundle } from '../support/bundle';
import { gridsOf, uzbekistan } from '../domain/rules/support';

const ROOT = join(__dirname, '..', '..');

/**
 * The characters of Code.js that V8 compiles in full at load: the top-level code and the bodies of
 * the functions it runs, without the functions nested in them that do not run. 27,582 characters when every
 * table, setting and command was built at load.
 */
const COMPILED_KB = 14;

/** Loads Code.js in an empty context as the bench does, and prints every function V8 compiled, with its calls. */
const PROBE = `
const vm = require('node:vm');
const inspector = require('node:inspector');
const code = require('node:fs').readFileSync(process.argv[1], 'utf8');
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false }, () => {
  vm.runInContext(code, vm.createContext({}), { filename: 'Code.js' });
  session.post('Profiler.takePreciseCoverage', (error, { result }) => {
    const { functions } = result.find((script) => script.url === 'Code.js');
    process.stdout.write(JSON.stringify(functions.map((f) => f.ranges[0])));
  });
});
`;

interface Range {
  readonly startOffset: number;
  readonly endOffset: number;
  readonly count: number;
}

let code = '';
let ranges: Range[] = [];
let map: SourceMap;

beforeAll(() => {
  code = bundleCode();
  ranges = JSON.parse(
    execFileSync(process.execPath, ['-e', PROBE, join(ROOT, 'dist', 'Code.js')], { encoding: 'utf8' }),
  ) as Range[];
  map = new SourceMap(JSON.parse(readFileSync(join(ROOT, 'build', 'Code.js.map'), 'utf8')));
});

/** The source file a function of Code.js comes from, through build/Code.js.map ('' for the bundle's own). */
function sourceOf(offset: number): string {
  const before = code.slice(0, offset);
  const line = before.split('\n').length - 1;
  const entry = map.findEntry(line, offset - (before.lastIndexOf('\n') + 1));
  return 'originalSource' in entry ? entry.originalSource.replace(/^(\.\.\/)+/, '') : '';
}

const ran = () => ranges.filter((r) => r.count > 0);

/** A range's own characters: its own, less the functions directly nested in it (each counted on its own). */
function ownLength(range: Range): number {
  const inside = ranges
    .filter((r) => r !== range && r.startOffset >= range.startOffset && r.endOffset <= range.endOffset)
    .sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  let nested = 0;
  let end = range.startOffset;
  for (const r of inside) {
    if (r.startOffset < end || (r.startOffset === range.startOffset && r.endOffset === range.endOffset)) continue;
    nested += r.endOffset - r.startOffset;
    end = r.endOffset;
  }
  return range.endOffset - range.startOffset - nested;
}

describe('loading Code.js', () => {
  it('builds no column, no setting, no GCM objective, no command and runs none of zod', () => {
    const lazy = [
      'src/domain/cells.ts',
      'src/domain/settings.ts',
      'src/domain/gcm.ts',
      'src/app/commands.ts',
      'src/app/report-command.ts',
    ];
    const built = ran()
      .map((r) => sourceOf(r.startOffset))
      .filter((source) => lazy.includes(source) || source.includes('node_modules/zod/'));
    expect(built).toEqual([]);
  });

  it('runs zod’s modules when an execution first parses with a schema, not before', () => {
    const fake = createGasFake({
      owner: 'owner@un.org',
      activeUser: 'akarimova@iom.int',
      sheets: gridsOf(uzbekistan()),
    });
    const script = loadBundle(code, fake);
    // zod's core module leaves its configuration on the global object when it runs.
    expect('__zod_globalConfig' in script).toBe(false);
    expect(script.getDecisionSidebarData!()).toMatchObject({ network: expect.anything() });
    expect('__zod_globalConfig' in script).toBe(false);
    // An answer is parsed by its schema before anything else is read.
    expect(script.answerConsultation!({})).toMatchObject({ ok: false });
    expect('__zod_globalConfig' in script).toBe(true);
  });

  it(`compiles at most ${COMPILED_KB} KB of it in full, the rest only skimmed`, () => {
    expect(ran().length).toBeGreaterThan(2);
    const compiled = ran().reduce((sum, r) => sum + ownLength(r), 0);
    expect(compiled).toBeLessThanOrEqual(COMPILED_KB * 1024);
  });
});
