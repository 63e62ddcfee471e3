/**
 * Set up / repair workbook over the Apps Script fake through GasWorkbook, on workbooks with 100, 1,000
 * and 10,000 rows in every tab: the SpreadsheetApp calls must not grow with the rows.
 *
 * First run: a workbook whose user deleted the Actions tab and the Meetings' Mode column and retyped a
 * header in lower case, never protected: setup repairs it and protects every tab. Second run: nothing
 * to repair, protection already in line.
 */
import { setupWorkbook } from '../src/app/setup';
import type { Cell, Column } from '../src/domain/cells';
import { headerRow } from '../src/domain/codec';
import { PROFILES } from '../src/domain/profiles';
import { settingsRows } from '../src/domain/settings';
import { FocalPointsTable, MembersTable, SettingsTable, TABLES, type TableDef } from '../src/domain/tables';
import { gasPorts } from '../src/gas/ports';
import { gasProtection } from '../src/gas/protection';
import { createGasFake } from '../tests/fakes/gas';

const SIZES = [100, 1_000, 10_000];
const SECRETARIAT = 'fp0@iom.int';

function cellFor(column: Column, i: number): Cell {
  switch (column.kind) {
    case 'date':
      return new Date(2026, i % 12, 1 + (i % 28));
    case 'timestamp':
      return new Date(2026, i % 12, 1 + (i % 28), 9, 30);
    case 'number':
      return column.header === 'Year' ? 2026 : 50;
    case 'yesno':
      return i % 2 === 0;
    case 'choice':
    case 'choices':
      return column.choices[i % column.choices.length] ?? '';
    case 'email':
    case 'emails':
      return `person${i}@agency.org`;
    case 'gcm':
      return '1, 2';
    case 'list':
      return 'IOM, UNDP';
    default:
      return `${column.header} ${i}`;
  }
}

function rowsOf(def: TableDef, n: number): Cell[][] {
  const columns = Object.values(def.columns as Record<string, Column>);
  const rows = Array.from({ length: n }, (_, i) => columns.map((c) => cellFor(c, i)));
  if (def === MembersTable) rows.forEach((row, i) => ((row[0] = `A${i}`), (row[2] = i === 0 ? 'Secretariat' : 'Member'), (row[3] = 'Active')));
  if (def === FocalPointsTable) rows.forEach((row, i) => ((row[0] = `A${i}`), (row[3] = i === 0 ? SECRETARIAT : `fp${i}@agency.org`), (row[5] = true)));
  return rows;
}

/** Every tab with n rows (Settings: its real rows, then notes of the user's own down to row n + 1). */
function damagedWorkbook(n: number): Record<string, Cell[][]> {
  const sheets: Record<string, Cell[][]> = {};
  for (const def of TABLES) {
    const grid = [headerRow(def), ...rowsOf(def, n)];
    if (def === SettingsTable) {
      const settings = settingsRows(PROFILES.uzbekistan.defaults);
      grid.splice(1, n, ...settings, ...Array.from({ length: Math.max(0, n - settings.length) }, (_, i): Cell[] => [`Note ${i}`, 'kept as typed']));
    }
    sheets[def.name] = grid;
  }
  delete sheets.Actions;
  const meetings = sheets.Meetings as Cell[][];
  const mode = (meetings[0] as Cell[]).indexOf('Mode');
  for (const row of meetings) row.splice(mode, 1);
  (sheets.Members as Cell[][])[0]![3] = 'status';
  return sheets;
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

function measure(n: number): { first: Run; second: Run } {
  const fake = createGasFake({ owner: 'owner@iom.int', activeUser: SECRETARIAT, editors: [SECRETARIAT, 'fp1@agency.org'], sheets: damagedWorkbook(n) });
  const uninstall = fake.install();
  try {
    const run = (): Run => {
      const started = performance.now();
      const { result, spreadsheet, total, byMethod } = fake.calls.during(() => setupWorkbook({ ...gasPorts(), protection: gasProtection() }));
      return { spreadsheet, total, ms: performance.now() - started, lines: result.changes.length, byClass: byClass(byMethod) };
    };
    return { first: run(), second: run() };
  } finally {
    uninstall();
  }
}

console.log('Set up / repair workbook over the Apps Script fake (GasWorkbook + gasProtection), every tab holding the rows shown.');
console.log('First run: repairs a deleted tab, a deleted column and a lower-cased header, and protects all 10 tabs. Second run: nothing to do.\n');
console.log('| rows per tab | first run: SpreadsheetApp calls | changes reported | second run: SpreadsheetApp calls | all service calls (1st / 2nd) | fake time (1st / 2nd) |');
console.log('|---:|---:|---:|---:|---:|---:|');
const results = SIZES.map((n) => ({ n, ...measure(n) }));
for (const { n, first, second } of results) {
  console.log(
    `| ${n.toLocaleString('en')} | ${first.spreadsheet} | ${first.lines} | ${second.spreadsheet} | ${first.total} / ${second.total} | ${first.ms.toFixed(0)} ms / ${second.ms.toFixed(0)} ms |`,
  );
}
const last = results[results.length - 1];
if (last) {
  const classes = (run: Run) =>
    Object.entries(run.byClass)
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
  console.log(`\nWhere the calls go at ${last.n.toLocaleString('en')} rows, first run: ${classes(last.first)}.`);
  console.log(`Second run: ${classes(last.second)}. Most are GasWorkbook.format re-applying validation and number formats, one range per run of adjacent alike columns.`);
}
const flat = results.every((r) => r.first.spreadsheet === results[0]?.first.spreadsheet && r.second.spreadsheet === results[0]?.second.spreadsheet);
console.log(`\nSpreadsheetApp calls ${flat ? 'are flat in the rows' : 'GROW WITH THE ROWS'}.`);
if (!flat) process.exitCode = 1;
