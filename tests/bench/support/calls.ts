/** How the benches sort the SpreadsheetApp calls a run made: reads of a tab, and calls that change the spreadsheet. */

const READS = ['Range.getValues', 'Sheet.getSheetValues'];

/** The classes whose calls reach the spreadsheet itself: builders only assemble what one of these applies. */
const SHEET_CLASSES = new Set(['Spreadsheet', 'Sheet', 'Range', 'RangeList', 'Protection', 'EmbeddedChart']);

/** Values, links, colours, clearing, formats, validation, protection, growing the sheet, tabs and charts; not the view (activate). */
const CHANGES =
  /^(set(?!Active)|insert|clear|delete|remove|add|protect|hide|show|append|autoResize|copy|rename|merge|sort)/;

export function isWrite(method: string): boolean {
  const [cls = '', name = ''] = method.split('.');
  return SHEET_CLASSES.has(cls) && CHANGES.test(name);
}

export interface CallCounts {
  readonly reads: number;
  readonly writes: number;
  /** Every SpreadsheetApp call. */
  readonly spreadsheet: number;
}

export function countCalls(run: {
  readonly byMethod: Record<string, number>;
  readonly spreadsheet: number;
}): CallCounts {
  const entries = Object.entries(run.byMethod);
  const sum = (keep: (method: string) => boolean) => entries.reduce((n, [m, c]) => n + (keep(m) ? c : 0), 0);
  return { reads: sum((m) => READS.includes(m)), writes: sum(isWrite), spreadsheet: run.spreadsheet };
}
