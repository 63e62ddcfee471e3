/**
 * The workbook adapters at 100, 1,000 and 10,000 rows in every tab of WORKBOOK.md:
 * - the SpreadsheetApp calls GasWorkbook makes (over the Apps Script fake) for a full read, an append
 *   of N rows, and updates through src/app/repository.ts of 10 scattered rows and of a contiguous
 *   tenth of the rows. These must not grow with N (one extra call is allowed where the sheet has to
 *   grow past its last row first);
 * - the xlsx adapter's time per 1,000 rows to write, read, and save then reopen.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readTable, updateRecords, withLockedTabs } from '../../src/app/repository';
import type { Cell, Column } from '../../src/domain/cells';
import type { Lock } from '../../src/ports';
import { decodeTable, headerRow } from '../../src/domain/codec';
import { dateOfDay } from '../../src/domain/dates';
import { TABLES, type TableDef } from '../../src/domain/tables';
import { GasWorkbook } from '../../src/gas/workbook';
import { XlsxWorkbook } from '../../src/node/xlsx/workbook';
import type { WorkbookPort } from '../../src/ports';
import { createGasFake } from '../fakes/gas';

/** The bench is the only execution: nobody to lock out. */
const NO_LOCK: Lock = { withDocumentLock: (fn) => fn() };

const SIZES = [100, 1_000, 10_000];
const SCATTERED = 10;

/** A valid cell for a column: the first candidate of its kind that the column accepts. */
function cellFor(column: Column, i: number, key: boolean): Cell {
  if (key) return `X-${String(i).padStart(6, '0')}`;
  const candidates: Record<string, Cell[]> = {
    text: [`Text ${i}`],
    date: [dateOfDay('2026-03-01')],
    timestamp: ['2026-03-01T10:15:00'],
    number: [50, 2026],
    yesno: [i % 2 === 0],
    choice: [column.choices[i % column.choices.length] ?? ''],
    choices: [column.choices[0] ?? ''],
    list: ['IOM, UNDP, UNICEF'],
    email: [`person${i}@iom.int`],
    emails: [`a${i}@iom.int, b${i}@undp.org`],
    gcm: ['1, 7, 23'],
  };
  return (candidates[column.kind] ?? ['']).find((c) => column.decode(c).ok) ?? '';
}

function gridFor(def: TableDef, rows: number, from = 0): Cell[][] {
  const columns = Object.entries(def.columns as Record<string, Column>);
  return Array.from({ length: rows }, (_, r) => columns.map(([k, c]) => cellFor(c, from + r, k === def.key)));
}

/** A changed copy of a record: its first optional text field (or the first non-key field) rewritten. */
function changed(def: TableDef, record: Record<string, unknown>, n: number): Record<string, unknown> {
  const entry = Object.entries(def.columns as Record<string, Column>).find(
    ([k, c]) => k !== def.key && c.kind === 'text',
  );
  return entry ? { ...record, [entry[0]]: `Changed ${n}` } : record;
}

interface GasCounts {
  read: number;
  append: number;
  scattered: number | null;
  contiguous: number | null;
}

function gasCounts(def: TableDef, rows: number): GasCounts {
  const fake = createGasFake({ sheets: { [def.name]: [headerRow(def), ...gridFor(def, rows)] } });
  const restore = fake.install();
  try {
    const ss = (
      fake.globals.SpreadsheetApp as unknown as { getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet }
    ).getActive();
    const workbook: WorkbookPort = new GasWorkbook(ss);
    const spreadsheetCalls = (fn: () => void) => fake.calls.during(fn).spreadsheet;

    const read = spreadsheetCalls(() => workbook.read(def.name));
    const grid = workbook.read(def.name)!;
    const table = readTable(workbook, def);
    const fresh = decodeTable(def, [headerRow(def), ...gridFor(def, rows, rows)]).records;
    // The append's own read under the lock is part of what an append costs.
    const append = spreadsheetCalls(() =>
      withLockedTabs({ workbook, lock: NO_LOCK }, (tabs) => (tabs.read(def), tabs.append(def, fresh))),
    );

    let scattered: number | null = null;
    let contiguous: number | null = null;
    if (def.key !== null) {
      const records = table.records as unknown as Record<string, unknown>[];
      const step = Math.floor(records.length / SCATTERED);
      const spread = Array.from({ length: SCATTERED }, (_, i) => changed(def, records[i * step]!, i));
      scattered = spreadsheetCalls(() => updateRecords(workbook, def, table, grid, spread as never[]));
      const block = records.slice(0, Math.max(1, rows / 10)).map((r, i) => changed(def, r, 1000 + i));
      contiguous = spreadsheetCalls(() => updateRecords(workbook, def, table, grid, block as never[]));
    }
    return { read, append, scattered, contiguous };
  } finally {
    restore();
  }
}

