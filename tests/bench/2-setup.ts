/**
 * Set up / repair workbook over the Apps Script fake through GasWorkbook, on a damaged copy of each
 * generated network of tests/bench/support/network.ts: its user deleted the Actions tab and the Meetings'
 * Mode column and retyped a header in lower case, and nothing is protected yet. The first run repairs
 * it and protects every tab; the second has nothing to repair. The SpreadsheetApp calls must not grow
 * with the rows. (Setup on an intact workbook, through the menu command, is in the results table.)
 */
import { setupWorkbook } from '../../src/app/setup';
import type { Cell } from '../../src/domain/cells';
import { gasPorts } from '../../src/gas/ports';
import { gasProtection } from '../../src/gas/protection';
import { createGasFake } from '../fakes/gas';
import { generate, gridsOf, rowsOf, SCALES, SECRETARIAT, type Scale } from './support/network';

function damagedWorkbook(scale: Scale): { sheets: Record<string, Cell[][]>; rows: number } {
  const grids = gridsOf(generate(scale));
  const sheets = Object.fromEntries(
    Object.entries(grids).map(([tab, grid]) => [tab, (grid ?? []).map((row) => [...row])]),
  );
  delete sheets.Actions;
  const meetings = sheets.Meetings!;
  const mode = meetings[0]!.indexOf('Mode');
  for (const row of meetings) row.splice(mode, 1);
  sheets.Members![0]![3] = 'status';
  return { sheets, rows: rowsOf(grids) };
}

interface Run {
  spreadsheet: number;
  total: number;
  ms: number;
  lines: number;
  byClass: Record<string, number>;
}

function byClass(byMethod: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [method, n] of Object.entries(byMethod)) {
    const cls = method.slice(0, method.indexOf('.'));
    out[cls] = (out[cls] ?? 0) + n;
  }
  return out;
}

function measure(scale: Scale): { rows: number; first: Run; second: Run } {
  const { sheets, rows } = damagedWorkbook(scale);
  const fake = createGasFake({
    owner: 'owner@iom.int',
    activeUser: SECRETARIAT,
    editors: [SECRETARIAT, 'malika.yusupova@undp.org'],
    sheets,
  });
  const uninstall = fake.install();
  try {
    const run = (): Run => {
      const started = performance.now();
      const { result, spreadsheet, total, byMethod } = fake.calls.during(() =>
        setupWorkbook({ ...gasPorts(), protection: gasProtection() }),
      );
      return {
        spreadsheet,
        total,
        ms: performance.now() - started,
        lines: result.changes.length,
        byClass: byClass(byMethod),
      };
    };
    return { rows, first: run(), second: run() };
  } finally {
    uninstall();
  }
}

console.log(
  'Set up / repair workbook over the Apps Script fake (GasWorkbook + gasProtection) on each generated network, damaged.',
);
console.log(
  'First run: repairs a deleted tab, a deleted column and a lower-cased header, and protects all 10 tabs. Second run: nothing to do.\n',
);
console.log(
  '| size | rows | first run: SpreadsheetApp calls | changes reported | second run: SpreadsheetApp calls | all service calls (1st / 2nd) | fake time (1st / 2nd) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
const results = SCALES.map((scale) => ({ scale, ...measure(scale) }));
for (const { scale, rows, first, second } of results) {
  console.log(
    `| ${scale}× | ${rows.toLocaleString('en')} | ${first.spreadsheet} | ${first.lines} | ${second.spreadsheet} | ${first.total} / ${second.total} | ${first.ms.toFixed(0)} ms / ${second.ms.toFixed(0)} ms |`,
  );
}
const last = results[results.length - 1];
if (last) {
  const classes = (run: Run) =>
    Object.entries(run.byClass)
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
  console.log(`\nWhere the calls go at ${last.scale}×, first run: ${classes(last.first)}.`);
  console.log(`Second run: ${classes(last.second)}.`);
}
const flat = results.every(
  (r) =>
    r.first.spreadsheet === results[0]?.first.spreadsheet && r.second.spreadsheet === results[0]?.second.spreadsheet,
);
console.log(`\nSpreadsheetApp calls ${flat ? 'are flat in the rows' : 'GROW WITH THE ROWS'}.`);
if (!flat) process.exitCode = 1;
