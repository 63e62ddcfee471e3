import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dateOfDay, dayOfDate } from '../../src/domain/dates';
import { GasWorkbook } from '../../src/gas/workbook';
import type { Cell } from '../../src/ports';
import { createGasFake } from '../fakes/gas';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

let uninstall: () => void = () => undefined;
afterEach(() => {
  uninstall();
  uninstall = () => undefined;
});

const day = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((d) => dateOfDay(d.toISOString().slice(0, 10)));

/** Text as users and the add-on produce it, with the prefixes Sheets would parse. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('=', '+', '-', '@', "'", ' ').chain((p) => fc.string({ maxLength: 12 }).map((s) => p + s)),
  fc.constantFrom('2026', '10.7', '1,000', 'TRUE', 'false', '2026-03-01', '2026-02-30', '-3', '+998 71 120 34 50'),
);

const cell: fc.Arbitrary<Cell> = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.integer(),
  fc.boolean(),
  day,
  fc.constant(''),
);

/** What getDataRange covers: trailing blank rows and columns are not part of it. */
function trimmed(grid: Cell[][]): Cell[][] {
  const filled = (c: Cell) => c !== '';
  let rows = grid.length;
  while (rows > 0 && !grid[rows - 1]!.some(filled)) rows--;
  let columns = 0;
  for (const row of grid.slice(0, rows)) row.forEach((c, i) => filled(c) && (columns = Math.max(columns, i + 1)));
  return grid.slice(0, rows).map((r) => r.slice(0, columns));
}

/**
 * Whether the calendar day has any hour in the time zone: Kiribati moved across the date line and
 * skipped 31 December 1994, so no cell can show that day in Pacific/Kiritimati, in Sheets or anywhere.
 */
function dayExistsIn(day: Date, timeZone: string): boolean {
  const wanted = dayOfDate(day);
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const utcMidnight = Date.UTC(day.getFullYear(), day.getMonth(), day.getDate());
  for (let hour = -14; hour <= 38; hour++)
    if (format.format(new Date(utcMidnight + hour * 3_600_000)) === wanted) return true;
  return false;
}

const comparable = (grid: Cell[][] | null) =>
  grid?.map((r) => r.map((c) => (c instanceof Date ? { day: dayOfDate(c) } : c)));

describe('GasWorkbook round trip (property)', () => {
  it(
    'reads back exactly what it wrote, for any grid of cells, in any spreadsheet time zone',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 1, max: 6 })
            .chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 })),
          fc.constantFrom('UTC', 'America/New_York', 'Asia/Tashkent', 'Pacific/Kiritimati'),
          (grid, timeZone) => {
            fc.pre(grid.every((row) => row.every((c) => !(c instanceof Date) || dayExistsIn(c, timeZone))));
            uninstall();
            const fake = createGasFake({ timeZone });
            uninstall = fake.install();
            const ss = (fake.globals.SpreadsheetApp as unknown as { getActive(): Spreadsheet }).getActive();
            const workbook = new GasWorkbook(ss);
            workbook.write('Sheet1', 1, 1, grid);
            const expected = trimmed(grid);
            expect(comparable(workbook.read('Sheet1'))).toEqual(comparable(expected.length === 0 ? [] : expected));
            expect(fake.sheet('Sheet1').formulas.size).toBe(0);
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it('keeps a day whose midnight the zone skipped: 1 April 1984 in Tashkent began at 01:00', () => {
    uninstall();
    const fake = createGasFake({ timeZone: 'Asia/Tashkent' });
    uninstall = fake.install();
    const ss = (fake.globals.SpreadsheetApp as unknown as { getActive(): Spreadsheet }).getActive();
    const workbook = new GasWorkbook(ss);
    workbook.write('Sheet1', 1, 1, [[dateOfDay('1984-04-01')]]);
    expect(comparable(workbook.read('Sheet1'))).toEqual([[{ day: '1984-04-01' }]]);
  });
});