async function xlsxTimes(def: TableDef, rows: number, dir: string) {
  const grid = [headerRow(def), ...gridFor(def, rows)];
  const workbook = XlsxWorkbook.create();
  workbook.addTab(def.name);
  let t = performance.now();
  workbook.write(def.name, 1, 1, grid);
  const write = performance.now() - t;
  t = performance.now();
  workbook.read(def.name);
  const read = performance.now() - t;
  const file = path.join(dir, `${def.name}-${rows}.xlsx`);
  t = performance.now();
  await workbook.save(file);
  const reopened = await XlsxWorkbook.open(file);
  const saveOpen = performance.now() - t;
  if (reopened.read(def.name)?.length !== rows + 1) throw new Error(`${def.name}: the xlsx file lost rows`);
  const per1000 = (ms: number) => (ms / rows) * 1000;
  return { write: per1000(write), read: per1000(read), saveOpen: per1000(saveOpen) };
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const fmt = (n: number | null) => (n === null ? '-' : String(n));

function flat(values: (number | null)[]): boolean {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return true;
  // One call more is allowed once the sheet must grow past its last row (insertRowsAfter).
  return Math.max(...known) - Math.min(...known) <= 1 && known[known.length - 1] === known[known.length - 2];
}

const dir = await mkdtemp(path.join(tmpdir(), 'unmn-bench-'));
const started = performance.now();
let allFlat = true;
console.log(`SpreadsheetApp calls through GasWorkbook (fake), per operation, at ${SIZES.join(' / ')} rows`);
console.log(
  `${'tab'.padEnd(15)}${pad('read', 12)}${pad('append N', 14)}${pad(`update ${SCATTERED} scattered`, 22)}${pad('update N/10 contiguous', 24)}  flat`,
);
const xlsxRows: string[] = [];
// A first round warms up the JIT and exceljs, so that the 100-row figures measure the adapter.
for (const def of TABLES) await xlsxTimes(def, 100, dir);
for (const def of TABLES) {
  const counts = SIZES.map((n) => gasCounts(def, n));
  const series = (k: keyof GasCounts) => counts.map((c) => c[k]);
  const ok = (['read', 'append', 'scattered', 'contiguous'] as const).every((k) => flat(series(k)));
  allFlat &&= ok;
  const show = (k: keyof GasCounts) => series(k).map(fmt).join('/');
  console.log(
    `${def.name.padEnd(15)}${pad(show('read'), 12)}${pad(show('append'), 14)}${pad(show('scattered'), 22)}${pad(show('contiguous'), 24)}  ${ok ? 'yes' : 'NO'}`,
  );
  for (const n of SIZES) {
    const t = await xlsxTimes(def, n, dir);
    xlsxRows.push(
      `${def.name.padEnd(15)}${pad(n, 8)}${pad(t.write.toFixed(1), 10)}${pad(t.read.toFixed(1), 10)}${pad(t.saveOpen.toFixed(1), 16)}`,
    );
  }
}
console.log(
  `flat: ${allFlat ? 'yes' : 'no'} (calls do not grow with the rows; +1 allowed where the sheet must first grow)`,
);
console.log('\nXlsxWorkbook, ms per 1,000 rows');
console.log(`${'tab'.padEnd(15)}${pad('rows', 8)}${pad('write', 10)}${pad('read', 10)}${pad('save+reopen', 16)}`);
for (const line of xlsxRows) console.log(line);
await rm(dir, { recursive: true, force: true });
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
