/**
 * The workbook port over the active spreadsheet. Every method makes a fixed number of SpreadsheetApp
 * calls whatever the rows: one getValues to read a tab, one setValues per rectangle, formats applied
 * to whole columns. Each call is a round trip to Google's servers, so nothing here loops over rows
 * calling the service.
 */
import { t } from '../domain/i18n';
import { rectangle } from '../domain/block';
import { columnLetter } from '../domain/codec';
import type {
  Cell,
  CellBlock,
  CellLink,
  ColumnLayout,
  ResultBlock,
  TabChart,
  TabLayout,
  TabStyle,
  WorkbookPort,
} from '../ports';
import type { AppliedMemo } from './memo';
import { zoneBridge, type ZoneBridge } from './zone';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const DATE_FORMAT = 'yyyy-mm-dd';
// @i18n-exempt: a number format of Sheets, not words
const TIMESTAMP_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const TEXT_FORMAT = '@';
const CELL_TEXT_LIMIT = 50_000;

/**
 * Sheets parses what a script writes as if a person typed it: `=`, `+`, `-` start formulas, and
 * "2026", "10.7", "TRUE", "2026-03-01", "March 2026" become numbers, booleans and dates (a leading
 * apostrophe would even be swallowed). A leading apostrophe keeps any text exactly as it is; Sheets
 * does not store or return the apostrophe itself.
 */
export function asText(value: string): string {
  return value === '' ? '' : `'${value}`;
}

/** The number format of a column kind; null leaves Sheets' automatic format. */
function numberFormatOf(column: AppliedColumn): string | null {
  switch (column.kind) {
    case 'date':
      return DATE_FORMAT;
    case 'timestamp':
      return TIMESTAMP_FORMAT;
    case 'number':
    case 'yesno':
      return null;
    default:
      return TEXT_FORMAT;
  }
}

interface Tab {
  readonly name: string;
  readonly sheet: Sheet;
  /** Whether Sheets said this execution that the sheet bears the name (else the memo of the sheets did). */
  sure: boolean;
  /** Its values were handed out this execution. */
  read?: boolean;
  size: { rows: number; columns: number } | null;
  /** Rows and columns the sheet is known to have without asking: what a read or a range reached. */
  reach: { rows: number; columns: number };
}

/** What the memo keeps of a sheet, by its place among the sheets: its name, its row 1's fingerprint and its sheet ID, when known. */
type Listed = [name: string, header: string | null, gid: number | null];

/** The spreadsheet's sheets in order, with what the memo or this execution knows of each. */
interface Listing {
  readonly sheets: Sheet[];
  readonly entries: Listed[];
  /** Every name was asked of Sheets this execution. */
  readonly sure: boolean;
}

/**
 * Rows a sheet grows by at least: a tab that takes one row at a time then grows, and extends its
 * layout to the new rows, once in this many appends rather than at each.
 */
export const GROWTH_ROWS = 500;

/** The column layout a memo keeps: what numberFormatOf and validationOf need. */
type AppliedColumn = Pick<ColumnLayout, 'column' | 'kind' | 'choices'>;

/**
 * One instance serves one execution: it remembers the sheets it has looked up and their size, so
 * that a run of scattered updates costs a getRange and a setValues per block and nothing more.
 */
export class GasWorkbook implements WorkbookPort {
  private resolved: Spreadsheet | null = null;
  private readonly find: () => Spreadsheet;
  private bridge: ZoneBridge | null = null;
  private readonly tabs = new Map<string, Tab>();
  /** See directory(): undefined until asked, null when tabs are looked up by name. */
  private listing: Listing | null | undefined = undefined;
  private unflushed = false;

  /**
   * Without a spreadsheet, the active one, looked up on first use (never while the script loads).
   * With a memo, a layout already applied to a tab is not sent again.
   */
  constructor(
    spreadsheet?: Spreadsheet | (() => Spreadsheet),
    private readonly memo?: AppliedMemo,
  ) {
    this.find =
      typeof spreadsheet === 'function' ? spreadsheet : () => spreadsheet ?? SpreadsheetApp.getActiveSpreadsheet();
  }

  private get spreadsheet(): Spreadsheet {
    this.resolved ??= this.find();
    return this.resolved;
  }

  /** Between the spreadsheet's time zone and the script's: looked up once, on first use. */
  get zones(): ZoneBridge {
    this.bridge ??= zoneBridge(this.spreadsheet.getSpreadsheetTimeZone(), Session.getScriptTimeZone());
    return this.bridge;
  }

