/**
 * The values of an .xlsx workbook, read straight from its XML with the parser exceljs uses (saxes)
 * and interpreted as exceljs interprets them (shared strings, the number formats that make a number
 * a date, the 1904 calendar, merged cells, formulas' cached results), without building an object per
 * cell and per style: a network's workbook of a hundred thousand rows reads in seconds, not a minute.
 * With the values comes where each row lies in its sheet's XML, so that a save that only changed
 * values can rewrite those rows and leave the rest of the file as it was (patch.ts).
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { clipText } from '../../domain/cells';
import { reach } from '../../domain/codec';
import type { Cell } from '../../ports';
import { BUILT_IN_FORMATS, columnOf, dateOfSerial, isDateFormat, localOf, sheetsName } from './codec';
import type { Parts } from './guard';

/** A row element of a sheet's XML: its number and its characters [start, end). */
export interface RowSpan {
  readonly row: number;
  readonly start: number;
  readonly end: number;
}

/** A range of columns that a `<col>` gives a style to. */
export interface ColumnStyle {
  readonly min: number;
  readonly max: number;
  readonly style: number;
}

/** Where things lie in a sheet's XML, as character offsets of its text. */
export interface SheetLayout {
  /** The row elements in file order. */
  readonly rows: readonly RowSpan[];
  /** Where a row after the last one goes: the start of `</sheetData>`; -1 when the sheet has `<sheetData/>`. */
  readonly dataEnd: number;
  /** The span of an empty `<sheetData/>`, which a first row replaces. */
  readonly emptyData: { readonly start: number; readonly end: number } | null;
  /** The span of `<dimension ref="…"/>`, the used range the file declares. */
  readonly dimension: { readonly start: number; readonly end: number } | null;
  readonly columnStyles: readonly ColumnStyle[];
  /** Whether every row and cell names its place (`r="…"`) in ascending order, so that one can be added or rewritten alone. */
  readonly addressed: boolean;
}

export interface SheetValues {
  /** The tab's name as Sheets spells it. */
  readonly name: string;
  /** The sheet's part in the zip (`xl/worksheets/sheet3.xml`). */
  readonly part: string;
  /** Every value of the used range, header row first: what WorkbookPort.read returns. */
  readonly grid: Cell[][];
  readonly layout: SheetLayout;
}

/** A sheet as parsed: its values by row (a sparse array), and its size as exceljs would hold it (styled cells too). */
export interface SheetRead<S = never> {
  readonly rows: (Cell | S)[][];
  readonly cells: number;
  readonly layout: SheetLayout;
}

/** The number format of each cell style (`s="3"` is entry 3), null for none. */
export interface Styles {
  readonly formats: readonly (string | null)[];
  /** The custom formats by id, as declared. */
  readonly custom: ReadonlyMap<number, string>;
}

export interface WorkbookValues {
  readonly sheets: SheetValues[];
  readonly date1904: boolean;
  readonly styles: Styles;
}

/** Where the tag that ends just before a position of the XML begins. */
export type TagStart = (position: number) => number;

export interface Handlers {
  open?: (tag: SaxesTagPlain, position: number, tagStart: TagStart) => void;
  close?: (name: string, position: number, tagStart: TagStart) => void;
  text?: (text: string) => void;
}

/**
 * How much of a part's bytes saxes is given at a time: text well under V8's 128 KB for a young object,
 * so that each piece dies young. Pieces of a megabyte were each made in the old space, and a check at
 * 1,000 times the example marked it whole eighteen times to let go of them; with these, ten.
 */
const CHUNK_BYTES = 64 * 1024;
const LESS_THAN = 0x3c;

/**
 * An XML parser fed a part's bytes in pieces that may end anywhere: they are decoded and given to
 * saxes about CHUNK_BYTES at a time, each cut just before a `<`, a byte no multi-byte character holds,
 * so that the text decodes exactly as the whole would and a tag never straddles two writes. Handlers
 * get the position (in characters of the text) just after the tag. Like exceljs, it does not close
 * the document: a part cut short reads as far as it goes. Throws at the first fault of the XML.
 */
export class XmlFeed {
  private readonly parser = new SaxesParser();
  /** The bytes given and not yet parsed: after the last `<` of the text parsed so far. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Where the last `<` of the pending bytes is; -1 when they hold none. */
  private lastLessThan = -1;
  /** The text last written to saxes, and the characters written before it. */
  private text = '';
  private offset = 0;

