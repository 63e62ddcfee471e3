/** The writer of result tabs over the in-memory workbook: where each part lands, its look, and that it replaces. */
import { describe, expect, it } from 'vitest';
import { HEADER_FILL, writeResultTab, type ResultSheet } from '../../src/app/report-tab';
import { MAX_CELL_TEXT } from '../../src/domain/cells';
import type { ReportTable } from '../../src/domain/reports';
import { MemoryWorkbook } from '../support/memory-workbook';

function table(extra: Partial<ReportTable> = {}): ReportTable {
  return {
    id: 'items',
    title: 'Items',
    columns: [
      { header: 'ID', kind: 'link' },
      { header: 'Name', kind: 'text', width: 300 },
      { header: 'Due', kind: 'date' },
      { header: 'Budget (USD)', kind: 'money' },
      { header: 'Share', kind: 'percent' },
    ],
    rows: [
      [{ text: 'W-01', sheet: 'Workplan', row: 2 }, 'First', '2026-03-01', 1000, 0.5],
      [{ text: 'W-02', sheet: 'Workplan', row: 3 }, '=SUM(A1:A2)', null, 2500, null],
    ],
    totals: ['Total', null, null, 3500, null],
    fills: [null, '#f4c7c3'],
    note: 'A note under the table.',
    empty: 'Nothing.',
    ...extra,
  };
}

const small: ReportTable = {
  id: 'small',
  title: 'Small',
  columns: [
    { header: 'Status', kind: 'text' },
    { header: 'Items', kind: 'count' },
  ],
  rows: [
    ['Open', 2],
    ['Done', 5],
  ],
  totals: null,
  note: '',
  empty: '',
};

const sheet: ResultSheet = {
  lines: ['Title — Network — 2026-11-23', 'What it is for.'],
  tables: [table(), small],
  charts: [{ title: 'Items by status', table: 'small', category: 0, series: [1] }],
};