  /**
   * Every sheet in one call, each named by the memo of the sheets as they stood when last named (by
   * tabNames, which setup calls): a lookup by name is a call per tab, and a command reads a dozen
   * tabs. A name the memo gave is checked before anything is written to its sheet (getName), and a
   * read against the header row remembered with it: a tab renamed, moved or replaced since is then
   * looked up by name. Without a memo, or when the number of sheets changed, every tab is looked up
   * by name until setup names them again.
   */
  private directory(): Listing | null {
    if (this.listing !== undefined) return this.listing;
    const text = this.memo?.value('tabs', '');
    if (text === undefined) return (this.listing = null);
    const sheets = this.spreadsheet.getSheets();
    const entries = JSON.parse(text) as Listed[];
    if (entries.length === sheets.length) return (this.listing = { sheets, entries, sure: false });
    this.memo?.forget('tabs', '');
    return (this.listing = null);
  }

  /** The listing of these sheets with the names Sheets gives them, what is known of each kept by name. */
  private named(sheets: Sheet[], known: readonly Listed[]): Listing {
    const entries = sheets.map((sheet): Listed => {
      const name = sheet.getName();
      const was = known.find((e) => e[0] === name);
      return [name, was?.[1] ?? null, was?.[2] ?? null];
    });
    this.listing = { sheets, entries, sure: true };
    this.remember();
    return this.listing;
  }

  private remember(): void {
    if (this.listing) this.memo?.remember('tabs', '', JSON.stringify(this.listing.entries));
  }

  /** The memo of the sheets no longer says where they are: this execution looks tabs up by name, the next names them all again. */
  private unlisted(): void {
    this.memo?.forget('tabs', '');
    this.listing = null;
    for (const [name, found] of this.tabs) if (!found.sure) this.tabs.delete(name);
  }

  private entry(tab: string): Listed | undefined {
    return this.listing?.entries.find((e) => e[0] === tab);
  }

  private lookup(tab: string): Tab | null {
    const cached = this.tabs.get(tab);
    if (cached) return cached;
    const listing = this.directory();
    const at = listing?.entries.findIndex((e) => e[0] === tab) ?? -1;
    let found: Tab;
    if (listing && at >= 0) {
      found = { name: tab, sheet: listing.sheets[at]!, sure: listing.sure, size: null, reach: { rows: 0, columns: 0 } };
    } else {
      if (listing?.sure) return null;
      const sheet = this.spreadsheet.getSheetByName(tab);
      if (!sheet) return null;
      // A tab the memo of the sheets does not know: it is out of date.
      if (listing) this.unlisted();
      found = { name: tab, sheet, sure: true, size: null, reach: { rows: 0, columns: 0 } };
    }
    this.tabs.set(tab, found);
    return found;
  }

  /**
   * The tab, its name asked of Sheets when only the memo gave it; null when there is no such tab.
   * A name the memo had wrong stops the command when it read any tab by the memo: what it read may
   * be another tab's, so it writes nothing, and the next run looks every tab up by name.
   */
  private confirmed(tab: string): Tab | null {
    const found = this.lookup(tab);
    if (found === null || found.sure) return found;
    if (found.sheet.getName() === tab) {
      found.sure = true;
      return found;
    }
    const misread = [...this.tabs.values()].some((t) => t.read && !t.sure);
    this.unlisted();
    if (misread) throw new Error(t('app.workbook.tabs-renamed'));
    return this.lookup(tab);
  }

  /** The sheet of a tab, looked up once per execution; null when there is no such tab. */
  sheet(tab: string): Sheet | null {
    return this.confirmed(tab)?.sheet ?? null;
  }

  /** The sheet ID of a tab by name, asked once per tab (the memo of the sheets keeps it); null for a tab that is gone. */
  private gids(): (tab: string) => number | null {
    const gids = new Map<string, number | null>();
    return (tab) => {
      if (!gids.has(tab)) {
        const listed = this.entry(tab);
        const gid = listed?.[2] ?? this.lookup(tab)?.sheet.getSheetId() ?? null;
        if (listed && listed[2] === null && gid !== null) {
          listed[2] = gid;
          this.remember();
        }
        gids.set(tab, gid);
      }
      return gids.get(tab) ?? null;
    };
  }

  private tab(tab: string): Tab {
    const found = this.confirmed(tab);
    if (!found) throw new Error(t('app.workbook.no-tab', { tab }));
    return found;
  }

