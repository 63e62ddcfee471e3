/** How the benches sort the SpreadsheetApp calls a run made: reads of a tab, and calls that change the sheet. */

const READS = ['Range.getValues'];

/** Values, links, colours, clearing, formats, growing the sheet, tabs and charts. */
const WRITES = [
  'Range.setValues',
  'Range.setFormulas',
  'Range.setBackgrounds',
  'Range.setBackground',
  'Range.clearContent',
  'Range.clearFormat',
  'Range.clearDataValidations',
  'RangeList.setFontWeight',
  'RangeList.setNumberFormat',
  'Sheet.setColumnWidths',
  'Sheet.setFrozenRows',
  'Sheet.insertRowsAfter',
  'Sheet.insertSheet',
  'Sheet.insertChart',
  'Sheet.removeChart',
  'Spreadsheet.insertSheet',
];

export interface CallCounts {
  readonly reads: number;
  readonly writes: number;
  /** Every SpreadsheetApp call. */
  readonly spreadsheet: number;
}

export function countCalls(run: { readonly byMethod: Record<string, number>; readonly spreadsheet: number }): CallCounts {
  const sum = (names: readonly string[]) => names.reduce((n, m) => n + (run.byMethod[m] ?? 0), 0);
  return { reads: sum(READS), writes: sum(WRITES), spreadsheet: run.spreadsheet };
}