  constructor(on: Handlers) {
    const start: TagStart = (position) => this.offset + this.text.lastIndexOf('<', position - this.offset - 1);
    const { open, close, text } = on;
    const parser = this.parser;
    if (open) parser.on('opentag', (tag) => open(tag as SaxesTagPlain, parser.position, start));
    if (close) parser.on('closetag', (tag) => close(tag.name, parser.position, start));
    if (text) parser.on('text', text);
  }

  push(bytes: Buffer): void {
    const at = bytes.lastIndexOf(LESS_THAN);
    if (at >= 0) this.lastLessThan = this.pendingBytes + at;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    // Text without a `<` (a long string) only gathers: nothing is joined or searched again until one comes.
    if (this.pendingBytes < CHUNK_BYTES || this.lastLessThan <= 0) return;
    const all = this.pending.length === 1 ? bytes : Buffer.concat(this.pending, this.pendingBytes);
    this.write(all.toString('utf8', 0, this.lastLessThan));
    const rest = all.subarray(this.lastLessThan);
    this.pending = [rest];
    this.pendingBytes = rest.length;
    // The rest begins with that `<`: a cut there would write nothing.
    this.lastLessThan = 0;
  }

  end(): void {
    const all = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.lastLessThan = -1;
    if (all.length > 0) this.write(all.toString('utf8'));
  }

  /** The whole text at once: a part already decoded. */
  writeAll(xml: string): void {
    this.write(xml);
  }

  private write(text: string): void {
    this.offset += this.text.length;
    this.text = text;
    this.parser.write(text);
  }
}

/** Feeds a whole part to saxes as XmlFeed does, CHUNK_BYTES at a time when it is bytes. */
export function parseXml(xml: string | Buffer, on: Handlers): void {
  const feed = new XmlFeed(on);
  if (typeof xml === 'string') return feed.writeAll(xml);
  for (let from = 0; from < xml.length; from += CHUNK_BYTES) feed.push(xml.subarray(from, from + CHUNK_BYTES));
  feed.end();
}

/** Where the tag that ends just before `position` begins: a `<` never stands inside a tag. */
export function tagStart(xml: string, position: number): number {
  return xml.lastIndexOf('<', position - 1);
}