  private size(tab: Tab): { rows: number; columns: number } {
    tab.size ??= { rows: tab.sheet.getMaxRows(), columns: tab.sheet.getMaxColumns() };
    return tab.size;
  }

  /**
   * The range of a block, the sheet grown first when the block reaches past its last row or column
   * (getRange refuses such ranges). Within what a read or an earlier range reached it costs the
   * getRange alone; past it, the getRange is tried before the sheet's size is asked.
   */
  private range(tab: Tab, row: number, column: number, rows: number, columns: number): Range {
    const lastRow = row + rows - 1;
    const lastColumn = column + columns - 1;
    const known = tab.size ?? tab.reach;
    if (lastRow > known.rows || lastColumn > known.columns) {
      if (tab.size === null) {
        try {
          const range = tab.sheet.getRange(row, column, rows, columns);
          tab.reach = { rows: Math.max(tab.reach.rows, lastRow), columns: Math.max(tab.reach.columns, lastColumn) };
          return range;
        } catch (error) {
          const size = this.size(tab);
          if (lastRow <= size.rows && lastColumn <= size.columns) throw error;
        }
      }
      this.grow(tab, lastRow, lastColumn);
    }
    return tab.sheet.getRange(row, column, rows, columns);
  }

  /** Grows the sheet to reach a row and column: rows by GROWTH_ROWS at least, given the layout setup applied to the rows above. */
  private grow(tab: Tab, lastRow: number, lastColumn: number): void {
    const size = this.size(tab);
    if (lastColumn > size.columns) {
      // A layout applied before names the columns that were there: the next setup applies it again.
      this.memo?.forget('layout', tab.name);
      tab.sheet.insertColumnsAfter(size.columns, lastColumn - size.columns);
      size.columns = lastColumn;
    }
    if (lastRow > size.rows) {
      const added = Math.max(lastRow - size.rows, GROWTH_ROWS);
      tab.sheet.insertRowsAfter(size.rows, added);
      const applied = this.memo?.value('layout', tab.name);
      if (applied !== undefined) {
        const columns = (JSON.parse(applied) as [number, ColumnLayout['kind'], string[]][]).map(
          ([c, kind, choices]): AppliedColumn => ({ column: c, kind, choices }),
        );
        layOut(tab.sheet, columns, size.rows + 1, added);
      }
      size.rows += added;
    }
  }

  hasTab(tab: string): boolean {
    return this.lookup(tab) !== null;
  }

  tabNames(): string[] {
    const sheets = this.spreadsheet.getSheets();
    if (!this.memo) return sheets.map((s) => s.getName());
    const listing = this.named(sheets, this.listing?.entries ?? []);
    for (const [name, found] of this.tabs) if (!found.sure) this.tabs.delete(name);
    return listing.entries.map((e) => e[0]);
  }

  read(tab: string): Cell[][] | null {
    const found = this.lookup(tab);
    if (!found) return null;
    const values = this.valuesOf(found);
    const header = fingerprint(JSON.stringify(values[0] ?? []));
    const listed = this.entry(tab);
    if (!found.sure && listed?.[1] !== header) {
      const checked = this.confirmed(tab);
      if (checked !== found) return checked === null ? null : this.read(tab);
    }
    found.read = true;
    if (listed && listed[1] !== header) {
      listed[1] = header;
      this.remember();
    }
    return this.cellsOf(values);
  }

  /** Every value of the sheet's used range, in one call. */
  private valuesOf(found: Tab): Cell[][] {
    // One call: -1 counts reach the last row and column with data. A sheet without any has no such
    // row, and Sheets refuses the count; its data range is then the one blank cell A1.
    let values: Cell[][];
    try {
      values = found.sheet.getSheetValues(1, 1, -1, -1) as Cell[][];
    } catch {
      values = found.sheet.getDataRange().getValues() as Cell[][];
    }
    found.reach = {
      rows: Math.max(found.reach.rows, values.length),
      columns: Math.max(found.reach.columns, values[0]?.length ?? 0),
    };
    return values;
  }

  /** The values as the port hands them: [] for an empty sheet, dates in the spreadsheet's zone. */
  private cellsOf(values: Cell[][]): Cell[][] {
    if (
      values.every((row) => row.length === 0) ||
      (values.length === 1 && values[0]!.length === 1 && values[0]![0] === '')
    )
      return [];
    let zones: ZoneBridge | null = null;
    for (const row of values) {
      for (let i = 0; i < row.length; i++) {
        const cell = row[i];
        if (cell instanceof Date) row[i] = (zones ??= this.zones).fromSheet(cell);
      }
    }
    return values;
  }

