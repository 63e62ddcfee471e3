/**
 * A report's tables as CSV, one file per table (RFC 4180: CRLF line ends, fields quoted where they hold
 * a comma, a quote or a line break), for a spreadsheet or a statistics tool. Numbers stay plain, their
 * unit in the header (`Budget (USD)`: dollars unrounded; `Progress (%)`: 75), days stay YYYY-MM-DD,
 * and a text that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`) gets a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import { csvHeader, csvText, type ReportTable } from '../../domain/reports';

export function tableCsv(table: ReportTable): string {
  const records = [
    table.columns.map(csvHeader),
    ...table.rows.map((r) => table.columns.map((c, j) => csvText(r[j] ?? null, c.kind))),
  ];
  if (table.totals !== null) records.push(table.columns.map((c, j) => csvText(table.totals?.[j] ?? null, c.kind)));
  // A byte order mark, so that Excel reads UTF-8 names (Cyrillic, Uzbek, accents) as they are.
  return stringify(records, { bom: true, record_delimiter: 'windows', escape_formulas: true });
}