describe('writeResultTab', () => {
  it('writes the lines, then each table under a blank row and its heading, with totals and note', () => {
    const workbook = new MemoryWorkbook({ Workplan: [['ID']] });
    const placed = writeResultTab(workbook, 'Report: Test', sheet);
    const grid = workbook.tabs.get('Report: Test')!;
    const blank = ['', '', '', '', ''];
    expect(grid).toEqual([
      ['Title — Network — 2026-11-23', '', '', '', ''],
      ['What it is for.', '', '', '', ''],
      blank,
      ['Items', '', '', '', ''],
      ['ID', 'Name', 'Due', 'Budget (USD)', 'Share'],
      ['W-01', 'First', new Date(2026, 2, 1), 1000, 0.5],
      ['W-02', '=SUM(A1:A2)', '', 2500, ''],
      ['Total', '', '', 3500, ''],
      ['A note under the table.', '', '', '', ''],
      blank,
      ['Small', '', '', '', ''],
      ['Status', 'Items', '', '', ''],
      ['Open', 2, '', '', ''],
      ['Done', 5, '', '', ''],
    ]);
    expect(placed).toEqual([
      { id: 'items', headerRow: 5, firstRow: 6, rows: 2 },
      { id: 'small', headerRow: 12, firstRow: 13, rows: 2 },
    ]);
    expect(workbook.links.get('Report: Test!6,1')).toEqual({ text: 'W-01', sheet: 'Workplan', row: 2 });
    expect(workbook.links.get('Report: Test!7,1')).toEqual({ text: 'W-02', sheet: 'Workplan', row: 3 });
  });

  it('formats numbers, days and shares, bolds the title, headings, headers and totals, and freezes down to the first header', () => {
    const workbook = new MemoryWorkbook();
    writeResultTab(workbook, 'Report: Test', sheet);
    const style = workbook.styles.get('Report: Test')!;
    expect(style.frozenRows).toBe(5);
    expect(style.bold).toEqual([
      { row: 1, column: 1, rows: 1, columns: 1 },
      { row: 4, column: 1, rows: 1, columns: 1 },
      { row: 5, column: 1, rows: 1, columns: 5 },
      { row: 8, column: 1, rows: 1, columns: 5 },
      { row: 11, column: 1, rows: 1, columns: 1 },
      { row: 12, column: 1, rows: 1, columns: 2 },
    ]);
    expect(style.numberFormats).toEqual([
      { format: 'd mmmm yyyy', blocks: [{ row: 6, column: 3, rows: 3, columns: 1 }] },
      { format: '"USD "#,##0', blocks: [{ row: 6, column: 4, rows: 3, columns: 1 }] },
      { format: '0%', blocks: [{ row: 6, column: 5, rows: 3, columns: 1 }] },
      { format: '#,##0', blocks: [{ row: 13, column: 2, rows: 2, columns: 1 }] },
    ]);
    expect(style.widths).toEqual([
      { column: 1, width: 200 },
      { column: 2, width: 300 },
      { column: 3, width: 100 },
      { column: 4, width: 110 },
      { column: 5, width: 90 },
    ]);
    expect(workbook.colors.get('Report: Test!5,2')).toBe(HEADER_FILL);
    expect(workbook.colors.get('Report: Test!7,5')).toBe('#f4c7c3');
    expect(workbook.colors.get('Report: Test!6,1')).toBeNull();
  });

  it('puts each chart beside its table, over the header and the rows (totals aside)', () => {
    const workbook = new MemoryWorkbook();
    writeResultTab(workbook, 'Report: Test', sheet);
    expect(workbook.charts.get('Report: Test')).toEqual([
      {
        title: 'Items by status',
        ranges: [
          { row: 12, column: 1, rows: 3, columns: 1 },
          { row: 12, column: 2, rows: 3, columns: 1 },
        ],
        anchor: { row: 12, column: 7 },
      },
    ]);
  });

  it('replaces an earlier, longer run in the same constant number of calls, and adds the tab only once', () => {
    const workbook = new MemoryWorkbook();
    const long = {
      ...sheet,
      tables: [table({ rows: Array.from({ length: 200 }, (_, i) => [null, `Row ${i}`, null, i, null]) })],
    };
    writeResultTab(workbook, 'Report: Test', long);
    const first = { ...workbook.calls };
    for (const k of Object.keys(workbook.calls)) delete workbook.calls[k];
    writeResultTab(workbook, 'Report: Test', sheet);
    expect(workbook.tabs.get('Report: Test')).toHaveLength(14);
    expect(workbook.tabNames()).toEqual(['Report: Test']);
    expect(first).toEqual({ hasTab: 1, addTab: 1, write: 1, writeLinks: 1, style: 1, paint: 1, chart: 1 });
    expect(workbook.calls).toEqual({
      hasTab: 1,
      tabNames: 1,
      clearFrom: 1,
      write: 1,
      writeLinks: 1,
      style: 1,
      paint: 1,
      chart: 1,
    });
  });

  it('says what an empty table is instead of leaving it bare, and draws no chart of it', () => {
    const workbook = new MemoryWorkbook();
    writeResultTab(workbook, 'Report: Test', {
      ...sheet,
      tables: [table({ rows: [], totals: null, note: '' }), { ...small, rows: [] }],
    });
    const grid = workbook.tabs.get('Report: Test')!;
    expect(grid.slice(3, 6).map((r) => r[0])).toEqual(['Items', 'ID', 'Nothing.']);
    expect(workbook.charts.get('Report: Test')).toEqual([]);
    expect(workbook.styles.get('Report: Test')!.numberFormats).toEqual([]);
  });

  it('refuses to write over a data tab, whatever its case', () => {
    const workbook = new MemoryWorkbook({ Members: [['Agency']] });
    expect(() => writeResultTab(workbook, 'members', sheet)).toThrow(
      'members is a data tab: a report or check never writes to it.',
    );
    expect(workbook.tabs.get('Members')).toEqual([['Agency']]);
    expect(workbook.calls.write).toBeUndefined();
  });

  it('clips sheet text as long as a cell holds (a 60,000-character ID), links included, instead of failing the write', () => {
    const workbook = new MemoryWorkbook();
    const long = `W-${'9'.repeat(60_000)}`;
    writeResultTab(workbook, 'Report: Test', {
      lines: [long],
      tables: [table({ rows: [[{ text: long, sheet: 'Workplan', row: 2 }, long, null, 1, null]] })],
      charts: [],
    });
    const longest = Math.max(
      ...workbook.tabs
        .get('Report: Test')!
        .flat()
        .map((c) => String(c).length),
    );
    expect(longest).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect([...workbook.links.values()].every((l) => l.text.length <= MAX_CELL_TEXT)).toBe(true);
  });
});