  write(tab: string, row: number, column: number, values: Cell[][]): void {
    this.unflushed = true;
    const { rows, columns } = rectangle(values, `write to ${tab}`);
    values.forEach((line, i) =>
      line.forEach((cell, j) => {
        // Google's own error names no cell; this one says where, before anything is written.
        if (typeof cell === 'string' && cell.length > CELL_TEXT_LIMIT) {
          throw new Error(
            t('app.workbook.too-long', {
              cell: `${tab}!${columnLetter(column + j)}${row + i}`,
              length: cell.length,
              limit: CELL_TEXT_LIMIT,
            }),
          );
        }
      }),
    );
    const range = this.range(this.tab(tab), row, column, rows, columns);
    let zones: ZoneBridge | null = null;
    const cells = values.map((r) =>
      r.map((cell) =>
        typeof cell === 'string' ? asText(cell) : cell instanceof Date ? (zones ??= this.zones).toSheet(cell) : cell,
      ),
    );
    range.setValues(cells);
  }

  writeLinks(tab: string, row: number, column: number, links: (CellLink | null)[][]): void {
    this.unflushed = true;
    // @i18n-exempt: completes rectangle's programming-error message, for the log
    const { rows, columns } = rectangle(links, `write links to ${tab}`);
    const range = this.range(this.tab(tab), row, column, rows, columns);
    const gid = this.gids();
    // HYPERLINK formulas go in one setFormulas call; rich-text links would need a builder call per row.
    range.setFormulas(links.map((line) => line.map((link) => (link ? linkFormula(link, gid(link.sheet)) : ''))));
  }

  paint(tab: string, row: number, column: number, colors: (string | null)[][]): void {
    this.unflushed = true;
    const { rows, columns } = rectangle(colors, `colour ${tab}`);
    this.range(this.tab(tab), row, column, rows, columns).setBackgrounds(colors as string[][]);
  }

  clearFrom(tab: string, fromRow: number): void {
    this.unflushed = true;
    // @i18n-exempt: a row number below 1 is a programming error, for the log
    if (fromRow < 1) throw new Error(`Cannot clear ${tab} from row ${fromRow}: rows start at 1.`);
    const found = this.tab(tab);
    const size = this.size(found);
    if (fromRow > size.rows) return;
    const range = found.sheet.getRange(fromRow, 1, size.rows - fromRow + 1, size.columns);
    range.clearContent();
    range.setBackground(null);
  }

  addTab(tab: string, position?: number): void {
    this.unflushed = true;
    const listing = this.directory();
    const count = listing?.sheets.length ?? this.spreadsheet.getNumSheets();
    const at = Math.max(0, Math.min(position ?? count, count));
    const sheet = this.spreadsheet.insertSheet(tab, at);
    this.tabs.set(tab, { name: tab, sheet, sure: true, size: null, reach: { rows: 0, columns: 0 } });
    if (listing) {
      listing.sheets.splice(at, 0, sheet);
      listing.entries.splice(at, 0, [tab, null, null]);
      this.remember();
    }
    this.memo?.forget('layout', tab);
    this.memo?.forget('result', tab);
  }

  removeEmptyTab(tab: string): void {
    this.unflushed = true;
    const found = this.tab(tab);
    if (found.sheet.getLastRow() > 0 || found.sheet.getLastColumn() > 0)
      throw new Error(t('app.workbook.not-empty', { tab }));
    this.spreadsheet.deleteSheet(found.sheet);
    this.tabs.delete(tab);
    const at = this.listing?.sheets.indexOf(found.sheet) ?? -1;
    if (this.listing && at >= 0) {
      this.listing.sheets.splice(at, 1);
      this.listing.entries.splice(at, 1);
      this.remember();
    } else this.unlisted();
  }

  flush(): void {
    SpreadsheetApp.flush();
    this.unflushed = false;
  }

  /** Whether anything was written since the last flush: the lock flushes before it lets go only then. */
  get hasUnflushedWrites(): boolean {
    return this.unflushed;
  }

  /** A write made beside this port (protection) that the next flush must cover. */
  markWritten(): void {
    this.unflushed = true;
  }

