/**
 * A report's tables as CSV, one file per table (RFC 4180: CRLF line ends, fields quoted where they hold
 * a comma, a quote or a line break), for a spreadsheet or a statistics tool. Numbers stay numbers
 * (shares as 0.75, dollars unrounded), days stay YYYY-MM-DD, and a text that a spreadsheet would take
 * for a formula (`=`, `+`, `-`, `@`) gets a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import { plainText, type ReportTable } from '../../domain/reports';

export function tableCsv(table: ReportTable): string {
  const records = [
    table.columns.map((c) => c.header),
    ...table.rows.map((r) => table.columns.map((_, j) => plainText(r[j] ?? null))),
  ];
  if (table.totals !== null) records.push(table.columns.map((_, j) => plainText(table.totals?.[j] ?? null)));
  // A byte order mark, so that Excel reads UTF-8 names (Cyrillic, Uzbek, accents) as they are.
  return stringify(records, { bom: true, record_delimiter: 'windows', escape_formulas: true });
}