/** exceljs decodes the five XML entities once more in `t="str"` cells and in tab names. */
function xmlDecode(text: string): string {
  return text.replace(
    /&([a-z]*);/g,
    (entity, name: string) => ({ lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' })[name] ?? entity,
  );
}

/** Excel spells a character XML cannot hold as _xHHHH_ inside shared strings and rich text runs. */
function decodeEscapes(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

const attribute = (tag: SaxesTagPlain, name: string): string | undefined => tag.attributes[name];

function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let text: string | null = null;
  let runs: string[] | null = null;
  /** The text of the `<t>` being read, in the pieces saxes gives (most are one); null outside one. */
  let collecting: string | null = null;
  let inRun = false;
  let phonetic = 0;
  parseXml(xml, {
    open(tag) {
      switch (tag.name) {
        case 'si':
          text = null;
          runs = null;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 'r':
          inRun = true;
          break;
        case 't':
          if (phonetic === 0) collecting = '';
          break;
      }
    },
    text(chunk) {
      if (collecting !== null) collecting = collecting === '' ? chunk : collecting + chunk;
    },
    close(name) {
      switch (name) {
        case 't':
          if (collecting === null) break;
          if (inRun) (runs ??= []).push(decodeEscapes(collecting));
          // A <t> of the item itself wins over its runs, as exceljs keeps it.
          else text = decodeEscapes(collecting);
          collecting = null;
          break;
        case 'r':
          inRun = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'si':
          strings.push(text ?? runs?.join('') ?? '');
          break;
      }
    },
  });
  return strings;
}

function readStyles(xml: string | undefined): Styles {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  if (xml !== undefined) {
    let within: 'numFmts' | 'cellXfs' | null = null;
    parseXml(xml, {
      open(tag) {
        if (tag.name === 'numFmts' || tag.name === 'cellXfs') within = tag.name;
        else if (within === 'numFmts' && tag.name === 'numFmt') {
          custom.set(
            parseInt(attribute(tag, 'numFmtId') ?? '', 10),
            (attribute(tag, 'formatCode') ?? '').replace(/[\\](.)/g, '$1'),
          );
        } else if (within === 'cellXfs' && tag.name === 'xf') ids.push(parseInt(attribute(tag, 'numFmtId') ?? '', 10));
      },
      close(name) {
        if (name === within) within = null;
      },
    });
  }
  const formats = ids.map((id) => (id ? (custom.get(id) ?? BUILT_IN_FORMATS[id] ?? null) : null));
  return { formats, custom };
}

/**
 * What a sheet is read with. `S` stands for a shared string where the strings are not at hand: the
 * worker that reads sheets beside the command (sheet-thread.ts) gives their indexes, not their text.
 */
export interface SheetContext<S = never> {
  /** The value of a cell that names shared string `index`: its text, '' when there is none. */
  readonly shared: (index: number) => Cell | S;
  /** Whether cell style i shows dates. */
  readonly dates: readonly boolean[];
  readonly date1904: boolean;
  /** The time of the local Date of each whole serial read so far (NaN for none): the same days recur in every tab. */
  readonly days: Map<number, number>;
}

/** A value as `getValues()` gives it: '' for nothing, an error or a date that is no date. */
function plain(value: Cell | undefined): Cell {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : localOf(value);
  return value;
}

/**
 * The most characters a Google Sheets cell holds: a longer text (which Excel cannot write either)
 * reads as Sheets would have kept it, so that one text used in many rows cannot make every
 * computation on them as large as the text times the rows.
 */
export const SHEETS_CELL_TEXT = 50_000;

/** The most cells a row is made room for before its cells are read. */
export const ROW_HINT = 64;

const enum Target {
  None,
  Value,
  Formula,
  Run,
}

/** Where a sheet's rows go when they are given as read: each that holds a value, by its number. */
export type RowSink<S = never> = (number: number, cells: (Cell | S)[]) => void;

/**
 * A sheet whose rows cannot be given as they are read: they are not in ascending order, or a merge
 * (which follows the rows) blanks some of their cells. It is read again whole.
 */
export class RowsNotInOrder extends Error {
  override readonly name = 'RowsNotInOrder';

  constructor() {
    // @i18n-exempt: caught by the reader, which reads the sheet again as a grid.
    super('The rows of the sheet cannot be given as they are read');
  }
}

/**
 * The reading of one sheet: handlers for its XML, then its values by row (a sparse array) and its
 * layout, whose rows only a save needs (a command that only reads leaves them out: an object per row).
 * With a sink, each row goes to it as it closes and none is kept; RowsNotInOrder is thrown where that
 * would not give what the grid does.
 */
export function sheetReading<S = never>(
  context: SheetContext<S>,
  rowSpans: boolean,
  sink?: RowSink<S>,
): { handlers: Handlers; finish(): SheetRead<S> & { readonly height: number } } {
  const { shared: sharedString, dates, date1904, days } = context;
  const rows: (Cell | S)[][] = [];
  const spans: RowSpan[] = [];
  const columnStyles: ColumnStyle[] = [];
  const merges: string[] = [];
  let dataEnd = -1;
  let emptyData: SheetLayout['emptyData'] = null;
  let dimension: SheetLayout['dimension'] = null;
  let addressed = true;
  let lastRow = 0;
  let widest = 0;
  /** The last row given to the sink, the grid's height so far: a row's number is above it. */
  let given = 0;

  let rowNumber = 0;
  let rowStart = 0;
  let rowCells: (Cell | S)[] | undefined;
  let rowWidth = 0;
  let rowHasValues = false;

  let column = 0;
  let type: string | undefined;
  let style: number | undefined;
  let value: string | undefined;
  let formula = '';
  let shared: string | undefined;
  let runs: string[] | null = null;
  let runText = '';
  let inRun = false;
  let target = Target.None;

  const dateCell = (serial: number): Cell => {
    const whole = Number.isInteger(serial);
    let time = whole ? days.get(serial) : undefined;
    if (time === undefined) {
      const date = plain(dateOfSerial(serial, date1904));
      time = date instanceof Date ? date.getTime() : NaN;
      if (whole) days.set(serial, time);
    }
    return Number.isNaN(time) ? '' : new Date(time);
  };

  const cellValue = (): Cell | S => {
    const isDate = style !== undefined && dates[style] === true;
    // An error reads as its text, as getValues() gives it, whatever the cell's format: the column's
    // decoder calls it what it is where the add-on reads the column, and nothing else looks at it.
    if (type === 'e') return value ?? '';
    if (formula !== '' || shared) {
      // A formula reads as its cached result.
      if (!value) return '';
      const result: Cell =
        type === 'str' ? xmlDecode(value) : type === 'b' ? parseInt(value, 10) !== 0 : parseFloat(value);
      return plain(isDate ? dateOfSerial(result, date1904) : result);
    }
    if (runs !== null) return runs.join('');
    if (value === undefined) return '';
    switch (type) {
      case 's':
        return sharedString(parseInt(value, 10));
      case 'str':
        return xmlDecode(value);
      case 'inlineStr':
        return value;
      case 'b':
        return parseInt(value, 10) !== 0;
      default: {
        const number = parseFloat(value);
        return isDate ? dateCell(number) : plain(number);
      }
    }
  };

  const handlers: Handlers = {
    open(tag, position, startOf) {
      switch (tag.name) {
        case 'c': {
          const address = attribute(tag, 'r');
          const next = address === undefined ? column + 1 : columnOf(address);
          if (address === undefined || next <= column) addressed = false;
          column = next;
          type = attribute(tag, 't');
          const s = attribute(tag, 's');
          style = s === undefined ? undefined : parseInt(s, 10);
          value = undefined;
          formula = '';
          shared = undefined;
          runs = null;
          break;
        }
        case 'v':
          target = Target.Value;
          break;
        case 't':
          target = inRun ? Target.Run : Target.Value;
          break;
        case 'f':
          target = Target.Formula;
          shared = attribute(tag, 't');
          break;
        case 'r':
          inRun = true;
          runText = '';
          break;
        case 'row': {
          const r = attribute(tag, 'r');
          const next = r === undefined ? rowNumber + 1 : parseInt(r, 10);
          if (r === undefined || !(next > rowNumber)) addressed = false;
          rowNumber = next;
          if (rowSpans) rowStart = startOf(position);
          rowCells = undefined;
          rowWidth = 0;
          rowHasValues = false;
          column = 0;
          lastRow = Math.max(lastRow, rowNumber);
          break;
        }
        case 'sheetData':
          if (tag.isSelfClosing) emptyData = { start: startOf(position), end: position };
          break;
        case 'dimension':
          dimension = { start: startOf(position), end: position };
          break;
        case 'col': {
          const s = attribute(tag, 'style');
          if (s !== undefined)
            columnStyles.push({
              min: parseInt(attribute(tag, 'min') ?? '', 10),
              max: parseInt(attribute(tag, 'max') ?? '', 10),
              style: parseInt(s, 10),
            });
          break;
        }
        case 'mergeCell':
          merges.push(attribute(tag, 'ref') ?? '');
          break;
      }
    },
    text(text) {
      switch (target) {
        case Target.Value:
          // Text after rich runs is not part of the value, as exceljs reads it.
          if (runs === null) value = value ? value + text : text;
          break;
        case Target.Formula:
          formula += text;
          break;
        case Target.Run:
          runText += text;
          break;
      }
    },
    close(name, position, startOf) {
      switch (name) {
        case 'v':
        case 't':
        case 'f':
          target = Target.None;
          break;
        case 'r':
          if (inRun) (runs ??= []).push(decodeEscapes(runText));
          inRun = false;
          break;
        case 'c': {
          rowWidth = Math.max(rowWidth, column);
          // exceljs counts a cell that is more than a style as a value, even an error.
          if (value !== undefined || formula !== '' || shared || runs !== null || style === undefined)
            rowHasValues = true;
          const read = cellValue();
          const cell = typeof read === 'string' ? clipText(read, SHEETS_CELL_TEXT) : read;
          // A row is made as wide as the widest so far (within reason), so that it does not grow cell by cell.
          if (cell !== '') (rowCells ??= new Array<Cell | S>(Math.min(widest, ROW_HINT)))[column - 1] = cell;
          break;
        }
        case 'row':
          if (rowSpans) spans.push({ row: rowNumber, start: rowStart, end: position });
          if (sink) {
            // A row out of order, or numbered 0 or less, changes rows given already or is left out of the grid.
            if (!(rowNumber > given)) throw new RowsNotInOrder();
            if (rowCells) {
              given = rowNumber;
              sink(rowNumber, rowCells);
            }
          } else if (rowCells) rows[rowNumber - 1] = rowCells;
          else if (rowNumber > 0) delete rows[rowNumber - 1];
          if (rowHasValues) widest = Math.max(widest, rowWidth);
          break;
        case 'sheetData':
          if (emptyData === null) dataEnd = startOf(position);
          break;
      }
    },
  };
  const finish = () => {
    if (sink && merges.length > 0) throw new RowsNotInOrder();
    unmerge(rows, merges);
    return {
      rows,
      height: given,
      cells: lastRow * widest,
      layout: { rows: spans, dataEnd, emptyData, dimension, columnStyles, addressed },
    };
  };
  return { handlers, finish };
}

/** One sheet read whole. Throws when its XML is not well formed. */
function readSheet(xml: string | Buffer, context: SheetContext, rowSpans: boolean): SheetRead {
  const { handlers, finish } = sheetReading(context, rowSpans);
  parseXml(xml, handlers);
  return finish();
}

/** Blanks the cells a merge covers, but its top left one: Sheets reads them as empty. */
function unmerge<S>(rows: (Cell | S)[][], merges: readonly string[]): void {
  for (const ref of merges) {
    const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref);
    if (!m) continue;
    const [c1, r1, c2, r2] = [columnOf(m[1] ?? ''), Number(m[2]), columnOf(m[3] ?? m[1] ?? ''), Number(m[4] ?? m[2])];
    const [top, bottom, left, right] = [Math.min(r1, r2), Math.max(r1, r2), Math.min(c1, c2), Math.max(c1, c2)];
    for (let r = top; r <= Math.min(bottom, rows.length); r++) {
      const row = rows[r - 1];
      if (!row) continue;
      for (let c = r === top ? left + 1 : left; c <= Math.min(right, row.length); c++) delete row[c - 1];
    }
  }
}

/** The used range as a rectangle, made of the rows read: no blank rows below it or columns to its right, '' in every gap. */
function rectangle(rows: Cell[][]): Cell[][] {
  let height = 0;
  let width = 0;
  rows.forEach((row, i) => {
    const last = reach(row);
    if (last === 0) return;
    height = i + 1;
    width = Math.max(width, last);
  });
  rows.length = height;
  for (let r = 0; r < height; r++) {
    const row = rows[r];
    if (row === undefined) {
      rows[r] = new Array<Cell>(width).fill('');
      continue;
    }
    row.length = width;
    for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = '';
  }
  return rows;
}

export interface SheetEntry {
  readonly name: string;
  readonly part: string;
}

/** The worksheets in tab order, each with its part, found as exceljs finds them (through the workbook's relationships). */
export function sheetEntries(
  workbook: string,
  rels: string | undefined,
  parts: { has(part: string): boolean },
): { entries: SheetEntry[]; date1904: boolean } {
  const targets = new Map<string, string>();
  if (rels !== undefined) {
    parseXml(rels, {
      open(tag) {
        if (tag.name === 'Relationship') targets.set(attribute(tag, 'Id') ?? '', attribute(tag, 'Target') ?? '');
      },
    });
  }
  const entries: SheetEntry[] = [];
  let date1904 = false;
  parseXml(workbook, {
    open(tag) {
      if (tag.name === 'workbookPr') date1904 = attribute(tag, 'date1904') === '1';
      if (tag.name !== 'sheet') return;
      const target = targets.get(attribute(tag, 'r:id') ?? '');
      if (target === undefined) return;
      const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
      // Chart sheets and parts that are missing hold no cells.
      if (!/xl\/worksheets\/sheet(\d+)[.]xml/.test(part) || !parts.has(part)) return;
      entries.push({ name: sheetsName(xmlDecode(attribute(tag, 'name') ?? '')), part });
    },
  });
  return { entries, date1904 };
}

/** The tabs hold more cells than a Google Sheet can: their values are not laid out as grids at all. */
export class TooManyCells extends Error {
  override readonly name = 'TooManyCells';

  constructor(readonly cells: number) {
    // @i18n-exempt: TooManyCells is caught and worded for a person by XlsxWorkbook.open.
    super(`The tabs span ${cells} cells`);
  }
}

/** What each sheet of a workbook is read with: its worksheets in tab order, and the strings and styles they share. */
export interface WorkbookReader {
  readonly entries: readonly SheetEntry[];
  readonly date1904: boolean;
  readonly styles: Styles;
  /** Whether cell style i shows dates. */
  readonly dates: readonly boolean[];
  /** The shared strings, read when first asked for (by this or by the first sheet read). */
  strings(): readonly string[];
  /** The sheet of a part: its values by row (a sparse array), its size and its layout (rows only with `rowSpans`). */
  read(part: string, rowSpans: boolean): SheetRead;
  /** The same, from the part's bytes given a piece at a time, without the rows' spans. */
  readPieces(pieces: AsyncIterable<Buffer>): Promise<SheetRead>;
  /**
   * The same, each row that holds a value given to `sink` as it is read and none kept: the sheet's size,
   * and its height as a grid. Throws RowsNotInOrder where that would not give the grid's rows.
   */
  readRows(pieces: AsyncIterable<Buffer>, sink: RowSink): Promise<{ readonly cells: number; readonly height: number }>;
}

/**
 * The reader of the parts of an .xlsx (named without a leading slash) that the guard let through, its
 * styles read, its shared strings when a sheet first needs them: a worker can start on the sheets
 * (sheet-thread.ts) while they are read. Throws when the workbook part is missing or a part's XML is
 * not well formed.
 */
export function workbookReader(parts: Parts): WorkbookReader {
  const text = (name: string) => parts.get(name)?.toString('utf8');
  const workbook = text('xl/workbook.xml');
  // @i18n-exempt: caught by XlsxWorkbook.open, which says the file is damaged.
  if (workbook === undefined) throw new Error('The file has no workbook part.');
  const { entries, date1904 } = sheetEntries(workbook, text('xl/_rels/workbook.xml.rels'), parts);
  const styles = readStyles(text('xl/styles.xml'));
  const dates = styles.formats.map(isDateFormat);
  let strings: readonly string[] | undefined;
  const stringsRead = () => (strings ??= sharedStrings(text('xl/sharedStrings.xml') ?? ''));
  let context: SheetContext | undefined;
  const contextRead = (): SheetContext => {
    if (context) return context;
    const read = stringsRead();
    return (context = { shared: (index) => read[index] ?? '', dates, date1904, days: new Map() });
  };
  return {
    entries,
    date1904,
    styles,
    dates,
    strings: stringsRead,
    read: (part, rowSpans) => readSheet(parts.get(part) ?? '', contextRead(), rowSpans),
    readPieces: (pieces) => readFed(pieces, sheetReading(contextRead(), false)),
    async readRows(pieces, sink) {
      const { cells, height } = await readFed(pieces, sheetReading(contextRead(), false, sink));
      return { cells, height };
    },
  };
}

/** A sheet read from its bytes as they come. */
export async function readFed<T>(
  pieces: AsyncIterable<Buffer>,
  { handlers, finish }: { handlers: Handlers; finish(): T },
): Promise<T> {
  const feed = new XmlFeed(handlers);
  for await (const piece of pieces) feed.push(piece);
  feed.end();
  return finish();
}

/** A sheet's values as a grid: what WorkbookPort.read returns. */
export function gridOf(sheet: Pick<SheetRead, 'rows'>): Cell[][] {
  return rectangle(sheet.rows);
}

/**
 * Every worksheet's values and layout. Throws TooManyCells when the tabs together span more than
 * `maxCells`, and as workbookReader throws.
 */
export function readWorkbook(parts: Parts, maxCells: number): WorkbookValues {
  const reader = workbookReader(parts);
  // A workbook without a sheet refuses damaged shared strings too.
  reader.strings();
  const read = reader.entries.map(({ name, part }) => ({ name, part, ...reader.read(part, true) }));
  return workbookValues(reader, read, maxCells);
}

/** The values and layout of a workbook whose every sheet was read (with its rows' spans); throws TooManyCells as readWorkbook does. */
export function workbookValues(
  reader: WorkbookReader,
  read: readonly (SheetEntry & SheetRead)[],
  maxCells: number,
): WorkbookValues {
  const cells = read.reduce((sum, sheet) => sum + sheet.cells, 0);
  if (cells > maxCells) throw new TooManyCells(cells);
  const sheets = read.map(({ name, part, layout, ...sheet }) => ({ name, part, grid: gridOf(sheet), layout }));
  return { sheets, date1904: reader.date1904, styles: reader.styles };
}