  format(tab: string, layout: TabLayout): void {
    const found = this.tab(tab);
    const lastColumn = Math.max(0, ...layout.columns.map((c) => c.column));
    // Widths are set only on new columns, which change the layout anyway: they are not part of it.
    const applied = JSON.stringify(layout.columns.map((c) => [c.column, c.kind, c.choices]));
    if (this.memo?.matches('layout', tab, applied)) return;
    this.unflushed = true;
    const { sheet } = found;
    const size = this.size(found);
    if (size.rows < 2 || size.columns < lastColumn) this.grow(found, 2, lastColumn);
    layOut(sheet, layout.columns, 2, size.rows - 1);
    for (const run of alike(
      layout.columns.filter((c) => c.width !== null),
      (c) => String(c.width),
    )) {
      sheet.setColumnWidths(run[0]!.column, run.length, run[0]!.width!);
    }
    if (lastColumn > 0) sheet.getRange(1, 1, 1, lastColumn).setFontWeight('bold');
    sheet.setFrozenRows(1);
    this.memo?.remember('layout', tab, applied);
  }

  /** One call per kind of look (a range list holds any number of blocks), whatever the rows. */
  style(tab: string, style: TabStyle): void {
    this.unflushed = true;
    const found = this.tab(tab);
    const { sheet } = found;
    const size = this.size(found);
    const whole = sheet.getRange(1, 1, size.rows, size.columns);
    whole.clearFormat();
    whole.clearDataValidations();
    if (style.bold.length > 0) sheet.getRangeList(style.bold.map(a1)).setFontWeight('bold');
    for (const { format, blocks } of style.numberFormats) {
      if (blocks.length > 0) sheet.getRangeList(blocks.map(a1)).setNumberFormat(format);
    }
    for (const run of alike(style.widths, (c) => String(c.width)))
      sheet.setColumnWidths(run[0]!.column, run.length, run[0]!.width);
    sheet.setFrozenRows(style.frozenRows);
  }

  /**
   * One block of values (links as HYPERLINK formulas among them) and, where they changed, its
   * colours on the same range. The look (formats, widths, frozen rows, charts) and the colours are
   * applied again only when they differ from what the memo says this tab got last; rows and columns
   * the last result used and this one does not are blanked in the same block. Without a memo of the
   * tab (a new tab, a lost memo) the tab is cleared and styled whole first.
   */
  writeResult(tab: string, result: ResultBlock): void {
    this.unflushed = true;
    const added = !this.hasTab(tab);
    if (added) this.addTab(tab);
    const found = this.tab(tab);
    const look = fingerprint(JSON.stringify([result.style, result.charts]));
    const colours = fingerprint(
      JSON.stringify(
        result.fills.flatMap((line, r) => line.flatMap((fill, c) => (fill === null ? [] : [[r, c, fill]]))),
      ),
    );
    const { rows, columns } = rectangle(result.values as Cell[][], `write to ${tab}`);
    const text = this.memo?.value('result', tab);
    const last = text === undefined ? null : (JSON.parse(text) as WrittenResult);
    const same = last !== null && last.look === look;
    if (!same) {
      if (!added) this.clearFrom(tab, 1);
      // The look's ranges reach the block's last row: a new sheet (1,000 rows) grows first.
      const size = this.size(found);
      if (rows > size.rows || columns > size.columns) this.grow(found, rows, columns);
      this.style(tab, result.style);
    }
    const height = same ? Math.max(rows, last.rows) : rows;
    const width = same ? Math.max(columns, last.columns) : columns;
    const gid = this.gids();
    let zones: ZoneBridge | null = null;
    const cells: unknown[][] = [];
    const fills: (string | null)[][] = [];
    for (let r = 0; r < height; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < width; c++) {
        const link = result.links[r]?.[c] ?? null;
        const cell = result.values[r]?.[c] ?? '';
        if (typeof cell === 'string' && cell.length > CELL_TEXT_LIMIT)
          throw new Error(
            t('app.workbook.too-long', {
              cell: `${tab}!${columnLetter(c + 1)}${r + 1}`,
              length: cell.length,
              limit: CELL_TEXT_LIMIT,
            }),
          );
        line.push(
          link !== null
            ? linkFormula(link, gid(link.sheet))
            : typeof cell === 'string'
              ? asText(cell)
              : cell instanceof Date
                ? (zones ??= this.zones).toSheet(cell)
                : cell,
        );
      }
      cells.push(line);
      fills.push(Array.from({ length: width }, (_, c) => result.fills[r]?.[c] ?? null));
    }
    const range = this.range(found, 1, 1, height, width);
    range.setValues(cells);
    // A tab cleared or styled just now has no colours left: only colours are then painted.
    if (same ? last.colours !== colours : fills.some((line) => line.some((f) => f !== null)))
      range.setBackgrounds(fills as string[][]);
    if (!same) this.chart(tab, result.charts);
    this.memo?.remember('result', tab, JSON.stringify({ look, colours, rows, columns } satisfies WrittenResult));
  }

  chart(tab: string, charts: readonly TabChart[]): void {
    this.unflushed = true;
    const { sheet } = this.tab(tab);
    for (const old of sheet.getCharts()) sheet.removeChart(old);
    for (const chart of charts) {
      let builder = sheet.newChart().asColumnChart().setTitle(chart.title).setNumHeaders(1);
      for (const block of chart.ranges) builder = builder.addRange(sheet.getRange(a1(block)));
      sheet.insertChart(builder.setPosition(chart.anchor.row, chart.anchor.column, 0, 0).build());
    }
  }
}

