/** The CSV of a report table: RFC 4180 quoting and line ends, plain figures with their unit in the header, formulas kept as text. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../../src/domain/reports';
import { tableCsv } from '../../../src/node/reports/csv';

const table: ReportTable = {
  id: 'items',
  title: 'Items',
  columns: [
    { header: 'ID', kind: 'link' },
    { header: 'Key action', kind: 'text' },
    { header: 'End', kind: 'date' },
    { header: 'Budget', kind: 'money' },
    { header: 'Progress', kind: 'percent' },
  ],
  rows: [
    [{ text: 'W-2026-01', sheet: 'Workplan', row: 2 }, 'Survey, "phase 2"\nand report', '2026-06-30', 10000.5, 0.55],
    [{ text: 'W-2026-02', sheet: 'Workplan', row: 3 }, '=HYPERLINK("http://example.org")', null, null, null],
  ],
  totals: ['Total', null, null, 10000.5, null],
  note: '',
  empty: '',
};

describe('tableCsv', () => {
  it('quotes commas, quotes and line breaks, ends records with CRLF and starts with a byte order mark', () => {
    const csv = tableCsv(table);
    expect(csv.startsWith('\ufeffID,Key action,End,Budget (USD),Progress (%)\r\n')).toBe(true);
    expect(csv).toContain('W-2026-01,"Survey, ""phase 2""\nand report",2026-06-30,10000.5,55\r\n');
    expect(csv.endsWith('Total,,,10000.5,\r\n')).toBe(true);
  });

  it("reads back as the table's text, a formula kept as text behind an apostrophe", () => {
    const rows = parse(tableCsv(table), { bom: true }) as string[][];
    expect(rows).toEqual([
      ['ID', 'Key action', 'End', 'Budget (USD)', 'Progress (%)'],
      ['W-2026-01', 'Survey, "phase 2"\nand report', '2026-06-30', '10000.5', '55'],
      ['W-2026-02', `'=HYPERLINK("http://example.org")`, '', '', ''],
      ['Total', '', '', '10000.5', ''],
    ]);
  });
});
