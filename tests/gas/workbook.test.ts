import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tabLayout } from '../../src/app/layout';
import { readTable, updateRecords, withLockedTabs } from '../../src/app/repository';
import { headerRow } from '../../src/domain/codec';
import { dateOfDay, dayOfDate } from '../../src/domain/dates';
import { ActionsTable, FocalPointsTable, MeetingsTable, type Action } from '../../src/domain/tables';
import { AppliedMemo } from '../../src/gas/memo';
import { GasWorkbook, GROWTH_ROWS } from '../../src/gas/workbook';
import { createGasFake, type GasFake, type GasFakeOptions } from '../fakes/gas';
import { CountingLock } from '../support/ports';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

let fake: GasFake;
let uninstall: () => void = () => undefined;

function setup(options: GasFakeOptions = {}) {
  uninstall();
  fake = createGasFake(options);
  uninstall = fake.install();
  const ss = (fake.globals.SpreadsheetApp as unknown as { getActive(): Spreadsheet }).getActive();
  return new GasWorkbook(ss);
}

beforeEach(() => {
  setup();
});
afterEach(() => {
  uninstall();
  uninstall = () => undefined;
});

function actionRows(n: number): (string | Date)[][] {
  return Array.from({ length: n }, (_, i) => [
    `A-2026-${String(i + 1).padStart(5, '0')}`,
    'D-2026-01',
    `Action ${i + 1}`,
    'IOM',
    dateOfDay('2026-06-30'),
    'Open',
    '',
    '',
    '',
  ]);
}

function withActions(n: number) {
  const workbook = setup();
  fake.setSheetValues('Actions', [headerRow(ActionsTable), ...actionRows(n)]);
  return workbook;
}

describe('GasWorkbook calls stay flat in the rows', () => {
  it('reads a tab with one getValues, whatever its size', () => {
    const counts = [10, 10_000].map((n) => {
      const workbook = withActions(n);
      fake.calls.reset();
      expect(workbook.read('Actions')).toHaveLength(n + 1);
      return { ...fake.calls.byMethod };
    });
    expect(counts[0]).toEqual(counts[1]);
    expect(counts[0]!['Sheet.getSheetValues']).toBe(1);
    expect(fake.calls.spreadsheet).toBeLessThanOrEqual(4);
  });

  it('appends and updates through the repository with calls that do not grow with the rows', () => {
    const counts = [1000, 10_000].map((n) => {
      const workbook = withActions(n);
      const grid = workbook.read('Actions')!;
      const table = readTable(workbook, ActionsTable);
      const more: Action[] = Array.from({ length: n }, (_, i) => ({ ...table.records[i]!, id: `A-2027-${i}` }));
      withLockedTabs({ workbook, lock: new CountingLock() }, (tabs) => {
        tabs.read(ActionsTable);
        fake.calls.reset();
        tabs.append(ActionsTable, more);
      });
      const contiguous = table.records
        .slice(0, n)
        .map((r) => ({ ...r, status: 'Done' as const, doneOn: '2026-11-20' }));
      updateRecords(workbook, ActionsTable, table, grid, contiguous);
      return fake.calls.total;
    });
    expect(counts[0]).toBe(counts[1]);
  });

  it('formats whole columns: the calls do not depend on the number of rows', () => {
    const counts = [1000, 20_000].map((rows) => {
      const workbook = setup();
      workbook.addTab('Meetings');
      const sheet = fake.sheet('Meetings');
      if (rows > sheet.maxRows) sheet.maxRows = rows;
      workbook.write('Meetings', 1, 1, [headerRow(MeetingsTable)]);
      fake.calls.reset();
      workbook.format('Meetings', tabLayout(MeetingsTable));
      return fake.calls.total;
    });
    expect(counts[0]).toBe(counts[1]);
    // A handful of calls per column at most.
    expect(counts[0]).toBeLessThanOrEqual(Object.keys(MeetingsTable.columns).length * 10);
  });
});

describe('GasWorkbook.read', () => {
  it('gives [] for an empty tab and null for a missing one', () => {
    const workbook = setup();
    expect(workbook.read('Sheet1')).toEqual([]);
    expect(workbook.read('Members')).toBeNull();
  });
});