/**
 * Number formats, dropdowns and checkboxes of columns over `rows` rows from `fromRow`. Adjacent
 * columns that look alike share one range: the calls depend on the columns, never the rows.
 */
function layOut(sheet: Sheet, columns: readonly AppliedColumn[], fromRow: number, rows: number): void {
  const rules = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation | null>();
  for (const run of alike(columns, (c) => `${numberFormatOf(c)}|${validationKey(c)}`)) {
    const first = run[0]!;
    const range = sheet.getRange(fromRow, first.column, rows, run.length);
    const format = numberFormatOf(first);
    if (format !== null) range.setNumberFormat(format);
    const key = validationKey(first);
    if (!rules.has(key)) rules.set(key, validationOf(first));
    // Also clears a rule left behind when columns were reordered and another column stood here.
    range.setDataValidation(rules.get(key) ?? null);
  }
}

/** What the memo keeps of the last result written to a tab: fingerprints of its look and colours, and its size. */
interface WrittenResult {
  readonly look: string;
  readonly colours: string;
  readonly rows: number;
  readonly columns: number;
}

/** A 53-bit hash of a text (cyrb53), to tell what a tab got last without keeping all of it in the properties. */
function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function a1(block: CellBlock): string {
  const end = `${columnLetter(block.column + block.columns - 1)}${block.row + block.rows - 1}`;
  return `${columnLetter(block.column)}${block.row}:${end}`;
}

/** Runs of adjacent columns (consecutive column numbers) that share a key, in column order. */
function alike<T extends { readonly column: number }>(columns: readonly T[], key: (c: T) => string): T[][] {
  const out: T[][] = [];
  for (const column of [...columns].sort((a, b) => a.column - b.column)) {
    const run = out[out.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.column + 1 === column.column && key(last) === key(column)) run.push(column);
    else out.push([column]);
  }
  return out;
}

/** Columns with the same key take the same validation rule. */
function validationKey(column: AppliedColumn): string {
  if (column.kind === 'choice' && column.choices.length > 0) return `choice:${column.choices.join('\u0000')}`;
  return column.kind === 'yesno' || column.kind === 'date' ? column.kind : 'none';
}

/**
 * Dropdowns and checkboxes warn rather than reject: a row a person typed wrong stays as it is (the
 * check reports it), and writing the rest of that row must not fail because of it.
 */
function validationOf(column: AppliedColumn): GoogleAppsScript.Spreadsheet.DataValidation | null {
  if (column.kind === 'choice' && column.choices.length > 0) {
    return SpreadsheetApp.newDataValidation()
      .requireValueInList([...column.choices], true)
      .setAllowInvalid(true)
      .setHelpText(
        t('validate.help.choice', {
          choices: column.choices.map((value) => t('validate.value', { value })).join(', '),
        }),
      )
      .build();
  }
  if (column.kind === 'yesno') {
    return SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(true).build();
  }
  if (column.kind === 'date') {
    return SpreadsheetApp.newDataValidation()
      .requireDate()
      .setAllowInvalid(true)
      .setHelpText(t('validate.help.date'))
      .build();
  }
  return null;
}

/** A formula literal: a whole number as itself (the cell stays numeric), anything else as quoted text. */
function formulaLiteral(text: string): string {
  return /^\d{1,15}$/.test(text) ? text : `"${text.replace(/"/g, '""')}"`;
}

/** A link to a row of another tab; a tab that is gone gets the text alone rather than a link to nowhere. */
function linkFormula(link: CellLink, gid: number | null): string {
  const label = formulaLiteral(link.text);
  // @i18n-exempt: a formula, not words
  return gid === null ? `=${label}` : `=HYPERLINK("#gid=${gid}&range=A${link.row}", ${label})`;
}