describe('GasWorkbook.write', () => {
  it('stores text that looks like a formula, a number or a date as text, in one setValues', () => {
    const workbook = setup();
    fake.calls.reset();
    workbook.write('Sheet1', 2, 2, [['=IMPORTXML("http://x")', '+1', '-1', '@IOM', '2026', '2026-03-01', "'q"]]);
    expect(fake.calls.of('Range.setValues')).toBe(1);
    const sheet = fake.sheet('Sheet1');
    expect(fake.sheetValues('Sheet1')[1]).toEqual([
      '',
      '=IMPORTXML("http://x")',
      '+1',
      '-1',
      '@IOM',
      '2026',
      '2026-03-01',
      "'q",
    ]);
    expect([...sheet.formulas.keys()]).toEqual([]);
  });

  it('passes numbers, booleans and dates through as values', () => {
    const workbook = setup();
    workbook.write('Sheet1', 1, 1, [[3, true, dateOfDay('2026-03-31')]]);
    const [row] = fake.sheetValues('Sheet1');
    expect(row![0]).toBe(3);
    expect(row![1]).toBe(true);
    expect(dayOfDate(row![2] as Date)).toBe('2026-03-31');
  });

  it('grows the sheet when a block reaches past its last row or column', () => {
    const workbook = setup();
    workbook.write('Sheet1', 1001, 27, [['x']]);
    expect(fake.sheet('Sheet1').maxRows).toBe(1000 + GROWTH_ROWS);
    expect(fake.sheet('Sheet1').maxColumns).toBe(27);
  });

  it('grows a tab set up before in chunks, giving the new rows its layout and keeping the memo', () => {
    uninstall();
    fake = createGasFake();
    uninstall = fake.install();
    const ss = (fake.globals.SpreadsheetApp as unknown as { getActive(): Spreadsheet }).getActive();
    const memo = new AppliedMemo();
    const workbook = new GasWorkbook(ss, memo);
    workbook.addTab('Focal points');
    workbook.write('Focal points', 1, 1, [headerRow(FocalPointsTable)]);
    workbook.format('Focal points', tabLayout(FocalPointsTable));
    const sheet = fake.sheet('Focal points');
    const before = sheet.maxRows;
    const row = new Array<string>(headerRow(FocalPointsTable).length).fill('x');
    workbook.write('Focal points', before + 1, 1, [row]);
    expect(sheet.maxRows).toBe(before + GROWTH_ROWS);
    expect(sheet.validations.get(sheet.maxRows, 5)!.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(sheet.validations.get(sheet.maxRows, 6)!.getCriteriaType()).toBe('CHECKBOX');
    expect(sheet.numberFormats.get(sheet.maxRows, 4)).toBe('@');
    expect(
      new AppliedMemo().matches(
        'layout',
        'Focal points',
        JSON.stringify(tabLayout(FocalPointsTable).columns.map((c) => [c.column, c.kind, c.choices])),
      ),
    ).toBe(true);
    fake.calls.reset();
    workbook.write('Focal points', before + 2, 1, [row]);
    expect(fake.calls.of('Sheet.insertRowsAfter')).toBe(0);
    expect(fake.calls.spreadsheet).toBe(2);
  });

  it("lets Google's protection error through when the user may not edit the tab", () => {
    const workbook = setup({ editors: ['member@undp.org'] });
    const p = fake.sheet('Sheet1').protect();
    p.removeEditors(['member@undp.org']);
    fake.setContext({ activeUser: 'member@undp.org' });
    expect(() => workbook.write('Sheet1', 1, 1, [['x']])).toThrow('You are trying to edit a protected cell or object.');
    expect(fake.sheetValues('Sheet1')).toEqual([]);
  });
});

describe('GasWorkbook dates across time zones', () => {
  for (const timeZone of ['America/New_York', 'Pacific/Kiritimati', 'Asia/Tashkent', 'Pacific/Pago_Pago']) {
    it(`keeps calendar days when the spreadsheet is in ${timeZone}`, () => {
      const workbook = setup({ timeZone });
      const days = ['2026-01-31', '2024-02-29', '2026-03-29', '2026-10-25', '2026-12-31'];
      workbook.write('Sheet1', 1, 1, [days.map(dateOfDay)]);
      // What the sheet shows is the calendar day written.
      expect(fake.sheetValues('Sheet1')[0]!.map((d) => dayOfDate(d as Date))).toEqual(days);
      const read = workbook.read('Sheet1')![0]!;
      expect(read.map((d) => dayOfDate(d as Date))).toEqual(days);
      expect(read.every((d) => (d as Date).getHours() === 0)).toBe(true);
    });
  }

  it('reads the day a person typed into a sheet in another zone', () => {
    const workbook = setup({ timeZone: 'Pacific/Kiritimati' });
    fake.setSheetValues('Sheet1', [[new Date(2026, 2, 1)]]);
    expect(dayOfDate(workbook.read('Sheet1')![0]![0] as Date)).toBe('2026-03-01');
  });
});

describe('GasWorkbook.format', () => {
  it('sets dropdowns, checkboxes, date and text formats, widths, a bold frozen header, and no values', () => {
    const workbook = setup();
    workbook.addTab('Focal points');
    workbook.write('Focal points', 1, 1, [headerRow(FocalPointsTable)]);
    workbook.format('Focal points', tabLayout(FocalPointsTable));
    const sheet = fake.sheet('Focal points');
    const kind = sheet.validations.get(2, 5)!;
    expect(kind.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(kind.getCriteriaValues()).toEqual([['Primary', 'Alternate'], true]);
    expect(kind.getAllowInvalid()).toBe(true);
    expect(sheet.validations.get(sheet.maxRows, 6)!.getCriteriaType()).toBe('CHECKBOX');
    expect(sheet.validations.get(1, 6)).toBeNull();
    expect(sheet.numberFormats.get(500, 4)).toBe('@');
    expect(sheet.numberFormats.get(1, 4)).not.toBe('@');
    expect(sheet.columnWidths.get(4)).toBe(FocalPointsTable.columns.email.width);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.fontWeights.get(1, 1)).toBe('bold');
    expect(sheet._lastRow()).toBe(1);
  });

  it('formats the columns where they stand and clears a rule left by a moved column', () => {
    const workbook = setup();
    workbook.addTab('Meetings');
    workbook.format('Meetings', tabLayout(MeetingsTable));
    const sheet = fake.sheet('Meetings');
    expect(sheet.validations.get(2, 3)!.getCriteriaValues()[0]).toEqual([
      'Regular',
      'Annual',
      'Extraordinary',
      'Working group',
    ]);
    expect(sheet.numberFormats.get(2, 2)).toBe('yyyy-mm-dd');
    // Kind and Title swap places.
    const moved = new Map(Object.keys(MeetingsTable.columns).map((k, i) => [k, i === 2 ? 4 : i === 4 ? 2 : i]));
    workbook.format('Meetings', tabLayout(MeetingsTable, moved));
    expect(sheet.validations.get(2, 3)).toBeNull();
    expect(sheet.numberFormats.get(2, 3)).toBe('@');
    expect(sheet.validations.get(2, 5)!.getCriteriaType()).toBe('VALUE_IN_LIST');
  });
});

describe('GasWorkbook.clearFrom, paint and writeLinks', () => {
  it('clears contents and colours from a row down, keeping validation and formats', () => {
    const workbook = setup();
    workbook.addTab('Focal points');
    workbook.format('Focal points', tabLayout(FocalPointsTable));
    workbook.write('Focal points', 2, 1, [['IOM', 'A', 'B', 'a@iom.int', 'Primary', true]]);
    workbook.paint('Focal points', 2, 1, [['#f4c7c3', null, null, null, null, '#fce8b2']]);
    const sheet = fake.sheet('Focal points');
    expect(sheet.backgrounds.get(2, 1)).toBe('#f4c7c3');
    fake.calls.reset();
    workbook.clearFrom('Focal points', 2);
    expect(fake.calls.total).toBeLessThanOrEqual(6);
    expect(fake.sheetValues('Focal points')).toEqual([]);
    expect(sheet.backgrounds.get(2, 1)).toBe('#ffffff');
    expect(sheet.validations.get(2, 6)!.getCriteriaType()).toBe('CHECKBOX');
    expect(sheet.numberFormats.get(2, 4)).toBe('@');
  });

  it('links to #gid=<sheetId>&range=A<row> with HYPERLINK formulas in one call, however many rows', () => {
    const workbook = setup();
    workbook.addTab('Meetings');
    workbook.addTab('Compliance');
    workbook.write('Compliance', 1, 1, [['Row'], ['old'], ['old']]);
    fake.calls.reset();
    const links = Array.from({ length: 300 }, (_, i) => [
      i % 3 === 2 ? null : { text: String(i + 2), sheet: 'Meetings', row: i + 2 },
    ]);
    workbook.writeLinks('Compliance', 2, 1, [[{ text: 'Say "hi"', sheet: 'Gone', row: 7 }], ...links]);
    expect(fake.calls.of('Range.setFormulas')).toBe(1);
    expect(fake.calls.spreadsheet).toBeLessThanOrEqual(8);
    const gid = fake.sheet('Meetings').sheetId;
    const formulas = fake.sheet('Compliance').formulas;
    expect(formulas.get('2,1')).toBe('="Say ""hi"""');
    expect(formulas.get('3,1')).toBe(`=HYPERLINK("#gid=${gid}&range=A2", 2)`);
    const values = fake.sheetValues('Compliance');
    expect(values.slice(0, 5)).toEqual([['Row'], ['Say "hi"'], [2], [3], ['']]);
  });

  it('paints in one setBackgrounds', () => {
    const workbook = setup();
    fake.calls.reset();
    workbook.paint(
      'Sheet1',
      1,
      1,
      Array.from({ length: 500 }, () => ['#f4c7c3', null]),
    );
    expect(fake.calls.of('Range.setBackgrounds')).toBe(1);
    expect(fake.sheet('Sheet1').backgrounds.get(500, 2)).toBe('#ffffff');
  });
});

describe('GasWorkbook.style and chart', () => {
  const style = (rows: number) => ({
    frozenRows: 3,
    bold: [
      { row: 1, column: 1, rows: 1, columns: 1 },
      { row: 3, column: 1, rows: 1, columns: 3 },
    ],
    numberFormats: [
      { format: '#,##0', blocks: [{ row: 4, column: 2, rows, columns: 1 }] },
      { format: 'yyyy-mm-dd', blocks: [{ row: 4, column: 3, rows, columns: 1 }] },
    ],
    widths: [
      { column: 1, width: 200 },
      { column: 2, width: 110 },
      { column: 3, width: 110 },
    ],
  });

  it('replaces every earlier look of the tab with number formats, bold blocks, widths and frozen rows, in calls that do not grow with the rows', () => {
    const workbook = setup();
    const sheet = fake.sheet('Sheet1');
    workbook.format('Sheet1', tabLayout(MeetingsTable));
    workbook.paint('Sheet1', 9, 1, [['#ff0000']]);
    const calls = (rows: number) => fake.calls.during(() => workbook.style('Sheet1', style(rows))).byMethod;
    const few = calls(3);
    expect(calls(900)).toEqual(few);
    expect(few).toEqual({
      'Range.clearFormat': 1,
      'Range.clearDataValidations': 1,
      'Sheet.getRange': 1,
      'Sheet.getRangeList': 3,
      'RangeList.setFontWeight': 1,
      'RangeList.setNumberFormat': 2,
      'Sheet.setColumnWidths': 2,
      'Sheet.setFrozenRows': 1,
    });
    expect(sheet.numberFormats.get(500, 2)).toBe('#,##0');
    expect(sheet.numberFormats.get(500, 3)).toBe('yyyy-mm-dd');
    expect(sheet.numberFormats.get(2, 2)).not.toBe('@');
    expect(sheet.fontWeights.get(1, 1)).toBe('bold');
    expect(sheet.fontWeights.get(1, 2)).toBe('normal');
    expect(sheet.backgrounds.get(9, 1)).toBe('#ffffff');
    expect(sheet.validations.get(5, 3)).toBeNull();
    expect(sheet.frozenRows).toBe(3);
    expect(sheet.columnWidths.get(1)).toBe(200);
  });

  it('replaces the charts of the tab with column charts over the ranges given', () => {
    const workbook = setup();
    workbook.write('Sheet1', 1, 1, [
      ['Status', 'Items'],
      ['Open', 2],
      ['Done', 5],
    ]);
    const chart = {
      title: 'Items by status',
      ranges: [
        { row: 1, column: 1, rows: 3, columns: 1 },
        { row: 1, column: 2, rows: 3, columns: 1 },
      ],
      anchor: { row: 1, column: 4 },
    };
    workbook.chart('Sheet1', [chart]);
    workbook.chart('Sheet1', [chart, { ...chart, title: 'Again', anchor: { row: 20, column: 4 } }]);
    const charts = fake.sheet('Sheet1').charts.map((c) => c.model);
    expect(charts.map((c) => [c.type, c.options.title, c.numHeaders, c.anchor.row, c.anchor.column])).toEqual([
      ['COLUMN', 'Items by status', 1, 1, 4],
      ['COLUMN', 'Again', 1, 20, 4],
    ]);
    expect(charts[0]!.ranges).toEqual([
      { sheet: 'Sheet1', area: { row: 1, column: 1, rows: 3, columns: 1 } },
      { sheet: 'Sheet1', area: { row: 1, column: 2, rows: 3, columns: 1 } },
    ]);
    workbook.chart('Sheet1', []);
    expect(fake.sheet('Sheet1').charts).toEqual([]);
  });
});

describe('GasWorkbook limits', () => {
  it('names the cell whose text is too long for Sheets, and writes nothing', () => {
    const workbook = setup();
    expect(() => workbook.write('Sheet1', 4, 2, [['ok', 'x'.repeat(50_001)]])).toThrow(
      'Sheet1!C4: the text is 50001 characters long; a Google Sheets cell holds at most 50,000.',
    );
    expect(fake.sheetValues('Sheet1')).toEqual([]);
  });
});
